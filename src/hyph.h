/* hyph.h — hyphenation from real dictionaries (libhyphen with Debian's
 * hyphen-* packages), since Pango breaks words only at soft hyphens
 * (research/platform.md §2).  Results are cached per word. */
#ifndef COCOM_HYPH_H
#define COCOM_HYPH_H

#include "text.h"

/* Finds where `word` (UTF-8, len bytes) may be hyphenated in `language`
 * (ISO 639, e.g. "en") and `country` (e.g. "GB"; may be ""), keeping at
 * least `left` characters before the first point and `right` after the
 * last.  Writes up to max byte offsets into points (a break may come
 * before the byte at each offset) and returns how many.  Returns 0 when
 * the word has no points, is not all letters, or there is no dictionary
 * for the language (then a warning is given once, naming the package). */
int cocom_hyphenate(CocomContext *ctx, const char *language, const char *country,
                    const char *word, int len, int left, int right, int *points, int max);

#endif
