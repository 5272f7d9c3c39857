/*
 * cmd_ensemble.c: `yuanflow ensemble [SCENARIO.yaml] --runs N [--draw NAME=LO:HI ...]`:
 * many runs of one scenario, over seeds and parameter draws, in parallel, each
 * written to the run store, then the percentiles 5/25/50/75/95 of every series
 * (docs/outputs.md section 1.4; the arithmetic and the store's ensemble tables
 * are src/ensemble/).
 *
 * Who does what:
 *   - one process is the writer: it begins (or resumes) the ensemble in the
 *     store, learns which run indices are done, and is the only one that writes
 *     the store (SQLite wants one writer);
 *   - the runs not yet done are dealt round-robin to the workers: forked
 *     processes (--jobs, default the cores) that send each finished run to the
 *     writer through a pipe, or, under mpirun (built with Open MPI), the ranks,
 *     which send them to rank 0 (the writer, which also computes its share);
 *   - every run is single-threaded and a pure function of the scenario, its
 *     index and the ensemble's seed (ensemble_uniform), so the stored values and
 *     the percentiles do not depend on the number of processes or ranks;
 *   - a run and its index go into the store in one transaction, so after an
 *     interruption (even SIGKILL) the same command resumes with exactly the
 *     missing indices.
 */
#define _POSIX_C_SOURCE 200809L /* fork, pipe, poll, sysconf */

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#    include <sys/prctl.h>
#endif
#ifdef YF_HAVE_MPI
#    include <mpi.h>
#endif

#include "cli/cli.h"
#include "core/core.h"
#include "core/parallel.h"
#include "ensemble/ensemble.h"
#include "output/output.h"

static const char usage[] =
    "usage: yuanflow ensemble [SCENARIO.yaml] --runs N [options]\n"
    "\n"
    "Run the scenario (default: the shipped baseline) N times, in parallel on all cores\n"
    "(or on MPI ranks: mpirun -np R yuanflow ensemble ...), add every run to the run store,\n"
    "then write the percentiles 5, 25, 50, 75 and 95 of every series and date to the store\n"
    "(and to --csv). Run k (from 0) has seed SEED+k and draws each --draw parameter\n"
    "uniformly in [LO, HI) from a generator keyed by (SEED, k, parameter): the results do\n"
    "not depend on the number of processes. Interrupted, the same command resumes: the\n"
    "store records which runs are done.\n"
    "\n"
    "options:\n"
    "  --runs N                 runs in the ensemble, 1..1000000 (--seeds N is the same)\n"
    "  --draw NAME=LO:HI        draw parameter NAME uniformly in [LO, HI) for each run\n"
    "                           (repeatable; see 'yuanflow list parameters')\n"
    "  --seed S                 the ensemble's seed, 0..2^53-1 (default: the scenario's)\n"
    "  --jobs N                 worker processes, 1..1024 (default: the cores; 1 per MPI rank)\n"
    "  --name NAME              the ensemble's name, given to its runs in the store\n"
    "                           (default: the scenario's name)\n"
    "  --store FILE             the run store (default runs/yuanflow.sqlite; runs/ is created)\n"
    "  --csv FILE               also write the percentiles as CSV\n"
    "  --monthly                store every run's monthly values too (default: annual only)\n"
    "  --to YEAR                last year to run, 2000..2100 (default: the scenario's horizon)\n"
    "  --households N           household agents (default: the scenario's, 100000)\n"
    "  --firms N                firm agents (default: the scenario's, 5000)\n"
    "  --data DIR               the shipped data (default data)\n"
    "  --set NAME=VALUE         set a parameter for every run\n"
    "Exit codes: 0 ok, 1 a run or an output failed (the others are kept), 2 bad input.\n";

static const char default_store[] = "runs/yuanflow.sqlite";

typedef struct draw {
    int param; /* index in model_param_table */
    double lo, hi;
} draw;

typedef struct ens_options {
    cli_run_options run;
    int n_runs;
    draw draws[CLI_MAX_SETTINGS];
    int n_draws;
    bool seed_given;
    int64_t seed;
    int jobs; /* 0: the cores */
    const char *name, *store_path, *csv_path;
    bool monthly;
    char *file;
} ens_options;

static const char *const option_names[] = {
    "--runs", "--seeds", "--draw",       "--seed",  "--jobs", "--name", "--store",
    "--csv",  "--to",    "--households", "--firms", "--data", "--set",  "--monthly"};

enum { N_OPTIONS = 14, MAX_JOBS = 1024 };

/* "unknown parameter 'x' (did you mean 'y'?)"; returns EXIT_USAGE. */
static int unknown_parameter(const char *name)
{
    const char *names[N_MODEL_PARAMS];
    for (int j = 0; j < N_MODEL_PARAMS; j++)
        names[j] = model_param_table[j].name;
    int near = names_nearest(name, names, N_MODEL_PARAMS);
    return near >= 0 ? cli_fail(EXIT_USAGE, "unknown parameter '%s' (did you mean '%s'?)", name,
                                names[near])
                     : cli_fail(EXIT_USAGE, "unknown parameter '%s'", name);
}

/* "NAME=LO:HI" with NAME a parameter and LO < HI inside its range. */
static int parse_draw(const char *text, draw *d)
{
    const char *eq = strchr(text, '='), *colon = eq ? strchr(eq, ':') : NULL;
    char name[64];
    if (!eq || !colon || eq == text || (size_t)(eq - text) >= sizeof name)
        return cli_fail(EXIT_USAGE, "--draw expects NAME=LO:HI, got '%s'", text);
    memcpy(name, text, (size_t)(eq - text));
    name[eq - text] = '\0';
    int p = model_param_find(name);
    if (p < 0)
        return unknown_parameter(name);
    char *end;
    errno = 0;
    double lo = strtod(eq + 1, &end);
    bool ok = !errno && end == colon;
    double hi = ok ? strtod(colon + 1, &end) : 0.0;
    ok = ok && !errno && end != colon + 1 && *end == '\0' && isfinite(lo) && isfinite(hi);
    if (!ok)
        return cli_fail(EXIT_USAGE, "--draw expects NAME=LO:HI with two numbers, got '%s'", text);
    const model_param_info *info = &model_param_table[p];
    if (!(lo < hi))
        return cli_fail(EXIT_USAGE, "--draw %s: LO must be below HI, got %g:%g", name, lo, hi);
    if (lo < info->min || hi > info->max)
        return cli_fail(EXIT_USAGE, "--draw %s: the range must be inside [%g, %g] (%s), got %g:%g",
                        name, info->min, info->max, info->unit, lo, hi);
    *d = (draw){p, lo, hi};
    return 0;
}

static int parse(int argc, char **argv, ens_options *o)
{
    memset(o, 0, sizeof *o);
    cli_run_options_init(&o->run);
    o->store_path = default_store;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        int taken = cli_take_run_option(argc, argv, &i, &o->run);
        if (taken < 0)
            return -taken;
        if (taken)
            continue;
        if (opt[0] != '-' || opt[1] == '\0') {
            if (o->file)
                return cli_fail(EXIT_USAGE, "an ensemble runs one scenario, got '%s' and '%s'",
                                o->file, opt);
            o->file = argv[i];
            continue;
        }
        if (strcmp(opt, "--monthly") == 0) {
            o->monthly = true;
            continue;
        }
        int known = -1;
        for (int k = 0; k < 8; k++)
            if (strcmp(opt, option_names[k]) == 0)
                known = k;
        if (known < 0)
            return cli_unknown_option(opt, option_names, N_OPTIONS);
        if (i + 1 >= argc)
            return cli_fail(EXIT_USAGE, "option '%s' needs a value", opt);
        const char *val = argv[++i];
        int rc = 0;
        switch (known) {
        case 0:
        case 1:
            if (!cli_parse_int(val, 1, 1000000, &o->n_runs))
                rc = cli_fail(EXIT_USAGE, "%s must be an integer in [1, 1000000], got '%s'", opt,
                              val);
            break;
        case 2:
            if (o->n_draws == CLI_MAX_SETTINGS)
                rc = cli_fail(EXIT_USAGE, "too many --draw options (at most %d)", CLI_MAX_SETTINGS);
            else if ((rc = parse_draw(val, &o->draws[o->n_draws])) == 0) {
                for (int j = 0; j < o->n_draws; j++)
                    if (o->draws[j].param == o->draws[o->n_draws].param)
                        rc = cli_fail(EXIT_USAGE, "parameter '%s' is drawn twice",
                                      model_param_table[o->draws[j].param].name);
                o->n_draws++;
            }
            break;
        case 3: {
            char *end;
            errno = 0;
            long long s = strtoll(val, &end, 10);
            if (errno || end == val || *end || s < 0 || s > 9007199254740991LL)
                rc =
                    cli_fail(EXIT_USAGE, "--seed must be an integer in [0, 2^53-1], got '%s'", val);
            o->seed = s;
            o->seed_given = true;
            break;
        }
        case 4:
            if (!cli_parse_int(val, 1, MAX_JOBS, &o->jobs))
                rc = cli_fail(EXIT_USAGE, "--jobs must be an integer in [1, %d], got '%s'",
                              MAX_JOBS, val);
            break;
        case 5:
            if (!cli_valid_scenario_name(val))
                rc = cli_fail(EXIT_USAGE, "--name must be 1 to 100 printable characters, got '%s'",
                              val);
            o->name = val;
            break;
        case 6:
            o->store_path = val;
            break;
        default:
            o->csv_path = val;
        }
        if (rc)
            return rc;
    }
    if (o->n_runs == 0)
        return cli_fail(EXIT_USAGE, "how many runs? give --runs N (or --seeds N)");
    return 0;
}

/* ---- the ensemble's context: what every worker and the writer know --------- */

typedef struct ctx {
    const ens_options *o;
    const scenario *s;
    double base[N_MODEL_PARAMS]; /* the scenario's parameters and every --set */
    economy_size size;
    uint64_t seed;
    const char *name;
    int64_t ensemble_id;
    bool tty;
    bool fatal;              /* a run could not start: stop the ensemble (exit 2) */
    int done, failed, total; /* for the progress line */
} ctx;

/* The parameters of run k: the base, then each draw. */
static void run_params(const ctx *c, int32_t k, double *param)
{
    memcpy(param, c->base, sizeof c->base);
    for (int j = 0; j < c->o->n_draws; j++) {
        const draw *d = &c->o->draws[j];
        double u = ensemble_uniform(c->seed, (uint64_t)k, (uint64_t)d->param);
        param[d->param] = d->lo + (d->hi - d->lo) * u;
    }
}

/* The shortest %.Ng (N = 15, 16, 17) that reads back as x. */
static void shortest(double x, char *out, size_t size)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, size, "%.*g", digits, x);
        if (strtod(out, NULL) == x)
            return;
    }
}

/*
 * The canonical text of what makes the ensemble's runs: resuming with another
 * one is refused. The scenario hash covers the base parameters, sizes, events
 * and paths (docs/outputs.md section 2, with the ensemble's seed).
 */
static char *ensemble_spec(const ctx *c)
{
    output_param params[N_MODEL_PARAMS];
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        params[k] =
            (output_param){model_param_table[k].name, c->base[k], model_param_table[k].unit};
    output_run run = {.version = YF_VERSION,
                      .scenario = c->name,
                      .seed = (int64_t)c->seed,
                      .households = c->size.households,
                      .firms = c->size.firms,
                      .start_year = c->size.start_year,
                      .start_month = 1,
                      .n_months = c->size.n_months,
                      .params = params,
                      .n_params = N_MODEL_PARAMS};
    char hex[17];
    output_hash_hex(scenario_hash_extend(c->s, output_scenario_hash(&run)), hex);
    strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b,
                  "yuanflow ensemble 1\nversion=%s\nscenario_hash=%s\nseed=%" PRIu64
                  "\nruns=%d\nmonthly=%d\n",
                  YF_VERSION, hex, c->seed, c->o->n_runs, c->o->monthly ? 1 : 0);
    for (int j = 0; j < c->o->n_draws; j++) {
        const draw *d = &c->o->draws[j];
        char lo[40], hi[40];
        shortest(d->lo, lo, sizeof lo);
        shortest(d->hi, hi, sizeof hi);
        strbuf_printf(&b, "draw %s=%s:%s\n", model_param_table[d->param].name, lo, hi);
    }
    return strbuf_take(&b);
}

/* ---- one run, as a message from a worker to the writer --------------------
 * A message is a byte string: the header, then for each series its name, unit
 * and description (NUL-terminated) and its `months` values. The same bytes go
 * through a pipe or an MPI message. */

/* Why the economy or the scenario driver of a run could not be made. */
enum { SETUP_OK = 0, SETUP_BAD_INPUT = 1, SETUP_NO_MEMORY = 2 };

typedef struct msg_head {
    int32_t index, ok, months, n_series;
    int32_t setup_failed; /* SETUP_*: the economy or the scenario driver could not be made */
    double param[N_MODEL_PARAMS];
    char error[768];
} msg_head;

typedef struct msg {
    unsigned char *p;
    size_t n;
} msg;

/* Run index k and encode it into *out (yf_malloc). false: out of memory. */
static bool compute_run(const ctx *c, int32_t k, msg *out)
{
    msg_head h;
    memset(&h, 0, sizeof h);
    h.index = k;
    run_params(c, k, h.param);
    economy *e = NULL;
    scenario_driver *drv = NULL;
    yf_diag d = {{0}, 0, 0, {0}};
    yf_status st = economy_new(&e, &c->size, c->o->run.data_dir, h.param, &d);
    if (st == YF_OK)
        st = scenario_driver_new(&drv, c->s, e, &d);
    if (st != YF_OK) {
        /* Not recorded: the index stays to do. An allocation that fails before
         * the economy can say what it was building leaves d empty. Out of
         * memory is not bad input: the writer says so and goes on (exit 1). */
        h.setup_failed = st == YF_ERR_NOMEM ? SETUP_NO_MEMORY : SETUP_BAD_INPUT;
        snprintf(h.error, sizeof h.error, "%.700s",
                 d.message[0] ? d.message : yf_status_string(st));
    } else if (scenario_driver_run(drv, c->size.n_months) != YF_OK) {
        snprintf(h.error, sizeof h.error, "%.700s", e->msg);
    } else {
        h.ok = 1;
        h.months = e->month;
        h.n_series = e->n_series;
    }
    size_t n = sizeof h;
    for (int j = 0; j < h.n_series; j++)
        n += strlen(e->out[j].name) + strlen(e->out[j].unit) + strlen(e->out[j].doc) + 3 +
             sizeof(double) * (size_t)h.months;
    unsigned char *p = yf_malloc(n);
    if (p) {
        memcpy(p, &h, sizeof h);
        size_t at = sizeof h;
        for (int j = 0; j < h.n_series; j++) {
            const char *str[3] = {e->out[j].name, e->out[j].unit, e->out[j].doc};
            for (int t = 0; t < 3; t++) {
                size_t len = strlen(str[t]) + 1;
                memcpy(p + at, str[t], len);
                at += len;
            }
            memcpy(p + at, e->out[j].values, sizeof(double) * (size_t)h.months);
            at += sizeof(double) * (size_t)h.months;
        }
    }
    scenario_driver_free(drv);
    economy_free(e);
    out->p = p;
    out->n = n;
    return p != NULL;
}

/* The writer: decode a message and store the run (or its failure). Returns 0,
 * or EXIT_RUN_FAILED for a run that failed or a store that refused it (the
 * reason printed). */
static int store_message(ctx *c, const unsigned char *p, size_t n)
{
    msg_head h;
    if (n < sizeof h)
        return cli_fail(EXIT_RUN_FAILED, "a worker sent a damaged run (%zu bytes)", n);
    memcpy(&h, p, sizeof h);
    yf_diag d = {{0}, 0, 0, {0}};
    int rc = 0;
    if (!h.ok && h.setup_failed == SETUP_NO_MEMORY) {
        /* Not recorded either: the index stays to do, the others go on. */
        c->failed++;
        return cli_fail(EXIT_RUN_FAILED, "out of memory building run %d", (int)h.index);
    }
    if (!h.ok && h.setup_failed) {
        /* Bad input (a path the data refuse, ...): the same for every run. Nothing
         * is recorded, so that the indices stay to do once the input is fixed. */
        if (!c->fatal)
            (void)cli_fail(EXIT_USAGE, "ensemble '%s': run %d cannot start: %s", c->name,
                           (int)h.index, h.error);
        c->fatal = true;
        return EXIT_USAGE;
    }
    if (!h.ok) {
        c->failed++;
        (void)cli_fail(EXIT_RUN_FAILED, "ensemble '%s': run %d failed: %s", c->name, (int)h.index,
                       h.error);
        if (ensemble_store_failure(c->o->store_path, c->ensemble_id, h.index, h.error, &d) != YF_OK)
            (void)cli_fail(EXIT_RUN_FAILED, "%s", d.message);
        c->done++;
        return EXIT_RUN_FAILED;
    }
    output_series *cols = yf_calloc((size_t)(h.n_series > 0 ? h.n_series : 1), sizeof *cols);
    double *values = yf_malloc(sizeof(double) * (size_t)(h.months > 0 ? h.months : 1) *
                               (size_t)(h.n_series > 0 ? h.n_series : 1));
    if (!cols || !values) {
        yf_mem_free(cols);
        yf_mem_free(values);
        return cli_fail(EXIT_RUN_FAILED, "out of memory storing run %d", (int)h.index);
    }
    size_t at = sizeof h;
    bool damaged = false;
    for (int j = 0; j < h.n_series && !damaged; j++) {
        const char *str[3];
        for (int t = 0; t < 3 && !damaged; t++) {
            const void *z = at < n ? memchr(p + at, '\0', n - at) : NULL;
            damaged = !z;
            str[t] = (const char *)p + at;
            at = z ? (size_t)((const unsigned char *)z - p) + 1 : n;
        }
        size_t bytes = sizeof(double) * (size_t)h.months;
        damaged = damaged || at + bytes > n;
        if (damaged)
            break;
        double *v = values + (size_t)j * (size_t)h.months;
        memcpy(v, p + at, bytes); /* aligned copy of the values */
        at += bytes;
        cols[j] = (output_series){str[0], str[1], str[2], output_aggregation_from_unit(str[1]), v};
    }
    if (damaged) {
        yf_mem_free(cols);
        yf_mem_free(values);
        return cli_fail(EXIT_RUN_FAILED, "a worker sent a damaged run %d", (int)h.index);
    }
    output_param params[N_MODEL_PARAMS];
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        params[k] =
            (output_param){model_param_table[k].name, h.param[k], model_param_table[k].unit};
    char created[32] = "";
    time_t now = time(NULL);
    const struct tm *utc = gmtime(&now);
    if (utc)
        strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", utc);
    output_run run = {
        .version = YF_VERSION,
        .scenario = c->name,
        .run = h.index + 1,
        .seed = (int64_t)(c->seed + (uint64_t)h.index),
        .households = c->size.households,
        .firms = c->size.firms,
        .start_year = c->size.start_year,
        .start_month = 1,
        .n_months = h.months,
        .params = params,
        .n_params = N_MODEL_PARAMS,
        .series = cols,
        .n_series = h.n_series,
        .created = created[0] ? created : NULL,
        .annual_only = !c->o->monthly,
        .ensemble_id = c->ensemble_id,
        .ensemble_index = h.index,
    };
    run.scenario_hash = scenario_hash_extend(c->s, output_scenario_hash(&run));
    if (output_store_run(&run, c->o->store_path, NULL, &d) != YF_OK)
        rc = cli_fail(EXIT_RUN_FAILED, "%s", d.message);
    else
        c->done++;
    yf_mem_free(cols);
    yf_mem_free(values);
    if (c->tty) {
        fprintf(stderr, "\ryuanflow: ensemble %s: %d of %d runs", c->name, c->done, c->total);
        fflush(stderr);
    }
    return rc;
}

/* ---- local workers: forked processes, one pipe each ------------------------ */

static bool write_full(int fd, const void *buf, size_t n)
{
    const unsigned char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* 1: read n bytes; 0: end of file before any; -1: error or a short message. */
static int read_full(int fd, void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return got == 0 && r == 0 ? 0 : -1;
        got += (size_t)r;
    }
    return 1;
}

/* A worker: compute indices pending[j], pending[j + jobs], ... and send each. */
static void worker(const ctx *c, const int32_t *pending, int n_pending, int j, int jobs, int fd)
{
    for (int i = j; i < n_pending; i += jobs) {
        msg m;
        if (!compute_run(c, pending[i], &m))
            _exit(EXIT_RUN_FAILED);
        uint64_t len = m.n;
        bool ok = write_full(fd, &len, sizeof len) && write_full(fd, m.p, m.n);
        yf_mem_free(m.p);
        if (!ok)
            _exit(EXIT_RUN_FAILED); /* the writer is gone */
    }
    _exit(0);
}

/* The writer: read one message from a worker's pipe and store it (*rc keeps
 * the first failure). false: the pipe is done (its end, or an error). */
static bool receive_from_pipe(ctx *c, int fd, int *rc)
{
    uint64_t len = 0;
    int r = read_full(fd, &len, sizeof len);
    if (r != 1)
        return false;
    if (len == 0 || len >= ((uint64_t)1 << 40))
        return false; /* not a length this program writes: the worker is reported */
    unsigned char *buf = yf_malloc((size_t)len);
    if (!buf) {
        /* this worker's runs are lost with its pipe: the same command resumes them */
        *rc = *rc ? *rc : cli_fail(EXIT_RUN_FAILED, "out of memory receiving a run");
        return false;
    }
    bool ok = read_full(fd, buf, (size_t)len) == 1;
    if (ok) {
        int s = store_message(c, buf, (size_t)len);
        *rc = *rc ? *rc : s;
    }
    yf_mem_free(buf);
    return ok;
}

static int run_local(ctx *c, const int32_t *pending, int n_pending, int jobs)
{
    int rc = 0;
    if (jobs <= 1) {
        for (int i = 0; i < n_pending; i++) {
            msg m;
            if (!compute_run(c, pending[i], &m))
                return cli_fail(EXIT_RUN_FAILED, "out of memory");
            int r = store_message(c, m.p, m.n);
            yf_mem_free(m.p);
            rc = rc ? rc : r;
            if (c->fatal)
                return EXIT_USAGE;
        }
        return rc;
    }
    pid_t pid[MAX_JOBS];
    struct pollfd fds[MAX_JOBS];
    int started = 0;
    fflush(stdout);
    fflush(stderr);
    for (int j = 0; j < jobs; j++) {
        int p[2];
        if (pipe(p) != 0) {
            rc = cli_fail(EXIT_RUN_FAILED, "cannot make a pipe: %s", strerror(errno));
            break;
        }
        pid_t child = fork();
        if (child < 0) {
            close(p[0]);
            close(p[1]);
            rc = cli_fail(EXIT_RUN_FAILED, "cannot start a worker: %s", strerror(errno));
            break;
        }
        if (child == 0) {
#ifdef __linux__
            prctl(PR_SET_PDEATHSIG, SIGKILL); /* no orphans if the writer is killed */
            if (getppid() == 1)
                _exit(EXIT_RUN_FAILED);
#endif
            close(p[0]);
            for (int k = 0; k < started; k++)
                close(fds[k].fd);
            worker(c, pending, n_pending, j, jobs, p[1]);
        }
        close(p[1]);
        pid[started] = child;
        fds[started] = (struct pollfd){p[0], POLLIN, 0};
        started++;
    }
    int open_pipes = started;
    bool abandon = false; /* the writer cannot go on: stop the workers */
    while (open_pipes > 0 && !c->fatal && !abandon) {
        if (poll(fds, (nfds_t)started, -1) < 0) {
            if (errno == EINTR)
                continue;
            /* The workers would wait forever on a full pipe: they are stopped,
             * the runs stored so far are kept and the same command resumes. */
            rc = cli_fail(EXIT_RUN_FAILED, "poll: %s", strerror(errno));
            abandon = true;
            break;
        }
        for (int j = 0; j < started; j++) {
            if (fds[j].fd < 0 || !(fds[j].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (!receive_from_pipe(c, fds[j].fd, &rc)) {
                close(fds[j].fd);
                fds[j].fd = -1;
                open_pipes--;
            }
        }
    }
    for (int j = 0; j < started; j++) {
        int status = 0;
        if (c->fatal || abandon) {
            kill(pid[j], SIGKILL); /* the ensemble stops: its workers with it */
            if (fds[j].fd >= 0)
                close(fds[j].fd);
        }
        while (waitpid(pid[j], &status, 0) < 0 && errno == EINTR)
            ;
        if (c->fatal || abandon)
            continue;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            rc = rc ? rc
                    : cli_fail(EXIT_RUN_FAILED, "worker %d stopped before its runs were done", j);
    }
    return c->fatal ? EXIT_USAGE : rc;
}

/* ---- MPI: ranks send their runs to rank 0 ----------------------------------- */

#ifdef YF_HAVE_MPI
enum { TAG_RUN = 1, TAG_DONE = 2 };

/* Launched by mpirun (Open MPI, MPICH, Slurm's PMI)? */
static bool under_mpi(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE") || getenv("PMIX_RANK");
}

/* Rank 0: receive one message (already probed) and store it; *done_ranks
 * counts the ranks that said they are finished. */
static int receive_one(ctx *c, const MPI_Status *st, int *done_ranks)
{
    int count = 0;
    MPI_Get_count(st, MPI_BYTE, &count);
    unsigned char *buf = yf_malloc(count > 0 ? (size_t)count : 1);
    if (!buf) {
        /* The message stays unreceived: probing again would find it again, for
         * ever. Every rank stops; the runs stored so far are kept and the same
         * command resumes. */
        (void)cli_fail(EXIT_RUN_FAILED, "out of memory receiving a run");
        MPI_Abort(MPI_COMM_WORLD, EXIT_RUN_FAILED);
        return EXIT_RUN_FAILED;
    }
    MPI_Recv(buf, count, MPI_BYTE, st->MPI_SOURCE, st->MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    int rc = 0;
    if (st->MPI_TAG == TAG_DONE)
        ++*done_ranks;
    else
        rc = store_message(c, buf, (size_t)count);
    yf_mem_free(buf);
    if (c->fatal)
        MPI_Abort(MPI_COMM_WORLD, EXIT_USAGE); /* bad input: every rank stops */
    return rc;
}

static int run_mpi(ctx *c, const int32_t *pending, int n_pending, int rank, int size)
{
    int rc = 0;
    if (rank == 0) {
        int done_ranks = 0, flag = 0;
        MPI_Status st;
        for (int i = 0; i < n_pending; i += size) {
            msg m;
            if (!compute_run(c, pending[i], &m))
                return cli_fail(EXIT_RUN_FAILED, "out of memory");
            int r = store_message(c, m.p, m.n);
            yf_mem_free(m.p);
            rc = rc ? rc : r;
            if (c->fatal)
                MPI_Abort(MPI_COMM_WORLD, EXIT_USAGE); /* bad input: every rank stops */
            while (MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st) ==
                       MPI_SUCCESS &&
                   flag) {
                r = receive_one(c, &st, &done_ranks);
                rc = rc ? rc : r;
            }
        }
        while (done_ranks < size - 1) {
            MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
            int r = receive_one(c, &st, &done_ranks);
            rc = rc ? rc : r;
        }
        return rc;
    }
    /* Other ranks: send each run without waiting for rank 0 to take it. */
    int n_mine = n_pending / size + 1;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): MPI_Request is an opaque handle (a pointer) */
    MPI_Request *req = yf_calloc((size_t)n_mine + 1, sizeof *req);
    unsigned char **bufs = yf_calloc((size_t)n_mine + 1, sizeof *bufs);
    int sent = 0;
    if (!req || !bufs) {
        (void)cli_fail(EXIT_RUN_FAILED, "out of memory");
        MPI_Abort(MPI_COMM_WORLD, EXIT_RUN_FAILED);
    }
    for (int i = rank; rc == 0 && i < n_pending; i += size) {
        msg m;
        if (!compute_run(c, pending[i], &m)) {
            (void)cli_fail(EXIT_RUN_FAILED, "out of memory");
            MPI_Abort(MPI_COMM_WORLD, EXIT_RUN_FAILED); /* rank 0 would wait for it */
        }
        bufs[sent] = m.p;
        MPI_Isend(m.p, (int)m.n, MPI_BYTE, 0, TAG_RUN, MPI_COMM_WORLD, &req[sent]);
        sent++;
        int any = 0;
        MPI_Testall(sent, req, &any, MPI_STATUSES_IGNORE); /* let the transfers progress */
    }
    static unsigned char none;
    if (req) {
        MPI_Send(&none, 0, MPI_BYTE, 0, TAG_DONE, MPI_COMM_WORLD);
        MPI_Waitall(sent, req, MPI_STATUSES_IGNORE);
    }
    for (int k = 0; k < sent; k++)
        yf_mem_free(bufs[k]);
    yf_mem_free(req);
    yf_mem_free(bufs);
    return rc;
}
#endif

/* ---- the command -------------------------------------------------------------- */

/* The writer's part before the runs: the store and the indices to do.
 * Fills *pending (yf_malloc) and *n_pending. */
static int begin(ctx *c, int32_t **pending, int *n_pending)
{
    *pending = NULL;
    *n_pending = 0;
    yf_diag d = {{0}, 0, 0, {0}};
    if (c->o->store_path == default_store && output_make_parent_dir(c->o->store_path, &d) != YF_OK)
        return cli_fail(EXIT_USAGE, "%s", d.message);
    if (output_check_path(c->o->store_path, &d) != YF_OK ||
        (c->o->csv_path && output_check_path(c->o->csv_path, &d) != YF_OK))
        return cli_fail(EXIT_USAGE, "%s", d.message);
    char *spec = ensemble_spec(c);
    bool *done = yf_calloc((size_t)c->o->n_runs, sizeof *done);
    int32_t *list = yf_malloc(sizeof *list * (size_t)c->o->n_runs);
    if (!spec || !done || !list) {
        yf_mem_free(spec);
        yf_mem_free(done);
        yf_mem_free(list);
        return cli_fail(EXIT_RUN_FAILED, "out of memory");
    }
    char created[32] = "";
    time_t now = time(NULL);
    const struct tm *utc = gmtime(&now);
    if (utc)
        strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", utc);
    yf_status st = ensemble_store_begin(c->o->store_path, c->name, spec, c->o->n_runs,
                                        created[0] ? created : NULL, &c->ensemble_id, done, &d);
    yf_mem_free(spec);
    if (st != YF_OK) {
        yf_mem_free(done);
        yf_mem_free(list);
        return cli_fail(st == YF_ERR_ARGUMENT ? EXIT_USAGE : EXIT_RUN_FAILED, "%s", d.message);
    }
    int n = 0;
    for (int32_t k = 0; k < c->o->n_runs; k++)
        if (!done[k])
            list[n++] = k;
    yf_mem_free(done);
    c->done = c->o->n_runs - n;
    c->total = c->o->n_runs;
    if (c->done > 0)
        fprintf(stderr, "yuanflow: ensemble '%s': resuming, %d of %d runs already in %s\n", c->name,
                c->done, c->total, c->o->store_path);
    *pending = list;
    *n_pending = n;
    return 0;
}

/* The writer's part after the runs: the percentiles, when every index is done. */
static int finish_ensemble(ctx *c, int rc)
{
    if (c->tty && c->total > 0)
        fputs("\r\033[K", stderr);
    if (c->fatal)
        return EXIT_USAGE;
    if (c->done < c->total)
        return cli_fail(rc ? rc : EXIT_RUN_FAILED,
                        "ensemble '%s': %d of %d runs done; run the same command again to resume",
                        c->name, c->done, c->total);
    yf_diag d = {{0}, 0, 0, {0}};
    int64_t cells = 0;
    if (ensemble_store_percentiles(c->o->store_path, c->ensemble_id, c->name, c->o->csv_path,
                                   &cells, &d) != YF_OK)
        return cli_fail(EXIT_RUN_FAILED, "%s", d.message);
    fprintf(stderr,
            "yuanflow: ensemble '%s': %d runs (%d failed) in %s, ensemble %" PRId64
            "; percentiles of %" PRId64 " series-dates%s%s\n",
            c->name, c->total, c->failed, c->o->store_path, c->ensemble_id, cells,
            c->o->csv_path ? ", also in " : "", c->o->csv_path ? c->o->csv_path : "");
    fprintf(stderr, "yuanflow: its fans: yuanflow report --store %s --scenarios '%s'\n",
            c->o->store_path, c->name);
    return rc;
}

static int ensemble_main(const ens_options *o, int rank, int size)
{
    char fallback[600];
    char *file = o->file ? o->file
                         : (char *)cli_default_scenario(o->run.data_dir, fallback, sizeof fallback);
    scenario *s = NULL;
    int rc = cli_check_data(o->run.data_dir);
    if (rc == 0)
        rc = cli_load_scenarios(&file, 1, &s);
    if (rc)
        return rc;
    ctx c;
    memset(&c, 0, sizeof c);
    c.o = o;
    c.s = s;
    c.name = o->name ? o->name : s->name;
    c.seed = o->seed_given ? (uint64_t)o->seed : (uint64_t)s->seed.value;
    c.tty = rank == 0 && isatty(fileno(stderr));
    scenario_params(s, c.base);
    for (int k = 0; k < o->run.n_settings && rc == 0; k++) {
        const cli_setting *st = &o->run.settings[k];
        int p = model_param_find(st->name);
        if (p < 0)
            rc = unknown_parameter(st->name);
        else if (!(st->value >= model_param_table[p].min && st->value <= model_param_table[p].max))
            rc = cli_fail(EXIT_USAGE, "parameter '%s' must be in [%g, %g] (%s), got %g", st->name,
                          model_param_table[p].min, model_param_table[p].max,
                          model_param_table[p].unit, st->value);
        else
            c.base[p] = st->value;
    }
    c.size = scenario_economy_size(s);
    if (o->run.households)
        c.size.households = o->run.households;
    if (o->run.firms)
        c.size.firms = o->run.firms;
    if (rc == 0 && o->run.to_month >= 0) {
        /* --to is a year >= 2000 (its December) and every scenario starts in
         * 2000-01 (scenario/load.c): the horizon cannot end before it starts. */
        assert(o->run.to_month >= s->from);
        c.size.n_months = o->run.to_month - s->from + 1;
    }
    int32_t *pending = NULL;
    int n_pending = 0;
    if (rc == 0 && rank == 0)
        rc = begin(&c, &pending, &n_pending);
#ifdef YF_HAVE_MPI
    if (size > 1) {
        /* Rank 0 tells the others whether to go on, and which indices are left. */
        int head[3] = {rc, n_pending, c.done};
        MPI_Bcast(head, 3, MPI_INT, 0, MPI_COMM_WORLD);
        rc = head[0];
        n_pending = head[1];
        if (rank != 0 && rc == 0 &&
            !(pending = yf_malloc(sizeof *pending * (size_t)(n_pending + 1)))) {
            (void)cli_fail(EXIT_RUN_FAILED, "out of memory");
            MPI_Abort(MPI_COMM_WORLD, EXIT_RUN_FAILED); /* rank 0 would wait for it */
        }
        if (rc == 0)
            MPI_Bcast(pending, n_pending, MPI_INT32_T, 0, MPI_COMM_WORLD);
        if (rc == 0)
            rc = run_mpi(&c, pending, n_pending, rank, size);
        if (rank == 0 && head[0] == 0)
            rc = finish_ensemble(&c, rc);
        else if (rank == 0)
            rc = head[0];
        int all = rc;
        MPI_Allreduce(&rc, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        rc = all;
        yf_mem_free(pending);
        scenario_free(s);
        return rc;
    }
#else
    (void)size;
#endif
    if (rc == 0) {
        int jobs = o->jobs;
        if (jobs == 0) {
            long cores = sysconf(_SC_NPROCESSORS_ONLN);
            jobs = cores > 0 ? (int)(cores < MAX_JOBS ? cores : MAX_JOBS) : 1;
        }
        if (jobs > n_pending)
            jobs = n_pending > 0 ? n_pending : 1;
        rc = run_local(&c, pending, n_pending, jobs);
        rc = finish_ensemble(&c, rc);
    }
    yf_mem_free(pending);
    scenario_free(s);
    return rc;
}

int cmd_ensemble(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    ens_options o;
    int rank = 0, size = 1;
#ifdef _OPENMP
    /* The runs of an ensemble already share the cores (workers or ranks): each
     * run keeps to one thread unless OMP_NUM_THREADS says otherwise. Set before
     * any parallel region, so forked workers inherit no thread pool. */
    if (!getenv("OMP_NUM_THREADS"))
        omp_set_num_threads(1);
#endif
#ifdef YF_HAVE_MPI
    bool mpi = under_mpi();
    if (mpi) {
        MPI_Init(NULL, NULL);
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
        MPI_Comm_size(MPI_COMM_WORLD, &size);
    }
#endif
    /* Every rank parses the same arguments; only rank 0 prints their errors. */
    FILE *saved = NULL;
    if (rank != 0)
        saved = freopen("/dev/null", "w", stderr);
    int rc = parse(argc, argv, &o);
    if (rc == 0 && size > 1 && o.jobs > 1)
        rc = cli_fail(EXIT_USAGE, "--jobs with mpirun: give one rank per core instead "
                                  "(each rank runs its share itself)");
    if (rc == 0)
        rc = ensemble_main(&o, rank, size);
    (void)saved;
#ifdef YF_HAVE_MPI
    if (mpi)
        MPI_Finalize();
#endif
    return rc;
}
