/*
 * test_scenario.c: scenario files (src/scenario, docs/scenarios.md).
 *
 *   - inheritance: tests/scenarios/child.yaml extends parent.yaml; the
 *     expected effective values are read off the two files (comments below);
 *   - events are applied before the month of their date and undone from the
 *     month of their `until`; the model reads the levers (history.c);
 *   - paths are written into the world's arrays from their dates, inline and
 *     from a CSV file, and never over data unless `replace_data: true`;
 *   - every error of docs/scenarios.md 6 with its message and its file, line and
 *     column (counted by hand in the fixture files), and a failed load or a
 *     refused driver changes nothing;
 *   - allocation failures at every allocation of a load;
 *   - every shipped scenario file (scenarios/NAME.yaml) loads, runs (small) past its last event
 *     and balances every month.
 * Usage: test_scenario FIXTURES_DIR SCENARIOS_DIR DATA_DIR
 */
#define _POSIX_C_SOURCE 200809L /* opendir, mkdtemp */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_fault.h"
#include "harness.h"
#include "scenario/scenario.h"

static const char *fixtures, *shipped, *data_dir;

static char *fixture(const char *name)
{
    static char path[8][600];
    static int next;
    char *p = path[next++ % 8];
    snprintf(p, sizeof path[0], "%s/%s", fixtures, name);
    return p;
}

static int month(int year, int m)
{
    return year * 12 + m - 1;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* ---- inheritance and overrides ------------------------------------------ */

static void test_inheritance(void)
{
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(scenario_load(&s, fixture("child.yaml"), &d) == YF_OK);
    if (!s) {
        fprintf(stderr, "%s\n", d.message);
        return;
    }
    /* name and description are the child's own (none: the file name, "") */
    CHECK(strcmp(s->name, "child") == 0);
    CHECK(strcmp(s->description, "") == 0);
    CHECK(s->n_files == 3 && ends_with(s->files[0], "child.yaml") &&
          ends_with(s->files[1], "parent.yaml") && ends_with(s->files[2], "path.csv"));
    /* horizon: from in parent.yaml line 4, to in child.yaml line 3 */
    CHECK(s->from == month(2000, 1) && s->to == month(2002, 6));
    CHECK(ends_with(s->to_origin.file, "child.yaml") && s->to_origin.line == 3);
    CHECK(ends_with(s->from_origin.file, "parent.yaml") && s->from_origin.line == 4);
    /* seed and firms from the parent, households from the child */
    CHECK(s->seed.value == 7 && s->firms.value == 10 && s->households.value == 50);
    /* parameters: c1_top from the parent (line 9, column 11), vat_rate the child's */
    CHECK(s->param[P_c1_top].value == 0.5);
    CHECK(ends_with(s->param[P_c1_top].origin.file, "parent.yaml") &&
          s->param[P_c1_top].origin.line == 9 && s->param[P_c1_top].origin.column == 11);
    CHECK(s->param[P_vat_rate].value == 0.15);
    CHECK(ends_with(s->param[P_vat_rate].origin.file, "child.yaml"));
    CHECK(s->param[P_wage_share_target].value ==
          model_param_table[P_wage_share_target].value_default);
    CHECK(s->param[P_wage_share_target].origin.file == NULL);
    /* events: the parent's 'vat' replaced in place by the child's, the
     * parent's income-tax event kept, its deficit_rule removed, then the
     * child's set and wto_entry */
    CHECK(s->n_events == 4);
    if (s->n_events == 4) {
        CHECK(strcmp(s->events[0].id, "vat") == 0 && s->events[0].date == month(2000, 2));
        CHECK(s->events[0].writes[0].value == 0.55 &&
              ends_with(s->events[0].origin.file, "child.yaml"));
        CHECK(s->events[0].origin.line == 9);
        CHECK(strcmp(s->events[1].id, "income_tax_sharing@2000-04") == 0);
        CHECK(strcmp(s->events[2].id, "set@2000-03") == 0 && s->events[2].until == month(2000, 6));
        CHECK(s->events[2].n_writes == 2);
        CHECK(strcmp(s->events[3].id, "wto_entry@2000-02") == 0);
    }
    /* paths: the child's tariff_eu replaces the parent's; tariff_rest from path.csv */
    const scenario_path *eu = &s->path[PATH_TARIFF_EU], *rest = &s->path[PATH_TARIFF_REST];
    CHECK(eu->set && eu->n_points == 2 && eu->points[0].date == month(2000, 8) &&
          eu->points[1].value == 0.25);
    CHECK(rest->set && rest->n_points == 2 && rest->points[0].date == month(2000, 4) &&
          rest->points[0].value == 0.05 && rest->points[1].value == 0.07);
    CHECK(rest->points[1].origin.line == 3 && ends_with(rest->points[1].origin.file, "path.csv"));
    CHECK(!s->path[PATH_FED_FUNDS].set);
    scenario_free(s);
}

/* ---- events and paths on a run ------------------------------------------ */

static economy *build(const scenario *s)
{
    economy_size size = scenario_economy_size(s);
    double param[N_MODEL_PARAMS];
    scenario_params(s, param);
    economy *e = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    if (economy_new(&e, &size, data_dir, param, &d) != YF_OK) {
        fprintf(stderr, "economy_new: %s\n", d.message);
        exit(2);
    }
    return e;
}

static void test_events_and_paths(void)
{
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    if (scenario_load(&s, fixture("child.yaml"), &d) != YF_OK) {
        CHECK(!"child.yaml loads");
        return;
    }
    economy *e = build(s);
    CHECK(e->size.households == 50 && e->size.firms == 10 && e->size.n_months == 30);
    double eu0[30], rest0[30];
    memcpy(eu0, e->world.tariff[DEST_EU], sizeof eu0);
    memcpy(rest0, e->world.tariff[DEST_REST], sizeof rest0);
    scenario_driver *drv = NULL;
    CHECK(scenario_driver_new(&drv, s, e, &d) == YF_OK);
    if (!drv) {
        fprintf(stderr, "%s\n", d.message);
        return;
    }
    /* tariff_eu: 0.2 from 2000-08 (m = 7), 0.25 from 2000-10 (m = 9);
     * tariff_rest (path.csv): 0.05 from 2000-04 (m = 3), 0.07 from 2000-07 (m = 6) */
    bool eu_ok = true, rest_ok = true;
    for (int m = 0; m < 30; m++) {
        double eu = m < 7 ? eu0[m] : m < 9 ? 0.2 : 0.25;
        double rest = m < 3 ? rest0[m] : m < 6 ? 0.05 : 0.07;
        eu_ok = eu_ok && e->world.tariff[DEST_EU][m] == eu;
        rest_ok = rest_ok && e->world.tariff[DEST_REST][m] == rest;
    }
    CHECK(eu_ok);
    CHECK(rest_ok);
    /* Month by month: the values in force while month m runs (child.yaml):
     *   vat_central_share 0.75 (default) in 2000-01, 0.55 from 2000-02;
     *   income_tax_central_share 0 to 2000-03, 0.3 from 2000-04 (parent);
     *   deficit_ratio and policy_rate_offset: the set event of 2000-03 until
     *     2000-06 (-0.01 and 0.04 in 2000-03..05, the defaults before and after;
     *     the parent's deficit_rule of 2000-05 was removed);
     *   wto_entry_month -1, then 1 (2000-02) with wto_phase_months 12. */
    const double dr = model_param_table[P_deficit_ratio].value_default;
    const double gain = model_param_table[P_wto_gain].value_default;
    bool vat = true, income = true, set = true, wto = true, reads = true;
    for (int m = 0; m < 12; m++) {
        CHECK(scenario_driver_run(drv, 1) == YF_OK);
        const double *p = e->param;
        vat = vat && p[P_vat_central_share] == (m < 1 ? 0.75 : 0.55);
        income = income && p[P_income_tax_central_share] == (m < 3 ? 0.0 : 0.3);
        bool in_set = m >= 2 && m < 5;
        set = set && p[P_deficit_ratio] == (in_set ? 0.04 : dr) &&
              p[P_policy_rate_offset] == (in_set ? -0.01 : 0.0);
        wto = wto && p[P_wto_entry_month] == (m < 1 ? -1.0 : 1.0) &&
              p[P_wto_phase_months] == (m < 1 ? 72.0 : 12.0);
        /* history.c reads the levers: shares as set; access 1 + gain (m - 1) / 12 */
        double access = m < 1 ? 1.0 : 1.0 + gain * fmin(1.0, (m - 1) / 12.0);
        reads = reads && e->m.vat_central_share == p[P_vat_central_share] &&
                e->m.income_tax_central_share == p[P_income_tax_central_share] &&
                fabs(e->m.wto_access - access) < 1e-12;
    }
    CHECK(vat);
    CHECK(income);
    CHECK(set);
    CHECK(wto);
    CHECK(reads);
    CHECK(e->month == 12);
    scenario_driver_free(drv);
    economy_free(e);
    scenario_free(s);
}

/* fed_funds over the data: refused (nothing written) without replace_data,
 * written with it. */
static void test_paths_and_data(void)
{
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(scenario_load(&s, fixture("over_data.yaml"), &d) == YF_OK);
    if (!s)
        return;
    economy *e = build(s);
    double before[24];
    memcpy(before, e->world.fed_funds, sizeof before);
    scenario_driver *drv = (scenario_driver *)&d; /* must become NULL */
    CHECK(scenario_driver_new(&drv, s, e, &d) == YF_ERR_ARGUMENT);
    CHECK(drv == NULL);
    CHECK(memcmp(before, e->world.fed_funds, sizeof before) == 0);
    /* the point's key: line 4, column 15; the data's last month is 2026-01 */
    CHECK(d.line == 4 && d.column == 15 && ends_with(d.path, "over_data.yaml"));
    CHECK(strstr(d.message, "path 'fed_funds' starts in 2001-01, a month with data (the data "
                            "run to 2026-01)") != NULL);
    CHECK(strstr(d.message, "replace_data: true") != NULL);
    economy_free(e);
    scenario_free(s);

    CHECK(scenario_load(&s, fixture("replace_data.yaml"), &d) == YF_OK);
    if (!s)
        return;
    e = build(s);
    memcpy(before, e->world.fed_funds, sizeof before);
    CHECK(scenario_driver_new(&drv, s, e, &d) == YF_OK);
    bool ok = true;
    for (int m = 0; m < 24; m++)
        ok = ok && e->world.fed_funds[m] == (m < 12 ? before[m] : 0.01);
    CHECK(ok);
    scenario_driver_free(drv);
    economy_free(e);
    scenario_free(s);
}

/* Foreign growth: from the first month after the data, Y[m] = Y[m-1] (1+g)^(1/12). */
static void test_growth_path(void)
{
    char dir[] = "/tmp/yf_scenario_XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char path[128];
    snprintf(path, sizeof path, "%s/growth.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("name: growth\nhorizon: {to: 2026-12}\nhouseholds: 10\nfirms: 5\n"
          "paths:\n  foreign_growth_us: {2025-01: -0.03}\n",
          f);
    fclose(f);
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(scenario_load(&s, path, &d) == YF_OK);
    if (s) {
        economy *e = build(s);
        double before[324];
        memcpy(before, e->world.foreign_gdp_usd[DEST_US], sizeof before);
        scenario_driver *drv = NULL;
        CHECK(scenario_driver_new(&drv, s, e, &d) == YF_OK);
        const double *y = e->world.foreign_gdp_usd[DEST_US];
        const int from = 25 * 12; /* 2025-01 */
        bool same = memcmp(before, y, sizeof(double) * (size_t)from) == 0, grows = true;
        for (int m = from; m < 324; m++)
            grows = grows && fabs(y[m] / y[m - 1] - pow(0.97, 1.0 / 12.0)) < 1e-14;
        CHECK(same);
        CHECK(grows);
        scenario_driver_free(drv);
        economy_free(e);
        scenario_free(s);
    }
    remove(path);
    rmdir(dir);
}

/* ---- errors --------------------------------------------------------------- */

/* Load `name`: it must fail with `status` at line:column of the file named
 * `in` (NULL: the fixture itself), with `text` in the message. */
static void expect_error(
    const char *name, yf_status status, const char *in, int line, int column, const char *text)
{
    scenario *s = (scenario *)&status; /* must become NULL */
    yf_diag d = {{0}, 0, 0, {0}};
    yf_status st = scenario_load(&s, fixture(name), &d);
    bool ok = st == status && s == NULL && ends_with(d.path, in ? in : name) && d.line == line &&
              d.column == column && strstr(d.message, text) != NULL;
    if (!ok)
        fprintf(stderr, "%s: status %d, %s:%d:%d: %s\n  expected %d at %d:%d with \"%s\"\n", name,
                (int)st, d.path, d.line, d.column, d.message, (int)status, line, column, text);
    CHECK(ok);
    /* the message starts with the place: "file:line:column: error: " */
    char place[400];
    snprintf(place, sizeof place, "%s:%d:%d: error: ", d.path, d.line, d.column);
    CHECK(line == 0 || strncmp(d.message, place, strlen(place)) == 0);
}

static void test_errors(void)
{
    /* flow mapping cut after its last value: EOF on line 4 */
    expect_error("truncated.yaml", YF_ERR_ARGUMENT, NULL, 4, 1, "the file ends too early");
    expect_error("bad_indent.yaml", YF_ERR_ARGUMENT, NULL, 4, 2, "bad YAML: ");
    expect_error("bad_type.yaml", YF_ERR_ARGUMENT, NULL, 2, 13,
                 "'households' must be a single value, got a list");
    expect_error("unknown_key.yaml", YF_ERR_ARGUMENT, NULL, 2, 1,
                 "unknown key 'evnts' in the scenario (did you mean 'events'?)");
    expect_error("unknown_param.yaml", YF_ERR_ARGUMENT, NULL, 4, 3,
                 "unknown parameter 'c1_botom' (did you mean 'c1_bottom'?)");
    expect_error("unknown_event.yaml", YF_ERR_ARGUMENT, NULL, 3, 28,
                 "unknown event 'vat_splt' (did you mean 'vat_split'?)");
    expect_error("unknown_arg.yaml", YF_ERR_ARGUMENT, NULL, 5, 5,
                 "unknown argument 'central_shar' of event 'vat_split' (did you mean "
                 "'central_share'?)");
    expect_error("unknown_path.yaml", YF_ERR_ARGUMENT, NULL, 3, 3,
                 "unknown path 'tarif_us' in 'paths' (did you mean 'tariff_us'?)");
    expect_error("out_of_range.yaml", YF_ERR_ARGUMENT, NULL, 3, 54,
                 "'central_share' must be in [0, 1] (share of VAT revenue), got 1.5");
    /* the cycle is found at cycle_b.yaml's extends (line 2, column 10) */
    expect_error("cycle_a.yaml", YF_ERR_ARGUMENT, "cycle_b.yaml", 2, 10,
                 "'extends' makes a cycle: ");
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(scenario_load(&s, fixture("cycle_a.yaml"), &d) != YF_OK);
    CHECK(strstr(d.message, "cycle_a.yaml -> ") && strstr(d.message, "cycle_b.yaml -> ") &&
          ends_with(d.message, "cycle_a.yaml"));
    expect_error("outside_horizon.yaml", YF_ERR_ARGUMENT, NULL, 4, 12,
                 "the date of event 'deficit_rule@2040-01' (2040-01) is outside the horizon "
                 "2000-01 to 2030-12");
    expect_error("missing_parent.yaml", YF_ERR_IO, NULL, 2, 10,
                 "no_such_parent.yaml': No such file or directory");
    expect_error("bad_step.yaml", YF_ERR_ARGUMENT, NULL, 2, 7,
                 "'step' must be 'month', got 'quarter' (the model runs month by month");
    expect_error("quoted_number.yaml", YF_ERR_ARGUMENT, NULL, 3, 11,
                 "must be a number, got the text \"0.5\"");
    expect_error("duplicate_key.yaml", YF_ERR_ARGUMENT, NULL, 3, 1,
                 "'seed' appears twice in the scenario (first at line 2)");
    expect_error("bad_date.yaml", YF_ERR_ARGUMENT, NULL, 3, 12,
                 "'date' must be a date YYYY-MM, got '2016-13'");
    expect_error("until_before.yaml", YF_ERR_ARGUMENT, NULL, 3, 28,
                 "'until' (2016-01) must be after 'date' (2016-05)");
    expect_error("missing_arg.yaml", YF_ERR_ARGUMENT, NULL, 3, 5,
                 "event 'stimulus' needs 'months'");
    expect_error("bad_csv.yaml", YF_ERR_ARGUMENT, "bad.csv", 3, 9, "'abc' is not a number");
    expect_error("csv_column.yaml", YF_ERR_ARGUMENT, NULL, 3, 40, "no column 'rst' in ");
    expect_error("csv_column.yaml", YF_ERR_ARGUMENT, NULL, 3, 40, "(did you mean 'rest'?)");
    expect_error("duplicate_id.yaml", YF_ERR_ARGUMENT, NULL, 4, 5,
                 "two events have the id 'set@2001-01' in this file (the other at line 3)");
    expect_error("remove_unknown.yaml", YF_ERR_ARGUMENT, NULL, 3, 17,
                 "no inherited event has the id 'vatt' (did you mean 'vat'?)");
    /* an unreadable file: no line */
    s = (scenario *)&d;
    CHECK(scenario_load(&s, fixture("no_such_file.yaml"), &d) == YF_ERR_IO && s == NULL);
    CHECK(d.line == 0 && strstr(d.message, "no_such_file.yaml: error: cannot read the file: No "
                                           "such file or directory"));
}

/* Write `size` bytes of `text` to a temporary file and load it. */
static yf_status load_text(const char *text, size_t size, yf_diag *d)
{
    char path[] = "/tmp/yf_scenario_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return YF_ERR_IO;
    FILE *f = fdopen(fd, "wb");
    fwrite(text, 1, size, f);
    fclose(f);
    scenario *s = NULL;
    yf_status st = scenario_load(&s, path, d);
    scenario_free(s);
    remove(path);
    return st;
}

/* A partly written file: zero bytes where the writer stopped, or text cut
 * inside a token. */
static void test_partly_written(void)
{
    const char good[] =
        "name: x\nevents:\n  - {date: 2016-05, event: vat_split, central_share: 0.5}\n";
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(load_text(good, sizeof good - 1, &d) == YF_OK);
    /* NUL bytes after line 2 (a file pre-allocated, then cut by a crash) */
    char zeros[sizeof good + 16];
    memcpy(zeros, good, 16); /* "name: x\nevents:\n" */
    memset(zeros + 16, 0, 16);
    CHECK(load_text(zeros, 32, &d) == YF_ERR_ARGUMENT);
    CHECK(d.line == 3 && d.column == 1 && strstr(d.message, "partly written"));
    /* cut at each byte inside the flow mapping: always an error on line 3 or 4 */
    bool all = true;
    for (size_t cut = 20; cut < sizeof good - 3; cut++) {
        yf_status st = load_text(good, cut, &d);
        all = all && st == YF_ERR_ARGUMENT && (d.line == 3 || d.line == 4);
        if (st != YF_ERR_ARGUMENT)
            fprintf(stderr, "cut at %zu loaded: %s\n", cut, d.message);
    }
    CHECK(all);
    /* an empty file */
    CHECK(load_text("", 0, &d) == YF_ERR_ARGUMENT && strstr(d.message, "the file is empty"));
}

/* Every allocation of a load may fail: the load then returns YF_ERR_NOMEM,
 * gives nothing and leaks nothing. */
static void test_alloc_faults(void)
{
    yf_set_allocator(counting_realloc, NULL);
    bool clean = true;
    int failures = 0;
    for (fail_at = 1; fail_at < 2000; fail_at++) {
        calls = live = 0;
        scenario *s = NULL;
        yf_diag d = {{0}, 0, 0, {0}};
        yf_status st = scenario_load(&s, fixture("child.yaml"), &d);
        if (st == YF_OK) {
            scenario_free(s);
            clean = clean && live == 0;
            break;
        }
        failures++;
        clean = clean && st == YF_ERR_NOMEM && s == NULL && live == 0;
    }
    yf_set_allocator(NULL, NULL);
    CHECK(failures > 10);
    CHECK(clean);
}

/* ---- the shipped scenarios ---------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_shipped(void)
{
    DIR *dir = opendir(shipped);
    CHECK(dir != NULL);
    if (!dir)
        return;
    char *names[64];
    int n = 0;
    for (struct dirent *f; (f = readdir(dir)) && n < 64;)
        if (ends_with(f->d_name, ".yaml"))
            names[n++] = strdup(f->d_name);
    closedir(dir);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    CHECK(n >= 5); /* history, baseline and the three trade-war files */
    for (int k = 0; k < n; k++) {
        char path[700];
        snprintf(path, sizeof path, "%s/%s", shipped, names[k]);
        scenario *s = NULL;
        yf_diag d = {{0}, 0, 0, {0}};
        yf_status st = scenario_load(&s, path, &d);
        if (st != YF_OK)
            fprintf(stderr, "%s\n", d.message);
        CHECK(st == YF_OK);
        if (!s) {
            free(names[k]);
            continue;
        }
        /* run, small, to the year after the last event or path point (at least 2001) */
        int last = month(2001, 12);
        for (int j = 0; j < s->n_events; j++)
            last = s->events[j].date > last ? s->events[j].date : last;
        for (int p = 0; p < N_SCENARIO_PATHS; p++)
            for (int j = 0; j < s->path[p].n_points; j++)
                last = s->path[p].points[j].date > last ? s->path[p].points[j].date : last;
        last = (last / 12 + 1) * 12 + 11;
        if (last > s->to)
            last = s->to;
        economy_size size = scenario_economy_size(s);
        size.households = 2000;
        size.firms = 500;
        size.n_months = last - s->from + 1;
        double param[N_MODEL_PARAMS];
        scenario_params(s, param);
        economy *e = NULL;
        scenario_driver *drv = NULL;
        bool ran = economy_new(&e, &size, data_dir, param, &d) == YF_OK &&
                   scenario_driver_new(&drv, s, e, &d) == YF_OK &&
                   scenario_driver_run(drv, size.n_months) == YF_OK && e->month == size.n_months;
        if (!ran)
            fprintf(stderr, "%s: %s %s\n", names[k], d.message, e ? e->msg : "");
        CHECK(ran);
        /* the name is the file's own */
        char expected[128];
        snprintf(expected, sizeof expected, "%.*s", (int)strlen(names[k]) - 5, names[k]);
        CHECK(strcmp(s->name, expected) == 0);
        scenario_driver_free(drv);
        economy_free(e);
        scenario_free(s);
        free(names[k]);
    }
}

/* The hash of a run covers the scenario's events and paths. */
static void test_hash(void)
{
    scenario *a = NULL, *b = NULL, *c = NULL;
    yf_diag d;
    char pa[700], pb[700];
    snprintf(pa, sizeof pa, "%s/baseline.yaml", shipped);
    snprintf(pb, sizeof pb, "%s/trade_war_escalation.yaml", shipped);
    if (scenario_load(&a, pa, &d) == YF_OK && scenario_load(&b, pb, &d) == YF_OK &&
        scenario_load(&c, pa, &d) == YF_OK) {
        CHECK(scenario_hash_extend(a, 1) != scenario_hash_extend(b, 1));
        CHECK(scenario_hash_extend(a, 1) == scenario_hash_extend(c, 1));
        CHECK(scenario_hash_extend(a, 1) != 1); /* the history has events */
    } else {
        CHECK(!"the shipped scenarios load");
    }
    scenario_free(a);
    scenario_free(b);
    scenario_free(c);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: test_scenario FIXTURES_DIR SCENARIOS_DIR DATA_DIR\n");
        return 2;
    }
    fixtures = argv[1];
    shipped = argv[2];
    data_dir = argv[3];
    test_inheritance();
    test_events_and_paths();
    test_paths_and_data();
    test_growth_path();
    test_errors();
    test_partly_written();
    test_alloc_faults();
    test_hash();
    test_shipped();
    return TEST_REPORT();
}
