# cocom build --format: which outputs, asked for clearly, made whole or not
# at all in every format.

# data_copy: a copy of the data folder in $T/data, to change in one place.
data_copy() {
    mkdir -p "$T/data"
    cp -r "$SRCDIR/schema" "$SRCDIR/stylesheets" "$SRCDIR/templates" "$T/data/"
}

t_format_must_name_known_outputs() {
    expect_usage_error "--format: 'odt' is not an output (pdf, html, docx)" \
        build --format pdf,odt -o "$T/out" "$SRCDIR/samples/hull-2015"
    expect_usage_error "--format: no output given (pdf, html, docx)" build --format , "$SRCDIR/samples/hull-2015"
    expect_usage_error "--fo writes the XSL-FO a PDF is made from: add pdf to --format" \
        build --format html --fo "$SRCDIR/samples/hull-2015"
    [ ! -e "$T/out" ] || fail "a usage error wrote something"
}

t_format_is_in_the_help() {
    run_cocom build --help
    expect_rc 0
    grep -q -- "--format=LIST" "$OUT" || fail "build --help does not describe --format"
}

# A document whose stylesheet has no model (every kind cocom ships has one;
# here a data folder of one's own without stylesheets/model/) cannot be
# made as HTML or DOCX: an error naming the file, exit 1, and nothing
# written — not even the PDFs that could be made, nor the output folder.
t_a_document_without_a_model_is_refused_as_html() {
    data_copy
    rm -rf "$T/data/stylesheets/model"
    COCOM_DATADIR="$T/data" run_cocom build --format pdf,html --only ballot -o "$T/out" "$SRCDIR/samples/hull-2015"
    expect_rc 1
    expect_err_re "out/[a-z0-9-]+-ballot-papers\.html: error: the ballot is not yet available as HTML: its stylesheet \(ballot\.xsl\) has not been split at the document model yet"
    expect_err "so none was written (the folder is as it was)"
    [ ! -e "$T/out" ] || fail "something was written: $(ls -A "$T/out")"
}

t_a_document_without_a_model_is_refused_as_docx() {
    data_copy
    rm -rf "$T/data/stylesheets/model"
    COCOM_DATADIR="$T/data" run_cocom build --format docx --only proforma -o "$T/out" "$SRCDIR/samples/hull-2015"
    expect_rc 1
    expect_err_re "\.docx: error: the proforma is not yet available as DOCX"
    [ ! -e "$T/out" ] || fail "something was written: $(ls -A "$T/out")"
}

# The default is PDF alone, as before.
t_pdf_is_the_default() {
    run_cocom build --only ballot -o "$T/out" "$SRCDIR/samples/hull-2015"
    expect_rc 0
    [ -z "$(ls "$T/out" | grep -v '\.pdf$')" ] || fail "more than PDFs: $(ls "$T/out")"
    [ -n "$(ls "$T/out")" ] || fail "no PDF"
}

# libzip is opened only when a DOCX is written (src/zip-load.h): the PDF
# and HTML need none; a DOCX without it says why and, in a build, leaves
# the output folder as it was; a library of the wrong kind is refused.
t_without_libzip_only_the_docx_cannot_be_made() {
    sample="$SRCDIR/samples/westminster-2015"
    export COCOM_ZIP_LIBRARY="$T/no-such-libzip.so"
    run_cocom build --format pdf,html --only report -o "$T/ok" "$sample"
    expect_rc 0
    ls "$T/ok"/*.pdf "$T/ok"/*.html > /dev/null || fail "no PDF or HTML without libzip"
    run_cocom build --format pdf,docx --only report -o "$T/out" "$sample"
    expect_rc 1
    expect_err "error: cannot write the DOCX: libzip could not be loaded ($T/no-such-libzip.so: cannot open shared object file"
    [ ! -e "$T/out" ] || fail "the build wrote $(ls "$T/out")"
    export COCOM_ZIP_LIBRARY=libz.so.1
    run_cocom render --format docx "$SRCDIR/stylesheets/model/example.xml" -o "$T/x.docx"
    unset COCOM_ZIP_LIBRARY
    expect_rc 1
    expect_err "(libz.so.1 has no zip_close, so it is not a libzip cocom can use)"
    [ ! -e "$T/x.docx" ] || fail "a DOCX was written"
}
