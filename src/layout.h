/* layout.h — stage 5: pages from an XSL-FO document, one at a time.
 *
 * The layout walks the page sequences, chooses each page's master from the
 * page-sequence-master state machine, fills its region-body from the flow's
 * galley (galley.h) by choosing the break with the least penalty, lays out
 * the static content afresh for the page, and hands the page over.  Only
 * the current page and a page's worth of items are in memory.
 *
 * Forward references (page-number-citation to an id further on, "page N of
 * M") need the page numbers of ids before they are known; the driver runs
 * a first pass that records them (cocom_layout_refs) and a second that
 * uses them, only when the document has citations.
 */
#ifndef COCOM_LAYOUT_H
#define COCOM_LAYOUT_H

#include <libxml/tree.h>
#include "area.h"
#include "refs.h"

typedef struct CocomLayout CocomLayout;

/* The document's metadata, from fo:declarations (an XMP packet with Dublin
 * Core, as FOP reads it) and, failing that, the first page-sequence's
 * fo:title and the root's xml:lang. */
typedef struct {
    char *title, *author, *subject, *keywords, *language;
} CocomDocInfo;

struct FoInput;

/* A layout of the formatting objects from `input` (fo-input.h), using the
 * page numbers of ids in `refs` (NULL on a first pass).  The input must
 * outlive the layout; a layout reads its input once. */
CocomLayout *cocom_layout_new(CocomContext *ctx, struct FoInput *input, const CocomRefs *refs);
void cocom_layout_free(CocomLayout *l);

/* The next page (the caller frees it with cocom_page_free), or NULL at the
 * end or on an error (*status says which). */
CocomPage *cocom_layout_next(CocomLayout *l, CocomStatus *status);

/* What this pass recorded of where ids fall (moved to *out). */
void cocom_layout_take_refs(CocomLayout *l, CocomRefs *out);

const CocomDocInfo *cocom_layout_info(CocomLayout *l);

/* The fo:bookmark-tree element, or NULL. */
xmlNodePtr cocom_layout_bookmarks(CocomLayout *l);

/* A first pass only learns where ids fall: it skips static content. */
void cocom_layout_set_dry_run(CocomLayout *l, int on);

/* How many page-number citations the flows (not static content) held: when
 * none, the page numbers a first pass found are final, since only flow
 * citations can move the flow's breaks. */
long cocom_layout_flow_citations(const CocomLayout *l);

/* Painting before the page numbers are known (driver.c): static content's
 * page-number citations are laid out as `digits` zeros, in a run of their
 * own that names its citation (ParaStyle.cite).  Call before the first
 * page. */
void cocom_layout_set_placeholders(CocomLayout *l, int digits);

/* The citations those placeholders stand for: cites[k - 1] for
 * ParaStyle.cite k.  Owned by the layout. */
const struct RefCite *cocom_layout_cites(const CocomLayout *l, size_t *n);

/* Can the placeholders laid out so far not hold (refs.h, cite_hopeless),
 * so that the pass cannot be kept? */
int cocom_layout_cites_hopeless(const CocomLayout *l);


#endif
