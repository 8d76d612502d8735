# Hostile or absurd FO: every case ends with a PDF and a warning that names
# the problem, or with a plain error and no PDF — never a crash, a hang or
# a half-written file.

# fo_doc BODY [MASTER-ATTRIBUTES]: an FO document with BODY in its flow.
fo_doc() {
    master=${2:-'page-width="210mm" page-height="297mm" margin="20mm"'}
    cat <<FO
<?xml version="1.0"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Sans">
<fo:layout-master-set><fo:simple-page-master master-name="p" $master><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
$1
</fo:flow></fo:page-sequence></fo:root>
FO
}

# repeat N TEXT: TEXT N times.
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# The structure tree can be read whole (a broken one makes poppler fail).
expect_struct_tree() {
    pdfinfo -struct-text "$1" > "$T/struct.txt" 2>&1 || { head "$T/struct.txt"; fail "cannot read the structure tree"; }
}

t_a_word_of_a_million_characters_is_broken_and_kept_whole() {
    fo_doc "<fo:block>$(repeat 1000000 x)</fo:block>" > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: a word longer than the line ('xxxxxxxxxxxxxxxxxxxx…', 1000000 characters) is broken between characters"
    n=$(pdftotext "$T/out.pdf" - | tr -cd x | wc -c)
    [ "$n" -eq 1000000 ] || fail "$n of the 1000000 characters are in the PDF"
    [ "$(pdf_pages "$T/out.pdf")" -gt 100 ] || fail "the word does not run over pages"
}

t_nesting_deeper_than_the_parser_allows_is_an_error() {
    fo_doc "$(repeat 300 '<fo:block>')deep$(repeat 300 '</fo:block>')" > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 1
    expect_err "in.fo:5: error: elements are nested more than 256 deep, beyond what an XSL-FO document needs"
    [ ! -e "$T/out.pdf" ] || fail "a PDF was written"
}

t_inlines_nested_too_deep_are_cut_with_a_warning() {
    fo_doc "<fo:block>outer $(repeat 240 '<fo:inline>')inner$(repeat 240 '</fo:inline>') end</fo:block>" > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: inline elements are nested more than 200 deep; the deeper ones are left out"
    expect_pdf_text "$T/out.pdf" 1 "outer"
    expect_pdf_text "$T/out.pdf" 1 "end"
}

t_an_expression_5000_deep_is_refused_as_a_value() {
    fo_doc "<fo:block font-size=\"$(repeat 5000 '(')12pt$(repeat 5000 ')')\">text</fo:block>" > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "is not a valid value for font-size on fo:block; using the inherited value"
    expect_pdf_text "$T/out.pdf" 1 "text"
}

# Text far too large for the page runs off it with a warning; the text that
# does fit is kept, and the structure tree stays whole although Cairo sees
# an element with nothing it can draw on the page.
t_an_enormous_font_size_overflows_with_a_warning() {
    fo_doc '<fo:block>before</fo:block><fo:block font-size="100000pt">huge</fo:block><fo:block>after</fo:block>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "is taller than the page's body (729pt) and runs past its bottom"
    pdftotext "$T/out.pdf" - > "$T/all.txt"
    grep -q before "$T/all.txt" && grep -q after "$T/all.txt" || fail "the text around the huge block is lost"
    expect_struct_tree "$T/out.pdf"
}

t_negative_and_enormous_lengths_are_named_and_replaced() {
    fo_doc '<fo:block font-size="-5pt" space-before="99999999999pt" text-indent="1e9pt">negative and enormous</fo:block>
<fo:block width="-1in">x</fo:block>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: '-5pt' is not a valid value for font-size on fo:block; using the inherited value"
    expect_err "in.fo:5: warning: '99999999999pt' is out of range for space-before on fo:block; clamped to +-1000000pt"
    expect_err "in.fo:5: warning: '1e9pt' is not a valid value for text-indent on fo:block; using the inherited value"
    expect_err "in.fo:6: warning: '-1in' is not a valid value for width on fo:block; using the initial value"
    pdftotext "$T/out.pdf" - | grep -q "negative and enormous" || fail "the text is lost"
}

t_a_page_smaller_than_its_margins_becomes_a4() {
    fo_doc '<fo:block>on a tiny page</fo:block>' 'page-width="20pt" page-height="20pt" margin="30pt"' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "warning: the page size 20pt by 20pt is outside 36pt to 14400pt; using A4"
    pdfinfo "$T/out.pdf" | grep -q "Page size: *595.276 x 841.89" || fail "the page is not A4"
    expect_pdf_text "$T/out.pdf" 1 "on a tiny page"
}

t_a_hundred_thousand_columns_do_not_exhaust_memory() {
    fo_doc '<fo:table><fo:table-column column-width="1pt" number-columns-repeated="100000"/><fo:table-body><fo:table-row>
<fo:table-cell number-columns-spanned="50000"><fo:block>a</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: a table has more than 1000 columns; the columns after the 1000th are left out"
    expect_err "warning: the table's columns (1000pt) are wider than the space for it"
    expect_pdf_text "$T/out.pdf" 1 "a"
}

t_a_zero_width_column_keeps_its_text() {
    fo_doc '<fo:table table-layout="fixed" width="100%"><fo:table-column column-width="0pt"/>
<fo:table-column column-width="proportional-column-width(1)"/><fo:table-body><fo:table-row>
<fo:table-cell><fo:block>narrow</fo:block></fo:table-cell><fo:table-cell><fo:block>wide column</fo:block></fo:table-cell>
</fo:table-row></fo:table-body></fo:table>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "warning: a word longer than the line ('narrow', 6 characters) is broken between characters"
    pdftotext "$T/out.pdf" - | tr -d '\n ' | grep -q narrow || fail "the narrow column's text is lost"
    expect_pdf_text "$T/out.pdf" 1 "wide column"
}

t_a_font_that_is_not_installed_is_named_and_replaced() {
    fo_doc '<fo:block font-family="No Such Font Whatever">text</fo:block>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "warning: none of the fonts 'No Such Font Whatever' is installed; using"
    expect_pdf_text "$T/out.pdf" 1 "text"
}

t_a_file_that_is_not_an_image_is_named_and_skipped() {
    echo "not an image at all" > "$T/fake.png"
    fo_doc '<fo:block><fo:external-graphic src="fake.png"/> and text</fo:block>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: cannot use the image 'fake.png': it is neither a PNG nor a JPEG image; nothing is shown"
    expect_pdf_text "$T/out.pdf" 1 "and text"
}

t_an_image_too_large_to_decode_is_named_and_skipped() {
    # Headers only: a PNG whose IHDR says 30000x30000 (900 megapixels, 3.6 GB
    # decoded) and a 1x1 greyscale JPEG whose frame header is changed to
    # 40000x40000.  Neither is decoded: the size is judged from the header.
    python3 - "$T" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
ihdr = struct.pack('>IIBBBBB', 30000, 30000, 8, 2, 0, 0, 0)
chunk = lambda t, b: struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b))
open(d + '/big.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(b'\0')) + chunk(b'IEND', b''))
jpg = bytes.fromhex(
    'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c19'
    '12130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b08'
    '0001000101011100ffc40014000100000000000000000000000000000000ffc40014100100000000000000000000'
    '000000000000ffda0008010100003f003fffd9')
i = jpg.index(b'\xff\xc0') + 5
jpg = jpg[:i] + struct.pack('>HH', 40000, 40000) + jpg[i + 4:]
open(d + '/big.jpg', 'wb').write(jpg)
PY
    fo_doc '<fo:block><fo:external-graphic src="big.png"/> png <fo:external-graphic src="big.jpg"/> jpeg</fo:block>' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 0
    expect_err "in.fo:5: warning: cannot use the image 'big.png': it is 30000x30000 pixels, outside the limit of 50 megapixels; nothing is shown"
    expect_err "in.fo:5: warning: cannot use the image 'big.jpg': it is 40000x40000 pixels, more than the limit of 50 megapixels; nothing is shown"
    expect_pdf_text "$T/out.pdf" 1 "png jpeg"
}

t_an_existing_output_survives_a_failed_render() {
    echo "precious" > "$T/out.pdf"
    fo_doc '<fo:block>unclosed' > "$T/in.fo"
    run_cocom render "$T/in.fo" -o "$T/out.pdf"
    expect_rc 1
    [ "$(cat "$T/out.pdf")" = precious ] || fail "the old output was overwritten"
    [ -z "$(ls "$T" | grep -v -e '^in.fo$' -e '^out.pdf$' -e '^std' -e '^log$')" ] || fail "a temporary file was left: $(ls "$T")"
}
