/*
 * test_docs.c: docs/model.md's balance-sheet table must say what the China chart
 * says. For each instrument row (found by its `code`), the nine sector cells must
 * be "+" where the chart allows an asset, "−" where it allows a liability and
 * blank otherwise, and every instrument of the chart must have its row.
 * Usage: test_docs PATH/TO/docs/model.md
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ledger/chart.h"

/* Trim spaces in place; return the trimmed start. */
static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static int instrument_by_code(const char *line)
{
    const char *tick = strstr(line, "(`");
    if (!tick)
        return -1;
    tick += 2;
    const char *end = strchr(tick, '`');
    if (!end)
        return -1;
    for (int i = 0; i < chart_china.n_instruments; i++)
        if (strlen(chart_china.instruments[i].code) == (size_t)(end - tick) &&
            strncmp(chart_china.instruments[i].code, tick, (size_t)(end - tick)) == 0)
            return i;
    return -1;
}

static void check_row(int i, char *line)
{
    char *cells[16];
    int n = 0;
    for (char *p = strtok(line, "|"); p && n < 16; p = strtok(NULL, "|"))
        cells[n++] = trim(p);
    CHECK(n == 1 + chart_china.n_sectors);
    for (int s = 0; s < chart_china.n_sectors && s + 1 < n; s++) {
        int side = chart_china.instruments[i].side[s];
        const char *want = side == SIDE_ASSET ? "+" : side == SIDE_LIABILITY ? "−" : "";
        bool ok = strcmp(cells[s + 1], want) == 0;
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  docs/model.md: '%s' in column %s says '%s', the chart says '%s'\n",
                    chart_china.instruments[i].code, chart_china.sectors[s].code, cells[s + 1],
                    want);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_docs PATH/TO/docs/model.md\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    CHECK(f != NULL);
    if (!f)
        return TEST_REPORT();
    int seen[LEDGER_MAX_INSTRUMENTS] = {0};
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] != '|')
            continue;
        int i = instrument_by_code(line);
        if (i < 0)
            continue;
        seen[i]++;
        line[strcspn(line, "\n")] = '\0';
        check_row(i, line);
    }
    fclose(f);
    for (int i = 0; i < chart_china.n_instruments; i++) {
        CHECK(seen[i] == 1);
        if (seen[i] != 1)
            fprintf(stderr, "  docs/model.md has %d rows for '%s', expected 1\n", seen[i],
                    chart_china.instruments[i].code);
    }
    return TEST_REPORT();
}
