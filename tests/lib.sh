# tests/lib.sh — what every shell test can use.  A test is a function t_NAME
# run under `set -e` in its own subshell, with an empty folder $T of its own.
# It passes when it returns 0; `fail MESSAGE` ends it with the message.
#
#   t_missing_file() {
#       run_cocom check "$T/nope.xml"
#       expect_rc 1
#       expect_err "nope.xml: error: cannot read the file: no such file"
#   }

fail() { echo "FAILED: $*" >&2; exit 1; }

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
