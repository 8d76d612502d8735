/* pagination-place.c — placing what fits: the boxes (borders,
 * backgrounds), lines and rows taken for a page become its paint
 * operations, in reading order with their structure tags, links and
 * destinations; rows split between pages place the part that fits; the
 * static content of the page's regions is laid out afresh for each page.
 * See pagination-impl.h.
 */
#include "config.h"
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Are structure tags written for what this placer places? */
static int tagged(const Placer *p)
{
    return !p->in_static && !p->repeating && !p->l->pn.untagged;
}


AreaOp *pag_content_op(Placer *p, AreaOpType type)
{
    return cocom_ops_push(&p->content, &p->ncontent, &p->capcontent, type);
}

static const char *page_str(CocomPage *page, const char *s)
{
    return s ? cocom_arena_strdup(&page->arena, s) : NULL;
}

/* The destination of a box's id where its first area begins, and its page. */
static void place_dest(Placer *p, const LBox *b, double y)
{
    if (!p->in_static)
        pag_record_id(p->l, b->id);
    AreaOp *op = pag_content_op(p, AOP_DEST);
    op->x = p->dx + b->x0;
    op->y = y;
    op->str = page_str(p->page, b->id);
}

static void frag_open(Placer *p, LBox *b, double y, int cont)
{
    COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
    p->frags[p->nfrags++] = (Fragment){lbox_ref(b), y, y, cont, 0, 0, p->dx};
    if (b->id && !cont) {
        place_dest(p, b, y);
    } else if (b->id && !p->in_static) {
        pag_record_id(p->l, b->id);   /* its last page moves on */
    }
    if (b->role && !cont && tagged(p)) {
        AreaOp *op = pag_content_op(p, AOP_TAG_BEGIN);
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
        pag_content_op(p, AOP_TAG_END);
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
            pag_record_id(l, id);
        if (IS_PAGE_MARK(id))
            continue;   /* a page-number's own mark: nothing links to it */
        AreaOp *op = pag_content_op(p, AOP_DEST);
        op->x = x;
        op->y = y;
        op->str = page_str(p->page, id);
    }
    AreaOp *op = pag_content_op(p, AOP_LINE);
    op->x = x;
    op->y = baseline;
    op->line = cocom_page_add_line(p->page, &it->line);
}


/* Places a table's header or footer rows (`rows`) again at y, where the
 * table breaks: fresh copies, since placing consumes a row, marked
 * repeated, so that their ids stay where they were first; the section's
 * own id (`id`, or NULL) counts this page too.  Returns the y below them.
 *
 * In a tagged PDF the copy is page furniture (an artifact), as PDF/UA
 * treats a repeated table header: the structure tree has the header once,
 * where it was first placed, and a screen reader does not read it again
 * at every page. */
double pag_place_repeated(Placer *p, const ItemList *rows, const char *id, double y)
{
    int artifact = tagged(p);
    if (artifact) {
        pag_content_op(p, AOP_ARTIFACT_BEGIN);
        p->repeating = 1;
    }
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
    y = pag_place_items(p, &copy, 0, copy.n, 0, 0, 0, y, 0, 0);
    item_list_clear(&copy);
    if (artifact) {
        p->repeating = 0;
        pag_content_op(p, AOP_ARTIFACT_END);
    }
    pag_record_id(p->l, id);
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
        if (b->id && !r->continued && !r->repeated)
            place_dest(p, b, y);
    }
    /* A list item is one LI; a row group one TR per table row, holding the
     * cells that begin in that row (cells come in row order). */
    int open_row = -1;
    if (tagged(p) && !r->table) {
        AreaOp *op = pag_content_op(p, AOP_TAG_BEGIN);
        op->str = page_str(p->page, r->roles && r->roles[0] ? r->roles[0] : "LI");
    }
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        if (tagged(p) && r->table && c->first_row != open_row) {
            if (open_row >= 0)
                pag_content_op(p, AOP_TAG_END);
            open_row = c->first_row;
            AreaOp *op = pag_content_op(p, AOP_TAG_BEGIN);
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
        Table *rep = pag_cell_repeats_header(c);
        double top = pag_cell_top(c) + (rep ? rep->header_height : 0);
        double room = ch - top - pag_cell_bottom(c, 0);
        size_t cut = c->content.n;
        int csplit = 0, cforced = 0;
        double csplit_h = 0;
        if (split) {
            double bottom = pag_cell_bottom(c, 1);
            ListSrc ls = {&c->content, c->pos};
            Source src = {pag_list_get, &ls};
            Fit f;
            pag_fit_items(p->l, &src, ch - top - bottom, forced, &f);
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
                pag_record_id(p->l, c->box->id);
        }
        if (tagged(p)) {
            AreaOp *op = pag_content_op(p, AOP_TAG_BEGIN);
            op->str = page_str(p->page, r->table ? (c->box && c->box->role ? c->box->role : "TD")
                                        : c->role ? c->role : c->is_label ? "Lbl" : "LBody");
        }
        if (rep)   /* the nested table's header, repeated at the top of the part */
            pag_place_repeated(p, &rep->header, rep->header_id, cy + pag_cell_top(c));
        /* display-align: only a cell placed whole moves its content. */
        double cy0 = cy + top;
        if (!split && !cont_top && c->display_align != FO_DISPLAY_ALIGN_BEFORE) {
            ListSrc ls = {&c->content, c->pos};
            Source src = {pag_list_get, &ls};
            Fit f;
            pag_fit_items(p->l, &src, 1e9, 1, &f);
            double slack = room - f.height;
            if (slack > 0)
                cy0 += c->display_align == FO_DISPLAY_ALIGN_CENTER ? slack / 2 : slack;
        }
        pag_place_items(p, &c->content, c->pos, cut, csplit, cforced, csplit_h, cy0, 1, !csplit);
        if (tagged(p))
            pag_content_op(p, AOP_TAG_END);
        /* Whole items placed go now: a split nested row stays for its rest. */
        c->pos = cut;
        c->started = 1;
    }
    if (tagged(p) && (!r->table || open_row >= 0))
        pag_content_op(p, AOP_TAG_END);
    /* Body rows placed, in the flow or in a cell: a header is repeated
     * after them. */
    if (r->table && !r->is_header && !r->is_footer && !r->repeated)
        r->table->body_rows_placed++;
    r->continued++;
}

/* The height a continued row still needs. */
double pag_row_remaining(CocomLayout *l, Row *r)
{
    double h = 0;
    for (int i = 0; i < r->ncells; i++) {
        Cell *c = &r->cells[i];
        ListSrc ls = {&c->content, c->pos};
        Source src = {pag_list_get, &ls};
        Fit f;
        pag_fit_items(l, &src, 1e9, 1, &f);
        double ch = f.height + pag_cell_top(c) + pag_cell_header(c) + pag_cell_bottom(c, 0);
        if (ch > h)
            h = ch;
    }
    return h;
}

/* Places list->items[from, cut) (and a part of the row at cut when split)
 * from y down; returns where it ended. */
double pag_place_items(Placer *p, ItemList *list, size_t from, size_t cut, int split, int forced,
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
            double hh = it->row->continued ? pag_row_remaining(p->l, it->row) : it->height;
            place_row(p, it->row, y, 0, 0, hh);
            y += hh;
        }
        if (it->notes && p->l->pn.on) {
            pag_place_notes(p, it->notes);
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
            pag_place_notes(p, list->items[cut].notes);
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

void pag_placer_finish(Placer *p)
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

xmlNodePtr pag_static_for(CocomLayout *l, const char *region_name)
{
    for (xmlNodePtr c = l->seq->children; c; c = c->next)
        if (fo_kind(c) == FO_STATIC_CONTENT) {
            const char *fn = fo_attr(c, "flow-name");
            if (fn && strcmp(fn, region_name) == 0)
                return c;
        }
    return NULL;
}

void pag_place_static(CocomLayout *l, CocomPage *page, Master *m)
{
    for (int i = 0; i < 4; i++) {
        if (!m->region_nodes[i] || m->regions[i].w <= 0 || m->regions[i].h <= 0)
            continue;
        xmlNodePtr sc = pag_static_for(l, m->region_names[i + 1]);
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
        FoStyle *ss = pag_style_of(l, sc, l->seq_style);
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
        Source src = {pag_list_get, &ls};
        Fit f;
        pag_fit_items(l, &src, 1e9, 1, &f);
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
        Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, c.x, 1, 0};
        cocom_page_op(page, AOP_ARTIFACT_BEGIN);
        AreaOp *clip = cocom_page_op(page, AOP_CLIP_BEGIN);
        clip->x = r.x;
        clip->y = r.y;
        clip->w = r.w;
        clip->h = r.h;
        pag_place_items(&p, &items, 0, items.n, 0, 0, 0, y, 1, 1);
        pag_placer_finish(&p);
        cocom_page_op(page, AOP_CLIP_END);
        cocom_page_op(page, AOP_ARTIFACT_END);
        item_list_clear(&items);
        free(ss);
        xmlFreeNode(resolved);
    }
}


