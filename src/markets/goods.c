/*
 * goods.c: the goods market and prices (DESIGN.md 4, "Firms"; docs/model.md 3.3).
 *
 * Demand for industry s is what each demand component d plans to buy there,
 * D_s = sum_d share_sd * plan_d (plus the stimulus, bought from construction).
 * Output is demand-determined up to capacity: Y_s = min(D_s / p_s, K_s / v_s);
 * buyers get the delivered share r_s = Y_s p_s / D_s of what they planned.
 * Labour is the other limit: if the employment that output needs exceeds
 * max_employment of the labour force, every industry's output is scaled down
 * to what the available workers can produce.
 *
 * Prices move toward a mark-up over unit cost,
 *
 *   p*_s = (1 + mu_s) [w (1 - m_s) / lambda_s + m_s p_m]
 *   mu_s = 1 / (ws* (1 - m_s) + m_s) - 1 + markup_utilisation (P_s - u_normal)
 *   p_s += price_speed (p*_s - p_s)
 *
 * where ws* is the wage-share lever (at normal utilisation wages get that share
 * of value added), m_s the import content and P_s demand pressure: real demand
 * over capacity before any rationing (so a shortage of workers raises prices
 * rather than looking like idle capacity). Idle capacity
 * (u_s below normal) lowers the mark-up: excess capacity becomes falling prices.
 * The emerging industry's firms pass an industrial subsidy sigma per yuan of
 * sales partly on to buyers, p*_E = (1 + mu_E) unit cost / (1 + theta sigma)
 * (theta = subsidy_pass_through; the rest raises their margins), and its
 * demand shares move with its relative price (agents/emerging.c): the
 * D_s above use this month's shares, e->demand_share.
 */
#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

/* Scale output down when it would need more workers than the labour force allows. */
static void labour_constraint(economy *e)
{
    double needed = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        needed += e->ind[s].output * (1.0 - e->ind[s].import_content) / e->ind[s].productivity;
    const double public_jobs = (e->plan_public_wages_central + e->lg_wages) / e->m.wage;
    const double available = e->param[P_max_employment] * e->m.urban_labour_force - public_jobs;
    /* The wage rule and migration read this (labour.c): computed here, where the
     * workers that demand would need are known, before any rationing. */
    e->m.labour_gap = 1.0 - (needed + public_jobs) / e->m.urban_labour_force;
    if (needed <= available || needed <= 0.0)
        return;
    const double scale = yf_fmax(0.0, available) / needed;
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        x->output *= scale;
        x->rationing *= scale;
        x->sales = x->output * x->price;
        x->utilisation *= scale;
    }
}

void goods_market_clear(economy *e)
{
    const double e0 = e->world.usdcny[0];
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        double demand = 0.0;
        for (int d = 0; d < N_DEMANDS; d++)
            demand += x->demand[d] = e->demand_share[s][d] * e->plan[d];
        if (s == IND_CONSTRUCTION) {
            /* the stimulus, homes and infrastructure are all built by construction */
            const double built =
                e->plan_residential + e->plan_infrastructure_lgfv + e->plan_infrastructure_bonds;
            x->demand[D_GOVERNMENT] += e->m.stimulus_per_month;
            x->demand[D_INVESTMENT] += built;
            demand += e->m.stimulus_per_month + built;
        }
        double real = demand / x->price;
        double capacity = x->capital_real / x->capital_coefficient;
        x->output = yf_fmin(real, capacity);
        x->rationing = real > 0.0 ? x->output / real : 1.0;
        x->sales = x->output * x->price;
        x->utilisation = capacity > 0.0 ? x->output / capacity : 0.0;
        x->demand_pressure = capacity > 0.0 ? real / capacity : 0.0;
        /* Expected demand and its growth adapt to what was asked this month. */
        double before = x->demand_expected;
        x->demand_expected += e->param[P_expectation_speed] * (real - x->demand_expected);
        if (before > 0.0) {
            double growth = pow(x->demand_expected / before, 12.0) - 1.0;
            x->demand_growth_expected +=
                e->param[P_growth_expectation_speed] * (growth - x->demand_growth_expected);
        }
        double m0 = industry_table[s].import_content;
        if (s == IND_EMERGING)
            m0 /= e->em.learning; /* learning saves imported inputs too (agents/emerging.c) */
        x->import_content = yf_fmin(0.9, m0 * pow(e0 / e->m.usdcny, e->param[P_import_elasticity]));
    }
    labour_constraint(e);
    /* Realised output and its growth, smoothed: the learning that drives
     * productivity (Kaldor-Verdoorn) comes from what was produced, not from
     * demand that capacity or workers could not meet. */
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        double before = x->output_expected;
        if (before <= 0.0) {
            x->output_expected = x->output;
            continue;
        }
        x->output_expected += e->param[P_expectation_speed] * (x->output - before);
        double growth = pow(x->output_expected / before, 12.0) - 1.0;
        x->output_growth_expected +=
            e->param[P_growth_expectation_speed] * (growth - x->output_growth_expected);
    }
}

void goods_set_prices(economy *e)
{
    const double ws = e->param[P_wage_share_target];
    const double import_price = economy_import_price(e);
    for (int s = 0; s < N_INDUSTRIES; s++) {
        industry_state *x = &e->ind[s];
        const double m = x->import_content;
        double markup =
            1.0 / (ws * (1.0 - m) + m) - 1.0 +
            e->param[P_markup_utilisation] * (x->demand_pressure - e->param[P_u_normal]);
        double unit_cost = e->m.wage * (1.0 - m) / x->productivity + m * import_price;
        double target = (1.0 + yf_fmax(0.0, markup)) * unit_cost;
        /* Industrial subsidies per yuan of sales are passed on in the price
         * (agents/emerging.c): a subsidised firm can sell below unit cost. */
        if (s == IND_EMERGING)
            target /= 1.0 + e->param[P_subsidy_pass_through] * e->em.subsidy_rate;
        x->price += e->param[P_price_speed] * (target - x->price);
    }
    /* The consumer price index: fixed consumption weights (those of 2000, not
     * this month's shares), first month = 1. */
    double cpi = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        cpi += industry_table[s].demand_share[D_CONSUMPTION] * e->ind[s].price;
    e->m.cpi = cpi;
}
