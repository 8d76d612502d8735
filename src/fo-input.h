/* fo-input.h — where the layout reads its formatting objects from.
 *
 * Either a whole libxml2 document (the result of a transform), or an FO
 * file read as a stream: the head of the document (fo:root's attributes,
 * the layout-master-set, declarations, bookmark-tree) and each page
 * sequence's title and static content are kept whole; the flow's children
 * come one at a time and each is freed once the next is asked for.  So a
 * 2,000-page FO file never sits in memory whole, and memory does not grow
 * with the document.
 *
 * The streaming reader uses the same safe settings as load.h (no network,
 * no external DTD, no entity substitution, the deny-all entity loader) and
 * refuses a document that declares entities.
 *
 * Nodes returned stay valid until: the head and sequence nodes until the
 * input is closed or the next sequence is asked for; a flow child until
 * the next flow child is asked for.  Nothing that outlives them may point
 * into them (the layout copies ids, roles and link targets).
 */
#ifndef COCOM_FO_INPUT_H
#define COCOM_FO_INPUT_H

#include <libxml/tree.h>
#include "context.h"

typedef struct FoInput FoInput;

/* A document in memory (not owned). */
FoInput *fo_input_from_doc(CocomContext *ctx, xmlDocPtr doc, const char *name);

/* An FO file, streamed.  NULL with *status set when it cannot be opened or
 * its head is not well-formed (reported). */
FoInput *fo_input_from_file(CocomContext *ctx, const char *path, CocomStatus *status);

/* The same over bytes in memory (not copied: they must outlive the input). */
FoInput *fo_input_from_memory(CocomContext *ctx, const char *data, size_t len, const char *name,
                              CocomStatus *status);

void fo_input_close(FoInput *in);

/* The name for messages. */
const char *fo_input_name(const FoInput *in);

/* fo:root, with its head children.  NULL (reported) when the root is not
 * fo:root. */
xmlNodePtr fo_input_root(FoInput *in);

/* The next fo:page-sequence (with its title and static content), or NULL
 * at the end. */
xmlNodePtr fo_input_next_sequence(FoInput *in);

/* The current sequence's fo:flow element (its attributes; its children come
 * from fo_input_next_flow_child), or NULL when it has none. */
xmlNodePtr fo_input_flow(FoInput *in);

/* The flow's next child node, whole, or NULL at the flow's end. */
xmlNodePtr fo_input_next_flow_child(FoInput *in);

/* CocomStatus of the stream: INVALID after a well-formedness error met
 * part way through (reported as FILE:LINE). */
CocomStatus fo_input_status(const FoInput *in);

/* Does the input have page-number citations, or fo:page-number in a flow
 * (so that a first pass is needed)?  0, or FO_CITES, with FO_CITES_IN_FLOW
 * when one is in a flow (or cannot be ruled out there): only those can
 * move the flow's breaks.  For a file, a quick scan of its bytes. */
enum { FO_CITES = 1, FO_CITES_IN_FLOW = 2 };
int fo_input_has_citations(FoInput *in);

/* How many bytes of the input the parser has read so far (for a document
 * in memory, 0). */
long fo_input_bytes_read(FoInput *in);

#endif
