/*
 * labour.c: employment, unemployment and wages (DESIGN.md 4; docs/model.md 3.4).
 *
 * Employment is what production needs at current productivity plus public
 * employment (public wages at the average wage):
 *
 *   N = sum_s Y_s (1 - m_s) / lambda_s + public wages / w,   u = 1 - N / LF,
 *
 * with the labour force LF from the data (interpolated within years, held after
 * the last year). Unemployment falls more on poorer households: agent k's
 * employed share is 1 - u x_k, with exposure x_k = 2 (1 - r_k).
 *
 * Labour productivity follows the Kaldor-Verdoorn law: it grows at tfp_growth
 * plus verdoorn times the expected growth of the industry's real demand g_e,
 *
 *   lambda_s' = lambda_s (1 + (tfp_growth + verdoorn g_e,s) / 12),
 *
 * so productivity is faster where demand grows fast (learning, scale, the move
 * of workers out of farming) and a demand slump does not become a collapse of
 * employment.
 * Wages grow with expected inflation, productivity and the labour market:
 *
 *   g_w = pi_e + g_lambda + wage_phillips (u_ref - u)     (per year)
 */
#include <math.h>

#include "model/economy.h"

static double labour_force(const economy *e, int m)
{
    int year = e->size.start_year + m / 12;
    double a, b;
    int last = data_last_period(e->annual, "labour_force");
    if (year >= last && data_annual(e->annual, "labour_force", last, &a))
        return a;
    if (!data_annual(e->annual, "labour_force", year, &a) ||
        !data_annual(e->annual, "labour_force", year + 1, &b))
        return e->m.labour_force;
    return a + (b - a) * (double)(m % 12) / 12.0;
}

void labour_force_update(economy *e, int m)
{
    e->m.labour_force = labour_force(e, m);
}

void labour_market_clear(economy *e)
{
    macro_state *s = &e->m;
    double employment = (e->plan_public_wages_central + e->lg_wages) / s->wage;
    for (int i = 0; i < N_INDUSTRIES; i++) {
        industry_state *x = &e->ind[i];
        x->employment = x->output * (1.0 - x->import_content) / x->productivity;
        employment += x->employment;
    }
    s->unemployment = fmin(0.95, fmax(0.0, 1.0 - employment / s->labour_force));
    households *h = &e->hh;
    for (int32_t k = 0; k < h->n; k++)
        h->employed[k] = fmin(1.0, fmax(0.0, 1.0 - s->unemployment * h->exposure[k]));
    s->unemployment_expected +=
        e->param[P_expectation_speed] * (s->unemployment - s->unemployment_expected);
}

void labour_set_wage(economy *e, int m)
{
    macro_state *s = &e->m;
    /* Productivity for next month. */
    double before = 0.0, after = 0.0;
    for (int i = 0; i < N_INDUSTRIES; i++) {
        industry_state *x = &e->ind[i];
        before += x->productivity * x->employment;
        x->productivity *=
            1.0 + (e->param[P_tfp_growth] + e->param[P_verdoorn] * x->demand_growth_expected) /
                      12.0;
        after += x->productivity * x->employment;
    }
    if (before > 0.0) {
        double growth = pow(after / before, 12.0) - 1.0;
        s->productivity_growth += e->param[P_expectation_speed] * (growth - s->productivity_growth);
    }
    /* Inflation over the last twelve months feeds expectations. */
    double year_ago = s->cpi_lag12[m % 12];
    double inflation = s->cpi / year_ago - 1.0;
    s->cpi_lag12[m % 12] = s->cpi;
    s->inflation_expected += e->param[P_expectation_speed] * (inflation - s->inflation_expected);
    double growth = s->inflation_expected + s->productivity_growth +
                    e->param[P_wage_phillips] * (e->param[P_u_reference] - s->unemployment);
    s->wage *= 1.0 + growth / 12.0;
}
