/*
 * households.c: household consumption, saving and income tax (DESIGN.md 4,
 * "Households"; docs/model.md 3.1).
 *
 * Household k (income rank r_k, skill s_k) plans its consumption from its
 * expected disposable income YDe_k and its net wealth V_k:
 *
 *   C_k = c1_k YDe_k + c2 max(0, V_k)
 *   c1_k = [c1_bottom - (c1_bottom - c1_top) r_k] * max(0.05, 1 - precaution (ue - u_ref))
 *
 * so poorer households spend a larger share of their income (a shift of income
 * to the top lowers demand) and everyone saves more when expected unemployment
 * ue is high. Realised consumption is the plan scaled by the delivery rate of
 * consumer goods, and never more than the household's deposits. Expectations
 * adapt to income net of what inflation takes from money holdings (Haig-Simons
 * income, Godley and Lavoie 2007 ch. 10):
 *
 *   YDe += speed (YD - pi/12 M - YDe),
 *
 * M the household's deposits less its debts, pi inflation over twelve months.
 * Without this, a rate rise that only compensates for inflation would look like
 * extra income and raise demand; with it, inflation itself cools spending.
 * Agents stand for equal shares of the labour force, and every rule is a share
 * of the agent's group, so results do not depend on the agent count (DESIGN 1.7).
 */
#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

/* Net financial wealth of every household (homes are counted apart). */
static void net_wealth(const economy *e, double *out)
{
    const int32_t n = e->hh.n;
    for (int32_t k = 0; k < n; k++)
        out[k] = 0.0;
    for (int i = 0; i < N_CHINA_INSTRUMENTS; i++) {
        const int64_t *pos = ledger_positions(e->L, i, HH);
        if (!pos || i == I_HOUSING)
            continue;
        for (int32_t k = 0; k < n; k++)
            out[k] += (double)pos[k];
    }
}

void households_plan(economy *e)
{
    households *h = &e->hh;
    const double c1_bottom = e->param[P_c1_bottom], c1_top = e->param[P_c1_top];
    /* Falling house prices over the last year add to precautionary saving. */
    const double price_fall =
        e->month >= 12 ? fmax(0.0, 1.0 - housing_price_index(e) / e->house_price_ring[e->month % 12])
                       : 0.0;
    const double caution = fmax(
        0.05, 1.0 - e->param[P_precaution] * (e->m.unemployment_expected - e->param[P_u_reference]) -
                  e->param[P_housing_precaution] * price_fall);
    const double c2 = e->param[P_c2_wealth], c2h = e->param[P_c2_housing];
    const int64_t *homes = ledger_positions(e->L, I_HOUSING, HH);
    net_wealth(e, h->weight);
    double total = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        double c1 = (c1_bottom - (c1_bottom - c1_top) * h->rank[k]) * caution;
        h->consumption_plan[k] =
            c1 * h->income_expected[k] + c2 * fmax(0.0, h->weight[k]) + c2h * (double)homes[k];
        total += h->consumption_plan[k];
        h->income[k] = 0.0;
        h->wage_income[k] = 0.0;
    }
    e->plan[D_CONSUMPTION] = total;
}

void households_wage_weights(economy *e)
{
    households *h = &e->hh;
    for (int32_t k = 0; k < h->n; k++)
        h->weight[k] = h->employed[k] * h->skill[k];
}

/*
 * Personal income tax on this month's wages above the allowance,
 *   PIT_k = pit_rate max(0, W_k - allowance * w * workers),
 * the central share to the central government, the rest to the household's city.
 */
yf_status households_pay_taxes(economy *e)
{
    households *h = &e->hh;
    const double allowance =
        e->param[P_pit_allowance] * e->m.wage * economy_workers_per_household(e);
    const double central = e->m.income_tax_central_share;
    for (int32_t c = 0; c < e->size.cities; c++)
        e->city_amount[c] = 0;
    for (int32_t k = 0; k < h->n; k++) {
        double tax = e->param[P_pit_rate] * fmax(0.0, h->wage_income[k] - allowance);
        int64_t total;
        if (!economy_yuan(e, tax, "personal income tax", &total) ||
            !economy_yuan(e, floor(tax * central), "central income tax", &h->amount[k]))
            return YF_ERR_NUMERIC;
        h->amount2[k] = total - h->amount[k];
        e->city_amount[h->city[k]] += h->amount2[k];
        h->income[k] -= (double)total;
    }
    yf_status st = ledger_pay_from_each(e->L, F_PERSONAL_INCOME_TAX, HH, h->amount,
                                        ledger_acct(CG, 0));
    if (st == YF_OK)
        st = ledger_pay_many(e->L, F_PERSONAL_INCOME_TAX, HH, h->amount2, LG, e->city_amount);
    if (st != YF_OK)
        return economy_post(e, st, "personal income tax");
    const double central_paid = (double)economy_sum(h->amount, h->n);
    const double local_paid = (double)economy_sum(e->city_amount, e->size.cities);
    e->flow_central_revenue += central_paid;
    e->flow_local_revenue += local_paid;
    e->flow_pit = central_paid + local_paid;
    return YF_OK;
}

/* Instruments fixed in yuan that households hold or owe: inflation erodes them. */
static const int monetary_instruments[] = {I_DEPOSITS, I_MORTGAGES, I_CONSUMER_LOANS,
                                           I_PRESALE_CLAIMS};

/* Each household's loss of purchasing power this month on its money holdings
 * net of debts (negative for a net debtor, who gains), into out. */
static void inflation_loss(const economy *e, double *out)
{
    const double monthly = economy_inflation_12m(e) / 12.0;
    const int32_t n = e->hh.n;
    for (int32_t k = 0; k < n; k++)
        out[k] = 0.0;
    for (size_t i = 0; i < sizeof monetary_instruments / sizeof *monetary_instruments; i++) {
        const int64_t *pos = ledger_positions(e->L, monetary_instruments[i], HH);
        if (!pos)
            continue;
        for (int32_t k = 0; k < n; k++)
            out[k] += monthly * (double)pos[k];
    }
}

/* The share of planned consumption that firms could deliver this month. */
static double delivery_rate(const economy *e)
{
    double r = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        r += e->demand_share[s][D_CONSUMPTION] * e->ind[s].rationing;
    return r;
}

yf_status households_consume(economy *e)
{
    households *h = &e->hh;
    firms *f = &e->fi;
    const double delivered = delivery_rate(e);
    const int64_t *deposits = ledger_positions(e->L, I_DEPOSITS, HH);
    int64_t spent = 0;
    double income = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        double c = fmin(h->consumption_plan[k] * delivered, (double)deposits[k]);
        if (!economy_yuan(e, floor(fmax(0.0, c)), "consumption", &h->amount[k]))
            return YF_ERR_NUMERIC;
        spent += h->amount[k];
        income += h->income[k];
    }
    for (int32_t j = 0; j < f->n; j++) {
        int s = f->industry[j];
        f->weight[j] =
            e->demand_share[s][D_CONSUMPTION] * e->ind[s].rationing * f->share[j];
    }
    if (!economy_split(e, spent, f->weight, f->n, f->amount, "consumption receipts"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_many(e->L, F_CONSUMPTION, HH, h->amount, FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "consumption");
    for (int32_t j = 0; j < f->n; j++)
        f->revenue[j] += (double)f->amount[j];
    /* Expectations of disposable income adapt to this month's, net of inflation's
     * toll on money holdings. */
    const double speed = e->param[P_expectation_speed];
    inflation_loss(e, h->weight);
    for (int32_t k = 0; k < h->n; k++)
        h->income_expected[k] += speed * (h->income[k] - h->weight[k] - h->income_expected[k]);
    e->flow_consumption = (double)spent;
    e->flow_income_households = income;
    return YF_OK;
}
