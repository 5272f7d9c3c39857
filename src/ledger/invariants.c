/*
 * invariants.c: the exact checks of stock-flow consistency run when a step
 * closes (docs/ledger.md section 5). All sums are 128-bit, so a check never
 * overflows and "balances" means == 0, never "within a tolerance".
 *
 * The checks are numbered as in ledger.h:
 *   (1) each financial row of the balance sheet sums to zero;
 *   (2) each agent-level account sums to its sector total;
 *   (3) each flow row of the transactions-flow matrix sums to zero;
 *   (4) each sector column of the transactions-flow matrix sums to zero;
 *   (5) each stock moved by exactly its transactions plus other changes;
 *   (6) each sector's net worth moved by exactly saving + other changes.
 *       (6) follows from (4) and (5) summed over a column; it is checked on
 *       its own, before (5), because it is the statement an economist reads.
 *   (7) each position has the sign its side allows (at the close only).
 */
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "core/parallel.h"
#include "ledger_internal.h"

/* Print a 128-bit amount: exact when it fits in int64, which it does in practice. */
static void format_i128(i128 v, char *out, size_t n)
{
    if (v > INT64_MAX || v < INT64_MIN)
        snprintf(out, n, "%s", v > 0 ? "(beyond +int64)" : "(beyond -int64)");
    else
        money_format((int64_t)v, out, n);
}

/* "HH 100, F -95" for the non-zero cells of one row (values[s] per sector). */
static void describe_row(const ledger *L, const int64_t *values, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (int s = 0; s < L->c->n_sectors && used < n; s++) {
        if (values[s] == 0)
            continue;
        char amount[40];
        money_format(values[s], amount, sizeof amount);
        int w = snprintf(out + used, n - used, "%s%s %s", used ? ", " : "", L->c->sectors[s].code,
                         amount);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static yf_status check_financial_rows(ledger *L)
{
    const chart *c = L->c;
    for (int i = 0; i < c->n_instruments; i++) {
        if (c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            continue;
        i128 sum = 0;
        for (int s = 0; s < c->n_sectors; s++)
            sum += L->total[i][s];
        if (sum != 0) {
            char amount[40], cells[512];
            format_i128(sum, amount, sizeof amount);
            describe_row(L, L->total[i], cells, sizeof cells);
            ledger_fail(L, "step %d: balance-sheet row '%s' sums to %s yuan, not 0 (%s)", L->step,
                        c->instruments[i].name, amount, cells);
            return YF_ERR_INCONSISTENT;
        }
    }
    return YF_OK;
}

/* Where the agent pass saw a position of the wrong sign (check 7), to report
 * only once the identities (1)-(6) hold: a broken identity is the deeper fault. */
typedef struct sign_fault {
    bool found;
    int instrument, sector;
} sign_fault;

/*
 * One pass over every agent array: (2) the agents sum to the sector total and,
 * when `signs` is not NULL, an array holding a position of the wrong sign (7)
 * is remembered. One pass instead of two halves the memory traffic of the
 * close, and every operation in the loop vectorises.
 */
static yf_status check_agent_arrays(ledger *L, sign_fault *signs)
{
    const chart *c = L->c;
    for (int i = 0; i < c->n_instruments; i++)
        for (int s = 0; s < c->n_sectors; s++) {
            const int64_t *restrict pos = L->pos[i][s];
            if (!pos)
                continue;
            /* An exact sum that vectorises with baseline SSE2 (no 64-bit signed
             * shift or compare): as unsigned, u = high * 2^32 + low, and the signed
             * value is u - 2^64 when its top bit is set. Each count and half-sum fits
             * in 64 bits for < 2^31 agents. The same pass counts negative and positive
             * positions for the sign check. */
            uint64_t high = 0, low = 0, negatives = 0, positives = 0;
            const int32_t n = L->n_agents[s];
            /* Integer sums: the same for any split between threads. */
#pragma omp parallel for schedule(static) reduction(+ : high, low, negatives, positives) \
    if (n >= YF_PARALLEL_MIN)
            for (int32_t k = 0; k < n; k++) {
                uint64_t u = (uint64_t)pos[k];
                high += u >> 32;
                low += u & 0xFFFFFFFFU;
                negatives += u >> 63;
                positives += ((0 - u) & ~u) >> 63; /* top bit of -v, and v not negative */
            }
            i128 sum = (i128)high * ((i128)1 << 32) + (i128)low - (i128)negatives * ((i128)1 << 64);
            if (sum != L->total[i][s]) {
                char a[40], b[40];
                format_i128(sum, a, sizeof a);
                money_format(L->total[i][s], b, sizeof b);
                ledger_fail(L,
                            "step %d: the agents of sector '%s' hold %s yuan of '%s' but the "
                            "sector total is %s",
                            L->step, c->sectors[s].code, a, c->instruments[i].name, b);
                return YF_ERR_INCONSISTENT;
            }
            int side = c->instruments[i].side[s];
            bool wrong = side == SIDE_ASSET ? negatives > 0 : positives > 0;
            if (signs && wrong && !signs->found) {
                signs->found = true;
                signs->instrument = i;
                signs->sector = s;
            }
        }
    return YF_OK;
}

static yf_status check_flow_rows(ledger *L)
{
    const chart *c = L->c;
    for (int f = 0; f < c->n_flows; f++) {
        i128 sum = 0;
        for (int s = 0; s < c->n_sectors; s++)
            sum += L->flow[f][s];
        if (sum != 0) {
            char amount[40], cells[512];
            format_i128(sum, amount, sizeof amount);
            describe_row(L, L->flow[f], cells, sizeof cells);
            ledger_fail(L, "step %d: transactions-flow row '%s' sums to %s yuan, not 0 (%s)",
                        L->step, c->flows[f].name, amount, cells);
            return YF_ERR_INCONSISTENT;
        }
    }
    return YF_OK;
}

/* A sector's flows (sources +, uses -) must equal its net acquisition of
 * financial assets by transactions: the column of the TFM sums to zero. */
static yf_status check_flow_columns(ledger *L)
{
    const chart *c = L->c;
    for (int s = 0; s < c->n_sectors; s++) {
        i128 flows = 0, financial = 0;
        for (int f = 0; f < c->n_flows; f++)
            flows += L->flow[f][s];
        for (int i = 0; i < c->n_instruments; i++)
            if (c->instruments[i].kind == INSTRUMENT_FINANCIAL)
                financial += L->change_tx[i][s];
        if (flows != financial) {
            char a[40], b[40], d[40];
            format_i128(flows, a, sizeof a);
            format_i128(financial, b, sizeof b);
            format_i128(flows - financial, d, sizeof d);
            ledger_fail(L,
                        "step %d: transactions-flow column '%s' sums to %s yuan, not 0 (flows %s, "
                        "change in financial stocks %s)",
                        L->step, c->sectors[s].code, d, a, b);
            return YF_ERR_INCONSISTENT;
        }
    }
    return YF_OK;
}

static yf_status check_stock_changes(ledger *L)
{
    const chart *c = L->c;
    for (int i = 0; i < c->n_instruments; i++)
        for (int s = 0; s < c->n_sectors; s++) {
            i128 moved = (i128)L->total[i][s] - L->open_total[i][s];
            i128 explained = (i128)L->change_tx[i][s] + L->change_other[i][s];
            if (moved != explained) {
                char a[40], b[40];
                format_i128(moved, a, sizeof a);
                format_i128(explained, b, sizeof b);
                ledger_fail(L,
                            "step %d: sector '%s' stock of '%s' moved by %s yuan but its "
                            "transactions and other changes add to %s",
                            L->step, c->sectors[s].code, c->instruments[i].name, a, b);
                return YF_ERR_INCONSISTENT;
            }
        }
    return YF_OK;
}

/* Net worth change = saving + other changes, where saving is the sum of the
 * sector's flows plus its purchases of tangible assets at cost (buying a house
 * is not dissaving: money out, a house in). */
static yf_status check_net_worth(ledger *L)
{
    const chart *c = L->c;
    for (int s = 0; s < c->n_sectors; s++) {
        i128 nw_now = 0, nw_open = 0, saving = 0, other = 0;
        for (int i = 0; i < c->n_instruments; i++) {
            nw_now += L->total[i][s];
            nw_open += L->open_total[i][s];
            other += L->change_other[i][s];
            if (c->instruments[i].kind == INSTRUMENT_TANGIBLE)
                saving += L->change_tx[i][s];
        }
        for (int f = 0; f < c->n_flows; f++)
            saving += L->flow[f][s];
        if (nw_now - nw_open != saving + other) {
            char a[40], b[40], d[40];
            format_i128(nw_now - nw_open, a, sizeof a);
            format_i128(saving, b, sizeof b);
            format_i128(other, d, sizeof d);
            ledger_fail(L,
                        "step %d: net worth of sector '%s' moved by %s yuan but saving is %s and "
                        "other changes %s",
                        L->step, c->sectors[s].code, a, b, d);
            return YF_ERR_INCONSISTENT;
        }
    }
    return YF_OK;
}

/* Name the first agent of the array the agent pass flagged (check 7). */
static yf_status report_sign_fault(ledger *L, const sign_fault *f)
{
    const chart *c = L->c;
    const int64_t *pos = L->pos[f->instrument][f->sector];
    int side = c->instruments[f->instrument].side[f->sector];
    int32_t k = 0;
    while (k < L->n_agents[f->sector] && (side == SIDE_ASSET ? pos[k] >= 0 : pos[k] <= 0))
        k++;
    char a[40];
    money_format(pos[k], a, sizeof a);
    ledger_fail(L,
                "step %d: agent %d of sector '%s' has %s yuan of '%s', which it may hold only "
                "as %s",
                L->step, (int)k, c->sectors[f->sector].code, a, c->instruments[f->instrument].name,
                side == SIDE_ASSET ? "an asset (>= 0)" : "a liability (<= 0)");
    return YF_ERR_NEGATIVE_STOCK;
}

static yf_status check_identities(ledger *L, sign_fault *signs)
{
    yf_status st;
    if ((st = check_financial_rows(L)) != YF_OK || (st = check_agent_arrays(L, signs)) != YF_OK ||
        (st = check_flow_rows(L)) != YF_OK || (st = check_flow_columns(L)) != YF_OK ||
        (st = check_net_worth(L)) != YF_OK || (st = check_stock_changes(L)) != YF_OK)
        return st;
    return YF_OK;
}

yf_status ledger_check(ledger *L)
{
    return check_identities(L, NULL);
}

yf_status ledger_close_step(ledger *L, ledger_snapshot *out)
{
    sign_fault signs = {false, 0, 0};
    yf_status st = check_identities(L, &signs);
    if (st != YF_OK)
        return st;
    if (signs.found)
        return report_sign_fault(L, &signs);
    if (out) {
        out->chart = L->c;
        out->step = L->step;
        memcpy(out->stock, L->total, sizeof out->stock);
        memcpy(out->flow, L->flow, sizeof out->flow);
        memcpy(out->change_tx, L->change_tx, sizeof out->change_tx);
        memcpy(out->change_other, L->change_other, sizeof out->change_other);
    }
    memcpy(L->open_total, L->total, sizeof L->open_total);
    memset(L->flow, 0, sizeof L->flow);
    memset(L->change_tx, 0, sizeof L->change_tx);
    memset(L->change_other, 0, sizeof L->change_other);
    L->msg[0] = '\0';
    L->step++;
    return YF_OK;
}
