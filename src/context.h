/* context.h — the inside of a CocomContext, and how modules report.
 *
 * Every module reports through cocom_report(), which counts the finding and
 * hands it to the user's diagnostic function.  Warnings about a kind of
 * thing (an unknown FO property, say) are given once per kind with
 * cocom_report_once(), so a 2,000-page document does not print 2,000 lines.
 */
#ifndef COCOM_CONTEXT_H
#define COCOM_CONTEXT_H

#include <pthread.h>
#include "cocom.h"
#include "util.h"

#define COCOM_OPTION_COUNT 5
#define COCOM_CONTEXT_SLOTS 8   /* more stages than this keeping state is a bug */

typedef struct CocomText CocomText;   /* text.h: the shared font map and caches */

/* What a stage keeps on a context between calls (the compiled schema, the
 * font map, the image cache ...) lives in a slot named by the address of
 * the stage's own static key, so the context knows no stage: it only calls
 * the key's release function when it is destroyed.  Each stage defines
 *     static const CocomContextKey key = {"images", release_images};
 * and reads its state with cocom_context_state(ctx, &key). */
typedef struct CocomContextKey {
    const char *name;               /* for a debugger; not used */
    void (*release)(void *state);   /* frees state; called once, by cocom_context_destroy */
} CocomContextKey;

typedef struct {
    const CocomContextKey *key;
    void *state;
} CocomContextSlot;

struct CocomContext {
    char *data_dir;
    CocomDiagnosticFunc diag_func;
    void *diag_user;
    unsigned errors;
    unsigned warnings;
    int warnings_as_errors;
    long options[COCOM_OPTION_COUNT];
    CocomMap once;          /* keys of warnings already given */
    CocomContextSlot slots[COCOM_CONTEXT_SLOTS]; /* the stages' state, in order of first use */
    size_t nslots;
    volatile int interrupted; /* set from a signal handler to stop work early */
    pthread_mutex_t report_lock; /* a painting thread may report too */
};

void cocom_report(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                  const char *fmt, ...) COCOM_PRINTF(5, 6);
void cocom_vreport(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                   const char *rule, const char *source, const char *fmt, va_list ap);
void cocom_report_rule(CocomContext *ctx, CocomSeverity sev, const char *file, long line,
                       const char *rule, const char *source, const char *fmt, ...)
    COCOM_PRINTF(7, 8);

/* Returns 1 the first time it is called with `key` on this context, then 0:
 * the caller reports only when it returns 1. */
int cocom_report_once(CocomContext *ctx, const char *key);

/* Quiet work: between cocom_hush() and cocom_unhush() nothing reaches the
 * user's diagnostic function, and the counts of errors and warnings are
 * as they were before (a first layout pass, a paragraph composed again:
 * what they find is said by the pass that counts). */
typedef struct {
    CocomDiagnosticFunc func;
    void *user;
    unsigned errors, warnings;
} CocomHush;
void cocom_hush(CocomContext *ctx, CocomHush *h);
void cocom_unhush(CocomContext *ctx, const CocomHush *h);

/* Work that may be thrown away (a pass that may be done again): between
 * cocom_hold() and cocom_release() diagnostics are kept, not said, and
 * counted as usual.  cocom_release says them, in order, when `say`;
 * otherwise it forgets them, with their counts and the keys of once-only
 * warnings (so the pass done again says them). */
typedef struct {
    CocomDiagnosticFunc func;
    void *user;
    unsigned errors, warnings;
    CocomDiagnostic *held;      /* copies (owned) */
    size_t n, cap;
} CocomHold;
void cocom_hold(CocomContext *ctx, CocomHold *h);
void cocom_release(CocomContext *ctx, CocomHold *h, int say);

/* The state a stage keeps under `key` on this context, or NULL before the
 * stage has set any.  The context owns it (see cocom_context_set_state). */
void *cocom_context_state(const CocomContext *ctx, const CocomContextKey *key);

/* Keeps `state` under `key`; the context now owns it and hands it to
 * key->release when it is destroyed.  Setting a key again replaces the
 * pointer without releasing the old state (the stage does that if it
 * wants to).  Slots are released in the reverse of their first use, before
 * the context's own members, so a release function may still report.
 * Like the lazy fields it replaces, a slot is set by the thread that first
 * needs it, before other threads are started on the context. */
void cocom_context_set_state(CocomContext *ctx, const CocomContextKey *key, void *state);

/* The path of a file in the data folder, e.g. "schema/arrangement.rng".
 * The caller frees the result. */
char *cocom_data_path(const CocomContext *ctx, const char *relative);

#endif
