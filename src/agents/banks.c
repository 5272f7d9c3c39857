/*
 * banks.c: interest on every debt and banks' dividends (DESIGN.md 4, "Banks";
 * docs/model.md 3.5). Rates follow the policy rate: deposits at
 * policy + deposit_spread, loans at policy + loan_spread, central bonds at
 * policy + bond_spread, reserves at reserve_rate (on positive balances: a bank
 * overdrawn at the PBOC within a month earns nothing), PBOC lending at the policy
 * rate; all per year, paid monthly on the stocks at the start of the payment.
 * A bank's profit (interest received less interest paid) is paid out to
 * households by equity weight at the payout ratio.
 */
#include <math.h>

#include "core/core.h"
#include "core/parallel.h"
#include "model/economy.h"

enum { MAX_BANKS = 16 };

/* Interest on deposits for one sector's depositors, paid by their banks. */
static yf_status
deposit_interest(economy *e, int sector, const int32_t *bank, int64_t *amounts, double *bank_paid)
{
    const int64_t *deposits = ledger_positions(e->L, I_DEPOSITS, sector);
    const int32_t n = ledger_n_agents(e->L, sector);
    const double rate = yf_fmax(0.0, e->m.deposit_rate) / 12.0;
    int64_t by_bank[MAX_BANKS] = {0};
    int32_t first_bad = n; /* the first depositor whose interest is not usable */
    /* Each depositor on its own; the sums by bank are integers, exact in any order. */
#pragma omp parallel for schedule(static) reduction(+ : by_bank[:MAX_BANKS]) \
    reduction(min : first_bad) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const double x = floor(rate * yf_fmax(0.0, (double)deposits[k]));
        if (!(x >= 0.0) || !money_from_double(x, &amounts[k])) {
            first_bad = k < first_bad ? k : first_bad;
            amounts[k] = 0;
        }
        by_bank[bank[k]] += amounts[k];
    }
    if (first_bad < n) { /* the message, from one thread */
        (void)economy_yuan(e, floor(rate * yf_fmax(0.0, (double)deposits[first_bad])),
                           "interest on deposits", &amounts[first_bad]);
        return YF_ERR_NUMERIC;
    }
    for (int32_t b = 0; b < e->n_banks; b++)
        bank_paid[b] += (double)by_bank[b];
    yf_status st = ledger_pay_many(e->L, F_INTEREST_DEPOSITS, BANK, by_bank, sector, amounts);
    return economy_post(e, st, "interest on deposits");
}

yf_status banks_pay_interest(economy *e)
{
    households *h = &e->hh;
    firms *f = &e->fi;
    double paid[MAX_BANKS] = {0}, received[MAX_BANKS] = {0};
    yf_status st;
    if ((st = deposit_interest(e, HH, h->bank, h->amount, paid)) != YF_OK)
        return st;
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    if ((st = deposit_interest(e, FIRM, f->bank, f->amount, paid)) != YF_OK)
        return st;
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    if ((st = deposit_interest(e, LG, e->city_bank, e->city_amount, paid)) != YF_OK)
        return st;

    /* Firms pay interest on their loans to their banks. */
    const int64_t *loans = ledger_positions(e->L, I_BUSINESS_LOANS, FIRM);
    int64_t by_bank[MAX_BANKS] = {0};
    const double loan_rate = yf_fmax(0.0, e->m.loan_rate) / 12.0;
    for (int32_t k = 0; k < f->n; k++) {
        if (!economy_yuan(e, floor(loan_rate * (double)-loans[k]), "interest on loans",
                          &f->amount[k]))
            return YF_ERR_NUMERIC;
        by_bank[f->bank[k]] += f->amount[k];
        f->costs[k] += (double)f->amount[k];
    }
    if ((st = ledger_pay_many(e->L, F_INTEREST_BUSINESS_LOANS, FIRM, f->amount, BANK, by_bank)) !=
        YF_OK)
        return economy_post(e, st, "interest on loans");
    for (int32_t b = 0; b < e->n_banks; b++)
        received[b] += (double)by_bank[b];

    /* Central bonds (banks and PBOC), reserves, and PBOC lending. */
    int64_t bonds_b[MAX_BANKS], reserves_b[MAX_BANKS], lending_b[MAX_BANKS];
    const double bond_rate = yf_fmax(0.0, e->m.bond_rate) / 12.0;
    const double reserve_rate = e->param[P_reserve_rate] / 12.0;
    const double pboc_rate = yf_fmax(0.0, e->m.policy_rate) / 12.0;
    for (int32_t b = 0; b < e->n_banks; b++) {
        ledger_account a = ledger_acct(BANK, b);
        if (!economy_yuan(e, floor(bond_rate * (double)ledger_position(e->L, I_CENTRAL_BONDS, a)),
                          "interest on bonds", &bonds_b[b]) ||
            !economy_yuan(
                e, floor(reserve_rate * yf_fmax(0.0, (double)ledger_position(e->L, I_RESERVES, a))),
                "interest on reserves", &reserves_b[b]) ||
            !economy_yuan(e, floor(pboc_rate * (double)-ledger_position(e->L, I_PBOC_LENDING, a)),
                          "interest on PBOC lending", &lending_b[b]))
            return YF_ERR_NUMERIC;
        received[b] += (double)(bonds_b[b] + reserves_b[b]);
        paid[b] += (double)lending_b[b];
    }
    int64_t pboc_bonds;
    if (!economy_yuan(
            e,
            floor(bond_rate * (double)ledger_position(e->L, I_CENTRAL_BONDS, ledger_acct(PBOC, 0))),
            "interest on bonds held by the PBOC", &pboc_bonds))
        return YF_ERR_NUMERIC;
    const ledger_account cg = ledger_acct(CG, 0), pboc = ledger_acct(PBOC, 0);
    if ((st = ledger_pay_to_each(e->L, F_INTEREST_CENTRAL_BONDS, cg, BANK, bonds_b)) != YF_OK ||
        (st = ledger_pay(e->L, F_INTEREST_CENTRAL_BONDS, cg, pboc, pboc_bonds)) != YF_OK ||
        (st = ledger_pay_to_each(e->L, F_INTEREST_RESERVES, pboc, BANK, reserves_b)) != YF_OK ||
        (st = ledger_pay_from_each(e->L, F_INTEREST_PBOC_LENDING, BANK, lending_b, pboc)) != YF_OK)
        return economy_post(e, st, "interest between the state and banks");

    /* Banks' dividends: a share of this month's net interest income. */
    int64_t dividends[MAX_BANKS];
    for (int32_t b = 0; b < e->n_banks; b++)
        if (!economy_yuan(e, floor(e->param[P_payout] * yf_fmax(0.0, received[b] - paid[b])),
                          "bank dividends", &dividends[b]))
            return YF_ERR_NUMERIC;
    int64_t total = economy_sum(dividends, e->n_banks);
    if (!economy_split(e, total, h->equity_weight, h->n, h->amount, "bank dividends"))
        return YF_ERR_NUMERIC;
    if ((st = ledger_pay_many(e->L, F_DIVIDENDS, BANK, dividends, HH, h->amount)) != YF_OK)
        return economy_post(e, st, "bank dividends");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    return YF_OK;
}
