/*
 * scenario.h: scenario files (YAML) turned into the inputs of a run of the
 * China model: horizon, scale and seed, parameter overrides, dated policy
 * events and exogenous paths of the outside world (DESIGN.md section 6; the
 * file format, every key and every error message are in docs/scenarios.md).
 *
 *   load.c    parses a file with libyaml, follows `extends:` (parents first,
 *             cycles refused), checks every name, type, range and date, and
 *             merges the files into one effective scenario;
 *   events.c  the registry of event kinds: each argument of an event writes
 *             one model parameter (src/model/params.h);
 *   paths.c   the exogenous paths: inline points or a CSV column, and writing
 *             them into the world's monthly arrays;
 *   apply.c   the driver: before each month, the events due write e->param.
 *
 * Months are absolute indices year*12 + month - 1 (2016-05 is 2016*12 + 4).
 * A scenario is immutable once loaded; a load that fails returns nothing and
 * touches nothing. The library never prints: errors come back in a yf_diag
 * "file:line:column: error: what" with path, line and column filled.
 */
#ifndef YF_SCENARIO_H
#define YF_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

#include "model/economy.h"

/* Where a value came from: a file (one of scenario.files) and a 1-based line
 * and column. file NULL: not from a file (a default). */
typedef struct scenario_origin {
    const char *file;
    int line, column;
} scenario_origin;

/* ---- event kinds (events.c) ----------------------------------------------- */

enum { SCENARIO_MAX_ARGS = 4, SCENARIO_MAX_WRITES = 16 };

/* One argument of an event kind: its name in the file and the parameter it
 * writes (its range and unit are the parameter's). */
typedef struct scenario_event_arg {
    const char *name;
    int param;     /* model_param_id */
    bool required; /* an optional argument left out leaves its parameter as it is */
} scenario_event_arg;

typedef struct scenario_event_kind {
    const char *name; /* as written after `event:` */
    const char *doc;  /* one line: the policy it stands for */
    int date_param;   /* parameter set to the event's month counted from 2000-01, or -1 */
    bool any_param;   /* `set`: the arguments are parameter names */
    int n_args;
    scenario_event_arg args[SCENARIO_MAX_ARGS];
} scenario_event_kind;

extern const scenario_event_kind scenario_event_kinds[];
extern const int scenario_n_event_kinds;

/* Index of an event kind by name, or -1. */
int scenario_event_kind_find(const char *name);

/* ---- paths (paths.c) ------------------------------------------------------ */

enum scenario_path_id {
    PATH_FED_FUNDS,
    PATH_TARIFF_US,
    PATH_TARIFF_EU,
    PATH_TARIFF_REST,
    PATH_GROWTH_US,
    PATH_GROWTH_EU,
    PATH_GROWTH_REST,
    N_SCENARIO_PATHS
};

typedef struct scenario_path_info {
    const char *name, *unit, *doc;
    double min, max;
} scenario_path_info;

extern const scenario_path_info scenario_path_table[N_SCENARIO_PATHS];

/* Index of a path by name, or -1. */
int scenario_path_find(const char *name);

/* ---- a loaded scenario ---------------------------------------------------- */

/* One parameter write of an event. */
typedef struct scenario_write {
    int param; /* model_param_id */
    double value;
    scenario_origin origin;
} scenario_write;

typedef struct scenario_event {
    char *id;     /* given, or "kind@YYYY-MM" */
    int kind;     /* index in scenario_event_kinds */
    int date;     /* month it takes effect (before that month runs) */
    int until;    /* month its parameters return to their earlier values, or -1 */
    char *source; /* citation, or NULL */
    int n_writes;
    scenario_write writes[SCENARIO_MAX_WRITES];
    scenario_origin origin;      /* the event's mapping */
    scenario_origin date_origin; /* its date */
    scenario_origin until_origin;
} scenario_event;

/* A step function: from each point's month on, the path takes its value. */
typedef struct scenario_point {
    int date;
    double value;
    scenario_origin origin;
} scenario_point;

typedef struct scenario_path {
    bool set;
    bool replace_data; /* may overwrite months that have data */
    int n_points;
    scenario_point *points; /* sorted by date, distinct dates */
    char *csv;              /* "file.csv column name" when read from a CSV file, or NULL */
    scenario_origin origin;
} scenario_path;

/* A setting of the scenario with the place it was set (origin.file NULL: default). */
typedef struct scenario_value {
    double value;
    scenario_origin origin;
} scenario_value;

typedef struct scenario {
    char **files; /* every file read: the top file first, then its parents and the
                     path CSV files in the order they were read */
    int n_files;
    char *name, *description; /* of the top file (not inherited); name defaults to its
                                 file name without .yaml; description may be "" */
    int from, to;             /* horizon, months (inclusive) */
    scenario_origin from_origin, to_origin;
    scenario_value seed, households, firms;
    scenario_value param[N_MODEL_PARAMS]; /* defaults, then the overrides */
    int n_events;
    scenario_event *events; /* inherited first (an override keeps its place), then own */
    scenario_path path[N_SCENARIO_PATHS];
} scenario;

/* Defaults when no file of the chain sets them (docs/scenarios.md). */
enum {
    SCENARIO_DEFAULT_HOUSEHOLDS = 100000,
    SCENARIO_DEFAULT_FIRMS = 5000,
    SCENARIO_FIRST_MONTH = 2000 * 12, /* the model opens in 2000-01 */
    SCENARIO_LAST_MONTH = 2100 * 12 + 11
};

/*
 * Load the scenario in `path` and the chain of files it extends. On success
 * *out owns all its memory (scenario_free). On failure *out is NULL, nothing
 * else is changed, and diag says what and where:
 *   YF_ERR_IO        the file (or a parent, or a CSV of a path) cannot be read;
 *   YF_ERR_ARGUMENT  YAML syntax, a wrong type, an unknown key, parameter,
 *                    event kind, argument or path (with the nearest valid name),
 *                    a value out of its range (with the range), a cycle in
 *                    `extends:` (with the chain), a date outside the horizon;
 *   YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status scenario_load(scenario **out, const char *path, yf_diag *diag);
void scenario_free(scenario *s);

/* The run's parameters: the scenario's (defaults with its overrides). */
void scenario_params(const scenario *s, double param[N_MODEL_PARAMS]);

/* The size of a run over the scenario's horizon (start 2000, months from..to). */
economy_size scenario_economy_size(const scenario *s);

/* "YYYY-MM" of month index m into out (>= 8 bytes). */
void scenario_month_label(int m, char *out, int out_size);

/* Parse "YYYY-MM" into a month index; false if it is not one. */
bool scenario_parse_month(const char *text, int *out);

/* ---- running (apply.c) ---------------------------------------------------- */

/*
 * Continue a 64-bit FNV-1a hash `h` (output_scenario_hash of the run: its
 * parameters, seed and sizes) over what else a run of the scenario depends on:
 * one line per event "event ID KIND DATE UNTIL PARAM=VALUE ...\n" and per path
 * point "path NAME DATE VALUE REPLACE\n" (dates YYYY-MM, UNTIL "-" when none,
 * values %.17g, REPLACE 0 or 1). h is returned unchanged when there are none.
 */
uint64_t scenario_hash_extend(const scenario *s, uint64_t h);

typedef struct scenario_driver scenario_driver;

/*
 * Attach scenario `s` (which must outlive the driver) to economy `e`, whose
 * first month must be the scenario's (asserted: a caller's contract; size the
 * economy with scenario_economy_size): the paths are written into e->world
 * from their dates on. A path may not overwrite a month that has data unless
 * it says `replace_data: true`; that and a path point beyond the data of the
 * run are checked first, so a refused driver changes nothing in e.
 * Errors: YF_ERR_ARGUMENT (diag at the path's place in its file), YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status scenario_driver_new(scenario_driver **out,
                                            const scenario *s,
                                            economy *e,
                                            yf_diag *diag);
void scenario_driver_free(scenario_driver *d);

/*
 * Run `months` more months (to at most the economy's length): before each
 * month, the events that end (`until`) give their parameters back the values
 * they had before the event, then the events that start write theirs; then
 * economy_run(e, 1). Stops at the first fault with e->msg set.
 */
YF_MUST_CHECK yf_status scenario_driver_run(scenario_driver *d, int months);

#endif
