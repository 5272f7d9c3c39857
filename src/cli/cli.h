/*
 * cli.h: what the commands of the yuanflow tool share (src/cli is the only
 * code that prints to the user or exits). One file per command (cmd_*.c); the
 * dispatch table is in main.c.
 *
 * Exit codes: 0 success, 1 the run failed (an accounting or numerical fault,
 * or an output that could not be written), 2 bad input or usage.
 */
#ifndef YF_CLI_H
#define YF_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <yuanflow.h>

#include "model/economy.h"
#include "report/ledger_years.h"
#include "scenario/scenario.h"

enum { EXIT_RUN_FAILED = 1, EXIT_USAGE = 2, CLI_MAX_SETTINGS = 32, CLI_MAX_SCENARIOS = 16 };

/* A command: argv[0] is the command's name, its arguments follow. */
typedef int (*cli_command_fn)(int argc, char **argv);

int cmd_run(int argc, char **argv);       /* cmd_run.c */
int cmd_compare(int argc, char **argv);   /* cmd_compare.c */
int cmd_explain(int argc, char **argv);   /* cmd_explain.c */
int cmd_list(int argc, char **argv);      /* cmd_list.c */
int cmd_params(int argc, char **argv);    /* cmd_list.c */
int cmd_matrices(int argc, char **argv);  /* cmd_matrices.c */
int cmd_demo(int argc, char **argv);      /* cmd_demo.c */
int cmd_validate(int argc, char **argv);  /* cmd_validate.c */
int cmd_calibrate(int argc, char **argv); /* cmd_calibrate.c */
int cmd_ensemble(int argc, char **argv);  /* cmd_ensemble.c */

/* ---- messages (cli.c) ----------------------------------------------------- */

/* "yuanflow: error: <message>" on stderr; returns code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Report a diagnostic: its message (which names the file, line and column when
 * it is about a file, else prefixed "yuanflow: error: "), then, when it points
 * into a file, that line and a caret under the column. Returns code. */
int cli_report(int code, const yf_diag *d);

/* True if argv holds --help or -h: the command then prints `usage` to stdout. */
bool cli_wants_help(int argc, char **argv);

/* "unknown option 'x' (did you mean 'y'?)" among names[0..n); returns EXIT_USAGE. */
int cli_unknown_option(const char *arg, const char *const *names, int n);

bool cli_parse_int(const char *s, int min, int max, int *out);

/* ---- running scenarios (cli.c) -------------------------------------------- */

/* A parameter setting from --set NAME=VALUE. */
typedef struct cli_setting {
    char name[64];
    double value;
} cli_setting;

/* Parse "NAME=VALUE" into s. */
bool cli_parse_assignment(const char *text, cli_setting *s);

/* Options of the commands that run a scenario (run, compare, matrices). */
typedef struct cli_run_options {
    int to_month;          /* last month to run; -1: the scenario's horizon */
    int households, firms; /* 0: the scenario's */
    const char *data_dir;
    cli_setting settings[CLI_MAX_SETTINGS];
    int n_settings;
    ledger_years *matrices; /* NULL, or gets every month's ledger snapshot (the run store's
                             * annual matrices, src/report/ledger_years.h) */
} cli_run_options;

void cli_run_options_init(cli_run_options *o);

/* A scenario (or ensemble) name is recorded in every output: true if it is
 * printable text of 1 to 100 bytes. */
bool cli_valid_scenario_name(const char *s);

/*
 * If argv[*i] is one of --to, --households, --firms, --data, --set, take it
 * and its value (advancing *i) and return 1; return 0 if it is none of them;
 * return -EXIT_USAGE after printing the error for a bad value.
 */
int cli_take_run_option(int argc, char **argv, int *i, cli_run_options *o);

/*
 * One argument of a command that takes one scenario file, the run options
 * (--households, --firms, --data, --set; --to is the command's own) and
 * options of its own, names[0..n_own). names[] goes on with the run options,
 * n_names in all, for "did you mean". Returns 0 with *own = -1 when the
 * argument was taken (a run option with its value, or the scenario file, into
 * *file), 0 with *own the index of the command's option (its value, if any,
 * not yet taken: cli_option_value), or an exit code after printing the error.
 */
int cli_one_scenario_arg(int argc,
                         char **argv,
                         int *i,
                         cli_run_options *run,
                         const char *command,
                         const char **file,
                         const char *const *names,
                         int n_own,
                         int n_names,
                         int *own);

/* The value of option argv[*i] into *val, advancing *i: 0, or EXIT_USAGE after
 * printing "option '…' needs a value". */
int cli_option_value(int argc, char **argv, int *i, const char **val);

/* The shipped baseline scenario: scenarios/baseline.yaml beside the data
 * directory (its parent's scenarios/), into buf. */
const char *cli_default_scenario(const char *data_dir, char *buf, size_t size);

/* The shipped scenarios directory beside the data directory, into buf. */
const char *cli_scenarios_dir(const char *data_dir, char *buf, size_t size);

/* Refuse a data directory without the shipped data before any work (exit 2). */
int cli_check_data(const char *data_dir);

/* Load scenario files (all of them before anything runs, so that a bad one
 * changes nothing); on error print it and return EXIT_USAGE (or 1 for memory).
 * The caller frees each with scenario_free. */
int cli_load_scenarios(char **files, int n, scenario **out);

/*
 * Build the economy of scenario s with the options (param: the scenario's
 * parameters, then each --set, checked), attach the scenario and run it to its
 * end (or to o->to_month), with a progress line on a terminal. On return
 * *out_e holds the economy (also after a failed run: the months completed);
 * the caller frees it. Returns 0, EXIT_RUN_FAILED (message printed) or
 * EXIT_USAGE (bad --set, a path the data refuse).
 */
int cli_run_scenario(const scenario *s,
                     const cli_run_options *o,
                     double param[N_MODEL_PARAMS],
                     economy **out_e);

/* Index of a series of e by name, or -1. */
int cli_series_find(const economy *e, const char *name);

#endif
