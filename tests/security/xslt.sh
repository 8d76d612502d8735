# What a stylesheet may and may not do when cocom runs it: read only files
# in the input's folder, the stylesheet's folder and the data folder; no
# writing, no network; every document it loads parsed with the safe
# settings; recursion and running time bounded.

# A stylesheet that makes a one-page FO document showing $text.
page_xsl() {
    cat <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl">
  $1
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        <fo:block>$2</fo:block>
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
</xsl:stylesheet>
XSL
}

setup() {
    mkdir -p "$T/work" "$T/secret"
    echo '<doc/>' > "$T/work/in.xml"
    echo "<s>SECRET-7f3a</s>" > "$T/secret/s.xml"
    echo "SECRET-7f3a" > "$T/secret/plain.txt"
}

t_document_reads_a_file_beside_the_input() {
    setup
    echo "<s>NEIGHBOUR-OK</s>" > "$T/work/beside.xml"
    page_xsl "" "<xsl:value-of select=\"document('beside.xml')/s\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 0
    pdftotext "$T/out.pdf" - | grep -q NEIGHBOUR-OK || fail "an allowed file was not read"
}

t_document_cannot_read_outside_the_allowed_folders() {
    setup
    page_xsl "" "<xsl:value-of select=\"document('$T/secret/s.xml')/s\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "the stylesheet tried to read '$T/secret/s.xml', which is outside the folders it may read"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_document_cannot_escape_with_dot_dot() {
    setup
    page_xsl "" "<xsl:value-of select=\"document('../secret/s.xml')/s\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "which is outside the folders it may read"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
}

t_document_of_etc_passwd_is_refused() {
    setup
    page_xsl "" "<xsl:value-of select=\"document('/etc/passwd')\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "the stylesheet tried to read '/etc/passwd'"
    ! grep -q "root:" "$OUT" "$ERR" || fail "/etc/passwd leaked"
}

t_network_is_refused() {
    setup
    page_xsl "" "<xsl:value-of select=\"document('http://127.0.0.1:9/x.xml')\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "from the network, which is not allowed"
}

t_an_entity_in_a_loaded_document_is_refused() {
    setup
    cat > "$T/work/evil.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE s [ <!ENTITY leak SYSTEM "file://$T/secret/plain.txt"> ]>
<s>&leak;</s>
XML
    page_xsl "" "<xsl:value-of select=\"document('evil.xml')/s\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_err "declares an external entity 'leak'"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
    [ ! -e "$T/out.pdf" ] || ! pdftotext "$T/out.pdf" - | grep -q SECRET || fail "the secret is in the PDF"
}

t_an_entity_in_the_input_is_refused() {
    setup
    cat > "$T/work/in2.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE doc [ <!ENTITY leak SYSTEM "file://$T/secret/plain.txt"> ]>
<doc>&leak;</doc>
XML
    page_xsl "" "<xsl:value-of select=\"/doc\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in2.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "declares an external entity 'leak'"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_an_entity_in_the_stylesheet_is_refused() {
    setup
    page_xsl "" "&leak;" | sed "1i <!DOCTYPE xsl:stylesheet [ <!ENTITY leak SYSTEM \"file://$T/secret/plain.txt\"> ]>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "declares an external entity 'leak'"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
}

t_exsl_document_cannot_write_a_file() {
    setup
    page_xsl "" "<exsl:document href=\"$T/work/written.txt\" method=\"text\">pwned</exsl:document>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    [ ! -e "$T/work/written.txt" ] || fail "the stylesheet wrote a file"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_an_import_outside_the_allowed_folders_is_refused() {
    setup
    page_xsl "" "x" > "$T/secret/other.xsl"
    page_xsl "<xsl:import href=\"$T/secret/other.xsl\"/>" "y" | sed 's|<xsl:import|\0|' > "$T/work/s.xsl"
    # xsl:import must come first: move it to the top of the stylesheet.
    sed -i "/<xsl:import/d" "$T/work/s.xsl"
    sed -i "s|extension-element-prefixes=\"exsl\">|extension-element-prefixes=\"exsl\"><xsl:import href=\"$T/secret/other.xsl\"/>|" "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "outside the folders it may read"
}

t_endless_recursion_is_stopped() {
    setup
    cat > "$T/work/s.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="again"><xsl:param name="n" select="0"/><xsl:call-template name="again"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template></xsl:template>
  <xsl:template match="/"><xsl:call-template name="again"/></xsl:template>
</xsl:stylesheet>
XSL
    start=$(date +%s)
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err_re "(recurs|depth|too deep|nested)"
    [ $(( $(date +%s) - start )) -lt 30 ] || fail "too slow to stop"
}

t_an_endless_loop_is_stopped_by_the_timeout() {
    setup
    # Exponential work, no recursion limit reached: only the clock stops it.
    cat > "$T/work/s.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="t"><xsl:param name="d" select="0"/>
    <xsl:if test="$d &lt; 60"><xsl:call-template name="t"><xsl:with-param name="d" select="$d + 1"/></xsl:call-template><xsl:call-template name="t"><xsl:with-param name="d" select="$d + 1"/></xsl:call-template></xsl:if>
  </xsl:template>
  <xsl:template match="/"><xsl:call-template name="t"/></xsl:template>
</xsl:stylesheet>
XSL
    start=$(date +%s)
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf" --timeout 2
    expect_rc 1
    expect_err "the stylesheet ran for more than 2 seconds and was stopped (see --timeout)"
    [ $(( $(date +%s) - start )) -lt 20 ] || fail "the timeout did not stop it in time"
}
