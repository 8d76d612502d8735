/* structlog.c — see structlog.h.
 *
 * A record is one byte of kind; an OPEN then carries its type (a length
 * byte and the bytes), its link (4 bytes, little-endian) and its
 * alternative text (4 bytes of length and the bytes).  The file is written
 * and read by the same process, so the format need not outlive it.
 */
#include "config.h"
#include "structlog.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An alternative text longer than this is damage, not a description. */
#define MAX_ALT (1u << 20)

struct CocomStructLog {
    FILE *f;
    int err;
    int reading;
    size_t opened;
    CocomStructLink *links;
    size_t nlinks, caplinks;
    char *alt;              /* the last OPEN's alternative text, as read */
};

CocomStructLog *cocom_structlog_new(void)
{
    FILE *f = tmpfile();
    if (!f)
        return NULL;
    CocomStructLog *log = cocom_xcalloc(1, sizeof *log);
    log->f = f;
    return log;
}

void cocom_structlog_free(CocomStructLog *log)
{
    if (!log)
        return;
    if (log->f)
        fclose(log->f);
    for (size_t i = 0; i < log->nlinks; i++) {
        free(log->links[i].target);
        free(log->links[i].contents);
    }
    free(log->links);
    free(log->alt);
    free(log);
}

static void put(CocomStructLog *log, const void *data, size_t n)
{
    if (log->err || n == 0)
        return;
    if (fwrite(data, 1, n, log->f) != n)
        log->err = errno ? errno : EIO;
}

static void put_u32(CocomStructLog *log, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    put(log, b, 4);
}

void cocom_structlog_open(CocomStructLog *log, const char *type, const char *alt, uint32_t link)
{
    size_t tn = strlen(type);
    if (tn >= sizeof ((CocomStructEvent *)0)->type)
        tn = sizeof ((CocomStructEvent *)0)->type - 1;
    size_t an = alt ? strlen(alt) : 0;
    if (an > MAX_ALT)
        an = MAX_ALT;
    unsigned char head[2] = {COCOM_SL_OPEN, (unsigned char)tn};
    put(log, head, 2);
    put(log, type, tn);
    put_u32(log, link);
    put_u32(log, alt ? (uint32_t)an + 1 : 0);   /* 0: none; else length + 1 */
    put(log, alt, an);
    log->opened++;
}

void cocom_structlog_event(CocomStructLog *log, CocomStructEventKind kind)
{
    unsigned char k = (unsigned char)kind;
    put(log, &k, 1);
}

uint32_t cocom_structlog_add_link(CocomStructLog *log, const CocomStructLink *link)
{
    COCOM_GROW(log->links, log->caplinks, log->nlinks + 1);
    CocomStructLink *l = &log->links[log->nlinks];
    *l = *link;
    l->target = cocom_xstrdup(link->target ? link->target : "");
    l->contents = link->contents ? cocom_xstrdup(link->contents) : NULL;
    return (uint32_t)log->nlinks++;
}

int cocom_structlog_has_elements(const CocomStructLog *log)
{
    return log && log->opened > 0;
}

int cocom_structlog_error(const CocomStructLog *log)
{
    return log ? log->err : 0;
}

int cocom_structlog_rewind(CocomStructLog *log)
{
    if (log->err)
        return 0;
    if (fflush(log->f) != 0 || fseek(log->f, 0, SEEK_SET) != 0) {
        log->err = errno ? errno : EIO;
        return 0;
    }
    log->reading = 1;
    return 1;
}

static int get(CocomStructLog *log, void *data, size_t n)
{
    if (n && fread(data, 1, n, log->f) != n) {
        log->err = ferror(log->f) ? (errno ? errno : EIO) : EINVAL;
        return 0;
    }
    return 1;
}

static int get_u32(CocomStructLog *log, uint32_t *v)
{
    unsigned char b[4];
    if (!get(log, b, 4))
        return 0;
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 1;
}

int cocom_structlog_next(CocomStructLog *log, CocomStructEvent *ev)
{
    if (log->err || !log->reading)
        return -1;
    int c = getc(log->f);
    if (c == EOF)
        return ferror(log->f) ? (log->err = EIO, -1) : 0;
    memset(ev, 0, sizeof *ev);
    ev->kind = (CocomStructEventKind)c;
    ev->link = COCOM_SL_NO_LINK;
    switch (c) {
    case COCOM_SL_OPEN: {
        unsigned char tn;
        uint32_t an;
        if (!get(log, &tn, 1) || tn >= sizeof ev->type || !get(log, ev->type, tn) || !get_u32(log, &ev->link)
            || !get_u32(log, &an) || an > MAX_ALT + 1)
            return log->err = log->err ? log->err : EINVAL, -1;
        ev->type[tn] = '\0';
        free(log->alt);
        log->alt = NULL;
        if (an) {
            log->alt = cocom_xmalloc(an);
            if (!get(log, log->alt, an - 1))
                return -1;
            log->alt[an - 1] = '\0';
            ev->alt = log->alt;
        }
        return 1;
    }
    case COCOM_SL_CLOSE:
    case COCOM_SL_MARK:
    case COCOM_SL_ARTIFACT:
    case COCOM_SL_END:
    case COCOM_SL_PAGE:
        return 1;
    default:
        log->err = EINVAL;
        return -1;
    }
}

const CocomStructLink *cocom_structlog_links(const CocomStructLog *log, size_t *n)
{
    *n = log ? log->nlinks : 0;
    return log ? log->links : NULL;
}
