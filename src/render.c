/* render.c — see render.h. */
#include "config.h"
#include "render.h"
#include "fo-tree.h"
#include "image.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

/* Text is drawn in batches: consecutive runs in one font and colour go to
 * Cairo in one call, since much of Cairo's cost is per call (its PDF
 * backend records each call, then analyses and replays it at the end of
 * the page).  Text and clusters go with the glyphs, so the PDF maps every
 * glyph back to its characters. */
typedef struct {
    cairo_scaled_font_t *font;
    FoColor color;
    CocomBuf text;
    cairo_glyph_t *glyphs;
    size_t nglyphs, capglyphs;
    cairo_text_cluster_t *clusters;
    size_t nclusters, capclusters;
} Batch;

struct CocomRenderer {
    CocomContext *ctx;
    CocomFormat format;
    cairo_surface_t *pdf;
    cairo_t *cr;                /* PDF: one context for the whole document */
    char *dir;                  /* PNG/SVG */
    char **written;             /* files written, removed on failure */
    size_t nwritten, capwritten;
    int pages;
    int finished;
    CocomStatus status;
    Batch batch;
};

static void set_color(cairo_t *cr, FoColor c)
{
    cairo_set_source_rgba(cr, ((c >> 24) & 0xFF) / 255.0, ((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0,
                          (c & 0xFF) / 255.0);
}

/* Cairo's tag attributes quote strings with single quotes; a quote or a
 * backslash inside is escaped with a backslash. */
static void attr_string(CocomBuf *b, const char *s)
{
    cocom_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            cocom_buf_putc(b, '\\');
        cocom_buf_putc(b, *s);
    }
    cocom_buf_putc(b, '\'');
}

/* The date for PDF metadata: $SOURCE_DATE_EPOCH when set (reproducible
 * builds), else now; ISO 8601 in UTC, as cairo wants it. */
static void pdf_date(char *out, size_t n)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

CocomRenderer *cocom_renderer_pdf(CocomContext *ctx, const char *path, const CocomDocInfo *info)
{
    CocomRenderer *r = cocom_xcalloc(1, sizeof *r);
    r->ctx = ctx;
    r->format = COCOM_FORMAT_PDF;
    r->pdf = cairo_pdf_surface_create(path, 595.28, 841.89);
    if (cairo_surface_status(r->pdf) != CAIRO_STATUS_SUCCESS) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the PDF: %s",
                     cairo_status_to_string(cairo_surface_status(r->pdf)));
        cairo_surface_destroy(r->pdf);
        free(r);
        return NULL;
    }
    cairo_pdf_surface_restrict_to_version(r->pdf, CAIRO_PDF_VERSION_1_5);
    char date[32];
    pdf_date(date, sizeof date);
    cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_MOD_DATE, date);
    cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_CREATOR, "cocom " COCOM_VERSION_STRING);
    if (info) {
        if (info->title)
            cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_TITLE, info->title);
        if (info->author)
            cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_AUTHOR, info->author);
        if (info->subject)
            cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_SUBJECT, info->subject);
        if (info->keywords)
            cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_KEYWORDS, info->keywords);
    }
    r->cr = cairo_create(r->pdf);
    return r;
}

CocomRenderer *cocom_renderer_pages(CocomContext *ctx, const char *dir, CocomFormat format)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (mkdir(dir, 0755) != 0) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, dir, 0, "cannot make the folder: %s", strerror(errno));
            return NULL;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, dir, 0, "this is a file, not a folder for the pages");
        return NULL;
    }
    CocomRenderer *r = cocom_xcalloc(1, sizeof *r);
    r->ctx = ctx;
    r->format = format;
    r->dir = cocom_xstrdup(dir);
    return r;
}

/* ---------------------------------------------------------------------- */
/* Painting                                                                 */

/* Borders that look alike go into one path and one stroke, and rectangles
 * of one colour into one fill: Cairo's PDF cost is largely per call. */
static int same_border(const AreaOp *a, const AreaOp *b)
{
    return b->type == AOP_BORDER && a->color == b->color && a->width == b->width && a->style == b->style
           && a->style != FO_BORDER_DOUBLE;
}

static size_t paint_borders(cairo_t *cr, const AreaOp *ops, size_t i, size_t n)
{
    const AreaOp *op = &ops[i];
    double w = op->width;
    cairo_save(cr);
    set_color(cr, op->color);
    cairo_set_line_width(cr, w);
    if (op->style == FO_BORDER_DASHED) {
        double d[2] = {3 * w, 3 * w};
        cairo_set_dash(cr, d, 2, 0);
    } else if (op->style == FO_BORDER_DOTTED) {
        double d[2] = {0, 2 * w};
        cairo_set_dash(cr, d, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    size_t j = i;
    do {
        cairo_move_to(cr, ops[j].x, ops[j].y);
        cairo_line_to(cr, ops[j].x + ops[j].w, ops[j].y + ops[j].h);
        j++;
    } while (j < n && same_border(op, &ops[j]));
    cairo_stroke(cr);
    cairo_restore(cr);
    return j - 1;
}

static void paint_border(cairo_t *cr, const AreaOp *op)
{
    double w = op->width;
    cairo_save(cr);
    set_color(cr, op->color);
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
    cairo_set_line_width(cr, w);
    if (op->style == FO_BORDER_DASHED) {
        double d[2] = {3 * w, 3 * w};
        cairo_set_dash(cr, d, 2, 0);
    } else if (op->style == FO_BORDER_DOTTED) {
        double d[2] = {0, 2 * w};
        cairo_set_dash(cr, d, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void batch_flush(Batch *b, cairo_t *cr)
{
    if (!b->nglyphs) {
        b->font = NULL;
        return;
    }
    cairo_set_scaled_font(cr, b->font);
    set_color(cr, b->color);
    cairo_show_text_glyphs(cr, b->text.data, (int)b->text.len, b->glyphs, (int)b->nglyphs, b->clusters,
                           (int)b->nclusters, 0);
    b->nglyphs = b->nclusters = 0;
    cocom_buf_clear(&b->text);
    b->font = NULL;
}

static void batch_free(Batch *b)
{
    cocom_buf_free(&b->text);
    free(b->glyphs);
    free(b->clusters);
    memset(b, 0, sizeof *b);
}

/* Adds a run's glyphs, positioned, and its clusters: runs of glyphs that
 * share a log_cluster map to the bytes up to the next cluster (HarfBuzz
 * output is in logical order for left-to-right text). */
static void paint_run_text(Batch *b, cairo_t *cr, const LineRun *run, double x, double baseline)
{
    const PangoGlyphString *g = run->glyphs;
    if (!g || g->num_glyphs == 0)
        return;
    cairo_scaled_font_t *sf = run->font->scaled;
    if (!sf)
        return;
    if (b->font != sf || b->color != run->style.color)
        batch_flush(b, cr);
    b->font = sf;
    b->color = run->style.color;
    const char *text = run->text ? run->text : "";
    int tlen = (int)strlen(text);
    size_t need = b->nglyphs + (size_t)g->num_glyphs;
    COCOM_GROW(b->glyphs, b->capglyphs, need);
    COCOM_GROW(b->clusters, b->capclusters, b->nclusters + (size_t)g->num_glyphs);
    double gx = x;
    for (int i = 0; i < g->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &g->glyphs[i];
        cairo_glyph_t *cg = &b->glyphs[b->nglyphs++];
        cg->index = gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG ? 0 : gi->glyph;
        if (gi->glyph == PANGO_GLYPH_EMPTY)
            cg->index = 0;
        cg->x = gx + gi->geometry.x_offset / (double)PANGO_SCALE;
        cg->y = baseline + gi->geometry.y_offset / (double)PANGO_SCALE;
        gx += gi->geometry.width / (double)PANGO_SCALE;
    }
    int i = 0;
    while (i < g->num_glyphs) {
        int start = g->log_clusters[i];
        int j = i + 1;
        while (j < g->num_glyphs && g->log_clusters[j] == start)
            j++;
        int end = j < g->num_glyphs ? g->log_clusters[j] : tlen;
        if (end < start || end > tlen)
            end = start;
        cairo_text_cluster_t *c = &b->clusters[b->nclusters++];
        c->num_bytes = end - start;
        c->num_glyphs = j - i;
        i = j;
    }
    cocom_buf_append(&b->text, text, (size_t)tlen);
}

static void paint_leader(cairo_t *cr, const LineRun *run, double x, double baseline)
{
    if (run->leader_pattern == FO_LEADER_RULE) {
        if (run->rule_style == FO_RULE_NONE)
            return;
        set_color(cr, run->style.color);
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
    } else if (run->leader_pattern == FO_LEADER_DOTS) {
        const CocomFont *f = run->font;
        double pw = run->leader_pattern_width > f->dot_width ? run->leader_pattern_width : f->dot_width * 2;
        if (pw <= 0)
            return;
        /* Dots on a grid from the page's edge, so they line up from line
         * to line, as in a table of contents. */
        double start = ceil(x / pw) * pw;
        if (!f->scaled || !f->dot->num_glyphs)
            return;
        set_color(cr, run->style.color);
        cairo_set_scaled_font(cr, f->scaled);
        cairo_glyph_t g;
        g.index = f->dot->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG ? 0 : f->dot->glyphs[0].glyph;
        g.y = baseline;
        for (double dx = start; dx + f->dot_width <= x + run->width + 0.01; dx += pw) {
            g.x = dx;
            cairo_show_glyphs(cr, &g, 1);
        }
    }
}

static void paint_image(cairo_t *cr, CocomImage *img, double x, double y, double w, double h)
{
    if (!img || w <= 0 || h <= 0)
        return;
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / img->width_px, h / img->height_px);
    cairo_set_source_surface(cr, img->surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

static void paint_line(Batch *batch, cairo_t *cr, const ParaLine *line, double x, double baseline)
{
    for (int i = 0; i < line->nruns; i++) {
        const LineRun *run = &line->runs[i];
        double rx = x + run->x;
        double rb = baseline - run->style.rise;
        if (run->kind != RUN_GLYPHS || run->style.background != FO_COLOR_TRANSPARENT || run->style.decoration)
            batch_flush(batch, cr);
        if (run->style.background != FO_COLOR_TRANSPARENT && run->kind == RUN_GLYPHS) {
            set_color(cr, run->style.background);
            cairo_rectangle(cr, rx, rb - run->font->ascent, run->width, run->font->ascent + run->font->descent);
            cairo_fill(cr);
        }
        switch (run->kind) {
        case RUN_GLYPHS: paint_run_text(batch, cr, run, rx, rb); break;
        case RUN_LEADER: paint_leader(cr, run, rx, rb); break;
        case RUN_BOX: paint_image(cr, run->object, rx, rb - run->height, run->width, run->height); break;
        }
        if (run->style.decoration && run->kind != RUN_BOX) {
            batch_flush(batch, cr);
            const CocomFont *f = run->font;
            set_color(cr, run->style.color);
            if (run->style.decoration & FO_DECORATION_UNDERLINE)
                cairo_rectangle(cr, rx, rb + f->underline_position - f->underline_thickness / 2, run->width,
                                f->underline_thickness);
            if (run->style.decoration & FO_DECORATION_LINE_THROUGH)
                cairo_rectangle(cr, rx, rb - f->strikethrough_position - f->strikethrough_thickness / 2, run->width,
                                f->strikethrough_thickness);
            if (run->style.decoration & FO_DECORATION_OVERLINE)
                cairo_rectangle(cr, rx, rb - f->ascent, run->width, f->underline_thickness);
            cairo_fill(cr);
        }
    }
}

static void paint_ops(CocomRenderer *r, cairo_t *cr, const CocomPage *page)
{
    int pdf = r->format == COCOM_FORMAT_PDF;
    Batch *batch = &r->batch;
    for (size_t i = 0; i < page->nops; i++) {
        const AreaOp *op = &page->ops[i];
        if (op->type != AOP_LINE)
            batch_flush(batch, cr);   /* paint order must stay */
        switch (op->type) {
        case AOP_RECT:
            set_color(cr, op->color);
            cairo_rectangle(cr, op->x, op->y, op->w, op->h);
            while (i + 1 < page->nops && page->ops[i + 1].type == AOP_RECT && page->ops[i + 1].color == op->color) {
                const AreaOp *o = &page->ops[++i];
                cairo_rectangle(cr, o->x, o->y, o->w, o->h);
            }
            cairo_fill(cr);
            break;
        case AOP_BORDER:
            if (op->style == FO_BORDER_DOUBLE)
                paint_border(cr, op);
            else
                i = paint_borders(cr, page->ops, i, page->nops);
            break;
        case AOP_LINE:
            paint_line(batch, cr, &page->lines[op->line], op->x, op->y);
            break;
        case AOP_IMAGE:
            paint_image(cr, op->image, op->x, op->y, op->w, op->h);
            break;
        case AOP_LINK:
            if (pdf && op->str) {
                CocomBuf b = {0};
                cocom_buf_printf(&b, "rect=[%.3f %.3f %.3f %.3f] %s=", op->x, op->y, op->w, op->h,
                                 op->uri ? "uri" : "dest");
                attr_string(&b, op->str);
                cairo_tag_begin(cr, CAIRO_TAG_LINK, b.data);
                cairo_tag_end(cr, CAIRO_TAG_LINK);
                cocom_buf_free(&b);
            }
            break;
        case AOP_DEST:
            if (pdf && op->str) {
                CocomBuf b = {0};
                cocom_buf_puts(&b, "name=");
                attr_string(&b, op->str);
                cocom_buf_printf(&b, " x=%.3f y=%.3f", op->x, op->y);
                cairo_tag_begin(cr, CAIRO_TAG_DEST, b.data);
                cairo_tag_end(cr, CAIRO_TAG_DEST);
                cocom_buf_free(&b);
            }
            break;
        case AOP_CLIP_BEGIN:
            cairo_save(cr);
            cairo_rectangle(cr, op->x, op->y, op->w, op->h);
            cairo_clip(cr);
            break;
        case AOP_CLIP_END:
            cairo_restore(cr);
            break;
        default:
            /* Structure tags and artifacts: the tagged-PDF pass (not yet). */
            break;
        }
    }
    batch_flush(batch, cr);
}

static CocomStatus write_page_file(CocomRenderer *r, const CocomPage *page)
{
    char *path = cocom_xasprintf("%s/page-%04d.%s", r->dir, page->index, r->format == COCOM_FORMAT_PNG ? "png" : "svg");
    char *tmp = cocom_xasprintf("%s.tmp", path);
    CocomStatus st = COCOM_STATUS_OK;
    cairo_surface_t *s;
    if (r->format == COCOM_FORMAT_PNG) {
        double k = r->ctx->options[COCOM_OPTION_PNG_DPI] / 72.0;
        int w = (int)ceil(page->width * k), h = (int)ceil(page->height * k);
        if ((long)w * h > 200L * 1000 * 1000) {
            cocom_report(r->ctx, COCOM_SEVERITY_ERROR, path, 0, "a %dx%d PNG is too large; use a lower --dpi", w, h);
            free(path);
            free(tmp);
            return COCOM_STATUS_LIMIT;
        }
        s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create(s);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, k, k);
        paint_ops(r, cr, page);
        cairo_destroy(cr);
        if (cairo_surface_write_to_png(s, tmp) != CAIRO_STATUS_SUCCESS)
            st = COCOM_STATUS_IO;
    } else {
        s = cairo_svg_surface_create(tmp, page->width, page->height);
        cairo_t *cr = cairo_create(s);
        paint_ops(r, cr, page);
        cairo_destroy(cr);
        cairo_surface_finish(s);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
            st = COCOM_STATUS_IO;
    }
    cairo_surface_destroy(s);
    if (st == COCOM_STATUS_OK && rename(tmp, path) != 0)
        st = COCOM_STATUS_IO;
    if (st != COCOM_STATUS_OK) {
        cocom_report(r->ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the page: %s", strerror(errno));
        unlink(tmp);
        free(path);
    } else {
        COCOM_GROW(r->written, r->capwritten, r->nwritten + 1);
        r->written[r->nwritten++] = path;
    }
    free(tmp);
    return st;
}

CocomStatus cocom_renderer_page(CocomRenderer *r, const CocomPage *page)
{
    if (r->status != COCOM_STATUS_OK)
        return r->status;
    r->pages++;
    if (r->format != COCOM_FORMAT_PDF)
        return r->status = write_page_file(r, page);
    cairo_pdf_surface_set_size(r->pdf, page->width, page->height);
    if (page->number_text)
        cairo_pdf_surface_set_page_label(r->pdf, page->number_text);
    paint_ops(r, r->cr, page);
    cairo_show_page(r->cr);
    if (cairo_status(r->cr) != CAIRO_STATUS_SUCCESS) {
        cocom_report(r->ctx, COCOM_SEVERITY_ERROR, NULL, 0, "painting page %d failed: %s", page->index,
                     cairo_status_to_string(cairo_status(r->cr)));
        r->status = COCOM_STATUS_IO;
    }
    return r->status;
}

/* ---------------------------------------------------------------------- */
/* The outline                                                              */

static void add_bookmarks(CocomRenderer *r, xmlNodePtr parent, int parent_id, const char *file, int depth)
{
    if (depth > 64)
        return;
    for (xmlNodePtr b = parent->children; b; b = b->next) {
        if (fo_kind(b) != FO_BOOKMARK)
            continue;
        xmlNodePtr t = fo_child(b, FO_BOOKMARK_TITLE);
        xmlChar *title = t ? xmlNodeGetContent(t) : NULL;
        char *clean = cocom_xstrdup(title ? (const char *)title : "");
        xmlFree(title);
        /* Collapse white space: titles come from pretty-printed FO. */
        char *w = clean;
        int space = 1;
        for (char *s = clean; *s; s++) {
            if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
                if (!space)
                    *w++ = ' ';
                space = 1;
            } else {
                *w++ = *s;
                space = 0;
            }
        }
        while (w > clean && w[-1] == ' ')
            w--;
        *w = '\0';
        const char *internal = fo_attr(b, "internal-destination");
        const char *external = fo_attr(b, "external-destination");
        CocomBuf attrs = {0};
        if (internal && *internal) {
            cocom_buf_puts(&attrs, "dest=");
            attr_string(&attrs, internal);
        } else if (external && *external) {
            /* url(...) as in fo:basic-link */
            const char *u = external;
            char *un = NULL;
            if (strncmp(u, "url(", 4) == 0) {
                const char *e = strrchr(u, ')');
                un = cocom_xstrndup(u + 4, e ? (size_t)(e - u - 4) : strlen(u + 4));
                char *q = un;
                if (*q == '\'' || *q == '"') {
                    memmove(q, q + 1, strlen(q));
                    size_t n = strlen(q);
                    if (n && (q[n - 1] == '\'' || q[n - 1] == '"'))
                        q[n - 1] = '\0';
                }
                u = un;
            }
            cocom_buf_puts(&attrs, "uri=");
            attr_string(&attrs, u);
            free(un);
        } else {
            cocom_report(r->ctx, COCOM_SEVERITY_WARNING, file, xmlGetLineNo(b),
                         "a bookmark has neither internal-destination nor external-destination; it leads nowhere");
        }
        const char *state = fo_attr(b, "starting-state");
        int flags = state && strcmp(state, "show") == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0;
        int id = cairo_pdf_surface_add_outline(r->pdf, parent_id, *clean ? clean : "(untitled)",
                                               attrs.data ? attrs.data : "", (cairo_pdf_outline_flags_t)flags);
        cocom_buf_free(&attrs);
        free(clean);
        add_bookmarks(r, b, id, file, depth + 1);
    }
}

void cocom_renderer_outline(CocomRenderer *r, xmlNodePtr tree, const char *file)
{
    if (!r || r->format != COCOM_FORMAT_PDF || !tree)
        return;
    add_bookmarks(r, tree, CAIRO_PDF_OUTLINE_ROOT, file, 0);
}

CocomStatus cocom_renderer_finish(CocomRenderer *r)
{
    if (r->status != COCOM_STATUS_OK)
        return r->status;
    if (r->format == COCOM_FORMAT_PDF) {
        cairo_destroy(r->cr);
        r->cr = NULL;
        cairo_surface_finish(r->pdf);
        cairo_status_t s = cairo_surface_status(r->pdf);
        if (s != CAIRO_STATUS_SUCCESS) {
            cocom_report(r->ctx, COCOM_SEVERITY_ERROR, NULL, 0, "finishing the PDF failed: %s", cairo_status_to_string(s));
            return r->status = COCOM_STATUS_IO;
        }
    }
    r->finished = 1;
    return COCOM_STATUS_OK;
}

void cocom_renderer_destroy(CocomRenderer *r)
{
    if (!r)
        return;
    if (r->cr)
        cairo_destroy(r->cr);
    if (r->pdf)
        cairo_surface_destroy(r->pdf);
    for (size_t i = 0; i < r->nwritten; i++) {
        if (!r->finished)
            unlink(r->written[i]);
        free(r->written[i]);
    }
    free(r->written);
    free(r->dir);
    batch_free(&r->batch);
    free(r);
}
