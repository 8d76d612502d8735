/* cites.c — page numbers painted before they are known (cites.h). */
#include "config.h"
#include "cites.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ALL_DIGITS 0x3FFu

/* The digits drawn in one font, as a mask (bit d for the digit d). */
typedef struct {
    const CocomFont *font;
    unsigned digits;
} FontDigits;

/* A placeholder as painted: which citation, in which font, its glyphs'
 * places, and the visible area (the clip) then.  Each different one is
 * checked once (a running footer paints a handful). */
typedef struct {
    int cite;
    const CocomFont *font;
    int n;
    double x[CITE_MAX_DIGITS], y[CITE_MAX_DIGITS];
    double vis[4];
} Pair;

struct CocomCites {
    int *painted;               /* per placeholder painted, in order: its cite */
    size_t npainted, cappainted;
    Pair *pairs;
    size_t npairs, cappairs;
    FontDigits *fonts;          /* a handful: a list is enough */
    size_t nfonts, capfonts;
    size_t last;                /* the font looked up last (runs come in a few fonts) */
    int given_up;               /* cocom_cites_give_up */
    char **texts;               /* per cite: its number (owned) */
    const char **order;         /* per placeholder painted: its number */
    size_t ncites;
};

CocomCites *cocom_cites_new(void)
{
    return cocom_xcalloc(1, sizeof(CocomCites));
}

void cocom_cites_free(CocomCites *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ncites; i++)
        free(c->texts[i]);
    free(c->texts);
    free(c->order);
    free(c->painted);
    free(c->pairs);
    free(c->fonts);
    free(c);
}

static FontDigits *font_digits(CocomCites *c, const CocomFont *font)
{
    if (c->last < c->nfonts && c->fonts[c->last].font == font)
        return &c->fonts[c->last];
    for (size_t i = 0; i < c->nfonts; i++)
        if (c->fonts[i].font == font) {
            c->last = i;
            return &c->fonts[i];
        }
    COCOM_GROW(c->fonts, c->capfonts, c->nfonts + 1);
    c->fonts[c->nfonts] = (FontDigits){font, 0};
    c->last = c->nfonts;
    return &c->fonts[c->nfonts++];
}

void cocom_cites_painted(CocomCites *c, int cite, const CocomFont *font, const cairo_glyph_t *glyphs, int n,
                         const double vis[4])
{
    COCOM_GROW(c->painted, c->cappainted, c->npainted + 1);
    c->painted[c->npainted++] = cite;
    if (n > CITE_MAX_DIGITS) {
        c->given_up = 1;   /* more zeros than any page count has digits */
        return;
    }
    Pair p;
    memset(&p, 0, sizeof p);   /* padding too: pairs are compared as bytes */
    p.cite = cite;
    p.font = font;
    p.n = n;
    for (int i = 0; i < n; i++) {
        p.x[i] = glyphs[i].x;
        p.y[i] = glyphs[i].y;
    }
    memcpy(p.vis, vis, sizeof p.vis);
    for (size_t i = 0; i < c->npairs; i++)
        if (memcmp(&c->pairs[i], &p, sizeof p) == 0)
            return;
    COCOM_GROW(c->pairs, c->cappairs, c->npairs + 1);
    c->pairs[c->npairs++] = p;
}

void cocom_cites_drawn(CocomCites *c, const CocomFont *font, const char *text, size_t len)
{
    FontDigits *fd = font_digits(c, font);
    if (fd->digits == ALL_DIGITS)
        return;
    for (size_t i = 0; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9')
            fd->digits |= 1u << (text[i] - '0');
}

/* Are a and b shaped alike, in one piece of one font (no fallback): as
 * many glyphs, each as wide, none moved off its place? */
static int same_shape(const CocomShapedWord *a, const CocomShapedWord *b)
{
    if (!a || !b || a->npieces != 1 || b->npieces != 1 || a->missing || b->missing)
        return 0;
    const PangoGlyphString *ga = a->pieces[0].glyphs, *gb = b->pieces[0].glyphs;
    if (a->pieces[0].font != b->pieces[0].font || ga->num_glyphs != gb->num_glyphs)
        return 0;
    for (int i = 0; i < ga->num_glyphs; i++) {
        const PangoGlyphGeometry *x = &ga->glyphs[i].geometry, *y = &gb->glyphs[i].geometry;
        if (x->width != y->width || x->x_offset != y->x_offset || x->y_offset != y->y_offset)
            return 0;
    }
    return 1;
}

void cocom_cites_give_up(CocomCites *c)
{
    c->given_up = 1;
}

int cocom_cites_hopeless(CocomCites *c)
{
    if (c->given_up)
        return 1;
    for (size_t i = 0; i < c->npairs; i++)
        if (!(font_digits(c, c->pairs[i].font)->digits & ~1u))
            return 1;
    return 0;
}

int cocom_cites_digits_alike(CocomContext *ctx, CocomFont *font)
{
    const CocomShapedWord *zero = cocom_font_shape(ctx, font, "0", 1, 0);
    for (char d = '1'; d <= '9'; d++)
        if (!same_shape(zero, cocom_font_shape(ctx, font, &d, 1, 0)))
            return 0;
    return 1;
}

/* The ink of word w's glyphs, drawn where the placeholder's were (x0 y0
 * x1 y1, device space). */
static void ink_box(const Pair *p, const CocomFont *font, const CocomShapedWord *w, double box[4])
{
    const PangoGlyphString *g = w->pieces[0].glyphs;
    cairo_glyph_t gl[CITE_MAX_DIGITS];
    for (int i = 0; i < p->n; i++)
        gl[i] = (cairo_glyph_t){g->glyphs[i].glyph, p->x[i], p->y[i]};
    cairo_text_extents_t e;
    cairo_scaled_font_glyph_extents(font->scaled, gl, p->n, &e);
    box[0] = gl[0].x + e.x_bearing;
    box[1] = gl[0].y + e.y_bearing;
    box[2] = box[0] + e.width;
    box[3] = box[1] + e.height;
}

/* Cairo clips what it draws to the clip reduced to the drawing's ink,
 * rounded out to whole points: a placeholder's drawing is clipped to the
 * zeros' ink.  The number's glyphs show as they would have only if all
 * of their visible ink lies within that. */
static int ink_covered(const Pair *p, const CocomFont *font, const CocomShapedWord *zeros,
                       const CocomShapedWord *number)
{
    double z[4], t[4];
    ink_box(p, font, zeros, z);
    ink_box(p, font, number, t);
    if (t[2] <= t[0] || t[3] <= t[1])
        return 1;   /* no ink */
    double v[4] = {fmax(t[0], p->vis[0]), fmax(t[1], p->vis[1]), fmin(t[2], p->vis[2]), fmin(t[3], p->vis[3])};
    if (v[2] <= v[0] || v[3] <= v[1])
        return 1;   /* none of it visible */
    return v[0] >= floor(z[0]) && v[1] >= floor(z[1]) && v[2] <= ceil(z[2]) && v[3] <= ceil(z[3]);
}

int cocom_cites_resolve(CocomCites *c, CocomContext *ctx, const struct RefCite *cites, size_t ncites,
                        const CocomRefs *refs, int digits, const char *const **texts, size_t *n)
{
    *texts = NULL;
    *n = 0;
    if (digits <= 0 || digits > CITE_MAX_DIGITS || c->given_up || c->texts)
        return 0;
    /* Each citation's number: exactly `digits` digits. */
    c->texts = cocom_xcalloc(ncites ? ncites : 1, sizeof *c->texts);
    c->ncites = ncites;
    for (size_t i = 0; i < ncites; i++) {
        intptr_t v;
        const char *t = cocom_map_get(cites[i].last ? &refs->last : &refs->first, cites[i].id, &v)
                            ? (const char *)v : NULL;
        if (!t || strlen(t) != (size_t)digits || strspn(t, "0123456789") != (size_t)digits)
            return 0;
        c->texts[i] = cocom_xstrdup(t);
    }
    char zeros[CITE_MAX_DIGITS + 1];
    memset(zeros, '0', (size_t)digits);
    zeros[digits] = 0;
    for (size_t i = 0; i < c->npairs; i++) {
        const Pair *pr = &c->pairs[i];
        if (pr->cite < 1 || (size_t)pr->cite > ncites)
            return 0;
        const char *t = c->texts[pr->cite - 1];
        /* Every digit drawn somewhere in this font (the zeros themselves
         * are: they were painted). */
        unsigned have = font_digits(c, pr->font)->digits | 1u;
        for (const char *q = t; *q; q++)
            if (!(have & (1u << (*q - '0'))))
                return 0;
        CocomFont *f = (CocomFont *)pr->font;
        const CocomShapedWord *wz = cocom_font_shape(ctx, f, zeros, digits, 0);
        const CocomShapedWord *wt = cocom_font_shape(ctx, f, t, digits, 0);
        if (!same_shape(wz, wt) || wz->pieces[0].glyphs->num_glyphs != pr->n || !f->scaled
            || !ink_covered(pr, f, wz, wt))
            return 0;
    }
    c->order = cocom_xcalloc(c->npainted ? c->npainted : 1, sizeof *c->order);
    for (size_t i = 0; i < c->npainted; i++)
        c->order[i] = c->texts[c->painted[i] - 1];
    *texts = c->order;
    *n = c->npainted;
    return 1;
}
