/* pdfstream-tags.c — the post-pass's half of cocom's own tags
 * (structlog.h): the structure tree, written from the painter's log while
 * the pages pass through.
 *
 * A page's content holds the painter's markers in the order it drew them;
 * the log holds, in the same order, what opened and closed around them.
 * Each page is read marker by marker, the log alongside: a marker becomes
 * BDC (with the page's next MCID) or EMC, and the elements opened before
 * it are given object numbers.  An element is written when it closes,
 * with its kids in the order they came, so what is held is the open
 * elements (a few bytes each, and their kids' numbers), one page's
 * MCIDs, and one number per page and per link for the parent tree.
 * Header cells wait for their row to close: whether a TH heads a column
 * or a row depends on whether the row holds data cells (as the rule in
 * pdfstream-index.c, for Cairo's own trees, says).
 */
#include "config.h"
#include "pdfstream-impl.h"
#include "pdfcontent.h"
#include "pdfmeta.h"
#include "structlog.h"
#include "load.h"

#include <stdlib.h>
#include <string.h>

/* Keys per leaf of the parent tree (a number tree, 7.9.7): small enough
 * for a reader to fetch one leaf, large enough to keep the tree shallow. */
#define PTREE_LEAF 256
/* Open elements nested deeper than this are damage. */
#define MAX_OPEN 1024

/* A header cell held back in its row's Frame.pending (read back by the
 * same process, so its bytes need no fixed order). */
typedef struct {
    uint32_t num;
    size_t len;
} PendingTh;

typedef struct {
    uint32_t num;
    char type[16];
    uint32_t page;          /* its /Pg: the page of its first content (UINT32_MAX: none) */
    CocomBuf kids;          /* its /K's items, written */
    CocomBuf alt;           /* a Figure's /Alt, written ("" when none) */
    /* tables */
    int in_thead;
    size_t rows;            /* a Table's rows so far */
    size_t row;             /* a TR's index in its table */
    int row_has_td;
    CocomBuf pending;       /* a TR's header cells, waiting for its end: each a
                             * PendingTh and a body without its ">>" */
} Frame;

struct PstTags {
    CocomStructLog *log;
    const CocomStructLink *links;
    size_t nlinks;
    uint32_t root, ptree;   /* the StructTreeRoot and the parent tree's root */
    uint32_t annot0;        /* the first link annotation's number */
    uint32_t *link_elem;    /* per link: its Link element (0: none) */
    uint32_t *page_array;   /* per page: its array in the parent tree */
    uint32_t *page_num;     /* per page: its object */
    Frame *frames;
    size_t nframes, capframes;
    CocomBuf top;           /* the root's kids */
    uint32_t page;          /* the page being read */
    uint32_t *mcids;        /* this page's: the element of each MCID */
    size_t nmcids, capmcids;
    uint32_t next_page;     /* the page whose content comes next */
    int mc;                 /* a marked-content sequence is open */
};

static int damaged(Post *p, const char *what)
{
    cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0,
                 "the tags do not match the pages (%s); this is a fault in cocom, please report it", what);
    p->r.failed = 1;
    return 0;
}

int pst_tags_start(Post *p)
{
    struct PstTags *t = cocom_xcalloc(1, sizeof *t);
    p->tags = t;
    t->log = p->fix->structure;
    t->links = cocom_structlog_links(t->log, &t->nlinks);
    for (size_t i = 1; i < t->nlinks; i++)
        if (t->links[i].page < t->links[i - 1].page)
            return damaged(p, "links out of page order");
    for (size_t i = 0; i < t->nlinks; i++)
        if (t->links[i].page >= p->npages)
            return damaged(p, "a link on a page the file does not have");
    t->root = pst_new_object(p);
    t->ptree = pst_new_object(p);
    t->annot0 = p->ne;
    for (size_t i = 0; i < t->nlinks; i++)
        pst_new_object(p);
    t->link_elem = cocom_xcalloc(t->nlinks ? t->nlinks : 1, sizeof *t->link_elem);
    t->page_array = cocom_xcalloc(p->npages ? p->npages : 1, sizeof *t->page_array);
    t->page_num = cocom_xcalloc(p->npages ? p->npages : 1, sizeof *t->page_num);
    for (uint32_t i = 1; i < p->ne; i++)
        if ((p->e[i].flags & F_PAGE) && p->e[i].aux < p->npages)
            t->page_num[p->e[i].aux] = i;
    if (!cocom_structlog_rewind(t->log)) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "cannot read the PDF's tags back: %s",
                     cocom_load_errno_text(cocom_structlog_error(t->log)));
        p->r.failed = 1;
        return 0;
    }
    return 1;
}

void pst_tags_free(Post *p)
{
    struct PstTags *t = p->tags;
    if (!t)
        return;
    for (size_t i = 0; i < t->capframes; i++) {
        cocom_buf_free(&t->frames[i].kids);
        cocom_buf_free(&t->frames[i].alt);
        cocom_buf_free(&t->frames[i].pending);
    }
    free(t->frames);
    free(t->link_elem);
    free(t->page_array);
    free(t->page_num);
    free(t->mcids);
    cocom_buf_free(&t->top);
    free(t);
    p->tags = NULL;
}

static void put_ref(CocomBuf *b, uint32_t num)
{
    if (b->len)
        cocom_buf_putc(b, ' ');
    cocom_pdfobj_put_int(b, num);
    cocom_buf_puts(b, " 0 R");
}

static void put_text(CocomBuf *b, const char *utf8)
{
    char *c = cocom_pdfmeta_clean_utf8(utf8);
    cocom_pdfobj_write_text(b, c);
    free(c);
}

static Frame *top_frame(struct PstTags *t)
{
    return t->nframes ? &t->frames[t->nframes - 1] : NULL;
}

static Frame *enclosing(struct PstTags *t, const char *type)
{
    for (size_t i = t->nframes; i-- > 0;)
        if (strcmp(t->frames[i].type, type) == 0)
            return &t->frames[i];
    return NULL;
}

static int open_element(Post *p, const CocomStructEvent *ev)
{
    struct PstTags *t = p->tags;
    if (t->nframes >= MAX_OPEN)
        return damaged(p, "elements nested too deep");
    uint32_t num = pst_new_object(p);
    put_ref(t->nframes ? &t->frames[t->nframes - 1].kids : &t->top, num);
    if (t->nframes == t->capframes) {
        size_t old = t->capframes;
        COCOM_GROW(t->frames, t->capframes, t->nframes + 1);
        memset(&t->frames[old], 0, (t->capframes - old) * sizeof *t->frames);
    }
    /* (Taken after the frames grew: they may have moved.) */
    Frame *parent = top_frame(t);
    Frame *f = &t->frames[t->nframes++];
    f->num = num;
    snprintf(f->type, sizeof f->type, "%s", ev->type);
    f->page = UINT32_MAX;
    f->kids.len = f->alt.len = f->pending.len = 0;
    f->in_thead = parent ? parent->in_thead : 0;
    f->rows = f->row = 0;
    f->row_has_td = 0;
    if (strcmp(f->type, "Table") == 0)
        f->in_thead = 0;
    else if (strcmp(f->type, "THead") == 0)
        f->in_thead = 1;
    else if (strcmp(f->type, "TBody") == 0 || strcmp(f->type, "TFoot") == 0)
        f->in_thead = 0;
    else if (strcmp(f->type, "TR") == 0) {
        Frame *table = enclosing(t, "Table");
        f->row = table ? table->rows++ : 0;
    } else if (strcmp(f->type, "TD") == 0 && parent && strcmp(parent->type, "TR") == 0) {
        parent->row_has_td = 1;
    }
    if (ev->alt && strcmp(f->type, "Figure") == 0 && cocom_pdfmeta_has_words(ev->alt))
        put_text(&f->alt, ev->alt);
    if (ev->link != COCOM_SL_NO_LINK) {
        if (ev->link >= t->nlinks || t->link_elem[ev->link])
            return damaged(p, "a Link element with no link of its own");
        const CocomStructLink *l = &t->links[ev->link];
        t->link_elem[ev->link] = num;
        /* The annotation first, as Cairo put it. */
        cocom_buf_puts(&f->kids, "<< /Type /OBJR /Obj ");
        cocom_pdfobj_put_int(&f->kids, t->annot0 + ev->link);
        cocom_buf_puts(&f->kids, " 0 R /Pg ");
        cocom_pdfobj_put_int(&f->kids, t->page_num[l->page]);
        cocom_buf_puts(&f->kids, " 0 R >>");
    }
    return 1;
}

/* The element's dictionary, without its closing ">>". */
static void element_body(struct PstTags *t, const Frame *f, uint32_t parent, CocomBuf *b)
{
    b->len = 0;
    cocom_buf_puts(b, "<< /Type /StructElem /S /");
    cocom_buf_puts(b, f->type);
    cocom_buf_puts(b, " /P ");
    cocom_pdfobj_put_int(b, parent);
    cocom_buf_puts(b, " 0 R");
    if (f->page != UINT32_MAX) {
        cocom_buf_puts(b, " /Pg ");
        cocom_pdfobj_put_int(b, t->page_num[f->page]);
        cocom_buf_puts(b, " 0 R");
    }
    cocom_buf_puts(b, " /K [");
    cocom_buf_append(b, f->kids.data ? f->kids.data : "", f->kids.len);
    cocom_buf_putc(b, ']');
    if (f->alt.len) {
        cocom_buf_puts(b, " /Alt ");
        cocom_buf_append(b, f->alt.data, f->alt.len);
    }
}

static void write_th(Post *p, uint32_t num, const char *body, size_t n, int row)
{
    CocomBuf b = {0};
    cocom_buf_append(&b, body, n);
    cocom_buf_puts(&b, row ? " /A << /O /Table /Scope /Row >> >>" : " /A << /O /Table /Scope /Column >> >>");
    pst_put_object(p, num, 0, b.data, b.len);
    cocom_buf_free(&b);
}

static int close_element(Post *p)
{
    struct PstTags *t = p->tags;
    if (!t->nframes)
        return damaged(p, "an element closed that was not open");
    Frame *f = &t->frames[t->nframes - 1];
    Frame *parent = t->nframes > 1 ? &t->frames[t->nframes - 2] : NULL;
    CocomBuf b = {0};
    element_body(t, f, parent ? parent->num : t->root, &b);
    if (strcmp(f->type, "TH") == 0 && parent && strcmp(parent->type, "TR") == 0) {
        /* Its row decides its scope. */
        PendingTh h = {f->num, b.len};
        cocom_buf_append(&parent->pending, (const char *)&h, sizeof h);
        cocom_buf_append(&parent->pending, b.data, b.len);
    } else if (strcmp(f->type, "TH") == 0) {
        write_th(p, f->num, b.data, b.len, 0);
    } else {
        cocom_buf_puts(&b, " >>");
        pst_put_object(p, f->num, 0, b.data, b.len);
    }
    if (strcmp(f->type, "TR") == 0 && f->pending.len) {
        int row = f->row > 0 && !f->in_thead && f->row_has_td;
        for (size_t at = 0; at + sizeof(PendingTh) <= f->pending.len;) {
            PendingTh h;
            memcpy(&h, f->pending.data + at, sizeof h);
            write_th(p, h.num, f->pending.data + at + sizeof h, h.len, row);
            at += sizeof h + h.len;
        }
    }
    cocom_buf_free(&b);
    t->nframes--;
    return !pst_out_failed(p);
}

/* Reads the log up to the next event that is not an element opening or
 * closing (handling those); its kind, or 0 at the end, -1 on damage. */
static int next_mark(Post *p)
{
    struct PstTags *t = p->tags;
    CocomStructEvent ev;
    for (;;) {
        int got = cocom_structlog_next(t->log, &ev);
        if (got < 0)
            return damaged(p, "the log cannot be read"), -1;
        if (got == 0)
            return 0;
        if (ev.kind == COCOM_SL_OPEN) {
            if (t->mc)
                return damaged(p, "an element opened inside marked content"), -1;
            if (!open_element(p, &ev))
                return -1;
        } else if (ev.kind == COCOM_SL_CLOSE) {
            if (t->mc)
                return damaged(p, "an element closed inside its marked content"), -1;
            if (!close_element(p))
                return -1;
        } else {
            return (int)ev.kind;
        }
    }
}

/* What replaces a marker of kind `marker` (COCOM_SL_MARK, _ARTIFACT or
 * _END, as its width says): the log's next event must agree with it. */
static int replace_marker(Post *p, int marker, CocomBuf *out)
{
    struct PstTags *t = p->tags;
    int kind = next_mark(p);
    if (kind < 0)
        return 0;
    if (marker != COCOM_SL_END && kind == COCOM_SL_END && t->mc) {
        /* What was open ends here too (the painter draws one marker
         * between two sequences: tagger.c). */
        cocom_buf_puts(out, "EMC\n");
        t->mc = 0;
        kind = next_mark(p);
        if (kind < 0)
            return 0;
    }
    if (marker == COCOM_SL_MARK) {
        Frame *f = top_frame(t);
        if (kind != COCOM_SL_MARK || t->mc || !f)
            return damaged(p, "content begins where the log has none");
        size_t mcid = t->nmcids;
        COCOM_GROW(t->mcids, t->capmcids, t->nmcids + 1);
        t->mcids[t->nmcids++] = f->num;
        if (f->page == UINT32_MAX)
            f->page = t->page;
        if (f->kids.len)
            cocom_buf_putc(&f->kids, ' ');
        if (f->page == t->page) {
            cocom_pdfobj_put_int(&f->kids, (long long)mcid);
        } else {
            cocom_buf_puts(&f->kids, "<< /Type /MCR /Pg ");
            cocom_pdfobj_put_int(&f->kids, t->page_num[t->page]);
            cocom_buf_puts(&f->kids, " 0 R /MCID ");
            cocom_pdfobj_put_int(&f->kids, (long long)mcid);
            cocom_buf_puts(&f->kids, " >>");
        }
        cocom_buf_putc(out, '/');
        cocom_buf_puts(out, f->type);
        cocom_buf_puts(out, " <</MCID ");
        cocom_pdfobj_put_int(out, (long long)mcid);
        cocom_buf_puts(out, ">> BDC");
        t->mc = 1;
        return 1;
    }
    if (marker == COCOM_SL_ARTIFACT) {
        if (kind != COCOM_SL_ARTIFACT || t->mc)
            return damaged(p, "furniture begins where the log has none");
        cocom_buf_puts(out, "/Artifact BMC");
        t->mc = 1;
        return 1;
    }
    if (kind != COCOM_SL_END || !t->mc)
        return damaged(p, "marked content ends where the log has it open");
    cocom_buf_puts(out, "EMC");
    t->mc = 0;
    return 1;
}

/* A cite marker's kind in Scan.pending (the log's kinds are letters). */
enum { CITE_BEGIN = 1, CITE_END = 2 };

/* The marker being looked for: "0 0 W H re" then "f". */
typedef struct {
    Post *p;
    const unsigned char *s;
    CocomBuf *out;
    size_t copied;          /* s[0, copied) is in out */
    size_t re_start;        /* a marker's "re": where its operands begin */
    int pending;            /* that marker's kind (COCOM_SL_MARK …, CITE_*), or 0 */
    int failed;
    int in_cite;            /* between cite markers */
    const char *cite;       /* there, with write_cites: the digits to write */
    size_t cite_pos;        /* how many of them are written */
} Scan;

/* The pages do not hold the placeholders the painter said: the caller
 * lays the document out again, so nothing is said. */
static int unmatched(Scan *sc)
{
    sc->p->cites_unmatched = 1;
    sc->p->r.failed = 1;
    sc->failed = 1;
    return 0;
}

/* A cite marker: they pair, and with write_cites each pair takes the next
 * number, which must be written whole by the time it ends. */
static int cite_marker(Scan *sc, int kind)
{
    const CocomPdfFix *fix = sc->p->fix;
    int begin = kind == CITE_BEGIN;
    int ok = begin != sc->in_cite;
    if (ok && fix->write_cites && begin) {
        ok = sc->p->next_cite < fix->ncites;
        if (ok) {
            sc->cite = fix->cites[sc->p->next_cite++];
            sc->cite_pos = 0;
        }
    } else if (ok && fix->write_cites) {
        ok = !sc->cite[sc->cite_pos];
        sc->cite = NULL;
    }
    if (!ok)
        return fix->write_cites ? unmatched(sc) : damaged(sc->p, "a page number's markers do not pair");
    sc->in_cite = begin;
    return 1;
}

/* Writes digits over the zeros of the string token t (a literal string of
 * single-byte codes, as Cairo writes a Latin subset's text) in `dst`,
 * which holds a copy of s from s[from] on. */
static int cite_string(Scan *sc, const unsigned char *s, const CocomPdfTok *t, char *dst, size_t from)
{
    if (s[t->start] != '(')
        return unmatched(sc);   /* a hexadecimal string: codes of a composite font */
    for (size_t k = t->start + 1; k + 1 < t->end; k++) {
        if (s[k] != '0' || !sc->cite[sc->cite_pos])
            return unmatched(sc);
        dst[k - from] = sc->cite[sc->cite_pos++];
    }
    return 1;
}

/* A text-showing operator between cite markers: its strings hold the
 * placeholder's zeros. */
static int cite_text(Scan *sc, const unsigned char *s, const CocomPdfTok *op, const CocomPdfTok *operands, int n)
{
    size_t from = sc->copied;
    cocom_buf_append(sc->out, (const char *)s + from, op->end - from);
    sc->copied = op->end;
    char *dst = sc->out->data + sc->out->len - (op->end - from);
    for (int i = 0; i < n; i++) {
        const CocomPdfTok *t = &operands[i];
        if (t->kind == COCOM_TK_STRING) {
            if (!cite_string(sc, s, t, dst, from))
                return 0;
        } else if (t->kind == COCOM_TK_COMPOSITE && s[t->start] == '[') {
            CocomPdfLexer lx = {s, t->end, t->start + 1};
            for (CocomPdfTok u = cocom_pdfcontent_lex(&lx); u.kind != COCOM_TK_END && u.kind != COCOM_TK_ARRAY_END;
                 u = cocom_pdfcontent_lex(&lx))
                if (u.kind == COCOM_TK_STRING && !cite_string(sc, s, &u, dst, from))
                    return 0;
        }
    }
    return 1;
}

static int tok_is_text(const unsigned char *s, const CocomPdfTok *t, const char *text)
{
    size_t n = strlen(text);
    return t->kind == COCOM_TK_NUMBER && t->end - t->start == n && memcmp(s + t->start, text, n) == 0;
}

static void on_operator(void *user, const unsigned char *s, const CocomPdfTok *op, const CocomPdfTok *operands, int n)
{
    Scan *sc = user;
    if (sc->failed)
        return;
    if (sc->pending && n == 0 && cocom_pdfcontent_tok_is(s, op, "f")) {
        cocom_buf_append(sc->out, (const char *)s + sc->copied, sc->re_start - sc->copied);
        int ok = sc->pending == CITE_BEGIN || sc->pending == CITE_END ? cite_marker(sc, sc->pending)
                                                                       : replace_marker(sc->p, sc->pending, sc->out);
        if (!ok) {
            sc->failed = 1;
            return;
        }
        sc->copied = op->end;
        sc->pending = 0;
        return;
    }
    sc->pending = 0;
    if (sc->cite && (cocom_pdfcontent_tok_is(s, op, "Tj") || cocom_pdfcontent_tok_is(s, op, "TJ")
                     || cocom_pdfcontent_tok_is(s, op, "'") || cocom_pdfcontent_tok_is(s, op, "\""))) {
        cite_text(sc, s, op, operands, n);
        return;
    }
    if (n == 4 && cocom_pdfcontent_tok_is(s, op, "re") && tok_is_text(s, &operands[0], "0")
        && tok_is_text(s, &operands[1], "0") && tok_is_text(s, &operands[3], COCOM_MARKER_HEIGHT_TEXT)) {
        const CocomPdfTok *w = &operands[2];
        sc->pending = tok_is_text(s, w, COCOM_MARKER_MARK_TEXT)         ? COCOM_SL_MARK
                      : tok_is_text(s, w, COCOM_MARKER_ARTIFACT_TEXT)   ? COCOM_SL_ARTIFACT
                      : tok_is_text(s, w, COCOM_MARKER_END_TEXT)        ? COCOM_SL_END
                      : tok_is_text(s, w, COCOM_MARKER_CITE_TEXT)       ? CITE_BEGIN
                      : tok_is_text(s, w, COCOM_MARKER_CITE_END_TEXT)   ? CITE_END
                                                                        : 0;
        sc->re_start = operands[0].start;
    }
}

int pst_tags_content(Post *p, const unsigned char *s, size_t len, uint32_t page, CocomBuf *out)
{
    struct PstTags *t = p->tags;
    if (page != t->next_page)
        return damaged(p, "pages out of order");
    t->next_page++;
    t->page = page;
    t->nmcids = 0;
    Scan sc = {p, s, out, 0, 0, 0, 0, 0, NULL, 0};
    cocom_pdfcontent_walk(s, len, on_operator, &sc);
    if (!sc.failed && sc.in_cite)   /* an end marker is missing */
        sc.failed = !(p->fix->write_cites ? unmatched(&sc) : damaged(p, "a page number's markers do not pair"));
    if (sc.failed)
        return 0;
    cocom_buf_append(out, (const char *)s + sc.copied, len - sc.copied);
    int kind = next_mark(p);
    if (kind < 0)
        return 0;
    if (kind != COCOM_SL_PAGE || t->mc)
        return damaged(p, "a page ends where the log goes on");
    /* The page's entry in the parent tree: the element of each MCID. */
    CocomBuf b = {0};
    cocom_buf_putc(&b, '[');
    for (size_t i = 0; i < t->nmcids; i++)
        put_ref(&b, t->mcids[i]);
    cocom_buf_putc(&b, ']');
    t->page_array[page] = pst_new_object(p);
    pst_put_object(p, t->page_array[page], 0, b.data, b.len);
    cocom_buf_free(&b);
    return !pst_out_failed(p);
}

void pst_tags_page(Post *p, CocomPdfVal *page, uint32_t index)
{
    struct PstTags *t = p->tags;
    char num[24];
    snprintf(num, sizeof num, "%u", index);
    cocom_pdfobj_set(&p->r, page, "StructParents", cocom_pdfobj_raw(&p->r, COCOM_PDFV_INT, num));
    size_t first = 0;
    while (first < t->nlinks && t->links[first].page < index)
        first++;
    size_t n = 0;
    while (first + n < t->nlinks && t->links[first + n].page == index)
        n++;
    if (!n)
        return;
    const CocomPdfVal *old = cocom_pdfobj_get(page, "Annots");
    size_t had = old && old->kind == COCOM_PDFV_ARRAY ? old->n : 0;
    CocomPdfVal arr;
    memset(&arr, 0, sizeof arr);
    arr.kind = COCOM_PDFV_ARRAY;
    arr.items = cocom_arena_alloc(&p->r.arena, (had + n) * sizeof *arr.items);
    if (had)
        memcpy(arr.items, old->items, had * sizeof *arr.items);
    for (size_t i = 0; i < n; i++) {
        CocomPdfVal *v = &arr.items[had + i];
        v->kind = COCOM_PDFV_REF;
        v->num = t->annot0 + (uint32_t)(first + i);
    }
    arr.n = had + n;
    cocom_pdfobj_set(&p->r, page, "Annots", arr);
}

void pst_tags_catalog(Post *p, CocomPdfVal *catalog)
{
    CocomPdfVal r;
    memset(&r, 0, sizeof r);
    r.kind = COCOM_PDFV_REF;
    r.num = p->tags->root;
    cocom_pdfobj_set(&p->r, catalog, "StructTreeRoot", r);
}

static void put_number(CocomBuf *b, double v)
{
    char s[32];
    snprintf(s, sizeof s, "%.2f", v);
    /* Trailing zeros off: "12.50" → "12.5", "12.00" → "12". */
    char *e = s + strlen(s);
    while (e > s && e[-1] == '0')
        *--e = '\0';
    if (e > s && e[-1] == '.')
        *--e = '\0';
    if (strcmp(s, "-0") == 0)
        strcpy(s, "0");
    cocom_buf_puts(b, s);
}

static void write_annotation(Post *p, size_t i)
{
    struct PstTags *t = p->tags;
    const CocomStructLink *l = &t->links[i];
    CocomBuf b = {0};
    cocom_buf_puts(&b, "<< /Type /Annot /Subtype /Link /Rect [");
    for (int k = 0; k < 4; k++) {
        if (k)
            cocom_buf_putc(&b, ' ');
        put_number(&b, l->rect[k]);
    }
    cocom_buf_puts(&b, "] /BS << /W 0 >> /P ");
    cocom_pdfobj_put_int(&b, t->page_num[l->page]);
    cocom_buf_puts(&b, " 0 R");
    if (l->contents && cocom_pdfmeta_has_words(l->contents)) {
        cocom_buf_puts(&b, " /Contents ");
        put_text(&b, l->contents);
    }
    if (t->link_elem[i]) {
        cocom_buf_puts(&b, " /StructParent ");
        cocom_pdfobj_put_int(&b, (long long)(p->npages + i));
    }
    if (l->is_uri) {
        cocom_buf_puts(&b, " /A << /Type /Action /S /URI /URI ");
        put_text(&b, l->target);
        cocom_buf_puts(&b, " >>");
    } else {
        cocom_buf_puts(&b, " /Dest ");
        put_text(&b, l->target);
    }
    cocom_buf_puts(&b, " >>");
    pst_put_object(p, t->annot0 + (uint32_t)i, 0, b.data, b.len);
    cocom_buf_free(&b);
}

/* One key and value of the parent tree: a page's array, or a link's
 * element. */
static uint32_t ptree_value(Post *p, size_t key)
{
    struct PstTags *t = p->tags;
    return key < p->npages ? t->page_array[key] : t->link_elem[key - p->npages];
}

static void write_parent_tree(Post *p)
{
    struct PstTags *t = p->tags;
    size_t nkeys = p->npages + t->nlinks;
    /* Keys with no value (a link in the furniture) are left out. */
    CocomBuf root = {0}, leaf = {0};
    if (nkeys <= PTREE_LEAF) {
        cocom_buf_puts(&root, "<< /Nums [");
        for (size_t k = 0; k < nkeys; k++)
            if (ptree_value(p, k)) {
                cocom_buf_putc(&root, ' ');
                cocom_pdfobj_put_int(&root, (long long)k);
                put_ref(&root, ptree_value(p, k));
            }
        cocom_buf_puts(&root, " ] >>");
    } else {
        cocom_buf_puts(&root, "<< /Kids [");
        for (size_t k0 = 0; k0 < nkeys; k0 += PTREE_LEAF) {
            size_t k1 = k0 + PTREE_LEAF < nkeys ? k0 + PTREE_LEAF : nkeys;
            leaf.len = 0;
            cocom_buf_puts(&leaf, "<< /Limits [");
            cocom_pdfobj_put_int(&leaf, (long long)k0);
            cocom_buf_putc(&leaf, ' ');
            cocom_pdfobj_put_int(&leaf, (long long)(k1 - 1));
            cocom_buf_puts(&leaf, "] /Nums [");
            for (size_t k = k0; k < k1; k++)
                if (ptree_value(p, k)) {
                    cocom_buf_putc(&leaf, ' ');
                    cocom_pdfobj_put_int(&leaf, (long long)k);
                    put_ref(&leaf, ptree_value(p, k));
                }
            cocom_buf_puts(&leaf, " ] >>");
            uint32_t num = pst_new_object(p);
            pst_put_object(p, num, 0, leaf.data, leaf.len);
            cocom_buf_putc(&root, ' ');
            put_ref(&root, num);
        }
        cocom_buf_puts(&root, " ] >>");
    }
    pst_put_object(p, t->ptree, 0, root.data, root.len);
    cocom_buf_free(&root);
    cocom_buf_free(&leaf);
}

int pst_tags_finish(Post *p)
{
    struct PstTags *t = p->tags;
    if (t->next_page != p->npages)
        return damaged(p, "pages without their content");
    /* The elements that close after the last page. */
    int kind = next_mark(p);
    if (kind != 0)
        return kind < 0 ? 0 : damaged(p, "content after the last page");
    while (t->nframes)
        if (!close_element(p))
            return 0;
    size_t untagged = 0;
    for (size_t i = 0; i < t->nlinks; i++) {
        write_annotation(p, i);
        untagged += t->link_elem[i] == 0;
    }
    /* The painter opens no Link element in the furniture (an artifact is
     * outside the tree), so such a link works but cannot be reached in
     * structure order: worth a word, not a refusal. */
    if (untagged)
        cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->name, 0,
                     "%zu link%s in page furniture (such as a running header) %s no place in the structure tree, "
                     "which PDF/UA asks of every link",
                     untagged, untagged == 1 ? "" : "s", untagged == 1 ? "has" : "have");
    write_parent_tree(p);
    CocomBuf b = {0};
    cocom_buf_puts(&b, "<< /Type /StructTreeRoot /K [");
    cocom_buf_append(&b, t->top.data ? t->top.data : "", t->top.len);
    cocom_buf_puts(&b, "] /ParentTree ");
    cocom_pdfobj_put_int(&b, t->ptree);
    cocom_buf_puts(&b, " 0 R /ParentTreeNextKey ");
    cocom_pdfobj_put_int(&b, (long long)(p->npages + t->nlinks));
    cocom_buf_puts(&b, " >>");
    pst_put_object(p, t->root, 0, b.data, b.len);
    cocom_buf_free(&b);
    return !pst_out_failed(p);
}
