/*
 * params.h: every behavioural parameter of the China model, in one X-macro list
 * (docs/model.md section 5 is generated from the same facts and checked by
 * tests/test_params.c). Each entry: name, default, min, max, unit, one line of
 * documentation, and its source or the target it is calibrated to.
 *
 * Rates "per year" are converted to months where they are used. Shares are
 * fractions in [0, 1].
 */
#ifndef YF_MODEL_PARAMS_H
#define YF_MODEL_PARAMS_H

/* The source of every default chosen by tools/calibrate_history.py; what
 * follows it in each entry is the earlier reference or target. */
#define CALIBRATED \
    "calibrated (tools/calibrate_history.py: distance to the 2001-2023 data, docs/model.md 8); "

/* clang-format off */
#define MODEL_PARAMS(X) \
    /* ---- households ---------------------------------------------------- */ \
    X(c1_bottom, 0.9783, 0.0, 1.0, "share of expected disposable income", \
      "propensity to consume of the poorest household", \
      CALIBRATED "earlier hand target: household saving near a third of disposable income (data: gross_national_saving_rate)") \
    X(c1_top, 0.408, 0.0, 1.0, "share of expected disposable income", \
      "propensity to consume of the richest household (linear in income rank in between)", \
      CALIBRATED "reference: calibrated with c1_bottom; rich households save more (DESIGN 4)") \
    X(c2_wealth, 0.0025, 0.0, 0.05, "share of net wealth per month", \
      "propensity to consume out of net wealth", \
      "Godley & Lavoie's alpha2 scaled to months (about 3% a year); calibrated") \
    X(precaution, 0.3, 0.0, 10.0, "per unit of unemployment rate", \
      "fall of the propensity to consume per point of expected unemployment above u_reference", \
      CALIBRATED "box [0.2, 1.25] from US saving-rate regressions on expected unemployment (Carroll, Slacalek and Sommer 2019; docs/validation.md 6); DESIGN 4: precautionary saving rises with unemployment risk") \
    X(u_reference, 0.04, 0.0, 0.5, "fraction", \
      "unemployment rate at which precautionary saving is neutral", \
      "data: unemployment_rate_ilo around 2000") \
    X(rural_surplus, 0.3322, 0.0, 0.6, "share of the labour force in 2000", \
      "surplus rural labour: workers outside the money economy who migrate to urban jobs (Lewis reserve)", \
      CALIBRATED "reference: estimates of 150-200 million surplus rural workers around 2000 (Cai Fang's work on the Lewis turning point)") \
    X(migration_rate, 2.0, 0.0, 2.0, "share of the reserve per year", \
      "speed of rural-urban migration when urban unemployment net of vacancies is zero or below (none at u_reference or above)", \
      CALIBRATED "earlier hand target: migrant workers rose by about 10 million a year in 2000-2015 (NBS migrant worker survey)") \
    X(inflation_anchor, 0.2, 0.0, 1.0, "share", \
      "weight of the inflation target in expected inflation (the rest adapts to past inflation)", \
      CALIBRATED "earlier hand target: CPI inflation returns to 2-3% after the 2008 and 2011 peaks (data: cpi_inflation)") \
    X(growth_expectation_speed, 0.02, 0.0, 1.0, "share of the gap closed per month", \
      "speed at which expected trend growth of demand and output (investment, Verdoorn) adapts", \
      "assumption: trend growth is learnt over years (half-life near three years); a fast speed makes the accelerator unstable (Harrod)") \
    X(expectation_speed, 0.15, 0.0, 1.0, "share of the gap closed per month", \
      "speed of adaptive expectations (income, unemployment, demand, inflation)", \
      "assumption; a half-life of about four months") \
    X(skill_dispersion, 0.75, 0.0, 2.0, "log points", \
      "standard deviation of log wage across households", \
      "calibrated to a wage Gini near 0.4") \
    X(deposit_concentration, 1.5, 0.0, 10.0, "exponent", \
      "opening deposits proportional to skill^this", \
      "assumption: deposits less concentrated than equity") \
    X(equity_concentration, 3.0, 1.0, 10.0, "exponent", \
      "equity holdings proportional to skill^this: a high value puts equity in the top decile", \
      "DESIGN 4: equity is concentrated in the top decile") \
    X(pit_rate, 0.12, 0.0, 0.6, "fraction of wage above the allowance", \
      "marginal personal income tax rate", \
      "calibrated: personal income tax near 1% of GDP in the 2000s") \
    X(pit_allowance, 1.2, 0.0, 10.0, "multiple of the average wage", \
      "wage below which no personal income tax is paid", \
      "assumption; most workers paid no income tax") \
    X(benefit_ratio, 0.2, 0.0, 1.0, "share of the average wage", \
      "unemployment benefit per unemployed worker", \
      "assumption; China's unemployment insurance is thin") \
    /* ---- firms, production and prices --------------------------------- */ \
    X(capital_output, 2.3, 0.5, 10.0, "years of output", \
      "business capital stock over annual output at normal utilisation (homes and LGFV infrastructure are apart)", \
      "seed 004_3dd7420ef5fa3b25.txt: capital stock 258% of GDP in 2001, all capital; set by hand to 2.3 when housing and infrastructure were added so that total investment stays near the data (gross_capital_formation_share_gdp, docs/housing.md)") \
    X(depreciation, 0.06, 0.0, 0.3, "per year", \
      "depreciation rate of productive capital", \
      "data: pwt_depreciation_rate (about 0.05-0.06)") \
    X(max_employment, 0.9585, 0.5, 1.0, "share of the urban labour force", \
      "most of the urban labour force that can be employed (frictions): output is rationed beyond it", \
      CALIBRATED "reference: assumption: unemployment rarely below 3% (data: unemployment_rate_ilo)") \
    X(u_normal, 0.85, 0.3, 1.0, "fraction of capacity", \
      "capacity utilisation firms aim for", \
      "assumption (usual in stock-flow consistent models)") \
    X(invest_speed, 0.0054, 0.0, 1.0, "per unit of utilisation gap per month", \
      "relative change of the investment share per unit of utilisation above normal", \
      CALIBRATED "reference: Freitas and Serrano (2015) supermultiplier; calibrated small for stability") \
    X(invest_rate_semielasticity, 0.2321, 0.0, 20.0, "per unit of real interest rate, per year", \
      "fall in investment (log points) per unit of real lending rate above natural_rate: the \
cost-of-capital channel of monetary policy", \
      CALIBRATED "reference: user-cost elasticities of investment of 0.25-1 (Chirinko 1993; \
Gilchrist and Zakrajsek 2007) on a user cost near 0.12 a year give 2-8 per unit; the 2001-2023 \
fit prefers a far weaker channel (state firms' soft budgets); the sign is checked by test_china") \
    X(invest_debt_service, 1.5, 0.0, 20.0, "per unit of interest over GDP", \
      "fall in investment (log points) per unit of business-loan interest over GDP above \
debt_service_normal: the cash-flow channel of monetary policy and of leverage", \
      "reference: investment-cash flow sensitivities of 0.2-0.7 (Fazzari, Hubbard and Petersen \
1988) over an investment share near 0.4 of GDP give 0.5-1.75; the 2000-2024 fit is flat in it \
(validate 0.992-0.999 for 0-3); with it the rules after the data are stable and a rate rise \
lowers inflation (test_monetary)") \
    X(debt_service_normal, 0.05, 0.0, 0.5, "share of GDP", \
      "business-loan interest over GDP at which the cash-flow channel neither holds investment \
back nor spurs it", \
      "about the model's own burden in 2000-2010 (mean 5.3% of GDP, 4.5-6.6%), so the channel \
is nearly neutral in the first decade; data: credit to the private sector of 100-125% of GDP \
at lending rates of 5.3-7.5% (data/china_annual.csv), households' part included") \
    X(markup_utilisation, 0.8518, 0.0, 5.0, "per unit of utilisation gap", \
      "change of the mark-up per unit of utilisation above or below u_normal (the mark-up at \
normal utilisation is implied by wage_share_target)", \
      CALIBRATED "earlier: DESIGN 4: idle capacity cuts prices (deflation)") \
    X(price_speed, 0.1, 0.0, 1.0, "share of the gap closed per month", \
      "speed at which prices move toward mark-up over unit cost", \
      "assumption") \
    X(verdoorn, 0.2, 0.0, 1.0, "per unit of output growth", \
      "Kaldor-Verdoorn coefficient: extra productivity growth per unit of expected output growth", \
      CALIBRATED "reference: Verdoorn (1949); estimates of 0.3-0.7 (McCombie, Pugno and Soro 2002)") \
    X(payout, 0.5, 0.0, 1.0, "share of profit after tax", \
      "dividends paid out of firms' profits", \
      "assumption") \
    X(loan_share, 0.6, 0.0, 1.0, "share of investment", \
      "part of investment financed with new bank loans", \
      "calibrated: private credit near 110-150% of GDP (data: domestic_credit_private_sector_share_gdp)") \
    X(loan_maturity, 60.0, 1.0, 600.0, "months", \
      "average maturity of business loans (repaid evenly)", \
      "assumption") \
    /* ---- labour ------------------------------------------------------- */ \
    X(wage_share_target, 0.52, 0.1, 0.9, "share of value added", \
      "the wage-share lever: mark-ups are set so that wages get this share of value added", \
      "data: pwt_labour_share (about 0.52-0.59 in 2000-2019)") \
    X(wage_phillips, 0.4015, 0.0, 5.0, "per unit of unemployment gap, per year", \
      "extra wage growth per point of unemployment below u_reference", \
      CALIBRATED "reference: assumption") \
    /* ---- banks and the central bank ----------------------------------- */ \
    X(deposit_spread, -0.033, -0.1, 0.05, "per year", \
      "deposit rate minus the policy rate (the one-year benchmark lending rate)", \
      "data: deposit_rate - policy_rate_cbrate, about -3.0 to -3.6 points in 2000-2015") \
    X(loan_spread, 0.0, -0.05, 0.1, "per year", \
      "average lending rate minus the policy rate", \
      "data: lending_rate equals policy_rate_cbrate (the benchmark) in 2000-2015") \
    X(bond_spread, -0.017, -0.1, 0.1, "per year", \
      "central government bond yield minus the policy rate", \
      "assumption: ten-year yields near 3.5-4.5% when the benchmark was 5.3-6%") \
    X(reserve_ratio, 0.12, 0.0, 0.5, "share of deposits", \
      "required reserves", \
      "PBOC required reserve ratio, about 6% (2000) to 20% (2011); average") \
    X(reserve_rate, 0.018, 0.0, 0.1, "per year", \
      "interest the PBOC pays on reserves", \
      "PBOC rate on required reserves (1.62%-1.89% in the 2000s)") \
    X(policy_rate_offset, 0.0, -0.1, 0.1, "per year", \
      "lever: added to the policy rate the PBOC chose (data) or its rule gives (a cut is negative)", \
      "scenario lever; seed 000_50eaa6f3762a6cc3.txt discusses a 10 basis-point cut before the Fed") \
    X(usdcny_offset, 0.0, -0.5, 0.5, "share of the rate", \
      "lever: the managed rate is set this share off what the data or the managed float give \
(negative: a stronger yuan, fewer yuan per dollar); a change steps the rate once, and the float \
moves on from the new level", \
      "scenario lever; seed 000_50eaa6f3762a6cc3.txt's household-income-led rebalancing includes a \
stronger yuan; the PBOC revalued by 2.1% in July 2005 (in the data)") \
    X(natural_rate, 0.02, -0.05, 0.1, "per year", \
      "real policy rate of the rule at target inflation and normal unemployment; also the \
real lending rate at which investment is neither held back nor spurred", \
      "assumption") \
    X(taylor_inflation, 1.5, 0.0, 5.0, "per unit", \
      "response of the policy-rate rule to inflation above the target (after the data)", \
      "Taylor (1993)") \
    X(taylor_gap, 1.0, 0.0, 5.0, "per unit of unemployment gap", \
      "response of the policy-rate rule to urban unemployment (net of vacancies) below \
u_reference (after the data)", \
      "Taylor (1993)'s 0.5 on the output gap times an Okun coefficient of about 2") \
    X(policy_rate_smoothing, 0.9, 0.0, 1.0, "share per month", \
      "weight of last month's policy rate in this month's (the rest moves to the rule): \
interest-rate smoothing", \
      "assumption; estimated monthly smoothing in Taylor rules is 0.8-0.95 (Clarida, Gali and \
Gertler 2000, quarterly 0.8)") \
    X(inflation_target, 0.03, -0.05, 0.2, "per year", \
      "inflation target of the policy-rate rule", \
      "PBOC annual CPI target (3%)") \
    X(fed_gap_max, 0.02, 0.0, 0.2, "per year", \
      "largest gap below the Fed funds rate the rule tolerates", \
      "assumption; DESIGN 4: the rule is constrained by the Fed") \
    X(fx_flexibility, 0.2, 0.0, 10.0, "per unit of flow over reserves", \
      "after the data: monthly change of the managed rate per unit of net FX flow over reserves \
(0: a peg)", \
      "assumption: a managed float after the data; 0.2 keeps the fitted model's 2025-2035 \
projection stable, 1 overshoots (history follows the rate the PBOC chose: usdcny_monthly)") \
    /* ---- government ----------------------------------------------------- */ \
    X(vat_rate, 0.13, 0.0, 0.5, "share of domestic value in sales", \
      "effective value-added (and business) tax rate", \
      "calibrated: tax revenue near 10-18% of GDP (data: general_govt_tax_revenue_share_gdp)") \
    X(cit_rate, 0.25, 0.0, 0.6, "share of profit", \
      "corporate income tax rate", \
      "China's statutory rate from 2008 (33% before)") \
    X(deficit_ratio, 0.03, -0.2, 0.3, "share of GDP", \
      "the deficit rule: the central deficit target as a share of GDP", \
      "DESIGN 4 and seed 000_50eaa6f3762a6cc3.txt: the 3% rule") \
    X(fiscal_rule, 0.0, 0.0, 1.0, "0 or 1", \
      "0: deficit rule; 1: deficit set to close the output gap under an inflation ceiling", \
      "DESIGN 4 lever") \
    X(gap_deficit, 0.5, 0.0, 5.0, "share of GDP per unit of utilisation gap", \
      "extra deficit per unit of under-utilisation under fiscal_rule 1", \
      "assumption") \
    X(inflation_ceiling, 0.05, -0.05, 0.5, "per year", \
      "inflation above which fiscal_rule 1 stops adding deficit", \
      "assumption") \
    X(monetary_financing, 0.0, 0.0, 1.0, "0 or 1", \
      "1: the PBOC buys the bonds issued under fiscal_rule 1", \
      "DESIGN 4 lever") \
    X(transfer_share, 0.45, 0.0, 1.0, "share of central revenue", \
      "central-to-local transfers", \
      "seed 000: local governments spend 70-85% with about half the revenue; calibrated") \
    X(public_wage_share, 0.5, 0.0, 1.0, "share of government spending", \
      "part of government spending paid as public wages", \
      "assumption") \
    /* ---- housing, developers and local-government finance (issue 4) --- */ \
    X(home_price_2000, 190080.0, 10000.0, 2000000.0, "yuan per home", \
      "national average price of a new home in 2000 (a home is 90 square metres)", \
      "NBS China Statistical Yearbook 2001: 2,112 yuan per square metre for commercial residential buildings in 2000 (not in shared/data) times 90") \
    X(household_size, 3.1, 1.5, 6.0, "persons per household", \
      "urban persons per household: turns the urban population into households that need a home", \
      "2000 census: urban family households averaged about 3.1 persons") \
    X(old_home_quality, 0.5, 0.05, 1.0, "new-home equivalents per urban household in 2000", \
      "the 2000 urban housing stock counted in new homes of the day (much of it old work-unit housing)", \
      "assumption: urban floor space was about 20 square metres per person in 2000, half of it in pre-reform buildings") \
    X(urbanisation_after_data, 0.006, 0.0, 0.03, "share of population per year", \
      "rise of the urban population share after the last data year", \
      "data: urban_population_share rose 1.0-1.4 points a year in 2010-2021; slowing (assumption)") \
    X(migration_elasticity, 1.0, 0.0, 5.0, "elasticity", \
      "pull of a city's income (relative to the national average) on where new urban households settle: migration between tiers", \
      "assumption; migrants went to the richer coastal and tier 1-2 cities (census 2010 and 2020)") \
    X(hukou_friction, 0.5, 0.0, 1.0, "share", \
      "share of the pull of tier 1-2 cities lost to residence-permit (hukou) limits on newcomers' schooling, social insurance and home purchases", \
      "assumption; the big cities kept the strictest hukou rules") \
    X(formation_purchase_share, 0.45, 0.0, 1.0, "share of new urban households", \
      "share of new urban households who buy a new commercial home (the rest rent, live with family, in urban villages or dormitories)", \
      "calibration target: about 2 million homes sold in 2000 (NBS: 166 million square metres of residential floor space) against 5-6 million new urban households a year (data: urban_population_share, population)") \
    X(upgrade_rate, 0.004, 0.0, 0.2, "share of the gap to saturation per year", \
      "homes bought to upgrade or replace, per year, as a share of the gap between housing_saturation homes per urban household and the homes there are, at 2000 affordability", \
      "calibration target: about 2 million homes sold in 2000 (NBS: 166 million square metres of residential floor space)") \
    X(housing_saturation, 1.3, 0.5, 3.0, "new-home equivalents per urban household", \
      "homes per urban household at which upgrading stops: demand for better homes fades as the stock catches up", \
      "PBOC survey of urban households 2019: about 1.5 homes per household, of every age and size; in new-home equivalents less (assumption)") \
    X(affordability_elasticity, 0.6, 0.0, 5.0, "elasticity", \
      "response of owner-occupier demand to the mortgage payment on a home over household income", \
      "assumption") \
    X(down_payment, 0.3, 0.0, 1.0, "share of the price", \
      "down payment a buyer pays from deposits; the rest is a mortgage", \
      "PBOC rules: 20-30% for first homes, more for second homes") \
    X(mortgage_years, 20.0, 5.0, 30.0, "years", \
      "maturity of a mortgage (repaid in equal monthly principal)", \
      "typical Chinese mortgage terms of 20-30 years") \
    X(mortgage_spread, -0.005, -0.03, 0.03, "per year", \
      "mortgage rate over the loan rate", \
      "PBOC: first-home mortgages were often priced below the benchmark lending rate") \
    /* ---- consumer credit (src/markets/consumer_credit.c) --------------- */ \
    X(consumer_credit_limit, 0.0, 0.0, 24.0, "months of expected disposable income", \
      "most a household may owe in consumer loans (0: no consumer credit)", \
      "assumption: off in the history, which has no consumer credit; China's short-term consumer loans were of the order of two months of household disposable income in the early 2020s (PBOC financial statistics), a level a scenario can set (event consumer_credit)") \
    X(consumer_credit_draw, 0.02, 0.0, 1.0, "share of the unused line per month", \
      "how fast households borrow what their consumer-credit line allows, to spend it", \
      "assumption: a half-life of about three years (Kim 2016 models household borrowing in an SFC model as a slow stock adjustment)") \
    X(consumer_loan_months, 36.0, 3.0, 120.0, "months", \
      "maturity of consumer loans (repaid in equal monthly principal)", \
      "assumption: consumer loans and credit-card instalments of one to five years") \
    X(consumer_loan_spread, 0.03, 0.0, 0.2, "per year", \
      "consumer-loan rate over the loan rate", \
      "assumption: unsecured consumer loans priced a few points above business loans") \
    X(purchase_cash_limit, 0.3, 0.01, 1.0, "share of deposits per month", \
      "most of a city's household deposits that down payments may take in a month (buyers need the cash)", \
      "assumption; binds only in small cities of small runs, where a few agents stand for a whole city") \
    X(rent_yield_2000, 0.05, 0.0, 0.2, "per year", \
      "gross rent over the price of a home in 2000; rents then follow household income", \
      "assumption: yields fell from about 5% to under 2% by the late 2010s (widely reported)") \
    X(fomo, 0.5, 0.0, 1.0, "weight", \
      "weight of the city's own past price growth (extrapolation: the fear of missing out) in expected price growth; the rest is nominal GDP growth", \
      "DESIGN 4 and seed 000_50eaa6f3762a6cc3.txt; weight an assumption") \
    X(price_memory, 0.1, 0.01, 1.0, "share per month", \
      "speed at which expected house price growth adapts", \
      "assumption") \
    X(investor_intensity, 0.1, 0.0, 5.0, "share of deposits per year per unit of excess return", \
      "investor purchases of homes out of the city's deposits per point of expected return over the deposit rate and the premium", \
      "calibration target: investor share of sales and the 2016-2018 surge; to be fitted (issue 7)") \
    X(investor_premium, 0.02, 0.0, 0.2, "per year", \
      "risk premium investors ask of housing over deposits", \
      "assumption") \
    X(purchase_restriction, 0.0, 0.0, 1.0, "share of investor demand barred", \
      "strength of purchase restrictions (units per household, non-local buyers) in tier 1 and 2 cities, set by events", \
      "DESIGN 5: 2010, loosened 2014, re-tightened 2016-10, loosened 2023") \
    X(restriction_enforcement, 0.6, 0.0, 1.0, "share", \
      "share of the restricted demand actually stopped (the rest finds a way round: divorces, proxies)", \
      "assumption") \
    X(restriction_lower_tiers, 0.3, 0.0, 1.0, "share", \
      "strength of the restrictions in tier 3 and 4 cities relative to tiers 1 and 2", \
      "assumption: restrictions were mostly in large cities") \
    X(presale_share, 0.8, 0.0, 1.0, "share of purchases", \
      "share of buyers who buy off-plan when no developer is at risk", \
      "presales were 80-90% of new-home sales in the 2010s (NBS, widely reported)") \
    X(presale_risk_sensitivity, 1.0, 0.0, 100.0, "per unit of risk", \
      "fall of the off-plan share per unit of perceived developer default risk (share of sales by developers defaulted in the last year)", \
      "assumption: presales collapsed after 2021") \
    X(default_memory_months, 36.0, 1.0, 240.0, "months", \
      "how long buyers remember a developer's default when they judge the risk of buying off-plan", \
      "assumption: off-plan sales had not recovered three years after the first defaults of 2021 (NBS sales 2022-2024)") \
    X(house_price_speed, 0.01, 0.0, 0.5, "per month", \
      "response of a city's log price to the log ratio of demand to normal absorption of listings", \
      "assumption") \
    X(house_price_max_step, 0.01, 0.001, 0.1, "per month", \
      "largest change of a city's log price in a month (list prices are sticky)", \
      "NBS 70-city new-home price index: monthly changes mostly within +-1% in 2011-2024") \
    X(inventory_months, 12.0, 1.0, 60.0, "months", \
      "months of sales the listings (unsold and unpresold homes) normally hold", \
      "assumption: 10-15 months of inventory was the normal range in NBS and CRIC reports") \
    X(land_supply_upper, 0.07, 0.0, 0.5, "share of the city's homes per year", \
      "land local governments of tier 1-2 cities release for new homes in a year, as a share of the homes there (land supply is their decision; big cities held it back)", \
      "calibration target: the rise of house prices (BIS index, data/china_annual.csv); urban floor space per person doubled 2000-2020 while the urban population doubled (NBS), a stock growth of about 7% a year on average") \
    X(land_supply_lower, 0.12, 0.0, 0.5, "share of the city's homes per year", \
      "the same for tier 3-4 cities, which sold land more freely", \
      "calibration target: as land_supply_upper; tier 3-4 cities built more per household (vacancy surveys)") \
    X(construction_months, 30.0, 6.0, 48.0, "months", \
      "time from a project's start to its completion", \
      "DESIGN 4: 24-36 months") \
    X(build_cost_share, 0.35, 0.05, 1.0, "share of the 2000 price", \
      "construction cost of a home in 2000 (then moves with the construction price)", \
      "assumption: about 900 yuan per square metre in 2000") \
    X(developer_margin, 0.12, 0.0, 0.5, "share of the expected price", \
      "margin developers need when they bid for land", \
      "assumption") \
    X(land_bid_share, 0.95, 0.0, 1.0, "share", \
      "share of the residual value of land (expected price less cost and margin) that auctions capture", \
      "assumption: competitive auctions") \
    X(starts_response, 0.5, 0.0, 5.0, "per unit of inventory gap", \
      "response of starts to the gap between normal and actual months of listings", \
      "assumption") \
    X(developer_leverage_small, 0.4, 0.0, 0.95, "loans over inventory", \
      "bank loans developers want per yuan of land and work in progress, smallest developer", \
      "assumption") \
    X(developer_leverage_large, 0.7, 0.0, 0.95, "loans over inventory", \
      "the same for the largest developer (larger developers were more leveraged)", \
      "assumption; Evergrande-type balance sheets") \
    X(state_developer_share, 0.3, 0.0, 1.0, "share of developers", \
      "share of developers owned by the state (spread over all sizes): they borrow at the small developers' leverage and their banks always roll over", \
      "assumption: state-owned developers were about a third of the largest developers' sales in the early 2020s (CRIC rankings, widely reported)") \
    X(red_line_leverage, 1.0, 0.0, 1.0, "loans over inventory", \
      "most a developer may borrow per yuan of land and work in progress; above it banks lend nothing new and ask for repayment (1: no rule; the 2020-08 leverage rules lower it by an event)", \
      "DESIGN 5 (three red lines, 2020-08); 0.45 in history.yaml stands for the rules' 70% liabilities-to-assets line net of presales (assumption)") \
    X(dollar_bond_share, 0.15, 0.0, 1.0, "share of new borrowing", \
      "share of a developer's new borrowing raised by dollar bonds sold abroad (the rest from its bank); repayments are shared as the debt is", \
      "assumption: offshore dollar bonds were roughly a tenth to a fifth of the large private developers' interest-bearing debt around 2020 (company reports, widely reported)") \
    X(dollar_bond_spread, 0.07, 0.0, 0.3, "per year", \
      "rate on developers' dollar bonds over the Fed funds rate", \
      "assumption: Chinese developers' high-yield dollar bonds yielded about 8-12% before 2021") \
    X(developer_loan_months, 36.0, 6.0, 120.0, "months", \
      "maturity of developer loans: the share repaid each month when banks refuse to roll over", \
      "assumption") \
    X(rollover_stress, 0.15, 0.0, 5.0, "sales over debt per year", \
      "banks refuse to roll over a developer's loans when its last year's sales fall below this multiple of its loans", \
      "assumption") \
    X(presale_loss_share, 0.3, 0.0, 1.0, "share of claims", \
      "share of a defaulted developer's presale claims that buyers lose", \
      "seed 000_50eaa6f3762a6cc3.txt: the Evergrande default alone wiped out about 2.4 trillion yuan of savings; share an assumption") \
    X(loan_loss_share, 0.5, 0.0, 1.0, "share of loans", \
      "share of a defaulted developer's bank loans written off", \
      "assumption") \
    X(land_compensation_share, 0.7, 0.0, 1.0, "share of land revenue", \
      "share of land-sale revenue that local governments pay out as compensation for requisitioned land and demolition (the rest they spend)", \
      "Ministry of Finance land-fund accounts: about 80% of land revenue went to compensation and land development costs in the 2010s (widely reported)") \
    X(lgfv_infrastructure, 0.03, 0.0, 0.2, "share of GDP per year", \
      "infrastructure built by local financing vehicles on borrowed money, at zero growth gap", \
      "assumption; DESIGN 5: LGFV borrowing 2009-2015 (events raise it)") \
    X(local_bond_infrastructure, 0.0, 0.0, 0.2, "share of GDP per year", \
      "infrastructure financed by official local bonds within the quota", \
      "DESIGN 5: the 2015 budget law (set by events)") \
    X(growth_target, 0.08, 0.0, 0.2, "per year", \
      "national growth target against which local officials are judged", \
      "government work reports: 8% to 2011, then 7.5%, 7%, 6.5%, 6%, 5% (set by events)") \
    X(promotion_incentive, 3.0, 0.0, 20.0, "per unit of growth gap", \
      "rise of LGFV infrastructure per point of growth below the target (officials promoted on growth)", \
      "DESIGN 4; strength an assumption") \
    X(wmp_share, 0.2, 0.0, 1.0, "share", \
      "share of new LGFV debt sold to households as wealth-management products (the rest is bank loans)", \
      "assumption") \
    X(lgfv_spread, 0.015, 0.0, 0.1, "per year", \
      "rate on LGFV debt over the loan rate", \
      "assumption: LGFV bonds yielded 1-2 points over government bonds") \
    X(debt_swap_rate, 0.0, 0.0, 2.0, "share of LGFV debt per year", \
      "LGFV debt swapped into official local bonds each year (2015-2018 swap, 2024-11 relief), set by events", \
      "DESIGN 5") \
    X(resettlement_homes, 0.0, 0.0, 20000000.0, "homes per year", \
      "old homes bought out for cash by monetised shantytown resettlement in tier 3 and 4 cities, set by events", \
      "seed 000_50eaa6f3762a6cc3.txt; DESIGN 5 (2015-2018); size from State Council plans of about 6 million units a year") \
    X(resettlement_rebuy, 0.7, 0.0, 1.0, "share", \
      "share of resettled households who buy a new home with the cash", \
      "assumption") \
    X(resettlement_up_tier, 0.2, 0.0, 1.0, "share", \
      "share of those buyers who buy in a tier 2 city (demand spreading up the tiers)", \
      "assumption") \
    X(completion_rate, 0.0, 0.0, 2.0, "share of stalled off-plan homes per year", \
      "stalled off-plan homes of defaulted developers finished with public money (official local bonds) and handed to their buyers, set by events", \
      "DESIGN 5: the 2022-2024 rescue (special loans and relending for guaranteed delivery); the rate in history.yaml is an assumption") \
    X(completion_cost_share, 0.5, 0.0, 1.0, "share of the build cost", \
      "construction still to pay on a stalled home, as a share of a new home's build cost", \
      "assumption: projects stalled half-built on average") \
    X(c2_housing, 0.0005, 0.0, 0.01, "share of housing wealth per month", \
      "propensity to consume out of housing wealth (kept apart from c2_wealth: homes are hard to spend)", \
      "assumption: estimates of the housing wealth effect in China are small, under 1-2% a year") \
    X(housing_precaution, 0.5, 0.0, 10.0, "per unit of price fall", \
      "fall of the propensity to consume per unit of fall in national house prices over a year", \
      "DESIGN 4: precautionary saving rises with falling house prices; strength an assumption") \
    /* ---- demography and regions (issue 5, model/demography.c) ---------- */ \
    X(household_churn, 0.02, 0.0, 0.2, "share of urban households per year", \
      "urban households that choose again where to live each year (migration between cities, by the settlement weights of 4.10)", \
      "assumption, not calibrated; compare: the three north-eastern provinces fell from about 8.4% of China's population (2000 census) to about 7.0% (2020 census; neither in shared/data), docs/demography.md") \
    X(local_construction_income, 0.1, 0.0, 1.0, "share of a city's household income", \
      "weight of local home building in a city's relative income: income moves by this times the city's home sales per household over the national rate, less one", \
      "assumption: construction and real estate employed about a tenth of urban workers in the 2010s (NBS urban employment by sector, not in shared/data)") \
    X(rust_belt_share, 0.08, 0.0, 0.3, "share of 2000 urban households", \
      "size of the designated north-east rust-belt group, taken from the cities of tiers 2-4 (model/demography.c)", \
      "assumption: Heilongjiang, Jilin and Liaoning held about 8% of China's population in the 2000 census (not in shared/data)") \
    X(rust_belt_birth_ratio, 0.5, 0.0, 3.0, "ratio to the national crude birth rate", \
      "birth rate of the rust-belt cities relative to the national rate", \
      "data/demography.csv: Heilongjiang 3.34 per mille in 2022 and 2.92 in 2023 against 6.77 and 6.39 nationally (ratio 0.49, 0.46)") \
    X(rust_belt_death_ratio, 1.2, 0.0, 3.0, "ratio to the national crude death rate", \
      "death rate of the rust-belt cities relative to the national rate (an older population)", \
      "data/demography.csv: Heilongjiang 9.09 per mille in 2022 and 9.84 in 2023 against WPP 2024's 7.7 and 8.2 nationally (ratios 1.18, 1.20)") \
    /* ---- rest of the world -------------------------------------------- */ \
    X(export_income_elasticity, 2.3456, 0.0, 5.0, "elasticity", \
      "export volume response to foreign nominal GDP in dollars", \
      CALIBRATED "reference: hand calibration on FX reserves 2000-2010 (data: fx_reserves_excl_gold_usd)") \
    X(export_cycle_elasticity, 2.5, 0.0, 5.0, "elasticity", \
      "extra response of export volume to foreign GDP growth over its trend (trade falls more than GDP in a slump)", \
      "set to 2.5 so that exports fall in 2009 (-16% in the data while world GDP in dollars fell 5%; trade falls more than GDP in a slump, Levchenko, Lewis and Tesar 2010); the distance of tools/calibrate_history.py alone prefers 1.0") \
    X(foreign_inflation, 0.025, -0.05, 0.2, "per year", \
      "inflation of the dollar prices of the goods China imports and competes with abroad", \
      "US CPI inflation averaged about 2.5% a year in 2000-2024 (BLS CPI-U)") \
    X(export_share_ceiling, 0.0576, 0.005, 1.0, "share of foreign GDP", \
      "largest share of the rest of the world's GDP that China's exports can reach: demand \
saturates toward it (X = D / sqrt(1 + (D / (ceiling Y))^2), D the unsaturated demand)", \
      CALIBRATED "reference: data: China's exports over world GDP less China rose from 0.8% (2000) to 3.5% (2013) and \
stayed at 3.4-4.5% since (exports_gs_usd; world_gdp.csv); calibrated with the export elasticities") \
    X(export_price_elasticity, 1.718, 0.0, 5.0, "elasticity", \
      "export volume response to China's export price in dollars", \
      CALIBRATED "reference: assumption in the range of trade-elasticity estimates (1-2)") \
    X(tariff_elasticity, 2.0, 0.0, 10.0, "elasticity", \
      "export response to (1 + tariff)", \
      "assumption; trade-war studies find 2-4") \
    X(wto_gain, 1.0513, 0.0, 5.0, "fraction", \
      "rise in China's export market access phased in after WTO entry (2001-12)", \
      CALIBRATED "reference: hand calibration on FX reserves 2000-2010 (data: fx_reserves_excl_gold_usd)") \
    X(wto_phase_months, 72.0, 1.0, 240.0, "months", \
      "months over which WTO market access is phased in", \
      "assumption: accession commitments ran to about 2007") \
    X(import_elasticity, 1.0, 0.0, 5.0, "elasticity", \
      "response of import content to the real exchange rate", \
      "assumption") \
    X(portfolio_sensitivity, 0.2, 0.0, 10.0, "share of annual GDP per unit of yearly differential", \
      "private foreign funding China's residents want to hold (net of their foreign assets) per \
unit of interest differential net of expected depreciation: a stock, so a lasting differential \
moves a bounded amount of capital", \
      CALIBRATED "reference: rough calibration: about $1 trillion left in 2015-16 (data: fx_reserves_excl_gold_usd) on a \
swing of some 5 points in a $11 trillion economy; to be fitted (issue 7)") \
    X(portfolio_speed, 0.3, 0.0, 1.0, "share of the gap closed per month", \
      "speed at which private portfolios move toward the position the differential calls for", \
      CALIBRATED "reference: assumption: most of the 2015-16 outflow happened within two years (half-life about a year)") \
    /* ---- technology: research, knowledge, growth accounting (model/technology.c) */ \
    X(rd_private_opening_share, 0.0054, 0.0, 0.05, "share of GDP", \
      "firms' research and development in the first month (sets the scale of private research)", \
      "data: rd_expenditure_share_gdp 0.89% in 2000, of which enterprises about 60% (NBS / MOST \
statistics on R&D by performer; institutes and universities the rest)") \
    X(rd_profit_elasticity, 0.25, 0.0, 5.0, "elasticity", \
      "response of private research to firms' expected profit margin relative to its opening level (linear: 1 + this x (margin ratio - 1))", \
      "assumption: research is financed from internal funds (Himmelberg and Petersen 1994; Hall and Lerner 2010); a partial response, \
since labs and staff are commitments: with 1, research fell with the model's margins from 2012 and vanished by 2030 in the baseline") \
    X(rd_catchup_elasticity, 1.2, 0.0, 5.0, "elasticity", \
      "rise of firms' research intensity with productivity relative to the world frontier (innovate rather than imitate)", \
      "Acemoglu, Aghion and Zilibotti (2006); calibrated by hand so that research rises toward 2.4% of GDP by 2020 (data: rd_expenditure_share_gdp)") \
    X(rd_gestation_months, 18.0, 1.0, 120.0, "months", \
      "mean time for research spending to become usable knowledge", \
      "Pakes and Schankerman (1984): a gestation lag of one to two years") \
    X(rd_depreciation, 0.15, 0.0, 1.0, "per year", \
      "depreciation (obsolescence) of the knowledge stock", \
      "Griliches (1980); Hall, Mairesse and Mohnen (2010): 15% is the standard rate of R&D capital") \
    X(rd_growth_opening, 0.18, 0.0, 0.5, "per year", \
      "growth of the real knowledge stock before 2000 (sets the opening stock)", \
      "data: rd_expenditure_share_gdp rose from 0.56% (1996) to 0.89% (2000) while real GDP grew about 8% a year: real research grew near 20% a year") \
    X(rd_elasticity, 0.15, 0.0, 1.0, "per unit of knowledge-stock growth", \
      "growth of labour-augmenting technology per unit of growth of the knowledge stock", \
      "Griliches knowledge-capital model; output elasticities of R&D capital 0.05-0.25 (Hall, Mairesse and Mohnen 2010), \
over a labour share near 0.58; calibrated by hand so that labour productivity and GDP growth 2000-2024 stay near the fit of tfp_growth (docs/technology.md)") \
    X(rd_absorption, 0.42, 0.0, 5.0, "per year per unit of stock/GDP per log point of gap", \
      "growth of technology from absorbing the frontier's, per unit of knowledge stock over annual real GDP and per log point of gap", \
      "Griffith, Redding and Van Reenen (2004), Nelson and Phelps (1966); calibrated by hand with rd_elasticity so that \
labour productivity and GDP growth 2000-2024 stay near the fit of tfp_growth (docs/technology.md)") \
    X(frontier_gap, 2.0, 0.0, 5.0, "log points", \
      "gap of China's labour productivity to the frontier in 2000", \
      "China's output per worker was about 12-15% of the US level around 2000 (Penn World Table, PPP): ln(1 / 0.13) = 2.0") \
    X(frontier_growth, 0.015, 0.0, 0.05, "per year", \
      "growth of the world frontier's labour productivity", \
      "US labour productivity grew about 1.5% a year in 2000-2024 (BLS, nonfarm business output per hour)") \
    X(capital_share, 0.425, 0.0, 1.0, "share of GDP", \
      "capital's share a in the growth accounting (TFP = Y / (K^a L^(1-a))); output only", \
      "data: pwt_labour_share averaged 0.575 in 2000-2019, so a = 0.425") \
    /* ---- trade war, FDI, Global-South lending, yuan invoicing (docs/trade.md) ---- */ \
    X(trade_diversion, 0.5, 0.0, 1.0, "share of the demand lost", \
      "share of the US-bound export demand lost to a rise of the US tariff over the other destinations' that reaches the US through third countries (counted as exports to the rest of the world)", \
      "assumption in the range of the 2018-19 studies: US imports from China fell while imports from Vietnam, Mexico and others rose and those countries' imports from China rose in the same goods (Fajgelbaum, Goldberg, Kennedy, Khandelwal and Taglioni 2024; Freund, Mattoo, Mulabdic and Ruta 2024); set so that the US share of China's exports falls from about 19% (2017) to about 15% (2023, China customs) while total exports keep growing") \
    X(us_recession_depth, 0.0, 0.0, 0.9, "fraction of US GDP", \
      "fall of US nominal GDP in dollars below its path at the trough of a US recession (event us_recession)", \
      "none in the history; the 2008-09 recession took US nominal GDP about 4% below its trend (BEA), counterfactuals set it") \
    X(us_recession_months, 24.0, 2.0, 240.0, "months", \
      "length of a US recession: GDP falls linearly to the trough over the first half and recovers its path over the second", \
      "assumption: NBER recessions since 1980 and their recoveries took one to three years") \
    X(us_recession_month, -1.0, -1.0, 2399.0, "month from 2000-01 (-1: none)", \
      "first month of a US recession (event us_recession sets it to its date)", \
      "none in the history (the 2008-09 recession is in the GDP data)") \
    X(fdi_growth_response, 0.6, 0.0, 5.0, "share of GDP per unit of yearly growth", \
      "foreign direct investment inflow, share of GDP, per point of expected real growth above fdi_growth_floor: investors come for a growing market", \
      "data: fdi_net_inflows_share_gdp fell from 3.5-4.5% (2000-2011, growth near 10%) to 1.3-1.7% (2016-2020, growth near 6-7%): a slope of about 0.6") \
    X(fdi_growth_floor, 0.04, -0.1, 0.2, "per year", \
      "expected real growth below which no foreign direct investment comes in", \
      "data: the line through the two periods of fdi_net_inflows_share_gdp above reaches zero near 4% growth (WDI shows 0.2-1% in 2022-23, growth near 5%)") \
    X(fdi_tariff_elasticity, 1.0, 0.0, 10.0, "elasticity", \
      "response of foreign direct investment to (1 + US tariff on China) over its 2000 level: tariff risk moves plants elsewhere", \
      "assumption: the 'China plus one' relocation after 2018 (Freund et al. 2024) was modest next to the growth slowdown in the FDI data") \
    X(fdi_openness, 1.0, 0.0, 10.0, "multiple", \
      "openness of China to foreign direct investment (1: the history); scales the inflow", \
      "lever for counterfactuals (scenarios/trade_truce.yaml)") \
    X(fdi_recycled, 0.6, 0.0, 1.0, "share of the FDI inflow", \
      "share of the FDI inflow leaving again the same month as residents' foreign assets: the outward direct investment, other investment and errors and omissions the model has no mechanism for", \
      "calibrated to the reserves (data: fx_reserves_excl_gold_usd) now that the Global-South loans are paid out of them: 0.6 keeps their growth (validate RMSE 6.9 points against 8.0 before issue 5) and their level within about 15% of the data in 2010-2024, where 0.8-0.9 leaves them 15-25% short and the float after the data runs out of reserves in the baseline; SAFE's balance of payments: in 2000-2020 such outflows were larger than the whole FDI inflow") \
    X(gs_lending_rate, 0.01, 0.0, 1.0, "share of FX reserves per year", \
      "new loans to developing countries a year, as a share of the PBOC's FX reserves (policy-bank lending out of the foreign exchange the state holds); repaid over gs_maturity", \
      "set so that the stock nears the estimates: about 0.1 trillion dollars by 2012, 0.5 trillion by 2017 (Horn, Reinhart and Trebesch 2021) and about 0.8-1.1 trillion by 2021 (AidData 2023, Boston University's Chinese loans database); raised by event overseas_lending in scenarios/history.yaml (2013-09 Belt and Road, 2020-01 retreat)") \
    X(gs_loan_rate, 0.04, 0.0, 0.2, "per year", \
      "interest the Global South pays on China's loans", \
      "AidData 'Banking on the Belt and Road' (2021): Chinese official loans average about 4% a year, against about 1% for OECD lenders") \
    X(gs_maturity, 10.0, 1.0, 40.0, "years", \
      "maturity of China's Global-South loans: relieved debt frees its service for this long", \
      "AidData (2021): Chinese loans' maturities average under ten years; Gelpern et al. 'How China Lends' (2021)") \
    X(gs_spending_china, 0.2, 0.0, 1.0, "share of freed debt service", \
      "share of the debt service freed by relief that the debtor countries spend on China's goods", \
      "assumption: foreign-exchange constrained debtors spend freed service on imports, of which China supplies about a fifth for developing countries (IMF Direction of Trade Statistics, 2020s)") \
    X(gs_relief_share, 0.0, 0.0, 1.0, "share of the Global-South loans", \
      "share of China's Global-South loans written off at once in the month of event global_south_relief", \
      "none in the history; seed 000_50eaa6f3762a6cc3.txt proposes relief (counterfactuals set it)") \
    X(gs_relief_reserves, 0.0, 0.0, 1.0, "share of FX reserves", \
      "share of the PBOC's FX reserves paid at once, in the month of event global_south_relief, to retire the Global South's dollar debt to other creditors (a capital transfer abroad)", \
      "none in the history; seed 000_50eaa6f3762a6cc3.txt argues China should use its dollar reserves to pay off Global-South debt") \
    X(gs_relief_month, -1.0, -1.0, 2399.0, "month from 2000-01 (-1: none)", \
      "month of a Global-South debt relief (event global_south_relief sets it to its date)", \
      "none in the history") \
    X(rmb_settlement_month, -1.0, -1.0, 2399.0, "month from 2000-01 (-1: not allowed)", \
      "month from which trade may be settled in yuan (event rmb_settlement)", \
      "the cross-border yuan settlement pilot began in 2009-07 (PBOC; event in scenarios/history.yaml)") \
    X(rmb_invoicing_base, 0.35, 0.0, 1.0, "share of trade with the rest of the world", \
      "share of trade with countries outside the US and EU that would settle in yuan at a stable rate, before loans in yuan", \
      "set by hand to cross-border yuan settlement of goods trade near a quarter of the total in 2015 and 2022-23 (PBOC RMB Internationalization Reports)") \
    X(rmb_invoicing_fx, 12.0, 0.0, 50.0, "per unit of yearly appreciation", \
      "rise of the yuan-invoicing target per unit of the yuan's appreciation against the dollar over the past year (holding yuan pays when it rises)", \
      "set by hand: settlement rose with the appreciation of 2010-2014 and fell from about 26% (2015) to about 13% (2017) after the 2015-16 depreciation (PBOC); the model's fall is smaller (to about 21%)") \
    X(rmb_invoicing_lending, 0.2, 0.0, 5.0, "per unit of loans over a year's exports", \
      "rise of the yuan-invoicing target per unit of Global-South loans over a year of exports (debtors and swap-line partners pay in yuan)", \
      "assumption: yuan lending and the PBOC's swap lines (about 40 partners) build the network that keeps yuan settlement after 2017") \
    X(rmb_invoicing_speed, 0.4, 0.0, 12.0, "share of the gap closed per year", \
      "speed at which yuan invoicing moves toward its target", \
      "set by hand: the 2009-2015 rise took years (PBOC); faster speeds bring it too early, and none reproduces the full 2016-17 fall (docs/trade.md)") \
    /* ---- industry dynamics: strategic emerging industries (issue 5, agents/emerging.c) */ \
    X(emerging_incumbents, 20.0, 1.0, 5000.0, "firms", \
      "emerging-industry firms in business in January 2000 (the rest of the industry's slots wait for entrants)", \
      "assumption: a few dozen makers of batteries, solar cells and new-energy vehicles before the 2009 policies (seed 000_50eaa6f3762a6cc3.txt: BYD began making EVs in 2008, hardly noticed before 2009)") \
    X(emerging_substitution, 3.5, 0.0, 10.0, "elasticity", \
      "elasticity of substitution between the emerging goods and the manufactures they replace: spending shares move with relative prices as p^(1 - this)", \
      "assumption within the range of product-variety estimates for differentiated goods (about 2-5, Broda and Weinstein 2006); with the learning below the emerging share rises toward the NBS path (7.6% of GDP in 2014, 13.4% in 2021: seed 004_3dd7420ef5fa3b25.txt) but stays below it; 4.5 came closer but left the baseline after 2024 with rising inflation and reserves near zero by 2035 (docs/industry.md)") \
    X(emerging_learning, 0.1, 0.0, 1.0, "elasticity", \
      "learning by doing in the emerging industry: labour productivity rises, and imported inputs per unit fall, by this times the growth of cumulative output (Wright's law; 0.1 is a 7% cost fall per doubling)", \
      "Wright's law; lithium-ion battery and solar-module costs fell some 20% per doubling of cumulative output (Ziegler and Trancik 2021); set lower, 0.1, as the industry is broader and because real GDP at fixed 2000 prices overstates growth when a relative price falls (0.2 raised the gdp_real growth bias from +0.5 to +1.0 points a year)") \
    X(emerging_prior_months, 60.0, 1.0, 1200.0, "months of the opening output", \
      "cumulative output of the emerging industry before January 2000 (the base of its learning curve)", \
      "assumption: a young industry") \
    X(entry_rate, 250.0, 0.0, 100000.0, "firms per month per unit of excess return a year", \
      "expected entrants into the emerging industry per month per unit of expected net return on capital above entry_hurdle", \
      "calibrated to seed 000_50eaa6f3762a6cc3.txt: at least 300 EV makers registered in 2014-2015 under the subsidies of the national EV project") \
    X(entry_subsidy_weight, 1.2, 0.0, 20.0, "return a year per unit of subsidy rate", \
      "what entrants add to the expected return per unit of the industrial subsidy rate (local land, grants and cheap credit for new plants come with the central subsidy)", \
      "calibrated with entry_rate to seed 000_50eaa6f3762a6cc3.txt (300 EV makers registered 2014-2015, 500 by 2018); seed 004_3dd7420ef5fa3b25.txt: industrial policy is subsidies, tax breaks and cheap credit together (1.7% of GDP in 2019)") \
    X(entry_hurdle, 0.10, -1.0, 1.0, "per year", \
      "expected net return on capital (profit after interest and tax, less depreciation) below which nobody enters", \
      "calibrated: almost no entry before the subsidies of 2009-2010 (seed 000_50eaa6f3762a6cc3.txt: EVs ignored until then)") \
    X(entrant_size, 0.0015, 0.0, 0.1, "share of the industry's capital", \
      "capital an entrant builds on entry (paid with equity sold to households and bank loans)", \
      "assumption: a new EV maker is a small plant next to the industry (hundreds of entrants add capacity of the order of the industry's)") \
    X(entrant_equity_share, 0.15, 0.0, 1.0, "share of the entry capital", \
      "part of an entrant's plant paid with equity sold to households; the rest is borrowed from its bank", \
      "assumption: new EV makers were funded largely by bank credit and local-government funds, with thin private equity (seed 004_3dd7420ef5fa3b25.txt: cheap credit is part of industrial policy)") \
    X(competitiveness_dispersion, 1.8, 0.0, 1.9, "range around 1", \
      "spread of the firms' competitiveness (sales per unit of capital relative to the mean): slot j's is 1 + this (u_j - 1/2), u_j evenly spread", \
      "assumption: makes who survives a price war depend on the firm, not on chance") \
    X(subsidy_pass_through, 0.5, 0.0, 1.0, "share", \
      "share of the industrial subsidy the emerging firms pass on to buyers in lower prices (the rest raises their margins)", \
      "assumption: the EV purchase subsidies lowered prices and also raised makers' margins (the 2016 subsidy-fraud inquiry found makers claiming for cars never sold)") \
    X(exit_discount, 0.5, 0.0, 1.0, "share of book value", \
      "discount at which an exiting firm's plants are sold to the surviving firms of its industry", \
      "assumption: plants of failed EV makers were taken over by the survivors at fire-sale prices; a larger discount is closer to scrapping") \
    X(industrial_subsidy_rate, 0.0, 0.0, 1.0, "share of sales", \
      "the central government's subsidy to emerging-industry firms per yuan of their sales (event industrial_subsidies)", \
      "0 in January 2000; scenarios/history.yaml dates the EV tax credits of 2009, the strategic emerging industries of 2010 and the EV national project of 2014 (seeds 000_50eaa6f3762a6cc3.txt, 004_3dd7420ef5fa3b25.txt), and the phase-out of the EV purchase subsidies (2017, 2019, 2023; Ministry of Finance notices)") \
    /* ---- policy timeline levers (set by scenario events) ---- */ \
    /* Defaults are the policy of January 2000, so that a run without events \
     * is a run without policy change; scenarios/history.yaml dates the \
     * changes (docs/scenarios.md). "Month" values count months from 2000-01 \
     * (2001-12 is 23); -1 means "never". */ \
    X(vat_central_share, 0.75, 0.0, 1.0, "share of VAT revenue", \
      "central government's share of value-added tax (the rest is local)", \
      "1994 tax-sharing reform: 75/25 central/local (seed 000_50eaa6f3762a6cc3.txt; DESIGN 4); \
50/50 from 2016-05 with the business-tax-to-VAT reform (event vat_split)") \
    X(income_tax_central_share, 0.0, 0.0, 1.0, "share of income-tax revenue", \
      "central government's share of corporate and personal income tax (the rest is local)", \
      "local taxes before the 2002 income-tax sharing reform: 50/50 in 2002, 60/40 from 2003 \
(DESIGN 4; event income_tax_sharing)") \
    X(wto_entry_month, -1.0, -1.0, 2399.0, "month from 2000-01 (-1: not a member)", \
      "month WTO membership takes effect: market access then rises by wto_gain over wto_phase_months", \
      "China joined the WTO on 2001-12-11 (DESIGN 5; event wto_entry sets it to its date, 23); \
not a member in January 2000") \
    X(stimulus_total, 0.0, 0.0, 1e14, "yuan", \
      "extra central purchases from construction, spread evenly over stimulus_months from \
stimulus_start_month", \
      "the 4-trillion-yuan package of 2008-11 to 2010-12 (seed 000_50eaa6f3762a6cc3.txt; DESIGN 5; \
event stimulus); none in January 2000") \
    X(stimulus_cash_share, 0.0, 0.0, 1.0, "share of the stimulus", \
      "share of the stimulus paid as equal cash transfers to households instead of construction purchases", \
      "0 in the history (the 2008-10 program was mostly construction, DESIGN 5); counterfactuals set it (scenarios/consumption_2009.yaml)") \
    X(stimulus_months, 26.0, 1.0, 240.0, "months", \
      "length of the stimulus program", \
      "2008-11 to 2010-12 is 26 months (DESIGN 5; event stimulus)") \
    X(stimulus_start_month, -1.0, -1.0, 2399.0, "month from 2000-01 (-1: none)", \
      "first month of the stimulus program", \
      "2008-11 is 106 (event stimulus sets it to its date)") \
    X(rd_public_share, 0.0036, 0.0, 0.05, "share of GDP", \
      "research of government institutes and universities, paid from the central budget (event rd_public)", \
      "NBS / MOST statistics on R&D by performer: institutes and universities did about 40% of the 0.89% of GDP \
of 2000; seed 004_3dd7420ef5fa3b25.txt: a sixth of 2.8% of GDP in 2020 went to universities and institutes") \
    X(rd_crackdown, 0.0, 0.0, 1.0, "share of private research", \
      "cut of private research from a regulatory crackdown on private firms (event platform_crackdown)", \
      "none in January 2000; the 2021 platform crackdown (seed 004_3dd7420ef5fa3b25.txt: large internet firms cut R&D \
by almost 7% in the first half of 2023)")
/* clang-format on */

typedef enum model_param_id {
#define MODEL_PARAM_ENUM(name, def, lo, hi, unit, doc, source) P_##name,
    MODEL_PARAMS(MODEL_PARAM_ENUM)
#undef MODEL_PARAM_ENUM
        N_MODEL_PARAMS
} model_param_id;

typedef struct model_param_info {
    const char *name, *unit, *doc, *source;
    double value_default, min, max;
} model_param_info;

extern const model_param_info model_param_table[N_MODEL_PARAMS];

/* Index of a parameter by name, or -1. */
int model_param_find(const char *name);

#endif
