# tests/pdf/streampost.sh — the streaming post-pass (src/pdfstream.c)
# against the libqpdf one it replaces (COCOM_POSTPASS=qpdf): on every
# document of every sample, every FO fixture and a bench report, both
# outputs pass qpdf --check and give the same pdfcheck findings, the same
# structure tree, catalog, Info, pages and parent tree (tests/tools/pdfshape.py,
# which follows references, so object numbers and packing do not count),
# the same marked content in the pages (each BDC and BMC, as qpdf --qdf
# shows them), the same text (pdftotext -layout) and the same page images
# (pdftoppm).

# same_pdf A B: the two files say and show the same.
same_pdf() {
    for f in "$1" "$2"; do
        qpdf --check "$f" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails on $f"; }
    done
    "$COCOM" pdfcheck "$1" > /dev/null 2> "$T/pc-a.txt" && rca=0 || rca=$?
    "$COCOM" pdfcheck "$2" > /dev/null 2> "$T/pc-b.txt" && rcb=0 || rcb=$?
    sed "s|^$1|F|" "$T/pc-a.txt" > "$T/pc-a2.txt"
    sed "s|^$2|F|" "$T/pc-b.txt" > "$T/pc-b2.txt"
    [ "$rca" = "$rcb" ] && cmp -s "$T/pc-a2.txt" "$T/pc-b2.txt" \
        || { diff "$T/pc-a2.txt" "$T/pc-b2.txt"; fail "pdfcheck differs on $2 ($rca, $rcb)"; }
    for f in "$1" "$2"; do
        qpdf --json=2 "$f" > "$T/j.json" || fail "qpdf --json cannot read $f"
        python3 "$SRCDIR/tests/tools/pdfshape.py" "$T/j.json" > "$f.shape" || fail "pdfshape.py failed on $f"
    done
    cmp -s "$1.shape" "$2.shape" || { diff "$1.shape" "$2.shape" | head -40; fail "the structure differs: $2"; }
    # The marked content of every page: the furniture an /Artifact in both.
    for f in "$1" "$2"; do
        qpdf --qdf --object-streams=disable "$f" "$T/q.pdf" || fail "qpdf --qdf cannot read $f"
        grep -aE ' (BDC|BMC)$' "$T/q.pdf" > "$f.marks" || true
    done
    cmp -s "$1.marks" "$2.marks" || { diff "$1.marks" "$2.marks" | head; fail "the marked content differs: $2"; }
    pdftotext -layout "$1" "$T/a.txt"
    pdftotext -layout "$2" "$T/b.txt"
    cmp -s "$T/a.txt" "$T/b.txt" || { diff "$T/a.txt" "$T/b.txt" | head; fail "the text differs: $2"; }
    pdfinfo -meta "$1" > "$T/a.meta"
    pdfinfo -meta "$2" > "$T/b.meta"
    cmp -s "$T/a.meta" "$T/b.meta" || { diff "$T/a.meta" "$T/b.meta"; fail "the XMP differs: $2"; }
    rm -rf "$T/img-a" "$T/img-b"
    mkdir -p "$T/img-a" "$T/img-b"
    pdftoppm -r 36 "$1" "$T/img-a/p"
    pdftoppm -r 36 "$2" "$T/img-b/p"
    for a in "$T"/img-a/*; do
        cmp -s "$a" "$T/img-b/$(basename "$a")" || fail "page image $(basename "$a") differs: $2"
    done
    [ "$(ls "$T/img-a" | wc -l)" = "$(ls "$T/img-b" | wc -l)" ] || fail "the page counts differ: $2"
}

# sample_matches NAME: every document of samples/NAME (one test per
# sample, so that each stays well inside the time a test may take).
sample_matches() {
    s="$SRCDIR/samples/$1"
    for v in qpdf stream; do
        COCOM_POSTPASS=$v SOURCE_DATE_EPOCH=1437177600 "$COCOM" build -o "$T/$v" "$s/arrangement.xml" \
            > /dev/null 2> "$T/build.err" || { cat "$T/build.err"; fail "cocom build $1 failed"; }
    done
    count=0
    for a in "$T"/qpdf/*.pdf; do
        same_pdf "$a" "$T/stream/$(basename "$a")"
        count=$((count + 1))
    done
    [ "$count" -ge 4 ] || fail "only $count documents compared"
}

t_sample_hull_matches_the_qpdf_post_pass() { sample_matches hull-2015; }
t_sample_rotherham_matches_the_qpdf_post_pass() { sample_matches rotherham-2015; }
t_sample_westminster_matches_the_qpdf_post_pass() { sample_matches westminster-2015; }
t_sample_wolverhampton_matches_the_qpdf_post_pass() { sample_matches wolverhampton-2015; }

t_fo_fixtures_match_the_qpdf_post_pass() {
    count=0
    for fo in "$SRCDIR"/tests/fo/*.fo "$SRCDIR"/tests/pdf/furniture.fo; do
        n=$(basename "$fo" .fo)
        for v in qpdf stream; do
            COCOM_POSTPASS=$v SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$fo" -o "$T/$n.$v.pdf" \
                > /dev/null 2> "$T/$n.$v.err" && echo 0 > "$T/$n.$v.rc" || echo $? > "$T/$n.$v.rc"
        done
        cmp -s "$T/$n.qpdf.rc" "$T/$n.stream.rc" || fail "$n: exit status differs"
        sed "s/\.qpdf\.pdf/.pdf/" "$T/$n.qpdf.err" > "$T/e1"
        sed "s/\.stream\.pdf/.pdf/" "$T/$n.stream.err" > "$T/e2"
        cmp -s "$T/e1" "$T/e2" || { diff "$T/e1" "$T/e2"; fail "$n: the messages differ"; }
        [ -f "$T/$n.qpdf.pdf" ] || continue
        same_pdf "$T/$n.qpdf.pdf" "$T/$n.stream.pdf"
        count=$((count + 1))
    done
    [ "$count" -ge 20 ] || fail "only $count fixtures compared"
}

t_bench_report_matches_the_qpdf_post_pass() {
    cc -O1 -o "$T/gen-report" "$SRCDIR/bench/gen-report.c" || fail "cannot build gen-report"
    "$T/gen-report" 40 > "$T/report.fo"
    for v in qpdf stream; do
        COCOM_POSTPASS=$v SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$T/report.fo" -o "$T/report.$v.pdf" \
            2> "$T/err.$v" || { cat "$T/err.$v"; fail "render failed ($v)"; }
    done
    same_pdf "$T/report.qpdf.pdf" "$T/report.stream.pdf"
}
