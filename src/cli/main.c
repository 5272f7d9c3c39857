/*
 * main.c: the yuanflow command, the only code that prints to the user or exits.
 *
 *   yuanflow run [--to YEAR] [--households N] [--firms N] [--data DIR] [--set NAME=VALUE]...
 *                [--scenario-name NAME] [--store FILE | --no-store] [--csv FILE] [--json FILE]
 *   yuanflow params
 *   yuanflow demo MODEL [--periods N] [--step K] [--format markdown|csv]
 *                       [--set NAME=VALUE]... [--shock PERIOD:NAME=VALUE]...
 *   yuanflow version
 *   yuanflow help
 *
 * Exit codes: 0 success, 1 the run failed (an accounting or numerical fault),
 * 2 bad input or usage. Errors go to stderr as "yuanflow: error: ...".
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yuanflow.h>

#include "core/core.h"
#include "model/economy.h"
#include "output/output.h"

enum { EXIT_RUN_FAILED = 1, EXIT_USAGE = 2, MAX_SETTINGS = 32 };

static const char usage[] =
    "usage: yuanflow run [options]          run the China model (history from 2000)\n"
    "       yuanflow params                 the China model's parameters (markdown)\n"
    "       yuanflow demo MODEL [options]   run a textbook model on the ledger\n"
    "       yuanflow version\n"
    "       yuanflow help\n"
    "\n"
    "run options:\n"
    "  --to YEAR                last year to run, 2000..2035 (default 2035: the data to 2024, then the rules)\n"
    "  --households N           household agents (default 100000)\n"
    "  --firms N                firm agents (default 5000)\n"
    "  --data DIR               the shipped data (default data)\n"
    "  --set NAME=VALUE         set a parameter (see 'yuanflow params')\n"
    "  --scenario-name NAME     name recorded with the outputs (default baseline)\n"
    "  --store FILE             SQLite run store the run is added to\n"
    "                           (default runs/yuanflow.sqlite; runs/ is created)\n"
    "  --no-store               do not write the run store\n"
    "  --csv FILE               also write the run as tidy CSV\n"
    "  --json FILE              also write the run as JSON\n"
    "  Outputs are written whole or not at all (docs/outputs.md).\n"
    "\n"
    "demo: MODEL is 'sim' or 'pc' (Godley & Lavoie, Monetary Economics, chapters 3 and 4).\n"
    "demo options:\n"
    "  --periods N              periods to run (default 60)\n"
    "  --step K                 period whose matrices are printed (default: the last)\n"
    "  --format markdown|csv    format of the matrices (default markdown)\n"
    "  --set NAME=VALUE         set a parameter before the run (e.g. --set G=25)\n"
    "  --shock PERIOD:NAME=VALUE  set a parameter from that period on (e.g. --shock 10:G=25)\n";

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

static bool parse_int(const char *s, int min, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

/* A parameter setting: from `period` on (1 = before the run), NAME takes VALUE. */
typedef struct setting {
    int period;
    char name[64];
    double value;
} setting;

/* Parse "NAME=VALUE" into s. */
static bool parse_assignment(const char *text, setting *s)
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

typedef struct demo_options {
    const char *model;
    int periods, step;
    yf_format format;
    setting settings[MAX_SETTINGS];
    int n_settings;
} demo_options;

static const char *const option_names[] = {"--periods", "--step", "--format", "--set", "--shock"};

static int unknown_option(const char *arg)
{
    int k = names_nearest(arg, option_names, (int)(sizeof option_names / sizeof *option_names));
    if (k >= 0)
        return fail(EXIT_USAGE, "unknown option '%s' (did you mean '%s'?)", arg, option_names[k]);
    return fail(EXIT_USAGE, "unknown option '%s' (see 'yuanflow help')", arg);
}

static int parse_setting(const char *opt, const char *text, demo_options *o)
{
    if (o->n_settings == MAX_SETTINGS)
        return fail(EXIT_USAGE, "too many %s options (at most %d)", opt, MAX_SETTINGS);
    setting *s = &o->settings[o->n_settings];
    s->period = 1;
    const char *assignment = text;
    if (strcmp(opt, "--shock") == 0) {
        const char *colon = strchr(text, ':');
        char num[16];
        size_t n = colon ? (size_t)(colon - text) : 0;
        if (!colon || n == 0 || n >= sizeof num)
            return fail(EXIT_USAGE, "--shock expects PERIOD:NAME=VALUE, got '%s'", text);
        memcpy(num, text, n);
        num[n] = '\0';
        if (!parse_int(num, 1, 100000, &s->period))
            return fail(EXIT_USAGE, "--shock period must be an integer >= 1, got '%s'", num);
        assignment = colon + 1;
    }
    if (!parse_assignment(assignment, s))
        return fail(EXIT_USAGE, "%s expects NAME=VALUE with a number, got '%s'", opt, assignment);
    o->n_settings++;
    return 0;
}

static int parse_demo(int argc, char **argv, demo_options *o)
{
    if (argc < 3)
        return fail(EXIT_USAGE, "demo needs a model name: 'sim' or 'pc'");
    o->model = argv[2];
    o->periods = 60;
    o->step = 0;
    o->format = YF_FORMAT_MARKDOWN;
    o->n_settings = 0;
    for (int i = 3; i < argc; i++) {
        const char *opt = argv[i];
        bool known = false;
        for (size_t k = 0; k < sizeof option_names / sizeof *option_names; k++)
            known |= strcmp(opt, option_names[k]) == 0;
        if (!known)
            return unknown_option(opt);
        if (i + 1 >= argc)
            return fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--periods") == 0) {
            if (!parse_int(val, 1, 100000, &o->periods))
                return fail(EXIT_USAGE, "--periods must be an integer in [1, 100000], got '%s'",
                            val);
        } else if (strcmp(opt, "--step") == 0) {
            if (!parse_int(val, 1, 100000, &o->step))
                return fail(EXIT_USAGE, "--step must be an integer >= 1, got '%s'", val);
        } else if (strcmp(opt, "--format") == 0) {
            if (strcmp(val, "markdown") == 0 || strcmp(val, "md") == 0)
                o->format = YF_FORMAT_MARKDOWN;
            else if (strcmp(val, "csv") == 0)
                o->format = YF_FORMAT_CSV;
            else
                return fail(EXIT_USAGE, "--format must be 'markdown' or 'csv', got '%s'", val);
        } else {
            int rc = parse_setting(opt, val, o);
            if (rc)
                return rc;
        }
    }
    if (o->step == 0)
        o->step = o->periods;
    if (o->step > o->periods)
        return fail(EXIT_USAGE, "--step %d is beyond the %d periods run", o->step, o->periods);
    return 0;
}

static int report_diag(int code, const yf_diag *d)
{
    return fail(code, "%s", d->message);
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
            if (yf_model_series(m, yf_model_series_name(m, j), &v, &n) != YF_OK || n < t)
                return fail(EXIT_RUN_FAILED, "series '%s' is missing", yf_model_series_name(m, j));
            printf(" %.4f |", v[t - 1]);
        }
        printf("\n");
    }
    return 0;
}

static int run_demo(const demo_options *o)
{
    yf_model *m = NULL;
    yf_diag d;
    if (yf_model_new(&m, o->model, &d) != YF_OK)
        return report_diag(EXIT_USAGE, &d);
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
        rc = fail(EXIT_RUN_FAILED, "cannot render the matrices of period %d", o->step);
    if (rc == 0)
        fputs(text, stdout);
    yf_free(text);
    yf_model_free(m);
    return rc;
}

/* ---- yuanflow run ------------------------------------------------------- */

/* Where `yuanflow run` stores its runs unless told otherwise (docs/outputs.md). */
static const char default_store[] = "runs/yuanflow.sqlite";

typedef struct run_options {
    int to_year, households, firms;
    const char *data_dir, *csv_path, *json_path, *store_path; /* store_path NULL: no store */
    const char *scenario_name;
    setting settings[MAX_SETTINGS];
    int n_settings;
} run_options;

static const char *const run_option_names[] = {
    "--to",  "--households", "--firms", "--data",          "--csv",
    "--set", "--store",      "--json",  "--scenario-name", "--no-store"};

enum { RUN_OPT_NO_STORE = 9 }; /* the one option without a value */

/* A scenario name is recorded in every output: printable text, not too long. */
static bool valid_scenario_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 100)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

static int parse_run(int argc, char **argv, run_options *o)
{
    o->to_year = 2035;
    o->households = 100000;
    o->firms = 5000;
    o->data_dir = "data";
    o->csv_path = o->json_path = NULL;
    o->store_path = default_store;
    o->scenario_name = "baseline";
    o->n_settings = 0;
    bool store_given = false, no_store = false;
    for (int i = 2; i < argc; i++) {
        const char *opt = argv[i];
        int n_names = (int)(sizeof run_option_names / sizeof *run_option_names), known = -1;
        for (int k = 0; k < n_names; k++)
            if (strcmp(opt, run_option_names[k]) == 0)
                known = k;
        if (known < 0) {
            int k = names_nearest(opt, run_option_names, n_names);
            return k >= 0 ? fail(EXIT_USAGE, "unknown option '%s' (did you mean '%s'?)", opt,
                                 run_option_names[k])
                          : fail(EXIT_USAGE, "unknown option '%s' (see 'yuanflow help')", opt);
        }
        if (known == RUN_OPT_NO_STORE) {
            no_store = true;
            continue;
        }
        if (i + 1 >= argc)
            return fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        if (known == 0 && !parse_int(val, 2000, 2035, &o->to_year))
            return fail(EXIT_USAGE, "--to must be a year in [2000, 2035], got '%s'", val);
        if (known == 1 && !parse_int(val, 10, 100000000, &o->households))
            return fail(EXIT_USAGE, "--households must be an integer >= 10, got '%s'", val);
        if (known == 2 && !parse_int(val, 5, 10000000, &o->firms))
            return fail(EXIT_USAGE, "--firms must be an integer >= 5, got '%s'", val);
        if (known == 3)
            o->data_dir = val;
        if (known == 4)
            o->csv_path = val;
        if (known == 5) {
            if (o->n_settings == MAX_SETTINGS)
                return fail(EXIT_USAGE, "too many --set options (at most %d)", MAX_SETTINGS);
            setting *st = &o->settings[o->n_settings++];
            if (!parse_assignment(val, st))
                return fail(EXIT_USAGE, "--set expects NAME=VALUE with a number, got '%s'", val);
        }
        if (known == 6) {
            o->store_path = val;
            store_given = true;
        }
        if (known == 7)
            o->json_path = val;
        if (known == 8) {
            if (!valid_scenario_name(val))
                return fail(EXIT_USAGE,
                            "--scenario-name must be 1 to 100 printable characters, got '%s'", val);
            o->scenario_name = val;
        }
    }
    if (no_store && store_given)
        return fail(EXIT_USAGE, "--store and --no-store contradict each other");
    if (no_store)
        o->store_path = NULL;
    return 0;
}

/* Refuse an output path that cannot be written before a long run, not after:
 * its directory must exist and be writable (the default store's runs/ is
 * created here). */
static int check_output_paths(const run_options *o)
{
    const char *paths[] = {o->store_path, o->csv_path, o->json_path};
    for (size_t k = 0; k < sizeof paths / sizeof *paths; k++) {
        if (!paths[k])
            continue;
        yf_diag d;
        if (paths[k] == default_store && output_make_parent_dir(paths[k], &d) != YF_OK)
            return fail(EXIT_USAGE, "%s", d.message);
        if (output_check_path(paths[k], &d) != YF_OK)
            return fail(EXIT_USAGE, "%s", d.message);
    }
    return 0;
}

/* The run's parameters: defaults, then each --set in order (checked). */
static int model_settings(double *param, const run_options *o)
{
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        param[k] = model_param_table[k].value_default;
    for (int k = 0; k < o->n_settings; k++) {
        const setting *st = &o->settings[k];
        int p = model_param_find(st->name);
        if (p < 0) {
            const char *names[N_MODEL_PARAMS];
            for (int j = 0; j < N_MODEL_PARAMS; j++)
                names[j] = model_param_table[j].name;
            int near = names_nearest(st->name, names, N_MODEL_PARAMS);
            return near >= 0 ? fail(EXIT_USAGE, "unknown parameter '%s' (did you mean '%s'?)",
                                    st->name, names[near])
                             : fail(EXIT_USAGE, "unknown parameter '%s'", st->name);
        }
        const model_param_info *info = &model_param_table[p];
        if (!(st->value >= info->min && st->value <= info->max))
            return fail(EXIT_USAGE, "parameter '%s' must be in [%g, %g] (%s), got %g", st->name,
                        info->min, info->max, info->unit, st->value);
        param[p] = st->value;
    }
    return 0;
}

/* Annual value of a monthly series: the sum of flows, the mean of rates, the
 * December value of stocks. */
static double annual(const economy *e, const char *name, int year, char how)
{
    for (int k = 0; k < e->n_series; k++) {
        if (strcmp(e->out[k].name, name) != 0)
            continue;
        int m0 = (year - e->size.start_year) * 12;
        if (m0 < 0 || m0 + 11 >= e->month)
            return NAN;
        const double *v = e->out[k].values + m0;
        if (how == 'd')
            return v[11];
        double s = 0.0;
        for (int j = 0; j < 12; j++)
            s += v[j];
        return how == 's' ? s : s / 12.0;
    }
    return NAN;
}

static void print_run_table(const economy *e)
{
    printf("| year | real GDP growth | CPI inflation | unemployment | consumption/GDP | "
           "household saving | exports $bn | (data) | reserves $bn | (data) | USD/CNY | "
           "policy rate |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (int y = e->size.start_year; y < e->size.start_year + e->month / 12; y++) {
        double g = annual(e, "gdp_real", y, 's') / annual(e, "gdp_real", y - 1, 's') - 1.0;
        double x_data = NAN, r_data = NAN;
        data_annual(e->annual, "exports_gs_usd", y, &x_data);
        data_annual(e->annual, "fx_reserves_excl_gold_usd", y, &r_data);
        printf("| %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.0f | %.0f | %.0f | %.0f | "
               "%.2f | %.2f%% |\n",
               y, 100.0 * g, 100.0 * annual(e, "cpi_inflation", y, 'm'),
               100.0 * annual(e, "unemployment", y, 'm'),
               100.0 * annual(e, "consumption_share", y, 'm'),
               100.0 * annual(e, "household_saving_rate", y, 'm'),
               annual(e, "exports_usd", y, 's') / 1e9, x_data / 1e9,
               annual(e, "fx_reserves_usd", y, 'd') / 1e9, r_data / 1e9,
               annual(e, "usdcny", y, 'm'), 100.0 * annual(e, "policy_rate", y, 'm'));
    }
}

/*
 * Write the finished run: the store, then the CSV and the JSON asked for. The
 * output layer sees a plain description of the run (src/output/output.h), not
 * the economy. A failed output is reported and the others are still written;
 * the exit code is then 1.
 */
static int write_outputs(const economy *e, const double *param, const run_options *o)
{
    output_param params[N_MODEL_PARAMS];
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        params[k] = (output_param){model_param_table[k].name, param[k], model_param_table[k].unit};
    output_series *columns = calloc((size_t)e->n_series, sizeof *columns);
    if (!columns && e->n_series > 0)
        return fail(EXIT_RUN_FAILED, "out of memory writing the outputs");
    for (int k = 0; k < e->n_series; k++)
        columns[k] =
            (output_series){e->out[k].name, e->out[k].unit, e->out[k].doc,
                            output_aggregation_from_unit(e->out[k].unit), e->out[k].values};
    char created[32] = "";
    time_t now = time(NULL);
    const struct tm *utc = gmtime(&now);
    if (utc)
        strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", utc);
    output_run run = {
        .version = YF_VERSION,
        .scenario = o->scenario_name,
        .run = 1,
        .seed = 0, /* the model draws no random numbers yet */
        .households = e->size.households,
        .firms = e->size.firms,
        .start_year = e->size.start_year,
        .start_month = 1,
        .n_months = e->month,
        .params = params,
        .n_params = N_MODEL_PARAMS,
        .series = columns,
        .n_series = e->n_series,
        .created = created[0] ? created : NULL,
    };
    run.scenario_hash = output_scenario_hash(&run);
    char hex[17];
    output_hash_hex(run.scenario_hash, hex);

    int rc = 0;
    yf_diag d;
    if (o->store_path) {
        int64_t id = 0;
        if (output_store_run(&run, o->store_path, &id, &d) != YF_OK)
            rc = fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: stored as run %" PRId64 " in %s (scenario '%s', hash %s)\n",
                    id, o->store_path, run.scenario, hex);
    }
    if (o->csv_path) {
        if (output_write_csv(&run, o->csv_path, &d) != YF_OK)
            rc = fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: wrote %s (tidy CSV)\n", o->csv_path);
    }
    if (o->json_path) {
        if (output_write_json(&run, o->json_path, &d) != YF_OK)
            rc = fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: wrote %s (JSON)\n", o->json_path);
    }
    free(columns);
    return rc;
}

static int run_china(const run_options *o)
{
    economy_size size = {o->households, o->firms, 300, 2000, (o->to_year - 2000 + 1) * 12};
    yf_diag d = {{0}, 0, 0, {0}};
    economy *e = NULL;
    double param[N_MODEL_PARAMS];
    int rc = model_settings(param, o);
    if (rc == 0)
        rc = check_output_paths(o);
    if (rc != 0)
        return rc;
    if (economy_new(&e, &size, o->data_dir, param, &d) != YF_OK) {
        fprintf(stderr, "%s%s\n", d.path[0] ? "" : "yuanflow: error: ", d.message);
        return EXIT_USAGE;
    }
    if (economy_run(e, size.n_months) != YF_OK)
        rc = fail(EXIT_RUN_FAILED, "%s", e->msg);
    if (e->month >= 12)
        print_run_table(e);
    if (rc == 0)
        rc = write_outputs(e, param, o);
    economy_free(e);
    return rc;
}

/* The parameter table, as docs/model.md section 5 shows it. */
static int print_params(void)
{
    printf("| parameter | default | range | unit | meaning | source or calibration target |\n"
           "|---|--:|---|---|---|---|\n");
    for (int k = 0; k < N_MODEL_PARAMS; k++) {
        const model_param_info *p = &model_param_table[k];
        printf("| `%s` | %g | [%g, %g] | %s | %s | %s |\n", p->name, p->value_default, p->min,
               p->max, p->unit, p->doc, p->source);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("yuanflow %s\n", YF_VERSION);
        return 0;
    }
    if (strcmp(cmd, "params") == 0)
        return print_params();
    if (strcmp(cmd, "run") == 0) {
        run_options o;
        int rc = parse_run(argc, argv, &o);
        return rc ? rc : run_china(&o);
    }
    if (strcmp(cmd, "demo") == 0) {
        demo_options o;
        int rc = parse_demo(argc, argv, &o);
        return rc ? rc : run_demo(&o);
    }
    const char *const commands[] = {"run", "params", "demo", "version", "help"};
    int k = names_nearest(cmd, commands, 5);
    if (k >= 0)
        return fail(EXIT_USAGE, "unknown command '%s' (did you mean '%s'?)", cmd, commands[k]);
    return fail(EXIT_USAGE, "unknown command '%s' (see 'yuanflow help')", cmd);
}
