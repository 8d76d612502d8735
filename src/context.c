/* context.c — the CocomContext: options, diagnostics, the data folder. */
#include "config.h"
#include "context.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const long option_defaults[COCOM_OPTION_COUNT] = {
    [COCOM_OPTION_MAX_INPUT_BYTES] = 32L * 1024 * 1024,
    [COCOM_OPTION_MAX_PAGES] = 10000,
    [COCOM_OPTION_PNG_DPI] = 96,
    [COCOM_OPTION_TIMEOUT_SECONDS] = 60,
    [COCOM_OPTION_MAX_DEPTH] = 256,
};

const char *cocom_status_to_string(CocomStatus status)
{
    switch (status) {
    case COCOM_STATUS_OK: return "success";
    case COCOM_STATUS_INVALID: return "the input has errors";
    case COCOM_STATUS_USAGE: return "bad usage";
    case COCOM_STATUS_IO: return "a file could not be read or written";
    case COCOM_STATUS_LIMIT: return "a limit was exceeded";
    case COCOM_STATUS_NO_MEMORY: return "out of memory";
    case COCOM_STATUS_INTERRUPTED: return "interrupted";
    }
    return "unknown status";
}

static void default_diagnostic(void *user, const CocomDiagnostic *d)
{
    COCOM_UNUSED(user);
    static const char *const names[] = {"note", "warning", "error"};
    CocomBuf b = {0};
    if (d->file && d->line > 0)
        cocom_buf_printf(&b, "%s:%ld: ", d->file, d->line);
    else if (d->file)
        cocom_buf_printf(&b, "%s: ", d->file);
    else
        cocom_buf_puts(&b, "cocom: ");
    cocom_buf_printf(&b, "%s: %s", names[d->severity], d->message);
    if (d->rule && d->source)
        cocom_buf_printf(&b, " [%s, %s]", d->rule, d->source);
    else if (d->rule)
        cocom_buf_printf(&b, " [%s]", d->rule);
    cocom_buf_putc(&b, '\n');
    fputs(b.data, stderr);
    cocom_buf_free(&b);
}

/* The data folder, in order of preference: $COCOM_DATADIR; the source tree
 * when this binary lives in the build tree (so an uninstalled cocom uses the
 * stylesheets being edited, not stale installed ones); the installed
 * $(pkgdatadir). */
static char *default_data_dir(void)
{
    const char *env = getenv("COCOM_DATADIR");
    if (env && *env)
        return cocom_xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char real_build[PATH_MAX];
            char real_top[PATH_MAX];
            if (realpath(COCOM_BUILD_SRCDIR, real_build) && strcmp(real_build, exe) == 0
                && realpath(COCOM_TOP_SRCDIR, real_top))
                return cocom_xstrdup(real_top);
        }
    }
    return cocom_xstrdup(COCOM_PKGDATADIR);
}

CocomContext *cocom_context_create(void)
{
    CocomContext *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->diag_func = default_diagnostic;
    pthread_mutex_init(&ctx->report_lock, NULL);
    memcpy(ctx->options, option_defaults, sizeof option_defaults);
    ctx->data_dir = default_data_dir();
    return ctx;
}

void cocom_context_destroy(CocomContext *ctx)
{
    if (!ctx)
        return;
    /* Last used, first released, so a stage's state that points into the
     * state of a stage used before it is released first. */
    while (ctx->nslots > 0) {
        CocomContextSlot *s = &ctx->slots[--ctx->nslots];
        if (s->key->release && s->state)
            s->key->release(s->state);
    }
    cocom_map_clear(&ctx->once);
    free(ctx->data_dir);
    pthread_mutex_destroy(&ctx->report_lock);
    free(ctx);
}

void *cocom_context_state(const CocomContext *ctx, const CocomContextKey *key)
{
    for (size_t i = 0; i < ctx->nslots; i++)
        if (ctx->slots[i].key == key)
            return ctx->slots[i].state;
    return NULL;
}

void cocom_context_set_state(CocomContext *ctx, const CocomContextKey *key, void *state)
{
    for (size_t i = 0; i < ctx->nslots; i++)
        if (ctx->slots[i].key == key) {
            ctx->slots[i].state = state;
            return;
        }
    if (ctx->nslots == COCOM_CONTEXT_SLOTS) {
        /* A fixed number of stages keep state: more is a programming
         * error, not something an input can cause. */
        fprintf(stderr, "cocom: internal error: more than %d context slots (adding \"%s\")\n",
                COCOM_CONTEXT_SLOTS, key->name);
        abort();
    }
    ctx->slots[ctx->nslots].key = key;
    ctx->slots[ctx->nslots].state = state;
    ctx->nslots++;
}

void cocom_context_set_diagnostic_func(CocomContext *ctx, CocomDiagnosticFunc func, void *user)
{
    ctx->diag_func = func ? func : default_diagnostic;
    ctx->diag_user = func ? user : NULL;
}

static void hushed(void *user, const CocomDiagnostic *d)
{
    (void)user;
    (void)d;
}

void cocom_hush(CocomContext *ctx, CocomHush *h)
{
    *h = (CocomHush){ctx->diag_func, ctx->diag_user, ctx->errors, ctx->warnings};
    ctx->diag_func = hushed;
    ctx->diag_user = NULL;
}

void cocom_unhush(CocomContext *ctx, const CocomHush *h)
{
    ctx->diag_func = h->func;
    ctx->diag_user = h->user;
    ctx->errors = h->errors;
    ctx->warnings = h->warnings;
}

/* Called with the report lock held (cocom_vreport). */
static void held(void *user, const CocomDiagnostic *d)
{
    CocomHold *h = user;
    COCOM_GROW(h->held, h->cap, h->n + 1);
    CocomDiagnostic *c = &h->held[h->n++];
    *c = *d;
    c->file = d->file ? cocom_xstrdup(d->file) : NULL;
    c->message = cocom_xstrdup(d->message ? d->message : "");
    c->rule = d->rule ? cocom_xstrdup(d->rule) : NULL;
    c->source = d->source ? cocom_xstrdup(d->source) : NULL;
}

void cocom_hold(CocomContext *ctx, CocomHold *h)
{
    *h = (CocomHold){ctx->diag_func, ctx->diag_user, ctx->errors, ctx->warnings, NULL, 0, 0};
    ctx->diag_func = held;
    ctx->diag_user = h;
}

void cocom_release(CocomContext *ctx, CocomHold *h, int say)
{
    ctx->diag_func = h->func;
    ctx->diag_user = h->user;
    if (!say) {
        ctx->errors = h->errors;
        ctx->warnings = h->warnings;
        cocom_map_clear(&ctx->once);
    }
    for (size_t i = 0; i < h->n; i++) {
        CocomDiagnostic *d = &h->held[i];
        if (say)
            h->func(h->user, d);
        free((char *)d->file);
        free((char *)d->message);
        free((char *)d->rule);
        free((char *)d->source);
    }
    free(h->held);
    h->held = NULL;
    h->n = h->cap = 0;
}

CocomStatus cocom_context_set_data_dir(CocomContext *ctx, const char *dir)
{
    if (!dir || !*dir)
        return COCOM_STATUS_USAGE;
    free(ctx->data_dir);
    ctx->data_dir = cocom_xstrdup(dir);
    return COCOM_STATUS_OK;
}

const char *cocom_context_get_data_dir(const CocomContext *ctx)
{
    return ctx->data_dir;
}

unsigned cocom_context_get_error_count(const CocomContext *ctx) { return ctx->errors; }
unsigned cocom_context_get_warning_count(const CocomContext *ctx) { return ctx->warnings; }

void cocom_context_reset_counts(CocomContext *ctx)
{
    ctx->errors = ctx->warnings = 0;
}

void cocom_context_set_warnings_as_errors(CocomContext *ctx, int on)
{
    ctx->warnings_as_errors = on != 0;
}

void cocom_context_interrupt(CocomContext *ctx)
{
    ctx->interrupted = 1;
}

CocomStatus cocom_context_set_option(CocomContext *ctx, CocomOption option, long value)
{
    if ((unsigned)option >= COCOM_OPTION_COUNT || value < 0)
        return COCOM_STATUS_USAGE;
    if (option == COCOM_OPTION_PNG_DPI && (value < 1 || value > 2400))
        return COCOM_STATUS_USAGE;
    ctx->options[option] = value;
    return COCOM_STATUS_OK;
}

long cocom_context_get_option(const CocomContext *ctx, CocomOption option)
{
    if ((unsigned)option >= COCOM_OPTION_COUNT)
        return -1;
    return ctx->options[option];
}

void cocom_vreport(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                   const char *rule, const char *source, const char *fmt, va_list ap)
{
    CocomBuf msg = {0};
    cocom_buf_vprintf(&msg, fmt, ap);
    pthread_mutex_lock(&ctx->report_lock);
    if (sev == COCOM_SEVERITY_ERROR)
        ctx->errors++;
    else if (sev == COCOM_SEVERITY_WARNING) {
        ctx->warnings++;
        if (ctx->warnings_as_errors)
            ctx->errors++;
    }
    CocomDiagnostic d = {sev, file, line, msg.data ? msg.data : "", rule, source};
    ctx->diag_func(ctx->diag_user, &d);
    pthread_mutex_unlock(&ctx->report_lock);
    cocom_buf_free(&msg);
}

void cocom_report(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cocom_vreport(ctx, sev, file, line, NULL, NULL, fmt, ap);
    va_end(ap);
}

void cocom_report_rule(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                       const char *rule, const char *source, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cocom_vreport(ctx, sev, file, line, rule, source, fmt, ap);
    va_end(ap);
}

int cocom_report_once(CocomContext *ctx, const char *key)
{
    pthread_mutex_lock(&ctx->report_lock);
    int r = cocom_map_set(&ctx->once, key, 1);
    pthread_mutex_unlock(&ctx->report_lock);
    return r;
}

char *cocom_data_path(const CocomContext *ctx, const char *relative)
{
    return cocom_xasprintf("%s/%s", ctx->data_dir, relative);
}
