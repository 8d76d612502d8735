/* load.h — reading XML that may be hostile.
 *
 * Every XML document cocom reads (arrangements, FO, stylesheets, documents
 * a stylesheet loads) goes through here, so the safe settings hold
 * everywhere (research/platform.md §4).
 *
 * What is trusted (the three modes below):
 *   - strict, for everything cocom reads by default (arrangements, FO,
 *     cocom's own stylesheets in `build`, documents they load):
 *     no DTD and no entities at all, as listed next;
 *   - catalog, for the document a user's stylesheet transforms
 *     (`render --xsl STYLE DOC`): still untrusted, but DocBook 4 sources
 *     need their DTD's named entities (&mdash;).  A DTD or external entity
 *     is read only when the system's XML catalog (/etc/xml/catalog, or
 *     $XML_CATALOG_FILES, as `xsltproc --catalogs`) maps its public or
 *     system id to a local file; what that file refers to in turn is
 *     trusted with it.  Anything else is refused with FILE:LINE.  Internal
 *     entities are expanded within libxml2's amplification limits (never
 *     XML_PARSE_HUGE), so "billion laughs" is still refused;
 *   - trusted, for a stylesheet the user names (`render --xsl`) and the
 *     modules it imports or includes: the user chose to run it, as they
 *     would with xsltproc, so its DTDs and entities (DocBook XSL declares
 *     internal ones, and parameter entities in ../common/entities.ent) are
 *     read from any local file; never from the network, except where the
 *     catalog maps a URL to a local file.
 * In strict mode:
 *   - no network, no external DTD, no entity substitution, no XInclude,
 *     libxml2's size and depth limits kept (never XML_PARSE_HUGE);
 *   - a document that declares an entity is refused as soon as the
 *     declaration is read, so neither "billion laughs" nor an external
 *     entity pointing at a local file is ever expanded;
 *   - the process-wide external entity loader refuses everything (in
 *     catalog mode, everything the catalog does not give), so a path we
 *     did not think of cannot fetch a file either;
 *   - a file larger than COCOM_OPTION_MAX_INPUT_BYTES is refused before
 *     parsing.
 * Problems are reported as FILE:LINE: error: ... in plain words.
 */
#ifndef COCOM_LOAD_H
#define COCOM_LOAD_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include "context.h"

/* The parser options every strict load uses. */
int cocom_load_options(void);

typedef enum {
    COCOM_LOAD_STRICT,     /* no DTD, no entity declarations */
    COCOM_LOAD_CATALOG,    /* untrusted, but DTDs and entities from the system catalog */
    COCOM_LOAD_TRUSTED,    /* a stylesheet the user named: any local DTD or entity */
} CocomLoadMode;

/* Where the system's XML catalog maps `uri` (an xsl:import href such as
 * DocBook's http://docbook.sourceforge.net/release/xsl/current/...), as a
 * local path the caller frees, or NULL when it is not in the catalog or
 * maps to the network. */
char *cocom_catalog_resolve_uri(const char *uri);

/* A file: URI or a plain path as a local path (unescaped), which the
 * caller frees; NULL for anything on the network. */
char *cocom_load_local_path(const char *uri);

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

/* The same in the given mode (the functions above are strict). */
xmlDocPtr cocom_load_file_mode(CocomContext *ctx, const char *path, const char *what, xmlDictPtr dict,
                               CocomLoadMode mode, CocomStatus *status);
xmlDocPtr cocom_load_memory_mode(CocomContext *ctx, const char *data, size_t len, const char *name,
                                 const char *what, xmlDictPtr dict, CocomLoadMode mode, CocomStatus *status);

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
/* Why writing a file failed, in words a user can act on ("the disk is
 * full"); static. */
const char *cocom_load_write_errno_text(int err);

#endif
