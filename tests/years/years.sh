# tests/years/years.sh — arrangements of later years: 2016/17 (South Tees,
# delegated from April 2016) and 2017/18 (a made-up CCG sending the
# delegated commissioning checklist).  Each passes check and build, and its
# documents carry its own year's dates and words (templates/functions-
# YYYY-YY.xml, <round>) and none of 2015/16's; a year with no national table
# is refused by check, naming the years there are, and build writes nothing.
. "$SRCDIR/tests/docs/common.inc"

Y16=$SRCDIR/tests/years/south-tees-2016
Y17=$SRCDIR/tests/years/testtown-2017

# build_year DIR: cocom build DIR into $T/out (success, clean check).
build_year() {
    run_cocom check --warnings-as-errors "$1"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    run_cocom build -o "$T/out" "$1"
    expect_rc 0
}

# no_2015_16 PDF...: none of the dates and words of the 2015/16 round;
# "2015/16" only where a proforma says its functions table is 2015/16's.
no_2015_16() {
    for pdf in "$@"; do
        for s in "9 January 2015" "30 January 2015" "1 April 2015" \
                 "no increase in running costs"; do
            expect_no_text "$pdf" "$s"
        done
        case $pdf in
            *proforma*) expect_count "$pdf" "2015/16" 1
                        expect_text "$pdf" "the table for 2015/16, applied to" ;;
            *) expect_no_text "$pdf" "2015/16" ;;
        esac
    done
}

t_2016_17_checks_and_builds_every_document() {
    build_year "$Y16"
    [ "$(ls "$T/out" | sort | tr '\n' ' ')" = "hwb-report-2016-01-19.pdf south-tees-ballot-papers.pdf south-tees-mandate-summary.pdf south-tees-proforma-annex-b.pdf st-pccc-terms-of-reference.pdf " ] \
        || fail "documents made: $(ls "$T/out")"
    no_2015_16 "$T"/out/*.pdf
}

t_2016_17_proforma_prints_its_years_dates() {
    build_year "$Y16"
    p=$T/out/south-tees-proforma-annex-b.pdf
    expect_text "$p" "Annex B Delegated commissioning proforma Primary care co-commissioning 2016/17: NHS South Tees Clinical Commissioning Group" 1
    expect_order "$p" "2.2 Proposed start date 1 April 2016" \
        "9.1 Submitted to NHS England" "9.2 Deadline 6 November 2015" "9.3 Date submitted 2 November 2015" \
        "Position Area Director"
    # the 2015/16 table, carried over, and the proforma says so in its
    # issuer's words, not in those of cocom's search for a later table
    expect_text "$p" "§4.1.5 and §4.1.4: the table for 2015/16, applied to 2016/17."
    expect_no_text "$p" "was found"
    # §5.2.2 (no increase in running costs) is 2015/16's only
    expect_text "$p" "Staffing is to be agreed locally with the area team (Next steps §5, §5.1). 7.1"
    expect_no_text "$p" "checklist"
}

# The terms of reference cite the conflicts of interest guidance in force
# on their date: undated, at the start of 2016/17, December 2014; as at
# July 2016, the revision of 28 June 2016.
t_2016_17_terms_cite_the_guidance_of_their_date() {
    build_year "$Y16"
    tor=$T/out/st-pccc-terms-of-reference.pdf
    expect_text "$tor" "and with Managing conflicts of interest: statutory guidance for CCGs (NHS England, December 2014), issued under section 14O"
    run_cocom build --only terms-of-reference --as-at 2016-07-01 -o "$T/later" "$Y16"
    expect_rc 0
    expect_text "$T/later/st-pccc-terms-of-reference.pdf" "and with Managing conflicts of interest: revised statutory guidance for CCGs (NHS England, June 2016), issued under section 14O"
}

t_2017_18_is_the_delegated_commissioning_checklist() {
    build_year "$Y17"
    p=$T/out/testtown-proforma-annex-b.pdf
    expect_text "$p" "Delegated commissioning application 2017/18 Delegated commissioning checklist Primary care co-commissioning 2017/18: NHS Testtown Clinical Commissioning Group" 1
    expect_text "$p" "The CCG and the NHS England Director of Commissioning Operations complete it jointly, with the finance template for delegated budgets, and both sign it." 1
    expect_order "$p" "2.2 Proposed start date 1 April 2017" \
        "9.1 Submitted to NHS England, nationally, with a copy to the regional lead for co-commissioning" \
        "9.2 Deadline 5 December 2016" "9.3 Date submitted 28 November 2016" \
        "Position Director of Commissioning Operations"
    expect_text "$p" "for the delegated commissioning checklist for 2017/18."
    [ "$(pdf_info "$p" Title)" = "Delegated commissioning checklist: NHS Testtown Clinical Commissioning Group" ] \
        || fail "title: $(pdf_info "$p" Title)"
    for s in "Annex B" "proforma" "Area Director" "6 November 2015" "2016/17"; do
        expect_no_text "$p" "$s"
    done
    no_2015_16 "$T"/out/*.pdf
    # undated terms at the start of 2017/18: the June 2016 revision
    expect_text "$T/out/tt-pccc-terms-of-reference.pdf" "Managing conflicts of interest: revised statutory guidance for CCGs (NHS England, June 2016)"
    expect_no_text "$T/out/tt-pccc-terms-of-reference.pdf" "December 2014"
}

# A year with no national table: check refuses it at the root element,
# naming the years there are; build writes nothing.
t_a_year_without_a_table_is_refused() {
    sed 's|year="2016/17"|year="2018/19"|; s|2016-04-01|2018-04-01|' "$Y16/arrangement.xml" > "$T/a.xml"
    run_cocom check "$T/a.xml"
    expect_rc 1
    expect_err "$T/a.xml:14: error: the arrangement is for 2018/19, but there is no national functions table for that year (templates/functions-2018-19.xml), which every document prints; the years there are: 2015/16, 2016/17, 2017/18"
    run_cocom build -o "$T/out" "$T/a.xml"
    expect_rc 1
    [ -z "$(ls -A "$T/out" 2>/dev/null)" ] || fail "a refused build wrote: $(ls -A "$T/out")"
}
