/* heap.c — see heap.h.
 *
 * Why.  A one-page render makes about 1,150 page faults, and on the
 * virtual machines cocom is measured on a fault costs about 11 us (a small
 * program that touches 10,000 fresh pages takes 110 ms): 13 ms of a 40 ms
 * run.  A third of them are the heap's, and glibc's defaults add faults
 * that bring nothing:
 *   - it gives the top of the heap back to the kernel whenever more than
 *     128 KiB there is free, and then grows it again, on fresh pages;
 *   - it serves each block of 128 KiB or more with a mapping of its own,
 *     unmapped on free(): fresh pages every time.  deflate's state (256 KiB,
 *     in four blocks) comes and goes for every stream Cairo and the
 *     post-pass compress, and so do Cairo's page buffers.
 *
 * What.  The heap grows 16 MiB at a time (M_TOP_PAD, address space until
 * touched), keeps up to 64 MiB free at its top (M_TRIM_THRESHOLD), and
 * serves blocks under 4 MiB itself (M_MMAP_THRESHOLD; setting it also
 * stops glibc moving it).  Memory freed is then used again rather than
 * returned and faulted in anew.  The peak RSS does not grow: what is kept
 * is what the run had already touched.
 *
 * Measured (60 interleaved runs of the one-section bench report, median
 * wall time): 48.1 ms with glibc's defaults, 44.9 ms with these; at 200
 * sections 0.42 s and 0.39 s.
 *
 * Tried and left out: backing the heap with transparent huge pages
 * (madvise MADV_HUGEPAGE on the heap, with a block filling it up to the
 * first 2 MiB boundary).  The kernel gave a huge page in only some runs,
 * and the median did not move. */
#include "config.h"
#include "heap.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

void cocom_heap_prepare(void)
{
    const char *e = getenv("COCOM_HEAP");
    if (e && strcmp(e, "0") == 0)
        return;
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
}
