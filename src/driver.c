/* driver.c — cocom_render_file: load, transform, format, paint.
 * The formatter lands in the following commits; until then render says so. */
#include "config.h"
#include "context.h"

CocomStatus cocom_render_file(CocomContext *ctx, const char *input, const char *stylesheet,
                              const char *const *params, CocomFormat format,
                              const char *output, int *pages)
{
    COCOM_UNUSED(stylesheet);
    COCOM_UNUSED(params);
    COCOM_UNUSED(format);
    COCOM_UNUSED(output);
    if (pages)
        *pages = 0;
    cocom_report(ctx, COCOM_SEVERITY_ERROR, input, 0, "the formatter is not part of this build yet");
    return COCOM_STATUS_USAGE;
}
