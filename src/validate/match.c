/*
 * match.c: THE table of the validation: each model series beside the data
 * series it is held against, and how (docs/validation.md section 1 is this
 * table in prose; tests/test_validate.c checks that every data series named
 * here ships in data/china_annual.csv and every model rule is a known one).
 *
 * Tolerances are the error, in the compared unit, that counts as one in the
 * summary score: about the size of the series' own year-to-year variation in
 * 2000-2024, so that a series that is off by its usual swing scores 1 (the
 * tolerances of tools/calibrate_history.py where it had one).
 * Weight 0: shown in the tables but left out of the score, because the data
 * are an input of the history run (the model takes them as given) or the two
 * concepts differ too much for their levels to be compared.
 *
 * A series a run does not have is reported as "not simulated" (a model
 * without housing, or a series renamed). Rows without a data series report
 * "no data": data/SOURCES.md lists housing sales and starts, land revenue and
 * local government debt as not shipped.
 */
#include "validate/validate.h"

/* clang-format off */
const validate_match validate_matches[] = {
    {"gdp_real", "gdp_real_growth", FORM_GROWTH, MODEL_ANNUAL, DATA_GROWTH_PCT, 2.0, 1.0,
     "real GDP growth (model: sum of the months' real GDP at 2000 prices; data: NBS via WDI)"},
    {"gdp_deflator", "gdp_deflator_inflation", FORM_GROWTH, MODEL_ANNUAL, DATA_GROWTH_PCT, 3.0, 1.0,
     "GDP deflator inflation (model: mean of the months' nominal over real GDP)"},
    {"cpi_inflation", "cpi_inflation", FORM_LEVEL, MODEL_ANNUAL, DATA_PCT, 2.0, 1.0,
     "CPI inflation (model: mean of the months' twelve-month rates; data: annual average over annual average)"},
    {"unemployment", "unemployment_rate_ilo", FORM_LEVEL, MODEL_ANNUAL, DATA_PCT, 1.5, 1.0,
     "unemployment rate (model: urban labour force; data: ILO modelled estimate, whole labour force)"},
    {"consumption_share", "household_consumption_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 4.0, 1.0,
     "household consumption, % of GDP (model: the year's consumption over the year's GDP)"},
    {"investment_share", "gross_capital_formation_share_gdp", FORM_CHANGE, MODEL_SHARE_GDP, DATA_PCT, 2.0, 1.0,
     "investment, change of its share of GDP: the model's is business investment only (no housing, "
     "public investment or inventories), data gross capital formation, so levels differ by construction"},
    {"government_share", "government_consumption_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 3.0, 1.0,
     "government purchases and public wages, % of GDP (data: general government final consumption)"},
    {"exports_usd", "exports_gs_usd", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 10.0, 1.0,
     "exports of goods and services in dollars, growth"},
    {"exports_share", "exports_gs_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 5.0, 1.0,
     "exports, % of GDP"},
    {"imports_share", "imports_gs_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 5.0, 1.0,
     "imports, % of GDP"},
    {"fdi_inflow_share", "fdi_net_inflows_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 1.0, 1.0,
     "foreign direct investment received, % of GDP (model: the year's FDI over the year's GDP; data: WDI "
     "net inflows, i.e. inward investment less disinvestment, to 2020)"},
    {"current_account_usd", "current_account_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP_USD, DATA_PCT, 3.0, 1.0,
     "current account, % of GDP (model: the year's dollars over GDP converted month by month; it has "
     "no primary income other than interest on reserves)"},
    {"fx_reserves_usd", "fx_reserves_excl_gold_usd", FORM_GROWTH, MODEL_DECEMBER, DATA_LEVEL, 15.0, 1.0,
     "PBOC foreign exchange reserves at the end of the year, growth (data: excluding gold)"},
    {"m2", "m2_broad_money_lcu", FORM_GROWTH, MODEL_DECEMBER, DATA_LEVEL, 5.0, 1.0,
     "broad money at the end of the year, growth (model: deposits of households, firms and local governments)"},
    {"m2", "m2_broad_money_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 30.0, 0.0,
     "M2, % of GDP: not scored, the model's deposits leave out currency, other financial "
     "institutions' deposits and the 2000 opening stock is set, not fitted"},
    {"household_saving_rate", "gross_national_saving_rate", FORM_CHANGE, MODEL_ANNUAL, DATA_PCT, 3.0, 1.0,
     "saving, change only: the model's is households' saving of disposable income, the data's national "
     "saving of GDP (no household saving rate ships); the two rose and fell together in 2000-2020"},
    {"labour_share", "pwt_labour_share", FORM_LEVEL, MODEL_SHARE_GDP, DATA_FRACTION, 5.0, 1.0,
     "wages, % of GDP (data: Penn World Table labour share, to 2019)"},
    /* technology (issue 5; docs/technology.md): not scored yet. Research is a
     * calibration target of the new parameters (rd_private_opening_share,
     * rd_catchup_elasticity), so scoring it would count the same fit twice;
     * the model's TFP is a Solow residual over business capital only
     * (housing and infrastructure apart) while PWT's covers all capital and
     * human capital, so their growth rates differ by construction. */
    {"rd_share_gdp", "rd_expenditure_share_gdp", FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 0.3, 0.0,
     "research and development, % of GDP (data: WDI, UNESCO; not scored: a calibration target)"},
    {"tfp", "pwt_tfp_rtfpna", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 2.0, 0.0,
     "TFP growth, % (data: Penn World Table rtfpna, to 2019; not scored: the model's residual is over business "
     "capital only, PWT's over all capital with human capital)"},
    {"business_loans_share", "domestic_credit_private_sector_share_gdp", FORM_LEVEL, MODEL_DECEMBER, DATA_PCT, 30.0, 0.0,
     "credit, % of GDP: not scored, the model has business loans only (no mortgages, consumer or "
     "LGFV credit)"},
    {"central_debt_share", "general_govt_gross_debt_share_gdp", FORM_LEVEL, MODEL_DECEMBER, DATA_PCT, 20.0, 0.0,
     "government debt, % of GDP: not scored, the model's is central bonds only, the data general "
     "government (local debt is issue 4's)"},
    {"policy_rate", "policy_rate_cbrate", FORM_LEVEL, MODEL_DECEMBER, DATA_PCT, 1.0, 0.0,
     "policy rate at the end of the year: not scored, an input of the history (the PBOC's rate from the data)"},
    {"usdcny", "usdcny_fred_annual", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 3.0, 0.0,
     "USD/CNY, annual average, growth: not scored, an input of the history (the PBOC's rate from the data)"},
    /* Housing, land and local government finance (issue 4). The BIS index is
     * national: the model's national index is scored against it; each tier is
     * shown against it too, not scored (no tier index ships). */
    {"house_price_index", "house_price_index_nominal_bis", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 8.0, 1.0,
     "new-home prices, household-weighted over cities, growth, against the BIS residential index (annual mean of quarters, from 2006)"},
    {"house_price_tier1", "house_price_index_nominal_bis", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 8.0, 0.0,
     "house prices, tier-1 cities, growth, against the national BIS index: not scored (no tier index ships)"},
    {"house_price_tier2", "house_price_index_nominal_bis", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 8.0, 0.0,
     "house prices, tier-2 cities, growth, against the national BIS index: not scored"},
    {"house_price_tier3", "house_price_index_nominal_bis", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 8.0, 0.0,
     "house prices, tier-3 cities, growth, against the national BIS index: not scored"},
    {"house_price_tier4", "house_price_index_nominal_bis", FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 8.0, 0.0,
     "house prices, tier-4 cities, growth, against the national BIS index: not scored"},
    {"home_sales", NULL, FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 15.0, 1.0,
     "commercial housing sales, growth: no data ships (data/SOURCES.md, 'Not here')"},
    {"housing_starts", NULL, FORM_GROWTH, MODEL_ANNUAL, DATA_LEVEL, 15.0, 1.0,
     "floor space started, growth: no data ships"},
    {"land_revenue", NULL, FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 2.0, 1.0,
     "land-sale revenue of local governments, % of GDP: no data ships"},
    {"lg_official_debt", NULL, FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 5.0, 1.0,
     "local government bonds (official debt), % of GDP: no data ships"},
    {"lg_hidden_debt", NULL, FORM_LEVEL, MODEL_SHARE_GDP, DATA_PCT, 10.0, 1.0,
     "LGFV (hidden) debt, % of GDP: no data ships"},
};
/* clang-format on */

const int validate_n_matches = (int)(sizeof validate_matches / sizeof *validate_matches);

const char *validate_form_name(validate_form f)
{
    return f == FORM_GROWTH ? "growth" : f == FORM_LEVEL ? "level" : "change";
}

const char *validate_form_unit(validate_form f)
{
    return f == FORM_GROWTH ? "% a year" : f == FORM_LEVEL ? "%" : "pp";
}
