# The mandate summary and the ballot papers as PDF, HTML and DOCX.  The
# samples record no ballot, so tests/outputs/samples.sh sees only their
# blank papers and no summary: here the test arrangements'
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

t_mandate_summaries_as_html_pass_axe() {
    build_mandate mandate-summary
    node "$SRCDIR/tests/browser/check-html.js" "$T"/out/*/*.html > "$T/axe.out" 2>&1 ||
        { cat "$T/axe.out"; fail "the browser check failed"; }
    [ "$(grep -c ': ok (axe-core ' "$T/axe.out")" -eq "$(ls "$T"/out/*/*.html | wc -l)" ] ||
        { cat "$T/axe.out"; fail "not every page was checked"; }
}

t_mandate_summaries_pdf_html_docx_say_the_same_words() {
    build_mandate mandate-summary
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
