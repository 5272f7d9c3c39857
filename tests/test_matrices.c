/*
 * test_matrices.c: the rendered balance-sheet and transactions-flow matrices
 * of a small step worked out by hand (below), in CSV (exact) and markdown.
 *
 * Step 1, China chart. Opening: HH0 holds 1000 of deposits at bank 0; bank 0
 * holds 200 of reserves. Then bank 0 lends 500 to F0 (deposit created), HH0
 * buys 300 of goods from F0, F0 pays 100 of wages to HH0 (all at bank 0).
 *   deposits: HH 1000-300+100 = 800, F 500+300-100 = 700, B -1500
 *   loans:    F -500, B +500; reserves: B +200, PBOC -200
 *   net worth: HH 800, F 200, B -800, PBOC -200 (shown negated, G&L style)
 *   TFM: consumption HH -300, F +300; wages HH +100, F -100;
 *        change in deposits (minus the change by transactions):
 *        HH -(-300+100) = +200, F -(500+300-100) = -700, B -(-500) = +500;
 *        change in loans: F +500, B -500.
 */
#include <string.h>

#include "harness.h"
#include "ledger_fixture.h"

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void expect_line(const char *text, const char *line)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s\n", line);
    bool found = strstr(text, buf) != NULL;
    CHECK(found);
    if (!found)
        fprintf(stderr, "  missing line: %s\n", line);
}

int main(void)
{
    ledger *L = fixture_new();
    CHECK(ledger_revalue(L, I_DEPOSITS, acct(HH, 0), acct(BANK, 0), 1000) == YF_OK);
    CHECK(ledger_revalue(L, I_RESERVES, acct(BANK, 0), acct(PBOC, 0), 200) == YF_OK);
    CHECK(ledger_exchange(L, I_BUSINESS_LOANS, acct(FIRM, 0), acct(BANK, 0), 500) == YF_OK);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), 300) == YF_OK);
    CHECK(ledger_pay(L, F_WAGES_PRIVATE, acct(FIRM, 0), acct(HH, 0), 100) == YF_OK);
    ledger_snapshot snap;
    CHECK(ledger_close_step(L, &snap) == YF_OK);

    char *csv = ledger_matrices_render(&snap, YF_FORMAT_CSV);
    CHECK(csv != NULL);
    if (csv) {
        expect_line(csv, "table,row,HH,F,DEV,LG,LGFV,CG,B,PBOC,ROW,sum");
        expect_line(csv, "balance_sheet,\"bank deposits\",800,700,0,0,0,0,-1500,0,0,0");
        expect_line(csv, "balance_sheet,\"reserves at the PBOC\",0,0,0,0,0,0,200,-200,0,0");
        expect_line(csv, "balance_sheet,\"business loans\",0,-500,0,0,0,0,500,0,0,0");
        expect_line(csv, "balance_sheet,\"net worth\",-800,-200,0,0,0,0,800,200,0,0");
        expect_line(csv, "balance_sheet,\"Σ\",0,0,0,0,0,0,0,0,0,0");
        expect_line(csv, "transactions_flow,\"consumption\",-300,300,0,0,0,0,0,0,0,0");
        expect_line(csv, "transactions_flow,\"wages (private)\",100,-100,0,0,0,0,0,0,0,0");
        expect_line(csv, "transactions_flow,\"Δ bank deposits\",200,-700,0,0,0,0,500,0,0,0");
        expect_line(csv, "transactions_flow,\"Δ business loans\",0,500,0,0,0,0,-500,0,0,0");
        expect_line(csv, "transactions_flow,\"Σ\",0,0,0,0,0,0,0,0,0,0");
        expect_line(csv, "other_changes,\"bank deposits\",1000,0,0,0,0,0,-1000,0,0,0");
        expect_line(csv, "other_changes,\"reserves at the PBOC\",0,0,0,0,0,0,200,-200,0,0");
        /* header + 21 instruments + net worth + sum; 37 flows (industrial_subsidies is the
         * 37th) + 17 changes + sum; 21 */
        CHECK(count_lines(csv) == 1 + 23 + 55 + 21);
    }
    char *md = ledger_matrices_render(&snap, YF_FORMAT_MARKDOWN);
    CHECK(md != NULL);
    if (md) {
        CHECK(strstr(md, "### Balance sheet, step 1 (yuan)") != NULL);
        CHECK(strstr(md, "|  | HH | F | DEV | LG | LGFV | CG | B | PBOC | ROW | Σ |") != NULL);
        expect_line(md, "| bank deposits | +800 | +700 |  |  |  |  | -1,500 |  |  | 0 |");
        expect_line(md, "| net worth | -800 | -200 |  |  |  |  | +800 | +200 |  | 0 |");
        CHECK(strstr(md, "### Transactions-flow matrix, step 1 (yuan)") != NULL);
        expect_line(md, "| consumption | -300 | +300 |  |  |  |  |  |  |  | 0 |");
        CHECK(strstr(md, "### Other changes in stocks") != NULL);
        expect_line(md, "| Σ | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
    }
    yf_mem_free(csv);
    yf_mem_free(md);

    /* A step with no other changes prints no third matrix; thousands separators. */
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(FIRM, 0), acct(HH, 0), 1234567) == YF_OK);
    CHECK(ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), 1234567) == YF_OK);
    CHECK(ledger_close_step(L, &snap) == YF_OK);
    md = ledger_matrices_render(&snap, YF_FORMAT_MARKDOWN);
    CHECK(md && strstr(md, "Other changes") == NULL);
    CHECK(md && strstr(md, "step 2") != NULL);
    yf_mem_free(md);
    ledger_free(L);
    return TEST_REPORT();
}
