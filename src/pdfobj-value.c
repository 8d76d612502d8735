/* pdfobj-value.c — the values of pdfobj.h: looking into dictionaries,
 * the text of strings (PDF 32000-1 7.3.4, 7.9.2), and writing values
 * back out, with the few edits the post-pass makes (a key set or taken
 * out).  See pdfobj.h; the reader is pdfobj.c.
 */
#include "config.h"
#include "pdfobj.h"
#include "pdfcontent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const CocomPdfVal *cocom_pdfobj_get(const CocomPdfVal *d, const char *key)
{
    if (!d || d->kind != COCOM_PDFV_DICT)
        return NULL;
    size_t n = strlen(key);
    for (size_t i = 0; i + 1 < d->n; i += 2) {
        const CocomPdfVal *k = &d->items[i];
        if (k->rawlen == n + 1 && memcmp(k->raw + 1, key, n) == 0)
            return &d->items[i + 1];
    }
    return NULL;
}

int cocom_pdfobj_is_name(const CocomPdfVal *v, const char *name)
{
    size_t n = strlen(name);
    return v && v->kind == COCOM_PDFV_NAME && v->rawlen == n + 1 && memcmp(v->raw + 1, name, n) == 0;
}

/* The bytes of a string token, escapes undone (7.3.4). */
static void string_bytes(const CocomPdfVal *v, CocomBuf *out)
{
    const char *s = v->raw;
    size_t n = v->rawlen;
    if (n >= 2 && s[0] == '<') {
        int hi = -1;
        for (size_t i = 1; i < n - 1; i++) {
            int h = cocom_pdf_hex_value((unsigned char)s[i]);
            if (h < 0)
                continue;
            if (hi < 0) {
                hi = h;
            } else {
                cocom_buf_putc(out, (char)(hi * 16 + h));
                hi = -1;
            }
        }
        if (hi >= 0)
            cocom_buf_putc(out, (char)(hi * 16));
        return;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        char c = s[i];
        if (c == '\r') {
            cocom_buf_putc(out, '\n');
            if (i + 2 < n && s[i + 1] == '\n')
                i++;
            continue;
        }
        if (c != '\\' || i + 2 >= n) {
            cocom_buf_putc(out, c);
            continue;
        }
        c = s[++i];
        switch (c) {
        case 'n': cocom_buf_putc(out, '\n'); break;
        case 'r': cocom_buf_putc(out, '\r'); break;
        case 't': cocom_buf_putc(out, '\t'); break;
        case 'b': cocom_buf_putc(out, '\b'); break;
        case 'f': cocom_buf_putc(out, '\f'); break;
        case '\r':
            if (i + 2 < n && s[i + 1] == '\n')
                i++;
            break;
        case '\n': break;
        default:
            if (c >= '0' && c <= '7') {
                int v8 = 0;
                for (int k = 0; k < 3 && i + 1 < n && s[i] >= '0' && s[i] <= '7'; k++, i++)
                    v8 = v8 * 8 + (s[i] - '0');
                i--;
                cocom_buf_putc(out, (char)v8);
            } else {
                cocom_buf_putc(out, c);
            }
        }
    }
}

static void put_utf8(CocomBuf *b, unsigned cp)
{
    char u[4];
    if (cp < 0x80) {
        cocom_buf_putc(b, (char)cp);
        return;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        cocom_buf_append(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        cocom_buf_append(b, u, 3);
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        cocom_buf_append(b, u, 4);
    }
}

char *cocom_pdfobj_text(const CocomPdfVal *v)
{
    if (!v || v->kind != COCOM_PDFV_STRING)
        return NULL;
    CocomBuf raw = {0}, out = {0};
    string_bytes(v, &raw);
    const unsigned char *s = (const unsigned char *)raw.data;
    size_t n = raw.len;
    if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        for (size_t i = 2; i + 1 < n; i += 2) {
            unsigned cp = (unsigned)s[i] << 8 | s[i + 1];
            if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < n) {
                unsigned lo = (unsigned)s[i + 2] << 8 | s[i + 3];
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
            if (cp && !(cp >= 0xD800 && cp < 0xE000))
                put_utf8(&out, cp);
        }
    } else {
        for (size_t i = 0; i < n; i++)
            if (s[i])
                put_utf8(&out, s[i]);
    }
    cocom_buf_free(&raw);
    cocom_buf_putc(&out, '\0');
    return cocom_buf_steal(&out);
}

void cocom_pdfobj_put_int(CocomBuf *b, long long v)
{
    char d[24], *e = d + sizeof d, *q = e;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        *--q = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--q = '-';
    cocom_buf_append(b, q, (size_t)(e - q));
}

void cocom_pdfobj_write(CocomBuf *b, const CocomPdfVal *v)
{
    switch (v->kind) {
    case COCOM_PDFV_REF:
        cocom_pdfobj_put_int(b, v->num);
        cocom_buf_putc(b, ' ');
        cocom_pdfobj_put_int(b, v->gen);
        cocom_buf_puts(b, " R");
        break;
    case COCOM_PDFV_ARRAY:
        cocom_buf_putc(b, '[');
        for (size_t i = 0; i < v->n; i++) {
            if (i)
                cocom_buf_putc(b, ' ');
            cocom_pdfobj_write(b, &v->items[i]);
        }
        cocom_buf_putc(b, ']');
        break;
    case COCOM_PDFV_DICT:
        cocom_buf_puts(b, "<<");
        for (size_t i = 0; i + 1 < v->n; i += 2) {
            if (i)
                cocom_buf_putc(b, ' ');
            cocom_pdfobj_write(b, &v->items[i]);
            cocom_buf_putc(b, ' ');
            cocom_pdfobj_write(b, &v->items[i + 1]);
        }
        cocom_buf_puts(b, ">>");
        break;
    default:
        if (v->raw)
            cocom_buf_append(b, v->raw, v->rawlen);
        else
            cocom_buf_puts(b, "null");
    }
}

void cocom_pdfobj_write_text(CocomBuf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    int ascii = 1;
    for (const unsigned char *p = u; *p; p++)
        if (*p < 0x20 || *p > 0x7E)
            ascii = 0;
    if (ascii) {
        cocom_buf_putc(b, '(');
        for (const unsigned char *p = u; *p; p++) {
            if (*p == '(' || *p == ')' || *p == '\\')
                cocom_buf_putc(b, '\\');
            cocom_buf_putc(b, (char)*p);
        }
        cocom_buf_putc(b, ')');
        return;
    }
    /* UTF-16BE (the text is valid UTF-8: cocom_pdfmeta_clean_utf8). */
    cocom_buf_puts(b, "<FEFF");
    while (*u) {
        unsigned c = *u, cp;
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        int i = 1;
        for (; i < len && (u[i] & 0xC0) == 0x80; i++)
            cp = cp << 6 | (u[i] & 0x3F);
        u += i;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            cocom_buf_printf(b, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            cocom_buf_printf(b, "%04X", cp);
        }
    }
    cocom_buf_putc(b, '>');
}

CocomPdfVal cocom_pdfobj_raw(CocomPdfReader *r, CocomPdfValKind kind, const char *text)
{
    CocomPdfVal v;
    memset(&v, 0, sizeof v);
    v.kind = kind;
    v.raw = cocom_arena_strdup(&r->arena, text);
    v.rawlen = strlen(text);
    return v;
}

void cocom_pdfobj_set(CocomPdfReader *r, CocomPdfVal *d, const char *key, CocomPdfVal v)
{
    CocomPdfVal *old = (CocomPdfVal *)cocom_pdfobj_get(d, key);
    if (old) {
        *old = v;
        return;
    }
    CocomPdfVal *items = cocom_arena_alloc(&r->arena, (d->n + 2) * sizeof *items);
    if (d->n)
        memcpy(items, d->items, d->n * sizeof *items);
    char *name = cocom_xasprintf("/%s", key);
    items[d->n] = cocom_pdfobj_raw(r, COCOM_PDFV_NAME, name);
    free(name);
    items[d->n + 1] = v;
    d->items = items;
    d->n += 2;
}

void cocom_pdfobj_remove(CocomPdfVal *d, const char *key)
{
    const CocomPdfVal *v = cocom_pdfobj_get(d, key);
    if (!v)
        return;
    size_t i = (size_t)(v - d->items) - 1;
    memmove(d->items + i, d->items + i + 2, (d->n - i - 2) * sizeof *d->items);
    d->n -= 2;
}
