/* gen-report — write a report-like XSL-FO 1.1 document to stdout.
 *
 *   gen-report N        N sections, N >= 1
 *
 * The benchmark input for cocom and Apache FOP (bench/README.md): A4 pages
 * with a running header and a "Page N of M" footer, and per section a
 * numbered heading, three justified paragraphs and a bullet list; every
 * fourth section adds a 20-row table whose header repeats when it breaks
 * over a page.  About one page per section.
 *
 * The text is pseudo-English drawn from a fixed word list by a generator
 * with a fixed seed, so the output is byte-for-byte the same on every run
 * and machine, and the first K sections of any document are the same as
 * those of a K-section one.  Plain C11 and libc only.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* xorshift64*: tiny, fast, and unlike rand() the same everywhere. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 32);
}

/* A uniform integer in [lo, hi]; the modulo bias is irrelevant here. */
static int rng_range(int lo, int hi)
{
    return lo + (int)(rng_next() % (uint32_t)(hi - lo + 1));
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Short function words come often and content words of every length
 * (up to 16 letters) the rest of the time, which gives line breaking and
 * justification roughly the word-length mix of real English prose. */
static const char *const small_words[] = {
    "the", "of", "and", "to", "a", "in", "is", "for", "on", "that", "by",
    "with", "as", "be", "are", "from", "at", "or", "an", "it", "this",
    "which", "will", "its", "their", "has", "have", "not", "all", "each",
};

static const char *const words[] = {
    "practice", "service", "patients", "care", "review", "budget", "plan",
    "local", "primary", "committee", "quality", "access", "contract",
    "funding", "annual", "report", "general", "medical", "community",
    "health", "board", "members", "decision", "policy", "guidance",
    "national", "regional", "provision", "assessment", "commissioning",
    "arrangements", "responsibility", "performance", "improvement",
    "governance", "allocation", "population", "workforce", "premises",
    "estates", "outcomes", "evidence", "framework", "statutory",
    "delegated", "joint", "interest", "conflicts", "register", "meeting",
    "quorum", "vote", "chair", "lay", "clinical", "executive", "finance",
    "risk", "mitigation", "schedule", "timetable", "proposal", "option",
    "approach", "agreement", "partners", "network", "pathway", "demand",
    "capacity", "waiting", "times", "referral", "prescribing", "digital",
    "records", "staff", "training", "recruitment", "retention", "list",
    "size", "area", "team", "support", "resources", "savings", "cost",
    "value", "transparent", "accountable", "proportionate", "sustainable",
    "equitable", "significant", "particular", "appropriate", "consistent",
    "independent", "collaborative", "comprehensive", "responsive",
    "effective", "efficient", "further", "current", "previous", "future",
    "expected", "agreed", "proposed", "reviewed", "considered", "approved",
    "published", "reported", "monitored", "measured", "delivered",
    "improve", "reduce", "increase", "maintain", "ensure", "provide",
    "consider", "develop", "establish", "recommend", "consult", "engage",
    "quarter", "year", "month", "target", "measure", "indicator", "trend",
    "change", "growth", "pressure", "priority", "objective", "strategy",
    "wellbeing", "prevention", "screening", "immunisation", "enhanced",
    "specialist", "urgent", "routine", "seasonal", "winter", "elective",
    "neighbourhood", "interoperability", "accountability", "representation",
    "infrastructure", "characteristics", "responsibilities", "inequalities",
};

/* Whether the word word() returned last was a function word. */
static int last_was_small;

/* Never two function words in a row ("the of a") nor the same word twice
 * running: that alone makes the text read much more like prose.  With
 * content_only, a content word (for the start and end of a heading). */
static const char *pick_word(int content_only)
{
    static const char *last;
    const char *w;
    int small;

    do {
        small = !content_only && !last_was_small && rng_range(0, 99) < 45;
        w = small ? small_words[rng_range(0, COUNT(small_words) - 1)]
                  : words[rng_range(0, COUNT(words) - 1)];
    } while (w == last);
    last = w;
    last_was_small = small;
    return w;
}

static const char *word(void)
{
    return pick_word(0);
}

/* Print a word with its first letter in upper case (the list is ASCII). */
static void put_capitalised(const char *w)
{
    putchar(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' : w[0]);
    fputs(w + 1, stdout);
}

/* Sentences of n words: capital first, an occasional comma, a full stop. */
static void put_sentence(int n)
{
    for (int i = 0; i < n; i++) {
        if (i == 0) {
            put_capitalised(word());
        } else {
            putchar(' ');
            fputs(word(), stdout);
        }
        /* A comma now and then, but not after "the" or "of". */
        if (i > 1 && i < n - 2 && !last_was_small && rng_range(0, 9) == 0)
            putchar(',');
    }
    putchar('.');
}

/* Text of n words in sentences of 6 to 20; never a stub sentence at the end. */
static void put_text(int n)
{
    while (n > 0) {
        int len = rng_range(6, 20);
        if (n - len < 6)
            len = n;
        put_sentence(len);
        n -= len;
        if (n > 0)
            putchar(' ');
    }
}

static void put_document_start(void)
{
    fputs(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\""
        " xml:lang=\"en-GB\">\n"
        "  <fo:layout-master-set>\n"
        "    <fo:simple-page-master master-name=\"A4\""
        " page-width=\"210mm\" page-height=\"297mm\"\n"
        "        margin-top=\"15mm\" margin-bottom=\"15mm\""
        " margin-left=\"20mm\" margin-right=\"20mm\">\n"
        /* The body's top and bottom margins make room for the header and
         * footer regions, which lie inside the page margins. */
        "      <fo:region-body margin-top=\"17mm\" margin-bottom=\"15mm\"/>\n"
        "      <fo:region-before extent=\"12mm\"/>\n"
        "      <fo:region-after extent=\"10mm\"/>\n"
        "    </fo:simple-page-master>\n"
        "  </fo:layout-master-set>\n"
        /* Font on the page-sequence so both static content and flow
         * inherit it.  line-height is explicit because "normal" is left to
         * the implementation (FOP takes 1.2, font metrics may say 1.15), and
         * the page counts of cocom and FOP should be comparable. */
        "  <fo:page-sequence master-reference=\"A4\""
        " font-family=\"Liberation Sans\" font-size=\"11pt\""
        " line-height=\"1.2\">\n"
        "    <fo:static-content flow-name=\"xsl-region-before\">\n"
        /* XSL has no border-after shorthand (only border-top and friends
         * from CSS); the writing-mode-relative edge takes the long forms. */
        "      <fo:block font-size=\"9pt\" color=\"#404040\""
        " padding-after=\"2pt\" border-after-style=\"solid\""
        " border-after-width=\"0.5pt\" border-after-color=\"#404040\">"
        "Annual Report on Primary Care Commissioning</fo:block>\n"
        "    </fo:static-content>\n"
        "    <fo:static-content flow-name=\"xsl-region-after\">\n"
        "      <fo:block font-size=\"9pt\" color=\"#404040\""
        " text-align=\"end\">Page <fo:page-number/> of"
        " <fo:page-number-citation ref-id=\"last-block\"/></fo:block>\n"
        "    </fo:static-content>\n"
        "    <fo:flow flow-name=\"xsl-region-body\">\n",
        stdout);
}

static void put_document_end(void)
{
    /* The target of "of M": the last page is the one this empty block is on. */
    fputs("      <fo:block id=\"last-block\"/>\n"
          "    </fo:flow>\n"
          "  </fo:page-sequence>\n"
          "</fo:root>\n",
          stdout);
}

static void put_heading(int section)
{
    printf("      <fo:block font-size=\"15pt\" font-weight=\"bold\""
           " space-before=\"14pt\" space-after=\"6pt\""
           " keep-with-next.within-page=\"always\">%d. ", section);
    put_capitalised(pick_word(1));
    int n = rng_range(2, 6);
    for (int i = 0; i < n; i++) {
        putchar(' ');
        fputs(pick_word(i == n - 1), stdout);
    }
    fputs("</fo:block>\n", stdout);
}

static void put_paragraph(void)
{
    fputs("      <fo:block text-align=\"justify\" space-after=\"6pt\">",
          stdout);
    put_text(rng_range(100, 150));
    fputs("</fo:block>\n", stdout);
}

static void put_list(void)
{
    fputs("      <fo:list-block provisional-distance-between-starts=\"6mm\""
          " provisional-label-separation=\"2mm\""
          " space-before=\"3pt\" space-after=\"6pt\">\n",
          stdout);
    int items = rng_range(3, 5);
    for (int i = 0; i < items; i++) {
        fputs("        <fo:list-item space-after=\"2pt\">\n"
              "          <fo:list-item-label end-indent=\"label-end()\">"
              "<fo:block>\xE2\x80\xA2</fo:block></fo:list-item-label>\n"
              "          <fo:list-item-body start-indent=\"body-start()\">"
              "<fo:block>",
              stdout);
        put_text(rng_range(8, 30));
        fputs("</fo:block></fo:list-item-body>\n"
              "        </fo:list-item>\n",
              stdout);
    }
    fputs("      </fo:list-block>\n", stdout);
}

static void put_cell_start(const char *attrs)
{
    printf("<fo:table-cell border=\"0.5pt solid black\" padding=\"2pt\"%s>"
           "<fo:block>", attrs);
}

static void put_cell_end(void)
{
    fputs("</fo:block></fo:table-cell>", stdout);
}

static void put_table(int section)
{
    fputs("      <fo:table table-layout=\"fixed\" width=\"100%\""
          " space-before=\"4pt\""
          " space-after=\"8pt\">\n"
          "        <fo:table-column column-width=\"proportional-column-width(1)\"/>\n"
          "        <fo:table-column column-width=\"proportional-column-width(4)\"/>\n"
          "        <fo:table-column column-width=\"proportional-column-width(1.5)\"/>\n"
          "        <fo:table-column column-width=\"proportional-column-width(1.5)\"/>\n"
          "        <fo:table-header font-weight=\"bold\""
          " background-color=\"#D9E2F3\">\n"
          "          <fo:table-row>",
          stdout);
    static const char *const heads[] = { "Ref.", "Description", "Patients",
                                         "Cost (GBP)" };
    for (int c = 0; c < COUNT(heads); c++) {
        put_cell_start(c >= 2 ? " text-align=\"end\"" : "");  /* over numbers */
        fputs(heads[c], stdout);
        put_cell_end();
    }
    fputs("</fo:table-row>\n"
          "        </fo:table-header>\n"
          "        <fo:table-body>\n",
          stdout);
    for (int r = 1; r <= 20; r++) {
        fputs("          <fo:table-row>", stdout);
        put_cell_start("");
        printf("%d.%02d", section, r);
        put_cell_end();
        /* The description is a few words, so some rows wrap to two lines. */
        put_cell_start("");
        put_capitalised(pick_word(1));
        for (int n = rng_range(1, 7); n > 0; n--) {
            putchar(' ');
            fputs(word(), stdout);
        }
        put_cell_end();
        put_cell_start(" text-align=\"end\"");
        printf("%d", rng_range(50, 9999));
        put_cell_end();
        int pounds = rng_range(1000, 999999);
        put_cell_start(" text-align=\"end\"");
        printf("%d,%03d", pounds / 1000, pounds % 1000);
        put_cell_end();
        fputs("</fo:table-row>\n", stdout);
    }
    fputs("        </fo:table-body>\n"
          "      </fo:table>\n",
          stdout);
}

int main(int argc, char **argv)
{
    char *end;
    long n = 0;

    if (argc == 2) {
        errno = 0;
        n = strtol(argv[1], &end, 10);
        if (errno || *end || end == argv[1])
            n = 0;
    }
    if (n < 1 || n > 1000000) {
        fputs("usage: gen-report N   (N sections, 1 to 1000000; FO to stdout)\n",
              stderr);
        return 2;
    }

    put_document_start();
    for (int s = 1; s <= n; s++) {
        put_heading(s);
        for (int p = 0; p < 3; p++)
            put_paragraph();
        put_list();
        if (s % 4 == 0)
            put_table(s);
    }
    put_document_end();

    /* A full disk or closed pipe must not pass for success. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("gen-report: writing stdout");
        return 1;
    }
    return 0;
}
