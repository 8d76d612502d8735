/* image.c — see image.h. */
#include "config.h"
#include "image.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

#define MAX_PIXELS (50L * 1000 * 1000)
#define MAX_IMAGE_BYTES (64L * 1024 * 1024)

struct CocomImageCache {
    CocomMap by_path;       /* path -> CocomImage* (0 for a failure already reported) */
    CocomImage **all;
    size_t n, cap;
};

/* Forward: the cache lives on the context under this key (context.h). */
static void images_release(void *state);
static const CocomContextKey images_key = {"images", images_release};

double cocom_image_width_pt(const CocomImage *img)
{
    return img->width_px * 72.0 / img->dpi_x;
}

double cocom_image_height_pt(const CocomImage *img)
{
    return img->height_px * 72.0 / img->dpi_y;
}

/* --- PNG --- */

typedef struct {
    const unsigned char *data;
    size_t len, pos;
} Reader;

static cairo_status_t png_read(void *closure, unsigned char *out, unsigned int n)
{
    Reader *r = closure;
    if (r->len - r->pos < n)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->data + r->pos, n);
    r->pos += n;
    return CAIRO_STATUS_SUCCESS;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The PNG's size (IHDR) and resolution (pHYs), read before decoding so
 * that an enormous image is refused without allocating it. */
static int png_header(const unsigned char *d, size_t len, long *w, long *h, double *dx, double *dy)
{
    if (len < 33 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
        return 0;
    *w = be32(d + 16);
    *h = be32(d + 20);
    size_t p = 8;
    while (p + 12 <= len) {
        uint32_t clen = be32(d + p);
        if (clen > len - p - 12)
            break;
        if (memcmp(d + p + 4, "pHYs", 4) == 0 && clen == 9 && d[p + 16] == 1) {
            /* pixels per metre */
            uint32_t ppx = be32(d + p + 8), ppy = be32(d + p + 12);
            if (ppx > 0 && ppy > 0) {
                *dx = ppx * 0.0254;
                *dy = ppy * 0.0254;
            }
        }
        if (memcmp(d + p + 4, "IDAT", 4) == 0)
            break;
        p += 12 + clen;
    }
    return 1;
}

/* --- JPEG --- */

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
} JpegError;

static void jpeg_fail(j_common_ptr cinfo)
{
    JpegError *e = (JpegError *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, e->message);
    longjmp(e->jump, 1);
}

static void jpeg_quiet(j_common_ptr cinfo)
{
    (void)cinfo;
}

/* Decodes a JPEG into RGB pixels; *cmyk_out: it holds CMYK (or YCCK). */
static cairo_surface_t *jpeg_decode(const unsigned char *data, size_t len, double *dx, double *dy, int *cmyk_out,
                                    char *why, size_t whylen)
{
    struct jpeg_decompress_struct cinfo;
    JpegError jerr;
    cairo_surface_t *volatile surface = NULL;
    *cmyk_out = 0;
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = jpeg_fail;
    jerr.pub.output_message = jpeg_quiet;
    if (setjmp(jerr.jump)) {
        snprintf(why, whylen, "%s", jerr.message);
        jpeg_destroy_decompress(&cinfo);
        if (surface)
            cairo_surface_destroy(surface);
        return NULL;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    if ((long)cinfo.image_width * (long)cinfo.image_height > MAX_PIXELS) {
        snprintf(why, whylen, "it is %ux%u pixels, more than the limit of 50 megapixels", cinfo.image_width,
                 cinfo.image_height);
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    if (cinfo.density_unit == 1 && cinfo.X_density > 0 && cinfo.Y_density > 0) {
        *dx = cinfo.X_density;
        *dy = cinfo.Y_density;
    } else if (cinfo.density_unit == 2 && cinfo.X_density > 0 && cinfo.Y_density > 0) {
        *dx = cinfo.X_density * 2.54;
        *dy = cinfo.Y_density * 2.54;
    }
    /* libjpeg converts grey and YCbCr to RGB, but not CMYK or YCCK: those
     * come out as CMYK and are converted here (into the pixels that go
     * into a PNG, and into a PDF in place of the JPEG: see below). */
    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    *cmyk_out = cmyk;
    jpeg_start_decompress(&cinfo);
    int w = (int)cinfo.output_width, h = (int)cinfo.output_height;
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *pix = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    /* Zeroed: a scanline libjpeg cannot decode is left as it is. */
    unsigned char *row = cocom_xcalloc((size_t)w * 4 + 1, 1);
    /* Adobe's CMYK JPEGs (the ones with its APP14 marker, which is what
     * writers make) store the inks inverted. */
    int inverted = cmyk && cinfo.saw_Adobe_marker;
    while (cinfo.output_scanline < cinfo.output_height) {
        unsigned int y = cinfo.output_scanline;
        JSAMPROW rows[1] = {row};
        jpeg_read_scanlines(&cinfo, rows, 1);
        uint32_t *out = (uint32_t *)(pix + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            if (cmyk) {
                /* The naive conversion: no colour profile, as a PDF viewer
                 * without one shows DeviceCMYK. */
                unsigned c = row[4 * x], m = row[4 * x + 1], yy = row[4 * x + 2], k = row[4 * x + 3];
                if (!inverted)
                    c = 255 - c, m = 255 - m, yy = 255 - yy, k = 255 - k;
                /* now each is 255 for no ink */
                out[x] = 0xFF000000u | (uint32_t)(c * k / 255) << 16 | (uint32_t)(m * k / 255) << 8 | (yy * k / 255);
            } else {
                out[x] = 0xFF000000u | (uint32_t)row[3 * x] << 16 | (uint32_t)row[3 * x + 1] << 8 | row[3 * x + 2];
            }
        }
    }
    free(row);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    cairo_surface_mark_dirty(surface);
    return surface;
}

static char *resolve(const char *src, const char *base_dir)
{
    const char *p = src;
    while (*p == ' ')
        p++;
    if (strncmp(p, "file://", 7) == 0)
        p += 7;
    else if (strncmp(p, "file:", 5) == 0)
        p += 5;
    if (*p == '/' || !base_dir || !*base_dir)
        return cocom_xstrdup(p);
    return cocom_xasprintf("%s/%s", base_dir, p);
}

static void free_data(void *p)
{
    free(p);
}

CocomImage *cocom_image_get(CocomContext *ctx, const char *src, const char *base_dir, const char *file,
                            long line)
{
    struct CocomImageCache *c = cocom_context_state(ctx, &images_key);
    if (!c) {
        c = cocom_xcalloc(1, sizeof *c);
        cocom_context_set_state(ctx, &images_key, c);
    }
    if (!src || !*src) {
        cocom_report(ctx, COCOM_SEVERITY_WARNING, file, line, "an external graphic has no src; nothing is shown");
        return NULL;
    }
    if (strstr(src, "://") && strncmp(src, "file://", 7) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_WARNING, file, line,
                     "the image '%s' is on the network, and cocom does not fetch from the network; nothing is shown", src);
        return NULL;
    }
    char *path = resolve(src, base_dir);
    intptr_t v;
    if (cocom_map_get(&c->by_path, path, &v)) {
        free(path);
        return (CocomImage *)v;
    }
    size_t len = 0;
    unsigned char *data = (unsigned char *)cocom_read_file(path, MAX_IMAGE_BYTES, &len);
    CocomImage *img = NULL;
    char why[JMSG_LENGTH_MAX + 100] = "";
    double dx = 96, dy = 96;
    if (!data) {
        snprintf(why, sizeof why, "%s", errno == EFBIG ? "the file is larger than 64 MiB" : strerror(errno));
    } else if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0) {
        long w = 0, h = 0;
        if (!png_header(data, len, &w, &h, &dx, &dy))
            snprintf(why, sizeof why, "it is not a valid PNG file");
        else if (w <= 0 || h <= 0 || w * h > MAX_PIXELS)
            snprintf(why, sizeof why, "it is %ldx%ld pixels, outside the limit of 50 megapixels", w, h);
        else {
            Reader r = {data, len, 0};
            cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
            if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
                snprintf(why, sizeof why, "it cannot be decoded as PNG (%s)",
                         cairo_status_to_string(cairo_surface_status(s)));
                cairo_surface_destroy(s);
            } else {
                img = cocom_xcalloc(1, sizeof *img);
                img->surface = s;
            }
        }
    } else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        int cmyk = 0;
        cairo_surface_t *s = jpeg_decode(data, len, &dx, &dy, &cmyk, why, sizeof why);
        if (s) {
            /* Hand the original bytes to Cairo: the PDF embeds the JPEG as
             * it is.  Cairo owns the copy from here.  Not a CMYK one:
             * Cairo 1.16 labels it DeviceCMYK without the /Decode that
             * Adobe's inverted inks need, so viewers would show it in its
             * negative colours; its pixels go in instead. */
            if (!cmyk) {
                cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, len, free_data, data);
                data = NULL;
            }
            img = cocom_xcalloc(1, sizeof *img);
            img->surface = s;
        } else if (!why[0]) {
            snprintf(why, sizeof why, "it cannot be decoded as JPEG");
        }
    } else {
        snprintf(why, sizeof why, "it is neither a PNG nor a JPEG image");
    }
    free(data);
    if (img) {
        img->width_px = cairo_image_surface_get_width(img->surface);
        img->height_px = cairo_image_surface_get_height(img->surface);
        img->dpi_x = dx > 1 ? dx : 96;
        img->dpi_y = dy > 1 ? dy : 96;
        img->path = cocom_xstrdup(path);
        COCOM_GROW(c->all, c->cap, c->n + 1);
        c->all[c->n++] = img;
    } else {
        cocom_report(ctx, COCOM_SEVERITY_WARNING, file, line, "cannot use the image '%s': %s; nothing is shown",
                     src, why);
    }
    cocom_map_set(&c->by_path, path, (intptr_t)img);
    free(path);
    return img;
}

/* The context's release function for its image cache. */
static void images_release(void *state)
{
    struct CocomImageCache *c = state;
    for (size_t i = 0; i < c->n; i++) {
        cairo_surface_destroy(c->all[i]->surface);
        free(c->all[i]->path);
        free(c->all[i]);
    }
    free(c->all);
    cocom_map_clear(&c->by_path);
    free(c);
}
