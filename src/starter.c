/* starter.c — `cocom new`: a starter arrangement from a template.
 *
 * The starters are data (templates/new/<model>.xml in the data folder), so
 * a wording or an element is changed without touching C.  The template
 * language is deliberately tiny (templates/README.md):
 *   - a line holding only <!--@each ccg--> starts a block that ends at a
 *     line holding only <!--@end-->; the block is written once per CCG;
 *   - @ccg-id@, @ccg-name@, @ccg-ods@ stand for the CCG's values inside a
 *     block; @ccg-names@ ("A CCG, B CCG and C CCG"), @ccg-ids@ (the ids
 *     separated by spaces) and @ccg-committee-ids@ (each id followed by
 *     "-committee") anywhere;
 *   - @year@ ("2016/17"), @start-date@ (1 April of it, "2016-04-01") and
 *     @report-date@ (1 March before it, "2016-03-01") anywhere: the year
 *     is `cocom new --year`'s, and its deadlines are not in the starter
 *     but in the year's national data (templates/functions-YYYY-YY.xml).
 * Values are escaped for XML.  An unknown placeholder, or a block left
 * open, is an error at the template's FILE:LINE: a broken template must
 * not make a plausible starter.
 */
#include "config.h"
#include "practices.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load.h"

static const char *const models[] = {"joint", "committees-in-common", "delegated", "greater-involvement"};


/* An XML id from a CCG's name: "NHS Croydon CCG" -> "nhs-croydon-ccg". */
static char *id_from_name(const char *name, const char *ods)
{
    CocomBuf b = {0};
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c))
            cocom_buf_putc(&b, (char)tolower(c));
        else if (b.len && b.data[b.len - 1] != '-')
            cocom_buf_putc(&b, '-');
    }
    while (b.len && b.data[b.len - 1] == '-')
        b.data[--b.len] = '\0';
    if (b.len == 0) {
        cocom_buf_free(&b);
        char *id = cocom_xasprintf("ccg-%s", ods);
        for (char *p = id; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        return id;
    }
    if (isdigit((unsigned char)b.data[0])) {
        char *id = cocom_xasprintf("ccg-%s", b.data);
        cocom_buf_free(&b);
        return id;
    }
    return cocom_buf_steal(&b);
}

/* One line of the template with its placeholders filled; ccg is -1
 * outside a block.  Returns 0 after reporting an unknown placeholder. */
static int fill_line(CocomContext *ctx, const char *file, long lineno, const char *line, size_t len, CocomBuf *out,
                     const CocomNewCcg *ccgs, char **ids, size_t n, long ccg, const char *year)
{
    int first = atoi(year);     /* 2016 of "2016/17", checked by the caller */
    size_t i = 0;
    while (i < len) {
        if (line[i] != '@') {
            cocom_buf_putc(out, line[i++]);
            continue;
        }
        const char *end = memchr(line + i + 1, '@', len - i - 1);
        size_t k = end ? (size_t)(end - line) - i - 1 : 0;
        const char *name = line + i + 1;
        int ok = 1;
        if (end && k == 6 && strncmp(name, "ccg-id", k) == 0 && ccg >= 0)
            cocom_buf_put_escaped(out, ids[ccg]);
        else if (end && k == 8 && strncmp(name, "ccg-name", k) == 0 && ccg >= 0)
            cocom_buf_put_escaped(out, ccgs[ccg].name);
        else if (end && k == 7 && strncmp(name, "ccg-ods", k) == 0 && ccg >= 0)
            cocom_buf_put_escaped(out, ccgs[ccg].ods_code);
        else if (end && k == 9 && strncmp(name, "ccg-names", k) == 0) {
            for (size_t j = 0; j < n; j++) {
                if (j)
                    cocom_buf_puts(out, j + 1 == n ? " and " : ", ");
                cocom_buf_put_escaped(out, ccgs[j].name);
            }
        } else if (end && ((k == 7 && strncmp(name, "ccg-ids", k) == 0) ||
                           (k == 17 && strncmp(name, "ccg-committee-ids", k) == 0))) {
            for (size_t j = 0; j < n; j++) {
                if (j)
                    cocom_buf_putc(out, ' ');
                cocom_buf_put_escaped(out, ids[j]);
                if (k == 17)
                    cocom_buf_puts(out, "-committee");
            }
        } else if (end && k == 4 && strncmp(name, "year", k) == 0) {
            cocom_buf_put_escaped(out, year);
        } else if (end && k == 10 && strncmp(name, "start-date", k) == 0) {
            cocom_buf_printf(out, "%04d-04-01", first);
        } else if (end && k == 11 && strncmp(name, "report-date", k) == 0) {
            cocom_buf_printf(out, "%04d-03-01", first);
        } else if (end && k > 0 && k < 40 && (isalpha((unsigned char)name[0]))) {
            ok = 0;
        } else {
            cocom_buf_putc(out, line[i++]);   /* an @ that is just an @ */
            continue;
        }
        if (!ok) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, file, lineno,
                         "the template has the placeholder @%.*s@, which %s", (int)k, name,
                         ccg < 0 && strncmp(name, "ccg-", 4) == 0 ? "stands for one CCG: use it inside <!--@each ccg-->"
                                                                 : "cocom does not know");
            return 0;
        }
        i += k + 2;
    }
    return 1;
}

/* Does the line (without its end) hold only this marker, and spaces? */
static int is_marker(const char *line, size_t len, const char *marker)
{
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    return len == strlen(marker) && memcmp(line, marker, len) == 0;
}

CocomStatus cocom_new_arrangement(CocomContext *ctx, const char *model, const CocomNewCcg *ccgs, size_t n,
                                  char **text)
{
    return cocom_new_arrangement_for_year(ctx, model, "2015/16", ccgs, n, text);
}

/* "2016/17": four digits, a slash, and the next year's last two. */
static int is_financial_year(const char *y)
{
    if (strlen(y) != 7 || y[4] != '/')
        return 0;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)y[i]))
            return 0;
    return (atoi(y) + 1) % 100 == atoi(y + 5);
}

CocomStatus cocom_new_arrangement_for_year(CocomContext *ctx, const char *model, const char *year,
                                           const CocomNewCcg *ccgs, size_t n, char **text)
{
    *text = NULL;
    if (!year || !is_financial_year(year)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "'%s' is not a financial year written as the NHS writes it, such as 2016/17", year ? year : "");
        return COCOM_STATUS_USAGE;
    }
    /* A starter for a year with no national data would be refused by its
     * first check: say so now, with the years there are. */
    if (!cocom_check_year_known(ctx, year)) {
        char *known = cocom_check_known_years(ctx);
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "there is no national data for %s (its functions table and application round); "
                     "the years there are: %s", year, known);
        free(known);
        return COCOM_STATUS_USAGE;
    }
    int known = 0;
    for (size_t i = 0; i < COCOM_ARRAY_LEN(models); i++)
        known |= strcmp(models[i], model) == 0;
    if (!known) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                     "'%s' is not a model (joint, committees-in-common, delegated, greater-involvement)", model);
        return COCOM_STATUS_USAGE;
    }
    if (n == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "an arrangement needs at least one CCG");
        return COCOM_STATUS_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        const char *c = ccgs[i].ods_code;
        if (!cocom_practices_is_ccg_code(c)) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0,
                         "'%s' is not a CCG's ODS code (two digits and a capital letter, e.g. 03F)", c);
            return COCOM_STATUS_USAGE;
        }
        if (!*ccgs[i].name) {
            cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "the CCG %s has no name", c);
            return COCOM_STATUS_USAGE;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(ccgs[j].ods_code, c) == 0) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "the CCG %s is given twice", c);
                return COCOM_STATUS_USAGE;
            }
    }
    char *rel = cocom_xasprintf("templates/new/%s.xml", model);
    char *path = cocom_data_path(ctx, rel);
    free(rel);
    size_t len = 0;
    char *data = cocom_read_file(path, (size_t)ctx->options[COCOM_OPTION_MAX_INPUT_BYTES], &len);
    if (!data) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot read the starter template: %s",
                     cocom_load_errno_text(errno));
        free(path);
        return COCOM_STATUS_IO;
    }
    /* ids, unique among themselves */
    char **ids = cocom_xcalloc(n, sizeof *ids);
    for (size_t i = 0; i < n; i++) {
        ids[i] = id_from_name(ccgs[i].name, ccgs[i].ods_code);
        for (size_t j = 0; j < i; j++)
            if (strcmp(ids[i], ids[j]) == 0) {
                char *again = cocom_xasprintf("%s-%s", ids[i], ccgs[i].ods_code);
                for (char *p = again; *p; p++)
                    *p = (char)tolower((unsigned char)*p);
                free(ids[i]);
                ids[i] = again;
                break;
            }
    }

    CocomBuf out = {0};
    CocomStatus st = COCOM_STATUS_OK;
    long lineno = 0, block_line = 0;
    size_t block_start = 0;   /* the first line of the block being read */
    size_t pos = 0;
    while (pos < len && st == COCOM_STATUS_OK) {
        const char *line = data + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t k = nl ? (size_t)(nl - line) + 1 : len - pos;
        size_t body = nl ? k - 1 : k;
        pos += k;
        lineno++;
        if (is_marker(line, body, "<!--@each ccg-->")) {
            if (block_line) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, path, lineno, "a block inside the block of line %ld", block_line);
                st = COCOM_STATUS_INVALID;
            }
            block_line = lineno;
            block_start = pos;
            continue;
        }
        if (is_marker(line, body, "<!--@end-->")) {
            if (!block_line) {
                cocom_report(ctx, COCOM_SEVERITY_ERROR, path, lineno, "<!--@end--> without <!--@each ccg-->");
                st = COCOM_STATUS_INVALID;
                break;
            }
            size_t block_end = (size_t)(line - data);
            for (size_t c = 0; c < n && st == COCOM_STATUS_OK; c++) {
                long bl = block_line;
                for (size_t p = block_start; p < block_end && st == COCOM_STATUS_OK;) {
                    const char *l2 = data + p;
                    const char *nl2 = memchr(l2, '\n', block_end - p);
                    size_t k2 = nl2 ? (size_t)(nl2 - l2) + 1 : block_end - p;
                    if (!fill_line(ctx, path, ++bl, l2, k2, &out, ccgs, ids, n, (long)c, year))
                        st = COCOM_STATUS_INVALID;
                    p += k2;
                }
            }
            block_line = 0;
            continue;
        }
        if (block_line)
            continue;   /* written at the block's end */
        if (!fill_line(ctx, path, lineno, line, k, &out, ccgs, ids, n, -1, year))
            st = COCOM_STATUS_INVALID;
    }
    if (st == COCOM_STATUS_OK && block_line) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, block_line, "the block that starts here has no <!--@end-->");
        st = COCOM_STATUS_INVALID;
    }
    /* A starter that is not even valid is the template's fault: say so
     * here rather than leave it to the user's first check. */
    if (st == COCOM_STATUS_OK) {
        st = cocom_check_schema_text(ctx, out.data, out.len, path, "a starter arrangement");
        if (st != COCOM_STATUS_OK)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                         "the starter template makes an arrangement that is not valid (above); nothing was written");
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(data);
    free(path);
    if (st != COCOM_STATUS_OK) {
        cocom_buf_free(&out);
        return st;
    }
    *text = cocom_buf_steal(&out);
    return COCOM_STATUS_OK;
}

CocomStatus cocom_new_write(CocomContext *ctx, const char *path, const char *text, int force)
{
    static const char exists[] = "the file exists; give --force to replace it";
    if (!force && access(path, F_OK) == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "%s", exists);
        return COCOM_STATUS_IO;
    }
    size_t len = strlen(text);
    if ((force ? cocom_write_file_atomic(path, text, len) : cocom_write_file_new(path, text, len)) != 0) {
        if (errno == EEXIST)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "%s", exists);
        else
            cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot write the file: %s", strerror(errno));
        return COCOM_STATUS_IO;
    }
    return COCOM_STATUS_OK;
}
