/* galley.c — see galley.h.
 *
 * The generator keeps a stack of frames, one per open formatting object,
 * and produces items one step at a time: a paragraph's lines, a box's
 * start or end, a table row.  Tables and lists become rows whose cells are
 * galleys of their own, generated whole (a cell is bounded; a table is
 * not, so its rows come one at a time).
 */
#include "config.h"
#include "galley.h"
#include "font.h"
#include "image.h"
#include "fo-input.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Boxes, items, lists                                                      */

LBox *lbox_ref(LBox *b)
{
    if (b)
        b->refs++;
    return b;
}

void lbox_unref(LBox *b)
{
    if (b && --b->refs == 0) {
        free((char *)b->id);
        free((char *)b->role);
        free((char *)b->alt);
        cocom_markers_free(b->markers);
        free(b);
    }
}

/* A box's strings are its own: the FO nodes they come from may be gone
 * (a streamed flow) before the box is placed. */
static void box_strings(LBox *b, const char *id, const char *role, const char *alt)
{
    b->id = id ? cocom_xstrdup(id) : NULL;
    b->role = role ? cocom_xstrdup(role) : NULL;
    b->alt = alt ? cocom_xstrdup(alt) : NULL;
}

static void row_free(Row *r);
static void para_src_unref(struct ParaSrc *src);

void item_clear(Item *it)
{
    if (it->type == IT_LINE)
        cocom_para_line_clear(&it->line);
    para_src_unref(it->para);
    if (it->type == IT_ROW && it->row)
        row_free(it->row);
    lbox_unref(it->box);
    notes_free(it->notes);
    memset(it, 0, sizeof *it);
}

void notes_free(Notes *n)
{
    if (!n)
        return;
    for (int i = 0; i < n->n; i++)
        item_list_clear(&n->bodies[i]);
    free(n->bodies);
    free(n);
}

void notes_append(Notes **to, Notes *from)
{
    if (!from)
        return;
    if (!*to) {
        *to = from;
        return;
    }
    Notes *t = *to;
    t->bodies = cocom_xrealloc(t->bodies, sizeof(ItemList) * (size_t)(t->n + from->n));
    memcpy(t->bodies + t->n, from->bodies, sizeof(ItemList) * (size_t)from->n);
    t->n += from->n;
    free(from->bodies);
    free(from);
}


void item_list_clear(ItemList *l)
{
    for (size_t i = 0; i < l->n; i++)
        item_clear(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static Item *list_push(ItemList *l, uint8_t type)
{
    COCOM_GROW(l->items, l->cap, l->n + 1);
    Item *it = &l->items[l->n++];
    memset(it, 0, sizeof *it);
    it->type = type;
    return it;
}

static void table_unref(Table *t)
{
    if (t && --t->refs == 0) {
        item_list_clear(&t->header);
        item_list_clear(&t->footer);
        free(t->header_id);
        free(t->footer_id);
        free(t);
    }
}

static void row_free(Row *r)
{
    for (int i = 0; i < r->ncells; i++) {
        item_list_clear(&r->cells[i].content);
        lbox_unref(r->cells[i].box);
    }
    free(r->cells);
    free(r->row_heights);
    free(r->roles);
    lbox_unref(r->box);
    if (!r->table_weak)
        table_unref(r->table);
    free(r);
}

/* ---------------------------------------------------------------------- */
/* Spaces                                                                   */

/* XSL 1.1 §4.3.1, simplified: among adjacent spaces a forced one adds up;
 * otherwise the greatest precedence wins, and among those the greatest
 * optimum. */
static double resolve_spaces(const Item *items, size_t from, size_t to, int drop_conditional)
{
    double forced = 0;
    int any_forced = 0;
    int32_t best_prec = INT32_MIN;
    double best = 0;
    for (size_t i = from; i < to; i++) {
        const Item *it = &items[i];
        if (it->type != IT_SPACE)
            continue;
        if (drop_conditional && it->space.discard)
            continue;
        if (it->space.precedence == FO_PRECEDENCE_FORCE) {
            forced += it->space.opt;
            any_forced = 1;
        } else if (it->space.precedence > best_prec || (it->space.precedence == best_prec && it->space.opt > best)) {
            best_prec = it->space.precedence;
            best = it->space.opt;
        }
    }
    return any_forced ? forced : best;
}

double gap_height(const Item *items, size_t from, size_t to, int at_top, int at_bottom)
{
    /* Runs of spaces are separated by boxes with a border or padding; a
     * zero-height box does not separate them (a block's space-before and
     * its first child's are adjacent). */
    double h = 0;
    size_t run = from;
    int first_run = 1;
    for (size_t i = from; i <= to; i++) {
        int end_of_run = i == to || ((items[i].type == IT_START || items[i].type == IT_END) && items[i].height > 0);
        if (!end_of_run)
            continue;
        int last_run = i == to;
        h += resolve_spaces(items, run, i, (first_run && at_top) || (last_run && at_bottom));
        if (i < to)
            h += items[i].height;
        run = i + 1;
        first_run = 0;
    }
    return h;
}

/* ---------------------------------------------------------------------- */
/* The generator                                                            */

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

static int32_t keep_penalty(int32_t strength)
{
    if (strength <= 0)
        return 0;
    if (strength == FO_KEEP_ALWAYS)
        return KEEP_ALWAYS;
    /* Integer strengths: stronger keeps cost more, all below "always". */
    return strength >= 999 ? KEEP_ALWAYS - 1 : 1000 * strength;
}

/* The penalty of a keep-with-next or -previous: its stronger component
 * (a page holds one column). */
static int32_t keep_of(const FoKeep *k)
{
    return keep_penalty(k->within_page > k->within_column ? k->within_page : k->within_column);
}

static FoStyle *style_new(Galley *g, xmlNodePtr node, const FoStyle *parent)
{
    FoStyle *s = cocom_xmalloc(sizeof *s);
    FoResolver r = {g->ctx, g->env->file};
    fo_style_compute(&r, node, parent, s);
    return s;
}

static Frame *top(Galley *g)
{
    return g->nframes ? &g->frames[g->nframes - 1] : NULL;
}

static Frame *push_frame(Galley *g, FrameKind kind, xmlNodePtr node, FoStyle *style)
{
    COCOM_GROW(g->frames, g->capframes, (size_t)g->nframes + 1);
    Frame *parent = top(g);
    Frame *f = &g->frames[g->nframes++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->node = node;
    f->next = node->children;
    f->style = style;
    f->child_parent = style;
    if (parent) {
        f->ref_x0 = parent->ref_x0;
        f->ref_w = parent->ref_w;
        f->cx0 = parent->cx0;
        f->cx1 = parent->cx1;
        f->follows = parent->follows;
        f->span_all = parent->span_all;
    }
    f->keep_together = keep_penalty(style->keep_together.within_page > style->keep_together.within_column
                                         ? style->keep_together.within_page : style->keep_together.within_column);
    f->kt_prefix = parent && parent->kt_prefix > f->keep_together ? parent->kt_prefix : f->keep_together;
    return f;
}

static void frame_release(Frame *f)
{
    if (f->child_parent != f->style)
        free(f->child_parent);
    free(f->style);
    lbox_unref(f->box);
}

static Item *emit(Galley *g, uint8_t type)
{
    Item *it = list_push(&g->queue, type);
    Frame *f = top(g);
    it->span_all = f && f->span_all;
    return it;
}

/* The penalty of a break before the content item about to be emitted. */
static int32_t content_penalty(Galley *g)
{
    if (!g->have_content)
        return 0;
    int d = g->min_depth;
    int32_t p = d > 0 && d <= g->nframes ? g->frames[d - 1].kt_prefix : 0;
    if (g->kwn > p)
        p = g->kwn;
    if (g->kwp > p)
        p = g->kwp;
    return p;
}

static void content_emitted(Galley *g)
{
    g->have_content = 1;
    g->min_depth = g->nframes;
    g->kwn = g->kwp = 0;
}

static void note_depth(Galley *g)
{
    if (g->nframes < g->min_depth)
        g->min_depth = g->nframes;
}

static void emit_break(Galley *g, uint8_t kind)
{
    if (kind == FO_BREAK_AUTO)
        return;
    Item *it = emit(g, IT_BREAK);
    it->break_kind = kind;   /* a column break ends the page when it has one column */
}

static void emit_space(Galley *g, const FoSpace *s)
{
    if (s->opt == 0 && s->precedence != FO_PRECEDENCE_FORCE)
        return;
    Item *it = emit(g, IT_SPACE);
    it->space = *s;
}

/* A box for a block-level FO, from its style, in the frame's reference area. */
static LBox *box_new(const FoStyle *s, FoKind kind, double ref_x0, double ref_w)
{
    LBox *b = cocom_xcalloc(1, sizeof *b);
    b->refs = 1;
    b->kind = kind;
    for (int i = 0; i < 4; i++) {
        b->border[i] = s->border[i];
        b->padding[i] = fo_length_resolve(s->padding[i].length, ref_w);
        if (b->padding[i] < 0)
            b->padding[i] = 0;
    }
    b->padding_discard[0] = s->padding[FO_BEFORE].discard;
    b->padding_discard[1] = s->padding[FO_AFTER].discard;
    double si = fo_length_resolve(s->start_indent, ref_w);
    double ei = fo_length_resolve(s->end_indent, ref_w);
    /* start-indent is to the content rectangle; the border box is wider
     * by padding and border (XSL 1.1 §5.3.2). */
    b->x0 = ref_x0 + si - b->padding[FO_START] - b->border[FO_START].width;
    b->x1 = ref_x0 + ref_w - ei + b->padding[FO_END] + b->border[FO_END].width;
    b->background = s->background_color;
    box_strings(b, s->id, s->role, s->alt_text);
    return b;
}

static double box_before(const LBox *b)
{
    return b->border[FO_BEFORE].width + b->padding[FO_BEFORE];
}

static double box_after(const LBox *b)
{
    return b->border[FO_AFTER].width + b->padding[FO_AFTER];
}

static int box_visible(const LBox *b)
{
    for (int i = 0; i < 4; i++)
        if (b->border[i].width > 0 || b->padding[i] > 0)
            return 1;
    return b->background != FO_COLOR_TRANSPARENT || b->id || b->role || b->markers;
}

/* A box that only marks where an FO with an id and no box of its own
 * begins and ends (a table-body, a block-level wrapper, a list-item's
 * label ...): it draws nothing, but its first area is where the id points
 * (XSL 1.1 §7.30.8). */
static LBox *id_box(const char *id, double x0, double x1)
{
    LBox *b = cocom_xcalloc(1, sizeof *b);
    b->refs = 1;
    b->kind = FO_WRAPPER;
    b->x0 = x0;
    b->x1 = x1;
    b->background = FO_COLOR_TRANSPARENT;
    b->id_only = 1;
    box_strings(b, id, NULL, NULL);
    return b;
}

/* Emits the start of an id box (NULL when there is no id). */
static LBox *emit_id_start(Galley *g, const char *id, double x0, double x1)
{
    if (!id || !*id)
        return NULL;
    LBox *b = id_box(id, x0, x1);
    Item *it = emit(g, IT_START);
    it->box = lbox_ref(b);
    return b;
}

/* ... and its end; drops the caller's reference. */
static void emit_id_end(Galley *g, LBox *b)
{
    if (!b)
        return;
    Item *it = emit(g, IT_END);
    it->box = b;
}

/* The structure types of tagged PDF (ISO 32000-1 §14.8.4) that Cairo 1.16
 * accepts.  An FO's role names one; without one, or with another word, a
 * block is a P when it holds text and a Div otherwise, a list-block an L, a
 * table a Table. */
static const char *const pdf_roles[] = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Figure", "Formula", "Form"};

static int is_xml_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Is n a text (or CDATA) node with something besides XML white space? */
static int is_visible_text(xmlNodePtr n)
{
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return 0;
    for (const xmlChar *t = n->content; t && *t; t++)
        if (!is_xml_space(*t))
            return 1;
    return 0;
}

static int holds_text(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (is_visible_text(c) || (c->type == XML_ELEMENT_NODE && fo_kind_is_inline(fo_kind(c))))
            return 1;
    return 0;
}

/* The structure type an FO's role names (a static string), or NULL when it
 * has none, or names none (warned about once per word). */
static const char *explicit_role(Galley *g, xmlNodePtr node, const FoStyle *s)
{
    if (!s->role || !*s->role)
        return NULL;
    for (size_t i = 0; i < COCOM_ARRAY_LEN(pdf_roles); i++)
        if (strcmp(pdf_roles[i], s->role) == 0)
            return pdf_roles[i];
    char key[160];
    snprintf(key, sizeof key, "role:%s", s->role);
    if (cocom_report_once(g->ctx, key))
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                     "role '%s' is not a structure type of tagged PDF (P, H1, L, Table, Figure ...); "
                     "the element is tagged by its kind instead", s->role);
    return NULL;
}

static const char *structure_role(Galley *g, xmlNodePtr node, const FoStyle *s, FoKind k)
{
    const char *role = explicit_role(g, node, s);
    if (role)
        return role;
    switch (k) {
    case FO_LIST_BLOCK: return "L";
    case FO_TABLE: return "Table";
    case FO_TABLE_CAPTION: return "Caption";
    case FO_BLOCK: return holds_text(node) ? "P" : "Div";
    default: return "Div";
    }
}

/* Is this block, with no role of its own, the only element in a table cell
 * or a list item's label or body?  Then it makes no structure element: its
 * text belongs to the cell's (TD, TH, Lbl, LBody) directly, which is how a
 * screen reader presents it anyway, and a tagged PDF carries a third fewer
 * elements (each a PDF object to write). */
static int sole_block_of_cell(xmlNodePtr node, const FoStyle *s)
{
    if ((s->role && *s->role) || fo_kind(node) != FO_BLOCK || !node->parent)
        return 0;
    FoKind pk = fo_kind(node->parent);
    if (pk != FO_TABLE_CELL && pk != FO_LIST_ITEM_LABEL && pk != FO_LIST_ITEM_BODY)
        return 0;
    for (xmlNodePtr c = node->parent->children; c; c = c->next)
        if (c != node && c->type == XML_ELEMENT_NODE)
            return 0;
    return 1;
}

/* Opens a block-level frame: break-before, space-before, the box's start. */
static Frame *open_block(Galley *g, xmlNodePtr node, FrameKind kind, FoStyle *s)
{
    Frame *parent = top(g);
    emit_break(g, s->break_before);
    emit_space(g, &s->space_before);
    int32_t kwp = keep_of(&s->keep_with_previous);
    if (kwp > g->kwp)
        g->kwp = kwp;
    Frame *f = push_frame(g, kind, node, s);
    FoKind k = fo_kind(node);
    /* A child of a flow set in columns that spans them (XSL 1.1 §7.21.5)
     * is laid out across the region-body's whole width. */
    double ref_w = parent->ref_w;
    if (g->nframes == 2 && g->span_w > g->width + 0.5 && s->span == FO_SPAN_ALL && !g->env->in_static) {
        ref_w = parent->ref_w + (g->span_w - g->width);
        f->ref_w = ref_w;
        f->span_all = 1;
        f->follows = 0;
    }
    LBox *b = box_new(s, k, parent->ref_x0, ref_w);
    if (!g->env->in_static) {
        free((char *)b->role);
        b->role = sole_block_of_cell(node, s) ? NULL : cocom_xstrdup(structure_role(g, node, s, k));
        /* Its markers go where its areas go (marker.h). */
        b->markers = cocom_markers_of(node);
    }
    if (k == FO_BLOCK_CONTAINER) {
        /* A reference area: its children's indents are measured from its
         * content rectangle, not inherited from outside. */
        if (s->width.kind == FO_LEN_VALUE) {
            double w = fo_length_resolve(s->width, ref_w);
            b->x1 = b->x0 + w + b->padding[FO_START] + b->padding[FO_END] + b->border[FO_START].width
                    + b->border[FO_END].width;
        }
        if (s->height.kind == FO_LEN_VALUE)
            b->min_height = fo_length_resolve(s->height, 0);
        f->ref_x0 = b->x0 + b->border[FO_START].width + b->padding[FO_START];
        f->ref_w = b->x1 - b->border[FO_END].width - b->padding[FO_END] - f->ref_x0;
        FoStyle *cp = cocom_xmalloc(sizeof *cp);
        *cp = *s;
        memset(&cp->start_indent, 0, sizeof cp->start_indent);
        memset(&cp->end_indent, 0, sizeof cp->end_indent);
        f->child_parent = cp;
        if (s->absolute_position != FO_POSITION_AUTO && cocom_report_once(g->ctx, "abs-pos"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "absolute-position on fo:block-container is not supported; it is laid out in the flow");
    }
    f->cx0 = b->x0 + b->border[FO_START].width + b->padding[FO_START];
    f->cx1 = b->x1 - b->border[FO_END].width - b->padding[FO_END];
    if (f->cx1 < f->cx0 + 1)
        f->cx1 = f->cx0 + 1;
    /* A block-container of a given width stays as it is when the flow's
     * width changes, and so does what is in it. */
    if ((k == FO_BLOCK_CONTAINER && s->width.kind == FO_LEN_VALUE) || kind == FR_TABLE)
        f->follows = 0;
    b->body_w = f->follows ? g->width : 0;
    if (box_visible(b) || b->min_height > 0) {
        Item *it = emit(g, IT_START);
        it->box = lbox_ref(b);
        it->height = box_before(b);
        f->box = lbox_ref(b);
    }
    lbox_unref(b);
    note_depth(g);
    return f;
}

static void close_frame(Galley *g)
{
    Frame *f = top(g);
    const FoStyle *s = f->style;
    int is_block = f->kind == FR_BLOCK || f->kind == FR_TABLE || f->kind == FR_LIST;
    if (f->box) {
        Item *it = emit(g, IT_END);
        it->box = lbox_ref(f->box);
        it->height = box_after(f->box);
    }
    if (is_block) {
        int32_t kwn = keep_of(&s->keep_with_next);
        emit_space(g, &s->space_after);
        if (kwn > g->kwn)
            g->kwn = kwn;
        emit_break(g, s->break_after);
    }
    frame_release(f);
    g->nframes--;
    note_depth(g);
}

/* ---------------------------------------------------------------------- */
/* Inline content: collecting a paragraph                                   */

typedef struct {
    Galley *g;
    const Frame *block;         /* the block the lines belong to */
    ParaStyle *styles;
    int nstyles;
    size_t capstyles;
    ParaPiece *pieces;
    int npieces;
    size_t cappieces;
    CocomBuf text;              /* all text, pieces point into it by offset */
    int *piece_offset;          /* text offset of each text piece (pieces[].text set at the end) */
    xmlNodePtr *footnotes;      /* footnote bodies, laid out after the paragraph */
    FoStyle **footnote_styles;  /* ... their computed styles (owned) */
    int nfootnotes;
    size_t capfootnotes;
    int last_was_space;         /* for white-space-collapse across pieces */
    int depth;
} Collector;

static double line_height_of(const FoStyle *s)
{
    switch (s->line_height.kind) {
    case FO_LEN_NORMAL: return 1.2 * s->font_size;
    case FO_LEN_NUMBER: return s->line_height.abs * s->font_size;
    default: return s->line_height.abs > 0 ? s->line_height.abs : 1.2 * s->font_size;
    }
}

typedef struct {
    FoColor background;
    uint8_t decoration;
    double rise;
    int link;
    int tag;
} InlineCtx;

static int add_style(Collector *c, const FoStyle *s, const InlineCtx *ic)
{
    ParaStyle ps;
    memset(&ps, 0, sizeof ps);
    ps.font = cocom_font_get(c->g->ctx, s->font_family, s->font_size, s->font_weight, s->font_style, s->font_variant);
    ps.color = s->color;
    ps.background = ic->background;
    ps.decoration = ic->decoration;
    ps.rise = ic->rise;
    ps.letter_spacing = s->letter_spacing.kind == FO_LEN_VALUE ? fo_length_resolve(s->letter_spacing, s->font_size) : 0;
    ps.word_spacing = s->word_spacing.kind == FO_LEN_VALUE ? fo_length_resolve(s->word_spacing, s->font_size) : 0;
    ps.line_height = line_height_of(s);
    ps.hyphenate = s->hyphenate;
    memcpy(ps.language, s->language, sizeof ps.language);
    memcpy(ps.country, s->country, sizeof ps.country);
    ps.hyph_left = (int8_t)(s->hyphenation_push_character_count > 0 ? s->hyphenation_push_character_count : 2);
    ps.hyph_right = (int8_t)(s->hyphenation_remain_character_count > 0 ? s->hyphenation_remain_character_count : 2);
    if (ps.hyph_right < 3 && ps.language[0] == 'e' && ps.language[1] == 'n')
        ps.hyph_right = 3;   /* British and American practice: at least three letters carried over */
    ps.link = ic->link;
    ps.tag = ic->tag;
    ps.hidden = s->visibility != FO_VISIBILITY_VISIBLE;
    ps.keep_spaces = s->white_space_treatment == FO_WS_PRESERVE;
    /* Reuse the previous style when nothing changed (most pieces). */
    if (c->nstyles > 0 && memcmp(&c->styles[c->nstyles - 1], &ps, sizeof ps) == 0)
        return c->nstyles - 1;
    COCOM_GROW(c->styles, c->capstyles, (size_t)c->nstyles + 1);
    /* memcpy, padding included, so that the memcmp above compares bytes
     * that were all written (an assignment may skip the padding). */
    memcpy(&c->styles[c->nstyles], &ps, sizeof ps);
    return c->nstyles++;
}

static ParaPiece *add_piece(Collector *c, uint8_t kind, int style)
{
    COCOM_GROW(c->pieces, c->cappieces, (size_t)c->npieces + 1);
    c->piece_offset = cocom_xrealloc(c->piece_offset, sizeof(int) * (size_t)c->cappieces);
    ParaPiece *p = &c->pieces[c->npieces];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->style = style;
    c->piece_offset[c->npieces] = -1;
    c->npieces++;
    return p;
}

/* Points each text piece at its text, once all of it is collected (the
 * buffer moves as it grows).  When every character collapsed away (a cell
 * or inline holding one space) the buffer was never allocated: its pieces
 * are empty and point at "", since even a zero offset to a null pointer
 * is undefined behaviour. */
static void collector_point_texts(Collector *c)
{
    for (int i = 0; i < c->npieces; i++)
        if (c->pieces[i].kind == PARA_TEXT || (c->pieces[i].kind == PARA_LEADER && c->piece_offset[i] >= 0))
            c->pieces[i].text = c->text.data ? c->text.data + c->piece_offset[i] : "";
}

/* Appends text with the white-space properties of its FO (XSL 1.1 §7.16):
 * linefeed-treatment, white-space-treatment (around linefeeds) and
 * white-space-collapse, with collapsing carried across pieces. */
static void add_text(Collector *c, const FoStyle *s, const InlineCtx *ic, const char *text, size_t len)
{
    if (!len)
        return;
    int style = add_style(c, s, ic);
    ParaPiece *p = add_piece(c, PARA_TEXT, style);
    int idx = (int)(p - c->pieces);
    c->piece_offset[idx] = (int)c->text.len;
    size_t start = c->text.len;
    int collapse = s->white_space_collapse;
    uint8_t lf = s->linefeed_treatment;
    uint8_t wst = s->white_space_treatment;
    uint8_t tt = s->text_transform;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (tt == FO_TRANSFORM_NONE && ch > ' ') {
            /* The common case: a stretch of ordinary characters. */
            size_t j = i + 1;
            while (j < len && (unsigned char)text[j] > ' ')
                j++;
            cocom_buf_append(&c->text, text + i, j - i);
            c->last_was_space = 0;
            i = j - 1;
            continue;
        }
        if (ch == '\r')
            continue;
        if (ch == '\n') {
            if (lf == FO_LF_PRESERVE) {
                /* Spaces before a preserved linefeed go (ignore-if-surrounding-linefeed). */
                if (wst == FO_WS_IGNORE_SURROUNDING_LF || wst == FO_WS_IGNORE_BEFORE_LF || wst == FO_WS_IGNORE)
                    while (c->text.len > start && c->text.data[c->text.len - 1] == ' ')
                        c->text.len--;
                cocom_buf_putc(&c->text, '\n');
                c->last_was_space = 1;   /* spaces after it are dropped too */
                continue;
            } else if (lf == FO_LF_IGNORE) {
                continue;
            } else if (lf == FO_LF_TREAT_AS_ZERO_WIDTH_SPACE) {
                cocom_buf_puts(&c->text, "\xe2\x80\x8b");
                continue;
            }
            ch = ' ';
        }
        /* XSL has no tab stops: a tab is white space like U+0020
         * (§7.16.12), and Apache FOP sets it as one space, so a listing
         * indented with tabs looks the same in both. */
        if (ch == '\t')
            ch = ' ';
        if (ch == ' ') {
            if (collapse && c->last_was_space)
                continue;
            if (wst == FO_WS_IGNORE && collapse)
                continue;
            cocom_buf_putc(&c->text, ' ');
            c->last_was_space = 1;
            continue;
        }
        c->last_was_space = 0;
        if (ch >= 0x80 && tt != FO_TRANSFORM_NONE) {
            /* Any letter, not only ASCII ones ("liberté" → "LIBERTÉ"). */
            gunichar u = g_utf8_get_char_validated(text + i, (gssize)(len - i));
            if (u != (gunichar)-1 && u != (gunichar)-2) {
                int word_start = c->text.len == 0 || is_xml_space((unsigned char)c->text.data[c->text.len - 1]);
                gunichar t = tt == FO_TRANSFORM_UPPERCASE ? g_unichar_toupper(u)
                             : tt == FO_TRANSFORM_LOWERCASE ? g_unichar_tolower(u)
                             : tt == FO_TRANSFORM_CAPITALIZE && word_start ? g_unichar_totitle(u) : u;
                char buf[8];
                cocom_buf_append(&c->text, buf, (size_t)g_unichar_to_utf8(t, buf));
                i += (size_t)g_utf8_skip[ch] - 1;
                continue;
            }
        }
        if (tt == FO_TRANSFORM_UPPERCASE && ch >= 'a' && ch <= 'z')
            ch = (unsigned char)(ch - 32);
        else if (tt == FO_TRANSFORM_LOWERCASE && ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (tt == FO_TRANSFORM_CAPITALIZE && ch >= 'a' && ch <= 'z'
                 && (c->text.len == 0 || is_xml_space((unsigned char)c->text.data[c->text.len - 1])))
            ch = (unsigned char)(ch - 32);
        cocom_buf_putc(&c->text, (char)ch);
    }
    c->pieces[idx].len = (int)(c->text.len - start);
}

static void collect_children(Collector *c, xmlNodePtr first, xmlNodePtr stop, const FoStyle *parent,
                             const InlineCtx *ic);

static void add_object_text(Collector *c, const FoStyle *s, const InlineCtx *ic, const char *text)
{
    add_text(c, s, ic, text, strlen(text));
}

static void add_anchor(Collector *c, const FoStyle *s, const InlineCtx *ic, const char *id)
{
    if (!id || !*id)
        return;
    ParaPiece *p = add_piece(c, PARA_ANCHOR, add_style(c, s, ic));
    p->anchor = reftable_anchor(c->g->env->refs, id);
}

static void add_graphic(Collector *c, xmlNodePtr node, const FoStyle *s, const InlineCtx *ic)
{
    Galley *g = c->g;
    CocomImage *img = cocom_image_get(g->ctx, s->src, g->env->base_dir, g->env->file,
                                      xmlGetLineNo(node));
    double avail = c->block->cx1 - c->block->cx0;
    double iw = img ? cocom_image_width_pt(img) : 0, ih = img ? cocom_image_height_pt(img) : 0;
    /* The viewport (width/height) and the content size (content-width,
     * content-height, scaling), as XSL 1.1 §7.15.5 and §7.15.6 say. */
    double vw = s->width.kind == FO_LEN_VALUE ? fo_length_resolve(s->width, avail) : -1;
    double vh = s->height.kind == FO_LEN_VALUE ? fo_length_resolve(s->height, 0) : -1;
    double cw = -1, ch = -1;
    switch (s->content_width.kind) {
    case FO_LEN_VALUE: cw = s->content_width.abs + s->content_width.pct * iw; break;
    case FO_LEN_SCALE_TO_FIT: cw = vw > 0 ? vw : avail; break;
    case FO_LEN_SCALE_DOWN_TO_FIT: cw = iw > (vw > 0 ? vw : avail) ? (vw > 0 ? vw : avail) : -1; break;
    case FO_LEN_SCALE_UP_TO_FIT: cw = iw < (vw > 0 ? vw : avail) ? (vw > 0 ? vw : avail) : -1; break;
    default: break;
    }
    switch (s->content_height.kind) {
    case FO_LEN_VALUE: ch = s->content_height.abs + s->content_height.pct * ih; break;
    case FO_LEN_SCALE_TO_FIT: ch = vh > 0 ? vh : -1; break;
    case FO_LEN_SCALE_DOWN_TO_FIT: ch = vh > 0 && ih > vh ? vh : -1; break;
    case FO_LEN_SCALE_UP_TO_FIT: ch = vh > 0 && ih < vh ? vh : -1; break;
    default: break;
    }
    if (iw > 0 && ih > 0) {
        if (s->scaling == FO_SCALING_UNIFORM) {
            if (cw > 0 && ch > 0) {   /* fit inside both, keeping the aspect */
                double k = fmin(cw / iw, ch / ih);
                cw = iw * k;
                ch = ih * k;
            } else if (cw > 0) {
                ch = ih * cw / iw;
            } else if (ch > 0) {
                cw = iw * ch / ih;
            }
        }
        if (cw <= 0)
            cw = iw;
        if (ch <= 0)
            ch = ih;
    } else {
        cw = vw > 0 ? vw : 0;
        ch = vh > 0 ? vh : 0;
    }
    if (cw > avail + 0.01 && avail > 0) {
        /* Never outside the region: shrink to the line, keeping the aspect. */
        ch *= avail / cw;
        cw = avail;
        char key[64];
        snprintf(key, sizeof key, "img-wide:%ld", xmlGetLineNo(node));
        if (cocom_report_once(g->ctx, key))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "the image '%s' is wider than its line; it is scaled down to fit", s->src ? s->src : "");
    }
    double bw = vw > cw ? vw : cw, bh = vh > ch ? vh : ch;
    add_anchor(c, s, ic, s->id);
    InlineCtx ic2 = *ic;
    ParaPiece *p = add_piece(c, PARA_BOX, add_style(c, s, &ic2));
    p->width = bw;
    p->height = bh;
    p->depth = 0;
    p->object = img;
    p->alt = s->alt_text;
    c->last_was_space = 0;
}

/* leader-pattern="use-content": the leader repeats its content.  cocom
 * repeats the content's text, with its white space collapsed, in the
 * leader's own style (XSL 1.1 §7.22.4); pieces of other styles or graphics
 * inside are said once not to be drawn.  The text goes into the
 * paragraph's buffer like a text piece's, so that it lives through
 * composing. */
static void leader_content(Collector *c, xmlNodePtr n, int piece)
{
    int other = 0;
    for (xmlNodePtr ch = n->children; ch; ch = ch->next)
        if (ch->type == XML_ELEMENT_NODE && fo_kind(ch) != FO_INLINE && fo_kind(ch) != FO_WRAPPER &&
            fo_kind(ch) != FO_CHARACTER)
            other = 1;
    if (other && cocom_report_once(c->g->ctx, "leader-use-content"))
        cocom_report(c->g->ctx, COCOM_SEVERITY_WARNING, c->g->env->file, xmlGetLineNo(n),
                     "a use-content leader repeats its text only; its other content is not drawn");
    xmlChar *t = xmlNodeGetContent(n);
    size_t start = c->text.len;
    int space = 1;
    for (const xmlChar *q = t; q && *q; q++) {
        if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') {
            space = 1;
            continue;
        }
        if (space && c->text.len > start)
            cocom_buf_append(&c->text, " ", 1);
        space = 0;
        cocom_buf_append(&c->text, (const char *)q, 1);
    }
    xmlFree(t);
    if (c->text.len > start) {
        c->piece_offset[piece] = (int)start;
        c->pieces[piece].len = (int)(c->text.len - start);
    }
}

static void add_leader(Collector *c, const FoStyle *s, const InlineCtx *ic)
{
    double avail = c->block->cx1 - c->block->cx0;
    ParaPiece *p = add_piece(c, PARA_LEADER, add_style(c, s, ic));
    p->leader_min = fo_length_resolve(s->leader_length.min, avail);
    p->leader_opt = fo_length_resolve(s->leader_length.opt, avail);
    p->leader_max = fo_length_resolve(s->leader_length.max, avail);
    if (p->leader_opt < p->leader_min)
        p->leader_opt = p->leader_min;
    if (p->leader_max < p->leader_opt)
        p->leader_max = p->leader_opt;
    p->leader_pattern = s->leader_pattern;
    p->leader_alignment = s->leader_alignment;
    p->leader_pattern_width = s->leader_pattern_width.kind == FO_LEN_VALUE ? fo_length_resolve(s->leader_pattern_width, avail) : 0;
    p->rule_thickness = s->rule_thickness;
    p->rule_style = s->rule_style;
    c->last_was_space = 0;
}

/* An fo:marker is no content where it stands (its box carries it:
 * cocom_markers_of); in static content it is out of place, and an
 * fo:retrieve-marker is only replaced there (pagination), so one met in a
 * flow retrieves nothing.  Either is said once. */
static void marker_out_of_place(Galley *g, xmlNodePtr n)
{
    FoKind k = fo_kind(n);
    const char *why = k == FO_RETRIEVE_MARKER
                          ? (g->env->in_static ? NULL : "fo:retrieve-marker is only allowed in fo:static-content; "
                                                        "this one in a flow retrieves nothing")
                          : (g->env->in_static ? "fo:marker is only allowed in a flow; this one in static content "
                                                 "is left out" : NULL);
    char key[32];
    snprintf(key, sizeof key, "marker-place:%d", (int)k);
    if (why && cocom_report_once(g->ctx, key))
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(n), "%s", why);
}

static void collect_node(Collector *c, xmlNodePtr n, const FoStyle *parent, const InlineCtx *ic)
{
    Galley *g = c->g;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(c, parent, ic, (const char *)n->content, strlen((const char *)n->content));
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    FoKind k = fo_kind(n);
    if (k == FO_MARKER || k == FO_RETRIEVE_MARKER) {
        marker_out_of_place(g, n);
        return;
    }
    if (fo_kind_support(k) == FO_SUPPORT_SKIP) {
        fo_warn_unsupported(g->ctx, g->env->file, n);
        return;
    }
    if (fo_kind_support(k) == FO_SUPPORT_CONTENT)
        fo_warn_unsupported(g->ctx, g->env->file, n);
    if (c->depth > 200) {
        if (cocom_report_once(g->ctx, "inline-depth"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(n),
                         "inline elements are nested more than 200 deep; the deeper ones are left out");
        return;
    }
    FoStyle *s = style_new(g, n, parent);
    InlineCtx sub = *ic;
    if (s->background_color != FO_COLOR_TRANSPARENT)
        sub.background = s->background_color;
    uint8_t d = s->text_decoration;
    sub.decoration = (uint8_t)((sub.decoration | (d & 7)) & ~((d >> 4) & 7));
    switch (s->baseline_shift.kind) {
    case FO_LEN_SUPER: sub.rise += 0.33 * parent->font_size; break;
    case FO_LEN_SUB: sub.rise -= 0.2 * parent->font_size; break;
    case FO_LEN_VALUE: sub.rise += fo_length_resolve(s->baseline_shift, line_height_of(parent)); break;
    default: break;
    }
    c->depth++;
    switch (k) {
    case FO_PAGE_NUMBER: {
        add_anchor(c, s, &sub, s->id);
        /* In a flow, lines are made before the page they land on is known
         * (a page is filled by looking past its end), so the number is the
         * one a pass before found where this line went, like a citation's;
         * static content is made for its page. */
        const char *t = NULL;
        if (!g->env->in_static) {
            char key[32];
            t = reftable_page_number_mark(g->env->refs, key, sizeof key);
            add_anchor(c, s, &sub, key);
        }
        if (!t)
            t = g->env->page_number_text ? g->env->page_number_text : "1";
        add_object_text(c, s, &sub, t);
        break;
    }
    case FO_PAGE_NUMBER_CITATION:
    case FO_PAGE_NUMBER_CITATION_LAST: {
        add_anchor(c, s, &sub, s->id);
        const char *t = s->ref_id ? reftable_citation(g->env->refs, s->ref_id, k == FO_PAGE_NUMBER_CITATION_LAST,
                                                      g->env->in_static, xmlGetLineNo(n)) : NULL;
        add_object_text(c, s, &sub, t ? t : "0");
        break;
    }
    case FO_CHARACTER: {
        add_anchor(c, s, &sub, s->id);
        char buf[8];
        int nb = g_unichar_to_utf8(s->character ? s->character : ' ', buf);
        add_text(c, s, &sub, buf, (size_t)nb);
        break;
    }
    case FO_EXTERNAL_GRAPHIC:
        add_graphic(c, n, s, &sub);
        break;
    case FO_LEADER:
        add_anchor(c, s, &sub, s->id);
        add_leader(c, s, &sub);
        if (s->leader_pattern == FO_LEADER_USE_CONTENT)
            leader_content(c, n, c->npieces - 1);
        break;
    case FO_BASIC_LINK: {
        add_anchor(c, s, &sub, s->id);
        if (s->internal_destination && *s->internal_destination)
            sub.link = reftable_link(g->env->refs, s->internal_destination, 0);
        else if (s->external_destination && *s->external_destination)
            sub.link = reftable_link(g->env->refs, s->external_destination, 1);
        collect_children(c, n->children, NULL, s, &sub);
        break;
    }
    case FO_FOOTNOTE: {
        add_anchor(c, s, &sub, s->id);
        /* The citation stays in the text; the body comes after the paragraph. */
        for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
            if (fo_kind(ch) == FO_INLINE)
                collect_node(c, ch, s, &sub);
            else if (fo_kind(ch) == FO_FOOTNOTE_BODY) {
                COCOM_GROW(c->footnotes, c->capfootnotes, (size_t)c->nfootnotes + 1);
                c->footnote_styles = cocom_xrealloc(c->footnote_styles, sizeof(FoStyle *) * c->capfootnotes);
                c->footnote_styles[c->nfootnotes] = style_new(g, ch, s);
                c->footnotes[c->nfootnotes++] = ch;
                /* Where the citation ends: the line holding this anchor
                 * takes the body to the foot of its page. */
                if (!g->env->in_static) {
                    ParaPiece *p = add_piece(c, PARA_ANCHOR, add_style(c, s, &sub));
                    p->anchor = -c->nfootnotes;
                }
            }
        }
        break;
    }
    case FO_MULTI_SWITCH: {
        xmlNodePtr mc = fo_child(n, FO_MULTI_CASE);
        if (mc)
            collect_node(c, mc, s, &sub);
        break;
    }
    default:
        /* fo:inline, fo:wrapper, fo:bidi-override, and block-level objects
         * met inside inline content (laid out as text). */
        add_anchor(c, s, &sub, s->id);
        if (!fo_kind_is_inline(k) && k != FO_MULTI_CASE && k != FO_MULTI_PROPERTIES) {
            char key[80];
            snprintf(key, sizeof key, "block-in-inline:%s", fo_kind_name(k));
            if (cocom_report_once(g->ctx, key))
                cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(n),
                             "fo:%s inside inline content is laid out as part of the line", fo_kind_name(k));
        }
        collect_children(c, n->children, NULL, s, &sub);
        break;
    }
    c->depth--;
    free(s);
}

static void collect_children(Collector *c, xmlNodePtr first, xmlNodePtr stop, const FoStyle *parent,
                             const InlineCtx *ic)
{
    for (xmlNodePtr n = first; n && n != stop; n = n->next)
        collect_node(c, n, parent, ic);
}

/* Does this node take part in lines (rather than being a block)? */
static int is_inline_node(xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return 1;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    FoKind k = fo_kind(n);
    if (k == FO_WRAPPER) {
        /* A wrapper is inline unless it holds blocks. */
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !is_inline_node(c))
                return 0;
        return 1;
    }
    if (k == FO_FOOTNOTE || k == FO_CHANGE_BAR_BEGIN || k == FO_CHANGE_BAR_END || k == FO_RETRIEVE_MARKER)
        return 1;
    return fo_kind_is_inline(k);
}

static int is_blank_text(xmlNodePtr n)
{
    return n->type == XML_TEXT_NODE && !is_visible_text(n);
}

static void emit_block_for_node(Galley *g, xmlNodePtr n);

/* Lays out each footnote body of a paragraph whose n lines are the
 * queue's items from `first` on, and gives it to the line that holds its
 * citation (the anchor -k for the k-th). */
static void attach_footnotes(Galley *g, Collector *c, size_t first, int n)
{
    for (int k = 0; k < c->nfootnotes; k++) {
        if (g->level > 30) {
            /* Footnotes within footnotes (not allowed, §6.10.3) or in
             * cells nested this deep: bounded, as nested cells are. */
            if (cocom_report_once(g->ctx, "footnote-depth"))
                cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c->footnotes[k]),
                             "footnotes are nested more than 30 deep (in footnotes or tables); the deeper ones are left out");
            continue;
        }
        Galley *sub = galley_new(g->env, c->footnotes[k], c->footnote_styles[k], 0,
                                 g->env->note_width > 0 ? g->env->note_width : g->frames[0].ref_w);
        sub->level = g->level + 1;
        ItemList body = {0};
        galley_run(sub, &body);
        galley_free(sub);
        if (!body.n || n <= 0) {
            item_list_clear(&body);
            continue;
        }
        Item *at = &g->queue.items[first + (size_t)n - 1];
        for (int i = 0; i < n; i++) {
            Item *li = &g->queue.items[first + (size_t)i];
            for (int a = 0; a < li->line.nanchors; a++)
                if (li->line.anchors[a] == -(k + 1))
                    at = li;
        }
        Notes *ns = cocom_xcalloc(1, sizeof *ns);
        ns->n = 1;
        ns->bodies = cocom_xmalloc(sizeof(ItemList));
        ns->bodies[0] = body;
        notes_append(&at->notes, ns);
    }
}

/* A paragraph of a flow kept while a line of it waits to be placed, so
 * that the rest can be composed again for a page of another width. */
typedef struct ParaSrc {
    int refs;
    ParaInput in;               /* its pieces and styles are the arrays below */
    ParaStyle *styles;
    ParaPiece *pieces;
    char *text;                 /* the pieces' text */
    char **alts;                /* copies of the graphics' alternative texts */
    int nalts;
    int nlines;
    int widows, orphans;
    int32_t kt, first_penalty;  /* break penalties: inside, and before its first line */
    double first_text_indent;
    double body_w;              /* the flow's width in.width is for; 0: it stays */
} ParaSrc;

static void para_src_unref(ParaSrc *src)
{
    if (!src || --src->refs > 0)
        return;
    free(src->styles);
    free(src->pieces);
    free(src->text);
    for (int i = 0; i < src->nalts; i++)
        free(src->alts[i]);
    free(src->alts);
    free(src);
}

/* Keeps what a paragraph was composed from (the collector's arrays and
 * text are taken over; the FO nodes may go, in a streamed flow). */
static ParaSrc *para_src_new(Collector *c, const ParaInput *in, const Frame *f)
{
    ParaSrc *src = cocom_xcalloc(1, sizeof *src);
    src->refs = 1;
    src->in = *in;
    src->styles = c->styles;
    src->pieces = c->pieces;
    src->text = c->text.data;
    c->styles = NULL;
    c->pieces = NULL;
    memset(&c->text, 0, sizeof c->text);
    for (int i = 0; i < c->npieces; i++)
        if (src->pieces[i].alt) {
            src->alts = cocom_xrealloc(src->alts, sizeof *src->alts * (size_t)(src->nalts + 1));
            src->pieces[i].alt = src->alts[src->nalts++] = cocom_xstrdup(src->pieces[i].alt);
        }
    src->in.styles = src->styles;
    src->in.pieces = src->pieces;
    src->first_text_indent = in->text_indent;
    src->body_w = f->follows ? c->g->width : 0;
    return src;
}

/* Lays out the inline children [first, stop) of the top frame as lines. */
/* Lines wider than their block run into the margin: a line that could not
 * be broken (wrap-option="no-wrap", as in most program listings) or an
 * inline object too wide.  Apache FOP warns of each; cocom says it once per
 * block (its line in the FO), with the widest overrun in points and the
 * start of that line's text so that it can be found. */
static void warn_overfull(Galley *g, const Frame *f, const ParaLine *lines, int n)
{
    int worst = -1, count = 0;
    double excess = 0;
    for (int i = 0; i < n; i++) {
        double e = lines[i].natural - lines[i].width;
        if (!lines[i].overfull || e < 0.05)
            continue;
        count++;
        if (e > excess) {
            excess = e;
            worst = i;
        }
    }
    if (worst < 0)
        return;
    long line = xmlGetLineNo(f->node);
    char key[96];
    snprintf(key, sizeof key, "overfull:%ld", line);
    if (!cocom_report_once(g->ctx, key))
        return;
    CocomBuf text = {0};
    const ParaLine *l = &lines[worst];
    for (int r = 0; r < l->nruns && text.len < 200; r++)
        if (l->runs[r].kind == RUN_GLYPHS && l->runs[r].text)
            cocom_buf_append(&text, l->runs[r].text, (size_t)l->runs[r].text_len);
    const char *t = text.data ? text.data : "";
    while (*t == ' ')
        t++;
    long nchars = g_utf8_strlen(t, -1);
    int show = (int)(g_utf8_offset_to_pointer(t, nchars > 30 ? 30 : nchars) - t);
    const char *name = (const char *)f->node->name;
    if (count > 1)
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, line,
                     "%d lines of this fo:%s run into the margin, the widest by %.1fpt (it has %.1fpt): '%.*s%s'",
                     count, name, excess, l->width, show, t, nchars > 30 ? "…" : "");
    else
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, line,
                     "a line of this fo:%s runs into the margin by %.1fpt (it has %.1fpt): '%.*s%s'",
                     name, excess, l->width, show, t, nchars > 30 ? "…" : "");
    cocom_buf_free(&text);
}

static void emit_paragraph(Galley *g, xmlNodePtr first, xmlNodePtr stop)
{
    Frame *f = top(g);
    /* Fast skip: nothing but white space between blocks. */
    int blank = 1;
    for (xmlNodePtr n = first; n != stop && blank; n = n->next)
        blank = is_blank_text(n) || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE
                || fo_kind(n) == FO_RETRIEVE_MARKER;
    if (blank) {
        for (xmlNodePtr n = first; n != stop; n = n->next)
            if (fo_kind(n) == FO_RETRIEVE_MARKER)
                marker_out_of_place(g, n);
        return;
    }
    Collector c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.block = f;
    c.last_was_space = 1;   /* leading spaces of a line-building run go */
    InlineCtx ic = {FO_COLOR_TRANSPARENT, (uint8_t)(f->style->text_decoration & 7), 0, -1, -1};
    collect_children(&c, first, stop, f->child_parent, &ic);
    /* Trailing spaces of the run go too. */
    for (int i = c.npieces - 1; i >= 0; i--) {
        if (c.pieces[i].kind != PARA_TEXT)
            break;
        int off = c.piece_offset[i];
        while (c.pieces[i].len > 0 && c.text.data[off + c.pieces[i].len - 1] == ' ')
            c.pieces[i].len--;
        if (c.pieces[i].len > 0)
            break;
    }
    collector_point_texts(&c);
    const FoStyle *bs = f->style;
    ParaInput in;
    memset(&in, 0, sizeof in);
    in.styles = c.styles;
    in.nstyles = c.nstyles;
    in.pieces = c.pieces;
    in.npieces = c.npieces;
    in.width = f->cx1 - f->cx0;
    in.text_indent = f->first_lines_done ? 0 : fo_length_resolve(bs->text_indent, in.width);
    in.last_line_end_indent = fo_length_resolve(bs->last_line_end_indent, in.width);
    uint8_t a = bs->text_align;
    if (a == FO_ALIGN_LEFT || a == FO_ALIGN_INSIDE)
        a = FO_ALIGN_START;
    if (a == FO_ALIGN_RIGHT || a == FO_ALIGN_OUTSIDE)
        a = FO_ALIGN_END;
    in.align = a;
    uint8_t al = bs->text_align_last;
    if (al == FO_ALIGN_RELATIVE)
        al = a == FO_ALIGN_JUSTIFY ? FO_ALIGN_START : a;
    if (al == FO_ALIGN_LEFT || al == FO_ALIGN_INSIDE)
        al = FO_ALIGN_START;
    if (al == FO_ALIGN_RIGHT || al == FO_ALIGN_OUTSIDE)
        al = FO_ALIGN_END;
    in.align_last = al;
    in.wrap = bs->wrap_option == FO_WRAP;
    in.cut_long_words = g->in_table_cell;
    in.overflow_room = g->region_x1 - f->cx0;
    in.strut_font = cocom_font_get(g->ctx, bs->font_family, bs->font_size, bs->font_weight, bs->font_style,
                                   bs->font_variant);
    in.strut_line_height = line_height_of(bs);
    in.file = g->env->file;
    in.line = xmlGetLineNo(first->type == XML_ELEMENT_NODE ? first : first->parent);
    ParaLine *lines = NULL;
    int n = cocom_para_compose(g->ctx, &in, &lines);
    warn_overfull(g, f, lines, n);
    int widows = bs->widows > 0 ? bs->widows : 1, orphans = bs->orphans > 0 ? bs->orphans : 1;
    int32_t kt = f->kt_prefix;
    ParaSrc *src = NULL;
    if (g->relayable && n > 0) {
        src = para_src_new(&c, &in, f);
        src->nlines = n;
        src->widows = widows;
        src->orphans = orphans;
        src->kt = kt;
    }
    for (int i = 0; i < n; i++) {
        int32_t pen;
        if (i == 0) {
            pen = content_penalty(g);
            if (src)
                src->first_penalty = pen;
        } else {
            pen = kt;
            if (i < orphans || n - i < widows)
                pen = KEEP_ALWAYS;
        }
        Item *it = emit(g, IT_LINE);
        it->penalty = pen;
        it->line = lines[i];
        it->x = f->cx0;
        it->line.ref_dx = f->ref_x0 - f->cx0 - lines[i].x;
        it->height = lines[i].ascent + lines[i].descent;
        if (src) {
            src->refs++;
            it->para = src;
            it->para_index = i;
        }
        content_emitted(g);
    }
    para_src_unref(src);
    free(lines);
    if (n > 0)
        f->first_lines_done = 1;
    if (g->env->in_static) {
        /* Footnotes cannot be in static content (§6.10.3): their bodies
         * follow their paragraph there. */
        if (c.nfootnotes && cocom_report_once(g->ctx, "footnote-in-static"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c.footnotes[0]),
                         "fo:footnote in static content: its body is set after the paragraph, not at the foot of the page");
        for (int i = 0; i < c.nfootnotes; i++)
            for (xmlNodePtr ch = c.footnotes[i]->children; ch; ch = ch->next)
                if (ch->type == XML_ELEMENT_NODE)
                    emit_block_for_node(g, ch);
    } else {
        attach_footnotes(g, &c, g->queue.n - (size_t)n, n);
    }
    for (int i = 0; i < c.nfootnotes; i++)
        free(c.footnote_styles[i]);
    free(c.footnote_styles);
    free(c.footnotes);
    free(c.styles);
    free(c.pieces);
    free(c.piece_offset);
    cocom_buf_free(&c.text);
}

/* ---------------------------------------------------------------------- */
/* Rows: shared by tables and lists                                         */

/* The height of an item list laid out whole (a cell's content). */
static double items_height(const ItemList *l, size_t from)
{
    double h = 0;
    size_t gap = from;
    for (size_t i = from; i < l->n; i++) {
        const Item *it = &l->items[i];
        if (it->type == IT_LINE || it->type == IT_ROW) {
            h += gap_height(l->items, gap, i, gap == from, 0) + it->height;
            gap = i + 1;
        }
    }
    h += gap_height(l->items, gap, l->n, gap == from, 1);
    return h;
}

static Galley *galley_sub(Galley *parent, xmlNodePtr node, const FoStyle *style, double x0, double w)
{
    Galley *g = galley_new(parent->env, node, style, x0, w);
    g->level = parent->level + 1;
    g->in_table_cell = parent->in_table_cell;
    g->region_x1 = parent->region_x1;
    return g;
}

/* Does a row's cells hold a forced break (break-before or break-after on
 * a block in a cell, or in a row nested there)?  Pagination then ends the
 * page inside the row (XSL 1.1 §7.20.1: a break is honoured wherever the
 * formatting object is). */
static int row_cells_break(const Row *r)
{
    for (int i = 0; i < r->ncells; i++) {
        const ItemList *l = &r->cells[i].content;
        for (size_t k = 0; k < l->n; k++)
            if (l->items[k].type == IT_BREAK || (l->items[k].type == IT_ROW && l->items[k].row->has_break))
                return 1;
    }
    return 0;
}

/* Puts a list's items between the start and the end of an id box (whose
 * reference it takes). */
static void wrap_with_id(ItemList *l, LBox *b)
{
    COCOM_GROW(l->items, l->cap, l->n + 2);
    memmove(l->items + 1, l->items, l->n * sizeof(Item));
    l->n++;
    memset(&l->items[0], 0, sizeof(Item));
    l->items[0].type = IT_START;
    l->items[0].box = lbox_ref(b);
    Item *end = list_push(l, IT_END);
    end->box = b;
}

/* Fills a cell's content with a galley over its children. */
static void cell_fill(Galley *g, Cell *cell, xmlNodePtr node, const FoStyle *style, double ref_x0, double ref_w,
                      int table_cell)
{
    if (g->level > 30) {
        if (cocom_report_once(g->ctx, "cell-depth"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "tables and lists are nested more than 30 deep; the deeper content is left out");
        return;
    }
    Galley *sub = galley_sub(g, node, style, ref_x0, ref_w);
    if (table_cell)
        sub->in_table_cell = 1;
    galley_run(sub, &cell->content);
    galley_free(sub);
    /* A cell's (or a list item's part's) markers: on the pages its
     * content is placed on. */
    CocomMarkers *ms = g->env->in_static ? NULL : cocom_markers_of(node);
    if (ms) {
        LBox *b = id_box(NULL, ref_x0, ref_x0 + ref_w);
        b->markers = ms;
        wrap_with_id(&cell->content, b);
    }
}

/* ---------------------------------------------------------------------- */
/* Lists                                                                    */

static void emit_list_item(Galley *g, xmlNodePtr item)
{
    Frame *f = top(g);
    FoStyle *s = style_new(g, item, f->child_parent);
    emit_break(g, s->break_before);
    emit_space(g, &s->space_before);
    int32_t kwp = keep_penalty(s->keep_with_previous.within_page);
    if (kwp > g->kwp)
        g->kwp = kwp;
    Row *row = cocom_xcalloc(1, sizeof *row);
    row->nrows = 1;
    row->row_heights = cocom_xcalloc(1, sizeof(double));
    const char *role = g->env->in_static ? NULL : explicit_role(g, item, s);
    if (role) {
        row->roles = cocom_xcalloc(1, sizeof(const char *));
        row->roles[0] = role;
    }
    LBox *ib = box_new(s, FO_LIST_ITEM, f->ref_x0, f->ref_w);
    if (box_visible(ib))
        row->box = ib;
    else
        lbox_unref(ib);
    xmlNodePtr label = fo_child(item, FO_LIST_ITEM_LABEL), body = fo_child(item, FO_LIST_ITEM_BODY);
    row->cells = cocom_xcalloc(2, sizeof(Cell));
    xmlNodePtr parts[2] = {label, body};
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        FoStyle *ps = style_new(g, parts[i], s);
        Cell *cell = &row->cells[row->ncells++];
        cell->row_span = 1;
        cell->is_label = i == 0;
        cell->role = g->env->in_static ? NULL : explicit_role(g, parts[i], ps);
        cell->x0 = f->ref_x0 + fo_length_resolve(ps->start_indent, f->ref_w);
        cell->x1 = f->ref_x0 + f->ref_w - fo_length_resolve(ps->end_indent, f->ref_w);
        cell->display_align = FO_DISPLAY_ALIGN_BEFORE;
        /* Label and body blocks measure their indents from the list's own
         * reference area (that is what label-end() and body-start() mean). */
        cell_fill(g, cell, parts[i], ps, f->ref_x0, f->ref_w, 0);
        if (ps->id && *ps->id)
            wrap_with_id(&cell->content, id_box(ps->id, cell->x0, cell->x1));
        free(ps);
    }
    double h = 0;
    for (int i = 0; i < row->ncells; i++) {
        double ch = items_height(&row->cells[i].content, 0);
        if (ch > h)
            h = ch;
    }
    row->row_heights[0] = h;
    row->has_break = (uint8_t)row_cells_break(row);
    int32_t kt = keep_penalty(s->keep_together.within_page);
    row->keep_inside = kt > f->kt_prefix ? kt : f->kt_prefix;
    Item *it = emit(g, IT_ROW);
    it->penalty = content_penalty(g);
    it->row = row;
    it->height = h + (row->box ? box_before(row->box) + box_after(row->box) : 0);
    content_emitted(g);
    int32_t kwn = keep_penalty(s->keep_with_next.within_page);
    emit_space(g, &s->space_after);
    if (kwn > g->kwn)
        g->kwn = kwn;
    emit_break(g, s->break_after);
    free(s);
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                   */

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

static double border_width_of(const FoBorder *b)
{
    return b->style == FO_BORDER_NONE || b->style == FO_BORDER_HIDDEN ? 0 : b->width;
}

/* The collapsing-border precedence of XSL 1.1 §6.7.10 (after CSS 2.1):
 * hidden wins, then wider, then style (double, solid, dashed, dotted,
 * ridge, outset, groove, inset), then the nearer element (given first). */
static FoBorder border_winner(FoBorder a, FoBorder b)
{
    if (a.style == FO_BORDER_HIDDEN)
        return a;
    if (b.style == FO_BORDER_HIDDEN)
        return b;
    double wa = border_width_of(&a), wb = border_width_of(&b);
    if (wa != wb)
        return wa > wb ? a : b;
    static const int rank[] = {[FO_BORDER_NONE] = 0, [FO_BORDER_HIDDEN] = 9, [FO_BORDER_DOTTED] = 5,
                               [FO_BORDER_DASHED] = 6, [FO_BORDER_SOLID] = 7, [FO_BORDER_DOUBLE] = 8,
                               [FO_BORDER_GROOVE] = 2, [FO_BORDER_RIDGE] = 4, [FO_BORDER_INSET] = 1,
                               [FO_BORDER_OUTSET] = 3};
    return rank[b.style] > rank[a.style] ? b : a;
}

/* Measures the narrowest and widest a piece of content can be laid out
 * (for automatic table layout): the longest word, and everything on one
 * line.  Each cell is measured once. */
static void measure_children(Galley *g, xmlNodePtr node, const FoStyle *style, double *mn, double *mx, int depth);

static void measure_inline_run(Galley *g, xmlNodePtr first, xmlNodePtr stop, const FoStyle *style, double *mn,
                               double *mx)
{
    Frame tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.style = (FoStyle *)style;
    tmp.child_parent = (FoStyle *)style;
    tmp.cx0 = 0;
    tmp.cx1 = 1e6;
    Collector c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.block = &tmp;
    c.last_was_space = 1;
    InlineCtx ic = {FO_COLOR_TRANSPARENT, 0, 0, -1, -1};
    collect_children(&c, first, stop, style, &ic);
    collector_point_texts(&c);
    /* Widest: one line per forced break; narrowest: the widest word. */
    double line = 0, word = 0;
    for (int i = 0; i < c.npieces; i++) {
        const ParaPiece *p = &c.pieces[i];
        const ParaStyle *ps = &c.styles[p->style];
        if (p->kind == PARA_BOX) {
            line += p->width;
            word += p->width;
            if (word > *mn) *mn = word;
            continue;
        }
        if (p->kind == PARA_LEADER) {
            /* A leader is never narrower than its minimum length: a
             * blank to fill in by hand keeps that much room. */
            line += p->leader_opt;
            if (p->leader_min > *mn)
                *mn = p->leader_min;
            word = 0;
            continue;
        }
        if (p->kind != PARA_TEXT)
            continue;
        const char *t = p->text, *end = t + p->len;
        while (t < end) {
            const char *w = t;
            while (w < end && *w != ' ' && *w != '\n')
                w++;
            /* A word may break after a hyphen between letters ("Montgomery-
             * Fitzwilliam"), as the composer breaks it (para.c), so its
             * narrowest is its widest part; a web address is one piece. */
            int url = memmem(t, (size_t)(w - t), "://", 3) != NULL || (w - t > 4 && strncmp(t, "www.", 4) == 0);
            for (const char *q = t; q < w;) {
                const char *e = q + 1;
                while (e < w && !(!url && e[-1] == '-' && e - 1 > q && g_ascii_isalnum(e[-2]) && g_ascii_isalpha(*e)))
                    e++;
                const CocomShapedWord *sw = cocom_font_shape(g->ctx, ps->font, q, (int)(e - q), ps->letter_spacing);
                if (q > t)
                    word = 0;
                line += sw->width;
                word += sw->width;
                if (word > *mn)
                    *mn = word;
                q = e;
            }
            if (w < end && *w == ' ') {
                line += ps->font->space_width + ps->word_spacing;
                word = 0;
                w++;
            } else if (w < end && *w == '\n') {
                if (line > *mx)
                    *mx = line;
                line = 0;
                word = 0;
                w++;
            }
            t = w;
        }
    }
    if (line > *mx)
        *mx = line;
    if (*mn > *mx)
        *mx = *mn;
    for (int i = 0; i < c.nfootnotes; i++)
        free(c.footnote_styles[i]);
    free(c.footnote_styles);
    free(c.footnotes);
    free(c.styles);
    free(c.pieces);
    free(c.piece_offset);
    cocom_buf_free(&c.text);
    cocom_font_cache_trim(g->ctx);
}

static double horizontal_extras(const FoStyle *s, double ref)
{
    double e = 0;
    for (int side = FO_START; side <= FO_END; side++)
        e += border_width_of(&s->border[side]) + fo_length_resolve(s->padding[side].length, ref);
    double si = fo_length_resolve(s->start_indent, ref), ei = fo_length_resolve(s->end_indent, ref);
    return e + (si > 0 ? si : 0) + (ei > 0 ? ei : 0);
}

static void measure_children(Galley *g, xmlNodePtr node, const FoStyle *style, double *mn, double *mx, int depth)
{
    if (depth > 50)
        return;
    xmlNodePtr n = node->children;
    while (n) {
        if (is_inline_node(n)) {
            xmlNodePtr stop = n;
            while (stop && (is_inline_node(stop) || stop->type == XML_COMMENT_NODE))
                stop = stop->next;
            double a = 0, b = 0;
            measure_inline_run(g, n, stop, style, &a, &b);
            if (a > *mn) *mn = a;
            if (b > *mx) *mx = b;
            n = stop;
            continue;
        }
        if (n->type == XML_ELEMENT_NODE && fo_kind_support(fo_kind(n)) != FO_SUPPORT_SKIP && fo_kind(n) != FO_MARKER
            && fo_kind(n) != FO_RETRIEVE_MARKER) {
            FoStyle *s = style_new(g, n, style);
            FoKind k = fo_kind(n);
            double a = 0, b = 0;
            if (k == FO_TABLE) {
                /* A nested table: at least its columns' given widths. */
                measure_children(g, n, s, &a, &b, depth + 1);
                if (s->width.kind == FO_LEN_VALUE && s->width.pct == 0)
                    a = b = s->width.abs;
            } else if (k == FO_TABLE_ROW || k == FO_TABLE_BODY || k == FO_TABLE_HEADER || k == FO_TABLE_FOOTER) {
                /* Cells side by side add up. */
                for (xmlNodePtr r = n->children; r; r = r->next) {
                    if (fo_kind(r) != FO_TABLE_CELL && fo_kind(r) != FO_TABLE_ROW)
                        continue;
                    double ra = 0, rb = 0;
                    FoStyle *rs = style_new(g, r, s);
                    measure_children(g, r, rs, &ra, &rb, depth + 1);
                    free(rs);
                    if (fo_kind(r) == FO_TABLE_CELL) {
                        a += ra;
                        b += rb;
                    } else {
                        if (ra > a) a = ra;
                        if (rb > b) b = rb;
                    }
                }
            } else {
                measure_children(g, n, s, &a, &b, depth + 1);
            }
            double extra = horizontal_extras(s, 0) - horizontal_extras(style, 0);
            if (extra < 0)
                extra = 0;
            if (a + extra > *mn) *mn = a + extra;
            if (b + extra > *mx) *mx = b + extra;
            free(s);
        }
        n = n->next;
    }
}

/* Does a table cell hold nothing to show (no text, no graphic)? */
static int cell_is_empty(xmlNodePtr cell)
{
    for (xmlNodePtr c = cell->children; c; c = c->next) {
        if (is_visible_text(c)) {
            return 0;
        } else if (c->type == XML_ELEMENT_NODE) {
            FoKind k = fo_kind(c);
            if (k == FO_EXTERNAL_GRAPHIC || k == FO_CHARACTER || k == FO_LEADER || k == FO_PAGE_NUMBER
                || k == FO_PAGE_NUMBER_CITATION || k == FO_PAGE_NUMBER_CITATION_LAST || !cell_is_empty(c))
                return 0;
        }
    }
    return 1;
}

/* A bound on a table's columns, so that number-columns-repeated="1e9"
 * cannot exhaust memory; no real table comes near it. */
#define MAX_COLUMNS 1000

static void table_collect_columns(Galley *g, TableState *ts, xmlNodePtr table)
{
    for (xmlNodePtr c = table->children; c; c = c->next) {
        if (fo_kind(c) != FO_TABLE_COLUMN)
            continue;
        FoStyle *s = style_new(g, c, ts->style);
        int rep = s->number_columns_repeated > 0 ? s->number_columns_repeated : 1;
        int at = s->column_number > 0 ? s->column_number - 1 : ts->ncols;
        if (at >= MAX_COLUMNS)
            at = ts->ncols;
        if (at + rep > MAX_COLUMNS) {
            if (cocom_report_once(g->ctx, "max-columns"))
                cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c),
                             "a table has more than %d columns; the columns after the %dth are left out",
                             MAX_COLUMNS, MAX_COLUMNS);
            rep = MAX_COLUMNS - at > 0 ? MAX_COLUMNS - at : 0;
        }
        for (int r = 0; r < rep; r++) {
            int idx = at + r;
            if (idx >= ts->ncols) {
                ts->cols = cocom_xrealloc(ts->cols, sizeof(Column) * (size_t)(idx + 1));
                for (int k = ts->ncols; k <= idx; k++) {
                    memset(&ts->cols[k], 0, sizeof(Column));
                    ts->cols[k].spec.kind = FO_LEN_AUTO;
                }
                ts->ncols = idx + 1;
            }
            ts->cols[idx].spec = s->column_width;
            /* Each column its own copy: repeated columns share the
             * properties (borders, background) of their table-column. */
            free(ts->cols[idx].style);
            ts->cols[idx].style = cocom_xmalloc(sizeof *s);
            *ts->cols[idx].style = *s;
        }
        free(s);
    }
}

/* The number of columns the rows use (for tables with too few
 * table-column elements, or none). */
static int table_count_columns(xmlNodePtr table)
{
    int best = 0;
    for (xmlNodePtr sec = table->children; sec; sec = sec->next) {
        FoKind sk = fo_kind(sec);
        if (sk != FO_TABLE_BODY && sk != FO_TABLE_HEADER && sk != FO_TABLE_FOOTER)
            continue;
        int n = 0;
        for (xmlNodePtr r = sec->children; r; r = r->next) {
            if (fo_kind(r) == FO_TABLE_ROW) {
                int m = 0;
                for (xmlNodePtr c = r->children; c; c = c->next)
                    if (fo_kind(c) == FO_TABLE_CELL) {
                        const char *sp = fo_attr(c, "number-columns-spanned");
                        const char *cn = fo_attr(c, "column-number");
                        int span = sp ? atoi(sp) : 1;
                        if (cn && atoi(cn) > 0 && atoi(cn) - 1 > m)
                            m = atoi(cn) - 1;
                        m += span > 0 && span < 1000 ? span : 1;
                    }
                if (m > best)
                    best = m;
            } else if (fo_kind(r) == FO_TABLE_CELL) {
                const char *sp = fo_attr(r, "number-columns-spanned");
                int span = sp ? atoi(sp) : 1;
                n += span > 0 && span < 1000 ? span : 1;
                const char *er = fo_attr(r, "ends-row");
                if (er && strcmp(er, "true") == 0) {
                    if (n > best)
                        best = n;
                    n = 0;
                }
            }
        }
        if (n > best)
            best = n;
    }
    return best;
}

/* Auto layout: each cell's min and max content width, once. */
static void table_measure(Galley *g, TableState *ts, xmlNodePtr table)
{
    for (xmlNodePtr sec = table->children; sec; sec = sec->next) {
        FoKind sk = fo_kind(sec);
        if (sk != FO_TABLE_BODY && sk != FO_TABLE_HEADER && sk != FO_TABLE_FOOTER)
            continue;
        FoStyle *ss = style_new(g, sec, ts->style);
        int col = 0;
        for (xmlNodePtr r = sec->children; r; r = r->next) {
            FoKind rk = fo_kind(r);
            xmlNodePtr cells = rk == FO_TABLE_ROW ? r->children : r;
            FoStyle *rs = rk == FO_TABLE_ROW ? style_new(g, r, ss) : NULL;
            if (rk == FO_TABLE_ROW)
                col = 0;
            for (xmlNodePtr c = cells; c; c = rk == FO_TABLE_ROW ? c->next : NULL) {
                if (fo_kind(c) != FO_TABLE_CELL)
                    continue;
                FoStyle *cs = style_new(g, c, rs ? rs : ss);
                if (cs->column_number > 0 && cs->column_number <= ts->ncols)
                    col = cs->column_number - 1;
                int span = cs->number_columns_spanned > 0 ? cs->number_columns_spanned : 1;
                double mn = 0, mx = 0;
                FoStyle *inner = cocom_xmalloc(sizeof *inner);
                *inner = *cs;
                memset(&inner->start_indent, 0, sizeof inner->start_indent);
                memset(&inner->end_indent, 0, sizeof inner->end_indent);
                measure_children(g, c, inner, &mn, &mx, 0);
                free(inner);
                double extra = 0;
                for (int side = FO_START; side <= FO_END; side++)
                    extra += border_width_of(&cs->border[side]) + fo_length_resolve(cs->padding[side].length, 0);
                mn += extra;
                mx += extra;
                if (col < ts->ncols) {
                    if (span == 1) {
                        if (mn > ts->cols[col].min) ts->cols[col].min = mn;
                        if (mx > ts->cols[col].max) ts->cols[col].max = mx;
                    } else {
                        /* Spanning cells: spread what the columns lack evenly. */
                        int last = col + span > ts->ncols ? ts->ncols : col + span;
                        double hmin = 0, hmax = 0;
                        for (int k = col; k < last; k++) {
                            hmin += ts->cols[k].min;
                            hmax += ts->cols[k].max;
                        }
                        for (int k = col; k < last; k++) {
                            if (mn > hmin) ts->cols[k].min += (mn - hmin) / (last - col);
                            if (mx > hmax) ts->cols[k].max += (mx - hmax) / (last - col);
                        }
                    }
                }
                col += span;
                if (cs->ends_row && rk != FO_TABLE_ROW)
                    col = 0;
                free(cs);
            }
            free(rs);
        }
        free(ss);
    }
}

/* The lines a column's longest content takes at width w (roughly: its
 * one-line width over w). */
static int column_lines(const Column *c, double w)
{
    return w <= 0 ? 1000 : (int)ceil(c->max / w - 1e-6);
}

/* Automatic columns when the table is narrower than its content on one
 * line but wider than its longest words (the columns marked -1).  Each
 * starts at its minimum, a column short enough at its one line; `extra`
 * then goes where it makes the table
 * shortest: the columns whose content takes the most lines are widened
 * together until they take one line fewer, while it lasts, then the
 * cheapest of them alone; what is left is shared in proportion to what
 * each column still wants.  CSS 2.1 leaves this open; sharing in
 * proportion alone wrapped every short column a little ("One / vote")
 * without making any row shorter. */
static void share_between(TableState *ts, double extra)
{
    int n = ts->ncols, nauto = 0;
    double total = extra;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width < 0) {
            ts->cols[i].width = ts->cols[i].min;
            total += ts->cols[i].min;
            nauto++;
        }
    /* A column whose whole content fits on one line in an equal share
     * (a date, a version, "One vote") gets that line first: it costs
     * little, and wrapping "3 September 2015" saves no row a line. */
    for (int i = 0; i < n && nauto > 0; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && c->max <= total / nauto && c->max - c->width <= extra) {
            extra -= c->max - c->width;
            c->width = c->max;
        }
    }
    for (int guard = 0; guard < 1000; guard++) {
        int top = 1;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].spec.kind == FO_LEN_AUTO && ts->cols[i].width < ts->cols[i].max) {
                int l = column_lines(&ts->cols[i], ts->cols[i].width);
                if (l > top)
                    top = l;
            }
        if (top <= 1)
            break;
        /* What each column at `top` lines needs to take one line fewer. */
        double all = 0, cheapest = -1;
        int cheap = -1;
        for (int i = 0; i < n; i++) {
            const Column *c = &ts->cols[i];
            if (c->spec.kind != FO_LEN_AUTO || c->width >= c->max || column_lines(c, c->width) < top)
                continue;
            double need = c->max / (top - 1) - c->width;
            all += need;
            if (cheap < 0 || need < cheapest) {
                cheap = i;
                cheapest = need;
            }
        }
        if (all <= extra) {
            for (int i = 0; i < n; i++) {
                Column *c = &ts->cols[i];
                if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && column_lines(c, c->width) >= top) {
                    double w = c->max / (top - 1);
                    c->width = w < c->max ? w : c->max;
                }
            }
            extra -= all;
        } else if (cheap >= 0 && cheapest <= extra) {
            ts->cols[cheap].width += cheapest;
            extra -= cheapest;
        } else {
            break;
        }
    }
    double wants = 0;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO && ts->cols[i].width < ts->cols[i].max)
            wants += ts->cols[i].max - ts->cols[i].width;
    for (int i = 0; i < n; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_AUTO && c->width < c->max && wants > 0) {
            double add = (c->max - c->width) * extra / wants;
            c->width += add;
        }
    }
}

/* Automatic columns when the table is narrower than even its longest
 * words (the columns marked -2).  A column whose longest word fits in an
 * equal share keeps that word whole ("Voting", "weight"): cutting a short
 * word is the worst break there is.  The columns of long words, which
 * hyphenation can break well, share what is left in proportion to their
 * longest words.  Sharing everything in proportion cut "weig|ht" while a
 * column of long names kept room to spare. */
static void share_short(TableState *ts, double rest)
{
    int n = ts->ncols;
    for (int changed = 1; changed;) {
        changed = 0;
        int left = 0;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].width == -2)
                left++;
        if (!left)
            return;
        double share = rest / left;
        for (int i = 0; i < n; i++)
            if (ts->cols[i].width == -2 && ts->cols[i].min <= share) {
                ts->cols[i].width = ts->cols[i].min;
                rest -= ts->cols[i].min;
                changed = 1;
            }
    }
    double big = 0;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width == -2)
            big += ts->cols[i].min;
    for (int i = 0; i < n; i++)
        if (ts->cols[i].width == -2)
            ts->cols[i].width = big > 0 && rest > 0 ? ts->cols[i].min * rest / big : 0;
}

/* Column widths: given lengths and percentages first; proportional units
 * share what is left; automatic layout as CSS 2.1 §17.5.2.2 does it. */
static void table_widths(Galley *g, TableState *ts, xmlNodePtr table, double avail)
{
    const FoStyle *s = ts->style;
    int fixed = s->table_layout == FO_TABLE_LAYOUT_FIXED;
    double tw;
    int width_given = s->width.kind == FO_LEN_VALUE;
    if (width_given)
        tw = fo_length_resolve(s->width, avail);
    else
        tw = avail;
    if (tw <= 0)
        tw = avail > 0 ? avail : 1;
    double spacing = ts->collapse ? 0 : ts->spacing_h * (ts->ncols + 1);
    double frame_w = 0;   /* the columns fill the table's content box */
    double inner = tw - spacing - frame_w;
    int any_auto_column = 0;
    for (int i = 0; i < ts->ncols; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO)
            any_auto_column = 1;
    if (!fixed || any_auto_column)
        table_measure(g, ts, table);
    double used = 0, prop_units = 0;
    for (int i = 0; i < ts->ncols; i++) {
        Column *c = &ts->cols[i];
        if (c->spec.kind == FO_LEN_VALUE) {
            c->width = fo_length_resolve(c->spec, inner);
            used += c->width;
        } else if (c->spec.kind == FO_LEN_PROPORTIONAL) {
            prop_units += c->spec.abs > 0 ? c->spec.abs : 1;
        }
    }
    double rest = inner - used;
    if (prop_units > 0) {
        for (int i = 0; i < ts->ncols; i++)
            if (ts->cols[i].spec.kind == FO_LEN_PROPORTIONAL) {
                double u = ts->cols[i].spec.abs > 0 ? ts->cols[i].spec.abs : 1;
                ts->cols[i].width = rest > 0 ? rest * u / prop_units : 0;
            }
        rest = 0;
    }
    /* Automatic columns share the rest from their content widths. */
    double amin = 0, amax = 0;
    int nauto = 0;
    for (int i = 0; i < ts->ncols; i++)
        if (ts->cols[i].spec.kind == FO_LEN_AUTO) {
            amin += ts->cols[i].min;
            amax += ts->cols[i].max;
            nauto++;
        }
    if (nauto) {
        if (!width_given && !fixed && prop_units == 0 && amax + used < inner) {
            /* Shrink to fit: an automatic table is as wide as its content. */
            rest = amax;
            tw = amax + used + spacing + frame_w;
        }
        for (int i = 0; i < ts->ncols; i++) {
            Column *c = &ts->cols[i];
            if (c->spec.kind != FO_LEN_AUTO)
                continue;
            if (fixed && amax == 0)
                c->width = rest / nauto;
            else if (rest >= amax)   /* room for all: widen in proportion to max */
                c->width = amax > 0 ? c->max * rest / amax : rest / nauto;
            else if (rest <= amin)   /* not even the minimum: shared below */
                c->width = -2;
            else
                c->width = -1;   /* between: shared below */
        }
        if (rest > amin && rest < amax)
            share_between(ts, rest - amin);
        else if (rest <= amin && amin > 0)
            share_short(ts, rest);
    }
    double sum = spacing + frame_w;
    for (int i = 0; i < ts->ncols; i++) {
        if (ts->cols[i].width < 0)
            ts->cols[i].width = 0;
        sum += ts->cols[i].width;
    }
    if (sum > avail + 0.5 && cocom_report_once(g->ctx, "table-too-wide"))
        cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(table),
                     "the table's columns (%.0fpt) are wider than the space for it (%.0fpt)", sum, avail);
    ts->width = sum;
}

/* Resolves a cell's borders in the collapsing model: the cell's own,
 * against the row's, the column's and, at the table's edges, the
 * section's and the table's. */
static void collapse_cell_borders(TableState *ts, FoStyle *cs, const FoStyle *rs, const FoStyle *ss, int col,
                                  int span, int first_row, int last_row)
{
    const FoBorder *tb = ts->tborder;
    const FoStyle *colst = col < ts->ncols ? ts->cols[col].style : NULL;
    FoBorder before = cs->border[FO_BEFORE], after = cs->border[FO_AFTER];
    FoBorder start = cs->border[FO_START], end = cs->border[FO_END];
    if (rs) {
        before = border_winner(before, rs->border[FO_BEFORE]);
        after = border_winner(after, rs->border[FO_AFTER]);
        if (col == 0)
            start = border_winner(start, rs->border[FO_START]);
        if (col + span >= ts->ncols)
            end = border_winner(end, rs->border[FO_END]);
    }
    if (colst) {
        start = border_winner(start, colst->border[FO_START]);
        end = border_winner(end, colst->border[FO_END]);
    }
    if (first_row && ss)
        before = border_winner(before, ss->border[FO_BEFORE]);
    if (last_row && ss)
        after = border_winner(after, ss->border[FO_AFTER]);
    if (first_row)
        before = border_winner(before, tb[FO_BEFORE]);
    if (last_row)
        after = border_winner(after, tb[FO_AFTER]);
    if (col == 0)
        start = border_winner(start, tb[FO_START]);
    if (col + span >= ts->ncols)
        end = border_winner(end, tb[FO_END]);
    cs->border[FO_BEFORE] = before;
    cs->border[FO_AFTER] = after;
    cs->border[FO_START] = start;
    cs->border[FO_END] = end;
}

/* Builds the cells of one table row (or a group of rows joined by
 * row-spanning cells) into a Row. */
typedef struct {
    xmlNodePtr cell;
    FoStyle *style;
    int col, span, rspan, row;
} PendingCell;

static xmlNodePtr cell_run_end(xmlNodePtr first, int ncols);

/* The styles of a row group's fo:table-rows (NULL for a run of cells
 * with no row), in ss, their section's: computed once for the group, which
 * needs them, and for its breaks and keeps. */
static FoStyle **row_group_styles(Galley *g, xmlNodePtr *rows, int nrows, const FoStyle *ss)
{
    FoStyle **styles = cocom_xcalloc((size_t)nrows, sizeof(FoStyle *));
    for (int r = 0; r < nrows; r++)
        styles[r] = fo_kind(rows[r]) == FO_TABLE_ROW ? style_new(g, rows[r], ss) : NULL;
    return styles;
}

static void row_group_styles_free(FoStyle **styles, int nrows)
{
    for (int r = 0; r < nrows; r++)
        free(styles[r]);
    free(styles);
}

/* A row group of rows (row_styles: theirs, from row_group_styles). */
static Row *table_make_row_group(Galley *g, TableState *ts, xmlNodePtr *rows, int nrows, FoStyle *const *row_styles,
                                 const FoStyle *ss, int is_header, int is_footer, int first_rows, int last_rows)
{
    Row *row = cocom_xcalloc(1, sizeof *row);
    row->nrows = nrows;
    row->row_heights = cocom_xcalloc((size_t)nrows, sizeof(double));
    row->is_header = (uint8_t)is_header;
    row->is_footer = (uint8_t)is_footer;
    row->table = ts->table;
    ts->table->refs++;
    PendingCell *pc = NULL;
    size_t npc = 0, cappc = 0;
    int32_t keep = 0;
    for (int r = 0; r < nrows; r++) {
        FoKind rk = fo_kind(rows[r]);
        const FoStyle *rs = row_styles[r];
        const char *role = rs && !g->env->in_static ? explicit_role(g, rows[r], rs) : NULL;
        if (role) {
            if (!row->roles)
                row->roles = cocom_xcalloc((size_t)nrows, sizeof(const char *));
            row->roles[r] = role;
        }
        if (rs) {
            int32_t kt = keep_penalty(rs->keep_together.within_page);
            if (kt > keep)
                keep = kt;
            if (rs->height.kind == FO_LEN_VALUE)
                row->row_heights[r] = fo_length_resolve(rs->height, 0);
            else if (rs->block_progression_dimension.min.kind == FO_LEN_VALUE)
                row->row_heights[r] = fo_length_resolve(rs->block_progression_dimension.min, 0);
        }
        /* A row's background, else its section's (table-header,
         * table-body), painted behind its cells. */
        FoColor bg = rs && rs->background_color != FO_COLOR_TRANSPARENT ? rs->background_color : ss->background_color;
        if (r == 0 && bg != FO_COLOR_TRANSPARENT) {
            row->box = cocom_xcalloc(1, sizeof *row->box);
            row->box->refs = 1;
            row->box->background = bg;
            row->box->x0 = ts->x0;
            row->box->x1 = ts->x0 + ts->width;
        }
        /* The row's id is where the row group begins (an id on a later
         * row of the group: where the first cell beginning in it does). */
        if (r == 0 && rs && rs->id && *rs->id) {
            if (!row->box)
                row->box = id_box(NULL, ts->x0, ts->x0 + ts->width);
            box_strings(row->box, rs->id, NULL, NULL);
        }
        int col = 0;
        xmlNodePtr first = rk == FO_TABLE_ROW ? rows[r]->children : rows[r];
        xmlNodePtr stop = rk == FO_TABLE_ROW ? NULL : cell_run_end(rows[r], ts->ncols);
        for (xmlNodePtr c = first; c && c != stop; c = c->next) {
            if (fo_kind(c) != FO_TABLE_CELL) {
                if (c->type == XML_ELEMENT_NODE)
                    fo_warn_unsupported(g->ctx, g->env->file, c);
                continue;
            }
            FoStyle *cs = style_new(g, c, rs ? rs : ss);
            if (cs->column_number > 0 && cs->column_number <= ts->ncols)
                col = cs->column_number - 1;
            while (col < ts->ncols && ts->span_left[col] > 0)
                col++;
            if (col >= ts->ncols) {
                /* No column left for it (FOP stops with an error here). */
                if (cocom_report_once(g->ctx, "cells-past-columns"))
                    cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(c),
                                 "a table row has more cells than the table has columns (%d); "
                                 "the cells that do not fit are left out", ts->ncols);
                free(cs);
                continue;
            }
            int span = cs->number_columns_spanned > 0 ? cs->number_columns_spanned : 1;
            if (col + span > ts->ncols)
                span = ts->ncols - col > 0 ? ts->ncols - col : 1;
            int rspan = cs->number_rows_spanned > 0 ? cs->number_rows_spanned : 1;
            if (rspan > nrows - r)
                rspan = nrows - r;
            COCOM_GROW(pc, cappc, npc + 1);
            pc[npc++] = (PendingCell){c, cs, col, span, rspan, r};
            for (int k = col; k < col + span && k < ts->ncols; k++)
                ts->span_left[k] = rspan;
            col += span;
        }
        for (int k = 0; k < ts->ncols; k++)
            if (ts->span_left[k] > 0)
                ts->span_left[k]--;
    }
    /* Column positions. */
    double *xs = cocom_xmalloc(sizeof(double) * (size_t)(ts->ncols + 1));
    double x = ts->x0 + ts->spacing_h;
    for (int k = 0; k < ts->ncols; k++) {
        xs[k] = x;
        x += ts->cols[k].width + (ts->collapse ? 0 : ts->spacing_h);
    }
    xs[ts->ncols] = x - (ts->collapse ? 0 : ts->spacing_h);
    row->cells = cocom_xcalloc(npc ? npc : 1, sizeof(Cell));
    for (size_t i = 0; i < npc; i++) {
        PendingCell *p = &pc[i];
        FoStyle *cs = p->style;
        if (ts->collapse)
            collapse_cell_borders(ts, cs, row_styles[p->row], ss, p->col, p->span,
                                  first_rows && p->row == 0, last_rows && p->row + p->rspan >= nrows);
        Cell *cell = &row->cells[row->ncells++];
        cell->first_row = p->row;
        cell->row_span = p->rspan;
        cell->display_align = cs->display_align == FO_DISPLAY_ALIGN_AUTO ? FO_DISPLAY_ALIGN_BEFORE : cs->display_align;
        cell->x0 = xs[p->col];
        cell->x1 = p->col + p->span < ts->ncols ? xs[p->col + p->span] - (ts->collapse ? 0 : ts->spacing_h)
                                                : xs[ts->ncols];
        LBox *b = cocom_xcalloc(1, sizeof *b);
        b->refs = 1;
        b->kind = FO_TABLE_CELL;
        b->x0 = cell->x0;
        b->x1 = cell->x1;
        for (int side = 0; side < 4; side++) {
            b->border[side] = cs->border[side];
            b->border[side].width = border_width_of(&cs->border[side]);
            b->padding[side] = fo_length_resolve(cs->padding[side].length, cell->x1 - cell->x0);
        }
        b->collapsed = (uint8_t)ts->collapse;
        if (ts->collapse) {
            /* Collapsed borders straddle the grid line: half in each cell. */
            for (int side = 0; side < 4; side++)
                b->padding[side] += b->border[side].width / 2 - b->border[side].width;
            for (int side = 0; side < 4; side++)
                if (b->padding[side] < -b->border[side].width / 2)
                    b->padding[side] = -b->border[side].width / 2;
        }
        b->padding_discard[0] = cs->padding[FO_BEFORE].discard;
        b->padding_discard[1] = cs->padding[FO_AFTER].discard;
        b->background = cs->background_color;
        /* empty-cells="hide" (separate borders only): an empty cell shows
         * neither borders nor background. */
        if (!ts->collapse && cs->empty_cells == FO_EMPTY_CELLS_HIDE && cell_is_empty(p->cell)) {
            for (int side = 0; side < 4; side++)
                b->border[side].width = 0;
            b->background = FO_COLOR_TRANSPARENT;
        }
        box_strings(b, cs->id, cs->role ? cs->role : is_header ? "TH" : "TD", NULL);
        cell->box = b;
        double cx0 = cell->x0 + b->border[FO_START].width + b->padding[FO_START];
        double cx1 = cell->x1 - b->border[FO_END].width - b->padding[FO_END];
        if (cx1 < cx0 + 1)
            cx1 = cx0 + 1;
        /* A table cell is a reference area for its blocks' indents. */
        FoStyle *inner = cocom_xmalloc(sizeof *inner);
        *inner = *cs;
        memset(&inner->start_indent, 0, sizeof inner->start_indent);
        memset(&inner->end_indent, 0, sizeof inner->end_indent);
        cell_fill(g, cell, p->cell, inner, cx0, cx1 - cx0, 1);
        free(inner);
        int32_t kt = keep_penalty(cs->keep_together.within_page);
        if (kt > keep)
            keep = kt;
        double ch = items_height(&cell->content, 0) + box_before(b) + box_after(b);
        if (cs->height.kind == FO_LEN_VALUE && fo_length_resolve(cs->height, 0) > ch)
            ch = fo_length_resolve(cs->height, 0);
        /* Single-row cells set their row's height; spanning ones the sum. */
        if (p->rspan == 1) {
            if (ch > row->row_heights[p->row])
                row->row_heights[p->row] = ch;
        }
        free(cs);
    }
    for (size_t i = 0; i < npc; i++) {
        PendingCell *p = &pc[i];
        if (p->rspan <= 1)
            continue;
        Cell *cell = &row->cells[i];
        double ch = items_height(&cell->content, 0) + box_before(cell->box) + box_after(cell->box);
        double have = 0;
        for (int r = p->row; r < p->row + p->rspan; r++)
            have += row->row_heights[r];
        if (ch > have)
            row->row_heights[p->row + p->rspan - 1] += ch - have;
    }
    for (int r = 1; r < nrows; r++) {
        if (!row_styles[r] || !row_styles[r]->id || !*row_styles[r]->id)
            continue;
        for (int i = 0; i < row->ncells; i++)
            if (row->cells[i].first_row == r) {
                wrap_with_id(&row->cells[i].content, id_box(row_styles[r]->id, row->cells[i].x0, row->cells[i].x1));
                break;
            }
    }
    free(xs);
    free(pc);
    row->keep_inside = keep;
    row->has_break = (uint8_t)row_cells_break(row);
    return row;
}

static double row_total(const Row *r)
{
    double h = 0;
    for (int i = 0; i < r->nrows; i++)
        h += r->row_heights[i];
    return h;
}

static int attr_true(xmlNodePtr n, const char *name)
{
    const char *v = fo_attr(n, name);
    return v && strcmp(v, "true") == 0;
}

/* Where a row of bare cells ends: after a cell with ends-row="true",
 * before a later cell with starts-row="true", or when the columns are full. */
static xmlNodePtr cell_run_end(xmlNodePtr first, int ncols)
{
    int cols = 0;
    for (xmlNodePtr c = first; c; c = c->next) {
        if (fo_kind(c) != FO_TABLE_CELL) {
            if (c->type == XML_ELEMENT_NODE)
                return c;
            continue;
        }
        if (c != first && attr_true(c, "starts-row"))
            return c;
        const char *sp = fo_attr(c, "number-columns-spanned");
        int span = sp && atoi(sp) > 0 ? atoi(sp) : 1;
        cols += span;
        if (attr_true(c, "ends-row") || cols >= ncols)
            return c->next;
    }
    return NULL;
}

/* Reads the next row group of a section: a row, plus the rows its cells
 * span into.  Returns the number of rows read into *rows (0 at the end). */
static int next_row_group(TableState *ts, xmlNodePtr *cursor, xmlNodePtr **rows_out)
{
    xmlNodePtr *rows = NULL;
    size_t n = 0, cap = 0;
    int need = 1;   /* rows still needed for the spans seen */
    xmlNodePtr r = *cursor;
    while (r && need > 0) {
        FoKind rk = fo_kind(r);
        if (rk == FO_TABLE_ROW) {
            COCOM_GROW(rows, cap, n + 1);
            rows[n++] = r;
            need--;
            for (xmlNodePtr c = r->children; c; c = c->next) {
                if (fo_kind(c) != FO_TABLE_CELL)
                    continue;
                const char *rs = fo_attr(c, "number-rows-spanned");
                int span = rs ? atoi(rs) : 1;
                if (span > 1 && span < 10000 && span - 1 > need)
                    need = span - 1;
            }
            r = r->next;
        } else if (rk == FO_TABLE_CELL) {
            /* Cells directly in the body: a row is a run of cells (see
             * cell_run_end). */
            COCOM_GROW(rows, cap, n + 1);
            rows[n++] = r;
            need--;
            r = cell_run_end(r, ts->ncols);
        } else {
            r = r->next;
        }
    }
    (void)ts;
    *cursor = r;
    *rows_out = rows;
    return (int)n;
}

static void emit_row_item(Galley *g, Row *row, int32_t penalty)
{
    Item *it = emit(g, IT_ROW);
    it->penalty = penalty;
    it->row = row;
    it->height = row_total(row);
}

/* The rows of a header or footer, laid out once for the whole table. */
static void table_section_rows(Galley *g, TableState *ts, xmlNodePtr sec, int is_header, ItemList *out)
{
    FoStyle *ss = style_new(g, sec, ts->style);
    for (int k = 0; k < ts->ncols; k++)
        ts->span_left[k] = 0;
    xmlNodePtr cur = sec->children;
    int first = 1;
    for (;;) {
        xmlNodePtr *rows = NULL;
        int n = next_row_group(ts, &cur, &rows);
        if (!n) {
            free(rows);
            break;
        }
        FoStyle **styles = row_group_styles(g, rows, n, ss);
        Row *row = table_make_row_group(g, ts, rows, n, styles, ss, is_header, !is_header, first, cur == NULL);
        row_group_styles_free(styles, n);
        row->table_weak = 1;   /* kept by the table itself */
        ts->table->refs--;
        first = 0;
        Item *it = list_push(out, IT_ROW);
        it->row = row;
        it->height = row_total(row);
        it->penalty = KEEP_ALWAYS;
        free(rows);
    }
    free(ss);
}

static void open_table(Galley *g, xmlNodePtr node, FoStyle *s)
{
    TableState *ts = cocom_xcalloc(1, sizeof *ts);
    ts->style = s;
    ts->collapse = s->border_collapse != FO_SEPARATE;
    memcpy(ts->tborder, s->border, sizeof ts->tborder);
    if (ts->collapse) {
        /* In the collapsing model the cells draw the table's borders (the
         * winners at the edges), and a table has no padding. */
        for (int side = 0; side < 4; side++) {
            s->border[side].width = 0;
            s->border[side].style = FO_BORDER_NONE;
            memset(&s->padding[side].length, 0, sizeof s->padding[side].length);
        }
    }
    Frame *f = open_block(g, node, FR_TABLE, s);
    f->table = ts;
    ts->spacing_h = ts->collapse ? 0 : s->border_separation_ipd;
    ts->spacing_v = ts->collapse ? 0 : s->border_separation_bpd;
    ts->table = cocom_xcalloc(1, sizeof *ts->table);
    ts->table->refs = 1;
    ts->table->omit_header_at_break = s->table_omit_header_at_break;
    ts->table->line = xmlGetLineNo(node);
    ts->table->omit_footer_at_break = s->table_omit_footer_at_break;
    table_collect_columns(g, ts, node);
    int used = table_count_columns(node);
    if (used > ts->ncols) {
        ts->cols = cocom_xrealloc(ts->cols, sizeof(Column) * (size_t)used);
        for (int k = ts->ncols; k < used; k++) {
            memset(&ts->cols[k], 0, sizeof(Column));
            ts->cols[k].spec.kind = FO_LEN_AUTO;
        }
        ts->ncols = used;
    }
    if (ts->ncols == 0) {
        ts->ncols = 1;
        ts->cols = cocom_xcalloc(1, sizeof(Column));
        ts->cols[0].spec.kind = FO_LEN_AUTO;
    }
    ts->span_left = cocom_xcalloc((size_t)ts->ncols, sizeof(int));
    /* The table's box is where its content goes: start-indent and
     * end-indent, as for any block; the columns fill it. */
    double avail = f->cx1 - f->cx0;
    ts->x0 = f->cx0;
    table_widths(g, ts, node, avail);
    if (f->box)   /* the box hugs its columns (a narrower automatic table) */
        f->box->x1 = f->box->x0 + (ts->width + (f->box->x1 - f->box->x0) - avail);
    xmlNodePtr header = fo_child(node, FO_TABLE_HEADER), footer = fo_child(node, FO_TABLE_FOOTER);
    if (header && fo_attr(header, "id") && *fo_attr(header, "id"))
        ts->table->header_id = cocom_xstrdup(fo_attr(header, "id"));
    if (footer && fo_attr(footer, "id") && *fo_attr(footer, "id"))
        ts->table->footer_id = cocom_xstrdup(fo_attr(footer, "id"));
    if (header) {
        table_section_rows(g, ts, header, 1, &ts->table->header);
        ts->table->header_height = items_height(&ts->table->header, 0);
    }
    if (footer) {
        table_section_rows(g, ts, footer, 0, &ts->table->footer);
        ts->table->footer_height = items_height(&ts->table->footer, 0);
    }
    int nb = 0;
    for (xmlNodePtr c = node->children; c; c = c->next)
        nb += fo_kind(c) == FO_TABLE_BODY;
    ts->bodies = cocom_xcalloc((size_t)(nb ? nb : 1), sizeof(xmlNodePtr));
    for (xmlNodePtr c = node->children; c; c = c->next)
        if (fo_kind(c) == FO_TABLE_BODY)
            ts->bodies[ts->nbodies++] = c;
    f->next = NULL;   /* rows come from table_step, not the child walk */
}



/* Frees a table's reading state, whether the table was read to its end
 * or the galley is freed part-way through it (a render stopped by an
 * error or --max-pages): the open body's id box is released either way. */
static void table_state_free(TableState *ts)
{
    lbox_unref(ts->body_id);
    free(ts->section_style);
    free(ts->span_left);
    for (int k = 0; k < ts->ncols; k++)
        free(ts->cols[k].style);
    free(ts->cols);
    free(ts->bodies);
    table_unref(ts->table);
    free(ts);
}

/* Gives the footnotes of a header's or footer's rows to the copy placed
 * first (of the same shape, galley_row_copy): their bodies go to the foot
 * of that page, not again where the header is repeated. */
static void row_move_notes(Row *dst, Row *src)
{
    for (int i = 0; i < src->ncells && i < dst->ncells; i++) {
        ItemList *s = &src->cells[i].content, *d = &dst->cells[i].content;
        for (size_t k = 0; k < s->n && k < d->n; k++) {
            if (s->items[k].type == IT_ROW && d->items[k].type == IT_ROW)
                row_move_notes(d->items[k].row, s->items[k].row);
            d->items[k].notes = s->items[k].notes;
            s->items[k].notes = NULL;
        }
    }
}

/* One step of a table: its header (first), one row group, or its footer
 * and end. */
static void table_step(Galley *g)
{
    Frame *f = top(g);
    TableState *ts = f->table;
    if (!ts->started_body) {
        ts->started_body = 1;
        int32_t pen = content_penalty(g);
        LBox *hid = ts->table->header.n ? emit_id_start(g, ts->table->header_id, ts->x0, ts->x0 + ts->width) : NULL;
        for (size_t i = 0; i < ts->table->header.n; i++) {
            Row *r = galley_row_copy(ts->table->header.items[i].row);
            row_move_notes(r, ts->table->header.items[i].row);
            emit_row_item(g, r, i == 0 ? pen : KEEP_ALWAYS);
            content_emitted(g);
        }
        emit_id_end(g, hid);
        if (ts->table->header.n) {
            /* A header never ends a page alone. */
            g->kwn = KEEP_ALWAYS;
        }
    }
    while (!ts->next_row && ts->body_index < ts->nbodies) {
        /* The body before ends, and its id with it. */
        emit_id_end(g, ts->body_id);
        ts->body_id = NULL;
        xmlNodePtr body = ts->bodies[ts->body_index++];
        free(ts->section_style);
        ts->section_style = style_new(g, body, ts->style);
        if (body->children)
            ts->body_id = emit_id_start(g, ts->section_style->id, ts->x0, ts->x0 + ts->width);
        ts->next_row = body->children;
        ts->section = body;
        for (int k = 0; k < ts->ncols; k++)
            ts->span_left[k] = 0;
        if (!ts->next_row)
            continue;
        break;
    }
    if (ts->next_row) {
        xmlNodePtr *rows = NULL;
        int first = ts->next_row == ts->section->children;
        int n = next_row_group(ts, &ts->next_row, &rows);
        if (n > 0) {
            int last = ts->next_row == NULL;
            /* break-before of the group's first row, break-after of its
             * last (rows joined by spanning cells cannot part). */
            FoStyle **styles = row_group_styles(g, rows, n, ts->section_style);
            const FoStyle *first_style = styles[0], *last_style = styles[n - 1];
            if (first_style) {
                emit_break(g, first_style->break_before);
                /* keep-with-previous of the group's first row, and
                 * keep-with-next of its last, as for blocks (§7.20.4-5). */
                int32_t kwp = keep_of(&first_style->keep_with_previous);
                if (kwp > g->kwp)
                    g->kwp = kwp;
            }
            Row *row = table_make_row_group(g, ts, rows, n, styles, ts->section_style, 0, 0, first, last);
            int32_t pen = content_penalty(g);
            emit_row_item(g, row, pen);
            content_emitted(g);
            if (last_style) {
                int32_t kwn = keep_of(&last_style->keep_with_next);
                if (kwn > g->kwn)
                    g->kwn = kwn;
                emit_break(g, last_style->break_after);
            }
            row_group_styles_free(styles, n);
            ts->body_rows++;
        }
        free(rows);
        return;
    }
    /* The end: the footer once, kept with the last row. */
    emit_id_end(g, ts->body_id);
    ts->body_id = NULL;
    LBox *fid = ts->table->footer.n ? emit_id_start(g, ts->table->footer_id, ts->x0, ts->x0 + ts->width) : NULL;
    for (size_t i = 0; i < ts->table->footer.n; i++) {
        Row *r = galley_row_copy(ts->table->footer.items[i].row);
        row_move_notes(r, ts->table->footer.items[i].row);
        emit_row_item(g, r, KEEP_ALWAYS);
        content_emitted(g);
    }
    emit_id_end(g, fid);
    table_state_free(ts);
    f->table = NULL;
    close_frame(g);
}

/* Rows of headers and footers are placed more than once; pages consume
 * what they place, so each placement gets a copy. */
static void item_list_copy(const ItemList *src, ItemList *dst);

Row *galley_row_copy(const Row *src)
{
    Row *r = cocom_xcalloc(1, sizeof *r);
    *r = *src;
    r->cells = cocom_xcalloc((size_t)(src->ncells ? src->ncells : 1), sizeof(Cell));
    for (int i = 0; i < src->ncells; i++) {
        r->cells[i] = src->cells[i];
        r->cells[i].box = lbox_ref(src->cells[i].box);
        memset(&r->cells[i].content, 0, sizeof(ItemList));
        item_list_copy(&src->cells[i].content, &r->cells[i].content);
        r->cells[i].pos = 0;
        r->cells[i].started = 0;
    }
    r->row_heights = cocom_xmalloc(sizeof(double) * (size_t)(src->nrows ? src->nrows : 1));
    memcpy(r->row_heights, src->row_heights, sizeof(double) * (size_t)src->nrows);
    if (src->roles) {
        r->roles = cocom_xmalloc(sizeof(const char *) * (size_t)src->nrows);
        memcpy(r->roles, src->roles, sizeof(const char *) * (size_t)src->nrows);
    }
    r->box = lbox_ref(src->box);
    r->table_weak = 0;
    if (r->table)
        r->table->refs++;
    r->continued = 0;
    return r;
}

static void line_copy(const ParaLine *src, ParaLine *dst)
{
    *dst = *src;
    dst->runs = cocom_xmalloc(sizeof(LineRun) * (size_t)(src->nruns ? src->nruns : 1));
    for (int i = 0; i < src->nruns; i++) {
        dst->runs[i] = src->runs[i];
        if (src->runs[i].glyphs)
            dst->runs[i].glyphs = pango_glyph_string_copy(src->runs[i].glyphs);
        if (src->runs[i].text)
            dst->runs[i].text = cocom_xstrndup(src->runs[i].text, (size_t)src->runs[i].text_len > 0
                                                                     ? (size_t)src->runs[i].text_len
                                                                     : strlen(src->runs[i].text));
    }
    dst->anchors = NULL;
    dst->nanchors = 0;   /* an id is placed once, where the original is */
}

static void item_list_copy(const ItemList *src, ItemList *dst)
{
    for (size_t i = 0; i < src->n; i++) {
        const Item *s = &src->items[i];
        Item *d = list_push(dst, s->type);
        *d = *s;
        d->para = NULL;   /* a header's or footer's copy is not composed again */
        d->box = lbox_ref(s->box);
        d->notes = NULL;   /* a repeated header's footnotes are at the foot of its first page only */
        if (s->type == IT_LINE)
            line_copy(&s->line, &d->line);
        if (s->type == IT_ROW)
            d->row = galley_row_copy(s->row);
    }
}

/* ---------------------------------------------------------------------- */
/* A block-container of fixed height                                        */

/* A reference area of fixed height does not split across pages: it is laid
 * out like a one-cell row of that height (its content may run over, as
 * overflow says; it is never cut between pages). */
static void emit_fixed_container(Galley *g, xmlNodePtr node, FoStyle *s)
{
    Frame *f = top(g);
    emit_break(g, s->break_before);
    emit_space(g, &s->space_before);
    int32_t kwp = keep_penalty(s->keep_with_previous.within_page);
    if (kwp > g->kwp)
        g->kwp = kwp;
    LBox *b = box_new(s, FO_BLOCK_CONTAINER, f->ref_x0, f->ref_w);
    if (s->width.kind == FO_LEN_VALUE) {
        double w = fo_length_resolve(s->width, f->ref_w);
        b->x1 = b->x0 + w + b->padding[FO_START] + b->padding[FO_END] + b->border[FO_START].width
                + b->border[FO_END].width;
    }
    for (int i = 0; i < 4; i++)
        if (b->border[i].style == FO_BORDER_NONE || b->border[i].style == FO_BORDER_HIDDEN)
            b->border[i].width = 0;
    double h = fo_length_resolve(s->height, 0);
    Row *row = cocom_xcalloc(1, sizeof *row);
    row->nrows = 1;
    row->row_heights = cocom_xcalloc(1, sizeof(double));
    row->row_heights[0] = h + box_before(b) + box_after(b);
    row->keep_inside = KEEP_ALWAYS;
    row->cells = cocom_xcalloc(1, sizeof(Cell));
    row->ncells = 1;
    Cell *cell = &row->cells[0];
    cell->box = b;
    cell->x0 = b->x0;
    cell->x1 = b->x1;
    cell->row_span = 1;
    cell->display_align = s->display_align == FO_DISPLAY_ALIGN_AUTO ? FO_DISPLAY_ALIGN_BEFORE : s->display_align;
    double cx0 = b->x0 + b->border[FO_START].width + b->padding[FO_START];
    double cx1 = b->x1 - b->border[FO_END].width - b->padding[FO_END];
    FoStyle *inner = cocom_xmalloc(sizeof *inner);
    *inner = *s;
    memset(&inner->start_indent, 0, sizeof inner->start_indent);
    memset(&inner->end_indent, 0, sizeof inner->end_indent);
    cell_fill(g, cell, node, inner, cx0, cx1 > cx0 + 1 ? cx1 - cx0 : 1, 0);
    free(inner);
    double content = items_height(&cell->content, 0);
    if (content > h + 0.5 && s->overflow != FO_OVERFLOW_HIDDEN) {
        char key[64];
        snprintf(key, sizeof key, "bc-overflow:%ld", xmlGetLineNo(node));
        if (cocom_report_once(g->ctx, key))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "the content of this fo:block-container (%.0fpt) is taller than its height (%.0fpt)",
                         content, h);
    }
    Item *it = emit(g, IT_ROW);
    it->penalty = content_penalty(g);
    it->row = row;
    it->height = row->row_heights[0];
    content_emitted(g);
    int32_t kwn = keep_penalty(s->keep_with_next.within_page);
    emit_space(g, &s->space_after);
    if (kwn > g->kwn)
        g->kwn = kwn;
    emit_break(g, s->break_after);
    free(s);
}

/* ---------------------------------------------------------------------- */
/* Stepping through blocks                                                  */

static void emit_block_for_node(Galley *g, xmlNodePtr n)
{
    Frame *f = top(g);
    FoKind k = fo_kind(n);
    FoSupport sup = fo_kind_support(k);
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (k == FO_MARKER || k == FO_RETRIEVE_MARKER) {
        marker_out_of_place(g, n);
        return;
    }
    if (sup == FO_SUPPORT_SKIP) {
        fo_warn_unsupported(g->ctx, g->env->file, n);
        return;
    }
    if (sup == FO_SUPPORT_CONTENT)
        fo_warn_unsupported(g->ctx, g->env->file, n);
    if (g->nframes > 200) {
        if (cocom_report_once(g->ctx, "block-depth"))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(n),
                         "blocks are nested more than 200 deep; the deeper ones are left out");
        return;
    }
    FoStyle *s = style_new(g, n, f->child_parent);
    if (k == FO_BLOCK_CONTAINER && s->height.kind == FO_LEN_VALUE) {
        emit_fixed_container(g, n, s);
        return;
    }
    switch (k) {
    case FO_BLOCK:
    case FO_BLOCK_CONTAINER:
    case FO_TABLE_AND_CAPTION:
    case FO_TABLE_CAPTION:
        open_block(g, n, FR_BLOCK, s);
        break;
    case FO_LIST_BLOCK:
        open_block(g, n, FR_LIST, s);
        break;
    case FO_TABLE:
        open_table(g, n, s);
        break;
    case FO_LIST_ITEM:
        /* A list item outside a list-block: lay it out anyway. */
        free(s);
        emit_list_item(g, n);
        return;
    case FO_MULTI_SWITCH: {
        push_frame(g, FR_WRAPPER, n, s);
        Frame *w = top(g);
        w->next = fo_child(n, FO_MULTI_CASE);
        if (w->next) {
            /* Only the first case: step into it, then stop. */
            FoStyle *cs = style_new(g, w->next, s);
            Frame *cf = push_frame(g, FR_WRAPPER, w->next, cs);
            (void)cf;
            w->next = NULL;
        }
        break;
    }
    default: {
        /* wrapper with blocks, float, footnote-body, multi-case ...: the
         * content in place, inheriting, without a box (but an id has its
         * place). */
        Frame *w = push_frame(g, FR_WRAPPER, n, s);
        w->box = emit_id_start(g, s->id, w->cx0, w->cx1);
        break;
    }
    }
}

static void step(Galley *g)
{
    Frame *f = top(g);
    if (!f) {
        g->done = 1;
        return;
    }
    if (f->kind == FR_TABLE && f->table) {
        table_step(g);
        return;
    }
    int streamed = f->kind == FR_CONTAINER && g->input && g->nframes == 1;
    if (streamed && !f->next && !g->input_done) {
        /* Asking for the next child frees the one before: every frame of
         * it is closed by now. */
        f->next = fo_input_next_flow_child(g->input);
        if (!f->next)
            g->input_done = 1;
    }
    xmlNodePtr c = f->next;
    if (!c) {
        if (f->kind == FR_CONTAINER) {
            frame_release(f);
            g->nframes--;
            g->done = 1;
        } else {
            close_frame(g);
        }
        return;
    }
    if (f->kind == FR_LIST) {
        f->next = c->next;
        if (fo_kind(c) == FO_LIST_ITEM)
            emit_list_item(g, c);
        else if (c->type == XML_ELEMENT_NODE)
            fo_warn_unsupported(g->ctx, g->env->file, c);
        return;
    }
    if (is_inline_node(c)) {
        xmlNodePtr stop = c->next;
        /* A streamed flow hands its children over one at a time. */
        if (!streamed)
            while (stop && (is_inline_node(stop) || stop->type == XML_COMMENT_NODE || stop->type == XML_PI_NODE))
                stop = stop->next;
        f->next = streamed ? NULL : stop;
        emit_paragraph(g, c, stop);
        return;
    }
    f->next = streamed ? NULL : c->next;
    emit_block_for_node(g, c);
}

void galley_set_input(Galley *g, FoInput *input)
{
    g->input = input;
    Frame *f = top(g);
    if (f && input)
        f->next = NULL;
}

/* ---------------------------------------------------------------------- */
/* The galley's interface                                                   */

Galley *galley_new(GalleyEnv *env, xmlNodePtr container, const FoStyle *style, double x0, double width)
{
    Galley *g = cocom_xcalloc(1, sizeof *g);
    g->env = env;
    g->ctx = env->ctx;
    FoStyle *s = cocom_xmalloc(sizeof *s);
    *s = *style;
    Frame *f = push_frame(g, FR_CONTAINER, container, s);
    f->ref_x0 = x0;
    f->ref_w = width;
    f->cx0 = x0 + fo_length_resolve(s->start_indent, width);
    f->cx1 = x0 + width - fo_length_resolve(s->end_indent, width);
    if (f->cx1 < f->cx0 + 1)
        f->cx1 = f->cx0 + 1;
    g->min_depth = 1;
    g->region_x1 = x0 + width;
    g->width = width;
    return g;
}

void galley_set_relayable(Galley *g)
{
    g->relayable = 1;
    if (g->nframes > 0)
        g->frames[0].follows = 1;
}

double galley_width(const Galley *g)
{
    return g->width;
}

void galley_set_span_width(Galley *g, double width)
{
    g->span_w = width;
}

/* A box whose end edge follows the flow's: moved to the width now. */
static void box_follow(LBox *b, double width)
{
    if (b && b->body_w > 0 && b->body_w != width) {
        b->x1 += width - b->body_w;
        b->body_w = width;
    }
}

/* Composes again, `width` wide, what is left of a paragraph from its line
 * `first` (index k) on, appending the lines to `out`. */
static void para_compose_rest(Galley *g, ParaSrc *src, int k, const Item *first, double width, ItemList *out)
{
    ParaInput in = src->in;
    int p0 = first->line.src_piece;
    if (p0 < 0 || p0 >= in.npieces)
        p0 = in.npieces;
    int np = in.npieces - p0;
    ParaPiece *pieces = cocom_xmalloc(sizeof *pieces * (size_t)(np ? np : 1));
    if (np)
        memcpy(pieces, src->pieces + p0, sizeof *pieces * (size_t)np);
    if (np && pieces[0].kind == PARA_TEXT && first->line.src_off > 0 && first->line.src_off <= pieces[0].len) {
        pieces[0].text += first->line.src_off;
        pieces[0].len -= first->line.src_off;
    }
    in.pieces = pieces;
    in.npieces = np;
    in.width = width;
    in.text_indent = k == 0 ? src->first_text_indent : 0;
    in.quiet = 1;   /* said when the paragraph was first composed */
    ParaLine *lines = NULL;
    int m = cocom_para_compose(g->ctx, &in, &lines);
    free(pieces);
    int n = k + m;
    src->nlines = n;
    for (int j = 0; j < m; j++) {
        int i = k + j;
        int32_t pen = i == 0 ? src->first_penalty
                             : i < src->orphans || n - i < src->widows ? KEEP_ALWAYS : src->kt;
        Item *it = list_push(out, IT_LINE);
        it->penalty = pen;
        it->line = lines[j];
        it->x = first->x;
        /* The reference area starts where it did for the line it replaces. */
        it->line.ref_dx = first->line.ref_dx + first->line.x - lines[j].x;
        it->height = lines[j].ascent + lines[j].descent;
        src->refs++;
        it->para = src;
        it->para_index = i;
    }
    free(lines);
}

int galley_set_width(Galley *g, double width)
{
    double delta = width - g->width;
    if (!g->relayable || fabs(delta) < 0.01)
        return 0;
    int kept = 0;
    /* The frames the rest will come from. */
    for (int i = 0; i < g->nframes; i++) {
        Frame *f = &g->frames[i];
        if (f->kind == FR_TABLE && f->table)
            kept++;
        if (!f->follows)
            continue;
        f->ref_w += delta;
        f->cx1 += delta;
        if (f->cx1 < f->cx0 + 1)
            f->cx1 = f->cx0 + 1;
        box_follow(f->box, width);
    }
    g->width = width;
    g->region_x1 += delta;
    /* What waits in the queue. */
    ItemList rest = {0};
    size_t i = g->head;
    while (i < g->queue.n) {
        Item *it = &g->queue.items[i];
        if (it->type == IT_LINE && it->para && it->para->body_w > 0) {
            ParaSrc *src = it->para;
            size_t j = i;
            while (j < g->queue.n && g->queue.items[j].type == IT_LINE && g->queue.items[j].para == src)
                j++;
            double w = src->in.width + (width - src->body_w);
            src->in.width = w > 1 ? w : 1;
            src->body_w = width;
            src->refs++;   /* the lines go before their source is read */
            Item first = *it;
            memset(&first.line, 0, sizeof first.line);
            first.line.src_piece = it->line.src_piece;
            first.line.src_off = it->line.src_off;
            first.line.ref_dx = it->line.ref_dx;
            first.line.x = it->line.x;
            int k = it->para_index;
            /* The footnotes the lines cite go with the last line composed
             * again: the citations stay in the paragraph's rest, so its
             * last line is at or after each of them. */
            Notes *carried = NULL;
            first.notes = NULL;
            for (size_t m = i; m < j; m++) {
                notes_append(&carried, g->queue.items[m].notes);
                g->queue.items[m].notes = NULL;
                item_clear(&g->queue.items[m]);
            }
            size_t before = rest.n;
            para_compose_rest(g, src, k, &first, src->in.width, &rest);
            if (rest.n > before)
                notes_append(&rest.items[rest.n - 1].notes, carried);
            else
                notes_free(carried);
            para_src_unref(src);
            i = j;
            continue;
        }
        if (it->type == IT_START || it->type == IT_END)
            box_follow(it->box, width);
        if (it->type == IT_ROW)
            kept++;
        Item *d = list_push(&rest, it->type);
        *d = *it;
        memset(it, 0, sizeof *it);
        i++;
    }
    free(g->queue.items);
    g->queue = rest;
    g->head = 0;
    return kept;
}

void galley_free(Galley *g)
{
    if (!g)
        return;
    while (g->nframes > 0) {
        Frame *f = top(g);
        if (f->table)
            table_state_free(f->table);
        frame_release(f);
        g->nframes--;
    }
    free(g->frames);
    for (size_t i = g->head; i < g->queue.n; i++)
        item_clear(&g->queue.items[i]);
    free(g->queue.items);
    free(g);
}

Item *galley_peek(Galley *g, size_t i)
{
    while (g->head + i >= g->queue.n && !g->done && !g->ctx->interrupted)
        step(g);
    return g->head + i < g->queue.n ? &g->queue.items[g->head + i] : NULL;
}

void galley_take(Galley *g, size_t n, ItemList *out)
{
    for (size_t i = 0; i < n && g->head < g->queue.n; i++) {
        Item *it = &g->queue.items[g->head++];
        if (out) {
            COCOM_GROW(out->items, out->cap, out->n + 1);
            out->items[out->n++] = *it;
            memset(it, 0, sizeof *it);
        } else {
            item_clear(it);
        }
    }
    /* Compact now and then, so the queue does not grow with the document. */
    if (g->head > 256 && g->head * 2 > g->queue.n) {
        memmove(g->queue.items, g->queue.items + g->head, sizeof(Item) * (g->queue.n - g->head));
        g->queue.n -= g->head;
        g->head = 0;
    }
}

void galley_run(Galley *g, ItemList *out)
{
    while (galley_peek(g, 0))
        galley_take(g, g->queue.n - g->head, out);
}
