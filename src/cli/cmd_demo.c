/*
 * cmd_demo.c: `yuanflow demo MODEL`: a textbook model of Godley & Lavoie
 * (SIM or PC) run on the ledger through the public API, its series and the
 * matrices of one period (docs/textbook.md).
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"

static const char usage[] =
    "usage: yuanflow demo MODEL [options]\n"
    "\n"
    "MODEL is 'sim' or 'pc' (Godley & Lavoie, Monetary Economics, chapters 3 and 4).\n"
    "options:\n"
    "  --periods N              periods to run, 1 to 10000 (default 60)\n"
    "  --step K                 period whose matrices are printed (default: the last)\n"
    "  --format markdown|csv    format of the matrices (default markdown)\n"
    "  --set NAME=VALUE         set a parameter before the run (e.g. --set G=25)\n"
    "  --shock PERIOD:NAME=VALUE  set a parameter from that period on (e.g. --shock 10:G=25)\n";

enum { MAX_SETTINGS = 32 };

/* A parameter setting: from `period` on (1 = before the run), NAME takes VALUE. */
typedef struct demo_setting {
    int period;
    char name[64];
    double value;
} demo_setting;

/* Parse "NAME=VALUE" into s. */
static bool parse_assignment(const char *text, demo_setting *s)
{
    cli_setting c;
    if (!cli_parse_assignment(text, &c))
        return false;
    memcpy(s->name, c.name, sizeof s->name);
    s->value = c.value;
    return true;
}

typedef struct demo_options {
    const char *model;
    int periods, step;
    yf_format format;
    demo_setting settings[MAX_SETTINGS];
    int n_settings;
} demo_options;

static const char *const option_names[] = {"--periods", "--step", "--format", "--set", "--shock"};

static int unknown_option(const char *arg)
{
    int k = names_nearest(arg, option_names, (int)(sizeof option_names / sizeof *option_names));
    if (k >= 0)
        return cli_fail(EXIT_USAGE, "unknown option '%s' (did you mean '%s'?)", arg,
                        option_names[k]);
    return cli_fail(EXIT_USAGE, "unknown option '%s' (see 'yuanflow help')", arg);
}

static int parse_setting(const char *opt, const char *text, demo_options *o)
{
    if (o->n_settings == MAX_SETTINGS)
        return cli_fail(EXIT_USAGE, "too many %s options (at most %d)", opt, MAX_SETTINGS);
    demo_setting *s = &o->settings[o->n_settings];
    s->period = 1;
    const char *assignment = text;
    if (strcmp(opt, "--shock") == 0) {
        const char *colon = strchr(text, ':');
        char num[16];
        size_t n = colon ? (size_t)(colon - text) : 0;
        if (!colon || n == 0 || n >= sizeof num)
            return cli_fail(EXIT_USAGE, "--shock expects PERIOD:NAME=VALUE, got '%s'", text);
        memcpy(num, text, n);
        num[n] = '\0';
        if (!cli_parse_int(num, 1, 100000, &s->period))
            return cli_fail(EXIT_USAGE, "--shock period must be an integer >= 1, got '%s'", num);
        assignment = colon + 1;
    }
    if (!parse_assignment(assignment, s))
        return cli_fail(EXIT_USAGE, "%s expects NAME=VALUE with a number, got '%s'", opt,
                        assignment);
    o->n_settings++;
    return 0;
}

static int parse_demo(int argc, char **argv, demo_options *o)
{
    if (argc < 2)
        return cli_fail(EXIT_USAGE, "demo needs a model name: 'sim' or 'pc'");
    o->model = argv[1];
    o->periods = 60;
    o->step = 0;
    o->format = YF_FORMAT_MARKDOWN;
    o->n_settings = 0;
    for (int i = 2; i < argc; i++) {
        const char *opt = argv[i];
        bool known = false;
        for (size_t k = 0; k < sizeof option_names / sizeof *option_names; k++)
            known |= strcmp(opt, option_names[k]) == 0;
        if (!known)
            return unknown_option(opt);
        if (i + 1 >= argc)
            return cli_fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--periods") == 0) {
            /* Each period keeps its matrices (about 30 KB): 10,000 periods take
             * 300 MB, and a textbook model settles within a few hundred. */
            if (!cli_parse_int(val, 1, 10000, &o->periods))
                return cli_fail(EXIT_USAGE, "--periods must be an integer in [1, 10000], got '%s'",
                                val);
        } else if (strcmp(opt, "--step") == 0) {
            if (!cli_parse_int(val, 1, 100000, &o->step))
                return cli_fail(EXIT_USAGE, "--step must be an integer >= 1, got '%s'", val);
        } else if (strcmp(opt, "--format") == 0) {
            if (strcmp(val, "markdown") == 0 || strcmp(val, "md") == 0)
                o->format = YF_FORMAT_MARKDOWN;
            else if (strcmp(val, "csv") == 0)
                o->format = YF_FORMAT_CSV;
            else
                return cli_fail(EXIT_USAGE, "--format must be 'markdown' or 'csv', got '%s'", val);
        } else {
            int rc = parse_setting(opt, val, o);
            if (rc)
                return rc;
        }
    }
    if (o->step == 0)
        o->step = o->periods;
    if (o->step > o->periods)
        return cli_fail(EXIT_USAGE, "--step %d is beyond the %d periods run", o->step, o->periods);
    return 0;
}

static int report_diag(int code, const yf_diag *d)
{
    return cli_fail(code, "%s", d->message);
}

/* Apply the settings due at `period`; returns 0 or an exit code. */
static int apply_settings(yf_model *m, const demo_options *o, int period)
{
    for (int k = 0; k < o->n_settings; k++) {
        if (o->settings[k].period != period)
            continue;
        yf_diag d;
        if (yf_model_set_param(m, o->settings[k].name, o->settings[k].value, &d) != YF_OK)
            return report_diag(EXIT_USAGE, &d);
    }
    return 0;
}

static bool printed_period(int t, int last)
{
    return t <= 3 || t == last || (t <= 10 && t % 5 == 0) || t % 10 == 0;
}

/* A table of every series at a selection of periods, model units. */
static int print_series(const yf_model *m)
{
    int n_series = yf_model_n_series(m), steps = yf_model_steps(m);
    printf("| period |");
    for (int j = 0; j < n_series; j++)
        printf(" %s |", yf_model_series_name(m, j));
    printf("\n|--:|");
    for (int j = 0; j < n_series; j++)
        printf("--:|");
    printf("\n");
    for (int t = 1; t <= steps; t++) {
        if (!printed_period(t, steps))
            continue;
        printf("| %d |", t);
        for (int j = 0; j < n_series; j++) {
            const double *v;
            int n;
            /* The names are the model's own and it has run `steps` periods: the
             * series is there (an internal invariant, not a user's error). */
            yf_status found = yf_model_series(m, yf_model_series_name(m, j), &v, &n);
            assert(found == YF_OK && n >= t);
            printf(" %.4f |", found == YF_OK && n >= t ? v[t - 1] : NAN);
        }
        printf("\n");
    }
    return 0;
}

static int run_demo(const demo_options *o)
{
    yf_model *m = NULL;
    yf_diag d;
    yf_status st = yf_model_new(&m, o->model, &d);
    if (st != YF_OK) /* out of memory is no bad input (exit 1) */
        return report_diag(st == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, &d);
    int rc = 0;
    /* Run period by period only where a shock is due; otherwise in one call. */
    for (int t = 1; t <= o->periods && rc == 0;) {
        rc = apply_settings(m, o, t);
        int next = o->periods + 1;
        for (int k = 0; k < o->n_settings; k++)
            if (o->settings[k].period > t && o->settings[k].period < next)
                next = o->settings[k].period;
        if (rc == 0 && yf_model_run(m, next - t, &d) != YF_OK)
            rc = report_diag(EXIT_RUN_FAILED, &d);
        t = next;
    }
    char *text = NULL;
    if (rc == 0 && o->format == YF_FORMAT_MARKDOWN) {
        printf("# yuanflow %s: %s model, %d periods (money in model units of 1,000,000 yuan "
               "in this table; exact yuan in the matrices)\n\n",
               YF_VERSION, o->model, o->periods);
        rc = print_series(m);
    }
    if (rc == 0 && yf_model_matrices(m, o->step, o->format, &text) != YF_OK)
        rc = cli_fail(EXIT_RUN_FAILED, "cannot render the matrices of period %d", o->step);
    if (rc == 0)
        fputs(text, stdout);
    yf_free(text);
    yf_model_free(m);
    return rc;
}

int cmd_demo(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    demo_options o;
    int rc = parse_demo(argc, argv, &o);
    return rc ? rc : run_demo(&o);
}
