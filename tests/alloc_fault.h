/*
 * alloc_fault.h: a counting allocator for allocation-failure tests. Install it
 * with yf_set_allocator(counting_realloc, NULL); it makes the fail_at-th
 * allocation fail and keeps `live`, the number of blocks not yet freed, so a
 * test can check that every error path frees what it took.
 */
#ifndef YF_TEST_ALLOC_FAULT_H
#define YF_TEST_ALLOC_FAULT_H

#include <stdlib.h>

static long calls, fail_at, live;

static void *counting_realloc(void *ud, void *p, size_t size)
{
    (void)ud;
    if (size == 0) {
        if (p)
            live--;
        free(p);
        return NULL;
    }
    if (++calls == fail_at)
        return NULL;
    void *q = realloc(p, size);
    if (q && !p)
        live++;
    return q;
}

#endif
