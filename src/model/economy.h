/*
 * economy.h: the state of the China model and the monthly step (docs/model.md).
 *
 * One struct owns everything a run needs: the ledger (every stock of money),
 * the agents in structure-of-arrays form, industry and macro aggregates, the
 * world's exogenous paths and the output series. Agents refer to each other by
 * index. Everything is allocated in economy_new; nothing inside the step.
 *
 * The monthly step runs in the order of DESIGN.md section 2; each stage is a
 * function in its own module (src/policy, src/agents), called from step.c.
 */
#ifndef YF_MODEL_ECONOMY_H
#define YF_MODEL_ECONOMY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/core.h"
#include "data/data.h"
#include "ledger/ledger.h"
#include "model/params.h"

enum industry {
    IND_EXPORT,       /* export manufacturing */
    IND_DOMESTIC,     /* domestic manufacturing */
    IND_CONSTRUCTION, /* construction and materials */
    IND_SERVICES,
    IND_EMERGING, /* strategic emerging industries (incl. electric vehicles) */
    N_INDUSTRIES
};

/* Who buys: the demand components of GDP. */
enum demand { D_CONSUMPTION, D_GOVERNMENT, D_INVESTMENT, D_EXPORTS, N_DEMANDS };

enum { N_BANKS_NATIONAL = 5, N_TIERS = 5 }; /* city tiers 1, new 1, 2, 3, 4 */

/* Sizes of a run (scale parameters, not behaviour). */
typedef struct economy_size {
    int32_t households; /* household agents (default 100,000) */
    int32_t firms;      /* firm agents, spread over the industries (default 5,000) */
    int32_t cities;     /* cities, one local government and one LGFV each (default 300) */
    int start_year;     /* first month is January of this year (2000) */
    int n_months;       /* months to run (432: 2000-01 to 2035-12) */
    int32_t developers; /* property developers (0: the default, 500) */
} economy_size;

/* Households, one entry per agent; each agent stands for an equal share of the
 * labour force. Money lives in the ledger. */
typedef struct households {
    int32_t n;
    double *rank;            /* income percentile in (0, 1), fixed */
    double *skill;           /* wage per worker relative to the average (mean 1), fixed */
    double *equity_weight;   /* share of new equity and of the dividend, fixed (sums to 1) */
    double *exposure;        /* relative exposure to unemployment (mean 1), fixed */
    int32_t *city;           /* city index, fixed for now */
    int32_t *bank;           /* bank agent holding its deposits, fixed */
    double *consumption_plan;/* planned consumption this month, yuan */
    double *wage_income;     /* wages received this month, yuan */
    double *employed;        /* employed share of the agent's workers, this month */
    double *income_expected; /* expected disposable income, yuan per month */
    double *income;          /* disposable income this month, yuan */
    double *homes;           /* homes owned, new-home equivalents (valued at the city price) */
    double *weight;          /* scratch: apportioning weights */
    int64_t *amount;         /* scratch: yuan per agent for a posting */
    int64_t *amount2;        /* scratch: a second posting's yuan */
} households;

/* Firms: each firm is a fixed share of its industry's sales, labour and capital. */
typedef struct firms {
    int32_t n;
    int32_t *industry;     /* enum industry */
    double *share;         /* share of its industry (sums to 1 over the industry) */
    double *capital_real;  /* productive capital, real units (2000 yuan) */
    int32_t *bank;         /* bank agent holding its deposits and loans, fixed */
    double *profit;        /* profit after tax this month (paid out next month), yuan */
    double *revenue;       /* sales received this month, yuan */
    double *costs;         /* wages, imports, duties, interest this month, yuan */
    int64_t *investment_paid; /* capital bought this month, yuan (a share of it is borrowed) */
    double *weight;        /* scratch */
    int64_t *amount;       /* scratch */
    int64_t *amount2;      /* scratch */
} firms;

/* Industry aggregates (behaviour is computed at this level, then apportioned). */
typedef struct industry_state {
    double price;            /* price index, 2000 = 1 */
    double capital_real;     /* sum of its firms' capital, real */
    double productivity;     /* real output per worker per month */
    double demand_expected;  /* expected real demand per month */
    double demand_growth_expected; /* expected growth of real demand, per year */
    double output_expected;  /* smoothed real output per month (what was produced) */
    double output_growth_expected; /* smoothed growth of real output, per year (Verdoorn) */
    double demand[N_DEMANDS];/* nominal demand planned this month, yuan */
    double rationing;        /* delivered / demanded this month, <= 1 */
    double output;           /* real output this month */
    double sales;            /* nominal sales this month, yuan */
    double employment;       /* workers */
    double import_content;   /* share of sales paid abroad for inputs, this month */
    double utilisation;      /* output / capacity */
    double investment_share; /* investment over expected real demand (supermultiplier h) */
    double demand_pressure;  /* real demand / capacity, before any rationing */
    double capital_coefficient; /* capital per unit of capacity (real sales per month), fixed */
    double investment_real;  /* investment planned this month, real */
    double productivity0;    /* productivity in the first month */
} industry_state;

/* Longest construction lag the pipeline ring holds, months. */
enum { HOUSING_MAX_LAG = 48 };

/* Cities (structure of arrays): each has a tier, a housing market, a local
 * government (LG agent c) and a financing vehicle (LGFV agent c). Quantities of
 * homes are counted in new-home equivalents of 90 square metres. */
typedef struct cities {
    int32_t n;
    int32_t *tier;          /* 0 tier 1, 1 new tier 1, 2 tier 2, 3 tier 3, 4 tier 4 */
    double *income_factor;  /* household income relative to the national average (tier
                               and local building: model/demography.c) */
    double *settle;         /* share of new urban households settling here (migration) */
    double *households;     /* urban households living in the city */
    double *homes;          /* homes owned by households */
    double *investor_homes; /* of which bought by investors (mostly empty) */
    double *price;          /* price of a new home, yuan */
    double *price0;         /* the opening price (2000-01), yuan */
    double *price_ring;     /* n x 12: the price of the last 12 months */
    double *growth_expected;/* expected price growth, per year */
    double *affordability0; /* mortgage payment over income in the first month */
    double *pipeline;       /* n x HOUSING_MAX_LAG: homes completing in month m (ring by m) */
    double *presold;        /* homes under construction already sold off-plan */
    double *unsold;         /* completed homes the developers still hold */
    double *stalled;        /* homes of stalled projects (defaulted developers) */
    double *stalled_presold;/* of which already sold off-plan (buyers wait, claims unpaid) */
    double *delivered;      /* this month: off-plan homes completed and handed over */
    double *presold_before; /* this month: off-plan homes outstanding before delivery,
                               stalled ones included (each claim's chance of delivery) */
    double *sales_expected; /* smoothed homes sold per month */
    /* this month */
    double *demand;         /* homes wanted: owner-occupiers, investors, resettled */
    double *demand_investor;
    double *sales_presale, *sales_completed, *starts, *completions, *land_value;
    double *deposits;       /* scratch: households' deposits by city */
    /* demography (model/demography.c) */
    bool *rust_belt;        /* in the designated north-east rust-belt group, fixed */
    double *formation;      /* new urban households formed in the city this month */
    double *households_next;/* scratch: next month's households */
    double *income_tier;    /* the tier income factor (fixed); income_factor adds local
                               building activity to it each month */
} cities;

/* Property developers: each does a fixed share of the active developers'
 * business in every city (size heavy-tailed). Money lives in the ledger. */
typedef struct developers {
    int32_t n;
    double *share;          /* share of national activity while active (sums to 1) */
    double *leverage;       /* loans wanted per yuan of inventory */
    double *homes_building; /* homes under construction */
    double *inventory_homes;/* homes whose cost is in the inventory (building + unsold) */
    double *sales_12m;      /* sales receipts over the last 12 months, yuan (smoothed) */
    int32_t *defaulted;     /* month of default + 1, 0 if active */
    int32_t *bank;          /* lending bank */
    bool *state_owned;      /* owned by the state: low leverage, always rolled over */
    double *weight;         /* scratch */
    int64_t *amount, *amount2; /* scratch */
} developers;

/* Strategic emerging industries (agents/emerging.c, docs/industry.md): the
 * emerging industry's firm agents are slots that entrants fill and exits free;
 * an active firm's share of the industry is its capital times its fixed
 * competitiveness, over the active firms' sum. Inactive slots have share 0. */
typedef struct emerging_state {
    int32_t first, n_slots;   /* the industry's firm indices: first .. first + n_slots - 1 */
    bool *active;             /* per slot: in business */
    double *competitiveness;  /* per slot: sales per unit of capital relative to the mean, fixed */
    double *entry_capital;    /* per slot: capital bought on entry this month, real */
    int64_t *firm_amount;     /* scratch, one per firm agent: yuan for a posting */
    int64_t *household_amount;/* scratch, one per household: yuan for a posting */
    double entry_real;        /* capital entrants buy this month, real (sum of entry_capital) */
    int32_t n_active;         /* active firms (series firm_count) */
    double entry_pending;     /* expected entrants not yet entered (fractional accumulator) */
    double entries, exits;    /* this month */
    double return_expected;   /* expected net return on capital, per year (entry signal) */
    double subsidy_rate;      /* industrial subsidy per yuan of sales, this month */
    double subsidy_plan;      /* subsidies the centre expects to pay this month, yuan */
    double subsidy_flow;      /* subsidies paid this month, yuan */
    double loan_losses;       /* loans written off at exits this month, yuan */
    double equity_losses;     /* owners' equity written off at exits this month, yuan */
    double cumulative_output; /* real output since before 2000 (learning by doing) */
    double learning;          /* input saving from learning since 2000 (1 in 2000): labour
                                 and imported inputs per unit of output fall by this */
} emerging_state;

/* The macro state carried from month to month. */
typedef struct macro_state {
    double wage;              /* average wage, yuan per worker per month */
    double labour_force;      /* workers, total (data) */
    double rural_reserve;     /* of which surplus rural workers outside the money economy */
    double urban_labour_force;/* labour_force - rural_reserve: who looks for paid work */
    double unemployment;      /* fraction of the urban labour force */
    double labour_gap;        /* 1 - workers demand would need / urban labour force: the
                                 unemployment rate net of unfilled vacancies (below zero
                                 when demand needs more workers than there are) */
    double unemployment_expected;
    double inflation_expected;/* per year: anchored and adaptive parts together */
    double inflation_adaptive;/* per year: the part learnt from past inflation */
    double policy_rate;       /* per year */
    double deposit_rate, loan_rate, bond_rate; /* per year */
    double debt_service_share; /* interest on business loans at the loan rate over the last
                                  twelve months' GDP, as firms plan investment */
    double usdcny;            /* yuan per dollar (managed rate) */
    double usdcny_offset;     /* the usdcny_offset lever already in the managed rate */
    double usdcny_lag12;      /* a year ago, for expected depreciation */
    double usdcny_ring[12];   /* the managed rate of the last 12 months */
    double fx_reserves_usd;   /* PBOC reserves, dollars */
    double portfolio_position;/* residents' net private foreign funding from portfolio
                                 flows, yuan (a behavioural memory: the ledger holds the
                                 claims themselves) */
    double cpi;               /* consumer price index, 2000-01 = 1 */
    double cpi_lag12[12];     /* ring of the last 12 months */
    double gdp_ring[12];      /* nominal GDP of the last 12 months, yuan */
    double gdp_real_ring[12];
    double gdp_month, gdp_real_month;
    double wto_access;        /* market-access multiplier from WTO entry */
    double vat_central_share, income_tax_central_share;
    double stimulus_per_month;/* extra central spending on construction, yuan */
    double last_central_revenue; /* central tax revenue last month, yuan */
    double last_local_revenue;   /* local revenue last month, yuan */
    double productivity_growth;  /* smoothed growth of average productivity, per year */
    double wage0;                /* the first month's wage (real public output) */
    double tariff_china;         /* China's own tariff on imports, fraction */
    bool policy_rate_from_data, usdcny_from_data;
    /* Technology (model/technology.c): research by performer this month (yuan),
     * the knowledge pipeline and stock (real, 2000 yuan), growth of technology. */
    double rd_public, rd_private;  /* research spending this month, yuan */
    double rd_private_scale;       /* research per yuan of weighted expected sales (opening) */
    double rd_margin0, rd_margin_expected; /* firms' profit margin: opening, expected */
    double rd_pipeline, rd_stock;  /* research in gestation; knowledge stock (real) */
    double rd_stock_growth;        /* growth of the knowledge stock, per year */
    double rd_intensity;           /* knowledge stock over annual real GDP */
    double rd_weight0[N_INDUSTRIES]; /* opening output shares (productivity index weights) */
    double technology_growth;      /* growth of labour-augmenting technology, per year */
    double ga_output0, ga_capital0, ga_labour0; /* growth accounting: first month's Y, K, L */
    double ga_ring[12][3];         /* Y, K, L of the last 12 months */
    /* Trade war, Global-South lending, yuan invoicing (agents/world.c,
     * agents/global_south.c; docs/trade.md). */
    double gs_loans_usd;         /* the state's loans to the Global South, dollars */
    double gs_relieved_usd;      /* relieved Global-South debt whose service is still freed, dollars */
    double growth_expected;      /* expected real GDP growth, per year (what FDI answers to) */
    double rmb_invoicing_share;  /* share of goods trade settled in yuan */
    double export_share_dest[N_DESTINATIONS]; /* this month's share of export demand by destination */
    double fdi_inflow;           /* foreign direct investment received this month, yuan */
    double flow_interest_gs;     /* interest received on Global-South loans this month, yuan */
} macro_state;

/* A named output series, one value per month. */
typedef struct series {
    const char *name, *unit, *doc;
    double *values;
} series;

typedef struct economy {
    economy_size size;
    double param[N_MODEL_PARAMS];
    ledger *L;
    households hh;
    firms fi;
    cities ci;
    developers dv;
    industry_state ind[N_INDUSTRIES];
    macro_state m;
    world_path world;
    data_set *annual, *monthly, *gdp; /* the shipped data (owned) */
    data_set *demog;                  /* data/demography.csv (owned; model/demography.c) */
    int32_t n_banks;
    int month; /* months completed */
    double *city_weight;  /* population share of each city (sums to 1) */
    int64_t *city_amount; /* scratch: yuan per city */
    int32_t *city_bank;   /* bank of each local government */
    double *city_budget;  /* each city's planned purchases this month, yuan */
    double *city_transfer_weight; /* share of central transfers: more per head for smaller
                                   * (poorer) cities, fixed */
    double exports_usd_base;   /* exports in the first month, dollars per month */
    double export_demand_usd;  /* this month's export demand, dollars */
    double price_export0;      /* export price index in the first month */
    double foreign_growth_trend[N_DESTINATIONS]; /* smoothed year-on-year growth factor of
                                                     each destination's GDP (0: not yet known) */
    /* Plans of the month (yuan): set before production, used by the payments. */
    double plan[N_DEMANDS];
    double plan_public_wages_central, plan_benefits, plan_central_purchases;
    double lg_purchases, lg_wages;
    /* Flows of the month being built, yuan (for series and next month's rules). */
    double flow_consumption, flow_government, flow_investment, flow_exports, flow_imports;
    double flow_wages, flow_public_wages, flow_income_households, flow_deficit;
    double flow_fx_usd, flow_capital_usd, flow_interest_fx, flow_pit, flow_central_revenue;
    double flow_local_revenue, flow_benefits, flow_transfers;
    /* Housing and local finance this month (yuan unless said). */
    double plan_residential, plan_infrastructure_lgfv, plan_infrastructure_bonds;
    double plan_completion;   /* stalled off-plan homes completed with public money, this month */
    double flow_residential, flow_infrastructure, flow_land_revenue, flow_home_sales;
    double flow_presales, flow_resettlement, flow_presale_losses, flow_loan_losses;
    double homes_sold, homes_started, homes_completed; /* homes this month */
    double defaults_month;      /* developers defaulting this month */
    double default_risk;        /* share of activity by developers defaulted in the last year */
    double bad_loans;           /* loans of defaulted developers still on banks' books */
    double tier_price0[4];      /* tier price levels of the first month (tier series) */
    double flow_sales_completed;/* completed homes sold this month, yuan */
    double pay_factor0;         /* mortgage payment per yuan of price in the first month */
    double house_price_index0;  /* national price index in the first month (household weights) */
    double house_price_ring[12];/* national index over the last 12 months */
    int32_t *lgfv_bank;         /* bank of each LGFV */
    /* Industry dynamics (agents/emerging.c): entry, exit, subsidies, and the
     * demand shares of this month, which move as the emerging goods get cheaper
     * (industry_table holds those of 2000). */
    emerging_state em;
    double demand_share[N_INDUSTRIES][N_DEMANDS];
    int n_series;
    series *out;
    ledger_snapshot snapshot; /* the matrices of the last closed month */
    char msg[768];
} economy;

/* ---- lifecycle (economy.c) ------------------------------------------------ */

/* Build a run: load the data in `data_dir`, the world paths, the agents and the
 * opening balance sheet of January of size.start_year. `param` (N_MODEL_PARAMS
 * values, already range-checked; NULL for the defaults) is used from the opening
 * balance sheet on: parameters such as capital_output or rural_surplus shape the
 * opening state, so they must be set here, not after. */
YF_MUST_CHECK yf_status economy_new(economy **out,
                                    const economy_size *size,
                                    const char *data_dir,
                                    const double *param,
                                    yf_diag *diag);
void economy_free(economy *e);

/* Run `months` more months (to at most size.n_months). Stops at the first fault
 * with e->msg naming the month and what failed. */
YF_MUST_CHECK yf_status economy_run(economy *e, int months);

/* "2008-11" for month index m. */
void economy_month_label(const economy *e, int m, char *out, int out_size);

/* ---- the stages of the month, in the order of step.c ---------------------- */

void policy_apply(economy *e, int m);               /* policy/history.c */
void world_update(economy *e, int m);               /* agents/world.c */
void households_plan(economy *e);                   /* agents/households.c */
void housing_plan(economy *e, int m);               /* markets/housing.c */
void local_finance_plan(economy *e);                /* agents/local_finance.c */
void government_plan(economy *e);                   /* agents/government.c */
void firms_plan_investment(economy *e);             /* agents/firms.c */
void labour_force_update(economy *e, int m);        /* markets/labour.c */
void goods_market_clear(economy *e);                /* markets/goods.c */
void labour_market_clear(economy *e);               /* markets/labour.c */
yf_status firms_pay_wages_and_dividends(economy *e);/* agents/firms.c */
yf_status government_pay_households(economy *e);    /* agents/government.c */
yf_status banks_pay_interest(economy *e);           /* agents/banks.c */
yf_status households_pay_taxes(economy *e);         /* agents/households.c */
yf_status households_consume(economy *e);           /* agents/households.c */
yf_status firms_invest(economy *e);                 /* agents/firms.c */
yf_status credit_lend_and_repay(economy *e);        /* markets/credit.c */
/* Households' service of a debt they owe banks (mortgages, consumer loans),
 * before they consume: interest at monthly_rate, then principal_share of the
 * debt, together at most their deposits (interest first; principal they cannot
 * pay stays on the loan). Interest counts against disposable income; what was
 * paid is left in hh.amount (interest) and hh.amount2 (principal). */
yf_status credit_households_service(economy *e,
                                    int instrument,
                                    int interest_flow,
                                    double monthly_rate,
                                    double principal_share,
                                    const char *what);
yf_status world_trade_and_capital(economy *e);      /* agents/world.c */
/* Global-South lending, its interest, debt relief and yuan invoicing, before the
 * PBOC counts its reserves (agents/global_south.c, called by world.c). */
yf_status global_south_operate(economy *e, int m);
/* Dollars a month the debtor countries spend on China's goods out of the debt
 * service freed by relief (agents/global_south.c). */
double global_south_freed_spending_usd(const economy *e);
yf_status pboc_operate(economy *e, int m);          /* agents/pboc.c */
yf_status government_budget(economy *e);           /* agents/government.c */
yf_status credit_close_month(economy *e);           /* markets/credit.c */
yf_status housing_service_mortgages(economy *e);
/* Consumer credit (markets/consumer_credit.c): what households mean to borrow
 * and spend this month, added to their consumption plans; then, before they
 * consume, interest and principal on what they owe, and the new loans. */
void consumer_credit_plan(economy *e);
yf_status consumer_credit_lend(economy *e);
yf_status housing_transact(economy *e);             /* markets/housing.c */
yf_status developers_finance(economy *e);           /* agents/developers.c */
yf_status local_finance(economy *e);                /* agents/local_finance.c */
void goods_set_prices(economy *e);                  /* markets/goods.c */
yf_status housing_set_prices(economy *e);           /* markets/housing.c */
void labour_set_wage(economy *e, int m);            /* markets/labour.c */
void series_record(economy *e, int m);              /* model/series.c */

/* Apportioning weights shared by the payers to households and to firms. */
void households_wage_weights(economy *e); /* employed share x skill, into hh.weight */
/* f->weight[k] = by_industry[industry of k] * share of k (agents/firms.c). */
void firms_receipt_weights(economy *e, const double *by_industry);

/* ---- cities and developers (model/cities.c, agents/developers.c) ----------- */

/* Allocate and set the cities' fixed traits and opening housing market (data
 * for 2000: urban population, the price of a new home). */
YF_MUST_CHECK yf_status cities_init(economy *e, yf_diag *diag);
/* Opening housing, developers' inventories and loans, LGFV debt (month 1). */
YF_MUST_CHECK yf_status housing_open(economy *e);
void cities_free(economy *e);
/* Residential construction per month at the opening, yuan (opening demand). */
double housing_opening_construction(const economy *e);
YF_MUST_CHECK yf_status developers_init(economy *e);
void developers_free(economy *e);
/* Weights of the active developers into dv.weight: by homes being built
 * (DEV_BY_BUILDING: presales, deliveries, construction), by unsold homes
 * (DEV_BY_UNSOLD: completed sales), or by market share (DEV_BY_SHARE: land). */
enum { DEV_BY_BUILDING, DEV_BY_UNSOLD, DEV_BY_SHARE };
/* Market share of the developers that have not defaulted (0 when none is left). */
double developers_active_share(const economy *e);
void developers_weights(economy *e, int by);
/* National house price index (household-weighted, first month = 1). */
double housing_price_index(const economy *e);
/* Urban households this month: data on population and the urban share,
 * urbanisation_after_data after the data. */
double cities_urban_households(const economy *e, int m);
double cities_upgrade_need(const economy *e, int32_t c, int m);
/* Urban share of the population this month (data, then urbanisation_after_data). */
double cities_urban_share(const economy *e, int m);

/* ---- demography (model/demography.c) --------------------------------------- */

/* Allocate the demographic arrays and choose the rust-belt cities (from cities_init). */
YF_MUST_CHECK yf_status demography_init(economy *e);
void demography_free(economy *e);
/* Fractional calendar year of the middle of month m. */
double demography_year(const economy *e, int m);
/* Population at fractional year t: data, then the WPP 2024 medium projection. */
double demography_population(const economy *e, double t);
/* Working-age (15-64) population in month m: WDI data, then with the labour force. */
double demography_working_age(const economy *e, int m);
/* Households of each city this month: natural growth, movers, rural-urban
 * arrivals; city weights and new households by city follow (before housing_plan). */
void demography_update(economy *e, int m);
/* Rust-belt households; their household-weighted home price and their
 * disposable income this month (yuan) into the pointers. */
double demography_rust_belt(const economy *e, double *price_weighted, double *income);

/* ---- industry dynamics (agents/emerging.c) ---------------------------------- */

/* Allocate the emerging industry's slot arrays and open it with the incumbents
 * of 2000 (after firms_init, before the opening balance sheet). */
YF_MUST_CHECK yf_status emerging_init(economy *e);
void emerging_free(economy *e);
/* Before the plans: shares of the active firms, this month's demand shares,
 * the subsidy rate and the centre's subsidy plan, and entry. */
void emerging_plan(economy *e);
/* After investment: subsidies paid, entrants' equity sold to households. */
yf_status emerging_pay(economy *e);
/* Before the close (credit_close_month): exit of firms whose own funds turned
 * negative; their plants go to the surviving firms. */
yf_status emerging_exit(economy *e);

/* ---- helpers shared by the stages (economy.c, series.c) ------------------- */

double economy_gdp_12m(const economy *e);

/* Consumer price inflation over the twelve months to last month's close. */
double economy_inflation_12m(const economy *e);

/* Yuan price of a unit of imports (and of foreign competitors' goods) this
 * month, January 2000 = 1: the managed rate relative to its first value times
 * foreign prices growing at foreign_inflation. */
double economy_import_price(const economy *e);

/* Sales-weighted demand pressure of the industries (real demand over capacity):
 * the output-gap signal of the fiscal rule. */
double economy_demand_pressure(const economy *e);
/* If st is not YF_OK, write "YYYY-MM: what: ledger message" to e->msg. */
yf_status economy_post(economy *e, yf_status st, const char *what);
/* Why economy_yuan refused x, in e->msg (the month and the variable named);
 * sets *out to 0 and returns false. */
bool economy_yuan_refused(economy *e, double x, const char *what, int64_t *out);

/* Round a behavioural amount to yuan; a NaN, infinity or negative amount stops
 * the run with the month and the variable named. Inline: it runs once per
 * household in several loops a month. */
static inline bool economy_yuan(economy *e, double x, const char *what, int64_t *out)
{
    return (x >= 0.0 && money_from_double(x, out)) || economy_yuan_refused(e, x, what, out);
}
/* Split an exact integer total (a sum of posted amounts) over weights, naming
 * the month and the variable on failure. */
bool economy_split(economy *e, int64_t total, const double *w, int32_t n, int64_t *out,
                   const char *what);
/* money_apportion of a behavioural total, rounded once, with the month and the
 * variable named on failure. */
bool economy_apportion(economy *e, double total, const double *w, int32_t n, int64_t *out,
                       const char *what);
/* Sum of a per-agent yuan array. */
int64_t economy_sum(const int64_t *a, int32_t n);
yf_status open_equity(economy *e, const int64_t *bank_equity);
yf_status series_init(economy *e);
/* Workers each household agent stands for this month. */
double economy_workers_per_household(const economy *e);

#endif
