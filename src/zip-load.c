/* zip-load.c — see zip-load.h. */
#define COCOM_ZIP_LOAD_C
#include "config.h"
#include "zip-load.h"
#include "dynlib.h"

CocomZip cocom_zip;

int cocom_zip_load(const char **why)
{
    /* libzip's file name as configure found it in a program linked with
     * -lzip (its DT_NEEDED); dlopen() loads what it needs with it. */
    static const CocomDynLib lib = {"COCOM_ZIP_LIBRARY", COCOM_ZIP_SONAME, " has no", "it is not a libzip cocom can use"};
#define SYMBOL(name) {#name, (void **)&cocom_zip.name},
    static const CocomDynSymbol syms[] = {COCOM_ZIP_FUNCTIONS(SYMBOL)};
#undef SYMBOL
    static CocomDynState state;
    return cocom_dynlib_load(&state, &lib, syms, sizeof syms / sizeof syms[0], why);
}
