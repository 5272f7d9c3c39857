/*
 * test_validate.c: the statistics of a validation on tiny hand-made series
 * whose answers are worked out in the comments (src/validate/stats.c), the
 * random walk and AR(1) forecasts on a series that follows an AR(1) exactly,
 * the summary score on a hand-filled result, the matching table against the
 * shipped data, the model's annual values recomputed from its months, and the
 * sparklines' blocks.
 * Usage: test_validate DATA_DIR HISTORY_YAML
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario/scenario.h"
#include "validate/validate.h"

static const char *data_dir, *history_path;

static void test_compare(void)
{
    /* s = 1 2 3 4, a = 1 2 3 6: errors 0 0 0 -2, so RMSE = sqrt(4/4) = 1 and
     * bias = -2/4 = -0.5. Deviations from the means (2.5 and 3): s -1.5 -0.5 0.5
     * 1.5, a -2 -1 0 3; sum of products 3 + 0.5 + 0 + 4.5 = 8, sums of squares
     * 5 and 14: corr = 8 / sqrt(70). Both always rise: direction 1. */
    double s[] = {1, 2, 3, 4}, a[] = {1, 2, 3, 6};
    validate_stats st = validate_compare(s, a, 4);
    CHECK_EQ_I64(st.n, 4);
    CHECK_REL(st.rmse, 1.0, 1e-12);
    CHECK_REL(st.bias, -0.5, 1e-12);
    CHECK_REL(st.corr, 8.0 / sqrt(70.0), 1e-12);
    CHECK_REL(st.direction, 1.0, 1e-12);
    CHECK_EQ_I64(st.turns, 0);

    /* A missing actual year is skipped: errors 0 and 3 over two years, RMSE
     * sqrt(9/2), bias 1.5, no correlation (fewer than three years), and no
     * change of both in consecutive years. */
    double s2[] = {1, 5, 6}, a2[] = {1, NAN, 3};
    st = validate_compare(s2, a2, 3);
    CHECK_EQ_I64(st.n, 2);
    CHECK_REL(st.rmse, sqrt(4.5), 1e-12);
    CHECK_REL(st.bias, 1.5, 1e-12);
    CHECK(isnan(st.corr));
    CHECK(isnan(st.direction));

    /* Nothing in common: everything undefined. */
    double none[] = {NAN, NAN};
    st = validate_compare(none, a, 2);
    CHECK_EQ_I64(st.n, 0);
    CHECK(isnan(st.rmse));

    /* Turning points: a = 0 2 0 2 0 changes +2 -2 +2 -2 (standard deviation 2,
     * so "big" is a change of at least 1 on both sides): a peak in years 1 and
     * 3, a trough in year 2. s = 0 1 0 0 0 has the peak of year 1 only. The
     * changes of s (+1 -1 0 0) agree in sign with a's in the first two years
     * of four: direction 0.5. */
    double a3[] = {0, 2, 0, 2, 0}, s3[] = {0, 1, 0, 0, 0};
    st = validate_compare(s3, a3, 5);
    CHECK_EQ_I64(st.turns, 3);
    CHECK_EQ_I64(st.turns_hit, 1);
    CHECK_REL(st.direction, 0.5, 1e-12);
    /* A small wiggle is no big turning point: a = 0 4 8 7.9 12 has changes
     * 4 4 -0.1 4.1 (standard deviation about 1.83, "big" 0.92), so the peak at 8 (changes 4 and -0.1) is not big. */
    double a4[] = {0, 4, 8, 7.9, 12};
    st = validate_compare(a4, a4, 5);
    CHECK_EQ_I64(st.turns, 0);
}

static void test_forecasts(void)
{
    /* x_t = 1 + 0.5 x_(t-1) from x_0 = 10: 10 6 4 3 2.5. Least squares on the
     * four pairs recovers c = 1, phi = 0.5 exactly. Forecasts for the next two
     * years: AR(1) 1 + 0.5 * 2.5 = 2.25, then 1 + 0.5 * 2.25 = 2.125; the random
     * walk 2.5 and 2.5. */
    double x[] = {10, 6, 4, 3, 2.5, 99, 99};
    double c = 0, phi = 0, f[2];
    CHECK(validate_ar1_fit(x, 5, &c, &phi));
    CHECK_REL(c, 1.0, 1e-12);
    CHECK_REL(phi, 0.5, 1e-12);
    CHECK(validate_forecast_ar1(x, 5, 2, f));
    CHECK_REL(f[0], 2.25, 1e-12);
    CHECK_REL(f[1], 2.125, 1e-12);
    CHECK(validate_forecast_rw(x, 5, 2, f));
    CHECK_REL(f[0], 2.5, 1e-12);
    CHECK_REL(f[1], 2.5, 1e-12);

    /* The last fitted year missing: the forecasts start from the last value
     * (year 3, x = 3) and the AR(1) steps through year 4: 1 + 0.5 * 3 = 2.5
     * in year 4 (not a forecast year), then 2.25 in year 5. */
    double y[] = {10, 6, 4, 3, NAN};
    CHECK(validate_forecast_ar1(y, 5, 1, f));
    CHECK_REL(f[0], 2.25, 1e-12);
    CHECK(validate_forecast_rw(y, 5, 1, f));
    CHECK_REL(f[0], 3.0, 1e-12);

    /* Two pairs are too few for an AR(1); a constant regressor cannot be fitted. */
    double z[] = {10, 6, NAN, 3, 2.5};
    CHECK(!validate_ar1_fit(z, 5, &c, &phi));
    CHECK(!validate_forecast_ar1(z, 5, 1, f));
    CHECK(isnan(f[0]));
    double flat[] = {2, 2, 2, 2, 2};
    CHECK(!validate_ar1_fit(flat, 5, &c, &phi));

    /* A least-squares fit that is not exact: x = 0 1 0 1 0 gives pairs
     * (0,1) (1,0) (0,1) (1,0): z̄ = ȳ = 0.5, sum (z - z̄)(y - ȳ) = -1,
     * sum (z - z̄)^2 = 1: phi = -1, c = 0.5 - (-1)(0.5) = 1. */
    double w[] = {0, 1, 0, 1, 0};
    CHECK(validate_ar1_fit(w, 5, &c, &phi));
    CHECK_REL(phi, -1.0, 1e-12);
    CHECK_REL(c, 1.0, 1e-12);
}

static void test_median(void)
{
    double a[] = {3, 1, 2}, b[] = {4, NAN, 1, 3, 2};
    CHECK_REL(validate_median(a, 3), 2.0, 1e-15);
    CHECK_REL(validate_median(b, 5), 2.5, 1e-15);
    CHECK_REL(validate_min(b, 5), 1.0, 1e-15);
    CHECK_REL(validate_max(b, 5), 4.0, 1e-15);
    CHECK(isnan(validate_median(b + 1, 1)));
    CHECK_REL(a[0], 3.0, 1e-15); /* not sorted in place */
}

static int match_index(const char *model, const char *data)
{
    for (int i = 0; i < validate_n_matches; i++)
        if (strcmp(validate_matches[i].model, model) == 0 && validate_matches[i].data &&
            strcmp(validate_matches[i].data, data) == 0)
            return i;
    return -1;
}

/* The score on a hand-filled result: gdp_real off by 2 every year (its
 * tolerance 2: (2/2)^2 = 1) and cpi_inflation off by 4 (tolerance 2: 4),
 * both weight 1: score (1 + 4) / 2 = 2.5. A series of weight 0 off by a mile
 * and a not-simulated one change nothing. */
static void test_score(void)
{
    validate_options o = {2000, 2004, 2002, 2, NULL};
    validate_result *r = NULL;
    CHECK(validate_result_new(&r, &o) == YF_OK);
    if (!r)
        return;
    int g = match_index("gdp_real", "gdp_real_growth");
    int c = match_index("cpi_inflation", "cpi_inflation");
    int p = match_index("policy_rate", "policy_rate_cbrate");
    CHECK(g >= 0 && c >= 0 && p >= 0);
    CHECK(validate_matches[g].tolerance == 2.0 && validate_matches[c].tolerance == 2.0);
    CHECK(validate_matches[p].weight == 0.0);
    int idx[] = {g, c, p};
    double off[] = {2.0, 4.0, 100.0};
    for (int j = 0; j < 3; j++) {
        validate_series *s = &r->series[idx[j]];
        s->status = VS_COMPARED;
        for (int k = 0; k < 2; k++)
            for (int t = 0; t < 5; t++) {
                s->actual[t] = 5.0 + t;
                s->sim[k * 5 + t] = 5.0 + t + off[j] * (k == 0 ? 1.0 : 2.0);
            }
    }
    validate_finish(r);
    CHECK_REL(r->score[0], 2.5, 1e-12);
    CHECK_REL(r->score_in[0], 2.5, 1e-12);
    CHECK_REL(r->score_out[0], 2.5, 1e-12);
    CHECK_REL(r->score[1], 10.0, 1e-12); /* errors doubled: four times the score */
    /* The out-of-sample years are 2003-2004 (after the split), the benchmarks
     * fitted on 2000-2002 (5 6 7): the random walk holds 7 against 8 and 9,
     * RMSE sqrt((1 + 4) / 2); the AR(1) on (5,6) (6,7) is two pairs, too few. */
    CHECK_EQ_I64(r->series[g].n_oos, 2);
    CHECK_REL(*r->series[g].rmse_oos_rw, sqrt(2.5), 1e-12);
    CHECK(isnan(*r->series[g].rmse_oos_ar1));
    CHECK_EQ_I64(r->series[g].outsample[0].n, 2);
    validate_result_free(r);
}

/* Every data series of the table ships in china_annual.csv; every model
 * series is one the model has (a typo would otherwise hide as "not simulated"). */
static void test_table(const economy *e, const data_set *annual)
{
    for (int i = 0; i < validate_n_matches; i++) {
        const validate_match *m = &validate_matches[i];
        bool known = validate_series_index(e, m->model) >= 0;
        if (!known)
            fprintf(stderr, "unknown model series '%s'\n", m->model);
        CHECK(known);
        if (m->data && !data_has_series(annual, m->data))
            fprintf(stderr, "data series '%s' does not ship\n", m->data);
        CHECK(!m->data || data_has_series(annual, m->data));
        CHECK(m->tolerance > 0.0 && m->weight >= 0.0);
        CHECK(m->data_rule != DATA_GROWTH_PCT || m->form == FORM_GROWTH);
    }
}

/* The model's side recomputed from the months of a short run (2000-2002):
 * real GDP growth from the annual sums, the consumption share weighted by
 * monthly GDP, reserves growth from the Decembers, the current account over
 * GDP in dollars; the data's side from the file's values. */
static void test_fill(void)
{
    scenario *s = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(scenario_load(&s, history_path, &d) == YF_OK);
    data_set *annual = NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/china_annual.csv", data_dir);
    CHECK(data_load(&annual, path, &d) == YF_OK);
    if (!s || !annual)
        exit(1);
    double param[N_MODEL_PARAMS];
    scenario_params(s, param);
    validate_run_size size = {200, 50, 2002 * 12 + 11, 0, data_dir};
    economy *e = NULL;
    CHECK(validate_run(s, param, &size, &e, &d) == YF_OK);
    if (!e)
        exit(1);
    test_table(e, annual);
    validate_options o = {2000, 2003, 2001, 1, NULL};
    validate_result *r = NULL;
    CHECK(validate_result_new(&r, &o) == YF_OK);
    validate_fill(r, 0, e, annual);
    const double *gdp_real = e->out[validate_series_index(e, "gdp_real")].values;
    const double *gdp = e->out[validate_series_index(e, "gdp_nominal")].values;
    const double *cs = e->out[validate_series_index(e, "consumption_share")].values;
    const double *fx = e->out[validate_series_index(e, "fx_reserves_usd")].values;
    const double *ca = e->out[validate_series_index(e, "current_account_usd")].values;
    const double *rate = e->out[validate_series_index(e, "usdcny")].values;
    double y2000 = 0, y2001 = 0, c2001 = 0, g2001 = 0, ca2001 = 0, gusd2001 = 0;
    for (int m = 0; m < 12; m++) {
        y2000 += gdp_real[m];
        y2001 += gdp_real[12 + m];
        c2001 += cs[12 + m] * gdp[12 + m];
        g2001 += gdp[12 + m];
        ca2001 += ca[12 + m];
        gusd2001 += gdp[12 + m] / rate[12 + m];
    }
    int ig = match_index("gdp_real", "gdp_real_growth");
    int ic = match_index("consumption_share", "household_consumption_share_gdp");
    int ir = match_index("fx_reserves_usd", "fx_reserves_excl_gold_usd");
    int ia = match_index("current_account_usd", "current_account_share_gdp");
    int ih = match_index("house_price_tier1", "house_price_index_nominal_bis");
    CHECK(ig >= 0 && ic >= 0 && ir >= 0 && ia >= 0 && ih >= 0);
    CHECK(r->series[ig].status == VS_COMPARED);
    CHECK(isnan(r->series[ig].sim[0])); /* 2000: no 1999 in the run */
    CHECK_REL(r->series[ig].sim[1], 100.0 * (y2001 / y2000 - 1.0), 1e-12);
    CHECK(isnan(r->series[ig].sim[3])); /* 2003: not run */
    CHECK_REL(r->series[ic].sim[1], 100.0 * c2001 / g2001, 1e-12);
    CHECK_REL(r->series[ir].sim[1], 100.0 * (fx[23] / fx[11] - 1.0), 1e-12);
    CHECK_REL(r->series[ia].sim[1], 100.0 * ca2001 / gusd2001, 1e-12);
    /* data: reserves growth from the file's two year-ends */
    double v0, v1;
    CHECK(data_annual(annual, "fx_reserves_excl_gold_usd", 2000, &v0) &&
          data_annual(annual, "fx_reserves_excl_gold_usd", 2001, &v1));
    CHECK_REL(r->series[ir].actual[1], 100.0 * (v1 / v0 - 1.0), 1e-12);
    CHECK(data_annual(annual, "gdp_real_growth", 2001, &v1));
    CHECK_REL(r->series[ig].actual[1], v1, 1e-15);
    /* house prices are simulated, but the BIS index starts in 2006: no data
     * in 2000-2003; land revenue has no data series at all */
    int il = -1;
    for (int i = 0; i < validate_n_matches; i++)
        if (strcmp(validate_matches[i].model, "land_revenue") == 0)
            il = i;
    CHECK(il >= 0 && validate_matches[il].data == NULL);
    CHECK(r->series[ih].status == VS_NO_DATA);
    CHECK(il >= 0 && r->series[il].status == VS_NO_DATA);
    /* a series the run does not have is "not simulated" (its sim row NaN) */
    int k = validate_series_index(e, "gdp_real");
    const char *name = e->out[k].name;
    e->out[k].name = "renamed";
    validate_fill(r, 0, e, annual);
    CHECK(r->series[ig].status == VS_NOT_SIMULATED);
    CHECK(isnan(r->series[ig].sim[1]));
    CHECK(r->series[ic].status == VS_COMPARED);
    e->out[k].name = name;
    validate_result_free(r);
    economy_free(e);
    data_free(annual);
    scenario_free(s);
}

static void test_sparkline(void)
{
    /* 0..7 over [0, 7]: value k is at 8k/7 eighths, whose floor is k, so block
     * k, the eight blocks in order (U+2581..U+2588 are E2 96 81..88). */
    double ramp[] = {0, 1, 2, 3, 4, 5, 6, 7};
    char out[64];
    CHECK_EQ_I64(validate_sparkline(ramp, 8, 0.0, 7.0, out, sizeof out), 24);
    CHECK(strcmp(out, "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588") == 0);
    /* A NaN is a space; values outside [lo, hi] are clamped to the end blocks;
     * 2.4 of [0, 4] is at 4.8 eighths: block 4 (U+2585). */
    double odd[] = {-5, NAN, 9, 2.4};
    CHECK_EQ_I64(validate_sparkline(odd, 4, 0.0, 4.0, out, sizeof out), 10);
    CHECK(strcmp(out, "\u2581 \u2588\u2585") == 0);
    /* No spread: every value is the fourth block. */
    double flat[] = {3, 3};
    validate_sparkline(flat, 2, 3.0, 3.0, out, sizeof out);
    CHECK(strcmp(out, "\u2584\u2584") == 0);
    /* Too small a buffer (needs 3 n + 1 = 7 bytes): refused, untouched. */
    strcpy(out, "x");
    CHECK_EQ_I64(validate_sparkline(flat, 2, 0.0, 1.0, out, 6), -1);
    CHECK(strcmp(out, "x") == 0);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_validate DATA_DIR HISTORY_YAML\n");
        return 2;
    }
    data_dir = argv[1];
    history_path = argv[2];
    test_compare();
    test_forecasts();
    test_median();
    test_score();
    test_fill();
    test_sparkline();
    return TEST_REPORT();
}
