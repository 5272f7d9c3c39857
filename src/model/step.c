/*
 * step.c: one month of the China model, in the order of DESIGN.md section 2
 * (docs/architecture.md walks the same list):
 *
 *   1 policy events due this month              policy_apply
 *   2 the outside world                          world_update
 *     births, deaths, migration between cities   demography_update
 *   3 plans, production, prices, employment      households_plan, government_plan,
 *                                                firms_plan_investment, goods_market_clear,
 *                                                labour_market_clear
 *   4 incomes: wages, transfers, interest,       firms_pay_wages_and_dividends,
 *     dividends, income tax, mortgage service    government_pay_households,
 *                                                banks_pay_interest, households_pay_taxes,
 *                                                housing_service_mortgages
 *   5 consumption (consumer credit: the draws    consumer_credit_plan (with the plans),
 *     are planned with it, service and new       consumer_credit_lend, households_consume
 *     loans come before it)
 *   6 investment (construction of capital)       firms_invest
 *     housing: sales, deliveries, mortgages      housing_plan (with the plans), housing_transact
 *     developers: land, construction, credit     developers_finance
 *     LGFVs, local bonds, swaps, resettlement    local_finance_plan, local_finance
 *   7 credit                                     credit_lend_and_repay
 *   8 external accounts and the PBOC             world_trade_and_capital, pboc_operate
 *   9 government budgets and bonds               government_budget, credit_close_month
 *  10 the close: house prices and revaluations,  housing_set_prices,
 *     exact invariants, series                   ledger_close_step, series_record
 *
 * Prices and the wage set at the end of a month are next month's.
 */
#include <stdio.h>
#include <string.h>

#include "model/economy.h"
#include "model/guards.h"
#include "model/technology.h"

static void reset_flows(economy *e)
{
    e->flow_consumption = e->flow_government = e->flow_investment = 0.0;
    e->flow_exports = e->flow_imports = e->flow_wages = e->flow_public_wages = 0.0;
    e->flow_income_households = e->flow_deficit = 0.0;
    e->flow_fx_usd = e->flow_capital_usd = e->flow_interest_fx = e->flow_pit = 0.0;
    e->flow_central_revenue = e->flow_local_revenue = e->flow_benefits = 0.0;
}

static yf_status payments(economy *e, int m)
{
    yf_status st;
    if ((st = firms_pay_wages_and_dividends(e)) != YF_OK ||
        (st = government_pay_households(e)) != YF_OK || (st = banks_pay_interest(e)) != YF_OK ||
        (st = households_pay_taxes(e)) != YF_OK || (st = housing_service_mortgages(e)) != YF_OK ||
        (st = consumer_credit_lend(e)) != YF_OK || (st = households_consume(e)) != YF_OK ||
        (st = firms_invest(e)) != YF_OK || (st = emerging_pay(e)) != YF_OK ||
        (st = housing_transact(e)) != YF_OK || (st = developers_finance(e)) != YF_OK ||
        (st = local_finance(e)) != YF_OK || (st = credit_lend_and_repay(e)) != YF_OK ||
        (st = world_trade_and_capital(e)) != YF_OK || (st = pboc_operate(e, m)) != YF_OK ||
        (st = government_budget(e)) != YF_OK || (st = emerging_exit(e)) != YF_OK ||
        (st = credit_close_month(e)) != YF_OK)
        return st;
    return YF_OK;
}

static yf_status one_month(economy *e, int m)
{
    reset_flows(e);
    policy_apply(e, m);
    world_update(e, m);
    demography_update(e, m);
    households_plan(e);
    consumer_credit_plan(e);
    housing_plan(e, m);
    local_finance_plan(e);
    emerging_plan(e); /* before government_plan: the subsidies it plans */
    government_plan(e);
    firms_plan_investment(e);
    labour_force_update(e, m);
    goods_market_clear(e);
    labour_market_clear(e);
    yf_status st = payments(e, m);
    if (st != YF_OK)
        return st;
    goods_set_prices(e);
    technology_update(e, m);
    labour_set_wage(e, m);
    if ((st = housing_set_prices(e)) != YF_OK)
        return st;
    st = ledger_close_step(e->L, &e->snapshot);
    if (st != YF_OK) {
        char month[16];
        economy_month_label(e, m, month, sizeof month);
        snprintf(e->msg, sizeof e->msg, "%s: the month does not close: %s", month,
                 ledger_message(e->L));
        return st;
    }
    series_record(e, m);
    macro_state *s = &e->m;
    s->usdcny_ring[m % 12] = s->usdcny;
    s->usdcny_lag12 = m >= 11 ? s->usdcny_ring[(m + 1) % 12] : e->world.usdcny[0];
    return YF_OK;
}

yf_status economy_run(economy *e, int months)
{
    e->msg[0] = '\0';
    for (int n = 0; n < months && e->month < e->size.n_months; n++) {
        yf_status st = guards_after_month(e, e->month, one_month(e, e->month));
        if (st != YF_OK)
            return st;
        e->month++;
    }
    return YF_OK;
}
