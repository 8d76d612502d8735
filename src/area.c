/* area.c — a finished page: its paint operations, lines and links.  See
 * area.h.
 */
#include "config.h"
#include "area.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Pages                                                                    */

AreaOp *cocom_ops_push(AreaOp **ops, size_t *n, size_t *cap, AreaOpType type)
{
    COCOM_GROW(*ops, *cap, *n + 1);
    AreaOp *op = &(*ops)[(*n)++];
    memset(op, 0, sizeof *op);
    op->type = (uint8_t)type;
    op->line = -1;
    return op;
}

AreaOp *cocom_page_op(CocomPage *page, AreaOpType type)
{
    return cocom_ops_push(&page->ops, &page->nops, &page->capops, type);
}

int cocom_page_add_line(CocomPage *page, ParaLine *line)
{
    COCOM_GROW(page->lines, page->caplines, page->nlines + 1);
    page->lines[page->nlines] = *line;
    memset(line, 0, sizeof *line);
    return (int)page->nlines++;
}

const PageLink *cocom_page_link(const CocomPage *page, int index)
{
    for (size_t i = 0; i < page->nlinks; i++)
        if (page->links[i].index == index)
            return &page->links[i];
    return NULL;
}

void cocom_page_free(CocomPage *page)
{
    if (!page)
        return;
    free(page->links);
    for (size_t i = 0; i < page->nlines; i++)
        cocom_para_line_clear(&page->lines[i]);
    free(page->lines);
    free(page->ops);
    cocom_arena_reset(&page->arena);
    free(page);
}
