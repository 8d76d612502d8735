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

static pthread_mutex_t preload_mu = PTHREAD_MUTEX_INITIALIZER;
static int preload_started, preload_joined;
static pthread_t preload_thread;

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

static void *preload_main(void *unused)
{
    pthread_once(&once, load);
    return NULL;
}

void cocom_qpdf_preload(void)
{
    pthread_mutex_lock(&preload_mu);
    /* Once per process: after that the library is loaded, or being
     * loaded, or known not to load. */
    if (!preload_started)
        preload_started = pthread_create(&preload_thread, NULL, preload_main, NULL) == 0;
    pthread_mutex_unlock(&preload_mu);
}

void cocom_qpdf_preload_wait(void)
{
    pthread_mutex_lock(&preload_mu);
    int join = preload_started && !preload_joined;
    if (join)
        preload_joined = 1;
    pthread_mutex_unlock(&preload_mu);
    /* Only one caller joins; any other waits in pthread_once below, or
     * finds the library loaded. */
    if (join)
        pthread_join(preload_thread, NULL);
}

int cocom_qpdf_load(const char **why)
{
    cocom_qpdf_preload_wait();
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
