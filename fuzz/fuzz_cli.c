/*
 * fuzz_cli.c: fuzz target of the command line (src/cli and the report
 * command's options): the input is a command line, one argument per line
 * ("run\n--to\n2001\n"), given to the yuanflow command's own main() (compiled
 * here as yf_cli_main). Every command parses its options for real, loads the
 * scenario files it is given and checks the data directory; only the China
 * model's economy is not built (economy_new is replaced, by the linker's
 * --wrap, with one that refuses), so that an input costs milliseconds rather
 * than a run. The textbook demos run for real (at most 100000 periods).
 * It runs in a scratch directory holding copies of data/ and scenarios/, so
 * the defaults (--data data, scenarios/baseline.yaml) resolve as in a checkout
 * and a file a command writes stays out of the source tree.
 * Exit codes must be 0, 1 or 2; anything else, a crash or a leak is a finding.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "model/economy.h"

int yf_cli_main(int argc, char **argv);

/* The linker sends the command line's calls of economy_new here. */
yf_status __wrap_economy_new(economy **out,
                             const economy_size *size,
                             const char *data_dir,
                             const double *param,
                             yf_diag *diag);

yf_status __wrap_economy_new(economy **out,
                             const economy_size *size,
                             const char *data_dir,
                             const double *param,
                             yf_diag *diag)
{
    (void)size;
    (void)data_dir;
    (void)param;
    *out = NULL;
    snprintf(diag->message, sizeof diag->message, "fuzzing: no economy is built");
    diag->path[0] = '\0';
    diag->line = diag->column = 0;
    return YF_ERR_ARGUMENT;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_copy_dir(YF_SOURCE_DIR "/data", "data");
    fuzz_copy_dir(YF_SOURCE_DIR "/scenarios", "scenarios");
    fuzz_copy_dir(YF_SOURCE_DIR "/tests/scenarios", "tests");
    if (chdir(fuzz_scratch_dir()) != 0)
        abort();
    /* The commands print tables and usage; the replay keeps its log short. */
    if (!freopen("/dev/null", "w", stdout))
        abort();
    return 0;
}

enum { MAX_ARGS = 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "yuanflow";
    char *p = text;
    /* Arguments end at a newline; a NUL inside one ends it early (as exec would). */
    while (argc <= MAX_ARGS && p < text + size) {
        char *nl = memchr(p, '\n', (size_t)(text + size - p));
        if (nl)
            *nl = '\0';
        argv[argc++] = p;
        p = nl ? nl + 1 : text + size;
    }
    argv[argc] = NULL;
    /* calibrate and ensemble fork worker processes (or start MPI): a child
     * would run this process's exit handlers and remove the scratch
     * directory. Their options are checked by tests/cli_errors.cmake and
     * tests/cli_ensemble.sh instead. */
    if (argc > 1 && (strcmp(argv[1], "calibrate") == 0 || strcmp(argv[1], "ensemble") == 0)) {
        free(text);
        return 0;
    }
    int rc = yf_cli_main(argc, argv);
    fflush(stdout);
    free(text);
    if (rc < 0 || rc > 2)
        abort();
    return 0;
}
