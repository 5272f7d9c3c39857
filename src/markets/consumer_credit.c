/*
 * consumer_credit.c: households borrowing to consume (DESIGN.md 6, "consumption
 * by household credit"; docs/model.md 4.13).
 *
 * A household may owe up to consumer_credit_limit months of its expected
 * disposable income YDe_k in consumer loans. Each month it draws a share of the
 * unused line and spends it on top of its planned consumption:
 *
 *   B_k = draw * max(0, limit * YDe_k - D_k),     C_k += B_k,
 *
 * D_k what it owes at the start of the month (Kim 2016 and Dutt 2006 model
 * household borrowing as such a slow adjustment of a debt stock toward a target
 * set by income). It repays D_k / consumer_loan_months a month and pays interest
 * at the loan rate plus consumer_loan_spread, both before it consumes and at most
 * out of its deposits, as with mortgages; interest counts against disposable
 * income. So credit first adds demand (the draws) and later takes it away (the
 * service): the question the seed 000_50eaa6f3762a6cc3.txt asks of a
 * credit-led answer to weak consumption. Loans create deposits at the
 * household's own bank and repayments destroy them. The history has no consumer
 * credit (limit 0); then nothing here posts.
 */
#include <math.h>

#include "model/economy.h"

enum { MAX_BANKS = 16 };

/* What household k means to borrow this month, owing `owed` at its start. */
static double draw(const economy *e, int32_t k, double owed)
{
    const double line = e->param[P_consumer_credit_limit] * e->hh.income_expected[k];
    return e->param[P_consumer_credit_draw] * yf_fmax(0.0, line - owed);
}

void consumer_credit_plan(economy *e)
{
    if (e->param[P_consumer_credit_limit] <= 0.0)
        return;
    households *h = &e->hh;
    const int64_t *owed = ledger_positions(e->L, I_CONSUMER_LOANS, HH);
    double total = 0.0;
    for (int32_t k = 0; k < h->n; k++) {
        const double b = draw(e, k, (double)-owed[k]);
        h->consumption_plan[k] += b;
        total += b;
    }
    e->plan[D_CONSUMPTION] += total;
}

/* Interest and principal (credit.c); principal paid is left in h->amount2 (the
 * new loans are drawn on the debt before it). */
static yf_status service(economy *e)
{
    const double rate = yf_fmax(0.0, e->m.loan_rate + e->param[P_consumer_loan_spread]) / 12.0;
    return credit_households_service(e, I_CONSUMER_LOANS, F_INTEREST_CONSUMER_LOANS, rate,
                                     1.0 / e->param[P_consumer_loan_months],
                                     "consumer loan service");
}

yf_status consumer_credit_lend(economy *e)
{
    households *h = &e->hh;
    const int64_t *owed = ledger_positions(e->L, I_CONSUMER_LOANS, HH);
    bool any_debt = false;
    for (int32_t k = 0; k < h->n && !any_debt; k++)
        any_debt = owed[k] != 0;
    if (!any_debt && e->param[P_consumer_credit_limit] <= 0.0)
        return YF_OK;
    yf_status st = service(e);
    if (st != YF_OK || e->param[P_consumer_credit_limit] <= 0.0)
        return st;
    /* The draws of the plan: on the debt at the start of the month. */
    int64_t by_bank[MAX_BANKS] = {0};
    for (int32_t k = 0; k < h->n; k++) {
        if (!economy_yuan(e, floor(draw(e, k, (double)(h->amount2[k] - owed[k]))), "consumer loans",
                          &h->amount[k]))
            return YF_ERR_NUMERIC;
        by_bank[h->bank[k]] += h->amount[k];
    }
    st = ledger_exchange_many(e->L, I_CONSUMER_LOANS, HH, h->amount, BANK, by_bank);
    return economy_post(e, st, "new consumer loans");
}
