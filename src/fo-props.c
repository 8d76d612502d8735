/* fo-props.c — the XSL-FO property table and the style resolver.
 *
 * Everything cocom knows about a property is one row of `table` below:
 * its name, whether it is inherited, its initial value as XSL text, the
 * grammar of its value (a PropKind) and where its computed value lives in
 * FoStyle.  fo_props_init() parses every initial value once into the
 * initial style; fo_style_compute() copies the parent's inherited block and
 * the initial non-inherited block, then applies the element's attributes in
 * phases (font-size first, shorthands from general to specific, absolute
 * before relative, components last — XSL 1.1 §5.2, §5.3) and finishes with
 * the corresponding-property rules of §5.3.2.
 *
 * Values are parsed by kind.  Plain keywords and plain lengths take a fast
 * path; anything else goes through a small recursive-descent evaluator of
 * the XSL expression language (§5.9), bounded in depth and input length.
 *
 * Nothing here allocates per element, except in two rare cases: an element
 * with more than 64 attributes, and attribute values libxml2 did not store
 * as one text node (entity references).  Strings that must be rewritten
 * (url(...) unwrapped, a value with entity references) go to the
 * document's xmlDict, so they live exactly as long as the document;
 * font-family lists go to a process-wide pool so that equal lists are the
 * same pointer, which the text module uses as a cache key.
 */
#include "config.h"
#include "fo-props.h"
#include "fo-props-private.h"
#include "util.h"

#include <libxml/dict.h>
#include <libxml/xmlstring.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FO_NAMESPACE "http://www.w3.org/1999/XSL/Format"
#define FOX_NAMESPACE "http://xmlgraphics.apache.org/fop/extensions"

#define MAX_POINTS 1e6          /* lengths are clamped to +-1e6pt (about 350 m) */
#define MAX_FRACTION 1e4        /* percentages to +-1,000,000% */
#define MAX_DEPTH 64            /* nesting of the expression evaluator */
#define MAX_EXPRESSION 4096     /* longest value the evaluator will look at */
#define MAX_FAMILY 512          /* longest normalised font-family list */
#define FAMILY_POOL_MAX 4096    /* distinct lists in the process-wide pool */
#define NO_FIELD 0xFFFFu

/* ---------------------------------------------------------------------- */
/* The grammar of a row's value                                            */

typedef enum {
    K_UNSUPPORTED,      /* known to XSL, not supported: warn once, ignore */
    K_IGNORED,          /* accepted without effect (letter-spacing.minimum ...) */
    K_LENGTH,           /* FoLength; flags give the keywords, signs and % allowed */
    K_POINTS,           /* double, points, no percentage */
    K_BORDER_WIDTH,     /* double: thin | medium | thick | <length> */
    K_CONDITIONALITY,   /* uint8: discard 1 | retain 0 */
    K_ENUM,             /* uint8: the index of the keyword in the row's list */
    K_INTEGER,          /* int32 */
    K_COLOR,            /* FoColor */
    K_FONT_SIZE,        /* double, resolved against the parent's font-size */
    K_FONT_WEIGHT,      /* int16, 100 .. 900 */
    K_FONT_FAMILY,      /* interned Pango family list */
    K_LINE_HEIGHT,      /* FoLength: NORMAL, NUMBER or VALUE in points */
    K_KEEP,             /* FoKeep: auto | always | <integer> */
    K_KEEP_STRENGTH,    /* int32, one component of a keep */
    K_SPACE,            /* FoSpace */
    K_PRECEDENCE,       /* int32: force | <integer> */
    K_LENGTH_RANGE,     /* FoLengthRange */
    K_BORDER_SEPARATION,/* two doubles: one or two lengths */
    K_TEXT_DECORATION,  /* uint8 flags */
    K_STRING,           /* const char *, as written */
    K_URL,              /* const char *, url(...) unwrapped */
    K_CHARACTER,        /* uint32 code point */
    K_INITIAL_PAGE_NUMBER, /* kind + integer */
    K_MAXIMUM_REPEATS,  /* int32, -1 for no-limit */
    K_LANGUAGE,         /* char[4], lower case */
    K_COUNTRY,          /* char[4], upper case */
    K_ORIENTATION,      /* int16: only 0 is supported */
    K_WRITING_MODE,     /* no field: only lr-tb is supported */
    /* shorthands (XSL 1.1 §7.31): no field of their own */
    K_SH_BORDER,        /* border, border-top ...: width style colour, any order */
    K_SH_BORDER_WIDTH,  /* border-width: 1-4 values */
    K_SH_BORDER_STYLE,
    K_SH_BORDER_COLOR,
    K_SH_MARGIN,
    K_SH_PADDING,
    K_SH_FONT,
    K_SH_WHITE_SPACE,
    K_SH_PAGE_BREAK,    /* arg: 0 before, 1 after, 2 inside */
    K_SH_VERTICAL_ALIGN,
    K_SH_XML_LANG,
    K_SH_SIZE,
    K_SH_BACKGROUND
} PropKind;

/* The phases in which an element's attributes are applied: a later phase
 * overwrites an earlier one, whatever the order of the attributes. */
enum {
    P_FONT_SIZE_SH,     /* the font-size part of `font` */
    P_FONT_SIZE,        /* font-size: em and % of other properties depend on it */
    P_SH1,              /* the most general shorthands (§5.2): border, margin, padding, font ... */
    P_SH2,              /* border-top, border-left ... (and cocom's border-before ...) */
    P_SH3,              /* border-width, border-style, border-color */
    P_ABS,              /* absolute properties mapped onto relative ones (§5.3.1) */
    P_SPEC,             /* every other property: a relative one wins over its absolute twin */
    P_COMP,             /* components (space-before.optimum ...) win over their compound */
    P_COUNT
};

enum {
    F_PCT = 1 << 0,             /* percentages allowed */
    F_NEG = 1 << 1,             /* negative values allowed */
    F_AUTO = 1 << 2,            /* the keyword auto */
    F_NORMAL = 1 << 3,          /* normal */
    F_NONE = 1 << 4,            /* none */
    F_FONT_METRICS = 1 << 5,    /* use-font-metrics */
    F_SCALE = 1 << 6,           /* scale-to-fit, scale-down-to-fit, scale-up-to-fit */
    F_BASELINE = 1 << 7,        /* baseline, sub, super */
    F_PROPORTIONAL = 1 << 8,    /* proportional-column-width() */
    F_INDEFINITE = 1 << 9,      /* indefinite, taken as auto */
    F_POSITIVE = 1 << 10,       /* integers: at least 1 */
    F_WARN = 1 << 11            /* stored, but warned about as unsupported */
};

/* What was specified on the element, for the rules that depend on it. */
enum {
    T_NONE, T_MARGIN_TOP, T_MARGIN_BOTTOM, T_MARGIN_LEFT, T_MARGIN_RIGHT,
    T_START_INDENT, T_END_INDENT, T_SPACE_BEFORE, T_SPACE_AFTER, T_SPACE_START, T_SPACE_END,
    T_BCOLOR,           /* + side: border colour given (else it is the element's color) */
    T_REGION_NAME = T_BCOLOR + 4
};
#define BIT(t) (1u << (t))

typedef struct {
    const char *name;
    const char *initial;    /* XSL text parsed by fo_props_init(), or NULL */
    const char *keywords;   /* K_ENUM: space-separated; the index is the value */
    uint16_t offset;        /* offsetof(FoStyle, field) or NO_FIELD */
    uint16_t flags;         /* F_* */
    uint8_t kind;           /* PropKind */
    uint8_t inherited;
    uint8_t phase;          /* P_* */
    uint8_t arg;            /* shorthands: a side mask or a variant */
    uint8_t track;          /* T_*: a bit set in Ctx.spec when applied */
} PropRow;

#define F(f) offsetof(FoStyle, f)
#define ROW(nm, inh, kd, off, fl, ph, tr, ar, init, kw) \
    { nm, init, kw, (uint16_t)(off), (uint16_t)(fl), kd, inh, ph, ar, tr }
/* a property with a field */
#define P(nm, inh, kd, f, fl, init)         ROW(nm, inh, kd, F(f), fl, P_SPEC, T_NONE, 0, init, NULL)
#define PT(nm, inh, kd, f, fl, init, tr)    ROW(nm, inh, kd, F(f), fl, P_SPEC, tr, 0, init, NULL)
/* an enumeration: the keywords in the order of the header's enum */
#define E(nm, inh, f, init, kw)             ROW(nm, inh, K_ENUM, F(f), 0, P_SPEC, T_NONE, 0, init, kw)
/* a component of a compound (space-before.optimum) */
#define C(nm, inh, kd, f, fl, init)         ROW(nm, inh, kd, F(f), fl, P_COMP, T_NONE, 0, init, NULL)
#define CT(nm, inh, kd, f, fl, init, tr)    ROW(nm, inh, kd, F(f), fl, P_COMP, tr, 0, init, NULL)
/* an absolute property: the same field as its relative twin, an earlier phase */
#define A(nm, kd, f, fl, tr)                ROW(nm, 0, kd, F(f), fl, P_ABS, tr, 0, NULL, NULL)
#define AE(nm, f, kw)                       ROW(nm, 0, K_ENUM, F(f), 0, P_ABS, T_NONE, 0, NULL, kw)
/* a shorthand */
#define SH(nm, kd, ph, ar)                  ROW(nm, 0, kd, NO_FIELD, 0, ph, T_NONE, ar, NULL, NULL)
/* accepted with no effect */
#define IGN(nm, inh)                        ROW(nm, inh, K_IGNORED, NO_FIELD, 0, P_COMP, T_NONE, 0, NULL, NULL)
/* known, not supported */
#define U(nm)                               ROW(nm, 0, K_UNSUPPORTED, NO_FIELD, 0, P_SPEC, T_NONE, 0, NULL, NULL)

#define BOOL_KW "false true"
#define BORDER_STYLE_KW "none hidden dotted dashed solid double groove ridge inset outset"
#define SIDE(s) (1u << (s))
#define ALL_SIDES 0xFu

/* border-S-width (with .length and .conditionality), -style, -color */
#define BORDER_REL(s, S) \
    P("border-" s "-width", 0, K_BORDER_WIDTH, border[S].width, 0, "medium"), \
    C("border-" s "-width.length", 0, K_BORDER_WIDTH, border[S].width, 0, NULL), \
    C("border-" s "-width.conditionality", 0, K_CONDITIONALITY, border[S].discard, 0, "discard"), \
    E("border-" s "-style", 0, border[S].style, "none", BORDER_STYLE_KW), \
    PT("border-" s "-color", 0, K_COLOR, border[S].color, 0, NULL, T_BCOLOR + S)
#define BORDER_ABS(s, S) \
    A("border-" s "-width", K_BORDER_WIDTH, border[S].width, 0, T_NONE), \
    AE("border-" s "-style", border[S].style, BORDER_STYLE_KW), \
    A("border-" s "-color", K_COLOR, border[S].color, 0, T_BCOLOR + S)
#define PADDING_REL(s, S) \
    P("padding-" s, 0, K_LENGTH, padding[S].length, F_PCT, "0pt"), \
    C("padding-" s ".length", 0, K_LENGTH, padding[S].length, F_PCT, NULL), \
    C("padding-" s ".conditionality", 0, K_CONDITIONALITY, padding[S].discard, 0, "discard")
/* space-before (a <space>, §4.3) and its five components */
#define SPACE(s, f, tr) \
    PT("space-" s, 0, K_SPACE, f, F_NEG, "0pt", tr), \
    CT("space-" s ".minimum", 0, K_POINTS, f.min, F_NEG, NULL, tr), \
    CT("space-" s ".optimum", 0, K_POINTS, f.opt, F_NEG, NULL, tr), \
    CT("space-" s ".maximum", 0, K_POINTS, f.max, F_NEG, NULL, tr), \
    CT("space-" s ".precedence", 0, K_PRECEDENCE, f.precedence, 0, NULL, tr), \
    CT("space-" s ".conditionality", 0, K_CONDITIONALITY, f.discard, 0, NULL, tr)
#define KEEP(nm, inh, f) \
    P(nm, inh, K_KEEP, f, 0, "auto"), \
    C(nm ".within-line", inh, K_KEEP_STRENGTH, f.within_line, 0, NULL), \
    C(nm ".within-column", inh, K_KEEP_STRENGTH, f.within_column, 0, NULL), \
    C(nm ".within-page", inh, K_KEEP_STRENGTH, f.within_page, 0, NULL)
#define RANGE(nm, f) \
    P(nm, 0, K_LENGTH_RANGE, f, F_PCT | F_AUTO, "auto"), \
    C(nm ".minimum", 0, K_LENGTH, f.min, F_PCT | F_AUTO, NULL), \
    C(nm ".optimum", 0, K_LENGTH, f.opt, F_PCT | F_AUTO, NULL), \
    C(nm ".maximum", 0, K_LENGTH, f.max, F_PCT | F_AUTO, NULL)
/* letter-spacing, word-spacing: a <space> of which cocom keeps the optimum */
#define SPACING(nm, f) \
    P(nm, 1, K_LENGTH, f, F_NORMAL | F_NEG, "normal"), \
    C(nm ".optimum", 1, K_LENGTH, f, F_NEG, NULL), \
    IGN(nm ".minimum", 1), IGN(nm ".maximum", 1), IGN(nm ".precedence", 1), \
    IGN(nm ".conditionality", 1)

/* The table.  Rows are applied to the initial style in this order, so a
 * compound comes before the components whose initial values differ. */
static const PropRow table[] = {
    /* ---- inherited (XSL 1.1 §7, "Inherited: yes") ---- */
    P("font-family", 1, K_FONT_FAMILY, font_family, 0, "sans-serif"),
    ROW("font-size", 1, K_FONT_SIZE, F(font_size), 0, P_FONT_SIZE, T_NONE, 0, "medium", NULL),
    P("font-weight", 1, K_FONT_WEIGHT, font_weight, 0, "normal"),
    E("font-style", 1, font_style, "normal", "normal italic oblique backslant"),
    E("font-variant", 1, font_variant, "normal", "normal small-caps"),
    P("color", 1, K_COLOR, color, 0, "black"),
    P("line-height", 1, K_LINE_HEIGHT, line_height, 0, "normal"),
    C("line-height.optimum", 1, K_LINE_HEIGHT, line_height, 0, NULL),
    IGN("line-height.minimum", 1), IGN("line-height.maximum", 1),
    IGN("line-height.precedence", 1), IGN("line-height.conditionality", 1),
    E("text-align", 1, text_align, "start", "start center end justify inside outside left right"),
    E("text-align-last", 1, text_align_last, "relative",
      "start center end justify inside outside left right relative"),
    P("text-indent", 1, K_LENGTH, text_indent, F_PCT | F_NEG, "0pt"),
    P("last-line-end-indent", 1, K_LENGTH, last_line_end_indent, F_PCT | F_NEG, "0pt"),
    PT("start-indent", 1, K_LENGTH, start_indent, F_PCT | F_NEG, "0pt", T_START_INDENT),
    PT("end-indent", 1, K_LENGTH, end_indent, F_PCT | F_NEG, "0pt", T_END_INDENT),
    P("widows", 1, K_INTEGER, widows, F_POSITIVE, "2"),
    P("orphans", 1, K_INTEGER, orphans, F_POSITIVE, "2"),
    E("hyphenate", 1, hyphenate, "false", BOOL_KW),
    P("language", 1, K_LANGUAGE, language, 0, "none"),
    P("country", 1, K_COUNTRY, country, 0, "none"),
    P("hyphenation-character", 1, K_CHARACTER, hyphenation_character, 0, "\xe2\x80\x90"),
    P("hyphenation-push-character-count", 1, K_INTEGER, hyphenation_push_character_count, F_POSITIVE, "2"),
    P("hyphenation-remain-character-count", 1, K_INTEGER, hyphenation_remain_character_count, F_POSITIVE, "2"),
    E("white-space-collapse", 1, white_space_collapse, "true", BOOL_KW),
    E("white-space-treatment", 1, white_space_treatment, "ignore-if-surrounding-linefeed",
      "ignore preserve ignore-if-before-linefeed ignore-if-after-linefeed ignore-if-surrounding-linefeed"),
    E("linefeed-treatment", 1, linefeed_treatment, "treat-as-space",
      "ignore preserve treat-as-space treat-as-zero-width-space"),
    E("wrap-option", 1, wrap_option, "wrap", "wrap no-wrap"),
    SPACING("letter-spacing", letter_spacing),
    SPACING("word-spacing", word_spacing),
    E("text-transform", 1, text_transform, "none", "none capitalize uppercase lowercase"),
    KEEP("keep-together", 1, keep_together),
    E("border-collapse", 1, border_collapse, "collapse", "collapse collapse-with-precedence separate"),
    P("border-separation", 1, K_BORDER_SEPARATION, border_separation_ipd, 0, "0pt"),
    C("border-separation.inline-progression-direction", 1, K_POINTS, border_separation_ipd, 0, NULL),
    C("border-separation.block-progression-direction", 1, K_POINTS, border_separation_bpd, 0, NULL),
    E("display-align", 1, display_align, "auto", "auto before center after"),
    P("provisional-distance-between-starts", 1, K_LENGTH, provisional_distance_between_starts,
      F_PCT | F_NEG, "24pt"),
    P("provisional-label-separation", 1, K_LENGTH, provisional_label_separation, F_PCT | F_NEG, "6pt"),
    E("leader-pattern", 1, leader_pattern, "space", "space rule dots use-content"),
    E("leader-alignment", 1, leader_alignment, "none", "none reference-area page"),
    P("leader-length", 1, K_LENGTH_RANGE, leader_length, F_PCT, "12pt"),
    C("leader-length.minimum", 1, K_LENGTH, leader_length.min, F_PCT, "0pt"),
    C("leader-length.optimum", 1, K_LENGTH, leader_length.opt, F_PCT, NULL),
    C("leader-length.maximum", 1, K_LENGTH, leader_length.max, F_PCT, "100%"),
    P("leader-pattern-width", 1, K_LENGTH, leader_pattern_width, F_PCT | F_FONT_METRICS, "use-font-metrics"),
    P("rule-thickness", 1, K_POINTS, rule_thickness, 0, "1pt"),
    E("rule-style", 1, rule_style, "solid", "solid dotted dashed double groove ridge none"),
    E("empty-cells", 1, empty_cells, "show", "show hide"),
    E("visibility", 1, visibility, "visible", "visible hidden collapse"),
    /* inherited, but in no field: lr-tb is the only writing mode */
    ROW("writing-mode", 1, K_WRITING_MODE, NO_FIELD, 0, P_SPEC, T_NONE, 0, NULL, NULL),

    /* ---- not inherited ---- */
    P("id", 0, K_STRING, id, 0, NULL),
    P("role", 0, K_STRING, role, 0, NULL),
    P("fox:alt-text", 0, K_STRING, alt_text, 0, NULL),
    P("background-color", 0, K_COLOR, background_color, 0, "transparent"),
    P("background-image", 0, K_URL, background_image, F_NONE | F_WARN, "none"),
    BORDER_REL("before", FO_BEFORE),
    BORDER_REL("after", FO_AFTER),
    BORDER_REL("start", FO_START),
    BORDER_REL("end", FO_END),
    BORDER_ABS("top", FO_BEFORE),
    BORDER_ABS("bottom", FO_AFTER),
    BORDER_ABS("left", FO_START),
    BORDER_ABS("right", FO_END),
    PADDING_REL("before", FO_BEFORE),
    PADDING_REL("after", FO_AFTER),
    PADDING_REL("start", FO_START),
    PADDING_REL("end", FO_END),
    A("padding-top", K_LENGTH, padding[FO_BEFORE].length, F_PCT, T_NONE),
    A("padding-bottom", K_LENGTH, padding[FO_AFTER].length, F_PCT, T_NONE),
    A("padding-left", K_LENGTH, padding[FO_START].length, F_PCT, T_NONE),
    A("padding-right", K_LENGTH, padding[FO_END].length, F_PCT, T_NONE),
    /* margins are kept as specified; §5.3.2 turns them into indents and spaces */
    PT("margin-top", 0, K_LENGTH, margin_top, F_PCT | F_NEG | F_AUTO, "auto", T_MARGIN_TOP),
    PT("margin-bottom", 0, K_LENGTH, margin_bottom, F_PCT | F_NEG | F_AUTO, "auto", T_MARGIN_BOTTOM),
    PT("margin-left", 0, K_LENGTH, margin_left, F_PCT | F_NEG | F_AUTO, "auto", T_MARGIN_LEFT),
    PT("margin-right", 0, K_LENGTH, margin_right, F_PCT | F_NEG | F_AUTO, "auto", T_MARGIN_RIGHT),
    SPACE("before", space_before, T_SPACE_BEFORE),
    SPACE("after", space_after, T_SPACE_AFTER),
    SPACE("start", space_start, T_SPACE_START),
    SPACE("end", space_end, T_SPACE_END),
    E("break-before", 0, break_before, "auto", "auto column page even-page odd-page"),
    E("break-after", 0, break_after, "auto", "auto column page even-page odd-page"),
    KEEP("keep-with-next", 0, keep_with_next),
    KEEP("keep-with-previous", 0, keep_with_previous),
    /* width and height are the absolute twins of the progression dimensions;
     * the FoStyle fields width/height are copied from their optimum at the end */
    A("width", K_LENGTH_RANGE, inline_progression_dimension, F_PCT | F_AUTO, T_NONE),
    A("height", K_LENGTH_RANGE, block_progression_dimension, F_PCT | F_AUTO, T_NONE),
    RANGE("inline-progression-dimension", inline_progression_dimension),
    RANGE("block-progression-dimension", block_progression_dimension),
    P("content-width", 0, K_LENGTH, content_width, F_PCT | F_AUTO | F_SCALE, "auto"),
    P("content-height", 0, K_LENGTH, content_height, F_PCT | F_AUTO | F_SCALE, "auto"),
    E("scaling", 0, scaling, "uniform", "uniform non-uniform"),
    P("src", 0, K_URL, src, 0, NULL),
    P("content-type", 0, K_STRING, content_type, 0, NULL),
    P("text-decoration", 0, K_TEXT_DECORATION, text_decoration, 0, "none"),
    P("baseline-shift", 0, K_LENGTH, baseline_shift, F_PCT | F_NEG | F_BASELINE, "baseline"),
    E("overflow", 0, overflow, "auto", "auto visible hidden scroll error-if-overflow repeat"),
    P("reference-orientation", 0, K_ORIENTATION, reference_orientation, 0, "0"),
    E("absolute-position", 0, absolute_position, "auto", "auto absolute fixed"),
    P("top", 0, K_LENGTH, top, F_PCT | F_NEG | F_AUTO, "auto"),
    P("bottom", 0, K_LENGTH, bottom, F_PCT | F_NEG | F_AUTO, "auto"),
    P("left", 0, K_LENGTH, left, F_PCT | F_NEG | F_AUTO, "auto"),
    P("right", 0, K_LENGTH, right, F_PCT | F_NEG | F_AUTO, "auto"),
    E("span", 0, span, "none", "none all"),
    P("column-count", 0, K_INTEGER, column_count, F_POSITIVE, "1"),
    P("column-gap", 0, K_LENGTH, column_gap, F_PCT, "12pt"),
    P("page-width", 0, K_LENGTH, page_width, F_AUTO | F_INDEFINITE, "auto"),
    P("page-height", 0, K_LENGTH, page_height, F_AUTO | F_INDEFINITE, "auto"),
    P("master-name", 0, K_STRING, master_name, 0, NULL),
    P("master-reference", 0, K_STRING, master_reference, 0, NULL),
    PT("region-name", 0, K_STRING, region_name, 0, NULL, T_REGION_NAME),
    P("flow-name", 0, K_STRING, flow_name, 0, NULL),
    P("extent", 0, K_LENGTH, extent, F_PCT, "0pt"),
    E("precedence", 0, precedence, "false", BOOL_KW),
    P("initial-page-number", 0, K_INITIAL_PAGE_NUMBER, initial_page_number_kind, 0, "auto"),
    E("force-page-count", 0, force_page_count, "auto", "auto even odd end-on-even end-on-odd no-force"),
    P("format", 0, K_STRING, format, 0, "1"),
    P("grouping-separator", 0, K_STRING, grouping_separator, 0, NULL),
    P("grouping-size", 0, K_INTEGER, grouping_size, 0, "0"),
    E("odd-or-even", 0, odd_or_even, "any", "any odd even"),
    E("page-position", 0, page_position, "any", "any first last rest only"),
    E("blank-or-not-blank", 0, blank_or_not_blank, "any", "any blank not-blank"),
    P("maximum-repeats", 0, K_MAXIMUM_REPEATS, maximum_repeats, 0, "no-limit"),
    E("table-layout", 0, table_layout, "auto", "auto fixed"),
    E("table-omit-header-at-break", 0, table_omit_header_at_break, "false", BOOL_KW),
    E("table-omit-footer-at-break", 0, table_omit_footer_at_break, "false", BOOL_KW),
    P("column-width", 0, K_LENGTH, column_width, F_PCT | F_AUTO | F_PROPORTIONAL, "auto"),
    P("column-number", 0, K_INTEGER, column_number, F_POSITIVE, NULL),
    P("number-columns-repeated", 0, K_INTEGER, number_columns_repeated, F_POSITIVE, "1"),
    P("number-columns-spanned", 0, K_INTEGER, number_columns_spanned, F_POSITIVE, "1"),
    P("number-rows-spanned", 0, K_INTEGER, number_rows_spanned, F_POSITIVE, "1"),
    E("starts-row", 0, starts_row, "false", BOOL_KW),
    E("ends-row", 0, ends_row, "false", BOOL_KW),
    P("internal-destination", 0, K_STRING, internal_destination, 0, NULL),
    P("external-destination", 0, K_URL, external_destination, 0, NULL),
    E("show-destination", 0, show_destination, "replace", "replace new"),
    P("ref-id", 0, K_STRING, ref_id, 0, NULL),
    /* Read from their formatting objects by marker.c (fo:marker,
     * fo:retrieve-marker), not through the style: accepted here. */
    IGN("marker-class-name", 0), IGN("retrieve-class-name", 0), IGN("retrieve-position", 0),
    IGN("retrieve-boundary", 0),
    P("character", 0, K_CHARACTER, character, 0, NULL),
    E("starting-state", 0, starting_state, "show", "show hide"),

    /* ---- shorthands (§7.31), most general first ---- */
    SH("font", K_SH_FONT, P_FONT_SIZE_SH, 0),
    SH("border", K_SH_BORDER, P_SH1, ALL_SIDES),
    SH("border-top", K_SH_BORDER, P_SH2, SIDE(FO_BEFORE)),
    SH("border-bottom", K_SH_BORDER, P_SH2, SIDE(FO_AFTER)),
    SH("border-left", K_SH_BORDER, P_SH2, SIDE(FO_START)),
    SH("border-right", K_SH_BORDER, P_SH2, SIDE(FO_END)),
    /* not in XSL 1.1, but written by people who know border-top: a cocom extension */
    SH("border-before", K_SH_BORDER, P_SH2, SIDE(FO_BEFORE)),
    SH("border-after", K_SH_BORDER, P_SH2, SIDE(FO_AFTER)),
    SH("border-start", K_SH_BORDER, P_SH2, SIDE(FO_START)),
    SH("border-end", K_SH_BORDER, P_SH2, SIDE(FO_END)),
    SH("border-width", K_SH_BORDER_WIDTH, P_SH3, ALL_SIDES),
    SH("border-style", K_SH_BORDER_STYLE, P_SH3, ALL_SIDES),
    SH("border-color", K_SH_BORDER_COLOR, P_SH3, ALL_SIDES),
    ROW("border-spacing", 1, K_BORDER_SEPARATION, F(border_separation_ipd), 0, P_SH1, T_NONE, 0, NULL, NULL),
    SH("margin", K_SH_MARGIN, P_SH1, 0),
    SH("padding", K_SH_PADDING, P_SH1, 0),
    SH("white-space", K_SH_WHITE_SPACE, P_SH1, 0),
    SH("page-break-before", K_SH_PAGE_BREAK, P_SH1, 0),
    SH("page-break-after", K_SH_PAGE_BREAK, P_SH1, 1),
    SH("page-break-inside", K_SH_PAGE_BREAK, P_SH1, 2),
    SH("vertical-align", K_SH_VERTICAL_ALIGN, P_SH1, 0),
    SH("xml:lang", K_SH_XML_LANG, P_SH1, 0),
    SH("size", K_SH_SIZE, P_SH1, 0),
    SH("background", K_SH_BACKGROUND, P_SH1, 0),

    /* ---- known to XSL 1.1, not supported by cocom ---- */
    U("active-state"), U("alignment-adjust"), U("alignment-baseline"), U("allowed-height-scale"),
    U("allowed-width-scale"), U("auto-restore"), U("azimuth"), U("background-attachment"),
    U("background-position"), U("background-position-horizontal"), U("background-position-vertical"),
    U("background-repeat"), U("border-after-precedence"), U("border-before-precedence"),
    U("border-end-precedence"), U("border-start-precedence"), U("caption-side"), U("case-name"),
    U("case-title"), U("change-bar-class"), U("change-bar-color"), U("change-bar-offset"),
    U("change-bar-placement"), U("change-bar-style"), U("change-bar-width"), U("clear"), U("clip"),
    U("color-profile-name"), U("cue"), U("cue-after"), U("cue-before"),
    U("destination-placement-offset"), U("direction"), U("dominant-baseline"), U("elevation"),
    U("float"), U("flow-map-name"), U("flow-map-reference"), U("flow-name-reference"),
    U("font-selection-strategy"), U("font-size-adjust"), U("font-stretch"),
    U("glyph-orientation-horizontal"), U("glyph-orientation-vertical"), U("hyphenation-keep"),
    U("hyphenation-ladder-count"), U("index-class"), U("index-key"), U("indicate-destination"),
    U("intrinsic-scale-value"), U("intrusion-displace"), U("letter-value"),
    U("line-height-shift-adjustment"), U("line-stacking-strategy"),
    U("max-height"), U("max-width"), U("media-usage"), U("merge-pages-across-index-key-references"),
    U("merge-ranges-across-index-key-references"), U("merge-sequential-page-numbers"),
    U("min-height"), U("min-width"), U("page-citation-strategy"), U("page-number-treatment"),
    U("pause"), U("pause-after"), U("pause-before"), U("pitch"), U("pitch-range"), U("play-during"),
    U("position"), U("ref-index-key"), U("region-name-reference"), U("relative-align"),
    U("relative-position"), U("rendering-intent"),
    U("retrieve-boundary-within-table"),
    U("retrieve-position-within-table"), U("richness"), U("scale-option"), U("scaling-method"),
    U("score-spaces"), U("script"), U("source-document"), U("speak"), U("speak-header"),
    U("speak-numeral"), U("speak-punctuation"), U("speech-rate"), U("stress"),
    U("suppress-at-line-break"), U("switch-to"), U("target-presentation-context"),
    U("target-processing-context"), U("target-stylesheet"), U("text-altitude"), U("text-depth"),
    U("text-shadow"), U("treat-as-word-space"), U("unicode-bidi"), U("voice-family"), U("volume"),
    U("z-index"),
};

#define TABLE_SIZE COCOM_ARRAY_LEN(table)

/* border-separation is written as two adjacent doubles. */
_Static_assert(offsetof(FoStyle, border_separation_bpd) == offsetof(FoStyle, border_separation_ipd) + sizeof(double),
               "border_separation_ipd and _bpd must be adjacent");

/* ---------------------------------------------------------------------- */
/* Process-wide state, built once                                          */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static CocomMap names;              /* property name -> row index */
static FoStyle initial;             /* computed initial values: fo_style_initial() */
static FoStyle initial_specified;   /* before finish_style(): the base of every element's
                                     * non-inherited block (its border widths are still
                                     * "medium", not the 0 that style none computes to) */
static const PropRow *row_xml_lang, *row_alt_text;

static pthread_mutex_t family_lock = PTHREAD_MUTEX_INITIALIZER;
static CocomMap family_pool;        /* normalised family list -> interned copy */

static const PropRow *find_row(const char *name)
{
    intptr_t i;
    if (!name || !cocom_map_get(&names, name, &i))
        return NULL;
    return &table[i];
}

/* ---------------------------------------------------------------------- */
/* The state of one element's resolution                                  */

typedef struct {
    const FoResolver *r;        /* NULL while building the initial style */
    xmlNodePtr node;            /* NULL likewise */
    const FoStyle *parent;      /* never NULL: the initial style for fo:root */
    FoStyle *out;               /* NULL when only parsing a value */
    const FoStyle *cur;         /* what body-start() and label-end() read */
    const PropRow *row;         /* the row being applied */
    double em;                  /* points per em for the value being parsed */
    uint32_t spec;              /* BIT(T_*) of what the element specified */
    uint8_t borrowed;           /* the value text lives as long as the document */
    uint8_t clamped;            /* a length was clamped to MAX_POINTS */
    uint8_t reported;           /* a specific warning was given; skip the generic one */
} Ctx;

/* ---------------------------------------------------------------------- */
/* Warnings: once per kind and property name, with FILE:LINE                */

static const char *element_name(const Ctx *c)
{
    return c->node && c->node->name ? (const char *)c->node->name : "?";
}

static void warn(Ctx *c, const char *what, const char *name, const char *fmt, ...) COCOM_PRINTF(4, 5);
static void warn(Ctx *c, const char *what, const char *name, const char *fmt, ...)
{
    if (!c->r || !c->r->ctx)
        return;
    char key[160];
    snprintf(key, sizeof key, "prop-%s:%s", what, name);
    if (!cocom_report_once(c->r->ctx, key))
        return;
    va_list ap;
    va_start(ap, fmt);
    cocom_vreport(c->r->ctx, COCOM_SEVERITY_WARNING, c->r->file,
                  c->node ? xmlGetLineNo(c->node) : 0, NULL, NULL, fmt, ap);
    va_end(ap);
}

/* At most 60 bytes of a value in a message (a 1 MB value stays readable). */
#define SHOWN(n) ((int)((n) > 60 ? 60 : (n)))
#define MORE(n) ((n) > 60 ? "..." : "")

static const char *fallback_phrase(const PropRow *row)
{
    if (row->kind >= K_SH_BORDER)
        return "ignored";
    return row->inherited ? "using the inherited value" : "using the initial value";
}

static void warn_invalid(Ctx *c, const PropRow *row, const char *s, size_t n)
{
    warn(c, "value", row->name, "'%.*s%s' is not a valid value for %s on fo:%s; %s",
         SHOWN(n), s, MORE(n), row->name, element_name(c), fallback_phrase(row));
}

/* ---------------------------------------------------------------------- */
/* Small text helpers                                                      */

static int is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }
static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static int name_start(int ch) { return is_alpha(ch) || ch == '_'; }
static int name_char(int ch) { return name_start(ch) || is_digit(ch) || ch == '-' || ch == '.'; }

static void trim(const char **s, size_t *n)
{
    while (*n && is_space((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static int eq(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n == m && memcmp(s, lit, m) == 0;
}

/* The index of word s[0..n) in a space-separated keyword list, or -1. */
static int keyword_index(const char *list, const char *s, size_t n)
{
    int i = 0;
    for (const char *p = list; *p; i++) {
        const char *q = strchr(p, ' ');
        size_t m = q ? (size_t)(q - p) : strlen(p);
        if (m == n && memcmp(p, s, n) == 0)
            return i;
        if (!q)
            break;
        p = q + 1;
    }
    return -1;
}

/* The i-th word of a keyword list (for from-parent() of an enumeration). */
static int keyword_at(const char *list, int index, const char **s, size_t *n)
{
    const char *p = list;
    for (int i = 0; i < index; i++) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    const char *q = strchr(p, ' ');
    *s = p;
    *n = q ? (size_t)(q - p) : strlen(p);
    return 1;
}

/* Splits off the next whitespace-separated token, keeping parenthesised
 * groups and quoted strings whole ("rgb(1, 2, 3)", "'Times New Roman'"). */
static int next_token(const char **p, const char *end, const char **tok, size_t *len)
{
    const char *s = *p;
    while (s < end && is_space((unsigned char)*s))
        s++;
    if (s >= end)
        return 0;
    const char *t = s;
    size_t depth = 0;
    char quote = 0;
    for (; t < end; t++) {
        char ch = *t;
        if (quote) {
            if (ch == quote)
                quote = 0;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '(') {
            depth++;
        } else if (ch == ')') {
            if (depth)
                depth--;
        } else if (depth == 0 && is_space((unsigned char)ch)) {
            break;
        }
    }
    *tok = s;
    *len = (size_t)(t - s);
    *p = t;
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Strings that outlive the element                                        */

/* A copy of s[0..n) that lives as long as the document: the text itself
 * when it is a whole attribute value owned by the document (or a static
 * initial value), else the document's dictionary. */
static const char *keep_string(Ctx *c, const char *s, size_t n)
{
    if (c->borrowed && s[n] == '\0')
        return s;
    if (n > 0x7fffffff)
        n = 0x7fffffff;
    if (c->node && c->node->doc && c->node->doc->dict) {
        const xmlChar *k = xmlDictLookup(c->node->doc->dict, (const xmlChar *)s, (int)n);
        if (k)
            return (const char *)k;
    }
    /* No dictionary (a tree built by hand): the process-wide pool. */
    char *copy = cocom_xstrndup(s, n);
    intptr_t v;
    pthread_mutex_lock(&family_lock);
    if (cocom_map_get(&family_pool, copy, &v)) {
        free(copy);
        copy = (char *)v;
    } else {
        cocom_map_set(&family_pool, copy, (intptr_t)copy);
    }
    pthread_mutex_unlock(&family_lock);
    return copy;
}

/* Interns a normalised font-family list: the same list is the same
 * pointer for the life of the process.  The pool is bounded; past the
 * bound a hostile document's lists go to its own dictionary. */
static const char *intern_family(Ctx *c, const char *s, size_t n)
{
    char key[MAX_FAMILY + 1];
    memcpy(key, s, n);
    key[n] = '\0';
    intptr_t v;
    const char *result = NULL;
    pthread_mutex_lock(&family_lock);
    if (cocom_map_get(&family_pool, key, &v)) {
        result = (const char *)v;
    } else if (family_pool.count < FAMILY_POOL_MAX || !c->node || !c->node->doc || !c->node->doc->dict) {
        char *copy = cocom_xstrdup(key);
        cocom_map_set(&family_pool, key, (intptr_t)copy);
        result = copy;
    }
    pthread_mutex_unlock(&family_lock);
    if (!result)
        result = (const char *)xmlDictLookup(c->node->doc->dict, (const xmlChar *)key, (int)n);
    return result;
}

/* ---------------------------------------------------------------------- */
/* Colours                                                                 */

typedef struct {
    const char *name;
    uint32_t rgb;
} NamedColor;

/* The 16 colours of CSS2 and the extended (SVG 1.1 / CSS3) names, sorted
 * for binary search. */
static const NamedColor named_colors[] = {
    {"aliceblue", 0xf0f8ff}, {"antiquewhite", 0xfaebd7}, {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4}, {"azure", 0xf0ffff}, {"beige", 0xf5f5dc}, {"bisque", 0xffe4c4},
    {"black", 0x000000}, {"blanchedalmond", 0xffebcd}, {"blue", 0x0000ff},
    {"blueviolet", 0x8a2be2}, {"brown", 0xa52a2a}, {"burlywood", 0xdeb887},
    {"cadetblue", 0x5f9ea0}, {"chartreuse", 0x7fff00}, {"chocolate", 0xd2691e},
    {"coral", 0xff7f50}, {"cornflowerblue", 0x6495ed}, {"cornsilk", 0xfff8dc},
    {"crimson", 0xdc143c}, {"cyan", 0x00ffff}, {"darkblue", 0x00008b}, {"darkcyan", 0x008b8b},
    {"darkgoldenrod", 0xb8860b}, {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400},
    {"darkgrey", 0xa9a9a9}, {"darkkhaki", 0xbdb76b}, {"darkmagenta", 0x8b008b},
    {"darkolivegreen", 0x556b2f}, {"darkorange", 0xff8c00}, {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000}, {"darksalmon", 0xe9967a}, {"darkseagreen", 0x8fbc8f},
    {"darkslateblue", 0x483d8b}, {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1}, {"darkviolet", 0x9400d3}, {"deeppink", 0xff1493},
    {"deepskyblue", 0x00bfff}, {"dimgray", 0x696969}, {"dimgrey", 0x696969},
    {"dodgerblue", 0x1e90ff}, {"firebrick", 0xb22222}, {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22}, {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc},
    {"ghostwhite", 0xf8f8ff}, {"gold", 0xffd700}, {"goldenrod", 0xdaa520}, {"gray", 0x808080},
    {"green", 0x008000}, {"greenyellow", 0xadff2f}, {"grey", 0x808080}, {"honeydew", 0xf0fff0},
    {"hotpink", 0xff69b4}, {"indianred", 0xcd5c5c}, {"indigo", 0x4b0082}, {"ivory", 0xfffff0},
    {"khaki", 0xf0e68c}, {"lavender", 0xe6e6fa}, {"lavenderblush", 0xfff0f5},
    {"lawngreen", 0x7cfc00}, {"lemonchiffon", 0xfffacd}, {"lightblue", 0xadd8e6},
    {"lightcoral", 0xf08080}, {"lightcyan", 0xe0ffff}, {"lightgoldenrodyellow", 0xfafad2},
    {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90}, {"lightgrey", 0xd3d3d3},
    {"lightpink", 0xffb6c1}, {"lightsalmon", 0xffa07a}, {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa}, {"lightslategray", 0x778899}, {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de}, {"lightyellow", 0xffffe0}, {"lime", 0x00ff00},
    {"limegreen", 0x32cd32}, {"linen", 0xfaf0e6}, {"magenta", 0xff00ff}, {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa}, {"mediumblue", 0x0000cd}, {"mediumorchid", 0xba55d3},
    {"mediumpurple", 0x9370db}, {"mediumseagreen", 0x3cb371}, {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a}, {"mediumturquoise", 0x48d1cc},
    {"mediumvioletred", 0xc71585}, {"midnightblue", 0x191970}, {"mintcream", 0xf5fffa},
    {"mistyrose", 0xffe4e1}, {"moccasin", 0xffe4b5}, {"navajowhite", 0xffdead},
    {"navy", 0x000080}, {"oldlace", 0xfdf5e6}, {"olive", 0x808000}, {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500}, {"orangered", 0xff4500}, {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa}, {"palegreen", 0x98fb98}, {"paleturquoise", 0xafeeee},
    {"palevioletred", 0xdb7093}, {"papayawhip", 0xffefd5}, {"peachpuff", 0xffdab9},
    {"peru", 0xcd853f}, {"pink", 0xffc0cb}, {"plum", 0xdda0dd}, {"powderblue", 0xb0e0e6},
    {"purple", 0x800080}, {"rebeccapurple", 0x663399}, {"red", 0xff0000},
    {"rosybrown", 0xbc8f8f}, {"royalblue", 0x4169e1}, {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072}, {"sandybrown", 0xf4a460}, {"seagreen", 0x2e8b57},
    {"seashell", 0xfff5ee}, {"sienna", 0xa0522d}, {"silver", 0xc0c0c0}, {"skyblue", 0x87ceeb},
    {"slateblue", 0x6a5acd}, {"slategray", 0x708090}, {"slategrey", 0x708090},
    {"snow", 0xfffafa}, {"springgreen", 0x00ff7f}, {"steelblue", 0x4682b4}, {"tan", 0xd2b48c},
    {"teal", 0x008080}, {"thistle", 0xd8bfd8}, {"tomato", 0xff6347}, {"turquoise", 0x40e0d0},
    {"violet", 0xee82ee}, {"wheat", 0xf5deb3}, {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00}, {"yellowgreen", 0x9acd32},
};

static int named_color_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const NamedColor *)elem)->name);
}

/* Colour keywords are matched without regard to case, as in CSS. */
static int color_by_name(const char *s, size_t n, FoColor *out)
{
    char low[24];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    low[n] = '\0';
    if (strcmp(low, "transparent") == 0) {
        *out = FO_COLOR_TRANSPARENT;
        return 1;
    }
    const NamedColor *nc = bsearch(low, named_colors, COCOM_ARRAY_LEN(named_colors),
                                   sizeof named_colors[0], named_color_cmp);
    if (!nc)
        return 0;
    *out = (nc->rgb << 8) | 0xFFu;
    return 1;
}

static int hex_value(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* #rgb or #rrggbb (s points after the '#', n hex digits). */
static int color_from_hex(const char *s, size_t n, FoColor *out)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int h = hex_value((unsigned char)s[i]);
        if (h < 0)
            return 0;
        v = (v << 4) | (uint32_t)h;
    }
    if (n == 3)
        v = ((v & 0xF00) << 12) | ((v & 0xF00) << 8) | ((v & 0x0F0) << 8) | ((v & 0x0F0) << 4)
            | ((v & 0x00F) << 4) | (v & 0x00F);
    else if (n != 6)
        return 0;
    *out = (v << 8) | 0xFFu;
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Values: what a token or an expression evaluates to                      */

typedef enum { V_NONE, V_NUM, V_LEN, V_COLOR, V_STR, V_WORD, V_PROP } ValueType;

typedef struct {
    uint8_t t;              /* ValueType */
    double n;               /* V_NUM: the number; V_LEN: points; V_PROP: the proportion */
    double pct;             /* V_LEN: fraction of the reference length */
    FoColor color;
    const char *s;          /* V_STR, V_WORD: not NUL-terminated */
    size_t len;
    char buf[8];            /* storage for a character read from a style */
} Value;

static int unit_factor(const char *u, size_t n, double em, double *f)
{
    static const struct { const char *unit; double points; } units[] = {
        {"pt", 1.0}, {"pc", 12.0}, {"in", 72.0}, {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4},
        {"px", 72.0 / 96.0},    /* CSS 2.1's reference pixel: 96 per inch */
    };
    if (eq(u, n, "em")) {
        *f = em;
        return 1;
    }
    for (size_t i = 0; i < COCOM_ARRAY_LEN(units); i++)
        if (eq(u, n, units[i].unit)) {
            *f = units[i].points;
            return 1;
        }
    return 0;
}

/* An unsigned decimal number (no exponent, locale-independent, unlike
 * strtod).  Digits beyond the 17th significant one only scale. */
static int lex_number(const char **pp, const char *end, double *out)
{
    const char *p = *pp;
    double v = 0;
    int digits = 0, frac = 0;
    while (p < end && is_digit((unsigned char)*p)) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (p < end && *p == '.' && p + 1 < end && is_digit((unsigned char)p[1])) {
        p++;
        while (p < end && is_digit((unsigned char)*p)) {
            if (frac < 17) {
                v = v * 10 + (*p - '0');
                frac++;
            }
            p++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (frac)
        v /= pow(10.0, frac);
    *pp = p;
    *out = v;
    return 1;
}

/* A number with an optional unit or %, starting at *pp. */
static int lex_numeric(const char **pp, const char *end, double em, Value *v)
{
    const char *p = *pp;
    double x;
    if (!lex_number(&p, end, &x))
        return 0;
    memset(v, 0, sizeof *v);
    if (p < end && *p == '%') {
        v->t = V_LEN;
        v->pct = x / 100.0;
        p++;
    } else if (p < end && is_alpha((unsigned char)*p)) {
        const char *u = p;
        while (p < end && is_alpha((unsigned char)*p))
            p++;
        double f;
        if (!unit_factor(u, (size_t)(p - u), em, &f))
            return 0;
        v->t = V_LEN;
        v->n = x * f;
    } else {
        v->t = V_NUM;
        v->n = x;
    }
    *pp = p;
    return 1;
}

/* The fast path: a whole value that is one keyword, one number (with unit
 * or %, possibly negative) or one #colour, without the evaluator. */
static int simple_value(const Ctx *c, const char *s, size_t n, Value *v)
{
    const char *p = s, *end = s + n;
    if (n == 0)
        return 0;
    if (name_start((unsigned char)*p)) {
        while (p < end && name_char((unsigned char)*p))
            p++;
        if (p != end)
            return 0;
        memset(v, 0, sizeof *v);
        v->t = V_WORD;
        v->s = s;
        v->len = n;
        return 1;
    }
    if (*p == '#') {
        memset(v, 0, sizeof *v);
        v->t = V_COLOR;
        return color_from_hex(s + 1, n - 1, &v->color);
    }
    int neg = 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (!lex_numeric(&p, end, c->em, v) || p != end)
        return 0;
    if (neg) {
        v->n = -v->n;
        v->pct = -v->pct;
    }
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Reading a computed value back (from-parent() and friends)               */

static const char *const length_keyword[] = {
    [FO_LEN_AUTO] = "auto", [FO_LEN_NORMAL] = "normal", [FO_LEN_NONE] = "none",
    [FO_LEN_USE_FONT_METRICS] = "use-font-metrics", [FO_LEN_SCALE_TO_FIT] = "scale-to-fit",
    [FO_LEN_SCALE_DOWN_TO_FIT] = "scale-down-to-fit", [FO_LEN_SCALE_UP_TO_FIT] = "scale-up-to-fit",
    [FO_LEN_BASELINE] = "baseline", [FO_LEN_SUB] = "sub", [FO_LEN_SUPER] = "super",
};

static void value_word(Value *v, const char *w)
{
    memset(v, 0, sizeof *v);
    v->t = V_WORD;
    v->s = w;
    v->len = strlen(w);
}

static void value_length(Value *v, FoLength l)
{
    memset(v, 0, sizeof *v);
    if (l.kind == FO_LEN_VALUE) {
        v->t = V_LEN;
        v->n = l.abs;
        v->pct = l.pct;
    } else if (l.kind == FO_LEN_NUMBER) {
        v->t = V_NUM;
        v->n = l.abs;
    } else if (l.kind == FO_LEN_PROPORTIONAL) {
        v->t = V_PROP;
        v->n = l.abs;
    } else if (l.kind < COCOM_ARRAY_LEN(length_keyword) && length_keyword[l.kind]) {
        value_word(v, length_keyword[l.kind]);
    }
}

static void value_points(Value *v, double pt)
{
    memset(v, 0, sizeof *v);
    v->t = V_LEN;
    v->n = pt;
}

static void value_number(Value *v, double x)
{
    memset(v, 0, sizeof *v);
    v->t = V_NUM;
    v->n = x;
}

static void value_string(Value *v, const char *s)
{
    memset(v, 0, sizeof *v);
    v->t = V_STR;
    v->s = s ? s : "";
    v->len = strlen(v->s);
}

/* Writes code point cp as UTF-8 into buf (4 bytes at most); returns the
 * number of bytes, 0 for what is no character. */
static int utf8_encode(uint32_t cp, char *buf)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The computed value of `row` in style st, as an expression value. */
static int read_value(const FoStyle *st, const PropRow *row, Value *v)
{
    if (row->offset == NO_FIELD)
        return 0;
    const void *f = (const char *)st + row->offset;
    switch (row->kind) {
    case K_LENGTH: case K_LINE_HEIGHT:
        value_length(v, *(const FoLength *)f);
        return v->t != V_NONE;
    case K_LENGTH_RANGE:
        value_length(v, ((const FoLengthRange *)f)->opt);
        return v->t != V_NONE;
    case K_POINTS: case K_BORDER_WIDTH: case K_FONT_SIZE: case K_BORDER_SEPARATION:
        value_points(v, *(const double *)f);
        return 1;
    case K_SPACE:
        value_points(v, ((const FoSpace *)f)->opt);
        return 1;
    case K_COLOR:
        memset(v, 0, sizeof *v);
        v->t = V_COLOR;
        v->color = *(const FoColor *)f;
        return 1;
    case K_ENUM: {
        const char *w;
        size_t n;
        if (!keyword_at(row->keywords, *(const uint8_t *)f, &w, &n))
            return 0;
        memset(v, 0, sizeof *v);
        v->t = V_WORD;
        v->s = w;
        v->len = n;
        return 1;
    }
    case K_CONDITIONALITY:
        value_word(v, *(const uint8_t *)f ? "discard" : "retain");
        return 1;
    case K_INTEGER:
        value_number(v, *(const int32_t *)f);
        return 1;
    case K_FONT_WEIGHT: case K_ORIENTATION:
        value_number(v, *(const int16_t *)f);
        return 1;
    case K_MAXIMUM_REPEATS:
        if (*(const int32_t *)f < 0)
            value_word(v, "no-limit");
        else
            value_number(v, *(const int32_t *)f);
        return 1;
    case K_KEEP_STRENGTH: case K_KEEP: case K_PRECEDENCE: {
        int32_t k = row->kind == K_KEEP ? ((const FoKeep *)f)->within_page : *(const int32_t *)f;
        if (k == INT32_MAX)
            value_word(v, row->kind == K_PRECEDENCE ? "force" : "always");
        else if (k == 0 && row->kind != K_PRECEDENCE)
            value_word(v, "auto");
        else
            value_number(v, k);
        return 1;
    }
    case K_STRING: case K_URL: case K_FONT_FAMILY:
        value_string(v, *(const char *const *)f);
        return 1;
    case K_LANGUAGE: case K_COUNTRY:
        value_string(v, (const char *)f);
        if (!v->len)
            value_word(v, "none");
        return 1;
    case K_CHARACTER: {
        memset(v, 0, sizeof *v);
        int n = utf8_encode(*(const uint32_t *)f, v->buf);
        if (n == 0)
            return 0;
        v->t = V_STR;
        v->s = v->buf;
        v->len = (size_t)n;
        return 1;
    }
    case K_INITIAL_PAGE_NUMBER: {
        static const char *const kw[] = {"auto", "auto-odd", "auto-even"};
        uint8_t kind = st->initial_page_number_kind;
        if (kind < 3)
            value_word(v, kw[kind]);
        else
            value_number(v, st->initial_page_number);
        return 1;
    }
    case K_TEXT_DECORATION: {
        uint8_t d = *(const uint8_t *)f;
        static const char *const kw[] = {"underline", "overline", "line-through", "blink",
                                         "no-underline", "no-overline", "no-line-through"};
        if (d == 0) {
            value_word(v, "none");
            return 1;
        }
        for (int i = 0; i < 7; i++)
            if (d == (1u << i)) {
                value_word(v, kw[i]);
                return 1;
            }
        return 0;   /* a set of several flags is no single value */
    }
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------- */
/* The expression evaluator (XSL 1.1 §5.9)                                 */

typedef struct {
    Ctx *c;
    const char *p, *end;
    int depth;
} Eval;

static int ev_expr(Eval *e, Value *v);

static void ev_ws(Eval *e)
{
    while (e->p < e->end && is_space((unsigned char)*e->p))
        e->p++;
}

/* Whether the input continues with the operator name `op` as a whole word. */
static int ev_word(Eval *e, const char *op)
{
    size_t n = strlen(op);
    if ((size_t)(e->end - e->p) < n || memcmp(e->p, op, n) != 0)
        return 0;
    if (e->p + n < e->end && name_char((unsigned char)e->p[n]))
        return 0;
    e->p += n;
    return 1;
}

static int is_length(const Value *v) { return v->t == V_LEN; }
static int is_number(const Value *v) { return v->t == V_NUM; }

/* Arithmetic on numerics (§5.9.7): lengths add to lengths, numbers scale
 * them; a percentage is carried alongside the absolute part, so that
 * "100% - 12pt" stays exact until layout knows the reference. */
static int arith(char op, Value *a, const Value *b)
{
    switch (op) {
    case '+': case '-': {
        double sign = op == '+' ? 1 : -1;
        if (is_number(a) && is_number(b)) {
            a->n += sign * b->n;
            return 1;
        }
        if (is_length(a) && is_length(b)) {
            a->n += sign * b->n;
            a->pct += sign * b->pct;
            return 1;
        }
        return 0;
    }
    case '*':
        if (is_number(a) && is_number(b)) {
            a->n *= b->n;
            return 1;
        }
        if (is_length(a) && is_number(b)) {
            a->n *= b->n;
            a->pct *= b->n;
            return 1;
        }
        if (is_number(a) && is_length(b)) {
            double k = a->n;
            *a = *b;
            a->n *= k;
            a->pct *= k;
            return 1;
        }
        return 0;
    case 'd':   /* div */
        if (is_number(b) && b->n == 0)
            return 0;
        if (is_number(a) && is_number(b)) {
            a->n /= b->n;
            return 1;
        }
        if (is_length(a) && is_number(b)) {
            a->n /= b->n;
            a->pct /= b->n;
            return 1;
        }
        if (is_length(a) && is_length(b) && a->pct == 0 && b->pct == 0 && b->n != 0) {
            double q = a->n / b->n;
            value_number(a, q);
            return 1;
        }
        return 0;
    case 'm':   /* mod */
        if (is_number(a) && is_number(b) && b->n != 0) {
            a->n = fmod(a->n, b->n);
            return 1;
        }
        if (is_length(a) && is_length(b) && a->pct == 0 && b->pct == 0 && b->n != 0) {
            a->n = fmod(a->n, b->n);
            return 1;
        }
        return 0;
    }
    return 0;
}

static int is_absolute_numeric(const Value *v)
{
    return v->t == V_NUM || (v->t == V_LEN && v->pct == 0);
}

/* rgb() components: a number 0-255 or a percentage. */
static int rgb_component(const Value *v, uint32_t *out)
{
    double x;
    if (v->t == V_NUM)
        x = v->n;
    else if (v->t == V_LEN && v->n == 0)
        x = v->pct * 255.0;
    else
        return 0;
    if (isnan(x))
        return 0;
    x = x < 0 ? 0 : x > 255 ? 255 : x;
    *out = (uint32_t)lround(x);
    return 1;
}

/* The row named by a property-name argument, or the row being computed
 * when there is no argument (§5.10.4). */
static const PropRow *ev_property_arg(Eval *e, const Value *args, int argc)
{
    if (argc == 0)
        return e->c->row;
    if (argc != 1 || args[0].t != V_WORD || args[0].len >= 64)
        return NULL;
    char name[64];
    memcpy(name, args[0].s, args[0].len);
    name[args[0].len] = '\0';
    const PropRow *row = find_row(name);
    if (!row || row->offset == NO_FIELD)
        return NULL;
    return row;
}

static int ev_function(Eval *e, const char *name, size_t nlen, const Value *args, int argc, Value *v)
{
    Ctx *c = e->c;
    if ((eq(name, nlen, "abs") || eq(name, nlen, "floor") || eq(name, nlen, "ceiling")
         || eq(name, nlen, "round")) && argc == 1 && is_absolute_numeric(&args[0])) {
        *v = args[0];
        double x = v->n;
        v->n = name[0] == 'a' ? fabs(x) : name[0] == 'f' ? floor(x) : name[0] == 'c' ? ceil(x)
             : floor(x + 0.5);     /* XSL's round(): halves go up */
        return 1;
    }
    if ((eq(name, nlen, "min") || eq(name, nlen, "max")) && argc == 2) {
        const Value *a = &args[0], *b = &args[1];
        if (a->t != b->t || (a->t != V_NUM && a->t != V_LEN) || a->pct != b->pct)
            return 0;
        int pick_a = name[1] == 'i' ? a->n <= b->n : a->n >= b->n;
        *v = pick_a ? *a : *b;
        return 1;
    }
    if ((eq(name, nlen, "rgb") && argc == 3) || (eq(name, nlen, "rgb-icc") && argc >= 3)) {
        /* rgb-icc(): cocom has no colour management; the sRGB fallback it carries is used */
        uint32_t r, g, b;
        if (!rgb_component(&args[0], &r) || !rgb_component(&args[1], &g) || !rgb_component(&args[2], &b))
            return 0;
        memset(v, 0, sizeof *v);
        v->t = V_COLOR;
        v->color = (r << 24) | (g << 16) | (b << 8) | 0xFFu;
        return 1;
    }
    if (eq(name, nlen, "system-color")) {
        warn(c, "function", "system-color",
             "system-color() is not supported by cocom (in %s on fo:%s); %s",
             c->row->name, element_name(c), fallback_phrase(c->row));
        c->reported = 1;
        return 0;
    }
    /* from-parent(), inherited-property-value(): the parent's computed value
     * (§5.10.4).  from-nearest-specified-value() is approximated the same
     * way: cocom does not keep which ancestor specified what, and for the
     * inherited properties it is used with, the parent's computed value is
     * the nearest specified one unless a corresponding-property rule
     * intervened. */
    if (eq(name, nlen, "from-parent") || eq(name, nlen, "inherited-property-value")
        || eq(name, nlen, "from-nearest-specified-value")) {
        const PropRow *row = ev_property_arg(e, args, argc);
        return row && read_value(c->parent, row, v);
    }
    if (eq(name, nlen, "from-table-column")) {
        const PropRow *row = ev_property_arg(e, args, argc);
        warn(c, "function", "from-table-column",
             "from-table-column() is not supported by cocom (in %s on fo:%s); using the initial value",
             c->row->name, element_name(c));
        return row && read_value(fo_style_initial(), row, v);
    }
    if (eq(name, nlen, "proportional-column-width") && argc == 1 && args[0].t == V_NUM && args[0].n > 0) {
        memset(v, 0, sizeof *v);
        v->t = V_PROP;
        v->n = args[0].n;
        return 1;
    }
    /* What the nearest list-block computed (see finish_list_block). */
    if (eq(name, nlen, "body-start") && argc == 0) {
        value_length(v, c->cur->body_start);
        return 1;
    }
    if (eq(name, nlen, "label-end") && argc == 0) {
        value_length(v, c->cur->label_end);
        return 1;
    }
    if (eq(name, nlen, "merge-property-values")) {
        warn(c, "function", "merge-property-values",
             "merge-property-values() is not supported by cocom (in %s on fo:%s); %s",
             c->row->name, element_name(c), fallback_phrase(c->row));
        c->reported = 1;
        return 0;
    }
    return 0;
}

/* FunctionCall ::= FunctionName '(' ( Argument ( ',' Argument)*)? ')' */
static int ev_call(Eval *e, const char *name, size_t nlen, Value *v)
{
    Value args[8];
    int argc = 0;
    e->p++;     /* '(' */
    ev_ws(e);
    if (e->p < e->end && *e->p == ')') {
        e->p++;
    } else {
        for (;;) {
            if (argc == (int)COCOM_ARRAY_LEN(args) || !ev_expr(e, &args[argc]))
                return 0;
            argc++;
            ev_ws(e);
            if (e->p < e->end && *e->p == ',') {
                e->p++;
                continue;
            }
            if (e->p < e->end && *e->p == ')') {
                e->p++;
                break;
            }
            return 0;
        }
    }
    return ev_function(e, name, nlen, args, argc, v);
}

/* PrimaryExpr ::= '(' Expr ')' | Numeric | Literal | Color | Keyword | FunctionCall */
static int ev_primary(Eval *e, Value *v)
{
    ev_ws(e);
    if (e->p >= e->end)
        return 0;
    char ch = *e->p;
    if (ch == '(') {
        e->p++;
        if (!ev_expr(e, v))
            return 0;
        ev_ws(e);
        if (e->p >= e->end || *e->p != ')')
            return 0;
        e->p++;
        return 1;
    }
    if (is_digit((unsigned char)ch) || ch == '.')
        return lex_numeric(&e->p, e->end, e->c->em, v);
    if (ch == '#') {
        /* #rgb, #rrggbb; or a name such as rgb-icc()'s "#CMYK" profile */
        const char *h = e->p++;
        while (e->p < e->end && name_char((unsigned char)*e->p))
            e->p++;
        memset(v, 0, sizeof *v);
        v->t = V_COLOR;
        if (color_from_hex(h + 1, (size_t)(e->p - h - 1), &v->color))
            return 1;
        v->t = V_WORD;
        v->s = h;
        v->len = (size_t)(e->p - h);
        return v->len > 1;
    }
    if (ch == '\'' || ch == '"') {
        const char *s = ++e->p;
        while (e->p < e->end && *e->p != ch)
            e->p++;
        if (e->p >= e->end)
            return 0;
        memset(v, 0, sizeof *v);
        v->t = V_STR;
        v->s = s;
        v->len = (size_t)(e->p - s);
        e->p++;
        return 1;
    }
    if (name_start((unsigned char)ch)) {
        const char *s = e->p;
        while (e->p < e->end && name_char((unsigned char)*e->p))
            e->p++;
        size_t n = (size_t)(e->p - s);
        ev_ws(e);
        if (e->p < e->end && *e->p == '(') {
            if (++e->depth > MAX_DEPTH)
                return 0;
            int ok = ev_call(e, s, n, v);
            e->depth--;
            return ok;
        }
        memset(v, 0, sizeof *v);
        v->t = V_WORD;
        v->s = s;
        v->len = n;
        return 1;
    }
    return 0;
}

/* UnaryExpr ::= PrimaryExpr | '-' UnaryExpr */
static int ev_unary(Eval *e, Value *v)
{
    ev_ws(e);
    if (e->p < e->end && *e->p == '-') {
        e->p++;
        if (++e->depth > MAX_DEPTH || !ev_unary(e, v))
            return 0;
        e->depth--;
        if (v->t == V_NUM || v->t == V_LEN) {
            v->n = -v->n;
            v->pct = -v->pct;
            return 1;
        }
        return 0;
    }
    return ev_primary(e, v);
}

/* MultiplicativeExpr ::= UnaryExpr (('*' | 'div' | 'mod') UnaryExpr)* */
static int ev_multiplicative(Eval *e, Value *v)
{
    if (!ev_unary(e, v))
        return 0;
    for (;;) {
        ev_ws(e);
        char op;
        if (e->p < e->end && *e->p == '*') {
            e->p++;
            op = '*';
        } else if (ev_word(e, "div")) {
            op = 'd';
        } else if (ev_word(e, "mod")) {
            op = 'm';
        } else {
            return 1;
        }
        Value rhs;
        if (!ev_unary(e, &rhs) || !arith(op, v, &rhs))
            return 0;
    }
}

/* AdditiveExpr ::= MultiplicativeExpr (('+' | '-') MultiplicativeExpr)* */
static int ev_additive(Eval *e, Value *v)
{
    if (!ev_multiplicative(e, v))
        return 0;
    for (;;) {
        ev_ws(e);
        if (e->p >= e->end || (*e->p != '+' && *e->p != '-'))
            return 1;
        char op = *e->p++;
        Value rhs;
        if (!ev_multiplicative(e, &rhs) || !arith(op, v, &rhs))
            return 0;
    }
}

static int ev_expr(Eval *e, Value *v)
{
    if (++e->depth > MAX_DEPTH)
        return 0;
    int ok = ev_additive(e, v);
    e->depth--;
    return ok;
}

/* The value of s[0..n): the fast path, else the evaluator, which sees at
 * most MAX_EXPRESSION bytes. */
static int value_of(Ctx *c, const char *s, size_t n, Value *v)
{
    trim(&s, &n);
    if (simple_value(c, s, n, v))
        return 1;
    if (n == 0 || n > MAX_EXPRESSION)
        return 0;
    Eval e = {c, s, s + n, 0};
    if (!ev_expr(&e, v))
        return 0;
    ev_ws(&e);
    return e.p == e.end;
}

/* ---------------------------------------------------------------------- */
/* Converting values to the typed fields                                   */

/* Lengths beyond +-1e6pt are clamped (and warned about); NaN is refused. */
static int clamp(Ctx *c, double *x, double limit)
{
    if (isnan(*x))
        return 0;
    if (*x > limit) {
        *x = limit;
        c->clamped = 1;
    } else if (*x < -limit) {
        *x = -limit;
        c->clamped = 1;
    }
    return 1;
}

static int word_is(const Value *v, const char *w)
{
    return v->t == V_WORD && eq(v->s, v->len, w);
}

/* The FoLength keywords a row accepts, by flag. */
static int length_keyword_kind(const Value *v, unsigned flags, uint8_t *kind)
{
    static const struct { const char *word; unsigned flag; uint8_t kind; } kw[] = {
        {"auto", F_AUTO, FO_LEN_AUTO}, {"normal", F_NORMAL, FO_LEN_NORMAL},
        {"none", F_NONE, FO_LEN_NONE}, {"use-font-metrics", F_FONT_METRICS, FO_LEN_USE_FONT_METRICS},
        {"scale-to-fit", F_SCALE, FO_LEN_SCALE_TO_FIT},
        {"scale-down-to-fit", F_SCALE, FO_LEN_SCALE_DOWN_TO_FIT},
        {"scale-up-to-fit", F_SCALE, FO_LEN_SCALE_UP_TO_FIT},
        {"baseline", F_BASELINE, FO_LEN_BASELINE}, {"sub", F_BASELINE, FO_LEN_SUB},
        {"super", F_BASELINE, FO_LEN_SUPER}, {"indefinite", F_INDEFINITE, FO_LEN_AUTO},
    };
    for (size_t i = 0; i < COCOM_ARRAY_LEN(kw); i++)
        if ((flags & kw[i].flag) && word_is(v, kw[i].word)) {
            *kind = kw[i].kind;
            return 1;
        }
    return 0;
}

static int to_length(Ctx *c, const Value *v, unsigned flags, FoLength *out)
{
    FoLength l = {0, 0, FO_LEN_VALUE};
    switch (v->t) {
    case V_WORD:
        if (!length_keyword_kind(v, flags, &l.kind))
            return 0;
        break;
    case V_NUM:
        if (v->n != 0)      /* only 0 may go without a unit */
            return 0;
        break;
    case V_LEN:
        if (v->pct != 0 && !(flags & F_PCT))
            return 0;
        /* "100% - 12pt" may well be positive: refuse only what is
         * negative whatever the reference length */
        if (!(flags & F_NEG) && v->n <= 0 && v->pct <= 0 && (v->n < 0 || v->pct < 0))
            return 0;
        l.abs = v->n;
        l.pct = v->pct;
        if (!clamp(c, &l.abs, MAX_POINTS) || !clamp(c, &l.pct, MAX_FRACTION))
            return 0;
        break;
    case V_PROP:
        if (!(flags & F_PROPORTIONAL) || isnan(v->n))
            return 0;
        l.kind = FO_LEN_PROPORTIONAL;
        l.abs = v->n;
        clamp(c, &l.abs, MAX_POINTS);
        break;
    default:
        return 0;
    }
    *out = l;
    return 1;
}

/* A length in points with no percentage: rule-thickness, space components ... */
static int to_points(Ctx *c, const Value *v, unsigned flags, double *out)
{
    FoLength l;
    if (!to_length(c, v, flags & (F_NEG), &l) || l.kind != FO_LEN_VALUE)
        return 0;
    *out = l.abs;
    return 1;
}

static int to_integer(const Value *v, unsigned flags, int32_t *out)
{
    if (v->t != V_NUM || v->n != floor(v->n) || fabs(v->n) > (double)(INT32_MAX - 1))
        return 0;
    int32_t i = (int32_t)v->n;
    if ((flags & F_POSITIVE) ? i < 1 : (!(flags & F_NEG) && i < 0))
        return 0;
    *out = i;
    return 1;
}

static int to_color(const Value *v, FoColor *out)
{
    if (v->t == V_COLOR) {
        *out = v->color;
        return 1;
    }
    if (v->t == V_WORD)
        return color_by_name(v->s, v->len, out);
    return 0;
}

static int to_keyword(const Value *v, const char *keywords, uint8_t *out)
{
    if (v->t != V_WORD)
        return 0;
    int i = keyword_index(keywords, v->s, v->len);
    if (i < 0)
        return 0;
    *out = (uint8_t)i;
    return 1;
}

/* thin | medium | thick | <length>: the widths are cocom's (XSL leaves them
 * to the implementation). */
static int to_border_width(Ctx *c, const Value *v, double *out)
{
    if (word_is(v, "thin")) *out = 0.5;
    else if (word_is(v, "medium")) *out = 1.0;
    else if (word_is(v, "thick")) *out = 2.0;
    else return to_points(c, v, 0, out);
    return 1;
}

/* font-size (§7.9.4): absolute keywords step by 1.2 from medium = 12pt;
 * larger/smaller, em and % are relative to the parent's font-size. */
static int to_font_size(Ctx *c, const Value *v, double *out)
{
    static const char *const sizes[] = {"xx-small", "x-small", "small", "medium", "large",
                                        "x-large", "xx-large"};
    double parent = c->parent->font_size;
    if (v->t == V_WORD) {
        for (int i = 0; i < 7; i++)
            if (word_is(v, sizes[i])) {
                *out = 12.0 * pow(1.2, i - 3);
                return 1;
            }
        if (word_is(v, "larger")) *out = parent * 1.2;
        else if (word_is(v, "smaller")) *out = parent / 1.2;
        else return 0;
        return 1;
    }
    if (v->t != V_LEN)
        return v->t == V_NUM && v->n == 0 ? (*out = 0, 1) : 0;
    double x = v->n + v->pct * parent;
    if (x < 0 || !clamp(c, &x, MAX_POINTS))
        return 0;
    *out = x;
    return 1;
}

/* font-weight: bolder and lighter follow the CSS 2.1 table. */
static int to_font_weight(const Value *v, int parent, int16_t *out)
{
    /* indexed by the parent's weight / 100 */
    static const int16_t bolder[10] = {0, 400, 400, 400, 700, 700, 900, 900, 900, 900};
    static const int16_t lighter[10] = {0, 100, 100, 100, 100, 100, 400, 400, 700, 700};
    int p = parent / 100;
    p = p < 1 ? 1 : p > 9 ? 9 : p;
    if (word_is(v, "normal")) *out = 400;
    else if (word_is(v, "bold")) *out = 700;
    else if (word_is(v, "bolder")) *out = bolder[p];
    else if (word_is(v, "lighter")) *out = lighter[p];
    else if (v->t == V_NUM && v->n >= 1 && v->n <= 1000) {
        int w = (int)lround(v->n / 100.0) * 100;
        *out = (int16_t)(w < 100 ? 100 : w > 900 ? 900 : w);
    } else return 0;
    return 1;
}

/* line-height (§7.16.4): normal | <number> | <length> | <percentage>.  A
 * number is kept (children scale it by their own font-size); a length or
 * percentage is resolved now against this element's font-size. */
static int to_line_height(Ctx *c, const Value *v, FoLength *out)
{
    FoLength l = {0, 0, FO_LEN_VALUE};
    if (word_is(v, "normal")) {
        l.kind = FO_LEN_NORMAL;
    } else if (v->t == V_NUM && v->n >= 0) {
        l.kind = FO_LEN_NUMBER;
        l.abs = v->n;
        if (!clamp(c, &l.abs, MAX_FRACTION))
            return 0;
    } else if (v->t == V_LEN) {
        l.abs = v->n + v->pct * c->cur->font_size;
        if (l.abs < 0 || !clamp(c, &l.abs, MAX_POINTS))
            return 0;
    } else {
        return 0;
    }
    *out = l;
    return 1;
}

/* auto | always | <integer>: the strength of a keep (§7.20). */
static int to_keep_strength(const Value *v, int32_t *out)
{
    if (word_is(v, "auto")) *out = 0;
    else if (word_is(v, "always")) *out = FO_KEEP_ALWAYS;
    else return to_integer(v, F_POSITIVE, out);
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Kinds whose value is text rather than an expression                     */

/* url(...), url('...') or a bare URI (§5.11 <uri-specification>). */
static int parse_url(Ctx *c, const char *s, size_t n, const char **out)
{
    trim(&s, &n);
    if (n >= 5 && memcmp(s, "url(", 4) == 0 && s[n - 1] == ')') {
        s += 4;
        n -= 5;
        trim(&s, &n);
    }
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0]) {
        s++;
        n -= 2;
    }
    if (n == 0)
        return 0;
    *out = keep_string(c, s, n);
    return 1;
}

/* Exactly one Unicode character (whitespace is significant here). */
static int parse_character(const char *s, size_t n, uint32_t *out)
{
    if (n == 0 || n > 4)
        return 0;
    int len = (int)n;
    int cp = xmlGetUTF8Char((const unsigned char *)s, &len);
    if (cp <= 0 || (size_t)len != n)
        return 0;
    *out = (uint32_t)cp;
    return 1;
}

/* font-family: a comma list of names, quoted or not, kept in order as a
 * Pango family list ("Liberation Sans,sans-serif").  Quotes go, runs of
 * whitespace inside a name become one space, the generic families
 * (serif, sans-serif, monospace, cursive, fantasy) pass through as Pango
 * understands them. */
static int parse_font_family(Ctx *c, const char *s, size_t n, const char **out)
{
    char buf[MAX_FAMILY + 1];
    size_t len = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = p;
        char quote = 0;
        while (q < end && (quote || *q != ',')) {
            if (!quote && (*q == '\'' || *q == '"')) quote = *q;
            else if (quote && *q == quote) quote = 0;
            q++;
        }
        const char *item = p;
        size_t m = (size_t)(q - p);
        trim(&item, &m);
        if (m >= 2 && (item[0] == '\'' || item[0] == '"') && item[m - 1] == item[0]) {
            item++;
            m -= 2;
            trim(&item, &m);
        }
        if (m == 0)
            return 0;
        if (len && len < MAX_FAMILY)
            buf[len++] = ',';
        int in_space = 0;
        for (size_t i = 0; i < m; i++) {
            char ch = item[i];
            if (ch == '\'' || ch == '"' || ch == ',')
                return 0;
            if (is_space((unsigned char)ch)) {
                in_space = 1;
                continue;
            }
            if (in_space && len < MAX_FAMILY)
                buf[len++] = ' ';
            in_space = 0;
            if (len >= MAX_FAMILY)
                return 0;
            buf[len++] = ch;
        }
        p = q < end ? q + 1 : q;
        if (q < end && p == end)
            return 0;       /* a trailing comma */
    }
    if (len == 0 || len >= MAX_FAMILY)
        return 0;
    *out = intern_family(c, buf, len);
    return *out != NULL;
}

/* none | [ underline || overline || line-through || blink || no-* ]
 * (§7.17.4); a later keyword cancels its opposite. */
static int parse_text_decoration(const char *s, size_t n, uint8_t *out)
{
    static const struct { const char *word; uint8_t set, clear; } kw[] = {
        {"underline", FO_DECORATION_UNDERLINE, FO_DECORATION_NO_UNDERLINE},
        {"overline", FO_DECORATION_OVERLINE, FO_DECORATION_NO_OVERLINE},
        {"line-through", FO_DECORATION_LINE_THROUGH, FO_DECORATION_NO_LINE_THROUGH},
        {"blink", FO_DECORATION_BLINK, 0},
        {"no-underline", FO_DECORATION_NO_UNDERLINE, FO_DECORATION_UNDERLINE},
        {"no-overline", FO_DECORATION_NO_OVERLINE, FO_DECORATION_OVERLINE},
        {"no-line-through", FO_DECORATION_NO_LINE_THROUGH, FO_DECORATION_LINE_THROUGH},
    };
    trim(&s, &n);
    if (eq(s, n, "none")) {
        *out = 0;
        return 1;
    }
    uint8_t d = 0;
    const char *p = s, *end = s + n, *tok;
    size_t len;
    int count = 0;
    while (next_token(&p, end, &tok, &len)) {
        size_t i;
        for (i = 0; i < COCOM_ARRAY_LEN(kw); i++)
            if (eq(tok, len, kw[i].word))
                break;
        if (i == COCOM_ARRAY_LEN(kw))
            return 0;
        d = (uint8_t)((d & ~kw[i].clear) | kw[i].set);
        count++;
    }
    if (!count)
        return 0;
    *out = d;
    return 1;
}

/* Language and country codes (ISO 639, ISO 3166), stored in char[4]. */
static int code_ok(const char *s, size_t n, int digits_ok)
{
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_alpha((unsigned char)s[i]) && !(digits_ok && is_digit((unsigned char)s[i])))
            return 0;
    return 1;
}

static void store_code(char dst[4], const char *s, size_t n, int upper)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (upper && ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
        if (!upper && ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
        dst[i] = ch;
    }
    dst[n] = '\0';
}

/* xml:lang (§7.31.24): "en-GB" sets language "en" and country "GB"; a
 * script subtag ("zh-Hant-TW") is skipped; "" means no language. */
static int parse_xml_lang(const char *s, size_t n, char lang[4], char country[4])
{
    trim(&s, &n);
    lang[0] = country[0] = '\0';
    if (n == 0)
        return 1;
    const char *p = s, *end = s + n;
    int index = 0;
    while (p <= end) {
        const char *q = p;
        while (q < end && *q != '-' && *q != '_')
            q++;
        size_t m = (size_t)(q - p);
        if (index == 0) {
            if (!code_ok(p, m, 0))
                return 0;
            store_code(lang, p, m, 0);
        } else if (!country[0] && ((m == 2 && code_ok(p, m, 0)) || (m == 3 && is_digit((unsigned char)p[0])
                                                                      && code_ok(p, m, 1)))) {
            store_code(country, p, m, 1);
        }
        index++;
        p = q + 1;
    }
    return 1;
}

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
    return value_of(c, s, n, &v) && to_length(c, &v, F_PCT | F_NEG | F_AUTO, &out->len);
}

static int conv_padding(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return value_of(c, s, n, &v) && to_length(c, &v, F_PCT, &out->len);
}

static int conv_border_width(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return value_of(c, s, n, &v) && to_border_width(c, &v, &out->pt);
}

static int conv_border_style(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return simple_value(c, s, n, &v) && to_keyword(&v, BORDER_STYLE_KW, &out->u8);
}

static int conv_color(Ctx *c, const char *s, size_t n, Res *out)
{
    Value v;
    return value_of(c, s, n, &v) && to_color(&v, &out->color);
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
            warn(c, "value", "font", "the system font '%s' is not supported by cocom (font on fo:%s); ignored",
                 system_fonts[i], element_name(c));
            c->reported = 1;
            return 0;
        }
    while (!have_size && next_token(&p, end, &tok, &len)) {
        Value v;
        const char *slash = memchr(tok, '/', len);
        size_t size_len = slash ? (size_t)(slash - tok) : len;
        if (!slash && simple_value(c, tok, len, &v)) {
            uint8_t k;
            if (word_is(&v, "normal"))
                continue;
            if (to_keyword(&v, "normal italic oblique backslant", &k)) { style = k; continue; }
            if (to_keyword(&v, "normal small-caps", &k)) { variant = k; continue; }
            if (to_font_weight(&v, c->parent->font_weight, &weight)) continue;
        }
        c->em = c->parent->font_size;      /* em in font-size is the parent's */
        if (!value_of(c, tok, size_len, &v) || !to_font_size(c, &v, &size))
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
        if (!value_of(c, lh_text, lh_len, &v) || !to_line_height(c, &v, &lh))
            return 0;
    }
    const char *family;
    if (!parse_font_family(c, p, (size_t)(end - p), &family))
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
    if (word_is(v, "normal") || word_is(v, "nowrap")) {
        o->linefeed_treatment = FO_LF_TREAT_AS_SPACE;
        o->white_space_collapse = 1;
        o->white_space_treatment = FO_WS_IGNORE_SURROUNDING_LF;
        o->wrap_option = word_is(v, "nowrap") ? FO_NO_WRAP : FO_WRAP;
    } else if (word_is(v, "pre")) {
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
        if (word_is(v, "auto")) o->keep_together.within_page = 0;
        else if (word_is(v, "avoid")) o->keep_together.within_page = FO_KEEP_ALWAYS;
        else return 0;
        return 1;
    }
    uint8_t *brk = which == 0 ? &o->break_before : &o->break_after;
    FoKeep *keep = which == 0 ? &o->keep_with_previous : &o->keep_with_next;
    if (word_is(v, "auto")) { *brk = FO_BREAK_AUTO; keep->within_page = 0; }
    else if (word_is(v, "always")) { *brk = FO_BREAK_PAGE; keep->within_page = 0; }
    else if (word_is(v, "avoid")) { *brk = FO_BREAK_AUTO; keep->within_page = FO_KEEP_ALWAYS; }
    else if (word_is(v, "left")) { *brk = FO_BREAK_EVEN_PAGE; keep->within_page = 0; }
    else if (word_is(v, "right")) { *brk = FO_BREAK_ODD_PAGE; keep->within_page = 0; }
    else return 0;
    return 1;
}

/* vertical-align (§7.31.22): cocom keeps the baseline-shift it implies;
 * the alignment-baseline forms (middle, top ...) are not supported. */
static int apply_vertical_align(Ctx *c, const Value *v)
{
    static const char *const unsupported[] = {"middle", "top", "bottom", "text-top", "text-bottom"};
    for (size_t i = 0; i < COCOM_ARRAY_LEN(unsupported); i++)
        if (word_is(v, unsupported[i])) {
            warn(c, "unsupported-value", "vertical-align",
                 "vertical-align='%s' is not supported by cocom (on fo:%s); using baseline",
                 unsupported[i], element_name(c));
            c->out->baseline_shift = (FoLength){0, 0, FO_LEN_BASELINE};
            return 1;
        }
    return to_length(c, v, F_PCT | F_NEG | F_BASELINE, &c->out->baseline_shift);
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
        if (k == 2 || !value_of(c, tok, len, &v) || !to_length(c, &v, 0, &l[k]))
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
            warn(c, "unsupported", "background",
                 "only the colour of background is supported by cocom; '%.*s%s' on fo:%s ignored",
                 SHOWN(len), tok, MORE(len), element_name(c));
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
        if (k == 2 || !value_of(c, tok, len, &v) || !to_points(c, &v, 0, &d[k]))
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
    if (!to_integer(v, F_NEG, &deg) || deg % 90 != 0 || deg < -270 || deg > 270)
        return 0;
    if (deg != 0)
        warn(c, "unsupported-value", "reference-orientation",
             "reference-orientation='%d' is not supported by cocom (on fo:%s); using 0",
             (int)deg, element_name(c));
    *field = 0;
    return 1;
}

static int apply_writing_mode(Ctx *c, const Value *v)
{
    static const char *const others[] = {"rl-tb", "tb-rl", "tb-lr", "bt-lr", "bt-rl", "lr-bt",
                                         "rl-bt", "rl", "tb", "lr-alternating-rl-bt",
                                         "lr-alternating-rl-tb", "lr-inverting-rl-bt",
                                         "lr-inverting-rl-tb", "tb-lr-in-lr-pairs"};
    if (word_is(v, "lr-tb") || word_is(v, "lr"))
        return 1;
    for (size_t i = 0; i < COCOM_ARRAY_LEN(others); i++)
        if (word_is(v, others[i])) {
            warn(c, "unsupported-value", "writing-mode",
                 "writing-mode='%s' is not supported by cocom (on fo:%s); using lr-tb",
                 others[i], element_name(c));
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
        return to_length(c, v, row->flags, f);
    case K_POINTS:
        return to_points(c, v, row->flags, f);
    case K_BORDER_WIDTH:
        return to_border_width(c, v, f);
    case K_CONDITIONALITY:
        if (word_is(v, "discard")) *(uint8_t *)f = 1;
        else if (word_is(v, "retain")) *(uint8_t *)f = 0;
        else return 0;
        return 1;
    case K_ENUM:
        return to_keyword(v, row->keywords, f);
    case K_INTEGER: {
        int32_t i;
        if (!to_integer(v, row->flags, &i))
            return 0;
        *(int32_t *)f = i;
        return 1;
    }
    case K_COLOR:
        return to_color(v, f);
    case K_FONT_SIZE:
        return to_font_size(c, v, f);
    case K_FONT_WEIGHT:
        return to_font_weight(v, c->parent->font_weight, f);
    case K_LINE_HEIGHT:
        return to_line_height(c, v, f);
    case K_KEEP: {
        int32_t k;
        if (!to_keep_strength(v, &k))
            return 0;
        *(FoKeep *)f = (FoKeep){k, k, k};
        return 1;
    }
    case K_KEEP_STRENGTH:
        return to_keep_strength(v, f);
    case K_SPACE: {
        /* a plain length sets the three lengths; precedence and
         * conditionality go back to their initial 0 and discard (§4.3) */
        double x;
        if (!to_points(c, v, row->flags, &x))
            return 0;
        *(FoSpace *)f = (FoSpace){x, x, x, 0, 1};
        return 1;
    }
    case K_PRECEDENCE: {
        int32_t i;
        if (word_is(v, "force")) i = FO_PRECEDENCE_FORCE;
        else if (!to_integer(v, F_NEG, &i)) return 0;
        *(int32_t *)f = i;
        return 1;
    }
    case K_LENGTH_RANGE: {
        FoLength l;
        if (!to_length(c, v, row->flags, &l))
            return 0;
        *(FoLengthRange *)f = (FoLengthRange){l, l, l};
        return 1;
    }
    case K_INITIAL_PAGE_NUMBER: {
        int32_t i = 0;
        uint8_t kind;
        if (to_keyword(v, "auto auto-odd auto-even", &kind)) {
            o->initial_page_number_kind = kind;
            o->initial_page_number = 0;
            return 1;
        }
        if (!to_integer(v, 0, &i))
            return 0;
        o->initial_page_number_kind = FO_INITIAL_PAGE_NUMBER;
        o->initial_page_number = i;
        return 1;
    }
    case K_MAXIMUM_REPEATS: {
        int32_t i;
        if (word_is(v, "no-limit")) i = -1;
        else if (!to_integer(v, 0, &i)) return 0;
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
static int apply_text(Ctx *c, const PropRow *row, const char *s, size_t n, int phase)
{
    void *f = row->offset == NO_FIELD || !c->out ? NULL : (char *)c->out + row->offset;
    switch (row->kind) {
    case K_IGNORED:
        return 1;
    case K_STRING:
        *(const char **)f = keep_string(c, s, n);
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
        return parse_url(c, s, n, f);
    case K_CHARACTER:
        return parse_character(s, n, f);
    case K_FONT_FAMILY:
        return parse_font_family(c, s, n, f);
    case K_TEXT_DECORATION:
        return parse_text_decoration(s, n, f);
    case K_LANGUAGE: case K_COUNTRY: {
        trim(&s, &n);
        if (eq(s, n, "none")) {
            ((char *)f)[0] = '\0';
            return 1;
        }
        if (!code_ok(s, n, row->kind == K_COUNTRY))
            return 0;
        store_code(f, s, n, row->kind == K_COUNTRY);
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
        if (!parse_xml_lang(s, n, lang, country))
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
        return value_of(c, s, n, &v) && apply_value(c, row, f, &v);
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
    if (!apply_text(c, row, s, n, phase)) {
        if (!c->reported)
            warn_invalid(c, row, s, n);
        return;
    }
    if (row->track)
        c->spec |= BIT(row->track);
    if (row->flags & F_WARN)
        warn(c, "unsupported", row->name, "property '%s' is not supported by cocom; ignored", row->name);
    if (c->clamped)
        warn(c, "range", row->name, "'%.*s%s' is out of range for %s on fo:%s; clamped to +-%.0fpt",
             SHOWN(n), s, MORE(n), row->name, element_name(c), MAX_POINTS);
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

static void finish_style(Ctx *c)
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
/* Initialisation                                                          */

static void build_tables(void)
{
    for (size_t i = 0; i < TABLE_SIZE; i++)
        if (!cocom_map_set(&names, table[i].name, (intptr_t)i)) {
            fprintf(stderr, "cocom: fo-props: property '%s' is in the table twice\n", table[i].name);
            abort();
        }
    for (size_t i = 1; i < COCOM_ARRAY_LEN(named_colors); i++)
        if (strcmp(named_colors[i - 1].name, named_colors[i].name) >= 0) {
            fprintf(stderr, "cocom: fo-props: colour names out of order at '%s'\n", named_colors[i].name);
            abort();
        }
    row_xml_lang = find_row("xml:lang");
    row_alt_text = find_row("fox:alt-text");

    /* The initial style: every initial value parsed once, in table order,
     * as if on an element with no parent (medium is 12pt). */
    memset(&initial, 0, sizeof initial);
    initial.font_size = 12.0;
    Ctx c = {.parent = &initial, .out = &initial, .cur = &initial, .em = 12.0, .borrowed = 1};
    for (size_t i = 0; i < TABLE_SIZE; i++) {
        const PropRow *row = &table[i];
        if (!row->initial)
            continue;
        c.row = row;
        c.em = initial.font_size;
        if (!apply_text(&c, row, row->initial, strlen(row->initial), P_SPEC)) {
            fprintf(stderr, "cocom: fo-props: the initial value '%s' of %s does not parse\n",
                    row->initial, row->name);
            abort();
        }
    }
    initial_specified = initial;
    finish_style(&c);
}

void fo_props_init(void)
{
    pthread_once(&init_once, build_tables);
}

const FoStyle *fo_style_initial(void)
{
    fo_props_init();
    return &initial;
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

/* The row for an attribute, or NULL (after warning when it deserves one). */
static const PropRow *attr_row(Ctx *c, xmlAttrPtr a)
{
    const char *name = (const char *)a->name;
    const PropRow *row;
    if (!name)
        return NULL;
    if (a->ns && a->ns->href) {
        /* Other vocabularies' attributes are none of our business, except
         * xml:lang and FOP's fox:alt-text, which documents use widely. */
        const char *ns = (const char *)a->ns->href;
        if (strcmp(ns, (const char *)XML_XML_NAMESPACE) == 0 && strcmp(name, "lang") == 0)
            return row_xml_lang;
        if (strcmp(ns, FOX_NAMESPACE) == 0 && strcmp(name, "alt-text") == 0)
            return row_alt_text;
        return NULL;
    }
    row = find_row(name);
    if (!row || row == row_xml_lang || row == row_alt_text) {
        size_t n = strlen(name);
        warn(c, "unknown", name, "unknown property '%.*s%s' on fo:%s; ignored",
             SHOWN(n), name, MORE(n), element_name(c));
        return NULL;
    }
    if (row->kind == K_UNSUPPORTED) {
        warn(c, "unsupported", name, "property '%s' is not supported by cocom; ignored", name);
        return NULL;
    }
    return row;
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
     * (as specified: finish_style() computes it for this element). */
    memcpy(out, parent, FO_STYLE_INHERITED_END);
    memcpy((char *)out + FO_STYLE_INHERITED_END,
           (const char *)(node ? &initial_specified : init) + FO_STYLE_INHERITED_END,
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
        const PropRow *row = attr_row(&c, a);
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
    finish_style(&c);
}

/* ---------------------------------------------------------------------- */
/* Single values, and the table's view                                    */

int fo_parse_color(const char *text, FoColor *out)
{
    const FoStyle *init = fo_style_initial();
    Ctx c = {.parent = init, .cur = init, .row = find_row("color"), .em = init->font_size};
    Value v;
    FoColor col;
    if (!text || !value_of(&c, text, strlen(text), &v) || !to_color(&v, &col))
        return 0;
    *out = col;
    return 1;
}

int fo_parse_length(const char *text, double font_size, FoLength *out)
{
    const FoStyle *init = fo_style_initial();
    Ctx c = {.parent = init, .cur = init, .row = find_row("width"), .em = font_size};
    Value v;
    FoLength l;
    if (!text || !value_of(&c, text, strlen(text), &v) || !to_length(&c, &v, F_PCT | F_NEG | F_AUTO, &l))
        return 0;
    *out = l;
    return 1;
}

int fo_property_known(const char *name)
{
    fo_props_init();
    const PropRow *row = find_row(name);
    if (!row)
        return 0;
    return row->kind == K_UNSUPPORTED ? 1 : 2;
}

size_t fo_props_count(void)
{
    return TABLE_SIZE;
}

int fo_props_info(size_t i, FoPropInfo *info)
{
    if (i >= TABLE_SIZE)
        return 0;
    const PropRow *row = &table[i];
    info->name = row->name;
    info->inherited = row->inherited;
    info->supported = row->kind != K_UNSUPPORTED;
    info->shorthand = row->kind >= K_SH_BORDER;
    info->offset = row->offset == NO_FIELD ? -1 : (long)row->offset;
    info->initial = row->initial;
    return 1;
}
