# DOCX from the document model, checked by its real readers: python-docx
# (Debian python3-docx, run with /usr/bin/python3) reads the styles,
# numbering, table headers and properties and inserts a clause as a script
# would; LibreOffice (headless) lays the files out as a word processor
# would.  quickstart.sh installs both, so a missing tool is a failure here,
# not a skip.  LibreOffice starts once per test, for all its files: its
# start-up is most of its time.

EXAMPLE="$SRCDIR/stylesheets/model/example.xml"
PY=/usr/bin/python3
DOCX_TOOL="$SRCDIR/tests/outputs/docx-tool.py"

# lo_pdf OUTDIR FILE.docx...: LibreOffice's PDF of each file, in one run.
lo_pdf() {
    outdir=$1; shift
    command -v soffice > /dev/null || fail "soffice is missing: quickstart.sh installs libreoffice-writer-nogui"
    # its own profile in $T: a shared one would be locked by a parallel test
    soffice --headless --norestore -env:UserInstallation="file://$T/lo-profile" \
        --convert-to pdf --outdir "$outdir" "$@" > "$T/lo.out" 2>&1 ||
        { cat "$T/lo.out"; fail "LibreOffice could not convert $*"; }
    for f in "$@"; do
        b=$(basename "$f" .docx)
        [ -s "$outdir/$b.pdf" ] || { cat "$T/lo.out"; fail "LibreOffice made no PDF of $f"; }
    done
}

# docx_tool ARGS...: python-docx's verdict; exit 2 (no python-docx) fails.
docx_tool() {
    [ -x "$PY" ] || fail "$PY is missing"
    "$PY" "$DOCX_TOOL" "$@" > "$T/docx-tool.out" 2>&1 || { cat "$T/docx-tool.out"; fail "docx-tool.py $1 failed"; }
}

t_the_model_example_as_docx_reads_in_python_docx() {
    run_cocom render --format docx "$EXAMPLE" -o "$T/example.docx"
    expect_rc 0
    docx_tool check "$T/example.docx"
    grep -qF "title 'Update on Primary Care Co-Commissioning', language en-GB" "$T/docx-tool.out" ||
        { cat "$T/docx-tool.out"; fail "not the title and language of the example"; }
    grep -qF "4 numbered clauses" "$T/docx-tool.out" || { cat "$T/docx-tool.out"; fail "not the example's 4 numbered clauses"; }
    for s in "Heading 1" "Heading 2" "List Number" Title Caption; do
        grep -q "styles used:.*$s" "$T/docx-tool.out" || { cat "$T/docx-tool.out"; fail "the style $s is not used"; }
    done
    # both tables repeat their header row on each page
    ! grep -q "no repeating header row" "$T/docx-tool.out" || { cat "$T/docx-tool.out"; fail "a table's header row does not repeat"; }
}

# The same input gives the same bytes (fixed entry order, the timestamps
# of SOURCE_DATE_EPOCH), whatever the time it is made at.
t_docx_is_deterministic() {
    SOURCE_DATE_EPOCH=1436140800 run_cocom render --format docx "$EXAMPLE" -o "$T/a.docx"
    expect_rc 0
    sleep 2
    SOURCE_DATE_EPOCH=1436140800 run_cocom render --format docx "$EXAMPLE" -o "$T/b.docx"
    cmp "$T/a.docx" "$T/b.docx" || fail "the same input made different DOCX files"
    # (Python's zipfile: unzip is not among quickstart's packages)
    "$PY" -c 'import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, "%04d%02d%02d" % i.date_time[:3])' \
        "$T/a.docx" > "$T/list" 2>&1 || { cat "$T/list"; fail "not a zip Python can read"; }
    # the zip's entries carry SOURCE_DATE_EPOCH's date, 6 July 2015
    ! grep -v ' 20150706$' "$T/list" || fail "these entries' dates are not SOURCE_DATE_EPOCH's"
    head -1 "$T/list" | grep -q '^\[Content_Types\]\.xml ' || { cat "$T/list"; fail "[Content_Types].xml is not first"; }
}

# In LibreOffice: the DOCX's words are the HTML's, in the same order; and a
# clause a script inserts (python-docx, as a user copying a clause) takes
# the next number, and the clauses after it move up one — Word's real
# numbering, not numbers typed as text.
t_the_model_example_in_libreoffice() {
    run_cocom render --format docx "$EXAMPLE" -o "$T/example.docx"
    expect_rc 0
    run_cocom render --format html "$EXAMPLE" -o "$T/example.html"
    expect_rc 0
    # after clause 2.1 (of a multilevel numbering: 2.1, 2.2)
    docx_tool insert "$T/example.docx" "$T/inserted.docx" "NHS England and NHS Anytown CCG"
    # its first words (python-docx leaves out the text of hyperlinks)
    following=$(tail -1 "$T/docx-tool.out" | cut -c1-24)
    [ -n "$following" ] || fail "docx-tool.py named no following clause"
    lo_pdf "$T/lo" "$T/example.docx" "$T/inserted.docx"

    "$PY" "$SRCDIR/tests/outputs/words.py" --html "$T/example.html" --pdf "$T/lo/example.pdf" > "$T/words.out" 2>&1 ||
        { cat "$T/words.out"; fail "LibreOffice's words of the DOCX are not the HTML's"; }

    pdftotext -layout "$T/lo/example.pdf" "$T/before.txt"
    pdftotext -layout "$T/lo/inserted.pdf" "$T/after.txt"
    before=$(grep -F -- "$following" "$T/before.txt" | awk '{print $1}')
    after=$(grep -F -- "$following" "$T/after.txt" | awk '{print $1}')
    inserted=$(grep -F "A clause inserted by a script" "$T/after.txt" | awk '{print $1}')
    [ -n "$before" ] && [ -n "$after" ] || fail "LibreOffice's text lacks the clause '$following'"
    echo "'$following': $before before, $after after; the inserted clause: $inserted"
    # numbers such as 2. or 2.1: the last part goes up one
    expect_next() { [ "${2%.}" = "$(echo "${1%.}" | awk -F. '{ $NF = $NF + 1; print }' OFS=.)" ]; }
    expect_next "$before" "$after" || fail "the clause after the inserted one is $after, not one after $before"
    [ "$inserted" = "$before" ] || fail "the inserted clause is numbered '$inserted', not $before"
}

# The same with a real document: West London CCG's terms of reference
# (Westminster sample), a clause inserted after 1.1 by a script; in
# LibreOffice the inserted clause is 1.2, the one that was 1.2 is now 1.3,
# and section 2 still begins at 2.1.
t_a_sample_terms_of_reference_renumbers_in_libreoffice() {
    run_cocom build --format docx --only terms-of-reference -o "$T/out" "$SRCDIR/samples/westminster-2015"
    expect_rc 0
    tor="$T/out/wlccg-jc-terms-of-reference.docx"
    [ -s "$tor" ] || fail "no DOCX of the terms of reference"
    docx_tool insert "$tor" "$T/inserted.docx" "Simon Stevens"
    following=$(tail -1 "$T/docx-tool.out" | cut -c1-30)
    [ -n "$following" ] || fail "docx-tool.py named no following clause"
    lo_pdf "$T/lo" "$tor" "$T/inserted.docx"
    pdftotext -layout "$T/lo/wlccg-jc-terms-of-reference.pdf" "$T/before.txt"
    pdftotext -layout "$T/lo/inserted.pdf" "$T/after.txt"
    num() { grep -F -- "$2" "$1" | head -1 | awk '{print $1}'; }
    [ "$(num "$T/before.txt" "$following")" = "1.2" ] || fail "before: '$following' is $(num "$T/before.txt" "$following"), not 1.2"
    [ "$(num "$T/after.txt" "A clause inserted by a script")" = "1.2" ] || fail "the inserted clause is not 1.2"
    [ "$(num "$T/after.txt" "$following")" = "1.3" ] || fail "after: '$following' is $(num "$T/after.txt" "$following"), not 1.3"
    [ "$(num "$T/after.txt" "Section 13Z of the NHS Act")" = "2.1" ] || fail "section 2 no longer begins at 2.1"
}
