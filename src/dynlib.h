/* dynlib.h — a shared library opened with dlopen() when it is first
 * needed, rather than linked and loaded before main() on every run.
 *
 * libqpdf (qpdf-load.h) and libexslt with libxslt (xslt-load.h) are used by
 * few of cocom's commands and cost every run their loading and relocation;
 * each keeps a table of the functions it calls and fills it here, once, on
 * first use.  An environment variable may name another file to open (a
 * build of one's own, or a file that does not exist, for the tests).
 */
#ifndef COCOM_DYNLIB_H
#define COCOM_DYNLIB_H

#include <stddef.h>

/* A symbol to find, and where its address goes. */
typedef struct {
    const char *name;
    void **slot;
} CocomDynSymbol;

/* What to open and how to say it is the wrong library. */
typedef struct {
    const char *env;            /* a variable naming another file, or NULL */
    const char *soname;         /* the file configure found */
    const char *lacks;          /* after the file's name: " has no function" */
    const char *so;             /* after the symbol's: "it is not a libqpdf cocom can use" */
} CocomDynLib;

/* What cocom_dynlib_load() keeps of one library between calls: whether it
 * has been tried, and how that went.  One static per library, zeroed. */
typedef struct {
    int tried;
    int loaded;
    char why[512];
} CocomDynState;

/* Opens the library and fills every symbol's slot, the first time it is
 * called for `state`; later calls give the first one's answer.  Returns
 * 1; or 0 with *why (when why is not NULL) pointing into state: dlerror()'s
 * reason, or "FILE has no function NAME, so ...", the library closed
 * again.  A library once opened is never closed.  Thread-safe. */
int cocom_dynlib_load(CocomDynState *state, const CocomDynLib *lib, const CocomDynSymbol *syms, size_t nsyms,
                      const char **why);

#endif
