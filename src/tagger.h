/* tagger.h — the painter's half of tagged PDF: which structure element
 * each thing drawn belongs to, logged for the post-pass (structlog.h).
 *
 * The painter says what it opens and closes as it walks a page's
 * operations, and calls cocom_tagger_mark just before it draws anything.
 * Elements open lazily, when something is first drawn inside them: an
 * element with nothing drawn in it is of no use to a reader.  Text goes
 * into leaves only (cocom_tagger_text_wrapper), so that an element holds
 * either content or elements, as Cairo's own tags did (research/platform.md
 * §1) and screen readers expect.  Page furniture (running heads, rules,
 * backgrounds) becomes /Artifact, outside the tree.
 *
 * Used from one thread, the painter's.
 */
#ifndef COCOM_TAGGER_H
#define COCOM_TAGGER_H

#include <cairo.h>
#include "structlog.h"

typedef struct CocomTagger CocomTagger;

/* A tagger with an empty log; NULL with errno set when no temporary file
 * can be made.  Free with cocom_tagger_free (which frees the log). */
CocomTagger *cocom_tagger_new(void);
void cocom_tagger_free(CocomTagger *tg);
/* The log, owned by the tagger, for the post-pass. */
CocomStructLog *cocom_tagger_log(CocomTagger *tg);

/* An element of structure type `type` begins (opened when something is
 * drawn in it).  leaf: nothing inside it becomes an element of its own,
 * so text goes in directly.  alt: a Figure's alternative text (copied);
 * link: a Link's index among the log's links, or COCOM_SL_NO_LINK. */
void cocom_tagger_begin(CocomTagger *tg, const char *type, int leaf, const char *alt, uint32_t link);
/* The innermost element ends.  An empty table cell is still opened, with
 * empty content: it holds the table's columns in place for a reader. */
void cocom_tagger_end(CocomTagger *tg, cairo_t *cr);
/* How many elements are open or pending. */
size_t cocom_tagger_depth(const CocomTagger *tg);

/* Page furniture begins and ends (they nest). */
void cocom_tagger_furniture_begin(CocomTagger *tg);
void cocom_tagger_furniture_end(CocomTagger *tg, cairo_t *cr);
int cocom_tagger_in_furniture(const CocomTagger *tg);

/* Called before anything is drawn: opens the pending elements and the
 * marked content the drawing lies in (a marker drawn into cr). */
void cocom_tagger_mark(CocomTagger *tg, cairo_t *cr);
/* Brackets a page number painted before it was known (cites.h): begin
 * before its glyphs, end after them.  Nothing is logged. */
void cocom_tagger_cite(CocomTagger *tg, cairo_t *cr, int begin);
/* The element text must be wrapped in ("P" or "Span"), so that every piece
 * of text lies in a leaf; NULL when it can go where it is. */
const char *cocom_tagger_text_wrapper(const CocomTagger *tg);
/* Called before cairo_show_page: ends the page's marked content; what is
 * still open goes on on the next page. */
void cocom_tagger_page_end(CocomTagger *tg, cairo_t *cr);

#endif
