/* pagination-masters.c — page masters (XSL 1.1 §6.4): each
 * simple-page-master's page size and regions, computed once, and the
 * page-sequence-master's state machine that chooses the master of each page
 * (single, repeatable and conditional references).  See pagination-impl.h.
 */
#include "config.h"
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Masters                                                                  */

FoStyle *pag_style_of(CocomLayout *l, xmlNodePtr node, const FoStyle *parent)
{
    FoStyle *s = cocom_xmalloc(sizeof *s);
    fo_style_compute(&l->resolver, node, parent, s);
    return s;
}

static double len_or(FoLength v, double ref, double dflt)
{
    return v.kind == FO_LEN_VALUE ? fo_length_resolve(v, ref) : dflt;
}

Master *pag_master_get(CocomLayout *l, xmlNodePtr spm)
{
    for (size_t i = 0; i < l->nmasters; i++)
        if (l->masters[i].master == spm)
            return &l->masters[i];
    COCOM_GROW(l->masters, l->capmasters, l->nmasters + 1);
    Master *m = &l->masters[l->nmasters++];
    memset(m, 0, sizeof *m);
    m->master = spm;
    FoStyle *s = pag_style_of(l, spm, l->root_style);
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
        m->region_styles[i] = pag_style_of(l, r, s);
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
    FoStyle *bs = body ? pag_style_of(l, body, s) : NULL;
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

void pag_masters_free(CocomLayout *l)
{
    for (size_t i = 0; i < l->nmasters; i++) {
        free(l->masters[i].style);
        free(l->masters[i].body_style);
        for (int k = 0; k < 4; k++)
            free(l->masters[i].region_styles[k]);
    }
    free(l->masters);
}

xmlNodePtr pag_master_named(CocomLayout *l, const char *name, xmlNodePtr from)
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
    FoStyle *s = pag_style_of(l, cond, l->root_style);
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
xmlNodePtr pag_master_choose(CocomLayout *l, int first, int last, int blank)
{
    int odd = l->page_number % 2 != 0;
    if (!l->psm) {
        xmlNodePtr m = pag_master_named(l, l->seq_style->master_reference, l->seq);
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
                            xmlNodePtr m = pag_master_named(l, fo_attr(c, "master-reference"), c);
                            if (m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER)
                                return m;
                        }
                    char key[64];
                    snprintf(key, sizeof key, "no-alt:%ld", xmlGetLineNo(sub));
                    if (cocom_report_once(l->ctx, key))
                        cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, xmlGetLineNo(sub),
                                     "no conditional-page-master-reference fits page %d; using the first", l->page_number);
                    xmlNodePtr c = fo_child(sub, FO_CONDITIONAL_PAGE_MASTER_REFERENCE);
                    xmlNodePtr m = c ? pag_master_named(l, fo_attr(c, "master-reference"), c) : NULL;
                    if (m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER)
                        return m;
                } else {
                    xmlNodePtr m = pag_master_named(l, fo_attr(sub, "master-reference"), sub);
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
        xmlNodePtr m = c ? pag_master_named(l, fo_attr(c, "master-reference"), c) : NULL;
        return m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER ? m : NULL;
    }
    xmlNodePtr m = pag_master_named(l, fo_attr(lastsub, "master-reference"), lastsub);
    return m && fo_kind(m) == FO_SIMPLE_PAGE_MASTER ? m : NULL;
}

void pag_master_advance(CocomLayout *l)
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

