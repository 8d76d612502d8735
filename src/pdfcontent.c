/* pdfcontent.c — see pdfcontent.h. */
#include "config.h"
#include "pdfcontent.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* What each byte is to the lexer, looked up rather than compared six or
 * ten times: the lexer asks of every byte of every page. */
enum { SPACE = 1, DELIM = 2 };
static const unsigned char byte_class[256] = {
    [0] = SPACE, ['\t'] = SPACE, ['\n'] = SPACE, ['\f'] = SPACE, ['\r'] = SPACE, [' '] = SPACE,
    ['('] = DELIM, [')'] = DELIM, ['<'] = DELIM, ['>'] = DELIM, ['['] = DELIM, [']'] = DELIM,
    ['{'] = DELIM, ['}'] = DELIM, ['/'] = DELIM, ['%'] = DELIM,
};
#define IS_SPACE(c) (byte_class[(unsigned char)(c)] & SPACE)
#define IS_DELIM(c) (byte_class[(unsigned char)(c)] & DELIM)
#define IS_REGULAR(c) (byte_class[(unsigned char)(c)] == 0)

int cocom_pdf_is_space(int c)
{
    return c >= 0 && c < 256 && IS_SPACE(c);
}

int cocom_pdf_is_delim(int c)
{
    return c >= 0 && c < 256 && IS_DELIM(c);
}

CocomPdfTok cocom_pdfcontent_lex(CocomPdfLexer *lx)
{
    const unsigned char *s = lx->s;
    size_t n = lx->len, i = lx->pos;
    for (;;) {
        while (i < n && IS_SPACE(s[i]))
            i++;
        if (i < n && s[i] == '%') {
            while (i < n && s[i] != '\n' && s[i] != '\r')
                i++;
            continue;
        }
        break;
    }
    CocomPdfTok t = {COCOM_TK_END, i, i};
    if (i >= n) {
        lx->pos = n;
        return t;
    }
    unsigned char c = s[i];
    if (c == '(') {
        int depth = 1;
        i++;
        while (i < n && depth > 0) {
            if (s[i] == '\\')
                i += 2;
            else {
                if (s[i] == '(')
                    depth++;
                else if (s[i] == ')')
                    depth--;
                i++;
            }
        }
        t.kind = depth ? COCOM_TK_JUNK : COCOM_TK_STRING;
        if (i > n)
            i = n;
    } else if (c == '<' && i + 1 < n && s[i + 1] == '<') {
        t.kind = COCOM_TK_DICT_BEGIN;
        i += 2;
    } else if (c == '<') {
        i++;
        while (i < n && s[i] != '>')
            i++;
        t.kind = i < n ? COCOM_TK_STRING : COCOM_TK_JUNK;
        if (i < n)
            i++;
    } else if (c == '>' && i + 1 < n && s[i + 1] == '>') {
        t.kind = COCOM_TK_DICT_END;
        i += 2;
    } else if (c == '[') {
        t.kind = COCOM_TK_ARRAY_BEGIN;
        i++;
    } else if (c == ']') {
        t.kind = COCOM_TK_ARRAY_END;
        i++;
    } else if (c == '/') {
        i++;
        while (i < n && IS_REGULAR(s[i]))
            i++;
        t.kind = COCOM_TK_NAME;
    } else if (IS_DELIM(c)) {
        /* ) > { } on their own: not content-stream syntax. */
        t.kind = COCOM_TK_JUNK;
        i++;
    } else {
        size_t b = i;
        int number = 1, digits = 0;
        while (i < n && IS_REGULAR(s[i])) {
            unsigned char d = s[i];
            if (d >= '0' && d <= '9')
                digits = 1;
            else if (!(d == '.' || ((d == '+' || d == '-') && i == b)))
                number = 0;
            i++;
        }
        t.kind = number && digits ? COCOM_TK_NUMBER : COCOM_TK_KEYWORD;
    }
    t.end = i;
    lx->pos = i;
    return t;
}

int cocom_pdfcontent_tok_is(const unsigned char *s, const CocomPdfTok *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == COCOM_TK_KEYWORD && t->end - t->start == n && memcmp(s + t->start, word, n) == 0;
}

int cocom_pdf_hex_value(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

/* Does the name token (with its slash) equal /want, #xx escapes decoded? */
int cocom_pdfcontent_name_is(const unsigned char *s, const CocomPdfTok *t, const char *want)
{
    if (t->kind != COCOM_TK_NAME)
        return 0;
    const char *w = want;
    for (size_t i = t->start + 1; i < t->end; i++) {
        int c = s[i];
        if (c == '#' && i + 2 < t->end && cocom_pdf_hex_value(s[i + 1]) >= 0 && cocom_pdf_hex_value(s[i + 2]) >= 0) {
            c = cocom_pdf_hex_value(s[i + 1]) * 16 + cocom_pdf_hex_value(s[i + 2]);
            i += 2;
        }
        if (*w == '\0' || (unsigned char)*w != c)
            return 0;
        w++;
    }
    return *w == '\0';
}

/* Read in place rather than copied out for strtoll (every number of
 * every object and every content stream comes through here), with
 * strtoll's answers: an optional sign and decimal digits, the value of
 * the digits before anything else (clamped when too large), ok only when
 * that was the whole token, within long long, under 32 bytes. */
long long cocom_pdfcontent_int(const unsigned char *s, const CocomPdfTok *t, int *ok)
{
    size_t i = t->start, end = t->end;
    *ok = 0;
    if (t->kind != COCOM_TK_NUMBER || end - i == 0 || end - i >= 32)
        return 0;
    int neg = s[i] == '-';
    if (s[i] == '-' || s[i] == '+')
        i++;
    size_t digits = i;
    unsigned long long limit = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX, v = 0;
    int over = 0;
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (over || v > (limit - d) / 10)
            over = 1;
        else
            v = v * 10 + d;
    }
    if (i == digits)
        return 0;
    *ok = i == end && !over;
    if (over)
        return neg ? LLONG_MIN : LLONG_MAX;
    return neg ? (long long)(0 - v) : (long long)v;
}

/* The MCID in a property-list dictionary written inline, spanning
 * s[t->start, t->end) from "<<" to ">>"; -1 when it has none. */
long long cocom_pdfcontent_mcid(const unsigned char *s, const CocomPdfTok *t)
{
    if (t->kind != COCOM_TK_COMPOSITE || s[t->start] != '<')
        return -1;
    CocomPdfLexer lx = {s, t->end, t->start};
    int depth = 0;
    int want_value = 0;
    for (;;) {
        CocomPdfTok k = cocom_pdfcontent_lex(&lx);
        if (k.kind == COCOM_TK_END)
            return -1;
        if (k.kind == COCOM_TK_DICT_BEGIN || k.kind == COCOM_TK_ARRAY_BEGIN) {
            depth++;
            want_value = 0;
            continue;
        }
        if (k.kind == COCOM_TK_DICT_END || k.kind == COCOM_TK_ARRAY_END) {
            depth--;
            want_value = 0;
            continue;
        }
        if (depth != 1)
            continue;
        if (want_value) {
            int ok;
            long long v = cocom_pdfcontent_int(s, &k, &ok);
            return ok && v >= 0 ? v : -1;
        }
        want_value = cocom_pdfcontent_name_is(s, &k, "MCID");
    }
}

/* The number of bytes of an inline image's data, from its dictionary
 * (the operands between BI and ID), or 0 when it cannot be told
 * (a filter, or a colour space named in the resources). */
static size_t inline_image_size(const unsigned char *s, const CocomPdfTok *ops, int n)
{
    long long w = 0, h = 0, bpc = 8, ncomp = 0;
    int mask = 0;
    for (int i = 0; i + 1 < n; i += 2) {
        const CocomPdfTok *k = &ops[i], *v = &ops[i + 1];
        int ok = 0;
        if (cocom_pdfcontent_name_is(s, k, "W") || cocom_pdfcontent_name_is(s, k, "Width"))
            w = cocom_pdfcontent_int(s, v, &ok);
        else if (cocom_pdfcontent_name_is(s, k, "H") || cocom_pdfcontent_name_is(s, k, "Height"))
            h = cocom_pdfcontent_int(s, v, &ok);
        else if (cocom_pdfcontent_name_is(s, k, "BPC") || cocom_pdfcontent_name_is(s, k, "BitsPerComponent"))
            bpc = cocom_pdfcontent_int(s, v, &ok);
        else if (cocom_pdfcontent_name_is(s, k, "IM") || cocom_pdfcontent_name_is(s, k, "ImageMask"))
            mask = cocom_pdfcontent_tok_is(s, v, "true");
        else if (cocom_pdfcontent_name_is(s, k, "F") || cocom_pdfcontent_name_is(s, k, "Filter")) {
            if (!(v->kind == COCOM_TK_COMPOSITE && v->end - v->start == 2))  /* [] is no filter */
                return 0;
        } else if (cocom_pdfcontent_name_is(s, k, "CS") || cocom_pdfcontent_name_is(s, k, "ColorSpace")) {
            if (cocom_pdfcontent_name_is(s, v, "G") || cocom_pdfcontent_name_is(s, v, "DeviceGray"))
                ncomp = 1;
            else if (cocom_pdfcontent_name_is(s, v, "RGB") || cocom_pdfcontent_name_is(s, v, "DeviceRGB"))
                ncomp = 3;
            else if (cocom_pdfcontent_name_is(s, v, "CMYK") || cocom_pdfcontent_name_is(s, v, "DeviceCMYK"))
                ncomp = 4;
            else if (v->kind == COCOM_TK_COMPOSITE && s[v->start] == '[') {
                /* [/I base hival lookup]: one index per pixel. */
                CocomPdfLexer lx = {s, v->end, v->start + 1};
                CocomPdfTok first = cocom_pdfcontent_lex(&lx);
                if (cocom_pdfcontent_name_is(s, &first, "I") || cocom_pdfcontent_name_is(s, &first, "Indexed"))
                    ncomp = 1;
                else
                    return 0;
            } else
                return 0;
        }
    }
    if (mask) {
        ncomp = 1;
        bpc = 1;
    }
    if (w <= 0 || h <= 0 || ncomp <= 0 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16)
        || w > 1000000 || h > 1000000)
        return 0;
    return (size_t)h * (size_t)((w * ncomp * bpc + 7) / 8);
}

/* Moves the lexer past an inline image's data and its EI, the lexer being
 * just after the ID operator. */
static void skip_inline_image(CocomPdfLexer *lx, size_t size)
{
    const unsigned char *s = lx->s;
    size_t n = lx->len;
    size_t data = lx->pos + 1;   /* one white-space byte follows ID */
    if (data > n)
        data = n;
    if (size && data + size <= n) {
        size_t i = data + size;
        while (i < n && cocom_pdf_is_space(s[i]))
            i++;
        if (i + 1 < n && s[i] == 'E' && s[i + 1] == 'I' && (i + 2 == n || cocom_pdf_is_space(s[i + 2]) || cocom_pdf_is_delim(s[i + 2]))) {
            lx->pos = i + 2;
            return;
        }
    }
    /* No usable size: the first EI standing alone as a word. */
    for (size_t i = data; i + 1 < n; i++) {
        if (s[i] == 'E' && s[i + 1] == 'I' && (i == data || cocom_pdf_is_space(s[i - 1]))
            && (i + 2 == n || cocom_pdf_is_space(s[i + 2]))) {
            lx->pos = i + 2;
            return;
        }
    }
    lx->pos = n;
}

/* Reads a content stream, calling fn for each operator. */
void cocom_pdfcontent_walk(const unsigned char *s, size_t len, CocomPdfOperatorFunc fn, void *user)
{
    CocomPdfLexer lx = {s, len, 0};
    CocomPdfTok ops[COCOM_PDF_MAX_OPERANDS];
    int nops = 0;
    int depth = 0;
    size_t composite_start = 0;
    for (;;) {
        CocomPdfTok t = cocom_pdfcontent_lex(&lx);
        if (t.kind == COCOM_TK_END)
            break;
        if (t.kind == COCOM_TK_DICT_BEGIN || t.kind == COCOM_TK_ARRAY_BEGIN) {
            if (depth++ == 0)
                composite_start = t.start;
            continue;
        }
        if (t.kind == COCOM_TK_DICT_END || t.kind == COCOM_TK_ARRAY_END) {
            if (depth > 0 && --depth == 0 && nops < COCOM_PDF_MAX_OPERANDS)
                ops[nops++] = (CocomPdfTok){COCOM_TK_COMPOSITE, composite_start, t.end};
            continue;
        }
        if (t.kind == COCOM_TK_JUNK)
            continue;
        int value_word = t.kind == COCOM_TK_KEYWORD
            && (cocom_pdfcontent_tok_is(s, &t, "true") || cocom_pdfcontent_tok_is(s, &t, "false")
                || cocom_pdfcontent_tok_is(s, &t, "null"));
        if (depth > 0) {
            if (t.kind != COCOM_TK_KEYWORD || value_word)
                continue;
            /* An operator inside an unclosed [ or <<: the stream is
             * damaged there.  Drop the broken operand rather than let it
             * swallow the rest of the page (and hide what follows). */
            depth = 0;
        }
        if (t.kind != COCOM_TK_KEYWORD || value_word) {
            if (nops < COCOM_PDF_MAX_OPERANDS)
                ops[nops++] = t;
            continue;
        }
        if (cocom_pdfcontent_tok_is(s, &t, "BI")) {
            nops = 0;
            continue;
        }
        if (cocom_pdfcontent_tok_is(s, &t, "ID")) {
            skip_inline_image(&lx, inline_image_size(s, ops, nops));
            nops = 0;
            continue;
        }
        fn(user, s, &t, ops, nops);
        nops = 0;
    }
}
