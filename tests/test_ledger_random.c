/*
 * test_ledger_random.c: long random sequences of valid postings across every
 * sector, instrument and flow row of the China chart, with the invariants
 * checked after each posting and the full close (signs included) after each
 * step. Each posting is also checked against what it must do to the accounts
 * it names (computed here, independently of the ledger), and random invalid
 * postings are interleaved and must change nothing.
 *
 * The generator is a test-local splitmix64 seeded per run (the model itself
 * will use counter-based streams; rand() is banned). Opening balances are
 * large (1e12 yuan per position) and postings small (<= 1e6), so a valid
 * sequence can never overdraw an account within the test's length.
 */
#include <string.h>

#include "harness.h"
#include "ledger_fixture.h"

static uint64_t rng_state;

static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int32_t below(int32_t n)
{
    return (int32_t)(next_u64() % (uint64_t)n);
}

static int64_t amount(void)
{
    return (int64_t)(next_u64() % 1000001ULL);
}

#define OPENING 1000000000000LL

static const int32_t agents[N_CHINA_SECTORS] = {50, 12, 6, 5, 5, 1, 7, 1, 1};

/* Every agent's net worth before a posting, and the change the posting must make
 * to it, worked out here from what the posting means: the payer loses what it
 * pays, the payee gains it, and every bank or central bank it settles through is
 * left exactly where it was. The ledger's own checks are per sector; this
 * checks every agent. */
static i128 nw_before[N_CHINA_SECTORS][64], nw_expected[N_CHINA_SECTORS][64];

static void expect(ledger_account a, int64_t delta)
{
    nw_expected[a.sector][a.agent] += delta;
}

static i128 agent_net_worth(const ledger *L, int s, int32_t k)
{
    i128 nw = 0;
    for (int i = 0; i < L->c->n_instruments; i++)
        if (L->pos[i][s])
            nw += L->pos[i][s][k];
    return nw;
}

static void remember_net_worths(const ledger *L)
{
    for (int s = 0; s < L->c->n_sectors; s++)
        for (int32_t k = 0; k < L->n_agents[s]; k++) {
            nw_before[s][k] = agent_net_worth(L, s, k);
            nw_expected[s][k] = 0;
        }
}

static void check_net_worths(const ledger *L)
{
    int wrong = 0;
    for (int s = 0; s < L->c->n_sectors; s++)
        for (int32_t k = 0; k < L->n_agents[s]; k++)
            if (agent_net_worth(L, s, k) - nw_before[s][k] != nw_expected[s][k] && wrong++ == 0)
                fprintf(stderr, "agent %d of sector '%s': net worth moved by %lld, expected %lld\n",
                        (int)k, L->c->sectors[s].code,
                        (long long)(agent_net_worth(L, s, k) - nw_before[s][k]),
                        (long long)nw_expected[s][k]);
    CHECK(wrong == 0);
}

static ledger_account random_agent(const ledger *L, int sector)
{
    return ledger_acct(sector, below(ledger_n_agents(L, sector)));
}

static ledger_account random_account(const ledger *L)
{
    return random_agent(L, below(L->c->n_sectors));
}

/* A random sector holding `instrument` on `side` (SIDE_NONE: any side); -1 if none. */
static int random_sector_with(const ledger *L, int instrument, int side)
{
    int candidates[LEDGER_MAX_SECTORS], n = 0;
    for (int s = 0; s < L->c->n_sectors; s++) {
        int sd = L->c->instruments[instrument].side[s];
        if (sd != SIDE_NONE && (side == SIDE_NONE || sd == side))
            candidates[n++] = s;
    }
    return n ? candidates[below(n)] : -1;
}

/* Every holder agent gets OPENING of every instrument it may hold, issued by a
 * random issuer agent; every issuer agent issues at least OPENING too. */
static void open_balances(ledger *L)
{
    const chart *c = L->c;
    for (int i = 0; i < c->n_instruments; i++)
        for (int s = 0; s < c->n_sectors; s++) {
            int side = c->instruments[i].side[s];
            for (int32_t k = 0; k < L->n_agents[s]; k++) {
                ledger_account a = ledger_acct(s, k);
                yf_status st = YF_OK;
                if (side == SIDE_NONE)
                    continue;
                if (c->instruments[i].kind == INSTRUMENT_TANGIBLE) {
                    st = ledger_revalue_tangible(L, i, a, OPENING);
                } else if (side == SIDE_ASSET) {
                    int issuer = random_sector_with(L, i, SIDE_LIABILITY);
                    st = ledger_revalue(L, i, a, random_agent(L, issuer), OPENING);
                } else if (side == SIDE_LIABILITY) {
                    int holder = random_sector_with(L, i, SIDE_ASSET);
                    st = ledger_revalue(L, i, random_agent(L, holder), a, OPENING);
                }
                CHECK(st == YF_OK);
                if (st != YF_OK)
                    fprintf(stderr, "opening: %s\n", ledger_message(L));
            }
        }
}

/* The expected effect of a payment on the payer's and payee's settlement
 * positions: -x and +x, unless the other end is the agent's own settlement
 * parent, in which case the position is the link itself and moves the same way. */
static void check_payment_effect(ledger *L,
                                 ledger_account from,
                                 ledger_account to,
                                 int64_t x,
                                 int64_t from_before,
                                 int64_t to_before)
{
    int fi = L->c->settle_instrument[from.sector], ti = L->c->settle_instrument[to.sector];
    bool from_is_root = L->c->settle_parent[from.sector] == CHART_ROOT;
    bool to_is_root = L->c->settle_parent[to.sector] == CHART_ROOT;
    if (!from_is_root && from_before != INT64_MIN)
        CHECK_EQ_I64(ledger_position(L, fi, from), from_before - x);
    if (!to_is_root && to_before != INT64_MIN)
        CHECK_EQ_I64(ledger_position(L, ti, to), to_before + x);
}

/* The settlement position of a, or INT64_MIN when a is an intermediate of the
 * other end's path (then its position nets out and is not predicted here). */
static int64_t settle_position(const ledger *L, ledger_account a, ledger_account other)
{
    if (L->c->settle_parent[a.sector] == CHART_ROOT)
        return INT64_MIN;
    for (ledger_account p = other; L->c->settle_parent[p.sector] != CHART_ROOT;) {
        p = ledger_acct(L->c->settle_parent[p.sector], L->parent[p.sector][p.agent]);
        if (p.sector == a.sector && p.agent == a.agent)
            return INT64_MIN;
    }
    return ledger_position(L, L->c->settle_instrument[a.sector], a);
}

static void random_payment(ledger *L)
{
    ledger_account from = random_account(L), to = random_account(L);
    if (from.sector == to.sector && from.agent == to.agent)
        return;
    int flow = below(L->c->n_flows);
    int64_t x = amount();
    int64_t flow_from = ledger_flow(L, flow, from.sector),
            flow_to = ledger_flow(L, flow, to.sector);
    int64_t fb = settle_position(L, from, to), tb = settle_position(L, to, from);
    CHECK(ledger_pay(L, flow, from, to, x) == YF_OK);
    expect(from, -x);
    expect(to, x);
    if (from.sector != to.sector) {
        CHECK_EQ_I64(ledger_flow(L, flow, from.sector), flow_from - x);
        CHECK_EQ_I64(ledger_flow(L, flow, to.sector), flow_to + x);
    }
    check_payment_effect(L, from, to, x, fb, tb);
}

static void random_exchange(ledger *L)
{
    int i = below(L->c->n_instruments);
    if (L->c->instruments[i].kind != INSTRUMENT_FINANCIAL)
        return;
    ledger_account seller = random_agent(L, random_sector_with(L, i, SIDE_NONE));
    ledger_account buyer = random_agent(L, random_sector_with(L, i, SIDE_NONE));
    if (seller.sector == buyer.sector && seller.agent == buyer.agent)
        return;
    int64_t x = amount();
    int64_t sb = ledger_position(L, i, seller), bb = ledger_position(L, i, buyer);
    bool settlement_link =
        i == L->c->settle_instrument[seller.sector] || i == L->c->settle_instrument[buyer.sector];
    CHECK(ledger_exchange(L, i, seller, buyer, x) == YF_OK);
    if (!settlement_link) { /* otherwise the payment moves the same positions back */
        CHECK_EQ_I64(ledger_position(L, i, seller), sb - x);
        CHECK_EQ_I64(ledger_position(L, i, buyer), bb + x);
    }
}

static void random_tangible(ledger *L)
{
    int i = below(L->c->n_instruments);
    if (L->c->instruments[i].kind != INSTRUMENT_TANGIBLE)
        return;
    ledger_account buyer = random_agent(L, random_sector_with(L, i, SIDE_ASSET));
    ledger_account seller = random_account(L);
    if (buyer.sector == seller.sector && buyer.agent == seller.agent)
        return;
    bool from_stock = L->c->instruments[i].side[seller.sector] == SIDE_ASSET && (next_u64() & 1);
    int64_t x = amount(), bb = ledger_position(L, i, buyer);
    int64_t nw = ledger_net_worth(L, buyer.sector);
    CHECK(ledger_buy_tangible(L, below(L->c->n_flows), i, buyer, seller, x, from_stock) == YF_OK);
    expect(seller, from_stock ? 0 : x); /* the buyer swaps money for an asset: no change */
    CHECK_EQ_I64(ledger_position(L, i, buyer), bb + x);
    if (buyer.sector != seller.sector)
        CHECK_EQ_I64(ledger_net_worth(L, buyer.sector), nw); /* buying is not dissaving */
}

static void random_revaluation(ledger *L)
{
    int i = below(L->c->n_instruments);
    int64_t delta = amount() - 500000;
    if (L->c->instruments[i].kind == INSTRUMENT_TANGIBLE) {
        ledger_account owner = random_agent(L, random_sector_with(L, i, SIDE_ASSET));
        int64_t nw = ledger_net_worth(L, owner.sector);
        CHECK(ledger_revalue_tangible(L, i, owner, delta) == YF_OK);
        expect(owner, delta);
        CHECK_EQ_I64(ledger_net_worth(L, owner.sector), nw + delta);
        return;
    }
    ledger_account holder = random_agent(L, random_sector_with(L, i, SIDE_ASSET));
    ledger_account issuer = random_agent(L, random_sector_with(L, i, SIDE_LIABILITY));
    CHECK(ledger_revalue(L, i, holder, issuer, delta) == YF_OK);
    expect(holder, delta);
    expect(issuer, -delta);
}

static void random_batch(ledger *L, int64_t *amounts)
{
    int sector = below(L->c->n_sectors);
    ledger_account other = random_account(L);
    int64_t total = 0;
    for (int32_t k = 0; k < ledger_n_agents(L, sector); k++) {
        amounts[k] = (next_u64() & 3) ? amount() : 0;
        total += amounts[k];
    }
    int flow = below(L->c->n_flows);
    int64_t f_sector = ledger_flow(L, flow, sector), f_other = ledger_flow(L, flow, other.sector);
    bool pay = next_u64() & 1;
    yf_status st = pay ? ledger_pay_from_each(L, flow, sector, amounts, other)
                       : ledger_pay_to_each(L, flow, other, sector, amounts);
    /* A batch including the counterparty itself pays it to itself: refused
     * only for a root sector, where it goes through ledger_pay. */
    if (st != YF_OK) {
        CHECK(L->c->settle_parent[sector] == CHART_ROOT && other.sector == sector);
        return;
    }
    for (int32_t k = 0; k < ledger_n_agents(L, sector); k++)
        expect(ledger_acct(sector, k), pay ? -amounts[k] : amounts[k]);
    expect(other, pay ? total : -total);
    if (other.sector != sector) {
        CHECK_EQ_I64(ledger_flow(L, flow, sector), f_sector + (pay ? -total : total));
        CHECK_EQ_I64(ledger_flow(L, flow, other.sector), f_other + (pay ? total : -total));
    }
}

/* Many payers to many payees: random amounts on both sides, the payees' side
 * adjusted on one agent so the totals match exactly. */
static void random_many(ledger *L, int64_t *pay, int64_t *receive)
{
    int payer = below(L->c->n_sectors), payee = below(L->c->n_sectors);
    int64_t out = 0, in = 0;
    for (int32_t k = 0; k < ledger_n_agents(L, payer); k++)
        out += pay[k] = (next_u64() & 1) ? amount() : 0;
    for (int32_t k = 0; k < ledger_n_agents(L, payee); k++)
        in += receive[k] = (next_u64() & 1) ? amount() : 0;
    int32_t last = ledger_n_agents(L, payee) - 1;
    if (receive[last] + out - in < 0)
        return; /* cannot balance with non-negative amounts this time */
    receive[last] += out - in;
    int flow = below(L->c->n_flows);
    int64_t f_payer = ledger_flow(L, flow, payer), f_payee = ledger_flow(L, flow, payee);
    yf_status st = ledger_pay_many(L, flow, payer, pay, payee, receive);
    int pp = L->c->settle_parent[payer], pe = L->c->settle_parent[payee];
    bool nets = (pp != CHART_ROOT && pp == pe) || pe == payer || pp == payee;
    CHECK((st == YF_OK) == nets);
    for (int32_t k = 0; st == YF_OK && k < ledger_n_agents(L, payer); k++)
        expect(ledger_acct(payer, k), -pay[k]);
    for (int32_t k = 0; st == YF_OK && k < ledger_n_agents(L, payee); k++)
        expect(ledger_acct(payee, k), receive[k]);
    if (st == YF_OK && payer != payee) {
        CHECK_EQ_I64(ledger_flow(L, flow, payer), f_payer - out);
        CHECK_EQ_I64(ledger_flow(L, flow, payee), f_payee + out);
    }
}

/* Invalid postings of every kind: each must be refused and change nothing. */
static void random_invalid(ledger *L)
{
    uint64_t h = fingerprint(L);
    ledger_account a = random_account(L), b = random_account(L);
    ledger_account ghost = ledger_acct(a.sector, ledger_n_agents(L, a.sector) + below(3));
    yf_status st = YF_OK;
    switch (below(6)) {
    case 0:
        st = ledger_pay(L, F_CONSUMPTION, ghost, b, 1);
        break;
    case 1:
        st = ledger_pay(L, F_CONSUMPTION, a, b, -1 - amount());
        break;
    case 2: { /* an instrument the seller's sector cannot hold */
        int i = below(L->c->n_instruments);
        int s = below(L->c->n_sectors);
        if (L->c->instruments[i].side[s] != SIDE_NONE)
            i = -1;
        st = ledger_exchange(L, i, random_agent(L, s), b, 1);
        break;
    }
    case 3:
        st = ledger_pay(L, L->c->n_flows + below(5), a, b, 1);
        break;
    case 4:
        st = ledger_revalue(L, I_DEPOSITS, a, a, 1);
        break;
    default:
        st = ledger_buy_tangible(L, F_CONSUMPTION, I_DEPOSITS, a, b, 1, false);
        break;
    }
    CHECK(st != YF_OK);
    CHECK(fingerprint(L) == h);
}

static void run(uint64_t seed, int steps, int postings_per_step)
{
    rng_state = seed;
    ledger *L = NULL;
    CHECK(ledger_new(&L, &chart_china, agents) == YF_OK);
    for (int s = 0; s < N_CHINA_SECTORS; s++) {
        int p = chart_china.settle_parent[s];
        if (p == CHART_ROOT)
            continue;
        for (int32_t k = 0; k < agents[s]; k++)
            CHECK(ledger_assign_parent(L, ledger_acct(s, k), below(agents[p])) == YF_OK);
    }
    open_balances(L);
    CHECK(ledger_close_step(L, NULL) == YF_OK);
    int64_t amounts[64], received[64];
    int failures_before = harness_failed;
    for (int step = 0; step < steps; step++) {
        for (int n = 0; n < postings_per_step; n++) {
            remember_net_worths(L);
            switch (below(7)) {
            case 0:
            case 1:
                random_payment(L);
                break;
            case 2:
                random_exchange(L);
                break;
            case 3:
                random_tangible(L);
                break;
            case 4:
                random_revaluation(L);
                break;
            case 5:
                if (next_u64() & 1)
                    random_batch(L, amounts);
                else
                    random_many(L, amounts, received);
                break;
            default:
                random_invalid(L);
                break;
            }
            check_net_worths(L);
            yf_status st = ledger_check(L);
            CHECK(st == YF_OK);
            if (st != YF_OK)
                fprintf(stderr, "seed %llu step %d posting %d: %s\n", (unsigned long long)seed,
                        step, n, ledger_message(L));
        }
        yf_status st = ledger_close_step(L, NULL);
        CHECK(st == YF_OK);
        if (st != YF_OK)
            fprintf(stderr, "seed %llu close of step %d: %s\n", (unsigned long long)seed, step,
                    ledger_message(L));
        if (harness_failed > failures_before + 20)
            break; /* one broken invariant fails every later check: stop early */
    }
    ledger_free(L);
}

int main(void)
{
    for (uint64_t seed = 1; seed <= 8; seed++)
        run(seed, 60, 250);
    return TEST_REPORT();
}
