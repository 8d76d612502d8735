# tests/pdf/streampost.sh — the streaming post-pass (src/pdfstream.c) on
# cocom's own output: on every FO fixture, a sample's documents and a bench
# report it changes nothing a reader sees (the text, pdftotext -layout, and
# the page images, pdftoppm, are those of Cairo's file before it), keeps
# every marked-content sequence (only the furniture's become /Artifact, and
# no /Private tag is left), and writes a file qpdf --check accepts.  Until
# 2026-12-06 it was compared with the libqpdf post-pass it replaced, on the
# same files: structure tree, catalog, Info, pages, parent tree, marked
# content, XMP, text and pixels all equal (commit log).

# unchanged_to_the_eye RAW POSTED: what Cairo wrote and what the post-pass made.
unchanged_to_the_eye() {
    qpdf --check "$2" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails on $2"; }
    pdftotext -layout "$1" "$T/a.txt"
    pdftotext -layout "$2" "$T/b.txt"
    cmp -s "$T/a.txt" "$T/b.txt" || { diff "$T/a.txt" "$T/b.txt" | head; fail "the text differs: $2"; }
    rm -rf "$T/img-a" "$T/img-b"
    mkdir -p "$T/img-a" "$T/img-b"
    pdftoppm -r 36 "$1" "$T/img-a/p"
    pdftoppm -r 36 "$2" "$T/img-b/p"
    for a in "$T"/img-a/*; do
        cmp -s "$a" "$T/img-b/$(basename "$a")" || fail "page image $(basename "$a") differs: $2"
    done
    [ "$(ls "$T/img-a" | wc -l)" = "$(ls "$T/img-b" | wc -l)" ] || fail "the page counts differ: $2"
    for f in "$1" "$2"; do
        # Cairo's own file may draw warnings (status 3: an image shown
        # twice on a page is named twice in its resources), which the
        # post-pass mends; the finished file must draw none.
        rc=0
        qpdf --qdf --object-streams=disable "$f" "$T/q.pdf" 2> "$T/qdf.err" || rc=$?
        [ $rc -eq 0 ] || { [ $rc -eq 3 ] && [ "$f" = "$1" ]; } || { cat "$T/qdf.err"; fail "qpdf --qdf cannot read $f"; }
        grep -aE ' (BDC|BMC)$' "$T/q.pdf" > "$f.marks" || true
    done
    [ "$(wc -l < "$1.marks")" = "$(wc -l < "$2.marks")" ] || fail "marked content was lost: $2"
    ! grep -q '^/Private ' "$2.marks" || fail "a /Private tag is left in the pages: $2"
    if grep -q '^/Private ' "$1.marks"; then
        grep -q '^/Artifact BMC$' "$2.marks" || fail "no furniture became an artifact: $2"
    fi
}

# render_both FO NAME: Cairo's file (COCOM_PDFPOST=0) and the finished one.
render_both() {
    COCOM_PDFPOST=0 SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$1" -o "$T/$2.raw.pdf" 2> /dev/null || return 1
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$1" -o "$T/$2.pdf" 2> "$T/$2.err" \
        || { cat "$T/$2.err"; fail "$2: the post-pass failed where Cairo's file was written"; }
}

t_fo_fixtures_look_as_cairo_drew_them() {
    count=0
    for fo in "$SRCDIR"/tests/fo/*.fo "$SRCDIR"/tests/pdf/furniture.fo; do
        n=$(basename "$fo" .fo)
        render_both "$fo" "$n" || continue
        unchanged_to_the_eye "$T/$n.raw.pdf" "$T/$n.pdf"
        count=$((count + 1))
    done
    [ "$count" -ge 20 ] || fail "only $count fixtures compared"
}

t_sample_documents_look_as_cairo_drew_them() {
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" build --fo -o "$T/out" "$SRCDIR/samples/hull-2015/arrangement.xml" \
        > /dev/null 2> "$T/build.err" || true
    count=0
    for fo in "$T"/out/*.fo; do
        [ -f "$fo" ] || continue
        n=$(basename "$fo" .fo)
        render_both "$fo" "$n" || fail "$n: cannot render"
        unchanged_to_the_eye "$T/$n.raw.pdf" "$T/$n.pdf"
        count=$((count + 1))
    done
    # (Hull makes three: its proforma, terms of reference and ballot paper)
    [ "$count" -ge 3 ] || fail "only $count documents compared"
}

# A bench report: the same bytes from two runs, and from one thread as
# from two (the painter's).
t_bench_report_is_reproducible_and_unchanged_to_the_eye() {
    cc -O1 -o "$T/gen-report" "$SRCDIR/bench/gen-report.c" || fail "cannot build gen-report"
    "$T/gen-report" 40 > "$T/report.fo"
    render_both "$T/report.fo" report || fail "cannot render the report"
    unchanged_to_the_eye "$T/report.raw.pdf" "$T/report.pdf"
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$T/report.fo" -o "$T/again.pdf"
    COCOM_THREADS=1 SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$T/report.fo" -o "$T/one.pdf"
    cmp -s "$T/report.pdf" "$T/again.pdf" || fail "two runs differ"
    cmp -s "$T/report.pdf" "$T/one.pdf" || fail "one thread and two differ"
}

# The cocom command has Cairo write its streams uncompressed (cli.c says
# why) and the post-pass deflates them: in the finished file every stream
# but the XMP metadata is compressed (the pages, the fonts' ToUnicode maps,
# the images, the object streams), and the file is no larger than what
# Cairo's own compression gave.
t_every_stream_but_the_metadata_is_compressed() {
    for n in images justify; do
        render_both "$SRCDIR/tests/fo/$n.fo" "$n" || fail "$n: cannot render"
        qpdf --json=2 --json-key=qpdf "$T/$n.pdf" > "$T/$n.json" || fail "qpdf cannot read $n.pdf"
        python3 - "$T/$n.json" > "$T/$n.plain" <<'PY' || fail "$n: cannot read qpdf's JSON"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
streams = 0
for key, obj in objs.items():
    if isinstance(obj, dict) and "stream" in obj:
        streams += 1
        d = obj["stream"]["dict"]
        if "/Filter" not in d and d.get("/Type") != "/Metadata":
            print(key, d)
print("streams", streams)
PY
        grep -q '^streams [1-9]' "$T/$n.plain" || fail "$n: no streams found"
        ! grep -v '^streams ' "$T/$n.plain" || fail "$n: uncompressed streams in the finished file"
        [ "$(wc -c < "$T/$n.pdf")" -le $(( $(wc -c < "$T/$n.raw.pdf") * 11 / 10 )) ] \
            || fail "$n: the finished file is much larger than Cairo's"
    done
}
