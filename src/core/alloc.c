/*
 * alloc.c: the library's single allocation hook (Lua's lua_Alloc idea).
 * The default forwards to the C library; tests install a hook that fails on
 * the N-th call to prove every error path frees what it took.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"

static void *default_realloc(void *ud, void *p, size_t size)
{
    (void)ud;
    if (size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, size);
}

static yf_realloc_fn alloc_fn = default_realloc;
static void *alloc_ud = NULL;

YF_API void yf_set_allocator(yf_realloc_fn realloc_fn, void *ud)
{
    alloc_fn = realloc_fn ? realloc_fn : default_realloc;
    alloc_ud = realloc_fn ? ud : NULL;
}

void *yf_malloc(size_t size)
{
    if (size == 0)
        return NULL;
    return alloc_fn(alloc_ud, NULL, size);
}

void *yf_calloc(size_t count, size_t size)
{
    if (count == 0 || size == 0 || count > SIZE_MAX / size)
        return NULL;
    void *p = alloc_fn(alloc_ud, NULL, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void yf_mem_free(void *p)
{
    if (p)
        alloc_fn(alloc_ud, p, 0);
}

YF_API void yf_free(void *p)
{
    yf_mem_free(p);
}

char *yf_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = yf_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}
