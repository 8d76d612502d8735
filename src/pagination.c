/* pagination.c — pages from the galleys (stage 5, part 2).  See layout.h.
 *
 * The driver: it walks the page sequences, begins each page with the master
 * the page-sequence-master chooses (pagination-masters.c), fills its body
 * from the flow's galley (pagination-fit.c, pagination-place.c, or
 * pagination-columns.c for a body of columns), puts the footnotes at its
 * foot (pagination-notes.c) and its static content around it, and hands
 * the page over.  pagination-impl.h says what each file holds.
 */
#include "config.h"
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void pag_record_id(CocomLayout *l, const char *id)
{
    if (!id || !*id || !l->page_text)
        return;
    reftable_record(&l->xref, id, l->page_text, REF_FIRST | REF_LAST);
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
        l->seq_style = pag_style_of(l, seq, l->root_style);
        FoStyle *s = l->seq_style;
        xmlNodePtr m = pag_master_named(l, s->master_reference, seq);
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
        xmlNodePtr spm = pag_master_choose(l, 1, 0, 0);
        if (!spm) {
            seq_end(l);
            continue;
        }
        Master *ms = pag_master_get(l, spm);
        l->flow_width = ms->body.w;
        l->env.note_width = ms->body.w;
        if (flow) {
            l->flow_style = pag_style_of(l, flow, s);
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

CocomPage *pag_page_new(CocomLayout *l, Master *m)
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

void pag_page_done(CocomLayout *l, CocomPage *page, Master *m)
{
    /* fo:root's id: the document's first page to its last. */
    pag_record_id(l, l->root_style->id);
    if (l->seq_style->id)
        reftable_record(&l->xref, l->seq_style->id, l->page_text, l->seq_pages == 0 ? REF_FIRST | REF_LAST : REF_LAST);
    if (!l->dry_run)
        pag_place_static(l, page, m);
    cocom_marker_page_end(l->markers, l->seq_count);
    pag_master_advance(l);
    l->seq_pages++;
    l->page_number++;
}

static CocomPage *blank_page(CocomLayout *l)
{
    xmlNodePtr spm = pag_master_choose(l, l->seq_pages == 0, 0, 1);
    if (!spm)
        return NULL;
    Master *m = pag_master_get(l, spm);
    CocomPage *page = pag_page_new(l, m);
    pag_page_done(l, page, m);
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
    double room = body_h - t->header_height - pag_footer_at_break(t, body_h);
    if (room <= EPS)
        return 0;
    if (head->height <= room + EPS)
        return 1;
    double part;
    int32_t pen;
    return pag_row_split(l, head->row, room, 0, &part, &pen) && part > EPS;
}

/* Is a table's header repeated above the row at the head of a page
 * (header_leaves_room)?  When it is not, repeated it would fill the page
 * and the body would never move on: the page goes without it, as a
 * footer goes where it does not fit (footer_fits), and that is said. */
int pag_header_fits(CocomLayout *l, Table *t, Item *head, double body_h)
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
Item *pag_flow_content(Galley *flow)
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
void pag_open_carried(CocomLayout *l, Placer *p, double y)
{
    for (size_t i = 0; i < l->nopen; i++) {
        LBox *b = l->open[i];
        COCOM_GROW(p->frags, p->capfrags, p->nfrags + 1);
        p->frags[p->nfrags++] = (Fragment){lbox_ref(b), y, y, 1, 0, 0, p->dx};
        if (b->id)
            pag_record_id(l, b->id);
    }
}

/* The boxes still open at y, where the page or column ends, go on to the
 * next. */
void pag_carry_open(CocomLayout *l, Placer *p, double y)
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
void pag_page_markers(CocomLayout *l, Placer *p)
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
double pag_place_fit(CocomLayout *l, Placer *p, const Fit *f, double y, ItemList *taken)
{
    galley_take(l->flow, f->cut, taken);
    if (!f->split)
        return pag_place_items(p, taken, 0, taken->n, 0, 0, 0, y, 1, 1);
    Item *row_it = galley_peek(l->flow, 0);
    size_t progress0 = row_progress(row_it->row);
    COCOM_GROW(taken->items, taken->cap, taken->n + 1);
    taken->items[taken->n++] = *row_it;
    y = pag_place_items(p, taken, 0, taken->n - 1, 1, f->split_forced, f->split_height, y, 1, 0);
    row_it = galley_peek(l->flow, 0);
    row_it->notes = taken->items[taken->n - 1].notes;   /* NULL once placed */
    memset(&taken->items[--taken->n], 0, sizeof(Item));
    /* What remains of the row is what its cells have left. */
    row_it->height = pag_row_remaining(l, row_it->row);
    if (f->cut == 0 && row_progress(row_it->row) == progress0) {
        cocom_report(l->ctx, COCOM_SEVERITY_ERROR, l->file, 0,
                     "page %d: no content of the flow fits on the page and nothing can move it on; stopping",
                     l->page_index);
        l->stalled = 1;
    }
    return y;
}


/* Ends a page of the flow (of one column or more): the footnotes placed
 * on it move down by the room left below them, to the foot of the body,
 * with the separator (sep high) above them; then the page is done. */
CocomPage *pag_flow_page_end(CocomLayout *l, Placer *p, CocomPage *page, Master *m, double area_top, double sep)
{
    int noted = l->pn.placed;
    if (noted && l->pn.room > EPS) {
        double dy = l->pn.room - EPS;
        pag_notes_shift(p, dy);
        area_top += dy;
    }
    free(l->pn.spans);
    memset(&l->fit_notes, 0, sizeof l->fit_notes);
    memset(&l->pn, 0, sizeof l->pn);
    pag_placer_finish(p);
    if (noted && l->sep.items.n)
        pag_place_separator(l, page, m, &l->sep.items, area_top - sep);
    pag_page_separator_clear(l);
    pag_page_done(l, page, m);
    return page;
}

/* Fills one page of the flow. */
static CocomPage *flow_page(CocomLayout *l, CocomStatus *status)
{
    int first = l->seq_pages == 0;
    xmlNodePtr spm = pag_master_choose(l, first, 0, 0);
    if (!spm) {
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    Master *m = pag_master_get(l, spm);
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
        return pag_flow_page_columns(l, m, status);
    /* A table continued from the page before repeats its header. */
    Item *head = l->flow ? pag_flow_content(l->flow) : NULL;
    Table *rep = head && head->type == IT_ROW && l->seq_pages > 0 ? pag_header_repeats_above(head->row) : NULL;
    if (rep && !pag_header_fits(l, rep, head, m->body.h))
        rep = NULL;
    double H = m->body.h - (rep ? rep->header_height : 0);
    /* Footnotes: those waiting from the page before come first at the
     * foot, leaving the flow room for its first line or row. */
    l->sep.w = m->body.w;
    double h0 = l->notes_pending ? pag_notes_height(l, l->notes_pending) + pag_page_separator(l) : 0;
    double cap = H - (head ? head->height : 0);
    if (h0 > cap)
        h0 = cap > 0 ? cap : 0;
    Fit f;
    memset(&f, 0, sizeof f);
    if (l->flow) {
        Source src = {pag_queue_get, l->flow};
        l->fit_notes.on = 1;
        l->fit_notes.h0 = h0;
        pag_fit_items(l, &src, H, 1, &f);
        /* An odd-page or even-page break before any content of this page. */
        if ((f.top_break == FO_BREAK_ODD_PAGE && l->page_number % 2 == 0)
            || (f.top_break == FO_BREAK_EVEN_PAGE && l->page_number % 2 != 0)) {
            pag_page_separator_clear(l);
            return blank_page(l);
        }
        /* The last page of the sequence may have a master of its own. */
        if (f.exhausted && (!galley_peek(l->flow, f.cut))) {
            xmlNodePtr lastm = pag_master_choose(l, first, 1, 0);
            if (lastm && lastm != spm) {
                Master *lm = pag_master_get(l, lastm);
                /* Of another width, the rest is laid out for it to try. */
                int other = fabs(lm->col_w - m->col_w) > 0.5;
                if (other)
                    flow_width_to(l, lm, lastm);
                Fit f2;
                Source src2 = {pag_queue_get, l->flow};
                pag_fit_items(l, &src2, lm->body.h - (rep ? rep->header_height : 0), 1, &f2);
                if (f2.exhausted) {
                    m = lm;
                    f = f2;
                } else if (other) {
                    flow_width_to(l, m, spm);
                    Source src3 = {pag_queue_get, l->flow};
                    pag_fit_items(l, &src3, H, 1, &f);
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
    CocomPage *page = pag_page_new(l, m);
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 0, 0};
    double y = m->body.y;
    pag_open_carried(l, &p, y);
    if (rep)
        y = pag_place_repeated(&p, &rep->header, rep->header_id, y);
    /* The footnotes' room at the foot of the body, below the separator. */
    double nroom = f.notes_height > H - f.height ? H - f.height : f.notes_height;
    double sep, area;
    double area_top = pag_notes_open(l, &p, m, nroom, &sep, &area);
    if (l->flow) {
        ItemList taken = {0};
        int split = f.split;
        y = pag_place_fit(l, &p, &f, y, &taken);
        if (l->stalled) {
            item_list_clear(&taken);
            pag_page_separator_clear(l);
            pag_placer_finish(&p);
            cocom_page_free(page);
            *status = COCOM_STATUS_INVALID;
            return NULL;
        }
        pag_carry_open(l, &p, y);
        pag_page_markers(l, &p);
        /* A table that breaks here closes with its footer. */
        Item *last = NULL;
        for (size_t i = taken.n; i-- > 0;)
            if (taken.items[i].type == IT_LINE || taken.items[i].type == IT_ROW) {
                last = &taken.items[i];
                break;
            }
        Item *next = pag_flow_content(l->flow);
        Item *before = split ? galley_peek(l->flow, 0) : last;
        if (split)
            next = before;
        Table *t = before && before->type == IT_ROW ? before->row->table : NULL;
        if (t && next && next->type == IT_ROW && next->row->table == t && !next->row->is_footer
            && !before->row->is_footer && !t->omit_footer_at_break && t->footer.n
            && footer_fits(l, t, (area > 0 ? area_top - sep : m->body.y + m->body.h) - y))
            y = pag_place_repeated(&p, &t->footer, t->footer_id, y);
        if (f.break_kind == FO_BREAK_ODD_PAGE || f.break_kind == FO_BREAK_EVEN_PAGE)
            l->pending_parity = f.break_kind;
        item_list_clear(&taken);
    }
    return pag_flow_page_end(l, &p, page, m, area_top, sep);
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
                xmlNodePtr spm = pag_master_choose(l, 1, 1, 0);
                if (!spm) {
                    seq_end(l);
                    continue;
                }
                Master *m = pag_master_get(l, spm);
                CocomPage *page = pag_page_new(l, m);
                pag_page_done(l, page, m);
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
    l->root_style = pag_style_of(l, root, NULL);
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
    pag_masters_free(l);
    cocom_marker_state_free(l->markers);
    free(l->open);
    free(l->pn.spans);
    pag_page_separator_clear(l);
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

void cocom_layout_set_placeholders(CocomLayout *l, int digits)
{
    l->xref.cite_digits = digits;
}

const struct RefCite *cocom_layout_cites(const CocomLayout *l, size_t *n)
{
    *n = l->xref.ncites;
    return l->xref.cites;
}

int cocom_layout_cites_hopeless(const CocomLayout *l)
{
    return l->xref.cite_hopeless;
}

