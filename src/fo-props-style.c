/* fo-props-style.c — the style resolver.
 *
 * fo_style_compute() copies the parent's inherited block and the initial
 * non-inherited block, then applies the element's attributes in phases
 * (font-size first, shorthands from general to specific, absolute before
 * relative, components last — XSL 1.1 §5.2, §5.3) and finishes with the
 * corresponding-property rules of §5.3.2 (fo_props_finish_style).  The
 * shorthands (border, margin, padding, font, size, background ...) are
 * here too, each split into the rows it stands for.
 *
 * Nothing here allocates per element, except in two rare cases: an element
 * with more than 64 attributes, and attribute values libxml2 did not store
 * as one text node (entity references); both are freed before returning.
 */
#include "config.h"
#include "fo-props-impl.h"

#include <math.h>
#include <stdlib.h>

/* ---------------------------------------------------------------------- */
/* Shorthands                                                              */

/* One converted value of a 1-4 value shorthand. */
typedef union {
    FoLength len;
    double pt;
    uint8_t u8;
    FoColor color;
} Res;

typedef int (*ConvFn)(Ctx *c, const char *s, size_t n, Res *out);

static int conv_margin(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return fo_props_value_of(c, s, n, &v) && fo_props_to_length(c, &v, F_PCT | F_NEG | F_AUTO, &out->len);
}

static int conv_padding(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return fo_props_value_of(c, s, n, &v) && fo_props_to_length(c, &v, F_PCT, &out->len);
}

static int conv_border_width(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return fo_props_value_of(c, s, n, &v) && fo_props_to_border_width(c, &v, &out->pt);
}

static int conv_border_style(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return fo_props_simple_value(c, s, n, &v) && fo_props_to_keyword(&v, BORDER_STYLE_KW, &out->u8);
}

static int conv_color(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return fo_props_value_of(c, s, n, &v) && fo_props_to_color(&v, &out->color);
}

/* A 1-4 value shorthand (§7.31: margin, padding, border-width ...):
 * "top right bottom left" as in CSS, mapped onto before, end, after, start
 * for lr-tb.  If the values do not parse one by one, the whole text is
 * tried as a single expression ("2pt * 3"). */
static int four_values(Ctx *c, const char *s, size_t n, ConvFn conv, Res side[4])
{
    Res v[4];
    int k = 0;
    const char *p = s, *end = s + n, *tok;
    size_t len;
    int ok = 1;
    while (next_token(&p, end, &tok, &len)) {
        if (k == 4 || !conv(c, tok, len, &v[k])) {
            ok = 0;
            break;
        }
        k++;
    }
    if (!ok || k == 0) {
        if (!conv(c, s, n, &v[0]))
            return 0;
        k = 1;
    }
    side[FO_BEFORE] = v[0];
    side[FO_END] = k > 1 ? v[1] : v[0];
    side[FO_AFTER] = k > 2 ? v[2] : v[0];
    side[FO_START] = k > 3 ? v[3] : side[FO_END];
    return 1;
}

/* border, border-top ... (§7.31.3): width, style and colour in any order;
 * what is left out takes its initial value (the colour: the element's). */
static int apply_border(Ctx *c, const char *s, size_t n, unsigned sides)
{
    Res width = {.pt = 1.0}, style = {.u8 = FO_BORDER_NONE}, color = {.color = 0};
    int have_w = 0, have_s = 0, have_c = 0;
    const char *p = s, *end = s + n, *tok;
    size_t len;
    while (next_token(&p, end, &tok, &len)) {
        if (!have_s && conv_border_style(c, tok, len, &style)) have_s = 1;
        else if (!have_w && conv_border_width(c, tok, len, &width)) have_w = 1;
        else if (!have_c && conv_color(c, tok, len, &color)) have_c = 1;
        else return 0;
    }
    if (!have_w && !have_s && !have_c)
        return 0;
    for (int i = 0; i < 4; i++) {
        if (!(sides & SIDE(i)))
            continue;
        c->out->border[i].width = width.pt;
        c->out->border[i].style = style.u8;
        c->out->border[i].color = color.color;
        if (have_c) c->spec |= BIT(T_BCOLOR + i);
        else c->spec &= ~BIT(T_BCOLOR + i);
    }
    return 1;
}

static int apply_four(Ctx *c, const char *s, size_t n, PropKind kind)
{
    Res side[4];
    static const ConvFn conv[] = {
        [K_SH_BORDER_WIDTH] = conv_border_width, [K_SH_BORDER_STYLE] = conv_border_style,
        [K_SH_BORDER_COLOR] = conv_color, [K_SH_MARGIN] = conv_margin, [K_SH_PADDING] = conv_padding,
    };
    if (!four_values(c, s, n, conv[kind], side))
        return 0;
    FoStyle *o = c->out;
    for (int i = 0; i < 4; i++) {
        switch (kind) {
        case K_SH_BORDER_WIDTH: o->border[i].width = side[i].pt; break;
        case K_SH_BORDER_STYLE: o->border[i].style = side[i].u8; break;
        case K_SH_BORDER_COLOR: o->border[i].color = side[i].color; c->spec |= BIT(T_BCOLOR + i); break;
        case K_SH_PADDING: o->padding[i].length = side[i].len; break;
        case K_SH_MARGIN: break;
        default: return 0;
        }
    }
    if (kind == K_SH_MARGIN) {
        o->margin_top = side[FO_BEFORE].len;
        o->margin_bottom = side[FO_AFTER].len;
        o->margin_left = side[FO_START].len;
        o->margin_right = side[FO_END].len;
        c->spec |= BIT(T_MARGIN_TOP) | BIT(T_MARGIN_BOTTOM) | BIT(T_MARGIN_LEFT) | BIT(T_MARGIN_RIGHT);
    }
    return 1;
}

/* font (§7.31.13): [ style || variant || weight ]? size [ / line-height ]?
 * family.  It is applied twice: its size in the first phase (em and % of
 * everything else depend on it), the rest with the other shorthands. */
static int apply_font(Ctx *c, const char *s, size_t n, int phase)
{
    static const char *const system_fonts[] = {"caption", "icon", "menu", "message-box",
                                               "small-caption", "status-bar"};
    const char *p = s, *end = s + n, *tok;
    size_t len;
    uint8_t style = FO_FONT_STYLE_NORMAL, variant = FO_FONT_VARIANT_NORMAL;
    int16_t weight = 400;
    double size = 0;
    FoLength lh = {0, 0, FO_LEN_NORMAL};
    const char *lh_text = NULL;
    size_t lh_len = 0;
    int have_size = 0;
    trim(&s, &n);
    for (size_t i = 0; i < COCOM_ARRAY_LEN(system_fonts); i++)
        if (eq(s, n, system_fonts[i])) {
            fo_props_warn(c, "value", "font", "the system font '%s' is not supported by cocom (font on fo:%s); ignored",
                 system_fonts[i], fo_props_element_name(c));
            c->reported = 1;
            return 0;
        }
    while (!have_size && next_token(&p, end, &tok, &len)) {
        Value v;
        const char *slash = memchr(tok, '/', len);
        size_t size_len = slash ? (size_t)(slash - tok) : len;
        if (!slash && fo_props_simple_value(c, tok, len, &v)) {
            uint8_t k;
            if (fo_props_word_is(&v, "normal"))
                continue;
            if (fo_props_to_keyword(&v, "normal italic oblique backslant", &k)) { style = k; continue; }
            if (fo_props_to_keyword(&v, "normal small-caps", &k)) { variant = k; continue; }
            if (fo_props_to_font_weight(&v, c->parent->font_weight, &weight)) continue;
        }
        c->em = c->parent->font_size;      /* em in font-size is the parent's */
        if (!fo_props_value_of(c, tok, size_len, &v) || !fo_props_to_font_size(c, &v, &size))
            return 0;
        have_size = 1;
        if (slash) {
            lh_text = slash + 1;
            lh_len = len - size_len - 1;
        }
    }
    if (!have_size)
        return 0;
    /* "12pt / 14pt" and "12pt /14pt": the line-height in the next token */
    const char *q = p;
    if (!lh_text && next_token(&q, end, &tok, &len) && tok[0] == '/') {
        p = q;
        lh_text = tok + 1;
        lh_len = len - 1;
    }
    if (lh_text && lh_len == 0) {
        if (!next_token(&p, end, &tok, &len))
            return 0;
        lh_text = tok;
        lh_len = len;
    }
    /* Both phases check the whole value, so that it applies entirely or
     * not at all.  line-height's em and % are the element's font-size:
     * final in the second phase (a font-size attribute may override the
     * shorthand's). */
    c->em = phase == P_FONT_SIZE_SH ? size : c->out->font_size;
    if (lh_text) {
        Value v;
        if (!fo_props_value_of(c, lh_text, lh_len, &v) || !fo_props_to_line_height(c, &v, &lh))
            return 0;
    }
    const char *family;
    if (!fo_props_parse_font_family(c, p, (size_t)(end - p), &family))
        return 0;
    if (phase == P_FONT_SIZE_SH) {
        c->out->font_size = size;
        return 1;
    }
    c->out->font_style = style;
    c->out->font_variant = variant;
    c->out->font_weight = weight;
    c->out->line_height = lh;
    c->out->font_family = family;
    return 1;
}

/* white-space (§7.31.23) sets four properties at once. */
static int apply_white_space(Ctx *c, const Value *v)
{
    FoStyle *o = c->out;
    if (fo_props_word_is(v, "normal") || fo_props_word_is(v, "nowrap")) {
        o->linefeed_treatment = FO_LF_TREAT_AS_SPACE;
        o->white_space_collapse = 1;
        o->white_space_treatment = FO_WS_IGNORE_SURROUNDING_LF;
        o->wrap_option = fo_props_word_is(v, "nowrap") ? FO_NO_WRAP : FO_WRAP;
    } else if (fo_props_word_is(v, "pre")) {
        o->linefeed_treatment = FO_LF_PRESERVE;
        o->white_space_collapse = 0;
        o->white_space_treatment = FO_WS_PRESERVE;
        o->wrap_option = FO_NO_WRAP;
    } else {
        return 0;
    }
    return 1;
}

/* page-break-before/after/inside (§7.31.16-18): CSS's page breaks as
 * break-* and keeps.  left and right are even and odd pages in lr-tb. */
static int apply_page_break(Ctx *c, const Value *v, int which)
{
    FoStyle *o = c->out;
    if (which == 2) {
        if (fo_props_word_is(v, "auto")) o->keep_together.within_page = 0;
        else if (fo_props_word_is(v, "avoid")) o->keep_together.within_page = FO_KEEP_ALWAYS;
        else return 0;
        return 1;
    }
    uint8_t *brk = which == 0 ? &o->break_before : &o->break_after;
    FoKeep *keep = which == 0 ? &o->keep_with_previous : &o->keep_with_next;
    if (fo_props_word_is(v, "auto")) { *brk = FO_BREAK_AUTO; keep->within_page = 0; }
    else if (fo_props_word_is(v, "always")) { *brk = FO_BREAK_PAGE; keep->within_page = 0; }
    else if (fo_props_word_is(v, "avoid")) { *brk = FO_BREAK_AUTO; keep->within_page = FO_KEEP_ALWAYS; }
    else if (fo_props_word_is(v, "left")) { *brk = FO_BREAK_EVEN_PAGE; keep->within_page = 0; }
    else if (fo_props_word_is(v, "right")) { *brk = FO_BREAK_ODD_PAGE; keep->within_page = 0; }
    else return 0;
    return 1;
}

/* vertical-align (§7.31.22): cocom keeps the baseline-shift it implies;
 * the alignment-baseline forms (middle, top ...) are not supported. */
static int apply_vertical_align(Ctx *c, const Value *v)
{
    static const char *const unsupported[] = {"middle", "top", "bottom", "text-top", "text-bottom"};
    for (size_t i = 0; i < COCOM_ARRAY_LEN(unsupported); i++)
        if (fo_props_word_is(v, unsupported[i])) {
            fo_props_warn(c, "unsupported-value", "vertical-align",
                 "vertical-align='%s' is not supported by cocom (on fo:%s); using baseline",
                 unsupported[i], fo_props_element_name(c));
            c->out->baseline_shift = (FoLength){0, 0, FO_LEN_BASELINE};
            return 1;
        }
    return fo_props_to_length(c, v, F_PCT | F_NEG | F_BASELINE, &c->out->baseline_shift);
}

/* size (§7.26.15): auto | landscape | portrait | <length>{1,2}.  The
 * orientations use A4, cocom's page size when none is given. */
static int apply_size(Ctx *c, const char *s, size_t n)
{
    FoStyle *o = c->out;
    const FoLength a4_short = {210.0 * 72.0 / 25.4, 0, FO_LEN_VALUE};
    const FoLength a4_long = {297.0 * 72.0 / 25.4, 0, FO_LEN_VALUE};
    const FoLength a = {0, 0, FO_LEN_AUTO};
    trim(&s, &n);
    if (eq(s, n, "auto")) { o->page_width = a; o->page_height = a; return 1; }
    if (eq(s, n, "portrait")) { o->page_width = a4_short; o->page_height = a4_long; return 1; }
    if (eq(s, n, "landscape")) { o->page_width = a4_long; o->page_height = a4_short; return 1; }
    FoLength l[2];
    int k = 0;
    const char *p = s, *end = s + n, *tok;
    size_t len;
    while (next_token(&p, end, &tok, &len)) {
        Value v;
        if (k == 2 || !fo_props_value_of(c, tok, len, &v) || !fo_props_to_length(c, &v, 0, &l[k]))
            return 0;
        k++;
    }
    if (k == 0)
        return 0;
    o->page_width = l[0];
    o->page_height = l[k - 1];
    return 1;
}

/* background (§7.31.1): cocom paints only the colour. */
static int apply_background(Ctx *c, const char *s, size_t n)
{
    const char *p = s, *end = s + n, *tok;
    size_t len;
    int count = 0;
    FoColor color = FO_COLOR_TRANSPARENT;
    while (next_token(&p, end, &tok, &len)) {
        Res r;
        count++;
        if (conv_color(c, tok, len, &r)) {
            color = r.color;
        } else if (!eq(tok, len, "none")) {
            fo_props_warn(c, "unsupported", "background",
                 "only the colour of background is supported by cocom; '%.*s%s' on fo:%s ignored",
                 SHOWN(len), tok, MORE(len), fo_props_element_name(c));
        }
    }
    if (!count)
        return 0;
    c->out->background_color = color;
    return 1;
}

/* border-separation, border-spacing: one length for both directions, or
 * inline-progression-direction then block-progression-direction. */
static int apply_border_separation(Ctx *c, const char *s, size_t n, double *field)
{
    double d[2];
    int k = 0;
    const char *p = s, *end = s + n, *tok;
    size_t len;
    while (next_token(&p, end, &tok, &len)) {
        Value v;
        if (k == 2 || !fo_props_value_of(c, tok, len, &v) || !fo_props_to_points(c, &v, 0, &d[k]))
            return 0;
        k++;
    }
    if (k == 0)
        return 0;
    field[0] = d[0];
    field[1] = d[k - 1];
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Applying one row                                                        */

/* Copies the parent's value of the fields a row sets ("inherit"). */
static size_t field_size(const PropRow *row)
{
    switch (row->kind) {
    case K_LENGTH: case K_LINE_HEIGHT: return sizeof(FoLength);
    case K_POINTS: case K_BORDER_WIDTH: case K_FONT_SIZE: return sizeof(double);
    case K_BORDER_SEPARATION: return 2 * sizeof(double);
    case K_CONDITIONALITY: case K_ENUM: case K_TEXT_DECORATION: return 1;
    case K_INTEGER: case K_KEEP_STRENGTH: case K_PRECEDENCE: case K_MAXIMUM_REPEATS: return sizeof(int32_t);
    case K_COLOR: return sizeof(FoColor);
    case K_FONT_WEIGHT: case K_ORIENTATION: return sizeof(int16_t);
    case K_FONT_FAMILY: case K_STRING: case K_URL: return sizeof(const char *);
    case K_KEEP: return sizeof(FoKeep);
    case K_SPACE: return sizeof(FoSpace);
    case K_LENGTH_RANGE: return sizeof(FoLengthRange);
    case K_CHARACTER: return sizeof(uint32_t);
    case K_LANGUAGE: case K_COUNTRY: return 4;
    case K_INITIAL_PAGE_NUMBER:
        return offsetof(FoStyle, initial_page_number) + sizeof(int32_t) - offsetof(FoStyle, initial_page_number_kind);
    default: return 0;
    }
}

static void inherit_shorthand(Ctx *c, const PropRow *row, int phase)
{
    const FoStyle *p = c->parent;
    FoStyle *o = c->out;
    switch (row->kind) {
    case K_SH_BORDER: case K_SH_BORDER_WIDTH: case K_SH_BORDER_STYLE: case K_SH_BORDER_COLOR:
        for (int i = 0; i < 4; i++) {
            if (!(row->arg & SIDE(i)))
                continue;
            if (row->kind != K_SH_BORDER_STYLE && row->kind != K_SH_BORDER_COLOR) o->border[i].width = p->border[i].width;
            if (row->kind != K_SH_BORDER_WIDTH && row->kind != K_SH_BORDER_COLOR) o->border[i].style = p->border[i].style;
            if (row->kind != K_SH_BORDER_WIDTH && row->kind != K_SH_BORDER_STYLE) {
                o->border[i].color = p->border[i].color;
                c->spec |= BIT(T_BCOLOR + i);
            }
        }
        break;
    case K_SH_MARGIN:
        o->margin_top = p->margin_top;
        o->margin_bottom = p->margin_bottom;
        o->margin_left = p->margin_left;
        o->margin_right = p->margin_right;
        c->spec |= BIT(T_MARGIN_TOP) | BIT(T_MARGIN_BOTTOM) | BIT(T_MARGIN_LEFT) | BIT(T_MARGIN_RIGHT);
        break;
    case K_SH_PADDING:
        for (int i = 0; i < 4; i++)
            o->padding[i].length = p->padding[i].length;
        break;
    case K_SH_FONT:
        if (phase == P_FONT_SIZE_SH) {
            o->font_size = p->font_size;
        } else {
            o->font_family = p->font_family;
            o->font_weight = p->font_weight;
            o->font_style = p->font_style;
            o->font_variant = p->font_variant;
            o->line_height = p->line_height;
        }
        break;
    case K_SH_WHITE_SPACE:
        o->linefeed_treatment = p->linefeed_treatment;
        o->white_space_collapse = p->white_space_collapse;
        o->white_space_treatment = p->white_space_treatment;
        o->wrap_option = p->wrap_option;
        break;
    case K_SH_PAGE_BREAK:
        if (row->arg == 0) { o->break_before = p->break_before; o->keep_with_previous = p->keep_with_previous; }
        else if (row->arg == 1) { o->break_after = p->break_after; o->keep_with_next = p->keep_with_next; }
        else o->keep_together = p->keep_together;
        break;
    case K_SH_VERTICAL_ALIGN:
        o->baseline_shift = p->baseline_shift;
        break;
    case K_SH_XML_LANG:
        memcpy(o->language, p->language, sizeof o->language);
        memcpy(o->country, p->country, sizeof o->country);
        break;
    case K_SH_SIZE:
        o->page_width = p->page_width;
        o->page_height = p->page_height;
        break;
    case K_SH_BACKGROUND:
        o->background_color = p->background_color;
        break;
    default:
        break;
    }
}

static void apply_inherit(Ctx *c, const PropRow *row, int phase)
{
    size_t size = field_size(row);
    if (row->offset != NO_FIELD && size) {
        memcpy((char *)c->out + row->offset, (const char *)c->parent + row->offset, size);
        c->spec |= row->track ? BIT(row->track) : 0;
    } else {
        inherit_shorthand(c, row, phase);
    }
}

/* reference-orientation: multiples of 90 are valid; cocom lays out only 0. */
static int apply_orientation(Ctx *c, const Value *v, int16_t *field)
{
    int32_t deg;
    if (!fo_props_to_integer(v, F_NEG, &deg) || deg % 90 != 0 || deg < -270 || deg > 270)
        return 0;
    if (deg != 0)
        fo_props_warn(c, "unsupported-value", "reference-orientation",
             "reference-orientation='%d' is not supported by cocom (on fo:%s); using 0",
             (int)deg, fo_props_element_name(c));
    *field = 0;
    return 1;
}

static int apply_writing_mode(Ctx *c, const Value *v)
{
    static const char *const others[] = {"rl-tb", "tb-rl", "tb-lr", "bt-lr", "bt-rl", "lr-bt",
                                         "rl-bt", "rl", "tb", "lr-alternating-rl-bt",
                                         "lr-alternating-rl-tb", "lr-inverting-rl-bt",
                                         "lr-inverting-rl-tb", "tb-lr-in-lr-pairs"};
    if (fo_props_word_is(v, "lr-tb") || fo_props_word_is(v, "lr"))
        return 1;
    for (size_t i = 0; i < COCOM_ARRAY_LEN(others); i++)
        if (fo_props_word_is(v, others[i])) {
            fo_props_warn(c, "unsupported-value", "writing-mode",
                 "writing-mode='%s' is not supported by cocom (on fo:%s); using lr-tb",
                 others[i], fo_props_element_name(c));
            return 1;
        }
    return 0;
}

/* The kinds whose value is one expression. */
static int apply_value(Ctx *c, const PropRow *row, void *f, const Value *v)
{
    FoStyle *o = c->out;
    switch (row->kind) {
    case K_LENGTH:
        return fo_props_to_length(c, v, row->flags, f);
    case K_POINTS:
        return fo_props_to_points(c, v, row->flags, f);
    case K_BORDER_WIDTH:
        return fo_props_to_border_width(c, v, f);
    case K_CONDITIONALITY:
        if (fo_props_word_is(v, "discard")) *(uint8_t *)f = 1;
        else if (fo_props_word_is(v, "retain")) *(uint8_t *)f = 0;
        else return 0;
        return 1;
    case K_ENUM:
        return fo_props_to_keyword(v, row->keywords, f);
    case K_INTEGER: {
        int32_t i;
        if (!fo_props_to_integer(v, row->flags, &i))
            return 0;
        *(int32_t *)f = i;
        return 1;
    }
    case K_COLOR:
        return fo_props_to_color(v, f);
    case K_FONT_SIZE:
        return fo_props_to_font_size(c, v, f);
    case K_FONT_WEIGHT:
        return fo_props_to_font_weight(v, c->parent->font_weight, f);
    case K_LINE_HEIGHT:
        return fo_props_to_line_height(c, v, f);
    case K_KEEP: {
        int32_t k;
        if (!fo_props_to_keep_strength(v, &k))
            return 0;
        *(FoKeep *)f = (FoKeep){k, k, k};
        return 1;
    }
    case K_KEEP_STRENGTH:
        return fo_props_to_keep_strength(v, f);
    case K_SPACE: {
        /* a plain length sets the three lengths; precedence and
         * conditionality go back to their initial 0 and discard (§4.3) */
        double x;
        if (!fo_props_to_points(c, v, row->flags, &x))
            return 0;
        *(FoSpace *)f = (FoSpace){x, x, x, 0, 1};
        return 1;
    }
    case K_PRECEDENCE: {
        int32_t i;
        if (fo_props_word_is(v, "force")) i = FO_PRECEDENCE_FORCE;
        else if (!fo_props_to_integer(v, F_NEG, &i)) return 0;
        *(int32_t *)f = i;
        return 1;
    }
    case K_LENGTH_RANGE: {
        FoLength l;
        if (!fo_props_to_length(c, v, row->flags, &l))
            return 0;
        *(FoLengthRange *)f = (FoLengthRange){l, l, l};
        return 1;
    }
    case K_INITIAL_PAGE_NUMBER: {
        int32_t i = 0;
        uint8_t kind;
        if (fo_props_to_keyword(v, "auto auto-odd auto-even", &kind)) {
            o->initial_page_number_kind = kind;
            o->initial_page_number = 0;
            return 1;
        }
        if (!fo_props_to_integer(v, 0, &i))
            return 0;
        o->initial_page_number_kind = FO_INITIAL_PAGE_NUMBER;
        o->initial_page_number = i;
        return 1;
    }
    case K_MAXIMUM_REPEATS: {
        int32_t i;
        if (fo_props_word_is(v, "no-limit")) i = -1;
        else if (!fo_props_to_integer(v, 0, &i)) return 0;
        *(int32_t *)f = i;
        return 1;
    }
    case K_ORIENTATION:
        return apply_orientation(c, v, f);
    case K_WRITING_MODE:
        return apply_writing_mode(c, v);
    case K_SH_WHITE_SPACE:
        return apply_white_space(c, v);
    case K_SH_PAGE_BREAK:
        return apply_page_break(c, v, row->arg);
    case K_SH_VERTICAL_ALIGN:
        return apply_vertical_align(c, v);
    default:
        return 0;
    }
}

/* Applies the text s[0..n) of row to c->out.  Returns 0 when it does not
 * parse, leaving c->out as it was. */
int fo_props_apply_text(Ctx *c, const PropRow *row, const char *s, size_t n, int phase)
{
    void *f = row->offset == NO_FIELD || !c->out ? NULL : (char *)c->out + row->offset;
    switch (row->kind) {
    case K_IGNORED:
        return 1;
    case K_STRING:
        *(const char **)f = fo_props_keep_string(c, s, n);
        return 1;
    case K_URL:
        if (row->flags & F_NONE) {
            const char *t = s;
            size_t m = n;
            trim(&t, &m);
            if (eq(t, m, "none")) {
                *(const char **)f = NULL;
                return 1;
            }
        }
        return fo_props_parse_url(c, s, n, f);
    case K_CHARACTER:
        return fo_props_parse_character(s, n, f);
    case K_FONT_FAMILY:
        return fo_props_parse_font_family(c, s, n, f);
    case K_TEXT_DECORATION:
        return fo_props_parse_text_decoration(s, n, f);
    case K_LANGUAGE: case K_COUNTRY: {
        trim(&s, &n);
        if (eq(s, n, "none")) {
            ((char *)f)[0] = '\0';
            return 1;
        }
        if (!fo_props_code_ok(s, n, row->kind == K_COUNTRY))
            return 0;
        fo_props_store_code(f, s, n, row->kind == K_COUNTRY);
        return 1;
    }
    case K_BORDER_SEPARATION:
        return apply_border_separation(c, s, n, f);
    case K_SH_BORDER:
        return apply_border(c, s, n, row->arg);
    case K_SH_BORDER_WIDTH: case K_SH_BORDER_STYLE: case K_SH_BORDER_COLOR:
    case K_SH_MARGIN: case K_SH_PADDING:
        return apply_four(c, s, n, (PropKind)row->kind);
    case K_SH_FONT:
        return apply_font(c, s, n, phase);
    case K_SH_XML_LANG: {
        char lang[4] = {0}, country[4] = {0};   /* all four bytes: styles are compared whole */
        if (!fo_props_parse_xml_lang(s, n, lang, country))
            return 0;
        memcpy(c->out->language, lang, 4);
        memcpy(c->out->country, country, 4);
        return 1;
    }
    case K_SH_SIZE:
        return apply_size(c, s, n);
    case K_SH_BACKGROUND:
        return apply_background(c, s, n);
    default: {
        Value v;
        return fo_props_value_of(c, s, n, &v) && apply_value(c, row, f, &v);
    }
    }
}

/* Applies one attribute: "inherit", or the value; warns when it does not
 * parse or was clamped. */
static void apply_row(Ctx *c, const PropRow *row, const char *s, size_t n, int phase)
{
    c->row = row;
    c->reported = 0;
    c->clamped = 0;
    c->em = (row->kind == K_FONT_SIZE || (row->kind == K_SH_FONT && phase == P_FONT_SIZE_SH))
            ? c->parent->font_size : c->out->font_size;
    const char *t = s;
    size_t m = n;
    trim(&t, &m);
    /* "inherit" (§5.1.4) for every property but the plain strings, whose
     * grammar has no such keyword (an id of "inherit" is just an id) */
    if (eq(t, m, "inherit") && row->kind != K_STRING) {
        apply_inherit(c, row, phase);
        return;
    }
    if (!fo_props_apply_text(c, row, s, n, phase)) {
        if (!c->reported)
            fo_props_warn_invalid(c, row, s, n);
        return;
    }
    if (row->track)
        c->spec |= BIT(row->track);
    if (row->flags & F_WARN)
        fo_props_warn(c, "unsupported", row->name, "property '%s' is not supported by cocom; ignored", row->name);
    if (c->clamped)
        fo_props_warn(c, "range", row->name, "'%.*s%s' is out of range for %s on fo:%s; clamped to +-%.0fpt",
             SHOWN(n), s, MORE(n), row->name, fo_props_element_name(c), MAX_POINTS);
}

/* ---------------------------------------------------------------------- */
/* After the attributes: the rules that depend on several properties       */

static int is_fo(xmlNodePtr node, const char *local)
{
    return node && node->ns && node->ns->href && node->name
           && strcmp((const char *)node->name, local) == 0
           && strcmp((const char *)node->ns->href, FO_NAMESPACE) == 0;
}

/* Inline-level formatting objects take margins as space-start/-end, not
 * as indents (§5.3.2). */
static int is_inline_level(xmlNodePtr node)
{
    static const char *const inl[] = {"basic-link", "character", "external-graphic", "inline",
                                      "instream-foreign-object", "leader", "page-number",
                                      "page-number-citation", "page-number-citation-last",
                                      "wrapper"};
    if (!node || !node->ns || !node->ns->href || strcmp((const char *)node->ns->href, FO_NAMESPACE) != 0)
        return 0;
    for (size_t i = 0; i < COCOM_ARRAY_LEN(inl); i++)
        if (strcmp((const char *)node->name, inl[i]) == 0)
            return 1;
    return 0;
}

static FoLength length_add(FoLength a, FoLength b)
{
    FoLength r = {a.abs + b.abs, a.pct + b.pct, FO_LEN_VALUE};
    return r;
}

static FoLength margin_value(FoLength m)
{
    /* margin: auto is 0 for the indent computation (§5.3.2 uses the
     * computed margin; auto margins of CSS have no XSL counterpart) */
    return m.kind == FO_LEN_VALUE ? m : (FoLength){0, 0, FO_LEN_VALUE};
}

/* A space from a margin, for CSS compatibility: the three lengths are the
 * margin, precedence 0, conditionality retain (§7.11.x: margins are not
 * discarded at the start of a reference area as spaces are).  A percentage
 * part cannot be kept in a FoSpace and is dropped. */
static FoSpace space_from_margin(FoLength m)
{
    double x = margin_value(m).abs;
    return (FoSpace){x, x, x, 0, 0};
}

/* §5.3.2: when the absolute margin is specified and the relative indent is
 * not, start-indent = inherited start-indent + margin-left + border-start-
 * width + padding-start (likewise end); an explicit indent wins, and with
 * neither the inherited value stays (it is already there).  Spaces come
 * from margin-top/-bottom (and -left/-right for inline areas) the same way. */
static void apply_corresponding(Ctx *c)
{
    FoStyle *o = c->out;
    uint32_t spec = c->spec;
    if (!(spec & (BIT(T_MARGIN_TOP) | BIT(T_MARGIN_BOTTOM) | BIT(T_MARGIN_LEFT) | BIT(T_MARGIN_RIGHT))))
        return;     /* the common case, without looking at the element */
    if (is_inline_level(c->node)) {
        /* inline-level: margin-left/-right are space-start/-end; the
         * vertical margins of an inline have no XSL counterpart */
        if ((spec & BIT(T_MARGIN_LEFT)) && !(spec & BIT(T_SPACE_START)))
            o->space_start = space_from_margin(o->margin_left);
        if ((spec & BIT(T_MARGIN_RIGHT)) && !(spec & BIT(T_SPACE_END)))
            o->space_end = space_from_margin(o->margin_right);
        return;
    }
    if ((spec & BIT(T_MARGIN_LEFT)) && !(spec & BIT(T_START_INDENT))) {
        FoLength bw = {o->border[FO_START].width, 0, FO_LEN_VALUE};
        o->start_indent = length_add(length_add(o->start_indent, margin_value(o->margin_left)),
                                     length_add(bw, o->padding[FO_START].length));
    }
    if ((spec & BIT(T_MARGIN_RIGHT)) && !(spec & BIT(T_END_INDENT))) {
        FoLength bw = {o->border[FO_END].width, 0, FO_LEN_VALUE};
        o->end_indent = length_add(length_add(o->end_indent, margin_value(o->margin_right)),
                                   length_add(bw, o->padding[FO_END].length));
    }
    if ((spec & BIT(T_MARGIN_TOP)) && !(spec & BIT(T_SPACE_BEFORE)))
        o->space_before = space_from_margin(o->margin_top);
    if ((spec & BIT(T_MARGIN_BOTTOM)) && !(spec & BIT(T_SPACE_AFTER)))
        o->space_after = space_from_margin(o->margin_bottom);
}

/* What body-start() and label-end() mean inside this list-block (§7.29.1,
 * §5.10.4): the body starts at start-indent + provisional-distance-
 * between-starts; the label ends, as an end-indent, at the reference
 * width (100%) minus (start-indent + distance - label-separation). */
static void finish_list_block(FoStyle *o)
{
    FoLength start = o->start_indent, dist = o->provisional_distance_between_starts;
    FoLength sep = o->provisional_label_separation;
    o->body_start = length_add(start, dist);
    o->label_end = (FoLength){-(start.abs + dist.abs - sep.abs), 1.0 - (start.pct + dist.pct - sep.pct),
                              FO_LEN_VALUE};
}

void fo_props_finish_style(Ctx *c)
{
    FoStyle *o = c->out;
    /* Border colours default to the element's color; a border whose style
     * is none or hidden has no width (§7.8.x), whatever order the border
     * properties came in — hence here, at the end. */
    for (int i = 0; i < 4; i++) {
        if (!(c->spec & BIT(T_BCOLOR + i)))
            o->border[i].color = o->color;
        if (o->border[i].style == FO_BORDER_NONE || o->border[i].style == FO_BORDER_HIDDEN)
            o->border[i].width = 0;
    }
    apply_corresponding(c);
    if (is_fo(c->node, "list-block"))
        finish_list_block(o);
    o->width = o->inline_progression_dimension.opt;
    o->height = o->block_progression_dimension.opt;
    /* region-name's initial value depends on the region (§7.27.7) */
    if (!(c->spec & BIT(T_REGION_NAME)) && c->node && c->node->name
        && strncmp((const char *)c->node->name, "region-", 7) == 0 && is_fo(c->node, (const char *)c->node->name)) {
        static const char *const regions[] = {"xsl-region-body", "xsl-region-before", "xsl-region-after",
                                              "xsl-region-start", "xsl-region-end"};
        for (size_t i = 0; i < COCOM_ARRAY_LEN(regions); i++)
            if (strcmp((const char *)c->node->name, regions[i] + 4) == 0)
                o->region_name = regions[i];
    }
}

/* ---------------------------------------------------------------------- */
/* The resolver                                                            */

typedef struct {
    const PropRow *row;
    const char *value;
    size_t len;
    uint8_t owned;      /* value was allocated by xmlNodeListGetString */
} Item;

/* An attribute's value without copying it when libxml2 holds it as one
 * text node (the usual case); else a copy the caller frees. */
static const char *attr_value(xmlAttrPtr a, uint8_t *owned)
{
    xmlNodePtr t = a->children;
    *owned = 0;
    if (!t)
        return "";
    if (t->type == XML_TEXT_NODE && !t->next && t->content)
        return (const char *)t->content;
    xmlChar *v = xmlNodeListGetString(a->doc, t, 1);
    if (!v)
        return "";
    *owned = 1;
    return (const char *)v;
}

static int in_phase(const PropRow *row, int phase)
{
    return row->phase == phase || (row->kind == K_SH_FONT && phase == P_SH1);
}

void fo_style_compute(const FoResolver *r, xmlNodePtr node, const FoStyle *parent, FoStyle *out)
{
    const FoStyle *init = fo_style_initial();
    if (!parent)
        parent = init;
    /* Inherited block from the parent, the rest from the initial style
     * (as specified: fo_props_finish_style() computes it for this element). */
    memcpy(out, parent, FO_STYLE_INHERITED_END);
    memcpy((char *)out + FO_STYLE_INHERITED_END,
           (const char *)(node ? fo_props_initial_specified() : init) + FO_STYLE_INHERITED_END,
           sizeof(FoStyle) - FO_STYLE_INHERITED_END);
    if (!node)
        return;
    /* cocom lets table cells establish the indent reference: their
     * content is indented from the cell, not from the page. */
    if (is_fo(node, "table-cell")) {
        out->start_indent = (FoLength){0, 0, FO_LEN_VALUE};
        out->end_indent = (FoLength){0, 0, FO_LEN_VALUE};
    }
    Ctx c = {.r = r, .node = node, .parent = parent, .out = out, .cur = out, .em = out->font_size};

    Item stack[64], *items = stack;
    size_t n = 0, cap = COCOM_ARRAY_LEN(stack);
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        const PropRow *row = fo_props_attr_row(&c, a);
        if (!row)
            continue;
        if (n == cap) {
            Item *bigger = cocom_xmalloc(2 * cap * sizeof *bigger);
            memcpy(bigger, items, n * sizeof *items);
            if (items != stack)
                free(items);
            items = bigger;
            cap *= 2;
        }
        Item *it = &items[n++];
        it->row = row;
        it->value = attr_value(a, &it->owned);
        it->len = strlen(it->value);
    }
    for (int phase = 0; phase < P_COUNT; phase++)
        for (size_t i = 0; i < n; i++)
            if (in_phase(items[i].row, phase)) {
                c.borrowed = !items[i].owned;
                apply_row(&c, items[i].row, items[i].value, items[i].len, phase);
            }
    for (size_t i = 0; i < n; i++)
        if (items[i].owned)
            xmlFree((xmlChar *)items[i].value);
    if (items != stack)
        free(items);
    fo_props_finish_style(&c);
}
