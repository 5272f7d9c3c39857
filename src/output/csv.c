/*
 * csv.c: the tidy CSV of a run (docs/outputs.md section 1.1). One observation
 * per row, columns
 *
 *     scenario,run,seed,date,series,region,value
 *
 * for each series in order: its monthly rows ("2000-01", ...), then its annual
 * rows ("2000", ...). Region is "CN" (national) until regional series exist.
 * Values are the shortest decimal that reads back as the same double; a
 * missing value (NaN) is an empty field. Fields are quoted as RFC 4180 says
 * when they hold a comma, a quote or a line break; lines end with "\n".
 */
#include <inttypes.h>
#include <string.h>

#include "core/core.h"
#include "output/output_int.h"

/* A field, quoted if it must be (RFC 4180: embedded quotes are doubled). */
static void put_field(atomic_file *af, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        atomic_write(af, s, strlen(s));
        return;
    }
    atomic_write(af, "\"", 1);
    for (const char *p = s; *p; p++) {
        const char *q = strchr(p, '"');
        size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
        atomic_write(af, p, n);
        if (q)
            atomic_write(af, "\"", 1); /* the doubled quote */
        p += n - 1;
    }
    atomic_write(af, "\"", 1);
}

/* The row's tail: ",date,series,CN,value\n" after the fixed prefix. */
static void put_row(atomic_file *af,
                    const char *prefix,
                    size_t prefix_len,
                    const char *date,
                    const output_series *s,
                    double value)
{
    char num[32];
    output_format_double(value, num, sizeof num);
    atomic_write(af, prefix, prefix_len);
    atomic_write(af, date, strlen(date));
    atomic_write(af, ",", 1);
    put_field(af, s->name);
    atomic_write(af, ",CN,", 4);
    atomic_write(af, num, strlen(num));
    atomic_write(af, "\n", 1);
}

/* s as a CSV field into out (room for 2 * strlen(s) + 3 bytes); its length. */
static size_t escape_field(const char *s, char *out)
{
    size_t len = 0;
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        out[len++] = '"';
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            out[len++] = '"';
        out[len++] = *p;
    }
    if (quote)
        out[len++] = '"';
    out[len] = '\0';
    return len;
}

yf_status output_write_csv(const output_run *run, const char *path, yf_diag *diag)
{
    yf_status st = output_check_run_for(run, path, diag);
    if (st != YF_OK)
        return st;
    /* "scenario,run,seed," is the same on every row: render it once. */
    char tail[64];
    snprintf(tail, sizeof tail, ",%" PRId32 ",%" PRId64 ",", run->run, run->seed);
    char *prefix = yf_malloc(2 * strlen(run->scenario) + 3 + sizeof tail);
    if (!prefix)
        return output_fail(diag, YF_ERR_NOMEM, path, "cannot write '%s': out of memory", path);
    size_t len = escape_field(run->scenario, prefix);
    memcpy(prefix + len, tail, strlen(tail) + 1);
    len += strlen(tail);

    atomic_file af;
    st = atomic_open(&af, path, diag);
    if (st != YF_OK) {
        yf_mem_free(prefix);
        return st;
    }
    static const char header[] = "scenario,run,seed,date,series,region,value\n";
    atomic_write(&af, header, sizeof header - 1);
    int first_year, n_years;
    output_annual_years(run, &first_year, &n_years);
    char date[16];
    for (int k = 0; k < run->n_series && !af.err; k++) {
        const output_series *s = &run->series[k];
        for (int m = 0; m < run->n_months; m++) {
            output_month_label(run, m, date, sizeof date);
            put_row(&af, prefix, len, date, s, s->values[m]);
        }
        for (int y = 0; y < n_years; y++) {
            snprintf(date, sizeof date, "%04d", first_year + y);
            put_row(&af, prefix, len, date, s, output_annual_value(run, s, first_year + y));
        }
    }
    yf_mem_free(prefix);
    return atomic_commit(&af, diag);
}
