# DocBook XSL run as the user's own stylesheet (issue 21, item 7):
# `cocom render --xsl .../docbook-xsl/fo/docbook.xsl doc.xml` on a DocBook 4
# article (its DTD, and so &mdash;, from the system's XML catalog) and a
# DocBook 5 book of our own (tests/docbook/*.xml), with DocBook's own
# parameters; and the document stays untrusted: a DTD or an external entity
# the catalog does not give is refused.  quickstart.sh installs
# docbook-xsl, docbook-xsl-ns and docbook-xml.

DB=/usr/share/xml/docbook/stylesheet
XSL="$DB/docbook-xsl/fo/docbook.xsl"
XSL_NS="$DB/docbook-xsl-ns/fo/docbook.xsl"

need_docbook() {
    [ -f "$XSL" ] && [ -f "$XSL_NS" ] || skip "docbook-xsl and docbook-xsl-ns are not installed (quickstart.sh installs them)"
    [ -f /usr/share/xml/docbook/schema/dtd/4.5/docbookx.dtd ] || skip "docbook-xml is not installed (quickstart.sh installs it)"
    mkdir -p "$T/in"
    cp "$SRCDIR"/tests/docbook/*.xml "$T/in/"
}

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

t_a_docbook4_article_renders_with_its_dtds_entities() {
    need_docbook
    run_cocom render --xsl "$XSL" "$T/in/article4.xml" -o "$T/a.pdf" --param paper.type A4
    expect_rc 0
    pdftotext "$T/a.pdf" "$T/a.txt"
    tr -s ' \n' '  ' < "$T/a.txt" > "$T/a1.txt"
    # &mdash; and &minus; come from the DTD, through the catalog.
    grep -qF "looks after—the one number" "$T/a1.txt" || fail "the em dash of &mdash; is not in the text"
    grep -qF "−13" "$T/a1.txt" || fail "the minus sign of &minus; is not in the table"
    for s in "Keeping a Practice Register" "Why the register matters" "Counting the list" "Keeping it up to date" \
             "def count_register(lines):" "Patients registered, by quarter" "October to December" \
             "Footnote text: the register is checked" "Removing patients who have moved away"; do
        grep -qF "$s" "$T/a1.txt" || fail "missing from the PDF: $s"
    done
    [ "$(pages "$T/a.pdf")" -gt 1 ] || fail "the article is one page"
    # --param reached DocBook: A4, not its default US letter.
    pdfinfo "$T/a.pdf" | grep -q "Page size: *595.* x 841.* pts" || fail "paper.type=A4 was not applied: $(pdfinfo "$T/a.pdf" | grep 'Page size')"
}

# The same book through both of DocBook's FO stylesheets: the namespaced
# one made for DocBook 5, and the classic one (which strips the namespace).
t_a_docbook5_book_renders() {
    need_docbook
    for x in "$XSL_NS" "$XSL"; do
        run_cocom render --xsl "$x" "$T/in/book5.xml" -o "$T/b.pdf" --stringparam paper.type=A4
        expect_rc 0
        pdftotext "$T/b.pdf" "$T/b.txt"
        for s in "The Committee Handbook" "Part I. The Committee" "Part II. Its Meetings" \
                 "Chapter 1. What the Committee Is" "Chapter 2. Who Sits on It" \
                 "Chapter 3. How Meetings Run" "Chapter 4. How It Decides" "About this handbook" \
                 "the chair has a casting vote" "quorate = voting_present >= 4"; do
            grep -qF "$s" "$T/b.txt" || fail "missing from the PDF made with $x: $s"
        done
        [ "$(pages "$T/b.pdf")" -gt 1 ] || fail "the book is one page"
        pdfinfo "$T/b.pdf" | grep -q "Page size: *595.* x 841.* pts" || fail "--stringparam paper.type=A4 was not applied"
        rm "$T/b.pdf"
    done
}

t_a_dtd_not_in_the_catalog_is_refused() {
    need_docbook
    echo '<!ENTITY mdash "PRIVATE-DTD-READ">' > "$T/in/private.dtd"
    printf '<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "private.dtd">\n<article><title>T</title><para>a&mdash;b</para></article>\n' > "$T/in/d.xml"
    run_cocom render --xsl "$XSL" "$T/in/d.xml" -o "$T/d.pdf"
    expect_rc 1
    expect_err "d.xml:2: error: the DOCTYPE names the DTD 'private.dtd', which is not in the system's XML catalog"
    ! grep -q PRIVATE-DTD-READ "$ERR" || fail "the DTD was read"
    [ ! -e "$T/d.pdf" ] || fail "a PDF was written"
}

t_an_external_entity_in_the_document_is_refused() {
    need_docbook
    # With the DocBook DTD too: the catalog's DTD does not make the
    # document's own declarations trusted.
    printf '<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd" [\n<!ENTITY leak SYSTEM "file:///etc/passwd">\n]>\n<article><title>T</title><para>&leak;</para></article>\n' > "$T/in/x.xml"
    run_cocom render --xsl "$XSL" "$T/in/x.xml" -o "$T/x.pdf"
    expect_rc 1
    expect_err "x.xml:3: error: the document declares an external entity 'leak' (pointing at 'file:///etc/passwd'), which is not in the system's XML catalog"
    ! grep -q "root:" "$OUT" "$ERR" || fail "/etc/passwd leaked"
    [ ! -e "$T/x.pdf" ] || fail "a PDF was written"
}

# Internal entities are expanded, within libxml2's limits.
t_billion_laughs_in_the_document_is_refused() {
    need_docbook
    {
        echo '<?xml version="1.0"?>'
        echo '<!DOCTYPE article ['
        echo '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        prev=a
        for e in b c d e f g h i j; do
            echo "<!ENTITY $e \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
            prev=$e
        done
        echo ']>'
        echo '<article><title>T</title><para>&j;</para></article>'
    } > "$T/in/lol.xml"
    run_cocom render --xsl "$XSL" "$T/in/lol.xml" -o "$T/l.pdf"
    expect_rc 1
    expect_err "the document's entities expand too far"
    [ ! -e "$T/l.pdf" ] || fail "a PDF was written"
    # ... and a modest one is fine.
    printf '<?xml version="1.0"?>\n<!DOCTYPE article [\n<!ENTITY co "Example Surgery Ltd">\n]>\n<article><title>T</title><para>Written by &co;.</para></article>\n' > "$T/in/co.xml"
    run_cocom render --xsl "$XSL" "$T/in/co.xml" -o "$T/c.pdf"
    expect_rc 0
    pdftotext "$T/c.pdf" - | grep -qF "Written by Example Surgery Ltd." || fail "an internal entity was not expanded"
}

# A customisation layer of the user's imports DocBook by its URL, which the
# catalog maps to the local copy (never the network).
t_a_customisation_layer_imports_docbook_through_the_catalog() {
    need_docbook
    cat > "$T/custom.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="http://docbook.sourceforge.net/release/xsl/current/fo/docbook.xsl"/>
  <xsl:param name="paper.type">A5</xsl:param>
</xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/custom.xsl" "$T/in/article4.xml" -o "$T/c.pdf"
    expect_rc 0
    pdfinfo "$T/c.pdf" | grep -q "Page size: *419.* x 595.* pts" || fail "the layer's A5 was not applied"
    pdftotext "$T/c.pdf" - | grep -qF "Counting the list" || fail "the text is missing"
}

# The book's index, which DocBook XSL sets on pages of two columns
# (column.count.index): its entries run down the first column and on in
# the second, and being the flow's end, the two are balanced.
t_the_docbook_index_is_set_in_two_columns() {
    need_docbook
    run_cocom render --xsl "$XSL_NS" "$T/in/book5.xml" -o "$T/b.pdf" --stringparam paper.type=A4
    expect_rc 0
    ! grep -q 'column-count' "$ERR" || { cat "$ERR"; fail "a warning about columns"; }
    n=$(pages "$T/b.pdf")
    pdftotext -f "$n" -l "$n" -bbox "$T/b.pdf" - | awk '
        /<word / {
            match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /yMin="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
            t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
            print x, y, t
        }' > "$T/idx"
    grep -q ' Index$' "$T/idx" || fail "the last page is not the index"
    # First column: "accountable officer" at the region's start; second
    # column: "vice-chair", past the page's middle (297.6pt).
    a=$(awk '$3 == "accountable" { print $1, $2 }' "$T/idx"); v=$(awk '$3 == "vice-chair," { print $1, $2 }' "$T/idx")
    [ -n "$a" ] && [ -n "$v" ] || { cat "$T/idx"; fail "index entries missing"; }
    set -- $a $v
    awk -v a="$1" -v v="$3" 'BEGIN { exit !(a < 150 && v > 297.6) }' || fail "the index is not in two columns (x: $1, $3)"
    # Balanced: the last entries of the two columns end within two lines.
    h=$(awk '$3 == "Healthwatch," { print $2 }' "$T/idx")
    awk -v h="$h" -v v="$4" 'BEGIN { d = h - v; exit !(d > -25 && d < 25) }' || fail "the columns end at $h and $4: not balanced"
}
