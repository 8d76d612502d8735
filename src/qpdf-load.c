/* qpdf-load.c — see qpdf-load.h. */
#define COCOM_QPDF_LOAD_C
#include "config.h"
#include "qpdf-load.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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
    const char *file = getenv("COCOM_QPDF_LIBRARY");
    if (!file || !*file)
        file = COCOM_QPDF_SONAME;
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why_not, sizeof why_not, "%s", e ? e : "cannot be opened");
        return;
    }
#define COCOM_QPDF_FIND(name)                                                                       \
    if (!(cocom_qpdf.name = (__typeof__(cocom_qpdf.name))dlsym(h, #name))) {                        \
        snprintf(why_not, sizeof why_not, "%s has no function %s, so it is not a libqpdf cocom can use", \
                 file, #name);                                                                      \
        dlclose(h);                                                                                 \
        return;                                                                                     \
    }
    COCOM_QPDF_FUNCTIONS(COCOM_QPDF_FIND)
#undef COCOM_QPDF_FIND
    loaded = 1;
}

int cocom_qpdf_load(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
