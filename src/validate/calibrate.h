/*
 * calibrate.h: the method-of-simulated-moments fit of the China model's free
 * parameters (DESIGN.md 8, docs/validation.md section 6).
 *
 * The free parameters and their bounds are one table (calibrate_free_params,
 * calibrate.c), each bound with its reason, inside the parameter's range of
 * src/model/params.h. The objective of a candidate is the validation's summary
 * score over the calibration window (2000-2018), averaged over a fixed list of
 * seeds (common random numbers: every candidate runs on the same seeds): the
 * moments are the compared quantities year by year, weighted by the inverse
 * square of their tolerance. The optimiser is NLopt's BOBYQA (Powell's
 * derivative-free bound-constrained method, Debian's libnlopt-dev), on the
 * parameters scaled to [0, 1].
 *
 * Parallel and resumable: K local searches (multi-start: the scenario's values,
 * then points of a Halton sequence in the box) run in up to J forked processes.
 * Every evaluation is written, as it is made, to the SQLite run store
 * (calibrations and calibration_evaluations, docs/outputs.md); a search that
 * meets a point the store already has for the same calibration takes the
 * recorded objective instead of running it, so a restart replays the path of
 * the interrupted search and continues where it stopped.
 */
#ifndef YF_CALIBRATE_H
#define YF_CALIBRATE_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

#include "validate/validate.h"

/* One free parameter: its name in src/model/params.h and the box searched. */
typedef struct calibrate_free_param {
    const char *name;
    double lo, hi;
    const char *reason; /* why the bounds are where they are */
} calibrate_free_param;

extern const calibrate_free_param calibrate_free_params[];
extern const int calibrate_n_free_params;

/* The objective of a point x (n values, each in its bounds): lower is better.
 * Must be deterministic. */
typedef double (*calibrate_objective_fn)(void *ctx, const double *x, int n);

/* Called in the worker after each evaluation (may be NULL): start, the
 * evaluation's number in that search (from 1), its objective, the best so
 * far in that search, and whether it was replayed from the store. */
typedef void (*calibrate_progress_fn)(
    void *ctx, int start, int evaluation, double f, double best, bool replayed);

typedef struct calibrate_problem {
    int n;                    /* parameters */
    const char *const *names; /* n names (the store's record of the point's order) */
    const double *lo, *hi;    /* n bounds, lo < hi */
    const double *x0;         /* n: the first start (clamped into the box) */
    calibrate_objective_fn objective;
    void *ctx;
    uint64_t key;            /* identifies the calibration in the store: a hash of
                                everything the objective depends on */
    const char *description; /* one line stored with the calibration */
} calibrate_problem;

typedef struct calibrate_options {
    const char *store; /* the run store */
    int starts;        /* local searches (>= 1) */
    int jobs;          /* processes at once (>= 1); 1: no fork */
    int max_evals;     /* evaluations per search, replayed ones included */
    calibrate_progress_fn progress;
    void *progress_ctx;
} calibrate_options;

typedef struct calibrate_result {
    double best_f;       /* lowest objective recorded for the calibration */
    double *best_x;      /* n values (owned: yf_mem_free) */
    int n_new;           /* evaluations run by this call */
    int n_replayed;      /* evaluations taken from the store */
    int n_failed_starts; /* searches that stopped on an error (objective NaN, store) */
    int n_recorded;      /* evaluations in the store for this calibration */
} calibrate_result;

/*
 * Run the calibration. Errors: YF_ERR_IO (the store; diag names it), YF_ERR_ARGUMENT
 * (a bad problem or options), YF_ERR_NOMEM. A search that fails inside a worker is
 * counted in n_failed_starts; the others still count.
 */
YF_MUST_CHECK yf_status calibrate_run(const calibrate_problem *p,
                                      const calibrate_options *o,
                                      calibrate_result *out,
                                      yf_diag *diag);

/* The k-th start of a problem (k = 0: x0 clamped; k >= 1: the k-th Halton point in
 * the box, bases 2, 3, 5, ...), into x (n values). */
void calibrate_start_point(const calibrate_problem *p, int k, double *x);

/* ---- the model's objective --------------------------------------------------- */

struct scenario;

typedef struct calibrate_model {
    const struct scenario *scenario;
    double base[N_MODEL_PARAMS]; /* the scenario's parameters */
    int n;                       /* free parameters used */
    int index[N_MODEL_PARAMS];   /* their model_param_id */
    validate_run_size size;      /* households, firms, last month, data dir */
    const data_set *annual;      /* data/china_annual.csv */
    int from, to;                /* window of the objective */
    int n_seeds;
    const int64_t *seeds;
} calibrate_model;

/* The objective of calibrate_model ctx: the mean over its seeds of
 * validate_score_window over [from, to]; a run that stops early scores
 * 10 + 100 x (share of its months not run); NaN when a run cannot be built
 * (out of memory), which stops the search as failed (nothing recorded). */
double calibrate_model_objective(void *ctx, const double *x, int n);

/* The key of a model calibration: a hash of the scenario's effective inputs
 * (parameters, events, paths), the free parameters and their bounds, seeds,
 * sizes, window, the matching table (series, data, form, tolerance, weight)
 * and the model's own output (every series of a two-year run at 200
 * households), so that changing any of them starts a new record. 0 when that
 * run cannot be built (out of memory): a key made without it would start a
 * record that no later calibration finds. */
uint64_t calibrate_model_key(const calibrate_model *m, const calibrate_problem *p);

#endif
