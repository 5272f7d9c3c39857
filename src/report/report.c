/*
 * report.c: the `yuanflow report` command (docs/report.md).
 *
 *   yuanflow report [--store FILE] [--runs ID,ID... | --scenarios NAME,NAME...]
 *                   [--out FILE] [--year YYYY] [--data DIR] [--images DIR]
 *
 * Reads the chosen runs from the run store, computes every chart's numbers
 * (report_charts.c, report_sankey.c), and writes one HTML file that holds
 * them as JSON together with ECharts and the page's script and style, all
 * inlined at build time (report_assets.h), so the file opens offline. With
 * --images, node renders each chart to an SVG file (report/images.js).
 *
 * This is command code: it prints (errors as "yuanflow: error: ...") and
 * returns the exit code: 0 ok, 1 failure, 2 bad input or usage.
 */
#define _POSIX_C_SOURCE 200809L

#include "report/report.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/core.h"
#include "model/params.h"
#include "output/output.h"
#include "report/report_assets.h"

extern char **environ;

enum { EXIT_FAILED = 1, EXIT_USAGE = 2, MAX_SELECTED = 256 };

static const char report_usage[] =
    "usage: yuanflow report [options]     an HTML report of runs in the run store\n"
    "\n"
    "  --store FILE             the run store (default runs/yuanflow.sqlite)\n"
    "  --runs ID,ID...          the runs to show, by id (see the store's runs table)\n"
    "  --scenarios NAME,NAME... every run of these scenarios; runs of one name with\n"
    "                           several seeds or sizes are an ensemble (fan charts)\n"
    "                           (default: the newest run)\n"
    "  --out FILE               the report (default report.html)\n"
    "  --year YYYY              year of the matrices and the flow diagram\n"
    "                           (default: the last year of the first run)\n"
    "  --data DIR               real data to compare with (default data)\n"
    "  --images DIR             also write every chart as DIR/ID.svg (needs node;\n"
    "                           bash scripts/install-deps.sh installs it)\n"
    "The first scenario is the one the others are compared with. The report is one\n"
    "file that opens offline in a browser (docs/report.md).\n";

static int fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "yuanflow: error: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    return code;
}

/* ---- options --------------------------------------------------------------------- */

typedef struct report_options {
    const char *store, *runs, *scenarios, *out, *data_dir, *images;
    int year; /* 0: the default */
    bool data_given;
} report_options;

static const char *const report_option_names[] = {"--store", "--runs",   "--scenarios", "--out",
                                                  "--year",  "--images", "--data",      "--help"};

static int parse_options(int argc, char **argv, report_options *o, bool *help)
{
    *o =
        (report_options){"runs/yuanflow.sqlite", NULL, NULL, "report.html", "data", NULL, 0, false};
    *help = false;
    int n_names = (int)(sizeof report_option_names / sizeof *report_option_names);
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
            *help = true;
            return 0;
        }
        int known = -1;
        for (int k = 0; k < n_names; k++)
            if (strcmp(opt, report_option_names[k]) == 0)
                known = k;
        if (known < 0) {
            int k = names_nearest(opt, report_option_names, n_names);
            return k >= 0 ? fail(EXIT_USAGE, "unknown option '%s' (did you mean '%s'?)", opt,
                                 report_option_names[k])
                          : fail(EXIT_USAGE, "unknown option '%s' (see 'yuanflow report --help')",
                                 opt);
        }
        if (i + 1 >= argc)
            return fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        switch (known) {
        case 0:
            o->store = val;
            break;
        case 1:
            o->runs = val;
            break;
        case 2:
            o->scenarios = val;
            break;
        case 3:
            o->out = val;
            break;
        case 4: {
            char *end;
            errno = 0;
            long y = strtol(val, &end, 10);
            if (errno || end != val + 4 || *end || val[0] < '0' || val[0] > '9' || y < 1)
                return fail(EXIT_USAGE, "--year must be a year such as 2024, got '%s'", val);
            o->year = (int)y;
            break;
        }
        case 5:
            o->images = val;
            break;
        default:
            o->data_dir = val;
            o->data_given = true;
            break;
        }
    }
    if (o->runs && o->scenarios)
        return fail(EXIT_USAGE, "--runs and --scenarios contradict each other: give one");
    return 0;
}

/* ---- choosing the runs ------------------------------------------------------------ */

/* The next comma-separated item of *list into out; false at the end. An item
 * may not be empty. */
static bool next_item(const char **list, char *out, size_t size, bool *empty)
{
    const char *p = *list;
    if (!p)
        return false;
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    *empty = n == 0 || n >= size;
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), p);
    *list = comma ? comma + 1 : NULL;
    return true;
}

/* The run ids the options select, in the order given; 0 or an exit code. */
static int select_runs(report_store *st, const report_options *o, int64_t *ids, int *n)
{
    yf_diag d;
    *n = 0;
    int64_t *all = NULL;
    int n_all = 0;
    if (report_store_run_ids(st, &all, &n_all, &d) != YF_OK)
        return fail(EXIT_FAILED, "%s", d.message);
    int rc = 0;
    if (n_all == 0)
        rc = fail(EXIT_USAGE, "run store '%s' has no runs yet (yuanflow run adds one)", o->store);
    if (rc == 0 && o->runs) {
        const char *list = o->runs;
        char item[64];
        bool empty;
        while (rc == 0 && next_item(&list, item, sizeof item, &empty)) {
            char *end;
            errno = 0;
            long long id = empty ? 0 : strtoll(item, &end, 10);
            if (empty || errno || *end || id <= 0) {
                rc = fail(EXIT_USAGE, "--runs expects run ids such as 1,4,5, got '%s'", o->runs);
                break;
            }
            bool found = false;
            for (int k = 0; k < n_all; k++)
                found |= all[k] == id;
            if (!found)
                rc = fail(EXIT_USAGE,
                          "no run %lld in '%s' (its runs are %" PRId64 " to %" PRId64 ")", id,
                          o->store, all[0], all[n_all - 1]);
            else if (*n == MAX_SELECTED)
                rc = fail(EXIT_USAGE, "too many runs (at most %d)", MAX_SELECTED);
            else
                ids[(*n)++] = id;
        }
    } else if (rc == 0 && o->scenarios) {
        const char *list = o->scenarios;
        char item[128];
        bool empty;
        while (rc == 0 && next_item(&list, item, sizeof item, &empty)) {
            if (empty) {
                rc = fail(EXIT_USAGE,
                          "--scenarios expects names such as baseline,'rate cut', "
                          "got '%s'",
                          o->scenarios);
                break;
            }
            int64_t *found = NULL;
            int n_found = 0;
            if (report_store_scenario_runs(st, item, &found, &n_found, &d) != YF_OK) {
                rc = fail(EXIT_FAILED, "%s", d.message);
                break;
            }
            if (n_found == 0) {
                char **names = NULL;
                int n_names = 0;
                int near = -1;
                if (report_store_scenarios(st, &names, &n_names, &d) != YF_OK)
                    rc = fail(EXIT_FAILED, "%s", d.message); /* the store, not the name */
                else if ((near = names_nearest(item, (const char *const *)names, n_names)) >= 0)
                    rc = fail(EXIT_USAGE, "no scenario '%s' in '%s' (did you mean '%s'?)", item,
                              o->store, names[near]);
                else
                    rc = fail(EXIT_USAGE, "no scenario '%s' in '%s'", item, o->store);
                report_strings_free(names, n_names);
            }
            for (int k = 0; rc == 0 && k < n_found; k++) {
                if (*n == MAX_SELECTED) {
                    rc = fail(EXIT_USAGE, "too many runs (at most %d)", MAX_SELECTED);
                    break;
                }
                ids[(*n)++] = found[k];
            }
            yf_mem_free(found);
        }
    } else if (rc == 0) {
        ids[(*n)++] = all[n_all - 1];
    }
    yf_mem_free(all);
    return rc;
}

/*
 * Runs of one scenario with the same inputs (hash) and version are the same
 * run made again (the model is deterministic): keep the newest of each, so
 * that `yuanflow run` repeated does not pass for an ensemble.
 */
static int drop_repeats(report_run *runs, int n)
{
    int kept = 0;
    for (int k = 0; k < n; k++) {
        bool repeat = false;
        for (int j = k + 1; j < n; j++)
            repeat |= strcmp(runs[j].scenario, runs[k].scenario) == 0 &&
                      strcmp(runs[j].hash, runs[k].hash) == 0 &&
                      strcmp(runs[j].version, runs[k].version) == 0;
        if (repeat)
            report_run_release(&runs[k]);
        else
            runs[kept++] = runs[k];
    }
    return kept;
}

/* ---- the page's JSON ---------------------------------------------------------------- */

bool report_json_put(json_object *obj, const char *key, json_object *value)
{
    if (!value || json_object_object_add(obj, key, value) != 0) {
        json_object_put(value);
        return false;
    }
    return true;
}

bool report_json_put_str(json_object *obj, const char *key, const char *text)
{
    return report_json_put(obj, key, json_object_new_string(text ? text : ""));
}

static json_object *new_in(json_object *arr)
{
    json_object *o = json_object_new_object();
    if (!o || json_object_array_add(arr, o) != 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

static json_object *new_array_in(json_object *obj, const char *key)
{
    json_object *a = json_object_new_array();
    return report_json_put(obj, key, a) ? a : NULL;
}

bool report_parse_month(const char *text, int *year, int *month)
{
    char *end = NULL;
    long y = text ? strtol(text, &end, 10) : -1;
    if (!text || end == text || *end != '-' || y < 0 || y > 9999)
        return false;
    const char *p = end + 1;
    long m = strtol(p, &end, 10);
    if (end == p || m < 0 || m > 99)
        return false;
    *year = (int)y;
    *month = (int)m;
    return true;
}

/* "YYYY-MM" of the last month of a run. */
static void run_end(const report_run *r, char *out, size_t size)
{
    int y = 0, m = 0;
    if (!report_parse_month(r->start, &y, &m) || r->months <= 0) {
        snprintf(out, size, "?");
        return;
    }
    int64_t last = (int64_t)y * 12 + (m - 1) + r->months - 1;
    snprintf(out, size, "%04d-%02d", (int)(last / 12), (int)(last % 12) + 1);
}

static bool runs_json(json_object *root, const report_scenario *sc, int n_sc)
{
    json_object *scen = new_array_in(root, "scenarios"), *runs = new_array_in(root, "runs");
    bool ok = scen && runs;
    for (int s = 0; ok && s < n_sc; s++) {
        json_object *o = new_in(scen), *ids = NULL;
        ok = o && report_json_put_str(o, "name", sc[s].name) && (ids = new_array_in(o, "runs")) &&
             report_json_put(o, "ensemble", json_object_new_boolean(sc[s].n_runs > 1));
        for (int r = 0; ok && r < sc[s].n_runs; r++) {
            const report_run *x = sc[s].runs[r];
            char end[16];
            run_end(x, end, sizeof end);
            json_object *ro = new_in(runs);
            ok = json_object_array_add(ids, json_object_new_int64(x->id)) == 0 && ro &&
                 report_json_put(ro, "id", json_object_new_int64(x->id)) &&
                 report_json_put_str(ro, "scenario", x->scenario) &&
                 report_json_put(ro, "replicate", json_object_new_int64(x->replicate)) &&
                 report_json_put(ro, "seed", json_object_new_int64(x->seed)) &&
                 report_json_put(ro, "households", json_object_new_int64(x->households)) &&
                 report_json_put(ro, "firms", json_object_new_int64(x->firms)) &&
                 report_json_put_str(ro, "start", x->start) &&
                 report_json_put_str(ro, "end", end) &&
                 report_json_put(ro, "months", json_object_new_int64(x->months)) &&
                 report_json_put_str(ro, "version", x->version) &&
                 report_json_put_str(ro, "hash", x->hash) &&
                 report_json_put_str(ro, "created", x->created);
        }
    }
    return ok;
}

static void format_value(double v, char *out, size_t size)
{
    if (isnan(v))
        snprintf(out, size, "—");
    else
        snprintf(out, size, "%g", v);
}

static const report_param *find_param(const report_run *r, const char *name)
{
    for (int k = 0; k < r->n_params; k++)
        if (strcmp(r->params[k].name, name) == 0)
            return &r->params[k];
    return NULL;
}

static bool same_value(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/*
 * The parameters worth a reader's attention: those whose value in some run
 * differs from this yuanflow's default (or that this yuanflow does not know),
 * or that differ between the runs. One row per parameter, one cell per
 * scenario ("0.6", or "0.5 to 0.7" when its runs differ).
 */
static bool parameters_json(json_object *root, const report_scenario *sc, int n_sc)
{
    json_object *params = new_array_in(root, "parameters");
    bool ok = params != NULL;
    /* Names: the union over the runs, in the first run's order then new ones. */
    for (int s = 0; ok && s < n_sc; s++)
        for (int r = 0; ok && r < sc[s].n_runs; r++) {
            const report_run *run = sc[s].runs[r];
            for (int k = 0; ok && k < run->n_params; k++) {
                const char *name = run->params[k].name;
                /* Seen already in an earlier run? */
                bool seen = false;
                for (int s2 = 0; !seen && s2 <= s; s2++)
                    for (int r2 = 0; !seen && r2 < (s2 == s ? r : sc[s2].n_runs); r2++)
                        seen = find_param(sc[s2].runs[r2], name) != NULL;
                if (seen)
                    continue;
                int p = model_param_find(name);
                double dflt = p >= 0 ? model_param_table[p].value_default : NAN;
                bool show = p < 0;
                double ref = run->params[k].value;
                for (int s2 = 0; s2 < n_sc; s2++)
                    for (int r2 = 0; r2 < sc[s2].n_runs; r2++) {
                        const report_param *x = find_param(sc[s2].runs[r2], name);
                        double v = x ? x->value : NAN;
                        show |= !same_value(v, ref) || (p >= 0 && !same_value(v, dflt));
                    }
                if (!show)
                    continue;
                json_object *row = new_in(params), *cells = NULL;
                char text[64];
                format_value(dflt, text, sizeof text);
                ok = row && report_json_put_str(row, "name", name) &&
                     report_json_put_str(row, "unit", run->params[k].unit) &&
                     report_json_put_str(row, "default",
                                         p >= 0 ? text : "not a parameter of this yuanflow") &&
                     (cells = new_array_in(row, "values"));
                for (int s2 = 0; ok && s2 < n_sc; s2++) {
                    double lo = INFINITY, hi = -INFINITY;
                    int n_missing = 0;
                    for (int r2 = 0; r2 < sc[s2].n_runs; r2++) {
                        const report_param *x = find_param(sc[s2].runs[r2], name);
                        if (!x || isnan(x->value)) {
                            n_missing++;
                            continue;
                        }
                        lo = x->value < lo ? x->value : lo;
                        hi = x->value > hi ? x->value : hi;
                    }
                    char cell[160];
                    if (lo > hi)
                        snprintf(cell, sizeof cell, "—");
                    else if (lo == hi)
                        snprintf(cell, sizeof cell, "%g", lo);
                    else
                        snprintf(cell, sizeof cell, "%g to %g", lo, hi);
                    if (n_missing && lo <= hi)
                        snprintf(cell + strlen(cell), sizeof cell - strlen(cell), " (absent in %d)",
                                 n_missing);
                    ok = json_object_array_add(cells, json_object_new_string(cell)) == 0;
                }
            }
        }
    return ok;
}

/* A matrix as {rows: [{code, label, values}], sums} (yuan); with the net
 * worth row for a balance sheet. */
static json_object *matrix_json(const report_matrix *m, bool balance_sheet)
{
    json_object *o = json_object_new_object(), *rows = NULL, *sums = NULL;
    bool ok = o && (rows = new_array_in(o, "rows"));
    int nc = m->n_cols;
    int64_t *col = yf_calloc((size_t)nc + 1, sizeof *col);
    bool *overflow = yf_calloc((size_t)nc + 1, sizeof *overflow);
    ok = ok && col && overflow;
    for (int r = 0; ok && r < m->n_rows; r++) {
        json_object *row = new_in(rows), *vals = NULL;
        ok = row && report_json_put_str(row, "code", m->row_codes[r]) &&
             report_json_put_str(row, "label", m->row_labels[r]) &&
             (vals = new_array_in(row, "values"));
        for (int c = 0; ok && c < nc; c++) {
            int64_t v = m->values[(size_t)r * (size_t)nc + (size_t)c];
            overflow[c] |= !money_add(col[c], v, &col[c]);
            ok = json_object_array_add(vals, json_object_new_int64(v)) == 0;
        }
    }
    /* A balance sheet's columns sum to the sectors' net worth, which enters
     * with a minus sign so that each column sums to zero (G&L). */
    if (ok && balance_sheet) {
        json_object *row = new_in(rows), *vals = NULL;
        ok = row && report_json_put_str(row, "code", "net_worth") &&
             report_json_put_str(row, "label", "net worth") &&
             report_json_put(row, "derived", json_object_new_boolean(1)) &&
             (vals = new_array_in(row, "values"));
        for (int c = 0; ok && c < nc; c++) {
            ok = json_object_array_add(vals, overflow[c] || col[c] == INT64_MIN
                                                 ? NULL
                                                 : json_object_new_int64(-col[c])) == 0;
            col[c] = 0;
        }
    }
    ok = ok && (sums = new_array_in(o, "sums"));
    for (int c = 0; ok && c < nc; c++)
        ok = json_object_array_add(sums, overflow[c] ? NULL : json_object_new_int64(col[c])) == 0;
    yf_mem_free(col);
    yf_mem_free(overflow);
    if (!ok) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

static bool
matrices_json(json_object *root, const report_scenario *sc, int n_sc, int year, const char *missing)
{
    json_object *m = json_object_new_object(), *list = NULL;
    bool ok = m && report_json_put(root, "matrices", m) &&
              report_json_put(m, "year", json_object_new_int(year)) &&
              report_json_put_str(m, "missing", missing) && (list = new_array_in(m, "scenarios"));
    for (int s = 0; ok && s < n_sc; s++) {
        const report_run *r = NULL;
        for (int k = 0; !r && k < sc[s].n_runs; k++)
            if (sc[s].runs[k]->balance_sheet.n_rows > 0 && sc[s].runs[k]->flows.n_rows > 0)
                r = sc[s].runs[k];
        if (!r)
            continue;
        json_object *o = new_in(list), *sectors = NULL, *sankey = NULL;
        ok = o && report_json_put_str(o, "scenario", sc[s].name) &&
             report_json_put(o, "run", json_object_new_int64(r->id)) &&
             (sectors = new_array_in(o, "sectors"));
        for (int c = 0; ok && c < r->balance_sheet.n_cols; c++) {
            json_object *x = new_in(sectors);
            ok = x && report_json_put_str(x, "code", r->balance_sheet.columns[c]) &&
                 report_json_put_str(x, "name", report_sector_name(r->balance_sheet.columns[c]));
        }
        ok = ok && report_json_put(o, "balance_sheet", matrix_json(&r->balance_sheet, true)) &&
             report_json_put(o, "flows", matrix_json(&r->flows, false));
        if (ok && r->other_changes.n_rows > 0)
            ok = report_json_put(o, "other_changes", matrix_json(&r->other_changes, false));
        ok = ok && report_sankey_json(&r->flows, 0.001, &sankey) == YF_OK &&
             report_json_put(o, "sankey", sankey);
    }
    return ok;
}

/* ---- the HTML file ------------------------------------------------------------------- */

/* The JSON text made safe inside <script>: every '<' (only ever inside a
 * string in JSON) becomes \u003c, so no "</script>" or "<!--" can appear. */
static void append_json_for_html(strbuf *b, const char *json)
{
    for (const char *p = json; *p;) {
        const char *lt = strchr(p, '<');
        size_t n = lt ? (size_t)(lt - p) : strlen(p);
        strbuf_printf(b, "%.*s", (int)n, p);
        if (!lt)
            break;
        strbuf_printf(b, "\\u003c");
        p = lt + 1;
    }
}

static void append_escaped_text(strbuf *b, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '<')
            strbuf_printf(b, "&lt;");
        else if (*p == '>')
            strbuf_printf(b, "&gt;");
        else if (*p == '&')
            strbuf_printf(b, "&amp;");
        else
            strbuf_printf(b, "%c", *p);
    }
}

static char *render_page(const char *title, const char *json)
{
    strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b,
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"yuanflow %s\">\n<title>",
                  YF_VERSION);
    append_escaped_text(&b, title);
    strbuf_printf(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", report_asset_page_css);
    strbuf_printf(&b, "<noscript><p>This report draws its charts with JavaScript: please allow "
                      "scripts for this file.</p></noscript>\n<div id=\"app\"></div>\n");
    strbuf_printf(&b, "<script>\n%s\n</script>\n", report_asset_echarts);
    strbuf_printf(&b, "<script type=\"application/json\" id=\"yf-data\">");
    append_json_for_html(&b, json);
    strbuf_printf(&b, "</script>\n<script>\n%s\n</script>\n</body>\n</html>\n",
                  report_asset_page_js);
    return strbuf_take(&b);
}

/* ---- images through node ----------------------------------------------------------------- */

/* Where report/images.js lives: $YUANFLOW_REPORT_DIR, or the source tree this
 * binary was built from. */
static const char *report_dir(void)
{
    const char *env = getenv("YUANFLOW_REPORT_DIR");
    return env && *env ? env : YF_REPORT_DIR;
}

static int write_images(const char *html, const char *dir)
{
    char script[4096];
    snprintf(script, sizeof script, "%s/images.js", report_dir());
    if (access(script, R_OK) != 0)
        return fail(EXIT_FAILED,
                    "cannot write images: '%s' not found (set YUANFLOW_REPORT_DIR to the "
                    "report/ directory of the yuanflow sources)",
                    script);
    char *args[] = {"node", script, (char *)html, (char *)dir, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "node", NULL, NULL, args, environ);
    if (rc != 0)
        return fail(EXIT_FAILED,
                    "cannot write images: cannot start node: %s (bash scripts/install-deps.sh "
                    "installs Node.js)",
                    strerror(rc));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return fail(EXIT_FAILED, "cannot write images: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(EXIT_FAILED, "cannot write images: node %s failed (its message is above)",
                    script);
    return 0;
}

/* ---- the command -------------------------------------------------------------------------- */

typedef struct report_state {
    report_store *store;
    report_run *runs;
    int n_runs;
    report_scenario *scenarios;
    const report_run **by_scenario; /* runs grouped by scenario, n_runs */
    int n_scenarios;
    data_set *data;
    json_object *root;
} report_state;

static void state_release(report_state *s)
{
    for (int k = 0; s->runs && k < s->n_runs; k++)
        report_run_release(&s->runs[k]);
    yf_mem_free(s->runs);
    yf_mem_free(s->scenarios);
    yf_mem_free(s->by_scenario);
    data_free(s->data);
    json_object_put(s->root);
    report_store_close(s->store);
}

/* Group the runs by scenario name in the order the names first appear. */
static bool group_runs(report_state *s)
{
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers, sized as such */
    s->scenarios = yf_calloc((size_t)s->n_runs, sizeof *s->scenarios);
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers, sized as such */
    s->by_scenario = yf_calloc((size_t)s->n_runs, sizeof *s->by_scenario);
    if (!s->scenarios || !s->by_scenario)
        return false;
    int placed = 0;
    for (int k = 0; k < s->n_runs; k++) {
        bool seen = false;
        for (int j = 0; j < k; j++)
            seen |= strcmp(s->runs[j].scenario, s->runs[k].scenario) == 0;
        if (seen)
            continue;
        report_scenario *sc = &s->scenarios[s->n_scenarios++];
        sc->name = s->runs[k].scenario;
        sc->runs = &s->by_scenario[placed];
        for (int j = k; j < s->n_runs; j++)
            if (strcmp(s->runs[j].scenario, sc->name) == 0) {
                s->by_scenario[placed++] = &s->runs[j];
                sc->n_runs++;
            }
    }
    return true;
}

/* The year of the matrices: --year, or the last year of the first run that
 * has them. *missing says why there are none (empty if there are). */
static int
choose_year(report_state *s, const report_options *o, int *year, char *missing, size_t size)
{
    yf_diag d;
    const report_scenario *sc0 = &s->scenarios[0];
    const report_run *first = sc0->runs[0];
    int lo = 0, hi = 0;
    missing[0] = '\0';
    *year = 0;
    /* The first run of the first scenario that has matrices. */
    for (int k = 0; k < sc0->n_runs && hi == 0; k++) {
        if (report_store_matrix_years(s->store, sc0->runs[k]->id, &lo, &hi, &d) != YF_OK)
            return fail(EXIT_FAILED, "%s", d.message);
        if (hi)
            first = sc0->runs[k];
    }
    if (hi == 0) {
        snprintf(missing, size,
                 "Run %" PRId64 " has no matrices in the store: it was written by a yuanflow "
                 "older than the matrices table (docs/outputs.md). Run it again to see them.",
                 first->id);
        if (o->year)
            return fail(EXIT_USAGE,
                        "--year %d: run %" PRId64 " has no matrices in '%s' (it was "
                        "stored before yuanflow kept them; run it again)",
                        o->year, first->id, o->store);
        return 0;
    }
    if (o->year && (o->year < lo || o->year > hi))
        return fail(EXIT_USAGE, "--year %d is not in run %" PRId64 " (its matrices are %d to %d)",
                    o->year, first->id, lo, hi);
    *year = o->year ? o->year : hi;
    /* Each scenario's matrices: those of its first run that has the year's. */
    for (int k = 0; k < s->n_scenarios; k++)
        for (int j = 0; j < s->scenarios[k].n_runs; j++) {
            report_run *r = (report_run *)s->scenarios[k].runs[j];
            if (report_store_load_matrices(s->store, r, *year, &d) != YF_OK)
                return fail(EXIT_FAILED, "%s", d.message);
            if (r->flows.n_rows > 0)
                break;
        }
    return 0;
}

/* The data to compare with: a missing default file is a warning (the report
 * has no data lines), a missing --data an error. */
static int load_data(report_state *s, const report_options *o)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/china_annual.csv", o->data_dir);
    yf_diag d;
    yf_status st = data_load(&s->data, path, &d);
    if (st == YF_OK)
        return 0;
    s->data = NULL;
    if (st == YF_ERR_NOMEM) /* not a missing file: no warning, a failure (exit 1) */
        return fail(EXIT_FAILED, "%s", d.message);
    if (o->data_given)
        return fail(EXIT_USAGE, "%s", d.message);
    fprintf(stderr, "yuanflow: warning: no real data to compare with: %s\n", d.message);
    return 0;
}

static int build(report_state *s, const report_options *o, char *title, size_t title_size)
{
    int64_t ids[MAX_SELECTED];
    int n_ids = 0;
    int rc = select_runs(s->store, o, ids, &n_ids);
    if (rc)
        return rc;
    s->runs = yf_calloc((size_t)n_ids, sizeof *s->runs);
    if (!s->runs)
        return fail(EXIT_FAILED, "out of memory");
    yf_diag d;
    for (int k = 0; k < n_ids; k++) {
        if (report_store_load_run(s->store, ids[k], &s->runs[k], &d) != YF_OK)
            return fail(EXIT_FAILED, "%s", d.message);
        s->n_runs++;
    }
    if (o->scenarios)
        s->n_runs = drop_repeats(s->runs, s->n_runs);
    if (!group_runs(s))
        return fail(EXIT_FAILED, "out of memory");
    int year = 0;
    char missing[512];
    rc = choose_year(s, o, &year, missing, sizeof missing);
    if (rc == 0)
        rc = load_data(s, o);
    if (rc)
        return rc;

    /* The report's years: the union of the runs' whole years. */
    int first = 0, last = -1;
    for (int k = 0; k < s->n_runs; k++) {
        const report_run *r = &s->runs[k];
        if (r->n_years == 0)
            continue;
        if (last < first || r->first_year < first)
            first = r->first_year;
        if (r->first_year + r->n_years - 1 > last)
            last = r->first_year + r->n_years - 1;
    }
    if (last < first)
        return fail(EXIT_USAGE, "the runs chosen cover no whole calendar year: nothing to chart");

    int n = snprintf(title, title_size, "yuanflow report: ");
    for (int k = 0; k < s->n_scenarios && n > 0 && (size_t)n < title_size; k++)
        n += snprintf(title + n, title_size - (size_t)n, "%s%s", k ? ", " : "",
                      s->scenarios[k].name);

    report_input in = {s->scenarios, s->n_scenarios, s->data, first, last - first + 1, year};
    json_object *sections = NULL;
    if (report_build_sections(&in, &sections, &d) != YF_OK)
        return fail(EXIT_FAILED, "%s", d.message);
    s->root = json_object_new_object();
    json_object *years = NULL;
    char data_file[4200] = "";
    if (s->data)
        snprintf(data_file, sizeof data_file, "%s", data_path(s->data));
    bool ok = s->root && report_json_put(s->root, "sections", sections) &&
              report_json_put_str(s->root, "format", "yuanflow-report") &&
              report_json_put(s->root, "format_version", json_object_new_int(1)) &&
              report_json_put_str(s->root, "version", YF_VERSION) &&
              report_json_put_str(s->root, "title", title) &&
              report_json_put_str(s->root, "store", o->store) &&
              report_json_put_str(s->root, "data_file", data_file) &&
              (years = new_array_in(s->root, "years"));
    if (!s->root)
        json_object_put(sections);
    for (int y = first; ok && y <= last; y++)
        ok = json_object_array_add(years, json_object_new_int(y)) == 0;
    ok = ok && runs_json(s->root, s->scenarios, s->n_scenarios) &&
         parameters_json(s->root, s->scenarios, s->n_scenarios) &&
         matrices_json(s->root, s->scenarios, s->n_scenarios, year, missing);
    if (!ok)
        return fail(EXIT_FAILED, "out of memory building the report");
    return 0;
}

int report_command(int argc, char **argv)
{
    report_options o;
    bool help;
    int rc = parse_options(argc, argv, &o, &help);
    if (rc)
        return rc;
    if (help) {
        fputs(report_usage, stdout);
        return 0;
    }
    if (!report_assets_have_charts)
        return fail(EXIT_FAILED, "this yuanflow was built without the chart library: run 'bash "
                                 "scripts/install-report-deps.sh', then configure and build again");
    yf_diag d;
    /* Check the outputs before the work. */
    if (output_check_path(o.out, &d) != YF_OK)
        return fail(EXIT_USAGE, "%s", d.message);
    if (o.images) {
        struct stat sb;
        if (stat(o.images, &sb) != 0 && mkdir(o.images, 0777) != 0)
            return fail(EXIT_USAGE, "cannot create the images directory '%s': %s", o.images,
                        strerror(errno));
        if (stat(o.images, &sb) != 0 || !S_ISDIR(sb.st_mode))
            return fail(EXIT_USAGE, "--images '%s' is not a directory", o.images);
    }
    report_state s = {0};
    struct stat sb;
    if (stat(o.store, &sb) != 0)
        return fail(EXIT_USAGE, "no run store '%s': %s (yuanflow run writes one)", o.store,
                    strerror(errno));
    yf_status opened = report_store_open(&s.store, o.store, &d);
    if (opened != YF_OK)
        return fail(opened == YF_ERR_NOMEM ? EXIT_FAILED : EXIT_USAGE, "%s", d.message);
    char title[512];
    rc = build(&s, &o, title, sizeof title);
    char *page = NULL;
    if (rc == 0) {
        const char *json = json_object_to_json_string_ext(s.root, JSON_C_TO_STRING_PLAIN);
        page = json ? render_page(title, json) : NULL;
        if (!page)
            rc = fail(EXIT_FAILED, "out of memory writing the report");
    }
    if (rc == 0 && page && output_write_file(o.out, page, strlen(page), &d) != YF_OK)
        rc = fail(EXIT_FAILED, "%s", d.message);
    if (rc == 0) {
        int n_charts = 0;
        json_object *sections = json_object_object_get(s.root, "sections");
        for (size_t k = 0; k < json_object_array_length(sections); k++)
            n_charts += (int)json_object_array_length(
                json_object_object_get(json_object_array_get_idx(sections, k), "charts"));
        fprintf(stderr, "yuanflow: wrote %s (%d scenario%s, %d run%s, %d charts)\n", o.out,
                s.n_scenarios, s.n_scenarios == 1 ? "" : "s", s.n_runs, s.n_runs == 1 ? "" : "s",
                n_charts);
    }
    yf_mem_free(page);
    state_release(&s);
    if (rc == 0 && o.images)
        rc = write_images(o.out, o.images);
    return rc;
}
