/* pagination-notes.c — footnotes (XSL 1.1 §6.10.3, §6.10.4): the room
 * the bodies cited on a page need at its foot, placing them there (or
 * holding them, or their rest, for the next page), and the separator from
 * the xsl-footnote-separator static content.  See pagination-impl.h.
 */
#include "config.h"
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Footnotes (XSL 1.1 §6.10.3, §6.10.4)                                     */

/* The height of one footnote body laid out whole. */
static double body_height(CocomLayout *l, ItemList *body)
{
    ListSrc ls = {body, 0};
    Source src = {pag_list_get, &ls};
    Fit f;
    pag_fit_items(l, &src, 1e9, 1, &f);
    return f.height;
}

double pag_notes_height(CocomLayout *l, const Notes *n)
{
    double h = 0;
    for (int i = 0; n && i < n->n; i++)
        h += body_height(l, &n->bodies[i]);
    return h;
}

/* The footnotes a line cites, or the lines of a row's cells not yet
 * placed (nested rows too: a row's notes are placed in its cells, after
 * their citations). */
double pag_item_notes_height(CocomLayout *l, const Item *it)
{
    if (it->type == IT_LINE)
        return pag_notes_height(l, it->notes);
    if (it->type != IT_ROW)
        return 0;
    double h = 0;
    for (int i = 0; i < it->row->ncells; i++) {
        const Cell *c = &it->row->cells[i];
        for (size_t k = c->pos; k < c->content.n; k++)
            h += pag_item_notes_height(l, &c->content.items[k]);
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
void pag_place_notes(Placer *p, Notes *notes)
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
        Source src = {pag_list_get, &ls};
        Fit f;
        pag_fit_items(l, &src, p->l->pn.room, first, &f);
        if (!f.exhausted && f.cut == 0 && !f.split) {
            p->l->pn.held = 1;
            notes_hold(l, body);
            continue;
        }
        size_t op0 = p->ncontent, fr0 = p->nfrags;
        AreaOp *op = pag_content_op(p, AOP_TAG_BEGIN);
        op->str = "Note";
        int untagged = p->l->pn.untagged;
        p->l->pn.untagged = 1;
        double y = pag_place_items(p, body, 0, f.exhausted ? body->n : f.cut, f.split, f.split_forced, f.split_height,
                               p->l->pn.y, 1, f.exhausted);
        p->l->pn.untagged = untagged;
        pag_content_op(p, AOP_TAG_END);
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
                rest.items[0].height = pag_row_remaining(l, rest.items[0].row);
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
void pag_notes_shift(Placer *p, double dy)
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
    xmlNodePtr sc = pag_static_for(l, "xsl-footnote-separator");
    if (!sc)
        return 0;
    FoStyle *ss = pag_style_of(l, sc, l->seq_style);
    GalleyEnv env = l->env;
    env.in_static = 1;
    Galley *g = galley_new(&env, sc, ss, 0, w);
    galley_run(g, out);
    galley_free(g);
    free(ss);
    ListSrc ls = {out, 0};
    Source src = {pag_list_get, &ls};
    Fit f;
    pag_fit_items(l, &src, 1e9, 1, &f);
    return f.height;
}

/* The separator of the page being made (l->sep.w wide), laid out on first
 * use; its height. */
double pag_page_separator(CocomLayout *l)
{
    if (!l->sep.made) {
        l->sep.h = separator_items(l, l->sep.w, &l->sep.items);
        l->sep.made = 1;
    }
    return l->sep.h;
}

void pag_page_separator_clear(CocomLayout *l)
{
    item_list_clear(&l->sep.items);
    l->sep.made = 0;
    l->sep.h = 0;
}

/* Draws the separator's items (page furniture) with their top at y. */
void pag_place_separator(CocomLayout *l, CocomPage *page, Master *m, ItemList *items, double y)
{
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 1, 0};
    cocom_page_op(page, AOP_ARTIFACT_BEGIN);
    pag_place_items(&p, items, 0, items->n, 0, 0, 0, y, 1, 1);
    pag_placer_finish(&p);
    cocom_page_op(page, AOP_ARTIFACT_END);
}

/* Opens the footnotes' area at the foot of a page's body, `room` high with
 * the separator (*sep high, 0 when there is no room), and places there the
 * bodies (or rests) waiting from the page before.  Returns the area's
 * top; *area_h (unless NULL) is its height below the separator. */
double pag_notes_open(CocomLayout *l, Placer *p, Master *m, double room, double *sep, double *area_h)
{
    *sep = room > 0 ? pag_page_separator(l) : 0;
    double area = room > *sep ? room - *sep : 0;
    l->pn.on = 1;
    l->pn.room = area + EPS;
    l->pn.y = m->body.y + m->body.h - area;
    double area_top = l->pn.y;
    if (area_h)
        *area_h = area;
    if (l->notes_pending) {
        Notes *waiting = l->notes_pending;
        l->notes_pending = NULL;
        pag_place_notes(p, waiting);
    }
    return area_top;
}
