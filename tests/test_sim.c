/*
 * test_sim.c: model SIM of Godley & Lavoie (ch. 3) on the ledger, and the
 * public model API's error paths. Every expected value comes from the
 * derivations in docs/textbook.md section 1, never from the program:
 *
 *   steady state      Y* = G/theta, T* = G, YD* = C* = (1-theta) G/theta,
 *                     H* = (1-alpha1)/alpha2 * YD*
 *   one period        Y_t = (G + alpha2 H_{t-1}) / (1 - alpha1 (1-theta))
 *   adjustment        H_t = H* + (H_{t0} - H*) b^(t - t0),
 *                     b = 1 - alpha2 + alpha2 (1-alpha1)(1-theta) / (1 - alpha1 (1-theta))
 *
 * Tolerances: the model posts integer yuan (1e-6 model units), so it departs
 * from the exact real-number path by a few yuan per period; the error decays
 * at rate b, so it stays below 1e-5 units (10 yuan). The checks use 5e-5.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "api/model.h"
#include "harness.h"
#include "snapshot_check.h"
#include "ledger/chart.h"
#include "textbook/textbook.h"

/* G&L's parameters of SIM. */
static const double G0 = 20.0, THETA = 0.2, ALPHA1 = 0.6, ALPHA2 = 0.4;

#define PATH_TOL 5e-5 /* model units: 50 yuan */

static const double *series(const yf_model *m, const char *name)
{
    const double *v = NULL;
    int n = -1;
    yf_status st = yf_model_series(m, name, &v, &n);
    CHECK(st == YF_OK);
    CHECK(n == yf_model_steps(m));
    return v;
}

static bool contains(const char *text, const char *part)
{
    return strstr(text, part) != NULL;
}

/* Yuan of a series value (model units of 1e6 yuan). */
static int64_t yuan(double units)
{
    return (int64_t)llround(units * 1e6);
}

static void test_chart(void)
{
    char msg[256] = "";
    CHECK(chart_validate(&chart_sim, msg, (int)sizeof msg));
    CHECK(chart_sim.n_sectors == 3 && chart_sim.n_instruments == 1 && chart_sim.n_flows == 4);
}

/* (a) The stationary state: Y* = G/theta = 100, T* = 20, YD* = C* = 80, H* = 80. */
static void test_steady_state(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    /* b^300 < 1e-21: the approach to the steady state is over */
    CHECK(yf_model_run(m, 300, &d) == YF_OK);
    CHECK(yf_model_steps(m) == 300);
    const int last = 299;
    const double yd_star = (1 - THETA) * G0 / THETA;
    CHECK_REL(series(m, "Y")[last], G0 / THETA, 1e-6);
    CHECK_REL(series(m, "T")[last], G0, 1e-6);
    CHECK_REL(series(m, "YD")[last], yd_star, 1e-6);
    CHECK_REL(series(m, "C")[last], yd_star, 1e-6);
    CHECK_REL(series(m, "H")[last], (1 - ALPHA1) / ALPHA2 * yd_star, 1e-6);
    CHECK_REL(series(m, "N")[last], G0 / THETA, 1e-6); /* W = 1 */
    /* the book's numbers */
    CHECK_REL(series(m, "Y")[last], 100.0, 1e-6);
    CHECK_REL(series(m, "H")[last], 80.0, 1e-6);
    yf_model_free(m);
}

/*
 * (b) G rises from 20 to 25 in period k. Before: H_t = H*(1 - b^t) from H_0 = 0;
 * from period k on: H_t = H*' + (H_{k-1} - H*') b^(t-k+1); and Y_t follows
 * from H_{t-1} by the one-period solution. New steady state Y = 125, H = 100.
 * (c) The first period's multiplier dY/dG = 1/(1 - alpha1(1 - theta)), both
 * from the empty economy and at the change from the old steady state.
 */
static void test_path_after_g_rise(void)
{
    const int k = 12, n = 320;
    const double g1 = 25.0;
    const double denom = 1 - ALPHA1 * (1 - THETA);
    const double b = 1 - ALPHA2 + ALPHA2 * (1 - ALPHA1) * (1 - THETA) / denom;
    const double h_star0 = (1 - ALPHA1) / ALPHA2 * (1 - THETA) * G0 / THETA; /* 80 */
    const double h_star1 = (1 - ALPHA1) / ALPHA2 * (1 - THETA) * g1 / THETA; /* 100 */

    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    CHECK(yf_model_run(m, k - 1, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", g1, &d) == YF_OK);
    CHECK(yf_model_run(m, n - (k - 1), &d) == YF_OK);
    CHECK(yf_model_steps(m) == n);
    const double *y = series(m, "Y"), *h = series(m, "H"), *g = series(m, "G");

    const double h_before = h_star0 * (1 - pow(b, k - 1)); /* H_{k-1} */
    int bad = 0;
    for (int t = 1; t <= n; t++) {
        double h_want, h_prev, g_t;
        if (t < k) {
            h_want = h_star0 * (1 - pow(b, t));
            h_prev = h_star0 * (1 - pow(b, t - 1));
            g_t = G0;
        } else {
            h_want = h_star1 + (h_before - h_star1) * pow(b, t - k + 1);
            h_prev = h_star1 + (h_before - h_star1) * pow(b, t - k);
            g_t = g1;
        }
        const double y_want = (g_t + ALPHA2 * h_prev) / denom;
        if (fabs(h[t - 1] - h_want) > PATH_TOL || fabs(y[t - 1] - y_want) > PATH_TOL ||
            g[t - 1] != g_t) {
            if (bad++ < 5)
                fprintf(stderr, "period %d: H %.9f want %.9f, Y %.9f want %.9f\n", t, h[t - 1],
                        h_want, y[t - 1], y_want);
        }
    }
    CHECK(bad == 0);
    CHECK_REL(y[n - 1], g1 / THETA, 1e-6); /* 125 */
    CHECK_REL(h[n - 1], h_star1, 1e-6);    /* 100 */

    /* (c) period 1 from nothing: Y_1 = G / (1 - alpha1(1 - theta)) = 38.4615... */
    CHECK_REL(y[0] / G0, 1 / denom, 1e-7);
    CHECK_REL(y[0], 38.461538461538, 1e-7);
    yf_model_free(m);

    /* (c) from the steady state: dY in the period of the change is dG / denom */
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    CHECK(yf_model_run(m, 300, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", g1, &d) == YF_OK);
    CHECK(yf_model_run(m, 1, &d) == YF_OK);
    y = series(m, "Y");
    CHECK_REL((y[300] - y[299]) / (g1 - G0), 1 / denom, 1e-5);
    yf_model_free(m);
}

/*
 * (g) Every period closes: each financial row sums to zero, each flow row
 * sums to zero, each sector's flows equal its change in financial stocks (the
 * TFM's columns sum to zero), the firms end with no money, and the model's H
 * is the households' money on the ledger to the yuan.
 */
static void test_ledger_closes(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    CHECK(yf_model_run(m, 20, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", 25.0, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "theta", 0.25, &d) == YF_OK);
    CHECK(yf_model_run(m, 40, &d) == YF_OK);
    const double *h = series(m, "H"), *y = series(m, "Y"), *c = series(m, "C"), *t = series(m, "T"),
                 *g = series(m, "G");
    int bad = 0;
    for (int step = 1; step <= yf_model_steps(m); step++) {
        const ledger_snapshot *s = model_snapshot(m, step);
        CHECK(s != NULL);
        if (!s)
            continue;
        bool ok = s->step == step && snapshot_balances(s);
        const int p = step - 1;
        ok = ok && s->stock[SIM_MONEY][SIM_PROD] == 0;
        ok = ok && s->stock[SIM_MONEY][SIM_HH] == yuan(h[p]);
        ok = ok && s->flow[SIM_CONSUMPTION][SIM_HH] == -yuan(c[p]);
        ok = ok && s->flow[SIM_GOV_EXPENDITURE][SIM_PROD] == yuan(g[p]);
        ok = ok && s->flow[SIM_WAGES][SIM_HH] == yuan(y[p]);
        ok = ok && s->flow[SIM_TAXES][SIM_GOV] == yuan(t[p]);
        /* Y = C + G exactly in yuan */
        ok = ok && yuan(y[p]) == yuan(c[p]) + yuan(g[p]);
        if (!ok && bad++ < 5)
            fprintf(stderr, "period %d does not close as expected\n", step);
    }
    CHECK(bad == 0);

    char *text = NULL;
    CHECK(yf_model_matrices(m, 60, YF_FORMAT_MARKDOWN, &text) == YF_OK);
    CHECK(text != NULL && contains(text, "HH"));
    yf_free(text);
    text = NULL;
    CHECK(yf_model_matrices(m, 1, YF_FORMAT_CSV, &text) == YF_OK);
    CHECK(text != NULL);
    yf_free(text);
    yf_model_free(m);
}

/* (h) The API refuses bad input, says why, and changes nothing. */
static void test_api_errors(void)
{
    yf_model *m = (yf_model *)&m; /* any non-NULL value: must be reset */
    yf_diag d;
    CHECK(yf_model_new(&m, "simm", &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(m == NULL);
    CHECK(contains(d.message, "unknown model 'simm'"));
    CHECK(contains(d.message, "did you mean 'sim'"));
    CHECK(yf_model_new(&m, "pcc", &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(contains(d.message, "did you mean 'pc'"));
    CHECK(yf_model_new(&m, "keynesian-cross", &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(!contains(d.message, "did you mean"));
    CHECK(yf_model_new(&m, NULL, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_new(NULL, "sim", &d) == YF_ERR_ARGUMENT);

    CHECK(yf_model_new(&m, "sim", NULL) == YF_OK);
    CHECK(yf_model_steps(m) == 0);
    /* out of range, NaN, unknown: refused */
    CHECK(yf_model_set_param(m, "theta", 1.5, &d) == YF_ERR_ARGUMENT);
    CHECK(contains(d.message, "'theta'"));
    CHECK(yf_model_set_param(m, "alpha1", -0.1, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_set_param(m, "G", NAN, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_set_param(m, "G", -1.0, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_set_param(m, "alpha3", 0.5, &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(contains(d.message, "did you mean 'alpha"));
    CHECK(yf_model_set_param(m, "Theta", 0.5, &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(contains(d.message, "did you mean 'theta'"));
    CHECK(yf_model_set_param(NULL, "G", 1.0, &d) == YF_ERR_ARGUMENT);
    /* ... and nothing changed: period 1 is still G/(1 - alpha1(1 - theta)) with G&L's values */
    CHECK(yf_model_run(m, 1, &d) == YF_OK);
    CHECK_REL(series(m, "Y")[0], G0 / (1 - ALPHA1 * (1 - THETA)), 1e-7);

    char *text = (char *)&text;
    CHECK(yf_model_matrices(m, 0, YF_FORMAT_MARKDOWN, &text) == YF_ERR_ARGUMENT);
    CHECK(text == NULL);
    CHECK(yf_model_matrices(m, 2, YF_FORMAT_MARKDOWN, &text) == YF_ERR_ARGUMENT);
    CHECK(yf_model_matrices(m, -1, YF_FORMAT_CSV, &text) == YF_ERR_ARGUMENT);
    CHECK(yf_model_matrices(m, 1, (yf_format)7, &text) == YF_ERR_ARGUMENT);
    CHECK(yf_model_matrices(NULL, 1, YF_FORMAT_CSV, &text) == YF_ERR_ARGUMENT);
    CHECK(yf_model_matrices(m, 1, YF_FORMAT_CSV, &text) == YF_OK);
    yf_free(text);

    const double *v = NULL;
    int n = -1;
    CHECK(yf_model_series(m, "Z", &v, &n) == YF_ERR_UNKNOWN_NAME);
    CHECK(v == NULL && n == 0);
    CHECK(yf_model_run(m, -1, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_run(m, 0, &d) == YF_OK);
    CHECK(yf_model_steps(m) == 1);
    CHECK(yf_model_steps(NULL) == 0);
    yf_model_free(m);
    yf_model_free(NULL);
}

/*
 * A numerical fault is reported with the period and the variable, before
 * anything is posted: the model keeps its periods and can go on once the
 * parameter is fixed. alpha1 = 1 with theta = 0 leaves Y without a solution.
 */
static void test_numeric_fault(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    CHECK(yf_model_run(m, 5, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "alpha1", 1.0, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "theta", 0.0, &d) == YF_OK);
    CHECK(yf_model_run(m, 3, &d) == YF_ERR_NUMERIC);
    CHECK(contains(d.message, "period 6"));
    CHECK(contains(d.message, "Y"));
    CHECK(yf_model_steps(m) == 5);
    CHECK(yf_model_set_param(m, "theta", 0.2, &d) == YF_OK);
    CHECK(yf_model_run(m, 2, &d) == YF_OK);
    CHECK(yf_model_steps(m) == 7);
    yf_model_free(m);
}

/*
 * An economy that outgrows int64 yuan stops with YF_ERR_OVERFLOW naming the
 * period, never wraps around. With G = 1e12 units (1e18 yuan) and theta =
 * 0.01, output heads for G/theta = 1e20 yuan > 9.2e18.
 */
static void test_overflow(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "sim", &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", 1e12, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "theta", 0.01, &d) == YF_OK);
    yf_status st = yf_model_run(m, 200, &d);
    CHECK(st == YF_ERR_OVERFLOW);
    CHECK(contains(d.message, "period"));
    const int done = yf_model_steps(m);
    CHECK(done >= 1 && done < 200);
    /* the periods done are intact and their matrices still render */
    char *text = NULL;
    CHECK(yf_model_matrices(m, done, YF_FORMAT_CSV, &text) == YF_OK);
    yf_free(text);
    yf_model_free(m);
}

/* ---- allocation faults ---------------------------------------------------- */

static long alloc_calls, alloc_fail_at = -1, alloc_live;

static void *counting_realloc(void *ud, void *p, size_t size)
{
    (void)ud;
    if (size == 0) {
        if (p)
            alloc_live--;
        free(p);
        return NULL;
    }
    if (alloc_calls++ == alloc_fail_at)
        return NULL;
    void *q = realloc(p, size);
    if (q && !p)
        alloc_live++;
    return q;
}

/*
 * The N-th allocation fails, for every N, in a whole session of each model
 * (create, run 70 periods so that the period arrays grow three times, read,
 * render): no crash, no leak, a clean status, and after a failure during a
 * run the model can go on.
 */
static void sweep_allocation_faults(const char *model)
{
    int bad = 0;
    long n = 0;
    yf_set_allocator(counting_realloc, NULL);
    for (; n < 10000; n++) {
        alloc_calls = 0;
        alloc_fail_at = n;
        alloc_live = 0;
        yf_model *m = NULL;
        yf_diag d;
        yf_status st = yf_model_new(&m, model, &d);
        if (st == YF_OK) {
            st = yf_model_run(m, 70, &d);
            const double *v = NULL;
            int k = 0;
            if (yf_model_series(m, "Y", &v, &k) != YF_OK || k != yf_model_steps(m))
                bad++;
            char *text = NULL;
            yf_status mst = yf_model_matrices(m, 1, YF_FORMAT_MARKDOWN, &text);
            if (k >= 1 && mst != YF_OK && mst != YF_ERR_NOMEM)
                bad++;
            yf_free(text);
            if (st == YF_ERR_NOMEM) {
                alloc_fail_at = -1;
                if (yf_model_run(m, 1, &d) != YF_OK || yf_model_steps(m) != k + 1)
                    bad++;
            }
        }
        if (st != YF_OK && st != YF_ERR_NOMEM)
            bad++;
        yf_model_free(m);
        if (alloc_live != 0)
            bad++;
        if (alloc_fail_at >= 0 && alloc_calls <= alloc_fail_at)
            break; /* no allocation left to fail: every one has been tried */
    }
    yf_set_allocator(NULL, NULL);
    CHECK(bad == 0);
    CHECK(n > 10 && n < 10000); /* the sweep reached the end */
    printf("%s: %ld allocation failures injected\n", model, n);
}

static void test_allocation_faults(void)
{
    sweep_allocation_faults("sim");
    sweep_allocation_faults("pc");
}

int main(void)
{
    test_chart();
    test_steady_state();
    test_path_after_g_rise();
    test_ledger_closes();
    test_api_errors();
    test_numeric_fault();
    test_overflow();
    test_allocation_faults();
    return TEST_REPORT();
}
