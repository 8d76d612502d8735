/* rules.c — the national rules.  Until the rules module lands (issue 7)
 * a schema-valid arrangement has no rule findings. */
#include "config.h"
#include "rules.h"

CocomStatus cocom_rules_run(CocomContext *ctx, xmlDocPtr doc, const char *name)
{
    COCOM_UNUSED(ctx);
    COCOM_UNUSED(doc);
    COCOM_UNUSED(name);
    return COCOM_STATUS_OK;
}
