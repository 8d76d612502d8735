/* area.h — a finished page: what layout hands the renderer.
 *
 * A page is a flat list of paint operations in reading order, with the
 * structure (tags) and navigation (links, destinations) interleaved, so
 * that the renderer is a simple loop and needs nothing else.  Everything a
 * page points to belongs to the page (its arena and its lines), so pages
 * are freed one at a time and memory does not grow with the document.
 * Coordinates are points from the page's top-left corner, y downwards.
 */
#ifndef COCOM_AREA_H
#define COCOM_AREA_H

#include "para.h"

typedef enum {
    AOP_LINE,           /* lines[line] with its start edge at x and its baseline at y */
    AOP_RECT,           /* a filled rectangle (backgrounds) */
    AOP_BORDER,         /* a border side from (x, y) to (x + w, y + h); thickness in `width` */
    AOP_IMAGE,          /* an image scaled into (x, y, w, h) */
    AOP_DEST,           /* the named destination `str` at (x, y) */
    AOP_TAG_BEGIN,      /* a structure element `str` ("P", "H1", "Table" ...) begins; alt text in `alt` */
    AOP_TAG_END,
    AOP_ARTIFACT_BEGIN, /* page furniture (running headers, rules) begins */
    AOP_ARTIFACT_END,
    AOP_CLIP_BEGIN,     /* clip to (x, y, w, h) until the matching AOP_CLIP_END */
    AOP_CLIP_END
} AreaOpType;

typedef struct {
    uint8_t type;       /* AreaOpType */
    uint8_t style;      /* AOP_BORDER: FoBorderStyle */
    double x, y, w, h;
    double width;       /* AOP_BORDER: the thickness */
    FoColor color;
    int line;           /* AOP_LINE: index into CocomPage.lines */
    const char *str;    /* in the page's arena */
    const char *alt;    /* AOP_TAG_BEGIN: alternative text (figures) or NULL */
    void *image;        /* AOP_IMAGE: a CocomImage (owned by the image cache) */
} AreaOp;

/* Where the links of a page's lines lead (a line's runs name them by the
 * layout's link index). */
typedef struct {
    int index;
    const char *target; /* a URI, or a destination (an id) */
    uint8_t uri;
} PageLink;

typedef struct CocomPage {
    double width, height;
    int index;          /* 1-based, across the whole document */
    int number;         /* the page number as counted by its page-sequence */
    const char *number_text;   /* formatted, e.g. "iv" */
    AreaOp *ops;
    size_t nops, capops;
    ParaLine *lines;    /* owned */
    size_t nlines, caplines;
    PageLink *links;
    size_t nlinks, caplinks;
    CocomArena arena;
} CocomPage;

/* Appends an operation and returns it (zeroed apart from the type). */
AreaOp *cocom_page_op(CocomPage *page, AreaOpType type);
/* The same for any growing list of operations (a placer's, before they
 * go on the page): a zeroed operation of `type` appended, with no line. */
AreaOp *cocom_ops_push(AreaOp **ops, size_t *n, size_t *cap, AreaOpType type);

/* Where link `index` of a run leads, or NULL. */
const PageLink *cocom_page_link(const CocomPage *page, int index);

/* Takes ownership of a line's contents (*line is cleared) and returns its index. */
int cocom_page_add_line(CocomPage *page, ParaLine *line);

void cocom_page_free(CocomPage *page);

#endif
