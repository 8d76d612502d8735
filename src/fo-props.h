/* fo-props.h — XSL-FO properties: one table, typed values, one resolver.
 *
 * Stage 4 of the pipeline (with fo-tree.h).  Property knowledge lives in a
 * single table (fo-props.c): for each property its name, whether it is
 * inherited, its initial value (as XSL text, parsed once at start-up), its
 * value grammar, and where its computed value lives in FoStyle.  One
 * resolver computes an element's style from its parent's: inherited fields
 * are copied, non-inherited ones start from the initial values, then the
 * element's attributes are applied — shorthands before the properties they
 * set, font-size before anything measured in em — and the corresponding-
 * property rules of XSL 1.1 §5.3 turn margins into indents.
 *
 * Every value is parsed once into a typed value: lengths with every XSL
 * unit, percentages kept as fractions of a reference length that layout
 * supplies, colours, enumerations, keeps with integer strengths, space
 * specifiers with their components, and expressions (arithmetic on
 * lengths, from-parent(), inherited-property-value(), label-end(),
 * body-start(), proportional-column-width(), rgb(), min(), max() ...).
 *
 * Bad input never stops the resolver: an unknown property, a known one
 * cocom does not support, or a value that does not parse is a warning
 * naming it with FILE:LINE, given once per property name, and the initial
 * (or inherited) value is kept.
 *
 * Writing mode: only lr-tb is supported, so "start" is left, "end" right,
 * "before" top and "after" bottom; the absolute properties (margin-left,
 * border-top-width, ...) are mapped onto the relative ones on that basis.
 */
#ifndef COCOM_FO_PROPS_H
#define COCOM_FO_PROPS_H

#include <stdint.h>
#include <libxml/tree.h>
#include "context.h"

/* ---------------------------------------------------------------------- */
/* Typed values                                                            */

/* 0xRRGGBBAA; alpha 0 means transparent. */
typedef uint32_t FoColor;
#define FO_COLOR_TRANSPARENT 0x00000000u
#define FO_COLOR_BLACK 0x000000FFu

/* A length, possibly depending on a reference length known only at layout
 * time: its value is abs + pct * reference (pct is a fraction, 0.5 for
 * 50%).  Keywords are kinds. */
typedef enum {
    FO_LEN_VALUE = 0,       /* abs + pct * reference */
    FO_LEN_AUTO,
    FO_LEN_NORMAL,          /* letter-spacing, word-spacing, line-height */
    FO_LEN_NONE,
    FO_LEN_PROPORTIONAL,    /* proportional-column-width(abs) */
    FO_LEN_NUMBER,          /* a bare number (line-height factor) in abs */
    FO_LEN_USE_FONT_METRICS,/* leader-pattern-width */
    FO_LEN_SCALE_TO_FIT,    /* content-width/-height */
    FO_LEN_SCALE_DOWN_TO_FIT,
    FO_LEN_SCALE_UP_TO_FIT,
    FO_LEN_BASELINE,        /* baseline-shift */
    FO_LEN_SUB,
    FO_LEN_SUPER
} FoLengthKind;

typedef struct {
    double abs;         /* points */
    double pct;         /* fraction of the reference length */
    uint8_t kind;       /* FoLengthKind */
} FoLength;

/* Resolves a FO_LEN_VALUE length against its reference (points). */
static inline double fo_length_resolve(FoLength l, double reference)
{
    return l.abs + l.pct * reference;
}

/* A length-range (leader-length, inline-progression-dimension ...). */
typedef struct {
    FoLength min, opt, max;
} FoLengthRange;

/* A space specifier (space-before, space-after, space-start, space-end). */
#define FO_PRECEDENCE_FORCE INT32_MAX
typedef struct {
    double min, opt, max;   /* points */
    int32_t precedence;     /* an integer, or FO_PRECEDENCE_FORCE */
    uint8_t discard;        /* conditionality: 1 = discard (the initial value), 0 = retain */
} FoSpace;

/* A keep (keep-together, keep-with-next, keep-with-previous).  Each
 * component is 0 for auto, a positive strength, or FO_KEEP_ALWAYS. */
#define FO_KEEP_ALWAYS INT32_MAX
typedef struct {
    int32_t within_line, within_column, within_page;
} FoKeep;

typedef enum {
    FO_BORDER_NONE = 0, FO_BORDER_HIDDEN, FO_BORDER_DOTTED, FO_BORDER_DASHED, FO_BORDER_SOLID,
    FO_BORDER_DOUBLE, FO_BORDER_GROOVE, FO_BORDER_RIDGE, FO_BORDER_INSET, FO_BORDER_OUTSET
} FoBorderStyle;

/* One side of a border.  width is the computed width in points: 0 when the
 * style is none or hidden (thin = 0.5pt, medium = 1pt, thick = 2pt). */
typedef struct {
    double width;
    FoColor color;          /* initial: the element's color */
    uint8_t style;          /* FoBorderStyle */
    uint8_t discard;        /* border-*-width.conditionality: 1 discard (the initial value, on every side), 0 retain */
} FoBorder;

/* One side of padding. */
typedef struct {
    FoLength length;        /* percentages refer to the containing block's width */
    uint8_t discard;        /* padding-*.conditionality: 1 discard (initial), 0 retain */
} FoPadding;

/* Sides, in writing-mode-relative order. */
enum { FO_BEFORE = 0, FO_AFTER = 1, FO_START = 2, FO_END = 3 };

/* ---------------------------------------------------------------------- */
/* Enumerations (the numeric value of each keyword)                        */

typedef enum { FO_FONT_STYLE_NORMAL, FO_FONT_STYLE_ITALIC, FO_FONT_STYLE_OBLIQUE, FO_FONT_STYLE_BACKSLANT } FoFontStyle;
typedef enum { FO_FONT_VARIANT_NORMAL, FO_FONT_VARIANT_SMALL_CAPS } FoFontVariant;
typedef enum { FO_ALIGN_START, FO_ALIGN_CENTER, FO_ALIGN_END, FO_ALIGN_JUSTIFY,
               FO_ALIGN_INSIDE, FO_ALIGN_OUTSIDE, FO_ALIGN_LEFT, FO_ALIGN_RIGHT,
               FO_ALIGN_RELATIVE /* text-align-last only */ } FoTextAlign;
typedef enum { FO_WS_IGNORE, FO_WS_PRESERVE, FO_WS_IGNORE_BEFORE_LF, FO_WS_IGNORE_AFTER_LF,
               FO_WS_IGNORE_SURROUNDING_LF /* initial */ } FoWhiteSpaceTreatment;
typedef enum { FO_LF_IGNORE, FO_LF_PRESERVE, FO_LF_TREAT_AS_SPACE /* initial */,
               FO_LF_TREAT_AS_ZERO_WIDTH_SPACE } FoLinefeedTreatment;
typedef enum { FO_WRAP, FO_NO_WRAP } FoWrapOption;
typedef enum { FO_TRANSFORM_NONE, FO_TRANSFORM_CAPITALIZE, FO_TRANSFORM_UPPERCASE, FO_TRANSFORM_LOWERCASE } FoTextTransform;
typedef enum { FO_BREAK_AUTO, FO_BREAK_COLUMN, FO_BREAK_PAGE, FO_BREAK_EVEN_PAGE, FO_BREAK_ODD_PAGE } FoBreak;
typedef enum { FO_DISPLAY_ALIGN_AUTO, FO_DISPLAY_ALIGN_BEFORE, FO_DISPLAY_ALIGN_CENTER, FO_DISPLAY_ALIGN_AFTER } FoDisplayAlign;
typedef enum { FO_COLLAPSE, FO_COLLAPSE_WITH_PRECEDENCE, FO_SEPARATE } FoBorderCollapse;
typedef enum { FO_TABLE_LAYOUT_AUTO, FO_TABLE_LAYOUT_FIXED } FoTableLayout;
typedef enum { FO_LEADER_SPACE, FO_LEADER_RULE, FO_LEADER_DOTS, FO_LEADER_USE_CONTENT } FoLeaderPattern;
/* leader-alignment: where a leader's pattern repeats are counted from. */
typedef enum { FO_LEADER_ALIGN_NONE, FO_LEADER_ALIGN_REFERENCE_AREA, FO_LEADER_ALIGN_PAGE } FoLeaderAlignment;
typedef enum { FO_RULE_SOLID, FO_RULE_DOTTED, FO_RULE_DASHED, FO_RULE_DOUBLE, FO_RULE_GROOVE, FO_RULE_RIDGE, FO_RULE_NONE } FoRuleStyle;
typedef enum { FO_SCALING_UNIFORM, FO_SCALING_NON_UNIFORM } FoScaling;
typedef enum { FO_OVERFLOW_AUTO, FO_OVERFLOW_VISIBLE, FO_OVERFLOW_HIDDEN, FO_OVERFLOW_SCROLL,
               FO_OVERFLOW_ERROR_IF_OVERFLOW, FO_OVERFLOW_REPEAT } FoOverflow;
typedef enum { FO_POSITION_AUTO, FO_POSITION_ABSOLUTE, FO_POSITION_FIXED } FoAbsolutePosition;
typedef enum { FO_SPAN_NONE, FO_SPAN_ALL } FoSpan;
typedef enum { FO_VISIBILITY_VISIBLE, FO_VISIBILITY_HIDDEN, FO_VISIBILITY_COLLAPSE } FoVisibility;
typedef enum { FO_EMPTY_CELLS_SHOW, FO_EMPTY_CELLS_HIDE } FoEmptyCells;
typedef enum { FO_FORCE_AUTO, FO_FORCE_EVEN, FO_FORCE_ODD, FO_FORCE_END_ON_EVEN, FO_FORCE_END_ON_ODD,
               FO_FORCE_NO_FORCE } FoForcePageCount;
typedef enum { FO_INITIAL_PAGE_AUTO, FO_INITIAL_PAGE_AUTO_ODD, FO_INITIAL_PAGE_AUTO_EVEN,
               FO_INITIAL_PAGE_NUMBER } FoInitialPageKind;
typedef enum { FO_ODD_OR_EVEN_ANY, FO_ODD_OR_EVEN_ODD, FO_ODD_OR_EVEN_EVEN } FoOddOrEven;
typedef enum { FO_PAGE_POSITION_ANY, FO_PAGE_POSITION_FIRST, FO_PAGE_POSITION_LAST, FO_PAGE_POSITION_REST,
               FO_PAGE_POSITION_ONLY } FoPagePosition;
typedef enum { FO_BLANK_ANY, FO_BLANK_BLANK, FO_BLANK_NOT_BLANK } FoBlankOrNotBlank;
typedef enum { FO_STATE_SHOW, FO_STATE_HIDE } FoStartingState;
typedef enum { FO_SHOW_REPLACE, FO_SHOW_NEW } FoShowDestination;

/* text-decoration is a set of flags. */
enum {
    FO_DECORATION_UNDERLINE = 1, FO_DECORATION_OVERLINE = 2, FO_DECORATION_LINE_THROUGH = 4,
    FO_DECORATION_BLINK = 8,
    /* the no-* keywords, which cancel an inherited decoration */
    FO_DECORATION_NO_UNDERLINE = 16, FO_DECORATION_NO_OVERLINE = 32, FO_DECORATION_NO_LINE_THROUGH = 64
};

/* ---------------------------------------------------------------------- */
/* The computed style of one formatting object                             */

/* The inherited properties come first and the others after, so that a
 * child's style starts as two memcpy()s: the parent's inherited block and
 * the initial non-inherited block (see FO_STYLE_INHERITED_END). */
typedef struct FoStyle {
    /* ---- inherited ---- */
    const char *font_family;        /* Pango family list, e.g. "Liberation Sans,sans-serif" */
    double font_size;               /* points, resolved */
    int16_t font_weight;            /* 100 .. 900 */
    uint8_t font_style;             /* FoFontStyle */
    uint8_t font_variant;           /* FoFontVariant */
    FoColor color;
    FoLength line_height;           /* NORMAL (1.2), NUMBER (abs = factor) or VALUE (resolved points in abs) */
    uint8_t text_align;             /* FoTextAlign */
    uint8_t text_align_last;        /* FoTextAlign; FO_ALIGN_RELATIVE initially */
    FoLength text_indent;
    FoLength last_line_end_indent;
    FoLength start_indent;          /* computed per §5.3.2, relative to the reference area */
    FoLength end_indent;
    int32_t widows, orphans;
    uint8_t hyphenate;
    char language[4];               /* ISO 639, lower case; "" for none */
    char country[4];                /* ISO 3166, upper case; "" for none */
    uint32_t hyphenation_character; /* a Unicode code point; initial U+2010 */
    int32_t hyphenation_push_character_count;
    int32_t hyphenation_remain_character_count;
    uint8_t white_space_collapse;   /* boolean, initial true */
    uint8_t white_space_treatment;  /* FoWhiteSpaceTreatment */
    uint8_t linefeed_treatment;     /* FoLinefeedTreatment */
    uint8_t wrap_option;            /* FoWrapOption */
    FoLength letter_spacing;        /* NORMAL or VALUE (optimum) */
    FoLength word_spacing;          /* NORMAL or VALUE (optimum) */
    uint8_t text_transform;         /* FoTextTransform */
    FoKeep keep_together;           /* inherited, per the specification */
    uint8_t border_collapse;        /* FoBorderCollapse */
    double border_separation_ipd;   /* border-separation.inline-progression-direction */
    double border_separation_bpd;
    uint8_t display_align;          /* FoDisplayAlign */
    FoLength provisional_distance_between_starts;
    FoLength provisional_label_separation;
    uint8_t leader_pattern;         /* FoLeaderPattern */
    uint8_t leader_alignment;       /* FoLeaderAlignment */
    FoLengthRange leader_length;
    FoLength leader_pattern_width;  /* USE_FONT_METRICS or VALUE */
    double rule_thickness;
    uint8_t rule_style;             /* FoRuleStyle */
    uint8_t empty_cells;            /* FoEmptyCells */
    uint8_t visibility;             /* FoVisibility */
    /* What body-start() and label-end() evaluate to inside the nearest
     * list-block: set by the resolver on each fo:list-block from its own
     * start-indent and provisional distances, and inherited from there. */
    FoLength body_start;
    FoLength label_end;
#define FO_STYLE_INHERITED_END offsetof(FoStyle, id)
    /* ---- not inherited ---- */
    const char *id;
    const char *role;
    const char *alt_text;           /* fox:alt-text (Apache FOP's extension), for figures */
    FoColor background_color;
    const char *background_image;   /* unsupported: kept only to warn */
    FoBorder border[4];             /* indexed by FO_BEFORE .. FO_END */
    FoPadding padding[4];
    FoLength margin_top, margin_bottom, margin_left, margin_right;   /* as specified (AUTO when not) */
    FoSpace space_before, space_after, space_start, space_end;
    uint8_t break_before, break_after;  /* FoBreak */
    FoKeep keep_with_next, keep_with_previous;
    FoLength width, height;             /* from width/height or inline-/block-progression-dimension */
    FoLengthRange inline_progression_dimension, block_progression_dimension;
    FoLength content_width, content_height;
    uint8_t scaling;                    /* FoScaling */
    const char *src;                    /* url(...) unwrapped */
    const char *content_type;
    uint8_t text_decoration;            /* flags; see FO_DECORATION_* */
    FoLength baseline_shift;            /* BASELINE, SUB, SUPER or VALUE (percent of line-height) */
    uint8_t overflow;                   /* FoOverflow */
    int16_t reference_orientation;      /* 0, 90, 180, 270 (only 0 supported) */
    uint8_t absolute_position;          /* FoAbsolutePosition */
    FoLength top, bottom, left, right;
    uint8_t span;                       /* FoSpan */
    int32_t column_count;
    FoLength column_gap;
    /* page masters and regions */
    FoLength page_width, page_height;   /* AUTO: A4 */
    const char *master_name;
    const char *master_reference;
    const char *region_name;
    const char *flow_name;
    FoLength extent;
    uint8_t precedence;                 /* boolean */
    uint8_t initial_page_number_kind;   /* FoInitialPageKind */
    int32_t initial_page_number;
    uint8_t force_page_count;           /* FoForcePageCount */
    const char *format;                 /* initial "1" */
    const char *grouping_separator;
    int32_t grouping_size;
    uint8_t odd_or_even, page_position, blank_or_not_blank;
    int32_t maximum_repeats;            /* -1 for no-limit */
    /* tables */
    uint8_t table_layout;               /* FoTableLayout */
    uint8_t table_omit_header_at_break, table_omit_footer_at_break;
    FoLength column_width;              /* AUTO, VALUE or PROPORTIONAL */
    int32_t column_number;              /* 0 when not given */
    int32_t number_columns_repeated;
    int32_t number_columns_spanned;
    int32_t number_rows_spanned;
    uint8_t starts_row, ends_row;
    /* links and references */
    const char *internal_destination;
    const char *external_destination;   /* url(...) unwrapped */
    uint8_t show_destination;           /* FoShowDestination */
    const char *ref_id;
    uint32_t character;                 /* fo:character's code point */
    uint8_t starting_state;             /* FoStartingState */
} FoStyle;

/* ---------------------------------------------------------------------- */
/* The resolver                                                            */

/* Property identifiers, in the table's order (see fo-props.c).  Only what
 * other modules must name is listed; the table has many more rows. */
typedef int FoPropId;

/* What the resolver needs besides the parent's style. */
typedef struct {
    CocomContext *ctx;      /* for warnings */
    const char *file;       /* for FILE:LINE in messages */
} FoResolver;

/* Builds the table and the initial style; call once per process (it is
 * idempotent and thread-safe). */
void fo_props_init(void);

/* The initial values of every property (a style with no parent). */
const FoStyle *fo_style_initial(void);

/* Computes the style of the FO element `node` from its parent's computed
 * style (NULL for fo:root) into *out.  Never fails: problems become
 * warnings.  The strings in *out point into the node's document or into
 * static storage, so *out stays valid as long as the document does. */
void fo_style_compute(const FoResolver *r, xmlNodePtr node, const FoStyle *parent, FoStyle *out);

/* Parsing single values, for the layout engine and the tests.  Each returns
 * 1 on success and 0 (leaving *out untouched) when the text does not parse. */
int fo_parse_color(const char *text, FoColor *out);
int fo_parse_length(const char *text, double font_size, FoLength *out);

/* Whether a property name is known, and whether cocom supports it:
 * 0 unknown (or NULL), 1 known to XSL but not supported by cocom,
 * 2 supported.  Components ("space-before.optimum") and the namespaced
 * "xml:lang" and "fox:alt-text" are names too. */
int fo_property_known(const char *name);

#endif
