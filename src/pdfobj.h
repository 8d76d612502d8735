/* pdfobj.h — reading the objects of a PDF file as Cairo 1.16 writes it.
 *
 * The streaming post-pass (pdfstream.h) reads only what cocom's own Cairo
 * surface has just written: a classic cross-reference table at the end, no
 * encryption, no incremental updates, every stream's /Length given
 * (directly or as a reference to a number) — and what the post-pass itself
 * writes (a cross-reference stream and object streams, so that it can run
 * over its own output).  This module reads that subset and refuses
 * anything else with a message, so a file from elsewhere cannot make it
 * guess.  It is still a parser of bytes it
 * did not write itself, and so bounded: nesting (COCOM_PDFOBJ_MAX_DEPTH),
 * values per object (COCOM_PDFOBJ_MAX_VALUES), bytes of an object outside
 * its stream (COCOM_PDFOBJ_MAX_BYTES) and objects per file
 * (COCOM_PDFOBJ_MAX_OBJECTS) each have a limit, and every read is checked
 * against the file's size.
 *
 * Values point into the bytes they were parsed from (raw, rawlen: the
 * token as written, so an unchanged value is written back byte for byte);
 * containers' items live in the reader's arena, valid until the next read.
 */
#ifndef COCOM_PDFOBJ_H
#define COCOM_PDFOBJ_H

#include <stdint.h>
#include <stdio.h>
#include "context.h"
#include "util.h"

#define COCOM_PDFOBJ_MAX_DEPTH 64
#define COCOM_PDFOBJ_MAX_VALUES (4u << 20)
#define COCOM_PDFOBJ_MAX_BYTES (64u << 20)
#define COCOM_PDFOBJ_MAX_OBJECTS (8u << 20)
#define COCOM_PDFOBJ_WINDOW (256u << 10)

typedef enum {
    COCOM_PDFV_NULL,
    COCOM_PDFV_BOOL,
    COCOM_PDFV_INT,
    COCOM_PDFV_REAL,
    COCOM_PDFV_NAME,     /* raw includes the slash */
    COCOM_PDFV_STRING,   /* raw is the token: (…) or <…> */
    COCOM_PDFV_ARRAY,
    COCOM_PDFV_DICT,     /* items: key, value, key, value … (n counts both) */
    COCOM_PDFV_REF       /* num, gen */
} CocomPdfValKind;

typedef struct CocomPdfVal {
    CocomPdfValKind kind;
    long long num;                 /* INT, BOOL (0/1), REF's object number */
    int gen;                       /* REF's generation */
    const char *raw;               /* the token as written (not for containers or refs) */
    size_t rawlen;
    struct CocomPdfVal *items;     /* ARRAY, DICT */
    size_t n;
} CocomPdfVal;

/* One object read from the file. */
typedef struct {
    int num, gen;
    CocomPdfVal value;
    int is_stream;
    uint64_t start;                /* where "N G obj" begins */
    uint64_t data, length;         /* a stream's data: where, how many bytes */
    uint64_t end;                  /* just past "endobj" */
    const char *body;              /* the bytes between "obj" and "endobj" (not for streams) */
    size_t bodylen;
} CocomPdfObj;

/* An entry of the cross-reference table (or stream). */
typedef struct {
    uint64_t offset;               /* type 1: where; type 2: its index in the object stream */
    uint32_t stm;                  /* type 2: the object stream holding it */
    uint16_t gen;
    uint8_t type;                  /* 0 not in use, 1 in the file, 2 in an object stream */
} CocomPdfXref;

typedef struct {
    CocomContext *ctx;
    const char *path;              /* for messages */
    FILE *f;
    uint64_t size;
    CocomPdfXref *xref;            /* Size entries */
    uint32_t nxref;
    CocomPdfVal trailer;           /* the trailer (or the cross-reference stream's dictionary) */
    char *trailer_text;            /* what it was parsed from */
    CocomArena trailer_arena;
    CocomArena arena;
    unsigned char *buf;            /* the bytes of the object last read (in win) */
    unsigned char *win;            /* a window of the file: [win_off, win_off + win_len) */
    uint64_t win_off;
    size_t win_len, wincap;
    uint32_t stm_num;              /* the object stream last unpacked (0: none) */
    CocomBuf stm;                  /* its data */
    uint64_t *stm_off;             /* where each of its objects starts, from /First */
    size_t stm_n;
    size_t stm_first;
    CocomPdfVal *scratch;          /* items being parsed */
    size_t nscratch, scratchcap;
    int failed;                    /* an error was reported */
} CocomPdfReader;

/* Opens path and reads its cross-reference table and trailer.  Returns OK,
 * IO (cannot read) or INVALID (not Cairo's kind of PDF), the reason
 * reported; close the reader in every case. */
CocomStatus cocom_pdfobj_open(CocomPdfReader *r, CocomContext *ctx, const char *path);
void cocom_pdfobj_close(CocomPdfReader *r);

/* Reads n bytes at off into dst (not disturbing what was read before);
 * returns how many there were. */
size_t cocom_pdfobj_pread(CocomPdfReader *r, uint64_t off, void *dst, size_t n);

/* Is object num in the file? */
int cocom_pdfobj_exists(const CocomPdfReader *r, uint32_t num);
/* Where it is, for reading the file front to back (an object in an
 * object stream: where that stream is). */
uint64_t cocom_pdfobj_position(const CocomPdfReader *r, uint32_t num);

/* Inflates zlib data in[0, n) into out (cleared first), at most max bytes;
 * 0 when it is not zlib data or would be longer. */
int cocom_pdfobj_inflate(const void *in, size_t n, CocomBuf *out, size_t max);

/* Reads object num into *o (its values valid until the next read); for
 * a stream, finds its data (a /Length by reference is read too).  Returns
 * 1, or 0 with the reason reported (r->failed set). */
int cocom_pdfobj_read(CocomPdfReader *r, uint32_t num, CocomPdfObj *o);

/* Parses one value from s[*pos, len); 1 when done, 0 on a syntax error or
 * a limit, -1 when the bytes ran out first.  Items go into r's arena. */
int cocom_pdfobj_parse(CocomPdfReader *r, const unsigned char *s, size_t len, size_t *pos, CocomPdfVal *out,
                       int depth);

/* d[key] (key without its slash), or NULL; d may be anything. */
const CocomPdfVal *cocom_pdfobj_get(const CocomPdfVal *d, const char *key);
/* Is v the name /name? */
int cocom_pdfobj_is_name(const CocomPdfVal *v, const char *name);
/* v as a text string in UTF-8 (UTF-16BE with its BOM, or PDFDocEncoding
 * read as Latin-1), NULL when v is not a string; the caller frees it. */
char *cocom_pdfobj_text(const CocomPdfVal *v);

/* Appends v in decimal, as printf's %lld would (without its cost: the
 * post-pass writes a number or two for every object). */
void cocom_pdfobj_put_int(CocomBuf *b, long long v);
/* Appends v in PDF syntax (unchanged tokens as they were written). */
void cocom_pdfobj_write(CocomBuf *b, const CocomPdfVal *v);
/* Appends a PDF text string holding the UTF-8 text s: a literal string
 * when it is printable ASCII, else UTF-16BE with a BOM, in hex. */
void cocom_pdfobj_write_text(CocomBuf *b, const char *s);

/* Values made in the reader's arena (valid until the next read). */
CocomPdfVal cocom_pdfobj_raw(CocomPdfReader *r, CocomPdfValKind kind, const char *text);
/* Sets d[key] = v, adding the key when it is missing (d a DICT). */
void cocom_pdfobj_set(CocomPdfReader *r, CocomPdfVal *d, const char *key, CocomPdfVal v);
/* Takes key out of d. */
void cocom_pdfobj_remove(CocomPdfVal *d, const char *key);

#endif
