/* pdfobj.c — see pdfobj.h.
 *
 * Tokens come from the content-stream lexer (pdfcontent.h): the file's
 * object syntax is the same (PDF 32000-1 7.2, 7.3), with "R", "obj",
 * "endobj" and "stream" as its keywords.
 */
#include "config.h"
#include "pdfobj.h"
#include "pdfcontent.h"
#include "load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void fail(CocomPdfReader *r, const char *fmt, ...) COCOM_PRINTF(2, 3);

static void fail(CocomPdfReader *r, const char *fmt, ...)
{
    if (r->failed)
        return;
    r->failed = 1;
    CocomBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    cocom_report(r->ctx, COCOM_SEVERITY_ERROR, r->path, 0, "%s", b.data ? b.data : "");
    cocom_buf_free(&b);
}

/* Reads up to n bytes at off into r->buf; returns how many. */
static size_t read_at(CocomPdfReader *r, uint64_t off, size_t n)
{
    if (off >= r->size)
        return 0;
    if (n > r->size - off)
        n = (size_t)(r->size - off);
    if (n > r->bufcap) {
        free(r->buf);
        r->bufcap = n;
        r->buf = cocom_xmalloc(n + 1);
    }
    if (fseeko(r->f, (off_t)off, SEEK_SET) != 0)
        return 0;
    size_t got = fread(r->buf, 1, n, r->f);
    r->buf[got] = '\0';
    return got;
}

static int tok_word(const unsigned char *s, const CocomPdfTok *t, const char *w)
{
    size_t n = strlen(w);
    return t->kind == COCOM_TK_KEYWORD && t->end - t->start == n && memcmp(s + t->start, w, n) == 0;
}

/* An integer token (no point, no overflow). */
static int tok_integer(const unsigned char *s, const CocomPdfTok *t, long long *v)
{
    int ok = 0;
    if (t->kind != COCOM_TK_NUMBER || memchr(s + t->start, '.', t->end - t->start))
        return 0;
    *v = cocom_pdfcontent_int(s, t, &ok);
    return ok;
}

static int push(CocomPdfReader *r, CocomPdfVal v)
{
    if (r->nscratch >= COCOM_PDFOBJ_MAX_VALUES)
        return 0;
    COCOM_GROW(r->scratch, r->scratchcap, r->nscratch + 1);
    r->scratch[r->nscratch++] = v;
    return 1;
}

int cocom_pdfobj_parse(CocomPdfReader *r, const unsigned char *s, size_t len, size_t *pos, CocomPdfVal *out,
                       int depth)
{
    CocomPdfLexer lx = {s, len, *pos};
    CocomPdfTok t = cocom_pdfcontent_lex(&lx);
    memset(out, 0, sizeof *out);
    out->raw = (const char *)s + t.start;
    out->rawlen = t.end - t.start;
    switch (t.kind) {
    case COCOM_TK_END:
        return -1;
    case COCOM_TK_JUNK:
        return t.end >= len ? -1 : 0;
    case COCOM_TK_NAME:
        out->kind = COCOM_PDFV_NAME;
        break;
    case COCOM_TK_STRING:
        out->kind = COCOM_PDFV_STRING;
        break;
    case COCOM_TK_NUMBER: {
        long long v;
        if (!tok_integer(s, &t, &v)) {
            out->kind = COCOM_PDFV_REAL;
            break;
        }
        out->kind = COCOM_PDFV_INT;
        out->num = v;
        /* "N G R" is a reference: look two tokens ahead. */
        CocomPdfLexer ahead = lx;
        CocomPdfTok g = cocom_pdfcontent_lex(&ahead);
        long long gen;
        if (g.kind == COCOM_TK_END)
            return -1;
        if (v >= 0 && tok_integer(s, &g, &gen)) {
            CocomPdfTok k = cocom_pdfcontent_lex(&ahead);
            if (k.kind == COCOM_TK_END)
                return -1;
            if (tok_word(s, &k, "R")) {
                if (v > INT32_MAX || gen < 0 || gen > 65535)
                    return 0;
                out->kind = COCOM_PDFV_REF;
                out->gen = (int)gen;
                lx = ahead;
            }
        }
        break;
    }
    case COCOM_TK_KEYWORD:
        if (tok_word(s, &t, "true") || tok_word(s, &t, "false")) {
            out->kind = COCOM_PDFV_BOOL;
            out->num = s[t.start] == 't';
        } else if (tok_word(s, &t, "null")) {
            out->kind = COCOM_PDFV_NULL;
        } else {
            return 0;
        }
        break;
    case COCOM_TK_DICT_BEGIN:
    case COCOM_TK_ARRAY_BEGIN: {
        if (depth >= COCOM_PDFOBJ_MAX_DEPTH)
            return 0;
        int dict = t.kind == COCOM_TK_DICT_BEGIN;
        size_t base = r->nscratch;
        int rc = 1;
        for (;;) {
            CocomPdfLexer peek = lx;
            CocomPdfTok e = cocom_pdfcontent_lex(&peek);
            if (e.kind == (dict ? COCOM_TK_DICT_END : COCOM_TK_ARRAY_END)) {
                lx = peek;
                break;
            }
            if (dict && (r->nscratch - base) % 2 == 0 && e.kind != COCOM_TK_NAME) {
                rc = e.kind == COCOM_TK_END ? -1 : 0;
                break;
            }
            CocomPdfVal item;
            size_t p = lx.pos;
            rc = cocom_pdfobj_parse(r, s, len, &p, &item, depth + 1);
            if (rc != 1)
                break;
            lx.pos = p;
            if (!push(r, item)) {
                rc = 0;
                break;
            }
        }
        if (rc == 1 && dict && (r->nscratch - base) % 2)
            rc = 0;
        if (rc != 1) {
            r->nscratch = base;
            return rc;
        }
        out->kind = dict ? COCOM_PDFV_DICT : COCOM_PDFV_ARRAY;
        out->n = r->nscratch - base;
        if (out->n) {
            out->items = cocom_arena_alloc(&r->arena, out->n * sizeof *out->items);
            memcpy(out->items, r->scratch + base, out->n * sizeof *out->items);
        }
        r->nscratch = base;
        out->raw = NULL;
        out->rawlen = 0;
        break;
    }
    default:
        return 0;
    }
    *pos = lx.pos;
    return 1;
}

/* The integer held by object num (a stream's /Length written after it),
 * read with a buffer of its own so as not to disturb the object being
 * read.  -1 when it is not one. */
static long long read_int_object(CocomPdfReader *r, uint32_t num)
{
    if (num >= r->nxref || !r->xref[num].offset)
        return -1;
    unsigned char b[128];
    if (fseeko(r->f, (off_t)r->xref[num].offset, SEEK_SET) != 0)
        return -1;
    size_t got = fread(b, 1, sizeof b - 1, r->f);
    CocomPdfLexer lx = {b, got, 0};
    CocomPdfTok t[5];
    for (int i = 0; i < 5; i++)
        t[i] = cocom_pdfcontent_lex(&lx);
    long long n, g, v;
    if (!tok_integer(b, &t[0], &n) || n != num || !tok_integer(b, &t[1], &g) || !tok_word(b, &t[2], "obj")
        || !tok_integer(b, &t[3], &v) || !tok_word(b, &t[4], "endobj") || v < 0)
        return -1;
    return v;
}

int cocom_pdfobj_read(CocomPdfReader *r, uint32_t num, CocomPdfObj *o)
{
    memset(o, 0, sizeof *o);
    if (num >= r->nxref || !r->xref[num].offset) {
        fail(r, "the PDF is damaged: object %u is referred to but not in the file", num);
        return 0;
    }
    uint64_t off = r->xref[num].offset;
    size_t window = 4096;
    for (;;) {
        cocom_arena_reset(&r->arena);
        r->nscratch = 0;
        size_t got = read_at(r, off, window);
        const unsigned char *s = r->buf;
        CocomPdfLexer lx = {s, got, 0};
        CocomPdfTok t0 = cocom_pdfcontent_lex(&lx), t1 = cocom_pdfcontent_lex(&lx), t2 = cocom_pdfcontent_lex(&lx);
        long long n, g;
        if (!tok_integer(s, &t0, &n) || !tok_integer(s, &t1, &g) || !tok_word(s, &t2, "obj")) {
            fail(r, "the PDF is damaged: object %u is not where the cross-reference table says (byte %llu)", num,
                 (unsigned long long)off);
            return 0;
        }
        if (n != num || g != r->xref[num].gen) {
            fail(r, "the PDF is damaged: object %lld %lld is where object %u should be (byte %llu)", n, g, num,
                 (unsigned long long)off);
            return 0;
        }
        size_t pos = lx.pos, body = lx.pos;
        int rc = cocom_pdfobj_parse(r, s, got, &pos, &o->value, 0);
        CocomPdfTok k = {COCOM_TK_END, pos, pos};
        if (rc == 1) {
            CocomPdfLexer kl = {s, got, pos};
            k = cocom_pdfcontent_lex(&kl);
            if (k.kind == COCOM_TK_END)
                rc = -1;
        }
        if (rc == -1 && got == window && window < COCOM_PDFOBJ_MAX_BYTES) {
            window *= 4;
            continue;
        }
        if (rc == -1 && got == window) {
            fail(r, "object %u is longer than %u MiB, a limit of the post-pass", num, COCOM_PDFOBJ_MAX_BYTES >> 20);
            return 0;
        }
        if (rc != 1) {
            fail(r, "the PDF is damaged: object %u cannot be read (byte %llu), or is nested more than %d deep or "
                 "holds more than %u values, limits of the post-pass", num, (unsigned long long)off,
                 COCOM_PDFOBJ_MAX_DEPTH, COCOM_PDFOBJ_MAX_VALUES);
            return 0;
        }
        o->num = (int)num;
        o->gen = (int)g;
        o->start = off;
        if (tok_word(s, &k, "endobj")) {
            o->body = (const char *)s + body;
            o->bodylen = k.start - body;
            o->end = off + k.end;
            return 1;
        }
        if (!tok_word(s, &k, "stream") || o->value.kind != COCOM_PDFV_DICT) {
            fail(r, "the PDF is damaged: object %u does not end with endobj (byte %llu)", num,
                 (unsigned long long)(off + k.start));
            return 0;
        }
        /* The data starts after the EOL that follows "stream" (7.3.8.1). */
        size_t d = k.end;
        if (d < got && s[d] == '\r')
            d++;
        if (d < got && s[d] == '\n')
            d++;
        else if (d >= got || s[d - 1] != '\r') {
            fail(r, "the PDF is damaged: no end of line after 'stream' in object %u", num);
            return 0;
        }
        o->is_stream = 1;
        o->data = off + d;
        const CocomPdfVal *lv = cocom_pdfobj_get(&o->value, "Length");
        long long length = -1;
        if (lv && lv->kind == COCOM_PDFV_INT)
            length = lv->num;
        else if (lv && lv->kind == COCOM_PDFV_REF)
            length = read_int_object(r, (uint32_t)lv->num);
        if (length < 0 || (uint64_t)length > r->size - o->data) {
            fail(r, "the PDF is damaged: stream %u has no usable /Length", num);
            return 0;
        }
        o->length = (uint64_t)length;
        /* "endstream" and "endobj" must follow the data. */
        unsigned char tail[64];
        if (fseeko(r->f, (off_t)(o->data + o->length), SEEK_SET) != 0) {
            fail(r, "cannot read the file: %s", cocom_load_errno_text(errno));
            return 0;
        }
        size_t tn = fread(tail, 1, sizeof tail, r->f);
        CocomPdfLexer tl = {tail, tn, 0};
        CocomPdfTok e1 = cocom_pdfcontent_lex(&tl), e2 = cocom_pdfcontent_lex(&tl);
        if (!tok_word(tail, &e1, "endstream") || !tok_word(tail, &e2, "endobj")) {
            fail(r, "the PDF is damaged: stream %u does not end where its /Length says", num);
            return 0;
        }
        o->end = o->data + o->length + e2.end;
        return 1;
    }
}

/* Reads decimal digits from the stream; -1 when there are none. */
static long long read_number(FILE *f)
{
    int c;
    while ((c = getc(f)) == ' ' || c == '\r' || c == '\n' || c == '\t')
        ;
    if (c < '0' || c > '9') {
        if (c != EOF)
            ungetc(c, f);
        return -1;
    }
    long long v = 0;
    for (; c >= '0' && c <= '9'; c = getc(f)) {
        if (v > (1LL << 40))
            return -1;
        v = v * 10 + (c - '0');
    }
    if (c != EOF)
        ungetc(c, f);
    return v;
}

static int read_xref(CocomPdfReader *r, uint64_t at)
{
    char kw[5] = {0};
    if (fseeko(r->f, (off_t)at, SEEK_SET) != 0 || fread(kw, 1, 4, r->f) != 4 || memcmp(kw, "xref", 4) != 0) {
        fail(r, "this is not a PDF the post-pass reads: no cross-reference table at byte %llu (a stream, or "
                "damage; Cairo writes a table)", (unsigned long long)at);
        return 0;
    }
    uint32_t listed = 0;
    for (;;) {
        long long first = read_number(r->f);
        if (first < 0)
            break;
        long long count = read_number(r->f);
        if (count < 0 || first + count > COCOM_PDFOBJ_MAX_OBJECTS) {
            fail(r, "the cross-reference table lists more than %u objects, a limit of the post-pass",
                 COCOM_PDFOBJ_MAX_OBJECTS);
            return 0;
        }
        if ((uint32_t)(first + count) > r->nxref) {
            r->xref = cocom_xrealloc(r->xref, (size_t)(first + count) * sizeof *r->xref);
            memset(r->xref + r->nxref, 0, ((size_t)(first + count) - r->nxref) * sizeof *r->xref);
            r->nxref = (uint32_t)(first + count);
        }
        int c;
        while ((c = getc(r->f)) == ' ' || c == '\r')
            ;
        if (c != '\n') {
            fail(r, "the PDF is damaged: a cross-reference subsection header is malformed");
            return 0;
        }
        for (long long i = 0; i < count; i++) {
            char e[21];
            if (fread(e, 1, 20, r->f) != 20) {
                fail(r, "the PDF is damaged: its cross-reference table is cut short");
                return 0;
            }
            e[20] = '\0';
            int ok = e[10] == ' ' && e[16] == ' ' && (e[17] == 'n' || e[17] == 'f');
            for (int j = 0; ok && j < 16; j++)
                if (j != 10 && (e[j] < '0' || e[j] > '9'))
                    ok = 0;
            if (!ok) {
                fail(r, "the PDF is damaged: entry %lld of its cross-reference table is malformed", first + i);
                return 0;
            }
            CocomPdfXref *x = &r->xref[first + i];
            x->offset = e[17] == 'n' ? strtoull(e, NULL, 10) : 0;
            x->gen = (uint16_t)strtoul(e + 11, NULL, 10);
            if (x->offset >= r->size) {
                fail(r, "the PDF is damaged: object %lld is past the end of the file", first + i);
                return 0;
            }
            listed++;
        }
    }
    /* The trailer dictionary follows "trailer". */
    uint64_t here = (uint64_t)ftello(r->f);
    size_t got = read_at(r, here, 65536);
    CocomPdfLexer lx = {r->buf, got, 0};
    CocomPdfTok t = cocom_pdfcontent_lex(&lx);
    if (!tok_word(r->buf, &t, "trailer")) {
        fail(r, "the PDF is damaged: no trailer after its cross-reference table");
        return 0;
    }
    size_t pos = lx.pos;
    if (cocom_pdfobj_parse(r, r->buf, got, &pos, &r->trailer, 0) != 1 || r->trailer.kind != COCOM_PDFV_DICT) {
        fail(r, "the PDF is damaged: its trailer cannot be read");
        return 0;
    }
    return 1;
}

CocomStatus cocom_pdfobj_open(CocomPdfReader *r, CocomContext *ctx, const char *path)
{
    memset(r, 0, sizeof *r);
    r->ctx = ctx;
    r->path = path;
    struct stat sb;
    int err = stat(path, &sb) != 0 ? errno : S_ISDIR(sb.st_mode) ? EISDIR : 0;
    if (!err && !(r->f = fopen(path, "rb")))
        err = errno;
    if (err) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot read the file: %s", cocom_load_errno_text(err));
        r->failed = 1;
        return COCOM_STATUS_IO;
    }
    r->size = (uint64_t)sb.st_size;
    if (r->size >= (uint64_t)1 << 40) {
        fail(r, "the PDF is larger than 1 TiB, a limit of the post-pass");
        return COCOM_STATUS_LIMIT;
    }
    size_t got = read_at(r, 0, 8);
    if (got < 8 || memcmp(r->buf, "%PDF-1.", 7) != 0) {
        fail(r, "this is not a readable PDF: it does not start with %%PDF-1.");
        return COCOM_STATUS_INVALID;
    }
    uint64_t tail_at = r->size > 1024 ? r->size - 1024 : 0;
    got = read_at(r, tail_at, 1024);
    const char *sx = NULL;
    for (size_t i = got >= 9 ? got - 9 + 1 : 0; i-- > 0;)
        if (memcmp(r->buf + i, "startxref", 9) == 0) {
            sx = (const char *)r->buf + i + 9;
            break;
        }
    char *e = NULL;
    unsigned long long at = sx ? strtoull(sx, &e, 10) : 0;
    if (!sx || e == sx || at >= r->size) {
        fail(r, "this is not a readable PDF: no startxref at its end");
        return COCOM_STATUS_INVALID;
    }
    if (!read_xref(r, at))
        return COCOM_STATUS_INVALID;
    const CocomPdfVal *size = cocom_pdfobj_get(&r->trailer, "Size");
    if (cocom_pdfobj_get(&r->trailer, "Encrypt")) {
        fail(r, "the PDF is encrypted, which cocom does not handle");
        return COCOM_STATUS_INVALID;
    }
    if (cocom_pdfobj_get(&r->trailer, "Prev") || cocom_pdfobj_get(&r->trailer, "XRefStm")) {
        fail(r, "this is not a PDF the post-pass reads: it has been updated in place (/Prev), which Cairo does not do");
        return COCOM_STATUS_INVALID;
    }
    if (!size || size->kind != COCOM_PDFV_INT || size->num < 1 || size->num > COCOM_PDFOBJ_MAX_OBJECTS
        || (uint64_t)size->num < r->nxref) {
        fail(r, "the PDF is damaged: its trailer's /Size is missing or wrong");
        return COCOM_STATUS_INVALID;
    }
    if ((uint32_t)size->num > r->nxref) {
        r->xref = cocom_xrealloc(r->xref, (size_t)size->num * sizeof *r->xref);
        memset(r->xref + r->nxref, 0, ((size_t)size->num - r->nxref) * sizeof *r->xref);
        r->nxref = (uint32_t)size->num;
    }
    const CocomPdfVal *root = cocom_pdfobj_get(&r->trailer, "Root");
    if (!root || root->kind != COCOM_PDFV_REF) {
        fail(r, "the PDF is damaged: its trailer names no document catalog");
        return COCOM_STATUS_INVALID;
    }
    return COCOM_STATUS_OK;
}

void cocom_pdfobj_close(CocomPdfReader *r)
{
    if (r->f)
        fclose(r->f);
    free(r->xref);
    free(r->buf);
    free(r->scratch);
    cocom_arena_reset(&r->arena);
    memset(r, 0, sizeof *r);
}

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

void cocom_pdfobj_write(CocomBuf *b, const CocomPdfVal *v)
{
    switch (v->kind) {
    case COCOM_PDFV_REF:
        cocom_buf_printf(b, "%lld %d R", v->num, v->gen);
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
