/*
 * test_calibrate.c: the calibration machinery (src/validate/calibrate.c) on a
 * cheap objective whose optimum is known, a bowl centred at c inside the box:
 * the search finds c; a second call on the same store evaluates nothing and
 * replays every point; a search stopped early and resumed with a larger budget
 * makes exactly the evaluations the uninterrupted search makes after that
 * point, and ends at the same best; forked workers record and report theirs.
 * Also: the free-parameter table against params.h, the starts (Halton points
 * worked out by hand), and the model's objective against a validation of the
 * same run.
 * Usage: test_calibrate DATA_DIR HISTORY_YAML
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "harness.h"
#include "scenario/scenario.h"
#include "validate/calibrate.h"

static const char *data_dir, *history_path;

enum { N = 3 };

static const double centre[N] = {0.3, -1.0, 42.0};
static const double lo[N] = {0.0, -5.0, 0.0}, hi[N] = {1.0, 5.0, 100.0};
static const char *const names[N] = {"a", "b", "c"};

/* The bowl: sum ((x - c) / (hi - lo))^2, minimum 0 at c. Counts its calls. */
static double bowl(void *ctx, const double *x, int n)
{
    int *calls = ctx;
    (*calls)++;
    double f = 0.0;
    for (int i = 0; i < n; i++) {
        double z = (x[i] - centre[i]) / (hi[i] - lo[i]);
        f += z * z;
    }
    return f;
}

static void store_name(char *out, size_t size, const char *tag)
{
    snprintf(out, size, "test_calibrate_%ld_%s.sqlite", (long)getpid(), tag);
    unlink(out);
}

static void test_bowl(void)
{
    int calls = 0;
    double x0[N] = {0.9, 4.0, 10.0};
    calibrate_problem p = {N, names, lo, hi, x0, bowl, &calls, 0x1234, "bowl"};
    char store[128];
    store_name(store, sizeof store, "bowl");
    calibrate_options o = {store, 1, 1, 300, NULL, NULL};
    calibrate_result r1, r2;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(calibrate_run(&p, &o, &r1, &d) == YF_OK);
    for (int i = 0; i < N; i++)
        CHECK(fabs(r1.best_x[i] - centre[i]) <= 1e-3 * (hi[i] - lo[i]));
    CHECK(r1.best_f < 1e-6);
    CHECK_EQ_I64(r1.n_new, calls);
    CHECK(r1.n_new > 2 * N + 1); /* BOBYQA's initial model alone needs 2n + 1 */
    CHECK_EQ_I64(r1.n_recorded, r1.n_new);
    CHECK_EQ_I64(r1.n_failed_starts, 0);

    /* Again on the same store: nothing evaluated, everything replayed, the same best. */
    int first = calls;
    calls = 0;
    CHECK(calibrate_run(&p, &o, &r2, &d) == YF_OK);
    CHECK_EQ_I64(calls, 0);
    CHECK_EQ_I64(r2.n_new, 0);
    CHECK_EQ_I64(r2.n_replayed, r1.n_new + r1.n_replayed);
    CHECK_EQ_I64(r2.n_recorded, first);
    for (int i = 0; i < N; i++)
        CHECK(r2.best_x[i] == r1.best_x[i]);
    CHECK(r2.best_f == r1.best_f);
    yf_mem_free(r2.best_x);

    /* Stopped after 10 evaluations, then resumed with the full budget: the
     * resumed call runs only the evaluations after the tenth, and the two
     * together are the uninterrupted search. */
    char store2[128];
    store_name(store2, sizeof store2, "resume");
    calibrate_options short_o = {store2, 1, 1, 10, NULL, NULL};
    calls = 0;
    calibrate_result a, b;
    CHECK(calibrate_run(&p, &short_o, &a, &d) == YF_OK);
    int before = calls;
    CHECK_EQ_I64(before, a.n_new);
    CHECK(before <= 11); /* the start, then at most 10 of BOBYQA's */
    calls = 0;
    calibrate_options full = {store2, 1, 1, 300, NULL, NULL};
    CHECK(calibrate_run(&p, &full, &b, &d) == YF_OK);
    CHECK_EQ_I64(b.n_replayed, a.n_new + a.n_replayed);
    CHECK_EQ_I64(calls + before, first);
    for (int i = 0; i < N; i++)
        CHECK(b.best_x[i] == r1.best_x[i]);
    yf_mem_free(a.best_x);
    yf_mem_free(b.best_x);

    /* Another calibration (another key) in the same store starts afresh. */
    calibrate_problem other = p;
    other.key = 0x5678;
    calls = 0;
    calibrate_options tiny = {store, 1, 1, 5, NULL, NULL};
    CHECK(calibrate_run(&other, &tiny, &a, &d) == YF_OK);
    CHECK(calls > 0);
    CHECK_EQ_I64(a.n_recorded, calls);
    yf_mem_free(a.best_x);
    yf_mem_free(r1.best_x);
    unlink(store);
    unlink(store2);
}

/* Two starts in two forked workers: their evaluations happen in the children
 * (none here), are reported through the pipes and recorded; a rerun replays. */
static void test_forked(void)
{
    int calls = 0;
    double x0[N] = {0.1, 0.0, 90.0};
    calibrate_problem p = {N, names, lo, hi, x0, bowl, &calls, 0x9abc, "bowl, forked"};
    char store[128];
    store_name(store, sizeof store, "forked");
    calibrate_options o = {store, 2, 2, 200, NULL, NULL};
    calibrate_result r, again;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(calibrate_run(&p, &o, &r, &d) == YF_OK);
    CHECK_EQ_I64(calls, 0);
    CHECK(r.n_new > 0);
    CHECK_EQ_I64(r.n_failed_starts, 0);
    CHECK_EQ_I64(r.n_recorded, r.n_new);
    for (int i = 0; i < N; i++)
        CHECK(fabs(r.best_x[i] - centre[i]) <= 1e-3 * (hi[i] - lo[i]));
    CHECK(calibrate_run(&p, &o, &again, &d) == YF_OK);
    CHECK_EQ_I64(again.n_new, 0);
    CHECK_EQ_I64(again.n_replayed, r.n_new + r.n_replayed);
    yf_mem_free(r.best_x);
    yf_mem_free(again.best_x);
    unlink(store);
}

static void test_starts_and_errors(void)
{
    /* k = 0: x0 clamped into the box. k = 1: the first Halton point, 1/2 in
     * base 2, 1/3 in base 3, 1/5 in base 5: a = 0.5, b = -5 + 10/3, c = 20.
     * k = 2: 1/4, 2/3, 2/5. */
    double x0[N] = {-1.0, 2.0, 1000.0}, x[N];
    calibrate_problem p = {N, names, lo, hi, x0, bowl, NULL, 1, ""};
    calibrate_start_point(&p, 0, x);
    CHECK(x[0] == 0.0 && x[1] == 2.0 && x[2] == 100.0);
    calibrate_start_point(&p, 1, x);
    CHECK_REL(x[0], 0.5, 1e-15);
    CHECK_REL(x[1], -5.0 + 10.0 / 3.0, 1e-15);
    CHECK_REL(x[2], 20.0, 1e-15);
    calibrate_start_point(&p, 2, x);
    CHECK_REL(x[0], 0.25, 1e-15);
    CHECK_REL(x[1], -5.0 + 20.0 / 3.0, 1e-15);
    CHECK_REL(x[2], 40.0, 1e-15);

    /* A store that is not a yuanflow store is refused, untouched. */
    char store[128];
    store_name(store, sizeof store, "foreign");
    FILE *f = fopen(store, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("not a database, but not empty either\n", f);
        fclose(f);
    }
    calibrate_options o = {store, 1, 1, 5, NULL, NULL};
    calibrate_result r;
    yf_diag d = {{0}, 0, 0, {0}};
    CHECK(calibrate_run(&p, &o, &r, &d) == YF_ERR_IO);
    CHECK(strstr(d.message, store) != NULL);
    yf_mem_free(r.best_x);
    unlink(store);
    /* Bad problems. */
    double bad_hi[N] = {0.0, 5.0, 100.0};
    calibrate_problem q = p;
    q.hi = bad_hi;
    CHECK(calibrate_run(&q, &o, &r, &d) == YF_ERR_ARGUMENT);
    calibrate_options none = {store, 0, 1, 5, NULL, NULL};
    CHECK(calibrate_run(&p, &none, &r, &d) == YF_ERR_ARGUMENT);
}

/* Every free parameter is a model parameter, and its box lies inside the
 * parameter's range, with a reason. */
static void test_table(void)
{
    for (int i = 0; i < calibrate_n_free_params; i++) {
        const calibrate_free_param *f = &calibrate_free_params[i];
        int p = model_param_find(f->name);
        if (p < 0)
            fprintf(stderr, "free parameter '%s' is not in params.h\n", f->name);
        CHECK(p >= 0);
        if (p < 0)
            continue;
        CHECK(f->lo < f->hi);
        CHECK(f->lo >= model_param_table[p].min && f->hi <= model_param_table[p].max);
        CHECK(f->reason && strlen(f->reason) > 20);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(calibrate_free_params[j].name, f->name) != 0);
    }
}

/* The model's objective is the validation score of the same run over the
 * window; its key changes with a base parameter and with the seeds. */
static void test_model_objective(void)
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
    int64_t seeds[1] = {0};
    calibrate_model m;
    memset(&m, 0, sizeof m);
    m.scenario = s;
    scenario_params(s, m.base);
    m.n = 1;
    m.index[0] = model_param_find("c1_top");
    m.size = (validate_run_size){200, 50, 2003 * 12 + 11, 0, data_dir};
    m.annual = annual;
    m.from = 2000;
    m.to = 2003;
    m.n_seeds = 1;
    m.seeds = seeds;
    double x = 0.5;
    double f = calibrate_model_objective(&m, &x, 1);

    double param[N_MODEL_PARAMS];
    memcpy(param, m.base, sizeof param);
    param[m.index[0]] = 0.5;
    economy *e = NULL;
    CHECK(validate_run(s, param, &m.size, &e, &d) == YF_OK);
    validate_options vo = {2000, 2003, 2003, 1, seeds};
    validate_result *r = NULL;
    CHECK(validate_result_new(&r, &vo) == YF_OK);
    if (!e || !r)
        exit(1);
    validate_fill(r, 0, e, annual);
    CHECK_REL(f, validate_score_window(r, 0, 2000, 2003), 1e-15);
    double other = 0.7;
    CHECK(calibrate_model_objective(&m, &other, 1) != f); /* the parameter matters */

    const char *nm[1] = {"c1_top"};
    double l = 0.2, h = 0.8;
    calibrate_problem p = {1, nm, &l, &h, &x, calibrate_model_objective, &m, 0, ""};
    uint64_t k1 = calibrate_model_key(&m, &p);
    CHECK(k1 == calibrate_model_key(&m, &p));
    int vat = model_param_find("vat_rate");
    double vat0 = m.base[vat];
    m.base[vat] = vat0 + 0.01;
    CHECK(calibrate_model_key(&m, &p) != k1);
    m.base[vat] = vat0;
    CHECK(calibrate_model_key(&m, &p) == k1);
    seeds[0] = 7;
    CHECK(calibrate_model_key(&m, &p) != k1);
    validate_result_free(r);
    economy_free(e);
    data_free(annual);
    scenario_free(s);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_calibrate DATA_DIR HISTORY_YAML\n");
        return 2;
    }
    data_dir = argv[1];
    history_path = argv[2];
    test_table();
    test_starts_and_errors();
    test_bowl();
    test_forked();
    test_model_objective();
    return TEST_REPORT();
}
