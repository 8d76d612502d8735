/* fuzz-check — libFuzzer harness: load and check an arrangement.
 * Any input: parse with the safe settings, validate against the schema,
 * run the rules.  Nothing may crash, hang or leak. */
#include "config.h"
#include "fuzz.h"
#include "check.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, quiet, NULL);
    if (getenv("COCOM_DATADIR") == NULL)
        cocom_context_set_data_dir(ctx, COCOM_TOP_SRCDIR);
    CocomStatus st;
    xmlDocPtr doc = cocom_load_memory(ctx, (const char *)data, size, "fuzz.xml", "an arrangement", &st);
    if (doc) {
        cocom_check_doc(ctx, doc, "fuzz.xml");
        xmlFreeDoc(doc);
    }
    cocom_context_destroy(ctx);
    return 0;
}
