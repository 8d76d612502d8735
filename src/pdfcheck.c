/* pdfcheck.c — cocom_pdfcheck (pdfpost.h): the PDF/UA self-check.
 *
 * It reads PDFs from anywhere, so it reads them with libqpdf's C API, a
 * hardened, well-kept parser, opened when first needed (qpdf-load.h); the
 * post-pass itself streams over cocom's own output (pdfstream.c).  qpdf is C++; its C API turns exceptions into an error
 * kept on the qpdf_data, so every call that can fail is followed by a look
 * at qpdf_has_error() (pdf_failed below).  Accessors are only used on
 * objects of the right type (qpdf warns, and returns null, otherwise), and
 * every walk of the file's own structure — structure tree, number trees,
 * form XObjects — has a depth bound and a visited set, since a damaged or
 * hostile file can make them loop.
 *
 * Page content is read with pdfcontent.h's lexer, not a regular
 * expression: a string shown on the page or the bytes of an inline image
 * may well contain "BT (Tj) ET".
 */
#include "config.h"
#include "pdfpost.h"
#include "load.h"
#include "pdfcontent.h"
#include "pdfmeta.h"

#include "qpdf-load.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Nesting deeper than this (structure tree, number tree, form XObjects
 * inside form XObjects) is treated as damage. */
#define MAX_DEPTH 256
/* qpdf warnings reported per file; the rest are counted. */
#define MAX_WARNINGS 10

/* ------------------------------------------------------------------ */
/* A qpdf session                                                       */

typedef struct {
    CocomContext *ctx;
    const char *path;       /* for messages */
    qpdf_data q;
    int failed;             /* an error from qpdf was reported */
    CocomSeverity finding_severity;  /* pdfcheck: how its findings are reported */
    unsigned findings;      /* pdfcheck: how many */
} Pdf;

/* Reports the error qpdf holds, if any (only the first of a session: later
 * ones are usually its consequences).  Returns 1 when there was one. */
static int pdf_failed(Pdf *p)
{
    if (!qpdf_has_error(p->q))
        return 0;
    qpdf_error e = qpdf_get_error(p->q);
    if (!p->failed && e) {
        const char *detail = qpdf_get_error_message_detail(p->q, e);
        unsigned long long at = qpdf_get_error_file_position(p->q, e);
        if (at)
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->path, 0, "the PDF is damaged: %s (at byte %llu)",
                         detail && *detail ? detail : "unknown error", at);
        else
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->path, 0, "the PDF is damaged: %s",
                         detail && *detail ? detail : "unknown error");
    }
    p->failed = 1;
    return 1;
}

/* Reports qpdf's warnings (damage it worked around) as warnings. */
static void pdf_warnings(Pdf *p)
{
    int n = 0;
    while (qpdf_more_warnings(p->q)) {
        qpdf_error w = qpdf_next_warning(p->q);
        if (!w)
            break;
        if (++n <= MAX_WARNINGS) {
            const char *detail = qpdf_get_error_message_detail(p->q, w);
            cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->path, 0, "the PDF is damaged: %s",
                         detail && *detail ? detail : "unknown problem");
        }
    }
    if (n > MAX_WARNINGS)
        cocom_report(p->ctx, COCOM_SEVERITY_WARNING, p->path, 0, "%d more problems of the PDF not shown",
                     n - MAX_WARNINGS);
}

/* Opens path.  Returns OK, or IO (cannot open the file) or INVALID (not a
 * PDF qpdf can read without reconstructing it), the reason reported. */
static CocomStatus pdf_open(Pdf *p, CocomContext *ctx, const char *path)
{
    memset(p, 0, sizeof *p);
    p->ctx = ctx;
    p->path = path;
    struct stat st;
    int err = stat(path, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    if (err) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot read the file: %s", cocom_load_errno_text(err));
        return COCOM_STATUS_IO;
    }
    const char *why = NULL;
    if (!cocom_qpdf_load(&why)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                     "cannot read the PDF's structure: libqpdf could not be loaded (%s); "
                     "install the package that provides " COCOM_QPDF_SONAME, why);
        return COCOM_STATUS_IO;
    }
    p->q = qpdf_init();
    qpdf_silence_errors(p->q);
    qpdf_set_suppress_warnings(p->q, QPDF_TRUE);
    /* Cairo's output never needs its cross-reference table rebuilt: a
     * file that does is damaged, and must not pass as if it were not. */
    qpdf_set_attempt_recovery(p->q, QPDF_FALSE);
    if (qpdf_read(p->q, path, NULL) & QPDF_ERRORS) {
        qpdf_error e = qpdf_get_error(p->q);
        int system = e && qpdf_get_error_code(p->q, e) == qpdf_e_system;
        const char *detail = e ? qpdf_get_error_message_detail(p->q, e) : NULL;
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "%s: %s",
                     system ? "cannot read the file" : "this is not a readable PDF",
                     detail && *detail ? detail : "unknown error");
        p->failed = 1;
        return system ? COCOM_STATUS_IO : COCOM_STATUS_INVALID;
    }
    if (qpdf_is_encrypted(p->q)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "the PDF is encrypted, which cocom does not handle");
        p->failed = 1;
        return COCOM_STATUS_INVALID;
    }
    return COCOM_STATUS_OK;
}

static void pdf_close(Pdf *p)
{
    if (p->q)
        qpdf_cleanup(&p->q);
}

/* Small typed accessors: each checks the type first, so qpdf never has a
 * reason to warn.  qpdf keeps every handle it gives out until it is
 * released, so the helpers release what they make, and callers release
 * what dict_get returns (rel), or a long document would hold millions. */
static void rel(Pdf *p, qpdf_oh h)
{
    if (h)
        qpdf_oh_release(p->q, h);
}

/* d[key] (d a dictionary, or a stream for its dictionary) as a new handle,
 * or 0 when missing or null. */
static qpdf_oh dict_get(Pdf *p, qpdf_oh d, const char *key)
{
    if (!d)
        return 0;
    /* Each call into qpdf costs: a struct tree has tens of thousands of
     * elements, so the common case (a dictionary) takes three calls; a
     * missing key comes back as null, without a warning. */
    qpdf_oh sd = 0;
    if (!qpdf_oh_is_dictionary(p->q, d)) {
        if (!qpdf_oh_is_stream(p->q, d))
            return 0;
        d = sd = qpdf_oh_get_dict(p->q, d);
    }
    qpdf_oh v = qpdf_oh_get_key(p->q, d, key);
    if (qpdf_oh_is_null(p->q, v)) {
        rel(p, v);
        v = 0;
    }
    rel(p, sd);
    return v;
}

static int is_dict(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_dictionary(p->q, h); }
static int is_array(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_array(p->q, h); }
static int is_stream(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_stream(p->q, h); }
static int is_int(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_integer(p->q, h); }

static int name_is(Pdf *p, qpdf_oh h, const char *name)
{
    return h && qpdf_oh_is_name_and_equals(p->q, h, name);
}

static int dict_has(Pdf *p, qpdf_oh d, const char *key)
{
    qpdf_oh v = dict_get(p, d, key);
    rel(p, v);
    return v != 0;
}

static int dict_name_is(Pdf *p, qpdf_oh d, const char *key, const char *name)
{
    qpdf_oh v = dict_get(p, d, key);
    int r = name_is(p, v, name);
    rel(p, v);
    return r;
}

/* The name d[key] ("/P") into buf, or "". */
static void dict_name_copy(Pdf *p, qpdf_oh d, const char *key, char *buf, size_t n)
{
    qpdf_oh v = dict_get(p, d, key);
    buf[0] = '\0';
    if (v && qpdf_oh_is_name(p->q, v))
        snprintf(buf, n, "%s", qpdf_oh_get_name(p->q, v));
    rel(p, v);
}

static int dict_int(Pdf *p, qpdf_oh d, const char *key, long long *out)
{
    qpdf_oh v = dict_get(p, d, key);
    int ok = is_int(p, v);
    if (ok)
        *out = qpdf_oh_get_int_value(p->q, v);
    rel(p, v);
    return ok;
}

static int dict_bool(Pdf *p, qpdf_oh d, const char *key, int *out)
{
    qpdf_oh v = dict_get(p, d, key);
    int ok = v && qpdf_oh_is_bool(p->q, v);
    if (ok)
        *out = qpdf_oh_get_bool_value(p->q, v);
    rel(p, v);
    return ok;
}

/* d[key] as a UTF-8 text string the caller frees, or NULL. */
static char *dict_text(Pdf *p, qpdf_oh d, const char *key)
{
    qpdf_oh v = dict_get(p, d, key);
    char *r = NULL;
    if (v && qpdf_oh_is_string(p->q, v)) {
        size_t n = 0;
        const char *s = qpdf_oh_get_binary_utf8_value(p->q, v, &n);
        r = s ? cocom_xstrndup(s, n) : NULL;
    }
    rel(p, v);
    return r;
}

static int array_len(Pdf *p, qpdf_oh a)
{
    return is_array(p, a) ? qpdf_oh_get_array_n_items(p->q, a) : 0;
}

/* A set of object numbers.  In any real file they are small and dense (one
 * cross-reference entry each), so a bit each, up to IDSET_BITS (512 KiB of
 * bits at most); the larger numbers a damaged or hostile file may use go
 * into a map, so that they cannot make the bits huge.  (This was a map of
 * decimal strings throughout: a snprintf and a hash for every one of the
 * tens of thousands of structure elements a long document has.) */
#define IDSET_BITS (1 << 22)

typedef struct {
    uint64_t *bits;
    size_t nwords;
    size_t count;
    CocomMap big;       /* numbers from IDSET_BITS up: 1 in the set, 0 taken out */
} IdSet;

static void big_key(char k[16], int objid)
{
    snprintf(k, 16, "%d", objid);
}

static int set_has(const IdSet *s, int objid)
{
    if (objid <= 0)
        return 0;
    if (objid < IDSET_BITS) {
        size_t w = (size_t)objid / 64;
        return w < s->nwords && (s->bits[w] >> (objid % 64) & 1);
    }
    char k[16];
    intptr_t v = 0;
    big_key(k, objid);
    return cocom_map_get(&s->big, k, &v) && v;
}

static void set_add(IdSet *s, int objid)
{
    if (objid <= 0 || set_has(s, objid))
        return;
    s->count++;
    if (objid >= IDSET_BITS) {
        char k[16];
        big_key(k, objid);
        cocom_map_set(&s->big, k, 1);
        return;
    }
    size_t w = (size_t)objid / 64;
    if (w >= s->nwords) {
        size_t n = s->nwords ? s->nwords : 64;
        while (n <= w)
            n *= 2;
        s->bits = cocom_xrealloc(s->bits, n * sizeof *s->bits);
        memset(s->bits + s->nwords, 0, (n - s->nwords) * sizeof *s->bits);
        s->nwords = n;
    }
    s->bits[w] |= (uint64_t)1 << (objid % 64);
}

static void set_remove(IdSet *s, int objid)
{
    if (!set_has(s, objid))
        return;
    s->count--;
    if (objid < IDSET_BITS) {
        s->bits[(size_t)objid / 64] &= ~((uint64_t)1 << (objid % 64));
    } else {
        char k[16];
        big_key(k, objid);
        cocom_map_set(&s->big, k, 0);
    }
}

static void set_free(IdSet *s)
{
    free(s->bits);
    cocom_map_clear(&s->big);
    memset(s, 0, sizeof *s);
}

/* Adds objid to the visited set; returns 0 when it was already there
 * (direct objects, objid 0, are never "already visited"). */
static int visit(IdSet *s, qpdf_data q, qpdf_oh h)
{
    int id = qpdf_oh_get_object_id(q, h);
    if (id <= 0)
        return 1;
    if (set_has(s, id))
        return 0;
    set_add(s, id);
    return 1;
}

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
    dict_name_copy(p, elem, "/S", buf, n);
    for (int i = 0; i < 16 && c->role_map && buf[0]; i++) {
        char next[128];
        dict_name_copy(p, c->role_map, buf, next, sizeof next);
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
    qpdf_oh pg = dict_get(p, elem, "/Pg");
    size_t n = page_number(c, pg);
    rel(p, pg);
    if (n || depth > 8)
        return n;
    qpdf_oh k = dict_get(p, elem, "/K");
    for (int i = 0, m = array_len(p, k); i < m && !n; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(p->q, k, i);
        if (is_dict(p, kid))
            n = elem_page(c, kid, depth + 1);
        rel(p, kid);
    }
    if (is_dict(p, k))
        n = elem_page(c, k, depth + 1);
    rel(p, k);
    return n;
}

/* Is there an attribute object owned by `owner` with `key` in a (the /A of
 * an element: a dictionary, or an array of them and revision numbers)? */
static int attr_has(Pdf *p, qpdf_oh a, const char *owner, const char *key)
{
    if (is_dict(p, a))
        return dict_name_is(p, a, "/O", owner) && dict_has(p, a, key);
    int found = 0;
    for (int i = 0, n = array_len(p, a); i < n && !found; i++) {
        qpdf_oh it = qpdf_oh_get_array_item(p->q, a, i);
        found = is_dict(p, it) && attr_has(p, it, owner, key);
        rel(p, it);
    }
    return found;
}

/* Does the element carry the attribute key of owner, directly in /A or
 * through its classes (/C and the class map)? */
static int elem_attr_has(Check *c, qpdf_oh elem, const char *owner, const char *key)
{
    Pdf *p = c->pdf;
    qpdf_oh a = dict_get(p, elem, "/A");
    int found = attr_has(p, a, owner, key);
    rel(p, a);
    if (found || !c->class_map)
        return found;
    qpdf_oh cls = dict_get(p, elem, "/C");
    int single = cls && !is_array(p, cls);
    int n = single ? 1 : array_len(p, cls);
    for (int i = 0; i < n && !found; i++) {
        qpdf_oh it = single ? cls : qpdf_oh_get_array_item(p->q, cls, i);
        if (it && qpdf_oh_is_name(p->q, it)) {
            char name[128];
            snprintf(name, sizeof name, "%s", qpdf_oh_get_name(p->q, it));
            qpdf_oh attrs = dict_get(p, c->class_map, name);
            found = attr_has(p, attrs, owner, key);
            rel(p, attrs);
        }
        if (!single)
            rel(p, it);
    }
    rel(p, cls);
    return found;
}

static void check_elem(Check *c, qpdf_oh elem, int depth);

static void check_kids(Check *c, qpdf_oh elem, int depth)
{
    Pdf *p = c->pdf;
    qpdf_oh k = dict_get(p, elem, "/K");
    if (is_array(p, k)) {
        int n = qpdf_oh_get_array_n_items(p->q, k);
        for (int i = 0; i < n && !c->too_deep; i++) {
            qpdf_oh kid = qpdf_oh_get_array_item(p->q, k, i);
            check_elem(c, kid, depth + 1);
            rel(p, kid);
        }
    } else if (k) {
        check_elem(c, k, depth + 1);
    }
    rel(p, k);
}

static void check_elem(Check *c, qpdf_oh elem, int depth)
{
    Pdf *p = c->pdf;
    if (depth > MAX_DEPTH) {
        c->too_deep = 1;
        return;
    }
    if (!is_dict(p, elem))
        return;
    char type[32];
    dict_name_copy(p, elem, "/Type", type, sizeof type);
    if (strcmp(type, "/MCR") == 0 || strcmp(type, "/OBJR") == 0 || !dict_has(p, elem, "/S")
        || !visit(&c->visited, p->q, elem))
        return;
    char s[128];
    std_type(c, elem, s, sizeof s);
    if (strcmp(s, "/Figure") == 0) {
        c->figures++;
        char *alt = dict_text(p, elem, "/Alt");
        char *actual = cocom_pdfmeta_has_words(alt) ? NULL : dict_text(p, elem, "/ActualText");
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

/* The value under key in a number tree (PDF 32000-1 7.9.7), or 0. */
static qpdf_oh numtree_get(Pdf *p, qpdf_oh node, long long key, int depth)
{
    if (depth > 32 || !is_dict(p, node))
        return 0;
    qpdf_oh found = 0;
    qpdf_oh nums = dict_get(p, node, "/Nums");
    for (int i = 0, n = array_len(p, nums); i + 1 < n && !found; i += 2) {
        qpdf_oh k = qpdf_oh_get_array_item(p->q, nums, i);
        if (is_int(p, k) && qpdf_oh_get_int_value(p->q, k) == key)
            found = qpdf_oh_get_array_item(p->q, nums, i + 1);
        rel(p, k);
    }
    rel(p, nums);
    qpdf_oh kids = dict_get(p, node, "/Kids");
    for (int i = 0, n = array_len(p, kids); i < n && !found; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(p->q, kids, i);
        qpdf_oh limits = dict_get(p, kid, "/Limits");
        int inside = 1;
        if (array_len(p, limits) == 2) {
            qpdf_oh lo = qpdf_oh_get_array_item(p->q, limits, 0), hi = qpdf_oh_get_array_item(p->q, limits, 1);
            if (is_int(p, lo) && is_int(p, hi))
                inside = key >= qpdf_oh_get_int_value(p->q, lo) && key <= qpdf_oh_get_int_value(p->q, hi);
            rel(p, lo);
            rel(p, hi);
        }
        rel(p, limits);
        if (inside)
            found = numtree_get(p, kid, key, depth + 1);
        rel(p, kid);
    }
    rel(p, kids);
    return found;
}

/* An entry of the page or its ancestors in the page tree (Resources). */
static qpdf_oh inherited(Pdf *p, qpdf_oh page, const char *key)
{
    qpdf_oh node = qpdf_oh_new_object(p->q, page);
    for (int i = 0; i < 64 && is_dict(p, node); i++) {
        qpdf_oh v = dict_get(p, node, key);
        if (v) {
            rel(p, node);
            return v;
        }
        qpdf_oh up = dict_get(p, node, "/Parent");
        rel(p, node);
        node = up;
    }
    rel(p, node);
    return 0;
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
    qpdf_oh all = dict_get(p, resources, category);
    qpdf_oh one = dict_get(p, all, key);
    rel(p, all);
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
    if (is_stream(p, form) && dict_name_is(p, form, "/Subtype", "/Form") && !set_has(&c->form_path, id)) {
        if (id > 0 && cocom_map_get(&c->form_untagged, k, &cached)) {
            count = (size_t)cached;
        } else {
            unsigned char *buf = NULL;
            size_t len = 0;
            QPDF_BOOL filtered = QPDF_FALSE;
            QPDF_ERROR_CODE rc = qpdf_oh_get_stream_data(p->q, form, qpdf_dl_generalized, &filtered, &buf, &len);
            if (!(rc & QPDF_ERRORS) && !pdf_failed(p) && filtered) {
                qpdf_oh res = dict_get(p, form, "/Resources");
                if (id > 0)
                    set_add(&c->form_path, id);
                count = scan_content(c, buf, len, res ? res : sc->resources, sc->level + 1);
                if (id > 0) {
                    set_remove(&c->form_path, id);
                    cocom_map_set(&c->form_untagged, k, (intptr_t)count);
                }
                rel(p, res);
            }
            free(buf);
        }
    }
    rel(p, form);
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
    int has = dict_has(p, one, "/MCID");
    rel(p, one);
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
    qpdf_oh fd = dict_get(p, font, "/FontDescriptor");
    int r = dict_has(p, fd, "/FontFile") || dict_has(p, fd, "/FontFile2") || dict_has(p, fd, "/FontFile3");
    rel(p, fd);
    return r;
}

static void check_font(Check *c, Fonts *f, qpdf_oh font)
{
    Pdf *p = c->pdf;
    if (!is_dict(p, font) || !visit(&f->seen, p->q, font))
        return;
    char sub[32], name[128];
    dict_name_copy(p, font, "/Subtype", sub, sizeof sub);
    dict_name_copy(p, font, "/BaseFont", name, sizeof name);
    if (!name[0])
        snprintf(name, sizeof name, "%s font", sub[0] ? sub + 1 : "unnamed");
    int embedded = 1, unicode_ok = dict_has(p, font, "/ToUnicode");
    if (strcmp(sub, "/Type3") == 0) {
        embedded = 1;   /* its glyphs are content streams in the file */
    } else if (strcmp(sub, "/Type0") == 0) {
        qpdf_oh df = dict_get(p, font, "/DescendantFonts");
        qpdf_oh cid = array_len(p, df) > 0 ? qpdf_oh_get_array_item(p->q, df, 0) : 0;
        embedded = is_dict(p, cid) && has_font_file(p, cid);
        if (!unicode_ok && is_dict(p, cid)) {
            /* 31-027: the four Adobe character collections map by themselves. */
            qpdf_oh info = dict_get(p, cid, "/CIDSystemInfo");
            char *reg = dict_text(p, info, "/Registry"), *ord = dict_text(p, info, "/Ordering");
            unicode_ok = reg && ord && strcmp(reg, "Adobe") == 0
                && (strcmp(ord, "GB1") == 0 || strcmp(ord, "CNS1") == 0 || strcmp(ord, "Japan1") == 0
                    || strcmp(ord, "Korea1") == 0);
            free(reg);
            free(ord);
            rel(p, info);
        }
        rel(p, cid);
        rel(p, df);
    } else {
        embedded = has_font_file(p, font);
        if (!unicode_ok)
            unicode_ok = dict_name_is(p, font, "/Encoding", "/WinAnsiEncoding")
                || dict_name_is(p, font, "/Encoding", "/MacRomanEncoding")
                || dict_name_is(p, font, "/Encoding", "/MacExpertEncoding");
    }
    if (!embedded)
        font_list_add(&f->not_embedded, &f->n_not_embedded, name);
    if (!unicode_ok)
        font_list_add(&f->no_unicode, &f->n_no_unicode, name);
}

/* The values of dictionary d, as handles the caller releases (rel), in an
 * array the caller frees; none when d is not a dictionary.  The keys are
 * all read first: qpdf's iterator is one per session, and what the caller
 * does with a value may well iterate. */
static qpdf_oh *dict_values(Pdf *p, qpdf_oh d, size_t *n)
{
    char **keys = NULL;
    size_t cap = 0;
    *n = 0;
    if (!is_dict(p, d))
        return NULL;
    qpdf_oh_begin_dict_key_iter(p->q, d);
    while (qpdf_oh_dict_more_keys(p->q)) {
        COCOM_GROW(keys, cap, *n + 1);
        keys[(*n)++] = cocom_xstrdup(qpdf_oh_dict_next_key(p->q));
    }
    qpdf_oh *values = cocom_xmalloc((*n ? *n : 1) * sizeof *values);
    for (size_t i = 0; i < *n; i++) {
        values[i] = dict_get(p, d, keys[i]);
        free(keys[i]);
    }
    free(keys);
    return values;
}

/* The fonts of a resource dictionary and of the form XObjects it holds. */
static void check_resources(Check *c, Fonts *f, qpdf_oh res, IdSet *seen_res, int depth)
{
    Pdf *p = c->pdf;
    if (depth > 16 || !is_dict(p, res) || !visit(seen_res, p->q, res))
        return;
    size_t n;
    qpdf_oh fonts = dict_get(p, res, "/Font");
    qpdf_oh *font = dict_values(p, fonts, &n);
    for (size_t i = 0; i < n; i++) {
        check_font(c, f, font[i]);
        rel(p, font[i]);
    }
    free(font);
    rel(p, fonts);
    qpdf_oh xobjects = dict_get(p, res, "/XObject");
    qpdf_oh *x = dict_values(p, xobjects, &n);
    for (size_t i = 0; i < n; i++) {
        if (is_stream(p, x[i]) && dict_name_is(p, x[i], "/Subtype", "/Form")) {
            qpdf_oh xres = dict_get(p, x[i], "/Resources");
            check_resources(c, f, xres, seen_res, depth + 1);
            rel(p, xres);
        }
        rel(p, x[i]);
    }
    free(x);
    rel(p, xobjects);
}

/* --- XMP --- */

/* 0: fine; 1: no metadata stream or not XML; 2: no dc:title; with
 * *uaid set to whether pdfuaid:part is 1. */
static int check_xmp(Check *c, qpdf_oh root, int *uaid)
{
    Pdf *p = c->pdf;
    *uaid = 0;
    qpdf_oh meta = dict_get(p, root, "/Metadata");
    if (!is_stream(p, meta)) {
        rel(p, meta);
        return 1;
    }
    unsigned char *buf = NULL;
    size_t len = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    QPDF_ERROR_CODE rc = qpdf_oh_get_stream_data(p->q, meta, qpdf_dl_generalized, &filtered, &buf, &len);
    rel(p, meta);
    if ((rc & QPDF_ERRORS) || pdf_failed(p) || !filtered || !buf || len > INT32_MAX) {
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
    qpdf_oh str = dict_get(p, root, "/StructTreeRoot");
    qpdf_oh parent_tree = dict_get(p, str, "/ParentTree");
    for (size_t i = 0; i < npages && !p->failed; i++) {
        qpdf_oh page = qpdf_get_page_n(p->q, i);
        if (pdf_failed(p))
            break;
        /* Tabs */
        qpdf_oh tabs = dict_get(p, page, "/Tabs");
        if (!tabs) {
            if (no_tabs++ == 0)
                no_tabs_first = i + 1;
        } else if (!name_is(p, tabs, "/S") && bad_tabs++ == 0) {
            bad_tabs_first = i + 1;
        }
        rel(p, tabs);
        /* Text outside marked content */
        qpdf_oh res = inherited(p, page, "/Resources");
        unsigned char *buf = NULL;
        size_t len = 0;
        if (!(qpdf_oh_get_page_content_data(p->q, page, &buf, &len) & QPDF_ERRORS) && !pdf_failed(p) && buf) {
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
        rel(p, res);
        /* Links */
        qpdf_oh annots = dict_get(p, page, "/Annots");
        for (int j = 0, n = array_len(p, annots); j < n; j++) {
            qpdf_oh a = qpdf_oh_get_array_item(p->q, annots, j);
            if (is_dict(p, a) && dict_name_is(p, a, "/Subtype", "/Link")) {
                links++;
                char *contents = dict_text(p, a, "/Contents");
                if (!cocom_pdfmeta_has_words(contents) && no_contents++ == 0)
                    no_contents_first = i + 1;
                free(contents);
                long long sp;
                int tagged = 0;
                if (dict_int(p, a, "/StructParent", &sp)) {
                    qpdf_oh e = numtree_get(p, parent_tree, sp, 0);
                    if (is_dict(p, e)) {
                        char t[128];
                        std_type(c, e, t, sizeof t);
                        tagged = strcmp(t, "/Link") == 0;
                    }
                    rel(p, e);
                }
                if (!tagged && untagged_links++ == 0)
                    untagged_links_first = i + 1;
            }
            rel(p, a);
        }
        rel(p, annots);
        rel(p, page);
    }
    rel(p, parent_tree);
    rel(p, str);
    rel(p, root);
    set_free(&seen_res);
    if (p->failed) {
        cocom_buf_free(&f.not_embedded);
        cocom_buf_free(&f.no_unicode);
        set_free(&f.seen);
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
    set_free(&f.seen);
}

CocomStatus cocom_pdfcheck(CocomContext *ctx, const char *path)
{
    return cocom_pdfcheck_as(ctx, path, COCOM_SEVERITY_ERROR);
}

CocomStatus cocom_pdfcheck_as(CocomContext *ctx, const char *path, CocomSeverity severity)
{
    Pdf pdf;
    Pdf *p = &pdf;
    CocomStatus st = pdf_open(p, ctx, path);
    p->finding_severity = severity;
    if (st != COCOM_STATUS_OK) {
        pdf_close(p);
        return COCOM_STATUS_IO;
    }
    unsigned errors_before = ctx->errors;
    Check c;
    memset(&c, 0, sizeof c);
    c.pdf = p;
    int npages = qpdf_get_num_pages(p->q);
    qpdf_oh root = qpdf_get_root(p->q);
    if (npages < 0 || pdf_failed(p) || !is_dict(p, root)) {
        if (!p->failed)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "this is not a readable PDF: it has no document catalog");
        rel(p, root);
        pdf_warnings(p);
        pdf_close(p);
        return COCOM_STATUS_IO;
    }
    for (int i = 0; i < npages; i++) {
        qpdf_oh page = qpdf_get_page_n(p->q, (size_t)i);
        char k[16];
        snprintf(k, sizeof k, "%d", qpdf_oh_get_object_id(p->q, page));
        cocom_map_set(&c.page_by_objid, k, i);
        rel(p, page);
    }

    /* The catalog */
    char *lang = dict_text(p, root, "/Lang");
    if (!cocom_pdfmeta_has_words(lang))
        FINDING("PDFUA-LANG", "Matterhorn 11-001", "the document's natural language is not set (/Lang in the catalog)");
    free(lang);

    qpdf_oh trailer = qpdf_get_trailer(p->q);
    qpdf_oh info = dict_get(p, trailer, "/Info");
    char *title = dict_text(p, info, "/Title");
    if (!cocom_pdfmeta_has_words(title))
        FINDING("PDFUA-TITLE", "ISO 14289-1 7.1", "the document has no title (/Title in the document information)");
    free(title);
    rel(p, info);
    rel(p, trailer);

    qpdf_oh vp = dict_get(p, root, "/ViewerPreferences");
    int ddt = 0;
    if (!dict_bool(p, vp, "/DisplayDocTitle", &ddt))
        FINDING("PDFUA-DISPLAYDOCTITLE", "Matterhorn 07-001",
                "viewers are not told to show the title (no /DisplayDocTitle in /ViewerPreferences)");
    else if (!ddt)
        FINDING("PDFUA-DISPLAYDOCTITLE", "Matterhorn 07-002",
                "viewers are told to show the file name, not the title (/DisplayDocTitle false)");
    rel(p, vp);

    qpdf_oh mi = dict_get(p, root, "/MarkInfo");
    int marked = 0, suspects = 0;
    dict_bool(p, mi, "/Marked", &marked);
    dict_bool(p, mi, "/Suspects", &suspects);
    rel(p, mi);
    qpdf_oh str = dict_get(p, root, "/StructTreeRoot");
    if (!marked)
        FINDING("PDFUA-MARKED", "ISO 14289-1 7.1", "the PDF is not marked as tagged (/MarkInfo /Marked true)");
    if (!is_dict(p, str))
        FINDING("PDFUA-MARKED", "ISO 14289-1 7.1", "the PDF has no structure tree (/StructTreeRoot)");
    if (suspects)
        FINDING("PDFUA-MARKED", "Matterhorn 01-007", "the PDF says its tags may be wrong (/Suspects true)");

    /* The structure tree */
    if (is_dict(p, str)) {
        c.role_map = dict_get(p, str, "/RoleMap");
        c.class_map = dict_get(p, str, "/ClassMap");
        visit(&c.visited, p->q, str);
        check_kids(&c, str, 0);
        if (c.too_deep)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "the structure tree is nested more than %d deep",
                         MAX_DEPTH);
    }
    rel(p, str);

    /* The pages */
    if (!pdf_failed(p))
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
    pdf_failed(p);
    rel(p, root);
    rel(p, c.role_map);
    rel(p, c.class_map);
    pdf_warnings(p);
    cocom_map_clear(&c.page_by_objid);
    set_free(&c.visited);
    cocom_map_clear(&c.form_untagged);
    set_free(&c.form_path);
    int failed = p->failed;
    pdf_close(p);
    if (failed)
        return COCOM_STATUS_IO;
    return ctx->errors > errors_before || p->findings ? COCOM_STATUS_INVALID : COCOM_STATUS_OK;
}
