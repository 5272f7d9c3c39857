/*
 * guards.c: the numerical guards of the China model, checked after every
 * month (guards.h; docs/errors.md lists the messages). Nothing here changes
 * the state: a guard only reads it and, when something is wrong, writes
 * e->msg and returns a failed status, which stops the run.
 *
 * The rules are of three kinds:
 *   FINITE    any real number (rates, expectations, flows that may be < 0);
 *   NONNEG    a quantity that cannot be negative (a real stock such as
 *             capital or reserves, a count of workers, a sale);
 *   POSITIVE  a price or a level that must stay above zero (a price index, the
 *             wage, the exchange rate, the labour force).
 * A NaN or an infinity breaks every rule.
 */
#include "model/guards.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "model/industries.h"

enum rule { FINITE, NONNEG, POSITIVE };

static bool obeys(double x, enum rule r)
{
    if (!isfinite(x))
        return false;
    return r == FINITE || (r == NONNEG ? x >= 0.0 : x > 0.0);
}

static const char *rule_text(enum rule r)
{
    return r == FINITE   ? "not a finite number"
           : r == NONNEG ? "but it cannot be negative"
                         : "but it must be positive";
}

/* NaN, infinity or a price at or below zero: a numerical fault; a finite
 * negative stock: a negative stock. */
static yf_status rule_status(double x, enum rule r)
{
    return isfinite(x) && r == NONNEG ? YF_ERR_NEGATIVE_STOCK : YF_ERR_NUMERIC;
}

/* ---- recent values from the output series -------------------------------- */

static int series_index(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return k;
    return -1;
}

/* Append to buf "NAME YYYY-MM..YYYY-MM: v, v, ..." for the GUARDS_RECENT
 * months of series k up to month last (those that exist). */
static void append_recent(const economy *e, int k, int last, char *buf, size_t size)
{
    size_t used = strlen(buf);
    if (last < 0 || used + 1 >= size)
        return;
    int first = last - GUARDS_RECENT + 1 > 0 ? last - GUARDS_RECENT + 1 : 0;
    char a[16], b[16];
    economy_month_label(e, first, a, sizeof a);
    economy_month_label(e, last, b, sizeof b);
    int n = snprintf(buf + used, size - used, "%s %s..%s:", e->out[k].name, a, b);
    for (int t = first; t <= last && n >= 0 && used + (size_t)n + 1 < size; t++) {
        used += (size_t)n;
        n = snprintf(buf + used, size - used, " %.6g", e->out[k].values[t]);
    }
}

/* The series whose level shows an explosion or a collapse, and the change over
 * the recent months that ranks them (a non-finite value ranks first). */
static const char *const level_series[] = {
    "cpi", "wage", "gdp_nominal", "m2", "usdcny", "fx_reserves_usd", "gdp_deflator", "exports_usd"};

enum { N_LEVEL_SERIES = (int)(sizeof level_series / sizeof *level_series), N_SHOWN = 3 };

static double movement(const economy *e, int k, int last)
{
    int first = last - GUARDS_RECENT + 1 > 0 ? last - GUARDS_RECENT + 1 : 0;
    double a = e->out[k].values[first], b = e->out[k].values[last];
    if (!isfinite(a) || !isfinite(b))
        return INFINITY;
    if (a <= 0.0 || b <= 0.0)
        return a == b ? 0.0 : 1e300; /* a level that reached or crossed zero */
    return fabs(log(b / a));
}

/* Append "; recent values: ..." with the N_SHOWN level series that moved most
 * over the months up to `last` (ties keep the list's order). */
static void append_movers(const economy *e, int last, char *buf, size_t size)
{
    if (last < 0)
        return;
    int index[N_LEVEL_SERIES];
    double moved[N_LEVEL_SERIES];
    int n = 0;
    for (int j = 0; j < N_LEVEL_SERIES; j++) {
        int k = series_index(e, level_series[j]);
        if (k < 0)
            continue;
        double v = movement(e, k, last);
        int at = n++;
        while (at > 0 && moved[at - 1] < v) { /* insertion, largest first */
            moved[at] = moved[at - 1];
            index[at] = index[at - 1];
            at--;
        }
        moved[at] = v;
        index[at] = k;
    }
    size_t used = strlen(buf);
    if (n > 0 && used + 1 < size)
        snprintf(buf + used, size - used, " (recent values: ");
    for (int j = 0; j < n && j < N_SHOWN; j++) {
        used = strlen(buf);
        if (j > 0 && used + 1 < size)
            snprintf(buf + used, size - used, "; ");
        append_recent(e, index[j], last, buf, size);
    }
    used = strlen(buf);
    if (n > 0 && used + 1 < size)
        snprintf(buf + used, size - used, ")");
}

/* ---- the checks ------------------------------------------------------------ */

/* Write the fault "YYYY-MM: WHO: VARIABLE is VALUE, RULE" to e->msg. */
static yf_status
fault(economy *e, int m, const char *who, const char *variable, double x, enum rule r)
{
    char month[16];
    economy_month_label(e, m, month, sizeof month);
    snprintf(e->msg, sizeof e->msg, "%s: %s: %s is %g, %s", month, who, variable, x, rule_text(r));
    return rule_status(x, r);
}

/* Append the recent values of series `name` up to month m, or say that the
 * variable passed at the last close (a state variable without a series). */
static void append_history(economy *e, int m, const char *name)
{
    int k = name ? series_index(e, name) : -1;
    size_t used = strlen(e->msg);
    if (used + 1 >= sizeof e->msg)
        return;
    if (k >= 0) {
        snprintf(e->msg + used, sizeof e->msg - used, " (recent values: ");
        append_recent(e, k, m, e->msg, sizeof e->msg);
        used = strlen(e->msg);
        if (used + 1 < sizeof e->msg)
            snprintf(e->msg + used, sizeof e->msg - used, ")");
    } else if (m > 0) {
        /* No series of its own: when it last passed, and the series that
         * moved most up to this month (recorded: the month's step succeeded). */
        char month[16];
        economy_month_label(e, m - 1, month, sizeof month);
        snprintf(e->msg + used, sizeof e->msg - used, " (it passed this check at the close of %s)",
                 month);
        append_movers(e, m, e->msg, sizeof e->msg);
    } else {
        snprintf(e->msg + used, sizeof e->msg - used, " (in the first month)");
    }
}

static yf_status check_series(economy *e, int m)
{
    for (int k = 0; k < e->n_series; k++) {
        double x = e->out[k].values[m];
        /* NaN is "no value" in the first year (a twelve-month rate); never after. */
        if (isinf(x) || (isnan(x) && m >= 12)) {
            char what[96];
            snprintf(what, sizeof what, "series '%s' (%s)", e->out[k].name, e->out[k].unit);
            yf_status st = fault(e, m, "output", what, x, FINITE);
            append_history(e, m, e->out[k].name);
            return st;
        }
    }
    return YF_OK;
}

/* Only what is a stock, a count or a price gets a sign rule; quantities
 * derived from plans (demand, utilisation, pressure) may go below zero in a
 * model that clamps them where they are used, and are only required finite. */

/* A variable of the macro state: name, who owns it, its rule and the series
 * that records it (NULL: none). */
typedef struct macro_var {
    const char *name, *who;
    size_t offset;
    enum rule rule;
    const char *series;
} macro_var;

#define MACRO(field, who, rule, series)                         \
    {                                                           \
#        field, who, offsetof(macro_state, field), rule, series \
    }
static const macro_var macro_vars[] = {
    MACRO(wage, "labour market", POSITIVE, "wage"),
    MACRO(labour_force, "households", POSITIVE, NULL),
    MACRO(rural_reserve, "households", NONNEG, NULL),
    MACRO(urban_labour_force, "households", POSITIVE, NULL),
    MACRO(unemployment, "labour market", FINITE, "unemployment"),
    MACRO(labour_gap, "labour market", FINITE, "labour_gap"),
    MACRO(unemployment_expected, "households", FINITE, NULL),
    MACRO(inflation_expected, "households", FINITE, NULL),
    MACRO(inflation_adaptive, "households", FINITE, NULL),
    MACRO(policy_rate, "PBOC", FINITE, "policy_rate"),
    MACRO(deposit_rate, "banks", FINITE, NULL),
    MACRO(loan_rate, "banks", FINITE, NULL),
    MACRO(debt_service_share, "firms", FINITE, "debt_service_share"),
    MACRO(bond_rate, "central government", FINITE, NULL),
    MACRO(usdcny, "PBOC", POSITIVE, "usdcny"),
    MACRO(usdcny_lag12, "PBOC", POSITIVE, NULL),
    MACRO(fx_reserves_usd, "PBOC", NONNEG, "fx_reserves_usd"),
    MACRO(portfolio_position, "rest of the world", FINITE, NULL),
    MACRO(cpi, "goods market", POSITIVE, "cpi"),
    MACRO(gdp_month, "economy", FINITE, "gdp_nominal"),
    MACRO(gdp_real_month, "economy", FINITE, "gdp_real"),
    MACRO(wto_access, "rest of the world", NONNEG, NULL),
    MACRO(vat_central_share, "central government", FINITE, NULL),
    MACRO(income_tax_central_share, "central government", FINITE, NULL),
    MACRO(stimulus_per_month, "central government", NONNEG, NULL),
    MACRO(last_central_revenue, "central government", FINITE, NULL),
    MACRO(last_local_revenue, "local governments", FINITE, NULL),
    MACRO(productivity_growth, "firms", FINITE, NULL),
    MACRO(tariff_china, "central government", NONNEG, NULL),
    /* technology (model/technology.c) */
    MACRO(rd_public, "central government", NONNEG, "rd_public"),
    MACRO(rd_private, "firms", NONNEG, "rd_private"),
    MACRO(rd_pipeline, "firms", NONNEG, NULL),
    MACRO(rd_stock, "firms", POSITIVE, "rd_stock"),
    MACRO(technology_growth, "firms", FINITE, "technology_growth"),
    MACRO(gs_loans_usd, "PBOC", NONNEG, "global_south_loans_usd"),
    MACRO(gs_relieved_usd, "rest of the world", NONNEG, NULL),
    MACRO(growth_expected, "rest of the world", FINITE, NULL),
    MACRO(rmb_invoicing_share, "rest of the world", NONNEG, "rmb_invoicing_share"),
    MACRO(fdi_inflow, "rest of the world", NONNEG, "fdi_inflow_share"),
};
#undef MACRO

enum { N_MACRO_VARS = (int)(sizeof macro_vars / sizeof *macro_vars) };

static yf_status check_macro(economy *e, int m)
{
    const char *base = (const char *)&e->m;
    for (int j = 0; j < N_MACRO_VARS; j++) {
        const macro_var *v = &macro_vars[j];
        double x;
        memcpy(&x, base + v->offset, sizeof x);
        if (!obeys(x, v->rule)) {
            yf_status st = fault(e, m, v->who, v->name, x, v->rule);
            append_history(e, m, v->series);
            return st;
        }
    }
    return YF_OK;
}

typedef struct industry_var {
    const char *name;
    size_t offset;
    enum rule rule;
} industry_var;

#define IND(field, rule)                              \
    {                                                 \
#        field, offsetof(industry_state, field), rule \
    }
static const industry_var industry_vars[] = {
    IND(price, POSITIVE),
    IND(capital_real, NONNEG),
    IND(productivity, POSITIVE),
    IND(demand_expected, FINITE),
    IND(demand_growth_expected, FINITE),
    IND(output_expected, FINITE),
    IND(output_growth_expected, FINITE),
    IND(rationing, FINITE),
    IND(output, NONNEG),
    IND(sales, NONNEG),
    IND(employment, NONNEG),
    IND(import_content, FINITE),
    IND(utilisation, FINITE),
    IND(investment_share, FINITE),
    IND(demand_pressure, FINITE),
    IND(capital_coefficient, POSITIVE),
    IND(investment_real, FINITE),
};
#undef IND

enum { N_INDUSTRY_VARS = (int)(sizeof industry_vars / sizeof *industry_vars) };

static yf_status check_industries(economy *e, int m)
{
    for (int i = 0; i < N_INDUSTRIES; i++) {
        const char *base = (const char *)&e->ind[i];
        for (int j = 0; j < N_INDUSTRY_VARS; j++) {
            const industry_var *v = &industry_vars[j];
            double x;
            memcpy(&x, base + v->offset, sizeof x);
            if (!obeys(x, v->rule)) {
                char who[96];
                snprintf(who, sizeof who, "industry '%s'", industry_table[i].name);
                yf_status st = fault(e, m, who, v->name, x, v->rule);
                append_history(e, m, NULL);
                return st;
            }
        }
        for (int d = 0; d < N_DEMANDS; d++)
            if (!obeys(e->ind[i].demand[d], FINITE)) {
                char who[96];
                snprintf(who, sizeof who, "industry '%s'", industry_table[i].name);
                yf_status st = fault(e, m, who, "demand", e->ind[i].demand[d], FINITE);
                append_history(e, m, NULL);
                return st;
            }
    }
    return YF_OK;
}

/* Industry dynamics (agents/emerging.c): the entry signal, the learning base
 * and this month's demand shares. */
static yf_status check_emerging(economy *e, int m)
{
    const emerging_state *em = &e->em;

    const struct {
        const char *name;
        double x;
        enum rule rule;
    } vars[] = {
        {"return_expected", em->return_expected, FINITE},
        {"entry_pending", em->entry_pending, NONNEG},
        {"cumulative_output", em->cumulative_output, NONNEG},
        {"learning", em->learning, POSITIVE},
        {"subsidy_plan", em->subsidy_plan, NONNEG},
    };

    for (size_t j = 0; j < sizeof vars / sizeof *vars; j++)
        if (!obeys(vars[j].x, vars[j].rule)) {
            yf_status st = fault(e, m, "emerging industry", vars[j].name, vars[j].x, vars[j].rule);
            append_history(e, m, NULL);
            return st;
        }
    for (int i = 0; i < N_INDUSTRIES; i++)
        for (int d = 0; d < N_DEMANDS; d++)
            if (!obeys(e->demand_share[i][d], NONNEG)) {
                char who[96];
                snprintf(who, sizeof who, "industry '%s'", industry_table[i].name);
                yf_status st = fault(e, m, who, "demand_share", e->demand_share[i][d], NONNEG);
                append_history(e, m, NULL);
                return st;
            }
    return YF_OK;
}

/* The first agent k of a[0..n) that breaks the rule, or -1. One comparison
 * per agent: x - x is 0 for every finite x and NaN otherwise. */
static int32_t first_bad(const double *restrict a, int32_t n, enum rule r)
{
    for (int32_t k = 0; k < n; k++) {
        double x = a[k];
        bool ok = r == FINITE   ? x - x == 0.0
                  : r == NONNEG ? (x >= 0.0 && x - x == 0.0)
                                : (x > 0.0 && x - x == 0.0);
        if (!ok)
            return k;
    }
    return -1;
}

typedef struct agent_var {
    const char *sector, *name;
    size_t offset; /* of the array pointer in households or firms */
    enum rule rule;
} agent_var;

static const agent_var household_vars[] = {
    {"household", "consumption_plan", offsetof(households, consumption_plan), FINITE},
    {"household", "wage_income", offsetof(households, wage_income), NONNEG},
    {"household", "employed", offsetof(households, employed), NONNEG},
    {"household", "income_expected", offsetof(households, income_expected), FINITE},
    {"household", "income", offsetof(households, income), FINITE},
};
static const agent_var firm_vars[] = {
    {"firm", "capital_real", offsetof(firms, capital_real), NONNEG},
    {"firm", "profit", offsetof(firms, profit), FINITE},
    {"firm", "revenue", offsetof(firms, revenue), NONNEG},
    {"firm", "costs", offsetof(firms, costs), NONNEG},
};
/* Cities' demography (model/demography.c). */
static const agent_var city_vars[] = {
    {"city", "households", offsetof(cities, households), NONNEG},
    {"city", "formation", offsetof(cities, formation), NONNEG},
    {"city", "income_factor", offsetof(cities, income_factor), POSITIVE},
};

static yf_status
check_agents(economy *e, int m, const void *group, int32_t n, const agent_var *vars, int n_vars)
{
    for (int j = 0; j < n_vars; j++) {
        const double *a;
        memcpy(&a, (const char *)group + vars[j].offset, sizeof a);
        if (!a)
            continue;
        int32_t k = first_bad(a, n, vars[j].rule);
        if (k >= 0) {
            char who[64];
            snprintf(who, sizeof who, "%s %d", vars[j].sector, (int)k);
            yf_status st = fault(e, m, who, vars[j].name, a[k], vars[j].rule);
            append_history(e, m, NULL);
            return st;
        }
    }
    return YF_OK;
}

yf_status guards_after_month(economy *e, int m, yf_status st)
{
    if (st != YF_OK) {
        /* The month did not complete: its series are not recorded; show the
         * months before it. */
        append_movers(e, m - 1, e->msg, sizeof e->msg);
        return st;
    }
    if ((st = check_series(e, m)) != YF_OK || (st = check_macro(e, m)) != YF_OK ||
        (st = check_industries(e, m)) != YF_OK || (st = check_emerging(e, m)) != YF_OK ||
        (st = check_agents(e, m, &e->hh, e->hh.n, household_vars,
                           (int)(sizeof household_vars / sizeof *household_vars))) != YF_OK ||
        (st = check_agents(e, m, &e->fi, e->fi.n, firm_vars,
                           (int)(sizeof firm_vars / sizeof *firm_vars))) != YF_OK ||
        (st = check_agents(e, m, &e->ci, e->ci.n, city_vars,
                           (int)(sizeof city_vars / sizeof *city_vars))) != YF_OK)
        return st;
    return YF_OK;
}
