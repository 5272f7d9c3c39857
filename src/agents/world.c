/*
 * world.c: the rest of the world (DESIGN.md 4, "Rest of world"; docs/model.md 3.7).
 *
 * Export demand D, in dollars, summed over destinations d (US, EU, rest):
 *
 *   D_d = X0 s_d (Y_d / Y_d0)^eta_Y (G_d / G_d_trend)^eta_c
 *         * ((1 + tau_d0) / (1 + tau_d))^eta_tau (P_x / P_x0 / p_m)^(-eps) * wto
 *
 * with Y_d the destination's nominal GDP in dollars (data), tau_d the tariff on
 * China's exports, P_x China's export price in yuan, p_m = (e / e0) P_f the yuan
 * price of foreign goods (e the managed rate in yuan per dollar, P_f foreign
 * prices growing at foreign_inflation) and wto the market access phased in
 * after 2001-12. China's market share cannot grow forever: demand saturates
 * toward a ceiling share s of the destinations' GDP Y,
 *
 *   X = D / sqrt(1 + (D / (s Y))^2) * sqrt(1 + (D_0 / (s Y_0))^2),
 *
 * close to D while China's share is small and growing with Y alone near the
 * ceiling (the last factor keeps the first month at the data). Exports are
 * paid by the rest of the world in dollars that the PBOC buys at the managed
 * rate: in the ledger the ROW pays through the PBOC's FX reserves, so reserves,
 * bank reserves and exporters' deposits are created together.
 *
 * G_d is the year-on-year growth factor of Y_d and G_d_trend its slowly learnt
 * trend: in a slump, trade falls by more than income (the cycle term), and the
 * term is neutral on the trend (and in the first year, before G_d exists).
 *
 * Imports are the import content of every industry's real sales at the yuan
 * price of foreign goods p_m, paid by the firms (the same price that enters
 * their unit costs).
 * The financial account: foreign direct investment (a share of GDP) and private
 * portfolio flows that move residents' net foreign funding P toward the position
 * the interest differential net of expected depreciation calls for (Tobin's
 * portfolio choice, as in Godley and Lavoie 2007 ch. 12):
 *
 *   P* = portfolio_sensitivity (i - i_fed - dep_e) Y_12m,
 *   F  = fdi_share GDP_month + portfolio_speed (P* - P),   P += the portfolio part,
 *
 * with dep_e the depreciation of the past twelve months. A lasting differential
 * thus moves a bounded stock of capital, not a flow for ever. An inflow is
 * foreigners buying claims on exporting firms; an outflow is firms buying
 * foreign assets.
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

/* Saturation of demand D (dollars per month) toward the ceiling share of the
 * destinations' GDP in month m (the factor of the formula above, without the
 * first month's normalisation). */
static double saturation(const economy *e, double demand, int m)
{
    double foreign = 0.0;
    for (int d = 0; d < N_DESTINATIONS; d++)
        foreign += e->world.foreign_gdp_usd[d][m] / 12.0;
    const double ratio = demand / (e->param[P_export_share_ceiling] * foreign);
    return 1.0 / sqrt(1.0 + ratio * ratio);
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
    /* China's export price relative to foreign prices, both in dollars. */
    const double relative_price = export_price(e) / e->price_export0 / economy_import_price(e);
    double x = 0.0;
    for (int d = 0; d < N_DESTINATIONS; d++) {
        double income = w->foreign_gdp_usd[d][m] / w->foreign_gdp_usd[d][0];
        double tariff = (1.0 + w->tariff[d][0]) / (1.0 + w->tariff[d][m]);
        x += export_destination_share[d] * pow(income, eta_y) * pow(tariff, eta_tau) *
             cycle(e, d, m);
    }
    const double demand = e->exports_usd_base * x * pow(relative_price, -eps) * e->m.wto_access;
    e->export_demand_usd =
        demand * saturation(e, demand, m) / saturation(e, e->exports_usd_base, 0);
    e->plan[D_EXPORTS] = e->export_demand_usd * e->m.usdcny;
}

/* Exports, imports and customs duties, firm by firm. */
static yf_status trade(economy *e)
{
    firms *f = &e->fi;
    /* Exports delivered: each firm's share of its industry's export sales. */
    double delivered = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        delivered +=
            industry_table[s].demand_share[D_EXPORTS] * e->plan[D_EXPORTS] * e->ind[s].rationing;
    for (int32_t k = 0; k < f->n; k++) {
        int s = f->industry[k];
        f->weight[k] =
            industry_table[s].demand_share[D_EXPORTS] * e->ind[s].rationing * f->share[k];
    }
    if (!economy_apportion(e, delivered, f->weight, f->n, f->amount, "exports"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_to_each(e->L, F_EXPORTS, ledger_acct(ROW, 0), FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "exports");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    e->flow_exports = (double)economy_sum(f->amount, f->n);

    /* Imports: the import content of this month's real sales at the yuan price
     * of foreign goods, and the duties on them. */
    const double import_price = economy_import_price(e);
    for (int32_t k = 0; k < f->n; k++) {
        const industry_state *x = &e->ind[f->industry[k]];
        double imports = x->import_content * f->revenue[k] / x->price * import_price;
        if (!economy_yuan(e, imports, "imports", &f->amount[k]) ||
            !economy_yuan(e, imports * e->m.tariff_china, "customs duties", &f->amount2[k]))
            return YF_ERR_NUMERIC;
        f->costs[k] += (double)(f->amount[k] + f->amount2[k]);
    }
    if ((st = ledger_pay_from_each(e->L, F_IMPORTS, FIRM, f->amount, ledger_acct(ROW, 0))) !=
            YF_OK ||
        (st = ledger_pay_from_each(e->L, F_CUSTOMS_DUTIES, FIRM, f->amount2, ledger_acct(CG, 0))) !=
            YF_OK)
        return economy_post(e, st, "imports");
    e->flow_imports = (double)economy_sum(f->amount, f->n);
    e->flow_central_revenue += (double)economy_sum(f->amount2, f->n);
    e->flow_fx_usd += (e->flow_exports - e->flow_imports) / e->m.usdcny;
    return YF_OK;
}

/* Residents' net private foreign funding (yuan) the current interest
 * differential, net of expected depreciation, calls for. */
static double portfolio_target(const economy *e)
{
    const macro_state *s = &e->m;
    const double depreciation = s->usdcny / s->usdcny_lag12 - 1.0;
    const double differential = s->deposit_rate - e->world.fed_funds[e->month] - depreciation;
    return e->param[P_portfolio_sensitivity] * differential * economy_gdp_12m(e);
}

/* The financial account: inflows sell claims on exporting firms to foreigners,
 * outflows buy foreign assets with firms' deposits. */
static yf_status capital_flows(economy *e)
{
    firms *f = &e->fi;
    macro_state *s = &e->m;
    const double target = portfolio_target(e);
    /* January 2000 opens with portfolios where that month's differential wants
     * them: the history starts from a balance, not from a jump. */
    if (e->month == 0)
        s->portfolio_position = target;
    const double portfolio = e->param[P_portfolio_speed] * (target - s->portfolio_position);
    s->portfolio_position += portfolio;
    const double flow = e->param[P_fdi_share] * s->gdp_month + portfolio;
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
        yf_status st = inflow ? ledger_exchange(e->L, I_FOREIGN_LIABILITIES, ledger_acct(FIRM, k),
                                                ledger_acct(ROW, 0), f->amount[k])
                              : ledger_exchange(e->L, I_FOREIGN_ASSETS, ledger_acct(ROW, 0),
                                                ledger_acct(FIRM, k), f->amount[k]);
        if (st != YF_OK)
            return economy_post(e, st, "capital flows");
    }
    e->flow_capital_usd += flow / s->usdcny; /* developers' dollar bonds came first */
    return YF_OK;
}

yf_status world_trade_and_capital(economy *e)
{
    yf_status st = trade(e);
    return st != YF_OK ? st : capital_flows(e);
}
