/*
 * scenario_int.h: what the files of src/scenario share and nobody else needs.
 */
#ifndef YF_SCENARIO_INT_H
#define YF_SCENARIO_INT_H

#include "scenario/scenario.h"

/*
 * Fill diag with "file:line:column: error: what" ("file: error: what" when
 * line is 0, "error: what" when file is NULL), set diag->path, line and column,
 * and return `status`.
 */
yf_status scenario_fail(
    yf_diag *diag, yf_status status, const char *file, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/*
 * Read a whole file into a NUL-terminated buffer (free with yf_mem_free).
 * YF_ERR_IO with "file: error: cannot read ...: <errno text>" when it cannot be
 * opened or read, or is larger than 16 MiB; `at` (may be NULL) is where the file
 * was named, which the message then points to.
 */
yf_status scenario_read_file(
    const char *path, const scenario_origin *at, char **out, size_t *out_size, yf_diag *diag);

/* The file's directory joined with a relative path `rel` ("a/b.yaml" + "c.csv"
 * gives "a/c.csv"; an absolute `rel` is kept). NULL when out of memory. */
char *scenario_join(const char *file, const char *rel);

/*
 * Points of one column of a path CSV file (header "date,<columns>", dates
 * YYYY-MM, an empty cell is no point), checked against the path's range and
 * sorted. `column_at` is the place in the scenario where the column is named.
 * *out_points is allocated (yf_mem_free), *out_n >= 1.
 */
yf_status scenario_read_path_csv(const char *csv_path,
                                 const char *column,
                                 int path_id,
                                 const scenario_origin *column_at,
                                 const char *interned_csv_name,
                                 scenario_point **out_points,
                                 int *out_n,
                                 yf_diag *diag);

/* Write the scenario's paths into e->world (apply.c calls it once per driver). */
yf_status scenario_paths_write(const scenario *s, economy *e, yf_diag *diag);

#endif
