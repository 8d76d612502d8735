# tests/pdf/streampost.sh — the streaming post-pass (src/pdfstream.c) on
# cocom's own output: on every FO fixture, a sample's documents and a bench
# report, tagging changes nothing a reader sees (the text, pdftotext
# -layout, and the page images, pdftoppm, are those of Cairo's untagged
# file, COCOM_PDFPOST=0), every painter's marker becomes marked content
# (none is left on the page; Cairo's own /ActualText spans stay), and qpdf
# --check accepts the file.  Until 2026-12-06 the post-pass was compared
# with the libqpdf post-pass it replaced, on the same files: structure
# tree, catalog, Info, pages, parent tree, marked content, XMP, text and
# pixels all equal.  On 2026-12-07 the files cocom tags itself
# (src/structlog.h) were compared with those Cairo had tagged, made by
# the binary before: pdfinfo -struct-text, text and pixels equal but for
# the changes commit dc55785 names (link rectangles, backgrounds as
# artifacts, alternative texts matched to their own figures).

# unchanged_to_the_eye RAW POSTED: what Cairo wrote untagged, and the finished file.
unchanged_to_the_eye() {
    qpdf --check "$2" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails on $2"; }
    # (Spaces squeezed: a column can move by one where a word sits a
    # tenth of a point off, see below.)
    pdftotext -layout "$1" - | tr -s ' ' > "$T/a.txt"
    pdftotext -layout "$2" - | tr -s ' ' > "$T/b.txt"
    cmp -s "$T/a.txt" "$T/b.txt" || { diff "$T/a.txt" "$T/b.txt" | head; fail "the text differs: $2"; }
    # Untagged, Cairo runs a line's pieces into one text object, the
    # space between them rounded to a thousandth of an em: along a line a
    # word can drift from where the tagged file has it (measured: up to
    # 0.7 pt, at the end of a long line), and a glyph's edge pixels shade
    # differently.  Nothing more may differ.
    pdftotext -bbox "$1" "$T/a.bbox"
    pdftotext -bbox "$2" "$T/b.bbox"
    python3 - "$T/a.bbox" "$T/b.bbox" > "$T/bbox.txt" <<'PY' || { cat "$T/bbox.txt"; fail "words moved: $2"; }
import re, sys
def words(path):
    return re.findall(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>',
                      open(path, encoding="utf-8").read())
a, b = words(sys.argv[1]), words(sys.argv[2])
if len(a) != len(b):
    print(f"{len(a)} words, then {len(b)}")
    sys.exit(1)
# Each word matched with the nearest of the same text (pdftotext's
# reading order can change with the text objects).
from collections import defaultdict
left = defaultdict(list)
for w in b:
    left[w[4]].append([float(v) for v in w[:4]])
for w in a:
    box = [float(v) for v in w[:4]]
    near = min(left[w[4]], key=lambda o: max(abs(p - q) for p, q in zip(box, o)), default=None)
    if near is None or max(abs(p - q) for p, q in zip(box, near)) > 1.0:
        print("moved:", w, near)
        sys.exit(1)
    left[w[4]].remove(near)
PY
    rm -rf "$T/img-a" "$T/img-b"
    mkdir -p "$T/img-a" "$T/img-b"
    pdftoppm -png -r 36 "$1" "$T/img-a/p"
    pdftoppm -png -r 36 "$2" "$T/img-b/p"
    for a in "$T"/img-a/*; do
        "$PNGDIFF" "$a" "$T/img-b/$(basename "$a")" 0.2 > "$T/pngdiff.txt" 2>&1 \
            || { cat "$T/pngdiff.txt"; fail "page image $(basename "$a") differs: $2"; }
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
    [ "$(grep -c ActualText "$1.marks")" = "$(grep -c ActualText "$2.marks")" ] \
        || fail "Cairo's own marked content was lost: $2"
    grep -q '<</MCID 0>> BDC$' "$2.marks" || fail "no content was tagged: $2"
    ! grep -q '^/Private ' "$2.marks" || fail "a /Private tag is left in the pages: $2"
    # The painter's markers (src/structlog.h), every one replaced.
    ! grep -aqE '(^| )0 0 0\.(25|375|5) 0\.125 re f' "$T/q.pdf" || fail "a marker is left on a page: $2"
    [ "$(grep -acE ' (BDC|BMC)$' "$T/q.pdf")" = "$(grep -acE '(^| )EMC$' "$T/q.pdf")" ] \
        || fail "marked content opened and closed do not pair: $2"
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
# from two (the painter's, and the post-pass's writer, which a file of
# 128 KiB or more gets).
t_bench_report_is_reproducible_and_unchanged_to_the_eye() {
    bench_report 40 "$T/report.fo"
    render_both "$T/report.fo" report || fail "cannot render the report"
    [ "$(stat -c %s "$T/report.raw.pdf")" -ge 131072 ] || fail "the report is too short for the post-pass's writer"
    unchanged_to_the_eye "$T/report.raw.pdf" "$T/report.pdf"
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$T/report.fo" -o "$T/again.pdf"
    COCOM_THREADS=1 SOURCE_DATE_EPOCH=1437177600 "$COCOM" render "$T/report.fo" -o "$T/one.pdf"
    cmp -s "$T/report.pdf" "$T/again.pdf" || fail "two runs differ"
    cmp -s "$T/report.pdf" "$T/one.pdf" || fail "one thread and two differ"
}

# A report long enough for the post-pass's writer to fall behind, so that
# the caller deflates some streams itself (150 sections: about thirty):
# the same bytes as from one thread, and no hang (a count of the queue
# that drifted once left both threads waiting, at 20,000 sections).
t_a_long_report_is_the_same_from_one_thread_as_from_two() {
    bench_report 150 "$T/report.fo"
    SOURCE_DATE_EPOCH=1437177600 timeout 300 "$COCOM" render "$T/report.fo" -o "$T/two.pdf" \
        || fail "cannot render the report with two threads (status $?)"
    COCOM_THREADS=1 SOURCE_DATE_EPOCH=1437177600 timeout 300 "$COCOM" render "$T/report.fo" -o "$T/one.pdf" \
        || fail "cannot render the report with one thread (status $?)"
    cmp -s "$T/one.pdf" "$T/two.pdf" || fail "one thread and two differ"
    qpdf --check "$T/two.pdf" > /dev/null || fail "qpdf --check fails on the report"
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

# The painter's markers are black rectangles of sizes nothing else draws at
# the page's corner (src/structlog.h).  A document that draws one of those
# sizes there all the same (a background 0.125 pt tall, no page margin) is
# drawn, not taken for a marker (which failed the post-pass), for every
# marker's width.
t_a_rectangle_shaped_like_a_marker_is_drawn() {
    {
        printf '<?xml version="1.0"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Sans">\n'
        printf '<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="150pt">'
        printf '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n'
        printf '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">\n'
        for w in 0.25 0.375 0.5 0.625 0.75; do
            printf '<fo:block-container height="0.125pt" width="%spt" background-color="red"><fo:block/></fo:block-container>' "$w"
            printf '<fo:block break-after="page">Width %s</fo:block>\n' "$w"
        done
        printf '</fo:flow></fo:page-sequence></fo:root>\n'
    } > "$T/rects.fo"
    run_cocom render "$T/rects.fo" -o "$T/rects.pdf"
    expect_rc 0
    [ ! -s "$ERR" ] || { cat "$ERR"; fail "messages printed"; }
    [ "$(pdftotext "$T/rects.pdf" - | grep -c 'Width')" = 5 ] || fail "a page is missing"
    # Each background is on its page, red.
    pdftoppm -r 288 -f 1 -l 1 -x 0 -y 0 -W 2 -H 1 "$T/rects.pdf" "$T/corner"
    [ "$(od -An -tu1 -j "$(($(stat -c %s "$T/corner-1.ppm") - 6))" "$T/corner-1.ppm" | tr -s ' ' | cut -d' ' -f2-4)" = "255 0 0" ] \
        || fail "the first page's background is not drawn at its corner"
}
