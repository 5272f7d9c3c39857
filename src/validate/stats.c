/*
 * stats.c: the statistics of a validation (docs/validation.md section 2), on
 * plain arrays of annual values where NaN marks a missing year. Nothing here
 * knows the model: tests/test_validate.c checks each on hand-made series.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "validate/validate.h"

static bool both(const double *s, const double *a, int t)
{
    return !isnan(s[t]) && !isnan(a[t]);
}

static int sign(double x)
{
    return (x > 0.0) - (x < 0.0);
}

/* +1 peak, -1 trough, 0 neither, at t of x (t-1 and t+1 must have values). */
static int turn(const double *x, int t)
{
    if (x[t] > x[t - 1] && x[t] > x[t + 1])
        return 1;
    if (x[t] < x[t - 1] && x[t] < x[t + 1])
        return -1;
    return 0;
}

validate_stats validate_compare(const double *s, const double *a, int n)
{
    validate_stats r = {0, NAN, NAN, NAN, NAN, 0, 0};
    double se = 0.0, sum_e = 0.0, sum_s = 0.0, sum_a = 0.0;
    for (int t = 0; t < n; t++)
        if (both(s, a, t)) {
            double e = s[t] - a[t];
            se += e * e;
            sum_e += e;
            sum_s += s[t];
            sum_a += a[t];
            r.n++;
        }
    if (r.n == 0)
        return r;
    /* rmse = sqrt(1/n sum (s - a)^2), bias = 1/n sum (s - a) */
    r.rmse = sqrt(se / r.n);
    r.bias = sum_e / r.n;
    /* corr = sum (s - s̄)(a - ā) / sqrt(sum (s - s̄)^2 sum (a - ā)^2) */
    if (r.n >= 3) {
        double ms = sum_s / r.n, ma = sum_a / r.n, sxy = 0.0, sxx = 0.0, syy = 0.0;
        for (int t = 0; t < n; t++)
            if (both(s, a, t)) {
                sxy += (s[t] - ms) * (a[t] - ma);
                sxx += (s[t] - ms) * (s[t] - ms);
                syy += (a[t] - ma) * (a[t] - ma);
            }
        if (sxx > 0.0 && syy > 0.0)
            r.corr = sxy / sqrt(sxx * syy);
    }
    /* direction: share of years whose change has the same sign in both */
    int moves = 0, same = 0;
    double sum_d = 0.0, sum_d2 = 0.0;
    int n_d = 0;
    for (int t = 1; t < n; t++) {
        if (!isnan(a[t]) && !isnan(a[t - 1])) {
            double d = a[t] - a[t - 1];
            sum_d += d;
            sum_d2 += d * d;
            n_d++;
        }
        if (both(s, a, t) && both(s, a, t - 1)) {
            moves++;
            same += sign(s[t] - s[t - 1]) == sign(a[t] - a[t - 1]);
        }
    }
    if (moves > 0)
        r.direction = (double)same / moves;
    /* big turning points of the data: a peak or a trough with both changes at
     * least half the standard deviation of the data's changes */
    if (n_d >= 2) {
        double mean_d = sum_d / n_d;
        double var = sum_d2 / n_d - mean_d * mean_d;
        double big = 0.5 * sqrt(var > 0.0 ? var : 0.0);
        for (int t = 1; t + 1 < n; t++) {
            if (isnan(a[t - 1]) || isnan(a[t]) || isnan(a[t + 1]))
                continue;
            int k = turn(a, t);
            if (k == 0 || fabs(a[t] - a[t - 1]) < big || fabs(a[t + 1] - a[t]) < big)
                continue;
            r.turns++;
            if (!isnan(s[t - 1]) && !isnan(s[t]) && !isnan(s[t + 1]) && turn(s, t) == k)
                r.turns_hit++;
        }
    }
    return r;
}

bool validate_ar1_fit(const double *x, int n, double *out_c, double *out_phi)
{
    /* OLS of y = x_t on z = x_(t-1):
     *   phi = sum (z - z̄)(y - ȳ) / sum (z - z̄)^2,  c = ȳ - phi z̄ */
    double sz = 0.0, sy = 0.0;
    int m = 0;
    for (int t = 1; t < n; t++)
        if (!isnan(x[t]) && !isnan(x[t - 1])) {
            sz += x[t - 1];
            sy += x[t];
            m++;
        }
    if (m < 3)
        return false;
    double mz = sz / m, my = sy / m, szz = 0.0, szy = 0.0;
    for (int t = 1; t < n; t++)
        if (!isnan(x[t]) && !isnan(x[t - 1])) {
            szz += (x[t - 1] - mz) * (x[t - 1] - mz);
            szy += (x[t - 1] - mz) * (x[t] - my);
        }
    if (!(szz > 0.0))
        return false;
    *out_phi = szy / szz;
    *out_c = my - *out_phi * mz;
    return true;
}

/* The index of the last value in x[0..n), or -1. */
static int last_value(const double *x, int n)
{
    for (int t = n - 1; t >= 0; t--)
        if (!isnan(x[t]))
            return t;
    return -1;
}

bool validate_forecast_rw(const double *x, int n_fit, int h, double *out)
{
    int last = last_value(x, n_fit);
    for (int k = 0; k < h; k++)
        out[k] = last >= 0 ? x[last] : NAN;
    return last >= 0;
}

bool validate_forecast_ar1(const double *x, int n_fit, int h, double *out)
{
    int last = last_value(x, n_fit);
    double c, phi;
    for (int k = 0; k < h; k++)
        out[k] = NAN;
    if (last < 0 || !validate_ar1_fit(x, n_fit, &c, &phi))
        return false;
    /* From the last value, one year at a time up to year n_fit + h - 1. */
    double v = x[last];
    for (int t = last + 1; t < n_fit + h; t++) {
        v = c + phi * v;
        if (t >= n_fit)
            out[t - n_fit] = v;
    }
    return true;
}

static int cmp_double(const void *p, const void *q)
{
    double a = *(const double *)p, b = *(const double *)q;
    return (a > b) - (a < b);
}

double validate_median(const double *x, int n)
{
    double buf[256];
    int m = 0;
    for (int k = 0; k < n && m < 256; k++)
        if (!isnan(x[k]))
            buf[m++] = x[k];
    if (m == 0)
        return NAN;
    qsort(buf, (size_t)m, sizeof *buf, cmp_double);
    return m % 2 ? buf[m / 2] : 0.5 * (buf[m / 2 - 1] + buf[m / 2]);
}

double validate_min(const double *x, int n)
{
    double v = NAN;
    for (int k = 0; k < n; k++)
        if (!isnan(x[k]) && (isnan(v) || x[k] < v))
            v = x[k];
    return v;
}

double validate_max(const double *x, int n)
{
    double v = NAN;
    for (int k = 0; k < n; k++)
        if (!isnan(x[k]) && (isnan(v) || x[k] > v))
            v = x[k];
    return v;
}
