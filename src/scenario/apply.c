/*
 * apply.c: running a scenario on an economy (docs/scenarios.md section 4).
 *
 * The model reads every policy lever from e->param each month; an event is a
 * dated write to some of them. Before month M runs:
 *   1. each event whose `until` is M gives its parameters back the values they
 *      had just before the event took effect (in reverse order of the list, so
 *      that nested events unwind);
 *   2. each event dated M saves the current values of its parameters and
 *      writes its own (in the order of the list: inherited events first, an
 *      override in the place of the event it replaces), and a kind with a date
 *      parameter writes M counted from 2000-01 into it.
 * Then the month runs (economy_run(e, 1)). The exogenous paths are written into
 * the world's arrays once, when the driver is made.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "scenario/scenario_int.h"

enum { SLOTS = SCENARIO_MAX_WRITES + 1 }; /* saved values per event: writes, then the date */

struct scenario_driver {
    const scenario *s;
    economy *e;
    double *saved; /* [n_events][SLOTS]: values before each event; NaN if it has not run */
};

yf_status scenario_driver_new(scenario_driver **out, const scenario *s, economy *e, yf_diag *diag)
{
    *out = NULL;
    /* Every caller sizes the economy with scenario_economy_size(s), so the run
     * starts in the scenario's first month (a caller's contract, not input). */
    assert(e->size.start_year * 12 == s->from);
    scenario_driver *d = yf_calloc(1, sizeof *d);
    size_t n_saved = (size_t)(s->n_events > 0 ? s->n_events : 1) * SLOTS;
    if (!d || !(d->saved = yf_malloc(n_saved * sizeof *d->saved))) {
        yf_mem_free(d);
        return scenario_fail(diag, YF_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t k = 0; k < n_saved; k++)
        d->saved[k] = NAN;
    d->s = s;
    d->e = e;
    yf_status st = scenario_paths_write(s, e, diag);
    if (st != YF_OK) {
        scenario_driver_free(d);
        return st;
    }
    *out = d;
    return YF_OK;
}

void scenario_driver_free(scenario_driver *d)
{
    if (!d)
        return;
    yf_mem_free(d->saved);
    yf_mem_free(d);
}

/* The events due before month index e->month runs. */
static void apply_events(scenario_driver *d)
{
    const scenario *s = d->s;
    double *param = d->e->param;
    const int month = d->e->size.start_year * 12 + d->e->month;
    for (int k = s->n_events - 1; k >= 0; k--) {
        const scenario_event *ev = &s->events[k];
        if (ev->until != month)
            continue;
        double *saved = d->saved + (size_t)k * SLOTS;
        const int date_param = scenario_event_kinds[ev->kind].date_param;
        if (date_param >= 0 && !isnan(saved[SCENARIO_MAX_WRITES]))
            param[date_param] = saved[SCENARIO_MAX_WRITES];
        for (int j = ev->n_writes - 1; j >= 0; j--)
            if (!isnan(saved[j]))
                param[ev->writes[j].param] = saved[j];
    }
    for (int k = 0; k < s->n_events; k++) {
        const scenario_event *ev = &s->events[k];
        if (ev->date != month)
            continue;
        double *saved = d->saved + (size_t)k * SLOTS;
        for (int j = 0; j < ev->n_writes; j++) {
            saved[j] = param[ev->writes[j].param];
            param[ev->writes[j].param] = ev->writes[j].value;
        }
        const int date_param = scenario_event_kinds[ev->kind].date_param;
        if (date_param >= 0) {
            saved[SCENARIO_MAX_WRITES] = param[date_param];
            param[date_param] = (double)(month - SCENARIO_FIRST_MONTH);
        }
    }
}

yf_status scenario_driver_run(scenario_driver *d, int months)
{
    economy *e = d->e;
    for (int n = 0; n < months && e->month < e->size.n_months; n++) {
        apply_events(d);
        yf_status st = economy_run(e, 1);
        if (st != YF_OK)
            return st;
    }
    return YF_OK;
}

static uint64_t fnv(uint64_t h, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t scenario_hash_extend(const scenario *s, uint64_t h)
{
    char line[160], date[16], until[16];
    for (int k = 0; k < s->n_events; k++) {
        const scenario_event *ev = &s->events[k];
        scenario_month_label(ev->date, date, sizeof date);
        if (ev->until >= 0)
            scenario_month_label(ev->until, until, sizeof until);
        else
            snprintf(until, sizeof until, "-");
        h = fnv(h, "event ");
        h = fnv(h, ev->id);
        snprintf(line, sizeof line, " %s %s %s", scenario_event_kinds[ev->kind].name, date, until);
        h = fnv(h, line);
        for (int j = 0; j < ev->n_writes; j++) {
            snprintf(line, sizeof line, " %s=%.17g", model_param_table[ev->writes[j].param].name,
                     ev->writes[j].value);
            h = fnv(h, line);
        }
        h = fnv(h, "\n");
    }
    for (int p = 0; p < N_SCENARIO_PATHS; p++) {
        const scenario_path *path = &s->path[p];
        for (int k = 0; k < path->n_points; k++) {
            scenario_month_label(path->points[k].date, date, sizeof date);
            snprintf(line, sizeof line, "path %s %s %.17g %d\n", scenario_path_table[p].name, date,
                     path->points[k].value, path->replace_data ? 1 : 0);
            h = fnv(h, line);
        }
    }
    return h;
}
