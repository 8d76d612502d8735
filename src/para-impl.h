/* para-impl.h — what para.c and para-break.c share: the atoms a
 * paragraph is made of (TeX's boxes, glue and penalties, with anchors for
 * ids) and the composer that holds them.  Private to the para module.
 *
 * para.c makes the atoms and assembles lines; para-break.c chooses where
 * the lines break.  Both read the same Composer; the breakers only read.
 */
#ifndef COCOM_PARA_IMPL_H
#define COCOM_PARA_IMPL_H

#include "para.h"

#include <stddef.h>
#include <stdint.h>

#define INF_PENALTY 10000
#define FORCED (-INF_PENALTY)
#define HYPHEN_PENALTY 50
#define EXPLICIT_HYPHEN_PENALTY 50
#define URL_BREAK_PENALTY 300
#define EMERGENCY_PENALTY 5000
#define FIL 1e9                 /* "infinite" stretch of the paragraph's end */

enum { A_BOX, A_GLUE, A_PENALTY, A_ANCHOR };

typedef struct {
    uint8_t type;
    uint8_t flagged;            /* penalty: a hyphenation break (for demerits) */
    uint8_t draws_hyphen;       /* penalty: a hyphen is drawn when the line breaks here */
    uint8_t leader;             /* box: a leader, which stretches */
    uint8_t object;             /* box: an inline object */
    uint8_t kept;               /* glue: a preserved space, not discarded after a forced break */
    double width, stretch, shrink;
    int penalty;
    int piece;
    int style;
    const char *text;           /* box: the word's text; glue: NULL */
    int len;
    const CocomShapedWord *shaped;
    int anchor;
} Atom;

typedef struct {
    CocomContext *ctx;
    const ParaInput *in;
    Atom *atoms;
    size_t n, cap;
    int warned_long_word;
    PangoGlyphInfo *scratch_glyphs;   /* reused by every line's builder */
    int *scratch_clusters;
    size_t scratch_cap;
    CocomBuf missing;           /* characters no font has, not yet said (note_missing_glyphs) */
    int nmissing;
    const char *missing_family;
} Composer;

/* The width of line `line` (0 is the first, which loses the text
 * indent); never below 1pt. */
double para_line_width(const ParaInput *in, int line);

/* The first atom of the line that starts after the break at atom `b`. */
size_t para_line_start_after(const Composer *c, size_t b);

/* Where the lines break: *breaks_out (malloc'd, the caller frees it)
 * gets the index of each line's breaking atom, the last being the
 * paragraph's forced end; returns their number.  First-fit: each line
 * takes what fits.  Total-fit (Knuth–Plass): the breaks with the fewest
 * demerits whose lines stretch or shrink within `tolerance`; 0 when
 * there are none, and the caller tries again with a larger one. */
int para_break_first_fit(const Composer *c, size_t **breaks_out);
int para_break_total_fit(const Composer *c, double tolerance, size_t **breaks_out);

#endif
