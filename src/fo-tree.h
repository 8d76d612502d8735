/* fo-tree.h — the formatting-object tree, read from the libxml2 document.
 *
 * The FO document is used as it is: no copy, no tree of objects.  Each
 * element's kind is looked up once and cached in the node's _private field,
 * so layout never compares element names on its hot paths.
 */
#ifndef COCOM_FO_TREE_H
#define COCOM_FO_TREE_H

#include <libxml/tree.h>
#include "context.h"

#define FO_NAMESPACE "http://www.w3.org/1999/XSL/Format"

typedef enum {
    FO_NOT_FO = 0,      /* text, comments, elements of other namespaces */
    FO_UNKNOWN,         /* an fo: name XSL does not define */
    FO_ROOT, FO_DECLARATIONS, FO_COLOR_PROFILE, FO_LAYOUT_MASTER_SET, FO_SIMPLE_PAGE_MASTER,
    FO_REGION_BODY, FO_REGION_BEFORE, FO_REGION_AFTER, FO_REGION_START, FO_REGION_END,
    FO_PAGE_SEQUENCE_MASTER, FO_SINGLE_PAGE_MASTER_REFERENCE, FO_REPEATABLE_PAGE_MASTER_REFERENCE,
    FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES, FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
    FO_PAGE_SEQUENCE, FO_PAGE_SEQUENCE_WRAPPER, FO_TITLE, FO_STATIC_CONTENT, FO_FLOW, FO_FLOW_MAP,
    FO_BLOCK, FO_BLOCK_CONTAINER, FO_BIDI_OVERRIDE, FO_CHARACTER, FO_INITIAL_PROPERTY_SET,
    FO_EXTERNAL_GRAPHIC, FO_INSTREAM_FOREIGN_OBJECT, FO_INLINE, FO_INLINE_CONTAINER, FO_LEADER,
    FO_PAGE_NUMBER, FO_PAGE_NUMBER_CITATION, FO_PAGE_NUMBER_CITATION_LAST, FO_SCALING_VALUE_CITATION,
    FO_TABLE_AND_CAPTION, FO_TABLE, FO_TABLE_COLUMN, FO_TABLE_CAPTION, FO_TABLE_HEADER, FO_TABLE_FOOTER,
    FO_TABLE_BODY, FO_TABLE_ROW, FO_TABLE_CELL,
    FO_LIST_BLOCK, FO_LIST_ITEM, FO_LIST_ITEM_BODY, FO_LIST_ITEM_LABEL,
    FO_BASIC_LINK, FO_MULTI_SWITCH, FO_MULTI_CASE, FO_MULTI_TOGGLE, FO_MULTI_PROPERTIES, FO_MULTI_PROPERTY_SET,
    FO_FLOAT, FO_FOOTNOTE, FO_FOOTNOTE_BODY, FO_CHANGE_BAR_BEGIN, FO_CHANGE_BAR_END,
    FO_WRAPPER, FO_MARKER, FO_RETRIEVE_MARKER, FO_RETRIEVE_TABLE_MARKER,
    FO_BOOKMARK_TREE, FO_BOOKMARK, FO_BOOKMARK_TITLE,
    FO_INDEX_PAGE_NUMBER_PREFIX, FO_INDEX_PAGE_NUMBER_SUFFIX, FO_INDEX_RANGE_BEGIN, FO_INDEX_RANGE_END,
    FO_INDEX_KEY_REFERENCE, FO_INDEX_PAGE_CITATION_LIST, FO_INDEX_PAGE_CITATION_LIST_SEPARATOR,
    FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR,
    FO_KIND_COUNT
} FoKind;

/* How cocom treats a kind it meets in content. */
typedef enum {
    FO_SUPPORT_FULL,        /* laid out as the specification says */
    FO_SUPPORT_CONTENT,     /* its content is laid out in place; a warning says so once */
    FO_SUPPORT_SKIP         /* left out with its content; a warning says so once */
} FoSupport;

/* The element's kind (FO_NOT_FO for anything that is not an element in
 * the FO namespace).  Cached in node->_private after the first call. */
FoKind fo_kind(xmlNodePtr node);

/* "block", "table-cell" ... */
const char *fo_kind_name(FoKind kind);

FoSupport fo_kind_support(FoKind kind);

/* Inline-level formatting objects (they take part in lines). */
int fo_kind_is_inline(FoKind kind);

/* Warns once per kind that an element is not supported, with what is done
 * instead, at FILE:LINE of the first occurrence. */
void fo_warn_unsupported(CocomContext *ctx, const char *file, xmlNodePtr node);

/* The first child element of node in the FO namespace of kind `kind`, or NULL. */
xmlNodePtr fo_child(xmlNodePtr node, FoKind kind);

/* An attribute's value (no namespace), or NULL.  Points into the document. */
const char *fo_attr(xmlNodePtr node, const char *name);

#endif
