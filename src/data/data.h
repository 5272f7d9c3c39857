/*
 * data.h: real data shipped with the project (the CSV files in data/, sources in
 * data/SOURCES.md), loaded with clear errors, and the exogenous monthly paths
 * of the outside world built from it (docs/data.md).
 *
 * Files are long-format CSV with a header line:
 *   series,year,value,unit,source,note     (annual files)
 *   series,date,value,unit,source,note     (monthly files, date = YYYY-MM)
 * Quoted fields may contain commas ("" is a quote inside a quoted field); lines
 * end in LF or CRLF; blank lines are skipped. A monthly file's date may also be
 * YYYY-MM-DD (the quarterly BIS rows carry end-of-quarter dates); it is then
 * stored under its month. A bad file is refused whole, with
 * "path:line:column: message" in the diagnostic, and nothing is returned.
 */
#ifndef YF_DATA_H
#define YF_DATA_H

#include <stdbool.h>
#include <stdint.h>
#include <yuanflow.h>

typedef struct data_set data_set;

/*
 * Load one CSV file. On success *out owns all its memory (data_free).
 * Errors: YF_ERR_IO (cannot open or read; the message names the file and
 * errno's text), YF_ERR_ARGUMENT for a malformed file (bad header, wrong number
 * of fields, a value that is not a finite number, a bad year or date, an
 * unterminated quote, the same series and date twice), YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status data_load(data_set **out, const char *path, yf_diag *diag);
void data_free(data_set *d);

/* Annual value of `series` in `year`; false if the file has no such row. */
bool data_annual(const data_set *d, const char *series, int year, double *out);

/* Monthly value of `series` in (year, month 1..12); false if absent. */
bool data_monthly(const data_set *d, const char *series, int year, int month, double *out);

/* Last year (annual) or last month index year*12+month-1 (monthly) with a
 * value for `series`; -1 if the series is absent. */
int data_last_period(const data_set *d, const char *series);

/* First year (annual) or first month index with a value for `series`; -1 if absent. */
int data_first_period(const data_set *d, const char *series);

/* The unit text of the row of `series` at `period` (a year, or a month index
 * year*12+month-1), or NULL if absent. Some rows say there which month a
 * point refers to (the Bown tariff points: "% (Dec 2019, trade-weighted)"). */
const char *data_unit(const data_set *d, const char *series, int period);

/* The path the set was loaded from (for messages), and its number of data rows. */
const char *data_path(const data_set *d);
int data_n_rows(const data_set *d);

/* The source text of the first row of `series` (for reports), or NULL. */
const char *data_source(const data_set *d, const char *series);

/* True if the file has at least one row of `series`. */
bool data_has_series(const data_set *d, const char *series);

/* ---- the outside world, month by month (world.c) ------------------------ */

enum world_destination { DEST_US, DEST_EU, DEST_REST, N_DESTINATIONS };

/*
 * Rules for the months after the data end (and before they begin), each a
 * scenario parameter with its default documented in docs/data.md.
 */
typedef struct world_extension {
    double foreign_growth;     /* nominal USD GDP growth per year after the data, fraction */
    double tariff_before_data; /* US tariff on China before the first data point, fraction */
    double tariff_eu;          /* EU tariff on China's exports, fraction, whole horizon */
    double tariff_rest;        /* rest of world tariff on China's exports, fraction */
} world_extension;

/*
 * Monthly paths, index m = 0 for January of start_year. All arrays n_months long.
 * last_data_month[k] is the last month index m with data, [0] for fed funds and
 * [1] for USD/CNY; it may be >= n_months (data beyond the path) or < 0 (a path
 * that starts after the data).
 */
typedef struct world_path {
    int start_year, n_months;
    double *fed_funds;              /* US federal funds rate, fraction per year */
    double *usdcny;                 /* yuan per US dollar, monthly average */
    double *tariff[N_DESTINATIONS]; /* ad valorem tariff on China's exports, fraction */
    /* destination's nominal GDP, USD per year (annual rate) */
    double *foreign_gdp_usd[N_DESTINATIONS];
    int last_data_month[2];
} world_path;

/*
 * Build the world's monthly paths from the shipped data:
 *   monthly: data/monthly_inputs.csv (us_fedfunds_monthly, usdcny_monthly)
 *   annual:  data/china_annual.csv (us_avg_tariff_on_china_bown)
 *   gdp:     data/world_gdp.csv (nominal GDP in current USD of the World, the
 *            United States, the European Union and China; rest = World - US - EU - China)
 * Annual GDP is interpolated geometrically to months (the annual value is the
 * rate in mid-year: July carries it exactly); months beyond the data follow `ext`.
 * Fed funds and USD/CNY after their last month stay at their last value.
 * The US tariff is a step function of the Bown points, each from the month its
 * unit text names ("% (Dec 2019, ...)"), January if none.
 * On success every array lives in one block owned by *out: release it with
 * world_path_release (a zeroed or released path may be released again).
 * On failure *out is zeroed (when out is not NULL).
 * Errors: YF_ERR_ARGUMENT with a message naming the missing series and period
 * (a start before the data is one) or the bad argument, YF_ERR_NOMEM.
 */
YF_MUST_CHECK yf_status world_path_build(world_path *out,
                                         const data_set *monthly,
                                         const data_set *annual,
                                         const data_set *gdp,
                                         int start_year,
                                         int n_months,
                                         const world_extension *ext,
                                         yf_diag *diag);
void world_path_release(world_path *w);

#endif
