/*
 * industries.h: the structural constants of the five industries (docs/model.md
 * section 4): what each demand component buys from each industry, the import
 * content of each industry's sales, and how the firm agents are spread. They
 * are fixed shares of the economy of 2000, documented with their basis; they
 * are not yet scenario parameters (issue 5 makes the emerging share move).
 */
#ifndef YF_MODEL_INDUSTRIES_H
#define YF_MODEL_INDUSTRIES_H

#include "model/economy.h"

typedef struct industry_info {
    const char *code, *name;
    double import_content;          /* share of sales paid abroad for inputs, 2000 */
    double demand_share[N_DEMANDS]; /* share of each demand component bought here */
    double firm_share;              /* share of the firm agents */
} industry_info;

extern const industry_info industry_table[N_INDUSTRIES];

/* Share of China's exports going to the US, the EU and the rest, 2000. */
extern const double export_destination_share[N_DESTINATIONS];

#endif
