# HTML from the document model, checked in a real browser: axe-core in
# Debian's headless Chromium (tests/browser/check-html.js), which also
# fails a skipped heading level or a table without header cells.
# quickstart.sh installs Chromium and the npm packages, so a missing tool
# is a failure here, not a skip.

EXAMPLE="$SRCDIR/stylesheets/model/example.xml"

# check_html FILE...: the browser's verdict; fails the test unless clean.
check_html() {
    [ -d "$SRCDIR/tests/browser/node_modules/axe-core" ] ||
        fail "tests/browser/node_modules is missing: run quickstart.sh (it runs npm ci there)"
    node "$SRCDIR/tests/browser/check-html.js" "$@" > "$T/axe.out" 2>&1 || { cat "$T/axe.out"; fail "the browser check failed"; }
}

# expect_html_problem FILE TEXT: the browser check fails and says TEXT.
expect_html_problem() {
    set +e
    node "$SRCDIR/tests/browser/check-html.js" "$1" > "$T/axe.out" 2>&1
    rc=$?
    set -e
    [ $rc -eq 1 ] || { cat "$T/axe.out"; fail "the browser check exited $rc, not 1, on $1"; }
    grep -qF -- "$2" "$T/axe.out" || { cat "$T/axe.out"; fail "the browser check did not say: $2"; }
}

t_the_model_example_as_html_has_no_wcag_violation() {
    run_cocom render --format html "$EXAMPLE" -o "$T/example.html"
    expect_rc 0
    check_html "$T/example.html"
    grep -q ": ok (axe-core " "$T/axe.out" || fail "no verdict from axe-core"
}

t_html_is_semantic_and_self_contained() {
    run_cocom render --format html "$EXAMPLE" -o "$T/example.html"
    expect_rc 0
    f="$T/example.html"
    head -1 "$f" | grep -qx '<!DOCTYPE html>' || fail "no HTML5 doctype"
    grep -q '<html lang="en-GB">' "$f" || fail "no lang"
    grep -q '<title>Update on Primary Care Co-Commissioning</title>' "$f" || fail "no title"
    grep -q '<th scope="col">Function</th>' "$f" || fail "no column header cell with its scope"
    grep -q '<th scope="row">GMS, PMS and APMS contracts</th>' "$f" || fail "no row header cell"
    grep -q '<span class="number">2.1</span> NHS England' "$f" || fail "clause 2.1 lost its number"
    grep -q '<h2><span class="number">1.0</span> Purpose</h2>' "$f" || fail "a top-level section is not h2"
    grep -q '<h3><span class="number">2.1</span> The functions</h3>' "$f" || fail "a nested section is not h3"
    ! grep -qiE '<(script|link|img|iframe)[ >]|src=' "$f" || fail "refers to something outside itself"
    grep -q '@media print' "$f" || fail "no print CSS"
}

# The check itself: it must fail a page whose heading level is skipped, or
# whose table has lost its header cells (both from the example's page).
t_the_check_fails_a_skipped_heading_level() {
    run_cocom render --format html "$EXAMPLE" -o "$T/example.html"
    sed "s|<h2><span class=\"number\">1.0</span> Purpose</h2>|<h4>Purpose</h4>|" "$T/example.html" > "$T/skip.html"
    ! cmp -s "$T/example.html" "$T/skip.html" || fail "the page did not change"
    expect_html_problem "$T/skip.html" "heading level skipped: h2 then h4"
}

t_the_check_fails_a_table_without_header_cells() {
    run_cocom render --format html "$EXAMPLE" -o "$T/example.html"
    sed -e 's|<th scope="[a-z]*"|<td|g' -e 's|</th>|</td>|g' "$T/example.html" > "$T/noth.html"
    expect_html_problem "$T/noth.html" "table 1 has no header cells (th)"
}

t_render_html_refuses_what_is_not_a_model_document() {
    run_cocom render --format html "$SRCDIR/samples/hull-2015/arrangement.xml" -o "$T/x.html"
    expect_rc 1
    expect_err_re "arrangement.xml:[0-9]+: error: this is not a document of the document model"
    [ ! -e "$T/x.html" ] || fail "a file was written"
    expect_usage_error "--format html makes one file from a document of the document model" \
        render --format html "$EXAMPLE" --png "$T/p"
}
