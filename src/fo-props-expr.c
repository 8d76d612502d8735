/* fo-props-expr.c — the expression language of XSL 1.1 §5.9.
 *
 * A value that is not a plain keyword, number, length or colour goes
 * through a small recursive-descent evaluator: arithmetic on numbers and
 * lengths, the core functions (rgb(), from-parent(), inherited-property-
 * value(), proportional-column-width(), body-start() ...).  It is bounded
 * in depth (MAX_DEPTH) and in input length (MAX_EXPRESSION), so a hostile
 * value costs little.  Nothing here allocates: Values point into the text
 * being evaluated or into the styles read.
 */
#include "config.h"
#include "fo-props-impl.h"

#include <math.h>
#include <stdio.h>

/* The computed value of `row` in style st, as an expression value. */
static int read_value(const FoStyle *st, const PropRow *row, Value *v)
{
    if (row->offset == NO_FIELD)
        return 0;
    const void *f = (const char *)st + row->offset;
    switch (row->kind) {
    case K_LENGTH: case K_LINE_HEIGHT:
        fo_props_value_length(v, *(const FoLength *)f);
        return v->t != V_NONE;
    case K_LENGTH_RANGE:
        fo_props_value_length(v, ((const FoLengthRange *)f)->opt);
        return v->t != V_NONE;
    case K_POINTS: case K_BORDER_WIDTH: case K_FONT_SIZE: case K_BORDER_SEPARATION:
        fo_props_value_points(v, *(const double *)f);
        return 1;
    case K_SPACE:
        fo_props_value_points(v, ((const FoSpace *)f)->opt);
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
        fo_props_value_word(v, *(const uint8_t *)f ? "discard" : "retain");
        return 1;
    case K_INTEGER:
        fo_props_value_number(v, *(const int32_t *)f);
        return 1;
    case K_FONT_WEIGHT: case K_ORIENTATION:
        fo_props_value_number(v, *(const int16_t *)f);
        return 1;
    case K_MAXIMUM_REPEATS:
        if (*(const int32_t *)f < 0)
            fo_props_value_word(v, "no-limit");
        else
            fo_props_value_number(v, *(const int32_t *)f);
        return 1;
    case K_KEEP_STRENGTH: case K_KEEP: case K_PRECEDENCE: {
        int32_t k = row->kind == K_KEEP ? ((const FoKeep *)f)->within_page : *(const int32_t *)f;
        if (k == INT32_MAX)
            fo_props_value_word(v, row->kind == K_PRECEDENCE ? "force" : "always");
        else if (k == 0 && row->kind != K_PRECEDENCE)
            fo_props_value_word(v, "auto");
        else
            fo_props_value_number(v, k);
        return 1;
    }
    case K_STRING: case K_URL: case K_FONT_FAMILY:
        fo_props_value_string(v, *(const char *const *)f);
        return 1;
    case K_LANGUAGE: case K_COUNTRY:
        fo_props_value_string(v, (const char *)f);
        if (!v->len)
            fo_props_value_word(v, "none");
        return 1;
    case K_CHARACTER: {
        memset(v, 0, sizeof *v);
        int n = fo_props_utf8_encode(*(const uint32_t *)f, v->buf);
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
            fo_props_value_word(v, kw[kind]);
        else
            fo_props_value_number(v, st->initial_page_number);
        return 1;
    }
    case K_TEXT_DECORATION: {
        uint8_t d = *(const uint8_t *)f;
        static const char *const kw[] = {"underline", "overline", "line-through", "blink",
                                         "no-underline", "no-overline", "no-line-through"};
        if (d == 0) {
            fo_props_value_word(v, "none");
            return 1;
        }
        for (int i = 0; i < 7; i++)
            if (d == (1u << i)) {
                fo_props_value_word(v, kw[i]);
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
            fo_props_value_number(a, q);
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
    const PropRow *row = fo_props_find_row(name);
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
        fo_props_warn(c, "function", "system-color",
             "system-color() is not supported by cocom (in %s on fo:%s); %s",
             c->row->name, fo_props_element_name(c), fo_props_fallback_phrase(c->row));
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
        fo_props_warn(c, "function", "from-table-column",
             "from-table-column() is not supported by cocom (in %s on fo:%s); using the initial value",
             c->row->name, fo_props_element_name(c));
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
        fo_props_value_length(v, c->cur->body_start);
        return 1;
    }
    if (eq(name, nlen, "label-end") && argc == 0) {
        fo_props_value_length(v, c->cur->label_end);
        return 1;
    }
    if (eq(name, nlen, "merge-property-values")) {
        fo_props_warn(c, "function", "merge-property-values",
             "merge-property-values() is not supported by cocom (in %s on fo:%s); %s",
             c->row->name, fo_props_element_name(c), fo_props_fallback_phrase(c->row));
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
        return fo_props_lex_numeric(&e->p, e->end, e->c->em, v);
    if (ch == '#') {
        /* #rgb, #rrggbb; or a name such as rgb-icc()'s "#CMYK" profile */
        const char *h = e->p++;
        while (e->p < e->end && name_char((unsigned char)*e->p))
            e->p++;
        memset(v, 0, sizeof *v);
        v->t = V_COLOR;
        if (fo_props_color_from_hex(h + 1, (size_t)(e->p - h - 1), &v->color))
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
int fo_props_value_of(Ctx *c, const char *s, size_t n, Value *v)
{
    trim(&s, &n);
    if (fo_props_simple_value(c, s, n, v))
        return 1;
    if (n == 0 || n > MAX_EXPRESSION)
        return 0;
    Eval e = {c, s, s + n, 0};
    if (!ev_expr(&e, v))
        return 0;
    ev_ws(&e);
    return e.p == e.end;
}
