/* zip-load.c — see zip-load.h. */
#define COCOM_ZIP_LOAD_C
#include "config.h"
#include "zip-load.h"
#include "dynlib.h"

#include <pthread.h>

CocomZip cocom_zip;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;                  /* written in load() only, read after pthread_once */
static char why_not[512];

/* Runs once per process, under pthread_once. */
static void load(void)
{
    /* libzip's file name as configure found it in a program linked with
     * -lzip (its DT_NEEDED); dlopen() loads what it needs with it. */
    static const CocomDynLib lib = {"COCOM_ZIP_LIBRARY", COCOM_ZIP_SONAME, " has no", "it is not a libzip cocom can use"};
#define COCOM_ZIP_SYMBOL(name) {#name, (void **)&cocom_zip.name},
    const CocomDynSymbol syms[] = {COCOM_ZIP_FUNCTIONS(COCOM_ZIP_SYMBOL)};
#undef COCOM_ZIP_SYMBOL
    loaded = cocom_dynlib_open(&lib, syms, sizeof syms / sizeof syms[0], why_not, sizeof why_not);
}

int cocom_zip_load(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
