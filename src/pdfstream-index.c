/* pdfstream-index.c — the post-pass's first pass: what each object of
 * Cairo's file is (a page, a page's content, a structure element, a node of
 * the parent tree, the catalog, the Info dictionary) and what pass 2 must
 * do to it, found by walking the page tree and the structure tree; and the
 * document's metadata, worked out once.  See pdfstream-impl.h.
 */
#include "config.h"
#include "pdfstream-impl.h"
#include "pdfcontent.h"
#include "pdfmeta.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Pass 1: the index                                                    */

static int index_pages(Post *p, uint32_t num, int depth)
{
    Entry *e = pst_entry(p, num);
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
        uint32_t *k = pst_refs_of(kids, &n);
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
    uint32_t *c = pst_refs_of(cocom_pdfobj_get(&o.value, "Contents"), &n);
    for (size_t i = 0; i < n; i++) {
        Entry *ce = pst_entry(p, c[i]);
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
    Entry *e = pst_entry(p, num);
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
            pst_add_mcid(p, &pg, k->mcid);
        } else if (k->kind == KID_MCR && private_here) {
            pst_add_mcid(p, k->pg.kind == COCOM_PDFV_REF ? &k->pg : &pg, k->mcid);
        } else if (k->kind == KID_OBJR) {
            Entry *a = pst_entry(p, k->num);
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
    Entry *e = pst_entry(p, num);
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
            Entry *v = nums->items[i].kind == COCOM_PDFV_REF ? pst_entry(p, nums->items[i].num) : NULL;
            if (v)
                v->flags |= F_PTREE_VALUE;
        }
    size_t n;
    uint32_t *kids = pst_refs_of(cocom_pdfobj_get(&o.value, "Kids"), &n);
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

int pst_index_file(Post *p)
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
        uint32_t *k = pst_refs_of(cocom_pdfobj_get(&o.value, "K"), &nk);
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
        qsort(p->mcids, p->nmcids, sizeof *p->mcids, pst_cmp_mcid);
    size_t u = 0;
    for (size_t i = 0; i < p->nmcids; i++)
        if (u == 0 || pst_cmp_mcid(&p->mcids[u - 1], &p->mcids[i]) != 0)
            p->mcids[u++] = p->mcids[i];
    p->nmcids = u;
    return index_metadata(p);
}

