/*
 * test_data.c: the data layer (src/data). The expected values were read by eye
 * from the CSV text in data/ (the line is quoted beside each), never from the
 * program. Then: the world's monthly paths against their construction rules
 * (docs/data.md), malformed files with the exact line:column of the error, and
 * an allocation-failure sweep with a leak count.
 * Usage: test_data PATH/TO/data
 */
#define _POSIX_C_SOURCE 200809L /* truncate */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc_fault.h"
#include "core/core.h"
#include "data/data.h"
#include "harness.h"

static const char *data_dir;

static void data_file(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", data_dir, name);
}

static data_set *load_or_null(const char *name)
{
    char path[512];
    data_file(path, sizeof path, name);
    data_set *d = NULL;
    yf_diag diag;
    yf_status st = data_load(&d, path, &diag);
    CHECK(st == YF_OK);
    if (st != YF_OK)
        fprintf(stderr, "%s\n", diag.message);
    return d;
}

static bool contains(const char *text, const char *part)
{
    return text && strstr(text, part) != NULL;
}

/* ---- the shipped files, values read from their text --------------------------- */

static void test_real_files(void)
{
    clock_t t0 = clock();
    data_set *monthly = load_or_null("monthly_inputs.csv");
    data_set *annual = load_or_null("china_annual.csv");
    data_set *china_monthly = load_or_null("china_monthly_2019_2024.csv");
    data_set *gdp = load_or_null("world_gdp.csv");
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("loading the four files (%d rows) took %.4f s\n",
           data_n_rows(monthly) + data_n_rows(annual) + data_n_rows(china_monthly) +
               data_n_rows(gdp),
           seconds);
    CHECK(seconds < 1.0);
    if (!monthly || !annual || !china_monthly || !gdp)
        goto done;

    /* Row counts: lines of each file (wc -l) minus the header. */
    CHECK_EQ_I64(data_n_rows(monthly), 751);
    CHECK_EQ_I64(data_n_rows(annual), 1489);
    CHECK_EQ_I64(data_n_rows(china_monthly), 717);
    CHECK_EQ_I64(data_n_rows(gdp), 116);

    double v = 0.0;
    /* us_fedfunds_monthly,2008-12,0.16 and us_fedfunds_monthly,2022-06,1.21 */
    CHECK(data_monthly(monthly, "us_fedfunds_monthly", 2008, 12, &v) && v == 0.16);
    CHECK(data_monthly(monthly, "us_fedfunds_monthly", 2022, 6, &v) && v == 1.21);
    /* usdcny_monthly,2015-08,6.3383 and usdcny_monthly,1995-01,8.4608 */
    CHECK(data_monthly(monthly, "usdcny_monthly", 2015, 8, &v) && v == 6.3383);
    CHECK(data_monthly(monthly, "usdcny_monthly", 1995, 1, &v) && v == 8.4608);
    /* The first and last rows: fed funds 1995-01 .. 2026-01, USD/CNY 1995-01 .. 2026-06. */
    CHECK_EQ_I64(data_first_period(monthly, "us_fedfunds_monthly"), 1995 * 12 + 0);
    CHECK_EQ_I64(data_last_period(monthly, "us_fedfunds_monthly"), 2026 * 12 + 0);
    CHECK_EQ_I64(data_last_period(monthly, "usdcny_monthly"), 2026 * 12 + 5);
    CHECK(contains(data_source(monthly, "us_fedfunds_monthly"), "open-datahub/monetary@8ae10195"));

    /* gdp_real_growth,2010,10.6358710646812 */
    CHECK(data_annual(annual, "gdp_real_growth", 2010, &v) && v == 10.6358710646812);
    /* us_avg_tariff_on_china_bown,2020,19.3,"% (from 14 Feb 2020, trade-weighted)",... */
    CHECK(data_annual(annual, "us_avg_tariff_on_china_bown", 2020, &v) && v == 19.3);
    CHECK(contains(data_unit(annual, "us_avg_tariff_on_china_bown", 2020), "14 Feb 2020"));
    CHECK(!data_annual(annual, "us_avg_tariff_on_china_bown", 2021, &v));
    CHECK_EQ_I64(data_first_period(annual, "us_avg_tariff_on_china_bown"), 2018);
    CHECK_EQ_I64(data_last_period(annual, "us_avg_tariff_on_china_bown"), 2025);

    /* cpi_yoy_pct,2023-02,1.0; house_price_index_nominal_bis,2020-06-30,140.256 (quarterly) */
    CHECK(data_monthly(china_monthly, "cpi_yoy_pct", 2023, 2, &v) && v == 1.0);
    CHECK(data_monthly(china_monthly, "house_price_index_nominal_bis", 2020, 6, &v) &&
          v == 140.256);
    CHECK(!data_monthly(china_monthly, "house_price_index_nominal_bis", 2020, 5, &v));

    /* us_gdp_usd,2023,27360935000000.0 and china_gdp_usd,2023,17794781986104.457 */
    CHECK(data_annual(gdp, "us_gdp_usd", 2023, &v) && v == 27360935000000.0);
    CHECK(data_annual(gdp, "china_gdp_usd", 2023, &v) && v == 17794781986104.457);
    CHECK(data_annual(gdp, "eu_gdp_usd", 1995, &v) && v == 8296091250458.225);
    CHECK_EQ_I64(data_first_period(gdp, "world_gdp_usd"), 1995);
    CHECK_EQ_I64(data_last_period(gdp, "world_gdp_usd"), 2023);
    CHECK(contains(data_source(gdp, "eu_gdp_usd"),
                   "github:datasets/gdp@822019c80142c162e4ca4eb1a63699ae36075078:data/gdp.csv"));

    /* Asking the wrong way finds nothing. */
    CHECK(!data_has_series(gdp, "mars_gdp_usd"));
    CHECK(data_has_series(gdp, "world_gdp_usd"));
    CHECK(data_last_period(gdp, "mars_gdp_usd") == -1);
    CHECK(data_source(gdp, "mars_gdp_usd") == NULL);
    CHECK(!data_annual(monthly, "us_fedfunds_monthly", 2008, &v)); /* a monthly file */
    CHECK(!data_monthly(annual, "gdp_real_growth", 2010, 1, &v));  /* an annual file */
    CHECK(!data_monthly(monthly, "us_fedfunds_monthly", 2008, 13, &v));
done:
    data_free(monthly);
    data_free(annual);
    data_free(china_monthly);
    data_free(gdp);
}

/* ---- the world's monthly paths --------------------------------------------------- */

/* Index of (year, month 1..12) in a path starting in January of `start`. */
static int at(int start, int year, int month)
{
    return (year - start) * 12 + month - 1;
}

static void test_world_path(void)
{
    data_set *monthly = load_or_null("monthly_inputs.csv");
    data_set *annual = load_or_null("china_annual.csv");
    data_set *gdp = load_or_null("world_gdp.csv");
    if (!monthly || !annual || !gdp)
        goto done;
    /* before_data differs from the Jan-2018 point so that the first step shows. */
    const world_extension ext = {.foreign_growth = 0.04,
                                 .tariff_before_data = 0.025,
                                 .tariff_eu = 0.03,
                                 .tariff_rest = 0.05};
    world_path w;
    yf_diag diag;
    const int s = 2000, n = 40 * 12; /* 2000-01 .. 2039-12 */
    yf_status st = world_path_build(&w, monthly, annual, gdp, s, n, &ext, &diag);
    CHECK(st == YF_OK);
    if (st != YF_OK) {
        fprintf(stderr, "%s\n", diag.message);
        goto done;
    }
    CHECK(w.start_year == s && w.n_months == n);

    /* Fed funds percent -> fraction; held at 2026-01's 3.64 after the data. */
    CHECK_REL(w.fed_funds[at(s, 2008, 12)], 0.0016, 1e-12);
    CHECK_REL(w.fed_funds[at(s, 2022, 6)], 0.0121, 1e-12);
    CHECK_REL(w.fed_funds[at(s, 2026, 1)], 0.0364, 1e-12);
    CHECK_REL(w.fed_funds[at(s, 2026, 2)], 0.0364, 1e-12);
    CHECK_REL(w.fed_funds[n - 1], 0.0364, 1e-12);
    CHECK_EQ_I64(w.last_data_month[0], at(s, 2026, 1));
    /* USD/CNY as written; held at 2026-06's 6.7758 after the data. */
    CHECK(w.usdcny[at(s, 2015, 8)] == 6.3383);
    CHECK(w.usdcny[at(s, 2005, 7)] == 8.2264);
    CHECK(w.usdcny[n - 1] == 6.7758);
    CHECK_EQ_I64(w.last_data_month[1], at(s, 2026, 6));

    /* US tariff: before_data until 2017-12, then Bown's points from the months
     * their unit text names: Jan 2018 3.0, Dec 2019 21.0, Feb 2020 19.3, Jan 2025 20.8. */
    double *us = w.tariff[DEST_US];
    CHECK(us[0] == 0.025 && us[at(s, 2017, 12)] == 0.025);
    CHECK_REL(us[at(s, 2018, 1)], 0.030, 1e-12);
    CHECK_REL(us[at(s, 2019, 11)], 0.030, 1e-12);
    CHECK_REL(us[at(s, 2019, 12)], 0.210, 1e-12);
    CHECK_REL(us[at(s, 2020, 1)], 0.210, 1e-12);
    CHECK_REL(us[at(s, 2020, 2)], 0.193, 1e-12);
    CHECK_REL(us[at(s, 2024, 12)], 0.193, 1e-12);
    CHECK_REL(us[at(s, 2025, 1)], 0.208, 1e-12);
    CHECK_REL(us[n - 1], 0.208, 1e-12);
    CHECK(w.tariff[DEST_EU][0] == 0.03 && w.tariff[DEST_EU][n - 1] == 0.03);
    CHECK(w.tariff[DEST_REST][0] == 0.05 && w.tariff[DEST_REST][n - 1] == 0.05);

    /* GDP: July carries the annual value (world_gdp.csv, 2010 and 2011 rows). */
    const double us2010 = 15048971000000.0, us2011 = 15599732000000.0;
    const double us2023 = 27360935000000.0;
    double *g = w.foreign_gdp_usd[DEST_US];
    CHECK_REL(g[at(s, 2010, 7)], us2010, 1e-14);
    CHECK_REL(g[at(s, 2011, 7)], us2011, 1e-14);
    CHECK_REL(g[at(s, 2023, 7)], us2023, 1e-14);
    /* Geometric between: January 2011 is half-way, so the geometric mean. */
    CHECK_REL(g[at(s, 2011, 1)], sqrt(us2010 * us2011), 1e-13);
    CHECK_REL(g[at(s, 2010, 10)], us2010 * pow(us2011 / us2010, 0.25), 1e-13);
    CHECK(g[at(s, 2010, 8)] > us2010 && g[at(s, 2010, 8)] < g[at(s, 2010, 9)]);
    /* After July 2023 (the last data year): 4% a year. */
    CHECK_REL(g[at(s, 2024, 1)], us2023 * sqrt(1.04), 1e-13);
    CHECK_REL(g[at(s, 2024, 7)], us2023 * 1.04, 1e-13);
    CHECK_REL(g[at(s, 2030, 7)], us2023 * pow(1.04, 7), 1e-13);
    CHECK_REL(g[n - 1] / g[n - 13], 1.04, 1e-13);
    /* EU in July 2010: eu_gdp_usd,2010,14556122142376.72 */
    CHECK_REL(w.foreign_gdp_usd[DEST_EU][at(s, 2010, 7)], 14556122142376.72, 1e-14);
    /* Rest = World - US - EU - China, from the 2010 and 2022 rows. */
    double rest2010 = 66514174634776.0 - us2010 - 14556122142376.72 - 6087191746679.489;
    double rest2022 =
        101225059591362.84 - 25744108000000.0 - 16761496590765.22 - 17881783387000.867;
    CHECK_REL(w.foreign_gdp_usd[DEST_REST][at(s, 2010, 7)], rest2010, 1e-13);
    CHECK_REL(w.foreign_gdp_usd[DEST_REST][at(s, 2022, 7)], rest2022, 1e-13);
    world_path_release(&w);
    CHECK(w.fed_funds == NULL && w.n_months == 0);
    world_path_release(&w); /* twice is harmless */

    /* From 1995, the first data year: Jan 1995 continues 1995->1996 growth backwards. */
    CHECK(world_path_build(&w, monthly, annual, gdp, 1995, 12, &ext, &diag) == YF_OK);
    const double us1995 = 7639749000000.0;
    double us1996 = 0.0;
    CHECK(data_annual(gdp, "us_gdp_usd", 1996, &us1996));
    if (w.n_months == 12) {
        CHECK_REL(w.foreign_gdp_usd[DEST_US][0], us1995 * pow(us1996 / us1995, -0.5), 1e-13);
        CHECK_REL(w.fed_funds[0], 0.0553, 1e-12); /* us_fedfunds_monthly,1995-01,5.53 */
    }
    world_path_release(&w);

    /* A path starting after the data: everything held or extended. */
    CHECK(world_path_build(&w, monthly, annual, gdp, 2030, 12, &ext, &diag) == YF_OK);
    if (w.n_months == 12) {
        CHECK_REL(w.fed_funds[0], 0.0364, 1e-12);
        CHECK_EQ_I64(w.last_data_month[0], (2026 - 2030) * 12);
        CHECK_REL(w.foreign_gdp_usd[DEST_US][6], us2023 * pow(1.04, 7), 1e-13);
    }
    world_path_release(&w);

    /* Errors: before the data, a missing series, bad arguments. */
    st = world_path_build(&w, monthly, annual, gdp, 1994, 24, &ext, &diag);
    CHECK(st == YF_ERR_ARGUMENT);
    CHECK(contains(diag.message, "series 'us_fedfunds_monthly' has no value for 1994-01"));
    CHECK(w.fed_funds == NULL);
    st = world_path_build(&w, monthly, gdp, gdp, 2000, 24, &ext, &diag);
    CHECK(st == YF_ERR_ARGUMENT);
    CHECK(contains(diag.message, "series 'us_avg_tariff_on_china_bown' is missing"));
    CHECK(contains(diag.message, "world_gdp.csv: error: "));
    st = world_path_build(&w, monthly, annual, annual, 2000, 24, &ext, &diag);
    CHECK(st == YF_ERR_ARGUMENT && contains(diag.message, "series 'us_gdp_usd' is missing"));
    CHECK(world_path_build(&w, monthly, annual, gdp, 2000, 0, &ext, &diag) == YF_ERR_ARGUMENT);
    CHECK(strcmp(diag.message, "error: world path of 0 months from 2000 is out of range") == 0);
    CHECK(world_path_build(&w, NULL, annual, gdp, 2000, 12, &ext, &diag) == YF_ERR_ARGUMENT);
    const char *needs =
        "error: world_path_build needs an output, three data sets and the extension rules";
    CHECK(strcmp(diag.message, needs) == 0);
    world_extension bad = ext;
    bad.foreign_growth = -1.0;
    CHECK(world_path_build(&w, monthly, annual, gdp, 2000, 12, &bad, &diag) == YF_ERR_ARGUMENT);
    CHECK(strcmp(diag.message, "error: foreign_growth -1 must be a number above -1") == 0);
    bad = ext;
    bad.tariff_eu = NAN;
    CHECK(world_path_build(&w, monthly, annual, gdp, 2000, 12, &bad, &diag) == YF_ERR_ARGUMENT);
    CHECK(contains(diag.message, "tariff_eu"));
    bad.tariff_eu = -0.5;
    CHECK(world_path_build(&w, monthly, annual, gdp, 2000, 12, &bad, &diag) == YF_ERR_ARGUMENT);
    CHECK(strcmp(diag.message, "error: tariff_eu -0.5 must be a number at least 0") == 0);
done:
    data_free(monthly);
    data_free(annual);
    data_free(gdp);
}

/* ---- malformed files ------------------------------------------------------------ */

static const char *const tmp_path = "test_data_tmp.csv";

static void write_file(const char *text)
{
    FILE *f = fopen(tmp_path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* Load `text` as a file; expect `want` and, for an error, the message at line:column. */
static data_set *load_text(const char *text, yf_status want, int line, int column, const char *what)
{
    write_file(text);
    data_set *d = (data_set *)&d; /* not NULL, to see that a failure clears it */
    yf_diag diag;
    yf_status st = data_load(&d, tmp_path, &diag);
    CHECK_EQ_I64(st, want);
    if (want == YF_OK)
        return d;
    CHECK(d == NULL);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s:%d:%d: error: %s", tmp_path, line, column, what);
    CHECK(strcmp(diag.message, expected) == 0);
    if (strcmp(diag.message, expected) != 0)
        fprintf(stderr, "  got      '%s'\n  expected '%s'\n", diag.message, expected);
    CHECK(strcmp(diag.path, tmp_path) == 0);
    CHECK_EQ_I64(diag.line, line);
    CHECK_EQ_I64(diag.column, column);
    return NULL;
}

#define HEADER "series,year,value,unit,source,note\n"

/* A nul byte inside a field, unquoted and quoted (a binary or damaged file),
 * and the loader called without a path. */
static void test_nul_bytes(void)
{
    static const char unquoted[] = HEADER "a,2000,1\0,u,s,n\n";
    static const char quoted[] = HEADER "a,2000,1,\"u\0\",s,n\n";
    const char *const text[2] = {unquoted, quoted};
    const size_t size[2] = {sizeof unquoted - 1, sizeof quoted - 1};
    const int column[2] = {9, 12}; /* counted by hand: the nul is the 9th / 12th byte */
    for (int k = 0; k < 2; k++) {
        FILE *f = fopen(tmp_path, "wb");
        CHECK(f != NULL);
        if (!f)
            return;
        fwrite(text[k], 1, size[k], f);
        fclose(f);
        data_set *d = NULL;
        yf_diag diag;
        CHECK_EQ_I64(data_load(&d, tmp_path, &diag), YF_ERR_ARGUMENT);
        char expected[256];
        snprintf(expected, sizeof expected, "%s:2:%d: error: nul byte in a field", tmp_path,
                 column[k]);
        CHECK(d == NULL && strcmp(diag.message, expected) == 0);
        if (strcmp(diag.message, expected) != 0)
            fprintf(stderr, "  got      '%s'\n  expected '%s'\n", diag.message, expected);
    }
    data_set *d = NULL;
    yf_diag diag;
    CHECK(data_load(&d, NULL, &diag) == YF_ERR_ARGUMENT &&
          strcmp(diag.message, "error: data_load needs a path and an output") == 0);
}

static void test_malformed(void)
{
    /* Quoted fields with commas and doubled quotes, CRLF ends, a blank line. */
    data_set *d = load_text(HEADER "a,2000,1.5,\"%, x\",\"src, with \"\"quotes\"\"\",n\r\n"
                                   "\r\n"
                                   "a,2001,-2e3,u,s2,\"\"\n",
                            YF_OK, 0, 0, NULL);
    double v = 0.0;
    CHECK(data_annual(d, "a", 2000, &v) && v == 1.5);
    CHECK(data_annual(d, "a", 2001, &v) && v == -2000.0);
    CHECK(data_source(d, "a") && strcmp(data_source(d, "a"), "src, with \"quotes\"") == 0);
    CHECK(data_unit(d, "a", 2000) && strcmp(data_unit(d, "a", 2000), "%, x") == 0);
    CHECK_EQ_I64(data_n_rows(d), 2);
    data_free(d);
    /* A header alone is an empty set; no final newline is fine. */
    d = load_text("series,date,value,unit,source,note", YF_OK, 0, 0, NULL);
    CHECK_EQ_I64(data_n_rows(d), 0);
    data_free(d);

    load_text("series,yeer,value,unit,source,note\n", YF_ERR_ARGUMENT, 1, 8,
              "header column 'yeer' should be 'year' or 'date'");
    load_text("series,year,value,units,source,note\n", YF_ERR_ARGUMENT, 1, 19,
              "header column 'units' should be 'unit'");
    load_text("", YF_ERR_ARGUMENT, 1, 1,
              "empty file (expected the header 'series,year|date,value,unit,source,note')");
    load_text(HEADER "a,2000,1,u,s,n\n"
                     "a,2001,abc,u,s,n\n",
              YF_ERR_ARGUMENT, 3, 8, "value 'abc' is not a number");
    load_text(HEADER "a,2000,inf,u,s,n\n", YF_ERR_ARGUMENT, 2, 8, "value 'inf' is not a number");
    load_text(HEADER "a,2000,1e999,u,s,n\n", YF_ERR_ARGUMENT, 2, 8,
              "value '1e999' is not a finite number");
    load_text(HEADER "a,2000,,u,s,n\n", YF_ERR_ARGUMENT, 2, 8, "value '' is not a number");
    load_text(HEADER "a,2000,1.5,\"unit,src,note\n"
                     "a,2001,1,u,s,n\n",
              YF_ERR_ARGUMENT, 2, 12, "unterminated quote");
    load_text(HEADER "a,2000,1,\"u\"x,s,n\n", YF_ERR_ARGUMENT, 2, 13,
              "unexpected 'x' after a closing quote");
    load_text(HEADER "a,2000,1,u\"x,s,n\n", YF_ERR_ARGUMENT, 2, 11,
              "quote inside an unquoted field (quote the whole field)");
    load_text(HEADER "a,2000,1,u,s,n\n"
                     "b,2000,1,u,s,n\n"
                     "a,2000,2,u,s,n\n"
                     "b,2000,1,u,s,n\n",
              YF_ERR_ARGUMENT, 4, 3, "duplicate row for series 'a' at 2000 (first at line 2)");
    load_text("series,date,value,unit,source,note\r\n"
              "m,2019-01,1,u,s,n\r\n"
              "m,2019-01-31,1,u,s,n\r\n",
              YF_ERR_ARGUMENT, 3, 3, "duplicate row for series 'm' at 2019-01 (first at line 2)");
    load_text(HEADER "a,2000,1,u,s\n", YF_ERR_ARGUMENT, 2, 13, "expected 6 fields, found 5");
    load_text(HEADER "a,2000,1,u,s,n,x\n", YF_ERR_ARGUMENT, 2, 16, "too many fields (expected 6)");
    load_text(HEADER "a,20x0,1,u,s,n\n", YF_ERR_ARGUMENT, 2, 3,
              "year '20x0' is not a four-digit year");
    load_text(HEADER ",2000,1,u,s,n\n", YF_ERR_ARGUMENT, 2, 1, "empty series name");
    load_text("series,date,value,unit,source,note\n"
              "m,2019-13,1,u,s,n\n",
              YF_ERR_ARGUMENT, 2, 3, "date '2019-13' is not a valid YYYY-MM or YYYY-MM-DD date");
    load_text("series,date,value,unit,source,note\n"
              "m,2019-02-29,1,u,s,n\n",
              YF_ERR_ARGUMENT, 2, 3, "date '2019-02-29' is not a valid YYYY-MM or YYYY-MM-DD date");
    d = load_text("series,date,value,unit,source,note\n"
                  "m,2020-02-29,1,u,s,n\n",
                  YF_OK, 0, 0, NULL);
    CHECK(data_monthly(d, "m", 2020, 2, &v) && v == 1.0);
    data_free(d);
    remove(tmp_path);

    /* A file that is not there: an I/O error naming it and errno's text. */
    yf_diag diag;
    d = (data_set *)&d;
    CHECK(data_load(&d, "no/such/file.csv", &diag) == YF_ERR_IO);
    CHECK(d == NULL);
    char expected[512];
    snprintf(expected, sizeof expected,
             "no/such/file.csv: error: cannot open 'no/such/file.csv': %s", strerror(ENOENT));
    CHECK(strcmp(diag.message, expected) == 0);
    CHECK(strcmp(diag.path, "no/such/file.csv") == 0 && diag.line == 0);
    /* A directory opens but cannot be read. */
    CHECK(data_load(&d, data_dir, &diag) == YF_ERR_IO);
    CHECK(contains(diag.message, strerror(EISDIR)));
}

/* ---- allocation failures ------------------------------------------------------------ */


/* Load three real files, build a world path, load a bad file; true if all went as usual. */
static bool data_scenario(void)
{
    char path[3][512];
    data_file(path[0], sizeof path[0], "monthly_inputs.csv");
    data_file(path[1], sizeof path[1], "china_annual.csv");
    data_file(path[2], sizeof path[2], "world_gdp.csv");
    data_set *d[3] = {NULL, NULL, NULL};
    yf_diag diag;
    bool ok = true;
    for (int k = 0; k < 3 && ok; k++) {
        yf_status st = data_load(&d[k], path[k], &diag);
        ok = st == YF_OK;
        CHECK(ok || (st == YF_ERR_NOMEM && d[k] == NULL));
    }
    world_path w;
    const world_extension ext = {0.04, 0.03, 0.03, 0.03};
    if (ok) {
        yf_status st = world_path_build(&w, d[0], d[1], d[2], 2000, 480, &ext, &diag);
        ok = st == YF_OK;
        CHECK(ok || st == YF_ERR_NOMEM);
        if (ok)
            world_path_release(&w);
    }
    if (ok) { /* the bad file is refused with its own error, or for memory */
        data_set *bad = NULL;
        yf_status st = data_load(&bad, tmp_path, &diag);
        ok = st == YF_ERR_ARGUMENT;
        CHECK(ok || st == YF_ERR_NOMEM);
    }
    for (int k = 0; k < 3; k++)
        data_free(d[k]);
    return ok;
}

static void test_alloc_faults(void)
{
    write_file(HEADER "a,2000,1,u,s,n\n"
                      "a,2000,2,u,s,n\n");
    int attempts = 0, failed = 0;
    for (fail_at = 1; fail_at < 10000; fail_at++) {
        calls = live = 0;
        yf_set_allocator(counting_realloc, NULL);
        bool ok = data_scenario();
        yf_set_allocator(NULL, NULL);
        attempts++;
        CHECK(live == 0);
        if (live != 0)
            fprintf(stderr, "data: %ld blocks leaked when allocation %ld failed\n", live, fail_at);
        if (ok && calls < fail_at)
            break; /* the injected failure was never reached: every path is covered */
        failed += !ok;
    }
    CHECK(failed == attempts - 1);
    CHECK(attempts > 10);
    printf("data: %d allocation failures injected\n", attempts - 1);
    remove(tmp_path);
}

/* A file over 1 GiB (sparse: a header, then a hole) is refused before any of it
 * is read: were it read, the test would take seconds and a gigabyte (and the
 * loader once read up to 2 GiB before it refused). */
static void test_too_large(void)
{
    FILE *f = fopen(tmp_path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(HEADER, f);
    fclose(f);
    CHECK(truncate(tmp_path, (off_t)((1LL << 30) + 1)) == 0);
    data_set *d = (data_set *)&d;
    yf_diag diag;
    yf_status st = data_load(&d, tmp_path, &diag);
    CHECK_EQ_I64(st, YF_ERR_IO);
    CHECK(d == NULL);
    CHECK(strstr(diag.message, "cannot read 'test_data_tmp.csv': larger than 1 GiB") != NULL);
    (void)remove(tmp_path);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_data PATH/TO/data\n");
        return 2;
    }
    data_dir = argv[1];
    test_real_files();
    test_world_path();
    test_malformed();
    test_nul_bytes();
    test_alloc_faults();
    test_too_large();
    return TEST_REPORT();
}
