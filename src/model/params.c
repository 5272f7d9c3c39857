/* params.c: the parameter table built from the X-macro list in params.h. */
#include "params.h"

#include <string.h>

const model_param_info model_param_table[N_MODEL_PARAMS] = {
#define MODEL_PARAM_ROW(name, def, lo, hi, unit, doc, source) {#name, unit, doc, source, def, lo, hi},
    MODEL_PARAMS(MODEL_PARAM_ROW)
#undef MODEL_PARAM_ROW
};

int model_param_find(const char *name)
{
    for (int k = 0; k < N_MODEL_PARAMS; k++)
        if (strcmp(model_param_table[k].name, name) == 0)
            return k;
    return -1;
}
