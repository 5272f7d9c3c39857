/*
 * test_guards.c: the numerical guards of the China model (src/model/guards.c,
 * docs/errors.md "Run failures"). A small economy runs fourteen months, which
 * the guards must let through; then one variable at a time is made NaN,
 * infinite or negative, and the guard of the month must stop the run with the
 * month, who, the variable and its value, the rule it broke and recent
 * values; putting the value back must make the month pass again. The runs
 * that explode from parameters alone are in tests/cli_guards.cmake.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "economy_fixture.h"
#include "harness.h"
#include "model/economy.h"
#include "model/guards.h"
#include "model/industries.h"

static const char *data_dir;

static economy *build(int months)
{
    return small_economy(data_dir, 1000, 200, months);
}

static int series_of(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return k;
    return -1;
}

/* The guard of month m on the state as it is: status, and e->msg must contain
 * each of the fragments (NULL-terminated). */
static void expect(economy *e, int m, yf_status want, const char *const *fragments)
{
    e->msg[0] = '\0';
    yf_status got = guards_after_month(e, m, YF_OK);
    CHECK_EQ_I64(got, want);
    for (const char *const *f = fragments; *f; f++) {
        bool found = strstr(e->msg, *f) != NULL;
        CHECK(found);
        if (!found)
            fprintf(stderr, "  message: %s\n  missing: %s\n", e->msg, *f);
    }
}

static void test_guards(void)
{
    economy *e = build(24);
    CHECK(e != NULL);
    if (!e)
        return;
    /* A normal run passes every guard (economy_run calls them each month). */
    CHECK_EQ_I64(economy_run(e, 14), YF_OK);
    CHECK_EQ_I64(e->month, 14);
    const int m = 13; /* the last closed month: 2001-02 */
    CHECK_EQ_I64(guards_after_month(e, m, YF_OK), YF_OK);

    /* NaN in a variable that has a series: its recent values come from it. */
    double saved = e->m.policy_rate;
    e->m.policy_rate = NAN;
    expect(e, m, YF_ERR_NUMERIC,
           (const char *[]){"2001-02: PBOC: policy_rate is nan, not a finite number",
                            "(recent values: policy_rate 2000-09..2001-02: ", NULL});
    e->m.policy_rate = saved;
    CHECK_EQ_I64(guards_after_month(e, m, YF_OK), YF_OK);

    /* A price at zero. */
    saved = e->ind[IND_SERVICES].price;
    e->ind[IND_SERVICES].price = 0.0;
    char who[128];
    snprintf(who, sizeof who, "2001-02: industry '%s': price is 0, but it must be positive",
             industry_table[IND_SERVICES].name);
    expect(e, m, YF_ERR_NUMERIC,
           (const char *[]){who, "(it passed this check at the close of 2001-01) (recent values: ",
                            NULL});
    e->ind[IND_SERVICES].price = saved;

    /* A negative real stock of one agent: the stock kind of fault, with the agent. */
    saved = e->fi.capital_real[7];
    e->fi.capital_real[7] = -1.0;
    expect(e, m, YF_ERR_NEGATIVE_STOCK,
           (const char *[]){"2001-02: firm 7: capital_real is -1, but it cannot be negative",
                            NULL});
    e->fi.capital_real[7] = saved;

    /* Infinity in one household's expectations. */
    saved = e->hh.income_expected[3];
    e->hh.income_expected[3] = INFINITY;
    expect(e, m, YF_ERR_NUMERIC,
           (const char *[]){"2001-02: household 3: income_expected is inf, not a finite number",
                            NULL});
    e->hh.income_expected[3] = saved;

    /* A negative count of workers in the macro state. */
    saved = e->m.rural_reserve;
    e->m.rural_reserve = -5.0;
    expect(e, m, YF_ERR_NEGATIVE_STOCK,
           (const char *[]){"households: rural_reserve is -5, but it cannot be negative", NULL});
    e->m.rural_reserve = saved;

    /* Series: infinity is never a value; NaN is "no value" only in the first
     * year (a twelve-month rate), never after. */
    int cpi = series_of(e, "cpi"), infl = series_of(e, "cpi_inflation");
    CHECK(cpi >= 0 && infl >= 0);
    if (cpi >= 0 && infl >= 0) {
        saved = e->out[cpi].values[m];
        e->out[cpi].values[m] = INFINITY;
        expect(e, m, YF_ERR_NUMERIC,
               (const char *[]){"2001-02: output: series 'cpi' (index, 2000-01 = 1) is inf",
                                "(recent values: cpi 2000-09..2001-02: ", " inf)", NULL});
        e->out[cpi].values[m] = saved;
        CHECK(isnan(e->out[infl].values[5])); /* the run's own: no rate before a year */
        CHECK_EQ_I64(guards_after_month(e, 5, YF_OK), YF_OK);
        saved = e->out[infl].values[m];
        e->out[infl].values[m] = NAN;
        expect(e, m, YF_ERR_NUMERIC, (const char *[]){"series 'cpi_inflation'", NULL});
        e->out[infl].values[m] = saved;
    }
    CHECK_EQ_I64(guards_after_month(e, m, YF_OK), YF_OK);

    /* A failure from elsewhere (the ledger, a posting) keeps its status and
     * message and gets the recent values of the series that moved most: an
     * explosion of the CPI (x10 a month) comes first, with its six months. */
    if (cpi >= 0) {
        double kept[6];
        for (int t = 0; t < 6; t++) {
            kept[t] = e->out[cpi].values[m - 5 + t];
            e->out[cpi].values[m - 5 + t] = pow(10.0, t);
        }
        snprintf(e->msg, sizeof e->msg, "2001-03: a payment overflows");
        CHECK_EQ_I64(guards_after_month(e, m + 1, YF_ERR_OVERFLOW), YF_ERR_OVERFLOW);
        const char *want =
            "2001-03: a payment overflows (recent values: cpi 2000-09..2001-02: 1 10 100 1000 "
            "10000 100000; ";
        CHECK(strncmp(e->msg, want, strlen(want)) == 0);
        if (strncmp(e->msg, want, strlen(want)) != 0)
            fprintf(stderr, "  message: %s\n", e->msg);
        for (int t = 0; t < 6; t++)
            e->out[cpi].values[m - 5 + t] = kept[t];
    }
    economy_free(e);
}

/* Parameters at the edge of their allowed range are valid input: a run with
 * them must go on, not stop on the first month. One-month business loans leave
 * firms overdrawn (a bank's net deposits can turn negative: it then buys no
 * central bonds); no reserve requirement lets a bank's reserves dip below zero
 * during a month (no interest is paid on an overdraft of reserves). */
static void test_range_edges(void)
{
    static const struct {
        int param;
        double value;
    } edge[] = {{P_loan_maturity, 1.0}, {P_reserve_ratio, 0.0}};

    for (size_t k = 0; k < sizeof edge / sizeof *edge; k++) {
        double param[N_MODEL_PARAMS];
        for (int p = 0; p < N_MODEL_PARAMS; p++)
            param[p] = model_param_table[p].value_default;
        param[edge[k].param] = edge[k].value;
        economy_size size = {1000, 200, 300, 2000, 36, 0};
        yf_diag d = {{0}, 0, 0, {0}};
        economy *e = NULL;
        CHECK_EQ_I64(economy_new(&e, &size, data_dir, param, &d), YF_OK);
        if (!e)
            continue;
        yf_status st = economy_run(e, 36);
        CHECK_EQ_I64(st, YF_OK);
        if (st != YF_OK)
            fprintf(stderr, "  %s = %g: %s\n", model_param_table[edge[k].param].name, edge[k].value,
                    e->msg);
        economy_free(e);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_guards DATA_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    test_guards();
    test_range_edges();
    return TEST_REPORT();
}
