/* pdfcheck.c — cocom_pdfcheck (pdfpost.h): the PDF/UA self-check.
 *
 * It reads PDFs from anywhere, so it reads them with libqpdf's C API, a
 * hardened, well-kept parser, opened when first needed (qpdf-load.h); the
 * post-pass itself streams over cocom's own output (pdfstream.c).  qpdf
 * is C++; its C API turns exceptions into an error kept on the qpdf_data,
 * so every call that can fail is followed by a look at qpdf_has_error()
 * (pdfq_failed, in pdfcheck-qpdf.c).  Accessors are only used on objects of
 * the right type (qpdf warns, and returns null, otherwise), and
 * every walk of the file's own structure — structure tree, number trees,
 * form XObjects — has a depth bound and a visited set, since a damaged or
 * hostile file can make them loop.
 *
 * Page content is read with pdfcontent.h's lexer, not a regular
 * expression: a string shown on the page or the bytes of an inline image
 * may well contain "BT (Tj) ET".
 */
#include "config.h"
#include "pdfcheck-impl.h"
#include "load.h"
#include "pdfcontent.h"
#include "pdfmeta.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The check                                                            */

typedef struct {
    Pdf *pdf;
    qpdf_oh role_map;           /* the structure tree's /RoleMap, or 0 */
    qpdf_oh class_map;          /* its /ClassMap, or 0 */
    CocomMap page_by_objid;     /* objid → index */
    IdSet visited;
    int too_deep;
    /* the structure tree */
    size_t figures, figures_bad, figure_page;
    size_t tables, tables_bad, table_page;
    size_t ths, ths_bad, th_page;
    size_t table_ths, table_ths_bad, table_th_page; /* in the Table being walked */
    int table_headers;          /* its cells name their headers (/Headers) */
    /* untagged text */
    CocomMap form_untagged;     /* form XObject objid → text operators outside marked content */
    IdSet form_path;            /* form XObjects being read (a form that draws itself) */
} Check;

/* The standard structure type an element's /S maps to through the role
 * map, into buf ("/Figure"). */
static void std_type(Check *c, qpdf_oh elem, char *buf, size_t n)
{
    Pdf *p = c->pdf;
    pdfq_dict_name_copy(p, elem, "/S", buf, n);
    for (int i = 0; i < 16 && c->role_map && buf[0]; i++) {
        char next[128];
        pdfq_dict_name_copy(p, c->role_map, buf, next, sizeof next);
        if (!next[0] || strcmp(next, buf) == 0)
            break;
        snprintf(buf, n, "%s", next);
    }
}

static size_t page_number(Check *c, qpdf_oh pg)
{
    intptr_t i;
    char k[16];
    if (!pg)
        return 0;
    snprintf(k, sizeof k, "%d", qpdf_oh_get_object_id(c->pdf->q, pg));
    return cocom_map_get(&c->page_by_objid, k, &i) ? (size_t)i + 1 : 0;
}

/* The page an element is on: its /Pg, or the first one among its kids. */
static size_t elem_page(Check *c, qpdf_oh elem, int depth)
{
    Pdf *p = c->pdf;
    qpdf_oh pg = pdfq_dict_get(p, elem, "/Pg");
    size_t n = page_number(c, pg);
    pdfq_rel(p, pg);
    if (n || depth > 8)
        return n;
    qpdf_oh k = pdfq_dict_get(p, elem, "/K");
    for (int i = 0, m = pdfq_array_len(p, k); i < m && !n; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(p->q, k, i);
        if (pdfq_is_dict(p, kid))
            n = elem_page(c, kid, depth + 1);
        pdfq_rel(p, kid);
    }
    if (pdfq_is_dict(p, k))
        n = elem_page(c, k, depth + 1);
    pdfq_rel(p, k);
    return n;
}

/* Is there an attribute object owned by `owner` with `key` in a (the /A of
 * an element: a dictionary, or an array of them and revision numbers)? */
static int attr_has(Pdf *p, qpdf_oh a, const char *owner, const char *key)
{
    if (pdfq_is_dict(p, a))
        return pdfq_dict_name_is(p, a, "/O", owner) && pdfq_dict_has(p, a, key);
    int found = 0;
    for (int i = 0, n = pdfq_array_len(p, a); i < n && !found; i++) {
        qpdf_oh it = qpdf_oh_get_array_item(p->q, a, i);
        found = pdfq_is_dict(p, it) && attr_has(p, it, owner, key);
        pdfq_rel(p, it);
    }
    return found;
}

/* Does the element carry the attribute key of owner, directly in /A or
 * through its classes (/C and the class map)? */
static int elem_attr_has(Check *c, qpdf_oh elem, const char *owner, const char *key)
{
    Pdf *p = c->pdf;
    qpdf_oh a = pdfq_dict_get(p, elem, "/A");
    int found = attr_has(p, a, owner, key);
    pdfq_rel(p, a);
    if (found || !c->class_map)
        return found;
    qpdf_oh cls = pdfq_dict_get(p, elem, "/C");
    int single = cls && !pdfq_is_array(p, cls);
    int n = single ? 1 : pdfq_array_len(p, cls);
    for (int i = 0; i < n && !found; i++) {
        qpdf_oh it = single ? cls : qpdf_oh_get_array_item(p->q, cls, i);
        if (it && qpdf_oh_is_name(p->q, it)) {
            char name[128];
            snprintf(name, sizeof name, "%s", qpdf_oh_get_name(p->q, it));
            qpdf_oh attrs = pdfq_dict_get(p, c->class_map, name);
            found = attr_has(p, attrs, owner, key);
            pdfq_rel(p, attrs);
        }
        if (!single)
            pdfq_rel(p, it);
    }
    pdfq_rel(p, cls);
    return found;
}

static void check_elem(Check *c, qpdf_oh elem, int depth);

static void check_kids(Check *c, qpdf_oh elem, int depth)
{
    Pdf *p = c->pdf;
    qpdf_oh k = pdfq_dict_get(p, elem, "/K");
    if (pdfq_is_array(p, k)) {
        int n = qpdf_oh_get_array_n_items(p->q, k);
        for (int i = 0; i < n && !c->too_deep; i++) {
            qpdf_oh kid = qpdf_oh_get_array_item(p->q, k, i);
            check_elem(c, kid, depth + 1);
            pdfq_rel(p, kid);
        }
    } else if (k) {
        check_elem(c, k, depth + 1);
    }
    pdfq_rel(p, k);
}

static void check_elem(Check *c, qpdf_oh elem, int depth)
{
    Pdf *p = c->pdf;
    if (depth > MAX_DEPTH) {
        c->too_deep = 1;
        return;
    }
    if (!pdfq_is_dict(p, elem))
        return;
    char type[32];
    pdfq_dict_name_copy(p, elem, "/Type", type, sizeof type);
    if (strcmp(type, "/MCR") == 0 || strcmp(type, "/OBJR") == 0 || !pdfq_dict_has(p, elem, "/S")
        || !pdfq_visit(&c->visited, p->q, elem))
        return;
    char s[128];
    std_type(c, elem, s, sizeof s);
    if (strcmp(s, "/Figure") == 0) {
        c->figures++;
        char *alt = pdfq_dict_text(p, elem, "/Alt");
        char *actual = cocom_pdfmeta_has_words(alt) ? NULL : pdfq_dict_text(p, elem, "/ActualText");
        if (!cocom_pdfmeta_has_words(alt) && !cocom_pdfmeta_has_words(actual) && c->figures_bad++ == 0)
            c->figure_page = elem_page(c, elem, 0);
        free(alt);
        free(actual);
    } else if (strcmp(s, "/TH") == 0) {
        c->table_ths++;
        if (!elem_attr_has(c, elem, "/Table", "/Scope") && c->table_ths_bad++ == 0)
            c->table_th_page = elem_page(c, elem, 0);
    }
    if ((strcmp(s, "/TD") == 0 || strcmp(s, "/TH") == 0) && elem_attr_has(c, elem, "/Table", "/Headers"))
        c->table_headers = 1;
    if (strcmp(s, "/Table") == 0) {
        size_t ths = c->table_ths, bad = c->table_ths_bad, page = c->table_th_page;
        int headers = c->table_headers;
        c->table_ths = c->table_ths_bad = c->table_th_page = 0;
        c->table_headers = 0;
        check_kids(c, elem, depth);
        c->tables++;
        if (c->table_ths == 0 && c->tables_bad++ == 0)
            c->table_page = elem_page(c, elem, 0);
        c->ths += c->table_ths;
        /* 15-003 asks for Scope only of tables not organised with
         * Headers attributes and IDs. */
        if (!c->table_headers && c->table_ths_bad) {
            if (c->ths_bad == 0)
                c->th_page = c->table_th_page;
            c->ths_bad += c->table_ths_bad;
        }
        c->table_ths = ths;
        c->table_ths_bad = bad;
        c->table_th_page = page;
        c->table_headers = headers;
        return;
    }
    check_kids(c, elem, depth);
}


/* --- text outside marked content --- */

typedef struct {
    Check *c;
    qpdf_oh resources;
    unsigned char *stack;       /* 1 for each open sequence that tags: an artifact, or one with an MCID */
    size_t depth, cap;
    size_t tagging;             /* how many of them tag */
    size_t untagged;            /* text operators outside */
    int level;                  /* form XObject nesting */
} Scan;

static size_t scan_content(Check *c, const unsigned char *buf, size_t len, qpdf_oh resources, int level);

/* resources[category][the name token at s] ("/XObject", "/Fm1"), or 0. */
static qpdf_oh named_resource(Pdf *p, qpdf_oh resources, const char *category, const unsigned char *s,
                              const CocomPdfTok *name)
{
    char key[256];
    size_t n = name->end - name->start;
    if (n >= sizeof key)
        return 0;
    memcpy(key, s + name->start, n);
    key[n] = '\0';
    qpdf_oh all = pdfq_dict_get(p, resources, category);
    qpdf_oh one = pdfq_dict_get(p, all, key);
    pdfq_rel(p, all);
    return one;
}

/* Text drawn by a form XObject (name in the resources) invoked outside
 * marked content. */
static size_t form_untagged(Scan *sc, const unsigned char *s, const CocomPdfTok *name)
{
    Check *c = sc->c;
    Pdf *p = c->pdf;
    if (sc->level >= 16 || name->kind != COCOM_TK_NAME)
        return 0;
    qpdf_oh form = named_resource(p, sc->resources, "/XObject", s, name);
    size_t count = 0;
    int id = form ? qpdf_oh_get_object_id(p->q, form) : 0;
    char k[16];
    intptr_t cached;
    snprintf(k, sizeof k, "%d", id);
    if (pdfq_is_stream(p, form) && pdfq_dict_name_is(p, form, "/Subtype", "/Form") && !pdfq_set_has(&c->form_path, id)) {
        if (id > 0 && cocom_map_get(&c->form_untagged, k, &cached)) {
            count = (size_t)cached;
        } else {
            unsigned char *buf = NULL;
            size_t len = 0;
            QPDF_BOOL filtered = QPDF_FALSE;
            QPDF_ERROR_CODE rc = qpdf_oh_get_stream_data(p->q, form, qpdf_dl_generalized, &filtered, &buf, &len);
            if (!(rc & QPDF_ERRORS) && !pdfq_failed(p) && filtered) {
                qpdf_oh res = pdfq_dict_get(p, form, "/Resources");
                if (id > 0)
                    pdfq_set_add(&c->form_path, id);
                count = scan_content(c, buf, len, res ? res : sc->resources, sc->level + 1);
                if (id > 0) {
                    pdfq_set_remove(&c->form_path, id);
                    cocom_map_set(&c->form_untagged, k, (intptr_t)count);
                }
                pdfq_rel(p, res);
            }
            free(buf);
        }
    }
    pdfq_rel(p, form);
    return count;
}

/* Does a BDC's property list (inline, or named in /Properties) hold an MCID? */
static int properties_have_mcid(Scan *sc, const unsigned char *s, const CocomPdfTok *props)
{
    if (props->kind == COCOM_TK_COMPOSITE)
        return cocom_pdfcontent_mcid(s, props) >= 0;
    if (props->kind != COCOM_TK_NAME)
        return 0;
    Pdf *p = sc->c->pdf;
    qpdf_oh one = named_resource(p, sc->resources, "/Properties", s, props);
    int has = pdfq_dict_has(p, one, "/MCID");
    pdfq_rel(p, one);
    return has;
}

static void scan_op(void *user, const unsigned char *s, const CocomPdfTok *op, const CocomPdfTok *ops, int n)
{
    Scan *sc = user;
    int push = -1;
    if (cocom_pdfcontent_tok_is(s, op, "BMC"))
        push = n >= 1 && cocom_pdfcontent_name_is(s, &ops[0], "Artifact");
    else if (cocom_pdfcontent_tok_is(s, op, "BDC"))
        push = n >= 2 && (cocom_pdfcontent_name_is(s, &ops[0], "Artifact") || properties_have_mcid(sc, s, &ops[1]));
    else if (cocom_pdfcontent_tok_is(s, op, "EMC")) {
        if (sc->depth > 0 && sc->stack[--sc->depth])
            sc->tagging--;
    } else if (sc->tagging == 0) {
        if (cocom_pdfcontent_tok_is(s, op, "Tj") || cocom_pdfcontent_tok_is(s, op, "TJ")
            || cocom_pdfcontent_tok_is(s, op, "'") || cocom_pdfcontent_tok_is(s, op, "\""))
            sc->untagged++;
        else if (cocom_pdfcontent_tok_is(s, op, "Do") && n >= 1)
            sc->untagged += form_untagged(sc, s, &ops[n - 1]);
    }
    if (push >= 0) {
        COCOM_GROW(sc->stack, sc->cap, sc->depth + 1);
        sc->stack[sc->depth++] = (unsigned char)push;
        sc->tagging += (size_t)push;
    }
}

static size_t scan_content(Check *c, const unsigned char *buf, size_t len, qpdf_oh resources, int level)
{
    Scan sc = {c, resources, NULL, 0, 0, 0, 0, level};
    cocom_pdfcontent_walk(buf, len, scan_op, &sc);
    free(sc.stack);
    return sc.untagged;
}

/* --- fonts --- */

typedef struct {
    IdSet seen;
    CocomBuf not_embedded, no_unicode;
    size_t n_not_embedded, n_no_unicode;
} Fonts;

static void font_list_add(CocomBuf *b, size_t *count, const char *name)
{
    if (++*count <= 3) {
        if (b->len)
            cocom_buf_puts(b, ", ");
        cocom_buf_puts(b, name[0] == '/' ? name + 1 : name);
    }
}

static int has_font_file(Pdf *p, qpdf_oh font)
{
    qpdf_oh fd = pdfq_dict_get(p, font, "/FontDescriptor");
    int r = pdfq_dict_has(p, fd, "/FontFile") || pdfq_dict_has(p, fd, "/FontFile2") || pdfq_dict_has(p, fd, "/FontFile3");
    pdfq_rel(p, fd);
    return r;
}

static void check_font(Check *c, Fonts *f, qpdf_oh font)
{
    Pdf *p = c->pdf;
    if (!pdfq_is_dict(p, font) || !pdfq_visit(&f->seen, p->q, font))
        return;
    char sub[32], name[128];
    pdfq_dict_name_copy(p, font, "/Subtype", sub, sizeof sub);
    pdfq_dict_name_copy(p, font, "/BaseFont", name, sizeof name);
    if (!name[0])
        snprintf(name, sizeof name, "%s font", sub[0] ? sub + 1 : "unnamed");
    int embedded = 1, unicode_ok = pdfq_dict_has(p, font, "/ToUnicode");
    if (strcmp(sub, "/Type3") == 0) {
        embedded = 1;   /* its glyphs are content streams in the file */
    } else if (strcmp(sub, "/Type0") == 0) {
        qpdf_oh df = pdfq_dict_get(p, font, "/DescendantFonts");
        qpdf_oh cid = pdfq_array_len(p, df) > 0 ? qpdf_oh_get_array_item(p->q, df, 0) : 0;
        embedded = pdfq_is_dict(p, cid) && has_font_file(p, cid);
        if (!unicode_ok && pdfq_is_dict(p, cid)) {
            /* 31-027: the four Adobe character collections map by themselves. */
            qpdf_oh info = pdfq_dict_get(p, cid, "/CIDSystemInfo");
            char *reg = pdfq_dict_text(p, info, "/Registry"), *ord = pdfq_dict_text(p, info, "/Ordering");
            unicode_ok = reg && ord && strcmp(reg, "Adobe") == 0
                && (strcmp(ord, "GB1") == 0 || strcmp(ord, "CNS1") == 0 || strcmp(ord, "Japan1") == 0
                    || strcmp(ord, "Korea1") == 0);
            free(reg);
            free(ord);
            pdfq_rel(p, info);
        }
        pdfq_rel(p, cid);
        pdfq_rel(p, df);
    } else {
        embedded = has_font_file(p, font);
        if (!unicode_ok)
            unicode_ok = pdfq_dict_name_is(p, font, "/Encoding", "/WinAnsiEncoding")
                || pdfq_dict_name_is(p, font, "/Encoding", "/MacRomanEncoding")
                || pdfq_dict_name_is(p, font, "/Encoding", "/MacExpertEncoding");
    }
    if (!embedded)
        font_list_add(&f->not_embedded, &f->n_not_embedded, name);
    if (!unicode_ok)
        font_list_add(&f->no_unicode, &f->n_no_unicode, name);
}

/* The fonts of a resource dictionary and of the form XObjects it holds. */
static void check_resources(Check *c, Fonts *f, qpdf_oh res, IdSet *seen_res, int depth)
{
    Pdf *p = c->pdf;
    if (depth > 16 || !pdfq_is_dict(p, res) || !pdfq_visit(seen_res, p->q, res))
        return;
    size_t n;
    qpdf_oh fonts = pdfq_dict_get(p, res, "/Font");
    qpdf_oh *font = pdfq_dict_values(p, fonts, &n);
    for (size_t i = 0; i < n; i++) {
        check_font(c, f, font[i]);
        pdfq_rel(p, font[i]);
    }
    free(font);
    pdfq_rel(p, fonts);
    qpdf_oh xobjects = pdfq_dict_get(p, res, "/XObject");
    qpdf_oh *x = pdfq_dict_values(p, xobjects, &n);
    for (size_t i = 0; i < n; i++) {
        if (pdfq_is_stream(p, x[i]) && pdfq_dict_name_is(p, x[i], "/Subtype", "/Form")) {
            qpdf_oh xres = pdfq_dict_get(p, x[i], "/Resources");
            check_resources(c, f, xres, seen_res, depth + 1);
            pdfq_rel(p, xres);
        }
        pdfq_rel(p, x[i]);
    }
    free(x);
    pdfq_rel(p, xobjects);
}

/* --- XMP --- */

/* 0: fine; 1: no metadata stream or not XML; 2: no dc:title; with
 * *uaid set to whether pdfuaid:part is 1. */
static int check_xmp(Check *c, qpdf_oh root, int *uaid)
{
    Pdf *p = c->pdf;
    *uaid = 0;
    qpdf_oh meta = pdfq_dict_get(p, root, "/Metadata");
    if (!pdfq_is_stream(p, meta)) {
        pdfq_rel(p, meta);
        return 1;
    }
    unsigned char *buf = NULL;
    size_t len = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    QPDF_ERROR_CODE rc = qpdf_oh_get_stream_data(p->q, meta, qpdf_dl_generalized, &filtered, &buf, &len);
    pdfq_rel(p, meta);
    if ((rc & QPDF_ERRORS) || pdfq_failed(p) || !filtered || !buf || len > INT32_MAX) {
        free(buf);
        return 1;
    }
    cocom_xml_init();
    xmlDocPtr doc = xmlReadMemory((const char *)buf, (int)len, "xmp.xml", NULL,
                                  cocom_load_options() | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(buf);
    /* A packet never has a DOCTYPE; refusing one keeps entities out. */
    if (!doc || doc->intSubset) {
        xmlFreeDoc(doc);
        return 1;
    }
    int result = 2;
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    if (xp) {
        xmlXPathRegisterNs(xp, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
        xmlXPathRegisterNs(xp, BAD_CAST "pdfuaid", BAD_CAST "http://www.aiim.org/pdfua/ns/id/");
        xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "normalize-space(string(//dc:title))", xp);
        if (o && o->type == XPATH_STRING && o->stringval && o->stringval[0])
            result = 0;
        xmlXPathFreeObject(o);
        o = xmlXPathEvalExpression(BAD_CAST "normalize-space(string((//pdfuaid:part | //@pdfuaid:part)[1]))", xp);
        *uaid = o && o->type == XPATH_STRING && o->stringval && strcmp((const char *)o->stringval, "1") == 0;
        xmlXPathFreeObject(o);
        xmlXPathFreeContext(xp);
    }
    xmlFreeDoc(doc);
    return result;
}

/* --- the whole file --- */

#define FINDING(id, source, ...) \
    do { \
        p->findings++; \
        cocom_report_rule(p->ctx, p->finding_severity, p->path, 0, id, source, __VA_ARGS__); \
    } while (0)

static void plural_pages(char *buf, size_t n, size_t count, size_t first)
{
    if (count == 1)
        snprintf(buf, n, "page %zu", first);
    else
        snprintf(buf, n, "%zu pages, the first page %zu", count, first);
}

static void check_pages(Check *c, size_t npages)
{
    Pdf *p = c->pdf;
    size_t untagged_pages = 0, untagged_first = 0, untagged_ops = 0;
    size_t no_tabs = 0, no_tabs_first = 0, bad_tabs = 0, bad_tabs_first = 0;
    size_t links = 0, no_contents = 0, no_contents_first = 0, untagged_links = 0, untagged_links_first = 0;
    Fonts f;
    memset(&f, 0, sizeof f);
    IdSet seen_res = {0};
    qpdf_oh root = qpdf_get_root(p->q);
    qpdf_oh str = pdfq_dict_get(p, root, "/StructTreeRoot");
    qpdf_oh parent_tree = pdfq_dict_get(p, str, "/ParentTree");
    for (size_t i = 0; i < npages && !p->failed; i++) {
        qpdf_oh page = qpdf_get_page_n(p->q, i);
        if (pdfq_failed(p))
            break;
        /* Tabs */
        qpdf_oh tabs = pdfq_dict_get(p, page, "/Tabs");
        if (!tabs) {
            if (no_tabs++ == 0)
                no_tabs_first = i + 1;
        } else if (!pdfq_name_is(p, tabs, "/S") && bad_tabs++ == 0) {
            bad_tabs_first = i + 1;
        }
        pdfq_rel(p, tabs);
        /* Text outside marked content */
        qpdf_oh res = pdfq_inherited(p, page, "/Resources");
        unsigned char *buf = NULL;
        size_t len = 0;
        if (!(qpdf_oh_get_page_content_data(p->q, page, &buf, &len) & QPDF_ERRORS) && !pdfq_failed(p) && buf) {
            size_t n = scan_content(c, buf, len, res, 0);
            if (n) {
                untagged_ops += n;
                if (untagged_pages++ == 0)
                    untagged_first = i + 1;
            }
        }
        free(buf);
        /* Fonts */
        check_resources(c, &f, res, &seen_res, 0);
        pdfq_rel(p, res);
        /* Links */
        qpdf_oh annots = pdfq_dict_get(p, page, "/Annots");
        for (int j = 0, n = pdfq_array_len(p, annots); j < n; j++) {
            qpdf_oh a = qpdf_oh_get_array_item(p->q, annots, j);
            if (pdfq_is_dict(p, a) && pdfq_dict_name_is(p, a, "/Subtype", "/Link")) {
                links++;
                char *contents = pdfq_dict_text(p, a, "/Contents");
                if (!cocom_pdfmeta_has_words(contents) && no_contents++ == 0)
                    no_contents_first = i + 1;
                free(contents);
                long long sp;
                int tagged = 0;
                if (pdfq_dict_int(p, a, "/StructParent", &sp)) {
                    qpdf_oh e = pdfq_numtree_get(p, parent_tree, sp, 0);
                    if (pdfq_is_dict(p, e)) {
                        char t[128];
                        std_type(c, e, t, sizeof t);
                        tagged = strcmp(t, "/Link") == 0;
                    }
                    pdfq_rel(p, e);
                }
                if (!tagged && untagged_links++ == 0)
                    untagged_links_first = i + 1;
            }
            pdfq_rel(p, a);
        }
        pdfq_rel(p, annots);
        pdfq_rel(p, page);
    }
    pdfq_rel(p, parent_tree);
    pdfq_rel(p, str);
    pdfq_rel(p, root);
    pdfq_set_free(&seen_res);
    if (p->failed) {
        cocom_buf_free(&f.not_embedded);
        cocom_buf_free(&f.no_unicode);
        pdfq_set_free(&f.seen);
        return;
    }
    char where[96];
    if (untagged_pages) {
        plural_pages(where, sizeof where, untagged_pages, untagged_first);
        FINDING("PDFUA-UNTAGGED-TEXT", "Matterhorn 01-005",
                "text outside marked content, neither tagged nor an artifact (%zu text operator%s, on %s)",
                untagged_ops, untagged_ops == 1 ? "" : "s", where);
    }
    if (c->figures_bad)
        FINDING("PDFUA-FIGURE-ALT", "Matterhorn 13-004",
                "%zu of %zu Figure elements %s no alternative text (/Alt), the first on page %zu", c->figures_bad,
                c->figures, c->figures_bad == 1 ? "has" : "have", c->figure_page);
    if (c->tables_bad)
        FINDING("PDFUA-TABLE-HEADERS", "ISO 14289-1 7.5",
                "%zu of %zu tables %s no header cells (TH), the first on page %zu", c->tables_bad, c->tables,
                c->tables_bad == 1 ? "has" : "have", c->table_page);
    if (c->ths_bad)
        FINDING("PDFUA-TH-SCOPE", "Matterhorn 15-003",
                "%zu of %zu header cells (TH) %s no /Scope attribute, the first on page %zu", c->ths_bad, c->ths,
                c->ths_bad == 1 ? "has" : "have", c->th_page);
    if (no_contents)
        FINDING("PDFUA-LINK-CONTENTS", "Matterhorn 28-012",
                "%zu of %zu links %s no description (/Contents), the first on page %zu", no_contents, links,
                no_contents == 1 ? "has" : "have", no_contents_first);
    if (untagged_links)
        FINDING("PDFUA-LINK-TAGGED", "Matterhorn 28-011",
                "%zu of %zu links %s not in a Link structure element, the first on page %zu", untagged_links, links,
                untagged_links == 1 ? "is" : "are", untagged_links_first);
    if (f.n_not_embedded)
        FINDING("PDFUA-FONT-EMBEDDED", "Matterhorn 31-009", "%zu font%s not embedded: %s%s", f.n_not_embedded,
                f.n_not_embedded == 1 ? " is" : "s are", f.not_embedded.data,
                f.n_not_embedded > 3 ? ", ..." : "");
    if (f.n_no_unicode)
        FINDING("PDFUA-TOUNICODE", "Matterhorn 31-027",
                "%zu font%s no map to Unicode (/ToUnicode): %s%s", f.n_no_unicode,
                f.n_no_unicode == 1 ? " has" : "s have", f.no_unicode.data, f.n_no_unicode > 3 ? ", ..." : "");
    if (no_tabs) {
        plural_pages(where, sizeof where, no_tabs, no_tabs_first);
        FINDING("PDFUA-TABS", "Matterhorn 28-008", "no tab order (/Tabs /S) on %s", where);
    }
    if (bad_tabs) {
        plural_pages(where, sizeof where, bad_tabs, bad_tabs_first);
        FINDING("PDFUA-TABS", "Matterhorn 28-009", "a tab order other than the structure order (/Tabs /S) on %s",
                where);
    }
    cocom_buf_free(&f.not_embedded);
    cocom_buf_free(&f.no_unicode);
    pdfq_set_free(&f.seen);
}

CocomStatus cocom_pdfcheck(CocomContext *ctx, const char *path)
{
    return cocom_pdfcheck_as(ctx, path, COCOM_SEVERITY_ERROR);
}

CocomStatus cocom_pdfcheck_as(CocomContext *ctx, const char *path, CocomSeverity severity)
{
    Pdf pdf;
    Pdf *p = &pdf;
    CocomStatus st = pdfq_open(p, ctx, path);
    p->finding_severity = severity;
    if (st != COCOM_STATUS_OK) {
        pdfq_close(p);
        return COCOM_STATUS_IO;
    }
    unsigned errors_before = ctx->errors;
    Check c;
    memset(&c, 0, sizeof c);
    c.pdf = p;
    int npages = qpdf_get_num_pages(p->q);
    qpdf_oh root = qpdf_get_root(p->q);
    if (npages < 0 || pdfq_failed(p) || !pdfq_is_dict(p, root)) {
        if (!p->failed)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "this is not a readable PDF: it has no document catalog");
        pdfq_rel(p, root);
        pdfq_warnings(p);
        pdfq_close(p);
        return COCOM_STATUS_IO;
    }
    for (int i = 0; i < npages; i++) {
        qpdf_oh page = qpdf_get_page_n(p->q, (size_t)i);
        char k[16];
        snprintf(k, sizeof k, "%d", qpdf_oh_get_object_id(p->q, page));
        cocom_map_set(&c.page_by_objid, k, i);
        pdfq_rel(p, page);
    }

    /* The catalog */
    char *lang = pdfq_dict_text(p, root, "/Lang");
    if (!cocom_pdfmeta_has_words(lang))
        FINDING("PDFUA-LANG", "Matterhorn 11-001", "the document's natural language is not set (/Lang in the catalog)");
    free(lang);

    qpdf_oh trailer = qpdf_get_trailer(p->q);
    qpdf_oh info = pdfq_dict_get(p, trailer, "/Info");
    char *title = pdfq_dict_text(p, info, "/Title");
    if (!cocom_pdfmeta_has_words(title))
        FINDING("PDFUA-TITLE", "ISO 14289-1 7.1", "the document has no title (/Title in the document information)");
    free(title);
    pdfq_rel(p, info);
    pdfq_rel(p, trailer);

    qpdf_oh vp = pdfq_dict_get(p, root, "/ViewerPreferences");
    int ddt = 0;
    if (!pdfq_dict_bool(p, vp, "/DisplayDocTitle", &ddt))
        FINDING("PDFUA-DISPLAYDOCTITLE", "Matterhorn 07-001",
                "viewers are not told to show the title (no /DisplayDocTitle in /ViewerPreferences)");
    else if (!ddt)
        FINDING("PDFUA-DISPLAYDOCTITLE", "Matterhorn 07-002",
                "viewers are told to show the file name, not the title (/DisplayDocTitle false)");
    pdfq_rel(p, vp);

    qpdf_oh mi = pdfq_dict_get(p, root, "/MarkInfo");
    int marked = 0, suspects = 0;
    pdfq_dict_bool(p, mi, "/Marked", &marked);
    pdfq_dict_bool(p, mi, "/Suspects", &suspects);
    pdfq_rel(p, mi);
    qpdf_oh str = pdfq_dict_get(p, root, "/StructTreeRoot");
    if (!marked)
        FINDING("PDFUA-MARKED", "ISO 14289-1 7.1", "the PDF is not marked as tagged (/MarkInfo /Marked true)");
    if (!pdfq_is_dict(p, str))
        FINDING("PDFUA-MARKED", "ISO 14289-1 7.1", "the PDF has no structure tree (/StructTreeRoot)");
    if (suspects)
        FINDING("PDFUA-MARKED", "Matterhorn 01-007", "the PDF says its tags may be wrong (/Suspects true)");

    /* The structure tree */
    if (pdfq_is_dict(p, str)) {
        c.role_map = pdfq_dict_get(p, str, "/RoleMap");
        c.class_map = pdfq_dict_get(p, str, "/ClassMap");
        pdfq_visit(&c.visited, p->q, str);
        check_kids(&c, str, 0);
        if (c.too_deep)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "the structure tree is nested more than %d deep",
                         MAX_DEPTH);
    }
    pdfq_rel(p, str);

    /* The pages */
    if (!pdfq_failed(p))
        check_pages(&c, (size_t)npages);

    /* XMP */
    if (!p->failed) {
        int uaid = 0;
        int xmp = check_xmp(&c, root, &uaid);
        if (xmp == 1)
            FINDING("PDFUA-XMP-TITLE", "Matterhorn 06-001",
                    "the PDF has no XMP metadata (or it is not well-formed XML)");
        else if (xmp == 2)
            FINDING("PDFUA-XMP-TITLE", "Matterhorn 06-003", "the XMP metadata has no title (dc:title)");
        if (xmp != 1 && !uaid)
            FINDING("PDFUA-XMP-ID", "Matterhorn 06-002",
                    "the XMP metadata does not claim PDF/UA (pdfuaid:part 1)");
    }
    pdfq_failed(p);
    pdfq_rel(p, root);
    pdfq_rel(p, c.role_map);
    pdfq_rel(p, c.class_map);
    pdfq_warnings(p);
    cocom_map_clear(&c.page_by_objid);
    pdfq_set_free(&c.visited);
    cocom_map_clear(&c.form_untagged);
    pdfq_set_free(&c.form_path);
    int failed = p->failed;
    pdfq_close(p);
    if (failed)
        return COCOM_STATUS_IO;
    return ctx->errors > errors_before || p->findings ? COCOM_STATUS_INVALID : COCOM_STATUS_OK;
}

