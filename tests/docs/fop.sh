# tests/docs/fop.sh — the FO every document kind makes is also typeset by
# Apache FOP without an error or a warning (one document of each kind and
# house style; bench/fop.xconf finds the Liberation fonts).  Needs xsltproc
# and fop; without fop each test still checks the FO is well formed, then
# ends as skipped (tests/run.sh counts it apart from the passes): what it
# exists to check, FOP's verdict, was not given.
. "$SRCDIR/tests/docs/common.inc"

# What FOP's font scan says (the scanning classes, or a font file named).
FOP_FONT_SCAN='FontInfoFinder|FontCache|FontFileFinder|FontLoader|TTFFile|OTFFile|FontFileReader|[Uu]nable to load font|\.(ttf|otf|ttc|pfb|pfa|afm)\b'

fop_check() {
    name=$1; xsl=$2; in=$3; shift 3
    # FOP does not implement table-layout="auto": the stylesheets' parameter
    # for processors without it.
    fo_of "$T/$name.fo" "$xsl" "$in" --stringparam table-layout-auto no "$@"
    xmllint --noout "$T/$name.fo" || fail "$name: the FO is not well formed"
    command -v fop > /dev/null 2>&1 || return 0
    set +e
    fop -c "$SRCDIR/bench/fop.xconf" "$T/$name.fo" "$T/$name.pdf" > "$T/$name.log" 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 0 ] || { tail -20 "$T/$name.log"; fail "$name: fop exited with $rc"; }
    # auto-detect scans the system's fonts the first time FOP runs, and
    # warns about font files it cannot read (fonts-noto-core has some):
    # those lines are about the machine, not the FO.
    if grep -E '^\[(WARN|ERROR|SEVERE)\]|^(SEVERE|WARNING|ERROR):' "$T/$name.log" | grep -v 'xercesImpl' \
        | grep -vE "$FOP_FONT_SCAN"; then
        fail "$name: fop warned about the FO"
    fi
    [ -s "$T/$name.pdf" ] || fail "$name: fop wrote no PDF"
}

# At the end of each test: without fop, only well-formedness was checked.
fop_ran() {
    command -v fop > /dev/null 2>&1 || skip "fop is not installed; the FO was checked for well-formedness only"
}

t_fop_reports() {
    fop_check wolverhampton-report report-city-of-wolverhampton.xsl "$(sample wolverhampton-2015)"
    fop_check westminster-report report-westminster-city-council.xsl "$(sample westminster-2015)"
    fop_check default-report report.xsl "$(sample westminster-2015)"
    fop_ran
}

t_fop_proformas() {
    fop_check proforma-a proforma.xsl "$(sample westminster-2015)" --stringparam ccg west-london-ccg
    fop_check proforma-b proforma.xsl "$(sample rotherham-2015)"
    fop_ran
}

t_fop_terms_of_reference() {
    fop_check tor-in-common terms-of-reference.xsl "$(sample westminster-2015)" --stringparam committee clccg-jc
    fop_check tor-joint terms-of-reference.xsl "$(sample wolverhampton-2015)"
    fop_check tor-delegated terms-of-reference.xsl "$(sample rotherham-2015)" --stringparam show-provenance yes
    fop_ran
}

t_fop_ballot_and_summary() {
    fop_check ballot ballot.xsl "$(sample wolverhampton-2015)"
    fop_check mandate-summary mandate-summary.xsl "$SRCDIR/tests/docs/mandate/majority.xml"
    fop_ran
}
