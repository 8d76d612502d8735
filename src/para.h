/* para.h — the paragraph composer: inline content in, lines out.
 *
 * The layout engine hands over one "line-building run" of a block — text
 * in one or more styles, inline graphics, leaders, anchors for ids — and
 * gets back lines: each a list of runs positioned on the line, with the
 * line's height above and below the baseline.
 *
 * How (TeX's boxes, glue and penalties):
 *   - words are shaped once per font through the cache in font.h; spaces
 *     become glue that may stretch and shrink; hyphenation points (libhyphen)
 *     and explicit hyphens become penalties; a preserved linefeed is a
 *     forced break;
 *   - justified text is broken by the Knuth–Plass total-fit algorithm, other
 *     text first-fit (the way word processors do, which readers of ragged
 *     text expect);
 *   - a word longer than the line is hyphenated at its dictionary points;
 *     what still does not fit is cut between characters in table cells
 *     (cut_long_words) and elsewhere left whole to overflow the line, each
 *     with a warning.
 * Break opportunities in non-ASCII text come from Pango (UAX #14), and
 * fonts, fallback and shaping from Pango and HarfBuzz; only the fitting of
 * lines is cocom's, which avoids reshaping a paragraph once per line and
 * Pango's overshoot of justified lines ending in a hyphen (platform.md §2).
 */
#ifndef COCOM_PARA_H
#define COCOM_PARA_H

#include "font.h"
#include "fo-props.h"

/* How a piece of text looks; copied into each run that comes from it. */
typedef struct {
    CocomFont *font;
    FoColor color;
    FoColor background;         /* transparent for none */
    uint8_t decoration;         /* FO_DECORATION_* (underline, overline, line-through) */
    double rise;                /* baseline shift, points upward */
    double letter_spacing;      /* points after each character */
    double word_spacing;        /* points added to each space */
    double line_height;         /* of the FO the text comes from, points */
    uint8_t hyphenate;
    char language[4], country[4];
    int8_t hyph_left, hyph_right;   /* characters kept before/after a hyphen */
    int link;                   /* the caller's link index, or -1 */
    int tag;                    /* the caller's inline structure element index, or -1 */
    int cite;                   /* the caller's page-number placeholder (refs.h), or 0: a
                                   run of its own, which the painter marks */
    uint8_t hidden;             /* visibility="hidden" (or collapse): takes its room, not drawn */
    uint8_t keep_spaces;        /* white-space-treatment="preserve": spaces that begin a line
                                   after a forced break keep their width (indentation) */
} ParaStyle;

typedef enum {
    PARA_TEXT,      /* text: white space already handled by the caller */
    PARA_BOX,       /* an inline object (graphic) of fixed size */
    PARA_LEADER,    /* fo:leader */
    PARA_ANCHOR     /* where an id falls, for citations and destinations */
} ParaPieceKind;

typedef struct {
    uint8_t kind;               /* ParaPieceKind */
    int style;                  /* index into ParaInput.styles */
    /* PARA_TEXT */
    const char *text;           /* not owned; read only during compose */
    int len;
    /* PARA_BOX */
    double width, height, depth;/* height above the baseline, depth below */
    void *object;               /* the caller's, carried into the run */
    const char *alt;            /* its alternative text (copied into the run), or NULL */
    /* PARA_LEADER */
    double leader_min, leader_opt, leader_max;
    uint8_t leader_pattern;     /* FoLeaderPattern */
    uint8_t leader_alignment;   /* FoLeaderAlignment */
    double leader_pattern_width;/* 0: the dot's own width */
    double rule_thickness;
    uint8_t rule_style;
    /* PARA_ANCHOR */
    int anchor;                 /* the caller's index */
} ParaPiece;

typedef struct {
    const ParaStyle *styles;
    int nstyles;
    const ParaPiece *pieces;
    int npieces;
    double width;               /* the line width available, points */
    double text_indent;         /* first line; negative hangs out */
    double last_line_end_indent;
    uint8_t align;              /* FO_ALIGN_START, CENTER, END or JUSTIFY */
    uint8_t align_last;         /* the same, for the last line */
    uint8_t wrap;               /* 0: no wrapping (wrap-option="no-wrap") */
    /* A word wider than the line, once cut at its dictionary hyphenation
     * points, is cut between characters (with a warning) when this is set
     * (table cells: issue 18); otherwise it is left whole and overflows the
     * line (with a warning saying by how much), as XSL breaks words only at
     * hyphenation points. */
    uint8_t cut_long_words;
    /* Nothing said: a paragraph composed again for another width (its
     * words and glyphs were reported the first time). */
    uint8_t quiet;
    /* Without cut_long_words: how far from the line's start edge a word
     * left whole may reach (to the end of the region).  A word wider than
     * that would run off the page, where nothing is drawn, so it is cut
     * all the same: no text is lost. */
    double overflow_room;
    /* The block's own font and line-height: every line is at least this
     * tall (XSL's strut), even if its text is smaller. */
    CocomFont *strut_font;
    double strut_line_height;
    const char *file;           /* for warnings */
    long line;
    /* Set to 1 when a warning quotes a run of a style with `cite` set (a
     * placeholder's zeros, cites.h); NULL: not wanted. */
    int *cite_quoted;
} ParaInput;

typedef enum {
    RUN_GLYPHS,
    RUN_BOX,
    RUN_LEADER
} LineRunKind;

typedef struct {
    uint8_t kind;               /* LineRunKind */
    double x, width;            /* from the line's start edge */
    ParaStyle style;            /* a copy */
    CocomFont *font;            /* the face of this run (a fallback one, maybe) */
    PangoGlyphString *glyphs;   /* owned by the line; log_clusters relative to text */
    char *text;                 /* owned */
    int text_len;
    /* RUN_BOX */
    void *object;
    char *alt;                  /* owned; NULL for a decorative object */
    double height, depth;
    /* RUN_LEADER */
    uint8_t leader_pattern, rule_style, leader_alignment;
    double leader_pattern_width, rule_thickness;
} LineRun;

typedef struct {
    double width;               /* the available width */
    double x;                   /* where the line's start edge is (text-indent) */
    double ref_dx;              /* where its reference area starts, from the line's
                                 * start edge (<= 0; the galley sets it): dot
                                 * leaders with leader-alignment="reference-area"
                                 * count their repeats from there */
    double natural;             /* the content's own width */
    double ascent, descent;     /* above and below the baseline */
    int nruns;
    LineRun *runs;
    int nanchors;
    int *anchors;
    uint8_t ends_with_hyphen;
    uint8_t overfull;           /* content wider than the line (a graphic too wide) */
    /* Where the line's content begins in the input: the piece, and the
     * byte offset in its text (0 for other pieces) — what is left of the
     * paragraph from here can be composed again at another width. */
    int src_piece, src_off;
} ParaLine;

/* Breaks the input into lines.  Returns the number of lines and sets
 * *lines to an array the caller frees with cocom_para_free (0 lines: an
 * empty paragraph, *lines NULL). */
int cocom_para_compose(CocomContext *ctx, const ParaInput *in, ParaLine **lines);

void cocom_para_free(ParaLine *lines, int n);

/* Frees one line's contents (not the line itself). */
void cocom_para_line_clear(ParaLine *line);

#endif
