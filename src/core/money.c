/* money.c: rounding behaviour (double) to posted money (int64 yuan), and printing it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

bool money_from_double(double x, int64_t *out)
{
    /* 2^63 is exactly representable; anything at or beyond it does not fit. */
    if (!isfinite(x) || x >= 9223372036854775808.0 || x < -9223372036854775808.0)
        return false;
    *out = (int64_t)llround(x);
    return true;
}

void money_format(int64_t v, char *out, size_t out_size)
{
    char digits[32];
    /* Work on the magnitude as unsigned so INT64_MIN prints correctly. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    char buf[40];
    size_t k = 0;
    if (v < 0)
        buf[k++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    snprintf(out, out_size, "%s", buf);
}
