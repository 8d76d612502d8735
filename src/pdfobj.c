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
#include <unistd.h>
#include <zlib.h>

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

size_t cocom_pdfobj_pread(CocomPdfReader *r, uint64_t off, void *dst, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(fileno(r->f), (char *)dst + got, n - got, (off_t)(off + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    return got;
}

/* Points r->buf at the bytes from off, at least n of them (fewer at the
 * end of the file); returns how many.  The bytes come from a window of
 * the file kept in memory, refilled only when they are not in it: the
 * objects are read mostly front to back, each a few dozen bytes, and a
 * system call each would cost more than parsing them. */
static size_t read_at(CocomPdfReader *r, uint64_t off, size_t n)
{
    if (off >= r->size)
        return 0;
    if (n > r->size - off)
        n = (size_t)(r->size - off);
    if (off >= r->win_off && off + n <= r->win_off + r->win_len) {
        r->buf = r->win + (off - r->win_off);
        return n;
    }
    size_t want = n > COCOM_PDFOBJ_WINDOW ? n : COCOM_PDFOBJ_WINDOW;
    if (want > r->size - off)
        want = (size_t)(r->size - off);
    if (want > r->wincap) {
        free(r->win);
        r->wincap = want;
        r->win = cocom_xmalloc(want + 1);
    }
    r->win_off = off;
    r->win_len = cocom_pdfobj_pread(r, off, r->win, want);
    r->win[r->win_len] = '\0';
    r->buf = r->win;
    return r->win_len < n ? r->win_len : n;
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

/* cocom_pdfobj_parse, its first token t already read from lx (which is
 * past it): a container's items are each lexed once, not peeked at and
 * read again. */
static int parse_tok(CocomPdfReader *r, const unsigned char *s, size_t len, CocomPdfLexer *lxp, CocomPdfTok t,
                     CocomPdfVal *out, int depth)
{
    CocomPdfLexer lx = *lxp;
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
            if (cocom_pdfcontent_tok_is(s, &k, "R")) {
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
        if (cocom_pdfcontent_tok_is(s, &t, "true") || cocom_pdfcontent_tok_is(s, &t, "false")) {
            out->kind = COCOM_PDFV_BOOL;
            out->num = s[t.start] == 't';
        } else if (cocom_pdfcontent_tok_is(s, &t, "null")) {
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
            CocomPdfTok e = cocom_pdfcontent_lex(&lx);
            if (e.kind == (dict ? COCOM_TK_DICT_END : COCOM_TK_ARRAY_END))
                break;
            if (dict && (r->nscratch - base) % 2 == 0 && e.kind != COCOM_TK_NAME) {
                rc = e.kind == COCOM_TK_END ? -1 : 0;
                break;
            }
            CocomPdfVal item;
            rc = parse_tok(r, s, len, &lx, e, &item, depth + 1);
            if (rc != 1)
                break;
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
    *lxp = lx;
    return 1;
}

int cocom_pdfobj_parse(CocomPdfReader *r, const unsigned char *s, size_t len, size_t *pos, CocomPdfVal *out,
                       int depth)
{
    CocomPdfLexer lx = {s, len, *pos};
    CocomPdfTok t = cocom_pdfcontent_lex(&lx);
    int rc = parse_tok(r, s, len, &lx, t, out, depth);
    if (rc == 1)
        *pos = lx.pos;
    return rc;
}

static int load_stream(CocomPdfReader *r, uint32_t stm, int depth);
static int read_xref_stream(CocomPdfReader *r, uint64_t at);
static int read_packed(CocomPdfReader *r, uint32_t num, CocomPdfObj *o, int depth);

int cocom_pdfobj_exists(const CocomPdfReader *r, uint32_t num)
{
    return num > 0 && num < r->nxref && r->xref[num].type != 0;
}

uint64_t cocom_pdfobj_position(const CocomPdfReader *r, uint32_t num)
{
    if (!cocom_pdfobj_exists(r, num))
        return 0;
    const CocomPdfXref *x = &r->xref[num];
    if (x->type == 1)
        return x->offset;
    return x->stm < r->nxref && r->xref[x->stm].type == 1 ? r->xref[x->stm].offset : 0;
}

int cocom_pdfobj_inflate(const void *in, size_t n, CocomBuf *out, size_t max)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return 0;
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    out->len = 0;
    int rc;
    do {
        if (out->cap - out->len < 65536) {
            if (out->len + 65536 > max + 65536) {
                inflateEnd(&z);
                return 0;
            }
            COCOM_GROW(out->data, out->cap, out->len + 65536);
        }
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len);
        rc = inflate(&z, Z_NO_FLUSH);
        out->len = out->cap - z.avail_out;
    } while (rc == Z_OK);
    inflateEnd(&z);
    return rc == Z_STREAM_END && out->len <= max;
}

/* The integer held by object num (a stream's /Length written after it),
 * read with a buffer of its own so as not to disturb the object being
 * read (in an object stream, that stream must be unpacked already).
 * -1 when it is not one. */
static long long read_int_object(CocomPdfReader *r, uint32_t num)
{
    if (!cocom_pdfobj_exists(r, num))
        return -1;
    const CocomPdfXref *x = &r->xref[num];
    if (x->type == 2) {
        if (r->stm_num != x->stm || x->offset >= r->stm_n)
            return -1;
        const unsigned char *s = (const unsigned char *)r->stm.data;
        CocomPdfLexer lx = {s, r->stm.len, r->stm_first + r->stm_off[x->offset]};
        CocomPdfTok t = cocom_pdfcontent_lex(&lx);
        long long v;
        return tok_integer(s, &t, &v) && v >= 0 ? v : -1;
    }
    unsigned char b[128];
    size_t got = cocom_pdfobj_pread(r, x->offset, b, sizeof b - 1);
    CocomPdfLexer lx = {b, got, 0};
    CocomPdfTok t[5];
    for (int i = 0; i < 5; i++)
        t[i] = cocom_pdfcontent_lex(&lx);
    long long n, g, v;
    if (!tok_integer(b, &t[0], &n) || n != num || !tok_integer(b, &t[1], &g) || !cocom_pdfcontent_tok_is(b, &t[2], "obj")
        || !tok_integer(b, &t[3], &v) || !cocom_pdfcontent_tok_is(b, &t[4], "endobj") || v < 0)
        return -1;
    return v;
}

/* Reads the object written at off (object num, or any when num < 0). */
static int read_direct(CocomPdfReader *r, uint64_t off, long long num, CocomPdfObj *o, int depth)
{
    size_t window = 4096;
    for (;;) {
        memset(o, 0, sizeof *o);
        cocom_arena_reset(&r->arena);
        r->nscratch = 0;
        size_t got = read_at(r, off, window);
        const unsigned char *s = r->buf;
        CocomPdfLexer lx = {s, got, 0};
        CocomPdfTok t0 = cocom_pdfcontent_lex(&lx), t1 = cocom_pdfcontent_lex(&lx), t2 = cocom_pdfcontent_lex(&lx);
        long long n, g;
        if (!tok_integer(s, &t0, &n) || !tok_integer(s, &t1, &g) || !cocom_pdfcontent_tok_is(s, &t2, "obj")) {
            fail(r, "the PDF is damaged: no object where the cross-reference says (byte %llu)",
                 (unsigned long long)off);
            return 0;
        }
        if (num >= 0 && (n != num || g != r->xref[num].gen)) {
            fail(r, "the PDF is damaged: object %lld %lld is where object %lld should be (byte %llu)", n, g, num,
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
            fail(r, "object %lld is longer than %u MiB, a limit of the post-pass", n, COCOM_PDFOBJ_MAX_BYTES >> 20);
            return 0;
        }
        if (rc != 1) {
            fail(r, "the PDF is damaged: object %lld cannot be read (byte %llu), or is nested more than %d deep or "
                 "holds more than %u values, limits of the post-pass", n, (unsigned long long)off,
                 COCOM_PDFOBJ_MAX_DEPTH, COCOM_PDFOBJ_MAX_VALUES);
            return 0;
        }
        o->num = (int)n;
        o->gen = (int)g;
        o->start = off;
        if (cocom_pdfcontent_tok_is(s, &k, "endobj")) {
            o->body = (const char *)s + body;
            o->bodylen = k.start - body;
            o->end = off + k.end;
            return 1;
        }
        if (!cocom_pdfcontent_tok_is(s, &k, "stream") || o->value.kind != COCOM_PDFV_DICT) {
            fail(r, "the PDF is damaged: object %lld does not end with endobj (byte %llu)", n,
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
            fail(r, "the PDF is damaged: no end of line after 'stream' in object %lld", n);
            return 0;
        }
        o->is_stream = 1;
        o->data = off + d;
        const CocomPdfVal *lv = cocom_pdfobj_get(&o->value, "Length");
        long long length = -1;
        if (lv && lv->kind == COCOM_PDFV_INT) {
            length = lv->num;
        } else if (lv && lv->kind == COCOM_PDFV_REF && cocom_pdfobj_exists(r, (uint32_t)lv->num)) {
            const CocomPdfXref *x = &r->xref[lv->num];
            if (x->type == 2 && r->stm_num != x->stm) {
                /* Its length is in an object stream: unpack that, and
                 * read this object again (the unpacking used the buffer). */
                if (depth > 0 || !load_stream(r, x->stm, depth + 1))
                    return 0;
                continue;
            }
            length = read_int_object(r, (uint32_t)lv->num);
        }
        if (length < 0 || (uint64_t)length > r->size - o->data) {
            fail(r, "the PDF is damaged: stream %lld has no usable /Length", n);
            return 0;
        }
        o->length = (uint64_t)length;
        /* "endstream" and "endobj" must follow the data. */
        unsigned char tail[64];
        size_t tn = cocom_pdfobj_pread(r, o->data + o->length, tail, sizeof tail);
        CocomPdfLexer tl = {tail, tn, 0};
        CocomPdfTok e1 = cocom_pdfcontent_lex(&tl), e2 = cocom_pdfcontent_lex(&tl);
        if (!cocom_pdfcontent_tok_is(tail, &e1, "endstream") || !cocom_pdfcontent_tok_is(tail, &e2, "endobj")) {
            fail(r, "the PDF is damaged: stream %lld does not end where its /Length says", n);
            return 0;
        }
        o->end = o->data + o->length + e2.end;
        return 1;
    }
}

/* A stream's data, decoded (FlateDecode or none, no predictor). */
static int stream_data(CocomPdfReader *r, const CocomPdfObj *o, CocomBuf *out, size_t max)
{
    const CocomPdfVal *filter = cocom_pdfobj_get(&o->value, "Filter");
    int flate = cocom_pdfobj_is_name(filter, "FlateDecode");
    if ((filter && !flate) || o->length > COCOM_PDFOBJ_MAX_BYTES) {
        fail(r, "this is not a PDF the post-pass reads: stream %d is encoded in a way it does not read, or is "
             "longer than %u MiB", o->num, COCOM_PDFOBJ_MAX_BYTES >> 20);
        return 0;
    }
    unsigned char *raw = cocom_xmalloc((size_t)o->length + 1);
    int ok = cocom_pdfobj_pread(r, o->data, raw, (size_t)o->length) == o->length;
    out->len = 0;
    if (ok && flate)
        ok = cocom_pdfobj_inflate(raw, (size_t)o->length, out, max);
    else if (ok)
        cocom_buf_append(out, (const char *)raw, (size_t)o->length);
    free(raw);
    if (!ok)
        fail(r, "the PDF is damaged: stream %d cannot be decompressed, or is longer than %zu MiB", o->num,
             max >> 20);
    return ok;
}

/* Unpacks object stream stm (7.5.7) into r->stm. */
static int load_stream(CocomPdfReader *r, uint32_t stm, int depth)
{
    r->stm_num = 0;
    CocomPdfObj o;
    if (!cocom_pdfobj_exists(r, stm) || r->xref[stm].type != 1) {
        fail(r, "the PDF is damaged: object stream %u is not in the file", stm);
        return 0;
    }
    if (!read_direct(r, r->xref[stm].offset, stm, &o, depth))
        return 0;
    const CocomPdfVal *n = cocom_pdfobj_get(&o.value, "N"), *first = cocom_pdfobj_get(&o.value, "First");
    if (!o.is_stream || !cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "ObjStm") || !n
        || n->kind != COCOM_PDFV_INT || !first || first->kind != COCOM_PDFV_INT || n->num < 0
        || n->num > 1000000 || first->num < 0 || cocom_pdfobj_get(&o.value, "DecodeParms")) {
        fail(r, "the PDF is damaged: object %u is not an object stream", stm);
        return 0;
    }
    if (!stream_data(r, &o, &r->stm, COCOM_PDFOBJ_MAX_BYTES))
        return 0;
    if ((uint64_t)first->num > r->stm.len) {
        fail(r, "the PDF is damaged: object stream %u is cut short", stm);
        return 0;
    }
    r->stm_n = (size_t)n->num;
    r->stm_first = (size_t)first->num;
    r->stm_off = cocom_xrealloc(r->stm_off, (r->stm_n ? r->stm_n : 1) * sizeof *r->stm_off);
    const unsigned char *s = (const unsigned char *)r->stm.data;
    CocomPdfLexer lx = {s, r->stm_first, 0};
    for (size_t i = 0; i < r->stm_n; i++) {
        CocomPdfTok a = cocom_pdfcontent_lex(&lx), b = cocom_pdfcontent_lex(&lx);
        long long num, off;
        if (!tok_integer(s, &a, &num) || !tok_integer(s, &b, &off) || off < 0
            || (uint64_t)off > r->stm.len - r->stm_first) {
            fail(r, "the PDF is damaged: the index of object stream %u is malformed", stm);
            return 0;
        }
        r->stm_off[i] = (uint64_t)off;
    }
    r->stm_num = stm;
    return 1;
}

static int read_packed(CocomPdfReader *r, uint32_t num, CocomPdfObj *o, int depth)
{
    const CocomPdfXref *x = &r->xref[num];
    if (r->stm_num != x->stm && !load_stream(r, x->stm, depth + 1))
        return 0;
    memset(o, 0, sizeof *o);
    cocom_arena_reset(&r->arena);
    r->nscratch = 0;
    if (x->offset >= r->stm_n) {
        fail(r, "the PDF is damaged: object %u is not in object stream %u", num, x->stm);
        return 0;
    }
    const unsigned char *s = (const unsigned char *)r->stm.data;
    size_t start = r->stm_first + (size_t)r->stm_off[x->offset], pos = start;
    if (cocom_pdfobj_parse(r, s, r->stm.len, &pos, &o->value, 0) != 1) {
        fail(r, "the PDF is damaged: object %u in object stream %u cannot be read", num, x->stm);
        return 0;
    }
    o->num = (int)num;
    o->body = (const char *)s + start;
    o->bodylen = pos - start;
    return 1;
}

int cocom_pdfobj_read(CocomPdfReader *r, uint32_t num, CocomPdfObj *o)
{
    memset(o, 0, sizeof *o);
    if (!cocom_pdfobj_exists(r, num)) {
        fail(r, "the PDF is damaged: object %u is referred to but not in the file", num);
        return 0;
    }
    if (r->xref[num].type == 2)
        return read_packed(r, num, o, 0);
    return read_direct(r, r->xref[num].offset, num, o, 0);
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

/* Parses the trailer dictionary from a copy of its bytes, into an arena
 * of its own, so that it outlives the reads that follow. */
static int keep_trailer(CocomPdfReader *r, const unsigned char *bytes, size_t n)
{
    free(r->trailer_text);
    r->trailer_text = cocom_xstrndup((const char *)bytes, n);
    cocom_arena_reset(&r->trailer_arena);
    CocomArena save = r->arena;
    r->arena.head = NULL;
    size_t pos = 0;
    int rc = cocom_pdfobj_parse(r, (const unsigned char *)r->trailer_text, n, &pos, &r->trailer, 0);
    r->trailer_arena = r->arena;
    r->arena = save;
    if (rc != 1 || r->trailer.kind != COCOM_PDFV_DICT) {
        fail(r, "the PDF is damaged: its trailer cannot be read");
        return 0;
    }
    return 1;
}

static int read_xref(CocomPdfReader *r, uint64_t at)
{
    char kw[5] = {0};
    if (fseeko(r->f, (off_t)at, SEEK_SET) != 0 || fread(kw, 1, 4, r->f) != 4)
        kw[0] = '\0';
    if (memcmp(kw, "xref", 4) != 0)
        return read_xref_stream(r, at);
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
            x->type = e[17] == 'n';
            x->offset = x->type ? strtoull(e, NULL, 10) : 0;
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
    if (!cocom_pdfcontent_tok_is(r->buf, &t, "trailer")) {
        fail(r, "the PDF is damaged: no trailer after its cross-reference table");
        return 0;
    }
    size_t pos = lx.pos;
    CocomPdfVal v;
    if (cocom_pdfobj_parse(r, r->buf, got, &pos, &v, 0) != 1 || v.kind != COCOM_PDFV_DICT) {
        fail(r, "the PDF is damaged: its trailer cannot be read");
        return 0;
    }
    return keep_trailer(r, r->buf + lx.pos, pos - lx.pos);
}

/* PNG predictors (RFC 2083 6), row by row, in place: each row of `columns`
 * bytes is preceded by its filter type, which is dropped. */
static int unpredict(CocomBuf *b, size_t columns)
{
    size_t row = columns + 1;
    if (columns == 0 || b->len % row)
        return 0;
    size_t rows = b->len / row;
    unsigned char *d = (unsigned char *)b->data, *prev = NULL;
    for (size_t i = 0; i < rows; i++) {
        unsigned char type = d[i * row];
        unsigned char *out = d + i * columns;
        memmove(out, d + i * row + 1, columns);
        for (size_t j = 0; j < columns; j++) {
            int left = j ? out[j - 1] : 0, up = prev ? prev[j] : 0, ul = prev && j ? prev[j - 1] : 0;
            int pred = 0;
            switch (type) {
            case 0: pred = 0; break;
            case 1: pred = left; break;
            case 2: pred = up; break;
            case 3: pred = (left + up) / 2; break;
            case 4: {
                int p = left + up - ul, pa = abs(p - left), pb = abs(p - up), pc = abs(p - ul);
                pred = pa <= pb && pa <= pc ? left : pb <= pc ? up : ul;
                break;
            }
            default: return 0;
            }
            out[j] = (unsigned char)(out[j] + pred);
        }
        prev = out;
    }
    b->len = rows * columns;
    return 1;
}

static uint64_t field(const unsigned char *p, long long w)
{
    uint64_t v = 0;
    for (long long i = 0; i < w; i++)
        v = v << 8 | p[i];
    return v;
}

/* A cross-reference stream (7.5.8), as the post-pass writes one. */
static int read_xref_stream(CocomPdfReader *r, uint64_t at)
{
    CocomPdfObj o;
    if (!read_direct(r, at, -1, &o, 1))
        return 0;
    const CocomPdfVal *d = &o.value, *w = cocom_pdfobj_get(d, "W"), *size = cocom_pdfobj_get(d, "Size");
    const CocomPdfVal *index = cocom_pdfobj_get(d, "Index"), *parms = cocom_pdfobj_get(d, "DecodeParms");
    if (!o.is_stream || !cocom_pdfobj_is_name(cocom_pdfobj_get(d, "Type"), "XRef") || !w
        || w->kind != COCOM_PDFV_ARRAY || w->n != 3 || !size || size->kind != COCOM_PDFV_INT || size->num < 1
        || size->num > COCOM_PDFOBJ_MAX_OBJECTS) {
        fail(r, "this is not a PDF the post-pass reads: no cross-reference table at byte %llu",
             (unsigned long long)at);
        return 0;
    }
    long long wf[3], sum = 0;
    for (int i = 0; i < 3; i++) {
        if (w->items[i].kind != COCOM_PDFV_INT || w->items[i].num < 0 || w->items[i].num > 8) {
            fail(r, "the PDF is damaged: its cross-reference stream's /W is wrong");
            return 0;
        }
        wf[i] = w->items[i].num;
        sum += wf[i];
    }
    long long predictor = 1, columns = sum;
    if (parms && parms->kind == COCOM_PDFV_DICT) {
        const CocomPdfVal *pr = cocom_pdfobj_get(parms, "Predictor"), *co = cocom_pdfobj_get(parms, "Columns");
        if (pr && pr->kind == COCOM_PDFV_INT)
            predictor = pr->num;
        if (co && co->kind == COCOM_PDFV_INT)
            columns = co->num;
    }
    if (sum == 0 || (predictor != 1 && (predictor < 10 || predictor > 15 || columns != sum))) {
        fail(r, "this is not a PDF the post-pass reads: its cross-reference stream is encoded in a way it "
             "does not read");
        return 0;
    }
    long long nsize = size->num;
    /* The sections: /Index, or all of [0, Size). */
    long long sections[2 * 64];
    size_t nsec = 0;
    if (index) {
        if (index->kind != COCOM_PDFV_ARRAY || index->n % 2 || index->n > COCOM_ARRAY_LEN(sections)) {
            fail(r, "the PDF is damaged: its cross-reference stream's /Index is wrong");
            return 0;
        }
        for (size_t i = 0; i < index->n; i++) {
            if (index->items[i].kind != COCOM_PDFV_INT || index->items[i].num < 0
                || index->items[i].num > COCOM_PDFOBJ_MAX_OBJECTS) {
                fail(r, "the PDF is damaged: its cross-reference stream's /Index is wrong");
                return 0;
            }
            sections[nsec++] = index->items[i].num;
        }
    } else {
        sections[nsec++] = 0;
        sections[nsec++] = nsize;
    }
    size_t rows = 0;
    for (size_t i = 0; i < nsec; i += 2) {
        if (sections[i] + sections[i + 1] > nsize) {
            fail(r, "the PDF is damaged: its cross-reference stream's /Index is past its /Size");
            return 0;
        }
        rows += (size_t)sections[i + 1];
    }
    CocomBuf data = {0};
    /* The dictionary's bytes, to keep as the trailer: from "<<" after
     * "obj" to the matching ">>", which is where "stream" begins. */
    size_t dstart = 0, dend = 0;
    {
        CocomPdfLexer lx = {r->buf, (size_t)(o.data - o.start), 0};
        for (int i = 0; i < 3; i++)
            cocom_pdfcontent_lex(&lx);
        dstart = lx.pos;
        CocomPdfVal tmp;
        size_t pos = dstart;
        if (cocom_pdfobj_parse(r, r->buf, (size_t)(o.data - o.start), &pos, &tmp, 0) != 1) {
            fail(r, "the PDF is damaged: its cross-reference stream cannot be read");
            return 0;
        }
        dend = pos;
    }
    char *dict = cocom_xstrndup((const char *)r->buf + dstart, dend - dstart);
    size_t need = rows * (size_t)(sum + (predictor >= 10));
    int ok = stream_data(r, &o, &data, need);
    if (ok && predictor >= 10)
        ok = unpredict(&data, (size_t)sum);
    if (ok && data.len < rows * (size_t)sum) {
        fail(r, "the PDF is damaged: its cross-reference stream is cut short");
        ok = 0;
    }
    if (ok) {
        r->xref = cocom_xcalloc((size_t)nsize, sizeof *r->xref);
        r->nxref = (uint32_t)nsize;
        const unsigned char *p = (const unsigned char *)data.data;
        for (size_t i = 0; i < nsec && ok; i += 2)
            for (long long j = 0; j < sections[i + 1]; j++, p += sum) {
                uint64_t type = wf[0] ? field(p, wf[0]) : 1, f2 = field(p + wf[0], wf[1]);
                uint64_t f3 = field(p + wf[0] + wf[1], wf[2]);
                CocomPdfXref *x = &r->xref[sections[i] + j];
                memset(x, 0, sizeof *x);
                if (type == 1 && f2 < r->size && f3 <= 65535) {
                    x->type = 1;
                    x->offset = f2;
                    x->gen = (uint16_t)f3;
                } else if (type == 2 && f2 > 0 && f2 < (uint64_t)nsize && f3 < 1000000) {
                    x->type = 2;
                    x->stm = (uint32_t)f2;
                    x->offset = f3;
                } else if (type != 0) {
                    fail(r, "the PDF is damaged: entry %lld of its cross-reference stream is wrong",
                         sections[i] + j);
                    ok = 0;
                    break;
                }
            }
    }
    cocom_buf_free(&data);
    if (ok)
        ok = keep_trailer(r, (const unsigned char *)dict, strlen(dict));
    free(dict);
    return ok;
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
    free(r->win);
    free(r->scratch);
    free(r->trailer_text);
    free(r->stm_off);
    cocom_buf_free(&r->stm);
    cocom_arena_reset(&r->arena);
    cocom_arena_reset(&r->trailer_arena);
    memset(r, 0, sizeof *r);
}
