/*
 * ledger.h: the double-entry ledger, the only code that changes stocks of money
 * or assets (docs/ledger.md).
 *
 * State. For every (instrument, sector) pair the chart allows, the ledger keeps
 * one int64 position per agent of the sector (signed: + asset, - liability;
 * tangibles at book value) and the sector total. Per step it accumulates the
 * transactions-flow matrix (flow row x sector), the changes of each stock due
 * to transactions, and the other changes (revaluations, write-offs, opening
 * balances).
 *
 * Postings. Every function below is one economic transaction that is balanced
 * by construction: each financial row keeps summing to zero, each flow row
 * sums to zero, and each sector's sources equal its uses. A posting is
 * all-or-nothing: when it is refused (bad account, an instrument the sector
 * cannot hold, a negative amount, an int64 overflow anywhere) the ledger is
 * unchanged and ledger_message() says why.
 *
 * Payments settle through the chart's payment tree: a household at bank 3
 * paying a firm at bank 7 lowers its deposit at bank 3, bank 3 pays bank 7 in
 * reserves at the central bank, bank 7 credits the firm's deposit.
 *
 * Signs of stocks (a deposit may not be negative) are checked when a step
 * closes, not at each posting: within a period flows are simultaneous, as in
 * the textbook models (a firm pays wages out of the same period's sales).
 *
 * Closing a step checks, exactly, with 128-bit sums:
 *   (1) each financial row of the balance sheet sums to zero;
 *   (2) each agent-level account sums to its sector total;
 *   (3) each flow row of the transactions-flow matrix sums to zero;
 *   (4) each sector column of the transactions-flow matrix sums to zero:
 *       sum of its flows == sum of its transaction changes in financial stocks;
 *   (5) each stock moved by exactly its transactions plus its other changes;
 *   (6) each sector's net worth moved by exactly saving + other changes, where
 *       saving = sum of its flows + its purchases of tangibles at cost;
 *   (7) each position has the sign its side allows.
 * A failure names the step, the row or column (or agent) and the amounts.
 */
#ifndef YF_LEDGER_H
#define YF_LEDGER_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

#include "chart.h"

typedef struct ledger ledger;

/* An account holder: agent `agent` (0-based) of sector `sector`. */
typedef struct ledger_account {
    int32_t sector;
    int32_t agent;
} ledger_account;

static inline ledger_account ledger_acct(int sector, int32_t agent)
{
    ledger_account a = {(int32_t)sector, agent};
    return a;
}

/* Marks "no flow row": a purely financial transaction (buying a bond). */
#define LEDGER_NO_FLOW (-1)

/* The matrices of one closed step, for printing and for tests. */
typedef struct ledger_snapshot {
    const chart *chart;
    int step;
    int64_t stock[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];        /* at the close */
    int64_t flow[LEDGER_MAX_FLOWS][LEDGER_MAX_SECTORS];               /* during the step */
    int64_t change_tx[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS];    /* by transactions */
    int64_t change_other[LEDGER_MAX_INSTRUMENTS][LEDGER_MAX_SECTORS]; /* revaluations etc. */
} ledger_snapshot;

/* ---- lifecycle ----------------------------------------------------------- */

/*
 * Create a ledger for chart `c` (which must outlive it) with n_agents[s] >= 1
 * agents in each sector. All positions start at zero; every agent's settlement
 * parent starts as agent 0 of the parent sector. The step being recorded is 1.
 * Errors: YF_ERR_ARGUMENT for a malformed chart or count, YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status ledger_new(ledger **out, const chart *c, const int32_t *n_agents);
void ledger_free(ledger *L);

/* The last error message (empty if none). Owned by the ledger. */
const char *ledger_message(const ledger *L);

/*
 * Choose which agent of the parent sector settles for `a` (the bank that holds
 * a household's deposits). Allowed only while a's settlement position is zero,
 * so that no balance is silently moved between banks.
 */
YF_MUST_CHECK yf_status ledger_assign_parent(ledger *L, ledger_account a, int32_t parent_agent);

/* ---- postings ------------------------------------------------------------ */

/*
 * A payment of `amount` >= 0 yuan from `from` to `to`, recorded on flow row
 * `flow` (-amount for the payer's sector, +amount for the payee's), settled
 * through the payment tree. flow == LEDGER_NO_FLOW records no flow (use
 * ledger_exchange for financial transactions instead; this is for its legs).
 */
YF_MUST_CHECK yf_status
ledger_pay(ledger *L, int flow, ledger_account from, ledger_account to, int64_t amount);

/*
 * Every agent k of `sector` pays amounts[k] >= 0 to `to` on row `flow`; the
 * payee receives the exact integer total. amounts has n_agents(sector) entries.
 */
YF_MUST_CHECK yf_status
ledger_pay_from_each(ledger *L, int flow, int sector, const int64_t *amounts, ledger_account to);

/* `from` pays every agent k of `sector` amounts[k] >= 0 on row `flow`. */
YF_MUST_CHECK yf_status
ledger_pay_to_each(ledger *L, int flow, ledger_account from, int sector, const int64_t *amounts);

/*
 * Every agent k of `sector` sells amounts[k] >= 0 of the financial `instrument`
 * to `buyer` for as much money (ledger_exchange agent by agent, in one batch:
 * the firms' foreign claims each month). All or nothing. The sector must settle
 * through a parent, and the buyer be outside it.
 */
YF_MUST_CHECK yf_status ledger_sell_each(
    ledger *L, int instrument, int sector, const int64_t *amounts, ledger_account buyer);

/* Every agent k of `sector` buys amounts[k] >= 0 of `instrument` from `seller`. */
YF_MUST_CHECK yf_status ledger_buy_each(
    ledger *L, int instrument, int sector, const int64_t *amounts, ledger_account seller);

/*
 * Many payers to many payees on row `flow`: agent k of `payer_sector` pays
 * pay[k] >= 0, agent j of `payee_sector` receives receive[j] >= 0, and the two
 * totals must be equal (else YF_ERR_ARGUMENT). Both sectors must settle at the
 * same level of the payment tree: either both are children of one sector (firms
 * paying wages to households, both banking at banks), or one of them is that
 * parent sector (banks paying interest to depositors). Each bank then settles
 * only its net position, through the root (reserves at the central bank): the
 * multilateral netting of a real payment system. Cost: one pass over each array.
 */
YF_MUST_CHECK yf_status ledger_pay_many(ledger *L,
                                        int flow,
                                        int payer_sector,
                                        const int64_t *pay,
                                        int payee_sector,
                                        const int64_t *receive);

/*
 * Many buyers acquire newly produced tangible assets from many producers on row
 * `flow`: ledger_pay_many from the buyers to the sellers, and each buyer's book
 * value of `instrument` rises by what it paid (firms buying capital goods).
 */
YF_MUST_CHECK yf_status ledger_buy_tangible_many(ledger *L,
                                                 int flow,
                                                 int instrument,
                                                 int buyer_sector,
                                                 const int64_t *buy,
                                                 int seller_sector,
                                                 const int64_t *sell);

/*
 * Many holders buy a financial claim at par from many sellers: agent k of
 * `buyer_sector` pays buy[k] and its position in `instrument` rises by buy[k];
 * agent j of `seller_sector` receives sell[j] and its position falls by sell[j]
 * (an issuer's liability grows: households paying developers for presale
 * claims; or, with the issuer as buyer, claims are redeemed). The totals must
 * be equal; settlement and checks as ledger_pay_many; no flow row.
 */
YF_MUST_CHECK yf_status ledger_exchange_many(ledger *L,
                                             int instrument,
                                             int seller_sector,
                                             const int64_t *sell,
                                             int buyer_sector,
                                             const int64_t *buy);

/*
 * Inventory used up in production or sold: the owner's book value of tangible
 * `instrument` falls by `cost` as a transaction (a negative purchase at cost,
 * so it counts in saving: a developer's profit on a home it delivers is the
 * price received less this cost), not as a revaluation.
 */
YF_MUST_CHECK yf_status ledger_use_tangible(ledger *L,
                                            int instrument,
                                            ledger_account owner,
                                            int64_t cost);

/*
 * A financial transaction at par: `seller` delivers `amount` of financial
 * instrument `instrument` to `buyer`, who pays `amount` through the payment
 * tree. Both must have an account in the instrument. The seller may be the
 * issuer (a firm "sells" a new loan to its bank, which pays by creating a
 * deposit) and the buyer may be the issuer (repaying a loan destroys it).
 */
YF_MUST_CHECK yf_status ledger_exchange(
    ledger *L, int instrument, ledger_account seller, ledger_account buyer, int64_t amount);

/*
 * A purchase of a tangible asset for `value` yuan, recorded on flow row `flow`.
 * The buyer's book value of `instrument` rises by value. If from_stock, the
 * seller hands over an existing asset and its book value falls by value (the
 * seller should first revalue to the price); otherwise the asset is newly
 * produced and the seller's receipt is income from production.
 */
YF_MUST_CHECK yf_status ledger_buy_tangible(ledger *L,
                                            int flow,
                                            int instrument,
                                            ledger_account buyer,
                                            ledger_account seller,
                                            int64_t value,
                                            bool from_stock);

/*
 * Other changes in stocks (not transactions): a financial claim between
 * `holder` and `issuer` changes by `delta` (+delta for the holder, -delta
 * for the issuer). Negative delta is a write-off or a loss in value; positive
 * delta a gain or, in the first step, an opening balance.
 */
YF_MUST_CHECK yf_status ledger_revalue(
    ledger *L, int instrument, ledger_account holder, ledger_account issuer, int64_t delta);

/* Other change in the book value of a tangible asset held by `owner`. */
YF_MUST_CHECK yf_status ledger_revalue_tangible(ledger *L,
                                                int instrument,
                                                ledger_account owner,
                                                int64_t delta);

/*
 * The same for every agent of `sector` at once: agent k's book value changes by
 * delta[k] (zero for none), as ledger_revalue_tangible agent by agent would do,
 * in one checked pass and one applying pass (house prices revalue every
 * household's home each month). All or nothing: on an overflow nothing changes.
 */
YF_MUST_CHECK yf_status ledger_revalue_tangible_each(ledger *L,
                                                     int instrument,
                                                     int sector,
                                                     const int64_t *delta);

/*
 * Other changes of a financial claim between every agent k of `sector` and one
 * `issuer` (outside the sector): holder k's position changes by delta[k], the
 * issuer's by minus their sum, as ledger_revalue agent by agent would post
 * (buyers' losses on a defaulted developer's presale claims). All or nothing.
 */
YF_MUST_CHECK yf_status ledger_revalue_each(
    ledger *L, int instrument, int sector, const int64_t *delta, ledger_account issuer);

/* ---- the close of a step ------------------------------------------------- */

/*
 * Check identities (1)-(6) of the header comment without closing the step.
 * Returns YF_OK or YF_ERR_INCONSISTENT with the message.
 */
YF_MUST_CHECK yf_status ledger_check(ledger *L);

/*
 * Check (1)-(7); on success copy the step's matrices to *out (if not NULL),
 * reset the flow accumulators and move to the next step. On failure the step
 * stays open and the status is YF_ERR_INCONSISTENT or YF_ERR_NEGATIVE_STOCK.
 */
YF_MUST_CHECK yf_status ledger_close_step(ledger *L, ledger_snapshot *out);

/* ---- reading ------------------------------------------------------------- *
 * These read the live state, including the postings of the open step; the
 * state at the last close is in that step's ledger_snapshot. */

const chart *ledger_chart(const ledger *L);
int ledger_step(const ledger *L); /* the step being recorded (1-based) */
int32_t ledger_n_agents(const ledger *L, int sector);
/* Sector total of an instrument (0 if the sector holds none). */
int64_t ledger_total(const ledger *L, int instrument, int sector);
/* Per-agent positions (n_agents entries), NULL if the sector holds none. Read-only. */
const int64_t *ledger_positions(const ledger *L, int instrument, int sector);
int64_t ledger_position(const ledger *L, int instrument, ledger_account a);
/* Net worth of a sector: its financial positions plus its tangibles at book value. */
int64_t ledger_net_worth(const ledger *L, int sector);
/* Flow of the open step on row `flow` for `sector`. */
int64_t ledger_flow(const ledger *L, int flow, int sector);

/* ---- matrices (matrices.c) ----------------------------------------------- */

/*
 * Render the balance-sheet matrix, the transactions-flow matrix and, when not
 * empty, the matrix of other changes, of a closed step, in the layout of
 * Godley & Lavoie: sectors as columns plus a sum column; the TFM's lower rows
 * are the changes in each financial stock, with the G&L sign (an increase in
 * an asset is a use of funds, shown negative). Amounts are exact yuan.
 * Returns NULL on allocation failure; free the text with yf_mem_free.
 */
char *ledger_matrices_render(const ledger_snapshot *snap, yf_format format);

#endif
