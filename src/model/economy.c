/*
 * economy.c: building a run (agents, opening balance sheet from the data of
 * 2000) and running it month by month (docs/model.md sections 1-3).
 *
 * The opening balance sheet is posted as other changes of month 1 through the
 * ledger, so that the first close already checks it: deposits (M2) split
 * between households, firms and local governments; business loans (private
 * credit); central bonds (general government debt) held by banks; FX reserves;
 * required reserves; PBOC lending closing the PBOC's balance sheet; productive
 * capital; and equity at book value, which leaves firms and banks with zero
 * net worth and gives households the claims on them.
 */
#include "economy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "model/industries.h"
#include "model/technology.h"

/* Opening shares of M2 after local governments' deposits (assumption; the data
 * have no sector split). Local governments open with one month of their
 * spending: three quarters of government consumption (seed 000: they do 70-85%
 * of budget spending). */
static const double DEPOSITS_HOUSEHOLDS = 0.6, LOCAL_SHARE_OF_SPENDING = 0.75;
/* Opening treasury balance at the PBOC, months of central spending (assumption). */
static const double TREASURY_MONTHS_OF_GDP = 0.1;

void economy_month_label(const economy *e, int m, char *out, int out_size)
{
    snprintf(out, (size_t)out_size, "%04d-%02d", e->size.start_year + m / 12, m % 12 + 1);
}

yf_status economy_post(economy *e, yf_status st, const char *what)
{
    if (st != YF_OK) {
        char month[16];
        economy_month_label(e, e->month, month, sizeof month);
        snprintf(e->msg, sizeof e->msg, "%s: %s: %s", month, what, ledger_message(e->L));
    }
    return st;
}

bool economy_yuan_refused(economy *e, double x, const char *what, int64_t *out)
{
    *out = 0;
    char month[16];
    economy_month_label(e, e->month, month, sizeof month);
    bool beyond = isfinite(x) && fabs(x) >= 9223372036854775808.0; /* 2^63 */
    snprintf(e->msg, sizeof e->msg, "%s: %s is %g yuan, %s", month, what, x,
             beyond ? "beyond the int64 yuan range" : "not a finite non-negative amount");
    return false;
}

bool economy_apportion(economy *e, double total, const double *w, int32_t n, int64_t *out,
                       const char *what)
{
    int64_t t;
    return economy_yuan(e, total, what, &t) && economy_split(e, t, w, n, out, what);
}

bool economy_split(economy *e, int64_t total, const double *w, int32_t n, int64_t *out,
                   const char *what)
{
    if (money_apportion(total, w, n, out))
        return true;
    char month[16];
    economy_month_label(e, e->month, month, sizeof month);
    snprintf(e->msg, sizeof e->msg, "%s: cannot split %s: its weights are not usable", month,
             what);
    return false;
}

int64_t economy_sum(const int64_t *a, int32_t n)
{
    int64_t s = 0;
    for (int32_t k = 0; k < n; k++)
        s += a[k]; /* each array holds one posting's amounts, whose total fits */
    return s;
}

double economy_workers_per_household(const economy *e)
{
    return e->m.labour_force / (double)e->hh.n;
}

double economy_demand_pressure(const economy *e)
{
    double pressure = 0.0, weight = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        pressure += e->ind[s].demand_pressure * e->ind[s].sales;
        weight += e->ind[s].sales;
    }
    return weight > 0.0 ? pressure / weight : e->param[P_u_normal];
}

double economy_import_price(const economy *e)
{
    const double foreign = pow(1.0 + e->param[P_foreign_inflation], e->month / 12.0);
    return e->m.usdcny / e->world.usdcny[0] * foreign;
}

double economy_inflation_12m(const economy *e)
{
    return e->m.cpi / e->m.cpi_lag12[e->month % 12] - 1.0;
}

double economy_gdp_12m(const economy *e)
{
    double s = 0.0;
    for (int k = 0; k < 12; k++)
        s += e->m.gdp_ring[k];
    return s;
}

/* ---- allocation ----------------------------------------------------------- */

static bool alloc_doubles(double **p, int32_t n)
{
    return (*p = yf_calloc((size_t)n, sizeof(double))) != NULL;
}

static bool alloc_money(int64_t **p, int32_t n)
{
    return (*p = yf_calloc((size_t)n, sizeof(int64_t))) != NULL;
}

static bool alloc_agents(economy *e)
{
    households *h = &e->hh;
    firms *f = &e->fi;
    h->n = e->size.households;
    f->n = e->size.firms;
    bool ok = alloc_doubles(&h->rank, h->n) && alloc_doubles(&h->skill, h->n) &&
              alloc_doubles(&h->equity_weight, h->n) && alloc_doubles(&h->exposure, h->n) &&
              alloc_doubles(&h->employed, h->n) && alloc_doubles(&h->income_expected, h->n) &&
              alloc_doubles(&h->income, h->n) && alloc_doubles(&h->weight, h->n) &&
              alloc_money(&h->amount, h->n) && alloc_money(&h->amount2, h->n) &&
              alloc_doubles(&h->consumption_plan, h->n) && alloc_doubles(&h->wage_income, h->n) &&
              alloc_doubles(&h->homes, h->n) &&
              (h->city = yf_calloc((size_t)h->n, sizeof(int32_t))) != NULL &&
              (h->bank = yf_calloc((size_t)h->n, sizeof(int32_t))) != NULL;
    ok = ok && (f->industry = yf_calloc((size_t)f->n, sizeof(int32_t))) != NULL &&
         alloc_doubles(&f->share, f->n) && alloc_doubles(&f->capital_real, f->n) &&
         alloc_doubles(&f->profit, f->n) && alloc_doubles(&f->weight, f->n) &&
         alloc_doubles(&f->revenue, f->n) && alloc_doubles(&f->costs, f->n) &&
         (f->bank = yf_calloc((size_t)f->n, sizeof(int32_t))) != NULL &&
         alloc_money(&f->amount, f->n) && alloc_money(&f->amount2, f->n) &&
         alloc_money(&f->investment_paid, f->n);
    ok = ok && alloc_doubles(&e->city_weight, e->size.cities) &&
         alloc_doubles(&e->city_budget, e->size.cities) &&
         alloc_doubles(&e->city_transfer_weight, e->size.cities) &&
         alloc_money(&e->city_amount, e->size.cities) &&
         (e->city_bank = yf_calloc((size_t)e->size.cities, sizeof(int32_t))) != NULL;
    return ok;
}

void economy_free(economy *e)
{
    if (!e)
        return;
    households *h = &e->hh;
    firms *f = &e->fi;
    double *d[] = {h->rank,        h->skill,          h->equity_weight, h->exposure,
                   h->employed,    h->income_expected, h->income,        h->weight,
                   f->share,       f->capital_real,   f->profit,        f->weight,
                   e->city_weight, e->city_budget, e->city_transfer_weight,
                   h->consumption_plan, h->wage_income,
                   f->revenue,
                   f->costs, h->homes};
    for (size_t k = 0; k < sizeof d / sizeof *d; k++)
        yf_mem_free(d[k]);
    int64_t *i64[] = {h->amount, h->amount2, f->amount, f->amount2, f->investment_paid,
                      e->city_amount};
    for (size_t k = 0; k < sizeof i64 / sizeof *i64; k++)
        yf_mem_free(i64[k]);
    yf_mem_free(h->city);
    yf_mem_free(h->bank);
    yf_mem_free(f->bank);
    yf_mem_free(e->city_bank);
    yf_mem_free(f->industry);
    cities_free(e);
    developers_free(e);
    emerging_free(e);
    for (int k = 0; k < e->n_series; k++)
        yf_mem_free(e->out[k].values);
    yf_mem_free(e->out);
    world_path_release(&e->world);
    data_free(e->annual);
    data_free(e->monthly);
    data_free(e->gdp);
    data_free(e->demog);
    ledger_free(e->L);
    yf_mem_free(e);
}

/* ---- households ----------------------------------------------------------- */

/* The standard normal quantile, by Newton's method on erfc (exact to double
 * precision for p in [1e-12, 1 - 1e-12]). */
static double normal_quantile(double p)
{
    double z = 0.0;
    for (int it = 0; it < 60; it++) {
        double cdf = 0.5 * erfc(-z / sqrt(2.0));
        double pdf = exp(-0.5 * z * z) / sqrt(2.0 * 3.14159265358979323846);
        double step = (cdf - p) / pdf;
        z -= step;
        if (fabs(step) < 1e-13)
            break;
    }
    return z;
}

/*
 * Fixed household attributes. Agent k has income rank (k + 1/2)/n; its skill is
 * the lognormal quantile of that rank, so the distribution is the same at any
 * agent count (DESIGN 1.7) without random draws. Cities are spread so that no
 * city is tied to a rank band.
 */
static void households_init(economy *e)
{
    households *h = &e->hh;
    const double sigma = e->param[P_skill_dispersion];
    double skill_sum = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        h->rank[k] = ((double)k + 0.5) / (double)h->n;
        h->skill[k] = exp(sigma * normal_quantile(h->rank[k]));
        skill_sum += h->skill[k];
    }
    double equity_sum = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        h->skill[k] *= (double)h->n / skill_sum;
        h->exposure[k] = 2.0 * (1.0 - h->rank[k]);
        h->equity_weight[k] = pow(h->skill[k], e->param[P_equity_concentration]);
        equity_sum += h->equity_weight[k];
        h->employed[k] = 1.0;
    }
    for (int32_t k = 0; k < h->n; k++)
        h->equity_weight[k] /= equity_sum;
    /* Zipf city sizes; household k goes to the city holding position (k * p) mod n
     * of the cumulative population, p a prime that scatters ranks over cities. */
    const int32_t nc = e->size.cities;
    double total = 0.0;
    for (int32_t c = 0; c < nc; c++)
        total += e->city_weight[c] = 1.0 / (double)(c + 1);
    for (int32_t c = 0; c < nc; c++) {
        e->city_weight[c] /= total;
        /* Cities are ordered by size; a smaller city gets up to twice as much per head. */
        e->city_transfer_weight[c] = e->city_weight[c] * (1.0 + (double)c / (double)nc);
    }
    for (int32_t k = 0; k < h->n; k++) {
        double pos = ((double)(((int64_t)k * 7919) % h->n) + 0.5) / (double)h->n, cum = 0.0;
        int32_t c = 0;
        while (c < nc - 1 && (cum += e->city_weight[c]) < pos)
            c++;
        h->city[k] = c;
    }
}

/* The bank of a depositor: 70% at one of the five national banks, the rest at the
 * local bank group of its city's tier (cities ordered by size, tiers 4/15/30/70/181
 * of 300, scaled to the city count). */
static int32_t bank_of(const economy *e, int32_t k, int32_t city)
{
    if (k % 10 < 7)
        return k % N_BANKS_NATIONAL;
    static const int tier_end[N_TIERS] = {4, 19, 49, 119, 300};
    int32_t tier = 0;
    while (tier < N_TIERS - 1 && city * 300 >= tier_end[tier] * e->size.cities)
        tier++;
    return N_BANKS_NATIONAL + tier;
}

/* ---- firms ---------------------------------------------------------------- */

/* Firms are spread over industries by industry_table's firm shares; within an
 * industry, sizes are Zipf-like (share of the j-th firm proportional to 1/(j+1)). */
static void firms_init(economy *e)
{
    firms *f = &e->fi;
    int32_t first = 0;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        int32_t count = s == N_INDUSTRIES - 1
                            ? f->n - first
                            : (int32_t)lround(industry_table[s].firm_share * (double)f->n);
        if (count < 1)
            count = 1;
        if (first + count > f->n)
            count = f->n - first;
        double sum = 0.0;
        for (int32_t j = 0; j < count; j++) {
            f->industry[first + j] = s;
            sum += f->share[first + j] = 1.0 / (double)(j + 1);
        }
        for (int32_t j = 0; j < count; j++)
            f->share[first + j] /= sum;
        first += count;
    }
}

/* ---- the opening balance sheet --------------------------------------------- */

static yf_status need(economy *e, const char *name, int year, double *out, yf_diag *diag)
{
    if (data_annual(e->annual, name, year, out))
        return YF_OK;
    snprintf(diag->message, sizeof diag->message,
             "data/china_annual.csv has no value of '%s' for %d, needed for the opening "
             "balance sheet",
             name, year);
    return YF_ERR_ARGUMENT;
}

/* Post `total` of a claim from issuer agents to holder agents, apportioned by
 * weights over the holders (other changes of month 1). */
static yf_status open_claims(economy *e, int instrument, int holder, const double *w,
                             int64_t total, ledger_account issuer_of(const economy *, int32_t))
{
    int32_t n = ledger_n_agents(e->L, holder);
    int64_t *part = holder == HH ? e->hh.amount : holder == FIRM ? e->fi.amount : e->city_amount;
    if (!money_apportion(total, w, n, part))
        return YF_ERR_NUMERIC;
    for (int32_t k = 0; k < n; k++) {
        if (part[k] == 0)
            continue;
        yf_status st = ledger_revalue(e->L, instrument, ledger_acct(holder, k), issuer_of(e, k),
                                      part[k]);
        if (st != YF_OK)
            return economy_post(e, st, "opening balance sheet");
    }
    return YF_OK;
}

static ledger_account bank_of_household(const economy *e, int32_t k)
{
    return ledger_acct(BANK, bank_of(e, k, e->hh.city[k]));
}

static ledger_account bank_of_firm(const economy *e, int32_t k)
{
    return ledger_acct(BANK, bank_of(e, k, k % e->size.cities));
}

static ledger_account bank_of_city(const economy *e, int32_t c)
{
    return ledger_acct(BANK, bank_of(e, c, c));
}

static yf_status assign_banks(economy *e)
{
    yf_status st = YF_OK;
    for (int32_t k = 0; st == YF_OK && k < e->hh.n; k++) {
        e->hh.bank[k] = bank_of_household(e, k).agent;
        st = ledger_assign_parent(e->L, ledger_acct(HH, k), e->hh.bank[k]);
    }
    for (int32_t k = 0; st == YF_OK && k < e->fi.n; k++) {
        e->fi.bank[k] = bank_of_firm(e, k).agent;
        st = ledger_assign_parent(e->L, ledger_acct(FIRM, k), e->fi.bank[k]);
    }
    for (int32_t c = 0; st == YF_OK && c < e->size.cities; c++) {
        e->city_bank[c] = e->lgfv_bank[c] = bank_of_city(e, c).agent;
        st = ledger_assign_parent(e->L, ledger_acct(LG, c), e->city_bank[c]);
        if (st == YF_OK)
            st = ledger_assign_parent(e->L, ledger_acct(LGFV, c), e->lgfv_bank[c]);
    }
    for (int32_t j = 0; st == YF_OK && j < e->dv.n; j++)
        st = ledger_assign_parent(e->L, ledger_acct(DEV, j), e->dv.bank[j]);
    return economy_post(e, st, "assigning banks");
}

/* Opening industry state: sales by industry from the expenditure shares of the
 * first year, capital at capital_output times value added at normal utilisation,
 * employment and productivity from the labour force. */
static void industries_init(economy *e, double gdp_month, const double *demand_month,
                            double employment)
{
    double value_added[N_INDUSTRIES], va_total = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        double sales = 0.0;
        for (int d = 0; d < N_DEMANDS; d++)
            sales += industry_table[s].demand_share[d] * demand_month[d];
        x->price = 1.0;
        x->sales = x->output = x->demand_expected = sales;
        x->import_content = industry_table[s].import_content;
        value_added[s] = sales * (1.0 - x->import_content);
        va_total += value_added[s];
        x->utilisation = e->param[P_u_normal];
        x->rationing = 1.0;
    }
    const double capital = e->param[P_capital_output] * 12.0 * gdp_month;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        x->capital_real = capital * value_added[s] / va_total;
        x->employment = employment * value_added[s] / va_total;
        x->productivity = x->productivity0 = value_added[s] / x->employment;
        /* Capital per unit of capacity (real sales per month), fixed. */
        x->capital_coefficient = x->capital_real * e->param[P_u_normal] / x->sales;
        /* The investment share that makes capacity grow at the expected rate. */
        x->investment_share = (e->param[P_depreciation] + x->demand_growth_expected) / 12.0 *
                              x->capital_real / x->sales;
    }
    for (int32_t f = 0; f < e->fi.n; f++) {
        int s = e->fi.industry[f];
        e->fi.capital_real[f] = e->ind[s].capital_real * e->fi.share[f];
    }
}

static yf_status opening_balance_sheet(economy *e, yf_diag *diag)
{
    const int y0 = e->size.start_year;
    double gdp, m2, fx_usd, debt_share, credit_share, lf, unemployment, c_share, g_share, i_share;
    double x_usd, rate, growth;
    yf_status st;
    if ((st = need(e, "gdp_nominal_lcu", y0, &gdp, diag)) != YF_OK ||
        (st = need(e, "m2_broad_money_lcu", y0, &m2, diag)) != YF_OK ||
        (st = need(e, "fx_reserves_excl_gold_usd", y0 - 1, &fx_usd, diag)) != YF_OK ||
        (st = need(e, "general_govt_gross_debt_share_gdp", y0, &debt_share, diag)) != YF_OK ||
        (st = need(e, "domestic_credit_private_sector_share_gdp", y0, &credit_share, diag)) !=
            YF_OK ||
        (st = need(e, "labour_force", y0, &lf, diag)) != YF_OK ||
        (st = need(e, "unemployment_rate_ilo", y0, &unemployment, diag)) != YF_OK ||
        (st = need(e, "household_consumption_share_gdp", y0, &c_share, diag)) != YF_OK ||
        (st = need(e, "government_consumption_share_gdp", y0, &g_share, diag)) != YF_OK ||
        (st = need(e, "gross_capital_formation_share_gdp", y0, &i_share, diag)) != YF_OK ||
        (st = need(e, "exports_gs_usd", y0, &x_usd, diag)) != YF_OK ||
        (st = need(e, "policy_rate_cbrate", y0, &rate, diag)) != YF_OK ||
        (st = need(e, "gdp_real_growth", y0, &growth, diag)) != YF_OK)
        return st;
    macro_state *m = &e->m;
    const double gdp_month = gdp / 12.0;
    m->usdcny = e->world.usdcny[0];
    m->usdcny_lag12 = m->usdcny;
    m->labour_force = lf;
    m->rural_reserve = e->param[P_rural_surplus] * lf;
    m->urban_labour_force = lf - m->rural_reserve;
    m->unemployment = m->unemployment_expected = m->labour_gap = unemployment / 100.0;
    m->policy_rate = rate / 100.0;
    m->cpi = 1.0;
    for (int k = 0; k < 12; k++) {
        m->gdp_ring[k] = gdp_month;
        m->gdp_real_ring[k] = gdp_month;
        m->cpi_lag12[k] = 1.0;
    }
    m->gdp_month = m->gdp_real_month = gdp_month;
    m->inflation_adaptive = 0.0;
    m->inflation_expected = e->param[P_inflation_anchor] * e->param[P_inflation_target];
    /* Demand by component in the first month; exports in yuan at the managed rate. */
    double demand[N_DEMANDS];
    demand[D_CONSUMPTION] = c_share / 100.0 * gdp_month;
    demand[D_GOVERNMENT] = g_share / 100.0 * gdp_month * (1.0 - e->param[P_public_wage_share]);
    /* Capital formation less what developers and LGFVs build (markets/housing.c,
     * agents/local_finance.c): the rest is business investment. */
    demand[D_INVESTMENT] = yf_fmax(0.1 * i_share / 100.0 * gdp_month,
                                   i_share / 100.0 * gdp_month - housing_opening_construction(e) -
                                       e->param[P_lgfv_infrastructure] * gdp_month);
    demand[D_EXPORTS] = x_usd / 12.0 * m->usdcny;
    e->exports_usd_base = x_usd / 12.0;
    const double employment = m->urban_labour_force * (1.0 - m->unemployment);
    /* The wage that gives firms' wages the target share of their value added,
     * with public employment being the public wage bill at that wage:
     * w (E - PW / w) = ws VA, so w = (ws VA + PW) / E. */
    const double public_wages = g_share / 100.0 * gdp_month * e->param[P_public_wage_share];
    double va = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        double sales = 0.0;
        for (int d = 0; d < N_DEMANDS; d++)
            sales += industry_table[s].demand_share[d] * demand[d];
        va += sales * (1.0 - industry_table[s].import_content);
    }
    m->wage = m->wage0 = (e->param[P_wage_share_target] * va + public_wages) / employment;
    const double private_employment = employment - public_wages / m->wage;
    for (int s = 0; s < N_INDUSTRIES; s++)
        e->ind[s].demand_growth_expected = e->ind[s].output_growth_expected = growth / 100.0;
    industries_init(e, gdp_month, demand, private_employment);
    m->productivity_growth = technology_growth_opening(e) + e->param[P_verdoorn] * growth / 100.0;
    double tariff;
    m->tariff_china = data_annual(e->annual, "china_applied_tariff_weighted_mean", y0, &tariff)
                          ? tariff / 100.0
                          : 0.0;
    /* Expected disposable income: the household's wage at full employment of its
     * workers plus a seventh for interest and dividends (assumption; expectations
     * adapt within months). */
    const double paid_workers = employment / (double)e->hh.n;
    for (int32_t k = 0; k < e->hh.n; k++)
        e->hh.income_expected[k] = 1.15 * m->wage * paid_workers * e->hh.skill[k];
    m->fx_reserves_usd = fx_usd;
    double tax_share;
    if ((st = need(e, "general_govt_tax_revenue_share_gdp", y0, &tax_share, diag)) != YF_OK)
        return st;
    /* Central revenue before the first month: half of the tax take (tax sharing). */
    m->last_central_revenue = 0.5 * tax_share / 100.0 * gdp_month;

    /* Claims. Each call posts a total apportioned over the holders. */
    const double *hhw = e->hh.weight;
    for (int32_t k = 0; k < e->hh.n; k++)
        e->hh.weight[k] = pow(e->hh.skill[k], e->param[P_deposit_concentration]);
    int64_t dep_h, dep_f, dep_lg, loans, bonds, fx, treasury;
    const double local = LOCAL_SHARE_OF_SPENDING * g_share / 100.0 * gdp_month;
    if (!money_from_double((m2 - local) * DEPOSITS_HOUSEHOLDS, &dep_h) ||
        !money_from_double((m2 - local) * (1.0 - DEPOSITS_HOUSEHOLDS), &dep_f) ||
        !money_from_double(local, &dep_lg) ||
        !money_from_double(credit_share / 100.0 * gdp, &loans) ||
        !money_from_double(debt_share / 100.0 * gdp, &bonds) ||
        !money_from_double(fx_usd * m->usdcny, &fx) ||
        !money_from_double(TREASURY_MONTHS_OF_GDP * gdp_month, &treasury))
        return YF_ERR_NUMERIC;
    if ((st = open_claims(e, I_DEPOSITS, HH, hhw, dep_h, bank_of_household)) != YF_OK)
        return st;
    /* Firms' deposits and loans in proportion to their sales. */
    for (int32_t f = 0; f < e->fi.n; f++)
        e->fi.weight[f] = e->fi.share[f] * e->ind[e->fi.industry[f]].sales;
    if ((st = open_claims(e, I_DEPOSITS, FIRM, e->fi.weight, dep_f, bank_of_firm)) != YF_OK)
        return st;
    if ((st = open_claims(e, I_DEPOSITS, LG, e->city_weight, dep_lg, bank_of_city)) != YF_OK)
        return st;
    /* Business loans: owed by firms (holder side: the bank of the firm). */
    if (!money_apportion(loans, e->fi.weight, e->fi.n, e->fi.amount))
        return YF_ERR_NUMERIC;
    for (int32_t f = 0; f < e->fi.n; f++)
        if (e->fi.amount[f] &&
            (st = ledger_revalue(e->L, I_BUSINESS_LOANS, bank_of_firm(e, f), ledger_acct(FIRM, f),
                                 e->fi.amount[f])) != YF_OK)
            return economy_post(e, st, "opening business loans");
    /* Central bonds and reserves by bank, in proportion to each bank's deposits. */
    double bank_w[16];
    for (int32_t b = 0; b < e->n_banks; b++)
        bank_w[b] = (double)-ledger_position(e->L, I_DEPOSITS, ledger_acct(BANK, b));
    int64_t part[16];
    int64_t required;
    if (!money_from_double(e->param[P_reserve_ratio] * m2, &required) ||
        !money_apportion(bonds, bank_w, e->n_banks, part))
        return YF_ERR_NUMERIC;
    for (int32_t b = 0; b < e->n_banks; b++)
        if ((st = ledger_revalue(e->L, I_CENTRAL_BONDS, ledger_acct(BANK, b), ledger_acct(CG, 0),
                                 part[b])) != YF_OK)
            return economy_post(e, st, "opening central bonds");
    if (!money_apportion(required, bank_w, e->n_banks, part))
        return YF_ERR_NUMERIC;
    for (int32_t b = 0; b < e->n_banks; b++)
        if ((st = ledger_revalue(e->L, I_RESERVES, ledger_acct(BANK, b), ledger_acct(PBOC, 0),
                                 part[b])) != YF_OK)
            return economy_post(e, st, "opening reserves");
    if ((st = ledger_revalue(e->L, I_FX_RESERVES, ledger_acct(PBOC, 0), ledger_acct(ROW, 0), fx)) !=
            YF_OK ||
        (st = ledger_revalue(e->L, I_TREASURY, ledger_acct(CG, 0), ledger_acct(PBOC, 0),
                             treasury)) != YF_OK)
        return economy_post(e, st, "opening PBOC");
    /* PBOC lending closes the PBOC's balance sheet (zero net worth), by bank. */
    int64_t pboc_gap = -ledger_net_worth(e->L, PBOC);
    if (pboc_gap > 0) {
        if (!money_apportion(pboc_gap, bank_w, e->n_banks, part))
            return YF_ERR_NUMERIC;
        for (int32_t b = 0; b < e->n_banks; b++)
            if ((st = ledger_revalue(e->L, I_PBOC_LENDING, ledger_acct(PBOC, 0),
                                     ledger_acct(BANK, b), part[b])) != YF_OK)
                return economy_post(e, st, "opening PBOC lending");
    }
    if ((st = housing_open(e)) != YF_OK)
        return st;
    /* Productive capital at book value (2000 prices). */
    for (int32_t f = 0; f < e->fi.n; f++) {
        int64_t v;
        if (!money_from_double(e->fi.capital_real[f], &v))
            return YF_ERR_NUMERIC;
        if ((st = ledger_revalue_tangible(e->L, I_CAPITAL, ledger_acct(FIRM, f), v)) != YF_OK)
            return economy_post(e, st, "opening capital");
    }
    /* Equity at book value: firms and banks end with zero net worth; households
     * hold the claims, by equity weight, each against one firm or bank. */
    for (int32_t f = 0; f < e->fi.n; f++) {
        int64_t nw = ledger_position(e->L, I_CAPITAL, ledger_acct(FIRM, f)) +
                     ledger_position(e->L, I_DEPOSITS, ledger_acct(FIRM, f)) +
                     ledger_position(e->L, I_BUSINESS_LOANS, ledger_acct(FIRM, f));
        e->fi.amount[f] = nw > 0 ? nw : 0;
    }
    for (int32_t b = 0; b < e->n_banks; b++) {
        int64_t nw = 0;
        for (int i = 0; i < N_CHINA_INSTRUMENTS; i++)
            nw += ledger_position(e->L, i, ledger_acct(BANK, b));
        part[b] = nw > 0 ? nw : 0;
    }
    return open_equity(e, part);
}

/* Households' equity claims: the total book equity of firms and banks is spread
 * over households by equity weight; each household's claim is matched to issuers
 * in order, so the ledger rows balance agent by agent. */
yf_status open_equity(economy *e, const int64_t *bank_equity)
{
    int64_t total = 0;
    for (int32_t f = 0; f < e->fi.n; f++)
        total += e->fi.amount[f];
    for (int32_t b = 0; b < e->n_banks; b++)
        total += bank_equity[b];
    if (!money_apportion(total, e->hh.equity_weight, e->hh.n, e->hh.amount))
        return YF_ERR_NUMERIC;
    /* Walk issuers and holders together (a merge of two cumulative sums). */
    int32_t k = 0, issuer = 0;
    const int32_t n_issuers = e->fi.n + e->n_banks;
    int64_t left_h = e->hh.n ? e->hh.amount[0] : 0;
    int64_t left_i = e->fi.n ? e->fi.amount[0] : bank_equity[0];
    while (k < e->hh.n && issuer < n_issuers) {
        int64_t x = left_h < left_i ? left_h : left_i;
        ledger_account who = issuer < e->fi.n ? ledger_acct(FIRM, issuer)
                                              : ledger_acct(BANK, issuer - e->fi.n);
        if (x > 0) {
            yf_status st = ledger_revalue(e->L, I_EQUITY, ledger_acct(HH, k), who, x);
            if (st != YF_OK)
                return economy_post(e, st, "opening equity");
        }
        left_h -= x;
        left_i -= x;
        if (left_h == 0 && ++k < e->hh.n)
            left_h = e->hh.amount[k];
        if (left_i == 0 && ++issuer < n_issuers)
            left_i = issuer < e->fi.n ? e->fi.amount[issuer] : bank_equity[issuer - e->fi.n];
    }
    return YF_OK;
}

/* ---- building a run ------------------------------------------------------- */

static yf_status load_data(economy *e, const char *dir, yf_diag *diag)
{
    char path[512];
    yf_status st;
    snprintf(path, sizeof path, "%s/china_annual.csv", dir);
    if ((st = data_load(&e->annual, path, diag)) != YF_OK)
        return st;
    snprintf(path, sizeof path, "%s/monthly_inputs.csv", dir);
    if ((st = data_load(&e->monthly, path, diag)) != YF_OK)
        return st;
    snprintf(path, sizeof path, "%s/world_gdp.csv", dir);
    if ((st = data_load(&e->gdp, path, diag)) != YF_OK)
        return st;
    /* Working age, birth and death rates, the population projection (model/demography.c). */
    snprintf(path, sizeof path, "%s/demography.csv", dir);
    if ((st = data_load(&e->demog, path, diag)) != YF_OK)
        return st;
    const world_extension ext = {0.04, 0.03, 0.03, 0.03};
    return world_path_build(&e->world, e->monthly, e->annual, e->gdp, e->size.start_year,
                            e->size.n_months, &ext, diag);
}

yf_status economy_new(economy **out, const economy_size *size, const char *data_dir,
                      const double *param, yf_diag *diag)
{
    *out = NULL;
    if (size->households < 10 || size->firms < N_INDUSTRIES || size->cities < N_TIERS ||
        size->n_months < 1 || size->n_months > 12 * 200) {
        snprintf(diag->message, sizeof diag->message,
                 "a run needs at least 10 households, %d firms, %d cities and 1 to 2400 months",
                 N_INDUSTRIES, N_TIERS);
        return YF_ERR_ARGUMENT;
    }
    economy *e = yf_calloc(1, sizeof *e);
    if (!e)
        return YF_ERR_NOMEM;
    e->size = *size;
    e->n_banks = N_BANKS_NATIONAL + N_TIERS;
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        e->param[k] = param ? param[k] : model_param_table[k].value_default;
    int32_t agents[N_CHINA_SECTORS] = {0};
    agents[HH] = size->households;
    agents[FIRM] = size->firms;
    if (e->size.developers == 0)
        e->size.developers = 500;
    agents[DEV] = e->size.developers;
    agents[LG] = size->cities;
    agents[LGFV] = size->cities;
    agents[CG] = agents[PBOC] = agents[ROW] = 1;
    agents[BANK] = e->n_banks;
    yf_status st = load_data(e, data_dir, diag);
    if (st == YF_OK && !alloc_agents(e))
        st = YF_ERR_NOMEM;
    if (st == YF_OK)
        st = ledger_new(&e->L, &chart_china, agents);
    if (st == YF_OK)
        st = series_init(e);
    if (st == YF_OK) {
        households_init(e);
        firms_init(e);
        st = emerging_init(e);
    }
    if (st == YF_OK) {
        st = cities_init(e, diag);
    }
    if (st == YF_OK)
        st = developers_init(e);
    if (st == YF_OK)
        st = assign_banks(e);
    if (st == YF_OK)
        st = opening_balance_sheet(e, diag);
    if (st != YF_OK) {
        if (diag->message[0] == '\0')
            snprintf(diag->message, sizeof diag->message, "cannot build the run: %s%s%s",
                     yf_status_string(st), e->msg[0] ? ": " : "", e->msg);
        economy_free(e);
        return st;
    }
    *out = e;
    return YF_OK;
}
