/* galley-impl.h — private to the galley's own files; nothing else
 * includes it.  See galley.h for what the galley offers.
 *
 * The galley is one generator in five files, split along what it turns
 * into items:
 *
 *   galley.c         the generator: frames, blocks, the step that walks the
 *                    formatting objects, and the interface of galley.h;
 *   galley-items.c   boxes, items and their lists: reference counts, freeing,
 *                    copying, and the height of the spaces between them;
 *   galley-inline.c  inline content: collecting a paragraph's text and
 *                    styles, composing its lines (para.h), footnotes, and
 *                    composing a kept paragraph again at a new width;
 *   galley-table.c   rows: table cells and list items, row groups, headers
 *                    and footers, collapsed borders, one table step at a time;
 *   galley-widths.c  a table's columns: counting them, measuring content for
 *                    automatic layout, and sharing out the width.
 *
 * The functions below are the ones those files call in one another; they
 * carry the prefix gal_ because they are global symbols of libcocom.
 */
#ifndef COCOM_GALLEY_IMPL_H
#define COCOM_GALLEY_IMPL_H

#include "galley.h"
#include "font.h"
#include "image.h"
#include "fo-input.h"

/* ---------------------------------------------------------------------- */
/* The generator's state                                                    */

typedef enum {
    FR_CONTAINER,   /* the galley's own container (flow, cell ...) */
    FR_BLOCK,       /* block, block-container, list-block, table-and-caption ... */
    FR_WRAPPER,     /* a wrapper or an object laid out in place: no box */
    FR_TABLE,       /* a table: rows come one group at a time */
    FR_LIST         /* a list-block: its items become rows */
} FrameKind;

typedef struct TableState TableState;

typedef struct {
    FrameKind kind;
    xmlNodePtr node;
    xmlNodePtr next;            /* the next child to visit */
    FoStyle *style;             /* this FO's computed style (owned) */
    FoStyle *child_parent;      /* the parent style for its children (== style, or a copy) */
    LBox *box;                  /* when it has one (the END is emitted on close) */
    double ref_x0, ref_w;       /* the reference area of its children's indents */
    double cx0, cx1;            /* its content box (for lines) */
    int32_t keep_together;      /* as a penalty */
    int32_t kt_prefix;          /* the max over this frame and those below */
    int first_lines_done;       /* text-indent only applies to the first line of the block */
    TableState *table;
    uint8_t follows;            /* its reference area and content end move with the flow's width */
    uint8_t span_all;           /* a span="all" child of a flow on a page of columns, and all in it */
} Frame;

struct Galley {
    GalleyEnv *env;
    CocomContext *ctx;
    ItemList queue;
    size_t head;
    Frame *frames;
    int nframes;
    size_t capframes;
    int done;
    /* Keeps between the last content item and the next. */
    int have_content;
    int min_depth;              /* shallowest frame depth since the last content item */
    int32_t kwn, kwp;           /* keep-with-next / -previous collected since then */
    int level;                  /* nesting of galleys (cells), to bound recursion */
    FoInput *input;             /* a streamed flow: the container's children */
    int input_done;
    uint8_t in_table_cell;      /* in a table cell, however deep: words too wide are cut (ParaInput.cut_long_words) */
    uint8_t relayable;          /* a flow whose pages may differ in width: paragraphs are kept (ParaSrc) */
    double width;               /* the width of the container's reference area now */
    double region_x1;           /* the end edge of the outermost galley's area (a region): how far a word may overflow */
    double span_w;              /* a flow set in columns: the region-body's whole width, which the
                                 * flow's span="all" children take (galley_set_span_width); else 0 */
};

typedef struct {
    double width;               /* resolved */
    double min, max;            /* content widths for automatic layout */
    FoLength spec;              /* column-width as given */
    FoStyle *style;             /* the table-column's style, or NULL */
} Column;

struct TableState {
    FoStyle *style;
    Table *table;
    Column *cols;
    int ncols;
    double x0, width;           /* the table's border box */
    double spacing_h, spacing_v;/* border-separation (separate model) */
    int collapse;
    FoBorder tborder[4];        /* the table's own borders, for collapsing */
    xmlNodePtr section;         /* the table-body being read */
    xmlNodePtr next_row;        /* its next child */
    FoStyle *section_style;
    int *span_left;             /* rows still covered per column by cells above */
    int body_rows;              /* rows emitted so far */
    int started_body;
    xmlNodePtr *bodies;
    int nbodies, body_index;
    LBox *body_id;              /* the id box of the table-body being read, or NULL */
};

/* ---------------------------------------------------------------------- */
/* What the files share                                                     */

/* galley.c: frames, boxes, items emitted, blocks */
int32_t gal_keep_penalty(int32_t strength);
int32_t gal_keep_of(const FoKeep *k);
FoStyle *gal_style_new(Galley *g, xmlNodePtr node, const FoStyle *parent);
Frame *gal_top(Galley *g);
Item *gal_emit(Galley *g, uint8_t type);
int32_t gal_content_penalty(Galley *g);
void gal_content_emitted(Galley *g);
void gal_emit_break(Galley *g, uint8_t kind);
void gal_emit_space(Galley *g, const FoSpace *s);
LBox *gal_box_new(const FoStyle *s, FoKind kind, double ref_x0, double ref_w);
double gal_box_before(const LBox *b);
double gal_box_after(const LBox *b);
int gal_box_visible(const LBox *b);
LBox *gal_id_box(const char *id, double x0, double x1);
LBox *gal_emit_id_start(Galley *g, const char *id, double x0, double x1);
void gal_emit_id_end(Galley *g, LBox *b);
int gal_is_xml_space(unsigned char ch);
int gal_is_visible_text(xmlNodePtr n);
const char *gal_explicit_role(Galley *g, xmlNodePtr node, const FoStyle *s);
Frame *gal_open_block(Galley *g, xmlNodePtr node, FrameKind kind, FoStyle *s);
void gal_close_frame(Galley *g);
void gal_emit_block_for_node(Galley *g, xmlNodePtr n);
Row *gal_begin_block_row(Galley *g, const FoStyle *s);
void gal_emit_block_row(Galley *g, Row *row, double height, FoStyle *s);

/* galley-items.c: boxes and item lists */
void gal_box_strings(LBox *b, const char *id, const char *role, const char *alt);
Item *gal_list_push(ItemList *l, uint8_t type);
void gal_table_unref(Table *t);

/* galley-inline.c: paragraphs */
void gal_marker_out_of_place(Galley *g, xmlNodePtr n);
int gal_is_inline_node(xmlNodePtr n);
void gal_para_src_unref(struct ParaSrc *src);
void gal_emit_paragraph(Galley *g, xmlNodePtr first, xmlNodePtr stop);
int gal_para_follows(const struct ParaSrc *src);
size_t gal_para_compose_again(Galley *g, size_t i, double width, ItemList *rest);
void gal_measure_inline_run(Galley *g, xmlNodePtr first, xmlNodePtr stop, const FoStyle *style, double *mn,
                            double *mx);

/* galley-table.c: rows, cells, list items, tables */
double gal_items_height(const ItemList *l, size_t from);
void gal_cell_fill(Galley *g, Cell *cell, xmlNodePtr node, const FoStyle *style, double ref_x0, double ref_w,
                   int table_cell);
void gal_emit_list_item(Galley *g, xmlNodePtr item);
void gal_open_table(Galley *g, xmlNodePtr node, FoStyle *s);
void gal_table_state_free(TableState *ts);
void gal_table_step(Galley *g);

/* galley-widths.c: columns and borders of tables */
double gal_border_width_of(const FoBorder *b);
FoBorder gal_border_winner(FoBorder a, FoBorder b);
int gal_cell_is_empty(xmlNodePtr cell);
void gal_table_collect_columns(Galley *g, TableState *ts, xmlNodePtr table);
int gal_table_count_columns(xmlNodePtr table);
void gal_table_widths(Galley *g, TableState *ts, xmlNodePtr table, double avail);

#endif
