/*
 * households.c: household consumption, saving and income tax (DESIGN.md 4,
 * "Households"; docs/model.md 3.1).
 *
 * Household k (income rank r_k, skill s_k) plans its consumption from its
 * expected disposable income YDe_k and its net wealth V_k:
 *
 *   C_k = c1_k YDe_k + c2 max(0, V_k)
 *   c1_k = [c1_bottom - (c1_bottom - c1_top) r_k] * max(0.05, 1 - precaution (ue - u_ref))
 *
 * so poorer households spend a larger share of their income (a shift of income
 * to the top lowers demand) and everyone saves more when expected unemployment
 * ue is high. Realised consumption is the plan scaled by the delivery rate of
 * consumer goods, and never more than the household's deposits. Expectations
 * adapt to income net of what inflation takes from money holdings (Haig-Simons
 * income, Godley and Lavoie 2007 ch. 10):
 *
 *   YDe += speed (YD - pi/12 M - YDe),
 *
 * M the household's deposits less its debts, pi inflation over twelve months.
 * Without this, a rate rise that only compensates for inflation would look like
 * extra income and raise demand; with it, inflation itself cools spending.
 * Agents stand for equal shares of the labour force, and every rule is a share
 * of the agent's group, so results do not depend on the agent count (DESIGN 1.7).
 */
#include <math.h>

#include "core/core.h"
#include "core/parallel.h"
#include "model/economy.h"
#include "model/industries.h"

/* Net financial wealth of every household (homes are counted apart). Each
 * household's sum runs over the instruments in the same order on any thread. */
static void net_wealth(const economy *e, double *out)
{
    const int32_t n = e->hh.n;
    const int64_t *pos[N_CHINA_INSTRUMENTS];
    int held = 0;
    for (int i = 0; i < N_CHINA_INSTRUMENTS; i++) {
        const int64_t *p = ledger_positions(e->L, i, HH);
        if (p && i != I_HOUSING)
            pos[held++] = p;
    }
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        double v = 0.0;
        for (int i = 0; i < held; i++)
            v += (double)pos[i][k];
        out[k] = v;
    }
}

void households_plan(economy *e)
{
    households *h = &e->hh;
    const double c1_bottom = e->param[P_c1_bottom], c1_top = e->param[P_c1_top];
    /* Falling house prices over the last year add to precautionary saving. */
    const double price_fall =
        e->month >= 12
            ? yf_fmax(0.0, 1.0 - housing_price_index(e) / e->house_price_ring[e->month % 12])
            : 0.0;
    const double caution = yf_fmax(
        0.05, 1.0 -
                  e->param[P_precaution] * (e->m.unemployment_expected - e->param[P_u_reference]) -
                  e->param[P_housing_precaution] * price_fall);
    const double c2 = e->param[P_c2_wealth], c2h = e->param[P_c2_housing];
    const int64_t *homes = ledger_positions(e->L, I_HOUSING, HH);
    net_wealth(e, h->weight);
    const int32_t n = h->n;
    const yf_blocks b = yf_blocks_of(n);
    double partial[YF_MAX_BLOCKS];
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t j = 0; j < b.count; j++) {
        double total = 0.0;
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            double c1 = (c1_bottom - (c1_bottom - c1_top) * h->rank[k]) * caution;
            h->consumption_plan[k] = c1 * h->income_expected[k] + c2 * yf_fmax(0.0, h->weight[k]) +
                                     c2h * (double)homes[k];
            total += h->consumption_plan[k];
            h->income[k] = 0.0;
            h->wage_income[k] = 0.0;
        }
        partial[j] = total;
    }
    e->plan[D_CONSUMPTION] = yf_sum_blocks(partial, b.count);
}

void households_wage_weights(economy *e)
{
    households *h = &e->hh;
    const int32_t n = h->n;
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++)
        h->weight[k] = h->employed[k] * h->skill[k];
}

/* Household k's income tax in yuan, whole (*total) and central (*central_part);
 * false, with the message in e->msg, if either is not a usable amount. Writes
 * e->msg only on failure, so that many households can run it at once. */
static bool income_tax_of(
    economy *e, int32_t k, double allowance, double central, int64_t *total, int64_t *central_part)
{
    const double tax = e->param[P_pit_rate] * yf_fmax(0.0, e->hh.wage_income[k] - allowance);
    return economy_yuan(e, tax, "personal income tax", total) &&
           economy_yuan(e, floor(tax * central), "central income tax", central_part);
}

/*
 * Personal income tax on this month's wages above the allowance,
 *   PIT_k = pit_rate max(0, W_k - allowance * w * workers),
 * the central share to the central government, the rest to the household's city.
 */
yf_status households_pay_taxes(economy *e)
{
    households *h = &e->hh;
    const double allowance =
        e->param[P_pit_allowance] * e->m.wage * economy_workers_per_household(e);
    const double central = e->m.income_tax_central_share;
    const int32_t n = h->n;
    /* The first household whose tax is not a usable amount (n if none): the
     * smallest index, whichever thread found it. */
    int32_t first_bad = n;
#pragma omp parallel for schedule(static) reduction(min : first_bad) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        int64_t total;
        const double tax = e->param[P_pit_rate] * yf_fmax(0.0, h->wage_income[k] - allowance);
        if (!(tax >= 0.0) || !money_from_double(tax, &total) ||
            !money_from_double(floor(tax * central), &h->amount[k]) || h->amount[k] < 0) {
            first_bad = k < first_bad ? k : first_bad;
            continue;
        }
        h->amount2[k] = total - h->amount[k];
        h->income[k] -= (double)total;
    }
    if (first_bad < n) { /* the message, from one thread */
        int64_t whole, part;
        (void)income_tax_of(e, first_bad, allowance, central, &whole, &part);
        return YF_ERR_NUMERIC;
    }
    for (int32_t c = 0; c < e->size.cities; c++)
        e->city_amount[c] = 0;
    for (int32_t k = 0; k < n; k++) /* an integer scatter: exact in any order, kept on one thread */
        e->city_amount[h->city[k]] += h->amount2[k];
    yf_status st = ledger_pay_from_each(e->L, F_PERSONAL_INCOME_TAX, HH, h->amount,
                                        ledger_acct(CG, 0));
    if (st == YF_OK)
        st = ledger_pay_many(e->L, F_PERSONAL_INCOME_TAX, HH, h->amount2, LG, e->city_amount);
    if (st != YF_OK)
        return economy_post(e, st, "personal income tax");
    const double central_paid = (double)economy_sum(h->amount, h->n);
    const double local_paid = (double)economy_sum(e->city_amount, e->size.cities);
    e->flow_central_revenue += central_paid;
    e->flow_local_revenue += local_paid;
    e->flow_pit = central_paid + local_paid;
    return YF_OK;
}

/* Instruments fixed in yuan that households hold or owe: inflation erodes them. */
static const int monetary_instruments[] = {I_DEPOSITS, I_MORTGAGES, I_CONSUMER_LOANS,
                                           I_PRESALE_CLAIMS};

/* Each household's loss of purchasing power this month on its money holdings
 * net of debts (negative for a net debtor, who gains), into out. */
static void inflation_loss(const economy *e, double *out)
{
    const double monthly = economy_inflation_12m(e) / 12.0;
    const int32_t n = e->hh.n;

    enum { N_MONETARY = sizeof monetary_instruments / sizeof *monetary_instruments };

    const int64_t *pos[N_MONETARY];
    int held = 0;
    for (int i = 0; i < N_MONETARY; i++) {
        const int64_t *p = ledger_positions(e->L, monetary_instruments[i], HH);
        if (p)
            pos[held++] = p;
    }
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++) {
        double v = 0.0;
        for (int i = 0; i < held; i++)
            v += monthly * (double)pos[i][k];
        out[k] = v;
    }
}

/* The share of planned consumption that firms could deliver this month. */
static double delivery_rate(const economy *e)
{
    double r = 0.0;
    for (int s = 0; s < N_INDUSTRIES; s++)
        r += e->demand_share[s][D_CONSUMPTION] * e->ind[s].rationing;
    return r;
}

yf_status households_consume(economy *e)
{
    households *h = &e->hh;
    firms *f = &e->fi;
    const double delivered = delivery_rate(e);
    const int64_t *deposits = ledger_positions(e->L, I_DEPOSITS, HH);
    const int32_t n = h->n;
    const yf_blocks b = yf_blocks_of(n);
    double partial[YF_MAX_BLOCKS];
    int64_t spent = 0;
    int32_t first_bad = n; /* the first household whose consumption is not usable */
#pragma omp parallel for schedule(static) reduction(+ : spent) reduction(min : first_bad) \
    if (n >= YF_PARALLEL_MIN)
    for (int32_t j = 0; j < b.count; j++) {
        double income = 0.0;
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            double c = floor(
                yf_fmax(0.0, yf_fmin(h->consumption_plan[k] * delivered, (double)deposits[k])));
            if (!(c >= 0.0) || !money_from_double(c, &h->amount[k])) {
                first_bad = k < first_bad ? k : first_bad;
                h->amount[k] = 0;
            }
            spent += h->amount[k];
            income += h->income[k];
        }
        partial[j] = income;
    }
    if (first_bad < n) {
        const double c =
            yf_fmin(h->consumption_plan[first_bad] * delivered, (double)deposits[first_bad]);
        (void)economy_yuan(e, floor(yf_fmax(0.0, c)), "consumption", &h->amount[first_bad]);
        return YF_ERR_NUMERIC; /* the message is written, from one thread */
    }
    const double income = yf_sum_blocks(partial, b.count);
    for (int32_t j = 0; j < f->n; j++) {
        int s = f->industry[j];
        f->weight[j] =
            e->demand_share[s][D_CONSUMPTION] * e->ind[s].rationing * f->share[j];
    }
    if (!economy_split(e, spent, f->weight, f->n, f->amount, "consumption receipts"))
        return YF_ERR_NUMERIC;
    yf_status st = ledger_pay_many(e->L, F_CONSUMPTION, HH, h->amount, FIRM, f->amount);
    if (st != YF_OK)
        return economy_post(e, st, "consumption");
    for (int32_t j = 0; j < f->n; j++)
        f->revenue[j] += (double)f->amount[j];
    /* Expectations of disposable income adapt to this month's, net of inflation's
     * toll on money holdings. */
    const double speed = e->param[P_expectation_speed];
    inflation_loss(e, h->weight);
#pragma omp parallel for schedule(static) if (n >= YF_PARALLEL_MIN)
    for (int32_t k = 0; k < n; k++)
        h->income_expected[k] += speed * (h->income[k] - h->weight[k] - h->income_expected[k]);
    e->flow_consumption = (double)spent;
    e->flow_income_households = income;
    return YF_OK;
}
