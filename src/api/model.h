/*
 * model.h: the private side of the public model handle (model.c), for tests
 * that read the exact matrices of a period rather than their rendered text.
 */
#ifndef YF_API_MODEL_H
#define YF_API_MODEL_H

#include <yuanflow.h>

#include "ledger/ledger.h"

/* The matrices of completed period `step` (1..yf_model_steps), or NULL if
 * there is no such period. Owned by the model; valid until the next
 * yf_model_run or yf_model_free. */
const ledger_snapshot *model_snapshot(const yf_model *model, int step);

#endif
