/*
 * government.c: the central and local governments (DESIGN.md 4, "Central
 * government", "Local governments"; docs/model.md 3.8).
 *
 * Tax sharing: VAT goes 75% to the centre (50% from 2016-05), corporate and
 * personal income taxes 60% (from 2003) and customs duties 100%; the rest to
 * the local government of the city (policy/history.c).
 *
 * Central spending follows the deficit rule: with last month's revenue R, the
 * target deficit D* = deficit_ratio * GDP_12m / 12 (under fiscal_rule 1 plus
 * gap_deficit * max(0, u_normal - u) * GDP_month while inflation is below the
 * ceiling), transfers T = transfer_share * R, benefits B and interest J,
 *
 *   G_c = max(0, R + D* - T - B - J),
 *
 * of which public_wage_share is paid as public wages and the rest buys goods.
 * Local governments spend what they have (last month's revenue) the same way.
 * The central deficit is financed by selling bonds to banks, in proportion to
 * their deposits, or to the PBOC under fiscal_rule 1 with monetary_financing.
 */
#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

static double central_bonds(const economy *e)
{
    return (double)-ledger_total(e->L, I_CENTRAL_BONDS, CG);
}

void government_plan(economy *e)
{
    macro_state *s = &e->m;
    const double revenue = s->last_central_revenue;
    double deficit = e->param[P_deficit_ratio] * economy_gdp_12m(e) / 12.0;
    if (e->param[P_fiscal_rule] >= 0.5 &&
        economy_inflation_12m(e) < e->param[P_inflation_ceiling]) {
        deficit += e->param[P_gap_deficit] *
                   yf_fmax(0.0, e->param[P_u_normal] - economy_demand_pressure(e)) * s->gdp_month;
    }
    const double transfers = e->param[P_transfer_share] * revenue;
    const double benefits =
        e->param[P_benefit_ratio] * s->wage * s->unemployment * s->urban_labour_force;
    const double interest = yf_fmax(0.0, s->bond_rate) / 12.0 * central_bonds(e);
    /* industrial subsidies (agents/emerging.c) come out of the same budget */
    const double spending =
        yf_fmax(0.0, revenue + deficit - transfers - benefits - interest - e->em.subsidy_plan);
    const double wage_share = e->param[P_public_wage_share];
    e->plan_public_wages_central = wage_share * spending;
    e->plan_benefits = benefits;
    /* Cities spend their deposits at the start of the month: what they received
     * last month. */
    const int64_t *lg = ledger_positions(e->L, I_DEPOSITS, LG);
    double local = 0.0;
    for (int32_t c = 0; c < e->size.cities; c++) {
        e->city_budget[c] = (1.0 - wage_share) * (double)lg[c];
        local += (double)lg[c];
    }
    e->lg_wages = wage_share * local;
    e->lg_purchases = local - e->lg_wages;
    e->plan[D_GOVERNMENT] = (1.0 - wage_share) * spending + e->lg_purchases;
    e->plan_central_purchases = (1.0 - wage_share) * spending;
    e->flow_transfers = transfers;
}

/* The cash part of a stimulus program: equal transfers to every household
 * agent (each stands for an equal share of the labour force). */
static yf_status pay_stimulus_cash(economy *e)
{
    households *h = &e->hh;
    const double cash = e->m.stimulus_per_month * e->param[P_stimulus_cash_share];
    if (cash <= 0.0)
        return YF_OK;
    for (int32_t k = 0; k < h->n; k++)
        h->weight[k] = 1.0;
    if (!economy_apportion(e, cash, h->weight, h->n, h->amount, "stimulus cash transfers"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_to_each(e->L, F_CASH_TRANSFERS, ledger_acct(CG, 0), HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "stimulus cash transfers");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    return YF_OK;
}

/* Public wages from the centre and the cities, unemployment benefits, and the
 * cash part of a stimulus program. */
yf_status government_pay_households(economy *e)
{
    households *h = &e->hh;
    households_wage_weights(e);
    yf_status st;
    if (!economy_apportion(e, e->plan_public_wages_central, h->weight, h->n, h->amount,
                           "central public wages"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_to_each(e->L, F_WAGES_PUBLIC, ledger_acct(CG, 0), HH, h->amount)) != YF_OK)
        return economy_post(e, st, "central public wages");
    double paid = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        h->income[k] += (double)h->amount[k];
        h->wage_income[k] += (double)h->amount[k];
        paid += (double)h->amount[k];
    }
    /* Each city pays public_wage_share of its deposits. */
    const int64_t *lg = ledger_positions(e->L, I_DEPOSITS, LG);
    for (int32_t c = 0; c < e->size.cities; c++)
        if (!economy_yuan(e, floor(e->param[P_public_wage_share] * (double)lg[c]), "local wages",
                          &e->city_amount[c]))
            return YF_ERR_NUMERIC;
    int64_t local = economy_sum(e->city_amount, e->size.cities);
    if (!economy_split(e, local, h->weight, h->n, h->amount, "local public wages"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_many(e->L, F_WAGES_PUBLIC, LG, e->city_amount, HH, h->amount)) != YF_OK)
        return economy_post(e, st, "local public wages");
    for (int32_t k = 0; k < h->n; k++) {
        h->income[k] += (double)h->amount[k];
        h->wage_income[k] += (double)h->amount[k];
    }
    e->flow_public_wages = paid + (double)local;
    /* Benefits to the unemployed workers of each household, this month. */
    const double benefit = e->param[P_benefit_ratio] * e->m.wage * economy_workers_per_household(e);
    for (int32_t k = 0; k < h->n; k++)
        if (!economy_yuan(e, floor(benefit * (1.0 - h->employed[k])), "benefits", &h->amount[k]))
            return YF_ERR_NUMERIC;
    if ((st = ledger_pay_to_each(e->L, F_UNEMPLOYMENT_TRANSFERS, ledger_acct(CG, 0), HH,
                                 h->amount)) != YF_OK)
        return economy_post(e, st, "unemployment benefits");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    e->flow_benefits = (double)economy_sum(h->amount, h->n);
    return pay_stimulus_cash(e);
}

/* VAT on domestic value in sales and corporate income tax, shared by the rules in force. */
static yf_status firm_taxes(economy *e)
{
    firms *f = &e->fi;
    const double vat_central = e->m.vat_central_share, cit_central = e->m.income_tax_central_share;
    int64_t local = 0;
    for (int32_t k = 0; k < f->n; k++) {
        const double m = e->ind[f->industry[k]].import_content;
        double vat = e->param[P_vat_rate] * f->revenue[k] * (1.0 - m);
        double profit = f->revenue[k] - f->costs[k] - vat;
        double cit = e->param[P_cit_rate] * yf_fmax(0.0, profit);
        int64_t total;
        if (!economy_yuan(e, floor(vat + cit), "firm taxes", &total) ||
            !economy_yuan(e, floor(vat * vat_central + cit * cit_central), "central firm taxes",
                          &f->amount[k]))
            return YF_ERR_NUMERIC;
        if (f->amount[k] > total)
            f->amount[k] = total;
        local += total - f->amount[k];
        f->amount2[k] = total - f->amount[k];
        f->profit[k] = profit - cit;
    }
    if (!economy_split(e, local, e->city_weight, e->size.cities, e->city_amount,
                       "local firm taxes"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_from_each(e->L, F_VAT, FIRM, f->amount, ledger_acct(CG, 0));
    if (st == YF_OK)
        st = ledger_pay_many(e->L, F_VAT, FIRM, f->amount2, LG, e->city_amount);
    if (st != YF_OK)
        return economy_post(e, st, "firm taxes");
    e->flow_central_revenue += (double)economy_sum(f->amount, f->n);
    e->flow_local_revenue += (double)local;
    return YF_OK;
}

/* Purchases of goods by the centre (with the stimulus, from construction) and by
 * the cities (what they planned at the start of the month), as delivered. */
static yf_status purchases(economy *e)
{
    firms *f = &e->fi;
    double by_industry[N_INDUSTRIES], central = 0.0, delivered = 0.0;
    const double stimulus_goods = e->m.stimulus_per_month * (1.0 - e->param[P_stimulus_cash_share]);
    for (int s = 0; s < N_INDUSTRIES; s++) {
        double share = e->demand_share[s][D_GOVERNMENT];
        by_industry[s] =
            (share * e->plan_central_purchases + (s == IND_CONSTRUCTION ? stimulus_goods : 0.0)) *
            e->ind[s].rationing;
        central += by_industry[s];
        delivered += share * e->ind[s].rationing;
    }
    firms_receipt_weights(e, by_industry);
    if (!economy_apportion(e, central, f->weight, f->n, f->amount, "central purchases"))
        return YF_ERR_NUMERIC;
    yf_status st =
        ledger_pay_to_each(e->L, F_GOVERNMENT_SPENDING, ledger_acct(CG, 0), FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "central purchases");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    /* Each city buys what it planned at the start of the month, as delivered. */
    for (int32_t c = 0; c < e->size.cities; c++)
        if (!economy_yuan(e, floor(e->city_budget[c] * delivered), "local purchases",
                          &e->city_amount[c]))
            return YF_ERR_NUMERIC;
    int64_t local = economy_sum(e->city_amount, e->size.cities);
    for (int s = 0; s < N_INDUSTRIES; s++)
        by_industry[s] = e->demand_share[s][D_GOVERNMENT] * e->ind[s].rationing;
    firms_receipt_weights(e, by_industry);
    if (!economy_split(e, local, f->weight, f->n, f->amount, "local purchases"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_many(e->L, F_GOVERNMENT_SPENDING, LG, e->city_amount, FIRM, f->amount)) !=
        YF_OK)
        return economy_post(e, st, "local purchases");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    e->flow_government = central + (double)local + e->flow_public_wages;
    return YF_OK;
}

/* Transfers to the cities by their fixed weights (city_transfer_weight). */
static yf_status transfers(economy *e)
{
    if (!economy_apportion(e, e->flow_transfers, e->city_transfer_weight, e->size.cities,
                           e->city_amount, "transfers"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_to_each(e->L, F_CENTRAL_TO_LOCAL_TRANSFERS, ledger_acct(CG, 0), LG,
                                      e->city_amount);
    return economy_post(e, st, "central-to-local transfers");
}

/* Sell bonds so that the treasury ends the month with a tenth of a month's GDP. */
static yf_status finance_deficit(economy *e)
{
    const ledger_account cg = ledger_acct(CG, 0);
    double target = 0.1 * e->m.gdp_month;
    double gap = target - (double)ledger_position(e->L, I_TREASURY, cg);
    if (gap <= 0.0)
        return YF_OK;
    yf_status st;
    if (e->param[P_fiscal_rule] >= 0.5 && e->param[P_monetary_financing] >= 0.5) {
        int64_t x;
        if (!economy_yuan(e, ceil(gap), "bonds sold to the PBOC", &x))
            return YF_ERR_NUMERIC;
        st = ledger_exchange(e->L, I_CENTRAL_BONDS, cg, ledger_acct(PBOC, 0), x);
        return economy_post(e, st, "bonds sold to the PBOC");
    }
    /* In proportion to each bank's deposits; a bank whose overdrafts exceed its
     * deposits (possible with very short loans) takes none, and when no bank has
     * net deposits they share equally. */
    double w[16], total = 0.0;
    int64_t part[16];
    for (int32_t b = 0; b < e->n_banks; b++)
        total += w[b] =
            yf_fmax(0.0, (double)-ledger_position(e->L, I_DEPOSITS, ledger_acct(BANK, b)));
    for (int32_t b = 0; b < e->n_banks && total <= 0.0; b++)
        w[b] = 1.0;
    if (!economy_apportion(e, ceil(gap), w, e->n_banks, part, "bonds sold to banks"))
        return YF_ERR_NUMERIC;
    for (int32_t b = 0; b < e->n_banks; b++)
        if (part[b] && (st = ledger_exchange(e->L, I_CENTRAL_BONDS, cg, ledger_acct(BANK, b),
                                             part[b])) != YF_OK)
            return economy_post(e, st, "bonds sold to banks");
    return YF_OK;
}

yf_status government_budget(economy *e)
{
    yf_status st;
    if ((st = firm_taxes(e)) != YF_OK || (st = purchases(e)) != YF_OK ||
        (st = transfers(e)) != YF_OK)
        return st;
    double before = central_bonds(e);
    if ((st = finance_deficit(e)) != YF_OK)
        return st;
    e->flow_deficit = central_bonds(e) - before;
    e->m.last_central_revenue = e->flow_central_revenue;
    e->m.last_local_revenue = e->flow_local_revenue;
    return YF_OK;
}
