/*
 * bench_ledger.c: throughput of the ledger's hot paths, against this machine's
 * memory bandwidth measured in the same run.
 *
 *   bench_ledger [n_households] [repetitions]
 *
 * Kernels (each repeated, median reported):
 *   batch_pay    every household pays its own amount to one firm
 *                (ledger_pay_from_each: two passes over amounts, deposits, banks)
 *   close        ledger_close_step: the seven exact checks over every agent array
 *   single_pay   one interbank payment at a time (ledger_pay), payments per second
 *   stream       reference: a[k] = b[k] + c[k] over int64 arrays of the same length,
 *                the bandwidth a streaming household update can at best reach
 * Bytes per agent are counted from the arrays each kernel must touch, so that
 * "fraction of stream" says how close the kernel is to the bandwidth bound.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_common.h"
#include "core/core.h"
#include "ledger/ledger.h"

static void die(const char *what, ledger *L)
{
    fprintf(stderr, "bench_ledger: %s failed: %s\n", what, L ? ledger_message(L) : "");
    exit(1);
}

int main(int argc, char **argv)
{
    int32_t n = argc > 1 ? (int32_t)atol(argv[1]) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 9;
    if (n < 1 || reps < 1) {
        fprintf(stderr, "usage: bench_ledger [n_households >= 1] [repetitions >= 1]\n");
        return 2;
    }
    const int32_t n_banks = 20;
    int32_t agents[N_CHINA_SECTORS] = {n, 5000, 500, 300, 300, 1, n_banks, 1, 1};
    ledger *L = NULL;
    if (ledger_new(&L, &chart_china, agents) != YF_OK)
        die("ledger_new", NULL);
    int64_t *amounts = malloc(sizeof(int64_t) * (size_t)n);
    int64_t *a = malloc(sizeof(int64_t) * (size_t)n), *b = malloc(sizeof(int64_t) * (size_t)n),
            *c = malloc(sizeof(int64_t) * (size_t)n);
    if (!amounts || !a || !b || !c)
        return 1;
    for (int32_t k = 0; k < n; k++) {
        if (ledger_assign_parent(L, ledger_acct(HH, k), k % n_banks) != YF_OK)
            die("assign", L);
        if (ledger_revalue(L, I_DEPOSITS, ledger_acct(HH, k), ledger_acct(BANK, k % n_banks),
                           1000000000) != YF_OK)
            die("opening", L);
        amounts[k] = 1 + k % 97;
        b[k] = k;
        c[k] = 2 * k;
    }
    for (int32_t k = 0; k < n_banks; k++)
        if (ledger_revalue(L, I_RESERVES, ledger_acct(BANK, k), ledger_acct(PBOC, 0),
                           1000000000000000LL) != YF_OK)
            die("opening", L);
    if (ledger_close_step(L, NULL) != YF_OK)
        die("close", L);

    double *t_batch = malloc(sizeof(double) * (size_t)reps);
    double *t_close = malloc(sizeof(double) * (size_t)reps);
    double *t_stream = malloc(sizeof(double) * (size_t)reps);
    double *t_single = malloc(sizeof(double) * (size_t)reps);
    const int singles = 200000;
    for (int r = 0; r < reps; r++) {
        double t0 = bench_now();
        if (ledger_pay_from_each(L, F_CONSUMPTION, HH, amounts, ledger_acct(FIRM, 7)) != YF_OK)
            die("batch", L);
        double t1 = bench_now();
        if (ledger_close_step(L, NULL) != YF_OK)
            die("close", L);
        double t2 = bench_now();
        bench_stream_pass(a, b, c, n);
        double t3 = bench_now();
        for (int i = 0; i < singles; i++)
            if (ledger_pay(L, F_WAGES_PRIVATE, ledger_acct(FIRM, 7), ledger_acct(HH, i % n), 1) !=
                YF_OK)
                die("pay", L);
        double t4 = bench_now();
        if (ledger_close_step(L, NULL) != YF_OK)
            die("close", L);
        t_batch[r] = t1 - t0;
        t_close[r] = t2 - t1;
        t_stream[r] = t3 - t2;
        t_single[r] = t4 - t3;
        b[r % n] += a[(r * 7) % n]; /* keep the stream live */
    }
    double mb = bench_median(t_batch, reps), mc = bench_median(t_close, reps), ms = bench_median(t_stream, reps),
           mp = bench_median(t_single, reps);
    /* Bytes each kernel must move per household: batch pass 1 reads amount, deposit,
     * bank (8+8+4), pass 2 reads amount and reads+writes deposit (8+8+8): 44.
     * close reads every household array: deposits, lgfv_debt, mortgages, presale
     * claims, equity, housing (6 x 8) once (sums and signs in one pass): 48.
     * stream reads two arrays and writes one: 24. */
    double bw = 24.0 * n / ms;
    printf("households %d, banks %d, repetitions %d (median times)\n", n, n_banks, reps);
    printf("| kernel | median time | throughput | bytes/agent | fraction of stream bandwidth |\n");
    printf("|---|--:|--:|--:|--:|\n");
    printf("| stream a=b+c | %.3f ms | %.3g agents/s | 24 | 1.00 (%.2f GB/s) |\n", 1e3 * ms, n / ms,
           bw / 1e9);
    printf("| batch_pay | %.3f ms | %.3g household payments/s | 44 | %.2f |\n", 1e3 * mb, n / mb,
           44.0 * n / mb / bw);
    printf("| close | %.3f ms | %.3g agents/s | 48 | %.2f |\n", 1e3 * mc, n / mc,
           48.0 * n / mc / bw);
    printf("| single_pay | %.3f ms / %d | %.3g payments/s | - | - |\n", 1e3 * mp, singles,
           singles / mp);
    free(t_batch);
    free(t_close);
    free(t_stream);
    free(t_single);
    free(amounts);
    free(a);
    free(b);
    free(c);
    ledger_free(L);
    return 0;
}
