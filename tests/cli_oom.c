/*
 * cli_oom.c: every "out of memory" message of the command line, provoked. The
 * yuanflow command's own main() (compiled here as yf_cli_main, as the fuzz
 * target does) runs in this process with the counting allocator of
 * alloc_fault.h, which makes the N-th allocation fail. For each command line
 * of the table below the test counts the allocations of a successful run, then
 * fails each one in turn (all of them, or the last `tail` when the command
 * allocates a great deal before the part under test), and collects the
 * messages printed. Every expected message must appear at least once, with the
 * exit code the catalogue gives (docs/errors.md), and every failed attempt
 * must say "out of memory" (or the message expected) and exit non-zero: an
 * allocation failure is never silent and never a crash.
 *
 *   cli_oom SOURCE_DIR
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_fault.h"
#include "core/core.h"
#include "harness.h"

int yf_cli_main(int argc, char **argv);

/* JSON documents are built by json-c, which allocates with the C library: the
 * link sends json_object_new_object here (-Wl,--wrap), which fails while
 * fail_json is set. */
static bool fail_json;
struct json_object;
struct json_object *__real_json_object_new_object(void);
struct json_object *__wrap_json_object_new_object(void);

struct json_object *__wrap_json_object_new_object(void)
{
    return fail_json ? NULL : __real_json_object_new_object();
}

enum { MAX_ARGS = 32, MAX_EXPECT = 10 };

typedef struct oom_case {
    const char *args[MAX_ARGS]; /* after "yuanflow"; "@" is replaced by the source dir */

    struct {
        const char *text; /* a piece of stderr ("\n": the line ends there) */
        int exit_code;
    } expect[MAX_EXPECT];

    long tail; /* 0: fail every allocation; > 0: only the last `tail`; < 0: only the
                    * first -tail */
    /* calibrate: each attempt makes a fingerprint run and evaluations (a second
     * each under the sanitizers), so only the `window` allocations from the
     * first one whose failure still lets stderr show `marker`, and the last
     * `tail`, are failed. */
    const char *marker;
    long window;
} oom_case;

static char source[4096];
static char stderr_path[4200], stdout_path[4200];

/* Run the command line once with the N-th allocation failing (0: none);
 * its stderr goes to stderr_path. Returns the exit code. */
static int run_once(const oom_case *c, long n, long *n_calls)
{
    char *argv[MAX_ARGS + 2];
    static char storage[MAX_ARGS][4200];
    int argc = 0;
    argv[argc++] = "yuanflow";
    for (int k = 0; c->args[k]; k++) {
        const char *a = c->args[k];
        if (a[0] == '@') {
            snprintf(storage[k], sizeof storage[k], "%s%s", source, a + 1);
            argv[argc++] = storage[k];
        } else {
            argv[argc++] = (char *)a;
        }
    }
    argv[argc] = NULL;
    /* Each attempt starts from no outputs (an ensemble would otherwise resume). */
    static const char *const outputs[] = {"run.db",  "run.csv", "run.json", "ens.db",
                                          "ens.csv", "cal.db",  "cal.yaml", "report.html"};
    for (size_t k = 0; k < sizeof outputs / sizeof *outputs; k++)
        (void)unlink(outputs[k]);
    fflush(stderr);
    fflush(stdout);
    FILE *err = freopen(stderr_path, "w", stderr);
    FILE *out = freopen(stdout_path, "w", stdout);
    if (!err || !out)
        abort();
    calls = live = 0;
    fail_at = n;
    yf_set_allocator(counting_realloc, NULL);
    int rc = yf_cli_main(argc, argv);
    yf_set_allocator(NULL, NULL);
    *n_calls = calls;
    fflush(stderr);
    fflush(stdout);
    return rc;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: cli_oom SOURCE_DIR\n");
        return 2;
    }
    snprintf(source, sizeof source, "%s", argv[1]);
    char dir[] = "/tmp/yf_cli_oom_XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0)
        return 2;
    snprintf(stderr_path, sizeof stderr_path, "%s/stderr.txt", dir);
    snprintf(stdout_path, sizeof stdout_path, "%s/stdout.txt", dir);
    if (!freopen("/dev/null", "w", stdout))
        return 2;
    FILE *log = fdopen(dup(2), "w");

    /* Messages shared by several files ("out of memory", "cannot write '...': out
     * of memory") are checked in the command that reaches each file's. */
    static const oom_case cases[] = {
        /* run: the scenario, the data, the world path, the scenario's driver
         * (apply.c), the matrices kept for the store, the outputs. */
        {{"run", "@/tests/scenarios/oom.yaml", "--data", "@/data", "--store", "run.db", "--csv",
          "run.csv", "--json", "run.json", NULL},
         {{"error: out of memory reading the scenario", 1},
          {"error: out of memory reading '", 1},
          {"error: out of memory loading '", 1},
          {"yuanflow: error: out of memory for a world path of 24 months", 1},
          {"yuanflow: error: out of memory\n", 1},
          {"yuanflow: error: out of memory keeping the matrices", 1},
          {"yuanflow: error: out of memory writing the outputs", 1},
          {"yuanflow: error: cannot write 'run.csv': out of memory", 1},
          {"yuanflow: error: cannot write 'run.json': out of memory", 1}},
         0,
         NULL,
         0},
        /* matrices: the render of the month's matrices. */
        {{"matrices", "@/tests/scenarios/oom.yaml", "--data", "@/data", "--date", "2000-02", NULL},
         {{"yuanflow: error: out of memory rendering the matrices", 1}},
         40,
         NULL,
         0},
        /* demo: the textbook model's matrices of one period. */
        {{"demo", "pc", "--periods", "3", "--step", "2", NULL},
         {{"yuanflow: error: cannot render the matrices of period 2", 1}},
         0,
         NULL,
         0},
        /* validate: its result table (made before the runs). */
        {{"validate", "@/tests/scenarios/oom.yaml", "--data", "@/data", "--from", "2000", "--to",
          "2001", "--split", "2000", NULL},
         {{"yuanflow: error: out of memory\n", 1}},
         -40,
         NULL,
         0},
        /* ensemble, in this process (--jobs 1): the list of runs, each run's
         * message, its storing, the percentiles (ensemble_store.c, with and
         * without --csv). */
        {{"ensemble", "@/tests/scenarios/oom.yaml", "--data", "@/data", "--runs", "2", "--jobs",
          "1", "--store", "ens.db", "--csv", "ens.csv", "--name", "oom_ens", NULL},
         {{"yuanflow: error: out of memory\n", 1},
          {"yuanflow: error: out of memory building run ", 1},
          {"yuanflow: error: out of memory storing run ", 1},
          {"yuanflow: error: cannot write 'ens.csv': out of memory", 1},
          {"yuanflow: error: ensemble 'oom_ens': 1 of 2 runs done; run the same command again to "
           "resume",
           1}},
         0,
         NULL,
         0},
        /* calibrate, in this process (--jobs 1): its table of starts, then the
         * scenario file it writes. */
        {{"calibrate",
          "@/tests/scenarios/oom.yaml",
          "--data",
          "@/data",
          "--from",
          "2000",
          "--to",
          "2001",
          "--starts",
          "1",
          "--jobs",
          "1",
          "--max-evals",
          "1",
          "--households",
          "10",
          "--firms",
          "5",
          "--store",
          "cal.db",
          "--out",
          "cal.yaml",
          NULL},
         {{"yuanflow: error: calibration failed: out of memory", 1},
          {"yuanflow: error: no evaluation was recorded (1 of 1 starts failed)", 1},
          /* one literal, as docs/errors.md's check (tests/errors_doc.py) reads it */
          // clang-format off
          {"1 of 1 starts stopped on an error, so the best set written is that of the others; run the same command again to complete them", 1},
          // clang-format on
          {"yuanflow: error: out of memory\n", 1}},
         8,
         "up to 1 evaluations each; calibration ",
         40},
        /* report of the run in rep.db (written below, before the cases): the
         * store's runs (report_store.c), the report's tables, its page. */
        {{"report", "--store", "rep.db", "--data", "@/data", "--out", "report.html", NULL},
         {{"yuanflow: error: out of memory\n", 1},
          {"yuanflow: error: out of memory building the report", 1},
          {"yuanflow: error: out of memory writing the report", 1}},
         0,
         NULL,
         0},
    };
    static const oom_case store = {
        {"run", "@/tests/scenarios/oom.yaml", "--data", "@/data", "--store", "rep.db", NULL},
        {{NULL, 0}},
        0,
        NULL,
        0};
    long n_store = 0;
    CHECK(run_once(&store, 0, &n_store) == 0);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const oom_case *c = &cases[k];
        long total = 0;
        int rc = run_once(c, 0, &total);
        fprintf(log, "case %zu (%s): exit %d, %ld allocations\n", k, c->args[0], rc, total);
        fflush(log);
        if (rc != 0 && strstr(slurp(stderr_path), "built without the chart library")) {
            fprintf(log, "  SKIPPED: this yuanflow has no chart library, so no report\n");
            continue;
        }
        CHECK(rc == 0);
        bool seen[MAX_EXPECT] = {0};
        long from = c->tail > 0 ? total - c->tail : 1;
        if (c->tail < 0)
            total = -c->tail;
        if (getenv("CLI_OOM_CASE") && atoi(getenv("CLI_OOM_CASE")) != (int)k)
            continue;
        if (getenv("CLI_OOM_ONLY"))
            from = total = atol(getenv("CLI_OOM_ONLY"));
        long skip_from = total + 1, skip_to = total; /* allocations not failed */
        if (c->marker && !getenv("CLI_OOM_ONLY")) {
            /* the first allocation whose failure leaves the marker: by bisection
             * (before it, the failure stops the command earlier) */
            long lo = 1, hi = total;
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2, used = 0;
                (void)run_once(c, mid, &used);
                if (strstr(slurp(stderr_path), c->marker))
                    hi = mid;
                else
                    lo = mid + 1;
            }
            skip_from = lo + c->window;
            skip_to = total - c->tail;
            from = lo;
        }
        for (long n = from < 1 ? 1 : from; n <= total; n++) {
            if (n >= skip_from && n <= skip_to)
                continue;
            long used = 0;
            int code = run_once(c, n, &used);
            const char *text = slurp(stderr_path);
            /* the failure reached (used >= n) is reported, with exit code 1 (out
             * of memory is not bad input, exit 2), and frees what it took; a
             * calibration whose search stopped on it says so and exits 1 even
             * with a best set from the evaluations recorded */
            bool reported = code == 1;
            CHECK(used < n || reported);
            if (used >= n && !reported)
                fprintf(log, "  allocation %ld failed: not reported (exit %d)\n", n, code);
            /* what the store said is not what went wrong (SQLite's message for
             * a failure that was not SQLite's) */
            CHECK(strstr(text, "not an error") == NULL);
            CHECK(live == 0);
            if (live != 0)
                fprintf(log, "  allocation %ld failed: %ld blocks leaked\n", n, live);
            for (int e = 0; c->expect[e].text; e++)
                if (strstr(text, c->expect[e].text) && code == c->expect[e].exit_code)
                    seen[e] = true;
            /* An output that could not be written is not there at all (written
             * whole or not at all, docs/errors.md 1). */
            if (strstr(text, "cannot write 'run.csv'"))
                CHECK(access("run.csv", F_OK) != 0);
            if (getenv("CLI_OOM_VERBOSE") || code == 0 || !strstr(text, "memory"))
                fprintf(log, "  allocation %ld failed: exit %d, %s", n, code, text);
        }
        for (int e = 0; c->expect[e].text; e++) {
            CHECK(seen[e]);
            if (!seen[e])
                fprintf(log, "  never seen: %s\n", c->expect[e].text);
        }
    }
    /* json.c: the document cannot be built; nothing is written. */
    static const oom_case json = {{"run", "@/tests/scenarios/oom.yaml", "--data", "@/data",
                                   "--no-store", "--json", "run.json", NULL},
                                  {{NULL, 0}},
                                  0,
                                  NULL,
                                  0};
    long unused = 0;
    fail_json = true;
    int code = run_once(&json, 0, &unused);
    fail_json = false;
    const char *text = slurp(stderr_path);
    CHECK(code == 1);
    CHECK(strstr(text, "yuanflow: error: cannot write 'run.json': out of memory") != NULL);
    CHECK(access("run.json", F_OK) != 0);
    fprintf(log, "%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}
