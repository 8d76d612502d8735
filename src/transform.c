/* transform.c — see transform.h. */
#include "config.h"
#include "transform.h"
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxslt/documents.h>
#include <libxslt/variables.h>
#include "xslt-load.h"           /* after libxslt's own headers */

#define MAX_TEMPLATE_DEPTH 1000

/* What the loader may read, for the transform under way on this thread.
 * libxslt calls the loader without a user pointer of ours at stylesheet
 * compile time, so the policy travels in a thread-local variable: two
 * threads transforming at once do not see each other's.
 *
 * Two kinds of stylesheet (see load.h for the parsing modes):
 *   - cocom's own (build, rules): parsed strictly, and with everything
 *     they import or read confined to the roots below;
 *   - one the user names (render --xsl, cocom_render_file): trusted input,
 *     as with xsltproc.  It and the modules it imports or includes are
 *     parsed in trusted mode from any local file (a customisation layer
 *     imports DocBook XSL from /usr/share, or by its URL through the
 *     catalog).  While it runs, document() may read below the folders of
 *     those modules (DocBook reads ../common/l10n.xml) and the input's
 *     folder; what it reads from the modules' folders is trusted, what it
 *     reads from the input's folder is parsed as the input is (catalog
 *     mode): where the two overlap, the untrusted side wins. */
typedef struct Policy {
    CocomContext *ctx;
    char **roots;           /* folders document() may read below */
    int nroots;
    char **modules;         /* a user's stylesheet: its modules' folders (also in roots) */
    int nmodules;
    char *input_root;       /* the input's folder, or NULL */
    int trusted;            /* a stylesheet the user named */
    int denied;
    struct Policy *saved;   /* the policy this one stands in for */
} Policy;

static _Thread_local Policy *current;

static char *folder_of(const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return NULL;
    char *slash = strrchr(real, '/');
    if (slash && slash != real)
        *slash = '\0';
    return cocom_xstrdup(real);
}

static int below(const char *real, const char *root)
{
    size_t n = strlen(root);
    return strncmp(real, root, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

static void add_folder(char ***list, int *n, char *folder)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*list)[i], folder) == 0) {
            free(folder);
            return;
        }
    *list = cocom_xrealloc(*list, (size_t)(*n + 1) * sizeof **list);
    (*list)[(*n)++] = folder;
}

static int allowed(const Policy *p, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return 1;   /* a file that does not exist: let the loader say so */
    for (int i = 0; i < p->nroots; i++)
        if (below(real, p->roots[i]))
            return 1;
    return 0;
}

/* How a document a user's stylesheet reads at run time is parsed: trusted
 * below its modules' folders, unless that is also below the input's. */
static CocomLoadMode document_mode(const Policy *p, const char *path)
{
    char real[PATH_MAX];
    if (!p->trusted || !realpath(path, real))
        return p->trusted ? COCOM_LOAD_CATALOG : COCOM_LOAD_STRICT;
    if (p->input_root && below(real, p->input_root))
        return COCOM_LOAD_CATALOG;
    for (int i = 0; i < p->nmodules; i++)
        if (below(real, p->modules[i]))
            return COCOM_LOAD_TRUSTED;
    return COCOM_LOAD_CATALOG;
}

/* A URI to a local path, or NULL for anything on the network. */
static char *uri_to_path(const char *uri)
{
    return cocom_load_local_path(uri);
}

static void say_denied(Policy *p, const char *path)
{
    CocomBuf roots = {0};
    for (int i = 0; i < p->nroots; i++)
        cocom_buf_printf(&roots, "%s%s", i ? ", " : "", p->roots[i]);
    cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                 "the stylesheet tried to read '%s', which is outside the folders it may read (%s)", path,
                 roots.data ? roots.data : "none");
    cocom_buf_free(&roots);
    p->denied = 1;
}

static xmlDocPtr loader(const xmlChar *uri, xmlDictPtr dict, int options, void *xctxt, xsltLoadType type)
{
    (void)options;
    (void)xctxt;
    Policy *p = current;
    if (!p)
        return NULL;
    const char *what = type == XSLT_LOAD_DOCUMENT ? "a document loaded by the stylesheet" : "a stylesheet";
    char *path = uri_to_path((const char *)uri);
    if (p->trusted && type != XSLT_LOAD_DOCUMENT) {
        /* A module of the user's stylesheet: from any local file, or from
         * where the catalog maps its URL (DocBook customisation layers
         * import http://docbook.sourceforge.net/release/xsl/current/...). */
        char *mapped = cocom_catalog_resolve_uri((const char *)uri);
        if (mapped) {
            free(path);
            path = mapped;
        }
        if (!path) {
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                         "the stylesheet imports '%s', which is on the network and not in the system's XML "
                         "catalog; stylesheets are read only from local files", (const char *)uri);
            p->denied = 1;
            return NULL;
        }
        CocomStatus st;
        xmlDocPtr doc = cocom_load_file_mode(p->ctx, path, what, dict, COCOM_LOAD_TRUSTED, &st);
        free(path);
        return doc;
    }
    if (!path) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "the stylesheet tried to load '%s' from the network, which is not allowed", (const char *)uri);
        p->denied = 1;
        return NULL;
    }
    if (!allowed(p, path)) {
        say_denied(p, path);
        free(path);
        return NULL;
    }
    CocomStatus st;
    /* libxslt asks for NOENT and DTDLOAD here (XSLT_PARSE_OPTIONS); the
     * safe loader ignores them: strict for cocom's own stylesheets, and
     * for a user's as document_mode says. */
    xmlDocPtr doc = cocom_load_file_mode(p->ctx, path, what, type == XSLT_LOAD_DOCUMENT ? NULL : dict,
                                         type == XSLT_LOAD_DOCUMENT ? document_mode(p, path) : COCOM_LOAD_STRICT, &st);
    free(path);
    return doc;
}

static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
    (void)sec;
    (void)tctxt;
    Policy *p = current;
    if (!p)
        return 0;
    char *path = uri_to_path(value);
    if (!path) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "the stylesheet tried to load '%s' from the network, which is not allowed", value);
        p->denied = 1;
        return 0;
    }
    int ok = allowed(p, path);
    if (!ok)
        say_denied(p, path);
    free(path);
    return ok;
}

static int deny_network(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
    (void)sec;
    (void)tctxt;
    Policy *p = current;
    if (p) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "the stylesheet tried to load '%s' from the network, which is not allowed", value);
        p->denied = 1;
    }
    return 0;
}

static int deny_write(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
    (void)sec;
    (void)tctxt;
    Policy *p = current;
    if (p) {
        cocom_report(p->ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "the stylesheet tried to write '%s'; stylesheets may not write files", value);
        p->denied = 1;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Messages                                                                 */

typedef struct {
    CocomContext *ctx;
    CocomBuf line;
    const char *stylesheet;
    int errors;
    xsltTransformContextPtr tctxt;  /* while running: where it is (its instruction) */
    CocomBuf xml_line;              /* libxml2's plain messages, gathered into lines */
} Messages;

/* The instruction a running transform is at, as FILE and LINE, or the
 * stylesheet with no line. */
static const char *where(const Messages *m, long *line)
{
    xmlNodePtr inst = m->tctxt ? m->tctxt->inst : NULL;
    *line = inst ? xmlGetLineNo(inst) : 0;
    if (*line < 0)
        *line = 0;
    return inst && inst->doc && inst->doc->URL ? (const char *)inst->doc->URL : m->stylesheet;
}

/* libxslt reports in printf pieces ("runtime error: file X line N element
 * E\n", then the message); they are gathered into lines and each line
 * becomes a FILE:LINE diagnostic. */
static void flush_line(Messages *m)
{
    if (!m->line.len)
        return;
    char *s = m->line.data;
    while (m->line.len && (s[m->line.len - 1] == '\n' || s[m->line.len - 1] == ' '))
        s[--m->line.len] = '\0';
    if (!*s) {
        cocom_buf_clear(&m->line);
        return;
    }
    char file[PATH_MAX];
    long line = 0;
    char elem[128];
    if (!strchr(s, '\n')
        && (sscanf(s, "runtime error: file %4095s line %ld element %127s", file, &line, elem) == 3
            || sscanf(s, "compilation error: file %4095s line %ld element %127s", file, &line, elem) == 3)) {
        /* Held: the next line says what the error is. */
        return;
    }
    /* A held location, followed by its message. */
    char *nl = strchr(s, '\n');
    if (nl && (strncmp(s, "runtime error:", 14) == 0 || strncmp(s, "compilation error:", 18) == 0)) {
        *nl = '\0';
        if (sscanf(s, "%*s error: file %4095s line %ld", file, &line) == 2) {
            cocom_report(m->ctx, COCOM_SEVERITY_ERROR, file, line, "%s", nl + 1);
            m->errors++;
            cocom_buf_clear(&m->line);
            return;
        }
        *nl = '\n';
    }
    long at;
    const char *where_file = where(m, &at);
    if (strncmp(s, "xsl:message", 11) == 0 || strstr(s, "Terminating"))
        cocom_report(m->ctx, COCOM_SEVERITY_ERROR, where_file, at, "the stylesheet stopped: %s", s);
    else
        cocom_report(m->ctx, COCOM_SEVERITY_WARNING, where_file, at, "%s", s);
    cocom_buf_clear(&m->line);
}

/* libxml2's own reports while a stylesheet is compiled or run (XPath
 * errors, mostly) would go straight to standard error without a place.
 * Compiling, libxslt follows each with a located message of its own, so
 * they are dropped; running, they are reported at the instruction. */
static void on_xml_error(void *user, xmlErrorPtr e)
{
    Messages *m = user;
    if (!m->tctxt || e->level < XML_ERR_ERROR)
        return;
    char *msg = cocom_xstrdup(e->message ? e->message : "error");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    long at;
    const char *file = where(m, &at);
    if (e->domain == XML_FROM_XPATH && e->str1)
        cocom_report(m->ctx, COCOM_SEVERITY_ERROR, file, at, "in the expression '%s': %s", e->str1, msg);
    else
        cocom_report(m->ctx, COCOM_SEVERITY_ERROR, file, at, "%s", msg);
    m->errors++;
    free(msg);
}

static void on_xml_message(void *user, const char *fmt, ...)
{
    Messages *m = user;
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&m->xml_line, fmt, ap);
    va_end(ap);
    if (!m->xml_line.len || m->xml_line.data[m->xml_line.len - 1] != '\n')
        return;
    m->xml_line.data[--m->xml_line.len] = '\0';
    if (m->tctxt && m->xml_line.len) {
        long at;
        const char *file = where(m, &at);
        /* "xmlXPathCompOpEval: function f bound to ...": the name of the
         * function inside libxml2 means nothing to the reader. */
        const char *text = m->xml_line.data;
        const char *colon = strstr(text, ": ");
        if (colon && strncmp(text, "xml", 3) == 0 && !memchr(text, ' ', (size_t)(colon - text)))
            text = colon + 2;
        cocom_report(m->ctx, COCOM_SEVERITY_ERROR, file, at, "%s", text);
        m->errors++;
    }
    cocom_buf_clear(&m->xml_line);
}


static void on_message(void *user, const char *fmt, ...)
{
    Messages *m = user;
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&m->line, fmt, ap);
    va_end(ap);
    /* A complete line that is not a held location ends a message. */
    if (m->line.len && m->line.data[m->line.len - 1] == '\n') {
        const char *s = m->line.data;
        int location_only = (strncmp(s, "runtime error: file", 19) == 0 || strncmp(s, "compilation error: file", 23) == 0)
                            && strchr(s, '\n') == s + m->line.len - 1;
        if (!location_only)
            flush_line(m);
    }
}

/* ---------------------------------------------------------------------- */
/* The watchdog                                                             */

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int finished;
    int timed_out;
    long seconds;
    CocomContext *ctx;
    xsltTransformContextPtr tctxt;
} Watchdog;

static void *watch(void *arg)
{
    Watchdog *w = arg;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    time_t end = deadline.tv_sec + (w->seconds > 0 ? w->seconds : 1000000000L);
    pthread_mutex_lock(&w->mu);
    while (!w->finished) {
        struct timespec tick;
        clock_gettime(CLOCK_REALTIME, &tick);
        if (w->seconds > 0 && tick.tv_sec >= end) {
            w->timed_out = 1;
            w->tctxt->state = XSLT_STATE_STOPPED;
            break;
        }
        if (w->ctx->interrupted) {
            w->tctxt->state = XSLT_STATE_STOPPED;
            break;
        }
        tick.tv_nsec += 100 * 1000 * 1000;   /* look every tenth of a second */
        if (tick.tv_nsec >= 1000000000L) {
            tick.tv_sec++;
            tick.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&w->cv, &w->mu, &tick);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static void xslt_init_once(void)
{
    exsltRegisterAll();
    xsltSetLoaderFunc(loader);
}

/* The folders a stylesheet may read while compiling (imports) or running
 * (document()): its own folder, the input's folder, the data folder; for
 * a user's stylesheet, the folders of all its modules (`style`, once
 * compiled) too. */
static void add_module_folders(Policy *p, xsltStylesheetPtr s)
{
    for (; s; s = s->next) {
        char *f;
        if (s->doc && s->doc->URL && (f = folder_of((const char *)s->doc->URL)))
            add_folder(&p->modules, &p->nmodules, f);
        for (xsltDocumentPtr d = s->docList; d; d = d->next)
            if (d->doc && d->doc->URL && (f = folder_of((const char *)d->doc->URL)))
                add_folder(&p->modules, &p->nmodules, f);
        add_module_folders(p, s->imports);
    }
}

/* Loads libxslt (xslt-load.h) before its first use; 0 when it cannot be,
 * reported against path with *status set. */
static int xslt_ready(CocomContext *ctx, const char *path, CocomStatus *status)
{
    const char *why = NULL;
    if (cocom_xslt_load(&why))
        return 1;
    cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                 "cannot use the stylesheet: libxslt could not be loaded (%s); "
                 "install the package that provides " COCOM_EXSLT_SONAME, why);
    *status = COCOM_STATUS_IO;
    return 0;
}

static void policy_begin(Policy *policy, CocomContext *ctx, const char *style_path, const char *doc_name,
                         int trusted, xsltStylesheetPtr style)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    cocom_xml_init();
    pthread_once(&once, xslt_init_once);
    *policy = (Policy){ctx, NULL, 0, NULL, 0, NULL, trusted, 0, current};
    char *f;
    if (style_path && (f = folder_of(style_path)))
        add_folder(&policy->roots, &policy->nroots, f);
    if (doc_name && strcmp(doc_name, "<stdin>") != 0 && (f = folder_of(doc_name))) {
        policy->input_root = cocom_xstrdup(f);
        add_folder(&policy->roots, &policy->nroots, f);
    }
    /* Of the data folder, only what stylesheets are meant to read. */
    static const char *const data_parts[] = {"stylesheets", "templates"};
    for (size_t i = 0; i < sizeof data_parts / sizeof data_parts[0]; i++) {
        char *d = cocom_data_path(ctx, data_parts[i]);
        if ((f = realpath(d, NULL)))
            add_folder(&policy->roots, &policy->nroots, f);
        free(d);
    }
    if (trusted && style) {
        add_module_folders(policy, style);
        for (int i = 0; i < policy->nmodules; i++)
            add_folder(&policy->roots, &policy->nroots, cocom_xstrdup(policy->modules[i]));
    }
    current = policy;
}

static void policy_end(Policy *policy)
{
    current = policy->saved;
    for (int i = 0; i < policy->nroots; i++)
        free(policy->roots[i]);
    free(policy->roots);
    for (int i = 0; i < policy->nmodules; i++)
        free(policy->modules[i]);
    free(policy->modules);
    free(policy->input_root);
}

static xsltStylesheetPtr compile(CocomContext *ctx, xmlDocPtr sdoc, const char *path, int trusted,
                                 CocomStatus *status)
{
    if (!xslt_ready(ctx, path, status)) {
        xmlFreeDoc(sdoc);
        return NULL;
    }
    Policy policy;
    policy_begin(&policy, ctx, path, NULL, trusted, NULL);
    *status = COCOM_STATUS_OK;
    Messages msgs = {ctx, {0}, path, 0, NULL, {0}};
    /* Compile errors go through libxslt's process-wide handler; it is set
     * only for the compile and put back, one compile at a time, so that
     * two threads compiling do not swap each other's messages. */
    static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&compile_lock);
    xmlGenericErrorFunc old_err = xsltGenericError;
    void *old_ctx = xsltGenericErrorContext;
    xsltSetGenericErrorFunc(&msgs, on_message);
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, on_xml_message, on_xml_error, &msgs);
    xsltStylesheetPtr style = xsltParseStylesheetDoc(sdoc);
    cocom_xml_handlers_pop(&saved);
    flush_line(&msgs);
    xsltSetGenericErrorFunc(old_ctx, old_err);
    pthread_mutex_unlock(&compile_lock);
    if (!style || style->errors > 0 || policy.denied) {
        if (!style)
            xmlFreeDoc(sdoc);
        else
            xsltFreeStylesheet(style);
        style = NULL;
        if (!msgs.errors && !policy.denied)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "the stylesheet cannot be compiled");
        *status = COCOM_STATUS_INVALID;
    }
    cocom_buf_free(&msgs.line);
    cocom_buf_free(&msgs.xml_line);
    policy_end(&policy);
    return style;
}

xsltStylesheetPtr cocom_stylesheet_compile(CocomContext *ctx, xmlDocPtr sdoc, const char *path,
                                           CocomStatus *status)
{
    return compile(ctx, sdoc, path, 0, status);
}

static xmlDocPtr apply(CocomContext *ctx, xsltStylesheetPtr style, const char *style_path, int trusted, xmlDocPtr doc,
                       const char *doc_name, const char *const *params, CocomStatus *status)
{
    if (!xslt_ready(ctx, style_path, status))
        return NULL;
    Policy policy;
    policy_begin(&policy, ctx, style_path, doc_name, trusted, style);
    *status = COCOM_STATUS_OK;
    Messages msgs = {ctx, {0}, style_path, 0, NULL, {0}};
    xmlDocPtr result = NULL;
    xsltSecurityPrefsPtr sec = NULL;
    xsltTransformContextPtr tctxt = xsltNewTransformContext(style, doc);
    if (!tctxt) {
        *status = COCOM_STATUS_NO_MEMORY;
        goto done;
    }
    xsltSetTransformErrorFunc(tctxt, &msgs, on_message);
    xsltSetCtxtParseOptions(tctxt, cocom_load_options());
    tctxt->maxTemplateDepth = MAX_TEMPLATE_DEPTH;
    sec = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, deny_write);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, deny_write);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, deny_network);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, deny_network);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, check_read);
    xsltSetCtxtSecurityPrefs(sec, tctxt);
    for (int i = 0; params && params[i] && params[i + 1]; i += 2)
        xsltQuoteOneUserParam(tctxt, (const xmlChar *)params[i], (const xmlChar *)params[i + 1]);

    Watchdog w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0,
                  ctx->options[COCOM_OPTION_TIMEOUT_SECONDS], ctx, tctxt};
    pthread_t th;
    int have_thread = pthread_create(&th, NULL, watch, &w) == 0;
    msgs.tctxt = tctxt;
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, on_xml_message, on_xml_error, &msgs);
    result = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, tctxt);
    cocom_xml_handlers_pop(&saved);
    if (have_thread) {
        pthread_mutex_lock(&w.mu);
        w.finished = 1;
        pthread_cond_signal(&w.cv);
        pthread_mutex_unlock(&w.mu);
        pthread_join(th, NULL);
    }
    flush_line(&msgs);
    msgs.tctxt = NULL;
    if (w.timed_out) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, style_path, 0,
                     "the stylesheet ran for more than %ld seconds and was stopped (see --timeout)", w.seconds);
        *status = COCOM_STATUS_LIMIT;
    } else if (ctx->interrupted) {
        *status = COCOM_STATUS_INTERRUPTED;
    } else if (!result || tctxt->state != XSLT_STATE_OK || policy.denied) {
        if (!msgs.errors && !policy.denied)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, style_path, 0, "the transformation failed");
        *status = COCOM_STATUS_INVALID;
    } else if (!xmlDocGetRootElement(result)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, style_path, 0, "the stylesheet produced an empty document");
        *status = COCOM_STATUS_INVALID;
    }
    if (*status != COCOM_STATUS_OK) {
        xmlFreeDoc(result);
        result = NULL;
    }
done:
    if (tctxt)
        xsltFreeTransformContext(tctxt);
    if (sec)
        xsltFreeSecurityPrefs(sec);
    cocom_buf_free(&msgs.line);
    cocom_buf_free(&msgs.xml_line);
    policy_end(&policy);
    return result;
}

xmlDocPtr cocom_transform_apply(CocomContext *ctx, xsltStylesheetPtr style, const char *style_path, xmlDocPtr doc,
                                const char *doc_name, const char *const *params, CocomStatus *status)
{
    return apply(ctx, style, style_path, 0, doc, doc_name, params, status);
}

static xmlDocPtr transform(CocomContext *ctx, xmlDocPtr doc, const char *doc_name, const char *path, int trusted,
                           const char *const *params, CocomStatus *status)
{
    if (!xslt_ready(ctx, path, status))
        return NULL;
    Policy policy;
    policy_begin(&policy, ctx, path, doc_name, trusted, NULL);
    xmlDocPtr sdoc = cocom_load_file_mode(ctx, path, "a stylesheet", NULL,
                                          trusted ? COCOM_LOAD_TRUSTED : COCOM_LOAD_STRICT, status);
    policy_end(&policy);
    if (!sdoc)
        return NULL;
    xsltStylesheetPtr style = compile(ctx, sdoc, path, trusted, status);
    if (!style)
        return NULL;
    xmlDocPtr result = apply(ctx, style, path, trusted, doc, doc_name, params, status);
    xsltFreeStylesheet(style);
    return result;
}

xmlDocPtr cocom_transform(CocomContext *ctx, xmlDocPtr doc, const char *doc_name, const char *path,
                          const char *const *params, CocomStatus *status)
{
    return transform(ctx, doc, doc_name, path, 0, params, status);
}

xmlDocPtr cocom_transform_user(CocomContext *ctx, xmlDocPtr doc, const char *doc_name, const char *path,
                               const char *const *params, CocomStatus *status)
{
    return transform(ctx, doc, doc_name, path, 1, params, status);
}
