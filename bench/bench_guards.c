/*
 * bench_guards.c: the cost of the numerical guards (src/model/guards.c) next
 * to the month they check (docs/errors.md section 2). Builds an economy of
 * 100,000 households (or argv[2]), runs twelve months timing them, then times
 * the guards of the last month alone, repeated. Not a test; the release
 * preset gives the numbers worth quoting.
 *   bench_guards DATA_DIR [HOUSEHOLDS]
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "model/economy.h"
#include "model/guards.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_guards DATA_DIR [HOUSEHOLDS]\n");
        return 2;
    }
    int32_t n = argc > 2 ? (int32_t)atoi(argv[2]) : 100000;
    economy_size size = {n, 5000, 300, 2000, 24, 0};
    yf_diag d = {{0}, 0, 0, {0}};
    economy *e = NULL;
    if (economy_new(&e, &size, argv[1], NULL, &d) != YF_OK) {
        fprintf(stderr, "economy_new: %s\n", d.message);
        return 1;
    }
    double t0 = now();
    if (economy_run(e, 12) != YF_OK) {
        fprintf(stderr, "run: %s\n", e->msg);
        economy_free(e);
        return 1;
    }
    double month = (now() - t0) / 12.0;
    enum { REPEAT = 200 };
    t0 = now();
    int bad = 0;
    for (int k = 0; k < REPEAT; k++)
        bad += guards_after_month(e, e->month - 1, YF_OK) != YF_OK;
    double guard = (now() - t0) / REPEAT;
    printf("households %d: a month %.3f ms (guards included), its guards %.3f ms (%.2f%%)%s\n",
           (int)n, 1e3 * month, 1e3 * guard, 100.0 * guard / month, bad ? " FAILED" : "");
    economy_free(e);
    return bad ? 1 : 0;
}
