/*
 * validate.h: the China model held against the real data (DESIGN.md section 8,
 * docs/validation.md).
 *
 *   match.c     THE table: which model series is compared with which data
 *               series of data/china_annual.csv, and how (growth rate, level of a
 *               rate or a share of GDP, year-on-year change), with the error that
 *               counts as one unit in the summary score;
 *   stats.c     the statistics, on plain arrays of annual values (NaN: missing):
 *               RMSE, bias, correlation, direction of change, turning points,
 *               and the two simple forecasts to beat (random walk, AR(1));
 *   validate.c  a model run turned into annual compared values, the comparison
 *               with the data for each matched series, the summary score, and
 *               the CSV and JSON of a validation.
 *
 * Every compared quantity is in percent: growth rates in percent a year, rates
 * and shares in percent, changes in percentage points. The library never
 * prints; src/cli/cmd_validate.c does.
 */
#ifndef YF_VALIDATE_H
#define YF_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

#include "data/data.h"
#include "model/economy.h"

/* ---- the matching table (match.c) ---------------------------------------- */

/* What is compared, year by year (always in percent). */
typedef enum validate_form {
    FORM_GROWTH, /* growth rate of the annual value, % a year: 100 (A_t / A_(t-1) - 1) */
    FORM_LEVEL,  /* the annual value itself, a rate or a share in %: 100 A_t */
    FORM_CHANGE  /* its change from the year before, percentage points: 100 (A_t - A_(t-1)) */
} validate_form;

/* How a model series' twelve months make its annual value A_t. */
typedef enum validate_model_rule {
    MODEL_ANNUAL,       /* the series' own rule (docs/outputs.md 3): flows summed,
                           rates and prices averaged, stocks at December */
    MODEL_DECEMBER,     /* the December value (a stock, or a stock over annual GDP) */
    MODEL_SHARE_GDP,    /* a share of GDP for the year: a monthly share of GDP ("share"
                           in its unit) weighted by the months' nominal GDP, which is
                           the year's flow over the year's GDP; a flow or a stock in
                           yuan by its own rule over the sum of gdp_nominal */
    MODEL_SHARE_GDP_USD /* the annual value (dollars) over the year's GDP in dollars,
                           the sum over months of gdp_nominal / usdcny */
} validate_model_rule;

/* What a data series' annual value is. */
typedef enum validate_data_rule {
    DATA_GROWTH_PCT, /* already a growth rate in % (only with FORM_GROWTH) */
    DATA_LEVEL,      /* a level (yuan, dollars, an index): its growth rate is computed */
    DATA_PCT,        /* a rate or share in % */
    DATA_FRACTION    /* a rate or share as a fraction (multiplied by 100) */
} validate_data_rule;

typedef struct validate_match {
    const char *model; /* model series name (src/model/series.c, or a series a later
                                   model adds: absent from a run means "not simulated") */
    const char *data;  /* series of data/china_annual.csv, or NULL: none ships */
    validate_form form;
    validate_model_rule model_rule;
    validate_data_rule data_rule;
    double tolerance; /* error in the compared unit (pp) that counts 1 in the score */
    double weight;    /* weight in the summary score; 0: shown, not scored */
    const char *note; /* why this comparison, and what differs between the two concepts */
} validate_match;

extern const validate_match validate_matches[];
extern const int validate_n_matches;

/* "growth", "level" or "change"; the unit of the compared quantity ("% a year",
 * "%", "pp"). */
const char *validate_form_name(validate_form f);
const char *validate_form_unit(validate_form f);

/* ---- statistics (stats.c) --------------------------------------------------
 * Arrays are indexed by year from a common first year; NaN marks a missing
 * value, and a year counts only where both arrays have a value. */

/* The statistics of one series over a window of years. NaN when undefined
 * (no year; a correlation needs three years and some variation in both). */
typedef struct validate_stats {
    int n;            /* years with both values */
    double rmse;      /* sqrt(mean (s - a)^2) */
    double bias;      /* mean (s - a) */
    double corr;      /* Pearson correlation of s and a */
    double direction; /* share of years (both values this year and last) in which
                           s and a move the same way (sign of the change; a zero
                           change counts as agreeing only with a zero change) */
    int turns;        /* big turning points of the data (see validate_turns) */
    int turns_hit;    /* of which the model has the same turn in the same year */
} validate_stats;

/*
 * Statistics of simulated s against actual a over n years.
 * Turning points: year t (with values in t-1, t and t+1) is a peak of a when
 * a_t > a_(t-1) and a_t > a_(t+1), a trough when both are <; it is big when both
 * changes are at least half the standard deviation (population) of a's
 * year-on-year changes in the window. The model hits it when s has the same
 * kind of turn (peak or trough) in the same year.
 */
validate_stats validate_compare(const double *s, const double *a, int n);

/*
 * The AR(1) x_t = c + phi x_(t-1) + e fitted by least squares on the pairs of
 * consecutive years of x[0..n) that both have values. False if there are fewer
 * than three pairs or x_(t-1) does not vary.
 */
bool validate_ar1_fit(const double *x, int n, double *out_c, double *out_phi);

/*
 * Forecasts made at the last year with a value in x[0..n_fit) for the years
 * n_fit .. n_fit + h - 1, into out[0..h): the random walk repeats that last
 * value; the AR(1) iterates x_(t+1) = c + phi x_t from it. The AR(1) is fitted
 * on x[0..n_fit). False (out filled with NaN) when there is no last value, or
 * no AR(1) fit.
 */
bool validate_forecast_rw(const double *x, int n_fit, int h, double *out);
bool validate_forecast_ar1(const double *x, int n_fit, int h, double *out);

/* Median of the finite values of x[0..n) (the mean of the middle two when even);
 * NaN if none; at most the first 256 finite values count (the command allows
 * 256 seeds). Minimum and maximum likewise (all values). x is not changed. */
double validate_median(const double *x, int n);
double validate_min(const double *x, int n);
double validate_max(const double *x, int n);

/* ---- sparklines (sparkline.c) ---------------------------------------------- */

/*
 * x[0..n) as a sparkline into out (UTF-8): per value one of the eight blocks
 * U+2581..U+2588 by where it lies in [lo, hi] (the k-th eighth of the range is
 * block k; values outside are clamped), a space for a NaN, every finite value
 * the fourth block when hi <= lo. out needs 3 n + 1 bytes. Returns the bytes
 * written without the NUL, or -1 (out untouched) when size is too small.
 */
int validate_sparkline(const double *x, int n, double lo, double hi, char *out, size_t size);

/* ---- a validation (validate.c) ------------------------------------------ */

typedef enum validate_status {
    VS_COMPARED,      /* model series present and data present */
    VS_NOT_SIMULATED, /* the run has no series of this name */
    VS_NO_DATA        /* no data series ships for it, or none in the window */
} validate_status;

/* One matched series across the seeds of a validation. Arrays by year from
 * validate_result.first_year, n_years long; sim has one row per seed. */
typedef struct validate_series {
    const validate_match *match;
    validate_status status;
    double *actual;                       /* compared quantity of the data, n_years */
    double *sim;                          /* n_seeds * n_years: compared quantity of each run */
    validate_stats *fit;                  /* per seed, over the window [from, to] */
    validate_stats *insample, *outsample; /* per seed, [from, split] and (split, to] */
    double *rmse_oos_rw, *rmse_oos_ar1;   /* one each: the simple forecasts' out-of-sample
                                           RMSE (NaN: no forecast), over the years the
                                           model's outsample counts */
    int n_oos;                            /* years in the out-of-sample comparison */
} validate_series;

typedef struct validate_result {
    int first_year, n_years; /* the window compared: from .. to */
    int split;               /* last in-sample year (2018) */
    int n_seeds;
    int64_t *seeds;
    int n_series;
    validate_series *series;      /* one per row of validate_matches, in order */
    double *score;                /* per seed: over the window */
    double *score_in, *score_out; /* per seed: in sample, out of sample */
    char scenario[128];
    int households, firms;
} validate_result;

/* Options of a validation. */
typedef struct validate_options {
    int from, to; /* years compared (inclusive) */
    int split;    /* last in-sample year: benchmarks are fitted on data <= split */
    int n_seeds;
    const int64_t *seeds; /* common random numbers: the same list for every candidate */
} validate_options;

/*
 * Allocate a result for the window and seeds of o (every series' status
 * VS_NO_DATA until filled). Errors: YF_ERR_NOMEM, YF_ERR_ARGUMENT (empty window).
 */
YF_MUST_CHECK yf_status validate_result_new(validate_result **out, const validate_options *o);
void validate_result_free(validate_result *r);

/*
 * Fill seed row `k` of r from economy e (a finished run, or one that stopped
 * early: missing years are NaN) and the annual data: each match's compared
 * quantity by year, its status (not simulated when e has no such series), and
 * the data side (once). Years the run did not reach are NaN.
 */
void validate_fill(validate_result *r, int k, const economy *e, const data_set *annual);

/*
 * The statistics of every series and seed, the benchmarks (fitted on the data
 * up to r->split) and the summary scores:
 *   score = sum_i w_i (rmse_i / tolerance_i)^2 / sum_i w_i
 * over the compared series with a weight and at least one year in the window
 * (NaN if none). 0 is a perfect fit; 1 is every series off by its tolerance.
 */
void validate_finish(validate_result *r);

/* The score of seed k over years [y0, y1] (a calibration's objective over its
 * window uses this with y0..y1 = 2000..2018). */
double validate_score_window(const validate_result *r, int k, int y0, int y1);

/*
 * Write the validation as tidy CSV (header
 * section,series,data_series,compared,seed,year,statistic,value; sections
 * "year", "fit", "in_sample", "out_of_sample", "benchmark", "score") or as JSON,
 * whole or not at all (output_write_file). Errors: YF_ERR_IO with the file named,
 * YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status validate_write_csv(const validate_result *r,
                                           const char *path,
                                           yf_diag *diag);
YF_MUST_CHECK yf_status validate_write_json(const validate_result *r,
                                            const char *path,
                                            yf_diag *diag);

/* The size of a validation or calibration run. */
typedef struct validate_run_size {
    int households, firms; /* 0: the scenario's */
    int last_month;        /* absolute month index of the last month run; -1: the scenario's */
    int64_t seed;          /* the run's seed (recorded; the model draws no random numbers yet) */
    const char *data_dir;  /* the shipped data */
} validate_run_size;

struct scenario;
/*
 * Build the economy of scenario s with parameters `param` (N_MODEL_PARAMS values,
 * range-checked by the caller) and run it. *out gets the economy, also after a
 * run that stopped (the months completed; the caller frees it), NULL if it
 * could not be built. Errors: those of economy_new and scenario_driver_new
 * (diag filled; nothing ran), or the run's fault (diag->message is e->msg).
 */
YF_MUST_CHECK yf_status validate_run(const struct scenario *s,
                                     const double *param,
                                     const validate_run_size *size,
                                     economy **out,
                                     yf_diag *diag);

/* Index of model series `name` in e, or -1. */
int validate_series_index(const economy *e, const char *name);

#endif
