/*
 * output.h: the outputs of a finished run (DESIGN.md section 7, docs/outputs.md):
 * tidy CSV, JSON, and the SQLite run store.
 *
 * The writers know nothing of the model. The caller (src/cli) describes a run
 * in a plain output_run struct: who made it (version, scenario, hash, seed,
 * sizes), its parameters, and its monthly series, each with the rule that turns
 * twelve months into a year. The writers only read that struct.
 *
 * Guarantees (docs/outputs.md section 4):
 *   - no half-written file: CSV and JSON are written to a temporary file in the
 *     target's directory, flushed, fsync'd and renamed over the target; a run
 *     goes into the store in one transaction that is rolled back on any error;
 *   - a failure fills a yf_diag naming the file and the cause and leaves the
 *     target as it was (absent, or the previous complete file or store);
 *   - determinism: the same output_run gives the same CSV and JSON bytes (no
 *     clock in them; `created`, store only, is the one time-dependent field).
 *
 * Dates: month m (0-based) of a run is start_month + m of start_year, written
 * "YYYY-MM"; an annual value is written "YYYY". Only calendar years the run
 * covers from January to December get an annual value.
 */
#ifndef YF_OUTPUT_H
#define YF_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yuanflow.h>

/* How the twelve months of a calendar year make its annual value. */
typedef enum output_aggregation {
    OUTPUT_SUM,  /* flows ("yuan per month"): the sum of the months, a flow per year */
    OUTPUT_MEAN, /* rates, shares, prices and indices: the mean of the months */
    OUTPUT_LAST  /* stocks ("yuan", "dollars"): the December value */
} output_aggregation;

/* A named monthly series. values[m] for m in [0, n_months); a value that is
 * not finite (NaN: not defined that month) is written as missing. */
typedef struct output_series {
    const char *name;        /* identifier, unique in the run, e.g. "gdp_real" */
    const char *unit;        /* of the monthly values, e.g. "yuan per month" */
    const char *description; /* one line */
    output_aggregation aggregation;
    const double *values; /* n_months values (borrowed, not copied) */
} output_series;

/* One effective parameter of the run. */
typedef struct output_param {
    const char *name; /* unique in the run */
    double value;
    const char *unit;
} output_param;

/* The three matrices of the ledger (docs/ledger.md, docs/outputs.md 1.3). */
typedef enum output_matrix_kind {
    OUTPUT_BALANCE_SHEET, /* stocks at the close: + asset, - liability */
    OUTPUT_FLOWS,         /* the transactions-flow matrix: + receipt, - payment; its
                           * "change in stocks" rows enter with a minus sign, so that
                           * every row and every column sums to zero */
    OUTPUT_OTHER_CHANGES  /* revaluations, write-offs, opening balances */
} output_matrix_kind;

/*
 * One matrix of the ledger: n_rows x n_columns whole yuan, row-major. The
 * period is a month (month 1..12) or a calendar year (month 0): a year's
 * balance sheet is the one at the close of December; its flows and other
 * changes are the sums over its twelve months (the annual rules of the series).
 */
typedef struct output_matrix {
    output_matrix_kind kind;
    int year, month; /* month 0: the calendar year */
    int n_rows, n_columns;
    const char *const *row_codes;  /* identifiers, unique in the matrix ("deposits",
                                    * "wages_private", "change_deposits") */
    const char *const *row_labels; /* for people ("bank deposits", "Δ bank deposits") */
    const char *const *columns;    /* sector codes ("HH", "F", ...), unique */
    const int64_t *values;         /* n_rows * n_columns, values[r * n_columns + c] */
} output_matrix;

/* A finished run, as the writers see it. Every pointer is borrowed. */
typedef struct output_run {
    const char *version;         /* program version, e.g. "0.1.0" */
    const char *scenario;        /* scenario name, e.g. "history" */
    uint64_t scenario_hash;      /* output_scenario_hash of this run (or the caller's own) */
    int32_t run;                 /* replicate number of this scenario in one invocation, from 1 */
    int64_t seed;                /* random seed (0 while the model draws no random numbers) */
    int32_t households, firms;   /* agent counts */
    int start_year, start_month; /* first month of the run; start_month in 1..12 */
    int n_months;                /* months run (>= 0) */
    const output_param *params;
    int n_params;
    const output_series *series;
    int n_series;
    const char *created;           /* store only: when the run was made (ISO 8601), or NULL */
    const output_matrix *matrices; /* store only: the ledger's matrices (may be none) */
    int n_matrices;
    bool annual_only;       /* store only: keep the annual values, not the monthly ones */
    int64_t ensemble_id;    /* store only: > 0: the run is index ensemble_index of this
                             * ensemble (ensembles.id), recorded in the run's transaction */
    int32_t ensemble_index; /* from 0 */
} output_run;

/* ---- helpers (output.c) -------------------------------------------------- */

/*
 * The aggregation rule a unit implies (docs/outputs.md section 3): a unit that
 * contains "per month" is a flow (sum); a unit that names "yuan" or "dollars"
 * and contains no "per" is a stock (December value); anything else (rates,
 * shares, prices, indices, "yuan per dollar") is averaged.
 */
output_aggregation output_aggregation_from_unit(const char *unit);

/* "sum", "mean" or "last". */
const char *output_aggregation_name(output_aggregation a);

/*
 * A 64-bit FNV-1a hash of the scenario's effective inputs: every parameter
 * (name and value, in order) and the options that change results (seed,
 * households, firms, start, months). The canonical text hashed is documented
 * in docs/outputs.md section 2; version, scenario name, run and created are
 * not part of it.
 */
uint64_t output_scenario_hash(const output_run *run);

/* "%016" PRIx64 of a hash into out (>= 17 bytes). */
void output_hash_hex(uint64_t hash, char out[17]);

/* "balance_sheet", "flows" or "other_changes". */
const char *output_matrix_kind_name(output_matrix_kind k);

/* Calendar years with all twelve months in the run: the first one and their
 * count (0 when the run covers no whole calendar year). */
void output_annual_years(const output_run *run, int *first_year, int *n_years);

/* Annual value of series s in calendar year `year` (which must be one of the
 * output_annual_years), by s->aggregation; NaN if any month is not finite. */
double output_annual_value(const output_run *run, const output_series *s, int year);

/*
 * Check a run before writing: names present and unique, start month in 1..12,
 * values present. YF_ERR_ARGUMENT with the reason in diag otherwise.
 */
YF_MUST_CHECK yf_status output_run_check(const output_run *run, yf_diag *diag);

/*
 * Can a file be created at `path`? Its directory must exist, be a directory
 * and be writable. Lets the command refuse a bad output path before a long
 * run, not after. YF_ERR_IO with the reason in diag otherwise.
 */
YF_MUST_CHECK yf_status output_check_path(const char *path, yf_diag *diag);

/* Create the directory `path` lives in, if it is missing (one level, mode
 * 0777 less the umask). For a default output location such as runs/. */
YF_MUST_CHECK yf_status output_make_parent_dir(const char *path, yf_diag *diag);

/* ---- writers --------------------------------------------------------------
 * Each checks the run (output_run_check), writes atomically, and on failure
 * returns YF_ERR_IO (or YF_ERR_ARGUMENT, YF_ERR_NOMEM) with diag->path set to
 * the file and diag->message saying what went wrong, the target unchanged. */

/* Tidy CSV (csv.c): header scenario,run,seed,date,series,region,value; for each
 * series its monthly rows, then its annual rows. Region "CN". */
YF_MUST_CHECK yf_status output_write_csv(const output_run *run, const char *path, yf_diag *diag);

/* JSON (json.c): one object with the run's metadata, parameters, the dates and
 * each series' monthly and annual values (missing values are null). */
YF_MUST_CHECK yf_status output_write_json(const output_run *run, const char *path, yf_diag *diag);

/*
 * The SQLite run store (store.c): appends the run to the store at `path`,
 * creating the file and its schema when absent, in one transaction. On success
 * *out_run_id (may be NULL) is the new runs.id. A store made by another
 * program, or by a newer schema version, is refused and left untouched.
 */
YF_MUST_CHECK yf_status output_store_run(const output_run *run,
                                         const char *path,
                                         int64_t *out_run_id,
                                         yf_diag *diag);

/*
 * Open the run store at `path` for a caller that keeps tables of its own in it
 * (the calibration's evaluations, src/validate/calibrate.c; the ensembles,
 * src/ensemble): the file is
 * created with the store's schema when absent, and refused, untouched, when it
 * is another program's database or of a newer schema, as for output_store_run.
 * On success *out_db is an open connection (busy timeout 30 s, foreign keys
 * on) that the caller closes with sqlite3_close. Errors: YF_ERR_IO with the
 * file named in diag.
 */
struct sqlite3;
YF_MUST_CHECK yf_status output_store_open(const char *path, struct sqlite3 **out_db,
                                          yf_diag *diag);

/*
 * The schema version this code writes (PRAGMA user_version of the store).
 * Version 2 added the matrices table, version 3 the ensembles tables
 * (ensembles, ensemble_runs, ensemble_percentiles); a store of an older
 * version is upgraded in the transaction of the next run written to it (its
 * earlier runs have no matrices), and stays readable by the report.
 */
enum { OUTPUT_STORE_SCHEMA_VERSION = 3 };

/*
 * Write `n` bytes of text to `path` whole or not at all (a temporary file
 * renamed over the target, as the CSV and JSON writers do). For other writers
 * of files, such as the report. YF_ERR_IO with the file named in diag.
 */
YF_MUST_CHECK yf_status output_write_file(const char *path,
                                          const char *text,
                                          size_t n,
                                          yf_diag *diag);

#endif
