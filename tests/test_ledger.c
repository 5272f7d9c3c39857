/*
 * test_ledger.c: unit tests of every ledger operation on the China chart.
 * Expected positions are worked out by hand in the comments (quadruple entry
 * for interbank payments, money creation by loans, and so on); each check of
 * the close is also shown to fail when the state is corrupted on purpose.
 */
#include <string.h>

#include "harness.h"
#include "ledger_fixture.h"

#define OK(expr) CHECK((expr) == YF_OK)

static int64_t dep(ledger *L, int sector, int32_t agent)
{
    return ledger_position(L, I_DEPOSITS, acct(sector, agent));
}

static int64_t res(ledger *L, int32_t bank)
{
    return ledger_position(L, I_RESERVES, acct(BANK, bank));
}

/* Opening balance sheet used by most tests: HH0 holds 1000 at bank 0, each
 * bank holds 5000 of reserves, the treasury 10000 at the PBOC. Banks: HH1 and
 * F1 at bank 1, HH2 and F2 at bank 2, the rest at bank 0. */
static ledger *opened(void)
{
    ledger *L = fixture_new();
    OK(ledger_assign_parent(L, acct(HH, 1), 1));
    OK(ledger_assign_parent(L, acct(HH, 2), 2));
    OK(ledger_assign_parent(L, acct(FIRM, 1), 1));
    OK(ledger_assign_parent(L, acct(FIRM, 2), 2));
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 0), acct(BANK, 0), 1000));
    for (int32_t b = 0; b < 3; b++)
        OK(ledger_revalue(L, I_RESERVES, acct(BANK, b), acct(PBOC, 0), 5000));
    OK(ledger_revalue(L, I_TREASURY, acct(CG, 0), acct(PBOC, 0), 10000));
    return L;
}

static void test_new_refuses_bad_input(void)
{
    ledger *L = NULL;
    int32_t counts[N_CHINA_SECTORS] = {4, 3, 2, 2, 2, 1, 0, 1, 1}; /* no bank */
    CHECK(ledger_new(&L, &chart_china, counts) == YF_ERR_ARGUMENT);
    CHECK(L == NULL);
    chart broken = chart_china;
    broken.settle_parent[BANK] = HH; /* HH -> BANK -> HH: a cycle */
    CHECK(ledger_new(&L, &broken, fixture_agents) == YF_ERR_ARGUMENT);
    ledger_free(NULL); /* no-op */
}

static void test_chart_validation(void)
{
    char msg[256];
    CHECK(chart_validate(&chart_china, msg, sizeof msg));

    chart c = chart_china;
    c.settle_parent[BANK] = HH;
    CHECK(!chart_validate(&c, msg, sizeof msg));
    CHECK(strstr(msg, "settlement") != NULL || strstr(msg, "cycle") != NULL);

    c = chart_china;
    c.instruments[I_MORTGAGES].side[HH] = SIDE_NONE; /* a claim nobody owes */
    CHECK(!chart_validate(&c, msg, sizeof msg));
    CHECK(strstr(msg, "mortgages") != NULL);

    c = chart_china;
    c.settle_instrument[HH] = I_RESERVES; /* households cannot hold reserves */
    CHECK(!chart_validate(&c, msg, sizeof msg));

    c = chart_china;
    c.settle_parent[CG] = CHART_ROOT; /* two roots */
    CHECK(!chart_validate(&c, msg, sizeof msg));
    CHECK(strstr(msg, "2 payment roots") != NULL);

    c = chart_china;
    c.instruments[I_HOUSING].side[DEV] = SIDE_LIABILITY; /* a house is nobody's liability */
    CHECK(!chart_validate(&c, msg, sizeof msg));
}

static void test_payment_same_bank(void)
{
    ledger *L = opened();
    /* HH0 (bank 0) buys 300 of goods from F0 (bank 0): deposits move inside bank 0. */
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), 300));
    CHECK_EQ_I64(dep(L, HH, 0), 700);
    CHECK_EQ_I64(dep(L, FIRM, 0), 300);
    CHECK_EQ_I64(dep(L, BANK, 0), -1000);
    CHECK_EQ_I64(res(L, 0), 5000);
    CHECK_EQ_I64(ledger_flow(L, F_CONSUMPTION, HH), -300);
    CHECK_EQ_I64(ledger_flow(L, F_CONSUMPTION, FIRM), 300);
    OK(ledger_check(L));
    ledger_snapshot snap;
    OK(ledger_close_step(L, &snap));
    CHECK(snap.step == 1 && ledger_step(L) == 2);
    CHECK_EQ_I64(snap.flow[F_CONSUMPTION][FIRM], 300);
    CHECK_EQ_I64(snap.change_tx[I_DEPOSITS][HH], -300);
    CHECK_EQ_I64(snap.change_other[I_DEPOSITS][HH], 1000); /* the opening balance */
    /* The next step starts with empty flows and the same stocks. */
    CHECK_EQ_I64(ledger_flow(L, F_CONSUMPTION, FIRM), 0);
    CHECK_EQ_I64(dep(L, HH, 0), 700);
    ledger_free(L);
}

static void test_payment_between_banks(void)
{
    ledger *L = opened();
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), 300));
    /* F0 (bank 0) pays 200 of wages to HH1 (bank 1): quadruple entry.
     * F0 deposit 300 -> 100; bank 0 deposits -1000 -> -800, reserves 5000 -> 4800;
     * bank 1 reserves 5000 -> 5200, deposits 0 -> -200; HH1 deposit 0 -> 200. */
    OK(ledger_pay(L, F_WAGES_PRIVATE, acct(FIRM, 0), acct(HH, 1), 200));
    CHECK_EQ_I64(dep(L, FIRM, 0), 100);
    CHECK_EQ_I64(dep(L, BANK, 0), -800);
    CHECK_EQ_I64(res(L, 0), 4800);
    CHECK_EQ_I64(res(L, 1), 5200);
    CHECK_EQ_I64(dep(L, BANK, 1), -200);
    CHECK_EQ_I64(dep(L, HH, 1), 200);
    CHECK_EQ_I64(ledger_total(L, I_RESERVES, PBOC), -15000); /* no reserves created */
    CHECK_EQ_I64(ledger_total(L, I_RESERVES, BANK), 15000);
    OK(ledger_close_step(L, NULL));
    ledger_free(L);
}

static void test_treasury_and_foreign_payments(void)
{
    ledger *L = opened();
    /* The treasury pays 400 of public wages to HH2 (bank 2): the treasury account
     * falls, the PBOC credits bank 2's reserves, bank 2 credits HH2. */
    OK(ledger_pay(L, F_WAGES_PUBLIC, acct(CG, 0), acct(HH, 2), 400));
    CHECK_EQ_I64(ledger_total(L, I_TREASURY, CG), 9600);
    CHECK_EQ_I64(ledger_total(L, I_TREASURY, PBOC), -9600);
    CHECK_EQ_I64(res(L, 2), 5400);
    CHECK_EQ_I64(ledger_total(L, I_RESERVES, PBOC), -15400);
    CHECK_EQ_I64(dep(L, HH, 2), 400);
    CHECK_EQ_I64(dep(L, BANK, 2), -400);
    /* The rest of the world pays 1000 for F2's exports: the PBOC buys the dollars
     * (FX reserves +1000, a claim on ROW), creating reserves and a deposit. */
    OK(ledger_pay(L, F_EXPORTS, acct(ROW, 0), acct(FIRM, 2), 1000));
    CHECK_EQ_I64(ledger_total(L, I_FX_RESERVES, PBOC), 1000);
    CHECK_EQ_I64(ledger_total(L, I_FX_RESERVES, ROW), -1000);
    CHECK_EQ_I64(res(L, 2), 6400);
    CHECK_EQ_I64(dep(L, FIRM, 2), 1000);
    CHECK_EQ_I64(ledger_flow(L, F_EXPORTS, ROW), -1000);
    /* F2 imports 300: the PBOC sells dollars, reserves and deposits shrink. */
    OK(ledger_pay(L, F_IMPORTS, acct(FIRM, 2), acct(ROW, 0), 300));
    CHECK_EQ_I64(ledger_total(L, I_FX_RESERVES, PBOC), 700);
    CHECK_EQ_I64(res(L, 2), 6100);
    OK(ledger_close_step(L, NULL));
    ledger_free(L);
}

static void test_loans_create_and_destroy_money(void)
{
    ledger *L = opened();
    int64_t money0 = -ledger_total(L, I_DEPOSITS, BANK);
    /* Bank 1 lends 500 to F1, its own customer: a loan and a deposit are born. */
    OK(ledger_exchange(L, I_BUSINESS_LOANS, acct(FIRM, 1), acct(BANK, 1), 500));
    CHECK_EQ_I64(ledger_position(L, I_BUSINESS_LOANS, acct(FIRM, 1)), -500);
    CHECK_EQ_I64(ledger_position(L, I_BUSINESS_LOANS, acct(BANK, 1)), 500);
    CHECK_EQ_I64(dep(L, FIRM, 1), 500);
    CHECK_EQ_I64(-ledger_total(L, I_DEPOSITS, BANK), money0 + 500);
    CHECK_EQ_I64(res(L, 1), 5000); /* no reserves needed to lend */
    /* F1 repays 200: loan and deposit die together. */
    OK(ledger_exchange(L, I_BUSINESS_LOANS, acct(BANK, 1), acct(FIRM, 1), 200));
    CHECK_EQ_I64(ledger_position(L, I_BUSINESS_LOANS, acct(FIRM, 1)), -300);
    CHECK_EQ_I64(dep(L, FIRM, 1), 300);
    CHECK_EQ_I64(-ledger_total(L, I_DEPOSITS, BANK), money0 + 300);
    /* Bank 0 lends 100 to F1 who banks at bank 1: bank 0 pays in reserves. */
    OK(ledger_exchange(L, I_BUSINESS_LOANS, acct(FIRM, 1), acct(BANK, 0), 100));
    CHECK_EQ_I64(res(L, 0), 4900);
    CHECK_EQ_I64(res(L, 1), 5100);
    CHECK_EQ_I64(dep(L, FIRM, 1), 400);
    CHECK_EQ_I64(ledger_flow(L, F_INTEREST_BUSINESS_LOANS, FIRM), 0); /* no flow row */
    OK(ledger_close_step(L, NULL));
    ledger_free(L);
}

static void test_tangibles_and_net_worth(void)
{
    ledger *L = opened();
    /* HH0 buys a new home for 600 from DEV0: money out, a house in; net worth unchanged. */
    int64_t nw0 = ledger_net_worth(L, HH);
    OK(ledger_buy_tangible(L, F_RESIDENTIAL_CONSTRUCTION, I_HOUSING, acct(HH, 0), acct(DEV, 0), 600,
                           false));
    CHECK_EQ_I64(dep(L, HH, 0), 400);
    CHECK_EQ_I64(ledger_position(L, I_HOUSING, acct(HH, 0)), 600);
    CHECK_EQ_I64(ledger_net_worth(L, HH), nw0);
    CHECK_EQ_I64(dep(L, DEV, 0), 600);
    /* DEV0 buys land for 500 from LG0's stock (opened at 10000): land changes hands. */
    OK(ledger_revalue_tangible(L, I_LAND_AND_INVENTORY, acct(LG, 0), 10000));
    OK(ledger_buy_tangible(L, F_LAND_SALES, I_LAND_AND_INVENTORY, acct(DEV, 0), acct(LG, 0), 500,
                           true));
    CHECK_EQ_I64(ledger_position(L, I_LAND_AND_INVENTORY, acct(LG, 0)), 9500);
    CHECK_EQ_I64(ledger_position(L, I_LAND_AND_INVENTORY, acct(DEV, 0)), 500);
    CHECK_EQ_I64(dep(L, LG, 0), 500);
    CHECK_EQ_I64(ledger_flow(L, F_LAND_SALES, LG), 500);
    /* House prices fall: a revaluation, not a flow. */
    OK(ledger_revalue_tangible(L, I_HOUSING, acct(HH, 0), -60));
    CHECK_EQ_I64(ledger_net_worth(L, HH), nw0 - 60);
    ledger_snapshot snap;
    OK(ledger_close_step(L, &snap));
    CHECK_EQ_I64(snap.change_other[I_HOUSING][HH], -60);
    CHECK_EQ_I64(snap.change_tx[I_HOUSING][HH], 600);
    ledger_free(L);
}

/* Revaluing every household's home at once must leave the ledger as revaluing
 * them one by one: the same positions, sector total and other changes (the
 * close's matrices), with no transaction; and it is all or nothing. */
static void test_revalue_each(void)
{
    ledger *one = opened(), *each = opened();
    const int64_t delta[4] = {700, 0, 40, 25};
    for (int32_t k = 0; k < 4; k++)
        if (delta[k] != 0)
            OK(ledger_revalue_tangible(one, I_HOUSING, acct(HH, k), delta[k]));
    OK(ledger_revalue_tangible_each(each, I_HOUSING, HH, delta));
    for (int32_t k = 0; k < 4; k++)
        CHECK_EQ_I64(ledger_position(each, I_HOUSING, acct(HH, k)), delta[k]);
    CHECK_EQ_I64(ledger_total(each, I_HOUSING, HH), 765);
    CHECK(fingerprint(each) == fingerprint(one));
    ledger_snapshot a, b;
    OK(ledger_close_step(one, &a));
    OK(ledger_close_step(each, &b));
    CHECK_EQ_I64(b.change_other[I_HOUSING][HH], 765);
    CHECK_EQ_I64(b.change_tx[I_HOUSING][HH], 0);
    CHECK(memcmp(a.stock, b.stock, sizeof a.stock) == 0);
    CHECK(memcmp(a.flow, b.flow, sizeof a.flow) == 0);
    CHECK(memcmp(a.change_tx, b.change_tx, sizeof a.change_tx) == 0);
    CHECK(memcmp(a.change_other, b.change_other, sizeof a.change_other) == 0);
    /* An agent's overflow, or the sum's, changes nothing. */
    const uint64_t h = fingerprint(each);
    const int64_t too_much[4] = {0, 0, 0, INT64_MAX};
    CHECK(ledger_revalue_tangible_each(each, I_HOUSING, HH, too_much) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(each) == h);
    const int64_t spread[4] = {INT64_MAX / 2, INT64_MAX / 2, INT64_MAX / 2, 0};
    CHECK(ledger_revalue_tangible_each(each, I_HOUSING, HH, spread) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(each) == h);
    CHECK(ledger_revalue_tangible_each(each, I_CAPITAL, HH, delta) == YF_ERR_NOT_HOLDABLE);
    CHECK(ledger_revalue_tangible_each(each, I_DEPOSITS, HH, delta) == YF_ERR_ARGUMENT);
    ledger_free(one);
    ledger_free(each);
}

/* Buyers' losses on a developer's presale claims, posted for every household
 * at once, must leave the ledger as ledger_revalue household by household;
 * an overflow changes nothing, and the issuer must be outside the sector. */
static void test_revalue_claims_each(void)
{
    ledger *one = opened(), *each = opened();
    const int64_t held[4] = {500, 0, 300, 120}, loss[4] = {-50, 0, -30, 0};
    for (int32_t k = 0; k < 4; k++)
        if (held[k]) {
            OK(ledger_revalue(one, I_PRESALE_CLAIMS, acct(HH, k), acct(DEV, 1), held[k]));
            OK(ledger_revalue(each, I_PRESALE_CLAIMS, acct(HH, k), acct(DEV, 1), held[k]));
        }
    for (int32_t k = 0; k < 4; k++)
        if (loss[k])
            OK(ledger_revalue(one, I_PRESALE_CLAIMS, acct(HH, k), acct(DEV, 1), loss[k]));
    OK(ledger_revalue_each(each, I_PRESALE_CLAIMS, HH, loss, acct(DEV, 1)));
    CHECK_EQ_I64(ledger_position(each, I_PRESALE_CLAIMS, acct(HH, 0)), 450);
    CHECK_EQ_I64(ledger_position(each, I_PRESALE_CLAIMS, acct(DEV, 1)), -840);
    CHECK(fingerprint(each) == fingerprint(one));
    const uint64_t h = fingerprint(each);
    const int64_t too_much[4] = {0, INT64_MIN, 0, -1};
    CHECK(ledger_revalue_each(each, I_PRESALE_CLAIMS, HH, too_much, acct(DEV, 1)) ==
          YF_ERR_OVERFLOW);
    CHECK(ledger_revalue_each(each, I_PRESALE_CLAIMS, HH, loss, acct(HH, 0)) == YF_ERR_ARGUMENT);
    CHECK(ledger_revalue_each(each, I_HOUSING, HH, loss, acct(DEV, 1)) == YF_ERR_ARGUMENT);
    CHECK(fingerprint(each) == h);
    ledger_free(one);
    ledger_free(each);
}

/* Firms selling foreign claims to the rest of the world, and buying foreign
 * assets from it, in one batch each: the ledger must end as after
 * ledger_exchange firm by firm (the same positions, flows and matrices), and
 * a refused batch changes nothing. */
static void test_exchange_each(void)
{
    ledger *one = opened(), *each = opened();
    const ledger_account row = acct(ROW, 0);
    const int64_t sold[3] = {300, 0, 250}, bought[3] = {40, 70, 0};
    for (int32_t k = 0; k < 3; k++) {
        if (sold[k])
            OK(ledger_exchange(one, I_FOREIGN_LIABILITIES, acct(FIRM, k), row, sold[k]));
        if (bought[k])
            OK(ledger_exchange(one, I_FOREIGN_ASSETS, row, acct(FIRM, k), bought[k]));
    }
    int64_t sold_all[8] = {0}, bought_all[8] = {0};
    memcpy(sold_all, sold, sizeof sold);
    memcpy(bought_all, bought, sizeof bought);
    CHECK(ledger_n_agents(each, FIRM) <= 8);
    OK(ledger_sell_each(each, I_FOREIGN_LIABILITIES, FIRM, sold_all, row));
    OK(ledger_buy_each(each, I_FOREIGN_ASSETS, FIRM, bought_all, row));
    CHECK_EQ_I64(dep(each, FIRM, 0), 260); /* 300 in, 40 out */
    CHECK_EQ_I64(dep(each, FIRM, 1), -70); /* an overdraft */
    CHECK_EQ_I64(ledger_position(each, I_FOREIGN_LIABILITIES, acct(FIRM, 2)), -250);
    CHECK_EQ_I64(ledger_position(each, I_FOREIGN_ASSETS, acct(FIRM, 1)), 70);
    CHECK(fingerprint(each) == fingerprint(one));
    /* A refusal: the sellers' liabilities would pass the int64 range. */
    const uint64_t h = fingerprint(each);
    int64_t huge[8] = {0, 0, INT64_MAX, 0, 0, 0, 0, 0};
    CHECK(ledger_sell_each(each, I_FOREIGN_LIABILITIES, FIRM, huge, row) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(each) == h);
    CHECK(ledger_sell_each(each, I_FOREIGN_LIABILITIES, FIRM, sold_all, acct(FIRM, 0)) ==
          YF_ERR_ARGUMENT);
    CHECK(ledger_buy_each(each, I_HOUSING, FIRM, bought_all, row) == YF_ERR_ARGUMENT);
    CHECK(fingerprint(each) == h);
    ledger_free(one);
    ledger_free(each);
}

static void test_write_off(void)
{
    ledger *L = opened();
    OK(ledger_exchange(L, I_DEVELOPER_LOANS, acct(DEV, 1), acct(BANK, 0), 800));
    OK(ledger_close_step(L, NULL));
    int64_t bank_nw = ledger_net_worth(L, BANK), dev_nw = ledger_net_worth(L, DEV);
    /* DEV1 defaults: bank 0 writes off 300. An other change for both sides. */
    OK(ledger_revalue(L, I_DEVELOPER_LOANS, acct(BANK, 0), acct(DEV, 1), -300));
    CHECK_EQ_I64(ledger_position(L, I_DEVELOPER_LOANS, acct(BANK, 0)), 500);
    CHECK_EQ_I64(ledger_position(L, I_DEVELOPER_LOANS, acct(DEV, 1)), -500);
    CHECK_EQ_I64(ledger_net_worth(L, BANK), bank_nw - 300);
    CHECK_EQ_I64(ledger_net_worth(L, DEV), dev_nw + 300);
    ledger_snapshot snap;
    OK(ledger_close_step(L, &snap));
    CHECK_EQ_I64(snap.change_other[I_DEVELOPER_LOANS][BANK], -300);
    CHECK_EQ_I64(snap.change_tx[I_DEVELOPER_LOANS][BANK], 0);
    ledger_free(L);
}

static ledger *batch_fixture(void)
{
    ledger *L = opened();
    OK(ledger_assign_parent(L, acct(HH, 3), 0));
    /* HH0..HH3 each hold 1000, at banks 0, 1, 2, 0 (HH0's 1000 is already there). */
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 1), acct(BANK, 1), 1000));
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 2), acct(BANK, 2), 1000));
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 3), acct(BANK, 0), 1000));
    return L;
}

static void test_batch_payments(void)
{
    ledger *L = batch_fixture();
    const int64_t spend[4] = {10, 20, 30, 40};
    /* Every household pays F1 (bank 1): 100 in all; banks 0 and 2 pay bank 1
     * 50 and 30 of reserves; HH1's 20 stays inside bank 1. */
    OK(ledger_pay_from_each(L, F_CONSUMPTION, HH, spend, acct(FIRM, 1)));
    CHECK_EQ_I64(dep(L, HH, 0), 990);
    CHECK_EQ_I64(dep(L, HH, 1), 980);
    CHECK_EQ_I64(dep(L, HH, 2), 970);
    CHECK_EQ_I64(dep(L, HH, 3), 960);
    CHECK_EQ_I64(dep(L, FIRM, 1), 100);
    CHECK_EQ_I64(res(L, 0), 4950);
    CHECK_EQ_I64(res(L, 1), 5080);
    CHECK_EQ_I64(res(L, 2), 4970);
    CHECK_EQ_I64(dep(L, BANK, 0), -1950);
    CHECK_EQ_I64(dep(L, BANK, 1), -1080);
    CHECK_EQ_I64(dep(L, BANK, 2), -970);
    CHECK_EQ_I64(ledger_flow(L, F_CONSUMPTION, HH), -100);
    CHECK_EQ_I64(ledger_total(L, I_DEPOSITS, HH), 3900);
    const int64_t wages[4] = {1, 2, 3, 4};
    OK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 1), HH, wages));
    CHECK_EQ_I64(dep(L, FIRM, 1), 90);
    CHECK_EQ_I64(dep(L, HH, 3), 964);
    CHECK_EQ_I64(res(L, 0), 4955);
    CHECK_EQ_I64(res(L, 1), 5072);
    CHECK_EQ_I64(res(L, 2), 4973);
    /* A household paying its own bank: no reserves move. */
    const int64_t fee[4] = {0, 5, 0, 0};
    OK(ledger_pay_from_each(L, F_INTEREST_MORTGAGES, HH, fee, acct(BANK, 1)));
    CHECK_EQ_I64(res(L, 1), 5072);
    CHECK_EQ_I64(dep(L, BANK, 1), -1067); /* HH1 977 + F1 90 held at bank 1 */
    OK(ledger_close_step(L, NULL));
    ledger_free(L);
}

static void test_many_to_many(void)
{
    ledger *L = batch_fixture(); /* HH0..3 at banks 0,1,2,0; F1 at 1, F2 at 2, F0 at 0 */
    /* Firms pay wages of 150: F0 100, F1 50; HH receive 30, 40, 50, 30.
     * Per bank, paid out: b0 100, b1 50; credited: b0 60, b1 40, b2 50.
     * Nets: b0 -40, b1 -10, b2 +50: only these reserves move. */
    const int64_t wages_paid[3] = {100, 50, 0}, wages_received[4] = {30, 40, 50, 30};
    OK(ledger_pay_many(L, F_WAGES_PRIVATE, FIRM, wages_paid, HH, wages_received));
    CHECK_EQ_I64(dep(L, FIRM, 0), -100); /* overdrawn mid-step: allowed until the close */
    CHECK_EQ_I64(dep(L, HH, 3), 1030);
    CHECK_EQ_I64(res(L, 0), 4960);
    CHECK_EQ_I64(res(L, 1), 4990);
    CHECK_EQ_I64(res(L, 2), 5050);
    CHECK_EQ_I64(dep(L, BANK, 0), -(1030 + 1030 - 100));
    CHECK_EQ_I64(ledger_flow(L, F_WAGES_PRIVATE, HH), 150);
    CHECK_EQ_I64(ledger_flow(L, F_WAGES_PRIVATE, FIRM), -150);
    OK(ledger_check(L));
    /* Banks pay interest to their own depositors: no reserves move. */
    const int64_t interest_paid[3] = {7, 2, 3}, interest_received[4] = {3, 2, 3, 4};
    OK(ledger_pay_many(L, F_INTEREST_DEPOSITS, BANK, interest_paid, HH, interest_received));
    CHECK_EQ_I64(res(L, 0), 4960);
    CHECK_EQ_I64(res(L, 2), 5050);
    CHECK_EQ_I64(dep(L, HH, 0), 1033);
    CHECK_EQ_I64(dep(L, BANK, 0), -(1033 + 1034 - 100));
    /* Bank 0 pays 5 to HH1, who banks at bank 1: bank 0 pays reserves. */
    const int64_t b0_pays[3] = {5, 0, 0}, hh1_gets[4] = {0, 5, 0, 0};
    OK(ledger_pay_many(L, F_INTEREST_DEPOSITS, BANK, b0_pays, HH, hh1_gets));
    CHECK_EQ_I64(res(L, 0), 4955);
    CHECK_EQ_I64(res(L, 1), 4995);
    /* Households pay mortgage interest to their banks (payee = the parent sector). */
    const int64_t hh_pays[4] = {1, 2, 3, 4}, banks_get[3] = {5, 2, 3};
    OK(ledger_pay_many(L, F_INTEREST_MORTGAGES, HH, hh_pays, BANK, banks_get));
    CHECK_EQ_I64(res(L, 0), 4955);
    CHECK_EQ_I64(dep(L, HH, 3), 1030);
    OK(ledger_check(L));
    /* Firms must end non-negative: F0 borrows what it paid out. */
    OK(ledger_exchange(L, I_BUSINESS_LOANS, acct(FIRM, 0), acct(BANK, 0), 100));
    OK(ledger_exchange(L, I_BUSINESS_LOANS, acct(FIRM, 1), acct(BANK, 1), 50));
    OK(ledger_close_step(L, NULL));

    /* Refusals: unequal totals, sectors that do not net at one level, a negative amount. */
    uint64_t h = fingerprint(L);
    const int64_t short_received[4] = {30, 40, 50, 29};
    CHECK(ledger_pay_many(L, F_WAGES_PRIVATE, FIRM, wages_paid, HH, short_received) ==
          YF_ERR_ARGUMENT);
    CHECK(strstr(ledger_message(L), "payers pay 150 yuan but payees receive 149") != NULL);
    const int64_t cg_pays[1] = {10}, hh_gets[4] = {10, 0, 0, 0};
    CHECK(ledger_pay_many(L, F_WAGES_PUBLIC, CG, cg_pays, HH, hh_gets) == YF_ERR_ARGUMENT);
    CHECK(strstr(ledger_message(L), "do not settle at the same level") != NULL);
    const int64_t negative[3] = {160, -10, 0};
    CHECK(ledger_pay_many(L, F_WAGES_PRIVATE, FIRM, negative, HH, wages_received) ==
          YF_ERR_ARGUMENT);
    CHECK(fingerprint(L) == h);
    ledger_free(L);
}

/* ---- refusals leave the ledger unchanged ---------------------------------- */

static void test_refusals(void)
{
    ledger *L = batch_fixture();
    uint64_t h = fingerprint(L);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 4), acct(FIRM, 0), 1) == YF_ERR_UNKNOWN_ACCOUNT);
    CHECK(strstr(ledger_message(L), "agent 4 of sector 'HH'") != NULL);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(42, 0), acct(FIRM, 0), 1) == YF_ERR_UNKNOWN_ACCOUNT);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, -1), acct(FIRM, 0), 1) == YF_ERR_UNKNOWN_ACCOUNT);
    CHECK(ledger_pay(L, 999, acct(HH, 0), acct(FIRM, 0), 1) == YF_ERR_ARGUMENT);
    CHECK(strstr(ledger_message(L), "unknown flow row") != NULL);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), -5) == YF_ERR_ARGUMENT);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(HH, 0), 5) == YF_ERR_ARGUMENT);
    CHECK(ledger_exchange(L, I_RESERVES, acct(HH, 0), acct(BANK, 0), 1) == YF_ERR_NOT_HOLDABLE);
    CHECK(strstr(ledger_message(L), "sector 'HH' cannot hold instrument 'reserves'") != NULL);
    CHECK(ledger_exchange(L, I_HOUSING, acct(HH, 0), acct(HH, 1), 1) == YF_ERR_ARGUMENT);
    CHECK(ledger_exchange(L, 77, acct(HH, 0), acct(HH, 1), 1) == YF_ERR_ARGUMENT);
    CHECK(ledger_buy_tangible(L, F_BUSINESS_INVESTMENT, I_HOUSING, acct(FIRM, 0), acct(DEV, 0), 1,
                              false) == YF_ERR_NOT_HOLDABLE);
    CHECK(ledger_buy_tangible(L, LEDGER_NO_FLOW, I_HOUSING, acct(HH, 0), acct(DEV, 0), 1, false) ==
          YF_ERR_ARGUMENT);
    CHECK(ledger_buy_tangible(L, F_RESIDENTIAL_CONSTRUCTION, I_HOUSING, acct(HH, 0), acct(DEV, 0),
                              1, true) == YF_ERR_NOT_HOLDABLE); /* DEV holds no housing row */
    CHECK(ledger_revalue(L, I_DEPOSITS, acct(CG, 0), acct(BANK, 0), 1) == YF_ERR_NOT_HOLDABLE);
    CHECK(ledger_revalue_tangible(L, I_CAPITAL, acct(HH, 0), 1) == YF_ERR_NOT_HOLDABLE);
    CHECK(ledger_assign_parent(L, acct(HH, 0), 2) == YF_ERR_ARGUMENT); /* holds deposits */
    CHECK(ledger_assign_parent(L, acct(FIRM, 0), 9) == YF_ERR_UNKNOWN_ACCOUNT);
    CHECK(ledger_assign_parent(L, acct(PBOC, 0), 0) == YF_ERR_ARGUMENT);
    const int64_t bad[4] = {1, 2, -3, 4};
    CHECK(ledger_pay_from_each(L, F_CONSUMPTION, HH, bad, acct(FIRM, 0)) == YF_ERR_ARGUMENT);
    CHECK(strstr(ledger_message(L), "agent 2 of sector 'HH'") != NULL);
    CHECK(ledger_pay_to_each(L, F_CONSUMPTION, acct(FIRM, 0), HH, bad) == YF_ERR_ARGUMENT);
    CHECK(ledger_pay_from_each(L, F_CONSUMPTION, HH, NULL, acct(FIRM, 0)) == YF_ERR_ARGUMENT);
    CHECK(fingerprint(L) == h);
    /* The refusals left nothing half-done: the step still closes. */
    OK(ledger_close_step(L, NULL));
    ledger_free(L);
}

static void test_overflow_refused(void)
{
    ledger *L = opened();
    /* HH1 holds INT64_MAX - 3000; the household sector total is INT64_MAX - 2000. */
    OK(ledger_assign_parent(L, acct(HH, 3), 0));
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 1), acct(BANK, 1), INT64_MAX - 3000));
    uint64_t h = fingerprint(L);
    CHECK(ledger_revalue(L, I_DEPOSITS, acct(HH, 0), acct(BANK, 0), INT64_MAX) == YF_ERR_OVERFLOW);
    CHECK(strstr(ledger_message(L), "overflows") != NULL);
    CHECK(fingerprint(L) == h);
    /* The payment's first legs succeed (flows, HH0's deposit, reserves between
     * banks), the last one (HH1's deposit) overflows: all of it must be undone. */
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(HH, 1), 3001) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == h);
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(HH, 1), 1000)); /* HH1: MAX - 2000 */
    h = fingerprint(L);
    const int64_t give[4] = {0, 2001, 0, 0};
    CHECK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, give) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == h);
    const int64_t huge[4] = {INT64_MAX, INT64_MAX, 0, 0};
    CHECK(ledger_pay_from_each(L, F_CONSUMPTION, HH, huge, acct(FIRM, 0)) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == h);
    /* A whole sector's total overflowing is refused even when no agent's does. */
    const int64_t spread[4] = {1000, 0, 0, 2001};
    CHECK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, spread) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == h);
    ledger_free(L);
}

/* The checking pass of a batch clears it without a check per agent when the
 * amounts and positions are far from the int64 range's ends, and checks agent
 * by agent otherwise: near the ends a payment that fits must still go through,
 * to the yuan, and one that does not must still be refused. */
static void test_batch_near_the_range_ends(void)
{
    ledger *L = opened();
    const int64_t big = (int64_t)1 << 62;
    /* HH1 holds 2^62 (beyond the quick test's range). */
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 1), acct(BANK, 1), big));
    /* HH1 ends at INT64_MAX - 1000, the households' total (HH0 holds 1000) at INT64_MAX. */
    const int64_t fits[4] = {0, INT64_MAX - big - 1000, 0, 0};
    OK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, fits));
    CHECK_EQ_I64(dep(L, HH, 1), INT64_MAX - 1000);
    CHECK_EQ_I64(dep(L, FIRM, 0), -(INT64_MAX - big - 1000));
    const uint64_t h = fingerprint(L);
    const int64_t one_more[4] = {0, 1, 0, 0};
    CHECK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, one_more) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == h);
    /* Amounts of 2^62 and more, between households of one bank (many to many). */
    const int64_t pay[4] = {0, big, 0, 0}, receive[4] = {0, 0, 0, big};
    OK(ledger_pay_many(L, F_CONSUMPTION, HH, pay, HH, receive));
    CHECK_EQ_I64(dep(L, HH, 1), INT64_MAX - 1000 - big);
    CHECK_EQ_I64(dep(L, HH, 3), big);
    ledger_free(L);
    /* One agent's position at the top while the sector's total fits (HH2 owes
     * its bank): only the agent's own check can refuse a payment of 11 yuan. */
    L = opened();
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 2), acct(BANK, 2), -5000));
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 1), acct(BANK, 1), INT64_MAX - 10));
    const uint64_t before = fingerprint(L);
    const int64_t eleven[4] = {0, 11, 0, 0}, ten[4] = {0, 10, 0, 0};
    CHECK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, eleven) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == before);
    const int64_t firm_pays[4] = {11, 0, 0, 0};
    CHECK(ledger_pay_many(L, F_WAGES_PRIVATE, FIRM, firm_pays, HH, eleven) == YF_ERR_OVERFLOW);
    CHECK(fingerprint(L) == before);
    OK(ledger_pay_to_each(L, F_WAGES_PRIVATE, acct(FIRM, 0), HH, ten));
    CHECK_EQ_I64(dep(L, HH, 1), INT64_MAX);
    ledger_free(L);
}

/* ---- each check of the close can fail ----------------------------------- */

static ledger *busy(void)
{
    ledger *L = batch_fixture();
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 1), 300));
    OK(ledger_exchange(L, I_MORTGAGES, acct(HH, 2), acct(BANK, 2), 700));
    OK(ledger_check(L));
    return L;
}

static void expect_failure(ledger *L, yf_status want, const char *fragment)
{
    int step = ledger_step(L);
    CHECK(ledger_close_step(L, NULL) == want);
    CHECK(strstr(ledger_message(L), fragment) != NULL);
    if (!strstr(ledger_message(L), fragment))
        fprintf(stderr, "  message was: %s\n", ledger_message(L));
    CHECK(ledger_step(L) == step); /* the step stays open */
    ledger_free(L);
}

static void test_checks_can_fail(void)
{
    ledger *L = busy();
    L->total[I_DEPOSITS][HH] += 5;
    L->pos[I_DEPOSITS][HH][0] += 5;
    expect_failure(L, YF_ERR_INCONSISTENT, "balance-sheet row 'bank deposits' sums to 5 yuan");

    L = busy();
    L->pos[I_DEPOSITS][HH][3] -= 2;
    expect_failure(L, YF_ERR_INCONSISTENT, "the agents of sector 'HH' hold");

    L = busy();
    L->flow[F_CONSUMPTION][HH] -= 7;
    expect_failure(L, YF_ERR_INCONSISTENT, "transactions-flow row 'consumption' sums to -7");

    L = busy();
    L->flow[F_CONSUMPTION][HH] -= 7;
    L->flow[F_CONSUMPTION][FIRM] += 7;
    expect_failure(L, YF_ERR_INCONSISTENT, "transactions-flow column 'HH' sums to -7");

    L = busy();
    L->change_other[I_DEPOSITS][HH] += 3;
    L->change_other[I_DEPOSITS][BANK] -= 3;
    expect_failure(L, YF_ERR_INCONSISTENT, "net worth of sector 'HH' moved by");

    L = busy();
    L->change_other[I_DEPOSITS][HH] += 3;
    L->change_other[I_HOUSING][HH] -= 3;
    expect_failure(L, YF_ERR_INCONSISTENT, "stock of 'bank deposits' moved by");

    L = busy();
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 3), acct(FIRM, 0), 1005));
    OK(ledger_check(L)); /* balanced, but HH3 is overdrawn */
    expect_failure(L, YF_ERR_NEGATIVE_STOCK,
                   "agent 3 of sector 'HH' has -5 yuan of 'bank deposits'");
}

/* The close sums agent arrays by 32-bit halves; large, negative and 2^32-sized
 * values must come out exact. */
static void test_agent_sums_exact_at_extremes(void)
{
    ledger *L = opened();
    OK(ledger_revalue(L, I_DEPOSITS, acct(HH, 0), acct(BANK, 0), INT64_MAX - 1000 - 100));
    const int64_t big = ((int64_t)1 << 40) + 12345;
    OK(ledger_pay(L, F_CONSUMPTION, acct(HH, 1), acct(HH, 2), big)); /* HH1 overdrawn mid-step */
    CHECK_EQ_I64(ledger_total(L, I_DEPOSITS, HH), INT64_MAX - 100);
    OK(ledger_check(L));
    L->pos[I_DEPOSITS][HH][2] += (int64_t)1 << 32; /* moving 2^32 between agents: sum intact */
    L->pos[I_DEPOSITS][HH][3] -= (int64_t)1 << 32;
    OK(ledger_check(L));
    L->pos[I_DEPOSITS][HH][3] -= 1; /* the agents now sum to one yuan less than the total */
    CHECK(ledger_check(L) == YF_ERR_INCONSISTENT);
    CHECK(strstr(ledger_message(L), "hold 9,223,372,036,854,775,706 yuan") != NULL);
    L->pos[I_DEPOSITS][HH][3] += 1;
    L->pos[I_DEPOSITS][HH][2] -= (int64_t)1 << 32; /* now 2^32 less: only the high half differs */
    CHECK(ledger_check(L) == YF_ERR_INCONSISTENT);
    L->pos[I_DEPOSITS][HH][3] += (int64_t)1 << 32; /* back to the posted values */
    CHECK_EQ_I64(L->pos[I_DEPOSITS][HH][2], big);
    CHECK_EQ_I64(L->pos[I_DEPOSITS][HH][3], 0);
    OK(ledger_check(L));
    expect_failure(L, YF_ERR_NEGATIVE_STOCK, "agent 1 of sector 'HH' has -1,099,511,640,121 yuan");
}

int main(void)
{
    test_new_refuses_bad_input();
    test_chart_validation();
    test_payment_same_bank();
    test_payment_between_banks();
    test_treasury_and_foreign_payments();
    test_loans_create_and_destroy_money();
    test_tangibles_and_net_worth();
    test_revalue_each();
    test_exchange_each();
    test_revalue_claims_each();
    test_write_off();
    test_batch_payments();
    test_many_to_many();
    test_refusals();
    test_overflow_refused();
    test_batch_near_the_range_ends();
    test_checks_can_fail();
    test_agent_sums_exact_at_extremes();
    return TEST_REPORT();
}
