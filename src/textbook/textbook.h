/*
 * textbook.h: the two textbook models of Godley & Lavoie, Monetary Economics
 * (2007), implemented on the ledger: SIM (chapter 3, sim.c) and PC (chapter 4,
 * pc.c). docs/textbook.md has the equations, the postings and the derivations.
 *
 * A model is described by a constant table (textbook_model): its chart of
 * accounts, its behavioural parameters with their defaults and allowed
 * ranges, the names of the series it reports, and a step function that posts
 * one period on the ledger. The public API (src/api/model.c) owns the ledger,
 * closes each step and stores the matrices and the series.
 *
 * Units. Money on the ledger is int64 yuan; behaviour and the reported series
 * are in model units of TEXTBOOK_SCALE yuan, so that the numbers read like the
 * book (G = 20 is 20,000,000 yuan per period, Y* = 100).
 */
#ifndef YF_TEXTBOOK_H
#define YF_TEXTBOOK_H

#include <stddef.h>
#include <yuanflow.h>

#include "ledger/chart.h"
#include "ledger/ledger.h"

/* Yuan per model unit. */
#define TEXTBOOK_SCALE 1000000.0

#define TEXTBOOK_MAX_PARAMS 16
#define TEXTBOOK_MAX_SERIES 16

/* A behavioural parameter; values outside [min, max] are refused. */
typedef struct textbook_param {
    const char *name;     /* as in G&L ("alpha1") */
    const char *doc;      /* one line, with the unit */
    double value_default; /* G&L's value */
    double min, max;      /* allowed range, inclusive */
} textbook_param;

/*
 * Post one period on the ledger (the step being recorded, ledger_step(L)),
 * without closing it.
 *   param: the current parameter values, in the order of the model's table;
 *   lag:   the series values of the previous period (all zero before period 1,
 *          when the economy starts from nothing, as in G&L);
 *   out:   receives this period's series values, in model units;
 *   out_posted: set to true once the first posting has been attempted.
 * Stocks of the previous period are read from the ledger, never from `lag`,
 * so that the behaviour sees exactly the posted integers.
 * Errors: YF_ERR_NUMERIC (a NaN or an impossible solution) or YF_ERR_OVERFLOW
 * (an amount outside the int64 yuan range) found before anything is posted
 * (*out_posted stays false, the ledger is untouched); or the status of a
 * posting the ledger refused (*out_posted is true, the period is left
 * half-posted). msg names the period and the variable or the posting.
 */
typedef yf_status (*textbook_step_fn)(ledger *L,
                                      const double *param,
                                      const double *lag,
                                      double *out,
                                      bool *out_posted,
                                      char *msg,
                                      size_t msg_size);

typedef struct textbook_model {
    const char *name;  /* "sim", "pc" */
    const char *title; /* one line */
    const chart *chart;
    int n_params;
    const textbook_param *params;
    int n_series;
    const char *const *series; /* names, in the order of the step's out[] */
    textbook_step_fn step;
} textbook_model;

extern const textbook_model textbook_sim;
extern const textbook_model textbook_pc;

/* ---- SIM: the simplest model with government money (G&L ch. 3) ----------- */

enum sim_sector { SIM_HH, SIM_PROD, SIM_GOV, SIM_N_SECTORS };

enum sim_instrument { SIM_MONEY, SIM_N_INSTRUMENTS };

enum sim_flow { SIM_CONSUMPTION, SIM_GOV_EXPENDITURE, SIM_WAGES, SIM_TAXES, SIM_N_FLOWS };

extern const chart chart_sim;

/* ---- PC: portfolio choice with bills and a central bank (G&L ch. 4) ------ */

enum pc_sector { PC_HH, PC_PROD, PC_GOV, PC_CB, PC_N_SECTORS };

enum pc_instrument { PC_MONEY, PC_BILLS, PC_TREASURY, PC_N_INSTRUMENTS };

enum pc_flow {
    PC_CONSUMPTION,
    PC_GOV_EXPENDITURE,
    PC_FACTOR_INCOME,
    PC_INTEREST,
    PC_CB_PROFITS,
    PC_TAXES,
    PC_N_FLOWS
};

extern const chart chart_pc;

/* ---- helpers shared by sim.c and pc.c (defined in sim.c) ----------------- */

/*
 * Round a behavioural amount in yuan (double) to the integer to be posted.
 * On failure writes "period P: <what> is ..." to msg and returns
 * YF_ERR_NUMERIC (NaN, infinity) or YF_ERR_OVERFLOW (outside int64).
 */
yf_status textbook_round(
    const ledger *L, const char *what, double yuan, int64_t *out, char *msg, size_t msg_size);

/* a + b (or a - b when negate) in yuan, or YF_ERR_OVERFLOW naming `what`. */
yf_status textbook_add(const ledger *L,
                       const char *what,
                       int64_t a,
                       int64_t b,
                       bool negate,
                       int64_t *out,
                       char *msg,
                       size_t msg_size);

/* Pass a posting's status through, prefixing the ledger's message with the
 * period and the posting's name. */
yf_status
textbook_posted(const ledger *L, yf_status status, const char *what, char *msg, size_t msg_size);

/* Yuan to model units. */
static inline double textbook_units(int64_t yuan)
{
    return (double)yuan / TEXTBOOK_SCALE;
}

#endif
