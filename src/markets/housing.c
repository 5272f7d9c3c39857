/*
 * housing.c: the housing market of each city (DESIGN.md 4, "Households",
 * "Developers"; docs/model.md 4.10).
 *
 * Demand for homes in city c this month, in new-home equivalents:
 *
 *   owner-occupiers  Q_oo = (formation_purchase_share * new households settling in c
 *                           + upgrade_rate/12 * max(0, housing_saturation * households - homes))
 *                          * A^affordability_elasticity
 *                    A = (payment/income at the opening) / (payment/income now), payment the
 *                        monthly mortgage annuity on (1 - down_payment) of the price
 *   investors        Q_inv = investor_intensity/12 * max(0, g_e + y - i_d - investor_premium)
 *                            * deposits_c / P_c * (1 - restriction_c)
 *                    g_e expected price growth: fomo * (the city's growth over 12 months)
 *                        + (1 - fomo) * nominal GDP growth, adapting at price_memory
 *                    y   rent yield: rent_yield_2000 * (P_0 / P) * (CPI / CPI_0)
 *   resettlement     households bought out of old homes (tiers 3-4) who buy again
 *
 * restriction_c = purchase_restriction * restriction_enforcement (times
 * restriction_lower_tiers in tiers 3 and 4). Buyers buy off-plan at the share
 * p = presale_share * max(0, 1 - presale_risk_sensitivity * default risk); the
 * off-plan buyers deterred by the risk (presale_share - p) wait, so demand is
 * scaled by 1 - (presale_share - p); the rest (and off-plan buyers who find
 * nothing to presell) buy completed homes.
 * Starts follow expected sales and the gap of listings to inventory_months of
 * sales, within the land the city releases: land_supply_upper (tiers 1-2) or
 * land_supply_lower (tiers 3-4) of its homes a year.
 * Sales are limited by the listings; the price moves with demand over normal
 * absorption of the listings (listings / inventory_months):
 *
 *   ln P += house_price_speed * ln(Q / (listings / inventory_months)),
 *           at most house_price_max_step a month either way.
 *
 * Payments: buyers pay the down payment from deposits and borrow the rest as a
 * mortgage from their bank; off-plan buyers receive presale claims on the
 * developers, which turn into homes when the projects complete. Households in
 * a city share the city's purchases in proportion to their deposits (those who
 * can pay buy). Homes are valued at the city's price every month: the change
 * is a revaluation (an other change), not income.
 */
#include <math.h>

#include "core/parallel.h"
#include "model/economy.h"
#include "model/industries.h"

#define PIPE(c, k) e->ci.pipeline[(size_t)(c)*HOUSING_MAX_LAG + (size_t)(k)]

static double annuity(double rate_year, double years)
{
    const double r = yf_fmax(rate_year, 1e-4) / 12.0, n = years * 12.0;
    return r / (1.0 - pow(1.0 + r, -n));
}

static double mortgage_rate(const economy *e)
{
    return yf_fmax(0.0, e->m.loan_rate + e->param[P_mortgage_spread]);
}

/* Average disposable income per urban household in city c, yuan per month. */
static double city_income(const economy *e, int32_t c)
{
    const double urban = cities_urban_households(e, e->month);
    const double national = e->m.gdp_month * 0.6 / yf_fmax(1.0, urban);
    return national * e->ci.income_factor[c];
}

static double restriction(const economy *e, int32_t c)
{
    double r = e->param[P_purchase_restriction] * e->param[P_restriction_enforcement];
    return e->ci.tier[c] >= 3 ? r * e->param[P_restriction_lower_tiers] : r;
}

/* Homes newly demanded by resettled households in city c this month. */
static double resettlement_demand(const economy *e,
                                  int32_t c,
                                  const double *lower_weight,
                                  double upper_weight_total)
{
    const double homes = e->param[P_resettlement_homes] / 12.0 * e->param[P_resettlement_rebuy];
    if (homes <= 0.0)
        return 0.0;
    const double up = e->param[P_resettlement_up_tier];
    if (e->ci.tier[c] >= 3)
        return homes * (1.0 - up) * lower_weight[c];
    if (e->ci.tier[c] == 2 && upper_weight_total > 0.0)
        return homes * up * e->city_weight[c] / upper_weight_total;
    return 0.0;
}

/* Homes a city's local government releases land for this month: a share of
 * its stock a year, smaller in the big cities (tiers 1-2), where land is held
 * back, than in tiers 3-4. */
static double land_quota(const economy *e, int32_t c)
{
    const double share =
        e->ci.tier[c] <= 2 ? e->param[P_land_supply_upper] : e->param[P_land_supply_lower];
    return share / 12.0 * e->ci.homes[c];
}

static void city_deposits(economy *e)
{
    const int64_t *dep = ledger_positions(e->L, I_DEPOSITS, HH);
    for (int32_t c = 0; c < e->ci.n; c++)
        e->ci.deposits[c] = 0.0;
    for (int32_t k = 0; k < e->hh.n; k++)
        e->ci.deposits[e->hh.city[k]] += yf_fmax(0.0, (double)dep[k]);
}

/* Weights of the tier 3-4 cities (resettlement) among themselves, into out. */
static double lower_tier_weights(const economy *e, double *out)
{
    double lower = 0.0, upper = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++) {
        if (e->ci.tier[c] >= 3)
            lower += e->city_weight[c];
        else if (e->ci.tier[c] == 2)
            upper += e->city_weight[c];
    }
    for (int32_t c = 0; c < e->ci.n; c++)
        out[c] = e->ci.tier[c] >= 3 && lower > 0.0 ? e->city_weight[c] / lower : 0.0;
    return upper;
}

/* Nominal GDP growth over the last twelve months (10% before two years of history). */
static double gdp_growth_12m(const economy *e)
{
    const int m = e->month;
    if (m < 24)
        return 0.1;
    double now = 0.0, before = 0.0;
    for (int k = 1; k <= 12; k++) {
        now += e->out[0].values[m - k]; /* gdp_nominal is the first series */
        before += e->out[0].values[m - 12 - k];
    }
    return before > 0.0 ? now / before - 1.0 : 0.0;
}

/* Completions of city c this month: the off-plan share is handed over (recorded
 * for deliveries()), the rest joins the unsold homes. Returns homes still building. */
static double complete(economy *e, int32_t c, int m)
{
    cities *ci = &e->ci;
    double in_progress = 0.0;
    for (int k = 0; k < HOUSING_MAX_LAG; k++)
        in_progress += PIPE(c, k);
    double *slot = &PIPE(c, m % HOUSING_MAX_LAG);
    const double presold_share =
        in_progress > 0.0 ? yf_fmin(1.0, ci->presold[c] / in_progress) : 0.0;
    ci->completions[c] = *slot;
    ci->presold_before[c] = ci->presold[c] + ci->stalled_presold[c];
    ci->delivered[c] = *slot * presold_share;
    ci->presold[c] -= ci->delivered[c];
    ci->unsold[c] += *slot - ci->delivered[c];
    in_progress -= *slot;
    *slot = 0.0;
    return in_progress;
}

/* Demand, sales, completions and starts of every city, and the construction
 * developers will buy this month. */
void housing_plan(economy *e, int m)
{
    cities *ci = &e->ci;
    city_deposits(e);
    double *lower = e->city_budget; /* scratch until government_plan fills it */
    const double upper = lower_tier_weights(e, lower);
    const double pay_factor =
        annuity(mortgage_rate(e), e->param[P_mortgage_years]) * (1.0 - e->param[P_down_payment]);
    if (m == 0)
        e->pay_factor0 = pay_factor;
    /* Off-plan buyers deterred by developer defaults wait rather than buy
     * completed homes: demand falls by the off-plan share lost. */
    const double presale =
        e->param[P_presale_share] *
        yf_fmax(0.0, 1.0 - e->param[P_presale_risk_sensitivity] * e->default_risk);
    const double waiting = e->param[P_presale_share] - presale;
    const bool sellers = developers_active_share(e) > 0.0;
    const int lag = (int)yf_fmin(HOUSING_MAX_LAG, yf_fmax(1.0, e->param[P_construction_months]));
    const double build_cost =
        e->param[P_build_cost_share] * e->param[P_home_price_2000] * e->ind[IND_CONSTRUCTION].price;
    double residential = 0.0;
    e->homes_sold = e->homes_started = e->homes_completed = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        const double price = ci->price[c];
        const double burden = price * pay_factor / city_income(e, c);
        if (m == 0)
            ci->affordability0[c] = burden;
        const double relief = ci->affordability0[c] / burden; /* > 1: easier than in 2000 */
        const double afford = yf_fmin(3.0, pow(relief, e->param[P_affordability_elasticity]));
        /* New households of the city this month (model/demography.c). */
        const double need =
            e->param[P_formation_purchase_share] * ci->formation[c] + cities_upgrade_need(e, c, m);
        /* Rents follow consumer prices (rents are in the CPI and rose with it):
         * yield = y0 (CPI/CPI0) / (P/P0); the city's opening price is P0. */
        const double rent_yield = e->param[P_rent_yield_2000] * e->m.cpi * ci->price0[c] / price;
        const double excess =
            ci->growth_expected[c] + rent_yield - e->m.deposit_rate - e->param[P_investor_premium];
        ci->demand_investor[c] = e->param[P_investor_intensity] / 12.0 * yf_fmax(0.0, excess) *
                                 ci->deposits[c] / price * (1.0 - restriction(e, c));
        ci->demand[c] = (1.0 - waiting) * (need * afford + ci->demand_investor[c] +
                                           resettlement_demand(e, c, lower, upper));
        const double in_progress = complete(e, c, m);
        /* Sales: off-plan first, then completed homes; none once every
         * developer has defaulted (the stalled and unsold homes are theirs). */
        if (!sellers)
            ci->demand[c] = 0.0;
        /* Buyers pay the down payments out of the city's deposits: at most
         * purchase_cash_limit of them in a month. */
        const double cash_homes = e->param[P_purchase_cash_limit] * ci->deposits[c] /
                                  (yf_fmax(0.01, e->param[P_down_payment]) * price);
        ci->demand[c] = yf_fmin(ci->demand[c], cash_homes);
        const double for_presale = yf_fmax(0.0, in_progress - ci->presold[c]);
        ci->sales_presale[c] = yf_fmin(presale * ci->demand[c], for_presale);
        ci->sales_completed[c] = yf_fmin(ci->demand[c] - ci->sales_presale[c], ci->unsold[c]);
        /* Starts: expected sales plus a correction toward normal listings. */
        const double sold = ci->sales_presale[c] + ci->sales_completed[c];
        ci->sales_expected[c] += 0.1 * (sold - ci->sales_expected[c]);
        const double listings = for_presale + ci->unsold[c] - ci->sales_completed[c];
        const double normal = e->param[P_inventory_months] * ci->sales_expected[c];
        const double gap = normal > 0.0 ? (normal - listings) / normal : 0.0;
        ci->starts[c] =
            yf_fmax(0.0, ci->sales_expected[c] * (1.0 + e->param[P_starts_response] * gap));
        /* The city releases land for at most its quota of starts. */
        ci->starts[c] = yf_fmin(ci->starts[c], land_quota(e, c));
        /* Land: the residual value of a home at the price expected on completion. */
        const double expected_price =
            price * pow(1.0 + yf_fmax(-0.5, ci->growth_expected[c]), lag / 12.0);
        const double residual = expected_price * (1.0 - e->param[P_developer_margin]) - build_cost;
        ci->land_value[c] = e->param[P_land_bid_share] * yf_fmax(0.0, residual);
        residential += in_progress * build_cost / lag;
        e->homes_sold += sold;
        e->homes_completed += ci->completions[c];
    }
    e->plan_residential = residential;
}

/* Split a city-level value over the city's households by deposits: out[k] =
 * floor(value_c * deposits_k / deposits_c), but no household pays a down
 * payment beyond its deposits now (consumption came first this month). What
 * each city's buyers pay is left in e->city_amount; returns the total. */
static int64_t to_households(economy *e, const double *value_by_city, int64_t *out)
{
    const int64_t *dep = ledger_positions(e->L, I_DEPOSITS, HH);
    const double dp = yf_fmax(0.01, e->param[P_down_payment]);
    for (int32_t c = 0; c < e->ci.n; c++)
        e->city_amount[c] = 0;
    int64_t total = 0;
    const int32_t n = e->hh.n, n_cities = e->ci.n;
    int64_t *by_city = e->city_amount;
    /* Integer sums by city and in total: exact in any order across threads. */
#pragma omp parallel for schedule(static) reduction(+ : total, by_city[:n_cities]) \
    if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const int32_t c = e->hh.city[k];
        const double d = e->ci.deposits[c], own = yf_fmax(0.0, (double)dep[k]);
        const double x = d > 0.0 ? yf_fmin(value_by_city[c] * own / d, own / dp) : 0.0;
        out[k] = (int64_t)floor(yf_fmax(0.0, x));
        by_city[c] += out[k];
        total += out[k];
    }
    return total;
}

/* Homes sold in each city scaled to what its buyers could pay. */
static void scale_to_paid(economy *e, const double *value_by_city, double *homes_by_city)
{
    for (int32_t c = 0; c < e->ci.n; c++)
        if (value_by_city[c] > 0.0)
            homes_by_city[c] *= yf_fmin(1.0, (double)e->city_amount[c] / value_by_city[c]);
}

/* Buyers borrow (1 - down_payment) of what they pay, from their own banks. */
static yf_status mortgages_new(economy *e, const int64_t *price_paid)
{
    households *h = &e->hh;
    const double loan = 1.0 - e->param[P_down_payment];
    int64_t by_bank[16] = {0};
    const int32_t n = h->n;
#pragma omp parallel for schedule(static) reduction(+ : by_bank[:16]) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        h->amount2[k] = (int64_t)floor(loan * (double)price_paid[k]);
        by_bank[h->bank[k]] += h->amount2[k];
    }
    yf_status st = ledger_exchange_many(e->L, I_MORTGAGES, HH, h->amount2, BANK, by_bank);
    return economy_post(e, st, "new mortgages");
}

/* Interest and principal on mortgages, paid before consumption; interest
 * counts against disposable income. A household pays at most its deposits:
 * interest first, and principal it cannot pay stays on the loan. */
yf_status housing_service_mortgages(economy *e)
{
    return credit_households_service(e, I_MORTGAGES, F_INTEREST_MORTGAGES, mortgage_rate(e) / 12.0,
                                     1.0 / (12.0 * e->param[P_mortgage_years]), "mortgage service");
}

/* A developer's inventory used for `homes` homes at its average cost. */
static yf_status use_inventory(economy *e, int32_t j, double homes)
{
    developers *d = &e->dv;
    if (homes <= 0.0 || d->inventory_homes[j] <= 0.0)
        return YF_OK;
    const double book = (double)ledger_position(e->L, I_LAND_AND_INVENTORY, ledger_acct(DEV, j));
    const double f = yf_fmin(1.0, homes / d->inventory_homes[j]);
    const int64_t cost = (int64_t)floor(f * yf_fmax(0.0, book));
    d->inventory_homes[j] = yf_fmax(0.0, d->inventory_homes[j] - homes);
    yf_status st = ledger_use_tangible(e->L, I_LAND_AND_INVENTORY, ledger_acct(DEV, j), cost);
    return economy_post(e, st, "developers' cost of homes sold");
}

/* Homes change hands: households pay `paid` and receive homes in proportion to
 * what they paid in their city; developers receive the same total by dv.weight
 * and give up inventory at cost. */
static yf_status
hand_over(economy *e, const int64_t *paid, int64_t total, const double *homes_by_city)
{
    households *h = &e->hh;
    developers *d = &e->dv;
    if (!economy_split(e, total, d->weight, d->n, d->amount, "home sales"))
        return YF_ERR_NUMERIC;
    yf_status st =
        ledger_buy_tangible_many(e->L, F_HOME_SALES, I_HOUSING, HH, paid, DEV, d->amount);
    if (st != YF_OK)
        return economy_post(e, st, "home sales");
    double wsum = 0.0, homes = 0.0;
    for (int32_t j = 0; j < d->n; j++)
        wsum += d->weight[j];
    for (int32_t c = 0; c < e->ci.n; c++)
        homes += homes_by_city[c];
    for (int32_t j = 0; j < d->n && wsum > 0.0; j++)
        if ((st = use_inventory(e, j, homes * d->weight[j] / wsum)) != YF_OK)
            return st;
    double *paid_by_city = e->ci.deposits; /* reused as scratch */
    for (int32_t c = 0; c < e->ci.n; c++)
        paid_by_city[c] = 0.0;
    for (int32_t k = 0; k < h->n; k++) /* a floating-point sum by city: one thread, in order */
        paid_by_city[h->city[k]] += (double)paid[k];
    const int32_t n = h->n;
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const int32_t c = h->city[k];
        if (paid[k] > 0 && paid_by_city[c] > 0.0)
            h->homes[k] += homes_by_city[c] * (double)paid[k] / paid_by_city[c];
    }
    for (int32_t c = 0; c < e->ci.n; c++)
        e->ci.homes[c] += homes_by_city[c];
    e->flow_home_sales += (double)total;
    return YF_OK;
}

/* Households give back the claims in h->amount (total) to the developers that
 * owe them, the defaulted ones or the active ones, by what each owes, and get
 * homes_by_city in exchange. Claims beyond what those developers owe (less a
 * yuan each for rounding) are not redeemed: h->amount is scaled down. */
static yf_status redeem_for_homes(
    economy *e, int64_t total, bool from_defaulted, const double *homes_by_city, const char *what)
{
    households *h = &e->hh;
    developers *d = &e->dv;
    const int64_t *owed = ledger_positions(e->L, I_PRESALE_CLAIMS, DEV);
    double owing = 0.0;
    for (int32_t j = 0; j < d->n; j++) {
        d->weight[j] = (d->defaulted[j] != 0) == from_defaulted ? (double)-owed[j] : 0.0;
        owing += d->weight[j];
    }
    if ((double)total > owing - (double)d->n) {
        const double s = yf_fmax(0.0, owing - (double)d->n) / yf_fmax(1.0, (double)total);
        total = 0;
        for (int32_t k = 0; k < h->n; k++) {
            h->amount[k] = (int64_t)floor(s * (double)h->amount[k]);
            total += h->amount[k];
        }
    }
    if (total == 0)
        return YF_OK;
    if (!economy_split(e, total, d->weight, d->n, d->amount, what))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_exchange_many(e->L, I_PRESALE_CLAIMS, HH, h->amount, DEV, d->amount);
    if (st != YF_OK)
        return economy_post(e, st, what);
    return hand_over(e, h->amount, total, homes_by_city);
}

/* Completed off-plan homes: each buyer's claims in a city are redeemed at the
 * delivered share of the city's outstanding off-plan homes, against the homes. */
static yf_status deliveries(economy *e)
{
    households *h = &e->hh;
    const int64_t *claims = ledger_positions(e->L, I_PRESALE_CLAIMS, HH);
    int64_t total = 0;
    const int32_t n = h->n;
#pragma omp parallel for schedule(static) reduction(+ : total) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const int32_t c = h->city[k];
        const double before = e->ci.presold_before[c];
        const double f = before > 0.0 ? yf_fmin(1.0, e->ci.delivered[c] / before) : 0.0;
        h->amount[k] = (int64_t)floor(f * (double)claims[k]);
        total += h->amount[k];
    }
    /* Active developers redeem in proportion to their outstanding claims; the
     * claims of stalled projects are not delivered. */
    return redeem_for_homes(e, total, false, e->ci.delivered, "presale redemptions");
}

/* Completion with public money (completion_program): completion_rate a year of
 * the stalled off-plan homes are finished (the construction is paid in
 * local_finance.c) and handed to the buyers of each city, whose claims on the
 * defaulted developers are redeemed against the homes. */
static yf_status complete_stalled(economy *e)
{
    households *h = &e->hh;
    cities *ci = &e->ci;
    const double rate = e->param[P_completion_rate] / 12.0;
    if (rate <= 0.0)
        return YF_OK;
    double *done = ci->completions; /* scratch: completions are counted already */
    for (int32_t c = 0; c < ci->n; c++)
        done[c] = rate * ci->stalled_presold[c];
    const int64_t *claims = ledger_positions(e->L, I_PRESALE_CLAIMS, HH);
    int64_t total = 0;
    const int32_t n = h->n;
#pragma omp parallel for schedule(static) reduction(+ : total) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const int32_t c = h->city[k];
        const double outstanding = ci->presold[c] + ci->stalled_presold[c];
        const double f = outstanding > 0.0 ? yf_fmin(1.0, done[c] / outstanding) : 0.0;
        h->amount[k] = (int64_t)floor(f * (double)claims[k]);
        total += h->amount[k];
    }
    yf_status st = redeem_for_homes(e, total, true, done, "redemption of stalled claims");
    if (st != YF_OK)
        return st;
    for (int32_t c = 0; c < ci->n; c++) {
        ci->stalled[c] = yf_fmax(0.0, ci->stalled[c] - done[c]);
        ci->stalled_presold[c] -= done[c];
    }
    return YF_OK;
}

/* Off-plan sales: households buy presale claims from the active developers. */
static yf_status presales(economy *e)
{
    households *h = &e->hh;
    developers *d = &e->dv;
    double *value = e->ci.completions; /* scratch: completions are counted already */
    city_deposits(e);
    for (int32_t c = 0; c < e->ci.n; c++)
        value[c] = e->ci.sales_presale[c] * e->ci.price[c];
    const int64_t total = to_households(e, value, h->amount);
    scale_to_paid(e, value, e->ci.sales_presale);
    yf_status st = mortgages_new(e, h->amount);
    if (st != YF_OK)
        return st;
    developers_weights(e, DEV_BY_BUILDING);
    if (!economy_split(e, total, d->weight, d->n, d->amount, "presale receipts"))
        return YF_ERR_NUMERIC;
    st = ledger_exchange_many(e->L, I_PRESALE_CLAIMS, DEV, d->amount, HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "presales");
    for (int32_t j = 0; j < d->n; j++)
        d->sales_12m[j] += (double)d->amount[j];
    for (int32_t c = 0; c < e->ci.n; c++)
        e->ci.presold[c] += e->ci.sales_presale[c];
    e->flow_presales = (double)total;
    return YF_OK;
}

/* Completed homes sold to buyers who pay on the spot (investors keep theirs empty). */
static yf_status completed_sales(economy *e)
{
    households *h = &e->hh;
    double *value = e->ci.completions; /* scratch */
    city_deposits(e);
    for (int32_t c = 0; c < e->ci.n; c++)
        value[c] = e->ci.sales_completed[c] * e->ci.price[c];
    const int64_t total = to_households(e, value, h->amount);
    scale_to_paid(e, value, e->ci.sales_completed);
    for (int32_t c = 0; c < e->ci.n; c++) {
        const double q = e->ci.sales_completed[c];
        e->ci.unsold[c] -= q;
        e->ci.investor_homes[c] +=
            q * yf_fmin(1.0, e->ci.demand_investor[c] / yf_fmax(1e-9, e->ci.demand[c]));
    }
    yf_status st = mortgages_new(e, h->amount);
    if (st != YF_OK)
        return st;
    developers_weights(e, DEV_BY_UNSOLD);
    e->flow_sales_completed = (double)total;
    st = hand_over(e, h->amount, total, e->ci.sales_completed);
    if (st != YF_OK)
        return st;
    for (int32_t j = 0; j < e->dv.n; j++)
        e->dv.sales_12m[j] += (double)e->dv.amount[j];
    return YF_OK;
}

yf_status housing_transact(economy *e)
{
    yf_status st;
    e->flow_home_sales = e->flow_presales = 0.0;
    for (int32_t j = 0; j < e->dv.n; j++)
        e->dv.sales_12m[j] *= 11.0 / 12.0; /* a year's memory of sales */
    if ((st = deliveries(e)) != YF_OK || (st = complete_stalled(e)) != YF_OK ||
        (st = presales(e)) != YF_OK || (st = completed_sales(e)) != YF_OK)
        return st;
    e->homes_sold = 0.0; /* what buyers could pay for, not what they planned */
    for (int32_t c = 0; c < e->ci.n; c++)
        e->homes_sold += e->ci.sales_presale[c] + e->ci.sales_completed[c];
    return YF_OK;
}

/* Prices clear listings gradually; expectations extrapolate; homes are revalued. */
yf_status housing_set_prices(economy *e)
{
    cities *ci = &e->ci;
    const int m = e->month;
    const double g_gdp = gdp_growth_12m(e);
    for (int32_t c = 0; c < ci->n; c++) {
        double in_progress = 0.0;
        for (int k = 0; k < HOUSING_MAX_LAG; k++)
            in_progress += PIPE(c, k);
        const double listings = yf_fmax(0.0, in_progress - ci->presold[c]) + ci->unsold[c];
        const double absorb = listings / e->param[P_inventory_months];
        double step = 0.0;
        if (absorb > 0.0 && ci->demand[c] > 0.0)
            step = e->param[P_house_price_speed] * log(ci->demand[c] / absorb);
        const double max_step = e->param[P_house_price_max_step];
        if (!(absorb > 0.0) && ci->demand[c] > 0.0)
            step = max_step;
        step = yf_fmax(-max_step, yf_fmin(max_step, step));
        double *ring = &ci->price_ring[(size_t)c * 12];
        const double year_ago = ring[m % 12];
        ci->price[c] *= exp(step);
        ring[m % 12] = ci->price[c];
        const double g12 = ci->price[c] / year_ago - 1.0;
        const double target = e->param[P_fomo] * g12 + (1.0 - e->param[P_fomo]) * g_gdp;
        ci->growth_expected[c] += e->param[P_price_memory] * (target - ci->growth_expected[c]);
    }
    if (m == 0) {
        double x = 0.0;
        for (int32_t c = 0; c < ci->n; c++)
            x += e->city_weight[c] * ci->price[c];
        e->house_price_index0 = x;
    }
    e->house_price_ring[m % 12] = housing_price_index(e);
    /* Households' homes at the new prices: a revaluation, posted for all
     * households at once (the changes in the scratch hh.amount). */
    households *h = &e->hh;
    const int64_t *book = ledger_positions(e->L, I_HOUSING, HH);
    for (int32_t k = 0; k < h->n; k++) {
        int64_t value;
        if (!economy_yuan(e, floor(h->homes[k] * ci->price[h->city[k]]), "housing wealth", &value))
            return YF_ERR_NUMERIC;
        h->amount[k] = value - book[k];
    }
    return economy_post(e, ledger_revalue_tangible_each(e->L, I_HOUSING, HH, h->amount),
                        "revaluation of homes");
}
