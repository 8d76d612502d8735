/* pdfstream-out.c — the post-pass's output (pdfstream-impl.h): bytes and
 * streams to deflate, written in order, on a thread of its own for a long
 * file.
 *
 * Why a thread: at 2,000 sections the post-pass is the last second of the
 * run, with one core idle, and more than half of that second is zlib
 * deflating the pages' content.  Deflating needs nothing but the bytes,
 * so the reading and rewriting go on in the caller's thread while a
 * writer deflates and writes what came before, in the order it was
 * given.  The file is the same byte for byte either way: the writer does
 * what the caller would have done, in the same order.
 *
 * What the caller hands over is a queue of pieces, each owning its bytes.
 * Positions are learned only as the writer writes, so an object's offset
 * is asked for with pst_out_mark() and known after pst_out_finish().
 * Memory stays bounded: the caller waits when the queue holds more than
 * QUEUE_BYTES.  A write or zlib failure stops the writer; the caller sees
 * it in pst_out_failed() and pst_out_finish() reports it, in the caller's
 * thread, since reports are not made from two threads at once.
 */
#include "config.h"
#include "pdfstream-impl.h"
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file this large gets a writer thread (unless COCOM_THREADS=1); a
 * smaller one is written in the caller's thread, where starting a thread
 * would cost more than it saves (a one-page document is a few kilobytes,
 * deflated in well under a millisecond). */
#define THREAD_FROM_BYTES ((uint64_t)128 << 10)
/* What the caller may run ahead of the writer: a few pages of content
 * keep it busy (a page is some 10 KiB), and more would be memory the run
 * holds for nothing (at 16 MiB, the 2,000-section peak was 38 MiB, not 25). */
#define QUEUE_BYTES ((size_t)1 << 20)
/* A run of plain bytes is handed over when it reaches this. */
#define PIECE_BYTES ((size_t)64 << 10)

struct OutPiece {
    OutPiece *next;
    uint32_t mark;          /* the object that starts here, or 0 */
    int deflate;            /* a stream: head, then its length, then tail, then data deflated */
    int deflated;           /* data is deflated already (by the caller) */
    CocomBuf head;          /* plain bytes; a stream's text before its /Length value */
    CocomBuf tail;          /* a stream: the text after its /Length value */
    CocomBuf data;          /* a stream: its data, to deflate */
};

static void piece_free(OutPiece *pc)
{
    cocom_buf_free(&pc->head);
    cocom_buf_free(&pc->tail);
    cocom_buf_free(&pc->data);
    free(pc);
}

static size_t piece_size(const OutPiece *pc)
{
    return pc->head.len + pc->tail.len + pc->data.len;
}

/* ------------------------------------------------------------------ */
/* The writer's side                                                    */

static int failed(Out *o)
{
    return __atomic_load_n(&o->failed, __ATOMIC_ACQUIRE);
}

static void fail(Out *o, int err)
{
    if (!failed(o)) {
        o->err = err;
        __atomic_store_n(&o->failed, 1, __ATOMIC_RELEASE);
    }
}

static void put(Out *o, const void *data, size_t n)
{
    if (failed(o) || n == 0)
        return;
    errno = 0;
    if (fwrite(data, 1, n, o->f) != n) {
        fail(o, errno ? errno : EIO);
        return;
    }
    o->crc = crc32(o->crc, data, (uInt)n);
    o->adler = adler32(o->adler, data, (uInt)n);
    o->pos += n;
}

int pst_deflate(const void *in, size_t n, CocomBuf *out)
{
    out->len = 0;
    uLong bound = compressBound((uLong)n);
    COCOM_GROW(out->data, out->cap, (size_t)bound + 1);
    uLongf len = bound;
    if (compress2((Bytef *)out->data, &len, in, (uLong)n, DEFLATE_LEVEL) != Z_OK)
        return 0;
    out->len = len;
    return 1;
}

/* Writes one piece.  z is the writer's scratch for deflated data. */
static void write_piece(Out *o, OutPiece *pc, CocomBuf *z)
{
    if (failed(o))
        return;
    if (pc->mark) {
        COCOM_GROW(o->marks, o->capmarks, o->nmarks + 1);
        o->marks[o->nmarks].num = pc->mark;
        o->marks[o->nmarks].pos = o->pos;
        o->nmarks++;
    }
    put(o, pc->head.data, pc->head.len);
    if (!pc->deflate)
        return;
    if (pc->deflated) {
        CocomBuf t = *z;    /* the caller's deflated data, written as the writer's own */
        *z = pc->data;
        pc->data = t;
    } else if (!pst_deflate(pc->data.data ? pc->data.data : "", pc->data.len, z)) {
        fail(o, -1);
        return;
    }
    char len[24];
    int n = snprintf(len, sizeof len, "%zu", z->len);
    put(o, len, (size_t)n);
    put(o, pc->tail.data, pc->tail.len);
    put(o, z->data, z->len);
    put(o, "\nendstream\nendobj\n", 18);
}

static void *writer(void *arg)
{
    Out *o = arg;
    CocomBuf z = {0};
    for (;;) {
        pthread_mutex_lock(&o->mu);
        while (!o->head && !o->closing)
            pthread_cond_wait(&o->work, &o->mu);
        OutPiece *pc = o->head;
        if (!pc) {
            pthread_mutex_unlock(&o->mu);
            break;
        }
        o->head = pc->next;
        if (!o->head)
            o->tail = NULL;
        pthread_mutex_unlock(&o->mu);
        /* Measured before writing: writing swaps a deflated piece's data
         * with the scratch buffer, and the count must fall by what
         * submit() added, or the caller waits for room that never comes. */
        size_t size = piece_size(pc);
        write_piece(o, pc, &z);
        piece_free(pc);
        pthread_mutex_lock(&o->mu);
        o->queued -= size;
        pthread_cond_signal(&o->room);
        pthread_mutex_unlock(&o->mu);
    }
    cocom_buf_free(&z);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The caller's side                                                    */

static void submit(Out *o, OutPiece *pc)
{
    if (!o->threaded) {
        write_piece(o, pc, &o->z);
        piece_free(pc);
        return;
    }
    size_t size = piece_size(pc);
    pthread_mutex_lock(&o->mu);
    /* Waits while others are queued: one piece alone always goes in. */
    while (o->head && o->queued + size > QUEUE_BYTES && !failed(o))
        pthread_cond_wait(&o->room, &o->mu);
    if (o->tail)
        o->tail->next = pc;
    else
        o->head = pc;
    o->tail = pc;
    o->queued += size;
    pthread_cond_signal(&o->work);
    pthread_mutex_unlock(&o->mu);
}

/* Hands over the plain bytes gathered so far. */
static void submit_bytes(Out *o)
{
    if (o->cur) {
        OutPiece *pc = o->cur;
        o->cur = NULL;
        submit(o, pc);
    }
}

static OutPiece *bytes_piece(Out *o)
{
    if (!o->cur)
        o->cur = cocom_xcalloc(1, sizeof *o->cur);
    return o->cur;
}

void pst_out_start(Post *p, FILE *f, uint64_t input_size)
{
    Out *o = &p->out;
    o->f = f;
    o->crc = crc32(0, Z_NULL, 0);
    o->adler = adler32(0, Z_NULL, 0);
    const char *threads = getenv("COCOM_THREADS");
    if (input_size < THREAD_FROM_BYTES || (threads && strcmp(threads, "1") == 0))
        return;
    pthread_mutex_init(&o->mu, NULL);
    pthread_cond_init(&o->work, NULL);
    pthread_cond_init(&o->room, NULL);
    o->threaded = pthread_create(&o->th, NULL, writer, o) == 0;
    if (!o->threaded) {
        pthread_mutex_destroy(&o->mu);
        pthread_cond_destroy(&o->work);
        pthread_cond_destroy(&o->room);
    }
}

void pst_out_write(Post *p, const void *data, size_t n)
{
    Out *o = &p->out;
    if (n == 0 || failed(o))
        return;
    OutPiece *pc = bytes_piece(o);
    cocom_buf_append(&pc->head, data, n);
    if (pc->head.len >= PIECE_BYTES)
        submit_bytes(o);
}

void pst_out_puts(Post *p, const char *s)
{
    pst_out_write(p, s, strlen(s));
}

void pst_out_printf(Post *p, const char *fmt, ...)
{
    Out *o = &p->out;
    if (failed(o))
        return;
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&bytes_piece(o)->head, fmt, ap);
    va_end(ap);
    if (o->cur->head.len >= PIECE_BYTES)
        submit_bytes(o);
}

void pst_out_mark(Post *p, uint32_t num)
{
    Out *o = &p->out;
    submit_bytes(o);
    bytes_piece(o)->mark = num;
}

void pst_out_stream(Post *p, const char *head, size_t head_len, const char *tail, size_t tail_len, CocomBuf *data)
{
    Out *o = &p->out;
    submit_bytes(o);
    if (failed(o)) {
        cocom_buf_free(data);
        return;
    }
    OutPiece *pc = cocom_xcalloc(1, sizeof *pc);
    pc->deflate = 1;
    cocom_buf_append(&pc->head, head, head_len);
    cocom_buf_append(&pc->tail, tail, tail_len);
    pc->data = *data;   /* taken */
    memset(data, 0, sizeof *data);
    /* With the writer behind (half the queue waiting), the caller
     * deflates this one itself rather than wait: both cores deflate. */
    if (o->threaded) {
        pthread_mutex_lock(&o->mu);
        int behind = o->queued >= QUEUE_BYTES / 2;
        pthread_mutex_unlock(&o->mu);
        if (behind) {
            CocomBuf z = {0};
            if (!pst_deflate(pc->data.data ? pc->data.data : "", pc->data.len, &z)) {
                fail(o, -1);
                cocom_buf_free(&z);
                piece_free(pc);
                return;
            }
            cocom_buf_free(&pc->data);
            pc->data = z;
            pc->deflated = 1;
        }
    }
    submit(o, pc);
}

int pst_out_failed(Post *p)
{
    return failed(&p->out);
}

int pst_out_finish(Post *p)
{
    Out *o = &p->out;
    submit_bytes(o);
    if (o->threaded) {
        pthread_mutex_lock(&o->mu);
        o->closing = 1;
        pthread_cond_signal(&o->work);
        pthread_mutex_unlock(&o->mu);
        pthread_join(o->th, NULL);
        pthread_mutex_destroy(&o->mu);
        pthread_cond_destroy(&o->work);
        pthread_cond_destroy(&o->room);
        o->threaded = 0;    /* the writer leaves only when the queue is empty */
    }
    for (size_t i = 0; i < o->nmarks; i++)
        p->e[o->marks[i].num].out = o->marks[i].pos;
    o->nmarks = 0;
    if (failed(o) && !o->reported) {
        o->reported = 1;
        if (o->err < 0)
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "cannot write the PDF: zlib failed");
        else
            cocom_report(p->ctx, COCOM_SEVERITY_ERROR, p->name, 0, "cannot write the PDF: %s; nothing was written",
                         cocom_load_write_errno_text(o->err));
    }
    return !failed(o);
}

void pst_out_free(Post *p)
{
    Out *o = &p->out;
    if (o->threaded)
        pst_out_finish(p);
    if (o->cur)
        piece_free(o->cur);
    o->cur = NULL;
    free(o->marks);
    o->marks = NULL;
    cocom_buf_free(&o->z);
}
