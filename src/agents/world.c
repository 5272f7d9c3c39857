/*
 * world.c: the rest of the world (DESIGN.md 4, "Rest of world"; docs/model.md 3.7).
 *
 * Export demand D, in dollars, summed over destinations d (US, EU, rest):
 *
 *   D_d = X0 (Y / Y0)^eta_Y s_d (Y_d / Y) / (Y_d0 / Y0) (G_d / G_d_trend)^eta_c
 *         * ((1 + tau_d0) / (1 + tau_d))^eta_tau (P_x / P_x0 / p_m)^(-eps) * wto
 *
 * with Y_d the destination's nominal GDP in dollars (data), Y = sum of Y_d:
 * foreign income drives the total and each destination takes a share in
 * proportion to its weight in foreign GDP (a gravity model: trade with a
 * country in proportion to its income; issue 5, docs/trade.md), tau_d the tariff on
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
 * Trade war (docs/trade.md). The US recession shock (event us_recession)
 * scales US GDP by 1 - depth h, h rising linearly to 1 at mid-span and back to
 * 0. Trade diversion: when the US tariff rises by more than the rest of the
 * world's, the US demand lost relative to a US tariff that had moved like the
 * rest's,
 *
 *   L = c_US(tau_rest path) - c_US(tau_US),
 *   c_d = s_d (Y / Y0)^eta_Y (Y_d / Y) / (Y_d0 / Y0) (G_d / G_d_trend)^eta_c
 *         ((1 + tau_d0) / (1 + tau_d))^eta_tau,
 *
 * reaches the US through third countries for a share trade_diversion of it:
 * c_rest += trade_diversion max(0, L). The debtor countries' spending of
 * debt service freed by relief (agents/global_south.c) adds to the demand of
 * the rest of the world in dollars. The destinations' shares of the demand are
 * kept for the series (exports by destination).
 *
 * The financial account: foreign direct investment and private portfolio
 * flows. FDI comes for a growing market and shies from tariff risk:
 *
 *   FDI = fdi_openness fdi_growth_response max(0, g_e - fdi_growth_floor)
 *         ((1 + tau_US0) / (1 + tau_US))^fdi_tariff_elasticity GDP_month,
 *
 * g_e the expected real growth (learnt at growth_expectation_speed); a share
 * fdi_recycled of it leaves again as residents' foreign assets (the outward
 * investment the model has no mechanism for). Portfolio flows move residents'
 * net foreign funding P toward the position the interest differential net of
 * expected depreciation calls for (Tobin's portfolio choice, as in Godley and
 * Lavoie 2007 ch. 12):
 *
 *   P* = portfolio_sensitivity (i - i_fed - dep_e) Y_12m,   P += portfolio_speed (P* - P),
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
        p += industry_table[s].demand_share[D_EXPORTS] * e->ind[s].price; /* 2000 weights */
    return p;
}

/* Factor on US GDP in month m from a US recession (event us_recession): 1 - depth h,
 * h rising linearly to 1 at mid-span and back to 0 at its end; 1 elsewhere. */
static double recession_factor(const economy *e, int d, int m)
{
    const double start = e->param[P_us_recession_month];
    if (d != DEST_US || start < 0.0)
        return 1.0;
    const double t = (double)((e->size.start_year - 2000) * 12 + m) - start;
    const double span = e->param[P_us_recession_months], half = span / 2.0;
    if (t < 0.0 || t >= span)
        return 1.0;
    const double h = yf_fmin(1.0, yf_fmin(t + 1.0, span - t) / half);
    return 1.0 - e->param[P_us_recession_depth] * h;
}

/* Destination d's nominal GDP in dollars in month m: the world path (data, or a
 * scenario's growth path) times any recession. */
static double destination_gdp(const economy *e, int d, int m)
{
    return e->world.foreign_gdp_usd[d][m] * recession_factor(e, d, m);
}

/* Saturation of demand D (dollars per month) toward the ceiling share of the
 * destinations' GDP in month m (the factor of the formula above, without the
 * first month's normalisation). */
static double saturation(const economy *e, double demand, int m)
{
    double foreign = 0.0;
    for (int d = 0; d < N_DESTINATIONS; d++)
        foreign += destination_gdp(e, d, m) / 12.0;
    const double ratio = demand / (e->param[P_export_share_ceiling] * foreign);
    return 1.0 / sqrt(1.0 + ratio * ratio);
}

/* (G_d / G_d_trend)^eta_c, learning the trend as it goes. */
static double cycle(economy *e, int d, int m)
{
    if (m < 12)
        return 1.0;
    const double growth = destination_gdp(e, d, m) / destination_gdp(e, d, m - 12);
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
    /* Foreign income drives the total; each destination takes a share in
     * proportion to its weight in foreign GDP (gravity: trade with a country in
     * proportion to its income), then its cycle and its tariff. */
    double c[N_DESTINATIONS], tariff[N_DESTINATIONS], foreign = 0.0, foreign0 = 0.0;
    for (int d = 0; d < N_DESTINATIONS; d++) {
        foreign += destination_gdp(e, d, m);
        foreign0 += w->foreign_gdp_usd[d][0];
    }
    const double income = pow(foreign / foreign0, eta_y);
    for (int d = 0; d < N_DESTINATIONS; d++) {
        const double weight =
            destination_gdp(e, d, m) / foreign / (w->foreign_gdp_usd[d][0] / foreign0);
        tariff[d] = (1.0 + w->tariff[d][0]) / (1.0 + w->tariff[d][m]);
        c[d] = export_destination_share[d] * income * weight * cycle(e, d, m);
    }
    /* Trade diversion: the US demand lost because the US tariff rose by more
     * than the rest of the world's partly reaches the US through third countries. */
    const double us_at_rest_tariff = c[DEST_US] * pow(tariff[DEST_REST], eta_tau);
    for (int d = 0; d < N_DESTINATIONS; d++)
        c[d] *= pow(tariff[d], eta_tau);
    c[DEST_REST] += e->param[P_trade_diversion] * yf_fmax(0.0, us_at_rest_tariff - c[DEST_US]);
    const double scale = e->exports_usd_base * pow(relative_price, -eps) * e->m.wto_access;
    double demand = 0.0, by_destination[N_DESTINATIONS];
    for (int d = 0; d < N_DESTINATIONS; d++)
        demand += by_destination[d] = scale * c[d];
    /* Debtor countries spend part of the debt service that relief freed on China's goods. */
    const double freed = global_south_freed_spending_usd(e);
    by_destination[DEST_REST] += freed;
    demand += freed;
    for (int d = 0; d < N_DESTINATIONS; d++)
        e->m.export_share_dest[d] = by_destination[d] / demand;
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
            e->demand_share[s][D_EXPORTS] * e->plan[D_EXPORTS] * e->ind[s].rationing;
    for (int32_t k = 0; k < f->n; k++) {
        int s = f->industry[k];
        f->weight[k] =
            e->demand_share[s][D_EXPORTS] * e->ind[s].rationing * f->share[k];
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

/* Expected real growth, learnt at growth_expectation_speed from real GDP over
 * the eleven months to last month (the ring holds the last twelve months); it
 * opens at the data's growth of the year before the run. */
static void learn_growth(economy *e, int m)
{
    macro_state *s = &e->m;
    if (m == 0) {
        double g;
        s->growth_expected = data_annual(e->annual, "gdp_real_growth", e->size.start_year - 1, &g)
                                 ? g / 100.0
                                 : 0.08;
        return;
    }
    if (m < 12 || s->gdp_real_ring[m % 12] <= 0.0)
        return;
    const double g = pow(s->gdp_real_month / s->gdp_real_ring[m % 12], 12.0 / 11.0) - 1.0;
    s->growth_expected += e->param[P_expectation_speed] * (g - s->growth_expected);
}

/* Foreign direct investment this month, yuan: for a growing market, less with
 * tariff risk (the formula at the top). */
static double fdi_inflow(const economy *e, int m)
{
    const world_path *w = &e->world;
    const double tariff_risk = (1.0 + w->tariff[DEST_US][0]) / (1.0 + w->tariff[DEST_US][m]);
    const double share = e->param[P_fdi_openness] * e->param[P_fdi_growth_response] *
                         yf_fmax(0.0, e->m.growth_expected - e->param[P_fdi_growth_floor]) *
                         pow(tariff_risk, e->param[P_fdi_tariff_elasticity]);
    return share * e->m.gdp_month;
}

/* Post one direction of the financial account: an inflow sells claims on
 * exporters (and emerging industries) to foreigners; an outflow is made by firms
 * in proportion to this month's sales (financed by overdraft if need be). */
static yf_status post_capital(economy *e, double amount, bool inflow, const char *what)
{
    firms *f = &e->fi;
    for (int32_t k = 0; k < f->n; k++) {
        int s_ind = f->industry[k];
        f->weight[k] = inflow ? (s_ind == IND_EXPORT || s_ind == IND_EMERGING ? f->share[k] : 0.0)
                              : yf_fmax(0.0, f->revenue[k]) + 1e-9 * f->share[k];
    }
    if (!economy_apportion(e, amount, f->weight, f->n, f->amount, what))
        return YF_ERR_NUMERIC;
    /* One batch for all firms (as ledger_exchange firm by firm would post). */
    const ledger_account row = ledger_acct(ROW, 0);
    return economy_post(e,
                        inflow ? ledger_sell_each(e->L, I_FOREIGN_LIABILITIES, FIRM, f->amount, row)
                               : ledger_buy_each(e->L, I_FOREIGN_ASSETS, FIRM, f->amount, row),
                        what);
}

/* The financial account: FDI in, the part of it recycled out, and portfolio
 * flows, posted gross in each direction. */
static yf_status capital_flows(economy *e)
{
    macro_state *s = &e->m;
    const double target = portfolio_target(e);
    /* January 2000 opens with portfolios where that month's differential wants
     * them: the history starts from a balance, not from a jump. */
    if (e->month == 0)
        s->portfolio_position = target;
    const double portfolio = e->param[P_portfolio_speed] * (target - s->portfolio_position);
    s->portfolio_position += portfolio;
    learn_growth(e, e->month);
    const double fdi = fdi_inflow(e, e->month);
    s->fdi_inflow = fdi;
    const double in = fdi + yf_fmax(0.0, portfolio);
    const double out = e->param[P_fdi_recycled] * fdi + yf_fmax(0.0, -portfolio);
    yf_status st = post_capital(e, in, true, "capital inflows");
    if (st == YF_OK)
        st = post_capital(e, out, false, "capital outflows");
    if (st != YF_OK)
        return st;
    e->flow_capital_usd += (in - out) / s->usdcny; /* developers' dollar bonds came first */
    return YF_OK;
}

yf_status world_trade_and_capital(economy *e)
{
    yf_status st = trade(e);
    if (st == YF_OK)
        st = capital_flows(e);
    return st != YF_OK ? st : global_south_operate(e, e->month);
}
