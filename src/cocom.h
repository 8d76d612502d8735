/* cocom.h — the public interface of libcocom.
 *
 * cocom turns one XML description of a CCG's primary care co-commissioning
 * arrangement into the documents it needs, through XSLT into XSL-FO, which
 * its own formatter typesets with Pango and paints with Cairo.  The `cocom`
 * command is a thin driver over this interface; another program can do the
 * same in process.
 *
 * Conventions, in the manner of cairo:
 *   - A CocomContext holds everything one run shares: the data folder, the
 *     options, where diagnostics go and how many there were.  It is not
 *     thread-safe; give each thread its own.
 *   - Calls return a CocomStatus.  Detail (where and why) goes to the
 *     diagnostic function as it happens, so a caller never parses text.
 *   - Strings passed in are copied; strings returned are owned by the
 *     context and live until the next call that changes them.
 */
#ifndef COCOM_H
#define COCOM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define COCOM_VERSION_MAJOR 0
#define COCOM_VERSION_MINOR 1
#define COCOM_VERSION_MICRO 0
#define COCOM_VERSION_STRING "0.1.0"

/* The namespace of the input vocabulary (schema/arrangement.rng). */
#define COCOM_NAMESPACE "urn:cocom:arrangement:1"

typedef enum {
    COCOM_STATUS_OK = 0,
    COCOM_STATUS_INVALID,   /* the input has errors; they were reported */
    COCOM_STATUS_USAGE,     /* a bad argument or option */
    COCOM_STATUS_IO,        /* a file could not be read or written */
    COCOM_STATUS_LIMIT,     /* a configured bound was exceeded */
    COCOM_STATUS_NO_MEMORY,
    COCOM_STATUS_INTERRUPTED
} CocomStatus;

/* A short English phrase for a status ("the input has errors"). */
const char *cocom_status_to_string(CocomStatus status);

typedef enum {
    COCOM_SEVERITY_NOTE,
    COCOM_SEVERITY_WARNING,
    COCOM_SEVERITY_ERROR
} CocomSeverity;

/* One finding.  Every pointer is valid only during the callback. */
typedef struct {
    CocomSeverity severity;
    const char *file;      /* NULL when not about a file */
    long line;             /* 0 when unknown */
    const char *message;   /* plain words, no trailing newline */
    const char *rule;      /* a rule id such as "DEL-LAY-CHAIR", or NULL */
    const char *source;    /* the passage the rule enforces, or NULL */
} CocomDiagnostic;

typedef void (*CocomDiagnosticFunc)(void *user, const CocomDiagnostic *diagnostic);

typedef struct CocomContext CocomContext;

/* Returns a new context (free with cocom_context_destroy), or NULL when out
 * of memory.  Diagnostics go to standard error until told otherwise, as
 *   FILE:LINE: severity: message [RULE, source]                           */
CocomContext *cocom_context_create(void);
void cocom_context_destroy(CocomContext *ctx);

void cocom_context_set_diagnostic_func(CocomContext *ctx, CocomDiagnosticFunc func, void *user);

/* The folder holding schema/, stylesheets/ and templates/.  By default the
 * installed $(pkgdatadir), or the source tree when run from the build tree,
 * or $COCOM_DATADIR when set. */
CocomStatus cocom_context_set_data_dir(CocomContext *ctx, const char *dir);
const char *cocom_context_get_data_dir(const CocomContext *ctx);

/* Counts of diagnostics reported through this context since it was made
 * or last reset. */
unsigned cocom_context_get_error_count(const CocomContext *ctx);
unsigned cocom_context_get_warning_count(const CocomContext *ctx);
void cocom_context_reset_counts(CocomContext *ctx);

/* Treat warnings as errors (they are still reported as warnings, but
 * count as errors). */
void cocom_context_set_warnings_as_errors(CocomContext *ctx, int on);

/* Asks the work under way on this context to stop as soon as it can (it
 * then returns COCOM_STATUS_INTERRUPTED and writes no output).  Safe to
 * call from a signal handler. */
void cocom_context_interrupt(CocomContext *ctx);

/* Options with integer values. */
typedef enum {
    COCOM_OPTION_MAX_INPUT_BYTES,   /* largest input file accepted (default 32 MiB) */
    COCOM_OPTION_MAX_PAGES,         /* pages per document (default 10000) */
    COCOM_OPTION_PNG_DPI,           /* resolution of PNG output (default 96) */
    COCOM_OPTION_TIMEOUT_SECONDS,   /* wall-clock limit per transform (default 60; 0 = none) */
    COCOM_OPTION_MAX_DEPTH          /* element nesting depth (default 256) */
} CocomOption;

CocomStatus cocom_context_set_option(CocomContext *ctx, CocomOption option, long value);
long cocom_context_get_option(const CocomContext *ctx, CocomOption option);

/* --- check -------------------------------------------------------------
 * Loads an arrangement with safe parser settings, validates it against the
 * schema and the national rules, and reports each problem.  Returns OK when
 * there is no error (warnings allowed), INVALID when there is one (or a
 * warning, with warnings counted as errors), IO when the file, the schema
 * or the rules cannot be read.  Anything that makes documents from an
 * arrangement checks it this way first and makes nothing unless it is OK. */
CocomStatus cocom_check_file(CocomContext *ctx, const char *path);

/* --- the national rules ------------------------------------------------
 * After the schema, check applies the national rules of co-commissioning:
 * stylesheets/rules/national-rules.sch in the data folder, ISO Schematron
 * compiled in process by cocom's own compiler.  Each finding is reported
 * as FILE:LINE: severity: message [RULE-ID, source].  A rule has one
 * severity (error or warning); a finding that says a rule could not be
 * checked (an unstated number, a date given only as a month) is a note,
 * which never counts as an error or a warning. */
typedef struct {
    const char *id;           /* "DEL-LAY-CHAIR" */
    CocomSeverity severity;   /* of a breach: COCOM_SEVERITY_ERROR or _WARNING */
    const char *source;       /* the passage it enforces: "Next steps §4.4.2" */
    const char *summary;      /* one line: "Delegated: the committee is chaired by a lay member" */
} CocomRule;

/* Sets *rules to the rules, in the order they are written, and *count to
 * how many there are.  The array is owned by the context and lives as long
 * as it does.  The rules are loaded and compiled on first use (by this
 * call or the first check); IO when they cannot be (the reason reported),
 * with *count 0. */
CocomStatus cocom_rules_list(CocomContext *ctx, const CocomRule **rules, size_t *count);

/* Turns off the rule with this id for every check made with this context
 * from now on.  Returns USAGE when no rule has that id, IO when the rules
 * cannot be loaded. */
CocomStatus cocom_context_disable_rule(CocomContext *ctx, const char *rule_id);

/* --- render ------------------------------------------------------------ */
typedef enum {
    COCOM_FORMAT_PDF,
    COCOM_FORMAT_PNG,   /* one file per page into a folder: page-0001.png ... */
    COCOM_FORMAT_SVG    /* likewise, page-0001.svg ... */
} CocomFormat;

/* Renders an XSL-FO file ("-" reads standard input) — or, when stylesheet
 * is not NULL, the result of transforming input with it — to output, which
 * is a file for PDF and a folder for PNG and SVG.  params is NULL or a
 * NULL-terminated list of name, value pairs of string parameters for the
 * stylesheet.  The output is written to a temporary name and renamed when
 * complete, so a failed run leaves nothing behind.  On success, *pages (if
 * not NULL) receives the number of pages written. */
CocomStatus cocom_render_file(CocomContext *ctx, const char *input, const char *stylesheet,
                              const char *const *params, CocomFormat format,
                              const char *output, int *pages);

/* The same, also writing the XSL-FO the stylesheet made to fo_output
 * (like 'fop -foout'); messages about the FO then name that file and its
 * lines.  With fo_output NULL, or no stylesheet, as cocom_render_file. */
CocomStatus cocom_render_file_fo(CocomContext *ctx, const char *input, const char *stylesheet,
                                 const char *const *params, const char *fo_output, CocomFormat format,
                                 const char *output, int *pages);

/* Makes a document of the document model (stylesheets/model/document.rng,
 * a <document> in urn:cocom:document:1), read from `input` ("-": standard
 * input), as `format` "html" (one self-contained HTML5 file) or "docx" (a
 * Word document), through stylesheets/output/<format>.xsl, written to
 * `output` whole or not at all. */
CocomStatus cocom_render_model(CocomContext *ctx, const char *input, const char *format, const char *output);

/* --- build -------------------------------------------------------------
 * Makes every document that applies to an arrangement: checks it (errors
 * stop the build), asks stylesheets/plan.xsl which documents apply, then
 * transforms and typesets each into output_dir/<name>.pdf (and, as
 * `formats` asks, <name>.html and <name>.docx, made from the document
 * model: stylesheets/model/).  When one document fails, the others are
 * still tried, so that every error is reported, but nothing is written. */

/* The outputs of a build, or'ed together; 0 means PDF alone. */
enum {
    COCOM_BUILD_PDF = 1,
    COCOM_BUILD_HTML = 2,
    COCOM_BUILD_DOCX = 4
};

typedef struct {
    const char *output_dir;         /* NULL: out/<the arrangement's folder or file name> */
    const char *only;               /* NULL, or document kinds separated by commas:
                                     * report, proforma, terms-of-reference, ballot, mandate-summary */
    int write_fo;                   /* also write <name>.fo beside each PDF */
    const char *style;              /* a house style for reports, or NULL for the arrangement's own */
    const char *const *params;      /* NULL or name, value, ..., NULL: stylesheet parameters */
    /* Called once per file written (PDF, HTML or DOCX); may be NULL.
     * pages is the PDF's page count, or -1 for a file without pages. */
    void (*written)(void *user, const char *kind, const char *path, int pages);
    void *user;
    unsigned formats;               /* COCOM_BUILD_PDF | COCOM_BUILD_HTML | COCOM_BUILD_DOCX; 0: PDF */
} CocomBuildOptions;

CocomStatus cocom_build(CocomContext *ctx, const char *arrangement, const CocomBuildOptions *options);

/* --- member practices from NHS Digital's list -------------------------
 * epraccur (the GP practice list NHS Digital publishes) is a CSV file with
 * no header row and 27 fields a row: 1 the practice's ODS code, 2 its name
 * in capitals, 11 and 12 the open and close dates (YYYYMMDD), 13 the status
 * (A active, C closed, D dormant, P proposed), 15 the commissioner (the
 * CCG's ODS code; 24 when 15 is empty), 26 the prescribing setting (4 is a
 * GP practice).  A row of any other shape is an error at FILE:LINE. */
typedef struct {
    char ods_code[8];       /* "B81001" */
    char *name;             /* made readable from the file's capitals: check it */
    char status;            /* 'A', 'C', 'D' or 'P' */
    char open_date[11];     /* YYYY-MM-DD */
    char close_date[11];    /* YYYY-MM-DD, or "" when open */
    long line;              /* the row's line in the file */
} CocomPractice;

typedef struct {
    CocomPractice *items;   /* in the file's order */
    size_t count;
    char *ccg_code;         /* the commissioner chosen, in capitals */
    char *as_at;            /* YYYY-MM-DD, or NULL: active now */
    char *source;           /* the file's name, as given */
} CocomPracticeList;

/* Reads an epraccur file and returns, through *out, the GP practices
 * (prescribing setting 4) whose commissioner is ccg_code: those active now
 * (status A) when as_at is NULL, else those open on as_at (YYYY-MM-DD),
 * whatever their status now.  The list is freed with
 * cocom_practices_free.  Returns INVALID (each problem reported at
 * FILE:LINE) for a file of another shape or one with no such practice,
 * LIMIT for a file, line or row count over the bounds, IO when it cannot
 * be read, USAGE for a ccg_code or as_at of the wrong form; *out is then
 * NULL. */
CocomStatus cocom_practices_read(CocomContext *ctx, const char *csv_path, const char *ccg_code,
                                 const char *as_at, CocomPracticeList **out);
void cocom_practices_free(CocomPracticeList *list);

/* The list as a <practices count="N"> element in the namespace
 * COCOM_NAMESPACE, ready to paste into a <ccg>: one <practice> per entry,
 * each id id_prefix followed by the ODS code in small letters.  The
 * caller frees the result. */
char *cocom_practices_to_xml(const CocomPracticeList *list, const char *id_prefix);

/* Replaces (or adds) the <practices> of the <ccg> whose ods-code is the
 * list's CCG in the arrangement file, keeping every other byte; a practice
 * already listed keeps its id, contract and list size, so ballot returns
 * that name it still do.  The result is checked against the schema before
 * it is renamed over the file, so on any error (reported) the file is
 * untouched: INVALID, IO or LIMIT. */
CocomStatus cocom_practices_into(CocomContext *ctx, const CocomPracticeList *list, const char *arrangement);

/* --- starter arrangements (cocom new) -----------------------------------
 * A starter arrangement for one of the models — "joint" (a joint committee
 * of the CCGs and NHS England), "committees-in-common" (one joint committee
 * per CCG with NHS England, meeting in common: joint-form
 * "committees-in-common"), "delegated", "greater-involvement" — and
 * these CCGs, from templates/new/<model>.xml in the data folder, with
 * comments that say what each element is for and what is left to fill in.
 * *text receives the arrangement, which the caller frees; it is valid
 * against the schema (the national rules warn about what is left to
 * fill in).  USAGE for an unknown model, no CCG, a CCG twice or a code of
 * the wrong form; INVALID for a broken template; IO when it cannot be
 * read. */
typedef struct {
    const char *name;       /* "NHS Testtown CCG" */
    const char *ods_code;   /* "99A" */
} CocomNewCcg;

CocomStatus cocom_new_arrangement(CocomContext *ctx, const char *model, const CocomNewCcg *ccgs, size_t count,
                                  char **text);

/* The same for a financial year ("2016/17"; cocom_new_arrangement makes
 * 2015/16's): the starter's year, start date and dates are that year's,
 * and its deadlines those of the year's national data.  USAGE, too, for a
 * year not written like 2016/17 or one the data folder has no
 * templates/functions-YYYY-YY.xml for (the message names the years there
 * are). */
CocomStatus cocom_new_arrangement_for_year(CocomContext *ctx, const char *model, const char *year,
                                           const CocomNewCcg *ccgs, size_t count, char **text);

/* Writes text to path whole or not at all (a temporary file renamed);
 * an existing file is replaced only when force is set, else IO with the
 * reason reported. */
CocomStatus cocom_new_write(CocomContext *ctx, const char *path, const char *text, int force);

#ifdef __cplusplus
}
#endif
#endif /* COCOM_H */
