/*
 * test_housing.c: the rules of land, housing and local-government finance
 * (issue 4; docs/model.md 4.10-4.12), each checked by a scenario against the
 * history on a small economy (2,000 households, 500 firms). The scenarios are
 * in tests/scenarios/housing/; each changes one policy and the test checks the
 * sign of what the mechanism says must follow. The expected signs come from
 * the rules, not from an earlier run. Every run closes every month exactly
 * (a run that does not close fails).
 * Usage: test_housing DATA_DIR SCENARIO_DIR
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario_fixture.h"

static const char *data_dir, *scenario_dir;

/* Run tests/scenarios/housing/NAME (scenario_fixture.h). */
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

/* Value of a monthly series in December of a year. */
static double december(const economy *e, const char *name, int year)
{
    return series_of(e, name)[(year - 2000) * 12 + 11];
}

/* Monetised resettlement (2015-2018) bought old homes in tiers 3-4 for cash
 * and most of the sellers bought again: without it, prices there are lower. */
static void test_resettlement_raises_lower_tier_prices(run *with)
{
    run without;
    CHECK(run_scenario(&without, "no_resettlement.yaml", 2018, NULL, NULL));
    for (int tier = 3; tier <= 4; tier++) {
        char name[32];
        snprintf(name, sizeof name, "house_price_tier%d", tier);
        const double a = mean_over(with->e, name, 2016, 2018);
        const double b = mean_over(without.e, name, 2016, 2018);
        CHECK(b < a);
        /* and nothing differs before the program started */
        CHECK(mean_over(with->e, name, 2010, 2014) == mean_over(without.e, name, 2010, 2014));
    }
    run_free(&without);
}

/* Investor homes held in tier 1-2 cities at the end of 2014. */
static void investor_homes_2014(const economy *e, int month, void *ctx)
{
    if (month != (2014 - 2000) * 12 + 11)
        return;
    double x = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++)
        x += e->ci.tier[c] <= 2 ? e->ci.investor_homes[c] : 0.0;
    *(double *)ctx = x;
}

/* Restrictions at full strength, enforced everywhere and never loosened, leave
 * investors fewer homes than the history's restrictions do. */
static void test_strict_restrictions_lower_investor_purchases(void)
{
    double loose = -1.0, strict = -1.0;
    run a, b;
    CHECK(run_scenario(&a, "history_small.yaml", 2014, investor_homes_2014, &loose));
    CHECK(run_scenario(&b, "strict_restrictions.yaml", 2014, investor_homes_2014, &strict));
    CHECK(loose > 0.0);
    CHECK(strict >= 0.0 && strict < loose);
    run_free(&a);
    run_free(&b);
}

/* Banks refusing rollovers make private developers default; their buyers lose
 * part of their presale claims, banks write off part of the loans and foreign
 * holders part of the dollar bonds. In the
 * history no developer defaults before 2013, and no state-owned one ever. */
static void test_refused_rollovers_make_developers_default(void)
{
    run ref, stress;
    CHECK(run_scenario(&ref, "history_small.yaml", 2012, NULL, NULL));
    CHECK(run_scenario(&stress, "rollovers_refused.yaml", 2012, NULL, NULL));
    CHECK(sum_over(ref.e, "developer_defaults", 2000, 2012) == 0.0);
    CHECK(sum_over(stress.e, "developer_defaults", 2000, 2010) == 0.0);
    CHECK(sum_over(stress.e, "developer_defaults", 2011, 2012) > 0.0);
    CHECK(sum_over(stress.e, "presale_losses", 2011, 2012) > 0.0);
    CHECK(sum_over(ref.e, "presale_losses", 2000, 2012) == 0.0);
    CHECK(december(stress.e, "bad_loans", 2012) > 0.0);
    /* Developers also borrow abroad; defaults and refused rollovers shrink it. */
    CHECK(december(ref.e, "developer_dollar_bonds", 2010) > 0.0);
    CHECK(december(stress.e, "developer_dollar_bonds", 2012) <
          december(ref.e, "developer_dollar_bonds", 2012));
    const developers *d = &stress.e->dv;
    int privately_owned_defaults = 0;
    for (int32_t j = 0; j < d->n; j++) {
        CHECK(!(d->state_owned[j] && d->defaulted[j]));
        privately_owned_defaults += d->defaulted[j] != 0;
    }
    CHECK(privately_owned_defaults > 0);
    /* Buyers who fear defaults buy fewer homes off-plan, and wait. */
    CHECK(sum_over(stress.e, "home_sales", 2012, 2012) < sum_over(ref.e, "home_sales", 2012, 2012));
    run_free(&ref);
    run_free(&stress);
}

/* Before the 2015 budget law local governments borrow only through their
 * financing vehicles; after it, most new local debt is official bonds. */
static void test_budget_law_moves_borrowing_to_bonds(run *r)
{
    const economy *e = r->e;
    CHECK(december(e, "lg_official_debt", 2014) == 0.0);
    CHECK(december(e, "lg_hidden_debt", 2014) > december(e, "lg_hidden_debt", 2011));
    const double bonds =
        december(e, "lg_official_debt", 2018) - december(e, "lg_official_debt", 2015);
    const double hidden = december(e, "lg_hidden_debt", 2018) - december(e, "lg_hidden_debt", 2015);
    CHECK(bonds > 0.0);
    CHECK(bonds > hidden);
}

/* Debt of the private developers (bank loans and dollar bonds), at the end of
 * the run. */
static double private_developer_debt(const economy *e)
{
    const int64_t *loans = ledger_positions(e->L, I_DEVELOPER_LOANS, DEV);
    const int64_t *bonds = ledger_positions(e->L, I_FOREIGN_LIABILITIES, DEV);
    double x = 0.0;
    for (int32_t j = 0; j < e->dv.n; j++)
        x += e->dv.state_owned[j] ? 0.0 : (double)-(loans[j] + bonds[j]);
    return x;
}

/* The leverage rules: a private developer above the cap borrows nothing new,
 * at home or abroad, so private developers owe less two years on; state-owned
 * ones are not bound. */
static void test_red_lines_cut_developer_credit(void)
{
    run ref, rules;
    CHECK(run_scenario(&ref, "history_small.yaml", 2012, NULL, NULL));
    CHECK(run_scenario(&rules, "early_red_lines.yaml", 2012, NULL, NULL));
    CHECK(private_developer_debt(rules.e) < private_developer_debt(ref.e));
    CHECK(sum_over(rules.e, "land_revenue", 2005, 2010) ==
          sum_over(ref.e, "land_revenue", 2005, 2010));
    run_free(&ref);
    run_free(&rules);
}

/* The completion program (2022-08) finishes stalled off-plan homes with
 * official local bonds and hands them to their buyers: without it, more homes
 * stay stalled, buyers hold more claims on defaulted developers, and local
 * bonds are fewer. Before the program the two histories are the same. */
static void test_completion_program_delivers_stalled_homes(void)
{
    run with, without;
    CHECK(run_scenario(&with, "history_small.yaml", 2024, NULL, NULL));
    CHECK(run_scenario(&without, "no_completion.yaml", 2024, NULL, NULL));
    CHECK(december(with.e, "stalled_homes", 2021) > 0.0);
    CHECK(december(with.e, "stalled_homes", 2021) == december(without.e, "stalled_homes", 2021));
    CHECK(december(with.e, "stalled_homes", 2024) < december(without.e, "stalled_homes", 2024));
    CHECK(december(with.e, "presale_claims", 2024) < december(without.e, "presale_claims", 2024));
    CHECK(december(with.e, "lg_official_debt", 2024) >
          december(without.e, "lg_official_debt", 2024));
    run_free(&with);
    run_free(&without);
}

/* Migration between tiers: new urban households settle where incomes are
 * higher unless residence permits hold them back. With no permit limits, more
 * settle in tiers 1-2 and prices there rise more by 2010 than with strict
 * limits; the lower tiers get fewer and their prices rise less. */
static void test_hukou_friction_holds_back_tier1_demand(void)
{
    run open, strict;
    CHECK(run_scenario(&open, "open_hukou.yaml", 2010, NULL, NULL));
    CHECK(run_scenario(&strict, "strict_hukou.yaml", 2010, NULL, NULL));
    CHECK(december(open.e, "house_price_tier1", 2010) >
          december(strict.e, "house_price_tier1", 2010));
    CHECK(december(open.e, "house_price_tier4", 2010) <
          december(strict.e, "house_price_tier4", 2010));
    run_free(&open);
    run_free(&strict);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_housing DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    scenario_dir = argv[2];
    run history;
    CHECK(run_scenario(&history, "history_small.yaml", 2018, NULL, NULL));
    test_resettlement_raises_lower_tier_prices(&history);
    test_budget_law_moves_borrowing_to_bonds(&history);
    run_free(&history);
    test_strict_restrictions_lower_investor_purchases();
    test_refused_rollovers_make_developers_default();
    test_red_lines_cut_developer_credit();
    test_completion_program_delivers_stalled_homes();
    test_hukou_friction_holds_back_tier1_demand();
    return TEST_REPORT();
}
