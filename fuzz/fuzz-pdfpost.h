/* fuzz-pdfpost.h — what fuzz-pdfstream and fuzz-tags both require of the
 * post-pass (src/pdfpost.h): given any input, it writes a PDF that libqpdf
 * reads and checks without error, or refuses with an error message (or,
 * for page numbers it cannot write, silently, saying so in
 * *fix->cites_unmatched) and leaves no output behind.  Anything else aborts (which libFuzzer
 * reports). */
#ifndef COCOM_FUZZ_PDFPOST_H
#define COCOM_FUZZ_PDFPOST_H

#include <qpdf/qpdf-c.h>
#include "fuzz.h"
#include "pdfpost.h"

static void fuzz_count_errors(void *user, const CocomDiagnostic *d)
{
    if (d->severity == COCOM_SEVERITY_ERROR)
        (*(unsigned *)user)++;
}

/* Runs the post-pass from in to out with fix, and judges what it did. */
static inline void fuzz_pdfpost(const char *in, const char *out, const CocomPdfFix *fix)
{
    unlink(out);
    unsigned errors = 0;
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, fuzz_count_errors, &errors);
    CocomStatus st = cocom_pdfpost(ctx, in, out, fix);
    cocom_context_destroy(ctx);
    if (st != COCOM_STATUS_OK) {
        /* Refused: said why (or, numbers to write that the pages do not
         * match, left it to its caller to lay the pages out again), and
         * wrote nothing. */
        int unmatched = fix->cites_unmatched && *fix->cites_unmatched;
        if ((errors == 0 && !unmatched) || access(out, F_OK) == 0)
            abort();
        return;
    }
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_set_attempt_recovery(q, QPDF_FALSE);
    /* qpdf_check_pdf reads every object and decodes every stream. */
    if ((qpdf_read(q, out, NULL) & QPDF_ERRORS) || (qpdf_check_pdf(q) & QPDF_ERRORS)) {
        qpdf_error e = qpdf_get_error(q);
        fprintf(stderr, "qpdf cannot read the output: %s\n", e ? qpdf_get_error_full_text(q, e) : "?");
        abort();
    }
    qpdf_cleanup(&q);
    unlink(out);
}

#endif
