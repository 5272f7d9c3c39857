/*
 * cmd_calibrate.c: `yuanflow calibrate [SCENARIO.yaml]`: fit the free
 * parameters (src/validate/calibrate.c) to the data of 2000-2018 by the
 * method of simulated moments, in parallel, every evaluation recorded in the
 * run store (a rerun of the same command replays them and continues), and
 * write the best set as a scenario file that extends the one calibrated
 * (docs/validation.md section 6).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/core.h"
#include "output/output.h"
#include "validate/calibrate.h"

static const char usage[] =
    "usage: yuanflow calibrate [SCENARIO.yaml] [options]\n"
    "\n"
    "Fit the free parameters (docs/validation.md 6) of a scenario (default\n"
    "scenarios/history.yaml) to the data: NLopt's BOBYQA minimises the validation score over\n"
    "the window, on the same seeds for every candidate, from several starts in parallel.\n"
    "Every evaluation is recorded in the run store; the same command run again replays the\n"
    "recorded evaluations and continues. The best set is written as a scenario file.\n"
    "options:\n"
    "  --out FILE        the scenario file written (default scenarios/calibrated.yaml)\n"
    "  --store FILE      the run store (default runs/yuanflow.sqlite)\n"
    "  --max-evals N     evaluations per start (default 300)\n"
    "  --starts N        local searches: the scenario's values, then Halton points (default 2)\n"
    "  --jobs N          processes at once (default: the number of cores, at most --starts)\n"
    "  --seeds N         seeds per evaluation, the same for every candidate (default 1)\n"
    "  --from YEAR       first year of the objective (default 2000)\n"
    "  --to YEAR         last year of the objective and of each run (default 2018)\n"
    "  --households N    households per run (default 5000)\n"
    "  --firms N, --data DIR, --set NAME=VALUE   as for 'run' (--set fixes a parameter)\n";

typedef struct calibrate_cli {
    cli_run_options run;
    const char *file, *out, *store;
    int max_evals, starts, jobs, seeds, from, to;
} calibrate_cli;

static int parse(int argc, char **argv, calibrate_cli *o)
{
    cli_run_options_init(&o->run);
    o->file = NULL;
    o->out = NULL;
    o->store = "runs/yuanflow.sqlite";
    o->max_evals = 300;
    o->starts = 2;
    o->jobs = 0;
    o->seeds = 1;
    o->from = 2000;
    o->to = 2018;
    static const char *const names[] = {"--out",        "--store", "--max-evals", "--starts",
                                        "--jobs",       "--seeds", "--from",      "--to",
                                        "--households", "--firms", "--data",      "--set"};
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i], *val;
        int k, rc = cli_one_scenario_arg(argc, argv, &i, &o->run, "calibrate", &o->file, names, 8,
                                         12, &k);
        if (rc || k < 0) {
            if (rc)
                return rc;
            continue;
        }
        if ((rc = cli_option_value(argc, argv, &i, &val)) != 0)
            return rc;
        static const int lo[] = {0, 0, 1, 1, 1, 1, 2000, 2000};
        static const int hi[] = {0, 0, 1000000, 1000, 64, 256, 2100, 2100};
        int *target[] = {NULL,     NULL,      &o->max_evals, &o->starts,
                         &o->jobs, &o->seeds, &o->from,      &o->to};
        if (k == 0)
            o->out = val;
        else if (k == 1)
            o->store = val;
        else if (!cli_parse_int(val, lo[k], hi[k], target[k]))
            return cli_fail(EXIT_USAGE, "%s must be an integer in [%d, %d], got '%s'", opt, lo[k],
                            hi[k], val);
    }
    if (o->to < o->from)
        return cli_fail(EXIT_USAGE, "--from %d is after --to %d", o->from, o->to);
    o->run.to_month = o->to * 12 + 11;
    if (!o->run.households)
        o->run.households = 5000;
    if (!o->jobs) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = cores > 0 ? (int)(cores < 64 ? cores : 64) : 1;
    }
    if (o->jobs > o->starts)
        o->jobs = o->starts;
    return 0;
}

static void progress(void *ctx, int start, int evaluation, double f, double best, bool replayed)
{
    (void)ctx;
    fprintf(stderr, "yuanflow: calibrate: start %d, evaluation %d: %.5f (best %.5f)%s\n", start,
            evaluation, f, best, replayed ? " replayed" : "");
}

/* The path `target` as written in a scenario file in the directory of `from`:
 * its file name when both are in the same directory, else its absolute path. */
static void extends_path(const char *target, const char *from, char *out, size_t size)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!realpath(target, a)) {
        snprintf(out, size, "%s", target);
        return;
    }
    char *slash = strrchr(a, '/');
    char dir_from[PATH_MAX];
    snprintf(dir_from, sizeof dir_from, "%s", from);
    char *s2 = strrchr(dir_from, '/');
    if (s2)
        *s2 = '\0';
    else
        snprintf(dir_from, sizeof dir_from, ".");
    if (slash && realpath(dir_from, b) && (size_t)(slash - a) == strlen(b) &&
        strncmp(a, b, strlen(b)) == 0)
        snprintf(out, size, "%s", slash + 1);
    else
        snprintf(out, size, "%s", a);
}

int cmd_calibrate(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    calibrate_cli o;
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    if ((rc = cli_check_data(o.run.data_dir)) != 0)
        return rc;
    char dir[512], history[600], out_default[600];
    cli_scenarios_dir(o.run.data_dir, dir, sizeof dir);
    snprintf(history, sizeof history, "%s/history.yaml", dir);
    snprintf(out_default, sizeof out_default, "%s/calibrated.yaml", dir);
    const char *out = o.out ? o.out : out_default;
    yf_diag d = {{0}, 0, 0, {0}};
    if (output_check_path(out, &d) != YF_OK)
        return cli_report(EXIT_USAGE, &d);
    char *file = (char *)(o.file ? o.file : history);
    scenario *s = NULL;
    if ((rc = cli_load_scenarios(&file, 1, &s)) != 0)
        return rc;
    if (o.run.to_month > s->to || o.from * 12 < s->from) {
        rc = cli_fail(EXIT_USAGE, "--from %d --to %d is not within scenario '%s' (%d to %d)",
                      o.from, o.to, s->name, s->from / 12, s->to / 12);
        scenario_free(s);
        return rc;
    }
    /* The base parameters: the scenario's, then each --set (which also fixes
     * that parameter: it leaves the free list). */
    calibrate_model m;
    memset(&m, 0, sizeof m);
    scenario_params(s, m.base);
    for (int k = 0; k < o.run.n_settings; k++) {
        const cli_setting *st = &o.run.settings[k];
        int p = model_param_find(st->name);
        if (p < 0) {
            const char *names[N_MODEL_PARAMS];
            for (int j = 0; j < N_MODEL_PARAMS; j++)
                names[j] = model_param_table[j].name;
            int near = names_nearest(st->name, names, N_MODEL_PARAMS);
            rc = near >= 0 ? cli_fail(EXIT_USAGE, "unknown parameter '%s' (did you mean '%s'?)",
                                      st->name, names[near])
                           : cli_fail(EXIT_USAGE, "unknown parameter '%s'", st->name);
            scenario_free(s);
            return rc;
        }
        const model_param_info *info = &model_param_table[p];
        if (!(st->value >= info->min && st->value <= info->max)) {
            rc = cli_fail(EXIT_USAGE, "parameter '%s' must be in [%g, %g] (%s), got %g", st->name,
                          info->min, info->max, info->unit, st->value);
            scenario_free(s);
            return rc;
        }
        m.base[p] = st->value;
    }
    const char *names[N_MODEL_PARAMS];
    double lo[N_MODEL_PARAMS], hi[N_MODEL_PARAMS], x0[N_MODEL_PARAMS];
    for (int i = 0; i < calibrate_n_free_params; i++) {
        const calibrate_free_param *f = &calibrate_free_params[i];
        int p = model_param_find(f->name);
        bool fixed = false;
        for (int k = 0; k < o.run.n_settings; k++)
            fixed = fixed || strcmp(o.run.settings[k].name, f->name) == 0;
        if (p < 0 || fixed)
            continue;
        names[m.n] = f->name;
        lo[m.n] = f->lo;
        hi[m.n] = f->hi;
        x0[m.n] = m.base[p];
        m.index[m.n++] = p;
    }
    if (m.n == 0) {
        /* (calibrate_run would refuse it as "invalid argument") */
        scenario_free(s);
        return cli_fail(EXIT_USAGE,
                        "every free parameter is fixed by --set: nothing to calibrate (the free "
                        "parameters: docs/validation.md 6)");
    }
    char path[600];
    snprintf(path, sizeof path, "%s/china_annual.csv", o.run.data_dir);
    data_set *annual = NULL;
    yf_status loaded = data_load(&annual, path, &d);
    if (loaded != YF_OK) { /* out of memory is no bad input (exit 1) */
        scenario_free(s);
        return cli_report(loaded == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, &d);
    }
    int64_t seeds[256];
    for (int k = 0; k < o.seeds; k++)
        seeds[k] = (int64_t)s->seed.value + k;
    m.scenario = s;
    m.size = (validate_run_size){o.run.households, o.run.firms, o.run.to_month, 0, o.run.data_dir};
    m.annual = annual;
    m.from = o.from;
    m.to = o.to;
    m.n_seeds = o.seeds;
    m.seeds = seeds;
    char description[256];
    snprintf(description, sizeof description,
             "%s, %d-%d, %d households, %d seed%s, %d free parameters", s->name, o.from, o.to,
             o.run.households, o.seeds, o.seeds > 1 ? "s" : "", m.n);
    /* The store's directory (runs/ by default) is made only now, after every
     * check of the input: bad input changes nothing. */
    if (output_make_parent_dir(o.store, &d) != YF_OK || output_check_path(o.store, &d) != YF_OK) {
        data_free(annual);
        scenario_free(s);
        return cli_report(EXIT_USAGE, &d);
    }
    calibrate_problem prob = {m.n, names, lo,         hi, x0, calibrate_model_objective,
                              &m,  0,     description};
    prob.key = calibrate_model_key(&m, &prob);
    if (prob.key == 0) {
        data_free(annual);
        scenario_free(s);
        return cli_fail(EXIT_RUN_FAILED, "out of memory");
    }
    char key[17];
    output_hash_hex(prob.key, key);
    fprintf(stderr,
            "yuanflow: calibrate %s: %d free parameters, %d start%s in %d process%s, up to %d "
            "evaluations each; calibration %s in %s\n",
            description, m.n, o.starts, o.starts > 1 ? "s" : "", o.jobs, o.jobs > 1 ? "es" : "",
            o.max_evals, key, o.store);
    calibrate_options co = {o.store, o.starts, o.jobs, o.max_evals, progress, NULL};
    calibrate_result res;
    yf_status st = calibrate_run(&prob, &co, &res, &d);
    if (st != YF_OK) {
        rc = st == YF_ERR_IO
                 ? cli_report(EXIT_RUN_FAILED, &d)
                 : cli_fail(EXIT_RUN_FAILED, "calibration failed: %s", yf_status_string(st));
    } else if (isnan(res.best_f)) {
        rc = cli_fail(EXIT_RUN_FAILED, "no evaluation was recorded (%d of %d starts failed)",
                      res.n_failed_starts, o.starts);
    } else {
        /* The scenario file: the calibrated one extended, the best point as
         * its parameters. */
        strbuf b;
        strbuf_init(&b);
        char parent[PATH_MAX];
        extends_path(file, out, parent, sizeof parent);
        strbuf_printf(
            &b,
            "# Written by `yuanflow calibrate` (docs/validation.md 6): the free parameters\n"
            "# fitted to %d-%d by the method of simulated moments.\n"
            "# calibration %s (%s)\n"
            "# objective (validation score %d-%d): %.6f; %d evaluations recorded\n",
            o.from, o.to, key, description, o.from, o.to, res.best_f, res.n_recorded);
        strbuf_printf(&b, "name: calibrated\nextends: %s\n", parent);
        strbuf_printf(&b,
                      "description: >\n  %s with its free parameters fitted to the data of "
                      "%d-%d (yuanflow calibrate).\nparameters:\n",
                      s->name, o.from, o.to);
        for (int i = 0; i < m.n; i++)
            strbuf_printf(&b, "  %s: %.10g\n", names[i], res.best_x[i]);
        char *text = strbuf_take(&b);
        if (!text)
            rc = cli_fail(EXIT_RUN_FAILED, "out of memory");
        else if (output_write_file(out, text, strlen(text), &d) != YF_OK)
            rc = cli_report(EXIT_RUN_FAILED, &d);
        yf_mem_free(text);
        if (rc == 0) {
            printf("| parameter | start | calibrated | bounds |\n|---|--:|--:|---|\n");
            for (int i = 0; i < m.n; i++)
                printf("| `%s` | %.6g | %.6g | [%g, %g] |\n", names[i], x0[i], res.best_x[i], lo[i],
                       hi[i]);
            printf("\nobjective (validation score %d-%d): %.6f\n", o.from, o.to, res.best_f);
            printf("evaluations: %d run now, %d replayed from the store, %d recorded in all\n",
                   res.n_new, res.n_replayed, res.n_recorded);
            if (res.n_failed_starts)
                printf("%d start%s stopped on an error\n", res.n_failed_starts,
                       res.n_failed_starts > 1 ? "s" : "");
            fprintf(stderr, "yuanflow: best set written to %s\n", out);
            /* The set is the best of what was recorded, but a search did not
             * finish (out of memory, a store that refused it): not a success. */
            if (res.n_failed_starts)
                rc = cli_fail(EXIT_RUN_FAILED,
                              "%d of %d starts stopped on an error, so the best set written is "
                              "that of the others; run the same command again to complete them",
                              res.n_failed_starts, o.starts);
        }
    }
    yf_mem_free(res.best_x);
    data_free(annual);
    scenario_free(s);
    return rc;
}
