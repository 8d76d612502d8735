/* dynlib.c — see dynlib.h. */
#include "config.h"
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int cocom_dynlib_open(const CocomDynLib *lib, const CocomDynSymbol *syms, size_t nsyms, char *why, size_t size)
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
