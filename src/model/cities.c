/*
 * cities.c: the 300 cities, their tiers and their housing markets at the
 * opening (DESIGN.md 4; docs/model.md 4.9).
 *
 * Cities are ordered by size (Zipf weights, economy.c). Tiers follow the order:
 * the 4 largest are tier 1, the next 15 new tier 1, then 30 tier 2, 70 tier 3
 * and 181 tier 4 (scaled to the city count). Bigger cities are richer: income
 * and the price of a home rise with the tier (fixed factors below).
 *
 * Urban households: population x urban share / household_size, from the data
 * (population, urban_population_share), the share rising urbanisation_after_data
 * a year after its last year, the population following the WPP 2024 projection
 * after its last year. Where they live, and where new households form, is
 * model/demography.c (births, deaths and migration by city).
 */
#include <math.h>
#include <stdio.h>

#include "core/core.h"
#include "model/economy.h"

/* Household income and home prices relative to the national average, by tier
 * (assumption: tier-1 incomes about twice the average, prices about 2.5 times). */
static const double tier_income[N_TIERS] = {2.0, 1.5, 1.2, 0.9, 0.75};
static const double tier_price[N_TIERS] = {2.6, 1.8, 1.25, 0.85, 0.65};
static const int tier_end[N_TIERS] = {4, 19, 49, 119, 300};

static bool alloc_d(double **p, size_t n)
{
    return (*p = yf_calloc(n, sizeof(double))) != NULL;
}

static int tier_of(int32_t c, int32_t n)
{
    int t = 0;
    while (t < N_TIERS - 1 && (int64_t)c * 300 >= (int64_t)tier_end[t] * n)
        t++;
    return t;
}

static bool urban_households_in(const economy *e, int year, double *out)
{
    double pop, share;
    if (!data_annual(e->annual, "population", year, &pop) ||
        !data_annual(e->annual, "urban_population_share", year, &share))
        return false;
    *out = pop * share / 100.0 / e->param[P_household_size];
    return true;
}

double cities_urban_share(const economy *e, int m)
{
    /* Annual values stand for mid-year; interpolate linearly between them. */
    const double t = e->size.start_year + (m + 0.5) / 12.0 - 0.5;
    const int y = (int)floor(t);
    double a, b;
    if (data_annual(e->annual, "urban_population_share", y, &a) &&
        data_annual(e->annual, "urban_population_share", y + 1, &b))
        return (a + (b - a) * (t - y)) / 100.0;
    /* After the data: the last share rising urbanisation_after_data a year. */
    const int last = data_last_period(e->annual, "urban_population_share");
    if (!data_annual(e->annual, "urban_population_share", last, &a))
        return 0.0;
    if (t < last)
        return a / 100.0;
    return yf_fmin(0.85, a / 100.0 + e->param[P_urbanisation_after_data] * (t - last));
}

double cities_urban_households(const economy *e, int m)
{
    /* The population (data, then the WPP 2024 projection: model/demography.c)
     * times the urban share, in households. */
    return demography_population(e, demography_year(e, m)) * cities_urban_share(e, m) /
           e->param[P_household_size];
}

/* Homes city c's households want this month to upgrade or replace: a share of
 * the gap between the saturation level and the stock (fades as it fills). */
double cities_upgrade_need(const economy *e, int32_t c, int m)
{
    (void)m;
    const double wanted = e->param[P_housing_saturation] * e->ci.households[c];
    return e->param[P_upgrade_rate] / 12.0 * yf_fmax(0.0, wanted - e->ci.homes[c]);
}

yf_status cities_init(economy *e, yf_diag *diag)
{
    cities *ci = &e->ci;
    const int32_t n = ci->n = e->size.cities;
    const size_t nn = (size_t)n;
    bool ok =
        (ci->tier = yf_calloc(nn, sizeof(int32_t))) != NULL && alloc_d(&ci->income_factor, nn) &&
        alloc_d(&ci->settle, nn) && alloc_d(&ci->households, nn) && alloc_d(&ci->homes, nn) &&
        alloc_d(&ci->investor_homes, nn) && alloc_d(&ci->price, nn) && alloc_d(&ci->price0, nn) &&
        alloc_d(&ci->price_ring, nn * 12) && alloc_d(&ci->growth_expected, nn) &&
        alloc_d(&ci->affordability0, nn) && alloc_d(&ci->pipeline, nn * HOUSING_MAX_LAG) &&
        alloc_d(&ci->presold, nn) && alloc_d(&ci->unsold, nn) && alloc_d(&ci->stalled, nn) &&
        alloc_d(&ci->sales_expected, nn) && alloc_d(&ci->demand, nn) &&
        alloc_d(&ci->demand_investor, nn) && alloc_d(&ci->sales_presale, nn) &&
        alloc_d(&ci->sales_completed, nn) && alloc_d(&ci->starts, nn) &&
        alloc_d(&ci->completions, nn) && alloc_d(&ci->land_value, nn) &&
        alloc_d(&ci->deposits, nn) && alloc_d(&ci->stalled_presold, nn) &&
        alloc_d(&ci->delivered, nn) && alloc_d(&ci->presold_before, nn) &&
        (e->lgfv_bank = yf_calloc(nn, sizeof(int32_t))) != NULL;
    if (!ok)
        return YF_ERR_NOMEM;
    double urban;
    if (!urban_households_in(e, e->size.start_year, &urban)) {
        snprintf(diag->message, sizeof diag->message,
                 "data/china_annual.csv needs 'population' and 'urban_population_share' for %d "
                 "(urban households of the opening housing market)",
                 e->size.start_year);
        return YF_ERR_ARGUMENT;
    }
    /* Normalise the tier factors so that the household-weighted averages are 1. */
    double wi = 0.0, wp = 0.0;
    for (int32_t c = 0; c < n; c++) {
        ci->tier[c] = tier_of(c, n);
        wi += e->city_weight[c] * tier_income[ci->tier[c]];
        wp += e->city_weight[c] * tier_price[ci->tier[c]];
    }
    const double lag = e->param[P_construction_months];
    /* Opening sales: the upgrade rate on the stock plus new households. */
    const double growth = cities_urban_households(e, 12) - cities_urban_households(e, 0);
    for (int32_t c = 0; c < n; c++) {
        const double w = e->city_weight[c];
        ci->income_factor[c] = tier_income[ci->tier[c]] / wi;
        ci->households[c] = cities_urban_households(e, 0) * w;
        ci->homes[c] = ci->households[c] * e->param[P_old_home_quality];
        ci->price[c] = ci->price0[c] = e->param[P_home_price_2000] * tier_price[ci->tier[c]] / wp;
        for (int k = 0; k < 12; k++)
            ci->price_ring[(size_t)c * 12 + (size_t)k] = ci->price[c];
        ci->sales_expected[c] =
            cities_upgrade_need(e, c, 0) +
            e->param[P_formation_purchase_share] * yf_fmax(0.0, growth) * w / 12.0;
        /* A pipeline that delivers the opening sales rate, presold at presale_share. */
        for (int k = 0; k < (int)lag && k < HOUSING_MAX_LAG; k++)
            ci->pipeline[(size_t)c * HOUSING_MAX_LAG + (size_t)k] = ci->sales_expected[c];
        ci->presold[c] = 0.5 * lag * ci->sales_expected[c] * e->param[P_presale_share];
        ci->unsold[c] = 0.5 * e->param[P_inventory_months] * ci->sales_expected[c];
    }
    return demography_init(e);
}

void cities_free(economy *e)
{
    cities *ci = &e->ci;
    double *d[] = {
        ci->income_factor,   ci->settle,         ci->households,      ci->homes,
        ci->investor_homes,  ci->price,          ci->price0,          ci->price_ring,
        ci->growth_expected, ci->affordability0, ci->pipeline,        ci->presold,
        ci->unsold,          ci->stalled,        ci->sales_expected,  ci->demand,
        ci->demand_investor, ci->sales_presale,  ci->sales_completed, ci->starts,
        ci->completions,     ci->land_value,     ci->deposits,        ci->stalled_presold,
        ci->delivered,       ci->presold_before};
    for (size_t k = 0; k < sizeof d / sizeof *d; k++)
        yf_mem_free(d[k]);
    yf_mem_free(ci->tier);
    yf_mem_free(e->lgfv_bank);
    demography_free(e);
}

double housing_price_index(const economy *e)
{
    double x = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++)
        x += e->city_weight[c] * e->ci.price[c];
    return e->house_price_index0 > 0.0 ? x / e->house_price_index0 : 1.0;
}

/* ---- the opening balance sheet of housing ---------------------------------- */

static double opening_build_cost(const economy *e)
{
    return e->param[P_build_cost_share] * e->param[P_home_price_2000];
}

double housing_opening_construction(const economy *e)
{
    double homes = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++)
        homes += e->ci.sales_expected[c];
    return homes * opening_build_cost(e);
}

/* Post claims of `instrument` from issuers to holders (other changes of month 1):
 * holder k gets hold[k], issuer j issues issue[j]; the totals are equal. The two
 * lists are walked together so that every pair's amount is exact. */
static yf_status open_pairs(
    economy *e, int instrument, int holder, const int64_t *hold, int issuer, const int64_t *issue)
{
    const int32_t nh = ledger_n_agents(e->L, holder), ni = ledger_n_agents(e->L, issuer);
    int32_t k = 0, j = 0;
    int64_t left_h = hold[0], left_i = issue[0];
    while (k < nh && j < ni) {
        const int64_t x = left_h < left_i ? left_h : left_i;
        if (x > 0) {
            yf_status st =
                ledger_revalue(e->L, instrument, ledger_acct(holder, k), ledger_acct(issuer, j), x);
            if (st != YF_OK)
                return economy_post(e, st, "opening housing claims");
        }
        left_h -= x;
        left_i -= x;
        if (left_h == 0 && ++k < nh)
            left_h = hold[k];
        if (left_i == 0 && ++j < ni)
            left_i = issue[j];
    }
    return YF_OK;
}

/* Households' opening homes, by skill within each city. */
static yf_status open_homes(economy *e)
{
    households *h = &e->hh;
    cities *ci = &e->ci;
    double *skill_sum = ci->deposits; /* scratch */
    for (int32_t c = 0; c < ci->n; c++)
        skill_sum[c] = 0.0;
    for (int32_t k = 0; k < h->n; k++)
        skill_sum[h->city[k]] += h->skill[k];
    for (int32_t c = 0; c < ci->n; c++)
        ci->homes[c] = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        const int32_t c = h->city[k];
        h->homes[k] = e->param[P_old_home_quality] * ci->households[c] * h->skill[k] / skill_sum[c];
        ci->homes[c] += h->homes[k];
        int64_t v;
        if (!economy_yuan(e, floor(h->homes[k] * ci->price[c]), "opening homes", &v))
            return YF_ERR_NUMERIC;
        yf_status st = ledger_revalue_tangible(e->L, I_HOUSING, ledger_acct(HH, k), v);
        if (st != YF_OK)
            return economy_post(e, st, "opening homes");
    }
    return YF_OK;
}

/* Presale claims of the opening pipeline: households of each city (by skill)
 * against developers (by market share). */
static yf_status open_presales(economy *e)
{
    households *h = &e->hh;
    cities *ci = &e->ci;
    double *skill_sum = ci->deposits;
    for (int32_t c = 0; c < ci->n; c++)
        skill_sum[c] = 0.0;
    for (int32_t k = 0; k < h->n; k++)
        skill_sum[h->city[k]] += h->skill[k];
    int64_t total = 0;
    for (int32_t k = 0; k < h->n; k++) {
        const int32_t c = h->city[k];
        h->amount[k] = (int64_t)floor(ci->presold[c] * ci->price[c] * h->skill[k] / skill_sum[c]);
        total += h->amount[k];
    }
    if (!economy_split(e, total, e->dv.share, e->dv.n, e->dv.amount, "opening presales"))
        return YF_ERR_NUMERIC;
    return open_pairs(e, I_PRESALE_CLAIMS, HH, h->amount, DEV, e->dv.amount);
}

yf_status housing_open(economy *e)
{
    cities *ci = &e->ci;
    developers *d = &e->dv;
    yf_status st;
    if ((st = open_homes(e)) != YF_OK || (st = open_presales(e)) != YF_OK)
        return st;
    /* Developers' inventory at cost: land at its residual value, half the
     * construction of homes in progress, all of it for unsold homes. */
    const double cost = opening_build_cost(e);
    double inventory = 0.0, building = 0.0, unsold = 0.0, sales = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        double in_progress = 0.0;
        for (int k = 0; k < HOUSING_MAX_LAG; k++)
            in_progress += ci->pipeline[(size_t)c * HOUSING_MAX_LAG + (size_t)k];
        const double land =
            e->param[P_land_bid_share] *
            yf_fmax(0.0, ci->price[c] * (1.0 - e->param[P_developer_margin]) - cost);
        inventory += in_progress * (land + 0.5 * cost) + ci->unsold[c] * (land + cost);
        building += in_progress;
        unsold += ci->unsold[c];
        sales += ci->sales_expected[c] * ci->price[c];
    }
    const int64_t *claims = ledger_positions(e->L, I_PRESALE_CLAIMS, DEV);
    for (int32_t j = 0; j < d->n; j++) {
        const ledger_account dev = ledger_acct(DEV, j), bank = ledger_acct(BANK, d->bank[j]);
        d->homes_building[j] = d->share[j] * building;
        d->inventory_homes[j] = d->share[j] * (building + unsold);
        d->sales_12m[j] = d->share[j] * 12.0 * sales;
        int64_t book, loans, cash;
        if (!economy_yuan(e, floor(d->share[j] * inventory), "opening inventory", &book) ||
            !economy_yuan(e, floor(d->leverage[j] * (double)book), "opening loans", &loans) ||
            !economy_yuan(e, floor(0.1 * (double)book), "opening cash", &cash))
            return YF_ERR_NUMERIC;
        if ((st = ledger_revalue_tangible(e->L, I_LAND_AND_INVENTORY, dev, book)) != YF_OK ||
            (st = ledger_revalue(e->L, I_DEVELOPER_LOANS, bank, dev, loans)) != YF_OK ||
            (st = ledger_revalue(e->L, I_DEPOSITS, dev, bank, cash)) != YF_OK)
            return economy_post(e, st, "opening developers");
        const int64_t nw = book + cash - loans + claims[j];
        d->amount[j] = nw > 0 ? nw : 0;
    }
    /* Developers' equity, held by households by equity weight. */
    const int64_t equity = economy_sum(d->amount, d->n);
    if (!economy_split(e, equity, e->hh.equity_weight, e->hh.n, e->hh.amount, "opening equity"))
        return YF_ERR_NUMERIC;
    return open_pairs(e, I_EQUITY, HH, e->hh.amount, DEV, d->amount);
}
