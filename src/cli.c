/* cli.c — the `cocom` command: a thin driver over libcocom.
 *
 * Each command is a function and a help text in one table.  Options are
 * parsed by hand rather than with getopt because `--param NAME VALUE`
 * takes two arguments, as xsltproc and fop users expect.
 *
 * Exit status, for every command: 0 success, 1 the input has errors (or a
 * file could not be read or written), 2 usage error.
 */
#include "config.h"
#include "cli-impl.h"
#include "heap.h"
#include "pdfpost.h"    /* cocom_pdfcheck: not (yet) in the public interface */
#include "practices.h"  /* cocom_practices_is_ccg_code */
#include "text.h"       /* cocom_text_load_fontconfig */
#include <sys/stat.h>
#include <unistd.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COCOM_UNUSED_ARG(x) ((void)(x))

/* ------------------------------------------------------------------ */
/* cocom check                                                          */

static const char check_help[] =
    "Usage: cocom check [OPTION]... FILE...\n"
    "Check arrangements: well-formed XML, valid against the cocom schema,\n"
    "and within the national rules of co-commissioning.\n"
    "\n"
    "Each problem is printed as  FILE:LINE: error: MESSAGE  (or warning:);\n"
    "a finding of a national rule ends with [RULE-ID, source], the rule and\n"
    "the passage of the guidance it enforces ('cocom rules' lists them).\n"
    "Errors make the file fail; warnings are printed and do not.  A note says\n"
    "a rule could not be checked (an unstated number, a month for a date).\n"
    "A FILE may be '-' for standard input, or a sample folder holding\n"
    "arrangement.xml.\n"
    "\n"
    "Options:\n"
    "  -q, --quiet                do not print the closing summary line\n"
    "      --disable=RULE-ID      do not apply the national rule RULE-ID (repeatable)\n"
    COMMON_HELP
    EXIT_HELP;

static int cmd_check(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "check", NULL, 0};
    int quiet = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    int only_files = 0;
    const char **disabled = NULL;
    int ndisabled = 0;
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (only_files || s[0] != '-' || strcmp(s, "-") == 0) {
            files[nfiles++] = argv[a.i];
        } else if (strcmp(s, "--") == 0) {
            only_files = 1;
        } else if (cli_is_opt(&a, "help", 'h')) {
            fputs(check_help, stdout);
            free(disabled);
            free(files);
            return 0;
        } else if (cli_is_opt(&a, "quiet", 'q')) {
            quiet = 1;
        } else if (cli_is_opt(&a, "disable", 0)) {
            const char *id = cli_opt_value(&a);
            if (id) {
                disabled = cocom_xrealloc(disabled, (size_t)(ndisabled + 1) * sizeof *disabled);
                disabled[ndisabled++] = id;
            }
        } else if (!cli_common_option(&a, ctx)) {
            cli_usage_error(&a, "unknown option '%s'", s);
        }
    }
    if (!a.bad && nfiles == 0)
        cli_usage_error(&a, "%s", "no file to check");
    /* After the other options, so that --data-dir applies to the rules the
     * ids are looked up in. */
    for (int i = 0; i < ndisabled && !a.bad; i++) {
        CocomStatus st = cocom_context_disable_rule(ctx, disabled[i]);
        if (st == COCOM_STATUS_USAGE)
            cli_usage_error(&a, "there is no rule '%s' (see 'cocom rules')", disabled[i]);
        else if (st != COCOM_STATUS_OK) {
            free(disabled);
            free(files);
            return EXIT_INVALID;
        }
    }
    free(disabled);
    disabled = NULL;
    if (a.bad) {
        free(disabled);
        free(files);
        return EXIT_USAGE;
    }
    int failed = 0;
    for (int i = 0; i < nfiles; i++) {
        char *path = cli_arrangement_path(files[i]);
        if (cli_is_dir(files[i]) && access(path, F_OK) != 0) {
            fprintf(stderr, "%s: error: this is a folder, and it holds no arrangement.xml\n", files[i]);
            free(path);
            failed++;
            continue;
        }
        unsigned before = cocom_context_get_error_count(ctx);
        CocomStatus st = cocom_check_file(ctx, path);
        if (st != COCOM_STATUS_OK || cocom_context_get_error_count(ctx) > before)
            failed++;
        free(path);
    }
    if (!quiet) {
        unsigned w = cocom_context_get_warning_count(ctx);
        if (failed)
            fprintf(stderr, "cocom check: %d of %d file%s failed (%u error%s, %u warning%s)\n", failed, nfiles,
                    nfiles == 1 ? "" : "s", cocom_context_get_error_count(ctx),
                    cocom_context_get_error_count(ctx) == 1 ? "" : "s", w, w == 1 ? "" : "s");
        else
            fprintf(stderr, "cocom check: %d file%s valid (%u warning%s)\n", nfiles, nfiles == 1 ? "" : "s", w,
                    w == 1 ? "" : "s");
    }
    free(files);
    return failed ? EXIT_INVALID : 0;
}

/* ------------------------------------------------------------------ */
/* cocom rules                                                          */

static const char rules_help[] =
    "Usage: cocom rules [OPTION]...\n"
    "List the national rules that 'cocom check' applies after the schema:\n"
    "one line each, with the rule's id, its severity, the passage of the\n"
    "guidance it enforces and a summary.\n"
    "\n"
    "The rules are written in ISO Schematron in the data folder\n"
    "(stylesheets/rules/national-rules.sch) and compiled in process.  A rule\n"
    "is turned off with 'cocom check --disable=RULE-ID'.\n"
    "\n"
    "Options:\n"
    DATA_DIR_HELP
    EXIT_HELP;

static int cmd_rules(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "rules", NULL, 0};
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (cli_is_opt(&a, "help", 'h')) {
            fputs(rules_help, stdout);
            return 0;
        } else if (cli_data_dir_option(&a, ctx)) {
            continue;
        } else if (s[0] == '-') {
            cli_usage_error(&a, "unknown option '%s'", s);
        } else {
            cli_usage_error(&a, "takes no arguments ('%s')", s);
        }
    }
    if (a.bad)
        return EXIT_USAGE;
    const CocomRule *rules;
    size_t n;
    CocomStatus st = cocom_rules_list(ctx, &rules, &n);
    if (st != COCOM_STATUS_OK)
        return cli_status_to_exit(st);
    int wid = 2, wsrc = 6;
    for (size_t i = 0; i < n; i++) {
        int l = (int)strlen(rules[i].id);
        wid = l > wid ? l : wid;
        l = cli_utf8_width(rules[i].source);
        wsrc = l > wsrc ? l : wsrc;
    }
    printf("%-*s  %-8s  %s%*s  %s\n", wid, "ID", "SEVERITY", "SOURCE", wsrc - 6, "", "SUMMARY");
    for (size_t i = 0; i < n; i++) {
        int pad = wsrc - cli_utf8_width(rules[i].source);
        printf("%-*s  %-8s  %s%*s  %s\n", wid, rules[i].id,
               rules[i].severity == COCOM_SEVERITY_WARNING ? "warning" : "error", rules[i].source,
               pad, "", rules[i].summary);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* cocom render                                                         */

static const char render_help[] =
    "Usage: cocom render [OPTION]... IN.fo -o OUT.pdf\n"
    "  or:  cocom render [OPTION]... --xsl STYLE.xsl IN.xml -o OUT.pdf\n"
    "  or:  cocom render --format=html|docx MODEL.xml -o OUT\n"
    "Typeset an XSL-FO document into PDF (or PNG or SVG pages); or make a\n"
    "document of the document model (stylesheets/model/document.rng, what\n"
    "'cocom build' makes its HTML and DOCX from) into HTML or DOCX.\n"
    "IN may be '-' for standard input.  With --xsl, IN is transformed by the\n"
    "stylesheet first, in process, the way 'fop -xml IN -xsl STYLE' does.\n"
    "\n"
    "Options:\n"
    "  -o, --output=FILE          write the PDF to FILE (written whole, then renamed)\n"
    "      --xsl=STYLE            transform IN with the XSLT stylesheet STYLE first;\n"
    "                             STYLE is trusted, like xsltproc's: it and its imports\n"
    "                             are read from any local file; IN is not: its DTD and\n"
    "                             external entities are read only through the system's\n"
    "                             XML catalog (/etc/xml/catalog): DocBook 4's DTD\n"
    "      --param NAME VALUE     a parameter for the stylesheet, as a string (as fop\n"
    "                             -param and xsltproc --stringparam; repeatable), e.g.\n"
    "                             --param paper.type A4; NAME=VALUE also works\n"
    "      --stringparam NAME VALUE  the same as --param (xsltproc's name for it)\n"
    "      --fo=FILE              with --xsl: also write the XSL-FO it made to FILE;\n"
    "                             messages about the FO then point into FILE\n"
    "      --format=FORMAT        pdf (the default), or html or docx: IN is then a\n"
    "                             document of the document model, not XSL-FO\n"
    "      --png=DIR              write one PNG per page into DIR (page-0001.png ...)\n"
    "      --svg=DIR              write one SVG per page into DIR\n"
    "      --dpi=N                resolution of PNG pages (default 96)\n"
    "      --max-pages=N          stop with an error after N pages (default 10000)\n"
    "      --timeout=SECONDS      stop a stylesheet that runs longer (default 60)\n"
    COMMON_HELP
    "\nWarnings about unsupported FO elements and properties are given once per\n"
    "name, with FILE:LINE; the document is still made.\n"
    EXIT_HELP;

static volatile sig_atomic_t got_signal;
static CocomContext *signal_ctx;

static void on_signal(int sig)
{
    got_signal = sig;
    if (signal_ctx)
        cocom_context_interrupt(signal_ctx);
}

static void catch_signals(CocomContext *ctx)
{
    signal_ctx = ctx;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* A file-size limit (ulimit -f) must make the write fail, which
     * removes the partial file, rather than kill the process and leave it. */
    signal(SIGXFSZ, SIG_IGN);
}

static int cmd_render(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "render", NULL, 0};
    const char *input = NULL, *output = NULL, *xsl = NULL, *png = NULL, *svg = NULL, *fo_out = NULL, *format = NULL;
    const char **params = calloc(2 * (size_t)argc + 1, sizeof *params);   /* --param NAME=VALUE is two entries from one argument */
    int nparams = 0;
    long v;
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (s[0] != '-' || strcmp(s, "-") == 0) {
            if (input)
                cli_usage_error(&a, "more than one input given ('%s')", s);
            input = s;
        } else if (cli_is_opt(&a, "help", 'h')) {
            fputs(render_help, stdout);
            free(params);
            return 0;
        } else if (cli_is_opt(&a, "output", 'o')) {
            output = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "xsl", 0)) {
            xsl = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "param", 0) || cli_is_opt(&a, "stringparam", 0)) {
            cli_parse_param(&a, params, &nparams);
        } else if (cli_is_opt(&a, "fo", 0)) {
            fo_out = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "format", 0)) {
            format = cli_opt_value(&a);
            if (format && strcmp(format, "pdf") != 0 && strcmp(format, "html") != 0 && strcmp(format, "docx") != 0)
                cli_usage_error(&a, "--format: '%s' is not an output (pdf, html, docx)", format);
        } else if (cli_is_opt(&a, "png", 0)) {
            png = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "svg", 0)) {
            svg = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "dpi", 0)) {
            const char *s2 = cli_opt_value(&a);
            if (s2 && cli_parse_long(&a, s2, 1, 2400, &v))
                cocom_context_set_option(ctx, COCOM_OPTION_PNG_DPI, v);
        } else if (cli_is_opt(&a, "max-pages", 0)) {
            const char *s2 = cli_opt_value(&a);
            if (s2 && cli_parse_long(&a, s2, 1, 10000000, &v))
                cocom_context_set_option(ctx, COCOM_OPTION_MAX_PAGES, v);
        } else if (cli_is_opt(&a, "timeout", 0)) {
            const char *s2 = cli_opt_value(&a);
            if (s2 && cli_parse_long(&a, s2, 0, 86400, &v))
                cocom_context_set_option(ctx, COCOM_OPTION_TIMEOUT_SECONDS, v);
        } else if (!cli_common_option(&a, ctx)) {
            cli_usage_error(&a, "unknown option '%s'", s);
        }
    }
    if (!a.bad && !input)
        cli_usage_error(&a, "%s", "no input given");
    if (!a.bad && !output && !png && !svg)
        cli_usage_error(&a, "%s", "no output given: use -o OUT.pdf, --png DIR or --svg DIR");
    if (!a.bad && ((output != NULL) + (png != NULL) + (svg != NULL)) > 1)
        cli_usage_error(&a, "%s", "give only one of -o, --png and --svg");
    if (!a.bad && fo_out && !xsl)
        cli_usage_error(&a, "%s", "--fo writes the XSL-FO a stylesheet makes: it needs --xsl");
    int model = format && strcmp(format, "pdf") != 0;
    if (!a.bad && model && (xsl || png || svg || !output))
        cli_usage_error(&a, "--format %s makes one file from a document of the document model: give -o OUT, "
                    "and no --xsl, --png or --svg", format);
    int rc = EXIT_USAGE;
    if (!a.bad && model) {
        catch_signals(ctx);
        rc = cli_status_to_exit(cocom_render_model(ctx, input, format, output));
    } else if (!a.bad) {
        cocom_text_load_fontconfig();
        catch_signals(ctx);
        CocomFormat fmt = png ? COCOM_FORMAT_PNG : svg ? COCOM_FORMAT_SVG : COCOM_FORMAT_PDF;
        const char *out = png ? png : svg ? svg : output;
        int pages = 0;
        CocomStatus st = cocom_render_file_fo(ctx, input, xsl, nparams ? params : NULL, fo_out, fmt, out, &pages);
        rc = cli_status_to_exit(st);
        if (got_signal) {
            fprintf(stderr, "cocom render: interrupted; no output was written\n");
            rc = 128 + got_signal;
        }
    }
    cli_free_params(params, nparams);
    return rc;
}

/* ------------------------------------------------------------------ */
/* cocom build                                                          */

static const char build_help[] =
    "Usage: cocom build [OPTION]... ARRANGEMENT.xml|FOLDER...\n"
    "Make every document that applies to an arrangement: the Health and\n"
    "Wellbeing Board report, the proforma (annex A or B), the terms of reference\n"
    "of each committee, the practice ballot papers and the mandate summary.\n"
    "The arrangement is checked first; an error stops the build (warnings are\n"
    "printed).  A FOLDER stands for the arrangement.xml inside it.\n"
    "\n"
    "Each document is written to OUTDIR, named after what it is for:\n"
    "  the board          <board>-report-<date>.pdf\n"
    "  the committee      <committee>-terms-of-reference.pdf\n"
    "  the CCG            <ccg>-proforma-annex-a.pdf, <ccg>-ballot-papers.pdf …\n"
    "One line per file says where (and, for a PDF, how many pages).  The build\n"
    "is whole or nothing: when one document fails in any format, no file is\n"
    "written and the exit status is 1.\n"
    "\n"
    "Besides the PDF, --format makes <name>.html (one self-contained HTML5\n"
    "file, for a website) and <name>.docx (a Word document to edit) from the\n"
    "document model (stylesheets/model/).  A document whose stylesheet has not\n"
    "been split at the model yet cannot be made as HTML or DOCX: asking for it\n"
    "is an error, and nothing is written.\n"
    "\n"
    "Options:\n"
    "  -o, --output=OUTDIR        where to write (default: out/<sample>, the\n"
    "                             arrangement's folder name; with several\n"
    "                             arrangements, OUTDIR/<sample> each)\n"
    "      --only=LIST            only these kinds, separated by commas: report,\n"
    "                             proforma, terms-of-reference, ballot, mandate-summary\n"
    "      --format=LIST          the outputs, separated by commas: pdf, html, docx\n"
    "                             (default: pdf), e.g. --format pdf,html,docx\n"
    "      --fo                   also write each document's XSL-FO (<name>.fo);\n"
    "                             needs pdf among the formats\n"
    "      --param NAME VALUE     a string parameter for the stylesheets (repeatable),\n"
    "                             e.g. --param body.font.size 14pt\n"
    "      --as-at=DATE           make every document as the arrangement stood on\n"
    "                             DATE (YYYY-MM-DD or YYYY-MM) instead of its own date\n"
    "      --style=NAME           the house style of reports (city-of-wolverhampton,\n"
    "                             westminster-city-council), instead of the arrangement's\n"
    COMMON_HELP
    EXIT_HELP;

static void print_written(void *user, const char *kind, const char *path, int pages)
{
    COCOM_UNUSED_ARG(user);
    COCOM_UNUSED_ARG(kind);
    if (pages < 0)
        printf("wrote %s\n", path);      /* HTML, DOCX: no pages of cocom's */
    else
        printf("wrote %s (%d page%s)\n", path, pages, pages == 1 ? "" : "s");
    fflush(stdout);
}

/* YYYY-MM-DD, a day the calendar has, or YYYY-MM: its first day is one. */
static int is_date_or_month(const char *s)
{
    char day[11];
    if (strlen(s) == 7) {
        snprintf(day, sizeof day, "%s-01", s);
        s = day;
    }
    return cocom_is_date(s, 1);
}

static int cmd_build(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "build", NULL, 0};
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    const char **params = calloc(2 * (size_t)argc + 1, sizeof *params);   /* --param NAME=VALUE is two entries from one argument */
    int ninputs = 0, nparams = 0;
    const char *format_list = NULL;
    CocomBuildOptions opt;
    memset(&opt, 0, sizeof opt);
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (s[0] != '-' || strcmp(s, "-") == 0)
            inputs[ninputs++] = s;
        else if (cli_is_opt(&a, "help", 'h')) {
            fputs(build_help, stdout);
            free(inputs);
            cli_free_params(params, nparams);
            return 0;
        } else if (cli_is_opt(&a, "output", 'o'))
            opt.output_dir = cli_opt_value(&a);
        else if (cli_is_opt(&a, "only", 0))
            opt.only = cli_opt_value(&a);
        else if (cli_is_opt(&a, "fo", 0))
            opt.write_fo = 1;
        else if (cli_is_opt(&a, "format", 0))
            format_list = cli_opt_value(&a);
        else if (cli_is_opt(&a, "style", 0))
            opt.style = cli_opt_value(&a);
        else if (cli_is_opt(&a, "param", 0))
            cli_parse_param(&a, params, &nparams);
        else if (cli_is_opt(&a, "as-at", 0)) {
            /* The stylesheets' as-at parameter (base.xsl): each document
             * shows only what had happened by this date.  Checked here so
             * that a typo is a usage error, not a document that knows
             * everything because its date did not parse. */
            const char *d = cli_opt_value(&a);
            if (d && !is_date_or_month(d))
                cli_usage_error(&a, "--as-at: '%s' is not a date (YYYY-MM-DD or YYYY-MM)", d);
            else if (d) {
                params[nparams++] = strdup("as-at");
                params[nparams++] = strdup(d);
            }
        } else if (!cli_common_option(&a, ctx))
            cli_usage_error(&a, "unknown option '%s'", s);
    }
    if (!a.bad && ninputs == 0)
        cli_usage_error(&a, "%s", "no arrangement given");
    if (!a.bad && format_list) {
        char *list = strdup(format_list);
        for (char *save = NULL, *k = strtok_r(list, ", ", &save); k && !a.bad; k = strtok_r(NULL, ", ", &save)) {
            if (strcmp(k, "pdf") == 0)
                opt.formats |= COCOM_BUILD_PDF;
            else if (strcmp(k, "html") == 0)
                opt.formats |= COCOM_BUILD_HTML;
            else if (strcmp(k, "docx") == 0)
                opt.formats |= COCOM_BUILD_DOCX;
            else
                cli_usage_error(&a, "--format: '%s' is not an output (pdf, html, docx)", k);
        }
        free(list);
        if (!a.bad && !opt.formats)
            cli_usage_error(&a, "%s", "--format: no output given (pdf, html, docx)");
    }
    if (!a.bad && opt.write_fo && opt.formats && !(opt.formats & COCOM_BUILD_PDF))
        cli_usage_error(&a, "%s", "--fo writes the XSL-FO a PDF is made from: add pdf to --format");
    if (!a.bad && opt.only) {
        static const char *kinds[] = {"report", "proforma", "terms-of-reference", "ballot", "mandate-summary"};
        char *list = strdup(opt.only);
        for (char *save = NULL, *k = strtok_r(list, ", ", &save); k && !a.bad; k = strtok_r(NULL, ", ", &save)) {
            int ok = 0;
            for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
                ok |= strcmp(kinds[i], k) == 0;
            if (!ok)
                cli_usage_error(&a, "--only: '%s' is not a kind of document (report, proforma, terms-of-reference, "
                            "ballot, mandate-summary)", k);
        }
        free(list);
    }
    int rc = EXIT_USAGE;
    if (!a.bad) {
        if (!opt.formats || (opt.formats & COCOM_BUILD_PDF))
            cocom_text_load_fontconfig();
        catch_signals(ctx);
        opt.params = nparams ? params : NULL;
        opt.written = print_written;
        rc = 0;
        for (int i = 0; i < ninputs; i++) {
            char *path = cli_arrangement_path(inputs[i]);
            CocomBuildOptions one = opt;
            char *dir = NULL;
            if (opt.output_dir && ninputs > 1) {
                /* OUTDIR/<sample> for each of several arrangements. */
                char *copy = strdup(path);
                char *slash = strrchr(copy, '/');
                if (slash && strcmp(slash + 1, "arrangement.xml") == 0) {
                    *slash = '\0';
                    slash = strrchr(copy, '/');
                }
                const char *base = slash ? slash + 1 : copy;
                dir = cli_str_concat(opt.output_dir, "/");
                char *d2 = cli_str_concat(dir, base);
                free(dir);
                dir = d2;
                size_t n = strlen(dir);
                if (n > 4 && strcmp(dir + n - 4, ".xml") == 0)
                    dir[n - 4] = '\0';
                one.output_dir = dir;
                free(copy);
            }
            CocomStatus st = cocom_build(ctx, path, &one);
            if (st != COCOM_STATUS_OK)
                rc = cli_status_to_exit(st);
            free(dir);
            free(path);
            if (got_signal)
                break;
        }
        if (got_signal) {
            fprintf(stderr, "cocom build: interrupted; documents not finished were not written\n");
            rc = 128 + got_signal;
        }
    }
    free(inputs);
    cli_free_params(params, nparams);
    return rc;
}

/* ------------------------------------------------------------------ */
/* cocom pdfcheck                                                       */

static const char pdfcheck_help[] =
    "Usage: cocom pdfcheck [OPTION]... FILE.pdf...\n"
    "Check PDFs against the conditions of PDF/UA (ISO 14289-1) that a program\n"
    "can decide: the language and title are set and the title is shown; the\n"
    "file is tagged, and no text is drawn outside the tags or artifacts; every\n"
    "figure has alternative text; every table has header cells, each with a\n"
    "scope; every link is tagged and described; every font is embedded and\n"
    "maps to Unicode; every page's tab order follows the structure; the XMP\n"
    "metadata holds the title and claims PDF/UA.\n"
    "\n"
    "Each failing condition is printed as\n"
    "  FILE: error: MESSAGE [ID, Matterhorn checkpoint or ISO 14289-1 clause]\n"
    "What only a person can judge (reading order, whether alternative text\n"
    "is apt, whether furniture was rightly made an artifact) is not checked.\n"
    "\n"
    "Options:\n"
    "  -q, --quiet                do not print the closing summary line\n"
    "      --warnings-as-errors   count damage qpdf works around (warnings) as failures\n"
    "  -h, --help                 show this help and exit\n"
    "\nExit status: 0 every file meets every condition; 1 a condition fails, or\n"
    "a file could not be read; 2 usage error.\n";

static int cmd_pdfcheck(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "pdfcheck", NULL, 0};
    int quiet = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    int only_files = 0;
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (only_files || s[0] != '-') {
            files[nfiles++] = argv[a.i];
        } else if (strcmp(s, "--") == 0) {
            only_files = 1;
        } else if (cli_is_opt(&a, "help", 'h')) {
            fputs(pdfcheck_help, stdout);
            free(files);
            return 0;
        } else if (cli_is_opt(&a, "quiet", 'q')) {
            quiet = 1;
        } else if (cli_is_opt(&a, "warnings-as-errors", 0)) {
            cocom_context_set_warnings_as_errors(ctx, 1);
        } else {
            cli_usage_error(&a, "unknown option '%s'", s);
        }
    }
    if (!a.bad && nfiles == 0)
        cli_usage_error(&a, "%s", "no PDF to check");
    if (a.bad) {
        free(files);
        return EXIT_USAGE;
    }
    int failed = 0;
    for (int i = 0; i < nfiles; i++)
        if (cocom_pdfcheck(ctx, files[i]) != COCOM_STATUS_OK)
            failed++;
    if (!quiet) {
        unsigned e = cocom_context_get_error_count(ctx);
        if (failed)
            fprintf(stderr, "cocom pdfcheck: %d of %d file%s failed (%u error%s)\n", failed, nfiles,
                    nfiles == 1 ? "" : "s", e, e == 1 ? "" : "s");
        else
            fprintf(stderr, "cocom pdfcheck: %d file%s %s every check\n", nfiles, nfiles == 1 ? "" : "s",
                    nfiles == 1 ? "passes" : "pass");
    }
    free(files);
    return failed ? EXIT_INVALID : 0;
}

/* ------------------------------------------------------------------ */
/* cocom practices                                                      */

/* A CCG's ODS code, two digits and a letter of either case ("03F", "03f"). */
static int is_ccg_code(const char *s)
{
    char up[4];
    if (strlen(s) != 3)
        return 0;
    for (int i = 0; i < 4; i++)
        up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    return cocom_practices_is_ccg_code(up);
}

static const char practices_help[] =
    "Usage: cocom practices [OPTION]... EPRACCUR.csv --ccg CODE\n"
    "List a CCG's member practices from NHS Digital's GP practice list\n"
    "(epraccur.csv: no header row, 27 fields a row), as the <practices>\n"
    "element of an arrangement: every GP practice (prescribing setting 4)\n"
    "whose commissioner is the CCG with the ODS code CODE and which is active\n"
    "(status A), or with --as-at, which was open on that date.\n"
    "\n"
    "Without --into the element is printed, ready to paste into the CCG's\n"
    "<ccg>.  With --into it replaces that <ccg>'s <practices> in the\n"
    "arrangement (or is added), every other line kept as it was; a practice\n"
    "already listed keeps its id, contract and list size.  The result is\n"
    "checked against the schema first: on any error the file is not changed.\n"
    "\n"
    "The list gives names in capitals; cocom makes them readable (\"THE LIMES\n"
    "SURGERY\" becomes \"The Limes Surgery\", keeping GP, NHS, \"&\" and\n"
    "initials), which cannot always be right: check the names.  A row of\n"
    "another shape is an error at FILE:LINE, and nothing is written.\n"
    "\n"
    "Options:\n"
    "      --ccg=CODE             the CCG's ODS code (two digits and a letter, e.g. 03F)\n"
    "      --into=ARRANGEMENT     write the list into this arrangement's <ccg ods-code=\"CODE\">\n"
    "      --as-at=DATE           the practices open on DATE (YYYY-MM-DD), whatever\n"
    "                             their status now: a 2015 document needs 2015's\n"
    COMMON_HELP
    EXIT_HELP;

static int cmd_practices(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "practices", NULL, 0};
    const char *csv = NULL, *ccg = NULL, *into = NULL, *as_at = NULL;
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (s[0] != '-') {
            if (csv)
                cli_usage_error(&a, "more than one practice list given ('%s')", s);
            csv = s;
        } else if (cli_is_opt(&a, "help", 'h')) {
            fputs(practices_help, stdout);
            return 0;
        } else if (cli_is_opt(&a, "ccg", 0)) {
            ccg = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "into", 0)) {
            into = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "as-at", 0)) {
            as_at = cli_opt_value(&a);
            if (as_at && !cocom_is_date(as_at, 1))
                cli_usage_error(&a, "--as-at: '%s' is not a date (YYYY-MM-DD)", as_at);
        } else if (!cli_common_option(&a, ctx)) {
            cli_usage_error(&a, "unknown option '%s'", s);
        }
    }
    if (!a.bad && !csv)
        cli_usage_error(&a, "%s", "no practice list given (NHS Digital's epraccur.csv)");
    if (!a.bad && !ccg)
        cli_usage_error(&a, "%s", "no CCG given: --ccg CODE, the CCG's ODS code");
    if (!a.bad) {
        if (!is_ccg_code(ccg))
            cli_usage_error(&a, "--ccg: '%s' is not a CCG's ODS code (two digits and a letter, e.g. 03F)", ccg);
    }
    if (a.bad)
        return EXIT_USAGE;
    CocomPracticeList *list = NULL;
    CocomStatus st = cocom_practices_read(ctx, csv, ccg, as_at, &list);
    if (st != COCOM_STATUS_OK)
        return cli_status_to_exit(st);
    if (into) {
        st = cocom_practices_into(ctx, list, into);
        if (st == COCOM_STATUS_OK)
            fprintf(stderr, "cocom practices: wrote %zu practice%s of CCG %s into %s: check their names\n",
                    list->count, list->count == 1 ? "" : "s", list->ccg_code, into);
    } else {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "ccg-%c%c%c-", ccg[0], ccg[1], (char)(ccg[2] | 0x20));
        char *xml = cocom_practices_to_xml(list, prefix);
        fputs(xml, stdout);
        free(xml);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "cocom practices: cannot write to standard output: %s\n", strerror(errno));
            st = COCOM_STATUS_IO;
        }
    }
    cocom_practices_free(list);
    return cli_status_to_exit(st);
}

/* ------------------------------------------------------------------ */
/* cocom new                                                            */

static const char new_help[] =
    "Usage: cocom new --model MODEL --ccg \"NAME=CODE\" [--ccg ...] [--year YYYY/YY] [-o FILE]\n"
    "Write a starter arrangement for a co-commissioning model and its CCGs,\n"
    "with comments that say what each element is for.  It passes 'cocom check'\n"
    "as it is, with warnings that name what is left to fill in (look for\n"
    "\"FILL IN\" in the file), and 'cocom build' makes its documents.\n"
    "\n"
    "MODEL is one of:\n"
    "  joint                  the CCGs and NHS England in one joint committee\n"
    "  committees-in-common   a joint committee of each CCG with NHS England,\n"
    "                         the committees meeting in common under one\n"
    "                         meeting chair, each deciding for its own CCG\n"
    "                         (joint-form=\"committees-in-common\")\n"
    "  delegated              NHS England delegates the functions to each CCG's\n"
    "                         primary care commissioning committee\n"
    "  greater-involvement    the CCGs have a say in NHS England's decisions\n"
    "\n"
    "Member practices can then be added from NHS Digital's list with\n"
    "'cocom practices epraccur.csv --ccg CODE --into FILE'.\n"
    "\n"
    "Options:\n"
    "      --model=MODEL          the model (above)\n"
    "      --ccg=NAME=CODE        a CCG: its name and ODS code, e.g.\n"
    "                             --ccg \"NHS Testtown CCG=99A\" (repeat for each CCG)\n"
    "      --year=YYYY/YY         the financial year, one of those with national data\n"
    "                             (templates/functions-YYYY-YY.xml: 2015/16, 2016/17,\n"
    "                             2017/18); default 2015/16.  The starter starts on\n"
    "                             1 April of it and takes its deadlines from that data\n"
    "  -o, --output=FILE          write to FILE (default: standard output); written\n"
    "                             whole, then renamed\n"
    "      --force                replace FILE if it exists\n"
    DATA_DIR_HELP
    EXIT_HELP;

static int cmd_new(int argc, char **argv, CocomContext *ctx)
{
    Args a = {argc, argv, 1, "new", NULL, 0};
    const char *model = NULL, *output = NULL, *year = "2015/16";
    int force = 0;
    CocomNewCcg *ccgs = calloc((size_t)argc, sizeof *ccgs);
    char **owned = calloc((size_t)argc, sizeof *owned);
    size_t n = 0;
    for (; a.i < argc && !a.bad; a.i++) {
        const char *s = argv[a.i];
        if (cli_is_opt(&a, "help", 'h')) {
            fputs(new_help, stdout);
            free(ccgs);
            free(owned);
            return 0;
        } else if (cli_is_opt(&a, "model", 0)) {
            model = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "ccg", 0)) {
            const char *v = cli_opt_value(&a);
            const char *eq = v ? strrchr(v, '=') : NULL;
            if (v && !eq)
                cli_usage_error(&a, "--ccg: '%s' is not NAME=CODE, e.g. \"NHS Testtown CCG=99A\"", v);
            else if (v) {
                char *name = strndup(v, (size_t)(eq - v));
                char *code = strdup(eq + 1);
                for (char *p = code; *p; p++)
                    *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
                /* trim the name */
                char *nm = name;
                while (*nm == ' ')
                    nm++;
                for (size_t k = strlen(nm); k && nm[k - 1] == ' '; k--)
                    nm[k - 1] = '\0';
                if (!is_ccg_code(code))
                    cli_usage_error(&a, "--ccg: '%s' is not a CCG's ODS code (two digits and a letter, e.g. 03F)", eq + 1);
                else if (!*nm)
                    cli_usage_error(&a, "--ccg: '%s' gives no name before the '='", v);
                for (size_t j = 0; j < n && !a.bad; j++)
                    if (strcmp(ccgs[j].ods_code, code) == 0)
                        cli_usage_error(&a, "--ccg: the CCG %s is given twice", code);
                ccgs[n].name = nm;
                ccgs[n].ods_code = code;
                owned[n] = name;
                n++;
            }
        } else if (cli_is_opt(&a, "year", 0)) {
            const char *v = cli_opt_value(&a);
            if (v)
                year = v;
        } else if (cli_is_opt(&a, "output", 'o')) {
            output = cli_opt_value(&a);
        } else if (cli_is_opt(&a, "force", 0)) {
            force = 1;
        } else if (cli_data_dir_option(&a, ctx)) {
            continue;
        } else if (s[0] == '-') {
            cli_usage_error(&a, "unknown option '%s'", s);
        } else {
            cli_usage_error(&a, "takes no arguments ('%s'): give the CCGs with --ccg NAME=CODE", s);
        }
    }
    static const char *const models[] = {"joint", "committees-in-common", "delegated", "greater-involvement"};
    if (!a.bad && !model)
        cli_usage_error(&a, "%s", "no model given: --model joint|committees-in-common|delegated|greater-involvement");
    if (!a.bad) {
        int ok = 0;
        for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
            ok |= strcmp(models[i], model) == 0;
        if (!ok)
            cli_usage_error(&a, "--model: '%s' is not one of joint, committees-in-common, delegated, greater-involvement",
                        model);
    }
    if (!a.bad && n == 0)
        cli_usage_error(&a, "%s", "no CCG given: --ccg \"NAME=CODE\" for each CCG");
    int rc = EXIT_USAGE;
    if (!a.bad) {
        char *text = NULL;
        CocomStatus st = cocom_new_arrangement_for_year(ctx, model, year, ccgs, n, &text);
        if (st == COCOM_STATUS_OK && output) {
            st = cocom_new_write(ctx, output, text, force);
            if (st == COCOM_STATUS_OK)
                fprintf(stderr, "cocom new: wrote %s; fill in what it marks FILL IN, then 'cocom check %s'\n", output,
                        output);
        } else if (st == COCOM_STATUS_OK) {
            fputs(text, stdout);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                fprintf(stderr, "cocom new: cannot write to standard output: %s\n", strerror(errno));
                st = COCOM_STATUS_IO;
            }
        }
        free(text);
        rc = cli_status_to_exit(st);
    }
    for (size_t i = 0; i < n; i++) {
        free(owned[i]);
        free((char *)ccgs[i].ods_code);
    }
    free(owned);
    free(ccgs);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The command table                                                    */

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv, CocomContext *ctx);
    const char *summary;
    const char *help;
} Command;

static const Command commands[] = {
    {"check", cmd_check, "check arrangements against the schema and the national rules", check_help},
    {"build", cmd_build, "make every document of an arrangement (reports, proformas, terms of reference, ballots)",
     build_help},
    {"rules", cmd_rules, "list the national rules that check applies, with their sources", rules_help},
    {"render", cmd_render, "typeset an XSL-FO document (or XML through a stylesheet) into PDF or PNG", render_help},
    {"new", cmd_new, "write a starter arrangement for a model and its CCGs, to fill in", new_help},
    {"practices", cmd_practices, "list a CCG's member practices from NHS Digital's GP practice list (epraccur)",
     practices_help},
    {"pdfcheck", cmd_pdfcheck, "check PDFs against the machine-checkable conditions of PDF/UA", pdfcheck_help},
};

static void main_help(FILE *f)
{
    fputs("Usage: cocom COMMAND [OPTION]... [ARG]...\n"
          "Make the documents of a CCG's primary care co-commissioning arrangement\n"
          "from one XML description, typeset by cocom's own XSL-FO engine.\n"
          "\nCommands:\n", f);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nOptions:\n"
          "  -h, --help     show this help and exit\n"
          "  -V, --version  show the version and the data folder, and exit\n"
          "\nRun 'cocom COMMAND --help' for the options of a command.\n"
          EXIT_HELP, f);
}

int main(int argc, char **argv)
{
    cocom_heap_prepare();
    /* Cairo deflates each page's content as it writes it, and the
     * post-pass inflates it again to mark the page furniture, then
     * deflates it once more: the first deflate and the inflate are wasted
     * (4 % of a 200-section report's instructions, most of them on the
     * painter's thread, which is the one the run waits for).  Cairo 1.16
     * has no call for this, only its variable CAIRO_DEBUG_PDF, which clears
     * one flag of the PDF surface, the one that chooses whether content
     * streams, forms and font maps are deflated (nothing else changes:
     * the objects, inflated, are the same); the post-pass deflates every
     * stream it finds so (pdfstream.c, pass_stream).  Set here, before
     * any thread starts, and only by the command: a program that uses
     * libcocom keeps its environment, and cocom still reads Cairo's
     * compressed streams.  Not with COCOM_PDFPOST=0, whose PDF is Cairo's. */
    const char *post = getenv("COCOM_PDFPOST");
    if (!(post && strcmp(post, "0") == 0) && !getenv("CAIRO_DEBUG_PDF"))
        setenv("CAIRO_DEBUG_PDF", "1", 0);
    if (argc < 2) {
        main_help(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2 && strcmp(cmd, "help") == 0)
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (strcmp(commands[i].name, argv[2]) == 0) {
                    fputs(commands[i].help, stdout);
                    return 0;
                }
        main_help(stdout);
        return 0;
    }
    CocomContext *ctx = cocom_context_create();
    if (!ctx) {
        fputs("cocom: out of memory\n", stderr);
        return EXIT_INVALID;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("cocom %s\nData folder: %s\n", COCOM_VERSION_STRING, cocom_context_get_data_dir(ctx));
        cocom_context_destroy(ctx);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, cmd) == 0) {
            int rc = commands[i].run(argc - 1, argv + 1, ctx);
            cocom_context_destroy(ctx);
            return rc;
        }
    }
    fprintf(stderr, "cocom: unknown command '%s'\nTry 'cocom --help' for the list of commands.\n", cmd);
    cocom_context_destroy(ctx);
    return EXIT_USAGE;
}

