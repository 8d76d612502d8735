/* load.h — reading XML that may be hostile.
 *
 * Every XML document cocom reads (arrangements, FO, stylesheets, documents
 * a stylesheet loads) goes through here, so the safe settings hold
 * everywhere (research/platform.md §4):
 *   - no network, no external DTD, no entity substitution, no XInclude,
 *     libxml2's size and depth limits kept (never XML_PARSE_HUGE);
 *   - a document that declares an entity is refused as soon as the
 *     declaration is read, so neither "billion laughs" nor an external
 *     entity pointing at a local file is ever expanded;
 *   - the process-wide external entity loader refuses everything, so a
 *     path we did not think of cannot fetch a file either;
 *   - a file larger than COCOM_OPTION_MAX_INPUT_BYTES is refused before
 *     parsing.
 * Problems are reported as FILE:LINE: error: ... in plain words.
 */
#ifndef COCOM_LOAD_H
#define COCOM_LOAD_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include "context.h"

/* The parser options every load uses. */
int cocom_load_options(void);

/* Sets up libxml2 once per process: the deny-all entity loader, no
 * catalogs.  Safe to call many times and from several threads. */
void cocom_xml_init(void);

/* Reads and parses a file ("-" is standard input).  `what` names the kind
 * of document in messages, with its article ("an arrangement", "an XSL-FO
 * document").  Returns a
 * document the caller frees with xmlFreeDoc, or NULL with *status set to
 * IO (unreadable), LIMIT (too large) or INVALID (not well-formed, or
 * refused), the reason already reported. */
xmlDocPtr cocom_load_file(CocomContext *ctx, const char *path, const char *what,
                          CocomStatus *status);

/* The same over bytes in memory; `name` is the file name used in messages
 * and as the document's base URL. */
xmlDocPtr cocom_load_memory(CocomContext *ctx, const char *data, size_t len, const char *name,
                            const char *what, CocomStatus *status);

/* The same, parsing with the dictionary `dict` (for documents libxslt
 * loads, which must share its dictionary). */
xmlDocPtr cocom_load_file_dict(CocomContext *ctx, const char *path, const char *what, xmlDictPtr dict,
                               CocomStatus *status);
xmlDocPtr cocom_load_memory_dict(CocomContext *ctx, const char *data, size_t len, const char *name,
                                 const char *what, xmlDictPtr dict, CocomStatus *status);

/* libxml2's parse error `e` in plain words ("not well-formed XML: ..."),
 * `what` naming the kind of document; the caller frees the result. */
char *cocom_load_describe_error(const xmlError *e, const char *what);

/* libxml2 reports some problems (a text not in its declared encoding,
 * XPath errors) through the calling thread's own handlers rather than the
 * parser's, which print to standard error.  These set the thread's
 * handlers for a stretch of work and put the old ones back. */
typedef struct {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} CocomXmlHandlers;

/* generic may be NULL: such messages are then dropped. */
void cocom_xml_handlers_push(CocomXmlHandlers *saved, xmlGenericErrorFunc generic,
                             xmlStructuredErrorFunc structured, void *user);
void cocom_xml_handlers_pop(const CocomXmlHandlers *saved);

/* A short description of an errno from reading a file ("no such file"). */
const char *cocom_load_errno_text(int err);

#endif
