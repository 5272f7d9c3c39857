/*
 * report.h: `yuanflow report`, a self-contained HTML report of runs from the
 * SQLite run store (docs/report.md).
 *
 * The command reads the runs it is given from the store (report_store.c),
 * turns them into chart-ready numbers (report_charts.c: the theme table,
 * units, ensembles' percentiles, differences from the first scenario, the
 * data the model is compared with; report_sankey.c: who pays whom in one
 * year), writes them as JSON into one HTML page together with the chart
 * library (ECharts, inlined at build time) and the page's own script and
 * style (report/page.js, report/page.css), and can save every chart as an
 * SVG file through node (report/images.js).
 *
 * The layers: report.c is command code (it prints and chooses exit codes,
 * like src/cli); the other files only fill structs and a yf_diag.
 */
#ifndef YF_REPORT_H
#define YF_REPORT_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

#include "data/data.h"

/* The command: `yuanflow report [options]`; argv[0] is "report".
 * Returns the exit code: 0 ok, 1 failure, 2 bad input or usage. */
int report_command(int argc, char **argv);

/* ---- runs read from the store (report_store.c) ---------------------------- */

/* One annual series of a run: values[y] is the year first_year + y (NaN: missing). */
typedef struct report_series {
    char *name, *unit, *description, *aggregation;
    double *values;
} report_series;

typedef struct report_param {
    char *name, *unit;
    double value; /* NaN if stored as NULL */
} report_param;

/* A matrix of the ledger for one year (values in yuan, row-major). */
typedef struct report_matrix {
    int n_rows, n_cols;
    char **row_codes, **row_labels, **columns;
    int64_t *values;
} report_matrix;

typedef struct report_run {
    int64_t id;
    char *version, *scenario, *hash, *start, *created;
    int64_t replicate, seed, households, firms, months;
    int first_year, n_years; /* the annual observations: whole calendar years */
    report_param *params;
    int n_params;
    report_series *series;
    int n_series;
    /* The matrices of the report's year (loaded for the first run of each
     * scenario; n_rows == 0 when the store has none for it). */
    report_matrix balance_sheet, flows, other_changes;
} report_run;

typedef struct report_store report_store;

/*
 * Open a run store read-only. A store of schema version 1 (no matrices) or 2
 * is read; another program's database or a newer version is refused with the
 * reason in diag (YF_ERR_IO, YF_ERR_ARGUMENT).
 */
YF_MUST_CHECK yf_status report_store_open(report_store **out, const char *path, yf_diag *diag);
void report_store_close(report_store *st);
int report_store_version(const report_store *st);

/* Ids of the runs in the store, ascending (owned by the caller, yf_mem_free). */
YF_MUST_CHECK yf_status report_store_run_ids(report_store *st,
                                             int64_t **out_ids,
                                             int *out_n,
                                             yf_diag *diag);

/* Ids of the runs of scenario `name`, ascending; *out_n = 0 if none. */
YF_MUST_CHECK yf_status report_store_scenario_runs(
    report_store *st, const char *name, int64_t **out_ids, int *out_n, yf_diag *diag);

/* The distinct scenario names of the store (for "did you mean"); free each
 * and the array with report_strings_free. */
YF_MUST_CHECK yf_status report_store_scenarios(report_store *st,
                                               char ***out_names,
                                               int *out_n,
                                               yf_diag *diag);
void report_strings_free(char **names, int n);

/* Load run `id` (metadata, parameters, annual series). YF_ERR_UNKNOWN_NAME if
 * there is no such run. Release with report_run_release. */
YF_MUST_CHECK yf_status report_store_load_run(report_store *st,
                                              int64_t id,
                                              report_run *out,
                                              yf_diag *diag);

/* Load the run's matrices of `year` (stocks at December's close, the year's
 * flows). Leaves them empty (n_rows 0) when the store has none. */
YF_MUST_CHECK yf_status report_store_load_matrices(report_store *st,
                                                   report_run *run,
                                                   int year,
                                                   yf_diag *diag);

/* The years that have matrices for run `id`: first and last (0, 0 if none). */
YF_MUST_CHECK yf_status report_store_matrix_years(
    report_store *st, int64_t id, int *out_first, int *out_last, yf_diag *diag);

void report_run_release(report_run *run);
void report_matrix_release(report_matrix *m);

/* The series `name` of a run, or NULL. */
const report_series *report_run_series(const report_run *run, const char *name);

/* ---- scenarios and charts (report_charts.c) -------------------------------- */

/* Runs grouped by scenario name, in the order the scenarios first appear. */
typedef struct report_scenario {
    const char *name;
    const report_run **runs;
    int n_runs;
} report_scenario;

typedef struct report_input {
    const report_scenario *scenarios;
    int n_scenarios;
    const data_set *data;    /* the annual data (data/china_annual.csv), or NULL */
    int first_year, n_years; /* the report's years: the union of the runs' years */
    int matrix_year;         /* 0 if no matrices */
} report_input;

/*
 * Percentile p in [0, 1] of n sorted values, by linear interpolation between
 * order statistics (the "type 7" rule of R and numpy): x[(n-1)p].
 */
double report_percentile(const double *sorted, int n, double p);

/*
 * The display form of a unit: the factor values are multiplied by and the
 * axis label. `annual_unit` is the unit of the annual values ("per month" of
 * a summed flow already made "per year"); `max_abs` the largest magnitude the
 * chart shows, which picks thousand, million, billion or trillion for money.
 */
typedef struct report_display {
    double scale;
    char label[128];
    bool percent; /* a share or rate shown in %: differences are percentage points */
} report_display;

void report_display_unit(const char *unit, double max_abs, report_display *out);

/* The unit of a series' annual values: "per month" becomes "per year" when the
 * annual value is the sum of the months. */
void report_annual_unit(const report_series *s, char *out, size_t size);

/* The themes, the differences, net lending: one JSON array of sections. */
YF_MUST_CHECK yf_status report_build_sections(const report_input *in,
                                              json_object **out,
                                              yf_diag *diag);

/* The theme table's series names (for docs and tests): NULL-terminated. */
const char *const *report_expected_series(void);

/* ---- flows between sectors (report_sankey.c) ------------------------------- */

/*
 * Who paid whom in one year's transactions-flow matrix. For each flow row
 * (rows whose code starts with "change_" are changes in stocks and are
 * dropped) the payers are the sectors with negative entries, the payees those
 * with positive ones; the row's total T (the sum of its positive entries)
 * is split pro rata: payer p (-a_p) to payee q (b_q) gets a_p * b_q / T.
 * A link's amount is the sum over rows; its rows are kept for the tooltip.
 * Amounts in yuan (double); links are ordered by payer then payee.
 */
typedef struct report_link_part {
    int row;       /* row index in the flows matrix */
    double amount; /* yuan */
} report_link_part;

typedef struct report_link {
    int payer, payee;        /* column indices */
    double amount;           /* yuan */
    report_link_part *parts; /* by amount, largest first */
    int n_parts;
} report_link;

YF_MUST_CHECK yf_status report_sankey(const report_matrix *flows,
                                      report_link **out_links,
                                      int *out_n);
void report_sankey_free(report_link *links, int n);

/* The sankey of a flows matrix as JSON: nodes (payers, then payees), links in
 * billion yuan with their largest rows; links below `min_share` of the total
 * are left out (their count and amount are given). */
YF_MUST_CHECK yf_status report_sankey_json(const report_matrix *flows,
                                           double min_share,
                                           json_object **out);

/* Full sector name of a sector code of the China chart ("HH" -> "Households"),
 * or the code itself. */
const char *report_sector_name(const char *code);

/* Add `value` under `key` (the object takes it); on failure release value and
 * return false. report_json_put_str adds a string, "" for NULL. (report.c) */
bool report_json_put(json_object *obj, const char *key, json_object *value);

/* Parse "YYYY-MM" (a run's start month) into *year and *month; false if the
 * text is not two numbers joined by '-' within 0..9999 and 0..99. (report.c) */
bool report_parse_month(const char *text, int *year, int *month);
bool report_json_put_str(json_object *obj, const char *key, const char *text);

#endif
