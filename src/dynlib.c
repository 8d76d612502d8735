/* dynlib.c — see dynlib.h. */
#include "config.h"
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int open_lib(const CocomDynLib *lib, const CocomDynSymbol *syms, size_t nsyms, char *why, size_t size)
{
    const char *file = lib->env ? getenv(lib->env) : NULL;
    if (!file || !*file)
        file = lib->soname;
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why, size, "%s", e ? e : "cannot be opened");
        return 0;
    }
    for (size_t i = 0; i < nsyms; i++) {
        /* POSIX's way to keep a dlsym() result in a function pointer. */
        if (!(*syms[i].slot = dlsym(h, syms[i].name))) {
            snprintf(why, size, "%s%s %s, so %s", file, lib->lacks, syms[i].name, lib->so);
            dlclose(h);
            return 0;
        }
    }
    return 1;
}

/* One lock for every library: each is tried once, and the callers (a
 * stylesheet's first use, a PDF's check, a DOCX) are rare. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int cocom_dynlib_load(CocomDynState *state, const CocomDynLib *lib, const CocomDynSymbol *syms, size_t nsyms,
                      const char **why)
{
    pthread_mutex_lock(&lock);
    if (!state->tried) {
        state->loaded = open_lib(lib, syms, nsyms, state->why, sizeof state->why);
        state->tried = 1;
    }
    int loaded = state->loaded;
    pthread_mutex_unlock(&lock);
    if (!loaded && why)
        *why = state->why;
    return loaded;
}
