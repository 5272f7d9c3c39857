/*
 * economy_fixture.h: a small China economy with the default parameters, built
 * straight from the data (no scenario), for tests that provoke a fault inside
 * a month (test_guards, test_run_failures).
 */
#ifndef YF_TESTS_ECONOMY_FIXTURE_H
#define YF_TESTS_ECONOMY_FIXTURE_H

#include <stdio.h>

#include "model/economy.h"

/* n_households households and n_firms firms over 300 cities from 2000-01, for
 * `months` months, on the data in data_dir; NULL (with the reason on stderr)
 * if it cannot be built. */
static inline economy *small_economy(const char *data_dir, int32_t n_households, int32_t n_firms,
                                     int months)
{
    economy_size size = {n_households, n_firms, 300, 2000, months, 0};
    yf_diag d = {{0}, 0, 0, {0}};
    economy *e = NULL;
    if (economy_new(&e, &size, data_dir, NULL, &d) != YF_OK) {
        fprintf(stderr, "economy_new: %s\n", d.message);
        return NULL;
    }
    return e;
}

#endif
