/* fo-props-value.c — the value grammar of the XSL-FO properties.
 *
 * Values are parsed by kind.  Plain keywords and plain lengths take a fast
 * path (fo_props_simple_value); anything else goes through the evaluator
 * of fo-props-expr.c.  Here are the pieces both use: the lexer, colours,
 * the warnings (once per kind and property, with FILE:LINE), and the
 * conversions of a Value into the typed fields of FoStyle, with their
 * bounds (lengths clamped to +-1e6pt, NaN refused).
 *
 * Nothing here allocates per element.  Strings that must be rewritten
 * (url(...) unwrapped, a value with entity references) go to the
 * document's xmlDict, so they live exactly as long as the document;
 * font-family lists go to a process-wide pool so that equal lists are the
 * same pointer, which the text module uses as a cache key.  Callers free
 * nothing these functions return.
 */
#include "config.h"
#include "fo-props-impl.h"

#include <libxml/dict.h>
#include <libxml/xmlstring.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t family_lock = PTHREAD_MUTEX_INITIALIZER;
static CocomMap family_pool;        /* normalised family list -> interned copy */

/* ---------------------------------------------------------------------- */
/* Warnings: once per kind and property name, with FILE:LINE                */

const char *fo_props_element_name(const Ctx *c)
{
    return c->node && c->node->name ? (const char *)c->node->name : "?";
}

void fo_props_warn(Ctx *c, const char *what, const char *name, const char *fmt, ...)
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

const char *fo_props_fallback_phrase(const PropRow *row)
{
    if (row->kind >= K_SH_BORDER)
        return "ignored";
    return row->inherited ? "using the inherited value" : "using the initial value";
}

void fo_props_warn_invalid(Ctx *c, const PropRow *row, const char *s, size_t n)
{
    fo_props_warn(c, "value", row->name, "'%.*s%s' is not a valid value for %s on fo:%s; %s",
         SHOWN(n), s, MORE(n), row->name, fo_props_element_name(c), fo_props_fallback_phrase(row));
}

/* ---------------------------------------------------------------------- */
/* Strings that outlive the element                                        */

/* A copy of s[0..n) that lives as long as the document: the text itself
 * when it is a whole attribute value owned by the document (or a static
 * initial value), else the document's dictionary. */
const char *fo_props_keep_string(Ctx *c, const char *s, size_t n)
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
int fo_props_color_from_hex(const char *s, size_t n, FoColor *out)
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

/* fo_props_init() checks once that the names above are in order, which
 * the binary search needs. */
void fo_props_check_colors(void)
{
    for (size_t i = 1; i < COCOM_ARRAY_LEN(named_colors); i++)
        if (strcmp(named_colors[i - 1].name, named_colors[i].name) >= 0) {
            fprintf(stderr, "cocom: fo-props: colour names out of order at '%s'\n", named_colors[i].name);
            abort();
        }
}

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
int fo_props_lex_numeric(const char **pp, const char *end, double em, Value *v)
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
int fo_props_simple_value(const Ctx *c, const char *s, size_t n, Value *v)
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
        return fo_props_color_from_hex(s + 1, n - 1, &v->color);
    }
    int neg = 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (!fo_props_lex_numeric(&p, end, c->em, v) || p != end)
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

void fo_props_value_word(Value *v, const char *w)
{
    memset(v, 0, sizeof *v);
    v->t = V_WORD;
    v->s = w;
    v->len = strlen(w);
}

void fo_props_value_length(Value *v, FoLength l)
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
        fo_props_value_word(v, length_keyword[l.kind]);
    }
}

void fo_props_value_points(Value *v, double pt)
{
    memset(v, 0, sizeof *v);
    v->t = V_LEN;
    v->n = pt;
}

void fo_props_value_number(Value *v, double x)
{
    memset(v, 0, sizeof *v);
    v->t = V_NUM;
    v->n = x;
}

void fo_props_value_string(Value *v, const char *s)
{
    memset(v, 0, sizeof *v);
    v->t = V_STR;
    v->s = s ? s : "";
    v->len = strlen(v->s);
}

/* Writes code point cp as UTF-8 into buf (4 bytes at most); returns the
 * number of bytes, 0 for what is no character. */
int fo_props_utf8_encode(uint32_t cp, char *buf)
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

/* ---------------------------------------------------------------------- */
/* Converting values to the typed fields                                   */

/* Lengths beyond +-1e6pt are clamped (and warned about); NaN is refused. */
int fo_props_clamp(Ctx *c, double *x, double limit)
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

int fo_props_word_is(const Value *v, const char *w)
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
        if ((flags & kw[i].flag) && fo_props_word_is(v, kw[i].word)) {
            *kind = kw[i].kind;
            return 1;
        }
    return 0;
}

int fo_props_to_length(Ctx *c, const Value *v, unsigned flags, FoLength *out)
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
        if (!fo_props_clamp(c, &l.abs, MAX_POINTS) || !fo_props_clamp(c, &l.pct, MAX_FRACTION))
            return 0;
        break;
    case V_PROP:
        if (!(flags & F_PROPORTIONAL) || isnan(v->n))
            return 0;
        l.kind = FO_LEN_PROPORTIONAL;
        l.abs = v->n;
        fo_props_clamp(c, &l.abs, MAX_POINTS);
        break;
    default:
        return 0;
    }
    *out = l;
    return 1;
}

/* A length in points with no percentage: rule-thickness, space components ... */
int fo_props_to_points(Ctx *c, const Value *v, unsigned flags, double *out)
{
    FoLength l;
    if (!fo_props_to_length(c, v, flags & (F_NEG), &l) || l.kind != FO_LEN_VALUE)
        return 0;
    *out = l.abs;
    return 1;
}

int fo_props_to_integer(const Value *v, unsigned flags, int32_t *out)
{
    if (v->t != V_NUM || v->n != floor(v->n) || fabs(v->n) > (double)(INT32_MAX - 1))
        return 0;
    int32_t i = (int32_t)v->n;
    if ((flags & F_POSITIVE) ? i < 1 : (!(flags & F_NEG) && i < 0))
        return 0;
    *out = i;
    return 1;
}

int fo_props_to_color(const Value *v, FoColor *out)
{
    if (v->t == V_COLOR) {
        *out = v->color;
        return 1;
    }
    if (v->t == V_WORD)
        return color_by_name(v->s, v->len, out);
    return 0;
}

int fo_props_to_keyword(const Value *v, const char *keywords, uint8_t *out)
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
int fo_props_to_border_width(Ctx *c, const Value *v, double *out)
{
    if (fo_props_word_is(v, "thin")) *out = 0.5;
    else if (fo_props_word_is(v, "medium")) *out = 1.0;
    else if (fo_props_word_is(v, "thick")) *out = 2.0;
    else return fo_props_to_points(c, v, 0, out);
    return 1;
}

/* font-size (§7.9.4): absolute keywords step by 1.2 from medium = 12pt;
 * larger/smaller, em and % are relative to the parent's font-size. */
int fo_props_to_font_size(Ctx *c, const Value *v, double *out)
{
    static const char *const sizes[] = {"xx-small", "x-small", "small", "medium", "large",
                                        "x-large", "xx-large"};
    double parent = c->parent->font_size;
    if (v->t == V_WORD) {
        for (int i = 0; i < 7; i++)
            if (fo_props_word_is(v, sizes[i])) {
                *out = 12.0 * pow(1.2, i - 3);
                return 1;
            }
        if (fo_props_word_is(v, "larger")) *out = parent * 1.2;
        else if (fo_props_word_is(v, "smaller")) *out = parent / 1.2;
        else return 0;
        return 1;
    }
    if (v->t != V_LEN)
        return v->t == V_NUM && v->n == 0 ? (*out = 0, 1) : 0;
    double x = v->n + v->pct * parent;
    if (x < 0 || !fo_props_clamp(c, &x, MAX_POINTS))
        return 0;
    *out = x;
    return 1;
}

/* font-weight: bolder and lighter follow the CSS 2.1 table. */
int fo_props_to_font_weight(const Value *v, int parent, int16_t *out)
{
    /* indexed by the parent's weight / 100 */
    static const int16_t bolder[10] = {0, 400, 400, 400, 700, 700, 900, 900, 900, 900};
    static const int16_t lighter[10] = {0, 100, 100, 100, 100, 100, 400, 400, 700, 700};
    int p = parent / 100;
    p = p < 1 ? 1 : p > 9 ? 9 : p;
    if (fo_props_word_is(v, "normal")) *out = 400;
    else if (fo_props_word_is(v, "bold")) *out = 700;
    else if (fo_props_word_is(v, "bolder")) *out = bolder[p];
    else if (fo_props_word_is(v, "lighter")) *out = lighter[p];
    else if (v->t == V_NUM && v->n >= 1 && v->n <= 1000) {
        int w = (int)lround(v->n / 100.0) * 100;
        *out = (int16_t)(w < 100 ? 100 : w > 900 ? 900 : w);
    } else return 0;
    return 1;
}

/* line-height (§7.16.4): normal | <number> | <length> | <percentage>.  A
 * number is kept (children scale it by their own font-size); a length or
 * percentage is resolved now against this element's font-size. */
int fo_props_to_line_height(Ctx *c, const Value *v, FoLength *out)
{
    FoLength l = {0, 0, FO_LEN_VALUE};
    if (fo_props_word_is(v, "normal")) {
        l.kind = FO_LEN_NORMAL;
    } else if (v->t == V_NUM && v->n >= 0) {
        l.kind = FO_LEN_NUMBER;
        l.abs = v->n;
        if (!fo_props_clamp(c, &l.abs, MAX_FRACTION))
            return 0;
    } else if (v->t == V_LEN) {
        l.abs = v->n + v->pct * c->cur->font_size;
        if (l.abs < 0 || !fo_props_clamp(c, &l.abs, MAX_POINTS))
            return 0;
    } else {
        return 0;
    }
    *out = l;
    return 1;
}

/* auto | always | <integer>: the strength of a keep (§7.20). */
int fo_props_to_keep_strength(const Value *v, int32_t *out)
{
    if (fo_props_word_is(v, "auto")) *out = 0;
    else if (fo_props_word_is(v, "always")) *out = FO_KEEP_ALWAYS;
    else return fo_props_to_integer(v, F_POSITIVE, out);
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Kinds whose value is text rather than an expression                     */

/* url(...), url('...') or a bare URI (§5.11 <uri-specification>). */
int fo_props_parse_url(Ctx *c, const char *s, size_t n, const char **out)
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
    *out = fo_props_keep_string(c, s, n);
    return 1;
}

/* Exactly one Unicode character (whitespace is significant here). */
int fo_props_parse_character(const char *s, size_t n, uint32_t *out)
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
int fo_props_parse_font_family(Ctx *c, const char *s, size_t n, const char **out)
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
int fo_props_parse_text_decoration(const char *s, size_t n, uint8_t *out)
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
int fo_props_code_ok(const char *s, size_t n, int digits_ok)
{
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_alpha((unsigned char)s[i]) && !(digits_ok && is_digit((unsigned char)s[i])))
            return 0;
    return 1;
}

void fo_props_store_code(char dst[4], const char *s, size_t n, int upper)
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
int fo_props_parse_xml_lang(const char *s, size_t n, char lang[4], char country[4])
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
            if (!fo_props_code_ok(p, m, 0))
                return 0;
            fo_props_store_code(lang, p, m, 0);
        } else if (!country[0] && ((m == 2 && fo_props_code_ok(p, m, 0)) || (m == 3 && is_digit((unsigned char)p[0])
                                                                      && fo_props_code_ok(p, m, 1)))) {
            fo_props_store_code(country, p, m, 1);
        }
        index++;
        p = q + 1;
    }
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Single values, and the table's view                                    */

int fo_parse_color(const char *text, FoColor *out)
{
    const FoStyle *init = fo_style_initial();
    Ctx c = {.parent = init, .cur = init, .row = fo_props_find_row("color"), .em = init->font_size};
    Value v;
    FoColor col;
    if (!text || !fo_props_value_of(&c, text, strlen(text), &v) || !fo_props_to_color(&v, &col))
        return 0;
    *out = col;
    return 1;
}

int fo_parse_length(const char *text, double font_size, FoLength *out)
{
    const FoStyle *init = fo_style_initial();
    Ctx c = {.parent = init, .cur = init, .row = fo_props_find_row("width"), .em = font_size};
    Value v;
    FoLength l;
    if (!text || !fo_props_value_of(&c, text, strlen(text), &v) || !fo_props_to_length(&c, &v, F_PCT | F_NEG | F_AUTO, &l))
        return 0;
    *out = l;
    return 1;
}
