/*
 * json.c: a run as one JSON document (docs/outputs.md section 1.2), built and
 * written with json-c. Keys keep the order they are added in, so the same run
 * gives the same bytes:
 *
 *   { "format": "yuanflow-run", "format_version": 1,
 *     "version", "scenario", "scenario_hash", "run", "seed", "households",
 *     "firms", "start": "YYYY-MM", "months",
 *     "parameters": { NAME: {"value", "unit"}, ... },
 *     "dates": { "monthly": ["YYYY-MM", ...], "annual": ["YYYY", ...] },
 *     "series": { NAME: {"unit", "description", "aggregation",
 *                        "monthly": [...], "annual": [...]}, ... } }
 *
 * The value arrays line up with "dates". A number is written as the shortest
 * decimal that reads back as the same double (as in the CSV); a missing value
 * (NaN) is null.
 */
#include <json-c/json.h>
#include <math.h>
#include <string.h>

#include "output/output_int.h"

enum { JSON_FORMAT_VERSION = 1 };

/*
 * Building with json-c: a value belongs to its parent only once it is added,
 * and an add that fails leaves it with us. These helpers always take the
 * child (attach it, or release it), and after the first failure (*ok false)
 * they only release: so every child is built and filled before it is attached
 * to its parent, which is attached last, and nothing leaks on any path.
 */
static void attach(json_object *parent, const char *key, json_object *child, bool *ok)
{
    if (*ok && (!parent || !child || json_object_object_add(parent, key, child) != 0))
        *ok = false;
    else if (*ok)
        return;
    json_object_put(child);
}

static void push(json_object *arr, json_object *child, bool *ok)
{
    if (*ok && (!arr || !child || json_object_array_add(arr, child) != 0))
        *ok = false;
    else if (*ok)
        return;
    json_object_put(child);
}

/* A number as the shortest exact decimal (output_format_double); NaN: null.
 * Negative zero is "-0.0": JSON readers take "-0" for the integer 0. */
static json_object *number(double x)
{
    char text[32];
    output_format_double(x, text, sizeof text);
    if (strcmp(text, "-0") == 0)
        snprintf(text, sizeof text, "-0.0");
    return json_object_new_double_s(x, text);
}

static void attach_number(json_object *obj, const char *key, double x, bool *ok)
{
    if (isfinite(x))
        attach(obj, key, number(x), ok);
    else if (*ok && (!obj || json_object_object_add(obj, key, NULL) != 0))
        *ok = false;
}

static void push_number(json_object *arr, double x, bool *ok)
{
    if (isfinite(x))
        push(arr, number(x), ok);
    else if (*ok && (!arr || json_object_array_add(arr, NULL) != 0))
        *ok = false;
}

static json_object *text(const char *s)
{
    return json_object_new_string(s ? s : "");
}

/* The document of a run, or NULL when out of memory. */
static json_object *run_document(const output_run *run)
{
    bool ok = true;
    json_object *doc = json_object_new_object();
    char hex[17], date[16];
    output_hash_hex(run->scenario_hash, hex);
    output_month_label(run, 0, date, sizeof date);
    attach(doc, "format", text("yuanflow-run"), &ok);
    attach(doc, "format_version", json_object_new_int(JSON_FORMAT_VERSION), &ok);
    attach(doc, "version", text(run->version), &ok);
    attach(doc, "scenario", text(run->scenario), &ok);
    attach(doc, "scenario_hash", text(hex), &ok);
    attach(doc, "run", json_object_new_int(run->run), &ok);
    attach(doc, "seed", json_object_new_int64(run->seed), &ok);
    attach(doc, "households", json_object_new_int(run->households), &ok);
    attach(doc, "firms", json_object_new_int(run->firms), &ok);
    attach(doc, "start", text(date), &ok);
    attach(doc, "months", json_object_new_int(run->n_months), &ok);

    json_object *params = json_object_new_object();
    for (int k = 0; ok && k < run->n_params; k++) {
        const output_param *p = &run->params[k];
        json_object *o = json_object_new_object();
        attach_number(o, "value", p->value, &ok);
        attach(o, "unit", text(p->unit), &ok);
        attach(params, p->name, o, &ok);
    }
    attach(doc, "parameters", params, &ok);

    int first_year, n_years;
    output_annual_years(run, &first_year, &n_years);
    json_object *monthly = json_object_new_array(), *annual = json_object_new_array();
    for (int m = 0; ok && m < run->n_months; m++) {
        output_month_label(run, m, date, sizeof date);
        push(monthly, text(date), &ok);
    }
    for (int y = 0; ok && y < n_years; y++) {
        snprintf(date, sizeof date, "%04d", first_year + y);
        push(annual, text(date), &ok);
    }
    json_object *dates = json_object_new_object();
    attach(dates, "monthly", monthly, &ok);
    attach(dates, "annual", annual, &ok);
    attach(doc, "dates", dates, &ok);

    json_object *series = json_object_new_object();
    for (int k = 0; ok && k < run->n_series; k++) {
        const output_series *s = &run->series[k];
        json_object *mv = json_object_new_array(), *av = json_object_new_array();
        for (int m = 0; ok && m < run->n_months; m++)
            push_number(mv, s->values[m], &ok);
        for (int y = 0; ok && y < n_years; y++)
            push_number(av, output_annual_value(run, s, first_year + y), &ok);
        json_object *o = json_object_new_object();
        attach(o, "unit", text(s->unit), &ok);
        attach(o, "description", text(s->description), &ok);
        attach(o, "aggregation", text(output_aggregation_name(s->aggregation)), &ok);
        attach(o, "monthly", mv, &ok);
        attach(o, "annual", av, &ok);
        attach(series, s->name, o, &ok);
    }
    attach(doc, "series", series, &ok);
    if (!ok) {
        json_object_put(doc);
        return NULL;
    }
    return doc;
}

yf_status output_write_json(const output_run *run, const char *path, yf_diag *diag)
{
    yf_status st = output_check_run_for(run, path, diag);
    if (st != YF_OK)
        return st;
    json_object *doc = run_document(run);
    size_t len = 0;
    const char *body =
        doc ? json_object_to_json_string_length(doc,
                                                JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                    JSON_C_TO_STRING_NOSLASHESCAPE,
                                                &len)
            : NULL;
    if (!body) {
        json_object_put(doc);
        return output_fail(diag, YF_ERR_NOMEM, path, "cannot write '%s': out of memory", path);
    }
    atomic_file af;
    st = atomic_open(&af, path, diag);
    if (st == YF_OK) {
        atomic_write(&af, body, len);
        atomic_write(&af, "\n", 1);
        st = atomic_commit(&af, diag);
    }
    json_object_put(doc); /* frees body too */
    return st;
}
