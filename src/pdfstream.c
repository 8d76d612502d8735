/* pdfstream.c — cocom_pdfpost (pdfpost.h), as pdfstream.h describes.
 *
 * What the post-pass changes, and why, is said in pdfpost.h; this file
 * says how it does so without holding the file.
 */
#include "config.h"
#include "pdfstream-impl.h"
#include "pdfmeta.h"
#include "load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>


/* What follows a dictionary ending in /Length and its value, before the
 * stream's data (the post-pass's own streams). */
static const char STREAM_TAIL[] = " >>\nstream\n";

/* ------------------------------------------------------------------ */
/* The table of objects                                                 */

uint32_t pst_new_object(Post *p)
{
    COCOM_GROW(p->e, p->cap_e, (size_t)p->ne + 1);
    memset(&p->e[p->ne], 0, sizeof *p->e);
    return p->ne++;
}

Entry *pst_entry(Post *p, long long num)
{
    return num > 0 && num < p->ne ? &p->e[num] : NULL;
}

/* The references among v's items (or v itself), copied, since the next
 * read reuses v's memory. */
uint32_t *pst_refs_of(const CocomPdfVal *v, size_t *n)
{
    *n = 0;
    if (!v)
        return NULL;
    size_t m = v->kind == COCOM_PDFV_ARRAY ? v->n : 1;
    uint32_t *r = cocom_xmalloc((m ? m : 1) * sizeof *r);
    for (size_t i = 0; i < m; i++) {
        const CocomPdfVal *it = v->kind == COCOM_PDFV_ARRAY ? &v->items[i] : v;
        if (it->kind == COCOM_PDFV_REF)
            r[(*n)++] = (uint32_t)it->num;
    }
    return r;
}


/* ------------------------------------------------------------------ */
/* Pass 2: the output                                                   */

static void stm_flush(Post *p)
{
    if (!p->stm_count)
        return;
    size_t first = p->stm_head.len;
    cocom_buf_append(&p->stm_head, p->stm_data.data, p->stm_data.len);
    p->e[p->stm_num].type = 1;
    pst_out_mark(p, p->stm_num);
    char head[128];
    int n = snprintf(head, sizeof head, "%u 0 obj\n<< /Type /ObjStm /N %u /First %zu /Filter /FlateDecode /Length ",
                     p->stm_num, p->stm_count, first);
    pst_out_stream(p, head, (size_t)n, STREAM_TAIL, strlen(STREAM_TAIL), &p->stm_head);
    p->stm_data.len = 0;
    p->stm_count = 0;
}

/* An object that is not a stream: into the object stream being filled
 * (generation 0 only, 7.5.7), or written out. */
void pst_put_object(Post *p, uint32_t num, int gen, const char *body, size_t len)
{
    Entry *e = &p->e[num];
    if (gen != 0) {
        e->type = 1;
        pst_out_mark(p, num);
        pst_out_printf(p, "%u %d obj\n", num, gen);
        pst_out_write(p, body, len);
        pst_out_puts(p, "\nendobj\n");
        return;
    }
    if (!p->stm_count)
        p->stm_num = pst_new_object(p);
    e = &p->e[num];
    e->type = 2;
    e->out = p->stm_num;
    e->aux = p->stm_count;
    cocom_pdfobj_put_int(&p->stm_head, num);
    cocom_buf_putc(&p->stm_head, ' ');
    cocom_pdfobj_put_int(&p->stm_head, (long long)p->stm_data.len);
    cocom_buf_putc(&p->stm_head, ' ');
    cocom_buf_append(&p->stm_data, body, len);
    cocom_buf_putc(&p->stm_data, '\n');
    if (++p->stm_count == OBJSTM_OBJECTS)
        stm_flush(p);
}

/* Copies the input's bytes [from, to) to the output. */
static int copy_bytes(Post *p, uint64_t from, uint64_t to)
{
    char buf[65536];
    while (from < to && !pst_out_failed(p)) {
        size_t n = to - from < sizeof buf ? (size_t)(to - from) : sizeof buf;
        if (cocom_pdfobj_pread(&p->r, from, buf, n) != n) {
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "cannot read the file: it ends early");
            return 0;
        }
        pst_out_write(p, buf, n);
        from += n;
    }
    return !pst_out_failed(p);
}

static CocomPdfVal name_val(Post *p, const char *name)
{
    return cocom_pdfobj_raw(&p->r, COCOM_PDFV_NAME, name);
}

static CocomPdfVal text_val(Post *p, const char *utf8)
{
    char *c = cocom_pdfmeta_clean_utf8(utf8);
    CocomBuf b = {0};
    cocom_pdfobj_write_text(&b, c);
    cocom_buf_putc(&b, '\0');
    CocomPdfVal v = cocom_pdfobj_raw(&p->r, COCOM_PDFV_STRING, b.data);
    cocom_buf_free(&b);
    free(c);
    return v;
}

static CocomPdfVal dict_val(void)
{
    CocomPdfVal v;
    memset(&v, 0, sizeof v);
    v.kind = COCOM_PDFV_DICT;
    return v;
}

/* d[sub][flag] = true, making d[sub] when it is missing or not a
 * dictionary written in place. */
static void set_flag_in(Post *p, CocomPdfVal *d, const char *sub, const char *flag)
{
    CocomPdfVal *s = (CocomPdfVal *)cocom_pdfobj_get(d, sub);
    CocomPdfVal nd;
    if (!s || s->kind != COCOM_PDFV_DICT) {
        nd = dict_val();
        cocom_pdfobj_set(&p->r, &nd, flag, cocom_pdfobj_raw(&p->r, COCOM_PDFV_BOOL, "true"));
        cocom_pdfobj_set(&p->r, d, sub, nd);
        return;
    }
    cocom_pdfobj_set(&p->r, s, flag, cocom_pdfobj_raw(&p->r, COCOM_PDFV_BOOL, "true"));
}

/* For sorting a dictionary's keys: (key, position). */
typedef struct {
    const CocomPdfVal *key;
    size_t at;
} KeyAt;

static int cmp_key_at(const void *a, const void *b)
{
    const KeyAt *x = a, *y = b;
    size_t n = x->key->rawlen < y->key->rawlen ? x->key->rawlen : y->key->rawlen;
    int c = memcmp(x->key->raw, y->key->raw, n);
    if (c == 0 && x->key->rawlen != y->key->rawlen)
        c = x->key->rawlen < y->key->rawlen ? -1 : 1;
    if (c == 0)
        c = x->at < y->at ? -1 : x->at > y->at;
    return c;
}

static int same_name(const CocomPdfVal *a, const CocomPdfVal *b)
{
    return a->kind == COCOM_PDFV_NAME && b->kind == COCOM_PDFV_NAME && a->raw && b->raw && a->rawlen == b->rawlen
           && memcmp(a->raw, b->raw, a->rawlen) == 0;
}

/* Cairo 1.16 names an XObject in a page's resources once for each time it
 * is painted there: an image shown twice on a page gives "/XObject << /x54
 * 54 0 R /x54 54 0 R >>", which readers take for damage (qpdf: "dictionary
 * has duplicated key").  Keeps each key's last occurrence (the one readers
 * use), in dictionaries at any depth of v; returns 1 when any went. */
static int duplicate_keys_removed(CocomPdfVal *v)
{
    int changed = 0;
    if (v->kind == COCOM_PDFV_ARRAY || v->kind == COCOM_PDFV_DICT)
        for (size_t i = v->kind == COCOM_PDFV_DICT ? 1 : 0; i < v->n; i += v->kind == COCOM_PDFV_DICT ? 2 : 1)
            changed |= duplicate_keys_removed(&v->items[i]);
    size_t pairs = v->kind == COCOM_PDFV_DICT ? v->n / 2 : 0;
    if (pairs < 2)
        return changed;
    /* Every object passes here, and nearly none has a repeated key: a
     * dictionary of a few keys (a structure element's, a page's) is
     * looked over without allocating; only a repeat, or a long one, is
     * sorted. */
    if (pairs <= 16) {
        int repeat = 0;
        for (size_t i = 1; i < pairs && !repeat; i++)
            for (size_t j = 0; j < i && !repeat; j++)
                repeat = same_name(&v->items[2 * i], &v->items[2 * j]);
        if (!repeat)
            return changed;
    }
    /* (Only names are keys: anything else in a key's place is left be.) */
    KeyAt *k = cocom_xmalloc(pairs * sizeof *k);
    size_t nk = 0;
    for (size_t i = 0; i < pairs; i++)
        if (v->items[2 * i].kind == COCOM_PDFV_NAME && v->items[2 * i].raw)
            k[nk++] = (KeyAt){&v->items[2 * i], i};
    if (nk > 1)
        qsort(k, nk, sizeof *k, cmp_key_at);
    unsigned char *drop = NULL;
    for (size_t i = 0; i + 1 < nk; i++) {
        if (same_name(k[i].key, k[i + 1].key)) {
            if (!drop)
                drop = cocom_xcalloc(pairs, 1);
            drop[k[i].at] = 1;
        }
    }
    free(k);
    if (!drop)
        return changed;
    size_t u = 0;
    for (size_t i = 0; i < pairs; i++) {
        if (drop[i])
            continue;
        v->items[u++] = v->items[2 * i];
        v->items[u++] = v->items[2 * i + 1];
    }
    v->n = u;
    free(drop);
    return 1;
}

/* Applies what the index says to an object that is not a stream; returns
 * 1 when it changed. */
static int rewrite_value(Post *p, uint32_t num, CocomPdfVal *v)
{
    Entry *e = &p->e[num];
    unsigned f = e->flags;
    const CocomPdfFix *fix = p->fix;
    int changed = 0;
    if (v->kind != COCOM_PDFV_DICT)
        return 0;
    if (f & F_CATALOG) {
        if (p->tags)
            pst_tags_catalog(p, v);
        if (fix->lang && cocom_pdfmeta_has_words(fix->lang))
            cocom_pdfobj_set(&p->r, v, "Lang", text_val(p, fix->lang));
        set_flag_in(p, v, "ViewerPreferences", "DisplayDocTitle");
        /* Marked only when there are tags to speak of.  /Suspects is
         * left out: poppler calls /Suspects false "wrong type". */
        if (cocom_pdfobj_get(v, "StructTreeRoot"))
            set_flag_in(p, v, "MarkInfo", "Marked");
        CocomPdfVal m;
        memset(&m, 0, sizeof m);
        m.kind = COCOM_PDFV_REF;
        m.num = p->meta;
        cocom_pdfobj_set(&p->r, v, "Metadata", m);
        changed = 1;
    }
    if (f & F_INFO) {
        if (p->create_pdf[0])
            cocom_pdfobj_set(&p->r, v, "CreationDate", text_val(p, p->create_pdf));
        if (p->modify_pdf[0])
            cocom_pdfobj_set(&p->r, v, "ModDate", text_val(p, p->modify_pdf));
        const char *keys[] = {"Title", "Author", "Subject", "Keywords"};
        const char *given[] = {fix->title, fix->author, fix->subject, fix->keywords};
        for (size_t i = 0; i < COCOM_ARRAY_LEN(keys); i++)
            if (given[i])
                cocom_pdfobj_set(&p->r, v, keys[i], text_val(p, given[i]));
        changed = 1;
    }
    if (f & F_PAGE) {
        cocom_pdfobj_set(&p->r, v, "Tabs", name_val(p, "/S"));
        if (p->tags)
            pst_tags_page(p, v, e->aux);
        changed = 1;
    }
    return changed;
}

/* Writes stream object o with *plain as its data (taken, left empty),
 * deflated: its dictionary as read, with a direct /Length and /Filter
 * /FlateDecode.  The length is known only once deflated, so the
 * dictionary is written twice, with /Length 0 and 1, and cut where the
 * two differ: no byte of the dictionary can be taken for the place. */
static int write_deflated(Post *p, const CocomPdfObj *o, CocomBuf *plain)
{
    CocomPdfVal d = o->value;
    CocomBuf two = {0};
    for (int i = 0; i < 2; i++) {
        CocomBuf *b = i ? &two : &p->obj;
        cocom_pdfobj_set(&p->r, &d, "Length", cocom_pdfobj_raw(&p->r, COCOM_PDFV_INT, i ? "1" : "0"));
        cocom_pdfobj_set(&p->r, &d, "Filter", name_val(p, "/FlateDecode"));
        b->len = 0;
        cocom_buf_printf(b, "%d %d obj\n", o->num, o->gen);
        cocom_pdfobj_write(b, &d);
        cocom_buf_puts(b, "\nstream\n");
    }
    size_t at = 0;
    while (at < p->obj.len && p->obj.data[at] == two.data[at])
        at++;
    cocom_buf_free(&two);
    if (at == p->obj.len) {     /* cannot be: /Length is in both */
        cocom_buf_free(plain);
        return 0;
    }
    pst_out_stream(p, p->obj.data, at, p->obj.data + at + 1, p->obj.len - at - 1, plain);
    return !pst_out_failed(p);
}

/* Stream o's data as the file holds it (o->length bytes, and room for a
 * terminating byte), or NULL when the file ends first, said. */
static unsigned char *stream_bytes(Post *p, const CocomPdfObj *o)
{
    unsigned char *raw = cocom_xmalloc((size_t)o->length + 1);
    if (cocom_pdfobj_pread(&p->r, o->data, raw, (size_t)o->length) == o->length)
        return raw;
    cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "cannot read the file: it ends early");
    free(raw);
    return NULL;
}

/* A stream the post-pass does not change.  The cocom command asks Cairo
 * for its streams uncompressed (cli.c says why): one without a filter is
 * deflated here, once; any other is copied as it is.  The XMP metadata
 * stays plain (readers look for it uncompressed), as does a stream too
 * large to hold. */
static int pass_stream(Post *p, const CocomPdfObj *o)
{
    if (cocom_pdfobj_get(&o->value, "Filter") || cocom_pdfobj_get(&o->value, "DecodeParms")
        || cocom_pdfobj_is_name(cocom_pdfobj_get(&o->value, "Type"), "Metadata") || o->length > MAX_CONTENT_BYTES)
        return copy_bytes(p, o->start, o->end) && (pst_out_puts(p, "\n"), !pst_out_failed(p));
    unsigned char *raw = stream_bytes(p, o);
    if (!raw)
        return 0;
    raw[o->length] = 0;
    CocomBuf plain = {(char *)raw, (size_t)o->length, (size_t)o->length + 1};
    return write_deflated(p, o, &plain);
}

/* A page's content stream, its markers made marked content (cocom's own
 * tags, pdfstream-tags.c). */
static int rewrite_content(Post *p, const CocomPdfObj *o, uint32_t page)
{
    const CocomPdfVal *filter = cocom_pdfobj_get(&o->value, "Filter");
    int flate = cocom_pdfobj_is_name(filter, "FlateDecode");
    if ((filter && !flate) || cocom_pdfobj_get(&o->value, "DecodeParms") || o->length > MAX_CONTENT_BYTES) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0,
                     "page %u: its content is compressed in a way cocom cannot read, or larger than %llu MiB",
                     page + 1, (unsigned long long)(MAX_CONTENT_BYTES >> 20));
        return 0;
    }
    unsigned char *raw = stream_bytes(p, o);
    CocomBuf plain = {0}, edited = {0};
    int ok = raw != NULL;
    if (ok && flate && !cocom_pdfobj_inflate(raw, (size_t)o->length, &plain, MAX_INFLATED_BYTES)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0,
                     "page %u: its content cannot be decompressed (damaged, or over %zu MiB)", page + 1,
                     MAX_INFLATED_BYTES >> 20);
        ok = 0;
    }
    if (ok) {
        const unsigned char *s = flate ? (const unsigned char *)plain.data : raw;
        size_t len = flate ? plain.len : (size_t)o->length;
        ok = pst_tags_content(p, s ? s : (const unsigned char *)"", len, page, &edited);
        /* The elements the page closed went out first (into an object
         * stream, which may have been written): the content is here. */
        p->e[o->num].type = 1;
        pst_out_mark(p, o->num);
        ok = ok && write_deflated(p, o, &edited);
    }
    free(raw);
    cocom_buf_free(&plain);
    cocom_buf_free(&edited);
    return ok && !pst_out_failed(p);
}

static int write_object(Post *p, uint32_t num)
{
    Entry *e = &p->e[num];
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, num, &o))
        return 0;
    if (o.is_stream && (cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "ObjStm")
                        || cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "XRef")))
        return 1;   /* an earlier pass's packing: its objects are written afresh */
    if (o.is_stream) {
        p->e[num].type = 1;
        pst_out_mark(p, num);
        if ((e->flags & F_CONTENT) && p->tags)
            return rewrite_content(p, &o, e->aux);
        return pass_stream(p, &o);
    }
    int changed = rewrite_value(p, num, &o.value);
    changed |= duplicate_keys_removed(&o.value);
    if (changed) {
        p->obj.len = 0;
        cocom_pdfobj_write(&p->obj, &o.value);
        pst_put_object(p, num, o.gen, p->obj.data, p->obj.len);
    } else {
        /* Unchanged: its bytes as Cairo wrote them. */
        const char *b = o.body;
        size_t n = o.bodylen;
        while (n && (*b == ' ' || *b == '\n' || *b == '\r'))
            b++, n--;
        while (n && (b[n - 1] == ' ' || b[n - 1] == '\n' || b[n - 1] == '\r'))
            n--;
        pst_put_object(p, num, o.gen, b, n);
    }
    return !pst_out_failed(p);
}

static void write_metadata(Post *p)
{
    CocomBuf xmp = {0};
    cocom_pdfmeta_xmp(&xmp, p->title, p->author, p->subject, p->keywords, p->lang, p->producer, p->creator,
                      p->create_iso, p->modify_iso);
    /* Uncompressed, as PDF/A and most XMP readers want. */
    p->e[p->meta].type = 1;
    pst_out_mark(p, p->meta);
    pst_out_printf(p, "%u 0 obj\n<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n", p->meta, xmp.len);
    pst_out_write(p, xmp.data, xmp.len);
    pst_out_puts(p, "\nendstream\nendobj\n");
    cocom_buf_free(&xmp);
}

static void write_new_info(Post *p)
{
    CocomBuf b = {0};
    cocom_buf_puts(&b, "<<");
    const char *keys[] = {"Title", "Author", "Subject", "Keywords"};
    const char *given[] = {p->fix->title, p->fix->author, p->fix->subject, p->fix->keywords};
    for (size_t i = 0; i < COCOM_ARRAY_LEN(keys); i++)
        if (given[i]) {
            char *c = cocom_pdfmeta_clean_utf8(given[i]);
            cocom_buf_printf(&b, " /%s ", keys[i]);
            cocom_pdfobj_write_text(&b, c);
            free(c);
        }
    if (p->create_pdf[0])
        cocom_buf_printf(&b, " /CreationDate (%s) /ModDate (%s)", p->create_pdf, p->modify_pdf);
    cocom_buf_puts(&b, " >>");
    pst_put_object(p, p->info, 0, b.data, b.len);
    cocom_buf_free(&b);
}

static int bytes_for(uint64_t v)
{
    int n = 1;
    while (v >>= 8)
        n++;
    return n;
}

static void write_xref(Post *p)
{
    /* Every position is known once all before it is written. */
    if (!pst_out_finish(p))
        return;
    uint32_t xref_num = pst_new_object(p);
    uint64_t at = p->out.pos;
    p->e[xref_num].type = 1;
    p->e[xref_num].out = at;
    uint64_t max = 0;
    for (uint32_t i = 0; i < p->ne; i++)
        if (p->e[i].type && p->e[i].out > max)
            max = p->e[i].out;
    int w = bytes_for(max);
    /* The checksum of everything before the cross-reference stream. */
    unsigned char id[16];
    uint64_t len = p->out.pos;
    for (int i = 0; i < 4; i++) {
        id[i] = (unsigned char)(p->out.crc >> (24 - 8 * i));
        id[4 + i] = (unsigned char)(p->out.adler >> (24 - 8 * i));
    }
    for (int i = 0; i < 8; i++)
        id[8 + i] = (unsigned char)(len >> (56 - 8 * i));
    CocomBuf rows = {0};
    for (uint32_t i = 0; i < p->ne; i++) {
        Entry *e = &p->e[i];
        unsigned char row[1 + 8 + 2];
        uint64_t f2 = e->type ? e->out : 0;
        unsigned f3 = e->type == 2 ? e->aux : i == 0 ? 65535 : 0;
        row[0] = e->type;
        for (int k = 0; k < w; k++)
            row[1 + k] = (unsigned char)(f2 >> (8 * (w - 1 - k)));
        row[1 + w] = (unsigned char)(f3 >> 8);
        row[2 + w] = (unsigned char)f3;
        cocom_buf_append(&rows, (const char *)row, (size_t)w + 3);
    }
    char idhex[33];
    for (int i = 0; i < 16; i++)
        snprintf(idhex + 2 * i, 3, "%02x", id[i]);
    char head[256];
    int n = snprintf(head, sizeof head,
                     "%u 0 obj\n<< /Type /XRef /Size %u /W [1 %d 2] /Root %u 0 R /Info %u 0 R /ID [<%s> <%s>] "
                     "/Filter /FlateDecode /Length ",
                     xref_num, p->ne, w, p->catalog, p->info, idhex, idhex);
    pst_out_stream(p, head, (size_t)n, STREAM_TAIL, strlen(STREAM_TAIL), &rows);
    pst_out_printf(p, "startxref\n%llu\n%%%%EOF\n", (unsigned long long)at);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int write_file(Post *p)
{
    /* The input's order: each object is read once, front to back. */
    /* Sorted by offset, the object number in the low bits: offsets are
     * below 2^40 and numbers below 2^23 (pdfobj.h's limits). */
    uint32_t n = 0;
    uint64_t *order = cocom_xmalloc(((size_t)p->r.nxref + 1) * sizeof *order);
    for (uint32_t i = 1; i < p->r.nxref; i++)
        if (cocom_pdfobj_exists(&p->r, i))
            order[n++] = cocom_pdfobj_position(&p->r, i) << 23 | i;
    qsort(order, n, sizeof *order, cmp_u64);
    /* Binary, so that no program takes the file for text (7.5.2). */
    pst_out_puts(p, "%PDF-1.7\n%\xb5\xed\xae\xfb\n");
    int ok = 1;
    for (uint32_t i = 0; i < n && ok; i++) {
        ok = write_object(p, (uint32_t)(order[i] & ((1u << 23) - 1)));
        if (p->ctx->interrupted)
            ok = 0;
    }
    free(order);
    if (!ok || (p->tags && !pst_tags_finish(p)))
        return 0;
    if (p->info_made)
        write_new_info(p);
    stm_flush(p);
    write_metadata(p);
    write_xref(p);
    return !pst_out_failed(p);   /* the caller waits for the last bytes */
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

CocomStatus cocom_pdfpost(CocomContext *ctx, const char *in_path, const char *out_path, const CocomPdfFix *fix)
{
    static const CocomPdfFix no_fix;
    if (!fix)
        fix = &no_fix;
    if (!in_path || !out_path || same_file(in_path, out_path)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, out_path, 0, "the corrected PDF cannot be written over its input");
        return COCOM_STATUS_USAGE;
    }
    Post p;
    memset(&p, 0, sizeof p);
    p.ctx = ctx;
    p.in_path = in_path;
    p.out_path = out_path;
    p.name = fix->name ? fix->name : in_path;
    p.fix = fix;
    CocomStatus st = cocom_pdfobj_open(&p.r, ctx, in_path);
    if (st == COCOM_STATUS_OK) {
        p.ne = p.cap_e = p.r.nxref;
        p.e = cocom_xcalloc(p.ne, sizeof *p.e);
        if (!pst_index_file(&p) || (fix->structure && !pst_tags_start(&p)))
            st = COCOM_STATUS_INVALID;
    }
    if (st == COCOM_STATUS_OK) {
        if (!p.info) {
            p.info = pst_new_object(&p);
            p.info_made = 1;
        }
        p.meta = pst_new_object(&p);
        p.out.f = fopen(out_path, "wb");
        if (!p.out.f) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, p.name, 0, "cannot write the PDF: %s",
                         cocom_load_write_errno_text(errno));
            st = COCOM_STATUS_IO;
        } else {
            pst_out_start(&p, p.out.f, p.r.size);
            int ok = write_file(&p);
            /* Stopped early (damage, an interrupt): the writer is waited for. */
            if (!pst_out_finish(&p))
                ok = 0;
            if (!ok)
                st = pst_out_failed(&p) ? COCOM_STATUS_IO : ctx->interrupted ? COCOM_STATUS_INTERRUPTED
                                                                       : COCOM_STATUS_INVALID;
            if (fclose(p.out.f) != 0 && st == COCOM_STATUS_OK) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, p.name, 0, "cannot write the PDF: %s; nothing was written",
                             cocom_load_write_errno_text(errno));
                st = COCOM_STATUS_IO;
            }
            if (st != COCOM_STATUS_OK)
                unlink(out_path);
        }
    }
    if (st == COCOM_STATUS_OK && p.r.failed)
        st = COCOM_STATUS_INVALID;
    /* Every number written, none left over. */
    if (st == COCOM_STATUS_OK && fix->write_cites && p.next_cite != fix->ncites)
        p.cites_unmatched = 1;
    if (p.cites_unmatched) {
        if (st == COCOM_STATUS_OK)
            unlink(out_path);
        st = COCOM_STATUS_INVALID;
        if (fix->cites_unmatched)
            *fix->cites_unmatched = 1;
    }
    pst_out_free(&p);
    cocom_pdfobj_close(&p.r);
    free(p.e);
    pst_tags_free(&p);
    free(p.title);
    free(p.author);
    free(p.subject);
    free(p.keywords);
    free(p.producer);
    free(p.creator);
    free(p.lang);
    cocom_buf_free(&p.stm_head);
    cocom_buf_free(&p.stm_data);
    cocom_buf_free(&p.obj);
    return st;
}

