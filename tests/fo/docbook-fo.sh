# FO as DocBook XSL writes it (issue 21): program listings, forced breaks,
# and the errors and warnings Apache FOP gives on the same FO.  The
# fixtures are tests/fo/*.fo; each says what the XSL 1.1 specification
# asks of it.

# word_box FILE WORD FIELD: FIELD (xMin, yMin, xMax, yMax) of the first
# word WORD in FILE's pdftotext -bbox output.
word_box() {
    awk -F'"' -v w=">$2<" -v f="$3=" 'index($0, w) { for (i = 1; i < NF; i++) if ($i ~ f "$") { print $(i + 1); exit } }' "$1"
}

# expect_close A B WHAT: A and B (points) differ by less than 0.01.
expect_close() {
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && b != "" && d < 0.01) }' \
        || fail "$3: $1, expected $2"
}

t_a_listing_keeps_its_indentation() {
    render_fo listing
    pdftotext -bbox "$T/listing.pdf" "$T/w.html"
    x0=$(word_box "$T/w.html" zero xMin)
    # The advance of a space is that of any character in a monospace font:
    # a quarter of the four-letter word's width.
    adv=$(awk -v a="$(word_box "$T/w.html" zero xMax)" -v b="$x0" 'BEGIN { print (a - b) / 4 }')
    awk -v a="$adv" 'BEGIN { exit !(a > 5 && a < 7) }' || fail "the advance of Liberation Mono 10pt is $adv"
    x4=$(word_box "$T/w.html" four xMin)
    x8=$(word_box "$T/w.html" eight xMin)
    expect_close "$(awk -v a="$x4" -v b="$x0" 'BEGIN { print a - b }')" "$(awk -v a="$adv" 'BEGIN { print 4 * a }')" \
        "the line indented by 4 spaces starts this far right of the unindented one"
    expect_close "$(awk -v a="$x8" -v b="$x4" 'BEGIN { print a - b }')" "$(awk -v a="$adv" 'BEGIN { print 4 * a }')" \
        "8 spaces start this far right of 4"
    # A tab is one space, as in Apache FOP.
    expect_close "$(word_box "$T/w.html" tab xMin)" "$(awk -v a="$x0" -v b="$adv" 'BEGIN { print a + b }')" \
        "the line indented by a tab starts at"
    expect_close "$(word_box "$T/w.html" last2 xMin)" "$(awk -v a="$x0" -v b="$adv" 'BEGIN { print a + 2 * b }')" \
        "the last line of the second listing (2 spaces) starts at"
}

t_a_linefeed_at_the_end_of_a_listing_adds_no_line() {
    render_fo listing
    pdftotext -bbox "$T/listing.pdf" "$T/w.html"
    # Lines are 12pt and the listings' space-after 12pt: the next block
    # starts 24pt below the last line, whether or not the listing's text
    # ends in a linefeed.
    gap1=$(awk -v a="$(word_box "$T/w.html" afterone yMin)" -v b="$(word_box "$T/w.html" last1 yMin)" 'BEGIN { print a - b }')
    gap2=$(awk -v a="$(word_box "$T/w.html" aftertwo yMin)" -v b="$(word_box "$T/w.html" last2 yMin)" 'BEGIN { print a - b }')
    expect_close "$gap1" 24 "after the listing that ends in a linefeed, the next block starts this far below its last line"
    expect_close "$gap2" 24 "after the listing without a final linefeed, the next block starts this far below its last line"
    # ... and nothing is lost: every line is there, in order.
    expect_page_lines "$T/listing.pdf" 1 "Text before.|zero|four|eight|tab|last1|afterone|first|last2|aftertwo|"
}

t_breaks_with_nothing_between_make_one_page_break() {
    render_fo title-page
    expect_pages "$T/title-page.pdf" 5
    expect_page_lines "$T/title-page.pdf" 1 "Recto title|"
    expect_page_lines "$T/title-page.pdf" 2 "Verso title|Copyright notice|"
    expect_page_lines "$T/title-page.pdf" 3 "Table of Contents|"
    expect_page_lines "$T/title-page.pdf" 4 "Chapter one|folio 1|"
    expect_page_lines "$T/title-page.pdf" 5 "Chapter two|folio 2|"
}

t_duplicate_ids_are_an_error_naming_both_places() {
    f="$SRCDIR/tests/fo/duplicate-ids.fo"
    run_cocom render "$f" -o "$T/out.pdf"
    expect_rc 1
    expect_err "$f:23: error: the id 'intro' is used twice: here and at $f:20; each id must be unique in the document"
    expect_err "$f:25: error: the id 'seq' is used twice: here and at $f:15;"
    expect_err "$f:26: error: the id 'foot' is used twice: here and at $f:17;"
    expect_err_lines 3
    expect_only_files
    # The same FO made by a stylesheet (read from memory, not streamed
    # from a file) is refused the same way.
    cat > "$T/two.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        <xsl:for-each select="doc/p"><fo:block id="{@id}"><xsl:value-of select="."/></fo:block></xsl:for-each>
      </fo:flow></fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
XSL
    printf '<doc><p id="a">one</p><p id="b">two</p><p id="a">three</p></doc>\n' > "$T/doc.xml"
    run_cocom render --xsl "$T/two.xsl" "$T/doc.xml" -o "$T/out.pdf" --fo "$T/out.fo"
    expect_rc 1
    line=$(grep -n 'id="a">three' "$T/out.fo" | cut -d: -f1)
    first=$(grep -n 'id="a">one' "$T/out.fo" | cut -d: -f1)
    expect_err "$T/out.fo:$line: error: the id 'a' is used twice: here and at $T/out.fo:$first;"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_lines_into_the_margin_are_warned_once_per_block() {
    f="$SRCDIR/tests/fo/overfull.fo"
    run_cocom render "$f" -o "$T/out.pdf"
    expect_rc 0
    expect_pages "$T/out.pdf" 2
    expect_err "$f:22: warning: 2 lines of this fo:block run into the margin, the widest by 50.0pt (it has 160.0pt): 'abcdefghijabcdefghijabcdefghij…'"
    expect_err "$f:26: warning: a line of this fo:block runs into the margin by 58.0pt (it has 140.0pt): 'one two three four five six se…'"
    expect_err "$f:18: warning: a line of this fo:block runs into the margin by 50.0pt (it has 160.0pt): 'a running foot far too long, p…'"
    # Once per block: the running foot is too long on both pages.
    expect_err_lines 3
}

t_characters_no_font_has_are_named_once() {
    command -v fc-list > /dev/null || skip "fc-list (fontconfig) is not installed"
    for ch in 10fffd e000; do
        [ -z "$(fc-list ":charset=$ch" family)" ] || skip "a font here has U+$ch: $(fc-list ":charset=$ch" family | head -1)"
    done
    f="$SRCDIR/tests/fo/missing-glyphs.fo"
    run_cocom render "$f" -o "$T/out.pdf"
    expect_rc 0
    expect_err "$f:15: warning: no installed font has the characters U+10FFFD '$(printf '\364\217\277\275')', U+E000 '$(printf '\356\200\200')' (font-family 'Liberation Sans'); each is drawn as an empty box"
    expect_err "$f:17: warning: no installed font has the character U+10FFFD '$(printf '\364\217\277\275')' (font-family 'Liberation Serif'); it is drawn as an empty box"
    expect_err_lines 2
    # The characters are still in the text (as boxes on the page).
    expect_pdf_text "$T/out.pdf" 1 "$(printf 'Private \364\217\277\275 and \356\200\200.')"
}
