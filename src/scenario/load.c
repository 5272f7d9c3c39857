/*
 * load.c: reading a scenario file with libyaml and merging the chain of files
 * it extends into one effective scenario (docs/scenarios.md sections 2-3).
 *
 * A file is parsed whole into a YAML document (libyaml's loader keeps the line
 * and column of every node), then walked: first `extends:` (the parent is
 * loaded into the same scenario, recursively, so that it is applied first),
 * then the file's own keys in a fixed order, each overriding what the parents
 * set, field by field. Events accumulate; an event with the id of an inherited
 * one replaces it in place, `remove_events:` drops inherited ones. Every value
 * is checked where it is read, and the error names the file, line and column
 * of the node. After the whole chain, event and path dates are checked against
 * the effective horizon.
 *
 * All memory of the scenario is owned by it; on any error the half-built
 * scenario is freed and the caller gets nothing.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/core.h"
#include "scenario/scenario_int.h"

enum { MAX_DEPTH = 16, MAX_FILE_SIZE = 16 << 20 };

/* ---- errors and small helpers ------------------------------------------- */

yf_status scenario_fail(
    yf_diag *diag, yf_status status, const char *file, int line, int column, const char *fmt, ...)
{
    if (!diag)
        return status;
    char *msg = diag->message;
    size_t size = sizeof diag->message;
    (void)snprintf(diag->path, sizeof diag->path, "%s", file ? file : "");
    diag->line = file ? line : 0;
    diag->column = file && line > 0 ? column : 0;
    int n = !file      ? snprintf(msg, size, "error: ")
            : line > 0 ? snprintf(msg, size, "%s:%d:%d: error: ", file, line, column)
                       : snprintf(msg, size, "%s: error: ", file);
    size_t used = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg + used, size - used, fmt, ap);
    va_end(ap);
    return status;
}

yf_status scenario_read_file(
    const char *path, const scenario_origin *at, char **out, size_t *out_size, yf_diag *diag)
{
    *out = NULL;
    const char *why = NULL;
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f)
        why = strerror(errno);
    while (f && !why) {
        if (len + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 8192;
            if (ncap > (size_t)MAX_FILE_SIZE + 8192) {
                why = "larger than 16 MiB";
                break;
            }
            char *nbuf = yf_malloc(ncap);
            if (!nbuf) {
                fclose(f);
                yf_mem_free(buf);
                return YF_ERR_NOMEM;
            }
            if (len)
                memcpy(nbuf, buf, len);
            yf_mem_free(buf);
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0) {
            if (ferror(f))
                why = strerror(errno ? errno : EIO);
            break;
        }
    }
    if (f)
        fclose(f);
    if (why) {
        yf_mem_free(buf);
        if (at && at->file)
            return scenario_fail(diag, YF_ERR_IO, at->file, at->line, at->column,
                                 "cannot read '%s': %s", path, why);
        return scenario_fail(diag, YF_ERR_IO, path, 0, 0, "cannot read the file: %s", why);
    }
    if (!buf && !(buf = yf_malloc(1)))
        return YF_ERR_NOMEM;
    buf[len] = '\0';
    *out = buf;
    *out_size = len;
    return YF_OK;
}

char *scenario_join(const char *file, const char *rel)
{
    const char *slash = strrchr(file, '/');
    size_t dir = rel[0] == '/' || !slash ? 0 : (size_t)(slash - file) + 1;
    size_t n = strlen(rel);
    char *out = yf_malloc(dir + n + 1);
    if (!out)
        return NULL;
    memcpy(out, file, dir);
    memcpy(out + dir, rel, n + 1);
    return out;
}

void scenario_month_label(int m, char *out, int out_size)
{
    snprintf(out, (size_t)out_size, "%04d-%02d", m / 12, m % 12 + 1);
}

/* "YYYY-MM" (exactly four digits, a dash and two digits: "2025-1" is refused,
 * since a one-digit month is easily a typo for 2025-10..12) or, when year_ok,
 * "YYYY" (then January, or December when year_end). */
static bool parse_date_text(const char *t, bool year_ok, bool year_end, int *out)
{
    int year = 0, k = 0;
    for (; k < 4; k++) {
        if (t[k] < '0' || t[k] > '9')
            return false;
        year = year * 10 + (t[k] - '0');
    }
    if (t[4] == '\0' && year_ok) {
        *out = year * 12 + (year_end ? 11 : 0);
        return true;
    }
    if (t[4] != '-' || t[5] < '0' || t[5] > '9' || t[6] < '0' || t[6] > '9' || t[7] != '\0')
        return false;
    int month = (t[5] - '0') * 10 + (t[6] - '0');
    if (month < 1 || month > 12 || year < 1900)
        return false;
    *out = year * 12 + month - 1;
    return true;
}

bool scenario_parse_month(const char *text, int *out)
{
    return parse_date_text(text, false, false, out);
}

/* ---- the loader --------------------------------------------------------- */

typedef struct loader {
    scenario *s;
    yf_diag *diag;
    const char *file;       /* the file being read, interned in s->files */
    yaml_document_t *doc;   /* its document */
    char *chain[MAX_DEPTH]; /* real paths of the files being read, outermost first */
    const char *chain_name[MAX_DEPTH];
    int depth;
    int first_own_event; /* index of the first event of the file being read */
} loader;

static scenario_origin origin_of(const loader *L, const yaml_node_t *n)
{
    return (scenario_origin){L->file, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1};
}

__attribute__((format(printf, 3, 4))) static yf_status
fail(loader *L, const yaml_node_t *n, const char *fmt, ...)
{
    char text[768];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    scenario_origin o = n ? origin_of(L, n) : (scenario_origin){L->file, 0, 0};
    (void)scenario_fail(L->diag, YF_ERR_ARGUMENT, o.file, o.line, o.column, "%s", text);
    return YF_ERR_ARGUMENT; /* a constant, so that callers (and clang-tidy) see a failure */
}

static const char *kind_name(const yaml_node_t *n)
{
    return n->type == YAML_MAPPING_NODE    ? "a mapping"
           : n->type == YAML_SEQUENCE_NODE ? "a list"
                                           : "a value";
}

static const char *text_of(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

static bool is_plain(const yaml_node_t *n)
{
    return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static yf_status want(loader *L, const yaml_node_t *n, yaml_node_type_t type, const char *what)
{
    if (n && n->type == type)
        return YF_OK;
    const char *expected = type == YAML_MAPPING_NODE    ? "a mapping (key: value lines)"
                           : type == YAML_SEQUENCE_NODE ? "a list (lines starting with '-')"
                                                        : "a single value";
    return fail(L, n, "%s must be %s, got %s", what, expected, kind_name(n));
}

static yf_status want_text(loader *L, const yaml_node_t *n, const char *what, const char **out)
{
    yf_status st = want(L, n, YAML_SCALAR_NODE, what);
    if (st == YF_OK)
        *out = text_of(n);
    return st;
}

static yf_status want_number(loader *L, const yaml_node_t *n, const char *what, double *out)
{
    yf_status st = want(L, n, YAML_SCALAR_NODE, what);
    if (st != YF_OK)
        return st;
    const char *t = text_of(n);
    if (!is_plain(n))
        return fail(L, n, "%s must be a number, got the text \"%s\" (write numbers without quotes)",
                    what, t);
    char *end;
    errno = 0;
    double v = strtod(t, &end);
    if (t[0] == '\0' || t[0] == ' ' || end == t || *end != '\0' || errno == ERANGE ||
        !isfinite(v) || strchr(t, 'x') || strchr(t, 'X'))
        return fail(L, n, "%s must be a number, got '%s'", what, t);
    *out = v;
    return YF_OK;
}

static yf_status want_int(
    loader *L, const yaml_node_t *n, const char *what, long long lo, long long hi, long long *out)
{
    double v;
    yf_status st = want_number(L, n, what, &v);
    if (st != YF_OK)
        return st;
    if (v != floor(v) || v < (double)lo || v > (double)hi)
        return fail(L, n, "%s must be a whole number in [%lld, %lld], got %s", what, lo, hi,
                    text_of(n));
    *out = (long long)v;
    return YF_OK;
}

static yf_status
want_date(loader *L, const yaml_node_t *n, const char *what, bool year_ok, bool year_end, int *out)
{
    yf_status st = want(L, n, YAML_SCALAR_NODE, what);
    if (st != YF_OK)
        return st;
    if (!parse_date_text(text_of(n), year_ok, year_end, out))
        return fail(L, n, "%s must be a date YYYY-MM%s, got '%s'", what,
                    year_ok ? " or a year YYYY" : "", text_of(n));
    if (*out > SCENARIO_LAST_MONTH)
        return fail(L, n, "%s %s is beyond 2100-12, the last month a run can reach", what,
                    text_of(n));
    return YF_OK;
}

static yf_status want_bool(loader *L, const yaml_node_t *n, const char *what, bool *out)
{
    yf_status st = want(L, n, YAML_SCALAR_NODE, what);
    if (st != YF_OK)
        return st;
    const char *t = text_of(n);
    if (strcmp(t, "true") == 0 || strcmp(t, "false") == 0) {
        *out = t[0] == 't';
        return YF_OK;
    }
    return fail(L, n, "%s must be true or false, got '%s'", what, t);
}

/* Iterate over a mapping node's pairs. */
#define FOR_PAIRS(L, map, K, V)                                          \
    for (yaml_node_pair_t *pair_ = (map)->data.mapping.pairs.start;      \
         pair_ < (map)->data.mapping.pairs.top &&                        \
         ((K) = yaml_document_get_node((L)->doc, pair_->key)) != NULL && \
         ((V) = yaml_document_get_node((L)->doc, pair_->value)) != NULL; \
         pair_++)

/* Every key of a mapping must be a single value, given once. */
static yf_status check_duplicates(loader *L, const yaml_node_t *map, const char *what)
{
    yaml_node_t *k, *v;
    FOR_PAIRS(L, map, k, v)
    {
        if (k->type != YAML_SCALAR_NODE)
            return fail(L, k, "a key of %s must be a single name, got %s", what, kind_name(k));
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < pair_; q++) {
            yaml_node_t *earlier = yaml_document_get_node(L->doc, q->key);
            if (earlier->type == YAML_SCALAR_NODE && strcmp(text_of(earlier), text_of(k)) == 0)
                return fail(L, k, "'%s' appears twice in %s (first at line %d)", text_of(k), what,
                            (int)earlier->start_mark.line + 1);
        }
    }
    return YF_OK;
}

/* ... and one of the n_known names `known` (the nearest is suggested; `hint`
 * when none is near). `noun` says what a key is ("key", "path"). */
static yf_status check_keys(loader *L,
                            const yaml_node_t *map,
                            const char *what,
                            const char *noun,
                            const char *const *known,
                            int n_known,
                            const char *hint)
{
    yf_status st = check_duplicates(L, map, what);
    yaml_node_t *k, *v;
    if (st != YF_OK)
        return st;
    FOR_PAIRS(L, map, k, v)
    {
        const char *name = text_of(k);
        bool ok = false;
        for (int j = 0; j < n_known && !ok; j++)
            ok = strcmp(known[j], name) == 0;
        if (ok)
            continue;
        int near = names_nearest(name, known, n_known);
        if (near >= 0)
            return fail(L, k, "unknown %s '%s' in %s (did you mean '%s'?)", noun, name, what,
                        known[near]);
        return fail(L, k, "unknown %s '%s' in %s (%s)", noun, name, what, hint);
    }
    return YF_OK;
}

static yaml_node_t *
lookup(const loader *L, const yaml_node_t *map, const char *key, yaml_node_t **out_key)
{
    yaml_node_t *k, *v;
    FOR_PAIRS(L, map, k, v)
    {
        if (k->type == YAML_SCALAR_NODE && strcmp(text_of(k), key) == 0) {
            if (out_key)
                *out_key = k;
            return v;
        }
    }
    return NULL;
}

/* ---- parameters --------------------------------------------------------- */

static const char *param_names[N_MODEL_PARAMS];

static void init_param_names(void)
{
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        param_names[k] = model_param_table[k].name;
}

/* A parameter whose values are months counted from 2000-01 (written as dates). */
static bool is_month_param(int p)
{
    return strncmp(model_param_table[p].unit, "month from 2000-01", 18) == 0;
}

static yf_status unknown_param(loader *L, const yaml_node_t *n, const char *name)
{
    int near = names_nearest(name, param_names, N_MODEL_PARAMS);
    if (near >= 0)
        return fail(L, n, "unknown parameter '%s' (did you mean '%s'?)", name, param_names[near]);
    return fail(L, n, "unknown parameter '%s' (see 'yuanflow list parameters')", name);
}

/* The value of parameter p written at node n (a number; or a date for month
 * parameters), checked against its range. `what` names it in messages. */
static yf_status param_value(loader *L, const yaml_node_t *n, int p, const char *what, double *out)
{
    const model_param_info *info = &model_param_table[p];
    int month;
    if (is_month_param(p) && n->type == YAML_SCALAR_NODE &&
        parse_date_text(text_of(n), false, false, &month)) {
        *out = (double)(month - SCENARIO_FIRST_MONTH);
        if (*out < info->min || *out > info->max)
            return fail(L, n, "%s must be a month from 2000-01 to %04d-%02d, got %s", what,
                        2000 + (int)info->max / 12, (int)info->max % 12 + 1, text_of(n));
        return YF_OK;
    }
    /* "2001-1" meant a month: say how to write one, not that it is no number. */
    const char *t = n->type == YAML_SCALAR_NODE ? text_of(n) : "";
    if (is_month_param(p) && strspn(t, "0123456789") == 4 && t[4] == '-')
        return fail(L, n, "%s must be a date YYYY-MM%s, got '%s'", what,
                    " (two digits for the month) or a number of months from 2000-01", t);
    yf_status st = want_number(L, n, what, out);
    if (st != YF_OK)
        return st;
    if (!(*out >= info->min && *out <= info->max))
        return fail(L, n, "%s must be in [%g, %g] (%s), got %s", what, info->min, info->max,
                    info->unit, text_of(n));
    return YF_OK;
}

static yf_status load_parameters(loader *L, const yaml_node_t *map)
{
    yf_status st = want(L, map, YAML_MAPPING_NODE, "'parameters'");
    yaml_node_t *k, *v;
    if (st != YF_OK)
        return st;
    FOR_PAIRS(L, map, k, v)
    {
        if (k->type != YAML_SCALAR_NODE)
            return fail(L, k, "a parameter name must be a single name, got %s", kind_name(k));
        int p = model_param_find(text_of(k));
        if (p < 0)
            return unknown_param(L, k, text_of(k));
        char what[96];
        snprintf(what, sizeof what, "parameter '%s'", text_of(k));
        double value;
        if ((st = param_value(L, v, p, what, &value)) != YF_OK)
            return st;
        L->s->param[p] = (scenario_value){value, origin_of(L, v)};
    }
    return YF_OK;
}

/* ---- events ------------------------------------------------------------- */

static const char *const event_keys[] = {"event", "date", "until", "id", "source"};

enum { N_EVENT_KEYS = 5 };

static void event_release(scenario_event *ev)
{
    yf_mem_free(ev->id);
    yf_mem_free(ev->source);
    ev->id = ev->source = NULL;
}

static int find_event(const scenario *s, const char *id, int from, int to)
{
    for (int k = from; k < to; k++)
        if (strcmp(s->events[k].id, id) == 0)
            return k;
    return -1;
}

/* Append ev to the scenario's events (which take ownership of its strings). */
static bool push_event(scenario *s, const scenario_event *ev)
{
    scenario_event *grown = yf_malloc(sizeof *grown * (size_t)(s->n_events + 1));
    if (!grown)
        return false;
    if (s->n_events)
        memcpy(grown, s->events, sizeof *grown * (size_t)s->n_events);
    grown[s->n_events++] = *ev;
    yf_mem_free(s->events);
    s->events = grown;
    return true;
}

/* An unknown key of an event of kind k: the nearest argument or common key. */
static yf_status unknown_event_key(loader *L, const yaml_node_t *key, const scenario_event_kind *k)
{
    const char *name = text_of(key);
    if (k->any_param) {
        int near = names_nearest(name, param_names, N_MODEL_PARAMS);
        if (near >= 0)
            return fail(L, key, "unknown parameter '%s' in event 'set' (did you mean '%s'?)", name,
                        param_names[near]);
        near = names_nearest(name, event_keys, N_EVENT_KEYS);
        if (near >= 0)
            return fail(L, key, "unknown key '%s' in event 'set' (did you mean '%s'?)", name,
                        event_keys[near]);
        return fail(L, key,
                    "unknown parameter '%s' in event 'set' (see 'yuanflow list parameters')", name);
    }
    const char *names[N_EVENT_KEYS + SCENARIO_MAX_ARGS];
    int n = 0;
    for (int a = 0; a < k->n_args; a++)
        names[n++] = k->args[a].name;
    for (int a = 0; a < N_EVENT_KEYS; a++)
        names[n++] = event_keys[a];
    int near = names_nearest(name, names, n);
    if (near >= 0)
        return fail(L, key, "unknown argument '%s' of event '%s' (did you mean '%s'?)", name,
                    k->name, names[near]);
    char list[256] = "";
    for (int a = 0; a < k->n_args; a++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s'%s'", a ? ", " : "",
                 k->args[a].name);
    return fail(L, key, "unknown argument '%s' of event '%s' (its arguments: %s)", name, k->name,
                k->n_args ? list : "none");
}

static yf_status load_event(loader *L, const yaml_node_t *map)
{
    yf_status st = want(L, map, YAML_MAPPING_NODE, "an event");
    if (st != YF_OK)
        return st;
    if ((st = check_duplicates(L, map, "the event")) != YF_OK)
        return st;
    yaml_node_t *kind_node = lookup(L, map, "event", NULL);
    if (!kind_node)
        return fail(L, map, "an event needs 'event:', its kind (see 'yuanflow list events')");
    const char *kind_name_text;
    if ((st = want_text(L, kind_node, "'event'", &kind_name_text)) != YF_OK)
        return st;
    int kind = scenario_event_kind_find(kind_name_text);
    if (kind < 0) {
        const char *kinds[64];
        for (int k = 0; k < scenario_n_event_kinds && k < 64; k++)
            kinds[k] = scenario_event_kinds[k].name;
        int near = names_nearest(kind_name_text, kinds, scenario_n_event_kinds);
        if (near >= 0)
            return fail(L, kind_node, "unknown event '%s' (did you mean '%s'?)", kind_name_text,
                        kinds[near]);
        return fail(L, kind_node, "unknown event '%s' (see 'yuanflow list events')",
                    kind_name_text);
    }
    const scenario_event_kind *k = &scenario_event_kinds[kind];
    scenario_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.until = -1;
    ev.origin = origin_of(L, map);
    yaml_node_t *date = lookup(L, map, "date", NULL);
    if (!date)
        return fail(L, map, "event '%s' needs 'date:' (YYYY-MM, the first month it applies)",
                    k->name);
    if ((st = want_date(L, date, "'date'", false, false, &ev.date)) != YF_OK)
        return st;
    ev.date_origin = origin_of(L, date);
    bool given[SCENARIO_MAX_ARGS] = {false};
    yaml_node_t *key, *value;
    FOR_PAIRS(L, map, key, value)
    {
        const char *name = text_of(key);
        if (strcmp(name, "event") == 0 || strcmp(name, "date") == 0)
            continue;
        if (strcmp(name, "until") == 0) {
            if ((st = want_date(L, value, "'until'", false, false, &ev.until)) != YF_OK)
                break;
            ev.until_origin = origin_of(L, value);
            if (ev.until <= ev.date) {
                st = fail(L, value, "'until' (%s) must be after 'date' (%s)", text_of(value),
                          text_of(date));
                break;
            }
            continue;
        }
        if (strcmp(name, "id") == 0 || strcmp(name, "source") == 0) {
            const char *t;
            if ((st = want_text(L, value, name[0] == 'i' ? "'id'" : "'source'", &t)) != YF_OK)
                break;
            if (name[0] == 'i' && t[0] == '\0') {
                st = fail(L, value, "'id' must not be empty");
                break;
            }
            char **slot = name[0] == 'i' ? &ev.id : &ev.source;
            yf_mem_free(*slot);
            if (!(*slot = yf_strdup(t))) {
                st = YF_ERR_NOMEM;
                break;
            }
            continue;
        }
        int p = -1;
        if (k->any_param) {
            p = model_param_find(name);
        } else {
            for (int a = 0; a < k->n_args; a++)
                if (strcmp(k->args[a].name, name) == 0) {
                    p = k->args[a].param;
                    given[a] = true;
                }
        }
        if (p < 0) {
            st = unknown_event_key(L, key, k);
            break;
        }
        if (ev.n_writes == SCENARIO_MAX_WRITES) {
            st = fail(L, key, "an event sets at most %d parameters", SCENARIO_MAX_WRITES);
            break;
        }
        char what[96];
        snprintf(what, sizeof what, "'%s'", name);
        scenario_write *w = &ev.writes[ev.n_writes];
        if ((st = param_value(L, value, p, what, &w->value)) != YF_OK)
            break;
        w->param = p;
        w->origin = origin_of(L, value);
        ev.n_writes++;
    }
    for (int a = 0; st == YF_OK && a < k->n_args; a++)
        if (k->args[a].required && !given[a])
            st = fail(L, map, "event '%s' needs '%s' (%s, %s)", k->name, k->args[a].name,
                      model_param_table[k->args[a].param].doc,
                      model_param_table[k->args[a].param].unit);
    if (st == YF_OK && k->any_param && ev.n_writes == 0)
        st = fail(L, map, "event 'set' sets no parameter (add 'name: value' lines)");
    if (st == YF_OK && !ev.id) {
        char id[96], month[16];
        scenario_month_label(ev.date, month, sizeof month);
        snprintf(id, sizeof id, "%s@%s", k->name, month);
        if (!(ev.id = yf_strdup(id)))
            st = YF_ERR_NOMEM;
    }
    if (st != YF_OK) {
        event_release(&ev);
        return st;
    }
    scenario *s = L->s;
    int twin = find_event(s, ev.id, L->first_own_event, s->n_events);
    if (twin >= 0) {
        st = fail(L, map,
                  "two events have the id '%s' in this file (the other at line %d); give one an "
                  "'id:' of its own",
                  ev.id, s->events[twin].origin.line);
        event_release(&ev);
        return st;
    }
    int inherited = find_event(s, ev.id, 0, L->first_own_event);
    if (inherited >= 0) {
        event_release(&s->events[inherited]);
        s->events[inherited] = ev;
        return YF_OK;
    }
    if (!push_event(s, &ev)) {
        event_release(&ev);
        return YF_ERR_NOMEM;
    }
    return YF_OK;
}

static yf_status load_events(loader *L, const yaml_node_t *list)
{
    yf_status st = want(L, list, YAML_SEQUENCE_NODE, "'events'");
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         st == YF_OK && it < list->data.sequence.items.top; it++)
        st = load_event(L, yaml_document_get_node(L->doc, *it));
    return st;
}

static yf_status remove_events(loader *L, const yaml_node_t *list)
{
    yf_status st = want(L, list, YAML_SEQUENCE_NODE, "'remove_events'");
    scenario *s = L->s;
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         st == YF_OK && it < list->data.sequence.items.top; it++) {
        yaml_node_t *n = yaml_document_get_node(L->doc, *it);
        const char *id;
        if ((st = want_text(L, n, "an event id in 'remove_events'", &id)) != YF_OK)
            break;
        int k = find_event(s, id, 0, s->n_events);
        if (k < 0) {
            const char **ids = yf_malloc(sizeof *ids * (size_t)(s->n_events + 1));
            if (!ids)
                return YF_ERR_NOMEM;
            for (int j = 0; j < s->n_events; j++)
                ids[j] = s->events[j].id;
            int near = names_nearest(id, ids, s->n_events);
            st = near >= 0 ? fail(L, n, "no inherited event has the id '%s' (did you mean '%s'?)",
                                  id, ids[near])
                           : fail(L, n,
                                  "no inherited event has the id '%s' (see 'yuanflow explain' "
                                  "for the ids)",
                                  id);
            yf_mem_free(ids);
            break;
        }
        event_release(&s->events[k]);
        memmove(&s->events[k], &s->events[k + 1],
                sizeof *s->events * (size_t)(s->n_events - k - 1));
        s->n_events--;
    }
    L->first_own_event = s->n_events;
    return st;
}

/* ---- paths -------------------------------------------------------------- */

static int compare_points(const void *a, const void *b)
{
    const scenario_point *p = a, *q = b;
    return (p->date > q->date) - (p->date < q->date);
}

static const char *path_names[N_SCENARIO_PATHS];

static void path_release(scenario_path *p)
{
    yf_mem_free(p->points);
    yf_mem_free(p->csv);
    memset(p, 0, sizeof *p);
}

/* Intern a string in s->files (file names that origins point to). */
static const char *intern_file(scenario *s, const char *name)
{
    for (int k = 0; k < s->n_files; k++)
        if (strcmp(s->files[k], name) == 0)
            return s->files[k];
    char **grown = yf_malloc(sizeof *grown * (size_t)(s->n_files + 1));
    char *copy = yf_strdup(name);
    if (!grown || !copy) {
        yf_mem_free(grown);
        yf_mem_free(copy);
        return NULL;
    }
    if (s->n_files)
        memcpy(grown, s->files, sizeof *grown * (size_t)s->n_files);
    grown[s->n_files++] = copy;
    yf_mem_free(s->files);
    s->files = grown;
    return copy;
}

static yf_status load_path(loader *L, int id, const yaml_node_t *map)
{
    const scenario_path_info *info = &scenario_path_table[id];
    char what[96];
    snprintf(what, sizeof what, "path '%s'", info->name);
    yf_status st = want(L, map, YAML_MAPPING_NODE, what);
    if (st != YF_OK)
        return st;
    scenario_path p;
    memset(&p, 0, sizeof p);
    p.set = true;
    p.origin = origin_of(L, map);
    yaml_node_t *csv_key = NULL, *column_key = NULL;
    yaml_node_t *csv = lookup(L, map, "csv", &csv_key),
                *column = lookup(L, map, "column", &column_key);
    int n_pairs = (int)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    if (n_pairs > 0 && !(p.points = yf_calloc((size_t)n_pairs, sizeof *p.points)))
        return YF_ERR_NOMEM;
    yaml_node_t *key, *value;
    if ((st = check_duplicates(L, map, what)) != YF_OK) {
        path_release(&p);
        return st;
    }
    FOR_PAIRS(L, map, key, value)
    {
        const char *name = text_of(key);
        if (strcmp(name, "replace_data") == 0) {
            if ((st = want_bool(L, value, "'replace_data'", &p.replace_data)) != YF_OK)
                break;
            continue;
        }
        if (strcmp(name, "csv") == 0 || strcmp(name, "column") == 0)
            continue;
        int month;
        if (!parse_date_text(name, false, false, &month)) {
            static const char *const keys[] = {"csv", "column", "replace_data"};
            int near = names_nearest(name, keys, 3);
            st = near >= 0 ? fail(L, key, "unknown key '%s' in %s (did you mean '%s'?)", name, what,
                                  keys[near])
                           : fail(L, key,
                                  "%s: '%s' is not a date YYYY-MM (a path is 'YYYY-MM: value' "
                                  "points, or 'csv:' and 'column:')",
                                  what, name);
            break;
        }
        if (csv) {
            st = fail(L, key, "%s has both 'csv:' and dated points: use one or the other", what);
            break;
        }
        scenario_point *pt = &p.points[p.n_points];
        char vwhat[128];
        snprintf(vwhat, sizeof vwhat, "%s at %s", what, name);
        if ((st = want_number(L, value, vwhat, &pt->value)) != YF_OK)
            break;
        if (pt->value < info->min || pt->value > info->max) {
            st = fail(L, value, "%s must be in [%g, %g] (%s), got %s", vwhat, info->min, info->max,
                      info->unit, text_of(value));
            break;
        }
        /* A month has one spelling (YYYY-MM, two digits), so a month given twice
         * is a key given twice, which check_duplicates refused above. */
        for (int j = 0; j < p.n_points; j++)
            assert(p.points[j].date != month);
        pt->date = month;
        pt->origin = origin_of(L, key);
        p.n_points++;
    }
    if (st == YF_OK && (csv || column)) {
        if (!csv || !column)
            st = fail(L, csv ? csv_key : column_key, "%s needs both 'csv:' (a file) and 'column:'",
                      what);
        const char *file = NULL, *col = NULL;
        if (st == YF_OK && (st = want_text(L, csv, "'csv'", &file)) == YF_OK)
            st = want_text(L, column, "'column'", &col);
        if (st == YF_OK) {
            yf_mem_free(p.points);
            p.points = NULL;
            char *full = scenario_join(L->file, file);
            const char *interned = full ? intern_file(L->s, full) : NULL;
            scenario_origin at = origin_of(L, column), file_at = origin_of(L, csv);
            char *text = full ? yf_malloc(strlen(full) + strlen(col) + 16) : NULL;
            if (!interned || !text) {
                st = YF_ERR_NOMEM;
            } else {
                sprintf(text, "%s column %s", full, col);
                p.csv = text;
                text = NULL;
                /* an unreadable CSV points at the 'csv:' value */
                FILE *f = fopen(full, "rb");
                if (!f)
                    st = scenario_fail(L->diag, YF_ERR_IO, file_at.file, file_at.line,
                                       file_at.column, "cannot read '%s': %s", full,
                                       strerror(errno));
                else
                    fclose(f);
                if (st == YF_OK)
                    st = scenario_read_path_csv(full, col, id, &at, interned, &p.points,
                                                &p.n_points, L->diag);
            }
            yf_mem_free(text);
            yf_mem_free(full);
        }
    }
    if (st == YF_OK && p.n_points == 0)
        st = fail(L, map, "%s has no points (give 'YYYY-MM: value' lines, or 'csv:' and 'column:')",
                  what);
    if (st != YF_OK) {
        path_release(&p);
        return st;
    }
    if (p.n_points > 0)
        qsort(p.points, (size_t)p.n_points, sizeof *p.points, compare_points);
    path_release(&L->s->path[id]);
    L->s->path[id] = p;
    return YF_OK;
}

static yf_status load_paths(loader *L, const yaml_node_t *map)
{
    yf_status st = want(L, map, YAML_MAPPING_NODE, "'paths'");
    yaml_node_t *k, *v;
    if (st != YF_OK)
        return st;
    if ((st = check_keys(L, map, "'paths'", "path", path_names, N_SCENARIO_PATHS,
                         "see docs/scenarios.md for the paths")) != YF_OK)
        return st;
    FOR_PAIRS(L, map, k, v)
    {
        if ((st = load_path(L, scenario_path_find(text_of(k)), v)) != YF_OK)
            return st;
    }
    return YF_OK;
}

/* ---- top level ---------------------------------------------------------- */

static const char *const top_keys[] = {"name",       "extends", "description",   "horizon",
                                       "step",       "seed",    "households",    "firms",
                                       "parameters", "events",  "remove_events", "paths"};

enum { N_TOP_KEYS = 12 };

static bool printable_name(const char *t)
{
    size_t n = strlen(t);
    if (n == 0 || n > 100)
        return false;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

static yf_status set_text(loader *L, const yaml_node_t *n, const char *what, char **slot)
{
    const char *t;
    yf_status st = want_text(L, n, what, &t);
    if (st != YF_OK)
        return st;
    char *copy = yf_strdup(t);
    if (!copy)
        return YF_ERR_NOMEM;
    yf_mem_free(*slot);
    *slot = copy;
    return YF_OK;
}

static yf_status load_horizon(loader *L, const yaml_node_t *map)
{
    static const char *const keys[] = {"from", "to"};
    yf_status st = want(L, map, YAML_MAPPING_NODE, "'horizon'");
    if (st == YF_OK)
        st = check_keys(L, map, "'horizon'", "key", keys, 2, "a horizon has 'from:' and 'to:'");
    yaml_node_t *from = st == YF_OK ? lookup(L, map, "from", NULL) : NULL;
    yaml_node_t *to = st == YF_OK ? lookup(L, map, "to", NULL) : NULL;
    int month;
    if (st == YF_OK && from && (st = want_date(L, from, "'from'", true, false, &month)) == YF_OK) {
        if (month != SCENARIO_FIRST_MONTH)
            return fail(L, from,
                        "'from' must be 2000-01: the model opens on the balance sheet of "
                        "January 2000 (got %s)",
                        text_of(from));
        L->s->from = month;
        L->s->from_origin = origin_of(L, from);
    }
    if (st == YF_OK && to && (st = want_date(L, to, "'to'", true, true, &month)) == YF_OK) {
        if (month < SCENARIO_FIRST_MONTH)
            return fail(L, to, "'to' (%s) is before the first month of the model, 2000-01",
                        text_of(to));
        L->s->to = month;
        L->s->to_origin = origin_of(L, to);
    }
    return st;
}

static yf_status load_file(loader *L, const char *path, const yaml_node_t *named_at);

/* The file's own keys, after its parents, in a fixed order. */
static yf_status apply_keys(loader *L, const yaml_node_t *root)
{
    scenario *s = L->s;
    yf_status st = YF_OK;
    yaml_node_t *n;
    /* name and description describe this file only: not inherited */
    yf_mem_free(s->name);
    yf_mem_free(s->description);
    s->name = s->description = NULL;
    if ((n = lookup(L, root, "name", NULL)) && (st = set_text(L, n, "'name'", &s->name)) == YF_OK &&
        !printable_name(s->name))
        st = fail(L, n, "'name' must be 1 to 100 printable characters");
    if (st == YF_OK && (n = lookup(L, root, "description", NULL)) &&
        (st = set_text(L, n, "'description'", &s->description)) == YF_OK) {
        size_t len = strlen(s->description); /* a folded block ends in a newline */
        while (len > 0 && (s->description[len - 1] == '\n' || s->description[len - 1] == ' '))
            s->description[--len] = '\0';
    }
    if (st == YF_OK && (n = lookup(L, root, "horizon", NULL)))
        st = load_horizon(L, n);
    if (st == YF_OK && (n = lookup(L, root, "step", NULL))) {
        const char *t;
        if ((st = want_text(L, n, "'step'", &t)) == YF_OK && strcmp(t, "month") != 0)
            st = fail(L, n,
                      "'step' must be 'month', got '%s' (the model runs month by month; no other "
                      "step is supported)",
                      t);
    }
    long long v = 0;

    struct {
        const char *key;
        long long lo, hi;
        scenario_value *slot;
    } ints[] = {{"seed", 0, 9007199254740991LL, &s->seed},
                {"households", 10, 100000000, &s->households},
                {"firms", 5, 10000000, &s->firms}};

    for (int k = 0; k < 3 && st == YF_OK; k++) {
        char what[32];
        snprintf(what, sizeof what, "'%s'", ints[k].key);
        if ((n = lookup(L, root, ints[k].key, NULL)) &&
            (st = want_int(L, n, what, ints[k].lo, ints[k].hi, &v)) == YF_OK)
            *ints[k].slot = (scenario_value){(double)v, origin_of(L, n)};
    }
    if (st == YF_OK && (n = lookup(L, root, "parameters", NULL)))
        st = load_parameters(L, n);
    L->first_own_event = s->n_events;
    if (st == YF_OK && (n = lookup(L, root, "remove_events", NULL)))
        st = remove_events(L, n);
    if (st == YF_OK && (n = lookup(L, root, "events", NULL)))
        st = load_events(L, n);
    if (st == YF_OK && (n = lookup(L, root, "paths", NULL)))
        st = load_paths(L, n);
    return st;
}

/* Line and column (1-based) of byte offset `at` in text. */
static void position_of(const char *text, size_t size, size_t at, int *line, int *column)
{
    *line = *column = 1;
    for (size_t k = 0; k < at && k < size; k++) {
        if (text[k] == '\n') {
            (*line)++;
            *column = 1;
        } else {
            (*column)++;
        }
    }
}

static yf_status syntax_error(loader *L, const yaml_parser_t *p, const char *text, size_t size)
{
    int line = (int)p->problem_mark.line + 1, column = (int)p->problem_mark.column + 1;
    if (p->error == YAML_READER_ERROR)
        position_of(text, size, p->problem_offset, &line, &column);
    const char *problem = p->problem ? p->problem : "cannot parse";
    char context[160] = "";
    if (p->context)
        snprintf(context, sizeof context, " (%s at line %d, column %d)", p->context,
                 (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    const char *hint = p->error == YAML_READER_ERROR ? ": the file may be damaged or partly written"
                       : (size_t)p->problem_mark.index >= size && size > 0
                           ? ": the file ends too early (truncated?)"
                           : "";
    return scenario_fail(L->diag, YF_ERR_ARGUMENT, L->file, line, column, "bad YAML: %s%s%s",
                         problem, context, hint);
}

/* Load the parent named at node n (a relative path is relative to the file). */
static yf_status load_parent(loader *L, const yaml_node_t *n)
{
    const char *rel;
    yf_status st = want_text(L, n, "'extends'", &rel);
    if (st != YF_OK)
        return st;
    if (rel[0] == '\0')
        return fail(L, n, "'extends' must name a scenario file");
    char *parent = scenario_join(L->file, rel);
    if (!parent)
        return YF_ERR_NOMEM;
    const char *file = L->file;
    yaml_document_t *doc = L->doc;
    st = load_file(L, parent, n);
    L->file = file;
    L->doc = doc;
    yf_mem_free(parent);
    return st;
}

static yf_status load_file(loader *L, const char *path, const yaml_node_t *named_at)
{
    scenario_origin at = named_at ? origin_of(L, named_at) : (scenario_origin){NULL, 0, 0};
    char *real = realpath(path, NULL);
    if (!real) {
        int err = errno;
        if (named_at)
            return scenario_fail(L->diag, YF_ERR_IO, at.file, at.line, at.column,
                                 "cannot read '%s': %s", path, strerror(err));
        return scenario_fail(L->diag, YF_ERR_IO, path, 0, 0, "cannot read the file: %s",
                             strerror(err));
    }
    for (int k = 0; k < L->depth; k++) {
        if (strcmp(L->chain[k], real) != 0)
            continue;
        char chain[512] = "";
        for (int j = k; j < L->depth; j++)
            snprintf(chain + strlen(chain), sizeof chain - strlen(chain), "%s -> ",
                     L->chain_name[j]);
        snprintf(chain + strlen(chain), sizeof chain - strlen(chain), "%s", path);
        free(real);
        return scenario_fail(L->diag, YF_ERR_ARGUMENT, at.file, at.line, at.column,
                             "'extends' makes a cycle: %s", chain);
    }
    if (L->depth == MAX_DEPTH) {
        free(real);
        return scenario_fail(L->diag, YF_ERR_ARGUMENT, at.file, at.line, at.column,
                             "'extends' goes more than %d files deep", MAX_DEPTH);
    }
    const char *file = intern_file(L->s, path);
    char *text = NULL;
    size_t size = 0;
    yf_status st = file ? scenario_read_file(path, named_at ? &at : NULL, &text, &size, L->diag)
                        : YF_ERR_NOMEM;
    if (st != YF_OK) {
        free(real);
        return st;
    }
    L->chain[L->depth] = real;
    L->chain_name[L->depth] = file;
    L->depth++;
    L->file = file;

    yaml_parser_t parser;
    yaml_document_t doc;
    bool have_doc = false;
    if (!yaml_parser_initialize(&parser)) {
        st = YF_ERR_NOMEM;
    } else {
        yaml_parser_set_input_string(&parser, (const unsigned char *)text, size);
        if (!yaml_parser_load(&parser, &doc)) {
            st = parser.error == YAML_MEMORY_ERROR ? YF_ERR_NOMEM
                                                   : syntax_error(L, &parser, text, size);
        } else {
            have_doc = true;
            yaml_document_t more;
            if (yaml_document_get_root_node(&doc) && yaml_parser_load(&parser, &more)) {
                yaml_node_t *root2 = yaml_document_get_root_node(&more);
                if (root2)
                    st =
                        scenario_fail(L->diag, YF_ERR_ARGUMENT, file, (int)more.start_mark.line + 1,
                                      (int)more.start_mark.column + 1,
                                      "a scenario file holds one YAML document, this is a second");
                yaml_document_delete(&more);
            } else if (yaml_document_get_root_node(&doc)) {
                st = syntax_error(L, &parser, text, size);
            }
        }
        yaml_parser_delete(&parser);
    }
    yaml_node_t *root = have_doc && st == YF_OK ? yaml_document_get_root_node(&doc) : NULL;
    L->doc = have_doc ? &doc : NULL;
    if (st == YF_OK && !root)
        st = scenario_fail(L->diag, YF_ERR_ARGUMENT, file, 0, 0,
                           "the file is empty (a scenario needs at least 'name:' or 'extends:')");
    if (st == YF_OK && root && root->type != YAML_MAPPING_NODE)
        st = fail(L, root, "a scenario is a mapping of keys (name:, events:, ...), got %s",
                  kind_name(root));
    if (st == YF_OK)
        st = check_keys(L, root, "the scenario", "key", top_keys, N_TOP_KEYS,
                        "see docs/scenarios.md for the keys");
    yaml_node_t *extends = st == YF_OK ? lookup(L, root, "extends", NULL) : NULL;
    if (extends)
        st = load_parent(L, extends);
    if (st == YF_OK)
        st = apply_keys(L, root);
    if (have_doc)
        yaml_document_delete(&doc);
    yf_mem_free(text);
    L->depth--;
    free(L->chain[L->depth]);
    return st;
}

/* ---- checks on the whole chain ------------------------------------------ */

static yf_status
outside(yf_diag *diag, const scenario *s, const scenario_origin *o, const char *what, int month)
{
    char m[16], a[16], b[16];
    scenario_month_label(month, m, sizeof m);
    scenario_month_label(s->from, a, sizeof a);
    scenario_month_label(s->to, b, sizeof b);
    return scenario_fail(diag, YF_ERR_ARGUMENT, o->file, o->line, o->column,
                         "%s (%s) is outside the horizon %s to %s", what, m, a, b);
}

static yf_status check_dates(const scenario *s, yf_diag *diag)
{
    /* 'from' can only be 2000-01 and 'to' no earlier (load_horizon): the horizon
     * cannot end before it starts, in any file of an extends chain. */
    assert(s->to >= s->from);
    for (int k = 0; k < s->n_events; k++) {
        const scenario_event *ev = &s->events[k];
        if (ev->date < s->from || ev->date > s->to) {
            char what[160];
            snprintf(what, sizeof what, "the date of event '%s'", ev->id);
            return outside(diag, s, &ev->date_origin, what, ev->date);
        }
    }
    for (int p = 0; p < N_SCENARIO_PATHS; p++)
        for (int k = 0; k < s->path[p].n_points; k++) {
            const scenario_point *pt = &s->path[p].points[k];
            if (pt->date < s->from || pt->date > s->to) {
                char what[96];
                snprintf(what, sizeof what, "a point of path '%s'", scenario_path_table[p].name);
                return outside(diag, s, &pt->origin, what, pt->date);
            }
        }
    return YF_OK;
}

void scenario_free(scenario *s)
{
    if (!s)
        return;
    for (int k = 0; k < s->n_events; k++)
        event_release(&s->events[k]);
    yf_mem_free(s->events);
    for (int p = 0; p < N_SCENARIO_PATHS; p++)
        path_release(&s->path[p]);
    for (int k = 0; k < s->n_files; k++)
        yf_mem_free(s->files[k]);
    yf_mem_free(s->files);
    yf_mem_free(s->name);
    yf_mem_free(s->description);
    yf_mem_free(s);
}

/* The file name without its directory and a final ".yaml" or ".yml". */
static char *default_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        n -= 4;
    if (n > 100)
        n = 100;
    char *out = yf_malloc(n + 1);
    if (out) {
        memcpy(out, base, n);
        out[n] = '\0';
    }
    return out;
}

yf_status scenario_load(scenario **out, const char *path, yf_diag *diag)
{
    *out = NULL;
    if (!param_names[0])
        init_param_names();
    if (!path_names[0])
        for (int p = 0; p < N_SCENARIO_PATHS; p++)
            path_names[p] = scenario_path_table[p].name;
    scenario *s = yf_calloc(1, sizeof *s);
    if (!s) {
        if (diag)
            (void)scenario_fail(diag, YF_ERR_NOMEM, path, 0, 0,
                                "out of memory reading the scenario");
        return YF_ERR_NOMEM;
    }
    s->from = SCENARIO_FIRST_MONTH;
    s->to = 2035 * 12 + 11;
    s->seed.value = 0.0;
    s->households.value = SCENARIO_DEFAULT_HOUSEHOLDS;
    s->firms.value = SCENARIO_DEFAULT_FIRMS;
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        s->param[k].value = model_param_table[k].value_default;
    loader L;
    memset(&L, 0, sizeof L);
    L.s = s;
    L.diag = diag;
    yf_diag scratch;
    if (!diag)
        L.diag = &scratch;
    yf_status st = load_file(&L, path, NULL);
    if (st == YF_OK)
        st = check_dates(s, L.diag);
    if (st == YF_OK && !s->name && !(s->name = default_name(path)))
        st = YF_ERR_NOMEM;
    if (st == YF_OK && !s->description && !(s->description = yf_strdup("")))
        st = YF_ERR_NOMEM;
    if (st == YF_ERR_NOMEM)
        (void)scenario_fail(L.diag, st, path, 0, 0, "out of memory reading the scenario");
    if (st != YF_OK) {
        scenario_free(s);
        return st;
    }
    *out = s;
    return YF_OK;
}

void scenario_params(const scenario *s, double param[N_MODEL_PARAMS])
{
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        param[k] = s->param[k].value;
}

economy_size scenario_economy_size(const scenario *s)
{
    return (economy_size){.households = (int32_t)s->households.value,
                          .firms = (int32_t)s->firms.value,
                          .cities = 300,
                          .start_year = s->from / 12,
                          .n_months = s->to - s->from + 1};
}
