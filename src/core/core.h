/*
 * core.h: infrastructure shared by every layer, with no economics in it:
 * the allocation hook, overflow-checked int64 arithmetic on yuan, a growable
 * text buffer for rendering, and nearest-name suggestions for error messages.
 */
#ifndef YF_CORE_H
#define YF_CORE_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yuanflow.h>

/* ---- allocation (alloc.c) --------------------------------------------------
 * Every allocation of the library goes through these, so that a test can make
 * the N-th one fail and check that nothing leaks or crashes.
 * yf_malloc/yf_calloc return NULL on failure (or on size 0); yf_mem_free(NULL) is a no-op. */
void *yf_malloc(size_t size);
void *yf_calloc(size_t count, size_t size);
void yf_mem_free(void *p);
char *yf_strdup(const char *s);

/* ---- checked money arithmetic ----------------------------------------------
 * Money is int64_t yuan. These return false (and leave *out untouched) when the
 * exact result does not fit, so a hyper-inflation fails cleanly instead of wrapping. */
static inline bool money_add(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

static inline bool money_sub(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

/*
 * Round a behavioural amount (double yuan) to the integer that will be posted.
 * Fails on NaN, infinity or a value outside the int64 range. Half-way cases
 * round away from zero (C's llround), which is deterministic on every platform.
 * Inline: the household loops call it for every household several times a
 * month, and the call itself cost as much as the rounding (docs/performance.md 5).
 */
static inline bool money_from_double(double x, int64_t *out)
{
    /* 2^63 is exactly representable; anything at or beyond it does not fit. */
    if (!isfinite(x) || x >= 9223372036854775808.0 || x < -9223372036854775808.0)
        return false;
    /* llround without the library call: beyond 2^52 every double is a whole
     * number; below, the truncation and the remainder x - r are exact, so the
     * result is llround's (half-way cases away from zero) bit for bit. */
    if (fabs(x) >= 4503599627370496.0) { /* 2^52 */
        *out = (int64_t)x;
        return true;
    }
    const int64_t r = (int64_t)x;
    const double rest = x - (double)r;
    *out = r + (rest >= 0.5) - (rest <= -0.5);
    return true;
}

/* ---- fmax and fmin, inline ----------------------------------------------------
 * What glibc's fmax and fmin compute on x86-64 (maxsd/minsd: x > y ? x : y,
 * x < y ? x : y, so a tie of +0 and -0 gives y; a NaN argument gives the other
 * one), bit for bit, without the library call gcc makes for them on baseline
 * x86-64 (6% of a run went to those calls; tests/test_core.c compares). */
static inline double yf_fmax(double x, double y)
{
    return (x > y || y != y) ? x : y;
}

static inline double yf_fmin(double x, double y)
{
    return (x < y || y != y) ? x : y;
}

/* ---- text buffer (strbuf.c) ------------------------------------------------
 * A growable NUL-terminated string. After an allocation failure the buffer is
 * marked failed, later appends are ignored and strbuf_take returns NULL. */
typedef struct strbuf {
    char *data;
    size_t len, cap;
    bool failed;
} strbuf;

void strbuf_init(strbuf *b);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_release(strbuf *b);
/* Hand the text to the caller (free with yf_mem_free); NULL if any append failed. */
char *strbuf_take(strbuf *b);

/*
 * Split `total` >= 0 yuan over n shares proportional to weights[k] >= 0 (not all
 * zero), exactly: out[k] are non-negative integers summing to `total`, each
 * within one yuan of total * w_k / W. Cumulative rounding: out[k] is the
 * difference of round(total * C_k / W) over the cumulative weights C_k, so the
 * sum telescopes to total, in one deterministic pass.
 * Returns false (out untouched) if the weights are negative, not finite or all
 * zero while total > 0.
 */
bool money_apportion(int64_t total, const double *weights, int32_t n, int64_t *out);

/* Format an int64 with thousands separators ("-1,234,567") into out (>= 32 bytes). */
void money_format(int64_t v, char *out, size_t out_size);

/* ---- names (names.c) -------------------------------------------------------
 * Index of the name in names[0..n) closest to `wanted` by edit distance, or -1
 * if none is close enough to be a plausible typo. Used for "did you mean". */
int names_nearest(const char *wanted, const char *const *names, int n);

#endif
