/* marker.c — see marker.h. */
#include "config.h"
#include "marker.h"
#include "fo-tree.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void marker_unref(CocomMarker *m)
{
    if (m && --m->refs == 0) {
        free(m->class_name);
        xmlFreeDoc(m->doc);
        free(m);
    }
}

static CocomMarker *marker_ref(CocomMarker *m)
{
    if (m)
        m->refs++;
    return m;
}

/* Copies one fo:marker into a document of its own: the node it comes
 * from may be freed (a streamed flow) long before a page retrieves it. */
static CocomMarker *marker_copy(xmlNodePtr node, const char *class_name)
{
    CocomMarker *m = cocom_xcalloc(1, sizeof *m);
    m->refs = 1;
    m->class_name = cocom_xstrdup(class_name);
    m->doc = xmlNewDoc((const xmlChar *)"1.0");
    m->node = xmlDocCopyNode(node, m->doc, 1);
    if (m->node)
        xmlDocSetRootElement(m->doc, m->node);
    return m;
}

static void markers_add(CocomMarkers **out, xmlNodePtr marker)
{
    const char *cls = fo_attr(marker, "marker-class-name");
    if (!cls || !*cls)
        return;   /* a marker without a class can never be retrieved */
    if (!*out)
        *out = cocom_xcalloc(1, sizeof **out);
    CocomMarkers *ms = *out;
    /* One marker of a class per object (§6.13.5): the first counts. */
    for (int i = 0; i < ms->n; i++)
        if (strcmp(ms->items[i]->class_name, cls) == 0)
            return;
    ms->items = cocom_xrealloc(ms->items, sizeof *ms->items * (size_t)(ms->n + 1));
    ms->items[ms->n++] = marker_copy(marker, cls);
}

static void markers_scan(CocomMarkers **out, xmlNodePtr node, int depth)
{
    if (depth > 50)
        return;
    for (xmlNodePtr c = node->children; c; c = c->next) {
        FoKind k = fo_kind(c);
        if (k == FO_MARKER)
            markers_add(out, c);
        else if (k != FO_NOT_FO && k != FO_FOOTNOTE && fo_kind_is_inline(k) && c->children)
            markers_scan(out, c, depth + 1);
    }
}

CocomMarkers *cocom_markers_of(xmlNodePtr node)
{
    CocomMarkers *ms = NULL;
    if (node && node->type == XML_ELEMENT_NODE)
        markers_scan(&ms, node, 0);
    return ms;
}

void cocom_markers_free(CocomMarkers *ms)
{
    if (!ms)
        return;
    for (int i = 0; i < ms->n; i++)
        marker_unref(ms->items[i]);
    free(ms->items);
    free(ms);
}

/* ---------------------------------------------------------------------- */
/* Markers on pages                                                         */

typedef struct {
    CocomMarker *m;             /* a reference */
    uint8_t is_first, is_last;
} PageMarker;

typedef struct {
    CocomMarker *m;             /* a reference */
    int sequence;
} LastMarker;

struct CocomMarkerState {
    PageMarker *page;           /* this page's, in pre-order of their areas */
    size_t npage, cappage;
    LastMarker *last;           /* the last of each class on the pages before */
    size_t nlast, caplast;
};

CocomMarkerState *cocom_marker_state_new(void)
{
    return cocom_xcalloc(1, sizeof(CocomMarkerState));
}

static void page_clear(CocomMarkerState *s)
{
    for (size_t i = 0; i < s->npage; i++)
        marker_unref(s->page[i].m);
    s->npage = 0;
}

void cocom_marker_state_free(CocomMarkerState *s)
{
    if (!s)
        return;
    page_clear(s);
    free(s->page);
    for (size_t i = 0; i < s->nlast; i++)
        marker_unref(s->last[i].m);
    free(s->last);
    free(s);
}

void cocom_marker_page_add(CocomMarkerState *s, const CocomMarkers *ms, int is_first, int is_last)
{
    if (!ms)
        return;
    for (int i = 0; i < ms->n; i++) {
        COCOM_GROW(s->page, s->cappage, s->npage + 1);
        s->page[s->npage++] = (PageMarker){marker_ref(ms->items[i]), (uint8_t)!!is_first, (uint8_t)!!is_last};
    }
}

void cocom_marker_page_end(CocomMarkerState *s, int sequence)
{
    /* Later in pre-order overrides earlier: the last of each class stays. */
    for (size_t i = 0; i < s->npage; i++) {
        CocomMarker *m = s->page[i].m;
        size_t k = 0;
        while (k < s->nlast && strcmp(s->last[k].m->class_name, m->class_name) != 0)
            k++;
        if (k == s->nlast) {
            COCOM_GROW(s->last, s->caplast, s->nlast + 1);
            s->nlast++;
        } else {
            marker_unref(s->last[k].m);
        }
        s->last[k] = (LastMarker){marker_ref(m), sequence};
    }
    page_clear(s);
}

typedef enum {
    POS_FIRST_STARTING, POS_FIRST_INCLUDING_CARRYOVER, POS_LAST_STARTING, POS_LAST_ENDING
} RetrievePosition;

typedef enum { BOUND_PAGE, BOUND_SEQUENCE, BOUND_DOCUMENT } RetrieveBoundary;

/* §6.13.6: the marker of the class on this page that the position picks;
 * failing that, the last one of the class on the pages before, as far
 * back as the boundary allows. */
static CocomMarker *retrieve(CocomMarkerState *s, const char *cls, RetrievePosition pos, RetrieveBoundary bound,
                             int sequence)
{
    int first = pos == POS_FIRST_STARTING || pos == POS_FIRST_INCLUDING_CARRYOVER;
    for (size_t j = 0; j < s->npage; j++) {
        size_t i = first ? j : s->npage - 1 - j;
        PageMarker *pm = &s->page[i];
        if (strcmp(pm->m->class_name, cls) != 0)
            continue;
        if ((pos == POS_FIRST_STARTING || pos == POS_LAST_STARTING) && !pm->is_first)
            continue;
        if (pos == POS_LAST_ENDING && !pm->is_last)
            continue;
        return pm->m;
    }
    if (bound == BOUND_PAGE)
        return NULL;
    for (size_t k = 0; k < s->nlast; k++)
        if (strcmp(s->last[k].m->class_name, cls) == 0)
            return bound == BOUND_DOCUMENT || s->last[k].sequence == sequence ? s->last[k].m : NULL;
    return NULL;
}

int cocom_marker_has_retrieve(xmlNodePtr n)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fo_kind(c) == FO_RETRIEVE_MARKER || cocom_marker_has_retrieve(c))
            return 1;
    }
    return 0;
}

static RetrievePosition position_of(const char *v)
{
    if (v && strcmp(v, "first-including-carryover") == 0)
        return POS_FIRST_INCLUDING_CARRYOVER;
    if (v && strcmp(v, "last-starting-within-page") == 0)
        return POS_LAST_STARTING;
    if (v && strcmp(v, "last-ending-within-page") == 0)
        return POS_LAST_ENDING;
    return POS_FIRST_STARTING;   /* the initial value */
}

static RetrieveBoundary boundary_of(const char *v)
{
    if (v && strcmp(v, "page") == 0)
        return BOUND_PAGE;
    if (v && strcmp(v, "document") == 0)
        return BOUND_DOCUMENT;
    return BOUND_SEQUENCE;   /* the initial value */
}

static void resolve_one(CocomMarkerState *s, xmlNodePtr rm, int sequence)
{
    const char *cls = fo_attr(rm, "retrieve-class-name");
    CocomMarker *m = cls && *cls ? retrieve(s, cls, position_of(fo_attr(rm, "retrieve-position")),
                                             boundary_of(fo_attr(rm, "retrieve-boundary")), sequence) : NULL;
    /* The retrieve-marker becomes a wrapper: its parent's properties pass
     * through it to the marker's children. */
    while (rm->properties)
        xmlRemoveProp(rm->properties);
    if (rm->children) {   /* an empty element: only stray white space */
        xmlNodePtr kids = rm->children;
        rm->children = rm->last = NULL;
        xmlFreeNodeList(kids);
    }
    xmlNodeSetName(rm, (const xmlChar *)"wrapper");
    rm->_private = NULL;   /* its kind, cached, is now another */
    if (m && m->node && m->node->children) {
        xmlNodePtr copy = xmlDocCopyNodeList(rm->doc, m->node->children);
        if (copy)
            xmlAddChildList(rm, copy);
    }
}

void cocom_marker_resolve(CocomMarkerState *s, xmlNodePtr n, int sequence)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fo_kind(c) == FO_RETRIEVE_MARKER)
            resolve_one(s, c, sequence);
        else
            cocom_marker_resolve(s, c, sequence);
    }
}
