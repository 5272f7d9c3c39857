/*
 * labour.c: employment, unemployment and wages (DESIGN.md 4; docs/model.md 3.4).
 *
 * Employment is what production needs at current productivity plus public
 * employment (public wages at the average wage):
 *
 *   N = sum_s Y_s (1 - m_s) / lambda_s + public wages / w,   u = 1 - N / LF,
 *
 * with the urban labour force LF_u = LF - R: the labour force LF from the data
 * (interpolated within years; after the last year moved with the WPP 2024
 * population projection, model/demography.c) less the rural reserve R
 * (surplus farm workers outside the money economy, who migrate to urban work).
 * Non-employment falls more on poorer households: agent k's paid share is
 * 1 - (1 - N / LF) x_k, with exposure x_k = 2 (1 - r_k).
 *
 * Labour productivity follows the Kaldor-Verdoorn law: it grows at the growth
 * of technology g_A (driven by the knowledge stock: model/technology.c) plus
 * verdoorn times the expected growth of the industry's real demand g_e,
 *
 *   lambda_s' = lambda_s (1 + (g_A + verdoorn g_e,s) / 12),
 *
 * so productivity is faster where demand grows fast (learning, scale, the move
 * of workers out of farming) and a demand slump does not become a collapse of
 * employment.
 * Wages grow with expected inflation, productivity and the labour market:
 *
 *   g_w = pi_e + g_lambda + wage_phillips (u_ref - u_d)     (per year)
 *
 * where u_d = 1 - (workers demand needs) / LF_u is unemployment net of unfilled
 * vacancies: when output is rationed for want of workers it falls below the
 * measured rate (even below zero), so a labour shortage raises wages instead of
 * hiding behind the frictional floor max_employment.
 *
 * with expected inflation partly anchored on the target:
 *   pi_e = anchor pi* + (1 - anchor) pi_a,  pi_a += speed (pi - pi_a).
 */
#include <math.h>

#include "model/economy.h"
#include "model/technology.h"

/* The labour force: the data within years; after its last year, that year's
 * value moved with the population projection (model/demography.c: WPP 2024
 * medium variant), i.e. the last ratio of labour force to population held. */
static double labour_force(const economy *e, int m)
{
    int year = e->size.start_year + m / 12;
    double a, b;
    int last = data_last_period(e->annual, "labour_force");
    if (year >= last && data_annual(e->annual, "labour_force", last, &a)) {
        const double p_last = demography_population(e, last + 0.5);
        const double p = demography_population(e, demography_year(e, m));
        return p_last > 0.0 && p > 0.0 ? a * p / p_last : a;
    }
    if (!data_annual(e->annual, "labour_force", year, &a) ||
        !data_annual(e->annual, "labour_force", year + 1, &b))
        return e->m.labour_force;
    return a + (b - a) * (double)(m % 12) / 12.0;
}

/*
 * The labour force follows the data; its change is shared between the urban
 * force and the rural reserve in proportion. Migration from the reserve to
 * urban jobs runs when urban unemployment net of vacancies (labour_gap) is below
 * u_reference, faster the tighter the urban market (Lewis 1954): while the reserve lasts, labour is
 * elastic and wages grow with productivity; once it is spent, tight markets
 * raise wages.
 */
void labour_force_update(economy *e, int m)
{
    macro_state *s = &e->m;
    const double total = labour_force(e, m);
    const double scale = s->labour_force > 0.0 ? total / s->labour_force : 1.0;
    s->labour_force = total;
    s->rural_reserve *= scale;
    const double tightness =
        yf_fmin(1.0, yf_fmax(0.0, 1.0 - s->labour_gap / e->param[P_u_reference]));
    s->rural_reserve -= e->param[P_migration_rate] / 12.0 * tightness * s->rural_reserve;
    s->urban_labour_force = total - s->rural_reserve;
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
    s->unemployment = yf_fmin(0.95, yf_fmax(0.0, 1.0 - employment / s->urban_labour_force));
    /* Households stand for the whole labour force, the rural reserve included:
     * an agent's paid share is 1 - (non-employed share of all workers) x_k. */
    const double idle = yf_fmin(0.95, yf_fmax(0.0, 1.0 - employment / s->labour_force));
    households *h = &e->hh;
    for (int32_t k = 0; k < h->n; k++)
        h->employed[k] = yf_fmin(1.0, yf_fmax(0.0, 1.0 - idle * h->exposure[k]));
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
            1.0 + (technology_growth(e) + e->param[P_verdoorn] * x->output_growth_expected) /
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
    s->inflation_adaptive += e->param[P_expectation_speed] * (inflation - s->inflation_adaptive);
    const double anchor = e->param[P_inflation_anchor];
    s->inflation_expected = anchor * e->param[P_inflation_target] + (1.0 - anchor) * s->inflation_adaptive;
    double growth = s->inflation_expected + s->productivity_growth +
                    e->param[P_wage_phillips] * (e->param[P_u_reference] - s->labour_gap);
    s->wage *= 1.0 + growth / 12.0;
}
