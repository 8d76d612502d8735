/* fo-tree.c — see fo-tree.h. */
#include "config.h"
#include "fo-tree.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    FoSupport support;
    uint8_t is_inline;
    const char *instead;    /* for the warning: what cocom does instead */
} KindInfo;

/* Indexed by FoKind. */
static const KindInfo kinds[FO_KIND_COUNT] = {
    [FO_NOT_FO] = {"", FO_SUPPORT_SKIP, 0, NULL},
    [FO_UNKNOWN] = {"(unknown)", FO_SUPPORT_SKIP, 0, "it is not an XSL-FO element; it is left out with its content"},
    [FO_ROOT] = {"root", FO_SUPPORT_FULL, 0, NULL},
    [FO_DECLARATIONS] = {"declarations", FO_SUPPORT_FULL, 0, NULL},
    [FO_COLOR_PROFILE] = {"color-profile", FO_SUPPORT_SKIP, 0, "colour profiles are not supported; ignored"},
    [FO_LAYOUT_MASTER_SET] = {"layout-master-set", FO_SUPPORT_FULL, 0, NULL},
    [FO_SIMPLE_PAGE_MASTER] = {"simple-page-master", FO_SUPPORT_FULL, 0, NULL},
    [FO_REGION_BODY] = {"region-body", FO_SUPPORT_FULL, 0, NULL},
    [FO_REGION_BEFORE] = {"region-before", FO_SUPPORT_FULL, 0, NULL},
    [FO_REGION_AFTER] = {"region-after", FO_SUPPORT_FULL, 0, NULL},
    [FO_REGION_START] = {"region-start", FO_SUPPORT_FULL, 0, NULL},
    [FO_REGION_END] = {"region-end", FO_SUPPORT_FULL, 0, NULL},
    [FO_PAGE_SEQUENCE_MASTER] = {"page-sequence-master", FO_SUPPORT_FULL, 0, NULL},
    [FO_SINGLE_PAGE_MASTER_REFERENCE] = {"single-page-master-reference", FO_SUPPORT_FULL, 0, NULL},
    [FO_REPEATABLE_PAGE_MASTER_REFERENCE] = {"repeatable-page-master-reference", FO_SUPPORT_FULL, 0, NULL},
    [FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES] = {"repeatable-page-master-alternatives", FO_SUPPORT_FULL, 0, NULL},
    [FO_CONDITIONAL_PAGE_MASTER_REFERENCE] = {"conditional-page-master-reference", FO_SUPPORT_FULL, 0, NULL},
    [FO_PAGE_SEQUENCE] = {"page-sequence", FO_SUPPORT_FULL, 0, NULL},
    [FO_PAGE_SEQUENCE_WRAPPER] = {"page-sequence-wrapper", FO_SUPPORT_CONTENT, 0, "its page sequences are laid out as if it were not there"},
    [FO_TITLE] = {"title", FO_SUPPORT_FULL, 0, NULL},
    [FO_STATIC_CONTENT] = {"static-content", FO_SUPPORT_FULL, 0, NULL},
    [FO_FLOW] = {"flow", FO_SUPPORT_FULL, 0, NULL},
    [FO_FLOW_MAP] = {"flow-map", FO_SUPPORT_SKIP, 0, "flow maps are not supported; ignored"},
    [FO_BLOCK] = {"block", FO_SUPPORT_FULL, 0, NULL},
    [FO_BLOCK_CONTAINER] = {"block-container", FO_SUPPORT_FULL, 0, NULL},
    [FO_BIDI_OVERRIDE] = {"bidi-override", FO_SUPPORT_CONTENT, 1, "its text is laid out without overriding the direction"},
    [FO_CHARACTER] = {"character", FO_SUPPORT_FULL, 1, NULL},
    [FO_INITIAL_PROPERTY_SET] = {"initial-property-set", FO_SUPPORT_SKIP, 0, "first-line styling is not supported; ignored"},
    [FO_EXTERNAL_GRAPHIC] = {"external-graphic", FO_SUPPORT_FULL, 1, NULL},
    [FO_INSTREAM_FOREIGN_OBJECT] = {"instream-foreign-object", FO_SUPPORT_SKIP, 1, "embedded SVG or MathML is not supported; left out"},
    [FO_INLINE] = {"inline", FO_SUPPORT_FULL, 1, NULL},
    [FO_INLINE_CONTAINER] = {"inline-container", FO_SUPPORT_CONTENT, 1, "its content is laid out as inline text"},
    [FO_LEADER] = {"leader", FO_SUPPORT_FULL, 1, NULL},
    [FO_PAGE_NUMBER] = {"page-number", FO_SUPPORT_FULL, 1, NULL},
    [FO_PAGE_NUMBER_CITATION] = {"page-number-citation", FO_SUPPORT_FULL, 1, NULL},
    [FO_PAGE_NUMBER_CITATION_LAST] = {"page-number-citation-last", FO_SUPPORT_FULL, 1, NULL},
    [FO_SCALING_VALUE_CITATION] = {"scaling-value-citation", FO_SUPPORT_SKIP, 1, "not supported; left out"},
    [FO_TABLE_AND_CAPTION] = {"table-and-caption", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE] = {"table", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_COLUMN] = {"table-column", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_CAPTION] = {"table-caption", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_HEADER] = {"table-header", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_FOOTER] = {"table-footer", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_BODY] = {"table-body", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_ROW] = {"table-row", FO_SUPPORT_FULL, 0, NULL},
    [FO_TABLE_CELL] = {"table-cell", FO_SUPPORT_FULL, 0, NULL},
    [FO_LIST_BLOCK] = {"list-block", FO_SUPPORT_FULL, 0, NULL},
    [FO_LIST_ITEM] = {"list-item", FO_SUPPORT_FULL, 0, NULL},
    [FO_LIST_ITEM_BODY] = {"list-item-body", FO_SUPPORT_FULL, 0, NULL},
    [FO_LIST_ITEM_LABEL] = {"list-item-label", FO_SUPPORT_FULL, 0, NULL},
    [FO_BASIC_LINK] = {"basic-link", FO_SUPPORT_FULL, 1, NULL},
    [FO_MULTI_SWITCH] = {"multi-switch", FO_SUPPORT_CONTENT, 0, "only its first multi-case is laid out"},
    [FO_MULTI_CASE] = {"multi-case", FO_SUPPORT_CONTENT, 0, NULL},
    [FO_MULTI_TOGGLE] = {"multi-toggle", FO_SUPPORT_CONTENT, 1, "its content is laid out as plain text"},
    [FO_MULTI_PROPERTIES] = {"multi-properties", FO_SUPPORT_CONTENT, 0, "its wrapper content is laid out"},
    [FO_MULTI_PROPERTY_SET] = {"multi-property-set", FO_SUPPORT_SKIP, 0, "ignored"},
    [FO_FLOAT] = {"float", FO_SUPPORT_CONTENT, 0, "floats are not supported; the content is laid out where it stands"},
    [FO_FOOTNOTE] = {"footnote", FO_SUPPORT_FULL, 1, NULL},
    [FO_FOOTNOTE_BODY] = {"footnote-body", FO_SUPPORT_FULL, 0, NULL},
    [FO_CHANGE_BAR_BEGIN] = {"change-bar-begin", FO_SUPPORT_SKIP, 1, "change bars are not supported; ignored"},
    [FO_CHANGE_BAR_END] = {"change-bar-end", FO_SUPPORT_SKIP, 1, "change bars are not supported; ignored"},
    [FO_WRAPPER] = {"wrapper", FO_SUPPORT_FULL, 1, NULL},
    [FO_MARKER] = {"marker", FO_SUPPORT_FULL, 0, NULL},
    [FO_RETRIEVE_MARKER] = {"retrieve-marker", FO_SUPPORT_FULL, 0, NULL},
    [FO_RETRIEVE_TABLE_MARKER] = {"retrieve-table-marker", FO_SUPPORT_SKIP, 0, "markers are not supported; nothing is retrieved"},
    [FO_BOOKMARK_TREE] = {"bookmark-tree", FO_SUPPORT_FULL, 0, NULL},
    [FO_BOOKMARK] = {"bookmark", FO_SUPPORT_FULL, 0, NULL},
    [FO_BOOKMARK_TITLE] = {"bookmark-title", FO_SUPPORT_FULL, 0, NULL},
    [FO_INDEX_PAGE_NUMBER_PREFIX] = {"index-page-number-prefix", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_PAGE_NUMBER_SUFFIX] = {"index-page-number-suffix", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_RANGE_BEGIN] = {"index-range-begin", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_RANGE_END] = {"index-range-end", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_KEY_REFERENCE] = {"index-key-reference", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_PAGE_CITATION_LIST] = {"index-page-citation-list", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_PAGE_CITATION_LIST_SEPARATOR] = {"index-page-citation-list-separator", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
    [FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR] = {"index-page-citation-range-separator", FO_SUPPORT_SKIP, 1, "indexes are not supported; ignored"},
};

static CocomMap kind_by_name;


static void kinds_init(void)
{
    /* Built once; read-only afterwards.  Races on first use are harmless
     * only if guarded, so callers go through fo_kind() after
     * fo_props_init() has run in the driver. */
    for (int k = FO_ROOT; k < FO_KIND_COUNT; k++)
        cocom_map_set(&kind_by_name, kinds[k].name, k);

}

#include <pthread.h>
static pthread_once_t kinds_once = PTHREAD_ONCE_INIT;

FoKind fo_kind(xmlNodePtr n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return FO_NOT_FO;
    if (n->_private)
        return (FoKind)((uintptr_t)n->_private - 1);
    FoKind k = FO_NOT_FO;
    if (n->ns && strcmp((const char *)n->ns->href, FO_NAMESPACE) == 0) {
        pthread_once(&kinds_once, kinds_init);
        intptr_t v;
        k = cocom_map_get(&kind_by_name, (const char *)n->name, &v) ? (FoKind)v : FO_UNKNOWN;
    }
    n->_private = (void *)(uintptr_t)(k + 1);
    return k;
}

const char *fo_kind_name(FoKind k)
{
    return (unsigned)k < FO_KIND_COUNT ? kinds[k].name : "?";
}

FoSupport fo_kind_support(FoKind k)
{
    return (unsigned)k < FO_KIND_COUNT ? kinds[k].support : FO_SUPPORT_SKIP;
}

int fo_kind_is_inline(FoKind k)
{
    return (unsigned)k < FO_KIND_COUNT && kinds[k].is_inline;
}

void fo_warn_unsupported(CocomContext *ctx, const char *file, xmlNodePtr node)
{
    FoKind k = fo_kind(node);
    const char *instead = (unsigned)k < FO_KIND_COUNT ? kinds[k].instead : NULL;
    char key[160];
    if (k == FO_UNKNOWN || k == FO_NOT_FO) {
        const char *prefix = node->ns && node->ns->prefix ? (const char *)node->ns->prefix : "";
        snprintf(key, sizeof key, "elem:%s:%s", node->ns ? (const char *)node->ns->href : "", (const char *)node->name);
        if (cocom_report_once(ctx, key))
            cocom_report(ctx, COCOM_SEVERITY_WARNING, file, xmlGetLineNo(node),
                         "<%s%s%s> is not an XSL-FO formatting object cocom knows; it is left out with its content",
                         prefix, *prefix ? ":" : "", (const char *)node->name);
        return;
    }
    if (!instead)
        return;
    snprintf(key, sizeof key, "elem:fo:%s", kinds[k].name);
    if (cocom_report_once(ctx, key))
        cocom_report(ctx, COCOM_SEVERITY_WARNING, file, xmlGetLineNo(node), "fo:%s: %s", kinds[k].name, instead);
}

xmlNodePtr fo_child(xmlNodePtr node, FoKind kind)
{
    for (xmlNodePtr c = node ? node->children : NULL; c; c = c->next)
        if (fo_kind(c) == kind)
            return c;
    return NULL;
}

const char *fo_attr(xmlNodePtr node, const char *name)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE ? (const char *)a->children->content : "";
    return NULL;
}
