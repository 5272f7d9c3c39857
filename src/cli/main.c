/*
 * main.c: the yuanflow command: a table of commands, one file each (cmd_*.c),
 * and the dispatch. `yuanflow COMMAND --help` prints a command's options.
 *
 * Exit codes: 0 success, 1 the run failed (an accounting or numerical fault,
 * or an output that could not be written), 2 bad input or usage. Errors go to
 * stderr as "yuanflow: error: ..." or "file:line:column: error: ...".
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"
#include "report/report.h"

/* To add a command: write cmd_NAME.c with `int cmd_NAME(int argc, char **argv)`
 * (argv[0] is the command's name; handle --help), declare it in cli.h, add one
 * row here and the file to CMakeLists.txt. */
static const struct command {
    const char *name;
    cli_command_fn run;
    const char *summary;
} commands[] = {
    {"run", cmd_run, "run scenarios of the China model (default: the baseline to 2035)"},
    {"compare", cmd_compare, "run scenarios and compare chosen series at chosen years"},
    {"ensemble", cmd_ensemble,
     "many runs of a scenario over seeds and parameter draws, in parallel (or MPI), "
     "with percentiles"},
    {"explain", cmd_explain,
     "a scenario's effective parameters, events and paths, and their origin"},
    {"list", cmd_list, "list scenarios, series, parameters or events"},
    {"matrices", cmd_matrices, "the balance-sheet and transactions-flow matrices at a date"},
    {"validate", cmd_validate,
     "hold a scenario against the data: fit statistics, simple forecasts, a score"},
    {"calibrate", cmd_calibrate,
     "fit the free parameters to 2000-2018 (simulated moments, NLopt, resumable)"},
    {"report", report_command,
     "an HTML report of stored runs: charts, data, fans, matrices, flows (docs/report.md)"},
    {"params", cmd_params, "the China model's parameters as a markdown table (docs/model.md 5)"},
    {"demo", cmd_demo, "run a textbook model (Godley & Lavoie SIM or PC) on the ledger"},
};

enum { N_COMMANDS = (int)(sizeof commands / sizeof *commands) };

static void print_usage(FILE *out)
{
    fputs("usage: yuanflow COMMAND [arguments]    (yuanflow COMMAND --help for its options)\n\n",
          out);
    for (int k = 0; k < N_COMMANDS; k++)
        fprintf(out, "  %-9s %s\n", commands[k].name, commands[k].summary);
    fputs("  version   the program's version\n"
          "  help      this text\n"
          "\n"
          "Examples:\n"
          "  yuanflow run                                   the baseline: 2000-2024, then to 2035\n"
          "  yuanflow run scenarios/trade_war_escalation.yaml\n"
          "  yuanflow compare scenarios/baseline.yaml scenarios/trade_war_escalation.yaml\n"
          "  yuanflow explain scenarios/trade_truce.yaml\n"
          "  yuanflow list events\n"
          "\n"
          "Exit codes: 0 ok, 1 a run failed, 2 bad input or usage.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("yuanflow %s\n", YF_VERSION);
        return 0;
    }
    const char *names[N_COMMANDS + 2];
    for (int k = 0; k < N_COMMANDS; k++) {
        if (strcmp(cmd, commands[k].name) == 0)
            return commands[k].run(argc - 1, argv + 1);
        names[k] = commands[k].name;
    }
    names[N_COMMANDS] = "version";
    names[N_COMMANDS + 1] = "help";
    int k = names_nearest(cmd, names, N_COMMANDS + 2);
    if (k >= 0)
        return cli_fail(EXIT_USAGE, "unknown command '%s' (did you mean '%s'?)", cmd, names[k]);
    return cli_fail(EXIT_USAGE, "unknown command '%s' (see 'yuanflow help')", cmd);
}
