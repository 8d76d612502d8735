/* fo-input.c — see fo-input.h.
 *
 * Streaming rests on libxml2's xmlTextReader: xmlTextReaderExpand gives a
 * whole subtree, and the reader frees each node once it has moved past it.
 * What must outlive that (the document's head, each sequence's title and
 * static content, the attributes of fo:root, fo:page-sequence and fo:flow)
 * is copied into a small document of our own.  xmlTextReaderPreserve is
 * not used: while any node is preserved the reader frees nothing at all.
 */
#include "config.h"
#include "fo-input.h"
#include "fo-tree.h"
#include "load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/xmlreader.h>

struct FoInput {
    CocomContext *ctx;
    char *name;
    CocomStatus status;
    /* A document in memory */
    xmlDocPtr doc;
    xmlNodePtr walk;            /* the next node to look at for sequences */
    xmlNodePtr flow_next;       /* the flow's next child */
    /* A stream */
    xmlTextReaderPtr reader;
    const char *mem;            /* a document in memory (not owned) */
    size_t memlen;
    xmlNodePtr root;
    xmlDocPtr head;             /* a stream: copies of what must stay */
    xmlNodePtr seq, flow;
    int flow_depth;
    int in_flow;                /* between the flow's start and end tags */
    int at_child;               /* the reader is on a flow child returned last */
    int reported;
    char *path;
    CocomMap ids;               /* each id met so far: the line of its element */
};

const char *fo_input_name(const FoInput *in)
{
    return in->name;
}

CocomStatus fo_input_status(const FoInput *in)
{
    return in->status;
}

FoInput *fo_input_from_doc(CocomContext *ctx, xmlDocPtr doc, const char *name)
{
    FoInput *in = cocom_xcalloc(1, sizeof *in);
    in->ctx = ctx;
    in->name = cocom_xstrdup(name);
    in->doc = doc;
    in->root = xmlDocGetRootElement(doc);
    in->walk = in->root ? in->root->children : NULL;
    return in;
}

static void reader_error(void *arg, xmlErrorPtr e)
{
    FoInput *in = arg;
    if (e->level < XML_ERR_ERROR || in->reported)
        return;
    in->reported = 1;
    in->status = COCOM_STATUS_INVALID;
    char *m = cocom_load_describe_error(e, "an XSL-FO document");
    int line = e->line > 0 ? e->line : in->reader ? xmlTextReaderGetParserLineNumber(in->reader) : 0;
    cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, line > 0 ? line : 1, "%s", m);
    free(m);
}

/* The reader parses as it goes: around each step, problems libxml2 gives
 * the thread's handler (a text not in its declared encoding) come here. */
static int reader_step(FoInput *in, int (*step)(xmlTextReaderPtr))
{
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, NULL, reader_error, in);
    int r = step(in->reader);
    cocom_xml_handlers_pop(&saved);
    return r;
}

static xmlNodePtr reader_expand(FoInput *in)
{
    CocomXmlHandlers saved;
    cocom_xml_handlers_push(&saved, NULL, reader_error, in);
    xmlNodePtr n = xmlTextReaderExpand(in->reader);
    cocom_xml_handlers_pop(&saved);
    return n;
}

/* Reads one node; 1 on success, 0 at the end or on an error. */
static int next_node(FoInput *in)
{
    if (in->status != COCOM_STATUS_OK)
        return 0;
    int r = reader_step(in, xmlTextReaderRead);
    if (r < 0 && !in->reported) {
        in->reported = 1;
        in->status = COCOM_STATUS_INVALID;
        cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, 0, "not well-formed XML");
    }
    return r == 1;
}

static int skip_node(FoInput *in)
{
    if (in->status != COCOM_STATUS_OK)
        return 0;
    int r = reader_step(in, xmlTextReaderNext);
    if (r < 0 && !in->reported) {
        in->reported = 1;
        in->status = COCOM_STATUS_INVALID;
        cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, 0, "not well-formed XML");
    }
    return r == 1;
}

/* A copy of the current node under `parent` in our own document: whole
 * (deep), or its attributes only. */
static xmlNodePtr keep(FoInput *in, xmlNodePtr parent, int deep)
{
    xmlNodePtr n = deep ? reader_expand(in) : xmlTextReaderCurrentNode(in->reader);
    if (!n)
        return NULL;
    xmlNodePtr copy = xmlDocCopyNode(n, in->head, deep ? 1 : 2);
    if (!copy)
        return NULL;
    copy->line = n->line;
    if (parent)
        xmlAddChild(parent, copy);
    else
        xmlDocSetRootElement(in->head, copy);
    return copy;
}

static int is_fo(xmlTextReaderPtr r, const char *name)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    return ns && strcmp((const char *)ns, FO_NAMESPACE) == 0
           && strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0;
}

static int refuses_entities(FoInput *in)
{
    xmlDocPtr d = xmlTextReaderCurrentDoc(in->reader);
    if (d && d->intSubset && d->intSubset->entities && xmlHashSize(d->intSubset->entities) > 0) {
        cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, xmlTextReaderGetParserLineNumber(in->reader),
                     "the document declares entities; entities are refused, because they can read other "
                     "files or expand without bound");
        in->status = COCOM_STATUS_INVALID;
        return 1;
    }
    return 0;
}

/* Reads up to the root element and keeps the document's head whole. */
static int stream_start(FoInput *in, CocomStatus *status)
{
    CocomContext *ctx = in->ctx;
    if (!in->reader) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, in->name, 0, "cannot read the file");
        *status = COCOM_STATUS_IO;
        return 0;
    }
    xmlTextReaderSetStructuredErrorHandler(in->reader, reader_error, in);
    while (next_node(in)) {
        int t = xmlTextReaderNodeType(in->reader);
        if (t == XML_READER_TYPE_DOCUMENT_TYPE && refuses_entities(in))
            break;
        if (t == XML_READER_TYPE_ELEMENT)
            break;
    }
    if (in->status != COCOM_STATUS_OK || xmlTextReaderNodeType(in->reader) != XML_READER_TYPE_ELEMENT) {
        if (in->status == COCOM_STATUS_OK) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, in->name, 1, "this is not XML: the file holds no element; "
                         "expected an XSL-FO document");
            in->status = COCOM_STATUS_INVALID;
        }
        *status = in->status;
        return 0;
    }
    if (refuses_entities(in)) {
        *status = in->status;
        return 0;
    }
    in->head = xmlNewDoc((const xmlChar *)"1.0");
    in->root = keep(in, NULL, 0);
    if (!in->root) {
        *status = in->status = COCOM_STATUS_NO_MEMORY;
        return 0;
    }
    if (xmlTextReaderIsEmptyElement(in->reader))
        return 1;
    /* The head: everything before the first page sequence, kept whole. */
    int root_depth = xmlTextReaderDepth(in->reader);
    int ok = next_node(in);
    while (ok) {
        int t = xmlTextReaderNodeType(in->reader);
        int d = xmlTextReaderDepth(in->reader);
        if (t == XML_READER_TYPE_END_ELEMENT && d == root_depth)
            break;
        if (t == XML_READER_TYPE_ELEMENT && d == root_depth + 1) {
            if (is_fo(in->reader, "page-sequence") || is_fo(in->reader, "page-sequence-wrapper"))
                break;
            keep(in, in->root, 1);
            ok = skip_node(in);
            continue;
        }
        ok = next_node(in);
    }
    *status = in->status;
    return in->status == COCOM_STATUS_OK;
}

FoInput *fo_input_from_file(CocomContext *ctx, const char *path, CocomStatus *status)
{
    cocom_xml_init();
    *status = COCOM_STATUS_OK;
    FoInput *in = cocom_xcalloc(1, sizeof *in);
    in->ctx = ctx;
    in->name = cocom_xstrdup(path);
    size_t max = (size_t)ctx->options[COCOM_OPTION_MAX_INPUT_BYTES];
    struct stat st;
    if (stat(path, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? EISDIR : errno;
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot read the file: %s", cocom_load_errno_text(e));
        *status = e == EISDIR ? COCOM_STATUS_INVALID : COCOM_STATUS_IO;
        fo_input_close(in);
        return NULL;
    }
    if ((size_t)st.st_size > max) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                     "the file is larger than the limit of %zu MiB for an XSL-FO document (see --max-input-size)",
                     max / (1024 * 1024));
        *status = COCOM_STATUS_LIMIT;
        fo_input_close(in);
        return NULL;
    }
    if (st.st_size == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 1, "the file is empty; expected an XSL-FO document");
        *status = COCOM_STATUS_INVALID;
        fo_input_close(in);
        return NULL;
    }
    in->path = cocom_xstrdup(path);
    in->reader = xmlReaderForFile(path, NULL, cocom_load_options());
    if (!stream_start(in, status)) {
        fo_input_close(in);
        return NULL;
    }
    return in;
}

FoInput *fo_input_from_memory(CocomContext *ctx, const char *data, size_t len, const char *name,
                              CocomStatus *status)
{
    cocom_xml_init();
    *status = COCOM_STATUS_OK;
    FoInput *in = cocom_xcalloc(1, sizeof *in);
    in->ctx = ctx;
    in->name = cocom_xstrdup(name);
    if (len == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 1, "the file is empty; expected an XSL-FO document");
        *status = COCOM_STATUS_INVALID;
        fo_input_close(in);
        return NULL;
    }
    in->mem = data;
    in->memlen = len;
    in->reader = xmlReaderForMemory(data, (int)len, name, NULL, cocom_load_options());
    if (!stream_start(in, status)) {
        fo_input_close(in);
        return NULL;
    }
    return in;
}

void fo_input_close(FoInput *in)
{
    if (!in)
        return;
    if (in->reader) {
        xmlDocPtr d = xmlTextReaderCurrentDoc(in->reader);
        xmlFreeTextReader(in->reader);
        /* The reader leaves its document to us once we have asked for it. */
        xmlFreeDoc(d);
    }
    xmlFreeDoc(in->head);
    cocom_map_clear(&in->ids);
    free(in->name);
    free(in->path);
    free(in);
}

xmlNodePtr fo_input_root(FoInput *in)
{
    return in->root;
}

/* ---------------------------------------------------------------------- */
/* Sequences                                                                */

/* Every id of the formatting objects at and under n (only n itself unless
 * deep) joins the document's ids; one already there is an error naming
 * both places.  XSL's id property names an area uniquely in the document;
 * with two, citations and links to it cannot say where they go (and
 * Apache FOP stops at such a document).  Reported, not
 * stopped at, so that every duplicate is named in one run; the error
 * means nothing is written (driver.c).  Elements of other namespaces
 * (XMP, SVG) keep their own ids.  A walk, not a recursion: the depth of
 * the input is the input's to choose. */
static void note_ids(FoInput *in, xmlNodePtr n, int deep)
{
    xmlNodePtr top = n;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, FO_NAMESPACE) == 0) {
            xmlChar *id = xmlGetNoNsProp(n, (const xmlChar *)"id");
            if (id && *id) {
                intptr_t first;
                long line = xmlGetLineNo(n);
                if (cocom_map_get(&in->ids, (const char *)id, &first))
                    cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, line,
                                 "the id '%s' is used twice: here and at %s:%ld; each id must be unique in the "
                                 "document", (const char *)id, in->name, (long)first);
                else
                    cocom_map_set(&in->ids, (const char *)id, (intptr_t)line);
            }
            xmlFree(id);
            if (deep && n->children) {
                n = n->children;
                continue;
            }
        }
        if (!deep || n == top)
            return;
        while (n != top && !n->next)
            n = n->parent;
        if (n == top)
            return;
        n = n->next;
    }
}

/* The ids of a sequence as it is read: its own, its title's and static
 * content's, and its flow's own. */
static void note_sequence_ids(FoInput *in, xmlNodePtr seq)
{
    note_ids(in, seq, 0);
    for (xmlNodePtr c = seq->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            note_ids(in, c, fo_kind(c) != FO_FLOW);
}

static xmlNodePtr doc_next_sequence(FoInput *in)
{
    while (in->walk) {
        xmlNodePtr n = in->walk;
        FoKind k = fo_kind(n);
        if (k == FO_PAGE_SEQUENCE_WRAPPER && n->children) {
            fo_warn_unsupported(in->ctx, in->name, n);
            in->walk = n->children;
            continue;
        }
        /* Leave a wrapper at its end. */
        in->walk = n->next;
        while (!in->walk && n->parent && n->parent != in->root && n->parent->type == XML_ELEMENT_NODE) {
            n = n->parent;
            in->walk = n->next;
        }
        if (k == FO_PAGE_SEQUENCE) {
            in->seq = n;
            in->flow = fo_child(in->seq, FO_FLOW);
            in->flow_next = in->flow ? in->flow->children : NULL;
            return in->seq;
        }
    }
    return NULL;
}

/* Moves the reader to the next page-sequence's start tag (inside wrappers
 * too), reads its title and static content whole, and stops on its flow. */
static xmlNodePtr stream_next_sequence(FoInput *in)
{
    /* Finish the flow and the sequence being read. */
    if (in->seq) {
        xmlUnlinkNode(in->seq);
        xmlFreeNode(in->seq);
    }
    in->flow = NULL;
    in->seq = NULL;
    in->in_flow = 0;
    in->at_child = 0;
    for (;;) {
        int t = xmlTextReaderNodeType(in->reader);
        if (t == XML_READER_TYPE_ELEMENT && is_fo(in->reader, "page-sequence"))
            break;
        if (t == XML_READER_TYPE_ELEMENT && is_fo(in->reader, "page-sequence-wrapper")) {
            fo_warn_unsupported(in->ctx, in->name, xmlTextReaderCurrentNode(in->reader));
            if (!next_node(in))
                return NULL;
            continue;
        }
        if (!next_node(in))
            return NULL;
    }
    in->seq = keep(in, in->root, 0);
    int depth = xmlTextReaderDepth(in->reader);
    if (xmlTextReaderIsEmptyElement(in->reader)) {
        next_node(in);
        return in->seq;
    }
    int ok = next_node(in);
    while (ok) {
        int t = xmlTextReaderNodeType(in->reader);
        int d = xmlTextReaderDepth(in->reader);
        if (t == XML_READER_TYPE_END_ELEMENT && d == depth)
            break;
        if (t == XML_READER_TYPE_ELEMENT && d == depth + 1) {
            if (is_fo(in->reader, "flow")) {
                in->flow = keep(in, in->seq, 0);
                in->flow_depth = d;
                in->in_flow = !xmlTextReaderIsEmptyElement(in->reader);
                return in->seq;
            }
            keep(in, in->seq, 1);   /* title, static-content */
            ok = skip_node(in);
            continue;
        }
        ok = next_node(in);
    }
    return in->seq;
}

xmlNodePtr fo_input_next_sequence(FoInput *in)
{
    if (in->status != COCOM_STATUS_OK)
        return NULL;
    xmlNodePtr seq = in->doc ? doc_next_sequence(in) : stream_next_sequence(in);
    if (seq)
        note_sequence_ids(in, seq);
    return seq;
}

xmlNodePtr fo_input_flow(FoInput *in)
{
    return in->flow;
}

xmlNodePtr fo_input_next_flow_child(FoInput *in)
{
    if (in->doc) {
        xmlNodePtr n = in->flow_next;
        if (n) {
            in->flow_next = n->next;
            note_ids(in, n, 1);
        }
        return n;
    }
    if (!in->in_flow || in->status != COCOM_STATUS_OK)
        return NULL;
    /* Past the child returned last: the reader frees it as it moves on. */
    int ok = in->at_child ? skip_node(in) : next_node(in);
    in->at_child = 0;
    while (ok) {
        int t = xmlTextReaderNodeType(in->reader);
        int d = xmlTextReaderDepth(in->reader);
        if (t == XML_READER_TYPE_END_ELEMENT && d == in->flow_depth) {
            in->in_flow = 0;
            return NULL;
        }
        if (d == in->flow_depth + 1 && (t == XML_READER_TYPE_ELEMENT || t == XML_READER_TYPE_TEXT
                                        || t == XML_READER_TYPE_CDATA || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                                        || t == XML_READER_TYPE_WHITESPACE)) {
            xmlNodePtr n = reader_expand(in);
            if (!n) {
                if (in->status == COCOM_STATUS_OK) {
                    in->status = COCOM_STATUS_INVALID;
                    cocom_report(in->ctx, COCOM_SEVERITY_ERROR, in->name, 0, "not well-formed XML");
                }
                return NULL;
            }
            in->at_child = 1;
            note_ids(in, n, 1);
            return n;
        }
        ok = next_node(in);
    }
    in->in_flow = 0;
    return NULL;
}

/* A tag name met in the bytes of a stream: does it need a first pass, and
 * is the scan in a flow now?  Prefixes are not checked (a stray element of
 * the same local name only costs a pass that was not needed). */
static int scan_tag(const char *name, size_t len, int closing, int *in_flow)
{
    const char *colon = memchr(name, ':', len);
    if (colon) {
        len -= (size_t)(colon + 1 - name);
        name = colon + 1;
    }
#define IS(lit) (len == sizeof lit - 1 && memcmp(name, lit, len) == 0)
    if (IS("flow")) {
        *in_flow = !closing;
        return 0;
    }
    if (closing)
        return 0;
    if (IS("page-number-citation") || IS("page-number-citation-last"))
        return *in_flow ? FO_CITES | FO_CITES_IN_FLOW : FO_CITES;
    return IS("page-number") && *in_flow ? FO_CITES | FO_CITES_IN_FLOW : 0;
#undef IS
}

int fo_input_has_citations(FoInput *in)
{
    if (in->doc) {
        xmlNodePtr n = in->root;
        int flow_depth = 0;   /* > 0 inside an fo:flow */
        int found = 0;
        while (n && !(found & FO_CITES_IN_FLOW)) {
            if (n->type == XML_ELEMENT_NODE) {
                FoKind k = fo_kind(n);
                if (k == FO_PAGE_NUMBER_CITATION || k == FO_PAGE_NUMBER_CITATION_LAST)
                    found |= flow_depth > 0 ? FO_CITES | FO_CITES_IN_FLOW : FO_CITES;
                /* fo:page-number in a flow is resolved like a citation:
                 * the page its line lands on is known after a pass. */
                if (k == FO_PAGE_NUMBER && flow_depth > 0)
                    found |= FO_CITES | FO_CITES_IN_FLOW;
                if (n->children) {
                    flow_depth += k == FO_FLOW;
                    n = n->children;
                    continue;
                }
            }
            while (n && !n->next) {
                n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
                if (n && fo_kind(n) == FO_FLOW)
                    flow_depth--;
            }
            if (n)
                n = n->next;
        }
        return found;
    }
    /* A stream: the tag names in its bytes, in one pass, so memory stays
     * flat (a tag in a comment only costs a pass that was not needed). */
    FILE *f = in->mem ? NULL : fopen(in->path, "rb");
    if (!in->mem && !f)
        return FO_CITES | FO_CITES_IN_FLOW;
    char buf[65536];
    char name[64];
    size_t nlen = 0;
    int state = 0;   /* 0 text, 1 after '<', 2 in a tag name, 3 rest of a tag */
    int closing = 0, in_flow = 0, found = 0;
    size_t off = 0;
    while (!(found & FO_CITES_IN_FLOW)) {
        const char *p;
        size_t n;
        if (in->mem) {
            if (off >= in->memlen)
                break;
            p = (const char *)in->mem + off;
            n = in->memlen - off;
            off = in->memlen;
        } else {
            n = fread(buf, 1, sizeof buf, f);
            if (n == 0)
                break;
            p = buf;
        }
        for (size_t i = 0; i < n && !(found & FO_CITES_IN_FLOW); i++) {
            if (state == 0 || state == 3) {
                /* Text, or a tag's attributes: on to the next '<' or '>'
                 * (memchr: most bytes are here). */
                const char *q = memchr(p + i, state == 0 ? '<' : '>', n - i);
                if (!q)
                    break;
                i = (size_t)(q - p);
                if (state == 0) {
                    state = 1;
                    closing = 0;
                    nlen = 0;
                } else {
                    state = 0;
                }
                continue;
            }
            char ch = p[i];
            if (state == 1) {
                if (ch == '/') {
                    closing = 1;
                    continue;
                }
                state = 2;
            }
            if (ch == '>' || ch == '/' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                found |= scan_tag(name, nlen, closing, &in_flow);
                state = ch == '>' ? 0 : 3;
            } else if (nlen < sizeof name) {
                name[nlen++] = ch;
            } else {
                state = 3;
            }
        }
    }
    if (f)
        fclose(f);
    return found;
}

long fo_input_bytes_read(FoInput *in)
{
    return in->reader ? xmlTextReaderByteConsumed(in->reader) : 0;
}
