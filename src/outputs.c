/* outputs.c — the HTML and DOCX files of the document model (outputs.h). */
#include "config.h"
#include "outputs.h"
#include "util.h"
#include "load.h"
#include "transform.h"
#include <stdio.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include "zip-load.h"

#define PACKAGE_NS "urn:cocom:package:1"

CocomStatus cocom_outputs_write_html(CocomContext *ctx, xmlDocPtr html, const char *name, const char *path)
{
    xmlNodePtr root = html ? xmlDocGetRootElement(html) : NULL;
    if (!root || root->ns || strcmp((const char *)root->name, "html") != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0,
                     "stylesheets/output/html.xsl did not make an <html> document");
        return COCOM_STATUS_INVALID;
    }
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    xmlOutputBufferPtr out = xmlOutputBufferCreateFilename(path, utf8, 0);
    if (!out) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s", strerror(errno));
        return COCOM_STATUS_IO;
    }
    /* HTML5's doctype, whatever the stylesheet's xsl:output said: libxml2
     * knows only HTML 4's. */
    xmlOutputBufferWriteString(out, "<!DOCTYPE html>\n");
    htmlNodeDumpFormatOutput(out, html, root, "UTF-8", 0);   /* 1 would add line breaks inside headings */
    xmlOutputBufferWriteString(out, "\n");
    if (xmlOutputBufferClose(out) < 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s",
                     errno ? strerror(errno) : "write error");
        unlink(path);
        return COCOM_STATUS_IO;
    }
    return COCOM_STATUS_OK;
}

static int is_pkg(xmlNodePtr n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, PACKAGE_NS) == 0
           && strcmp((const char *)n->name, local) == 0;
}

/* A zip entry name from the stylesheet: relative, plain, no way out. */
static int part_name_ok(const char *s)
{
    if (!s || !*s || s[0] == '/' || strstr(s, "..") || strstr(s, "//"))
        return 0;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
              || c == '-' || c == '/' || c == '[' || c == ']'))
            return 0;
    }
    return 1;
}

/* The part's one element as a standalone XML document, in memory (the
 * caller frees *data).  Copied into a document of its own so that the
 * namespaces declared on the package are declared on the part. */
static int serialise_part(xmlNodePtr elem, char **data, size_t *len)
{
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr copy = xmlDocCopyNode(elem, d, 1);
    if (!copy) {
        xmlFreeDoc(d);
        return -1;
    }
    xmlDocSetRootElement(d, copy);
    xmlReconciliateNs(d, copy);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL);
    int ok = save && xmlSaveTree(save, copy) >= 0;
    if (save)
        ok = xmlSaveClose(save) >= 0 && ok;
    xmlFreeDoc(d);
    if (!ok) {
        xmlBufferFree(buf);
        return -1;
    }
    /* Word writes standalone="yes" and some readers look for it. */
    static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    size_t n = (size_t)xmlBufferLength(buf);
    *data = cocom_xmalloc(sizeof decl - 1 + n);
    memcpy(*data, decl, sizeof decl - 1);
    memcpy(*data + sizeof decl - 1, xmlBufferContent(buf), n);
    *len = sizeof decl - 1 + n;
    xmlBufferFree(buf);
    return 0;
}

/* The time of every entry.  A zip stores local "DOS" time, which libzip
 * makes from a time_t with localtime(): the time_t given is chosen so
 * that localtime() gives the UTC fields of the time wanted, and the bytes
 * do not depend on the time zone of the machine. */
static time_t entry_time(void)
{
    time_t t = 315532800;                     /* 1980-01-01 00:00 UTC: the earliest a zip can say */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (!errno && !*end && v > t && v < 4102444800LL)   /* before 2100, as DOS time can say */
            t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    tm.tm_isdst = -1;
    return mktime(&tm);
}

CocomStatus cocom_outputs_write_docx(CocomContext *ctx, xmlDocPtr pkg, const char *name, const char *path)
{
    xmlNodePtr root = pkg ? xmlDocGetRootElement(pkg) : NULL;
    if (!is_pkg(root, "package")) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "stylesheets/output/docx.xsl did not make a package");
        return COCOM_STATUS_INVALID;
    }
    const char *why = NULL;
    if (!cocom_zip_load(&why)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0,
                     "cannot write the DOCX: libzip could not be loaded (%s); "
                     "install the package that provides " COCOM_ZIP_SONAME, why);
        return COCOM_STATUS_IO;
    }
    int zerr = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!za) {
        zip_error_t e;
        zip_error_init_with_code(&e, zerr);
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s", zip_error_strerror(&e));
        zip_error_fini(&e);
        return COCOM_STATUS_IO;
    }
    time_t mtime = entry_time();
    int nparts = 0;
    CocomStatus st = COCOM_STATUS_OK;
    for (xmlNodePtr p = root->children; p && st == COCOM_STATUS_OK; p = p->next) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *pname = is_pkg(p, "part") ? xmlGetProp(p, (const xmlChar *)"name") : NULL;
        xmlNodePtr elem = p->children;
        while (elem && elem->type != XML_ELEMENT_NODE)
            elem = elem->next;
        if (!part_name_ok((const char *)pname) || !elem) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0,
                         "stylesheets/output/docx.xsl made a part without a plain name or an element ('%s')",
                         pname ? (const char *)pname : "");
            xmlFree(pname);
            st = COCOM_STATUS_INVALID;
            break;
        }
        char *data = NULL;
        size_t len = 0;
        zip_source_t *src = NULL;
        zip_int64_t idx = -1;
        if (serialise_part(elem, &data, &len) == 0 && (src = zip_source_buffer(za, data, len, 1)) != NULL)
            idx = zip_file_add(za, (const char *)pname, src, ZIP_FL_ENC_UTF_8);
        if (idx < 0 || zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) < 0
            || zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0
            || zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot add '%s' to the file: %s", (const char *)pname,
                         zip_strerror(za));
            if (src && idx < 0)
                zip_source_free(src);       /* else the archive owns it */
            else if (!src)
                free(data);
            st = COCOM_STATUS_IO;
        }
        nparts++;
        xmlFree(pname);
    }
    if (st == COCOM_STATUS_OK && !nparts) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "stylesheets/output/docx.xsl made an empty package");
        st = COCOM_STATUS_INVALID;
    }
    if (st != COCOM_STATUS_OK) {
        zip_discard(za);
        unlink(path);
        return st;
    }
    if (zip_close(za) < 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s", zip_strerror(za));
        zip_discard(za);
        unlink(path);
        return COCOM_STATUS_IO;
    }
    return COCOM_STATUS_OK;
}

CocomStatus cocom_render_model(CocomContext *ctx, const char *input, const char *format, const char *output)
{
    int docx = strcmp(format, "docx") == 0;
    if (!docx && strcmp(format, "html") != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "'%s' is not an output of the document model (html, docx)",
                     format);
        return COCOM_STATUS_USAGE;
    }
    CocomStatus st;
    xmlDocPtr model = cocom_load_file(ctx, input, "a document of the model", &st);
    if (!model)
        return st;
    const char *name = strcmp(input, "-") == 0 ? "<stdin>" : input;
    xmlNodePtr root = xmlDocGetRootElement(model);
    if (!root || !root->ns || strcmp((const char *)root->ns->href, "urn:cocom:document:1") != 0
        || strcmp((const char *)root->name, "document") != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, root ? xmlGetLineNo(root) : 0,
                     "this is not a document of the document model (a <document> in urn:cocom:document:1, "
                     "stylesheets/model/document.rng), so it cannot be made as %s", docx ? "DOCX" : "HTML");
        xmlFreeDoc(model);
        return COCOM_STATUS_INVALID;
    }
    char *xsl = cocom_data_path(ctx, docx ? "stylesheets/output/docx.xsl" : "stylesheets/output/html.xsl");
    unsigned errs = ctx->errors;
    xmlDocPtr out = cocom_transform(ctx, model, name, xsl, NULL, &st);
    free(xsl);
    xmlFreeDoc(model);
    if (out && ctx->errors > errs)
        st = COCOM_STATUS_INVALID;
    if (!out || st != COCOM_STATUS_OK) {
        if (out)
            xmlFreeDoc(out);
        return st == COCOM_STATUS_OK ? COCOM_STATUS_INVALID : st;
    }
    /* Whole or nothing: written beside the output, renamed when done. */
    char *tmp = cocom_xasprintf("%s.tmp-%ld", output, (long)getpid());
    st = docx ? cocom_outputs_write_docx(ctx, out, name, tmp) : cocom_outputs_write_html(ctx, out, name, tmp);
    xmlFreeDoc(out);
    if (st == COCOM_STATUS_OK && ctx->interrupted)
        st = COCOM_STATUS_INTERRUPTED;
    if (st == COCOM_STATUS_OK && rename(tmp, output) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, output, 0, "cannot write the file: %s", strerror(errno));
        st = COCOM_STATUS_IO;
    }
    if (st != COCOM_STATUS_OK)
        unlink(tmp);
    free(tmp);
    return st;
}
