/* fuzz-build — libFuzzer harness: the whole build of one document: an
 * arrangement (any bytes) checked, and when valid, its board report or
 * terms of reference transformed, laid out and painted. */
#include "config.h"
#include <string.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[128];
    fuzz_write_input("build", "arrangement.xml", data, size, in);
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, quiet, NULL);
    if (getenv("COCOM_DATADIR") == NULL)
        cocom_context_set_data_dir(ctx, COCOM_TOP_SRCDIR);
    cocom_context_set_option(ctx, COCOM_OPTION_MAX_PAGES, 40);
    cocom_context_set_option(ctx, COCOM_OPTION_TIMEOUT_SECONDS, 10);
    CocomBuildOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    /* One document per input keeps each run short; the kind rotates with
     * the input's size so that all of them get exercised. */
    static const char *kinds[] = {"report", "terms-of-reference", "proforma", "ballot", "mandate-summary"};
    opt.only = kinds[size % 5];
    cocom_build(ctx, in, &opt);
    cocom_context_destroy(ctx);
    return 0;
}
