/*
 * firms.c: investment, wages, dividends and capital (DESIGN.md 4, "Firms";
 * docs/model.md 3.2).
 *
 * Behaviour is set per industry and shared among its firms by their fixed
 * shares. Investment is a share h of expected real demand De, and the share
 * rises when capacity is used above normal and falls below (the Sraffian
 * supermultiplier: Freitas and Serrano 2015):
 *
 *   I = h De exp(-b (r_L - pi_e - r_n)) exp(-g (i_L L / Y - d_n)),
 *   h' = h (1 + invest_speed (u - u_normal)),
 *
 * so capacity follows demand without the instability of a pure accelerator, and
 * growth converges to the growth of autonomous demand (exports, above all). The
 * first exponential is the cost of capital: a real lending rate r_L - pi_e above
 * the natural rate r_n holds investment back (b, invest_rate_semielasticity).
 * The second is cash flow: interest on business loans L at the loan rate, over
 * the last twelve months' GDP Y, above its normal share d_n leaves firms less to
 * invest (g, invest_debt_service; Kalecki's principle of increasing risk, the
 * interest-burden term of stock-flow consistent growth models). Both are how a
 * rate rise cools demand. The fitted cost-of-capital channel is weak; without
 * the cash-flow channel a rise mostly moves interest from borrowing firms to
 * depositing households and raises demand, and the rate rule after the data
 * spirals (docs/model.md 4.2 and 8).
 * Capacity is K / v, v the capital per unit of capacity. Investment is bought from the capital-
 * goods industries at their prices (one many-to-many purchase on the ledger that
 * adds to each buyer's book value of capital). Capital depreciates and is
 * revalued to the price of investment goods every month (other changes).
 * Wages are the industry's employment at the average wage; dividends pay out a
 * share of last month's profit after tax to households by equity weight.
 */
#include <math.h>
#include <string.h>

#include "model/economy.h"
#include "model/industries.h"

/* Price of investment goods: the industry prices weighted by the investment
 * shares of 2000 (a fixed-weight deflator, as the CPI in goods.c). */
static double investment_price(const economy *e)
{
    double p = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        p += industry_table[s].demand_share[D_INVESTMENT] * e->ind[s].price;
    return p;
}

void firms_receipt_weights(economy *e, const double *by_industry)
{
    firms *f = &e->fi;
    for (int32_t k = 0; k < f->n; k++)
        f->weight[k] = by_industry[f->industry[k]] * f->share[k];
}

/* Interest on business loans at this month's loan rate, over the GDP of the
 * last twelve months. */
static double debt_service_share(const economy *e)
{
    const double gdp = economy_gdp_12m(e);
    const double loans = -(double)ledger_total(e->L, I_BUSINESS_LOANS, FIRM);
    return gdp > 0.0 ? e->m.loan_rate * loans / gdp : 0.0;
}

void firms_plan_investment(economy *e)
{
    const double speed = e->param[P_invest_speed], u_normal = e->param[P_u_normal];
    const double price = investment_price(e);
    const double real_rate = e->m.loan_rate - e->m.inflation_expected;
    e->m.debt_service_share = debt_service_share(e);
    const double cost_of_capital =
        exp(-e->param[P_invest_rate_semielasticity] * (real_rate - e->param[P_natural_rate]) -
            e->param[P_invest_debt_service] *
                (e->m.debt_service_share - e->param[P_debt_service_normal]));
    double total = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        x->investment_share *= 1.0 + speed * (x->utilisation - u_normal);
        x->investment_real = x->investment_share * x->demand_expected * cost_of_capital;
        total += x->investment_real * price;
    }
    /* entrants into the emerging industry build their plants (agents/emerging.c) */
    total += e->em.entry_real * price;
    e->plan[D_INVESTMENT] = total;
}

yf_status firms_pay_wages_and_dividends(economy *e)
{
    firms *f = &e->fi;
    households *h = &e->hh;
    for (int32_t k = 0; k < f->n; k++) {
        const industry_state *x = &e->ind[f->industry[k]];
        if (!economy_yuan(e, e->m.wage * x->employment * f->share[k], "wage bill", &f->amount[k]))
            return YF_ERR_NUMERIC;
        f->revenue[k] = 0.0;
        f->costs[k] = (double)f->amount[k];
    }
    /* The firms' bills each fit in int64 yuan; their total must too. */
    double bill = 0.0;
    for (int32_t k = 0; k < f->n; k++)
        bill += (double)f->amount[k];
    int64_t wages;
    if (!economy_yuan(e, bill, "wage bill", &wages))
        return YF_ERR_NUMERIC;
    /* The double total only checks the range: above 2^53 it is not exact, and
     * the households must receive exactly what the firms pay. */
    wages = economy_sum(f->amount, f->n);
    households_wage_weights(e);
    if (!economy_split(e, wages, h->weight, h->n, h->amount, "wages received"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_many(e->L, F_WAGES_PRIVATE, FIRM, f->amount, HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "private wages");
    for (int32_t k = 0; k < h->n; k++) {
        h->income[k] += (double)h->amount[k];
        h->wage_income[k] += (double)h->amount[k];
    }
    e->flow_wages = (double)wages;

    /* Dividends out of last month's profit after tax. */
    for (int32_t k = 0; k < f->n; k++)
        if (!economy_yuan(e, floor(e->param[P_payout] * yf_fmax(0.0, f->profit[k])), "dividends",
                          &f->amount[k]))
            return YF_ERR_NUMERIC;
    const int64_t dividends = economy_sum(f->amount, f->n);
    if (!economy_split(e, dividends, h->equity_weight, h->n, h->amount, "dividends received"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_many(e->L, F_DIVIDENDS, FIRM, f->amount, HH, h->amount)) != YF_OK)
        return economy_post(e, st, "dividends");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    return YF_OK;
}

/* Buy this month's investment, then depreciate and revalue all capital. */
yf_status firms_invest(economy *e)
{
    firms *f = &e->fi;
    const double price = investment_price(e);
    double delivered = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        delivered += e->demand_share[s][D_INVESTMENT] * e->ind[s].rationing;
    for (int32_t k = 0; k < f->n; k++) {
        const industry_state *x = &e->ind[f->industry[k]];
        const int32_t slot = k - e->em.first;
        const double entry = slot >= 0 && slot < e->em.n_slots ? e->em.entry_capital[slot] : 0.0;
        /* nothing delivered, nothing bought (and an inactive slot of the emerging
         * industry, share 0, plans none) */
        const double planned = (f->share[k] > 0.0 ? x->investment_real * f->share[k] : 0.0) + entry;
        if (!economy_yuan(e, delivered > 0.0 ? planned * price * delivered : 0.0, "investment",
                          &f->amount[k]))
            return YF_ERR_NUMERIC;
        int s = f->industry[k];
        f->weight[k] = e->demand_share[s][D_INVESTMENT] * e->ind[s].rationing * f->share[k];
    }
    const int64_t spent = economy_sum(f->amount, f->n);
    if (!economy_split(e, spent, f->weight, f->n, f->amount2, "investment sales"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_buy_tangible_many(e->L, F_BUSINESS_INVESTMENT, I_CAPITAL, FIRM, f->amount,
                                            FIRM, f->amount2);
    if (st != YF_OK)
        return economy_post(e, st, "investment");
    e->flow_investment = (double)spent;
    memcpy(f->investment_paid, f->amount, sizeof(int64_t) * (size_t)f->n);
    const double keep = 1.0 - e->param[P_depreciation] / 12.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        e->ind[s].capital_real = 0.0;
    for (int32_t k = 0; k < f->n; k++) {
        f->revenue[k] += (double)f->amount2[k];
        f->capital_real[k] = (f->capital_real[k] + (double)f->amount[k] / price) * keep;
        e->ind[f->industry[k]].capital_real += f->capital_real[k];
        int64_t book;
        if (!economy_yuan(e, f->capital_real[k] * price, "capital at book value", &book))
            return YF_ERR_NUMERIC;
        ledger_account a = ledger_acct(FIRM, k);
        int64_t change = book - ledger_position(e->L, I_CAPITAL, a);
        if (change != 0 && (st = ledger_revalue_tangible(e->L, I_CAPITAL, a, change)) != YF_OK)
            return economy_post(e, st, "revaluing capital");
    }
    return YF_OK;
}
