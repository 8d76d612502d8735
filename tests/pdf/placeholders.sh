# tests/pdf/placeholders.sh — "Page N of M" painted in one pass (src/cites.h).
#
# A long document whose only page-number citations are in static content
# is laid out once: each citation is painted as zeros and the post-pass
# writes the number over them.  What a reader sees must be what the two
# passes make (COCOM_SPECULATE=0): the same text in the same places
# (pdftotext -layout and -bbox), the same pixels, the same messages.  When
# the guess cannot hold (a page count of another length, a number whose
# digits the font's copy in the file lacks, roman numerals, a count in a
# link, a citation in the flow), the document is laid out again the usual
# way, and the file is byte for byte the one two passes make.  With
# COCOM_SPECULATE=N set, cocom says in a note which way it went.

export SOURCE_DATE_EPOCH=1437177600

# pages_alike A.pdf B.pdf: the same pages at 40 dpi, pixel for pixel.
pages_alike() {
    rm -rf "$T/pa" "$T/pb"; mkdir -p "$T/pa" "$T/pb"
    pdftoppm -r 40 -png "$1" "$T/pa/p" || fail "pdftoppm failed on $1"
    pdftoppm -r 40 -png "$2" "$T/pb/p" || fail "pdftoppm failed on $2"
    [ "$(ls "$T/pa" | wc -l)" = "$(ls "$T/pb" | wc -l)" ] || fail "$1 and $2 have different page counts"
    for f in "$T"/pa/*.png; do
        cmp -s "$f" "$T/pb/$(basename "$f")" || fail "page $(basename "$f") of $1 does not look as in $2"
    done
}

# once_or_twice NAME DIGITS: renders $T/NAME.fo with a guess of DIGITS (to
# $T/NAME.once.pdf) and with two passes (NAME.twice.pdf).  Sets HELD to 1
# when the guess held, 0 when it did not, "" when none was tried; SAME to 1
# when the files are the same bytes.  Either way the text, its places, the
# pixels and the messages (the note aside) must be the same.  Each run
# writes NAME.pdf in a folder of its own, as messages name the file.
once_or_twice() {
    mkdir -p "$T/once" "$T/twice"
    (cd "$T/once" && COCOM_SPECULATE=$2 "$COCOM" render "../$1.fo" -o "$1.pdf" 2> "$1.err") \
        || { cat "$T/once/$1.err"; fail "$1: cannot render"; }
    (cd "$T/twice" && COCOM_SPECULATE=0 "$COCOM" render "../$1.fo" -o "$1.pdf" 2> "$1.err") \
        || fail "$1: cannot render twice"
    HELD=
    grep -q "COCOM_SPECULATE=$2: the guess held" "$T/once/$1.err" && HELD=1
    grep -q "COCOM_SPECULATE=$2: the guess did not hold" "$T/once/$1.err" && HELD=0
    { grep -v "note: COCOM_SPECULATE" "$T/once/$1.err" || true; } > "$T/once/$1.said"
    cmp -s "$T/once/$1.said" "$T/twice/$1.err" || { diff "$T/once/$1.said" "$T/twice/$1.err"; fail "$1: the messages differ"; }
    cp "$T/once/$1.pdf" "$T/$1.once.pdf"
    cp "$T/twice/$1.pdf" "$T/$1.twice.pdf"
    for how in -layout -bbox; do
        pdftotext $how "$T/$1.once.pdf" "$T/$1.once.txt"
        pdftotext $how "$T/$1.twice.pdf" "$T/$1.twice.txt"
        cmp -s "$T/$1.once.txt" "$T/$1.twice.txt" \
            || { diff "$T/$1.once.txt" "$T/$1.twice.txt" | head; fail "$1: the text differs (pdftotext $how)"; }
    done
    pdftotext -layout "$T/$1.once.pdf" "$T/$1.once.txt"
    pages_alike "$T/$1.once.pdf" "$T/$1.twice.pdf"
    SAME=0
    cmp -s "$T/$1.once.pdf" "$T/$1.twice.pdf" && SAME=1
    return 0
}

# The bench's report, 150 sections: over half a MiB, so the page count's
# length (3 digits) is foreseen from its first part, and the guess holds.
t_a_long_report_painted_once_reads_as_if_laid_out_twice() {
    bench_report 150 "$T/report.fo"
    once_or_twice report 3
    [ "$HELD" = 1 ] || fail "the guess of 3 digits for the report did not hold"
    # Unasked, cocom foresees those 3 digits: the same file.
    "$COCOM" render "$T/report.fo" -o "$T/auto.pdf" 2> "$T/auto.err" || { cat "$T/auto.err"; fail "cannot render"; }
    [ ! -s "$T/auto.err" ] || { cat "$T/auto.err"; fail "messages printed"; }
    cmp -s "$T/auto.pdf" "$T/report.once.pdf" || fail "cocom did not foresee the report's 3 digits"
    qpdf --check "$T/auto.pdf" > /dev/null || fail "qpdf --check fails"
    n=$(pdfinfo "$T/auto.pdf" | awk '/^Pages:/ {print $2}')
    [ "$n" -ge 100 ] && [ "$n" -le 999 ] || fail "$n pages: the test needs a count of 3 digits"
    # Every footer says the count, none the zeros.
    [ "$(grep -c "Page [0-9]* of $n\$" "$T/report.once.txt")" = "$n" ] || fail "not every page says 'of $n'"
    ! grep -q "of 000" "$T/report.once.txt" || fail "a placeholder's zeros are on a page"
    # No marker is left on a page, and the footers are still artifacts.
    qpdf --qdf --object-streams=disable "$T/auto.pdf" "$T/auto.qdf"
    ! grep -a -q "0 0 0.625 0.125 re\|0 0 0.75 0.125 re" "$T/auto.qdf" || fail "a cite marker is left on a page"
    [ "$(grep -a -c '/Artifact BMC' "$T/auto.qdf")" -ge "$n" ] || fail "the footers are no longer artifacts"
}

# A guess of the wrong length: laid out again, the file as two passes make
# it, each message said once.
t_a_wrong_guess_is_laid_out_again_and_said_once() {
    bench_report 150 "$T/report.fo"
    # One unknown property: a warning, said once per run.
    sed '0,/<fo:block font-size="15pt"/s//<fo:block colour="red" font-size="15pt"/' "$T/report.fo" > "$T/warn.fo"
    grep -q 'colour="red"' "$T/warn.fo" || fail "the test's edit did not apply"
    once_or_twice warn 2
    [ "$HELD" = 0 ] || fail "a guess of 2 digits for the report held"
    [ "$SAME" = 1 ] || fail "a wrong guess gave another file than two passes"
    [ "$(grep -c colour "$T/once/warn.err")" = 1 ] || { cat "$T/once/warn.err"; fail "the warning is not said exactly once"; }
    ! ls "$T"/once/warn.pdf.tmp* > /dev/null 2>&1 || fail "a temporary file is left"
}

# short_doc FOOTER PAGES: a document of PAGES pages whose footer is FOOTER
# (FO markup, citing the block "end"); its body has no digits.
short_doc() {
    {
        printf '<?xml version="1.0" encoding="UTF-8"?>\n'
        printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Sans" font-size="11pt">\n'
        printf '<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="150pt" margin="15pt">'
        printf '<fo:region-body margin-bottom="20pt"/><fo:region-after extent="14pt"/></fo:simple-page-master></fo:layout-master-set>\n'
        printf '<fo:page-sequence master-reference="p"%s>\n' "${FORMAT:-}"
        printf '<fo:static-content flow-name="xsl-region-after"><fo:block text-align="end" font-size="8pt">%s</fo:block></fo:static-content>\n' "$1"
        printf '<fo:flow flow-name="xsl-region-body">\n'
        i=1
        while [ "$i" -le "$2" ]; do
            printf '<fo:block%s>A page of words and no numbers.</fo:block>\n' "$([ "$i" -gt 1 ] && echo ' break-before="page"')"
            i=$((i + 1))
        done
        printf '<fo:block id="end"/></fo:flow></fo:page-sequence></fo:root>\n'
    }
}

t_placeholders_that_cannot_hold_are_laid_out_again() {
    # "Page N of 12": both digits of 12 are drawn in the footer's font
    # (pages 1 and 2), and Liberation Sans's digits are all as wide: once.
    short_doc 'Page <fo:page-number/> of <fo:page-number-citation-last ref-id="end"/>' 12 > "$T/ok.fo"
    once_or_twice ok 2
    [ "$HELD" = 1 ] || fail "'Page N of 12' was laid out twice"
    grep -q "Page 12 of 12" "$T/ok.once.txt" || fail "the last page does not say 'Page 12 of 12'"
    # A long footer: its text object is the same either way, so its glyphs
    # keep their places to the last (Cairo rounds each step along it).
    short_doc 'Widget Co. report, year two: page <fo:page-number/> of <fo:page-number-citation-last ref-id="end"/>' 12 > "$T/long.fo"
    once_or_twice long 2
    [ "$HELD" = 1 ] || fail "a long footer was laid out twice"
    # A count at the edge of its region, clipped there: drawn, or given
    # up, as two passes draw it.
    short_doc '<fo:block wrap-option="no-wrap" text-align="start"><fo:leader leader-length="164pt"/><fo:page-number-citation-last ref-id="end"/></fo:block>' 12 > "$T/edge.fo"
    once_or_twice edge 2
    # The count as a link: the link's description (/Contents) would be the zeros.
    short_doc 'Page <fo:page-number/> of <fo:basic-link internal-destination="end"><fo:page-number-citation-last ref-id="end"/></fo:basic-link>' 12 > "$T/link.fo"
    once_or_twice link 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "a count in a link was written over zeros"
    # "of 12" alone, in a font nothing else uses: its copy in the file
    # would lack the 1 and the 2 (only the zeros were drawn); and in 40
    # pages, given up after the first 16, in either thread.
    short_doc 'of <fo:inline font-weight="bold"><fo:page-number-citation-last ref-id="end"/></fo:inline>' 12 > "$T/glyphs.fo"
    once_or_twice glyphs 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "digits never drawn in their font were written over zeros"
    short_doc 'of <fo:inline font-weight="bold"><fo:page-number-citation-last ref-id="end"/></fo:inline>' 40 > "$T/early.fo"
    once_or_twice early 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "digits never drawn in their font were written over zeros (40 pages)"
    COCOM_THREADS=1 once_or_twice early 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "digits never drawn in their font were written over zeros (one thread)"
    # Digits drawn only in a transparent colour: Cairo embeds no glyph for them.
    short_doc 'of <fo:inline font-weight="bold"><fo:page-number-citation-last ref-id="end"/> <fo:inline color="transparent">123456789</fo:inline></fo:inline>' 12 > "$T/clear.fo"
    once_or_twice clear 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "digits drawn only in a transparent colour counted as drawn"
    # A count of another length than guessed.
    once_or_twice ok 3
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "a guess of 3 digits for 12 pages was kept"
    # Roman numerals: "xii" is no run of digits.
    FORMAT=' format="i"' short_doc 'Page <fo:page-number/> of <fo:page-number-citation-last ref-id="end"/>' 12 > "$T/roman.fo"
    once_or_twice roman 2
    [ "$HELD" = 0 ] && [ "$SAME" = 1 ] || fail "roman page numbers were written over zeros"
    grep -q "Page xii of xii" "$T/roman.once.txt" || fail "the roman count is not on the last page"
}

# A citation in the flow can move its breaks: the document is not
# painted before they are known, whatever the guess.
t_a_citation_in_the_flow_is_never_guessed() {
    cp "$SRCDIR/tests/fo/page-n-of-m.fo" "$T/flow.fo"
    once_or_twice flow 1
    [ -z "$HELD" ] && [ "$SAME" = 1 ] || fail "a document citing a page in its flow was painted before the numbers were known"
    grep -q "see page 3" "$T/flow.once.txt" || fail "the flow's citation is wrong"
}
