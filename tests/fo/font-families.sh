# Font families (issue 21, item 9): the generic families DocBook asks for
# (serif, sans-serif, monospace) and the PostScript names older FO uses
# (Times, Helvetica, Courier) go through fontconfig, so each gives the face
# `fc-match` gives on this machine; with quickstart.sh's fonts that is
# Noto Serif, Noto Sans and DejaVu Sans Mono, and Liberation Serif, Sans
# and Mono (metric-compatible with Times, Helvetica and Courier).  The test
# asks fc-match rather than naming them, so that another set of fonts
# does not break it; the Liberation ones it names, as fonts-liberation2 is
# what quickstart installs for them.

# A one-page FO in one family.
family_fo() {
    cat <<FO
<?xml version="1.0"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
  <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
    <fo:block font-family="$1">Text in the family asked for.</fo:block>
  </fo:flow></fo:page-sequence>
</fo:root>
FO
}

# The PostScript names of the fonts a PDF embeds, without subset tags.
embedded() { pdffonts "$1" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]\{6\}+//' | sort -u; }

t_each_family_gives_the_face_fontconfig_gives() {
    command -v fc-match > /dev/null || skip "fc-match is not installed"
    for fam in serif sans-serif monospace Times Helvetica Courier; do
        family_fo "$fam" > "$T/f.fo"
        run_cocom render "$T/f.fo" -o "$T/f.pdf"
        expect_rc 0
        expect_no_err "is installed"
        want=$(fc-match -f '%{postscriptname}' "$fam")
        got=$(embedded "$T/f.pdf")
        [ "$got" = "$want" ] || fail "font-family=\"$fam\": the PDF embeds '$got'; fc-match gives '$want'"
        case $fam in
            Times) [ "$got" = LiberationSerif ] || fail "Times is not Liberation Serif: $got" ;;
            Helvetica) [ "$got" = LiberationSans ] || fail "Helvetica is not Liberation Sans: $got" ;;
            Courier) [ "$got" = LiberationMono ] || fail "Courier is not Liberation Mono: $got" ;;
        esac
        rm -f "$T/f.pdf"
    done
}

# DocBook's lists: the generic family first, then fallbacks for symbols.
# Nothing is missing, so nothing is said.
t_docbooks_family_lists_are_not_a_substitution() {
    command -v fc-match > /dev/null || skip "fc-match is not installed"
    family_fo "serif,Symbol,ZapfDingbats" > "$T/f.fo"
    run_cocom render "$T/f.fo" -o "$T/f.pdf"
    expect_rc 0
    expect_no_err "is installed"
    [ "$(embedded "$T/f.pdf")" = "$(fc-match -f '%{postscriptname}' serif)" ] || fail "not the serif face: $(embedded "$T/f.pdf")"
}

# A font that is not installed is named, even when the document cites page
# numbers (its fonts are first loaded in a silent pass that finds them).
t_a_missing_font_is_named_with_page_citations_too() {
    family_fo "No Such Font Here" | sed 's|Text in the family asked for.|<fo:inline id="x">On page <fo:page-number-citation ref-id="x"/>.</fo:inline>|' > "$T/f.fo"
    grep -q page-number-citation "$T/f.fo" || fail "the test did not add the citation"
    run_cocom render "$T/f.fo" -o "$T/f.pdf"
    expect_rc 0
    expect_err "warning: none of the fonts 'No Such Font Here' is installed; using"
    pdftotext "$T/f.pdf" - | grep -q "On page 1." || fail "the citation was not resolved"
}
