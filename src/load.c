/* load.c — see load.h. */
#include "config.h"
#include "load.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

int cocom_load_options(void)
{
    /* NONET: no network.  BIG_LINES: line numbers past 65535 stay right.
     * NOCDATA: CDATA becomes text, which is all FO and XSLT need.
     * Deliberately absent: NOENT, DTDLOAD, DTDATTR, XINCLUDE, HUGE. */
    return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
}

static xmlParserInputPtr deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    COCOM_UNUSED(id);
    COCOM_UNUSED(ctxt);
    COCOM_UNUSED(url);
    return NULL;
}

static void xml_init_once(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entity_loader);
#ifdef LIBXML_CATALOG_ENABLED
    xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
#endif
}

void cocom_xml_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xml_init_once);
}

const char *cocom_load_errno_text(int err)
{
    switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EISDIR: return "this is a folder, not a file";
    case ENOTDIR: return "a part of the path is not a folder";
    default: return strerror(err);
    }
}

/* What one parse collects: the first error only, since later ones are
 * usually consequences of it. */
typedef struct {
    CocomContext *ctx;
    const char *name;
    const char *what;
    int reported;
    int refused_entity;
} LoadState;

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static void drop_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void cocom_xml_handlers_push(CocomXmlHandlers *saved, xmlGenericErrorFunc generic,
                             xmlStructuredErrorFunc structured, void *user)
{
    saved->generic = xmlGenericError;
    saved->generic_ctx = xmlGenericErrorContext;
    saved->structured = xmlStructuredError;
    saved->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(user, generic ? generic : drop_generic);
    xmlSetStructuredErrorFunc(user, structured);
}

void cocom_xml_handlers_pop(const CocomXmlHandlers *saved)
{
    xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
    xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* libxml2's message, rephrased where a plainer one exists. */
char *cocom_load_describe_error(const xmlError *e, const char *what)
{
    char *raw = cocom_xstrdup(e->message ? e->message : "unknown error");
    trim(raw);
    char *out;
    switch (e->code) {
    case XML_ERR_DOCUMENT_EMPTY:
        /* Empty files are caught before parsing: here the file has bytes
         * but no element (plain text, or only white space). */
        out = cocom_xasprintf("this is not XML: the file holds no element; expected %s", what);
        break;
    case XML_ERR_DOCUMENT_START:
        out = cocom_xasprintf("this is not XML: the file does not begin with an element (%s)", raw);
        break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_I18N_CONV_FAILED:
    case XML_IO_ENCODER:
        out = cocom_xasprintf("the file contains bytes that are not text in its encoding; "
                              "it may be binary data, or not saved as UTF-8 (%s)", raw);
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
        out = cocom_xasprintf("not well-formed XML: an element is not closed properly (%s)", raw);
        break;
    case XML_ERR_DOCUMENT_END:
        out = cocom_xasprintf("not well-formed XML: there is content after the end of the document element (%s)", raw);
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        out = cocom_xasprintf("not well-formed XML: %s; write & as &amp; and < as &lt;", raw);
        break;
    default:
        if (strstr(raw, "Excessive depth"))
            out = cocom_xasprintf("elements are nested more than %u deep, beyond what %s needs", xmlParserMaxDepth, what);
        else if (strstr(raw, "Huge input lookup") || strstr(raw, "xmlSAX2Characters: huge text node")
                 || strstr(raw, "too long"))
            out = cocom_xasprintf("a text or name in the file is longer than the parser allows (%s)", raw);
        else
            out = cocom_xasprintf("not well-formed XML: %s", raw);
    }
    free(raw);
    return out;
}

static void structured_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr pctxt = user;
    LoadState *st = pctxt ? pctxt->_private : NULL;
    if (!st || st->reported || e->level < XML_ERR_ERROR)
        return;
    st->reported = 1;
    char *msg = cocom_load_describe_error(e, st->what);
    long line = e->line > 0 ? e->line : pctxt->input && pctxt->input->line > 0 ? pctxt->input->line : 1;
    cocom_report(st->ctx, COCOM_SEVERITY_ERROR, st->name, line, "%s", msg);
    free(msg);
}

/* An entity declaration is refused as soon as it is read. */
static void refuse_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                               const xmlChar *system_id, xmlChar *content)
{
    COCOM_UNUSED(public_id);
    COCOM_UNUSED(content);
    COCOM_UNUSED(type);
    xmlParserCtxtPtr pctxt = user;
    LoadState *st = pctxt->_private;
    if (!st->reported) {
        st->reported = 1;
        st->refused_entity = 1;
        long line = pctxt->input ? pctxt->input->line : 0;
        if (system_id)
            cocom_report(st->ctx, COCOM_SEVERITY_ERROR, st->name, line,
                         "the document declares an external entity '%s' (pointing at '%s'); "
                         "entities are refused, because they can read other files",
                         (const char *)name, (const char *)system_id);
        else
            cocom_report(st->ctx, COCOM_SEVERITY_ERROR, st->name, line,
                         "the document declares an entity '%s'; entities are refused, "
                         "because they can expand without bound (\"billion laughs\")",
                         (const char *)name);
    }
    xmlStopParser(pctxt);
}

xmlDocPtr cocom_load_memory(CocomContext *ctx, const char *data, size_t len, const char *name,
                            const char *what, CocomStatus *status)
{
    return cocom_load_memory_dict(ctx, data, len, name, what, NULL, status);
}

xmlDocPtr cocom_load_memory_dict(CocomContext *ctx, const char *data, size_t len, const char *name,
                                 const char *what, xmlDictPtr dict, CocomStatus *status)
{
    cocom_xml_init();
    *status = COCOM_STATUS_OK;
    if (len == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 1, "the file is empty; expected %s", what);
        *status = COCOM_STATUS_INVALID;
        return NULL;
    }
    if (len > (size_t)INT32_MAX) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "the file is too large to parse");
        *status = COCOM_STATUS_LIMIT;
        return NULL;
    }
    xmlParserCtxtPtr pctxt = xmlNewParserCtxt();
    if (!pctxt) {
        *status = COCOM_STATUS_NO_MEMORY;
        return NULL;
    }
    if (dict) {
        /* libxslt wants documents it loads to share its dictionary. */
        xmlDictFree(pctxt->dict);
        pctxt->dict = dict;
        xmlDictReference(dict);
    }
    LoadState st = {ctx, name, what, 0, 0};
    pctxt->_private = &st;
    pctxt->sax->serror = structured_error;
    pctxt->sax->entityDecl = refuse_entity_decl;
    pctxt->vctxt.error = NULL;
    pctxt->vctxt.warning = NULL;

    /* Encoding errors come through the thread's handler, not the parser's. */
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, NULL, structured_error, pctxt);
    xmlDocPtr doc = xmlCtxtReadMemory(pctxt, data, (int)len, name, NULL, cocom_load_options());
    cocom_xml_handlers_pop(&saved);
    if (!doc || st.reported || !pctxt->wellFormed) {
        if (!st.reported)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 1, "not well-formed XML");
        xmlFreeDoc(doc);
        doc = NULL;
        *status = COCOM_STATUS_INVALID;
    } else if (!xmlDocGetRootElement(doc)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 1, "the document has no element");
        xmlFreeDoc(doc);
        doc = NULL;
        *status = COCOM_STATUS_INVALID;
    }
    xmlFreeParserCtxt(pctxt);
    return doc;
}

xmlDocPtr cocom_load_file(CocomContext *ctx, const char *path, const char *what, CocomStatus *status)
{
    return cocom_load_file_dict(ctx, path, what, NULL, status);
}

xmlDocPtr cocom_load_file_dict(CocomContext *ctx, const char *path, const char *what, xmlDictPtr dict,
                               CocomStatus *status)
{
    size_t max = (size_t)ctx->options[COCOM_OPTION_MAX_INPUT_BYTES];
    size_t len = 0;
    char *data;
    const char *name = path;
    if (strcmp(path, "-") == 0) {
        data = cocom_read_file("/dev/stdin", max, &len);
        name = "<stdin>";
    } else {
        data = cocom_read_file(path, max, &len);
    }
    if (!data) {
        int e = errno;
        if (e == EFBIG) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0,
                         "the file is larger than the limit of %zu MiB for %s (see --max-input-size)",
                         max / (1024 * 1024), what);
            *status = COCOM_STATUS_LIMIT;
        } else {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "cannot read the file: %s",
                         cocom_load_errno_text(e));
            *status = e == EISDIR ? COCOM_STATUS_INVALID : COCOM_STATUS_IO;
        }
        return NULL;
    }
    xmlDocPtr doc = cocom_load_memory_dict(ctx, data, len, name, what, dict, status);
    free(data);
    return doc;
}
