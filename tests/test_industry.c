/*
 * test_industry.c: industry dynamics of the strategic emerging industries
 * (issue 5, item 2; docs/model.md 4.16, docs/industry.md). Each rule is
 * checked by a scenario of tests/scenarios/industry/ against the history, on
 * 2,000 households and the full 5,000 firm agents (the emerging industry's
 * 900 slots). The expected signs come from the rules (entry follows the
 * subsidy; idle capacity cuts mark-ups; losses end in exit) and the expected
 * sizes from the seeds, not from an earlier run. Every run closes every month
 * exactly (a run that does not close fails).
 * Usage: test_industry DATA_DIR SCENARIO_DIR
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario_fixture.h"

static const char *data_dir, *scenario_dir;

/* Run tests/scenarios/industry/NAME (scenario_fixture.h). */
static bool run_scenario(run *r, const char *name, int last_year)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", scenario_dir, name);
    return run_scenario_at(r, data_dir, path, last_year, NULL, NULL);
}

/* Sum of a monthly series over months [from, to) counted from 2000-01. */
static double sum_months(const economy *e, const char *name, int from, int to)
{
    const double *v = series_of(e, name);
    double s = 0.0;
    for (int m = from; m < to && m < e->month; m++)
        s += v[m];
    return s;
}

static double mean_years(const economy *e, const char *name, int from, int to)
{
    return sum_months(e, name, (from - 2000) * 12, (to - 2000 + 1) * 12) / (12.0 * (to - from + 1));
}

static double december(const economy *e, const char *name, int year)
{
    return series_of(e, name)[(year - 2000) * 12 + 11];
}

static int month_of(int year, int month)
{
    return (year - 2000) * 12 + month - 1;
}

/* The EV makers in the history (seed 000_50eaa6f3762a6cc3.txt): hardly any
 * entry before the 2009 policies; at least 300 registered in 2014-2015 and
 * 500 or more by 2018, after the 2014 national project; fewer than 50 left
 * today after a price war. The model must show the rise to hundreds and a
 * consolidation; it is held to a fall of at least half from the peak by 2024,
 * weaker than the seed's (docs/industry.md says why). */
static void test_ev_count_rises_to_hundreds_then_consolidates(const run *h)
{
    const economy *e = h->e;
    CHECK(sum_months(e, "firm_entries", 0, month_of(2009, 1)) == 0.0);
    const double entered = sum_months(e, "firm_entries", month_of(2014, 1), month_of(2016, 1));
    CHECK(entered >= 200.0); /* the seed's "at least 300" registered, most of them producing */
    const double *count = series_of(e, "firm_count");
    double peak = 0.0;
    int peak_month = 0;
    for (int m = 0; m < e->month; m++)
        if (count[m] > peak) {
            peak = count[m];
            peak_month = m;
        }
    CHECK(peak >= 400.0);
    CHECK(peak_month >= month_of(2014, 7) && peak_month <= month_of(2019, 12));
    CHECK(december(e, "firm_count", 2024) <= 0.5 * peak);
    /* consolidation is by exits, and exits follow losses, not the calendar */
    CHECK(sum_months(e, "firm_exits", month_of(2017, 1), month_of(2025, 1)) >= 0.5 * peak);
}

/* The emerging share of output rises through the 2010s (NBS via seed
 * 004_3dd7420ef5fa3b25.txt: 7.6% of GDP in 2014, 13.4% in 2021; about 4% in
 * 2010), and the subsidies flow only once dated. */
static void test_emerging_share_rises(const run *h)
{
    const economy *e = h->e;
    const double s2010 = mean_years(e, "emerging_industry_share", 2010, 2010);
    const double s2014 = mean_years(e, "emerging_industry_share", 2014, 2014);
    const double s2021 = mean_years(e, "emerging_industry_share", 2021, 2021);
    CHECK(s2014 > s2010);
    CHECK(s2021 > 1.5 * s2014 || s2021 > 2.0 * s2010);
    CHECK(sum_months(e, "industrial_subsidies", 0, month_of(2009, 1)) == 0.0);
    CHECK(sum_months(e, "industrial_subsidies", month_of(2014, 7), month_of(2015, 7)) > 0.0);
    /* manufacturing stays a large minority of output (NBS: about 27-32% of GDP) */
    const double manufacturing = mean_years(e, "manufacturing_share", 2010, 2024);
    CHECK(manufacturing > 0.2 && manufacturing < 0.4);
}

/* Doubling the 2014 subsidy brings more entrants after 2014-07 and changes
 * nothing before. */
static void test_higher_subsidies_raise_entry(const run *h)
{
    run big;
    CHECK(run_scenario(&big, "big_subsidies.yaml", 2018));
    const int from = month_of(2014, 7), to = month_of(2019, 1);
    const double more = sum_months(big.e, "firm_entries", from, to);
    const double base = sum_months(h->e, "firm_entries", from, to);
    CHECK(more > base);
    CHECK(sum_months(big.e, "industrial_subsidies", from, to) >
          sum_months(h->e, "industrial_subsidies", from, to));
    for (int m = 0; m < from; m++) {
        CHECK(series_of(big.e, "firm_count")[m] == series_of(h->e, "firm_count")[m]);
        CHECK(series_of(big.e, "gdp_nominal")[m] == series_of(h->e, "gdp_nominal")[m]);
    }
    run_free(&big);
}

/* Buyers turn away from the emerging goods from 2016 (demand_shortfall.yaml):
 * the capacity built in the boom meets less demand, so utilisation falls, the
 * mark-up rule cuts prices (the price war), losses mount and more firms exit
 * than in the history; nothing differs before 2016. */
static void test_overcapacity_lowers_prices_and_raises_exits(const run *h)
{
    run low;
    CHECK(run_scenario(&low, "demand_shortfall.yaml", 2024));
    const int from = month_of(2016, 1), to = month_of(2025, 1);
    for (int m = 0; m < from; m++)
        CHECK(series_of(low.e, "gdp_nominal")[m] == series_of(h->e, "gdp_nominal")[m]);
    CHECK(mean_years(low.e, "emerging_utilisation", 2016, 2020) <
          mean_years(h->e, "emerging_utilisation", 2016, 2020));
    CHECK(mean_years(low.e, "emerging_price_relative", 2016, 2020) <
          mean_years(h->e, "emerging_price_relative", 2016, 2020));
    CHECK(sum_months(low.e, "firm_exits", from, to) > sum_months(h->e, "firm_exits", from, to));
    run_free(&low);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_industry DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    scenario_dir = argv[2];
    run history;
    CHECK(run_scenario(&history, "history_industry.yaml", 2024));
    test_ev_count_rises_to_hundreds_then_consolidates(&history);
    test_emerging_share_rises(&history);
    test_higher_subsidies_raise_entry(&history);
    test_overcapacity_lowers_prices_and_raises_exits(&history);
    run_free(&history);
    return TEST_REPORT();
}
