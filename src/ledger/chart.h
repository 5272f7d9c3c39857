/*
 * chart.h: the chart of accounts of a model, i.e. the static shape of its
 * balance-sheet and transactions-flow matrices (docs/ledger.md section 2).
 *
 *  - sectors are the columns (households, firms, banks, ...); each sector
 *    holds a number of agents, set when the ledger is created;
 *  - instruments are the rows of the balance sheet: financial claims (one
 *    sector's asset is another's liability, so the row sums to zero) and
 *    tangible assets (houses, land, capital: held at book value in yuan);
 *  - flow rows are the rows of the transactions-flow matrix above the
 *    "change in stocks" rows: consumption, wages, taxes, interest ...;
 *  - the payment tree says how each sector settles payments: a household pays
 *    with deposits at its bank, a bank with reserves at the central bank, the
 *    treasury through its account at the central bank. Payments between two
 *    agents travel up the tree to the common ancestor and down again, which
 *    is how interbank payments move reserves (quadruple entry).
 *
 * A chart is plain constant data; several models (the two textbook models of
 * Godley & Lavoie, and China) each define one.
 */
#ifndef YF_LEDGER_CHART_H
#define YF_LEDGER_CHART_H

#include <stdbool.h>
#include <stdint.h>

#define LEDGER_MAX_SECTORS     12
#define LEDGER_MAX_INSTRUMENTS 32
#define LEDGER_MAX_FLOWS       64

/* Which side of its balance sheet a sector may hold an instrument on. */
typedef enum chart_side {
    SIDE_NONE = 0,      /* the sector has no account in this instrument */
    SIDE_ASSET = 1,     /* its position must be >= 0 when a step closes */
    SIDE_LIABILITY = 2, /* its position must be <= 0 when a step closes */
} chart_side;

typedef enum chart_instrument_kind {
    INSTRUMENT_FINANCIAL = 0, /* a claim: the row sums to zero across sectors */
    INSTRUMENT_TANGIBLE = 1,  /* a real asset at book value: the row sums to the stock's value */
} chart_instrument_kind;

typedef struct chart_sector {
    const char *code; /* short column label, as in G&L ("HH", "B") */
    const char *name; /* full name ("Households") */
} chart_sector;

typedef struct chart_instrument {
    const char *code; /* short identifier, used in CSV ("deposits") */
    const char *name; /* row label ("bank deposits") */
    chart_instrument_kind kind;
    uint8_t side[LEDGER_MAX_SECTORS]; /* chart_side per sector */
} chart_instrument;

typedef struct chart_flow {
    const char *code; /* short identifier ("wages") */
    const char *name; /* row label ("wages") */
} chart_flow;

/* The root of the payment tree has settle_parent == CHART_ROOT. */
#define CHART_ROOT (-1)

typedef struct chart {
    const char *name;
    int n_sectors, n_instruments, n_flows;
    chart_sector sectors[LEDGER_MAX_SECTORS];
    chart_instrument instruments[LEDGER_MAX_INSTRUMENTS];
    chart_flow flows[LEDGER_MAX_FLOWS];
    /* Payment tree: each non-root sector's agents settle in instrument
     * settle_instrument[s] with an agent of sector settle_parent[s]
     * (a deposit at a bank; reserves at the central bank). The instrument
     * must be held by one of the two and issued by the other. */
    int settle_parent[LEDGER_MAX_SECTORS];
    int settle_instrument[LEDGER_MAX_SECTORS];
} chart;

/* The China chart of DESIGN.md section 3.2 and its sectors, instruments and flows. */
enum china_sector { HH, FIRM, DEV, LG, LGFV, CG, BANK, PBOC, ROW, N_CHINA_SECTORS };

enum china_instrument {
    I_DEPOSITS,
    I_RESERVES,
    I_TREASURY,
    I_BUSINESS_LOANS,
    I_DEVELOPER_LOANS,
    I_LGFV_DEBT,
    I_MORTGAGES,
    I_CONSUMER_LOANS,
    I_PRESALE_CLAIMS,
    I_LOCAL_BONDS,
    I_CENTRAL_BONDS,
    I_PBOC_LENDING,
    I_FX_RESERVES,
    I_FOREIGN_LIABILITIES,
    I_FOREIGN_ASSETS,
    I_GLOBAL_SOUTH_LOANS,
    I_EQUITY,
    I_HOUSING,
    I_LAND_AND_INVENTORY,
    I_CAPITAL,
    I_INFRASTRUCTURE,
    N_CHINA_INSTRUMENTS
};

enum china_flow {
    F_CONSUMPTION,
    F_GOVERNMENT_SPENDING,
    F_BUSINESS_INVESTMENT,
    F_RESIDENTIAL_CONSTRUCTION,
    F_INFRASTRUCTURE_INVESTMENT,
    F_EXPORTS,
    F_IMPORTS,
    F_WAGES_PRIVATE,
    F_WAGES_PUBLIC,
    F_VAT,
    F_CORPORATE_TAX,
    F_PERSONAL_INCOME_TAX,
    F_CUSTOMS_DUTIES,
    F_CENTRAL_TO_LOCAL_TRANSFERS,
    F_LAND_SALES,
    F_INTEREST_DEPOSITS,
    F_INTEREST_RESERVES,
    F_INTEREST_BUSINESS_LOANS,
    F_INTEREST_DEVELOPER_LOANS,
    F_INTEREST_LGFV_DEBT,
    F_INTEREST_MORTGAGES,
    F_INTEREST_CONSUMER_LOANS,
    F_INTEREST_LOCAL_BONDS,
    F_INTEREST_CENTRAL_BONDS,
    F_INTEREST_PBOC_LENDING,
    F_INTEREST_FX_RESERVES,
    F_INTEREST_GLOBAL_SOUTH,
    F_INTEREST_FOREIGN_LIABILITIES,
    F_DIVIDENDS,
    F_PBOC_PROFITS,
    F_UNEMPLOYMENT_TRANSFERS,
    F_RESETTLEMENT_TRANSFERS,
    F_HOME_SALES,
    F_CAPITAL_TRANSFERS,
    F_CASH_TRANSFERS,
    F_GLOBAL_SOUTH_RELIEF,
    F_INDUSTRIAL_SUBSIDIES, /* central government to emerging-industry firms */
    N_CHINA_FLOWS
};

extern const chart chart_china;

/*
 * Check that a chart is well formed: counts within the limits, every financial
 * instrument has at least one holder and one issuer, the payment tree has one
 * root, no cycle, and each settlement instrument is held by one end of its link
 * and issued by the other. On failure writes a message to msg and returns false.
 */
bool chart_validate(const chart *c, char *msg, int msg_size);

#endif
