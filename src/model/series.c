/*
 * series.c: the named monthly output series (DESIGN.md section 7 for this half
 * of the model; docs/model.md section 7 lists them with units). Flows are per
 * month; shares are of this month's GDP; stocks are at the month's close.
 */
#include <math.h>
#include <string.h>

#include "core/core.h"
#include "model/economy.h"
#include "model/industries.h"
#include "model/technology.h"

/* clang-format off */
#define SERIES_LIST(X) \
    X(gdp_nominal, "yuan per month", "GDP at current prices: C + G + I + X - M") \
    X(gdp_real, "2000 yuan per month", "GDP at the prices of January 2000") \
    X(gdp_deflator, "index, 2000-01 = 1", "nominal over real GDP") \
    X(cpi, "index, 2000-01 = 1", "consumer prices (fixed consumption weights)") \
    X(cpi_inflation, "fraction per year", "consumer price inflation over twelve months") \
    X(unemployment, "fraction of the labour force", "unemployment rate") \
    X(consumption_share, "share of GDP", "household consumption") \
    X(investment_share, "share of GDP", "business investment") \
    X(government_share, "share of GDP", "government purchases and public wages") \
    X(exports_share, "share of GDP", "exports of goods and services") \
    X(imports_share, "share of GDP", "imports of goods and services") \
    X(household_saving_rate, "share of disposable income", "1 - consumption / disposable income") \
    X(exports_usd, "dollars per month", "exports at the managed rate") \
    X(imports_usd, "dollars per month", "imports at the managed rate") \
    X(current_account_usd, "dollars per month", "exports - imports + interest on FX reserves and on Global-South loans") \
    X(fx_reserves_usd, "dollars", "PBOC foreign exchange reserves") \
    X(usdcny, "yuan per dollar", "the managed exchange rate") \
    X(policy_rate, "fraction per year", "PBOC policy rate (one-year benchmark)") \
    X(m2, "yuan", "bank deposits of households, firms and local governments") \
    X(business_loans_share, "share of annual GDP", "business loans outstanding") \
    X(debt_service_share, "share of annual GDP", \
      "interest on business loans at the loan rate over GDP, as firms plan investment") \
    X(central_debt_share, "share of annual GDP", "central government bonds outstanding") \
    X(deficit_share, "share of GDP", "central bonds issued this month over GDP") \
    X(wage, "yuan per worker per month", "average wage") \
    X(labour_share, "share of GDP", "private and public wages") \
    X(utilisation, "fraction of capacity", "sales-weighted capacity utilisation") \
    X(demand_pressure, "fraction of capacity", "real demand over capacity before rationing (sales-weighted)") \
    X(labour_gap, "fraction of the urban labour force", "unemployment net of unfilled vacancies (below zero: a labour shortage)") \
    X(net_lending_households, "share of GDP", "households' saving less purchases of tangibles") \
    X(net_lending_firms, "share of GDP", "firms' net lending") \
    X(net_lending_government, "share of GDP", "central and local governments' net lending") \
    X(net_lending_finance, "share of GDP", "banks' and the PBOC's net lending") \
    X(net_lending_row, "share of GDP", "rest of the world's net lending (minus the current account)") \
    X(house_price_index, "index, 2000-01 = 1", "new-home prices, household-weighted over cities") \
    X(house_price_tier1, "index, 2000-01 = 1", "new-home prices in tier 1 cities") \
    X(house_price_tier2, "index, 2000-01 = 1", "new-home prices in tier 2 cities (with new tier 1)") \
    X(house_price_tier3, "index, 2000-01 = 1", "new-home prices in tier 3 cities") \
    X(house_price_tier4, "index, 2000-01 = 1", "new-home prices in tier 4 cities") \
    X(home_sales, "homes per month", "new homes sold, off-plan and completed (90 square metres each)") \
    X(home_sales_value, "yuan per month", "presales and completed-home sales, at their prices") \
    X(housing_starts, "homes per month", "homes started") \
    X(completions, "homes per month", "homes completed") \
    X(unsold_homes, "homes", "completed homes developers hold") \
    X(stalled_homes, "homes", "homes of stalled projects of defaulted developers") \
    X(vacancy_rate, "share of homes", "investor-held and unsold homes over the stock") \
    X(residential_investment_share, "share of GDP", "developers' construction spending") \
    X(infrastructure_share, "share of GDP", "infrastructure built by LGFVs and on local bonds") \
    X(land_revenue, "yuan per month", "land-sale revenue of local governments") \
    X(lg_official_debt, "yuan", "official local government bonds outstanding") \
    X(lg_hidden_debt, "yuan", "LGFV debt (loans and wealth-management products)") \
    X(lg_hidden_debt_share, "share of local debt", "LGFV debt over LGFV debt plus local bonds") \
    X(developer_defaults, "developers per month", "developers defaulting this month") \
    X(developers_defaulted_share, "share of 2000 activity", "market share of developers in default") \
    X(presale_losses, "yuan per month", "presale claims destroyed by developer defaults") \
    X(presale_claims, "yuan", "households' outstanding presale claims") \
    X(bad_loans, "yuan", "loans of defaulted developers still on banks' books") \
    X(developer_dollar_bonds, "yuan", "developers' dollar bonds held abroad, at book value") \
    X(mortgages, "yuan", "household mortgages outstanding") \
    X(consumer_loans, "yuan", "household consumer loans outstanding") \
    X(housing_wealth_share, "share of household wealth", "homes over households' gross assets") \
    /* demography and regions (model/demography.c) */ \
    X(labour_force, "workers", "labour force: data to 2024, then with the WPP 2024 population projection") \
    X(working_age_population, "persons", "population aged 15-64: WDI to 2021, then with the labour force") \
    X(urbanisation_rate, "share of population", "urban population share: data to 2021, then urbanisation_after_data") \
    X(urban_households, "households", "urban households (population x urban share / household_size)") \
    X(households_rustbelt, "households", "urban households of the designated north-east rust-belt cities") \
    X(house_price_rustbelt, "index, 2000-01 = 1", "new-home prices in the rust-belt cities (weighted by their households now)") \
    X(income_rustbelt, "yuan per month", "disposable income of the rust-belt cities' households: households x income per urban household x tier factor") \
    X(income_rustbelt_growth, "fraction per year", "nominal growth of income_rustbelt over twelve months") \
    /* technology and growth accounting (model/technology.c; same order as technology.h) */ \
    X(tfp, "index, 2000-01 = 1", "total factor productivity: real GDP / (K^a L^(1-a)), K business capital, L employment") \
    X(growth_capital, "percentage points", "contribution of capital to real GDP growth over twelve months (a dln K)") \
    X(growth_labour, "percentage points", "contribution of labour to real GDP growth over twelve months ((1-a) dln L)") \
    X(growth_tfp, "percentage points", "contribution of TFP to real GDP growth over twelve months (the residual)") \
    X(tfp_share_growth, "share of growth", "TFP's contribution over real GDP growth (log), twelve months (0 when growth is below one point)") \
    X(rd_share_gdp, "share of GDP", "research and development, private and public") \
    X(rd_private, "yuan per month", "firms' research and development (part of business investment)") \
    X(rd_public, "yuan per month", "research of government institutes and universities (part of central spending)") \
    X(rd_stock, "2000 yuan", "knowledge stock: perpetual inventory of real research, 15% depreciation") \
    X(technology_growth, "fraction per year", "growth of labour-augmenting technology from knowledge and catch-up") \
    X(capital_business_real, "2000 yuan", "business capital stock, real (growth accounting's K)") \
    X(employment, "workers", "employment, private and public (growth accounting's L)") \
    /* trade war, FDI, Global-South lending, yuan invoicing (docs/trade.md) */ \
    X(exports_us_usd, "dollars per month", "exports to the United States (with goods routed through third countries: to the rest)") \
    X(exports_eu_usd, "dollars per month", "exports to the European Union") \
    X(exports_rest_usd, "dollars per month", "exports to the rest of the world") \
    X(exports_us_share, "share of exports", "share of exports going to the United States") \
    X(fdi_inflow_share, "share of GDP", "foreign direct investment received") \
    X(global_south_loans_usd, "dollars", "the state's loans to developing countries outstanding") \
    X(interest_global_south_usd, "dollars per month", "interest received on loans to the Global South") \
    X(rmb_invoicing_share, "share of goods trade", "trade settled in yuan") \
    /* industry dynamics (agents/emerging.c, docs/industry.md) */ \
    X(emerging_industry_share, "share of GDP", "value added of the strategic emerging industries (sales less imported inputs)") \
    X(manufacturing_share, "share of GDP", "value added of export and domestic manufacturing and the emerging industries") \
    X(firm_count, "firms", "emerging-industry (EV maker) firm agents in business at the month's close") \
    X(firm_entries, "firms per month", "firms entering the emerging industry this month") \
    X(firm_exits, "firms per month", "emerging-industry firms exiting this month (own funds below zero)") \
    X(emerging_price_relative, "index, 2000-01 = 1", "emerging-industry price over domestic manufacturing's") \
    X(emerging_utilisation, "fraction of capacity", "capacity utilisation of the emerging industry") \
    X(industrial_subsidies, "yuan per month", "central subsidies paid to emerging-industry firms") \
    X(emerging_exit_losses, "yuan per month", "loans and owners' equity written off at exits")

/* clang-format on */

enum series_id {

#define SERIES_ENUM(name, unit, doc) S_##name,
    SERIES_LIST(SERIES_ENUM)
#undef SERIES_ENUM
        N_SERIES
};

static const series series_table[N_SERIES] = {
#define SERIES_ROW(name, unit, doc) {#name, unit, doc, NULL},
    SERIES_LIST(SERIES_ROW)
#undef SERIES_ROW
};

yf_status series_init(economy *e)
{
    e->out = yf_calloc(N_SERIES, sizeof *e->out);
    if (!e->out)
        return YF_ERR_NOMEM;
    e->n_series = N_SERIES;
    for (int k = 0; k < N_SERIES; k++) {
        e->out[k] = series_table[k];
        e->out[k].values = yf_calloc((size_t)e->size.n_months, sizeof(double));
        if (!e->out[k].values)
            return YF_ERR_NOMEM;
    }
    return YF_OK;
}

/* Net lending of a set of sectors in the closed month: the sum of their flow
 * rows (a purchase of capital is a use of funds). */
static double net_lending(const ledger_snapshot *snap, const int *sectors, int n)
{
    double x = 0.0;
    for (int k = 0; k < n; k++)
        for (int f = 0; f < N_CHINA_FLOWS; f++)
            x += (double)snap->flow[f][sectors[k]];
    return x;
}

static double total_stock(const ledger_snapshot *snap, int instrument, int sector)
{
    return (double)snap->stock[instrument][sector];
}

/* Price index of the cities of one tier (tiers: 0 tier 1, 1 new tier 1, 2 tier 2...). */
static double tier_price(const economy *e, int lo, int hi)
{
    double now = 0.0;
    for (int32_t c = 0; c < e->ci.n; c++)
        if (e->ci.tier[c] >= lo && e->ci.tier[c] <= hi)
            now += e->city_weight[c] * e->ci.price[c];
    return now;
}

static void housing_series(economy *e, double **v, double gdp)
{
    const ledger_snapshot *snap = &e->snapshot;
    const cities *ci = &e->ci;
    static const int lo[4] = {0, 1, 3, 4}, hi[4] = {0, 2, 3, 4};
    for (int t = 0; t < 4; t++) {
        const double p = tier_price(e, lo[t], hi[t]);
        if (e->month == 0)
            e->tier_price0[t] = p;
        *v[S_house_price_tier1 + t] = e->tier_price0[t] > 0.0 ? p / e->tier_price0[t] : 1.0;
    }
    double unsold = 0.0, stalled = 0.0, stock = 0.0, investor = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        unsold += ci->unsold[c];
        stalled += ci->stalled[c];
        stock += ci->homes[c];
        investor += ci->investor_homes[c];
    }
    *v[S_house_price_index] = housing_price_index(e);
    *v[S_home_sales] = e->homes_sold;
    *v[S_home_sales_value] = e->flow_presales + e->flow_sales_completed;
    *v[S_housing_starts] = e->homes_started;
    *v[S_completions] = e->homes_completed;
    *v[S_unsold_homes] = unsold;
    *v[S_stalled_homes] = stalled;
    *v[S_vacancy_rate] = (investor + unsold) / yf_fmax(1.0, stock + unsold);
    *v[S_residential_investment_share] = e->flow_residential / gdp;
    *v[S_infrastructure_share] = e->flow_infrastructure / gdp;
    *v[S_land_revenue] = e->flow_land_revenue;
    const double bonds = -total_stock(snap, I_LOCAL_BONDS, LG);
    const double hidden = -total_stock(snap, I_LGFV_DEBT, LGFV);
    *v[S_lg_official_debt] = bonds;
    *v[S_lg_hidden_debt] = hidden;
    *v[S_lg_hidden_debt_share] = hidden + bonds > 0.0 ? hidden / (hidden + bonds) : 0.0;
    *v[S_developer_defaults] = e->defaults_month;
    double defaulted = 0.0;
    for (int32_t j = 0; j < e->dv.n; j++)
        defaulted += e->dv.defaulted[j] ? e->dv.share[j] : 0.0;
    *v[S_developers_defaulted_share] = defaulted;
    *v[S_presale_losses] = e->flow_presale_losses;
    *v[S_presale_claims] = total_stock(snap, I_PRESALE_CLAIMS, HH);
    *v[S_bad_loans] = e->bad_loans;
    *v[S_developer_dollar_bonds] = -total_stock(snap, I_FOREIGN_LIABILITIES, DEV);
    *v[S_mortgages] = -total_stock(snap, I_MORTGAGES, HH);
    *v[S_consumer_loans] = -total_stock(snap, I_CONSUMER_LOANS, HH);
    double assets = 0.0;
    for (int i = 0; i < N_CHINA_INSTRUMENTS; i++)
        assets += yf_fmax(0.0, total_stock(snap, i, HH));
    *v[S_housing_wealth_share] = assets > 0.0 ? total_stock(snap, I_HOUSING, HH) / assets : 0.0;
}

static void demography_series(economy *e, double **v)
{
    const int m = e->month;
    const cities *ci = &e->ci;
    *v[S_labour_force] = e->m.labour_force;
    *v[S_working_age_population] = demography_working_age(e, m);
    *v[S_urbanisation_rate] = cities_urban_share(e, m);
    *v[S_urban_households] = cities_urban_households(e, m);
    double price, income;
    *v[S_households_rustbelt] = demography_rust_belt(e, &price, &income);
    /* Prices against the opening prices of the same cities, households now. */
    double now = 0.0, base = 0.0;
    for (int32_t c = 0; c < ci->n; c++)
        if (ci->rust_belt[c]) {
            now += ci->households[c] * ci->price[c];
            base += ci->households[c] * ci->price0[c];
        }
    *v[S_house_price_rustbelt] = base > 0.0 ? now / base : 1.0;
    *v[S_income_rustbelt] = income;
    const double year_ago = m >= 12 ? e->out[S_income_rustbelt].values[m - 12] : 0.0;
    *v[S_income_rustbelt_growth] = year_ago > 0.0 ? income / year_ago - 1.0 : NAN;
}

/* Industry dynamics: the emerging industry's share, entry and exit, prices. */
static void industry_series(const economy *e, double **v, double gdp)
{
    const industry_state *x = e->ind;
    double value_added[N_INDUSTRIES];
    for (int i = 0; i < N_INDUSTRIES; i++)
        value_added[i] = x[i].sales * (1.0 - x[i].import_content);
    *v[S_emerging_industry_share] = value_added[IND_EMERGING] / gdp;
    *v[S_manufacturing_share] =
        (value_added[IND_EXPORT] + value_added[IND_DOMESTIC] + value_added[IND_EMERGING]) / gdp;
    *v[S_firm_count] = (double)e->em.n_active;
    *v[S_firm_entries] = e->em.entries;
    *v[S_firm_exits] = e->em.exits;
    *v[S_emerging_price_relative] = x[IND_EMERGING].price / x[IND_DOMESTIC].price;
    *v[S_emerging_utilisation] = x[IND_EMERGING].utilisation;
    *v[S_industrial_subsidies] = e->em.subsidy_flow;
    *v[S_emerging_exit_losses] = e->em.loan_losses + e->em.equity_losses;
}

void series_record(economy *e, int m)
{
    const macro_state *s = &e->m;
    const ledger_snapshot *snap = &e->snapshot;
    double *v[N_SERIES];
    for (int k = 0; k < N_SERIES; k++)
        v[k] = &e->out[k].values[m];
    const double gdp = e->flow_consumption + e->flow_government + e->flow_investment +
                       e->flow_exports - e->flow_imports;
    /* Real GDP: real value added of industries at base prices, plus public
     * employment valued at the first month's wage. */
    double real = (e->flow_public_wages / s->wage) * s->wage0;
    double utilisation = 0.0, sales = 0.0;
    for (int i = 0; i < N_INDUSTRIES; i++) {
        const industry_state *x = &e->ind[i];
        real += x->output * (1.0 - industry_table[i].import_content);
        utilisation += x->utilisation * x->sales;
        sales += x->sales;
    }
    e->m.gdp_ring[m % 12] = gdp;
    e->m.gdp_real_ring[m % 12] = real;
    e->m.gdp_month = gdp;
    e->m.gdp_real_month = real;
    const double annual = economy_gdp_12m(e);
    *v[S_gdp_nominal] = gdp;
    *v[S_gdp_real] = real;
    *v[S_gdp_deflator] = gdp / real;
    *v[S_cpi] = s->cpi;
    *v[S_cpi_inflation] = m >= 12 ? s->cpi / e->out[S_cpi].values[m - 12] - 1.0 : NAN;
    *v[S_unemployment] = s->unemployment;
    *v[S_consumption_share] = e->flow_consumption / gdp;
    *v[S_investment_share] = e->flow_investment / gdp;
    *v[S_government_share] = e->flow_government / gdp;
    *v[S_exports_share] = e->flow_exports / gdp;
    *v[S_imports_share] = e->flow_imports / gdp;
    *v[S_household_saving_rate] = 1.0 - e->flow_consumption / e->flow_income_households;
    *v[S_exports_usd] = e->flow_exports / s->usdcny;
    *v[S_imports_usd] = e->flow_imports / s->usdcny;
    *v[S_current_account_usd] =
        (e->flow_exports - e->flow_imports + e->flow_interest_fx + s->flow_interest_gs) / s->usdcny;
    *v[S_fx_reserves_usd] = s->fx_reserves_usd;
    *v[S_usdcny] = s->usdcny;
    *v[S_policy_rate] = s->policy_rate;
    *v[S_m2] = total_stock(snap, I_DEPOSITS, HH) + total_stock(snap, I_DEPOSITS, FIRM) +
               total_stock(snap, I_DEPOSITS, LG);
    *v[S_business_loans_share] = -total_stock(snap, I_BUSINESS_LOANS, FIRM) / annual;
    *v[S_debt_service_share] = s->debt_service_share;
    *v[S_central_debt_share] = -total_stock(snap, I_CENTRAL_BONDS, CG) / annual;
    *v[S_deficit_share] = e->flow_deficit / gdp;
    *v[S_wage] = s->wage;
    *v[S_labour_share] = (e->flow_wages + e->flow_public_wages) / gdp;
    *v[S_utilisation] = sales > 0.0 ? utilisation / sales : 0.0;
    *v[S_demand_pressure] = economy_demand_pressure(e);
    *v[S_labour_gap] = s->labour_gap;
    static const int households_[] = {HH}, firms_[] = {FIRM, DEV}, government_[] = {CG, LG, LGFV},
                     finance_[] = {BANK, PBOC}, row_[] = {ROW};
    *v[S_net_lending_households] = net_lending(snap, households_, 1) / gdp;
    *v[S_net_lending_firms] = net_lending(snap, firms_, 2) / gdp;
    *v[S_net_lending_government] = net_lending(snap, government_, 3) / gdp;
    *v[S_net_lending_finance] = net_lending(snap, finance_, 2) / gdp;
    *v[S_net_lending_row] = net_lending(snap, row_, 1) / gdp;
    housing_series(e, v, gdp);
    demography_series(e, v);
    double tech[N_TECH_SERIES];
    technology_series(e, m, tech);
    for (int k = 0; k < N_TECH_SERIES; k++)
        *v[S_tfp + k] = tech[k];
    const double exports_usd = e->flow_exports / s->usdcny;
    *v[S_exports_us_usd] = exports_usd * s->export_share_dest[DEST_US];
    *v[S_exports_eu_usd] = exports_usd * s->export_share_dest[DEST_EU];
    *v[S_exports_rest_usd] = exports_usd * s->export_share_dest[DEST_REST];
    *v[S_exports_us_share] = s->export_share_dest[DEST_US];
    *v[S_fdi_inflow_share] = s->fdi_inflow / gdp;
    *v[S_global_south_loans_usd] = s->gs_loans_usd;
    *v[S_interest_global_south_usd] = s->flow_interest_gs / s->usdcny;
    *v[S_rmb_invoicing_share] = s->rmb_invoicing_share;
    industry_series(e, v, gdp);
}
