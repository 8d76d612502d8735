/* pdfmeta.h — the words a PDF says about itself: text strings, dates
 * (PDF's D:YYYYMMDDHHmmSS and ISO 8601) and the XMP metadata packet
 * PDF/UA asks for.  Used by the post-pass.
 */
#ifndef COCOM_PDFMETA_H
#define COCOM_PDFMETA_H

#include <stddef.h>
#include "util.h"

typedef struct {
    int y, mo, d, h, mi, s;
    int tz;          /* 0 no zone given, 1 UTC, 2 an offset */
    int off_sign, off_h, off_m;
} CocomPdfDate;

/* Is the text non-empty once spaces are set aside? */
int cocom_pdfmeta_has_words(const char *s);

/* Appends s as XML character data: valid UTF-8 only (a bad byte becomes
 * U+FFFD), no control characters XML 1.0 forbids, markup escaped. */
void cocom_pdfmeta_xml_text(CocomBuf *b, const char *str);

/* A UTF-8 copy of s with invalid sequences replaced; the caller frees it. */
char *cocom_pdfmeta_clean_utf8(const char *s);

/* ISO 8601 as cocom gives it: YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM|-HH:MM]];
 * 1 when s is one (into *d). */
int cocom_pdfmeta_parse_iso_date(const char *s, CocomPdfDate *d);

/* A PDF date, with or without the D: Cairo 1.16 leaves out; 1 when s is one. */
int cocom_pdfmeta_parse_pdf_date(const char *s, CocomPdfDate *d);

/* d as "D:YYYYMMDDHHmmSS+HH'mm'" or as ISO 8601 into out[n]. */
void cocom_pdfmeta_format_pdf_date(const CocomPdfDate *d, char *out, size_t n);
void cocom_pdfmeta_format_iso_date(const CocomPdfDate *d, char *out, size_t n);

/* Appends the XMP packet (ISO 16684-1) with what PDF/UA asks of it; any
 * field may be NULL or empty, and is then left out. */
void cocom_pdfmeta_xmp(CocomBuf *b, const char *title, const char *author, const char *subject,
                       const char *keywords, const char *lang, const char *producer, const char *creator_tool,
                       const char *create, const char *modify);

#endif
