/* galley.c — see galley.h.
 *
 * The generator keeps a stack of frames, one per open formatting object,
 * and produces items one step at a time: a paragraph's lines, a box's
 * start or end, a table row.  Tables and lists become rows whose cells are
 * galleys of their own, generated whole (a cell is bounded; a table is
 * not, so its rows come one at a time).
 */
#include "config.h"
#include "galley-impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* The generator                                                            */


int32_t gal_keep_penalty(int32_t strength)
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
int32_t gal_keep_of(const FoKeep *k)
{
    return gal_keep_penalty(k->within_page > k->within_column ? k->within_page : k->within_column);
}

FoStyle *gal_style_new(Galley *g, xmlNodePtr node, const FoStyle *parent)
{
    FoStyle *s = cocom_xmalloc(sizeof *s);
    FoResolver r = {g->ctx, g->env->file};
    fo_style_compute(&r, node, parent, s);
    return s;
}

Frame *gal_top(Galley *g)
{
    return g->nframes ? &g->frames[g->nframes - 1] : NULL;
}

static Frame *push_frame(Galley *g, FrameKind kind, xmlNodePtr node, FoStyle *style)
{
    COCOM_GROW(g->frames, g->capframes, (size_t)g->nframes + 1);
    Frame *parent = gal_top(g);
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
    f->keep_together = gal_keep_penalty(style->keep_together.within_page > style->keep_together.within_column
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

Item *gal_emit(Galley *g, uint8_t type)
{
    Item *it = gal_list_push(&g->queue, type);
    Frame *f = gal_top(g);
    it->span_all = f && f->span_all;
    return it;
}

/* The penalty of a break before the content item about to be emitted. */
int32_t gal_content_penalty(Galley *g)
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

void gal_content_emitted(Galley *g)
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

void gal_emit_break(Galley *g, uint8_t kind)
{
    if (kind == FO_BREAK_AUTO)
        return;
    Item *it = gal_emit(g, IT_BREAK);
    it->break_kind = kind;   /* a column break ends the page when it has one column */
}

void gal_emit_space(Galley *g, const FoSpace *s)
{
    if (s->opt == 0 && s->precedence != FO_PRECEDENCE_FORCE)
        return;
    Item *it = gal_emit(g, IT_SPACE);
    it->space = *s;
}

/* A box for a block-level FO, from its style, in the frame's reference area. */
LBox *gal_box_new(const FoStyle *s, FoKind kind, double ref_x0, double ref_w)
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
    gal_box_strings(b, s->id, s->role, s->alt_text);
    return b;
}

double gal_box_before(const LBox *b)
{
    return b->border[FO_BEFORE].width + b->padding[FO_BEFORE];
}

double gal_box_after(const LBox *b)
{
    return b->border[FO_AFTER].width + b->padding[FO_AFTER];
}

int gal_box_visible(const LBox *b)
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
LBox *gal_id_box(const char *id, double x0, double x1)
{
    LBox *b = cocom_xcalloc(1, sizeof *b);
    b->refs = 1;
    b->kind = FO_WRAPPER;
    b->x0 = x0;
    b->x1 = x1;
    b->background = FO_COLOR_TRANSPARENT;
    b->id_only = 1;
    gal_box_strings(b, id, NULL, NULL);
    return b;
}

/* Emits the start of an id box (NULL when there is no id). */
LBox *gal_emit_id_start(Galley *g, const char *id, double x0, double x1)
{
    if (!id || !*id)
        return NULL;
    LBox *b = gal_id_box(id, x0, x1);
    Item *it = gal_emit(g, IT_START);
    it->box = lbox_ref(b);
    return b;
}

/* ... and its end; drops the caller's reference. */
void gal_emit_id_end(Galley *g, LBox *b)
{
    if (!b)
        return;
    Item *it = gal_emit(g, IT_END);
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

int gal_is_xml_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Is n a text (or CDATA) node with something besides XML white space? */
int gal_is_visible_text(xmlNodePtr n)
{
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return 0;
    for (const xmlChar *t = n->content; t && *t; t++)
        if (!gal_is_xml_space(*t))
            return 1;
    return 0;
}

static int holds_text(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (gal_is_visible_text(c) || (c->type == XML_ELEMENT_NODE && fo_kind_is_inline(fo_kind(c))))
            return 1;
    return 0;
}

/* The structure type an FO's role names (a static string), or NULL when it
 * has none, or names none (warned about once per word). */
const char *gal_explicit_role(Galley *g, xmlNodePtr node, const FoStyle *s)
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
    const char *role = gal_explicit_role(g, node, s);
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
Frame *gal_open_block(Galley *g, xmlNodePtr node, FrameKind kind, FoStyle *s)
{
    Frame *parent = gal_top(g);
    gal_emit_break(g, s->break_before);
    gal_emit_space(g, &s->space_before);
    int32_t kwp = gal_keep_of(&s->keep_with_previous);
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
    LBox *b = gal_box_new(s, k, parent->ref_x0, ref_w);
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
    if (gal_box_visible(b) || b->min_height > 0) {
        Item *it = gal_emit(g, IT_START);
        it->box = lbox_ref(b);
        it->height = gal_box_before(b);
        f->box = lbox_ref(b);
    }
    lbox_unref(b);
    note_depth(g);
    return f;
}

void gal_close_frame(Galley *g)
{
    Frame *f = gal_top(g);
    const FoStyle *s = f->style;
    int is_block = f->kind == FR_BLOCK || f->kind == FR_TABLE || f->kind == FR_LIST;
    if (f->box) {
        Item *it = gal_emit(g, IT_END);
        it->box = lbox_ref(f->box);
        it->height = gal_box_after(f->box);
    }
    if (is_block) {
        int32_t kwn = gal_keep_of(&s->keep_with_next);
        gal_emit_space(g, &s->space_after);
        if (kwn > g->kwn)
            g->kwn = kwn;
        gal_emit_break(g, s->break_after);
    }
    frame_release(f);
    g->nframes--;
    note_depth(g);
}

/* ---------------------------------------------------------------------- */
/* A block-container of fixed height                                        */

/* A reference area of fixed height does not split across pages: it is laid
 * out like a one-cell row of that height (its content may run over, as
 * overflow says; it is never cut between pages). */
/* A block-level object laid out as one row (a list item, a block-container
 * of fixed height) begins: its break-before, space-before and
 * keep-with-previous; returns its row, of one row, still empty. */
Row *gal_begin_block_row(Galley *g, const FoStyle *s)
{
    gal_emit_break(g, s->break_before);
    gal_emit_space(g, &s->space_before);
    int32_t kwp = gal_keep_penalty(s->keep_with_previous.within_page);
    if (kwp > g->kwp)
        g->kwp = kwp;
    Row *row = cocom_xcalloc(1, sizeof *row);
    row->nrows = 1;
    row->row_heights = cocom_xcalloc(1, sizeof(double));
    return row;
}

/* ... and ends: the row, `height` tall, as content, then the
 * object's space-after, keep-with-next and break-after.  Frees s, its
 * style. */
void gal_emit_block_row(Galley *g, Row *row, double height, FoStyle *s)
{
    Item *it = gal_emit(g, IT_ROW);
    it->penalty = gal_content_penalty(g);
    it->row = row;
    it->height = height;
    gal_content_emitted(g);
    int32_t kwn = gal_keep_penalty(s->keep_with_next.within_page);
    gal_emit_space(g, &s->space_after);
    if (kwn > g->kwn)
        g->kwn = kwn;
    gal_emit_break(g, s->break_after);
    free(s);
}

static void emit_fixed_container(Galley *g, xmlNodePtr node, FoStyle *s)
{
    Frame *f = gal_top(g);
    Row *row = gal_begin_block_row(g, s);
    LBox *b = gal_box_new(s, FO_BLOCK_CONTAINER, f->ref_x0, f->ref_w);
    if (s->width.kind == FO_LEN_VALUE) {
        double w = fo_length_resolve(s->width, f->ref_w);
        b->x1 = b->x0 + w + b->padding[FO_START] + b->padding[FO_END] + b->border[FO_START].width
                + b->border[FO_END].width;
    }
    for (int i = 0; i < 4; i++)
        if (b->border[i].style == FO_BORDER_NONE || b->border[i].style == FO_BORDER_HIDDEN)
            b->border[i].width = 0;
    double h = fo_length_resolve(s->height, 0);
    row->row_heights[0] = h + gal_box_before(b) + gal_box_after(b);
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
    gal_cell_fill(g, cell, node, inner, cx0, cx1 > cx0 + 1 ? cx1 - cx0 : 1, 0);
    free(inner);
    double content = gal_items_height(&cell->content, 0);
    if (content > h + 0.5 && s->overflow != FO_OVERFLOW_HIDDEN) {
        char key[64];
        snprintf(key, sizeof key, "bc-overflow:%ld", xmlGetLineNo(node));
        if (cocom_report_once(g->ctx, key))
            cocom_report(g->ctx, COCOM_SEVERITY_WARNING, g->env->file, xmlGetLineNo(node),
                         "the content of this fo:block-container (%.0fpt) is taller than its height (%.0fpt)",
                         content, h);
    }
    gal_emit_block_row(g, row, row->row_heights[0], s);
}

/* ---------------------------------------------------------------------- */
/* Stepping through blocks                                                  */

void gal_emit_block_for_node(Galley *g, xmlNodePtr n)
{
    Frame *f = gal_top(g);
    FoKind k = fo_kind(n);
    FoSupport sup = fo_kind_support(k);
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (k == FO_MARKER || k == FO_RETRIEVE_MARKER) {
        gal_marker_out_of_place(g, n);
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
    FoStyle *s = gal_style_new(g, n, f->child_parent);
    if (k == FO_BLOCK_CONTAINER && s->height.kind == FO_LEN_VALUE) {
        emit_fixed_container(g, n, s);
        return;
    }
    switch (k) {
    case FO_BLOCK:
    case FO_BLOCK_CONTAINER:
    case FO_TABLE_AND_CAPTION:
    case FO_TABLE_CAPTION:
        gal_open_block(g, n, FR_BLOCK, s);
        break;
    case FO_LIST_BLOCK:
        gal_open_block(g, n, FR_LIST, s);
        break;
    case FO_TABLE:
        gal_open_table(g, n, s);
        break;
    case FO_LIST_ITEM:
        /* A list item outside a list-block: lay it out anyway. */
        free(s);
        gal_emit_list_item(g, n);
        return;
    case FO_MULTI_SWITCH: {
        push_frame(g, FR_WRAPPER, n, s);
        Frame *w = gal_top(g);
        w->next = fo_child(n, FO_MULTI_CASE);
        if (w->next) {
            /* Only the first case: step into it, then stop. */
            FoStyle *cs = gal_style_new(g, w->next, s);
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
        w->box = gal_emit_id_start(g, s->id, w->cx0, w->cx1);
        break;
    }
    }
}

static void step(Galley *g)
{
    Frame *f = gal_top(g);
    if (!f) {
        g->done = 1;
        return;
    }
    if (f->kind == FR_TABLE && f->table) {
        gal_table_step(g);
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
            gal_close_frame(g);
        }
        return;
    }
    if (f->kind == FR_LIST) {
        f->next = c->next;
        if (fo_kind(c) == FO_LIST_ITEM)
            gal_emit_list_item(g, c);
        else if (c->type == XML_ELEMENT_NODE)
            fo_warn_unsupported(g->ctx, g->env->file, c);
        return;
    }
    if (gal_is_inline_node(c)) {
        xmlNodePtr stop = c->next;
        /* A streamed flow hands its children over one at a time. */
        if (!streamed)
            while (stop && (gal_is_inline_node(stop) || stop->type == XML_COMMENT_NODE || stop->type == XML_PI_NODE))
                stop = stop->next;
        f->next = streamed ? NULL : stop;
        gal_emit_paragraph(g, c, stop);
        return;
    }
    f->next = streamed ? NULL : c->next;
    gal_emit_block_for_node(g, c);
}

void galley_set_input(Galley *g, FoInput *input)
{
    g->input = input;
    Frame *f = gal_top(g);
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
        if (it->type == IT_LINE && gal_para_follows(it->para)) {
            i = gal_para_compose_again(g, i, width, &rest);
            continue;
        }
        if (it->type == IT_START || it->type == IT_END)
            box_follow(it->box, width);
        if (it->type == IT_ROW)
            kept++;
        Item *d = gal_list_push(&rest, it->type);
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
        Frame *f = gal_top(g);
        if (f->table)
            gal_table_state_free(f->table);
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

