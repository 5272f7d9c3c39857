/* money.c: rounding behaviour (double) to posted money (int64 yuan), and printing it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "parallel.h"

void money_format(int64_t v, char *out, size_t out_size)
{
    char digits[32];
    /* Work on the magnitude as unsigned so INT64_MIN prints correctly. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    char buf[40];
    size_t k = 0;
    if (v < 0)
        buf[k++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    snprintf(out, out_size, "%s", buf);
}

/* llroundl(y) for 0 <= y, capped at total (given also as long double), without
 * the library call: below 2^63 a long double (64-bit mantissa) has a spacing of
 * at most one half, so z = y + 0.5 is exact and its truncation is llroundl's
 * rounding, half-way cases up. The truncation is rint(z) (llrintl: in the
 * default rounding mode, to nearest; one fistp, inlined since this file is
 * built with -fno-math-errno) less one where that rounded up: a cast to int64
 * would switch the x87 rounding mode twice per boundary, which cost more than
 * the rest of the split. Cumulative shares a rounding error above total are
 * capped (as the caller would). */
static inline int64_t round_boundary(long double y, long double total_ld, int64_t total)
{
    if (y >= total_ld)
        return total;
    const long double z = y + 0.5L;
    const int64_t r = llrintl(z); /* z < 2^63 - 0.5, so r fits */
    return r - ((long double)r > z);
}

/* A block's shares were taken from 0 at its start, not from the largest
 * boundary of the blocks before it (the floor): the block's own running
 * largest boundary is the sum of its shares so far, and once that passes the
 * floor the two agree. Before, the true shares are 0; where it passes, the
 * share is what lies above the floor. Usually one agent per block. */
static void raise_to_floor(int64_t *share, int32_t count, int64_t floor)
{
    int64_t reached = 0;
    for (int32_t k = 0; k < count && floor > 0; k++) {
        reached += share[k];
        if (reached <= floor) {
            share[k] = 0;
        } else {
            share[k] = reached - floor;
            return;
        }
    }
}

/*
 * The split runs in the fixed blocks of parallel.h, on as many threads as
 * OpenMP gives, with the same result for any number of threads:
 *   1. each block sums its weights (in double for the scale, in long double
 *      for the cumulative weights); the block sums are added in block order;
 *   2. each block runs its cumulative weights from the long double sum of the
 *      blocks before it, rounds them into boundaries and writes the shares
 *      (differences of the boundaries, which never fall: a boundary below an
 *      earlier one is raised to it, as in a single pass), as if the blocks
 *      before it ended at 0;
 *   3. on one thread, each block's first shares are corrected for the largest
 *      boundary of the blocks before it (usually one agent per block).
 * Within a block the arithmetic is the single pass's; only where a block
 * starts does the running long double sum restart from the blocks' prefix.
 */
bool money_apportion(int64_t total, const double *weights, int32_t n, int64_t *out)
{
    const yf_blocks b = yf_blocks_of(n);
    double block_sum[YF_MAX_BLOCKS];
    long double block_start[YF_MAX_BLOCKS]; /* cumulative weight before each block */
    int64_t block_floor[YF_MAX_BLOCKS];     /* largest boundary before each block */
    int refused = 0;
#pragma omp parallel for schedule(static) reduction(| : refused) if (n >= YF_PARALLEL_MIN)
    for (int32_t j = 0; j < b.count; j++) {
        double s = 0.0;
        long double c = 0.0L;
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            refused |= !(weights[k] >= 0.0) || !isfinite(weights[k]);
            s += weights[k];
            c += (long double)weights[k];
        }
        block_sum[j] = s;
        block_start[j] = c;
    }
    const double sum = yf_sum_blocks(block_sum, b.count);
    if (refused || total < 0 || !isfinite(sum) || (total > 0 && !(sum > 0.0)))
        return false;
    if (total == 0) {
        for (int32_t k = 0; k < n; k++)
            out[k] = 0;
        return true;
    }
    long double before = 0.0L;
    for (int32_t j = 0; j < b.count; j++) {
        const long double c = block_start[j];
        block_start[j] = before;
        before += c;
    }
    /* Boundaries are computed in long double (64-bit mantissa on x86-64) so that
     * totals up to ~1e18 yuan are split within a yuan of the exact shares. */
    const long double total_ld = (long double)total;
    const long double scale = total_ld / (long double)sum;
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t j = 0; j < b.count; j++) {
        long double cumulative = block_start[j];
        int64_t top = 0; /* the block's largest boundary so far (0 before it) */
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            cumulative += (long double)weights[k];
            const int64_t boundary =
                k == n - 1 ? total : round_boundary(cumulative * scale, total_ld, total);
            const int64_t raised = boundary > top ? boundary : top;
            out[k] = raised - top;
            top = raised;
        }
        block_floor[j] = top;
    }
    int64_t highest = 0;
    for (int32_t j = 0; j < b.count; j++) {
        const int64_t top = block_floor[j];
        block_floor[j] = highest;
        highest = top > highest ? top : highest;
    }
    for (int32_t j = 1; j < b.count; j++)
        raise_to_floor(out + yf_block_begin(b, j), yf_block_end(b, j, n) - yf_block_begin(b, j),
                       block_floor[j]);
    return true;
}
