/* pngdiff A.png B.png [MAX_PERCENT] — how different two page images are.
 *
 * A pixel differs when any channel differs by more than 48 (of 255): that
 * ignores anti-aliasing noise but not a moved line of text.  Prints the
 * share of differing pixels; exits 0 when it is at most MAX_PERCENT
 * (default 0.5), 1 when more, 2 when the images cannot be compared
 * (unreadable, or of different sizes, which means different page sizes). */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pngdiff A.png B.png [MAX_PERCENT]\n");
        return 2;
    }
    double max = argc > 3 ? atof(argv[3]) : 0.5;
    cairo_surface_t *a = cairo_image_surface_create_from_png(argv[1]);
    cairo_surface_t *b = cairo_image_surface_create_from_png(argv[2]);
    if (cairo_surface_status(a) || cairo_surface_status(b)) {
        fprintf(stderr, "pngdiff: cannot read %s\n", cairo_surface_status(a) ? argv[1] : argv[2]);
        return 2;
    }
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
        fprintf(stderr, "pngdiff: sizes differ: %dx%d and %dx%d\n", w, h, cairo_image_surface_get_width(b),
                cairo_image_surface_get_height(b));
        return 2;
    }
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    long differ = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const unsigned char *p = pa + y * sa + 4 * x, *q = pb + y * sb + 4 * x;
            for (int c = 0; c < 3; c++)
                if (abs(p[c] - q[c]) > 48) {
                    differ++;
                    break;
                }
        }
    double pct = 100.0 * (double)differ / ((double)w * h);
    printf("%.3f%% of pixels differ (%ld of %d)\n", pct, differ, w * h);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return pct <= max ? 0 : 1;
}
