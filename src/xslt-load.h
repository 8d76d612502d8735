/* xslt-load.h — libxslt and libexslt, loaded when a stylesheet is to be
 * compiled or run, not at start.
 *
 * Rendering an XSL-FO file, checking an arrangement's schema or a PDF uses
 * no XSLT; linked like the others, libexslt, libxslt and libgcrypt with
 * libgpg-error behind them were loaded and relocated before main() on
 * every run of cocom all the same: 1.83 million of the 14.6 million
 * instructions the dynamic linker spends before main() (callgrind, an
 * empty program linked with and without -lexslt -lxslt beside cocom's
 * other libraries, Debian 12).  Only transform.c (and rules.c, freeing
 * what transform.c compiled) calls libxslt, so libcocom opens libexslt,
 * and libxslt with it, with dlopen() when transform.c first needs them:
 * cocom_xslt_load().
 *
 * transform.c and rules.c call libxslt through the table below; the
 * #defines after it let those calls keep libxslt's own names.  Every
 * function or variable they use must be in COCOM_XSLT_FUNCTIONS or
 * COCOM_XSLT_VARIABLES and have its #define: one missing from the list
 * fails to compile, one without a #define fails to link (libcocom is not
 * linked with -lxslt).
 *
 * The library is opened once per process and never closed; the environment
 * variable COCOM_EXSLT_LIBRARY names another file to open instead (a build
 * of one's own, or a name that does not exist, for the tests).  All
 * functions here are thread-safe.
 */
#ifndef COCOM_XSLT_LOAD_H
#define COCOM_XSLT_LOAD_H

#include <libxslt/xsltInternals.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#define COCOM_XSLT_FUNCTIONS(X) \
    X(exsltRegisterAll) X(xsltApplyStylesheetUser) X(xsltFreeSecurityPrefs) X(xsltFreeStylesheet) \
    X(xsltFreeTransformContext) X(xsltNewSecurityPrefs) X(xsltNewTransformContext) X(xsltParseStylesheetDoc) \
    X(xsltQuoteOneUserParam) X(xsltSetCtxtParseOptions) X(xsltSetCtxtSecurityPrefs) X(xsltSetGenericErrorFunc) \
    X(xsltSetLoaderFunc) X(xsltSetSecurityPrefs) X(xsltSetTransformErrorFunc)

/* Variables: the table holds their addresses. */
#define COCOM_XSLT_VARIABLES(X) X(xsltGenericError) X(xsltGenericErrorContext)

typedef struct {
#define COCOM_XSLT_SLOT(name) __typeof__(name) *name;
    COCOM_XSLT_FUNCTIONS(COCOM_XSLT_SLOT)
    COCOM_XSLT_VARIABLES(COCOM_XSLT_SLOT)
#undef COCOM_XSLT_SLOT
} CocomXslt;

/* Filled by cocom_xslt_load(); read it only after that returned 1. */
extern CocomXslt cocom_xslt;

/* Opens libexslt and libxslt (once per process).  Returns 1 when they can
 * be called; 0 when they cannot be loaded, with *why (when why is not
 * NULL) saying why: a static string with dlerror()'s reason. */
int cocom_xslt_load(const char **why);

#ifndef COCOM_XSLT_LOAD_C
#define exsltRegisterAll (cocom_xslt.exsltRegisterAll)
#define xsltApplyStylesheetUser (cocom_xslt.xsltApplyStylesheetUser)
#define xsltFreeSecurityPrefs (cocom_xslt.xsltFreeSecurityPrefs)
#define xsltFreeStylesheet (cocom_xslt.xsltFreeStylesheet)
#define xsltFreeTransformContext (cocom_xslt.xsltFreeTransformContext)
#define xsltNewSecurityPrefs (cocom_xslt.xsltNewSecurityPrefs)
#define xsltNewTransformContext (cocom_xslt.xsltNewTransformContext)
#define xsltParseStylesheetDoc (cocom_xslt.xsltParseStylesheetDoc)
#define xsltQuoteOneUserParam (cocom_xslt.xsltQuoteOneUserParam)
#define xsltSetCtxtParseOptions (cocom_xslt.xsltSetCtxtParseOptions)
#define xsltSetCtxtSecurityPrefs (cocom_xslt.xsltSetCtxtSecurityPrefs)
#define xsltSetGenericErrorFunc (cocom_xslt.xsltSetGenericErrorFunc)
#define xsltSetLoaderFunc (cocom_xslt.xsltSetLoaderFunc)
#define xsltSetSecurityPrefs (cocom_xslt.xsltSetSecurityPrefs)
#define xsltSetTransformErrorFunc (cocom_xslt.xsltSetTransformErrorFunc)
#define xsltGenericError (*cocom_xslt.xsltGenericError)
#define xsltGenericErrorContext (*cocom_xslt.xsltGenericErrorContext)
#endif

#endif
