# tests/docs/accessibility.sh — what every document's FO carries for an
# accessible PDF: the language, XMP metadata, a role on every block,
# inline, list, table and link, one H1, bookmarks for reports and terms of
# reference.  Checked on the FO (xsltproc, the same libxslt cocom uses).
. "$SRCDIR/tests/docs/common.inc"

FO='http://www.w3.org/1999/XSL/Format'

xp() { xmllint --xpath "$1" "$2" 2>/dev/null; }

check_fo() {
    f=$1
    n=$(xp "count(//*[namespace-uri()='$FO'][local-name()='block' or local-name()='inline' or local-name()='list-block'
          or local-name()='list-item' or local-name()='list-item-label' or local-name()='list-item-body'
          or local-name()='table' or local-name()='table-header' or local-name()='table-body' or local-name()='table-row'
          or local-name()='table-cell' or local-name()='basic-link' or local-name()='block-container'][not(@role)])" "$f")
    [ "$n" = 0 ] || fail "$(basename "$f"): $n formatting objects without a role"
    [ "$(xp "string(/*/@*[local-name()='lang'])" "$f")" = "en-GB" ] || fail "$(basename "$f"): fo:root has no xml:lang en-GB"
    for dc in title creator description language; do
        v=$(xp "string(//*[namespace-uri()='http://purl.org/dc/elements/1.1/'][local-name()='$dc'])" "$f")
        [ -n "$v" ] || fail "$(basename "$f"): no dc:$dc in the XMP"
    done
    [ "$(xp "count(//*[@role='H1'])" "$f")" -ge 1 ] || fail "$(basename "$f"): no H1"
    [ "$(xp "count(//*[namespace-uri()='$FO'][local-name()='basic-link'][not(@role='Link')])" "$f")" = 0 ] || fail "$(basename "$f"): a link without role Link"
    # A table is a Table to a screen reader, unless it only lays things
    # out: then a Div (the Westminster masthead), a list (the ballot's
    # three model boxes) or, in running heads, an artifact.
    [ "$(xp "count(//*[namespace-uri()='$FO'][local-name()='table'][not(@role='Table' or @role='Div' or @role='L' or @role='artifact')])" "$f")" = 0 ] || fail "$(basename "$f"): a table without role Table, Div or L"
    [ "$(xp "count(//*[namespace-uri()='$FO'][local-name()='static-content']//*[@role and @role!='artifact'])" "$f")" = 0 ] || fail "$(basename "$f"): running header or footer content not marked artifact"
    # left-aligned, never justified text (text-align-last="justify" spreads leaders only)
    [ "$(xp "count(//@text-align[.='justify'])" "$f")" = 0 ] || fail "$(basename "$f"): justified text"
    [ "$(xp "string(/*/@font-size)" "$f")" = "12pt" ] || fail "$(basename "$f"): body text is not 12 pt"
}

t_every_document_carries_roles_language_and_metadata() {
    fo_of "$T/r1.fo" report-city-of-wolverhampton.xsl "$(sample wolverhampton-2015)"
    fo_of "$T/r2.fo" report-westminster-city-council.xsl "$(sample westminster-2015)"
    fo_of "$T/p.fo" proforma.xsl "$(sample rotherham-2015)"
    fo_of "$T/t.fo" terms-of-reference.xsl "$(sample westminster-2015)" --stringparam committee clccg-jc
    fo_of "$T/b.fo" ballot.xsl "$(sample wolverhampton-2015)"
    fo_of "$T/m.fo" mandate-summary.xsl "$SRCDIR/tests/docs/mandate/majority.xml"
    for f in r1 r2 p t b m; do check_fo "$T/$f.fo"; done
    # reports and terms of reference: a bookmark per section; a contents
    # list in the terms of reference, none in the councils' reports (their
    # papers have none)
    for f in r1 r2 t; do
        [ "$(xp "count(//*[local-name()='bookmark'])" "$T/$f.fo")" -ge 9 ] || fail "$f: too few bookmarks"
    done
    [ "$(xp "count(//*[@role='TOCI'])" "$T/t.fo")" -ge 9 ] || fail "t: no contents list"
    [ "$(xp "count(//*[@role='TOCI'][not(.//*[local-name()='page-number-citation'])])" "$T/t.fo")" = 0 ] || fail "t: a contents entry without its page number"
    for f in r1 r2; do
        [ "$(xp "count(//*[@role='TOCI'])" "$T/$f.fo")" = 0 ] || fail "$f: a council report with a contents list"
    done
    [ "$(xp "string(//*[local-name()='title'][namespace-uri()='http://purl.org/dc/elements/1.1/'])" "$T/r2.fo")" = "Primary care co-commissioning" ] || fail "r2: dc:title"
}

t_language_follows_the_arrangement_and_the_parameter() {
    sample_edit hull-2015 "$T/a.xml" 's|xml:lang="en-GB"|xml:lang="cy-GB"|'
    fo_of "$T/a.fo" proforma.xsl "$T/a.xml"
    [ "$(xp "string(/*/@*[local-name()='lang'])" "$T/a.fo")" = "cy-GB" ] || fail "xml:lang not taken from the arrangement"
    fo_of "$T/b.fo" proforma.xsl "$(sample hull-2015)" --stringparam lang en
    [ "$(xp "string(/*/@*[local-name()='lang'])" "$T/b.fo")" = "en" ] || fail "the lang parameter is ignored"
    # And it reaches the PDF: the catalog's /Lang and the XMP's dc:language
    # say the arrangement's language, or the parameter's.
    render "$T/p.pdf" proforma.xsl "$(sample hull-2015)"
    [ "$(pdf_info "$T/p.pdf" Author)" = "Hull CCG" ] || fail "PDF author: $(pdf_info "$T/p.pdf" Author)"
    render "$T/cy.pdf" proforma.xsl "$T/a.xml"
    render "$T/en.pdf" proforma.xsl "$(sample hull-2015)" lang en
    for want in p:en-GB cy:cy-GB en:en; do
        f="$T/${want%%:*}.pdf"; lang=${want#*:}
        got=$(pdf_jq "$f" 'root."/Lang"')
        [ "$got" = "u:$lang" ] || fail "$(basename "$f"): /Lang is '$got', expected $lang"
        pdfinfo -meta "$f" | grep -qF "<dc:language><rdf:Bag><rdf:li>$lang</rdf:li></rdf:Bag></dc:language>" \
            || fail "$(basename "$f"): the XMP's dc:language is not $lang"
    done
}

t_customisation_layer_restyles_without_copying() {
    # an organisation's layer: import, override a parameter and an attribute set
    cat > "$T/layer.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="$SRCDIR/stylesheets/proforma.xsl"/>
  <xsl:param name="heading-color" select="'#330072'"/>
  <xsl:param name="body-font-size" select="'14pt'"/>
  <xsl:attribute-set name="section.heading"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:attribute-set>
</xsl:stylesheet>
XSL
    xsltproc "$T/layer.xsl" "$(sample hull-2015)" > "$T/l.fo" || fail "the layer did not run"
    [ "$(xp "string(/*/@font-size)" "$T/l.fo")" = "14pt" ] || fail "body size not overridden"
    [ "$(xp "count(//*[@role='H2'][@color='#330072'][@font-style='italic'])" "$T/l.fo")" -ge 10 ] || fail "headings not restyled"
}
