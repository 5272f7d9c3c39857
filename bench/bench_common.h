/*
 * bench_common.h: what the benchmarks share (header-only, static functions):
 * a monotonic clock, the median of repeated timings, and the stream kernel
 * a[k] = b[k] + c[k] over int64 arrays that measures this machine's memory
 * bandwidth, the bound each kernel is reported against.
 */
#ifndef YF_BENCH_COMMON_H
#define YF_BENCH_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* CPU seconds of this process: on a shared machine, less disturbed by the
 * other processes than the wall clock (the caches and memory bus are still
 * shared). */
static inline double bench_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of v[0..n) (v is sorted in place). */
static inline double bench_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The stream kernel: reads b and c, writes a: 24 bytes per element. */
static inline void bench_stream_pass(int64_t *restrict a,
                                     const int64_t *restrict b,
                                     const int64_t *restrict c,
                                     int64_t n)
{
    for (int64_t k = 0; k < n; k++)
        a[k] = b[k] + c[k];
}

/* Bytes per element the stream kernel moves (read b, read c, write a). */
enum { BENCH_STREAM_BYTES = 24 };

/*
 * Measured memory bandwidth in bytes per second: the median over `reps`
 * passes of the stream kernel over arrays of n int64 (n large enough to leave
 * the caches: 2^24 elements, 384 MB moved per pass, is the default of the
 * benchmarks). Returns 0 if the arrays cannot be allocated.
 */
static inline double bench_stream_bandwidth(int64_t n, int reps)
{
    int64_t *a = malloc(sizeof(int64_t) * (size_t)n), *b = malloc(sizeof(int64_t) * (size_t)n),
            *c = malloc(sizeof(int64_t) * (size_t)n);
    double *t = malloc(sizeof(double) * (size_t)reps);
    double bw = 0.0;
    if (a && b && c && t) {
        for (int64_t k = 0; k < n; k++) {
            a[k] = 0;
            b[k] = k;
            c[k] = 2 * k;
        }
        for (int r = 0; r < reps; r++) {
            double t0 = bench_now();
            bench_stream_pass(a, b, c, n);
            t[r] = bench_now() - t0;
            b[r % n] += a[(r * 7) % n]; /* keep the stream live */
        }
        bw = (double)BENCH_STREAM_BYTES * (double)n / bench_median(t, reps);
    }
    free(a);
    free(b);
    free(c);
    free(t);
    return bw;
}

#endif
