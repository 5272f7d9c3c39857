/*
 * technology.h: research and development, the knowledge stock and the growth
 * of technology it drives; growth accounting (technology.c; docs/model.md 4.15).
 */
#ifndef YF_MODEL_TECHNOLOGY_H
#define YF_MODEL_TECHNOLOGY_H

#include "model/economy.h"

/* The series technology_series writes, in the order of series.c's block. */
enum technology_series_id {
    TECH_TFP,
    TECH_CONTRIB_CAPITAL,
    TECH_CONTRIB_LABOUR,
    TECH_CONTRIB_TFP,
    TECH_TFP_SHARE,
    TECH_RD_SHARE,
    TECH_RD_PRIVATE,
    TECH_RD_PUBLIC,
    TECH_RD_STOCK,
    TECH_GROWTH,
    TECH_CAPITAL,
    TECH_EMPLOYMENT,
    N_TECH_SERIES
};

/* Research spending of the month by performer (after the payments: public
 * research is part of central spending, private part of business investment),
 * the knowledge pipeline and stock, and the growth of technology that
 * labour_set_wage applies next month. */
void technology_update(economy *e, int m);

/* Growth of labour-augmenting technology, per year (technology_update). */
double technology_growth(const economy *e);

/* The same in the opening state (before any month): the knowledge stock
 * growing at rd_growth_opening and the gap at frontier_gap. */
double technology_growth_opening(const economy *e);

/* Write month m's N_TECH_SERIES values into out[0..N_TECH_SERIES-1] (after
 * series_record has set this month's real GDP). */
void technology_series(economy *e, int m, double *out);

#endif
