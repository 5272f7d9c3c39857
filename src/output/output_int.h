/*
 * output_int.h: what the writers of src/output share (not for callers: they
 * use output.h). Diagnostics, dates, number formatting and the atomic file.
 */
#ifndef YF_OUTPUT_INT_H
#define YF_OUTPUT_INT_H

#include <stdio.h>

#include "output/output.h"

/* Fill diag: path (may be NULL) and a printf-formatted message. Returns code. */
yf_status output_fail(yf_diag *diag, yf_status code, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* output_run_check, with the reason given as "cannot write 'PATH': reason". */
YF_MUST_CHECK yf_status output_check_run_for(const output_run *run,
                                             const char *path,
                                             yf_diag *diag);

/* "YYYY-MM" of month m of the run into out (>= 16 bytes). */
void output_month_label(const output_run *run, int m, char *out, size_t size);

/*
 * The shortest "%.Ng" (N = 15, 16 or 17) that reads back as exactly x, into
 * out (>= 32 bytes); "" if x is not finite. Deterministic, locale "C".
 */
void output_format_double(double x, char *out, size_t size);

/*
 * A file written in full or not at all. atomic_open creates a new temporary
 * file ".NAME.tmp-PID-K" beside `path` (mode 0666 less the umask);
 * atomic_commit flushes it, fsyncs it, renames it over `path` and fsyncs the
 * directory; atomic_abort (also called by a failed commit) closes and removes
 * the temporary file. After open, exactly one of commit or abort must follow.
 */
typedef struct atomic_file {
    FILE *f;
    const char *path; /* borrowed */
    char *tmp_path;   /* owned (yf_malloc) */
    int err;          /* errno of the first failed write, 0 if none */
} atomic_file;

YF_MUST_CHECK yf_status atomic_open(atomic_file *af, const char *path, yf_diag *diag);
/* Append n bytes; after the first failure later writes are skipped and commit
 * reports the error. */
void atomic_write(atomic_file *af, const char *text, size_t n);
YF_MUST_CHECK yf_status atomic_commit(atomic_file *af, yf_diag *diag);
void atomic_abort(atomic_file *af);

/* Directory part of path ("." if none) into out; false if it does not fit. */
bool output_dir_of(const char *path, char *out, size_t size);

#endif
