/*
 * bench_model.c: the cost of whole runs of the China model against the
 * household count, each run in a child process so that its peak memory
 * (getrusage's ru_maxrss, read by wait4) is its own.
 *
 *   bench_model [--data DIR] [--scenario FILE] [--to YEAR] [--reps R] [SIZE ...]
 *
 * defaults: --data data, --scenario scenarios/baseline.yaml beside the data,
 * --to 2035, --reps 3, sizes 10000 100000. For every size, R runs (children
 * one after the other, never two at once); the medians are reported:
 *   build     economy_new: data, agents, the opening balance sheet
 *   run       the months from 2000-01 to December of --to, through the scenario
 *             driver (what `yuanflow run --no-store` does, without printing):
 *             wall time, and the child's CPU time (CLOCK_PROCESS_CPUTIME_ID),
 *             which the other processes of a shared machine disturb less
 *   peak      the child's maximum resident set size, and that over the households
 * then, from the medians of all sizes, a least-squares line
 *   CPU time per month = a + b x households
 * whose b is the marginal cost of one household-month (1/b: household-months
 * per second on one core, the household step's throughput, all of its stages
 * counted) and whose a is the cost per month that does not grow with the
 * households (firms, banks, governments, the close's fixed part). The cost is
 * linear in the households if the marginal cost between consecutive sizes is
 * the same.
 * Memory bandwidth is measured first by the stream kernel of bench_common.h;
 * the "bound" of a household-month is its state bytes (the slope of peak
 * memory against households) moved once at that bandwidth.
 */
#define _POSIX_C_SOURCE 200809L /* fork, pipe, wait4 */
#define _DEFAULT_SOURCE         /* wait4 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_common.h"
#include "model/economy.h"
#include "scenario/scenario.h"

enum { MAX_SIZES = 16, MAX_REPS = 101 };

typedef struct child_result {
    int ok;           /* 1: the run reached its last month */
    int months;       /* months run */
    int64_t agents;   /* every agent of the ledger, all sectors */
    double build, run; /* seconds, wall clock */
    double cpu_run;    /* seconds of CPU time of the run (CLOCK_PROCESS_CPUTIME_ID) */
    char msg[1100];
} child_result;

typedef struct sample {
    child_result r;
    double peak_kb;
} sample;

static int usage(void)
{
    fputs("usage: bench_model [--data DIR] [--scenario FILE] [--to YEAR] [--reps R] [SIZE ...]\n",
          stderr);
    return 2;
}

/* In the child: build and run one economy of n households; the result goes
 * to the parent through fd. */
static int child(const char *data, const char *scen, int to_year, int32_t n, int fd)
{
    child_result r;
    memset(&r, 0, sizeof r);
    scenario *s = NULL;
    economy *e = NULL;
    scenario_driver *d = NULL;
    yf_diag diag = {{0}, 0, 0, {0}};
    double param[N_MODEL_PARAMS];
    double t0 = bench_now(), c1 = 0.0, c2 = 0.0;
    if (scenario_load(&s, scen, &diag) != YF_OK) {
        snprintf(r.msg, sizeof r.msg, "%.1000s", diag.message);
    } else {
        scenario_params(s, param);
        economy_size size = scenario_economy_size(s);
        size.households = n;
        size.n_months = (to_year - size.start_year + 1) * 12;
        if (economy_new(&e, &size, data, param, &diag) != YF_OK ||
            scenario_driver_new(&d, s, e, &diag) != YF_OK) {
            snprintf(r.msg, sizeof r.msg, "%.1000s", diag.message);
        } else {
            double t1 = bench_now();
            c1 = bench_cpu_now();
            yf_status st = scenario_driver_run(d, size.n_months);
            c2 = bench_cpu_now();
            double t2 = bench_now();
            r.ok = st == YF_OK;
            r.months = e->month;
            for (int sector = 0; sector < N_CHINA_SECTORS; sector++)
                r.agents += ledger_n_agents(e->L, sector);
            r.build = t1 - t0;
            r.run = t2 - t1;
            r.cpu_run = c2 - c1;
            if (!r.ok)
                snprintf(r.msg, sizeof r.msg, "%.1000s", e->msg);
        }
    }
    scenario_driver_free(d);
    economy_free(e);
    scenario_free(s);
    ssize_t w = write(fd, &r, sizeof r);
    return w == (ssize_t)sizeof r ? 0 : 1;
}

/* Run one child; false (with the reason printed) if it could not report. */
static bool measure(const char *data, const char *scen, int to_year, int32_t n, sample *out)
{
    int fds[2];
    if (pipe(fds) != 0) {
        perror("bench_model: pipe");
        return false;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_model: fork");
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        _exit(child(data, scen, to_year, n, fds[1]));
    }
    close(fds[1]);
    ssize_t got = read(fds[0], &out->r, sizeof out->r);
    close(fds[0]);
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || got != (ssize_t)sizeof out->r) {
        fprintf(stderr, "bench_model: the run of %d households did not report\n", (int)n);
        return false;
    }
    out->peak_kb = (double)ru.ru_maxrss; /* kilobytes on Linux */
    return true;
}

int main(int argc, char **argv)
{
    const char *data = "data", *scen = NULL;
    int to_year = 2035, reps = 3, n_sizes = 0;
    int32_t sizes[MAX_SIZES];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(a, "--scenario") == 0 && i + 1 < argc)
            scen = argv[++i];
        else if (strcmp(a, "--to") == 0 && i + 1 < argc)
            to_year = atoi(argv[++i]);
        else if (strcmp(a, "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (a[0] != '-' && n_sizes < MAX_SIZES && atol(a) >= 10)
            sizes[n_sizes++] = (int32_t)atol(a);
        else
            return usage();
    }
    if (to_year < 2000 || to_year > 2100 || reps < 1 || reps > MAX_REPS)
        return usage();
    if (n_sizes == 0) {
        sizes[0] = 10000;
        sizes[1] = 100000;
        n_sizes = 2;
    }
    char scen_buf[600];
    if (!scen) {
        /* scenarios/ beside the data directory, as the command finds it */
        const char *slash = strrchr(data, '/');
        if (slash)
            snprintf(scen_buf, sizeof scen_buf, "%.*s/scenarios/baseline.yaml",
                     (int)(slash - data), data);
        else
            snprintf(scen_buf, sizeof scen_buf, "scenarios/baseline.yaml");
        scen = scen_buf;
    }

    double bw = bench_stream_bandwidth((int64_t)1 << 24, 9);
    printf("stream bandwidth %.2f GB/s (median of 9 passes over 3 x 128 MB)\n", bw / 1e9);
    printf("scenario %s, 2000-01 to %d-12, %d runs per size, one at a time (medians)\n\n", scen,
           to_year, reps);
    printf("| households | agents | build | run (wall) | run (CPU) | per month (CPU) | "
           "household-months/s | agent-months/s | peak memory | bytes/household |\n"
           "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");

    double med_month[MAX_SIZES], med_peak[MAX_SIZES];
    int months = 0;
    for (int z = 0; z < n_sizes; z++) {
        double tb[MAX_REPS], tr[MAX_REPS], tc[MAX_REPS], pk[MAX_REPS];
        sample smp;
        for (int r = 0; r < reps; r++) {
            if (!measure(data, scen, to_year, sizes[z], &smp))
                return 1;
            if (!smp.r.ok && smp.r.months == 0) {
                fprintf(stderr, "bench_model: %d households: %s\n", (int)sizes[z], smp.r.msg);
                return 1;
            }
            if (!smp.r.ok)
                fprintf(stderr, "bench_model: %d households: the run stopped after %d months: %s\n",
                        (int)sizes[z], smp.r.months, smp.r.msg);
            tb[r] = smp.r.build;
            tr[r] = smp.r.run;
            tc[r] = smp.r.cpu_run;
            pk[r] = smp.peak_kb;
        }
        months = smp.r.months;
        double b = bench_median(tb, reps), t = bench_median(tr, reps), c = bench_median(tc, reps),
               p = bench_median(pk, reps);
        med_month[z] = c / months;
        med_peak[z] = p * 1024.0;
        printf("| %d | %lld | %.2f s | %.2f s | %.2f s | %.2f ms | %.3g | %.3g | %.1f MB | %.0f |\n",
               (int)sizes[z], (long long)smp.r.agents, b, t, c, 1e3 * c / months,
               (double)sizes[z] * months / c, (double)smp.r.agents * months / c, p / 1024.0,
               p * 1024.0 / sizes[z]);
        fflush(stdout);
    }
    if (n_sizes < 2)
        return 0;
    /* least squares: CPU time per month = a + b N; state bytes = slope of peak memory */
    double sx = 0, sy = 0, sxx = 0, sxy = 0, sm = 0, sxm = 0;
    for (int z = 0; z < n_sizes; z++) {
        double x = sizes[z];
        sx += x;
        sy += med_month[z];
        sxx += x * x;
        sxy += x * med_month[z];
        sm += med_peak[z];
        sxm += x * med_peak[z];
    }
    double nz = n_sizes, den = nz * sxx - sx * sx;
    double slope = (nz * sxy - sx * sy) / den, fixed = (sy - slope * sx) / nz;
    double bytes = (nz * sxm - sx * sm) / den;
    printf("\nCPU time per month = %.3f ms + %.1f ns x households (least squares over %d sizes)\n",
           1e3 * fixed, 1e9 * slope, n_sizes);
    printf("household step: %.3g household-months/s per core (marginal, all household stages)\n",
           1.0 / slope);
    printf("state: %.0f bytes per household (slope of peak memory); bound %.2f ns per "
           "household-month at %.2f GB/s: the household step runs at %.3f of the bound\n",
           bytes, 1e9 * bytes / bw, bw / 1e9, (bytes / bw) / slope);
    printf("linearity: marginal cost per household-month between consecutive sizes:");
    for (int z = 1; z < n_sizes; z++)
        printf(" %.1f ns (%d-%d)",
               1e9 * (med_month[z] - med_month[z - 1]) / (double)(sizes[z] - sizes[z - 1]),
               (int)sizes[z - 1], (int)sizes[z]);
    printf("\n");
    (void)months;
    return 0;
}
