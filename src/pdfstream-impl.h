/* pdfstream-impl.h — private to pdfstream.c, pdfstream-out.c,
 * pdfstream-index.c and pdfstream-tags.c; nothing else includes it.
 *
 * The post-pass reads Cairo's file twice: pass 1 (pdfstream-index.c)
 * walks the page tree and reads the Info dictionary, and marks, in a
 * table with one entry per object, what each object is (a page, a page's
 * content, the catalog, Info); pass 2 (pdfstream.c) writes every object in
 * order, copying or rewriting it as its entry says, packs what it can into
 * object streams, and writes the cross-reference stream.  The shared
 * functions carry the prefix pst_ (global symbols of libcocom).
 */
#ifndef COCOM_PDFSTREAM_IMPL_H
#define COCOM_PDFSTREAM_IMPL_H

#include "pdfstream.h"
#include "pdfobj.h"

#include <pthread.h>
#include <stdio.h>
#include <zlib.h>

/* A page tree nested deeper than this is damage. */
#define MAX_DEPTH 256
/* Objects per object stream (as qpdf packs them). */
#define OBJSTM_OBJECTS 100
/* zlib's level: 3 deflates a long report's pages a third faster than the
 * default 6, for a file a tenth larger. */
#define DEFLATE_LEVEL 3

/* A page's content, compressed and not. */
#define MAX_CONTENT_BYTES ((uint64_t)256 << 20)
#define MAX_INFLATED_BYTES ((size_t)1 << 30)

/* What the index knows of an object. */
enum {
    F_PAGE = 1 << 0,        /* aux: the page's index */
    F_CONTENT = 1 << 1,     /* a page's content stream; aux: the page's index */
    F_VISITED = 1 << 2,     /* a node of the page tree, walked */
    F_CATALOG = 1 << 3,
    F_INFO = 1 << 4
};

typedef struct {
    uint64_t out;           /* type 1: where it was written; type 2: its object stream */
    uint32_t aux;           /* see the flags; type 2: its index in the object stream */
    uint16_t flags;
    uint8_t type;           /* in the output's cross-reference: 0 free, 1 written, 2 in an object stream */
    uint8_t pad;
} Entry;

typedef struct OutPiece OutPiece;

/* The output (pdfstream-out.c).  The writer's fields (pos, crc, adler,
 * marks) are the writer thread's while there is one. */
typedef struct {
    FILE *f;
    uint64_t pos;
    uLong crc, adler;
    int failed;             /* read and set atomically: a writer thread sets it */
    int err;                /* why: errno, or -1 for zlib */
    int reported;
    struct { uint32_t num; uint64_t pos; } *marks;   /* where objects start */
    size_t nmarks, capmarks;
    OutPiece *cur;          /* plain bytes not yet handed over */
    CocomBuf z;             /* scratch for deflating, without a thread */
    /* the queue to the writer thread */
    int threaded;
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t work, room;
    OutPiece *head, *tail;
    size_t queued;          /* bytes in the queue */
    int closing;
} Out;

typedef struct {
    CocomContext *ctx;
    const char *in_path, *out_path;
    const char *name;           /* what messages call the file (CocomPdfFix.name) */
    const CocomPdfFix *fix;
    CocomPdfReader r;
    Entry *e;
    uint32_t ne;
    size_t cap_e;
    uint32_t npages;
    int too_deep;           /* the page tree is nested more than MAX_DEPTH */
    uint32_t catalog, info, meta;
    int info_made;          /* the file had no Info dictionary: one is added */
    /* the metadata, worked out by the index */
    char *title, *author, *subject, *keywords, *producer, *creator, *lang;
    char create_pdf[40], modify_pdf[40], create_iso[40], modify_iso[40];
    Out out;
    /* the object stream being filled */
    uint32_t stm_num, stm_count;
    CocomBuf stm_head, stm_data;
    CocomBuf obj;           /* an object being rewritten */
    struct PstTags *tags;   /* cocom's own tags (fix->structure), or NULL */
    size_t next_cite;       /* the next of fix->cites to write */
    int cites_unmatched;    /* the pages' placeholders do not match fix->cites */
} Post;

/* pdfstream.c: the output and the table of objects */
Entry *pst_entry(Post *p, long long num);
uint32_t pst_new_object(Post *p);
/* Writes an object that is not a stream (into an object stream). */
void pst_put_object(Post *p, uint32_t num, int gen, const char *body, size_t len);
uint32_t *pst_refs_of(const CocomPdfVal *v, size_t *n);

/* pdfstream-out.c: the output, in order; on a thread of its own when
 * the input is large.  Bytes given are copied; positions are known only
 * after pst_out_finish(). */
void pst_out_start(Post *p, FILE *f, uint64_t input_size);
void pst_out_write(Post *p, const void *data, size_t n);
void pst_out_puts(Post *p, const char *s);
void pst_out_printf(Post *p, const char *fmt, ...) COCOM_PRINTF(2, 3);
/* Object num starts here: its entry's position, after pst_out_finish(). */
void pst_out_mark(Post *p, uint32_t num);
/* A stream: head, its deflated length, tail, the deflated data (taken
 * from *data, which is left empty), then "endstream" and "endobj". */
void pst_out_stream(Post *p, const char *head, size_t head_len, const char *tail, size_t tail_len, CocomBuf *data);
/* Has a write failed?  (Reported by pst_out_finish.) */
int pst_out_failed(Post *p);
/* Waits for everything given to be written, fills in the marked
 * positions, reports a failure once; 0 on failure.  The output may go
 * on after it, without a thread. */
int pst_out_finish(Post *p);
void pst_out_free(Post *p);
/* in[0, n) deflated at DEFLATE_LEVEL into out (cleared first); 0 when
 * zlib fails. */
int pst_deflate(const void *in, size_t n, CocomBuf *out);

/* pdfstream-index.c: pass 1 */
int pst_index_file(Post *p);

/* pdfstream-tags.c: the structure tree from the painter's log (structlog.h).
 * Each returns 0 with the reason reported (r.failed set) when the log and
 * the pages disagree. */
int pst_tags_start(Post *p);                    /* after the index */
/* Page `page`'s content s[0, len) into out, its markers made BDC/EMC. */
int pst_tags_content(Post *p, const unsigned char *s, size_t len, uint32_t page, CocomBuf *out);
void pst_tags_page(Post *p, CocomPdfVal *page, uint32_t index);   /* /StructParents, /Annots */
void pst_tags_catalog(Post *p, CocomPdfVal *catalog);             /* /StructTreeRoot */
int pst_tags_finish(Post *p);                   /* after the last object: the tree's root */
void pst_tags_free(Post *p);

#endif
