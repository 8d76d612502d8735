/* qpdf-load.c — see qpdf-load.h. */
#define COCOM_QPDF_LOAD_C
#include "config.h"
#include "qpdf-load.h"
#include "dynlib.h"

CocomQpdf cocom_qpdf;

int cocom_qpdf_load(const char **why)
{
    /* The file name configure found in a program linked with -lqpdf (its
     * DT_NEEDED), so it is the library the headers describe; or another
     * build of it, named by the user. */
    static const CocomDynLib lib = {"COCOM_QPDF_LIBRARY", COCOM_QPDF_SONAME, " has no function",
                                    "it is not a libqpdf cocom can use"};
#define SYMBOL(name) {#name, (void **)&cocom_qpdf.name},
    static const CocomDynSymbol syms[] = {COCOM_QPDF_FUNCTIONS(SYMBOL)};
#undef SYMBOL
    static CocomDynState state;
    return cocom_dynlib_load(&state, &lib, syms, sizeof syms / sizeof syms[0], why);
}
