/* refs.h — what the pages of a document refer to: ids, links, page-number
 * citations and the page numbers' format (stage 5, below galley and
 * pagination).
 *
 * The galley meets ids (fo:inline id="…", fo:block id="…"), links
 * (fo:basic-link) and citations (fo:page-number-citation) as it turns
 * formatting objects into lines; pagination learns on which page each id
 * falls as it places them.  Both need one table that lives as long as the
 * layout: the galley interns ids and link targets into it and asks it for
 * the page numbers a pass before recorded; pagination records pages into
 * it and resolves a line's links.  It lives here, below both, so that the
 * galley needs nothing of pagination (calls run pagination -> galley ->
 * refs).
 */
#ifndef COCOM_REFS_H
#define COCOM_REFS_H

#include "context.h"
#include "util.h"

/* Where ids fall: id -> formatted page number, on the first page an id is
 * on and on its last (strings owned by the maps; free with
 * cocom_refs_clear). */
typedef struct {
    CocomMap first;
    CocomMap last;
} CocomRefs;

void cocom_refs_clear(CocomRefs *refs);
/* 1 when both hold the same ids with the same page numbers. */
int cocom_refs_equal(const CocomRefs *a, const CocomRefs *b);

/* The reference table of one layout pass.  Ids and link targets are
 * interned: a line names them by a small index, so that a line copied or
 * kept does not copy strings. */
/* The longest page count painted before it is known (cites.h). */
#define CITE_MAX_DIGITS 9

typedef struct RefTable {
    CocomContext *ctx;
    const char *file;           /* the FO document, for messages */
    const char **anchors;       /* interned ids (owned: the FO node may go first) */
    size_t nanchors, capanchors;
    CocomMap anchor_index;
    struct RefLink { const char *target; int uri; } *links;  /* interned link targets (owned) */
    size_t nlinks, caplinks;
    CocomMap link_index;
    const CocomRefs *known;     /* what the pass before found, or NULL on a first pass */
    CocomRefs rec;              /* what this pass records */
    long flow_citations;        /* citations met in flows (not static content) */
    long page_marks;            /* fo:page-numbers met in flows (reftable_page_number_mark) */
    /* Static content's citations: each (id, first or last) is given a
     * number in `cites`, which its run carries to the painter (a run of
     * its own, drawn the same whether its number was known or not).  On
     * a pass that paints before it knows the page numbers (driver.c,
     * cites.h) they are laid out as cite_digits zeros; 0 on any other. */
    int cite_digits;            /* at most CITE_MAX_DIGITS */
    struct RefCite { const char *id; int last; } *cites;   /* owned; each id is anchors[k]'s */
    size_t ncites, capcites;
    int cite_hopeless;          /* a placeholder cannot hold (cites.h): its font's digits
                                   differ in width, it is in a link, a message quotes it,
                                   or its id's first page is known and will not fit */
    const void *cite_font_ok;   /* the font last found to have them alike */
} RefTable;

/* A table for the document `file`; `known` (NULL on a first pass) must
 * outlive it. */
void reftable_init(RefTable *t, CocomContext *ctx, const char *file, const CocomRefs *known);
void reftable_clear(RefTable *t);

/* An id's index (interned on first use), and back. */
int reftable_anchor(RefTable *t, const char *id);
const char *reftable_anchor_id(const RefTable *t, int anchor);
/* A link target's index (an internal destination, an id, or a URI), and
 * back (NULL for an index it never gave). */
int reftable_link(RefTable *t, const char *target, int is_uri);
const char *reftable_link_target(const RefTable *t, int link, int *is_uri);

/* The formatted page number of an id (first or last page it is on), or
 * NULL when not known (yet): on a later pass an id no element has gives
 * "?" and a warning, once.  in_static: the citation is in static content
 * (which cannot move the flow's breaks); line: the citation's, for the
 * warning.  A citation in static content sets *cite to its number in
 * `cites` plus one (0 otherwise), and gives cite_digits zeros on a pass
 * with them set.  The string belongs to the table. */
const char *reftable_citation(RefTable *t, const char *id, int last, int in_static, long line, int *cite);

/* fo:page-number in a flow: writes into key (size: 32 is enough) a
 * private id of the next page-number of the flow (a count after a byte no
 * XML id holds: IS_PAGE_MARK), which the line holding it records where it
 * is placed; returns the page number a pass before found for it, or NULL
 * on a first pass (the table owns the string). */
const char *reftable_page_number_mark(RefTable *t, char *key, size_t size);
#define IS_PAGE_MARK(id) ((id)[0] == '\x01')

/* Records that `id` has an area on the page numbered `page_text`: as its
 * first page unless one is known (REF_FIRST), as its last (REF_LAST). */
enum { REF_FIRST = 1, REF_LAST = 2 };
void reftable_record(RefTable *t, const char *id, const char *page_text, int which);

/* Moves what this pass recorded into *out. */
void reftable_take(RefTable *t, CocomRefs *out);

/* Formats a page number as a page-sequence's format says ("1", "i", "A",
 * "01"), with digits grouped by grouping_separator every grouping_size
 * (XSL 1.1 §7.26.1-4).  The caller frees the string. */
char *cocom_format_page_number(int n, const char *format, const char *grouping_separator, int grouping_size);

#endif
