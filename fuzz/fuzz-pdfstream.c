/* fuzz-pdfstream — libFuzzer harness: the streaming post-pass
 * (src/pdfstream.c) over arbitrary bytes as if Cairo had written them.
 * It must never crash, hang or leak, and must either write a PDF that
 * libqpdf reads and checks (qpdf --check) without error, or refuse with an error message and leave
 * no output file behind.  Seeds: fuzz/seeds/pdfstream-* (Cairo's own
 * tagged output, before the post-pass: a file with a tree of its own,
 * which passes through; fuzz-tags.c runs the post-pass with cocom's). */
#include "config.h"
#include "fuzz-pdfpost.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[128], out[128];
    fuzz_write_input("pdfstream", "in.pdf", data, size, in);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    CocomPdfFix fix = {.lang = "en-GB", .title = "Title", .author = "Author", .date = "2015-07-29T00:00:00Z"};
    fuzz_pdfpost(in, out, &fix);
    return 0;
}
