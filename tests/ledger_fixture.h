/*
 * ledger_fixture.h: shared set-up for the ledger tests: a China-chart ledger
 * with a few agents per sector, and a fingerprint of its whole state so that
 * a test can prove a refused posting changed nothing.
 */
#ifndef YF_TEST_LEDGER_FIXTURE_H
#define YF_TEST_LEDGER_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "ledger/ledger_internal.h"

/* Agents per sector: HH F DEV LG LGFV CG B PBOC ROW. */
static const int32_t fixture_agents[N_CHINA_SECTORS] = {4, 3, 2, 2, 2, 1, 3, 1, 1};

static inline ledger *fixture_new(void)
{
    ledger *L = NULL;
    if (ledger_new(&L, &chart_china, fixture_agents) != YF_OK) {
        fprintf(stderr, "fixture: ledger_new failed\n");
        exit(2);
    }
    return L;
}

/* FNV-1a over every byte of state a posting could touch. */
static inline uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static inline uint64_t fingerprint(const ledger *L)
{
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, L->total, sizeof L->total);
    h = fnv(h, L->flow, sizeof L->flow);
    h = fnv(h, L->change_tx, sizeof L->change_tx);
    h = fnv(h, L->change_other, sizeof L->change_other);
    for (int i = 0; i < L->c->n_instruments; i++)
        for (int s = 0; s < L->c->n_sectors; s++)
            if (L->pos[i][s])
                h = fnv(h, L->pos[i][s], sizeof(int64_t) * (size_t)L->n_agents[s]);
    for (int s = 0; s < L->c->n_sectors; s++)
        if (L->parent[s])
            h = fnv(h, L->parent[s], sizeof(int32_t) * (size_t)L->n_agents[s]);
    return h;
}

static inline ledger_account acct(int sector, int32_t agent)
{
    return ledger_acct(sector, agent);
}

#endif
