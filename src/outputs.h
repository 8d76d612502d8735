/* outputs.h — writing the HTML and DOCX outputs of the document model.
 *
 * The output stylesheets (stylesheets/output/html.xsl, docx.xsl) turn a
 * model document (urn:cocom:document:1) into the output's XML; these
 * functions write that XML as the file a reader opens.  Both write to the
 * path given and nothing else: build.c stages them and moves them into
 * place, so a failure leaves no partial output behind (what was begun at
 * `path` is removed).
 */
#ifndef COCOM_OUTPUTS_H
#define COCOM_OUTPUTS_H

#include <libxml/tree.h>
#include "context.h"

/* Writes `html` (an <html> element in no namespace, as html.xsl makes it)
 * to `path` as an HTML5 file: "<!DOCTYPE html>", then the tree through
 * libxml2's HTML serialiser (void elements without end tags, UTF-8).
 * `name` names the document in messages.  The caller keeps `html`. */
CocomStatus cocom_outputs_write_html(CocomContext *ctx, xmlDocPtr html, const char *name, const char *path);

/* The package docx.xsl makes:
 *
 *   <package xmlns="urn:cocom:package:1">
 *     <part name="[Content_Types].xml"> <Types …/> </part>
 *     <part name="_rels/.rels"> … </part>
 *     <part name="word/document.xml"> … </part>
 *     …
 *   </package>
 *
 * is written to `path` as a zip (libzip), one entry per part in the order
 * given (OOXML readers want [Content_Types].xml first), each part the
 * part's one element as a standalone XML document.  The bytes depend only
 * on `pkg`: every entry has the same time, SOURCE_DATE_EPOCH when it is
 * set, else 1980-01-01 00:00, whatever the time zone.  A part name that
 * is empty, absolute, has ".." or a character outside [A-Za-z0-9._/[]-]
 * is an error.  The caller keeps `pkg`. */
CocomStatus cocom_outputs_write_docx(CocomContext *ctx, xmlDocPtr pkg, const char *name, const char *path);

#endif
