/* rules.h — the national rules of co-commissioning, checked on a valid
 * arrangement (stage 2, after the schema).  See stylesheets/rules/. */
#ifndef COCOM_RULES_H
#define COCOM_RULES_H

#include <libxml/tree.h>
#include "context.h"

/* Runs every enabled rule over a schema-valid arrangement and reports each
 * finding.  Returns INVALID when an error stands, else OK. */
CocomStatus cocom_rules_run(CocomContext *ctx, xmlDocPtr doc, const char *name);

#endif
