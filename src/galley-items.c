/* galley-items.c — the galley's boxes and item lists: reference counts,
 * freeing, deep copies for repeated table headers, and the height of the
 * spaces and box edges between two content items.  See galley.h and
 * galley-impl.h.
 */
#include "config.h"
#include "galley-impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Boxes, items, lists                                                      */

LBox *lbox_ref(LBox *b)
{
    if (b)
        b->refs++;
    return b;
}

void lbox_unref(LBox *b)
{
    if (b && --b->refs == 0) {
        free((char *)b->id);
        free((char *)b->role);
        free((char *)b->alt);
        cocom_markers_free(b->markers);
        free(b);
    }
}

/* A box's strings are its own: the FO nodes they come from may be gone
 * (a streamed flow) before the box is placed. */
void gal_box_strings(LBox *b, const char *id, const char *role, const char *alt)
{
    b->id = id ? cocom_xstrdup(id) : NULL;
    b->role = role ? cocom_xstrdup(role) : NULL;
    b->alt = alt ? cocom_xstrdup(alt) : NULL;
}

static void row_free(Row *r);

void item_clear(Item *it)
{
    if (it->type == IT_LINE)
        cocom_para_line_clear(&it->line);
    gal_para_src_unref(it->para);
    if (it->type == IT_ROW && it->row)
        row_free(it->row);
    lbox_unref(it->box);
    notes_free(it->notes);
    memset(it, 0, sizeof *it);
}

void notes_free(Notes *n)
{
    if (!n)
        return;
    for (int i = 0; i < n->n; i++)
        item_list_clear(&n->bodies[i]);
    free(n->bodies);
    free(n);
}

void notes_append(Notes **to, Notes *from)
{
    if (!from)
        return;
    if (!*to) {
        *to = from;
        return;
    }
    Notes *t = *to;
    t->bodies = cocom_xrealloc(t->bodies, sizeof(ItemList) * (size_t)(t->n + from->n));
    memcpy(t->bodies + t->n, from->bodies, sizeof(ItemList) * (size_t)from->n);
    t->n += from->n;
    free(from->bodies);
    free(from);
}


void item_list_clear(ItemList *l)
{
    for (size_t i = 0; i < l->n; i++)
        item_clear(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

Item *gal_list_push(ItemList *l, uint8_t type)
{
    COCOM_GROW(l->items, l->cap, l->n + 1);
    Item *it = &l->items[l->n++];
    memset(it, 0, sizeof *it);
    it->type = type;
    return it;
}

void gal_table_unref(Table *t)
{
    if (t && --t->refs == 0) {
        item_list_clear(&t->header);
        item_list_clear(&t->footer);
        free(t->header_id);
        free(t->footer_id);
        free(t);
    }
}

static void row_free(Row *r)
{
    for (int i = 0; i < r->ncells; i++) {
        item_list_clear(&r->cells[i].content);
        lbox_unref(r->cells[i].box);
    }
    free(r->cells);
    free(r->row_heights);
    free(r->roles);
    lbox_unref(r->box);
    if (!r->table_weak)
        gal_table_unref(r->table);
    free(r);
}

/* ---------------------------------------------------------------------- */
/* Spaces                                                                   */

/* XSL 1.1 §4.3.1, simplified: among adjacent spaces a forced one adds up;
 * otherwise the greatest precedence wins, and among those the greatest
 * optimum. */
static double resolve_spaces(const Item *items, size_t from, size_t to, int drop_conditional)
{
    double forced = 0;
    int any_forced = 0;
    int32_t best_prec = INT32_MIN;
    double best = 0;
    for (size_t i = from; i < to; i++) {
        const Item *it = &items[i];
        if (it->type != IT_SPACE)
            continue;
        if (drop_conditional && it->space.discard)
            continue;
        if (it->space.precedence == FO_PRECEDENCE_FORCE) {
            forced += it->space.opt;
            any_forced = 1;
        } else if (it->space.precedence > best_prec || (it->space.precedence == best_prec && it->space.opt > best)) {
            best_prec = it->space.precedence;
            best = it->space.opt;
        }
    }
    return any_forced ? forced : best;
}

double gap_height(const Item *items, size_t from, size_t to, int at_top, int at_bottom)
{
    /* Runs of spaces are separated by boxes with a border or padding; a
     * zero-height box does not separate them (a block's space-before and
     * its first child's are adjacent). */
    double h = 0;
    size_t run = from;
    int first_run = 1;
    for (size_t i = from; i <= to; i++) {
        int end_of_run = i == to || ((items[i].type == IT_START || items[i].type == IT_END) && items[i].height > 0);
        if (!end_of_run)
            continue;
        int last_run = i == to;
        h += resolve_spaces(items, run, i, (first_run && at_top) || (last_run && at_bottom));
        if (i < to)
            h += items[i].height;
        run = i + 1;
        first_run = 0;
    }
    return h;
}



/* Rows of headers and footers are placed more than once; pages consume
 * what they place, so each placement gets a copy. */
static void item_list_copy(const ItemList *src, ItemList *dst);

Row *galley_row_copy(const Row *src)
{
    Row *r = cocom_xcalloc(1, sizeof *r);
    *r = *src;
    r->cells = cocom_xcalloc((size_t)(src->ncells ? src->ncells : 1), sizeof(Cell));
    for (int i = 0; i < src->ncells; i++) {
        r->cells[i] = src->cells[i];
        r->cells[i].box = lbox_ref(src->cells[i].box);
        memset(&r->cells[i].content, 0, sizeof(ItemList));
        item_list_copy(&src->cells[i].content, &r->cells[i].content);
        r->cells[i].pos = 0;
        r->cells[i].started = 0;
    }
    r->row_heights = cocom_xmalloc(sizeof(double) * (size_t)(src->nrows ? src->nrows : 1));
    memcpy(r->row_heights, src->row_heights, sizeof(double) * (size_t)src->nrows);
    if (src->roles) {
        r->roles = cocom_xmalloc(sizeof(const char *) * (size_t)src->nrows);
        memcpy(r->roles, src->roles, sizeof(const char *) * (size_t)src->nrows);
    }
    r->box = lbox_ref(src->box);
    r->table_weak = 0;
    if (r->table)
        r->table->refs++;
    r->continued = 0;
    return r;
}

static void line_copy(const ParaLine *src, ParaLine *dst)
{
    *dst = *src;
    dst->runs = cocom_xmalloc(sizeof(LineRun) * (size_t)(src->nruns ? src->nruns : 1));
    for (int i = 0; i < src->nruns; i++) {
        dst->runs[i] = src->runs[i];
        if (src->runs[i].glyphs)
            dst->runs[i].glyphs = pango_glyph_string_copy(src->runs[i].glyphs);
        if (src->runs[i].text)
            dst->runs[i].text = cocom_xstrndup(src->runs[i].text, (size_t)src->runs[i].text_len > 0
                                                                     ? (size_t)src->runs[i].text_len
                                                                     : strlen(src->runs[i].text));
    }
    dst->anchors = NULL;
    dst->nanchors = 0;   /* an id is placed once, where the original is */
}

static void item_list_copy(const ItemList *src, ItemList *dst)
{
    for (size_t i = 0; i < src->n; i++) {
        const Item *s = &src->items[i];
        Item *d = gal_list_push(dst, s->type);
        *d = *s;
        d->para = NULL;   /* a header's or footer's copy is not composed again */
        d->box = lbox_ref(s->box);
        d->notes = NULL;   /* a repeated header's footnotes are at the foot of its first page only */
        if (s->type == IT_LINE)
            line_copy(&s->line, &d->line);
        if (s->type == IT_ROW)
            d->row = galley_row_copy(s->row);
    }
}
