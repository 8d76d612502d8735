/* rules.h — the national rules of co-commissioning, checked on a valid
 * arrangement (stage 2, after the schema).  See stylesheets/rules/. */
#ifndef COCOM_RULES_H
#define COCOM_RULES_H

#include <libxml/tree.h>
#include "context.h"

/* Runs every enabled rule over a schema-valid arrangement and reports each
 * finding, in document order.  Returns INVALID when an error stands (or a
 * warning, with warnings counted as errors), IO when the rules cannot be
 * loaded, else OK.  The public side (the list of rules, disabling one) is
 * in cocom.h. */
CocomStatus cocom_rules_run(CocomContext *ctx, xmlDocPtr doc, const char *name);

#endif
