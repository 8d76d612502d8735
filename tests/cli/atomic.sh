# Output is all or nothing: a run that is interrupted, or that cannot write
# (a full disk, a file-size limit), leaves no partial file behind, keeps the
# file it would have replaced, and never touches its input.

# A long FO document (about 950 pages) in $T/big.fo, so that a run lasts
# long enough to be interrupted while it is writing.
big_fo() {
    {
        echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Serif">'
        echo '<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
        echo '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
        awk 'BEGIN { for (i = 0; i < 20000; i++) printf "<fo:block space-after=\"6pt\">Paragraph %d. The committee will exercise the functions delegated to the CCG by NHS England, including the design of local incentive schemes and decisions on practice mergers.</fo:block>\n", i }'
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$T/big.fo"
    md5sum "$T/big.fo" > "$T/big.md5"
}

# Nothing in $T but the input, the files named, and the test's own.
expect_only() {
    expect_only_files big.fo big.md5 "$@"
    md5sum -c --quiet "$T/big.md5" || fail "the input was changed"
}

# interrupt SIGNAL: starts a render of big.fo, sends SIGNAL once the PDF is
# being written (its temporary file exists), and waits for the exit.
interrupt() {
    "$COCOM" render "$T/big.fo" -o "$T/out.pdf" > "$T/stdout" 2> "$T/stderr" < /dev/null &
    pid=$!
    n=0
    while ! ls "$T"/out.pdf.tmp-* > /dev/null 2>&1; do
        n=$((n + 1))
        [ $n -lt 2000 ] || { kill -KILL $pid; fail "the temporary file never appeared"; }
        kill -0 $pid 2> /dev/null || fail "the render ended before it could be interrupted"
        sleep 0.01
    done
    kill -"$1" $pid
    set +e
    wait $pid
    RC=$?
    set -e
    ERR="$T/stderr"
}

t_sigint_while_writing_leaves_no_file() {
    big_fo
    interrupt INT
    expect_rc 130
    expect_err "cocom render: interrupted; no output was written"
    expect_only
}

t_sigterm_while_writing_leaves_no_file() {
    big_fo
    interrupt TERM
    expect_rc 143
    expect_err "cocom render: interrupted; no output was written"
    expect_only
}

t_an_interrupted_run_keeps_the_file_it_would_replace() {
    big_fo
    echo "the previous version" > "$T/out.pdf"
    interrupt INT
    expect_rc 130
    [ "$(cat "$T/out.pdf")" = "the previous version" ] || fail "the previous output was replaced"
    expect_only out.pdf
}

# A file-size limit stands in for a full disk: the write fails part way.
t_a_write_that_fails_part_way_leaves_no_file() {
    big_fo
    set +e
    ( ulimit -f 100; exec "$COCOM" render "$T/big.fo" -o "$T/out.pdf" ) > "$T/stdout" 2> "$T/stderr" < /dev/null
    RC=$?
    set -e
    ERR="$T/stderr"
    expect_rc 1
    expect_err_re "out\.pdf: error: cannot write the PDF \(at page [0-9]+\): the file reached the size limit for files; nothing was written"
    expect_only
}

t_a_folder_that_cannot_be_written_is_named() {
    big_fo
    run_cocom render "$T/big.fo" -o "$T/no/such/folder/out.pdf"
    expect_rc 1
    expect_err "no/such/folder/out.pdf: error: cannot write the PDF: its folder does not exist"
    expect_only
}

t_an_output_that_is_a_folder_is_refused_before_the_work() {
    big_fo
    mkdir "$T/dir"
    run_cocom render "$T/big.fo" -o "$T/dir"
    expect_rc 1
    expect_err "dir: error: cannot write the PDF: this is a folder; name a file in it"
    [ -z "$(ls -A "$T/dir")" ] || fail "something was written in the folder"
    expect_only dir
}
