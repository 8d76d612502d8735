/* galley.h — formatting objects to a galley of items (stage 5, part 1).
 *
 * The flow of a page sequence, the content of a static region or of a
 * table cell is turned, lazily and in order, into a vertical list of items
 * in the manner of TeX's boxes, glue and penalties:
 *
 *   IT_START / IT_END   a block-level box opens or closes (its border and
 *                       padding before / after are the item's height);
 *   IT_SPACE            a space specifier (space-before / space-after),
 *                       resolved against its neighbours when placed;
 *   IT_LINE             a line of text (a composed ParaLine);
 *   IT_ROW              a table row (or rows joined by spanning cells) or a
 *                       list item: cells side by side, each with its own
 *                       item list, split between lines when a page breaks;
 *   IT_BREAK            a forced page break (break-before / break-after).
 *
 * Lines and rows are "content"; every content item carries the penalty of
 * a page break just before it, from keeps (keep-together of the blocks
 * around the break, keep-with-next and keep-with-previous of the blocks
 * that end or begin there) and from widows and orphans.  Pagination
 * (pagination.c) chooses breaks; nothing here knows about pages except the
 * page number that fo:page-number prints.
 *
 * x coordinates are relative to the start edge of the reference area the
 * galley was made for (the region body, a region, a table cell).
 */
#ifndef COCOM_GALLEY_H
#define COCOM_GALLEY_H

#include <libxml/tree.h>
#include "area.h"
#include "fo-props.h"
#include "fo-tree.h"
#include "marker.h"
#include "refs.h"

/* Break penalties: 0 free .. KEEP_ALWAYS; FORCED breaks. */
#define KEEP_ALWAYS 1000000
#define PENALTY_FORCED (-1000000)

/* A block-level box: what is drawn around and behind its content. */
typedef struct LBox {
    int refs;
    FoKind kind;
    double x0, x1;              /* border-box start and end edges */
    FoBorder border[4];         /* FO_BEFORE .. FO_END */
    double padding[4];
    uint8_t padding_discard[2]; /* before, after */
    FoColor background;
    const char *id;             /* where its first area is, for citations and links */
    const char *role;           /* the structure element it begins ("P", "H2", "Table" ...) or NULL */
    const char *alt;
    double min_height;          /* block-container's height, 0 when auto */
    uint8_t artifact;           /* decoration only */
    uint8_t collapsed;          /* a table cell in the collapsing model: borders straddle its edges */
    uint8_t id_only;            /* only marks where an id falls (a table-body's, a wrapper's ...): nothing drawn */
    CocomMarkers *markers;      /* the fo:markers its object holds (owned), or NULL */
    double body_w;              /* the flow's width its end edge x1 is for, which moves with
                                 * the flow's (galley_set_width); 0 when it stays */
} LBox;

LBox *lbox_ref(LBox *b);
void lbox_unref(LBox *b);

typedef enum { IT_LINE, IT_SPACE, IT_START, IT_END, IT_ROW, IT_BREAK } ItemType;

struct Row;
struct Notes;

typedef struct Item {
    uint8_t type;               /* ItemType */
    uint8_t break_kind;         /* IT_BREAK: FO_BREAK_COLUMN, _PAGE, _ODD_PAGE, _EVEN_PAGE */
    uint8_t span_all;           /* made for a span="all" block of a flow set in columns (it and all in it) */
    int32_t penalty;            /* content items: cost of a break just before */
    double height;              /* LINE: ascent + descent; START/END: border + padding; ROW: whole */
    double x;                   /* LINE: the start edge of its content box */
    LBox *box;                  /* START/END: the box (one reference each) */
    FoSpace space;              /* IT_SPACE */
    ParaLine line;              /* IT_LINE (owned) */
    struct Row *row;            /* IT_ROW (owned) */
    struct Notes *notes;        /* IT_LINE: the footnote bodies it cites (owned), or NULL */
    struct ParaSrc *para;       /* IT_LINE of a flow: its paragraph, kept to compose
                                 * the rest again at another width (a reference) */
    int para_index;             /* ... the line's index in it */
} Item;

void item_clear(Item *it);

typedef struct ItemList {
    Item *items;
    size_t n, cap;
} ItemList;

void item_list_clear(ItemList *l);

/* The bodies of the footnotes a line cites, each laid out whole for the
 * foot of the page the citation lands on (XSL 1.1 §6.10.3).  Owned by the
 * line's item; a row's lines keep theirs, and are placed in their cells. */
typedef struct Notes {
    int n;
    ItemList *bodies;
} Notes;

void notes_free(Notes *n);
/* Moves every body of `from` to the end of *to (created when NULL);
 * frees `from`. */
void notes_append(Notes **to, Notes *from);

/* A cell of a row: a column span of a table row, or a list item's label
 * or body. */
typedef struct Cell {
    LBox *box;                  /* borders, padding and background of the cell */
    double x0, x1;              /* border-box edges */
    int row_span;               /* rows it spans within its row group */
    int first_row;              /* its first row within the group */
    uint8_t display_align;      /* FoDisplayAlign */
    uint8_t is_label;           /* a list-item-label: shown on the first part only */
    const char *role;           /* list parts: the structure type the FO names
                                 * (static), or NULL for Lbl / LBody */
    ItemList content;           /* its items (content box relative coordinates are absolute x) */
    size_t pos;                 /* how much has been placed on earlier pages */
    int started;                /* placed on an earlier page */
} Cell;

struct Table;

typedef struct Row {
    int ncells;
    Cell *cells;
    int nrows;                  /* table rows joined by spanning cells */
    double *row_heights;        /* of each joined row (minimum heights as given) */
    const char **roles;         /* each joined row's structure type the FO names
                                 * (static strings; NULL: TR, or LI for a list
                                 * item), or NULL for all the defaults */
    LBox *box;                  /* the row's background, or NULL */
    struct Table *table;        /* NULL for list items */
    uint8_t table_weak;         /* a row the table keeps itself (its header or
                                 * footer): no reference, or they would keep
                                 * each other alive */
    uint8_t is_header, is_footer;
    int32_t keep_inside;        /* penalty of splitting the row */
    uint8_t has_break;          /* a cell holds a forced break (IT_BREAK), maybe in a nested row */
    int continued;              /* parts already placed on earlier pages */
    uint8_t repeated;           /* a header or footer repeated at a break: its ids are where it was first */
} Row;

/* What a table keeps while its rows are being paginated: the header and
 * footer rows, repeated at breaks. */
typedef struct Table {
    int refs;
    ItemList header;            /* IT_ROW items */
    ItemList footer;
    double header_height, footer_height;
    uint8_t omit_header_at_break, omit_footer_at_break;
    long line;                  /* the fo:table's line, for messages */
    char *header_id, *footer_id;/* the ids of its header and footer (owned), or NULL:
                                 * where they are repeated, their pages count too */
    int body_rows_placed;       /* body rows already on earlier pages */
} Table;

/* What the galley needs from outside: where messages go, the page number
 * fo:page-number prints, and the page numbers of ids for citations. */
typedef struct GalleyEnv {
    CocomContext *ctx;
    const char *file;
    struct RefTable *refs;          /* ids, links, citations (the layout's) */
    const char *base_dir;           /* the FO document's folder, for relative image addresses */
    const char *page_number_text;   /* the current page's number, formatted */
    int in_static;                  /* static content: no citations recorded */
    double note_width;              /* the region-body's width, footnote bodies' reference area */
} GalleyEnv;

typedef struct Galley Galley;

/* A galley over the children of `container` (a flow, static-content,
 * table cell, list-item label or body), whose computed style is `style`,
 * in a reference area whose start edge is at x0 and which is `width`
 * points wide. */
Galley *galley_new(GalleyEnv *env, xmlNodePtr container, const FoStyle *style, double x0, double width);
void galley_free(Galley *g);

struct FoInput;
/* The container's children come from `input` (fo_input_next_flow_child)
 * rather than from its child list: the flow of a streamed document. */
void galley_set_input(Galley *g, struct FoInput *input);

/* The i-th item not yet taken (generating as needed), or NULL when the
 * galley has fewer. */
Item *galley_peek(Galley *g, size_t i);

/* Takes the first n items: they are moved into `out` (appended) or, when
 * out is NULL, freed. */
void galley_take(Galley *g, size_t n, ItemList *out);

/* A deep copy of a row, fresh for placing (headers and footers are
 * placed on every page, and placing consumes a row). */
Row *galley_row_copy(const Row *src);

/* Generates everything into `out` (for cells and static content). */
void galley_run(Galley *g, ItemList *out);

/* A flow whose pages may differ in width: its paragraphs are kept (while a
 * line of them waits) so that they can be composed again. */
void galley_set_relayable(Galley *g);

/* The flow goes on in a reference area `width` wide (XSL 1.1 §4.2: lines
 * are formatted for the area they are placed in): what waits in the queue
 * and all that follows is laid out for it — the rest of a paragraph is
 * composed again, blocks that are open or waiting keep their start edge
 * and move their end edge with the area's, as do the frames from which
 * the rest will come.  What is fixed is left: block-containers of a given
 * width, table rows and list items already made (their cells were laid
 * out for the width before), the columns of a table begun.  Returns the
 * number of such rows and tables left as they were. */
int galley_set_width(Galley *g, double width);

/* The width the galley lays out for now. */
double galley_width(const Galley *g);
/* A flow set in columns: `width` is the region-body's whole width, which
 * its span="all" children take while the rest is laid out at the column's
 * (galley_set_width); their items are marked span_all.  0, or a width no
 * wider than the column's, for a flow of one column.  Takes effect for
 * children begun after the call. */
void galley_set_span_width(Galley *g, double width);

/* Resolves a gap of items between two content items: the height of the
 * spaces and boxes in items[from, to).  at_top: the gap begins a reference
 * area (conditional spaces before the first border or padding go);
 * at_bottom: it ends one (conditional spaces after the last go). */
double gap_height(const Item *items, size_t from, size_t to, int at_top, int at_bottom);

#endif
