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

/* Opens the library and fills every symbol's slot.  Returns 1; or 0 with
 * why[0, size) saying why (dlerror()'s reason, or "FILE has no function
 * NAME, so ..."), the library closed again.  The library, once opened, is
 * never closed.  Not thread-safe by itself: call it once, under
 * pthread_once. */
int cocom_dynlib_open(const CocomDynLib *lib, const CocomDynSymbol *syms, size_t nsyms, char *why, size_t size);

#endif
