/*
 * cmd_validate.c: `yuanflow validate [SCENARIO.yaml]`: run a scenario (the
 * history by default) on one or several seeds and hold it against the data
 * (src/validate, docs/validation.md): per matched series the fit statistics,
 * then the out-of-sample years against a random walk and an AR(1) fitted on
 * the data up to the split year, then the summary score. --csv and --json
 * write everything, year by year, for tools.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"
#include "output/output.h"
#include "validate/validate.h"

static const char usage[] =
    "usage: yuanflow validate [SCENARIO.yaml] [options]\n"
    "\n"
    "Run a scenario (default scenarios/history.yaml) and compare its series with the data\n"
    "of data/china_annual.csv, year by year (docs/validation.md): RMSE, bias, correlation,\n"
    "direction of change and turning points per series, the out-of-sample years against a\n"
    "random walk and an AR(1) fitted on the data up to the split, and a summary score\n"
    "(0 is a perfect fit, 1 every scored series off by its tolerance).\n"
    "options:\n"
    "  --seeds N         run N seeds (the scenario's seed, +1, ...) and show the spread\n"
    "                    (median [min, max]) of each statistic (default 1)\n"
    "  --from YEAR       first year compared (default 2000)\n"
    "  --to YEAR         last year compared and run (default 2024)\n"
    "  --split YEAR      last in-sample year: the simple forecasts are fitted on the data\n"
    "                    to this year, later years are out of sample (default 2018)\n"
    "  --detail          also print every year's simulated and actual values\n"
    "  --csv FILE        write the validation as tidy CSV\n"
    "  --json FILE       write it as JSON\n"
    "  --households N, --firms N, --data DIR, --set NAME=VALUE   as for 'run'\n";

enum { MAX_SEEDS = 256 };

typedef struct validate_cli {
    cli_run_options run;
    const char *file;
    int seeds, from, to, split;
    bool detail;
    const char *csv, *json;
} validate_cli;

static int parse(int argc, char **argv, validate_cli *o)
{
    cli_run_options_init(&o->run);
    o->file = NULL;
    o->seeds = 1;
    o->from = 2000;
    o->to = 2024;
    o->split = 2018;
    o->detail = false;
    o->csv = o->json = NULL;
    static const char *const names[] = {"--seeds",  "--from", "--to",   "--split",
                                        "--detail", "--csv",  "--json", "--households",
                                        "--firms",  "--data", "--set"};
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i], *val;
        int k, rc = cli_one_scenario_arg(argc, argv, &i, &o->run, "validate", &o->file, names, 7,
                                         11, &k);
        if (rc || k < 0) {
            if (rc)
                return rc;
            continue;
        }
        if (k == 4) { /* --detail takes no value */
            o->detail = true;
            continue;
        }
        if ((rc = cli_option_value(argc, argv, &i, &val)) != 0)
            return rc;
        switch (k) {
        case 0:
            if (!cli_parse_int(val, 1, MAX_SEEDS, &o->seeds))
                return cli_fail(EXIT_USAGE, "--seeds must be an integer in [1, %d], got '%s'",
                                MAX_SEEDS, val);
            break;
        case 1:
        case 2:
        case 3: {
            int year;
            if (!cli_parse_int(val, 2000, 2100, &year))
                return cli_fail(EXIT_USAGE, "%s must be a year in [2000, 2100], got '%s'", opt,
                                val);
            *(k == 1 ? &o->from : k == 2 ? &o->to : &o->split) = year;
            break;
        }
        case 5:
            o->csv = val;
            break;
        default:
            o->json = val;
        }
    }
    if (o->to < o->from)
        return cli_fail(EXIT_USAGE, "--from %d is after --to %d", o->from, o->to);
    if (o->split < o->from || o->split >= o->to)
        return cli_fail(EXIT_USAGE, "--split %d must be in [%d, %d] (from --from and --to)",
                        o->split, o->from, o->to - 1);
    o->run.to_month = o->to * 12 + 11;
    return 0;
}

/* How a number is shown. */
typedef enum { FMT_2, FMT_SIGNED_2, FMT_PERCENT, FMT_3 } number_format;

static void number(char *out, size_t size, number_format f, double v)
{
    switch (f) {
    case FMT_2:
        snprintf(out, size, "%.2f", v);
        break;
    case FMT_SIGNED_2:
        snprintf(out, size, "%+.2f", v);
        break;
    case FMT_PERCENT:
        snprintf(out, size, "%.0f%%", v);
        break;
    default:
        snprintf(out, size, "%.3f", v);
    }
}

/* "1.23" or, over several seeds, "1.23 [1.10, 1.40]" (median [min, max]). */
static void cell(char *out, size_t size, const double *v, int n, number_format f)
{
    double med = validate_median(v, n);
    if (isnan(med)) {
        snprintf(out, size, "n/a");
        return;
    }
    char a[24], b[24], c[24];
    number(a, sizeof a, f, med);
    if (n == 1) {
        snprintf(out, size, "%s", a);
        return;
    }
    number(b, sizeof b, f, validate_min(v, n));
    number(c, sizeof c, f, validate_max(v, n));
    snprintf(out, size, "%s [%s, %s]", a, b, c);
}

/* One statistic of every seed of series s, into v. */
static void gather(const validate_result *r, const validate_stats *per_seed, int which, double *v)
{
    for (int k = 0; k < r->n_seeds; k++) {
        const validate_stats *st = &per_seed[k];
        v[k] = which == 0   ? st->rmse
               : which == 1 ? st->bias
               : which == 2 ? st->corr
               : which == 3 ? 100.0 * st->direction
                            : NAN;
    }
}

static void print_fit(const validate_result *r)
{
    printf("| series | data series | compared | weight | years | RMSE | bias | correlation | "
           "direction | turning points hit |\n|---|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
    double v[MAX_SEEDS];
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        const validate_match *m = s->match;
        printf("| %s | %s | %s, %s |", m->model, m->data ? m->data : "(none)",
               validate_form_name(m->form), validate_form_unit(m->form));
        if (s->status != VS_COMPARED) {
            printf(" %g | %s | | | | | |\n", m->weight,
                   s->status == VS_NOT_SIMULATED ? "not simulated" : "no data");
            continue;
        }
        char c[4][96];
        for (int w = 0; w < 4; w++) {
            gather(r, s->fit, w, v);
            cell(c[w], sizeof c[w], v, r->n_seeds,
                 w == 1   ? FMT_SIGNED_2
                 : w == 3 ? FMT_PERCENT
                          : FMT_2);
        }
        printf(" %g | %d | %s | %s | %s | %s | %d/%d |\n", m->weight, s->fit[0].n, c[0], c[1], c[2],
               c[3], s->fit[0].turns_hit, s->fit[0].turns);
    }
}

static void print_outsample(const validate_result *r)
{
    int last = r->first_year + r->n_years - 1;
    printf("\nOut of sample, %d-%d: the model against forecasts made from the data of %d-%d\n"
           "(RMSE of the compared quantity; random walk: the %d value held; AR(1) fitted by least "
           "squares)\n\n",
           r->split + 1, last, r->first_year, r->split, r->split);
    printf("| series | compared | years | model | random walk | AR(1) | model beats both |\n"
           "|---|---|--:|--:|--:|--:|:-:|\n");
    double v[MAX_SEEDS];
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        if (s->status != VS_COMPARED || s->n_oos == 0)
            continue;
        gather(r, s->outsample, 0, v);
        char model[96];
        cell(model, sizeof model, v, r->n_seeds, FMT_2);
        double med = validate_median(v, r->n_seeds);
        double rw = *s->rmse_oos_rw, ar = *s->rmse_oos_ar1;
        bool beats = !isnan(med) && (isnan(rw) || med < rw) && (isnan(ar) || med < ar);
        printf("| %s%s | %s | %d | %s | %.2f | %.2f | %s |\n", s->match->model,
               s->match->weight > 0.0 ? "" : " (not scored)", validate_form_name(s->match->form),
               s->n_oos, model, rw, ar, beats ? "yes" : "no");
    }
}

enum { PATHS_MAX_YEARS = 64 }; /* longer windows are not drawn */

/* The path of each compared series as two sparklines, the model's (first seed)
 * beside the data's, on the scale of both together: the fit table's numbers
 * with the shape beside them. */
static void print_trajectories(const validate_result *r)
{
    if (r->n_years > PATHS_MAX_YEARS) {
        printf("\n(Paths not drawn: the window is over %d years.)\n", PATHS_MAX_YEARS);
        return;
    }
    printf("\nPaths, %d-%d (first seed; each series on one scale for model and data, "
           "lowest to highest block; a blank is a year without a value)\n\n"
           "| series | compared | model | data | lowest | highest |\n|---|---|---|---|--:|--:|\n",
           r->first_year, r->first_year + r->n_years - 1);
    char model[3 * PATHS_MAX_YEARS + 1], data[3 * PATHS_MAX_YEARS + 1];
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        if (s->status != VS_COMPARED)
            continue;
        double lo = INFINITY, hi = -INFINITY;
        for (int t = 0; t < r->n_years; t++) {
            const double v[2] = {s->sim[t], s->actual[t]};
            for (int k = 0; k < 2; k++) {
                if (!isnan(v[k])) {
                    lo = fmin(lo, v[k]);
                    hi = fmax(hi, v[k]);
                }
            }
        }
        if (lo > hi || validate_sparkline(s->sim, r->n_years, lo, hi, model, sizeof model) < 0 ||
            validate_sparkline(s->actual, r->n_years, lo, hi, data, sizeof data) < 0)
            continue; /* no value at all */
        printf("| %s | %s | %s | %s | %.2f | %.2f |\n", s->match->model,
               validate_form_name(s->match->form), model, data, lo, hi);
    }
}

static void print_detail(const validate_result *r)
{
    printf("\nYear by year (seed %lld)\n\n| series | year | simulated | actual | error |\n"
           "|---|--:|--:|--:|--:|\n",
           (long long)r->seeds[0]);
    for (int i = 0; i < r->n_series; i++) {
        const validate_series *s = &r->series[i];
        if (s->status != VS_COMPARED)
            continue;
        for (int t = 0; t < r->n_years; t++) {
            double sim = s->sim[t], act = s->actual[t];
            if (isnan(sim) && isnan(act))
                continue;
            printf("| %s | %d |", s->match->model, r->first_year + t);
            printf(isnan(sim) ? " n/a |" : " %.2f |", sim);
            printf(isnan(act) ? " n/a |" : " %.2f |", act);
            printf(isnan(sim) || isnan(act) ? " |\n" : " %+.2f |\n", sim - act);
        }
    }
}

int cmd_validate(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    validate_cli o;
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    if ((rc = cli_check_data(o.run.data_dir)) != 0)
        return rc;
    /* Refuse output paths before any run. */
    yf_diag d = {{0}, 0, 0, {0}};
    if ((o.csv && output_check_path(o.csv, &d) != YF_OK) ||
        (o.json && output_check_path(o.json, &d) != YF_OK))
        return cli_report(EXIT_USAGE, &d);
    char history[600];
    if (!o.file) {
        char dir[512];
        snprintf(history, sizeof history, "%s/history.yaml",
                 cli_scenarios_dir(o.run.data_dir, dir, sizeof dir));
    }
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
    data_set *annual = NULL;
    char path[600];
    snprintf(path, sizeof path, "%s/china_annual.csv", o.run.data_dir);
    yf_status loaded = data_load(&annual, path, &d);
    if (loaded != YF_OK) { /* out of memory is no bad input (exit 1) */
        scenario_free(s);
        return cli_report(loaded == YF_ERR_NOMEM ? EXIT_RUN_FAILED : EXIT_USAGE, &d);
    }
    int64_t seeds[MAX_SEEDS];
    for (int k = 0; k < o.seeds; k++)
        seeds[k] = (int64_t)s->seed.value + k;
    validate_options vo = {o.from, o.to, o.split, o.seeds, seeds};
    validate_result *r = NULL;
    if (validate_result_new(&r, &vo) != YF_OK) {
        data_free(annual);
        scenario_free(s);
        return cli_fail(EXIT_RUN_FAILED, "out of memory");
    }
    snprintf(r->scenario, sizeof r->scenario, "%s", s->name);
    bool failed = false;
    for (int k = 0; k < o.seeds && rc == 0; k++) {
        /* The model draws no random numbers yet: every seed gives the same run
         * (the spread is then zero); the seed is recorded with the results. */
        double param[N_MODEL_PARAMS];
        economy *e = NULL;
        rc = cli_run_scenario(s, &o.run, param, &e);
        if (rc == EXIT_RUN_FAILED && e) {
            failed = true; /* compared as far as it got */
            rc = 0;
        }
        if (rc == 0) {
            r->households = e->size.households;
            r->firms = e->size.firms;
            validate_fill(r, k, e, annual);
        }
        economy_free(e);
    }
    if (rc == 0) {
        validate_finish(r);
        printf("Validation of '%s' against %s, %d-%d (in sample to %d), %d seed%s, %d "
               "households\n\n",
               s->name, path, o.from, o.to, o.split, o.seeds, o.seeds > 1 ? "s" : "",
               r->households);
        print_fit(r);
        print_outsample(r);
        print_trajectories(r);
        if (o.detail)
            print_detail(r);
        char a[96], b[96], c[96];
        cell(a, sizeof a, r->score, r->n_seeds, FMT_3);
        cell(b, sizeof b, r->score_in, r->n_seeds, FMT_3);
        cell(c, sizeof c, r->score_out, r->n_seeds, FMT_3);
        printf("\nSummary score (weighted mean of (RMSE / tolerance)^2 over the scored series; "
               "0 is a perfect fit):\n  %d-%d: %s   in sample %d-%d: %s   out of sample %d-%d: "
               "%s\n",
               o.from, o.to, a, o.from, o.split, b, o.split + 1, o.to, c);
        if (o.csv && validate_write_csv(r, o.csv, &d) != YF_OK)
            rc = cli_report(EXIT_RUN_FAILED, &d);
        else if (o.csv)
            fprintf(stderr, "yuanflow: validation written to %s\n", o.csv);
        if (rc == 0 && o.json && validate_write_json(r, o.json, &d) != YF_OK)
            rc = cli_report(EXIT_RUN_FAILED, &d);
        else if (rc == 0 && o.json)
            fprintf(stderr, "yuanflow: validation written to %s\n", o.json);
    }
    validate_result_free(r);
    data_free(annual);
    scenario_free(s);
    return rc ? rc : failed ? EXIT_RUN_FAILED : 0;
}
