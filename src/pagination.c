/* pagination.c — pages from the galleys (stage 5, part 2).  See layout.h.
 *
 * Filling a region: items are taken in order while they fit; every content
 * item (line or row) offers a break just before it, at the cost its
 * penalty says (keeps, widows, orphans).  When the next item does not fit,
 * the break with the least cost is taken — the latest of equals, so pages
 * are as full as the keeps allow.  A row that does not fit may be split
 * between the lines of its cells.  A keep that cannot be kept is relaxed,
 * never an overflow: there is always some break to take.
 */
#include "config.h"
#include "layout.h"
#include "galley.h"
#include "font.h"
#include "fo-input.h"
#include "marker.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define A4_WIDTH (210.0 / 25.4 * 72)
#define A4_HEIGHT (297.0 / 25.4 * 72)
#define EPS 0.01

/* ---------------------------------------------------------------------- */
/* Pages                                                                    */

AreaOp *cocom_page_op(CocomPage *page, AreaOpType type)
{
    COCOM_GROW(page->ops, page->capops, page->nops + 1);
    AreaOp *op = &page->ops[page->nops++];
    memset(op, 0, sizeof *op);
    op->type = (uint8_t)type;
    op->line = -1;
    return op;
}

int cocom_page_add_line(CocomPage *page, ParaLine *line)
{
    COCOM_GROW(page->lines, page->caplines, page->nlines + 1);
    page->lines[page->nlines] = *line;
    memset(line, 0, sizeof *line);
    return (int)page->nlines++;
}

const PageLink *cocom_page_link(const CocomPage *page, int index)
{
    for (size_t i = 0; i < page->nlinks; i++)
        if (page->links[i].index == index)
            return &page->links[i];
    return NULL;
}

void cocom_page_free(CocomPage *page)
{
    if (!page)
        return;
    free(page->links);
    for (size_t i = 0; i < page->nlines; i++)
        cocom_para_line_clear(&page->lines[i]);
    free(page->lines);
    free(page->ops);
    cocom_arena_reset(&page->arena);
    free(page);
}

/* ---------------------------------------------------------------------- */
/* The layout                                                               */

typedef struct {
    double x, y, w, h;
} Rect;

typedef struct {
    xmlNodePtr master;          /* fo:simple-page-master */
    FoStyle *style;
    double width, height;
    Rect body;                  /* region-body's content rectangle */
    Rect body_area;             /* ... and its border box (inside its margins), where its background goes */
    Rect regions[4];            /* before, after, start, end (w == 0: absent) */
    xmlNodePtr region_nodes[4];
    FoStyle *region_styles[4];
    FoStyle *body_style;
    const char *region_names[5];/* body, before, after, start, end */
    int ncols;                  /* the region-body's columns (column-count), 1 or more */
    double col_w, col_gap;      /* each column's width, and the gap between two */
} Master;

/* One open box carried from page to page. */
typedef struct {
    LBox *box;
} OpenBox;

struct CocomLayout {
    CocomContext *ctx;
    FoInput *input;
    xmlNodePtr root;
    const char *file;
    char *base_dir;
    FoResolver resolver;
    FoStyle *root_style;
    CocomMap master_nodes;      /* master-name -> xmlNodePtr */
    Master *masters;            /* simple page masters, computed once */
    size_t nmasters, capmasters;
    /* Page sequences */
    xmlNodePtr seq;
    int leading_blank;          /* auto-odd/auto-even: a blank page first */
    FoStyle *seq_style;
    FoStyle *flow_style;
    Galley *flow;
    GalleyEnv env;
    char *page_text;            /* the current page's number, formatted */
    int seq_started;
    int seq_pages;              /* pages of this sequence so far */
    int seq_ended;
    int page_index;             /* pages so far, whole document */
    int page_number;            /* the next page's number */
    int pending_parity;         /* FO_BREAK_ODD_PAGE / EVEN: the next flow page must be so */
    /* page-sequence-master state */
    xmlNodePtr psm;             /* fo:page-sequence-master or NULL */
    xmlNodePtr sub;             /* the current sub-sequence specifier */
    int sub_used;               /* pages taken from it */
    /* Boxes open across the page break, outermost first. */
    LBox **open;
    size_t nopen, capopen;
    RefTable xref;              /* ids, links and citations */
    CocomDocInfo info;
    xmlNodePtr bookmarks;
    int done;
    int warned_width;
    double flow_width;
    int dry_run;                /* a first pass: no static content */
    int stalled;                /* a page could not move the flow on: the layout stops */
    CocomMarkerState *markers;  /* fo:markers on this page and the last of each class before */
    Notes *notes_pending;       /* footnote bodies (or their rests) waiting for the next page's foot */
    /* Fitting the flow into a page: the footnotes its lines cite need room
     * at its foot, h0 (those carried from the page before) to begin with,
     * and the separator (page_separator) above the first. */
    struct { int on; double h0; } fit_notes;
    /* The page's footnote separator, laid out when a footnote first needs
     * it (most pages have none): its items, height and width. */
    struct { int made; double h, w; ItemList items; } sep;
    /* Placing the flow on a page: each line or row placed that cites
     * footnotes places their bodies at y, in the room left, right after
     * itself in reading order; once one waits (held) the rest wait. */
    struct {
        int on, untagged, placed, held;
        double y, room;
        size_t *spans;          /* [from, to) of the placer's content ops and fragments, 4 a body */
        size_t nspans, capspans;
    } pn;
    int seq_count;              /* page sequences begun, for retrieve-boundary="page-sequence" */
};

static void record_id(CocomLayout *l, const char *id)
{
    if (!id || !*id || !l->page_text)
        return;
    reftable_record(&l->xref, id, l->page_text, REF_FIRST | REF_LAST);
}

/* ---------------------------------------------------------------------- */
/* Masters                                                                  */

static FoStyle *style_of(CocomLayout *l, xmlNodePtr node, const FoStyle *parent)
{
    FoStyle *s = cocom_xmalloc(sizeof *s);
    fo_style_compute(&l->resolver, node, parent, s);
    return s;
}

static double len_or(FoLength v, double ref, double dflt)
{
    return v.kind == FO_LEN_VALUE ? fo_length_resolve(v, ref) : dflt;
}

static Master *master_get(CocomLayout *l, xmlNodePtr spm)
{
    for (size_t i = 0; i < l->nmasters; i++)
        if (l->masters[i].master == spm)
            return &l->masters[i];
    COCOM_GROW(l->masters, l->capmasters, l->nmasters + 1);
    Master *m = &l->masters[l->nmasters++];
    memset(m, 0, sizeof *m);
    m->master = spm;
    FoStyle *s = style_of(l, spm, l->root_style);
    m->style = s;
    m->width = len_or(s->page_width, 0, A4_WIDTH);
    m->height = len_or(s->page_height, 0, A4_HEIGHT);
    if (m->width < 36 || m->width > 14400 || m->height < 36 || m->height > 14400) {
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(spm),
                     "the page size %.0fpt by %.0fpt is outside 36pt to 14400pt; using A4", m->width, m->height);
        m->width = A4_WIDTH;
        m->height = A4_HEIGHT;
    }
    /* The page's content rectangle: the page less its margins. */
    Rect c = {len_or(s->margin_left, m->width, 0), len_or(s->margin_top, m->width, 0), 0, 0};
    c.w = m->width - c.x - len_or(s->margin_right, m->width, 0);
    c.h = m->height - c.y - len_or(s->margin_bottom, m->width, 0);
    if (c.w < 36 || c.h < 36) {
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(spm),
                     "the page's margins leave %.0fpt by %.0fpt for content; they are ignored", c.w, c.h);
        c = (Rect){0, 0, m->width, m->height};
    }
    static const FoKind rk[4] = {FO_REGION_BEFORE, FO_REGION_AFTER, FO_REGION_START, FO_REGION_END};
    static const char *dflt[5] = {"xsl-region-body", "xsl-region-before", "xsl-region-after",
                                  "xsl-region-start", "xsl-region-end"};
    xmlNodePtr body = fo_child(spm, FO_REGION_BODY);
    m->region_names[0] = dflt[0];
    double ext[4] = {0, 0, 0, 0};
    int prec[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        m->region_names[i + 1] = dflt[i + 1];
        xmlNodePtr r = fo_child(spm, rk[i]);
        if (!r)
            continue;
        m->region_nodes[i] = r;
        m->region_styles[i] = style_of(l, r, s);
        if (m->region_styles[i]->region_name)
            m->region_names[i + 1] = m->region_styles[i]->region_name;
        /* A percentage is of the page-reference-area's height (before,
         * after) or width (start, end). */
        ext[i] = len_or(m->region_styles[i]->extent, i < 2 ? c.h : c.w, 0);
        prec[i] = m->region_styles[i]->precedence;
    }
    /* Before and after span the width when they have precedence, or
     * start and end span the height (XSL 1.1 §6.4.14). */
    for (int i = 0; i < 2; i++) {
        if (!m->region_nodes[i])
            continue;
        double x0 = c.x, x1 = c.x + c.w;
        if (!prec[i]) {
            if (m->region_nodes[2])
                x0 += ext[2];
            if (m->region_nodes[3])
                x1 -= ext[3];
        }
        m->regions[i] = (Rect){x0, i == 0 ? c.y : c.y + c.h - ext[1], x1 - x0, ext[i]};
    }
    for (int i = 2; i < 4; i++) {
        if (!m->region_nodes[i])
            continue;
        double y0 = c.y, y1 = c.y + c.h;
        if (m->region_nodes[0] && prec[0])
            y0 += ext[0];
        if (m->region_nodes[1] && prec[1])
            y1 -= ext[1];
        m->regions[i] = (Rect){i == 2 ? c.x : c.x + c.w - ext[3], y0, ext[i], y1 - y0};
    }
    FoStyle *bs = body ? style_of(l, body, s) : NULL;
    m->body_style = bs;
    if (bs && bs->region_name)
        m->region_names[0] = bs->region_name;
    Rect b = c;
    m->body_area = c;
    if (bs) {
        double ml = len_or(bs->margin_left, c.w, 0), mr = len_or(bs->margin_right, c.w, 0);
        double mt = len_or(bs->margin_top, c.w, 0), mb = len_or(bs->margin_bottom, c.w, 0);
        b = (Rect){c.x + ml, c.y + mt, c.w - ml - mr, c.h - mt - mb};
        m->body_area = b;
        /* Padding and borders of the region are inside its margins. */
        b.x += bs->border[FO_START].width + fo_length_resolve(bs->padding[FO_START].length, c.w);
        b.y += bs->border[FO_BEFORE].width + fo_length_resolve(bs->padding[FO_BEFORE].length, c.w);
        b.w -= bs->border[FO_START].width + bs->border[FO_END].width + fo_length_resolve(bs->padding[FO_START].length, c.w)
               + fo_length_resolve(bs->padding[FO_END].length, c.w);
        b.h -= bs->border[FO_BEFORE].width + bs->border[FO_AFTER].width
               + fo_length_resolve(bs->padding[FO_BEFORE].length, c.w) + fo_length_resolve(bs->padding[FO_AFTER].length, c.w);
    }
    if (b.w < 18 || b.h < 18) {
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(body ? body : spm),
                     "the region-body's margins leave %.0fpt by %.0fpt; they are ignored", b.w, b.h);
        b = c;
        m->body_area = c;
    }
    m->body = b;
    /* Columns (XSL 1.1 §7.28.2): column-count of equal columns, column-gap
     * apart (a percentage of the region's width). */
    m->ncols = 1;
    m->col_w = b.w;
    if (bs && bs->column_count > 1) {
        int n = bs->column_count;
        double gap = fo_length_resolve(bs->column_gap, b.w);
        if (gap < 0)
            gap = 0;
        double w = (b.w - (n - 1) * gap) / n;
        if (n > 100 || w < 18) {
            cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(body),
                         "column-count=\"%d\" with a %.0fpt gap leaves columns %.0fpt wide in a %.0fpt region-body; "
                         "it is set in one column", n, gap, w, b.w);
        } else {
            m->ncols = n;
            m->col_w = w;
            m->col_gap = gap;
        }
    }
    return m;
}

static void masters_free(CocomLayout *l)
{
    for (size_t i = 0; i < l->nmasters; i++) {
        free(l->masters[i].style);
        free(l->masters[i].body_style);
        for (int k = 0; k < 4; k++)
            free(l->masters[i].region_styles[k]);
    }
    free(l->masters);
}

static xmlNodePtr master_named(CocomLayout *l, const char *name, xmlNodePtr from)
{
    intptr_t v;
    if (name && cocom_map_get(&l->master_nodes, name, &v))
        return (xmlNodePtr)v;
    char key[300];
    snprintf(key, sizeof key, "master:%s", name ? name : "");
    if (cocom_report_once(l->ctx, key))
        cocom_report(l->ctx, COCOM_SEVERITY_ERROR, l->file, xmlGetLineNo(from),
                     "master-reference '%s' names no simple-page-master or page-sequence-master", name ? name : "");
    return NULL;
}

/* Does this conditional-page-master-reference apply to the page? */
static int condition_holds(CocomLayout *l, xmlNodePtr cond, int first, int last, int blank, int odd)
{
    FoStyle *s = style_of(l, cond, l->root_style);
    int ok = 1;
    switch (s->page_position) {
    case FO_PAGE_POSITION_FIRST: ok = first; break;
    case FO_PAGE_POSITION_LAST: ok = last; break;
    case FO_PAGE_POSITION_REST: ok = !first && !last; break;
    case FO_PAGE_POSITION_ONLY: ok = first && last; break;
    default: break;
    }
    if (s->odd_or_even == FO_ODD_OR_EVEN_ODD && !odd)
        ok = 0;
    if (s->odd_or_even == FO_ODD_OR_EVEN_EVEN && odd)
        ok = 0;
    if (s->blank_or_not_blank == FO_BLANK_BLANK && !blank)
        ok = 0;
    if (s->blank_or_not_blank == FO_BLANK_NOT_BLANK && blank)
        ok = 0;
    free(s);
    return ok;
}

static int max_repeats(CocomLayout *l, xmlNodePtr node, int dflt)
{
    const char *v = fo_attr(node, "maximum-repeats");
    (void)l;
    if (!v || strcmp(v, "no-limit") == 0)
        return dflt;
    int n = atoi(v);
    return n > 0 ? n : dflt;
}

/* The simple page master for the next page, without advancing the
 * page-sequence-master's state (call master_advance once the page is
 * kept). */
static xmlNodePtr master_choose(CocomLayout *l, int first, int last, int blank)
{
    int odd = l->page_number % 2 != 0;
    if (!l->psm) {
        xmlNodePtr m = master_named(l, l->seq_style->master_reference, l->seq);
        return m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER ? m : NULL;
    }
    xmlNodePtr sub = l->sub;
    int used = l->sub_used;
    for (int guard = 0; sub && guard < 1000; guard++) {
        FoKind k = fo_kind(sub);
        int limit = k == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : max_repeats(l, sub, 1 << 30);
        if (k == FO_SINGLE_PAGE_MASTER_REFERENCE || k == FO_REPEATABLE_PAGE_MASTER_REFERENCE
            || k == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
            if (used < limit) {
                if (k == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
                    for (xmlNodePtr c = sub->children; c; c = c->next)
                        if (fo_kind(c) == FO_CONDITIONAL_PAGE_MASTER_REFERENCE
                            && condition_holds(l, c, first, last, blank, odd)) {
                            xmlNodePtr m = master_named(l, fo_attr(c, "master-reference"), c);
                            if (m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER)
                                return m;
                        }
                    char key[64];
                    snprintf(key, sizeof key, "no-alt:%ld", xmlGetLineNo(sub));
                    if (cocom_report_once(l->ctx, key))
                        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(sub),
                                     "no conditional-page-master-reference fits page %d; using the first", l->page_number);
                    xmlNodePtr c = fo_child(sub, FO_CONDITIONAL_PAGE_MASTER_REFERENCE);
                    xmlNodePtr m = c ? master_named(l, fo_attr(c, "master-reference"), c) : NULL;
                    if (m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER)
                        return m;
                } else {
                    xmlNodePtr m = master_named(l, fo_attr(sub, "master-reference"), sub);
                    if (m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER)
                        return m;
                }
            }
        }
        do
            sub = sub->next;
        while (sub && sub->type != XML_ELEMENT_NODE);
        used = 0;
    }
    /* The sub-sequences are used up: the specification says that is an
     * error; FOP repeats the last.  Repeat the last one that had a master. */
    char key[64];
    snprintf(key, sizeof key, "psm-exhausted:%p", (void *)l->psm);
    if (cocom_report_once(l->ctx, key))
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(l->psm),
                     "the page-sequence-master's page masters are used up at page %d; its last one is repeated",
                     l->page_number);
    xmlNodePtr lastsub = NULL;
    for (xmlNodePtr c = l->psm->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            lastsub = c;
    if (!lastsub)
        return NULL;
    if (fo_kind(lastsub) == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
        xmlNodePtr c = fo_child(lastsub, FO_CONDITIONAL_PAGE_MASTER_REFERENCE);
        xmlNodePtr m = c ? master_named(l, fo_attr(c, "master-reference"), c) : NULL;
        return m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER ? m : NULL;
    }
    xmlNodePtr m = master_named(l, fo_attr(lastsub, "master-reference"), lastsub);
    return m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER ? m : NULL;
}

static void master_advance(CocomLayout *l)
{
    if (!l->psm)
        return;
    for (int guard = 0; l->sub && guard < 1000; guard++) {
        FoKind k = fo_kind(l->sub);
        int limit = k == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : max_repeats(l, l->sub, 1 << 30);
        if ((k == FO_SINGLE_PAGE_MASTER_REFERENCE || k == FO_REPEATABLE_PAGE_MASTER_REFERENCE
             || k == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) && l->sub_used < limit) {
            l->sub_used++;
            return;
        }
        do
            l->sub = l->sub->next;
        while (l->sub && l->sub->type != XML_ELEMENT_NODE);
        l->sub_used = 0;
    }
}

/* ---------------------------------------------------------------------- */
/* Fitting items into a height                                              */

typedef struct {
    Item *(*get)(void *src, size_t i);
    void *src;
} Source;

static Item *queue_get(void *src, size_t i)
{
    return galley_peek(src, i);
}

/* A run of the flow on a page of columns: its items from `from` up to,
 * not including, `limit` (RUN_OPEN: as far as the flow goes). */
#define RUN_OPEN ((size_t)-1)
typedef struct {
    Galley *g;
    size_t from, limit;
} RunSrc;

static Item *run_get(void *src, size_t i)
{
    RunSrc *r = src;
    return r->limit == RUN_OPEN || r->from + i < r->limit ? galley_peek(r->g, r->from + i) : NULL;
}

/* Is the source the flow (or a run of it), rather than a cell's items? */
static int flow_source(const Source *s)
{
    return s->get == queue_get || s->get == run_get;
}

typedef struct {
    ItemList *list;
    size_t from;
} ListSrc;

static Item *list_get(void *src, size_t i)
{
    ListSrc *ls = src;
    return ls->from + i < ls->list->n ? &ls->list->items[ls->from + i] : NULL;
}

typedef struct {
    size_t cut;         /* items [0, cut) are placed whole */
    double height;      /* of the part */
    int32_t penalty;
    int split;          /* the item at `cut` is a row, split: its part is split_height tall */
    int split_forced;   /* ... split whatever its keeps, being alone on the page */
    double split_height;
    int exhausted;      /* everything fitted */
    uint8_t break_kind; /* a forced break ended the part */
    uint8_t top_break;  /* a forced break before any content (for odd/even pages) */
    int overflow;       /* an item taller than the space was placed anyway */
    double notes_height;/* Source.notes: the footnotes' room the part needs, separator included */
} Fit;

static double item_notes_height(CocomLayout *l, const Item *it);
static double page_separator(CocomLayout *l);

static void fit_items(CocomLayout *l, Source *s, double H, int allow_overflow, Fit *out);

static double box_edge_before(const LBox *b)
{
    return b->border[FO_BEFORE].width + b->padding[FO_BEFORE];
}

static double box_edge_after(const LBox *b)
{
    return b->border[FO_AFTER].width + b->padding[FO_AFTER];
}

/* A cell's border and padding above its content: none on a continued part
 * when the padding is discarded (XSL's conditionality). */
static double cell_top(const Cell *c)
{
    if (!c->box)
        return 0;
    return c->started && c->box->padding_discard[0] ? 0 : box_edge_before(c->box);
}

/* ... and below, on a part that continues on the next page. */
static double cell_bottom(const Cell *c, int continues)
{
    if (!c->box)
        return 0;
    return continues && c->box->padding_discard[1] ? c->box->border[FO_AFTER].width : box_edge_after(c->box);
}

/* The table whose header is repeated above a row that begins a part (the
 * page's, or a cell's): a row of a table that has body rows on earlier
 * pages, or that is itself continued, and a header not omitted at breaks
 * (XSL 1.1 §6.7.6: a header is repeated at every break of its table,
 * wherever the table is).  NULL otherwise. */
static Table *header_repeats_above(const Row *r)
{
    Table *t = r->table;
    if (t && !r->is_header && t->header.n && !t->omit_header_at_break && (t->body_rows_placed > 0 || r->continued))
        return t;
    return NULL;
}

/* The table whose header a cell's continued part begins with: the cell's
 * next content is a body row of a nested table whose header is repeated
 * there.  NULL otherwise. */
static Table *cell_repeats_header(const Cell *c)
{
    if (!c->started)
        return NULL;
    for (size_t k = c->pos; k < c->content.n; k++) {
        const Item *it = &c->content.items[k];
        if (it->type == IT_LINE)
            return NULL;
        if (it->type == IT_ROW)
            return it->row->is_footer ? NULL : header_repeats_above(it->row);
    }
    return NULL;
}

static double cell_header(const Cell *c)
{
    Table *t = cell_repeats_header(c);
    return t ? t->header_height : 0;
}

/* The height a table's footer takes at a break in a space H tall: none
 * when it is omitted there, or when with the header it would leave no room
 * for a body row (it is then not repeated: see flow_page). */
static double footer_at_break(const Table *t, double H)
{
    if (!t || t->omit_footer_at_break || t->footer_height + t->header_height >= H - EPS)
        return 0;
    return t->footer_height;
}

/* The table a row belongs to, when breaking between two of its rows puts
 * its footer on this page. */
static double footer_reserve(Item *prev, Item *next, double H)
{
    if (!prev || !next || prev->type != IT_ROW || next->type != IT_ROW)
        return 0;
    Table *t = prev->row->table;
    if (!t || t != next->row->table || prev->row->is_footer || next->row->is_footer)
        return 0;
    return footer_at_break(t, H);
}

/* A row's cells, each fitted into what is left of the page: the row's part
 * is as tall as its tallest cell part.  With force (the row is first on its
 * page), a cell whose next item is taller than the page places it anyway,
 * so pagination always moves on. */
static int row_split(CocomLayout *l, Row *r, double avail, int force, double *part, int32_t *pen)
{
    if (r->nrows > 1 && !force)
        return 0;   /* rows joined by spanning cells stay together */
    double best = 0;
    int32_t p = r->keep_inside;
    int any = 0;
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        double top = cell_top(c) + cell_header(c), bottom = cell_bottom(c, 1);
        double room = avail - top - bottom;
        if (room <= 0 && !force)
            continue;
        ListSrc ls = {&c->content, c->pos};
        Source src = {list_get, &ls};
        Fit f;
        fit_items(l, &src, room, force, &f);
        if (f.overflow && !force)
            continue;
        double h = f.exhausted ? f.height + top + cell_bottom(c, 0) : f.height + top + bottom;
        if (f.cut > 0 || f.split || f.exhausted)
            any = 1;
        if (h > best)
            best = h;
        if (!f.exhausted && f.penalty > p)
            p = f.penalty;
    }
    if (!any)
        return 0;
    *part = best;
    *pen = p;
    return 1;
}

/* Does what remains of a row hold a forced break after some content of
 * its cell?  (A break before a cell's first content is already behind the
 * row's start.) */
static int row_breaks_inside(const Row *r)
{
    if (!r->has_break)
        return 0;
    for (int i = 0; i < r->ncells; i++) {
        const Cell *c = &r->cells[i];
        int seen = 0;
        for (size_t k = c->pos; k < c->content.n; k++) {
            const Item *it = &c->content.items[k];
            if (it->type == IT_BREAK && seen)
                return 1;
            if (it->type == IT_ROW && row_breaks_inside(it->row))
                return 1;
            if (it->type == IT_LINE || it->type == IT_ROW)
                seen = 1;
        }
    }
    return 0;
}

/* Is there something to see at or after item i of the source: a line, a
 * row, or a box that begins with a border or padding, or has a height of
 * its own (an empty block can be a bordered box)? */
static int content_after(Source *s, size_t i)
{
    for (Item *it; (it = s->get(s->src, i)); i++)
        if (it->type == IT_LINE || it->type == IT_ROW
            || (it->type == IT_START && (it->height > 0 || (it->box && it->box->min_height > 0))))
            return 1;
    return 0;
}

static void fit_items(CocomLayout *l, Source *s, double H, int allow_overflow, Fit *out)
{
    memset(out, 0, sizeof *out);
    /* at: where the break is, in content order (2i: before item i; 2i+1:
     * inside row i). */
    typedef struct { size_t cut; double h; int32_t pen; int split; double split_h; size_t at; double fn; } Cand;
    /* The last ROWS_SEARCHED rows placed whole (row k of nrows at
     * rows[k % ROWS_SEARCHED]), and where they begin: a keep after them
     * may make a break inside one the best. */
    enum { ROWS_SEARCHED = 64 };
    typedef struct { size_t i; double top; double fn; } Placed;
    Placed rows[ROWS_SEARCHED];
    size_t nrows = 0;
    Cand *cands = NULL;
    size_t ncands = 0, capcands = 0;
    double h = 0;
    int started = 0;
    size_t gap = 0;
    size_t prev_content = (size_t)-1;
    int notes = flow_source(s) && l->fit_notes.on;   /* the flow, on a page */
    double fn = notes ? l->fit_notes.h0 : 0;   /* the footnotes' room so far */
    size_t i;
    for (i = 0;; i++) {
        /* Pointers into the source stay valid only until the next get of a
         * later item (the galley's queue may grow), so they are fetched
         * afresh each time. */
        Item *it = s->get(s->src, i);
        if (!it) {
            /* The trailing gap (ends of boxes, spaces) closes the part. */
            Item *base = gap < i ? s->get(s->src, gap) : NULL;
            double tail = base ? gap_height(base, 0, i - gap, !started, 1) : 0;
            if (h + tail + fn <= H + EPS || !ncands) {
                out->cut = i;
                out->height = h + tail;
                out->notes_height = fn;
                out->exhausted = 1;
                free(cands);
                return;
            }
            break;
        }
        if (it->type == IT_BREAK) {
            /* A break with no content after it in the flow breaks nothing:
             * the empty block with break-after="page" that ends DocBook's
             * title page (and any flow ending in a break) makes no blank
             * page (XSL 1.1 §7.20.1: a break-after is a condition on the
             * area that follows; with none, there is nothing to move).
             * What follows it (the ends of boxes, ids) stays on this page.
             * Only in the flow: in a cell the break still ends the page
             * after the row (row_breaks_inside). */
            if (started && flow_source(s)) {
                int last = !content_after(s, i + 1);
                it = s->get(s->src, i);   /* the queue may have moved */
                if (last)
                    continue;
            }
            if (started) {
                Item *base = s->get(s->src, gap);
                /* Boxes that open just before the break (a wrapper's, a
                 * block's whose first child breaks) begin on the next page,
                 * with the break, which is then at its top. */
                size_t cut = i + 1;
                for (size_t k = gap; k < i; k++)
                    if (base[k - gap].type == IT_START) {
                        cut = gap;
                        for (size_t m = gap; m < k; m++)
                            if (base[m - gap].type == IT_END)
                                cut = m + 1;
                        break;
                    }
                out->cut = cut;
                out->height = h + gap_height(base, 0, (cut > i ? i : cut) - gap, 0, 1);
                out->penalty = PENALTY_FORCED;
                out->break_kind = it->break_kind;
                out->notes_height = fn;
                free(cands);
                return;
            }
            out->top_break = it->break_kind;
            continue;
        }
        if (it->type != IT_LINE && it->type != IT_ROW)
            continue;
        /* The gap before this content item: items [gap, i). */
        Item *base = s->get(s->src, gap);
        /* The items of the gap are contiguous in both sources. */
        double mid;
        if (started) {
            size_t cut = gap;
            for (size_t k = gap; k < i; k++)
                if (base[k - gap].type == IT_END)
                    cut = k + 1;
            double ch = h + gap_height(base, 0, cut - gap, 0, 1) + footer_reserve(s->get(s->src, prev_content), it, H);
            COCOM_GROW(cands, capcands, ncands + 1);
            cands[ncands++] = (Cand){cut, ch, it->penalty, 0, 0, 2 * i, fn};
            mid = gap_height(base, 0, i - gap, 0, 0);
        } else {
            mid = gap_height(base, 0, i - gap, 1, 0);
        }
        double need = h + mid + it->height;
        /* Its footnotes, and the separator above the first of the page:
         * the room for the body shrinks by them (Hi). */
        double nh = 0;
        if (notes)
            nh = item_notes_height(l, it);
        if (nh > 0 && fn <= 0)
            nh += page_separator(l);
        double Hi = H - fn - nh;
        /* The first line of a page whose footnotes are taller than the
         * page stays with as much of them as fits; the rest go on. */
        if (nh > 0 && !started && need <= H - fn + EPS && need > Hi + EPS)
            Hi = need;
        /* A forced break inside a row's cell ends the page there: the
         * row is split, each cell placing what fits before the break (or
         * before the page's end). */
        if (it->type == IT_ROW && row_breaks_inside(it->row)) {
            double reserve = it->row->is_footer ? 0 : footer_at_break(it->row->table, H);
            double part;
            int32_t spen;
            if (row_split(l, it->row, Hi - (h + mid) - reserve, !started && allow_overflow, &part, &spen)) {
                out->cut = i;
                out->height = h + mid + part + reserve;
                out->split = 1;
                out->split_forced = !started && allow_overflow;
                out->split_height = part;
                out->penalty = PENALTY_FORCED;
                out->break_kind = FO_BREAK_PAGE;
                out->notes_height = fn + nh;
                free(cands);
                return;
            }
        }
        if (need <= Hi + EPS) {
            fn += nh;
            if (it->type == IT_ROW && it->row->nrows == 1)
                rows[nrows++ % ROWS_SEARCHED] = (Placed){i, h + mid, fn};
            h = need;
            started = 1;
            gap = i + 1;
            prev_content = i;
            continue;
        }
        /* It does not fit: split a row, or take the best break before it. */
        double reserve = it->type == IT_ROW && !it->row->is_footer ? footer_at_break(it->row->table, H) : 0;
        double part;
        int32_t spen;
        if (it->type == IT_ROW && row_split(l, it->row, Hi - (h + mid) - reserve, 0, &part, &spen)) {
            COCOM_GROW(cands, capcands, ncands + 1);
            cands[ncands++] = (Cand){i, h + mid + part + reserve, spen, 1, part, 2 * i + 1, fn + nh};
        }
        if (!ncands) {
            if (it->type == IT_ROW && row_split(l, it->row, Hi - (h + mid) - reserve, allow_overflow, &part, &spen)) {
                out->cut = i;
                out->height = h + mid + part + reserve;
                out->split = 1;
                out->split_forced = allow_overflow;
                out->split_height = part;
                out->penalty = spen;
                out->notes_height = fn + nh;
                free(cands);
                return;
            }
            /* Taller than the whole space: on a page it is placed anyway
             * (and said); in a cell part nothing is placed. */
            out->overflow = 1;
            out->cut = allow_overflow ? i + 1 : 0;
            out->height = allow_overflow ? need : 0;
            out->notes_height = fn + (allow_overflow ? nh : 0);
            free(cands);
            return;
        }
        break;
    }
    /* The least penalty; the latest of equals.  Only breaks whose part
     * fits count, when there are some: the footer a break between a
     * table's rows brings along must fit too. */
    int any_fits = 0;
    for (size_t k = 0; k < ncands; k++)
        any_fits |= cands[k].h + cands[k].fn <= H + EPS;
    size_t best = (size_t)-1;
    for (size_t k = 0; k < ncands; k++)
        if ((!any_fits || cands[k].h + cands[k].fn <= H + EPS)
            && (best == (size_t)-1 || cands[k].pen <= cands[best].pen))
            best = k;
    /* The best break costs a keep, or lies before rows placed whole (rows
     * kept with each other after them, say): a break inside one of those
     * rows may cost less, or as little and come later — the row's first
     * part here, the rest with the rows kept to it (XSL 1.1 §7.20: keeps
     * are between areas, and a row's parts are areas of their own).  The
     * latest rows first, a bounded number of them. */
    for (size_t k = nrows; k-- > 0 && k + ROWS_SEARCHED >= nrows;) {
        const Placed *pk = &rows[k % ROWS_SEARCHED];
        if (cands[best].pen <= 0 && 2 * pk->i + 1 <= cands[best].at)
            break;
        size_t j = pk->i;
        Item *rj = s->get(s->src, j);
        size_t at = 2 * j + 1;
        double reserve = rj->row->is_footer ? 0 : footer_at_break(rj->row->table, H);
        double avail = H - pk->fn - pk->top - reserve;
        if (avail > rj->height - 0.5)
            avail = rj->height - 0.5;
        double part;
        int32_t spen;
        if (!row_split(l, rj->row, avail, 0, &part, &spen) || part <= EPS || part + 0.5 > rj->height)
            continue;
        if (at > cands[best].at ? spen <= cands[best].pen : spen < cands[best].pen) {
            COCOM_GROW(cands, capcands, ncands + 1);
            cands[ncands] = (Cand){j, pk->top + part + reserve, spen, 1, part, at, pk->fn};
            best = ncands++;
        }
    }
    out->cut = cands[best].cut;
    out->height = cands[best].h;
    out->penalty = cands[best].pen;
    out->split = cands[best].split;
    out->split_height = cands[best].split_h;
    out->notes_height = cands[best].fn;
    free(cands);
}

/* ---------------------------------------------------------------------- */
/* Placing items on a page                                                  */

typedef struct {
    LBox *box;
    double top, bottom;
    int cont_top, cont_bottom;  /* continued from the page before / onto the next */
    int done;
    double dx;                  /* the placer's origin when it was opened (its column's) */
} Fragment;

typedef struct {
    CocomLayout *l;
    CocomPage *page;
    Fragment *frags;
    size_t nfrags, capfrags;
    AreaOp *content;            /* ops in reading order, appended after the decorations */
    size_t ncontent, capcontent;
    double dx;                  /* x of the reference area's origin on the page */
    int in_static;
} Placer;

/* Are structure tags written for what this placer places? */
static int tagged(const Placer *p)
{
    return !p->in_static && !p->l->pn.untagged;
}

static void place_notes(Placer *p, Notes *notes);

static AreaOp *content_op(Placer *p, AreaOpType type)
{
    COCOM_GROW(p->content, p->capcontent, p->ncontent + 1);
    AreaOp *op = &p->content[p->ncontent++];
    memset(op, 0, sizeof *op);
    op->type = (uint8_t)type;
    op->line = -1;
    return op;
}

static const char *page_str(CocomPage *page, const char *s)
{
    return s ? cocom_arena_strdup(&page->arena, s) : NULL;
}

static void frag_open(Placer *p, LBox *b, double y, int cont)
{
    COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
    p->frags[p->nfrags++] = (Fragment){lbox_ref(b), y, y, cont, 0, 0, p->dx};
    if (b->id && !cont) {
        if (!p->in_static)
            record_id(p->l, b->id);
        AreaOp *op = content_op(p, AOP_DEST);
        op->x = p->dx + b->x0;
        op->y = y;
        op->str = page_str(p->page, b->id);
    } else if (b->id && !p->in_static) {
        record_id(p->l, b->id);   /* its last page moves on */
    }
    if (b->role && !cont && tagged(p)) {
        AreaOp *op = content_op(p, AOP_TAG_BEGIN);
        op->str = page_str(p->page, b->role);
        op->alt = page_str(p->page, b->alt);
    }
}

static void frag_close(Placer *p, LBox *b, double y, int cont)
{
    for (size_t i = p->nfrags; i-- > 0;) {
        Fragment *f = &p->frags[i];
        if (f->box == b && !f->done) {
            f->bottom = y;
            f->cont_bottom = cont;
            f->done = 1;
            break;
        }
    }
    if (b->role && !cont && tagged(p))
        content_op(p, AOP_TAG_END);
}

/* Walks the gap items[from, to), resolving its spaces and opening and
 * closing boxes at the right heights (see gap_height, whose total it
 * reproduces).  A range of indexes, as gap_height takes, so that an empty
 * gap in an empty list needs no pointer into it. */
static double place_gap(Placer *p, const Item *items, size_t from, size_t to, int at_top, int at_bottom, double y)
{
    size_t run = from;
    int first_run = 1;
    double y0 = y;
    for (size_t i = from; i <= to; i++) {
        int end_of_run = i == to || ((items[i].type == IT_START || items[i].type == IT_END) && items[i].height > 0);
        if (!end_of_run)
            continue;
        double hs = gap_height(items, run, i, first_run && at_top, i == to && at_bottom);
        /* Zero-height boxes in the run, in order (their tags must nest):
         * a box that ends here closes before the space, one that starts
         * here opens after it, and one that does both is empty, after it. */
        for (size_t k = run; k < i; k++) {
            if (items[k].type == IT_START) {
                frag_open(p, items[k].box, y0 + hs, 0);
            } else if (items[k].type == IT_END) {
                int opened_here = 0;
                for (size_t m = run; m < k; m++)
                    opened_here |= items[m].type == IT_START && items[m].box == items[k].box;
                frag_close(p, items[k].box, opened_here ? y0 + hs : y0, 0);
            }
        }
        y = y0 + hs;
        if (i < to) {
            if (items[i].type == IT_START) {
                frag_open(p, items[i].box, y, 0);
                y += items[i].height;
            } else {
                y += items[i].height;
                frag_close(p, items[i].box, y, 0);
            }
        }
        run = i + 1;
        y0 = y;
        first_run = 0;
    }
    return y;
}

static void place_line(Placer *p, Item *it, double y)
{
    CocomLayout *l = p->l;
    ParaLine *line = &it->line;
    double x = p->dx + it->x + line->x;
    double baseline = y + line->ascent;
    /* Links: the painter draws each linked run inside a Link element, so
     * the annotation lies exactly over the text; the page says where each
     * leads. */
    for (int r = 0; r < line->nruns; r++) {
        LineRun *run = &line->runs[r];
        if (run->style.link < 0 || cocom_page_link(p->page, run->style.link))
            continue;
        int uri = 0;
        const char *target = reftable_link_target(&l->xref, run->style.link, &uri);
        if (!target)
            continue;
        CocomPage *pg = p->page;
        COCOM_GROW(pg->links, pg->caplinks, pg->nlinks + 1);
        pg->links[pg->nlinks++] = (PageLink){run->style.link, page_str(pg, target), (uint8_t)uri};
    }
    for (int a = 0; a < line->nanchors; a++) {
        const char *id = reftable_anchor_id(&l->xref, line->anchors[a]);
        if (!id)
            continue;
        if (!p->in_static)
            record_id(l, id);
        if (IS_PAGE_MARK(id))
            continue;   /* a page-number's own mark: nothing links to it */
        AreaOp *op = content_op(p, AOP_DEST);
        op->x = x;
        op->y = y;
        op->str = page_str(p->page, id);
    }
    AreaOp *op = content_op(p, AOP_LINE);
    op->x = x;
    op->y = baseline;
    op->line = cocom_page_add_line(p->page, &it->line);
}

static double place_items(Placer *p, ItemList *list, size_t from, size_t cut, int split, int forced,
                          double split_h, double y, int at_top, int at_bottom);

/* Places a table's header or footer rows (`rows`) again at y, where the
 * table breaks: fresh copies, since placing consumes a row, marked
 * repeated, so that their ids stay where they were first; the section's
 * own id (`id`, or NULL) counts this page too.  Returns the y below them. */
static double place_repeated(Placer *p, const ItemList *rows, const char *id, double y)
{
    ItemList copy = {0};
    for (size_t i = 0; i < rows->n; i++) {
        COCOM_GROW(copy.items, copy.cap, copy.n + 1);
        Item *d = &copy.items[copy.n++];
        memset(d, 0, sizeof *d);
        d->type = IT_ROW;
        d->height = rows->items[i].height;
        d->row = galley_row_copy(rows->items[i].row);
        d->row->repeated = 1;
    }
    y = place_items(p, &copy, 0, copy.n, 0, 0, 0, y, 0, 0);
    item_list_clear(&copy);
    record_id(p->l, id);
    return y;
}

/* Places a row, or the part of it `part` tall when split is set (forced:
 * whatever its keeps); moves each cell's position past what was placed.
 * A row continued from an earlier page is placed with its remaining
 * height, `part`. */
static void place_row(Placer *p, Row *r, double y, int split, int forced, double part)
{
    double total = 0;
    for (int k = 0; k < r->nrows; k++)
        total += r->row_heights[k];
    double h = split || r->continued ? part : total;
    if (r->box) {
        LBox *b = r->box;
        COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
        p->frags[p->nfrags++] = (Fragment){lbox_ref(b), y, y + h, 0, 0, 1, p->dx};
        if (b->id && !r->continued && !r->repeated) {
            if (!p->in_static)
                record_id(p->l, b->id);
            AreaOp *op = content_op(p, AOP_DEST);
            op->x = p->dx + b->x0;
            op->y = y;
            op->str = page_str(p->page, b->id);
        }
    }
    /* A list item is one LI; a row group one TR per table row, holding the
     * cells that begin in that row (cells come in row order). */
    int open_row = -1;
    if (tagged(p) && !r->table) {
        AreaOp *op = content_op(p, AOP_TAG_BEGIN);
        op->str = page_str(p->page, r->roles && r->roles[0] ? r->roles[0] : "LI");
    }
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        if (tagged(p) && r->table && c->first_row != open_row) {
            if (open_row >= 0)
                content_op(p, AOP_TAG_END);
            open_row = c->first_row;
            AreaOp *op = content_op(p, AOP_TAG_BEGIN);
            op->str = page_str(p->page, r->roles && r->roles[open_row] ? r->roles[open_row] : "TR");
        }
        double cy = y, ch = h;
        if (!split && !r->continued) {
            for (int k = 0; k < c->first_row; k++)
                cy += r->row_heights[k];
            ch = 0;
            for (int k = c->first_row; k < c->first_row + c->row_span && k < r->nrows; k++)
                ch += r->row_heights[k];
        }
        int cont_top = c->started;
        int cont_bottom = 0;
        Table *rep = cell_repeats_header(c);
        double top = cell_top(c) + (rep ? rep->header_height : 0);
        double room = ch - top - cell_bottom(c, 0);
        size_t cut = c->content.n;
        int csplit = 0, cforced = 0;
        double csplit_h = 0;
        if (split) {
            double bottom = cell_bottom(c, 1);
            ListSrc ls = {&c->content, c->pos};
            Source src = {list_get, &ls};
            Fit f;
            fit_items(p->l, &src, ch - top - bottom, forced, &f);
            if (!f.exhausted) {
                cut = c->pos + f.cut;
                csplit = f.split;
                cforced = f.split_forced;
                csplit_h = f.split_height;
                cont_bottom = 1;
                room = ch - top - bottom;
            }
        }
        if (c->box) {
            COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
            p->frags[p->nfrags++] = (Fragment){lbox_ref(c->box), cy, cy + ch, cont_top, cont_bottom, 1, p->dx};
            if (c->box->id && !c->started && !p->in_static && !r->repeated)
                record_id(p->l, c->box->id);
        }
        if (tagged(p)) {
            AreaOp *op = content_op(p, AOP_TAG_BEGIN);
            op->str = page_str(p->page, r->table ? (c->box && c->box->role ? c->box->role : "TD")
                                        : c->role ? c->role : c->is_label ? "Lbl" : "LBody");
        }
        if (rep)   /* the nested table's header, repeated at the top of the part */
            place_repeated(p, &rep->header, rep->header_id, cy + cell_top(c));
        /* display-align: only a cell placed whole moves its content. */
        double cy0 = cy + top;
        if (!split && !cont_top && c->display_align != FO_DISPLAY_ALIGN_BEFORE) {
            ListSrc ls = {&c->content, c->pos};
            Source src = {list_get, &ls};
            Fit f;
            fit_items(p->l, &src, 1e9, 1, &f);
            double slack = room - f.height;
            if (slack > 0)
                cy0 += c->display_align == FO_DISPLAY_ALIGN_CENTER ? slack / 2 : slack;
        }
        place_items(p, &c->content, c->pos, cut, csplit, cforced, csplit_h, cy0, 1, !csplit);
        if (tagged(p))
            content_op(p, AOP_TAG_END);
        /* Whole items placed go now: a split nested row stays for its rest. */
        c->pos = cut;
        c->started = 1;
    }
    if (tagged(p) && (!r->table || open_row >= 0))
        content_op(p, AOP_TAG_END);
    /* Body rows placed, in the flow or in a cell: a header is repeated
     * after them. */
    if (r->table && !r->is_header && !r->is_footer && !r->repeated)
        r->table->body_rows_placed++;
    r->continued++;
}

/* The height a continued row still needs. */
static double row_remaining(CocomLayout *l, Row *r)
{
    double h = 0;
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        ListSrc ls = {&c->content, c->pos};
        Source src = {list_get, &ls};
        Fit f;
        fit_items(l, &src, 1e9, 1, &f);
        double ch = f.height + cell_top(c) + cell_header(c) + cell_bottom(c, 0);
        if (ch > h)
            h = ch;
    }
    return h;
}

/* Places list->items[from, cut) (and a part of the row at cut when split)
 * from y down; returns where it ended. */
static double place_items(Placer *p, ItemList *list, size_t from, size_t cut, int split, int forced,
                          double split_h, double y, int at_top, int at_bottom)
{
    size_t gap = from;
    int started = 0;
    for (size_t i = from; i < cut; i++) {
        Item *it = &list->items[i];
        if (it->type != IT_LINE && it->type != IT_ROW)
            continue;
        y = place_gap(p, list->items, gap, i, at_top && !started, 0, y);
        if (it->type == IT_LINE) {
            place_line(p, it, y);
            y += it->height;
        } else {
            double hh = it->row->continued ? row_remaining(p->l, it->row) : it->height;
            place_row(p, it->row, y, 0, 0, hh);
            y += hh;
        }
        if (it->notes && p->l->pn.on) {
            place_notes(p, it->notes);
            it->notes = NULL;
        }
        started = 1;
        gap = i + 1;
    }
    if (split && cut < list->n && list->items[cut].type == IT_ROW) {
        y = place_gap(p, list->items, gap, cut, at_top && !started, 0, y);
        place_row(p, list->items[cut].row, y, 1, forced, split_h);
        y += split_h;
        if (list->items[cut].notes && p->l->pn.on) {
            place_notes(p, list->items[cut].notes);
            list->items[cut].notes = NULL;
        }
        return y;
    }
    y = place_gap(p, list->items, gap, cut, at_top && !started, at_bottom, y);
    return y;
}

/* Turns the fragments into backgrounds and borders, drawn before the
 * content (outer boxes first). */
static void emit_decorations(Placer *p)
{
    CocomPage *page = p->page;
    int any = 0;
    for (size_t i = 0; i < p->nfrags; i++) {
        Fragment *f = &p->frags[i];
        LBox *b = f->box;
        if (b->id_only)
            continue;
        double x0 = f->dx + b->x0, x1 = f->dx + b->x1;
        double y0 = f->top, y1 = f->bottom;
        if (y1 <= y0 && b->min_height <= 0)
            continue;
        if (b->min_height > 0 && !f->cont_top && y1 - y0 < b->min_height)
            y1 = y0 + b->min_height;
        if (!any) {
            cocom_page_op(page, AOP_ARTIFACT_BEGIN);
            any = 1;
        }
        double half = b->collapsed ? 0.5 : 0;
        if (b->background != FO_COLOR_TRANSPARENT) {
            AreaOp *op = cocom_page_op(page, AOP_RECT);
            op->x = x0;
            op->y = y0;
            op->w = x1 - x0;
            op->h = y1 - y0;
            op->color = b->background;
        }
        /* Borders: before and after only on real edges (or retained). */
        struct { int side; int show; } sides[4] = {
            {FO_BEFORE, !f->cont_top || !b->border[FO_BEFORE].discard},
            {FO_AFTER, !f->cont_bottom || !b->border[FO_AFTER].discard},
            {FO_START, 1}, {FO_END, 1}};
        for (int k = 0; k < 4; k++) {
            const FoBorder *bd = &b->border[sides[k].side];
            if (!sides[k].show || bd->width <= 0 || bd->style == FO_BORDER_NONE || bd->style == FO_BORDER_HIDDEN)
                continue;
            double w = bd->width;
            double off = half * w;   /* collapsed borders straddle the edge */
            AreaOp *op = cocom_page_op(page, AOP_BORDER);
            op->width = w;
            op->color = bd->color;
            op->style = bd->style;
            switch (sides[k].side) {
            case FO_BEFORE: op->x = x0 - off; op->y = y0 + w / 2 - off; op->w = x1 - x0 + 2 * off; op->h = 0; break;
            case FO_AFTER: op->x = x0 - off; op->y = y1 - w / 2 + off; op->w = x1 - x0 + 2 * off; op->h = 0; break;
            case FO_START: op->x = x0 + w / 2 - off; op->y = y0 - off; op->w = 0; op->h = y1 - y0 + 2 * off; break;
            default: op->x = x1 - w / 2 + off; op->y = y0 - off; op->w = 0; op->h = y1 - y0 + 2 * off; break;
            }
        }
    }
    if (any)
        cocom_page_op(page, AOP_ARTIFACT_END);
}

static void placer_finish(Placer *p)
{
    emit_decorations(p);
    for (size_t i = 0; i < p->ncontent; i++) {
        AreaOp *op = cocom_page_op(p->page, (AreaOpType)p->content[i].type);
        *op = p->content[i];
    }
    for (size_t i = 0; i < p->nfrags; i++)
        lbox_unref(p->frags[i].box);
    free(p->frags);
    free(p->content);
    memset(p, 0, sizeof *p);
}

/* ---------------------------------------------------------------------- */
/* Static content                                                           */

static xmlNodePtr static_for(CocomLayout *l, const char *region_name)
{
    for (xmlNodePtr c = l->seq->children; c; c = c->next)
        if (fo_kind(c) == FO_STATIC_CONTENT) {
            const char *fn = fo_attr(c, "flow-name");
            if (fn && strcmp(fn, region_name) == 0)
                return c;
        }
    return NULL;
}

static void place_static(CocomLayout *l, CocomPage *page, Master *m)
{
    for (int i = 0; i < 4; i++) {
        if (!m->region_nodes[i] || m->regions[i].w <= 0 || m->regions[i].h <= 0)
            continue;
        xmlNodePtr sc = static_for(l, m->region_names[i + 1]);
        if (!sc)
            continue;
        const FoStyle *rs = m->region_styles[i];
        Rect r = m->regions[i];
        /* Region padding and borders inset its content. */
        double pl = fo_length_resolve(rs->padding[FO_START].length, r.w) + rs->border[FO_START].width;
        double pr = fo_length_resolve(rs->padding[FO_END].length, r.w) + rs->border[FO_END].width;
        double pt = fo_length_resolve(rs->padding[FO_BEFORE].length, r.w) + rs->border[FO_BEFORE].width;
        double pb = fo_length_resolve(rs->padding[FO_AFTER].length, r.w) + rs->border[FO_AFTER].width;
        Rect c = {r.x + pl, r.y + pt, r.w - pl - pr, r.h - pt - pb};
        if (c.w <= 1 || c.h <= 1)
            continue;
        FoStyle *ss = style_of(l, sc, l->seq_style);
        GalleyEnv env = l->env;
        env.in_static = 1;
        /* fo:retrieve-markers are replaced, in a copy made for this page,
         * by the markers this page retrieves. */
        xmlNodePtr resolved = NULL;
        if (cocom_marker_has_retrieve(sc)) {
            resolved = xmlDocCopyNode(sc, sc->doc, 1);
            if (resolved) {
                cocom_marker_resolve(l->markers, resolved, l->seq_count);
                sc = resolved;
            }
        }
        Galley *g = galley_new(&env, sc, ss, 0, c.w);
        ItemList items = {0};
        galley_run(g, &items);
        galley_free(g);
        ListSrc ls = {&items, 0};
        Source src = {list_get, &ls};
        Fit f;
        fit_items(l, &src, 1e9, 1, &f);
        double y = c.y;
        if (rs->display_align == FO_DISPLAY_ALIGN_CENTER)
            y += (c.h - f.height) / 2;
        else if (rs->display_align == FO_DISPLAY_ALIGN_AFTER)
            y += c.h - f.height;
        if (f.height > c.h + 0.5) {
            char key[80];
            snprintf(key, sizeof key, "static-overflow:%s", m->region_names[i + 1]);
            /* overflow="error-if-overflow" on the region (XSL 1.1
             * §7.21.2) makes it an error: cocom's own stylesheets set it,
             * so a head that does not fit stops the build instead of
             * being cut; other FO gets the warning and the clip. */
            int err = rs->overflow == FO_OVERFLOW_ERROR_IF_OVERFLOW;
            if (cocom_report_once(l->ctx, key))
                cocom_report(l->ctx, err ? COCOM_SEVERITY_ERROR : COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(sc),
                             "the static content for %s is %.0fpt tall, more than its region's %.0fpt; %s",
                             m->region_names[i + 1], f.height, c.h,
                             err ? "the region has overflow=\"error-if-overflow\"" : "it is clipped");
        }
        if (rs->background_color != FO_COLOR_TRANSPARENT) {
            AreaOp *op = cocom_page_op(page, AOP_RECT);
            op->x = r.x;
            op->y = r.y;
            op->w = r.w;
            op->h = r.h;
            op->color = rs->background_color;
        }
        Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, c.x, 1};
        cocom_page_op(page, AOP_ARTIFACT_BEGIN);
        AreaOp *clip = cocom_page_op(page, AOP_CLIP_BEGIN);
        clip->x = r.x;
        clip->y = r.y;
        clip->w = r.w;
        clip->h = r.h;
        place_items(&p, &items, 0, items.n, 0, 0, 0, y, 1, 1);
        placer_finish(&p);
        cocom_page_op(page, AOP_CLIP_END);
        cocom_page_op(page, AOP_ARTIFACT_END);
        item_list_clear(&items);
        free(ss);
        xmlFreeNode(resolved);
    }
}


/* ---------------------------------------------------------------------- */
/* Footnotes (XSL 1.1 §6.10.3, §6.10.4)                                     */

/* The height of one footnote body laid out whole. */
static double body_height(CocomLayout *l, ItemList *body)
{
    ListSrc ls = {body, 0};
    Source src = {list_get, &ls};
    Fit f;
    fit_items(l, &src, 1e9, 1, &f);
    return f.height;
}

static double notes_height(CocomLayout *l, const Notes *n)
{
    double h = 0;
    for (int i = 0; n && i < n->n; i++)
        h += body_height(l, &n->bodies[i]);
    return h;
}

/* The footnotes a line cites, or the lines of a row's cells not yet
 * placed (nested rows too: a row's notes are placed in its cells, after
 * their citations). */
static double item_notes_height(CocomLayout *l, const Item *it)
{
    if (it->type == IT_LINE)
        return notes_height(l, it->notes);
    if (it->type != IT_ROW)
        return 0;
    double h = 0;
    for (int i = 0; i < it->row->ncells; i++) {
        const Cell *c = &it->row->cells[i];
        for (size_t k = c->pos; k < c->content.n; k++)
            h += item_notes_height(l, &c->content.items[k]);
    }
    return h;
}

/* Puts a body (or what is left of one) in line for the next page's foot. */
static void notes_hold(CocomLayout *l, ItemList *body)
{
    Notes *one = cocom_xcalloc(1, sizeof *one);
    one->n = 1;
    one->bodies = cocom_xmalloc(sizeof(ItemList));
    one->bodies[0] = *body;
    memset(body, 0, sizeof *body);
    notes_append(&l->notes_pending, one);
}

/* Places footnote bodies at the foot of the page (the placer's note_y),
 * each in a Note of its own, where it stands in reading order: after the
 * line that cites it.  A body that does not fit in the room left is split
 * between lines (or rows) when it can be, and what is left of it, and every
 * body after it, wait for the next page, so that they keep their order.
 * Takes `notes`. */
static void place_notes(Placer *p, Notes *notes)
{
    CocomLayout *l = p->l;
    for (int k = 0; k < notes->n; k++) {
        ItemList *body = &notes->bodies[k];
        if (!body->n)
            continue;
        if (p->l->pn.held) {
            notes_hold(l, body);
            continue;
        }
        /* The first at the foot of a page goes there whatever its size, so
         * that the notes always move on. */
        int first = !p->l->pn.placed;
        ListSrc ls = {body, 0};
        Source src = {list_get, &ls};
        Fit f;
        fit_items(l, &src, p->l->pn.room, first, &f);
        if (!f.exhausted && f.cut == 0 && !f.split) {
            p->l->pn.held = 1;
            notes_hold(l, body);
            continue;
        }
        size_t op0 = p->ncontent, fr0 = p->nfrags;
        AreaOp *op = content_op(p, AOP_TAG_BEGIN);
        op->str = "Note";
        int untagged = p->l->pn.untagged;
        p->l->pn.untagged = 1;
        double y = place_items(p, body, 0, f.exhausted ? body->n : f.cut, f.split, f.split_forced, f.split_height,
                               p->l->pn.y, 1, f.exhausted);
        p->l->pn.untagged = untagged;
        content_op(p, AOP_TAG_END);
        COCOM_GROW(l->pn.spans, l->pn.capspans, l->pn.nspans + 4);
        size_t *sp = l->pn.spans + l->pn.nspans;
        sp[0] = op0, sp[1] = p->ncontent, sp[2] = fr0, sp[3] = p->nfrags;
        l->pn.nspans += 4;
        p->l->pn.room -= y - p->l->pn.y;
        p->l->pn.y = y;
        p->l->pn.placed = 1;
        if (!f.exhausted) {
            /* The rest of the body: from the cut (a split row stays, with
             * what its cells have left). */
            ItemList rest = {0};
            size_t from = f.cut;
            COCOM_GROW(rest.items, rest.cap, body->n - from + 1);
            memcpy(rest.items, body->items + from, sizeof(Item) * (body->n - from));
            rest.n = body->n - from;
            if (f.split)
                rest.items[0].height = row_remaining(l, rest.items[0].row);
            memset(body->items + from, 0, sizeof(Item) * (body->n - from));
            body->n = from;
            p->l->pn.held = 1;
            notes_hold(l, &rest);
        }
    }
    notes_free(notes);
}

/* Moves the footnotes placed on the page down by `dy`, so that the last
 * ends at the foot of the body when less went there than was room for. */
static void notes_shift(Placer *p, double dy)
{
    CocomLayout *l = p->l;
    for (size_t i = 0; i + 3 < l->pn.nspans; i += 4) {
        for (size_t k = l->pn.spans[i]; k < l->pn.spans[i + 1]; k++)
            p->content[k].y += dy;
        for (size_t k = l->pn.spans[i + 2]; k < l->pn.spans[i + 3]; k++) {
            p->frags[k].top += dy;
            p->frags[k].bottom += dy;
        }
    }
}

/* The separator above a page's footnotes: the static content whose
 * flow-name is xsl-footnote-separator (§6.4.1.4), laid out `w` wide into
 * *out; returns its height (0 when there is none). */
static double separator_items(CocomLayout *l, double w, ItemList *out)
{
    xmlNodePtr sc = static_for(l, "xsl-footnote-separator");
    if (!sc)
        return 0;
    FoStyle *ss = style_of(l, sc, l->seq_style);
    GalleyEnv env = l->env;
    env.in_static = 1;
    Galley *g = galley_new(&env, sc, ss, 0, w);
    galley_run(g, out);
    galley_free(g);
    free(ss);
    ListSrc ls = {out, 0};
    Source src = {list_get, &ls};
    Fit f;
    fit_items(l, &src, 1e9, 1, &f);
    return f.height;
}

/* The separator of the page being made (l->sep.w wide), laid out on first
 * use; its height. */
static double page_separator(CocomLayout *l)
{
    if (!l->sep.made) {
        l->sep.h = separator_items(l, l->sep.w, &l->sep.items);
        l->sep.made = 1;
    }
    return l->sep.h;
}

static void page_separator_clear(CocomLayout *l)
{
    item_list_clear(&l->sep.items);
    l->sep.made = 0;
    l->sep.h = 0;
}

/* Draws the separator's items (page furniture) with their top at y. */
static void place_separator(CocomLayout *l, CocomPage *page, Master *m, ItemList *items, double y)
{
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 1};
    cocom_page_op(page, AOP_ARTIFACT_BEGIN);
    place_items(&p, items, 0, items->n, 0, 0, 0, y, 1, 1);
    placer_finish(&p);
    cocom_page_op(page, AOP_ARTIFACT_END);
}

/* ---------------------------------------------------------------------- */
/* Page sequences                                                           */

static void seq_end(CocomLayout *l)
{
    galley_free(l->flow);
    l->flow = NULL;
    free(l->seq_style);
    l->seq_style = NULL;
    free(l->flow_style);
    l->flow_style = NULL;
    for (size_t i = 0; i < l->nopen; i++)
        lbox_unref(l->open[i]);
    l->nopen = 0;
    l->seq = NULL;
    notes_free(l->notes_pending);
    l->notes_pending = NULL;
}

static int seq_begin(CocomLayout *l)
{
    xmlNodePtr seq;
    while ((seq = fo_input_next_sequence(l->input))) {
        xmlNodePtr flow = fo_input_flow(l->input);
        l->seq = seq;
        l->seq_count++;
        l->seq_style = style_of(l, seq, l->root_style);
        FoStyle *s = l->seq_style;
        xmlNodePtr m = master_named(l, s->master_reference, seq);
        if (!m) {
            seq_end(l);
            continue;
        }
        l->psm = fo_kind(m) == FO_PAGE_SEQUENCE_MASTER ? m : NULL;
        l->sub = NULL;
        if (l->psm)
            for (xmlNodePtr c = l->psm->children; c && !l->sub; c = c->next)
                if (c->type == XML_ELEMENT_NODE)
                    l->sub = c;
        l->sub_used = 0;
        /* auto-odd and auto-even: the sequence before would end with a
         * blank page (force-page-count="auto"); a stream cannot look ahead,
         * so the blank page comes first in this sequence instead, with its
         * masters. */
        l->leading_blank = 0;
        switch (s->initial_page_number_kind) {
        case FO_INITIAL_PAGE_NUMBER: l->page_number = s->initial_page_number; break;
        case FO_INITIAL_PAGE_AUTO_ODD: l->leading_blank = l->page_index > 0 && l->page_number % 2 == 0; break;
        case FO_INITIAL_PAGE_AUTO_EVEN: l->leading_blank = l->page_index > 0 && l->page_number % 2 != 0; break;
        default: break;
        }
        l->seq_pages = 0;
        l->seq_ended = 0;
        if (!l->info.title) {
            xmlNodePtr t = fo_child(seq, FO_TITLE);
            if (t) {
                xmlChar *txt = xmlNodeGetContent(t);
                if (txt) {
                    char *v = cocom_xstrdup((const char *)txt);
                    g_strstrip(v);
                    if (*v)
                        l->info.title = v;
                    else
                        free(v);
                }
                xmlFree(txt);
            }
        }
        if (!flow) {
            cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(seq),
                         "a page-sequence has no fo:flow; it makes one empty page");
        }
        xmlNodePtr spm = master_choose(l, 1, 0, 0);
        if (!spm) {
            seq_end(l);
            continue;
        }
        Master *ms = master_get(l, spm);
        l->flow_width = ms->body.w;
        l->env.note_width = ms->body.w;
        if (flow) {
            l->flow_style = style_of(l, flow, s);
            l->flow = galley_new(&l->env, flow, l->flow_style, 0, ms->col_w);
            galley_set_input(l->flow, l->input);
            galley_set_relayable(l->flow);
            galley_set_span_width(l->flow, ms->ncols > 1 ? ms->body.w : 0);
        }
        return 1;
    }
    return 0;
}

/* Does the sequence need a blank page at its end (force-page-count)? */
static int needs_blank_at_end(CocomLayout *l)
{
    int last = l->page_number - 1;   /* the last page's number */
    switch (l->seq_style->force_page_count) {
    case FO_FORCE_EVEN: return l->seq_pages % 2 != 0;
    case FO_FORCE_ODD: return l->seq_pages % 2 == 0;
    case FO_FORCE_END_ON_EVEN: return last % 2 != 0;
    case FO_FORCE_END_ON_ODD: return last % 2 == 0;
    case FO_FORCE_AUTO:
        return 0;   /* see leading_blank in seq_begin */
    default: return 0;
    }
}

static CocomPage *page_new(CocomLayout *l, Master *m)
{
    CocomPage *page = cocom_xcalloc(1, sizeof *page);
    page->width = m->width;
    page->height = m->height;
    page->index = ++l->page_index;
    page->number = l->page_number;
    free(l->page_text);
    l->page_text = cocom_format_page_number(l->page_number, l->seq_style->format, l->seq_style->grouping_separator,
                                            l->seq_style->grouping_size);
    page->number_text = cocom_arena_strdup(&page->arena, l->page_text);
    l->env.page_number_text = l->page_text;
    /* The region-body's background, under everything else on the page. */
    if (m->body_style && m->body_style->background_color != FO_COLOR_TRANSPARENT) {
        cocom_page_op(page, AOP_ARTIFACT_BEGIN);
        AreaOp *op = cocom_page_op(page, AOP_RECT);
        op->x = m->body_area.x;
        op->y = m->body_area.y;
        op->w = m->body_area.w;
        op->h = m->body_area.h;
        op->color = m->body_style->background_color;
        cocom_page_op(page, AOP_ARTIFACT_END);
    }
    return page;
}

static void page_done(CocomLayout *l, CocomPage *page, Master *m)
{
    /* fo:root's id: the document's first page to its last. */
    record_id(l, l->root_style->id);
    if (l->seq_style->id)
        reftable_record(&l->xref, l->seq_style->id, l->page_text, l->seq_pages == 0 ? REF_FIRST | REF_LAST : REF_LAST);
    if (!l->dry_run)
        place_static(l, page, m);
    cocom_marker_page_end(l->markers, l->seq_count);
    master_advance(l);
    l->seq_pages++;
    l->page_number++;
}

static CocomPage *blank_page(CocomLayout *l)
{
    xmlNodePtr spm = master_choose(l, l->seq_pages == 0, 0, 1);
    if (!spm)
        return NULL;
    Master *m = master_get(l, spm);
    CocomPage *page = page_new(l, m);
    page_done(l, page, m);
    return page;
}

/* Says once per table that its header or footer (`part`, `height` tall)
 * is left out where it does not fit, and why. */
static void say_not_repeated(CocomLayout *l, const Table *t, const char *part, double height, const char *why)
{
    char key[64];
    snprintf(key, sizeof key, "tall-%s:%ld", part, t->line);
    if (cocom_report_once(l->ctx, key))
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, t->line,
                     "the table's %s (%.0fpt) %s; it is not repeated where it does not fit", part, height, why);
}

/* Does a table's footer fit in the `room` left below its rows at a break?
 * When it does not (taller than the page, or beside a header that fills
 * it), it is left out there, as a header would be. */
static int footer_fits(CocomLayout *l, const Table *t, double room)
{
    if (t->footer_height <= room + EPS)
        return 1;
    say_not_repeated(l, t, "footer", t->footer_height, "does not fit below its rows on the page");
    return 0;
}

/* How far a row's cells have got, nested rows included: a page that
 * splits a row must move this on. */
static size_t row_progress(const Row *r)
{
    size_t n = 0;
    for (int i = 0; i < r->ncells; i++) {
        const Cell *c = &r->cells[i];
        n += c->pos;
        for (size_t k = c->pos; k < c->content.n; k++) {
            const Item *it = &c->content.items[k];
            if (it->type == IT_ROW)
                n += row_progress(it->row);
            if (it->type == IT_ROW || it->type == IT_LINE)
                break;
        }
    }
    return n;
}

/* Can the body row at the head of the flow, or a part of it, go on a page
 * `body_h` tall below the table's repeated header (and above its footer)? */
static int header_leaves_room(CocomLayout *l, Table *t, Item *head, double body_h)
{
    double room = body_h - t->header_height - footer_at_break(t, body_h);
    if (room <= EPS)
        return 0;
    if (head->height <= room + EPS)
        return 1;
    double part;
    int32_t pen;
    return row_split(l, head->row, room, 0, &part, &pen) && part > EPS;
}

/* Is a table's header repeated above the row at the head of a page
 * (header_leaves_room)?  When it is not, repeated it would fill the page
 * and the body would never move on: the page goes without it, as a
 * footer goes where it does not fit (footer_fits), and that is said. */
static int header_fits(CocomLayout *l, Table *t, Item *head, double body_h)
{
    if (header_leaves_room(l, t, head, body_h))
        return 1;
    char why[96];
    snprintf(why, sizeof why, "leaves no room for a row of its body on a %.0fpt page", body_h);
    say_not_repeated(l, t, "header", t->header_height, why);
    return 0;
}

/* The flow's first line or row, past the ends and starts of boxes, spaces
 * and breaks before it; NULL at its end. */
static Item *flow_content(Galley *flow)
{
    Item *it;
    for (size_t k = 0; (it = galley_peek(flow, k)) && it->type != IT_LINE && it->type != IT_ROW; k++)
        ;
    return it;
}

/* The flow goes on `m`'s region-body: at its width.  What was made
 * before and cannot be laid out again (table rows, list items, a table's
 * columns) is said once. */
static void flow_width_to(CocomLayout *l, Master *m, xmlNodePtr spm)
{
    galley_set_span_width(l->flow, m->ncols > 1 ? m->body.w : 0);
    if (fabs(m->col_w - galley_width(l->flow)) <= 0.5)
        return;
    double was = galley_width(l->flow);
    int kept = galley_set_width(l->flow, m->col_w);
    l->flow_width = m->col_w;
    if (kept && !l->warned_width) {
        l->warned_width = 1;
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(spm),
                     "page %d's region-body (or its column) is %.0fpt wide where the page before had %.0fpt: a "
                     "table row, list item or table begun before keeps the width it was laid out for",
                     l->page_index + 1, m->col_w, was);
    }
}

/* Boxes continued from the page or column before open again at y. */
static void open_carried(CocomLayout *l, Placer *p, double y)
{
    for (size_t i = 0; i < l->nopen; i++) {
        LBox *b = l->open[i];
        COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
        p->frags[p->nfrags++] = (Fragment){lbox_ref(b), y, y, 1, 0, 0, p->dx};
        if (b->id)
            record_id(l, b->id);
    }
}

/* The boxes still open at y, where the page or column ends, go on to the
 * next. */
static void carry_open(CocomLayout *l, Placer *p, double y)
{
    for (size_t i = 0; i < l->nopen; i++)
        lbox_unref(l->open[i]);
    l->nopen = 0;
    for (size_t i = 0; i < p->nfrags; i++) {
        Fragment *fr = &p->frags[i];
        if (!fr->done && fr->box->kind != FO_TABLE_CELL) {
            fr->bottom = y;
            fr->cont_bottom = 1;
            fr->done = 1;
            COCOM_GROW(l->open, l->capopen, l->nopen + 1);
            l->open[l->nopen++] = lbox_ref(fr->box);
        }
    }
}

/* The page's markers: its boxes' areas, in pre-order (the order their
 * fragments were opened, those carried over first). */
static void page_markers(CocomLayout *l, Placer *p)
{
    for (size_t i = 0; i < p->nfrags; i++) {
        Fragment *fr = &p->frags[i];
        if (fr->box->markers)
            cocom_marker_page_add(l->markers, fr->box->markers, !fr->cont_top, !fr->cont_bottom);
    }
}

/* Takes from the flow what `f` fitted and places it from y down, with the
 * part of a split row, which stays at the head of the galley (placed
 * through a one-item view that does not own it).  The items placed whole
 * are left in `taken` for the caller to look at and clear.  Returns where
 * they ended; when a split row moved on nothing, says so and stalls the
 * layout (every page after would be this one). */
static double place_fit(CocomLayout *l, Placer *p, const Fit *f, double y, ItemList *taken)
{
    galley_take(l->flow, f->cut, taken);
    if (!f->split)
        return place_items(p, taken, 0, taken->n, 0, 0, 0, y, 1, 1);
    Item *row_it = galley_peek(l->flow, 0);
    size_t progress0 = row_progress(row_it->row);
    COCOM_GROW(taken->items, taken->cap, taken->n + 1);
    taken->items[taken->n++] = *row_it;
    y = place_items(p, taken, 0, taken->n - 1, 1, f->split_forced, f->split_height, y, 1, 0);
    row_it = galley_peek(l->flow, 0);
    row_it->notes = taken->items[taken->n - 1].notes;   /* NULL once placed */
    memset(&taken->items[--taken->n], 0, sizeof(Item));
    /* What remains of the row is what its cells have left. */
    row_it->height = row_remaining(l, row_it->row);
    if (f->cut == 0 && row_progress(row_it->row) == progress0) {
        cocom_report(l->ctx, COCOM_SEVERITY_ERROR, l->file, 0,
                     "page %d: no content of the flow fits on the page and nothing can move it on; stopping",
                     l->page_index);
        l->stalled = 1;
    }
    return y;
}

/* ---------------------------------------------------------------------- */
/* Pages of columns                                                         */

/* Where the run that the flow's next content (from item `from`) begins
 * ends: a run of columns ends before the first item of a span="all" block,
 * the gap above it going with the columns; a spanning run ends before the
 * first content after it, the gap below going with the columns there
 * (XSL 1.1 §7.21.5).  Looks through no more than `reach` points of content:
 * a run longer than that does not end on this page (RUN_OPEN).  *span:
 * the run spans the columns. */
static size_t run_end(Galley *g, size_t from, double reach, int *span)
{
    Item *it;
    size_t i = from;
    while ((it = galley_peek(g, i)) && it->type != IT_LINE && it->type != IT_ROW)
        i++;
    *span = it && it->span_all;
    if (!it)
        return i;
    int sp = it->span_all;
    double h = 0;
    size_t j;
    for (j = i; (it = galley_peek(g, j)); j++) {
        int content = it->type == IT_LINE || it->type == IT_ROW;
        if (sp ? content && !it->span_all : it->span_all)
            break;
        if (content && (h += it->height) > reach)
            return RUN_OPEN;
    }
    if (sp && it)
        while (j > i && !galley_peek(g, j - 1)->span_all)
            j--;
    return j;
}

/* The footnotes cited by the flow's items [from, to): their bodies'
 * height. */
static double run_notes(CocomLayout *l, size_t from, size_t to)
{
    double h = 0;
    for (size_t i = from; i < to; i++) {
        Item *it = galley_peek(l->flow, i);
        if (!it)
            break;
        h += item_notes_height(l, it);
    }
    return h;
}

/* The height of the table header repeated at the top of a column whose
 * first content is the flow's item from `o` on: a body row of a table
 * with a header, going on from the column before (`after_column`) or
 * from an earlier page. */
static double run_header(CocomLayout *l, size_t o, int after_column)
{
    Item *it;
    while ((it = galley_peek(l->flow, o)) && it->type != IT_LINE && it->type != IT_ROW)
        o++;
    if (!it || it->type != IT_ROW)
        return 0;
    Table *t = it->row->table;
    if (!t || it->row->is_header || it->row->is_footer || !t->header.n || t->omit_header_at_break)
        return 0;
    return after_column || header_repeats_above(it->row) ? t->header_height : 0;
}

/* Fits the run [from, limit) of the flow into n columns h tall, taking
 * nothing: 1 when all of it goes in them.  *cut: where it got to; *notes:
 * the footnotes it cites. */
static int run_fits(CocomLayout *l, size_t from, size_t limit, int n, double h, size_t *cut, double *notes)
{
    size_t o = from;
    int all = 0;
    for (int c = 0; c < n && !all; c++) {
        RunSrc rs = {l->flow, o, limit};
        Source src = {run_get, &rs};
        Fit f;
        fit_items(l, &src, h - run_header(l, o, c > 0), c == 0 && o == from, &f);
        /* A row split between columns: its part is counted as if whole
         * (its rest is not simulated), so the run may need more. */
        o += f.cut + (f.split ? 1 : 0);
        all = f.exhausted;
        if (f.overflow && c > 0)
            break;
        if (f.break_kind >= FO_BREAK_PAGE)
            break;
    }
    *cut = o;
    *notes = run_notes(l, from, o);
    return all;
}

/* One step of a page of columns: a spanning run, or a run of columns each
 * `h` tall, from y. */
typedef struct {
    int span;
    double y, h;
} ColStep;

/* Plans a page of columns whose foot keeps `reserve` for footnotes: the
 * runs that go on it, each balanced when it ends on the page.  Returns the
 * number of steps (at most `max`); *notes: the footnotes they cite. */
static int columns_plan(CocomLayout *l, Master *m, double reserve, ColStep *steps, int max, double *notes)
{
    double y = m->body.y, bottom = m->body.y + m->body.h - reserve;
    size_t o = 0;
    int n = 0;
    *notes = 0;
    while (n < max && bottom - y > EPS && galley_peek(l->flow, o)) {
        double H = bottom - y;
        int span;
        size_t limit = run_end(l->flow, o, (m->ncols + 1) * H, &span);
        size_t cut;
        double fn;
        if (span) {
            RunSrc rs = {l->flow, o, limit};
            Source src = {run_get, &rs};
            Fit f;
            fit_items(l, &src, H, n == 0, &f);
            steps[n++] = (ColStep){1, y, H};
            cut = o + f.cut + (f.split ? 1 : 0);
            *notes += run_notes(l, o, cut);
            if (!f.exhausted || f.break_kind >= FO_BREAK_PAGE)
                break;
            y += f.height;
            o = cut;
            continue;
        }
        if (!run_fits(l, o, limit, m->ncols, H, &cut, &fn) || limit == RUN_OPEN) {
            steps[n++] = (ColStep){0, y, H};
            *notes += fn;
            break;
        }
        /* The run ends on this page: the least height that holds it in
         * the columns, found by halving, so that they end level. */
        double lo = 0, hi = H;
        for (int k = 0; k < 16 && hi - lo > 0.5; k++) {
            double mid = (lo + hi) / 2;
            size_t c2;
            double f2;
            if (run_fits(l, o, limit, m->ncols, mid, &c2, &f2))
                hi = mid;
            else
                lo = mid;
        }
        steps[n++] = (ColStep){0, y, hi};
        *notes += fn;
        y += hi;
        o = cut;
    }
    return n;
}

/* Fills one page whose region-body has columns (m->ncols > 1): runs of
 * the flow set column after column, and span="all" blocks across them.
 * A run of columns that ends on the page (at the flow's end, or above a
 * spanning block) is balanced.  Footnotes go at the foot of the page,
 * across it: the room they need is found by planning the page again with
 * it until it holds (a few rounds at most). */
static CocomPage *flow_page_columns(CocomLayout *l, Master *m, CocomStatus *status)
{
    enum { MAX_STEPS = 64 };
    ColStep steps[MAX_STEPS];
    l->sep.w = m->body.w;
    double h0 = l->notes_pending ? notes_height(l, l->notes_pending) + page_separator(l) : 0;
    Item *head = flow_content(l->flow);
    double cap = m->body.h - (head ? head->height : 0);
    double reserve = h0 < cap ? h0 : cap > 0 ? cap : 0;
    int nsteps = 0;
    memset(&l->fit_notes, 0, sizeof l->fit_notes);
    for (int round = 0; round < 4; round++) {
        double cited;
        nsteps = columns_plan(l, m, reserve, steps, MAX_STEPS, &cited);
        double need = h0 + cited + (h0 <= 0 && cited > 0 ? page_separator(l) : 0);
        if (need > cap)
            need = cap > 0 ? cap : 0;
        if (need <= reserve + EPS)
            break;
        reserve = need;
    }
    CocomPage *page = page_new(l, m);
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 0};
    double sep = reserve > 0 ? page_separator(l) : 0;
    double area = reserve > sep ? reserve - sep : 0;
    l->pn.on = 1;
    l->pn.room = area + EPS;
    l->pn.y = m->body.y + m->body.h - area;
    double area_top = l->pn.y;
    if (l->notes_pending) {
        Notes *waiting = l->notes_pending;
        l->notes_pending = NULL;
        place_notes(&p, waiting);
    }
    int page_break = 0;
    for (int k = 0; k < nsteps && !page_break && !l->stalled; k++) {
        ColStep *st = &steps[k];
        int span;
        size_t limit = run_end(l->flow, 0, (m->ncols + 1) * st->h, &span);
        /* The plan counted a row split between columns as whole: a run
         * it saw end may not have; what is left goes on the next page. */
        if (span != st->span)
            break;
        int ncols = st->span ? 1 : m->ncols;
        for (int c = 0; c < ncols && flow_content(l->flow); c++) {
            p.dx = m->body.x + c * (m->col_w + m->col_gap);
            double y = st->y;
            open_carried(l, &p, y);
            /* A table going on from the column or page before repeats
             * its header. */
            Item *first = flow_content(l->flow);
            Table *rep = first->type == IT_ROW && (l->seq_pages > 0 || c > 0 || k > 0)
                         ? header_repeats_above(first->row) : NULL;
            if (rep && !header_fits(l, rep, first, st->h))
                rep = NULL;
            if (rep)
                y = place_repeated(&p, &rep->header, rep->header_id, y);
            RunSrc rs = {l->flow, 0, limit};
            Source src = {run_get, &rs};
            Fit f;
            fit_items(l, &src, st->h - (y - st->y), k == 0 && c == 0, &f);
            if (f.overflow && cocom_report_once(l->ctx, "column-overflow"))
                cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, 0,
                             "page %d: something is taller than a column (%.0fpt) and runs past its bottom",
                             l->page_index + 1, st->h);
            ItemList taken = {0};
            y = place_fit(l, &p, &f, y, &taken);
            item_list_clear(&taken);
            carry_open(l, &p, y);
            if (l->stalled)
                break;
            if (limit != RUN_OPEN)
                limit -= f.cut;
            if (f.break_kind == FO_BREAK_ODD_PAGE || f.break_kind == FO_BREAK_EVEN_PAGE)
                l->pending_parity = f.break_kind;
            if (f.break_kind >= FO_BREAK_PAGE) {
                page_break = 1;
                break;
            }
            if (f.exhausted && !st->span && limit != RUN_OPEN && limit == 0)
                break;
        }
    }
    if (l->stalled) {
        page_separator_clear(l);
        placer_finish(&p);
        cocom_page_free(page);
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    page_markers(l, &p);
    int noted = l->pn.placed;
    if (noted && l->pn.room > EPS) {
        double dy = l->pn.room - EPS;
        notes_shift(&p, dy);
        area_top += dy;
    }
    free(l->pn.spans);
    memset(&l->pn, 0, sizeof l->pn);
    placer_finish(&p);
    if (noted && l->sep.items.n)
        place_separator(l, page, m, &l->sep.items, area_top - sep);
    page_separator_clear(l);
    page_done(l, page, m);
    return page;
}

/* Fills one page of the flow. */
static CocomPage *flow_page(CocomLayout *l, CocomStatus *status)
{
    int first = l->seq_pages == 0;
    xmlNodePtr spm = master_choose(l, first, 0, 0);
    if (!spm) {
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    Master *m = master_get(l, spm);
    /* Lines are made for the page they are placed on (XSL 1.1 §4.2.2):
     * a region-body of another width lays the rest of the flow out again. */
    if (l->flow)
        flow_width_to(l, m, spm);
    /* After an odd-page or even-page break, a blank page if need be. */
    if (l->pending_parity) {
        int want_odd = l->pending_parity == FO_BREAK_ODD_PAGE;
        l->pending_parity = 0;
        if ((l->page_number % 2 != 0) != want_odd)
            return blank_page(l);
    }
    if (l->flow && m->ncols > 1)
        return flow_page_columns(l, m, status);
    /* A table continued from the page before repeats its header. */
    Item *head = l->flow ? flow_content(l->flow) : NULL;
    Table *rep = head && head->type == IT_ROW && l->seq_pages > 0 ? header_repeats_above(head->row) : NULL;
    if (rep && !header_fits(l, rep, head, m->body.h))
        rep = NULL;
    double H = m->body.h - (rep ? rep->header_height : 0);
    /* Footnotes: those waiting from the page before come first at the
     * foot, leaving the flow room for its first line or row. */
    l->sep.w = m->body.w;
    double h0 = l->notes_pending ? notes_height(l, l->notes_pending) + page_separator(l) : 0;
    double cap = H - (head ? head->height : 0);
    if (h0 > cap)
        h0 = cap > 0 ? cap : 0;
    Fit f;
    memset(&f, 0, sizeof f);
    if (l->flow) {
        Source src = {queue_get, l->flow};
        l->fit_notes.on = 1;
        l->fit_notes.h0 = h0;
        fit_items(l, &src, H, 1, &f);
        /* An odd-page or even-page break before any content of this page. */
        if ((f.top_break == FO_BREAK_ODD_PAGE && l->page_number % 2 == 0)
            || (f.top_break == FO_BREAK_EVEN_PAGE && l->page_number % 2 != 0)) {
            page_separator_clear(l);
            return blank_page(l);
        }
        /* The last page of the sequence may have a master of its own. */
        if (f.exhausted && (!galley_peek(l->flow, f.cut))) {
            xmlNodePtr lastm = master_choose(l, first, 1, 0);
            if (lastm && lastm != spm) {
                Master *lm = master_get(l, lastm);
                /* Of another width, the rest is laid out for it to try. */
                int other = fabs(lm->col_w - m->col_w) > 0.5;
                if (other)
                    flow_width_to(l, lm, lastm);
                Fit f2;
                Source src2 = {queue_get, l->flow};
                fit_items(l, &src2, lm->body.h - (rep ? rep->header_height : 0), 1, &f2);
                if (f2.exhausted) {
                    m = lm;
                    f = f2;
                } else if (other) {
                    flow_width_to(l, m, spm);
                    Source src3 = {queue_get, l->flow};
                    fit_items(l, &src3, H, 1, &f);
                }
            }
        }
    }
    if (f.overflow) {
        char key[64];
        snprintf(key, sizeof key, "overflow:%d", l->page_index + 1);
        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, 0,
                     "page %d: something is taller than the page's body (%.0fpt) and runs past its bottom",
                     l->page_index + 1, m->body.h);
    }
    CocomPage *page = page_new(l, m);
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 0};
    double y = m->body.y;
    open_carried(l, &p, y);
    if (rep)
        y = place_repeated(&p, &rep->header, rep->header_id, y);
    /* The footnotes' room at the foot of the body, below the separator. */
    double nroom = f.notes_height > H - f.height ? H - f.height : f.notes_height;
    double sep = nroom > 0 ? page_separator(l) : 0;
    double area = nroom > sep ? nroom - sep : 0;
    l->pn.on = 1;
    l->pn.room = area + EPS;
    l->pn.y = m->body.y + m->body.h - area;
    double area_top = l->pn.y;
    if (l->notes_pending) {
        Notes *waiting = l->notes_pending;
        l->notes_pending = NULL;
        place_notes(&p, waiting);
    }
    if (l->flow) {
        ItemList taken = {0};
        int split = f.split;
        y = place_fit(l, &p, &f, y, &taken);
        if (l->stalled) {
            item_list_clear(&taken);
            page_separator_clear(l);
            placer_finish(&p);
            cocom_page_free(page);
            *status = COCOM_STATUS_INVALID;
            return NULL;
        }
        carry_open(l, &p, y);
        page_markers(l, &p);
        /* A table that breaks here closes with its footer. */
        Item *last = NULL;
        for (size_t i = taken.n; i-- > 0;)
            if (taken.items[i].type == IT_LINE || taken.items[i].type == IT_ROW) {
                last = &taken.items[i];
                break;
            }
        Item *next = flow_content(l->flow);
        Item *before = split ? galley_peek(l->flow, 0) : last;
        if (split)
            next = before;
        Table *t = before && before->type == IT_ROW ? before->row->table : NULL;
        if (t && next && next->type == IT_ROW && next->row->table == t && !next->row->is_footer
            && !before->row->is_footer && !t->omit_footer_at_break && t->footer.n
            && footer_fits(l, t, (area > 0 ? area_top - sep : m->body.y + m->body.h) - y))
            y = place_repeated(&p, &t->footer, t->footer_id, y);
        if (f.break_kind == FO_BREAK_ODD_PAGE || f.break_kind == FO_BREAK_EVEN_PAGE)
            l->pending_parity = f.break_kind;
        item_list_clear(&taken);
    }
    int noted = l->pn.placed;
    if (noted && l->pn.room > EPS) {
        double dy = l->pn.room - EPS;
        notes_shift(&p, dy);
        area_top += dy;
    }
    free(l->pn.spans);
    memset(&l->fit_notes, 0, sizeof l->fit_notes);
    memset(&l->pn, 0, sizeof l->pn);
    placer_finish(&p);
    if (noted && l->sep.items.n)
        place_separator(l, page, m, &l->sep.items, area_top - sep);
    page_separator_clear(l);
    page_done(l, page, m);
    return page;
}

CocomPage *cocom_layout_next(CocomLayout *l, CocomStatus *status)
{
    *status = COCOM_STATUS_OK;
    if (l->stalled) {
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    for (;;) {
        if (l->ctx->interrupted) {
            *status = COCOM_STATUS_INTERRUPTED;
            return NULL;
        }
        if (l->page_index >= l->ctx->options[COCOM_OPTION_MAX_PAGES]) {
            cocom_report(l->ctx, COCOM_SEVERITY_ERROR, l->file, 0,
                         "the document reached %ld pages, the limit (see --max-pages); stopping",
                         l->ctx->options[COCOM_OPTION_MAX_PAGES]);
            *status = COCOM_STATUS_LIMIT;
            return NULL;
        }
        if (!l->seq) {
            if (!seq_begin(l)) {
                l->done = 1;
                return NULL;
            }
        }
        if (l->leading_blank) {
            l->leading_blank = 0;
            CocomPage *page = blank_page(l);
            if (page)
                return page;
        }
        int more = (l->flow && galley_peek(l->flow, 0) != NULL) || l->notes_pending;
        if (fo_input_status(l->input) != COCOM_STATUS_OK) {
            *status = fo_input_status(l->input);
            return NULL;
        }
        if (more || l->seq_pages == 0) {
            if (!more && !l->flow) {
                /* No flow: one empty page. */
                xmlNodePtr spm = master_choose(l, 1, 1, 0);
                if (!spm) {
                    seq_end(l);
                    continue;
                }
                Master *m = master_get(l, spm);
                CocomPage *page = page_new(l, m);
                page_done(l, page, m);
                return page;
            }
            CocomPage *page = flow_page(l, status);
            if (page || l->stalled)
                return page;
            seq_end(l);
            continue;
        }
        if (needs_blank_at_end(l)) {
            CocomPage *page = blank_page(l);
            if (page)
                return page;
        }
        seq_end(l);
    }
}

/* ---------------------------------------------------------------------- */
/* Document information                                                     */

static char *element_text(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *v = cocom_xstrdup(t ? (const char *)t : "");
    xmlFree(t);
    g_strstrip(v);
    if (!*v) {
        free(v);
        return NULL;
    }
    return v;
}

/* XMP in fo:declarations: dc:title, dc:creator, dc:description, dc:language,
 * pdf:Keywords — where FOP reads them, so the same FO gives the same
 * metadata in both. */
static void read_xmp(CocomLayout *l, xmlNodePtr n, int depth)
{
    if (depth > 20)
        return;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *ns = c->ns ? (const char *)c->ns->href : "";
        const char *name = (const char *)c->name;
        int dc = strcmp(ns, "http://purl.org/dc/elements/1.1/") == 0;
        int pdf = strcmp(ns, "http://ns.adobe.com/pdf/1.3/") == 0;
        char **slot = NULL;
        if (dc && strcmp(name, "title") == 0)
            slot = &l->info.title;
        else if (dc && strcmp(name, "creator") == 0)
            slot = &l->info.author;
        else if (dc && strcmp(name, "description") == 0)
            slot = &l->info.subject;
        else if (dc && strcmp(name, "language") == 0)
            slot = &l->info.language;
        else if (pdf && strcmp(name, "Keywords") == 0)
            slot = &l->info.keywords;
        if (slot) {
            char *v = element_text(c);
            if (v) {
                free(*slot);
                *slot = v;
            }
        } else {
            read_xmp(l, c, depth + 1);
        }
    }
}

CocomLayout *cocom_layout_new(CocomContext *ctx, FoInput *input, const CocomRefs *refs)
{
    fo_props_init();
    const char *file = fo_input_name(input);
    xmlNodePtr root = fo_input_root(input);
    if (!root || fo_kind(root) != FO_ROOT) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, file, root ? xmlGetLineNo(root) : 1,
                     "this is not an XSL-FO document: the root element must be <fo:root> in the namespace %s",
                     FO_NAMESPACE);
        return NULL;
    }
    CocomLayout *l = cocom_xcalloc(1, sizeof *l);
    l->markers = cocom_marker_state_new();
    l->ctx = ctx;
    l->input = input;
    l->root = root;
    l->file = file;
    const char *slash = strrchr(file, '/');
    l->base_dir = slash ? cocom_xstrndup(file, (size_t)(slash - file)) : cocom_xstrdup(".");
    reftable_init(&l->xref, ctx, file, refs);
    l->resolver = (FoResolver){ctx, file};
    l->root_style = style_of(l, root, NULL);
    l->env.ctx = ctx;
    l->env.file = file;
    l->env.refs = &l->xref;
    l->env.base_dir = l->base_dir;
    l->page_number = 1;
    xmlNodePtr lms = fo_child(root, FO_LAYOUT_MASTER_SET);
    if (!lms) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, file, xmlGetLineNo(root), "the document has no fo:layout-master-set");
        cocom_layout_free(l);
        return NULL;
    }
    for (xmlNodePtr c = lms->children; c; c = c->next) {
        FoKind k = fo_kind(c);
        if (k == FO_SIMPLE_PAGE_MASTER || k == FO_PAGE_SEQUENCE_MASTER) {
            const char *name = fo_attr(c, "master-name");
            if (name)
                cocom_map_set(&l->master_nodes, name, (intptr_t)c);
        } else if (c->type == XML_ELEMENT_NODE) {
            fo_warn_unsupported(ctx, file, c);
        }
    }
    xmlNodePtr decl = fo_child(root, FO_DECLARATIONS);
    if (decl)
        read_xmp(l, decl, 0);
    if (!l->info.language && l->root_style->language[0]) {
        l->info.language = l->root_style->country[0]
                               ? cocom_xasprintf("%s-%s", l->root_style->language, l->root_style->country)
                               : cocom_xstrdup(l->root_style->language);
    }
    l->bookmarks = fo_child(root, FO_BOOKMARK_TREE);
    return l;
}

void cocom_layout_free(CocomLayout *l)
{
    if (!l)
        return;
    seq_end(l);
    masters_free(l);
    cocom_marker_state_free(l->markers);
    free(l->open);
    free(l->pn.spans);
    page_separator_clear(l);
    free(l->root_style);
    reftable_clear(&l->xref);
    free(l->base_dir);
    free(l->page_text);
    cocom_map_clear(&l->master_nodes);
    free(l->info.title);
    free(l->info.author);
    free(l->info.subject);
    free(l->info.keywords);
    free(l->info.language);
    free(l);
}

void cocom_layout_take_refs(CocomLayout *l, CocomRefs *out)
{
    reftable_take(&l->xref, out);
}

const CocomDocInfo *cocom_layout_info(CocomLayout *l)
{
    return &l->info;
}

xmlNodePtr cocom_layout_bookmarks(CocomLayout *l)
{
    return l->bookmarks;
}

void cocom_layout_set_dry_run(CocomLayout *l, int on)
{
    l->dry_run = on != 0;
}

long cocom_layout_flow_citations(const CocomLayout *l)
{
    return l->xref.flow_citations;
}
