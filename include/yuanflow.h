/*
 * yuanflow.h: the public API of libyuanflow.
 *
 * yuanflow is a stock-flow consistent, agent-based simulator of China's
 * political economy. Every amount of money is an exact int64_t count of yuan
 * and every flow goes through one double-entry ledger whose balance-sheet and
 * transactions-flow matrices are checked to balance exactly after every step.
 *
 * Lifecycle (SUNDIALS-style Create -> Set -> Run -> Get -> Free):
 *
 *     yf_model *m = NULL;
 *     yf_diag d;
 *     if (yf_model_new(&m, "sim", &d) != YF_OK) { report d.message; }
 *     yf_model_set_param(m, "G", 25.0, &d);
 *     yf_model_run(m, 60, &d);
 *     yf_model_series(m, "Y", &values, &n);
 *     yf_model_matrices(m, 10, YF_FORMAT_MARKDOWN, &text);  ... yf_free(text);
 *     yf_model_free(m);
 *
 * The library never prints and never exits; errors come back as a status code
 * plus a diagnostic message. Thread safety: distinct yf_model handles may be
 * used from distinct threads; one handle must not be shared without locking.
 */
#ifndef YUANFLOW_H
#define YUANFLOW_H

#include <stddef.h>
#include <stdint.h>

#include <yuanflow/status.h>

#if defined(YF_BUILDING_LIBRARY) && defined(__GNUC__)
#    define YF_API __attribute__((visibility("default")))
#else
#    define YF_API
#endif

#if defined(__GNUC__)
#    define YF_MUST_CHECK __attribute__((warn_unused_result))
#else
#    define YF_MUST_CHECK
#endif

#define YF_VERSION "0.1.0"

/*
 * A diagnostic for the caller: where the problem is (a file, line and column
 * when it comes from an input file; empty path and zero line otherwise) and
 * a one-line message in lower case, naming the thing that is wrong.
 */
typedef struct yf_diag {
    char path[256];
    int line;   /* 1-based, 0 if not about a file */
    int column; /* 1-based, 0 if not about a file */
    char message[1024];
} yf_diag;

/* The fixed message of a status code ("ok", "out of memory", ...). */
YF_API const char *yf_status_string(yf_status status);

/* Free memory the library returned to the caller (matrix text). NULL is a no-op. */
YF_API void yf_free(void *p);

/*
 * Memory allocation hook, in the spirit of Lua's lua_Alloc: every allocation the
 * library makes goes through it. realloc_fn(ud, p, size) must behave like
 * realloc(p, size) and free when size == 0. Passing NULL restores the C library.
 * Set it before creating any model; it is process-wide.
 */
typedef void *(*yf_realloc_fn)(void *ud, void *p, size_t size);
YF_API void yf_set_allocator(yf_realloc_fn realloc_fn, void *ud);

typedef struct yf_model yf_model;

typedef enum yf_format { YF_FORMAT_MARKDOWN = 0, YF_FORMAT_CSV = 1 } yf_format;

/*
 * Create a model by name. Names known today: "sim" and "pc", the textbook
 * models of Godley & Lavoie (Monetary Economics, 2007, chapters 3 and 4)
 * implemented on the ledger. On success *out_model owns all its memory and
 * must be released with yf_model_free. On failure *out_model is NULL and
 * diag (if not NULL) says why; an unknown name gets the nearest valid one.
 */
YF_API YF_MUST_CHECK yf_status yf_model_new(yf_model **out_model, const char *name, yf_diag *diag);

/*
 * Set a named behavioural parameter before or between runs (for instance "G",
 * government spending per period, to study the path after a change). Unknown
 * names and values outside the allowed range are refused and change nothing.
 */
YF_API YF_MUST_CHECK yf_status yf_model_set_param(yf_model *model,
                                                  const char *name,
                                                  double value,
                                                  yf_diag *diag);

/*
 * Advance the model by n_steps periods. Each period ends with the exact
 * accounting check; if it fails the run stops at that period, the status is
 * YF_ERR_INCONSISTENT (or the fault found) and diag names the period, the
 * row or column and the amounts. Steps completed before the fault are kept.
 */
YF_API YF_MUST_CHECK yf_status yf_model_run(yf_model *model, int n_steps, yf_diag *diag);

/* Number of completed periods (0 before the first run). */
YF_API int yf_model_steps(const yf_model *model);

/*
 * A named output series, one value per completed period (index 0 is period 1),
 * in the model's units. *out_values stays owned by the model and is valid until
 * the next yf_model_run or yf_model_free. Unknown names give YF_ERR_UNKNOWN_NAME.
 */
YF_API YF_MUST_CHECK yf_status yf_model_series(const yf_model *model,
                                               const char *name,
                                               const double **out_values,
                                               int *out_n);

/* Number of named series the model reports, and the name of series `index`
 * (0-based; NULL if out of range). Names are owned by the library. */
YF_API int yf_model_n_series(const yf_model *model);
YF_API const char *yf_model_series_name(const yf_model *model, int index);

/*
 * The balance-sheet matrix and the transactions-flow matrix of completed
 * period `step` (1..yf_model_steps), laid out as in Godley & Lavoie, rendered
 * as markdown or CSV. *out_text is allocated by the library; free it with yf_free.
 */
YF_API YF_MUST_CHECK yf_status yf_model_matrices(const yf_model *model,
                                                 int step,
                                                 yf_format format,
                                                 char **out_text);

/* Release a model and everything it owns. NULL is a no-op. */
YF_API void yf_model_free(yf_model *model);

#endif
