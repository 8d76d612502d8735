/* render.h — stage 6: painting finished pages with Cairo.
 *
 * One painter for every output: a PDF file (with metadata, named
 * destinations, the outline, and its structure and links logged for the
 * post-pass: tagger.h), or one PNG or SVG file per page for previews and
 * visual tests.  Pages are painted as they come and then
 * freed, so memory does not grow with the document.
 */
#ifndef COCOM_RENDER_H
#define COCOM_RENDER_H

#include <libxml/tree.h>
#include "area.h"
#include "layout.h"
#include "pdfpost.h"

typedef struct CocomRenderer CocomRenderer;
struct CocomCites;

/* A PDF written to `path` (the caller's temporary name); `name` is the
 * file the user asked for, used in messages (NULL: `path`).  info may be
 * NULL.  tagged: log the structure for the post-pass (tagger.h), which
 * must then run over the file with cocom_renderer_fix's CocomPdfFix: the
 * file holds the tagger's markers until then. */
CocomRenderer *cocom_renderer_pdf(CocomContext *ctx, const char *path, const char *name, const CocomDocInfo *info,
                                  int tagged);

/* PNG or SVG pages written into the folder `dir` as page-0001.png ... */
CocomRenderer *cocom_renderer_pages(CocomContext *ctx, const char *dir, CocomFormat format);

/* A tagged PDF renderer records in `cites` (not owned) the page numbers
 * it paints as placeholders (ParaStyle.cite) and the digits it draws
 * (cites.h), and brackets each placeholder with markers for the
 * post-pass.  Call before the first page. */
void cocom_renderer_set_cites(CocomRenderer *r, struct CocomCites *cites);

/* Paints one page.  Returns IO when the output cannot be written. */
CocomStatus cocom_renderer_page(CocomRenderer *r, const CocomPage *page);

/* Adds the outline (PDF only) from an fo:bookmark-tree; may be NULL. */
void cocom_renderer_outline(CocomRenderer *r, xmlNodePtr bookmark_tree, const char *file);

/* Finishes the output (the PDF is complete when this returns OK). */
CocomStatus cocom_renderer_finish(CocomRenderer *r);

/* What the PDF post-pass needs from the painting (pdfpost.h): the dates,
 * and the structure log (its elements, links and alternative texts).
 * Sets those fields of *fix only; they live as long as the renderer. */
void cocom_renderer_fix(const CocomRenderer *r, CocomPdfFix *fix);

/* Frees the renderer; when the output was not finished, the files it wrote
 * are removed (the caller's temporary PDF, or this run's PNG pages). */
void cocom_renderer_destroy(CocomRenderer *r);

#endif
