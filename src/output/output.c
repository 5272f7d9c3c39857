/*
 * output.c: what every writer of a run needs (docs/outputs.md): the rule that
 * turns a unit into an annual aggregation, annual values, dates, the scenario
 * hash, the check of a run, number formatting, and the atomic file (write a
 * temporary file beside the target, fsync, rename).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "output/output_int.h"

/* ---- diagnostics and dates ------------------------------------------------ */

yf_status output_fail(yf_diag *diag, yf_status code, const char *path, const char *fmt, ...)
{
    if (!diag)
        return code;
    snprintf(diag->path, sizeof diag->path, "%s", path ? path : "");
    diag->line = diag->column = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(diag->message, sizeof diag->message, fmt, ap);
    va_end(ap);
    return code;
}

void output_month_label(const output_run *run, int m, char *out, size_t size)
{
    int index = run->start_month - 1 + m; /* months since January of start_year */
    snprintf(out, size, "%04d-%02d", run->start_year + index / 12, index % 12 + 1);
}

/* ---- aggregation ------------------------------------------------------------ */

output_aggregation output_aggregation_from_unit(const char *unit)
{
    if (!unit)
        return OUTPUT_MEAN;
    if (strstr(unit, "per month"))
        return OUTPUT_SUM;
    if ((strstr(unit, "yuan") || strstr(unit, "dollars")) && !strstr(unit, "per"))
        return OUTPUT_LAST;
    return OUTPUT_MEAN;
}

const char *output_aggregation_name(output_aggregation a)
{
    switch (a) {
    case OUTPUT_SUM:
        return "sum";
    case OUTPUT_LAST:
        return "last";
    case OUTPUT_MEAN:
        break;
    }
    return "mean";
}

void output_annual_years(const output_run *run, int *first_year, int *n_years)
{
    /* January of the first whole year, as a month index of the run. */
    int first = run->start_month == 1 ? run->start_year : run->start_year + 1;
    int jan = run->start_month == 1 ? 0 : 13 - run->start_month;
    int n = 0;
    while (jan + 12 * n + 11 < run->n_months)
        n++;
    *first_year = first;
    *n_years = n;
}

/*
 * Annual value of a year whose January is month j0 of the run:
 *   sum:  A = v[j0] + ... + v[j0 + 11]    (summed in month order)
 *   mean: A = (v[j0] + ... + v[j0 + 11]) / 12
 *   last: A = v[j0 + 11]                  (December)
 * A month that is not finite makes the year missing (NaN).
 */
double output_annual_value(const output_run *run, const output_series *s, int year)
{
    int j0 = (year - run->start_year) * 12 - (run->start_month - 1);
    if (j0 < 0 || j0 + 11 >= run->n_months)
        return NAN;
    const double *v = s->values + j0;
    double sum = 0.0;
    for (int k = 0; k < 12; k++) {
        if (!isfinite(v[k]))
            return NAN;
        sum += v[k];
    }
    switch (s->aggregation) {
    case OUTPUT_SUM:
        return sum;
    case OUTPUT_LAST:
        return v[11];
    case OUTPUT_MEAN:
        break;
    }
    return sum / 12.0;
}

/* ---- number formatting ------------------------------------------------------ */

void output_format_double(double x, char *out, size_t size)
{
    if (!isfinite(x)) {
        if (size)
            out[0] = '\0';
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, size, "%.*g", digits, x);
        if (strtod(out, NULL) == x)
            return;
    }
}

/* ---- the scenario hash -------------------------------------------------------- */

/* FNV-1a, 64 bits: h = (h XOR byte) * 1099511628211, from 14695981039346656037. */
static uint64_t fnv1a(uint64_t h, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

uint64_t output_scenario_hash(const output_run *run)
{
    uint64_t h = UINT64_C(14695981039346656037);
    char line[512], num[32];
    h = fnv1a(h, "yuanflow scenario 1\n");
    snprintf(
        line, sizeof line,
        "seed=%" PRId64 "\nhouseholds=%" PRId32 "\nfirms=%" PRId32 "\nstart=%04d-%02d\nmonths=%d\n",
        run->seed, run->households, run->firms, run->start_year, run->start_month, run->n_months);
    h = fnv1a(h, line);
    for (int k = 0; k < run->n_params; k++) {
        output_format_double(run->params[k].value, num, sizeof num);
        h = fnv1a(h, run->params[k].name ? run->params[k].name : "");
        snprintf(line, sizeof line, "=%s\n", num);
        h = fnv1a(h, line);
    }
    return h;
}

void output_hash_hex(uint64_t hash, char out[17])
{
    snprintf(out, 17, "%016" PRIx64, hash);
}

/* ---- checking a run ------------------------------------------------------------- */

static bool blank(const char *s)
{
    return !s || !*s;
}

const char *output_matrix_kind_name(output_matrix_kind k)
{
    switch (k) {
    case OUTPUT_BALANCE_SHEET:
        return "balance_sheet";
    case OUTPUT_FLOWS:
        return "flows";
    case OUTPUT_OTHER_CHANGES:
        return "other_changes";
    }
    return "?";
}

/* Is `name` among names[0..n)? */
static bool listed(const char *name, const char *const *names, int n)
{
    for (int j = 0; j < n; j++)
        if (strcmp(names[j], name) == 0)
            return true;
    return false;
}

/* One matrix of a run: a known kind and period, labelled rows and columns with
 * unique codes, values present. */
static yf_status matrix_check(const output_matrix *x, int k, yf_diag *diag)
{
    if (x->kind != OUTPUT_BALANCE_SHEET && x->kind != OUTPUT_FLOWS &&
        x->kind != OUTPUT_OTHER_CHANGES)
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d has an unknown kind", k + 1);
    if (x->year < 0 || x->year > 9999 || x->month < 0 || x->month > 12)
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d: period %d-%d is out of range",
                           k + 1, x->year, x->month);
    if (x->n_rows <= 0 || x->n_columns <= 0 || !x->row_codes || !x->row_labels || !x->columns ||
        !x->values)
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d has no rows, columns or values",
                           k + 1);
    for (int r = 0; r < x->n_rows; r++) {
        if (blank(x->row_codes[r]) || !x->row_labels[r])
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d: row %d has no name", k + 1,
                               r + 1);
        if (listed(x->row_codes[r], x->row_codes, r))
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d: row '%s' appears twice",
                               k + 1, x->row_codes[r]);
    }
    for (int c = 0; c < x->n_columns; c++) {
        if (blank(x->columns[c]))
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d: column %d has no name",
                               k + 1, c + 1);
        if (listed(x->columns[c], x->columns, c))
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "matrix %d: column '%s' appears twice",
                               k + 1, x->columns[c]);
    }
    return YF_OK;
}

yf_status output_run_check(const output_run *run, yf_diag *diag)
{
    if (!run)
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "no run to write");
    if (blank(run->version) || blank(run->scenario))
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "the run has no version or scenario name");
    if (run->start_month < 1 || run->start_month > 12)
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "start month %d is not in 1..12",
                           run->start_month);
    if (run->start_year < 0 || run->start_year > 9999 || run->n_months < 0 ||
        run->n_months > 12 * 10000 || run->n_params < 0 || run->n_series < 0 ||
        (run->n_params > 0 && !run->params) || (run->n_series > 0 && !run->series))
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "the run's sizes are out of range");
    for (int k = 0; k < run->n_params; k++) {
        const output_param *p = &run->params[k];
        if (blank(p->name))
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "parameter %d has no name", k + 1);
        for (int j = 0; j < k; j++)
            if (strcmp(run->params[j].name, p->name) == 0)
                return output_fail(diag, YF_ERR_ARGUMENT, NULL, "parameter '%s' appears twice",
                                   p->name);
    }
    for (int k = 0; k < run->n_series; k++) {
        const output_series *s = &run->series[k];
        if (blank(s->name))
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "series %d has no name", k + 1);
        if (run->n_months > 0 && !s->values)
            return output_fail(diag, YF_ERR_ARGUMENT, NULL, "series '%s' has no values", s->name);
        if (s->aggregation != OUTPUT_SUM && s->aggregation != OUTPUT_MEAN &&
            s->aggregation != OUTPUT_LAST)
            return output_fail(diag, YF_ERR_ARGUMENT, NULL,
                               "series '%s' has an unknown aggregation", s->name);
        for (int j = 0; j < k; j++)
            if (strcmp(run->series[j].name, s->name) == 0)
                return output_fail(diag, YF_ERR_ARGUMENT, NULL, "series '%s' appears twice",
                                   s->name);
    }
    if (run->n_matrices < 0 || (run->n_matrices > 0 && !run->matrices))
        return output_fail(diag, YF_ERR_ARGUMENT, NULL, "the run's matrices are missing");
    for (int k = 0; k < run->n_matrices; k++) {
        yf_status st = matrix_check(&run->matrices[k], k, diag);
        if (st != YF_OK)
            return st;
        for (int j = 0; j < k; j++) {
            const output_matrix *a = &run->matrices[j], *b = &run->matrices[k];
            if (a->kind == b->kind && a->year == b->year && a->month == b->month)
                return output_fail(diag, YF_ERR_ARGUMENT, NULL,
                                   "matrix %d: a %s matrix of %04d-%02d appears twice", k + 1,
                                   output_matrix_kind_name(b->kind), b->year, b->month);
        }
    }
    return YF_OK;
}

yf_status output_check_run_for(const output_run *run, const char *path, yf_diag *diag)
{
    yf_diag why;
    yf_status st = output_run_check(run, &why);
    if (st != YF_OK)
        return output_fail(diag, st, path, "cannot write '%s': %s", path, why.message);
    return YF_OK;
}

/* ---- paths ------------------------------------------------------------------------ */

bool output_dir_of(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return snprintf(out, size, ".") < (int)size;
    size_t n = slash == path ? 1 : (size_t)(slash - path); /* "/x" lives in "/" */
    if (n + 1 > size)
        return false;
    memcpy(out, path, n);
    out[n] = '\0';
    return true;
}

yf_status output_check_path(const char *path, yf_diag *diag)
{
    char dir[4096];
    struct stat st;
    if (blank(path))
        return output_fail(diag, YF_ERR_IO, "", "an output file name is empty");
    if (path[strlen(path) - 1] == '/')
        return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': it names a directory", path);
    if (!output_dir_of(path, dir, sizeof dir))
        return output_fail(diag, YF_ERR_IO, path,
                           "cannot write '%.100s...': the path is too long (%zu bytes)", path,
                           strlen(path)); /* the start of it only: the reason must fit */
    if (stat(dir, &st) != 0)
        return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': directory '%s': %s", path,
                           dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': '%s' is not a directory",
                           path, dir);
    if (access(dir, W_OK | X_OK) != 0)
        return output_fail(diag, YF_ERR_IO, path,
                           "cannot write '%s': directory '%s' is not writable: %s", path, dir,
                           strerror(errno));
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': it is a directory", path);
    return YF_OK;
}

yf_status output_make_parent_dir(const char *path, yf_diag *diag)
{
    char dir[4096];
    if (blank(path) || !output_dir_of(path, dir, sizeof dir))
        return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': bad path", path ? path : "");
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return output_fail(diag, YF_ERR_IO, path,
                           "cannot write '%s': cannot create directory "
                           "'%s': %s",
                           path, dir, strerror(errno));
    return YF_OK;
}

/* ---- the atomic file ---------------------------------------------------------------- */

yf_status atomic_open(atomic_file *af, const char *path, yf_diag *diag)
{
    af->f = NULL;
    af->path = path;
    af->tmp_path = NULL;
    af->err = 0;
    yf_status st = output_check_path(path, diag);
    if (st != YF_OK)
        return st;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dir_len = (size_t)(base - path), size = strlen(path) + 64;
    af->tmp_path = yf_malloc(size);
    if (!af->tmp_path)
        return output_fail(diag, YF_ERR_NOMEM, path, "cannot write '%s': out of memory", path);
    /* A fresh name: O_EXCL refuses one that exists (another writer's, or a
     * leftover of a crash), so try the next counter. */
    for (int k = 0; k < 1000; k++) {
        snprintf(af->tmp_path, size, "%.*s.%s.tmp-%ld-%d", (int)dir_len, path, base, (long)getpid(),
                 k);
        int fd = open(af->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            break;
        af->f = fdopen(fd, "w");
        if (!af->f) {
            int e = errno;
            close(fd);
            unlink(af->tmp_path);
            errno = e;
            break;
        }
        return YF_OK;
    }
    int e = errno;
    yf_mem_free(af->tmp_path);
    af->tmp_path = NULL;
    return output_fail(diag, YF_ERR_IO, path, "cannot write '%s': %s", path, strerror(e));
}

void atomic_write(atomic_file *af, const char *text, size_t n)
{
    if (af->err || n == 0)
        return;
    if (fwrite(text, 1, n, af->f) != n)
        af->err = errno ? errno : EIO;
}

void atomic_abort(atomic_file *af)
{
    if (af->f)
        fclose(af->f);
    if (af->tmp_path)
        unlink(af->tmp_path);
    yf_mem_free(af->tmp_path);
    af->f = NULL;
    af->tmp_path = NULL;
}

/* Make the rename itself durable. Best effort: some file systems cannot fsync
 * a directory, and the file is complete either way. */
static void sync_dir_of(const char *path)
{
    char dir[4096];
    if (!output_dir_of(path, dir, sizeof dir))
        return;
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

yf_status atomic_commit(atomic_file *af, yf_diag *diag)
{
    int e = af->err;
    if (!e && (fflush(af->f) != 0 || ferror(af->f)))
        e = errno ? errno : EIO;
    if (!e && fsync(fileno(af->f)) != 0)
        e = errno;
    if (!e) {
        FILE *f = af->f;
        af->f = NULL;
        if (fclose(f) != 0)
            e = errno;
    }
    if (!e && rename(af->tmp_path, af->path) != 0)
        e = errno;
    if (e) {
        atomic_abort(af);
        return output_fail(diag, YF_ERR_IO, af->path, "cannot write '%s': %s", af->path,
                           strerror(e));
    }
    sync_dir_of(af->path);
    yf_mem_free(af->tmp_path);
    af->tmp_path = NULL;
    return YF_OK;
}

yf_status output_write_file(const char *path, const char *text, size_t n, yf_diag *diag)
{
    atomic_file af;
    yf_status st = atomic_open(&af, path, diag);
    if (st != YF_OK)
        return st;
    atomic_write(&af, text, n);
    return atomic_commit(&af, diag);
}
