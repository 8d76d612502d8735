/* xslt-load.c — see xslt-load.h. */
#define COCOM_XSLT_LOAD_C
#include "config.h"
#include "xslt-load.h"
#include "dynlib.h"

CocomXslt cocom_xslt;

int cocom_xslt_load(const char **why)
{
    /* libexslt's file name as configure found it in a program linked with
     * -lexslt (its DT_NEEDED); it needs libxslt, which dlopen() loads
     * with it, and dlsym() on its handle finds libxslt's names too. */
    static const CocomDynLib lib = {"COCOM_EXSLT_LIBRARY", COCOM_EXSLT_SONAME, " and the libxslt it loads have no",
                                    "they are not libraries cocom can use"};
#define SYMBOL(name) {#name, (void **)&cocom_xslt.name},
    static const CocomDynSymbol syms[] = {COCOM_XSLT_FUNCTIONS(SYMBOL) COCOM_XSLT_VARIABLES(SYMBOL)};
#undef SYMBOL
    static CocomDynState state;
    return cocom_dynlib_load(&state, &lib, syms, sizeof syms / sizeof syms[0], why);
}
