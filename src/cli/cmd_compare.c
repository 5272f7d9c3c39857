/*
 * cmd_compare.c: `yuanflow compare A.yaml B.yaml ...`: run each scenario (no
 * outputs written) and print a table of chosen series at chosen years side by
 * side, with each scenario's difference from the first.
 *
 * Annual values follow the rule of the series' unit (docs/outputs.md 3): flows
 * summed over the year, rates and prices averaged, stocks at December. Shown:
 * fractions and shares in percent (differences in percentage points), yuan in
 * trillions, dollars in billions, anything else as it is; level differences
 * also in percent of the first scenario.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"
#include "output/output.h"

static const char usage[] =
    "usage: yuanflow compare A.yaml B.yaml ... [options]\n"
    "\n"
    "Run each scenario and print chosen series at chosen years side by side, with the\n"
    "difference of each scenario from the first. Nothing is stored.\n"
    "options:\n"
    "  --series A,B,...    series to show (default gdp_real,cpi_inflation,unemployment,\n"
    "                      exports_usd,usdcny; see 'yuanflow list series')\n"
    "  --years Y1,Y2,...   years to show (default 2025,2030,2035)\n"
    "  --to YEAR, --households N, --firms N, --data DIR, --set NAME=VALUE   as for 'run'\n";

enum { MAX_ITEMS = 32 };

typedef struct compare_options {
    cli_run_options run;
    char *files[CLI_MAX_SCENARIOS];
    int n_files;
    char series_text[1024];
    const char *series[MAX_ITEMS];
    int n_series;
    int years[MAX_ITEMS];
    int n_years;
} compare_options;

/* Split a comma-separated list in place. */
static int split_list(char *text, const char **out, int max)
{
    int n = 0;
    for (char *p = text; p && n < max;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p)
            out[n++] = p;
        p = comma ? comma + 1 : NULL;
    }
    return n;
}

static int parse(int argc, char **argv, compare_options *o)
{
    cli_run_options_init(&o->run);
    o->n_files = 0;
    snprintf(o->series_text, sizeof o->series_text,
             "gdp_real,cpi_inflation,unemployment,exports_usd,usdcny");
    const char *years_text = "2025,2030,2035";
    for (int i = 1; i < argc; i++) {
        int taken = cli_take_run_option(argc, argv, &i, &o->run);
        if (taken < 0)
            return -taken;
        if (taken)
            continue;
        const char *opt = argv[i];
        if (opt[0] != '-') {
            if (o->n_files == CLI_MAX_SCENARIOS)
                return cli_fail(EXIT_USAGE, "too many scenarios (at most %d)", CLI_MAX_SCENARIOS);
            o->files[o->n_files++] = argv[i];
            continue;
        }
        if (strcmp(opt, "--series") != 0 && strcmp(opt, "--years") != 0) {
            static const char *const names[] = {"--series", "--years", "--to", "--households",
                                                "--firms",  "--data",  "--set"};
            return cli_unknown_option(opt, names, 7);
        }
        if (i + 1 >= argc)
            return cli_fail(EXIT_USAGE, "option '%s' needs a value", opt);
        if (strcmp(opt, "--series") == 0)
            snprintf(o->series_text, sizeof o->series_text, "%s", argv[++i]);
        else
            years_text = argv[++i];
    }
    if (o->n_files < 2)
        return cli_fail(EXIT_USAGE, "compare needs at least two scenario files");
    o->n_series = split_list(o->series_text, o->series, MAX_ITEMS);
    if (o->n_series == 0)
        return cli_fail(EXIT_USAGE, "--series needs at least one series name");
    char years_copy[512];
    snprintf(years_copy, sizeof years_copy, "%s", years_text);
    const char *year_items[MAX_ITEMS];
    o->n_years = split_list(years_copy, year_items, MAX_ITEMS);
    if (o->n_years == 0)
        return cli_fail(EXIT_USAGE, "--years needs at least one year");
    for (int k = 0; k < o->n_years; k++)
        if (!cli_parse_int(year_items[k], 2000, 2100, &o->years[k]))
            return cli_fail(EXIT_USAGE, "--years: '%s' is not a year in [2000, 2100]",
                            year_items[k]);
    return 0;
}

/* How a series is shown, from its unit. */
typedef enum { SHOW_PERCENT, SHOW_TRILLION_YUAN, SHOW_BILLION_USD, SHOW_PLAIN } show;

static show show_of(const char *unit)
{
    if (strstr(unit, "fraction") || strstr(unit, "share"))
        return SHOW_PERCENT;
    if (strstr(unit, "yuan per dollar") || strstr(unit, "index"))
        return SHOW_PLAIN;
    if (strstr(unit, "yuan"))
        return SHOW_TRILLION_YUAN;
    if (strstr(unit, "dollars"))
        return SHOW_BILLION_USD;
    return SHOW_PLAIN;
}

/* The unit of the annual value shown; `buf` holds a rewritten unit ("homes per
 * month" summed over a year is "homes per year"). */
static const char *show_unit(show s, output_aggregation a, const char *unit, char *buf, size_t size)
{
    const char *per_month = strstr(unit, "per month");
    switch (s) {
    case SHOW_PERCENT:
        return "%";
    case SHOW_TRILLION_YUAN:
        return a == OUTPUT_SUM ? (strstr(unit, "2000 yuan") ? "tn 2000 yuan/yr" : "tn yuan/yr")
                               : "tn yuan";
    case SHOW_BILLION_USD:
        return a == OUTPUT_SUM ? "$bn/yr" : "$bn";
    default:
        if (a != OUTPUT_SUM || !per_month)
            return unit;
        snprintf(buf, size, "%.*sper year%s", (int)(per_month - unit), unit,
                 per_month + strlen("per month"));
        return buf;
    }
}

static double scaled(show s, double v)
{
    return s == SHOW_PERCENT         ? 100.0 * v
           : s == SHOW_TRILLION_YUAN ? v / 1e12
           : s == SHOW_BILLION_USD   ? v / 1e9
                                     : v;
}

/* The year's value of series k of e by its unit's rule; NaN if the year is not
 * wholly in the run. */
static double annual_value(const economy *e, int k, int year)
{
    int m0 = (year - e->size.start_year) * 12;
    if (m0 < 0 || m0 + 12 > e->month)
        return NAN;
    const double *v = e->out[k].values + m0;
    output_aggregation a = output_aggregation_from_unit(e->out[k].unit);
    if (a == OUTPUT_LAST)
        return v[11];
    double s = 0.0;
    for (int j = 0; j < 12; j++)
        s += v[j];
    return a == OUTPUT_SUM ? s : s / 12.0;
}

/* The index of each --series, checked on a one-month economy before any run
 * (every run has the same series). */
static int find_series(const compare_options *o, int *index)
{
    economy_size size = {
        .households = 10, .firms = 5, .cities = 300, .start_year = 2000, .n_months = 1};
    economy *e = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    if (economy_new(&e, &size, o->run.data_dir, NULL, &d) != YF_OK)
        return cli_report(EXIT_USAGE, &d);
    int rc = 0;
    for (int k = 0; k < o->n_series && rc == 0; k++) {
        if ((index[k] = cli_series_find(e, o->series[k])) >= 0)
            continue;
        const char *names[256];
        int n = e->n_series < 256 ? e->n_series : 256;
        for (int q = 0; q < n; q++)
            names[q] = e->out[q].name;
        int near = names_nearest(o->series[k], names, n);
        rc = near >= 0 ? cli_fail(EXIT_USAGE, "unknown series '%s' (did you mean '%s'?)",
                                  o->series[k], names[near])
                       : cli_fail(EXIT_USAGE, "unknown series '%s' (see 'yuanflow list series')",
                                  o->series[k]);
    }
    economy_free(e);
    return rc;
}

/* Every year asked for must be a whole year of every scenario's run. */
static int check_years(const compare_options *o, scenario *const *s)
{
    for (int k = 0; k < o->n_years; k++)
        for (int j = 0; j < o->n_files; j++) {
            int last = o->run.to_month >= 0 ? o->run.to_month : s[j]->to;
            if (o->years[k] * 12 + 11 > last || o->years[k] * 12 < s[j]->from)
                return cli_fail(EXIT_USAGE,
                                "--years: %d is not a whole year of scenario '%s' "
                                "(%d to %d)",
                                o->years[k], s[j]->name, s[j]->from / 12, last / 12);
        }
    return 0;
}

/* One row of the table: series k (index ik) in `year`, each scenario's value,
 * then each one's difference from the first ("n/a" where a run stopped). */
static void print_row(const compare_options *o, economy *const *e, int ik, int year)
{
    const series *ser = &e[0]->out[ik];
    output_aggregation agg = output_aggregation_from_unit(ser->unit);
    show sh = show_of(ser->unit);
    char unit[128];
    printf("| %s | %s | %d |", ser->name, show_unit(sh, agg, ser->unit, unit, sizeof unit), year);
    double first = scaled(sh, annual_value(e[0], ik, year));
    double v[CLI_MAX_SCENARIOS];
    for (int j = 0; j < o->n_files; j++) {
        v[j] = scaled(sh, annual_value(e[j], ik, year));
        if (isnan(v[j]))
            printf(" n/a |");
        else /* + 0.0: a stock of none reads 0, not -0 */
            printf(sh == SHOW_PERCENT ? " %.2f |" : " %.4g |", v[j] + 0.0);
    }
    for (int j = 1; j < o->n_files; j++) {
        if (isnan(v[j]) || isnan(first))
            printf(" n/a |");
        else if (sh == SHOW_PERCENT)
            printf(" %+.2f pp |", v[j] - first);
        else if (first == 0.0) /* no relative change from nothing */
            printf(" %+.4g |", v[j] - first);
        else
            printf(" %+.4g (%+.1f%%) |", v[j] - first, 100.0 * (v[j] / first - 1.0));
    }
    printf("\n");
}

/* The table: a header, then a row per series and year. */
static void
print_table(const compare_options *o, scenario *const *s, economy *const *e, const int *index)
{
    printf("| series | unit | year |");
    for (int j = 0; j < o->n_files; j++)
        printf(" %s |", s[j]->name);
    for (int j = 1; j < o->n_files; j++)
        printf(" %s − %s |", s[j]->name, s[0]->name);
    printf("\n|---|---|--:|");
    for (int j = 1; j < 2 * o->n_files; j++)
        printf("--:|");
    printf("\n");
    for (int k = 0; k < o->n_series; k++)
        for (int y = 0; y < o->n_years; y++)
            print_row(o, e, index[k], o->years[y]);
}

int cmd_compare(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    compare_options o;
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    scenario *s[CLI_MAX_SCENARIOS];
    if ((rc = cli_check_data(o.run.data_dir)) != 0 ||
        (rc = cli_load_scenarios(o.files, o.n_files, s)) != 0)
        return rc;
    rc = check_years(&o, s);
    int index[MAX_ITEMS];
    if (rc == 0)
        rc = find_series(&o, index);
    /* A run that fails is reported and shown as far as it got (its missing
     * years as "n/a"); the others still run; the exit code is then 1. */
    economy *e[CLI_MAX_SCENARIOS] = {NULL};
    bool failed = false;
    for (int j = 0; j < o.n_files && rc == 0; j++) {
        double param[N_MODEL_PARAMS];
        rc = cli_run_scenario(s[j], &o.run, param, &e[j]);
        if (rc == EXIT_RUN_FAILED && e[j]) {
            failed = true;
            rc = 0;
        }
    }
    if (rc == 0)
        print_table(&o, s, e, index);
    for (int j = 0; j < o.n_files && rc == 0; j++)
        if (e[j] && e[j]->month < e[j]->size.n_months) {
            char month[16];
            scenario_month_label(s[j]->from + e[j]->month, month, sizeof month);
            printf("\n%s stopped in %s (n/a: not reached): %s\n", s[j]->name, month, e[j]->msg);
        }
    for (int j = 0; j < o.n_files; j++) {
        economy_free(e[j]);
        scenario_free(s[j]);
    }
    return rc ? rc : failed ? EXIT_RUN_FAILED : 0;
}
