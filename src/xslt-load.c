/* xslt-load.c — see xslt-load.h. */
#define COCOM_XSLT_LOAD_C
#include "config.h"
#include "xslt-load.h"
#include "dynlib.h"

#include <pthread.h>

CocomXslt cocom_xslt;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;                  /* written in load() only, read after pthread_once */
static char why_not[512];

/* Runs once per process, under pthread_once. */
static void load(void)
{
    /* libexslt's file name as configure found it in a program linked with
     * -lexslt (its DT_NEEDED); it needs libxslt, which dlopen() loads
     * with it, and dlsym() on its handle finds libxslt's names too. */
    static const CocomDynLib lib = {"COCOM_EXSLT_LIBRARY", COCOM_EXSLT_SONAME, " and the libxslt it loads have no",
                                    "they are not libraries cocom can use"};
#define COCOM_XSLT_SYMBOL(name) {#name, (void **)&cocom_xslt.name},
    const CocomDynSymbol syms[] = {
        COCOM_XSLT_FUNCTIONS(COCOM_XSLT_SYMBOL)
        COCOM_XSLT_VARIABLES(COCOM_XSLT_SYMBOL)
    };
#undef COCOM_XSLT_SYMBOL
    loaded = cocom_dynlib_open(&lib, syms, sizeof syms / sizeof syms[0], why_not, sizeof why_not);
}

int cocom_xslt_load(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
