/*
 * parallel.h: threads inside one run (OpenMP, docs/performance.md 7) with
 * results that do not depend on the number of threads.
 *
 * The rule: a loop over agents runs in FIXED blocks of agents (yf_blocks_of:
 * the partition depends on the agent count only, never on the thread count);
 * each block touches only its own agents and writes one partial result per
 * block; floating-point partials are then added in block order on one thread.
 * Integer (yuan) sums are exact, so their order never matters. A run with 1, 2
 * or N threads therefore computes the same bits: OMP_NUM_THREADS only decides
 * which thread does which block.
 */
#ifndef YF_PARALLEL_H
#define YF_PARALLEL_H

#include <stdint.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

/* Agents per block for up to 2.1 million agents: 4,096 households' hot arrays (a few doubles
 * each) fit in a core's L2 cache. */
#define YF_BLOCK_MIN 4096
/* At most this many blocks, so that the partials fit on the stack of the
 * calling function (above 4,096 x 512 = 2.1 million agents, blocks grow). */
#define YF_MAX_BLOCKS 512
/* Below this many agents a loop stays on one thread: starting a parallel
 * region costs a few microseconds, about what 10,000 agents' work costs. */
#define YF_PARALLEL_MIN 16384

/* The fixed partition of n agents: `count` blocks of `size` agents (the last
 * one shorter). */
typedef struct yf_blocks {
    int32_t size, count;
} yf_blocks;

/* The partition of n >= 0 agents; a function of n only. */
static inline yf_blocks yf_blocks_of(int32_t n)
{
    yf_blocks b;
    int64_t size = ((int64_t)n + YF_MAX_BLOCKS - 1) / YF_MAX_BLOCKS;
    b.size = size < YF_BLOCK_MIN ? YF_BLOCK_MIN : (int32_t)size;
    b.count = n > 0 ? (int32_t)(((int64_t)n + b.size - 1) / b.size) : 0;
    return b;
}

/* First agent of block j. */
static inline int32_t yf_block_begin(yf_blocks b, int32_t j)
{
    return j * b.size;
}

/* One past the last agent of block j, for n agents. */
static inline int32_t yf_block_end(yf_blocks b, int32_t j, int32_t n)
{
    int64_t end = (int64_t)(j + 1) * b.size;
    return end < n ? (int32_t)end : n;
}

/* Block partials added in block order: the same bits for any thread count. */
static inline double yf_sum_blocks(const double *partial, int32_t count)
{
    double s = 0.0;
    for (int32_t j = 0; j < count; j++)
        s += partial[j];
    return s;
}

/* Number of threads a run may use (1 without OpenMP). */
static inline int yf_threads(void)
{
#ifdef _OPENMP
    return omp_get_max_threads();
#else
    return 1;
#endif
}

/* This thread's number inside a parallel region (0 outside one). */
static inline int yf_thread_id(void)
{
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

#endif
