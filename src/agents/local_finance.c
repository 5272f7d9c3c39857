/*
 * local_finance.c: local financing vehicles, official local bonds, debt swaps
 * and monetised resettlement (DESIGN.md 4, "Local governments"; docs/model.md 4.12).
 *
 * Infrastructure. Each city's LGFV builds infrastructure worth
 *   lgfv_infrastructure * (1 + promotion_incentive * max(0, growth_target - g)) * GDP/12
 * times the city's population share, g real GDP growth over twelve months
 * (officials are judged on growth: a slowdown brings more building). It borrows
 * all of it: wmp_share from households (wealth-management products, bought by
 * the richest depositors), the rest from its bank. This is the off-book,
 * "hidden" debt. Official local bonds add local_bond_infrastructure * GDP/12,
 * sold to banks and spent by the local government itself.
 * Interest on LGFV debt (loan rate + lgfv_spread) is paid by borrowing more:
 * hidden debt rolls over and grows with its interest.
 * Swaps. Each month debt_swap_rate/12 of the bank-held LGFV debt becomes
 * official bonds: the local government sells bonds to its bank and passes the
 * money to its LGFV (a capital transfer), which repays the bank.
 * Resettlement. resettlement_homes a year of old homes in tier 3 and 4 cities
 * are bought out for cash at the city price; LGFVs borrow it from banks, which
 * borrow it from the PBOC (pledged supplementary lending). The old homes are
 * demolished (a revaluation: the housing stock falls).
 * Completion. completion_rate a year of the stalled off-plan homes are
 * finished with official local bonds: completion_cost_share of a new home's
 * build cost each, bought from construction (housing.c hands the homes over).
 */
#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

/* Real GDP growth over the last twelve months (the growth officials are judged on). */
static double real_growth(const economy *e)
{
    const int m = e->month;
    if (m < 24)
        return e->param[P_growth_target];
    const double *g = e->out[1].values; /* gdp_real is the second series */
    double now = 0.0, before = 0.0;
    for (int k = 1; k <= 12; k++) {
        now += g[m - k];
        before += g[m - 12 - k];
    }
    return before > 0.0 ? now / before - 1.0 : 0.0;
}

void local_finance_plan(economy *e)
{
    const double gap = yf_fmax(0.0, e->param[P_growth_target] - real_growth(e));
    const double month_gdp = economy_gdp_12m(e) / 12.0;
    e->plan_infrastructure_lgfv =
        e->param[P_lgfv_infrastructure] * (1.0 + e->param[P_promotion_incentive] * gap) * month_gdp;
    e->plan_infrastructure_bonds = e->param[P_local_bond_infrastructure] * month_gdp;
    /* Completion of stalled off-plan homes with public money: the construction
     * left to do is paid with official local bonds (housing.c delivers the homes). */
    double stalled = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++)
        stalled += e->ci.stalled_presold[c];
    e->plan_completion = e->param[P_completion_rate] / 12.0 * stalled;
    const double build_cost =
        e->param[P_build_cost_share] * e->param[P_home_price_2000] * e->ind[IND_CONSTRUCTION].price;
    e->plan_infrastructure_bonds +=
        e->param[P_completion_cost_share] * build_cost * e->plan_completion;
}

static yf_status lgfv_borrow(economy *e, int32_t c, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st = ledger_exchange(e->L, I_LGFV_DEBT, ledger_acct(LGFV, c),
                                   ledger_acct(BANK, e->lgfv_bank[c]), x);
    return economy_post(e, st, "LGFV bank loans");
}

static yf_status local_bonds(economy *e, int32_t c, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st = ledger_exchange(e->L, I_LOCAL_BONDS, ledger_acct(LG, c),
                                   ledger_acct(BANK, e->city_bank[c]), x);
    return economy_post(e, st, "local bonds");
}

/* Interest on LGFV debt to its holders (banks and households), borrowed by the LGFVs. */
static yf_status lgfv_interest(economy *e)
{
    households *h = &e->hh;
    const double rate = yf_fmax(0.0, e->m.loan_rate + e->param[P_lgfv_spread]) / 12.0;
    const int64_t *hh = ledger_positions(e->L, I_LGFV_DEBT, HH);
    const int64_t *debt = ledger_positions(e->L, I_LGFV_DEBT, LGFV);
    double weights[1024];
    if (e->ci.n > 1024)
        return YF_ERR_ARGUMENT;
    int64_t bank_part[16];
    for (int32_t b = 0; b < e->n_banks; b++)
        if (!economy_yuan(
                e, floor(rate * (double)ledger_position(e->L, I_LGFV_DEBT, ledger_acct(BANK, b))),
                "LGFV interest to banks", &bank_part[b]))
            return YF_ERR_NUMERIC;
    for (int32_t k = 0; k < h->n; k++)
        h->amount[k] = (int64_t)floor(rate * (double)hh[k]);
    const int64_t to_hh = economy_sum(h->amount, h->n),
                  to_banks = economy_sum(bank_part, e->n_banks);
    for (int32_t c = 0; c < e->ci.n; c++)
        weights[c] = (double)-debt[c];
    int64_t *by_city = e->city_amount;
    yf_status st;
    /* Borrow the interest first, from each LGFV's bank. */
    if (!economy_split(e, to_hh + to_banks, weights, e->ci.n, by_city, "LGFV interest"))
        return YF_ERR_NUMERIC;
    for (int32_t c = 0; c < e->ci.n; c++)
        if ((st = lgfv_borrow(e, c, by_city[c])) != YF_OK)
            return st;
    if (!economy_split(e, to_hh, weights, e->ci.n, by_city, "LGFV interest to households"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_many(e->L, F_INTEREST_LGFV_DEBT, LGFV, by_city, HH, h->amount)) != YF_OK)
        return economy_post(e, st, "LGFV interest to households");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    if (!economy_split(e, to_banks, weights, e->ci.n, by_city, "LGFV interest to banks"))
        return YF_ERR_NUMERIC;
    st = ledger_pay_many(e->L, F_INTEREST_LGFV_DEBT, LGFV, by_city, BANK, bank_part);
    return economy_post(e, st, "LGFV interest to banks");
}

/* Infrastructure bought from construction firms by `sector` (LGFV or LG), as delivered. */
static yf_status buy_infrastructure(economy *e, int sector, const int64_t *by_city)
{
    firms *f = &e->fi;
    double by_industry[N_INDUSTRIES] = {0};
    by_industry[IND_CONSTRUCTION] = 1.0;
    firms_receipt_weights(e, by_industry);
    const int64_t total = economy_sum(by_city, e->ci.n);
    if (!economy_split(e, total, f->weight, f->n, f->amount, "infrastructure"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_buy_tangible_many(e->L, F_INFRASTRUCTURE_INVESTMENT, I_INFRASTRUCTURE,
                                            sector, by_city, FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "infrastructure");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    e->flow_infrastructure += (double)total;
    e->flow_investment += (double)total;
    return YF_OK;
}

/* LGFV-financed infrastructure: households buy wealth products, banks lend the rest. */
static yf_status lgfv_infrastructure(economy *e)
{
    households *h = &e->hh;
    const double spend = e->plan_infrastructure_lgfv * e->ind[IND_CONSTRUCTION].rationing;
    if (!economy_apportion(e, spend, e->city_weight, e->ci.n, e->city_amount,
                           "LGFV infrastructure"))
        return YF_ERR_NUMERIC;
    /* wealth-management products: sold in each city, bought by deposit weight nationally */
    int64_t wmp[1024];
    if (e->ci.n > 1024)
        return YF_ERR_ARGUMENT;
    for (int32_t c = 0; c < e->ci.n; c++)
        wmp[c] = (int64_t)floor(e->param[P_wmp_share] * (double)e->city_amount[c]);
    const int64_t wmp_total = economy_sum(wmp, e->ci.n);
    const int64_t *dep = ledger_positions(e->L, I_DEPOSITS, HH);
    for (int32_t k = 0; k < h->n; k++)
        h->weight[k] = yf_fmax(0.0, (double)dep[k]) * h->rank[k];
    if (!economy_split(e, wmp_total, h->weight, h->n, h->amount, "wealth-management products"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_exchange_many(e->L, I_LGFV_DEBT, LGFV, wmp, HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "wealth-management products");
    for (int32_t c = 0; c < e->ci.n; c++)
        if ((st = lgfv_borrow(e, c, e->city_amount[c] - wmp[c])) != YF_OK)
            return st;
    return buy_infrastructure(e, LGFV, e->city_amount);
}

/* Official local bonds for infrastructure, within the quota. */
static yf_status bond_infrastructure(economy *e)
{
    const double spend = e->plan_infrastructure_bonds * e->ind[IND_CONSTRUCTION].rationing;
    if (spend <= 0.0)
        return YF_OK;
    if (!economy_apportion(e, spend, e->city_weight, e->ci.n, e->city_amount,
                           "bond infrastructure"))
        return YF_ERR_NUMERIC;
    yf_status st;
    for (int32_t c = 0; c < e->ci.n; c++)
        if ((st = local_bonds(e, c, e->city_amount[c])) != YF_OK)
            return st;
    return buy_infrastructure(e, LG, e->city_amount);
}

/* The swap of bank-held LGFV debt into official bonds. */
static yf_status swap_debt(economy *e)
{
    const double rate = e->param[P_debt_swap_rate] / 12.0;
    if (rate <= 0.0)
        return YF_OK;
    const int64_t *debt = ledger_positions(e->L, I_LGFV_DEBT, LGFV);
    double by_bank[16] = {0};
    for (int32_t b = 0; b < e->n_banks; b++)
        by_bank[b] = (double)ledger_position(e->L, I_LGFV_DEBT, ledger_acct(BANK, b));
    /* bank-held share of each bank's LGFV claims, so repayments never exceed them */
    double owed_by_bank[16] = {0};
    for (int32_t c = 0; c < e->ci.n; c++)
        owed_by_bank[e->lgfv_bank[c]] += (double)-debt[c];
    for (int32_t c = 0; c < e->ci.n; c++) {
        const int32_t b = e->lgfv_bank[c];
        const double held = owed_by_bank[b] > 0.0 ? by_bank[b] / owed_by_bank[b] : 0.0;
        e->city_amount[c] = (int64_t)floor(rate * yf_fmin(1.0, held) * (double)-debt[c]);
    }
    yf_status st;
    for (int32_t c = 0; c < e->ci.n; c++) {
        const int64_t x = e->city_amount[c];
        if (x <= 0)
            continue;
        if ((st = local_bonds(e, c, x)) != YF_OK)
            return st;
        if ((st = ledger_pay(e->L, F_CAPITAL_TRANSFERS, ledger_acct(LG, c), ledger_acct(LGFV, c),
                             x)) != YF_OK ||
            (st = ledger_exchange(e->L, I_LGFV_DEBT, ledger_acct(BANK, e->lgfv_bank[c]),
                                  ledger_acct(LGFV, c), x)) != YF_OK)
            return economy_post(e, st, "debt swap");
    }
    return YF_OK;
}

/* Monetised resettlement in tier 3-4 cities, funded by the PBOC through banks and LGFVs. */
static yf_status resettlement(economy *e)
{
    households *h = &e->hh;
    cities *ci = &e->ci;
    const double homes = e->param[P_resettlement_homes] / 12.0;
    e->flow_resettlement = 0.0;
    if (homes <= 0.0)
        return YF_OK;
    double lower = 0.0;
    for (int32_t c = 0; c < ci->n; c++)
        lower += ci->tier[c] >= 3 ? e->city_weight[c] : 0.0;
    double demolished[1024];
    if (ci->n > 1024 || lower <= 0.0)
        return YF_ERR_ARGUMENT;
    for (int32_t c = 0; c < ci->n; c++) {
        demolished[c] =
            ci->tier[c] >= 3 ? yf_fmin(0.5 * ci->homes[c], homes * e->city_weight[c] / lower) : 0.0;
        if (!economy_yuan(e, floor(demolished[c] * ci->price[c]), "resettlement cash",
                          &e->city_amount[c]))
            return YF_ERR_NUMERIC;
    }
    yf_status st;
    int64_t psl[16] = {0};
    for (int32_t c = 0; c < ci->n; c++)
        psl[e->lgfv_bank[c]] += e->city_amount[c];
    for (int32_t b = 0; b < e->n_banks; b++)
        if (psl[b] > 0 && (st = ledger_exchange(e->L, I_PBOC_LENDING, ledger_acct(BANK, b),
                                                ledger_acct(PBOC, 0), psl[b])) != YF_OK)
            return economy_post(e, st, "pledged supplementary lending");
    for (int32_t c = 0; c < ci->n; c++)
        if ((st = lgfv_borrow(e, c, e->city_amount[c])) != YF_OK)
            return st;
    /* Cash to the owners of old homes in proportion to their homes. */
    for (int32_t k = 0; k < h->n; k++) {
        const int32_t c = h->city[k];
        const double share = ci->homes[c] > 0.0 ? h->homes[k] / ci->homes[c] : 0.0;
        h->weight[k] = share;
        h->amount[k] = (int64_t)floor(share * (double)e->city_amount[c]);
    }
    /* the city totals must match the households' exact amounts */
    for (int32_t c = 0; c < ci->n; c++)
        e->city_amount[c] = 0;
    for (int32_t k = 0; k < h->n; k++)
        e->city_amount[h->city[k]] += h->amount[k];
    if ((st = ledger_pay_many(e->L, F_RESETTLEMENT_TRANSFERS, LGFV, e->city_amount, HH,
                              h->amount)) != YF_OK)
        return economy_post(e, st, "resettlement cash");
    for (int32_t k = 0; k < h->n; k++) {
        const int32_t c = h->city[k];
        h->homes[k] -= demolished[c] * h->weight[k];
        h->income[k] += 0.0; /* a capital receipt, not income */
    }
    for (int32_t c = 0; c < ci->n; c++)
        ci->homes[c] -= demolished[c];
    e->flow_resettlement = (double)economy_sum(e->city_amount, ci->n);
    return YF_OK;
}

/* Interest on official local bonds, paid by the local governments to banks. */
static yf_status bond_interest(economy *e)
{
    const double rate = yf_fmax(0.0, e->m.bond_rate) / 12.0;
    const int64_t *bonds = ledger_positions(e->L, I_LOCAL_BONDS, LG);
    int64_t by_bank[16] = {0};
    for (int32_t c = 0; c < e->ci.n; c++) {
        e->city_amount[c] = (int64_t)floor(rate * (double)-bonds[c]);
        by_bank[e->city_bank[c]] += e->city_amount[c];
    }
    yf_status st = ledger_pay_many(e->L, F_INTEREST_LOCAL_BONDS, LG, e->city_amount, BANK, by_bank);
    return economy_post(e, st, "interest on local bonds");
}

yf_status local_finance(economy *e)
{
    e->flow_infrastructure = 0.0;
    yf_status st;
    if ((st = lgfv_interest(e)) != YF_OK || (st = lgfv_infrastructure(e)) != YF_OK ||
        (st = bond_infrastructure(e)) != YF_OK || (st = swap_debt(e)) != YF_OK ||
        (st = resettlement(e)) != YF_OK || (st = bond_interest(e)) != YF_OK)
        return st;
    return YF_OK;
}
