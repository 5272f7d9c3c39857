/*
 * validate.c: a run of the China model held against the data
 * (docs/validation.md). For each row of the matching table (match.c): the
 * model's annual value A_t from its monthly series, the compared quantity
 * (growth, level or change, in percent), the same for the data, then the
 * statistics of stats.c over the window, in and out of sample, the simple
 * forecasts to beat, and the summary score.
 */
#include "validate/validate.h"

#include <json-c/json.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "output/output.h"
#include "scenario/scenario.h"

int validate_series_index(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return k;
    return -1;
}

/* ---- result lifecycle ------------------------------------------------------ */

yf_status validate_result_new(validate_result **out, const validate_options *o)
{
    *out = NULL;
    if (o->to < o->from || o->n_seeds < 1)
        return YF_ERR_ARGUMENT;
    validate_result *r = yf_calloc(1, sizeof *r);
    if (!r)
        return YF_ERR_NOMEM;
    r->first_year = o->from;
    r->n_years = o->to - o->from + 1;
    r->split = o->split;
    r->n_seeds = o->n_seeds;
    r->n_series = validate_n_matches;
    size_t ns = (size_t)o->n_seeds, ny = (size_t)r->n_years;
    r->seeds = yf_calloc(ns, sizeof *r->seeds);
    r->score = yf_calloc(ns, sizeof(double));
    r->score_in = yf_calloc(ns, sizeof(double));
    r->score_out = yf_calloc(ns, sizeof(double));
    r->series = yf_calloc((size_t)r->n_series, sizeof *r->series);
    bool ok = r->seeds && r->score && r->score_in && r->score_out && r->series;
    for (int i = 0; ok && i < r->n_series; i++) {
        validate_series *s = &r->series[i];
        s->match = &validate_matches[i];
        s->status = VS_NO_DATA;
        s->actual = yf_malloc(ny * sizeof(double));
        s->sim = yf_malloc(ns * ny * sizeof(double));
        s->fit = yf_calloc(ns, sizeof *s->fit);
        s->insample = yf_calloc(ns, sizeof *s->insample);
        s->outsample = yf_calloc(ns, sizeof *s->outsample);
        s->rmse_oos_rw = yf_malloc(sizeof(double));
        s->rmse_oos_ar1 = yf_malloc(sizeof(double));
        ok = s->actual && s->sim && s->fit && s->insample && s->outsample && s->rmse_oos_rw &&
             s->rmse_oos_ar1;
        if (ok) {
            for (size_t t = 0; t < ny; t++)
                s->actual[t] = NAN;
            for (size_t t = 0; t < ns * ny; t++)
                s->sim[t] = NAN;
            *s->rmse_oos_rw = *s->rmse_oos_ar1 = NAN;
        }
    }
    if (!ok) {
        validate_result_free(r);
        return YF_ERR_NOMEM;
    }
    for (int k = 0; k < o->n_seeds; k++)
        r->seeds[k] = o->seeds ? o->seeds[k] : k + 1;
    *out = r;
    return YF_OK;
}

void validate_result_free(validate_result *r)
{
    if (!r)
        return;
    for (int i = 0; r->series && i < r->n_series; i++) {
        validate_series *s = &r->series[i];
        yf_mem_free(s->actual);
        yf_mem_free(s->sim);
        yf_mem_free(s->fit);
        yf_mem_free(s->insample);
        yf_mem_free(s->outsample);
        yf_mem_free(s->rmse_oos_rw);
        yf_mem_free(s->rmse_oos_ar1);
    }
    yf_mem_free(r->series);
    yf_mem_free(r->seeds);
    yf_mem_free(r->score);
    yf_mem_free(r->score_in);
    yf_mem_free(r->score_out);
    yf_mem_free(r);
}

/* ---- the model's and the data's annual values ------------------------------ */

/* A_t of series k of e in `year` by `rule`; NaN if the run has not closed the
 * whole year. */
static double model_annual(const economy *e, int k, validate_model_rule rule, int year)
{
    int m0 = (year - e->size.start_year) * 12;
    if (m0 < 0 || m0 + 12 > e->month)
        return NAN;
    const double *v = e->out[k].values + m0;
    const char *unit = e->out[k].unit;
    output_aggregation agg = output_aggregation_from_unit(unit);
    if (rule == MODEL_DECEMBER)
        return v[11];
    double own = 0.0;
    if (agg == OUTPUT_LAST)
        own = v[11];
    else {
        for (int j = 0; j < 12; j++)
            own += v[j];
        if (agg == OUTPUT_MEAN)
            own /= 12.0;
    }
    if (rule == MODEL_ANNUAL)
        return own;
    int g = validate_series_index(e, "gdp_nominal");
    int fx = validate_series_index(e, "usdcny");
    if (g < 0 || (rule == MODEL_SHARE_GDP_USD && fx < 0))
        return NAN;
    const double *gdp = e->out[g].values + m0;
    double gdp_year = 0.0;
    if (rule == MODEL_SHARE_GDP_USD) {
        /* GDP in dollars: each month's yuan at that month's rate */
        const double *rate = e->out[fx].values + m0;
        for (int j = 0; j < 12; j++)
            gdp_year += gdp[j] / rate[j];
        return own / gdp_year;
    }
    for (int j = 0; j < 12; j++)
        gdp_year += gdp[j];
    if (strstr(unit, "share")) {
        /* a monthly share of GDP: sum_m x_m g_m / sum_m g_m, the year's flow
         * over the year's GDP */
        double w = 0.0;
        for (int j = 0; j < 12; j++)
            w += v[j] * gdp[j];
        return w / gdp_year;
    }
    return own / gdp_year;
}

/* The compared quantity (percent) from this year's and last year's values. */
static double compared(validate_form form, double now, double before)
{
    switch (form) {
    case FORM_GROWTH:
        return 100.0 * (now / before - 1.0);
    case FORM_LEVEL:
        return 100.0 * now;
    default:
        return 100.0 * (now - before);
    }
}

static double data_value(const data_set *d, const validate_match *m, int year)
{
    double v;
    if (!m->data || !data_annual(d, m->data, year, &v))
        return NAN;
    return v;
}

/* The data's compared quantity in `year` (percent), NaN if missing. */
static double data_compared(const data_set *d, const validate_match *m, int year)
{
    double now = data_value(d, m, year);
    if (m->data_rule == DATA_GROWTH_PCT)
        return now;
    double scale = m->data_rule == DATA_FRACTION ? 100.0 : 1.0;
    if (m->data_rule == DATA_LEVEL)
        return m->form == FORM_GROWTH ? 100.0 * (now / data_value(d, m, year - 1) - 1.0) : now;
    if (m->form == FORM_CHANGE)
        return scale * (now - data_value(d, m, year - 1));
    return scale * now;
}

void validate_fill(validate_result *r, int k, const economy *e, const data_set *annual)
{
    for (int i = 0; i < r->n_series; i++) {
        validate_series *s = &r->series[i];
        const validate_match *m = s->match;
        int idx = validate_series_index(e, m->model);
        bool has_data = false;
        for (int t = 0; t < r->n_years; t++) {
            s->actual[t] = data_compared(annual, m, r->first_year + t);
            has_data = has_data || !isnan(s->actual[t]);
        }
        s->status = idx < 0 ? VS_NOT_SIMULATED : has_data ? VS_COMPARED : VS_NO_DATA;
        double *row = s->sim + (size_t)k * (size_t)r->n_years;
        for (int t = 0; t < r->n_years; t++) {
            int year = r->first_year + t;
            if (idx < 0) {
                row[t] = NAN;
                continue;
            }
            double now = model_annual(e, idx, m->model_rule, year);
            double before =
                m->form == FORM_LEVEL ? 0.0 : model_annual(e, idx, m->model_rule, year - 1);
            row[t] = compared(m->form, now, before);
        }
    }
}

/* ---- statistics and scores -------------------------------------------------- */

/* Statistics of series s, seed k, over years [y0, y1] of the window. */
static validate_stats
stats_window(const validate_result *r, const validate_series *s, int k, int y0, int y1)
{
    int t0 = y0 - r->first_year, t1 = y1 - r->first_year;
    if (t0 < 0)
        t0 = 0;
    if (t1 > r->n_years - 1)
        t1 = r->n_years - 1;
    if (t1 < t0) {
        validate_stats none = {0, NAN, NAN, NAN, NAN, 0, 0};
        return none;
    }
    const double *row = s->sim + (size_t)k * (size_t)r->n_years;
    return validate_compare(row + t0, s->actual + t0, t1 - t0 + 1);
}

double validate_score_window(const validate_result *r, int k, int y0, int y1)
{
    double sum = 0.0, weights = 0.0;
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        if (s->status != VS_COMPARED || s->match->weight <= 0.0)
            continue;
        validate_stats st = stats_window(r, s, k, y0, y1);
        if (st.n == 0)
            continue;
        double z = st.rmse / s->match->tolerance;
        sum += s->match->weight * z * z;
        weights += s->match->weight;
    }
    return weights > 0.0 ? sum / weights : NAN;
}

void validate_finish(validate_result *r)
{
    int last = r->first_year + r->n_years - 1;
    for (int i = 0; i < r->n_series; i++) {
        validate_series *s = &r->series[i];
        for (int k = 0; k < r->n_seeds; k++) {
            s->fit[k] = stats_window(r, s, k, r->first_year, last);
            s->insample[k] = stats_window(r, s, k, r->first_year, r->split);
            s->outsample[k] = stats_window(r, s, k, r->split + 1, last);
        }
        /* The simple forecasts: fitted on the data of the window up to the
         * split, forecast for every later year of the window. */
        int n_fit = r->split - r->first_year + 1, h = last - r->split;
        *s->rmse_oos_rw = *s->rmse_oos_ar1 = NAN;
        s->n_oos = 0;
        if (s->status != VS_COMPARED || n_fit < 1 || h < 1)
            continue;
        double rw[256], ar[256];
        if (h > 256)
            h = 256;
        bool have_rw = validate_forecast_rw(s->actual, n_fit, h, rw);
        bool have_ar = validate_forecast_ar1(s->actual, n_fit, h, ar);
        validate_stats a = validate_compare(rw, s->actual + n_fit, h);
        validate_stats b = validate_compare(ar, s->actual + n_fit, h);
        s->n_oos = a.n;
        *s->rmse_oos_rw = have_rw ? a.rmse : NAN;
        *s->rmse_oos_ar1 = have_ar ? b.rmse : NAN;
    }
    for (int k = 0; k < r->n_seeds; k++) {
        r->score[k] = validate_score_window(r, k, r->first_year, last);
        r->score_in[k] = validate_score_window(r, k, r->first_year, r->split);
        r->score_out[k] = validate_score_window(r, k, r->split + 1, last);
    }
}

/* ---- CSV -------------------------------------------------------------------- */

static void csv_num(strbuf *b, double v)
{
    if (isnan(v) || isinf(v))
        strbuf_printf(b, "\n");
    else
        strbuf_printf(b, "%.10g\n", v);
}

static const char *status_name(validate_status s)
{
    return s == VS_COMPARED ? "compared" : s == VS_NOT_SIMULATED ? "not simulated" : "no data";
}

static void csv_row(strbuf *b,
                    const char *section,
                    const validate_series *s,
                    const char *seed,
                    int year,
                    const char *statistic,
                    double v)
{
    strbuf_printf(b, "%s,%s,%s,%s,%s,", section, s ? s->match->model : "",
                  s && s->match->data ? s->match->data : "",
                  s ? validate_form_name(s->match->form) : "", seed);
    if (year)
        strbuf_printf(b, "%d", year);
    strbuf_printf(b, ",%s,", statistic);
    csv_num(b, v);
}

static void csv_stats(strbuf *b,
                      const char *section,
                      const validate_series *s,
                      const char *seed,
                      const validate_stats *st)
{
    csv_row(b, section, s, seed, 0, "n", st->n);
    csv_row(b, section, s, seed, 0, "rmse", st->rmse);
    csv_row(b, section, s, seed, 0, "bias", st->bias);
    csv_row(b, section, s, seed, 0, "corr", st->corr);
    csv_row(b, section, s, seed, 0, "direction", st->direction);
    csv_row(b, section, s, seed, 0, "turns", st->turns);
    csv_row(b, section, s, seed, 0, "turns_hit", st->turns_hit);
}

yf_status validate_write_csv(const validate_result *r, const char *path, yf_diag *diag)
{
    strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "section,series,data_series,compared,seed,year,statistic,value\n");
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        if (s->status != VS_COMPARED) {
            csv_row(&b, "status", s, "", 0, status_name(s->status), NAN);
            continue;
        }
        for (int k = 0; k < r->n_seeds; k++) {
            char seed[32];
            snprintf(seed, sizeof seed, "%lld", (long long)r->seeds[k]);
            const double *row = s->sim + (size_t)k * (size_t)r->n_years;
            for (int t = 0; t < r->n_years; t++) {
                csv_row(&b, "year", s, seed, r->first_year + t, "simulated", row[t]);
                if (k == 0)
                    csv_row(&b, "year", s, "", r->first_year + t, "actual", s->actual[t]);
            }
            csv_stats(&b, "fit", s, seed, &s->fit[k]);
            csv_stats(&b, "in_sample", s, seed, &s->insample[k]);
            csv_stats(&b, "out_of_sample", s, seed, &s->outsample[k]);
        }
        csv_row(&b, "benchmark", s, "", 0, "random_walk_rmse", *s->rmse_oos_rw);
        csv_row(&b, "benchmark", s, "", 0, "ar1_rmse", *s->rmse_oos_ar1);
        csv_row(&b, "benchmark", s, "", 0, "n", s->n_oos);
    }
    for (int k = 0; k < r->n_seeds; k++) {
        char seed[32];
        snprintf(seed, sizeof seed, "%lld", (long long)r->seeds[k]);
        csv_row(&b, "score", NULL, seed, 0, "window", r->score[k]);
        csv_row(&b, "score", NULL, seed, 0, "in_sample", r->score_in[k]);
        csv_row(&b, "score", NULL, seed, 0, "out_of_sample", r->score_out[k]);
    }
    char *text = strbuf_take(&b);
    if (!text)
        return YF_ERR_NOMEM;
    yf_status st = output_write_file(path, text, strlen(text), diag);
    yf_mem_free(text);
    return st;
}

/* ---- JSON ------------------------------------------------------------------- */

static json_object *jnum(double v)
{
    return isnan(v) || isinf(v) ? NULL : json_object_new_double(v);
}

static json_object *jstats(const validate_stats *st)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "n", json_object_new_int(st->n));
    json_object_object_add(o, "rmse", jnum(st->rmse));
    json_object_object_add(o, "bias", jnum(st->bias));
    json_object_object_add(o, "corr", jnum(st->corr));
    json_object_object_add(o, "direction", jnum(st->direction));
    json_object_object_add(o, "turns", json_object_new_int(st->turns));
    json_object_object_add(o, "turns_hit", json_object_new_int(st->turns_hit));
    return o;
}

static json_object *jarray(const double *x, int n)
{
    json_object *a = json_object_new_array();
    for (int t = 0; t < n; t++)
        json_object_array_add(a, jnum(x[t]));
    return a;
}

/* min, median and max over the seeds of one statistic */
static json_object *jspread(const validate_series *s, int n_seeds, size_t offset)
{
    double v[256];
    int n = n_seeds < 256 ? n_seeds : 256;
    for (int k = 0; k < n; k++)
        v[k] = *(const double *)((const char *)&s->fit[k] + offset);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "min", jnum(validate_min(v, n)));
    json_object_object_add(o, "median", jnum(validate_median(v, n)));
    json_object_object_add(o, "max", jnum(validate_max(v, n)));
    return o;
}

yf_status validate_write_json(const validate_result *r, const char *path, yf_diag *diag)
{
    json_object *root = json_object_new_object();
    if (!root)
        return YF_ERR_NOMEM;
    json_object_object_add(root, "scenario", json_object_new_string(r->scenario));
    json_object_object_add(root, "households", json_object_new_int(r->households));
    json_object_object_add(root, "firms", json_object_new_int(r->firms));
    json_object_object_add(root, "from", json_object_new_int(r->first_year));
    json_object_object_add(root, "to", json_object_new_int(r->first_year + r->n_years - 1));
    json_object_object_add(root, "split", json_object_new_int(r->split));
    json_object *seeds = json_object_new_array();
    for (int k = 0; k < r->n_seeds; k++)
        json_object_array_add(seeds, json_object_new_int64(r->seeds[k]));
    json_object_object_add(root, "seeds", seeds);
    json_object *score = json_object_new_object();
    json_object_object_add(score, "window", jarray(r->score, r->n_seeds));
    json_object_object_add(score, "in_sample", jarray(r->score_in, r->n_seeds));
    json_object_object_add(score, "out_of_sample", jarray(r->score_out, r->n_seeds));
    json_object_object_add(root, "score", score);
    json_object *list = json_object_new_array();
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "series", json_object_new_string(s->match->model));
        json_object_object_add(o, "data_series",
                               s->match->data ? json_object_new_string(s->match->data) : NULL);
        json_object_object_add(o, "compared",
                               json_object_new_string(validate_form_name(s->match->form)));
        json_object_object_add(o, "unit",
                               json_object_new_string(validate_form_unit(s->match->form)));
        json_object_object_add(o, "tolerance", json_object_new_double(s->match->tolerance));
        json_object_object_add(o, "weight", json_object_new_double(s->match->weight));
        json_object_object_add(o, "status", json_object_new_string(status_name(s->status)));
        json_object_object_add(o, "note", json_object_new_string(s->match->note));
        if (s->status == VS_COMPARED) {
            json_object_object_add(o, "actual", jarray(s->actual, r->n_years));
            json_object *sims = json_object_new_array(), *fits = json_object_new_array(),
                        *ins = json_object_new_array(), *outs = json_object_new_array();
            for (int k = 0; k < r->n_seeds; k++) {
                json_object_array_add(sims,
                                      jarray(s->sim + (size_t)k * (size_t)r->n_years, r->n_years));
                json_object_array_add(fits, jstats(&s->fit[k]));
                json_object_array_add(ins, jstats(&s->insample[k]));
                json_object_array_add(outs, jstats(&s->outsample[k]));
            }
            json_object_object_add(o, "simulated", sims);
            json_object_object_add(o, "fit", fits);
            json_object_object_add(o, "in_sample", ins);
            json_object_object_add(o, "out_of_sample", outs);
            json_object *spread = json_object_new_object();
            json_object_object_add(spread, "rmse",
                                   jspread(s, r->n_seeds, offsetof(validate_stats, rmse)));
            json_object_object_add(spread, "bias",
                                   jspread(s, r->n_seeds, offsetof(validate_stats, bias)));
            json_object_object_add(spread, "corr",
                                   jspread(s, r->n_seeds, offsetof(validate_stats, corr)));
            json_object_object_add(spread, "direction",
                                   jspread(s, r->n_seeds, offsetof(validate_stats, direction)));
            json_object_object_add(o, "spread", spread);
            json_object *bench = json_object_new_object();
            json_object_object_add(bench, "n", json_object_new_int(s->n_oos));
            json_object_object_add(bench, "random_walk_rmse", jnum(*s->rmse_oos_rw));
            json_object_object_add(bench, "ar1_rmse", jnum(*s->rmse_oos_ar1));
            json_object_object_add(o, "benchmark", bench);
        }
        json_object_array_add(list, o);
    }
    json_object_object_add(root, "series", list);
    const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
                                                                JSON_C_TO_STRING_NOSLASHESCAPE);
    yf_status st = text ? output_write_file(path, text, strlen(text), diag) : YF_ERR_NOMEM;
    json_object_put(root);
    return st;
}

/* ---- running a scenario ------------------------------------------------------ */

yf_status validate_run(const scenario *s,
                       const double *param,
                       const validate_run_size *size,
                       economy **out,
                       yf_diag *diag)
{
    *out = NULL;
    economy_size es = scenario_economy_size(s);
    if (size->households)
        es.households = size->households;
    if (size->firms)
        es.firms = size->firms;
    if (size->last_month >= 0)
        es.n_months = size->last_month - s->from + 1;
    /* size->seed: the model draws no random numbers yet (the scenario's seed
     * is only recorded); when it does, the seed goes into the economy here. */
    economy *e = NULL;
    yf_status st = economy_new(&e, &es, size->data_dir, param, diag);
    if (st != YF_OK)
        return st;
    scenario_driver *drv = NULL;
    if ((st = scenario_driver_new(&drv, s, e, diag)) != YF_OK) {
        economy_free(e);
        return st;
    }
    st = scenario_driver_run(drv, es.n_months);
    if (st != YF_OK)
        snprintf(diag->message, sizeof diag->message, "%s", e->msg);
    scenario_driver_free(drv);
    *out = e;
    return st;
}
