/*
 * pboc.c: the People's Bank of China (DESIGN.md 4, "PBOC"; docs/model.md 3.6).
 *
 * The PBOC buys every dollar the economy earns net (exports less imports plus
 * net capital inflows) at the managed rate, and sells dollars when the flow is
 * negative: in the ledger this happens through settlement, so here it only
 * keeps count of its reserves in dollars. It earns the Fed funds rate on them,
 * revalues them to the current rate every month (an other change), and remits
 * its profit to the central government.
 *
 * After the data end, the policy rate moves smoothly toward a rule constrained
 * by the Fed,
 *   i* = r_n + pi_e + a_pi (pi_e - pi*) + a_u (u_ref - u_gap),
 *   i' = max(rho i + (1 - rho) i*, i_fed - gap_max),
 * with pi_e expected inflation and u_gap urban unemployment net of unfilled
 * vacancies (the labour gap: below zero when demand needs more workers than
 * there are, which the measured rate, floored by frictions, cannot show).
 * and the managed rate moves with the balance of payments,
 *   e' = e (1 - fx_flexibility * net FX flow / reserves).
 */
#include <math.h>
#include <stdio.h>

#include "model/economy.h"

static void rules_after_data(economy *e, int m)
{
    macro_state *s = &e->m;
    if (!s->policy_rate_from_data) {
        const double inflation = s->inflation_expected;
        const double rule =
            e->param[P_natural_rate] + inflation +
            e->param[P_taylor_inflation] * (inflation - e->param[P_inflation_target]) +
            e->param[P_taylor_gap] * (e->param[P_u_reference] - s->labour_gap);
        /* The offset lever is added after smoothing, so take it out of last
         * month's rate first: a cut stays a cut of the same size. */
        const double rho = e->param[P_policy_rate_smoothing];
        const double last = s->policy_rate - e->param[P_policy_rate_offset];
        s->policy_rate = yf_fmax(rho * last + (1.0 - rho) * rule,
                                 e->world.fed_funds[m] - e->param[P_fed_gap_max]) +
                         e->param[P_policy_rate_offset];
    }
    if (!s->usdcny_from_data && s->fx_reserves_usd > 0.0) {
        double pressure = (e->flow_fx_usd + e->flow_capital_usd) / s->fx_reserves_usd;
        s->usdcny *= 1.0 - e->param[P_fx_flexibility] * pressure;
    }
}

yf_status pboc_operate(economy *e, int m)
{
    macro_state *s = &e->m;
    const ledger_account pboc = ledger_acct(PBOC, 0), row = ledger_acct(ROW, 0);
    s->fx_reserves_usd += e->flow_fx_usd + e->flow_capital_usd;
    /* Interest on the reserves, paid by the rest of the world in dollars. */
    int64_t interest;
    double value = s->fx_reserves_usd * s->usdcny;
    if (!economy_yuan(e, floor(yf_fmax(0.0, value * e->world.fed_funds[m] / 12.0)),
                      "interest on FX reserves", &interest))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay(e->L, F_INTEREST_FX_RESERVES, row, pboc, interest);
    if (st != YF_OK)
        return economy_post(e, st, "interest on FX reserves");
    s->fx_reserves_usd += (double)interest / s->usdcny;
    e->flow_interest_fx = (double)interest;
    /* Revalue the reserves to the current rate. Reserves cannot go below zero:
     * if the outflow has used them up, the managed rate cannot be held and the
     * run stops here, saying so. */
    if (s->fx_reserves_usd < 0.0) {
        char month[16];
        economy_month_label(e, e->month, month, sizeof month);
        snprintf(e->msg, sizeof e->msg,
                 "%s: the PBOC has run out of FX reserves (%.0f dollars short) defending %.4f "
                 "yuan per dollar",
                 month, -s->fx_reserves_usd, s->usdcny);
        return YF_ERR_NEGATIVE_STOCK;
    }
    int64_t book;
    if (!economy_yuan(e, s->fx_reserves_usd * s->usdcny, "FX reserves", &book))
        return YF_ERR_NUMERIC;
    int64_t change = book - ledger_position(e->L, I_FX_RESERVES, pboc);
    if (change != 0 && (st = ledger_revalue(e->L, I_FX_RESERVES, pboc, row, change)) != YF_OK)
        return economy_post(e, st, "revaluing FX reserves");
    /* Remit the month's profit (its flows so far) to the central government. */
    int64_t profit = 0;
    for (int f = 0; f < N_CHINA_FLOWS; f++)
        profit += ledger_flow(e->L, f, PBOC);
    if (profit > 0 &&
        (st = ledger_pay(e->L, F_PBOC_PROFITS, pboc, ledger_acct(CG, 0), profit)) != YF_OK)
        return economy_post(e, st, "PBOC profits");
    if (profit > 0)
        e->flow_central_revenue += (double)profit;
    rules_after_data(e, m);
    return YF_OK;
}
