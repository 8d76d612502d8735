/* fo-props-impl.h — what the files of the property module share, and
 * nothing else may include: the row type of the property table, the state
 * of one element's resolution (Ctx), the value an expression evaluates to,
 * a few text helpers, and the functions one file offers the others.
 *
 * The module is four files along its concepts:
 *   fo-props-table.c   the table of properties, the process-wide initial
 *                      style, and looking a property up by name
 *   fo-props-value.c   the value grammar: lexing, warnings, colours, the
 *                      typed conversions (to_length ...), single values
 *   fo-props-expr.c    the expression evaluator of XSL 1.1 §5.9
 *   fo-props-style.c   the resolver: shorthands, phases, inheritance,
 *                      corresponding properties, fo_style_compute()
 * Other modules code against fo-props.h; the unit tests may also read the
 * table through fo-props-private.h.  Nothing declared here allocates,
 * except where a comment says so. */
#ifndef COCOM_FO_PROPS_IMPL_H
#define COCOM_FO_PROPS_IMPL_H

#include "fo-props.h"
#include "util.h"

#include <stddef.h>
#include <stdint.h>
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

#define BOOL_KW "false true"
#define BORDER_STYLE_KW "none hidden dotted dashed solid double groove ridge inset outset"
#define SIDE(s) (1u << (s))
#define ALL_SIDES 0xFu

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

/* At most 60 bytes of a value in a message (a 1 MB value stays readable). */
#define SHOWN(n) ((int)((n) > 60 ? 60 : (n)))
#define MORE(n) ((n) > 60 ? "..." : "")

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

/* ---------------------------------------------------------------------- */
/* Small text helpers                                                      */

static inline int is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }
static inline int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static inline int is_alpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static inline int name_start(int ch) { return is_alpha(ch) || ch == '_'; }
static inline int name_char(int ch) { return name_start(ch) || is_digit(ch) || ch == '-' || ch == '.'; }

static inline void trim(const char **s, size_t *n)
{
    while (*n && is_space((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static inline int eq(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n == m && memcmp(s, lit, m) == 0;
}

/* The index of word s[0..n) in a space-separated keyword list, or -1. */
static inline int keyword_index(const char *list, const char *s, size_t n)
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
static inline int keyword_at(const char *list, int index, const char **s, size_t *n)
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
static inline int next_token(const char **p, const char *end, const char **tok, size_t *len)
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
/* fo-props-table.c                                                        */

/* The row of a property name, or NULL.  Needs fo_props_init(). */
const PropRow *fo_props_find_row(const char *name);

/* The row for an attribute of c->node, or NULL (after warning, once, when
 * it is unknown or unsupported; attributes of other vocabularies are
 * ignored in silence, except xml:lang and fox:alt-text). */
const PropRow *fo_props_attr_row(Ctx *c, xmlAttrPtr a);

/* The initial style as specified, before fo_props_finish_style(): the base
 * of every element's non-inherited block.  Static; never NULL. */
const FoStyle *fo_props_initial_specified(void);

/* ---------------------------------------------------------------------- */
/* fo-props-value.c                                                        */

/* The local name of the element being resolved, or "?". */
const char *fo_props_element_name(const Ctx *c);

/* Warns once per kind `what` and property name, with FILE:LINE; silent
 * while building the initial style (no resolver). */
void fo_props_warn(Ctx *c, const char *what, const char *name, const char *fmt, ...) COCOM_PRINTF(4, 5);
/* "using the initial value" and the like: what happens after a bad value. */
const char *fo_props_fallback_phrase(const PropRow *row);
void fo_props_warn_invalid(Ctx *c, const PropRow *row, const char *s, size_t n);

/* A copy of s[0..n) that lives as long as the document (or the process,
 * for a tree without a dictionary); the caller frees nothing. */
const char *fo_props_keep_string(Ctx *c, const char *s, size_t n);

/* Aborts when the colour names are out of order (fo_props_init()). */
void fo_props_check_colors(void);
int fo_props_color_from_hex(const char *s, size_t n, FoColor *out);

/* Lexing: a number with its unit at *pp (advanced past it). */
int fo_props_lex_numeric(const char **pp, const char *end, double em, Value *v);
/* The fast path: a plain keyword, number, length or colour, or 0. */
int fo_props_simple_value(const Ctx *c, const char *s, size_t n, Value *v);
void fo_props_value_word(Value *v, const char *w);
void fo_props_value_length(Value *v, FoLength l);
void fo_props_value_points(Value *v, double pt);
void fo_props_value_number(Value *v, double x);
void fo_props_value_string(Value *v, const char *s);
int fo_props_utf8_encode(uint32_t cp, char *buf);

/* Converting values to the typed fields: 1 on success, 0 for a value the
 * property does not accept. */
int fo_props_clamp(Ctx *c, double *x, double limit);
int fo_props_word_is(const Value *v, const char *w);
int fo_props_to_length(Ctx *c, const Value *v, unsigned flags, FoLength *out);
int fo_props_to_points(Ctx *c, const Value *v, unsigned flags, double *out);
int fo_props_to_integer(const Value *v, unsigned flags, int32_t *out);
int fo_props_to_color(const Value *v, FoColor *out);
int fo_props_to_keyword(const Value *v, const char *keywords, uint8_t *out);
int fo_props_to_border_width(Ctx *c, const Value *v, double *out);
int fo_props_to_font_size(Ctx *c, const Value *v, double *out);
int fo_props_to_font_weight(const Value *v, int parent, int16_t *out);
int fo_props_to_line_height(Ctx *c, const Value *v, FoLength *out);
int fo_props_to_keep_strength(const Value *v, int32_t *out);
int fo_props_parse_url(Ctx *c, const char *s, size_t n, const char **out);
int fo_props_parse_character(const char *s, size_t n, uint32_t *out);
int fo_props_parse_font_family(Ctx *c, const char *s, size_t n, const char **out);
int fo_props_parse_text_decoration(const char *s, size_t n, uint8_t *out);
int fo_props_code_ok(const char *s, size_t n, int digits_ok);
void fo_props_store_code(char dst[4], const char *s, size_t n, int upper);
int fo_props_parse_xml_lang(const char *s, size_t n, char lang[4], char country[4]);

/* ---------------------------------------------------------------------- */
/* fo-props-expr.c                                                         */

/* The value of s[0..n): the fast path, else the evaluator, which sees at
 * most MAX_EXPRESSION bytes.  1 when the whole text is one value. */
int fo_props_value_of(Ctx *c, const char *s, size_t n, Value *v);

/* ---------------------------------------------------------------------- */
/* fo-props-style.c                                                        */

/* Applies one value text of row in the given phase; 0 when it is invalid. */
int fo_props_apply_text(Ctx *c, const PropRow *row, const char *s, size_t n, int phase);
/* The rules after the attributes: corresponding properties, computed
 * border widths, region names (XSL 1.1 §5.3.2). */
void fo_props_finish_style(Ctx *c);

#endif
