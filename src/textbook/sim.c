/*
 * sim.c: model SIM of Godley & Lavoie, Monetary Economics (2007), chapter 3,
 * the simplest stock-flow consistent economy: households, production firms
 * and a government whose only liability is money (docs/textbook.md section 1).
 *
 *     Y  = C + G                      output (sales = wage bill, W = 1)
 *     T  = theta * Y                  taxes
 *     YD = Y - T                      disposable income
 *     C  = alpha1 * YD + alpha2 * H_1 consumption (H_1: money held last period)
 *     dH = YD - C                     saving, all of it in money
 *
 * Each period is solved in closed form,
 *
 *     Y = (G + alpha2 * H_1) / (1 - alpha1 * (1 - theta)),
 *
 * and posted on the ledger as four payments: the government buys G from the
 * firms, households buy C from the firms, the firms pay the wage bill Y to the
 * households, households pay T in taxes. Money is int64 yuan; G and C are
 * rounded once from the behaviour and everything else (Y = C + G, T, YD, dH)
 * follows from the posted integers, so the stock of money is exact.

 */
#include <stdio.h>

#include "textbook.h"

/* ---- the chart: G&L tables 3.1 and 3.2 ------------------------------------ */

/*
 * Balance sheet: money is the households' asset and the government's
 * liability. The firms hold money too, but only within the period: they are
 * paid for G and C and pay the same amount out as wages, ending at zero.
 * Payment tree: the government is the root (it issues the money); households
 * and firms settle in money with it.
 */
/* clang-format off */
const chart chart_sim = {
    .name = "sim",
    .n_sectors = SIM_N_SECTORS,
    .n_instruments = SIM_N_INSTRUMENTS,
    .n_flows = SIM_N_FLOWS,
    .sectors =
        {
            [SIM_HH] = {"HH", "Households"},
            [SIM_PROD] = {"Prod", "Production"},
            [SIM_GOV] = {"Gov", "Government"},
        },
    .instruments =
        {
            [SIM_MONEY] = {"money", "money (high-powered)", INSTRUMENT_FINANCIAL,
                           {[SIM_HH] = SIDE_ASSET, [SIM_PROD] = SIDE_ASSET,
                            [SIM_GOV] = SIDE_LIABILITY}},
        },
    .flows =
        {
            [SIM_CONSUMPTION] = {"consumption", "consumption"},
            [SIM_GOV_EXPENDITURE] = {"gov_expenditure", "government expenditure"},
            [SIM_WAGES] = {"wages", "factor income (wages)"},
            [SIM_TAXES] = {"taxes", "taxes"},
        },
    .settle_parent = {[SIM_HH] = SIM_GOV, [SIM_PROD] = SIM_GOV, [SIM_GOV] = CHART_ROOT},
    .settle_instrument = {[SIM_HH] = SIM_MONEY, [SIM_PROD] = SIM_MONEY, [SIM_GOV] = 0},
};

/* clang-format on */

/* ---- parameters and series ----------------------------------------------- */

enum { P_G, P_THETA, P_ALPHA1, P_ALPHA2, P_W, N_PARAMS };

static const textbook_param sim_params[N_PARAMS] = {
    [P_G] = {"G", "government expenditure (model units per period)", 20.0, 0.0, 1e12},
    [P_THETA] = {"theta", "tax rate on income", 0.2, 0.0, 1.0},
    [P_ALPHA1] = {"alpha1", "propensity to consume out of disposable income", 0.6, 0.0, 1.0},
    [P_ALPHA2] = {"alpha2", "propensity to consume out of wealth", 0.4, 0.0, 1.0},
    [P_W] = {"W", "wage rate (model units per unit of labour)", 1.0, 1e-6, 1e6},
};

enum { S_Y, S_C, S_G, S_T, S_YD, S_H, S_N, N_SERIES };

static const char *const sim_series[N_SERIES] = {
    [S_Y] = "Y", [S_C] = "C", [S_G] = "G", [S_T] = "T", [S_YD] = "YD", [S_H] = "H", [S_N] = "N",
};

/* ---- one period ----------------------------------------------------------- */

/* The behaviour: from G and last period's money, the amounts to post. */
typedef struct sim_amounts {
    int64_t g, c, y, t, yd, h; /* yuan in the period (h: the stock at its end) */
} sim_amounts;

static yf_status
sim_solve(const ledger *L, const double *param, sim_amounts *a, char *msg, size_t msg_size)
{
    const double theta = param[P_THETA], alpha1 = param[P_ALPHA1], alpha2 = param[P_ALPHA2];
    const int64_t h_1 = ledger_total(L, SIM_MONEY, SIM_HH);
    yf_status st;

    if ((st = textbook_round(L, "government expenditure G", param[P_G] * TEXTBOOK_SCALE, &a->g, msg,
                             msg_size)) != YF_OK)
        return st;

    /* Y = (G + alpha2 H_1) / (1 - alpha1 (1 - theta)) */
    const double denominator = 1.0 - alpha1 * (1.0 - theta);
    if (!(denominator > 0.0)) {
        snprintf(msg, msg_size,
                 "period %d: output Y has no finite solution: 1 - alpha1*(1 - theta) = %g",
                 ledger_step(L), denominator);
        return YF_ERR_NUMERIC;
    }
    const double y = ((double)a->g + alpha2 * (double)h_1) / denominator;

    /* C = alpha1 YD + alpha2 H_1, with YD = (1 - theta) Y */
    if ((st = textbook_round(L, "consumption C", alpha1 * (1.0 - theta) * y + alpha2 * (double)h_1,
                             &a->c, msg, msg_size)) != YF_OK)
        return st;

    /* From here on, exact integers: Y = C + G, T = theta Y, YD = Y - T, H = H_1 + YD - C. */
    int64_t saving;
    if ((st = textbook_add(L, "output Y", a->c, a->g, false, &a->y, msg, msg_size)) != YF_OK ||
        (st = textbook_round(L, "taxes T", theta * (double)a->y, &a->t, msg, msg_size)) != YF_OK ||
        (st = textbook_add(L, "disposable income YD", a->y, a->t, true, &a->yd, msg, msg_size)) !=
            YF_OK ||
        (st = textbook_add(L, "saving YD - C", a->yd, a->c, true, &saving, msg, msg_size)) !=
            YF_OK ||
        (st = textbook_add(L, "money H", h_1, saving, false, &a->h, msg, msg_size)) != YF_OK)
        return st;
    return YF_OK;
}

static yf_status sim_step(ledger *L,
                          const double *param,
                          const double *lag,
                          double *out,
                          bool *out_posted,
                          char *msg,
                          size_t msg_size)
{
    (void)lag; /* SIM's only lagged variable is a stock, read from the ledger */
    sim_amounts a;
    yf_status st = sim_solve(L, param, &a, msg, msg_size);
    if (st != YF_OK)
        return st;

    const ledger_account hh = ledger_acct(SIM_HH, 0), prod = ledger_acct(SIM_PROD, 0),
                         gov = ledger_acct(SIM_GOV, 0);
    *out_posted = true;
    if ((st = textbook_posted(L, ledger_pay(L, SIM_GOV_EXPENDITURE, gov, prod, a.g),
                              "government expenditure G", msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, SIM_CONSUMPTION, hh, prod, a.c), "consumption C",
                              msg, msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, SIM_WAGES, prod, hh, a.y), "wages W*N = Y", msg,
                              msg_size)) != YF_OK ||
        (st = textbook_posted(L, ledger_pay(L, SIM_TAXES, hh, gov, a.t), "taxes T", msg,
                              msg_size)) != YF_OK)
        return st;

    out[S_Y] = textbook_units(a.y);
    out[S_C] = textbook_units(a.c);
    out[S_G] = textbook_units(a.g);
    out[S_T] = textbook_units(a.t);
    out[S_YD] = textbook_units(a.yd);
    out[S_H] = textbook_units(a.h);
    /* N = Y / W: employment, in units of labour */
    out[S_N] = textbook_units(a.y) / param[P_W];
    return YF_OK;
}

const textbook_model textbook_sim = {
    .name = "sim",
    .title = "SIM: government money only (Godley & Lavoie ch. 3)",
    .chart = &chart_sim,
    .n_params = N_PARAMS,
    .params = sim_params,
    .n_series = N_SERIES,
    .series = sim_series,
    .step = sim_step,
};
