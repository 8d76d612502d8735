/* rules.c — the national rules, run on a schema-valid arrangement.
 *
 * The rules are data: stylesheets/rules/national-rules.sch, ISO Schematron
 * in the subset that stylesheets/rules/compile.xsl (cocom's own compiler)
 * understands.  On first use the compiler turns the rules into an XSLT
 * stylesheet, which is compiled once and kept on the context for every
 * file checked after.  Running it on an arrangement gives
 *
 *   <r:findings>
 *     <r:finding rule="DEL-LAY-CHAIR" role="error" at="PATH">message</r:finding>
 *   </r:findings>
 *
 * Each PATH is a path of element positions ("/ *[1]/ *[8]", without the
 * spaces); it is evaluated on the same
 * document to find the element at fault, which gives the line and the
 * order: findings are reported in document order (findings on one element
 * in the order the rules are written), each as
 *   FILE:LINE: severity: message [RULE-ID, source]
 * The compiled stylesheet also carries the list of rules (id, severity,
 * source, summary), which `cocom rules` prints and --disable checks ids
 * against.
 */
#include "config.h"
#include "rules.h"
#include "load.h"
#include "transform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xpath.h>
#include "xslt-load.h"

#define RULES_NS "urn:cocom:rules:1"
#define RULES_FILE "stylesheets/rules/national-rules.sch"
#define COMPILER_FILE "stylesheets/rules/compile.xsl"

struct CocomRules {
    int failed;                 /* could not be loaded; reported once */
    char *path;                 /* of the .sch, for messages */
    xsltStylesheetPtr style;    /* the compiled rules */
    CocomRule *list;
    size_t count, cap;
    CocomMap index;             /* id -> position in list */
    CocomMap disabled;          /* rule ids turned off (cocom_context_disable_rule) */
};

static int is_rules_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, RULES_NS) == 0
           && strcmp((const char *)n->name, name) == 0;
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = cocom_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

static int severity_of(const char *s, CocomSeverity *out)
{
    if (strcmp(s, "error") == 0)
        *out = COCOM_SEVERITY_ERROR;
    else if (strcmp(s, "warning") == 0)
        *out = COCOM_SEVERITY_WARNING;
    else if (strcmp(s, "note") == 0)
        *out = COCOM_SEVERITY_NOTE;
    else
        return 0;
    return 1;
}

/* The catalogue the compiler puts at the top of the compiled rules. */
static int read_catalogue(struct CocomRules *r, xmlDocPtr compiled)
{
    xmlNodePtr root = xmlDocGetRootElement(compiled);
    for (xmlNodePtr cat = root ? root->children : NULL; cat; cat = cat->next) {
        if (!is_rules_el(cat, "catalogue"))
            continue;
        for (xmlNodePtr n = cat->children; n; n = n->next) {
            if (!is_rules_el(n, "rule"))
                continue;
            COCOM_GROW(r->list, r->cap, r->count + 1);
            CocomRule *rule = &r->list[r->count];
            char *sev = prop(n, "severity");
            if (!severity_of(sev, &rule->severity))
                rule->severity = COCOM_SEVERITY_ERROR;
            free(sev);
            rule->id = prop(n, "id");
            rule->source = prop(n, "source");
            rule->summary = prop(n, "summary");
            cocom_map_set(&r->index, rule->id, (intptr_t)r->count);
            r->count++;
        }
    }
    return r->count > 0;
}

static void rules_free(struct CocomRules *r)
{
    if (!r)
        return;
    if (r->style)
        xsltFreeStylesheet(r->style);
    for (size_t i = 0; i < r->count; i++) {
        free((char *)r->list[i].id);
        free((char *)r->list[i].source);
        free((char *)r->list[i].summary);
    }
    free(r->list);
    cocom_map_clear(&r->index);
    cocom_map_clear(&r->disabled);
    free(r->path);
    free(r);
}

/* The compiled rules live on the context under this key (context.h). */
static void rules_release(void *state)
{
    rules_free(state);
}

static const CocomContextKey rules_key = {"rules", rules_release};

/* ------------------------------------------------------------------ */
/* A first look at the rules' XPath, so that a mistake in one is reported */
/* at its line in the rules file (libxslt would report it at a line of    */
/* the compiled stylesheet, which exists only in memory).                */

#define SCH_NS "http://purl.oclc.org/dsdl/schematron"

typedef struct {
    char message[256];
    int failed;
} XPathProblem;

/* libxml2 2.9 hands a context's error function the code but no message. */
static const char *const xpath_errors[] = {
    "no error", "a number is badly written", "a literal is not closed", "a literal should start here",
    "a variable name should follow $", "undefined variable", "a predicate is not valid",
    "the expression is not valid", "a closing brace is missing", "unregistered function",
    "an operand is not valid", "a type is not valid", "wrong number of arguments",
    "context size not valid", "context position not valid", "out of memory", "syntax error",
    "resource error", "sub-resource error", "undefined namespace prefix", "encoding error",
    "a character outside XML", "context not valid", "stack error", "forbidden variable",
};

static void xpath_problem(void *user, xmlErrorPtr e)
{
    XPathProblem *p = user;
    if (p->failed++ || !e)
        return;
    int code = e->code - XML_XPATH_EXPRESSION_OK;
    const char *what = e->message ? e->message
                       : code >= 0 && code < (int)COCOM_ARRAY_LEN(xpath_errors) ? xpath_errors[code] : "not valid";
    snprintf(p->message, sizeof p->message, "%s, at character %d", what, e->int1 + 1);
    size_t n = strlen(p->message);
    while (n && (p->message[n - 1] == '\n' || p->message[n - 1] == ' '))
        p->message[--n] = '\0';
}

/* Which attributes of which Schematron elements hold XPath. */
static const char *const xpath_attrs[][2] = {
    {"rule", "context"}, {"rule", "subject"}, {"assert", "test"}, {"report", "test"},
    {"assert", "subject"}, {"report", "subject"}, {"let", "value"}, {"value-of", "select"},
    {"name", "path"},
};

static int check_xpath(CocomContext *ctx, const char *file, xmlNodePtr n)
{
    int bad = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->ns && strcmp((const char *)n->ns->href, SCH_NS) == 0) {
            for (size_t i = 0; i < COCOM_ARRAY_LEN(xpath_attrs); i++) {
                if (strcmp((const char *)n->name, xpath_attrs[i][0]) != 0)
                    continue;
                xmlChar *expr = xmlGetNoNsProp(n, (const xmlChar *)xpath_attrs[i][1]);
                if (!expr)
                    continue;
                XPathProblem problem = {{0}, 0};
                xmlXPathContextPtr xp = xmlXPathNewContext(n->doc);
                xp->error = xpath_problem;
                xp->userData = &problem;
                xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(xp, expr);
                if (!comp || problem.failed) {
                    xmlNodePtr pattern = n;
                    while (pattern && !(pattern->type == XML_ELEMENT_NODE
                                        && strcmp((const char *)pattern->name, "pattern") == 0))
                        pattern = pattern->parent;
                    xmlChar *id = pattern ? xmlGetNoNsProp(pattern, (const xmlChar *)"id") : NULL;
                    cocom_report(ctx, COCOM_SEVERITY_ERROR, file, xmlGetLineNo(n),
                                 "%s%s%sthe %s of <%s> is not valid XPath (%s): %s", id ? "rule " : "",
                                 id ? (const char *)id : "", id ? ": " : "", xpath_attrs[i][1],
                                 (const char *)n->name, problem.failed ? problem.message : "not valid",
                                 (const char *)expr);
                    xmlFree(id);
                    bad++;
                }
                xmlXPathFreeCompExpr(comp);
                xmlXPathFreeContext(xp);
                xmlFree(expr);
            }
        }
        bad += check_xpath(ctx, file, n->children);
    }
    return bad;
}

/* Loads and compiles the rules on first use; NULL (reported) when they
 * cannot be. */
static struct CocomRules *rules_get(CocomContext *ctx, CocomStatus *status)
{
    *status = COCOM_STATUS_OK;
    struct CocomRules *have = cocom_context_state(ctx, &rules_key);
    if (have) {
        if (have->failed)
            *status = COCOM_STATUS_IO;
        return have->failed ? NULL : have;
    }
    struct CocomRules *r = cocom_xcalloc(1, sizeof *r);
    cocom_context_set_state(ctx, &rules_key, r);
    r->path = cocom_data_path(ctx, RULES_FILE);
    char *compiler = cocom_data_path(ctx, COMPILER_FILE);
    CocomStatus st;
    xmlDocPtr sch = cocom_load_file(ctx, r->path, "a rules file", &st);
    xmlDocPtr compiled = NULL;
    if (!sch) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "cannot load the national rules %s; is cocom installed (or COCOM_DATADIR set)?", r->path);
        goto fail;
    }
    if (check_xpath(ctx, r->path, xmlDocGetRootElement(sch))) {
        xmlFreeDoc(sch);
        cocom_report(ctx, COCOM_SEVERITY_ERROR, r->path, 0, "the national rules cannot be compiled");
        goto fail;
    }
    compiled = cocom_transform(ctx, sch, r->path, compiler, NULL, &st);
    xmlFreeDoc(sch);
    if (!compiled) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, r->path, 0, "the national rules cannot be compiled");
        goto fail;
    }
    if (!read_catalogue(r, compiled)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, r->path, 0, "the compiled national rules list no rule");
        xmlFreeDoc(compiled);
        goto fail;
    }
    /* Messages about the compiled stylesheet name the rules file. */
    xmlFree((xmlChar *)compiled->URL);
    compiled->URL = xmlStrdup((const xmlChar *)r->path);
    r->style = cocom_stylesheet_compile(ctx, compiled, r->path, &st);
    if (!r->style)
        goto fail;
    free(compiler);
    return r;
fail:
    free(compiler);
    r->failed = 1;
    *status = COCOM_STATUS_IO;
    return NULL;
}

CocomStatus cocom_rules_list(CocomContext *ctx, const CocomRule **rules, size_t *count)
{
    CocomStatus st;
    struct CocomRules *r = rules_get(ctx, &st);
    *rules = r ? r->list : NULL;
    *count = r ? r->count : 0;
    return st;
}

CocomStatus cocom_context_disable_rule(CocomContext *ctx, const char *rule_id)
{
    CocomStatus st;
    struct CocomRules *r = rules_get(ctx, &st);
    if (!r)
        return st;
    if (!rule_id || !cocom_map_get(&r->index, rule_id, NULL))
        return COCOM_STATUS_USAGE;
    cocom_map_set(&r->disabled, rule_id, 1);
    return COCOM_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* Running the rules                                                    */

typedef struct {
    xmlNodePtr node;        /* the element at fault */
    size_t seq;             /* the order the rules gave it */
    CocomSeverity severity;
    const CocomRule *rule;
    char *message;
} Finding;

static int finding_cmp(const void *pa, const void *pb)
{
    const Finding *a = pa, *b = pb;
    if (a->node != b->node) {
        int c = xmlXPathCmpNodes(a->node, b->node);   /* 1: a first; -1: b first */
        if (c == 1)
            return -1;
        if (c == -1)
            return 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The message with its white space collapsed (the rules are indented). */
static char *collapse(const char *s)
{
    CocomBuf b = {0};
    int space = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = 1;
            continue;
        }
        if (space && b.len)
            cocom_buf_putc(&b, ' ');
        space = 0;
        cocom_buf_putc(&b, *s);
    }
    if (!b.data)
        cocom_buf_puts(&b, "");
    return cocom_buf_steal(&b);
}

/* The element a finding's `at` path names (its root element when the path
 * does not resolve, which only a broken rules file could cause). */
static xmlNodePtr locate(xmlXPathContextPtr xp, xmlDocPtr doc, const char *at)
{
    xmlNodePtr node = NULL;
    if (at && *at) {
        xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)at, xp);
        if (o && o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0)
            node = o->nodesetval->nodeTab[0];
        xmlXPathFreeObject(o);
    }
    return node ? node : xmlDocGetRootElement(doc);
}

CocomStatus cocom_rules_run(CocomContext *ctx, xmlDocPtr doc, const char *name)
{
    CocomStatus st;
    struct CocomRules *r = rules_get(ctx, &st);
    if (!r)
        return st;
    xmlDocPtr out = cocom_transform_apply(ctx, r->style, r->path, doc, name, NULL, &st);
    if (!out)
        return st == COCOM_STATUS_OK ? COCOM_STATUS_INVALID : st;

    Finding *found = NULL;
    size_t n = 0, cap = 0;
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    xmlNodePtr root = xmlDocGetRootElement(out);
    for (xmlNodePtr f = root ? root->children : NULL; f; f = f->next) {
        if (!is_rules_el(f, "finding"))
            continue;
        char *id = prop(f, "rule");
        char *role = prop(f, "role");
        char *at = prop(f, "at");
        intptr_t pos;
        CocomSeverity sev;
        if (cocom_map_get(&r->index, id, &pos) && !cocom_map_get(&r->disabled, id, NULL)
            && severity_of(role, &sev)) {
            xmlChar *text = xmlNodeGetContent(f);
            COCOM_GROW(found, cap, n + 1);
            found[n] = (Finding){locate(xp, doc, at), n, sev, &r->list[pos],
                                 collapse(text ? (const char *)text : "")};
            n++;
            xmlFree(text);
        }
        free(id);
        free(role);
        free(at);
    }
    xmlXPathFreeContext(xp);
    xmlFreeDoc(out);

    if (n)
        qsort(found, n, sizeof *found, finding_cmp);
    unsigned errors_before = cocom_context_get_error_count(ctx);
    for (size_t i = 0; i < n; i++) {
        cocom_report_rule(ctx, found[i].severity, name, xmlGetLineNo(found[i].node), found[i].rule->id,
                          found[i].rule->source, "%s", found[i].message);
        free(found[i].message);
    }
    free(found);
    /* Errors, or warnings counted as errors (--warnings-as-errors). */
    return cocom_context_get_error_count(ctx) > errors_before ? COCOM_STATUS_INVALID : COCOM_STATUS_OK;
}
