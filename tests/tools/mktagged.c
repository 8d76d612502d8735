/* mktagged — writes a small tagged PDF the way cocom's painter tags its
 * pages with Cairo 1.16, for the tests of the PDF post-pass and pdfcheck:
 *
 *   mktagged OUT.pdf [--furniture-link] [--untagged-text] [--untagged-form]
 *
 * Two pages: a Document with H1, H2, P (one continued over the page break,
 * holding the next page's running header), Span, a URI Link and an
 * internal one, L/LI/Lbl/LBody, a Table with a header row and a row
 * header, two Figures (a drawn square, an image), a TOC whose entry has
 * leader dots; a line of Greek (so a second, CID-keyed font); running
 * headers and footers in Private elements, one footer with its text in a
 * nested Span.  A line of text shows the bytes
 * "/Private <</MCID 0>> BDC" as a string, to trip a careless rewriter.
 *
 * --furniture-link  the running header of page 1 holds a link
 * --untagged-text   one line of page 2 is drawn outside any tag
 * --untagged-form   a stamp with a line of text, outside any tag, on both
 *                   pages: one form XObject (Cairo writes a recording
 *                   surface used twice once) drawn on two pages
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

static cairo_t *cr;

static void text(double x, double y, const char *s)
{
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
}

static void tagged_text(const char *tag, double x, double y, const char *s)
{
    cairo_tag_begin(cr, tag, NULL);
    text(x, y, s);
    cairo_tag_end(cr, tag);
}

static void header(int furniture_link)
{
    cairo_tag_begin(cr, "Private", NULL);
    text(20, 20, "Running header of the test document");
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, 20, 25);
    cairo_line_to(cr, 280, 25);
    cairo_stroke(cr);
    cairo_tag_end(cr, "Private");
    if (furniture_link) {
        cairo_tag_begin(cr, "Private", NULL);
        cairo_tag_begin(cr, "Link", "uri='https://example.org/furniture'");
        text(220, 20, "home");
        cairo_tag_end(cr, "Link");
        cairo_tag_end(cr, "Private");
    }
}

/* The stamp of --untagged-form: one recording surface, painted on each
 * page outside any tag. */
static cairo_surface_t *stamp;

static void paint_stamp(void)
{
    if (!stamp) {
        /* Bounded: an unbounded recording surface used as a source leaks
         * a reference inside Cairo 1.16's PDF surface (LeakSanitizer finds
         * it, and cairo_debug_reset_static_data asserts). */
        cairo_rectangle_t ext = {0, 0, 120, 12};
        stamp = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
        cairo_t *sc = cairo_create(stamp);
        cairo_select_font_face(sc, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(sc, 8);
        cairo_move_to(sc, 0, 8);
        cairo_show_text(sc, "Stamped outside any tag");
        cairo_destroy(sc);
    }
    cairo_save(cr);
    cairo_set_source_surface(cr, stamp, 150, 380);
    cairo_paint(cr);
    cairo_restore(cr);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: mktagged OUT.pdf [--furniture-link] [--untagged-text] [--untagged-form]\n", stderr);
        return 2;
    }
    int furniture_link = 0, untagged_text = 0, untagged_form = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--furniture-link") == 0)
            furniture_link = 1;
        else if (strcmp(argv[i], "--untagged-text") == 0)
            untagged_text = 1;
        else if (strcmp(argv[i], "--untagged-form") == 0)
            untagged_form = 1;
        else {
            fprintf(stderr, "mktagged: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    cairo_surface_t *s = cairo_pdf_surface_create(argv[1], 300, 400);
    cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Tagged test document");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "cocom tests");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "mktagged");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2015-07-29T10:20:30Z");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2015-07-29T10:20:30Z");
    cr = cairo_create(s);
    cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 10);

    cairo_tag_begin(cr, "Document", NULL);
    /* Page 1 */
    header(furniture_link);
    tagged_text("H1", 20, 50, "Heading one");
    cairo_tag_begin(cr, "P", NULL);
    tagged_text("Span", 20, 70, "See ");
    cairo_tag_begin(cr, "Link", "uri='https://example.org/'");
    text(42, 70, "the site");
    cairo_tag_end(cr, "Link");
    tagged_text("Span", 80, 70, " for more.");
    cairo_tag_end(cr, "P");
    tagged_text("P", 20, 85, "Literally (/Private <</MCID 0>> BDC) and a \\ backslash");

    cairo_tag_begin(cr, "Figure", NULL);
    cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
    cairo_rectangle(cr, 20, 95, 30, 30);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_tag_end(cr, "Figure");

    cairo_tag_begin(cr, "Table", NULL);
    cairo_tag_begin(cr, "TR", NULL);
    cairo_tag_begin(cr, "TD", NULL);   /* the empty corner cell */
    cairo_tag_end(cr, "TD");
    tagged_text("TH", 80, 145, "Q1");
    tagged_text("TH", 130, 145, "Q2");
    cairo_tag_end(cr, "TR");
    cairo_tag_begin(cr, "TR", NULL);
    tagged_text("TH", 20, 160, "Alpha");
    tagged_text("TD", 80, 160, "1");
    tagged_text("TD", 130, 160, "2");
    cairo_tag_end(cr, "TR");
    cairo_tag_end(cr, "Table");

    cairo_tag_begin(cr, "L", NULL);
    cairo_tag_begin(cr, "LI", NULL);
    tagged_text("Lbl", 20, 180, "1.");
    tagged_text("LBody", 35, 180, "Item one");
    cairo_tag_end(cr, "LI");
    cairo_tag_end(cr, "L");

    cairo_tag_begin(cr, "TOC", NULL);
    cairo_tag_begin(cr, "TOCI", NULL);
    cairo_tag_begin(cr, "Link", "dest='sec2'");
    text(20, 200, "Section two");
    cairo_tag_end(cr, "Link");
    tagged_text("Private", 85, 200, "........................");
    tagged_text("Span", 200, 200, "2");
    cairo_tag_end(cr, "TOCI");
    cairo_tag_end(cr, "TOC");

    cairo_tag_begin(cr, "P", NULL);
    tagged_text("Span", 20, 380, "This paragraph continues");
    tagged_text("Private", 140, 395, "Page 1");
    if (untagged_form)
        paint_stamp();
    cairo_show_page(cr);

    /* Page 2: the paragraph is still open. */
    header(0);
    tagged_text("Span", 20, 50, "on the second page.");
    cairo_tag_end(cr, "P");
    /* Greek: Cairo puts these glyphs in a second, CID-keyed subset. */
    tagged_text("P", 20, 65, "Greek \xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1 \xe2\x86\x92 done");
    cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='sec2'");
    tagged_text("H2", 20, 80, "Section two");
    cairo_tag_end(cr, CAIRO_TAG_DEST);

    cairo_tag_begin(cr, "Figure", NULL);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 8; x++)
            ((unsigned *)(void *)(data + y * stride))[x] = ((x + y) & 1) ? 0x2060a0 : 0xffffff;
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_translate(cr, 20, 95);
    cairo_scale(cr, 4, 4);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    cairo_tag_end(cr, "Figure");

    if (untagged_text)
        text(20, 150, "Drawn outside any tag");
    if (untagged_form)
        paint_stamp();

    /* A footer whose text sits in a nested element. */
    cairo_tag_begin(cr, "Private", NULL);
    tagged_text("Span", 140, 395, "Page 2");
    cairo_tag_end(cr, "Private");
    cairo_tag_end(cr, "Document");

    cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "Section two", "dest='sec2'", 0);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (stamp)
        cairo_surface_destroy(stamp);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "mktagged: %s\n", cairo_status_to_string(st));
        return 1;
    }
    return 0;
}
