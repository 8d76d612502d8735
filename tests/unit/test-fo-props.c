/* Unit tests of fo-props.c: the property table and the style resolver.
 *
 * Each test parses a small XSL-FO snippet, computes the style of every
 * element from its parent's in document order (as the layout engine
 * does), and looks styles up by their id.  Warnings are collected through
 * the context's diagnostic function. */
#include "config.h"
#include "context.h"
#include "fo-props.h"
#include "fo-props-private.h"
#include "util.h"
#include "unit.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>

/* Styles are compared whole with memcmp: the library copies fields with
 * memcpy, padding included, so equal styles are equal bytes.  Valgrind
 * cannot know that copied padding compares equal, so tell it. */
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_DEFINED
#define VALGRIND_MAKE_MEM_DEFINED(p, n) ((void)(p), (void)(n))
#endif

static int same_bytes(const void *a, const void *b, size_t n)
{
    VALGRIND_MAKE_MEM_DEFINED(a, n);
    VALGRIND_MAKE_MEM_DEFINED(b, n);
    return memcmp(a, b, n) == 0;
}

#define FO_NS "http://www.w3.org/1999/XSL/Format"
#define PT_PER_MM (72.0 / 25.4)
#define EPS 1e-9

/* ---------------------------------------------------------------------- */
/* Harness                                                                 */

static CocomContext *ctx;
static int nwarn;
static CocomBuf warnings;     /* every warning message, one per line */

static void collect(void *user, const CocomDiagnostic *d)
{
    COCOM_UNUSED(user);
    if (d->severity != COCOM_SEVERITY_WARNING)
        return;
    nwarn++;
    cocom_buf_printf(&warnings, "%s:%ld: %s\n", d->file ? d->file : "-", d->line, d->message);
}

typedef struct {
    xmlDocPtr doc;
    FoStyle *styles;
    size_t count, cap;
} Tree;

static Tree tree;

static void tree_free(void)
{
    if (tree.doc)
        xmlFreeDoc(tree.doc);
    free(tree.styles);
    memset(&tree, 0, sizeof tree);
}

/* The next element after n in document order. */
static xmlNodePtr next_element(xmlNodePtr n)
{
    if (n->children)
        return n->children;
    while (n) {
        if (n->next)
            return n->next;
        n = n->parent;
        if (n && n->type == XML_DOCUMENT_NODE)
            return NULL;
    }
    return NULL;
}

/* Computes the styles of a whole document, iteratively (deep trees are
 * part of the tests).  A fresh context each time, so that once-per-name
 * warnings are counted per document. */
static void compute_doc(xmlDocPtr doc)
{
    if (ctx)
        cocom_context_destroy(ctx);
    ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, collect, NULL);
    nwarn = 0;
    cocom_buf_clear(&warnings);
    tree.doc = doc;
    FoResolver r = {ctx, "test.fo"};
    for (xmlNodePtr n = doc ? xmlDocGetRootElement(doc) : NULL; n; n = next_element(n)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        COCOM_GROW(tree.styles, tree.cap, tree.count + 1);
        const FoStyle *parent = NULL;
        if (n->parent && n->parent->type == XML_ELEMENT_NODE)
            parent = &tree.styles[(uintptr_t)n->parent->_private - 1];
        fo_style_compute(&r, n, parent, &tree.styles[tree.count]);
        n->_private = (void *)(uintptr_t)(tree.count + 1);
        tree.count++;
    }
}

/* Parses body inside an fo:root and computes every style. */
static void load(const char *body)
{
    tree_free();
    CocomBuf b = {0};
    cocom_buf_printf(&b, "<fo:root xmlns:fo='" FO_NS "' "
                         "xmlns:fox='http://xmlgraphics.apache.org/fop/extensions' "
                         "xmlns:x='urn:example:other'>%s</fo:root>", body);
    xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, "test.fo", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    cocom_buf_free(&b);
    if (!doc)
        UNIT_FAIL("%s:%d: the snippet is not well-formed", __FILE__, __LINE__);
    compute_doc(doc);
}

/* The style of the element with id `id` (a style every test can trust:
 * a missing one fails the test and returns the initial style). */
static const FoStyle *S(const char *id)
{
    for (size_t i = 0; i < tree.count; i++)
        if (tree.styles[i].id && strcmp(tree.styles[i].id, id) == 0)
            return &tree.styles[i];
    UNIT_FAIL("no element with id '%s'", id);
    return fo_style_initial();
}

/* The style of one block with the given attributes. */
static const FoStyle *block(const char *attrs)
{
    char *buf = cocom_xasprintf("<fo:block id='b' %s/>", attrs);
    load(buf);
    free(buf);
    return S("b");
}

static int warned(const char *text)
{
    return warnings.data && strstr(warnings.data, text) != NULL;
}

#define CHECK_LEN(l, a, p) do { \
    FoLength l_ = (l); \
    CHECK(l_.kind == FO_LEN_VALUE); \
    CHECK_NEAR(l_.abs, (a), 1e-6); \
    CHECK_NEAR(l_.pct, (p), 1e-9); \
} while (0)

/* ---------------------------------------------------------------------- */
/* The table                                                               */

TEST(table_inherited_rows_come_first)
{
    FoPropInfo info;
    size_t with_field = 0;
    for (size_t i = 0; fo_props_info(i, &info); i++) {
        if (info.offset < 0)
            continue;
        with_field++;
        if (info.inherited && info.offset >= (long)FO_STYLE_INHERITED_END)
            UNIT_FAIL("%s is inherited but its field is not in the inherited block", info.name);
        if (!info.inherited && info.offset < (long)FO_STYLE_INHERITED_END)
            UNIT_FAIL("%s is not inherited but its field is in the inherited block", info.name);
    }
    CHECK(with_field > 150);
}

/* Every field of FoStyle is reached by some row, except the ones the
 * resolver computes (body_start, label_end, width, height). */
TEST(table_covers_every_field)
{
    static const size_t fields[] = {
        offsetof(FoStyle, font_family), offsetof(FoStyle, font_size), offsetof(FoStyle, font_weight),
        offsetof(FoStyle, font_style), offsetof(FoStyle, font_variant), offsetof(FoStyle, color),
        offsetof(FoStyle, line_height), offsetof(FoStyle, text_align), offsetof(FoStyle, text_align_last),
        offsetof(FoStyle, text_indent), offsetof(FoStyle, last_line_end_indent),
        offsetof(FoStyle, start_indent), offsetof(FoStyle, end_indent), offsetof(FoStyle, widows),
        offsetof(FoStyle, orphans), offsetof(FoStyle, hyphenate), offsetof(FoStyle, language),
        offsetof(FoStyle, country), offsetof(FoStyle, hyphenation_character),
        offsetof(FoStyle, hyphenation_push_character_count),
        offsetof(FoStyle, hyphenation_remain_character_count), offsetof(FoStyle, white_space_collapse),
        offsetof(FoStyle, white_space_treatment), offsetof(FoStyle, linefeed_treatment),
        offsetof(FoStyle, wrap_option), offsetof(FoStyle, letter_spacing), offsetof(FoStyle, word_spacing),
        offsetof(FoStyle, text_transform), offsetof(FoStyle, keep_together),
        offsetof(FoStyle, keep_together.within_line), offsetof(FoStyle, keep_together.within_column),
        offsetof(FoStyle, keep_together.within_page), offsetof(FoStyle, border_collapse),
        offsetof(FoStyle, border_separation_ipd), offsetof(FoStyle, border_separation_bpd),
        offsetof(FoStyle, display_align), offsetof(FoStyle, provisional_distance_between_starts),
        offsetof(FoStyle, provisional_label_separation), offsetof(FoStyle, leader_pattern),
        offsetof(FoStyle, leader_length), offsetof(FoStyle, leader_length.min),
        offsetof(FoStyle, leader_length.opt), offsetof(FoStyle, leader_length.max),
        offsetof(FoStyle, leader_pattern_width), offsetof(FoStyle, rule_thickness),
        offsetof(FoStyle, rule_style), offsetof(FoStyle, empty_cells), offsetof(FoStyle, visibility),
        offsetof(FoStyle, id), offsetof(FoStyle, role), offsetof(FoStyle, alt_text),
        offsetof(FoStyle, background_color), offsetof(FoStyle, background_image),
        offsetof(FoStyle, border[0].width), offsetof(FoStyle, border[0].color),
        offsetof(FoStyle, border[0].style), offsetof(FoStyle, border[0].discard),
        offsetof(FoStyle, border[1].width), offsetof(FoStyle, border[1].color),
        offsetof(FoStyle, border[1].style), offsetof(FoStyle, border[1].discard),
        offsetof(FoStyle, border[2].width), offsetof(FoStyle, border[2].color),
        offsetof(FoStyle, border[2].style), offsetof(FoStyle, border[2].discard),
        offsetof(FoStyle, border[3].width), offsetof(FoStyle, border[3].color),
        offsetof(FoStyle, border[3].style), offsetof(FoStyle, border[3].discard),
        offsetof(FoStyle, padding[0].length), offsetof(FoStyle, padding[0].discard),
        offsetof(FoStyle, padding[1].length), offsetof(FoStyle, padding[1].discard),
        offsetof(FoStyle, padding[2].length), offsetof(FoStyle, padding[2].discard),
        offsetof(FoStyle, padding[3].length), offsetof(FoStyle, padding[3].discard),
        offsetof(FoStyle, margin_top), offsetof(FoStyle, margin_bottom), offsetof(FoStyle, margin_left),
        offsetof(FoStyle, margin_right), offsetof(FoStyle, space_before), offsetof(FoStyle, space_before.opt),
        offsetof(FoStyle, space_before.max), offsetof(FoStyle, space_before.precedence),
        offsetof(FoStyle, space_before.discard), offsetof(FoStyle, space_after),
        offsetof(FoStyle, space_start), offsetof(FoStyle, space_end), offsetof(FoStyle, break_before),
        offsetof(FoStyle, break_after), offsetof(FoStyle, keep_with_next), offsetof(FoStyle, keep_with_previous),
        offsetof(FoStyle, inline_progression_dimension), offsetof(FoStyle, block_progression_dimension),
        offsetof(FoStyle, content_width), offsetof(FoStyle, content_height), offsetof(FoStyle, scaling),
        offsetof(FoStyle, src), offsetof(FoStyle, content_type), offsetof(FoStyle, text_decoration),
        offsetof(FoStyle, baseline_shift), offsetof(FoStyle, overflow), offsetof(FoStyle, reference_orientation),
        offsetof(FoStyle, absolute_position), offsetof(FoStyle, top), offsetof(FoStyle, bottom),
        offsetof(FoStyle, left), offsetof(FoStyle, right), offsetof(FoStyle, span),
        offsetof(FoStyle, column_count), offsetof(FoStyle, column_gap), offsetof(FoStyle, page_width),
        offsetof(FoStyle, page_height), offsetof(FoStyle, master_name), offsetof(FoStyle, master_reference),
        offsetof(FoStyle, region_name), offsetof(FoStyle, flow_name), offsetof(FoStyle, extent),
        offsetof(FoStyle, precedence), offsetof(FoStyle, initial_page_number_kind),
        offsetof(FoStyle, force_page_count), offsetof(FoStyle, format), offsetof(FoStyle, grouping_separator),
        offsetof(FoStyle, grouping_size), offsetof(FoStyle, odd_or_even), offsetof(FoStyle, page_position),
        offsetof(FoStyle, blank_or_not_blank), offsetof(FoStyle, maximum_repeats),
        offsetof(FoStyle, table_layout), offsetof(FoStyle, table_omit_header_at_break),
        offsetof(FoStyle, table_omit_footer_at_break), offsetof(FoStyle, column_width),
        offsetof(FoStyle, column_number), offsetof(FoStyle, number_columns_repeated),
        offsetof(FoStyle, number_columns_spanned), offsetof(FoStyle, number_rows_spanned),
        offsetof(FoStyle, starts_row), offsetof(FoStyle, ends_row), offsetof(FoStyle, internal_destination),
        offsetof(FoStyle, external_destination), offsetof(FoStyle, show_destination),
        offsetof(FoStyle, ref_id), offsetof(FoStyle, character), offsetof(FoStyle, starting_state),
    };
    FoPropInfo info;
    for (size_t f = 0; f < COCOM_ARRAY_LEN(fields); f++) {
        int found = 0;
        for (size_t i = 0; fo_props_info(i, &info) && !found; i++)
            found = info.offset == (long)fields[f];
        if (!found)
            UNIT_FAIL("no row sets the field at offset %zu (entry %zu)", fields[f], f);
    }
}

TEST(table_names_known_supported_or_not)
{
    FoPropInfo info;
    size_t rows = 0, unsupported = 0;
    for (size_t i = 0; fo_props_info(i, &info); i++) {
        rows++;
        unsupported += !info.supported;
        CHECK(fo_property_known(info.name) == (info.supported ? 2 : 1));
    }
    CHECK(rows > 250);
    CHECK(unsupported > 50);
    CHECK(fo_property_known("font-size") == 2);
    CHECK(fo_property_known("space-before.conditionality") == 2);
    CHECK(fo_property_known("float") == 1);
    CHECK(fo_property_known("retrieve-class-name") == 2);   /* marker.c reads it */
    CHECK(fo_property_known("retrieve-position-within-table") == 1);
    CHECK(fo_property_known("foo") == 0);
    CHECK(fo_property_known("") == 0);
    CHECK(fo_property_known(NULL) == 0);
}

TEST(initial_values)
{
    const FoStyle *s = fo_style_initial();
    CHECK_STR(s->font_family, "sans-serif");
    CHECK_NEAR(s->font_size, 12.0, EPS);
    CHECK(s->font_weight == 400);
    CHECK(s->color == FO_COLOR_BLACK);
    CHECK(s->line_height.kind == FO_LEN_NORMAL);
    CHECK(s->text_align == FO_ALIGN_START && s->text_align_last == FO_ALIGN_RELATIVE);
    CHECK(s->widows == 2 && s->orphans == 2);
    CHECK(s->hyphenation_character == 0x2010);
    CHECK(s->white_space_collapse == 1);
    CHECK(s->white_space_treatment == FO_WS_IGNORE_SURROUNDING_LF);
    CHECK(s->linefeed_treatment == FO_LF_TREAT_AS_SPACE);
    CHECK(s->letter_spacing.kind == FO_LEN_NORMAL);
    CHECK(s->keep_together.within_page == 0);
    CHECK_LEN(s->provisional_distance_between_starts, 24, 0);
    CHECK_LEN(s->provisional_label_separation, 6, 0);
    CHECK_LEN(s->leader_length.min, 0, 0);
    CHECK_LEN(s->leader_length.opt, 12, 0);
    CHECK_LEN(s->leader_length.max, 0, 1.0);
    CHECK(s->leader_pattern_width.kind == FO_LEN_USE_FONT_METRICS);
    CHECK_NEAR(s->rule_thickness, 1.0, EPS);
    CHECK(s->language[0] == '\0' && s->country[0] == '\0');
    CHECK(s->background_color == FO_COLOR_TRANSPARENT);
    CHECK(s->background_image == NULL);
    for (int i = 0; i < 4; i++) {
        CHECK(s->border[i].style == FO_BORDER_NONE);
        CHECK_NEAR(s->border[i].width, 0, EPS);        /* style none computes to 0 */
        CHECK(s->border[i].color == FO_COLOR_BLACK);
        CHECK(s->border[i].discard == 1);
        CHECK_LEN(s->padding[i].length, 0, 0);
        CHECK(s->padding[i].discard == 1);
    }
    CHECK(s->margin_top.kind == FO_LEN_AUTO && s->margin_left.kind == FO_LEN_AUTO);
    CHECK(s->space_before.discard == 1 && s->space_before.precedence == 0);
    CHECK(s->width.kind == FO_LEN_AUTO && s->inline_progression_dimension.min.kind == FO_LEN_AUTO);
    CHECK(s->baseline_shift.kind == FO_LEN_BASELINE);
    CHECK(s->page_width.kind == FO_LEN_AUTO && s->page_height.kind == FO_LEN_AUTO);
    CHECK(s->column_count == 1 && s->number_columns_spanned == 1 && s->number_rows_spanned == 1);
    CHECK(s->column_number == 0);
    CHECK(s->maximum_repeats == -1);
    CHECK(s->initial_page_number_kind == FO_INITIAL_PAGE_AUTO);
    CHECK_STR(s->format, "1");
    CHECK(s->id == NULL && s->src == NULL);
    CHECK(s->reference_orientation == 0);
    CHECK(s->column_width.kind == FO_LEN_AUTO);
}

/* ---------------------------------------------------------------------- */
/* Values                                                                  */

TEST(units)
{
    FoLength l;
    CHECK(fo_parse_length("12pt", 10, &l)); CHECK_LEN(l, 12, 0);
    CHECK(fo_parse_length("1pc", 10, &l)); CHECK_LEN(l, 12, 0);
    CHECK(fo_parse_length("1in", 10, &l)); CHECK_LEN(l, 72, 0);
    CHECK(fo_parse_length("2.54cm", 10, &l)); CHECK_LEN(l, 72, 0);
    CHECK(fo_parse_length("25.4mm", 10, &l)); CHECK_LEN(l, 72, 0);
    CHECK(fo_parse_length("96px", 10, &l)); CHECK_LEN(l, 72, 0);
    CHECK(fo_parse_length("1.5em", 10, &l)); CHECK_LEN(l, 15, 0);
    CHECK(fo_parse_length(" -3.25pt ", 10, &l)); CHECK_LEN(l, -3.25, 0);
    CHECK(fo_parse_length(".5in", 10, &l)); CHECK_LEN(l, 36, 0);
    CHECK(fo_parse_length("0", 10, &l)); CHECK_LEN(l, 0, 0);
    CHECK(fo_parse_length("auto", 10, &l)); CHECK(l.kind == FO_LEN_AUTO);
    l.abs = 99;
    CHECK(!fo_parse_length("12", 10, &l));      /* only 0 goes without a unit */
    CHECK(!fo_parse_length("12qq", 10, &l));
    CHECK(!fo_parse_length("pt", 10, &l));
    CHECK(!fo_parse_length("1e3pt", 10, &l));
    CHECK(!fo_parse_length("", 10, &l));
    CHECK(!fo_parse_length(NULL, 10, &l));
    CHECK_NEAR(l.abs, 99, EPS);                 /* untouched on failure */
}

TEST(percentages_are_fractions)
{
    FoLength l;
    CHECK(fo_parse_length("50%", 10, &l)); CHECK_LEN(l, 0, 0.5);
    CHECK(fo_parse_length("-12.5%", 10, &l)); CHECK_LEN(l, 0, -0.125);
    const FoStyle *s = block("start-indent='10%' width='50%' padding-before='5%'");
    CHECK_LEN(s->start_indent, 0, 0.1);
    CHECK_LEN(s->inline_progression_dimension.opt, 0, 0.5);
    CHECK_LEN(s->width, 0, 0.5);
    CHECK_LEN(s->padding[FO_BEFORE].length, 0, 0.05);
    /* no percentages where XSL has none */
    s = block("space-before='10%' rule-thickness='5%'");
    CHECK_NEAR(s->space_before.opt, 0, EPS);
    CHECK_NEAR(s->rule_thickness, 1, EPS);
    CHECK(nwarn == 2);
}

TEST(em_uses_the_elements_font_size)
{
    load("<fo:block id='p' font-size='10pt'>"
         "  <fo:block id='c' font-size='2em' text-indent='1.5em' space-before='1em' line-height='1.2em'/>"
         "</fo:block>");
    const FoStyle *c = S("c");
    CHECK_NEAR(c->font_size, 20, EPS);          /* em of font-size: the parent's */
    CHECK_LEN(c->text_indent, 30, 0);           /* em of the rest: its own */
    CHECK_NEAR(c->space_before.opt, 20, EPS);
    CHECK_LEN(c->line_height, 24, 0);
    /* attribute order does not matter: font-size comes first */
    load("<fo:block id='p' font-size='10pt'><fo:block id='c' text-indent='1em' font-size='20pt'/></fo:block>");
    CHECK_LEN(S("c")->text_indent, 20, 0);
}

TEST(font_size_keywords_and_relative)
{
    static const struct { const char *v; double pt; } cases[] = {
        {"xx-small", 12 / 1.728}, {"x-small", 12 / 1.44}, {"small", 10}, {"medium", 12},
        {"large", 14.4}, {"x-large", 17.28}, {"xx-large", 20.736}, {"larger", 12}, {"smaller", 10 / 1.2},
        {"150%", 15}, {"0.5em", 5}, {"9pt", 9},
    };
    char buf[256];
    for (size_t i = 0; i < COCOM_ARRAY_LEN(cases); i++) {
        snprintf(buf, sizeof buf, "<fo:block font-size='10pt'><fo:block id='c' font-size='%s'/></fo:block>",
                 cases[i].v);
        load(buf);
        CHECK_NEAR(S("c")->font_size, cases[i].pt, 1e-9);
        CHECK(nwarn == 0);
    }
    CHECK_NEAR(S("c")->font_size, 9, EPS);
    load("<fo:block font-size='10pt'><fo:block id='c' font-size='bigger'/></fo:block>");
    CHECK_NEAR(S("c")->font_size, 10, EPS);
    CHECK(warned("'bigger' is not a valid value for font-size on fo:block; using the inherited value"));
    CHECK(warned("test.fo:1: "));
    block("font-size='-2pt'");
    CHECK(nwarn == 1);
}

TEST(font_weight_absolute_and_relative)
{
    CHECK(block("font-weight='bold'")->font_weight == 700);
    CHECK(block("font-weight='300'")->font_weight == 300);
    CHECK(block("font-weight='normal'")->font_weight == 400);
    load("<fo:block font-weight='400'><fo:block id='c' font-weight='bolder'/></fo:block>");
    CHECK(S("c")->font_weight == 700);
    load("<fo:block font-weight='700'><fo:block id='c' font-weight='lighter'/></fo:block>");
    CHECK(S("c")->font_weight == 400);
    load("<fo:block font-weight='900'><fo:block id='c' font-weight='bolder'/></fo:block>");
    CHECK(S("c")->font_weight == 900);
    CHECK(block("font-weight='heavy'")->font_weight == 400);
    CHECK(nwarn == 1);
}

TEST(font_family_lists_interned)
{
    const FoStyle *s = block("font-family=\"  'DejaVu   Sans' , &quot;Liberation Serif&quot;,monospace \"");
    CHECK_STR(s->font_family, "DejaVu Sans,Liberation Serif,monospace");
    const char *first = s->font_family;
    s = block("font-family=\"'DejaVu Sans',  'Liberation Serif', monospace\"");
    CHECK(s->font_family == first);            /* same list, same pointer, across documents */
    CHECK_STR(block("font-family='serif'")->font_family, "serif");
    CHECK(block("font-family='sans-serif'")->font_family == fo_style_initial()->font_family);
    load("<fo:block font-family='Courier'><fo:block id='c'/></fo:block>");
    CHECK_STR(S("c")->font_family, "Courier");  /* inherited */
    CHECK_STR(block("font-family='A,,B'")->font_family, "sans-serif");
    CHECK(nwarn == 1);
}

TEST(line_height_forms)
{
    CHECK(block("line-height='normal'")->line_height.kind == FO_LEN_NORMAL);
    const FoStyle *s = block("line-height='1.5'");
    CHECK(s->line_height.kind == FO_LEN_NUMBER);
    CHECK_NEAR(s->line_height.abs, 1.5, EPS);
    CHECK_LEN(block("line-height='18pt'")->line_height, 18, 0);
    CHECK_LEN(block("font-size='10pt' line-height='150%'")->line_height, 15, 0);
    CHECK_LEN(block("line-height.optimum='14pt' line-height.minimum='10pt'")->line_height, 14, 0);
    /* a number is inherited as a number: the child scales it by its own size */
    load("<fo:block line-height='2'><fo:block id='c' font-size='8pt'/></fo:block>");
    CHECK(S("c")->line_height.kind == FO_LEN_NUMBER);
    CHECK(nwarn == 0);
}

TEST(colors_every_form)
{
    static const struct { const char *text; FoColor c; } ok[] = {
        {"red", 0xFF0000FF}, {"RED", 0xFF0000FF}, {"navy", 0x000080FF}, {"silver", 0xC0C0C0FF},
        {"orange", 0xFFA500FF}, {"cornflowerblue", 0x6495EDFF}, {"grey", 0x808080FF},
        {"#abc", 0xAABBCCFF}, {"#A1B2C3", 0xA1B2C3FF}, {"rgb(255, 0, 0)", 0xFF0000FF},
        {"rgb(0,128,255)", 0x0080FFFF}, {"rgb(100%, 50%, 0%)", 0xFF8000FF}, {"rgb(300, -5, 0)", 0xFF0000FF},
        {"transparent", 0x00000000}, {"rgb-icc(255, 0, 0, #CMYK, 0, 1, 1, 0)", 0xFF0000FF},
        {"rgb-icc(0,0,255, myprofile, 0.5, 0.5)", 0x0000FFFF},
    };
    for (size_t i = 0; i < COCOM_ARRAY_LEN(ok); i++) {
        FoColor c = 1;
        if (!fo_parse_color(ok[i].text, &c) || c != ok[i].c)
            UNIT_FAIL("colour '%s' gave %08x, not %08x", ok[i].text, c, ok[i].c);
    }
    static const char *const bad[] = {"bluish", "#ab", "#abcd", "#ggg", "rgb(1,2)", "rgb(1pt,2,3)", "12pt",
                                      "", "system-color(ButtonFace)"};
    for (size_t i = 0; i < COCOM_ARRAY_LEN(bad); i++) {
        FoColor c = 7;
        CHECK(!fo_parse_color(bad[i], &c) && c == 7);
    }
    CHECK(!fo_parse_color(NULL, NULL));
    /* a bad colour: a warning, and the inherited (color) or initial value */
    load("<fo:block color='#00ff00'><fo:block id='c' color='bluish' background-color='bluish'/></fo:block>");
    CHECK(S("c")->color == 0x00FF00FF);
    CHECK(S("c")->background_color == FO_COLOR_TRANSPARENT);
    CHECK(warned("'bluish' is not a valid value for color on fo:block; using the inherited value"));
    CHECK(warned("'bluish' is not a valid value for background-color on fo:block; using the initial value"));
    CHECK(nwarn == 2);
    CHECK(block("color='system-color(ButtonText)'")->color == FO_COLOR_BLACK);
    CHECK(warned("system-color() is not supported by cocom"));
    CHECK(nwarn == 1);
}

TEST(text_decoration_flags)
{
    CHECK(block("text-decoration='none'")->text_decoration == 0);
    CHECK(block("text-decoration='underline'")->text_decoration == FO_DECORATION_UNDERLINE);
    CHECK(block("text-decoration='underline  overline line-through blink'")->text_decoration
          == (FO_DECORATION_UNDERLINE | FO_DECORATION_OVERLINE | FO_DECORATION_LINE_THROUGH | FO_DECORATION_BLINK));
    CHECK(block("text-decoration='no-underline no-line-through'")->text_decoration
          == (FO_DECORATION_NO_UNDERLINE | FO_DECORATION_NO_LINE_THROUGH));
    CHECK(block("text-decoration='underline no-underline'")->text_decoration == FO_DECORATION_NO_UNDERLINE);
    CHECK(block("text-decoration='wavy'")->text_decoration == 0);
    CHECK(nwarn == 1);
    /* not inherited (the layout propagates decorations to descendants' areas) */
    load("<fo:block text-decoration='underline'><fo:inline id='c'/></fo:block>");
    CHECK(S("c")->text_decoration == 0);
}

TEST(baseline_shift_and_vertical_align)
{
    CHECK(block("baseline-shift='sub'")->baseline_shift.kind == FO_LEN_SUB);
    CHECK(block("baseline-shift='super'")->baseline_shift.kind == FO_LEN_SUPER);
    CHECK_LEN(block("baseline-shift='-2pt'")->baseline_shift, -2, 0);
    CHECK_LEN(block("baseline-shift='33%'")->baseline_shift, 0, 0.33);
    CHECK(block("vertical-align='super'")->baseline_shift.kind == FO_LEN_SUPER);
    CHECK_LEN(block("vertical-align='3pt'")->baseline_shift, 3, 0);
    /* the specific property wins over the shorthand */
    CHECK(block("baseline-shift='sub' vertical-align='super'")->baseline_shift.kind == FO_LEN_SUB);
    CHECK(block("vertical-align='middle'")->baseline_shift.kind == FO_LEN_BASELINE);
    CHECK(warned("vertical-align='middle' is not supported"));
}

TEST(urls_and_strings)
{
    load("<fo:external-graphic id='a' src='url(images/a.png)'/>"
         "<fo:external-graphic id='b' src=\"url('b c.png')\"/>"
         "<fo:external-graphic id='c' src='url(\"q.svg\")'/>"
         "<fo:external-graphic id='d' src='plain.jpg' content-type='content-type:image/jpeg'/>"
         "<fo:basic-link id='e' external-destination='url(https://example.org/a?b=c)' show-destination='new'/>"
         "<fo:basic-link id='f' internal-destination='sec-1' role='link'/>");
    CHECK_STR(S("a")->src, "images/a.png");
    CHECK_STR(S("b")->src, "b c.png");
    CHECK_STR(S("c")->src, "q.svg");
    CHECK_STR(S("d")->src, "plain.jpg");
    CHECK_STR(S("d")->content_type, "content-type:image/jpeg");
    CHECK_STR(S("e")->external_destination, "https://example.org/a?b=c");
    CHECK(S("e")->show_destination == FO_SHOW_NEW);
    CHECK_STR(S("f")->internal_destination, "sec-1");
    CHECK_STR(S("f")->role, "link");
    /* a whole attribute value is not copied: it points into the document */
    xmlNodePtr d = xmlDocGetRootElement(tree.doc)->children->next->next->next;
    CHECK((const xmlChar *)S("d")->src == xmlHasProp(d, (const xmlChar *)"src")->children->content);
    CHECK(nwarn == 0);
    /* a value with an entity reference is stored in the document's dictionary */
    tree_free();
    const char *xml = "<!DOCTYPE r [<!ENTITY e 'x'>]><fo:root xmlns:fo='" FO_NS "'>"
                      "<fo:block id='a&e;b' ref-id='z'/></fo:root>";
    compute_doc(xmlReadMemory(xml, (int)strlen(xml), "test.fo", NULL, XML_PARSE_NONET));
    CHECK_STR(tree.styles[1].id, "axb");
    CHECK(xmlDictOwns(tree.doc->dict, (const xmlChar *)tree.styles[1].id) == 1);
}

TEST(characters)
{
    CHECK(block("character='x'")->character == 'x');
    CHECK(block("character='\xe2\x82\xac'")->character == 0x20AC);
    CHECK(block("character=' '")->character == ' ');      /* whitespace is the value */
    CHECK(block("hyphenation-character='-'")->hyphenation_character == '-');
    CHECK(block("character='ab'")->character == 0);
    CHECK(nwarn == 1);
    CHECK(block("character=''")->character == 0);
    CHECK(nwarn == 1);
}

TEST(enumerations_and_integers)
{
    const FoStyle *s = block("text-align='justify' text-align-last='center' display-align='center' "
                             "break-before='odd-page' overflow='hidden' wrap-option='no-wrap' "
                             "linefeed-treatment='preserve' white-space-collapse='false' hyphenate='true' "
                             "font-style='italic' font-variant='small-caps' text-transform='uppercase' "
                             "widows='3' orphans='4' visibility='hidden' span='all'");
    CHECK(s->text_align == FO_ALIGN_JUSTIFY && s->text_align_last == FO_ALIGN_CENTER);
    CHECK(s->display_align == FO_DISPLAY_ALIGN_CENTER && s->break_before == FO_BREAK_ODD_PAGE);
    CHECK(s->overflow == FO_OVERFLOW_HIDDEN && s->wrap_option == FO_NO_WRAP);
    CHECK(s->linefeed_treatment == FO_LF_PRESERVE && s->white_space_collapse == 0 && s->hyphenate == 1);
    CHECK(s->font_style == FO_FONT_STYLE_ITALIC && s->font_variant == FO_FONT_VARIANT_SMALL_CAPS);
    CHECK(s->text_transform == FO_TRANSFORM_UPPERCASE && s->visibility == FO_VISIBILITY_HIDDEN);
    CHECK(s->widows == 3 && s->orphans == 4 && s->span == FO_SPAN_ALL);
    CHECK(nwarn == 0);
    s = block("text-align='middle' text-align-last='relative' widows='0' column-count='-1' "
              "number-columns-spanned='2.5' grouping-size='99999999999'");
    CHECK(s->text_align == FO_ALIGN_START && s->text_align_last == FO_ALIGN_RELATIVE);
    CHECK(s->widows == 2 && s->column_count == 1 && s->number_columns_spanned == 1 && s->grouping_size == 0);
    CHECK(nwarn == 5);
    CHECK(block("text-align='relative'")->text_align == FO_ALIGN_START);   /* text-align-last only */
    s = block("number-columns-spanned='3' number-rows-spanned='2' column-number='4' "
              "starts-row='true' table-layout='fixed' border-collapse='separate' empty-cells='hide'");
    CHECK(s->number_columns_spanned == 3 && s->number_rows_spanned == 2 && s->column_number == 4);
    CHECK(s->starts_row == 1 && s->table_layout == FO_TABLE_LAYOUT_FIXED);
    CHECK(s->border_collapse == FO_SEPARATE && s->empty_cells == FO_EMPTY_CELLS_HIDE);
}

TEST(page_master_properties)
{
    load("<fo:simple-page-master id='m' master-name='A4' page-width='210mm' page-height='297mm'>"
         "  <fo:region-body id='rb' column-count='2' column-gap='5mm'/>"
         "  <fo:region-before id='rf' extent='10mm' precedence='true'/>"
         "  <fo:region-after id='ra' region-name='foot'/>"
         "</fo:simple-page-master>"
         "<fo:page-sequence id='ps' master-reference='A4' initial-page-number='5' force-page-count='end-on-even' "
         "  format='i' grouping-separator=',' grouping-size='3'/>"
         "<fo:page-sequence id='p2' initial-page-number='auto-odd'/>"
         "<fo:conditional-page-master-reference id='c' odd-or-even='even' page-position='first' "
         "  blank-or-not-blank='blank'/>"
         "<fo:repeatable-page-master-reference id='r' maximum-repeats='3'/>");
    CHECK_STR(S("m")->master_name, "A4");
    CHECK_LEN(S("m")->page_width, 210 * PT_PER_MM, 0);
    CHECK_LEN(S("m")->page_height, 297 * PT_PER_MM, 0);
    CHECK(S("rb")->column_count == 2);
    CHECK_LEN(S("rb")->column_gap, 5 * PT_PER_MM, 0);
    CHECK_STR(S("rb")->region_name, "xsl-region-body");   /* initial value depends on the region */
    CHECK_STR(S("rf")->region_name, "xsl-region-before");
    CHECK(S("rf")->precedence == 1);
    CHECK_LEN(S("rf")->extent, 10 * PT_PER_MM, 0);
    CHECK_STR(S("ra")->region_name, "foot");
    CHECK_STR(S("ps")->master_reference, "A4");
    CHECK(S("ps")->initial_page_number_kind == FO_INITIAL_PAGE_NUMBER && S("ps")->initial_page_number == 5);
    CHECK(S("ps")->force_page_count == FO_FORCE_END_ON_EVEN);
    CHECK_STR(S("ps")->format, "i");
    CHECK_STR(S("ps")->grouping_separator, ",");
    CHECK(S("ps")->grouping_size == 3);
    CHECK(S("p2")->initial_page_number_kind == FO_INITIAL_PAGE_AUTO_ODD);
    CHECK(S("c")->odd_or_even == FO_ODD_OR_EVEN_EVEN && S("c")->page_position == FO_PAGE_POSITION_FIRST);
    CHECK(S("c")->blank_or_not_blank == FO_BLANK_BLANK);
    CHECK(S("r")->maximum_repeats == 3);
    CHECK(nwarn == 0);
    CHECK(block("page-width='indefinite'")->page_width.kind == FO_LEN_AUTO);
    CHECK_LEN(block("page-height='11in'")->page_height, 792, 0);
    const FoStyle *s = block("size='landscape'");
    CHECK(s->page_width.abs > s->page_height.abs);
    CHECK_NEAR(s->page_width.abs, 297 * PT_PER_MM, 1e-6);
    s = block("size='5in 8in'");
    CHECK_LEN(s->page_width, 360, 0);
    CHECK_LEN(s->page_height, 576, 0);
    s = block("page-width='4in' size='5in 8in'");          /* the specific property wins */
    CHECK_LEN(s->page_width, 288, 0);
    CHECK_LEN(s->page_height, 576, 0);
}

/* ---------------------------------------------------------------------- */
/* Shorthands and precedence                                               */

TEST(border_shorthand_forms)
{
    const FoStyle *s = block("border='0.5pt solid black'");
    for (int i = 0; i < 4; i++) {
        CHECK_NEAR(s->border[i].width, 0.5, EPS);
        CHECK(s->border[i].style == FO_BORDER_SOLID);
        CHECK(s->border[i].color == FO_COLOR_BLACK);
    }
    s = block("color='blue' border='solid'");   /* width medium, colour the element's */
    for (int i = 0; i < 4; i++) {
        CHECK_NEAR(s->border[i].width, 1.0, EPS);
        CHECK(s->border[i].color == 0x0000FFFF);
    }
    s = block("border='1px dashed #f00'");
    CHECK_NEAR(s->border[FO_START].width, 0.75, EPS);
    CHECK(s->border[FO_START].style == FO_BORDER_DASHED);
    CHECK(s->border[FO_START].color == 0xFF0000FF);
    s = block("border='thick double rgb(0, 0, 255)'");
    CHECK_NEAR(s->border[FO_END].width, 2.0, EPS);
    CHECK(s->border[FO_END].style == FO_BORDER_DOUBLE && s->border[FO_END].color == 0x0000FFFF);
    s = block("border-top='2pt solid red' border-left='thin dotted'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 2, EPS);
    CHECK(s->border[FO_BEFORE].color == 0xFF0000FF);
    CHECK(s->border[FO_START].style == FO_BORDER_DOTTED && s->border[FO_START].width == 0.5);
    CHECK_NEAR(s->border[FO_AFTER].width, 0, EPS);
    CHECK(nwarn == 0);
    s = block("border='solid solid'");
    CHECK(s->border[0].style == FO_BORDER_NONE);
    CHECK(warned("'solid solid' is not a valid value for border on fo:block; ignored"));
    s = block("border-width='1pt 2pt 3pt 4pt' border-style='solid' border-color='red green'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 1, EPS);
    CHECK_NEAR(s->border[FO_END].width, 2, EPS);
    CHECK_NEAR(s->border[FO_AFTER].width, 3, EPS);
    CHECK_NEAR(s->border[FO_START].width, 4, EPS);
    CHECK(s->border[FO_BEFORE].color == 0xFF0000FF && s->border[FO_END].color == 0x008000FF);
    CHECK(s->border[FO_AFTER].color == 0xFF0000FF && s->border[FO_START].color == 0x008000FF);
}

TEST(border_style_none_means_no_width)
{
    const FoStyle *s = block("border-before-width='3pt'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 0, EPS);
    s = block("border-before-width='3pt' border-before-style='solid'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 3, EPS);
    s = block("border='3pt solid' border-style='none hidden'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 0, EPS);
    CHECK_NEAR(s->border[FO_END].width, 0, EPS);
    s = block("border-start-style='hidden' border='3pt solid'");   /* the specific wins, whatever the order */
    CHECK_NEAR(s->border[FO_START].width, 0, EPS);
    CHECK_NEAR(s->border[FO_END].width, 3, EPS);
    /* the zero is computed per element: a child with a style gets medium */
    load("<fo:block><fo:block id='c' border-after-style='solid'/></fo:block>");
    CHECK_NEAR(S("c")->border[FO_AFTER].width, 1.0, EPS);
}

TEST(border_colour_follows_color)
{
    const FoStyle *s = block("border-style='solid' color='red' border-end-color='blue'");
    CHECK(s->border[FO_BEFORE].color == 0xFF0000FF);
    CHECK(s->border[FO_END].color == 0x0000FFFF);
    /* the top shorthand without a colour puts the side back to the element's colour */
    s = block("border='1pt solid green' border-top='2pt solid' color='red'");
    CHECK(s->border[FO_BEFORE].color == 0xFF0000FF);
    CHECK(s->border[FO_START].color == 0x008000FF);
}

TEST(shorthand_loses_to_specific_in_both_orders)
{
    static const char *const pairs[][2] = {
        {"border-top-width='3pt'", "border='1pt solid red'"},
        {"border-before-width='3pt'", "border-top='1pt solid red'"},
        {"border-before-width='3pt'", "border-width='1pt' border-style='solid'"},
    };
    char buf[256];
    for (size_t i = 0; i < COCOM_ARRAY_LEN(pairs); i++)
        for (int order = 0; order < 2; order++) {
            snprintf(buf, sizeof buf, "%s %s", pairs[i][order], pairs[i][!order]);
            const FoStyle *s = block(buf);
            CHECK_NEAR(s->border[FO_BEFORE].width, 3, EPS);
            CHECK(s->border[FO_BEFORE].style == FO_BORDER_SOLID);
        }
    /* border-width beats border-top (§5.2 orders the shorthands) */
    CHECK_NEAR(block("border-width='4pt' border-top='1pt solid'")->border[FO_BEFORE].width, 4, EPS);
    CHECK_NEAR(block("border-top='1pt solid' border='5pt solid'")->border[FO_BEFORE].width, 1, EPS);
    CHECK_LEN(block("padding-left='5pt' padding='1pt'")->padding[FO_START].length, 5, 0);
    CHECK_LEN(block("padding='1pt' padding-left='5pt'")->padding[FO_START].length, 5, 0);
    CHECK_LEN(block("margin-top='7pt' margin='1pt'")->margin_top, 7, 0);
    CHECK_LEN(block("margin='1pt' margin-top='7pt'")->margin_top, 7, 0);
    CHECK(block("white-space-collapse='true' white-space='pre'")->white_space_collapse == 1);
    CHECK(block("keep-with-next='auto' page-break-after='avoid'")->keep_with_next.within_page == 0);
    CHECK_STR(block("language='de' xml:lang='en-GB'")->language, "de");
    CHECK(nwarn == 0);
}

TEST(relative_beats_absolute)
{
    for (int order = 0; order < 2; order++) {
        const FoStyle *s = block(order ? "padding-start='7pt' padding-left='5pt'"
                                       : "padding-left='5pt' padding-start='7pt'");
        CHECK_LEN(s->padding[FO_START].length, 7, 0);
        s = block(order ? "border-after-width='2pt' border-bottom-width='1pt' border-style='solid'"
                        : "border-bottom-width='1pt' border-after-width='2pt' border-style='solid'");
        CHECK_NEAR(s->border[FO_AFTER].width, 2, EPS);
        s = block(order ? "inline-progression-dimension='3cm' width='4cm'"
                        : "width='4cm' inline-progression-dimension='3cm'");
        CHECK_LEN(s->width, 30 * PT_PER_MM, 0);
    }
    /* absolute properties map onto lr-tb sides */
    const FoStyle *s = block("padding-top='1pt' padding-bottom='2pt' padding-left='3pt' padding-right='4pt'");
    CHECK_LEN(s->padding[FO_BEFORE].length, 1, 0);
    CHECK_LEN(s->padding[FO_AFTER].length, 2, 0);
    CHECK_LEN(s->padding[FO_START].length, 3, 0);
    CHECK_LEN(s->padding[FO_END].length, 4, 0);
    s = block("border-right-width='2pt' border-right-style='solid' border-right-color='red'");
    CHECK_NEAR(s->border[FO_END].width, 2, EPS);
    CHECK(s->border[FO_END].color == 0xFF0000FF);
}

TEST(padding_and_margin_one_to_four_values)
{
    static const struct { const char *v; double t, r, b, l; } cases[] = {
        {"1pt", 1, 1, 1, 1}, {"1pt 2pt", 1, 2, 1, 2}, {"1pt 2pt 3pt", 1, 2, 3, 2}, {"1pt 2pt 3pt 4pt", 1, 2, 3, 4},
    };
    char buf[128];
    for (size_t i = 0; i < COCOM_ARRAY_LEN(cases); i++) {
        snprintf(buf, sizeof buf, "padding='%s'", cases[i].v);
        const FoStyle *s = block(buf);
        CHECK_LEN(s->padding[FO_BEFORE].length, cases[i].t, 0);
        CHECK_LEN(s->padding[FO_END].length, cases[i].r, 0);
        CHECK_LEN(s->padding[FO_AFTER].length, cases[i].b, 0);
        CHECK_LEN(s->padding[FO_START].length, cases[i].l, 0);
        snprintf(buf, sizeof buf, "margin='%s'", cases[i].v);
        s = block(buf);
        CHECK_LEN(s->margin_top, cases[i].t, 0);
        CHECK_LEN(s->margin_right, cases[i].r, 0);
        CHECK_LEN(s->margin_bottom, cases[i].b, 0);
        CHECK_LEN(s->margin_left, cases[i].l, 0);
    }
    CHECK(nwarn == 0);
    const FoStyle *s = block("padding='2pt * 3'");          /* one expression */
    CHECK_LEN(s->padding[FO_AFTER].length, 6, 0);
    s = block("margin='auto 10%'");
    CHECK(s->margin_top.kind == FO_LEN_AUTO);
    CHECK_LEN(s->margin_left, 0, 0.1);
    s = block("padding='1pt 2pt 3pt 4pt 5pt'");
    CHECK_LEN(s->padding[FO_BEFORE].length, 0, 0);
    CHECK(nwarn == 1);
    s = block("padding='-1pt'");                            /* padding is never negative */
    CHECK_LEN(s->padding[FO_BEFORE].length, 0, 0);
    CHECK(nwarn == 1);
    s = block("padding-before='2pt' padding-before.conditionality='retain' padding-start.length='4pt'");
    CHECK(s->padding[FO_BEFORE].discard == 0 && s->padding[FO_AFTER].discard == 1);
    CHECK_LEN(s->padding[FO_START].length, 4, 0);
    s = block("border-before-width.length='2pt' border-before-width.conditionality='retain' "
              "border-before-style='solid'");
    CHECK_NEAR(s->border[FO_BEFORE].width, 2, EPS);
    CHECK(s->border[FO_BEFORE].discard == 0);
}

TEST(font_shorthand)
{
    load("<fo:block font-size='10pt'>"
         "<fo:block id='a' font=\"bold italic 14pt/18pt 'Times New Roman', serif\"/>"
         "<fo:block id='b' font='150% monospace'/>"
         "<fo:block id='c' font='12pt Arial' font-size='9pt'/>"
         "<fo:block id='d' font-size='9pt' font='12pt / 2 Arial' font-family='Courier'/>"
         "<fo:block id='e' font='small-caps 300 1em/120% x'/>"
         "</fo:block>");
    const FoStyle *a = S("a");
    CHECK(a->font_weight == 700 && a->font_style == FO_FONT_STYLE_ITALIC);
    CHECK_NEAR(a->font_size, 14, EPS);
    CHECK_LEN(a->line_height, 18, 0);
    CHECK_STR(a->font_family, "Times New Roman,serif");
    CHECK_NEAR(S("b")->font_size, 15, EPS);
    CHECK_STR(S("b")->font_family, "monospace");
    CHECK(S("b")->font_weight == 400 && S("b")->line_height.kind == FO_LEN_NORMAL);
    CHECK_NEAR(S("c")->font_size, 9, EPS);                   /* font-size wins over font */
    CHECK_STR(S("c")->font_family, "Arial");
    CHECK_NEAR(S("d")->font_size, 9, EPS);
    CHECK(S("d")->line_height.kind == FO_LEN_NUMBER && S("d")->line_height.abs == 2);
    CHECK_STR(S("d")->font_family, "Courier");
    CHECK(S("e")->font_variant == FO_FONT_VARIANT_SMALL_CAPS && S("e")->font_weight == 300);
    CHECK_NEAR(S("e")->font_size, 10, EPS);
    CHECK_LEN(S("e")->line_height, 12, 0);
    CHECK(nwarn == 0);
    load("<fo:block font-size='10pt'><fo:block id='c' font='14pt'/></fo:block>");   /* no family: */
    CHECK_NEAR(S("c")->font_size, 10, EPS);                   /* not even the size applies */
    CHECK(warned("'14pt' is not a valid value for font on fo:block; ignored"));
    const FoStyle *s = block("font='bold'");                  /* no size, no family */
    CHECK(s->font_weight == 400);
    CHECK(warned("'bold' is not a valid value for font on fo:block; ignored"));
    block("font='caption'");
    CHECK(warned("the system font 'caption' is not supported"));
}

TEST(white_space_and_page_break_shorthands)
{
    const FoStyle *s = block("white-space='pre'");
    CHECK(s->linefeed_treatment == FO_LF_PRESERVE && s->white_space_collapse == 0);
    CHECK(s->white_space_treatment == FO_WS_PRESERVE && s->wrap_option == FO_NO_WRAP);
    s = block("white-space='nowrap'");
    CHECK(s->linefeed_treatment == FO_LF_TREAT_AS_SPACE && s->white_space_collapse == 1);
    CHECK(s->wrap_option == FO_NO_WRAP);
    CHECK(block("white-space='normal'")->wrap_option == FO_WRAP);
    s = block("page-break-before='always' page-break-after='avoid' page-break-inside='avoid'");
    CHECK(s->break_before == FO_BREAK_PAGE && s->break_after == FO_BREAK_AUTO);
    CHECK(s->keep_with_next.within_page == FO_KEEP_ALWAYS);
    CHECK(s->keep_together.within_page == FO_KEEP_ALWAYS && s->keep_together.within_line == 0);
    s = block("page-break-before='left' page-break-after='right'");
    CHECK(s->break_before == FO_BREAK_EVEN_PAGE && s->break_after == FO_BREAK_ODD_PAGE);
    s = block("page-break-before='avoid'");
    CHECK(s->keep_with_previous.within_page == FO_KEEP_ALWAYS);
    CHECK(block("break-after='column' page-break-after='always'")->break_after == FO_BREAK_COLUMN);
    CHECK(nwarn == 0);
}

TEST(xml_lang_sets_language_and_country)
{
    load("<fo:block id='a' xml:lang='en-GB'><fo:block id='b'/><fo:block id='c' xml:lang='fr'/>"
         "<fo:block id='d' xml:lang='zh-Hant-TW'/><fo:block id='e' country='us' language='EN'/>"
         "<fo:block id='f' language='none' country='none'/><fo:block id='g' xml:lang='es-419'/></fo:block>");
    CHECK_STR(S("a")->language, "en");
    CHECK_STR(S("a")->country, "GB");
    CHECK_STR(S("b")->language, "en");          /* inherited */
    CHECK_STR(S("b")->country, "GB");
    CHECK_STR(S("c")->language, "fr");
    CHECK_STR(S("c")->country, "");
    CHECK_STR(S("d")->language, "zh");
    CHECK_STR(S("d")->country, "TW");
    CHECK_STR(S("e")->language, "en");
    CHECK_STR(S("e")->country, "US");
    CHECK_STR(S("f")->language, "");
    CHECK_STR(S("g")->country, "419");
    CHECK(nwarn == 0);
    CHECK_STR(block("xml:lang='english-please'")->language, "");
    CHECK(nwarn == 1);
}

/* ---------------------------------------------------------------------- */
/* Compound values                                                         */

TEST(space_components_and_conditionality)
{
    static const char *const orders[] = {
        "space-before='6pt' space-before.minimum='2pt' space-before.precedence='force' "
        "space-before.conditionality='retain'",
        "space-before.conditionality='retain' space-before.precedence='force' "
        "space-before.minimum='2pt' space-before='6pt'",
    };
    for (int i = 0; i < 2; i++) {
        const FoStyle *s = block(orders[i]);
        CHECK_NEAR(s->space_before.min, 2, EPS);
        CHECK_NEAR(s->space_before.opt, 6, EPS);
        CHECK_NEAR(s->space_before.max, 6, EPS);
        CHECK(s->space_before.precedence == FO_PRECEDENCE_FORCE);
        CHECK(s->space_before.discard == 0);
    }
    const FoStyle *s = block("space-after='3pt' space-after.precedence='5' space-after.maximum='9pt'");
    CHECK(s->space_after.precedence == 5 && s->space_after.discard == 1);
    CHECK_NEAR(s->space_after.max, 9, EPS);
    s = block("space-start='-2pt' space-end.optimum='1em'");
    CHECK_NEAR(s->space_start.min, -2, EPS);
    CHECK_NEAR(s->space_end.opt, 12, EPS);
    CHECK(nwarn == 0);
    s = block("space-before.conditionality='maybe' space-before.precedence='high'");
    CHECK(s->space_before.discard == 1 && s->space_before.precedence == 0);
    CHECK(nwarn == 2);
    /* not inherited */
    load("<fo:block space-before='5pt'><fo:block id='c'/></fo:block>");
    CHECK_NEAR(S("c")->space_before.opt, 0, EPS);
}

TEST(keeps)
{
    const FoStyle *s = block("keep-together='always'");
    CHECK(s->keep_together.within_line == FO_KEEP_ALWAYS && s->keep_together.within_column == FO_KEEP_ALWAYS);
    CHECK(s->keep_together.within_page == FO_KEEP_ALWAYS);
    s = block("keep-with-next.within-page='5' keep-with-previous='3'");
    CHECK(s->keep_with_next.within_page == 5 && s->keep_with_next.within_column == 0);
    CHECK(s->keep_with_previous.within_line == 3 && s->keep_with_previous.within_page == 3);
    s = block("keep-together.within-column='always' keep-together='auto'");
    CHECK(s->keep_together.within_column == FO_KEEP_ALWAYS && s->keep_together.within_page == 0);
    CHECK(nwarn == 0);
    s = block("keep-with-next='never' keep-together='-1'");
    CHECK(s->keep_with_next.within_page == 0);
    CHECK(nwarn == 2);
    /* keep-together is inherited (XSL 1.1 §7.20.3), keep-with-next is not */
    load("<fo:block keep-together.within-page='always' keep-with-next='always'><fo:block id='c'/></fo:block>");
    CHECK(S("c")->keep_together.within_page == FO_KEEP_ALWAYS);
    CHECK(S("c")->keep_with_next.within_page == 0);
}

TEST(dimensions_and_ranges)
{
    const FoStyle *s = block("width='10cm' height='2in'");
    CHECK_LEN(s->width, 100 * PT_PER_MM, 0);
    CHECK_LEN(s->inline_progression_dimension.min, 100 * PT_PER_MM, 0);
    CHECK_LEN(s->inline_progression_dimension.max, 100 * PT_PER_MM, 0);
    CHECK_LEN(s->height, 144, 0);
    CHECK_LEN(s->block_progression_dimension.opt, 144, 0);
    s = block("width='10cm' inline-progression-dimension.minimum='5cm'");
    CHECK_LEN(s->inline_progression_dimension.min, 50 * PT_PER_MM, 0);
    CHECK_LEN(s->width, 100 * PT_PER_MM, 0);
    s = block("block-progression-dimension.maximum='3in' block-progression-dimension.optimum='auto'");
    CHECK_LEN(s->block_progression_dimension.max, 216, 0);
    CHECK(s->height.kind == FO_LEN_AUTO);
    s = block("leader-length='2in' leader-length.minimum='1in' leader-pattern='dots' "
              "leader-pattern-width='5pt' rule-thickness='0.5pt' rule-style='dashed'");
    CHECK_LEN(s->leader_length.min, 72, 0);
    CHECK_LEN(s->leader_length.opt, 144, 0);
    CHECK_LEN(s->leader_length.max, 144, 0);
    CHECK(s->leader_pattern == FO_LEADER_DOTS && s->rule_style == FO_RULE_DASHED);
    CHECK_LEN(s->leader_pattern_width, 5, 0);
    CHECK_NEAR(s->rule_thickness, 0.5, EPS);
    s = block("content-width='scale-to-fit' content-height='50%' scaling='non-uniform'");
    CHECK(s->content_width.kind == FO_LEN_SCALE_TO_FIT);
    CHECK_LEN(s->content_height, 0, 0.5);
    CHECK(s->scaling == FO_SCALING_NON_UNIFORM);
    s = block("border-separation='2pt'");
    CHECK_NEAR(s->border_separation_ipd, 2, EPS);
    CHECK_NEAR(s->border_separation_bpd, 2, EPS);
    s = block("border-separation='2pt 3pt'");
    CHECK_NEAR(s->border_separation_ipd, 2, EPS);
    CHECK_NEAR(s->border_separation_bpd, 3, EPS);
    s = block("border-separation.block-progression-direction='4pt' border-spacing='1pt'");
    CHECK_NEAR(s->border_separation_ipd, 1, EPS);
    CHECK_NEAR(s->border_separation_bpd, 4, EPS);
    s = block("letter-spacing='1pt' word-spacing.optimum='2pt' word-spacing.minimum='0pt'");
    CHECK_LEN(s->letter_spacing, 1, 0);
    CHECK_LEN(s->word_spacing, 2, 0);
    s = block("top='1pt' left='-2pt' right='auto' absolute-position='absolute'");
    CHECK_LEN(s->top, 1, 0);
    CHECK_LEN(s->left, -2, 0);
    CHECK(s->right.kind == FO_LEN_AUTO && s->bottom.kind == FO_LEN_AUTO);
    CHECK(s->absolute_position == FO_POSITION_ABSOLUTE);
    CHECK(nwarn == 0);
}

TEST(inherit_keyword)
{
    load("<fo:block padding-start='3pt' color='red' border='2pt solid blue' margin='4pt' keep-with-next='always'>"
         "<fo:block id='c' padding-start='inherit' border='inherit' margin-left=' inherit ' color='green' "
         "  keep-with-next='inherit' font-size='inherit'/></fo:block>");
    const FoStyle *c = S("c");
    CHECK_LEN(c->padding[FO_START].length, 3, 0);
    CHECK_NEAR(c->border[FO_BEFORE].width, 2, EPS);
    CHECK(c->border[FO_BEFORE].color == 0x0000FFFF);   /* the parent's, not the element's green */
    CHECK_LEN(c->margin_left, 4, 0);
    CHECK(c->keep_with_next.within_page == FO_KEEP_ALWAYS);
    CHECK(nwarn == 0);
}

/* ---------------------------------------------------------------------- */
/* Corresponding properties (§5.3.2)                                       */

TEST(margin_to_start_indent_nested)
{
    load("<fo:block start-indent='10pt'>"
         "  <fo:block id='c' margin-left='5pt' border-start-width='1pt' border-start-style='solid' "
         "    padding-left='2pt'>"
         "    <fo:block id='g'/>"
         "  </fo:block>"
         "</fo:block>");
    CHECK_LEN(S("c")->start_indent, 18, 0);          /* 10 inherited + 5 + 1 + 2 */
    CHECK_LEN(S("g")->start_indent, 18, 0);          /* and inherited from there */
    load("<fo:block start-indent='10pt'><fo:block id='c' margin='5pt' padding='2pt' border='1pt solid'/></fo:block>");
    CHECK_LEN(S("c")->start_indent, 18, 0);
    CHECK_LEN(S("c")->end_indent, 8, 0);
    CHECK_NEAR(S("c")->space_before.opt, 5, EPS);
    /* the margin's percentage is carried */
    load("<fo:block start-indent='10pt'><fo:block id='c' margin-left='10%'/></fo:block>");
    CHECK_LEN(S("c")->start_indent, 10, 0.1);
    /* an explicit indent wins; with neither, the inherited value */
    load("<fo:block start-indent='10pt'><fo:block id='c' margin-left='5pt' start-indent='3pt'/>"
         "<fo:block id='d' padding-left='4pt'/></fo:block>");
    CHECK_LEN(S("c")->start_indent, 3, 0);
    CHECK_LEN(S("d")->start_indent, 10, 0);
    CHECK(nwarn == 0);
}

TEST(margin_to_space_before_and_after)
{
    const FoStyle *s = block("margin-top='6pt' margin-bottom='4pt'");
    CHECK_NEAR(s->space_before.min, 6, EPS);
    CHECK_NEAR(s->space_before.opt, 6, EPS);
    CHECK_NEAR(s->space_before.max, 6, EPS);
    CHECK(s->space_before.discard == 0);           /* margins are retained, as in CSS */
    CHECK(s->space_before.precedence == 0);
    CHECK_NEAR(s->space_after.opt, 4, EPS);
    s = block("margin-top='6pt' space-before='2pt'");
    CHECK_NEAR(s->space_before.opt, 2, EPS);
    CHECK(s->space_before.discard == 1);
    s = block("margin-top='6pt' space-before.optimum='3pt'");
    CHECK_NEAR(s->space_before.opt, 3, EPS);
    CHECK_NEAR(s->space_before.min, 0, EPS);
    s = block("margin-top='auto'");
    CHECK_NEAR(s->space_before.opt, 0, EPS);
}

TEST(table_cells_and_inlines)
{
    load("<fo:block start-indent='10pt' end-indent='8pt'><fo:table><fo:table-body><fo:table-row>"
         "<fo:table-cell id='a'><fo:block id='ab'/></fo:table-cell>"
         "<fo:table-cell id='b' margin-left='4pt' padding-left='1pt'/>"
         "</fo:table-row></fo:table-body></fo:table>"
         "<fo:block id='blk'><fo:inline id='i' margin-left='5pt' margin-right='1pt'/></fo:block></fo:block>");
    CHECK_LEN(S("a")->start_indent, 0, 0);       /* cells establish the indent reference */
    CHECK_LEN(S("a")->end_indent, 0, 0);
    CHECK_LEN(S("ab")->start_indent, 0, 0);
    CHECK_LEN(S("b")->start_indent, 5, 0);
    CHECK_LEN(S("i")->start_indent, 10, 0);      /* an inline's margin is a space, not an indent */
    CHECK_NEAR(S("i")->space_start.opt, 5, EPS);
    CHECK_NEAR(S("i")->space_end.opt, 1, EPS);
    CHECK_NEAR(S("b")->space_start.opt, 0, EPS);  /* a block's margin is an indent, not a space */
    load("<fo:inline id='i' margin-top='5pt' margin-left='2pt' space-start='1pt'/>");
    CHECK_NEAR(S("i")->space_before.opt, 0, EPS);
    CHECK_NEAR(S("i")->space_start.opt, 1, EPS);
}

TEST(list_block_body_start_and_label_end)
{
    load("<fo:list-block id='l' start-indent='10pt' provisional-distance-between-starts='24pt' "
         "  provisional-label-separation='6pt'>"
         "  <fo:list-item id='li'>"
         "    <fo:list-item-label id='lab' end-indent='label-end()'/>"
         "    <fo:list-item-body id='body' start-indent='body-start()'/>"
         "  </fo:list-item>"
         "</fo:list-block>");
    CHECK_LEN(S("l")->body_start, 34, 0);
    CHECK_LEN(S("body")->start_indent, 34, 0);
    CHECK_LEN(S("lab")->end_indent, -28, 1.0);   /* 100% - (10 + 24 - 6) */
    CHECK_LEN(S("li")->label_end, -28, 1.0);
    CHECK(nwarn == 0);
    /* nested lists use the nearest list-block's values */
    load("<fo:list-block provisional-distance-between-starts='20pt'><fo:list-item><fo:list-item-body "
         "  start-indent='body-start()'><fo:list-block id='inner' provisional-distance-between-starts='1cm'>"
         "<fo:list-item><fo:list-item-body id='b2' start-indent='body-start()'/></fo:list-item></fo:list-block>"
         "</fo:list-item-body></fo:list-item></fo:list-block>");
    CHECK_LEN(S("b2")->start_indent, 20 + 10 * PT_PER_MM, 0);
}

/* ---------------------------------------------------------------------- */
/* Expressions                                                             */

TEST(expressions_arithmetic)
{
    static const struct { const char *e; double abs, pct; } cases[] = {
        {"2 * 3pt + 1pt", 7, 0}, {"100% - 12pt", -12, 1.0}, {"(1pt + 2pt) * 2", 6, 0}, {"10pt div 4", 2.5, 0},
        {"-(3pt)", -3, 0}, {"- -3pt", 3, 0}, {"1in - 2 * 36pt", 0, 0}, {"abs(-2pt)", 2, 0},
        {"max(2pt, 1em)", 12, 0}, {"min(2pt, 1em)", 2, 0}, {"50% div 2 + 1cm", 72 / 2.54, 0.25},
        {"7pt mod 4pt", 3, 0}, {"floor(2.7pt)", 2, 0}, {"ceiling(2.1pt)", 3, 0}, {"round(2.5pt)", 3, 0},
        {"round(-2.5pt)", -2, 0}, {"3pt*2", 6, 0}, {"10pt-4pt", 6, 0}, {"(((((1pt)))))", 1, 0},
    };
    char buf[256];
    for (size_t i = 0; i < COCOM_ARRAY_LEN(cases); i++) {
        snprintf(buf, sizeof buf, "text-indent='%s'", cases[i].e);
        const FoStyle *s = block(buf);
        if (nwarn || fabs(s->text_indent.abs - cases[i].abs) > 1e-9 || fabs(s->text_indent.pct - cases[i].pct) > 1e-9)
            UNIT_FAIL("'%s' gave %g + %g%% (%d warnings)", cases[i].e, s->text_indent.abs,
                      s->text_indent.pct * 100, nwarn);
    }
    static const char *const bad[] = {"2pt * 3pt", "1pt + 2", "1pt div 0", "7 mod 0", "(1pt", "1pt)", "max(1pt)",
                                      "max(1pt, 2)", "unknown(1pt)", "1pt 2pt", "red + 1pt", "'a' + 1pt",
                                      "min(10%, 1pt)", "*", "-", "()", "rgb(1,2,3) + 1pt"};
    for (size_t i = 0; i < COCOM_ARRAY_LEN(bad); i++) {
        snprintf(buf, sizeof buf, "text-indent=\"%s\"", bad[i]);
        const FoStyle *s = block(buf);
        if (nwarn != 1 || s->text_indent.abs != 0)
            UNIT_FAIL("'%s' was accepted", bad[i]);
    }
    CHECK(block("widows='7 mod 4'")->widows == 3);
    CHECK(block("widows='floor(7 div 2)'")->widows == 3);
    CHECK(block("widows='2 + 1.5'")->widows == 2);     /* not an integer */
    CHECK(nwarn == 1);
    CHECK(block("color='rgb(10 * 2, 0, 255 - 5)'")->color == 0x1400FAFF);
}

TEST(expressions_property_functions)
{
    load("<fo:block font-size='10pt' color='red' start-indent='5pt' text-align='center' space-before='4pt'>"
         "<fo:block id='a' font-size='from-parent(font-size) * 2' text-indent='from-parent(start-indent) + 1pt'/>"
         "<fo:block id='b' font-size='20pt' start-indent='inherited-property-value(start-indent) * 3'/>"
         "<fo:block id='c' color='from-parent(color)' background-color='inherited-property-value(color)'/>"
         "<fo:block id='d' font-size='from-nearest-specified-value(font-size) + 2pt' "
         "  text-align-last='from-parent(text-align)' space-after='from-parent(space-before)'/>"
         "<fo:block id='e' font-size='from-parent()' widows='from-parent(orphans) + 1'/>"
         "</fo:block>");
    CHECK_NEAR(S("a")->font_size, 20, EPS);
    CHECK_LEN(S("a")->text_indent, 6, 0);
    CHECK_LEN(S("b")->start_indent, 15, 0);
    CHECK(S("c")->color == 0xFF0000FF && S("c")->background_color == 0xFF0000FF);
    CHECK_NEAR(S("d")->font_size, 12, EPS);
    CHECK(S("d")->text_align_last == FO_ALIGN_CENTER);
    CHECK_NEAR(S("d")->space_after.opt, 4, EPS);
    CHECK_NEAR(S("e")->font_size, 10, EPS);
    CHECK(S("e")->widows == 3);
    CHECK(nwarn == 0);
    const FoStyle *s = block("column-width='from-table-column(column-width)'");
    CHECK(s->column_width.kind == FO_LEN_AUTO);
    CHECK(warned("from-table-column() is not supported by cocom (in column-width on fo:block)"));
    CHECK(block("font-size='merge-property-values(font-size)'")->font_size == 12);
    CHECK(warned("merge-property-values() is not supported by cocom"));
    block("font-size='from-parent(margin)'");            /* a shorthand has no single value */
    CHECK(nwarn == 1);
    block("font-size='from-parent(no-such-property)'");
    CHECK(nwarn == 1);
}

TEST(proportional_column_width)
{
    load("<fo:table><fo:table-column id='a' column-width='proportional-column-width(2)'/>"
         "<fo:table-column id='b' column-width='30mm' number-columns-repeated='2'/>"
         "<fo:table-column id='c' column-width='25%'/></fo:table>");
    CHECK(S("a")->column_width.kind == FO_LEN_PROPORTIONAL);
    CHECK_NEAR(S("a")->column_width.abs, 2, EPS);
    CHECK_LEN(S("b")->column_width, 30 * PT_PER_MM, 0);
    CHECK(S("b")->number_columns_repeated == 2);
    CHECK_LEN(S("c")->column_width, 0, 0.25);
    CHECK(nwarn == 0);
    CHECK(block("text-indent='proportional-column-width(1)'")->text_indent.kind == FO_LEN_VALUE);
    CHECK(block("column-width='proportional-column-width(0)'")->column_width.kind == FO_LEN_AUTO);
    CHECK(nwarn == 1);
}

/* ---------------------------------------------------------------------- */
/* Warnings                                                                */

TEST(unknown_property_warned_once)
{
    load("<fo:block foo='1'/><fo:block foo='2' bar='3'/>");
    CHECK(nwarn == 2);
    CHECK(warned("test.fo:1: unknown property 'foo' on fo:block; ignored"));
    CHECK(warned("unknown property 'bar' on fo:block; ignored"));
    load("<fo:block float='left'/><fo:inline float='right' z-index='2'/>");
    CHECK(nwarn == 2);
    CHECK(warned("property 'float' is not supported by cocom; ignored"));
    CHECK(warned("property 'z-index' is not supported by cocom; ignored"));
    load("<fo:block background-image='url(x.png)' id='b'/>");
    CHECK(warned("property 'background-image' is not supported by cocom; ignored"));
    CHECK_STR(S("b")->background_image, "x.png");       /* kept for the layout to know */
    /* a bad value is warned about once per property, too */
    load("<fo:block font-size='huge'/><fo:block font-size='vast'/>");
    CHECK(nwarn == 1);
}

TEST(other_namespaces)
{
    load("<fo:block id='b' x:foo='1' x:font-size='3pt' fox:alt-text='A chart of costs' fox:other='1'/>");
    CHECK(nwarn == 0);
    CHECK_STR(S("b")->alt_text, "A chart of costs");
    CHECK_NEAR(S("b")->font_size, 12, EPS);
}

TEST(unsupported_values)
{
    CHECK(block("reference-orientation='90'")->reference_orientation == 0);
    CHECK(warned("reference-orientation='90' is not supported by cocom"));
    CHECK(block("reference-orientation='45'")->reference_orientation == 0);
    CHECK(warned("'45' is not a valid value for reference-orientation"));
    block("writing-mode='rl-tb'");
    CHECK(warned("writing-mode='rl-tb' is not supported by cocom"));
    block("writing-mode='lr-tb' reference-orientation='0'");
    CHECK(nwarn == 0);
    const FoStyle *s = block("background='#eee url(x.png) no-repeat'");
    CHECK(s->background_color == 0xEEEEEEFF);
    CHECK(warned("only the colour of background is supported"));
}

/* ---------------------------------------------------------------------- */
/* Hostile input                                                           */

TEST(clamps_huge_lengths)
{
    char big[500];
    memset(big, '9', 400);
    strcpy(big + 400, "pt");
    char attrs[1200];
    snprintf(attrs, sizeof attrs, "text-indent='%s' start-indent='-2000000pt' font-size='3e6'", big);
    const FoStyle *s = block(attrs);
    CHECK_LEN(s->text_indent, 1e6, 0);
    CHECK_LEN(s->start_indent, -1e6, 0);
    CHECK(warned("is out of range for text-indent on fo:block; clamped to +-1000000pt"));
    CHECK_NEAR(s->font_size, 12, EPS);
    snprintf(attrs, sizeof attrs, "text-indent='%s - %s'", big, big);   /* inf - inf is NaN */
    s = block(attrs);
    CHECK_LEN(s->text_indent, 0, 0);
    CHECK(nwarn == 1);
    CHECK(warned("is not a valid value for text-indent"));
}

static char *repeat(const char *prefix, const char *unit, size_t count, const char *suffix_unit)
{
    CocomBuf b = {0};
    cocom_buf_puts(&b, prefix);
    for (size_t i = 0; i < count; i++)
        cocom_buf_puts(&b, unit);
    for (size_t i = 0; suffix_unit && i < count; i++)
        cocom_buf_puts(&b, suffix_unit);
    return cocom_buf_steal(&b);
}

/* (A hang is caught by tests/run.sh's time limit on every test.) */
TEST(hostile_values_neither_crash_nor_hang)
{
    /* 10,000 nested parentheses, and 60 (within the length bound, beyond the depth) */
    char *deep = repeat("", "(", 10000, ")");
    char *attrs = cocom_xasprintf("text-indent='%s'", deep);
    CHECK_LEN(block(attrs)->text_indent, 0, 0);
    CHECK(nwarn == 1);
    free(attrs);
    free(deep);
    deep = repeat("", "(", 100, ")");
    char *mid = cocom_xasprintf("%.*s1pt%s", 100, deep, deep + 100);
    attrs = cocom_xasprintf("text-indent='%s' start-indent='%s'", mid, "((((((((((1pt))))))))))");
    const FoStyle *s = block(attrs);
    CHECK_LEN(s->text_indent, 0, 0);
    CHECK_LEN(s->start_indent, 1, 0);
    free(attrs);
    free(mid);
    free(deep);
    char *minus = repeat("", "-", 3000, NULL);
    attrs = cocom_xasprintf("text-indent='%s1pt' widows='%s'", minus, "abs(abs(abs(abs(-3))))");
    s = block(attrs);
    CHECK(s->widows == 3);
    free(attrs);
    free(minus);
    /* a 1 MB value in properties of every kind */
    char *mb = repeat("", "underline ", 100000, NULL);
    attrs = cocom_xasprintf("text-decoration='%s' font-family='%s' color='%s' start-indent='%s' "
                            "border='%s' margin='%s' font='%s' character='%s' xml:lang='%s' src='%s'",
                            mb, mb, mb, mb, mb, mb, mb, mb, mb, mb);
    s = block(attrs);
    CHECK(s->text_decoration == FO_DECORATION_UNDERLINE);
    CHECK_STR(s->font_family, "sans-serif");
    CHECK(s->color == FO_COLOR_BLACK);
    CHECK(strlen(s->src) > 900000);
    CHECK(warned("'underline underline underline underline underline underline ...' is not a valid value"));
    free(attrs);
    free(mb);
    /* a long property name */
    char *name = repeat("a", "b", 10000, NULL);
    attrs = cocom_xasprintf("%s='1'", name);
    block(attrs);
    CHECK(nwarn == 1);
    free(attrs);
    free(name);
    /* empty and blank values */
    s = block("font-size='' color=' ' margin='' border='' font='' widows='' text-decoration='' xml:lang='' "
              "font-family='' src='' line-height='' space-before='  '");
    CHECK_NEAR(s->font_size, 12, EPS);
    CHECK(s->src == NULL);
    CHECK(nwarn == 11);
}

TEST(deep_nesting)
{
    char *open = repeat("", "<fo:block start-indent='from-parent(start-indent) + 1pt' margin-top='1pt'>", 5000, NULL);
    char *close = repeat("<fo:block id='leaf'/>", "</fo:block>", 5000, NULL);
    char *body = cocom_xasprintf("%s%s", open, close);
    tree_free();
    CocomBuf b = {0};
    cocom_buf_printf(&b, "<fo:root xmlns:fo='" FO_NS "'>%s</fo:root>", body);
    xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, "test.fo", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    CHECK(doc != NULL);
    compute_doc(doc);
    CHECK_LEN(S("leaf")->start_indent, 5000, 0);
    CHECK(nwarn == 0);
    cocom_buf_free(&b);
    free(body);
    free(open);
    free(close);
}

/* Every row takes "inherit" (all at once: more than the resolver's 64
 * attribute slots on the stack), and inherited rows then equal the parent. */
TEST(every_row_accepts_inherit)
{
    CocomBuf attrs = {0};
    FoPropInfo info;
    size_t count = 0;
    for (size_t i = 0; fo_props_info(i, &info); i++) {
        if (!info.supported || strchr(info.name, ':') || strcmp(info.name, "id") == 0)
            continue;
        cocom_buf_printf(&attrs, " %s='inherit'", info.name);
        count++;
    }
    CHECK(count > 200);
    char *body = cocom_xasprintf("<fo:block font-size='9pt' color='red' start-indent='3pt' margin='2pt' "
                                 "border='1pt solid' padding='1pt' keep-together='always' xml:lang='de-AT'>"
                                 "<fo:block id='c' %s xml:lang='inherit'/></fo:block>", attrs.data);
    load(body);
    const FoStyle *c = S("c");
    CHECK(nwarn == 0);
    CHECK_NEAR(c->font_size, 9, EPS);
    CHECK(c->color == 0xFF0000FF);
    CHECK_LEN(c->start_indent, 3, 0);
    CHECK_LEN(c->margin_left, 2, 0);
    CHECK_LEN(c->padding[FO_END].length, 1, 0);
    CHECK_NEAR(c->border[FO_AFTER].width, 1, EPS);
    CHECK(c->keep_together.within_page == FO_KEEP_ALWAYS);
    CHECK_STR(c->country, "AT");
    CHECK(same_bytes(c, &tree.styles[tree.count - 2], offsetof(FoStyle, body_start)));
    free(body);
    cocom_buf_free(&attrs);
    CHECK_STR(block("role='inherit'")->role, "inherit");     /* a string is a string */
}

TEST(null_and_missing_inputs)
{
    FoStyle s;
    fo_style_compute(NULL, NULL, NULL, &s);
    CHECK(same_bytes(&s, fo_style_initial(), sizeof s));
    FoResolver r = {NULL, NULL};          /* no context: no warnings, no crash */
    const char *xml = "<b xmlns='" FO_NS "' foo='1' font-size='bad' color='red'/>";
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t", NULL, 0);
    CHECK(doc != NULL);
    if (doc) {
        fo_style_compute(&r, xmlDocGetRootElement(doc), NULL, &s);
        CHECK(s.color == 0xFF0000FF);
        xmlFreeDoc(doc);
    }
    /* a hand-made tree without a dictionary */
    xmlDocPtr d2 = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr n = xmlNewDocNode(d2, NULL, (const xmlChar *)"graphic", NULL);
    xmlDocSetRootElement(d2, n);
    xmlNewProp(n, (const xmlChar *)"src", (const xmlChar *)"url(pic.png)");
    fo_style_compute(&r, n, NULL, &s);
    xmlFreeDoc(d2);
    CHECK_STR(s.src, "pic.png");
}

/* 100,000 elements with typical attributes, all resolved.  (How fast is
 * measured in bench/, not here: timings do not belong in tests.) */
TEST(many_elements)
{
    CocomBuf b = {0};
    cocom_buf_puts(&b, "<fo:root xmlns:fo='" FO_NS "'><fo:flow font-family='Liberation Serif' font-size='10pt'>");
    for (int i = 0; i < 100000; i++)
        cocom_buf_puts(&b, "<fo:block space-after='6pt' text-align='justify' margin-left='1em' "
                           "color='#333' border-bottom='0.5pt solid silver' keep-with-next.within-page='always'/>");
    cocom_buf_puts(&b, "</fo:flow></fo:root>");
    tree_free();
    xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, "big.fo", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    cocom_buf_free(&b);
    compute_doc(doc);
    CHECK(tree.count == 100002);
    CHECK(nwarn == 0);
    CHECK_LEN(tree.styles[5000].start_indent, 10, 0);
}

int main(void)
{
    fo_props_init();
    RUN(table_inherited_rows_come_first);
    RUN(table_covers_every_field);
    RUN(table_names_known_supported_or_not);
    RUN(initial_values);
    RUN(units);
    RUN(percentages_are_fractions);
    RUN(em_uses_the_elements_font_size);
    RUN(font_size_keywords_and_relative);
    RUN(font_weight_absolute_and_relative);
    RUN(font_family_lists_interned);
    RUN(line_height_forms);
    RUN(colors_every_form);
    RUN(text_decoration_flags);
    RUN(baseline_shift_and_vertical_align);
    RUN(urls_and_strings);
    RUN(characters);
    RUN(enumerations_and_integers);
    RUN(page_master_properties);
    RUN(border_shorthand_forms);
    RUN(border_style_none_means_no_width);
    RUN(border_colour_follows_color);
    RUN(shorthand_loses_to_specific_in_both_orders);
    RUN(relative_beats_absolute);
    RUN(padding_and_margin_one_to_four_values);
    RUN(font_shorthand);
    RUN(white_space_and_page_break_shorthands);
    RUN(xml_lang_sets_language_and_country);
    RUN(space_components_and_conditionality);
    RUN(keeps);
    RUN(dimensions_and_ranges);
    RUN(inherit_keyword);
    RUN(margin_to_start_indent_nested);
    RUN(margin_to_space_before_and_after);
    RUN(table_cells_and_inlines);
    RUN(list_block_body_start_and_label_end);
    RUN(expressions_arithmetic);
    RUN(expressions_property_functions);
    RUN(proportional_column_width);
    RUN(unknown_property_warned_once);
    RUN(other_namespaces);
    RUN(unsupported_values);
    RUN(clamps_huge_lengths);
    RUN(hostile_values_neither_crash_nor_hang);
    RUN(deep_nesting);
    RUN(every_row_accepts_inherit);
    RUN(null_and_missing_inputs);
    RUN(many_elements);
    tree_free();
    if (ctx)
        cocom_context_destroy(ctx);
    cocom_buf_free(&warnings);
    xmlCleanupParser();
    return unit_done();
}
