/* marker.h — fo:marker and fo:retrieve-marker (XSL 1.1 §6.13.5, §6.13.6).
 *
 * A marker in the flow belongs to the area of its parent: the galley
 * copies each block's markers (the streamed flow frees its nodes) onto the
 * block's box.  As each page of the flow is placed, the boxes that have
 * areas on it are handed over in pre-order, each with whether its area on
 * this page is its first (is-first) and its last (is-last).  When the
 * page's static content is laid out, each fo:retrieve-marker in it is
 * replaced by the content of the marker its retrieve-class-name,
 * retrieve-position and retrieve-boundary choose.
 */
#ifndef COCOM_MARKER_H
#define COCOM_MARKER_H

#include <libxml/tree.h>

/* One fo:marker, copied into a document of its own (refcounted: a box
 * holds it, and the layout keeps the last one of each class seen). */
typedef struct CocomMarker {
    int refs;
    char *class_name;
    xmlDocPtr doc;
    xmlNodePtr node;            /* the copied fo:marker element */
} CocomMarker;

/* The markers of one formatting object (owned by its box). */
typedef struct CocomMarkers {
    CocomMarker **items;
    int n;
} CocomMarkers;

/* The markers of `node` — its fo:marker children, and those of the
 * inline objects in it (an inline's area lies in its block's lines), not
 * of its block children, which have boxes of their own — copied; NULL
 * when it has none.  Free with cocom_markers_free. */
CocomMarkers *cocom_markers_of(xmlNodePtr node);
void cocom_markers_free(CocomMarkers *m);

/* What the layout knows of markers: those on the current page, and the
 * last of each class on the pages before. */
typedef struct CocomMarkerState CocomMarkerState;

CocomMarkerState *cocom_marker_state_new(void);
void cocom_marker_state_free(CocomMarkerState *s);

/* A box with markers has an area on the current page; boxes come in
 * pre-order.  is_first: the area is the first its object made; is_last:
 * its last. */
void cocom_marker_page_add(CocomMarkerState *s, const CocomMarkers *m, int is_first, int is_last);

/* The page is done: its markers become the ones carried to later pages
 * (`sequence`: the page sequence it is in, counted across the document). */
void cocom_marker_page_end(CocomMarkerState *s, int sequence);

/* Does the subtree at n hold an fo:retrieve-marker? */
int cocom_marker_has_retrieve(xmlNodePtr n);

/* Replaces, in the subtree at `n` (a copy the caller owns), each
 * fo:retrieve-marker by an fo:wrapper holding a copy of the chosen
 * marker's children (an empty wrapper when none qualifies), so that they
 * inherit from the retrieve-marker's parent as the specification says.
 * `sequence`: the current page's page sequence. */
void cocom_marker_resolve(CocomMarkerState *s, xmlNodePtr n, int sequence);

#endif
