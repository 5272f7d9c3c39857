/*
 * industries.c: the industry table. Basis: the expenditure shares of 2000
 * (data: household_consumption_share_gdp 46.7%, government 16.8%, capital
 * formation 33.6%, exports 20.9%, imports 18.5% of GDP) and a stylised reading
 * of China's input-output structure: processing trade gives export
 * manufacturing a high import content; households buy mostly services and
 * domestic manufactures; investment buys construction and machinery. With
 * these shares the opening imports are 19% of GDP, near the data's 18.5%.
 * They are assumptions to be replaced by input-output tables (issue 7).
 * The firm shares spread the firm agents; the emerging industry gets more
 * agents than its size calls for because they are slots that entrants fill
 * (agents/emerging.c: hundreds of EV makers at the peak); behaviour is set
 * per industry, so how many agents an industry has does not change its path.
 */
#include "industries.h"

/* clang-format off */
const industry_info industry_table[N_INDUSTRIES] = {
    /*                                      import  C     G     I     X      firms */
    [IND_EXPORT]       = {"EXP", "export manufacturing",     0.40, {0.00, 0.00, 0.00, 0.85}, 0.17},
    [IND_DOMESTIC]     = {"DOM", "domestic manufacturing",   0.20, {0.35, 0.05, 0.30, 0.05}, 0.21},
    [IND_CONSTRUCTION] = {"CON", "construction and materials", 0.10, {0.02, 0.15, 0.60, 0.00}, 0.13},
    [IND_SERVICES]     = {"SRV", "services",                 0.06, {0.60, 0.80, 0.05, 0.05}, 0.31},
    [IND_EMERGING]     = {"SEI", "strategic emerging industries", 0.25, {0.03, 0.00, 0.05, 0.05}, 0.18},
};
/* clang-format on */

/* Assumption (not in the shipped data): about a fifth of China's exports went to
 * the US and a sixth to the EU around 2000. */
const double export_destination_share[N_DESTINATIONS] = {0.21, 0.16, 0.63};
