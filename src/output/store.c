/*
 * store.c: the SQLite run store (docs/outputs.md section 1.3), the embedded
 * default output. One file holds many runs; each run goes in with one
 * transaction, so the store has a run whole or not at all, and a failure
 * (disk full, a crash, a constraint) leaves the runs stored before intact.
 *
 * The file is marked as ours by PRAGMA application_id = 0x59464C57 ("YFLW")
 * and its schema version is PRAGMA user_version. An empty or new file gets the
 * schema in the same transaction as its first run; a database of another
 * program, or of a newer schema, is refused untouched.
 */
#define _POSIX_C_SOURCE 200809L

#include <assert.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/output_int.h"

enum { STORE_APPLICATION_ID = 0x59464C57, STORE_BUSY_TIMEOUT_MS = 30000 };

static const char schema[] =
    "CREATE TABLE runs (\n"
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  version TEXT NOT NULL,        -- yuanflow version that made the run\n"
    "  scenario TEXT NOT NULL,       -- scenario name\n"
    "  scenario_hash TEXT NOT NULL,  -- 16 hex digits (docs/outputs.md section 2)\n"
    "  replicate INTEGER NOT NULL,   -- the CSV's run column: replicate number, from 1\n"
    "  seed INTEGER NOT NULL,\n"
    "  households INTEGER NOT NULL,\n"
    "  firms INTEGER NOT NULL,\n"
    "  start TEXT NOT NULL,          -- first month, YYYY-MM\n"
    "  months INTEGER NOT NULL,\n"
    "  created TEXT                  -- UTC, YYYY-MM-DDTHH:MM:SSZ, or NULL\n"
    ");\n"
    "CREATE TABLE parameters (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  name TEXT NOT NULL,\n"
    "  value REAL,\n"
    "  unit TEXT NOT NULL,\n"
    "  PRIMARY KEY (run_id, name)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE series (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  name TEXT NOT NULL,\n"
    "  unit TEXT NOT NULL,           -- of the monthly values\n"
    "  description TEXT NOT NULL,\n"
    "  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'mean', 'last')),\n"
    "  PRIMARY KEY (run_id, name)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE observations (\n"
    "  run_id INTEGER NOT NULL,\n"
    "  series TEXT NOT NULL,\n"
    "  region TEXT NOT NULL,         -- 'CN': national\n"
    "  frequency TEXT NOT NULL CHECK (frequency IN ('M', 'A')),\n"
    "  date TEXT NOT NULL,           -- YYYY-MM (M) or YYYY (A)\n"
    "  value REAL,                   -- NULL: missing\n"
    "  PRIMARY KEY (run_id, series, region, frequency, date),\n"
    "  FOREIGN KEY (run_id, series) REFERENCES series(run_id, name) ON DELETE CASCADE\n"
    ") WITHOUT ROWID;\n"
    "CREATE VIEW tidy AS\n"
    "  SELECT r.scenario, r.replicate AS run, r.seed, o.date, o.series, o.region, o.value,\n"
    "         o.frequency, o.run_id\n"
    "  FROM observations o JOIN runs r ON r.id = o.run_id;\n";

/* Added by schema version 2 (a version 1 store gets it on its next write). */
static const char schema_matrices[] =
    "CREATE TABLE matrices (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('balance_sheet', 'flows', 'other_changes')),\n"
    "  date TEXT NOT NULL,            -- YYYY: December's stocks, the year's flows; or YYYY-MM\n"
    "  row_index INTEGER NOT NULL,    -- the row's place in the matrix, from 0\n"
    "  row_code TEXT NOT NULL,        -- instrument or flow ('deposits', 'change_deposits')\n"
    "  row_label TEXT NOT NULL,       -- the row's label ('bank deposits')\n"
    "  column_index INTEGER NOT NULL, -- the sector's place in the matrix, from 0\n"
    "  sector TEXT NOT NULL,          -- sector code ('HH')\n"
    "  value INTEGER NOT NULL,        -- yuan\n"
    "  PRIMARY KEY (run_id, kind, date, row_index, column_index)\n"
    ") WITHOUT ROWID;\n";

/* Added by schema version 3: ensembles (`yuanflow ensemble`, docs/outputs.md 1.4).
 * ensemble_runs says which run indices of an ensemble are done; its row goes in
 * with the run's own transaction, so a run is stored with its index or not at
 * all, and an index is never stored twice (the primary key). */
static const char schema_ensembles[] =
    "CREATE TABLE ensembles (\n"
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  name TEXT NOT NULL UNIQUE,     -- the scenario name its runs carry\n"
    "  spec TEXT NOT NULL,            -- canonical text of what makes its runs (docs/outputs.md 1.4)\n"
    "  n_runs INTEGER NOT NULL,       -- run indices 0 .. n_runs - 1\n"
    "  created TEXT                   -- UTC, when it was begun\n"
    ");\n"
    "CREATE TABLE ensemble_runs (\n"
    "  ensemble_id INTEGER NOT NULL REFERENCES ensembles(id) ON DELETE CASCADE,\n"
    "  run_index INTEGER NOT NULL,    -- from 0; the run's replicate is run_index + 1\n"
    "  run_id INTEGER UNIQUE REFERENCES runs(id) ON DELETE CASCADE, -- NULL: the run failed\n"
    "  message TEXT,                  -- why it failed, or NULL\n"
    "  PRIMARY KEY (ensemble_id, run_index)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE ensemble_percentiles (\n"
    "  ensemble_id INTEGER NOT NULL REFERENCES ensembles(id) ON DELETE CASCADE,\n"
    "  series TEXT NOT NULL,\n"
    "  region TEXT NOT NULL,\n"
    "  frequency TEXT NOT NULL CHECK (frequency IN ('M', 'A')),\n"
    "  date TEXT NOT NULL,\n"
    "  n INTEGER NOT NULL,            -- runs with a value\n"
    "  p5 REAL, p25 REAL, p50 REAL, p75 REAL, p95 REAL,\n"
    "  PRIMARY KEY (ensemble_id, series, region, frequency, date)\n"
    ") WITHOUT ROWID;\n";

/* One write to the store: the connection and the first error met. */
typedef struct store {
    sqlite3 *db;
    const char *path;
    yf_diag *diag;
    yf_status status;
} store;

/* Record the first failure ("cannot write run store 'x': <what>: <sqlite>"). */
static bool failed(store *s, const char *what)
{
    if (s->status == YF_OK)
        s->status =
            output_fail(s->diag, YF_ERR_IO, s->path, "cannot write run store '%s': %s%s%s", s->path,
                        what, s->db ? ": " : "", s->db ? sqlite3_errmsg(s->db) : "");
    return false;
}

static bool exec(store *s, const char *sql, const char *what)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK || failed(s, what);
}

/* The single integer a query returns (a PRAGMA or a count). */
static bool query_int(store *s, const char *sql, int64_t *out)
{
    sqlite3_stmt *q = NULL;
    bool ok =
        sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW;
    if (ok)
        *out = sqlite3_column_int64(q, 0);
    else
        failed(s, "cannot read the store");
    sqlite3_finalize(q);
    return ok;
}

/* Inside the open transaction: check that the file is a store of our schema
 * version, or create the schema in a new, empty database. */
static bool ensure_schema(store *s)
{
    int64_t app = 0, version = 0, objects = 0;
    if (!query_int(s, "PRAGMA application_id", &app) ||
        !query_int(s, "PRAGMA user_version", &version) ||
        !query_int(s, "SELECT count(*) FROM sqlite_schema", &objects))
        return false;
    char pragmas[128];
    if (app == STORE_APPLICATION_ID) {
        if (version == OUTPUT_STORE_SCHEMA_VERSION)
            return true;
        if (version == 1 || version == 2) {
            /* Version 1 had no matrices, 2 no ensembles: add the tables, in this
             * transaction. */
            snprintf(pragmas, sizeof pragmas, "PRAGMA user_version = %d;",
                     OUTPUT_STORE_SCHEMA_VERSION);
            return (version > 1 ||
                    exec(s, schema_matrices, "cannot upgrade the schema to version 2")) &&
                   exec(s, schema_ensembles, "cannot upgrade the schema to version 3") &&
                   exec(s, pragmas, "cannot mark the store");
        }
        s->status = output_fail(s->diag, YF_ERR_IO, s->path,
                                "cannot write run store '%s': its schema version is %lld, this "
                                "yuanflow writes version %d",
                                s->path, (long long)version, OUTPUT_STORE_SCHEMA_VERSION);
        return false;
    }
    if (app != 0 || objects != 0) {
        s->status = output_fail(s->diag, YF_ERR_IO, s->path,
                                "cannot write run store '%s': it is a SQLite database of "
                                "another program, not a yuanflow run store",
                                s->path);
        return false;
    }
    snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
             STORE_APPLICATION_ID, OUTPUT_STORE_SCHEMA_VERSION);
    return exec(s, schema, "cannot create the schema") &&
           exec(s, schema_matrices, "cannot create the schema") &&
           exec(s, schema_ensembles, "cannot create the schema") &&
           exec(s, pragmas, "cannot mark the store");
}

static bool prepare(store *s, const char *sql, sqlite3_stmt **out)
{
    return sqlite3_prepare_v2(s->db, sql, -1, out, NULL) == SQLITE_OK ||
           failed(s, "cannot prepare a statement");
}

/* Run a bound statement once and reset it for the next row. */
static bool step(store *s, sqlite3_stmt *q, const char *what)
{
    bool ok = sqlite3_step(q) == SQLITE_DONE;
    if (!ok)
        failed(s, what);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return ok;
}

static void bind_value(sqlite3_stmt *q, int column, double x)
{
    if (isfinite(x))
        sqlite3_bind_double(q, column, x);
    else
        sqlite3_bind_null(q, column);
}

static bool insert_run(store *s, const output_run *run, int64_t *out_id)
{
    sqlite3_stmt *q = NULL;
    char hex[17], start[16];
    output_hash_hex(run->scenario_hash, hex);
    output_month_label(run, 0, start, sizeof start);
    if (!prepare(s,
                 "INSERT INTO runs (version, scenario, scenario_hash, replicate, seed, households,"
                 " firms, start, months, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                 &q))
        return false;
    sqlite3_bind_text(q, 1, run->version, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, run->scenario, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, hex, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 4, run->run);
    sqlite3_bind_int64(q, 5, run->seed);
    sqlite3_bind_int64(q, 6, run->households);
    sqlite3_bind_int64(q, 7, run->firms);
    sqlite3_bind_text(q, 8, start, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 9, run->n_months);
    if (run->created)
        sqlite3_bind_text(q, 10, run->created, -1, SQLITE_STATIC);
    bool ok = step(s, q, "cannot insert the run");
    sqlite3_finalize(q);
    *out_id = sqlite3_last_insert_rowid(s->db);
    return ok;
}

static bool insert_parameters(store *s, const output_run *run, int64_t id)
{
    sqlite3_stmt *q = NULL;
    if (!prepare(s, "INSERT INTO parameters (run_id, name, value, unit) VALUES (?1, ?2, ?3, ?4)",
                 &q))
        return false;
    bool ok = true;
    for (int k = 0; ok && k < run->n_params; k++) {
        const output_param *p = &run->params[k];
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_text(q, 2, p->name, -1, SQLITE_STATIC);
        bind_value(q, 3, p->value);
        sqlite3_bind_text(q, 4, p->unit ? p->unit : "", -1, SQLITE_STATIC);
        ok = step(s, q, "cannot insert a parameter");
    }
    sqlite3_finalize(q);
    return ok;
}

static bool insert_series(store *s, const output_run *run, int64_t id)
{
    sqlite3_stmt *qs = NULL, *qo = NULL;
    bool ok = prepare(s,
                      "INSERT INTO series (run_id, name, unit, description, aggregation)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)",
                      &qs) &&
              prepare(s,
                      "INSERT INTO observations (run_id, series, region, frequency, date, value)"
                      " VALUES (?1, ?2, 'CN', ?3, ?4, ?5)",
                      &qo);
    int first_year, n_years;
    output_annual_years(run, &first_year, &n_years);
    char date[16];
    for (int k = 0; ok && k < run->n_series; k++) {
        const output_series *x = &run->series[k];
        sqlite3_bind_int64(qs, 1, id);
        sqlite3_bind_text(qs, 2, x->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(qs, 3, x->unit ? x->unit : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(qs, 4, x->description ? x->description : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(qs, 5, output_aggregation_name(x->aggregation), -1, SQLITE_STATIC);
        ok = step(s, qs, "cannot insert a series");
        for (int m = 0; ok && !run->annual_only && m < run->n_months; m++) {
            output_month_label(run, m, date, sizeof date);
            sqlite3_bind_int64(qo, 1, id);
            sqlite3_bind_text(qo, 2, x->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(qo, 3, "M", -1, SQLITE_STATIC);
            sqlite3_bind_text(qo, 4, date, -1, SQLITE_STATIC);
            bind_value(qo, 5, x->values[m]);
            ok = step(s, qo, "cannot insert a monthly value");
        }
        for (int y = 0; ok && y < n_years; y++) {
            snprintf(date, sizeof date, "%04d", first_year + y);
            sqlite3_bind_int64(qo, 1, id);
            sqlite3_bind_text(qo, 2, x->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(qo, 3, "A", -1, SQLITE_STATIC);
            sqlite3_bind_text(qo, 4, date, -1, SQLITE_STATIC);
            bind_value(qo, 5, output_annual_value(run, x, first_year + y));
            ok = step(s, qo, "cannot insert an annual value");
        }
    }
    sqlite3_finalize(qs);
    sqlite3_finalize(qo);
    return ok;
}

/* The run's index in its ensemble, in the run's transaction: a second run with
 * the same index breaks the primary key and rolls the whole run back. */
static bool insert_ensemble_index(store *s, const output_run *run, int64_t id)
{
    if (run->ensemble_id <= 0)
        return true;
    sqlite3_stmt *q = NULL;
    if (!prepare(s,
                 "INSERT INTO ensemble_runs (ensemble_id, run_index, run_id) VALUES (?1, ?2, ?3)",
                 &q))
        return false;
    sqlite3_bind_int64(q, 1, run->ensemble_id);
    sqlite3_bind_int64(q, 2, run->ensemble_index);
    sqlite3_bind_int64(q, 3, id);
    bool ok = step(s, q, "cannot record the run's index in its ensemble");
    sqlite3_finalize(q);
    return ok;
}

/* Every cell of every matrix, zeros included, so that a matrix reads back
 * whole with its rows and columns in order. */
static bool insert_matrices(store *s, const output_run *run, int64_t id)
{
    if (run->n_matrices == 0)
        return true;
    sqlite3_stmt *q = NULL;
    if (!prepare(s,
                 "INSERT INTO matrices (run_id, kind, date, row_index, row_code, row_label,"
                 " column_index, sector, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 &q))
        return false;
    bool ok = true;
    char date[16];
    for (int k = 0; ok && k < run->n_matrices; k++) {
        const output_matrix *x = &run->matrices[k];
        if (x->month == 0)
            snprintf(date, sizeof date, "%04d", x->year);
        else
            snprintf(date, sizeof date, "%04d-%02d", x->year, x->month);
        for (int r = 0; ok && r < x->n_rows; r++)
            for (int c = 0; ok && c < x->n_columns; c++) {
                sqlite3_bind_int64(q, 1, id);
                sqlite3_bind_text(q, 2, output_matrix_kind_name(x->kind), -1, SQLITE_STATIC);
                sqlite3_bind_text(q, 3, date, -1, SQLITE_STATIC);
                sqlite3_bind_int(q, 4, r);
                sqlite3_bind_text(q, 5, x->row_codes[r], -1, SQLITE_STATIC);
                sqlite3_bind_text(q, 6, x->row_labels[r], -1, SQLITE_STATIC);
                sqlite3_bind_int(q, 7, c);
                sqlite3_bind_text(q, 8, x->columns[c], -1, SQLITE_STATIC);
                sqlite3_bind_int64(q, 9, x->values[(size_t)r * (size_t)x->n_columns + (size_t)c]);
                ok = step(s, q, "cannot insert a matrix cell");
            }
    }
    sqlite3_finalize(q);
    return ok;
}

yf_status
output_store_run(const output_run *run, const char *path, int64_t *out_run_id, yf_diag *diag)
{
    yf_status st = output_check_run_for(run, path, diag);
    if (st == YF_OK)
        st = output_check_path(path, diag);
    if (st != YF_OK)
        return st;
    struct stat before;
    bool existed = stat(path, &before) == 0;

    store s = {NULL, path, diag, YF_OK};
    int rc = sqlite3_open_v2(path, &s.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        failed(&s, "cannot open");
        sqlite3_close(s.db);
        return s.status;
    }
    sqlite3_extended_result_codes(s.db, 1);
    sqlite3_busy_timeout(s.db, STORE_BUSY_TIMEOUT_MS);

    int64_t id = 0;
    bool ok = exec(&s, "PRAGMA foreign_keys = ON", "cannot enable foreign keys") &&
              exec(&s, "BEGIN IMMEDIATE", "cannot start a transaction") && ensure_schema(&s) &&
              insert_run(&s, run, &id) && insert_parameters(&s, run, id) &&
              insert_series(&s, run, id) && insert_matrices(&s, run, id) &&
              insert_ensemble_index(&s, run, id) &&
              exec(&s, "COMMIT", "cannot commit the run");
    /* Any failure: undo the whole run (a failed COMMIT may leave the
     * transaction open, e.g. when busy). */
    if (!ok && !sqlite3_get_autocommit(s.db))
        sqlite3_exec(s.db, "ROLLBACK", NULL, NULL, NULL);
    /* sqlite3_close fails only while a statement is left unfinalized (a bug
     * here, every one is finalized where it is used), and by then the run is
     * committed or rolled back: nothing for a user to fix. */
    int closed = sqlite3_close(s.db);
    assert(closed == SQLITE_OK);
    (void)closed;
    /* A store this call created and could not fill is removed, not left empty. */
    struct stat after;
    if (!ok && !existed && stat(path, &after) == 0 && after.st_size == 0)
        unlink(path);
    if (ok && out_run_id)
        *out_run_id = id;
    return ok ? YF_OK : s.status;
}

yf_status output_store_open(const char *path, struct sqlite3 **out_db, yf_diag *diag)
{
    *out_db = NULL;
    yf_status st = output_check_path(path, diag);
    if (st != YF_OK)
        return st;
    store s = {NULL, path, diag, YF_OK};
    if (sqlite3_open_v2(path, &s.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        failed(&s, "cannot open");
        sqlite3_close(s.db);
        return s.status;
    }
    sqlite3_extended_result_codes(s.db, 1);
    sqlite3_busy_timeout(s.db, STORE_BUSY_TIMEOUT_MS);
    bool ok = exec(&s, "PRAGMA foreign_keys = ON", "cannot enable foreign keys") &&
              exec(&s, "BEGIN IMMEDIATE", "cannot start a transaction") && ensure_schema(&s) &&
              exec(&s, "COMMIT", "cannot commit the schema");
    if (!ok) {
        if (!sqlite3_get_autocommit(s.db))
            sqlite3_exec(s.db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(s.db);
        return s.status;
    }
    *out_db = s.db;
    return YF_OK;
}
