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
    X(current_account_usd, "dollars per month", "exports - imports + interest on FX reserves") \
    X(fx_reserves_usd, "dollars", "PBOC foreign exchange reserves") \
    X(usdcny, "yuan per dollar", "the managed exchange rate") \
    X(policy_rate, "fraction per year", "PBOC policy rate (one-year benchmark)") \
    X(m2, "yuan", "bank deposits of households, firms and local governments") \
    X(business_loans_share, "share of annual GDP", "business loans outstanding") \
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
    X(net_lending_row, "share of GDP", "rest of the world's net lending (minus the current account)")
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
    *v[S_current_account_usd] = (e->flow_exports - e->flow_imports + e->flow_interest_fx) /
                                s->usdcny;
    *v[S_fx_reserves_usd] = s->fx_reserves_usd;
    *v[S_usdcny] = s->usdcny;
    *v[S_policy_rate] = s->policy_rate;
    *v[S_m2] = total_stock(snap, I_DEPOSITS, HH) + total_stock(snap, I_DEPOSITS, FIRM) +
               total_stock(snap, I_DEPOSITS, LG);
    *v[S_business_loans_share] = -total_stock(snap, I_BUSINESS_LOANS, FIRM) / annual;
    *v[S_central_debt_share] = -total_stock(snap, I_CENTRAL_BONDS, CG) / annual;
    *v[S_deficit_share] = e->flow_deficit / gdp;
    *v[S_wage] = s->wage;
    *v[S_labour_share] = (e->flow_wages + e->flow_public_wages) / gdp;
    *v[S_utilisation] = sales > 0.0 ? utilisation / sales : 0.0;
    *v[S_demand_pressure] = economy_demand_pressure(e);
    *v[S_labour_gap] = s->labour_gap;
    static const int households_[] = {HH}, firms_[] = {FIRM, DEV},
                     government_[] = {CG, LG, LGFV}, finance_[] = {BANK, PBOC}, row_[] = {ROW};
    *v[S_net_lending_households] = net_lending(snap, households_, 1) / gdp;
    *v[S_net_lending_firms] = net_lending(snap, firms_, 2) / gdp;
    *v[S_net_lending_government] = net_lending(snap, government_, 3) / gdp;
    *v[S_net_lending_finance] = net_lending(snap, finance_, 2) / gdp;
    *v[S_net_lending_row] = net_lending(snap, row_, 1) / gdp;
}
