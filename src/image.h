/* image.h — external graphics: PNG (through Cairo) and JPEG (through
 * libjpeg), loaded once per address and kept for the run, so a logo on
 * every page is read and embedded once.  JPEG data is handed to Cairo as
 * it is, so the PDF embeds the original file rather than a re-encoding. */
#ifndef COCOM_IMAGE_H
#define COCOM_IMAGE_H

#include <cairo.h>
#include "context.h"

typedef struct CocomImage {
    cairo_surface_t *surface;
    int width_px, height_px;
    double dpi_x, dpi_y;        /* from the file, else 96 (the CSS convention) */
    char *path;
} CocomImage;

/* The image at `src` (a path or file: URL, relative to base_dir), or NULL
 * after a warning naming FILE:LINE when it cannot be used: missing, not a
 * PNG or JPEG, larger than 50 megapixels, or on the network. */
CocomImage *cocom_image_get(CocomContext *ctx, const char *src, const char *base_dir, const char *file,
                            long line);

/* Intrinsic size in points. */
double cocom_image_width_pt(const CocomImage *img);
double cocom_image_height_pt(const CocomImage *img);

#endif
