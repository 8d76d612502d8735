/* refs.c — see refs.h. */
#include "config.h"
#include "refs.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Where ids fall                                                           */

static void map_free_values(CocomMap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            free((char *)m->values[i]);
    cocom_map_clear(m);
}

void cocom_refs_clear(CocomRefs *r)
{
    map_free_values(&r->first);
    map_free_values(&r->last);
}

static int map_equal(const CocomMap *a, const CocomMap *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->cap; i++) {
        if (!a->keys[i])
            continue;
        intptr_t v;
        if (!cocom_map_get(b, a->keys[i], &v) || strcmp((const char *)v, (const char *)a->values[i]) != 0)
            return 0;
    }
    return 1;
}

int cocom_refs_equal(const CocomRefs *a, const CocomRefs *b)
{
    return map_equal(&a->first, &b->first) && map_equal(&a->last, &b->last);
}

static void map_put(CocomMap *m, const char *key, const char *value, int overwrite)
{
    intptr_t old;
    if (cocom_map_get(m, key, &old)) {
        if (!overwrite)
            return;
        free((char *)old);
    }
    cocom_map_set(m, key, (intptr_t)cocom_xstrdup(value));
}

/* ---------------------------------------------------------------------- */
/* The table                                                                */

void reftable_init(RefTable *t, CocomContext *ctx, const char *file, const CocomRefs *known)
{
    memset(t, 0, sizeof *t);
    t->ctx = ctx;
    t->file = file;
    t->known = known;
}

void reftable_clear(RefTable *t)
{
    for (size_t i = 0; i < t->nanchors; i++)
        free((char *)t->anchors[i]);
    for (size_t i = 0; i < t->nlinks; i++)
        free((char *)t->links[i].target);
    free(t->anchors);
    free(t->links);
    cocom_map_clear(&t->anchor_index);
    cocom_map_clear(&t->link_index);
    cocom_refs_clear(&t->rec);
    free(t->cites);
    memset(t, 0, sizeof *t);
}

int reftable_anchor(RefTable *t, const char *id)
{
    intptr_t v;
    if (cocom_map_get(&t->anchor_index, id, &v))
        return (int)v;
    COCOM_GROW(t->anchors, t->capanchors, t->nanchors + 1);
    t->anchors[t->nanchors] = cocom_xstrdup(id);   /* the node may go */
    cocom_map_set(&t->anchor_index, id, (intptr_t)t->nanchors);
    return (int)t->nanchors++;
}

const char *reftable_anchor_id(const RefTable *t, int a)
{
    return a >= 0 && (size_t)a < t->nanchors ? t->anchors[a] : NULL;
}

int reftable_link(RefTable *t, const char *target, int is_uri)
{
    char key[1024];
    snprintf(key, sizeof key, "%c%s", is_uri ? 'u' : 'd', target);
    intptr_t v;
    if (cocom_map_get(&t->link_index, key, &v))
        return (int)v;
    COCOM_GROW(t->links, t->caplinks, t->nlinks + 1);
    t->links[t->nlinks] = (struct RefLink){cocom_xstrdup(target), is_uri};
    cocom_map_set(&t->link_index, key, (intptr_t)t->nlinks);
    return (int)t->nlinks++;
}

const char *reftable_link_target(const RefTable *t, int link, int *is_uri)
{
    if (link < 0 || (size_t)link >= t->nlinks)
        return NULL;
    *is_uri = t->links[link].uri;
    return t->links[link].target;
}

const char *reftable_citation(RefTable *t, const char *id, int last, int in_static, long line, int *cite)
{
    *cite = 0;
    if (!in_static)
        t->flow_citations++;
    if (in_static) {
        /* The id interned as an anchor's is (one string per id); a
         * handful of (id, first or last) per document: a list is enough. */
        int a = reftable_anchor(t, id);   /* (may move t->anchors) */
        const char *interned = t->anchors[a];
        size_t i = 0;
        while (i < t->ncites && !(t->cites[i].id == interned && t->cites[i].last == last))
            i++;
        if (i == t->ncites) {
            COCOM_GROW(t->cites, t->capcites, t->ncites + 1);
            t->cites[t->ncites++] = (struct RefCite){interned, last};
        }
        *cite = (int)i + 1;
    }
    if (in_static && t->cite_digits > 0 && !t->known) {
        /* An id met already ("see page 4" in a running head) has its
         * first page now: when that cannot fill the zeros, say so at once
         * rather than after the last page. */
        intptr_t v;
        if (!last && cocom_map_get(&t->rec.first, id, &v)) {
            size_t n = strlen((const char *)v);
            if (n != (size_t)t->cite_digits || strspn((const char *)v, "0123456789") != n)
                t->cite_hopeless = 1;
        }
        static const char zeros[CITE_MAX_DIGITS + 1] = "000000000";
        int d = t->cite_digits < CITE_MAX_DIGITS ? t->cite_digits : CITE_MAX_DIGITS;
        return zeros + (CITE_MAX_DIGITS - d);
    }
    intptr_t v;
    if (t->known && cocom_map_get(last ? &t->known->last : &t->known->first, id, &v))
        return (const char *)v;
    if (t->known) {
        char key[300];
        snprintf(key, sizeof key, "cite:%s", id);
        if (cocom_report_once(t->ctx, key))
            cocom_report(t->ctx, COCOM_SEVERITY_WARNING, t->file, line,
                         "a page-number-citation refers to '%s', which no element has as its id; it shows '?'", id);
        return "?";
    }
    return NULL;
}

const char *reftable_page_number_mark(RefTable *t, char *key, size_t size)
{
    snprintf(key, size, "\x01%ld", t->page_marks++);
    t->flow_citations++;   /* a number can move breaks, as a citation's can */
    intptr_t v;
    if (t->known && cocom_map_get(&t->known->first, key, &v))
        return (const char *)v;
    return NULL;
}

void reftable_record(RefTable *t, const char *id, const char *page_text, int which)
{
    if (which & REF_FIRST)
        map_put(&t->rec.first, id, page_text, 0);
    if (which & REF_LAST)
        map_put(&t->rec.last, id, page_text, 1);
}

void reftable_take(RefTable *t, CocomRefs *out)
{
    *out = t->rec;
    memset(&t->rec, 0, sizeof t->rec);
}

/* ---------------------------------------------------------------------- */
/* Page numbers                                                             */


static void to_roman(int n, CocomBuf *b, int upper)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *up[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    static const char *lo[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    if (n <= 0 || n >= 5000) {
        cocom_buf_printf(b, "%d", n);
        return;
    }
    for (int i = 0; i < 13; i++)
        while (n >= val[i]) {
            cocom_buf_puts(b, upper ? up[i] : lo[i]);
            n -= val[i];
        }
}

static void to_alpha(int n, CocomBuf *b, char base)
{
    char tmp[16];
    int k = 0;
    if (n <= 0) {
        cocom_buf_printf(b, "%d", n);
        return;
    }
    while (n > 0 && k < 15) {
        n--;
        tmp[k++] = (char)(base + n % 26);
        n /= 26;
    }
    while (k > 0)
        cocom_buf_putc(b, tmp[--k]);
}

char *cocom_format_page_number(int n, const char *format, const char *sep, int group)
{
    CocomBuf b = {0};
    const char *f = format && *format ? format : "1";
    /* The format token: its alphanumeric part; punctuation around it is kept. */
    const char *t = f;
    while (*t && !g_ascii_isalnum(*t))
        cocom_buf_putc(&b, *t++);
    const char *tend = t;
    while (*tend && g_ascii_isalnum(*tend))
        tend++;
    size_t tl = (size_t)(tend - t);
    if (tl == 1 && *t == 'i')
        to_roman(n, &b, 0);
    else if (tl == 1 && *t == 'I')
        to_roman(n, &b, 1);
    else if (tl == 1 && *t == 'a')
        to_alpha(n, &b, 'a');
    else if (tl == 1 && *t == 'A')
        to_alpha(n, &b, 'A');
    else {
        int width = (tl > 1 && *t == '0') ? (int)tl : 1;
        char digits[32];
        snprintf(digits, sizeof digits, "%0*d", width, n);
        if (sep && *sep && group > 0) {
            size_t dl = strlen(digits);
            for (size_t i = 0; i < dl; i++) {
                cocom_buf_putc(&b, digits[i]);
                size_t left = dl - i - 1;
                if (left > 0 && left % (size_t)group == 0)
                    cocom_buf_puts(&b, sep);
            }
        } else {
            cocom_buf_puts(&b, digits);
        }
    }
    cocom_buf_puts(&b, tend);
    return cocom_buf_steal(&b);
}
