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

# The main job with every format (quickstart.sh --formats pdf,html,docx):
# each document of every sample as PDF, HTML and DOCX, and the summary
# counts documents, not files.
t_the_main_job_writes_every_document_in_every_format() {
    sh "$SRCDIR/tests/samples.sh" "$COCOM" "$SRCDIR" "$T/out" pdf,html,docx > "$T/log" 2>&1 ||
        { cat "$T/log"; fail "the main job failed"; }
    pdfs=$(ls "$T"/out/*/*.pdf | wc -l)
    [ "$pdfs" -ge 17 ] || fail "only $pdfs PDFs"
    for f in "$T"/out/*/*.pdf; do
        b=${f%.pdf}
        [ -s "$b.html" ] || fail "no HTML beside $(basename "$f")"
        [ -s "$b.docx" ] || fail "no DOCX beside $(basename "$f")"
    done
    [ "$(ls "$T"/out/*/* | wc -l)" -eq $((3 * pdfs)) ] || fail "files besides the three formats: $(ls "$T"/out/*/)"
    grep -q "^built $pdfs documents from 4 samples" "$T/log" || fail "the summary: $(tail -1 "$T/log")"
}
