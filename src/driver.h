/* driver.h — formatting an FO document already in memory (used by
 * `cocom build` and `cocom render --xsl`, whose FO comes from a transform). */
#ifndef COCOM_DRIVER_H
#define COCOM_DRIVER_H

#include <libxml/tree.h>
#include "context.h"

/* Lays out and paints `fo` (named `name` in messages) to `output` (a PDF
 * file, or a folder of PNG or SVG pages), written whole or not at all.
 * *pages (if not NULL) receives the page count. */
CocomStatus cocom_format_doc(CocomContext *ctx, xmlDocPtr fo, const char *name, CocomFormat format,
                             const char *output, int *pages);

/* The same for a transform's result `fo`, which it frees: the document is
 * written out as text (to `fo_path` too, when not NULL, whole or not at
 * all) and formatted from that, so that line numbers in messages are those
 * of the text.  Messages name it `fo_path`, or else `name`. */
CocomStatus cocom_format_result(CocomContext *ctx, xmlDocPtr fo, const char *name, const char *fo_path,
                                CocomFormat format, const char *output, int *pages);

#endif
