/* qpdf-load.c — see qpdf-load.h. */
#define COCOM_QPDF_LOAD_C
#include "config.h"
#include "qpdf-load.h"
#include "dynlib.h"

#include <pthread.h>

CocomQpdf cocom_qpdf;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;                  /* written in load() only, read after pthread_once */
static char why_not[512];

/* Runs once per process, under pthread_once. */
static void load(void)
{
    /* The file name configure found in a program linked with -lqpdf (its
     * DT_NEEDED), so it is the library the headers describe; or another
     * build of it, named by the user. */
    static const CocomDynLib lib = {"COCOM_QPDF_LIBRARY", COCOM_QPDF_SONAME, " has no function",
                                    "it is not a libqpdf cocom can use"};
#define COCOM_QPDF_SYMBOL(name) {#name, (void **)&cocom_qpdf.name},
    const CocomDynSymbol syms[] = {
        COCOM_QPDF_FUNCTIONS(COCOM_QPDF_SYMBOL)
    };
#undef COCOM_QPDF_SYMBOL
    loaded = cocom_dynlib_open(&lib, syms, sizeof syms / sizeof syms[0], why_not, sizeof why_not);
}

int cocom_qpdf_load(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
