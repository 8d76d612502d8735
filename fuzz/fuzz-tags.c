/* fuzz-tags — libFuzzer harness: the post-pass with cocom's own tags
 * (src/pdfstream-tags.c): arbitrary page content read alongside an
 * arbitrary structure log.  The log and the pages come from the painter
 * of the same process, so a mismatch is cocom's own fault; but the reader
 * must still never crash, hang or leak on one: it writes a PDF that
 * libqpdf reads and checks without error, or refuses with an error
 * message and leaves no output behind.
 *
 * Input: two bytes (big-endian) giving the length of a script, the
 * script, then the PDF.  The script is the log: 'O' and a byte choosing
 * the element's type (a Link gets the next link, on the page the script
 * has reached; a Figure an alternative text), 'C', 'M', 'A', 'E', 'P' as
 * in structlog.h, 'l' a link in the page furniture, 'w' and a byte n:
 * n % 8 page numbers ("7") to write over the zeros between the painter's
 * cite markers (cites.h: the markers come with the pages); other bytes are
 * skipped.  Seeds: fuzz/seeds/tags/ (a painter's file before the
 * post-pass, with its log as a script). */
#include "config.h"
#include "fuzz-pdfpost.h"
#include "structlog.h"

static const char *const types[] = {"Document", "P", "Span", "Link", "Figure", "Table", "TR", "TH", "TD",
                                    "THead", "TBody", "H1", "L", "LI", "Lbl", "LBody", "Sect"};

static uint32_t add_link(CocomStructLog *log, uint32_t page, int tagged, uint32_t n)
{
    CocomStructLink l = {page, {10, 10, 60 + n, 22}, n % 2 ? "https://example.org/(x)" : "dest-\xc3\xa9", (int)(n % 2),
                         n % 3 ? "A link" : NULL, tagged};
    return cocom_structlog_add_link(log, &l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t n = (size_t)data[0] << 8 | data[1];
    if (n > size - 2)
        n = size - 2;
    const uint8_t *script = data + 2, *pdf = data + 2 + n;
    char in[128], out[128];
    fuzz_write_input("tags", "in.pdf", pdf, size - 2 - n, in);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    CocomStructLog *log = cocom_structlog_new();
    if (!log)
        abort();
    uint32_t page = 0, links = 0;
    int write = 0, unmatched = 0;
    size_t ncites = 0;
    static const char *const numbers[] = {"7", "7", "7", "7", "7", "7", "7", "7"};
    for (size_t i = 0; i < n; i++) {
        switch (script[i]) {
        case 'O': {
            if (i + 1 >= n)
                break;
            const char *t = types[script[++i] % (sizeof types / sizeof types[0])];
            uint32_t link = COCOM_SL_NO_LINK;
            if (t == types[3])
                link = add_link(log, page, 1, links++);
            cocom_structlog_open(log, t, t == types[4] ? "A figure" : NULL, link);
            break;
        }
        case 'l':
            add_link(log, page, 0, links++);
            break;
        case 'w':
            if (i + 1 >= n)
                break;
            write = 1;
            ncites = script[++i] % 8;
            break;
        case 'P':
            page++;
            /* fall through */
        case 'C':
        case 'M':
        case 'A':
        case 'E':
            cocom_structlog_event(log, (CocomStructEventKind)script[i]);
            break;
        default:
            break;
        }
    }
    CocomPdfFix fix = {.lang = "en-GB", .title = "Title", .author = "Author", .date = "2015-07-29T00:00:00Z",
                       .structure = log, .write_cites = write, .cites = write ? numbers : NULL,
                       .ncites = ncites, .cites_unmatched = &unmatched};
    fuzz_pdfpost(in, out, &fix);
    cocom_structlog_free(log);
    return 0;
}
