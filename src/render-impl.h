/* render-impl.h — the renderer's own drawing helpers, shared by its files
 * (render.c: pages, text, tags and links; render-draw.c: rectangles,
 * borders, leaders, images).  Only render*.c include it. */
#ifndef COCOM_RENDER_IMPL_H
#define COCOM_RENDER_IMPL_H

#include <cairo.h>
#include "area.h"
#include "image.h"

/* A rectangle of the page's drawing (never one the post-pass would take
 * for a marker: structlog.h). */
void draw_rect(cairo_t *cr, double x, double y, double w, double h);
void draw_set_color(cairo_t *cr, FoColor c);

/* Pango's glyphs placed from x on the baseline, as Cairo takes them (out
 * has room for g->num_glyphs); returns the x after the last. */
double draw_glyphs_at(const PangoGlyphString *g, double x, double baseline, cairo_glyph_t *out);

/* Draws ops[i] and the borders after it that look alike (solid ones
 * joined where they meet); returns the index of the last one drawn. */
size_t draw_borders(cairo_t *cr, const AreaOp *ops, size_t i, size_t n);
/* One border side (dashed, dotted, double, groove …). */
void draw_border(cairo_t *cr, const AreaOp *op);

/* A leader run at x; line_x is where its line starts and ref_dx where the
 * line's reference area starts from there (ParaLine.ref_dx). */
void draw_leader(cairo_t *cr, const LineRun *run, double x, double baseline, double line_x, double ref_dx);
/* An image scaled into (x, y, w, h). */
void draw_image(cairo_t *cr, CocomImage *img, double x, double y, double w, double h);

#endif
