/*
 * cmd_list.c: `yuanflow list scenarios|series|parameters|events` and
 * `yuanflow params` (the parameter table of docs/model.md section 5, which
 * tests/test_params.c and tools/calibrate_history.py read).
 */
#define _POSIX_C_SOURCE 200809L /* opendir */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"
#include "output/output.h"

static const char usage[] =
    "usage: yuanflow list scenarios|series|parameters|events [--data DIR]\n"
    "\n"
    "  scenarios    the shipped scenario files (scenarios/ beside the data directory)\n"
    "  series       the output series with their units and annual rule\n"
    "  parameters   every model parameter: default, range, unit, meaning, source\n"
    "  events       the event kinds a scenario may date, with their arguments\n"
    "options:\n"
    "  --data DIR   the shipped data (default data); scenarios/ is beside it\n";

static const char params_usage[] =
    "usage: yuanflow params\n"
    "\n"
    "The China model's parameters as the markdown table of docs/model.md section 5.\n";

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

int cmd_params(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(params_usage, stdout);
        return 0;
    }
    if (argc > 1)
        return cli_fail(EXIT_USAGE, "params takes no arguments, got '%s'", argv[1]);
    return print_params();
}

static int print_events(void)
{
    printf("| event | what it stands for | arguments (parameter written, range, unit) |\n"
           "|---|---|---|\n");
    for (int k = 0; k < scenario_n_event_kinds; k++) {
        const scenario_event_kind *ev = &scenario_event_kinds[k];
        printf("| `%s` | %s | ", ev->name, ev->doc);
        if (ev->any_param)
            printf("any parameter by name: `NAME: VALUE` (see `yuanflow list parameters`)");
        for (int a = 0; a < ev->n_args; a++) {
            const model_param_info *p = &model_param_table[ev->args[a].param];
            printf("%s`%s`%s → `%s`, [%g, %g] %s", a ? "; " : "", ev->args[a].name,
                   ev->args[a].required ? "" : " (optional)", p->name, p->min, p->max, p->unit);
        }
        if (ev->date_param >= 0)
            printf("%sits month → `%s`", ev->n_args ? "; " : "",
                   model_param_table[ev->date_param].name);
        printf(" |\n");
    }
    printf("\nEvery event has `date: YYYY-MM` and may have `until: YYYY-MM` (its parameters "
           "then return to their earlier values), `id:` and `source:` (docs/scenarios.md).\n");
    return 0;
}

static int print_series(const char *data_dir)
{
    economy_size size = {.households = 10, .firms = 5, .cities = 300, .start_year = 2000, .n_months = 1};
    economy *e = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    if (economy_new(&e, &size, data_dir, NULL, &d) != YF_OK)
        return cli_report(EXIT_USAGE, &d);
    printf("| series | unit | annual value | meaning |\n|---|---|---|---|\n");
    for (int k = 0; k < e->n_series; k++)
        printf("| `%s` | %s | %s | %s |\n", e->out[k].name, e->out[k].unit,
               output_aggregation_name(output_aggregation_from_unit(e->out[k].unit)),
               e->out[k].doc);
    economy_free(e);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int print_scenarios(const char *data_dir)
{
    char dir[512];
    cli_scenarios_dir(data_dir, dir, sizeof dir);
    DIR *d = opendir(dir);
    if (!d)
        return cli_fail(EXIT_USAGE, "cannot list '%s': no such directory (it is beside --data)",
                        dir);
    char *names[256];
    int n = 0;
    for (struct dirent *f; (f = readdir(d)) != NULL && n < 256;) {
        size_t len = strlen(f->d_name);
        if (len > 5 && strcmp(f->d_name + len - 5, ".yaml") == 0 && f->d_name[0] != '.')
            names[n++] = yf_strdup(f->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    int rc = 0;
    printf("| scenario | file | extends | horizon | description |\n|---|---|---|---|---|\n");
    for (int k = 0; k < n; k++) {
        char path[800];
        snprintf(path, sizeof path, "%s/%s", dir, names[k] ? names[k] : "");
        scenario *s = NULL;
        yf_diag diag = {{0}, 0, 0, {0}};
        if (!names[k] || scenario_load(&s, path, &diag) != YF_OK) {
            printf("| ? | `%s` | | | cannot load: see the error below |\n", path);
            rc = cli_report(EXIT_USAGE, &diag);
            yf_mem_free(names[k]);
            continue;
        }
        char from[16], to[16];
        scenario_month_label(s->from, from, sizeof from);
        scenario_month_label(s->to, to, sizeof to);
        char desc[400];
        snprintf(desc, sizeof desc, "%s", s->description);
        desc[strcspn(desc, "\n")] = '\0';
        printf("| %s | `%s` | %s | %s to %s | %s |\n", s->name, path,
               s->n_files > 1 ? s->files[1] : "", from, to, desc);
        scenario_free(s);
        yf_mem_free(names[k]);
    }
    return rc;
}

int cmd_list(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    static const char *const what[] = {"scenarios", "series", "parameters", "events"};
    const char *data_dir = "data", *kind = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0) {
            if (i + 1 >= argc)
                return cli_fail(EXIT_USAGE, "option '--data' needs a value");
            data_dir = argv[++i];
        } else if (argv[i][0] == '-') {
            static const char *const options[] = {"--data"};
            return cli_unknown_option(argv[i], options, 1);
        } else if (kind) {
            return cli_fail(EXIT_USAGE, "list takes one of scenarios, series, parameters, events");
        } else {
            kind = argv[i];
        }
    }
    if (!kind)
        return cli_fail(EXIT_USAGE, "list what? scenarios, series, parameters or events");
    int k = 0;
    while (k < 4 && strcmp(kind, what[k]) != 0)
        k++;
    switch (k) {
    case 0:
        return print_scenarios(data_dir);
    case 1:
        return print_series(data_dir);
    case 2:
        return print_params();
    case 3:
        return print_events();
    default: {
        int near = names_nearest(kind, what, 4);
        return near >= 0
                   ? cli_fail(EXIT_USAGE, "cannot list '%s' (did you mean '%s'?)", kind, what[near])
                   : cli_fail(EXIT_USAGE,
                              "cannot list '%s': scenarios, series, parameters or events", kind);
    }
    }
}
