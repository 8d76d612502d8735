/* practices.h — a CCG's member practices from NHS Digital's GP practice
 * list (epraccur), and writing them into an arrangement.
 *
 * The public entry points (cocom_practices_read, _free, _to_xml, _into)
 * are declared in cocom.h; this header adds what the two halves of the
 * module share and what the tests reach:
 *   practices.c       the CSV reader, the selection, readable names, the
 *                     <practices> element as text;
 *   practices-into.c  putting that element into an arrangement file in
 *                     place, every other byte kept.
 */
#ifndef COCOM_PRACTICES_H
#define COCOM_PRACTICES_H

#include "context.h"

/* Bounds on an epraccur file, beyond the context's input-size limit: the
 * real list has about 12,000 rows of under 300 bytes each. */
#define COCOM_PRACTICES_MAX_LINE 4096
#define COCOM_PRACTICES_MAX_ROWS 200000
#define COCOM_PRACTICES_COLUMNS 27

/* The whole file at path, within the context's input-size limit; `what`
 * names the kind of file in the message about the limit ("an
 * arrangement"), or is NULL.  NULL, with *status LIMIT, IO or INVALID (a
 * folder), after reporting why. */
char *cocom_practices_read_file(CocomContext *ctx, const char *path, const char *what, size_t *len,
                                CocomStatus *status);

/* The file's upper-case name made readable: "THE LIMES SURGERY" ->
 * "The Limes Surgery", keeping GP, NHS, "&" and initials.  A name that
 * already has small letters is returned as it is.  The caller frees the
 * result. */
char *cocom_practices_title_case(const char *upper);

/* Is s a practice ODS code, a capital letter and five digits? */
int cocom_practices_is_code(const char *s);

/* Is s a CCG's ODS code, two digits and a capital letter ("03F")? */
int cocom_practices_is_ccg_code(const char *s);

/* The comment that says where the list came from, which cocom practices
 * writes first in the <practices> it makes: "<!-- from FILE, commissioner
 * CODE, active now; ... -->". */
void cocom_practices_put_source(CocomBuf *b, const CocomPracticeList *list);

#endif
