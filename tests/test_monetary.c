/*
 * test_monetary.c: monetary policy under the rules after the data (docs/model.md
 * 4.2 and 4.6), on a small economy (2,000 households) run to 2035:
 *   - the baseline stays near its target: in every year of 2031-2035 CPI
 *     inflation is within 3 points of the rule's 3% target (the width of the
 *     swings of 2000-2024 in the data, -0.7% to 5.9%), the policy rate below
 *     10%, and demand never needs more workers than the urban labour force
 *     has (labour gap above zero). A rate rule that feeds the inflation it
 *     fights fails all three;
 *   - a policy rate held two points above the rule from 2026 cools the
 *     economy (the Taylor principle's premise): over 2027-2030 inflation and
 *     business investment are lower and the labour gap wider than in the
 *     baseline. Without the cash-flow channel of investment the rise would
 *     move interest from borrowing firms to depositors and heat demand;
 *   - nothing differs before the rise;
 *   - the exchange_rate_offset lever (a yuan 5% stronger from 2026) steps the
 *     managed rate by 5% in its month (the float's own move in a month is a
 *     fraction of a percent), and a dearer yuan sells fewer exports and buys
 *     more imports: over 2026-2027 the exports share is lower and the imports
 *     share higher than in the baseline.
 * Every month closes exactly (a run that does not close fails).
 * Usage: test_monetary DATA_DIR SCENARIO_DIR (tests/scenarios)
 */
#include <math.h>

#include "harness.h"
#include "scenario_fixture.h"

enum { RISE_YEAR = 2026, LAST_YEAR = 2035, RISE = (RISE_YEAR - 2000) * 12 };

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_monetary DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    char path[1024];
    run base, rise, yuan;
    snprintf(path, sizeof path, "%s/monetary/baseline_small.yaml", argv[2]);
    CHECK(run_scenario_at(&base, argv[1], path, LAST_YEAR, NULL, NULL));
    snprintf(path, sizeof path, "%s/monetary/rate_rise.yaml", argv[2]);
    CHECK(run_scenario_at(&rise, argv[1], path, LAST_YEAR, NULL, NULL));
    snprintf(path, sizeof path, "%s/monetary/yuan_stronger.yaml", argv[2]);
    CHECK(run_scenario_at(&yuan, argv[1], path, 2027, NULL, NULL));
    if (harness_failed)
        return TEST_REPORT();
    CHECK(base.e->month == (LAST_YEAR - 2000 + 1) * 12);

    bool same = true;
    for (int k = 0; k < rise.e->n_series; k++)
        same = same &&
               memcmp(rise.e->out[k].values, base.e->out[k].values, sizeof(double) * RISE) == 0;
    CHECK(same);

    for (int y = 2031; y <= LAST_YEAR; y++) {
        const double inflation = mean_over(base.e, "cpi_inflation", y, y);
        const double rate = mean_over(base.e, "policy_rate", y, y);
        const double gap = mean_over(base.e, "labour_gap", y, y);
        printf("baseline %d: inflation %.2f%%, policy rate %.2f%%, labour gap %.2f%%\n", y,
               100.0 * inflation, 100.0 * rate, 100.0 * gap);
        CHECK(fabs(inflation - 0.03) < 0.03);
        CHECK(rate < 0.10);
        CHECK(gap > 0.0);
    }

    const char *names[] = {"cpi_inflation", "investment_share", "labour_gap"};
    double b[3], r[3];
    for (int k = 0; k < 3; k++) {
        b[k] = mean_over(base.e, names[k], 2027, 2030);
        r[k] = mean_over(rise.e, names[k], 2027, 2030);
        printf("2027-2030 %s: baseline %.4f, rate +2 points %.4f\n", names[k], b[k], r[k]);
    }
    CHECK(r[0] < b[0]);
    CHECK(r[1] < b[1]);
    CHECK(r[2] > b[2]);

    const double step = series_of(yuan.e, "usdcny")[RISE] / series_of(base.e, "usdcny")[RISE];
    printf("usdcny in %d-01 against the baseline: x%.4f\n", RISE_YEAR, step);
    CHECK(fabs(step - 0.95) < 0.005);
    CHECK(series_of(yuan.e, "usdcny")[RISE - 1] == series_of(base.e, "usdcny")[RISE - 1]);
    CHECK(mean_over(yuan.e, "exports_share", 2026, 2027) <
          mean_over(base.e, "exports_share", 2026, 2027));
    CHECK(mean_over(yuan.e, "imports_share", 2026, 2027) >
          mean_over(base.e, "imports_share", 2026, 2027));

    run_free(&base);
    run_free(&rise);
    run_free(&yuan);
    return TEST_REPORT();
}
