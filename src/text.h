/* text.h — the text machinery the formatter shares across a run: one Pango
 * font map and context (72 dpi, glyph positions unrounded, hinting off, as
 * research/platform.md §2 requires for print), hyphenation dictionaries,
 * and a cache of shaped text.  Owned by the CocomContext; made on first use.
 */
#ifndef COCOM_TEXT_H
#define COCOM_TEXT_H

#include <pango/pangocairo.h>
#include "context.h"

struct CocomText {
    PangoFontMap *fontmap;
    PangoContext *pango;
    CocomMap hyphen_dicts;      /* language -> HyphenDict* (or 0 when none) */
    CocomMap hyphen_words;      /* "lang\x1fword" -> hyphenated word (char*) */
    /* The fonts and shaped words (font.c), and the function that frees
     * them, which font.c sets when it makes them: the text machinery is
     * below the fonts and knows nothing of them. */
    struct CocomFontCache *fonts;
    struct CocomWordCache *words;
    void (*release_fonts)(CocomText *t);
};

/* The context's text machinery, made on first use.  Never NULL.  The
 * context owns it and destroys it with itself. */
CocomText *cocom_text_get(CocomContext *ctx);

/* Reads fontconfig's configuration now, as FcInit() would but in about
 * two thirds of the time (text.c says why), and makes it fontconfig's
 * current one.  For a program that leaves fontconfig's configuration to
 * cocom (the command line does): call it once, before the first text;
 * later calls do nothing.  Without it, Pango calls FcInit() when the
 * first font map is made. */
void cocom_text_load_fontconfig(void);

/* The context's text machinery if it has been made, else NULL. */
CocomText *cocom_text_find(const CocomContext *ctx);

/* Frees t and everything in it (the context calls this; others need not). */
void cocom_text_destroy(CocomText *text);

#endif
