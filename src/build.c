/* build.c — cocom_build: every document of an arrangement.
 *
 * Which documents apply is decided by a stylesheet (stylesheets/plan.xsl),
 * not here, so that a new kind of document needs no C: the plan lists, for
 * each document, its kind, its output name, its stylesheet and the
 * parameters to give it:
 *
 *   <plan xmlns="urn:cocom:plan:1">
 *     <document kind="report" name="…" stylesheet="report.xsl" title="…">
 *       <param name="report" value="…"/>
 *     </document>
 *   </plan>
 *
 * A build is whole or nothing, like the writing of one file: every
 * document is made in a staging folder inside the output folder, and only
 * when all of them are made are they renamed into place.  When one fails
 * (a stylesheet error, a missing template, a layout error, an
 * interruption) the staged files are removed and the output folder is as
 * it was: a set of papers half of which is of this run and half of the
 * last would be worse than none.
 */
#include "config.h"
#include "context.h"
#include "check.h"
#include "driver.h"
#include "text.h"
#include "pdfpost.h"
#include <glib.h>
#include "load.h"
#include "outputs.h"
#include "transform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/xmlsave.h>

#define PLAN_NS "urn:cocom:plan:1"

/* out/<name>: the arrangement's folder name (samples/x/arrangement.xml ->
 * x), else its file name without .xml. */
static char *default_output_dir(const char *path)
{
    char *copy = cocom_xstrdup(path);
    char *slash = strrchr(copy, '/');
    const char *base = slash ? slash + 1 : copy;
    char *name;
    if (strcmp(base, "arrangement.xml") == 0 && slash) {
        *slash = '\0';
        char *s2 = strrchr(copy, '/');
        name = cocom_xstrdup(s2 ? s2 + 1 : copy);
    } else {
        name = cocom_xstrdup(base);
        size_t n = strlen(name);
        if (n > 4 && strcmp(name + n - 4, ".xml") == 0)
            name[n - 4] = '\0';
    }
    if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        free(name);
        name = cocom_xstrdup("arrangement");
    }
    char *out = cocom_xasprintf("out/%s", name);
    free(name);
    free(copy);
    return out;
}

/* mkdir -p.  *made is set to how many folders it made, the deepest last,
 * so that a build that writes nothing can take them away again
 * (unmake_dirs). */
static int make_dirs(const char *dir, int *made)
{
    char *p = cocom_xstrdup(dir);
    *made = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0755) == 0)
            (*made)++;
        else if (errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return 0;
}

/* Removes the `made` deepest folders of dir, which make_dirs made, if
 * they are empty: a failed build leaves the disk as it found it. */
static void unmake_dirs(const char *dir, int made)
{
    char *p = cocom_xstrdup(dir);
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    for (; made > 0; made--) {
        if (rmdir(p) != 0)
            break;
        char *slash = strrchr(p, '/');
        if (!slash || slash == p)
            break;
        *slash = '\0';
    }
    free(p);
}

static int wanted(const char *only, const char *kind)
{
    if (!only || !*only)
        return 1;
    size_t n = strlen(kind);
    for (const char *p = only; *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len && *p == ' ') {
            p++;
            len--;
        }
        while (len && p[len - 1] == ' ')
            len--;
        if (len == n && strncmp(p, kind, n) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static const char *plan_attr(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
    return a && a->children ? (const char *)a->children->content : NULL;
}

static int is_plan(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, PLAN_NS) == 0
           && strcmp((const char *)n->name, name) == 0;
}

/* The files of one document, each staged until the whole build is made. */
enum { FILE_PDF, FILE_FO, FILE_HTML, FILE_DOCX, NFILES };
static const char *const file_ext[NFILES] = {"pdf", "fo", "html", "docx"};
static const char *const file_format[NFILES] = {"PDF", "XSL-FO", "HTML", "DOCX"};

typedef struct {
    char *kind;
    char *staged[NFILES], *final[NFILES];   /* NULL: not asked for */
    int pages;
} Staged;

static void staged_free(Staged *s)
{
    free(s->kind);
    for (int i = 0; i < NFILES; i++) {
        free(s->staged[i]);
        free(s->final[i]);
    }
}

/* Removes what was staged of a document. */
static void staged_unlink(Staged *s)
{
    for (int i = 0; i < NFILES; i++)
        if (s->staged[i])
            unlink(s->staged[i]);
}

/* Whether `kind`'s documents have been split at the document model
 * (urn:cocom:document:1): stylesheets/model/<kind>.xsl exists.  Their
 * stylesheet, with its house style's layer, then writes the model when
 * given model-only=yes (stylesheets/README.md), so the HTML and DOCX say
 * what the PDF says, with the same parameters. */
static int has_model(CocomContext *ctx, const char *kind)
{
    char *rel = cocom_xasprintf("stylesheets/model/%s.xsl", kind);
    char *path = cocom_data_path(ctx, rel);
    free(rel);
    int ok = access(path, R_OK) == 0;
    free(path);
    return ok;
}

/* Makes the HTML and DOCX of one document from its model: the
 * arrangement through the document stylesheet `xsl_path` with `params`
 * (which end with model-only=yes), then the model through each output
 * stylesheet.  Returns COCOM_STATUS_OK with every file asked for staged,
 * or the status of what failed, reported. */
static CocomStatus make_from_model(CocomContext *ctx, xmlDocPtr doc, const char *name, const char *kind,
                                   const char *xsl_path, const char *const *params, const Staged *s)
{
    unsigned errs = ctx->errors;
    CocomStatus st;
    xmlDocPtr model = cocom_transform(ctx, doc, name, xsl_path, params, &st);
    if (model && ctx->errors > errs) {
        xmlFreeDoc(model);
        model = NULL;
    }
    if (!model)
        return st == COCOM_STATUS_OK ? COCOM_STATUS_INVALID : st;
    /* A stylesheet that ignored model-only made FO, not a model: that is
     * this program's mistake, not the user's, but no HTML is made of it. */
    xmlNodePtr root = xmlDocGetRootElement(model);
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, (const xmlChar *)"urn:cocom:document:1")
        || !xmlStrEqual(root->name, (const xmlChar *)"document")) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, xsl_path, 0,
                     "with model-only=yes this stylesheet did not make a document of the document model");
        xmlFreeDoc(model);
        return COCOM_STATUS_INVALID;
    }
    char *model_name = cocom_xasprintf("%s (%s model)", name, kind);
    for (int f = FILE_HTML; f <= FILE_DOCX && st == COCOM_STATUS_OK; f++) {
        if (!s->staged[f])
            continue;
        char *rel = cocom_xasprintf("stylesheets/output/%s.xsl", file_ext[f]);
        char *out_xsl = cocom_data_path(ctx, rel);
        free(rel);
        xmlDocPtr out = cocom_transform(ctx, model, model_name, out_xsl, NULL, &st);
        free(out_xsl);
        if (out && ctx->errors > errs)
            st = COCOM_STATUS_INVALID;
        else if (out)
            st = f == FILE_HTML ? cocom_outputs_write_html(ctx, out, s->final[f], s->staged[f])
                                : cocom_outputs_write_docx(ctx, out, s->final[f], s->staged[f]);
        else if (st == COCOM_STATUS_OK)
            st = COCOM_STATUS_INVALID;
        if (out)
            xmlFreeDoc(out);
    }
    free(model_name);
    xmlFreeDoc(model);
    return st;
}

/* The output file names come from data: keep them to plain names. */
static int safe_name(const char *s)
{
    if (!s || !*s || s[0] == '.')
        return 0;
    for (; *s; s++)
        if (!(g_ascii_isalnum(*s) || *s == '-' || *s == '_' || *s == '.'))
            return 0;
    return 1;
}

CocomStatus cocom_build(CocomContext *ctx, const char *arrangement, const CocomBuildOptions *opt)
{
    CocomBuildOptions none;
    memset(&none, 0, sizeof none);
    if (!opt)
        opt = &none;
    unsigned errors_before = ctx->errors;
    unsigned formats = opt->formats ? opt->formats : COCOM_BUILD_PDF;
    /* Fonts are set up on a thread of Pango's own: started now, that
     * overlaps the check. */
    cocom_text_get(ctx);
    xmlDocPtr doc = NULL;
    CocomStatus st = cocom_check_load(ctx, arrangement, &doc);
    if (st != COCOM_STATUS_OK || ctx->errors > errors_before) {
        if (doc)
            xmlFreeDoc(doc);
        cocom_report(ctx, COCOM_SEVERITY_ERROR, arrangement, 0, "the arrangement has errors; no document was made");
        return st == COCOM_STATUS_OK ? COCOM_STATUS_INVALID : st;
    }
    const char *name = strcmp(arrangement, "-") == 0 ? "<stdin>" : arrangement;
    /* Stylesheet parameters: the user's, and the house style. */
    size_t nuser = 0;
    while (opt->params && opt->params[nuser])
        nuser++;
    const char **params = cocom_xcalloc(nuser + 3, sizeof *params);
    Staged *staged = NULL;             /* the documents made, not yet in place */
    size_t nstaged = 0, capstaged = 0;
    char *stage = NULL;                /* the staging folder inside the output folder */
    int dirs_made = 0;                 /* output folders this build made (make_dirs) */
    int moved = 0;                     /* files moved into place */
    size_t np = 0;
    if (opt->style) {
        params[np++] = "house-style";
        params[np++] = opt->style;
    }
    for (size_t i = 0; i + 1 < nuser; i += 2) {
        params[np++] = opt->params[i];
        params[np++] = opt->params[i + 1];
    }
    char *plan_xsl = cocom_data_path(ctx, "stylesheets/plan.xsl");
    xmlDocPtr plan = cocom_transform(ctx, doc, name, plan_xsl, params, &st);
    free(plan_xsl);
    if (!plan) {
        free(params);
        xmlFreeDoc(doc);
        return st;
    }
    char *outdir = opt->output_dir ? cocom_xstrdup(opt->output_dir) : default_output_dir(arrangement);
    if (make_dirs(outdir, &dirs_made) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, outdir, 0, "cannot make the output folder: %s", strerror(errno));
        st = COCOM_STATUS_IO;
        goto done;
    }
    int failed = 0, planned = 0, fo_notes = 0;
    stage = cocom_xasprintf("%s/.cocom-build-XXXXXX", outdir);
    if (!mkdtemp(stage)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, outdir, 0, "cannot write in the output folder: %s", strerror(errno));
        free(stage);
        stage = NULL;
        st = COCOM_STATUS_IO;
        goto done;
    }
    xmlNodePtr root = xmlDocGetRootElement(plan);
    if (!is_plan(root, "plan")) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "stylesheets/plan.xsl did not produce a plan");
        st = COCOM_STATUS_INVALID;
        goto done;
    }
    for (xmlNodePtr d = root->children; d; d = d->next) {
        if (!is_plan(d, "document"))
            continue;
        const char *kind = plan_attr(d, "kind"), *dname = plan_attr(d, "name"), *xsl = plan_attr(d, "stylesheet");
        if (!kind || !wanted(opt->only, kind))
            continue;
        planned++;
        if (!safe_name(dname) || !safe_name(xsl)) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "the plan names a document or stylesheet badly ('%s', '%s')",
                         dname ? dname : "", xsl ? xsl : "");
            failed++;
            continue;
        }
        if (ctx->interrupted) {
            st = COCOM_STATUS_INTERRUPTED;
            break;
        }
        /* The document's parameters: the plan's, then the user's. */
        const char **dp = cocom_xcalloc(np + 2 * 64 + 1, sizeof *dp);
        size_t n = 0;
        for (xmlNodePtr p = d->children; p && n < 2 * 63; p = p->next)
            if (is_plan(p, "param") && plan_attr(p, "name") && plan_attr(p, "value")) {
                dp[n++] = plan_attr(p, "name");
                dp[n++] = plan_attr(p, "value");
            }
        for (size_t i = 0; i < np; i++)
            dp[n++] = params[i];
        Staged s;
        memset(&s, 0, sizeof s);
        s.kind = cocom_xstrdup(kind);
        for (int f = 0; f < NFILES; f++) {
            int want = f == FILE_PDF ? (formats & COCOM_BUILD_PDF) != 0
                     : f == FILE_FO ? (formats & COCOM_BUILD_PDF) && opt->write_fo
                     : f == FILE_HTML ? (formats & COCOM_BUILD_HTML) != 0 : (formats & COCOM_BUILD_DOCX) != 0;
            if (want) {
                s.staged[f] = cocom_xasprintf("%s/%s.%s", stage, dname, file_ext[f]);
                s.final[f] = cocom_xasprintf("%s/%s.%s", outdir, dname, file_ext[f]);
            }
        }
        unsigned errs = ctx->errors;
        CocomStatus dst = COCOM_STATUS_OK;
        xmlDocPtr fo = NULL;
        /* HTML and DOCX need the document's model: without it, say so
         * before the PDF is typeset for nothing. */
        if (s.staged[FILE_HTML] || s.staged[FILE_DOCX]) {
            if (!has_model(ctx, kind)) {
                int f = s.staged[FILE_HTML] ? FILE_HTML : FILE_DOCX;
                cocom_report(ctx, COCOM_SEVERITY_ERROR, s.final[f], 0,
                             "the %s is not yet available as %s: its stylesheet (%s) has not been split at the "
                             "document model yet (stylesheets/model/); only its PDF can be made",
                             kind, file_format[f], xsl);
                dst = COCOM_STATUS_INVALID;
            }
        }
        char *rel = cocom_xasprintf("stylesheets/%s", xsl);
        char *xsl_path = cocom_data_path(ctx, rel);
        free(rel);
        if (s.staged[FILE_PDF] && dst == COCOM_STATUS_OK)
            fo = cocom_transform(ctx, doc, name, xsl_path, dp, &dst);
        /* A stylesheet that reported an error (a template it could not
         * read, a message that stops it) made a document with holes: it
         * is not typeset at all. */
        if (fo && ctx->errors > errs) {
            xmlFreeDoc(fo);
            fo = NULL;
            if (dst == COCOM_STATUS_OK)
                dst = COCOM_STATUS_INVALID;
        }
        if (fo) {
            char *fo_name = cocom_xasprintf("%s (%s)", name, dname);
            unsigned before = ctx->errors + ctx->warnings;
            dst = cocom_format_result(ctx, fo, fo_name, s.staged[FILE_FO], COCOM_FORMAT_PDF, s.staged[FILE_PDF],
                                      &s.pages);
            if (!s.staged[FILE_FO] && ctx->errors + ctx->warnings > before)
                fo_notes++;
            free(fo_name);
        }
        /* HTML and DOCX come from the document model, not from the FO. */
        if (dst == COCOM_STATUS_OK && ctx->errors == errs && (s.staged[FILE_HTML] || s.staged[FILE_DOCX])) {
            dp[n++] = "model-only";
            dp[n++] = "yes";
            dst = make_from_model(ctx, doc, name, kind, xsl_path, dp, &s);
        }
        free(xsl_path);
        free(dp);
        if (dst == COCOM_STATUS_OK && ctx->errors == errs) {
            COCOM_GROW(staged, capstaged, nstaged + 1);
            staged[nstaged++] = s;
        } else {
            failed++;
            /* what the layout may have left of it goes with the stage */
            staged_unlink(&s);
            if (dst != COCOM_STATUS_INTERRUPTED) {
                int f = s.final[FILE_PDF] ? FILE_PDF : s.final[FILE_HTML] ? FILE_HTML : FILE_DOCX;
                cocom_report(ctx, COCOM_SEVERITY_ERROR, s.final[f], 0, "this %s was not made", kind);
            }
            staged_free(&s);
            if (dst == COCOM_STATUS_INTERRUPTED || ctx->interrupted) {
                st = COCOM_STATUS_INTERRUPTED;
                break;
            }
        }
    }
    if (st == COCOM_STATUS_OK && !failed && ctx->interrupted)
        st = COCOM_STATUS_INTERRUPTED;
    /* Whole or nothing: into place when every document was made. */
    if (st == COCOM_STATUS_OK && !failed) {
        for (size_t i = 0; i < nstaged; i++) {
            Staged *s = &staged[i];
            for (int f = 0; f < NFILES; f++) {
                if (!s->staged[f])
                    continue;
                if (rename(s->staged[f], s->final[f]) != 0) {
                    cocom_report(ctx, COCOM_SEVERITY_ERROR, s->final[f], 0, "cannot move the %s into place: %s",
                                 file_format[f], strerror(errno));
                    failed++;
                    continue;
                }
                moved++;
                /* What was written is checked as a reader would need it; a
                 * finding is a warning: the document is made. */
                if (f == FILE_PDF)
                    cocom_pdfcheck_as(ctx, s->final[f], COCOM_SEVERITY_WARNING);
                if (opt->written && f != FILE_FO)
                    opt->written(opt->user, s->kind, s->final[f], f == FILE_PDF ? s->pages : -1);
            }
        }
    } else if (failed) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, outdir, 0,
                     "%d of %d documents could not be made, so none was written (the folder is as it was)",
                     failed, planned);
    }
    if (st == COCOM_STATUS_OK && failed)
        st = COCOM_STATUS_INVALID;
    if (st == COCOM_STATUS_OK && !planned)
        cocom_report(ctx, COCOM_SEVERITY_WARNING, name, 0, opt->only ? "no document of the kinds asked for applies"
                                                                     : "no document applies to this arrangement");
    if (fo_notes)
        cocom_report(ctx, COCOM_SEVERITY_NOTE, NULL, 0, "the line numbers of '%s (...)' count in the XSL-FO the "
                     "stylesheets made; --fo writes it beside each PDF", name);
done:
    for (size_t i = 0; i < nstaged; i++) {
        staged_unlink(&staged[i]);     /* gone already when moved into place */
        staged_free(&staged[i]);
    }
    free(staged);
    if (stage) {
        rmdir(stage);
        free(stage);
    }
    if (!moved && outdir)
        unmake_dirs(outdir, dirs_made);
    free(outdir);
    free(params);
    xmlFreeDoc(plan);
    xmlFreeDoc(doc);
    return st;
}
