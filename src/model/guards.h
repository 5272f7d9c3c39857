/*
 * guards.h: the numerical guards of the China model (docs/errors.md, "Run
 * failures"). The ledger already refuses what it can see: a posting that
 * would overflow the int64 yuan range, a behavioural amount that is NaN,
 * infinite or negative when it is rounded to yuan (economy_yuan), and, at the
 * close, a money stock of the wrong sign held by any agent. What it cannot see
 * are the doubles that never become a posting, or not yet: prices, the wage,
 * the exchange rate, capital, expectations, the output series. The guards
 * check those after every month, so that a NaN, an infinity or a negative
 * value of a quantity that cannot be negative stops the run at the month it
 * appears, naming the month, the sector, industry or agent, the variable and
 * its recent values; and when the ledger or a posting has stopped the run,
 * they add the recent values of the series that moved most (an explosion
 * shows itself there: prices, wages and money growing month after month).
 */
#ifndef YF_MODEL_GUARDS_H
#define YF_MODEL_GUARDS_H

#include "model/economy.h"

enum { GUARDS_RECENT = 6 }; /* months of recent values in a message */

/*
 * Called by economy_run after month m's step, with the step's status st.
 * st not YF_OK: e->msg already says what failed; the recent values of the
 * series that moved most are appended to it and st is returned unchanged.
 * st YF_OK: the month's state is checked; the first violation writes
 * "YYYY-MM: WHO: VARIABLE is VALUE, RULE (recent values: ...)" to e->msg (a
 * variable without a series of its own: "(it passed this check at the close
 * of YYYY-MM)", then the recent values of the series that moved most) and
 * returns YF_ERR_NUMERIC (NaN, infinity, a non-positive price) or
 * YF_ERR_NEGATIVE_STOCK (a negative real stock). Checks, in order:
 *   the output series of month m: never infinite, never NaN after the first
 *   twelve months (a twelve-month rate has no value before);
 *   the macro state (wage, prices, rates, the exchange rate, reserves...);
 *   each industry's state (price, capital, productivity, output...);
 *   each household's and each firm's behavioural arrays.
 */
yf_status guards_after_month(economy *e, int m, yf_status st);

#endif
