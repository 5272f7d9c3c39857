/*
 * cli.c: what the commands share: error messages with the offending line and a
 * caret, option helpers, loading scenarios and running one with a progress
 * line on standard error when it is a terminal.
 */
#define _POSIX_C_SOURCE 200809L /* fileno, isatty, clock_gettime */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"

/* ---- messages ------------------------------------------------------------- */

int cli_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "yuanflow: error: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    return code;
}

/* Print line `line` of `path` and a caret under `column` (tabs kept so that
 * the caret lines up). Nothing if the file or the line cannot be read. */
static void show_line(const char *path, int line, int column)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char text[512];
    int at = 1;
    bool found = false;
    while (fgets(text, sizeof text, f)) {
        size_t n = strlen(text);
        bool whole = n > 0 && text[n - 1] == '\n';
        if (at == line) {
            found = true;
            break;
        }
        if (whole)
            at++;
    }
    fclose(f);
    if (!found)
        return;
    text[strcspn(text, "\r\n")] = '\0';
    for (char *p = text; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\t')
            *p = '?'; /* a damaged file's control bytes */
    fprintf(stderr, "%5d | %s\n      | ", line, text);
    for (int k = 1; k < column && text[k - 1]; k++)
        fputc(text[k - 1] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
}

int cli_report(int code, const yf_diag *d)
{
    const char *msg = d->message[0] ? d->message : "unknown error";
    bool located = strncmp(msg, "error: ", 7) == 0 || (d->path[0] && strstr(msg, ": error: "));
    if (strncmp(msg, "error: ", 7) == 0)
        msg += 7;
    fprintf(stderr, "%s%s\n", located && d->path[0] ? "" : "yuanflow: error: ", msg);
    if (d->path[0] && d->line > 0)
        show_line(d->path, d->line, d->column);
    return code;
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

int cli_unknown_option(const char *arg, const char *const *names, int n)
{
    int k = names_nearest(arg, names, n);
    if (k >= 0)
        return cli_fail(EXIT_USAGE, "unknown option '%s' (did you mean '%s'?)", arg, names[k]);
    return cli_fail(EXIT_USAGE, "unknown option '%s' (see 'yuanflow help')", arg);
}

bool cli_parse_int(const char *s, int min, int max, int *out)
{
    /* Plain decimal only: strtol alone would take " 2001", "+2001" and "02001". */
    const char *digits = s[0] == '-' ? s + 1 : s;
    if (digits[0] < '0' || digits[0] > '9' || (digits[0] == '0' && digits[1] != '\0'))
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

bool cli_parse_assignment(const char *text, cli_setting *s)
{
    const char *eq = strchr(text, '=');
    if (!eq || eq == text || (size_t)(eq - text) >= sizeof s->name)
        return false;
    memcpy(s->name, text, (size_t)(eq - text));
    s->name[eq - text] = '\0';
    char *end;
    errno = 0;
    s->value = strtod(eq + 1, &end);
    return !errno && end != eq + 1 && *end == '\0';
}

/* ---- options of the commands that run ------------------------------------- */

void cli_run_options_init(cli_run_options *o)
{
    o->to_month = -1;
    o->households = o->firms = 0;
    o->data_dir = "data";
    o->n_settings = 0;
    o->matrices = NULL;
}

int cli_take_run_option(int argc, char **argv, int *i, cli_run_options *o)
{
    static const char *const names[] = {"--to", "--households", "--firms", "--data", "--set"};
    int known = -1;
    for (int k = 0; k < 5; k++)
        if (strcmp(argv[*i], names[k]) == 0)
            known = k;
    if (known < 0)
        return 0;
    if (*i + 1 >= argc)
        return -cli_fail(EXIT_USAGE, "option '%s' needs a value", argv[*i]);
    const char *val = argv[++*i];
    int year;
    switch (known) {
    case 0:
        if (!cli_parse_int(val, 2000, 2100, &year))
            return -cli_fail(EXIT_USAGE, "--to must be a year in [2000, 2100], got '%s'", val);
        o->to_month = year * 12 + 11;
        break;
    case 1:
        if (!cli_parse_int(val, 10, 100000000, &o->households))
            return -cli_fail(EXIT_USAGE, "--households must be an integer >= 10, got '%s'", val);
        break;
    case 2:
        if (!cli_parse_int(val, 5, 10000000, &o->firms))
            return -cli_fail(EXIT_USAGE, "--firms must be an integer >= 5, got '%s'", val);
        break;
    case 3:
        o->data_dir = val;
        break;
    default:
        if (o->n_settings == CLI_MAX_SETTINGS)
            return -cli_fail(EXIT_USAGE, "too many --set options (at most %d)", CLI_MAX_SETTINGS);
        if (!cli_parse_assignment(val, &o->settings[o->n_settings]))
            return -cli_fail(EXIT_USAGE, "--set expects NAME=VALUE with a number, got '%s'", val);
        o->n_settings++;
    }
    return 1;
}

int cli_one_scenario_arg(int argc,
                         char **argv,
                         int *i,
                         cli_run_options *run,
                         const char *command,
                         const char **file,
                         const char *const *names,
                         int n_own,
                         int n_names,
                         int *own)
{
    const char *arg = argv[*i];
    *own = -1;
    if (strcmp(arg, "--to") != 0) {
        int taken = cli_take_run_option(argc, argv, i, run);
        if (taken)
            return taken < 0 ? -taken : 0;
    }
    if (arg[0] != '-') {
        if (*file)
            return cli_fail(EXIT_USAGE, "%s takes one scenario file, got '%s' and '%s'", command,
                            *file, arg);
        *file = arg;
        return 0;
    }
    for (int k = 0; k < n_own; k++)
        if (strcmp(arg, names[k]) == 0)
            *own = k;
    return *own < 0 ? cli_unknown_option(arg, names, n_names) : 0;
}

int cli_option_value(int argc, char **argv, int *i, const char **val)
{
    if (*i + 1 >= argc)
        return cli_fail(EXIT_USAGE, "option '%s' needs a value", argv[*i]);
    *val = argv[++*i];
    return 0;
}

const char *cli_scenarios_dir(const char *data_dir, char *buf, size_t size)
{
    size_t n = strlen(data_dir);
    while (n > 1 && data_dir[n - 1] == '/')
        n--;
    const char *slash = NULL;
    for (size_t k = 0; k < n; k++)
        if (data_dir[k] == '/')
            slash = data_dir + k;
    if (!slash)
        snprintf(buf, size, "scenarios");
    else
        snprintf(buf, size, "%.*s/scenarios", (int)(slash - data_dir), data_dir);
    return buf;
}

const char *cli_default_scenario(const char *data_dir, char *buf, size_t size)
{
    char dir[512];
    snprintf(buf, size, "%s/baseline.yaml", cli_scenarios_dir(data_dir, dir, sizeof dir));
    return buf;
}

int cli_check_data(const char *data_dir)
{
    char path[600];
    snprintf(path, sizeof path, "%s/china_annual.csv", data_dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        return cli_fail(EXIT_USAGE,
                        "cannot read '%s': %s (--data names the directory of the shipped data)",
                        path, strerror(errno));
    fclose(f);
    return 0;
}

int cli_load_scenarios(char **files, int n, scenario **out)
{
    for (int k = 0; k < n; k++)
        out[k] = NULL;
    for (int k = 0; k < n; k++) {
        yf_diag d = {{0}, 0, 0, {0}};
        yf_status st = scenario_load(&out[k], files[k], &d);
        if (st != YF_OK) {
            for (int j = 0; j < k; j++) {
                scenario_free(out[j]);
                out[j] = NULL;
            }
            return cli_report(st == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, &d);
        }
    }
    return 0;
}

/* ---- progress ------------------------------------------------------------- */

typedef struct progress {
    bool tty, shown;
    double start, last;
} progress;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void progress_begin(progress *p)
{
    p->tty = isatty(fileno(stderr));
    p->shown = false;
    p->start = p->last = p->tty ? now() : 0.0;
}

/* After a second, at most ten times a second: "name: 2012-05 (35%)". */
static void progress_show(progress *p, const char *name, int month, int done, int total)
{
    if (!p->tty)
        return;
    double t = now();
    if (t - p->start < 1.0 || (p->shown && t - p->last < 0.1))
        return;
    char label[16];
    scenario_month_label(month, label, sizeof label);
    fprintf(stderr, "\ryuanflow: running %s: %s (%d%%)", name, label, 100 * done / total);
    fflush(stderr);
    p->shown = true;
    p->last = t;
}

static void progress_end(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
}

/* ---- running one scenario ------------------------------------------------- */

/* param: the scenario's, then each --set in order (checked). */
static int apply_settings(double *param, const cli_run_options *o)
{
    for (int k = 0; k < o->n_settings; k++) {
        const cli_setting *st = &o->settings[k];
        int p = model_param_find(st->name);
        if (p < 0) {
            const char *names[N_MODEL_PARAMS];
            for (int j = 0; j < N_MODEL_PARAMS; j++)
                names[j] = model_param_table[j].name;
            int near = names_nearest(st->name, names, N_MODEL_PARAMS);
            return near >= 0 ? cli_fail(EXIT_USAGE, "unknown parameter '%s' (did you mean '%s'?)",
                                        st->name, names[near])
                             : cli_fail(EXIT_USAGE, "unknown parameter '%s'", st->name);
        }
        const model_param_info *info = &model_param_table[p];
        if (!(st->value >= info->min && st->value <= info->max))
            return cli_fail(EXIT_USAGE, "parameter '%s' must be in [%g, %g] (%s), got %g", st->name,
                            info->min, info->max, info->unit, st->value);
        param[p] = st->value;
    }
    return 0;
}

int cli_run_scenario(const scenario *s,
                     const cli_run_options *o,
                     double param[N_MODEL_PARAMS],
                     economy **out_e)
{
    *out_e = NULL;
    scenario_params(s, param);
    int rc = apply_settings(param, o);
    if (rc)
        return rc;
    economy_size size = scenario_economy_size(s);
    if (o->households)
        size.households = o->households;
    if (o->firms)
        size.firms = o->firms;
    if (o->to_month >= 0)
        size.n_months = o->to_month - s->from + 1;
    yf_diag d = {{0}, 0, 0, {0}};
    economy *e = NULL;
    yf_status st = economy_new(&e, &size, o->data_dir, param, &d);
    scenario_driver *drv = NULL;
    if (st == YF_OK && (st = scenario_driver_new(&drv, s, e, &d)) != YF_OK)
        economy_free(e);
    if (st != YF_OK) {
        /* Out of memory is not bad input (exit 1); an allocation that fails before
         * the economy can say what it was building leaves d empty. */
        if (!d.message[0])
            return cli_fail(st == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, "%s",
                            yf_status_string(st));
        return cli_report(st == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, &d);
    }
    progress p;
    progress_begin(&p);
    while (e->month < size.n_months) {
        if (scenario_driver_run(drv, 1) != YF_OK) {
            rc = EXIT_RUN_FAILED;
            break;
        }
        int done = e->month - 1; /* the month just closed, from January of start_year */
        yf_status kept = o->matrices
                             ? ledger_years_add(o->matrices, &e->snapshot,
                                                e->size.start_year + done / 12, done % 12 + 1)
                             : YF_OK;
        if (kept != YF_OK) {
            snprintf(e->msg, sizeof e->msg, "cannot keep the matrices of %d-%02d: %s",
                     e->size.start_year + done / 12, done % 12 + 1, yf_status_string(kept));
            rc = EXIT_RUN_FAILED;
            break;
        }
        progress_show(&p, s->name, s->from + e->month - 1, e->month, size.n_months);
    }
    progress_end(&p);
    if (rc)
        (void)cli_fail(rc, "%s: %s", s->name, e->msg);
    scenario_driver_free(drv);
    *out_e = e;
    return rc;
}

int cli_series_find(const economy *e, const char *name)
{
    for (int k = 0; k < e->n_series; k++)
        if (strcmp(e->out[k].name, name) == 0)
            return k;
    return -1;
}

bool cli_valid_scenario_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 100)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}
