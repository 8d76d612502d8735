/* pagination-columns.c — pages whose region-body has columns (XSL 1.1
 * §7.28.2 column-count, §7.21.5 span): the flow fills them in turn,
 * span="all" blocks cross them, and the columns above a spanning block and
 * on the flow's last page are balanced.  See pagination-impl.h.
 */
#include "config.h"
#include "pagination-impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
        h += pag_item_notes_height(l, it);
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
    return after_column || pag_header_repeats_above(it->row) ? t->header_height : 0;
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
        Source src = {pag_run_get, &rs};
        Fit f;
        pag_fit_items(l, &src, h - run_header(l, o, c > 0), c == 0 && o == from, &f);
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
            Source src = {pag_run_get, &rs};
            Fit f;
            pag_fit_items(l, &src, H, n == 0, &f);
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
CocomPage *pag_flow_page_columns(CocomLayout *l, Master *m, CocomStatus *status)
{
    enum { MAX_STEPS = 64 };
    ColStep steps[MAX_STEPS];
    l->sep.w = m->body.w;
    double h0 = l->notes_pending ? pag_notes_height(l, l->notes_pending) + pag_page_separator(l) : 0;
    Item *head = pag_flow_content(l->flow);
    double cap = m->body.h - (head ? head->height : 0);
    double reserve = h0 < cap ? h0 : cap > 0 ? cap : 0;
    int nsteps = 0;
    memset(&l->fit_notes, 0, sizeof l->fit_notes);
    for (int round = 0; round < 4; round++) {
        double cited;
        nsteps = columns_plan(l, m, reserve, steps, MAX_STEPS, &cited);
        double need = h0 + cited + (h0 <= 0 && cited > 0 ? pag_page_separator(l) : 0);
        if (need > cap)
            need = cap > 0 ? cap : 0;
        if (need <= reserve + EPS)
            break;
        reserve = need;
    }
    CocomPage *page = pag_page_new(l, m);
    Placer p = {l, page, NULL, 0, 0, NULL, 0, 0, m->body.x, 0, 0};
    double sep;
    double area_top = pag_notes_open(l, &p, m, reserve, &sep, NULL);
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
        for (int c = 0; c < ncols && pag_flow_content(l->flow); c++) {
            p.dx = m->body.x + c * (m->col_w + m->col_gap);
            double y = st->y;
            pag_open_carried(l, &p, y);
            /* A table going on from the column or page before repeats
             * its header. */
            Item *first = pag_flow_content(l->flow);
            Table *rep = first->type == IT_ROW && (l->seq_pages > 0 || c > 0 || k > 0)
                         ? pag_header_repeats_above(first->row) : NULL;
            if (rep && !pag_header_fits(l, rep, first, st->h))
                rep = NULL;
            if (rep)
                y = pag_place_repeated(&p, &rep->header, rep->header_id, y);
            RunSrc rs = {l->flow, 0, limit};
            Source src = {pag_run_get, &rs};
            Fit f;
            pag_fit_items(l, &src, st->h - (y - st->y), k == 0 && c == 0, &f);
            if (f.overflow && cocom_report_once(l->ctx, "column-overflow"))
                cocom_report(l->ctx, COCOM_SEVERITY_WARNING, l->file, 0,
                             "page %d: something is taller than a column (%.0fpt) and runs past its bottom",
                             l->page_index + 1, st->h);
            ItemList taken = {0};
            y = pag_place_fit(l, &p, &f, y, &taken);
            item_list_clear(&taken);
            pag_carry_open(l, &p, y);
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
        pag_page_separator_clear(l);
        pag_placer_finish(&p);
        cocom_page_free(page);
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    pag_page_markers(l, &p);
    return pag_flow_page_end(l, &p, page, m, area_top, sep);
}

