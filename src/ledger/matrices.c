/*
 * matrices.c: the balance-sheet and transactions-flow matrices of a closed
 * step, laid out as in Godley & Lavoie, Monetary Economics (2007), tables 2.1
 * and 2.3: one column per sector plus a sum column, + for assets and sources,
 * - for liabilities and uses. The TFM's lower block shows the change in each
 * financial stock with the G&L sign (acquiring an asset is a use of funds: -).
 * A third matrix lists other changes (revaluations, write-offs, opening
 * balances), which the TFM by construction does not contain.
 *
 * Markdown is for people (thousands separators, blanks for zeros, as in the
 * book); CSV is for tools (exact integers, every cell, a `table` column).
 */
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "ledger_internal.h"

/* Exact decimal text of a 128-bit integer, with thousands separators if `group`. */
static void i128_text(i128 v, bool group, bool plus, char *out, size_t n)
{
    char rev[64];
    int len = 0, digits = 0;
    bool neg = v < 0;
    u128 mag = neg ? (u128)0 - (u128)v : (u128)v;
    do {
        if (group && digits > 0 && digits % 3 == 0)
            rev[len++] = ',';
        rev[len++] = (char)('0' + (int)(mag % 10));
        mag /= 10;
        digits++;
    } while (mag > 0);
    if (neg)
        rev[len++] = '-';
    else if (plus && v > 0)
        rev[len++] = '+';
    size_t k = 0;
    while (len > 0 && k + 1 < n)
        out[k++] = rev[--len];
    out[k] = '\0';
}

typedef struct table_writer {
    strbuf *b;
    yf_format format;
    const chart *c;
    const char *table; /* CSV table name */
} table_writer;

static void write_header(table_writer *w, const char *title, int step)
{
    const chart *c = w->c;
    if (w->format == YF_FORMAT_CSV)
        return;
    strbuf_printf(w->b, "\n### %s, step %d (yuan)\n\n|  |", title, step);
    for (int s = 0; s < c->n_sectors; s++)
        strbuf_printf(w->b, " %s |", c->sectors[s].code);
    strbuf_printf(w->b, " Σ |\n|:--|");
    for (int s = 0; s < c->n_sectors; s++)
        strbuf_printf(w->b, "--:|");
    strbuf_printf(w->b, "--:|\n");
}

/* One row: label, the sector cells (values[s] * sign), then their exact sum.
 * Zero cells are blank in markdown, as in the book, except on the Σ row,
 * where the zeros are the point. */
static void write_wide_row(table_writer *w, const char *label, const i128 *values, int sign)
{
    bool sum_row = strcmp(label, "Σ") == 0;
    const chart *c = w->c;
    i128 sum = 0;
    char cell[64];
    if (w->format == YF_FORMAT_CSV)
        strbuf_printf(w->b, "%s,\"%s\"", w->table, label);
    else
        strbuf_printf(w->b, "| %s |", label);
    for (int s = 0; s < c->n_sectors; s++) {
        i128 v = values[s] * sign;
        sum += v;
        if (w->format == YF_FORMAT_CSV) {
            i128_text(v, false, false, cell, sizeof cell);
            strbuf_printf(w->b, ",%s", cell);
        } else if (v == 0 && !sum_row) {
            strbuf_printf(w->b, "  |");
        } else {
            i128_text(v, true, true, cell, sizeof cell);
            strbuf_printf(w->b, " %s |", cell);
        }
    }
    i128_text(sum, w->format != YF_FORMAT_CSV, false, cell, sizeof cell);
    strbuf_printf(w->b, w->format == YF_FORMAT_CSV ? ",%s\n" : " %s |\n", cell);
}

static void write_row(table_writer *w, const char *label, const int64_t *values, int sign)
{
    i128 wide[LEDGER_MAX_SECTORS];
    for (int s = 0; s < w->c->n_sectors; s++)
        wide[s] = values[s];
    write_wide_row(w, label, wide, sign);
}

static void balance_sheet(table_writer *w, const ledger_snapshot *snap)
{
    const chart *c = snap->chart;
    i128 col[LEDGER_MAX_SECTORS] = {0};
    i128 net_worth[LEDGER_MAX_SECTORS] = {0};
    w->table = "balance_sheet";
    write_header(w, "Balance sheet", snap->step);
    for (int i = 0; i < c->n_instruments; i++) {
        write_row(w, c->instruments[i].name, snap->stock[i], 1);
        for (int s = 0; s < c->n_sectors; s++)
            net_worth[s] += snap->stock[i][s];
    }
    /* Net worth enters with a minus sign so each column sums to zero (G&L). */
    write_wide_row(w, "net worth", net_worth, -1);
    for (int s = 0; s < c->n_sectors; s++) {
        for (int i = 0; i < c->n_instruments; i++)
            col[s] += snap->stock[i][s];
        col[s] -= net_worth[s];
    }
    write_wide_row(w, "Σ", col, 1);
}

static void flow_matrix(table_writer *w, const ledger_snapshot *snap)
{
    const chart *c = snap->chart;
    i128 col[LEDGER_MAX_SECTORS] = {0};
    w->table = "transactions_flow";
    write_header(w, "Transactions-flow matrix", snap->step);
    for (int f = 0; f < c->n_flows; f++) {
        write_row(w, c->flows[f].name, snap->flow[f], 1);
        for (int s = 0; s < c->n_sectors; s++)
            col[s] += snap->flow[f][s];
    }
    for (int i = 0; i < c->n_instruments; i++) {
        if (c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            continue;
        char label[128];
        snprintf(label, sizeof label, "Δ %s", c->instruments[i].name);
        write_row(w, label, snap->change_tx[i], -1);
        for (int s = 0; s < c->n_sectors; s++)
            col[s] -= snap->change_tx[i][s];
    }
    write_wide_row(w, "Σ", col, 1);
}

static bool has_other_changes(const ledger_snapshot *snap)
{
    for (int i = 0; i < snap->chart->n_instruments; i++)
        for (int s = 0; s < snap->chart->n_sectors; s++)
            if (snap->change_other[i][s] != 0)
                return true;
    return false;
}

static void other_changes(table_writer *w, const ledger_snapshot *snap)
{
    const chart *c = snap->chart;
    w->table = "other_changes";
    write_header(w, "Other changes in stocks (revaluations, write-offs, opening balances)",
                 snap->step);
    for (int i = 0; i < c->n_instruments; i++)
        write_row(w, c->instruments[i].name, snap->change_other[i], 1);
}

char *ledger_matrices_render(const ledger_snapshot *snap, yf_format format)
{
    strbuf b;
    strbuf_init(&b);
    table_writer w = {&b, format, snap->chart, ""};
    if (format == YF_FORMAT_CSV) {
        strbuf_printf(&b, "table,row");
        for (int s = 0; s < snap->chart->n_sectors; s++)
            strbuf_printf(&b, ",%s", snap->chart->sectors[s].code);
        strbuf_printf(&b, ",sum\n");
    }
    balance_sheet(&w, snap);
    flow_matrix(&w, snap);
    if (has_other_changes(snap))
        other_changes(&w, snap);
    return strbuf_take(&b);
}
