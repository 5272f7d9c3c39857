/*
 * ensemble.h: many runs of one scenario (`yuanflow ensemble`, DESIGN.md
 * sections 1.4-1.5 and 9; docs/outputs.md section 1.4).
 *
 * An ensemble is n_runs runs of a scenario, numbered k = 0 .. n_runs - 1. Run k
 * has seed `seed + k` and, for every parameter drawn, the value
 *
 *   lo + (hi - lo) u(seed, k, p),   u in [0, 1)
 *
 * where u is a counter-based generator keyed by the ensemble's seed, the run
 * index and the parameter's index in the model's table: a pure function, so a
 * run is the same whichever process, thread or MPI rank computes it and in
 * whatever order. The runs go to the SQLite run store with their index in the
 * same transaction (src/output/store.c), so an interrupted ensemble resumes
 * with exactly the indices that are missing; the percentiles are computed
 * from the stored values, so they do not depend on the order either.
 *
 * This layer does the arithmetic and the store's ensemble tables; running the
 * model and the processes is the command's (src/cli/cmd_ensemble.c).
 */
#ifndef YF_ENSEMBLE_H
#define YF_ENSEMBLE_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

/* ---- the counter-based generator (ensemble.c) ----------------------------- */

/*
 * SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference splitmix64.c):
 * advance *state by the golden gamma and return the mixed value. Output n
 * (from 1) of a state s is mix(s + n * 0x9e3779b97f4a7c15), a pure function of
 * (s, n): a counter-based generator.
 */
uint64_t ensemble_splitmix64(uint64_t *state);

/*
 * The draw for run `run` and purpose `purpose` (a parameter's index) of an
 * ensemble with seed `seed`, uniform in [0, 1) with 53 random bits:
 * output purpose+1 of the SplitMix64 stream whose state is output run+1 of
 * the stream seeded with `seed`.
 */
double ensemble_uniform(uint64_t seed, uint64_t run, uint64_t purpose);

/* ---- percentiles (ensemble.c) --------------------------------------------- */

/* The percentiles reported for every series and date, in this order. */
enum { ENSEMBLE_N_PERCENTILES = 5 };
extern const double ensemble_percentiles[ENSEMBLE_N_PERCENTILES]; /* 0.05 ... 0.95 */

/* Percentile p (in [0, 1]) of sorted[0..n): linear interpolation between the
 * closest ranks (Hyndman and Fan's type 7, R's default), the definition the
 * report's fans use (report_percentile); NaN when n is 0. */
double ensemble_percentile(const double *sorted, int n, double p);

/* ---- the store's ensemble tables (ensemble_store.c) ----------------------- */

/*
 * Begin or resume ensemble `name` in the run store at `path` (created with the
 * schema if absent): if the store has no ensemble of that name, it is added
 * with its spec and n_runs; if it has one with the same spec and n_runs, that
 * one is resumed; another spec is refused (YF_ERR_ARGUMENT, with both specs'
 * first differing line in diag). On success *out_id is its ensembles.id and
 * done[k] (n_runs entries) is true for each index already stored (run or
 * recorded failure). One transaction.
 */
YF_MUST_CHECK yf_status ensemble_store_begin(const char *path,
                                             const char *name,
                                             const char *spec,
                                             int32_t n_runs,
                                             const char *created,
                                             int64_t *out_id,
                                             bool *done,
                                             yf_diag *diag);

/* Record that index `index` of ensemble `id` failed, with the reason (its run
 * is not stored; the index counts as done). */
YF_MUST_CHECK yf_status ensemble_store_failure(const char *path,
                                               int64_t id,
                                               int32_t index,
                                               const char *message,
                                               yf_diag *diag);

/*
 * The percentiles (ensemble_percentiles) of every series, region, frequency
 * and date over the runs of ensemble `id` that have a value there, from the
 * values in the store; written to the table ensemble_percentiles (replacing
 * the ensemble's earlier rows, one transaction) and, if csv_path is not NULL,
 * as CSV (atomically): header
 *   ensemble,series,region,frequency,date,runs,p5,p25,p50,p75,p95
 * rows ordered by series, region, frequency and date. *out_cells (may be
 * NULL) is the number of rows.
 */
YF_MUST_CHECK yf_status ensemble_store_percentiles(const char *path,
                                                   int64_t id,
                                                   const char *name,
                                                   const char *csv_path,
                                                   int64_t *out_cells,
                                                   yf_diag *diag);

#endif
