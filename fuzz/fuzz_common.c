/*
 * fuzz_common.c: the scratch directory of a fuzz target (fuzz_common.h).
 */
#define _XOPEN_SOURCE 700
#include "fuzz_common.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[256];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    (void)remove(path);
    return 0;
}

static void remove_scratch(void)
{
    if (scratch[0])
        (void)nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_scratch_dir(void)
{
    if (scratch[0])
        return scratch;
    struct stat st;
    const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
    snprintf(scratch, sizeof scratch, "%s/yf-fuzz-XXXXXX", base);
    if (!mkdtemp(scratch)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(remove_scratch);
    return scratch;
}

int fuzz_write_file(const char *name, const uint8_t *data, size_t size, char *out, size_t out_size)
{
    snprintf(out, out_size, "%s/%s", fuzz_scratch_dir(), name);
    FILE *f = fopen(out, "wb");
    if (!f)
        return -1;
    size_t put = size ? fwrite(data, 1, size, f) : 0;
    return fclose(f) == 0 && put == size ? 0 : -1;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    if (!in || !out) {
        fprintf(stderr, "fuzz: cannot copy '%s' to '%s'\n", from, to);
        abort();
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            abort();
    fclose(in);
    if (fclose(out) != 0)
        abort();
}

void fuzz_copy_dir(const char *dir, const char *sub)
{
    char target[400];
    if (sub) {
        snprintf(target, sizeof target, "%s/%s", fuzz_scratch_dir(), sub);
        (void)mkdir(target, 0700);
    } else {
        snprintf(target, sizeof target, "%s", fuzz_scratch_dir());
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz: cannot open '%s'\n", dir);
        abort();
    }
    struct dirent *ent;
    char from[800], to[800];
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        snprintf(from, sizeof from, "%s/%s", dir, ent->d_name);
        snprintf(to, sizeof to, "%s/%s", target, ent->d_name);
        struct stat st;
        if (stat(from, &st) == 0 && S_ISREG(st.st_mode))
            copy_file(from, to);
    }
    closedir(d);
}
