/* font.h — fonts and shaped words, shared by a whole run.
 *
 * A CocomFont is one face at one size with the metrics layout needs,
 * loaded once per (family list, size, weight, style, variant).  Words are
 * shaped with HarfBuzz through Pango once per (font, text) and cached, so
 * a table saying "Yes" a thousand times is shaped once; the paragraph
 * composer (para.h) builds lines from the cached shapes.  A word with a
 * character the font lacks is itemized by Pango, which picks fallback
 * fonts per character through fontconfig.
 *
 * Everything returned is owned by the CocomText and lives until it is
 * destroyed; shaped words until cocom_font_cache_trim() (callers copy what
 * they keep, see para.c).
 */
#ifndef COCOM_FONT_H
#define COCOM_FONT_H

#include "text.h"

typedef struct CocomFont {
    /* Each face is loaded and shaped once, at a reference size: unhinted
     * shaping scales linearly, and every new size Pango is asked for costs
     * a sort of all installed fonts by fontconfig.  A font at another size
     * shares its face's Pango font and scales its shapes (font.c). */
    struct CocomFont *ref;          /* the face at the reference size (itself for one) */
    double scale;                   /* size / the reference size */
    PangoFont *pango;               /* the face's, at the reference size: for shaping */
    cairo_scaled_font_t *scaled;    /* for painting: fetched once, so that a
                                     * painting thread touches only Cairo */
    double size;                    /* points */
    double ascent, descent;         /* points, both positive */
    double underline_position;      /* points below the baseline (positive down) */
    double underline_thickness;
    double strikethrough_position;  /* points above the baseline */
    double strikethrough_thickness;
    double space_width;
    PangoGlyphString *space;        /* U+0020 shaped */
    PangoGlyphString *hyphen;       /* the hyphen shaped (U+2010, else '-') */
    double hyphen_width;
    PangoGlyphString *dot;          /* '.' shaped, for leaders */
    double dot_width;
    char *family;                   /* the face actually used, for messages */
    const char *asked;              /* the family list asked for (cocom_font_get), for
                                     * messages; NULL for a fallback face.  Not owned. */
} CocomFont;

/* A shaped word: usually one piece; several when fallback fonts were
 * needed for some of its characters. */
typedef struct {
    CocomFont *font;
    PangoGlyphString *glyphs;       /* log_clusters relative to the word */
    int offset, length;             /* bytes of the word this piece covers */
    double width;
} CocomShapedPiece;

typedef struct {
    double width;
    int npieces;
    int missing;                    /* characters no installed font has */
    CocomShapedPiece pieces[];
} CocomShapedWord;

/* The font for a style, loaded on first use.  `family` is a Pango family
 * list ("Liberation Sans,sans-serif"); weight 100..900; style and variant
 * as in fo-props.h.  Never NULL: fontconfig always finds some face. */
CocomFont *cocom_font_get(CocomContext *ctx, const char *family, double size, int weight, int style,
                          int variant);

/* The shaped form of text (UTF-8, len bytes) in font; letter_spacing in
 * points is added after every character.  Owned by the cache. */
const CocomShapedWord *cocom_font_shape(CocomContext *ctx, CocomFont *font, const char *text, int len,
                                        double letter_spacing);

/* Empties the word cache when it has grown past its bound.  Call only
 * when no shaped word is in use (between paragraphs). */
void cocom_font_cache_trim(CocomContext *ctx);

/* Frees every font and shaped word (cocom_text_destroy calls it through
 * CocomText.release_fonts, which the caches set when they are made). */
void cocom_font_cache_destroy(CocomText *t);

#endif
