/* check.h — is an arrangement well-formed, valid and within the rules?
 *
 * Stage 2 of the pipeline.  libxml2's RELAX NG validator decides whether a
 * document is valid; when it is not, an explainer walks the schema beside
 * the document and says what is wrong in a governance officer's words
 * ("the committee has no chair"), using the l:label annotations on the
 * schema's element definitions.  The national rules (issue 7) run after
 * the schema, on valid documents only.
 */
#ifndef COCOM_CHECK_H
#define COCOM_CHECK_H

#include <libxml/tree.h>
#include "context.h"

/* Validates a loaded arrangement against the schema and reports every
 * problem.  `name` is the file name for messages.  Returns OK, INVALID, or
 * IO when the schema itself cannot be loaded. */
CocomStatus cocom_check_doc(CocomContext *ctx, xmlDocPtr doc, const char *name);

/* An arrangement about to be written to `name` (text, len bytes), parsed
 * and checked against the schema alone, without the national rules: for a
 * tool that writes one (cocom new) or changes one part of one (cocom
 * practices --into) and must not be stopped by rules the rest of it does
 * not yet meet.  `what` names it in messages, as for cocom_load_memory.
 * Returns OK, or the status of the load or the check, the reasons
 * reported. */
CocomStatus cocom_check_schema_text(CocomContext *ctx, const char *text, size_t len, const char *name,
                                    const char *what);

/* Loads and checks a file; the document is returned through *out (the
 * caller frees it with xmlFreeDoc) when out is not NULL and it is valid. */
CocomStatus cocom_check_load(CocomContext *ctx, const char *path, xmlDocPtr *out);

/* The financial years the data folder has national data for (a
 * templates/functions-YYYY-YY.xml each), as "2015/16, 2016/17, 2017/18",
 * in order; "none" when there is none.  The caller frees the string. */
char *cocom_check_known_years(CocomContext *ctx);

/* Whether the data folder has the national data of `year` ("2016/17"):
 * 1 or 0. */
int cocom_check_year_known(CocomContext *ctx, const char *year);

#endif
