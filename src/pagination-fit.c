/* pagination-fit.c — how much of the flow goes on a page.  See
 * pagination-impl.h.
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
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */

Item *pag_queue_get(void *src, size_t i)
{
    return galley_peek(src, i);
}

Item *pag_run_get(void *src, size_t i)
{
    RunSrc *r = src;
    return r->limit == RUN_OPEN || r->from + i < r->limit ? galley_peek(r->g, r->from + i) : NULL;
}

/* Is the source the flow (or a run of it), rather than a cell's items? */
static int flow_source(const Source *s)
{
    return s->get == pag_queue_get || s->get == pag_run_get;
}


Item *pag_list_get(void *src, size_t i)
{
    ListSrc *ls = src;
    return ls->from + i < ls->list->n ? &ls->list->items[ls->from + i] : NULL;
}




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
double pag_cell_top(const Cell *c)
{
    if (!c->box)
        return 0;
    return c->started && c->box->padding_discard[0] ? 0 : box_edge_before(c->box);
}

/* ... and below, on a part that continues on the next page. */
double pag_cell_bottom(const Cell *c, int continues)
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
Table *pag_header_repeats_above(const Row *r)
{
    Table *t = r->table;
    if (t && !r->is_header && t->header.n && !t->omit_header_at_break && (t->body_rows_placed > 0 || r->continued))
        return t;
    return NULL;
}

/* The table whose header a cell's continued part begins with: the cell's
 * next content is a body row of a nested table whose header is repeated
 * there.  NULL otherwise. */
Table *pag_cell_repeats_header(const Cell *c)
{
    if (!c->started)
        return NULL;
    for (size_t k = c->pos; k < c->content.n; k++) {
        const Item *it = &c->content.items[k];
        if (it->type == IT_LINE)
            return NULL;
        if (it->type == IT_ROW)
            return it->row->is_footer ? NULL : pag_header_repeats_above(it->row);
    }
    return NULL;
}

double pag_cell_header(const Cell *c)
{
    Table *t = pag_cell_repeats_header(c);
    return t ? t->header_height : 0;
}

/* The height a table's footer takes at a break in a space H tall: none
 * when it is omitted there, or when with the header it would leave no room
 * for a body row (it is then not repeated: see flow_page). */
double pag_footer_at_break(const Table *t, double H)
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
    return pag_footer_at_break(t, H);
}

/* A row's cells, each fitted into what is left of the page: the row's part
 * is as tall as its tallest cell part.  With force (the row is first on its
 * page), a cell whose next item is taller than the page places it anyway,
 * so pagination always moves on. */
int pag_row_split(CocomLayout *l, Row *r, double avail, int force, double *part, int32_t *pen)
{
    if (r->nrows > 1 && !force)
        return 0;   /* rows joined by spanning cells stay together */
    double best = 0;
    int32_t p = r->keep_inside;
    int any = 0;
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        double top = pag_cell_top(c) + pag_cell_header(c), bottom = pag_cell_bottom(c, 1);
        double room = avail - top - bottom;
        if (room <= 0 && !force)
            continue;
        ListSrc ls = {&c->content, c->pos};
        Source src = {pag_list_get, &ls};
        Fit f;
        pag_fit_items(l, &src, room, force, &f);
        if (f.overflow && !force)
            continue;
        double h = f.exhausted ? f.height + top + pag_cell_bottom(c, 0) : f.height + top + bottom;
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

void pag_fit_items(CocomLayout *l, Source *s, double H, int allow_overflow, Fit *out)
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
            nh = pag_item_notes_height(l, it);
        if (nh > 0 && fn <= 0)
            nh += pag_page_separator(l);
        double Hi = H - fn - nh;
        /* The first line of a page whose footnotes are taller than the
         * page stays with as much of them as fits; the rest go on. */
        if (nh > 0 && !started && need <= H - fn + EPS && need > Hi + EPS)
            Hi = need;
        /* A forced break inside a row's cell ends the page there: the
         * row is split, each cell placing what fits before the break (or
         * before the page's end). */
        if (it->type == IT_ROW && row_breaks_inside(it->row)) {
            double reserve = it->row->is_footer ? 0 : pag_footer_at_break(it->row->table, H);
            double part;
            int32_t spen;
            if (pag_row_split(l, it->row, Hi - (h + mid) - reserve, !started && allow_overflow, &part, &spen)) {
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
        double reserve = it->type == IT_ROW && !it->row->is_footer ? pag_footer_at_break(it->row->table, H) : 0;
        double part;
        int32_t spen;
        if (it->type == IT_ROW && pag_row_split(l, it->row, Hi - (h + mid) - reserve, 0, &part, &spen)) {
            COCOM_GROW(cands, capcands, ncands + 1);
            cands[ncands++] = (Cand){i, h + mid + part + reserve, spen, 1, part, 2 * i + 1, fn + nh};
        }
        if (!ncands) {
            if (it->type == IT_ROW && pag_row_split(l, it->row, Hi - (h + mid) - reserve, allow_overflow, &part, &spen)) {
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
        double reserve = rj->row->is_footer ? 0 : pag_footer_at_break(rj->row->table, H);
        double avail = H - pk->fn - pk->top - reserve;
        if (avail > rj->height - 0.5)
            avail = rj->height - 0.5;
        double part;
        int32_t spen;
        if (!pag_row_split(l, rj->row, avail, 0, &part, &spen) || part <= EPS || part + 0.5 > rj->height)
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

