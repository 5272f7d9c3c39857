/*
 * textbook.c: helpers shared by the textbook models (sim.c, pc.c): rounding
 * behaviour into posted yuan, checked integer arithmetic on posted amounts,
 * and messages that name the period and the variable when either fails.
 */
#include <math.h>
#include <stdio.h>

#include "core/core.h"
#include "textbook.h"

yf_status textbook_round(
    const ledger *L, const char *what, double yuan, int64_t *out, char *msg, size_t msg_size)
{
    if (money_from_double(yuan, out))
        return YF_OK;
    if (isfinite(yuan)) {
        snprintf(msg, msg_size, "period %d: %s = %g yuan does not fit in int64", ledger_step(L),
                 what, yuan);
        return YF_ERR_OVERFLOW;
    }
    snprintf(msg, msg_size, "period %d: %s is not a finite number (%g)", ledger_step(L), what,
             yuan);
    return YF_ERR_NUMERIC;
}

yf_status textbook_add(const ledger *L,
                       const char *what,
                       int64_t a,
                       int64_t b,
                       bool negate,
                       int64_t *out,
                       char *msg,
                       size_t msg_size)
{
    bool ok = negate ? money_sub(a, b, out) : money_add(a, b, out);
    if (ok)
        return YF_OK;
    snprintf(msg, msg_size, "period %d: %s overflows the int64 yuan range", ledger_step(L), what);
    return YF_ERR_OVERFLOW;
}

yf_status
textbook_posted(const ledger *L, yf_status status, const char *what, char *msg, size_t msg_size)
{
    if (status != YF_OK)
        snprintf(msg, msg_size, "period %d: posting %s: %s", ledger_step(L), what,
                 ledger_message(L));
    return status;
}
