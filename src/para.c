/* para.c — see para.h.
 *
 * Three steps: atoms (boxes, glue, penalties) from the pieces; breaks
 * (Knuth–Plass for justified text, first-fit otherwise: para-break.c);
 * lines assembled from the atoms between breaks into runs of glyphs.
 */
#include "config.h"
#include "para.h"
#include "para-impl.h"
#include "hyph.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void say_missing_glyphs(Composer *c);

static Atom *push(Composer *c, uint8_t type)
{
    COCOM_GROW(c->atoms, c->cap, c->n + 1);
    Atom *a = &c->atoms[c->n++];
    memset(a, 0, sizeof *a);
    a->type = type;
    a->anchor = -1;
    return a;
}

static void push_penalty(Composer *c, int style, double width, int penalty, int flagged, int hyphen)
{
    Atom *a = push(c, A_PENALTY);
    a->style = style;
    a->width = width;
    a->penalty = penalty;
    a->flagged = (uint8_t)flagged;
    a->draws_hyphen = (uint8_t)hyphen;
}

/* Characters no installed font has are drawn as boxes (Pango's "unknown"
 * glyphs, which carry the character).  Each is noted once per character
 * and family asked for in the run, and say_missing_glyphs names those of
 * a paragraph in one warning (Apache FOP warns of each too). */
static void note_missing_glyphs(Composer *c, const ParaStyle *st, const CocomShapedWord *w)
{
    if (c->in->quiet)
        return;
    const char *family = st->font->ref->asked ? st->font->ref->asked : st->font->family;
    for (int p = 0; p < w->npieces; p++) {
        const PangoGlyphString *g = w->pieces[p].glyphs;
        for (int i = 0; i < g->num_glyphs; i++) {
            if (!(g->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) || g->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
                continue;
            gunichar ch = g->glyphs[i].glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
            char key[300];
            snprintf(key, sizeof key, "glyph:%04X:%.250s", (unsigned)ch, family);
            if (!cocom_report_once(c->ctx, key))
                continue;
            if (c->missing_family && strcmp(c->missing_family, family) != 0)
                say_missing_glyphs(c);   /* one warning per family */
            c->missing_family = family;
            char utf8[8] = {0};
            if (g_unichar_validate(ch))
                g_unichar_to_utf8(ch, utf8);
            cocom_buf_printf(&c->missing, "%sU+%04X '%s'", c->nmissing ? ", " : "", (unsigned)ch, utf8);
            c->nmissing++;
        }
    }
}

static void say_missing_glyphs(Composer *c)
{
    if (c->nmissing)
        cocom_report(c->ctx, COCOM_SEVERITY_WARNING, c->in->file, c->in->line,
                     "no installed font has %s %s (font-family '%s'); %s drawn as an empty box",
                     c->nmissing > 1 ? "the characters" : "the character", c->missing.data, c->missing_family,
                     c->nmissing > 1 ? "each is" : "it is");
    cocom_buf_free(&c->missing);
    c->nmissing = 0;
    c->missing_family = NULL;
}

static void push_word(Composer *c, int piece, int style, const char *text, int len)
{
    if (len <= 0)
        return;
    const ParaStyle *st = &c->in->styles[style];
    Atom *a = push(c, A_BOX);
    a->piece = piece;
    a->style = style;
    a->text = text;
    a->len = len;
    a->shaped = cocom_font_shape(c->ctx, st->font, text, len, st->letter_spacing);
    a->width = a->shaped->width;
    if (a->shaped->missing)
        note_missing_glyphs(c, st, a->shaped);
}

static void push_space(Composer *c, int piece, int style)
{
    const ParaStyle *st = &c->in->styles[style];
    Atom *a = push(c, A_GLUE);
    a->piece = piece;
    a->style = style;
    double sp = st->font->space_width + st->letter_spacing;
    a->width = sp + st->word_spacing;
    if (a->width < 0)
        a->width = 0;
    a->stretch = sp / 2;
    a->shrink = sp / 3;
    a->kept = st->keep_spaces;
}

static void push_forced_break(Composer *c, int style)
{
    Atom *g = push(c, A_GLUE);
    g->style = style;
    g->stretch = FIL;
    push_penalty(c, style, 0, FORCED, 0, 0);
}

static int is_letter(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Narrows [*s, *e) of w to the run of letters inside it: punctuation
 * around a word ("(Chair),") is never hyphenated. */
static void letters_within(const char *w, int *s, int *e)
{
    while (*s < *e && !g_unichar_isalpha(g_utf8_get_char(w + *s)))
        *s = (int)(g_utf8_next_char(w + *s) - w);
    while (*e > *s) {
        const char *prev = g_utf8_find_prev_char(w + *s, w + *e);
        if (!prev || g_unichar_isalpha(g_utf8_get_char(prev)))
            break;
        *e = (int)(prev - w);
    }
}

/* A word of text (no spaces), cut where it may break: hyphenation points
 * from the dictionary, after explicit hyphens, after slashes in web
 * addresses, and wherever Pango's UAX #14 analysis allows (non-ASCII). */
static void add_word(Composer *c, int piece, int style, const char *w, int len, const PangoLogAttr *attrs,
                     long ci)
{
    const ParaStyle *st = &c->in->styles[style];
    /* Break positions (byte offsets into w) and their kinds. */
    int cuts[128];
    uint8_t kind[128];     /* 1 hyphenation, 2 explicit hyphen, 3 url, 4 uax14 */
    int ncuts = 0;
    const char *scheme = len > 8 ? memmem(w, (size_t)len, "://", 3) : NULL;
    int url = scheme || (len > 8 && strncmp(w, "www.", 4) == 0);
    /* A web address breaks only after its scheme, "www." and first
     * character ("https://" or "www" never ends a line alone): after a
     * slash, ? or &, or before a dot; never at its hyphens, and it is
     * never hyphenated. */
    int url_from = scheme ? (int)(scheme - w) + 3 : 0;
    if (url_from + 4 < len && strncmp(w + url_from, "www.", 4) == 0)
        url_from += 4;
    url_from++;
    if (attrs) {
        /* ci: the char index of the word's first byte within the piece. */
        const char *p = g_utf8_next_char(w);
        for (long k = ci + 1; p < w + len && ncuts < 128; k++, p = g_utf8_next_char(p))
            if (attrs[k].is_line_break && !attrs[k].is_mandatory_break) {
                cuts[ncuts] = (int)(p - w);
                kind[ncuts++] = 4;
            }
    } else {
        for (int i = 1; i < len - 1 && ncuts < 128; i++) {
            if (url) {
                if (i < url_from)
                    continue;
                if ((w[i] == '/' || w[i] == '?' || w[i] == '&') && w[i + 1] != '/') {
                    cuts[ncuts] = i + 1;
                    kind[ncuts++] = 3;
                } else if (w[i] == '.' && w[i - 1] != '/' && is_letter((unsigned char)w[i + 1])) {
                    cuts[ncuts] = i;
                    kind[ncuts++] = 3;
                }
            } else if (w[i] == '-' && (is_letter((unsigned char)w[i - 1]) || (w[i - 1] >= '0' && w[i - 1] <= '9'))
                       && is_letter((unsigned char)w[i + 1])) {
                cuts[ncuts] = i + 1;
                kind[ncuts++] = 2;
            }
        }
    }
    if (st->hyphenate && !url) {
        /* Hyphenate each alphabetic stretch between the cuts found so far. */
        int start = 0;
        for (int k = 0; k <= ncuts && ncuts < 120; k++) {
            int end = k < ncuts ? cuts[k] : len;
            int s = start, e = end;
            letters_within(w, &s, &e);
            int pts[64];
            int np = e - s >= 4 ? cocom_hyphenate(c->ctx, st->language, st->country, w + s, e - s,
                                                   st->hyph_left, st->hyph_right, pts, 64) : 0;
            if (np > 0) {
                /* Insert the points, keeping cuts sorted. */
                int merged[128];
                uint8_t mkind[128];
                int m = 0, a = 0;
                for (int b = 0; b < np && m < 127; b++) {
                    int pos = s + pts[b];
                    while (a < ncuts && cuts[a] < pos && m < 127) {
                        merged[m] = cuts[a];
                        mkind[m++] = kind[a++];
                    }
                    if (m < 127) {
                        merged[m] = pos;
                        mkind[m++] = 1;
                    }
                }
                while (a < ncuts && m < 128) {
                    merged[m] = cuts[a];
                    mkind[m++] = kind[a++];
                }
                int inserted = m - ncuts;
                memcpy(cuts, merged, sizeof(int) * (size_t)m);
                memcpy(kind, mkind, (size_t)m);
                ncuts = m;
                k += inserted;
            }
            start = end;
        }
    }
    int prev = 0;
    for (int k = 0; k < ncuts; k++) {
        if (cuts[k] <= prev || cuts[k] >= len)
            continue;
        push_word(c, piece, style, w + prev, cuts[k] - prev);
        switch (kind[k]) {
        case 1: push_penalty(c, style, st->font->hyphen_width, HYPHEN_PENALTY, 1, 1); break;
        case 2: push_penalty(c, style, 0, EXPLICIT_HYPHEN_PENALTY, 1, 0); break;
        case 3: push_penalty(c, style, 0, URL_BREAK_PENALTY, 0, 0); break;
        default: push_penalty(c, style, 0, 0, 0, 0); break;
        }
        prev = cuts[k];
    }
    push_word(c, piece, style, w + prev, len - prev);
}

static int is_breaking_space(gunichar ch)
{
    if (ch == ' ' || ch == '\t' || ch == 0x3000 || ch == 0x1680)
        return 1;
    if (ch >= 0x2000 && ch <= 0x200A && ch != 0x2007)
        return 1;
    if (ch == 0x205F)
        return 1;
    return 0;
}

static void add_text(Composer *c, int piece, const ParaPiece *p)
{
    const char *t = p->text;
    int len = p->len;
    int ascii = 1;
    for (int i = 0; i < len && ascii; i++)
        ascii = (unsigned char)t[i] < 0x80;
    PangoLogAttr *attrs = NULL;
    if (!ascii) {
        int nchars = (int)g_utf8_strlen(t, len);
        attrs = cocom_xmalloc(sizeof *attrs * (size_t)(nchars + 1));
        const ParaStyle *st = &c->in->styles[p->style];
        pango_get_log_attrs(t, len, -1, pango_language_from_string(st->language[0] ? st->language : "en"),
                            attrs, nchars + 1);
    }
    int i = 0;
    long ci = 0;   /* char index of byte i */
    while (i < len) {
        gunichar ch = ascii ? (gunichar)(unsigned char)t[i] : g_utf8_get_char(t + i);
        int clen = ascii ? 1 : (int)(g_utf8_next_char(t + i) - (t + i));
        if (ch == '\n' || ch == 0x2028 || ch == 0x2029) {
            push_forced_break(c, p->style);
            i += clen;
            ci++;
        } else if (is_breaking_space(ch)) {
            push_space(c, piece, p->style);
            i += clen;
            ci++;
        } else if (ch == 0x200B) {            /* zero-width space: a break, no width */
            push_penalty(c, p->style, 0, 0, 0, 0);
            i += clen;
            ci++;
        } else {
            int j = i;
            long cj_index = ci;
            while (j < len) {
                gunichar cj = ascii ? (gunichar)(unsigned char)t[j] : g_utf8_get_char(t + j);
                if (cj == '\n' || cj == 0x2028 || cj == 0x2029 || cj == 0x200B || is_breaking_space(cj))
                    break;
                j += ascii ? 1 : (int)(g_utf8_next_char(t + j) - (t + j));
                cj_index++;
            }
            add_word(c, piece, p->style, t + i, j - i, attrs, ci);
            i = j;
            ci = cj_index;
        }
    }
    free(attrs);
}

/* Says once per paragraph what became of a word too wide for its line:
 * "a word <what> ('<its first 20 characters>', N characters) <done>". */
static void say_long_word(Composer *c, const Atom *a, const char *what, const char *done)
{
    if (c->warned_long_word)
        return;
    c->warned_long_word = 1;
    if (c->in->styles[a->style].cite && c->in->cite_quoted)
        *c->in->cite_quoted = 1;
    long nchars = g_utf8_strlen(a->text, a->len);
    int show = (int)(g_utf8_offset_to_pointer(a->text, nchars > 20 ? 20 : nchars) - a->text);
    cocom_report(c->ctx, COCOM_SEVERITY_WARNING, c->in->file, c->in->line, "a word %s ('%.*s%s', %ld characters) %s",
                 what, show, a->text, nchars > 20 ? "…" : "", nchars, done);
}

/* Cuts one box's text between characters (keeping combining marks with
 * their base), so the greedy breaker can fill lines with it: the last
 * resort, which a warning names. */
static void push_char_pieces(Composer *c, const Atom *a, const char *p, const char *end)
{
    say_long_word(c, a, "longer than the line", "is broken between characters");
    int first = 1;
    while (p < end) {
        const char *q = g_utf8_next_char(p);
        while (q < end && g_unichar_ismark(g_utf8_get_char(q)))
            q = g_utf8_next_char(q);
        if (!first)
            push_penalty(c, a->style, 0, EMERGENCY_PENALTY, 0, 0);
        push_word(c, a->piece, a->style, p, (int)(q - p));
        first = 0;
        p = q;
    }
}

/* Keeps a word (or the syllable of one) that is wider than the line whole,
 * to overflow it: XSL 1.1 breaks words only at hyphenation points
 * (§7.16.1 hyphenate, §4.7.2: lines are built of whole glyph areas), and a
 * word read whole beats one cut into letters (issue 22).  Said once per
 * paragraph, with how far it reaches past the line. */
static void push_overflowing_word(Composer *c, const Atom *a, const char *p, const char *end, double over)
{
    char done[64];
    snprintf(done, sizeof done, "is not broken; it overflows the line by %.1fpt", over);
    say_long_word(c, a, "wider than its line", done);
    push_word(c, a->piece, a->style, p, (int)(end - p));
}

/* Where a word too wide for the line may be hyphenated: the dictionary's
 * points of its run of letters (punctuation around it stays on), even
 * when the text is not hyphenated otherwise — a visible hyphen at a
 * syllable reads better than a word cut anywhere (issue 18).  Needs the
 * text's language; returns the number of byte offsets written. */
static int emergency_points(Composer *c, const Atom *a, int *pts, int max)
{
    const ParaStyle *st = &c->in->styles[a->style];
    if (!st->language[0])
        return 0;
    const char *w = a->text;
    int s = 0, e = a->len;
    letters_within(w, &s, &e);
    if (e - s < 4)
        return 0;
    /* Not a word: a piece of a web address or a file name. */
    for (int i = 0; i < a->len; i++)
        if (w[i] == '/' || w[i] == '.' || w[i] == ':' || w[i] == '@')
            return 0;
    int n = cocom_hyphenate(c->ctx, st->language, st->country, w + s, e - s, st->hyph_left > 0 ? st->hyph_left : 2,
                            st->hyph_right > 0 ? st->hyph_right : 2, pts, max);
    for (int i = 0; i < n; i++)
        pts[i] += s;
    return n;
}

/* The widest of a word's pieces between its hyphenation points `pts`,
 * each with the hyphen drawn after it. */
static double widest_syllable(Composer *c, const Atom *a, const int *pts, int np)
{
    const ParaStyle *st = &c->in->styles[a->style];
    double widest = 0;
    int prev = 0;
    for (int k = 0; k <= np; k++) {
        int cut = k < np ? pts[k] : a->len;
        const CocomShapedWord *sw = cocom_font_shape(c->ctx, st->font, a->text + prev, cut - prev, st->letter_spacing);
        double need = sw->width + (k < np ? st->font->hyphen_width : 0);
        if (need > widest)
            widest = need;
        prev = cut;
    }
    return widest;
}

/* A box wider than any line is hyphenated at the dictionary's points
 * where it has them, and what is still too wide is cut between
 * characters in table cells and left whole elsewhere (cut_long_words).
 * A word already cut at hyphenation points (hyphenate="true") is one of
 * its syllables here and is only ever cut between characters. */
static void split_long_boxes(Composer *c, double narrowest)
{
    int any = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->atoms[i].type == A_BOX && c->atoms[i].text && c->atoms[i].width > narrowest)
            any = 1;
    if (!any)
        return;
    Atom *old = c->atoms;
    size_t n = c->n;
    c->atoms = NULL;
    c->n = c->cap = 0;
    for (size_t i = 0; i < n; i++) {
        Atom a = old[i];
        if (!(a.type == A_BOX && a.text && a.width > narrowest)) {
            COCOM_GROW(c->atoms, c->cap, c->n + 1);
            c->atoms[c->n++] = a;
            continue;
        }
        const ParaStyle *st = &c->in->styles[a.style];
        int pts[64];
        int np = st->hyphenate ? 0 : emergency_points(c, &a, pts, 64);
        /* Outside table cells, a word its hyphenation points cannot make
         * fit stays whole (hyphenated, it would overflow all the same, in
         * pieces). */
        if (!c->in->cut_long_words && a.width <= c->in->overflow_room && widest_syllable(c, &a, pts, np) > narrowest) {
            push_overflowing_word(c, &a, a.text, a.text + a.len, a.width - narrowest);
            continue;
        }
        int prev = 0;
        for (int k = 0; k <= np; k++) {
            int cut = k < np ? pts[k] : a.len;
            if (k > 0)
                push_penalty(c, a.style, st->font->hyphen_width, HYPHEN_PENALTY, 1, 1);
            const char *p = a.text + prev, *q = a.text + cut;
            /* A syllable still too wide (with the hyphen after it) is cut
             * between characters. */
            const CocomShapedWord *sw = cocom_font_shape(c->ctx, st->font, p, (int)(q - p), st->letter_spacing);
            double need = sw->width + (k < np ? st->font->hyphen_width : 0);
            if (need > narrowest)
                push_char_pieces(c, &a, p, q);
            else
                push_word(c, a.piece, a.style, p, (int)(q - p));
            prev = cut;
        }
    }
    free(old);
}

/* ---------------------------------------------------------------------- */
/* Assembling lines                                                         */

/* A line under construction.  Glyphs gather in the builder's own arrays
 * and go into the run's PangoGlyphString once, at its end: Pango's
 * pango_glyph_string_set_size reallocates on every call. */
typedef struct {
    ParaLine *line;
    LineRun *cur;
    CocomBuf text;
    double x;
    PangoGlyphInfo *glyphs;
    int *clusters;
    size_t n, cap;
} Builder;

static int same_style(const ParaStyle *a, const ParaStyle *b)
{
    return a->color == b->color && a->background == b->background && a->decoration == b->decoration
           && a->rise == b->rise && a->link == b->link && a->tag == b->tag && a->hidden == b->hidden
           && a->cite == b->cite;
}

static void finish_run(Builder *b)
{
    if (b->cur && b->cur->kind == RUN_GLYPHS) {
        b->cur->text = cocom_buf_steal(&b->text);
        b->cur->text_len = (int)strlen(b->cur->text);
        PangoGlyphString *g = b->cur->glyphs;
        pango_glyph_string_set_size(g, (int)b->n);
        memcpy(g->glyphs, b->glyphs, sizeof(PangoGlyphInfo) * b->n);
        memcpy(g->log_clusters, b->clusters, sizeof(int) * b->n);
        b->n = 0;
    }
    b->cur = NULL;
}

static LineRun *new_run(Builder *b, uint8_t kind, const ParaStyle *st, CocomFont *font)
{
    finish_run(b);
    ParaLine *l = b->line;
    l->runs = cocom_xrealloc(l->runs, sizeof *l->runs * (size_t)(l->nruns + 1));
    LineRun *r = &l->runs[l->nruns++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->x = b->x;
    r->style = *st;
    r->font = font;
    if (kind == RUN_GLYPHS)
        r->glyphs = pango_glyph_string_new();
    b->cur = r;
    return r;
}

/* Appends glyphs (clusters relative to `text`) to the current glyph run,
 * starting a new run when font or style differ. */
static void append_glyphs(Builder *b, const ParaStyle *st, CocomFont *font, const PangoGlyphString *g,
                          const char *text, int len, double width, double stretch_extra)
{
    if (!b->cur || b->cur->kind != RUN_GLYPHS || b->cur->font != font || !same_style(&b->cur->style, st))
        new_run(b, RUN_GLYPHS, st, font);
    LineRun *r = b->cur;
    int base = (int)b->text.len;
    cocom_buf_append(&b->text, text, (size_t)len);
    size_t old = b->n;
    size_t need = old + (size_t)g->num_glyphs;
    if (need > b->cap) {
        b->cap = need * 2 > 64 ? need * 2 : 64;
        b->glyphs = cocom_xrealloc(b->glyphs, sizeof(PangoGlyphInfo) * b->cap);
        b->clusters = cocom_xrealloc(b->clusters, sizeof(int) * b->cap);
    }
    memcpy(b->glyphs + old, g->glyphs, sizeof(PangoGlyphInfo) * (size_t)g->num_glyphs);
    for (int i = 0; i < g->num_glyphs; i++)
        b->clusters[old + (size_t)i] = g->log_clusters[i] + base;
    b->n = need;
    if (stretch_extra != 0 && g->num_glyphs > 0)
        b->glyphs[need - 1].geometry.width += (int)lround(stretch_extra * PANGO_SCALE);
    r->width += width + stretch_extra;
    b->x += width + stretch_extra;
}

static void line_metrics(const ParaInput *in, ParaLine *l)
{
    /* The strut: the block's own font at its line-height, half-leading
     * split above and below (XSL 1.1 §7.15.4). */
    CocomFont *sf = in->strut_font;
    double lh = in->strut_line_height;
    double asc = sf ? sf->ascent + (lh - (sf->ascent + sf->descent)) / 2 : 0;
    double desc = sf ? lh - asc : 0;
    for (int i = 0; i < l->nruns; i++) {
        LineRun *r = &l->runs[i];
        double a, d;
        if (r->kind == RUN_BOX) {
            a = r->height;
            d = r->depth;
        } else {
            CocomFont *f = r->font;
            double rlh = r->style.line_height > 0 ? r->style.line_height : f->ascent + f->descent;
            a = f->ascent + (rlh - (f->ascent + f->descent)) / 2;
            d = rlh - a;
        }
        a += r->style.rise;
        d -= r->style.rise;
        if (a > asc)
            asc = a;
        if (d > desc)
            desc = d;
    }
    l->ascent = asc;
    l->descent = desc;
}

static void assemble(Composer *c, size_t from, size_t brk, int index, int last, ParaLine *l)
{
    const ParaInput *in = c->in;
    memset(l, 0, sizeof *l);
    if (from < c->n) {
        const Atom *fa = &c->atoms[from];
        l->src_piece = fa->piece;
        if (fa->type == A_BOX && fa->text && fa->piece >= 0 && fa->piece < in->npieces
            && in->pieces[fa->piece].kind == PARA_TEXT)
            l->src_off = (int)(fa->text - in->pieces[fa->piece].text);
    }
    l->width = para_line_width(in, index);
    l->x = index == 0 ? in->text_indent : 0;
    size_t to = brk;   /* exclusive */
    const Atom *ba = brk < c->n ? &c->atoms[brk] : NULL;
    int hyphen = ba && ba->type == A_PENALTY && ba->draws_hyphen && ba->penalty > FORCED;
    /* Trailing glue goes; a penalty inside is nothing. */
    while (to > from && c->atoms[to - 1].type == A_GLUE)
        to--;
    double natural = 0, stretch = 0, shrink = 0, leader_stretch = 0, leader_shrink = 0;
    for (size_t i = from; i < to; i++) {
        const Atom *a = &c->atoms[i];
        if (a->type == A_BOX || a->type == A_GLUE) {
            natural += a->width;
            if (a->leader) {
                leader_stretch += a->stretch;
                leader_shrink += a->shrink;
            } else if (a->type == A_GLUE && a->stretch < FIL) {
                stretch += a->stretch;
                shrink += a->shrink;
            }
        }
    }
    if (hyphen)
        natural += ba->width;
    double avail = l->width - (last ? in->last_line_end_indent : 0);
    uint8_t align = last ? in->align_last : in->align;
    double extra = avail - natural;
    double glue_ratio = 0, leader_ratio = 0;
    /* Leaders take the slack first (like TeX's fil glue) when the line is
     * justified; otherwise they keep their optimum length. */
    if (align == FO_ALIGN_JUSTIFY) {
        if (extra > 0 && leader_stretch > 0)
            leader_ratio = extra / leader_stretch;
        else if (extra > 0 && stretch > 0)
            glue_ratio = extra / stretch;
        else if (extra < 0 && shrink + leader_shrink > 0) {
            glue_ratio = extra / (shrink + leader_shrink);
            if (glue_ratio < -1)
                glue_ratio = -1;
            leader_ratio = glue_ratio;
        }
    } else if (in->align == FO_ALIGN_JUSTIFY && extra < 0 && shrink + leader_shrink > 0) {
        /* The last line of a justified paragraph, set ragged: the
         * total-fit breaker chose it counting on its spaces' shrink, as
         * TeX's does (its fill glue stretches, never shrinks, so the
         * rest of the line still may), so an overfull one shrinks here
         * too instead of running into the margin. */
        glue_ratio = extra / (shrink + leader_shrink);
        if (glue_ratio < -1)
            glue_ratio = -1;
        leader_ratio = glue_ratio;
    }
    if (leader_ratio > 1e6)
        leader_ratio = 1e6;
    double used = natural;
    if (glue_ratio > 0)
        used += glue_ratio * stretch;
    else if (glue_ratio < 0)
        used += glue_ratio * shrink;
    if (leader_ratio > 0)
        used += leader_ratio * leader_stretch;
    else if (leader_ratio < 0)
        used += leader_ratio * leader_shrink;
    double offset = 0;
    if (align == FO_ALIGN_CENTER)
        offset = (avail - used) / 2;
    else if (align == FO_ALIGN_END || align == FO_ALIGN_RIGHT)
        offset = avail - used;
    if (offset < 0)
        offset = 0;
    l->natural = used;
    l->overfull = used > avail + 0.01;

    Builder b = {l, NULL, {0}, offset, c->scratch_glyphs, c->scratch_clusters, 0, c->scratch_cap};
    for (size_t i = from; i < to; i++) {
        const Atom *a = &c->atoms[i];
        const ParaStyle *st = &in->styles[a->style];
        if (a->type == A_ANCHOR) {
            l->anchors = cocom_xrealloc(l->anchors, sizeof(int) * (size_t)(l->nanchors + 1));
            l->anchors[l->nanchors++] = a->anchor;
        } else if (a->type == A_GLUE) {
            double extra_w = a->stretch >= FIL ? 0 : glue_ratio > 0 ? glue_ratio * a->stretch
                                                    : glue_ratio < 0 ? glue_ratio * a->shrink : 0;
            if (a->stretch >= FIL)
                continue;
            /* The space glyph carries the glue, so text extraction and
             * screen readers see the space. */
            CocomFont *f = st->font;
            double spw = pango_glyph_string_get_width(f->space) / (double)PANGO_SCALE;
            append_glyphs(&b, st, f, f->space, " ", 1, spw, a->width - spw + extra_w);
        } else if (a->type == A_BOX && a->leader) {
            double w = a->width + (leader_ratio > 0 ? leader_ratio * a->stretch : leader_ratio < 0 ? leader_ratio * a->shrink : 0);
            LineRun *r = new_run(&b, RUN_LEADER, st, st->font);
            const ParaPiece *p = &in->pieces[a->piece];
            r->width = w;
            r->leader_pattern = p->leader_pattern;
            r->leader_pattern_width = p->leader_pattern_width;
            r->leader_alignment = p->leader_alignment;
            if (p->leader_pattern == FO_LEADER_USE_CONTENT && p->text && p->len > 0) {
                /* The content to repeat, shaped once; a fallback font's
                 * piece of it is left out (one font per leader run). */
                const CocomShapedWord *sw = cocom_font_shape(c->ctx, st->font, p->text, p->len, st->letter_spacing);
                if (sw && sw->npieces > 0 && sw->pieces[0].glyphs->num_glyphs > 0) {
                    r->font = sw->pieces[0].font;
                    r->glyphs = pango_glyph_string_copy(sw->pieces[0].glyphs);
                    r->text = cocom_xstrndup(p->text, (size_t)sw->pieces[0].length);
                    r->text_len = sw->pieces[0].length;
                }
            }
            r->rule_thickness = p->rule_thickness;
            r->rule_style = p->rule_style;
            b.x += w;
            finish_run(&b);
        } else if (a->type == A_BOX && a->object) {
            const ParaPiece *p = &in->pieces[a->piece];
            LineRun *r = new_run(&b, RUN_BOX, st, st->font);
            r->width = p->width;
            r->height = p->height;
            r->depth = p->depth;
            r->object = p->object;
            r->alt = p->alt ? cocom_xstrdup(p->alt) : NULL;
            b.x += p->width;
            finish_run(&b);
        } else if (a->type == A_BOX && a->shaped) {
            for (int k = 0; k < a->shaped->npieces; k++) {
                const CocomShapedPiece *sp = &a->shaped->pieces[k];
                append_glyphs(&b, st, sp->font, sp->glyphs, a->text + sp->offset, sp->length, sp->width, 0);
            }
        }
    }
    if (hyphen) {
        const ParaStyle *st = &in->styles[ba->style];
        append_glyphs(&b, st, st->font, st->font->hyphen, "\xc2\xad", 2, st->font->hyphen_width, 0);
        l->ends_with_hyphen = 1;
    } else if (ba && ba->type == A_GLUE && to > from && b.cur && b.cur->kind == RUN_GLYPHS) {
        /* A line broken at a space keeps the space, with no width, so
         * that text extraction and screen readers see two words. */
        const ParaStyle *st = &b.cur->style;
        CocomFont *f = b.cur->font;
        double spw = pango_glyph_string_get_width(f->space) / (double)PANGO_SCALE;
        append_glyphs(&b, st, f, f->space, " ", 1, spw, -spw);
    }
    finish_run(&b);
    cocom_buf_free(&b.text);
    c->scratch_glyphs = b.glyphs;
    c->scratch_clusters = b.clusters;
    c->scratch_cap = b.cap;
    line_metrics(in, l);
}

int cocom_para_compose(CocomContext *ctx, const ParaInput *in, ParaLine **lines_out)
{
    *lines_out = NULL;
    cocom_font_cache_trim(ctx);   /* never while atoms point into the cache */
    Composer c;
    memset(&c, 0, sizeof c);
    c.ctx = ctx;
    c.in = in;
    c.warned_long_word = in->quiet;
    for (int i = 0; i < in->npieces; i++) {
        const ParaPiece *p = &in->pieces[i];
        if (p->style < 0 || p->style >= in->nstyles)
            continue;
        switch (p->kind) {
        case PARA_TEXT:
            add_text(&c, i, p);
            break;
        case PARA_BOX: {
            Atom *a = push(&c, A_BOX);
            a->piece = i;
            a->style = p->style;
            a->object = 1;
            a->width = p->width;
            break;
        }
        case PARA_LEADER: {
            Atom *a = push(&c, A_BOX);
            a->piece = i;
            a->style = p->style;
            a->leader = 1;
            a->width = p->leader_opt;
            a->stretch = p->leader_max > p->leader_opt ? p->leader_max - p->leader_opt : 0;
            a->shrink = p->leader_opt > p->leader_min ? p->leader_opt - p->leader_min : 0;
            break;
        }
        case PARA_ANCHOR: {
            Atom *a = push(&c, A_ANCHOR);
            a->piece = i;
            a->style = p->style;
            a->anchor = p->anchor;
            break;
        }
        }
    }
    say_missing_glyphs(&c);
    /* Nothing visible: no lines (anchors alone make one empty line so that
     * their ids have a place). */
    int has_box = 0, has_anchor = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (c.atoms[i].type == A_BOX)
            has_box = 1;
        if (c.atoms[i].type == A_ANCHOR)
            has_anchor = 1;
    }
    if (!has_box && !has_anchor) {
        free(c.atoms);
        return 0;
    }
    (void)c.scratch_cap;
    /* A preserved linefeed ends its line; it does not begin another.  So
     * when the text ends with one (a listing whose last line ends in a
     * linefeed, as nearly every program listing's does), followed at most
     * by spaces, that forced break is the paragraph's end and no empty
     * line follows: the gap after a listing is its space-after alone, as
     * in Apache FOP. */
    size_t end = c.n;
    while (end > 0 && c.atoms[end - 1].type == A_GLUE && c.atoms[end - 1].stretch < FIL)
        end--;
    if (end > 0 && c.atoms[end - 1].type == A_PENALTY && c.atoms[end - 1].penalty <= FORCED) {
        c.n = end;
    } else {
        /* The paragraph's end: fill glue (unless the last line is
         * justified) and a forced break. */
        int style0 = in->npieces ? in->pieces[0].style : 0;
        if (in->align_last != FO_ALIGN_JUSTIFY) {
            Atom *g = push(&c, A_GLUE);
            g->style = style0;
            g->stretch = FIL;
        }
        push_penalty(&c, style0, 0, FORCED, 0, 0);
    }

    if (in->wrap) {
        double narrowest = para_line_width(in, 0) < para_line_width(in, 1) ? para_line_width(in, 0) : para_line_width(in, 1);
        split_long_boxes(&c, narrowest);
    }
    size_t *breaks = NULL;
    int nb = 0;
    if (in->wrap && in->align == FO_ALIGN_JUSTIFY) {
        nb = para_break_total_fit(&c, 2, &breaks);
        if (nb == 0)
            nb = para_break_total_fit(&c, 10, &breaks);
    }
    if (nb == 0)
        nb = para_break_first_fit(&c, &breaks);
    /* A forced break in the middle ends a "last line" too (for alignment). */
    ParaLine *lines = cocom_xcalloc((size_t)nb, sizeof *lines);
    size_t start = 0;
    for (int k = 0; k < nb; k++) {
        size_t b = breaks[k];
        int last = k == nb - 1 || (c.atoms[b].type == A_PENALTY && c.atoms[b].penalty <= FORCED);
        assemble(&c, start, b, k, last, &lines[k]);
        start = para_line_start_after(&c, b);
    }
    say_missing_glyphs(&c);   /* none left, unless a split word added some */
    free(breaks);
    free(c.atoms);
    free(c.scratch_glyphs);
    free(c.scratch_clusters);
    *lines_out = lines;
    return nb;
}

void cocom_para_line_clear(ParaLine *l)
{
    for (int i = 0; i < l->nruns; i++) {
        if (l->runs[i].glyphs)
            pango_glyph_string_free(l->runs[i].glyphs);
        free(l->runs[i].text);
        free(l->runs[i].alt);
    }
    free(l->runs);
    free(l->anchors);
    memset(l, 0, sizeof *l);
}

void cocom_para_free(ParaLine *lines, int n)
{
    if (!lines)
        return;
    for (int i = 0; i < n; i++)
        cocom_para_line_clear(&lines[i]);
    free(lines);
}
