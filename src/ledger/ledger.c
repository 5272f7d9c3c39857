/*
 * ledger.c: accounts and postings (docs/ledger.md sections 2-4).
 *
 * Every posting is built as a short journal of cell updates (an agent's
 * position, its sector total, the step's change accumulator, a flow cell),
 * each applied with an overflow check. If any update would overflow, the
 * journal is undone in reverse order and the posting is refused, so a
 * posting is all-or-nothing. Undoing cannot overflow: it restores values
 * that were there before.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "core/parallel.h"
#include "ledger_internal.h"

/* ---- messages ------------------------------------------------------------ */

void ledger_fail(ledger *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->msg, sizeof L->msg, fmt, ap);
    va_end(ap);
}

const char *ledger_message(const ledger *L)
{
    return L->msg;
}

/* ---- lifecycle ----------------------------------------------------------- */

static yf_status allocate_accounts(ledger *L)
{
    const chart *c = L->c;
    for (int i = 0; i < c->n_instruments; i++)
        for (int s = 0; s < c->n_sectors; s++)
            if (c->instruments[i].side[s] != SIDE_NONE) {
                L->pos[i][s] = yf_calloc((size_t)L->n_agents[s], sizeof(int64_t));
                if (!L->pos[i][s])
                    return YF_ERR_NOMEM;
            }
    int32_t max_parents = 1;
    for (int s = 0; s < c->n_sectors; s++) {
        int p = c->settle_parent[s];
        if (p == CHART_ROOT)
            continue;
        L->parent[s] = yf_calloc((size_t)L->n_agents[s], sizeof(int32_t));
        if (!L->parent[s])
            return YF_ERR_NOMEM;
        if (L->n_agents[p] > max_parents)
            max_parents = L->n_agents[p];
    }
    L->batch_by_parent = yf_calloc((size_t)max_parents, sizeof(int64_t));
    L->batch_in = yf_calloc((size_t)max_parents, sizeof(int64_t));
    L->batch_touched = yf_calloc((size_t)max_parents, sizeof(int32_t));
    L->parallel_threads = yf_threads();
    L->parallel_by_parent =
        yf_calloc((size_t)L->parallel_threads * LEDGER_PARALLEL_PARENTS, sizeof(int64_t));
    /* A batch journals a few cells for its sector and, per parent touched, one
     * settlement path (at most 2 * n_sectors legs of 3 cells). */
    L->journal_cap = 64 + (size_t)max_parents * (size_t)(6 * c->n_sectors + 8);
    L->journal = yf_calloc(L->journal_cap, sizeof(journal_entry));
    if (!L->batch_by_parent || !L->batch_in || !L->batch_touched || !L->journal ||
        !L->parallel_by_parent)
        return YF_ERR_NOMEM;
    return YF_OK;
}

yf_status ledger_new(ledger **out, const chart *c, const int32_t *n_agents)
{
    *out = NULL;
    char msg[256];
    if (!c || !n_agents || !chart_validate(c, msg, (int)sizeof msg))
        return YF_ERR_ARGUMENT;
    for (int s = 0; s < c->n_sectors; s++)
        if (n_agents[s] < 1)
            return YF_ERR_ARGUMENT;
    ledger *L = yf_calloc(1, sizeof *L);
    if (!L)
        return YF_ERR_NOMEM;
    L->c = c;
    L->step = 1;
    memcpy(L->n_agents, n_agents, sizeof(int32_t) * (size_t)c->n_sectors);
    yf_status st = allocate_accounts(L);
    if (st != YF_OK) {
        ledger_free(L);
        return st;
    }
    *out = L;
    return YF_OK;
}

void ledger_free(ledger *L)
{
    if (!L)
        return;
    for (int i = 0; i < LEDGER_MAX_INSTRUMENTS; i++)
        for (int s = 0; s < LEDGER_MAX_SECTORS; s++)
            yf_mem_free(L->pos[i][s]);
    for (int s = 0; s < LEDGER_MAX_SECTORS; s++)
        yf_mem_free(L->parent[s]);
    yf_mem_free(L->batch_by_parent);
    yf_mem_free(L->batch_in);
    yf_mem_free(L->batch_touched);
    yf_mem_free(L->parallel_by_parent);
    yf_mem_free(L->journal);
    yf_mem_free(L);
}

/* ---- validation of arguments ---------------------------------------------- */

static bool sector_ok(ledger *L, int sector)
{
    if (sector < 0 || sector >= L->c->n_sectors) {
        ledger_fail(L, "unknown sector %d (the chart '%s' has %d)", sector, L->c->name,
                    L->c->n_sectors);
        return false;
    }
    return true;
}

static bool account_ok(ledger *L, ledger_account a)
{
    if (!sector_ok(L, a.sector))
        return false;
    if (a.agent < 0 || a.agent >= L->n_agents[a.sector]) {
        ledger_fail(L, "unknown account: agent %d of sector '%s', which has %d agents",
                    (int)a.agent, L->c->sectors[a.sector].code, (int)L->n_agents[a.sector]);
        return false;
    }
    return true;
}

static bool flow_ok(ledger *L, int flow, bool allow_none)
{
    if (flow == LEDGER_NO_FLOW && allow_none)
        return true;
    if (flow < 0 || flow >= L->c->n_flows) {
        ledger_fail(L, "unknown flow row %d (the chart '%s' has %d)", flow, L->c->name,
                    L->c->n_flows);
        return false;
    }
    return true;
}

static bool instrument_ok(ledger *L, int instrument, chart_instrument_kind kind)
{
    if (instrument < 0 || instrument >= L->c->n_instruments) {
        ledger_fail(L, "unknown instrument %d (the chart '%s' has %d)", instrument, L->c->name,
                    L->c->n_instruments);
        return false;
    }
    if (L->c->instruments[instrument].kind != kind) {
        ledger_fail(L, "instrument '%s' is %s, expected a %s one",
                    L->c->instruments[instrument].code,
                    kind == INSTRUMENT_FINANCIAL ? "tangible" : "financial",
                    kind == INSTRUMENT_FINANCIAL ? "financial" : "tangible");
        return false;
    }
    return true;
}

static bool holds(ledger *L, int instrument, ledger_account a)
{
    if (L->c->instruments[instrument].side[a.sector] == SIDE_NONE) {
        ledger_fail(L, "sector '%s' cannot hold instrument '%s'", L->c->sectors[a.sector].code,
                    L->c->instruments[instrument].code);
        return false;
    }
    return true;
}

static bool amount_ok(ledger *L, int64_t amount)
{
    if (amount < 0) {
        ledger_fail(L, "amount must be >= 0, got %lld yuan", (long long)amount);
        return false;
    }
    return true;
}

static bool distinct(ledger *L, ledger_account a, ledger_account b)
{
    if (a.sector == b.sector && a.agent == b.agent) {
        ledger_fail(L, "the two sides are the same account (agent %d of sector '%s')", (int)a.agent,
                    L->c->sectors[a.sector].code);
        return false;
    }
    return true;
}

/* ---- the journal ---------------------------------------------------------- */

static void journal_begin(ledger *L)
{
    L->journal_len = 0;
}

/* Add delta to *cell, remembering it for undo. False on overflow (not applied). */
static bool journal_add(ledger *L, int64_t *cell, int64_t delta)
{
    int64_t v;
    if (!money_add(*cell, delta, &v) || L->journal_len == L->journal_cap)
        return false;
    *cell = v;
    L->journal[L->journal_len].cell = cell;
    L->journal[L->journal_len].delta = delta;
    L->journal_len++;
    return true;
}

static void journal_undo(ledger *L)
{
    while (L->journal_len > 0) {
        journal_entry *e = &L->journal[--L->journal_len];
        *e->cell -= e->delta;
    }
}

static yf_status refuse_overflow(ledger *L, const char *what)
{
    journal_undo(L);
    ledger_fail(L, "step %d: %s overflows the int64 yuan range; posting refused", L->step, what);
    return YF_ERR_OVERFLOW;
}

/* One account's position changes by delta, by a transaction or an other change. */
static bool leg(ledger *L, int instrument, ledger_account a, int64_t delta, bool transaction)
{
    int64_t *change =
        transaction ? &L->change_tx[instrument][a.sector] : &L->change_other[instrument][a.sector];
    return journal_add(L, &L->pos[instrument][a.sector][a.agent], delta) &&
           journal_add(L, &L->total[instrument][a.sector], delta) && journal_add(L, change, delta);
}

/* Move `amount` of an instrument from one account to another (a transaction). */
static bool
transfer(ledger *L, int instrument, ledger_account from, ledger_account to, int64_t amount)
{
    return leg(L, instrument, from, -amount, true) && leg(L, instrument, to, amount, true);
}

static bool flow_legs(ledger *L, int flow, int payer_sector, int payee_sector, int64_t amount)
{
    if (flow == LEDGER_NO_FLOW)
        return true;
    return journal_add(L, &L->flow[flow][payer_sector], -amount) &&
           journal_add(L, &L->flow[flow][payee_sector], amount);
}

/* ---- the payment tree ----------------------------------------------------- */

static ledger_account parent_of(const ledger *L, ledger_account a)
{
    int p = L->c->settle_parent[a.sector];
    return ledger_acct(p, L->parent[a.sector][a.agent]);
}

static int root_sector(const ledger *L)
{
    for (int s = 0; s < L->c->n_sectors; s++)
        if (L->c->settle_parent[s] == CHART_ROOT)
            return s;
    return 0; /* unreachable: chart_validate requires one root */
}

/* The chain from `a` up to the root; returns its length. */
static int chain_to_root(const ledger *L, ledger_account a, ledger_account *chain)
{
    int n = 0;
    chain[n++] = a;
    while (L->c->settle_parent[a.sector] != CHART_ROOT) {
        a = parent_of(L, a);
        chain[n++] = a;
    }
    return n;
}

static bool same(ledger_account a, ledger_account b)
{
    return a.sector == b.sector && a.agent == b.agent;
}

/*
 * Settle a payment of `amount` from `from` to `to`: up the tree from the payer
 * to the closest common ancestor, each child paying its parent in the link's
 * instrument, then down to the payee, each parent paying its child. A deposit
 * transfer between two banks thus becomes: payer's deposit down, reserves move
 * from the payer's bank to the payee's bank, payee's deposit up.
 */
static bool settle(ledger *L, ledger_account from, ledger_account to, int64_t amount)
{
    ledger_account up[LEDGER_MAX_SECTORS + 1], down[LEDGER_MAX_SECTORS + 1];
    int nu = chain_to_root(L, from, up), nd = chain_to_root(L, to, down);
    /* Strip the common part of the two chains (from the root down). */
    while (nu > 1 && nd > 1 && same(up[nu - 2], down[nd - 2])) {
        nu--;
        nd--;
    }
    /* up[nu-1] == down[nd-1] is the common ancestor. */
    for (int k = 0; k + 1 < nu; k++)
        if (!transfer(L, L->c->settle_instrument[up[k].sector], up[k], up[k + 1], amount))
            return false;
    for (int k = nd - 2; k >= 0; k--)
        if (!transfer(L, L->c->settle_instrument[down[k].sector], down[k + 1], down[k], amount))
            return false;
    return true;
}

yf_status ledger_assign_parent(ledger *L, ledger_account a, int32_t parent_agent)
{
    if (!account_ok(L, a))
        return YF_ERR_UNKNOWN_ACCOUNT;
    int p = L->c->settle_parent[a.sector];
    if (p == CHART_ROOT) {
        ledger_fail(L, "sector '%s' is the root of the payment tree", L->c->sectors[a.sector].code);
        return YF_ERR_ARGUMENT;
    }
    if (!account_ok(L, ledger_acct(p, parent_agent)))
        return YF_ERR_UNKNOWN_ACCOUNT;
    int i = L->c->settle_instrument[a.sector];
    if (L->pos[i][a.sector][a.agent] != 0) {
        ledger_fail(L,
                    "agent %d of sector '%s' still holds %lld yuan of '%s'; "
                    "move it before changing its settlement agent",
                    (int)a.agent, L->c->sectors[a.sector].code,
                    (long long)L->pos[i][a.sector][a.agent], L->c->instruments[i].code);
        return YF_ERR_ARGUMENT;
    }
    L->parent[a.sector][a.agent] = parent_agent;
    return YF_OK;
}

/* ---- postings ------------------------------------------------------------- */

yf_status ledger_pay(ledger *L, int flow, ledger_account from, ledger_account to, int64_t amount)
{
    if (!flow_ok(L, flow, true))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, from) || !account_ok(L, to))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!amount_ok(L, amount) || !distinct(L, from, to))
        return YF_ERR_ARGUMENT;
    journal_begin(L);
    if (!flow_legs(L, flow, from.sector, to.sector, amount) || !settle(L, from, to, amount))
        return refuse_overflow(L, "a payment");
    return YF_OK;
}

/* Thread t's sums by parent in a parallel checking pass. */
static int64_t *parent_row(const ledger *L, int t)
{
    return L->parallel_by_parent + (size_t)t * LEDGER_PARALLEL_PARENTS;
}

/* The largest power of two B such that n agents' amounts below B sum to at
 * most 2^62 (so parents' sums cannot overflow), at most 2^62. */
static uint64_t unchecked_bound(int32_t n)
{
    uint64_t bound = (uint64_t)1 << 62;
    while (bound > 1 && bound * (uint64_t)(n > 0 ? n : 1) > ((uint64_t)1 << 62))
        bound >>= 1;
    return bound;
}

/* Undo (or, with the opposite sign, redo) pass 2 for the agents of `sector`:
 * their positions move by -sign * amounts[k], in unsigned arithmetic so that
 * a speculative pass that wrapped is undone exactly. */
static void agents_undo(ledger *L, int sector, const int64_t *restrict amounts, int sign)
{
    int64_t *restrict pos = L->pos[L->c->settle_instrument[sector]][sector];
    const int32_t n = L->n_agents[sector];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        const uint64_t p = (uint64_t)pos[k], a = (uint64_t)amounts[k];
        pos[k] = (int64_t)(sign > 0 ? p - a : p + a);
    }
}

/*
 * Passes 1 and 2 of a batch for the agents of `sector` (which settle through a
 * parent sector of at most LEDGER_PARALLEL_PARENTS agents: the banks), in one
 * read of the arrays, on one thread or, for YF_PARALLEL_MIN agents or more, on
 * several: check every amount and every agent's new position, move each
 * agent's position by sign * amounts[k], and add the amounts by parent into
 * by_node, appending to batch_touched each parent that no side of the payment
 * had touched (in the parents' order). Each thread sums its agents into its
 * own row of parallel_by_parent; the rows are integers, added row by row, so
 * the sums are the same for any thread count. Returns false, with nothing
 * changed, if the quick check cannot clear every agent: the caller then runs
 * the agent-by-agent pass, which names the first agent at fault. On true the
 * positions have moved: if the payment is refused later, the caller undoes
 * them (agents_undo).
 */
static bool prepare_by_rows(ledger *L,
                            int sector,
                            const int64_t *amounts,
                            int sign,
                            int64_t *by_node,
                            int64_t *out_total,
                            int32_t *n_touched)
{
    const int32_t n = L->n_agents[sector];
    const int32_t parents = L->n_agents[L->c->settle_parent[sector]];
    int64_t *restrict pos = L->pos[L->c->settle_instrument[sector]][sector];
    const int32_t *restrict parent = L->parent[sector];
    int threads = yf_threads() < L->parallel_threads ? yf_threads() : L->parallel_threads;
    if (n < YF_PARALLEL_MIN)
        threads = 1;
    /* Every row is cleared here, on one thread: a team may get fewer threads
     * than asked, and the rows of absent threads are still added below. */
    for (int t = 0; t < threads; t++)
        for (int32_t j = 0; j < parents; j++)
            parent_row(L, t)[j] = 0;
    /* No check per agent: the amounts' bits are OR-ed, and so are the old
     * positions' two top bits (equal for a position in [-2^62, 2^62)). If every
     * amount is in [0, bound) and every position in that range, no position
     * and no parent's sum can overflow, whichever way the payment goes;
     * otherwise (rare: amounts of 2^45 yuan at 10^5 agents) the moves are
     * undone and the caller's agent-by-agent pass decides. The arithmetic is
     * unsigned so that what is undone may have wrapped. */
    const uint64_t bound = unchecked_bound(n);
    uint64_t amount_bits = 0, position_bits = 0;
#pragma omp parallel num_threads(threads) reduction(| : amount_bits, position_bits) if (threads > 1)
    {
        uint64_t *restrict mine = (uint64_t *)parent_row(L, yf_thread_id());
#pragma omp for schedule(static)
        for (int32_t k = 0; k < n; k++) {
            const uint64_t a = (uint64_t)amounts[k], p = (uint64_t)pos[k];
            amount_bits |= a;
            position_bits |= p ^ (p << 1);
            mine[parent[k]] += a;
            pos[k] = (int64_t)(sign > 0 ? p + a : p - a);
        }
    }
    if (amount_bits >= bound || (position_bits >> 63) != 0) {
        agents_undo(L, sector, amounts, sign);
        return false;
    }
    /* The parents' sums are below n * bound <= 2^62: no overflow from here. */
    int64_t total = 0;
    for (int32_t j = 0; j < parents; j++) {
        int64_t part = 0;
        for (int t = 0; t < threads; t++)
            part += parent_row(L, t)[j];
        total += part;
        if (part == 0)
            continue;
        if (L->batch_by_parent[j] == 0 && L->batch_in[j] == 0)
            L->batch_touched[(*n_touched)++] = j;
        by_node[j] += part; /* bounded by the total, which fits */
    }
    *out_total = total;
    return true;
}

/* Whether pass 1 over the agents of `sector` can sum by rows of parents. */
static bool prepare_fits_rows(const ledger *L, int sector)
{
    const int p = L->c->settle_parent[sector];
    return p != CHART_ROOT && L->n_agents[p] <= LEDGER_PARALLEL_PARENTS;
}

/*
 * Pass 1 of a batch: check every amount and every agent's new position, sum the
 * amounts exactly by settlement parent. `sign` is -1 when the agents pay, +1
 * when they are paid. Nothing is changed, except when *applied comes back
 * true: then pass 2 is done too (prepare_by_rows).
 */
static yf_status batch_prepare(ledger *L,
                               int sector,
                               const int64_t *amounts,
                               int sign,
                               int64_t *out_total,
                               int32_t *out_n_touched,
                               bool *applied)
{
    const int i = L->c->settle_instrument[sector];
    const int64_t *pos = L->pos[i][sector];
    const int32_t *parent = L->parent[sector];
    int64_t total = 0;
    int32_t n_touched = 0;
    *out_n_touched = 0;
    *applied =
        prepare_fits_rows(L, sector) &&
        prepare_by_rows(L, sector, amounts, sign, L->batch_by_parent, out_total, out_n_touched);
    if (*applied)
        return YF_OK;
    *out_n_touched = 0;
    for (int32_t k = 0; k < L->n_agents[sector]; k++) {
        int64_t a = amounts[k], v;
        if (a < 0) {
            *out_n_touched = n_touched;
            ledger_fail(L, "amount for agent %d of sector '%s' must be >= 0, got %lld yuan", (int)k,
                        L->c->sectors[sector].code, (long long)a);
            return YF_ERR_ARGUMENT;
        }
        if (a == 0)
            continue;
        if (!money_add(total, a, &total) || !money_add(pos[k], sign * a, &v)) {
            *out_n_touched = n_touched;
            ledger_fail(L,
                        "step %d: batch payment for agent %d of sector '%s' overflows the "
                        "int64 yuan range; posting refused",
                        L->step, (int)k, L->c->sectors[sector].code);
            return YF_ERR_OVERFLOW;
        }
        /* Parent sums are bounded by the total, which fits. */
        if (L->batch_by_parent[parent[k]] == 0)
            L->batch_touched[n_touched++] = parent[k];
        L->batch_by_parent[parent[k]] += a;
    }
    *out_total = total;
    *out_n_touched = n_touched;
    return YF_OK;
}

static void batch_clear(ledger *L, int32_t n_touched)
{
    for (int32_t t = 0; t < n_touched; t++) {
        L->batch_by_parent[L->batch_touched[t]] = 0;
        L->batch_in[L->batch_touched[t]] = 0;
    }
}

/* Pass 2: the agents' own positions (validated in pass 1, cannot overflow). */
static void batch_apply_agents(ledger *L, int sector, const int64_t *restrict amounts, int sign)
{
    int64_t *restrict pos = L->pos[L->c->settle_instrument[sector]][sector];
    const int32_t n = L->n_agents[sector];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++)
        pos[k] += sign * amounts[k];
}

static bool batch_sector_cells(ledger *L, int sector, int64_t delta)
{
    int i = L->c->settle_instrument[sector];
    return journal_add(L, &L->total[i][sector], delta) &&
           journal_add(L, &L->change_tx[i][sector], delta);
}

static bool batch_args_ok(
    ledger *L, int flow, int sector, const int64_t *amounts, ledger_account other, yf_status *st)
{
    *st = YF_ERR_ARGUMENT;
    if (!flow_ok(L, flow, true) || !sector_ok(L, sector))
        return false;
    if (!amounts) {
        ledger_fail(L, "batch payment without amounts");
        return false;
    }
    if (!account_ok(L, other)) {
        *st = YF_ERR_UNKNOWN_ACCOUNT;
        return false;
    }
    return true;
}

/* Root-sector batches (rare: the central bank has no parent) go one by one. */
static yf_status batch_at_root(
    ledger *L, int flow, int sector, const int64_t *amounts, ledger_account other, bool agents_pay)
{
    for (int32_t k = 0; k < L->n_agents[sector]; k++) {
        ledger_account a = ledger_acct(sector, k);
        yf_status st = agents_pay ? ledger_pay(L, flow, a, other, amounts[k])
                                  : ledger_pay(L, flow, other, a, amounts[k]);
        if (st != YF_OK)
            return st; /* earlier agents' payments stand: root sectors have one agent */
    }
    return YF_OK;
}

/* Whether pos[k] + amounts[k] and pos[k] - amounts[k] surely fit for every k
 * (amounts in [0, 2^62), positions in [-2^62, 2^62)): the bits are OR-ed in a
 * loop without branches. False means "check agent by agent", not "refused". */
static bool all_fit(const int64_t *restrict pos, const int64_t *restrict amounts, int32_t n)
{
    uint64_t amount_bits = 0, position_bits = 0;
    for (int32_t k = 0; k < n; k++) {
        const uint64_t p = (uint64_t)pos[k];
        amount_bits |= (uint64_t)amounts[k];
        position_bits |= p ^ (p << 1);
    }
    return (amount_bits >> 62) == 0 && (position_bits >> 63) == 0;
}

/* Whether every agent k of `sector` can move pos[k] by sign * amounts[k]
 * (negative amounts are left to the payment's own check); if not, the first
 * agent at fault is named, its position called `what`. */
static bool each_fits(
    ledger *L, const int64_t *pos, int sector, const int64_t *amounts, int sign, const char *what)
{
    const int32_t n = L->n_agents[sector];
    if (all_fit(pos, amounts, n))
        return true;
    for (int32_t k = 0; k < n; k++) {
        int64_t v;
        if (amounts[k] >= 0 &&
            !(sign > 0 ? money_add(pos[k], amounts[k], &v) : money_sub(pos[k], amounts[k], &v))) {
            ledger_fail(L, "step %d: the %s of agent %d of sector '%s' overflows", L->step, what,
                        (int)k, L->c->sectors[sector].code);
            return false;
        }
    }
    return true;
}

/*
 * A batch between every agent k of `sector` and one counterparty `other`:
 * sign -1, the agents pay amounts[k] to it; sign +1, it pays them. Pass 1
 * (batch_prepare) checks every amount and sums by settlement parent; the
 * journal then moves the sector cells and settles each parent's part with the
 * counterparty through the tree; pass 2 applies the agents' own positions.
 */
static yf_status batch_pay(ledger *L,
                           int flow,
                           int sector,
                           const int64_t *amounts,
                           ledger_account other,
                           int sign,
                           int asset)
{
    yf_status st;
    if (!batch_args_ok(L, flow, sector, amounts, other, &st))
        return st;
    if (L->c->settle_parent[sector] == CHART_ROOT)
        return batch_at_root(L, flow, sector, amounts, other, sign < 0);
    if (asset >= 0 && !each_fits(L, L->pos[asset][sector], sector, amounts, -sign, "position"))
        return YF_ERR_OVERFLOW;
    int64_t total;
    int32_t n_touched;
    bool applied;
    st = batch_prepare(L, sector, amounts, sign, &total, &n_touched, &applied);
    if (st != YF_OK) {
        batch_clear(L, n_touched);
        return st;
    }
    const int p = L->c->settle_parent[sector];
    const int i = L->c->settle_instrument[sector];
    const int payer = sign < 0 ? sector : other.sector, payee = sign < 0 ? other.sector : sector;
    journal_begin(L);
    bool ok =
        flow_legs(L, flow, payer, payee, total) && batch_sector_cells(L, sector, sign * total);
    for (int32_t t = 0; ok && t < n_touched; t++) {
        ledger_account parent = ledger_acct(p, L->batch_touched[t]);
        int64_t part = L->batch_by_parent[parent.agent];
        /* The parent's side of its children's link, then its settlement with `other`. */
        ok = leg(L, i, parent, -sign * part, true) &&
             (same(parent, other) ||
              (sign < 0 ? settle(L, parent, other, part) : settle(L, other, parent, part)));
    }
    /* What the agents sell or buy: their sector's cells, and the counterparty. */
    if (ok && asset >= 0)
        ok = journal_add(L, &L->total[asset][sector], -sign * total) &&
             journal_add(L, &L->change_tx[asset][sector], -sign * total) &&
             leg(L, asset, other, sign * total, true);
    batch_clear(L, n_touched);
    if (!ok) {
        if (applied)
            agents_undo(L, sector, amounts, sign);
        return refuse_overflow(L, "a batch payment");
    }
    if (!applied)
        batch_apply_agents(L, sector, amounts, sign);
    if (asset >= 0) {
        int64_t *restrict held = L->pos[asset][sector];
        const int32_t n = L->n_agents[sector];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
        for (int32_t k = 0; k < n; k++)
            held[k] -= sign * amounts[k];
    }
    return YF_OK;
}

yf_status
ledger_pay_from_each(ledger *L, int flow, int sector, const int64_t *amounts, ledger_account to)
{
    return batch_pay(L, flow, sector, amounts, to, -1, -1);
}

yf_status
ledger_pay_to_each(ledger *L, int flow, ledger_account from, int sector, const int64_t *amounts)
{
    return batch_pay(L, flow, sector, amounts, from, +1, -1);
}

/* The checks of ledger_sell_each and ledger_buy_each before batch_pay. */
static yf_status exchange_each(
    ledger *L, int instrument, int sector, const int64_t *amounts, ledger_account other, int sign)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_FINANCIAL) || !sector_ok(L, sector))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, other))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, ledger_acct(sector, 0)) || !holds(L, instrument, other))
        return YF_ERR_NOT_HOLDABLE;
    if (other.sector == sector || L->c->settle_parent[sector] == CHART_ROOT) {
        ledger_fail(L,
                    "a sale or purchase by each agent of sector '%s' needs a counterparty "
                    "outside it, and the sector must settle through a parent",
                    L->c->sectors[sector].code);
        return YF_ERR_ARGUMENT;
    }
    return batch_pay(L, LEDGER_NO_FLOW, sector, amounts, other, sign, instrument);
}

yf_status ledger_sell_each(
    ledger *L, int instrument, int sector, const int64_t *amounts, ledger_account buyer)
{
    return exchange_each(L, instrument, sector, amounts, buyer, +1);
}

yf_status ledger_buy_each(
    ledger *L, int instrument, int sector, const int64_t *amounts, ledger_account seller)
{
    return exchange_each(L, instrument, sector, amounts, seller, -1);
}

/* ---- many payers to many payees ------------------------------------------ */

/*
 * The sector whose agents settle a many-to-many payment between `payer` and
 * `payee` sectors: their common parent, or one of them if it is the other's
 * parent. -1 if there is none (then the payment must be split).
 */
static int netting_sector(const ledger *L, int payer, int payee)
{
    int pp = L->c->settle_parent[payer], pe = L->c->settle_parent[payee];
    if (pp != CHART_ROOT && pp == pe)
        return pp;
    if (pe == payer)
        return payer;
    if (pp == payee)
        return payee;
    return -1;
}

/*
 * Pass 1 for one side of a many-to-many payment: check the amounts and the
 * agents' new positions (when the side is not the netting sector itself), and
 * add each agent's amount to its node's total in `by_node`. When *applied
 * comes back true, the agents' positions have moved too (prepare_by_rows).
 */
static yf_status many_prepare(ledger *L,
                              int sector,
                              const int64_t *amounts,
                              int sign,
                              int node,
                              int64_t *by_node,
                              int64_t *out_total,
                              int32_t *n_touched,
                              bool *applied)
{
    const bool own = sector == node; /* the agents are the nodes: no agent-level leg */
    const int i = own ? -1 : L->c->settle_instrument[sector];
    const int32_t touched_before = *n_touched;
    *applied = !own && prepare_fits_rows(L, sector) &&
               prepare_by_rows(L, sector, amounts, sign, by_node, out_total, n_touched);
    if (*applied)
        return YF_OK;
    *n_touched = touched_before;
    int64_t total = 0;
    for (int32_t k = 0; k < L->n_agents[sector]; k++) {
        int64_t a = amounts[k], v;
        if (a < 0) {
            ledger_fail(L, "amount for agent %d of sector '%s' must be >= 0, got %lld yuan",
                        (int)k, L->c->sectors[sector].code, (long long)a);
            return YF_ERR_ARGUMENT;
        }
        if (a == 0)
            continue;
        if (!money_add(total, a, &total) || (!own && !money_add(L->pos[i][sector][k], sign * a, &v))) {
            ledger_fail(L, "step %d: payment of agent %d of sector '%s' overflows the int64 yuan "
                        "range; posting refused",
                        L->step, (int)k, L->c->sectors[sector].code);
            return YF_ERR_OVERFLOW;
        }
        int32_t j = own ? k : L->parent[sector][k];
        if (L->batch_by_parent[j] == 0 && L->batch_in[j] == 0)
            L->batch_touched[(*n_touched)++] = j;
        by_node[j] += a; /* bounded by the total, which fits */
    }
    *out_total = total;
    return YF_OK;
}

/* The journal of a many-to-many payment: flows, sector cells, node legs, net settlement. */
static bool many_journal(ledger *L, int flow, int payer, int payee, int node, int64_t total,
                         int32_t n_touched)
{
    const ledger_account root = ledger_acct(root_sector(L), 0);
    bool ok = flow_legs(L, flow, payer, payee, total);
    if (ok && payer != node)
        ok = batch_sector_cells(L, payer, -total);
    if (ok && payee != node)
        ok = batch_sector_cells(L, payee, total);
    for (int32_t t = 0; ok && t < n_touched; t++) {
        ledger_account nd = ledger_acct(node, L->batch_touched[t]);
        int64_t out = L->batch_by_parent[nd.agent], in = L->batch_in[nd.agent];
        /* The node's side of its children's links: paid into, then paid out of. */
        if (payer != node && out)
            ok = ok && leg(L, L->c->settle_instrument[payer], nd, out, true);
        if (payee != node && in)
            ok = ok && leg(L, L->c->settle_instrument[payee], nd, -in, true);
        /* Only the net position crosses between nodes, through the root. */
        if (ok && in != out && !same(nd, root))
            ok = in > out ? settle(L, root, nd, in - out) : settle(L, nd, root, out - in);
    }
    return ok;
}

/* The asset positions of a many-to-many payment (the payers' book values of
 * `tangible`, and with `financial` the payees' claims), checked agent by agent
 * only when the quick test cannot clear them all (the messages name the agent
 * at fault). The amounts are >= 0 here (pass 1 checked them). */
static yf_status many_assets_ok(ledger *L, int payer_sector, const int64_t *pay,
                                int payee_sector, const int64_t *receive, int tangible,
                                bool financial)
{
    if (tangible >= 0 &&
        !each_fits(L, L->pos[tangible][payer_sector], payer_sector, pay, +1, "book value"))
        return YF_ERR_OVERFLOW;
    if (financial &&
        !each_fits(L, L->pos[tangible][payee_sector], payee_sector, receive, -1, "position"))
        return YF_ERR_OVERFLOW;
    return YF_OK;
}

/* A refused many-to-many payment: the sides whose agents had moved move back. */
static void undo_sides(ledger *L,
                       int payer,
                       const int64_t *pay,
                       bool paid,
                       int payee,
                       const int64_t *receive,
                       bool received)
{
    if (received)
        agents_undo(L, payee, receive, +1);
    if (paid)
        agents_undo(L, payer, pay, -1);
}

/*
 * The body of ledger_pay_many; when `tangible` >= 0 the payers also acquire that
 * asset for what they pay (checked in pass 1, journaled at the sector level,
 * applied to the agents in pass 2). When `financial` is true the asset is a
 * financial claim and the payees' positions in it fall by what they receive
 * (an issuer's liability grows, a holder's claim is bought back).
 */
static yf_status pay_many(ledger *L, int flow, int payer_sector, const int64_t *pay,
                          int payee_sector, const int64_t *receive, int tangible, bool financial)
{
    if (!flow_ok(L, flow, true) || !sector_ok(L, payer_sector) || !sector_ok(L, payee_sector))
        return YF_ERR_ARGUMENT;
    if (!pay || !receive) {
        ledger_fail(L, "many-to-many payment without amounts");
        return YF_ERR_ARGUMENT;
    }
    const int node = netting_sector(L, payer_sector, payee_sector);
    if (node < 0) {
        ledger_fail(L, "sectors '%s' and '%s' do not settle at the same level of the payment "
                    "tree; pay through one agent instead",
                    L->c->sectors[payer_sector].code, L->c->sectors[payee_sector].code);
        return YF_ERR_ARGUMENT;
    }
    int64_t out_total = 0, in_total = 0;
    int32_t n_touched = 0;
    bool paid = false, received = false; /* the sides whose agents have moved already */
    yf_status st = many_prepare(L, payer_sector, pay, -1, node, L->batch_by_parent, &out_total,
                                &n_touched, &paid);
    if (st == YF_OK)
        st = many_prepare(L, payee_sector, receive, +1, node, L->batch_in, &in_total, &n_touched,
                          &received);
    if (st == YF_OK && out_total != in_total) {
        ledger_fail(L, "payers pay %lld yuan but payees receive %lld", (long long)out_total,
                    (long long)in_total);
        st = YF_ERR_ARGUMENT;
    }
    if (st == YF_OK)
        st = many_assets_ok(L, payer_sector, pay, payee_sector, receive, tangible, financial);
    if (st != YF_OK) {
        batch_clear(L, n_touched);
        undo_sides(L, payer_sector, pay, paid, payee_sector, receive, received);
        return st;
    }
    journal_begin(L);
    bool ok = many_journal(L, flow, payer_sector, payee_sector, node, out_total, n_touched) &&
              (tangible < 0 ||
               (journal_add(L, &L->total[tangible][payer_sector], out_total) &&
                journal_add(L, &L->change_tx[tangible][payer_sector], out_total))) &&
              (!financial ||
               (journal_add(L, &L->total[tangible][payee_sector], -out_total) &&
                journal_add(L, &L->change_tx[tangible][payee_sector], -out_total)));
    batch_clear(L, n_touched);
    if (!ok) {
        undo_sides(L, payer_sector, pay, paid, payee_sector, receive, received);
        return refuse_overflow(L, "a many-to-many payment");
    }
    if (payer_sector != node && !paid)
        batch_apply_agents(L, payer_sector, pay, -1);
    if (payee_sector != node && !received)
        batch_apply_agents(L, payee_sector, receive, +1);
    if (tangible >= 0) {
        int64_t *restrict book = L->pos[tangible][payer_sector];
        const int32_t n = L->n_agents[payer_sector];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
        for (int32_t k = 0; k < n; k++)
            book[k] += pay[k];
    }
    if (financial) {
        int64_t *restrict claim = L->pos[tangible][payee_sector];
        const int32_t n = L->n_agents[payee_sector];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
        for (int32_t k = 0; k < n; k++)
            claim[k] -= receive[k];
    }
    return YF_OK;
}

yf_status ledger_pay_many(ledger *L, int flow, int payer_sector, const int64_t *pay,
                          int payee_sector, const int64_t *receive)
{
    return pay_many(L, flow, payer_sector, pay, payee_sector, receive, -1, false);
}

yf_status ledger_buy_tangible_many(ledger *L, int flow, int instrument, int buyer_sector,
                                   const int64_t *buy, int seller_sector, const int64_t *sell)
{
    if (!flow_ok(L, flow, false) || !instrument_ok(L, instrument, INSTRUMENT_TANGIBLE) ||
        !sector_ok(L, buyer_sector))
        return YF_ERR_ARGUMENT;
    if (L->c->instruments[instrument].side[buyer_sector] == SIDE_NONE) {
        ledger_fail(L, "sector '%s' cannot hold instrument '%s'", L->c->sectors[buyer_sector].code,
                    L->c->instruments[instrument].code);
        return YF_ERR_NOT_HOLDABLE;
    }
    return pay_many(L, flow, buyer_sector, buy, seller_sector, sell, instrument, false);
}

yf_status ledger_exchange_many(ledger *L, int instrument, int seller_sector, const int64_t *sell,
                               int buyer_sector, const int64_t *buy)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_FINANCIAL) || !sector_ok(L, buyer_sector) ||
        !sector_ok(L, seller_sector))
        return YF_ERR_ARGUMENT;
    const int sides[2] = {buyer_sector, seller_sector};
    for (int k = 0; k < 2; k++)
        if (L->c->instruments[instrument].side[sides[k]] == SIDE_NONE) {
            ledger_fail(L, "sector '%s' cannot hold instrument '%s'", L->c->sectors[sides[k]].code,
                        L->c->instruments[instrument].code);
            return YF_ERR_NOT_HOLDABLE;
        }
    return pay_many(L, LEDGER_NO_FLOW, buyer_sector, buy, seller_sector, sell, instrument, true);
}

yf_status ledger_use_tangible(ledger *L, int instrument, ledger_account owner, int64_t cost)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_TANGIBLE))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, owner))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, owner))
        return YF_ERR_NOT_HOLDABLE;
    if (!amount_ok(L, cost))
        return YF_ERR_ARGUMENT;
    journal_begin(L);
    if (!leg(L, instrument, owner, -cost, true))
        return refuse_overflow(L, "a use of inventory");
    return YF_OK;
}

yf_status ledger_exchange(
    ledger *L, int instrument, ledger_account seller, ledger_account buyer, int64_t amount)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_FINANCIAL))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, seller) || !account_ok(L, buyer))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, seller) || !holds(L, instrument, buyer))
        return YF_ERR_NOT_HOLDABLE;
    if (!amount_ok(L, amount) || !distinct(L, seller, buyer))
        return YF_ERR_ARGUMENT;
    journal_begin(L);
    if (!transfer(L, instrument, seller, buyer, amount) || !settle(L, buyer, seller, amount))
        return refuse_overflow(L, "a financial transaction");
    return YF_OK;
}

yf_status ledger_buy_tangible(ledger *L,
                              int flow,
                              int instrument,
                              ledger_account buyer,
                              ledger_account seller,
                              int64_t value,
                              bool from_stock)
{
    if (!flow_ok(L, flow, false) || !instrument_ok(L, instrument, INSTRUMENT_TANGIBLE))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, buyer) || !account_ok(L, seller))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, buyer) || (from_stock && !holds(L, instrument, seller)))
        return YF_ERR_NOT_HOLDABLE;
    if (!amount_ok(L, value) || !distinct(L, buyer, seller))
        return YF_ERR_ARGUMENT;
    journal_begin(L);
    bool ok = flow_legs(L, flow, buyer.sector, seller.sector, value) &&
              settle(L, buyer, seller, value) && leg(L, instrument, buyer, value, true) &&
              (!from_stock || leg(L, instrument, seller, -value, true));
    if (!ok)
        return refuse_overflow(L, "a purchase of a tangible asset");
    return YF_OK;
}

yf_status ledger_revalue(
    ledger *L, int instrument, ledger_account holder, ledger_account issuer, int64_t delta)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_FINANCIAL))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, holder) || !account_ok(L, issuer))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, holder) || !holds(L, instrument, issuer))
        return YF_ERR_NOT_HOLDABLE;
    if (!distinct(L, holder, issuer) || delta == INT64_MIN)
        return YF_ERR_ARGUMENT;
    journal_begin(L);
    if (!leg(L, instrument, holder, delta, false) || !leg(L, instrument, issuer, -delta, false))
        return refuse_overflow(L, "a revaluation");
    return YF_OK;
}

yf_status ledger_revalue_tangible(ledger *L, int instrument, ledger_account owner, int64_t delta)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_TANGIBLE))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, owner))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (!holds(L, instrument, owner))
        return YF_ERR_NOT_HOLDABLE;
    journal_begin(L);
    if (!leg(L, instrument, owner, delta, false))
        return refuse_overflow(L, "a revaluation");
    return YF_OK;
}

/*
 * Every agent k of `sector` revalues its position in `instrument` by delta[k]
 * (an other change); `issuer`, if not NULL, takes the opposite of the sum.
 * Checking pass (branch-free): every new position fits, and so does the sum of
 * the changes; then the sector cells (and the issuer) through the journal, then
 * the agents. Nothing changes on a refusal.
 */
static yf_status revalue_each(
    ledger *L, int instrument, int sector, const int64_t *delta, const ledger_account *issuer)
{
    if (!delta) {
        ledger_fail(L, "revaluation of each agent without amounts");
        return YF_ERR_ARGUMENT;
    }
    if (!holds(L, instrument, ledger_acct(sector, 0)) || (issuer && !holds(L, instrument, *issuer)))
        return YF_ERR_NOT_HOLDABLE;
    int64_t *restrict pos = L->pos[instrument][sector];
    const int32_t n = L->n_agents[sector];
    int64_t sum = 0;
    int refused = 0;
    for (int32_t k = 0; k < n; k++) {
        int64_t v;
        refused |= __builtin_add_overflow(pos[k], delta[k], &v) |
                   __builtin_add_overflow(sum, delta[k], &sum);
    }
    journal_begin(L);
    if (refused || !journal_add(L, &L->total[instrument][sector], sum) ||
        !journal_add(L, &L->change_other[instrument][sector], sum) ||
        (issuer && (sum == INT64_MIN || !leg(L, instrument, *issuer, -sum, false))))
        return refuse_overflow(L, "a revaluation");
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++)
        pos[k] += delta[k];
    return YF_OK;
}

yf_status ledger_revalue_tangible_each(ledger *L, int instrument, int sector, const int64_t *delta)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_TANGIBLE) || !sector_ok(L, sector))
        return YF_ERR_ARGUMENT;
    return revalue_each(L, instrument, sector, delta, NULL);
}

yf_status ledger_revalue_each(
    ledger *L, int instrument, int sector, const int64_t *delta, ledger_account issuer)
{
    if (!instrument_ok(L, instrument, INSTRUMENT_FINANCIAL) || !sector_ok(L, sector))
        return YF_ERR_ARGUMENT;
    if (!account_ok(L, issuer))
        return YF_ERR_UNKNOWN_ACCOUNT;
    if (issuer.sector == sector) {
        ledger_fail(L, "a revaluation of each agent of sector '%s' needs an issuer outside it",
                    L->c->sectors[sector].code);
        return YF_ERR_ARGUMENT;
    }
    return revalue_each(L, instrument, sector, delta, &issuer);
}

/* ---- reading -------------------------------------------------------------- */

const chart *ledger_chart(const ledger *L)
{
    return L->c;
}

int ledger_step(const ledger *L)
{
    return L->step;
}

int32_t ledger_n_agents(const ledger *L, int sector)
{
    return sector >= 0 && sector < L->c->n_sectors ? L->n_agents[sector] : 0;
}

static bool in_chart(const ledger *L, int instrument, int sector)
{
    return instrument >= 0 && instrument < L->c->n_instruments && sector >= 0 &&
           sector < L->c->n_sectors;
}

int64_t ledger_total(const ledger *L, int instrument, int sector)
{
    return in_chart(L, instrument, sector) ? L->total[instrument][sector] : 0;
}

const int64_t *ledger_positions(const ledger *L, int instrument, int sector)
{
    return in_chart(L, instrument, sector) ? L->pos[instrument][sector] : NULL;
}

int64_t ledger_position(const ledger *L, int instrument, ledger_account a)
{
    if (!in_chart(L, instrument, a.sector) || !L->pos[instrument][a.sector] || a.agent < 0 ||
        a.agent >= L->n_agents[a.sector])
        return 0;
    return L->pos[instrument][a.sector][a.agent];
}

int64_t ledger_net_worth(const ledger *L, int sector)
{
    i128 nw = 0;
    for (int i = 0; i < L->c->n_instruments; i++)
        nw += ledger_total(L, i, sector);
    /* Saturate: a net worth beyond the int64 range cannot be posted anyway. */
    if (nw > INT64_MAX)
        return INT64_MAX;
    if (nw < INT64_MIN)
        return INT64_MIN;
    return (int64_t)nw;
}

int64_t ledger_flow(const ledger *L, int flow, int sector)
{
    if (flow < 0 || flow >= L->c->n_flows || sector < 0 || sector >= L->c->n_sectors)
        return 0;
    return L->flow[flow][sector];
}
