/*
 * test_pc.c: model PC of Godley & Lavoie (ch. 4) on the ledger. Expected
 * values come from the derivations of docs/textbook.md section 2 and from an
 * independent double-precision iteration of the book's equations written out
 * below (it calls no model code):
 *
 *   steady state   k   = (1-alpha1)/alpha2 (lambda0 + lambda1 r) - lambda2
 *                  YD* = (1-theta) G / (theta - (1-theta) r k)
 *                  C* = YD*, Y* = YD* + G, V* = (1-alpha1)/alpha2 YD*,
 *                  Bh* = k YD*, Hh* = V* - Bh*, T* = G + r Bh*
 *   bills share    Bh* / V* = lambda0 + lambda1 r - lambda2 alpha2/(1-alpha1),
 *                  so d(Bh* / V*)/dr = lambda1 > 0
 *
 * Tolerance of path comparisons: the model posts integer yuan (1e-6 units);
 * the rounding of a few yuan per period decays with the model's dynamics, so
 * the paths agree to well within 1e-4 units (100 yuan, 1e-6 of Y).
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "api/model.h"
#include "harness.h"
#include "snapshot_check.h"
#include "ledger/chart.h"
#include "textbook/textbook.h"

/* G&L's parameters of PC. */
static const double ALPHA1 = 0.6, ALPHA2 = 0.4, LAMBDA0 = 0.635, LAMBDA1 = 5.0, LAMBDA2 = 0.01,
                    THETA = 0.2, R0 = 0.025, G0 = 20.0;

#define PATH_TOL 1e-4 /* model units: 100 yuan */

static const double *series(const yf_model *m, const char *name)
{
    const double *v = NULL;
    int n = -1;
    yf_status st = yf_model_series(m, name, &v, &n);
    CHECK(st == YF_OK);
    CHECK(n == yf_model_steps(m));
    return v;
}

static int64_t yuan(double units)
{
    return (int64_t)llround(units * 1e6);
}

/* ---- the book's equations, iterated in double ----------------------------- */

typedef struct pc_state {
    double y, yd, t, c, v, bh, hh, bs, bcb, hs, r; /* one period's values */
} pc_state;

/*
 * One period of PC from the previous one (prev; all zero before period 1),
 * with spending g and the rate r set for this period.
 */
static pc_state pc_iterate(const pc_state *prev, double g, double r)
{
    pc_state s;
    /* YD = (1-theta)(Y + r_1 Bh_1) and Y = alpha1 YD + alpha2 V_1 + G, together: */
    s.yd = (1 - THETA) * (g + ALPHA2 * prev->v + prev->r * prev->bh) / (1 - ALPHA1 * (1 - THETA));
    s.c = ALPHA1 * s.yd + ALPHA2 * prev->v;
    s.y = s.c + g;
    s.t = THETA * (s.y + prev->r * prev->bh);
    s.v = prev->v + s.yd - s.c;
    s.bh = s.v * (LAMBDA0 + LAMBDA1 * r) - LAMBDA2 * s.yd;
    s.hh = s.v - s.bh;
    s.bs = prev->bs + g + prev->r * prev->bs - s.t - prev->r * prev->bcb;
    s.bcb = s.bs - s.bh;
    s.hs = s.bcb;
    s.r = r;
    return s;
}

/* The analytic stationary state for spending g and rate r. */
static pc_state pc_steady(double g, double r)
{
    pc_state s = {0};
    const double k = (1 - ALPHA1) / ALPHA2 * (LAMBDA0 + LAMBDA1 * r) - LAMBDA2;
    s.yd = (1 - THETA) * g / (THETA - (1 - THETA) * r * k);
    s.c = s.yd;
    s.y = s.yd + g;
    s.v = (1 - ALPHA1) / ALPHA2 * s.yd;
    s.bh = k * s.yd;
    s.hh = s.v - s.bh;
    s.t = g + r * s.bh;
    s.r = r;
    return s;
}

static void test_chart(void)
{
    char msg[256] = "";
    CHECK(chart_validate(&chart_pc, msg, (int)sizeof msg));
    CHECK(chart_pc.n_sectors == 4 && chart_pc.n_instruments == 3 && chart_pc.n_flows == 6);
}

/* The hand derivation itself, with G&L's numbers: YD* = 16/0.185 = 86.486... */
static void test_derivation(void)
{
    pc_state s = pc_steady(G0, R0);
    CHECK_REL(s.yd, 16.0 / 0.185, 1e-12);
    /* the brief's form: (1-theta)G / (1 - (1-theta)(1 + r(lambda0 + lambda1 r - lambda2))) */
    CHECK_REL(s.yd,
              (1 - THETA) * G0 / (1 - (1 - THETA) * (1 + R0 * (LAMBDA0 + LAMBDA1 * R0 - LAMBDA2))),
              1e-12);
    /* and it is a fixed point of the equations */
    pc_state prev = s;
    prev.bs = s.v; /* government debt = household wealth, firms and CB having none */
    prev.bcb = prev.bs - s.bh;
    pc_state next = pc_iterate(&prev, G0, R0);
    CHECK_REL(next.yd, s.yd, 1e-12);
    CHECK_REL(next.v, s.v, 1e-12);
    CHECK_REL(next.bh, s.bh, 1e-12);
    CHECK_REL(next.bs, prev.bs, 1e-12);
    CHECK_REL(next.t, s.t, 1e-12);
}

/* (d) The model reaches the analytic steady state. */
static void test_steady_state(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "pc", &d) == YF_OK);
    CHECK(yf_model_run(m, 400, &d) == YF_OK);
    const int last = yf_model_steps(m) - 1;
    const pc_state s = pc_steady(G0, R0);
    CHECK_REL(series(m, "Y")[last], s.y, 1e-6);
    CHECK_REL(series(m, "Y")[last], 106.486486, 1e-6);
    CHECK_REL(series(m, "YD")[last], s.yd, 1e-6);
    CHECK_REL(series(m, "C")[last], s.c, 1e-6);
    CHECK_REL(series(m, "T")[last], s.t, 1e-6);
    CHECK_REL(series(m, "V")[last], s.v, 1e-6);
    CHECK_REL(series(m, "Bh")[last], s.bh, 1e-6);
    CHECK_REL(series(m, "Hh")[last], s.hh, 1e-6);
    CHECK_REL(series(m, "Bs")[last], s.v, 1e-6);
    CHECK_REL(series(m, "Bcb")[last], s.hh, 1e-6);
    CHECK_REL(series(m, "Hs")[last], s.hh, 1e-6);
    CHECK_REL(series(m, "r")[last], R0, 1e-12);
    yf_model_free(m);
}

/* Compare the model's series with the iteration at every period; count misses. */
static int compare_path(const yf_model *m, const pc_state *want, int n)
{
    const double *y = series(m, "Y"), *yd = series(m, "YD"), *v = series(m, "V"),
                 *bh = series(m, "Bh"), *hh = series(m, "Hh"), *bs = series(m, "Bs"),
                 *t = series(m, "T");
    int bad = 0;
    for (int p = 0; p < n; p++) {
        const pc_state *w = &want[p];
        if (fabs(y[p] - w->y) > PATH_TOL || fabs(yd[p] - w->yd) > PATH_TOL ||
            fabs(v[p] - w->v) > PATH_TOL || fabs(bh[p] - w->bh) > PATH_TOL ||
            fabs(hh[p] - w->hh) > PATH_TOL || fabs(bs[p] - w->bs) > PATH_TOL ||
            fabs(t[p] - w->t) > PATH_TOL) {
            if (bad++ < 5)
                fprintf(stderr, "period %d: Y %.9f want %.9f, V %.9f want %.9f\n", p + 1, y[p],
                        w->y, v[p], w->v);
        }
    }
    return bad;
}

/* (e) G rises from 20 to 25 in period k: the whole path, then the new steady state. */
static void test_path_after_g_rise(void)
{
    enum { K = 40, N = 500 };

    static pc_state want[N];
    pc_state prev = {0};
    for (int p = 0; p < N; p++) {
        want[p] = pc_iterate(&prev, p + 1 < K ? G0 : 25.0, R0);
        prev = want[p];
    }

    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "pc", &d) == YF_OK);
    CHECK(yf_model_run(m, K - 1, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", 25.0, &d) == YF_OK);
    CHECK(yf_model_run(m, N - (K - 1), &d) == YF_OK);
    CHECK(yf_model_steps(m) == N);
    CHECK(compare_path(m, want, N) == 0);

    const pc_state s = pc_steady(25.0, R0);
    CHECK_REL(series(m, "Y")[N - 1], s.y, 1e-6); /* 133.108... */
    CHECK_REL(series(m, "V")[N - 1], s.v, 1e-6);
    CHECK_REL(series(m, "Bh")[N - 1], s.bh, 1e-6);
    /* the iteration itself lands on the analytic state */
    CHECK_REL(want[N - 1].y, s.y, 1e-9);
    yf_model_free(m);
}

/*
 * (f) A higher rate on bills raises the share of bills in wealth: from the
 * derivation, Bh* / V* = lambda0 + lambda1 r - lambda2 alpha2/(1-alpha1), 0.75 at
 * r = 0.025 and 0.80 at r = 0.035. Along the way the share is
 * lambda0 + lambda1 r - lambda2 YD/V: it jumps by lambda1 dr = 0.05 in the
 * period of the change, less lambda2 times the rise in YD/V (interest income
 * rises before wealth does), which is far smaller; so it stays above the old
 * share by at least half the jump.
 */
static void test_rate_rise(void)
{
    enum { K = 300, N = 700 };

    const double r1 = 0.035;
    static pc_state want[N];
    pc_state prev = {0};
    for (int p = 0; p < N; p++) {
        want[p] = pc_iterate(&prev, G0, p + 1 < K ? R0 : r1);
        prev = want[p];
    }

    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "pc", &d) == YF_OK);
    CHECK(yf_model_run(m, K - 1, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "r", r1, &d) == YF_OK);
    CHECK(yf_model_run(m, N - (K - 1), &d) == YF_OK);
    CHECK(compare_path(m, want, N) == 0);

    const double *bh = series(m, "Bh"), *v = series(m, "V"), *r = series(m, "r");
    const double share0 = LAMBDA0 + LAMBDA1 * R0 - LAMBDA2 * ALPHA2 / (1 - ALPHA1);
    const double share1 = LAMBDA0 + LAMBDA1 * r1 - LAMBDA2 * ALPHA2 / (1 - ALPHA1);
    CHECK_REL(share0, 0.75, 1e-12);
    CHECK_REL(share1, 0.80, 1e-12);
    CHECK_REL(bh[K - 2] / v[K - 2], share0, 1e-6);
    CHECK(r[K - 2] == R0 && r[K - 1] == r1);
    int below = 0;
    for (int p = K - 1; p < N; p++)
        below += bh[p] / v[p] <= share0 + 0.5 * LAMBDA1 * (r1 - R0);
    CHECK(below == 0);
    CHECK_REL(bh[N - 1] / v[N - 1], share1, 1e-6);
    const pc_state s = pc_steady(G0, r1);
    CHECK_REL(series(m, "Y")[N - 1], s.y, 1e-6);
    yf_model_free(m);
}

/*
 * (g) Every period closes exactly: financial rows, flow rows and sector
 * columns sum to zero; the treasury account and the firms' cash are exactly
 * zero; households' cash + bills is V to the yuan; the central bank has no
 * net worth; the redundant equation Hs = Hh holds in yuan.
 */
static void test_ledger_closes(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "pc", &d) == YF_OK);
    CHECK(yf_model_run(m, 30, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "G", 25.0, &d) == YF_OK);
    CHECK(yf_model_run(m, 30, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "r", 0.05, &d) == YF_OK);
    CHECK(yf_model_run(m, 30, &d) == YF_OK);
    /* a cut in spending: the government runs surpluses and buys back bills */
    CHECK(yf_model_set_param(m, "G", 10.0, &d) == YF_OK);
    CHECK(yf_model_run(m, 30, &d) == YF_OK);
    const double *v = series(m, "V"), *bh = series(m, "Bh"), *hh = series(m, "Hh"),
                 *hs = series(m, "Hs"), *bs = series(m, "Bs"), *bcb = series(m, "Bcb");
    int bad = 0, surpluses = 0;
    for (int step = 1; step <= yf_model_steps(m); step++) {
        const ledger_snapshot *s = model_snapshot(m, step);
        CHECK(s != NULL);
        if (!s)
            continue;
        bool ok = s->step == step && snapshot_balances(s);
        const int p = step - 1;
        ok = ok && s->stock[PC_TREASURY][PC_GOV] == 0 && s->stock[PC_TREASURY][PC_CB] == 0;
        ok = ok && s->stock[PC_MONEY][PC_PROD] == 0;
        ok = ok && s->stock[PC_MONEY][PC_HH] + s->stock[PC_BILLS][PC_HH] == yuan(v[p]);
        ok = ok && s->stock[PC_BILLS][PC_HH] == yuan(bh[p]);
        ok = ok && s->stock[PC_MONEY][PC_HH] == yuan(hh[p]);
        ok = ok && yuan(hs[p]) == yuan(hh[p]);
        ok = ok && s->stock[PC_BILLS][PC_CB] == yuan(bcb[p]);
        ok = ok && -s->stock[PC_BILLS][PC_GOV] == yuan(bs[p]);
        /* the central bank's net worth: bills held less cash and treasury owed */
        ok = ok &&
             s->stock[PC_BILLS][PC_CB] + s->stock[PC_MONEY][PC_CB] + s->stock[PC_TREASURY][PC_CB] ==
                 0;
        /* its profits are exactly the interest it received */
        ok = ok && s->flow[PC_CB_PROFITS][PC_CB] == -s->flow[PC_INTEREST][PC_CB];
        surpluses += s->change_tx[PC_BILLS][PC_GOV] > 0;
        if (!ok && bad++ < 5)
            fprintf(stderr, "period %d does not close as expected\n", step);
    }
    CHECK(bad == 0);
    CHECK(surpluses > 0); /* the surplus branch was exercised */

    char *text = NULL;
    CHECK(yf_model_matrices(m, 120, YF_FORMAT_CSV, &text) == YF_OK);
    CHECK(text != NULL && strstr(text, "bills") != NULL);
    yf_free(text);
    CHECK(yf_model_matrices(m, 121, YF_FORMAT_CSV, &text) == YF_ERR_ARGUMENT);
    CHECK(yf_model_matrices(m, 0, YF_FORMAT_CSV, &text) == YF_ERR_ARGUMENT);
    yf_model_free(m);
}

/* (h) PC's parameters are checked like SIM's. */
static void test_api_errors(void)
{
    yf_model *m = NULL;
    yf_diag d;
    CHECK(yf_model_new(&m, "pc", &d) == YF_OK);
    CHECK(yf_model_set_param(m, "lambda4", 1.0, &d) == YF_ERR_UNKNOWN_NAME);
    CHECK(strstr(d.message, "did you mean 'lambda") != NULL);
    CHECK(yf_model_set_param(m, "r", -0.01, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_set_param(m, "r", INFINITY, &d) == YF_ERR_ARGUMENT);
    CHECK(yf_model_run(m, 1, &d) == YF_OK);
    CHECK(series(m, "r")[0] == R0); /* unchanged */

    /*
     * Parameters within their ranges can still ask for the impossible: a bills
     * share of lambda0 + lambda1 r = 1 + 100 x 0.025 = 3.5 of wealth means
     * negative cash. The ledger refuses to close the period (households' cash
     * has the wrong sign); the model stops there and keeps period 1.
     */
    CHECK(yf_model_set_param(m, "lambda0", 1.0, &d) == YF_OK);
    CHECK(yf_model_set_param(m, "lambda1", 100.0, &d) == YF_OK);
    CHECK(yf_model_run(m, 5, &d) == YF_ERR_NEGATIVE_STOCK);
    CHECK(strstr(d.message, "stopped at period 2") != NULL);
    CHECK(yf_model_steps(m) == 1);
    CHECK(yf_model_set_param(m, "lambda0", LAMBDA0, &d) == YF_OK);
    CHECK(yf_model_run(m, 1, &d) == YF_ERR_NEGATIVE_STOCK); /* still refused */
    CHECK(yf_model_steps(m) == 1);
    char *text = NULL;
    CHECK(yf_model_matrices(m, 1, YF_FORMAT_MARKDOWN, &text) == YF_OK);
    yf_free(text);
    yf_model_free(m);
}

int main(void)
{
    test_chart();
    test_derivation();
    test_steady_state();
    test_path_after_g_rise();
    test_rate_rise();
    test_ledger_closes();
    test_api_errors();
    return TEST_REPORT();
}
