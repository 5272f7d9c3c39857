/*
 * sparkline.c: a series drawn as a row of eight-level blocks, so that a table
 * of fit statistics also shows the shape of each path (docs/validation.md 4
 * and 7: the model's row above the data's, on one scale).
 */
#include <math.h>

#include "validate/validate.h"

/* U+2581 LOWER ONE EIGHTH BLOCK .. U+2588 FULL BLOCK, in UTF-8: E2 96 81..88. */
enum { SPARK_LEVELS = 8, SPARK_BYTES = 3 };

int validate_sparkline(const double *x, int n, double lo, double hi, char *out, size_t size)
{
    if (n < 0 || size < (size_t)n * SPARK_BYTES + 1)
        return -1;
    char *p = out;
    for (int i = 0; i < n; i++) {
        if (isnan(x[i])) {
            *p++ = ' ';
            continue;
        }
        int level = SPARK_LEVELS / 2 - 1; /* no spread: the middle */
        if (hi > lo) {
            double f = (x[i] - lo) / (hi - lo) * SPARK_LEVELS;
            level = f < 0.0 ? 0 : f >= SPARK_LEVELS - 1 ? SPARK_LEVELS - 1 : (int)f;
        }
        *p++ = (char)0xE2;
        *p++ = (char)0x96;
        *p++ = (char)(0x81 + level);
    }
    *p = '\0';
    return (int)(p - out);
}
