/*
 * scenario_fixture.h: running a scenario file on the China model in a test, as
 * `yuanflow run` does (load, parameters, economy, the scenario driver), and
 * reading its series. Shared by the tests that hold a mechanism's scenario
 * against the history (test_housing, test_consumer_credit, test_demography,
 * test_technology, test_industry, test_trade).
 */
#ifndef YF_TESTS_SCENARIO_FIXTURE_H
#define YF_TESTS_SCENARIO_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/economy.h"
#include "scenario/scenario.h"

/* A month-by-month observer: called after each month with the month index. */
typedef void observer(const economy *e, int month, void *ctx);

typedef struct run {
    scenario *s;
    economy *e;
} run;

/* Load the scenario at `path`, build its economy on the data in `data_dir` and
 * run it to the end of last_year, calling see (if any) after every month.
 * Exits on a load or build error; false if a month fails. */
static inline bool run_scenario_at(
    run *r, const char *data_dir, const char *path, int last_year, observer *see, void *ctx)
{
    yf_diag diag = {{0}, 0, 0, {0}};
    if (scenario_load(&r->s, path, &diag) != YF_OK) {
        fprintf(stderr, "%s: %s\n", path, diag.message);
        exit(2);
    }
    double param[N_MODEL_PARAMS];
    scenario_params(r->s, param);
    economy_size size = scenario_economy_size(r->s);
    if (economy_new(&r->e, &size, data_dir, param, &diag) != YF_OK) {
        fprintf(stderr, "economy_new: %s\n", diag.message);
        exit(2);
    }
    scenario_driver *d = NULL;
    if (scenario_driver_new(&d, r->s, r->e, &diag) != YF_OK) {
        fprintf(stderr, "scenario_driver_new: %s\n", diag.message);
        exit(2);
    }
    yf_status st = YF_OK;
    const int months = (last_year - size.start_year + 1) * 12;
    for (int m = 0; m < months && m < size.n_months && st == YF_OK; m++) {
        st = scenario_driver_run(d, 1);
        if (st == YF_OK && see)
            see(r->e, m, ctx);
    }
    scenario_driver_free(d);
    if (st != YF_OK)
        fprintf(stderr, "%s: run failed: %s\n", path, r->e->msg);
    return st == YF_OK;
}

static inline void run_free(run *r)
{
    economy_free(r->e);
    scenario_free(r->s);
}

static inline const double *series_of(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return e->out[k].values;
    fprintf(stderr, "no series '%s'\n", name);
    exit(2);
}

/* Mean of a monthly series over the years from..to (inclusive). */
static inline double mean_over(const economy *e, const char *name, int from, int to)
{
    const double *v = series_of(e, name);
    double s = 0.0;
    int n = 0;
    for (int m = (from - 2000) * 12; m < (to - 2000 + 1) * 12 && m < e->size.n_months; m++, n++)
        s += v[m];
    return n ? s / n : 0.0;
}

#endif
