/* strbuf.c: a growable text buffer for rendering matrices and messages. */
#include <stdio.h>
#include <string.h>

#include "core.h"

void strbuf_init(strbuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void strbuf_printf(strbuf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (;;) {
        size_t room = b->cap - b->len;
        va_list ap;
        va_start(ap, fmt);
        int n = room ? vsnprintf(b->data + b->len, room, fmt, ap) : vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = true;
            return;
        }
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap - b->len <= (size_t)n)
            cap *= 2;
        char *p = yf_malloc(cap);
        if (!p) {
            b->failed = true;
            return;
        }
        if (b->data)
            memcpy(p, b->data, b->len + 1);
        else
            p[0] = '\0';
        yf_mem_free(b->data);
        b->data = p;
        b->cap = cap;
    }
}

void strbuf_release(strbuf *b)
{
    yf_mem_free(b->data);
    strbuf_init(b);
}

char *strbuf_take(strbuf *b)
{
    if (b->failed) {
        strbuf_release(b);
        return NULL;
    }
    char *p = b->data;
    if (!p)
        p = yf_strdup("");
    strbuf_init(b);
    return p;
}
