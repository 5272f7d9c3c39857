/*
 * ensemble.c: the counter-based generator of an ensemble's parameter draws and
 * the percentiles of its runs (ensemble.h).
 */
#include "ensemble/ensemble.h"

#include <math.h>

#include "report/report.h"


uint64_t ensemble_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Output n (from 1) of the SplitMix64 stream of state s, without stepping
 * through the outputs before it. */
static uint64_t splitmix_at(uint64_t s, uint64_t n)
{
    uint64_t state = s + (n - 1) * 0x9e3779b97f4a7c15ULL;
    return ensemble_splitmix64(&state);
}

double ensemble_uniform(uint64_t seed, uint64_t run, uint64_t purpose)
{
    uint64_t stream = splitmix_at(seed, run + 1);
    uint64_t x = splitmix_at(stream, purpose + 1);
    return (double)(x >> 11) * 0x1.0p-53;
}

const double ensemble_percentiles[ENSEMBLE_N_PERCENTILES] = {0.05, 0.25, 0.50, 0.75, 0.95};

double ensemble_percentile(const double *sorted, int n, double p)
{
    return report_percentile(sorted, n, p);
}
