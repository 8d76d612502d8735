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
    # each file is named after what it is for: the board's report, the
    # committee's terms of reference, the CCG's own papers
    for d in wolverhampton-hwb-report-2015-07-29 wolverhampton-ccg-proforma-annex-a wolverhampton-jc-terms-of-reference \
             wolverhampton-ccg-ballot-papers; do
        f="$T/out/$d.pdf"
        [ -s "$f" ] || fail "no $d"
        grep -qF "wrote $f ($(pdf_pages "$f") page" "$OUT" || fail "no line for $d, or its page count is wrong"
    done
    [ "$(grep -c '^wrote ' "$OUT")" -eq 4 ] || fail "expected 4 documents (no mandate summary: no ballot returns are recorded)"
    expect_pdf_text "$T/out/wolverhampton-hwb-report-2015-07-29.pdf" 1 "Health and Wellbeing Board"
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
    grep -q 'westminster-hwb-report-2015-11-19.pdf' "$T/list" || fail "no report"
    grep -q 'westminster-hwb-report-2015-11-19.fo' "$T/list" || fail "no FO beside the report"
    [ "$(grep -c 'ballot-papers.pdf$' "$T/list")" -eq 2 ] || fail "expected a ballot paper per CCG"
    ! grep -q -e proforma -e terms -e mandate "$T/list" || fail "kinds not asked for were made: $(cat "$T/list")"
    xmllint --noout "$T/out/westminster-hwb-report-2015-11-19.fo" || fail "the FO is not well formed"
    # Each ballot paper is its own CCG's: a page per member practice of that
    # CCG, in the arrangement's order, each naming the practice and the CCG.
    # (The sample names no practices, so it gives one blank LMC paper per
    # CCG; the test names two practices of each CCG itself.)
    xml="$T/two.xml"
    sed -e 's|<contract-count contract="pms" count="22"/>|&<practice id="cl-a" ods-code="T90001"><name>Test Surgery A</name></practice><practice id="cl-b" ods-code="T90002"><name>Test Surgery B</name></practice>|' \
        -e 's|<contract-count contract="pms" count="16"/>|&<practice id="wl-a" ods-code="T90003"><name>Test Surgery C</name></practice><practice id="wl-b" ods-code="T90004"><name>Test Surgery D</name></practice>|' \
        "$SRCDIR/samples/westminster-2015/arrangement.xml" > "$xml"
    run_cocom build -o "$T/two" --only ballot "$xml"
    expect_rc 0
    for ccg in central-london-ccg west-london-ccg; do
        pdf="$T/two/$ccg-ballot-papers.pdf"
        name=$(xmllint --xpath "string(//*[local-name()='ccg'][@id='$ccg']/*[local-name()='name'])" "$xml")
        xmllint --xpath "//*[local-name()='ccg'][@id='$ccg']//*[local-name()='practice']/*[local-name()='name']/text()" \
            "$xml" > "$T/practices"
        echo >> "$T/practices"
        [ -n "$name" ] && [ "$(grep -c . "$T/practices")" -eq 2 ] || fail "$ccg: no name, or not two practices, in the test's arrangement"
        # the sample's own paper: one blank, for this CCG
        expect_pages "$T/out/$ccg-ballot-papers.pdf" 1
        pdf_text "$T/out/$ccg-ballot-papers.pdf" 1 | tr -s '[:space:]' ' ' | grep -qF "(Name of Practice) wishes to mandate $name to undertake" \
            || fail "$ccg's blank paper does not name $name"
        expect_pages "$pdf" "$(grep -c . "$T/practices")"
        page=0
        while read -r practice; do
            [ -n "$practice" ] || continue
            page=$((page + 1))
            pdf_text "$pdf" "$page" | tr -s '[:space:]' ' ' > "$T/page.txt"
            grep -qF "$practice wishes to mandate $name to undertake" "$T/page.txt" \
                || { cat "$T/page.txt"; fail "page $page of $ccg's ballot is not $practice's for $name"; }
        done < "$T/practices"
    done
}

t_an_unknown_kind_is_a_usage_error() {
    run_cocom build --only bogus "$SRCDIR/samples/hull-2015"
    expect_rc 2
    expect_err "--only: 'bogus' is not a kind of document (report, proforma, terms-of-reference, ballot, mandate-summary)"
}

# --as-at dates every document (its metadata says so); a date that is not
# one is a usage error that writes nothing.
t_as_at_sets_every_documents_date() {
    run_cocom build -o "$T/out" --only report,proforma --fo --as-at 2015-02-01 "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 0
    for fo in "$T"/out/*.fo; do
        grep -q '<dc:date>2015-02-01</dc:date>' "$fo" || fail "$(basename "$fo") is not dated 2015-02-01"
    done
    [ "$(ls "$T"/out/*.fo | wc -l)" -eq 2 ] || fail "expected a report and a proforma"
    # without it, each document has its own date: the report its meeting
    run_cocom build -o "$T/own" --only report --fo "$SRCDIR/samples/wolverhampton-2015"
    grep -q '<dc:date>2015-07-29</dc:date>' "$T"/own/*.fo || fail "the report is not dated by its meeting"
    for bad in 2015-13 2015-1-01 15-01-01 2015-01-32 2015-02-30 tomorrow; do
        run_cocom build -o "$T/bad" --as-at "$bad" "$SRCDIR/samples/wolverhampton-2015"
        expect_rc 2
        expect_err "--as-at: '$bad' is not a date (YYYY-MM-DD or YYYY-MM)"
        [ ! -e "$T/bad" ] || fail "a usage error wrote $T/bad"
    done
}

# A stylesheet that stops with an error costs its document only.
# A build is whole or nothing: one document that fails leaves the output
# folder as it was (an earlier build's files untouched, nothing new, no
# staging folder), and says so.
t_one_document_failing_writes_nothing() {
    data_copy
    sed -i 's|<xsl:template match="/">|<xsl:template match="/"><xsl:message terminate="yes">ballot broken on purpose</xsl:message>|' \
        "$T/data/stylesheets/ballot.xsl"
    grep -q 'broken on purpose' "$T/data/stylesheets/ballot.xsl" || fail "the test could not break ballot.xsl"
    mkdir -p "$T/out"
    echo "an earlier build" > "$T/out/wolverhampton-ccg-proforma-annex-a.pdf"
    run_cocom build --data-dir "$T/data" -o "$T/out" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 1
    expect_err "ballot broken on purpose"
    expect_err "wolverhampton-ccg-ballot-papers.pdf: error: this ballot was not made"
    expect_err "error: 1 of 4 documents could not be made, so none was written (the folder is as it was)"
    ! grep -q '^wrote ' "$OUT" || fail "a document was said to be written"
    [ "$(ls -A "$T/out")" = "wolverhampton-ccg-proforma-annex-a.pdf" ] || fail "the folder changed: $(ls -A "$T/out")"
    [ "$(cat "$T/out/wolverhampton-ccg-proforma-annex-a.pdf")" = "an earlier build" ] || fail "an earlier file was replaced"
}

# A stylesheet that cannot read a template it needs (here the functions
# table) makes no document with holes in it: check says so first, and a
# build that gets past the check (the table removed after) writes nothing.
# A build that writes nothing takes away the folders it made for it.
t_a_failed_build_leaves_no_new_folder() {
    data_copy
    sed -i 's|<xsl:template match="/">|<xsl:template match="/"><xsl:message terminate="yes">ballot broken on purpose</xsl:message>|' \
        "$T/data/stylesheets/ballot.xsl"
    mkdir "$T/keep"
    run_cocom build --data-dir "$T/data" -o "$T/keep/new/out/" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 1
    expect_err "so none was written (the folder is as it was)"
    [ -z "$(ls -A "$T/keep")" ] || fail "the build left $(find "$T/keep" -mindepth 1)"
}

t_a_missing_template_is_an_error_not_a_blank_table() {
    data_copy
    rm "$T/data/templates/functions-2015-16.xml"
    run_cocom check --data-dir "$T/data" "$SRCDIR/samples/hull-2015"
    expect_rc 1
    expect_err "samples/hull-2015/arrangement.xml:"
    expect_err "error: the arrangement is for 2015/16, but there is no national functions table for that year (templates/functions-2015-16.xml), which every document prints; the years there are: 2016/17, 2017/18"
    run_cocom build --data-dir "$T/data" -o "$T/out" "$SRCDIR/samples/hull-2015"
    expect_rc 1
    [ -z "$(ls -A "$T/out" 2>/dev/null)" ] || fail "a failed build wrote: $(ls -A "$T/out")"
    # past the check: the labels every stylesheet reads are missing
    data_copy
    rm "$T/data/templates/labels.xml"
    run_cocom build --data-dir "$T/data" -o "$T/out2" "$SRCDIR/samples/hull-2015"
    expect_rc 1
    expect_err "templates/labels.xml: error: cannot read the file: no such file"
    expect_err "error: 3 of 3 documents could not be made, so none was written (the folder is as it was)"
    [ -z "$(ls -A "$T/out2" 2>/dev/null)" ] || fail "a build with holes wrote: $(ls -A "$T/out2")"
}

# What build writes is checked for PDF/UA; a finding is a warning.
t_build_warns_about_what_a_reader_would_miss() {
    data_copy
    sed -i -e 's|<xsl:attribute name="xml:lang"><xsl:value-of select="$doc-lang"/></xsl:attribute>||' \
        -e 's|<dc:language><xsl:value-of select="$doc-lang"/></dc:language>||' \
        -e 's|<xsl:attribute name="language">|<xsl:attribute name="cocom-test-no-language">|' \
        "$T/data/stylesheets/base.xsl" "$T/data/stylesheets/output/fo.xsl"
    # (the FO's root and metadata moved to output/fo.xsl with the document model)
    ! grep -q 'doc-lang"/></\|attribute name="language"' "$T/data/stylesheets/base.xsl" "$T/data/stylesheets/output/fo.xsl" ||
        fail "the test could not take the language out"
    run_cocom build --data-dir "$T/data" --only ballot -o "$T/out" "$SRCDIR/samples/wolverhampton-2015"
    expect_rc 0
    expect_err "wolverhampton-ccg-ballot-papers.pdf: warning: the document's natural language is not set (/Lang in the catalog) [PDFUA-LANG, Matterhorn 11-001]"
    [ -s "$T/out/wolverhampton-ccg-ballot-papers.pdf" ] || fail "the document was not written"
}
