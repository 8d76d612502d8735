/* galley-table.c — the galley's rows: list items and table rows become
 * IT_ROW items whose cells are galleys of their own, laid out whole (a cell
 * is bounded; a table is not, so its rows come one group at a time, with
 * the header and footer laid out once to be repeated at breaks).  See
 * galley.h and galley-impl.h.
 */
#include "config.h"
#include "galley-impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Rows: shared by tables and lists                                         */

/* The height of an item list laid out whole (a cell's content). */
double gal_items_height(const ItemList *l, size_t from)
{
    double h = 0;
    size_t gap = from;
    for (size_t i = from; i < l->n; i++) {
        const Item *it = &l->items[i];
        if (it->type == IT_LINE || it->type == IT_ROW) {
            h += gap_height(l->items, gap, i, gap == from, 0) + it->height;
            gap = i + 1;
        }
    }
    h += gap_height(l->items, gap, l->n, gap == from, 1);
    return h;
}

static Galley *galley_sub(Galley *parent, xmlNodePtr node, const FoStyle *style, double x0, double w)
{
    Galley *g = galley_new(parent->env, node, style, x0, w);
    g->level = parent->level + 1;
    g->in_table_cell = parent->in_table_cell;
    g->region_x1 = parent->region_x1;
    return g;
}

/* Does a row's cells hold a forced break (break-before or break-after on
 * a block in a cell, or in a row nested there)?  Pagination then ends the
 * page inside the row (XSL 1.1 §7.20.1: a break is honoured wherever the
 * formatting object is). */
static int row_cells_break(const Row *r)
{
    for (int i = 0; i < r->ncells; i++) {
        const ItemList *l = &r->cells[i].content;
        for (size_t k = 0; k < l->n; k++)
            if (l->items[k].type == IT_BREAK || (l->items[k].type == IT_ROW && l->items[k].row->has_break))
                return 1;
    }
    return 0;
}

/* Puts a list's items between the start and the end of an id box (whose
 * reference it takes). */
static void wrap_with_id(ItemList *l, LBox *b)
{
    COCOM_GROW(l->items, l->cap, l->n + 2);
    memmove(l->items + 1, l->items, l->n * sizeof(Item));
    l->n++;
    memset(&l->items[0], 0, sizeof(Item));
    l->items[0].type = IT_START;
    l->items[0].box = lbox_ref(b);
    Item *end = gal_list_push(l, IT_END);
    end->box = b;
}

/* Fills a cell's content with a galley over its children. */
void gal_cell_fill(Galley *g, Cell *cell, xmlNodePtr node, const FoStyle *style, double ref_x0, double ref_w,
                   int table_cell)
{
    if (g->level > 30) {
        if (cocom_report_once(g->ctx, "cell-depth"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "tables and lists are nested more than 30 deep; the deeper content is left out");
        return;
    }
    Galley *sub = galley_sub(g, node, style, ref_x0, ref_w);
    if (table_cell)
        sub->in_table_cell = 1;
    galley_run(sub, &cell->content);
    galley_free(sub);
    /* A cell's (or a list item's part's) markers: on the pages its
     * content is placed on. */
    CocomMarkers *ms = g->env->in_static ? NULL : cocom_markers_of(node);
    if (ms) {
        LBox *b = gal_id_box(NULL, ref_x0, ref_x0 + ref_w);
        b->markers = ms;
        wrap_with_id(&cell->content, b);
    }
}

/* ---------------------------------------------------------------------- */
/* Lists                                                                    */

void gal_emit_list_item(Galley *g, xmlNodePtr item)
{
    Frame *f = gal_top(g);
    FoStyle *s = gal_style_new(g, item, f->child_parent);
    Row *row = gal_begin_block_row(g, s);
    const char *role = g->env->in_static ? NULL : gal_explicit_role(g, item, s);
    if (role) {
        row->roles = cocom_xcalloc(1, sizeof(const char *));
        row->roles[0] = role;
    }
    LBox *ib = gal_box_new(s, FO_LIST_ITEM, f->ref_x0, f->ref_w);
    if (gal_box_visible(ib))
        row->box = ib;
    else
        lbox_unref(ib);
    xmlNodePtr label = fo_child(item, FO_LIST_ITEM_LABEL), body = fo_child(item, FO_LIST_ITEM_BODY);
    row->cells = cocom_xcalloc(2, sizeof(Cell));
    xmlNodePtr parts[2] = {label, body};
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        FoStyle *ps = gal_style_new(g, parts[i], s);
        Cell *cell = &row->cells[row->ncells++];
        cell->row_span = 1;
        cell->is_label = i == 0;
        cell->role = g->env->in_static ? NULL : gal_explicit_role(g, parts[i], ps);
        cell->x0 = f->ref_x0 + fo_length_resolve(ps->start_indent, f->ref_w);
        cell->x1 = f->ref_x0 + f->ref_w - fo_length_resolve(ps->end_indent, f->ref_w);
        cell->display_align = FO_DISPLAY_ALIGN_BEFORE;
        /* Label and body blocks measure their indents from the list's own
         * reference area (that is what label-end() and body-start() mean). */
        gal_cell_fill(g, cell, parts[i], ps, f->ref_x0, f->ref_w, 0);
        if (ps->id && *ps->id)
            wrap_with_id(&cell->content, gal_id_box(ps->id, cell->x0, cell->x1));
        free(ps);
    }
    double h = 0;
    for (int i = 0; i < row->ncells; i++) {
        double ch = gal_items_height(&row->cells[i].content, 0);
        if (ch > h)
            h = ch;
    }
    row->row_heights[0] = h;
    row->has_break = (uint8_t)row_cells_break(row);
    int32_t kt = gal_keep_penalty(s->keep_together.within_page);
    row->keep_inside = kt > f->kt_prefix ? kt : f->kt_prefix;
    gal_emit_block_row(g, row, h + (row->box ? gal_box_before(row->box) + gal_box_after(row->box) : 0), s);
}


/* Resolves a cell's borders in the collapsing model: the cell's own,
 * against the row's, the column's and, at the table's edges, the
 * section's and the table's. */
static void collapse_cell_borders(TableState *ts, FoStyle *cs, const FoStyle *rs, const FoStyle *ss, int col,
                                  int span, int first_row, int last_row)
{
    const FoBorder *tb = ts->tborder;
    const FoStyle *colst = col < ts->ncols ? ts->cols[col].style : NULL;
    FoBorder before = cs->border[FO_BEFORE], after = cs->border[FO_AFTER];
    FoBorder start = cs->border[FO_START], end = cs->border[FO_END];
    if (rs) {
        before = gal_border_winner(before, rs->border[FO_BEFORE]);
        after = gal_border_winner(after, rs->border[FO_AFTER]);
        if (col == 0)
            start = gal_border_winner(start, rs->border[FO_START]);
        if (col + span >= ts->ncols)
            end = gal_border_winner(end, rs->border[FO_END]);
    }
    if (colst) {
        start = gal_border_winner(start, colst->border[FO_START]);
        end = gal_border_winner(end, colst->border[FO_END]);
    }
    if (first_row && ss)
        before = gal_border_winner(before, ss->border[FO_BEFORE]);
    if (last_row && ss)
        after = gal_border_winner(after, ss->border[FO_AFTER]);
    if (first_row)
        before = gal_border_winner(before, tb[FO_BEFORE]);
    if (last_row)
        after = gal_border_winner(after, tb[FO_AFTER]);
    if (col == 0)
        start = gal_border_winner(start, tb[FO_START]);
    if (col + span >= ts->ncols)
        end = gal_border_winner(end, tb[FO_END]);
    cs->border[FO_BEFORE] = before;
    cs->border[FO_AFTER] = after;
    cs->border[FO_START] = start;
    cs->border[FO_END] = end;
}

/* Builds the cells of one table row (or a group of rows joined by
 * row-spanning cells) into a Row. */
typedef struct {
    xmlNodePtr cell;
    FoStyle *style;
    int col, span, rspan, row;
} PendingCell;

static xmlNodePtr cell_run_end(xmlNodePtr first, int ncols);

/* The styles of a row group's fo:table-rows (NULL for a run of cells
 * with no row), in ss, their section's: computed once for the group, which
 * needs them, and for its breaks and keeps. */
static FoStyle **row_group_styles(Galley *g, xmlNodePtr *rows, int nrows, const FoStyle *ss)
{
    FoStyle **styles = cocom_xcalloc((size_t)nrows, sizeof(FoStyle *));
    for (int r = 0; r < nrows; r++)
        styles[r] = fo_kind(rows[r]) == FO_TABLE_ROW ? gal_style_new(g, rows[r], ss) : NULL;
    return styles;
}

static void row_group_styles_free(FoStyle **styles, int nrows)
{
    for (int r = 0; r < nrows; r++)
        free(styles[r]);
    free(styles);
}

/* A row group of rows (row_styles: theirs, from row_group_styles). */
static Row *table_make_row_group(Galley *g, TableState *ts, xmlNodePtr *rows, int nrows, FoStyle *const *row_styles,
                                 const FoStyle *ss, int is_header, int is_footer, int first_rows, int last_rows)
{
    Row *row = cocom_xcalloc(1, sizeof *row);
    row->nrows = nrows;
    row->row_heights = cocom_xcalloc((size_t)nrows, sizeof(double));
    row->is_header = (uint8_t)is_header;
    row->is_footer = (uint8_t)is_footer;
    row->table = ts->table;
    ts->table->refs++;
    PendingCell *pc = NULL;
    size_t npc = 0, cappc = 0;
    int32_t keep = 0;
    for (int r = 0; r < nrows; r++) {
        FoKind rk = fo_kind(rows[r]);
        const FoStyle *rs = row_styles[r];
        const char *role = rs && !g->env->in_static ? gal_explicit_role(g, rows[r], rs) : NULL;
        if (role) {
            if (!row->roles)
                row->roles = cocom_xcalloc((size_t)nrows, sizeof(const char *));
            row->roles[r] = role;
        }
        if (rs) {
            int32_t kt = gal_keep_penalty(rs->keep_together.within_page);
            if (kt > keep)
                keep = kt;
            if (rs->height.kind == FO_LEN_VALUE)
                row->row_heights[r] = fo_length_resolve(rs->height, 0);
            else if (rs->block_progression_dimension.min.kind == FO_LEN_VALUE)
                row->row_heights[r] = fo_length_resolve(rs->block_progression_dimension.min, 0);
        }
        /* A row's background, else its section's (table-header,
         * table-body), painted behind its cells. */
        FoColor bg = rs && rs->background_color != FO_COLOR_TRANSPARENT ? rs->background_color : ss->background_color;
        if (r == 0 && bg != FO_COLOR_TRANSPARENT) {
            row->box = cocom_xcalloc(1, sizeof *row->box);
            row->box->refs = 1;
            row->box->background = bg;
            row->box->x0 = ts->x0;
            row->box->x1 = ts->x0 + ts->width;
        }
        /* The row's id is where the row group begins (an id on a later
         * row of the group: where the first cell beginning in it does). */
        if (r == 0 && rs && rs->id && *rs->id) {
            if (!row->box)
                row->box = gal_id_box(NULL, ts->x0, ts->x0 + ts->width);
            gal_box_strings(row->box, rs->id, NULL, NULL);
        }
        int col = 0;
        xmlNodePtr first = rk == FO_TABLE_ROW ? rows[r]->children : rows[r];
        xmlNodePtr stop = rk == FO_TABLE_ROW ? NULL : cell_run_end(rows[r], ts->ncols);
        for (xmlNodePtr c = first; c && c != stop; c = c->next) {
            if (fo_kind(c) != FO_TABLE_CELL) {
                if (c->type == XML_ELEMENT_NODE)
                    fo_warn_unsupported(g->ctx, g->env->file, c);
                continue;
            }
            FoStyle *cs = gal_style_new(g, c, rs ? rs : ss);
            if (cs->column_number > 0 && cs->column_number <= ts->ncols)
                col = cs->column_number - 1;
            while (col < ts->ncols && ts->span_left[col] > 0)
                col++;
            if (col >= ts->ncols) {
                /* No column left for it (FOP stops with an error here). */
                if (cocom_report_once(g->ctx, "cells-past-columns"))
                    cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c),
                                 "a table row has more cells than the table has columns (%d); "
                                 "the cells that do not fit are left out", ts->ncols);
                free(cs);
                continue;
            }
            int span = cs->number_columns_spanned > 0 ? cs->number_columns_spanned : 1;
            if (col + span > ts->ncols)
                span = ts->ncols - col > 0 ? ts->ncols - col : 1;
            int rspan = cs->number_rows_spanned > 0 ? cs->number_rows_spanned : 1;
            if (rspan > nrows - r)
                rspan = nrows - r;
            COCOM_GROW(pc, cappc, npc + 1);
            pc[npc++] = (PendingCell){c, cs, col, span, rspan, r};
            for (int k = col; k < col + span && k < ts->ncols; k++)
                ts->span_left[k] = rspan;
            col += span;
        }
        for (int k = 0; k < ts->ncols; k++)
            if (ts->span_left[k] > 0)
                ts->span_left[k]--;
    }
    /* Column positions. */
    double *xs = cocom_xmalloc(sizeof(double) * (size_t)(ts->ncols + 1));
    double x = ts->x0 + ts->spacing_h;
    for (int k = 0; k < ts->ncols; k++) {
        xs[k] = x;
        x += ts->cols[k].width + (ts->collapse ? 0 : ts->spacing_h);
    }
    xs[ts->ncols] = x - (ts->collapse ? 0 : ts->spacing_h);
    row->cells = cocom_xcalloc(npc ? npc : 1, sizeof(Cell));
    for (size_t i = 0; i < npc; i++) {
        PendingCell *p = &pc[i];
        FoStyle *cs = p->style;
        if (ts->collapse)
            collapse_cell_borders(ts, cs, row_styles[p->row], ss, p->col, p->span,
                                  first_rows && p->row == 0, last_rows && p->row + p->rspan >= nrows);
        Cell *cell = &row->cells[row->ncells++];
        cell->first_row = p->row;
        cell->row_span = p->rspan;
        cell->display_align = cs->display_align == FO_DISPLAY_ALIGN_AUTO ? FO_DISPLAY_ALIGN_BEFORE : cs->display_align;
        cell->x0 = xs[p->col];
        cell->x1 = p->col + p->span < ts->ncols ? xs[p->col + p->span] - (ts->collapse ? 0 : ts->spacing_h)
                                                : xs[ts->ncols];
        LBox *b = cocom_xcalloc(1, sizeof *b);
        b->refs = 1;
        b->kind = FO_TABLE_CELL;
        b->x0 = cell->x0;
        b->x1 = cell->x1;
        for (int side = 0; side < 4; side++) {
            b->border[side] = cs->border[side];
            b->border[side].width = gal_border_width_of(&cs->border[side]);
            b->padding[side] = fo_length_resolve(cs->padding[side].length, cell->x1 - cell->x0);
        }
        b->collapsed = (uint8_t)ts->collapse;
        if (ts->collapse) {
            /* Collapsed borders straddle the grid line: half in each cell. */
            for (int side = 0; side < 4; side++)
                b->padding[side] += b->border[side].width / 2 - b->border[side].width;
            for (int side = 0; side < 4; side++)
                if (b->padding[side] < -b->border[side].width / 2)
                    b->padding[side] = -b->border[side].width / 2;
        }
        b->padding_discard[0] = cs->padding[FO_BEFORE].discard;
        b->padding_discard[1] = cs->padding[FO_AFTER].discard;
        b->background = cs->background_color;
        /* empty-cells="hide" (separate borders only): an empty cell shows
         * neither borders nor background. */
        if (!ts->collapse && cs->empty_cells == FO_EMPTY_CELLS_HIDE && gal_cell_is_empty(p->cell)) {
            for (int side = 0; side < 4; side++)
                b->border[side].width = 0;
            b->background = FO_COLOR_TRANSPARENT;
        }
        gal_box_strings(b, cs->id, cs->role ? cs->role : is_header ? "TH" : "TD", NULL);
        cell->box = b;
        double cx0 = cell->x0 + b->border[FO_START].width + b->padding[FO_START];
        double cx1 = cell->x1 - b->border[FO_END].width - b->padding[FO_END];
        if (cx1 < cx0 + 1)
            cx1 = cx0 + 1;
        /* A table cell is a reference area for its blocks' indents. */
        FoStyle *inner = cocom_xmalloc(sizeof *inner);
        *inner = *cs;
        memset(&inner->start_indent, 0, sizeof inner->start_indent);
        memset(&inner->end_indent, 0, sizeof inner->end_indent);
        gal_cell_fill(g, cell, p->cell, inner, cx0, cx1 - cx0, 1);
        free(inner);
        int32_t kt = gal_keep_penalty(cs->keep_together.within_page);
        if (kt > keep)
            keep = kt;
        double ch = gal_items_height(&cell->content, 0) + gal_box_before(b) + gal_box_after(b);
        if (cs->height.kind == FO_LEN_VALUE && fo_length_resolve(cs->height, 0) > ch)
            ch = fo_length_resolve(cs->height, 0);
        /* Single-row cells set their row's height; spanning ones the sum. */
        if (p->rspan == 1) {
            if (ch > row->row_heights[p->row])
                row->row_heights[p->row] = ch;
        }
        free(cs);
    }
    for (size_t i = 0; i < npc; i++) {
        PendingCell *p = &pc[i];
        if (p->rspan <= 1)
            continue;
        Cell *cell = &row->cells[i];
        double ch = gal_items_height(&cell->content, 0) + gal_box_before(cell->box) + gal_box_after(cell->box);
        double have = 0;
        for (int r = p->row; r < p->row + p->rspan; r++)
            have += row->row_heights[r];
        if (ch > have)
            row->row_heights[p->row + p->rspan - 1] += ch - have;
    }
    for (int r = 1; r < nrows; r++) {
        if (!row_styles[r] || !row_styles[r]->id || !*row_styles[r]->id)
            continue;
        for (int i = 0; i < row->ncells; i++)
            if (row->cells[i].first_row == r) {
                wrap_with_id(&row->cells[i].content, gal_id_box(row_styles[r]->id, row->cells[i].x0, row->cells[i].x1));
                break;
            }
    }
    free(xs);
    free(pc);
    row->keep_inside = keep;
    row->has_break = (uint8_t)row_cells_break(row);
    return row;
}

static double row_total(const Row *r)
{
    double h = 0;
    for (int i = 0; i < r->nrows; i++)
        h += r->row_heights[i];
    return h;
}

static int attr_true(xmlNodePtr n, const char *name)
{
    const char *v = fo_attr(n, name);
    return v && strcmp(v, "true") == 0;
}

/* Where a row of bare cells ends: after a cell with ends-row="true",
 * before a later cell with starts-row="true", or when the columns are full. */
static xmlNodePtr cell_run_end(xmlNodePtr first, int ncols)
{
    int cols = 0;
    for (xmlNodePtr c = first; c; c = c->next) {
        if (fo_kind(c) != FO_TABLE_CELL) {
            if (c->type == XML_ELEMENT_NODE)
                return c;
            continue;
        }
        if (c != first && attr_true(c, "starts-row"))
            return c;
        const char *sp = fo_attr(c, "number-columns-spanned");
        int span = sp && atoi(sp) > 0 ? atoi(sp) : 1;
        cols += span;
        if (attr_true(c, "ends-row") || cols >= ncols)
            return c->next;
    }
    return NULL;
}

/* Reads the next row group of a section: a row, plus the rows its cells
 * span into.  Returns the number of rows read into *rows (0 at the end). */
static int next_row_group(TableState *ts, xmlNodePtr *cursor, xmlNodePtr **rows_out)
{
    xmlNodePtr *rows = NULL;
    size_t n = 0, cap = 0;
    int need = 1;   /* rows still needed for the spans seen */
    xmlNodePtr r = *cursor;
    while (r && need > 0) {
        FoKind rk = fo_kind(r);
        if (rk == FO_TABLE_ROW) {
            COCOM_GROW(rows, cap, n + 1);
            rows[n++] = r;
            need--;
            for (xmlNodePtr c = r->children; c; c = c->next) {
                if (fo_kind(c) != FO_TABLE_CELL)
                    continue;
                const char *rs = fo_attr(c, "number-rows-spanned");
                int span = rs ? atoi(rs) : 1;
                if (span > 1 && span < 10000 && span - 1 > need)
                    need = span - 1;
            }
            r = r->next;
        } else if (rk == FO_TABLE_CELL) {
            /* Cells directly in the body: a row is a run of cells (see
             * cell_run_end). */
            COCOM_GROW(rows, cap, n + 1);
            rows[n++] = r;
            need--;
            r = cell_run_end(r, ts->ncols);
        } else {
            r = r->next;
        }
    }
    (void)ts;
    *cursor = r;
    *rows_out = rows;
    return (int)n;
}

static void emit_row_item(Galley *g, Row *row, int32_t penalty)
{
    Item *it = gal_emit(g, IT_ROW);
    it->penalty = penalty;
    it->row = row;
    it->height = row_total(row);
}

/* The rows of a header or footer, laid out once for the whole table. */
static void table_section_rows(Galley *g, TableState *ts, xmlNodePtr sec, int is_header, ItemList *out)
{
    FoStyle *ss = gal_style_new(g, sec, ts->style);
    for (int k = 0; k < ts->ncols; k++)
        ts->span_left[k] = 0;
    xmlNodePtr cur = sec->children;
    int first = 1;
    for (;;) {
        xmlNodePtr *rows = NULL;
        int n = next_row_group(ts, &cur, &rows);
        if (!n) {
            free(rows);
            break;
        }
        FoStyle **styles = row_group_styles(g, rows, n, ss);
        Row *row = table_make_row_group(g, ts, rows, n, styles, ss, is_header, !is_header, first, cur == NULL);
        row_group_styles_free(styles, n);
        row->table_weak = 1;   /* kept by the table itself */
        ts->table->refs--;
        first = 0;
        Item *it = gal_list_push(out, IT_ROW);
        it->row = row;
        it->height = row_total(row);
        it->penalty = KEEP_ALWAYS;
        free(rows);
    }
    free(ss);
}

void gal_open_table(Galley *g, xmlNodePtr node, FoStyle *s)
{
    TableState *ts = cocom_xcalloc(1, sizeof *ts);
    ts->style = s;
    ts->collapse = s->border_collapse != FO_SEPARATE;
    memcpy(ts->tborder, s->border, sizeof ts->tborder);
    if (ts->collapse) {
        /* In the collapsing model the cells draw the table's borders (the
         * winners at the edges), and a table has no padding. */
        for (int side = 0; side < 4; side++) {
            s->border[side].width = 0;
            s->border[side].style = FO_BORDER_NONE;
            memset(&s->padding[side].length, 0, sizeof s->padding[side].length);
        }
    }
    Frame *f = gal_open_block(g, node, FR_TABLE, s);
    f->table = ts;
    ts->spacing_h = ts->collapse ? 0 : s->border_separation_ipd;
    ts->spacing_v = ts->collapse ? 0 : s->border_separation_bpd;
    ts->table = cocom_xcalloc(1, sizeof *ts->table);
    ts->table->refs = 1;
    ts->table->omit_header_at_break = s->table_omit_header_at_break;
    ts->table->line = xmlGetLineNo(node);
    ts->table->omit_footer_at_break = s->table_omit_footer_at_break;
    gal_table_collect_columns(g, ts, node);
    int used = gal_table_count_columns(node);
    if (used > ts->ncols) {
        ts->cols = cocom_xrealloc(ts->cols, sizeof(Column) * (size_t)used);
        for (int k = ts->ncols; k < used; k++) {
            memset(&ts->cols[k], 0, sizeof(Column));
            ts->cols[k].spec.kind = FO_LEN_AUTO;
        }
        ts->ncols = used;
    }
    if (ts->ncols == 0) {
        ts->ncols = 1;
        ts->cols = cocom_xcalloc(1, sizeof(Column));
        ts->cols[0].spec.kind = FO_LEN_AUTO;
    }
    ts->span_left = cocom_xcalloc((size_t)ts->ncols, sizeof(int));
    /* The table's box is where its content goes: start-indent and
     * end-indent, as for any block; the columns fill it. */
    double avail = f->cx1 - f->cx0;
    ts->x0 = f->cx0;
    gal_table_widths(g, ts, node, avail);
    if (f->box)   /* the box hugs its columns (a narrower automatic table) */
        f->box->x1 = f->box->x0 + (ts->width + (f->box->x1 - f->box->x0) - avail);
    xmlNodePtr header = fo_child(node, FO_TABLE_HEADER), footer = fo_child(node, FO_TABLE_FOOTER);
    if (header && fo_attr(header, "id") && *fo_attr(header, "id"))
        ts->table->header_id = cocom_xstrdup(fo_attr(header, "id"));
    if (footer && fo_attr(footer, "id") && *fo_attr(footer, "id"))
        ts->table->footer_id = cocom_xstrdup(fo_attr(footer, "id"));
    if (header) {
        table_section_rows(g, ts, header, 1, &ts->table->header);
        ts->table->header_height = gal_items_height(&ts->table->header, 0);
    }
    if (footer) {
        table_section_rows(g, ts, footer, 0, &ts->table->footer);
        ts->table->footer_height = gal_items_height(&ts->table->footer, 0);
    }
    int nb = 0;
    for (xmlNodePtr c = node->children; c; c = c->next)
        nb += fo_kind(c) == FO_TABLE_BODY;
    ts->bodies = cocom_xcalloc((size_t)(nb ? nb : 1), sizeof(xmlNodePtr));
    for (xmlNodePtr c = node->children; c; c = c->next)
        if (fo_kind(c) == FO_TABLE_BODY)
            ts->bodies[ts->nbodies++] = c;
    f->next = NULL;   /* rows come from table_step, not the child walk */
}



/* Frees a table's reading state, whether the table was read to its end
 * or the galley is freed part-way through it (a render stopped by an
 * error or --max-pages): the open body's id box is released either way. */
void gal_table_state_free(TableState *ts)
{
    lbox_unref(ts->body_id);
    free(ts->section_style);
    free(ts->span_left);
    for (int k = 0; k < ts->ncols; k++)
        free(ts->cols[k].style);
    free(ts->cols);
    free(ts->bodies);
    gal_table_unref(ts->table);
    free(ts);
}

/* Gives the footnotes of a header's or footer's rows to the copy placed
 * first (of the same shape, galley_row_copy): their bodies go to the foot
 * of that page, not again where the header is repeated. */
static void row_move_notes(Row *dst, Row *src)
{
    for (int i = 0; i < src->ncells && i < dst->ncells; i++) {
        ItemList *s = &src->cells[i].content, *d = &dst->cells[i].content;
        for (size_t k = 0; k < s->n && k < d->n; k++) {
            if (s->items[k].type == IT_ROW && d->items[k].type == IT_ROW)
                row_move_notes(d->items[k].row, s->items[k].row);
            d->items[k].notes = s->items[k].notes;
            s->items[k].notes = NULL;
        }
    }
}

/* One step of a table: its header (first), one row group, or its footer
 * and end. */
void gal_table_step(Galley *g)
{
    Frame *f = gal_top(g);
    TableState *ts = f->table;
    if (!ts->started_body) {
        ts->started_body = 1;
        int32_t pen = gal_content_penalty(g);
        LBox *hid = ts->table->header.n ? gal_emit_id_start(g, ts->table->header_id, ts->x0, ts->x0 + ts->width) : NULL;
        for (size_t i = 0; i < ts->table->header.n; i++) {
            Row *r = galley_row_copy(ts->table->header.items[i].row);
            row_move_notes(r, ts->table->header.items[i].row);
            emit_row_item(g, r, i == 0 ? pen : KEEP_ALWAYS);
            gal_content_emitted(g);
        }
        gal_emit_id_end(g, hid);
        if (ts->table->header.n) {
            /* A header never ends a page alone. */
            g->kwn = KEEP_ALWAYS;
        }
    }
    while (!ts->next_row && ts->body_index < ts->nbodies) {
        /* The body before ends, and its id with it. */
        gal_emit_id_end(g, ts->body_id);
        ts->body_id = NULL;
        xmlNodePtr body = ts->bodies[ts->body_index++];
        free(ts->section_style);
        ts->section_style = gal_style_new(g, body, ts->style);
        if (body->children)
            ts->body_id = gal_emit_id_start(g, ts->section_style->id, ts->x0, ts->x0 + ts->width);
        ts->next_row = body->children;
        ts->section = body;
        for (int k = 0; k < ts->ncols; k++)
            ts->span_left[k] = 0;
        if (!ts->next_row)
            continue;
        break;
    }
    if (ts->next_row) {
        xmlNodePtr *rows = NULL;
        int first = ts->next_row == ts->section->children;
        int n = next_row_group(ts, &ts->next_row, &rows);
        if (n > 0) {
            int last = ts->next_row == NULL;
            /* break-before of the group's first row, break-after of its
             * last (rows joined by spanning cells cannot part). */
            FoStyle **styles = row_group_styles(g, rows, n, ts->section_style);
            const FoStyle *first_style = styles[0], *last_style = styles[n - 1];
            if (first_style) {
                gal_emit_break(g, first_style->break_before);
                /* keep-with-previous of the group's first row, and
                 * keep-with-next of its last, as for blocks (§7.20.4-5). */
                int32_t kwp = gal_keep_of(&first_style->keep_with_previous);
                if (kwp > g->kwp)
                    g->kwp = kwp;
            }
            Row *row = table_make_row_group(g, ts, rows, n, styles, ts->section_style, 0, 0, first, last);
            int32_t pen = gal_content_penalty(g);
            emit_row_item(g, row, pen);
            gal_content_emitted(g);
            if (last_style) {
                int32_t kwn = gal_keep_of(&last_style->keep_with_next);
                if (kwn > g->kwn)
                    g->kwn = kwn;
                gal_emit_break(g, last_style->break_after);
            }
            row_group_styles_free(styles, n);
            ts->body_rows++;
        }
        free(rows);
        return;
    }
    /* The end: the footer once, kept with the last row. */
    gal_emit_id_end(g, ts->body_id);
    ts->body_id = NULL;
    LBox *fid = ts->table->footer.n ? gal_emit_id_start(g, ts->table->footer_id, ts->x0, ts->x0 + ts->width) : NULL;
    for (size_t i = 0; i < ts->table->footer.n; i++) {
        Row *r = galley_row_copy(ts->table->footer.items[i].row);
        row_move_notes(r, ts->table->footer.items[i].row);
        emit_row_item(g, r, KEEP_ALWAYS);
        gal_content_emitted(g);
    }
    gal_emit_id_end(g, fid);
    gal_table_state_free(ts);
    f->table = NULL;
    gal_close_frame(g);
}
