/* pagination-impl.h — private to pagination's own files; nothing else
 * includes it.  See layout.h for what the layout offers.
 *
 * Pagination takes the galley's items (galley.h) and makes pages, in six
 * files along what it decides:
 *
 *   pagination.c          the driver: page sequences, a page begun and ended,
 *                         one page of the flow, the interface of layout.h;
 *   pagination-masters.c  page masters: the simple-page-masters' regions,
 *                         and the page-sequence-master that chooses each page's;
 *   pagination-fit.c      fitting items into a height: where to break, keeps,
 *                         rows split between lines, repeated headers and footers;
 *   pagination-place.c    placing what fits: boxes, lines and rows as page
 *                         operations with their tags, and the static content;
 *   pagination-notes.c    footnotes at the foot of the page, and their separator;
 *   pagination-columns.c  pages of columns: filling and balancing them.
 *
 * The functions below are the ones those files call in one another; they
 * carry the prefix pag_ because they are global symbols of libcocom.
 */
#ifndef COCOM_PAGINATION_IMPL_H
#define COCOM_PAGINATION_IMPL_H

#include "layout.h"
#include "galley.h"
#include "font.h"
#include "fo-input.h"
#include "marker.h"

#define A4_WIDTH (210.0 / 25.4 * 72)
#define A4_HEIGHT (297.0 / 25.4 * 72)
#define EPS 0.01

/* ---------------------------------------------------------------------- */
/* The layout                                                               */

typedef struct {
    double x, y, w, h;
} Rect;

typedef struct {
    xmlNodePtr master;          /* fo:simple-page-master */
    FoStyle *style;
    double width, height;
    Rect body;                  /* region-body's content rectangle */
    Rect body_area;             /* ... and its border box (inside its margins), where its background goes */
    Rect regions[4];            /* before, after, start, end (w == 0: absent) */
    xmlNodePtr region_nodes[4];
    FoStyle *region_styles[4];
    FoStyle *body_style;
    const char *region_names[5];/* body, before, after, start, end */
    int ncols;                  /* the region-body's columns (column-count), 1 or more */
    double col_w, col_gap;      /* each column's width, and the gap between two */
} Master;

/* One open box carried from page to page. */
typedef struct {
    LBox *box;
} OpenBox;

struct CocomLayout {
    CocomContext *ctx;
    FoInput *input;
    xmlNodePtr root;
    const char *file;
    char *base_dir;
    FoResolver resolver;
    FoStyle *root_style;
    CocomMap master_nodes;      /* master-name -> xmlNodePtr */
    Master *masters;            /* simple page masters, computed once */
    size_t nmasters, capmasters;
    /* Page sequences */
    xmlNodePtr seq;
    int leading_blank;          /* auto-odd/auto-even: a blank page first */
    FoStyle *seq_style;
    FoStyle *flow_style;
    Galley *flow;
    GalleyEnv env;
    char *page_text;            /* the current page's number, formatted */
    int seq_started;
    int seq_pages;              /* pages of this sequence so far */
    int seq_ended;
    int page_index;             /* pages so far, whole document */
    int page_number;            /* the next page's number */
    int pending_parity;         /* FO_BREAK_ODD_PAGE / EVEN: the next flow page must be so */
    /* page-sequence-master state */
    xmlNodePtr psm;             /* fo:page-sequence-master or NULL */
    xmlNodePtr sub;             /* the current sub-sequence specifier */
    int sub_used;               /* pages taken from it */
    /* Boxes open across the page break, outermost first. */
    LBox **open;
    size_t nopen, capopen;
    RefTable xref;              /* ids, links and citations */
    CocomDocInfo info;
    xmlNodePtr bookmarks;
    int done;
    int warned_width;
    double flow_width;
    int dry_run;                /* a first pass: no static content */
    int stalled;                /* a page could not move the flow on: the layout stops */
    CocomMarkerState *markers;  /* fo:markers on this page and the last of each class before */
    Notes *notes_pending;       /* footnote bodies (or their rests) waiting for the next page's foot */
    /* Fitting the flow into a page: the footnotes its lines cite need room
     * at its foot, h0 (those carried from the page before) to begin with,
     * and the separator (page_separator) above the first. */
    struct { int on; double h0; } fit_notes;
    /* The page's footnote separator, laid out when a footnote first needs
     * it (most pages have none): its items, height and width. */
    struct { int made; double h, w; ItemList items; } sep;
    /* Placing the flow on a page: each line or row placed that cites
     * footnotes places their bodies at y, in the room left, right after
     * itself in reading order; once one waits (held) the rest wait. */
    struct {
        int on, untagged, placed, held;
        double y, room;
        size_t *spans;          /* [from, to) of the placer's content ops and fragments, 4 a body */
        size_t nspans, capspans;
    } pn;
    int seq_count;              /* page sequences begun, for retrieve-boundary="page-sequence" */
};

/* ---------------------------------------------------------------------- */
/* Fitting and placing                                                      */

/* Fitting items into a height                                              */

typedef struct {
    Item *(*get)(void *src, size_t i);
    void *src;
} Source;

/* A run of the flow on a page of columns: its items from `from` up to,
 * not including, `limit` (RUN_OPEN: as far as the flow goes). */
#define RUN_OPEN ((size_t)-1)
typedef struct {
    Galley *g;
    size_t from, limit;
} RunSrc;

typedef struct {
    ItemList *list;
    size_t from;
} ListSrc;

typedef struct {
    size_t cut;         /* items [0, cut) are placed whole */
    double height;      /* of the part */
    int32_t penalty;
    int split;          /* the item at `cut` is a row, split: its part is split_height tall */
    int split_forced;   /* ... split whatever its keeps, being alone on the page */
    double split_height;
    int exhausted;      /* everything fitted */
    uint8_t break_kind; /* a forced break ended the part */
    uint8_t top_break;  /* a forced break before any content (for odd/even pages) */
    int overflow;       /* an item taller than the space was placed anyway */
    double notes_height;/* Source.notes: the footnotes' room the part needs, separator included */
} Fit;

/* Placing items on a page                                                  */

typedef struct {
    LBox *box;
    double top, bottom;
    int cont_top, cont_bottom;  /* continued from the page before / onto the next */
    int done;
    double dx;                  /* the placer's origin when it was opened (its column's) */
} Fragment;

/* ---------------------------------------------------------------------- */

typedef struct {
    CocomLayout *l;
    CocomPage *page;
    Fragment *frags;
    size_t nfrags, capfrags;
    AreaOp *content;            /* ops in reading order, appended after the decorations */
    size_t ncontent, capcontent;
    double dx;                  /* x of the reference area's origin on the page */
    int in_static;
    int repeating;              /* placing a table's header or footer again at a break: untagged */
} Placer;

/* ---------------------------------------------------------------------- */
/* What the files share                                                     */

/* pagination.c: pages begun and ended, the flow */
void pag_record_id(CocomLayout *l, const char *id);
CocomPage *pag_page_new(CocomLayout *l, Master *m);
void pag_page_done(CocomLayout *l, CocomPage *page, Master *m);
int pag_header_fits(CocomLayout *l, Table *t, Item *head, double body_h);
Item *pag_flow_content(Galley *flow);
void pag_open_carried(CocomLayout *l, Placer *p, double y);
void pag_carry_open(CocomLayout *l, Placer *p, double y);
void pag_page_markers(CocomLayout *l, Placer *p);
double pag_place_fit(CocomLayout *l, Placer *p, const Fit *f, double y, ItemList *taken);
CocomPage *pag_flow_page_end(CocomLayout *l, Placer *p, CocomPage *page, Master *m, double area_top, double sep);

/* pagination-masters.c */
FoStyle *pag_style_of(CocomLayout *l, xmlNodePtr node, const FoStyle *parent);
Master *pag_master_get(CocomLayout *l, xmlNodePtr spm);
void pag_masters_free(CocomLayout *l);
xmlNodePtr pag_master_named(CocomLayout *l, const char *name, xmlNodePtr from);
xmlNodePtr pag_master_choose(CocomLayout *l, int first, int last, int blank);
void pag_master_advance(CocomLayout *l);

/* pagination-fit.c */
Item *pag_queue_get(void *src, size_t i);
Item *pag_run_get(void *src, size_t i);
Item *pag_list_get(void *src, size_t i);
double pag_cell_top(const Cell *c);
double pag_cell_bottom(const Cell *c, int continues);
Table *pag_header_repeats_above(const Row *r);
Table *pag_cell_repeats_header(const Cell *c);
double pag_cell_header(const Cell *c);
double pag_footer_at_break(const Table *t, double H);
int pag_row_split(CocomLayout *l, Row *r, double avail, int force, double *part, int32_t *pen);
void pag_fit_items(CocomLayout *l, Source *s, double H, int allow_overflow, Fit *out);

/* pagination-place.c */
AreaOp *pag_content_op(Placer *p, AreaOpType type);
double pag_place_repeated(Placer *p, const ItemList *rows, const char *id, double y);
double pag_row_remaining(CocomLayout *l, Row *r);
double pag_place_items(Placer *p, ItemList *list, size_t from, size_t cut, int split, int forced,
                       double split_h, double y, int at_top, int at_bottom);
void pag_placer_finish(Placer *p);
xmlNodePtr pag_static_for(CocomLayout *l, const char *region_name);
void pag_place_static(CocomLayout *l, CocomPage *page, Master *m);

/* pagination-notes.c */
double pag_notes_height(CocomLayout *l, const Notes *n);
double pag_item_notes_height(CocomLayout *l, const Item *it);
void pag_place_notes(Placer *p, Notes *notes);
void pag_notes_shift(Placer *p, double dy);
double pag_page_separator(CocomLayout *l);
void pag_page_separator_clear(CocomLayout *l);
double pag_notes_open(CocomLayout *l, Placer *p, Master *m, double room, double *sep, double *area_h);
void pag_place_separator(CocomLayout *l, CocomPage *page, Master *m, ItemList *items, double y);

/* pagination-columns.c */
CocomPage *pag_flow_page_columns(CocomLayout *l, Master *m, CocomStatus *status);

#endif
