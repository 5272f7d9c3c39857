/*
 * world.c: the rest of the world (DESIGN.md 4, "Rest of world"; docs/model.md 3.7).
 *
 * Export demand, in dollars, by destination d (US, EU, rest):
 *
 *   X_d = X0 s_d (Y_d / Y_d0)^eta_Y (G_d / G_d_trend)^eta_c
 *         * ((1 + tau_d0) / (1 + tau_d))^eta_tau (P_x / P_x0 * e0 / e)^(-eps) * wto
 *
 * with Y_d the destination's nominal GDP in dollars (data), tau_d the tariff on
 * China's exports, P_x China's export price in yuan, e the managed rate (yuan
 * per dollar) and wto the market access phased in after 2001-12. Exports are
 * paid by the rest of the world in dollars that the PBOC buys at the managed
 * rate: in the ledger the ROW pays through the PBOC's FX reserves, so reserves,
 * bank reserves and exporters' deposits are created together.
 *
 * G_d is the year-on-year growth factor of Y_d and G_d_trend its slowly learnt
 * trend: in a slump, trade falls by more than income (the cycle term), and the
 * term is neutral on the trend (and in the first year, before G_d exists).
 *
 * Imports are the import content of every industry's sales, paid by the firms.
 * The financial account: foreign direct investment (a share of GDP) and private
 * flows that respond to the interest differential net of expected depreciation,
 *
 *   F = (fdi_share + capital_flow_rate (i - i_fed - dep_e)) * GDP_month,
 *
 * with dep_e the depreciation of the past twelve months. An inflow is foreigners
 * buying claims on exporting firms; an outflow is firms buying foreign assets.
 */
#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

static double export_price(const economy *e)
{
    double p = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        p += industry_table[s].demand_share[D_EXPORTS] * e->ind[s].price;
    return p;
}

/* (G_d / G_d_trend)^eta_c, learning the trend as it goes. */
static double cycle(economy *e, int d, int m)
{
    if (m < 12)
        return 1.0;
    const double *y = e->world.foreign_gdp_usd[d];
    const double growth = y[m] / y[m - 12];
    double *trend = &e->foreign_growth_trend[d];
    if (*trend <= 0.0)
        *trend = growth;
    *trend += e->param[P_growth_expectation_speed] * (growth - *trend);
    return pow(growth / *trend, e->param[P_export_cycle_elasticity]);
}

void world_update(economy *e, int m)
{
    const world_path *w = &e->world;
    const double eta_y = e->param[P_export_income_elasticity];
    const double eta_tau = e->param[P_tariff_elasticity];
    const double eps = e->param[P_export_price_elasticity];
    if (e->price_export0 <= 0.0)
        e->price_export0 = export_price(e);
    const double relative_price =
        export_price(e) / e->price_export0 * w->usdcny[0] / e->m.usdcny;
    double x = 0.0;
    for (int d = 0; d < N_DESTINATIONS; d++) {
        double income = w->foreign_gdp_usd[d][m] / w->foreign_gdp_usd[d][0];
        double tariff = (1.0 + w->tariff[d][0]) / (1.0 + w->tariff[d][m]);
        x += export_destination_share[d] * pow(income, eta_y) * pow(tariff, eta_tau) *
             cycle(e, d, m);
    }
    e->export_demand_usd = e->exports_usd_base * x * pow(relative_price, -eps) * e->m.wto_access;
    e->plan[D_EXPORTS] = e->export_demand_usd * e->m.usdcny;
}

/* Exports, imports and customs duties, firm by firm. */
static yf_status trade(economy *e)
{
    firms *f = &e->fi;
    /* Exports delivered: each firm's share of its industry's export sales. */
    double delivered = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        delivered += industry_table[s].demand_share[D_EXPORTS] * e->plan[D_EXPORTS] *
                     e->ind[s].rationing;
    for (int32_t k = 0; k < f->n; k++) {
        int s = f->industry[k];
        f->weight[k] = industry_table[s].demand_share[D_EXPORTS] * e->ind[s].rationing * f->share[k];
    }
    if (!economy_apportion(e, delivered, f->weight, f->n, f->amount, "exports"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_to_each(e->L, F_EXPORTS, ledger_acct(ROW, 0), FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "exports");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    e->flow_exports = (double)economy_sum(f->amount, f->n);

    /* Imports: the import content of this month's sales, and the duties on them. */
    for (int32_t k = 0; k < f->n; k++) {
        double imports = e->ind[f->industry[k]].import_content * f->revenue[k];
        if (!economy_yuan(e, imports, "imports", &f->amount[k]) ||
            !economy_yuan(e, imports * e->m.tariff_china, "customs duties", &f->amount2[k]))
            return YF_ERR_NUMERIC;
        f->costs[k] += (double)(f->amount[k] + f->amount2[k]);
    }
    if ((st = ledger_pay_from_each(e->L, F_IMPORTS, FIRM, f->amount, ledger_acct(ROW, 0))) !=
            YF_OK ||
        (st = ledger_pay_from_each(e->L, F_CUSTOMS_DUTIES, FIRM, f->amount2,
                                   ledger_acct(CG, 0))) != YF_OK)
        return economy_post(e, st, "imports");
    e->flow_imports = (double)economy_sum(f->amount, f->n);
    e->flow_central_revenue += (double)economy_sum(f->amount2, f->n);
    e->flow_fx_usd = (e->flow_exports - e->flow_imports) / e->m.usdcny;
    return YF_OK;
}

/* The financial account: inflows sell claims on exporting firms to foreigners,
 * outflows buy foreign assets with firms' deposits. */
static yf_status capital_flows(economy *e)
{
    firms *f = &e->fi;
    macro_state *s = &e->m;
    const double depreciation = s->usdcny / s->usdcny_lag12 - 1.0;
    const double differential = s->deposit_rate - e->world.fed_funds[e->month] - depreciation;
    const double flow =
        (e->param[P_fdi_share] + e->param[P_capital_flow_rate] * differential) * s->gdp_month;
    const bool inflow = flow > 0.0;
    /* Inflows buy claims on exporters; outflows are made by firms in proportion to
     * this month's sales (financed by overdraft if need be). */
    for (int32_t k = 0; k < f->n; k++) {
        int s_ind = f->industry[k];
        f->weight[k] = inflow ? (s_ind == IND_EXPORT || s_ind == IND_EMERGING ? f->share[k] : 0.0)
                              : fmax(0.0, f->revenue[k]) + 1e-9 * f->share[k];
    }
    if (!economy_apportion(e, fabs(flow), f->weight, f->n, f->amount, "capital flows"))
        return YF_ERR_NUMERIC;
    for (int32_t k = 0; k < f->n; k++) {
        if (f->amount[k] == 0)
            continue;
        yf_status st =
            inflow ? ledger_exchange(e->L, I_FOREIGN_LIABILITIES, ledger_acct(FIRM, k),
                                     ledger_acct(ROW, 0), f->amount[k])
                   : ledger_exchange(e->L, I_FOREIGN_ASSETS, ledger_acct(ROW, 0),
                                     ledger_acct(FIRM, k), f->amount[k]);
        if (st != YF_OK)
            return economy_post(e, st, "capital flows");
    }
    e->flow_capital_usd = flow / s->usdcny;
    return YF_OK;
}

yf_status world_trade_and_capital(economy *e)
{
    yf_status st = trade(e);
    return st != YF_OK ? st : capital_flows(e);
}
