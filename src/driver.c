/* driver.c — cocom_render_file: load, (transform,) lay out, paint.
 *
 * The output is written to a temporary name beside the destination and
 * renamed when complete, so a failed or interrupted run leaves nothing.
 * Documents that cite page numbers are laid out twice: a first pass
 * records where every id falls, the second uses it (and, should the
 * numbers still move, a third).
 */
#include "config.h"
#include "context.h"
#include "load.h"
#include "transform.h"
#include "layout.h"
#include "render.h"
#include "fo-props.h"
#include "driver.h"
#include "fo-input.h"
#include "text.h"
#include "cites.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define MAX_PASSES 3
#define QUEUE_PAGES 4

/* Painting runs in a thread of its own, a few pages behind layout: on a
 * two-core machine the two halves of the work overlap.  The painter
 * touches only Cairo objects and the pages handed to it (see font.h). */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    CocomPage *pages[QUEUE_PAGES];
    int head, count;
    int closed;                 /* layout has finished (or failed) */
    CocomRenderer *r;
    CocomStatus status;         /* the painter's */
    CocomCites *cites;          /* placeholders being painted (cites.h), or NULL */
    int painted;
    int gave_up;                /* they cannot hold: painting stopped */
} Pipe;

/* Pages painted before placeholders are judged hopeless (cites.h): enough
 * for page numbers to have drawn every digit. */
#define EARLY_PAGES 16

/* After each page the painter paints: are the placeholders hopeless? */
static int cites_hopeless(CocomCites *cites, int *painted)
{
    return cites && ++*painted == EARLY_PAGES && cocom_cites_hopeless(cites);
}

static void *painter(void *arg)
{
    Pipe *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->count && !p->closed)
            pthread_cond_wait(&p->not_empty, &p->mu);
        if (!p->count) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        CocomPage *page = p->pages[p->head];
        p->head = (p->head + 1) % QUEUE_PAGES;
        p->count--;
        pthread_cond_signal(&p->not_full);
        CocomStatus st = p->status;
        pthread_mutex_unlock(&p->mu);
        int give_up = 0;
        if (st == COCOM_STATUS_OK) {
            st = cocom_renderer_page(p->r, page);
            give_up = st == COCOM_STATUS_OK && cites_hopeless(p->cites, &p->painted);
            if (give_up)
                st = COCOM_STATUS_INTERRUPTED;   /* stops layout; render_pass knows why */
        }
        cocom_page_free(page);
        if (st != COCOM_STATUS_OK) {
            pthread_mutex_lock(&p->mu);
            p->gave_up |= give_up;
            p->status = st;
            pthread_cond_signal(&p->not_full);
            pthread_mutex_unlock(&p->mu);
        }
    }
}

/* Hands a page to the painter; returns its status so far. */
static CocomStatus pipe_put(Pipe *p, CocomPage *page)
{
    pthread_mutex_lock(&p->mu);
    while (p->count == QUEUE_PAGES && p->status == COCOM_STATUS_OK)
        pthread_cond_wait(&p->not_full, &p->mu);
    CocomStatus st = p->status;
    if (st == COCOM_STATUS_OK) {
        p->pages[(p->head + p->count) % QUEUE_PAGES] = page;
        p->count++;
        pthread_cond_signal(&p->not_empty);
    }
    pthread_mutex_unlock(&p->mu);
    if (st != COCOM_STATUS_OK)
        cocom_page_free(page);
    return st;
}

static CocomStatus pipe_close(Pipe *p, pthread_t th)
{
    pthread_mutex_lock(&p->mu);
    p->closed = 1;
    pthread_cond_signal(&p->not_empty);
    pthread_mutex_unlock(&p->mu);
    pthread_join(th, NULL);
    return p->status;
}

/* Where the formatting objects come from; each pass reads them afresh. */
typedef struct {
    xmlDocPtr doc;              /* a document in memory (a transform's result) */
    const char *path;           /* or an FO file, streamed */
    const char *data;           /* or bytes (standard input) */
    size_t len;
    const char *name;
} Source;

static FoInput *source_open(CocomContext *ctx, const Source *src, CocomStatus *st)
{
    *st = COCOM_STATUS_OK;
    if (src->doc)
        return fo_input_from_doc(ctx, src->doc, src->name);
    if (src->data)
        return fo_input_from_memory(ctx, src->data, src->len, src->name, st);
    return fo_input_from_file(ctx, src->path, st);
}

/* Lays the document out without painting, to learn where ids fall (into
 * *out, unless NULL), silently: what it finds is said by the pass that
 * counts.  stop_bytes > 0: stops after the page at which that much of the
 * input has been read (a sample, foresee_digits).  *pages and *read say
 * how far it got. */
static CocomStatus dry_pass(CocomContext *ctx, const Source *src, const CocomRefs *in, CocomRefs *out,
                            long *flow_citations, long stop_bytes, long *pages, long *read)
{
    *pages = *read = 0;
    CocomHush hush;
    cocom_hush(ctx, &hush);   /* from the start: making a layout checks the masters */
    CocomStatus st;
    FoInput *input = source_open(ctx, src, &st);
    CocomLayout *l = input ? cocom_layout_new(ctx, input, in) : NULL;
    if (input && !l)
        st = COCOM_STATUS_INVALID;
    if (l) {
        cocom_layout_set_dry_run(l, 1);
        CocomPage *page;
        while ((page = cocom_layout_next(l, &st))) {
            cocom_page_free(page);
            ++*pages;
            *read = fo_input_bytes_read(input);
            if (stop_bytes > 0 && *read >= stop_bytes)
                break;
        }
        if (out)
            cocom_layout_take_refs(l, out);
        if (flow_citations)
            *flow_citations = cocom_layout_flow_citations(l);
        cocom_layout_free(l);
    }
    if (input)
        fo_input_close(input);
    cocom_unhush(ctx, &hush);
    /* Keys of once-only warnings were set while silent: forget them so
     * the real pass says them. */
    cocom_map_clear(&ctx->once);
    return st;
}

/* Cairo's PDF at `tmp` goes through the post-pass (pdfpost.h) into a second
 * temporary file, which is renamed to `output` when whole. */
static CocomStatus finish_pdf(CocomContext *ctx, const CocomRenderer *r, const CocomDocInfo *info, const char *tmp,
                              const char *output, const char *const *cites, size_t ncites, int *cites_unmatched)
{
    CocomPdfFix fix;
    memset(&fix, 0, sizeof fix);
    fix.lang = info->language;
    fix.title = info->title;
    fix.author = info->author;
    fix.subject = info->subject;
    fix.keywords = info->keywords;
    fix.name = output;   /* not the temporary files on the way to it */
    fix.write_cites = cites_unmatched != NULL;
    fix.cites = cites;
    fix.ncites = ncites;
    fix.cites_unmatched = cites_unmatched;
    cocom_renderer_fix(r, &fix);
    char *fixed = cocom_xasprintf("%s-post", tmp);
    CocomStatus st = cocom_pdfpost(ctx, tmp, fixed, &fix);
    if (st == COCOM_STATUS_OK && rename(fixed, output) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, output, 0, "cannot write the PDF: %s", cocom_load_errno_text(errno));
        st = COCOM_STATUS_IO;
    }
    if (st != COCOM_STATUS_OK)
        unlink(fixed);
    unlink(tmp);
    free(fixed);
    return st;
}

/* How many digits the page count will have, foreseen from the first part
 * of a long input (cites.h): a silent layout of its first 1/32 (at least
 * SAMPLE_BYTES), and the pages that took, scaled to the whole.  0 when the
 * input is short (two passes cost little), or when the count could be
 * either side of a power of ten. */
#define FORESEE_MIN_BYTES (512 * 1024)
#define SAMPLE_BYTES (256 * 1024)
#define FORESEE_MARGIN 1.5

static int ndigits(double n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

static int foresee_digits(CocomContext *ctx, const Source *src, int *forced)
{
    /* COCOM_SPECULATE=0 never paints before the numbers are known; =N
     * takes N digits, whatever the input (for tests, and measuring). */
    const char *env = getenv("COCOM_SPECULATE");
    *forced = env && *env;
    if (*forced) {
        long n = strtol(env, NULL, 10);
        return n > 0 && n <= CITE_MAX_DIGITS ? (int)n : 0;
    }
    long total = 0;
    struct stat sb;
    if (src->data)
        total = (long)src->len;
    else if (src->path && stat(src->path, &sb) == 0 && S_ISREG(sb.st_mode))
        total = (long)sb.st_size;
    if (total < FORESEE_MIN_BYTES)
        return 0;
    long want = total / 32 > SAMPLE_BYTES ? total / 32 : SAMPLE_BYTES;
    long pages, read;
    if (dry_pass(ctx, src, NULL, NULL, NULL, want, &pages, &read) != COCOM_STATUS_OK || pages == 0)
        return 0;
    if (read < want)
        return ndigits((double)pages);   /* the whole document */
    double estimate = (double)pages * (double)total / (double)read;
    int d = ndigits(estimate / FORESEE_MARGIN);
    return d == ndigits(estimate * FORESEE_MARGIN) ? d : 0;
}

/* Lays the document out and paints it, once.  refs: where ids fall, from
 * the first passes (NULL: none were needed).  digits > 0: static content's
 * citations are painted as that many zeros and written over at the end
 * (cites.h); when that cannot be done, nothing is written or said and
 * *again is set, for the caller to lay the document out the usual way. */
static CocomStatus render_pass(CocomContext *ctx, const Source *src, CocomFormat format, const char *output,
                               const CocomRefs *refs, int digits, int *again, int *pages_out)
{
    const char *name = src->name;
    CocomStatus ost;
    FoInput *input = source_open(ctx, src, &ost);
    if (!input)
        return ost;
    CocomLayout *l = cocom_layout_new(ctx, input, refs);
    if (!l) {
        fo_input_close(input);
        return COCOM_STATUS_INVALID;
    }
    /* An error reported while formatting (a master that does not exist, a
     * head that overflows a region that forbids it) means the document
     * is not what its FO asks for: nothing is written, as for a build. */
    unsigned errors_before = ctx->errors;
    CocomHold hold;
    CocomCites *cites = NULL;
    if (digits) {
        cocom_hold(ctx, &hold);
        cocom_layout_set_placeholders(l, digits);
        cites = cocom_cites_new();
    }
    char *tmp = NULL;
    CocomRenderer *r;
    /* COCOM_PDFPOST=0 skips the post-pass, leaving Cairo's PDF as it is
     * (untagged, not accessible): for measuring the two apart, and for
     * debugging. */
    const char *post = getenv("COCOM_PDFPOST");
    int no_post = post && strcmp(post, "0") == 0;
    if (format == COCOM_FORMAT_PDF) {
        tmp = cocom_xasprintf("%s.tmp-%ld", output, (long)getpid());
        /* Without the post-pass, nothing would turn the painter's tags
         * into marked content: Cairo's file is then drawn untagged. */
        r = cocom_renderer_pdf(ctx, tmp, output, cocom_layout_info(l), !no_post);
    } else {
        r = cocom_renderer_pages(ctx, output, format);
    }
    if (r && cites)
        cocom_renderer_set_cites(r, cites);
    CocomStatus st = r ? COCOM_STATUS_OK : COCOM_STATUS_IO;
    int pages = 0;
    CocomPage *page;
    Pipe pipe;
    memset(&pipe, 0, sizeof pipe);
    pthread_mutex_init(&pipe.mu, NULL);
    pthread_cond_init(&pipe.not_empty, NULL);
    pthread_cond_init(&pipe.not_full, NULL);
    pipe.r = r;
    pipe.cites = cites;
    pthread_t th;
    /* COCOM_THREADS=1 paints in the layout's thread (for debugging and
     * for measuring the two halves apart). */
    const char *threads = getenv("COCOM_THREADS");
    int threaded = r && !(threads && strcmp(threads, "1") == 0) && pthread_create(&th, NULL, painter, &pipe) == 0;
    int unmatched = 0;
    while (st == COCOM_STATUS_OK && (page = cocom_layout_next(l, &st))) {
        st = threaded ? pipe_put(&pipe, page) : cocom_renderer_page(r, page);
        if (!threaded) {
            cocom_page_free(page);
            pipe.gave_up = st == COCOM_STATUS_OK && cites_hopeless(cites, &pipe.painted);
        }
        pages++;
        /* Placeholders that cannot hold: given up now, not at the end. */
        if (digits && ((!threaded && pipe.gave_up) || cocom_layout_cites_hopeless(l)))
            unmatched = 1;
        if (unmatched)
            break;
    }
    if (threaded) {
        CocomStatus pst = pipe_close(&pipe, th);
        if (st == COCOM_STATUS_OK)
            st = pst;
    }
    if (pipe.gave_up) {
        unmatched = 1;
        st = COCOM_STATUS_OK;
    }
    pthread_mutex_destroy(&pipe.mu);
    pthread_cond_destroy(&pipe.not_empty);
    pthread_cond_destroy(&pipe.not_full);
    if (st == COCOM_STATUS_OK && pages == 0 && !unmatched) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "the document has no pages");
        st = COCOM_STATUS_INVALID;
    }
    if (st == COCOM_STATUS_OK && ctx->errors > errors_before)
        st = COCOM_STATUS_INVALID;
    /* An error: the usual way says it, with what only a pass that knows
     * the numbers says (a citation of an id nothing has). */
    if (digits && st != COCOM_STATUS_OK && st != COCOM_STATUS_INTERRUPTED)
        unmatched = 1;
    /* The placeholders' numbers, now that every page is placed; a flow
     * that cited a page after all (the scan could not tell) moved breaks
     * this pass did not know about. */
    const char *const *texts = NULL;
    size_t ntexts = 0;
    if (st == COCOM_STATUS_OK && digits && !unmatched) {
        CocomRefs found = {{0}, {0}};
        cocom_layout_take_refs(l, &found);
        size_t ncites;
        const struct RefCite *rc = cocom_layout_cites(l, &ncites);
        unmatched = cocom_layout_flow_citations(l) != 0
                    || !cocom_cites_resolve(cites, ctx, rc, ncites, &found, digits, &texts, &ntexts);
        cocom_refs_clear(&found);
    }
    if (st == COCOM_STATUS_OK && !unmatched) {
        cocom_renderer_outline(r, cocom_layout_bookmarks(l), name);
        st = cocom_renderer_finish(r);
    }
    if (st == COCOM_STATUS_OK && !unmatched && tmp && no_post && rename(tmp, output) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, output, 0, "cannot write the PDF: %s", cocom_load_errno_text(errno));
        st = COCOM_STATUS_IO;
    } else if (st == COCOM_STATUS_OK && !unmatched && tmp && !no_post) {
        st = finish_pdf(ctx, r, cocom_layout_info(l), tmp, output, texts, ntexts, digits ? &unmatched : NULL);
    }
    cocom_renderer_destroy(r);
    if (tmp) {
        if (st != COCOM_STATUS_OK || unmatched)
            unlink(tmp);
        free(tmp);
    }
    cocom_layout_free(l);
    fo_input_close(input);
    cocom_cites_free(cites);
    if (digits) {
        /* Unmatched, what this pass said is said again by the next. */
        cocom_release(ctx, &hold, !unmatched);
        *again = unmatched;
        if (unmatched)
            st = COCOM_STATUS_OK;
    }
    if (pages_out)
        *pages_out = st == COCOM_STATUS_OK && !unmatched ? pages : 0;
    return st;
}

static CocomStatus format_source(CocomContext *ctx, const Source *src, CocomFormat format, const char *output,
                                 int *pages_out)
{
    fo_props_init();
    /* Said before the work, not after it: rename() would refuse a folder. */
    struct stat sb;
    if (format == COCOM_FORMAT_PDF && stat(output, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, output, 0, "cannot write the PDF: this is a folder; name a file in it");
        return COCOM_STATUS_IO;
    }
    CocomStatus ost;
    FoInput *probe = source_open(ctx, src, &ost);
    if (!probe)
        return ost;
    int cites = fo_input_has_citations(probe);
    fo_input_close(probe);
    /* Citations only in static content ("Page 3 of 212"), in a tagged PDF:
     * a long document is painted at once, the numbers written in at the
     * end (cites.h), if the page count's length can be foreseen. */
    const char *post = getenv("COCOM_PDFPOST");
    if (cites == FO_CITES && format == COCOM_FORMAT_PDF && !(post && strcmp(post, "0") == 0)) {
        int forced;
        int digits = foresee_digits(ctx, src, &forced);
        if (digits) {
            int again = 0;
            CocomStatus st = render_pass(ctx, src, format, output, NULL, digits, &again, pages_out);
            /* Asked for by the environment (tests, measuring): say which way it went. */
            if (forced)
                cocom_report(ctx, COCOM_SEVERITY_NOTE, NULL, 0, "COCOM_SPECULATE=%d: %s", digits,
                             again ? "the guess did not hold; laid out again" : "the guess held; laid out once");
            if (!again)
                return st;
        }
    }
    CocomRefs refs = {{0}, {0}};
    int have_refs = 0;
    if (cites) {
        long flow_citations = 0, pages, read;
        CocomStatus st = dry_pass(ctx, src, NULL, &refs, &flow_citations, 0, &pages, &read);
        /* Only citations in the flow can move breaks; when there are some,
         * check that the numbers found are stable (a longer number can
         * push a line over). */
        for (int pass = 1; st == COCOM_STATUS_OK && flow_citations && pass < MAX_PASSES - 1; pass++) {
            CocomRefs again = {{0}, {0}};
            st = dry_pass(ctx, src, &refs, &again, &flow_citations, 0, &pages, &read);
            int same = cocom_refs_equal(&refs, &again);
            cocom_refs_clear(&refs);
            refs = again;
            if (same)
                break;
        }
        if (st == COCOM_STATUS_INTERRUPTED) {
            cocom_refs_clear(&refs);
            return st;
        }
        have_refs = 1;
    }
    CocomStatus st = render_pass(ctx, src, format, output, have_refs ? &refs : NULL, 0, NULL, pages_out);
    cocom_refs_clear(&refs);
    return st;
}

CocomStatus cocom_format_doc(CocomContext *ctx, xmlDocPtr fo, const char *name, CocomFormat format,
                             const char *output, int *pages_out)
{
    Source src = {fo, NULL, NULL, 0, name};
    return format_source(ctx, &src, format, output, pages_out);
}

/* A transform's result carries the stylesheet's line numbers (libxslt
 * copies them from the literal result elements, in whichever imported
 * module they sit), which would make every FO warning point at a wrong
 * place.  So the result is written out as text, as --fo saves it, and
 * read back: its lines are then those of that text. */
CocomStatus cocom_format_result(CocomContext *ctx, xmlDocPtr fo, const char *name, const char *fo_path,
                                CocomFormat format, const char *output, int *pages_out)
{
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(fo, &mem, &len, "UTF-8", 1);
    xmlFreeDoc(fo);
    if (!mem) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "out of memory writing out the XSL-FO");
        return COCOM_STATUS_IO;
    }
    CocomStatus st = COCOM_STATUS_OK;
    if (fo_path && cocom_write_file_atomic(fo_path, mem, (size_t)len) != 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, fo_path, 0, "cannot write the XSL-FO: %s", cocom_load_errno_text(errno));
        st = COCOM_STATUS_IO;
    }
    if (st == COCOM_STATUS_OK) {
        Source src = {NULL, NULL, (const char *)mem, (size_t)len, fo_path ? fo_path : name};
        st = format_source(ctx, &src, format, output, pages_out);
    }
    xmlFree(mem);
    return st;
}

CocomStatus cocom_render_file(CocomContext *ctx, const char *input, const char *stylesheet,
                              const char *const *params, CocomFormat format,
                              const char *output, int *pages)
{
    return cocom_render_file_fo(ctx, input, stylesheet, params, NULL, format, output, pages);
}

CocomStatus cocom_render_file_fo(CocomContext *ctx, const char *input, const char *stylesheet,
                                 const char *const *params, const char *fo_output, CocomFormat format,
                                 const char *output, int *pages)
{
    /* Pango reads fontconfig's configuration on a thread of its own once
     * the font map exists: made now, that overlaps reading the input. */
    cocom_text_get(ctx);
    if (pages)
        *pages = 0;
    if (!input || !output)
        return COCOM_STATUS_USAGE;
    const char *name = strcmp(input, "-") == 0 ? "<stdin>" : input;
    CocomStatus st;
    if (!stylesheet) {
        /* An FO file is streamed, so memory does not grow with it;
         * standard input is read whole first (each pass reads it again). */
        Source src = {NULL, input, NULL, 0, name};
        char *data = NULL;
        if (strcmp(input, "-") == 0) {
            size_t len = 0;
            data = cocom_read_file("/dev/stdin", (size_t)ctx->options[COCOM_OPTION_MAX_INPUT_BYTES], &len);
            if (!data) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, name, 0, "%s", errno == EFBIG
                             ? "the input is larger than the limit (see --max-input-size)" : "cannot read standard input");
                return errno == EFBIG ? COCOM_STATUS_LIMIT : COCOM_STATUS_IO;
            }
            src.data = data;
            src.len = len;
        }
        st = format_source(ctx, &src, format, output, pages);
        free(data);
    } else {
        /* The stylesheet is the user's own choice, and trusted; the
         * document it transforms is not, but may use the DTDs of the
         * system's catalog (DocBook 4's named entities): load.h. */
        xmlDocPtr doc = cocom_load_file_mode(ctx, input, "an XML document", NULL, COCOM_LOAD_CATALOG, &st);
        if (!doc)
            return st;
        xmlDocPtr fo = cocom_transform_user(ctx, doc, name, stylesheet, params, &st);
        xmlFreeDoc(doc);
        if (fo) {
            char *fo_name = cocom_xasprintf("%s (through %s)", name, stylesheet);
            unsigned before = ctx->errors + ctx->warnings;
            st = cocom_format_result(ctx, fo, fo_name, fo_output, format, output, pages);
            if (!fo_output && ctx->errors + ctx->warnings > before)
                cocom_report(ctx, COCOM_SEVERITY_NOTE, NULL, 0, "the line numbers of '%s' count in the XSL-FO "
                             "the stylesheet made; --fo FILE writes it", fo_name);
            free(fo_name);
        }
    }
    if (st == COCOM_STATUS_OK && ctx->interrupted)
        st = COCOM_STATUS_INTERRUPTED;
    return st;
}
