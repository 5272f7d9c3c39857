/*
 * report_sankey.c: who paid whom in a year, from the transactions-flow matrix
 * (report.h has the rule; docs/report.md section 5 shows the picture).
 *
 * A row of the matrix says who paid (negative entries) and who received
 * (positive ones), but not who paid whom: wages are paid by firms and
 * governments to households, interest by banks to households and firms ...
 * Within a row every payer is taken to pay every payee in proportion to what
 * the payee received: payer p's payment a_p is split over the payees as
 * b_q / T, T = sum of b_q (= sum of a_p, since a flow row sums to zero). The
 * split is exact for rows with one payer or one payee, which most are.
 * Rows of changes in stocks (code "change_...") are financial transactions,
 * not payments for goods, labour or income, and are left out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "ledger/chart.h"
#include "report/report.h"

const char *report_sector_name(const char *code)
{
    for (int s = 0; s < chart_china.n_sectors; s++)
        if (strcmp(chart_china.sectors[s].code, code) == 0)
            return chart_china.sectors[s].name;
    return code;
}

static bool is_change_row(const char *code)
{
    return strncmp(code, "change_", strlen("change_")) == 0;
}

static int compare_parts(const void *a, const void *b)
{
    const report_link_part *x = a, *y = b;
    if (x->amount != y->amount)
        return x->amount < y->amount ? 1 : -1;
    return (x->row > y->row) - (x->row < y->row);
}

void report_sankey_free(report_link *links, int n)
{
    for (int k = 0; links && k < n; k++)
        yf_mem_free(links[k].parts);
    yf_mem_free(links);
}

yf_status report_sankey(const report_matrix *flows, report_link **out_links, int *out_n)
{
    *out_links = NULL;
    *out_n = 0;
    int nc = flows->n_cols, nr = flows->n_rows;
    if (nc <= 0 || nr <= 0)
        return YF_OK;
    /* amount[p][q][row], dense: 9 x 9 x 60 doubles for the China chart. */
    size_t cells = (size_t)nc * (size_t)nc * (size_t)nr;
    double *amount = yf_calloc(cells, sizeof *amount);
    if (!amount)
        return YF_ERR_NOMEM;
    for (int r = 0; r < nr; r++) {
        if (is_change_row(flows->row_codes[r]))
            continue;
        const int64_t *row = flows->values + (size_t)r * (size_t)nc;
        double total = 0.0;
        for (int q = 0; q < nc; q++)
            if (row[q] > 0)
                total += (double)row[q];
        if (total <= 0.0)
            continue;
        for (int p = 0; p < nc; p++) {
            if (row[p] >= 0)
                continue;
            double paid = -(double)row[p];
            for (int q = 0; q < nc; q++)
                if (row[q] > 0)
                    amount[((size_t)p * (size_t)nc + (size_t)q) * (size_t)nr + (size_t)r] =
                        paid * (double)row[q] / total;
        }
    }
    int n_links = 0;
    for (size_t pq = 0; pq < (size_t)nc * (size_t)nc; pq++)
        for (int r = 0; r < nr; r++)
            if (amount[pq * (size_t)nr + (size_t)r] > 0.0) {
                n_links++;
                break;
            }
    report_link *links = yf_calloc((size_t)n_links + 1, sizeof *links);
    if (!links) {
        yf_mem_free(amount);
        return YF_ERR_NOMEM;
    }
    int k = 0;
    for (int p = 0; p < nc; p++)
        for (int q = 0; q < nc; q++) {
            const double *a = amount + ((size_t)p * (size_t)nc + (size_t)q) * (size_t)nr;
            int parts = 0;
            for (int r = 0; r < nr; r++)
                parts += a[r] > 0.0;
            if (parts == 0)
                continue;
            report_link *l = &links[k++];
            l->payer = p;
            l->payee = q;
            l->parts = yf_calloc((size_t)parts, sizeof *l->parts);
            if (!l->parts) {
                report_sankey_free(links, k);
                yf_mem_free(amount);
                return YF_ERR_NOMEM;
            }
            /* Summed in row order: the same matrix gives the same bits. */
            for (int r = 0; r < nr; r++)
                if (a[r] > 0.0) {
                    l->parts[l->n_parts++] = (report_link_part){r, a[r]};
                    l->amount += a[r];
                }
            qsort(l->parts, (size_t)l->n_parts, sizeof *l->parts, compare_parts);
        }
    yf_mem_free(amount);
    *out_links = links;
    *out_n = n_links;
    return YF_OK;
}

/* ---- JSON for the page ------------------------------------------------------------------ */


static json_object *new_in(json_object *arr)
{
    json_object *o = json_object_new_object();
    if (!o || json_object_array_add(arr, o) != 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* Billion yuan, 4 significant digits. */
static json_object *bn(double yuan)
{
    char text[32];
    snprintf(text, sizeof text, "%.4g", yuan / 1e9);
    return json_object_new_double_s(strtod(text, NULL), text);
}

enum { MAX_PARTS_SHOWN = 4 };

yf_status report_sankey_json(const report_matrix *flows, double min_share, json_object **out)
{
    *out = NULL;
    report_link *links = NULL;
    int n_links = 0;
    yf_status st = report_sankey(flows, &links, &n_links);
    if (st != YF_OK)
        return st;
    double total = 0.0;
    for (int k = 0; k < n_links; k++)
        total += links[k].amount;
    json_object *root = json_object_new_object(), *nodes = NULL, *arr = NULL;
    bool ok = root && report_json_put(root, "nodes", nodes = json_object_new_array()) &&
              report_json_put(root, "links", arr = json_object_new_array()) &&
              report_json_put_str(root, "unit", "billion yuan") &&
              report_json_put(root, "total", bn(total));
    /* Nodes: payers on the left ("p:HH"), payees on the right ("r:HH"); only
     * sectors that pay or receive in a link shown. */
    bool pays[64] = {false}, gets[64] = {false};
    int dropped = 0;
    double dropped_amount = 0.0;
    for (int k = 0; ok && k < n_links; k++) {
        const report_link *l = &links[k];
        if (l->amount < min_share * total || l->payer >= 64 || l->payee >= 64) {
            dropped++;
            dropped_amount += l->amount;
            continue;
        }
        pays[l->payer] = gets[l->payee] = true;
        char source[80], target[80];
        snprintf(source, sizeof source, "p:%s", flows->columns[l->payer]);
        snprintf(target, sizeof target, "r:%s", flows->columns[l->payee]);
        json_object *link = new_in(arr), *parts = NULL;
        ok = link && report_json_put_str(link, "source", source) &&
             report_json_put_str(link, "target", target) &&
             report_json_put(link, "value", bn(l->amount)) &&
             report_json_put(link, "parts", parts = json_object_new_array());
        double shown = 0.0;
        for (int j = 0; ok && j < l->n_parts && j < MAX_PARTS_SHOWN; j++) {
            json_object *part = new_in(parts);
            ok = part && report_json_put_str(part, "row", flows->row_labels[l->parts[j].row]) &&
                 report_json_put(part, "value", bn(l->parts[j].amount));
            shown += l->parts[j].amount;
        }
        if (ok && l->n_parts > MAX_PARTS_SHOWN) {
            json_object *part = new_in(parts);
            char other[64];
            snprintf(other, sizeof other, "%d other rows", l->n_parts - MAX_PARTS_SHOWN);
            ok = part && report_json_put_str(part, "row", other) &&
                 report_json_put(part, "value", bn(l->amount - shown));
        }
    }
    for (int side = 0; ok && side < 2; side++)
        for (int c = 0; ok && c < flows->n_cols && c < 64; c++) {
            if (!(side == 0 ? pays[c] : gets[c]))
                continue;
            char name[80];
            snprintf(name, sizeof name, "%s:%s", side == 0 ? "p" : "r", flows->columns[c]);
            json_object *node = new_in(nodes);
            ok = node && report_json_put_str(node, "name", name) &&
                 report_json_put_str(node, "label", report_sector_name(flows->columns[c])) &&
                 report_json_put_str(node, "side", side == 0 ? "pays" : "receives") &&
                 report_json_put(node, "depth", json_object_new_int(side));
        }
    ok = ok && report_json_put(root, "dropped_links", json_object_new_int(dropped)) &&
         report_json_put(root, "dropped_value", bn(dropped_amount)) &&
         report_json_put(root, "min_share", json_object_new_double(min_share));
    report_sankey_free(links, n_links);
    if (!ok) {
        json_object_put(root);
        return YF_ERR_NOMEM;
    }
    *out = root;
    return YF_OK;
}
