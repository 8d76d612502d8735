/* check.c — schema validation with messages in plain words.
 *
 * Two parts:
 *   1. libxml2's RELAX NG validator is the authority: a document is valid
 *      exactly when it says so.
 *   2. When it is not, libxml2's own messages ("Expecting an element , got
 *      nothing") rarely say what to fix.  The explainer walks the schema's
 *      XML beside the document: for each element it gathers, from the
 *      element's definition (following refs), the attributes and child
 *      elements it may or must have and the datatype of its text, and
 *      reports what is missing, unknown or of the wrong form, naming
 *      things by their l:label annotation.  If the explainer finds nothing
 *      (an ordering problem, say), libxml2's message is given instead, so
 *      no invalid document ever passes in silence.
 */
#include "config.h"
#include "check.h"
#include "load.h"
#include "rules.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlregexp.h>

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define LABEL_NS "urn:cocom:schema-labels"
#define XSD_DATATYPES "http://www.w3.org/2001/XMLSchema-datatypes"

struct CocomSchema {
    xmlDocPtr doc;             /* the schema as XML, for the explainer */
    xmlRelaxNGPtr rng;         /* compiled, for validation */
    CocomMap defines;          /* define name -> xmlNodePtr */
    CocomMap labels;           /* element name -> label (const char * into doc) */
    CocomMap hints;            /* element name -> hint */
    xmlNodePtr start;          /* the <start> pattern */
};

static int is_rng(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, RNG_NS) == 0
           && (!name || strcmp((const char *)n->name, name) == 0);
}

static const char *attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children)
            return (const char *)a->children->content;
    return NULL;
}

static const char *label_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->ns && strcmp((const char *)a->ns->href, LABEL_NS) == 0
            && strcmp((const char *)a->name, name) == 0 && a->children)
            return (const char *)a->children->content;
    return NULL;
}

static void index_schema(struct CocomSchema *s, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_rng(n, "define") && attr(n, "name")) {
            if (!cocom_map_get(&s->defines, attr(n, "name"), NULL))
                cocom_map_set(&s->defines, attr(n, "name"), (intptr_t)n);
        } else if (is_rng(n, "start") && !s->start) {
            s->start = n;
        } else if (is_rng(n, "element") && attr(n, "name")) {
            const char *l = label_attr(n, "label");
            if (l && !cocom_map_get(&s->labels, attr(n, "name"), NULL))
                cocom_map_set(&s->labels, attr(n, "name"), (intptr_t)l);
            const char *h = label_attr(n, "hint");
            if (h && !cocom_map_get(&s->hints, attr(n, "name"), NULL))
                cocom_map_set(&s->hints, attr(n, "name"), (intptr_t)h);
        }
        index_schema(s, n->children);
    }
}

static void schema_free(struct CocomSchema *s)
{
    if (!s)
        return;
    xmlRelaxNGFree(s->rng);
    xmlFreeDoc(s->doc);
    cocom_map_clear(&s->defines);
    cocom_map_clear(&s->labels);
    cocom_map_clear(&s->hints);
    free(s);
}

/* The compiled schema lives on the context under this key (context.h). */
static void schema_release(void *state)
{
    schema_free(state);
}

static const CocomContextKey schema_key = {"schema", schema_release};

static void schema_parse_error(void *user, xmlErrorPtr e)
{
    CocomContext *ctx = user;
    char *msg = cocom_xstrdup(e->message ? e->message : "error");
    size_t n = strlen(msg);
    while (n && msg[n - 1] == '\n')
        msg[--n] = '\0';
    cocom_report(ctx, COCOM_SEVERITY_ERROR, e->file, e->line, "the schema cannot be compiled: %s", msg);
    free(msg);
}

static struct CocomSchema *schema_get(CocomContext *ctx)
{
    struct CocomSchema *have = cocom_context_state(ctx, &schema_key);
    if (have)
        return have->rng ? have : NULL;   /* a failure is reported once */
    char *path = cocom_data_path(ctx, "schema/arrangement.rng");
    CocomStatus st;
    xmlDocPtr doc = cocom_load_file(ctx, path, "a RELAX NG schema", &st);
    if (!doc) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "cannot load the schema %s; is cocom installed (or COCOM_DATADIR set)?", path);
        free(path);
        cocom_context_set_state(ctx, &schema_key, cocom_xcalloc(1, sizeof(struct CocomSchema)));
        return NULL;
    }
    /* The RELAX NG compiler rewrites the tree it is given, so it gets a
     * copy and the explainer keeps the original. */
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(copy);
    xmlRelaxNGSetParserStructuredErrors(pc, schema_parse_error, ctx);
    xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    xmlFreeDoc(copy);
    if (!rng) {
        xmlFreeDoc(doc);
        free(path);
        cocom_context_set_state(ctx, &schema_key, cocom_xcalloc(1, sizeof(struct CocomSchema)));
        return NULL;
    }
    free(path);
    struct CocomSchema *s = cocom_xcalloc(1, sizeof *s);
    s->doc = doc;
    s->rng = rng;
    index_schema(s, xmlDocGetRootElement(doc));
    cocom_context_set_state(ctx, &schema_key, s);
    return s;
}

/* ------------------------------------------------------------------ */
/* What an element definition allows, gathered from its RELAX NG.       */

typedef struct {
    const char *name;
    int required;
    const char *datatype;   /* xsd type name, or NULL */
    const char *datatype2;  /* a second one allowed by a choice, or NULL */
    const char *pattern;    /* an XSD pattern facet, or NULL */
    const char *min, *max;  /* minInclusive / maxInclusive facets, or NULL */
    const char *hint;       /* its l:hint, or NULL */
    const char *values[64]; /* allowed values when an enumeration */
    int nvalues;
} AttrInfo;

typedef struct {
    const char *name;
    int required;
    xmlNodePtr def;         /* the rng:element node */
} ChildInfo;

typedef struct {
    AttrInfo attrs[64];
    int nattrs;
    ChildInfo children[128];
    int nchildren;
    const char *datatype;   /* of the element's own text, or NULL */
    const char *pattern;
    const char *min, *max;
    const char *values[64];
    int nvalues;
    int any_attributes;     /* anyName present: do not call attributes unknown */
    int any_children;
    /* A required choice between elements: at least one of these. */
    const char *one_of[16][8];
    uint8_t one_of_attr[16][8];
    int one_of_count[16];
    int n_one_of;
} ElemInfo;

static void collect(struct CocomSchema *s, xmlNodePtr pattern, int required, ElemInfo *info,
                    AttrInfo *in_attr, int depth);

static void collect_children(struct CocomSchema *s, xmlNodePtr parent, int required, ElemInfo *info,
                             AttrInfo *in_attr, int depth)
{
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            collect(s, c, required, info, in_attr, depth);
}

/* The element names a pattern can start with, for a required choice. */
static int choice_names(struct CocomSchema *s, xmlNodePtr p, const char **names, uint8_t *is_attr, int max,
                        int depth)
{
    int n = 0;
    if (depth > 32)
        return 0;
    for (xmlNodePtr c = p->children; c && n < max; c = c->next) {
        if (is_rng(c, "element") && attr(c, "name"))
            names[n++] = attr(c, "name");
        else if (is_rng(c, "attribute") && attr(c, "name")) {
            is_attr[n] = 1;
            names[n++] = attr(c, "name");
        } else if (is_rng(c, "ref") && attr(c, "name")) {
            intptr_t d;
            if (cocom_map_get(&s->defines, attr(c, "name"), &d))
                n += choice_names(s, (xmlNodePtr)d, names + n, is_attr + n, max - n, depth + 1);
        } else if (is_rng(c, "group") || is_rng(c, "oneOrMore"))
            n += choice_names(s, c, names + n, is_attr + n, max - n, depth + 1);
    }
    return n;
}

static void collect(struct CocomSchema *s, xmlNodePtr p, int required, ElemInfo *info,
                    AttrInfo *in_attr, int depth)
{
    if (depth > 64 || !is_rng(p, NULL))
        return;
    const char *k = (const char *)p->name;
    if (strcmp(k, "element") == 0) {
        if (in_attr)
            return;
        const char *name = attr(p, "name");
        if (!name) {
            info->any_children = 1;
            return;
        }
        for (int i = 0; i < info->nchildren; i++)
            if (strcmp(info->children[i].name, name) == 0) {
                info->children[i].required |= required;
                return;
            }
        if (info->nchildren < (int)COCOM_ARRAY_LEN(info->children))
            info->children[info->nchildren++] = (ChildInfo){name, required, p};
    } else if (strcmp(k, "attribute") == 0) {
        if (in_attr)
            return;
        const char *name = attr(p, "name");
        if (!name) {
            info->any_attributes = 1;
            return;
        }
        if (info->nattrs >= (int)COCOM_ARRAY_LEN(info->attrs))
            return;
        AttrInfo *a = &info->attrs[info->nattrs++];
        memset(a, 0, sizeof *a);
        a->name = name;
        a->required = required;
        a->hint = label_attr(p, "hint");
        collect_children(s, p, 1, info, a, depth + 1);
    } else if (strcmp(k, "ref") == 0) {
        intptr_t d;
        if (attr(p, "name") && cocom_map_get(&s->defines, attr(p, "name"), &d))
            collect_children(s, (xmlNodePtr)d, required, info, in_attr, depth + 1);
    } else if (strcmp(k, "optional") == 0 || strcmp(k, "zeroOrMore") == 0) {
        collect_children(s, p, 0, info, in_attr, depth + 1);
    } else if (strcmp(k, "oneOrMore") == 0 || strcmp(k, "group") == 0 || strcmp(k, "interleave") == 0
               || strcmp(k, "mixed") == 0 || strcmp(k, "list") == 0) {
        collect_children(s, p, required, info, in_attr, depth + 1);
    } else if (strcmp(k, "choice") == 0) {
        if (required && !in_attr && info->n_one_of < (int)COCOM_ARRAY_LEN(info->one_of)) {
            memset(info->one_of_attr[info->n_one_of], 0, 8);
            int n = choice_names(s, p, info->one_of[info->n_one_of], info->one_of_attr[info->n_one_of], 8, 0);
            /* Only when every branch is an element is "one of" the whole story. */
            int branches = 0;
            for (xmlNodePtr c = p->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE)
                    branches++;
            if (n >= 2 && n == branches)
                info->one_of_count[info->n_one_of++] = n;
        }
        collect_children(s, p, 0, info, in_attr, depth + 1);
    } else if (strcmp(k, "data") == 0) {
        const char *t = attr(p, "type");
        const char *pat = NULL, *min = NULL, *max = NULL;
        for (xmlNodePtr c = p->children; c; c = c->next) {
            if (!is_rng(c, "param") || !attr(c, "name") || !c->children)
                continue;
            const char *pn = attr(c, "name"), *pv = (const char *)c->children->content;
            if (strcmp(pn, "pattern") == 0)
                pat = pv;
            else if (strcmp(pn, "minInclusive") == 0)
                min = pv;
            else if (strcmp(pn, "maxInclusive") == 0)
                max = pv;
        }
        if (in_attr) {
            if (in_attr->datatype && !in_attr->datatype2 && t && strcmp(in_attr->datatype, t) != 0) {
                in_attr->datatype2 = t;   /* date | gYearMonth, say */
                return;
            }
            in_attr->datatype = t;
            in_attr->pattern = pat;
            in_attr->min = min;
            in_attr->max = max;
        } else {
            info->datatype = t;
            info->pattern = pat;
            info->min = min;
            info->max = max;
        }
    } else if (strcmp(k, "value") == 0) {
        const char *v = p->children ? (const char *)p->children->content : "";
        if (in_attr) {
            if (in_attr->nvalues < (int)COCOM_ARRAY_LEN(in_attr->values))
                in_attr->values[in_attr->nvalues++] = v;
        } else if (info->nvalues < (int)COCOM_ARRAY_LEN(info->values)) {
            info->values[info->nvalues++] = v;
        }
    }
}

/* ------------------------------------------------------------------ */
/* The explainer.                                                        */

typedef struct {
    CocomContext *ctx;
    struct CocomSchema *s;
    const char *file;
    int found;
    CocomMap ids;             /* xsd:ID values present */
    xmlNodePtr *reported;     /* the elements a finding was about */
    size_t nreported, capreported;
    struct Ref { const char *value; xmlNodePtr node; const char *attr; } *refs;
    size_t nrefs, caprefs;
} Explain;

/* Labels are noun phrases; a few are plural ("parties", "risks"). */
static int plural(const char *label)
{
    size_t n = strlen(label);
    return n > 2 && label[n - 1] == 's' && label[n - 2] != 's' && label[n - 2] != 'u' && label[n - 2] != 'i';
}

static const char *label_of(struct CocomSchema *s, const char *name)
{
    intptr_t v;
    if (cocom_map_get(&s->labels, name, &v))
        return (const char *)v;
    return name;
}

static const char *hint_of(struct CocomSchema *s, const char *name)
{
    intptr_t v;
    if (cocom_map_get(&s->hints, name, &v))
        return (const char *)v;
    return NULL;
}

static void say(Explain *ex, xmlNodePtr node, const char *fmt, ...) COCOM_PRINTF(3, 4);
static void say(Explain *ex, xmlNodePtr node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cocom_vreport(ex->ctx, COCOM_SEVERITY_ERROR, ex->file, xmlGetLineNo(node), NULL, NULL, fmt, ap);
    va_end(ap);
    ex->found++;
    COCOM_GROW(ex->reported, ex->capreported, ex->nreported + 1);
    ex->reported[ex->nreported++] = node;
}

static void list_values(CocomBuf *b, const char *const *values, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            cocom_buf_puts(b, i == n - 1 ? " or " : ", ");
        cocom_buf_printf(b, "'%s'", values[i]);
    }
}

/* How to write a value of a datatype, for the message. */
static const char *datatype_advice(const char *t)
{
    if (!t) return "";
    if (strcmp(t, "date") == 0) return "a date written YYYY-MM-DD, such as 2015-04-01";
    if (strcmp(t, "integer") == 0) return "a whole number";
    if (strcmp(t, "nonNegativeInteger") == 0) return "a whole number (0 or more)";
    if (strcmp(t, "positiveInteger") == 0) return "a whole number of 1 or more";
    if (strcmp(t, "decimal") == 0) return "a number, such as 12.5";
    if (strcmp(t, "boolean") == 0) return "'true' or 'false'";
    if (strcmp(t, "anyURI") == 0) return "a web address or e-mail link";
    if (strcmp(t, "ID") == 0 || strcmp(t, "NCName") == 0)
        return "a name starting with a letter, without spaces (such as 'chair-1')";
    if (strcmp(t, "IDREF") == 0) return "the id of another element";
    if (strcmp(t, "gYear") == 0) return "a year such as 2015";
    if (strcmp(t, "gYearMonth") == 0) return "a month written YYYY-MM, such as 2015-01";
    return NULL;
}

static int datatype_ok(const char *type, const char *value)
{
    if (!type || strcmp(type, "string") == 0 || strcmp(type, "token") == 0)
        return 1;
    xmlSchemaTypePtr t = xmlSchemaGetPredefinedType((const xmlChar *)type, (const xmlChar *)"http://www.w3.org/2001/XMLSchema");
    if (!t)
        return 1;
    xmlSchemaValPtr v = NULL;
    int r = xmlSchemaValidatePredefinedType(t, (const xmlChar *)value, &v);
    if (v)
        xmlSchemaFreeValue(v);
    return r == 0;
}

static char *text_of(xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    char *s = cocom_xstrdup(c ? (const char *)c : "");
    xmlFree(c);
    /* Trim the whitespace RELAX NG datatypes collapse anyway. */
    char *b = s;
    while (*b == ' ' || *b == '\n' || *b == '\t' || *b == '\r')
        b++;
    size_t n2 = strlen(b);
    while (n2 && (b[n2 - 1] == ' ' || b[n2 - 1] == '\n' || b[n2 - 1] == '\t' || b[n2 - 1] == '\r'))
        n2--;
    char *r = cocom_xstrndup(b, n2);
    free(s);
    return r;
}

static int pattern_ok(const char *pattern, const char *value)
{
    xmlRegexpPtr re = xmlRegexpCompile((const xmlChar *)pattern);
    if (!re)
        return 1;
    int r = xmlRegexpExec(re, (const xmlChar *)value);
    xmlRegFreeRegexp(re);
    return r != 0;
}

static void explain_value(Explain *ex, xmlNodePtr node, const char *what, const char *value,
                          const char *type, const char *type2, const char *pattern, const char *min,
                          const char *max, const char *hint, const char *const *values, int nvalues)
{
    if (nvalues > 0) {
        for (int i = 0; i < nvalues; i++)
            if (strcmp(values[i], value) == 0)
                return;
        CocomBuf b = {0};
        list_values(&b, values, nvalues);
        say(ex, node, "%s is '%s', which is not one of the allowed values: %s", what, value, b.data);
        cocom_buf_free(&b);
        return;
    }
    if (type && !datatype_ok(type, value) && !(type2 && datatype_ok(type2, value))) {
        const char *adv = datatype_advice(type);
        const char *adv2 = type2 ? datatype_advice(type2) : NULL;
        if (adv && adv2)
            say(ex, node, "%s is '%s', which is neither %s nor %s", what, value, adv, adv2);
        else if (hint)
            say(ex, node, "%s is '%s', which is not right: %s", what, value, hint);
        else if (adv)
            say(ex, node, "%s is '%s', which is not %s", what, value, adv);
        else
            say(ex, node, "%s is '%s', which is not a valid %s", what, value, type);
    } else if ((min && strtod(value, NULL) < strtod(min, NULL)) || (max && strtod(value, NULL) > strtod(max, NULL))) {
        if (min && max)
            say(ex, node, "%s is %s, which is not between %s and %s", what, value, min, max);
        else if (min)
            say(ex, node, "%s is %s, which is less than %s", what, value, min);
        else
            say(ex, node, "%s is %s, which is more than %s", what, value, max);
    } else if (pattern && !pattern_ok(pattern, value)) {
        if (hint)
            say(ex, node, "%s is '%s', which is not right: %s", what, value, hint);
        else
            say(ex, node, "%s is '%s', which does not have the expected form (%s)", what, value, pattern);
    }
}

static int is_our_ns(xmlNodePtr n)
{
    return n->ns && strcmp((const char *)n->ns->href, COCOM_NAMESPACE) == 0;
}

static void explain_element(Explain *ex, xmlNodePtr e, xmlNodePtr def, int depth)
{
    if (depth > 200)
        return;
    ElemInfo *info = cocom_xcalloc(1, sizeof *info);
    collect_children(ex->s, def, 1, info, NULL, 0);
    const char *ename = (const char *)e->name;
    const char *elabel = label_of(ex->s, ename);

    /* Attributes present. */
    for (xmlAttrPtr a = e->properties; a; a = a->next) {
        if (a->ns)   /* xml:lang, xml:space and foreign attributes */
            continue;
        AttrInfo *ai = NULL;
        for (int i = 0; i < info->nattrs; i++)
            if (strcmp(info->attrs[i].name, (const char *)a->name) == 0)
                ai = &info->attrs[i];
        xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
        const char *value = v ? (const char *)v : "";
        if (!ai) {
            if (!info->any_attributes) {
                if (info->nattrs) {
                    CocomBuf b = {0};
                    for (int i = 0; i < info->nattrs; i++)
                        cocom_buf_printf(&b, "%s%s", i ? ", " : "", info->attrs[i].name);
                    say(ex, e, "the %s has an attribute '%s' that it cannot have (it may have: %s)",
                        elabel, (const char *)a->name, b.data);
                    cocom_buf_free(&b);
                } else {
                    say(ex, e, "the %s has an attribute '%s' but takes none", elabel, (const char *)a->name);
                }
            }
        } else {
            char *what = cocom_xasprintf("the %s's %s", elabel, ai->name);
            explain_value(ex, e, what, value, ai->datatype, ai->datatype2, ai->pattern, ai->min, ai->max, ai->hint,
                          ai->values,
                          ai->nvalues);
            free(what);
            if (ai->datatype && strcmp(ai->datatype, "ID") == 0) {
                if (cocom_map_get(&ex->ids, value, NULL))
                    say(ex, e, "the id '%s' is used twice; each id must be unique", value);
                else
                    cocom_map_set(&ex->ids, value, (intptr_t)e);
            } else if (ai->datatype && (strcmp(ai->datatype, "IDREF") == 0 || strcmp(ai->datatype, "IDREFS") == 0)) {
                COCOM_GROW(ex->refs, ex->caprefs, ex->nrefs + 1);
                ex->refs[ex->nrefs++] = (struct Ref){ai->name, e, NULL};
            }
        }
        xmlFree(v);
    }
    /* Attributes missing. */
    for (int i = 0; i < info->nattrs; i++) {
        AttrInfo *ai = &info->attrs[i];
        if (!ai->required || xmlHasProp(e, (const xmlChar *)ai->name))
            continue;
        const char *has = plural(elabel) ? "have" : "has";
        if (ai->nvalues) {
            CocomBuf b = {0};
            list_values(&b, ai->values, ai->nvalues);
            say(ex, e, "the %s %s no %s; give %s=\"...\" with one of %s", elabel, has, ai->name, ai->name, b.data);
            cocom_buf_free(&b);
        } else {
            const char *adv = datatype_advice(ai->datatype);
            say(ex, e, "the %s %s no %s; give %s=\"...\"%s%s", elabel, has, ai->name, ai->name,
                adv ? ", " : "", adv ? adv : "");
        }
    }

    /* Its own text, when it is typed. */
    int has_child_elements = 0;
    for (xmlNodePtr c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            has_child_elements = 1;
    if (!has_child_elements && (info->datatype || info->nvalues) && info->nchildren == 0) {
        char *t = text_of(e);
        char *what = cocom_xasprintf("the %s", elabel);
        explain_value(ex, e, what, t, info->datatype, NULL, info->pattern, info->min, info->max, hint_of(ex->s, ename),
                      info->values, info->nvalues);
        free(what);
        free(t);
    }

    /* Child elements present. */
    for (xmlNodePtr c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        ChildInfo *ci = NULL;
        if (is_our_ns(c))
            for (int i = 0; i < info->nchildren; i++)
                if (strcmp(info->children[i].name, (const char *)c->name) == 0)
                    ci = &info->children[i];
        if (!ci) {
            if (info->any_children)
                continue;
            if (!is_our_ns(c)) {
                say(ex, c, "<%s> is not in the cocom namespace (%s), so it is not allowed in the %s",
                    (const char *)c->name, COCOM_NAMESPACE, elabel);
            } else if (info->nchildren) {
                CocomBuf b = {0};
                for (int i = 0; i < info->nchildren; i++)
                    cocom_buf_printf(&b, "%s<%s>", i ? ", " : "", info->children[i].name);
                say(ex, c, "<%s> is not allowed in the %s (it may contain: %s)", (const char *)c->name, elabel, b.data);
                cocom_buf_free(&b);
            } else {
                say(ex, c, "<%s> is not allowed in the %s, which holds only text", (const char *)c->name, elabel);
            }
            continue;
        }
        explain_element(ex, c, ci->def, depth + 1);
    }
    /* Child elements missing. */
    for (int i = 0; i < info->nchildren; i++) {
        ChildInfo *ci = &info->children[i];
        if (!ci->required)
            continue;
        int present = 0;
        for (xmlNodePtr c = e->children; c && !present; c = c->next)
            present = c->type == XML_ELEMENT_NODE && is_our_ns(c) && strcmp((const char *)c->name, ci->name) == 0;
        if (!present) {
            const char *h = hint_of(ex->s, ci->name);
            say(ex, e, "the %s %s no %s (<%s>)%s%s", elabel, plural(elabel) ? "have" : "has",
                label_of(ex->s, ci->name), ci->name, h ? ": " : "", h ? h : "");
        }
    }
    for (int g = 0; g < info->n_one_of; g++) {
        int present = 0;
        for (int i = 0; i < info->one_of_count[g] && !present; i++) {
            if (info->one_of_attr[g][i]) {
                present = xmlHasProp(e, (const xmlChar *)info->one_of[g][i]) != NULL;
                continue;
            }
            for (xmlNodePtr c = e->children; c && !present; c = c->next)
                present = c->type == XML_ELEMENT_NODE && is_our_ns(c)
                          && strcmp((const char *)c->name, info->one_of[g][i]) == 0;
        }
        if (!present) {
            CocomBuf b = {0};
            for (int i = 0; i < info->one_of_count[g]; i++) {
                cocom_buf_puts(&b, i ? (i == info->one_of_count[g] - 1 ? " or " : ", ") : "");
                if (info->one_of_attr[g][i])
                    cocom_buf_printf(&b, "%s=\"...\"", info->one_of[g][i]);
                else
                    cocom_buf_printf(&b, "<%s>", info->one_of[g][i]);
            }
            say(ex, e, "the %s needs %s", elabel, b.data);
            cocom_buf_free(&b);
        }
    }
    free(info);
}

/* The rng:element that the start pattern allows for a root named `name`. */
static xmlNodePtr find_root_def(struct CocomSchema *s, xmlNodePtr p, const char *name, int depth)
{
    if (!p || depth > 32)
        return NULL;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (is_rng(c, "element") && attr(c, "name") && strcmp(attr(c, "name"), name) == 0)
            return c;
        if (is_rng(c, "ref") && attr(c, "name")) {
            intptr_t d;
            if (cocom_map_get(&s->defines, attr(c, "name"), &d)) {
                xmlNodePtr r = find_root_def(s, (xmlNodePtr)d, name, depth + 1);
                if (r)
                    return r;
            }
        } else if (is_rng(c, "choice")) {
            xmlNodePtr r = find_root_def(s, c, name, depth + 1);
            if (r)
                return r;
        }
    }
    return NULL;
}

static int related(xmlNodePtr a, xmlNodePtr b)
{
    for (xmlNodePtr n = a; n; n = n->parent)
        if (n == b)
            return 1;
    for (xmlNodePtr n = b; n; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

/* libxml2's own findings, for what the explainer does not cover. */
typedef struct {
    struct RawError { xmlNodePtr node; long line; char *message; } *items;
    size_t n, cap;
} RawErrors;

static void collect_raw(void *user, xmlErrorPtr e)
{
    RawErrors *r = user;
    if (r->n >= 200)
        return;
    COCOM_GROW(r->items, r->cap, r->n + 1);
    char *m = cocom_xstrdup(e->message ? e->message : "not valid");
    size_t len = strlen(m);
    while (len && m[len - 1] == '\n')
        m[--len] = '\0';
    r->items[r->n++] = (struct RawError){(xmlNodePtr)e->node, e->line, m};
}

static void explain(CocomContext *ctx, struct CocomSchema *s, xmlDocPtr doc, const char *file, RawErrors *raw)
{
    Explain ex = {ctx, s, file, 0, {0}, NULL, 0, 0, NULL, 0, 0};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_our_ns(root) || strcmp((const char *)root->name, "arrangement") != 0) {
        say(&ex, root, "this is not a cocom arrangement: its root element is <%s>%s%s%s; expected "
            "<arrangement xmlns=\"%s\">", (const char *)root->name,
            root->ns ? " in the namespace '" : " with no namespace", root->ns ? (const char *)root->ns->href : "",
            root->ns ? "'" : "", COCOM_NAMESPACE);
        free(ex.reported);
        return;
    }
    xmlNodePtr def = find_root_def(s, s->start, "arrangement", 0);
    if (def)
        explain_element(&ex, root, def, 0);
    for (size_t i = 0; i < ex.nrefs; i++) {
        xmlChar *v = xmlGetProp(ex.refs[i].node, (const xmlChar *)ex.refs[i].value);
        /* IDREFS hold several ids separated by spaces. */
        char *list = cocom_xstrdup(v ? (const char *)v : "");
        for (char *save = NULL, *tok = strtok_r(list, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save))
            if (!cocom_map_get(&ex.ids, tok, NULL))
                say(&ex, ex.refs[i].node, "the %s's %s refers to '%s', but nothing in the arrangement has that id",
                    label_of(s, (const char *)ex.refs[i].node->name), ex.refs[i].value, tok);
        free(list);
        xmlFree(v);
    }
    /* Whatever libxml2 found that the explainer said nothing near. */
    for (size_t i = 0; i < raw->n; i++) {
        struct RawError *r = &raw->items[i];
        int covered = 0;
        for (size_t j = 0; j < ex.nreported && !covered; j++)
            covered = !r->node || related(r->node, ex.reported[j]);
        if (covered && r->node)
            continue;
        if (!r->node && ex.found)
            continue;
        const char *what = r->node && r->node->type == XML_ELEMENT_NODE
                               ? label_of(s, (const char *)r->node->name) : "arrangement";
        cocom_report(ctx, COCOM_SEVERITY_ERROR, file, r->node ? xmlGetLineNo(r->node) : r->line,
                     "the %s does not follow the schema: %s", what, r->message);
        COCOM_GROW(ex.reported, ex.capreported, ex.nreported + 1);
        ex.reported[ex.nreported++] = r->node;
        ex.found++;
    }
    if (!ex.found)
        cocom_report(ctx, COCOM_SEVERITY_ERROR, file, 1, "the arrangement does not follow the schema");
    free(ex.refs);
    free(ex.reported);
    cocom_map_clear(&ex.ids);
}

static void ignore_generic_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* templates/functions-YYYY-YY.xml for "YYYY/YY" (the name base.xsl's
 * functions-file gives it: the year with '/' as '-').  Freed by the
 * caller. */
static char *year_file(const char *year)
{
    static const char prefix[] = "templates/functions-";
    char *file = cocom_xasprintf("%s%s.xml", prefix, year);
    for (char *p = file + sizeof prefix - 1; *p; p++)
        if (*p == '/')
            *p = '-';
    return file;
}

int cocom_check_year_known(CocomContext *ctx, const char *year)
{
    char *file = year_file(year);
    char *path = cocom_data_path(ctx, file);
    int known = access(path, R_OK) == 0;
    free(path);
    free(file);
    return known;
}

char *cocom_check_known_years(CocomContext *ctx)
{
    /* every templates/functions-YYYY-YY.xml, in order (readdir's order is
     * the file system's, not the years') */
    char *years[64];
    size_t n_years = 0;
    char *dir_path = cocom_data_path(ctx, "templates");
    DIR *dir = opendir(dir_path);
    for (struct dirent *e; dir && (e = readdir(dir));) {
        const char *n = e->d_name;
        size_t len = strlen(n);
        if (len == 21 && strncmp(n, "functions-", 10) == 0 && strcmp(n + 17, ".xml") == 0
            && n_years < COCOM_ARRAY_LEN(years))
            years[n_years++] = cocom_xasprintf("%.4s/%.2s", n + 10, n + 15);
    }
    if (dir)
        closedir(dir);
    free(dir_path);
    qsort(years, n_years, sizeof years[0], compare_strings);
    CocomBuf known = {0};
    for (size_t i = 0; i < n_years; i++) {
        cocom_buf_printf(&known, "%s%s", i ? ", " : "", years[i]);
        free(years[i]);
    }
    if (!known.len)
        cocom_buf_puts(&known, "none");
    return cocom_buf_steal(&known);
}

/* The documents print the national functions of the arrangement's year
 * from templates/functions-YYYY-YY.xml.  A year with no table would pass
 * the schema and the rules and then make documents with an empty
 * functions table, so check says now what build would refuse, and names
 * the years this installation knows. */
static CocomStatus check_year_data(CocomContext *ctx, xmlDocPtr doc, const char *name)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlChar *year = root ? xmlGetProp(root, (const xmlChar *)"year") : NULL;
    if (!year)
        return COCOM_STATUS_OK;     /* the schema requires it; nothing to add */
    CocomStatus st = COCOM_STATUS_OK;
    if (!cocom_check_year_known(ctx, (const char *)year)) {
        char *file = year_file((const char *)year);
        char *known = cocom_check_known_years(ctx);
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, xmlGetLineNo(root),
                     "the arrangement is for %s, but there is no national functions table for that year (%s), "
                     "which every document prints; the years there are: %s",
                     (const char *)year, file, known);
        free(known);
        free(file);
        st = COCOM_STATUS_INVALID;
    }
    xmlFree(year);
    return st;
}

static CocomStatus check_doc(CocomContext *ctx, xmlDocPtr doc, const char *name, int rules)
{
    struct CocomSchema *s = schema_get(ctx);
    if (!s)
        return COCOM_STATUS_IO;
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(s->rng);
    RawErrors raw = {NULL, 0, 0};
    /* Only the structured handler: setting the plain ones as well would
     * clear it (libxml2 keeps one or the other). */
    xmlRelaxNGSetValidStructuredErrors(vc, collect_raw, &raw);
    /* After the schema, libxml2 checks ID references with a plain
     * validation context that reports through the thread's generic error
     * function, straight to standard error; explain() says the same in
     * cocom's words, so that output is silenced for the call. */
    xmlGenericErrorFunc saved_func = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    int r = xmlRelaxNGValidateDoc(vc, doc);
    xmlSetGenericErrorFunc(saved_ctx, saved_func);
    xmlRelaxNGFreeValidCtxt(vc);
    CocomStatus st;
    if (r == 0) {
        /* the schema alone (cocom new, practices --into) does not need
         * the year's data: only documents do */
        st = rules ? check_year_data(ctx, doc, name) : COCOM_STATUS_OK;
        if (st == COCOM_STATUS_OK && rules)
            st = cocom_rules_run(ctx, doc, name);
    } else {
        explain(ctx, s, doc, name, &raw);
        st = COCOM_STATUS_INVALID;
    }
    for (size_t i = 0; i < raw.n; i++)
        free(raw.items[i].message);
    free(raw.items);
    return st;
}

CocomStatus cocom_check_doc(CocomContext *ctx, xmlDocPtr doc, const char *name)
{
    return check_doc(ctx, doc, name, 1);
}

CocomStatus cocom_check_schema_text(CocomContext *ctx, const char *text, size_t len, const char *name,
                                    const char *what)
{
    CocomStatus st;
    xmlDocPtr doc = cocom_load_memory(ctx, text, len, name, what, &st);
    if (!doc)
        return st;
    st = check_doc(ctx, doc, name, 0);
    xmlFreeDoc(doc);
    return st;
}

CocomStatus cocom_check_load(CocomContext *ctx, const char *path, xmlDocPtr *out)
{
    if (out)
        *out = NULL;
    CocomStatus st;
    xmlDocPtr doc = cocom_load_file(ctx, path, "an arrangement", &st);
    if (!doc)
        return st;
    st = cocom_check_doc(ctx, doc, strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (st == COCOM_STATUS_OK && out)
        *out = doc;
    else
        xmlFreeDoc(doc);
    return st;
}

CocomStatus cocom_check_file(CocomContext *ctx, const char *path)
{
    return cocom_check_load(ctx, path, NULL);
}
