# cocom check on good and bad input: every case asserts the exit status and
# the message a user sees.

W=samples/wolverhampton-2015/arrangement.xml

t_every_sample_is_valid() {
    for s in "$SRCDIR"/samples/*/; do
        run_cocom check "$s"
        expect_rc 0
        expect_err "1 file valid"
    done
}

t_all_samples_at_once() {
    run_cocom check "$SRCDIR"/samples/*/arrangement.xml
    expect_rc 0
    expect_err "4 files valid"
}

t_malformed_xml() {
    printf '<arrangement xmlns="urn:cocom:arrangement:1">\n  <title>x</titel>\n</arrangement>\n' > "$T/bad.xml"
    run_cocom check "$T/bad.xml"
    expect_rc 1
    expect_err "bad.xml:2: error: not well-formed XML: an element is not closed properly"
}

t_empty_file() {
    : > "$T/empty.xml"
    run_cocom check "$T/empty.xml"
    expect_rc 1
    expect_err "empty.xml:1: error: the file is empty; expected an arrangement"
}

t_binary_garbage() {
    head -c 4096 /dev/urandom > "$T/garbage.xml"
    printf '\000\001\002' >> "$T/garbage.xml"
    run_cocom check "$T/garbage.xml"
    expect_rc 1
    expect_err_re "garbage.xml:[0-9]+: error: (this is not XML|the file contains bytes that are not text|not well-formed XML)"
}

t_wrong_root_element() {
    printf '<report xmlns="urn:cocom:arrangement:1"/>\n' > "$T/root.xml"
    run_cocom check "$T/root.xml"
    expect_rc 1
    expect_err "root.xml:1: error: this is not a cocom arrangement: its root element is <report>"
}

t_wrong_namespace() {
    sed 's|urn:cocom:arrangement:1|urn:example:other|' "$SRCDIR/$W" > "$T/ns.xml"
    run_cocom check "$T/ns.xml"
    expect_rc 1
    expect_err "in the namespace 'urn:example:other'; expected <arrangement xmlns=\"urn:cocom:arrangement:1\">"
}

t_missing_required_element() {
    # The first committee loses its name.
    awk '/<committee / {c=1} c && /<name>/ {c=0; next} {print}' "$SRCDIR/$W" > "$T/noname.xml"
    run_cocom check "$T/noname.xml"
    expect_rc 1
    expect_err_re "noname.xml:[0-9]+: error: the committee has no name \(<name>\)"
    expect_err_lines 2
}

t_wrong_enumeration_value() {
    sed 's|<model kind="joint"|<model kind="jointly"|' "$SRCDIR/$W" > "$T/enum.xml"
    run_cocom check "$T/enum.xml"
    expect_rc 1
    expect_err "error: the co-commissioning model's kind is 'jointly', which is not one of the allowed values: 'greater-involvement', 'joint' or 'delegated'"
    line=$(grep -n 'kind="jointly"' "$T/enum.xml" | cut -d: -f1)
    expect_err "enum.xml:$line:"
}

t_bad_date() {
    sed 's|start-date="2015-04-01"|start-date="2015-02-30"|' "$SRCDIR/$W" > "$T/date.xml"
    run_cocom check "$T/date.xml"
    expect_rc 1
    expect_err "start-date is '2015-02-30', which is neither a date written YYYY-MM-DD, such as 2015-04-01 nor a month written YYYY-MM"
}

t_external_entity_is_refused_and_not_read() {
    echo "TOP-SECRET-CONTENT-1234" > "$T/secret.txt"
    cat > "$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE arrangement [ <!ENTITY leak SYSTEM "file://$T/secret.txt"> ]>
<arrangement xmlns="urn:cocom:arrangement:1" year="2015/16"><title>&leak;</title></arrangement>
XML
    run_cocom check "$T/xxe.xml"
    expect_rc 1
    expect_err "xxe.xml:2: error: the document declares an external entity 'leak'"
    if grep -q "TOP-SECRET" "$OUT" "$ERR"; then fail "the secret leaked"; fi
}

t_billion_laughs_is_refused_quickly() {
    {
        echo '<?xml version="1.0"?>'
        echo '<!DOCTYPE lolz ['
        echo ' <!ENTITY lol "lol">'
        prev=lol
        for i in 1 2 3 4 5 6 7 8 9; do
            echo " <!ENTITY lol$i \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
            prev=lol$i
        done
        echo ']>'
        echo '<arrangement xmlns="urn:cocom:arrangement:1"><title>&lol9;</title></arrangement>'
    } > "$T/lol.xml"
    start=$(date +%s)
    set +e; timeout 20 "$COCOM" check "$T/lol.xml" > "$T/stdout" 2> "$T/stderr"; RC=$?; set -e
    ERR="$T/stderr"
    [ $(( $(date +%s) - start )) -le 10 ] || fail "took more than 10 seconds"
    expect_rc 1
    expect_err "lol.xml:3: error: the document declares an entity 'lol'; entities are refused"
}

t_oversized_input_is_refused() {
    # 50 MB: well past the 32 MiB default; refused before parsing.
    { echo '<arrangement xmlns="urn:cocom:arrangement:1">'; head -c 52428800 /dev/zero | tr '\0' ' '; echo '</arrangement>'; } > "$T/big.xml"
    run_cocom check "$T/big.xml"
    expect_rc 1
    expect_err "big.xml: error: the file is larger than the limit of 32 MiB for an arrangement (see --max-input-size)"
    rm -f "$T/big.xml"
}

# A limit given in bytes or KiB is said in its own unit ("0 MiB" before).
t_a_small_limit_is_said_in_its_unit() {
    head -c 300 /dev/zero | tr '\0' ' ' > "$T/small.xml"
    run_cocom check --max-input-size=200 "$T/small.xml"
    expect_rc 1
    expect_err "small.xml: error: the file is larger than the limit of 200 bytes for an arrangement (see --max-input-size)"
    head -c 3000 /dev/zero | tr '\0' ' ' > "$T/small.xml"
    run_cocom check --max-input-size=2K "$T/small.xml"
    expect_rc 1
    expect_err "small.xml: error: the file is larger than the limit of 2 KiB for an arrangement (see --max-input-size)"
}

t_missing_file() {
    run_cocom check "$T/nope.xml"
    expect_rc 1
    expect_err "nope.xml: error: cannot read the file: no such file"
}

t_folder_without_arrangement() {
    mkdir -p "$T/empty-folder"
    run_cocom check "$T/empty-folder"
    expect_rc 1
    expect_err "empty-folder: error: this is a folder, and it holds no arrangement.xml"
}

t_one_bad_file_among_good_ones() {
    : > "$T/empty.xml"
    run_cocom check "$SRCDIR/$W" "$T/empty.xml" "$SRCDIR/samples/hull-2015/"
    expect_rc 1
    expect_err "cocom check: 1 of 3 files failed"
}

t_standard_input() {
    run_cocom_in "$SRCDIR/$W" check -
    expect_rc 0
    printf 'not xml' > "$T/in.txt"
    run_cocom_in "$T/in.txt" check -
    expect_rc 1
    expect_err "<stdin>:1: error: this is not XML: the file holds no element"
}

t_input_is_never_modified() {
    sed 's|<model kind="joint"|<model kind="jointly"|' "$SRCDIR/$W" > "$T/enum.xml"
    sum=$(md5sum < "$T/enum.xml")
    run_cocom check "$T/enum.xml"
    [ "$(md5sum < "$T/enum.xml")" = "$sum" ] || fail "the input changed"
    [ "$(ls "$T" | grep -c .)" -le 4 ] || { ls "$T"; fail "files left behind"; }
}

t_every_invalid_schema_fixture_fails_with_a_located_message() {
    for f in "$SRCDIR"/schema/test/invalid/*.xml; do
        run_cocom check -q "$f"
        expect_rc 1
        expect_err_re "^$f:[0-9]+: error: "
        # The vague fallback must never be the only word.
        if grep -q "does not follow the schema$" "$ERR"; then cat "$ERR"; fail "vague message for $f"; fi
    done
}

# libxml2 checks ID references after the schema and would print its own
# line to standard error; only cocom's explanation may appear.
t_an_unknown_id_reference_is_explained_once() {
    sample_copy wolverhampton-2015 idref.xml
    sed -i 's|<mandate ccg="wolverhampton-ccg">|&\n    <ballot-return practice="nope" model="joint"/>|' "$T/idref.xml"
    line=$(grep -n 'practice="nope"' "$T/idref.xml" | cut -d: -f1)
    [ -n "$line" ] || fail "the test could not add a return"
    run_cocom check "$T/idref.xml"
    expect_rc 1
    expect_err "idref.xml:$line: error: the ballot return's practice refers to 'nope', but nothing in the arrangement has that id"
    expect_no_err "validity error"
    expect_err_lines 2
}

# A file that declares an encoding its bytes do not follow: one plain
# message with the place, and nothing in libxml2's words.
t_bytes_not_in_the_declared_encoding() {
    sample_copy hull-2015 enc.xml
    sed -i '1s/.*/<?xml version="1.0" encoding="EUC-JP"?>/' "$T/enc.xml"
    printf '<!-- \265\163\054\040 \377\377\377\377 -->\n' >> "$T/enc.xml"
    run_cocom check "$T/enc.xml"
    expect_rc 1
    expect_err_re "enc\.xml:[0-9]+: error: the file contains bytes that are not text in its encoding"
    expect_no_err "encoding error :"
    expect_no_err "I/O error"
    expect_err_lines 2
}
