/*
 * test_alloc_faults.c: make the N-th allocation of the library fail, for every
 * N up to the number a whole scenario needs, and check that each failure is
 * reported as a status (never a crash) and that nothing leaks: the number of
 * live blocks is back to zero after every attempt. (Lua's ltests.c and
 * SQLite's test_malloc.c do the same.)
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "alloc_fault.h"
#include "ledger_fixture.h"


/* The ledger path: create, post, close, render. Returns true if it all worked. */
static bool ledger_scenario(void)
{
    ledger *L = NULL;
    if (ledger_new(&L, &chart_china, fixture_agents) != YF_OK)
        return false;
    bool ok = ledger_revalue(L, I_DEPOSITS, acct(HH, 0), acct(BANK, 0), 1000) == YF_OK &&
              ledger_pay(L, F_CONSUMPTION, acct(HH, 0), acct(FIRM, 0), 10) == YF_OK;
    ledger_snapshot snap;
    ok = ok && ledger_close_step(L, &snap) == YF_OK;
    char *text = ok ? ledger_matrices_render(&snap, YF_FORMAT_MARKDOWN) : NULL;
    ok = ok && text != NULL;
    yf_mem_free(text);
    ledger_free(L);
    return ok;
}

/* The public API path: a textbook model run and its matrices. */
static bool model_scenario(void)
{
    yf_model *m = NULL;
    yf_diag d;
    if (yf_model_new(&m, "pc", &d) != YF_OK)
        return false;
    bool ok = yf_model_run(m, 12, &d) == YF_OK;
    char *text = NULL;
    ok = ok && yf_model_matrices(m, 12, YF_FORMAT_CSV, &text) == YF_OK;
    yf_free(text);
    yf_model_free(m);
    return ok;
}

static void sweep(const char *name, bool (*scenario)(void))
{
    int attempts = 0, failed = 0;
    for (fail_at = 1; fail_at < 10000; fail_at++) {
        calls = live = 0;
        yf_set_allocator(counting_realloc, NULL);
        bool ok = scenario();
        yf_set_allocator(NULL, NULL);
        attempts++;
        CHECK(live == 0);
        if (live != 0)
            fprintf(stderr, "%s: %ld blocks leaked when allocation %ld failed\n", name, live,
                    fail_at);
        if (ok && calls < fail_at)
            break; /* the injected failure was never reached: every path is covered */
        failed += !ok;
    }
    CHECK(failed == attempts - 1); /* every injected failure was reported */
    CHECK(attempts > 2);
    printf("%s: %d allocation failures injected\n", name, attempts - 1);
}

int main(void)
{
    sweep("ledger", ledger_scenario);
    sweep("model", model_scenario);
    return TEST_REPORT();
}
