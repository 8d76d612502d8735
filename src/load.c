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
#include <libxml/SAX2.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>

int cocom_load_options(void)
{
    /* NONET: no network.  BIG_LINES: line numbers past 65535 stay right.
     * NOCDATA: CDATA becomes text, which is all FO and XSLT need.
     * Deliberately absent: NOENT, DTDLOAD, DTDATTR, XINCLUDE, HUGE. */
    return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
}

/* Catalog and trusted loads also read the DTD, substitute entities and
 * give attributes their DTD defaults, as xsltproc does; still no network
 * and never XML_PARSE_HUGE, so libxml2's amplification limits hold. */
static int mode_options(CocomLoadMode mode)
{
    int o = cocom_load_options();
    if (mode != COCOM_LOAD_STRICT)
        o |= XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR;
    return o;
}

/* What one parse collects: the first error only, since later ones are
 * usually consequences of it; and, in catalog mode, the files the catalog
 * gave (what those refer to is trusted with them). */
typedef struct LoadState {
    CocomContext *ctx;
    const char *name;
    const char *what;
    int reported;
    int refused_entity;
    CocomLoadMode mode;
    char **trusted;         /* input file names (as libxml2 names them) */
    size_t ntrusted;
    struct LoadState *saved;
} LoadState;

/* The parse under way on this thread: the entity loader is process-wide
 * and has no user pointer of ours. */
static _Thread_local LoadState *loading;

char *cocom_load_local_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) == 0)
        uri += 7;
    else if (strncmp(uri, "file:", 5) == 0)
        uri += 5;
    else if (strstr(uri, "://"))
        return NULL;
    char *p = (char *)xmlURIUnescapeString(uri, 0, NULL);
    return p ? p : cocom_xstrdup(uri);
}

/* ---------------------------------------------------------------------- */
/* The system's XML catalog                                                 */

/* One catalog for the process, read on first use, never libxml2's global
 * one (which the strict loads must not consult).  Resolving may read
 * delegated catalog files lazily, so it is done under a lock. */
static xmlCatalogPtr catalog;
static pthread_mutex_t catalog_lock = PTHREAD_MUTEX_INITIALIZER;

static void catalog_init_once(void)
{
    const char *files = getenv("XML_CATALOG_FILES");
    if (!files || !*files)
        files = "/etc/xml/catalog";
    char *list = cocom_xstrdup(files);
    char *save = NULL;
    for (char *f = strtok_r(list, " \t\n", &save); f; f = strtok_r(NULL, " \t\n", &save)) {
        char *path = cocom_load_local_path(f);
        if (!path)
            continue;   /* a catalog on the network is never read */
        if (!catalog)
            catalog = xmlLoadACatalog(path);
        else
            xmlACatalogAdd(catalog, BAD_CAST "nextCatalog", NULL, BAD_CAST path);
        free(path);
    }
    free(list);
}

static xmlCatalogPtr catalog_get(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, catalog_init_once);
    return catalog;
}

/* The local file the catalog gives, or NULL: for a public and/or system
 * id (a DTD's, an entity's), then for the system id as a URI; with
 * uri_only, for a URI alone (a stylesheet's import). */
static char *catalog_lookup(const char *public_id, const char *system_id, int uri_only)
{
    xmlCatalogPtr cat = catalog_get();
    if (!cat || (!public_id && !system_id))
        return NULL;
    pthread_mutex_lock(&catalog_lock);
    xmlChar *r = uri_only ? NULL : xmlACatalogResolve(cat, BAD_CAST public_id, BAD_CAST system_id);
    if (!r && system_id)
        r = xmlACatalogResolveURI(cat, BAD_CAST system_id);
    pthread_mutex_unlock(&catalog_lock);
    if (!r)
        return NULL;
    char *path = cocom_load_local_path((const char *)r);
    xmlFree(r);
    return path;
}

static char *catalog_resolve(const char *public_id, const char *system_id)
{
    return catalog_lookup(public_id, system_id, 0);
}

char *cocom_catalog_resolve_uri(const char *uri)
{
    return catalog_lookup(NULL, uri, 1);
}

/* The file the parser is reading now: the innermost input that is a file
 * (an internal entity's text has no name of its own). */
static const char *current_file(xmlParserCtxtPtr pctxt)
{
    for (int i = pctxt->inputNr - 1; i >= 0; i--)
        if (pctxt->inputTab[i] && pctxt->inputTab[i]->filename)
            return pctxt->inputTab[i]->filename;
    return NULL;
}

/* Whether what is being read now came from the catalog (or from a file
 * the catalog gave): a DTD's own references are trusted with it. */
static int reading_trusted(const LoadState *st, xmlParserCtxtPtr pctxt)
{
    if (st->mode == COCOM_LOAD_TRUSTED)
        return 1;
    const char *f = current_file(pctxt);
    for (size_t i = 0; f && i < st->ntrusted; i++)
        if (strcmp(st->trusted[i], f) == 0)
            return 1;
    return 0;
}

static long current_line(xmlParserCtxtPtr pctxt)
{
    /* The line in the document itself, not in a DTD it loaded. */
    xmlParserInputPtr in = pctxt->inputNr > 0 ? pctxt->inputTab[0] : pctxt->input;
    return in && in->line > 0 ? in->line : 0;
}

static const char *catalog_name(void)
{
    const char *files = getenv("XML_CATALOG_FILES");
    return files && *files ? files : "/etc/xml/catalog";
}

/* Refuses what the document loads: the first refusal is reported (the
 * rest would only repeat it), and the parser stops. */
static void refuse(LoadState *st, xmlParserCtxtPtr pctxt, long line, const char *fmt, ...) COCOM_PRINTF(4, 5);
static void refuse(LoadState *st, xmlParserCtxtPtr pctxt, long line, const char *fmt, ...)
{
    if (!st->reported) {
        st->reported = 1;
        st->refused_entity = 1;
        va_list ap;
        va_start(ap, fmt);
        cocom_vreport(st->ctx, COCOM_SEVERITY_ERROR, st->name, line, NULL, NULL, fmt, ap);
        va_end(ap);
    }
    xmlStopParser(pctxt);
}

/* Strict loads: nothing.  Catalog loads: what the catalog gives, and what
 * a file it gave refers to.  Trusted loads: any local file. */
static xmlParserInputPtr entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    LoadState *st = loading;
    if (!st || !ctxt || st->mode == COCOM_LOAD_STRICT || ctxt->_private != st)
        return NULL;
    char *path = catalog_resolve(id, url);
    if (!path && url && reading_trusted(st, ctxt))
        path = cocom_load_local_path(url);
    if (!path) {
        if (st->mode == COCOM_LOAD_TRUSTED)
            refuse(st, ctxt, current_line(ctxt),
                   "the file refers to '%s', which is on the network and not in the system's XML "
                   "catalog (%s); nothing is read from the network",
                   url ? url : id, catalog_name());
        else
            refuse(st, ctxt, current_line(ctxt),
                   "the document refers to '%s'%s%s%s, which is not in the system's XML catalog (%s); "
                   "%s reads DTDs and external entities only from the catalog, never other files "
                   "or the network",
                   url ? url : id, id && url ? " (" : "", id && url ? id : "", id && url ? ")" : "",
                   catalog_name(), st->what);
        return NULL;
    }
    xmlParserInputPtr in = xmlNewInputFromFile(ctxt, path);
    free(path);
    if (in && in->filename && st->mode == COCOM_LOAD_CATALOG) {
        st->trusted = cocom_xrealloc(st->trusted, (st->ntrusted + 1) * sizeof *st->trusted);
        st->trusted[st->ntrusted++] = cocom_xstrdup(in->filename);
    }
    return in;
}

static void xml_init_once(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(entity_loader);
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

const char *cocom_load_write_errno_text(int err)
{
    switch (err) {
    case ENOENT: return "its folder does not exist";
    case ENOSPC: return "the disk is full";
    case EFBIG: return "the file reached the size limit for files";
    case EDQUOT: return "the disk quota is used up";
    default: return cocom_load_errno_text(err);
    }
}

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
    case XML_ERR_ENTITY_LOOP:
        out = cocom_xasprintf("the document's entities expand too far (a loop, or \"billion laughs\"); "
                              "libxml2's limits on entity expansion refuse it (%s)", raw);
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

/* Strict: an entity declaration is refused as soon as it is read.
 * Catalog: an external one is refused unless the catalog has it or a file
 * the catalog gave declares it; internal ones are kept (libxml2 bounds
 * their expansion).  Trusted: all are kept. */
static void entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                        const xmlChar *system_id, xmlChar *content)
{
    xmlParserCtxtPtr pctxt = user;
    LoadState *st = pctxt->_private;
    if (st->mode == COCOM_LOAD_TRUSTED || (st->mode == COCOM_LOAD_CATALOG && !system_id && !public_id)
        || (st->mode == COCOM_LOAD_CATALOG && reading_trusted(st, pctxt))) {
        xmlSAX2EntityDecl(user, name, type, public_id, system_id, content);
        return;
    }
    if (st->mode == COCOM_LOAD_CATALOG) {
        char *found = catalog_resolve((const char *)public_id, (const char *)system_id);
        if (found) {
            free(found);
            xmlSAX2EntityDecl(user, name, type, public_id, system_id, content);
            return;
        }
        refuse(st, pctxt, current_line(pctxt),
               "the document declares an external entity '%s' (pointing at '%s'), which is not in "
               "the system's XML catalog (%s); external entities are read only from the catalog, "
               "because they can read other files",
               (const char *)name, (const char *)(system_id ? system_id : public_id), catalog_name());
        return;
    }
    if (system_id)
        refuse(st, pctxt, current_line(pctxt),
               "the document declares an external entity '%s' (pointing at '%s'); "
               "entities are refused, because they can read other files",
               (const char *)name, (const char *)system_id);
    else
        refuse(st, pctxt, current_line(pctxt),
               "the document declares an entity '%s'; entities are refused, "
               "because they can expand without bound (\"billion laughs\")",
               (const char *)name);
}

/* Catalog mode: the DOCTYPE's DTD is read only if the catalog has it. */
static void external_subset(void *user, const xmlChar *name, const xmlChar *public_id, const xmlChar *system_id)
{
    xmlParserCtxtPtr pctxt = user;
    LoadState *st = pctxt->_private;
    if (st->mode == COCOM_LOAD_CATALOG && (public_id || system_id)) {
        char *found = catalog_resolve((const char *)public_id, (const char *)system_id);
        if (!found) {
            refuse(st, pctxt, current_line(pctxt),
                   "the DOCTYPE names the DTD '%s'%s%s%s, which is not in the system's XML catalog (%s); "
                   "a DTD is read only from the catalog (for DocBook, install docbook-xml), never "
                   "from another file or the network",
                   (const char *)(system_id ? system_id : public_id), public_id && system_id ? " (" : "",
                   public_id && system_id ? (const char *)public_id : "", public_id && system_id ? ")" : "",
                   catalog_name());
            return;
        }
        free(found);
    }
    xmlSAX2ExternalSubset(user, name, public_id, system_id);
}

xmlDocPtr cocom_load_memory(CocomContext *ctx, const char *data, size_t len, const char *name,
                            const char *what, CocomStatus *status)
{
    return cocom_load_memory_dict(ctx, data, len, name, what, NULL, status);
}

xmlDocPtr cocom_load_memory_dict(CocomContext *ctx, const char *data, size_t len, const char *name,
                                 const char *what, xmlDictPtr dict, CocomStatus *status)
{
    return cocom_load_memory_mode(ctx, data, len, name, what, dict, COCOM_LOAD_STRICT, status);
}

xmlDocPtr cocom_load_memory_mode(CocomContext *ctx, const char *data, size_t len, const char *name,
                                 const char *what, xmlDictPtr dict, CocomLoadMode mode, CocomStatus *status)
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
    LoadState st = {ctx, name, what, 0, 0, mode, NULL, 0, loading};
    pctxt->_private = &st;
    pctxt->sax->serror = structured_error;
    pctxt->sax->entityDecl = entity_decl;
    pctxt->sax->externalSubset = external_subset;
    pctxt->vctxt.error = NULL;
    pctxt->vctxt.warning = NULL;

    /* Encoding errors come through the thread's handler, not the parser's. */
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, NULL, structured_error, pctxt);
    loading = &st;
    xmlDocPtr doc = xmlCtxtReadMemory(pctxt, data, (int)len, name, NULL, mode_options(mode));
    loading = st.saved;
    cocom_xml_handlers_pop(&saved);
    for (size_t i = 0; i < st.ntrusted; i++)
        free(st.trusted[i]);
    free(st.trusted);
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
    return cocom_load_file_mode(ctx, path, what, dict, COCOM_LOAD_STRICT, status);
}

xmlDocPtr cocom_load_file_mode(CocomContext *ctx, const char *path, const char *what, xmlDictPtr dict,
                               CocomLoadMode mode, CocomStatus *status)
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
            /* In the unit the limit was given in: "200" is 200 bytes,
             * which "0 MiB" would misstate. */
            size_t unit = max % (1024 * 1024) == 0 ? 1024 * 1024 : max % 1024 == 0 ? 1024 : 1;
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0,
                         "the file is larger than the limit of %zu %s for %s (see --max-input-size)", max / unit,
                         unit == 1 ? "bytes" : unit == 1024 ? "KiB" : "MiB", what);
            *status = COCOM_STATUS_LIMIT;
        } else {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "cannot read the file: %s",
                         cocom_load_errno_text(e));
            *status = e == EISDIR ? COCOM_STATUS_INVALID : COCOM_STATUS_IO;
        }
        return NULL;
    }
    xmlDocPtr doc = cocom_load_memory_mode(ctx, data, len, name, what, dict, mode, status);
    free(data);
    return doc;
}
