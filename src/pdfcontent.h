/* pdfcontent.h — a lexer of PDF content streams (PDF 32000-1 7.2, 7.8,
 * 8.9.7), shared by the PDF reader (pdfobj.c), the post-pass (finding the
 * painter's markers, pdfstream-tags.c) and pdfcheck (finding text outside
 * marked content).
 *
 * It reads operators and their operands from bytes in memory, skipping
 * comments and inline images' data, and never reads outside [s, s+len):
 * a string shown on the page or an inline image's bytes may well contain
 * "0 0 300 200 re f" or "/P <</MCID 0>> BDC", so a regular expression will not
 * do.  Nothing here allocates.
 */
#ifndef COCOM_PDFCONTENT_H
#define COCOM_PDFCONTENT_H

#include <stddef.h>
#include "util.h"

typedef enum {
    COCOM_TK_END,
    COCOM_TK_NUMBER,
    COCOM_TK_NAME,
    COCOM_TK_STRING,
    COCOM_TK_DICT_BEGIN,
    COCOM_TK_DICT_END,
    COCOM_TK_ARRAY_BEGIN,
    COCOM_TK_ARRAY_END,
    COCOM_TK_KEYWORD,     /* an operator, or true, false, null */
    COCOM_TK_COMPOSITE,   /* an operand that is a whole dictionary or array */
    COCOM_TK_JUNK
} CocomPdfTokKind;

typedef struct {
    CocomPdfTokKind kind;
    size_t start, end;
} CocomPdfTok;

typedef struct {
    const unsigned char *s;
    size_t len, pos;
} CocomPdfLexer;

#define COCOM_PDF_MAX_OPERANDS 64

/* Called for each operator with its operands (operands past COCOM_PDF_MAX_OPERANDS
 * are dropped; no operator that matters here has that many). */
typedef void (*CocomPdfOperatorFunc)(void *user, const unsigned char *s, const CocomPdfTok *op, const CocomPdfTok *operands, int n);

/* PDF white space (including NUL) and delimiters, 7.2.2. */
int cocom_pdf_is_space(int c);
int cocom_pdf_is_delim(int c);
/* The value of a hexadecimal digit, or -1. */
int cocom_pdf_hex_value(int c);

/* The next token from lx->pos; COCOM_TK_END at the end. */
CocomPdfTok cocom_pdfcontent_lex(CocomPdfLexer *lx);
/* Is the token (in s) the keyword (an operator, true, false, null …) `word`? */
int cocom_pdfcontent_tok_is(const unsigned char *s, const CocomPdfTok *t, const char *word);
/* Does the name token (with its slash) equal /want, #xx escapes decoded? */
int cocom_pdfcontent_name_is(const unsigned char *s, const CocomPdfTok *t, const char *want);
/* An integer token's value; *ok says whether it was one. */
long long cocom_pdfcontent_int(const unsigned char *s, const CocomPdfTok *t, int *ok);
/* The MCID in a property-list dictionary written inline (a COCOM_TK_COMPOSITE
 * from "<<" to ">>"); -1 when it has none. */
long long cocom_pdfcontent_mcid(const unsigned char *s, const CocomPdfTok *t);
/* Reads a content stream, calling fn for each operator. */
void cocom_pdfcontent_walk(const unsigned char *s, size_t len, CocomPdfOperatorFunc fn, void *user);

#endif
