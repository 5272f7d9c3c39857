/*
 * ledger_years.h: the ledger's matrices of each calendar year of a run, for
 * the run store's matrices table (docs/outputs.md section 1.3) and the report.
 *
 * The ledger closes every month with a snapshot of its matrices
 * (ledger_snapshot: stocks at the close, the month's flows, changes by
 * transactions and other changes). A run's driver hands each month's snapshot
 * here; a calendar year seen from January to December becomes three matrices
 * in the output layer's plain form (output_matrix), with the annual rules of
 * the series: the balance sheet at the close of December, the flows and the
 * other changes summed over the twelve months.
 *
 * The flows matrix is the transactions-flow matrix as docs/ledger.md prints
 * it: the flow rows (+ receipt, - payment), then one "change_CODE" row per
 * financial instrument holding minus its change by transactions, so that each
 * row and each column sums to zero.
 */
#ifndef YF_REPORT_LEDGER_YEARS_H
#define YF_REPORT_LEDGER_YEARS_H

#include <yuanflow.h>

#include "ledger/ledger.h"
#include "output/output.h"

typedef struct ledger_years ledger_years;

/*
 * Room for the years first_year .. first_year + n_years - 1 of chart c (which
 * must outlive the collector). Everything is allocated here, nothing later.
 * Errors: YF_ERR_ARGUMENT (n_years < 0, a malformed chart), YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status ledger_years_new(ledger_years **out,
                                         const chart *c,
                                         int first_year,
                                         int n_years);
void ledger_years_free(ledger_years *ly); /* NULL is a no-op */

/*
 * Add the snapshot of month `month` (1..12) of `year`. Months must come in
 * order from January; a month of a year outside the range is ignored.
 * YF_ERR_ARGUMENT for a month out of order or a snapshot of another chart,
 * YF_ERR_OVERFLOW if a year's sum leaves the int64 yuan range.
 */
YF_MUST_CHECK yf_status ledger_years_add(ledger_years *ly,
                                         const ledger_snapshot *snap,
                                         int year,
                                         int month);

/* The matrices of the years completed so far (three per year, in year order),
 * owned by the collector and valid until the next add or free. */
const output_matrix *ledger_years_matrices(const ledger_years *ly, int *out_n);

#endif
