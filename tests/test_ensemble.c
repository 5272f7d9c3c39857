/*
 * test_ensemble.c: the ensemble layer (src/ensemble, docs/outputs.md 1.4).
 *
 *   - the generator is SplitMix64: its outputs for seed 1234567 are the
 *     published ones (Rosetta Code's "Pseudo-random numbers/Splitmix64" task);
 *     a draw (seed, run, purpose) equals the output reached by stepping the
 *     sequential generator, whatever order the draws are asked in;
 *   - percentiles are Hyndman and Fan's type 7, checked on numbers by hand;
 *   - the store: an ensemble begun, runs stored with their index in their
 *     transaction, a duplicate index refused with nothing left behind, a
 *     resume that sees exactly the indices done, another spec refused, a
 *     failed run recorded, and percentiles of three runs computed by hand in
 *     the table and the CSV.
 */
#define _DEFAULT_SOURCE /* mkdtemp */

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ensemble/ensemble.h"
#include "harness.h"
#include "output/output.h"

static void test_splitmix(void)
{
    /* Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567. */
    static const uint64_t want[5] = {6457827717110365317ULL, 3203168211198807973ULL,
                                     9817491932198370423ULL, 4593380528125082431ULL,
                                     16408922859458223821ULL};
    uint64_t state = 1234567;
    for (int k = 0; k < 5; k++)
        CHECK(ensemble_splitmix64(&state) == want[k]);
}

/* The n-th output (from 1) of the sequential generator seeded with s. */
static uint64_t nth(uint64_t s, uint64_t n)
{
    uint64_t x = 0;
    for (uint64_t k = 0; k < n; k++)
        x = ensemble_splitmix64(&s);
    return x;
}

static void test_uniform(void)
{
    /* Each draw is a pure function of (seed, run, purpose): asked backwards it
     * is the same as the sequential stepping says. */
    const uint64_t seed = 42;
    for (int run = 9; run >= 0; run--)
        for (int p = 7; p >= 0; p--) {
            uint64_t stream = nth(seed, (uint64_t)run + 1);
            double want = (double)(nth(stream, (uint64_t)p + 1) >> 11) * 0x1.0p-53;
            CHECK(ensemble_uniform(seed, (uint64_t)run, (uint64_t)p) == want);
        }
    /* Uniform on [0, 1): 100,000 draws have mean 1/2 within 5 standard errors
     * (sd 1/sqrt(12)), and differ between runs and between purposes. */
    double sum = 0.0, lo = 1.0, hi = 0.0;
    const int n = 100000;
    for (int k = 0; k < n; k++) {
        double u = ensemble_uniform(7, (uint64_t)k, 3);
        sum += u;
        lo = u < lo ? u : lo;
        hi = u > hi ? u : hi;
    }
    CHECK(lo >= 0.0 && hi < 1.0);
    CHECK(fabs(sum / n - 0.5) < 5.0 * sqrt(1.0 / 12.0 / n));
    CHECK(ensemble_uniform(7, 1, 3) != ensemble_uniform(7, 2, 3));
    CHECK(ensemble_uniform(7, 1, 3) != ensemble_uniform(7, 1, 4));
    CHECK(ensemble_uniform(7, 1, 3) != ensemble_uniform(8, 1, 3));
}

static void test_percentiles(void)
{
    const double v[4] = {1.0, 2.0, 3.0, 4.0};
    /* type 7: h = (n - 1) p, between sorted[floor h] and the next */
    CHECK(ensemble_percentile(v, 4, 0.50) == 2.5);
    CHECK_REL(ensemble_percentile(v, 4, 0.05), 1.15, 1e-15);
    CHECK_REL(ensemble_percentile(v, 4, 0.95), 3.85, 1e-15);
    CHECK(ensemble_percentile(v, 4, 0.0) == 1.0);
    CHECK(ensemble_percentile(v, 4, 1.0) == 4.0);
    CHECK(ensemble_percentile(v + 2, 1, 0.25) == 3.0);
    CHECK(isnan(ensemble_percentile(v, 0, 0.5)));
    CHECK(ensemble_percentiles[0] == 0.05 && ensemble_percentiles[4] == 0.95);
}

/* ---- the store ---------------------------------------------------------------- */

static char dir[256];

static int64_t q_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    int64_t v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

static double q_double(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    double v = NAN;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW &&
        sqlite3_column_type(q, 0) != SQLITE_NULL)
        v = sqlite3_column_double(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

/* A run of 12 months (one year) of one flow series whose every month is x. */
static double months[3][12];
static const output_param params[1] = {{"p", 1.0, "unit"}};
static output_series columns[3];

static output_run run_of(int k, double x, int64_t ensemble_id)
{
    for (int m = 0; m < 12; m++)
        months[k][m] = x;
    months[k][0] = k == 1 ? NAN : x; /* run 1 has no annual value */
    columns[k] = (output_series){"flow", "yuan per month", "a flow", OUTPUT_SUM, months[k]};
    return (output_run){.version = "9.9.9",
                        .scenario = "ens",
                        .scenario_hash = 1,
                        .run = k + 1,
                        .seed = k,
                        .households = 10,
                        .firms = 5,
                        .start_year = 2000,
                        .start_month = 1,
                        .n_months = 12,
                        .params = params,
                        .n_params = 1,
                        .series = &columns[k],
                        .n_series = 1,
                        .annual_only = true,
                        .ensemble_id = ensemble_id,
                        .ensemble_index = k};
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void test_store(void)
{
    char path[300], csv[300];
    snprintf(path, sizeof path, "%s/e.sqlite", dir);
    snprintf(csv, sizeof csv, "%s/p.csv", dir);
    yf_diag d;
    bool done[5]; /* 5: the refused begin of 5 runs below writes them all */
    int64_t id = 0;
    CHECK(ensemble_store_begin(path, "ens", "spec A\n", 4, NULL, &id, done, &d) == YF_OK);
    CHECK(id == 1 && !done[0] && !done[1] && !done[2] && !done[3]);
    CHECK_EQ_I64(q_int(path, "PRAGMA user_version"), OUTPUT_STORE_SCHEMA_VERSION);

    /* runs 0 and 2 (values 10 and 30 a month), then 0 again: refused whole */
    output_run r0 = run_of(0, 10.0, id), r2 = run_of(2, 30.0, id);
    CHECK(output_store_run(&r0, path, NULL, &d) == YF_OK);
    CHECK(output_store_run(&r2, path, NULL, &d) == YF_OK);
    CHECK(output_store_run(&r0, path, NULL, &d) == YF_ERR_IO);
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM runs"), 2);
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM ensemble_runs"), 2);
    /* annual only: one value per run, no monthly rows */
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM observations WHERE frequency = 'M'"), 0);
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM observations WHERE frequency = 'A'"), 2);

    /* resume: the same spec sees indices 0 and 2 done */
    int64_t again = 0;
    CHECK(ensemble_store_begin(path, "ens", "spec A\n", 4, NULL, &again, done, &d) == YF_OK);
    CHECK(again == id && done[0] && !done[1] && done[2] && !done[3]);
    /* another spec, or another count, under the same name: refused */
    CHECK(ensemble_store_begin(path, "ens", "spec B\n", 4, NULL, &again, done, &d) ==
          YF_ERR_ARGUMENT);
    CHECK(strstr(d.message, "'spec A', now 'spec B'") != NULL);
    CHECK(ensemble_store_begin(path, "ens", "spec A\n", 5, NULL, &again, done, &d) ==
          YF_ERR_ARGUMENT);
    CHECK(strstr(d.message, "runs=4") != NULL);

    /* run 1 has a missing month (no annual value); run 3 failed */
    output_run r1 = run_of(1, 20.0, id);
    CHECK(output_store_run(&r1, path, NULL, &d) == YF_OK);
    CHECK(ensemble_store_failure(path, id, 3, "2001-05: reserves ran out", &d) == YF_OK);
    CHECK(ensemble_store_begin(path, "ens", "spec A\n", 4, NULL, &again, done, &d) == YF_OK);
    CHECK(done[0] && done[1] && done[2] && done[3]);

    /* percentiles of the annual flow over the runs with a value: 120 and 360
     * (12 x 10, 12 x 30); type 7 with n = 2: p = 120 + 240 q */
    int64_t cells = 0;
    CHECK(ensemble_store_percentiles(path, id, "ens", csv, &cells, &d) == YF_OK);
    CHECK(cells == 1);
    CHECK_EQ_I64(q_int(path, "SELECT n FROM ensemble_percentiles"), 2);
    CHECK(q_double(path, "SELECT p5 FROM ensemble_percentiles") == 132.0);
    CHECK(q_double(path, "SELECT p50 FROM ensemble_percentiles") == 240.0);
    CHECK(q_double(path, "SELECT p95 FROM ensemble_percentiles") == 348.0);
    const char *text = read_all(csv);
    CHECK(text && strcmp(text, "ensemble,series,region,frequency,date,runs,p5,p25,p50,p75,p95\n"
                               "ens,flow,CN,A,2000,2,132,180,240,300,348\n") == 0);
    /* again: replaced, not added */
    CHECK(ensemble_store_percentiles(path, id, "ens", NULL, &cells, &d) == YF_OK);
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM ensemble_percentiles"), 1);
    /* the store is current: opening it again changes nothing */
    sqlite3 *db = NULL;
    CHECK(output_store_open(path, &db, &d) == YF_OK);
    sqlite3_close(db);
    CHECK_EQ_I64(q_int(path, "SELECT count(*) FROM runs"), 3);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/yf_test_ensemble_XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    test_splitmix();
    test_uniform();
    test_percentiles();
    test_store();
    const char *files[] = {"e.sqlite", "p.csv"};
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        char path[300];
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        unlink(path);
    }
    rmdir(dir);
    return TEST_REPORT();
}
