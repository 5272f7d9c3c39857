/*
 * emerging.c: industry dynamics of the strategic emerging industries (issue 5;
 * DESIGN.md 4, "Firms": entry and exit; docs/model.md 4.16; docs/industry.md).
 * The electric-vehicle makers are the named case.
 *
 * The emerging industry's firm agents are slots. An active firm k has capital
 * K_k and a fixed competitiveness q_k; its share of the industry's sales (and
 * so of its wages, inputs and investment, which are apportioned by share) is
 *
 *   share_k = q_k K_k / sum_active q_j K_j.
 *
 * Entry. Entrants look at the industry's expected net return on capital r_e,
 * learnt adaptively from its firms' profit after tax (subsidies included) less
 * depreciation. Expected entrants per month are
 *
 *   E = entry_rate max(0, r_e + w sigma - entry_hurdle),
 *
 * where sigma is the subsidy rate and w (entry_subsidy_weight) how much more
 * than their realised effect on profits entrants read into subsidies: the
 * central subsidy comes with local land, grants and cheap credit for new
 * plants, and with the signal that the industry is a national priority.
 * E is accumulated in a fractional counter: the whole part enters into the free
 * slots (deterministic, no random draws). Each entrant buys entrant_size of the
 * industry's capital, paid with equity sold to households (entrant_equity_share
 * of it) and bank loans (an overdraft turned into a loan at the close).
 *
 * Subsidies. The centre pays each firm industrial_subsidy_rate sigma of its
 * sales (flow row industrial_subsidies); the firms pass part theta of it on
 * in their prices, p = (1 + mu) unit cost / (1 + theta sigma) (markets/goods.c),
 * and keep the rest as margin, which draws entrants; the centre's
 * other spending makes room for it under the deficit rule (government.c).
 *
 * Demand. Each demand component d spends on the emerging goods the share
 *
 *   s_Ed = s_Ed,2000 (p_E / p_sub(d))^(1 - emerging_substitution),
 *
 * taken from the manufactures they replace (domestic manufacturing for
 * households and investment, export manufacturing for exports), so a falling
 * relative price (learning, subsidies, price wars) raises the emerging share of
 * output. Learning by doing: the industry's labour productivity rises, and its
 * imported inputs per unit of output fall, by emerging_learning times the
 * growth of its cumulative output (Wright's law; the supply chain of batteries
 * and cells moved home as it grew).
 *
 * Price war and exit. Capacity built by entrants beyond demand lowers
 * utilisation, hence mark-ups and prices (goods.c). A firm whose own funds
 * (capital + deposits + foreign assets - loans - foreign liabilities) turn
 * negative exits: its plants are sold to the surviving firms at a discount
 * (exit_discount, a loss of the exiting firm), its deposits repay its loans,
 * the rest of its debts and its owners' equity are written off (revaluations,
 * like a developer's default in developers.c). Low-competitiveness firms sell less
 * per yuan of capital and go first, so the industry consolidates.
 */
#include <math.h>

#include "core/core.h"
#include "model/economy.h"
#include "model/industries.h"

/* The industry each demand component's emerging purchases are taken from. */
static const int substitute[N_DEMANDS] = {
    [D_CONSUMPTION] = IND_DOMESTIC,
    [D_GOVERNMENT] = IND_DOMESTIC,
    [D_INVESTMENT] = IND_DOMESTIC,
    [D_EXPORTS] = IND_EXPORT,
};

/* Most of the substitute's share the emerging goods can take. */
static const double MAX_TAKEN = 0.8;

yf_status emerging_init(economy *e)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    em->first = -1;
    em->n_slots = 0;
    for (int32_t k = 0; k < f->n; k++)
        if (f->industry[k] == IND_EMERGING) {
            if (em->first < 0)
                em->first = k;
            em->n_slots++;
        }
    for (int s = 0; s < N_INDUSTRIES; s++)
        for (int d = 0; d < N_DEMANDS; d++)
            e->demand_share[s][d] = industry_table[s].demand_share[d];
    /* a tiny run may give the industry no firm agent: then nothing enters */
    const size_t n = em->n_slots > 0 ? (size_t)em->n_slots : 1;
    em->active = yf_calloc(n, sizeof *em->active);
    em->competitiveness = yf_calloc(n, sizeof(double));
    em->entry_capital = yf_calloc(n, sizeof(double));
    em->firm_amount = yf_calloc((size_t)f->n, sizeof(int64_t));
    em->household_amount = yf_calloc((size_t)e->hh.n, sizeof(int64_t));
    if (!em->active || !em->competitiveness || !em->entry_capital || !em->firm_amount ||
        !em->household_amount)
        return YF_ERR_NOMEM;
    const int32_t incumbents =
        (int32_t)yf_fmin((double)em->n_slots, yf_fmax(1.0, round(e->param[P_emerging_incumbents])));
    const double spread = e->param[P_competitiveness_dispersion];
    double sum = 0.0;
    for (int32_t j = 0; j < em->n_slots; j++) {
        /* evenly spread traits without a random draw: the golden-ratio sequence */
        const double u = fmod((double)(j + 1) * 0.6180339887498949, 1.0);
        em->competitiveness[j] = 1.0 + spread * (u - 0.5);
        em->active[j] = j < incumbents;
        double *share = &f->share[em->first + j];
        if (!em->active[j])
            *share = 0.0;
        sum += *share;
    }
    for (int32_t j = 0; j < incumbents && sum > 0.0; j++)
        f->share[em->first + j] /= sum;
    em->n_active = incumbents;
    em->learning = 1.0;
    return YF_OK;
}

void emerging_free(economy *e)
{
    emerging_state *em = &e->em;
    yf_mem_free(em->active);
    yf_mem_free(em->competitiveness);
    yf_mem_free(em->entry_capital);
    yf_mem_free(em->firm_amount);
    yf_mem_free(em->household_amount);
}

/* Learning by doing: productivity rises with cumulative output (last month's). */
static void learn(economy *e)
{
    emerging_state *em = &e->em;
    industry_state *x = &e->ind[IND_EMERGING];
    if (em->cumulative_output <= 0.0) {
        em->cumulative_output = e->param[P_emerging_prior_months] * x->output_expected;
        return;
    }
    const double before = em->cumulative_output;
    em->cumulative_output += x->output;
    if (before > 0.0) {
        const double gain = pow(em->cumulative_output / before, e->param[P_emerging_learning]);
        if (!isfinite(gain))
            return;
        x->productivity *= gain;
        em->learning *= gain;
    }
}

/* Spending shares of this month: the emerging goods against their substitutes. */
static void shift_demand(economy *e)
{
    const double exponent = 1.0 - e->param[P_emerging_substitution];
    for (int d = 0; d < N_DEMANDS; d++) {
        const double base = industry_table[IND_EMERGING].demand_share[d];
        if (base <= 0.0)
            continue;
        const int sub = substitute[d];
        const double base_sub = industry_table[sub].demand_share[d];
        const double relative = e->ind[IND_EMERGING].price / e->ind[sub].price;
        if (!isfinite(relative) || relative <= 0.0)
            continue; /* a runaway price is the guards' to report (guards.c), not ours */
        double share = base * pow(relative, exponent);
        share = yf_fmin(share, base + MAX_TAKEN * base_sub);
        e->demand_share[IND_EMERGING][d] = share;
        e->demand_share[sub][d] = base_sub + base - share;
    }
}

/* Shares of the active firms: capital times competitiveness. */
static void set_shares(economy *e)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    double sum = 0.0;
    em->n_active = 0;
    for (int32_t j = 0; j < em->n_slots; j++)
        if (em->active[j]) {
            sum += em->competitiveness[j] * f->capital_real[em->first + j];
            em->n_active++;
        }
    for (int32_t j = 0; j < em->n_slots; j++) {
        const int32_t k = em->first + j;
        f->share[k] = !em->active[j] ? 0.0
                      : sum > 0.0    ? em->competitiveness[j] * f->capital_real[k] / sum
                                     : 1.0 / (double)em->n_active;
    }
}

/* The expected net return on capital, from last month's profits after tax
 * (after interest and subsidies) less depreciation. */
static void learn_return(economy *e)
{
    emerging_state *em = &e->em;
    const firms *f = &e->fi;
    double profit = 0.0, capital = 0.0;
    for (int32_t j = 0; j < em->n_slots; j++)
        if (em->active[j]) {
            const int32_t k = em->first + j;
            profit += f->profit[k];
            capital += (double)ledger_position(e->L, I_CAPITAL, ledger_acct(FIRM, k));
        }
    if (capital <= 0.0 || e->month == 0)
        return;
    const double r = 12.0 * profit / capital - e->param[P_depreciation];
    em->return_expected += e->param[P_expectation_speed] * (r - em->return_expected);
}

/* Entrants fill free slots: the whole part of the expected entrants so far. */
static void enter(economy *e)
{
    emerging_state *em = &e->em;
    const double excess = em->return_expected +
                          e->param[P_entry_subsidy_weight] * em->subsidy_rate -
                          e->param[P_entry_hurdle];
    em->entry_pending += e->param[P_entry_rate] * yf_fmax(0.0, excess);
    const double size = e->param[P_entrant_size] * e->ind[IND_EMERGING].capital_real;
    em->entry_real = 0.0;
    for (int32_t j = 0; j < em->n_slots; j++) {
        em->entry_capital[j] = 0.0;
        if (em->active[j] || em->entry_pending < 1.0)
            continue;
        em->active[j] = true;
        em->entry_capital[j] = size;
        em->entry_real += size;
        em->entry_pending -= 1.0;
        em->entries += 1.0;
    }
    /* no free slot: the would-be entrants give up */
    em->entry_pending = yf_fmin(em->entry_pending, 1.0);
}

void emerging_plan(economy *e)
{
    emerging_state *em = &e->em;
    em->entries = em->exits = em->subsidy_flow = em->loan_losses = em->equity_losses = 0.0;
    em->subsidy_rate = e->param[P_industrial_subsidy_rate];
    learn(e);
    shift_demand(e);
    set_shares(e);
    learn_return(e);
    em->subsidy_plan = em->subsidy_rate * e->ind[IND_EMERGING].sales;
    enter(e);
}

/* Equity sold by entrants to households (by equity weight), at par. */
static yf_status sell_entrants_equity(economy *e)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    const double owners = e->param[P_entrant_equity_share];
    for (int32_t k = 0; k < f->n; k++)
        em->firm_amount[k] = 0;
    for (int32_t j = 0; j < em->n_slots; j++) {
        if (em->entry_capital[j] <= 0.0)
            continue;
        const int32_t k = em->first + j;
        const double paid = (double)ledger_position(e->L, I_CAPITAL, ledger_acct(FIRM, k));
        if (!economy_yuan(e, floor(owners * yf_fmax(0.0, paid)), "entrants' equity",
                          &em->firm_amount[k]))
            return YF_ERR_NUMERIC;
    }
    const int64_t total = economy_sum(em->firm_amount, f->n);
    if (total == 0)
        return YF_OK;
    if (!economy_split(e, total, e->hh.equity_weight, e->hh.n, em->household_amount,
                       "entrants' equity bought"))
        return YF_ERR_NUMERIC;
    yf_status st =
        ledger_exchange_many(e->L, I_EQUITY, FIRM, em->firm_amount, HH, em->household_amount);
    return economy_post(e, st, "entrants' equity");
}

yf_status emerging_pay(economy *e)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    const industry_state *x = &e->ind[IND_EMERGING];
    for (int32_t k = 0; k < f->n; k++)
        em->firm_amount[k] = 0;
    for (int32_t j = 0; j < em->n_slots; j++) {
        const int32_t k = em->first + j;
        if (!economy_yuan(e, floor(em->subsidy_rate * f->share[k] * x->sales),
                          "industrial subsidies", &em->firm_amount[k]))
            return YF_ERR_NUMERIC;
    }
    const int64_t total = economy_sum(em->firm_amount, f->n);
    if (total > 0) {
        yf_status st = ledger_pay_to_each(e->L, F_INDUSTRIAL_SUBSIDIES, ledger_acct(CG, 0), FIRM,
                                          em->firm_amount);
        if (st != YF_OK)
            return economy_post(e, st, "industrial subsidies");
        /* A subsidy is income but not a sale: it lowers the firm's net costs, so
         * it counts in profit (and corporate tax) without bearing VAT. */
        for (int32_t k = 0; k < f->n; k++)
            f->costs[k] -= (double)em->firm_amount[k];
    }
    em->subsidy_flow = (double)total;
    return sell_entrants_equity(e);
}

/* Write off `amount` of a claim issued by `issuer` and held by `holder`. */
static yf_status write_off(economy *e,
                           int instrument,
                           ledger_account holder,
                           ledger_account issuer,
                           int64_t amount,
                           const char *what)
{
    if (amount <= 0)
        return YF_OK;
    return economy_post(e, ledger_revalue(e->L, instrument, holder, issuer, -amount), what);
}

/* The plants of closing firm k are sold to the surviving firms in proportion to
 * their shares, at (1 - exit_discount) of book value (the discount is a loss of
 * the closing firm): capacity changes hands instead of vanishing. Survivors pay
 * from their deposits (an overdraft becomes a loan at the close). */
static yf_status sell_plants(economy *e, int32_t k, int64_t capital)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    const ledger_account a = ledger_acct(FIRM, k);
    const int64_t loss = (int64_t)floor(e->param[P_exit_discount] * (double)capital);
    yf_status st;
    if (loss > 0 && (st = ledger_revalue_tangible(e->L, I_CAPITAL, a, -loss)) != YF_OK)
        return economy_post(e, st, "exit: plants written down");
    const int64_t price = capital - loss;
    double share = 0.0;
    for (int32_t j = 0; j < em->n_slots; j++)
        if (em->active[j] && em->first + j != k)
            share += f->share[em->first + j];
    int64_t left = price;
    const double real = f->capital_real[k];
    for (int32_t j = 0; j < em->n_slots && share > 0.0 && left > 0; j++) {
        const int32_t b = em->first + j;
        if (!em->active[j] || b == k || f->share[b] <= 0.0)
            continue;
        int64_t part = (int64_t)floor((double)price * f->share[b] / share);
        part = part < left ? part : left;
        if (part <= 0)
            continue;
        st = ledger_buy_tangible(e->L, F_BUSINESS_INVESTMENT, I_CAPITAL, ledger_acct(FIRM, b), a,
                                 part, true);
        if (st != YF_OK)
            return economy_post(e, st, "exit: plants sold");
        f->capital_real[b] += real * (double)part / (double)price;
        left -= part;
    }
    /* what rounding left unsold is scrapped */
    if (left > 0 && (st = ledger_revalue_tangible(e->L, I_CAPITAL, a, -left)) != YF_OK)
        return economy_post(e, st, "exit: capital scrapped");
    return YF_OK;
}

/* Close firm k: sell its plants to the survivors, repay what its deposits can,
 * write off the rest of its debts. Its owners' equity, less any cash left, goes
 * into em->firm_amount[k] for the households' write-off. */
static yf_status close_firm(economy *e, int32_t j)
{
    emerging_state *em = &e->em;
    firms *f = &e->fi;
    const int32_t k = em->first + j;
    const ledger_account a = ledger_acct(FIRM, k), bank = ledger_acct(BANK, f->bank[k]);
    const ledger_account row = ledger_acct(ROW, 0);
    yf_status st = YF_OK;
    const int64_t capital = ledger_position(e->L, I_CAPITAL, a);
    if (capital > 0 && (st = sell_plants(e, k, capital)) != YF_OK)
        return st;
    /* an overdraft becomes a loan first, as at the close (credit.c) */
    const int64_t overdraft = -ledger_position(e->L, I_DEPOSITS, a);
    if (overdraft > 0 &&
        (st = ledger_exchange(e->L, I_BUSINESS_LOANS, a, bank, overdraft)) != YF_OK)
        return economy_post(e, st, "exit: overdraft");
    const int64_t deposits = ledger_position(e->L, I_DEPOSITS, a);
    const int64_t loans = -ledger_position(e->L, I_BUSINESS_LOANS, a);
    const int64_t repaid = deposits < loans ? deposits : loans;
    if (repaid > 0 && (st = ledger_exchange(e->L, I_BUSINESS_LOANS, bank, a, repaid)) != YF_OK)
        return economy_post(e, st, "exit: loans repaid");
    if ((st = write_off(e, I_BUSINESS_LOANS, bank, a, loans - repaid, "exit: loans written off")) !=
            YF_OK ||
        (st = write_off(e, I_FOREIGN_LIABILITIES, row, a,
                        -ledger_position(e->L, I_FOREIGN_LIABILITIES, a),
                        "exit: foreign liabilities written off")) != YF_OK ||
        (st = write_off(e, I_FOREIGN_ASSETS, a, row, ledger_position(e->L, I_FOREIGN_ASSETS, a),
                        "exit: foreign assets written off")) != YF_OK)
        return st;
    em->loan_losses += (double)(loans - repaid);
    const int64_t equity = -ledger_position(e->L, I_EQUITY, a);
    const int64_t cash = ledger_position(e->L, I_DEPOSITS, a);
    em->firm_amount[k] = equity > cash ? equity - cash : 0;
    f->capital_real[k] = 0.0;
    f->profit[k] = 0.0;
    f->share[k] = 0.0;
    em->active[j] = false;
    em->exits += 1.0;
    return YF_OK;
}

/* The owners' equity of the closed firms (em->firm_amount), written off from
 * the households by equity weight: issuers and holders are walked together. */
/* Firm k's equity held by households falls by -change[i] for each household i;
 * the changes of households first..last (the only ones not zero) are then
 * cleared for the next firm. */
static yf_status write_off_each(economy *e, int64_t *change, int32_t k, int32_t first, int32_t last)
{
    yf_status st = ledger_revalue_each(e->L, I_EQUITY, HH, change, ledger_acct(FIRM, k));
    for (int32_t j = first; j <= last; j++)
        change[j] = 0;
    return economy_post(e, st, "exit: equity written off");
}

static yf_status write_off_equity(economy *e)
{
    emerging_state *em = &e->em;
    const firms *f = &e->fi;
    const households *h = &e->hh;
    const int64_t total = economy_sum(em->firm_amount, f->n);
    if (total == 0)
        return YF_OK;
    if (!economy_split(e, total, h->equity_weight, h->n, em->household_amount,
                       "equity written off"))
        return YF_ERR_NUMERIC;
    /* Households and closing firms are paired in order (household i loses x to
     * firm k); each firm's write-offs are posted for all its households at once
     * (ledger_revalue_each), the changes held in the scratch hh.amount, zero
     * outside the firm's households. */
    int64_t *change = e->hh.amount;
    for (int32_t j = 0; j < h->n; j++)
        change[j] = 0;
    int32_t i = 0, k = 0, from = 0; /* from: the firm's first household */
    bool pending = false;
    while (k < f->n && em->firm_amount[k] == 0)
        k++;
    int64_t left_h = h->n ? em->household_amount[0] : 0;
    int64_t left_f = k < f->n ? em->firm_amount[k] : 0;
    while (i < h->n && k < f->n) {
        const int64_t x = left_h < left_f ? left_h : left_f;
        change[i] = -x; /* each household meets each firm once */
        pending = true;
        left_h -= x;
        left_f -= x;
        const int32_t last = i;
        if (left_h == 0 && ++i < h->n)
            left_h = em->household_amount[i];
        if (left_f == 0) {
            yf_status st = write_off_each(e, change, k, from, last);
            if (st != YF_OK)
                return st;
            from = i;
            pending = false;
            while (++k < f->n && em->firm_amount[k] == 0)
                ;
            if (k < f->n)
                left_f = em->firm_amount[k];
        }
    }
    if (pending && k < f->n) {
        yf_status st = write_off_each(e, change, k, from, h->n - 1);
        if (st != YF_OK)
            return st;
    }
    em->equity_losses = (double)total;
    return YF_OK;
}

yf_status emerging_exit(economy *e)
{
    emerging_state *em = &e->em;
    const firms *f = &e->fi;
    for (int32_t k = 0; k < f->n; k++)
        em->firm_amount[k] = 0;
    int32_t active = 0;
    for (int32_t j = 0; j < em->n_slots; j++)
        active += em->active[j];
    for (int32_t j = 0; j < em->n_slots && active > 1; j++) {
        if (!em->active[j] || em->entry_capital[j] > 0.0)
            continue;
        /* deposits may be negative before the close: own funds net them */
        const ledger_account a = ledger_acct(FIRM, em->first + j);
        int64_t own = 0;
        for (int i = 0; i < N_CHINA_INSTRUMENTS; i++)
            if (i != I_EQUITY)
                own += ledger_position(e->L, i, a);
        if (own >= 0)
            continue;
        yf_status st = close_firm(e, j);
        if (st != YF_OK)
            return st;
        active--;
    }
    em->n_active = active;
    return write_off_equity(e);
}
