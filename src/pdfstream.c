/* pdfstream.c — cocom_pdfpost (pdfpost.h), as pdfstream.h describes.
 *
 * What the post-pass changes, and why, is said in pdfpost.h; this file
 * says how it does so without holding the file.
 */
#include "config.h"
#include "pdfstream.h"
#include "pdfobj.h"
#include "pdfcontent.h"
#include "pdfmeta.h"
#include "load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* Structure trees and page trees nested deeper than this are damage. */
#define MAX_DEPTH 256
/* Objects per object stream (as qpdf packs them). */
#define OBJSTM_OBJECTS 100
/* zlib's level: 3 deflates a long report's pages a third faster than the
 * default 6, for a file a tenth larger. */
#define DEFLATE_LEVEL 3

/* A page's content, compressed and not. */
#define MAX_CONTENT_BYTES ((uint64_t)256 << 20)
#define MAX_INFLATED_BYTES ((size_t)1 << 30)

/* What the index knows of an object. */
enum {
    F_PAGE = 1 << 0,        /* aux: the page's index */
    F_CONTENT = 1 << 1,     /* a page's content stream; aux: the page's index */
    F_REMOVED = 1 << 2,     /* a structure element inside a Private one: left out */
    F_CUT_PARENT = 1 << 3,  /* its /K loses the F_CUT_ROOT elements */
    F_CUT_ROOT = 1 << 4,    /* an outermost Private element */
    F_FIGURE = 1 << 5,      /* gains /Alt; aux: its index in fix->figure_alt */
    F_TH_ROW = 1 << 6,      /* gains /Scope /Row */
    F_TH_COL = 1 << 7,      /* gains /Scope /Column */
    F_LINK_ANNOT = 1 << 8,  /* gains /Contents; aux: its index in fix->link_contents */
    F_LOST_ANNOT = 1 << 9,  /* loses /StructParent */
    F_PTREE_NODE = 1 << 10, /* a node of the parent tree */
    F_PTREE_VALUE = 1 << 11,/* a value of the parent tree (a page's array, or an element) */
    F_VISITED = 1 << 12,
    F_CATALOG = 1 << 13,
    F_INFO = 1 << 14,
    F_PTREE_SEEN = 1 << 15
};
/* The flags that give aux a meaning: an object holds one of them (a damaged
 * file may ask for two, as a Figure that is also a link's annotation). */
#define AUX_FLAGS (F_PAGE | F_CONTENT | F_FIGURE | F_LINK_ANNOT)

typedef struct {
    uint64_t out;           /* type 1: where it was written; type 2: its object stream */
    uint32_t aux;           /* see the flags; type 2: its index in the object stream */
    uint16_t flags;
    uint8_t type;           /* in the output's cross-reference: 0 free, 1 written, 2 in an object stream */
    uint8_t pad;
} Entry;

typedef struct {
    uint32_t page;
    long long mcid;
} PageMcid;

typedef struct {
    FILE *f;
    uint64_t pos;
    uLong crc, adler;
    int failed;
} Out;

typedef struct {
    CocomContext *ctx;
    const char *in_path, *out_path;
    const CocomPdfFix *fix;
    CocomPdfReader r;
    Entry *e;
    uint32_t ne;
    size_t cap_e;
    uint32_t npages;
    PageMcid *mcids;        /* the furniture's marked content, sorted by page then MCID */
    size_t nmcids, cap_mcids;
    uint32_t *converted;    /* per page: how many were turned into artifacts */
    size_t nfigures, nlinks, nlost;
    int row_headers, in_thead;
    size_t table_rows;
    int too_deep;
    int has_struct;
    uint32_t catalog, info, meta;
    int info_made;          /* the file had no Info dictionary: one is added */
    /* the metadata, worked out by the index */
    char *title, *author, *subject, *keywords, *producer, *creator, *lang;
    char create_pdf[40], modify_pdf[40], create_iso[40], modify_iso[40];
    Out out;
    /* the object stream being filled */
    uint32_t stm_num, stm_count;
    CocomBuf stm_head, stm_data;
    CocomBuf obj;           /* an object being rewritten */
} Post;

/* ------------------------------------------------------------------ */
/* Output                                                               */

static void out_write(Post *p, const void *data, size_t n)
{
    Out *o = &p->out;
    if (o->failed || n == 0)
        return;
    if (fwrite(data, 1, n, o->f) != n) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->out_path, 0, "cannot write the PDF: %s",
                     cocom_load_errno_text(errno));
        o->failed = 1;
        return;
    }
    o->crc = crc32(o->crc, data, (uInt)n);
    o->adler = adler32(o->adler, data, (uInt)n);
    o->pos += n;
}

static void out_puts(Post *p, const char *s)
{
    out_write(p, s, strlen(s));
}

static void out_printf(Post *p, const char *fmt, ...) COCOM_PRINTF(2, 3);

static void out_printf(Post *p, const char *fmt, ...)
{
    CocomBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    out_write(p, b.data, b.len);
    cocom_buf_free(&b);
}

/* Deflates in[0, n) into out (cleared first).  0 when zlib fails. */
static int deflate_buf(const void *in, size_t n, CocomBuf *out, int level)
{
    out->len = 0;
    uLong bound = compressBound((uLong)n);
    COCOM_GROW(out->data, out->cap, (size_t)bound + 1);
    uLongf len = bound;
    if (compress2((Bytef *)out->data, &len, in, (uLong)n, level) != Z_OK)
        return 0;
    out->len = len;
    return 1;
}

/* ------------------------------------------------------------------ */
/* The table of objects                                                 */

static uint32_t new_object(Post *p)
{
    COCOM_GROW(p->e, p->cap_e, (size_t)p->ne + 1);
    memset(&p->e[p->ne], 0, sizeof *p->e);
    return p->ne++;
}

static Entry *entry(Post *p, long long num)
{
    return num > 0 && num < p->ne ? &p->e[num] : NULL;
}

static int flagged(Post *p, const CocomPdfVal *v, unsigned flag)
{
    Entry *e = v && v->kind == COCOM_PDFV_REF ? entry(p, v->num) : NULL;
    return e && (e->flags & flag);
}

static void add_mcid(Post *p, const CocomPdfVal *pg, long long mcid)
{
    Entry *e = pg && pg->kind == COCOM_PDFV_REF ? entry(p, pg->num) : NULL;
    if (!e || !(e->flags & F_PAGE) || mcid < 0)
        return;
    COCOM_GROW(p->mcids, p->cap_mcids, p->nmcids + 1);
    p->mcids[p->nmcids].page = e->aux;
    p->mcids[p->nmcids].mcid = mcid;
    p->nmcids++;
}

static int cmp_mcid(const void *a, const void *b)
{
    const PageMcid *x = a, *y = b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return x->mcid < y->mcid ? -1 : x->mcid > y->mcid;
}

/* The references among v's items (or v itself), copied, since the next
 * read reuses v's memory. */
static uint32_t *refs_of(const CocomPdfVal *v, size_t *n)
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
/* Pass 1: the index                                                    */

static int index_pages(Post *p, uint32_t num, int depth)
{
    Entry *e = entry(p, num);
    if (!e || depth > MAX_DEPTH) {
        p->too_deep |= depth > MAX_DEPTH;
        return 1;
    }
    if (e->flags & (F_VISITED | F_PAGE))
        return 1;
    e->flags |= F_VISITED;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, num, &o))
        return 0;
    const CocomPdfVal *kids = cocom_pdfobj_get(&o.value, "Kids");
    if (kids && !cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "Page")) {
        size_t n;
        uint32_t *k = refs_of(kids, &n);
        for (size_t i = 0; i < n; i++)
            if (!index_pages(p, k[i], depth + 1)) {
                free(k);
                return 0;
            }
        free(k);
        return 1;
    }
    e->flags = (uint16_t)((e->flags & ~F_VISITED) | F_PAGE);
    e->aux = p->npages++;
    size_t n;
    uint32_t *c = refs_of(cocom_pdfobj_get(&o.value, "Contents"), &n);
    for (size_t i = 0; i < n; i++) {
        Entry *ce = entry(p, c[i]);
        if (ce && (ce->flags & F_CONTENT) && ce->aux != e->aux) {
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0,
                         "this is not a PDF the post-pass reads: pages %u and %u share a content stream",
                         ce->aux + 1, e->aux + 1);
            p->r.failed = 1;
            free(c);
            return 0;
        }
        if (ce) {
            ce->flags |= F_CONTENT;
            ce->aux = e->aux;
        }
    }
    free(c);
    return 1;
}

/* A kid of a structure element, copied out of the element's object. */
typedef struct {
    enum { KID_MCID, KID_MCR, KID_OBJR, KID_ELEM } kind;
    long long mcid;
    CocomPdfVal pg;         /* KID_MCR's /Pg (a REF), or kind NULL */
    uint32_t num;           /* KID_OBJR's annotation, KID_ELEM's element */
} Kid;

static Kid *kids_of(const CocomPdfVal *k, size_t *n)
{
    *n = 0;
    if (!k)
        return NULL;
    size_t m = k->kind == COCOM_PDFV_ARRAY ? k->n : 1;
    Kid *r = cocom_xcalloc(m ? m : 1, sizeof *r);
    for (size_t i = 0; i < m; i++) {
        const CocomPdfVal *it = k->kind == COCOM_PDFV_ARRAY ? &k->items[i] : k;
        Kid *d = &r[*n];
        if (it->kind == COCOM_PDFV_INT) {
            d->kind = KID_MCID;
            d->mcid = it->num;
        } else if (it->kind == COCOM_PDFV_REF) {
            d->kind = KID_ELEM;
            d->num = (uint32_t)it->num;
        } else if (it->kind == COCOM_PDFV_DICT && cocom_pdfobj_is_name(cocom_pdfobj_get(it, "Type"), "MCR")) {
            const CocomPdfVal *mcid = cocom_pdfobj_get(it, "MCID"), *pg = cocom_pdfobj_get(it, "Pg");
            if (!mcid || mcid->kind != COCOM_PDFV_INT || cocom_pdfobj_get(it, "Stm"))
                continue;
            d->kind = KID_MCR;
            d->mcid = mcid->num;
            if (pg && pg->kind == COCOM_PDFV_REF)
                d->pg = *pg;
        } else if (it->kind == COCOM_PDFV_DICT && cocom_pdfobj_is_name(cocom_pdfobj_get(it, "Type"), "OBJR")) {
            const CocomPdfVal *obj = cocom_pdfobj_get(it, "Obj");
            if (!obj || obj->kind != COCOM_PDFV_REF)
                continue;
            d->kind = KID_OBJR;
            d->num = (uint32_t)obj->num;
        } else {
            continue;
        }
        (*n)++;
    }
    return r;
}

/* The element's /S ("TD") into buf, or "". */
static void type_of(const CocomPdfObj *o, char *buf, size_t n)
{
    const CocomPdfVal *s = cocom_pdfobj_get(&o->value, "S");
    buf[0] = '\0';
    if (s && s->kind == COCOM_PDFV_NAME && s->rawlen - 1 < n)
        snprintf(buf, n, "%.*s", (int)s->rawlen - 1, s->raw + 1);
}

/* Does any of these elements have /S /TD? */
static int row_has_td(Post *p, const Kid *kids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CocomPdfObj o;
        char s[16];
        if (kids[i].kind != KID_ELEM || !cocom_pdfobj_exists(&p->r, kids[i].num)
            || !cocom_pdfobj_read(&p->r, kids[i].num, &o))
            continue;
        type_of(&o, s, sizeof s);
        if (strcmp(s, "TD") == 0)
            return 1;
    }
    return 0;
}

static int walk_elem(Post *p, uint32_t num, uint32_t parent, int in_private, int depth)
{
    Entry *e = entry(p, num);
    if (depth > MAX_DEPTH) {
        p->too_deep = 1;
        return 1;
    }
    if (!e || (e->flags & F_VISITED) || !cocom_pdfobj_exists(&p->r, num))
        return 1;
    e->flags |= F_VISITED;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, num, &o))
        return 0;
    if (o.value.kind != COCOM_PDFV_DICT)
        return 1;
    char s[64];
    type_of(&o, s, sizeof s);
    int private_here = in_private || strcmp(s, "Private") == 0;
    if (private_here) {
        e->flags |= F_REMOVED;
        if (!in_private) {
            e->flags |= F_CUT_ROOT;
            p->e[parent].flags |= F_CUT_PARENT;
        }
    }
    const CocomPdfFix *fix = p->fix;
    if (strcmp(s, "Figure") == 0) {
        /* Counted inside furniture too: the painter records one text per
         * Figure it opens. */
        size_t i = p->nfigures++;
        /* aux holds one index: an object that is also a page or a link's
         * annotation (a damaged tree) gains no /Alt. */
        if (!private_here && !(e->flags & AUX_FLAGS) && fix->figure_alt && i < fix->nfigure_alt
            && cocom_pdfmeta_has_words(fix->figure_alt[i])) {
            e->flags |= F_FIGURE;
            e->aux = (uint32_t)i;
        }
    }
    if (strcmp(s, "TH") == 0 && !private_here)
        e->flags |= p->row_headers ? F_TH_ROW : F_TH_COL;
    int is_link = strcmp(s, "Link") == 0;
    long link = -1;
    if (is_link) {
        size_t i = p->nlinks++;
        if (fix->link_contents && i < fix->nlink_contents && cocom_pdfmeta_has_words(fix->link_contents[i]))
            link = (long)i;
    }
    CocomPdfVal pg = {0};
    const CocomPdfVal *pgv = cocom_pdfobj_get(&o.value, "Pg");
    if (pgv && pgv->kind == COCOM_PDFV_REF)
        pg = *pgv;
    size_t nk;
    Kid *kids = kids_of(cocom_pdfobj_get(&o.value, "K"), &nk);
    /* o is not to be used from here: reading a kid reuses its memory. */
    int saved_row = p->row_headers, saved_thead = p->in_thead;
    size_t saved_rows = p->table_rows;
    if (strcmp(s, "Table") == 0) {
        p->table_rows = 0;
        p->in_thead = 0;
    } else if (strcmp(s, "THead") == 0) {
        p->in_thead = 1;
    } else if (strcmp(s, "TBody") == 0 || strcmp(s, "TFoot") == 0) {
        p->in_thead = 0;
    } else if (strcmp(s, "TR") == 0) {
        p->row_headers = p->table_rows++ > 0 && !p->in_thead && row_has_td(p, kids, nk);
    }
    int ok = 1;
    for (size_t i = 0; i < nk && ok && !p->too_deep; i++) {
        Kid *k = &kids[i];
        if (k->kind == KID_MCID && private_here) {
            add_mcid(p, &pg, k->mcid);
        } else if (k->kind == KID_MCR && private_here) {
            add_mcid(p, k->pg.kind == COCOM_PDFV_REF ? &k->pg : &pg, k->mcid);
        } else if (k->kind == KID_OBJR) {
            Entry *a = entry(p, k->num);
            if (a && link >= 0 && !(a->flags & AUX_FLAGS)) {
                a->flags |= F_LINK_ANNOT;
                a->aux = (uint32_t)link;
            }
            if (a && private_here) {
                a->flags |= F_LOST_ANNOT;
                p->nlost++;
            }
        } else if (k->kind == KID_ELEM) {
            ok = walk_elem(p, k->num, num, private_here, depth + 1);
        }
    }
    free(kids);
    p->row_headers = saved_row;
    p->in_thead = saved_thead;
    if (strcmp(s, "Table") == 0)
        p->table_rows = saved_rows;
    return ok;
}

/* Marks the parent tree's nodes and the values they hold (7.9.7). */
static int index_parent_tree(Post *p, uint32_t num, int depth)
{
    Entry *e = entry(p, num);
    if (depth > MAX_DEPTH) {
        p->too_deep = 1;
        return 1;
    }
    if (!e || (e->flags & F_PTREE_SEEN) || !cocom_pdfobj_exists(&p->r, num))
        return 1;
    e->flags |= F_PTREE_SEEN | F_PTREE_NODE;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, num, &o))
        return 0;
    const CocomPdfVal *nums = cocom_pdfobj_get(&o.value, "Nums");
    if (nums && nums->kind == COCOM_PDFV_ARRAY)
        for (size_t i = 1; i < nums->n; i += 2) {
            Entry *v = nums->items[i].kind == COCOM_PDFV_REF ? entry(p, nums->items[i].num) : NULL;
            if (v)
                v->flags |= F_PTREE_VALUE;
        }
    size_t n;
    uint32_t *kids = refs_of(cocom_pdfobj_get(&o.value, "Kids"), &n);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++)
        ok = index_parent_tree(p, kids[i], depth + 1);
    free(kids);
    return ok;
}

/* A date of the Info dictionary: the given one, else the file's own. */
static void index_date(Post *p, const CocomPdfVal *info, const char *key, const CocomPdfDate *given, char *pdf,
                       char *iso)
{
    CocomPdfDate d;
    pdf[0] = iso[0] = '\0';
    if (given) {
        d = *given;
    } else {
        char *old = cocom_pdfobj_text(cocom_pdfobj_get(info, key));
        int ok = old && cocom_pdfmeta_parse_pdf_date(old, &d);
        if (old && !ok)
            cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                         "the %s '%s' is not a PDF date; it is left as it is and out of the XMP metadata", key, old);
        free(old);
        if (!ok)
            return;
    }
    cocom_pdfmeta_format_pdf_date(&d, pdf, 40);
    cocom_pdfmeta_format_iso_date(&d, iso, 40);
}

static char *info_text(const CocomPdfVal *info, const char *key, const char *given)
{
    return given ? cocom_pdfmeta_clean_utf8(given) : cocom_pdfobj_text(cocom_pdfobj_get(info, key));
}

static int index_metadata(Post *p)
{
    const CocomPdfFix *fix = p->fix;
    CocomPdfDate given, *givenp = NULL;
    if (fix->date) {
        if (cocom_pdfmeta_parse_iso_date(fix->date, &given))
            givenp = &given;
        else
            cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                         "the date '%s' is not ISO 8601 (such as 2015-07-29T00:00:00Z); the PDF keeps its own",
                         fix->date);
    }
    CocomPdfObj o;
    const CocomPdfVal *info = NULL;
    if (p->info) {
        if (!cocom_pdfobj_read(&p->r, p->info, &o))
            return 0;
        info = &o.value;
    }
    index_date(p, info, "CreationDate", givenp, p->create_pdf, p->create_iso);
    index_date(p, info, "ModDate", givenp, p->modify_pdf, p->modify_iso);
    p->title = info_text(info, "Title", fix->title);
    p->author = info_text(info, "Author", fix->author);
    p->subject = info_text(info, "Subject", fix->subject);
    p->keywords = info_text(info, "Keywords", fix->keywords);
    p->producer = info_text(info, "Producer", NULL);
    p->creator = info_text(info, "Creator", NULL);
    if (fix->lang) {
        p->lang = cocom_pdfmeta_clean_utf8(fix->lang);
    } else {
        if (!cocom_pdfobj_read(&p->r, p->catalog, &o))
            return 0;
        p->lang = cocom_pdfobj_text(cocom_pdfobj_get(&o.value, "Lang"));
    }
    return 1;
}

static int index_file(Post *p)
{
    const CocomPdfVal *root = cocom_pdfobj_get(&p->r.trailer, "Root");
    const CocomPdfVal *info = cocom_pdfobj_get(&p->r.trailer, "Info");
    p->catalog = (uint32_t)root->num;
    if (info && info->kind == COCOM_PDFV_REF && cocom_pdfobj_exists(&p->r, (uint32_t)info->num))
        p->info = (uint32_t)info->num;
    if (!cocom_pdfobj_exists(&p->r, p->catalog)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "the PDF has no document catalog");
        return 0;
    }
    p->e[p->catalog].flags |= F_CATALOG;
    if (p->info)
        p->e[p->info].flags |= F_INFO;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, p->catalog, &o))
        return 0;
    if (o.value.kind != COCOM_PDFV_DICT) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "the PDF has no document catalog");
        return 0;
    }
    const CocomPdfVal *pages = cocom_pdfobj_get(&o.value, "Pages");
    const CocomPdfVal *str = cocom_pdfobj_get(&o.value, "StructTreeRoot");
    uint32_t pages_num = pages && pages->kind == COCOM_PDFV_REF ? (uint32_t)pages->num : 0;
    uint32_t str_num = str && str->kind == COCOM_PDFV_REF ? (uint32_t)str->num : 0;
    if (!index_pages(p, pages_num, 0))
        return 0;
    if (p->npages == 0) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "the PDF has no pages");
        return 0;
    }
    for (uint32_t i = 0; i < p->ne; i++)
        p->e[i].flags &= (uint16_t)~F_VISITED;
    if (cocom_pdfobj_exists(&p->r, str_num)) {
        p->has_struct = 1;
        if (!cocom_pdfobj_read(&p->r, str_num, &o))
            return 0;
        p->e[str_num].flags |= F_VISITED;
        size_t nk;
        uint32_t *k = refs_of(cocom_pdfobj_get(&o.value, "K"), &nk);
        const CocomPdfVal *pt = cocom_pdfobj_get(&o.value, "ParentTree");
        uint32_t pt_num = pt && pt->kind == COCOM_PDFV_REF ? (uint32_t)pt->num : 0;
        int ok = 1;
        for (size_t i = 0; i < nk && ok && !p->too_deep; i++)
            ok = walk_elem(p, k[i], str_num, 0, 1);
        free(k);
        if (ok && pt_num)
            ok = index_parent_tree(p, pt_num, 0);
        if (!ok)
            return 0;
    }
    if (p->too_deep) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0,
                     "the structure tree is nested more than %d deep", MAX_DEPTH);
        return 0;
    }
    const CocomPdfFix *fix = p->fix;
    if (fix->nfigure_alt && fix->nfigure_alt != p->nfigures)
        cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                     "the PDF has %zu Figure elements but %zu alternative texts were given", p->nfigures,
                     fix->nfigure_alt);
    if (fix->nlink_contents && fix->nlink_contents != p->nlinks)
        cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                     "the PDF has %zu Link elements but %zu link descriptions were given", p->nlinks,
                     fix->nlink_contents);
    if (p->nlost)
        cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                     "%zu link%s in page furniture (such as a running header) %s no place in the structure tree, "
                     "which PDF/UA asks of every link",
                     p->nlost, p->nlost == 1 ? "" : "s", p->nlost == 1 ? "has" : "have");
    /* (qsort takes no null pointer, even for no elements) */
    if (p->nmcids)
        qsort(p->mcids, p->nmcids, sizeof *p->mcids, cmp_mcid);
    size_t u = 0;
    for (size_t i = 0; i < p->nmcids; i++)
        if (u == 0 || cmp_mcid(&p->mcids[u - 1], &p->mcids[i]) != 0)
            p->mcids[u++] = p->mcids[i];
    p->nmcids = u;
    return index_metadata(p);
}

/* ------------------------------------------------------------------ */
/* Pass 2: the output                                                   */

static void stm_flush(Post *p)
{
    if (!p->stm_count)
        return;
    size_t first = p->stm_head.len;
    cocom_buf_append(&p->stm_head, p->stm_data.data, p->stm_data.len);
    CocomBuf z = {0};
    if (!deflate_buf(p->stm_head.data, p->stm_head.len, &z, DEFLATE_LEVEL)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->out_path, 0, "cannot write the PDF: zlib failed");
        p->out.failed = 1;
    }
    p->e[p->stm_num].type = 1;
    p->e[p->stm_num].out = p->out.pos;
    out_printf(p, "%u 0 obj\n<< /Type /ObjStm /N %u /First %zu /Filter /FlateDecode /Length %zu >>\nstream\n",
               p->stm_num, p->stm_count, first, z.len);
    out_write(p, z.data, z.len);
    out_puts(p, "\nendstream\nendobj\n");
    cocom_buf_free(&z);
    p->stm_head.len = p->stm_data.len = 0;
    p->stm_count = 0;
}

/* An object that is not a stream: into the object stream being filled
 * (generation 0 only, 7.5.7), or written out. */
static void put_object(Post *p, uint32_t num, int gen, const char *body, size_t len)
{
    Entry *e = &p->e[num];
    if (gen != 0) {
        e->type = 1;
        e->out = p->out.pos;
        out_printf(p, "%u %d obj\n", num, gen);
        out_write(p, body, len);
        out_puts(p, "\nendobj\n");
        return;
    }
    if (!p->stm_count)
        p->stm_num = new_object(p);
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
    while (from < to && !p->out.failed) {
        size_t n = to - from < sizeof buf ? (size_t)(to - from) : sizeof buf;
        if (cocom_pdfobj_pread(&p->r, from, buf, n) != n) {
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "cannot read the file: it ends early");
            return 0;
        }
        out_write(p, buf, n);
        from += n;
    }
    return !p->out.failed;
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

/* Is there an attribute object owned by /owner with key in a (an /A)? */
static int attr_has(const CocomPdfVal *a, const char *owner, const char *key)
{
    if (a && a->kind == COCOM_PDFV_DICT)
        return cocom_pdfobj_is_name(cocom_pdfobj_get(a, "O"), owner) && cocom_pdfobj_get(a, key);
    for (size_t i = 0; a && a->kind == COCOM_PDFV_ARRAY && i < a->n; i++)
        if (a->items[i].kind == COCOM_PDFV_DICT && attr_has(&a->items[i], owner, key))
            return 1;
    return 0;
}

static void set_th_scope(Post *p, CocomPdfVal *th, int row)
{
    CocomPdfVal *a = (CocomPdfVal *)cocom_pdfobj_get(th, "A");
    if (attr_has(a, "Table", "Scope"))
        return;
    CocomPdfVal attr = dict_val();
    cocom_pdfobj_set(&p->r, &attr, "O", name_val(p, "/Table"));
    cocom_pdfobj_set(&p->r, &attr, "Scope", name_val(p, row ? "/Row" : "/Column"));
    if (a && (a->kind == COCOM_PDFV_ARRAY || a->kind == COCOM_PDFV_DICT)) {
        /* An indirect /A is left as it is and followed by the new one. */
        size_t n = a->kind == COCOM_PDFV_ARRAY ? a->n : 1;
        CocomPdfVal arr;
        memset(&arr, 0, sizeof arr);
        arr.kind = COCOM_PDFV_ARRAY;
        arr.items = cocom_arena_alloc(&p->r.arena, (n + 1) * sizeof *arr.items);
        if (a->kind != COCOM_PDFV_ARRAY)
            arr.items[0] = *a;
        else if (n)     /* (memcpy takes no null pointer, even for nothing) */
            memcpy(arr.items, a->items, n * sizeof *arr.items);
        arr.items[n] = attr;
        arr.n = n + 1;
        *a = arr;
    } else {
        cocom_pdfobj_set(&p->r, th, "A", attr);
    }
}

/* Replaces references to removed elements in an array by null. */
static int null_removed(Post *p, CocomPdfVal *arr)
{
    int changed = 0;
    for (size_t i = 0; arr->kind == COCOM_PDFV_ARRAY && i < arr->n; i++)
        if (flagged(p, &arr->items[i], F_REMOVED)) {
            arr->items[i] = cocom_pdfobj_raw(&p->r, COCOM_PDFV_NULL, "null");
            changed = 1;
        }
    return changed;
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
    if ((f & F_PTREE_VALUE) && v->kind == COCOM_PDFV_ARRAY)
        changed |= null_removed(p, v);
    if (v->kind != COCOM_PDFV_DICT)
        return changed;
    if (f & F_CATALOG) {
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
        changed = 1;
    }
    if (f & F_CUT_PARENT) {
        CocomPdfVal *k = (CocomPdfVal *)cocom_pdfobj_get(v, "K");
        if (k && k->kind == COCOM_PDFV_ARRAY) {
            size_t u = 0;
            for (size_t i = 0; i < k->n; i++)
                if (!flagged(p, &k->items[i], F_CUT_ROOT))
                    k->items[u++] = k->items[i];
            k->n = u;
        } else if (flagged(p, k, F_CUT_ROOT)) {
            cocom_pdfobj_remove(v, "K");
        }
        changed = 1;
    }
    if ((f & F_FIGURE) && e->aux < fix->nfigure_alt) {
        cocom_pdfobj_set(&p->r, v, "Alt", text_val(p, fix->figure_alt[e->aux]));
        changed = 1;
    }
    if (f & (F_TH_ROW | F_TH_COL)) {
        set_th_scope(p, v, (f & F_TH_ROW) != 0);
        changed = 1;
    }
    if ((f & F_LINK_ANNOT) && e->aux < fix->nlink_contents) {
        cocom_pdfobj_set(&p->r, v, "Contents", text_val(p, fix->link_contents[e->aux]));
        changed = 1;
    }
    if (f & F_LOST_ANNOT) {
        cocom_pdfobj_remove(v, "StructParent");
        changed = 1;
    }
    if (f & F_PTREE_NODE) {
        CocomPdfVal *nums = (CocomPdfVal *)cocom_pdfobj_get(v, "Nums");
        if (nums && nums->kind == COCOM_PDFV_ARRAY) {
            /* An element's entry (an annotation's) goes; a page's array
             * keeps its indexes, with null for what went. */
            size_t u = 0;
            for (size_t i = 0; i + 1 < nums->n; i += 2) {
                if (flagged(p, &nums->items[i + 1], F_REMOVED))
                    continue;
                if (nums->items[i + 1].kind == COCOM_PDFV_ARRAY)
                    null_removed(p, &nums->items[i + 1]);
                nums->items[u++] = nums->items[i];
                nums->items[u++] = nums->items[i + 1];
            }
            nums->n = u;
            changed = 1;
        }
    }
    return changed;
}

/* Writes stream object o with plain[0, n) as its data, deflated: its
 * dictionary as read, with a direct /Length and /Filter /FlateDecode. */
static int write_deflated(Post *p, const CocomPdfObj *o, const void *plain, size_t n)
{
    CocomBuf z = {0};
    if (!deflate_buf(plain, n, &z, DEFLATE_LEVEL)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->out_path, 0, "cannot write the PDF: zlib failed");
        cocom_buf_free(&z);
        return 0;
    }
    CocomPdfVal d = o->value;
    char len[32];
    snprintf(len, sizeof len, "%zu", z.len);
    CocomPdfVal lv = cocom_pdfobj_raw(&p->r, COCOM_PDFV_INT, len);
    cocom_pdfobj_set(&p->r, &d, "Length", lv);
    cocom_pdfobj_set(&p->r, &d, "Filter", name_val(p, "/FlateDecode"));
    p->obj.len = 0;
    cocom_pdfobj_write(&p->obj, &d);
    out_printf(p, "%d %d obj\n", o->num, o->gen);
    out_write(p, p->obj.data, p->obj.len);
    out_puts(p, "\nstream\n");
    out_write(p, z.data, z.len);
    out_puts(p, "\nendstream\nendobj\n");
    cocom_buf_free(&z);
    return !p->out.failed;
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
        return copy_bytes(p, o->start, o->end) && (out_puts(p, "\n"), !p->out.failed);
    unsigned char *raw = cocom_xmalloc((size_t)o->length + 1);
    int ok = cocom_pdfobj_pread(&p->r, o->data, raw, (size_t)o->length) == o->length;
    if (!ok)
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "cannot read the file: it ends early");
    else
        ok = write_deflated(p, o, raw, (size_t)o->length);
    free(raw);
    return ok;
}

/* A page's content stream, with its furniture marked /Artifact. */
static int rewrite_content(Post *p, const CocomPdfObj *o, uint32_t page)
{
    PageMcid key = {page, -1};
    size_t lo = 0, hi = p->nmcids;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_mcid(&p->mcids[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < p->nmcids && p->mcids[lo + n].page == page)
        n++;
    if (n == 0)
        return pass_stream(p, o);
    const CocomPdfVal *filter = cocom_pdfobj_get(&o->value, "Filter");
    int flate = cocom_pdfobj_is_name(filter, "FlateDecode");
    if ((filter && !flate) || cocom_pdfobj_get(&o->value, "DecodeParms") || o->length > MAX_CONTENT_BYTES) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0,
                     "page %u: its content is compressed in a way cocom cannot read, or larger than %llu MiB",
                     page + 1, (unsigned long long)(MAX_CONTENT_BYTES >> 20));
        return 0;
    }
    long long *mcids = cocom_xmalloc(n * sizeof *mcids);
    for (size_t i = 0; i < n; i++)
        mcids[i] = p->mcids[lo + i].mcid;
    unsigned char *raw = cocom_xmalloc((size_t)o->length + 1);
    CocomBuf plain = {0}, edited = {0};
    int ok = cocom_pdfobj_pread(&p->r, o->data, raw, (size_t)o->length) == o->length;
    if (!ok)
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0, "cannot read the file: it ends early");
    if (ok && flate && !cocom_pdfobj_inflate(raw, (size_t)o->length, &plain, MAX_INFLATED_BYTES)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->in_path, 0,
                     "page %u: its content cannot be decompressed (damaged, or over %zu MiB)", page + 1,
                     MAX_INFLATED_BYTES >> 20);
        ok = 0;
    }
    size_t converted = 0;
    if (ok) {
        const unsigned char *s = flate ? (const unsigned char *)plain.data : raw;
        size_t len = flate ? plain.len : (size_t)o->length;
        converted = cocom_pdfcontent_artifacts(s ? s : (const unsigned char *)"", len, mcids, n, &edited);
        p->converted[page] += (uint32_t)converted;
    }
    if (ok && converted == 0)
        ok = flate ? copy_bytes(p, o->start, o->end) && (out_puts(p, "\n"), 1)
                   : write_deflated(p, o, raw, (size_t)o->length);
    else if (ok)
        ok = write_deflated(p, o, edited.data, edited.len);
    free(mcids);
    free(raw);
    cocom_buf_free(&plain);
    cocom_buf_free(&edited);
    return ok && !p->out.failed;
}

static int write_object(Post *p, uint32_t num)
{
    Entry *e = &p->e[num];
    if (e->flags & F_REMOVED)
        return 1;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, num, &o))
        return 0;
    if (o.is_stream && (cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "ObjStm")
                        || cocom_pdfobj_is_name(cocom_pdfobj_get(&o.value, "Type"), "XRef")))
        return 1;   /* an earlier pass's packing: its objects are written afresh */
    if (o.is_stream) {
        p->e[num].type = 1;
        p->e[num].out = p->out.pos;
        if (e->flags & F_CONTENT)
            return rewrite_content(p, &o, e->aux);
        return pass_stream(p, &o);
    }
    int changed = rewrite_value(p, num, &o.value);
    changed |= duplicate_keys_removed(&o.value);
    if (changed) {
        p->obj.len = 0;
        cocom_pdfobj_write(&p->obj, &o.value);
        put_object(p, num, o.gen, p->obj.data, p->obj.len);
    } else {
        /* Unchanged: its bytes as Cairo wrote them. */
        const char *b = o.body;
        size_t n = o.bodylen;
        while (n && (*b == ' ' || *b == '\n' || *b == '\r'))
            b++, n--;
        while (n && (b[n - 1] == ' ' || b[n - 1] == '\n' || b[n - 1] == '\r'))
            n--;
        put_object(p, num, o.gen, b, n);
    }
    return !p->out.failed;
}

static void write_metadata(Post *p)
{
    CocomBuf xmp = {0};
    cocom_pdfmeta_xmp(&xmp, p->title, p->author, p->subject, p->keywords, p->lang, p->producer, p->creator,
                      p->create_iso, p->modify_iso);
    /* Uncompressed, as PDF/A and most XMP readers want. */
    p->e[p->meta].type = 1;
    p->e[p->meta].out = p->out.pos;
    out_printf(p, "%u 0 obj\n<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n", p->meta, xmp.len);
    out_write(p, xmp.data, xmp.len);
    out_puts(p, "\nendstream\nendobj\n");
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
    put_object(p, p->info, 0, b.data, b.len);
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
    uint32_t xref_num = new_object(p);
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
    CocomBuf z = {0};
    if (!deflate_buf(rows.data, rows.len, &z, DEFLATE_LEVEL)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->out_path, 0, "cannot write the PDF: zlib failed");
        p->out.failed = 1;
    }
    char idhex[33];
    for (int i = 0; i < 16; i++)
        snprintf(idhex + 2 * i, 3, "%02x", id[i]);
    out_printf(p, "%u 0 obj\n<< /Type /XRef /Size %u /W [1 %d 2] /Root %u 0 R /Info %u 0 R /ID [<%s> <%s>] "
                  "/Filter /FlateDecode /Length %zu >>\nstream\n",
               xref_num, p->ne, w, p->catalog, p->info, idhex, idhex, z.len);
    out_write(p, z.data, z.len);
    out_printf(p, "\nendstream\nendobj\nstartxref\n%llu\n%%%%EOF\n", (unsigned long long)at);
    cocom_buf_free(&rows);
    cocom_buf_free(&z);
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
    out_puts(p, "%PDF-1.7\n%\xb5\xed\xae\xfb\n");
    int ok = 1;
    for (uint32_t i = 0; i < n && ok; i++) {
        ok = write_object(p, (uint32_t)(order[i] & ((1u << 23) - 1)));
        if (p->ctx->interrupted)
            ok = 0;
    }
    free(order);
    if (!ok)
        return 0;
    if (p->info_made)
        write_new_info(p);
    stm_flush(p);
    write_metadata(p);
    write_xref(p);
    for (size_t j = 0; j < p->nmcids && !p->out.failed;) {
        uint32_t i = p->mcids[j].page;
        size_t want = 0;
        for (; j < p->nmcids && p->mcids[j].page == i; j++)
            want++;
        if (p->converted[i] < want)
                cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->in_path, 0,
                             "page %u: %zu marked-content sequence%s of page furniture %s not found in the page's "
                             "content",
                             i + 1, want - p->converted[i], want - p->converted[i] == 1 ? "" : "s",
                             want - p->converted[i] == 1 ? "was" : "were");
    }
    return !p->out.failed;
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
    p.fix = fix;
    CocomStatus st = cocom_pdfobj_open(&p.r, ctx, in_path);
    if (st == COCOM_STATUS_OK) {
        p.ne = p.cap_e = p.r.nxref;
        p.e = cocom_xcalloc(p.ne, sizeof *p.e);
        if (!index_file(&p))
            st = COCOM_STATUS_INVALID;
    }
    if (st == COCOM_STATUS_OK) {
        p.converted = cocom_xcalloc(p.npages, sizeof *p.converted);
        if (!p.info) {
            p.info = new_object(&p);
            p.info_made = 1;
        }
        p.meta = new_object(&p);
        p.out.f = fopen(out_path, "wb");
        if (!p.out.f) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, out_path, 0, "cannot write the PDF: %s",
                         cocom_load_errno_text(errno));
            st = COCOM_STATUS_IO;
        } else {
            p.out.crc = crc32(0, Z_NULL, 0);
            p.out.adler = adler32(0, Z_NULL, 0);
            if (!write_file(&p))
                st = p.out.failed ? COCOM_STATUS_IO : ctx->interrupted ? COCOM_STATUS_INTERRUPTED
                                                                       : COCOM_STATUS_INVALID;
            if (fclose(p.out.f) != 0 && st == COCOM_STATUS_OK) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, out_path, 0, "cannot write the PDF: %s",
                             cocom_load_errno_text(errno));
                st = COCOM_STATUS_IO;
            }
            if (st != COCOM_STATUS_OK)
                unlink(out_path);
        }
    }
    if (st == COCOM_STATUS_OK && p.r.failed)
        st = COCOM_STATUS_INVALID;
    cocom_pdfobj_close(&p.r);
    free(p.e);
    free(p.mcids);
    free(p.converted);
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
