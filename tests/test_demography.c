/*
 * test_demography.c: working age, the labour force, urbanisation and the
 * households of each city (issue 5, item 4; docs/model.md 4.14), on a small
 * economy (2,000 households, 500 firms) run to 2035. The scenarios are in
 * tests/scenarios/demography/; each changes one input and the test checks the
 * sign the rules say must follow. Expected peaks and falls come from the data
 * files themselves (read here independently of the model), not from an earlier
 * run. Every run closes every month exactly (a run that does not close fails).
 * Usage: test_demography DATA_DIR SCENARIO_DIR
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario_fixture.h"

static const char *data_dir, *scenario_dir;

/* Run tests/scenarios/demography/NAME (scenario_fixture.h). */
static bool run_scenario(run *r, const char *name, int last_year, observer *see, void *ctx)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", scenario_dir, name);
    return run_scenario_at(r, data_dir, path, last_year, see, ctx);
}

static double sum_over(const economy *e, const char *name, int from, int to)
{
    return mean_over(e, name, from, to) * 12.0 * (to - from + 1);
}

/* The year of the largest value of an annual series of a data file. */
static int data_peak_year(const char *file, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", data_dir, file);
    data_set *d = NULL;
    yf_diag diag = {{0}, 0, 0, {0}};
    if (data_load(&d, path, &diag) != YF_OK) {
        fprintf(stderr, "%s\n", diag.message);
        exit(2);
    }
    int best = 0;
    double top = -1.0, x;
    for (int y = data_first_period(d, name); y <= data_last_period(d, name); y++)
        if (data_annual(d, name, y, &x) && x > top) {
            top = x;
            best = y;
        }
    data_free(d);
    return best;
}

/* Every month: the cities' households add up to the national urban households
 * and the city weights to one (no household is lost or made up by migration). */
typedef struct totals {
    double worst_households, worst_weights;
} totals;

static void see_totals(const economy *e, int m, void *ctx)
{
    totals *t = ctx;
    double h = 0.0, w = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++) {
        h += e->ci.households[c];
        w += e->city_weight[c];
    }
    const double want = cities_urban_households(e, m + 1);
    t->worst_households = fmax(t->worst_households, fabs(h / want - 1.0));
    t->worst_weights = fmax(t->worst_weights, fabs(w - 1.0));
}

/* The labour force follows the data to its peak (the data's peak year: 2019)
 * and falls after it, and keeps falling to 2035 with the WPP 2024 projection
 * of the population (which falls from 2024 in data/demography.csv). The
 * working-age population peaks where the WDI data do (2016) and falls. */
static void test_labour_force_falls_after_peak(const run *r)
{
    const int peak = data_peak_year("china_annual.csv", "labour_force");
    CHECK(peak > 2010 && peak < 2024);
    /* labour.c takes an annual value for January and interpolates: the
     * highest month is January of the data's peak year. */
    const double *lf = series_of(r->e, "labour_force");
    double top = 0.0;
    int top_month = 0;
    for (int m = 0; m < r->e->size.n_months; m++)
        if (lf[m] > top) {
            top = lf[m];
            top_month = m;
        }
    CHECK_EQ_I64(top_month, (peak - 2000) * 12);
    CHECK(mean_over(r->e, "labour_force", 2024, 2024) < top);
    CHECK(mean_over(r->e, "labour_force", 2035, 2035) <
          mean_over(r->e, "labour_force", 2025, 2025));
    const int wa_peak = data_peak_year("demography.csv", "working_age_population");
    const double wa_top = mean_over(r->e, "working_age_population", wa_peak, wa_peak);
    CHECK(wa_top > mean_over(r->e, "working_age_population", 2010, 2010));
    CHECK(wa_top > mean_over(r->e, "working_age_population", 2021, 2021));
    CHECK(mean_over(r->e, "working_age_population", 2035, 2035) <
          mean_over(r->e, "working_age_population", 2021, 2021));
}

/* The urban share rises every year (data to 2021, then urbanisation_after_data);
 * a faster path after the data makes more urban households, and more of them
 * buy homes, while nothing differs before the change. */
static void test_urbanisation_raises_urban_share(const run *history)
{
    for (int y = 2001; y <= 2035; y++)
        CHECK(mean_over(history->e, "urbanisation_rate", y, y) >
              mean_over(history->e, "urbanisation_rate", y - 1, y - 1));
    run fast;
    CHECK(run_scenario(&fast, "fast_urbanisation.yaml", 2035, NULL, NULL));
    CHECK(mean_over(fast.e, "urbanisation_rate", 2030, 2030) >
          mean_over(history->e, "urbanisation_rate", 2030, 2030));
    CHECK(mean_over(fast.e, "urban_households", 2030, 2035) >
          mean_over(history->e, "urban_households", 2030, 2035));
    CHECK(sum_over(fast.e, "home_sales", 2023, 2035) >
          sum_over(history->e, "home_sales", 2023, 2035));
    CHECK(mean_over(fast.e, "home_sales", 2000, 2020) ==
          mean_over(history->e, "home_sales", 2000, 2020));
    run_free(&fast);
}

/* Rust belt: with the national birth and death rates from 2005, the rust-belt
 * cities keep more households, form more new ones, and their homes are dearer;
 * nothing differs before 2005. In the history (half the national births) their
 * households fall once national natural growth turns negative (WPP 2024: from
 * 2022), and their share of urban households falls. */
static void test_low_births_make_a_rust_belt(const run *history)
{
    run national;
    CHECK(run_scenario(&national, "national_births.yaml", 2035, NULL, NULL));
    const char *names[] = {"households_rustbelt", "house_price_rustbelt", "income_rustbelt"};
    for (int k = 0; k < 3; k++)
        CHECK(mean_over(national.e, names[k], 2000, 2004) ==
              mean_over(history->e, names[k], 2000, 2004));
    CHECK(mean_over(national.e, "households_rustbelt", 2015, 2024) >
          mean_over(history->e, "households_rustbelt", 2015, 2024));
    CHECK(mean_over(national.e, "house_price_rustbelt", 2015, 2024) >
          mean_over(history->e, "house_price_rustbelt", 2015, 2024));
    CHECK(mean_over(national.e, "income_rustbelt", 2015, 2024) >
          mean_over(history->e, "income_rustbelt", 2015, 2024));
    run_free(&national);
    CHECK(mean_over(history->e, "households_rustbelt", 2030, 2030) <
          mean_over(history->e, "households_rustbelt", 2021, 2021));
    const double share2000 = mean_over(history->e, "households_rustbelt", 2000, 2000) /
                             mean_over(history->e, "urban_households", 2000, 2000);
    const double share2024 = mean_over(history->e, "households_rustbelt", 2024, 2024) /
                             mean_over(history->e, "urban_households", 2024, 2024);
    CHECK(share2024 < share2000);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_demography DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    scenario_dir = argv[2];
    run history;
    totals t = {0.0, 0.0};
    CHECK(run_scenario(&history, "history_small.yaml", 2035, see_totals, &t));
    CHECK(t.worst_households < 1e-9);
    CHECK(t.worst_weights < 1e-9);
    test_labour_force_falls_after_peak(&history);
    test_urbanisation_raises_urban_share(&history);
    test_low_births_make_a_rust_belt(&history);
    run_free(&history);
    return TEST_REPORT();
}
