/*
 * test_params.c: the parameter table is complete and documented. Every
 * parameter has a unit, a line of documentation, a source and a default inside
 * its range, and docs/model.md has its row with the same default.
 * Usage: test_params PATH/TO/docs/model.md
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/params.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_params PATH/TO/docs/model.md\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    CHECK(f != NULL);
    if (!f)
        return TEST_REPORT();
    static char doc[1 << 20];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    doc[n] = '\0';
    fclose(f);
    for (int k = 0; k < N_MODEL_PARAMS; k++) {
        const model_param_info *p = &model_param_table[k];
        CHECK(p->unit[0] && p->doc[0] && p->source[0]);
        CHECK(p->min <= p->value_default && p->value_default <= p->max);
        CHECK(model_param_find(p->name) == k);
        char row[128];
        snprintf(row, sizeof row, "| `%s` | %g |", p->name, p->value_default);
        bool found = strstr(doc, row) != NULL;
        CHECK(found);
        if (!found)
            fprintf(stderr, "  docs/model.md lacks the row starting '%s'\n", row);
    }
    CHECK(model_param_find("no_such_parameter") == -1);
    return TEST_REPORT();
}
