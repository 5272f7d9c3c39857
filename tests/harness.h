/*
 * harness.h: the tiny assertion harness of the test programs (in the spirit of
 * the small harnesses SQLite, Lua and Redis keep). Each CHECK counts one pass
 * or one failure; a failure prints file:line and the expression. main() ends
 * with TEST_REPORT(), which prints "N passed, N failed" and returns non-zero
 * if anything failed.
 */
#ifndef YF_TEST_HARNESS_H
#define YF_TEST_HARNESS_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            harness_passed++;                                                                      \
        } else {                                                                                   \
            harness_failed++;                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_I64(got, want)                                                                    \
    do {                                                                                           \
        int64_t got_ = (int64_t)(got), want_ = (int64_t)(want);                                    \
        if (got_ == want_) {                                                                       \
            harness_passed++;                                                                      \
        } else {                                                                                   \
            harness_failed++;                                                                      \
            fprintf(stderr, "%s:%d: %s == %" PRId64 ", expected %" PRId64 "\n", __FILE__,          \
                    __LINE__, #got, got_, want_);                                                  \
        }                                                                                          \
    } while (0)

/* Relative agreement to `rel` (1e-4 = four significant digits). */
#define CHECK_REL(got, want, rel)                                                                  \
    do {                                                                                           \
        double got_ = (double)(got), want_ = (double)(want);                                       \
        double scale_ = fabs(want_) > 1e-300 ? fabs(want_) : 1.0;                                  \
        if (fabs(got_ - want_) <= (rel)*scale_) {                                                  \
            harness_passed++;                                                                      \
        } else {                                                                                   \
            harness_failed++;                                                                      \
            fprintf(stderr, "%s:%d: %s == %.10g, expected %.10g (rel tol %g)\n", __FILE__,         \
                    __LINE__, #got, got_, want_, (double)(rel));                                   \
        }                                                                                          \
    } while (0)

#define TEST_REPORT()                                                                              \
    (printf("%d passed, %d failed\n", harness_passed, harness_failed), harness_failed ? 1 : 0)

#endif
