# The mandate summary and the ballot papers as PDF, HTML and DOCX.  The
# samples record no ballot, so tests/outputs/samples.sh sees only their
# blank papers and no summary: here the test arrangements' papers and summaries
# (tests/docs/mandate/: twelve and forty member practices, with returns)
# go through the same real readers — the HTML in Chromium with axe-core,
# the DOCX with python-docx and in LibreOffice — and the three say the
# same words in the same order.  quickstart.sh installs the tools: a
# missing one is a failure.

PY=/usr/bin/python3
WORDS="$SRCDIR/tests/outputs/words.py"
M="$SRCDIR/tests/docs/mandate"

# build_mandate KINDS: each test arrangement's documents of KINDS as PDF,
# HTML and DOCX in $T/out/<arrangement>/.
build_mandate() {
    for a in "$M"/*.xml; do
        run_cocom build --format pdf,html,docx --only "$1" -o "$T/out/$(basename "$a" .xml)" "$a"
        expect_rc 0
    done
    [ "$(ls "$T"/out/*/*.html | wc -l)" -ge 2 ] || fail "fewer than two HTML files made: $(ls "$T"/out/*)"
}

# lo_pdfs: LibreOffice's PDF of every DOCX in $T/out, as
# $T/lo/<arrangement>-<document>.pdf (the arrangements' CCGs have the same
# id, so their files the same names), in one run.
lo_pdfs() {
    command -v soffice > /dev/null || fail "soffice is missing: quickstart.sh installs libreoffice-writer-nogui"
    mkdir -p "$T/docx"
    for f in "$T"/out/*/*.docx; do
        cp "$f" "$T/docx/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    soffice --headless --norestore -env:UserInstallation="file://$T/lo-profile" \
        --convert-to pdf --outdir "$T/lo" "$T"/docx/*.docx > "$T/lo.out" 2>&1 ||
        { cat "$T/lo.out"; fail "LibreOffice could not convert the DOCX files"; }
}

# same_words_everywhere: each HTML against cocom's PDF and LibreOffice's
# PDF of the DOCX; python-docx reads each DOCX.
same_words_everywhere() {
    for f in "$T"/out/*/*.docx; do
        "$PY" "$SRCDIR/tests/outputs/docx-tool.py" check "$f" > "$T/docx.out" 2>&1 ||
            { cat "$T/docx.out"; fail "python-docx: $f"; }
    done
    lo_pdfs
    n=0
    for html in "$T"/out/*/*.html; do
        b=$(basename "$html" .html)
        d=$(dirname "$html")
        lo="$T/lo/$(basename "$d")-$b.pdf"
        [ -s "$lo" ] || { cat "$T/lo.out"; fail "LibreOffice made no PDF of $d/$b.docx"; }
        "$PY" "$WORDS" --html "$html" --pdf "$d/$b.pdf" > "$T/words.out" 2>&1 ||
            { cat "$T/words.out"; fail "$b: cocom's PDF and the HTML do not say the same words"; }
        "$PY" "$WORDS" --html "$html" --pdf "$lo" > "$T/words.out" 2>&1 ||
            { cat "$T/words.out"; fail "$b: the DOCX in LibreOffice and the HTML do not say the same words"; }
        n=$((n + 1))
    done
    [ "$n" -ge 2 ] || fail "only $n documents compared"
}

t_ballots_and_mandate_summaries_as_html_pass_axe() {
    build_mandate mandate-summary,ballot
    node "$SRCDIR/tests/browser/check-html.js" "$T"/out/*/*.html > "$T/axe.out" 2>&1 ||
        { cat "$T/axe.out"; fail "the browser check failed"; }
    [ "$(grep -c ': ok (axe-core ' "$T/axe.out")" -eq "$(ls "$T"/out/*/*.html | wc -l)" ] ||
        { cat "$T/axe.out"; fail "not every page was checked"; }
}

t_ballots_and_mandate_summaries_pdf_html_docx_say_the_same_words() {
    build_mandate mandate-summary,ballot
    same_words_everywhere
}

# The returns, one by one, are a table whose header cells head their
# columns and whose practice heads its row, in HTML and DOCX alike; in
# the DOCX no column is narrower than its longest word, so LibreOffice
# breaks no word between letters ("Acknowledge" "d").
t_mandate_summary_returns_table() {
    build_mandate mandate-summary
    html="$T/out/low-turnout/ccg-mandate-summary.html"
    for h in Practice "Model chosen" "Date signed" "Signed by" Acknowledged; do
        grep -qF "<th scope=\"col\">$h</th>" "$html" || fail "the returns table has no column header '$h'"
    done
    grep -qF '<th scope="row">Abbey Road Surgery (test) (T90001)</th>' "$html" || fail "a practice does not head its row"
    lo_pdfs
    pdftotext -layout "$T/lo/low-turnout-ccg-mandate-summary.pdf" - | grep -qw Acknowledged ||
        { pdftotext -layout "$T/lo/low-turnout-ccg-mandate-summary.pdf" - | grep -i acknowledge; fail "the DOCX breaks 'Acknowledged'"; }
}

# practice_names ARRANGEMENT: its practices' names, one a line, in order.
practice_names() {
    { xmllint --xpath "//*[local-name()='practice']/*[local-name()='name']/text()" "$1"; echo; } |
        sed 's/^ *//; s/ *$//' | grep .
}

# expect_paper_per_page PDF NAMES-FILE WHAT: the PDF has a page per name,
# and page k is the paper of the k-th practice: its name, then its
# mandate sentence.
expect_paper_per_page() {
    n=$(grep -c . "$2")
    [ "$(pdfinfo "$1" | sed -n 's/^Pages: *//p')" -eq "$n" ] || fail "$3: $(pdfinfo "$1" | grep Pages), not one per practice ($n)"
    k=0
    while read -r name; do
        [ -n "$name" ] || continue
        k=$((k + 1))
        pdftotext -f "$k" -l "$k" "$1" - | tr -s '[:space:]' ' ' > "$T/page.txt"
        grep -qF "$name wishes to mandate Testshire CCG" "$T/page.txt" ||
            { cat "$T/page.txt"; fail "$3: page $k is not the paper of $name"; }
    done < "$2"
}

# One paper per practice on a page of its own, in every output: the DOCX
# (LibreOffice's pages: a page break before each paper) and the HTML as
# printed (Chromium: the print style's page break), each paper headed by
# its practice's name (an h2 under the form's h1; Heading 1 in Word) so
# that a reader can tell them apart.
t_ballot_one_paper_per_page_in_docx_and_printed_html() {
    build_mandate ballot
    practice_names "$M/majority.xml" > "$T/names"
    [ "$(grep -c . "$T/names")" -eq 12 ] || fail "majority.xml should name 12 practices"
    html="$T/out/majority/ccg-ballot-papers.html"
    grep -o '<h2[^>]*>[^<]*</h2>' "$html" | sed 's/<[^>]*>//g' > "$T/h2"
    diff "$T/names" "$T/h2" > /dev/null || { diff "$T/names" "$T/h2"; fail "the HTML's h2 headings are not the practices' names in order"; }
    lo_pdfs
    expect_paper_per_page "$T/lo/majority-ccg-ballot-papers.pdf" "$T/names" "the DOCX"
    "$PY" - "$T/out/majority/ccg-ballot-papers.docx" > "$T/h1" <<'PY'
import sys, docx
print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs if p.style.name == "Heading 1"))
PY
    diff "$T/names" "$T/h1" > /dev/null || { diff "$T/names" "$T/h1"; fail "the DOCX's Heading 1 paragraphs are not the practices' names"; }
    "${CHROMIUM:-/usr/bin/chromium}" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir="$T/chromium" --print-to-pdf="$T/printed.pdf" "file://$html" > "$T/chromium.out" 2>&1 ||
        { cat "$T/chromium.out"; fail "Chromium could not print the HTML"; }
    expect_paper_per_page "$T/printed.pdf" "$T/names" "the HTML as printed"
}

# The LMC's blank paper (a sample names no practice): one page in every
# output, headed by the template's "Practice Header", every field to
# complete.
t_the_blank_paper_in_html_and_docx() {
    run_cocom build --format pdf,html,docx --only ballot -o "$T/out/hull" "$SRCDIR/samples/hull-2015"
    expect_rc 0
    html="$T/out/hull/hull-ccg-ballot-papers.html"
    [ "$(grep -o '<h2[^>]*>[^<]*</h2>' "$html" | sed 's/<[^>]*>//g')" = "Practice Header" ] ||
        fail "the blank paper's HTML is not headed 'Practice Header' (h2)"
    [ "$(grep -o 'title="to complete' "$html" | wc -l)" -eq 5 ] || fail "the blank paper's HTML should have 5 blanks (code, signed, on behalf of, date, return by)"
    lo_pdfs
    [ "$(pdfinfo "$T/lo/hull-hull-ccg-ballot-papers.pdf" | sed -n 's/^Pages: *//p')" -eq 1 ] || fail "the blank paper's DOCX is not one page"
    pdftotext "$T/lo/hull-hull-ccg-ballot-papers.pdf" - | tr -s '[:space:]' ' ' > "$T/lo.txt"
    grep -qF "(Name of Practice) wishes to mandate Hull CCG" "$T/lo.txt" || { cat "$T/lo.txt"; fail "the DOCX lacks the mandate sentence"; }
    grep -qE "Return this form to Hull CCG by: \.{10,}" "$T/lo.txt" || { cat "$T/lo.txt"; fail "the DOCX's 'return by' has no dots to write on"; }
}
