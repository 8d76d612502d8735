/* fuzz-pdfstream — libFuzzer harness: the streaming post-pass
 * (src/pdfstream.c) over arbitrary bytes as if Cairo had written them.
 * It must never crash, hang or leak, and must either write a PDF that
 * libqpdf reads and checks (qpdf --check) without error, or refuse with an error message and leave
 * no output file behind.  Seeds: fuzz/seeds/pdfstream-* (Cairo's own
 * tagged output, before the post-pass: a file with a tree of its own,
 * which passes through; fuzz-tags.c runs the post-pass with cocom's). */
#include "config.h"
#include <qpdf/qpdf-c.h>
#include "fuzz.h"
#include "pdfpost.h"

static void count_errors(void *user, const CocomDiagnostic *d)
{
    if (d->severity == COCOM_SEVERITY_ERROR)
        (*(unsigned *)user)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[128], out[128];
    fuzz_write_input("pdfstream", "in.pdf", data, size, in);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    unlink(out);
    unsigned errors = 0;
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, count_errors, &errors);
    CocomPdfFix fix = {"en-GB", "Title", "Author", NULL, NULL, "2015-07-29T00:00:00Z", NULL};
    CocomStatus st = cocom_pdfpost(ctx, in, out, &fix);
    cocom_context_destroy(ctx);
    if (st != COCOM_STATUS_OK) {
        /* Refused: said why, and wrote nothing. */
        if (errors == 0 || access(out, F_OK) == 0)
            abort();
        return 0;
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
    return 0;
}
