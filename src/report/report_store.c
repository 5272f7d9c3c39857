/*
 * report_store.c: the runs a report shows, read from the SQLite run store
 * (docs/outputs.md section 1.3) read-only. A store of schema version 1 has no
 * matrices table; its runs are read all the same.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "report/report.h"

enum { STORE_APPLICATION_ID = 0x59464C57 };

struct report_store {
    sqlite3 *db;
    char *path;
    int version;
};

static yf_status fail(yf_diag *diag, yf_status code, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static yf_status fail(yf_diag *diag, yf_status code, const char *path, const char *fmt, ...)
{
    if (diag) {
        memset(diag, 0, sizeof *diag);
        if (path)
            snprintf(diag->path, sizeof diag->path, "%s", path);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(diag->message, sizeof diag->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

static yf_status db_fail(report_store *st, yf_diag *diag, const char *what)
{
    return fail(diag, YF_ERR_IO, st->path, "cannot read run store '%s': %s: %s", st->path, what,
                sqlite3_errmsg(st->db));
}

static char *dup_text(sqlite3_stmt *q, int col)
{
    const unsigned char *t = sqlite3_column_text(q, col);
    return yf_strdup(t ? (const char *)t : "");
}

static bool query_int(report_store *st, const char *sql, int64_t *out)
{
    sqlite3_stmt *q = NULL;
    bool ok =
        sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW;
    if (ok)
        *out = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return ok;
}

yf_status report_store_open(report_store **out, const char *path, yf_diag *diag)
{
    *out = NULL;
    report_store *st = yf_calloc(1, sizeof *st);
    if (!st || !(st->path = yf_strdup(path))) {
        yf_mem_free(st);
        return fail(diag, YF_ERR_NOMEM, path, "out of memory");
    }
    /* SQLITE_OPEN_READONLY without CREATE: a missing file is an error, not a
     * new empty store. */
    if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        yf_status s = fail(diag, YF_ERR_IO, path, "cannot open run store '%s': %s", path,
                           st->db ? sqlite3_errmsg(st->db) : "out of memory");
        report_store_close(st);
        return s;
    }
    sqlite3_busy_timeout(st->db, 30000);
    int64_t app = 0, version = 0;
    if (!query_int(st, "PRAGMA application_id", &app) ||
        !query_int(st, "PRAGMA user_version", &version)) {
        yf_status s = fail(diag, YF_ERR_IO, path,
                           "cannot read run store '%s': it is not a SQLite database (%s)", path,
                           sqlite3_errmsg(st->db));
        report_store_close(st);
        return s;
    }
    if (app != STORE_APPLICATION_ID) {
        report_store_close(st);
        return fail(diag, YF_ERR_ARGUMENT, path,
                    "'%s' is not a yuanflow run store (no runs were ever written to it)", path);
    }
    if (version < 1 || version > 3) {
        report_store_close(st);
        return fail(diag, YF_ERR_ARGUMENT, path,
                    "cannot read run store '%s': its schema version is %lld, this yuanflow "
                    "reads versions 1 to 3",
                    path, (long long)version);
    }
    st->version = (int)version;
    *out = st;
    return YF_OK;
}

void report_store_close(report_store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    yf_mem_free(st->path);
    yf_mem_free(st);
}

int report_store_version(const report_store *st)
{
    return st->version;
}

/* The int64 first column of every row of a query with one optional text
 * parameter. */
static yf_status ids_of(
    report_store *st, const char *sql, const char *param, int64_t **out, int *out_n, yf_diag *diag)
{
    *out = NULL;
    *out_n = 0;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, diag, "cannot list the runs");
    if (param)
        sqlite3_bind_text(q, 1, param, -1, SQLITE_STATIC);
    int n = 0, cap = 0, rc;
    int64_t *ids = NULL;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            int64_t *grown = yf_calloc((size_t)cap, sizeof *grown);
            if (!grown) {
                yf_mem_free(ids);
                sqlite3_finalize(q);
                return fail(diag, YF_ERR_NOMEM, st->path, "out of memory");
            }
            if (n)
                memcpy(grown, ids, (size_t)n * sizeof *ids);
            yf_mem_free(ids);
            ids = grown;
        }
        ids[n++] = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        yf_mem_free(ids);
        return db_fail(st, diag, "cannot list the runs");
    }
    *out = ids;
    *out_n = n;
    return YF_OK;
}

yf_status report_store_run_ids(report_store *st, int64_t **out_ids, int *out_n, yf_diag *diag)
{
    return ids_of(st, "SELECT id FROM runs ORDER BY id", NULL, out_ids, out_n, diag);
}

yf_status report_store_scenario_runs(
    report_store *st, const char *name, int64_t **out_ids, int *out_n, yf_diag *diag)
{
    return ids_of(st, "SELECT id FROM runs WHERE scenario = ?1 ORDER BY id", name, out_ids, out_n,
                  diag);
}

void report_strings_free(char **names, int n)
{
    if (!names)
        return;
    for (int k = 0; k < n; k++)
        yf_mem_free(names[k]);
    yf_mem_free(names);
}

yf_status report_store_scenarios(report_store *st, char ***out_names, int *out_n, yf_diag *diag)
{
    *out_names = NULL;
    *out_n = 0;
    int64_t count = 0;
    if (!query_int(st, "SELECT count(DISTINCT scenario) FROM runs", &count))
        return db_fail(st, diag, "cannot list the scenarios");
    char **names = yf_calloc((size_t)count + 1, sizeof *names);
    sqlite3_stmt *q = NULL;
    if (!names)
        return fail(diag, YF_ERR_NOMEM, st->path, "out of memory");
    if (sqlite3_prepare_v2(st->db, "SELECT DISTINCT scenario FROM runs ORDER BY scenario", -1, &q,
                           NULL) != SQLITE_OK) {
        yf_mem_free(names);
        return db_fail(st, diag, "cannot list the scenarios");
    }
    int n = 0;
    bool ok = true;
    while (ok && n < count && sqlite3_step(q) == SQLITE_ROW)
        ok = (names[n++] = dup_text(q, 0)) != NULL;
    sqlite3_finalize(q);
    if (!ok) {
        report_strings_free(names, n);
        return fail(diag, YF_ERR_NOMEM, st->path, "out of memory");
    }
    *out_names = names;
    *out_n = n;
    return YF_OK;
}

void report_matrix_release(report_matrix *m)
{
    report_strings_free(m->row_codes, m->n_rows);
    report_strings_free(m->row_labels, m->n_rows);
    report_strings_free(m->columns, m->n_cols);
    yf_mem_free(m->values);
    memset(m, 0, sizeof *m);
}

void report_run_release(report_run *run)
{
    yf_mem_free(run->version);
    yf_mem_free(run->scenario);
    yf_mem_free(run->hash);
    yf_mem_free(run->start);
    yf_mem_free(run->created);
    for (int k = 0; k < run->n_params; k++) {
        yf_mem_free(run->params[k].name);
        yf_mem_free(run->params[k].unit);
    }
    yf_mem_free(run->params);
    for (int k = 0; k < run->n_series; k++) {
        report_series *s = &run->series[k];
        yf_mem_free(s->name);
        yf_mem_free(s->unit);
        yf_mem_free(s->description);
        yf_mem_free(s->aggregation);
        yf_mem_free(s->values);
    }
    yf_mem_free(run->series);
    report_matrix_release(&run->balance_sheet);
    report_matrix_release(&run->flows);
    report_matrix_release(&run->other_changes);
    memset(run, 0, sizeof *run);
}

const report_series *report_run_series(const report_run *run, const char *name)
{
    for (int k = 0; k < run->n_series; k++)
        if (strcmp(run->series[k].name, name) == 0)
            return &run->series[k];
    return NULL;
}

static bool load_meta(report_store *st, report_run *r)
{
    sqlite3_stmt *q = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT version, scenario, scenario_hash, replicate, seed, households,"
                           " firms, start, months, created FROM runs WHERE id = ?1",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, r->id);
        if (sqlite3_step(q) == SQLITE_ROW) {
            found = true;
            r->version = dup_text(q, 0);
            r->scenario = dup_text(q, 1);
            r->hash = dup_text(q, 2);
            r->replicate = sqlite3_column_int64(q, 3);
            r->seed = sqlite3_column_int64(q, 4);
            r->households = sqlite3_column_int64(q, 5);
            r->firms = sqlite3_column_int64(q, 6);
            r->start = dup_text(q, 7);
            r->months = sqlite3_column_int64(q, 8);
            r->created = dup_text(q, 9);
        }
    }
    sqlite3_finalize(q);
    return found;
}

/* What reading part of a run met: the store's own failure has SQLite's
 * message, an allocation's has none (sqlite3_errmsg would say "not an error"). */
typedef enum { LOAD_OK, LOAD_DB_FAILED, LOAD_NO_MEMORY } load_result;

static load_result load_params(report_store *st, report_run *r)
{
    int64_t n = 0;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM parameters WHERE run_id = %lld",
             (long long)r->id);
    if (!query_int(st, sql, &n))
        return LOAD_DB_FAILED;
    r->params = yf_calloc((size_t)n + 1, sizeof *r->params);
    if (!r->params)
        return LOAD_NO_MEMORY;
    sqlite3_stmt *q = NULL;
    /* rowid order is not defined for a WITHOUT ROWID table: by name. */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT name, value, unit FROM parameters WHERE run_id = ?1"
                           " ORDER BY name",
                           -1, &q, NULL) != SQLITE_OK)
        return LOAD_DB_FAILED;
    sqlite3_bind_int64(q, 1, r->id);
    bool ok = true;
    while (ok && r->n_params < n && sqlite3_step(q) == SQLITE_ROW) {
        report_param *p = &r->params[r->n_params++];
        p->name = dup_text(q, 0);
        p->unit = dup_text(q, 2);
        p->value = sqlite3_column_type(q, 1) == SQLITE_NULL ? NAN : sqlite3_column_double(q, 1);
        ok = p->name && p->unit;
    }
    sqlite3_finalize(q);
    return ok ? LOAD_OK : LOAD_NO_MEMORY;
}

/* The run's annual years: from its start and length (whole calendar years). */
static void run_years(report_run *r)
{
    int y = 0, m = 0;
    r->first_year = 0;
    r->n_years = 0;
    if (!report_parse_month(r->start, &y, &m) || m < 1 || m > 12 || r->months <= 0)
        return;
    int first = m == 1 ? y : y + 1;
    int64_t end = (int64_t)y * 12 + (m - 1) + r->months; /* one past the last month */
    int64_t last = end / 12 - 1;                         /* last year with its December */
    r->first_year = first;
    r->n_years = last >= first ? (int)(last - first + 1) : 0;
}

static load_result load_series(report_store *st, report_run *r)
{
    int64_t n = 0;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM series WHERE run_id = %lld", (long long)r->id);
    if (!query_int(st, sql, &n))
        return LOAD_DB_FAILED;
    r->series = yf_calloc((size_t)n + 1, sizeof *r->series);
    if (!r->series)
        return LOAD_NO_MEMORY;
    sqlite3_stmt *q = NULL, *qa = NULL;
    bool ok = sqlite3_prepare_v2(st->db,
                                 "SELECT name, unit, description, aggregation FROM series"
                                 " WHERE run_id = ?1 ORDER BY name",
                                 -1, &q, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(st->db,
                                 "SELECT date, value FROM observations WHERE run_id = ?1 AND"
                                 " series = ?2 AND region = 'CN' AND frequency = 'A'",
                                 -1, &qa, NULL) == SQLITE_OK;
    load_result res = ok ? LOAD_OK : LOAD_DB_FAILED;
    if (ok)
        sqlite3_bind_int64(q, 1, r->id);
    while (ok && r->n_series < n && sqlite3_step(q) == SQLITE_ROW) {
        report_series *s = &r->series[r->n_series++];
        s->name = dup_text(q, 0);
        s->unit = dup_text(q, 1);
        s->description = dup_text(q, 2);
        s->aggregation = dup_text(q, 3);
        s->values = yf_calloc((size_t)r->n_years + 1, sizeof *s->values);
        ok = s->name && s->unit && s->description && s->aggregation && s->values;
        res = ok ? LOAD_OK : LOAD_NO_MEMORY;
        for (int y = 0; ok && y < r->n_years; y++)
            s->values[y] = NAN;
        if (!ok)
            break;
        sqlite3_bind_int64(qa, 1, r->id);
        sqlite3_bind_text(qa, 2, s->name, -1, SQLITE_STATIC);
        while (sqlite3_step(qa) == SQLITE_ROW) {
            const unsigned char *d = sqlite3_column_text(qa, 0);
            long year = d ? strtol((const char *)d, NULL, 10) : -1;
            int y = year >= 0 && year <= 9999 ? (int)year - r->first_year : -1;
            if (y >= 0 && y < r->n_years && sqlite3_column_type(qa, 1) != SQLITE_NULL)
                s->values[y] = sqlite3_column_double(qa, 1);
        }
        sqlite3_reset(qa);
    }
    sqlite3_finalize(q);
    sqlite3_finalize(qa);
    return res;
}

/* Order series as the model lists them would need the model; by name is
 * stable and enough: the charts pick series by name. */
yf_status report_store_load_run(report_store *st, int64_t id, report_run *out, yf_diag *diag)
{
    memset(out, 0, sizeof *out);
    out->id = id;
    if (!load_meta(st, out)) {
        report_run_release(out);
        return fail(diag, YF_ERR_UNKNOWN_NAME, st->path, "no run %lld in '%s'", (long long)id,
                    st->path);
    }
    if (!out->version || !out->scenario || !out->hash || !out->start || !out->created) {
        report_run_release(out);
        return fail(diag, YF_ERR_NOMEM, st->path, "out of memory");
    }
    run_years(out);
    out->id = id;
    load_result res = load_params(st, out);
    if (res == LOAD_OK)
        res = load_series(st, out);
    if (res != LOAD_OK) {
        yf_status s = res == LOAD_NO_MEMORY ? fail(diag, YF_ERR_NOMEM, st->path, "out of memory")
                                            : db_fail(st, diag, "cannot read a run");
        report_run_release(out);
        return s;
    }
    return YF_OK;
}

yf_status report_store_matrix_years(
    report_store *st, int64_t id, int *out_first, int *out_last, yf_diag *diag)
{
    *out_first = *out_last = 0;
    if (st->version < 2)
        return YF_OK;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT min(CAST(date AS INTEGER)), max(CAST(date AS INTEGER))"
                           " FROM matrices WHERE run_id = ?1 AND length(date) = 4",
                           -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, diag, "cannot read the matrices");
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        *out_first = sqlite3_column_int(q, 0);
        *out_last = sqlite3_column_int(q, 1);
    }
    sqlite3_finalize(q);
    return YF_OK;
}

/* One matrix: rows and columns from their indices, cells in place. */
static bool load_matrix(report_store *st, int64_t id, const char *kind, int year, report_matrix *m)
{
    char date[16], sql[256];
    snprintf(date, sizeof date, "%04d", year);
    int64_t rows = 0, cols = 0;
    sqlite3_stmt *q = NULL;
    snprintf(sql, sizeof sql,
             "SELECT count(DISTINCT row_index), count(DISTINCT column_index) FROM matrices"
             " WHERE run_id = %lld AND kind = '%s' AND date = '%s'",
             (long long)id, kind, date);
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_finalize(q);
        return false;
    }
    rows = sqlite3_column_int64(q, 0);
    cols = sqlite3_column_int64(q, 1);
    sqlite3_finalize(q);
    if (rows == 0 || cols == 0)
        return true; /* none */
    if (rows > 10000 || cols > 1000)
        return false;
    m->row_codes = yf_calloc((size_t)rows, sizeof *m->row_codes);
    m->row_labels = yf_calloc((size_t)rows, sizeof *m->row_labels);
    m->columns = yf_calloc((size_t)cols, sizeof *m->columns);
    m->values = yf_calloc((size_t)(rows * cols), sizeof *m->values);
    m->n_rows = (int)rows;
    m->n_cols = (int)cols;
    if (!m->row_codes || !m->row_labels || !m->columns || !m->values)
        return false;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT row_index, row_code, row_label, column_index, sector, value"
                           " FROM matrices WHERE run_id = ?1 AND kind = ?2 AND date = ?3",
                           -1, &q, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, date, -1, SQLITE_STATIC);
    bool ok = true;
    while (ok && sqlite3_step(q) == SQLITE_ROW) {
        int64_t r = sqlite3_column_int64(q, 0), c = sqlite3_column_int64(q, 3);
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            ok = false; /* indices with gaps: not a matrix this code wrote */
            break;
        }
        if (!m->row_codes[r]) {
            m->row_codes[r] = dup_text(q, 1);
            m->row_labels[r] = dup_text(q, 2);
            ok = m->row_codes[r] && m->row_labels[r];
        }
        if (ok && !m->columns[c])
            ok = (m->columns[c] = dup_text(q, 4)) != NULL;
        m->values[r * cols + c] = sqlite3_column_int64(q, 5);
    }
    sqlite3_finalize(q);
    for (int64_t r = 0; ok && r < rows; r++)
        ok = m->row_codes[r] != NULL;
    for (int64_t c = 0; ok && c < cols; c++)
        ok = m->columns[c] != NULL;
    return ok;
}

yf_status report_store_load_matrices(report_store *st, report_run *run, int year, yf_diag *diag)
{
    report_matrix_release(&run->balance_sheet);
    report_matrix_release(&run->flows);
    report_matrix_release(&run->other_changes);
    if (st->version < 2)
        return YF_OK;
    if (!load_matrix(st, run->id, "balance_sheet", year, &run->balance_sheet) ||
        !load_matrix(st, run->id, "flows", year, &run->flows) ||
        !load_matrix(st, run->id, "other_changes", year, &run->other_changes)) {
        report_matrix_release(&run->balance_sheet);
        report_matrix_release(&run->flows);
        report_matrix_release(&run->other_changes);
        return fail(diag, YF_ERR_IO, st->path,
                    "cannot read run store '%s': the matrices of run %lld in %d are damaged or "
                    "out of memory",
                    st->path, (long long)run->id, year);
    }
    return YF_OK;
}
