/*
 * pc.c: model PC of Godley & Lavoie, Monetary Economics (2007), chapter 4:
 * households choose between cash and government bills, the central bank
 * buys the bills nobody else wants and issues cash in exchange
 * (docs/textbook.md section 2).
 *
 *     Y    = C + G                               output
 *     YD   = Y - T + r_1 Bh_1                    disposable income
 *     T    = theta (Y + r_1 Bh_1)                taxes
 *     V    = V_1 + (YD - C)                      household wealth
 *     C    = alpha1 YD + alpha2 V_1              consumption
 *     Bh/V = lambda0 + lambda1 r - lambda2 YD/V  portfolio choice
 *     Hh   = V - Bh                              cash held by households
 *     dBs  = G + r_1 Bs_1 - (T + r_1 Bcb_1)      the government's deficit
 *     Bcb  = Bs - Bh                             central bank buys the rest
 *     Hs   = Bcb                                 and pays for it with cash
 *
 * (_1: last period.) The period is solved in closed form,
 *
 *     YD = (1 - theta)(G + alpha2 V_1 + r_1 Bh_1) / (1 - alpha1 (1 - theta)),
 *
 * then posted: the government buys G, households buy C, firms pay the factor
 * income Y, the government pays interest on last period's bills to their
 * holders (households and the central bank), the central bank remits its
 * profits (that interest) to the government, households pay taxes; then the
 * government sells its deficit in new bills to the central bank and the
 * households buy (or sell back) the change in their bills from the central
 * bank, paying (or being paid) in cash. The government settles through a
 * treasury account at the central bank which therefore ends each period at
 * exactly zero. The redundant equation Hs = Hh holds on the ledger without
 * being imposed.
 *
 * Rounded once from the behaviour: G, the interest payments, C, T and Bh;
 * Y, YD, V, the deficit and the change in bills follow from posted integers.
 */
#include <math.h>
#include <stdio.h>

#include "core/core.h"
#include "textbook.h"

/* ---- the chart: G&L tables 4.1 and 4.2 ------------------------------------ */

/*
 * Balance sheet: cash (households' and, within the period, firms' asset; the
 * central bank's liability), bills (issued by the government, held by
 * households and the central bank), and the treasury account (the
 * government's deposit at the central bank, through which it settles).
 * Payment tree: the central bank is the root; households and firms settle in
 * cash with it, the government through its treasury account.
 */
/* clang-format off */
const chart chart_pc = {
    .name = "pc",
    .n_sectors = PC_N_SECTORS,
    .n_instruments = PC_N_INSTRUMENTS,
    .n_flows = PC_N_FLOWS,
    .sectors =
        {
            [PC_HH] = {"HH", "Households"},
            [PC_PROD] = {"Prod", "Production"},
            [PC_GOV] = {"Gov", "Government"},
            [PC_CB] = {"CB", "Central bank"},
        },
    .instruments =
        {
            [PC_MONEY] = {"money", "money (cash)", INSTRUMENT_FINANCIAL,
                          {[PC_HH] = SIDE_ASSET, [PC_PROD] = SIDE_ASSET,
                           [PC_CB] = SIDE_LIABILITY}},
            [PC_BILLS] = {"bills", "bills", INSTRUMENT_FINANCIAL,
                          {[PC_HH] = SIDE_ASSET, [PC_GOV] = SIDE_LIABILITY,
                           [PC_CB] = SIDE_ASSET}},
            [PC_TREASURY] = {"treasury", "treasury account", INSTRUMENT_FINANCIAL,
                             {[PC_GOV] = SIDE_ASSET, [PC_CB] = SIDE_LIABILITY}},
        },
    .flows =
        {
            [PC_CONSUMPTION] = {"consumption", "consumption"},
            [PC_GOV_EXPENDITURE] = {"gov_expenditure", "government expenditure"},
            [PC_FACTOR_INCOME] = {"factor_income", "factor income (wages)"},
            [PC_INTEREST] = {"interest_bills", "interest on bills"},
            [PC_CB_PROFITS] = {"cb_profits", "central bank profits"},
            [PC_TAXES] = {"taxes", "taxes"},
        },
    .settle_parent = {[PC_HH] = PC_CB, [PC_PROD] = PC_CB, [PC_GOV] = PC_CB, [PC_CB] = CHART_ROOT},
    .settle_instrument =
        {[PC_HH] = PC_MONEY, [PC_PROD] = PC_MONEY, [PC_GOV] = PC_TREASURY, [PC_CB] = 0},
};

/* clang-format on */

/* ---- parameters and series ----------------------------------------------- */

enum { P_G, P_THETA, P_ALPHA1, P_ALPHA2, P_LAMBDA0, P_LAMBDA1, P_LAMBDA2, P_R, N_PARAMS };

static const textbook_param pc_params[N_PARAMS] = {
    [P_G] = {"G", "government expenditure (model units per period)", 20.0, 0.0, 1e12},
    [P_THETA] = {"theta", "tax rate on income", 0.2, 0.0, 1.0},
    [P_ALPHA1] = {"alpha1", "propensity to consume out of disposable income", 0.6, 0.0, 1.0},
    [P_ALPHA2] = {"alpha2", "propensity to consume out of wealth", 0.4, 0.0, 1.0},
    [P_LAMBDA0] = {"lambda0", "share of wealth in bills, constant", 0.635, 0.0, 1.0},
    [P_LAMBDA1] = {"lambda1", "share of wealth in bills, response to r", 5.0, 0.0, 100.0},
    [P_LAMBDA2] = {"lambda2", "share of wealth in bills, response to YD/V", 0.01, 0.0, 1.0},
    [P_R] = {"r", "interest rate on bills (per period)", 0.025, 0.0, 1.0},
};

enum { S_Y, S_C, S_G, S_T, S_YD, S_V, S_BH, S_HH, S_BS, S_BCB, S_HS, S_R, N_SERIES };

static const char *const pc_series[N_SERIES] = {
    [S_Y] = "Y",   [S_C] = "C",   [S_G] = "G",   [S_T] = "T",     [S_YD] = "YD", [S_V] = "V",
    [S_BH] = "Bh", [S_HH] = "Hh", [S_BS] = "Bs", [S_BCB] = "Bcb", [S_HS] = "Hs", [S_R] = "r",
};

/* ---- one period ----------------------------------------------------------- */

/* The amounts of one period, in yuan (flows during it; stocks at its end). */
typedef struct pc_amounts {
    int64_t g, c, y, t, yd, v;
    int64_t interest_hh, interest_cb; /* r_1 Bh_1 and r_1 Bcb_1 (= CB profits) */
    int64_t deficit;                  /* dBs */
    int64_t bh, bh_change;            /* Bh and Bh - Bh_1 */
    int64_t hh;                       /* Hh = V - Bh */
} pc_amounts;

static yf_status pc_solve(
    const ledger *L, const double *param, double r_1, pc_amounts *a, char *msg, size_t msg_size)
{
    const double theta = param[P_THETA], alpha1 = param[P_ALPHA1], alpha2 = param[P_ALPHA2];
    const int64_t v_1 = ledger_net_worth(L, PC_HH);
    const int64_t bh_1 = ledger_total(L, PC_BILLS, PC_HH);
    const int64_t bcb_1 = ledger_total(L, PC_BILLS, PC_CB);
    yf_status st;

    if ((st = textbook_round(L, "government expenditure G", param[P_G] * TEXTBOOK_SCALE, &a->g, msg,
                             msg_size)) != YF_OK ||
        (st = textbook_round(L, "interest on household bills r_1*Bh_1", r_1 * (double)bh_1,
                             &a->interest_hh, msg, msg_size)) != YF_OK ||
        (st = textbook_round(L, "interest on central bank bills r_1*Bcb_1", r_1 * (double)bcb_1,
                             &a->interest_cb, msg, msg_size)) != YF_OK)
        return st;

    /* YD = (1 - theta)(G + alpha2 V_1 + r_1 Bh_1) / (1 - alpha1 (1 - theta)) */
    const double denominator = 1.0 - alpha1 * (1.0 - theta);
    if (!(denominator > 0.0)) {
        snprintf(msg, msg_size,
                 "period %d: disposable income YD has no finite solution: "
                 "1 - alpha1*(1 - theta) = %g",
                 ledger_step(L), denominator);
        return YF_ERR_NUMERIC;
    }
    const double yd = (1.0 - theta) *
                      ((double)a->g + alpha2 * (double)v_1 + (double)a->interest_hh) / denominator;

    /* C = alpha1 YD + alpha2 V_1 */
    if ((st = textbook_round(L, "consumption C", alpha1 * yd + alpha2 * (double)v_1, &a->c, msg,
                             msg_size)) != YF_OK)
        return st;

    /* Exact integers: Y = C + G; T = theta (Y + r_1 Bh_1); YD = Y - T + r_1 Bh_1;
     * V = V_1 + YD - C; dBs = G + r_1 Bh_1 - T (interest on the central bank's
     * bills comes back as its profits). */
    int64_t taxable, saving, spending;
    if ((st = textbook_add(L, "output Y", a->c, a->g, false, &a->y, msg, msg_size)) != YF_OK ||
        (st = textbook_add(L, "taxable income Y + r_1*Bh_1", a->y, a->interest_hh, false, &taxable,
                           msg, msg_size)) != YF_OK ||
        (st = textbook_round(L, "taxes T", theta * (double)taxable, &a->t, msg, msg_size)) !=
            YF_OK ||
        (st = textbook_add(L, "disposable income YD", taxable, a->t, true, &a->yd, msg,
                           msg_size)) != YF_OK ||
        (st = textbook_add(L, "saving YD - C", a->yd, a->c, true, &saving, msg, msg_size)) !=
            YF_OK ||
        (st = textbook_add(L, "wealth V", v_1, saving, false, &a->v, msg, msg_size)) != YF_OK ||
        (st = textbook_add(L, "government outlays G + r_1*Bh_1", a->g, a->interest_hh, false,
                           &spending, msg, msg_size)) != YF_OK ||
        (st = textbook_add(L, "deficit dBs", spending, a->t, true, &a->deficit, msg, msg_size)) !=
            YF_OK)
        return st;

    /* Bh = V (lambda0 + lambda1 r) - lambda2 YD */
    const double share = param[P_LAMBDA0] + param[P_LAMBDA1] * param[P_R];
    if ((st = textbook_round(L, "household bills Bh",
                             (double)a->v * share - param[P_LAMBDA2] * (double)a->yd, &a->bh, msg,
                             msg_size)) != YF_OK ||
        (st = textbook_add(L, "change in household bills Bh - Bh_1", a->bh, bh_1, true,
                           &a->bh_change, msg, msg_size)) != YF_OK ||
        (st = textbook_add(L, "household cash Hh = V - Bh", a->v, a->bh, true, &a->hh, msg,
                           msg_size)) != YF_OK)
        return st;
    /* Postings negate a negative change in bills; -INT64_MIN does not exist. */
    if (a->bh_change == INT64_MIN || a->deficit == INT64_MIN) {
        snprintf(msg, msg_size, "period %d: change in bills overflows the int64 yuan range",
                 ledger_step(L));
        return YF_ERR_OVERFLOW;
    }
    return YF_OK;
}

/*
 * A sale of bills at par between `a` and `b`: `a` sells `amount` to `b` when
 * amount >= 0, otherwise `b` sells -amount to `a`.
 */
static yf_status trade_bills(ledger *L, ledger_account a, ledger_account b, int64_t amount)
{
    if (amount >= 0)
        return ledger_exchange(L, PC_BILLS, a, b, amount);
    return ledger_exchange(L, PC_BILLS, b, a, -amount);
}

static yf_status pc_step(ledger *L,
                         const double *param,
                         const double *lag,
                         double *out,
                         bool *out_posted,
                         char *msg,
                         size_t msg_size)
{
    /* Interest paid this period is at last period's rate on last period's stocks. */
    const double r_1 = lag[S_R];
    pc_amounts a;
    yf_status st = pc_solve(L, param, r_1, &a, msg, msg_size);
    if (st != YF_OK)
        return st;

    const ledger_account hh = ledger_acct(PC_HH, 0), prod = ledger_acct(PC_PROD, 0),
                         gov = ledger_acct(PC_GOV, 0), cb = ledger_acct(PC_CB, 0);
    *out_posted = true;
    if ((st = textbook_posted(L, ledger_pay(L, PC_GOV_EXPENDITURE, gov, prod, a.g),
                              "government expenditure G", msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_CONSUMPTION, hh, prod, a.c), "consumption C", msg,
                              msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_FACTOR_INCOME, prod, hh, a.y), "factor income Y",
                              msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_INTEREST, gov, hh, a.interest_hh),
                              "interest on household bills", msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_INTEREST, gov, cb, a.interest_cb),
                              "interest on central bank bills", msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_CB_PROFITS, cb, gov, a.interest_cb),
                              "central bank profits", msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, PC_TAXES, hh, gov, a.t), "taxes T", msg,
                              msg_size)) != YF_OK ||
        /* portfolio: new bills to the central bank, then households' demand */
        (st = textbook_posted(L, trade_bills(L, gov, cb, a.deficit), "new bills dBs", msg,
                              msg_size)) != YF_OK ||
        (st = textbook_posted(L, trade_bills(L, cb, hh, a.bh_change), "household bills dBh", msg,
                              msg_size)) != YF_OK)
        return st;

    out[S_Y] = textbook_units(a.y);
    out[S_C] = textbook_units(a.c);
    out[S_G] = textbook_units(a.g);
    out[S_T] = textbook_units(a.t);
    out[S_YD] = textbook_units(a.yd);
    out[S_V] = textbook_units(a.v);
    out[S_BH] = textbook_units(a.bh);
    out[S_HH] = textbook_units(a.hh);
    /* the supply side, as the ledger has it after the postings */
    out[S_BS] = -textbook_units(ledger_total(L, PC_BILLS, PC_GOV));
    out[S_BCB] = textbook_units(ledger_total(L, PC_BILLS, PC_CB));
    out[S_HS] = -textbook_units(ledger_total(L, PC_MONEY, PC_CB));
    out[S_R] = param[P_R];
    return YF_OK;
}

const textbook_model textbook_pc = {
    .name = "pc",
    .title = "PC: portfolio choice with bills and a central bank (Godley & Lavoie ch. 4)",
    .chart = &chart_pc,
    .n_params = N_PARAMS,
    .params = pc_params,
    .n_series = N_SERIES,
    .series = pc_series,
    .step = pc_step,
};
