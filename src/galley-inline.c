/* galley-inline.c — the galley's inline content: a paragraph's text,
 * styles and inline objects collected into pieces, composed into lines
 * (para.h), with the footnotes its lines cite; a paragraph of a flow kept
 * and composed again when the flow's width changes; and the narrowest and
 * widest a run of inline content can be, for automatic table layout.  See
 * galley.h and galley-impl.h.
 */
#include "config.h"
#include "galley-impl.h"
#include "cites.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    int cite;           /* a placeholder for a page number (refs.h), or 0 */
} InlineCtx;

/* Frees what a collector holds (not the collector). */
static void collector_clear(Collector *c)
{
    for (int i = 0; i < c->nfootnotes; i++)
        free(c->footnote_styles[i]);
    free(c->footnote_styles);
    free(c->footnotes);
    free(c->styles);
    free(c->pieces);
    free(c->piece_offset);
    cocom_buf_free(&c->text);
}

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
    ps.cite = ic->cite;
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
                int word_start = c->text.len == 0 || gal_is_xml_space((unsigned char)c->text.data[c->text.len - 1]);
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
                 && (c->text.len == 0 || gal_is_xml_space((unsigned char)c->text.data[c->text.len - 1])))
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
void gal_marker_out_of_place(Galley *g, xmlNodePtr n)
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
        gal_marker_out_of_place(g, n);
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
    FoStyle *s = gal_style_new(g, n, parent);
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
                                                      g->env->in_static, xmlGetLineNo(n), &sub.cite) : NULL;
        add_object_text(c, s, &sub, t ? t : "0");
        RefTable *rt = g->env->refs;
        if (sub.cite && rt->cite_digits > 0 && !rt->cite_hopeless) {
            /* Zeros hold the room of any number only when every digit is
             * as wide (cites.h); and a link would be described by them
             * (its /Contents).  When not, the pass is given up. */
            CocomFont *f = c->styles[c->pieces[c->npieces - 1].style].font;
            if (sub.link >= 0) {
                rt->cite_hopeless = 1;
            } else if (rt->cite_font_ok != f) {
                if (cocom_cites_digits_alike(g->ctx, f))
                    rt->cite_font_ok = f;
                else
                    rt->cite_hopeless = 1;
            }
        }
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
                c->footnote_styles[c->nfootnotes] = gal_style_new(g, ch, s);
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
int gal_is_inline_node(xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return 1;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    FoKind k = fo_kind(n);
    if (k == FO_WRAPPER) {
        /* A wrapper is inline unless it holds blocks. */
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !gal_is_inline_node(c))
                return 0;
        return 1;
    }
    if (k == FO_FOOTNOTE || k == FO_CHANGE_BAR_BEGIN || k == FO_CHANGE_BAR_END || k == FO_RETRIEVE_MARKER)
        return 1;
    return fo_kind_is_inline(k);
}

static int is_blank_text(xmlNodePtr n)
{
    return n->type == XML_TEXT_NODE && !gal_is_visible_text(n);
}


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

void gal_para_src_unref(ParaSrc *src)
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
        if (l->runs[r].kind == RUN_GLYPHS && l->runs[r].text) {
            cocom_buf_append(&text, l->runs[r].text, (size_t)l->runs[r].text_len);
            /* The message would quote a placeholder's zeros (cites.h). */
            if (l->runs[r].style.cite && g->env->refs->cite_digits > 0)
                g->env->refs->cite_hopeless = 1;
        }
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

void gal_emit_paragraph(Galley *g, xmlNodePtr first, xmlNodePtr stop)
{
    Frame *f = gal_top(g);
    /* Fast skip: nothing but white space between blocks. */
    int blank = 1;
    for (xmlNodePtr n = first; n != stop && blank; n = n->next)
        blank = is_blank_text(n) || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE
                || fo_kind(n) == FO_RETRIEVE_MARKER;
    if (blank) {
        for (xmlNodePtr n = first; n != stop; n = n->next)
            if (fo_kind(n) == FO_RETRIEVE_MARKER)
                gal_marker_out_of_place(g, n);
        return;
    }
    Collector c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.block = f;
    c.last_was_space = 1;   /* leading spaces of a line-building run go */
    InlineCtx ic = {FO_COLOR_TRANSPARENT, (uint8_t)(f->style->text_decoration & 7), 0, -1, -1, 0};
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
    if (g->env->refs->cite_digits > 0)
        in.cite_quoted = &g->env->refs->cite_hopeless;
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
            pen = gal_content_penalty(g);
            if (src)
                src->first_penalty = pen;
        } else {
            pen = kt;
            if (i < orphans || n - i < widows)
                pen = KEEP_ALWAYS;
        }
        Item *it = gal_emit(g, IT_LINE);
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
        gal_content_emitted(g);
    }
    gal_para_src_unref(src);
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
                    gal_emit_block_for_node(g, ch);
    } else {
        attach_footnotes(g, &c, g->queue.n - (size_t)n, n);
    }
    collector_clear(&c);
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
        Item *it = gal_list_push(out, IT_LINE);
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

/* Is this a paragraph kept to be composed again as the flow's width moves? */
int gal_para_follows(const struct ParaSrc *src)
{
    return src && src->body_w > 0;
}

/* A paragraph of a flow whose width changed: its lines waiting in the
 * queue from items[i] on are composed again `width` wide, into `rest`,
 * with the footnotes they cite.  Returns the index after them. */
size_t gal_para_compose_again(Galley *g, size_t i, double width, ItemList *rest)
{
    Item *it = &g->queue.items[i];
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
    size_t before = rest->n;
    para_compose_rest(g, src, k, &first, src->in.width, rest);
    if (rest->n > before)
        notes_append(&rest->items[rest->n - 1].notes, carried);
    else
        notes_free(carried);
    gal_para_src_unref(src);
    return j;
}

/* The narrowest and widest a run of inline content can be set (for
 * automatic table layout): its longest word, and all of it on one line. */
void gal_measure_inline_run(Galley *g, xmlNodePtr first, xmlNodePtr stop, const FoStyle *style, double *mn,
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
    InlineCtx ic = {FO_COLOR_TRANSPARENT, 0, 0, -1, -1, 0};
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
    collector_clear(&c);
    cocom_font_cache_trim(g->ctx);
}
