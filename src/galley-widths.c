/* galley-widths.c — a table's columns: how many the rows use, their
 * widths as given (lengths, percentages, proportional units) and, for
 * automatic layout, shared out from the narrowest and widest each column's
 * content can be (table-layout="auto", whose algorithm XSL takes from
 * CSS 2).  See galley.h and galley-impl.h.
 */
#include "config.h"
#include "galley-impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Tables                                                                   */


double gal_border_width_of(const FoBorder *b)
{
    return b->style == FO_BORDER_NONE || b->style == FO_BORDER_HIDDEN ? 0 : b->width;
}

/* The collapsing-border precedence of XSL 1.1 §6.7.10 (after CSS 2.1):
 * hidden wins, then wider, then style (double, solid, dashed, dotted,
 * ridge, outset, groove, inset), then the nearer element (given first). */
FoBorder gal_border_winner(FoBorder a, FoBorder b)
{
    if (a.style == FO_BORDER_HIDDEN)
        return a;
    if (b.style == FO_BORDER_HIDDEN)
        return b;
    double wa = gal_border_width_of(&a), wb = gal_border_width_of(&b);
    if (wa != wb)
        return wa > wb ? a : b;
    static const int rank[] = {[FO_BORDER_NONE] = 0, [FO_BORDER_HIDDEN] = 9, [FO_BORDER_DOTTED] = 5,
                               [FO_BORDER_DASHED] = 6, [FO_BORDER_SOLID] = 7, [FO_BORDER_DOUBLE] = 8,
                               [FO_BORDER_GROOVE] = 2, [FO_BORDER_RIDGE] = 4, [FO_BORDER_INSET] = 1,
                               [FO_BORDER_OUTSET] = 3};
    return rank[b.style] > rank[a.style] ? b : a;
}

/* Measures the narrowest and widest a piece of content can be laid out
 * (for automatic table layout): the longest word, and everything on one
 * line.  Each cell is measured once. */
static void measure_children(Galley *g, xmlNodePtr node, const FoStyle *style, double *mn, double *mx, int depth);


static double horizontal_extras(const FoStyle *s, double ref)
{
    double e = 0;
    for (int side = FO_START; side <= FO_END; side++)
        e += gal_border_width_of(&s->border[side]) + fo_length_resolve(s->padding[side].length, ref);
    double si = fo_length_resolve(s->start_indent, ref), ei = fo_length_resolve(s->end_indent, ref);
    return e + (si > 0 ? si : 0) + (ei > 0 ? ei : 0);
}

static void measure_children(Galley *g, xmlNodePtr node, const FoStyle *style, double *mn, double *mx, int depth)
{
    if (depth > 50)
        return;
    xmlNodePtr n = node->children;
    while (n) {
        if (gal_is_inline_node(n)) {
            xmlNodePtr stop = n;
            while (stop && (gal_is_inline_node(stop) || stop->type == XML_COMMENT_NODE))
                stop = stop->next;
            double a = 0, b = 0;
            gal_measure_inline_run(g, n, stop, style, &a, &b);
            if (a > *mn) *mn = a;
            if (b > *mx) *mx = b;
            n = stop;
            continue;
        }
        if (n->type == XML_ELEMENT_NODE && fo_kind_support(fo_kind(n)) != FO_SUPPORT_SKIP && fo_kind(n) != FO_MARKER
            && fo_kind(n) != FO_RETRIEVE_MARKER) {
            FoStyle *s = gal_style_new(g, n, style);
            FoKind k = fo_kind(n);
            double a = 0, b = 0;
            if (k == FO_TABLE) {
                /* A nested table: at least its columns' given widths. */
                measure_children(g, n, s, &a, &b, depth + 1);
                if (s->width.kind == FO_LEN_VALUE && s->width.pct == 0)
                    a = b = s->width.abs;
            } else if (k == FO_TABLE_ROW || k == FO_TABLE_BODY || k == FO_TABLE_HEADER || k == FO_TABLE_FOOTER) {
                /* Cells side by side add up. */
                for (xmlNodePtr r = n->children; r; r = r->next) {
                    if (fo_kind(r) != FO_TABLE_CELL && fo_kind(r) != FO_TABLE_ROW)
                        continue;
                    double ra = 0, rb = 0;
                    FoStyle *rs = gal_style_new(g, r, s);
                    measure_children(g, r, rs, &ra, &rb, depth + 1);
                    free(rs);
                    if (fo_kind(r) == FO_TABLE_CELL) {
                        a += ra;
                        b += rb;
                    } else {
                        if (ra > a) a = ra;
                        if (rb > b) b = rb;
                    }
                }
            } else {
                measure_children(g, n, s, &a, &b, depth + 1);
            }
            double extra = horizontal_extras(s, 0) - horizontal_extras(style, 0);
            if (extra < 0)
                extra = 0;
            if (a + extra > *mn) *mn = a + extra;
            if (b + extra > *mx) *mx = b + extra;
            free(s);
        }
        n = n->next;
    }
}

/* Does a table cell hold nothing to show (no text, no graphic)? */
int gal_cell_is_empty(xmlNodePtr cell)
{
    for (xmlNodePtr c = cell->children; c; c = c->next) {
        if (gal_is_visible_text(c)) {
            return 0;
        } else if (c->type == XML_ELEMENT_NODE) {
            FoKind k = fo_kind(c);
            if (k == FO_EXTERNAL_GRAPHIC || k == FO_CHARACTER || k == FO_LEADER || k == FO_PAGE_NUMBER
                || k == FO_PAGE_NUMBER_CITATION || k == FO_PAGE_NUMBER_CITATION_LAST || !gal_cell_is_empty(c))
                return 0;
        }
    }
    return 1;
}

/* A bound on a table's columns, so that number-columns-repeated="1e9"
 * cannot exhaust memory; no real table comes near it. */
#define MAX_COLUMNS 1000

void gal_table_collect_columns(Galley *g, TableState *ts, xmlNodePtr table)
{
    for (xmlNodePtr c = table->children; c; c = c->next) {
        if (fo_kind(c) != FO_TABLE_COLUMN)
            continue;
        FoStyle *s = gal_style_new(g, c, ts->style);
        int rep = s->number_columns_repeated > 0 ? s->number_columns_repeated : 1;
        int at = s->column_number > 0 ? s->column_number - 1 : ts->ncols;
        if (at >= MAX_COLUMNS)
            at = ts->ncols;
        if (at + rep > MAX_COLUMNS) {
            if (cocom_report_once(g->ctx, "max-columns"))
                cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c),
                             "a table has more than %d columns; the columns after the %dth are left out",
                             MAX_COLUMNS, MAX_COLUMNS);
            rep = MAX_COLUMNS - at > 0 ? MAX_COLUMNS - at : 0;
        }
        for (int r = 0; r < rep; r++) {
            int idx = at + r;
            if (idx >= ts->ncols) {
                ts->cols = cocom_xrealloc(ts->cols, sizeof(Column) * (size_t)(idx + 1));
                for (int k = ts->ncols; k <= idx; k++) {
                    memset(&ts->cols[k], 0, sizeof(Column));
                    ts->cols[k].spec.kind = FO_LEN_AUTO;
                }
                ts->ncols = idx + 1;
            }
            ts->cols[idx].spec = s->column_width;
            /* Each column its own copy: repeated columns share the
             * properties (borders, background) of their table-column. */
            free(ts->cols[idx].style);
            ts->cols[idx].style = cocom_xmalloc(sizeof *s);
            *ts->cols[idx].style = *s;
        }
        free(s);
    }
}

/* The number of columns the rows use (for tables with too few
 * table-column elements, or none). */
int gal_table_count_columns(xmlNodePtr table)
{
    int best = 0;
    for (xmlNodePtr sec = table->children; sec; sec = sec->next) {
        FoKind sk = fo_kind(sec);
        if (sk != FO_TABLE_BODY && sk != FO_TABLE_HEADER && sk != FO_TABLE_FOOTER)
            continue;
        int n = 0;
        for (xmlNodePtr r = sec->children; r; r = r->next) {
            if (fo_kind(r) == FO_TABLE_ROW) {
                int m = 0;
                for (xmlNodePtr c = r->children; c; c = c->next)
                    if (fo_kind(c) == FO_TABLE_CELL) {
                        const char *sp = fo_attr(c, "number-columns-spanned");
                        const char *cn = fo_attr(c, "column-number");
                        int span = sp ? atoi(sp) : 1;
                        if (cn && atoi(cn) > 0 && atoi(cn) - 1 > m)
                            m = atoi(cn) - 1;
                        m += span > 0 && span < 1000 ? span : 1;
                    }
                if (m > best)
                    best = m;
            } else if (fo_kind(r) == FO_TABLE_CELL) {
                const char *sp = fo_attr(r, "number-columns-spanned");
                int span = sp ? atoi(sp) : 1;
                n += span > 0 && span < 1000 ? span : 1;
                const char *er = fo_attr(r, "ends-row");
                if (er && strcmp(er, "true") == 0) {
                    if (n > best)
                        best = n;
                    n = 0;
                }
            }
        }
        if (n > best)
            best = n;
    }
    return best;
}

/* Auto layout: each cell's min and max content width, once. */
static void table_measure(Galley *g, TableState *ts, xmlNodePtr table)
{
    for (xmlNodePtr sec = table->children; sec; sec = sec->next) {
        FoKind sk = fo_kind(sec);
        if (sk != FO_TABLE_BODY && sk != FO_TABLE_HEADER && sk != FO_TABLE_FOOTER)
            continue;
        FoStyle *ss = gal_style_new(g, sec, ts->style);
        int col = 0;
        for (xmlNodePtr r = sec->children; r; r = r->next) {
            FoKind rk = fo_kind(r);
            xmlNodePtr cells = rk == FO_TABLE_ROW ? r->children : r;
            FoStyle *rs = rk == FO_TABLE_ROW ? gal_style_new(g, r, ss) : NULL;
            if (rk == FO_TABLE_ROW)
                col = 0;
            for (xmlNodePtr c = cells; c; c = rk == FO_TABLE_ROW ? c->next : NULL) {
                if (fo_kind(c) != FO_TABLE_CELL)
                    continue;
                FoStyle *cs = gal_style_new(g, c, rs ? rs : ss);
                if (cs->column_number > 0 && cs->column_number <= ts->ncols)
                    col = cs->column_number - 1;
                int span = cs->number_columns_spanned > 0 ? cs->number_columns_spanned : 1;
                double mn = 0, mx = 0;
                FoStyle *inner = cocom_xmalloc(sizeof *inner);
                *inner = *cs;
                memset(&inner->start_indent, 0, sizeof inner->start_indent);
                memset(&inner->end_indent, 0, sizeof inner->end_indent);
                measure_children(g, c, inner, &mn, &mx, 0);
                free(inner);
                double extra = 0;
                for (int side = FO_START; side <= FO_END; side++)
                    extra += gal_border_width_of(&cs->border[side]) + fo_length_resolve(cs->padding[side].length, 0);
                mn += extra;
                mx += extra;
                if (col < ts->ncols) {
                    if (span == 1) {
                        if (mn > ts->cols[col].min) ts->cols[col].min = mn;
                        if (mx > ts->cols[col].max) ts->cols[col].max = mx;
                    } else {
                        /* Spanning cells: spread what the columns lack evenly. */
                        int last = col + span > ts->ncols ? ts->ncols : col + span;
                        double hmin = 0, hmax = 0;
                        for (int k = col; k < last; k++) {
                            hmin += ts->cols[k].min;
                            hmax += ts->cols[k].max;
                        }
                        for (int k = col; k < last; k++) {
                            if (mn > hmin) ts->cols[k].min += (mn - hmin) / (last - col);
                            if (mx > hmax) ts->cols[k].max += (mx - hmax) / (last - col);
                        }
                    }
                }
                col += span;
                if (cs->ends_row && rk != FO_TABLE_ROW)
                    col = 0;
                free(cs);
            }
            free(rs);
        }
        free(ss);
    }
}

/* The lines a column's longest content takes at width w (roughly: its
 * one-line width over w). */
static int column_lines(const Column *c, double w)
{
    return w <= 0 ? 1000 : (int)ceil(c->max / w - 1e-6);
}

/* Automatic columns when the table is narrower than its content on one
 * line but wider than its longest words (the columns marked -1).  Each
 * starts at its minimum, a column short enough at its one line; `extra`
 * then goes where it makes the table
 * shortest: the columns whose content takes the most lines are widened
 * together until they take one line fewer, while it lasts, then the
 * cheapest of them alone; what is left is shared in proportion to what
 * each column still wants.  CSS 2.1 leaves this open; sharing in
 * proportion alone wrapped every short column a little ("One / vote")
 * without making any row shorter. */
static void share_between(TableState *ts, double extra)
{
    int n = ts->ncols, nauto = 0;
    double total = extra;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width < 0) {
            ts->cols[i].width = ts->cols[i].min;
            total += ts->cols[i].min;
            nauto++;
        }
    /* A column whose whole content fits on one line in an equal share
     * (a date, a version, "One vote") gets that line first: it costs
     * little, and wrapping "3 September 2015" saves no row a line. */
    for (int i = 0; i < n && nauto > 0; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && c->max <= total / nauto && c->max - c->width <= extra) {
            extra -= c->max - c->width;
            c->width = c->max;
        }
    }
    for (int guard = 0; guard < 1000; guard++) {
        int top = 1;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].spec.kind == FO_LEN_AUTO && ts->cols[i].width < ts->cols[i].max) {
                int l = column_lines(&ts->cols[i], ts->cols[i].width);
                if (l > top)
                    top = l;
            }
        if (top <= 1)
            break;
        /* What each column at `top` lines needs to take one line fewer. */
        double all = 0, cheapest = -1;
        int cheap = -1;
        for (int i = 0; i < n; i++) {
            const Column *c = &ts->cols[i];
            if (c->spec.kind != FO_LEN_AUTO || c->width >= c->max || column_lines(c, c->width) < top)
                continue;
            double need = c->max / (top - 1) - c->width;
            all += need;
            if (cheap < 0 || need < cheapest) {
                cheap = i;
                cheapest = need;
            }
        }
        if (all <= extra) {
            for (int i = 0; i < n; i++) {
                Column *c = &ts->cols[i];
                if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && column_lines(c, c->width) >= top) {
                    double w = c->max / (top - 1);
                    c->width = w < c->max ? w : c->max;
                }
            }
            extra -= all;
        } else if (cheap >= 0 && cheapest <= extra) {
            ts->cols[cheap].width += cheapest;
            extra -= cheapest;
        } else {
            break;
        }
    }
    double wants = 0;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO && ts->cols[i].width < ts->cols[i].max)
            wants += ts->cols[i].max - ts->cols[i].width;
    for (int i = 0; i < n; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && wants > 0) {
            double add = (c->max - c->width) * extra / wants;
            c->width += add;
        }
    }
}

/* Automatic columns when the table is narrower than even its longest
 * words (the columns marked -2).  A column whose longest word fits in an
 * equal share keeps that word whole ("Voting", "weight"): cutting a short
 * word is the worst break there is.  The columns of long words, which
 * hyphenation can break well, share what is left in proportion to their
 * longest words.  Sharing everything in proportion cut "weig|ht" while a
 * column of long names kept room to spare. */
static void share_short(TableState *ts, double rest)
{
    int n = ts->ncols;
    for (int changed = 1; changed;) {
        changed = 0;
        int left = 0;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].width == -2)
                left++;
        if (!left)
            return;
        double share = rest / left;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].width == -2 && ts->cols[i].min <= share) {
                ts->cols[i].width = ts->cols[i].min;
                rest -= ts->cols[i].min;
                changed = 1;
            }
    }
    double big = 0;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width == -2)
            big += ts->cols[i].min;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width == -2)
            ts->cols[i].width = big > 0 && rest > 0 ? ts->cols[i].min * rest / big : 0;
}

/* Column widths: given lengths and percentages first; proportional units
 * share what is left; automatic layout as CSS 2.1 §17.5.2.2 does it. */
void gal_table_widths(Galley *g, TableState *ts, xmlNodePtr table, double avail)
{
    const FoStyle *s = ts->style;
    int fixed = s->table_layout == FO_TABLE_LAYOUT_FIXED;
    double tw;
    int width_given = s->width.kind == FO_LEN_VALUE;
    if (width_given)
        tw = fo_length_resolve(s->width, avail);
    else
        tw = avail;
    if (tw <= 0)
        tw = avail > 0 ? avail : 1;
    double spacing = ts->collapse ? 0 : ts->spacing_h * (ts->ncols + 1);
    double frame_w = 0;   /* the columns fill the table's content box */
    double inner = tw - spacing - frame_w;
    int any_auto_column = 0;
    for (int i = 0; i < ts->ncols; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO)
            any_auto_column = 1;
    if (!fixed || any_auto_column)
        table_measure(g, ts, table);
    double used = 0, prop_units = 0;
    for (int i = 0; i < ts->ncols; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_VALUE) {
            c->width = fo_length_resolve(c->spec, inner);
            used += c->width;
        } else if (c->spec.kind == FO_LEN_PROPORTIONAL) {
            prop_units += c->spec.abs > 0 ? c->spec.abs : 1;
        }
    }
    double rest = inner - used;
    if (prop_units > 0) {
        for (int i = 0; i < ts->ncols; i++)
            if (ts->cols[i].spec.kind == FO_LEN_PROPORTIONAL) {
                double u = ts->cols[i].spec.abs > 0 ? ts->cols[i].spec.abs : 1;
                ts->cols[i].width = rest > 0 ? rest * u / prop_units : 0;
            }
        rest = 0;
    }
    /* Automatic columns share the rest from their content widths. */
    double amin = 0, amax = 0;
    int nauto = 0;
    for (int i = 0; i < ts->ncols; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO) {
            amin += ts->cols[i].min;
            amax += ts->cols[i].max;
            nauto++;
        }
    if (nauto) {
        if (!width_given && !fixed && prop_units == 0 && amax + used < inner) {
            /* Shrink to fit: an automatic table is as wide as its content. */
            rest = amax;
            tw = amax + used + spacing + frame_w;
        }
        for (int i = 0; i < ts->ncols; i++) {
            Column *c = &ts->cols[i];
            if (c->spec.kind != FO_LEN_AUTO)
                continue;
            if (fixed && amax == 0)
                c->width = rest / nauto;
            else if (rest >= amax)   /* room for all: widen in proportion to max */
                c->width = amax > 0 ? c->max * rest / amax : rest / nauto;
            else if (rest <= amin)   /* not even the minimum: shared below */
                c->width = -2;
            else
                c->width = -1;   /* between: shared below */
        }
        if (rest > amin && rest < amax)
            share_between(ts, rest - amin);
        else if (rest <= amin && amin > 0)
            share_short(ts, rest);
    }
    double sum = spacing + frame_w;
    for (int i = 0; i < ts->ncols; i++) {
        if (ts->cols[i].width < 0)
            ts->cols[i].width = 0;
        sum += ts->cols[i].width;
    }
    if (sum > avail + 0.5 && cocom_report_once(g->ctx, "table-too-wide"))
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(table),
                     "the table's columns (%.0fpt) are wider than the space for it (%.0fpt)", sum, avail);
    ts->width = sum;
}
