/* Unit tests of the post-pass (pdfpost.h) on PDFs written here by hand,
 * byte by byte: damaged files (an error, no crash, no output), page trees
 * that nest too deep, a structure tree of the file's own (passed through,
 * even when it loops or nests deep), and content streams where the bytes
 * of a tag also appear inside a string and inside an inline image.
 * PDFPOST_TEST_VERBOSE=1 prints each diagnostic as a "# " line. */
#include "config.h"
#include "pdfpost.h"
#include "unit.h"

#include <qpdf/qpdf-c.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/cocom-pdfpost-XXXXXX";
static char last_message[2048];
static int nerrors, nwarnings;
static int saw_untagged;   /* a PDFUA-UNTAGGED-TEXT finding was reported */

static void collect(void *user, const CocomDiagnostic *d)
{
    (void)user;
    if (getenv("PDFPOST_TEST_VERBOSE"))
        printf("# %s [%s]\n", d->message, d->rule ? d->rule : "");
    if (d->rule && strcmp(d->rule, "PDFUA-UNTAGGED-TEXT") == 0)
        saw_untagged = 1;
    if (d->severity == COCOM_SEVERITY_ERROR)
        nerrors++;
    else if (d->severity == COCOM_SEVERITY_WARNING)
        nwarnings++;
    snprintf(last_message, sizeof last_message, "%s%s%s", d->message, d->rule ? " " : "", d->rule ? d->rule : "");
}

static CocomContext *new_ctx(void)
{
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, collect, NULL);
    nerrors = nwarnings = saw_untagged = 0;
    last_message[0] = '\0';
    return ctx;
}

static char *path_of(const char *name)
{
    return cocom_xasprintf("%s/%s", dir, name);
}

/* A stream object's body with the right /Length. */
static char *stream(const char *dict_entries, const char *data, size_t len)
{
    CocomBuf b = {0};
    cocom_buf_printf(&b, "<< %s /Length %zu >>\nstream\n", dict_entries, len);
    cocom_buf_append(&b, data, len);
    cocom_buf_puts(&b, "\nendstream");
    return cocom_buf_steal(&b);
}

/* Writes a PDF of objects 1..n (bodies given) with a correct xref table;
 * object 1 is the catalog.  Returns the file's size. */
static size_t write_pdf(const char *path, char **objs, int n)
{
    CocomBuf b = {0};
    size_t *off = calloc((size_t)n + 1, sizeof *off);
    cocom_buf_puts(&b, "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n");
    for (int i = 0; i < n; i++) {
        off[i + 1] = b.len;
        cocom_buf_printf(&b, "%d 0 obj\n", i + 1);
        cocom_buf_puts(&b, objs[i]);
        cocom_buf_puts(&b, "\nendobj\n");
    }
    size_t xref = b.len;
    cocom_buf_printf(&b, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
    for (int i = 1; i <= n; i++)
        cocom_buf_printf(&b, "%010zu 00000 n \n", off[i]);
    cocom_buf_printf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1, n,
                     xref);
    FILE *f = fopen(path, "wb");
    fwrite(b.data, 1, b.len, f);
    fclose(f);
    size_t len = b.len;
    cocom_buf_free(&b);
    free(off);
    return len;
}

static void free_objs(char **objs, int n)
{
    for (int i = 0; i < n; i++)
        free(objs[i]);
}

/* Inline image data that holds the bytes of a furniture tag, and an "EI"
 * between spaces: 60 bytes, 20 RGB pixels in one row. */
static const char image_bytes[] = "/Private <</MCID 0>> BDC EI /Private <</MCID 0>> BDC EMC ..!";

/* A one-page tagged PDF: a running header (Private, MCID 0) and a
 * paragraph (MCID 1) whose text is "/Private <</MCID 0>> BDC", then an
 * inline image holding the same bytes.  Objects: 1 catalog, 2 pages,
 * 3 page, 4 StructTreeRoot, 5 content, 6 font, 7 Document, 8 ParentTree,
 * 9 Private, 10 P, 11 Info. */
static int tagged_pdf(char **objs)
{
    CocomBuf c = {0};
    cocom_buf_puts(&c, "/Private <</MCID 0>> BDC BT /F1 12 Tf 10 180 Td (Running header) Tj ET EMC\n"
                       "/P << /MCID 1 >> BDC BT /F1 12 Tf 10 100 Td (/Private <</MCID 0>> BDC \\) \\\\) Tj ET EMC\n"
                       "/Figure <</Alt (x)>> BDC q 20 0 0 1 10 10 cm BI /W 20 /H 1 /BPC 8 /CS /RGB ID ");
    cocom_buf_append(&c, image_bytes, 60);
    cocom_buf_puts(&c, "\nEI Q EMC\n");
    objs[0] = cocom_xstrdup("<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>");
    objs[1] = cocom_xstrdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objs[2] = cocom_xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R "
                            "/Resources << /Font << /F1 6 0 R >> >> /StructParents 0 >>");
    objs[3] = cocom_xstrdup("<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R >>");
    objs[4] = stream("", c.data, c.len);
    objs[5] = cocom_xstrdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs[6] = cocom_xstrdup("<< /Type /StructElem /S /Document /P 4 0 R /K [9 0 R 10 0 R] >>");
    objs[7] = cocom_xstrdup("<< /Nums [0 [9 0 R 10 0 R]] >>");
    objs[8] = cocom_xstrdup("<< /Type /StructElem /S /Private /P 7 0 R /Pg 3 0 R /K 0 >>");
    objs[9] = cocom_xstrdup("<< /Type /StructElem /S /P /P 7 0 R /Pg 3 0 R /K 1 >>");
    objs[10] = cocom_xstrdup("<< /Title (A hand-made PDF) /CreationDate (20150729102030+01'00') >>");
    cocom_buf_free(&c);
    return 11;
}

/* The decoded content of page 1 of a PDF (the caller frees it), or NULL. */
static unsigned char *page_content(const char *path, size_t *len)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    unsigned char *buf = NULL;
    if (!(qpdf_read(q, path, NULL) & QPDF_ERRORS)) {
        qpdf_oh page = qpdf_get_page_n(q, 0);
        if (qpdf_oh_get_page_content_data(q, page, &buf, len) & QPDF_ERRORS) {
            free(buf);
            buf = NULL;
        }
    }
    qpdf_cleanup(&q);
    return buf;
}

/* The unparsed form of an object reached by a path of keys from the
 * catalog (NULL-terminated), its own references resolved one level, in a
 * string the caller frees. */
static char *catalog_path(const char *path, ...)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    char *r = NULL;
    if (!(qpdf_read(q, path, NULL) & QPDF_ERRORS)) {
        qpdf_oh o = qpdf_get_root(q);
        va_list ap;
        va_start(ap, path);
        for (const char *k; (k = va_arg(ap, const char *));)
            o = qpdf_oh_get_key(q, o, k);
        va_end(ap);
        CocomBuf b = {0};
        cocom_buf_puts(&b, qpdf_oh_unparse_resolved(q, o));
        int n = qpdf_oh_is_array(q, o) ? qpdf_oh_get_array_n_items(q, o) : 0;
        for (int i = 0; i < n; i++)
            cocom_buf_printf(&b, " | %s", qpdf_oh_unparse_resolved(q, qpdf_oh_get_array_item(q, o, i)));
        r = cocom_buf_steal(&b);
    }
    qpdf_cleanup(&q);
    return r;
}

static char *info_value(const char *path, const char *key)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    char *r = NULL;
    if (!(qpdf_read(q, path, NULL) & QPDF_ERRORS)) {
        const char *v = qpdf_get_info_key(q, key);
        r = v ? cocom_xstrdup(v) : NULL;
    }
    qpdf_cleanup(&q);
    return r;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The file's own tree (no structure log given) is not the post-pass's to
 * change: the content keeps its furniture tag, the tree its Private
 * element, the parent tree its entries (the Private element's too); the
 * catalog and Info are completed. */
TEST(a_tagged_file_passes_through_and_gains_its_metadata)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    char *in = path_of("tagged.pdf"), *out = path_of("tagged-out.pdf");
    write_pdf(in, objs, n);
    free_objs(objs, n);
    size_t len0 = 0;
    unsigned char *c0 = page_content(in, &len0);
    CHECK(c0 != NULL);
    CocomContext *ctx = new_ctx();
    CocomPdfFix fix = {.lang = "en-GB"};
    CHECK(cocom_pdfpost(ctx, in, out, &fix) == COCOM_STATUS_OK);
    CHECK(nerrors == 0 && nwarnings == 0);
    size_t len = 0;
    unsigned char *c = page_content(out, &len);
    CHECK(c != NULL);
    /* Byte for byte (deflated on the way, which page_content undoes). */
    CHECK(c && c0 && len == len0 && memcmp(c, c0, len) == 0);
    if (c) {
        CocomBuf b = {0};
        cocom_buf_append(&b, (const char *)c, len);
        CHECK(strncmp(b.data, "/Private <</MCID 0>> BDC BT /F1 12 Tf 10 180 Td (Running header) Tj ET EMC\n", 75) == 0);
        CHECK(strstr(b.data, "/Artifact") == NULL);
        cocom_buf_free(&b);
    }
    free(c);
    free(c0);
    char *k = catalog_path(out, "/StructTreeRoot", "/K", "/K", NULL);
    CHECK(k && strstr(k, "/S /Private") && strstr(k, "/S /P "));
    free(k);
    char *pt = catalog_path(out, "/StructTreeRoot", "/ParentTree", "/Nums", NULL);
    if (getenv("PDFPOST_TEST_VERBOSE"))
        printf("# parent tree: %s\n", pt ? pt : "(none)");
    CHECK(pt && strstr(pt, "| [ 9 0 R 10 0 R ]") != NULL);
    free(pt);
    char *lang = catalog_path(out, "/Lang", NULL);
    CHECK_STR(lang, "(en-GB)");
    free(lang);
    char *date = info_value(out, "/CreationDate");
    CHECK_STR(date, "D:20150729102030+01'00'");
    free(date);
    CHECK(cocom_pdfcheck(ctx, out) == COCOM_STATUS_INVALID);   /* Helvetica is not embedded */
    CHECK(strstr(last_message, "PDFUA") != NULL);
    cocom_context_destroy(ctx);
    free(in);
    free(out);
}

TEST(a_truncated_pdf_is_an_error_and_writes_nothing)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    char *in = path_of("whole.pdf"), *cut = path_of("truncated.pdf"), *out = path_of("truncated-out.pdf");
    size_t size = write_pdf(in, objs, n);
    free_objs(objs, n);
    size_t len;
    char *data = cocom_read_file(in, 1 << 20, &len);
    CHECK(data && len == size);
    for (size_t keep = 0; data && keep < len; keep += len / 7 + 1) {
        FILE *f = fopen(cut, "wb");
        fwrite(data, 1, keep, f);
        fclose(f);
        CocomContext *ctx = new_ctx();
        CocomStatus st = cocom_pdfpost(ctx, cut, out, NULL);
        CHECK(st == COCOM_STATUS_INVALID);
        CHECK(nerrors >= 1);
        CHECK(!exists(out));
        CHECK(cocom_pdfcheck(ctx, cut) == COCOM_STATUS_IO);
        cocom_context_destroy(ctx);
    }
    free(data);
    free(in);
    free(cut);
    free(out);
}

TEST(not_a_pdf_missing_and_folders)
{
    char *junk = path_of("junk.pdf"), *out = path_of("junk-out.pdf"), *empty = path_of("empty.pdf");
    FILE *f = fopen(junk, "wb");
    fputs("<fo:root>this is not a PDF</fo:root>\n", f);
    fclose(f);
    f = fopen(empty, "wb");
    fclose(f);
    CocomContext *ctx = new_ctx();
    CHECK(cocom_pdfpost(ctx, junk, out, NULL) == COCOM_STATUS_INVALID);
    CHECK(strstr(last_message, "not a readable PDF") != NULL);
    CHECK(cocom_pdfpost(ctx, empty, out, NULL) == COCOM_STATUS_INVALID);
    CHECK(cocom_pdfpost(ctx, "/nonexistent/x.pdf", out, NULL) == COCOM_STATUS_IO);
    CHECK(strstr(last_message, "no such file") != NULL);
    CHECK(cocom_pdfpost(ctx, dir, out, NULL) == COCOM_STATUS_IO);
    CHECK(cocom_pdfcheck(ctx, dir) == COCOM_STATUS_IO);
    CHECK(cocom_pdfpost(ctx, junk, junk, NULL) == COCOM_STATUS_USAGE);
    CHECK(!exists(out));
    cocom_context_destroy(ctx);
    free(junk);
    free(out);
    free(empty);
}

TEST(an_unwritable_output_is_an_io_error)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    char *in = path_of("w.pdf");
    write_pdf(in, objs, n);
    free_objs(objs, n);
    CocomContext *ctx = new_ctx();
    CHECK(cocom_pdfpost(ctx, in, "/nonexistent/dir/out.pdf", NULL) == COCOM_STATUS_IO);
    CHECK(strstr(last_message, "cannot write the PDF") != NULL);
    cocom_context_destroy(ctx);
    free(in);
}

/* Writes objs (and frees them) as NAME.pdf, and runs the post-pass over
 * it into NAME-out.pdf in a context of its own.  *out is that path, for the
 * caller to free. */
static CocomStatus post_objs(const char *name, char **objs, int n, char **out)
{
    char *file = cocom_xasprintf("%s.pdf", name), *outfile = cocom_xasprintf("%s-out.pdf", name);
    char *in = path_of(file);
    *out = path_of(outfile);
    write_pdf(in, objs, n);
    free_objs(objs, n);
    CocomContext *ctx = new_ctx();
    CocomStatus st = cocom_pdfpost(ctx, in, *out, NULL);
    cocom_context_destroy(ctx);
    free(in);
    free(file);
    free(outfile);
    return st;
}

/* After tagged_pdf's objects, whose last (objs[first - 1]) is the Info
 * dictionary: objects first .. first + count - 1 in its place, each `fmt`
 * with the number of the object after it, the last `last` (or `fmt` too
 * when NULL); then the Info dictionary again.  Returns the number of
 * objects. */
static int add_chain(char **objs, int first, int count, const char *fmt, const char *last)
{
    free(objs[first - 1]);
    for (int i = 0; i < count; i++)
        objs[first - 1 + i] = i + 1 < count || !last ? cocom_xasprintf(fmt, first + i + 1) : cocom_xstrdup(last);
    objs[first - 1 + count] = cocom_xstrdup("<< /Title (deep) >>");
    return first + count;
}

TEST(a_structure_tree_that_loops_passes_through)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    /* The paragraph's kids: its MCID, and the Document above it. */
    free(objs[9]);
    objs[9] = cocom_xstrdup("<< /Type /StructElem /S /P /P 7 0 R /Pg 3 0 R /K [1 7 0 R 9 0 R 10 0 R] >>");
    char *out;
    CHECK(post_objs("loop", objs, n, &out) == COCOM_STATUS_OK);
    CHECK(exists(out));
    CocomContext *ctx = new_ctx();
    CHECK(cocom_pdfcheck(ctx, out) != COCOM_STATUS_IO);
    cocom_context_destroy(ctx);
    free(out);
}

/* A tree the post-pass does not walk may nest as deep as it likes. */
TEST(a_deep_structure_tree_passes_through)
{
    enum { DEPTH = 400, BASE = 11 };
    char *objs[BASE + DEPTH];
    tagged_pdf(objs);
    /* Object 11 starts a chain of nested Divs. */
    free(objs[6]);
    objs[6] = cocom_xstrdup("<< /Type /StructElem /S /Document /P 4 0 R /K [9 0 R 10 0 R 11 0 R] >>");
    int n = add_chain(objs, BASE, DEPTH - 1, "<< /Type /StructElem /S /Div /K %d 0 R >>", NULL);
    char *out;
    CHECK(post_objs("deep", objs, n, &out) == COCOM_STATUS_OK);
    CHECK(nerrors == 0 && exists(out));
    free(out);
}

/* A page tree nested deeper than MAX_DEPTH is damage: refused, nothing
 * written. */
TEST(a_page_tree_too_deep_is_an_error)
{
    enum { DEPTH = 400, BASE = 11 };
    char *objs[BASE + DEPTH];
    tagged_pdf(objs);
    /* The root of the page tree leads to a chain of page-tree nodes, the
     * last of which holds the page. */
    free(objs[1]);
    objs[1] = cocom_xstrdup("<< /Type /Pages /Kids [11 0 R] /Count 1 >>");
    int n = add_chain(objs, BASE, DEPTH - 1, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>",
                      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    char *out;
    CHECK(post_objs("deep-pages", objs, n, &out) == COCOM_STATUS_INVALID);
    CHECK(strstr(last_message, "the page tree is nested more than 256 deep") != NULL);
    CHECK(!exists(out));
    free(out);
}

TEST(a_damaged_object_inside_is_reported)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    /* A content stream whose /Length runs past its data. */
    free(objs[4]);
    objs[4] = cocom_xstrdup("<< /Length 99999 >>\nstream\nBT ET\nendstream");
    char *in = path_of("badstream.pdf"), *out = path_of("badstream-out.pdf");
    write_pdf(in, objs, n);
    free_objs(objs, n);
    CocomContext *ctx = new_ctx();
    CocomStatus st = cocom_pdfpost(ctx, in, out, NULL);
    CHECK(st == COCOM_STATUS_INVALID || (st == COCOM_STATUS_OK && nwarnings > 0));
    CHECK(nerrors + nwarnings > 0);
    cocom_context_destroy(ctx);
    free(in);
    free(out);
}

TEST(bad_dates_and_bad_utf8_do_not_spoil_the_metadata)
{
    char *objs[11];
    int n = tagged_pdf(objs);
    char *in = path_of("meta.pdf"), *out = path_of("meta-out.pdf");
    write_pdf(in, objs, n);
    free_objs(objs, n);
    CocomContext *ctx = new_ctx();
    CocomPdfFix fix = {.lang = "en-GB", .title = "Bad \xff\xfe bytes & <markup>\x01", .date = "29/07/2015"};
    CHECK(cocom_pdfpost(ctx, in, out, &fix) == COCOM_STATUS_OK);
    CHECK(nwarnings == 1 && strstr(last_message, "not ISO 8601") != NULL);
    char *date = info_value(out, "/CreationDate");
    CHECK_STR(date, "D:20150729102030+01'00'");
    free(date);
    /* The XMP is well-formed: pdfcheck finds its title. */
    CocomContext *ctx2 = new_ctx();
    cocom_pdfcheck(ctx2, out);
    CHECK(strstr(last_message, "XMP") == NULL);
    cocom_context_destroy(ctx2);

    fix.date = "2016-02-29T23:59:01-05:30";
    CHECK(cocom_pdfpost(ctx, in, out, &fix) == COCOM_STATUS_OK);
    date = info_value(out, "/ModDate");
    CHECK_STR(date, "D:20160229235901-05'30'");
    free(date);
    cocom_context_destroy(ctx);
    free(in);
    free(out);
}

/* Content streams of random tokens (a fixed seed, so a failure repeats):
 * neither pass may read out of bounds or crash, whatever the bytes. */
TEST(random_content_streams_do_no_harm)
{
    static const char *const words[] = {
        "(", ")", "\\", "<", ">", "<<", ">>", "[", "]", "{", "}", "/", "%", "\n", " ", "/Private", "/Artifact",
        "/MCID", "0", "1", "-2", "3.5", "BDC", "BMC", "EMC", "BT", "ET", "Tj", "TJ", "'", "\"", "Do", "/X0",
        "BI", "ID", "EI", "/W", "/H", "/CS", "/RGB", "/F", "true", "#", "/MC#49D", "q", "Q", "\r", "\0",
    };
    unsigned seed = 12345;
    char *in = path_of("random.pdf"), *out = path_of("random-out.pdf");
    for (int round = 0; round < 300; round++) {
        CocomBuf c = {0};
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *w = words[(seed >> 16) % COCOM_ARRAY_LEN(words)];
            cocom_buf_append(&c, w, strcmp(w, "\\0") == 0 ? 1 : strlen(w));
            if ((seed >> 8) & 1)
                cocom_buf_putc(&c, ' ');
        }
        char *objs[11];
        int k = tagged_pdf(objs);
        free(objs[4]);
        objs[4] = stream("", c.data ? c.data : "", c.len);
        cocom_buf_free(&c);
        write_pdf(in, objs, k);
        free_objs(objs, k);
        CocomContext *ctx = new_ctx();
        CocomStatus st = cocom_pdfpost(ctx, in, out, NULL);
        CHECK(st == COCOM_STATUS_OK || st == COCOM_STATUS_INVALID);
        st = cocom_pdfcheck(ctx, st == COCOM_STATUS_OK ? out : in);
        CHECK(st == COCOM_STATUS_OK || st == COCOM_STATUS_INVALID);
        cocom_context_destroy(ctx);
        unlink(out);
    }
    free(in);
    free(out);
}

/* Untagged text drawn by a form XObject counts; tagged through a named
 * property list (/Properties) it does not. */
TEST(text_in_form_xobjects_and_named_properties)
{
    static const struct {
        const char *content;
        int untagged;
    } cases[] = {
        {"/X0 Do", 1},                                        /* the form's text, untagged */
        {"/Artifact BMC /X0 Do EMC", 0},                      /* inside an artifact */
        {"/P <</MCID 1>> BDC /X0 Do EMC /X0 Do", 1},          /* the second time untagged */
        {"/Span /MC0 BDC BT (a) Tj ET EMC", 0},               /* MCID 3 through /Properties */
        {"/Span /MC1 BDC BT (a) Tj ET EMC", 1},               /* a property list without MCID */
        {"/Span <</ActualText (x)>> BDC BT (a) Tj ET EMC", 1}, /* marked, but not tagged */
        {"/X1 Do", 0},                                        /* a form that draws itself, no text */
        {"EMC EMC BT (a) Tj ET", 1},                          /* EMC with nothing open */
    };
    static const char form_text[] = "BT /F1 9 Tf (in a form) Tj ET";
    char *in = path_of("forms.pdf");
    for (size_t i = 0; i < COCOM_ARRAY_LEN(cases); i++) {
        char *objs[13];
        tagged_pdf(objs);
        free(objs[2]);
        free(objs[4]);
        objs[2] = cocom_xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R "
                                "/Resources << /Font << /F1 6 0 R >> /XObject << /X0 11 0 R /X1 12 0 R >> "
                                "/Properties << /MC0 << /MCID 3 >> /MC1 << /Lang (en) >> >> >> /StructParents 0 >>");
        objs[4] = stream("", cases[i].content, strlen(cases[i].content));
        objs[12] = objs[10];   /* the Info dictionary moves to the end */
        objs[10] = stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", form_text, strlen(form_text));
        objs[11] = stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 12 0 R >> >>",
                          "/X1 Do", 6);
        write_pdf(in, objs, 13);
        free_objs(objs, 13);
        CocomContext *ctx = new_ctx();
        cocom_pdfcheck(ctx, in);
        if (saw_untagged != cases[i].untagged)
            UNIT_FAIL("%s: untagged text %s", cases[i].content, saw_untagged ? "found" : "not found");
        cocom_context_destroy(ctx);
    }
    free(in);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(a_tagged_file_passes_through_and_gains_its_metadata);
    RUN(a_truncated_pdf_is_an_error_and_writes_nothing);
    RUN(not_a_pdf_missing_and_folders);
    RUN(an_unwritable_output_is_an_io_error);
    RUN(a_structure_tree_that_loops_passes_through);
    RUN(a_deep_structure_tree_passes_through);
    RUN(a_page_tree_too_deep_is_an_error);
    RUN(a_damaged_object_inside_is_reported);
    RUN(bad_dates_and_bad_utf8_do_not_spoil_the_metadata);
    RUN(random_content_streams_do_no_harm);
    RUN(text_in_form_xobjects_and_named_properties);
    char *cmd = cocom_xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
    return unit_done();
}
