/*
 * credit.c: bank lending and the end-of-month liquidity rules (DESIGN.md 4,
 * "Banks"; docs/model.md 3.5).
 *
 * Loans create deposits and repayments destroy them (ledger_exchange of the
 * loan claim against a payment). Each month a firm borrows loan_share of its
 * investment from its bank and repays 1/loan_maturity of its loans. Before the
 * month closes, a firm whose deposits are negative borrows the gap (an
 * overdraft line: banks lend on demand in this version, without a capital
 * constraint), and each bank borrows from the PBOC what it lacks of its
 * required reserves, or repays PBOC lending out of excess reserves.
 */
#include <math.h>

#include "core/parallel.h"
#include "model/economy.h"

static yf_status borrow_or_repay(economy *e, ledger_account borrower, ledger_account bank,
                                 int instrument, double net, const char *what)
{
    int64_t x;
    if (!economy_yuan(e, floor(fabs(net)), what, &x))
        return YF_ERR_NUMERIC;
    if (x == 0)
        return YF_OK;
    yf_status st = net > 0 ? ledger_exchange(e->L, instrument, borrower, bank, x)
                           : ledger_exchange(e->L, instrument, bank, borrower, x);
    return economy_post(e, st, what);
}

yf_status credit_households_service(economy *e,
                                    int instrument,
                                    int interest_flow,
                                    double monthly_rate,
                                    double principal_share,
                                    const char *what)
{
    households *h = &e->hh;
    const int64_t *owed = ledger_positions(e->L, instrument, HH);
    const int64_t *dep = ledger_positions(e->L, I_DEPOSITS, HH);
    int64_t interest_bank[16] = {0}, principal_bank[16] = {0};
    const int32_t n = h->n;
    /* Each household on its own; the sums by bank are integers (exact in any
     * order), one private copy per thread. */
#pragma omp parallel for schedule(static) reduction(+ : interest_bank[:16], principal_bank[:16]) \
    if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const double debt = (double)-owed[k], cash = yf_fmax(0.0, (double)dep[k]);
        const double interest = yf_fmin(floor(monthly_rate * debt), cash);
        h->amount[k] = (int64_t)interest;
        h->amount2[k] = (int64_t)yf_fmin(floor(principal_share * debt), cash - interest);
        interest_bank[h->bank[k]] += h->amount[k];
        principal_bank[h->bank[k]] += h->amount2[k];
        h->income[k] -= (double)h->amount[k];
    }
    yf_status st = ledger_pay_many(e->L, interest_flow, HH, h->amount, BANK, interest_bank);
    if (st == YF_OK)
        st = ledger_exchange_many(e->L, instrument, BANK, principal_bank, HH, h->amount2);
    return economy_post(e, st, what);
}

yf_status credit_lend_and_repay(economy *e)
{
    firms *f = &e->fi;
    const double share = e->param[P_loan_share], maturity = e->param[P_loan_maturity];
    const int64_t *loans = ledger_positions(e->L, I_BUSINESS_LOANS, FIRM);
    /* What each firm borrows (f->amount) or repays (f->amount2), and the sums
     * by bank, posted as two batches (as borrow_or_repay firm by firm would). */
    int64_t lent[N_BANKS_NATIONAL + N_TIERS] = {0}, repaid[N_BANKS_NATIONAL + N_TIERS] = {0};
    for (int32_t k = 0; k < f->n; k++) {
        /* Borrow a share of the capital bought this month (firms_invest), repay
         * 1/maturity of the debt. (Until 2026-11 this read the scratch f->amount,
         * which construction receipts from developers and local governments had
         * overwritten by now: construction firms borrowed on their receipts and
         * the others on nothing.) */
        double net = share * (double)f->investment_paid[k] - (double)-loans[k] / maturity;
        int64_t x;
        if (!economy_yuan(e, floor(fabs(net)), "business loans", &x))
            return YF_ERR_NUMERIC;
        f->amount[k] = net > 0 ? x : 0;
        f->amount2[k] = net > 0 ? 0 : x;
        lent[f->bank[k]] += f->amount[k];
        repaid[f->bank[k]] += f->amount2[k];
    }
    yf_status st = ledger_exchange_many(e->L, I_BUSINESS_LOANS, FIRM, f->amount, BANK, lent);
    if (st == YF_OK)
        st = ledger_exchange_many(e->L, I_BUSINESS_LOANS, BANK, repaid, FIRM, f->amount2);
    return economy_post(e, st, "business loans");
}

yf_status credit_close_month(economy *e)
{
    firms *f = &e->fi;
    for (int32_t k = 0; k < f->n; k++) {
        int64_t deposits = ledger_position(e->L, I_DEPOSITS, ledger_acct(FIRM, k));
        if (deposits >= 0)
            continue;
        /* the exact gap in yuan: a detour through double would leave a yuan or two
         * uncovered once amounts pass 2^53 */
        yf_status st = ledger_exchange(e->L, I_BUSINESS_LOANS, ledger_acct(FIRM, k),
                                       ledger_acct(BANK, f->bank[k]), -deposits);
        if (st != YF_OK)
            return economy_post(e, st, "overdraft");
    }
    /* A city short of cash at the close sells bonds to its bank (the quota is
     * not binding in this version: fiscal stress shows in next month's spending). */
    for (int32_t c = 0; c < e->size.cities; c++) {
        const int64_t deposits = ledger_position(e->L, I_DEPOSITS, ledger_acct(LG, c));
        if (deposits >= 0)
            continue;
        yf_status st = ledger_exchange(e->L, I_LOCAL_BONDS, ledger_acct(LG, c),
                                       ledger_acct(BANK, e->city_bank[c]), -deposits);
        if (st != YF_OK)
            return economy_post(e, st, "local overdraft bonds");
    }
    /* The same for LGFVs, whose banks roll their debt over. */
    for (int32_t c = 0; c < e->size.cities; c++) {
        const int64_t deposits = ledger_position(e->L, I_DEPOSITS, ledger_acct(LGFV, c));
        if (deposits >= 0)
            continue;
        yf_status st = ledger_exchange(e->L, I_LGFV_DEBT, ledger_acct(LGFV, c),
                                       ledger_acct(BANK, e->lgfv_bank[c]), -deposits);
        if (st != YF_OK)
            return economy_post(e, st, "LGFV overdraft");
    }
    const double ratio = e->param[P_reserve_ratio];
    for (int32_t b = 0; b < e->n_banks; b++) {
        ledger_account bank = ledger_acct(BANK, b);
        double deposits = (double)-ledger_position(e->L, I_DEPOSITS, bank);
        double reserves = (double)ledger_position(e->L, I_RESERVES, bank);
        double owed = (double)-ledger_position(e->L, I_PBOC_LENDING, bank);
        double gap = ratio * deposits - reserves;
        double net = gap > 0.0 ? gap : -yf_fmin(-gap, owed);
        yf_status st = borrow_or_repay(e, bank, ledger_acct(PBOC, 0), I_PBOC_LENDING, net,
                                       "PBOC lending");
        if (st != YF_OK)
            return st;
    }
    return YF_OK;
}
