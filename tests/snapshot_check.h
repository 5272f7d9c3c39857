/*
 * snapshot_check.h: an independent re-check, in the test, of a closed step's
 * matrices: every financial row of the balance sheet, every flow row and every
 * column of the transactions-flow matrix sums to zero, exactly.
 */
#ifndef YF_TEST_SNAPSHOT_CHECK_H
#define YF_TEST_SNAPSHOT_CHECK_H

#include <stdbool.h>

#include "ledger/ledger.h"

static inline bool snapshot_balances(const ledger_snapshot *s)
{
    const chart *c = s->chart;
    bool ok = true;
    for (int i = 0; i < c->n_instruments; i++) {
        if (c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            continue;
        int64_t row = 0;
        for (int k = 0; k < c->n_sectors; k++)
            row += s->stock[i][k];
        ok = ok && row == 0;
    }
    for (int f = 0; f < c->n_flows; f++) {
        int64_t row = 0;
        for (int k = 0; k < c->n_sectors; k++)
            row += s->flow[f][k];
        ok = ok && row == 0;
    }
    for (int k = 0; k < c->n_sectors; k++) {
        int64_t column = 0;
        for (int f = 0; f < c->n_flows; f++)
            column += s->flow[f][k];
        for (int i = 0; i < c->n_instruments; i++)
            if (c->instruments[i].kind == INSTRUMENT_FINANCIAL)
                column -= s->change_tx[i][k];
        ok = ok && column == 0;
    }
    return ok;
}

#endif
