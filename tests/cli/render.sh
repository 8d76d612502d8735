# cocom render from the command line: outputs, inputs, errors, and
# byte-identical output when SOURCE_DATE_EPOCH is set.

FO="$SRCDIR/tests/fo/page-n-of-m.fo"

t_render_to_pdf() {
    run_cocom render "$FO" -o "$T/out.pdf"
    expect_rc 0
    expect_pages "$T/out.pdf" 3
    [ -z "$(ls "$T" | grep tmp)" ] || fail "a temporary file was left"
}

t_render_from_standard_input() {
    run_cocom_in "$FO" render - -o "$T/out.pdf"
    expect_rc 0
    expect_pages "$T/out.pdf" 3
}

t_render_png_pages() {
    run_cocom render "$FO" --png "$T/pages" --dpi 40
    expect_rc 0
    [ -f "$T/pages/page-0001.png" ] && [ -f "$T/pages/page-0003.png" ] || fail "PNG pages missing"
    [ ! -f "$T/pages/page-0004.png" ] || fail "too many pages"
    # The PNG signature, and a 300pt by 200pt page at 40 dpi: 167 by 112 pixels.
    sig=$(head -c 4 "$T/pages/page-0002.png" | od -An -tx1 | tr -d ' \n')
    [ "$sig" = "89504e47" ] || fail "not a PNG ($sig)"
    size=$(od -An -tu1 -j16 -N8 "$T/pages/page-0002.png" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }')
    [ "$size" = "167x112" ] || fail "the page is $size pixels, expected 167x112"
}

# Cairo's SVG draws each character (spaces too) as a <use> of a glyph
# symbol: a page shows its own text when it draws as many glyphs as the
# PDF's same page has characters (pdftotext, lines joined).
t_render_svg_pages() {
    run_cocom render "$FO" --svg "$T/svg"
    expect_rc 0
    [ "$(ls "$T/svg")" = "$(printf 'page-0001.svg\npage-0002.svg\npage-0003.svg')" ] \
        || fail "expected three pages, got: $(ls "$T/svg" | tr '\n' ' ')"
    run_cocom render "$FO" -o "$T/out.pdf"
    expect_rc 0
    for p in 1 2 3; do
        svg="$T/svg/page-000$p.svg"
        xmllint --noout "$svg" || fail "page $p is not well-formed XML"
        grep -q '<svg [^>]*width="300pt" height="200pt"' "$svg" || fail "page $p is not an SVG of a 300pt by 200pt page"
        glyphs=$(grep -o '<use xlink:href="#glyph' "$svg" | wc -l)
        chars=$(pdftotext -f $p -l $p "$T/out.pdf" - | tr -d '\n\f' | wc -m)
        [ "$chars" -gt 10 ] || fail "page $p of the PDF has only $chars characters"
        [ "$glyphs" = "$chars" ] || fail "page $p of the SVG draws $glyphs glyphs; the PDF's page $p has $chars characters"
    done
}

t_render_through_a_stylesheet_with_parameters() {
    cat > "$T/data.xml" <<XML
<note><text>from the data</text></note>
XML
    cat > "$T/note.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:param name="greeting" select="'unset'"/>
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="100pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        <fo:block><xsl:value-of select="$greeting"/>: <xsl:value-of select="note/text"/></fo:block>
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
</xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/note.xsl" "$T/data.xml" --param greeting "Hello there" -o "$T/out.pdf"
    expect_rc 0
    expect_page_lines "$T/out.pdf" 1 "Hello there: from the data|"
    run_cocom render --xsl="$T/note.xsl" "$T/data.xml" --param greeting=Hi -o "$T/out2.pdf"
    expect_rc 0
    expect_page_lines "$T/out2.pdf" 1 "Hi: from the data|"
}

t_identical_bytes_with_source_date_epoch() {
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$SRCDIR/tests/fo/justify.fo" -o "$T/a.pdf"
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$SRCDIR/tests/fo/justify.fo" -o "$T/b.pdf"
    cmp "$T/a.pdf" "$T/b.pdf" || fail "two runs differ"
    pdfinfo "$T/a.pdf" | grep -q "CreationDate:.*2015" || fail "the creation date is not SOURCE_DATE_EPOCH's"
}

t_missing_input() {
    run_cocom render "$T/nope.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err "nope.fo: error: cannot read the file: no such file"
    [ ! -e "$T/out.pdf" ] || fail "an output was written"
}

t_not_an_fo_document() {
    echo '<html><body/></html>' > "$T/x.fo"
    run_cocom render "$T/x.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err "x.fo:1: error: this is not an XSL-FO document: the root element must be <fo:root>"
    [ ! -e "$T/out.pdf" ] || fail "an output was written"
}

t_malformed_fo_leaves_no_output_and_keeps_an_old_one() {
    # Broken at the end, after pages have been laid out: still nothing is
    # written, and the PDF that was there stays as it was.
    head -n 18 "$FO" > "$T/broken.fo"
    echo "<fo:block>unclosed" >> "$T/broken.fo"
    echo "old" > "$T/out.pdf"
    run_cocom render "$T/broken.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err_re "broken.fo:[0-9]+: error: not well-formed XML"
    [ "$(cat "$T/out.pdf")" = "old" ] || fail "the old output was touched"
    [ -z "$(ls "$T" | grep tmp)" ] || fail "a temporary file was left"
}

t_output_folder_missing() {
    run_cocom render "$FO" -o "$T/no/such/folder/out.pdf"
    expect_rc 1
    expect_err "no/such/folder/out.pdf: error: cannot write the PDF: its folder does not exist"
    expect_only_files
}

t_render_usage_errors() {
    run_cocom render "$FO"
    expect_rc 2
    expect_err "no output given"
    run_cocom render -o "$T/x.pdf"
    expect_rc 2
    expect_err "no input given"
    run_cocom render "$FO" -o "$T/a.pdf" --png "$T/p"
    expect_rc 2
    expect_err "give only one of -o, --png and --svg"
    run_cocom render "$FO" --png "$T/p" --dpi 0
    expect_rc 2
    expect_err "'0' is not a whole number from 1 to 2400"
}

t_max_pages_stops_a_runaway_document() {
    run_cocom render "$FO" -o "$T/out.pdf" --max-pages 2
    expect_rc 1
    expect_err "the document reached 2 pages, the limit (see --max-pages)"
    [ ! -e "$T/out.pdf" ] || fail "a partial PDF was written"
    expect_only_files
    # Pages of PNG already written are taken back.
    mkdir "$T/png"
    run_cocom render "$FO" --png "$T/png" --dpi 30 --max-pages 2
    expect_rc 1
    expect_err "the document reached 2 pages, the limit (see --max-pages)"
    [ -z "$(ls -A "$T/png")" ] || fail "pages were left: $(ls -A "$T/png" | tr '\n' ' ')"
    expect_only_files png
}

# A render stopped part-way through a table (here by --max-pages) frees
# what it had read of it, the open table-body's id included: the
# sanitizer build fails on a leak (fuzz-fo found this one).
t_a_render_stopped_mid_table_leaves_nothing_behind() {
    {
        echo '<?xml version="1.0"?>'
        echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
        echo '<fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master>'
        echo '</fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
        echo '<fo:table><fo:table-header id="h"><fo:table-row><fo:table-cell><fo:block>Head</fo:block></fo:table-cell></fo:table-row></fo:table-header>'
        echo '<fo:table-body id="rows">'
        i=0
        while [ $i -lt 200 ]; do
            echo "<fo:table-row><fo:table-cell><fo:block>row $i</fo:block></fo:table-cell></fo:table-row>"
            i=$((i + 1))
        done
        echo '</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>'
    } > "$T/long-table.fo"
    run_cocom render "$T/long-table.fo" -o "$T/out.pdf" --max-pages 1
    expect_rc 1
    expect_err "the document reached 1 pages, the limit (see --max-pages)"
    [ ! -e "$T/out.pdf" ] || fail "a partial PDF was written"
}

t_entities_in_fo_are_refused() {
    echo "SECRET-WORD-7731" > "$T/secret.txt"
    cat > "$T/xxe.fo" <<XML
<?xml version="1.0"?>
<!DOCTYPE fo:root [ <!ENTITY s SYSTEM "file://$T/secret.txt"> ]>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>&s;</fo:block></fo:flow></fo:page-sequence></fo:root>
XML
    run_cocom render "$T/xxe.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err "declares entities; entities are refused"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

# A stylesheet whose FO has a bad property on its tenth line once written
# out (the literal result element sits on line 5 of the stylesheet).
bad_fo_xsl() {
    cat > "$T/w.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
<xsl:template match="/">
<fo:root><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block bogus="1">text</fo:block>
</fo:flow></fo:page-sequence></fo:root>
</xsl:template></xsl:stylesheet>
XSL
    echo '<doc/>' > "$T/in.xml"
}

t_fo_messages_point_into_the_fo_that_fo_writes() {
    bad_fo_xsl
    run_cocom render --xsl "$T/w.xsl" "$T/in.xml" --fo "$T/out.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "out.fo:10: warning: unknown property 'bogus' on fo:block; ignored"
    sed -n 10p "$T/out.fo" | grep -q 'bogus="1"' || fail "line 10 of the FO is not the bad block: $(sed -n 10p "$T/out.fo")"
    expect_no_err "note:"
}

t_fo_messages_without_fo_say_where_the_lines_count() {
    bad_fo_xsl
    run_cocom render --xsl "$T/w.xsl" "$T/in.xml" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.xml (through $T/w.xsl):10: warning: unknown property 'bogus' on fo:block; ignored"
    expect_err "note: the line numbers of '$T/in.xml (through $T/w.xsl)' count in the XSL-FO the stylesheet made; --fo FILE writes it"
}

t_fo_option_needs_a_stylesheet() {
    run_cocom render --fo "$T/x.fo" "$SRCDIR/tests/fo/justify.fo" -o "$T/out.pdf"
    expect_rc 2
    expect_err "--fo writes the XSL-FO a stylesheet makes: it needs --xsl"
}

# What a stylesheet says, and what goes wrong in it, is reported at its
# line, and nothing reaches standard error in libxml2's own words.
t_stylesheet_messages_and_errors_have_their_lines() {
    echo '<doc/>' > "$T/in.xml"
    cat > "$T/msg.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
<xsl:template match="/">
<xsl:message>hello from the stylesheet</xsl:message>
<xsl:value-of select="nosuch:func(1)"/>
<fo:root/>
</xsl:template></xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/msg.xsl" "$T/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "msg.xsl:3: warning: hello from the stylesheet"
    expect_err "msg.xsl:4: error: function func bound to undefined prefix nosuch"
    ! grep -v "^$T/msg.xsl:[0-9]*: " "$ERR" | grep -q . || { cat "$ERR"; fail "a line without its place"; }
    cat > "$T/bad.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/">
<xsl:value-of select="count(*)"/>
<xsl:value-of select="1 +"/>
</xsl:template></xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/bad.xsl" "$T/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "bad.xsl:4: error: xsl:value-of : could not compile select expression '1 +'"
    expect_no_err "XPath error"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_fo_bytes_not_in_the_declared_encoding() {
    printf '<?xml version="1.0" encoding="EUC-JP"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>\265\163\054\040 \377\377</fo:block></fo:flow></fo:page-sequence></fo:root>\n' > "$T/enc.fo"
    run_cocom render "$T/enc.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err_re "enc\.fo:[0-9]+: error: the file contains bytes that are not text in its encoding"
    expect_err_lines 1
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

# The post-pass streams over Cairo's file itself (src/pdfstream.h): a
# render needs no libqpdf, which only pdfcheck opens (src/qpdf-load.h).
t_a_render_needs_no_libqpdf() {
    export COCOM_QPDF_LIBRARY="$T/no-such-libqpdf.so"
    run_cocom render "$FO" -o "$T/out.pdf"
    unset COCOM_QPDF_LIBRARY
    expect_rc 0
    qpdf --check "$T/out.pdf" > /dev/null 2>&1 || fail "qpdf --check fails"
    [ "$(pdf_jq "$T/out.pdf" 'root | has("/Metadata")')" = true ] || fail "the post-pass did not run"
}

# libxslt is opened when a stylesheet is first used (src/xslt-load.h): an
# FO file renders without it; a stylesheet cannot, and says why, leaving no
# PDF; and the library of the right name but the wrong kind is refused.
t_an_fo_render_needs_no_libxslt() {
    export COCOM_EXSLT_LIBRARY="$T/no-such-libexslt.so"
    run_cocom render "$FO" -o "$T/out.pdf"
    unset COCOM_EXSLT_LIBRARY
    expect_rc 0
    expect_page_lines "$T/out.pdf" 1 "One|Page 1 of 3|"
}

t_without_libxslt_a_stylesheet_says_so() {
    cat > "$T/data.xml" <<XML
<note>text</note>
XML
    cat > "$T/note.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"/></xsl:stylesheet>
XSL
    export COCOM_EXSLT_LIBRARY="$T/no-such-libexslt.so"
    run_cocom render --xsl "$T/note.xsl" "$T/data.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "note.xsl: error: cannot use the stylesheet: libxslt could not be loaded ($T/no-such-libexslt.so: cannot open shared object file"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
    export COCOM_EXSLT_LIBRARY=libz.so.1
    run_cocom render --xsl "$T/note.xsl" "$T/data.xml" -o "$T/out.pdf"
    unset COCOM_EXSLT_LIBRARY
    expect_rc 1
    expect_err "(libz.so.1 and the libxslt it loads have no exsltRegisterAll, so they are not libraries cocom can use)"
}

# A library that is not libqpdf (zlib, which every cocom loads) is refused
# by the first function it lacks, not called.
t_a_library_that_is_not_libqpdf_is_refused() {
    run_cocom render "$FO" -o "$T/out.pdf"
    expect_rc 0
    export COCOM_QPDF_LIBRARY=libz.so.1
    run_cocom pdfcheck "$T/out.pdf"
    unset COCOM_QPDF_LIBRARY
    expect_rc 1
    expect_err "could not be loaded (libz.so.1 has no function qpdf_init, so it is not a libqpdf cocom can use)"
}
