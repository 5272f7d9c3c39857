/*
 * cmd_explain.c: `yuanflow explain SCENARIO`: what a scenario amounts to after
 * inheritance (its settings, every parameter, its events in the order they
 * apply, its paths), each with the file:line:column it came from. Values equal
 * to the parameter's default are marked "(= default)".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"

static const char usage[] =
    "usage: yuanflow explain SCENARIO.yaml [--changed]\n"
    "\n"
    "The effective settings, parameters, events and paths of a scenario after its\n"
    "'extends:' chain, each with the file:line:column it came from ('default' when no\n"
    "file sets it). A value a file sets equal to the default is marked '(= default)'.\n"
    "options:\n"
    "  --changed    list only the parameters some file sets\n";

static void print_origin(const scenario_origin *o)
{
    if (o->file)
        printf("%s:%d:%d", o->file, o->line, o->column);
    else
        printf("default");
}

/* A parameter value: months from 2000-01 also as a date. */
static void print_value(int p, double v)
{
    const model_param_info *info = &model_param_table[p];
    if (strncmp(info->unit, "month from 2000-01", 18) == 0 && v >= 0.0) {
        char label[16];
        scenario_month_label(SCENARIO_FIRST_MONTH + (int)v, label, sizeof label);
        printf("%s (%g)", label, v);
    } else {
        printf("%g", v);
    }
}

static int compare_by_date(const void *a, const void *b)
{
    const scenario_event *const *x = a, *const *y = b;
    if ((*x)->date != (*y)->date)
        return (*x)->date < (*y)->date ? -1 : 1;
    return *x < *y ? -1 : *x > *y; /* the list's order within a month */
}

static void print_events(const scenario *s)
{
    printf("\n## events, in the order they apply (%d)\n\n", s->n_events);
    if (s->n_events == 0) {
        printf("none\n");
        return;
    }
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers, sized as such */
    const scenario_event **order = malloc(sizeof *order * (size_t)s->n_events);
    if (!order)
        return;
    for (int k = 0; k < s->n_events; k++)
        order[k] = &s->events[k];
    qsort(order, (size_t)s->n_events, sizeof *order, compare_by_date); /* NOLINT: as above */
    printf("| date | until | event | sets | id | from | source |\n|---|---|---|---|---|---|---|\n");
    for (int k = 0; k < s->n_events; k++) {
        const scenario_event *ev = order[k];
        const scenario_event_kind *kind = &scenario_event_kinds[ev->kind];
        char date[16], until[16] = "";
        scenario_month_label(ev->date, date, sizeof date);
        if (ev->until >= 0)
            scenario_month_label(ev->until, until, sizeof until);
        printf("| %s | %s | `%s` | ", date, until, kind->name);
        for (int j = 0; j < ev->n_writes; j++) {
            printf("%s`%s` = ", j ? ", " : "", model_param_table[ev->writes[j].param].name);
            print_value(ev->writes[j].param, ev->writes[j].value);
        }
        if (kind->date_param >= 0) {
            printf("%s`%s` = ", ev->n_writes ? ", " : "", model_param_table[kind->date_param].name);
            print_value(kind->date_param, (double)(ev->date - SCENARIO_FIRST_MONTH));
        }
        printf(" | `%s` | ", ev->id);
        print_origin(&ev->origin);
        printf(" | %s |\n", ev->source ? ev->source : "");
    }
    free(order);
}

static void print_paths(const scenario *s)
{
    printf(
        "\n## paths\n\n| path | unit | points (from each month on) | from |\n|---|---|---|---|\n");
    int n = 0;
    for (int p = 0; p < N_SCENARIO_PATHS; p++) {
        const scenario_path *path = &s->path[p];
        if (!path->set)
            continue;
        n++;
        printf("| `%s` | %s | ", scenario_path_table[p].name, scenario_path_table[p].unit);
        for (int k = 0; k < path->n_points; k++) {
            char date[16];
            scenario_month_label(path->points[k].date, date, sizeof date);
            if (k < 6 || k == path->n_points - 1)
                printf("%s%s: %g", k ? ", " : "", date, path->points[k].value);
            else if (k == 6)
                printf(", ...");
        }
        printf("%s | ", path->replace_data ? " (replaces data)" : "");
        print_origin(&path->origin);
        if (path->csv)
            printf(" (%s)", path->csv);
        printf(" |\n");
    }
    if (n == 0)
        printf("| (none: the world's paths from the data and docs/data.md) | | | |\n");
}

int cmd_explain(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    const char *file = NULL;
    bool changed_only = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--changed") == 0) {
            changed_only = true;
        } else if (argv[i][0] == '-') {
            static const char *const options[] = {"--changed"};
            return cli_unknown_option(argv[i], options, 1);
        } else if (file) {
            return cli_fail(EXIT_USAGE, "explain takes one scenario, got '%s' and '%s'", file,
                            argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (!file)
        return cli_fail(EXIT_USAGE, "explain needs a scenario file (e.g. scenarios/baseline.yaml)");
    scenario *s = NULL;
    int rc = cli_load_scenarios((char **)&file, 1, &s);
    if (rc)
        return rc;
    printf("# scenario '%s' (%s)\n\n", s->name, s->files[0]);
    if (s->description[0])
        printf("%s\n\n", s->description);
    printf("files, child first: ");
    for (int k = 0; k < s->n_files; k++)
        printf("%s%s", k ? " <- " : "", s->files[k]);
    char from[16], to[16];
    scenario_month_label(s->from, from, sizeof from);
    scenario_month_label(s->to, to, sizeof to);
    printf("\n\n| setting | value | from |\n|---|---|---|\n| horizon from | %s | ", from);
    print_origin(&s->from_origin);
    printf(" |\n| horizon to | %s | ", to);
    print_origin(&s->to_origin);
    printf(" |\n| step | month | |\n");

    const struct {
        const char *name;
        const scenario_value *v;
    } settings[] = {{"seed", &s->seed}, {"households", &s->households}, {"firms", &s->firms}};

    for (int k = 0; k < 3; k++) {
        printf("| %s | %.0f | ", settings[k].name, settings[k].v->value);
        print_origin(&settings[k].v->origin);
        printf(" |\n");
    }

    printf(
        "\n## parameters at the start\n\n| parameter | value | unit | from |\n|---|--:|---|---|\n");
    for (int p = 0; p < N_MODEL_PARAMS; p++) {
        const scenario_value *v = &s->param[p];
        if (changed_only && !v->origin.file)
            continue;
        printf("| `%s` | ", model_param_table[p].name);
        print_value(p, v->value);
        if (v->origin.file && v->value == model_param_table[p].value_default)
            printf(" (= default)");
        printf(" | %s | ", model_param_table[p].unit);
        print_origin(&v->origin);
        printf(" |\n");
    }
    print_events(s);
    print_paths(s);
    scenario_free(s);
    return 0;
}
