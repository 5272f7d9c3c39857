/*
 * data.c: the loader of the shipped data files (the CSV files in data/; docs/data.md).
 *
 * A file is long-format CSV: a header (series,year|date,value,unit,source,note)
 * then one row per (series, period). The whole file is read into memory, every
 * row is parsed and checked, and only a file with no error at all becomes a
 * data_set: the first error found (in file order) is reported as
 * "path:line:column: error: what" and everything taken so far is freed.
 *
 * Layout of a data_set, three blocks besides the path:
 *   text   the unquoted field texts kept (series, unit, source), NUL-terminated;
 *          never longer than the file itself, so it is sized once from it;
 *   rows   one per data row, sorted by (series, period) after the parse, so a
 *          series is a contiguous run found by binary search;
 *   series the distinct series names with their run of rows, plus an
 *          open-addressing hash table from name to series.
 * Periods are plain integers: the year in annual files, year*12 + month - 1
 * in monthly ones.
 */
#define _POSIX_C_SOURCE 200809L /* fileno, fstat */
#include "data.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"

enum { N_FIELDS = 6, READ_CHUNK = 64 * 1024, MAX_FILE = 1 << 30 };

static const char *const field_names[N_FIELDS] = {"series", "year",   "value",
                                                  "unit",   "source", "note"};

typedef struct data_row {
    int32_t series;   /* index into data_set.series */
    int32_t period;   /* year, or year*12 + month - 1 */
    int32_t line;     /* 1-based line of the row in the file */
    int32_t column;   /* 1-based column of its period field */
    double value;     /* the number as written, in the row's unit */
    const char *unit; /* into data_set.text */
} data_row;

typedef struct data_series {
    const char *name;   /* into data_set.text */
    const char *source; /* source text of its first row in file order */
    int32_t first, n;   /* rows[first .. first + n), by increasing period */
} data_series;

struct data_set {
    char *path;
    bool monthly; /* second column is "date" rather than "year" */
    char *text;
    data_row *rows;
    int32_t n_rows;
    data_series *series;
    int32_t n_series;
    int32_t *slots;     /* hash table: series index or -1 when empty */
    uint32_t slot_mask; /* number of slots - 1 (a power of two minus one) */
};

/* ---- diagnostics ------------------------------------------------------------ */

static void diag_clear(yf_diag *diag)
{
    if (!diag)
        return;
    diag->path[0] = '\0';
    diag->line = diag->column = 0;
    diag->message[0] = '\0';
}

/*
 * Fill the diagnostic with "path:line:column: error: what" ("path: error: what"
 * when line is 0, "error: what" without a path) and return `status`. A message
 * longer than the buffer is cut, which is acceptable.
 */
__attribute__((format(printf, 6, 0))) static yf_status diag_vat(yf_diag *diag,
                          yf_status status,
                          const char *path,
                          int line,
                          int column,
                          const char *fmt,
                          va_list ap)
{
    if (!diag)
        return status;
    char *msg = diag->message;
    size_t size = sizeof diag->message;
    (void)snprintf(diag->path, sizeof diag->path, "%s", path);
    diag->line = line;
    diag->column = column;
    int n = line > 0  ? snprintf(msg, size, "%s:%d:%d: error: ", path, line, column)
            : path[0] ? snprintf(msg, size, "%s: error: ", path)
                      : snprintf(msg, size, "error: ");
    size_t used = n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
    (void)vsnprintf(msg + used, size - used, fmt, ap);
    return status;
}

__attribute__((format(printf, 6, 7))) static yf_status diag_at(
    yf_diag *diag, yf_status status, const char *path, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    status = diag_vat(diag, status, path, line, column, fmt, ap);
    va_end(ap);
    return status;
}

/* ---- reading the file ---------------------------------------------------------- */

/*
 * Read the whole file into a NUL-terminated buffer (*out, owned by the caller).
 * Reads in chunks rather than trusting the size, so that a directory or a pipe
 * gives errno's answer instead of a bogus size; a regular file larger than
 * MAX_FILE is refused before any of it is read, anything else once MAX_FILE
 * bytes have been read (the buffer never holds more).
 */
static yf_status read_whole_file(const char *path, char **out, size_t *out_size, yf_diag *diag)
{
    *out = NULL;
    *out_size = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_at(diag, YF_ERR_IO, path, 0, 0, "cannot open '%s': %s", path, strerror(errno));
    struct stat info;
    if (fstat(fileno(f), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > MAX_FILE) {
        fclose(f);
        return diag_at(diag, YF_ERR_IO, path, 0, 0, "cannot read '%s': larger than 1 GiB", path);
    }
    size_t cap = READ_CHUNK, len = 0;
    char *buf = yf_malloc(cap + 1);
    yf_status st = YF_OK;
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap) {
            if (ferror(f))
                st = diag_at(diag, YF_ERR_IO, path, 0, 0, "cannot read '%s': %s", path,
                             strerror(errno));
            break;
        }
        if (cap >= MAX_FILE) {
            st = diag_at(diag, YF_ERR_IO, path, 0, 0, "cannot read '%s': larger than 1 GiB", path);
            break;
        }
        char *bigger = yf_malloc(2 * cap + 1);
        if (bigger)
            memcpy(bigger, buf, len);
        yf_mem_free(buf);
        buf = bigger;
        cap *= 2;
    }
    fclose(f);
    if (!buf)
        return diag_at(diag, YF_ERR_NOMEM, path, 0, 0, "out of memory reading '%s'", path);
    if (st != YF_OK) {
        yf_mem_free(buf);
        return st;
    }
    buf[len] = '\0';
    *out = buf;
    *out_size = len;
    return YF_OK;
}

/* ---- CSV parsing ------------------------------------------------------------------ */

typedef struct parser {
    const char *path;
    const char *p, *end;    /* cursor in the file's bytes */
    const char *line_start; /* first byte of the current line */
    int line;               /* 1-based number of the current line */
    char *pool;             /* where field texts are written (data_set.text) */
    size_t pool_len;
    yf_diag *diag;
} parser;

typedef struct field {
    char *text; /* unquoted, NUL-terminated, in the pool */
    int column; /* 1-based column of its first byte (the quote, if quoted) */
} field;

static int column_of(const parser *ps, const char *at)
{
    return (int)(at - ps->line_start) + 1;
}

__attribute__((format(printf, 4, 5))) static yf_status
parse_fail(const parser *ps, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    (void)diag_vat(ps->diag, YF_ERR_ARGUMENT, ps->path, line, column, fmt, ap);
    va_end(ap);
    return YF_ERR_ARGUMENT; /* a constant, so that callers (and clang-tidy) see a failure */
}

/* True at the end of a line: LF, CRLF, a CR that ends the file, or the end of the file. */
static bool at_line_end(const parser *ps, const char *p)
{
    return p == ps->end || *p == '\n' || (*p == '\r' && (p + 1 == ps->end || p[1] == '\n'));
}

/* Step over the end of the current line and start the next. */
static void next_line(parser *ps)
{
    if (ps->p < ps->end && *ps->p == '\r')
        ps->p++;
    if (ps->p < ps->end && *ps->p == '\n')
        ps->p++;
    ps->line++;
    ps->line_start = ps->p;
}

/*
 * Read one field at the cursor into the pool and stop on the comma or line end
 * that follows it (not consumed). A field starting with a quote runs to the
 * matching quote, "" standing for one quote; it may hold commas but not a line end.
 */
static yf_status read_quoted(parser *ps, char **w)
{
    const char *open = ps->p++;
    for (;;) {
        if (at_line_end(ps, ps->p))
            return parse_fail(ps, ps->line, column_of(ps, open), "unterminated quote");
        if (*ps->p == '"' && ps->p + 1 < ps->end && ps->p[1] == '"') {
            *(*w)++ = '"';
            ps->p += 2;
        } else if (*ps->p == '"') {
            ps->p++;
            break;
        } else if (*ps->p == '\0') {
            return parse_fail(ps, ps->line, column_of(ps, ps->p), "nul byte in a field");
        } else {
            *(*w)++ = *ps->p++;
        }
    }
    if (!at_line_end(ps, ps->p) && *ps->p != ',')
        return parse_fail(ps, ps->line, column_of(ps, ps->p),
                          "unexpected '%c' after a closing quote", *ps->p);
    return YF_OK;
}

static yf_status read_plain(parser *ps, char **w)
{
    while (!at_line_end(ps, ps->p) && *ps->p != ',') {
        if (*ps->p == '"')
            return parse_fail(ps, ps->line, column_of(ps, ps->p),
                              "quote inside an unquoted field (quote the whole field)");
        if (*ps->p == '\0')
            return parse_fail(ps, ps->line, column_of(ps, ps->p), "nul byte in a field");
        *(*w)++ = *ps->p++;
    }
    return YF_OK;
}

static yf_status read_field(parser *ps, field *f)
{
    f->column = column_of(ps, ps->p);
    f->text = ps->pool + ps->pool_len;
    char *w = f->text;
    bool quoted = ps->p < ps->end && *ps->p == '"';
    yf_status st = quoted ? read_quoted(ps, &w) : read_plain(ps, &w);
    if (st != YF_OK)
        return st;
    *w++ = '\0';
    ps->pool_len = (size_t)(w - ps->pool);
    return YF_OK;
}

/* Read the N_FIELDS fields of one line; the cursor is left at the line's end. */
static yf_status read_record(parser *ps, field fields[N_FIELDS])
{
    for (int k = 0;; k++) {
        if (k == N_FIELDS)
            return parse_fail(ps, ps->line, column_of(ps, ps->p), "too many fields (expected %d)",
                              N_FIELDS);
        yf_status st = read_field(ps, &fields[k]);
        if (st != YF_OK)
            return st;
        if (at_line_end(ps, ps->p)) {
            if (k + 1 < N_FIELDS)
                return parse_fail(ps, ps->line, column_of(ps, ps->p),
                                  "expected %d fields, found %d", N_FIELDS, k + 1);
            return YF_OK;
        }
        ps->p++; /* the comma */
    }
}

/* The header names the columns; the second says whether the file is annual or monthly. */
static yf_status read_header(parser *ps, bool *monthly)
{
    size_t pool_mark = ps->pool_len;
    if (ps->end - ps->p >= 3 && memcmp(ps->p, "\xEF\xBB\xBF", 3) == 0)
        ps->line_start = ps->p += 3; /* a UTF-8 byte order mark is not part of the header */
    if (ps->p == ps->end)
        return parse_fail(ps, 1, 1, "empty file (expected the header '%s,year|date,%s,%s,%s,%s')",
                          field_names[0], field_names[2], field_names[3], field_names[4],
                          field_names[5]);
    field fields[N_FIELDS];
    yf_status st = read_record(ps, fields);
    if (st != YF_OK)
        return st;
    *monthly = strcmp(fields[1].text, "date") == 0;
    for (int k = 0; k < N_FIELDS; k++) {
        if (k == 1 && (*monthly || strcmp(fields[1].text, "year") == 0))
            continue;
        if (k == 1)
            return parse_fail(ps, ps->line, fields[1].column,
                              "header column '%.40s' should be 'year' or 'date'", fields[1].text);
        if (strcmp(fields[k].text, field_names[k]) != 0)
            return parse_fail(ps, ps->line, fields[k].column,
                              "header column '%.40s' should be '%s'", fields[k].text,
                              field_names[k]);
    }
    ps->pool_len = pool_mark; /* the header's texts are not kept */
    next_line(ps);
    return YF_OK;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* A year is four digits; a date is YYYY-MM or YYYY-MM-DD (stored under its month). */
static yf_status parse_period(const parser *ps, const field *f, bool monthly, int32_t *out)
{
    const char *s = f->text;
    size_t n = strlen(s);
    if (!monthly) {
        if (n != 4 || !all_digits(s, 4))
            return parse_fail(ps, ps->line, f->column, "year '%.40s' is not a four-digit year", s);
        *out = digits_value(s, 4);
        return YF_OK;
    }
    bool shape = (n == 7 || n == 10) && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) &&
                 (n == 7 || (s[7] == '-' && all_digits(s + 8, 2)));
    int year = shape ? digits_value(s, 4) : 0, month = shape ? digits_value(s + 5, 2) : 0;
    bool valid = shape && month >= 1 && month <= 12;
    if (valid && n == 10) {
        int day = digits_value(s + 8, 2);
        valid = day >= 1 && day <= days_in_month(year, month);
    }
    if (!valid)
        return parse_fail(ps, ps->line, f->column,
                          "date '%.40s' is not a valid YYYY-MM or YYYY-MM-DD date", s);
    *out = year * 12 + month - 1;
    return YF_OK;
}

/* A finite decimal number: digits, sign, point and exponent only (no "nan", "inf", hex). */
static yf_status parse_value(const parser *ps, const field *f, double *out)
{
    const char *s = f->text;
    bool chars_ok = s[0] != '\0' && strspn(s, "0123456789+-.eE") == strlen(s);
    char *rest = NULL;
    double v = chars_ok ? strtod(s, &rest) : 0.0;
    if (!chars_ok || rest == s || *rest != '\0')
        return parse_fail(ps, ps->line, f->column, "value '%.40s' is not a number", s);
    if (!isfinite(v))
        return parse_fail(ps, ps->line, f->column, "value '%.40s' is not a finite number", s);
    *out = v;
    return YF_OK;
}

/* ---- the series index ------------------------------------------------------------- */

/* FNV-1a, 32 bits: enough for a few dozen names in a table at most half full. */
static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261U;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619U;
    return h;
}

/* The slot holding `name`, or the empty slot where it would go. */
static uint32_t find_slot(const data_set *d, const char *name)
{
    uint32_t i = hash_name(name) & d->slot_mask;
    while (d->slots[i] >= 0 && strcmp(d->series[d->slots[i]].name, name) != 0)
        i = (i + 1) & d->slot_mask;
    return i;
}

static const data_series *find_series(const data_set *d, const char *name)
{
    if (!d || !name)
        return NULL;
    int32_t s = d->slots[find_slot(d, name)];
    return s >= 0 ? &d->series[s] : NULL;
}

/* The row of `series` at `period`, by binary search in its run; NULL if absent. */
static const data_row *find_row(const data_set *d, const char *series, int period)
{
    const data_series *s = find_series(d, series);
    if (!s)
        return NULL;
    int32_t lo = s->first, hi = s->first + s->n; /* search [lo, hi) */
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (d->rows[mid].period < period)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->first + s->n && d->rows[lo].period == period ? &d->rows[lo] : NULL;
}

static int compare_rows(const void *a, const void *b)
{
    const data_row *x = a, *y = b;
    if (x->series != y->series)
        return x->series < y->series ? -1 : 1;
    if (x->period != y->period)
        return x->period < y->period ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static void format_period(bool monthly, int32_t period, char *out, size_t size)
{
    if (monthly)
        snprintf(out, size, "%04d-%02d", (int)(period / 12), (int)(period % 12 + 1));
    else
        snprintf(out, size, "%04d", (int)period);
}

/*
 * Sort the rows by (series, period, line), refuse a repeated (series, period)
 * (reporting the repeat that comes first in the file) and record each series' run.
 */
static yf_status index_rows(data_set *d, yf_diag *diag)
{
    qsort(d->rows, (size_t)d->n_rows, sizeof d->rows[0], compare_rows);
    const data_row *repeat = NULL, *original = NULL;
    for (int32_t i = 1; i < d->n_rows; i++) {
        const data_row *a = &d->rows[i - 1], *b = &d->rows[i];
        if (a->series == b->series && a->period == b->period &&
            (!repeat || b->line < repeat->line)) {
            repeat = b;
            original = a;
        }
    }
    if (repeat) {
        char when[16];
        format_period(d->monthly, repeat->period, when, sizeof when);
        return diag_at(diag, YF_ERR_ARGUMENT, d->path, repeat->line, repeat->column,
                       "duplicate row for series '%s' at %s (first at line %d)",
                       d->series[repeat->series].name, when, (int)original->line);
    }
    for (int32_t i = 0; i < d->n_rows; i++) {
        data_series *s = &d->series[d->rows[i].series];
        if (s->n++ == 0)
            s->first = i;
    }
    return YF_OK;
}

/* ---- loading -------------------------------------------------------------------------- */

void data_free(data_set *d)
{
    if (!d)
        return;
    yf_mem_free(d->path);
    yf_mem_free(d->text);
    yf_mem_free(d->rows);
    yf_mem_free(d->series);
    yf_mem_free(d->slots);
    yf_mem_free(d);
}

/*
 * Allocate the blocks of a set for a file of `size` bytes and `n_lines` lines:
 * at most n_lines rows and as many series; text never longer than the file.
 */
static data_set *data_alloc(const char *path, size_t size, size_t n_lines)
{
    data_set *d = yf_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    uint32_t n_slots = 16;
    while (n_slots < 2 * n_lines)
        n_slots *= 2;
    d->path = yf_strdup(path);
    d->text = yf_malloc(size + 1);
    d->rows = yf_calloc(n_lines, sizeof d->rows[0]);
    d->series = yf_calloc(n_lines, sizeof d->series[0]);
    d->slots = yf_malloc(n_slots * sizeof d->slots[0]);
    if (!d->path || !d->text || !d->rows || !d->series || !d->slots) {
        data_free(d);
        return NULL;
    }
    d->slot_mask = n_slots - 1;
    memset(d->slots, 0xff, n_slots * sizeof d->slots[0]); /* every slot -1 */
    return d;
}

/* Parse one data line into the next row; the series is interned on first sight. */
static yf_status read_row(parser *ps, data_set *d)
{
    field f[N_FIELDS];
    yf_status st = read_record(ps, f);
    if (st != YF_OK)
        return st;
    if (f[0].text[0] == '\0')
        return parse_fail(ps, ps->line, f[0].column, "empty series name");
    data_row *r = &d->rows[d->n_rows];
    if ((st = parse_period(ps, &f[1], d->monthly, &r->period)) != YF_OK ||
        (st = parse_value(ps, &f[2], &r->value)) != YF_OK)
        return st;
    uint32_t slot = find_slot(d, f[0].text);
    if (d->slots[slot] < 0) {
        d->slots[slot] = d->n_series;
        d->series[d->n_series++] = (data_series){.name = f[0].text, .source = f[4].text};
    }
    r->series = d->slots[slot];
    r->line = ps->line;
    r->column = f[1].column;
    r->unit = f[3].text;
    d->n_rows++;
    return YF_OK;
}

yf_status data_load(data_set **out, const char *path, yf_diag *diag)
{
    diag_clear(diag);
    if (!out || !path)
        return diag_at(diag, YF_ERR_ARGUMENT, "", 0, 0, "data_load needs a path and an output");
    *out = NULL;
    char *buf = NULL;
    size_t size = 0;
    yf_status st = read_whole_file(path, &buf, &size, diag);
    if (st != YF_OK)
        return st;
    size_t n_lines = 1;
    for (const char *c = buf; (c = memchr(c, '\n', size - (size_t)(c - buf))) != NULL; c++)
        n_lines++;
    /* No limit of its own: read_whole_file keeps fewer than MAX_FILE bytes, so
     * there are at most MAX_FILE lines, and MAX_FILE <= 2^30 keeps 2 * n_lines
     * (the hash table's slots, data_alloc) within uint32_t and every row and
     * series index within int32_t. */
    static_assert(MAX_FILE <= (1 << 30), "the line count must fit the hash table");
    assert(n_lines <= (size_t)MAX_FILE);
    data_set *d = data_alloc(path, size, n_lines);
    if (!d) {
        yf_mem_free(buf);
        return diag_at(diag, YF_ERR_NOMEM, path, 0, 0, "out of memory loading '%s'", path);
    }
    parser ps = {.path = path,
                 .p = buf,
                 .end = buf + size,
                 .line_start = buf,
                 .line = 1,
                 .pool = d->text,
                 .diag = diag};
    st = read_header(&ps, &d->monthly);
    while (st == YF_OK && ps.p < ps.end) {
        /* A blank line is skipped; a row is read, and the loop ends at a bad one. */
        if (!at_line_end(&ps, ps.p) && (st = read_row(&ps, d)) != YF_OK)
            break;
        next_line(&ps);
    }
    yf_mem_free(buf);
    if (st == YF_OK)
        st = index_rows(d, diag);
    if (st != YF_OK) {
        data_free(d);
        return st;
    }
    *out = d;
    return YF_OK;
}

/* ---- reading ------------------------------------------------------------------------- */

bool data_annual(const data_set *d, const char *series, int year, double *out)
{
    const data_row *r = d && !d->monthly ? find_row(d, series, year) : NULL;
    if (r && out)
        *out = r->value;
    return r != NULL;
}

bool data_monthly(const data_set *d, const char *series, int year, int month, double *out)
{
    if (!d || !d->monthly || month < 1 || month > 12 || year < 0 || year > 9999)
        return false;
    const data_row *r = find_row(d, series, year * 12 + month - 1);
    if (r && out)
        *out = r->value;
    return r != NULL;
}

int data_first_period(const data_set *d, const char *series)
{
    const data_series *s = find_series(d, series);
    return s ? d->rows[s->first].period : -1;
}

int data_last_period(const data_set *d, const char *series)
{
    const data_series *s = find_series(d, series);
    return s ? d->rows[s->first + s->n - 1].period : -1;
}

const char *data_unit(const data_set *d, const char *series, int period)
{
    const data_row *r = find_row(d, series, period);
    return r ? r->unit : NULL;
}

const char *data_source(const data_set *d, const char *series)
{
    const data_series *s = find_series(d, series);
    return s ? s->source : NULL;
}

bool data_has_series(const data_set *d, const char *series)
{
    return find_series(d, series) != NULL;
}

const char *data_path(const data_set *d)
{
    return d ? d->path : NULL;
}

int data_n_rows(const data_set *d)
{
    return d ? (int)d->n_rows : 0;
}
