/*
 * paths.c: the exogenous paths a scenario may set (docs/scenarios.md section 5):
 * the Fed funds rate, the tariffs on China's exports by destination, and the
 * growth of each destination's nominal GDP in dollars. A path is a step
 * function: from each point's month on, it takes the point's value. Points are
 * given inline or as one column of a CSV file.
 *
 * Written into the world's monthly arrays (src/data/data.h world_path), month
 * m of the run at absolute month M = 12 * start_year + m:
 *   fed_funds[m], tariff[d][m] = v(M)                        (level paths)
 *   Y_d[m] = Y_d[m-1] * (1 + g(M))^(1/12)                    (growth paths)
 * where v(M), g(M) are the value of the last point at or before M (months
 * before the first point keep the world's own path). Months that have data are
 * kept unless the path says `replace_data: true`; which months have data is
 * worked out from the shipped data with the rules of src/data/world.c (see
 * data_months below).
 */
#define _POSIX_C_SOURCE 200809L /* strncasecmp */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "scenario/scenario_int.h"

const scenario_path_info scenario_path_table[N_SCENARIO_PATHS] = {
    {"fed_funds", "fraction per year", "US federal funds rate (data: us_fedfunds_monthly)", -0.05,
     0.5},
    {"tariff_us", "fraction", "US tariff on China's exports, ad valorem (data: the Bown points)",
     0.0, 10.0},
    {"tariff_eu", "fraction", "EU tariff on China's exports, ad valorem (no data: 0.03)", 0.0,
     10.0},
    {"tariff_rest", "fraction", "rest of the world's tariff on China's exports (no data: 0.03)",
     0.0, 10.0},
    {"foreign_growth_us", "fraction per year",
     "growth of US nominal GDP in dollars (data: world_gdp.csv to its last year, then 0.04)", -0.5,
     1.0},
    {"foreign_growth_eu", "fraction per year",
     "growth of EU nominal GDP in dollars (data to its last year, then 0.04)", -0.5, 1.0},
    {"foreign_growth_rest", "fraction per year",
     "growth of the rest of the world's nominal GDP in dollars (data to its last year, then 0.04)",
     -0.5, 1.0},
};

int scenario_path_find(const char *name)
{
    for (int k = 0; k < N_SCENARIO_PATHS; k++)
        if (strcmp(scenario_path_table[k].name, name) == 0)
            return k;
    return -1;
}

/* ---- CSV files of paths ------------------------------------------------- */

/* Split line [p, end) at commas into fields (at most max); returns the count
 * or -1 when a field is quoted (not supported) or there are too many. */
static int split_fields(char *p, const char *end, char **field, int max, int *quote_at)
{
    int n = 0;
    *quote_at = -1;
    for (char *start = p;; p++) {
        if (p < end && *p == '"') {
            *quote_at = (int)(p - field[0]);
            return -1;
        }
        if (p == end || *p == ',') {
            if (n == max)
                return -1;
            field[n++] = start;
            if (p == end) {
                *p = '\0';
                break;
            }
            *p = '\0';
            start = p + 1;
        }
    }
    return n;
}

enum { MAX_COLUMNS = 64 };

yf_status scenario_read_path_csv(const char *csv_path,
                                 const char *column,
                                 int path_id,
                                 const scenario_origin *column_at,
                                 const char *interned_csv_name,
                                 scenario_point **out_points,
                                 int *out_n,
                                 yf_diag *diag)
{
    *out_points = NULL;
    *out_n = 0;
    char *text;
    size_t size;
    yf_status st = scenario_read_file(csv_path, column_at, &text, &size, diag);
    if (st != YF_OK)
        return st;
    const scenario_path_info *info = &scenario_path_table[path_id];
    int n_lines = 1;
    for (size_t k = 0; k < size; k++)
        n_lines += text[k] == '\n';
    scenario_point *points = yf_calloc((size_t)n_lines, sizeof *points);
    if (!points) {
        yf_mem_free(text);
        return YF_ERR_NOMEM;
    }
    int n = 0, date_col = -1, value_col = -1, n_cols = 0, line = 0;
    char *p = text, *file_end = text + size;
    while (st == YF_OK && p < file_end) {
        char *end = memchr(p, '\n', (size_t)(file_end - p));
        char *next = end ? end + 1 : file_end;
        if (!end)
            end = file_end;
        line++;
        if (end > p && end[-1] == '\r')
            end--;
        if (end == p) { /* blank line */
            p = next;
            continue;
        }
        char *field[MAX_COLUMNS];
        field[0] = p;
        int quote_at;
        int nf = split_fields(p, end, field, MAX_COLUMNS, &quote_at);
        if (nf < 0) {
            st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, quote_at >= 0 ? quote_at + 1 : 1,
                               quote_at >= 0 ? "quoted fields are not supported in a path file"
                                             : "more than %d columns",
                               MAX_COLUMNS);
            break;
        }
        if (date_col < 0) { /* the header */
            n_cols = nf;
            const char *names[MAX_COLUMNS];
            for (int k = 0; k < nf; k++) {
                names[k] = field[k];
                if (strcmp(field[k], "date") == 0)
                    date_col = k;
                if (strcmp(field[k], column) == 0)
                    value_col = k;
            }
            if (date_col < 0) {
                st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, 1,
                                   "the header has no 'date' column (a path file is "
                                   "'date,<column>...' with dates YYYY-MM)");
            } else if (value_col < 0) {
                int near = names_nearest(column, names, nf);
                st = near >= 0 ? scenario_fail(diag, YF_ERR_ARGUMENT, column_at->file,
                                               column_at->line, column_at->column,
                                               "no column '%s' in %s (did you mean '%s'?)", column,
                                               csv_path, names[near])
                               : scenario_fail(diag, YF_ERR_ARGUMENT, column_at->file,
                                               column_at->line, column_at->column,
                                               "no column '%s' in %s", column, csv_path);
            }
            p = next;
            continue;
        }
        if (nf != n_cols) {
            st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, 1,
                               "%d fields, the header has %d (a partly written file?)", nf, n_cols);
            break;
        }
        int month;
        if (!scenario_parse_month(field[date_col], &month)) {
            st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, (int)(field[date_col] - p) + 1,
                               "'%s' is not a date YYYY-MM", field[date_col]);
            break;
        }
        const char *cell = field[value_col];
        int column_no = (int)(cell - p) + 1;
        if (cell[0] != '\0') {
            char *stop;
            errno = 0;
            double v = strtod(cell, &stop);
            if (*stop != '\0' || errno || !isfinite(v)) {
                st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, column_no,
                                   "'%s' is not a number", cell);
                break;
            }
            if (v < info->min || v > info->max) {
                st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line, column_no,
                                   "path '%s' must be in [%g, %g] (%s), got %s", info->name,
                                   info->min, info->max, info->unit, cell);
                break;
            }
            for (int k = 0; k < n && st == YF_OK; k++)
                if (points[k].date == month)
                    st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, line,
                                       (int)(field[date_col] - p) + 1,
                                       "the month %s appears twice (first at line %d)",
                                       field[date_col], points[k].origin.line);
            if (st != YF_OK)
                break;
            points[n++] = (scenario_point){month, v, {interned_csv_name, line, column_no}};
        }
        p = next;
    }
    if (st == YF_OK && date_col < 0)
        st = scenario_fail(diag, YF_ERR_ARGUMENT, interned_csv_name, 0, 0,
                           "the file is empty (a path file is 'date,<column>...')");
    if (st == YF_OK && n == 0)
        st = scenario_fail(diag, YF_ERR_ARGUMENT, column_at->file, column_at->line,
                           column_at->column, "column '%s' of %s has no values", column, csv_path);
    yf_mem_free(text);
    if (st != YF_OK) {
        yf_mem_free(points);
        return st;
    }
    *out_points = points;
    *out_n = n;
    return YF_OK;
}

/* ---- writing the paths into the world ----------------------------------- */

static const char *const gdp_series[N_DESTINATIONS][4] = {
    {"us_gdp_usd", NULL},
    {"eu_gdp_usd", NULL},
    {"world_gdp_usd", "us_gdp_usd", "eu_gdp_usd", "china_gdp_usd"},
};

/* Month (0..11) named in a tariff point's unit text ("% (20 Jan 2025, ...)"):
 * the first word that is an English month name or its three-letter
 * abbreviation; January if none (the rule of src/data/world.c). */
static int month_named(const char *text)
{
    static const char *const months[12] = {"january",   "february", "march",    "april",
                                           "may",       "june",     "july",     "august",
                                           "september", "october",  "november", "december"};
    for (const char *p = text; p && *p;) {
        const char *w = p;
        while (isalpha((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        for (int k = 0; k < 12 && n >= 3; k++)
            if ((n == 3 || n == strlen(months[k])) && strncasecmp(w, months[k], n) == 0)
                return k;
        if (n == 0)
            p++;
    }
    return 0;
}

/*
 * The last absolute month of path p that comes from data, or -1 when the data
 * give none: the last Fed funds month; the month of the last US tariff point;
 * July of the last year of every GDP series of the destination (the annual
 * value sits in July; later months are the extension rule).
 */
static int data_months(const economy *e, int p)
{
    const int start = e->size.start_year * 12;
    switch (p) {
    case PATH_FED_FUNDS:
        return start + e->world.last_data_month[0];
    case PATH_TARIFF_US: {
        int year = data_last_period(e->annual, "us_avg_tariff_on_china_bown");
        return year < 0
                   ? -1
                   : year * 12 +
                         month_named(data_unit(e->annual, "us_avg_tariff_on_china_bown", year));
    }
    case PATH_GROWTH_US:
    case PATH_GROWTH_EU:
    case PATH_GROWTH_REST: {
        int last = 1 << 30;
        for (const char *const *s = gdp_series[p - PATH_GROWTH_US];
             s < gdp_series[p - PATH_GROWTH_US] + 4 && *s; s++) {
            int l = data_last_period(e->gdp, *s);
            last = l < last ? l : last;
        }
        return last < 0 ? -1 : last * 12 + 6;
    }
    default:
        return -1;
    }
}

static double *level_array(economy *e, int p)
{
    world_path *w = &e->world;
    return p == PATH_FED_FUNDS     ? w->fed_funds
           : p == PATH_TARIFF_US   ? w->tariff[DEST_US]
           : p == PATH_TARIFF_EU   ? w->tariff[DEST_EU]
           : p == PATH_TARIFF_REST ? w->tariff[DEST_REST]
                                   : w->foreign_gdp_usd[p - PATH_GROWTH_US];
}

yf_status scenario_paths_write(const scenario *s, economy *e, yf_diag *diag)
{
    /* Check everything first: a refused scenario changes nothing. */
    for (int p = 0; p < N_SCENARIO_PATHS; p++) {
        const scenario_path *path = &s->path[p];
        if (!path->set || path->replace_data)
            continue;
        int last = data_months(e, p);
        if (path->points[0].date <= last) {
            char first[16], data_end[16];
            scenario_month_label(path->points[0].date, first, sizeof first);
            scenario_month_label(last, data_end, sizeof data_end);
            const scenario_origin *o = &path->points[0].origin;
            return scenario_fail(diag, YF_ERR_ARGUMENT, o->file, o->line, o->column,
                                 "path '%s' starts in %s, a month with data (the data run to %s): "
                                 "start after it, or add 'replace_data: true'",
                                 scenario_path_table[p].name, first, data_end);
        }
    }
    const int start = e->size.start_year * 12;
    for (int p = 0; p < N_SCENARIO_PATHS; p++) {
        const scenario_path *path = &s->path[p];
        if (!path->set)
            continue;
        double *x = level_array(e, p);
        const bool growth = p >= PATH_GROWTH_US;
        int k = -1; /* the point in force */
        for (int m = 0; m < e->world.n_months; m++) {
            while (k + 1 < path->n_points && path->points[k + 1].date <= start + m)
                k++;
            if (k < 0)
                continue;
            const double v = path->points[k].value;
            if (!growth)
                x[m] = v;
            else if (m > 0)
                x[m] = x[m - 1] * pow(1.0 + v, 1.0 / 12.0);
        }
    }
    return YF_OK;
}
