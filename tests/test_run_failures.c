/*
 * test_run_failures.c: the two run failures of the model's own bookkeeping
 * (docs/errors.md 3, "Run failures of the model") that no parameter set is
 * known to reach before the guards or the int64 check stop the run:
 *   - "the month does not close": a household pays more than its deposits
 *     (a posting made between two months, as a bug in a sector would), so the
 *     ledger's close finds a money stock of the wrong sign; the month must
 *     stop with its date, the message of the close, and the status;
 *   - "cannot split ...: its weights are not usable": an amount apportioned
 *     over weights that are all zero, or NaN, cannot be split, and the
 *     message names the month and what was split; usable weights split it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "economy_fixture.h"
#include "harness.h"
#include "ledger/chart.h"
#include "model/economy.h"

static economy *build(const char *data_dir, int months)
{
    return small_economy(data_dir, 200, 40, months);
}

static void expect_fragment(const char *msg, const char *fragment)
{
    bool found = strstr(msg, fragment) != NULL;
    CHECK(found);
    if (!found)
        fprintf(stderr, "  message: %s\n  missing: %s\n", msg, fragment);
}

static void test_month_does_not_close(const char *data_dir)
{
    economy *e = build(data_dir, 4);
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK_EQ_I64(economy_run(e, 2), YF_OK);
    /* Household 0 pays a firm a trillion yuan more than its deposits (a
     * household's monthly income is a few hundred thousand yuan at this scale,
     * the economy's money some ten trillion): its deposits go below zero,
     * which only the close of the month can see. */
    int64_t deposits = ledger_position(e->L, I_DEPOSITS, ledger_acct(HH, 0));
    CHECK(deposits >= 0);
    yf_status st = ledger_pay(e->L, F_CONSUMPTION, ledger_acct(HH, 0), ledger_acct(FIRM, 0),
                              deposits + (int64_t)1000000000000);
    CHECK_EQ_I64(st, YF_OK);
    st = economy_run(e, 1);
    CHECK(st != YF_OK);
    expect_fragment(e->msg, "2000-03: the month does not close: ");
    expect_fragment(e->msg, "agent 0 of sector 'HH' has -");
    expect_fragment(e->msg, "bank deposits");
    economy_free(e);
}

static void test_split(const char *data_dir)
{
    economy *e = build(data_dir, 2);
    CHECK(e != NULL);
    if (!e)
        return;
    int64_t out[3] = {0, 0, 0};
    const double zero[3] = {0, 0, 0}, nan3[3] = {1, NAN, 1}, usable[3] = {1, 1, 2};
    e->msg[0] = '\0';
    CHECK(!economy_split(e, 1000, zero, 3, out, "the test amount"));
    expect_fragment(e->msg, ": cannot split the test amount: its weights are not usable");
    e->msg[0] = '\0';
    CHECK(!economy_split(e, 1000, nan3, 3, out, "the NaN amount"));
    expect_fragment(e->msg, ": cannot split the NaN amount: its weights are not usable");
    /* usable weights: the whole amount, in proportion (a hand computation) */
    CHECK(economy_split(e, 1000, usable, 3, out, "the usable amount"));
    CHECK_EQ_I64(out[0] + out[1] + out[2], 1000);
    CHECK_EQ_I64(out[2], 500);
    economy_free(e);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_run_failures DATA_DIR\n");
        return 2;
    }
    test_month_does_not_close(argv[1]);
    test_split(argv[1]);
    return TEST_REPORT();
}
