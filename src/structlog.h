/* structlog.h — the structure of a tagged PDF, as the painter draws it.
 *
 * Cairo 1.16 marks content only through cairo_tag_begin, and keeps every
 * structure element it is given until the document ends (13 MB of a
 * 2,000-page report, about 12 KiB a page: memory that grows with the
 * document).  So cocom tags the PDF itself, in two halves:
 *
 *   - the painter (render.c, through tagger.c) logs what it opens and
 *     closes, in order, to a temporary file (this module), and where a
 *     marked-content sequence begins it draws a marker into Cairo's page:
 *     a black rectangle of a size nothing else draws, at the page's
 *     corner (COCOM_MARKER_*), which Cairo writes as "0 0 W H re f"; a
 *     sequence ends at the next marker (or at an END marker, before the
 *     page ends);
 *   - the post-pass (pdfstream-tags.c) reads the log alongside the pages,
 *     replaces each marker by BDC (with the next MCID) or EMC, as the log
 *     says, and writes the structure elements, the parent tree and the
 *     link annotations as it goes.
 *
 * Memory is then a few bytes per open element, plus the links (one record
 * each, kept in memory: their annotations are written with their pages).
 * The log is read once, front to back.
 */
#ifndef COCOM_STRUCTLOG_H
#define COCOM_STRUCTLOG_H

#include <stddef.h>
#include <stdint.h>

/* The markers, as Cairo writes them ("0 0 0.25 0.125 re f"): exact in
 * Cairo's 24.8 fixed point, and printed without rounding.  Each begins at
 * the page's top-left corner, in device space, with the clip reset. */
#define COCOM_MARKER_HEIGHT 0.125
#define COCOM_MARKER_HEIGHT_TEXT "0.125"
#define COCOM_MARKER_MARK 0.25      /* an element's content begins */
#define COCOM_MARKER_MARK_TEXT "0.25"
#define COCOM_MARKER_ARTIFACT 0.375 /* page furniture begins */
#define COCOM_MARKER_ARTIFACT_TEXT "0.375"
#define COCOM_MARKER_END 0.5        /* what began ends, and nothing begins */
#define COCOM_MARKER_END_TEXT "0.5"
/* Around a page number painted before it was known (cites.h): outside
 * the log, and no end of marked content; the post-pass drops them and
 * writes the number's digits over the zeros between them. */
#define COCOM_MARKER_CITE 0.625
#define COCOM_MARKER_CITE_TEXT "0.625"
#define COCOM_MARKER_CITE_END 0.75
#define COCOM_MARKER_CITE_END_TEXT "0.75"

typedef enum {
    COCOM_SL_OPEN = 'O',     /* an element opens inside the innermost open one */
    COCOM_SL_CLOSE = 'C',    /* the innermost open element closes */
    COCOM_SL_MARK = 'M',     /* the innermost element's content begins (a marker) */
    COCOM_SL_ARTIFACT = 'A', /* page furniture begins (a marker) */
    COCOM_SL_END = 'E',      /* the content or furniture ends (a marker) */
    COCOM_SL_PAGE = 'P'      /* the page ends */
} CocomStructEventKind;

#define COCOM_SL_NO_LINK UINT32_MAX

typedef struct {
    CocomStructEventKind kind;
    char type[16];          /* OPEN: the structure type, "P", "TH" … */
    uint32_t link;          /* OPEN of a Link: its index among the links */
    const char *alt;        /* OPEN of a Figure: its alternative text, or NULL;
                             * the log's, valid until the next read */
} CocomStructEvent;

/* A link annotation: where it lies and where it leads. */
typedef struct {
    uint32_t page;          /* from 0 */
    double rect[4];         /* PDF user space: x1 y1 x2 y2 */
    char *target;           /* a URI, or the name of a destination */
    int is_uri;
    char *contents;         /* a description for /Contents */
    int tagged;             /* 0: page furniture's, outside the structure tree */
} CocomStructLink;

typedef struct CocomStructLog CocomStructLog;

/* A new, empty log in a temporary file (tmpfile(3): removed when closed,
 * or when the process ends); NULL with errno set when none can be made.
 * Free with cocom_structlog_free. */
CocomStructLog *cocom_structlog_new(void);
void cocom_structlog_free(CocomStructLog *log);

/* Writing, in the painter.  Failures (a full disk) are kept, and said by
 * cocom_structlog_error. */
void cocom_structlog_open(CocomStructLog *log, const char *type, const char *alt, uint32_t link);
void cocom_structlog_event(CocomStructLog *log, CocomStructEventKind kind);
/* Adds a link (its strings are copied); returns its index. */
uint32_t cocom_structlog_add_link(CocomStructLog *log, const CocomStructLink *link);
/* Has anything been opened (is the document tagged)? */
int cocom_structlog_has_elements(const CocomStructLog *log);
/* 0, or the errno of the first failed write or read. */
int cocom_structlog_error(const CocomStructLog *log);

/* Reading, in the post-pass: from the start, once. */
int cocom_structlog_rewind(CocomStructLog *log);
/* The next event: 1, or 0 at the end; -1 when the log is damaged or cannot
 * be read. */
int cocom_structlog_next(CocomStructLog *log, CocomStructEvent *ev);
/* The links, in the order they were added (page order). */
const CocomStructLink *cocom_structlog_links(const CocomStructLog *log, size_t *n);

#endif
