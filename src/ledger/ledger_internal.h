/*
 * ledger_internal.h: the ledger's state, shared by ledger.c (postings),
 * invariants.c (the close of a step) and matrices.c. Not for other layers:
 * they read the ledger through ledger.h.
 */
#ifndef YF_LEDGER_INTERNAL_H
#define YF_LEDGER_INTERNAL_H

#include <stddef.h>

#include "ledger.h"

/* 128-bit sums make the identity checks exact even where int64 would overflow. */
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* Batches whose payers settle through at most this many parents (banks) check
 * their agents on several threads; others stay on one. */
#define LEDGER_PARALLEL_PARENTS 1024

typedef struct journal_entry {
    int64_t *cell;
    int64_t delta;
} journal_entry;

struct ledger {
    const chart *c;
    int32_t n_agents[LEDGER_MAX_SECTORS];

    /* Positions, yuan, signed (+ asset, - liability; tangibles at book value):
     * pos[i][s][k] for agent k; NULL where the chart gives sector s no account. */
    int64_t *pos[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];
    int64_t total[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];      /* sum over agents */
    int64_t open_total[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS]; /* at the step's start */

    /* Accumulated during the open step, yuan per step. */
    int64_t flow[LEDGER_MAX_FLOWS][LEDGER_MAX_SECTORS];
    int64_t change_tx[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];
    int64_t change_other[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];

    /* Settlement parent of each agent (its bank), NULL for the root sector. */
    int32_t *parent[LEDGER_MAX_SECTORS];

    /* Scratch for batch payments, sized for the largest parent sector. */
    int64_t *batch_by_parent; /* amounts leaving each parent (or paid in to it) */
    int64_t *batch_in;        /* many-to-many: amounts credited by each parent */
    int32_t *batch_touched;
    /* Threads (core/parallel.h): each thread's sums by parent in the checking
     * pass of a large batch, LEDGER_PARALLEL_PARENTS per thread, for
     * parallel_threads threads (integers: exact in any order). */
    int64_t *parallel_by_parent;
    int parallel_threads;

    journal_entry *journal;
    size_t journal_len, journal_cap;

    int step; /* the step being recorded, 1-based */
    char msg[768];
};

void ledger_fail(ledger *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
