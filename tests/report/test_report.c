/*
 * test_report.c: the numbers behind `yuanflow report` (src/report,
 * docs/report.md), checked against values worked out by hand:
 *   - percentiles of an ensemble (numpy's default "linear" rule);
 *   - the units the charts show (shares in %, money by magnitude);
 *   - the Sankey split of a transactions-flow matrix, pro rata within rows;
 *   - the annual matrices made from monthly ledger snapshots;
 *   - the store read back: annual values, matrices, a version 1 store, refusals;
 *   - the command end to end on a synthetic store: the page holds the chart
 *     library and the JSON, with the charts, bands, data line, differences,
 *     net lending and matrices the runs call for; bad input gives exit code 2.
 * The browser test (tests/report/browser_test.js) checks what is drawn.
 */
#define _POSIX_C_SOURCE 200809L

#include <json-c/json.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "harness.h"
#include "ledger/chart.h"
#include "model/params.h"
#include "output/output.h"
#include "report/ledger_years.h"
#include "report/report.h"

static char workdir[256];

static void path_in(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", workdir, name);
}

/* ---- percentiles ------------------------------------------------------------- */

static void test_percentile(void)
{
    /* numpy.percentile([1, 2, 3, 4], [5, 25, 50, 75, 95]) = 1.15 1.75 2.5 3.25 3.85 */
    const double x[] = {1, 2, 3, 4};
    CHECK_REL(report_percentile(x, 4, 0.05), 1.15, 1e-12);
    CHECK_REL(report_percentile(x, 4, 0.25), 1.75, 1e-12);
    CHECK_REL(report_percentile(x, 4, 0.50), 2.5, 1e-12);
    CHECK_REL(report_percentile(x, 4, 0.75), 3.25, 1e-12);
    CHECK_REL(report_percentile(x, 4, 0.95), 3.85, 1e-12);
    CHECK(report_percentile(x, 4, 1.0) == 4.0 && report_percentile(x, 4, 0.0) == 1.0);
    CHECK(report_percentile(x, 1, 0.95) == 1.0);
    CHECK(isnan(report_percentile(x, 0, 0.5)));
}

/* ---- units ---------------------------------------------------------------------- */

static void
check_display(const char *unit, double max_abs, double scale, const char *label, bool percent)
{
    report_display d;
    report_display_unit(unit, max_abs, &d);
    CHECK_REL(d.scale, scale, 1e-15);
    CHECK(strcmp(d.label, label) == 0 && d.percent == percent);
    if (strcmp(d.label, label) != 0)
        fprintf(stderr, "  '%s' -> '%s', expected '%s'\n", unit, d.label, label);
}

static void test_units(void)
{
    check_display("share of GDP", 0.4, 100.0, "% of GDP", true);
    check_display("fraction per year", 0.1, 100.0, "% per year", true);
    check_display("fraction of the labour force", 0.05, 100.0, "% of the labour force", true);
    check_display("yuan per year", 2.2e13, 1e-12, "trillion yuan per year", false);
    check_display("2000 yuan per year", 1.5e13, 1e-12, "trillion yuan at 2000 prices per year",
                  false);
    /* A wage of 19,928 yuan a year reads 19.9 thousand (not 1.99). */
    check_display("yuan per worker per year", 19928.0, 1e-3, "thousand yuan per worker per year",
                  false);
    check_display("yuan per worker per year", 9500.0, 1.0, "yuan per worker per year", false);
    check_display("dollars", 3.9e12, 1e-12, "trillion dollars", false);
    check_display("dollars per year", 2.5e11, 1e-9, "billion dollars per year", false);
    check_display("yuan per dollar", 8.28, 1.0, "yuan per dollar", false);
    check_display("index, 2000-01 = 1", 1.3, 1.0, "index, 2000-01 = 1", false);

    report_series flow = {"x", "yuan per month", "", "sum", NULL};
    report_series rate = {"y", "yuan per month", "", "mean", NULL};
    report_series wage = {"w", "yuan per worker per month", "", "sum", NULL};
    char unit[128];
    report_annual_unit(&flow, unit, sizeof unit);
    CHECK(strcmp(unit, "yuan per year") == 0);
    report_annual_unit(&rate, unit, sizeof unit);
    CHECK(strcmp(unit, "yuan per month") == 0);
    report_annual_unit(&wage, unit, sizeof unit);
    CHECK(strcmp(unit, "yuan per worker per year") == 0);
}

/* ---- the Sankey split -------------------------------------------------------------- */

/* Four sectors A B C D; rows (payers negative, payees positive):
 *   wages     A -100, B +60, C +40     -> A>B 60, A>C 40
 *   taxes     A -30, B -10, C +40      -> A>C 30, B>C 10
 *   interest  A -60, B -40, C +70, D +30
 *             -> A>C 60*70/100 = 42, A>D 18, B>C 28, B>D 12
 *   change_deposits A +1000, C -1000   -> a change in stocks: dropped
 * Links: A>B 60; A>C 40+30+42 = 112 (parts 42, 40, 30); A>D 18; B>C 38; B>D 12. */
static char *sk_rows[] = {"wages", "taxes", "interest", "change_deposits"};
static char *sk_labels[] = {"wages", "taxes", "interest", "Δ deposits"};
static char *sk_cols[] = {"A", "B", "C", "D"};
static int64_t sk_values[] = {-100, 60,  40, 0,  -30,  -10, 40,    0,
                              -60,  -40, 70, 30, 1000, 0,   -1000, 0};

static void test_sankey(void)
{
    report_matrix m = {4, 4, sk_rows, sk_labels, sk_cols, sk_values};
    report_link *links = NULL;
    int n = 0;
    CHECK(report_sankey(&m, &links, &n) == YF_OK);
    CHECK_EQ_I64(n, 5);

    const struct {
        int p, q;
        double amount;
    } want[] = {{0, 1, 60}, {0, 2, 112}, {0, 3, 18}, {1, 2, 38}, {1, 3, 12}};

    for (int k = 0; k < n && k < 5; k++) {
        CHECK(links[k].payer == want[k].p && links[k].payee == want[k].q);
        CHECK_REL(links[k].amount, want[k].amount, 1e-12);
    }
    if (n >= 2) {
        CHECK_EQ_I64(links[1].n_parts, 3);
        CHECK(links[1].parts[0].row == 2 && links[1].parts[1].row == 0 &&
              links[1].parts[2].row == 1);
        CHECK_REL(links[1].parts[0].amount, 42.0, 1e-12);
    }
    report_sankey_free(links, n);

    json_object *j = NULL;
    CHECK(report_sankey_json(&m, 0.1, &j) == YF_OK);
    /* Links under 10% of the 240 in all (18 and 12) are left out and counted. */
    CHECK_EQ_I64(json_object_array_length(json_object_object_get(j, "links")), 3);
    CHECK_EQ_I64(json_object_get_int(json_object_object_get(j, "dropped_links")), 2);
    CHECK_REL(json_object_get_double(json_object_object_get(j, "total")), 240e-9, 1e-9);
    json_object *nodes = json_object_object_get(j, "nodes");
    CHECK_EQ_I64(json_object_array_length(nodes), 4); /* payers A B; payees B C */
    CHECK(strcmp(json_object_get_string(
                     json_object_object_get(json_object_array_get_idx(nodes, 0), "name")),
                 "p:A") == 0);
    json_object_put(j);
}

/* ---- annual matrices from monthly snapshots ------------------------------------------ */

static ledger_snapshot snap;

static void test_ledger_years(void)
{
    ledger_years *ly = NULL;
    CHECK(ledger_years_new(&ly, &chart_china, 2000, 2) == YF_OK);
    if (!ly)
        return;
    int n = -1;
    ledger_years_matrices(ly, &n);
    CHECK_EQ_I64(n, 0);
    /* Month m of the run: households' deposits m (stock), consumption -m for
     * households and +m for firms (flow), households' deposits change +1 by
     * transactions, other change 2 on capital. */
    memset(&snap, 0, sizeof snap);
    snap.chart = &chart_china;
    for (int m = 1; m <= 24; m++) {
        snap.stock[I_DEPOSITS][HH] = m;
        snap.flow[F_CONSUMPTION][HH] = -m;
        snap.flow[F_CONSUMPTION][FIRM] = m;
        snap.change_tx[I_DEPOSITS][HH] = 1;
        snap.change_other[I_CAPITAL][FIRM] = 2;
        CHECK(ledger_years_add(ly, &snap, 2000 + (m - 1) / 12, (m - 1) % 12 + 1) == YF_OK);
    }
    const output_matrix *mx = ledger_years_matrices(ly, &n);
    CHECK_EQ_I64(n, 6);
    if (n == 6) {
        int nc = chart_china.n_sectors;
        /* 2001: December's stock 24; consumption 13 + ... + 24 = 222; Δ deposits
         * -12 (a use of funds); other changes 24. */
        const output_matrix *bs = &mx[3], *fl = &mx[4], *oc = &mx[5];
        CHECK(bs->kind == OUTPUT_BALANCE_SHEET && bs->year == 2001 && bs->month == 0);
        CHECK_EQ_I64(bs->values[I_DEPOSITS * nc + HH], 24);
        int n_financial = 0; /* one "change in" row each */
        for (int i = 0; i < chart_china.n_instruments; i++)
            n_financial += chart_china.instruments[i].kind == INSTRUMENT_FINANCIAL;
        CHECK(fl->kind == OUTPUT_FLOWS && fl->n_rows == chart_china.n_flows + n_financial);
        CHECK_EQ_I64(fl->values[F_CONSUMPTION * nc + HH], -222);
        CHECK_EQ_I64(fl->values[F_CONSUMPTION * nc + FIRM], 222);
        int change_deposits = chart_china.n_flows; /* the first financial instrument */
        CHECK(strcmp(fl->row_codes[change_deposits], "change_deposits") == 0);
        CHECK(strcmp(fl->row_labels[change_deposits], "Δ bank deposits") == 0);
        CHECK_EQ_I64(fl->values[change_deposits * nc + HH], -12);
        CHECK(oc->kind == OUTPUT_OTHER_CHANGES);
        CHECK_EQ_I64(oc->values[I_CAPITAL * nc + FIRM], 24);
        /* 2000: 1 + ... + 12 = 78. */
        CHECK_EQ_I64(mx[1].values[F_CONSUMPTION * nc + FIRM], 78);
        CHECK(strcmp(mx[0].columns[HH], "HH") == 0);
    }
    /* Out of order, another chart, an overflow. */
    CHECK(ledger_years_add(ly, &snap, 2002, 2) == YF_ERR_ARGUMENT);
    ledger_years_free(ly);
    CHECK(ledger_years_new(&ly, &chart_china, 2000, 1) == YF_OK);
    snap.flow[F_CONSUMPTION][FIRM] = INT64_MAX;
    CHECK(ledger_years_add(ly, &snap, 2000, 1) == YF_OK);
    CHECK(ledger_years_add(ly, &snap, 2000, 2) == YF_ERR_OVERFLOW);
    ledger_years_free(ly);
    ledger_years_free(NULL);
}

/* ---- a synthetic store ------------------------------------------------------------------ */

/* 2000-01 to 2002-12 (36 months). gdp_real grows 1% a month from 100;
 * cpi_inflation is 0.02 + scale/100; the net lending of the five sectors
 * sums to zero; a stock in yuan. */
enum { SM = 36, SN = 9 };

static double sv[4][SN][SM];
static output_series ss[4][SN];
static const char *const snames[SN] = {"gdp_real",
                                       "cpi_inflation",
                                       "net_lending_households",
                                       "net_lending_firms",
                                       "net_lending_government",
                                       "net_lending_finance",
                                       "net_lending_row",
                                       "m2",
                                       "unemployment"};
static const char *const sunits[SN] = {"2000 yuan per month",
                                       "fraction per year",
                                       "share of GDP",
                                       "share of GDP",
                                       "share of GDP",
                                       "share of GDP",
                                       "share of GDP",
                                       "yuan",
                                       "fraction of the labour force"};
static output_param sparams[4][2];

static output_run synthetic_run(int k, const char *scenario, double shift, int households)
{
    for (int s = 0; s < SN; s++) {
        for (int m = 0; m < SM; m++) {
            double v = 0.0;
            switch (s) {
            case 0:
                v = 100.0 * pow(1.01, m) * (1.0 + shift);
                break;
            case 1:
                v = 0.02 + shift;
                break;
            case 2:
                v = 0.05;
                break;
            case 3:
                v = -0.03 - shift;
                break;
            case 4:
                v = -0.01;
                break;
            case 5:
                v = shift;
                break;
            case 6:
                v = -0.01;
                break;
            case 7:
                v = 1e13 * (1 + m);
                break;
            default:
                v = 0.04;
            }
            sv[k][s][m] = v;
        }
        ss[k][s] = (output_series){snames[s], sunits[s], "",
                                   output_aggregation_from_unit(sunits[s]), sv[k][s]};
    }
    /* A parameter at this yuanflow's default: not listed by the report. */
    sparams[k][0] = (output_param){model_param_table[0].name, model_param_table[0].value_default,
                                   model_param_table[0].unit};
    sparams[k][1] = (output_param){"policy_rate_offset", -shift, "per year"};
    output_run run = {.version = "9.9.9",
                      .scenario = scenario,
                      .run = 1,
                      .households = households,
                      .firms = 10,
                      .start_year = 2000,
                      .start_month = 1,
                      .n_months = SM,
                      .params = sparams[k],
                      .n_params = 2,
                      .series = ss[k],
                      .n_series = SN};
    run.scenario_hash = output_scenario_hash(&run);
    return run;
}

/* The store: runs 1, 2 "base" (an ensemble: two sizes), run 3 "alt", run 4
 * "base" again, identical to run 1 (a repeat: the report keeps run 4, the
 * newer). Runs 1, 3 and 4 have matrices for 2000..2002 (a 2 x 2 flows
 * matrix: HH pays F 5). */
static char *m_rows_c[] = {"wages", "change_deposits"};
static const char *m_rows[] = {"wages", "change_deposits"};
static const char *m_labels[] = {"wages", "Δ deposits"};
static const char *m_cols[] = {"HH", "F"};
static int64_t m_flow[] = {5, -5, -5, 5};
static int64_t m_bs[] = {7, -7, 0, 0};
static output_matrix mats[9];

static void make_store(const char *path)
{
    for (int y = 0; y < 3; y++) {
        mats[3 * y] = (output_matrix){
            OUTPUT_BALANCE_SHEET, 2000 + y, 0, 2, 2, m_rows, m_labels, m_cols, m_bs};
        mats[3 * y + 1] =
            (output_matrix){OUTPUT_FLOWS, 2000 + y, 0, 2, 2, m_rows, m_labels, m_cols, m_flow};
        mats[3 * y + 2] = (output_matrix){
            OUTPUT_OTHER_CHANGES, 2000 + y, 0, 2, 2, m_rows, m_labels, m_cols, m_bs};
    }
    yf_diag d;
    int64_t id;
    output_run r1 = synthetic_run(0, "base", 0.0, 100);
    r1.matrices = mats;
    r1.n_matrices = 9;
    CHECK(output_store_run(&r1, path, &id, &d) == YF_OK && id == 1);
    output_run r2 = synthetic_run(1, "base", 0.002, 200);
    CHECK(output_store_run(&r2, path, &id, &d) == YF_OK && id == 2);
    output_run r3 = synthetic_run(2, "alt", 0.01, 100);
    r3.matrices = mats;
    r3.n_matrices = 9;
    CHECK(output_store_run(&r3, path, &id, &d) == YF_OK && id == 3);
    output_run r4 = synthetic_run(3, "base", 0.0, 100);
    r4.matrices = mats;
    r4.n_matrices = 9;
    CHECK(output_store_run(&r4, path, &id, &d) == YF_OK && id == 4);
}

static void test_store_read(const char *path)
{
    report_store *st = NULL;
    yf_diag d;
    CHECK(report_store_open(&st, path, &d) == YF_OK);
    if (!st)
        return;
    CHECK_EQ_I64(report_store_version(st), OUTPUT_STORE_SCHEMA_VERSION);
    report_run r;
    CHECK(report_store_load_run(st, 3, &r, &d) == YF_OK);
    CHECK(strcmp(r.scenario, "alt") == 0 && r.first_year == 2000 && r.n_years == 3);
    const report_series *g = report_run_series(&r, "gdp_real");
    /* 2001: sum over m = 12..23 of 100 * 1.01^m * 1.01. */
    double want = 0.0;
    for (int m = 12; m < 24; m++)
        want += 100.0 * pow(1.01, m) * 1.01;
    CHECK(g && fabs(g->values[1] - want) < 1e-9 * want);
    const report_series *m2 = report_run_series(&r, "m2");
    CHECK(m2 && m2->values[2] == 36e13); /* December 2002, month 36 */
    CHECK(r.n_params == 2 && strcmp(r.params[1].name, "policy_rate_offset") == 0);
    CHECK(report_store_load_matrices(st, &r, 2001, &d) == YF_OK);
    CHECK(r.flows.n_rows == 2 && r.flows.n_cols == 2 && r.flows.values[1] == -5 &&
          strcmp(r.flows.row_codes[1], "change_deposits") == 0 &&
          strcmp(r.flows.columns[1], "F") == 0);
    CHECK(r.balance_sheet.values[0] == 7);
    int lo, hi;
    CHECK(report_store_matrix_years(st, 3, &lo, &hi, &d) == YF_OK && lo == 2000 && hi == 2002);
    CHECK(report_store_matrix_years(st, 2, &lo, &hi, &d) == YF_OK && hi == 0);
    report_run_release(&r);
    CHECK(report_store_load_run(st, 99, &r, &d) == YF_ERR_UNKNOWN_NAME);
    int64_t *ids = NULL;
    int n = 0;
    CHECK(report_store_scenario_runs(st, "base", &ids, &n, &d) == YF_OK && n == 3 && ids[2] == 4);
    yf_mem_free(ids);
    report_store_close(st);
    (void)m_rows_c;
}

/* A store of schema version 1 reads without matrices; a newer one, another
 * program's database and a missing file are refused. */
/* What a store of schema version 1 is: no matrices, no ensemble tables. */
#define V1_SQL                                                                                    \
    "DROP TABLE ensemble_percentiles; DROP TABLE ensemble_runs; DROP TABLE ensembles;"            \
    "DROP TABLE matrices; PRAGMA user_version = 1"

static void test_store_versions(const char *path)
{
    char copy[512], cmd[1200];
    path_in(copy, sizeof copy, "v1.sqlite");
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, copy);
    CHECK(system(cmd) == 0);
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(copy, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, V1_SQL, NULL, NULL, NULL) ==
          SQLITE_OK);
    sqlite3_close(db);
    report_store *st = NULL;
    yf_diag d;
    CHECK(report_store_open(&st, copy, &d) == YF_OK);
    report_run r;
    int lo = -1, hi = -1;
    CHECK(st && report_store_load_run(st, 1, &r, &d) == YF_OK);
    CHECK(st && report_store_load_matrices(st, &r, 2001, &d) == YF_OK && r.flows.n_rows == 0);
    CHECK(st && report_store_matrix_years(st, 1, &lo, &hi, &d) == YF_OK && hi == 0);
    report_run_release(&r);
    report_store_close(st);

    db = NULL;
    CHECK(sqlite3_open(copy, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "PRAGMA user_version = 4", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(report_store_open(&st, copy, &d) == YF_ERR_ARGUMENT);
    CHECK(strstr(d.message, "schema version is 4") != NULL);

    path_in(copy, sizeof copy, "other.sqlite");
    CHECK(sqlite3_open(copy, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(report_store_open(&st, copy, &d) == YF_ERR_ARGUMENT);
    CHECK(strstr(d.message, "not a yuanflow run store") != NULL);
    /* A run store whose runs have lost their scenario column: the runs are
     * listed, the scenarios cannot be, and the message says why (the report
     * asks for them to suggest a name). */
    path_in(copy, sizeof copy, "no_scenarios.sqlite");
    CHECK(sqlite3_open(copy, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "PRAGMA application_id = 1497779287; PRAGMA user_version = 3;"
                       "CREATE TABLE runs (id INTEGER PRIMARY KEY); INSERT INTO runs VALUES (1);",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(report_store_open(&st, copy, &d) == YF_OK);
    int64_t *ids = NULL;
    int n_ids = 0;
    CHECK(st && report_store_run_ids(st, &ids, &n_ids, &d) == YF_OK && n_ids == 1);
    yf_mem_free(ids);
    char **names = NULL;
    int n_names = 0;
    CHECK(st && report_store_scenarios(st, &names, &n_names, &d) == YF_ERR_IO);
    CHECK(strstr(d.message, "cannot read run store '") != NULL);
    CHECK(strstr(d.message, "': cannot list the scenarios: no such column: scenario") != NULL);
    CHECK(names == NULL && n_names == 0);
    report_store_close(st);
    path_in(copy, sizeof copy, "missing.sqlite");
    CHECK(report_store_open(&st, copy, &d) == YF_ERR_IO);
    CHECK(access(copy, F_OK) != 0); /* not created */
}

/* ---- the command ------------------------------------------------------------------------ */

static int run_report(int n, const char **args)
{
    char *argv[32];
    argv[0] = "report";
    for (int k = 0; k < n && k < 30; k++)
        argv[k + 1] = (char *)args[k];
    argv[n + 1] = NULL;
    return report_command(n + 1, argv);
}

static json_object *chart_by_id(json_object *root, const char *id)
{
    json_object *sections = json_object_object_get(root, "sections");
    for (size_t s = 0; s < json_object_array_length(sections); s++) {
        json_object *charts =
            json_object_object_get(json_object_array_get_idx(sections, s), "charts");
        for (size_t c = 0; c < json_object_array_length(charts); c++) {
            json_object *ch = json_object_array_get_idx(charts, c);
            if (strcmp(json_object_get_string(json_object_object_get(ch, "id")), id) == 0)
                return ch;
        }
    }
    return NULL;
}

static double at(json_object *arr, size_t k)
{
    json_object *v = json_object_array_get_idx(arr, k);
    return v ? json_object_get_double(v) : NAN;
}

/* The JSON inside the page (written with every '<' as \u003c). */
static json_object *page_json(const char *html_path, char **out_html)
{
    FILE *f = fopen(html_path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = calloc((size_t)size + 1, 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        free(text);
        return NULL;
    }
    fclose(f);
    const char *open = "<script type=\"application/json\" id=\"yf-data\">";
    char *start = strstr(text, open), *end = start ? strstr(start, "</script>") : NULL;
    json_object *root = NULL;
    if (start && end) {
        *end = '\0';
        root = json_tokener_parse(start + strlen(open));
        *end = '<';
    }
    *out_html = text;
    return root;
}

static void test_command(const char *store, const char *data_dir)
{
    char out[512];
    path_in(out, sizeof out, "report.html");
    const char *args[] = {"--store", store,    "--scenarios", "base,alt", "--out",
                          out,       "--data", data_dir,      "--year",   "2001"};
    CHECK_EQ_I64(run_report(10, args), 0);
    char *html = NULL;
    json_object *root = page_json(out, &html);
    CHECK(root != NULL);
    if (!root) {
        free(html);
        return;
    }
    /* Offline: the chart library is in the file; nothing is fetched. */
    CHECK(strstr(html, "echarts") && strstr(html, "Apache") && !strstr(html, "<script src"));
    free(html);
    /* The repeat (run 1, older than run 4) is dropped: base = runs 2, 4 (an
     * ensemble), alt = 3. */
    json_object *sc = json_object_object_get(root, "scenarios");
    CHECK_EQ_I64(json_object_array_length(sc), 2);
    CHECK_EQ_I64(
        json_object_array_length(json_object_object_get(json_object_array_get_idx(sc, 0), "runs")),
        2);
    CHECK(json_object_get_boolean(
        json_object_object_get(json_object_array_get_idx(sc, 0), "ensemble")));

    /* Real GDP growth: 1.01^12 - 1 = 12.68% in 2001 for both base runs; bands
     * of the ensemble; the data line from the data file, in %. */
    json_object *g = chart_by_id(root, "gdp_growth");
    CHECK(g != NULL);
    if (g) {
        json_object *lines = json_object_object_get(g, "lines");
        CHECK_EQ_I64(json_object_array_length(lines), 2);
        json_object *base = json_object_object_get(json_object_array_get_idx(lines, 0), "values");
        CHECK(json_object_get_type(json_object_array_get_idx(base, 0)) == json_type_null);
        CHECK_REL(at(base, 1), 100.0 * (pow(1.01, 12) - 1.0), 1e-5);
        CHECK(strcmp(json_object_get_string(json_object_object_get(g, "unit")), "% per year") == 0);
        CHECK_EQ_I64(json_object_array_length(json_object_object_get(g, "bands")), 2);
        json_object *data = json_object_object_get(g, "data");
        CHECK_EQ_I64(json_object_array_length(data), 1);
        json_object *d0 = json_object_array_get_idx(data, 0);
        CHECK(d0 && strcmp(json_object_get_string(json_object_object_get(d0, "series")),
                           "gdp_real_growth") == 0);
        CHECK(d0 && strstr(json_object_get_string(json_object_object_get(d0, "source")),
                           "World Bank") != NULL);
        /* data/china_annual.csv: 8.49% growth in 2000 (WDI). */
        CHECK(d0 && fabs(at(json_object_object_get(d0, "values"), 0) - 8.49) < 0.05);
    }
    /* CPI inflation: base runs 2% and 2.2% -> median 2.1%, 5-95 band 2.01..2.19;
     * alt 3%. The difference alt - base: 0.9 percentage points. */
    json_object *c = chart_by_id(root, "cpi_inflation");
    if (c) {
        json_object *lines = json_object_object_get(c, "lines");
        CHECK_REL(at(json_object_object_get(json_object_array_get_idx(lines, 0), "values"), 1), 2.1,
                  1e-5);
        CHECK_REL(at(json_object_object_get(json_object_array_get_idx(lines, 1), "values"), 1), 3.0,
                  1e-5);
        json_object *band = json_object_array_get_idx(json_object_object_get(c, "bands"), 0);
        CHECK_REL(at(json_object_object_get(band, "lo"), 1), 2.01, 1e-5);
        CHECK_REL(at(json_object_object_get(band, "hi"), 1), 2.19, 1e-5);
    }
    CHECK(c != NULL);
    json_object *dc = chart_by_id(root, "diff_cpi_inflation");
    CHECK(dc && strcmp(json_object_get_string(json_object_object_get(dc, "unit")),
                       "percentage points") == 0);
    if (dc)
        CHECK_REL(
            at(json_object_object_get(
                   json_object_array_get_idx(json_object_object_get(dc, "lines"), 0), "values"),
               2),
            0.9, 1e-5);
    /* M2 at December: 12e13, 24e13, 36e13 yuan -> trillion yuan. */
    json_object *m2 = chart_by_id(root, "m2");
    CHECK(m2 &&
          strcmp(json_object_get_string(json_object_object_get(m2, "unit")), "trillion yuan") == 0);
    /* Net lending: five stacked series per scenario, summing to zero. */
    json_object *nl = chart_by_id(root, "net_lending_1");
    CHECK(nl &&
          strcmp(json_object_get_string(json_object_object_get(nl, "type")), "stacked_bar") == 0);
    if (nl) {
        json_object *lines = json_object_object_get(nl, "lines");
        CHECK_EQ_I64(json_object_array_length(lines), 5);
        double sum = 0;
        for (size_t k = 0; k < json_object_array_length(lines); k++)
            sum += at(json_object_object_get(json_object_array_get_idx(lines, k), "values"), 1);
        CHECK(fabs(sum) < 1e-9);
    }
    CHECK(chart_by_id(root, "net_lending_2") != NULL);
    /* A theme with none of its series lists them as absent. */
    json_object *sections = json_object_object_get(root, "sections");
    json_object *housing = json_object_array_get_idx(sections, 2);
    CHECK(strcmp(json_object_get_string(json_object_object_get(housing, "id")), "housing") == 0);
    CHECK_EQ_I64(json_object_array_length(json_object_object_get(housing, "charts")), 0);
    CHECK(json_object_array_length(json_object_object_get(housing, "absent")) >= 10);
    /* Parameters: policy_rate_offset differs (0 and -0.002 in base, -0.01 in alt). */
    json_object *params = json_object_object_get(root, "parameters");
    CHECK_EQ_I64(json_object_array_length(params), 1);
    json_object *p0 = json_object_array_get_idx(params, 0);
    CHECK(p0 && strcmp(json_object_get_string(json_object_object_get(p0, "name")),
                       "policy_rate_offset") == 0);
    CHECK(p0 && strcmp(json_object_get_string(
                           json_object_array_get_idx(json_object_object_get(p0, "values"), 0)),
                       "-0.002 to 0") == 0);
    /* The matrices of 2001 for each scenario's first run, with the Sankey:
     * HH pays F 5 in wages; the Δ row is left out. */
    json_object *mx = json_object_object_get(root, "matrices");
    CHECK_EQ_I64(json_object_get_int(json_object_object_get(mx, "year")), 2001);
    json_object *ms = json_object_object_get(mx, "scenarios");
    CHECK_EQ_I64(json_object_array_length(ms), 2);
    json_object *m0 = json_object_array_get_idx(ms, 0);
    if (m0) {
        json_object *links = json_object_object_get(json_object_object_get(m0, "sankey"), "links");
        CHECK_EQ_I64(json_object_array_length(links), 1);
        json_object *bs = json_object_object_get(m0, "balance_sheet");
        json_object *rows = json_object_object_get(bs, "rows");
        CHECK_EQ_I64(json_object_array_length(rows), 3); /* two instruments and net worth */
        json_object *sums = json_object_object_get(json_object_object_get(m0, "flows"), "sums");
        CHECK(at(sums, 0) == 0.0 && at(sums, 1) == 0.0);
    }
    json_object_put(root);

    /* By run ids, the default (the newest run), a single run without data. */
    const char *by_ids[] = {"--store", store, "--runs", "3,1", "--out", out, "--data", data_dir};
    CHECK_EQ_I64(run_report(8, by_ids), 0);
    root = page_json(out, &html);
    free(html);
    sc = root ? json_object_object_get(root, "scenarios") : NULL;
    CHECK(sc && strcmp(json_object_get_string(
                           json_object_object_get(json_object_array_get_idx(sc, 0), "name")),
                       "alt") == 0);
    json_object_put(root);
    const char *newest[] = {"--store", store, "--out", out, "--data", data_dir};
    CHECK_EQ_I64(run_report(6, newest), 0);

    /* Bad input: exit code 2, nothing written over the report. */
    const char *bad[][8] = {
        {"--stroe", store},
        {"--store", store, "--scenarios", "bsae", "--out", out},
        {"--store", store, "--runs", "99", "--out", out},
        {"--store", store, "--runs", "1,x", "--out", out},
        {"--store", store, "--runs", "1", "--scenarios", "base"},
        {"--store", store, "--runs", "1", "--year", "1999", "--out", out},
        {"--store", store, "--runs", "2", "--year", "2001", "--out", out}, /* no matrices */
        {"--store", "no-such.sqlite", "--out", out},
        {"--store", store, "--out", "no-such-dir/r.html"},
        {"--store", store, "--data", "no-such-dir", "--out", out},
    };
    const int n_args[] = {2, 6, 6, 6, 6, 8, 8, 4, 4, 6};
    for (int k = 0; k < (int)(sizeof n_args / sizeof *n_args); k++) {
        int rc = run_report(n_args[k], bad[k]);
        CHECK_EQ_I64(rc, 2);
        if (rc != 2)
            fprintf(stderr, "  bad input %d gave %d\n", k, rc);
    }
    const char *help[] = {"--help"};
    CHECK_EQ_I64(run_report(1, help), 0);
}

static void remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

int main(int argc, char **argv)
{
    const char *data_dir = argc > 1 ? argv[1] : "data";
    snprintf(workdir, sizeof workdir, "%s", "yf_report_test_XXXXXX");
    if (!mkdtemp(workdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_percentile();
    test_units();
    test_sankey();
    test_ledger_years();
    char store[512];
    path_in(store, sizeof store, "runs.sqlite");
    make_store(store);
    test_store_read(store);
    test_store_versions(store);
    test_command(store, data_dir);
    if (harness_failed == 0)
        remove_tree(workdir);
    else
        fprintf(stderr, "files kept in %s\n", workdir);
    return TEST_REPORT();
}
