/*
 * ledger_years.c: a run's monthly ledger snapshots made into annual matrices
 * for the run store (ledger_years.h). Stocks are December's; flows and other
 * changes are the exact int64 sums of the twelve months (checked for overflow).
 */
#include "report/ledger_years.h"

#include <stdio.h>
#include <string.h>

#include "core/core.h"

enum { KINDS = 3, CODE_SIZE = 96 };

struct ledger_years {
    const chart *c;
    int first_year, n_years;
    int n_complete;            /* years whose December has been added */
    int next_year, next_month; /* the month expected next */
    int n_cols, n_bs_rows, n_flow_rows;
    /* Row names: the balance sheet's (instruments) and the flows' (flows, then
     * one change row per financial instrument). The change rows' names are
     * made here, in change_codes / change_labels. */
    const char **bs_codes, **bs_labels, **flow_codes, **flow_labels, **columns;
    char (*change_codes)[CODE_SIZE];
    char (*change_labels)[CODE_SIZE];
    int64_t *values;         /* per year: balance sheet, flows, other changes */
    output_matrix *matrices; /* KINDS per year */
};

static size_t year_cells(const ledger_years *ly)
{
    return (size_t)ly->n_cols * (size_t)(2 * ly->n_bs_rows + ly->n_flow_rows);
}

static int64_t *year_values(ledger_years *ly, int y)
{
    return ly->values + (size_t)y * year_cells(ly);
}

void ledger_years_free(ledger_years *ly)
{
    if (!ly)
        return;
    yf_mem_free(ly->bs_codes);
    yf_mem_free(ly->bs_labels);
    yf_mem_free(ly->flow_codes);
    yf_mem_free(ly->flow_labels);
    yf_mem_free(ly->columns);
    yf_mem_free(ly->change_codes);
    yf_mem_free(ly->change_labels);
    yf_mem_free(ly->values);
    yf_mem_free(ly->matrices);
    yf_mem_free(ly);
}

yf_status ledger_years_new(ledger_years **out, const chart *c, int first_year, int n_years)
{
    *out = NULL;
    char msg[256];
    if (!c || n_years < 0 || n_years > 10000 || !chart_validate(c, msg, sizeof msg))
        return YF_ERR_ARGUMENT;
    ledger_years *ly = yf_calloc(1, sizeof *ly);
    if (!ly)
        return YF_ERR_NOMEM;
    ly->c = c;
    ly->first_year = first_year;
    ly->n_years = n_years;
    ly->next_year = first_year;
    ly->next_month = 1;
    ly->n_cols = c->n_sectors;
    ly->n_bs_rows = c->n_instruments;
    int n_fin = 0;
    for (int i = 0; i < c->n_instruments; i++)
        n_fin += c->instruments[i].kind == INSTRUMENT_FINANCIAL;
    ly->n_flow_rows = c->n_flows + n_fin;
    size_t nb = (size_t)ly->n_bs_rows, nf = (size_t)ly->n_flow_rows;
    ly->bs_codes = yf_calloc(nb, sizeof *ly->bs_codes);
    ly->bs_labels = yf_calloc(nb, sizeof *ly->bs_labels);
    ly->flow_codes = yf_calloc(nf, sizeof *ly->flow_codes);
    ly->flow_labels = yf_calloc(nf, sizeof *ly->flow_labels);
    ly->columns = yf_calloc((size_t)ly->n_cols, sizeof *ly->columns);
    ly->change_codes = yf_calloc((size_t)n_fin + 1, sizeof *ly->change_codes);
    ly->change_labels = yf_calloc((size_t)n_fin + 1, sizeof *ly->change_labels);
    ly->values = n_years ? yf_calloc((size_t)n_years * year_cells(ly), sizeof *ly->values) : NULL;
    ly->matrices = n_years ? yf_calloc((size_t)n_years * KINDS, sizeof *ly->matrices) : NULL;
    if (!ly->bs_codes || !ly->bs_labels || !ly->flow_codes || !ly->flow_labels || !ly->columns ||
        !ly->change_codes || !ly->change_labels || (n_years && (!ly->values || !ly->matrices))) {
        ledger_years_free(ly);
        return YF_ERR_NOMEM;
    }
    for (int s = 0; s < c->n_sectors; s++)
        ly->columns[s] = c->sectors[s].code;
    for (int i = 0; i < c->n_instruments; i++) {
        ly->bs_codes[i] = c->instruments[i].code;
        ly->bs_labels[i] = c->instruments[i].name;
    }
    for (int f = 0; f < c->n_flows; f++) {
        ly->flow_codes[f] = c->flows[f].code;
        ly->flow_labels[f] = c->flows[f].name;
    }
    for (int i = 0, k = 0; i < c->n_instruments; i++) {
        if (c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            continue;
        snprintf(ly->change_codes[k], CODE_SIZE, "change_%s", c->instruments[i].code);
        snprintf(ly->change_labels[k], CODE_SIZE, "Δ %s", c->instruments[i].name);
        ly->flow_codes[c->n_flows + k] = ly->change_codes[k];
        ly->flow_labels[c->n_flows + k] = ly->change_labels[k];
        k++;
    }
    *out = ly;
    return YF_OK;
}

/* acc += x, refusing an overflow. */
static bool add_to(int64_t *acc, int64_t x)
{
    return money_add(*acc, x, acc);
}

yf_status ledger_years_add(ledger_years *ly, const ledger_snapshot *snap, int year, int month)
{
    if (!snap || snap->chart != ly->c || year != ly->next_year || month != ly->next_month)
        return YF_ERR_ARGUMENT;
    ly->next_month = month % 12 + 1;
    ly->next_year = month == 12 ? year + 1 : year;
    int y = year - ly->first_year;
    if (y < 0 || y >= ly->n_years)
        return YF_OK;
    const chart *c = ly->c;
    int n_cols = ly->n_cols;
    int64_t *bs = year_values(ly, y);
    int64_t *flows = bs + (size_t)ly->n_bs_rows * (size_t)n_cols;
    int64_t *other = flows + (size_t)ly->n_flow_rows * (size_t)n_cols;
    if (month == 1)
        memset(bs, 0, year_cells(ly) * sizeof *bs);
    bool ok = true;
    for (int i = 0; i < c->n_instruments; i++)
        for (int s = 0; s < n_cols; s++) {
            bs[i * n_cols + s] = snap->stock[i][s]; /* the last month's close stays */
            ok &= add_to(&other[i * n_cols + s], snap->change_other[i][s]);
        }
    for (int f = 0; f < c->n_flows; f++)
        for (int s = 0; s < n_cols; s++)
            ok &= add_to(&flows[f * n_cols + s], snap->flow[f][s]);
    for (int i = 0, r = c->n_flows; i < c->n_instruments; i++) {
        if (c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            continue;
        for (int s = 0; s < n_cols; s++)
            ok &= snap->change_tx[i][s] != INT64_MIN &&
                  add_to(&flows[r * n_cols + s], -snap->change_tx[i][s]);
        r++;
    }
    if (!ok)
        return YF_ERR_OVERFLOW;
    if (month == 12) {
        output_matrix *m = &ly->matrices[(size_t)ly->n_complete * KINDS];
        m[0] = (output_matrix){OUTPUT_BALANCE_SHEET, year,        0,
                               ly->n_bs_rows,        n_cols,      ly->bs_codes,
                               ly->bs_labels,        ly->columns, bs};
        m[1] = (output_matrix){OUTPUT_FLOWS,    year,        0,
                               ly->n_flow_rows, n_cols,      ly->flow_codes,
                               ly->flow_labels, ly->columns, flows};
        m[2] =
            (output_matrix){OUTPUT_OTHER_CHANGES, year,          0,           ly->n_bs_rows, n_cols,
                            ly->bs_codes,         ly->bs_labels, ly->columns, other};
        ly->n_complete++;
    }
    return YF_OK;
}

const output_matrix *ledger_years_matrices(const ledger_years *ly, int *out_n)
{
    *out_n = ly ? ly->n_complete * KINDS : 0;
    return ly ? ly->matrices : NULL;
}
