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
     "a program of central purchases from construction: total yuan spread evenly over months "
     "from the event's month",
     P_stimulus_start_month,
     false,
     2,
     {{"total", P_stimulus_total, REQUIRED}, {"months", P_stimulus_months, REQUIRED}}},
    {"policy_rate_offset",
     "the PBOC sets its rate this much off what the data or its rule give (a cut is negative)",
     NO_DATE,
     false,
     1,
     {{"offset", P_policy_rate_offset, REQUIRED}}},
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
