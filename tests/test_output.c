/*
 * test_output.c: the outputs of a run (src/output, docs/outputs.md).
 *
 * A small synthetic run whose annual values are worked out by hand (written
 * beside each check) is written in each format and read back by independent
 * means: the CSV by a small parser here, the JSON with json-c's parser, the
 * store with SQL queries. Then the guarantees: a write that cannot happen (no
 * directory, a path through a file, a full disk simulated with RLIMIT_FSIZE,
 * a failing transaction, an allocation failure) reports the file and leaves
 * no file or the previous one intact; runs accumulate in one store; the same
 * run gives the same bytes.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc_fault.h"
#include "core/core.h"
#include "harness.h"
#include "output/output.h"

static char workdir[256];

static void path_in(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", workdir, name);
}

static bool contains(const char *text, const char *part)
{
    return strstr(text, part) != NULL;
}

/* ---- the synthetic run -------------------------------------------------------
 * 30 months from 2000-01: two whole years (2000, 2001) and half of 2002.
 *   flow  v[m] = m + 1          "yuan per month"     sum:  2000: 1+...+12 = 78,
 *                                                           2001: 13+...+24 = 222
 *   rate  v[m] = (m + 1) / 100  "fraction per year"  mean: 2000: 0.78/12 = 0.065,
 *                                                           2001: 2.22/12 = 0.185
 *   stock v[m] = 1000 (m + 1)   "yuan"               December: 12000, 24000
 *   odd   awkward numbers and a NaN in March 2000    mean: 2000 missing,
 *         v[m] = -2.5 m from month 6 on                     2001: -2.5 * 17.5 = -43.75
 */
enum { N_MONTHS = 30, N_SERIES = 4, N_PARAMS = 3, N_YEARS = 2 };

static double v_flow[N_MONTHS], v_rate[N_MONTHS], v_stock[N_MONTHS], v_odd[N_MONTHS];
static const char scenario_name[] = "what \"if\", really";
static const char scenario_csv[] = "\"what \"\"if\"\", really\"";

static const double annual_expected[N_SERIES][N_YEARS] = {
    {78.0, 222.0}, {0.065, 0.185}, {12000.0, 24000.0}, {NAN, -43.75}};

static output_series series_fixture[N_SERIES];
static const output_param params_fixture[N_PARAMS] = {
    {"alpha", 0.5, "fraction"}, {"beta", 0.1, "per year"}, {"gamma", -3e-7, ""}};

static output_run fixture(void)
{
    for (int m = 0; m < N_MONTHS; m++) {
        v_flow[m] = m + 1;
        v_rate[m] = (m + 1) / 100.0;
        v_stock[m] = 1000.0 * (m + 1);
        v_odd[m] = -2.5 * m;
    }
    v_odd[0] = 0.1;
    v_odd[1] = 1e300;
    v_odd[2] = NAN;
    v_odd[3] = -0.0;
    v_odd[4] = 5e-324;
    v_odd[5] = 1.0 / 3.0;
    series_fixture[0] = (output_series){"flow", "yuan per month", "a flow", OUTPUT_SUM, v_flow};
    series_fixture[1] = (output_series){"rate", "fraction per year", "a rate", OUTPUT_MEAN, v_rate};
    series_fixture[2] = (output_series){"stock", "yuan", "a stock", OUTPUT_LAST, v_stock};
    series_fixture[3] =
        (output_series){"odd", "index, 2000-01 = 1", "odd numbers", OUTPUT_MEAN, v_odd};
    output_run run = {
        .version = "9.9.9",
        .scenario = scenario_name,
        .run = 1,
        .seed = 7,
        .households = 100,
        .firms = 10,
        .start_year = 2000,
        .start_month = 1,
        .n_months = N_MONTHS,
        .params = params_fixture,
        .n_params = N_PARAMS,
        .series = series_fixture,
        .n_series = N_SERIES,
        .created = "2024-01-02T03:04:05Z",
    };
    run.scenario_hash = output_scenario_hash(&run);
    return run;
}

/* The month label the test expects, computed here. */
static void month_label(int m, char *out, size_t size)
{
    snprintf(out, size, "%04d-%02d", 2000 + m / 12, m % 12 + 1);
}

/* x and y are the same double (NaN equals NaN; -0 differs from +0). */
static bool same(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return x == y && signbit(x) == signbit(y);
}

static bool close_to(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return fabs(x - y) <= 1e-12 * fabs(y);
}

/* ---- helpers and aggregation -------------------------------------------------- */

static void test_units(void)
{
    CHECK(output_aggregation_from_unit("yuan per month") == OUTPUT_SUM);
    CHECK(output_aggregation_from_unit("2000 yuan per month") == OUTPUT_SUM);
    CHECK(output_aggregation_from_unit("dollars per month") == OUTPUT_SUM);
    CHECK(output_aggregation_from_unit("yuan per worker per month") == OUTPUT_SUM);
    CHECK(output_aggregation_from_unit("yuan") == OUTPUT_LAST);
    CHECK(output_aggregation_from_unit("dollars") == OUTPUT_LAST);
    CHECK(output_aggregation_from_unit("yuan per dollar") == OUTPUT_MEAN);
    CHECK(output_aggregation_from_unit("fraction per year") == OUTPUT_MEAN);
    CHECK(output_aggregation_from_unit("share of GDP") == OUTPUT_MEAN);
    CHECK(output_aggregation_from_unit("index, 2000-01 = 1") == OUTPUT_MEAN);
    CHECK(output_aggregation_from_unit(NULL) == OUTPUT_MEAN);
    CHECK(strcmp(output_aggregation_name(OUTPUT_SUM), "sum") == 0);
    CHECK(strcmp(output_aggregation_name(OUTPUT_MEAN), "mean") == 0);
    CHECK(strcmp(output_aggregation_name(OUTPUT_LAST), "last") == 0);
}

static void test_annual(void)
{
    output_run run = fixture();
    int first = 0, n = 0;
    output_annual_years(&run, &first, &n);
    CHECK(first == 2000 && n == 2);
    for (int k = 0; k < N_SERIES; k++)
        for (int y = 0; y < N_YEARS; y++)
            CHECK(close_to(output_annual_value(&run, &series_fixture[k], 2000 + y),
                           annual_expected[k][y]));
    CHECK(output_annual_value(&run, &series_fixture[0], 2000) == 78.0); /* sums are exact */
    CHECK(isnan(output_annual_value(&run, &series_fixture[0], 2002)));  /* half a year */
    CHECK(isnan(output_annual_value(&run, &series_fixture[0], 1999)));

    /* Starting in July 2000, 30 months reach December 2002: whole years 2001
     * (months 6..17, flow 7+...+18 = 150) and 2002 (months 18..29: 19+...+30 = 294). */
    run.start_month = 7;
    output_annual_years(&run, &first, &n);
    CHECK(first == 2001 && n == 2);
    CHECK(output_annual_value(&run, &series_fixture[0], 2001) == 150.0);
    CHECK(output_annual_value(&run, &series_fixture[0], 2002) == 294.0);
    CHECK(output_annual_value(&run, &series_fixture[2], 2001) == 18000.0); /* December */
    /* 11 months: no whole year. */
    run.start_month = 1;
    run.n_months = 11;
    output_annual_years(&run, &first, &n);
    CHECK(n == 0);
}

/* FNV-1a 64 written again here, checked on the published test vectors. */
static uint64_t fnv1a_ref(const char *s)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3u;
    }
    return h;
}

static void test_hash(void)
{
    CHECK(fnv1a_ref("") == 0xcbf29ce484222325u);
    CHECK(fnv1a_ref("a") == 0xaf63dc4c8601ec8cu);
    CHECK(fnv1a_ref("foobar") == 0x85944171f73967e8u);
    output_run run = fixture();
    const char *canonical = "yuanflow scenario 1\nseed=7\nhouseholds=100\nfirms=10\n"
                            "start=2000-01\nmonths=30\nalpha=0.5\nbeta=0.1\ngamma=-3e-07\n";
    char hex[17];
    output_hash_hex(output_scenario_hash(&run), hex);
    char want[17];
    snprintf(want, sizeof want, "%016llx", (unsigned long long)fnv1a_ref(canonical));
    CHECK(strcmp(hex, want) == 0);
    if (strcmp(hex, want) != 0)
        fprintf(stderr, "  hash %s, expected %s\n", hex, want);
    /* The name, version, run and time are labels, not inputs. */
    output_run other = run;
    other.scenario = "another name";
    other.version = "0.0.1";
    other.created = NULL;
    CHECK(output_scenario_hash(&other) == output_scenario_hash(&run));
    output_param changed[N_PARAMS];
    memcpy(changed, params_fixture, sizeof changed);
    changed[1].value = 0.1000000001;
    other.params = changed;
    CHECK(output_scenario_hash(&other) != output_scenario_hash(&run));
    other = run;
    other.households = 101;
    CHECK(output_scenario_hash(&other) != output_scenario_hash(&run));
}

static void test_check(void)
{
    output_run run = fixture();
    yf_diag d;
    CHECK(output_run_check(&run, &d) == YF_OK);
    output_series twice[2] = {series_fixture[0], series_fixture[0]};
    run.series = twice;
    run.n_series = 2;
    CHECK(output_run_check(&run, &d) == YF_ERR_ARGUMENT && contains(d.message, "'flow'"));
    run = fixture();
    run.start_month = 13;
    CHECK(output_run_check(&run, &d) == YF_ERR_ARGUMENT && contains(d.message, "13"));
    /* A writer refuses the run and names the file; nothing is written. */
    char path[512];
    path_in(path, sizeof path, "bad.csv");
    CHECK(output_write_csv(&run, path, &d) == YF_ERR_ARGUMENT);
    CHECK(contains(d.message, "bad.csv") && strcmp(d.path, path) == 0);
    CHECK(access(path, F_OK) != 0);
}

/* What output_run_check refuses, one fault at a time, each with its message
 * (docs/errors.md): the run, its parameters, its series and its matrices. */
static output_matrix refusal_matrix(void)
{
    static const char *const rows[2] = {"deposits", "loans"}, *const labels[2] = {"d", "l"};
    static const char *const cols[2] = {"HH", "B"};
    static const int64_t values[4] = {1, -1, 2, -2};
    return (output_matrix){OUTPUT_BALANCE_SHEET, 2000, 0, 2, 2, rows, labels, cols, values};
}

static void expect_refusal(const output_run *run, const char *want)
{
    yf_diag d = {{0}, 0, 0, {0}};
    bool refused = output_run_check(run, &d) == YF_ERR_ARGUMENT;
    CHECK(refused && strcmp(d.message, want) == 0);
    if (!refused || strcmp(d.message, want) != 0)
        fprintf(stderr, "  got '%s', expected '%s'\n", d.message, want);
}

static void test_refusals(void)
{
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(output_run_check(NULL, &d) == YF_ERR_ARGUMENT &&
          strcmp(d.message, "no run to write") == 0);
    output_run run = fixture();
    run.version = "";
    expect_refusal(&run, "the run has no version or scenario name");
    run = fixture();
    run.start_month = 0;
    expect_refusal(&run, "start month 0 is not in 1..12");
    run = fixture();
    run.n_months = -1;
    expect_refusal(&run, "the run's sizes are out of range");

    output_param params[2] = {params_fixture[0], {"", 1.0, "x"}};
    run = fixture();
    run.params = params;
    run.n_params = 2;
    expect_refusal(&run, "parameter 2 has no name");

    output_series series[2] = {series_fixture[0], series_fixture[1]};
    run = fixture();
    run.series = series;
    run.n_series = 2;
    series[1].name = "";
    expect_refusal(&run, "series 2 has no name");
    series[1] = series_fixture[1];
    series[1].values = NULL;
    expect_refusal(&run, "series 'rate' has no values");
    series[1] = series_fixture[1];
    series[1].aggregation = (output_aggregation)9;
    expect_refusal(&run, "series 'rate' has an unknown aggregation");
    series[1] = series_fixture[0];
    expect_refusal(&run, "series 'flow' appears twice");

    run = fixture();
    run.n_matrices = 1;
    expect_refusal(&run, "the run's matrices are missing");
    output_matrix m[1] = {refusal_matrix()};
    run.matrices = m;
    CHECK(output_run_check(&run, &d) == YF_OK);
    m[0].kind = (output_matrix_kind)9;
    expect_refusal(&run, "matrix 1 has an unknown kind");
    m[0] = refusal_matrix();
    m[0].month = 13;
    expect_refusal(&run, "matrix 1: period 2000-13 is out of range");
    m[0] = refusal_matrix();
    m[0].n_rows = 0;
    expect_refusal(&run, "matrix 1 has no rows, columns or values");
    const char *const no_name[2] = {"deposits", ""}, *const twice[2] = {"HH", "HH"};
    const char *const rows_twice[2] = {"deposits", "deposits"};
    m[0] = refusal_matrix();
    m[0].row_codes = no_name;
    expect_refusal(&run, "matrix 1: row 2 has no name");
    m[0].row_codes = rows_twice;
    expect_refusal(&run, "matrix 1: row 'deposits' appears twice");
    m[0] = refusal_matrix();
    m[0].columns = no_name;
    expect_refusal(&run, "matrix 1: column 2 has no name");
    m[0].columns = twice;
    expect_refusal(&run, "matrix 1: column 'HH' appears twice");
}

/* Output paths refused before anything is written. */
static void test_refused_paths(void)
{
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(output_check_path("", &d) == YF_ERR_IO &&
          strcmp(d.message, "an output file name is empty") == 0);
    CHECK(output_make_parent_dir("", &d) == YF_ERR_IO &&
          strcmp(d.message, "cannot write '': bad path") == 0);
    char path[512], want[1200];
    path_in(path, sizeof path, "no-such-dir/deeper/out.csv");
    snprintf(want, sizeof want,
             "cannot write '%s': cannot create directory '%.*s': No such file or directory", path,
             (int)(strlen(path) - strlen("/out.csv")), path);
    CHECK(output_make_parent_dir(path, &d) == YF_ERR_IO && strcmp(d.message, want) == 0);
    if (strcmp(d.message, want) != 0)
        fprintf(stderr, "  got '%s'\n", d.message);
}

/* ---- CSV ------------------------------------------------------------------------- */

/* Split one CSV line (RFC 4180 quoting, no embedded line breaks) into fields. */
static int csv_fields(const char *line, char fields[][128], int max)
{
    int n = 0;
    const char *p = line;
    for (;;) {
        if (n == max)
            return -1;
        size_t len = 0;
        char *f = fields[n++];
        if (*p == '"') {
            for (p++;; p++) {
                if (*p == '\0')
                    return -1; /* unterminated */
                if (*p == '"' && p[1] == '"')
                    p++;
                else if (*p == '"') {
                    p++;
                    break;
                }
                if (len < 127)
                    f[len++] = *p;
            }
        } else {
            while (*p && *p != ',' && *p != '\n')
                if (len < 127)
                    f[len++] = *p++;
        }
        f[len] = '\0';
        if (*p == ',') {
            p++;
            continue;
        }
        return *p == '\n' && p[1] == '\0' ? n : -1;
    }
}

static void check_csv_row(FILE *f, const char *date, const char *series, double want, bool exact)
{
    char line[512], fields[8][128];
    if (!fgets(line, sizeof line, f)) {
        CHECK(!"a row is missing");
        return;
    }
    int n = csv_fields(line, fields, 8);
    CHECK(n == 7);
    if (n != 7)
        return;
    CHECK(strcmp(fields[0], scenario_name) == 0);
    CHECK(strcmp(fields[1], "1") == 0 && strcmp(fields[2], "7") == 0);
    CHECK(strcmp(fields[3], date) == 0);
    CHECK(strcmp(fields[4], series) == 0 && strcmp(fields[5], "CN") == 0);
    if (isnan(want)) {
        CHECK(fields[6][0] == '\0');
        return;
    }
    char *end;
    double got = strtod(fields[6], &end);
    CHECK(*end == '\0' && fields[6][0] != '\0');
    CHECK(exact ? same(got, want) : close_to(got, want));
    if (exact ? !same(got, want) : !close_to(got, want))
        fprintf(stderr, "  %s %s: read '%s', expected %.17g\n", series, date, fields[6], want);
}

static void test_csv(void)
{
    output_run run = fixture();
    char path[512];
    path_in(path, sizeof path, "run.csv");
    yf_diag d;
    CHECK(output_write_csv(&run, path, &d) == YF_OK);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[512];
    CHECK(fgets(line, sizeof line, f) &&
          strcmp(line, "scenario,run,seed,date,series,region,value\n") == 0);
    /* The scenario field is quoted as RFC 4180 says. */
    long pos = ftell(f);
    CHECK(fgets(line, sizeof line, f) && strncmp(line, scenario_csv, strlen(scenario_csv)) == 0);
    fseek(f, pos, SEEK_SET);
    const double *values[N_SERIES] = {v_flow, v_rate, v_stock, v_odd};
    char date[16];
    for (int k = 0; k < N_SERIES; k++) {
        for (int m = 0; m < N_MONTHS; m++) {
            month_label(m, date, sizeof date);
            check_csv_row(f, date, series_fixture[k].name, values[k][m], true);
        }
        for (int y = 0; y < N_YEARS; y++) {
            snprintf(date, sizeof date, "%d", 2000 + y);
            check_csv_row(f, date, series_fixture[k].name, annual_expected[k][y], false);
        }
    }
    CHECK(fgets(line, sizeof line, f) == NULL); /* nothing more */
    fclose(f);
    /* The shortest exact decimals: 0.1 is "0.1", 1/3 needs 16 digits, not 17. */
    f = fopen(path, "r");
    bool short_01 = false, third = false;
    while (f && fgets(line, sizeof line, f)) {
        short_01 |= contains(line, "2000-01,odd,CN,0.1\n");
        third |= contains(line, "2000-06,odd,CN,0.3333333333333333\n");
    }
    if (f)
        fclose(f);
    CHECK(short_01 && third);
}

/* ---- JSON ------------------------------------------------------------------------ */

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static bool json_is(json_object *o, const char *key, const char *text)
{
    json_object *v = get(o, key);
    return v && json_object_is_type(v, json_type_string) &&
           strcmp(json_object_get_string(v), text) == 0;
}

static double json_num(json_object *v)
{
    return v ? json_object_get_double(v) : NAN; /* json null is NULL */
}

static void test_json(void)
{
    output_run run = fixture();
    char path[512], hex[17];
    path_in(path, sizeof path, "run.json");
    yf_diag d;
    CHECK(output_write_json(&run, path, &d) == YF_OK);
    json_object *doc = json_object_from_file(path);
    CHECK(doc != NULL);
    if (!doc)
        return;
    output_hash_hex(run.scenario_hash, hex);
    CHECK(json_is(doc, "format", "yuanflow-run"));
    CHECK(json_object_get_int(get(doc, "format_version")) == 1);
    CHECK(json_is(doc, "version", "9.9.9"));
    CHECK(json_is(doc, "scenario", scenario_name));
    CHECK(json_is(doc, "scenario_hash", hex));
    CHECK(json_is(doc, "start", "2000-01"));
    CHECK(json_object_get_int(get(doc, "run")) == 1);
    CHECK(json_object_get_int64(get(doc, "seed")) == 7);
    CHECK(json_object_get_int(get(doc, "households")) == 100);
    CHECK(json_object_get_int(get(doc, "firms")) == 10);
    CHECK(json_object_get_int(get(doc, "months")) == 30);
    CHECK(get(doc, "created") == NULL); /* no clock in the file */

    json_object *params = get(doc, "parameters");
    CHECK(params && json_object_object_length(params) == N_PARAMS);
    for (int k = 0; params && k < N_PARAMS; k++) {
        json_object *p = get(params, params_fixture[k].name);
        CHECK(p && same(json_num(get(p, "value")), params_fixture[k].value));
        CHECK(p && json_is(p, "unit", params_fixture[k].unit));
    }
    json_object *dates = get(doc, "dates");
    json_object *monthly = dates ? get(dates, "monthly") : NULL;
    json_object *annual = dates ? get(dates, "annual") : NULL;
    CHECK(monthly && json_object_array_length(monthly) == N_MONTHS);
    CHECK(annual && json_object_array_length(annual) == N_YEARS);
    char date[16];
    for (int m = 0; monthly && m < N_MONTHS; m++) {
        month_label(m, date, sizeof date);
        CHECK(strcmp(json_object_get_string(json_object_array_get_idx(monthly, (size_t)m)), date) ==
              0);
    }
    CHECK(annual &&
          strcmp(json_object_get_string(json_object_array_get_idx(annual, 1)), "2001") == 0);

    json_object *series = get(doc, "series");
    CHECK(series && json_object_object_length(series) == N_SERIES);
    const double *values[N_SERIES] = {v_flow, v_rate, v_stock, v_odd};
    const char *agg[N_SERIES] = {"sum", "mean", "last", "mean"};
    for (int k = 0; series && k < N_SERIES; k++) {
        json_object *s = get(series, series_fixture[k].name);
        CHECK(s != NULL);
        if (!s)
            continue;
        CHECK(json_is(s, "unit", series_fixture[k].unit));
        CHECK(json_is(s, "description", series_fixture[k].description));
        CHECK(json_is(s, "aggregation", agg[k]));
        json_object *mv = get(s, "monthly"), *av = get(s, "annual");
        CHECK(mv && json_object_array_length(mv) == N_MONTHS);
        CHECK(av && json_object_array_length(av) == N_YEARS);
        for (int m = 0; mv && m < N_MONTHS; m++)
            CHECK(same(json_num(json_object_array_get_idx(mv, (size_t)m)), values[k][m]));
        for (int y = 0; av && y < N_YEARS; y++)
            CHECK(close_to(json_num(json_object_array_get_idx(av, (size_t)y)),
                           annual_expected[k][y]));
    }
    json_object_put(doc);
}

/* ---- the SQLite store -------------------------------------------------------------- */

static sqlite3 *open_db(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        fprintf(stderr, "  cannot open %s\n", path);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* The integer the query returns, or -1. */
static int64_t q_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    int64_t v = -1;
    if (db && sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    else
        fprintf(stderr, "  query failed: %s: %s\n", sql, db ? sqlite3_errmsg(db) : "no db");
    sqlite3_finalize(q);
    return v;
}

/* The value of one observation (NaN for NULL or no row). */
static double q_value(sqlite3 *db, int64_t run_id, const char *series, char freq, const char *date)
{
    sqlite3_stmt *q = NULL;
    double v = -12345.0;
    if (sqlite3_prepare_v2(db,
                           "SELECT value FROM observations WHERE run_id = ?1 AND series = ?2 "
                           "AND frequency = ?3 AND date = ?4 AND region = 'CN'",
                           -1, &q, NULL) == SQLITE_OK) {
        char f[2] = {freq, '\0'};
        sqlite3_bind_int64(q, 1, run_id);
        sqlite3_bind_text(q, 2, series, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, f, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, date, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW)
            v = sqlite3_column_type(q, 0) == SQLITE_NULL ? NAN : sqlite3_column_double(q, 0);
    }
    sqlite3_finalize(q);
    return v;
}

static bool q_text(sqlite3 *db, const char *sql, const char *want)
{
    sqlite3_stmt *q = NULL;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0) &&
              strcmp((const char *)sqlite3_column_text(q, 0), want) == 0;
    sqlite3_finalize(q);
    return ok;
}

/* Every table of the store holds what `runs` complete fixture runs give. */
static void check_store_counts(const char *path, int runs)
{
    sqlite3 *db = open_db(path);
    CHECK(db != NULL);
    if (!db)
        return;
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM runs"), runs);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM parameters"), runs * N_PARAMS);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM series"), runs * N_SERIES);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM observations WHERE frequency = 'M'"),
                 runs * N_SERIES * N_MONTHS);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM observations WHERE frequency = 'A'"),
                 runs * N_SERIES * N_YEARS);
    CHECK(q_text(db, "PRAGMA integrity_check", "ok"));
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    sqlite3_close(db);
}

/* Run `id` holds the fixture's values. */
static void check_store_run(const char *path, int64_t id)
{
    sqlite3 *db = open_db(path);
    if (!db)
        return;
    char sql[256], hex[17], date[16];
    output_run run = fixture();
    output_hash_hex(run.scenario_hash, hex);
    snprintf(sql, sizeof sql,
             "SELECT version || '|' || scenario || '|' || scenario_hash || '|' || replicate || '|'"
             " || seed || '|' || households || '|' || firms || '|' || start || '|' || months"
             " || '|' || created FROM runs WHERE id = %lld",
             (long long)id);
    char want[256];
    snprintf(want, sizeof want, "9.9.9|%s|%s|1|7|100|10|2000-01|30|2024-01-02T03:04:05Z",
             scenario_name, hex);
    CHECK(q_text(db, sql, want));
    snprintf(sql, sizeof sql,
             "SELECT group_concat(name || '=' || value || ':' || unit, ';') FROM"
             " (SELECT * FROM parameters WHERE run_id = %lld ORDER BY name)",
             (long long)id);
    CHECK(q_text(db, sql, "alpha=0.5:fraction;beta=0.1:per year;gamma=-3.0e-07:"));
    snprintf(sql, sizeof sql,
             "SELECT group_concat(name || ':' || unit || ':' || aggregation, ';') FROM"
             " (SELECT * FROM series WHERE run_id = %lld ORDER BY name)",
             (long long)id);
    CHECK(q_text(db, sql,
                 "flow:yuan per month:sum;odd:index, 2000-01 = 1:mean;rate:fraction per "
                 "year:mean;stock:yuan:last"));
    const double *values[N_SERIES] = {v_flow, v_rate, v_stock, v_odd};
    for (int k = 0; k < N_SERIES; k++) {
        for (int m = 0; m < N_MONTHS; m++) {
            month_label(m, date, sizeof date);
            double got = q_value(db, id, series_fixture[k].name, 'M', date);
            /* SQLite keeps doubles exactly; it stores -0.0 as 0. */
            CHECK(same(got, values[k][m]) || (values[k][m] == 0.0 && got == 0.0));
        }
        for (int y = 0; y < N_YEARS; y++) {
            snprintf(date, sizeof date, "%d", 2000 + y);
            CHECK(close_to(q_value(db, id, series_fixture[k].name, 'A', date),
                           annual_expected[k][y]));
        }
    }
    sqlite3_close(db);
}

static void test_store(void)
{
    output_run run = fixture();
    char path[512];
    path_in(path, sizeof path, "store.sqlite");
    yf_diag d;
    int64_t id = 0;
    CHECK(output_store_run(&run, path, &id, &d) == YF_OK && id == 1);
    check_store_counts(path, 1);
    check_store_run(path, 1);
    /* Runs accumulate; ids are new. */
    CHECK(output_store_run(&run, path, &id, &d) == YF_OK && id == 2);
    check_store_counts(path, 2);
    check_store_run(path, 2);
    sqlite3 *db = open_db(path);
    CHECK_EQ_I64(q_int(db, "PRAGMA user_version"), OUTPUT_STORE_SCHEMA_VERSION);
    CHECK_EQ_I64(q_int(db, "PRAGMA application_id"), 0x59464C57);
    /* The tidy view gives the CSV's rows. */
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM tidy WHERE run_id = 2 AND run = 1 AND seed = 7"),
                 N_SERIES * (N_MONTHS + N_YEARS));
    sqlite3_close(db);

    /* A transaction that fails half-way (a trigger refuses the value 666 of the
     * last series' last month) leaves the two runs as they were and none of the
     * third, then the same run goes in once the trigger is gone. */
    db = open_db(path);
    CHECK(sqlite3_exec(db,
                       "CREATE TRIGGER refuse BEFORE INSERT ON observations WHEN NEW.value = 666"
                       " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    double saved = v_odd[N_MONTHS - 1];
    output_run bad = fixture();
    v_odd[N_MONTHS - 1] = 666.0;
    CHECK(output_store_run(&bad, path, &id, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "store.sqlite") && contains(d.message, "refused by the test"));
    v_odd[N_MONTHS - 1] = saved;
    check_store_counts(path, 2);
    check_store_run(path, 1);
    check_store_run(path, 2);
    db = open_db(path);
    CHECK(sqlite3_exec(db, "DROP TRIGGER refuse", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(output_store_run(&run, path, &id, &d) == YF_OK && id == 3);
    check_store_counts(path, 3);
    check_store_run(path, 3);
}

/* A file that is not our store is refused and left byte for byte as it was. */
static void test_store_refuses(void)
{
    output_run run = fixture();
    char path[512];
    yf_diag d;
    int64_t id = 0;
    path_in(path, sizeof path, "notes.txt");
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("not a database, just text that is long enough to have a header.......\n", f);
        fclose(f);
    }
    struct stat before, after;
    CHECK(stat(path, &before) == 0);
    CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "notes.txt"));
    CHECK(stat(path, &after) == 0 && after.st_size == before.st_size);

    path_in(path, sizeof path, "other.sqlite");
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    CHECK(sqlite3_exec(db, "CREATE TABLE foo (x); INSERT INTO foo VALUES (1)", NULL, NULL, NULL) ==
          SQLITE_OK);
    sqlite3_close(db);
    CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "another program"));
    db = open_db(path);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM sqlite_schema"), 1);
    sqlite3_close(db);
}

/* ---- the ledger's matrices in the store --------------------------------------------
 * Two annual matrices of 2000 and one monthly, with values chosen to catch a
 * transposition (row r, column c holds 100 r + c, negated in the flows), the
 * int64 extremes, and zeros (kept, so that a matrix reads back whole). */
enum { MX_ROWS = 3, MX_COLS = 2 };

static const char *const mx_rows[MX_ROWS] = {"deposits", "loans", "change_deposits"};
static const char *const mx_labels[MX_ROWS] = {"bank deposits", "loans", "Δ bank deposits"};
static const char *const mx_cols[MX_COLS] = {"HH", "B"};
static int64_t mx_bs[MX_ROWS * MX_COLS], mx_fl[MX_ROWS * MX_COLS], mx_month[MX_ROWS * MX_COLS];
static output_matrix mx_fixture[3];

static output_run fixture_with_matrices(void)
{
    for (int r = 0; r < MX_ROWS; r++)
        for (int c = 0; c < MX_COLS; c++) {
            mx_bs[r * MX_COLS + c] = 100 * r + c;
            mx_fl[r * MX_COLS + c] = -(100 * r + c);
            mx_month[r * MX_COLS + c] = 0;
        }
    mx_month[0] = INT64_MAX;
    mx_month[1] = INT64_MIN;
    mx_fixture[0] = (output_matrix){
        OUTPUT_BALANCE_SHEET, 2000, 0, MX_ROWS, MX_COLS, mx_rows, mx_labels, mx_cols, mx_bs};
    mx_fixture[1] = (output_matrix){OUTPUT_FLOWS, 2000,      0,       MX_ROWS, MX_COLS,
                                    mx_rows,      mx_labels, mx_cols, mx_fl};
    mx_fixture[2] = (output_matrix){
        OUTPUT_OTHER_CHANGES, 2001, 6, MX_ROWS, MX_COLS, mx_rows, mx_labels, mx_cols, mx_month};
    output_run run = fixture();
    run.matrices = mx_fixture;
    run.n_matrices = 3;
    return run;
}

/* Run `id`'s matrix of `kind` at `date`, read back cell by cell in order:
 * "row_code/row_label/sector=value;..." must equal what the fixture gives. */
static void check_store_matrix(
    sqlite3 *db, int64_t id, const char *kind, const char *date, const int64_t *values)
{
    char want[2048] = "", sql[512];
    for (int r = 0; r < MX_ROWS; r++)
        for (int c = 0; c < MX_COLS; c++) {
            size_t n = strlen(want);
            snprintf(want + n, sizeof want - n, "%s%s/%s/%s=%lld", n ? ";" : "", mx_rows[r],
                     mx_labels[r], mx_cols[c], (long long)values[r * MX_COLS + c]);
        }
    snprintf(sql, sizeof sql,
             "SELECT group_concat(row_code || '/' || row_label || '/' || sector || '=' || value,"
             " ';') FROM (SELECT * FROM matrices WHERE run_id = %lld AND kind = '%s' AND"
             " date = '%s' ORDER BY row_index, column_index)",
             (long long)id, kind, date);
    CHECK(q_text(db, sql, want));
}

static void test_store_matrices(void)
{
    output_run run = fixture_with_matrices();
    char path[512];
    path_in(path, sizeof path, "matrices.sqlite");
    yf_diag d;
    int64_t id = 0;
    CHECK(output_store_run(&run, path, &id, &d) == YF_OK && id == 1);
    sqlite3 *db = open_db(path);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM matrices"), 3 * MX_ROWS * MX_COLS);
    check_store_matrix(db, 1, "balance_sheet", "2000", mx_bs);
    check_store_matrix(db, 1, "flows", "2000", mx_fl);
    check_store_matrix(db, 1, "other_changes", "2001-06", mx_month);
    CHECK_EQ_I64(q_int(db, "SELECT value FROM matrices WHERE date = '2001-06' AND row_index = 0"
                           " AND column_index = 1"),
                 INT64_MIN);
    /* Deleting a run removes its matrices too. */
    CHECK(sqlite3_exec(db, "PRAGMA foreign_keys = ON; DELETE FROM runs WHERE id = 1", NULL, NULL,
                       NULL) == SQLITE_OK);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM matrices"), 0);
    sqlite3_close(db);

    /* A failure while writing the matrices (a trigger refuses one cell) takes
     * the whole run back: no run, no series, no matrix. */
    db = open_db(path);
    CHECK(sqlite3_exec(db,
                       "CREATE TRIGGER refuse BEFORE INSERT ON matrices WHEN NEW.value = -201"
                       " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "refused by the test"));
    db = open_db(path);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM runs"), 0);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM observations"), 0);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM matrices"), 0);
    sqlite3_close(db);

    /* A matrix that is not well formed is refused before the store is opened. */
    output_matrix bad = mx_fixture[0];
    static const char *const dup_cols[MX_COLS] = {"HH", "HH"};
    bad.columns = dup_cols;
    output_run with_bad = run;
    with_bad.matrices = &bad;
    with_bad.n_matrices = 1;
    CHECK(output_store_run(&with_bad, path, &id, &d) == YF_ERR_ARGUMENT);
    CHECK(contains(d.message, "column 'HH' appears twice"));
    bad = mx_fixture[0];
    bad.month = 13;
    CHECK(output_store_run(&with_bad, path, &id, &d) == YF_ERR_ARGUMENT);
    output_matrix twice[2] = {mx_fixture[0], mx_fixture[0]};
    with_bad.matrices = twice;
    with_bad.n_matrices = 2;
    CHECK(output_store_run(&with_bad, path, &id, &d) == YF_ERR_ARGUMENT);
    CHECK(contains(d.message, "appears twice"));
}

/* A store of schema version 1 (no matrices table) takes the next run: the
 * table is added and the version raised in that run's transaction, the runs
 * before are untouched. A store of a newer version is refused untouched. */
/* What a store of schema version 1 is: no matrices, no ensemble tables. */
#define V1_SQL                                                                                    \
    "DROP TABLE ensemble_percentiles; DROP TABLE ensemble_runs; DROP TABLE ensembles;"            \
    "DROP TABLE matrices; PRAGMA user_version = 1"

static void test_store_versions(void)
{
    output_run plain = fixture(), run = fixture_with_matrices();
    char path[512];
    path_in(path, sizeof path, "v1.sqlite");
    yf_diag d;
    int64_t id = 0;
    CHECK(output_store_run(&plain, path, &id, &d) == YF_OK && id == 1);
    sqlite3 *db = open_db(path);
    CHECK(sqlite3_exec(db, V1_SQL, NULL, NULL, NULL) ==
          SQLITE_OK);
    sqlite3_close(db);
    CHECK(output_store_run(&run, path, &id, &d) == YF_OK && id == 2);
    db = open_db(path);
    CHECK_EQ_I64(q_int(db, "PRAGMA user_version"), 3);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM ensemble_runs"), 0);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM matrices WHERE run_id = 2"),
                 3 * MX_ROWS * MX_COLS);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM matrices WHERE run_id = 1"), 0);
    sqlite3_close(db);
    check_store_run(path, 1);
    check_store_run(path, 2);

    CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "PRAGMA user_version = 4", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "schema version is 4"));
    db = open_db(path);
    CHECK_EQ_I64(q_int(db, "SELECT count(*) FROM runs"), 2);
    sqlite3_close(db);
}

/* ---- atomicity ------------------------------------------------------------------------- */

/* Names in dir, other than . and .., joined by spaces in directory order. */
static int dir_entries(const char *dir, char *out, size_t size)
{
    DIR *d = opendir(dir);
    int n = 0;
    out[0] = '\0';
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s ", e->d_name);
    }
    closedir(d);
    return n;
}

static void test_unwritable(void)
{
    output_run run = fixture();
    yf_diag d;
    char path[512], dir[512], names[1024];
    int64_t id;
    /* A directory that does not exist. */
    path_in(path, sizeof path, "no-such-dir/out.csv");
    CHECK(output_write_csv(&run, path, &d) == YF_ERR_IO);
    CHECK(contains(d.message, "no-such-dir/out.csv") && contains(d.message, "No such file"));
    path_in(path, sizeof path, "no-such-dir/out.json");
    CHECK(output_write_json(&run, path, &d) == YF_ERR_IO && contains(d.message, "out.json"));
    path_in(path, sizeof path, "no-such-dir/out.sqlite");
    CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO && contains(d.message, "out.sqlite"));
    path_in(path, sizeof path, "no-such-dir");
    CHECK(access(path, F_OK) != 0);

    /* A "directory" that is a file. */
    path_in(path, sizeof path, "plain");
    FILE *f = fopen(path, "w");
    if (f)
        fclose(f);
    path_in(path, sizeof path, "plain/out.csv");
    CHECK(output_write_csv(&run, path, &d) == YF_ERR_IO && contains(d.message, "not a directory"));
    CHECK(output_check_path(path, &d) == YF_ERR_IO);

    /* A read-only directory (root may write anywhere, so only as another user). */
    path_in(dir, sizeof dir, "readonly");
    CHECK(mkdir(dir, 0755) == 0);
    if (geteuid() != 0 && chmod(dir, 0555) == 0) {
        path_in(path, sizeof path, "readonly/out.csv");
        CHECK(output_write_csv(&run, path, &d) == YF_ERR_IO && contains(d.message, "writable"));
        char want[1200];
        snprintf(want, sizeof want, "cannot write '%s': directory '%s' is not writable: ", path,
                 dir);
        CHECK(contains(d.message, want));
        path_in(path, sizeof path, "readonly/out.sqlite");
        CHECK(output_store_run(&run, path, &id, &d) == YF_ERR_IO);
        CHECK(dir_entries(dir, names, sizeof names) == 0);
        chmod(dir, 0755);
    }
    CHECK(dir_entries(dir, names, sizeof names) == 0);
}

/* A bigger run (24 series x 600 months) for the full-disk tests. */
enum { BIG_SERIES = 24, BIG_MONTHS = 600 };

static double big_values[BIG_SERIES][BIG_MONTHS];
static output_series big_series[BIG_SERIES];
static char big_names[BIG_SERIES][16];

static output_run big_run(void)
{
    output_run run = fixture();
    for (int k = 0; k < BIG_SERIES; k++) {
        snprintf(big_names[k], sizeof big_names[k], "s%02d", k);
        for (int m = 0; m < BIG_MONTHS; m++)
            big_values[k][m] = 1.0 / (k + 2) + m;
        big_series[k] = (output_series){big_names[k], "yuan", "big", OUTPUT_LAST, big_values[k]};
    }
    run.series = big_series;
    run.n_series = BIG_SERIES;
    run.n_months = BIG_MONTHS;
    return run;
}

static bool limit_file_size(rlim_t bytes, struct rlimit *old)
{
    if (getrlimit(RLIMIT_FSIZE, old) != 0)
        return false;
    struct rlimit r = *old;
    r.rlim_cur = bytes;
    return setrlimit(RLIMIT_FSIZE, &r) == 0;
}

static off_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : -1;
}

static void test_disk_full(void)
{
    char dir[512], path[512], names[1024], text[600];
    path_in(dir, sizeof dir, "full");
    CHECK(mkdir(dir, 0755) == 0);
    output_run run = big_run(), small = fixture();
    yf_diag d;
    struct rlimit old;

    /* CSV and JSON: the previous complete file stays, no temporary is left. */
    const char *names_ext[] = {"full/out.csv", "full/out.json"};
    for (int k = 0; k < 2; k++) {
        path_in(path, sizeof path, names_ext[k]);
        yf_status st =
            k == 0 ? output_write_csv(&small, path, &d) : output_write_json(&small, path, &d);
        CHECK(st == YF_OK);
        off_t size = file_size(path);
        CHECK(size > 0 && size < 65536);
        CHECK(limit_file_size(65536, &old));
        st = k == 0 ? output_write_csv(&run, path, &d) : output_write_json(&run, path, &d);
        CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
        CHECK(st == YF_ERR_IO);
        CHECK(contains(d.message, names_ext[k]) && contains(d.message, "too large"));
        CHECK(file_size(path) == size);
    }
    CHECK(dir_entries(dir, names, sizeof names) == 2);
    CHECK(contains(names, "out.csv ") && contains(names, "out.json "));

    /* The store: two runs in, a third that does not fit fails and leaves them whole. */
    path_in(path, sizeof path, "full/store.sqlite");
    int64_t id = 0;
    CHECK(output_store_run(&small, path, &id, &d) == YF_OK);
    CHECK(output_store_run(&small, path, &id, &d) == YF_OK);
    off_t size = file_size(path);
    CHECK(limit_file_size((rlim_t)size + 8192, &old));
    yf_status st = output_store_run(&run, path, &id, &d);
    CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
    CHECK(st == YF_ERR_IO && contains(d.message, "store.sqlite"));
    check_store_counts(path, 2);
    check_store_run(path, 1);
    check_store_run(path, 2);
    snprintf(text, sizeof text, "%s-journal", path);
    CHECK(access(text, F_OK) != 0);

    /* A new store that cannot be written at all is not left behind, empty or not. */
    path_in(path, sizeof path, "full/new.sqlite");
    CHECK(limit_file_size(1024, &old));
    st = output_store_run(&small, path, &id, &d);
    CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
    CHECK(st == YF_ERR_IO && contains(d.message, "new.sqlite"));
    CHECK(access(path, F_OK) != 0);
    CHECK(dir_entries(dir, names, sizeof names) == 3);
}

/* Every allocation of the CSV writer fails in turn: an error, no file, no leak. */
static void test_csv_alloc_faults(void)
{
    output_run run = fixture();
    char dir[512], path[512], names[256];
    path_in(dir, sizeof dir, "alloc");
    CHECK(mkdir(dir, 0755) == 0);
    path_in(path, sizeof path, "alloc/out.csv");
    yf_diag d;
    int failures = 0;
    for (fail_at = 1; fail_at < 50; fail_at++) {
        calls = live = 0;
        yf_set_allocator(counting_realloc, NULL);
        yf_status st = output_write_csv(&run, path, &d);
        yf_set_allocator(NULL, NULL);
        CHECK(live == 0);
        if (st == YF_OK)
            break;
        failures++;
        CHECK(st == YF_ERR_NOMEM && contains(d.message, "out.csv"));
        CHECK(dir_entries(dir, names, sizeof names) == 0);
    }
    CHECK(failures >= 2); /* the row prefix and the temporary file's name */
    CHECK(access(path, F_OK) == 0);
}

/* The same run, the same bytes. */
static bool same_file(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    bool same_bytes = fa && fb;
    while (same_bytes) {
        int ca = fgetc(fa), cb = fgetc(fb);
        same_bytes = ca == cb;
        if (ca == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same_bytes;
}

static void test_determinism(void)
{
    output_run run = fixture();
    char a[512], b[512];
    yf_diag d;
    path_in(a, sizeof a, "det1.csv");
    path_in(b, sizeof b, "det2.csv");
    CHECK(output_write_csv(&run, a, &d) == YF_OK && output_write_csv(&run, b, &d) == YF_OK);
    CHECK(same_file(a, b));
    path_in(a, sizeof a, "det1.json");
    path_in(b, sizeof b, "det2.json");
    CHECK(output_write_json(&run, a, &d) == YF_OK);
    run.created = "2099-12-31T23:59:59Z"; /* not in the JSON */
    CHECK(output_write_json(&run, b, &d) == YF_OK);
    CHECK(same_file(a, b));
    /* Overwriting replaces the whole file. */
    CHECK(output_write_json(&run, a, &d) == YF_OK && same_file(a, b));
}

/* ---- cleanup ------------------------------------------------------------------------------- */

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char path[1024];
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

int main(void)
{
    signal(SIGXFSZ, SIG_IGN); /* a write past RLIMIT_FSIZE fails with EFBIG instead */
    snprintf(workdir, sizeof workdir, "%s", "yf_output_test_XXXXXX");
    if (!mkdtemp(workdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_units();
    test_annual();
    test_hash();
    test_check();
    test_refusals();
    test_refused_paths();
    test_csv();
    test_json();
    test_store();
    test_store_refuses();
    test_store_matrices();
    test_store_versions();
    test_unwritable();
    test_disk_full();
    test_csv_alloc_faults();
    test_determinism();
    if (harness_failed == 0)
        remove_tree(workdir);
    else
        fprintf(stderr, "files kept in %s\n", workdir);
    return TEST_REPORT();
}
