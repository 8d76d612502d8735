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

typedef struct CocomText CocomText;   /* text.h: the shared font map and caches */

struct CocomContext {
    char *data_dir;
    CocomDiagnosticFunc diag_func;
    void *diag_user;
    unsigned errors;
    unsigned warnings;
    int warnings_as_errors;
    long options[COCOM_OPTION_COUNT];
    CocomMap once;          /* keys of warnings already given */
    CocomText *text;        /* created on first use by the formatter */
    struct CocomSchema *schema; /* check.c: the compiled schema, loaded on first use */
    struct CocomRules *rules;   /* rules.c: the compiled national rules, loaded on first use */
    CocomMap disabled_rules;    /* rule ids turned off (cocom_context_disable_rule) */
    struct CocomImageCache *images; /* image.c */
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

/* The path of a file in the data folder, e.g. "schema/arrangement.rng".
 * The caller frees the result. */
char *cocom_data_path(const CocomContext *ctx, const char *relative);

#endif
