/*
 * events.c: the registry of event kinds a scenario may date (docs/scenarios.md
 * section 4). An event is a dated change of model parameters: each argument
 * writes one parameter of src/model/params.h, whose range, unit and
 * documentation are the argument's. A kind may also record its own month in a
 * "date parameter" (wto_entry: the phase-in counts months from it).
 *
 * To add a kind: one row below, with the parameters it writes added to the
 * policy-timeline section of params.h (their defaults are the policy of
 * January 2000), and the mechanism that reads them. Row format:
 *
 *   {"name", "one line: the policy it stands for", DATE_PARAM or NO_DATE,
 *    false, N_ARGS, {{"arg", P_param, REQUIRED or OPTIONAL}, ...}},
 *
 * Events whose mechanism the model does not have yet are not registered (a
 * scenario cannot date them): scenarios/history.yaml lists them as pending.
 */
#include <string.h>

#include "scenario/scenario.h"

enum { NO_DATE = -1 };

#define REQUIRED true
#define OPTIONAL false

const scenario_event_kind scenario_event_kinds[] = {
    {"set",
     "set any parameters by name (name: value ...) from the event's month",
     NO_DATE,
     true,
     0,
     {{0}}},
    {"vat_split",
     "tax sharing of value-added tax: the central government's share (2016-05: 0.5)",
     NO_DATE,
     false,
     1,
     {{"central_share", P_vat_central_share, REQUIRED}}},
    {"income_tax_sharing",
     "tax sharing of corporate and personal income tax: the central government's share "
     "(2002: 0.5, 2003: 0.6)",
     NO_DATE,
     false,
     1,
     {{"central_share", P_income_tax_central_share, REQUIRED}}},
    {"wto_entry",
     "WTO membership: export market access rises by gain over phase_months from the event's month",
     P_wto_entry_month,
     false,
     2,
     {{"gain", P_wto_gain, OPTIONAL}, {"phase_months", P_wto_phase_months, OPTIONAL}}},
    {"stimulus",
     "a program of central purchases from construction (cash_share of it paid as equal cash "
     "transfers to households instead): total yuan spread evenly over months from the event's "
     "month",
     P_stimulus_start_month,
     false,
     3,
     {{"total", P_stimulus_total, REQUIRED},
      {"months", P_stimulus_months, REQUIRED},
      {"cash_share", P_stimulus_cash_share, OPTIONAL}}},
    {"industrial_subsidies",
     "industrial-policy subsidy to strategic-emerging-industry firms (electric vehicles above all) "
     "per yuan of their sales, paid by the central government",
     NO_DATE,
     false,
     1,
     {{"rate", P_industrial_subsidy_rate, REQUIRED}}},
    {"policy_rate_offset",
     "the PBOC sets its rate this much off what the data or its rule give (a cut is negative)",
     NO_DATE,
     false,
     1,
     {{"offset", P_policy_rate_offset, REQUIRED}}},
    {"exchange_rate_offset",
     "the PBOC sets the managed rate this share off what the data or its float give (negative: a "
     "stronger yuan); after the data a change steps the rate once",
     NO_DATE,
     false,
     1,
     {{"share", P_usdcny_offset, REQUIRED}}},
    {"deficit_rule",
     "the central deficit target as a share of GDP (the 3% rule)",
     NO_DATE,
     false,
     1,
     {{"ratio", P_deficit_ratio, REQUIRED}}},
    {"portfolio_opening",
     "how much foreign portfolio capital answers the interest differential (capital account "
     "opening)",
     NO_DATE,
     false,
     2,
     {{"sensitivity", P_portfolio_sensitivity, OPTIONAL}, {"speed", P_portfolio_speed, OPTIONAL}}},
    {"growth_target",
     "the national growth target against which local officials are judged (government work report)",
     NO_DATE,
     false,
     1,
     {{"target", P_growth_target, REQUIRED}}},
    {"lgfv_borrowing",
     "infrastructure that local financing vehicles build on borrowed money, as a share of GDP at "
     "zero growth gap (off-budget, hidden debt)",
     NO_DATE,
     false,
     1,
     {{"infrastructure_share", P_lgfv_infrastructure, REQUIRED}}},
    {"local_bonds",
     "infrastructure financed by official local-government bonds within the quota, as a share of "
     "GDP (the 2015 budget law)",
     NO_DATE,
     false,
     1,
     {{"infrastructure_share", P_local_bond_infrastructure, REQUIRED}}},
    {"debt_swap",
     "LGFV debt swapped into official local bonds, as a share of the remaining LGFV debt per year "
     "(2015-2018 swap; 2024-11 relief)",
     NO_DATE,
     false,
     1,
     {{"rate", P_debt_swap_rate, REQUIRED}}},
    {"resettlement",
     "monetised shantytown resettlement: old homes in tier 3-4 cities bought out for cash funded "
     "by PBOC pledged lending, homes per year",
     NO_DATE,
     false,
     3,
     {{"homes", P_resettlement_homes, REQUIRED},
      {"rebuy", P_resettlement_rebuy, OPTIONAL},
      {"up_tier", P_resettlement_up_tier, OPTIONAL}}},
    {"purchase_restrictions",
     "limits on homes per household and on non-local buyers (tiers 1-2; weaker in 3-4): the "
     "share of investor demand barred, and how well it is enforced",
     NO_DATE,
     false,
     3,
     {{"strength", P_purchase_restriction, REQUIRED},
      {"enforcement", P_restriction_enforcement, OPTIONAL},
      {"lower_tiers", P_restriction_lower_tiers, OPTIONAL}}},
    {"red_lines",
     "leverage rules for developers: the most a developer may borrow per yuan of land and work "
     "in progress (2020-08 three red lines)",
     NO_DATE,
     false,
     1,
     {{"max_leverage", P_red_line_leverage, REQUIRED}}},
    {"completion_program",
     "government-funded completion of the stalled off-plan homes of defaulted developers: the "
     "share finished and handed to their buyers each year, paid with official local bonds",
     NO_DATE,
     false,
     1,
     {{"rate", P_completion_rate, REQUIRED}}},
    /* technology (issue 5; model/technology.c) */
    {"rd_public",
     "research of government institutes and universities as a share of GDP, paid from the "
     "central budget",
     NO_DATE,
     false,
     1,
     {{"share", P_rd_public_share, REQUIRED}}},
    {"platform_crackdown",
     "a regulatory crackdown on private (platform) firms: the share of private research cut "
     "from the event's month (strength 0 lifts it)",
     NO_DATE,
     false,
     1,
     {{"strength", P_rd_crackdown, REQUIRED}}},
    /* ---- trade war, Global-South lending, yuan invoicing (docs/trade.md) ---- */
    {"us_recession",
     "a US recession from the event's month: US nominal GDP in dollars falls linearly to depth "
     "below its path at mid-span and recovers it by the end of months",
     P_us_recession_month,
     false,
     2,
     {{"depth", P_us_recession_depth, REQUIRED}, {"months", P_us_recession_months, OPTIONAL}}},
    {"overseas_lending",
     "lending to developing countries out of the state's foreign exchange (policy banks, Belt and "
     "Road): new loans a year as a share of FX reserves",
     NO_DATE,
     false,
     1,
     {{"rate", P_gs_lending_rate, REQUIRED}}},
    {"global_south_relief",
     "relief of the Global South's debt in the event's month: share of China's loans written off, "
     "and reserves_share of the FX reserves paid to retire their dollar debt to other creditors",
     P_gs_relief_month,
     false,
     2,
     {{"share", P_gs_relief_share, OPTIONAL}, {"reserves_share", P_gs_relief_reserves, OPTIONAL}}},
    {"rmb_settlement",
     "cross-border trade may be settled in yuan from the event's month (2009-07 pilot)",
     P_rmb_settlement_month,
     false,
     0,
     {{0}}},
    {"mortgage_terms",
     "mortgage rules: the minimum down payment and the mortgage rate over the loan rate",
     NO_DATE,
     false,
     2,
     {{"down_payment", P_down_payment, OPTIONAL}, {"spread", P_mortgage_spread, OPTIONAL}}},
    {"consumer_credit",
     "consumer credit: the most a household may owe, in months of its expected disposable "
     "income, and how fast it draws the line",
     NO_DATE,
     false,
     2,
     {{"limit", P_consumer_credit_limit, REQUIRED}, {"draw", P_consumer_credit_draw, OPTIONAL}}},
};

const int scenario_n_event_kinds =
    (int)(sizeof scenario_event_kinds / sizeof *scenario_event_kinds);

int scenario_event_kind_find(const char *name)
{
    for (int k = 0; k < scenario_n_event_kinds; k++)
        if (strcmp(scenario_event_kinds[k].name, name) == 0)
            return k;
    return -1;
}
