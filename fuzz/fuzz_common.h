/*
 * fuzz_common.h: what the fuzz targets share (fuzz/README in docs/errors.md,
 * "Fuzzing"). The loaders read files, so a target writes its input into a
 * scratch directory of its own and loads it from there: the fuzzed code is the
 * code a user runs, path handling included.
 *
 * Each target defines LLVMFuzzerTestOneInput. Built with clang -fsanitize=fuzzer
 * it is a libFuzzer binary; built with fuzz/replay.c instead (any compiler,
 * the debug and asan builds) it replays files: the seed corpus and every input
 * that once crashed (fuzz/regressions/), as a CTest test.
 */
#ifndef YF_FUZZ_COMMON_H
#define YF_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The scratch directory of this process (created on first use, removed at
 * exit with everything in it). */
const char *fuzz_scratch_dir(void);

/* Write data[0..size) to `name` in the scratch directory; the full path goes
 * to out (size out_size). Returns 0, or -1 if it cannot be written. */
int fuzz_write_file(const char *name, const uint8_t *data, size_t size, char *out, size_t out_size);

/* Copy every regular file of directory `dir` into the scratch directory, or
 * into its subdirectory `sub` when sub is not NULL (created). Copies, not
 * links: what an input does to them cannot reach the source tree. */
void fuzz_copy_dir(const char *dir, const char *sub);

#endif
