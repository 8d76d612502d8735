# tests/docs/model.sh — the document model (stylesheets/model/): every
# document made through it, for every sample and test arrangement, is a
# valid document of stylesheets/model/document.rng; the schema has teeth;
# the model alone, through output/fo.xsl, says the same words as the
# one-step stylesheet.  xsltproc and xmllint (the libxml2 and libxslt
# cocom links).
. "$SRCDIR/tests/docs/common.inc"

RNG="$SRCDIR/stylesheets/model/document.rng"

# The document kinds made through the model (stylesheets/README.md):
# those with a stylesheets/model/<kind>.xsl (common.xsl and the proforma's
# answers, which proforma.xsl includes, are not kinds).
CONVERTED=$(for k in report proforma terms-of-reference ballot mandate-summary; do
    [ -f "$SRCDIR/stylesheets/model/$k.xsl" ] && echo "$k"; done | tr '\n' ' ')

# Every arrangement the tests and samples have.
arrangements() {
    ls "$SRCDIR"/samples/*/arrangement.xml "$SRCDIR"/tests/docs/*/*.xml
}

# valid FILE WHAT: FILE validates against document.rng.
valid() {
    xmllint --noout --relaxng "$RNG" "$1" 2> "$T/rng.err" \
        || { cat "$T/rng.err" >&2; fail "$2: not a valid document model"; }
}

t_schema_and_example() {
    xmllint --noout --relaxng "$RNG" "$SRCDIR/stylesheets/model/example.xml" 2> "$T/err" \
        || { cat "$T/err"; fail "example.xml does not validate"; }
}

# The schema says what, not how, and keeps header cells scoped: a model
# with a font size, or a header cell without its scope, is refused.
t_schema_refuses_how_and_unscoped_headers() {
    ex="$SRCDIR/stylesheets/model/example.xml"
    sed 's|<p role="date">|<p role="date" font-size="12pt">|' "$ex" > "$T/how.xml"
    ! xmllint --noout --relaxng "$RNG" "$T/how.xml" 2> "$T/err" || fail "a font size was accepted"
    grep -q 'font-size' "$T/err" || { cat "$T/err"; fail "the refusal does not name font-size"; }
    sed 's|<th scope="col">Seat</th>|<th>Seat</th>|' "$ex" > "$T/th.xml"
    cmp -s "$ex" "$T/th.xml" && fail "the example changed: no unscoped header made"
    ! xmllint --noout --relaxng "$RNG" "$T/th.xml" 2> /dev/null || fail "a header cell without scope was accepted"
}

# Every planned document of a converted kind, with its plan's stylesheet
# (house styles included) and parameters: its model validates.
t_every_planned_document_model_validates() {
    n=0
    for arr in $(arrangements); do
        xsltproc "$SRCDIR/stylesheets/plan.xsl" "$arr" > "$T/plan.xml" 2> /dev/null || fail "no plan for $arr"
        python3 - "$T/plan.xml" > "$T/plan.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {'p': 'urn:cocom:plan:1'}
for d in ET.parse(sys.argv[1]).getroot().findall('p:document', ns):
    params = " ".join("--stringparam %s %s" % (p.get('name'), p.get('value')) for p in d.findall('p:param', ns))
    print(d.get('kind'), d.get('name'), d.get('stylesheet'), params)
PY
        while read -r kind name xsl params; do
            case " $CONVERTED " in *" $kind "*) ;; *) continue ;; esac
            # shellcheck disable=SC2086
            xsltproc $params --stringparam model-only yes "$SRCDIR/stylesheets/$xsl" "$arr" > "$T/$name.xml" \
                || fail "$name: $xsl did not run"
            valid "$T/$name.xml" "$name ($xsl)"
            n=$((n + 1))
        done < "$T/plan.txt"
    done
    # the samples plan three reports, five terms of reference and five
    # proformas
    [ "$n" -ge 13 ] || fail "only $n documents were checked"
}

# Each converted stylesheet run alone on every arrangement (its default
# document, no house style): a valid model, or the stylesheet's own
# refusal (an arrangement without a board report has no report; one of
# greater involvement, no proforma, terms of reference or ballot papers).
t_model_stylesheets_alone_validate() {
    for kind in $CONVERTED; do
        n=0
        for arr in $(arrangements); do
            if xsltproc "$SRCDIR/stylesheets/model/$kind.xsl" "$arr" > "$T/m.xml" 2> "$T/m.err"; then
                valid "$T/m.xml" "model/$kind.xsl on $arr"
                n=$((n + 1))
            else
                grep -q '^cocom: the arrangement has no\|^cocom: terms of reference are for\|^cocom: a proforma is for\|^cocom: ballot papers are made for' "$T/m.err" || { cat "$T/m.err"; fail "model/$kind.xsl failed on $arr"; }
            fi
        done
        [ "$n" -ge 3 ] || fail "model/$kind.xsl made only $n models"
    done
}

# Two steps (the model, then output/fo.xsl alone) say the same words as
# the one-step stylesheet: the FO output reads nothing but the model.
t_model_then_fo_same_words() {
    arr=$(sample westminster-2015)
    xsltproc --stringparam report hwb-2015-11-19 "$SRCDIR/stylesheets/model/report.xsl" "$arr" > "$T/m.xml"
    xsltproc "$SRCDIR/stylesheets/output/fo.xsl" "$T/m.xml" > "$T/two.fo" || fail "fo.xsl failed on the model"
    fo_of "$T/one.fo" report.xsl "$arr" --stringparam report hwb-2015-11-19
    xmllint --xpath 'string(/)' "$T/one.fo" > "$T/one.txt"
    xmllint --xpath 'string(/)' "$T/two.fo" > "$T/two.txt"
    [ -s "$T/one.txt" ] || fail "no text in the FO"
    grep -q 'Executive Summary' "$T/two.txt" || fail "the two-step FO lacks the sections"
    cmp -s "$T/one.txt" "$T/two.txt" || { diff "$T/one.txt" "$T/two.txt" | head; fail "the two-step FO says other words"; }
}

# The terms of reference in two steps say the same words; their model
# keeps the clause numbers as data, a signature per party, and the
# schedules' new page.
t_terms_of_reference_model() {
    arr=$(sample hull-2015)
    xsltproc "$SRCDIR/stylesheets/model/terms-of-reference.xsl" "$arr" > "$T/m.xml" || fail "no model"
    xsltproc "$SRCDIR/stylesheets/output/fo.xsl" "$T/m.xml" > "$T/two.fo" || fail "fo.xsl failed on the model"
    fo_of "$T/one.fo" terms-of-reference.xsl "$arr"
    xmllint --xpath 'string(/)' "$T/one.fo" > "$T/one.txt"
    xmllint --xpath 'string(/)' "$T/two.fo" > "$T/two.txt"
    grep -q 'Schedule 2' "$T/two.txt" || fail "the two-step FO lacks the schedules"
    cmp -s "$T/one.txt" "$T/two.txt" || { diff "$T/one.txt" "$T/two.txt" | head; fail "the two-step FO says other words"; }

    n=$(xmllint --xpath "count(//*[local-name()='clause'][@number='1.1'])" "$T/m.xml")
    [ "$n" = 1 ] || fail "clause 1.1: $n, not one"
    n=$(xmllint --xpath "count(//*[local-name()='signature'])" "$T/m.xml")
    [ "$n" = 2 ] || fail "$n signature blocks, not NHS England's and the CCG's"
    s=$(xmllint --xpath "string((//*[local-name()='section'][@role='schedule'])[1]/@new-page)" "$T/m.xml")
    [ "$s" = yes ] || fail "the first schedule does not begin a new page"

}

# The ballot papers and the mandate summary (issue 20): the model alone,
# through output/fo.xsl, gives the very FO of the one-step stylesheet
# (canonical XML: attribute order aside); the ballot's model has a paper
# per practice, each after the first on a new page, headed by its
# practice's name; the summary's tables scope their header cells.
t_ballot_and_mandate_summary_models() {
    for arr in "$SRCDIR/tests/docs/mandate/majority.xml" "$(sample hull-2015)"; do
        for kind in ballot mandate-summary; do
            xsltproc "$SRCDIR/stylesheets/model/$kind.xsl" "$arr" > "$T/m.xml" || fail "no $kind model of $arr"
            valid "$T/m.xml" "model/$kind.xsl on $arr"
            xsltproc "$SRCDIR/stylesheets/output/fo.xsl" "$T/m.xml" > "$T/two.fo" || fail "fo.xsl failed on the $kind model"
            fo_of "$T/one.fo" "$kind.xsl" "$arr"
            xmllint --c14n "$T/one.fo" > "$T/one.c14n"
            xmllint --c14n "$T/two.fo" > "$T/two.c14n"
            cmp -s "$T/one.c14n" "$T/two.c14n" || fail "$kind of $arr: the two-step FO is not the one-step FO"
        done
    done
    xsltproc "$SRCDIR/stylesheets/model/ballot.xsl" "$SRCDIR/tests/docs/mandate/majority.xml" > "$T/b.xml"
    papers="//*[local-name()='group'][@role='ballot-paper']"
    [ "$(xmllint --xpath "count($papers)" "$T/b.xml")" = 12 ] || fail "not a paper per practice (12)"
    [ "$(xmllint --xpath "count($papers[@new-page='yes'])" "$T/b.xml")" = 11 ] || fail "not every paper after the first begins a new page"
    [ "$(xmllint --xpath "count($papers[@keep='together'])" "$T/b.xml")" = 12 ] || fail "not every paper is kept on one page"
    [ "$(xmllint --xpath "string(($papers)[5]//*[local-name()='subheading'])" "$T/b.xml")" = "Elm Grove Health Centre (test)" ] ||
        fail "the fifth paper is not headed by the fifth practice's name"
    [ "$(xmllint --xpath "count($papers[1]//*[local-name()='choice'])" "$T/b.xml")" = 3 ] || fail "a paper has not three models to mark"
    xsltproc "$SRCDIR/stylesheets/model/mandate-summary.xsl" "$SRCDIR/tests/docs/mandate/low-turnout.xml" > "$T/s.xml"
    t="//*[local-name()='table'][@role='returns-by-model']"
    [ "$(xmllint --xpath "count($t//*[local-name()='head']//*[local-name()='th'][@scope='col'])" "$T/s.xml")" = 3 ] || fail "the returns by model: not 3 column headers"
    [ "$(xmllint --xpath "count($t//*[local-name()='body']//*[local-name()='th'][@scope='row'])" "$T/s.xml")" = 4 ] || fail "the returns by model: a model or the total does not head its row"
    [ "$(xmllint --xpath "count(//*[local-name()='table'][@role='returns']//*[local-name()='body']/*[local-name()='row'])" "$T/s.xml")" = 3 ] || fail "not the 3 returns, one a row"
}
