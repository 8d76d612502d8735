/* fo-props-private.h — a read-only view of the property table, for the
 * unit tests (tests/unit/test-fo-props.c) and diagnostics tools.  Not part
 * of the contract other modules code against: that is fo-props.h. */
#ifndef COCOM_FO_PROPS_PRIVATE_H
#define COCOM_FO_PROPS_PRIVATE_H

#include <stddef.h>

typedef struct {
    const char *name;       /* "space-before.optimum", "xml:lang", "fox:alt-text" ... */
    int inherited;          /* 1 when the property is inherited (XSL 1.1 §7) */
    int supported;          /* 0 for the known-but-unsupported rows */
    int shorthand;          /* 1 for shorthands (border, margin, font ...) */
    long offset;            /* offsetof(FoStyle, field), or -1 when the row has no field */
    const char *initial;    /* the initial value as XSL text, or NULL */
} FoPropInfo;

/* The number of rows in the table. */
size_t fo_props_count(void);

/* Fills *info for row i (0 <= i < fo_props_count()); returns 0 past the end. */
int fo_props_info(size_t i, FoPropInfo *info);

#endif
