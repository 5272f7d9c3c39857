/*
 * history.c: the policy settings of the month, read from the policy-timeline
 * parameters (src/model/params.h, last section). The dates of the policy
 * changes of 2000-2024 (DESIGN.md section 5) are not here: they are events of
 * scenarios/history.yaml, which src/scenario writes into e->param before the
 * month they take effect (docs/scenarios.md). The parameters' defaults are the
 * policy of January 2000, so a run without events has no policy change. Only
 * decisions of governments and the central bank are set here; outcomes
 * (output, prices, reserves) are not.
 *
 *   Tax sharing: VAT split vat_central_share / (1 - vat_central_share) between
 *     the central and local governments (75/25 since 1994; 50/50 from 2016-05);
 *     corporate and personal income tax income_tax_central_share (local before
 *     2002, 50/50 in 2002, 60/40 from 2003).
 *   WTO entry (month W = wto_entry_month, -1 before it): market access
 *       A(m) = 1 + wto_gain * min(1, max(0, (m - W) / wto_phase_months))
 *   Stimulus: stimulus_total yuan spread evenly over stimulus_months from
 *     stimulus_start_month (S), bought from construction by the central
 *     government (the LGFV channel comes with issue 4):
 *       G_stim(m) = stimulus_total / stimulus_months   for S <= m < S + stimulus_months
 *   Policy rate and exchange rate: the PBOC's decisions, from the data while
 *     they exist (policy_rate_cbrate, the one-year benchmark rate; usdcny_monthly:
 *     the peg to 2005-07, the crawl, the re-peg 2008-07 to 2010-06, the managed
 *     float after 2015-08); after the data, the rules of agents/pboc.c. These
 *     are data, not events; policy_rate_offset shifts either, and
 *     usdcny_offset sets the exchange rate a share off either (after the data
 *     a change of it steps the managed rate once; the float moves on from there).
 *
 * Months m above count from 2000-01 (the unit of the "month" parameters).
 */
#include <math.h>

#include "model/economy.h"

void policy_apply(economy *e, int m)
{
    macro_state *s = &e->m;
    const double *p = e->param;
    const double month = (double)((e->size.start_year - 2000) * 12 + m);
    s->vat_central_share = p[P_vat_central_share];
    s->income_tax_central_share = p[P_income_tax_central_share];
    double phase = 0.0;
    if (p[P_wto_entry_month] >= 0.0)
        phase = (month - p[P_wto_entry_month]) / p[P_wto_phase_months];
    s->wto_access = 1.0 + p[P_wto_gain] * fmin(1.0, fmax(0.0, phase));
    const double start = p[P_stimulus_start_month];
    const bool stimulus = start >= 0.0 && month >= start && month < start + p[P_stimulus_months];
    s->stimulus_per_month = stimulus ? p[P_stimulus_total] / p[P_stimulus_months] : 0.0;

    /* The PBOC's rate and exchange-rate decisions, while the data have them. */
    const int year = e->size.start_year + m / 12;
    double rate;
    s->policy_rate_from_data = data_annual(e->annual, "policy_rate_cbrate", year, &rate);
    if (s->policy_rate_from_data)
        s->policy_rate = rate / 100.0;
    s->usdcny_from_data = m <= e->world.last_data_month[1];
    const double fx_offset = e->param[P_usdcny_offset];
    if (s->usdcny_from_data)
        s->usdcny = e->world.usdcny[m] * (1.0 + fx_offset);
    else if (fx_offset != s->usdcny_offset) /* a step of the managed rate, once */
        s->usdcny *= (1.0 + fx_offset) / (1.0 + s->usdcny_offset);
    s->usdcny_offset = fx_offset;
    if (s->policy_rate_from_data)
        s->policy_rate += e->param[P_policy_rate_offset];
    s->deposit_rate = s->policy_rate + e->param[P_deposit_spread];
    s->loan_rate = s->policy_rate + e->param[P_loan_spread];
    s->bond_rate = s->policy_rate + e->param[P_bond_spread];
}
