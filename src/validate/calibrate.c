/*
 * calibrate.c: the method-of-simulated-moments fit (calibrate.h,
 * docs/validation.md section 6): the table of free parameters, the model's
 * objective, NLopt's BOBYQA in forked workers, and the record of every
 * evaluation in the SQLite run store that makes a calibration resumable.
 */
#define _POSIX_C_SOURCE 200809L /* fork, pipe */
#include "validate/calibrate.h"

#include <errno.h>
#include <math.h>
#include <nlopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"
#include "output/output.h"
#include "scenario/scenario.h"

/* ---- the free parameters ------------------------------------------------------
 * The parameters tools/calibrate_history.py searched (the behaviour the data
 * pin down least), in the same boxes, each inside its range in params.h
 * (checked by tests/test_calibrate.c). Policy levers, the timeline's dates and
 * parameters taken from a source (tax rates, spreads, depreciation) are not free. */
/* clang-format off */
const calibrate_free_param calibrate_free_params[] = {
    {"rd_elasticity", 0.05, 0.4,
     "output elasticities of R&D capital of 0.05-0.25 (Hall, Mairesse and Mohnen 2010) over a labour share "
     "near 0.58 give 0.09-0.43 for labour-augmenting technology; the box is that range, rounded"},
    {"verdoorn", 0.2, 0.9,
     "estimates of the Kaldor-Verdoorn coefficient are 0.3-0.7 (McCombie, Pugno and Soro 2002), widened by 0.1 each way"},
    {"migration_rate", 0.05, 2.0,
     "a reserve emptied in 20 years at the slowest, in six months at the fastest (the range's top)"},
    {"rural_surplus", 0.05, 0.4,
     "150-200 million surplus rural workers around 2000 (Cai Fang) is 0.2-0.27 of the labour force; widened"},
    {"invest_speed", 0.003, 0.05,
     "faster than 0.05 a month makes the supermultiplier unstable (Freitas and Serrano 2015); below 0.003 investment ignores demand"},
    {"export_income_elasticity", 1.0, 4.5,
     "China's exports grew 2-4 times as fast as world GDP in 2000-2013 (exports_gs_usd, world_gdp.csv)"},
    {"export_cycle_elasticity", 0.0, 3.0,
     "trade falls 2-3 times as much as GDP in a slump (Levchenko, Lewis and Tesar 2010); 0: no extra response"},
    {"export_price_elasticity", 0.5, 3.0,
     "trade-elasticity estimates of 1-2, widened by half each way"},
    {"wto_gain", 0.5, 4.0,
     "market access after WTO entry: from a half to four times more (exports rose fivefold in 2001-2008)"},
    {"portfolio_sensitivity", 0.2, 6.0,
     "about $1 trillion left in 2015-16 on a swing of some 5 points in an $11 trillion economy is near 2; a factor 10 down and 3 up"},
    {"portfolio_speed", 0.01, 0.3,
     "a half-life of portfolio adjustment between two months and six years"},
    {"export_share_ceiling", 0.03, 0.2,
     "China's exports reached 3.4-4.5% of the rest of the world's GDP after 2013: the ceiling is above that and below a fifth"},
    {"invest_rate_semielasticity", 0.0, 3.0,
     "user-cost semi-elasticities of 2-8 (Chirinko 1993) for market firms; state firms' soft budgets pull it toward 0"},
    {"c1_bottom", 0.7, 0.99,
     "the poorest households consume most of their income; below 0.7 they would save like the middle class"},
    {"c1_top", 0.2, 0.8,
     "the richest households consume a fifth to four fifths of their income (household saving near a third on average)"},
    {"precaution", 0.2, 1.25,
     "US saving rate +0.21 to +0.67 points per point of expected unemployment (Carroll, Slacalek and Sommer 2019, table 1); as the same relative fall of consumption, or as the same points over the model's propensity out of income (about 0.55)"},
    {"markup_utilisation", 0.2, 3.0,
     "mark-ups move with utilisation, but not so much that a point of idle capacity moves prices by more than 3 points"},
    {"wage_phillips", 0.1, 3.0,
     "wage growth responds to unemployment (0.1) to strongly (3 points per point)"},
    {"inflation_anchor", 0.2, 0.95,
     "the 3% target anchors between a fifth and nearly all of expected inflation"},
    {"max_employment", 0.94, 0.99,
     "frictional unemployment between 1 and 6% of the urban labour force"},
};
/* clang-format on */

const int calibrate_n_free_params =
    (int)(sizeof calibrate_free_params / sizeof *calibrate_free_params);

/* ---- starts --------------------------------------------------------------------- */

/* The k-th element of the van der Corput sequence in base b: k's digits
 * mirrored about the radix point, in (0, 1). */
static double van_der_corput(int k, int b)
{
    double v = 0.0, f = 1.0 / b;
    for (; k > 0; k /= b) {
        v += f * (k % b);
        f /= b;
    }
    return v;
}

static int nth_prime(int i)
{
    static const int primes[] = {2,  3,  5,  7,  11, 13, 17, 19, 23, 29, 31, 37,  41,  43,
                                 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107};
    return primes[i % (int)(sizeof primes / sizeof *primes)];
}

void calibrate_start_point(const calibrate_problem *p, int k, double *x)
{
    for (int i = 0; i < p->n; i++) {
        double v =
            k == 0 ? p->x0[i] : p->lo[i] + van_der_corput(k, nth_prime(i)) * (p->hi[i] - p->lo[i]);
        x[i] = v < p->lo[i] ? p->lo[i] : v > p->hi[i] ? p->hi[i] : v;
    }
}

/* ---- the store -------------------------------------------------------------------- */

static const char calibration_schema[] =
    "CREATE TABLE IF NOT EXISTS calibrations (\n"
    "  key TEXT PRIMARY KEY,          -- 16 hex digits: hash of what the objective depends on\n"
    "  parameters TEXT NOT NULL,      -- the free parameters, comma-separated, in point order\n"
    "  description TEXT NOT NULL,\n"
    "  created TEXT\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS calibration_evaluations (\n"
    "  calibration TEXT NOT NULL REFERENCES calibrations(key) ON DELETE CASCADE,\n"
    "  point TEXT NOT NULL,           -- the values, %.17g, comma-separated\n"
    "  objective REAL NOT NULL,\n"
    "  start INTEGER NOT NULL,        -- the local search that first made it\n"
    "  evaluation INTEGER NOT NULL,   -- its number in that search, from 1\n"
    "  created TEXT,\n"
    "  PRIMARY KEY (calibration, point)\n"
    ") WITHOUT ROWID;\n";

static void key_hex(uint64_t key, char out[17])
{
    output_hash_hex(key, out);
}

static void utc_now(char *out, size_t size)
{
    time_t now = time(NULL);
    const struct tm *utc = gmtime(&now);
    if (!utc || !strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", utc))
        out[0] = '\0';
}

static yf_status store_fail(yf_diag *diag, const char *path, sqlite3 *db, const char *what)
{
    snprintf(diag->path, sizeof diag->path, "%s", path);
    snprintf(diag->message, sizeof diag->message, "cannot write run store '%s': %s: %s", path, what,
             db ? sqlite3_errmsg(db) : "no connection");
    return YF_ERR_IO;
}

/* Open the store and make sure the calibration's tables and its row exist. */
static yf_status
store_open(const calibrate_problem *p, const char *path, sqlite3 **out, yf_diag *diag)
{
    yf_status st = output_store_open(path, out, diag);
    if (st != YF_OK)
        return st;
    sqlite3 *db = *out;
    if (sqlite3_exec(db, calibration_schema, NULL, NULL, NULL) != SQLITE_OK) {
        st = store_fail(diag, path, db, "cannot create the calibration tables");
        sqlite3_close(db);
        *out = NULL;
        return st;
    }
    strbuf names;
    strbuf_init(&names);
    for (int i = 0; i < p->n; i++)
        strbuf_printf(&names, "%s%s", i ? "," : "", p->names[i]);
    char *text = strbuf_take(&names);
    char key[17], created[32];
    key_hex(p->key, key);
    utc_now(created, sizeof created);
    sqlite3_stmt *q = NULL;
    bool ok = text && sqlite3_prepare_v2(
                          db,
                          "INSERT OR IGNORE INTO calibrations (key, parameters, description, "
                          "created) VALUES (?, ?, ?, ?)",
                          -1, &q, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 3, p->description ? p->description : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 4, created, -1, SQLITE_TRANSIENT);
        ok = sqlite3_step(q) == SQLITE_DONE;
    }
    sqlite3_finalize(q);
    yf_mem_free(text);
    if (!ok) {
        st = text ? store_fail(diag, path, db, "cannot record the calibration") : YF_ERR_NOMEM;
        sqlite3_close(db);
        *out = NULL;
        return st;
    }
    return YF_OK;
}

static char *point_text(const double *x, int n)
{
    strbuf b;
    strbuf_init(&b);
    for (int i = 0; i < n; i++)
        strbuf_printf(&b, "%s%.17g", i ? "," : "", x[i]);
    return strbuf_take(&b);
}

/* ---- one local search --------------------------------------------------------------- */

typedef struct search {
    const calibrate_problem *p;
    const calibrate_options *o;
    sqlite3 *db;
    sqlite3_stmt *find, *add;
    char key[17];
    int start, evaluations, n_new, n_replayed;
    double best;
    double *x; /* scratch: the point in the parameters' units */
    bool store_failed;
    bool cannot_evaluate; /* the objective gave NaN: it could not run (out of memory) */
} search;

/* What NLopt minimises: u in [0, 1]^n is x = lo + u (hi - lo). */
/* NOLINTNEXTLINE(readability-non-const-parameter): NLopt's nlopt_func signature */
static double search_objective(unsigned n, const double *u, double *grad, void *data)
{
    (void)grad; /* derivative-free */
    search *s = data;
    const calibrate_problem *p = s->p;
    for (unsigned i = 0; i < n; i++) {
        double v = p->lo[i] + u[i] * (p->hi[i] - p->lo[i]);
        s->x[i] = v < p->lo[i] ? p->lo[i] : v > p->hi[i] ? p->hi[i] : v;
    }
    char *point = point_text(s->x, p->n);
    if (!point) {
        s->store_failed = true;
        return HUGE_VAL;
    }
    double f = NAN;
    bool replayed = false;
    sqlite3_reset(s->find);
    sqlite3_bind_text(s->find, 1, s->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s->find, 2, point, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s->find);
    if (rc == SQLITE_ROW) {
        f = sqlite3_column_double(s->find, 0);
        replayed = true;
    } else if (rc != SQLITE_DONE) {
        s->store_failed = true;
    }
    sqlite3_reset(s->find);
    s->evaluations++;
    if (!replayed && !s->store_failed && !s->cannot_evaluate)
        f = p->objective(p->ctx, s->x, p->n);
    /* NaN: the objective could not run at all (out of memory). Not a score:
     * recording it (as 1e6, once) would make every later calibration replay
     * a bad fit that was never computed. The search stops as failed. */
    s->cannot_evaluate = s->cannot_evaluate || (!replayed && !s->store_failed && isnan(f));
    if (!replayed && !s->store_failed && !s->cannot_evaluate) {
        if (isinf(f))
            f = 1e6; /* a candidate the objective cannot score: far from any fit */
        char created[32];
        utc_now(created, sizeof created);
        sqlite3_reset(s->add);
        sqlite3_bind_text(s->add, 1, s->key, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->add, 2, point, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(s->add, 3, f);
        sqlite3_bind_int(s->add, 4, s->start);
        sqlite3_bind_int(s->add, 5, s->evaluations);
        sqlite3_bind_text(s->add, 6, created, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s->add) != SQLITE_DONE)
            s->store_failed = true;
        sqlite3_reset(s->add);
        s->n_new++;
    } else if (replayed) {
        s->n_replayed++;
    }
    yf_mem_free(point);
    if (s->store_failed || s->cannot_evaluate)
        return HUGE_VAL;
    if (f < s->best)
        s->best = f;
    if (s->o->progress)
        s->o->progress(s->o->progress_ctx, s->start, s->evaluations, f, s->best, replayed);
    return f;
}

/* What a worker reports for one search. */
typedef struct search_report {
    int start, n_new, n_replayed;
    double best;
    int failed;
} search_report;

/* Run local search `start` with connection db. */
static search_report
run_search(const calibrate_problem *p, const calibrate_options *o, sqlite3 *db, int start)
{
    search_report rep = {start, 0, 0, HUGE_VAL, 1};
    search s = {p, o, db, NULL, NULL, {0}, start, 0, 0, 0, HUGE_VAL, NULL, false, false};
    key_hex(p->key, s.key);
    double *u = yf_calloc((size_t)p->n, sizeof *u);
    double *lo = yf_calloc((size_t)p->n, sizeof *lo);
    double *hi = yf_calloc((size_t)p->n, sizeof *hi);
    s.x = yf_calloc((size_t)p->n, sizeof *s.x);
    /* the initial steps too: without them NLopt would search from its own
     * default steps, another path than the one recorded (issue 10) */
    double *steps = yf_calloc((size_t)p->n, sizeof *steps);
    nlopt_opt opt = NULL;
    if (u && lo && hi && s.x && steps &&
        sqlite3_prepare_v2(db,
                           "SELECT objective FROM calibration_evaluations WHERE calibration = ? "
                           "AND point = ?",
                           -1, &s.find, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO calibration_evaluations (calibration, point, "
                           "objective, start, evaluation, created) VALUES (?, ?, ?, ?, ?, ?)",
                           -1, &s.add, NULL) == SQLITE_OK &&
        (opt = nlopt_create(NLOPT_LN_BOBYQA, (unsigned)p->n)) != NULL) {
        calibrate_start_point(p, start, s.x);
        for (int i = 0; i < p->n; i++) {
            u[i] = (s.x[i] - p->lo[i]) / (p->hi[i] - p->lo[i]);
            lo[i] = 0.0;
            hi[i] = 1.0;
        }
        double step = 0.1, f = HUGE_VAL; /* initial trust region: a tenth of each box */
        nlopt_set_lower_bounds(opt, lo);
        nlopt_set_upper_bounds(opt, hi);
        nlopt_set_min_objective(opt, search_objective, &s);
        nlopt_set_maxeval(opt, o->max_evals);
        nlopt_set_xtol_rel(opt, 1e-4);
        nlopt_set_ftol_abs(opt, 1e-7);
        for (int i = 0; i < p->n; i++)
            steps[i] = step;
        nlopt_set_initial_step(opt, steps);
        /* The start itself first: BOBYQA moves a start that lies within its
         * initial step of a bound, and the start (the scenario's values, for
         * start 0) must be on the record so that the best is never worse. */
        search_objective((unsigned)p->n, u, NULL, &s);
        nlopt_srand(1); /* BOBYQA draws nothing; fixed in case a later NLopt does */
        nlopt_result r = nlopt_optimize(opt, u, &f);
        /* NLopt's own stops (evaluations, tolerances, round-off) are not failures. */
        rep.failed = s.store_failed || s.cannot_evaluate || (r < 0 && r != NLOPT_ROUNDOFF_LIMITED);
    }
    rep.n_new = s.n_new;
    rep.n_replayed = s.n_replayed;
    rep.best = s.best;
    nlopt_destroy(opt);
    sqlite3_finalize(s.find);
    sqlite3_finalize(s.add);
    yf_mem_free(u);
    yf_mem_free(lo);
    yf_mem_free(hi);
    yf_mem_free(s.x);
    yf_mem_free(steps);
    return rep;
}

/* Worker w of o->jobs: the searches w, w + jobs, ... each with its own
 * connection, reported on fd (-1: into reports[] directly). */
static void run_worker(
    const calibrate_problem *p, const calibrate_options *o, int w, int fd, search_report *reports)
{
    sqlite3 *db = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    bool opened = store_open(p, o->store, &db, &d) == YF_OK;
    for (int k = w; k < o->starts; k += o->jobs) {
        search_report rep = {k, 0, 0, HUGE_VAL, 1};
        if (opened)
            rep = run_search(p, o, db, k);
        if (fd >= 0) {
            ssize_t n = write(fd, &rep, sizeof rep);
            (void)n; /* a short write shows as a missing report: a failed search */
        } else {
            reports[k] = rep;
        }
    }
    sqlite3_close(db);
}

yf_status calibrate_run(const calibrate_problem *p,
                        const calibrate_options *o,
                        calibrate_result *out,
                        yf_diag *diag)
{
    memset(out, 0, sizeof *out);
    out->best_f = NAN;
    if (p->n < 1 || o->starts < 1 || o->jobs < 1 || o->max_evals < 1)
        return YF_ERR_ARGUMENT;
    for (int i = 0; i < p->n; i++)
        if (!(p->lo[i] < p->hi[i]))
            return YF_ERR_ARGUMENT;
    /* The tables and the calibration's row, before any worker starts. */
    sqlite3 *db = NULL;
    yf_status st = store_open(p, o->store, &db, diag);
    if (st != YF_OK)
        return st;
    sqlite3_close(db);

    search_report *reports = yf_calloc((size_t)o->starts, sizeof *reports);
    if (!reports)
        return YF_ERR_NOMEM;
    for (int k = 0; k < o->starts; k++)
        reports[k] = (search_report){k, 0, 0, HUGE_VAL, 1};
    int jobs = o->jobs < o->starts ? o->jobs : o->starts;
    if (jobs == 1) {
        calibrate_options one = *o;
        one.jobs = 1;
        run_worker(p, &one, 0, -1, reports);
    } else {
        /* One process per worker: each opens its own connection (a SQLite
         * connection must not cross a fork) and reports on its pipe. */
        calibrate_options many = *o;
        many.jobs = jobs;
        pid_t pid[64];
        int fd[64];
        if (jobs > 64)
            jobs = many.jobs = 64;
        fflush(NULL);
        for (int w = 0; w < jobs; w++) {
            int pipefd[2];
            pid[w] = -1;
            fd[w] = -1;
            if (pipe(pipefd) != 0)
                continue;
            pid[w] = fork();
            if (pid[w] == 0) {
                close(pipefd[0]);
                run_worker(p, &many, w, pipefd[1], NULL);
                close(pipefd[1]);
                _exit(0);
            }
            close(pipefd[1]);
            if (pid[w] < 0)
                close(pipefd[0]);
            else
                fd[w] = pipefd[0];
        }
        for (int w = 0; w < jobs; w++) {
            if (fd[w] < 0)
                continue;
            search_report rep;
            while (read(fd[w], &rep, sizeof rep) == (ssize_t)sizeof rep)
                if (rep.start >= 0 && rep.start < o->starts)
                    reports[rep.start] = rep;
            close(fd[w]);
            int status;
            while (waitpid(pid[w], &status, 0) < 0 && errno == EINTR)
                ;
        }
    }
    for (int k = 0; k < o->starts; k++) {
        out->n_new += reports[k].n_new;
        out->n_replayed += reports[k].n_replayed;
        out->n_failed_starts += reports[k].failed;
    }
    yf_mem_free(reports);

    /* The best point recorded for this calibration, from the store. */
    if ((st = output_store_open(o->store, &db, diag)) != YF_OK)
        return st;
    char key[17];
    key_hex(p->key, key);
    sqlite3_stmt *q = NULL;
    out->best_x = yf_calloc((size_t)p->n, sizeof *out->best_x);
    if (!out->best_x) {
        sqlite3_close(db);
        return YF_ERR_NOMEM;
    }
    st = YF_OK;
    if (sqlite3_prepare_v2(db,
                           "SELECT point, objective, (SELECT count(*) FROM calibration_evaluations "
                           "WHERE calibration = ?1) FROM calibration_evaluations WHERE "
                           "calibration = ?1 ORDER BY objective, point LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        st = store_fail(diag, o->store, db, "cannot read the evaluations");
    else {
        sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) {
            const char *text = (const char *)sqlite3_column_text(q, 0);
            out->best_f = sqlite3_column_double(q, 1);
            out->n_recorded = sqlite3_column_int(q, 2);
            for (int i = 0; i < p->n && text; i++) {
                char *end;
                out->best_x[i] = strtod(text, &end);
                text = *end == ',' ? end + 1 : NULL;
            }
        }
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return st;
}

/* ---- the model's objective --------------------------------------------------------- */

double calibrate_model_objective(void *ctx, const double *x, int n)
{
    const calibrate_model *m = ctx;
    double param[N_MODEL_PARAMS];
    memcpy(param, m->base, sizeof param);
    for (int i = 0; i < n && i < m->n; i++)
        param[m->index[i]] = x[i];
    validate_options vo = {m->from, m->to, m->to, m->n_seeds, m->seeds};
    validate_result *r = NULL;
    if (validate_result_new(&r, &vo) != YF_OK)
        return NAN;
    double sum = 0.0;
    for (int k = 0; k < m->n_seeds; k++) {
        validate_run_size size = m->size;
        size.seed = m->seeds[k];
        economy *e = NULL;
        yf_diag d = {{0}, 0, 0, {0}};
        yf_status st = validate_run(m->scenario, param, &size, &e, &d);
        if (!e) {
            validate_result_free(r);
            return NAN;
        }
        validate_fill(r, k, e, m->annual);
        double score = validate_score_window(r, k, m->from, m->to);
        if (st != YF_OK || isnan(score)) {
            double missing = 1.0 - (double)e->month / (double)e->size.n_months;
            score = 10.0 + 100.0 * missing;
        }
        sum += score;
        economy_free(e);
    }
    validate_result_free(r);
    return sum / m->n_seeds;
}

/* 64-bit FNV-1a over a string, continuing h. */
static uint64_t fnv(uint64_t h, const char *text)
{
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        h ^= *c;
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t calibrate_model_key(const calibrate_model *m, const calibrate_problem *p)
{
    uint64_t h = 14695981039346656037ULL;
    char line[512];
    snprintf(line, sizeof line, "calibrate 1 window %d-%d households %d firms %d last %d\n",
             m->from, m->to, m->size.households, m->size.firms, m->size.last_month);
    h = fnv(h, line);
    for (int k = 0; k < N_MODEL_PARAMS; k++) {
        snprintf(line, sizeof line, "param %s %.17g\n", model_param_table[k].name, m->base[k]);
        h = fnv(h, line);
    }
    for (int i = 0; i < p->n; i++) {
        snprintf(line, sizeof line, "free %s %.17g %.17g\n", p->names[i], p->lo[i], p->hi[i]);
        h = fnv(h, line);
    }
    for (int k = 0; k < m->n_seeds; k++) {
        snprintf(line, sizeof line, "seed %lld\n", (long long)m->seeds[k]);
        h = fnv(h, line);
    }
    for (int i = 0; i < validate_n_matches; i++) {
        const validate_match *v = &validate_matches[i];
        snprintf(line, sizeof line, "match %s %s %d %d %d %.17g %.17g\n", v->model,
                 v->data ? v->data : "-", (int)v->form, (int)v->model_rule, (int)v->data_rule,
                 v->tolerance, v->weight);
        h = fnv(h, line);
    }
    h = scenario_hash_extend(m->scenario, h);
    /* The model itself: every series of a two-year run at 200 households with
     * the scenario's parameters, so that a change to the model's code (with
     * the same parameters) starts a new record instead of replaying stale
     * objectives. */
    validate_run_size small = {200, 50, m->scenario->from + 23, 0, m->size.data_dir};
    economy *e = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    yf_status st = validate_run(m->scenario, m->base, &small, &e, &d);
    if (st == YF_ERR_NOMEM) {
        economy_free(e);
        return 0;
    }
    snprintf(line, sizeof line, "model status %d months %d\n", (int)st, e ? e->month : -1);
    h = fnv(h, line);
    for (int k = 0; e && k < e->n_series; k++)
        for (int t = 0; t < e->month; t++) {
            snprintf(line, sizeof line, "%s %d %.17g\n", e->out[k].name, t, e->out[k].values[t]);
            h = fnv(h, line);
        }
    economy_free(e);
    return h;
}
