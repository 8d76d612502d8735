# What a stylesheet may and may not do when cocom runs it.  A stylesheet
# the user names (render --xsl) is trusted, as with xsltproc: it and its
# imports are read from any local file, entities and all (load.h); while
# it runs, document() reads only below its modules' folders and the
# input's folder, and what it reads from the input's folder is parsed as
# untrusted (DTDs and entities only through the system's XML catalog).
# cocom's own stylesheets (build) stay confined and parsed strictly.  No
# stylesheet writes or reaches the network; recursion and running time are
# bounded.

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

# The user's own stylesheet is trusted: DocBook XSL declares entities of
# its own, internal and external (../common/entities.ent).
t_a_users_stylesheet_may_use_entities() {
    setup
    echo "IMPORTED-ENTITY-OK" > "$T/secret/plain.txt"
    page_xsl "" "&word; &file;" | sed "1i <!DOCTYPE xsl:stylesheet [ <!ENTITY word \"INTERNAL-ENTITY-OK\"> <!ENTITY file SYSTEM \"file://$T/secret/plain.txt\"> ]>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 0
    pdftotext "$T/out.pdf" - | grep -q "INTERNAL-ENTITY-OK IMPORTED-ENTITY-OK" || fail "the stylesheet's entities were not expanded"
}

# cocom's own stylesheets are not the user's: build still refuses an
# entity in one (here a data folder whose plan.xsl declares one).
t_an_entity_in_cocoms_own_stylesheet_is_refused() {
    setup
    mkdir -p "$T/data"
    cp -r "$SRCDIR/schema" "$SRCDIR/stylesheets" "$SRCDIR/templates" "$T/data/"
    sed -i "1a <!DOCTYPE xsl:stylesheet [ <!ENTITY leak SYSTEM \"file://$T/secret/plain.txt\"> ]>" "$T/data/stylesheets/plan.xsl"
    sed -n 1,3p "$T/data/stylesheets/plan.xsl" | grep -q "ENTITY leak" || fail "the test did not plant the entity"
    run_cocom build --data-dir="$T/data" "$SRCDIR/samples/westminster-2015" -o "$T/out"
    expect_rc 1
    expect_err "plan.xsl:2: error: the document declares an external entity 'leak'"
    ! grep -rq SECRET "$OUT" "$ERR" || fail "the secret leaked"
}

t_exsl_document_cannot_write_a_file() {
    setup
    page_xsl "" "<exsl:document href=\"$T/work/written.txt\" method=\"text\">pwned</exsl:document>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    [ ! -e "$T/work/written.txt" ] || fail "the stylesheet wrote a file"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

# A user's stylesheet may import from anywhere local (a customisation
# layer imports DocBook XSL from /usr/share), but what it reads while it
# runs stays below its modules' folders and the input's.
t_a_users_stylesheet_may_import_from_another_folder() {
    setup
    page_xsl "" "IMPORTED-MODULE" > "$T/secret/other.xsl"
    sed -i 's|<xsl:template match="/">|<xsl:template match="/" name="other">|' "$T/secret/other.xsl"
    cat > "$T/work/s.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="$T/secret/other.xsl"/>
</xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 0
    pdftotext "$T/out.pdf" - | grep -q IMPORTED-MODULE || fail "the imported module did not run"
}

t_an_import_from_the_network_is_refused() {
    setup
    cat > "$T/work/s.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="http://127.0.0.1:9/other.xsl"/>
</xsl:stylesheet>
XSL
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "the stylesheet imports 'http://127.0.0.1:9/other.xsl', which is on the network and not in the system's XML catalog"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

# Trusted is not networked: a user's stylesheet whose DTD is on the
# network (and not in the catalog) is refused, and nothing is fetched.
t_a_users_stylesheet_reads_no_dtd_from_the_network() {
    setup
    { echo '<?xml version="1.0"?>'
      echo '<!DOCTYPE xsl:stylesheet SYSTEM "http://127.0.0.1:9/x.dtd">'
      page_xsl "" "x"; } > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_rc 1
    expect_err "s.xsl:2: error: the file refers to 'http://127.0.0.1:9/x.dtd', which is on the network and not in the system's XML catalog"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

# A document read at run time from the input's folder is untrusted even
# when the stylesheet lives there too: the untrusted side wins.
t_a_document_beside_a_users_stylesheet_is_untrusted() {
    setup
    cat > "$T/work/evil.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE s SYSTEM "$T/secret/any.dtd">
<s>x</s>
XML
    echo '<!ENTITY x "SECRET-7f3a">' > "$T/secret/any.dtd"
    page_xsl "" "<xsl:value-of select=\"document('evil.xml')/s\"/>" > "$T/work/s.xsl"
    run_cocom render --xsl "$T/work/s.xsl" "$T/work/in.xml" -o "$T/out.pdf"
    expect_err "evil.xml:2: error: the DOCTYPE names the DTD '$T/secret/any.dtd', which is not in the system's XML catalog"
    ! grep -q SECRET "$OUT" "$ERR" || fail "the secret leaked"
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
