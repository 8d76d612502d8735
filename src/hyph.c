/* hyph.c — see hyph.h. */
#include "config.h"
#include "hyph.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <hyphen.h>

#define HYPHEN_CACHE_MAX 200000

/* The dictionary for a language: lang_COUNTRY, else a sensible default
 * country (en → GB: cocom's documents are British), else any we find. */
static HyphenDict *dict_for(CocomContext *ctx, const char *language, const char *country)
{
    CocomText *t = cocom_text_get(ctx);
    char key[16];
    snprintf(key, sizeof key, "%s_%s", language, country);
    intptr_t v;
    if (cocom_map_get(&t->hyphen_dicts, key, &v))
        return (HyphenDict *)v;
    const char *fallback = strcmp(language, "en") == 0 ? "GB" : NULL;
    char path[512];
    HyphenDict *d = NULL;
    const char *tries[3] = {country, fallback, NULL};
    for (int i = 0; i < 2 && !d; i++) {
        if (!tries[i] || !*tries[i])
            continue;
        snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", COCOM_HYPHEN_DIR, language, tries[i]);
        if (access(path, R_OK) == 0)
            d = hnj_hyphen_load(path);
    }
    if (!d) {
        snprintf(path, sizeof path, "%s/hyph_%s.dic", COCOM_HYPHEN_DIR, language);
        if (access(path, R_OK) == 0)
            d = hnj_hyphen_load(path);
    }
    if (!d) {
        char once[64];
        snprintf(once, sizeof once, "hyph-dict:%s", language);
        if (cocom_report_once(ctx, once))
            cocom_report(ctx, COCOM_SEVERITY_WARNING, NULL, 0,
                         "no hyphenation dictionary for language '%s' in %s; words are not hyphenated "
                         "(on Debian: apt-get install hyphen-%s)", language, COCOM_HYPHEN_DIR, language);
    }
    cocom_map_set(&t->hyphen_dicts, key, (intptr_t)d);
    return d;
}

/* Cached result: a string of byte offsets, each as one char (words are
 * short: at most 100 bytes are hyphenated, which libhyphen also assumes). */
int cocom_hyphenate(CocomContext *ctx, const char *language, const char *country,
                    const char *word, int len, int left, int right, int *points, int max)
{
    if (len < 4 || len >= 100 || !language || !*language)
        return 0;
    CocomText *t = cocom_text_get(ctx);
    char key[160];
    int klen = snprintf(key, sizeof key, "%s%s\x1f%d%d\x1f", language, country ? country : "", left, right);
    if (klen < 0 || klen + len >= (int)sizeof key)
        return 0;
    memcpy(key + klen, word, (size_t)len);
    key[klen + len] = '\0';
    intptr_t v;
    if (!cocom_map_get(&t->hyphen_words, key, &v)) {
        HyphenDict *d = dict_for(ctx, language, country ? country : "");
        char found[101] = "";
        int n = 0;
        /* Only words of letters, whose lower case has the same bytes'
         * length (the dictionary wants lower case). */
        char *lower = d ? g_utf8_strdown(word, len) : NULL;
        int ok = lower && (int)strlen(lower) == len;
        for (const char *p = word; ok && p < word + len; p = g_utf8_next_char(p))
            ok = g_unichar_isalpha(g_utf8_get_char(p));
        if (ok) {
            char hyphens[110];
            char **rep = NULL;
            int *pos = NULL, *cut = NULL;
            if (hnj_hyphen_hyphenate3(d, lower, len, hyphens, NULL, &rep, &pos, &cut, left, right, 2, 2) == 0) {
                /* hyphens[i] odd: a break may follow byte i.  Skip the
                 * non-standard replacements (rep): English has none. */
                for (int i = 0; i < len - 1; i++)
                    if ((hyphens[i] & 1) && !(rep && rep[i]) && n < 100
                        && ((unsigned char)word[i + 1] & 0xC0) != 0x80)
                        found[n++] = (char)(i + 1);
            }
            if (rep) {
                for (int i = 0; i < len; i++)
                    free(rep[i]);
                free(rep);
            }
            free(pos);
            free(cut);
        }
        g_free(lower);
        found[n] = '\0';
        if (t->hyphen_words.count > HYPHEN_CACHE_MAX) {
            for (size_t i = 0; i < t->hyphen_words.cap; i++)
                if (t->hyphen_words.keys[i])
                    free((char *)t->hyphen_words.values[i]);
            cocom_map_clear(&t->hyphen_words);
        }
        v = (intptr_t)cocom_xstrdup(found);
        cocom_map_set(&t->hyphen_words, key, v);
    }
    const char *s = (const char *)v;
    int n = 0;
    for (; n < max && s[n]; n++)
        points[n] = (unsigned char)s[n];
    return n;
}
