/* util.c — see util.h. */
#include "config.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "cocom: out of memory (asked for %zu bytes)\n", n);
    abort();
}

void *cocom_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *cocom_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *cocom_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *cocom_xstrdup(const char *s)
{
    return cocom_xstrndup(s, strlen(s));
}

char *cocom_xstrndup(const char *s, size_t n)
{
    char *d = cocom_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cocom_xasprintf(const char *fmt, ...)
{
    CocomBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return cocom_buf_steal(&b);
}

void cocom_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *items = cocom_xrealloc(*items, n * size);
    *cap = n;
}

/* --- buffer --- */

static void buf_reserve(CocomBuf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need > b->cap) {
        size_t n = b->cap ? b->cap : 64;
        while (n < need)
            n *= 2;
        b->data = cocom_xrealloc(b->data, n);
        b->cap = n;
    }
}

void cocom_buf_append(CocomBuf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cocom_buf_puts(CocomBuf *b, const char *s)
{
    cocom_buf_append(b, s, strlen(s));
}

void cocom_buf_putc(CocomBuf *b, char c)
{
    cocom_buf_append(b, &c, 1);
}

void cocom_buf_vprintf(CocomBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void cocom_buf_printf(CocomBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cocom_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void cocom_buf_clear(CocomBuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void cocom_buf_free(CocomBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *cocom_buf_steal(CocomBuf *b)
{
    char *s = b->data ? b->data : cocom_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

/* --- map: open addressing, linear probing --- */

uint32_t cocom_hash(const void *data, size_t len)
{
    /* FNV-1a: small, good enough for ids and short keys. */
    const unsigned char *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static size_t map_slot(const CocomMap *m, const char *key)
{
    size_t mask = m->cap - 1;
    size_t i = cocom_hash(key, strlen(key)) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

int cocom_map_get(const CocomMap *m, const char *key, intptr_t *value)
{
    if (!m->cap)
        return 0;
    size_t i = map_slot(m, key);
    if (!m->keys[i])
        return 0;
    if (value)
        *value = m->values[i];
    return 1;
}

static void map_rehash(CocomMap *m, size_t cap)
{
    CocomMap n = {0};
    n.cap = cap;
    n.keys = cocom_xcalloc(cap, sizeof(char *));
    n.values = cocom_xcalloc(cap, sizeof(intptr_t));
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t j = map_slot(&n, m->keys[i]);
            n.keys[j] = m->keys[i];
            n.values[j] = m->values[i];
            n.count++;
        }
    }
    free(m->keys);
    free(m->values);
    *m = n;
}

int cocom_map_set(CocomMap *m, const char *key, intptr_t value)
{
    if ((m->count + 1) * 4 >= m->cap * 3)
        map_rehash(m, m->cap ? m->cap * 2 : 16);
    size_t i = map_slot(m, key);
    if (m->keys[i]) {
        m->values[i] = value;
        return 0;
    }
    m->keys[i] = cocom_xstrdup(key);
    m->values[i] = value;
    m->count++;
    return 1;
}

void cocom_map_clear(CocomMap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

/* --- arena --- */

struct CocomArenaBlock {
    CocomArenaBlock *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

void *cocom_arena_alloc(CocomArena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    CocomArenaBlock *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > 16384 ? n : 16384;
        b = cocom_xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *cocom_arena_strndup(CocomArena *a, const char *s, size_t n)
{
    char *d = cocom_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cocom_arena_strdup(CocomArena *a, const char *s)
{
    return cocom_arena_strndup(a, s, strlen(s));
}

void cocom_arena_reset(CocomArena *a)
{
    CocomArenaBlock *b = a->head;
    while (b) {
        CocomArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* --- files --- */

/* data in a new temporary file beside path (mode 0644), whose name is
 * returned; NULL with errno set when it cannot be written (nothing is
 * left then). */
static char *write_temp(const char *path, const void *data, size_t len)
{
    char *tmp = cocom_xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return NULL;
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fchmod(fd, 0644) != 0 || close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    return tmp;
fail:;
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    errno = e;
    return NULL;
}

static int write_file(const char *path, const void *data, size_t len, int replace)
{
    char *tmp = write_temp(path, data, len);
    if (!tmp)
        return -1;
    int r;
    if (replace)
        r = rename(tmp, path);
    else {
        /* link() refuses a file that is there, where rename() would
         * replace one that appeared since the caller looked. */
        r = link(tmp, path);
        if (r != 0 && (errno == EPERM || errno == ENOTSUP || errno == ENOSYS || errno == EMLINK))
            /* a file system without hard links: look, then rename, with
             * the small race that leaves */
            r = access(path, F_OK) == 0 ? (errno = EEXIST, -1) : rename(tmp, path);
    }
    int e = errno;
    if (r != 0 || !replace)
        unlink(tmp);
    free(tmp);
    errno = e;
    return r;
}

int cocom_write_file_atomic(const char *path, const void *data, size_t len)
{
    return write_file(path, data, len, 1);
}

int cocom_write_file_new(const char *path, const void *data, size_t len)
{
    return write_file(path, data, len, 0);
}

char *cocom_read_file(const char *path, size_t max_bytes, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return NULL;
    }
    CocomBuf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            cocom_buf_free(&b);
            errno = e;
            return NULL;
        }
        if (r == 0)
            break;
        if (b.len + (size_t)r > max_bytes) {
            close(fd);
            cocom_buf_free(&b);
            errno = EFBIG;
            return NULL;
        }
        cocom_buf_append(&b, chunk, (size_t)r);
    }
    close(fd);
    *len = b.len;
    return cocom_buf_steal(&b);
}

void cocom_buf_put_escaped(CocomBuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': cocom_buf_puts(b, "&amp;"); break;
        case '<': cocom_buf_puts(b, "&lt;"); break;
        case '>': cocom_buf_puts(b, "&gt;"); break;
        case '"': cocom_buf_puts(b, "&quot;"); break;
        default: cocom_buf_putc(b, *s);
        }
    }
}

/* --- dates --- */

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

int cocom_is_date(const char *s, int dashes)
{
    size_t n = strlen(s);
    if (n != (dashes ? 10u : 8u))
        return 0;
    char digits[8];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (dashes && (i == 4 || i == 7)) {
            if (s[i] != '-')
                return 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return 0;
        digits[k++] = s[i];
    }
    int y = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
    int m = (digits[4] - '0') * 10 + (digits[5] - '0');
    int d = (digits[6] - '0') * 10 + (digits[7] - '0');
    return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}
