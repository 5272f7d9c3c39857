/*
 * chart_china.c: the chart of accounts of the China model, DESIGN.md sections
 * 3.2 (balance sheet) and 3.3 (transactions flow); docs/ledger.md section 6.
 *
 * Sides follow the design table: + asset (A), - liability (L). Households hold
 * LGFV debt through wealth-management products; banks' equity is held by
 * households; the PBOC's FX reserves are claims on the rest of the world.
 * Payment tree: non-banks settle in deposits at a bank; banks in reserves at
 * the PBOC; the central government through its treasury account at the PBOC;
 * the rest of the world through the PBOC's FX reserves (an exporter's dollars
 * are bought by the PBOC, which credits the exporter's bank with reserves).
 * Private foreign assets (not in the design table) let residents move money
 * abroad: without them capital outflows could only repay foreign liabilities.
 * Loans to the Global South (not in the design table) are the state's lending
 * to developing countries out of its foreign exchange, held by the PBOC
 * beside its reserves (docs/trade.md).
 */
#include "chart.h"

#define A SIDE_ASSET
#define L SIDE_LIABILITY
#define FIN INSTRUMENT_FINANCIAL
#define TAN INSTRUMENT_TANGIBLE

/* Designated initializers by sector index keep each row readable. */
const chart chart_china = {
    .name = "china",
    .n_sectors = N_CHINA_SECTORS,
    .n_instruments = N_CHINA_INSTRUMENTS,
    .n_flows = N_CHINA_FLOWS,
    .sectors =
        {
            [HH] = {"HH", "Households"},
            [FIRM] = {"F", "Firms"},
            [DEV] = {"DEV", "Developers"},
            [LG] = {"LG", "Local governments"},
            [LGFV] = {"LGFV", "Local financing vehicles"},
            [CG] = {"CG", "Central government"},
            [BANK] = {"B", "Banks"},
            [PBOC] = {"PBOC", "People's Bank of China"},
            [ROW] = {"ROW", "Rest of world"},
        },
    .instruments =
        {
            [I_DEPOSITS] = {"deposits",
                            "bank deposits",
                            FIN,
                            {[HH] = A, [FIRM] = A, [DEV] = A, [LG] = A, [LGFV] = A, [BANK] = L}},
            [I_RESERVES] = {"reserves", "reserves at the PBOC", FIN, {[BANK] = A, [PBOC] = L}},
            [I_TREASURY] =
                {"treasury", "treasury account at the PBOC", FIN, {[CG] = A, [PBOC] = L}},
            [I_BUSINESS_LOANS] =
                {"business_loans", "business loans", FIN, {[FIRM] = L, [BANK] = A}},
            [I_DEVELOPER_LOANS] =
                {"developer_loans", "developer loans", FIN, {[DEV] = L, [BANK] = A}},
            [I_LGFV_DEBT] =
                {"lgfv_debt", "LGFV loans and bonds", FIN, {[HH] = A, [LGFV] = L, [BANK] = A}},
            [I_MORTGAGES] = {"mortgages", "mortgages", FIN, {[HH] = L, [BANK] = A}},
            [I_CONSUMER_LOANS] = {"consumer_loans", "consumer loans", FIN, {[HH] = L, [BANK] = A}},
            [I_PRESALE_CLAIMS] = {"presale_claims", "presale claims", FIN, {[HH] = A, [DEV] = L}},
            [I_LOCAL_BONDS] =
                {"local_bonds", "local government bonds", FIN, {[LG] = L, [BANK] = A}},
            [I_CENTRAL_BONDS] = {"central_bonds",
                                 "central government bonds",
                                 FIN,
                                 {[CG] = L, [BANK] = A, [PBOC] = A}},
            [I_PBOC_LENDING] =
                {"pboc_lending", "central bank lending to banks", FIN, {[BANK] = L, [PBOC] = A}},
            [I_FX_RESERVES] = {"fx_reserves", "FX reserves", FIN, {[PBOC] = A, [ROW] = L}},
            [I_FOREIGN_LIABILITIES] = {"foreign_liabilities",
                                       "foreign liabilities",
                                       FIN,
                                       {[FIRM] = L, [DEV] = L, [ROW] = A}},
            [I_FOREIGN_ASSETS] = {"foreign_assets",
                                  "private foreign assets",
                                  FIN,
                                  {[HH] = A, [FIRM] = A, [ROW] = L}},
            [I_GLOBAL_SOUTH_LOANS] =
                {"global_south_loans", "loans to the Global South", FIN, {[PBOC] = A, [ROW] = L}},
            [I_EQUITY] = {"equity",
                          "equity (book value)",
                          FIN,
                          {[HH] = A, [FIRM] = L, [DEV] = L, [BANK] = L}},
            [I_HOUSING] = {"housing", "housing", TAN, {[HH] = A}},
            [I_LAND_AND_INVENTORY] =
                {"land_inventory", "land and housing inventory", TAN, {[DEV] = A, [LG] = A}},
            [I_CAPITAL] = {"capital", "productive capital", TAN, {[FIRM] = A}},
            [I_INFRASTRUCTURE] = {"infrastructure", "infrastructure", TAN, {[LG] = A, [LGFV] = A}},
        },
    .flows =
        {
            [F_CONSUMPTION] = {"consumption", "consumption"},
            [F_GOVERNMENT_SPENDING] = {"government_spending", "government spending"},
            [F_BUSINESS_INVESTMENT] = {"business_investment", "business investment"},
            [F_RESIDENTIAL_CONSTRUCTION] = {"residential_construction", "residential construction"},
            [F_INFRASTRUCTURE_INVESTMENT] = {"infrastructure_investment",
                                             "infrastructure investment"},
            [F_EXPORTS] = {"exports", "exports"},
            [F_IMPORTS] = {"imports", "imports"},
            [F_WAGES_PRIVATE] = {"wages_private", "wages (private)"},
            [F_WAGES_PUBLIC] = {"wages_public", "wages (public)"},
            [F_VAT] = {"vat", "value-added tax"},
            [F_CORPORATE_TAX] = {"corporate_tax", "corporate income tax"},
            [F_PERSONAL_INCOME_TAX] = {"personal_income_tax", "personal income tax"},
            [F_CUSTOMS_DUTIES] = {"customs_duties", "customs duties"},
            [F_CENTRAL_TO_LOCAL_TRANSFERS] = {"central_local_transfers",
                                              "central-to-local transfers"},
            [F_LAND_SALES] = {"land_sales", "land-sale revenue"},
            [F_INTEREST_DEPOSITS] = {"interest_deposits", "interest on deposits"},
            [F_INTEREST_RESERVES] = {"interest_reserves", "interest on reserves"},
            [F_INTEREST_BUSINESS_LOANS] = {"interest_business_loans", "interest on business loans"},
            [F_INTEREST_DEVELOPER_LOANS] =
                {"interest_developer_loans", "interest on developer loans"},
            [F_INTEREST_LGFV_DEBT] = {"interest_lgfv_debt", "interest on LGFV debt"},
            [F_INTEREST_MORTGAGES] = {"interest_mortgages", "interest on mortgages"},
            [F_INTEREST_CONSUMER_LOANS] = {"interest_consumer_loans", "interest on consumer loans"},
            [F_INTEREST_LOCAL_BONDS] = {"interest_local_bonds", "interest on local bonds"},
            [F_INTEREST_CENTRAL_BONDS] = {"interest_central_bonds", "interest on central bonds"},
            [F_INTEREST_PBOC_LENDING] =
                {"interest_pboc_lending", "interest on central bank lending"},
            [F_INTEREST_FX_RESERVES] = {"interest_fx_reserves", "interest on FX reserves"},
            [F_INTEREST_GLOBAL_SOUTH] =
                {"interest_global_south", "interest on loans to the Global South"},
            [F_INTEREST_FOREIGN_LIABILITIES] =
                {"interest_foreign_liabilities", "interest and profits to foreigners"},
            [F_DIVIDENDS] = {"dividends", "dividends"},
            [F_PBOC_PROFITS] = {"pboc_profits", "central bank profits remitted"},
            [F_UNEMPLOYMENT_TRANSFERS] = {"unemployment_transfers", "unemployment transfers"},
            [F_RESETTLEMENT_TRANSFERS] = {"resettlement_transfers", "resettlement transfers"},
            [F_HOME_SALES] = {"home_sales", "sales of new homes (delivered)"},
            [F_CAPITAL_TRANSFERS] = {"capital_transfers", "capital transfers (debt swaps)"},
            [F_CASH_TRANSFERS] = {"cash_transfers", "cash transfers to households (stimulus)"},
            [F_GLOBAL_SOUTH_RELIEF] =
                {"global_south_relief",
                 "Global-South debt paid off from reserves (capital transfer)"},
            [F_INDUSTRIAL_SUBSIDIES] = {"industrial_subsidies",
                                        "industrial subsidies (emerging industries)"},
        },
    .settle_parent =
        {
            [HH] = BANK,
            [FIRM] = BANK,
            [DEV] = BANK,
            [LG] = BANK,
            [LGFV] = BANK,
            [CG] = PBOC,
            [BANK] = PBOC,
            [PBOC] = CHART_ROOT,
            [ROW] = PBOC,
        },
    .settle_instrument =
        {
            [HH] = I_DEPOSITS,
            [FIRM] = I_DEPOSITS,
            [DEV] = I_DEPOSITS,
            [LG] = I_DEPOSITS,
            [LGFV] = I_DEPOSITS,
            [CG] = I_TREASURY,
            [BANK] = I_RESERVES,
            [PBOC] = 0,
            [ROW] = I_FX_RESERVES,
        },
};
