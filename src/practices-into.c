/* practices-into.c — writing a practice list into an arrangement in place.
 *
 * A person's arrangement holds their comments, their indentation, their
 * quoting; serialising libxml2's tree would rewrite all of that.  So the
 * file is changed as text: libxml2 parses it to find the <ccg> and its
 * <practices> (and to prove the file well-formed), a small scanner finds
 * the same elements' byte ranges in the text — the n-th start tag in the
 * text is the n-th element of the tree in document order — and only the
 * <practices> element's bytes are replaced (or new bytes inserted after
 * the <ccg>'s last child).  The result is parsed again and validated
 * against the schema before it replaces the file.
 */
#include "config.h"
#include "practices.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load.h"

typedef struct {
    size_t start;   /* the '<' of the start tag */
    size_t end;     /* just after the end tag (or the empty tag's "/>") */
} Span;

/* The byte range of every element of well-formed XML text, in document
 * order; returns the count, or -1 if the text is not as expected. */
static long scan_elements(const char *s, size_t n, Span **out)
{
    Span *spans = NULL;
    size_t cap = 0, count = 0;
    size_t *stack = NULL, scap = 0, depth = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] != '<') {
            i++;
            continue;
        }
        if (strncmp(s + i, "<!--", 4) == 0) {
            const char *e = strstr(s + i + 4, "-->");
            if (!e)
                goto bad;
            i = (size_t)(e - s) + 3;
        } else if (strncmp(s + i, "<![CDATA[", 9) == 0) {
            const char *e = strstr(s + i + 9, "]]>");
            if (!e)
                goto bad;
            i = (size_t)(e - s) + 3;
        } else if (s[i + 1] == '?') {
            const char *e = strstr(s + i + 2, "?>");
            if (!e)
                goto bad;
            i = (size_t)(e - s) + 2;
        } else if (s[i + 1] == '!') {
            /* a DOCTYPE, perhaps with an internal subset in brackets */
            int bracket = 0;
            for (i += 2; i < n && (s[i] != '>' || bracket); i++) {
                if (s[i] == '[')
                    bracket = 1;
                else if (s[i] == ']')
                    bracket = 0;
            }
            i++;
        } else if (s[i + 1] == '/') {
            const char *e = memchr(s + i, '>', n - i);
            if (!e || depth == 0)
                goto bad;
            i = (size_t)(e - s) + 1;
            spans[stack[--depth]].end = i;
        } else {
            size_t start = i;
            char quote = 0;
            for (i++; i < n && (quote || s[i] != '>'); i++) {
                if (quote && s[i] == quote)
                    quote = 0;
                else if (!quote && (s[i] == '"' || s[i] == '\''))
                    quote = s[i];
            }
            if (i >= n)
                goto bad;
            int empty = s[i - 1] == '/';
            i++;
            COCOM_GROW(spans, cap, count + 1);
            spans[count].start = start;
            spans[count].end = i;
            if (!empty) {
                COCOM_GROW(stack, scap, depth + 1);
                stack[depth++] = count;
            }
            count++;
        }
    }
    free(stack);
    if (depth)
        goto bad2;
    *out = spans;
    return (long)count;
bad:
    free(stack);
bad2:
    free(spans);
    return -1;
}

/* Numbers the elements in document order, the order in which
 * scan_elements finds their tags: the number goes in the node's _private
 * (plus one, so that 0 is "none"); *next ends as the count. */
static void number_elements(xmlNodePtr n, long *next)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        n->_private = (void *)(intptr_t)++*next;
        number_elements(n->children, next);
    }
}

static long ordinal_of(xmlNodePtr n)
{
    return (long)(intptr_t)n->_private - 1;
}

static int is_ours(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, COCOM_NAMESPACE) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static void find_ccgs(xmlNodePtr n, const char *code, xmlNodePtr *found, int *count)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_ours(n, "ccg")) {
            xmlChar *c = xmlGetProp(n, (const xmlChar *)"ods-code");
            if (c && strcmp((const char *)c, code) == 0) {
                if (!*found)
                    *found = n;
                (*count)++;
            }
            xmlFree(c);
        }
        find_ccgs(n->children, code, found, count);
    }
}

/* Every id in the document outside `skip`, so new ids do not clash. */
static void collect_ids(xmlNodePtr n, xmlNodePtr skip, CocomMap *ids)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || n == skip)
            continue;
        xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
        if (id)
            cocom_map_set(ids, (const char *)id, 1);
        xmlFree(id);
        collect_ids(n->children, skip, ids);
    }
}

/* The spaces before the '<' at `at`, when only spaces stand between it
 * and the line's start. */
static size_t indent_before(const char *s, size_t at)
{
    size_t i = at;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return (i == 0 || s[i - 1] == '\n') ? at - i : 0;
}


/* Kept children, each on a line of its own at the list's indent; frees
 * `kept`. */
static void put_kept(CocomBuf *text, CocomBuf *kept, const char *pad, size_t indent)
{
    for (size_t i = 0; i < kept->len; i++) {
        if (kept->data[i] == '\x01')
            cocom_buf_printf(text, "%.*s", (int)indent, pad);
        else
            cocom_buf_putc(text, kept->data[i]);
    }
    cocom_buf_free(kept);
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? cocom_xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

CocomStatus cocom_practices_into(CocomContext *ctx, const CocomPracticeList *list, const char *path)
{
    size_t len = 0;
    CocomStatus st;
    char *data = cocom_practices_read_file(ctx, path, "an arrangement", &len, &st);
    if (!data)
        return st;
    xmlDocPtr doc = cocom_load_memory(ctx, data, len, path, "an arrangement", &st);
    if (!doc) {
        free(data);
        return st;
    }
    CocomBuf text = {0};
    CocomMap ids = {0}, old = {0};
    Span *spans = NULL;
    char *prefix = NULL;
    st = COCOM_STATUS_INVALID;

    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (doc->encoding && strcasecmp((const char *)doc->encoding, "UTF-8") != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 1,
                     "the arrangement is in %s: --into writes into UTF-8 arrangements only (nothing was changed)",
                     (const char *)doc->encoding);
        goto done;
    }
    xmlNodePtr ccg = NULL;
    int nccg = 0;
    find_ccgs(root, list->ccg_code, &ccg, &nccg);
    if (nccg > 1) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, xmlGetLineNo(ccg),
                     "%d <ccg> elements have ods-code=\"%s\", so which list to replace is not clear "
                     "(nothing was changed)", nccg, list->ccg_code);
        goto done;
    }
    if (!ccg) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, root ? xmlGetLineNo(root) : 1,
                     "no <ccg> has ods-code=\"%s\": add the CCG to <parties> first (nothing was changed)",
                     list->ccg_code);
        goto done;
    }
    xmlNodePtr practices = NULL, last = NULL;
    for (xmlNodePtr c = ccg->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        last = c;
        if (is_ours(c, "practices"))
            practices = c;
    }
    if (!last) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, xmlGetLineNo(ccg), "the <ccg> has no <name>: run 'cocom check' on it");
        goto done;
    }
    long next = 0;
    number_elements(root, &next);
    long nspans = scan_elements(data, len, &spans);
    if (nspans != next) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                     "cannot find the elements of the file in its text (%ld found, %ld parsed); nothing was changed",
                     nspans, next);
        goto done;
    }

    /* What the old list says that epraccur does not. */
    collect_ids(root, practices, &ids);
    /* <contract-count> (before the practices) and <description> (after
     * them), as written */
    CocomBuf kept = {0}, kept_after = {0};
    if (practices) {
        for (xmlNodePtr c = practices->children; c; c = c->next) {
            if (is_ours(c, "practice")) {
                char *code = prop(c, "ods-code");
                if (code)
                    cocom_map_set(&old, code, (intptr_t)c);
                free(code);
            } else if (c->type == XML_ELEMENT_NODE) {
                Span sp = spans[ordinal_of(c)];
                CocomBuf *k = is_ours(c, "description") ? &kept_after : &kept;
                cocom_buf_puts(k, "\n\x01");   /* \x01: the indent goes here */
                cocom_buf_append(k, data + sp.start, sp.end - sp.start);
            }
        }
    }

    size_t at, upto;
    size_t ccg_indent = indent_before(data, spans[ordinal_of(ccg)].start);
    size_t indent;
    if (practices) {
        Span sp = spans[ordinal_of(practices)];
        at = sp.start;
        upto = sp.end;
        indent = indent_before(data, sp.start);
    } else {
        Span sp = spans[ordinal_of(last)];
        at = upto = sp.end;
        indent = indent_before(data, sp.start);
    }
    size_t unit = indent > ccg_indent ? indent - ccg_indent : 2;
    if (ccg->ns && ccg->ns->prefix)
        prefix = cocom_xasprintf("%s:", (const char *)ccg->ns->prefix);
    else
        prefix = cocom_xstrdup("");
    char *ccg_id = prop(ccg, "id");
    char *id_prefix = cocom_xasprintf("%s-", ccg_id ? ccg_id : "ccg");
    free(ccg_id);

    cocom_buf_append(&text, data, at);
    if (!practices) {
        cocom_buf_putc(&text, '\n');
        for (size_t k = 0; k < indent; k++)
            cocom_buf_putc(&text, data[spans[ordinal_of(last)].start - indent + k]);
    }
    char *pad = cocom_xmalloc(indent + 2 * unit + 1);
    memset(pad, ' ', indent + 2 * unit);
    pad[indent + 2 * unit] = '\0';
    cocom_buf_printf(&text, "<%spractices count=\"%zu\">", prefix, list->count);
    cocom_buf_printf(&text, "\n%.*s", (int)(indent + unit), pad);
    cocom_practices_put_source(&text, list);
    put_kept(&text, &kept, pad, indent + unit);
    for (size_t i = 0; i < list->count; i++) {
        const CocomPractice *p = &list->items[i];
        intptr_t was = 0;
        char *id = NULL, *contract = NULL, *list_size = NULL;
        if (cocom_map_get(&old, p->ods_code, &was)) {
            id = prop((xmlNodePtr)was, "id");
            contract = prop((xmlNodePtr)was, "contract");
            list_size = prop((xmlNodePtr)was, "list-size");
        }
        if (!id) {
            char lower[8];
            for (int k = 0; k < 8; k++)
                lower[k] = (char)tolower((unsigned char)p->ods_code[k]);
            id = cocom_xasprintf("%s%s", id_prefix, lower);
            for (int k = 2; cocom_map_get(&ids, id, &was); k++) {
                free(id);
                id = cocom_xasprintf("%s%s-%d", id_prefix, lower, k);
            }
        }
        cocom_map_set(&ids, id, 1);
        cocom_buf_printf(&text, "\n%.*s<%spractice id=\"", (int)(indent + unit), pad, prefix);
        cocom_buf_put_escaped(&text, id);
        cocom_buf_printf(&text, "\" ods-code=\"%s\"", p->ods_code);
        if (contract) {
            cocom_buf_puts(&text, " contract=\"");
            cocom_buf_put_escaped(&text, contract);
            cocom_buf_putc(&text, '"');
        }
        if (list_size) {
            cocom_buf_puts(&text, " list-size=\"");
            cocom_buf_put_escaped(&text, list_size);
            cocom_buf_putc(&text, '"');
        }
        cocom_buf_printf(&text, "><%sname>", prefix);
        cocom_buf_put_escaped(&text, p->name);
        cocom_buf_printf(&text, "</%sname></%spractice>", prefix, prefix);
        free(id);
        free(contract);
        free(list_size);
    }
    put_kept(&text, &kept_after, pad, indent + unit);
    cocom_buf_printf(&text, "\n%.*s</%spractices>", (int)indent, pad, prefix);
    cocom_buf_append(&text, data + upto, len - upto);
    free(pad);
    free(id_prefix);

    /* What would be written must be valid before it is. */
    st = cocom_check_schema_text(ctx, text.data, text.len, path, "an arrangement");
    if (st != COCOM_STATUS_OK) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                     "with these practices the arrangement would not be valid (the lines above are those it would "
                     "have); nothing was changed");
        goto done;
    }
    if (cocom_write_file_atomic(path, text.data, text.len) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s; it was not changed",
                     strerror(errno));
        st = COCOM_STATUS_IO;
        goto done;
    }
    st = COCOM_STATUS_OK;
done:
    xmlFreeDoc(doc);
    cocom_map_clear(&ids);
    cocom_map_clear(&old);
    cocom_buf_free(&text);
    free(spans);
    free(prefix);
    free(data);
    return st;
}
