/*
 * cmd_run.c: `yuanflow run [SCENARIO.yaml ...]`: run scenarios of the China
 * model, print each one's table year by year, and write its outputs (the run
 * store by default; tidy CSV and JSON on request; docs/outputs.md). Without a
 * scenario it runs the shipped baseline (the history, then the rules to 2035).
 */
#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/core.h"
#include "output/output.h"

static const char usage[] =
    "usage: yuanflow run [SCENARIO.yaml ...] [options]\n"
    "\n"
    "Run each scenario (default: the shipped scenarios/baseline.yaml beside the data\n"
    "directory: the history 2000-2024, then the rules to 2035), print its table year by\n"
    "year and add it to the run store. Every scenario file is read and checked before\n"
    "anything runs.\n"
    "\n"
    "options:\n"
    "  --to YEAR                last year to run, 2000..2100 (default: the scenario's horizon)\n"
    "  --households N           household agents (default: the scenario's, 100000)\n"
    "  --firms N                firm agents (default: the scenario's, 5000)\n"
    "  --data DIR               the shipped data (default data)\n"
    "  --set NAME=VALUE         set a parameter from the start (see 'yuanflow list parameters')\n"
    "  --scenario-name NAME     name recorded with the outputs (default: the scenario's 'name')\n"
    "  --store FILE             SQLite run store the runs are added to\n"
    "                           (default runs/yuanflow.sqlite; runs/ is created)\n"
    "  --no-store               do not write the run store\n"
    "  --csv FILE               also write the run as tidy CSV (one scenario)\n"
    "  --json FILE              also write the run as JSON (one scenario)\n"
    "Outputs are written whole or not at all (docs/outputs.md).\n"
    "Threads: OMP_NUM_THREADS=N (default: every core; OMP_WAIT_POLICY=passive on a busy\n"
    "machine); the results are the same bits for any N (docs/performance.md 7).\n"
    "Exit codes: 0 ok, 1 a run or an output failed, 2 bad input or usage.\n";

/* Where `yuanflow run` stores its runs unless told otherwise (docs/outputs.md). */
static const char default_store[] = "runs/yuanflow.sqlite";

typedef struct run_options {
    cli_run_options run;
    const char *csv_path, *json_path, *store_path; /* store_path NULL: no store */
    const char *scenario_name;                     /* NULL: the scenario's name */
    char *files[CLI_MAX_SCENARIOS];
    int n_files;
} run_options;

static const char *const option_names[] = {
    "--to",  "--households", "--firms", "--data",          "--csv",
    "--set", "--store",      "--json",  "--scenario-name", "--no-store"};

enum { N_OPTIONS = 10 };

static int parse(int argc, char **argv, run_options *o)
{
    cli_run_options_init(&o->run);
    o->csv_path = o->json_path = NULL;
    o->store_path = default_store;
    o->scenario_name = NULL;
    o->n_files = 0;
    bool store_given = false, no_store = false;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        int taken = cli_take_run_option(argc, argv, &i, &o->run);
        if (taken < 0)
            return -taken;
        if (taken)
            continue;
        if (opt[0] != '-' || opt[1] == '\0') {
            if (o->n_files == CLI_MAX_SCENARIOS)
                return cli_fail(EXIT_USAGE, "too many scenarios (at most %d)", CLI_MAX_SCENARIOS);
            o->files[o->n_files++] = argv[i];
            continue;
        }
        if (strcmp(opt, "--no-store") == 0) {
            no_store = true;
            continue;
        }
        bool known = strcmp(opt, "--csv") == 0 || strcmp(opt, "--json") == 0 ||
                     strcmp(opt, "--store") == 0 || strcmp(opt, "--scenario-name") == 0;
        if (!known)
            return cli_unknown_option(opt, option_names, N_OPTIONS);
        if (i + 1 >= argc)
            return cli_fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--csv") == 0)
            o->csv_path = val;
        else if (strcmp(opt, "--json") == 0)
            o->json_path = val;
        else if (strcmp(opt, "--store") == 0) {
            o->store_path = val;
            store_given = true;
        } else {
            if (!cli_valid_scenario_name(val))
                return cli_fail(EXIT_USAGE,
                                "--scenario-name must be 1 to 100 printable characters, got '%s'",
                                val);
            o->scenario_name = val;
        }
    }
    if (no_store && store_given)
        return cli_fail(EXIT_USAGE, "--store and --no-store contradict each other");
    if (no_store)
        o->store_path = NULL;
    if (o->n_files > 1 && (o->csv_path || o->json_path))
        return cli_fail(EXIT_USAGE, "--csv and --json write one run: give one scenario, or "
                                    "run them one at a time");
    if (o->n_files > 1 && o->scenario_name)
        return cli_fail(EXIT_USAGE, "--scenario-name names one run: with several scenarios "
                                    "each keeps the name in its file");
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
            return cli_fail(EXIT_USAGE, "%s", d.message);
        if (output_check_path(paths[k], &d) != YF_OK)
            return cli_fail(EXIT_USAGE, "%s", d.message);
    }
    return 0;
}

/* Annual value of a monthly series: the sum of flows, the mean of rates, the
 * December value of stocks. */
static double annual(const economy *e, const char *name, int year, char how)
{
    int k = cli_series_find(e, name);
    if (k < 0)
        return NAN;
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

/* One table cell: the value times `scale` with `decimals` and `suffix`, or "n/a"
 * when there is none (the first year has no growth; data end before 2024). */
static void cell(double value, double scale, int decimals, const char *suffix)
{
    if (isfinite(value))
        printf(" %.*f%s |", decimals, scale * value, suffix);
    else
        printf(" n/a |");
}

static void print_run_table(const economy *e)
{
    printf("| year | real GDP growth | CPI inflation | unemployment | consumption/GDP | "
           "household saving | exports $bn | (data) | reserves $bn | (data) | USD/CNY | "
           "policy rate |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (int y = e->size.start_year; y < e->size.start_year + e->month / 12; y++) {
        double x_data = NAN, r_data = NAN;
        data_annual(e->annual, "exports_gs_usd", y, &x_data);
        data_annual(e->annual, "fx_reserves_excl_gold_usd", y, &r_data);
        printf("| %d |", y);
        cell(annual(e, "gdp_real", y, 's') / annual(e, "gdp_real", y - 1, 's') - 1.0, 100.0, 1,
             "%");
        cell(annual(e, "cpi_inflation", y, 'm'), 100.0, 1, "%");
        cell(annual(e, "unemployment", y, 'm'), 100.0, 1, "%");
        cell(annual(e, "consumption_share", y, 'm'), 100.0, 1, "%");
        cell(annual(e, "household_saving_rate", y, 'm'), 100.0, 1, "%");
        cell(annual(e, "exports_usd", y, 's'), 1e-9, 0, "");
        cell(x_data, 1e-9, 0, "");
        cell(annual(e, "fx_reserves_usd", y, 'd'), 1e-9, 0, "");
        cell(r_data, 1e-9, 0, "");
        cell(annual(e, "usdcny", y, 'm'), 1.0, 2, "");
        cell(annual(e, "policy_rate", y, 'm'), 100.0, 2, "%");
        printf("\n");
    }
}

/*
 * Write the finished run: the store, then the CSV and the JSON asked for. The
 * output layer sees a plain description of the run (src/output/output.h), not
 * the economy. A failed output is reported and the others are still written;
 * the exit code is then 1. The scenario hash covers the parameters and sizes
 * (output_scenario_hash) and the scenario's events and paths.
 */
static int write_outputs(const economy *e,
                         const scenario *s,
                         const double *param,
                         const run_options *o,
                         const ledger_years *years)
{
    output_param params[N_MODEL_PARAMS];
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        params[k] = (output_param){model_param_table[k].name, param[k], model_param_table[k].unit};
    output_series *columns = yf_calloc((size_t)e->n_series, sizeof *columns);
    if (!columns && e->n_series > 0)
        return cli_fail(EXIT_RUN_FAILED, "out of memory writing the outputs");
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
        .scenario = o->scenario_name ? o->scenario_name : s->name,
        .run = 1,
        .seed = (int64_t)s->seed.value,
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
    run.matrices = ledger_years_matrices(years, &run.n_matrices); /* store only */
    run.scenario_hash = scenario_hash_extend(s, output_scenario_hash(&run));
    char hex[17];
    output_hash_hex(run.scenario_hash, hex);

    int rc = 0;
    yf_diag d;
    if (o->store_path) {
        int64_t id = 0;
        if (output_store_run(&run, o->store_path, &id, &d) != YF_OK)
            rc = cli_fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: stored as run %" PRId64 " in %s (scenario '%s', hash %s)\n",
                    id, o->store_path, run.scenario, hex);
    }
    if (o->csv_path) {
        if (output_write_csv(&run, o->csv_path, &d) != YF_OK)
            rc = cli_fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: wrote %s (tidy CSV)\n", o->csv_path);
    }
    if (o->json_path) {
        if (output_write_json(&run, o->json_path, &d) != YF_OK)
            rc = cli_fail(EXIT_RUN_FAILED, "%s", d.message);
        else
            fprintf(stderr, "yuanflow: wrote %s (JSON)\n", o->json_path);
    }
    yf_mem_free(columns);
    return rc;
}

int cmd_run(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    run_options o;
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    char fallback[600];
    if (o.n_files == 0) {
        o.files[0] = (char *)cli_default_scenario(o.run.data_dir, fallback, sizeof fallback);
        o.n_files = 1;
    }
    scenario *s[CLI_MAX_SCENARIOS];
    if ((rc = cli_check_data(o.run.data_dir)) != 0 ||
        (rc = cli_load_scenarios(o.files, o.n_files, s)) != 0)
        return rc;
    /* --to is a year >= 2000 (its December) and every scenario starts in 2000-01
     * (scenario/load.c): the run cannot end before it starts. */
    for (int k = 0; k < o.n_files; k++)
        assert(o.run.to_month < 0 || o.run.to_month >= s[k]->from);
    if (rc == 0)
        rc = check_output_paths(&o);
    for (int k = 0; k < o.n_files && rc == 0; k++) {
        double param[N_MODEL_PARAMS];
        economy *e = NULL;
        /* The store keeps each year's matrices of the ledger (docs/outputs.md 1.3). */
        ledger_years *years = NULL;
        if (o.store_path && ledger_years_new(&years, &chart_china, s[k]->from / 12,
                                             (s[k]->to - s[k]->from) / 12 + 1) != YF_OK) {
            rc = cli_fail(EXIT_RUN_FAILED, "out of memory keeping the matrices");
            break;
        }
        o.run.matrices = years;
        rc = cli_run_scenario(s[k], &o.run, param, &e);
        if (o.n_files > 1 && e)
            printf("%s## %s (%s)\n\n", k ? "\n" : "", s[k]->name, s[k]->files[0]);
        if (e && e->month >= 12)
            print_run_table(e);
        if (rc == 0)
            rc = write_outputs(e, s[k], param, &o, years);
        o.run.matrices = NULL;
        ledger_years_free(years);
        economy_free(e);
    }
    for (int k = 0; k < o.n_files; k++)
        scenario_free(s[k]);
    return rc;
}
