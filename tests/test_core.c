/* test_core.c: money rounding and overflow, number formatting, name suggestions, text buffer. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/parallel.h"
#include "harness.h"

static void test_money_arithmetic(void)
{
    int64_t r = 7;
    CHECK(money_add(INT64_MAX - 1, 1, &r) && r == INT64_MAX);
    r = 7;
    CHECK(!money_add(INT64_MAX, 1, &r) && r == 7); /* untouched on overflow */
    CHECK(!money_sub(INT64_MIN, 1, &r) && r == 7);
    CHECK(money_sub(-5, 10, &r) && r == -15);
}

static void test_money_rounding(void)
{
    int64_t r = 0;
    CHECK(money_from_double(2.5, &r) && r == 3); /* half away from zero */
    CHECK(money_from_double(-2.5, &r) && r == -3);
    CHECK(money_from_double(1e15 + 0.4, &r) && r == 1000000000000000LL);
    CHECK(money_from_double(-9223372036854775808.0, &r) && r == INT64_MIN);
    r = 1;
    CHECK(!money_from_double(9223372036854775808.0, &r) && r == 1);
    CHECK(!money_from_double(NAN, &r));
    CHECK(!money_from_double(INFINITY, &r));
    CHECK(!money_from_double(-1e300, &r));
}

static void test_money_format(void)
{
    char b[40];
    money_format(0, b, sizeof b);
    CHECK(strcmp(b, "0") == 0);
    money_format(-1234567, b, sizeof b);
    CHECK(strcmp(b, "-1,234,567") == 0);
    money_format(999, b, sizeof b);
    CHECK(strcmp(b, "999") == 0);
    money_format(INT64_MIN, b, sizeof b);
    CHECK(strcmp(b, "-9,223,372,036,854,775,808") == 0);
}

static void test_names(void)
{
    const char *const names[] = {"sim", "pc", "china"};
    CHECK(names_nearest("simm", names, 3) == 0);
    CHECK(names_nearest("PC", names, 3) == 1);
    CHECK(names_nearest("chna", names, 3) == 2);
    CHECK(names_nearest("households", names, 3) == -1);
    CHECK(names_nearest("x", names, 0) == -1);
}

static void test_strbuf(void)
{
    strbuf b;
    strbuf_init(&b);
    for (int i = 0; i < 1000; i++)
        strbuf_printf(&b, "%d,", i);
    char *s = strbuf_take(&b);
    CHECK(s != NULL && strncmp(s, "0,1,2,", 6) == 0 && strlen(s) == 3890);
    yf_mem_free(s);
    strbuf_init(&b);
    s = strbuf_take(&b); /* empty buffer gives an empty string */
    CHECK(s && s[0] == '\0');
    yf_mem_free(s);
}

static void test_apportion(void)
{
    const double w[4] = {1.0, 2.0, 3.0, 4.0};
    int64_t out[4];
    CHECK(money_apportion(100, w, 4, out));
    CHECK(out[0] == 10 && out[1] == 20 && out[2] == 30 && out[3] == 40);
    /* 10 over three equal shares: boundaries round(3.33)=3, round(6.67)=7, 10. */
    const double eq[3] = {1.0, 1.0, 1.0};
    CHECK(money_apportion(10, eq, 3, out));
    CHECK(out[0] == 3 && out[1] == 4 && out[2] == 3);
    /* Exact total and each share within a yuan, on awkward weights and a big total. */
    enum { N = 1000 };
    static double ws[N];
    static int64_t big[N];
    for (int k = 0; k < N; k++)
        ws[k] = 1.0 / (k + 1.0);
    const int64_t total = 987654321012345LL;
    CHECK(money_apportion(total, ws, N, big));
    double wsum = 0;
    for (int k = 0; k < N; k++)
        wsum += ws[k];
    int64_t sum = 0;
    int far = 0;
    for (int k = 0; k < N; k++) {
        sum += big[k];
        far += fabs((double)big[k] - (double)total * ws[k] / wsum) > 1.0;
    }
    CHECK(sum == total);
    CHECK(far == 0);
    /* Zero weights get nothing; refusals leave out untouched. */
    const double some_zero[3] = {0.0, 5.0, 0.0};
    CHECK(money_apportion(7, some_zero, 3, out) && out[0] == 0 && out[1] == 7 && out[2] == 0);
    out[0] = 42;
    const double zeros[2] = {0.0, 0.0}, negative[2] = {1.0, -1.0};
    CHECK(!money_apportion(5, zeros, 2, out) && out[0] == 42);
    CHECK(!money_apportion(5, negative, 2, out) && out[0] == 42);
    CHECK(!money_apportion(-5, w, 4, out) && out[0] == 42);
    CHECK(money_apportion(0, zeros, 2, out) && out[0] == 0 && out[1] == 0);
}

/* SplitMix64: reproducible test inputs. */
static uint64_t mix(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* The rounding written without the C library's llround/llroundl (for speed)
 * must round as the library does: half-way cases away from zero, every
 * double in the int64 range, and the same splits as boundaries rounded by
 * llroundl. The inputs are the hard cases (halves, neighbours of halves,
 * 2^52, 2^53, 2^62, the range's ends) and random bit patterns. */
static void test_rounding_matches_libm(void)
{
    const double edge[] = {0.5,
                           1.5,
                           2.5,
                           -0.5,
                           -1.5,
                           4503599627370495.5,
                           4503599627370496.0,
                           -4503599627370495.5,
                           9007199254740993.0,
                           4611686018427387904.0,
                           9223372036854774784.0,
                           -9223372036854775808.0,
                           0.49999999999999994,
                           -0.49999999999999994,
                           1e-300,
                           -0.0};
    int64_t r;
    int wrong = 0;
    for (size_t k = 0; k < sizeof edge / sizeof *edge; k++)
        for (int d = -2; d <= 2; d++) {
            double x = edge[k];
            for (int j = 0; j < (d < 0 ? -d : d); j++)
                x = nextafter(x, d < 0 ? -INFINITY : INFINITY);
            if (x >= 9223372036854775808.0 || x < -9223372036854775808.0)
                continue;
            wrong += !money_from_double(x, &r) || r != llround(x);
        }
    uint64_t state = 42;
    for (int k = 0; k < 1000000; k++) {
        uint64_t bits = mix(&state);
        double x;
        memcpy(&x, &bits, sizeof x);
        if (!isfinite(x) || x >= 9223372036854775808.0 || x < -9223372036854775808.0)
            continue;
        wrong += !money_from_double(x, &r) || r != llround(x);
        x = (double)(int64_t)(bits >> 12) * ((bits & 1) ? 0.5 : -0.5); /* many halves */
        wrong += !money_from_double(x, &r) || r != llround(x);
    }
    CHECK_EQ_I64(wrong, 0);

    enum { N = 64 };

    double w[N];
    int64_t got[N];
    wrong = 0;
    for (int trial = 0; trial < 20000; trial++) {
        const int n = 1 + (int)(mix(&state) % N);
        const int64_t total = (int64_t)(mix(&state) >> (1 + mix(&state) % 63));
        double sum = 0.0;
        for (int k = 0; k < n; k++)
            sum += w[k] = (mix(&state) % 4 == 0) ? 0.0 : (double)(mix(&state) >> 11) / 1e3;
        if (!(sum > 0.0))
            w[0] = sum = 1.0;
        CHECK(money_apportion(total, w, n, got));
        /* the reference: the boundaries rounded by llroundl, capped at total */
        const long double scale = (long double)total / (long double)sum;
        long double cumulative = 0.0L;
        int64_t previous = 0;
        for (int k = 0; k < n; k++) {
            cumulative += (long double)w[k];
            int64_t b = k == n - 1 ? total : (int64_t)llroundl(cumulative * scale);
            b = b > total ? total : b < previous ? previous : b;
            wrong += got[k] != b - previous;
            previous = b;
        }
    }
    CHECK_EQ_I64(wrong, 0);
}

/* money_apportion on threads (core/parallel.h): a split of many agents runs
 * in fixed blocks on 1, 2 or 3 threads and must give the same yuan each time;
 * the split stays exact (the total) and each share within a yuan of
 * total * w_k / W. The sizes cover the parallel path (100,000 agents, blocks
 * of 4,096 with a short last one) and the partition's growth beyond 512 blocks
 * of 4,096 (2.2 million). On one block (n <= 4,096) the split is the single
 * pass of test_rounding_matches_libm. */
static void test_apportion_threads(void)
{
    const int32_t sizes[2] = {100000, 2200000};
    for (int z = 0; z < 2; z++) {
        const int32_t n = sizes[z];
        double *w = malloc((size_t)n * sizeof *w);
        int64_t *one = malloc((size_t)n * sizeof *one), *many = malloc((size_t)n * sizeof *many);
        CHECK(w && one && many);
        if (!w || !one || !many)
            return;
        uint64_t state = 7 + (uint64_t)z;
        for (int32_t k = 0; k < n; k++) /* awkward weights, a quarter of them zero */
            w[k] = (mix(&state) % 4 == 0) ? 0.0 : (double)(mix(&state) >> 11) / 3e9;
        const int64_t total = 123456789012LL; /* a yuan is then well above double's error */
        omp_set_num_threads(1);
        CHECK(money_apportion(total, w, n, one));
        int differ = 0;
        for (int threads = 2; threads <= 3; threads++) {
            omp_set_num_threads(threads);
            memset(many, 0xff, (size_t)n * sizeof *many);
            CHECK(money_apportion(total, w, n, many));
            differ += memcmp(one, many, (size_t)n * sizeof *one) != 0;
        }
        CHECK_EQ_I64(differ, 0);
        long double wsum = 0.0L;
        for (int32_t k = 0; k < n; k++)
            wsum += w[k];
        int64_t sum = 0;
        int far = 0, negative = 0;
        for (int32_t k = 0; k < n; k++) {
            sum += one[k];
            negative += one[k] < 0;
            far += fabsl((long double)one[k] - (long double)total * w[k] / wsum) > 1.001L;
        }
        CHECK_EQ_I64(sum, total);
        CHECK_EQ_I64(far, 0);
        CHECK_EQ_I64(negative, 0);
        free(w);
        free(one);
        free(many);
    }
}

/* The blocked split as first written (three passes: block sums, raw
 * boundaries rounded by llroundl, then shares from the running maximum of the
 * boundaries), one thread: the reference the faster money_apportion must
 * equal to the yuan. */
static int falls; /* boundaries below an earlier one, raised to it */

static void reference_split(int64_t total, const double *w, int32_t n, int64_t *out)
{
    const yf_blocks b = yf_blocks_of(n);
    double sum = 0.0, block_sum[YF_MAX_BLOCKS];
    long double block_start[YF_MAX_BLOCKS], before = 0.0L;
    for (int32_t j = 0; j < b.count; j++) {
        double s = 0.0;
        long double c = 0.0L;
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            s += w[k];
            c += (long double)w[k];
        }
        block_sum[j] = s;
        block_start[j] = before;
        before += c;
    }
    for (int32_t j = 0; j < b.count; j++)
        sum += block_sum[j];
    const long double scale = (long double)total / (long double)sum;
    int64_t highest = 0;
    for (int32_t j = 0; j < b.count; j++) {
        long double cumulative = block_start[j];
        for (int32_t k = yf_block_begin(b, j); k < yf_block_end(b, j, n); k++) {
            cumulative += (long double)w[k];
            const long double y = cumulative * scale;
            int64_t boundary = k == n - 1                ? total
                               : y >= (long double)total ? total
                                                         : (int64_t)llroundl(y);
            falls += boundary < highest;
            boundary = boundary < highest ? highest : boundary;
            out[k] = boundary - highest;
            highest = boundary;
        }
    }
}

/* money_apportion against reference_split over many blocks: random weights
 * of a wide range (where the blocks' restarted long double sums round
 * differently from the running sum, so that a boundary can fall at a block's
 * start), large and small totals, a third of the weights zero. */
static void test_apportion_matches_reference(void)
{
    const int32_t n = 3 * YF_BLOCK_MIN * 5 + 77; /* 15 blocks and a short one */
    double *w = malloc((size_t)n * sizeof *w);
    int64_t *got = malloc((size_t)n * sizeof *got), *want = malloc((size_t)n * sizeof *want);
    CHECK(w && got && want);
    if (!w || !got || !want)
        return;
    uint64_t state = 2026;
    int differ = 0;
    for (int trial = 0; trial < 40; trial++) {
        for (int32_t k = 0; k < n; k++) {
            const uint64_t r = mix(&state);
            w[k] = r % 3 == 0 ? 0.0 : ldexp((double)(r >> 12), (int)(r % 61) - 80);
        }
        const int64_t total = (int64_t)(mix(&state) >> (1 + trial % 40));
        omp_set_num_threads(1 + trial % 3);
        CHECK(money_apportion(total, w, n, got));
        reference_split(total, w, n, want);
        differ += memcmp(got, want, (size_t)n * sizeof *got) != 0;
    }
    omp_set_num_threads(1);
    CHECK_EQ_I64(differ, 0);
    CHECK(falls > 0); /* the inputs do make boundaries fall at a block's start */
    free(w);
    free(got);
    free(want);
}

/* Same bits, or both a NaN. */
static bool same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

/* A signaling NaN (exponent all ones, quiet bit clear, mantissa not zero). */
static bool signaling(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return isnan(x) && !(b & 0x0008000000000000ULL);
}

/* yf_fmax and yf_fmin (core.h, inline) must return what the C library's fmax
 * and fmin return, bit for bit: the signed zeros (a tie gives the second
 * argument), infinities, NaNs (the other argument), and random bit patterns
 * and random pairs of ordinary numbers. Signaling NaNs are left out: the
 * library then returns a NaN, yf_fmax the other argument, and no arithmetic
 * makes one (a NaN from arithmetic is quiet). The library is called through volatile
 * pointers so that the compiler cannot fold or inline it. */
static void test_fmax_matches_libm(void)
{
    double (*volatile lib_max)(double, double) = fmax;
    double (*volatile lib_min)(double, double) = fmin;
    const double edge[] = {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           INFINITY,
                           -INFINITY,
                           NAN,
                           -NAN,
                           1e-310,
                           -1e-310,
                           1.7976931348623157e308,
                           0.5,
                           2.0};
    const size_t n_edge = sizeof edge / sizeof *edge;
    int wrong = 0;
    for (size_t a = 0; a < n_edge; a++)
        for (size_t b = 0; b < n_edge; b++) {
            wrong += !same_double(yf_fmax(edge[a], edge[b]), lib_max(edge[a], edge[b]));
            wrong += !same_double(yf_fmin(edge[a], edge[b]), lib_min(edge[a], edge[b]));
        }
    CHECK_EQ_I64(wrong, 0);
    uint64_t state = 99;
    for (int k = 0; k < 1000000; k++) {
        uint64_t bx = mix(&state), by = mix(&state);
        double x, y;
        memcpy(&x, &bx, sizeof x);
        memcpy(&y, &by, sizeof y);
        if (k % 2) { /* ordinary numbers close to each other, and exact ties */
            x = (double)(int64_t)(bx >> 40) - 4e6;
            y = (k % 4 == 1) ? x : (double)(int64_t)(by >> 40) - 4e6;
        }
        if (signaling(x) || signaling(y))
            continue;
        wrong += !same_double(yf_fmax(x, y), lib_max(x, y));
        wrong += !same_double(yf_fmin(x, y), lib_min(x, y));
    }
    CHECK_EQ_I64(wrong, 0);
}

static void test_status_strings(void)
{
    CHECK(strcmp(yf_status_string(YF_OK), "ok") == 0);
    CHECK(strcmp(yf_status_string(YF_ERR_INCONSISTENT), "accounting identity violated") == 0);
    CHECK(strcmp(yf_status_string((yf_status)999), "unknown status") == 0);
}

int main(void)
{
    test_money_arithmetic();
    test_money_rounding();
    test_money_format();
    test_names();
    test_strbuf();
    test_apportion();
    test_rounding_matches_libm();
    test_apportion_threads();
    test_apportion_matches_reference();
    test_fmax_matches_libm();
    test_status_strings();
    return TEST_REPORT();
}
