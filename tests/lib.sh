# tests/lib.sh — what every shell test can use.  A test is a function t_NAME
# run under `set -e` in its own subshell, with an empty folder $T of its own.
# It passes when it returns 0; `fail MESSAGE` ends it with the message;
# `skip WHY` ends it as skipped (tests/run.sh counts those apart).
#
#   t_missing_file() {
#       run_cocom check "$T/nope.xml"
#       expect_rc 1
#       expect_err "nope.xml: error: cannot read the file: no such file"
#   }

fail() { echo "FAILED: $*" >&2; exit 1; }

# skip WHY: the test cannot run here (say, a tool it needs is not
# installed); tests/run.sh counts it as skipped, not passed, and prints WHY.
skip() { echo "SKIPPED: $*" >&2; exit 77; }

# A report from a sanitizer or from valgrind (see `make check-valgrind`,
# which sets COCOM_WRAP) is always a failure.
check_tool_reports() {
    if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|^==[0-9]+== [A-Z]' "$ERR"; then
        cat "$ERR" >&2
        fail "sanitizer or valgrind report from: cocom $*"
    fi
}

# run_cocom ARGS...: runs cocom; sets RC, and OUT/ERR to the files holding
# its standard output and error.
run_cocom() {
    OUT="$T/stdout"; ERR="$T/stderr"
    set +e
    ${COCOM_WRAP:-} "$COCOM" "$@" > "$OUT" 2> "$ERR" < /dev/null
    RC=$?
    set -e
    check_tool_reports "$@"
    return 0
}

# run_cocom_in FILE ARGS...: the same, with FILE as standard input.
run_cocom_in() {
    input=$1; shift
    OUT="$T/stdout"; ERR="$T/stderr"
    set +e
    ${COCOM_WRAP:-} "$COCOM" "$@" > "$OUT" 2> "$ERR" < "$input"
    RC=$?
    set -e
    check_tool_reports "$@"
    return 0
}

expect_rc() {
    [ "$RC" = "$1" ] || { echo "--- stderr:"; head -40 "$ERR"; fail "exit status $RC, expected $1"; }
}

# expect_err TEXT: standard error contains TEXT (a fixed string).
expect_err() {
    grep -qF -- "$1" "$ERR" || { echo "--- stderr:"; head -40 "$ERR"; fail "stderr lacks: $1"; }
}
expect_err_re() {
    grep -qE -- "$1" "$ERR" || { echo "--- stderr:"; head -40 "$ERR"; fail "stderr does not match: $1"; }
}
expect_no_err() {
    ! grep -qF -- "$1" "$ERR" || { echo "--- stderr:"; head -40 "$ERR"; fail "stderr should not contain: $1"; }
}
expect_out() {
    grep -qF -- "$1" "$OUT" || { echo "--- stdout:"; head -40 "$OUT"; fail "stdout lacks: $1"; }
}
# expect_err_lines N: exactly N lines on standard error.
expect_err_lines() {
    n=$(wc -l < "$ERR")
    [ "$n" -eq "$1" ] || { cat "$ERR"; fail "stderr has $n lines, expected $1"; }
}

# expect_usage_error MESSAGE ARG...: 'cocom ARG...' is a usage error
# (exit status 2) that says MESSAGE.
expect_usage_error() {
    msg=$1; shift
    run_cocom "$@"
    expect_rc 2
    expect_err "$msg"
}

# expect_only_files NAME...: nothing in $T but the test's own files and
# those named.
expect_only_files() {
    # The names allowed, one a line, as grep -f reads them: with no names
    # given the list is just the test's own files (a bare "-e" would make
    # grep fail with status 2, which "|| true" would read as "nothing").
    printf '%s\n' stdout stderr log .allowed "$@" > "$T/.allowed"
    set +e
    extra=$(ls -A "$T" | grep -v -x -F -f "$T/.allowed")
    grc=$?
    set -e
    [ $grc -le 1 ] || fail "grep failed (status $grc) listing what was left"
    [ -z "$extra" ] || fail "left behind: $extra"
}

# A copy of a sample's arrangement in $T, to break in one place.
sample_copy() {
    cp "$SRCDIR/samples/$1/arrangement.xml" "$T/$2"
}

# pdf_pages FILE: its page count.
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# pdf_text FILE [PAGE]: its text, laid out as on the page.
pdf_text() {
    if [ $# -ge 2 ]; then pdftotext -layout -f "$2" -l "$2" "$1" -; else pdftotext -layout "$1" -; fi
}

# expect_pdf_text FILE PAGE TEXT: TEXT (fixed string) is on that page.
expect_pdf_text() {
    pdf_text "$1" "$2" > "$T/page.txt"
    grep -qF -- "$3" "$T/page.txt" || { cat "$T/page.txt"; fail "page $2 of $1 lacks: $3"; }
}

expect_pages() {
    n=$(pdf_pages "$1")
    [ "$n" = "$2" ] || fail "$1 has $n pages, expected $2"
}

# page_lines FILE PAGE: the page's lines of text (reading order), joined by |.
page_lines() {
    pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | sed '/^[[:space:]]*$/d' | tr '\n' '|' | tr -d '\f'
}

# expect_page_lines FILE PAGE "line|line|...|": exactly these lines.
expect_page_lines() {
    got=$(page_lines "$1" "$2")
    [ "$got" = "$3" ] || fail "page $2 of $(basename "$1"): got '$got', expected '$3'"
}

# render_fo NAME [ARGS]: renders tests/fo/NAME.fo to $T/NAME.pdf, failing on
# a non-zero exit.
render_fo() {
    name=$1; shift
    run_cocom render "$SRCDIR/tests/fo/$name.fo" -o "$T/$name.pdf" "$@"
    expect_rc 0
    [ -s "$T/$name.pdf" ] || fail "no PDF written"
}

# expect_png_like NAME PAGE: page PAGE of tests/fo/NAME.fo, drawn at 50 dpi,
# matches the reviewed picture tests/fo/ref/NAME-pPAGE.png (see
# tests/tools/pngdiff.c for the tolerance).
expect_png_like() {
    mkdir -p "$T/png-$1"
    run_cocom render "$SRCDIR/tests/fo/$1.fo" --png "$T/png-$1" --dpi 50
    expect_rc 0
    page=$(printf 'page-%04d.png' "$2")
    "$PNGDIFF" "$T/png-$1/$page" "$SRCDIR/tests/fo/ref/$1-p$2.png" 0.5 \
        || fail "page $2 of $1.fo does not look like tests/fo/ref/$1-p$2.png"
}

# --- PDF structure (tests/pdf) ------------------------------------------------
# Test programs of tests/tools: mktagged writes a tagged PDF the way the
# painter tags pages with Cairo 1.16; pdffix runs cocom_pdfpost on a PDF.
TOOLS="${BUILDDIR:-}/tests/tools"

# run_tool PROG ARGS...: runs tests/tools/PROG as run_cocom runs cocom.
run_tool() {
    prog=$1; shift
    OUT="$T/stdout"; ERR="$T/stderr"
    set +e
    "$TOOLS/$prog" "$@" > "$OUT" 2> "$ERR" < /dev/null
    RC=$?
    set -e
    if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$ERR"; then
        cat "$ERR" >&2
        fail "sanitizer report from: $prog $*"
    fi
    return 0
}

# tagged_pdf OUT [MKTAGGED-OPTION]...: Cairo's tagged PDF, not yet post-passed.
tagged_pdf() {
    out=$1; shift
    "$TOOLS/mktagged" "$out" "$@" || fail "mktagged failed"
}

# bench_report SECTIONS OUT.fo: the bench's report (bench/gen-report.c) of
# that many sections, for tests that need a long document.
bench_report() {
    [ -x "$T/gen-report" ] || cc -O1 -o "$T/gen-report" "$SRCDIR/bench/gen-report.c" \
        || fail "cannot build gen-report"
    "$T/gen-report" "$1" > "$2" || fail "gen-report failed"
}

# fixed_pdf OUT [MKTAGGED-OPTION]...: the same after the post-pass, in
# English.  Its tree is Cairo's, passed through as it is.
fixed_pdf() {
    fixed_out=$1; shift
    tagged_pdf "$T/raw-for-fix.pdf" "$@"
    "$TOOLS/pdffix" "$T/raw-for-fix.pdf" "$fixed_out" --lang en-GB 2> "$T/pdffix.err" \
        || { cat "$T/pdffix.err"; fail "pdffix failed"; }
}

# good_pdf OUT [MKTAGGED-OPTION]...: fixed_pdf's file with what Cairo's
# tree lacks for PDF/UA written in by qpdf: /Alt on each Figure (the one on
# page 1 "A red square", the other "A chequered image"), a /Scope on each
# TH, /Contents on each link ("The example site", "Go to section two").
# The post-pass writes these only into a tree of cocom's own; this is a
# fixture for pdfcheck, whose findings need a file right in all but one
# thing (its running headers stay Private elements, tagged content).
good_pdf() {
    good_out=$1; shift
    fixed_pdf "$T/fixed-for-good.pdf" "$@"
    qpdf --json=2 "$T/fixed-for-good.pdf" | jq "$PDF_JQ_DEFS
      def complete: if type != \"object\" then .
        elif .\"/S\" == \"/Figure\" then .\"/Alt\" = (if .\"/Pg\" == (root.\"/Pages\" | deref | .\"/Kids\"[0])
            then \"u:A red square\" else \"u:A chequered image\" end)
        elif .\"/S\" == \"/TH\" then .\"/A\" = {\"/O\": \"/Table\", \"/Scope\": \"/Column\"}
        elif .\"/Subtype\" == \"/Link\" then .\"/Contents\" = (if has(\"/A\")
            then \"u:The example site\" else \"u:Go to section two\" end)
        else . end;
      .qpdf[1] |= with_entries(if .value.value then .value.value |= complete else . end)" > "$T/good.json" \
        || fail "jq could not complete the file"
    qpdf "$T/fixed-for-good.pdf" --update-from-json="$T/good.json" "$good_out" || fail "qpdf could not complete it"
}

# pdf_jq FILE FILTER: runs jq -r FILTER over the objects of FILE as
# `qpdf --json=2` shows them (strings as "u:text", names as "/Name",
# references as "N 0 R"), with these defined: deref (follows a
# reference), root, info, and the arrays elems (structure elements),
# pages, links (link annotations).
PDF_JQ_DEFS='.qpdf[1] as $o
  | def deref: if type == "string" and test("^[0-9]+ [0-9]+ R$") then ($o["obj:" + .] | (.value // .stream.dict)) else . end;
    def root: $o.trailer.value."/Root" | deref;
    def info: $o.trailer.value."/Info" | deref;
    def objects_: [$o[] | (.value // .stream.dict // empty) | objects];
    def elems: [objects_[] | select(."/Type" == "/StructElem")];
    def pages: [objects_[] | select(."/Type" == "/Page")];
    def links: [objects_[] | select(."/Subtype" == "/Link")];'
pdf_jq() {
    qpdf --json=2 "$1" > "$T/pdf.json" || fail "qpdf --json cannot read $1"
    jq -r "$PDF_JQ_DEFS $2" "$T/pdf.json"
}

# pdf_edit IN OUT COND EDIT: OUT is IN with the jq filter EDIT applied to
# the dictionary of every object (or stream) for which COND holds, written
# back by qpdf --update-from-json: a PDF broken in one place.
pdf_edit() {
    qpdf --json=2 "$1" | jq "
      def pick(d): (d | type) == \"object\" and (d | $3);
      .qpdf[1] |= with_entries(
        if pick(.value.value) then .value.value |= ($4)
        elif pick(.value.stream.dict) then .value.stream.dict |= ($4)
        else . end)" > "$T/edit.json" || fail "jq could not edit $1"
    qpdf "$1" --update-from-json="$T/edit.json" "$2" || fail "qpdf could not apply the edit"
}

# xmp_edit IN OUT SED-EXPR: OUT is IN with its XMP packet edited by sed.
xmp_edit() {
    qpdf --json=2 --json-stream-data=inline "$1" > "$T/inline.json" || fail "qpdf --json cannot read $1"
    jq -r '.qpdf[1][] | select(.stream.dict."/Type"? == "/Metadata") | .stream.data' "$T/inline.json" \
        | base64 -d | sed -e "$3" > "$T/xmp.xml"
    data=$(base64 -w0 < "$T/xmp.xml")
    jq --arg d "$data" '.qpdf[1] |= with_entries(select(.value.stream.dict."/Type"? == "/Metadata")
        | .value.stream.data = $d)' "$T/inline.json" > "$T/edit.json"
    qpdf "$1" --update-from-json="$T/edit.json" "$2" || fail "qpdf could not replace the XMP"
}

# struct_text FILE: the structure tree with its text (pdfinfo -struct-text).
struct_text() { pdfinfo -struct-text "$1" 2>&1; }

# --- pixels (what a reader sees of borders and backgrounds) -------------------
# page_ppm FILE.pdf PAGE OUT.ppm: the page drawn by poppler at 144 dpi (two
# pixels a point), as a binary PPM (P6, 8 bits).
page_ppm() {
    pdftoppm -r 144 -f "$2" -l "$2" -singlefile "$1" "${3%.ppm}" || fail "pdftoppm cannot draw $1"
}

# ppm_row FILE.ppm Y X0 X1: the colours (rrggbb) of the pixels under the
# point (X, Y) for X from X0 to X1 (points, at page_ppm's 144 dpi), one a line.
ppm_row() {
    w=$(head -c 32 "$1" | sed -n 2p | cut -d' ' -f1)
    hdr=$(head -c 32 "$1" | head -n 3 | wc -c)
    y=$(awk -v v="$2" 'BEGIN { printf "%d", v * 2 }')
    x0=$(awk -v v="$3" 'BEGIN { printf "%d", v * 2 }')
    x1=$(awk -v v="$4" 'BEGIN { printf "%d", v * 2 }')
    od -An -v -tx1 -w3 -j $((hdr + (y * w + x0) * 3)) -N $(((x1 - x0 + 1) * 3)) "$1" | tr -d ' '
}

# pixel FILE.ppm X Y: the colour (rrggbb) at the point (X, Y).
pixel() { ppm_row "$1" "$3" "$2" "$2"; }

# colour_runs FILE.ppm Y X0 X1 rrggbb=NAME...: what a horizontal line at Y
# from X0 to X1 crosses, as the names of the colours given, each run once
# ("white red yellow red white"); pixels of other colours (the soft edges
# of antialiasing) are left out.
colour_runs() {
    f=$1; y=$2; x0=$3; x1=$4; shift 4
    ppm_row "$f" "$y" "$x0" "$x1" | awk -v map="$*" '
        BEGIN { n = split(map, m, " "); for (i = 1; i <= n; i++) { split(m[i], kv, "="); name[kv[1]] = kv[2] } }
        ($0 in name) && name[$0] != last { printf "%s%s", (out++ ? " " : ""), name[$0]; last = name[$0] }
        END { print "" }'
}
