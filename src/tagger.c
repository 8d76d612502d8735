/* tagger.c — see tagger.h. */
#include "config.h"
#include "tagger.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *type;   /* static (the painter's table of types) */
    int leaf;
    int begun;          /* logged as opened yet */
    char *alt;
    uint32_t link;
} OpenTag;

enum { MC_NONE, MC_CONTENT, MC_FURNITURE };

/* Marked content ended but no end marker drawn yet: the next marker ends
 * it (the post-pass finds the log's END before that marker's event), so
 * two sequences side by side cost Cairo one marker between them, not two.
 * Everything drawn is marked first (cocom_tagger_mark), so nothing can
 * fall between the end and the next marker. */

struct CocomTagger {
    CocomStructLog *log;
    OpenTag *tags;
    size_t ntags, captags;
    int furniture;      /* depth of furniture */
    int mc;             /* what the marked content open now belongs to */
    int end_pending;    /* an END logged, its marker not drawn (see above) */
};

CocomTagger *cocom_tagger_new(void)
{
    CocomStructLog *log = cocom_structlog_new();
    if (!log)
        return NULL;
    CocomTagger *tg = cocom_xcalloc(1, sizeof *tg);
    tg->log = log;
    return tg;
}

void cocom_tagger_free(CocomTagger *tg)
{
    if (!tg)
        return;
    for (size_t i = 0; i < tg->ntags; i++)
        free(tg->tags[i].alt);
    free(tg->tags);
    cocom_structlog_free(tg->log);
    free(tg);
}

CocomStructLog *cocom_tagger_log(CocomTagger *tg)
{
    return tg->log;
}

/* The marker for the post-pass: a black rectangle of a size the painter
 * never draws otherwise, at the page's corner in device space, with the
 * clip reset (Cairo drops what falls outside the clip, and a dropped
 * marker would put the log out of step with the page).  The fill colour
 * Cairo sets for it stays in the page; Cairo sets the colour again before
 * whatever it draws next in another colour, so nothing changes colour.
 * Called only where no path is being built. */
static void draw_marker(cairo_t *cr, double width)
{
    cairo_save(cr);
    cairo_identity_matrix(cr);
    cairo_reset_clip(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_rectangle(cr, 0, 0, width, COCOM_MARKER_HEIGHT);
    cairo_fill(cr);
    cairo_restore(cr);
}

void cocom_tagger_cite(CocomTagger *tg, cairo_t *cr, int begin)
{
    (void)tg;
    draw_marker(cr, begin ? COCOM_MARKER_CITE : COCOM_MARKER_CITE_END);
}

static void mc_end(CocomTagger *tg)
{
    if (tg->mc == MC_NONE)
        return;
    cocom_structlog_event(tg->log, COCOM_SL_END);
    tg->end_pending = 1;
    tg->mc = MC_NONE;
}

/* A marker that begins marked content (and ends what was pending). */
static void begin_marker(CocomTagger *tg, cairo_t *cr, double width, CocomStructEventKind kind)
{
    draw_marker(cr, width);
    cocom_structlog_event(tg->log, kind);
    tg->end_pending = 0;
}

void cocom_tagger_begin(CocomTagger *tg, const char *type, int leaf, const char *alt, uint32_t link)
{
    COCOM_GROW(tg->tags, tg->captags, tg->ntags + 1);
    tg->tags[tg->ntags++] = (OpenTag){type, leaf, 0, alt ? cocom_xstrdup(alt) : NULL, link};
}

/* Opens the pending elements; an element's content ends before an element
 * inside it begins (marked content with an MCID does not nest). */
static void open_pending(CocomTagger *tg)
{
    for (size_t i = 0; i < tg->ntags; i++)
        if (!tg->tags[i].begun) {
            mc_end(tg);
            cocom_structlog_open(tg->log, tg->tags[i].type, tg->tags[i].alt, tg->tags[i].link);
            tg->tags[i].begun = 1;
        }
}

void cocom_tagger_mark(CocomTagger *tg, cairo_t *cr)
{
    if (tg->furniture > 0) {
        if (tg->mc != MC_FURNITURE) {
            mc_end(tg);
            begin_marker(tg, cr, COCOM_MARKER_ARTIFACT, COCOM_SL_ARTIFACT);
            tg->mc = MC_FURNITURE;
        }
        return;
    }
    open_pending(tg);
    if (tg->mc == MC_CONTENT || tg->ntags == 0)
        return;
    mc_end(tg);
    begin_marker(tg, cr, COCOM_MARKER_MARK, COCOM_SL_MARK);
    tg->mc = MC_CONTENT;
}

void cocom_tagger_end(CocomTagger *tg, cairo_t *cr)
{
    if (!tg->ntags)
        return;
    OpenTag *t = &tg->tags[tg->ntags - 1];
    if (!t->begun && tg->furniture == 0 && (strcmp(t->type, "TD") == 0 || strcmp(t->type, "TH") == 0))
        cocom_tagger_mark(tg, cr);
    if (t->begun) {
        if (tg->mc == MC_CONTENT)
            mc_end(tg);
        cocom_structlog_event(tg->log, COCOM_SL_CLOSE);
    }
    free(t->alt);
    tg->ntags--;
}

size_t cocom_tagger_depth(const CocomTagger *tg)
{
    return tg->ntags;
}

void cocom_tagger_furniture_begin(CocomTagger *tg)
{
    tg->furniture++;
}

void cocom_tagger_furniture_end(CocomTagger *tg, cairo_t *cr)
{
    (void)cr;   /* the end's marker is drawn with the next one */
    if (tg->furniture > 0 && --tg->furniture == 0 && tg->mc == MC_FURNITURE)
        mc_end(tg);
}

int cocom_tagger_in_furniture(const CocomTagger *tg)
{
    return tg->furniture > 0;
}

const char *cocom_tagger_text_wrapper(const CocomTagger *tg)
{
    if (!tg || tg->furniture > 0)
        return NULL;
    if (tg->ntags == 0 || strcmp(tg->tags[tg->ntags - 1].type, "Document") == 0)
        return "P";
    return tg->tags[tg->ntags - 1].leaf ? NULL : "Span";
}

void cocom_tagger_page_end(CocomTagger *tg, cairo_t *cr)
{
    mc_end(tg);
    if (tg->end_pending)
        draw_marker(cr, COCOM_MARKER_END);
    tg->end_pending = 0;
    cocom_structlog_event(tg->log, COCOM_SL_PAGE);
}
