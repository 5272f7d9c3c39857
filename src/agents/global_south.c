/*
 * global_south.c: China's lending to developing countries, relief of their
 * debt, and the share of trade settled in yuan (docs/trade.md; docs/model.md
 * 4.7a).
 *
 * Holder. The loans are the state's: policy-bank and Belt and Road lending
 * drew on the foreign exchange the PBOC bought (SAFE's entrusted loans and its
 * 2015 capital injections into China Development Bank and China Exim Bank, the
 * Silk Road Fund), so the model holds them at the PBOC beside its FX reserves
 * (instrument global_south_loans: a PBOC asset, a rest-of-world liability). A
 * loan is paid out of reserves; interest and repayments come back into them.
 *
 * Each month, with R the FX reserves, G the loans (both in dollars) and e the
 * managed rate:
 *
 *   interest    = gs_loan_rate / 12 G                        (ROW pays the PBOC)
 *   new loans   = gs_lending_rate / 12 R,  repaid G / (12 gs_maturity)
 *   relief (in the month of event global_south_relief):
 *     written off = gs_relief_share G                        (an other change)
 *     paid        = gs_relief_reserves R                     (PBOC -> ROW, a capital
 *                                                             transfer out of reserves)
 *     F += written off + paid, the relieved debt whose service is freed;
 *     F decays as the debt would have been repaid, 1 / (12 gs_maturity) a month
 *   freed spending on China's goods = gs_spending_china (gs_loan_rate + 1 / gs_maturity) / 12 F
 *
 * Yuan invoicing s (share of goods trade settled in yuan), 0 before the
 * settlement pilot (event rmb_settlement), then
 *
 *   s* = min(1, max(0, w_rest rmb_invoicing_base (1 + rmb_invoicing_fx a)
 *                      + rmb_invoicing_lending G / X_12m)),
 *   s += rmb_invoicing_speed / 12 (s* - s),
 *
 * with w_rest the share of exports going outside the US and EU, a the yuan's
 * appreciation against the dollar over twelve months and X_12m a year of exports
 * in dollars.
 */
#include <math.h>

#include "model/economy.h"

/* Months counted from 2000-01 (the unit of the "month" parameters). */
static double month_from_2000(const economy *e, int m)
{
    return (double)((e->size.start_year - 2000) * 12 + m);
}

double global_south_freed_spending_usd(const economy *e)
{
    const double service = e->param[P_gs_loan_rate] + 1.0 / e->param[P_gs_maturity];
    return e->param[P_gs_spending_china] * service / 12.0 * e->m.gs_relieved_usd;
}

/* Post `usd` dollars of loans: new loans (usd > 0) are paid out of reserves,
 * repayments (usd < 0) come back into them. */
static yf_status lend(economy *e, double usd)
{
    macro_state *s = &e->m;
    int64_t yuan;
    if (!economy_yuan(e, fabs(usd) * s->usdcny, "Global-South lending", &yuan))
        return YF_ERR_NUMERIC;
    if (yuan == 0)
        return YF_OK;
    const ledger_account pboc = ledger_acct(PBOC, 0), row = ledger_acct(ROW, 0);
    yf_status st = usd > 0.0 ? ledger_exchange(e->L, I_GLOBAL_SOUTH_LOANS, row, pboc, yuan)
                             : ledger_exchange(e->L, I_GLOBAL_SOUTH_LOANS, pboc, row, yuan);
    if (st != YF_OK)
        return economy_post(e, st, "Global-South lending");
    const double dollars = (usd > 0.0 ? 1.0 : -1.0) * (double)yuan / s->usdcny;
    s->gs_loans_usd = yf_fmax(0.0, s->gs_loans_usd + dollars);
    e->flow_capital_usd -= dollars; /* the PBOC counts it with the month's FX flows */
    return YF_OK;
}

/* Relief in the month of event global_south_relief: a write-off of part of the
 * loans and a payment out of reserves of the debtors' other dollar debt. */
static yf_status relieve(economy *e)
{
    macro_state *s = &e->m;
    const double written = e->param[P_gs_relief_share] * s->gs_loans_usd;
    s->gs_loans_usd -= written; /* the book value follows at the revaluation below */
    int64_t paid;
    if (!economy_yuan(e, e->param[P_gs_relief_reserves] * s->fx_reserves_usd * s->usdcny,
                      "Global-South relief from reserves", &paid))
        return YF_ERR_NUMERIC;
    yf_status st =
        ledger_pay(e->L, F_GLOBAL_SOUTH_RELIEF, ledger_acct(PBOC, 0), ledger_acct(ROW, 0), paid);
    if (st != YF_OK)
        return economy_post(e, st, "Global-South relief from reserves");
    e->flow_capital_usd -= (double)paid / s->usdcny;
    s->gs_relieved_usd += written + (double)paid / s->usdcny;
    return YF_OK;
}

/* The share of trade settled in yuan (the formula at the top). */
static void invoicing(economy *e, int m)
{
    macro_state *s = &e->m;
    const double allowed = e->param[P_rmb_settlement_month];
    if (allowed < 0.0 || month_from_2000(e, m) < allowed) {
        s->rmb_invoicing_share = 0.0;
        return;
    }
    const double appreciation = s->usdcny_lag12 / s->usdcny - 1.0;
    const double exports_year = 12.0 * e->flow_exports / s->usdcny;
    const double lending = exports_year > 0.0 ? s->gs_loans_usd / exports_year : 0.0;
    const double target = s->export_share_dest[DEST_REST] * e->param[P_rmb_invoicing_base] *
                              (1.0 + e->param[P_rmb_invoicing_fx] * appreciation) +
                          e->param[P_rmb_invoicing_lending] * lending;
    s->rmb_invoicing_share += e->param[P_rmb_invoicing_speed] / 12.0 *
                              (yf_fmin(1.0, yf_fmax(0.0, target)) - s->rmb_invoicing_share);
}

yf_status global_south_operate(economy *e, int m)
{
    macro_state *s = &e->m;
    const ledger_account pboc = ledger_acct(PBOC, 0), row = ledger_acct(ROW, 0);
    /* Interest, paid by the debtors in dollars into the reserves. */
    int64_t interest;
    if (!economy_yuan(e, floor(s->gs_loans_usd * s->usdcny * e->param[P_gs_loan_rate] / 12.0),
                      "interest on Global-South loans", &interest))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay(e->L, F_INTEREST_GLOBAL_SOUTH, row, pboc, interest);
    if (st != YF_OK)
        return economy_post(e, st, "interest on Global-South loans");
    s->flow_interest_gs = (double)interest;
    e->flow_fx_usd += (double)interest / s->usdcny;

    if (month_from_2000(e, m) == e->param[P_gs_relief_month] && (st = relieve(e)) != YF_OK)
        return st;
    /* The freed service runs off as the relieved debt would have been repaid. */
    s->gs_relieved_usd *= 1.0 - 1.0 / (12.0 * e->param[P_gs_maturity]);

    /* New loans out of reserves, less repayments. */
    const double repaid = s->gs_loans_usd / (12.0 * e->param[P_gs_maturity]);
    if ((st = lend(e, e->param[P_gs_lending_rate] / 12.0 * s->fx_reserves_usd - repaid)) != YF_OK)
        return st;

    /* Book value at the month's rate (and after any write-off): an other change. */
    int64_t book;
    if (!economy_yuan(e, s->gs_loans_usd * s->usdcny, "Global-South loans", &book))
        return YF_ERR_NUMERIC;
    const int64_t change = book - ledger_position(e->L, I_GLOBAL_SOUTH_LOANS, pboc);
    if (change != 0 &&
        (st = ledger_revalue(e->L, I_GLOBAL_SOUTH_LOANS, pboc, row, change)) != YF_OK)
        return economy_post(e, st, "revaluing Global-South loans");
    invoicing(e, m);
    return YF_OK;
}
