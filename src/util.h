/* util.h — small building blocks shared by every module: checked
 * allocation, a growable byte buffer, a string-keyed hash map and an arena.
 *
 * Allocation failure is not recoverable in any useful way for a command
 * that formats documents, so cocom_xmalloc and friends abort with a message
 * rather than thread NULL through every caller (the same trade glib makes).
 */
#ifndef COCOM_UTIL_H
#define COCOM_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#define COCOM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define COCOM_UNUSED(x) ((void)(x))

#if defined(__GNUC__)
#define COCOM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define COCOM_PRINTF(f, a)
#endif

/* Each returns memory the caller frees with free(). */
void *cocom_xmalloc(size_t n);
void *cocom_xcalloc(size_t n, size_t size);
void *cocom_xrealloc(void *p, size_t n);
char *cocom_xstrdup(const char *s);
char *cocom_xstrndup(const char *s, size_t n);
char *cocom_xasprintf(const char *fmt, ...) COCOM_PRINTF(1, 2);

/* Grows an array *items of *cap elements of size `size` so that it can hold
 * at least `need` elements. */
void cocom_grow(void **items, size_t *cap, size_t need, size_t size);
#define COCOM_GROW(arr, cap, need) cocom_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* A growable byte buffer, always NUL-terminated.  Zero-initialise to use;
 * cocom_buf_free releases it; cocom_buf_steal hands the bytes to the caller. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} CocomBuf;

void cocom_buf_append(CocomBuf *b, const char *s, size_t n);
void cocom_buf_puts(CocomBuf *b, const char *s);
void cocom_buf_putc(CocomBuf *b, char c);
void cocom_buf_printf(CocomBuf *b, const char *fmt, ...) COCOM_PRINTF(2, 3);
/* s with & < > " written as XML entities: text or an attribute value. */
void cocom_buf_put_escaped(CocomBuf *b, const char *s);
void cocom_buf_vprintf(CocomBuf *b, const char *fmt, va_list ap);
void cocom_buf_clear(CocomBuf *b);
void cocom_buf_free(CocomBuf *b);
char *cocom_buf_steal(CocomBuf *b);

/* A map from NUL-terminated strings to pointer-sized values.  Keys are
 * copied.  Zero-initialise to use. */
typedef struct {
    char **keys;
    intptr_t *values;
    size_t cap;   /* a power of two, or 0 */
    size_t count;
} CocomMap;

/* Returns 1 and sets *value when key is present, else 0. */
int cocom_map_get(const CocomMap *m, const char *key, intptr_t *value);
/* Sets key to value; returns 1 if the key was new. */
int cocom_map_set(CocomMap *m, const char *key, intptr_t value);
void cocom_map_clear(CocomMap *m);
uint32_t cocom_hash(const void *data, size_t len);

/* An arena: many small allocations freed at once.  Zero-initialise. */
typedef struct CocomArenaBlock CocomArenaBlock;
typedef struct {
    CocomArenaBlock *head;
} CocomArena;

void *cocom_arena_alloc(CocomArena *a, size_t n);    /* zeroed, 16-byte aligned */
char *cocom_arena_strdup(CocomArena *a, const char *s);
char *cocom_arena_strndup(CocomArena *a, const char *s, size_t n);
void cocom_arena_reset(CocomArena *a);               /* frees every block */

/* Writes a file atomically: data goes to a temporary name in the same
 * folder and is renamed over `path` only when complete.  Returns 0, or -1
 * with errno set. */
int cocom_write_file_atomic(const char *path, const void *data, size_t len);
/* The same, but never replacing a file: -1 with errno EEXIST when path
 * exists, even when it appeared during the write. */
int cocom_write_file_new(const char *path, const void *data, size_t len);

/* Reads a whole file into memory the caller frees, refusing more than
 * max_bytes (errno EFBIG) and folders (errno EISDIR).  Returns NULL with
 * errno set on failure; *len receives the size. */
char *cocom_read_file(const char *path, size_t max_bytes, size_t *len);

/* Is s a day the calendar has, in a year from 1900: YYYY-MM-DD, or
 * YYYYMMDD when dashes is 0? */
int cocom_is_date(const char *s, int dashes);

#endif
