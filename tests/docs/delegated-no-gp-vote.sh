# tests/docs/delegated-no-gp-vote.sh — an arrangement of our own (issue 17):
# six Sussex CCGs with long names, each with a delegated primary care
# commissioning committee on which no GP has a vote.  It checks and builds
# whole, with no word cut between letters and no head that does not fit,
# and the terms of reference say who sits without a vote.
. "$SRCDIR/tests/docs/common.inc"

NOGP="$SRCDIR/tests/docs/delegated-no-gp-vote/arrangement.xml"

t_no_gp_vote_checks_and_builds_whole() {
    run_cocom check "$NOGP"
    expect_rc 0
    expect_no_err "error:"
    run_cocom build -o "$T/out" "$NOGP"
    expect_rc 0
    expect_no_err "broken between characters"
    expect_no_err "static content"
    n=$(ls "$T/out"/*.pdf | wc -l)
    # a proforma, terms of reference and ballot papers per CCG, and the board report
    [ "$n" -eq 19 ] || fail "$n documents, expected 19"
}

t_no_gp_vote_membership() {
    render "$T/t.pdf" terms-of-reference.xsl "$NOGP" committee cws-pccc
    expect_order "$T/t.pdf" "Member Name Organisation Capacity Voting Vote weight" \
        "Director of Commissioning and Performance" "NHS Coastal West Sussex Clinical Commissioning Group" "Executive member Yes One vote" \
        "Clinical Chair of the Governing Body" "NHS Coastal West Sussex Clinical Commissioning Group" "Clinical member (GP) No None"
    expect_no_text "$T/t.pdf" "Commis- sioning"
}

# The board report's running head keeps its date on one line: "11 /
# February 2016" across two lines read as two things (the review of the
# stress arrangements found it).
t_no_gp_vote_report_head_keeps_its_date_whole() {
    render "$T/r.pdf" report.xsl "$NOGP"
    pdftotext -layout -f 1 -l 1 "$T/r.pdf" - | head -2 > "$T/head.txt"
    grep -q "11 February 2016, Agenda item 7" "$T/head.txt" || { cat "$T/head.txt"; fail "the head's date or agenda item is broken"; }
}
