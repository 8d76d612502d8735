/* font.c — see font.h. */
#include "config.h"
#include <hb-ot.h>
#include "font.h"
#include "fo-props.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Fonts                                                                    */

#define REF_SIZE 16.0   /* points: faces are loaded and shaped at this size */

typedef struct {
    const char *family;     /* a copy; compared by pointer first, then by text */
    int weight, style, variant;
    CocomFont *font;        /* at the reference size */
    char *subst_key;        /* when a substitute was used: the once-key of its warning */
} FontEntry;

/* A face at another size: one list for all faces (documents use a few). */
typedef struct {
    CocomFont *ref;
    double size;
    CocomFont *font;
} SizedEntry;

struct CocomFontCache {
    FontEntry *entries;
    size_t count, cap;
    CocomMap by_pango;      /* "%p" of a fallback PangoFont -> CocomFont* */
    CocomFont **fallbacks;
    size_t nfallbacks, capfallbacks;
    SizedEntry *sized;
    size_t nsized, capsized;
};

static PangoGlyphString *shape_simple(PangoFont *font, const char *text, double *width)
{
    PangoAnalysis a;
    memset(&a, 0, sizeof a);
    a.font = font;
    a.gravity = PANGO_GRAVITY_SOUTH;
    a.script = PANGO_SCRIPT_LATIN;
    a.language = pango_language_from_string("en");
    PangoGlyphString *g = pango_glyph_string_new();
    int len = (int)strlen(text);
    pango_shape_with_flags(text, len, text, len, &a, g, PANGO_SHAPE_NONE);
    *width = pango_glyph_string_get_width(g) / (double)PANGO_SCALE;
    return g;
}

static int has_unknown(const PangoGlyphString *g)
{
    for (int i = 0; i < g->num_glyphs; i++)
        if (g->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            return 1;
    return 0;
}

/* Metrics and the glyphs every font needs (space, hyphen, dot), for a face
 * at the reference size. */
static CocomFont *font_wrap(PangoFont *pf, double size)
{
    CocomFont *f = cocom_xcalloc(1, sizeof *f);
    f->ref = f;
    f->scale = 1;
    f->pango = pf;
    f->size = size;
    f->scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pf));
    if (f->scaled)
        cairo_scaled_font_reference(f->scaled);
    /* The vertical metrics straight from HarfBuzz, the source Pango's own
     * come from: pango_font_get_metrics() would also lay out a sample text
     * to estimate character widths, which cocom never uses, and that cost
     * more than the rest of loading a font.  Where the font does not give
     * a value, the defaults are Pango's, so the numbers are the same. */
    hb_font_t *hb = pango_font_get_hb_font(pf);
    hb_font_extents_t e = {0};
    hb_font_get_h_extents(hb, &e);
    double ascent = e.ascender, descent = -e.descender;
    double u_pos = -PANGO_SCALE, u_thick = PANGO_SCALE, s_pos = ascent / 2, s_thick = PANGO_SCALE;
    hb_position_t v;
    if (hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_OFFSET, &v) && v != 0)
        u_pos = v;
    if (hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_SIZE, &v) && v != 0)
        u_thick = v;
    if (hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_STRIKEOUT_OFFSET, &v) && v != 0)
        s_pos = v;
    if (hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_STRIKEOUT_SIZE, &v) && v != 0)
        s_thick = v;
    f->ascent = ascent / PANGO_SCALE;
    f->descent = descent / PANGO_SCALE;
    f->underline_position = -u_pos / PANGO_SCALE;
    f->underline_thickness = u_thick / PANGO_SCALE;
    f->strikethrough_position = s_pos / PANGO_SCALE;
    f->strikethrough_thickness = s_thick / PANGO_SCALE;
    if (f->ascent + f->descent <= 0) {   /* a broken font: invent sane metrics */
        f->ascent = 0.8 * size;
        f->descent = 0.2 * size;
    }
    if (f->underline_thickness <= 0)
        f->underline_thickness = size / 16;
    if (f->strikethrough_thickness <= 0)
        f->strikethrough_thickness = size / 16;
    f->space = shape_simple(pf, " ", &f->space_width);
    f->hyphen = shape_simple(pf, "\xe2\x80\x90", &f->hyphen_width);   /* U+2010 */
    if (has_unknown(f->hyphen)) {
        pango_glyph_string_free(f->hyphen);
        f->hyphen = shape_simple(pf, "-", &f->hyphen_width);
    }
    f->dot = shape_simple(pf, ".", &f->dot_width);
    PangoFontDescription *d = pango_font_describe(pf);
    f->family = cocom_xstrdup(pango_font_description_get_family(d) ? pango_font_description_get_family(d) : "?");
    pango_font_description_free(d);
    return f;
}

static void font_free(CocomFont *f)
{
    if (!f)
        return;
    pango_glyph_string_free(f->space);
    pango_glyph_string_free(f->hyphen);
    pango_glyph_string_free(f->dot);
    if (f->scaled)
        cairo_scaled_font_destroy(f->scaled);
    if (f->ref == f)
        g_object_unref(f->pango);   /* sized fonts share their face's */
    free(f->family);
    free(f);
}

static PangoGlyphString *glyphs_scaled(const PangoGlyphString *g, double k)
{
    PangoGlyphString *c = pango_glyph_string_copy((PangoGlyphString *)g);
    for (int i = 0; i < c->num_glyphs; i++) {
        c->glyphs[i].geometry.width = (int)lround(c->glyphs[i].geometry.width * k);
        c->glyphs[i].geometry.x_offset = (int)lround(c->glyphs[i].geometry.x_offset * k);
        c->glyphs[i].geometry.y_offset = (int)lround(c->glyphs[i].geometry.y_offset * k);
    }
    return c;
}

/* The face of `ref` at `size`: metrics scaled, and a Cairo scaled font
 * made from the face's own (no fontconfig work). */
static CocomFont *font_at(CocomText *t, CocomFont *ref, double size)
{
    if (fabs(size - ref->size) < 1e-9)
        return ref;
    struct CocomFontCache *c = t->fonts;
    for (size_t i = 0; i < c->nsized; i++)
        if (c->sized[i].ref == ref && c->sized[i].size == size)
            return c->sized[i].font;
    double k = size / ref->size;
    CocomFont *f = cocom_xcalloc(1, sizeof *f);
    *f = *ref;
    f->ref = ref;
    f->scale = k;
    f->size = size;
    f->ascent *= k;
    f->descent *= k;
    f->underline_position *= k;
    f->underline_thickness *= k;
    f->strikethrough_position *= k;
    f->strikethrough_thickness *= k;
    f->space_width *= k;
    f->hyphen_width *= k;
    f->dot_width *= k;
    f->space = glyphs_scaled(ref->space, k);
    f->hyphen = glyphs_scaled(ref->hyphen, k);
    f->dot = glyphs_scaled(ref->dot, k);
    f->family = cocom_xstrdup(ref->family);
    f->scaled = NULL;
    if (ref->scaled) {
        cairo_matrix_t fm, ctm;
        cairo_scaled_font_get_font_matrix(ref->scaled, &fm);
        cairo_matrix_scale(&fm, k, k);
        cairo_scaled_font_get_ctm(ref->scaled, &ctm);
        cairo_font_options_t *opt = cairo_font_options_create();
        cairo_scaled_font_get_font_options(ref->scaled, opt);
        f->scaled = cairo_scaled_font_create(cairo_scaled_font_get_font_face(ref->scaled), &fm, &ctm, opt);
        cairo_font_options_destroy(opt);
    }
    COCOM_GROW(c->sized, c->capsized, c->nsized + 1);
    c->sized[c->nsized++] = (SizedEntry){ref, size, f};
    return f;
}

static struct CocomFontCache *fonts_of(CocomText *t)
{
    if (!t->fonts) {
        t->fonts = cocom_xcalloc(1, sizeof *t->fonts);
        t->release_fonts = cocom_font_cache_destroy;
    }
    return t->fonts;
}

static int is_generic(const char *name)
{
    return !g_ascii_strcasecmp(name, "serif") || !g_ascii_strcasecmp(name, "sans-serif")
           || !g_ascii_strcasecmp(name, "sans") || !g_ascii_strcasecmp(name, "monospace")
           || !g_ascii_strcasecmp(name, "cursive") || !g_ascii_strcasecmp(name, "fantasy")
           || !g_ascii_strcasecmp(name, "symbol");
}

/* One name of a font-family list, as fontconfig knows it: spaces around it
 * and the FO's quotes ('Times New Roman') taken off, in place.  NULL when
 * nothing is left. */
static char *family_name(char *raw)
{
    char *name = g_strstrip(raw);
    size_t len = strlen(name);
    if (len >= 2 && (name[0] == '\'' || name[0] == '"') && name[len - 1] == name[0]) {
        name[len - 1] = '\0';
        name++;
    }
    return *name ? name : NULL;
}

/* The metric-compatible faces fontconfig gives on Debian for the names
 * documents ask for most: getting one is not a substitution to warn of. */
static const struct { const char *asked, *got; } compatible[] = {
    {"Arial", "Liberation Sans"},       {"Helvetica", "Liberation Sans"},
    {"Times New Roman", "Liberation Serif"}, {"Times", "Liberation Serif"},
    {"Courier New", "Liberation Mono"}, {"Courier", "Liberation Mono"},
};

/* Is `got` what the family name asked for, or its compatible face? */
static int is_face_of(const char *name, const char *got)
{
    if (!g_ascii_strcasecmp(name, got))
        return 1;
    for (size_t i = 0; i < sizeof compatible / sizeof compatible[0]; i++)
        if (!g_ascii_strcasecmp(name, compatible[i].asked) && !g_ascii_strcasecmp(got, compatible[i].got))
            return 1;
    return 0;
}

/* Fontconfig never fails: it substitutes.  Say so once when none of the
 * families asked for (other than generic ones) is what we got, because a
 * document that must be in Arial should not silently be in DejaVu.  A
 * list that begins with a generic family (DocBook's "serif,Symbol,
 * ZapfDingbats") asks for whatever fontconfig gives for it, as fc-match
 * does: the names after it are fallbacks for characters, not a request.
 * Returns 1 when the warning applies. */
static int is_substitution(const char *family, const char *got)
{
    int asked_specific = 0, found = 0;
    char **names = g_strsplit(family, ",", -1);
    for (char **n = names; *n && !found; n++) {
        const char *name = family_name(*n);
        if (!name)
            continue;
        if (is_generic(name)) {
            if (!asked_specific)
                break;
            continue;
        }
        asked_specific = 1;
        found = is_face_of(name, got);
    }
    g_strfreev(names);
    return asked_specific && !found;
}

/* The warning is given from the cache entry each time the font is asked
 * for (once per run, by its key), not only when it is first loaded: fonts
 * outlive a run, and a document with page citations loads them in a
 * first pass whose messages are silenced (driver.c). */
static void warn_substitution(CocomContext *ctx, const FontEntry *e)
{
    if (e->subst_key && cocom_report_once(ctx, e->subst_key))
        cocom_report(ctx, COCOM_SEVERITY_WARNING, NULL, 0,
                     "none of the fonts '%s' is installed; using '%s' instead", e->family, e->font->family);
}

/* Fontconfig's best face for `family` (one name, or a list handed to it
 * whole), or NULL. */
static PangoFont *load_family(CocomText *t, const char *family, int weight, int style, int variant)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, family);
    pango_font_description_set_absolute_size(d, REF_SIZE * PANGO_SCALE);
    pango_font_description_set_weight(d, (PangoWeight)weight);
    pango_font_description_set_style(d, style == FO_FONT_STYLE_ITALIC ? PANGO_STYLE_ITALIC
                                        : style == FO_FONT_STYLE_OBLIQUE ? PANGO_STYLE_OBLIQUE
                                        : PANGO_STYLE_NORMAL);
    pango_font_description_set_variant(d, variant == FO_FONT_VARIANT_SMALL_CAPS ? PANGO_VARIANT_SMALL_CAPS
                                                                                 : PANGO_VARIANT_NORMAL);
    PangoFont *pf = pango_font_map_load_font(t->fontmap, t->pango, d);
    pango_font_description_free(d);
    return pf;
}

/* The face of the first family of a list that is installed (XSL 1.1
 * §7.9.2: the families are tried in order), a generic family being
 * whatever fontconfig gives for it.  Handed the whole list, fontconfig
 * ranks it as one pattern, where another package's rules can put a later
 * name first: with LibreOffice's OpenSymbol installed, which is appended
 * to "Symbol", DocBook's "serif,Symbol,ZapfDingbats" matched OpenSymbol,
 * and the text fell back to a sans face.  NULL when none is installed. */
static PangoFont *first_family_installed(CocomText *t, const char *family, int weight, int style, int variant)
{
    if (!strchr(family, ','))
        return NULL;
    PangoFont *found = NULL;
    char **names = g_strsplit(family, ",", -1);
    for (char **n = names; *n && !found; n++) {
        const char *name = family_name(*n);
        if (!name)
            continue;
        PangoFont *pf = load_family(t, name, weight, style, variant);
        if (!pf)
            continue;
        PangoFontDescription *d = pango_font_describe(pf);
        const char *got = pango_font_description_get_family(d);
        if (got && !is_substitution(name, got))
            found = pf;
        else
            g_object_unref(pf);
        pango_font_description_free(d);
    }
    g_strfreev(names);
    return found;
}

CocomFont *cocom_font_get(CocomContext *ctx, const char *family, double size, int weight, int style,
                          int variant)
{
    CocomText *t = cocom_text_get(ctx);
    struct CocomFontCache *c = fonts_of(t);
    if (!family || !*family)
        family = "sans-serif";
    if (!(size > 0.1))
        size = 0.1;
    if (size > 10000)
        size = 10000;
    for (size_t i = 0; i < c->count; i++) {
        FontEntry *e = &c->entries[i];
        if (e->weight == weight && e->style == style && e->variant == variant
            && (e->family == family || strcmp(e->family, family) == 0)) {
            warn_substitution(ctx, e);
            return font_at(t, e->font, size);
        }
    }
    PangoFont *pf = first_family_installed(t, family, weight, style, variant);
    if (!pf)
        pf = load_family(t, family, weight, style, variant);
    if (!pf) {   /* only when fontconfig has no fonts at all */
        PangoFontDescription *d2 = pango_font_description_from_string("sans-serif");
        pango_font_description_set_absolute_size(d2, REF_SIZE * PANGO_SCALE);
        pf = pango_font_map_load_font(t->fontmap, t->pango, d2);
        pango_font_description_free(d2);
    }
    CocomFont *f = font_wrap(pf, REF_SIZE);
    COCOM_GROW(c->entries, c->cap, c->count + 1);
    /* Fonts outlive any one document, so the family is copied. */
    FontEntry *e = &c->entries[c->count++];
    *e = (FontEntry){cocom_xstrdup(family), weight, style, variant, f, NULL};
    f->asked = e->family;   /* lives as long as the face */
    if (is_substitution(family, f->family))
        e->subst_key = cocom_xasprintf("font-subst:%s", family);
    warn_substitution(ctx, e);
    return font_at(t, f, size);
}

/* A CocomFont for a fallback face Pango chose. */
static CocomFont *font_for_pango(CocomText *t, PangoFont *pf)
{
    struct CocomFontCache *c = fonts_of(t);
    char key[32];
    snprintf(key, sizeof key, "%p", (void *)pf);
    intptr_t v;
    if (cocom_map_get(&c->by_pango, key, &v))
        return (CocomFont *)v;
    PangoFontDescription *d = pango_font_describe_with_absolute_size(pf);
    double size = pango_font_description_get_size(d) / (double)PANGO_SCALE;
    pango_font_description_free(d);
    CocomFont *f = font_wrap(g_object_ref(pf), size);
    cocom_map_set(&c->by_pango, key, (intptr_t)f);
    COCOM_GROW(c->fallbacks, c->capfallbacks, c->nfallbacks + 1);
    c->fallbacks[c->nfallbacks++] = f;
    return f;
}

/* ---------------------------------------------------------------------- */
/* Shaped words                                                             */

typedef struct {
    CocomFont *font;
    double letter_spacing;
    char *text;
    int len;
    uint32_t hash;
    CocomShapedWord *word;
} WordEntry;

struct CocomWordCache {
    WordEntry *slots;
    size_t cap, count;
};

#define WORD_CACHE_MAX 8192   /* entries: a few MB; common words come straight back */

static void word_free(CocomShapedWord *w)
{
    for (int i = 0; i < w->npieces; i++)
        pango_glyph_string_free(w->pieces[i].glyphs);
    free(w);
}

static void words_clear(struct CocomWordCache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i].text) {
            free(c->slots[i].text);
            word_free(c->slots[i].word);
        }
    free(c->slots);
    c->slots = NULL;
    c->cap = c->count = 0;
}

void cocom_font_cache_destroy(CocomText *t)
{
    if (t->words) {
        words_clear(t->words);
        free(t->words);
        t->words = NULL;
    }
    struct CocomFontCache *c = t->fonts;
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free((char *)c->entries[i].family);
        free(c->entries[i].subst_key);
        font_free(c->entries[i].font);
    }
    for (size_t i = 0; i < c->nsized; i++)
        font_free(c->sized[i].font);
    free(c->sized);
    for (size_t i = 0; i < c->nfallbacks; i++)
        font_free(c->fallbacks[i]);
    free(c->fallbacks);
    free(c->entries);
    cocom_map_clear(&c->by_pango);
    free(c);
    t->fonts = NULL;
}

static PangoScript script_of(const char *text, int len)
{
    for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (ch < 0x80) {
            if (g_ascii_isalpha((int)ch))
                return PANGO_SCRIPT_LATIN;
            continue;
        }
        PangoScript s = (PangoScript)g_unichar_get_script(ch);
        if (s != PANGO_SCRIPT_COMMON && s != PANGO_SCRIPT_INHERITED && s != PANGO_SCRIPT_UNKNOWN)
            return s;
    }
    return PANGO_SCRIPT_COMMON;
}

static void add_letter_spacing(PangoGlyphString *g, double ls)
{
    if (ls == 0)
        return;
    int add = (int)lround(ls * PANGO_SCALE);
    for (int i = 0; i < g->num_glyphs; i++)
        if (g->glyphs[i].attr.is_cluster_start)
            g->glyphs[i].geometry.width += add;
}

static CocomShapedWord *shape_word(CocomText *t, CocomFont *font, const char *text, int len, double ls)
{
    PangoAnalysis a;
    memset(&a, 0, sizeof a);
    a.font = font->pango;
    a.gravity = PANGO_GRAVITY_SOUTH;
    a.script = (guint8)script_of(text, len);
    a.language = pango_language_get_default();
    PangoGlyphString *g = pango_glyph_string_new();
    pango_shape_with_flags(text, len, text, len, &a, g, PANGO_SHAPE_NONE);
    if (!has_unknown(g)) {
        add_letter_spacing(g, ls);
        CocomShapedWord *w = cocom_xmalloc(sizeof *w + sizeof w->pieces[0]);
        w->npieces = 1;
        w->missing = 0;
        w->pieces[0] = (CocomShapedPiece){font, g, 0, len, pango_glyph_string_get_width(g) / (double)PANGO_SCALE};
        w->width = w->pieces[0].width;
        return w;
    }
    pango_glyph_string_free(g);
    /* Fallback: let Pango itemize the word with the font's description,
     * which picks a face per character through fontconfig. */
    PangoFontDescription *d = pango_font_describe_with_absolute_size(font->pango);
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_font_desc_new(d));
    GList *items = pango_itemize(t->pango, text, 0, len, attrs, NULL);
    pango_attr_list_unref(attrs);
    pango_font_description_free(d);
    int n = (int)g_list_length(items);
    CocomShapedWord *w = cocom_xcalloc(1, sizeof *w + (size_t)(n ? n : 1) * sizeof w->pieces[0]);
    for (GList *l = items; l; l = l->next) {
        PangoItem *it = l->data;
        PangoGlyphString *pg = pango_glyph_string_new();
        pango_shape_with_flags(text + it->offset, it->length, text, len, &it->analysis, pg, PANGO_SHAPE_NONE);
        add_letter_spacing(pg, ls);
        for (int i = 0; i < pg->num_glyphs; i++)
            if (pg->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
                w->missing++;
        CocomFont *pf = it->analysis.font ? font_for_pango(t, it->analysis.font) : font;
        CocomShapedPiece *p = &w->pieces[w->npieces++];
        *p = (CocomShapedPiece){pf, pg, it->offset, it->length, pango_glyph_string_get_width(pg) / (double)PANGO_SCALE};
        w->width += p->width;
        pango_item_free(it);
    }
    g_list_free(items);
    return w;
}

void cocom_font_cache_trim(CocomContext *ctx)
{
    /* Full: start again rather than track ages.  Lines copy what they
     * draw, so nothing outside the cache points into it between
     * paragraphs. */
    CocomText *t = cocom_text_find(ctx);
    if (t && t->words && t->words->count >= WORD_CACHE_MAX)
        words_clear(t->words);
}

const CocomShapedWord *cocom_font_shape(CocomContext *ctx, CocomFont *font, const char *text, int len,
                                        double letter_spacing)
{
    CocomText *t = cocom_text_get(ctx);
    if (!t->words) {
        t->words = cocom_xcalloc(1, sizeof *t->words);
        t->release_fonts = cocom_font_cache_destroy;
    }
    struct CocomWordCache *c = t->words;
    uint32_t h = cocom_hash(text, (size_t)len) ^ (uint32_t)(uintptr_t)font ^ (uint32_t)(letter_spacing * 1000);
    if (c->cap) {
        size_t mask = c->cap - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            WordEntry *e = &c->slots[i];
            if (!e->text)
                break;
            if (e->hash == h && e->font == font && e->len == len && e->letter_spacing == letter_spacing
                && memcmp(e->text, text, (size_t)len) == 0)
                return e->word;
        }
    }
    if ((c->count + 1) * 2 > c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 1024;
        WordEntry *slots = cocom_xcalloc(ncap, sizeof *slots);
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->slots[i].text)
                continue;
            size_t j = c->slots[i].hash & (ncap - 1);
            while (slots[j].text)
                j = (j + 1) & (ncap - 1);
            slots[j] = c->slots[i];
        }
        free(c->slots);
        c->slots = slots;
        c->cap = ncap;
    }
    CocomShapedWord *w;
    if (font->ref != font) {
        /* Another size of a face: the reference shape, scaled. */
        const CocomShapedWord *r = cocom_font_shape(ctx, font->ref, text, len, 0);
        w = cocom_xmalloc(sizeof *w + sizeof w->pieces[0] * (size_t)(r->npieces ? r->npieces : 1));
        w->npieces = r->npieces;
        w->missing = r->missing;
        w->width = 0;
        for (int i = 0; i < r->npieces; i++) {
            const CocomShapedPiece *rp = &r->pieces[i];
            CocomShapedPiece *p = &w->pieces[i];
            p->font = font_at(t, rp->font->ref, rp->font->ref->size * font->scale);
            p->glyphs = glyphs_scaled(rp->glyphs, font->scale);
            add_letter_spacing(p->glyphs, letter_spacing);
            p->offset = rp->offset;
            p->length = rp->length;
            p->width = pango_glyph_string_get_width(p->glyphs) / (double)PANGO_SCALE;
            w->width += p->width;
        }
        /* The recursive call may have grown the table. */
        if ((c->count + 1) * 2 > c->cap) {
            size_t ncap = c->cap * 2;
            WordEntry *slots = cocom_xcalloc(ncap, sizeof *slots);
            for (size_t i = 0; i < c->cap; i++) {
                if (!c->slots[i].text)
                    continue;
                size_t j = c->slots[i].hash & (ncap - 1);
                while (slots[j].text)
                    j = (j + 1) & (ncap - 1);
                slots[j] = c->slots[i];
            }
            free(c->slots);
            c->slots = slots;
            c->cap = ncap;
        }
    } else {
        w = shape_word(t, font, text, len, letter_spacing);
    }
    size_t mask = c->cap - 1;
    size_t i = h & mask;
    while (c->slots[i].text)
        i = (i + 1) & mask;
    c->slots[i] = (WordEntry){font, letter_spacing, cocom_xstrndup(text, (size_t)len), len, h, w};
    c->count++;
    return w;
}
