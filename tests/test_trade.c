/*
 * test_trade.c: the trade war, FDI, Global-South lending and yuan invoicing
 * (issue 5 item 3; docs/trade.md, docs/model.md 4.7a), each checked by a
 * counterfactual scenario against the history on a small economy (2,000
 * households, 500 firms). The scenarios are in tests/scenarios/trade/; each
 * changes one thing and the test checks the sign the mechanism says must
 * follow, and that nothing differs before the change. The expected signs come
 * from the rules, not from an earlier run. Every run closes every month
 * exactly (a run that does not close fails).
 * Usage: test_trade DATA_DIR SCENARIO_DIR
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario_fixture.h"

static const char *data_dir, *scenario_dir;

/* The ledger's book value of the Global-South loans against the dollar stock
 * times the managed rate, checked after every month (the revaluation keeps
 * them equal to the yuan). */
static int book_mismatches;

static void check_loans_book(const economy *e)
{
    const double book = (double)ledger_position(e->L, I_GLOBAL_SOUTH_LOANS, ledger_acct(PBOC, 0));
    if (fabs(book - e->m.gs_loans_usd * e->m.usdcny) > 1.0)
        book_mismatches++;
}

/* scenario_fixture.h's observer: the loans' book after every month. */
static void every_month(const economy *e, int month, void *ctx)
{
    (void)month;
    (void)ctx;
    check_loans_book(e);
}

/* Run tests/scenarios/trade/NAME (scenario_fixture.h), checking every month. */
static bool run_scenario(run *r, const char *name, int last_year)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", scenario_dir, name);
    return run_scenario_at(r, data_dir, path, last_year, every_month, NULL);
}

/* Sum of a monthly series over the years from..to (inclusive). */
static double sum_over(const economy *e, const char *name, int from, int to)
{
    const double *v = series_of(e, name);
    double s = 0.0;
    for (int m = (from - 2000) * 12; m < (to - 2000 + 1) * 12 && m < e->size.n_months; m++)
        s += v[m];
    return s;
}

static double december(const economy *e, const char *name, int year)
{
    return series_of(e, name)[(year - 2000) * 12 + 11];
}

/* True when the series of a and b are equal, month by month, up to the month
 * before `month` (0 = 2000-01). */
static bool same_before(const run *a, const run *b, const char *name, int month)
{
    const double *x = series_of(a->e, name), *y = series_of(b->e, name);
    for (int m = 0; m < month; m++)
        if (memcmp(&x[m], &y[m], sizeof x[m]) != 0)
            return false;
    return true;
}

/* The destination series add up to exports every month. */
static void test_destinations_add_up(const run *r)
{
    const double *x = series_of(r->e, "exports_usd");
    const double *us = series_of(r->e, "exports_us_usd"), *eu = series_of(r->e, "exports_eu_usd"),
                 *rest = series_of(r->e, "exports_rest_usd");
    for (int m = 0; m < (2024 - 2000 + 1) * 12; m++)
        CHECK(fabs(us[m] + eu[m] + rest[m] - x[m]) <= 1e-9 * x[m]);
}

/* The 2018-19 US tariffs lower exports to the US and, by diversion through
 * third countries, raise exports to the rest of the world; before 2018-02
 * nothing differs. In the history the US share of exports falls after 2017. */
static void test_us_tariff_shifts_exports(const run *history)
{
    run calm;
    CHECK(run_scenario(&calm, "no_tariff_war.yaml", 2023));
    const int from = (2018 - 2000) * 12 + 1;
    CHECK(same_before(history, &calm, "exports_usd", from));
    CHECK(same_before(history, &calm, "exports_us_usd", from));
    CHECK(same_before(history, &calm, "exports_rest_usd", from));
    CHECK(sum_over(history->e, "exports_us_usd", 2019, 2023) <
          sum_over(calm.e, "exports_us_usd", 2019, 2023));
    CHECK(sum_over(history->e, "exports_rest_usd", 2019, 2023) >
          sum_over(calm.e, "exports_rest_usd", 2019, 2023));
    CHECK(mean_over(history->e, "exports_us_share", 2023, 2023) <
          mean_over(history->e, "exports_us_share", 2017, 2017));
    CHECK(mean_over(history->e, "exports_us_share", 2023, 2023) <
          mean_over(calm.e, "exports_us_share", 2023, 2023));
    /* Tariff risk lowers foreign direct investment. */
    CHECK(sum_over(history->e, "fdi_inflow_share", 2019, 2023) <
          sum_over(calm.e, "fdi_inflow_share", 2019, 2023));
    run_free(&calm);
}

/* Without diversion the demand the tariffs cost is lost: exports to the rest
 * of the world are lower after the tariffs, equal before them. */
static void test_diversion_raises_rest(const run *history)
{
    run lost;
    CHECK(run_scenario(&lost, "no_diversion.yaml", 2023));
    CHECK(same_before(history, &lost, "exports_rest_usd", (2018 - 2000) * 12 + 7));
    CHECK(sum_over(lost.e, "exports_rest_usd", 2019, 2023) <
          sum_over(history->e, "exports_rest_usd", 2019, 2023));
    run_free(&lost);
}

/* A US recession lowers exports to the US while it lasts; nothing differs
 * before it. */
static void test_us_recession_lowers_exports_to_us(const run *history)
{
    run slump;
    CHECK(run_scenario(&slump, "us_recession.yaml", 2020));
    const int from = (2019 - 2000) * 12;
    CHECK(same_before(history, &slump, "exports_us_usd", from));
    CHECK(sum_over(slump.e, "exports_us_usd", 2019, 2020) <
          sum_over(history->e, "exports_us_usd", 2019, 2020));
    CHECK(mean_over(slump.e, "exports_us_share", 2019, 2020) <
          mean_over(history->e, "exports_us_share", 2019, 2020));
    run_free(&slump);
}

/* Relief of Global-South debt paid from reserves lowers reserves and the
 * loans, and the debtors' freed debt service raises China's exports to the
 * rest of the world; nothing differs before it. */
static void test_relief_lowers_reserves_raises_exports(const run *history)
{
    run relief;
    CHECK(run_scenario(&relief, "relief.yaml", 2021));
    const int from = (2019 - 2000) * 12;
    CHECK(same_before(history, &relief, "fx_reserves_usd", from));
    CHECK(same_before(history, &relief, "exports_rest_usd", from));
    for (int year = 2019; year <= 2021; year++) {
        CHECK(december(relief.e, "fx_reserves_usd", year) <
              december(history->e, "fx_reserves_usd", year));
        CHECK(december(relief.e, "global_south_loans_usd", year) <
              december(history->e, "global_south_loans_usd", year));
    }
    CHECK(sum_over(relief.e, "exports_rest_usd", 2019, 2021) >
          sum_over(history->e, "exports_rest_usd", 2019, 2021));
    /* ... and the rise is the debtors' spending, not a general one: the rest of
     * the world takes a larger share of exports (lower prices at home would
     * raise exports to every destination alike). */
    CHECK(sum_over(relief.e, "exports_rest_usd", 2019, 2021) /
              sum_over(relief.e, "exports_usd", 2019, 2021) >
          sum_over(history->e, "exports_rest_usd", 2019, 2021) /
              sum_over(history->e, "exports_usd", 2019, 2021));
    /* Reserves fall by about the tenth paid out at once (the month's other flows
     * are the same in both runs to within a few percent of it). */
    const int jan = (2019 - 2000) * 12;
    const double cut =
        series_of(history->e, "fx_reserves_usd")[jan] - series_of(relief.e, "fx_reserves_usd")[jan];
    const double reserves_before = series_of(history->e, "fx_reserves_usd")[jan - 1];
    CHECK(cut > 0.08 * reserves_before && cut < 0.12 * reserves_before);
    run_free(&relief);
}

/* The history's own trade story: loans to the Global South grow faster after
 * the Belt and Road (2013-09) than before; yuan settlement is zero before the
 * 2009-07 pilot and positive after; FDI, following expected growth, is a
 * smaller share of GDP in 2016-2020 than in 2003-2008. */
static void test_history_story(const run *r)
{
    const economy *e = r->e;
    const double g2008 = december(e, "global_south_loans_usd", 2008),
                 g2012 = december(e, "global_south_loans_usd", 2012),
                 g2017 = december(e, "global_south_loans_usd", 2017);
    CHECK(g2008 > 0.0);
    CHECK(g2017 - g2012 > g2012 - g2008);
    CHECK(sum_over(e, "rmb_invoicing_share", 2000, 2008) == 0.0);
    CHECK(series_of(e, "rmb_invoicing_share")[(2009 - 2000) * 12 + 5] == 0.0);
    CHECK(december(e, "rmb_invoicing_share", 2012) > 0.0);
    CHECK(mean_over(e, "fdi_inflow_share", 2016, 2020) <
          mean_over(e, "fdi_inflow_share", 2003, 2008));
    CHECK(mean_over(e, "interest_global_south_usd", 2018, 2018) > 0.0);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_trade DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    scenario_dir = argv[2];
    run history;
    CHECK(run_scenario(&history, "history_small.yaml", 2024));
    test_destinations_add_up(&history);
    test_history_story(&history);
    test_us_tariff_shifts_exports(&history);
    test_diversion_raises_rest(&history);
    test_us_recession_lowers_exports_to_us(&history);
    test_relief_lowers_reserves_raises_exports(&history);
    CHECK(book_mismatches == 0);
    run_free(&history);
    return TEST_REPORT();
}
