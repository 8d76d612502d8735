/* pdfpost.h — what Cairo 1.16 cannot write into a PDF, added afterwards.
 *
 * Cairo draws the text, destinations and the outline, but has no way to
 * write /Lang, /Alt, artifacts, XMP metadata or DisplayDocTitle, writes
 * its dates without the "D:" prefix (research/platform.md §1), and keeps
 * every structure element it is given until the document ends.  This
 * post-pass reads the finished PDF and writes a completed copy, streaming
 * (pdfstream.h: memory stays flat at any length; it reads Cairo's own kind
 * of file, and its own output, and refuses others), with its objects
 * packed into object streams.
 *
 * cocom's painter tags pages itself (structlog.h): given fix->structure,
 * the post-pass turns the painter's markers into marked content (its
 * furniture into /Artifact), and writes the structure tree (each /Figure
 * with its /Alt, each /TH with a /Scope as below), the parent tree, and
 * each link's annotation with its /Contents and /StructParent (a link in
 * the furniture has no place in the tree: a warning, as PDF/UA wants
 * every link tagged).  A file with a structure tree of its own (one Cairo
 * tagged: tests/tools/mktagged.c) is given no fix->structure, and its tree,
 * parent tree, annotations and page content pass through unchanged.
 *
 * A header cell's scope: /Column in a header row (the table's
 * first row, or a row of THead, or a row with no TD), /Row in a later row
 * that holds TDs (a row header).  And in any file:
 *
 *   - the catalog gets /Lang, /ViewerPreferences << /DisplayDocTitle true >>,
 *     /MarkInfo << /Marked true >> (when it has a structure tree; an
 *     untagged file is not claimed to be tagged) and an XMP /Metadata stream (dc:title,
 *     dc:creator, dc:description, dc:language, pdf:Producer, xmp dates, and
 *     pdfuaid:part 1);
 *   - each page gets /Tabs /S;
 *   - the Info dictionary's dates get the "D:" prefix, and the file an /ID
 *     that is a checksum of its content, so identical input still gives
 *     identical bytes.
 *
 * cocom_pdfcheck (pdfcheck.c) reads PDFs from anywhere with libqpdf.
 */
#ifndef COCOM_PDFPOST_H
#define COCOM_PDFPOST_H

#include <stddef.h>
#include "context.h"

typedef struct {
    const char *lang;               /* e.g. "en-GB"; NULL leaves /Lang unset */
    const char *title;              /* dc:title, and what DisplayDocTitle shows */
    const char *author, *subject, *keywords;
    const char *date;               /* ISO 8601 UTC, "2015-07-29T00:00:00Z" */
    /* cocom's own tags (structlog.h): the painter's log, read alongside
     * the pages, which hold its markers; NULL for any other file (one
     * Cairo tagged itself keeps its own tree) */
    struct CocomStructLog *structure;
    /* what messages call the file: the PDF being made, when in_path and
     * out_path are temporary files on the way to it; NULL: in_path */
    const char *name;
    /* With `structure`, the painter brackets static content's page
     * numbers with cite markers, which are dropped.  When write_cites is
     * set the numbers were painted as zeros before they were known
     * (cites.h): `cites` holds the digits to write over the zeros between
     * each pair, in order; when the pages do not match them (as many
     * pairs, only zeros between them, one per digit, in strings of single
     * bytes), nothing is said or written, and *cites_unmatched is set. */
    int write_cites;
    const char *const *cites;
    size_t ncites;
    int *cites_unmatched;
} CocomPdfFix;

/* Reads the PDF at in_path and writes the corrected one to out_path (which
 * may not be in_path).  Returns OK, or IO/INVALID with the reason reported. */
CocomStatus cocom_pdfpost(CocomContext *ctx, const char *in_path, const char *out_path, const CocomPdfFix *fix);

/* The machine-checkable PDF/UA conditions, each reported as a finding
 * (FILE: error: ... [PDFUA-…]): /Lang set; title set and shown
 * (DisplayDocTitle); marked (MarkInfo/Marked true) with a structure tree;
 * no text outside marked content (no untagged text); every /Figure has
 * /Alt; every /Table has header cells (TH) and every TH a /Scope; every link
 * annotation has /Contents and a structure parent; every font embedded,
 * with a ToUnicode map; every page has /Tabs /S; XMP metadata with
 * dc:title.  Returns OK when all hold, INVALID when one fails, IO when the
 * file cannot be read. */
CocomStatus cocom_pdfcheck(CocomContext *ctx, const char *path);

/* The same, reporting the findings with `severity` (cocom build warns with
 * COCOM_SEVERITY_WARNING about what it wrote); INVALID when there is one. */
CocomStatus cocom_pdfcheck_as(CocomContext *ctx, const char *path, CocomSeverity severity);

#endif
