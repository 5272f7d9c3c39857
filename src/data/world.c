/*
 * world.c: the outside world month by month, built from the shipped data
 * (DESIGN.md 4 "Rest of world"; the construction is written out in docs/data.md).
 *
 * Month m = 0 .. n_months-1 is month m of the path counted from January of
 * start_year; its absolute index is M = start_year*12 + m (the monthly files'
 * period numbering). Units: rates and tariffs as fractions, GDP in US dollars
 * per year (an annual rate), the exchange rate in yuan per dollar.
 *
 *   fed_funds[m] = us_fedfunds_monthly(M) / 100, the last month's value after the data
 *   usdcny[m]    = usdcny_monthly(M), the last month's value after the data
 *   tariff[US]   = the latest Bown point in force at M, / 100 (a step function), or
 *                  ext->tariff_before_data before the first point
 *   tariff[EU], tariff[REST] = ext->tariff_eu, ext->tariff_rest
 *   foreign_gdp_usd[d][m] = A(y) * (A(y+1) / A(y))^((M - M_y) / 12)   for M_y <= M < M_y + 12
 *                         = A(L) * (1 + ext->foreign_growth)^((M - M_L) / 12)   for M >= M_L
 *       where A(y) is the destination's annual GDP, M_y = y*12 + 6 is July of y
 *       (mid-year, where the path equals the annual value exactly) and L the last
 *       data year; REST's A(y) = World - US - EU - China. Months before July of
 *       the first data year continue the first year's growth backwards.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "data.h"

enum { N_PATHS = 2 + 2 * N_DESTINATIONS }; /* arrays per month in the path's block */

static const char *const fed_funds_series = "us_fedfunds_monthly";
static const char *const usdcny_series = "usdcny_monthly";
static const char *const tariff_series = "us_avg_tariff_on_china_bown";
static const char *const destination_names[N_DESTINATIONS] = {"us", "eu", "rest"};

/* Fill the diagnostic with "path: error: what" ("error: what" without a path). */
__attribute__((format(printf, 3, 4))) static yf_status
world_fail(yf_diag *diag, const char *path, const char *fmt, ...)
{
    if (!diag)
        return YF_ERR_ARGUMENT;
    char *msg = diag->message;
    size_t size = sizeof diag->message;
    (void)snprintf(diag->path, sizeof diag->path, "%s", path ? path : "");
    diag->line = diag->column = 0;
    int n = path ? snprintf(msg, size, "%s: error: ", path) : snprintf(msg, size, "error: ");
    size_t used = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg + used, size - used, fmt, ap);
    va_end(ap);
    return YF_ERR_ARGUMENT;
}

/* ---- monthly series: fed funds and USD/CNY ----------------------------------- */

/*
 * out[m] = scale * series(M) for the data months, then the last value held.
 * A month before the data or a month missing inside them is an error.
 */
static yf_status fill_monthly(const data_set *monthly,
                              const char *series,
                              double scale,
                              int start,
                              int n_months,
                              double *out,
                              int *out_last,
                              yf_diag *diag)
{
    int first = data_first_period(monthly, series), last = data_last_period(monthly, series);
    if (first < 0)
        return world_fail(diag, data_path(monthly), "series '%s' is missing", series);
    if (start < first)
        return world_fail(diag, data_path(monthly),
                          "series '%s' has no value for %04d-%02d (its data begin in %04d-%02d)",
                          series, start / 12, start % 12 + 1, first / 12, first % 12 + 1);
    for (int m = 0; m < n_months; m++) {
        int at = start + m <= last ? start + m : last;
        double value;
        if (!data_monthly(monthly, series, at / 12, at % 12 + 1, &value))
            return world_fail(diag, data_path(monthly), "series '%s' has no value for %04d-%02d",
                              series, at / 12, at % 12 + 1);
        out[m] = scale * value;
    }
    *out_last = last - start;
    return YF_OK;
}

/* ---- the US tariff: Bown's dated points as a step function ------------------- */

static bool word_is(const char *w, size_t n, const char *name)
{
    if (strlen(name) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((w[i] | 0x20) != name[i]) /* ASCII letters to lower case */
            return false;
    return true;
}

/*
 * Month (0..11) named in a tariff point's unit text, as in "% (from 14 Feb 2020,
 * trade-weighted)": the first word that is an English month name or its
 * three-letter abbreviation. -1 if there is none.
 */
static int month_named_in(const char *text)
{
    static const char *const months[12] = {"january",   "february", "march",    "april",
                                           "may",       "june",     "july",     "august",
                                           "september", "october",  "november", "december"};
    for (const char *p = text; *p;) {
        const char *w = p;
        while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
            p++;
        size_t n = (size_t)(p - w);
        for (int k = 0; k < 12 && n >= 3; k++) {
            char abbrev[4] = {months[k][0], months[k][1], months[k][2], '\0'};
            if (word_is(w, n, abbrev) || word_is(w, n, months[k]))
                return k;
        }
        if (n == 0)
            p++;
    }
    return -1;
}

/*
 * The next tariff point at or after year *year (advanced past it): its value as
 * a fraction and the month index from which it holds (January if the unit text
 * names no month). False when there are no more points.
 */
static bool
next_tariff_point(const data_set *annual, int *year, int last, int *out_from, double *out)
{
    for (; *year <= last; (*year)++) {
        double percent;
        if (!data_annual(annual, tariff_series, *year, &percent))
            continue;
        int month = month_named_in(data_unit(annual, tariff_series, *year));
        *out_from = *year * 12 + (month < 0 ? 0 : month);
        *out = percent / 100.0;
        (*year)++;
        return true;
    }
    return false;
}

static yf_status fill_us_tariff(
    const data_set *annual, int start, int n_months, double before_data, double *out, yf_diag *diag)
{
    int first = data_first_period(annual, tariff_series),
        last = data_last_period(annual, tariff_series);
    if (first < 0)
        return world_fail(diag, data_path(annual), "series '%s' is missing", tariff_series);
    int year = first, from = 0;
    double value = 0.0;
    double current = before_data;
    bool pending = next_tariff_point(annual, &year, last, &from, &value);
    for (int m = 0; m < n_months; m++) {
        while (pending && from <= start + m) {
            current = value;
            pending = next_tariff_point(annual, &year, last, &from, &value);
        }
        out[m] = current;
    }
    return YF_OK;
}

/* ---- foreign GDP by destination ---------------------------------------------- */

/* Annual GDP (USD) of a destination; REST = World - US - EU - China. */
static bool destination_gdp(const data_set *gdp, int dest, int year, double *out)
{
    double world, us, eu, china;
    switch (dest) {
    case DEST_US:
        return data_annual(gdp, "us_gdp_usd", year, out);
    case DEST_EU:
        return data_annual(gdp, "eu_gdp_usd", year, out);
    default:
        if (!data_annual(gdp, "world_gdp_usd", year, &world) ||
            !data_annual(gdp, "us_gdp_usd", year, &us) ||
            !data_annual(gdp, "eu_gdp_usd", year, &eu) ||
            !data_annual(gdp, "china_gdp_usd", year, &china))
            return false;
        *out = world - us - eu - china;
        return true;
    }
}

/* The series a destination needs, NULL-terminated. */
static const char *const *destination_series(int dest)
{
    static const char *const us[] = {"us_gdp_usd", NULL};
    static const char *const eu[] = {"eu_gdp_usd", NULL};
    static const char *const rest[] = {"world_gdp_usd", "us_gdp_usd", "eu_gdp_usd", "china_gdp_usd",
                                       NULL};
    return dest == DEST_US ? us : dest == DEST_EU ? eu : rest;
}

/*
 * The years [*first, *last] where every series of the destination has a value,
 * checked to be without gaps and positive (geometric interpolation needs it).
 */
static yf_status gdp_years(const data_set *gdp, int dest, int *first, int *last, yf_diag *diag)
{
    *first = -1;
    *last = 1 << 30;
    for (const char *const *s = destination_series(dest); *s; s++) {
        int f = data_first_period(gdp, *s), l = data_last_period(gdp, *s);
        if (f < 0)
            return world_fail(diag, data_path(gdp), "series '%s' is missing", *s);
        *first = f > *first ? f : *first;
        *last = l < *last ? l : *last;
    }
    if (*first > *last)
        return world_fail(diag, data_path(gdp), "the gdp series of destination '%s' share no year",
                          destination_names[dest]);
    for (int y = *first; y <= *last; y++) {
        double v;
        if (!destination_gdp(gdp, dest, y, &v))
            return world_fail(diag, data_path(gdp), "no gdp of destination '%s' in %d",
                              destination_names[dest], y);
        if (!(v > 0.0))
            return world_fail(diag, data_path(gdp),
                              "gdp of destination '%s' in %d is %g, not positive",
                              destination_names[dest], y, v);
    }
    return YF_OK;
}

static yf_status fill_gdp(const data_set *gdp,
                          int dest,
                          int start,
                          int n_months,
                          double growth,
                          double *out,
                          yf_diag *diag)
{
    int first, last;
    yf_status st = gdp_years(gdp, dest, &first, &last, diag);
    if (st != YF_OK)
        return st;
    if (start < first * 12)
        return world_fail(diag, data_path(gdp),
                          "no gdp of destination '%s' in %d (its data begin in %d)",
                          destination_names[dest], start / 12, first);
    double a_last = NAN; /* gdp_years checked that every year in [first, last] has a value */
    (void)destination_gdp(gdp, dest, last, &a_last);
    for (int m = 0; m < n_months; m++) {
        int M = start + m;
        int since_last = M - (last * 12 + 6); /* months since July of the last data year */
        if (since_last >= 0 || first == last) {
            /* G = A(L) (1 + g)^((M - M_L) / 12); with one data year, also before it */
            out[m] = a_last * pow(1.0 + growth, since_last / 12.0);
            continue;
        }
        /* The interval [July y, July y+1) holding M; the first one is extended back to January. */
        int y = (M - 6) / 12 < first ? first : (M - 6) / 12;
        double a = NAN, b = NAN;
        (void)destination_gdp(gdp, dest, y, &a);
        (void)destination_gdp(gdp, dest, y + 1, &b);
        /* G = A(y) (A(y+1) / A(y))^((M - M_y) / 12) */
        out[m] = a * pow(b / a, (M - (y * 12 + 6)) / 12.0);
    }
    return YF_OK;
}

/* ---- the whole path ------------------------------------------------------------ */

void world_path_release(world_path *w)
{
    if (!w)
        return;
    yf_mem_free(w->fed_funds); /* the base of the one block holding every array */
    memset(w, 0, sizeof *w);
}

yf_status world_path_build(world_path *out,
                           const data_set *monthly,
                           const data_set *annual,
                           const data_set *gdp,
                           int start_year,
                           int n_months,
                           const world_extension *ext,
                           yf_diag *diag)
{
    if (diag) {
        diag->path[0] = diag->message[0] = '\0';
        diag->line = diag->column = 0;
    }
    if (!out || !monthly || !annual || !gdp || !ext)
        return world_fail(diag, NULL,
                          "world_path_build needs an output, three data sets and "
                          "the extension rules");
    memset(out, 0, sizeof *out);
    if (start_year < 1000 || start_year > 9999 || n_months < 1 || n_months > 12 * 1000)
        return world_fail(diag, NULL, "world path of %d months from %d is out of range", n_months,
                          start_year);
    if (!isfinite(ext->foreign_growth) || ext->foreign_growth <= -1.0)
        return world_fail(diag, NULL, "foreign_growth %g must be a number above -1",
                          ext->foreign_growth);
    const double tariffs[3] = {ext->tariff_before_data, ext->tariff_eu, ext->tariff_rest};
    const char *const tariff_names[3] = {"tariff_before_data", "tariff_eu", "tariff_rest"};
    for (int k = 0; k < 3; k++)
        if (!isfinite(tariffs[k]) || tariffs[k] < 0.0)
            return world_fail(diag, NULL, "%s %g must be a number at least 0", tariff_names[k],
                              tariffs[k]);

    size_t n = (size_t)n_months;
    double *block = yf_calloc(N_PATHS * n, sizeof(double));
    if (!block) {
        (void)world_fail(diag, NULL, "out of memory for a world path of %d months", n_months);
        return YF_ERR_NOMEM;
    }
    world_path w = {.start_year = start_year, .n_months = n_months};
    w.fed_funds = block;
    w.usdcny = block + n;
    for (int d = 0; d < N_DESTINATIONS; d++) {
        w.tariff[d] = block + (size_t)(2 + d) * n;
        w.foreign_gdp_usd[d] = block + (size_t)(2 + N_DESTINATIONS + d) * n;
    }
    int start = start_year * 12;
    yf_status st = fill_monthly(monthly, fed_funds_series, 0.01, start, n_months, w.fed_funds,
                                &w.last_data_month[0], diag);
    if (st == YF_OK)
        st = fill_monthly(monthly, usdcny_series, 1.0, start, n_months, w.usdcny,
                          &w.last_data_month[1], diag);
    if (st == YF_OK)
        st = fill_us_tariff(annual, start, n_months, ext->tariff_before_data, w.tariff[DEST_US],
                            diag);
    for (int m = 0; m < n_months; m++) {
        w.tariff[DEST_EU][m] = ext->tariff_eu;
        w.tariff[DEST_REST][m] = ext->tariff_rest;
    }
    for (int d = 0; d < N_DESTINATIONS && st == YF_OK; d++)
        st = fill_gdp(gdp, d, start, n_months, ext->foreign_growth, w.foreign_gdp_usd[d], diag);
    if (st != YF_OK) {
        yf_mem_free(block);
        return st;
    }
    *out = w;
    return YF_OK;
}
