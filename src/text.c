/* text.c — see text.h. */
#include "config.h"
#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <fontconfig/fontconfig.h>
#include <hyphen.h>

static void text_release(void *state)
{
    cocom_text_destroy(state);
}

static const CocomContextKey text_key = {"text", text_release};

CocomText *cocom_text_find(const CocomContext *ctx)
{
    return cocom_context_state(ctx, &text_key);
}

/* FcInit() parses, besides the configuration, every file of fontconfig's
 * template folder (conf.avail, some fifty files) only to collect their
 * descriptions for fc-conflist: about 1.5 ms of a one-page render's 4, and
 * nothing a font match uses.  Made as FcInitLoadConfigAndFonts() makes it
 * but without that step, the configuration is the same: FONTCONFIG_FILE
 * and FONTCONFIG_PATH are honoured by FcConfigParseAndLoad() itself.
 * Where this would differ (no configuration file, which FcInit() answers
 * with a fallback; no <cachedir>, which FcInit() supplies; FC_DEBUG, which
 * only FcInit() reads) fontconfig's own FcInit() is called instead.
 *
 * On the calling thread, not one of its own: reading it on a thread while
 * the input is read was tried, and the two threads' page faults and
 * allocations slowed each other more than the overlap gained (median of
 * 50 interleaved runs, 41.8 ms threaded against 40.7 ms here). */
static int has_cache_dir(FcConfig *c)
{
    FcStrList *l = FcConfigGetCacheDirs(c);
    int have = l && FcStrListNext(l) != NULL;
    if (l)
        FcStrListDone(l);
    return have;
}

static void load_fontconfig(void)
{
    FcConfig *c = getenv("FC_DEBUG") ? NULL : FcConfigCreate();
    if (c && FcConfigParseAndLoad(c, NULL, FcTrue) && has_cache_dir(c) && FcConfigBuildFonts(c)
        && FcConfigSetCurrent(c))
        return;   /* our reference is kept, as FcInit() keeps its own */
    if (c)
        FcConfigDestroy(c);
    FcInit();
}

void cocom_text_load_fontconfig(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_fontconfig);
}

CocomText *cocom_text_get(CocomContext *ctx)
{
    CocomText *have = cocom_text_find(ctx);
    if (have)
        return have;
    CocomText *t = cocom_xcalloc(1, sizeof *t);
    /* A font map of our own rather than the per-thread default, so that
     * two contexts in two threads share nothing Pango does not share. */
    t->fontmap = pango_cairo_font_map_new();
    /* Pango 1.50 reads fontconfig's configuration on a thread of its own,
     * and setting the font map's resolution waits for it (about 3 ms) where
     * reading the input could go on meanwhile.  The context's resolution,
     * set below, is the one fonts are loaded with, so the map's is left. */
    t->pango = pango_font_map_create_context(t->fontmap);
    pango_context_set_round_glyph_positions(t->pango, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(t->pango, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(t->pango, 72.0);
    cocom_context_set_state(ctx, &text_key, t);
    return t;
}

void cocom_text_destroy(CocomText *t)
{
    if (!t)
        return;
    if (t->release_fonts)
        t->release_fonts(t);   /* before the font map its fonts come from */
    for (size_t i = 0; i < t->hyphen_dicts.cap; i++)
        if (t->hyphen_dicts.keys[i] && t->hyphen_dicts.values[i])
            hnj_hyphen_free((HyphenDict *)t->hyphen_dicts.values[i]);
    cocom_map_clear(&t->hyphen_dicts);
    for (size_t i = 0; i < t->hyphen_words.cap; i++)
        if (t->hyphen_words.keys[i])
            free((char *)t->hyphen_words.values[i]);
    cocom_map_clear(&t->hyphen_words);
    if (t->pango)
        g_object_unref(t->pango);
    if (t->fontmap)
        g_object_unref(t->fontmap);
    free(t);
}
