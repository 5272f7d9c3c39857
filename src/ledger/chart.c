/*
 * chart.c: validation of a chart of accounts (see chart.h). A malformed chart
 * is a programming error in a model, but it is reported as a status with a
 * message rather than an assert so that a test can prove each rule.
 */
#include "chart.h"

#include <stdio.h>

static bool fail(char *msg, int msg_size, const char *what, const char *name)
{
    snprintf(msg, (size_t)msg_size, "%s '%s'", what, name);
    return false;
}

static bool counts_ok(const chart *c, char *msg, int msg_size)
{
    if (c->n_sectors < 1 || c->n_sectors > LEDGER_MAX_SECTORS || c->n_instruments < 1 ||
        c->n_instruments > LEDGER_MAX_INSTRUMENTS || c->n_flows < 0 ||
        c->n_flows > LEDGER_MAX_FLOWS) {
        snprintf(msg, (size_t)msg_size, "chart '%s' has counts outside the ledger's limits",
                 c->name);
        return false;
    }
    return true;
}

static bool instruments_ok(const chart *c, char *msg, int msg_size)
{
    for (int i = 0; i < c->n_instruments; i++) {
        const chart_instrument *in = &c->instruments[i];
        int holders = 0, issuers = 0;
        for (int s = 0; s < c->n_sectors; s++) {
            holders += in->side[s] == SIDE_ASSET;
            issuers += in->side[s] == SIDE_LIABILITY;
            if (in->side[s] > SIDE_LIABILITY)
                return fail(msg, msg_size, "bad side code in instrument", in->name);
        }
        if (in->kind == INSTRUMENT_FINANCIAL && (holders == 0 || issuers == 0))
            return fail(msg, msg_size,
                        "financial instrument needs a holder and an issuer:", in->name);
        if (in->kind == INSTRUMENT_TANGIBLE && (holders == 0 || issuers != 0))
            return fail(msg, msg_size,
                        "tangible instrument must be held only as an asset:", in->name);
    }
    return true;
}

/* Every sector reaches the single root by following parents, without a cycle,
 * and each link's instrument is held by one end and issued by the other. */
static bool payment_tree_ok(const chart *c, char *msg, int msg_size)
{
    int roots = 0;
    for (int s = 0; s < c->n_sectors; s++) {
        int p = c->settle_parent[s];
        if (p == CHART_ROOT) {
            roots++;
            continue;
        }
        if (p < 0 || p >= c->n_sectors || p == s)
            return fail(msg, msg_size, "bad settlement parent for sector", c->sectors[s].code);
        int i = c->settle_instrument[s];
        if (i < 0 || i >= c->n_instruments || c->instruments[i].kind != INSTRUMENT_FINANCIAL)
            return fail(msg, msg_size, "bad settlement instrument for sector", c->sectors[s].code);
        int a = c->instruments[i].side[s], b = c->instruments[i].side[p];
        if (!((a == SIDE_ASSET && b == SIDE_LIABILITY) || (a == SIDE_LIABILITY && b == SIDE_ASSET)))
            return fail(msg, msg_size,
                        "settlement instrument must be held by one end of the link and "
                        "issued by the other, for sector",
                        c->sectors[s].code);
        int hops = 0;
        for (int q = s; q != CHART_ROOT; q = c->settle_parent[q])
            if (++hops > c->n_sectors)
                return fail(msg, msg_size, "payment tree has a cycle through sector",
                            c->sectors[s].code);
    }
    if (roots != 1) {
        snprintf(msg, (size_t)msg_size, "chart '%s' has %d payment roots, expected 1", c->name,
                 roots);
        return false;
    }
    return true;
}

bool chart_validate(const chart *c, char *msg, int msg_size)
{
    return counts_ok(c, msg, msg_size) && instruments_ok(c, msg, msg_size) &&
           payment_tree_ok(c, msg, msg_size);
}
