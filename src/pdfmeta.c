/* pdfmeta.c — see pdfmeta.h. */
#include "config.h"
#include "pdfmeta.h"

#include <stdio.h>
#include <string.h>

/* Is the text non-empty once spaces are set aside? */
int cocom_pdfmeta_has_words(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Text for XMP                                                          */

/* Appends s as XML character data: valid UTF-8 only (a bad byte becomes
 * U+FFFD), no control characters XML 1.0 forbids, markup escaped. */
void cocom_pdfmeta_xml_text(CocomBuf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        unsigned c = *s;
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        int ok = len > 0;
        unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int i = 1; ok && i < len; i++) {
            if ((s[i] & 0xC0) != 0x80)
                ok = 0;
            else
                cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)
                   || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF))
            ok = 0;
        if (!ok) {
            cocom_buf_puts(b, "\xEF\xBF\xBD");
            s++;
            continue;
        }
        if (cp == '<')
            cocom_buf_puts(b, "&lt;");
        else if (cp == '>')
            cocom_buf_puts(b, "&gt;");
        else if (cp == '&')
            cocom_buf_puts(b, "&amp;");
        else if (cp == '"')
            cocom_buf_puts(b, "&quot;");
        else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
            cocom_buf_putc(b, ' ');
        else
            cocom_buf_append(b, (const char *)s, (size_t)len);
        s += len;
    }
}

/* A UTF-8 copy of s with invalid sequences replaced, for PDF text strings. */
char *cocom_pdfmeta_clean_utf8(const char *s)
{
    CocomBuf b = {0};
    cocom_pdfmeta_xml_text(&b, s);
    /* Undo the markup escapes: PDF strings need none. */
    CocomBuf o = {0};
    for (const char *p = b.data ? b.data : ""; *p;) {
        if (strncmp(p, "&lt;", 4) == 0) cocom_buf_putc(&o, '<'), p += 4;
        else if (strncmp(p, "&gt;", 4) == 0) cocom_buf_putc(&o, '>'), p += 4;
        else if (strncmp(p, "&amp;", 5) == 0) cocom_buf_putc(&o, '&'), p += 5;
        else if (strncmp(p, "&quot;", 6) == 0) cocom_buf_putc(&o, '"'), p += 6;
        else cocom_buf_putc(&o, *p++);
    }
    cocom_buf_free(&b);
    if (!o.data)
        cocom_buf_puts(&o, "");
    return cocom_buf_steal(&o);
}

/* ------------------------------------------------------------------ */
/* Dates                                                                */


static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

static int date_valid(const CocomPdfDate *d)
{
    return d->y >= 1 && d->mo >= 1 && d->mo <= 12 && d->d >= 1 && d->d <= 31 && d->h <= 23 && d->mi <= 59
        && d->s <= 60 && d->off_h <= 23 && d->off_m <= 59;
}

/* A time zone after a date's time: Z, or +HH:MM (ISO 8601, XMP) or
 * +HH'mm' with the minutes and the quotes optional (PDF); *sp moves past
 * it.  0 when it is malformed. */
static int parse_zone(const char **sp, CocomPdfDate *d, int pdf)
{
    const char *s = *sp;
    if (*s == 'Z') {
        d->tz = 1;
        s++;
        if (pdf && (*s == '0' || *s == '\''))   /* Z00'00' is seen in the wild */
            s += strspn(s, "0'");
    } else if (*s == '+' || *s == '-') {
        d->tz = 2;
        d->off_sign = *s == '-' ? -1 : 1;
        if (!digits(s + 1, 2, &d->off_h))
            return 0;
        s += 3;
        if (*s == (pdf ? '\'' : ':'))
            s++;
        if (pdf ? *s >= '0' && *s <= '9' : 1) {
            if (!digits(s, 2, &d->off_m))
                return 0;
            s += 2;
        }
        if (pdf && *s == '\'')
            s++;
    }
    *sp = s;
    return 1;
}

/* ISO 8601 as cocom gives it: YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM|-HH:MM]]. */
int cocom_pdfmeta_parse_iso_date(const char *s, CocomPdfDate *d)
{
    memset(d, 0, sizeof *d);
    d->mo = d->d = 1;
    if (!digits(s, 4, &d->y))
        return 0;
    s += 4;
    if (*s == '-') {
        if (!digits(s + 1, 2, &d->mo))
            return 0;
        s += 3;
        if (*s == '-') {
            if (!digits(s + 1, 2, &d->d))
                return 0;
            s += 3;
        }
    }
    if (*s == 'T' || *s == ' ') {
        if (!digits(s + 1, 2, &d->h) || s[3] != ':' || !digits(s + 4, 2, &d->mi))
            return 0;
        s += 6;
        if (*s == ':') {
            if (!digits(s + 1, 2, &d->s))
                return 0;
            s += 3;
            if (*s == '.') {   /* fractions of a second: dropped */
                s++;
                while (*s >= '0' && *s <= '9')
                    s++;
            }
        }
        if (!parse_zone(&s, d, 0))
            return 0;
    }
    return *s == '\0' && date_valid(d);
}

/* A PDF date, with or without the D: Cairo 1.16 leaves out:
 * [D:]YYYY[MM[DD[HH[mm[SS]]]]][Z|+HH'mm'|-HH'mm'] (PDF 32000-1 7.9.4). */
int cocom_pdfmeta_parse_pdf_date(const char *s, CocomPdfDate *d)
{
    memset(d, 0, sizeof *d);
    d->mo = d->d = 1;
    if (strncmp(s, "D:", 2) == 0)
        s += 2;
    if (!digits(s, 4, &d->y))
        return 0;
    s += 4;
    int *fields[] = {&d->mo, &d->d, &d->h, &d->mi, &d->s};
    for (size_t i = 0; i < 5 && *s >= '0' && *s <= '9'; i++, s += 2)
        if (!digits(s, 2, fields[i]))
            return 0;
    if (!parse_zone(&s, d, 1))
        return 0;
    return *s == '\0' && date_valid(d);
}

/* A date as PDF writes it (D:YYYYMMDDHHmmSS+HH'mm') or as XMP does
 * (ISO 8601), the two differing only in their separators. */
static void format_date(const CocomPdfDate *d, char *out, size_t n, int pdf)
{
    int k = snprintf(out, n, pdf ? "D:%04d%02d%02d%02d%02d%02d" : "%04d-%02d-%02dT%02d:%02d:%02d", d->y, d->mo,
                     d->d, d->h, d->mi, d->s);
    if (k < 0 || (size_t)k >= n)
        return;
    if (d->tz == 1)
        snprintf(out + k, n - (size_t)k, "Z");
    else if (d->tz == 2)
        snprintf(out + k, n - (size_t)k, pdf ? "%c%02d'%02d'" : "%c%02d:%02d", d->off_sign < 0 ? '-' : '+',
                 d->off_h, d->off_m);
}

void cocom_pdfmeta_format_pdf_date(const CocomPdfDate *d, char *out, size_t n) { format_date(d, out, n, 1); }
void cocom_pdfmeta_format_iso_date(const CocomPdfDate *d, char *out, size_t n) { format_date(d, out, n, 0); }


/* The XMP packet (ISO 16684-1), with what PDF/UA asks of it. */
void cocom_pdfmeta_xmp(CocomBuf *b, const char *title, const char *author, const char *subject,
                      const char *keywords, const char *lang, const char *producer, const char *creator_tool,
                      const char *create, const char *modify)
{
    cocom_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                      "  <rdf:Description rdf:about=\"\"\n"
                      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                      "   <dc:format>application/pdf</dc:format>\n");
    struct {
        const char *value, *open, *close;
    } fields[] = {
        {title, "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", "</rdf:li></rdf:Alt></dc:title>\n"},
        {author, "   <dc:creator><rdf:Seq><rdf:li>", "</rdf:li></rdf:Seq></dc:creator>\n"},
        {subject, "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
         "</rdf:li></rdf:Alt></dc:description>\n"},
        {lang, "   <dc:language><rdf:Bag><rdf:li>", "</rdf:li></rdf:Bag></dc:language>\n"},
        {keywords, "   <pdf:Keywords>", "</pdf:Keywords>\n"},
        {producer, "   <pdf:Producer>", "</pdf:Producer>\n"},
        {creator_tool, "   <xmp:CreatorTool>", "</xmp:CreatorTool>\n"},
        {create, "   <xmp:CreateDate>", "</xmp:CreateDate>\n"},
        {modify, "   <xmp:ModifyDate>", "</xmp:ModifyDate>\n"},
        {modify, "   <xmp:MetadataDate>", "</xmp:MetadataDate>\n"},
    };
    for (size_t i = 0; i < COCOM_ARRAY_LEN(fields); i++) {
        if (!cocom_pdfmeta_has_words(fields[i].value))
            continue;
        cocom_buf_puts(b, fields[i].open);
        cocom_pdfmeta_xml_text(b, fields[i].value);
        cocom_buf_puts(b, fields[i].close);
    }
    cocom_buf_puts(b, "   <pdfuaid:part>1</pdfuaid:part>\n"
                      "  </rdf:Description>\n"
                      " </rdf:RDF>\n"
                      "</x:xmpmeta>\n");
    /* Room to edit the packet in place, as XMP writers leave. */
    for (int i = 0; i < 20; i++)
        cocom_buf_puts(b, "                                                                                   \n");
    cocom_buf_puts(b, "<?xpacket end=\"w\"?>");
}

