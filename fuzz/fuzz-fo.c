/* fuzz-fo — libFuzzer harness: parse, lay out and paint an XSL-FO
 * document (property values and expressions included), to PNG-free PDF in
 * a temporary folder.  Pages are capped so a document that legitimately
 * makes many pages does not look like a hang. */
#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[128], out[128];
    fuzz_write_input("fo", "in.fo", data, size, in);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, quiet, NULL);
    cocom_context_set_option(ctx, COCOM_OPTION_MAX_PAGES, 50);
    cocom_render_file(ctx, in, NULL, NULL, COCOM_FORMAT_PDF, out, NULL);
    cocom_context_destroy(ctx);
    unlink(out);
    return 0;
}
