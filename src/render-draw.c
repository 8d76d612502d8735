/* render-draw.c — what the painter draws that needs nothing of the
 * renderer's state: rectangles, borders, leaders, images (render-impl.h). */
#include "config.h"
#include "render-impl.h"
#include "structlog.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Pango's glyphs placed from x on the baseline, as Cairo takes them
 * (out has room for g->num_glyphs); returns the x after the last. */
double draw_glyphs_at(const PangoGlyphString *g, double x, double baseline, cairo_glyph_t *out)
{
    for (int i = 0; i < g->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &g->glyphs[i];
        out[i].index = gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG || gi->glyph == PANGO_GLYPH_EMPTY ? 0 : gi->glyph;
        out[i].x = x + gi->geometry.x_offset / (double)PANGO_SCALE;
        out[i].y = baseline + gi->geometry.y_offset / (double)PANGO_SCALE;
        x += gi->geometry.width / (double)PANGO_SCALE;
    }
    return x;
}

/* A rectangle of the page's drawing.  One at the page's corner with a
 * marker's height (structlog.h) would be written as a marker is and taken
 * for one: it is made taller by Cairo's least step (1/256 pt), which no
 * eye or printer tells. */
void draw_rect(cairo_t *cr, double x, double y, double w, double h)
{
    if (x == 0 && y == 0 && h == COCOM_MARKER_HEIGHT)
        h += 1.0 / 256;
    cairo_rectangle(cr, x, y, w, h);
}

void draw_set_color(cairo_t *cr, FoColor c)
{
    cairo_set_source_rgba(cr, ((c >> 24) & 0xFF) / 255.0, ((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0,
                          (c & 0xFF) / 255.0);
}

/* Borders that look alike go into one path and one stroke, and rectangles
 * of one colour into one fill: Cairo's PDF cost is largely per call. */
static int same_border(const AreaOp *a, const AreaOp *b)
{
    return b->type == AOP_BORDER && a->color == b->color && a->width == b->width && a->style == b->style
           && a->style != FO_BORDER_DOUBLE;
}

/* A straight border line: across (at y = c) or down (at x = c), from a
 * to b.  Lines whose c rounds to the same 1/1024 pt are on one line (the
 * layout's sums put a row's bottom and the next row's top a rounding
 * error apart): key is c in those units. */
typedef struct {
    int down;
    long long key;
    double c, a, b;
} Seg;

static int cmp_seg(const void *x, const void *y)
{
    const Seg *s = x, *t = y;
    if (s->down != t->down)
        return s->down - t->down;
    if (s->key != t->key)
        return s->key < t->key ? -1 : 1;
    return s->a < t->a ? -1 : s->a > t->a;
}

/* Adds the lines of segs[0, n) to the path, those on one line that meet
 * or overlap made one. */
static void path_joined(cairo_t *cr, Seg *segs, size_t n)
{
    qsort(segs, n, sizeof *segs, cmp_seg);
    for (size_t i = 0; i < n;) {
        Seg s = segs[i++];
        while (i < n && segs[i].down == s.down && segs[i].key == s.key && segs[i].a <= s.b + 1e-6) {
            if (segs[i].b > s.b)
                s.b = segs[i].b;
            i++;
        }
        cairo_move_to(cr, s.down ? s.c : s.a, s.down ? s.a : s.c);
        cairo_line_to(cr, s.down ? s.c : s.b, s.down ? s.b : s.c);
    }
}

/* A border's line: its width, and the dashes or dots of its style. */
static void stroke_style(cairo_t *cr, uint8_t style, double w)
{
    cairo_set_line_width(cr, w);
    if (style == FO_BORDER_DASHED) {
        double d[2] = {3 * w, 3 * w};
        cairo_set_dash(cr, d, 2, 0);
    } else if (style == FO_BORDER_DOTTED) {
        double d[2] = {0, 2 * w};
        cairo_set_dash(cr, d, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
}

/* Solid borders are stroked as one shape, so where two cells' edges meet
 * or overlap (a table draws each shared edge twice, and each edge runs
 * half a border's width into the next), one line draws the same ink.
 * Joining them before Cairo sees them halves a table's path, which the
 * PDF backend records, replays and prints number by number.  Dashes and
 * dots keep their own lines: joined, their pattern would shift. */
size_t draw_borders(cairo_t *cr, const AreaOp *ops, size_t i, size_t n)
{
    const AreaOp *op = &ops[i];
    double w = op->width;
    cairo_save(cr);
    draw_set_color(cr, op->color);
    stroke_style(cr, op->style, w);
    size_t j = i;
    do
        j++;
    while (j < n && same_border(op, &ops[j]));
    int join = op->style == FO_BORDER_SOLID && j - i > 1;
    Seg *segs = join ? cocom_xmalloc((j - i) * sizeof *segs) : NULL;
    size_t nsegs = 0;
    for (size_t k = i; k < j; k++) {
        const AreaOp *o = &ops[k];
        if (join && (o->h == 0 || o->w == 0)) {
            int down = o->h != 0;
            double c = down ? o->x : o->y, a0 = down ? o->y : o->x, a1 = a0 + (down ? o->h : o->w);
            segs[nsegs++] = (Seg){down, llround(c * 1024), c, fmin(a0, a1), fmax(a0, a1)};
        } else {
            cairo_move_to(cr, o->x, o->y);
            cairo_line_to(cr, o->x + o->w, o->y + o->h);
        }
    }
    if (join)
        path_joined(cr, segs, nsegs);
    free(segs);
    cairo_stroke(cr);
    cairo_restore(cr);
    return j - 1;
}

void draw_border(cairo_t *cr, const AreaOp *op)
{
    double w = op->width;
    cairo_save(cr);
    draw_set_color(cr, op->color);
    double x0 = op->x, y0 = op->y, x1 = op->x + op->w, y1 = op->y + op->h;
    if (op->style == FO_BORDER_DOUBLE && w >= 1.5) {
        /* Two lines of a third each, with a third between. */
        double t = w / 3;
        double dx = op->h != 0 ? t : 0, dy = op->w != 0 ? t : 0;
        cairo_set_line_width(cr, t);
        cairo_move_to(cr, x0 - dx, y0 - dy);
        cairo_line_to(cr, x1 - dx, y1 - dy);
        cairo_move_to(cr, x0 + dx, y0 + dy);
        cairo_line_to(cr, x1 + dx, y1 + dy);
        cairo_stroke(cr);
        cairo_restore(cr);
        return;
    }
    stroke_style(cr, op->style, w);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Paints a leader run at x.  line_x is where its line starts and ref_dx
 * where the line's reference area starts from there (ParaLine.ref_dx). */
void draw_leader(cairo_t *cr, const LineRun *run, double x, double baseline, double line_x, double ref_dx)
{
    if (run->leader_pattern == FO_LEADER_RULE) {
        if (run->rule_style == FO_RULE_NONE)
            return;
        draw_set_color(cr, run->style.color);
        double t = run->rule_thickness > 0 ? run->rule_thickness : 1;
        cairo_save(cr);
        cairo_set_line_width(cr, t);
        if (run->rule_style == FO_RULE_DOTTED) {
            double d[2] = {0, 2 * t};
            cairo_set_dash(cr, d, 2, 0);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        } else if (run->rule_style == FO_RULE_DASHED) {
            double d[2] = {3 * t, 3 * t};
            cairo_set_dash(cr, d, 2, 0);
        }
        /* The rule sits on the baseline, like a line to write on. */
        cairo_move_to(cr, x, baseline - t / 2);
        cairo_line_to(cr, x + run->width, baseline - t / 2);
        cairo_stroke(cr);
        cairo_restore(cr);
    } else if (run->leader_pattern == FO_LEADER_DOTS || (run->leader_pattern == FO_LEADER_USE_CONTENT && run->glyphs)) {
        /* The unit repeated: a dot, or the leader's own content. */
        const CocomFont *f = run->font;
        const PangoGlyphString *unit = run->leader_pattern == FO_LEADER_DOTS ? f->dot : run->glyphs;
        double uw = run->leader_pattern == FO_LEADER_DOTS ? f->dot_width
                                                           : pango_glyph_string_get_width((PangoGlyphString *)unit) / (double)PANGO_SCALE;
        if (!f->scaled || !unit || !unit->num_glyphs || uw <= 0)
            return;
        /* One repeat is leader-pattern-width long, unit included; with
         * "use-font-metrics", or a length shorter than the unit, it is the
         * unit's own advance (XSL 1.1 §7.22.5), so dots touch as in FOP. */
        double pw = run->leader_pattern_width > uw ? run->leader_pattern_width : uw;
        double end = x + run->width - uw;    /* the last unit's latest start */
        double start = x, step = pw;
        if (run->leader_alignment == FO_LEADER_ALIGN_NONE) {
            /* No alignment asked: the units run from the leader's start to
             * its end, the part of a repeat left over shared between the
             * gaps, so that no gap is left before what follows (", and"
             * after a blank).  Each gap grows by less than one repeat
             * divided among them all. */
            int n = end < x ? 0 : (int)floor((end - x) / pw + 1e-6);
            if (n > 0)
                step = (end - x) / n;
        } else {
            /* Counted from the reference area's or the page's start edge, so
             * that units line up from line to line, as in a contents list. */
            double origin = run->leader_alignment == FO_LEADER_ALIGN_PAGE ? 0 : line_x + ref_dx;
            start = origin + ceil((x - origin) / pw - 1e-6) * pw;
        }
        draw_set_color(cr, run->style.color);
        cairo_set_scaled_font(cr, f->scaled);
        /* Every repeat in one glyph run: one show for the leader, not one
         * per dot. */
        int ng = unit->num_glyphs;
        size_t reps = end + 0.01 >= start ? (size_t)floor((end + 0.01 - start) / step) + 1 : 0;
        if (!reps)
            return;
        cairo_glyph_t small[64];
        size_t total = reps * (size_t)ng;
        cairo_glyph_t *gs = total <= 64 ? small : cocom_xmalloc(sizeof *gs * total);
        for (size_t k = 0; k < reps; k++)
            draw_glyphs_at(unit, start + (double)k * step, baseline, gs + k * (size_t)ng);
        cairo_show_glyphs(cr, gs, (int)total);
        if (gs != small)
            free(gs);
    }
}

void draw_image(cairo_t *cr, CocomImage *img, double x, double y, double w, double h)
{
    if (!img || w <= 0 || h <= 0)
        return;
    cairo_save(cr);
    draw_rect(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / img->width_px, h / img->height_px);
    cairo_set_source_surface(cr, img->surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

