/*
 * model.c: the public model handle of include/yuanflow.h, for the textbook
 * models of src/textbook (SIM and PC of Godley & Lavoie).
 *
 * A yf_model owns one ledger, the current parameter values, and what every
 * completed period left behind: the ledger's snapshot of its matrices and one
 * value per named series. These live in arrays grown by doubling; a growth is
 * all-or-nothing, so an allocation failure leaves the completed periods
 * intact. All memory goes through core.h's allocation hook.
 *
 * A period is posted by the model's step function and then closed by the
 * ledger, which checks every accounting identity exactly. A failure before
 * anything is posted (a NaN, an amount outside int64) leaves the model usable:
 * change the parameter and run again. A failure after postings began (a
 * posting refused, an identity or a sign violated at the close) leaves the
 * period half-posted, so the model refuses to run further.
 */
#include "api/model.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "ledger/ledger.h"
#include "textbook/textbook.h"

static const textbook_model *const known_models[] = {&textbook_sim, &textbook_pc};
#define N_KNOWN_MODELS ((int)(sizeof known_models / sizeof known_models[0]))

/* Periods the arrays hold after their first growth. */
#define INITIAL_CAPACITY 32

struct yf_model {
    const textbook_model *def;
    ledger *ledger;
    double param[TEXTBOOK_MAX_PARAMS];   /* current values, in def->params order */
    double lag[TEXTBOOK_MAX_SERIES];     /* series of the last completed period (0 before 1) */
    int n_steps;                         /* completed periods */
    int capacity;                        /* periods the arrays below can hold */
    ledger_snapshot *snapshots;          /* [capacity]; period p at index p - 1 */
    double *series[TEXTBOOK_MAX_SERIES]; /* [capacity] each, model units */
    yf_status fault;                     /* YF_OK, or why the model cannot go on */
    char fault_message[sizeof(((yf_diag *)0)->message)];
};

/* ---- diagnostics ---------------------------------------------------------- */

static void diag_clear(yf_diag *d)
{
    if (!d)
        return;
    d->path[0] = '\0';
    d->line = 0;
    d->column = 0;
    d->message[0] = '\0';
}

/* Fill the diagnostic (if any) and return `status`. */
__attribute__((format(printf, 3, 4))) static yf_status
diag_fail(yf_diag *d, yf_status status, const char *fmt, ...)
{
    if (d) {
        diag_clear(d);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->message, sizeof d->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

/* ---- lifecycle ------------------------------------------------------------ */

static const textbook_model *find_model(const char *name)
{
    for (int k = 0; k < N_KNOWN_MODELS; k++)
        if (strcmp(known_models[k]->name, name) == 0)
            return known_models[k];
    return NULL;
}

YF_API yf_status yf_model_new(yf_model **out_model, const char *name, yf_diag *diag)
{
    diag_clear(diag);
    if (!out_model)
        return diag_fail(diag, YF_ERR_ARGUMENT, "no place to return the model");
    *out_model = NULL;
    if (!name)
        return diag_fail(diag, YF_ERR_ARGUMENT, "no model name");

    const textbook_model *def = find_model(name);
    if (!def) {
        const char *names[N_KNOWN_MODELS];
        for (int k = 0; k < N_KNOWN_MODELS; k++)
            names[k] = known_models[k]->name;
        int near = names_nearest(name, names, N_KNOWN_MODELS);
        if (near >= 0)
            return diag_fail(diag, YF_ERR_UNKNOWN_NAME, "unknown model '%s' (did you mean '%s'?)",
                             name, names[near]);
        return diag_fail(diag, YF_ERR_UNKNOWN_NAME, "unknown model '%s' (known models: sim, pc)",
                         name);
    }

    yf_model *m = yf_calloc(1, sizeof *m);
    if (!m)
        return diag_fail(diag, YF_ERR_NOMEM, "out of memory creating model '%s'", name);
    m->def = def;
    for (int k = 0; k < def->n_params; k++)
        m->param[k] = def->params[k].value_default;

    /* One agent per sector: the textbook models are aggregate. */
    int32_t n_agents[LEDGER_MAX_SECTORS];
    for (int s = 0; s < LEDGER_MAX_SECTORS; s++)
        n_agents[s] = 1;
    yf_status st = ledger_new(&m->ledger, def->chart, n_agents);
    if (st != YF_OK) {
        yf_mem_free(m);
        return diag_fail(diag, st, "cannot create the ledger of model '%s': %s", name,
                         yf_status_string(st));
    }
    *out_model = m;
    return YF_OK;
}

YF_API void yf_model_free(yf_model *model)
{
    if (!model)
        return;
    ledger_free(model->ledger);
    yf_mem_free(model->snapshots);
    for (int k = 0; k < TEXTBOOK_MAX_SERIES; k++)
        yf_mem_free(model->series[k]);
    yf_mem_free(model);
}

/* ---- parameters ----------------------------------------------------------- */

YF_API yf_status yf_model_set_param(yf_model *model, const char *name, double value, yf_diag *diag)
{
    diag_clear(diag);
    if (!model || !name)
        return diag_fail(diag, YF_ERR_ARGUMENT, "no model or no parameter name");
    const textbook_model *def = model->def;
    const char *names[TEXTBOOK_MAX_PARAMS];
    for (int k = 0; k < def->n_params; k++) {
        const textbook_param *p = &def->params[k];
        names[k] = p->name;
        if (strcmp(p->name, name) != 0)
            continue;
        /* Written so that NaN fails too. */
        if (!(value >= p->min && value <= p->max))
            return diag_fail(diag, YF_ERR_ARGUMENT,
                             "parameter '%s' of model '%s' must be in [%g, %g], got %g", name,
                             def->name, p->min, p->max, value);
        model->param[k] = value;
        return YF_OK;
    }
    int near = names_nearest(name, names, def->n_params);
    if (near >= 0)
        return diag_fail(diag, YF_ERR_UNKNOWN_NAME,
                         "unknown parameter '%s' of model '%s' (did you mean '%s'?)", name,
                         def->name, names[near]);
    return diag_fail(diag, YF_ERR_UNKNOWN_NAME, "unknown parameter '%s' of model '%s'", name,
                     def->name);
}

/* ---- running -------------------------------------------------------------- */

/*
 * Make room for `need` periods. All new arrays are allocated before any old
 * one is released, so on failure the model is exactly as it was.
 */
static yf_status reserve(yf_model *m, int need)
{
    if (need <= m->capacity)
        return YF_OK;
    int cap = m->capacity > 0 ? m->capacity : INITIAL_CAPACITY;
    while (cap < need)
        cap = cap > INT_MAX / 2 ? need : cap * 2;

    const int n_series = m->def->n_series;
    ledger_snapshot *snapshots = yf_calloc((size_t)cap, sizeof *snapshots);
    double *series[TEXTBOOK_MAX_SERIES] = {0};
    bool ok = snapshots != NULL;
    for (int k = 0; ok && k < n_series; k++)
        ok = (series[k] = yf_calloc((size_t)cap, sizeof(double))) != NULL;
    if (!ok) {
        yf_mem_free(snapshots);
        for (int k = 0; k < n_series; k++)
            yf_mem_free(series[k]);
        return YF_ERR_NOMEM;
    }

    const size_t n = (size_t)m->n_steps;
    if (n > 0)
        memcpy(snapshots, m->snapshots, n * sizeof *snapshots);
    yf_mem_free(m->snapshots);
    m->snapshots = snapshots;
    for (int k = 0; k < n_series; k++) {
        if (n > 0)
            memcpy(series[k], m->series[k], n * sizeof(double));
        yf_mem_free(m->series[k]);
        m->series[k] = series[k];
    }
    m->capacity = cap;
    return YF_OK;
}

/* Record that the ledger holds a half-posted period: the model cannot go on. */
static yf_status stop(yf_model *m, yf_status status, yf_diag *diag, const char *what)
{
    m->fault = status;
    snprintf(m->fault_message, sizeof m->fault_message, "model '%s' stopped at period %d: %s",
             m->def->name, ledger_step(m->ledger), what);
    return diag_fail(diag, status, "%s", m->fault_message);
}

/* One period: post it, close it, keep its matrices and its series values. */
static yf_status run_one(yf_model *m, yf_diag *diag)
{
    const textbook_model *def = m->def;
    const int period = ledger_step(m->ledger);
    if (reserve(m, m->n_steps + 1) != YF_OK)
        return diag_fail(diag, YF_ERR_NOMEM, "out of memory storing period %d of model '%s'",
                         period, def->name);

    double out[TEXTBOOK_MAX_SERIES] = {0};
    char msg[768] = "";
    bool posted = false;
    yf_status st = def->step(m->ledger, m->param, m->lag, out, &posted, msg, sizeof msg);
    if (st != YF_OK) {
        if (posted)
            return stop(m, st, diag, msg);
        return diag_fail(diag, st, "model '%s': %s", def->name, msg);
    }

    ledger_snapshot *snap = &m->snapshots[m->n_steps];
    st = ledger_close_step(m->ledger, snap);
    if (st != YF_OK)
        return stop(m, st, diag, ledger_message(m->ledger));

    for (int k = 0; k < def->n_series; k++) {
        m->series[k][m->n_steps] = out[k];
        m->lag[k] = out[k];
    }
    m->n_steps++;
    return YF_OK;
}

YF_API yf_status yf_model_run(yf_model *model, int n_steps, yf_diag *diag)
{
    diag_clear(diag);
    if (!model)
        return diag_fail(diag, YF_ERR_ARGUMENT, "no model");
    if (n_steps < 0 || n_steps > INT_MAX - model->n_steps)
        return diag_fail(diag, YF_ERR_ARGUMENT, "cannot run model '%s' for %d periods",
                         model->def->name, n_steps);
    if (model->fault != YF_OK)
        return diag_fail(diag, model->fault, "%s; create a new model", model->fault_message);
    for (int k = 0; k < n_steps; k++) {
        yf_status st = run_one(model, diag);
        if (st != YF_OK)
            return st;
    }
    return YF_OK;
}

/* ---- reading -------------------------------------------------------------- */

YF_API int yf_model_steps(const yf_model *model)
{
    return model ? model->n_steps : 0;
}

YF_API yf_status yf_model_series(const yf_model *model,
                                 const char *name,
                                 const double **out_values,
                                 int *out_n)
{
    if (out_values)
        *out_values = NULL;
    if (out_n)
        *out_n = 0;
    if (!model || !name || !out_values || !out_n)
        return YF_ERR_ARGUMENT;
    for (int k = 0; k < model->def->n_series; k++) {
        if (strcmp(model->def->series[k], name) == 0) {
            *out_values = model->series[k];
            *out_n = model->n_steps;
            return YF_OK;
        }
    }
    return YF_ERR_UNKNOWN_NAME;
}

YF_API int yf_model_n_series(const yf_model *model)
{
    return model ? model->def->n_series : 0;
}

YF_API const char *yf_model_series_name(const yf_model *model, int index)
{
    if (!model || index < 0 || index >= model->def->n_series)
        return NULL;
    return model->def->series[index];
}

const ledger_snapshot *model_snapshot(const yf_model *model, int step)
{
    if (!model || step < 1 || step > model->n_steps)
        return NULL;
    return &model->snapshots[step - 1];
}

YF_API yf_status yf_model_matrices(const yf_model *model,
                                   int step,
                                   yf_format format,
                                   char **out_text)
{
    if (out_text)
        *out_text = NULL;
    if (!out_text || (format != YF_FORMAT_MARKDOWN && format != YF_FORMAT_CSV))
        return YF_ERR_ARGUMENT;
    const ledger_snapshot *snap = model_snapshot(model, step);
    if (!snap)
        return YF_ERR_ARGUMENT;
    char *text = ledger_matrices_render(snap, format);
    if (!text)
        return YF_ERR_NOMEM;
    *out_text = text;
    return YF_OK;
}
