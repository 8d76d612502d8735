/* pdfcheck-qpdf.c — the PDF/UA check's reading layer over libqpdf's C
 * API: see pdfcheck-impl.h, and pdfcheck.c for why qpdf and how its
 * errors are looked at.
 */
#include "config.h"
#include "pdfcheck-impl.h"
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ */

/* Reports the error qpdf holds, if any (only the first of a session: later
 * ones are usually its consequences).  Returns 1 when there was one. */
int pdfq_failed(Pdf *p)
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
void pdfq_warnings(Pdf *p)
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
CocomStatus pdfq_open(Pdf *p, CocomContext *ctx, const char *path)
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

void pdfq_close(Pdf *p)
{
    if (p->q)
        qpdf_cleanup(&p->q);
}

/* Small typed accessors: each checks the type first, so qpdf never has a
 * reason to warn.  qpdf keeps every handle it gives out until it is
 * released, so the helpers release what they make, and callers release
 * what dict_get returns (rel), or a long document would hold millions. */
void pdfq_rel(Pdf *p, qpdf_oh h)
{
    if (h)
        qpdf_oh_release(p->q, h);
}

/* d[key] (d a dictionary, or a stream for its dictionary) as a new handle,
 * or 0 when missing or null. */
qpdf_oh pdfq_dict_get(Pdf *p, qpdf_oh d, const char *key)
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
        pdfq_rel(p, v);
        v = 0;
    }
    pdfq_rel(p, sd);
    return v;
}

static int is_int(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_integer(p->q, h); }

int pdfq_name_is(Pdf *p, qpdf_oh h, const char *name)
{
    return h && qpdf_oh_is_name_and_equals(p->q, h, name);
}

int pdfq_dict_has(Pdf *p, qpdf_oh d, const char *key)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    pdfq_rel(p, v);
    return v != 0;
}

int pdfq_dict_name_is(Pdf *p, qpdf_oh d, const char *key, const char *name)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    int r = pdfq_name_is(p, v, name);
    pdfq_rel(p, v);
    return r;
}

/* The name d[key] ("/P") into buf, or "". */
void pdfq_dict_name_copy(Pdf *p, qpdf_oh d, const char *key, char *buf, size_t n)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    buf[0] = '\0';
    if (v && qpdf_oh_is_name(p->q, v))
        snprintf(buf, n, "%s", qpdf_oh_get_name(p->q, v));
    pdfq_rel(p, v);
}

int pdfq_dict_int(Pdf *p, qpdf_oh d, const char *key, long long *out)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    int ok = is_int(p, v);
    if (ok)
        *out = qpdf_oh_get_int_value(p->q, v);
    pdfq_rel(p, v);
    return ok;
}

int pdfq_dict_bool(Pdf *p, qpdf_oh d, const char *key, int *out)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    int ok = v && qpdf_oh_is_bool(p->q, v);
    if (ok)
        *out = qpdf_oh_get_bool_value(p->q, v);
    pdfq_rel(p, v);
    return ok;
}

/* d[key] as a UTF-8 text string the caller frees, or NULL. */
char *pdfq_dict_text(Pdf *p, qpdf_oh d, const char *key)
{
    qpdf_oh v = pdfq_dict_get(p, d, key);
    char *r = NULL;
    if (v && qpdf_oh_is_string(p->q, v)) {
        size_t n = 0;
        const char *s = qpdf_oh_get_binary_utf8_value(p->q, v, &n);
        r = s ? cocom_xstrndup(s, n) : NULL;
    }
    pdfq_rel(p, v);
    return r;
}

int pdfq_array_len(Pdf *p, qpdf_oh a)
{
    return pdfq_is_array(p, a) ? qpdf_oh_get_array_n_items(p->q, a) : 0;
}


static void big_key(char k[16], int objid)
{
    snprintf(k, 16, "%d", objid);
}

int pdfq_set_has(const IdSet *s, int objid)
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

void pdfq_set_add(IdSet *s, int objid)
{
    if (objid <= 0 || pdfq_set_has(s, objid))
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

void pdfq_set_remove(IdSet *s, int objid)
{
    if (!pdfq_set_has(s, objid))
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

void pdfq_set_free(IdSet *s)
{
    free(s->bits);
    cocom_map_clear(&s->big);
    memset(s, 0, sizeof *s);
}

/* Adds objid to the visited set; returns 0 when it was already there
 * (direct objects, objid 0, are never "already visited"). */
int pdfq_visit(IdSet *s, qpdf_data q, qpdf_oh h)
{
    int id = qpdf_oh_get_object_id(q, h);
    if (id <= 0)
        return 1;
    if (pdfq_set_has(s, id))
        return 0;
    pdfq_set_add(s, id);
    return 1;
}


/* The value under key in a number tree (PDF 32000-1 7.9.7), or 0. */
qpdf_oh pdfq_numtree_get(Pdf *p, qpdf_oh node, long long key, int depth)
{
    if (depth > 32 || !pdfq_is_dict(p, node))
        return 0;
    qpdf_oh found = 0;
    qpdf_oh nums = pdfq_dict_get(p, node, "/Nums");
    for (int i = 0, n = pdfq_array_len(p, nums); i + 1 < n && !found; i += 2) {
        qpdf_oh k = qpdf_oh_get_array_item(p->q, nums, i);
        if (is_int(p, k) && qpdf_oh_get_int_value(p->q, k) == key)
            found = qpdf_oh_get_array_item(p->q, nums, i + 1);
        pdfq_rel(p, k);
    }
    pdfq_rel(p, nums);
    qpdf_oh kids = pdfq_dict_get(p, node, "/Kids");
    for (int i = 0, n = pdfq_array_len(p, kids); i < n && !found; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(p->q, kids, i);
        qpdf_oh limits = pdfq_dict_get(p, kid, "/Limits");
        int inside = 1;
        if (pdfq_array_len(p, limits) == 2) {
            qpdf_oh lo = qpdf_oh_get_array_item(p->q, limits, 0), hi = qpdf_oh_get_array_item(p->q, limits, 1);
            if (is_int(p, lo) && is_int(p, hi))
                inside = key >= qpdf_oh_get_int_value(p->q, lo) && key <= qpdf_oh_get_int_value(p->q, hi);
            pdfq_rel(p, lo);
            pdfq_rel(p, hi);
        }
        pdfq_rel(p, limits);
        if (inside)
            found = pdfq_numtree_get(p, kid, key, depth + 1);
        pdfq_rel(p, kid);
    }
    pdfq_rel(p, kids);
    return found;
}

/* An entry of the page or its ancestors in the page tree (Resources). */
qpdf_oh pdfq_inherited(Pdf *p, qpdf_oh page, const char *key)
{
    qpdf_oh node = qpdf_oh_new_object(p->q, page);
    for (int i = 0; i < 64 && pdfq_is_dict(p, node); i++) {
        qpdf_oh v = pdfq_dict_get(p, node, key);
        if (v) {
            pdfq_rel(p, node);
            return v;
        }
        qpdf_oh up = pdfq_dict_get(p, node, "/Parent");
        pdfq_rel(p, node);
        node = up;
    }
    pdfq_rel(p, node);
    return 0;
}


/* The values of dictionary d, as handles the caller releases (rel), in an
 * array the caller frees; none when d is not a dictionary.  The keys are
 * all read first: qpdf's iterator is one per session, and what the caller
 * does with a value may well iterate. */
qpdf_oh *pdfq_dict_values(Pdf *p, qpdf_oh d, size_t *n)
{
    char **keys = NULL;
    size_t cap = 0;
    *n = 0;
    if (!pdfq_is_dict(p, d))
        return NULL;
    qpdf_oh_begin_dict_key_iter(p->q, d);
    while (qpdf_oh_dict_more_keys(p->q)) {
        COCOM_GROW(keys, cap, *n + 1);
        keys[(*n)++] = cocom_xstrdup(qpdf_oh_dict_next_key(p->q));
    }
    qpdf_oh *values = cocom_xmalloc((*n ? *n : 1) * sizeof *values);
    for (size_t i = 0; i < *n; i++) {
        values[i] = pdfq_dict_get(p, d, keys[i]);
        free(keys[i]);
    }
    free(keys);
    return values;
}
