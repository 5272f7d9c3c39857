/*
 * developers.c: property developers (DESIGN.md 4, "Developers"; docs/model.md 4.11).
 *
 * Each developer does a fixed share of the active developers' business in every
 * city; shares are heavy-tailed (share_j ~ j^-0.65: the ten largest of 500 do
 * about a fifth of sales) and larger developers borrow more per yuan of
 * inventory (leverage from developer_leverage_small to developer_leverage_large).
 * A share state_developer_share of them, spread over the sizes, is state-owned:
 * small leverage, and its banks always roll over.
 *
 * Each month, after the households' purchases (markets/housing.c):
 *   land     developers buy the land for this month's starts from the local
 *            governments at the residual value (land-sale revenue), of which
 *            land_compensation_share goes on to the households displaced; a
 *            private developer above the leverage cap buys only what its cash
 *            pays for, and the starts it cannot pay for are not made;
 *   build    they pay the construction industry for the homes in progress;
 *   interest on bank loans, and on dollar bonds (paid abroad);
 *   credit   debt towards leverage x inventory, at most red_line_leverage x
 *            inventory (the 2020-08 rules), dollar_bond_share of new debt sold
 *            abroad as dollar bonds; a developer whose last year's sales fall
 *            below rollover_stress x its debt must repay 1/developer_loan_months
 *            of it a month;
 *   default  a private developer left short of cash and refused credit
 *            defaults: its projects stall, buyers lose presale_loss_share of
 *            their claims on it, banks and foreign bondholders lose
 *            loan_loss_share of its loans and bonds (revaluations: other
 *            changes in the matrices);
 *   payout   cash beyond three months of sales is paid out as dividends.
 */
#include <math.h>
#include <stdio.h>

#include "core/core.h"
#include "model/economy.h"
#include "model/industries.h"

#define PIPE(c, k) e->ci.pipeline[(size_t)(c)*HOUSING_MAX_LAG + (size_t)(k)]

static bool alloc_d(double **p, int32_t n)
{
    return (*p = yf_calloc((size_t)n, sizeof(double))) != NULL;
}

yf_status developers_init(economy *e)
{
    developers *d = &e->dv;
    const int32_t n = d->n = e->size.developers;
    bool ok = alloc_d(&d->share, n) && alloc_d(&d->leverage, n) && alloc_d(&d->homes_building, n) &&
              alloc_d(&d->inventory_homes, n) && alloc_d(&d->sales_12m, n) &&
              alloc_d(&d->weight, n) &&
              (d->defaulted = yf_calloc((size_t)n, sizeof(int32_t))) != NULL &&
              (d->bank = yf_calloc((size_t)n, sizeof(int32_t))) != NULL &&
              (d->state_owned = yf_calloc((size_t)n, sizeof(bool))) != NULL &&
              (d->amount = yf_calloc((size_t)n, sizeof(int64_t))) != NULL &&
              (d->amount2 = yf_calloc((size_t)n, sizeof(int64_t))) != NULL;
    if (!ok)
        return YF_ERR_NOMEM;
    double sum = 0.0;
    for (int32_t j = 0; j < n; j++)
        sum += d->share[j] = pow((double)(j + 1), -0.65);
    const double lo = e->param[P_developer_leverage_small],
                 hi = e->param[P_developer_leverage_large];
    for (int32_t j = 0; j < n; j++) {
        d->share[j] /= sum;
        /* rank 0 is the largest */
        d->leverage[j] = hi - (hi - lo) * (n > 1 ? (double)j / (double)(n - 1) : 0.0);
        /* State-owned developers, spread evenly over the sizes (golden-ratio
         * sequence): low leverage, and their banks always roll over. */
        const double u = fmod((double)(j + 1) * 0.6180339887498949, 1.0);
        d->state_owned[j] = u < e->param[P_state_developer_share];
        if (d->state_owned[j])
            d->leverage[j] = lo;
        d->bank[j] = j % N_BANKS_NATIONAL;
    }
    return YF_OK;
}

void developers_free(economy *e)
{
    developers *d = &e->dv;
    double *p[] = {d->share,           d->leverage,  d->homes_building,
                   d->inventory_homes, d->sales_12m, d->weight};
    for (size_t k = 0; k < sizeof p / sizeof *p; k++)
        yf_mem_free(p[k]);
    yf_mem_free(d->defaulted);
    yf_mem_free(d->bank);
    yf_mem_free(d->state_owned);
    yf_mem_free(d->amount);
    yf_mem_free(d->amount2);
}

void developers_weights(economy *e, int by)
{
    developers *d = &e->dv;
    double sum = 0.0;
    for (int32_t j = 0; j < d->n; j++) {
        double w = 0.0;
        if (!d->defaulted[j])
            w = by == DEV_BY_BUILDING ? d->homes_building[j]
                : by == DEV_BY_UNSOLD ? yf_fmax(0.0, d->inventory_homes[j] - d->homes_building[j])
                                      : d->share[j];
        sum += d->weight[j] = w;
    }
    if (sum > 0.0)
        return;
    /* nothing of that kind: fall back on market shares of the active ones */
    for (int32_t j = 0; j < d->n; j++)
        d->weight[j] = d->defaulted[j] ? 0.0 : d->share[j];
}

static double active_weight_sum(const developers *d)
{
    double s = 0.0;
    for (int32_t j = 0; j < d->n; j++)
        s += d->weight[j];
    return s;
}

/* Local governments pay land_compensation_share of the land revenue to the
 * households of the city whose land and homes were requisitioned (poorer
 * households more: weight 1 - income rank). */
static yf_status compensate_land(economy *e)
{
    households *h = &e->hh;
    cities *ci = &e->ci;
    double *rank_sum = ci->deposits; /* scratch */
    for (int32_t c = 0; c < ci->n; c++)
        rank_sum[c] = 0.0;
    for (int32_t k = 0; k < h->n; k++)
        rank_sum[h->city[k]] += 1.0 - h->rank[k];
    const double share = e->param[P_land_compensation_share];
    for (int32_t k = 0; k < h->n; k++) {
        const int32_t c = h->city[k];
        const double w = rank_sum[c] > 0.0 ? (1.0 - h->rank[k]) / rank_sum[c] : 0.0;
        h->amount[k] = (int64_t)floor(share * (double)e->city_amount[c] * w);
    }
    for (int32_t c = 0; c < ci->n; c++)
        e->city_amount[c] = 0;
    for (int32_t k = 0; k < h->n; k++)
        e->city_amount[h->city[k]] += h->amount[k];
    yf_status st = ledger_pay_many(e->L, F_LAND_SALES, LG, e->city_amount, HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "land compensation");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    return YF_OK;
}

double developers_active_share(const economy *e)
{
    double s = 0.0;
    for (int32_t j = 0; j < e->dv.n; j++)
        s += e->dv.defaulted[j] ? 0.0 : e->dv.share[j];
    return s;
}

/* Weights of the developers buying land this month: active ones by market
 * share, except that a private developer above the leverage cap (banks lend
 * it nothing new) buys only what its cash pays for. `bill` is the cost of all
 * the planned starts' land. Returns the share of that land bought. */
static double land_buyers(economy *e, double bill)
{
    developers *d = &e->dv;
    developers_weights(e, DEV_BY_SHARE);
    const double active = active_weight_sum(d);
    if (!(active > 0.0))
        return 0.0;
    const double cap = e->param[P_red_line_leverage];
    const int64_t *inventory = ledger_positions(e->L, I_LAND_AND_INVENTORY, DEV);
    const int64_t *loans = ledger_positions(e->L, I_DEVELOPER_LOANS, DEV);
    const int64_t *cash = ledger_positions(e->L, I_DEPOSITS, DEV);
    for (int32_t j = 0; j < d->n; j++) {
        const double want = bill * d->weight[j] / active;
        if (d->state_owned[j] || want <= 0.0 ||
            -(double)loans[j] <= cap * yf_fmax(0.0, (double)inventory[j]))
            continue;
        d->weight[j] *= yf_fmin(1.0, yf_fmax(0.0, (double)cash[j]) / want);
    }
    return active_weight_sum(d) / active;
}

/* Land for this month's starts, bought from each city's local government by
 * the developers that can finance it: the starts planned for the others are
 * not made. */
static yf_status buy_land(economy *e)
{
    developers *d = &e->dv;
    cities *ci = &e->ci;
    double bill = 0.0;
    for (int32_t c = 0; c < ci->n; c++)
        bill += ci->starts[c] * ci->land_value[c];
    const double able = land_buyers(e, bill);
    const double active = active_weight_sum(d);
    const int lag = (int)yf_fmin(HOUSING_MAX_LAG, yf_fmax(1.0, e->param[P_construction_months]));
    double starts = 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        ci->starts[c] *= able;
        if (!economy_yuan(e, floor(ci->starts[c] * ci->land_value[c]), "land purchases",
                          &e->city_amount[c]))
            return YF_ERR_NUMERIC;
        PIPE(c, (e->month + lag) % HOUSING_MAX_LAG) += ci->starts[c];
        starts += ci->starts[c];
    }
    const int64_t total = economy_sum(e->city_amount, ci->n);
    if (!economy_split(e, total, d->weight, d->n, d->amount, "land purchases"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_buy_tangible_many(e->L, F_LAND_SALES, I_LAND_AND_INVENTORY, DEV,
                                            d->amount, LG, e->city_amount);
    if (st != YF_OK)
        return economy_post(e, st, "land sales");
    for (int32_t j = 0; j < d->n && active > 0.0; j++) {
        d->homes_building[j] += starts * d->weight[j] / active;
        d->inventory_homes[j] += starts * d->weight[j] / active;
    }
    e->homes_started = starts;
    e->flow_land_revenue = (double)total;
    e->flow_local_revenue += (double)total;
    return compensate_land(e);
}

/* Completed homes leave the developers' projects (they stay in inventory until sold). */
static void complete_projects(economy *e)
{
    developers *d = &e->dv;
    developers_weights(e, DEV_BY_BUILDING);
    const double sum = active_weight_sum(d);
    double building = 0.0;
    for (int32_t j = 0; j < d->n; j++)
        building += d->defaulted[j] ? 0.0 : d->homes_building[j];
    const double done = yf_fmin(e->homes_completed, building);
    for (int32_t j = 0; j < d->n && sum > 0.0; j++)
        d->homes_building[j] = yf_fmax(0.0, d->homes_building[j] - done * d->weight[j] / sum);
}

/* Construction of the homes in progress, bought from construction firms as delivered. */
static yf_status build(economy *e)
{
    developers *d = &e->dv;
    firms *f = &e->fi;
    developers_weights(e, DEV_BY_BUILDING);
    const double spend = e->plan_residential * e->ind[IND_CONSTRUCTION].rationing;
    if (!economy_apportion(e, spend, d->weight, d->n, d->amount, "residential construction"))
        return YF_ERR_NUMERIC;
    const int64_t total = economy_sum(d->amount, d->n);
    double by_industry[N_INDUSTRIES] = {0};
    by_industry[IND_CONSTRUCTION] = 1.0;
    firms_receipt_weights(e, by_industry);
    if (!economy_split(e, total, f->weight, f->n, f->amount, "residential construction"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_buy_tangible_many(e->L, F_RESIDENTIAL_CONSTRUCTION, I_LAND_AND_INVENTORY,
                                            DEV, d->amount, FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "residential construction");
    for (int32_t k = 0; k < f->n; k++)
        f->revenue[k] += (double)f->amount[k];
    e->flow_residential = (double)total;
    e->flow_investment += (double)total;
    return YF_OK;
}

static yf_status pay_interest(economy *e)
{
    developers *d = &e->dv;
    const int64_t *loans = ledger_positions(e->L, I_DEVELOPER_LOANS, DEV);
    const double rate = yf_fmax(0.0, e->m.loan_rate) / 12.0;
    int64_t by_bank[16] = {0};
    for (int32_t j = 0; j < d->n; j++) {
        /* defaulted developers pay nothing: their loans are bad loans */
        d->amount[j] = d->defaulted[j] ? 0 : (int64_t)floor(rate * (double)-loans[j]);
        by_bank[d->bank[j]] += d->amount[j];
    }
    yf_status st = ledger_pay_many(e->L, F_INTEREST_DEVELOPER_LOANS, DEV, d->amount, BANK, by_bank);
    if (st != YF_OK)
        return economy_post(e, st, "interest on developer loans");
    /* Dollar bonds pay the Fed funds rate plus dollar_bond_spread, abroad (the
     * PBOC sells the dollars: a current-account outflow). */
    const int64_t *bonds = ledger_positions(e->L, I_FOREIGN_LIABILITIES, DEV);
    const double usd_rate =
        yf_fmax(0.0, e->world.fed_funds[e->month] + e->param[P_dollar_bond_spread]) / 12.0;
    for (int32_t j = 0; j < d->n; j++) {
        const int64_t x = d->defaulted[j] ? 0 : (int64_t)floor(usd_rate * (double)-bonds[j]);
        if (x <= 0)
            continue;
        st = ledger_pay(e->L, F_INTEREST_FOREIGN_LIABILITIES, ledger_acct(DEV, j),
                        ledger_acct(ROW, 0), x);
        if (st != YF_OK)
            return economy_post(e, st, "interest on developer dollar bonds");
        e->flow_fx_usd -= (double)x / e->m.usdcny;
    }
    return YF_OK;
}

static yf_status borrow(economy *e, int32_t j, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st = ledger_exchange(e->L, I_DEVELOPER_LOANS, ledger_acct(DEV, j),
                                   ledger_acct(BANK, e->dv.bank[j]), x);
    return economy_post(e, st, "developer loans");
}

static yf_status repay(economy *e, int32_t j, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st = ledger_exchange(e->L, I_DEVELOPER_LOANS, ledger_acct(BANK, e->dv.bank[j]),
                                   ledger_acct(DEV, j), x);
    return economy_post(e, st, "developer loan repayments");
}

/* Dollar bonds sold abroad: the dollars are sold to the PBOC (a capital inflow). */
static yf_status sell_dollar_bonds(economy *e, int32_t j, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st =
        ledger_exchange(e->L, I_FOREIGN_LIABILITIES, ledger_acct(DEV, j), ledger_acct(ROW, 0), x);
    e->flow_capital_usd += (double)x / e->m.usdcny;
    return economy_post(e, st, "developer dollar bonds");
}

static yf_status redeem_dollar_bonds(economy *e, int32_t j, int64_t x)
{
    if (x <= 0)
        return YF_OK;
    yf_status st =
        ledger_exchange(e->L, I_FOREIGN_LIABILITIES, ledger_acct(ROW, 0), ledger_acct(DEV, j), x);
    e->flow_capital_usd -= (double)x / e->m.usdcny;
    return economy_post(e, st, "developer dollar bond repayments");
}

/* New borrowing: dollar_bond_share of it in dollar bonds, the rest from the bank. */
static yf_status raise_debt(economy *e, int32_t j, int64_t x)
{
    const int64_t usd = (int64_t)floor(e->param[P_dollar_bond_share] * (double)x);
    yf_status st = sell_dollar_bonds(e, j, usd);
    return st != YF_OK ? st : borrow(e, j, x - usd);
}

/* Repayment of x, shared between dollar bonds and bank loans as the debt is. */
static yf_status pay_down_debt(economy *e, int32_t j, int64_t x, double bond_share)
{
    const int64_t usd = (int64_t)floor(bond_share * (double)x);
    yf_status st = redeem_dollar_bonds(e, j, usd);
    return st != YF_OK ? st : repay(e, j, x - usd);
}

/* Stall a defaulted developer's projects: its share of every city's pipeline. */
static void stall_projects(economy *e, int32_t j)
{
    developers *d = &e->dv;
    cities *ci = &e->ci;
    double building = 0.0;
    for (int32_t i = 0; i < d->n; i++)
        if (!d->defaulted[i] || i == j)
            building += d->homes_building[i];
    const double f = building > 0.0 ? d->homes_building[j] / building : 0.0;
    for (int32_t c = 0; c < ci->n; c++) {
        double stalled = 0.0;
        for (int k = 0; k < HOUSING_MAX_LAG; k++) {
            stalled += f * PIPE(c, k);
            PIPE(c, k) *= 1.0 - f;
        }
        ci->stalled[c] += stalled;
        ci->stalled_presold[c] += f * ci->presold[c];
        ci->presold[c] *= 1.0 - f;
    }
}

/* Buyers' losses on a defaulted developer's presale claims, spread over the
 * holders of claims in proportion to their holdings. */
static yf_status destroy_claims(economy *e, int32_t j)
{
    households *h = &e->hh;
    const int64_t owed = -ledger_position(e->L, I_PRESALE_CLAIMS, ledger_acct(DEV, j));
    const double loss = e->param[P_presale_loss_share] * (double)owed;
    const int64_t *claims = ledger_positions(e->L, I_PRESALE_CLAIMS, HH);
    double held = 0.0;
    for (int32_t k = 0; k < h->n; k++)
        held += (double)claims[k];
    if (held <= 0.0 || loss <= 0.0)
        return YF_OK;
    const double f = yf_fmin(1.0, loss / held);
    double lost = 0.0;
    /* Each holder's loss (a negative change, in the scratch hh.amount), posted
     * for all households at once. */
    for (int32_t k = 0; k < h->n; k++) {
        const int64_t x = (int64_t)floor(f * (double)claims[k]);
        h->amount[k] = x > 0 ? -x : 0;
        if (x > 0)
            lost += (double)x;
    }
    yf_status st = ledger_revalue_each(e->L, I_PRESALE_CLAIMS, HH, h->amount, ledger_acct(DEV, j));
    if (st != YF_OK)
        return economy_post(e, st, "presale losses");
    e->flow_presale_losses += lost;
    return YF_OK;
}

static yf_status default_on(economy *e, int32_t j)
{
    developers *d = &e->dv;
    const ledger_account dev = ledger_acct(DEV, j);
    /* The bank turns the overdraft into a loan before writing part of it off. */
    const int64_t deposits = ledger_position(e->L, I_DEPOSITS, dev);
    yf_status st = borrow(e, j, -deposits);
    if (st != YF_OK)
        return st;
    stall_projects(e, j);
    if ((st = destroy_claims(e, j)) != YF_OK)
        return st;
    const int64_t loans = -ledger_position(e->L, I_DEVELOPER_LOANS, dev);
    const int64_t loss = (int64_t)floor(e->param[P_loan_loss_share] * (double)loans);
    if (loss > 0 && (st = ledger_revalue(e->L, I_DEVELOPER_LOANS, ledger_acct(BANK, d->bank[j]),
                                         dev, -loss)) != YF_OK)
        return economy_post(e, st, "developer loan write-off");
    e->flow_loan_losses += (double)loss;
    /* Foreign bondholders lose the same share of the dollar bonds. */
    const int64_t bonds = -ledger_position(e->L, I_FOREIGN_LIABILITIES, dev);
    const int64_t bond_loss = (int64_t)floor(e->param[P_loan_loss_share] * (double)bonds);
    if (bond_loss > 0 && (st = ledger_revalue(e->L, I_FOREIGN_LIABILITIES, ledger_acct(ROW, 0), dev,
                                              -bond_loss)) != YF_OK)
        return economy_post(e, st, "developer dollar bond write-off");
    d->defaulted[j] = e->month + 1;
    e->defaults_month += 1.0;
    return YF_OK;
}

/* Bank credit to each active developer, then defaults of those left short. */
static yf_status credit(economy *e)
{
    developers *d = &e->dv;
    const double months = e->param[P_developer_loan_months];
    const double cap = e->param[P_red_line_leverage];
    for (int32_t j = 0; j < d->n; j++) {
        if (d->defaulted[j])
            continue;
        const ledger_account dev = ledger_acct(DEV, j);
        const double inventory = (double)ledger_position(e->L, I_LAND_AND_INVENTORY, dev);
        const double loans = (double)-ledger_position(e->L, I_DEVELOPER_LOANS, dev);
        const double bonds = (double)-ledger_position(e->L, I_FOREIGN_LIABILITIES, dev);
        const double debt = loans + bonds;
        const double target = yf_fmin(d->leverage[j], cap) * yf_fmax(0.0, inventory);
        const bool stressed =
            !d->state_owned[j] && d->sales_12m[j] < e->param[P_rollover_stress] * debt;
        double net = target - debt;
        if (stressed)
            net = -debt / months; /* no rollover */
        else if (net < 0.0)
            net = yf_fmax(net, -debt / months);
        yf_status st =
            net > 0.0 ? raise_debt(e, j, (int64_t)floor(net))
                      : pay_down_debt(e, j, (int64_t)floor(-net), debt > 0.0 ? bonds / debt : 0.0);
        if (st != YF_OK)
            return st;
        const int64_t deposits = ledger_position(e->L, I_DEPOSITS, dev);
        if (deposits >= 0)
            continue;
        /* Short of cash: an overdraft if the bank still lends, else default. */
        /* Under the leverage rules banks bridge at most a month of sales. */
        const bool refused =
            !d->state_owned[j] && (stressed || (debt > cap * yf_fmax(0.0, inventory) &&
                                                (double)-deposits > d->sales_12m[j] / 12.0));
        st = refused ? default_on(e, j) : borrow(e, j, -deposits);
        if (st != YF_OK)
            return st;
    }
    return YF_OK;
}

/* Cash beyond three months of sales is paid out to the shareholders (households,
 * by equity weight): developers run on thin cash, as the large ones did. */
static yf_status pay_dividends(economy *e)
{
    developers *d = &e->dv;
    households *h = &e->hh;
    const int64_t *dep = ledger_positions(e->L, I_DEPOSITS, DEV);
    for (int32_t j = 0; j < d->n; j++) {
        const double spare = (double)dep[j] - 0.25 * d->sales_12m[j];
        d->amount[j] = d->defaulted[j] || spare <= 0.0 ? 0 : (int64_t)floor(0.5 * spare);
    }
    const int64_t total = economy_sum(d->amount, d->n);
    if (!economy_split(e, total, h->equity_weight, h->n, h->amount, "developer dividends"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_many(e->L, F_DIVIDENDS, DEV, d->amount, HH, h->amount);
    if (st != YF_OK)
        return economy_post(e, st, "developer dividends");
    for (int32_t k = 0; k < h->n; k++)
        h->income[k] += (double)h->amount[k];
    return YF_OK;
}

/* Default risk as buyers see it: the market share of the developers that
 * defaulted within the last default_memory_months. */
static double default_risk(const economy *e)
{
    const developers *d = &e->dv;
    const double memory = e->param[P_default_memory_months];
    double r = 0.0;
    for (int32_t j = 0; j < d->n; j++)
        if (d->defaulted[j] && e->month + 1 - d->defaulted[j] < memory)
            r += d->share[j];
    return r;
}

static void count_bad_loans(economy *e)
{
    const developers *d = &e->dv;
    const int64_t *loans = ledger_positions(e->L, I_DEVELOPER_LOANS, DEV);
    double bad = 0.0;
    for (int32_t j = 0; j < d->n; j++)
        if (d->defaulted[j])
            bad += (double)-loans[j];
    e->bad_loans = bad;
}

yf_status developers_finance(economy *e)
{
    e->defaults_month = e->flow_presale_losses = e->flow_loan_losses = 0.0;
    complete_projects(e);
    yf_status st;
    if ((st = buy_land(e)) != YF_OK || (st = build(e)) != YF_OK ||
        (st = pay_interest(e)) != YF_OK || (st = credit(e)) != YF_OK ||
        (st = pay_dividends(e)) != YF_OK)
        return st;
    e->default_risk = default_risk(e);
    count_bad_loans(e);
    return YF_OK;
}
