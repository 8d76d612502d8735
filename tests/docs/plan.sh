# tests/docs/plan.sh — the build plan (stylesheets/plan.xsl) that
# `cocom build` reads: which documents, their names, stylesheets, titles
# and parameters.  Run with xsltproc (the same libxslt cocom links).
. "$SRCDIR/tests/docs/common.inc"

plan() {
    xsltproc "$@" > "$T/plan.xml" || fail "xsltproc failed on the plan"
    # one line per document: kind name stylesheet param=value… | title
    python3 - "$T/plan.xml" > "$T/plan.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {'p': 'urn:cocom:plan:1'}
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == '{urn:cocom:plan:1}plan', root.tag
for d in root.findall('p:document', ns):
    params = " ".join("%s=%s" % (p.get('name'), p.get('value')) for p in d.findall('p:param', ns))
    print(d.get('kind'), d.get('name'), d.get('stylesheet'), params, '|', d.get('title'))
PY
}

expect_plan() {
    diff -u "$1" <(cut -d'|' -f1 "$T/plan.txt" | sed 's/ *$//') || fail "the plan differs"
}

t_plan_joint_single_ccg() {
    plan "$SRCDIR/stylesheets/plan.xsl" "$(sample wolverhampton-2015)"
    cat > "$T/want" <<'W'
report wolverhampton-hwb-report-2015-07-29 report-city-of-wolverhampton.xsl report=hwb-2015-07-29
proforma wolverhampton-ccg-proforma-annex-a proforma.xsl ccg=wolverhampton-ccg
terms-of-reference wolverhampton-jc-terms-of-reference terms-of-reference.xsl committee=wolverhampton-jc
ballot wolverhampton-ccg-ballot-papers ballot.xsl ccg=wolverhampton-ccg
W
    expect_plan "$T/want"
    grep -qF "| Update on Primary Care Co-Commissioning" "$T/plan.txt" || fail "report title"
}

t_plan_two_ccgs_committees_in_common() {
    plan "$SRCDIR/stylesheets/plan.xsl" "$(sample westminster-2015)"
    cat > "$T/want" <<'W'
report westminster-hwb-report-2015-11-19 report-westminster-city-council.xsl report=hwb-2015-11-19
proforma central-london-ccg-proforma-annex-a proforma.xsl ccg=central-london-ccg
terms-of-reference clccg-jc-terms-of-reference terms-of-reference.xsl committee=clccg-jc
ballot central-london-ccg-ballot-papers ballot.xsl ccg=central-london-ccg
proforma west-london-ccg-proforma-annex-a proforma.xsl ccg=west-london-ccg
terms-of-reference wlccg-jc-terms-of-reference terms-of-reference.xsl committee=wlccg-jc
ballot west-london-ccg-ballot-papers ballot.xsl ccg=west-london-ccg
W
    expect_plan "$T/want"
}

t_plan_delegated() {
    plan "$SRCDIR/stylesheets/plan.xsl" "$(sample hull-2015)"
    cat > "$T/want" <<'W'
proforma hull-ccg-proforma-annex-b proforma.xsl ccg=hull-ccg
terms-of-reference hull-pccc-terms-of-reference terms-of-reference.xsl committee=hull-pccc
ballot hull-ccg-ballot-papers ballot.xsl ccg=hull-ccg
W
    expect_plan "$T/want"
}

t_plan_greater_involvement_gets_only_reports() {
    sample_edit wolverhampton-2015 "$T/a.xml" 's|<model kind="joint" joint-form="joint-committee"|<model kind="greater-involvement"|'
    plan "$SRCDIR/stylesheets/plan.xsl" "$T/a.xml"
    echo "report wolverhampton-hwb-report-2015-07-29 report-city-of-wolverhampton.xsl report=hwb-2015-07-29" > "$T/want"
    expect_plan "$T/want"
    sample_edit rotherham-2015 "$T/b.xml" 's|<model kind="delegated"|<model kind="greater-involvement"|'
    plan "$SRCDIR/stylesheets/plan.xsl" "$T/b.xml"
    [ ! -s "$T/plan.txt" ] || { cat "$T/plan.txt"; fail "documents planned for greater involvement without a report"; }
}

# A mandate summary only where there are returns to summarise: no sample
# records a practice's ballot (none is in the sources), the test
# arrangement tests/docs/mandate/majority.xml does.
t_plan_mandate_summary_only_with_returns() {
    plan "$SRCDIR/stylesheets/plan.xsl" "$(sample hull-2015)"
    ! grep -q '^mandate-summary' "$T/plan.txt" || fail "a mandate summary was planned without returns"
    grep -q '^ballot hull-ccg-ballot-papers' "$T/plan.txt" || fail "the ballot papers were not planned"
    plan "$SRCDIR/stylesheets/plan.xsl" "$SRCDIR/tests/docs/mandate/majority.xml"
    grep -qx 'mandate-summary ccg-mandate-summary mandate-summary.xsl ccg=ccg | Mandate summary: Testshire CCG, 2015/16' "$T/plan.txt" || { cat "$T/plan.txt"; fail "no mandate summary planned for a ballot with returns"; }
    grep -q '^ballot ccg-ballot-papers ballot.xsl ccg=ccg' "$T/plan.txt" || fail "the ballot papers were not planned"
}

t_plan_house_style_parameter() {
    plan --stringparam house-style westminster-city-council "$SRCDIR/stylesheets/plan.xsl" "$(sample wolverhampton-2015)"
    grep -q '^report wolverhampton-hwb-report-2015-07-29 report-westminster-city-council.xsl ' "$T/plan.txt" || fail "house-style parameter ignored"
    plan --stringparam house-style no-such-council "$SRCDIR/stylesheets/plan.xsl" "$(sample wolverhampton-2015)"
    grep -q '^report wolverhampton-hwb-report-2015-07-29 report.xsl ' "$T/plan.txt" || fail "an unknown house style should fall back to report.xsl"
    sample_edit westminster-2015 "$T/a.xml" 's|house-style="westminster-city-council"|house-style="somewhere-else"|'
    plan "$SRCDIR/stylesheets/plan.xsl" "$T/a.xml"
    grep -q ' report.xsl report=hwb-2015-11-19' "$T/plan.txt" || fail "an unlisted house style should fall back to report.xsl"
}

t_plan_every_stylesheet_exists_and_titles_match() {
    for s in wolverhampton-2015 westminster-2015 rotherham-2015 hull-2015; do
        plan "$SRCDIR/stylesheets/plan.xsl" "$(sample $s)"
        while IFS='|' read -r head title; do
            set -- $head
            kind=$1 name=$2 xsl=$3
            [ -f "$SRCDIR/stylesheets/$xsl" ] || fail "$s: no stylesheet $xsl"
            pname=${4%%=*} pvalue=${4#*=}
            render "$T/$name.pdf" "$xsl" "$(sample $s)" "$pname" "$pvalue"
            got=$(pdf_info "$T/$name.pdf" Title)
            [ "$got" = "${title# }" ] || fail "$s $name: PDF title \"$got\", plan title \"${title# }\""
        done < "$T/plan.txt"
    done
}
