/* fuzz-fo — libFuzzer harness: parse, lay out and paint an XSL-FO
 * document (property values and expressions included), to PNG-free PDF in
 * a temporary folder.  Pages are capped so a document that legitimately
 * makes many pages does not look like a hang. */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "context.h"

static void quiet(void *user, const CocomDiagnostic *d)
{
    (void)user;
    (void)d;
}

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/cocom-fuzz-fo-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    char in[128], out[128];
    snprintf(in, sizeof in, "%s/in.fo", dir);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    FILE *f = fopen(in, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, quiet, NULL);
    cocom_context_set_option(ctx, COCOM_OPTION_MAX_PAGES, 50);
    cocom_render_file(ctx, in, NULL, NULL, COCOM_FORMAT_PDF, out, NULL);
    cocom_context_destroy(ctx);
    unlink(out);
    return 0;
}
