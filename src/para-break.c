/* para-break.c — where a paragraph's lines break (para-impl.h): first-fit
 * for text set ragged, Knuth and Plass's total-fit for justified text.
 */
#include "config.h"
#include "para-impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Breaking                                                                 */

double para_line_width(const ParaInput *in, int line)
{
    double w = in->width - (line == 0 ? in->text_indent : 0);
    return w > 1 ? w : 1;
}

/* The first atom of a line that starts after the break at `b`: glue and
 * penalties after a break are discarded — except, after a forced break
 * (a preserved linefeed), the spaces white-space-treatment="preserve"
 * keeps: they are a listing's indentation, which XSL 1.1 §7.16.12 turns
 * into glyph areas and every FO processor keeps.  Where a line is broken
 * by wrapping, the spaces at the break go as usual (suppress-at-line-break
 * "auto" suppresses U+0020, §7.17.3). */
size_t para_line_start_after(const Composer *c, size_t b)
{
    int forced = b < c->n && c->atoms[b].type == A_PENALTY && c->atoms[b].penalty <= FORCED;
    size_t i = b + 1;
    while (i < c->n && ((c->atoms[i].type == A_GLUE && !(forced && c->atoms[i].kept))
                        || (c->atoms[i].type == A_PENALTY && c->atoms[i].penalty > FORCED)))
        i++;
    return i;
}

static int is_break(const Composer *c, size_t i)
{
    const Atom *a = &c->atoms[i];
    if (a->type == A_PENALTY)
        return a->penalty < INF_PENALTY;
    if (a->type == A_GLUE) {
        /* A break at glue needs a box (or anchor) before it. */
        for (size_t k = i; k-- > 0;) {
            if (c->atoms[k].type == A_BOX)
                return 1;
            if (c->atoms[k].type != A_ANCHOR)
                return 0;
        }
    }
    return 0;
}

/* First-fit: each line takes as much as fits. */
int para_break_first_fit(const Composer *c, size_t **breaks_out)
{
    size_t *breaks = NULL, nb = 0, cap = 0;
    size_t start = 0;
    int line = 0;
    while (start < c->n) {
        double avail = c->in->wrap ? para_line_width(c->in, line) : DBL_MAX;
        double w = 0;
        size_t last = (size_t)-1;
        size_t i;
        for (i = start; i < c->n; i++) {
            const Atom *a = &c->atoms[i];
            if (a->type == A_PENALTY && a->penalty <= FORCED)
                break;
            if (a->type == A_BOX) {
                if (w + a->width > avail && last != (size_t)-1) {
                    i = last;
                    break;
                }
                w += a->width;
            } else if (a->type == A_GLUE) {
                if (is_break(c, i) && i > start)
                    last = i;
                w += a->width;
            } else if (a->type == A_PENALTY && a->penalty < INF_PENALTY && i > start) {
                if (w + a->width <= avail)
                    last = i;
            }
        }
        if (i >= c->n)
            i = c->n - 1;    /* the final forced break is always there */
        COCOM_GROW(breaks, cap, nb + 1);
        breaks[nb++] = i;
        line++;
        start = para_line_start_after(c, i);
    }
    *breaks_out = breaks;
    return (int)nb;
}

typedef struct Active {
    size_t pos;          /* the break */
    int line;            /* lines before this break */
    int fitness;
    double width, stretch, shrink;   /* totals up to the start of the next line */
    double demerits;
    struct Active *prev;
    struct Active *next;
    int flagged;
} Active;

/* Knuth–Plass: the breaks that minimise the sum of the lines' demerits. */
int para_break_total_fit(const Composer *c, double tolerance, size_t **breaks_out)
{
    size_t n = c->n;
    /* Running totals before each atom. */
    double *W = cocom_xmalloc(sizeof(double) * (n + 1));
    double *Y = cocom_xmalloc(sizeof(double) * (n + 1));
    double *Z = cocom_xmalloc(sizeof(double) * (n + 1));
    W[0] = Y[0] = Z[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const Atom *a = &c->atoms[i];
        W[i + 1] = W[i] + (a->type == A_PENALTY ? 0 : a->width);
        Y[i + 1] = Y[i] + (a->type == A_GLUE || a->leader ? a->stretch : 0);
        Z[i + 1] = Z[i] + (a->type == A_GLUE || a->leader ? a->shrink : 0);
    }
    CocomArena arena = {0};
    Active *head = cocom_arena_alloc(&arena, sizeof *head);
    head->pos = (size_t)-1;
    head->fitness = 1;
    for (size_t b = 0; b < n && head; b++) {
        if (!is_break(c, b))
            continue;
        const Atom *ba = &c->atoms[b];
        double pw = ba->type == A_PENALTY ? ba->width : 0;
        Active *best[4] = {0};
        double best_d[4] = {DBL_MAX, DBL_MAX, DBL_MAX, DBL_MAX};
        Active *prev_node = NULL;
        for (Active *a = head; a;) {
            size_t s = a->pos == (size_t)-1 ? 0 : para_line_start_after(c, a->pos);
            double L = W[b] - W[s] + pw;
            double Ys = Y[b] - Y[s], Zs = Z[b] - Z[s];
            double avail = para_line_width(c->in, a->line);
            double r;
            if (L < avail)
                r = Ys > 0 ? (avail - L) / Ys : INF_PENALTY;
            else if (L > avail)
                r = Zs > 0 ? (avail - L) / Zs : -INF_PENALTY;
            else
                r = 0;
            Active *next = a->next;
            int forced = ba->type == A_PENALTY && ba->penalty <= FORCED;
            if (r < -1 || forced) {
                /* Deactivate a: no later break can be reached from it. */
                if (prev_node)
                    prev_node->next = next;
                else
                    head = next;
            } else {
                prev_node = a;
            }
            if (r >= -1 && r <= tolerance) {
                double badness = 100 * fabs(r) * fabs(r) * fabs(r);
                double lb = 10 + badness;
                double d;
                int p = ba->type == A_PENALTY ? ba->penalty : 0;
                if (p >= 0)
                    d = lb * lb + (double)p * p;
                else if (p > FORCED)
                    d = lb * lb - (double)p * p;
                else
                    d = lb * lb;
                if (ba->flagged && a->flagged)
                    d += 3000;
                int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
                if (abs(fit - a->fitness) > 1)
                    d += 100;
                d += a->demerits;
                if (d < best_d[fit]) {
                    best_d[fit] = d;
                    best[fit] = a;
                }
            }
            a = next;
        }
        size_t s2 = para_line_start_after(c, b);
        for (int f = 0; f < 4; f++) {
            if (!best[f])
                continue;
            Active *nn = cocom_arena_alloc(&arena, sizeof *nn);
            nn->pos = b;
            nn->line = best[f]->line + 1;
            nn->fitness = f;
            nn->demerits = best_d[f];
            nn->prev = best[f];
            nn->flagged = ba->flagged;
            nn->width = W[s2];
            nn->stretch = Y[s2];
            nn->shrink = Z[s2];
            nn->next = head;
            head = nn;
        }
    }
    /* After the final forced break only nodes ending there are active. */
    Active *all_last = NULL;
    for (Active *a = head; a; a = a->next)
        if (a->pos == n - 1 && (!all_last || a->demerits < all_last->demerits))
            all_last = a;
    int nb = 0;
    size_t *breaks = NULL;
    if (all_last) {
        for (Active *a = all_last; a && a->pos != (size_t)-1; a = a->prev)
            nb++;
        breaks = cocom_xmalloc(sizeof *breaks * (size_t)nb);
        int k = nb;
        for (Active *a = all_last; a && a->pos != (size_t)-1; a = a->prev)
            breaks[--k] = a->pos;
    }
    cocom_arena_reset(&arena);
    free(W);
    free(Y);
    free(Z);
    *breaks_out = breaks;
    return nb;
}
