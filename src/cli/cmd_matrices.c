/*
 * cmd_matrices.c: `yuanflow matrices SCENARIO --date YYYY-MM`: run the
 * scenario to that month and print its balance-sheet and transactions-flow
 * matrices (exact yuan, Godley & Lavoie's layout; src/ledger/matrices.c).
 */
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"

static const char usage[] =
    "usage: yuanflow matrices SCENARIO.yaml --date YYYY-MM [options]\n"
    "\n"
    "Run the scenario to the month and print the balance-sheet matrix at its close and\n"
    "the transactions-flow matrix of the month, in exact yuan. Nothing is stored.\n"
    "options:\n"
    "  --date YYYY-MM           the month (required; within the scenario's horizon)\n"
    "  --format markdown|csv    (default markdown)\n"
    "  --households N, --firms N, --data DIR, --set NAME=VALUE   as for 'run'\n";

int cmd_matrices(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    cli_run_options o;
    cli_run_options_init(&o);
    const char *file = NULL, *date = NULL;
    yf_format format = YF_FORMAT_MARKDOWN;
    static const char *const names[] = {"--date",  "--format", "--households",
                                        "--firms", "--data",   "--set"};
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i], *val;
        int k, rc = cli_one_scenario_arg(argc, argv, &i, &o, "matrices", &file, names, 2, 6, &k);
        if (rc || k < 0) {
            if (rc)
                return rc;
            continue;
        }
        if ((rc = cli_option_value(argc, argv, &i, &val)) != 0)
            return rc;
        if (strcmp(opt, "--date") == 0) {
            date = val;
        } else if (strcmp(val, "markdown") == 0 || strcmp(val, "md") == 0) {
            format = YF_FORMAT_MARKDOWN;
        } else if (strcmp(val, "csv") == 0) {
            format = YF_FORMAT_CSV;
        } else {
            return cli_fail(EXIT_USAGE, "--format must be 'markdown' or 'csv', got '%s'", val);
        }
    }
    if (!file)
        return cli_fail(EXIT_USAGE, "matrices needs a scenario file and --date YYYY-MM");
    int month;
    if (!date)
        return cli_fail(EXIT_USAGE, "matrices needs --date YYYY-MM");
    if (!scenario_parse_month(date, &month))
        return cli_fail(EXIT_USAGE, "--date must be YYYY-MM, got '%s'", date);
    scenario *s = NULL;
    int rc = cli_check_data(o.data_dir);
    if (rc == 0)
        rc = cli_load_scenarios((char **)&file, 1, &s);
    if (rc)
        return rc;
    if (month < s->from || month > s->to) {
        char a[16], b[16];
        scenario_month_label(s->from, a, sizeof a);
        scenario_month_label(s->to, b, sizeof b);
        rc = cli_fail(EXIT_USAGE, "--date %s is outside the horizon of '%s', %s to %s", date,
                      s->name, a, b);
    }
    economy *e = NULL;
    double param[N_MODEL_PARAMS];
    o.to_month = month;
    if (rc == 0)
        rc = cli_run_scenario(s, &o, param, &e);
    if (rc == 0) {
        char *text = ledger_matrices_render(&e->snapshot, format);
        if (!text) {
            rc = cli_fail(EXIT_RUN_FAILED, "out of memory rendering the matrices");
        } else {
            if (format == YF_FORMAT_MARKDOWN)
                printf("# scenario '%s', %s: balance sheet at the close and flows of the month "
                       "(yuan)\n\n",
                       s->name, date);
            fputs(text, stdout);
            yf_mem_free(text);
        }
    }
    economy_free(e);
    scenario_free(s);
    return rc;
}
