/*
 * test_consumer_credit.c: consumption by household credit (docs/model.md 4.13),
 * a scenario opening consumer credit in 2003 held against the history on a
 * small economy (2,000 households). What the rule says must follow:
 *   - nothing changes before the event (the history has no consumer credit);
 *   - households owe consumer loans from then on, never more in total than the
 *     limit times their expected disposable income (they only fill the gap);
 *   - consumption is higher while the debt builds up (the draws are spent);
 *   - the boost fades: once the stock nears its income-set target, new loans
 *     barely exceed repayments and interest is paid out of income, so the
 *     gain in consumption in the last year is smaller than in the first.
 * Every month closes exactly (a run that does not close fails).
 * Usage: test_consumer_credit DATA_DIR SCENARIO_DIR (tests/scenarios)
 */
#include <math.h>

#include "harness.h"
#include "scenario_fixture.h"

enum { FIRST_YEAR = 2003, LAST_YEAR = 2010, OPENED = (FIRST_YEAR - 2000) * 12 };

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_consumer_credit DATA_DIR SCENARIO_DIR\n");
        return 2;
    }
    char path[1024];
    run history, credit;
    snprintf(path, sizeof path, "%s/housing/history_small.yaml", argv[2]);
    CHECK(run_scenario_at(&history, argv[1], path, LAST_YEAR, NULL, NULL));
    snprintf(path, sizeof path, "%s/consumer_credit/credit_2003.yaml", argv[2]);
    CHECK(run_scenario_at(&credit, argv[1], path, LAST_YEAR, NULL, NULL));
    if (harness_failed)
        return TEST_REPORT();

    /* Identical before the event, every series. */
    bool same = true;
    for (int k = 0; k < credit.e->n_series; k++)
        same = same && memcmp(credit.e->out[k].values, history.e->out[k].values,
                              sizeof(double) * OPENED) == 0;
    CHECK(same);
    CHECK(series_of(history.e, "consumer_loans")[history.e->month - 1] == 0.0);

    /* Loans from the event on, within the limit of two months of expected income. */
    const double *loans = series_of(credit.e, "consumer_loans");
    CHECK(loans[OPENED - 1] == 0.0 && loans[OPENED] > 0.0);
    double expected_income = 0.0;
    for (int32_t k = 0; k < credit.e->hh.n; k++)
        expected_income += credit.e->hh.income_expected[k];
    CHECK(loans[credit.e->month - 1] > 0.0);
    CHECK(loans[credit.e->month - 1] <= 2.0 * expected_income * 1.05);

    /* Consumption gains while the debt builds, and the gain fades. */
    double gain[LAST_YEAR - FIRST_YEAR + 1];
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
        gain[y - FIRST_YEAR] = mean_over(credit.e, "consumption_share", y, y) -
                               mean_over(history.e, "consumption_share", y, y);
    printf("consumption share gain, points: %.3f in %d, %.3f in %d\n", 100.0 * gain[0], FIRST_YEAR,
           100.0 * gain[LAST_YEAR - FIRST_YEAR], LAST_YEAR);
    CHECK(gain[0] > 0.0);
    CHECK(gain[LAST_YEAR - FIRST_YEAR] < gain[0]);
    run_free(&history);
    run_free(&credit);
    return TEST_REPORT();
}
