/*
 * test_scale.c: scale invariance (issue 8, docs/performance.md 9). Each household
 * agent stands for an equal share of China's households, so the macro story must
 * not depend on how many agents tell it. The history runs at three agent counts,
 * each four times (or ten times) the last; for each key series, year by year, in
 * percentage points:
 *
 *   1. the middle count is within TOLERANCE_PP of the largest: a tenth of a point,
 *      the precision to which the NBS publishes growth, inflation and shares, so a
 *      difference below it could not be seen in the data the model is held to;
 *   2. the gap does not grow with the count: the middle count is no farther from
 *      the largest than the smallest is (plus a hundredth of a point).
 *
 * The model draws no random numbers yet (docs/performance.md 9): agents differ by
 * their rank quantiles only, so there is no seed-to-seed spread to add to the
 * tolerance; once there is, it must be added (three standard deviations).
 * Usage: test_scale DATA_DIR HISTORY_YAML LAST_YEAR N1 N2 N3 (N1 < N2 < N3)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/economy.h"
#include "scenario/scenario.h"

enum { MAX_YEARS = 40 };

static const double TOLERANCE_PP = 0.1, CONVERGENCE_SLACK_PP = 0.01;

/* A key series and how its year is read: the growth of its annual sum or mean
 * ('g'), or the mean of a rate or share ('m'), in percent. */
typedef struct key_series {
    const char *name;
    char how;
} key_series;

static const key_series keys[] = {
    {"gdp_real", 'g'},          {"cpi_inflation", 'm'},         {"unemployment", 'm'},
    {"consumption_share", 'm'}, {"household_saving_rate", 'm'}, {"exports_usd", 'g'},
    {"fx_reserves_usd", 'g'},   {"house_price_index", 'g'},     {"labour_share", 'm'},
};

enum { N_KEYS = sizeof keys / sizeof *keys };

/* value[k][y]: key series k in year y (from the second year), percent. */
typedef struct run_result {
    int n_years;
    double value[N_KEYS][MAX_YEARS];
} run_result;

static double year_mean(const double *v, int y)
{
    double s = 0.0;
    for (int j = 0; j < 12; j++)
        s += v[12 * y + j];
    return s / 12.0;
}

static bool history_run(
    const char *data_dir, const scenario *history, int32_t n_households, int years, run_result *out)
{
    economy_size size = {n_households, 5000, 300, 2000, 12 * years, 0};
    yf_diag d = {{0}, 0, 0, {0}};
    economy *e = NULL;
    scenario_driver *driver = NULL;
    bool ok = economy_new(&e, &size, data_dir, NULL, &d) == YF_OK &&
              scenario_driver_new(&driver, history, e, &d) == YF_OK &&
              scenario_driver_run(driver, size.n_months) == YF_OK;
    if (!ok)
        fprintf(stderr, "%d households: %s%s\n", n_households, d.message, e ? e->msg : "");
    for (int k = 0; ok && k < N_KEYS; k++) {
        const double *v = NULL;
        for (int s = 0; s < e->n_series; s++)
            if (strcmp(e->out[s].name, keys[k].name) == 0)
                v = e->out[s].values;
        if (!v) {
            fprintf(stderr, "no series '%s'\n", keys[k].name);
            ok = false;
            break;
        }
        for (int y = 1; y < years; y++)
            out->value[k][y] = keys[k].how == 'g'
                                   ? 100.0 * (year_mean(v, y) / year_mean(v, y - 1) - 1.0)
                                   : 100.0 * year_mean(v, y);
    }
    out->n_years = years;
    scenario_driver_free(driver);
    economy_free(e);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: test_scale DATA_DIR HISTORY_YAML LAST_YEAR N1 N2 N3\n");
        return 2;
    }
    const int years = atoi(argv[3]) - 2000 + 1;
    const int32_t n[3] = {atoi(argv[4]), atoi(argv[5]), atoi(argv[6])};
    if (years < 2 || years > MAX_YEARS || !(0 < n[0] && n[0] < n[1] && n[1] < n[2])) {
        fprintf(stderr, "test_scale: LAST_YEAR in 2001..2039 and 0 < N1 < N2 < N3\n");
        return 2;
    }
    scenario *history = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    if (scenario_load(&history, argv[2], &d) != YF_OK) {
        fprintf(stderr, "%s\n", d.message);
        return 2;
    }
    static run_result r[3];
    for (int i = 0; i < 3; i++)
        CHECK(history_run(argv[1], history, n[i], years, &r[i]));
    for (int k = 0; k < N_KEYS; k++) {
        double small = 0.0, middle = 0.0;
        int worst = 1;
        for (int y = 1; y < years; y++) {
            small = fmax(small, fabs(r[0].value[k][y] - r[2].value[k][y]));
            double gap = fabs(r[1].value[k][y] - r[2].value[k][y]);
            if (gap > middle)
                middle = gap, worst = y;
        }
        printf("%-22s largest gap to %d households: %.4f pp at %d, %.4f pp at %d\n", keys[k].name,
               n[2], small, n[0], middle, n[1]);
        CHECK(middle <= TOLERANCE_PP);
        CHECK(middle <= small + CONVERGENCE_SLACK_PP);
        if (middle > TOLERANCE_PP)
            fprintf(stderr, "  %s in %d: %.3f pp between %d and %d households\n", keys[k].name,
                    2000 + worst, middle, n[1], n[2]);
    }
    scenario_free(history);
    return TEST_REPORT();
}
