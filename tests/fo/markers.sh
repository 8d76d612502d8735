# fo:marker and fo:retrieve-marker (XSL 1.1 §6.13.5, §6.13.6, §7.24): the
# running head of each page shows the marker its retrieve-position and
# retrieve-boundary choose (tests/fo/markers*.fo say what is on each page).

markers_expect_heads() {
    pdf=$1
    H="first: Alpha|last: Alpha|carry: Alpha|lastst: Beta|doc: Alpha|page: Alpha|"
    expect_page_lines "$pdf" 1 "${H}Section Alpha|alpha line 1|alpha line 2|alpha line 3|Section Beta|beta line 1|beta line 2|beta line 3|beta line 4|beta line 5|beta line 6|beta line 7|beta line 8|"
    # Beta goes on from page 1 and ends here; Gamma starts here and goes on.
    H="first: Gamma|last: Beta|carry: Beta|lastst: Gamma|doc: Gamma|page: Gamma|"
    expect_page_lines "$pdf" 2 "${H}beta line 9|beta line 10|beta line 11|beta line 12|Section Gamma|gamma line 1|gamma line 2|gamma line 3|gamma line 4|gamma line 5|gamma line 6|gamma line 7|gamma line 8|"
    # No section starts on page 3: the last marker before it is carried
    # (boundary page-sequence), except where the boundary is the page.
    H="first: Gamma|last: Gamma|carry: Gamma|lastst: Gamma|doc: Gamma|page:|"
    expect_page_lines "$pdf" 3 "${H}gamma line 9|gamma line 10|gamma line 11|gamma line 12|plain line 1|plain line 2|plain line 3|plain line 4|plain line 5|plain line 6|plain line 7|plain line 8|plain line 9|"
    # Page 4 holds no marked object at all.
    expect_page_lines "$pdf" 4 "${H}plain line 10|plain line 11|plain line 12|plain line 13|plain line 14|plain line 15|plain line 16|plain line 17|plain line 18|plain line 19|plain line 20|plain line 21|plain line 22|"
    # A new page sequence: only retrieve-boundary="document" reaches back.
    expect_page_lines "$pdf" 5 "first:|last:|carry:|lastst:|doc: Gamma|page:|second sequence|"
}

t_the_running_head_shows_the_section_each_position_and_boundary_picks() {
    render_fo markers
    expect_pages "$T/markers.pdf" 5
    [ ! -s "$ERR" ] || { cat "$ERR"; fail "warnings from a document that is all supported"; }
    markers_expect_heads "$T/markers.pdf"
    # The marker's own formatting comes with it: the only italic text.
    pdffonts "$T/markers.pdf" | grep -q 'Italic' || fail "the retrieved markers lost their italic"
}

t_markers_are_retrieved_from_a_document_made_in_memory_too() {
    # The same FO through an identity transform: the layout reads a
    # document in memory rather than a stream.
    cat > "$T/identity.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
</xsl:stylesheet>
XSL
    cp "$SRCDIR/tests/fo/markers.fo" "$T/markers.xml"
    run_cocom render --xsl "$T/identity.xsl" "$T/markers.xml" -o "$T/mem.pdf"
    expect_rc 0
    markers_expect_heads "$T/mem.pdf"
}

t_markers_of_cells_inlines_and_list_items_and_out_of_place_ones() {
    render_fo markers-places
    expect_pages "$T/markers-places.pdf" 3
    expect_page_lines "$T/markers-places.pdf" 1 "head: cell marker|a table cell|"
    expect_page_lines "$T/markers-places.pdf" 2 "head: inline marker|text with an inline in it|"
    expect_page_lines "$T/markers-places.pdf" 3 "head: list marker|1. a list item body|"
    expect_err "markers-places.fo:16: warning: fo:marker is only allowed in a flow; this one in static content is left out"
    expect_err "markers-places.fo:31: warning: fo:retrieve-marker is only allowed in fo:static-content; this one in a flow retrieves nothing"
    expect_err_lines 2
}
