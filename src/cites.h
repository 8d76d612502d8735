/* cites.h — page numbers painted before they are known.
 *
 * "Page 3 of 212" in a running footer cites the last page, which is not
 * known when page 1 is painted.  The usual way (driver.c) lays the whole
 * document out twice: a silent first pass to learn where ids fall, then
 * the real one.  A long document whose flows cite nothing can instead be
 * painted at once: each citation in static content is set as zeros of
 * the length the page count is expected to have, in a run of its own
 * (ParaStyle.cite), which the painter brackets with two markers
 * (structlog.h).  When the last page is laid out the real numbers are
 * known, and the post-pass writes their digits over the zeros
 * (pdfstream-tags.c).
 *
 * The page is then the one two passes would have made only when, for
 * every placeholder painted:
 *   - its number has exactly as many digits as it has zeros;
 *   - those digits are shaped as the zeros were (one glyph each, of the
 *     same advance: the line was set with the zeros' widths);
 *   - each of those digits is drawn elsewhere in the same font, since
 *     Cairo embeds only the glyphs it was given;
 *   - their ink lies within the zeros' (rounded out to whole points),
 *     where it shows: Cairo clips a drawing to its own ink's box;
 * which cocom_cites_resolve checks.  When one fails the document is laid
 * out again the usual way, and nothing of this attempt is kept.
 *
 * The painter (one thread) records; the driver resolves after the painter
 * has finished.
 */
#ifndef COCOM_CITES_H
#define COCOM_CITES_H

#include "font.h"
#include "refs.h"

typedef struct CocomCites CocomCites;

CocomCites *cocom_cites_new(void);
void cocom_cites_free(CocomCites *c);

/* The painter drew the placeholder of citation `cite` (ParaStyle.cite,
 * from 1) in `font`: n glyphs, placed as `glyphs` says, with `vis` (x0 y0
 * x1 y1) the visible area, the clip, then. */
void cocom_cites_painted(CocomCites *c, int cite, const CocomFont *font, const cairo_glyph_t *glyphs, int n,
                         const double vis[4]);

/* The painter met a placeholder it cannot paint as the number would be
 * (partly outside the visible area): resolving will fail. */
void cocom_cites_give_up(CocomCites *c);

/* The painter drew `text` (len bytes) in `font`: its digits are in the
 * file's copy of the font. */
void cocom_cites_drawn(CocomCites *c, const CocomFont *font, const char *text, size_t len);

/* Early, after a few pages painted: is there a placeholder whose font
 * has had no digit but zero drawn in it?  Then the numbers would most
 * likely lack their glyphs at the end (a count set in a font of its own),
 * and the caller stops now rather than after the last page. */
int cocom_cites_hopeless(CocomCites *c);

/* Are the ten digits of `font` shaped alike (one glyph each, all as wide)?
 * A placeholder's zeros hold the room of any number only then. */
int cocom_cites_digits_alike(CocomContext *ctx, CocomFont *font);

/* After the last page: the number each painted placeholder stands for,
 * looked up in `refs` (what the pass recorded) through `cites` (the
 * layout's, cocom_layout_cites), and checked as above against `digits`
 * zeros.  Returns 1 when every one can be written over its zeros; then
 * *texts (owned by c, valid until it is freed) holds them in the order
 * they were painted, *n of them.  Returns 0 otherwise.  Call once. */
int cocom_cites_resolve(CocomCites *c, CocomContext *ctx, const struct RefCite *cites, size_t ncites,
                        const CocomRefs *refs, int digits, const char *const **texts, size_t *n);

#endif
