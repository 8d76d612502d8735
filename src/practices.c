/* practices.c — reading NHS Digital's GP practice list (epraccur) and
 * choosing one CCG's practices from it.
 *
 * The file is read whole (it is a few megabytes; the context's input-size
 * limit applies) and checked row by row: every row must have the published
 * shape, not only the rows chosen, because a file of another shape (a
 * different NHS Digital extract, a spreadsheet's export with a header)
 * would otherwise yield a plausible, wrong list.  Quoted fields follow RFC
 * 4180 except that a quoted field may not run over a line: epraccur has
 * none, and a quote left open is far more often a broken file.
 */
#include "config.h"
#include "practices.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

/* After this many problems the rest of the file is not read: one broken
 * file should not print twelve thousand lines. */
#define MAX_REPORTED 20

int cocom_practices_is_code(const char *s)
{
    if (!s || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    for (int i = 1; i < 6; i++)
        if (!(s[i] >= '0' && s[i] <= '9'))
            return 0;
    return s[6] == '\0';
}

int cocom_practices_is_ccg_code(const char *s)
{
    return strlen(s) == 3 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
           s[2] >= 'A' && s[2] <= 'Z';
}

/* --- readable names ------------------------------------------------------ */

/* Kept in capitals wherever they appear. */
static const char *const acronyms[] = {
    "GP", "GPS", "NHS", "CCG", "PCT", "PCN", "UK", "LLP", "PMS", "GMS", "APMS", "HMP", "HMYOI", "YOI",
    "IRC", "MOD", "RAF", "HQ", "WIC", "UCC", "OOH", "II", "III", "IV",
};
/* Small after the first word: "Newcastle upon Tyne", "The Surgery at the Limes". */
static const char *const small_words[] = {
    "and", "of", "the", "at", "on", "in", "upon", "by", "for", "with", "under", "de", "le", "la",
};

static int in_list(const char *const *list, size_t n, const char *w, size_t len, int fold)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len &&
            (fold ? strncasecmp(list[i], w, len) == 0 : strncmp(list[i], w, len) == 0))
            return 1;
    return 0;
}

/* One run of letters and digits (a part of a word between hyphens,
 * apostrophes, dots, brackets). */
static void case_part(CocomBuf *b, const char *w, size_t len, int first_of_name, char before)
{
    int letters = 0;
    for (size_t i = 0; i < len; i++)
        letters += isalpha((unsigned char)w[i]) != 0;
    if (letters == 0 || in_list(acronyms, COCOM_ARRAY_LEN(acronyms), w, len, 0) ||
        (len == 1 && before != '\'')) {
        /* numbers, acronyms and initials ("DR A B SMITH", "A.B.") stay */
        cocom_buf_append(b, w, len);
        return;
    }
    if (before == '\'' && len == 1) {
        /* "ST JOHN'S" -> "St John's" */
        cocom_buf_putc(b, (char)tolower((unsigned char)w[0]));
        return;
    }
    int small = !first_of_name && in_list(small_words, COCOM_ARRAY_LEN(small_words), w, len, 1);
    int seen_letter = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (isalpha(c)) {
            /* "1ST" -> "1st": only a leading letter is a capital */
            int cap = !small && !seen_letter && !isdigit((unsigned char)w[0]);
            cocom_buf_putc(b, (char)(cap ? toupper(c) : tolower(c)));
            seen_letter = 1;
        } else {
            cocom_buf_putc(b, (char)c);
        }
    }
}

char *cocom_practices_title_case(const char *s)
{
    for (const char *p = s; *p; p++)
        if (islower((unsigned char)*p))
            return cocom_xstrdup(s);   /* someone has already cased it */
    CocomBuf b = {0};
    int first = 1;
    char before = ' ';
    const char *p = s;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c >= 0x80) {
            const char *start = p;
            while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
                p++;
            case_part(&b, start, (size_t)(p - start), first, before);
            first = 0;
            before = 'a';
        } else {
            /* A word after a bracket, a slash or a comma starts afresh
             * ("(DR JONES)", "LIMES SURGERY, THE"); runs of spaces
             * become one. */
            if (!(c == ' ' && (b.len == 0 || b.data[b.len - 1] == ' ')))
                cocom_buf_putc(&b, (char)c);
            if (c == '(' || c == '/' || c == ',')
                first = 1;
            before = (char)c;
            p++;
        }
    }
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    if (!b.data)
        return cocom_xstrdup("");
    return cocom_buf_steal(&b);
}

char *cocom_practices_read_file(CocomContext *ctx, const char *path, const char *what, size_t *len,
                                CocomStatus *status)
{
    size_t max = (size_t)ctx->options[COCOM_OPTION_MAX_INPUT_BYTES];
    char *data = cocom_read_file(path, max, len);
    if (data)
        return data;
    int e = errno;
    if (e == EFBIG) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0,
                     "the file is larger than the limit of %zu bytes%s%s (see --max-input-size)", max,
                     what ? " for " : "", what ? what : "");
        *status = COCOM_STATUS_LIMIT;
    } else {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, path, 0, "cannot read the file: %s", cocom_load_errno_text(e));
        *status = e == EISDIR ? COCOM_STATUS_INVALID : COCOM_STATUS_IO;
    }
    return NULL;
}

/* --- the CSV reader -------------------------------------------------------- */

typedef struct {
    CocomContext *ctx;
    const char *file;
    int problems;
} Reader;

static void problem(Reader *r, long line, const char *fmt, ...) COCOM_PRINTF(3, 4);
static void problem(Reader *r, long line, const char *fmt, ...)
{
    r->problems++;
    if (r->problems > MAX_REPORTED)
        return;
    va_list ap;
    va_start(ap, fmt);
    cocom_vreport(r->ctx, COCOM_SEVERITY_ERROR, r->file, line, NULL, NULL, fmt, ap);
    va_end(ap);
}

/* Is [s, s+n) well-formed UTF-8 with no control characters (a tab
 * aside)?  Names go into XML, which cannot hold them. */
static const char *bad_text(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t')
                return "a control character";
            if (c == 0x7f)
                return "a control character";
            i++;
            continue;
        }
        size_t k = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
        if (k == 0 || i + k >= n)
            return "bytes that are not UTF-8 text";
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return "bytes that are not UTF-8 text";
        i += k + 1;
    }
    return NULL;
}

/* Splits one line (without its end) into fields, unquoting; returns the
 * number of fields, or -1 after reporting why the line cannot be split.
 * The fields point into `work`, which must hold len + 1 bytes. */
static int split_fields(Reader *r, long lineno, const char *line, size_t len, char *work, char **fields,
                        int max_fields)
{
    int n = 0;
    size_t i = 0, w = 0;
    for (;;) {
        if (n == max_fields) {
            /* count the rest, for the message */
            int more = 1;
            int q = 0;
            for (; i < len; i++) {
                if (line[i] == '"')
                    q = !q;
                else if (line[i] == ',' && !q)
                    more++;
            }
            problem(r, lineno, "the row has %d fields, and epraccur has %d: this is not NHS Digital's GP practice list",
                    n + more, max_fields);
            return -1;
        }
        fields[n] = work + w;
        if (i < len && line[i] == '"') {
            size_t open = i++;
            for (;;) {
                if (i >= len) {
                    problem(r, lineno, "field %d: the quote opened at column %zu is never closed", n + 1, open + 1);
                    return -1;
                }
                if (line[i] == '"') {
                    if (i + 1 < len && line[i + 1] == '"') {
                        work[w++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                work[w++] = line[i++];
            }
            if (i < len && line[i] != ',') {
                problem(r, lineno, "field %d: text after its closing quote (column %zu)", n + 1, i + 1);
                return -1;
            }
        } else {
            while (i < len && line[i] != ',') {
                if (line[i] == '"') {
                    problem(r, lineno, "field %d: a quote inside a field that does not start with one (column %zu)",
                            n + 1, i + 1);
                    return -1;
                }
                work[w++] = line[i++];
            }
        }
        /* epraccur pads nothing, but spreadsheets do */
        while (work + w > fields[n] && work[w - 1] == ' ')
            w--;
        work[w++] = '\0';
        while (*fields[n] == ' ')
            fields[n]++;
        n++;
        if (i >= len)
            return n;
        i++;   /* the comma */
    }
}

/* YYYYMMDD to YYYY-MM-DD. */
static void iso_date(char out[11], const char *ymd)
{
    if (!*ymd) {
        out[0] = '\0';
        return;
    }
    memcpy(out, ymd, 4);
    out[4] = '-';
    memcpy(out + 5, ymd + 4, 2);
    out[7] = '-';
    memcpy(out + 8, ymd + 6, 2);
    out[10] = '\0';
}

void cocom_practices_free(CocomPracticeList *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].name);
    free(list->items);
    free(list->ccg_code);
    free(list->as_at);
    free(list->source);
    free(list);
}

/* Checks one row's fields; returns 1 when it has the published shape. */
static int row_ok(Reader *r, long lineno, char **f)
{
    int ok = 1;
    if (!cocom_practices_is_code(f[0])) {
        problem(r, lineno, "field 1 '%.40s' is not a practice's ODS code (a capital letter and five digits)%s", f[0],
                lineno == 1 ? "; epraccur has no header row, so this file is of another shape" : "");
        return 0;   /* the rest would only repeat it */
    }
    if (!*f[1]) {
        problem(r, lineno, "practice %s has no name (field 2)", f[0]);
        ok = 0;
    }
    static const int date_fields[] = {11, 12, 16, 17};
    for (size_t k = 0; k < COCOM_ARRAY_LEN(date_fields); k++) {
        const char *d = f[date_fields[k] - 1];
        if ((*d || date_fields[k] == 11) && !cocom_is_date(d, 0)) {
            problem(r, lineno, "practice %s: field %d '%.20s' is not a date (YYYYMMDD)%s", f[0], date_fields[k], d,
                    date_fields[k] == 11 ? " (the open date, which every practice has)" : "");
            ok = 0;
        }
    }
    if (strlen(f[12]) != 1 || !strchr("ACDP", f[12][0])) {
        problem(r, lineno, "practice %s: field 13 '%.20s' is not a status (A active, C closed, D dormant, P proposed)",
                f[0], f[12]);
        ok = 0;
    }
    const char *commissioner = *f[14] ? f[14] : f[23];
    if (*commissioner && !(strlen(commissioner) >= 3 && strlen(commissioner) <= 5)) {
        problem(r, lineno, "practice %s: the commissioner '%.20s' (field %d) is not an ODS code", f[0],
                commissioner, *f[14] ? 15 : 24);
        ok = 0;
    }
    const char *setting = f[25];
    int digits = *setting != '\0' && strlen(setting) <= 2;
    for (const char *p = setting; *p; p++)
        digits &= isdigit((unsigned char)*p) != 0;
    if (!digits) {
        problem(r, lineno, "practice %s: field 26 '%.20s' is not a prescribing setting (a number; 4 is a GP practice)",
                f[0], setting);
        ok = 0;
    }
    return ok;
}

CocomStatus cocom_practices_read(CocomContext *ctx, const char *csv_path, const char *ccg_code, const char *as_at,
                                 CocomPracticeList **out)
{
    *out = NULL;
    char code[4];
    if (!ccg_code || strlen(ccg_code) != 3) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "'%s' is not a CCG's ODS code (two digits and a letter, e.g. 03F)",
                     ccg_code ? ccg_code : "");
        return COCOM_STATUS_USAGE;
    }
    for (int i = 0; i < 4; i++)
        code[i] = (char)toupper((unsigned char)ccg_code[i]);
    if (!cocom_practices_is_ccg_code(code)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "'%s' is not a CCG's ODS code (two digits and a letter, e.g. 03F)",
                     ccg_code);
        return COCOM_STATUS_USAGE;
    }
    if (as_at && !cocom_is_date(as_at, 1)) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, NULL, 0, "'%s' is not a date (YYYY-MM-DD)", as_at);
        return COCOM_STATUS_USAGE;
    }
    char as_at8[9] = "";
    if (as_at) {
        memcpy(as_at8, as_at, 4);
        memcpy(as_at8 + 4, as_at + 5, 2);
        memcpy(as_at8 + 6, as_at + 8, 2);
        as_at8[8] = '\0';
    }

    size_t len = 0;
    CocomStatus rst;
    char *data = cocom_practices_read_file(ctx, csv_path, NULL, &len, &rst);
    if (!data)
        return rst;

    Reader r = {ctx, csv_path, 0};
    CocomPracticeList *list = cocom_xcalloc(1, sizeof *list);
    list->ccg_code = cocom_xstrdup(code);
    list->as_at = as_at ? cocom_xstrdup(as_at) : NULL;
    list->source = cocom_xstrdup(csv_path);
    size_t cap = 0;
    CocomStatus st = COCOM_STATUS_OK;
    char *work = cocom_xmalloc(COCOM_PRACTICES_MAX_LINE + 1);
    char *fields[COCOM_PRACTICES_COLUMNS];
    CocomMap seen = {0};           /* chosen codes -> their line */
    long rows = 0, lineno = 0;
    long for_ccg = 0;              /* GP rows of this CCG, chosen or not */
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;                   /* a byte-order mark from a spreadsheet */
    while (pos < len && r.problems <= MAX_REPORTED) {
        const char *line = data + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl != NULL);
        lineno++;
        if (n && line[n - 1] == '\r')
            n--;
        if (n == 0)
            continue;              /* blank lines, such as one at the end */
        if (n > COCOM_PRACTICES_MAX_LINE) {
            problem(&r, lineno, "the line is %zu bytes long, over the limit of %d: this is not NHS Digital's GP practice list",
                    n, COCOM_PRACTICES_MAX_LINE);
            st = COCOM_STATUS_LIMIT;
            break;
        }
        if (++rows > COCOM_PRACTICES_MAX_ROWS) {
            problem(&r, lineno, "more than %d rows: over the limit for a practice list", COCOM_PRACTICES_MAX_ROWS);
            st = COCOM_STATUS_LIMIT;
            break;
        }
        const char *why = bad_text((const unsigned char *)line, n);
        if (why) {
            problem(&r, lineno, "the row holds %s", why);
            continue;
        }
        int nf = split_fields(&r, lineno, line, n, work, fields, COCOM_PRACTICES_COLUMNS);
        if (nf < 0)
            continue;
        if (nf != COCOM_PRACTICES_COLUMNS) {
            problem(&r, lineno, "the row has %d field%s, and epraccur has %d: this is not NHS Digital's GP practice list%s",
                    nf, nf == 1 ? "" : "s", COCOM_PRACTICES_COLUMNS,
                    lineno == 1 ? " (it has no header row)" : "");
            continue;
        }
        if (!row_ok(&r, lineno, fields) || r.problems)
            continue;              /* after a problem, only look for more */
        const char *commissioner = *fields[14] ? fields[14] : fields[23];
        if (strcmp(fields[25], "4") != 0 || strcasecmp(commissioner, code) != 0)
            continue;
        for_ccg++;
        int chosen = as_at ? strcmp(fields[10], as_at8) <= 0 && (!*fields[11] || strcmp(fields[11], as_at8) > 0)
                           : fields[12][0] == 'A';
        if (!chosen)
            continue;
        intptr_t first;
        if (cocom_map_get(&seen, fields[0], &first)) {
            problem(&r, lineno, "practice %s is listed twice (first at line %ld)", fields[0], (long)first);
            continue;
        }
        cocom_map_set(&seen, fields[0], (intptr_t)lineno);
        COCOM_GROW(list->items, cap, list->count + 1);
        CocomPractice *p = &list->items[list->count++];
        memset(p, 0, sizeof *p);
        memcpy(p->ods_code, fields[0], 7);
        p->name = cocom_practices_title_case(fields[1]);
        p->status = fields[12][0];
        iso_date(p->open_date, fields[10]);
        iso_date(p->close_date, fields[11]);
        p->line = lineno;
    }
    if (r.problems > MAX_REPORTED)
        cocom_report(ctx, COCOM_SEVERITY_ERROR, csv_path, 0, "%d more problems not shown", r.problems - MAX_REPORTED);
    if (st == COCOM_STATUS_OK && r.problems)
        st = COCOM_STATUS_INVALID;
    if (st == COCOM_STATUS_OK && rows == 0) {
        cocom_report(ctx, COCOM_SEVERITY_ERROR, csv_path, lineno ? lineno : 1,
                     "the file holds no rows: NHS Digital's GP practice list has one per practice");
        st = COCOM_STATUS_INVALID;
    } else if (st == COCOM_STATUS_OK && list->count == 0) {
        if (for_ccg)
            cocom_report(ctx, COCOM_SEVERITY_ERROR, csv_path, lineno,
                         "none of the %ld GP practices of CCG %s in the file %s (read to this, the last line)",
                         for_ccg, code, as_at ? "was open on that date" : "is active (status A); try --as-at DATE");
        else
            cocom_report(ctx, COCOM_SEVERITY_ERROR, csv_path, lineno,
                         "no GP practice (prescribing setting 4) has the commissioner %s (read to this, the last "
                         "line): is the CCG's code right?", code);
        st = COCOM_STATUS_INVALID;
    }
    cocom_map_clear(&seen);
    free(work);
    free(data);
    if (st != COCOM_STATUS_OK) {
        cocom_practices_free(list);
        return st;
    }
    *out = list;
    return COCOM_STATUS_OK;
}

/* --- the element ----------------------------------------------------------- */


void cocom_practices_put_source(CocomBuf *b, const CocomPracticeList *list)
{
    const char *slash = strrchr(list->source, '/');
    cocom_buf_puts(b, "<!-- from ");
    /* the file's name, fit for a comment: "--" may not appear in one */
    for (const char *s = slash ? slash + 1 : list->source; *s; s++) {
        if (*s == '-' && (s[1] == '-' || s[1] == '\0'))
            cocom_buf_puts(b, "- ");
        else
            cocom_buf_putc(b, *s);
    }
    cocom_buf_printf(b, ", commissioner %s, %s%s; names made from the list's capitals: check them -->", list->ccg_code,
                     list->as_at ? "open on " : "active now", list->as_at ? list->as_at : "");
}

char *cocom_practices_to_xml(const CocomPracticeList *list, const char *id_prefix)
{
    CocomBuf b = {0};
    cocom_buf_printf(&b, "<practices xmlns=\"%s\" count=\"%zu\">\n", COCOM_NAMESPACE, list->count);
    cocom_buf_puts(&b, "  ");
    cocom_practices_put_source(&b, list);
    cocom_buf_putc(&b, '\n');
    for (size_t i = 0; i < list->count; i++) {
        const CocomPractice *p = &list->items[i];
        cocom_buf_puts(&b, "  <practice id=\"");
        cocom_buf_put_escaped(&b, id_prefix);
        for (const char *c = p->ods_code; *c; c++)
            cocom_buf_putc(&b, (char)tolower((unsigned char)*c));
        cocom_buf_printf(&b, "\" ods-code=\"%s\"><name>", p->ods_code);
        cocom_buf_put_escaped(&b, p->name);
        cocom_buf_puts(&b, "</name></practice>\n");
    }
    cocom_buf_puts(&b, "</practices>\n");
    return cocom_buf_steal(&b);
}
