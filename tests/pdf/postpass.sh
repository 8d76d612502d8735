# The PDF post-pass (src/pdfpost.h): what it adds to Cairo's PDF.  Some
# tests use mktagged's PDF (tests/tools/mktagged.c), which Cairo tagged
# itself: the post-pass completes its catalog, pages and metadata and
# passes its tree through as it is.  The others use cocom's own output
# (tests/pdf/furniture.fo, tests/pdf/tagging.fo), whose tags the painter
# logs and the post-pass writes (src/structlog.h), beside Cairo's untagged
# file (COCOM_PDFPOST=0), so that what they find can only come from the
# post-pass.

# A tree the file brings is not the post-pass's to change: mktagged's
# Private elements (its running headers), its parent tree and its page
# content come out as they went in.
t_a_cairo_tagged_file_passes_through() {
    tagged_pdf "$T/raw.pdf"
    fixed_pdf "$T/out.pdf"
    struct_text "$T/raw.pdf" > "$T/raw.txt"
    struct_text "$T/out.pdf" > "$T/out.txt"
    grep -qE '^ *Private$' "$T/raw.txt" || fail "mktagged wrote no Private element"
    cmp -s "$T/raw.txt" "$T/out.txt" || { diff "$T/raw.txt" "$T/out.txt"; fail "the structure tree changed"; }
    tree='[root."/StructTreeRoot" | deref | ."/ParentTree" | deref | ."/Nums"[] | deref
        | if type == "array" then map(deref | ."/S") else ."/S" end] | tostring'
    [ "$(pdf_jq "$T/raw.pdf" "$tree")" = "$(pdf_jq "$T/out.pdf" "$tree")" ] || fail "the parent tree changed"
    for f in raw out; do
        qpdf --qdf --object-streams=disable "$T/$f.pdf" "$T/$f-qdf.pdf"
        grep -aE ' (BDC|BMC)$|^EMC$|\) ?Tj$' "$T/$f-qdf.pdf" > "$T/$f-marks.txt"
    done
    [ "$(grep -c 'Private' "$T/raw-marks.txt")" -ge 5 ] || fail "mktagged's content has no Private marks"
    cmp -s "$T/raw-marks.txt" "$T/out-marks.txt" \
        || { diff "$T/raw-marks.txt" "$T/out-marks.txt"; fail "the marked content changed"; }
    ! grep -aq '/Artifact' "$T/out-qdf.pdf" || fail "the post-pass made artifacts of a tree it did not write"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | has("/Contents")] | unique | join(" ")')" = false ] \
        || fail "a link gained /Contents"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | has("/StructParent")] | unique | join(" ")')" = true ] \
        || fail "a link lost its /StructParent"
    qpdf --check "$T/out.pdf" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails"; }
}

t_catalog_pages_and_info() {
    fixed_pdf "$T/out.pdf"
    [ "$(pdf_jq "$T/out.pdf" 'root."/Lang"')" = "u:en-GB" ] || fail "no /Lang en-GB"
    [ "$(pdf_jq "$T/out.pdf" 'root."/ViewerPreferences" | deref | ."/DisplayDocTitle"')" = true ] \
        || fail "DisplayDocTitle is not true"
    [ "$(pdf_jq "$T/out.pdf" 'root."/MarkInfo" | deref | ."/Marked"')" = true ] || fail "not Marked"
    [ "$(pdf_jq "$T/out.pdf" 'root."/MarkInfo" | deref | has("/Suspects")')" = false ] \
        || fail "/Suspects written (poppler calls it the wrong type)"
    [ "$(pdf_jq "$T/out.pdf" '[pages[]."/Tabs"] | join(" ")')" = "/S /S" ] || fail "a page lacks /Tabs /S"
    pdfinfo "$T/out.pdf" > "$T/info.txt"
    grep -q '^Tagged: *yes' "$T/info.txt" || fail "pdfinfo does not call it tagged"
    grep -q '^Title: *Tagged test document' "$T/info.txt" || fail "the title changed"
    grep -q '^PDF version: *1.7' "$T/info.txt" || fail "not PDF 1.7"
}

# Cairo 1.16 writes the dates it is given without "D:".
t_dates_start_with_d() {
    tagged_pdf "$T/raw.pdf"
    [ "$(pdf_jq "$T/raw.pdf" 'info."/CreationDate"')" = "u:20150729102030Z" ] \
        || fail "Cairo's date is no longer missing its D: (then this fix is not needed)"
    fixed_pdf "$T/out.pdf"
    [ "$(pdf_jq "$T/out.pdf" 'info."/CreationDate"')" = "u:D:20150729102030Z" ] || fail "CreationDate"
    [ "$(pdf_jq "$T/out.pdf" 'info."/ModDate"')" = "u:D:20150729102030Z" ] || fail "ModDate"
    run_tool pdffix "$T/raw.pdf" "$T/dated.pdf" --date 2016-02-29T08:09:10+01:00
    expect_rc 0
    [ "$(pdf_jq "$T/dated.pdf" 'info."/ModDate"')" = "u:D:20160229080910+01'00'" ] || fail "a given date"
    pdfinfo -meta "$T/dated.pdf" | grep -qF '<xmp:CreateDate>2016-02-29T08:09:10+01:00</xmp:CreateDate>' \
        || fail "the XMP date is not the given one"
}

t_xmp_metadata() {
    tagged_pdf "$T/raw.pdf"
    run_tool pdffix "$T/raw.pdf" "$T/out.pdf" --lang en-GB --title "Minutes & <notes>" --subject "A test" \
        --author "Ann Other" --keywords "one, two"
    expect_rc 0
    [ "$(pdf_jq "$T/out.pdf" 'root."/Metadata" | deref | [."/Type", ."/Subtype", has("/Filter")] | join(" ")')" \
        = "/Metadata /XML false" ] || fail "the metadata stream is not /Type /Metadata /Subtype /XML, uncompressed"
    pdfinfo -meta "$T/out.pdf" > "$T/xmp.xml"
    xmllint --noout "$T/xmp.xml" || fail "the XMP is not well-formed"
    for want in '<rdf:li xml:lang="x-default">Minutes &amp; &lt;notes&gt;</rdf:li></rdf:Alt></dc:title>' \
        '<dc:creator><rdf:Seq><rdf:li>Ann Other</rdf:li></rdf:Seq></dc:creator>' \
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">A test</rdf:li>' \
        '<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>' \
        '<pdf:Producer>cairo ' '<pdfuaid:part>1</pdfuaid:part>' '<xmp:ModifyDate>2015-07-29T10:20:30Z</xmp:ModifyDate>'; do
        grep -qF -- "$want" "$T/xmp.xml" || { cat "$T/xmp.xml"; fail "the XMP lacks: $want"; }
    done
    pdfinfo "$T/out.pdf" | grep -q '^Title: *Minutes & <notes>' || fail "the Info title is not the given one"
}

# Each Figure has its own image's alternative text, and each TH its
# /Scope: /Column in the header row, /Row for a body row's header cell.
t_figures_and_header_cells() {
    COCOM_PDFPOST=0 run_cocom render "$SRCDIR/tests/pdf/tagging.fo" -o "$T/raw.pdf"
    expect_rc 0
    [ "$(pdf_jq "$T/raw.pdf" '[elems[]] | length')" = 0 ] || fail "Cairo's PDF already has tags"
    run_cocom render "$SRCDIR/tests/pdf/tagging.fo" -o "$T/out.pdf"
    expect_rc 0
    # In page order (a Figure's /Pg is its page, page 1 the first kid).
    [ "$(pdf_jq "$T/out.pdf" '(root."/Pages" | deref | ."/Kids") as $k | [elems[] | select(."/S" == "/Figure")
        | [(."/Pg" as $p | $k | index($p)), ."/Alt"]] | sort | map(.[1]) | join("|")')" \
        = "u:A photograph of the hall|u:A drawing of the garden" ] || fail "the Figures' /Alt"
    struct_text "$T/out.pdf" > "$T/struct.txt"
    cells=$(grep -A2 'TH:' "$T/struct.txt" | grep -oE '/Scope /[A-Za-z]+|"[^"]*"' | tr '\n' ' ')
    [ "$cells" = '/Scope /Column "Year" /Scope /Column "Fee" /Scope /Row "2014" /Scope /Row "2015" ' ] \
        || { cat "$T/struct.txt"; fail "TH scopes: $cells"; }
    run_cocom pdfcheck "$T/out.pdf"
    expect_rc 0
}

t_two_runs_give_the_same_bytes() {
    tagged_pdf "$T/raw.pdf"
    run_tool pdffix "$T/raw.pdf" "$T/a.pdf" --lang en-GB
    expect_rc 0
    run_tool pdffix "$T/raw.pdf" "$T/b.pdf" --lang en-GB
    expect_rc 0
    cmp -s "$T/a.pdf" "$T/b.pdf" || fail "two runs differ"
    [ "$(pdf_jq "$T/a.pdf" '$o.trailer.value."/ID" | length')" = 2 ] || fail "no /ID"
}

t_qpdf_check_passes() {
    fixed_pdf "$T/out.pdf"
    qpdf --check "$T/out.pdf" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails"; }
    grep -q "No syntax or stream encoding errors" "$T/check.txt" || fail "qpdf --check found errors"
    pdfinfo "$T/out.pdf" > /dev/null 2> "$T/poppler.err"
    [ ! -s "$T/poppler.err" ] || { cat "$T/poppler.err"; fail "poppler complains"; }
}

# A second pass over its own output changes nothing that matters (and
# cocom's finished file, passed again, still passes pdfcheck).
# second_pass ONCE TWICE: TWICE is ONCE through the post-pass again, which
# says nothing and leaves the structure as it was.
second_pass() {
    run_tool pdffix "$1" "$2" --lang en-GB
    expect_rc 0
    [ ! -s "$ERR" ] || { cat "$ERR"; fail "the second pass over $(basename "$1") had something to say"; }
    struct_text "$1" > "$T/once.txt"
    struct_text "$2" > "$T/twice.txt"
    cmp -s "$T/once.txt" "$T/twice.txt" || fail "the structure of $(basename "$1") changed"
}

t_post_pass_twice() {
    fixed_pdf "$T/once.pdf"
    second_pass "$T/once.pdf" "$T/twice.pdf"
    sed 's|<fo:root |<fo:root xml:lang="en-GB" |' "$SRCDIR/tests/pdf/furniture.fo" > "$T/furniture.fo"
    run_cocom render "$T/furniture.fo" -o "$T/cocom.pdf"
    expect_rc 0
    second_pass "$T/cocom.pdf" "$T/cocom-twice.pdf"
    run_cocom pdfcheck "$T/cocom-twice.pdf"
    expect_rc 0
}

# A link in the running header works, but an artifact has no place in the
# structure tree: a warning, and its annotation has no /StructParent (nor
# an entry in the parent tree).
t_cocom_link_in_furniture_is_a_warning() {
    sed -e 's|<fo:root |<fo:root xml:lang="en-GB" |' \
        -e 's|>Running header<|>Running header <fo:basic-link external-destination="url(https://example.org/home)">home</fo:basic-link><|' \
        "$SRCDIR/tests/pdf/furniture.fo" > "$T/furniture.fo"
    grep -q 'example.org/home' "$T/furniture.fo" || fail "the FO has no link in its header"
    run_cocom render "$T/furniture.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "warning: 2 links in page furniture (such as a running header) have no place in the structure tree, which PDF/UA asks of every link"
    # Said of the file being made, not of the temporary files on the way.
    expect_err "$T/out.pdf: warning: 2 links in page furniture"
    expect_no_err ".tmp-"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | select(has("/StructParent") | not) | ."/A" | deref | ."/URI"] | join(" ")')" \
        = "u:https://example.org/home u:https://example.org/home" ] || fail "a furniture link has a /StructParent"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | select(has("/StructParent"))] | length')" = 2 ] \
        || fail "the body's links lost their /StructParent"
    # Two pages and the body's two links: four entries.
    [ "$(pdf_jq "$T/out.pdf" 'root."/StructTreeRoot" | deref | ."/ParentTree" | deref | ."/Nums" | length')" = 8 ] \
        || fail "the parent tree has an entry for a furniture link"
    expect_page_lines "$T/out.pdf" 1 "Running header home|See the site or the second part.|Page 1|"
    run_cocom pdfcheck "$T/out.pdf"
    expect_rc 1
    expect_err "2 of 4 links are not in a Link structure element, the first on page 1 [PDFUA-LINK-TAGGED, Matterhorn 28-011]"
}

# A link made of inlines has a run of nothing but a space between them
# (between "the" and "second part" here): that space gets no annotation of
# its own, which would have no words for its /Contents (PDF/UA asks one of
# every link, and cocom pdfcheck refuses the file without).  The words on
# either side keep theirs, and the space stays on the page.
t_cocom_link_space_between_inlines() {
    sed -e 's|<fo:root |<fo:root xml:lang="en-GB" |' \
        -e 's|>the second part</fo:basic-link>|><fo:inline font-style="italic">the</fo:inline> <fo:inline font-weight="bold">second part</fo:inline></fo:basic-link>|' \
        "$SRCDIR/tests/pdf/furniture.fo" > "$T/furniture.fo"
    grep -q '<fo:inline font-style="italic">the</fo:inline> <fo:inline' "$T/furniture.fo" || fail "the FO has no space between two inlines of a link"
    run_cocom render "$T/furniture.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_page_lines "$T/out.pdf" 1 "Running header|See the site or the second part.|Page 1|"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | ."/Contents"] | join("|")')" \
        = "u:the site (https://example.org/)|u:the|u:second part" ] || fail "the links' descriptions"
    [ "$(pdf_jq "$T/out.pdf" '[links[] | has("/StructParent")] | unique | join(" ")')" = true ] \
        || fail "a link is not in the structure tree"
    run_cocom pdfcheck "$T/out.pdf"
    expect_rc 0
    expect_no_err "PDFUA-"
}

t_output_over_its_input_is_refused() {
    tagged_pdf "$T/raw.pdf"
    cp "$T/raw.pdf" "$T/before.pdf"
    run_tool pdffix "$T/raw.pdf" "$T/raw.pdf"
    expect_rc 1
    expect_err "cannot be written over its input"
    cmp -s "$T/raw.pdf" "$T/before.pdf" || fail "the input was touched"
}

t_damaged_input_is_an_error() {
    tagged_pdf "$T/raw.pdf"
    head -c 3000 "$T/raw.pdf" > "$T/cut.pdf"
    run_tool pdffix "$T/cut.pdf" "$T/out.pdf"
    expect_rc 1
    expect_err "cut.pdf: error: this is not a readable PDF"
    [ ! -e "$T/out.pdf" ] || fail "an output was written"
}

# A long file is written by a thread of its own (src/pdfstream-out.c,
# from 128 KiB): a write that fails part way is said once, in words a
# user can act on, and leaves no file.  (A file-size limit stands in for
# a full disk.)
t_a_long_file_that_cannot_be_written_leaves_nothing() {
    bench_report 40 "$T/report.fo"
    COCOM_PDFPOST=0 "$COCOM" render "$T/report.fo" -o "$T/raw.pdf" || fail "cannot render the report"
    [ "$(stat -c %s "$T/raw.pdf")" -ge 131072 ] || fail "the report is too short to be written by a thread"
    set +e
    ( trap '' XFSZ; ulimit -f 64; exec "$TOOLS/pdffix" "$T/raw.pdf" "$T/out.pdf" ) \
        > "$T/stdout" 2> "$T/stderr" < /dev/null
    RC=$?
    set -e
    ERR="$T/stderr"
    expect_rc 1
    expect_err "raw.pdf: error: cannot write the PDF: the file reached the size limit for files; nothing was written"
    [ "$(grep -c error "$T/stderr")" -eq 1 ] || { cat "$T/stderr"; fail "the failure was not said once"; }
    [ ! -e "$T/out.pdf" ] || fail "an output was left"
    # Without the limit, the same file is written whole.
    run_tool pdffix "$T/raw.pdf" "$T/out.pdf"
    expect_rc 0
    qpdf --check "$T/out.pdf" > /dev/null || fail "qpdf --check fails on the file written"
}

# A page tree that lists its own node among its kids (found by fuzz-tags:
# fuzz/seeds/pdfstream-page-tree-loop.pdf) is refused, with nothing
# written: copied as it was, the loop made a file qpdf cannot read.
t_page_tree_loop_is_an_error() {
    run_tool pdffix "$SRCDIR/fuzz/seeds/pdfstream-page-tree-loop.pdf" "$T/out.pdf"
    expect_rc 1
    expect_err "error: this is not a PDF the post-pass reads: its page tree reaches object 1 twice"
    [ ! -e "$T/out.pdf" ] || fail "an output was written"
}

# cocom's own output of tests/pdf/furniture.fo (two pages, each with a
# running header and a page-number footer, and two links), in English:
# Cairo's file as the painter left it (COCOM_PDFPOST=0: untagged) and the
# finished one, whose tags the painter logged and the post-pass wrote
# (src/structlog.h).
cocom_pdfs() {
    sed 's|<fo:root |<fo:root xml:lang="en-GB" |' "$SRCDIR/tests/pdf/furniture.fo" > "$T/furniture.fo"
    SOURCE_DATE_EPOCH=1438128000 COCOM_PDFPOST=0 run_cocom render "$T/furniture.fo" -o "$1"
    expect_rc 0
    # Cairo's own PDF lacks what the post-pass adds: else the checks below
    # could not tell that the post-pass added it.
    [ "$(pdf_jq "$1" 'root | has("/Lang")')" = false ] || fail "Cairo's PDF already has /Lang"
    [ "$(pdf_jq "$1" 'root | has("/Metadata")')" = false ] || fail "Cairo's PDF already has XMP"
    [ "$(pdf_jq "$1" 'root | has("/StructTreeRoot")')" = false ] || fail "Cairo's PDF already has tags"
    SOURCE_DATE_EPOCH=1438128000 run_cocom render "$T/furniture.fo" -o "$2"
    expect_rc 0
}

# The post-pass adds what Cairo cannot write.
t_cocom_output_gets_what_cairo_cannot_write() {
    cocom_pdfs "$T/raw.pdf" "$T/a.pdf"
    SOURCE_DATE_EPOCH=1438128000 run_cocom render "$T/furniture.fo" -o "$T/b.pdf"
    cmp -s "$T/a.pdf" "$T/b.pdf" || fail "two runs differ"
    qpdf --check "$T/a.pdf" > /dev/null 2>&1 || fail "qpdf --check fails"
    [ "$(pdf_jq "$T/a.pdf" 'root."/Lang"')" = "u:en-GB" ] || fail "no /Lang"
    [ "$(pdf_jq "$T/a.pdf" 'root."/ViewerPreferences" | deref | ."/DisplayDocTitle"')" = true ] \
        || fail "DisplayDocTitle"
    [ "$(pdf_jq "$T/a.pdf" 'root."/MarkInfo" | deref | ."/Marked"')" = true ] || fail "MarkInfo"
    [ "$(pdf_jq "$T/a.pdf" 'info."/CreationDate"')" = "u:D:20150729000000Z" ] || fail "CreationDate"
    [ "$(pdf_jq "$T/a.pdf" '[pages[]."/Tabs"] | unique | join(" ")')" = "/S" ] || fail "/Tabs"
    pdfinfo -meta "$T/a.pdf" | grep -qF '<rdf:li xml:lang="x-default">Furniture test</rdf:li>' \
        || fail "the XMP lacks the FO's title"
    # Nothing seen on the page is lost, and the links work: the external
    # one leads to its address, the internal one to its destination (on
    # page 2), each lies over its words, and each is a Link element's.
    expect_page_lines "$T/a.pdf" 1 "Running header|See the site or the second part.|Page 1|"
    expect_page_lines "$T/a.pdf" 2 "Running header|Second part|Page 2|"
    [ "$(pdf_jq "$T/a.pdf" '[links[]] | length')" = 2 ] || fail "a link was lost"
    [ "$(pdf_jq "$T/a.pdf" '[links[] | ."/Contents"] | sort | join("|")')" \
        = "u:the second part|u:the site (https://example.org/)" ] || fail "the links' descriptions"
    [ "$(pdf_jq "$T/a.pdf" '[links[] | ."/A" | deref | select(. != null) | ."/URI"] | join("|")')" \
        = "u:https://example.org/" ] || fail "the external link's address"
    [ "$(pdf_jq "$T/a.pdf" '[links[] | ."/Dest" | select(. != null)] | join("|")')" = "u:second" ] \
        || fail "the internal link's destination"
    [ "$(pdf_jq "$T/a.pdf" '[links[] | has("/StructParent")] | unique | join(" ")')" = true ] \
        || fail "a link is not in the structure tree"
    pdftotext -bbox -f 1 -l 1 "$T/a.pdf" "$T/words.html"
    python3 - "$T/a.pdf" "$T/words.html" > "$T/rects.txt" <<'PY' || { cat "$T/rects.txt"; fail "a link does not lie over its words"; }
import json, re, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, check=True).stdout)
objs = doc["qpdf"][1]
height = 200
words = {w[4]: [float(v) for v in w[:4]] for w in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
    open(sys.argv[2]).read())}
for key, o in objs.items():
    v = o.get("value") if isinstance(o, dict) else None
    if not isinstance(v, dict) or v.get("/Subtype") != "/Link":
        continue
    x1, y1, x2, y2 = v["/Rect"]
    first = "site" if "/A" in v else "second"
    wx1, wy1, wx2, wy2 = words[first]
    # pdftotext's box, y down from the top: inside the link's, y up.
    if not (x1 - 0.5 <= wx1 and wx2 <= x2 + 0.5 and y1 - 0.5 <= height - wy2 and height - wy1 <= y2 + 0.5):
        print("link", v["/Rect"], "does not cover", first, words[first])
        sys.exit(1)
PY
    # The structure tree reads the body, and the links in it.
    struct_text "$T/a.pdf" > "$T/struct.txt"
    for kept in '"See "' '"the site"' '"the second part"' '"Second part"'; do
        grep -qF -- "$kept" "$T/struct.txt" || { cat "$T/struct.txt"; fail "the structure tree lacks $kept"; }
    done
    [ "$(grep -c '^ *Link' "$T/struct.txt")" = 2 ] || { cat "$T/struct.txt"; fail "not two Link elements"; }
    run_cocom pdfcheck "$T/a.pdf"
    expect_rc 0
    expect_no_err "PDFUA-"
}

# The running headers and page numbers cocom's painter draws are
# artifacts: out of the structure tree and the parent tree, marked
# /Artifact in the content, still on the page.
t_cocom_furniture_becomes_artifacts() {
    cocom_pdfs "$T/raw.pdf" "$T/out.pdf"
    struct_text "$T/out.pdf" > "$T/struct.txt"
    for gone in "Running header" "Page 1" "Page 2" "Private"; do
        ! grep -qF -- "$gone" "$T/struct.txt" || { cat "$T/struct.txt"; fail "the structure tree still has '$gone'"; }
    done
    [ "$(pdf_jq "$T/out.pdf" '[elems[] | select(."/S" == "/Private")] | length')" = 0 ] \
        || fail "a /Private StructElem is in the file"
    qpdf --qdf --object-streams=disable "$T/out.pdf" "$T/qdf.pdf"
    n=$(grep -ac '^/Artifact BMC$' "$T/qdf.pdf")
    [ "$n" = 4 ] || fail "$n artifacts, expected 4 (a header and a footer on each of two pages)"
    ! grep -aq '/Private' "$T/qdf.pdf" || fail "a /Private tag is in the content"
    opens=$(grep -acE ' (BDC|BMC)$' "$T/qdf.pdf")
    closes=$(grep -acE '^EMC$' "$T/qdf.pdf")
    [ "$opens" = "$closes" ] || fail "$opens sequences opened, $closes closed"
    # Every MCID of the pages is in the parent tree, and nothing else.
    mcids=$(grep -acE '<</MCID [0-9]+>> BDC$' "$T/qdf.pdf")
    entries=$(pdf_jq "$T/out.pdf" '[root."/StructTreeRoot" | deref | ."/ParentTree" | deref | ."/Nums"[]
        | deref | arrays | .[]] | length')
    nulls=$(pdf_jq "$T/out.pdf" '[root."/StructTreeRoot" | deref | ."/ParentTree" | deref | ."/Nums"[]
        | deref | arrays | .[] | select(. == null)] | length')
    [ "$entries" = "$mcids" ] && [ "$nulls" = 0 ] \
        || fail "$entries entries ($nulls null) in the parent tree for $mcids marked-content sequences"
    expect_page_lines "$T/out.pdf" 1 "Running header|See the site or the second part.|Page 1|"
    expect_page_lines "$T/out.pdf" 2 "Running header|Second part|Page 2|"
}

# A damaged tree in which a Figure is also a Link's annotation (found by
# fuzz-pdfstream: fuzz/seeds/pdfstream-figure-is-link-annotation.pdf, when
# the post-pass still completed such trees): passed through, or refused
# with nothing left behind.
t_a_figure_that_is_also_a_link_annotation() {
    run_tool pdffix "$SRCDIR/fuzz/seeds/pdfstream-figure-is-link-annotation.pdf" "$T/out.pdf" --lang en-GB
    [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { cat "$ERR"; fail "exit status $RC"; }
    if [ "$RC" -eq 0 ]; then
        qpdf --check "$T/out.pdf" > /dev/null 2>&1 || [ $? -eq 3 ] || fail "qpdf cannot read the output"
    else
        [ ! -e "$T/out.pdf" ] || fail "a refusal left a file behind"
    fi
}
