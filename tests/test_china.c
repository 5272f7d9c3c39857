/*
 * test_china.c: the China model's mechanisms, scenario against baseline, on a
 * small run (2,000 households, 500 firms, 2000-01 to 2003-12). Each test
 * changes one thing the outside world or policy decides and checks the sign of
 * what DESIGN.md section 4 says must follow; the expected signs come from the
 * mechanisms, not from a previous run. Also: every month closes exactly,
 * results are identical run to run, and do not depend on the agent count
 * beyond a small tolerance. Every run replays the policy events of
 * scenarios/history.yaml (WTO entry, tax sharing, the stimulus) through the
 * scenario driver, as `yuanflow run` does.
 * Usage: test_china DATA_DIR HISTORY_YAML
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/economy.h"
#include "scenario/scenario.h"

static const char *data_dir;
static scenario *history; /* scenarios/history.yaml */

/* Run `months` more months of e with the history's events. */
static yf_status run_months(economy *e, int months)
{
    scenario_driver *d = NULL;
    yf_diag diag = {{0}, 0, 0, {0}};
    yf_status st = scenario_driver_new(&d, history, e, &diag);
    if (st != YF_OK) {
        fprintf(stderr, "scenario_driver_new: %s\n", diag.message);
        return st;
    }
    st = scenario_driver_run(d, months);
    scenario_driver_free(d);
    return st;
}
enum { YEARS = 4, SHOCK_MONTH = 24 }; /* shocks start in 2002-01 */

/* A run with the default parameters except `name` = `value` (name NULL: none). */
static economy *build_with(int32_t n_households, const char *name, double value)
{
    economy_size size = {n_households, 500, 300, 2000, 12 * YEARS, 0};
    yf_diag d = {{0}, 0, 0, {0}};
    double param[N_MODEL_PARAMS];
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        param[k] = model_param_table[k].value_default;
    if (name) {
        int p = model_param_find(name);
        if (p < 0) {
            fprintf(stderr, "no parameter '%s'\n", name);
            exit(2);
        }
        param[p] = value;
    }
    economy *e = NULL;
    if (economy_new(&e, &size, data_dir, param, &d) != YF_OK) {
        fprintf(stderr, "economy_new: %s\n", d.message);
        exit(2);
    }
    return e;
}

static economy *build(int32_t n_households)
{
    return build_with(n_households, NULL, 0.0);
}

static bool run(economy *e)
{
    yf_status st = run_months(e, e->size.n_months);
    if (st != YF_OK)
        fprintf(stderr, "run failed: %s\n", e->msg);
    return st == YF_OK;
}

static const double *series_of(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return e->out[k].values;
    fprintf(stderr, "no series '%s'\n", name);
    exit(2);
}

/* Sum (or mean) of a series over the months after the shock. */
static double after_shock(const economy *e, const char *name, bool mean)
{
    const double *v = series_of(e, name);
    double s = 0.0;
    for (int m = SHOCK_MONTH; m < e->size.n_months; m++)
        s += v[m];
    return mean ? s / (double)(e->size.n_months - SHOCK_MONTH) : s;
}

static economy *baseline;

static void test_baseline_closes_and_is_plausible(void)
{
    baseline = build(2000);
    CHECK(run(baseline));
    CHECK(baseline->month == 12 * YEARS);
    /* Loose sanity ranges from the data of 2000-2003 (not fitted values). */
    double u = after_shock(baseline, "unemployment", true);
    double saving = after_shock(baseline, "household_saving_rate", true);
    CHECK(u > 0.0 && u < 0.15);
    CHECK(saving > 0.15 && saving < 0.6);
    const double *net[5] = {series_of(baseline, "net_lending_households"),
                            series_of(baseline, "net_lending_firms"),
                            series_of(baseline, "net_lending_government"),
                            series_of(baseline, "net_lending_finance"),
                            series_of(baseline, "net_lending_row")};
    int off = 0;
    for (int m = 0; m < baseline->month; m++) {
        double sum = 0.0;
        for (int k = 0; k < 5; k++)
            sum += net[k][m];
        off += fabs(sum) > 1e-9; /* shares of GDP summing exact integers */
    }
    CHECK(off == 0);
}

static void test_foreign_demand_collapse(void)
{
    economy *e = build(2000);
    for (int d = 0; d < N_DESTINATIONS; d++)
        for (int m = SHOCK_MONTH; m < e->size.n_months; m++)
            e->world.foreign_gdp_usd[d][m] *= 0.7;
    CHECK(run(e));
    CHECK(after_shock(e, "exports_usd", false) < after_shock(baseline, "exports_usd", false));
    CHECK(after_shock(e, "gdp_real", false) < after_shock(baseline, "gdp_real", false));
    /* Fewer dollars for the PBOC to buy: lower reserves at the end. */
    CHECK(series_of(e, "fx_reserves_usd")[e->month - 1] <
          series_of(baseline, "fx_reserves_usd")[baseline->month - 1]);
    /* Idle capacity lowers prices: lower utilisation and lower consumer prices. */
    CHECK(after_shock(e, "utilisation", true) < after_shock(baseline, "utilisation", true));
    CHECK(series_of(e, "cpi")[e->month - 1] < series_of(baseline, "cpi")[baseline->month - 1]);
    economy_free(e);
}

static void test_us_tariff(void)
{
    economy *e = build(2000);
    for (int m = SHOCK_MONTH; m < e->size.n_months; m++)
        e->world.tariff[DEST_US][m] = 0.5;
    CHECK(run(e));
    CHECK(after_shock(e, "exports_usd", false) < after_shock(baseline, "exports_usd", false));
    CHECK(after_shock(e, "gdp_real", false) < after_shock(baseline, "gdp_real", false));
    economy_free(e);
}

/* Run to the shock month, change policy_rate_offset, run to the end. */
static bool run_with_rate_change_at_shock(economy *e, double offset)
{
    if (run_months(e, SHOCK_MONTH) != YF_OK)
        return false;
    e->param[P_policy_rate_offset] = offset;
    return run(e);
}

/* Private capital flow of month m in dollars: the change in reserves less the
 * current account (FDI plus portfolio flows). */
static double capital_flow(const economy *e, int m)
{
    const double *r = series_of(e, "fx_reserves_usd"), *ca = series_of(e, "current_account_usd");
    return r[m] - r[m - 1] - ca[m];
}

static void test_pboc_cut_with_fed_unchanged(void)
{
    economy *e = build(2000);
    CHECK(run_with_rate_change_at_shock(e, -0.02));
    /* A lower rate at home with the Fed unchanged: capital leaves, reserves fall. */
    CHECK(series_of(e, "fx_reserves_usd")[e->month - 1] <
          series_of(baseline, "fx_reserves_usd")[baseline->month - 1]);
    CHECK(after_shock(e, "policy_rate", true) < after_shock(baseline, "policy_rate", true));
    /* Portfolios adjust a stock: the extra outflow is largest just after the cut
     * and fades, rather than going on at the same pace for ever. Expected ratio
     * of the last six months to the first six, at portfolio_speed s: the stock
     * adjustment gives (1-s)^18 - (1-s)^24 against 1 - (1-s)^6 (0.4 at s = 0.05,
     * under 0.01 at s = 0.3), plus about 0.15 as the target grows with GDP; a
     * flow rule would give about 1.2 (GDP grows some 10% a year in 2002-03). */
    double first = 0.0, last = 0.0;
    for (int m = SHOCK_MONTH; m < SHOCK_MONTH + 6; m++)
        first += capital_flow(e, m) - capital_flow(baseline, m);
    for (int m = e->month - 6; m < e->month; m++)
        last += capital_flow(e, m) - capital_flow(baseline, m);
    CHECK(first < 0.0);
    CHECK(fabs(last) < 0.75 * fabs(first));
    economy_free(e);
}

/* Business investment after the shock, yuan at current prices, summed. */
static double investment(const economy *e)
{
    const double *share = series_of(e, "investment_share"), *gdp = series_of(e, "gdp_nominal");
    double sum = 0.0;
    for (int m = SHOCK_MONTH; m < e->month; m++)
        sum += share[m] * gdp[m];
    return sum;
}

/* A higher policy rate raises the real cost of borrowing: investment and real
 * output fall. (Without the cost-of-capital channel the rise only moves
 * interest from firms to depositors and output rises.) */
static void test_rate_rise_cools_investment(void)
{
    economy *e = build(2000);
    CHECK(run_with_rate_change_at_shock(e, 0.03));
    CHECK(investment(e) < investment(baseline));
    CHECK(after_shock(e, "gdp_real", false) < after_shock(baseline, "gdp_real", false));
    economy_free(e);
}

/* China's share of foreign markets saturates: with a low ceiling a foreign boom
 * raises exports by less than with no effective ceiling. */
static double export_boom_ratio(double ceiling)
{
    economy *calm = build_with(2000, "export_share_ceiling", ceiling);
    economy *boom = build_with(2000, "export_share_ceiling", ceiling);
    for (int d = 0; d < N_DESTINATIONS; d++)
        for (int m = SHOCK_MONTH; m < boom->size.n_months; m++)
            boom->world.foreign_gdp_usd[d][m] *= 1.5;
    double ratio = NAN;
    if (run(calm) && run(boom))
        ratio = after_shock(boom, "exports_usd", false) / after_shock(calm, "exports_usd", false);
    economy_free(calm);
    economy_free(boom);
    return ratio;
}

static void test_export_share_saturates(void)
{
    double low = export_boom_ratio(0.012), none = export_boom_ratio(1.0);
    CHECK(low > 1.0);
    CHECK(low < none);
}

/* Real household consumption after the shock: consumption / CPI, summed. */
static double real_consumption(const economy *e)
{
    const double *share = series_of(e, "consumption_share"), *gdp = series_of(e, "gdp_nominal"),
                 *cpi = series_of(e, "cpi");
    double c = 0.0;
    for (int m = SHOCK_MONTH; m < e->month; m++)
        c += share[m] * gdp[m] / cpi[m];
    return c;
}

static void test_wage_share_raises_consumption(void)
{
    economy *e = build(2000);
    e->param[P_wage_share_target] = 0.60;
    CHECK(run(e));
    CHECK(after_shock(e, "labour_share", true) > after_shock(baseline, "labour_share", true));
    CHECK(real_consumption(e) > real_consumption(baseline));
    economy_free(e);
}

/* Growth of the average wage from the first month to the last. */
static double wage_growth(const economy *e)
{
    const double *w = series_of(e, "wage");
    return w[e->month - 1] / w[0];
}

/* Lewis: in a demand boom, migration from a rural reserve keeps urban labour
 * elastic, so output rises more and, where wages answer a tight labour market
 * (wage_phillips set high in both runs; it is not used by the opening state),
 * wages rise less than in an economy without a reserve. */
static void test_rural_reserve_holds_wages_in_a_boom(void)
{
    economy *with = build(2000), *without = build_with(2000, "rural_surplus", 0.0);
    economy *both[2] = {with, without};
    for (int k = 0; k < 2; k++)
        for (int d = 0; d < N_DESTINATIONS; d++)
            for (int m = SHOCK_MONTH; m < both[k]->size.n_months; m++)
                both[k]->world.foreign_gdp_usd[d][m] *= 1.6;
    for (int k = 0; k < 2; k++)
        both[k]->param[P_wage_phillips] = 2.0;
    CHECK(run(with) && run(without));
    CHECK(wage_growth(with) < wage_growth(without));
    /* real GDP relative to the opening month, since the opening states differ */
    const double *yw = series_of(with, "gdp_real"), *yo = series_of(without, "gdp_real");
    CHECK(yw[with->month - 1] / yw[0] > yo[without->month - 1] / yo[0]);
    economy_free(with);
    economy_free(without);
}

static void test_deterministic(void)
{
    economy *e = build(2000);
    CHECK(run(e));
    bool same = true;
    for (int k = 0; k < e->n_series; k++)
        same = same && memcmp(e->out[k].values, baseline->out[k].values,
                              sizeof(double) * (size_t)e->month) == 0;
    CHECK(same);
    economy_free(e);
}

/* Agents stand for shares of the population: 8,000 agents must tell the same
 * macro story as 2,000 (households differ only by their rank quantiles). */
static void test_agent_count(void)
{
    economy *e = build(8000);
    CHECK(run(e));
    double a = after_shock(e, "gdp_real", false), b = after_shock(baseline, "gdp_real", false);
    CHECK(fabs(a / b - 1.0) < 0.01);
    double ua = after_shock(e, "unemployment", true), ub = after_shock(baseline, "unemployment", true);
    CHECK(fabs(ua - ub) < 0.005);
    economy_free(e);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_china DATA_DIR HISTORY_YAML\n");
        return 2;
    }
    data_dir = argv[1];
    yf_diag d = {{0}, 0, 0, {0}};
    if (scenario_load(&history, argv[2], &d) != YF_OK) {
        fprintf(stderr, "%s\n", d.message);
        return 2;
    }
    test_baseline_closes_and_is_plausible();
    test_foreign_demand_collapse();
    test_us_tariff();
    test_pboc_cut_with_fed_unchanged();
    test_rate_rise_cools_investment();
    test_export_share_saturates();
    test_wage_share_raises_consumption();
    test_rural_reserve_holds_wages_in_a_boom();
    test_deterministic();
    test_agent_count();
    economy_free(baseline);
    scenario_free(history);
    return TEST_REPORT();
}
