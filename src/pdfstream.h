/* pdfstream.h — how the accessibility post-pass (cocom_pdfpost, declared in
 * pdfpost.h) works: a streaming rewriter.
 *
 * It makes the changes pdfpost.h describes without holding the document
 * in memory (libqpdf, which did this until 2026-12-06, loads the whole
 * file: 2.2 s and 220 MiB at 2000 sections): it reads the file cocom's Cairo 1.16 surface has
 * just written (pdfobj.h: a known, small subset of PDF) twice.
 *
 *   1. An index: the cross-reference table and the page tree, read
 *      object by object where the table says they are.  What it learns
 *      is a few bits per object (a page, a page's content, the catalog,
 *      the Info dictionary) and the document's metadata.
 *   2. The output, in the input's order: each object passes through as it
 *      was written, or rewritten when the index says so; objects that are
 *      not streams (the structure tree is most of them) are packed, a
 *      hundred at a time, into compressed object streams; given the
 *      painter's log, a page's content has its markers made marked
 *      content, and the structure elements closed on it are written, one
 *      page at a time (pdfstream-tags.c); an XMP /Metadata stream is
 *      added; a cross-reference stream ends the file.  A structure tree
 *      the file brings (Cairo's, in a file cocom did not paint) is copied
 *      like any other object.
 *
 * Memory is one object (at most a page's content) plus 16 bytes per
 * object number, and the elements open at the time; for a file of 128 KiB
 * or more, also what waits for the writer thread that deflates and
 * writes while the next objects are read (pdfstream-out.c: at most
 * 1 MiB).  The output is PDF 1.7; the same input gives the same
 * bytes, its /ID being a checksum (CRC-32, Adler-32 and length) of what
 * precedes the cross-reference stream.
 */
#ifndef COCOM_PDFSTREAM_H
#define COCOM_PDFSTREAM_H

#include "context.h"
#include "pdfpost.h"

#endif
