# Footnotes (XSL 1.1 §6.10.3, §6.10.4): each body at the foot of the page
# its citation lands on, under the xsl-footnote-separator; split between
# pages when longer than the room; tagged as a Note after its citation
# (tests/fo/footnotes.fo says what is on each page).

# footnote_words PDF PAGE: "lowest body text, highest note text" (points from
# the top): a line with a word that begins with "note" is a footnote's.
footnote_words() {
    pdftotext -bbox-layout -f "$2" -l "$2" "$1" "$T/bbox.html"
    awk -F'"' '/<line / { for (i = 1; i < NF; i++) { if ($i ~ /yMin=$/) y0 = $(i + 1); if ($i ~ /yMax=$/) y1 = $(i + 1) }; note = 0 }
               /<word / && />note/ { note = 1 }
               /<\/line>/ { if (note) { if (nmin == "" || y0 + 0 < nmin) nmin = y0 + 0 } else if (y1 + 0 > bmax) bmax = y1 + 0 }
               END { print bmax, nmin }' "$T/bbox.html"
}

# separator_rows PDF PAGE: the rows (points from the top) of the page's red
# pixels in a column through the separator's rule (x = 30pt).
separator_rows() {
    pdftoppm -r 72 -f "$2" -l "$2" -x 30 -y 0 -W 1 -H 300 -singlefile "$1" "$T/col" || fail "pdftoppm cannot draw $1"
    hdr=$(head -c 32 "$T/col.ppm" | head -n 3 | wc -c)
    od -An -v -tx1 -w3 -j "$hdr" "$T/col.ppm" | tr -d ' ' | awk '/^(f[0-9a-f]|e[0-9a-f])[0-4][0-9a-f][0-4][0-9a-f]$/ { print NR - 1 }'
}

t_footnotes_lie_at_the_foot_of_the_page_that_cites_them() {
    render_fo footnotes
    expect_pages "$T/footnotes.pdf" 3
    # Page 1 cites four, from a paragraph, a list item, a table cell and
    # the table's header: all four bodies are on it, below every line of
    # its body text.
    for w in "noteA the first footnote" "noteB from a list item" "noteC from a table cell" "noteE from a table header" "body cites A" "body list cites B" "body cites C" "body filler 8"; do
        expect_pdf_text "$T/footnotes.pdf" 1 "$w"
    done
    for p in 1 2 3; do
        set -- $(footnote_words "$T/footnotes.pdf" $p)
        [ -n "$2" ] || fail "page $p has no footnote text"
        awk -v b="$1" -v n="$2" 'BEGIN { exit !(b < n) }' || fail "page $p: body text reaches ${1}pt, below its footnotes at ${2}pt"
        # The last note line ends at the foot of the body (290pt).
        last=$(awk -F'"' '/<word / { for (i = 1; i < NF; i++) if ($i ~ /yMax=$/) y = $(i + 1); if (y + 0 > m) m = y + 0 } END { print m }' "$T/bbox.html")
        awk -v y="$last" 'BEGIN { exit !(y > 285 && y <= 290.5) }' || fail "page $p's last footnote line ends at ${last}pt, not at the foot of the body (290pt)"
        # The separator's red rule lies between the body and the notes.
        rows=$(separator_rows "$T/footnotes.pdf" $p | tr '\n' ' ')
        [ -n "$rows" ] || fail "page $p: no separator drawn"
        for r in $rows; do
            awk -v r="$r" -v b="$1" -v n="$2" 'BEGIN { exit !(r > b && r < n) }' || fail "page $p: the separator (rows $rows) is not between the body (${1}pt) and the notes (${2}pt)"
        done
    done
    [ ! -s "$ERR" ] || { cat "$ERR"; fail "warnings"; }
}

t_a_footnote_longer_than_the_room_goes_with_its_line_and_is_split() {
    render_fo footnotes
    # D's citing line does not fit on page 1 with its note: both go to page
    # 2, where the note takes what room there is ...
    expect_page_lines "$T/footnotes.pdf" 2 "body cites Dd|$(seq -f 'noteD line %g' 1 20 | tr '\n' '|')"
    # ... and the rest waits for page 3's foot, under the lines after it.
    expect_page_lines "$T/footnotes.pdf" 3 "$(seq -f 'body after %g' 1 5 | tr '\n' '|')$(seq -f 'noteD line %g' 21 30 | tr '\n' '|')"
}

t_footnotes_are_tagged_notes_after_their_citations() {
    render_fo footnotes
    struct_text "$T/footnotes.pdf" | tr -s ' ' | tr '\n' '~' > "$T/struct"
    grep -qF 'P (block)~ Span (inline)~ "body cites A"~ Span (inline)~ "a"~ Span (inline)~ " here"~ Note (inline)~ "noteA the first footnote"~' "$T/struct" \
        || { tr '~' '\n' < "$T/struct" | head -40; fail "noteA is not a Note right after its citation"; }
    grep -qF 'LBody (block)~ Span (inline)~ "body list cites B"~ Span (inline)~ "b"~ Note (inline)~ "noteB from a list item"~' "$T/struct" \
        || fail "noteB is not a Note in the list item's body after its citation"
    grep -qF 'TD~ Span (inline)~ "body cites C"~ Span (inline)~ "c"~ Note (inline)~ "noteC from a table cell"~' "$T/struct" \
        || fail "noteC is not a Note in its table cell after its citation"
    run_cocom pdfcheck "$T/footnotes.pdf"
    expect_rc 0
}
