/* names.c: "did you mean" suggestions by edit distance (Levenshtein, case-insensitive). */
#include <ctype.h>
#include <string.h>

#include "core.h"

#define NAME_MAX_LEN 64

static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > NAME_MAX_LEN || lb > NAME_MAX_LEN)
        return NAME_MAX_LEN * 2;
    int prev[NAME_MAX_LEN + 1], cur[NAME_MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
}

int names_nearest(const char *wanted, const char *const *names, int n)
{
    int best = -1, best_d = 0;
    for (int i = 0; i < n; i++) {
        int d = edit_distance(wanted, names[i]);
        if (best < 0 || d < best_d) {
            best = i;
            best_d = d;
        }
    }
    /* A suggestion is useful only if it is a plausible typo: at most a third of
     * the longer name changed (and at least one edit allowed for short names). */
    if (best >= 0) {
        size_t lw = strlen(wanted), ln = strlen(names[best]);
        size_t longest = lw > ln ? lw : ln;
        int limit = (int)(longest / 3) > 1 ? (int)(longest / 3) : 1;
        if (best_d > limit)
            return -1;
    }
    return best;
}
