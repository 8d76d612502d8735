/* fuzz-build — libFuzzer harness: the whole build of one document: an
 * arrangement (any bytes) checked, and when valid, its board report or
 * terms of reference transformed, laid out and painted. */
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
        snprintf(dir, sizeof dir, "/tmp/cocom-fuzz-build-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    char in[128];
    snprintf(in, sizeof in, "%s/arrangement.xml", dir);
    FILE *f = fopen(in, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
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
