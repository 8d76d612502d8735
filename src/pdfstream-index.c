/* pdfstream-index.c — the post-pass's first pass: what each object of
 * Cairo's file is (a page, a page's content, the catalog, the Info
 * dictionary), found by walking the page tree; and the document's
 * metadata, worked out once.  A structure tree the file already has
 * (Cairo's own, in a file cocom did not paint) is not walked: it passes
 * through as it is.  See pdfstream-impl.h.
 */
#include "config.h"
#include "pdfstream-impl.h"
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
    if (e->flags & (F_VISITED | F_PAGE)) {
        /* Copied as it is, a loop would make the output unreadable (a
         * reader walking the pages never ends); a page listed twice is
         * two pages to a reader, one to the tags. */
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0,
                     "this is not a PDF the post-pass reads: its page tree reaches object %u twice (a loop, or a "
                     "page listed twice)",
                     num);
        p->r.failed = 1;
        return 0;
    }
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
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0,
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
            cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->name, 0,
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
            cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->name, 0,
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
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "the PDF has no document catalog");
        return 0;
    }
    p->e[p->catalog].flags |= F_CATALOG;
    if (p->info)
        p->e[p->info].flags |= F_INFO;
    CocomPdfObj o;
    if (!cocom_pdfobj_read(&p->r, p->catalog, &o))
        return 0;
    if (o.value.kind != COCOM_PDFV_DICT) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "the PDF has no document catalog");
        return 0;
    }
    const CocomPdfVal *pages = cocom_pdfobj_get(&o.value, "Pages");
    uint32_t pages_num = pages && pages->kind == COCOM_PDFV_REF ? (uint32_t)pages->num : 0;
    if (!index_pages(p, pages_num, 0))
        return 0;
    if (p->too_deep) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "the page tree is nested more than %d deep",
                     MAX_DEPTH);
        return 0;
    }
    if (p->npages == 0) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "the PDF has no pages");
        return 0;
    }
    return index_metadata(p);
}

