/*
 * ensemble_store.c: the run store's ensemble tables (docs/outputs.md 1.4):
 * beginning or resuming an ensemble, recording a failed run, and the
 * percentiles of the stored runs. The schema is src/output/store.c's
 * (output_store_open); the runs themselves go in through output_store_run
 * with their ensemble index.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "ensemble/ensemble.h"
#include "output/output.h"
#include "output/output_int.h"

/* One connection to the store and the first failure. */
typedef struct conn {
    sqlite3 *db;
    const char *path;
    yf_diag *diag;
    yf_status status;
} conn;

static bool failed(conn *c, const char *what)
{
    if (c->status == YF_OK)
        c->status = output_fail(c->diag, YF_ERR_IO, c->path, "cannot write run store '%s': %s%s%s",
                                c->path, what, c->db ? ": " : "",
                                c->db ? sqlite3_errmsg(c->db) : "");
    return false;
}

static bool exec(conn *c, const char *sql, const char *what)
{
    return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK || failed(c, what);
}

static bool prepare(conn *c, const char *sql, sqlite3_stmt **q)
{
    return sqlite3_prepare_v2(c->db, sql, -1, q, NULL) == SQLITE_OK ||
           failed(c, "cannot prepare a statement");
}

/* Open the store (created or upgraded to the current schema by
 * output_store_open) and begin a write. */
static bool open_write(conn *c, const char *path, yf_diag *diag)
{
    *c = (conn){NULL, path, diag, YF_OK};
    yf_status st = output_store_open(path, &c->db, diag);
    if (st != YF_OK) {
        c->status = st;
        return false;
    }
    return exec(c, "BEGIN IMMEDIATE", "cannot start a transaction");
}

/* Commit if ok, else roll back; close. Returns the status. */
static yf_status finish(conn *c, bool ok)
{
    if (ok)
        ok = exec(c, "COMMIT", "cannot commit");
    if (!ok && c->db && !sqlite3_get_autocommit(c->db))
        sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(c->db);
    c->db = NULL;
    return ok ? YF_OK : (c->status != YF_OK ? c->status : YF_ERR_IO);
}

/* The first line where two texts differ, into out ("(none)" past the end). */
static void first_difference(const char *a, const char *b, char *out_a, char *out_b, size_t size)
{
    while (*a && *b) {
        size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
        if (la != lb || memcmp(a, b, la) != 0)
            break;
        a += la + (a[la] == '\n');
        b += lb + (b[lb] == '\n');
    }
    snprintf(out_a, size, "%.*s", (int)strcspn(a, "\n"), *a ? a : "(none)");
    snprintf(out_b, size, "%.*s", (int)strcspn(b, "\n"), *b ? b : "(none)");
}

yf_status ensemble_store_begin(const char *path,
                               const char *name,
                               const char *spec,
                               int32_t n_runs,
                               const char *created,
                               int64_t *out_id,
                               bool *done,
                               yf_diag *diag)
{
    conn c;
    for (int32_t k = 0; k < n_runs; k++)
        done[k] = false;
    if (!open_write(&c, path, diag))
        return finish(&c, false);
    sqlite3_stmt *q = NULL;
    bool ok = prepare(&c, "SELECT id, spec, n_runs FROM ensembles WHERE name = ?1", &q);
    int64_t id = 0;
    if (ok) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            id = sqlite3_column_int64(q, 0);
            const char *old = (const char *)sqlite3_column_text(q, 1);
            int64_t old_n = sqlite3_column_int64(q, 2);
            if (!old || strcmp(old, spec) != 0 || old_n != n_runs) {
                char a[200], b[200];
                first_difference(old ? old : "", spec, a, b, sizeof a);
                if (old && strcmp(old, spec) == 0)
                    snprintf(a, sizeof a, "runs=%lld", (long long)old_n),
                        snprintf(b, sizeof b, "runs=%d", (int)n_runs);
                c.status = output_fail(diag, YF_ERR_ARGUMENT, path,
                                       "ensemble '%s' in '%s' was made with other settings "
                                       "('%s', now '%s'): give another --name to start a new one",
                                       name, path, a, b);
                ok = false;
            }
        } else if (rc != SQLITE_DONE) {
            ok = failed(&c, "cannot read the ensembles");
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    if (ok && id == 0) {
        ok = prepare(&c, "INSERT INTO ensembles (name, spec, n_runs, created) VALUES (?1, ?2, ?3, ?4)",
                     &q);
        if (ok) {
            sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 2, spec, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 3, n_runs);
            if (created)
                sqlite3_bind_text(q, 4, created, -1, SQLITE_STATIC);
            ok = sqlite3_step(q) == SQLITE_DONE || failed(&c, "cannot add the ensemble");
            id = sqlite3_last_insert_rowid(c.db);
        }
        sqlite3_finalize(q);
        q = NULL;
    }
    if (ok) {
        ok = prepare(&c, "SELECT run_index FROM ensemble_runs WHERE ensemble_id = ?1", &q);
        if (ok) {
            sqlite3_bind_int64(q, 1, id);
            int rc;
            while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
                int64_t k = sqlite3_column_int64(q, 0);
                if (k >= 0 && k < n_runs)
                    done[k] = true;
            }
            ok = rc == SQLITE_DONE || failed(&c, "cannot read the ensemble's runs");
        }
        sqlite3_finalize(q);
    }
    yf_status st = finish(&c, ok);
    if (st == YF_OK)
        *out_id = id;
    return st;
}

yf_status
ensemble_store_failure(const char *path, int64_t id, int32_t index, const char *message, yf_diag *diag)
{
    conn c;
    if (!open_write(&c, path, diag))
        return finish(&c, false);
    sqlite3_stmt *q = NULL;
    bool ok = prepare(&c,
                      "INSERT INTO ensemble_runs (ensemble_id, run_index, run_id, message)"
                      " VALUES (?1, ?2, NULL, ?3)",
                      &q);
    if (ok) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, index);
        sqlite3_bind_text(q, 3, message, -1, SQLITE_STATIC);
        ok = sqlite3_step(q) == SQLITE_DONE || failed(&c, "cannot record a failed run");
    }
    sqlite3_finalize(q);
    return finish(&c, ok);
}

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(strbuf *t, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        strbuf_printf(t, "%s", s);
        return;
    }
    strbuf_printf(t, "\"");
    for (const char *p = s; *p; p++)
        strbuf_printf(t, *p == '"' ? "\"\"" : "%c", *p);
    strbuf_printf(t, "\"");
}

/* Grow *v (of *cap doubles, n used) to twice its size; false if out of memory. */
static bool grow(double **v, int *cap, int n)
{
    int ncap = *cap ? 2 * *cap : 256;
    double *nv = yf_malloc(sizeof *nv * (size_t)ncap);
    if (!nv)
        return false;
    if (n > 0)
        memcpy(nv, *v, sizeof *nv * (size_t)n);
    yf_mem_free(*v);
    *v = nv;
    *cap = ncap;
    return true;
}

/* The percentiles of one cell (values sorted ascending, n of them): one row of
 * the table and of the CSV. */
static bool emit_cell(conn *c,
                      sqlite3_stmt *ins,
                      strbuf *csv,
                      int64_t id,
                      const char *name,
                      const char *key[4],
                      const double *v,
                      int n)
{
    double p[ENSEMBLE_N_PERCENTILES];
    for (int j = 0; j < ENSEMBLE_N_PERCENTILES; j++)
        p[j] = ensemble_percentile(v, n, ensemble_percentiles[j]);
    sqlite3_bind_int64(ins, 1, id);
    for (int j = 0; j < 4; j++)
        sqlite3_bind_text(ins, 2 + j, key[j], -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 6, n);
    for (int j = 0; j < ENSEMBLE_N_PERCENTILES; j++)
        if (isfinite(p[j]))
            sqlite3_bind_double(ins, 7 + j, p[j]);
        else
            sqlite3_bind_null(ins, 7 + j);
    bool ok = sqlite3_step(ins) == SQLITE_DONE || failed(c, "cannot insert a percentile");
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    if (csv) {
        char num[40];
        csv_field(csv, name);
        for (int j = 0; j < 4; j++) {
            strbuf_printf(csv, ",");
            csv_field(csv, key[j]);
        }
        strbuf_printf(csv, ",%d", n);
        for (int j = 0; j < ENSEMBLE_N_PERCENTILES; j++) {
            output_format_double(p[j], num, sizeof num);
            strbuf_printf(csv, ",%s", num);
        }
        strbuf_printf(csv, "\n");
    }
    return ok;
}

yf_status ensemble_store_percentiles(const char *path,
                                     int64_t id,
                                     const char *name,
                                     const char *csv_path,
                                     int64_t *out_cells,
                                     yf_diag *diag)
{
    conn c;
    if (!open_write(&c, path, diag))
        return finish(&c, false);
    strbuf csv;
    strbuf_init(&csv);
    if (csv_path)
        strbuf_printf(&csv, "ensemble,series,region,frequency,date,runs,p5,p25,p50,p75,p95\n");
    sqlite3_stmt *del = NULL, *sel = NULL, *ins = NULL;
    bool ok = prepare(&c, "DELETE FROM ensemble_percentiles WHERE ensemble_id = ?1", &del) &&
              prepare(&c,
                      "SELECT o.series, o.region, o.frequency, o.date, o.value"
                      " FROM ensemble_runs e JOIN observations o ON o.run_id = e.run_id"
                      " WHERE e.ensemble_id = ?1 AND o.value IS NOT NULL"
                      " ORDER BY o.series, o.region, o.frequency, o.date, o.value",
                      &sel) &&
              prepare(&c,
                      "INSERT INTO ensemble_percentiles (ensemble_id, series, region, frequency,"
                      " date, n, p5, p25, p50, p75, p95)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                      &ins);
    if (ok) {
        sqlite3_bind_int64(del, 1, id);
        ok = sqlite3_step(del) == SQLITE_DONE || failed(&c, "cannot clear the percentiles");
    }
    /* Rows come sorted by cell, then value: collect a cell's values, emit it
     * when the key changes. */
    char key_now[4][128] = {{0}}, key_row[4][128];
    double *v = NULL;
    int n = 0, cap = 0;
    int64_t cells = 0;
    if (ok) {
        sqlite3_bind_int64(sel, 1, id);
        int rc;
        while (ok && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
            for (int j = 0; j < 4; j++) {
                const unsigned char *t = sqlite3_column_text(sel, j);
                snprintf(key_row[j], sizeof key_row[j], "%s", t ? (const char *)t : "");
            }
            bool same = n > 0;
            for (int j = 0; same && j < 4; j++)
                same = strcmp(key_row[j], key_now[j]) == 0;
            if (!same && n > 0) {
                const char *k4[4] = {key_now[0], key_now[1], key_now[2], key_now[3]};
                ok = emit_cell(&c, ins, csv_path ? &csv : NULL, id, name, k4, v, n);
                cells++;
                n = 0;
            }
            if (n == 0)
                memcpy(key_now, key_row, sizeof key_now);
            if (n == cap && !grow(&v, &cap, n)) {
                c.status = output_fail(diag, YF_ERR_NOMEM, path, "out of memory");
                ok = false;
                break;
            }
            v[n++] = sqlite3_column_double(sel, 4);
        }
        if (ok && rc != SQLITE_DONE)
            ok = failed(&c, "cannot read the ensemble's values");
        if (ok && n > 0) {
            const char *k4[4] = {key_now[0], key_now[1], key_now[2], key_now[3]};
            ok = emit_cell(&c, ins, csv_path ? &csv : NULL, id, name, k4, v, n);
            cells++;
        }
    }
    yf_mem_free(v);
    sqlite3_finalize(del);
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    if (ok && csv.failed) {
        c.status = output_fail(diag, YF_ERR_NOMEM, csv_path, "out of memory");
        ok = false;
    }
    /* The CSV first: if it cannot be written, the table is rolled back too. */
    if (ok && csv_path && output_write_file(csv_path, csv.data, csv.len, diag) != YF_OK) {
        c.status = YF_ERR_IO;
        ok = false;
    }
    strbuf_release(&csv);
    yf_status st = finish(&c, ok);
    if (st == YF_OK && out_cells)
        *out_cells = cells;
    return st;
}
