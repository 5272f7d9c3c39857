/*
 * history.c: the dated policy events of 2000-2024 (DESIGN.md section 5) and the
 * policy settings they imply each month. Only decisions of governments and the
 * central bank are set here; outcomes (output, prices, reserves) are not.
 * Each event cites its source; docs/model.md section 6 lists them.
 *
 *   1994 tax-sharing reform: VAT split 75/25 central/local (seed
 *     000_50eaa6f3762a6cc3.txt; DESIGN 4). From 2016-05 (the "replace business
 *     tax with VAT" reform) the split is 50/50.
 *   2002 income-tax sharing: corporate and personal income tax, local before
 *     2002, split 50/50 in 2002 and 60/40 central/local from 2003 (DESIGN 4).
 *   2001-12 WTO entry: market access phased in over wto_phase_months
 *     (DESIGN 5; calibrated size wto_gain).
 *   2008-11 to 2010-12 the 4-trillion-yuan stimulus, mostly construction (seed
 *     000_50eaa6f3762a6cc3.txt; DESIGN 5): 4e12 yuan spread evenly over the 26
 *     months, bought from construction by the central government (the LGFV
 *     channel comes with issue 4).
 *   Policy rate and exchange rate: the PBOC's decisions, from the data while
 *     they exist (policy_rate_cbrate, the one-year benchmark rate; usdcny_monthly:
 *     the peg to 2005-07, the crawl, the re-peg 2008-07 to 2010-06, the managed
 *     float after 2015-08); after the data, the rules of agents/pboc.c.
 */
#include <math.h>

#include "model/economy.h"

static int month_index(const economy *e, int year, int month)
{
    return (year - e->size.start_year) * 12 + month - 1;
}

static bool in_months(const economy *e, int m, int y0, int m0, int y1, int m1)
{
    return m >= month_index(e, y0, m0) && m <= month_index(e, y1, m1);
}

void policy_apply(economy *e, int m)
{
    macro_state *s = &e->m;
    s->vat_central_share = m >= month_index(e, 2016, 5) ? 0.5 : 0.75;
    s->income_tax_central_share = m >= month_index(e, 2003, 1)   ? 0.6
                                  : m >= month_index(e, 2002, 1) ? 0.5
                                                                 : 0.0;
    const int wto = month_index(e, 2001, 12);
    double phase = (double)(m - wto) / e->param[P_wto_phase_months];
    s->wto_access = 1.0 + e->param[P_wto_gain] * fmin(1.0, fmax(0.0, phase));
    s->stimulus_per_month = in_months(e, m, 2008, 11, 2010, 12) ? 4e12 / 26.0 : 0.0;

    /* The PBOC's rate and exchange-rate decisions, while the data have them. */
    const int year = e->size.start_year + m / 12;
    double rate;
    s->policy_rate_from_data = data_annual(e->annual, "policy_rate_cbrate", year, &rate);
    if (s->policy_rate_from_data)
        s->policy_rate = rate / 100.0;
    s->usdcny_from_data = m <= e->world.last_data_month[1];
    if (s->usdcny_from_data)
        s->usdcny = e->world.usdcny[m];
    if (s->policy_rate_from_data)
        s->policy_rate += e->param[P_policy_rate_offset];
    s->deposit_rate = s->policy_rate + e->param[P_deposit_spread];
    s->loan_rate = s->policy_rate + e->param[P_loan_spread];
    s->bond_rate = s->policy_rate + e->param[P_bond_spread];
}
