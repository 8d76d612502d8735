# cocom pdfcheck: a good PDF passes; a PDF broken in one place fails with
# that condition's id and source, and only that one.  The good PDF is
# mktagged's after the post-pass, completed by good_pdf (tests/lib.sh), or
# cocom's own output (cocom_pdf); each broken one is that file with one
# thing taken out or changed through qpdf's JSON (pdf_edit, xmp_edit in
# tests/lib.sh), or not post-passed at all.

# cocom_pdf OUT: cocom's own output of tests/pdf/furniture.fo, in English,
# which passes every check.
cocom_pdf() {
    sed 's|<fo:root |<fo:root xml:lang="en-GB" |' "$SRCDIR/tests/pdf/furniture.fo" > "$T/furniture.fo"
    run_cocom render "$T/furniture.fo" -o "$1"
    expect_rc 0
    run_cocom pdfcheck "$1"
    expect_rc 0
}

# expect_only_finding FILE ID SOURCE MESSAGE: pdfcheck fails FILE with
# exactly one finding, this one.
expect_only_finding() {
    run_cocom pdfcheck "$1"
    expect_rc 1
    expect_err "$(basename "$1"): error: $4 [$2, $3]"
    n=$(grep -c ': error: ' "$ERR")
    [ "$n" = 1 ] || { cat "$ERR"; fail "$n findings, expected only $2"; }
    expect_err "cocom pdfcheck: 1 of 1 file failed (1 error)"
}

t_good_pdf_passes() {
    good_pdf "$T/good.pdf"
    run_cocom pdfcheck "$T/good.pdf"
    expect_rc 0
    expect_err_lines 1
    expect_err "cocom pdfcheck: 1 file passes every check"
    run_cocom pdfcheck --quiet "$T/good.pdf"
    expect_rc 0
    expect_err_lines 0
}

# Cairo's own output: tagged, with MCIDs on everything (furniture too), but
# none of what Cairo 1.16 cannot write.
t_not_post_passed_fails() {
    tagged_pdf "$T/raw.pdf"
    run_cocom pdfcheck "$T/raw.pdf"
    expect_rc 1
    for id in "PDFUA-LANG, Matterhorn 11-001" "PDFUA-DISPLAYDOCTITLE, Matterhorn 07-001" \
        "PDFUA-FIGURE-ALT, Matterhorn 13-004" "PDFUA-TH-SCOPE, Matterhorn 15-003" \
        "PDFUA-LINK-CONTENTS, Matterhorn 28-012" "PDFUA-TABS, Matterhorn 28-008" \
        "PDFUA-XMP-TITLE, Matterhorn 06-001"; do
        expect_err "[$id]"
    done
    expect_no_err "PDFUA-UNTAGGED-TEXT"
    expect_no_err "PDFUA-MARKED"
    expect_no_err "PDFUA-TITLE,"
    expect_err "raw.pdf: error: 2 of 2 Figure elements have no alternative text (/Alt), the first on page 1"
    expect_err "raw.pdf: error: no tab order (/Tabs /S) on 2 pages, the first page 1"
}

t_lang() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Type" == "/Catalog"' 'del(."/Lang")'
    expect_only_finding "$T/bad.pdf" PDFUA-LANG "Matterhorn 11-001" \
        "the document's natural language is not set (/Lang in the catalog)"
}

t_title() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" 'has("/Producer")' 'del(."/Title")'
    expect_only_finding "$T/bad.pdf" PDFUA-TITLE "ISO 14289-1 7.1" \
        "the document has no title (/Title in the document information)"
}

t_display_doc_title() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/false.pdf" '."/Type" == "/Catalog"' '."/ViewerPreferences"."/DisplayDocTitle" = false'
    expect_only_finding "$T/false.pdf" PDFUA-DISPLAYDOCTITLE "Matterhorn 07-002" \
        "viewers are told to show the file name, not the title (/DisplayDocTitle false)"
    pdf_edit "$T/good.pdf" "$T/none.pdf" '."/Type" == "/Catalog"' 'del(."/ViewerPreferences")'
    expect_only_finding "$T/none.pdf" PDFUA-DISPLAYDOCTITLE "Matterhorn 07-001" \
        "viewers are not told to show the title (no /DisplayDocTitle in /ViewerPreferences)"
}

t_marked() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Type" == "/Catalog"' 'del(."/MarkInfo")'
    expect_only_finding "$T/bad.pdf" PDFUA-MARKED "ISO 14289-1 7.1" \
        "the PDF is not marked as tagged (/MarkInfo /Marked true)"
    pdf_edit "$T/good.pdf" "$T/suspects.pdf" '."/Type" == "/Catalog"' '."/MarkInfo"."/Suspects" = true'
    expect_only_finding "$T/suspects.pdf" PDFUA-MARKED "Matterhorn 01-007" \
        "the PDF says its tags may be wrong (/Suspects true)"
}

t_untagged_text() {
    good_pdf "$T/bad.pdf" --untagged-text
    expect_only_finding "$T/bad.pdf" PDFUA-UNTAGGED-TEXT "Matterhorn 01-005" \
        "text outside marked content, neither tagged nor an artifact (1 text operator, on page 2)"
}

# One form XObject with untagged text, drawn on both pages: counted on
# each (a form read once used to be skipped ever after, so page 2's use
# went uncounted).
t_untagged_text_in_a_form_used_twice() {
    good_pdf "$T/bad.pdf" --untagged-form
    expect_only_finding "$T/bad.pdf" PDFUA-UNTAGGED-TEXT "Matterhorn 01-005" \
        "text outside marked content, neither tagged nor an artifact (2 text operators, on 2 pages, the first page 1)"
}

# An artifact renamed: marked content, but neither tagged nor an artifact.
# (cocom's own output of tests/pdf/furniture.fo: its running header and
# page number are artifacts, two on each of two pages.)
t_untagged_text_in_unknown_marked_content() {
    cocom_pdf "$T/good.pdf"
    qpdf --qdf --object-streams=disable "$T/good.pdf" "$T/qdf.pdf"
    sed 's|^/Artifact BMC$|/Furnitur BMC|' "$T/qdf.pdf" > "$T/bad.pdf"
    expect_only_finding "$T/bad.pdf" PDFUA-UNTAGGED-TEXT "Matterhorn 01-005" \
        "text outside marked content, neither tagged nor an artifact (4 text operators, on 2 pages, the first page 1)"
}

t_figure_alt() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/S" == "/Figure" and ."/Alt" == "u:A chequered image"' 'del(."/Alt")'
    expect_only_finding "$T/bad.pdf" PDFUA-FIGURE-ALT "Matterhorn 13-004" \
        "1 of 2 Figure elements has no alternative text (/Alt), the first on page 2"
}

t_table_headers() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/S" == "/TH"' '."/S" = "/TD" | del(."/A")'
    expect_only_finding "$T/bad.pdf" PDFUA-TABLE-HEADERS "ISO 14289-1 7.5" \
        "1 of 1 tables has no header cells (TH), the first on page 1"
}

t_th_scope() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/S" == "/TH"' 'del(."/A")'
    expect_only_finding "$T/bad.pdf" PDFUA-TH-SCOPE "Matterhorn 15-003" \
        "3 of 3 header cells (TH) have no /Scope attribute, the first on page 1"
    # A scope given through a class counts.
    pdf_edit "$T/good.pdf" "$T/class.pdf" '."/S" == "/TH"' 'del(."/A") | ."/C" = "/HeaderCell"'
    pdf_edit "$T/class.pdf" "$T/classmap.pdf" '."/Type" == "/StructTreeRoot"' \
        '."/ClassMap" = {"/HeaderCell": {"/O": "/Table", "/Scope": "/Column"}}'
    run_cocom pdfcheck "$T/classmap.pdf"
    expect_rc 0
}

t_link_contents() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Subtype" == "/Link"' 'del(."/Contents")'
    expect_only_finding "$T/bad.pdf" PDFUA-LINK-CONTENTS "Matterhorn 28-012" \
        "2 of 2 links have no description (/Contents), the first on page 1"
}

t_link_tagged() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Subtype" == "/Link" and ."/Contents" == "u:Go to section two"' \
        'del(."/StructParent")'
    expect_only_finding "$T/bad.pdf" PDFUA-LINK-TAGGED "Matterhorn 28-011" \
        "1 of 2 links is not in a Link structure element, the first on page 1"
}

t_font_embedded() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Type" == "/FontDescriptor"' 'del(."/FontFile2")'
    run_cocom pdfcheck "$T/bad.pdf"
    expect_rc 1
    expect_err_re "bad.pdf: error: 2 fonts are not embedded: [A-Z]{6}\+LiberationSans, [A-Z]{6}\+LiberationSans \[PDFUA-FONT-EMBEDDED, Matterhorn 31-009\]"
    [ "$(grep -c ': error: ' "$ERR")" = 1 ] || fail "more than one finding"
}

# The Latin font is WinAnsi-encoded, which Matterhorn 31-027 lets do without
# a ToUnicode map; the Greek one is Identity-H, which cannot.
t_to_unicode() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Type" == "/Font"' 'del(."/ToUnicode")'
    run_cocom pdfcheck "$T/bad.pdf"
    expect_rc 1
    expect_err_re "bad.pdf: error: 1 font has no map to Unicode \(/ToUnicode\): [A-Z]{6}\+LiberationSans \[PDFUA-TOUNICODE, Matterhorn 31-027\]"
    [ "$(grep -c ': error: ' "$ERR")" = 1 ] || fail "more than one finding"
}

t_tabs() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/none.pdf" '."/Type" == "/Page" and has("/Annots")' 'del(."/Tabs")'
    expect_only_finding "$T/none.pdf" PDFUA-TABS "Matterhorn 28-008" "no tab order (/Tabs /S) on page 1"
    pdf_edit "$T/good.pdf" "$T/rows.pdf" '."/Type" == "/Page"' '."/Tabs" = "/R"'
    expect_only_finding "$T/rows.pdf" PDFUA-TABS "Matterhorn 28-009" \
        "a tab order other than the structure order (/Tabs /S) on 2 pages, the first page 1"
}

t_xmp_missing() {
    good_pdf "$T/good.pdf"
    pdf_edit "$T/good.pdf" "$T/bad.pdf" '."/Type" == "/Catalog"' 'del(."/Metadata")'
    expect_only_finding "$T/bad.pdf" PDFUA-XMP-TITLE "Matterhorn 06-001" \
        "the PDF has no XMP metadata (or it is not well-formed XML)"
}

t_xmp_title() {
    good_pdf "$T/good.pdf"
    xmp_edit "$T/good.pdf" "$T/bad.pdf" '/<dc:title>/d'
    expect_only_finding "$T/bad.pdf" PDFUA-XMP-TITLE "Matterhorn 06-003" "the XMP metadata has no title (dc:title)"
    xmp_edit "$T/good.pdf" "$T/broken.pdf" 's|</x:xmpmeta>||'
    expect_only_finding "$T/broken.pdf" PDFUA-XMP-TITLE "Matterhorn 06-001" \
        "the PDF has no XMP metadata (or it is not well-formed XML)"
}

t_xmp_pdfua_id() {
    good_pdf "$T/good.pdf"
    xmp_edit "$T/good.pdf" "$T/bad.pdf" '/pdfuaid:part>/d'
    expect_only_finding "$T/bad.pdf" PDFUA-XMP-ID "Matterhorn 06-002" \
        "the XMP metadata does not claim PDF/UA (pdfuaid:part 1)"
    # The identifier may be an attribute, and a DOCTYPE is refused.
    xmp_edit "$T/good.pdf" "$T/attr.pdf" '/pdfuaid:part>/d; s|rdf:about=""|rdf:about="" pdfuaid:part="1"|'
    run_cocom pdfcheck "$T/attr.pdf"
    expect_rc 0
    xmp_edit "$T/good.pdf" "$T/doctype.pdf" '1s|^|<!DOCTYPE x [<!ENTITY a "b">]>|'
    run_cocom pdfcheck "$T/doctype.pdf"
    expect_rc 1
    expect_err "[PDFUA-XMP-TITLE, Matterhorn 06-001]"
}

# --- the command ----------------------------------------------------------

t_usage() {
    run_cocom pdfcheck
    expect_rc 2
    expect_err "cocom pdfcheck: no PDF to check"
    run_cocom pdfcheck --frobnicate x.pdf
    expect_rc 2
    expect_err "unknown option '--frobnicate'"
    run_cocom pdfcheck --help
    expect_rc 0
    expect_out "Usage: cocom pdfcheck [OPTION]... FILE.pdf..."
    run_cocom --help
    expect_out "pdfcheck"
}

t_files_that_cannot_be_read() {
    good_pdf "$T/good.pdf"
    printf 'not a PDF\n' > "$T/text.pdf"
    head -c 2000 "$T/good.pdf" > "$T/cut.pdf"
    run_cocom pdfcheck "$T/good.pdf" "$T/missing.pdf" "$T/text.pdf" "$T/cut.pdf" "$T"
    expect_rc 1
    expect_err "missing.pdf: error: cannot read the file: no such file"
    expect_err "text.pdf: error: this is not a readable PDF"
    expect_err "cut.pdf: error: this is not a readable PDF"
    expect_err "error: cannot read the file: this is a folder, not a file"
    expect_err "cocom pdfcheck: 4 of 5 files failed (4 errors)"
    expect_no_err "good.pdf"
}

# A stream longer than its /Length: qpdf reads it, with a warning.
t_damage_worked_around_is_a_warning() {
    cocom_pdf "$T/good.pdf"
    qpdf --qdf --object-streams=disable "$T/good.pdf" "$T/qdf.pdf"
    sed '0,/^\/Artifact BMC$/s//\/Artifact  BMC/' "$T/qdf.pdf" > "$T/long.pdf"
    run_cocom pdfcheck "$T/long.pdf"
    expect_rc 0
    expect_err "long.pdf: warning: the PDF is damaged: "
    run_cocom pdfcheck --warnings-as-errors "$T/long.pdf"
    expect_rc 1
}

# cocom's own output leaves no text untagged, and a second post-pass over
# it keeps it so; Cairo's untagged file (COCOM_PDFPOST=0), finished by
# the post-pass without a log, is found untagged and not claimed tagged.
t_cocom_output_after_the_post_pass() {
    run_cocom render "$SRCDIR/tests/pdf/furniture.fo" -o "$T/render.pdf"
    expect_rc 0
    run_tool pdffix "$T/render.pdf" "$T/fixed.pdf" --lang en-GB
    expect_rc 0
    run_cocom pdfcheck "$T/fixed.pdf"
    expect_no_err "PDFUA-UNTAGGED-TEXT"
    expect_no_err "PDFUA-MARKED"
    COCOM_PDFPOST=0 run_cocom render "$SRCDIR/tests/pdf/furniture.fo" -o "$T/raw.pdf"
    expect_rc 0
    run_tool pdffix "$T/raw.pdf" "$T/raw-fixed.pdf" --lang en-GB
    expect_rc 0
    run_cocom pdfcheck "$T/raw-fixed.pdf"
    expect_rc 1
    expect_err "[PDFUA-UNTAGGED-TEXT, Matterhorn 01-005]"
    expect_err "raw-fixed.pdf: error: the PDF has no structure tree (/StructTreeRoot) [PDFUA-MARKED, ISO 14289-1 7.1]"
    [ "$(pdf_jq "$T/raw-fixed.pdf" 'root | has("/MarkInfo")')" = false ] || fail "/MarkInfo claimed"
}

# pdfcheck reads the file with libqpdf: without it, it says so and fails.
t_without_libqpdf_pdfcheck_says_so() {
    good_pdf "$T/good.pdf"
    export COCOM_QPDF_LIBRARY="$T/no-such-libqpdf.so"
    run_cocom pdfcheck "$T/good.pdf"
    unset COCOM_QPDF_LIBRARY
    expect_rc 1
    expect_err "good.pdf: error: cannot read the PDF's structure: libqpdf could not be loaded ($T/no-such-libqpdf.so: cannot open shared object file"
    expect_err "cocom pdfcheck: 1 of 1 file failed"
}
