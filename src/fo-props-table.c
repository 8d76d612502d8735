/* fo-props-table.c — the XSL-FO property table.
 *
 * Everything cocom knows about a property is one row of `table` below:
 * its name, whether it is inherited, its initial value as XSL text, the
 * grammar of its value (a PropKind) and where its computed value lives in
 * FoStyle.  fo_props_init() parses every initial value once into the
 * initial style (with the resolver of fo-props-style.c); lookups by name
 * go through a map built at the same time.  The table, the map and the
 * initial style are process-wide and read-only after fo_props_init():
 * nothing here allocates per call, and nothing returned is to be freed.
 */
#include "config.h"
#include "fo-props-impl.h"
#include "fo-props-private.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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
static FoStyle initial_specified;   /* before fo_props_finish_style(): the base of every element's
                                     * non-inherited block (its border widths are still
                                     * "medium", not the 0 that style none computes to) */
static const PropRow *row_xml_lang, *row_alt_text;

const PropRow *fo_props_find_row(const char *name)
{
    intptr_t i;
    if (!name || !cocom_map_get(&names, name, &i))
        return NULL;
    return &table[i];
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
    fo_props_check_colors();
    row_xml_lang = fo_props_find_row("xml:lang");
    row_alt_text = fo_props_find_row("fox:alt-text");

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
        if (!fo_props_apply_text(&c, row, row->initial, strlen(row->initial), P_SPEC)) {
            fprintf(stderr, "cocom: fo-props: the initial value '%s' of %s does not parse\n",
                    row->initial, row->name);
            abort();
        }
    }
    initial_specified = initial;
    fo_props_finish_style(&c);
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

const FoStyle *fo_props_initial_specified(void)
{
    fo_props_init();
    return &initial_specified;
}

/* The row for an attribute, or NULL (after warning when it deserves one). */
const PropRow *fo_props_attr_row(Ctx *c, xmlAttrPtr a)
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
    row = fo_props_find_row(name);
    if (!row || row == row_xml_lang || row == row_alt_text) {
        size_t n = strlen(name);
        fo_props_warn(c, "unknown", name, "unknown property '%.*s%s' on fo:%s; ignored",
             SHOWN(n), name, MORE(n), fo_props_element_name(c));
        return NULL;
    }
    if (row->kind == K_UNSUPPORTED) {
        fo_props_warn(c, "unsupported", name, "property '%s' is not supported by cocom; ignored", name);
        return NULL;
    }
    return row;
}

int fo_property_known(const char *name)
{
    fo_props_init();
    const PropRow *row = fo_props_find_row(name);
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
