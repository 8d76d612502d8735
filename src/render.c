/* render.c — see render.h. */
#include "config.h"
#include "render.h"
#include "render-impl.h"
#include "cites.h"
#include "fo-tree.h"
#include "image.h"
#include "load.h"
#include "pdfmeta.h"     /* cocom_pdfmeta_has_words: the post-pass's test for /Contents */
#include "tagger.h"

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
    char *name;                 /* the output as the user named it, for messages */
    FILE *file;                 /* PDF: where Cairo's stream goes */
    int write_errno;            /* PDF: why a write failed */
    unsigned char *wbuf;        /* PDF: Cairo's bytes not yet handed to stdio */
    size_t wlen;
    cairo_surface_t *pdf;
    cairo_t *cr;                /* PDF: one context for the whole document */
    char *dir;                  /* PNG/SVG */
    char **written;             /* files written, removed on failure */
    size_t nwritten, capwritten;
    int pages;
    int finished;
    CocomStatus status;
    Batch batch;
    /* Tagged PDF (tagger.h); NULL for PNG and SVG */
    CocomTagger *tg;
    int document_open;
    double vis[4];              /* the visible area: the page, or the clip (x0 y0 x1 y1) */
    CocomCites *cites;          /* page numbers painted before they are known, or NULL */
    char date[32];              /* PDF: its dates, ISO 8601 UTC */
};

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

static void report_cairo_error(CocomRenderer *r, cairo_status_t s, int page)
{
    char where[32] = "";
    if (page > 0)
        snprintf(where, sizeof where, " (at page %d)", page);
    if (s == CAIRO_STATUS_WRITE_ERROR && r->write_errno)
        cocom_report(r->ctx, COCOM_SEVERITY_ERROR, r->name, 0, "cannot write the PDF%s: %s; nothing was written",
                     where, cocom_load_write_errno_text(r->write_errno));
    else
        cocom_report(r->ctx, COCOM_SEVERITY_ERROR, r->name, 0, "cannot make the PDF%s: %s", where,
                     cairo_status_to_string(s));
}

/* Cairo's stream hands over its bytes a token at a time (a number, an
 * operator), thousands of calls a page, each of which would take stdio's
 * lock in this threaded program: they are gathered here and handed on a
 * buffer at a time.  Cairo's own file stream forgets errno; this one
 * keeps it. */
#define WRITE_BUFFER (64 * 1024)

/* Hands n bytes to stdio, keeping errno on failure; 0 once a write has
 * failed. */
static int put_pdf(CocomRenderer *r, const void *data, size_t n)
{
    errno = 0;
    if (!r->write_errno && n && fwrite(data, 1, n, r->file) != n)
        r->write_errno = errno ? errno : EIO;
    return !r->write_errno;
}

static int flush_pdf(CocomRenderer *r)
{
    int ok = put_pdf(r, r->wbuf, r->wlen);
    r->wlen = 0;
    return ok;
}

static cairo_status_t write_pdf(void *closure, const unsigned char *data, unsigned int length)
{
    CocomRenderer *r = closure;
    if (r->wlen + length > WRITE_BUFFER) {
        if (!flush_pdf(r) || (length > WRITE_BUFFER && !put_pdf(r, data, length)))
            return CAIRO_STATUS_WRITE_ERROR;
        if (length > WRITE_BUFFER)
            return CAIRO_STATUS_SUCCESS;
    }
    if (r->write_errno)
        return CAIRO_STATUS_WRITE_ERROR;
    memcpy(r->wbuf + r->wlen, data, length);
    r->wlen += length;
    return CAIRO_STATUS_SUCCESS;
}

CocomRenderer *cocom_renderer_pdf(CocomContext *ctx, const char *path, const char *name, const CocomDocInfo *info,
                                  int tagged)
{
    CocomRenderer *r = cocom_xcalloc(1, sizeof *r);
    r->ctx = ctx;
    r->name = cocom_xstrdup(name ? name : path);
    r->file = fopen(path, "wb");
    if (!r->file) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, r->name, 0, "cannot write the PDF: %s", cocom_load_write_errno_text(errno));
        free(r->name);
        free(r);
        return NULL;
    }
    r->wbuf = cocom_xmalloc(WRITE_BUFFER);
    r->pdf = cairo_pdf_surface_create_for_stream(write_pdf, r, 595.28, 841.89);
    if (cairo_surface_status(r->pdf) != CAIRO_STATUS_SUCCESS) {
        report_cairo_error(r, cairo_surface_status(r->pdf), 0);
        cairo_surface_destroy(r->pdf);
        fclose(r->file);
        free(r->wbuf);
        free(r->name);
        free(r);
        return NULL;
    }
    cairo_pdf_surface_restrict_to_version(r->pdf, CAIRO_PDF_VERSION_1_5);
    pdf_date(r->date, sizeof r->date);
    cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_CREATE_DATE, r->date);
    cairo_pdf_surface_set_metadata(r->pdf, CAIRO_PDF_METADATA_MOD_DATE, r->date);
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
    r->tg = tagged ? cocom_tagger_new() : NULL;
    if (tagged && !r->tg) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, r->name, 0, "cannot make the PDF: no temporary file for its tags: %s",
                     cocom_load_errno_text(errno));
        cocom_renderer_destroy(r);
        return NULL;
    }
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

/* The tagger's calls, for a renderer that may not tag (PNG, SVG). */
static void mark_content(CocomRenderer *r, cairo_t *cr)
{
    if (r->tg)
        cocom_tagger_mark(r->tg, cr);
}

static void furniture_begin(CocomRenderer *r)
{
    if (r->tg)
        cocom_tagger_furniture_begin(r->tg);
}

static void furniture_end(CocomRenderer *r, cairo_t *cr)
{
    if (r->tg)
        cocom_tagger_furniture_end(r->tg, cr);
}

/* Is what is drawn now part of the document's structure (not furniture,
 * and tagged at all)? */
static int in_structure(const CocomRenderer *r)
{
    return r->tg && !cocom_tagger_in_furniture(r->tg);
}

static void batch_flush_in(CocomRenderer *r, cairo_t *cr, const char *wrap)
{
    Batch *b = &r->batch;
    if (!b->nglyphs) {
        b->font = NULL;
        return;
    }
    if (wrap)
        cocom_tagger_begin(r->tg, wrap, 1, NULL, COCOM_SL_NO_LINK);
    mark_content(r, cr);
    cairo_set_scaled_font(cr, b->font);
    draw_set_color(cr, b->color);
    cairo_show_text_glyphs(cr, b->text.data, (int)b->text.len, b->glyphs, (int)b->nglyphs, b->clusters,
                           (int)b->nclusters, 0);
    if (wrap)
        cocom_tagger_end(r->tg, cr);
    b->nglyphs = b->nclusters = 0;
    cocom_buf_clear(&b->text);
    b->font = NULL;
}

static void batch_flush_r(CocomRenderer *r, cairo_t *cr)
{
    batch_flush_in(r, cr, r->tg ? cocom_tagger_text_wrapper(r->tg) : NULL);
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
/* Does the box (x0, y0)-(x1, y1) touch the visible area? */
static int visible(const CocomRenderer *r, double x0, double y0, double x1, double y1)
{
    return x1 > r->vis[0] && x0 < r->vis[2] && y1 > r->vis[1] && y0 < r->vis[3];
}

static void paint_run_text(CocomRenderer *r, cairo_t *cr, const LineRun *run, double x, double baseline)
{
    Batch *b = &r->batch;
    const PangoGlyphString *g = run->glyphs;
    if (!g || g->num_glyphs == 0)
        return;
    cairo_scaled_font_t *sf = run->font->scaled;
    if (!sf)
        return;
    if (b->font != sf || b->color != run->style.color)
        batch_flush_r(r, cr);
    b->font = sf;
    b->color = run->style.color;
    const char *text = run->text ? run->text : "";
    int tlen = (int)strlen(text);
    size_t need = b->nglyphs + (size_t)g->num_glyphs;
    COCOM_GROW(b->glyphs, b->capglyphs, need);
    COCOM_GROW(b->clusters, b->capclusters, b->nclusters + (size_t)g->num_glyphs);
    size_t first = b->nglyphs;
    double gx = draw_glyphs_at(g, x, baseline, b->glyphs + first);
    b->nglyphs += (size_t)g->num_glyphs;
    /* Plainly inside the visible area: the usual case, no measuring.
     * Otherwise the ink decides (see paint_line). */
    const CocomFont *f = run->font;
    if (!(x >= r->vis[0] && gx <= r->vis[2] && baseline - f->ascent >= r->vis[1] && baseline + f->descent <= r->vis[3])) {
        cairo_text_extents_t e;
        cairo_scaled_font_glyph_extents(sf, b->glyphs + first, g->num_glyphs, &e);
        double ex0 = b->glyphs[first].x + e.x_bearing, ey0 = b->glyphs[first].y + e.y_bearing;
        if (e.width <= 0 || e.height <= 0 || !visible(r, ex0, ey0, ex0 + e.width, ey0 + e.height)) {
            b->nglyphs = first;
            if (!b->nglyphs)
                b->font = NULL;
            return;
        }
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
    /* (Cairo draws nothing, and embeds no glyph, for a transparent colour.) */
    if (r->cites && !run->style.cite && (run->style.color & 0xFF))
        cocom_cites_drawn(r->cites, run->font, text, (size_t)tlen);
}

/* Draws a static citation's glyphs (the batch holds them alone) between
 * the two cite markers, whether its number was known or is a
 * placeholder's zeros (cites.h), so that the text objects are the same
 * either way; records a placeholder. */
static void flush_cite(CocomRenderer *r, cairo_t *cr, const LineRun *run, const char *wrap)
{
    Batch *b = &r->batch;
    if (!b->nglyphs)
        return;   /* outside the visible area: nothing drawn, nothing to write */
    if (r->cites)
        cocom_cites_painted(r->cites, run->style.cite, run->font, b->glyphs, (int)b->nglyphs, r->vis);
    cocom_tagger_cite(r->tg, cr, 1);
    batch_flush_in(r, cr, wrap);
    cocom_tagger_cite(r->tg, cr, 0);
}

/* A link's description for its annotation's /Contents: its text, with the
 * address when that is not the text itself. */
static char *link_description(const LineRun *run, const PageLink *pl)
{
    char *text = cocom_xstrdup(run->text ? run->text : "");
    g_strstrip(text);
    const char *t = pl->target;
    if (pl->uri && strncmp(t, "mailto:", 7) == 0)
        t += 7;
    if (!pl->uri || !*t || strstr(text, t))
        return text;
    char *d = *text ? cocom_xasprintf("%s (%s)", text, t) : cocom_xstrdup(t);
    free(text);
    return d;
}

/* Records the link a run of text makes, for the post-pass to write as an
 * annotation over the run's line box (in PDF's user space: from the
 * page's bottom left, y up); returns its index. */
static uint32_t add_link(CocomRenderer *r, cairo_t *cr, const CocomPage *page, const LineRun *run,
                         const PageLink *pl, double rx, double rb)
{
    /* Only what shows: a link half outside its region's clip is clicked
     * where it can be seen. */
    double l = fmax(rx, r->vis[0]), rt = fmin(rx + run->width, r->vis[2]);
    double t = fmax(rb - run->font->ascent, r->vis[1]), b = fmin(rb + run->font->descent, r->vis[3]);
    double xs[4] = {l, rt, l, rt};
    double ys[4] = {t, t, b, b};
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (int k = 0; k < 4; k++) {
        cairo_user_to_device(cr, &xs[k], &ys[k]);
        if (k == 0 || xs[k] < x0)
            x0 = xs[k];
        if (k == 0 || xs[k] > x1)
            x1 = xs[k];
        if (k == 0 || ys[k] < y0)
            y0 = ys[k];
        if (k == 0 || ys[k] > y1)
            y1 = ys[k];
    }
    char *d = link_description(run, pl);
    CocomStructLink link = {(uint32_t)(r->pages - 1), {x0, page->height - y1, x1, page->height - y0},
                            (char *)pl->target, pl->uri, d, in_structure(r)};
    uint32_t i = cocom_structlog_add_link(cocom_tagger_log(r->tg), &link);
    free(d);
    return i;
}

static void paint_line(CocomRenderer *r, cairo_t *cr, const CocomPage *page, const ParaLine *line, double x,
                       double baseline)
{
    int pdf = r->format == COCOM_FORMAT_PDF;
    for (int i = 0; i < line->nruns; i++) {
        const LineRun *run = &line->runs[i];
        double rx = x + run->x;
        double rb = baseline - run->style.rise;
        /* Content wholly outside the visible area (overflow, already warned
         * about) is not drawn: it would not show, and Cairo 1.16 drops such
         * drawing but keeps its tag, which breaks the structure tree. */
        double top = rb - (run->kind == RUN_BOX ? run->height : run->font->ascent);
        double bottom = rb + (run->kind == RUN_BOX ? run->depth : run->font->descent);
        /* A placeholder partly outside: the zeros' ink, not the number's,
         * would decide what is drawn (paint_run_text). */
        if (run->style.cite && r->cites
            && !(rx >= r->vis[0] && rx + run->width <= r->vis[2] && top >= r->vis[1] && bottom <= r->vis[3]))
            cocom_cites_give_up(r->cites);
        if (!visible(r, rx, top, rx + run->width, bottom))
            continue;
        /* visibility="hidden": the run keeps its room on the line, and
         * nothing of it is drawn (XSL 1.1, visibility). */
        if (run->style.hidden)
            continue;
        /* A link's run of nothing but a space (the space between two of
         * its inlines) is painted outside the link: its annotation would
         * have no words for /Contents, which PDF/UA asks of every link
         * (the test is the post-pass's own); the words on either side
         * are clicked. */
        const PageLink *pl = run->kind == RUN_GLYPHS && run->style.link >= 0 && pdf
                                     && cocom_pdfmeta_has_words(run->text)
                                 ? cocom_page_link(page, run->style.link) : NULL;
        if (run->kind != RUN_GLYPHS || run->style.background != FO_COLOR_TRANSPARENT || run->style.decoration || pl)
            batch_flush_r(r, cr);
        if (run->style.background != FO_COLOR_TRANSPARENT && run->kind == RUN_GLYPHS) {
            furniture_begin(r);
            mark_content(r, cr);
            draw_set_color(cr, run->style.background);
            draw_rect(cr, rx, rb - run->font->ascent, run->width, run->font->ascent + run->font->descent);
            cairo_fill(cr);
            furniture_end(r, cr);
        }
        switch (run->kind) {
        case RUN_GLYPHS: {
            /* A page number not known yet: its zeros go to Cairo on their
             * own between two markers, for the post-pass to write the
             * number over (cites.h). */
            int cite = run->style.cite && r->tg;
            if (cite)
                batch_flush_r(r, cr);
            if (pl && r->tg) {
                /* The Link element holds its text, and its annotation lies
                 * over the text's line box. */
                uint32_t link = add_link(r, cr, page, run, pl, rx, rb);
                int tagged = in_structure(r);
                if (tagged)
                    cocom_tagger_begin(r->tg, "Link", 1, NULL, link);
                mark_content(r, cr);
                paint_run_text(r, cr, run, rx, rb);
                if (cite)
                    flush_cite(r, cr, run, NULL);
                else
                    batch_flush_in(r, cr, NULL);
                if (tagged)
                    cocom_tagger_end(r->tg, cr);
            } else if (cite) {
                paint_run_text(r, cr, run, rx, rb);
                flush_cite(r, cr, run, cocom_tagger_text_wrapper(r->tg));
            } else {
                paint_run_text(r, cr, run, rx, rb);
            }
            break;
        }
        case RUN_LEADER:
            furniture_begin(r);
            mark_content(r, cr);
            draw_leader(cr, run, rx, rb, x, line->ref_dx);
            furniture_end(r, cr);
            break;
        case RUN_BOX:
            /* An image with alternative text is a Figure; without, an
             * ornament (furniture). */
            if (in_structure(r) && run->alt && *run->alt) {
                cocom_tagger_begin(r->tg, "Figure", 1, run->alt, COCOM_SL_NO_LINK);
                mark_content(r, cr);
                draw_image(cr, run->object, rx, rb - run->height, run->width, run->height);
                cocom_tagger_end(r->tg, cr);
            } else {
                furniture_begin(r);
                mark_content(r, cr);
                draw_image(cr, run->object, rx, rb - run->height, run->width, run->height);
                furniture_end(r, cr);
            }
            break;
        }
        if (run->style.decoration && run->kind != RUN_BOX) {
            batch_flush_r(r, cr);
            furniture_begin(r);
            mark_content(r, cr);
            const CocomFont *f = run->font;
            draw_set_color(cr, run->style.color);
            if (run->style.decoration & FO_DECORATION_UNDERLINE)
                draw_rect(cr, rx, rb + f->underline_position - f->underline_thickness / 2, run->width,
                                f->underline_thickness);
            if (run->style.decoration & FO_DECORATION_LINE_THROUGH)
                draw_rect(cr, rx, rb - f->strikethrough_position - f->strikethrough_thickness / 2, run->width,
                                f->strikethrough_thickness);
            if (run->style.decoration & FO_DECORATION_OVERLINE)
                draw_rect(cr, rx, rb - f->ascent, run->width, f->underline_thickness);
            cairo_fill(cr);
            furniture_end(r, cr);
        }
    }
}

/* Does the element opened at ops[i] close on this page with nothing inside
 * it that becomes an element of its own (then its text is its content)? */
static int element_is_leaf(const CocomPage *page, size_t i)
{
    int depth = 0;
    for (size_t j = i + 1; j < page->nops; j++) {
        const AreaOp *op = &page->ops[j];
        switch (op->type) {
        case AOP_TAG_BEGIN:
        case AOP_ARTIFACT_BEGIN:
            return 0;
        case AOP_TAG_END:
            if (depth == 0)
                return 1;
            depth--;
            break;
        case AOP_LINE: {
            const ParaLine *l = &page->lines[op->line];
            for (int k = 0; k < l->nruns; k++)
                if (l->runs[k].kind != RUN_GLYPHS || l->runs[k].style.link >= 0
                    || l->runs[k].style.background != FO_COLOR_TRANSPARENT || l->runs[k].style.decoration)
                    return 0;
            break;
        }
        default:
            break;
        }
    }
    return 0;   /* it goes on to the next page: assume children */
}

static const char *const structure_types[] = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Figure", "Formula", "Form"};

/* The static name of a structure type (names on pages die with them). */
static const char *structure_type(const char *name)
{
    for (size_t i = 0; name && i < COCOM_ARRAY_LEN(structure_types); i++)
        if (strcmp(structure_types[i], name) == 0)
            return structure_types[i];
    return "Div";
}

static void paint_ops(CocomRenderer *r, cairo_t *cr, const CocomPage *page)
{
    int pdf = r->format == COCOM_FORMAT_PDF;
    if (r->tg && !r->document_open) {
        cocom_tagger_begin(r->tg, "Document", 0, NULL, COCOM_SL_NO_LINK);
        r->document_open = 1;
    }
    r->vis[0] = 0;
    r->vis[1] = 0;
    r->vis[2] = page->width;
    r->vis[3] = page->height;
    for (size_t i = 0; i < page->nops; i++) {
        const AreaOp *op = &page->ops[i];
        if (op->type != AOP_LINE)
            batch_flush_r(r, cr);   /* paint order must stay */
        switch (op->type) {
        /* Backgrounds and borders are layout artifacts (PDF 32000-1
         * 14.8.2.2.2): of the design, not the text, so a reader skips them. */
        case AOP_RECT:
            furniture_begin(r);
            mark_content(r, cr);
            draw_set_color(cr, op->color);
            draw_rect(cr, op->x, op->y, op->w, op->h);
            while (i + 1 < page->nops && page->ops[i + 1].type == AOP_RECT && page->ops[i + 1].color == op->color) {
                const AreaOp *o = &page->ops[++i];
                draw_rect(cr, o->x, o->y, o->w, o->h);
            }
            cairo_fill(cr);
            furniture_end(r, cr);
            break;
        case AOP_BORDER:
            furniture_begin(r);
            mark_content(r, cr);
            if (op->style == FO_BORDER_DOUBLE)
                draw_border(cr, op);
            else
                i = draw_borders(cr, page->ops, i, page->nops);
            furniture_end(r, cr);
            break;
        case AOP_LINE:
            paint_line(r, cr, page, &page->lines[op->line], op->x, op->y);
            break;
        case AOP_IMAGE:
            mark_content(r, cr);
            draw_image(cr, op->image, op->x, op->y, op->w, op->h);
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
            draw_rect(cr, op->x, op->y, op->w, op->h);
            cairo_clip(cr);
            r->vis[0] = op->x > 0 ? op->x : 0;
            r->vis[1] = op->y > 0 ? op->y : 0;
            r->vis[2] = op->x + op->w < page->width ? op->x + op->w : page->width;
            r->vis[3] = op->y + op->h < page->height ? op->y + op->h : page->height;
            break;
        case AOP_CLIP_END:
            cairo_restore(cr);
            r->vis[0] = r->vis[1] = 0;
            r->vis[2] = page->width;
            r->vis[3] = page->height;
            break;
        case AOP_TAG_BEGIN:
            if (in_structure(r))
                cocom_tagger_begin(r->tg, structure_type(op->str), element_is_leaf(page, i), NULL,
                                   COCOM_SL_NO_LINK);
            break;
        case AOP_TAG_END:
            if (in_structure(r) && cocom_tagger_depth(r->tg) > 1)
                cocom_tagger_end(r->tg, cr);
            break;
        case AOP_ARTIFACT_BEGIN:
            furniture_begin(r);
            break;
        case AOP_ARTIFACT_END:
            furniture_end(r, cr);
            break;
        default:
            break;
        }
    }
    batch_flush_r(r, cr);
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
    if (r->tg)
        cocom_tagger_page_end(r->tg, r->cr);
    cairo_show_page(r->cr);
    if (cairo_status(r->cr) != CAIRO_STATUS_SUCCESS) {
        report_cairo_error(r, cairo_status(r->cr), page->index);
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
        while (r->tg && cocom_tagger_depth(r->tg))
            cocom_tagger_end(r->tg, r->cr);
        if (r->tg && cocom_structlog_error(cocom_tagger_log(r->tg))) {
            cocom_report(r->ctx, COCOM_SEVERITY_ERROR, r->name, 0, "cannot make the PDF: its tags could not be written "
                         "to a temporary file: %s", cocom_load_errno_text(cocom_structlog_error(cocom_tagger_log(r->tg))));
            return r->status = COCOM_STATUS_IO;
        }
        cairo_destroy(r->cr);
        r->cr = NULL;
        cairo_surface_finish(r->pdf);
        cairo_status_t s = cairo_surface_status(r->pdf);
        if (s != CAIRO_STATUS_SUCCESS) {
            report_cairo_error(r, s, 0);
            return r->status = COCOM_STATUS_IO;
        }
        /* Cairo has handed over every byte; this buffer and stdio may
         * still hold some. */
        flush_pdf(r);
        FILE *f = r->file;
        r->file = NULL;
        if (fclose(f) != 0 && !r->write_errno)
            r->write_errno = errno ? errno : EIO;
        if (r->write_errno) {
            report_cairo_error(r, CAIRO_STATUS_WRITE_ERROR, 0);
            return r->status = COCOM_STATUS_IO;
        }
    }
    r->finished = 1;
    return COCOM_STATUS_OK;
}

void cocom_renderer_fix(const CocomRenderer *r, CocomPdfFix *fix)
{
    fix->date = r->date[0] ? r->date : NULL;
    fix->structure = r->tg ? cocom_tagger_log(r->tg) : NULL;
}

void cocom_renderer_set_cites(CocomRenderer *r, CocomCites *cites)
{
    r->cites = cites;
}

void cocom_renderer_destroy(CocomRenderer *r)
{
    if (!r)
        return;
    if (r->cr)
        cairo_destroy(r->cr);
    if (r->pdf)
        cairo_surface_destroy(r->pdf);
    if (r->file)
        fclose(r->file);
    free(r->wbuf);
    free(r->name);
    for (size_t i = 0; i < r->nwritten; i++) {
        if (!r->finished)
            unlink(r->written[i]);
        free(r->written[i]);
    }
    free(r->written);
    free(r->dir);
    batch_free(&r->batch);
    cocom_tagger_free(r->tg);
    free(r);
}
