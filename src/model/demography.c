/*
 * demography.c: population, working age, urbanisation and the households of
 * each city (docs/model.md 4.14; docs/demography.md).
 *
 * National paths come from data (data/china_annual.csv, data/demography.csv):
 * the population to its last data year, then the UN World Population
 * Prospects 2024 medium variant (its growth applied to the last data year);
 * crude birth and death rates (WPP 2024 estimates to 2023, medium variant to
 * 2035); the working-age (15-64) population of the WDI to 2021.
 *
 * City households H_c evolve each month by natural growth and migration:
 *
 *   natural    N_c = H_c (b r_b,c - d r_d,c) / 12000   (b, d: national crude rates
 *              per mille; r = 1 except in the rust-belt group, whose rates are
 *              rust_belt_birth_ratio and rust_belt_death_ratio times the national)
 *   movers     household_churn/12 of every city's households choose a city again
 *   arrivals   A = H(m+1) - sum_c (H_c + N_c): the rural-urban move that the
 *              national urbanisation path (cities_urban_households) asks for
 *   H_c'      = H_c + N_c - churn H_c / 12 + s_c (A + churn sum H / 12)
 *
 * s_c are the settlement weights (size x relative income, hukou friction:
 * docs/model.md 4.10). Relative income is the tier factor times a local term:
 * 1 + local_construction_income (the city's smoothed home sales per household
 * over the national rate - 1), normalised to a household-weighted mean of 1. The sum of H_c' is the national path exactly (a last
 * rescaling removes rounding). City weights (the population shares used by
 * local spending and the price index) follow H_c. New urban households of the
 * month are placed where households grew: formation_c = dH x max(0, dH_c) /
 * sum max(0, dH_c'), so the national count of new households is the data's
 * and a shrinking city forms none.
 *
 * The rust-belt group is an input: rust_belt_share of the 2000 urban
 * population, taken by error diffusion from the cities of tiers 2 to 4 in
 * size order (so its tier mix is theirs).
 */
#include <math.h>

#include "core/core.h"
#include "model/economy.h"

/* An annual series of `d` at fractional year t (annual values stand for
 * mid-year; linear in between). False outside its data. */
static bool at_year(const data_set *d, const char *name, double t, double *out)
{
    const double u = t - 0.5;
    const int y = (int)floor(u);
    double a, b;
    if (!d || !data_annual(d, name, y, &a) || !data_annual(d, name, y + 1, &b))
        return false;
    *out = a + (b - a) * (u - y);
    return true;
}

double demography_year(const economy *e, int m)
{
    return e->size.start_year + (m + 0.5) / 12.0;
}

double demography_population(const economy *e, double t)
{
    static const char *const projection = "population_projection_wpp2024";
    double p;
    if (at_year(e->annual, "population", t, &p))
        return p;
    const int last = data_last_period(e->annual, "population");
    double p_last, w_last, w;
    if (!data_annual(e->annual, "population", last, &p_last))
        return 0.0;
    if (t - 0.5 < last || !data_annual(e->demog, projection, last, &w_last) || w_last <= 0.0)
        return p_last;
    /* Beyond the data: the projection's growth from the last data year (held
     * after the projection's last year). */
    if (!at_year(e->demog, projection, t, &w) &&
        !data_annual(e->demog, projection, data_last_period(e->demog, projection), &w))
        return p_last;
    return p_last * w / w_last;
}

/* Crude birth or death rate per person per year at t (the nearest year held
 * outside the data). */
static double crude_rate(const economy *e, const char *name, double t)
{
    double r;
    if (at_year(e->demog, name, t, &r))
        return r / 1000.0;
    const int first = data_first_period(e->demog, name), last = data_last_period(e->demog, name);
    const int y = t - 0.5 < first ? first : last;
    return data_annual(e->demog, name, y, &r) ? r / 1000.0 : 0.0;
}

double demography_working_age(const economy *e, int m)
{
    const double t = demography_year(e, m);
    double w;
    if (at_year(e->demog, "working_age_population", t, &w))
        return w;
    const int first = data_first_period(e->demog, "working_age_population");
    if (t - 0.5 < first)
        return data_annual(e->demog, "working_age_population", first, &w) ? w : 0.0;
    /* After 2021 (the last WDI year): the working-age population moves with
     * the labour force (data to 2024, then the population projection). */
    const int last = data_last_period(e->demog, "working_age_population");
    double w_last, lf_last;
    if (!data_annual(e->demog, "working_age_population", last, &w_last) ||
        !data_annual(e->annual, "labour_force", last, &lf_last) || lf_last <= 0.0)
        return 0.0;
    if (t - 0.5 < last)
        return w_last;
    return w_last * e->m.labour_force / lf_last;
}

/* Pick the rust-belt cities (tiers 2-4, by error diffusion on size). */
static void choose_rust_belt(economy *e)
{
    cities *ci = &e->ci;
    double lower = 0.0;
    for (int32_t c = 0; c < ci->n; c++)
        lower += ci->tier[c] >= 2 ? e->city_weight[c] : 0.0;
    const double f = lower > 0.0 ? yf_fmin(1.0, e->param[P_rust_belt_share] / lower) : 0.0;
    double owed = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        ci->rust_belt[c] = false;
        if (ci->tier[c] < 2)
            continue;
        owed += f * e->city_weight[c];
        if (owed >= 0.5 * e->city_weight[c]) {
            ci->rust_belt[c] = true;
            owed -= e->city_weight[c];
        }
    }
}

yf_status demography_init(economy *e)
{
    cities *ci = &e->ci;
    const size_t n = (size_t)ci->n;
    if (!(ci->rust_belt = yf_calloc(n, sizeof(bool))) ||
        !(ci->formation = yf_calloc(n, sizeof(double))) ||
        !(ci->households_next = yf_calloc(n, sizeof(double))) ||
        !(ci->income_tier = yf_calloc(n, sizeof(double))))
        return YF_ERR_NOMEM;
    for (int32_t c = 0; c < ci->n; c++)
        ci->income_tier[c] = ci->income_factor[c];
    choose_rust_belt(e);
    return YF_OK;
}

void demography_free(economy *e)
{
    yf_mem_free(e->ci.rust_belt);
    yf_mem_free(e->ci.formation);
    yf_mem_free(e->ci.households_next);
    yf_mem_free(e->ci.income_tier);
}

/* Local income: the tier factor times 1 + local_construction_income x (the
 * city's home sales per household over the national rate - 1), normalised so
 * that the household-weighted average stays 1. A city where few homes sell
 * (few new households) earns less from building them, and people leave. */
static void local_incomes(economy *e)
{
    cities *ci = &e->ci;
    const double k = e->param[P_local_construction_income];
    double sales = 0.0, urban = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        sales += ci->sales_expected[c];
        urban += ci->households[c];
    }
    const double national = urban > 0.0 ? sales / urban : 0.0;
    double avg = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        const double rate =
            ci->households[c] > 0.0 ? ci->sales_expected[c] / ci->households[c] : 0.0;
        const double rel = national > 0.0 ? yf_fmin(3.0, rate / national) : 1.0;
        ci->income_factor[c] = ci->income_tier[c] * yf_fmax(0.1, 1.0 + k * (rel - 1.0));
        avg += e->city_weight[c] * ci->income_factor[c];
    }
    for (int32_t c = 0; c < ci->n; c++)
        ci->income_factor[c] = avg > 0.0 ? ci->income_factor[c] / avg : ci->income_tier[c];
}

/* Where movers and new urban households settle: the city's size times its
 * income relative to the average to the power migration_elasticity, a pull
 * that residence permits (hukou) cut by hukou_friction in tiers 1-2. Weights
 * sum to 1; kept in ci->settle. */
static void settlement_weights(economy *e)
{
    cities *ci = &e->ci;
    const double pull = e->param[P_migration_elasticity];
    const double friction = e->param[P_hukou_friction];
    double sum = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        const double k = ci->tier[c] <= 2 ? pull * (1.0 - friction) : pull;
        ci->settle[c] = e->city_weight[c] * pow(ci->income_factor[c], k);
        sum += ci->settle[c];
    }
    for (int32_t c = 0; c < ci->n; c++)
        ci->settle[c] = sum > 0.0 ? ci->settle[c] / sum : e->city_weight[c];
}

void demography_update(economy *e, int m)
{
    cities *ci = &e->ci;
    local_incomes(e);
    settlement_weights(e);
    const double t = demography_year(e, m);
    const double birth = crude_rate(e, "birth_rate_national", t);
    const double death = crude_rate(e, "death_rate_national", t);
    const double churn = e->param[P_household_churn] / 12.0;
    double after_natural = 0.0, total = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        const bool rb = ci->rust_belt[c];
        const double b = birth * (rb ? e->param[P_rust_belt_birth_ratio] : 1.0);
        const double d = death * (rb ? e->param[P_rust_belt_death_ratio] : 1.0);
        ci->households_next[c] = ci->households[c] * (1.0 + (b - d) / 12.0 - churn);
        after_natural += ci->households[c] * (1.0 + (b - d) / 12.0);
        total += ci->households[c];
    }
    const double target = cities_urban_households(e, m + 1);
    const double arrivals = target - after_natural + churn * total;
    double grown = 0.0, sum = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        ci->households_next[c] = yf_fmax(0.0, ci->households_next[c] + ci->settle[c] * arrivals);
        sum += ci->households_next[c];
    }
    const double scale = sum > 0.0 ? target / sum : 1.0;
    for (int32_t c = 0; c < ci->n; c++) {
        ci->households_next[c] *= scale;
        ci->formation[c] = yf_fmax(0.0, ci->households_next[c] - ci->households[c]);
        grown += ci->formation[c];
    }
    /* New households nationally (the data's), placed where households grew. */
    const double formed = yf_fmax(0.0, target - cities_urban_households(e, m));
    for (int32_t c = 0; c < ci->n; c++) {
        ci->formation[c] = grown > 0.0 ? formed * ci->formation[c] / grown : 0.0;
        ci->households[c] = ci->households_next[c];
        e->city_weight[c] = target > 0.0 ? ci->households[c] / target : e->city_weight[c];
    }
}

/* ---- series ------------------------------------------------------------ */

double demography_rust_belt(const economy *e, double *price_weighted, double *income)
{
    const cities *ci = &e->ci;
    const double urban = cities_urban_households(e, e->month);
    /* Disposable income per urban household: the rule of markets/housing.c. */
    const double per_household = e->m.gdp_month * 0.6 / yf_fmax(1.0, urban);
    double h = 0.0, p = 0.0, y = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        if (!ci->rust_belt[c])
            continue;
        h += ci->households[c];
        p += ci->households[c] * ci->price[c];
        y += ci->households[c] * per_household * ci->income_factor[c];
    }
    *price_weighted = h > 0.0 ? p / h : 0.0;
    *income = y;
    return h;
}
