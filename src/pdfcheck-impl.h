/* pdfcheck-impl.h — private to pdfcheck.c and pdfcheck-qpdf.c; nothing
 * else includes it.
 *
 * pdfcheck-qpdf.c is the reading layer: a qpdf session (Pdf), typed
 * accessors that look at qpdf's error after every call that can fail, sets
 * of object numbers for walks that must not loop, number trees and
 * inherited page attributes.  pdfcheck.c is the check itself (PDF/UA's
 * structure, untagged content, fonts, metadata) written over that layer.
 * The shared functions carry the prefix pdfq_ (global symbols of
 * libcocom).
 */
#ifndef COCOM_PDFCHECK_IMPL_H
#define COCOM_PDFCHECK_IMPL_H

#include "pdfpost.h"
#include "qpdf-load.h"

#include <stdint.h>

/* Nesting deeper than this (structure tree, number tree, form XObjects
 * inside form XObjects) is treated as damage. */
#define MAX_DEPTH 256
/* qpdf warnings reported per file; the rest are counted. */
#define MAX_WARNINGS 10

/* A qpdf session                                                       */

typedef struct {
    CocomContext *ctx;
    const char *path;       /* for messages */
    qpdf_data q;
    int failed;             /* an error from qpdf was reported */
    CocomSeverity finding_severity;  /* pdfcheck: how its findings are reported */
    unsigned findings;      /* pdfcheck: how many */
} Pdf;

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

static inline int pdfq_is_dict(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_dictionary(p->q, h); }
static inline int pdfq_is_array(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_array(p->q, h); }
static inline int pdfq_is_stream(Pdf *p, qpdf_oh h) { return h && qpdf_oh_is_stream(p->q, h); }

int pdfq_failed(Pdf *p);
void pdfq_warnings(Pdf *p);
CocomStatus pdfq_open(Pdf *p, CocomContext *ctx, const char *path);
void pdfq_close(Pdf *p);
void pdfq_rel(Pdf *p, qpdf_oh h);
qpdf_oh pdfq_dict_get(Pdf *p, qpdf_oh d, const char *key);
int pdfq_name_is(Pdf *p, qpdf_oh h, const char *name);
int pdfq_dict_has(Pdf *p, qpdf_oh d, const char *key);
int pdfq_dict_name_is(Pdf *p, qpdf_oh d, const char *key, const char *name);
void pdfq_dict_name_copy(Pdf *p, qpdf_oh d, const char *key, char *buf, size_t n);
int pdfq_dict_int(Pdf *p, qpdf_oh d, const char *key, long long *out);
int pdfq_dict_bool(Pdf *p, qpdf_oh d, const char *key, int *out);
char *pdfq_dict_text(Pdf *p, qpdf_oh d, const char *key);
int pdfq_array_len(Pdf *p, qpdf_oh a);
int pdfq_set_has(const IdSet *s, int objid);
void pdfq_set_add(IdSet *s, int objid);
void pdfq_set_remove(IdSet *s, int objid);
void pdfq_set_free(IdSet *s);
int pdfq_visit(IdSet *s, qpdf_data q, qpdf_oh h);
qpdf_oh pdfq_numtree_get(Pdf *p, qpdf_oh node, long long key, int depth);
qpdf_oh pdfq_inherited(Pdf *p, qpdf_oh page, const char *key);
qpdf_oh *pdfq_dict_values(Pdf *p, qpdf_oh d, size_t *n);

#endif
