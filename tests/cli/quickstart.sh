# quickstart.sh's options: what it tells a user, and that a wrong option
# stops it before it installs or builds anything (it exits at once, so
# these tests run nothing as root).

t_quickstart_help_names_the_formats_option() {
    sh "$SRCDIR/quickstart.sh" --help > "$T/out" 2>&1 || fail "--help failed: $(cat "$T/out")"
    grep -q -- '--formats pdf,html,docx' "$T/out" || fail "--help does not show --formats: $(cat "$T/out")"
    ! grep -q 'set -eu' "$T/out" || fail "--help prints the script's code"
}

t_quickstart_refuses_an_unknown_format_before_doing_anything() {
    set +e
    sh "$SRCDIR/quickstart.sh" --formats pdf,rtf > "$T/out" 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "exit status $rc, not 2"
    grep -q "unknown format 'rtf' (pdf, html, docx)" "$T/out" || fail "$(cat "$T/out")"
    ! grep -q 'installing\|configure\|make' "$T/out" || fail "it went on: $(cat "$T/out")"
}

t_quickstart_refuses_an_unknown_option() {
    set +e
    sh "$SRCDIR/quickstart.sh" --format html > "$T/out" 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "exit status $rc, not 2"
    grep -q "unknown option '--format'" "$T/out" || fail "$(cat "$T/out")"
}
