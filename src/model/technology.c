/*
 * technology.c: research and development, the knowledge stock, the growth of
 * technology it drives, and growth accounting (DESIGN.md 4, "Technology";
 * docs/model.md 4.15; docs/technology.md).
 *
 * Spending by performer (yuan per month; both are parts of flows the ledger
 * already posts, so the matrices need no new row):
 *
 *   public  R_g = min(rd_public_share GDP_12m / 12, G_c)
 *       the research of government institutes and universities: a share of
 *       GDP set by policy (event rd_public), spent out of the central budget
 *       (public wages and purchases, which government_plan sizes by the
 *       deficit rule): more public research displaces other central spending
 *       unless the deficit rises too.
 *   private R_p = min(I, sum_s k w_s p_s De_s x^eta (1 + eps (pi_e / pi_0 - 1)) (1 - c))
 *       firms' research, booked as business investment (intellectual
 *       property products: SNA 2008; China's statistics count R&D as capital
 *       formation since 2016). w_s is the industry's relative research
 *       intensity, p_s De_s its expected sales, x the distance travelled
 *       toward the world frontier (firms closer to it must invent rather than
 *       imitate: Acemoglu, Aghion and Zilibotti 2006), pi_e / pi_0 the
 *       expected profit margin relative to its opening level (research is
 *       paid from internal funds: Hall and Lerner 2010; the response is
 *       partial and linear, so research, a commitment of labs and staff,
 *       does not vanish with margins) and c the cut of a
 *       crackdown (event platform_crackdown). k is set in the first month so
 *       that R_p is rd_private_opening_share of GDP.
 *
 * Knowledge (real, deflated by consumer prices): research takes
 * rd_gestation_months on average to become usable knowledge (a pipeline P),
 * then joins a perpetual-inventory stock S that depreciates at
 * rd_depreciation a year:
 *
 *   P' = P + R / cpi - P / gestation,   S' = S (1 - delta / 12) + P / gestation.
 *
 * Technology (labour-augmenting) grows with the knowledge stock, which both
 * creates (the Griliches knowledge-capital model: the elasticity gamma of
 * technology to the stock) and absorbs what the world frontier already knows,
 * the more the larger the stock relative to output and the wider the gap
 * (the "two faces of R&D": Griffith, Redding and Van Reenen 2004; Nelson and
 * Phelps 1966):
 *
 *   g_A = gamma g_S + mu (S / Y_12m) max(0, gap_0 - ln x),
 *   x = (productivity / its opening value, opening output weights) / exp(g_F t),
 *
 * with Y_12m real GDP over the last twelve months. As China closes the gap,
 * imitation yields less and growth must come from the stock's own growth.
 *
 * Labour productivity then grows at g_A plus the Kaldor-Verdoorn term
 * (labour.c). The lag of technology behind research emerges from the pipeline
 * and the stock: a rise of spending first fills the pipeline, and the stock's
 * growth rises over the following years.
 *
 * Growth accounting (series): with the capital share a,
 *   TFP = Y / (K^a L^(1-a)) (index, first month 1), Y real GDP, K business
 *   capital (real), L employment (private and public); contributions to the
 *   year-on-year growth of real GDP in percentage points:
 *   a dln K, (1 - a) dln L, and the residual dln Y - a dln K - (1 - a) dln L.
 */
#include "model/technology.h"

#include <math.h>

#include "model/economy.h"
#include "model/industries.h"

/* Relative research intensity of each industry (research per yuan of sales,
 * manufacturing = 1): an assumption after the NBS statistics on R&D of
 * industrial enterprises, where high-tech manufacturing spends about three
 * times the manufacturing average and construction and most services far
 * less. */
static const double research_intensity[N_INDUSTRIES] = {
    [IND_EXPORT] = 1.0,   [IND_DOMESTIC] = 1.0, [IND_CONSTRUCTION] = 0.3,
    [IND_SERVICES] = 0.5, [IND_EMERGING] = 3.0,
};

/* Productivity relative to the opening, weighted by the opening output of
 * each industry (a fixed-base index: a shift of output between industries
 * does not move it; 1 in the first month). */
static double productivity_index(const economy *e)
{
    double num = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        num += e->m.rd_weight0[s] * e->ind[s].productivity / e->ind[s].productivity0;
    return num;
}

/* Profit after tax of all firms over their sales this month. */
static double profit_margin(const economy *e)
{
    const firms *f = &e->fi;
    double profit = 0.0, sales = 0.0;
    for (int32_t k = 0; k < f->n; k++) {
        profit += f->profit[k];
        sales += f->revenue[k];
    }
    return sales > 0.0 ? yf_fmax(0.0, profit / sales) : 0.0;
}

/* Research-weighted expected sales of the industries this month, yuan. */
static double research_base(const economy *e)
{
    double base = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        base += research_intensity[s] * e->ind[s].price * e->ind[s].demand_expected;
    return base;
}

/* Employment of the month: private industries and public employees. */
static double employment_total(const economy *e)
{
    double n = (e->plan_public_wages_central + e->lg_wages) / e->m.wage;
    for (int s = 0; s < N_INDUSTRIES; s++)
        n += e->ind[s].employment;
    return n;
}

static double business_capital(const economy *e)
{
    double k = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        k += e->ind[s].capital_real;
    return k;
}

void technology_update(economy *e, int m)
{
    macro_state *s = &e->m;
    const double *p = e->param;
    const double gdp_month = economy_gdp_12m(e) / 12.0;
    const double margin = profit_margin(e);
    if (m == 0) {
        double total = 0.0;
        for (int k = 0; k < N_INDUSTRIES; k++)
            total += e->ind[k].output;
        for (int k = 0; k < N_INDUSTRIES; k++)
            s->rd_weight0[k] = total > 0.0 ? e->ind[k].output / total : 1.0 / N_INDUSTRIES;
    }
    const double proximity = productivity_index(e) / exp(p[P_frontier_growth] * m / 12.0);
    if (m == 0) {
        /* The opening: research of 2000 at its data shares, margins as they are. */
        s->rd_margin0 = s->rd_margin_expected = margin;
        const double base = research_base(e);
        s->rd_private_scale = base > 0.0 ? p[P_rd_private_opening_share] * gdp_month / base : 0.0;
    } else {
        s->rd_margin_expected += p[P_expectation_speed] * (margin - s->rd_margin_expected);
    }
    /* Public research: part of the central budget of the month. */
    const double central = e->plan_public_wages_central + e->plan_central_purchases;
    s->rd_public = yf_fmin(central, p[P_rd_public_share] * gdp_month);
    /* Private research: part of business investment. Its response to margins
     * is partial and linear: research is a commitment (labs, staff), so it
     * does not vanish when margins do. */
    const double profit_factor =
        s->rd_margin0 > 0.0 ? yf_fmax(0.0, 1.0 + p[P_rd_profit_elasticity] *
                                                     (s->rd_margin_expected / s->rd_margin0 - 1.0))
                            : 1.0;
    const double want = s->rd_private_scale * research_base(e) *
                        pow(yf_fmax(proximity, 1e-6), p[P_rd_catchup_elasticity]) * profit_factor *
                        (1.0 - p[P_rd_crackdown]);
    s->rd_private = yf_fmax(0.0, yf_fmin(e->flow_investment, want));
    /* Knowledge: the pipeline, then the stock. */
    const double gestation = p[P_rd_gestation_months];
    const double research_real = (s->rd_public + s->rd_private) / s->cpi;
    if (m == 0) {
        const double g0 = p[P_rd_growth_opening];
        s->rd_pipeline = research_real * gestation;
        s->rd_stock = 12.0 * research_real / (p[P_rd_depreciation] + g0);
    }
    const double ready = s->rd_pipeline / gestation;
    s->rd_pipeline += research_real - ready;
    const double before = s->rd_stock;
    s->rd_stock = before * (1.0 - p[P_rd_depreciation] / 12.0) + ready;
    s->rd_stock_growth = before > 0.0 ? 12.0 * (s->rd_stock / before - 1.0) : 0.0;
    const double gap = yf_fmax(0.0, p[P_frontier_gap] - log(yf_fmax(proximity, 1e-6)));
    double real_gdp = 0.0;
    for (int k = 0; k < 12; k++)
        real_gdp += s->gdp_real_ring[k];
    s->rd_intensity = real_gdp > 0.0 ? s->rd_stock / real_gdp : 0.0;
    s->technology_growth =
        p[P_rd_elasticity] * s->rd_stock_growth + p[P_rd_absorption] * s->rd_intensity * gap;
}

double technology_growth(const economy *e)
{
    return e->m.technology_growth;
}

double technology_growth_opening(const economy *e)
{
    const double *p = e->param;
    const double intensity = (p[P_rd_private_opening_share] + p[P_rd_public_share]) /
                             (p[P_rd_depreciation] + p[P_rd_growth_opening]);
    return p[P_rd_elasticity] * p[P_rd_growth_opening] +
           p[P_rd_absorption] * intensity * p[P_frontier_gap];
}

void technology_series(economy *e, int m, double *out)
{
    const double a = e->param[P_capital_share];
    const double y = e->m.gdp_real_month, k = business_capital(e), l = employment_total(e);
    macro_state *s = &e->m;
    if (m == 0) {
        s->ga_output0 = y;
        s->ga_capital0 = k;
        s->ga_labour0 = l;
    }
    const double tfp =
        (y / s->ga_output0) / (pow(k / s->ga_capital0, a) * pow(l / s->ga_labour0, 1.0 - a));
    const int j = m % 12;
    out[TECH_TFP] = tfp;
    out[TECH_RD_PUBLIC] = s->rd_public;
    out[TECH_RD_PRIVATE] = s->rd_private;
    out[TECH_RD_SHARE] = s->gdp_month > 0.0 ? (s->rd_public + s->rd_private) / s->gdp_month : NAN;
    out[TECH_RD_STOCK] = s->rd_stock;
    out[TECH_GROWTH] = s->technology_growth;
    out[TECH_CAPITAL] = k;
    out[TECH_EMPLOYMENT] = l;
    if (m >= 12) {
        const double gy = 100.0 * log(y / s->ga_ring[j][0]);
        const double gk = 100.0 * a * log(k / s->ga_ring[j][1]);
        const double gl = 100.0 * (1.0 - a) * log(l / s->ga_ring[j][2]);
        out[TECH_CONTRIB_CAPITAL] = gk;
        out[TECH_CONTRIB_LABOUR] = gl;
        out[TECH_CONTRIB_TFP] = gy - gk - gl;
        /* The share is meaningless when growth is near zero or negative:
         * then 0 (the series must stay finite). */
        out[TECH_TFP_SHARE] = gy >= 1.0 ? (gy - gk - gl) / gy : 0.0;
    } else {
        out[TECH_CONTRIB_CAPITAL] = out[TECH_CONTRIB_LABOUR] = NAN;
        out[TECH_CONTRIB_TFP] = out[TECH_TFP_SHARE] = NAN;
    }
    s->ga_ring[j][0] = y;
    s->ga_ring[j][1] = k;
    s->ga_ring[j][2] = l;
}
