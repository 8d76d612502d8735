# cocom build: every document an arrangement needs, checked first; one
# document's failure does not cost the others; what is written is checked
# for PDF/UA and warned about.

# data_copy: a copy of the data folder in $T/data, to break in one place.
data_copy() {
    mkdir -p "$T/data"
    cp -r "$SRCDIR/schema" "$SRCDIR/stylesheets" "$SRCDIR/templates" "$T/data/"
}

t_build_writes_every_document_of_a_sample() {
    run_cocom build -o "$T/out" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 0
    for d in hwb-report-2015-07-29 proforma-annex-a terms-of-reference ballot-papers; do
        f="$T/out/wolverhampton-ccg-$d.pdf"
        [ -s "$f" ] || fail "no $d"
        grep -qF "wrote $f ($(pdf_pages "$f") page" "$OUT" || fail "no line for $d, or its page count is wrong"
    done
    [ "$(grep -c '^wrote ' "$OUT")" -eq 4 ] || fail "expected 4 documents (no mandate summary: no ballot returns are recorded)"
    expect_pdf_text "$T/out/wolverhampton-ccg-hwb-report-2015-07-29.pdf" 1 "Health and Wellbeing Board"
    [ -z "$(ls "$T/out" | grep -v '\.pdf$')" ] || fail "other files were left: $(ls "$T/out")"
}

t_build_defaults_to_out_and_the_sample_name() {
    cd "$T"
    run_cocom build --only ballot "$SRCDIR/samples/wolverhampton-2015/arrangement.xml"
    expect_rc 0
    [ -s "$T/out/wolverhampton-2015/wolverhampton-ccg-ballot-papers.pdf" ] || fail "not written under out/wolverhampton-2015/"
}

t_build_refuses_an_arrangement_that_breaks_a_rule() {
    run_cocom build -o "$T/out" "$SRCDIR/tests/rules/fixtures/del-lay-chair.xml"
    expect_rc 1
    expect_err "[DEL-LAY-CHAIR, Next steps §4.4.2]"
    expect_err "del-lay-chair.xml: error: the arrangement has errors; no document was made"
    [ ! -e "$T/out" ] || fail "something was written: $(ls -R "$T/out")"
}

t_build_refuses_an_invalid_arrangement() {
    sample_copy hull-2015 bad.xml
    sed -i 's/<model /<modle /; s/<\/model>/<\/modle>/' "$T/bad.xml"
    run_cocom build -o "$T/out" "$T/bad.xml"
    expect_rc 1
    expect_err_re "bad\.xml:[0-9]+: error: "
    [ ! -e "$T/out" ] || fail "something was written"
}

t_only_and_fo_make_just_what_is_asked() {
    run_cocom build -o "$T/out" --only report,ballot --fo "$SRCDIR/samples/westminster-2015"
    expect_rc 0
    ls "$T/out" > "$T/list"
    grep -q 'central-london-ccg-hwb-report-2015-11-19.pdf' "$T/list" || fail "no report"
    grep -q 'central-london-ccg-hwb-report-2015-11-19.fo' "$T/list" || fail "no FO beside the report"
    [ "$(grep -c 'ballot-papers.pdf$' "$T/list")" -eq 2 ] || fail "expected a ballot paper per CCG"
    ! grep -q -e proforma -e terms -e mandate "$T/list" || fail "kinds not asked for were made: $(cat "$T/list")"
    xmllint --noout "$T/out/central-london-ccg-hwb-report-2015-11-19.fo" || fail "the FO is not well formed"
}

t_an_unknown_kind_is_a_usage_error() {
    run_cocom build --only bogus "$SRCDIR/samples/hull-2015"
    expect_rc 2
    expect_err "--only: 'bogus' is not a kind of document (report, proforma, terms-of-reference, ballot, mandate-summary)"
}

# A stylesheet that stops with an error costs its document only.
t_one_document_failing_leaves_the_others() {
    data_copy
    sed -i 's|<xsl:template match="/">|<xsl:template match="/"><xsl:message terminate="yes">ballot broken on purpose</xsl:message>|' \
        "$T/data/stylesheets/ballot.xsl"
    grep -q 'broken on purpose' "$T/data/stylesheets/ballot.xsl" || fail "the test could not break ballot.xsl"
    run_cocom build --data-dir "$T/data" -o "$T/out" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 1
    expect_err "ballot broken on purpose"
    expect_err "wolverhampton-ccg-ballot-papers.pdf: error: this ballot was not made"
    [ ! -e "$T/out/wolverhampton-ccg-ballot-papers.pdf" ] || fail "a ballot paper was written"
    [ "$(grep -c '^wrote ' "$OUT")" -eq 3 ] || fail "the other three documents were not all made"
    [ -z "$(ls "$T/out" | grep -v '\.pdf$')" ] || fail "temporary files were left: $(ls "$T/out")"
}

# What build writes is checked for PDF/UA; a finding is a warning.
t_build_warns_about_what_a_reader_would_miss() {
    data_copy
    sed -i -e 's|<xsl:attribute name="xml:lang"><xsl:value-of select="$doc-lang"/></xsl:attribute>||' \
        -e 's|<dc:language><xsl:value-of select="$doc-lang"/></dc:language>||' "$T/data/stylesheets/base.xsl"
    ! grep -q 'doc-lang"/></' "$T/data/stylesheets/base.xsl" || fail "the test could not take the language out"
    run_cocom build --data-dir "$T/data" --only ballot -o "$T/out" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 0
    expect_err "wolverhampton-ccg-ballot-papers.pdf: warning: the document's natural language is not set (/Lang in the catalog) [PDFUA-LANG, Matterhorn 11-001]"
    [ -s "$T/out/wolverhampton-ccg-ballot-papers.pdf" ] || fail "the document was not written"
}
