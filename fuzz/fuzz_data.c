/*
 * fuzz_data.c: fuzz target of the data loader (src/data/data.c) and of the
 * world's paths built from data (src/data/world.c). The input is written as a
 * CSV file and loaded; when it loads, it replaces one of the shipped files in
 * world_path_build, as the monthly, then the annual, then the GDP file, so
 * that odd but well-formed data reach the builder.
 */
#include <stdio.h>
#include <stdlib.h>

#include "data/data.h"
#include "fuzz_common.h"

static data_set *shipped_monthly, *shipped_annual, *shipped_gdp;

static data_set *load_shipped(const char *name)
{
    data_set *d = NULL;
    yf_diag diag;
    if (data_load(&d, name, &diag) != YF_OK) {
        fprintf(stderr, "fuzz_data: %s\n", diag.message);
        abort();
    }
    return d;
}

static void free_shipped(void)
{
    data_free(shipped_monthly);
    data_free(shipped_annual);
    data_free(shipped_gdp);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    shipped_monthly = load_shipped(YF_SOURCE_DIR "/data/monthly_inputs.csv");
    shipped_annual = load_shipped(YF_SOURCE_DIR "/data/china_annual.csv");
    shipped_gdp = load_shipped(YF_SOURCE_DIR "/data/world_gdp.csv");
    atexit(free_shipped);
    return 0;
}

static void build(const data_set *monthly, const data_set *annual, const data_set *gdp)
{
    const world_extension ext = {0.04, 0.03, 0.02, 0.02};
    world_path w;
    yf_diag diag;
    if (world_path_build(&w, monthly, annual, gdp, 2000, 36 * 12, &ext, &diag) == YF_OK)
        world_path_release(&w);
    else if (diag.message[0] == '\0')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    if (fuzz_write_file("fuzz.csv", data, size, path, sizeof path) != 0)
        abort();
    data_set *d = NULL;
    yf_diag diag;
    if (data_load(&d, path, &diag) != YF_OK) {
        if (d || diag.message[0] == '\0')
            abort();
        return 0;
    }
    double v;
    (void)data_annual(d, "gdp_nominal", 2010, &v);
    (void)data_monthly(d, "usdcny_monthly", 2010, 1, &v);
    (void)data_first_period(d, "gdp_nominal");
    (void)data_last_period(d, "gdp_nominal");
    build(d, shipped_annual, shipped_gdp);
    build(shipped_monthly, d, shipped_gdp);
    build(shipped_monthly, shipped_annual, d);
    data_free(d);
    return 0;
}
