/*
 * replay.c: a main() for a fuzz target that runs it once on each file named on
 * the command line, or on each file of each directory named (not recursive).
 * This is how the seed corpus and fuzz/regressions/ run as CTest tests in the
 * ordinary builds (gcc, debug and asan), without clang or libFuzzer. A crash is
 * the failure (the sanitizers or a signal end the process); the program ends
 * with "N passed, N failed" like the other tests.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

static int passed, failed;

static void replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open '%s'\n", path);
        failed++;
        return;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "replay: out of memory reading '%s'\n", path);
        failed++;
        return;
    }
    (void)LLVMFuzzerTestOneInput(buf, len); /* a crash ends the process: the failure */
    free(buf);
    passed++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: cannot open '%s'\n", dir);
        failed++;
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char **more = realloc(names, (n + 1) * sizeof *names);
        if (!more)
            break;
        names = more;
        size_t len = strlen(dir) + strlen(ent->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n])
            break;
        snprintf(names[n], len, "%s/%s", dir, ent->d_name);
        n++;
    }
    closedir(d);
    if (n > 0) /* the same order on every machine */
        qsort(names, n, sizeof *names, by_name);
    for (size_t k = 0; k < n; k++) {
        struct stat st;
        if (stat(names[k], &st) == 0 && S_ISREG(st.st_mode))
            replay_file(names[k]);
        free(names[k]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    /* The summary goes to the standard output as it was at the start: a target
     * may point stdout elsewhere (fuzz_cli.c sends the commands' tables to
     * /dev/null). */
    int out = dup(STDOUT_FILENO);
    /* Absolute paths first: a target may change directory (fuzz_cli.c does). */
    for (int k = 1; k < argc; k++) {
        char *abs = realpath(argv[k], NULL);
        if (abs)
            argv[k] = abs; /* lives to the end of the program */
    }
    (void)LLVMFuzzerInitialize(&argc, &argv);
    for (int k = 1; k < argc; k++) {
        struct stat st;
        if (stat(argv[k], &st) == 0 && S_ISDIR(st.st_mode))
            replay_dir(argv[k]);
        else
            replay_file(argv[k]);
    }
    fflush(stdout);
    dprintf(out >= 0 ? out : STDERR_FILENO, "%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
