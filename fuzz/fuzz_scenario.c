/*
 * fuzz_scenario.c: fuzz target of the scenario loader (src/scenario/load.c,
 * paths.c, events.c). The input is written as fuzz.yaml into a scratch
 * directory that also holds copies of the shipped scenarios and the test
 * scenarios, so that `extends:` and a path's CSV file can reach real files.
 * A load either succeeds or fails with a diagnostic naming a file and a
 * message; anything else (a crash, a leak, undefined behaviour, a success
 * without a name or a failure without a message) is a finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "scenario/scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_copy_dir(YF_SOURCE_DIR "/scenarios", NULL);
    fuzz_copy_dir(YF_SOURCE_DIR "/tests/scenarios", NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    if (fuzz_write_file("fuzz.yaml", data, size, path, sizeof path) != 0)
        abort();
    scenario *s = NULL;
    yf_diag d;
    yf_status st = scenario_load(&s, path, &d);
    if (st == YF_OK) {
        if (!s || !s->name || s->n_files < 1 || s->from > s->to)
            abort();
        double param[N_MODEL_PARAMS];
        scenario_params(s, param);
        (void)scenario_hash_extend(s, 1469598103934665603u);
        economy_size es = scenario_economy_size(s);
        if (es.n_months < 1)
            abort();
        scenario_free(s);
    } else if (s || d.message[0] == '\0') {
        abort();
    }
    return 0;
}
