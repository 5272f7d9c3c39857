/*
 * report_charts.c: the report's charts as numbers (docs/report.md section 2).
 *
 * The theme table below says which series each chart shows. A series a run
 * does not have is skipped, and a chart with none of its series is left out
 * (its names are listed under the theme as "not in these runs"), so the table
 * can name series the model does not produce yet: when they appear, their
 * charts appear.
 *
 * Every chart is computed here and handed to the page as JSON, ready to draw:
 *   - the annual values of the store (docs/outputs.md section 3), in the unit
 *     the page shows (report_display_unit: shares and rates in %, money in
 *     thousand/million/billion/trillion by the chart's size);
 *   - a scenario with one run is a line; a scenario with several runs (an
 *     ensemble: the same name, other seeds or sizes) is its median line with
 *     the 25-75 and 5-95 percentile bands of the runs, year by year;
 *   - where a real series exists in data/china_annual.csv for the chart's
 *     first series, it is drawn too, with its source;
 *   - with several scenarios, the key charts again as differences from the
 *     first scenario (percentage points for shares and rates);
 *   - the sectors' net lending as stacked bars.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "report/report.h"

/* ---- the theme table --------------------------------------------------------- */

typedef enum chart_kind {
    K_LEVEL,  /* the annual values */
    K_GROWTH, /* growth over the previous year: x[y] / x[y-1] - 1 */
} chart_kind;

enum { MAX_CHART_SERIES = 6 };

typedef struct theme_chart {
    const char *id;
    const char *title;
    const char *note; /* what the chart shows, for a reader new to it */
    chart_kind kind;
    const char *series[MAX_CHART_SERIES]; /* in legend order; NULL ends */
    const char *labels[MAX_CHART_SERIES]; /* legend labels of the series */
    const char *data;   /* a series of data/china_annual.csv for series[0], or NULL */
    double data_factor; /* data value x data_factor = the model's annual unit */
    bool key;           /* also drawn as differences between scenarios */
} theme_chart;

typedef struct theme {
    const char *id, *title, *intro;
    const theme_chart *charts;
    int n_charts;
} theme;

#define N_OF(a) ((int)(sizeof(a) / sizeof *(a)))

/* clang-format off */
static const theme_chart growth_charts[] = {
    {"gdp_growth", "Real GDP growth", "Growth of real GDP (at the prices of 2000) over the year before.",
     K_GROWTH, {"gdp_real"}, {"real GDP growth"}, "gdp_real_growth", 0.01, true},
    {"gdp_nominal", "GDP at current prices", "The year's GDP in current yuan: consumption, government, investment and net exports.",
     K_LEVEL, {"gdp_nominal"}, {"nominal GDP"}, NULL, 0, false},
    {"cpi_inflation", "Consumer price inflation", "Consumer prices over twelve months, the year's average.",
     K_LEVEL, {"cpi_inflation"}, {"CPI inflation"}, "cpi_inflation", 0.01, true},
    {"price_levels", "Price levels", "Consumer prices and the GDP deflator, January 2000 = 1.",
     K_LEVEL, {"cpi", "gdp_deflator"}, {"consumer prices", "GDP deflator"}, NULL, 0, false},
    {"consumption_share", "Household consumption, share of GDP", "Household consumption over GDP, the year's average of monthly shares.",
     K_LEVEL, {"consumption_share"}, {"household consumption"}, "household_consumption_share_gdp", 0.01, true},
    {"demand_shares", "Investment, government and trade, shares of GDP", "The other demand components of GDP.",
     K_LEVEL, {"investment_share", "government_share", "exports_share", "imports_share"},
     {"business investment", "government", "exports", "imports"}, NULL, 0, false},
};

static const theme_chart labour_charts[] = {
    {"unemployment", "Unemployment", "Unemployed share of the labour force, the year's average.",
     K_LEVEL, {"unemployment"}, {"unemployment rate"}, "unemployment_rate_ilo", 0.01, true},
    {"labour_gap", "Labour-market slack", "Unemployment net of unfilled vacancies (below zero: a labour shortage).",
     K_LEVEL, {"labour_gap"}, {"labour gap"}, NULL, 0, false},
    {"wage", "Average wage", "A year's pay per worker, current yuan.",
     K_LEVEL, {"wage"}, {"average wage"}, NULL, 0, false},
    {"labour_share", "Labour share of GDP", "Private and public wages over GDP.",
     K_LEVEL, {"labour_share"}, {"labour share"}, NULL, 0, false},
    {"household_saving", "Household saving rate", "One minus consumption over disposable income (no comparable data in data/: the national saving rate is another concept).",
     K_LEVEL, {"household_saving_rate"}, {"household saving rate"}, NULL, 0, true},
    {"inequality", "Inequality", "Gini coefficients of household income and wealth.",
     K_LEVEL, {"income_gini", "wealth_gini"}, {"income Gini", "wealth Gini"}, NULL, 0, false},
};

static const theme_chart housing_charts[] = {
    {"house_prices", "House prices by city tier", "House price indices of the four city tiers.",
     K_LEVEL, {"house_price_tier1", "house_price_tier2", "house_price_tier3", "house_price_tier4"},
     {"tier 1", "tier 2", "tier 3", "tier 4"}, NULL, 0, true},
    {"home_sales", "Home sales", "New homes sold in the year.",
     K_LEVEL, {"home_sales"}, {"home sales"}, NULL, 0, true},
    {"construction", "Housing starts and completions", "Homes started and completed in the year.",
     K_LEVEL, {"housing_starts", "completions"}, {"starts", "completions"}, NULL, 0, false},
    {"unsold_stalled", "Unsold and stalled homes", "Finished homes unsold, and presold homes whose construction stopped, at the year's end.",
     K_LEVEL, {"unsold_homes", "stalled_homes"}, {"unsold", "stalled"}, NULL, 0, false},
    {"vacancy", "Vacancy rate", "Empty homes over the housing stock.",
     K_LEVEL, {"vacancy_rate"}, {"vacancy rate"}, NULL, 0, false},
    {"land_revenue", "Land-sale revenue", "Local governments' revenue from selling land-use rights.",
     K_LEVEL, {"land_revenue"}, {"land revenue"}, NULL, 0, true},
    {"developer_defaults", "Developer defaults", "Property developers in default.",
     K_LEVEL, {"developer_defaults"}, {"developer defaults"}, NULL, 0, false},
    {"presale_losses", "Presale losses", "Households' losses on homes paid for in advance and never delivered.",
     K_LEVEL, {"presale_losses"}, {"presale losses"}, NULL, 0, false},
    {"housing_wealth", "Housing in household wealth", "Housing's share of households' wealth.",
     K_LEVEL, {"housing_wealth_share"}, {"housing share of wealth"}, NULL, 0, false},
};

static const theme_chart debt_charts[] = {
    {"local_debt", "Local government debt: official and hidden", "Local governments' bonds (official) and the debt of their financing vehicles (hidden).",
     K_LEVEL, {"lg_official_debt", "lg_hidden_debt"}, {"official", "hidden (LGFV)"}, NULL, 0, true},
    {"central_debt", "Central government debt", "Central government bonds outstanding over a year's GDP, the year's average.",
     K_LEVEL, {"central_debt_share"}, {"central debt"}, NULL, 0, true},
    {"deficit", "Central government deficit", "Central bonds issued over GDP.",
     K_LEVEL, {"deficit_share"}, {"deficit"}, NULL, 0, false},
    {"bad_loans", "Bank bad loans", "Non-performing loans of the banks.",
     K_LEVEL, {"bad_loans"}, {"bad loans"}, NULL, 0, true},
    {"business_loans", "Business loans", "Bank loans to firms outstanding over a year's GDP.",
     K_LEVEL, {"business_loans_share"}, {"business loans"}, NULL, 0, false},
};

static const theme_chart money_charts[] = {
    {"policy_rate", "PBOC policy rate", "The one-year benchmark rate (the loan prime rate from 2019), the year's average.",
     K_LEVEL, {"policy_rate"}, {"policy rate"}, "policy_rate_cbrate", 0.01, true},
    {"usdcny", "Yuan per US dollar", "The managed exchange rate, the year's average (up: a weaker yuan).",
     K_LEVEL, {"usdcny"}, {"USD/CNY"}, "usdcny_official_avg", 1.0, true},
    {"m2", "Broad money (M2)", "Bank deposits of households, firms and local governments at the year's end.",
     K_LEVEL, {"m2"}, {"M2"}, NULL, 0, false},
};

static const theme_chart trade_charts[] = {
    {"exports", "Exports in dollars", "Exports of goods and services in the year, US dollars.",
     K_LEVEL, {"exports_usd"}, {"exports"}, "exports_gs_usd", 1.0, true},
    {"imports_ca", "Imports and the current account", "Imports, and exports less imports plus the reserves' interest, in the year.",
     K_LEVEL, {"imports_usd", "current_account_usd"}, {"imports", "current account"}, NULL, 0, false},
    {"fx_reserves", "Foreign exchange reserves", "The PBOC's reserves at the year's end, US dollars.",
     K_LEVEL, {"fx_reserves_usd"}, {"FX reserves"}, "fx_reserves_excl_gold_usd", 1.0, true},
};

static const theme_chart tech_charts[] = {
    {"tfp", "Total factor productivity", "Output per unit of capital and labour, an index.",
     K_LEVEL, {"tfp"}, {"TFP"}, NULL, 0, true},
    {"emerging", "Strategic emerging industries", "The emerging industries' share of output.",
     K_LEVEL, {"emerging_industry_share"}, {"emerging industries"}, NULL, 0, true},
    {"rd", "Research and development", "R&D spending over GDP.",
     K_LEVEL, {"rd_share"}, {"R&D"}, NULL, 0, false},
    {"firms", "Firms", "Firms in business.",
     K_LEVEL, {"firm_count"}, {"firms"}, NULL, 0, false},
    {"capacity", "Capacity use and demand pressure", "Sales over capacity, and demand over capacity before rationing (sales-weighted).",
     K_LEVEL, {"utilisation", "demand_pressure"}, {"utilisation", "demand pressure"}, NULL, 0, false},
};

static const theme themes[] = {
    {"growth", "Growth and prices", "How fast the economy grows and how prices move.", growth_charts, N_OF(growth_charts)},
    {"labour", "Labour and incomes", "Jobs, pay and how income is shared and saved.", labour_charts, N_OF(labour_charts)},
    {"housing", "Housing and land by tier", "The property market by city tier and the land sales that fund local governments.", housing_charts, N_OF(housing_charts)},
    {"debt", "Local and central debt", "What the governments and their financing vehicles owe, and the banks' bad loans.", debt_charts, N_OF(debt_charts)},
    {"money", "Money, rates and the yuan", "The PBOC's rate, the managed exchange rate and broad money.", money_charts, N_OF(money_charts)},
    {"trade", "Trade and reserves", "Exports, imports and the reserves the PBOC accumulates buying the export dollars.", trade_charts, N_OF(trade_charts)},
    {"technology", "Technology and industry", "Productivity, the new industries and how fully capacity is used.", tech_charts, N_OF(tech_charts)},
};

/* The sectoral balances: in the ledger they sum to zero every month. */
static const char *const net_lending_series[] = {
    "net_lending_households", "net_lending_firms", "net_lending_government",
    "net_lending_finance", "net_lending_row"};
static const char *const net_lending_labels[] = {
    "households", "firms", "government (central and local)", "banks and PBOC", "rest of the world"};

/* clang-format on */

const char *const *report_expected_series(void)
{
    enum { MAX_NAMES = 128 };

    static const char *names[MAX_NAMES];
    if (names[0])
        return names;
    int n = 0;
    for (int t = 0; t < N_OF(themes); t++)
        for (int c = 0; c < themes[t].n_charts; c++)
            for (int k = 0; k < MAX_CHART_SERIES && themes[t].charts[c].series[k]; k++)
                if (n < MAX_NAMES - 1)
                    names[n++] = themes[t].charts[c].series[k];
    for (int k = 0; k < N_OF(net_lending_series) && n < MAX_NAMES - 1; k++)
        names[n++] = net_lending_series[k];
    names[n] = NULL;
    return names;
}

/* ---- numbers -------------------------------------------------------------------- */

double report_percentile(const double *sorted, int n, double p)
{
    if (n <= 0)
        return NAN;
    if (n == 1)
        return sorted[0];
    double h = (n - 1) * p;
    int lo = (int)floor(h);
    if (lo >= n - 1)
        return sorted[n - 1];
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void report_annual_unit(const report_series *s, char *out, size_t size)
{
    const char *pm = strstr(s->unit, "per month");
    if (strcmp(s->aggregation, "sum") == 0 && pm)
        snprintf(out, size, "%.*sper year%s", (int)(pm - s->unit), s->unit,
                 pm + strlen("per month"));
    else
        snprintf(out, size, "%s", s->unit);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

void report_display_unit(const char *unit, double max_abs, report_display *out)
{
    out->scale = 1.0;
    out->percent = false;
    if (starts_with(unit, "fraction") || starts_with(unit, "share")) {
        const char *rest = strchr(unit, ' ');
        out->scale = 100.0;
        out->percent = true;
        snprintf(out->label, sizeof out->label, "%%%s", rest ? rest : "");
        return;
    }
    if (!strstr(unit, "yuan") && !strstr(unit, "dollar")) {
        snprintf(out->label, sizeof out->label, "%s", unit);
        return;
    }
    /* Money: "2000 yuan per year" reads "yuan at 2000 prices per year". */
    char money[96];
    int year = 0, used = 0;
    /* NOLINTNEXTLINE(cert-err34-c): at most four digits, which cannot overflow */
    if (sscanf(unit, "%4d yuan%n", &year, &used) == 1 && used > 0)
        snprintf(money, sizeof money, "yuan at %d prices%s", year, unit + used);
    else
        snprintf(money, sizeof money, "%s", unit);

    /* Thousands from 10,000 on: 9,500 reads better than 9.5 thousand. */
    static const struct {
        double at_least, unit;
        const char *word;
    } magnitudes[] = {{1e12, 1e12, "trillion"},
                      {1e9, 1e9, "billion"},
                      {1e6, 1e6, "million"},
                      {1e4, 1e3, "thousand"}};

    for (int k = 0; k < N_OF(magnitudes); k++)
        if (max_abs >= magnitudes[k].at_least) {
            out->scale = 1.0 / magnitudes[k].unit;
            snprintf(out->label, sizeof out->label, "%s %s", magnitudes[k].word, money);
            return;
        }
    snprintf(out->label, sizeof out->label, "%s", money);
}

/* ---- JSON helpers ------------------------------------------------------------------ */

/* A number, or null when it is not finite. Rounded to 6 significant digits:
 * enough for a chart, and a smaller page. */
static json_object *num(double x)
{
    if (!isfinite(x))
        return NULL;
    char text[32];
    snprintf(text, sizeof text, "%.6g", x);
    return json_object_new_double_s(strtod(text, NULL), text);
}

/* Attach `value` to `obj` under `key`; false (and value freed) on failure. */
static bool put(json_object *obj, const char *key, json_object *value)
{
    if (json_object_object_add(obj, key, value) != 0) {
        json_object_put(value);
        return false;
    }
    return true;
}

static bool put_str(json_object *obj, const char *key, const char *text)
{
    json_object *s = json_object_new_string(text ? text : "");
    return s && put(obj, key, s);
}

static bool append(json_object *arr, json_object *value)
{
    if (!value || json_object_array_add(arr, value) != 0) {
        json_object_put(value);
        return false;
    }
    return true;
}

/* An array of n values (times scale), null where not finite. */
static json_object *values_array(const double *v, int n, double scale)
{
    json_object *a = json_object_new_array_ext(n);
    for (int k = 0; a && k < n; k++)
        if (json_object_array_add(a, num(v[k] * scale)) != 0) {
            json_object_put(a);
            return NULL;
        }
    return a;
}

/* ---- one series over the report's years ----------------------------------------- */

/* A run's annual values of `name` over the report's years [first, first + n),
 * transformed by kind; NaN where the run has no value. */
static void
run_values(const report_run *r, const char *name, chart_kind kind, int first, int n, double *out)
{
    const report_series *s = report_run_series(r, name);
    for (int y = 0; y < n; y++) {
        out[y] = NAN;
        if (!s)
            continue;
        int k = first + y - r->first_year;
        if (k < 0 || k >= r->n_years)
            continue;
        if (kind == K_LEVEL)
            out[y] = s->values[k];
        else if (k >= 1 && s->values[k - 1] != 0.0)
            out[y] = s->values[k] / s->values[k - 1] - 1.0;
    }
}

/* A scenario's numbers for one series: its median (the value itself for one
 * run) and, for an ensemble, the 5, 25, 75 and 95th percentiles. */
typedef struct spread {
    double *p50, *p05, *p25, *p75, *p95;
    int n_runs; /* runs that have the series */
} spread;

static void spread_release(spread *s)
{
    yf_mem_free(s->p50);
    yf_mem_free(s->p05);
    yf_mem_free(s->p25);
    yf_mem_free(s->p75);
    yf_mem_free(s->p95);
    memset(s, 0, sizeof *s);
}

static bool spread_of(
    const report_scenario *sc, const char *name, chart_kind kind, int first, int n, spread *out)
{
    memset(out, 0, sizeof *out);
    size_t cells = (size_t)n + 1;
    out->p50 = yf_calloc(cells, sizeof(double));
    out->p05 = yf_calloc(cells, sizeof(double));
    out->p25 = yf_calloc(cells, sizeof(double));
    out->p75 = yf_calloc(cells, sizeof(double));
    out->p95 = yf_calloc(cells, sizeof(double));
    double *all = yf_calloc((size_t)sc->n_runs * cells, sizeof(double));
    double *column = yf_calloc((size_t)sc->n_runs + 1, sizeof(double));
    bool ok = out->p50 && out->p05 && out->p25 && out->p75 && out->p95 && all && column;
    for (int r = 0; ok && r < sc->n_runs; r++) {
        run_values(sc->runs[r], name, kind, first, n, all + (size_t)r * cells);
        out->n_runs += report_run_series(sc->runs[r], name) != NULL;
    }
    for (int y = 0; ok && y < n; y++) {
        int m = 0;
        for (int r = 0; r < sc->n_runs; r++) {
            double v = all[(size_t)r * cells + (size_t)y];
            if (isfinite(v))
                column[m++] = v;
        }
        qsort(column, (size_t)m, sizeof *column, compare_doubles);
        out->p50[y] = report_percentile(column, m, 0.50);
        bool band = m >= 2;
        out->p05[y] = band ? report_percentile(column, m, 0.05) : NAN;
        out->p25[y] = band ? report_percentile(column, m, 0.25) : NAN;
        out->p75[y] = band ? report_percentile(column, m, 0.75) : NAN;
        out->p95[y] = band ? report_percentile(column, m, 0.95) : NAN;
    }
    yf_mem_free(all);
    yf_mem_free(column);
    if (!ok)
        spread_release(out);
    return ok;
}

static double max_abs_of(const double *v, int n, double so_far)
{
    for (int k = 0; k < n; k++)
        if (isfinite(v[k]) && fabs(v[k]) > so_far)
            so_far = fabs(v[k]);
    return so_far;
}

/* The first series of the scenarios' runs named `name`, for its unit. */
static const report_series *find_any(const report_input *in, const char *name)
{
    for (int s = 0; s < in->n_scenarios; s++)
        for (int r = 0; r < in->scenarios[s].n_runs; r++) {
            const report_series *x = report_run_series(in->scenarios[s].runs[r], name);
            if (x)
                return x;
        }
    return NULL;
}

/* Short form of a data source for the chart itself: the text in parentheses
 * ("World Bank WDI, last updated 2022-09-16"), or for a bare repository
 * address "owner/repo, file". The page shows the full text under the chart. */
static void short_source(const char *full, char *out, size_t size)
{
    const char *open = strchr(full, '('), *close = strrchr(full, ')');
    if (open && close && close > open + 1) {
        snprintf(out, size, "%.*s", (int)(close - open - 1), open + 1);
        return;
    }
    const char *p = starts_with(full, "github:") ? full + strlen("github:") : full;
    const char *at = strchr(p, '@'), *slash = strrchr(p, '/');
    if (at && slash && slash > at)
        snprintf(out, size, "%.*s, %s", (int)(at - p), p, slash + 1);
    else
        snprintf(out, size, "%s", full);
}

/* ---- a theme chart ------------------------------------------------------------------ */

typedef struct chart_build {
    const report_input *in;
    const theme_chart *spec;
    const char *series[MAX_CHART_SERIES];
    const char *labels[MAX_CHART_SERIES];
    int n_series;
    char unit[128]; /* annual unit shared by the series */
} chart_build;

/* A new object appended to array `arr` (owned by it), or NULL. */
static json_object *new_in(json_object *arr)
{
    json_object *o = json_object_new_object();
    return append(arr, o) ? o : NULL;
}

/* A new array put into `obj` under `key` (owned by it), or NULL. */
static json_object *new_array_in(json_object *obj, const char *key)
{
    json_object *a = json_object_new_array();
    return a && put(obj, key, a) ? a : NULL;
}

/* The header every chart has. */
static bool chart_header(json_object *chart,
                         const char *id,
                         const char *title,
                         const char *note,
                         const char *unit,
                         const char *type)
{
    return put_str(chart, "id", id) && put_str(chart, "title", title) &&
           put_str(chart, "note", note) && put_str(chart, "unit", unit) &&
           put_str(chart, "type", type);
}

/* The lines, ensemble bands and data line of a theme chart, appended to `charts`:
 * {id, title, note, unit, type "line", lines [{name, scenario, dash, runs, values}],
 *  bands [{name, level, line, lo, hi}], data [{name, series, source, source_short, values}]}. */
static bool chart_json(const chart_build *b, const char *id, const char *title, json_object *charts)
{
    const report_input *in = b->in;
    int n = in->n_years, ns = b->n_series, nsc = in->n_scenarios;
    spread *sp = yf_calloc((size_t)(ns * nsc) + 1, sizeof *sp);
    double *data = yf_calloc((size_t)n + 1, sizeof *data);
    bool ok = sp && data;
    for (int k = 0; ok && k < ns; k++)
        for (int s = 0; ok && s < nsc; s++)
            ok = spread_of(&in->scenarios[s], b->series[k], b->spec->kind, in->first_year, n,
                           &sp[k * nsc + s]);
    /* The data line: only for the chart's first series. */
    bool have_data = false;
    const char *source = NULL;
    if (ok && b->spec->data && in->data && b->series[0] == b->spec->series[0]) {
        for (int y = 0; y < n; y++) {
            double v;
            data[y] = data_annual(in->data, b->spec->data, in->first_year + y, &v)
                          ? v * b->spec->data_factor
                          : NAN;
            have_data |= isfinite(data[y]);
        }
        source = data_source(in->data, b->spec->data);
    }
    double max_abs = 0.0;
    for (int k = 0; ok && k < ns * nsc; k++) {
        max_abs = max_abs_of(sp[k].p50, n, max_abs);
        max_abs = max_abs_of(sp[k].p05, n, max_abs);
        max_abs = max_abs_of(sp[k].p95, n, max_abs);
    }
    if (have_data)
        max_abs = max_abs_of(data, n, max_abs);
    report_display disp;
    report_display_unit(b->unit, max_abs, &disp);

    json_object *chart = ok ? new_in(charts) : NULL;
    json_object *lines = NULL, *bands = NULL, *datas = NULL;
    ok = chart && chart_header(chart, id, title, b->spec->note, disp.label, "line") &&
         (lines = new_array_in(chart, "lines")) && (bands = new_array_in(chart, "bands")) &&
         (datas = new_array_in(chart, "data"));
    for (int k = 0; ok && k < ns; k++)
        for (int s = 0; ok && s < nsc; s++) {
            const spread *x = &sp[k * nsc + s];
            if (x->n_runs == 0)
                continue;
            /* The title says what a lone series is: its lines are named by
             * scenario alone. */
            char name[256];
            if (nsc > 1 && ns > 1)
                snprintf(name, sizeof name, "%s — %s", b->labels[k], in->scenarios[s].name);
            else if (nsc > 1)
                snprintf(name, sizeof name, "%s", in->scenarios[s].name);
            else
                snprintf(name, sizeof name, "%s", b->labels[k]);
            int line_index = (int)json_object_array_length(lines);
            json_object *line = new_in(lines);
            ok = line && put_str(line, "name", name) &&
                 put_str(line, "scenario", in->scenarios[s].name) &&
                 put(line, "dash", json_object_new_int(s)) &&
                 put(line, "colour", json_object_new_int(ns > 1 ? k : s)) &&
                 put(line, "runs", json_object_new_int(x->n_runs)) &&
                 put(line, "values", values_array(x->p50, n, disp.scale));
            if (!ok || x->n_runs < 2)
                continue;
            /* Ensemble bands, drawn under the median line in its colour. */
            const char *level[2] = {"5–95%", "25–75%"};
            const double *lo[2] = {x->p05, x->p25}, *hi[2] = {x->p95, x->p75};
            for (int l = 0; ok && l < 2; l++) {
                char band_name[300];
                if (ns == 1 && nsc == 1)
                    snprintf(band_name, sizeof band_name, "%s of %d runs", level[l], x->n_runs);
                else
                    snprintf(band_name, sizeof band_name, "%s %s", name, level[l]);
                json_object *band = new_in(bands);
                ok = band && put_str(band, "name", band_name) && put_str(band, "level", level[l]) &&
                     put(band, "line", json_object_new_int(line_index)) &&
                     put(band, "lo", values_array(lo[l], n, disp.scale)) &&
                     put(band, "hi", values_array(hi[l], n, disp.scale));
            }
        }
    if (ok && have_data) {
        char short_text[256], name[256];
        short_source(source ? source : "", short_text, sizeof short_text);
        snprintf(name, sizeof name, "%s", ns > 1 ? b->labels[0] : "data");
        if (ns > 1)
            snprintf(name + strlen(name), sizeof name - strlen(name), " (data)");
        json_object *d = new_in(datas);
        ok = d && put_str(d, "name", name) && put_str(d, "series", b->spec->data) &&
             put_str(d, "source", source) && put_str(d, "source_short", short_text) &&
             put(d, "values", values_array(data, n, disp.scale));
    }
    for (int k = 0; sp && k < ns * nsc; k++)
        spread_release(&sp[k]);
    yf_mem_free(sp);
    yf_mem_free(data);
    return ok;
}

/*
 * The charts of one entry of the theme table: the series the runs have,
 * grouped by unit (a chart shows one unit; series of another unit get a chart
 * of their own). Appends to `charts`; the names not found go to `absent`.
 */
static bool theme_chart_json(const report_input *in,
                             const theme_chart *spec,
                             json_object *charts,
                             json_object *absent)
{
    const char *present[MAX_CHART_SERIES], *labels[MAX_CHART_SERIES];
    char units[MAX_CHART_SERIES][128];
    int n = 0;
    for (int k = 0; k < MAX_CHART_SERIES && spec->series[k]; k++) {
        const report_series *s = find_any(in, spec->series[k]);
        if (!s) {
            if (!append(absent, json_object_new_string(spec->series[k])))
                return false;
            continue;
        }
        present[n] = spec->series[k];
        labels[n] = spec->labels[k] ? spec->labels[k] : spec->series[k];
        if (spec->kind == K_GROWTH)
            snprintf(units[n], sizeof units[n], "fraction per year");
        else
            report_annual_unit(s, units[n], sizeof units[n]);
        n++;
    }
    bool done[MAX_CHART_SERIES] = {false};
    int group = 0;
    for (int k = 0; k < n; k++) {
        if (done[k])
            continue;
        chart_build b = {in, spec, {NULL}, {NULL}, 0, ""};
        snprintf(b.unit, sizeof b.unit, "%.127s", units[k]);
        for (int j = k; j < n; j++)
            if (!done[j] && strcmp(units[j], units[k]) == 0) {
                b.series[b.n_series] = present[j];
                b.labels[b.n_series++] = labels[j];
                done[j] = true;
            }
        char id[96], title[256];
        if (group == 0) {
            snprintf(id, sizeof id, "%s", spec->id);
            snprintf(title, sizeof title, "%s", spec->title);
        } else {
            snprintf(id, sizeof id, "%s_%d", spec->id, group + 1);
            snprintf(title, sizeof title, "%s (%s)", spec->title, b.labels[0]);
        }
        group++;
        if (!chart_json(&b, id, title, charts))
            return false;
    }
    return true;
}

static json_object *section(const char *id, const char *title, const char *intro)
{
    json_object *s = json_object_new_object();
    if (s && put_str(s, "id", id) && put_str(s, "title", title) && put_str(s, "intro", intro) &&
        put(s, "charts", json_object_new_array()) && put(s, "absent", json_object_new_array()))
        return s;
    json_object_put(s);
    return NULL;
}

static json_object *charts_of(json_object *sec)
{
    return json_object_object_get(sec, "charts");
}

/* ---- differences from the first scenario ------------------------------------------- */

static bool differences_json(const report_input *in, json_object *sec)
{
    const report_scenario *base = &in->scenarios[0];
    int n = in->n_years;
    for (int t = 0; t < N_OF(themes); t++)
        for (int c = 0; c < themes[t].n_charts; c++) {
            const theme_chart *spec = &themes[t].charts[c];
            const char *name = spec->series[0];
            const report_series *s = spec->key ? find_any(in, name) : NULL;
            if (!s || !report_run_series(base->runs[0], name))
                continue;
            char unit[128];
            if (spec->kind == K_GROWTH)
                snprintf(unit, sizeof unit, "fraction per year");
            else
                report_annual_unit(s, unit, sizeof unit);
            spread b, x;
            if (!spread_of(base, name, spec->kind, in->first_year, n, &b))
                return false;
            double *diff = yf_calloc((size_t)n * (size_t)in->n_scenarios + 1, sizeof *diff);
            bool ok = diff != NULL;
            double max_level = max_abs_of(b.p50, n, 0.0);
            int n_lines = 0;
            for (int k = 1; ok && k < in->n_scenarios; k++) {
                ok = spread_of(&in->scenarios[k], name, spec->kind, in->first_year, n, &x);
                if (!ok)
                    break;
                max_level = max_abs_of(x.p50, n, max_level);
                for (int y = 0; y < n; y++)
                    diff[(size_t)k * (size_t)n + (size_t)y] = x.p50[y] - b.p50[y];
                n_lines += x.n_runs > 0;
                spread_release(&x);
            }
            spread_release(&b);
            if (ok && n_lines > 0) {
                report_display disp;
                report_display_unit(unit, max_level, &disp);
                char id[96], title[256], note[512];
                snprintf(id, sizeof id, "diff_%s", spec->id);
                snprintf(title, sizeof title, "%s: difference from %s", spec->title, base->name);
                snprintf(note, sizeof note,
                         "Each scenario minus '%s'%s, year by year. Above zero: higher than in "
                         "'%s'.",
                         base->name, base->n_runs > 1 ? " (medians of the runs)" : "", base->name);
                json_object *chart = new_in(charts_of(sec)), *lines = NULL;
                ok = chart &&
                     chart_header(chart, id, title, note,
                                  disp.percent ? "percentage points" : disp.label, "line") &&
                     put(chart, "zero_line", json_object_new_boolean(1)) &&
                     (lines = new_array_in(chart, "lines")) && new_array_in(chart, "bands") &&
                     new_array_in(chart, "data");
                for (int k = 1; ok && k < in->n_scenarios; k++) {
                    char line_name[256];
                    snprintf(line_name, sizeof line_name, "%s − %s", in->scenarios[k].name,
                             base->name);
                    json_object *line = new_in(lines);
                    ok = line && put_str(line, "name", line_name) &&
                         put_str(line, "scenario", in->scenarios[k].name) &&
                         put(line, "dash", json_object_new_int(k)) &&
                         put(line, "colour", json_object_new_int(k)) &&
                         put(line, "values",
                             values_array(diff + (size_t)k * (size_t)n, n, disp.scale));
                }
            }
            yf_mem_free(diff);
            if (!ok)
                return false;
        }
    return true;
}

/* ---- sectoral net lending ------------------------------------------------------------- */

static bool net_lending_json(const report_input *in, json_object *sec)
{
    int n = in->n_years;
    for (int k = 0; k < N_OF(net_lending_series); k++) {
        if (find_any(in, net_lending_series[k]))
            continue;
        if (!append(json_object_object_get(sec, "absent"),
                    json_object_new_string(net_lending_series[k])))
            return false;
    }
    for (int s = 0; s < in->n_scenarios; s++) {
        const report_scenario *sc = &in->scenarios[s];
        char id[64], title[256], note[512];
        snprintf(id, sizeof id, "net_lending_%d", s + 1);
        snprintf(title, sizeof title, "Sectoral net lending — %s", sc->name);
        snprintf(note, sizeof note,
                 "Each sector's saving less its investment in houses, land and capital, as a "
                 "share of GDP%s. A sector above zero lends to the others; the bars of a year "
                 "sum to zero, because one sector's lending is another's borrowing.",
                 sc->n_runs > 1 ? " (median of the runs)" : "");
        json_object *chart = json_object_new_object(), *lines = NULL;
        bool ok = chart && chart_header(chart, id, title, note, "% of GDP", "stacked_bar") &&
                  put_str(chart, "scenario", sc->name) && (lines = new_array_in(chart, "lines"));
        for (int k = 0; ok && k < N_OF(net_lending_series); k++) {
            spread x;
            ok = spread_of(sc, net_lending_series[k], K_LEVEL, in->first_year, n, &x);
            if (ok && x.n_runs > 0) {
                report_display disp;
                report_display_unit(find_any(in, net_lending_series[k])->unit, 0.0, &disp);
                json_object *line = new_in(lines);
                ok = line && put_str(line, "name", net_lending_labels[k]) &&
                     put_str(line, "series", net_lending_series[k]) &&
                     put(line, "values", values_array(x.p50, n, disp.scale));
            }
            if (ok)
                spread_release(&x);
        }
        if (ok && json_object_array_length(lines) == 0) {
            json_object_put(chart); /* this scenario has none of the series */
            continue;
        }
        if (!ok || !append(charts_of(sec), chart)) {
            if (!ok)
                json_object_put(chart);
            return false;
        }
    }
    return true;
}

/* ---- all sections ------------------------------------------------------------------------ */

yf_status report_build_sections(const report_input *in, json_object **out, yf_diag *diag)
{
    *out = NULL;
    json_object *sections = json_object_new_array();
    bool ok = sections != NULL;
    for (int t = 0; ok && t < N_OF(themes); t++) {
        json_object *sec = section(themes[t].id, themes[t].title, themes[t].intro);
        ok = sec != NULL;
        for (int c = 0; ok && c < themes[t].n_charts; c++)
            ok = theme_chart_json(in, &themes[t].charts[c], charts_of(sec),
                                  json_object_object_get(sec, "absent"));
        /* a section not appended is freed here (found by tests/cli_oom.c) */
        ok = ok ? append(sections, sec) : (json_object_put(sec), false);
    }
    if (ok && in->n_scenarios > 1) {
        char intro[512];
        snprintf(intro, sizeof intro,
                 "The key series of each scenario minus those of '%s', the first scenario of "
                 "the report.",
                 in->scenarios[0].name);
        json_object *sec = section("differences", "Scenario differences", intro);
        ok = sec && differences_json(in, sec);
        ok = ok ? append(sections, sec) : (json_object_put(sec), false);
    }
    if (ok) {
        json_object *sec =
            section("net_lending", "Sectoral net lending",
                    "Who lends to whom, year by year: the financial balances of the sectors.");
        ok = sec && net_lending_json(in, sec);
        ok = ok ? append(sections, sec) : (json_object_put(sec), false);
    }
    if (!ok) {
        json_object_put(sections);
        snprintf(diag->message, sizeof diag->message, "out of memory building the charts");
        diag->path[0] = '\0';
        return YF_ERR_NOMEM;
    }
    *out = sections;
    return YF_OK;
}
