/* xslt-load.c — see xslt-load.h. */
#define COCOM_XSLT_LOAD_C
#include "config.h"
#include "xslt-load.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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
    const char *file = getenv("COCOM_EXSLT_LIBRARY");
    if (!file || !*file)
        file = COCOM_EXSLT_SONAME;
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why_not, sizeof why_not, "%s", e ? e : "cannot be opened");
        return;
    }
#define COCOM_XSLT_FIND(name)                                                                        \
    if (!(cocom_xslt.name = (__typeof__(cocom_xslt.name))dlsym(h, #name))) {                         \
        snprintf(why_not, sizeof why_not, "%s and the libxslt it loads have no %s, so they are not " \
                 "libraries cocom can use", file, #name);                                            \
        dlclose(h);                                                                                  \
        return;                                                                                      \
    }
    COCOM_XSLT_FUNCTIONS(COCOM_XSLT_FIND)
    COCOM_XSLT_VARIABLES(COCOM_XSLT_FIND)
#undef COCOM_XSLT_FIND
    loaded = 1;
}

int cocom_xslt_load(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
