# tests/docs/many-ccgs.sh — the wording of documents for one, two and six
# CCGs (issue 17, part 5): a list of organisations reads "A, B and C", a
# verb or a status follows the number of CCGs, a body is named with the
# right article, those who attend without a vote are a clause, and a
# status the data does not give is a blank, not "Draft".
# tests/docs/many/six-ccgs.xml: six CCGs and NHS England in one joint
# committee; two CCGs are made from it; one CCG is Wolverhampton's sample.
. "$SRCDIR/tests/docs/common.inc"

SIX="$SRCDIR/tests/docs/many/six-ccgs.xml"
JC="South West London Primary Care Commissioning Joint Committee"

# two_ccgs OUT: the six-CCG fixture with only Croydon and Wandsworth.
two_ccgs() {
    sed -E -e '/<ccg id="(kingston|merton|richmond|sutton)"/,/<\/ccg>/d' \
        -e '/<mandate ccg="(kingston|merton|richmond|sutton)">/,/<\/mandate>/d' \
        -e '/ org="(kingston|merton|richmond|sutton)"/d' \
        -e 's/ kingston merton richmond sutton / /' \
        -e 's/distinct-ccgs="4"/distinct-ccgs="2"/; s/minimum="7"/minimum="4"/; s/of="merton"/of="croydon"/' \
        "$SIX" > "$1"
    grep -c '<ccg id=' "$1" | grep -qx 2 || fail "two_ccgs did not leave two CCGs"
}

# Six CCGs: statuses and verbs in the plural, lists "A, B, … and F".
t_six_ccgs_terms_of_reference() {
    render "$T/t.pdf" terms-of-reference.xsl "$SIX"
    expect_text "$T/t.pdf" "General practice commissioning Joint (the CCGs and NHS England)"
    expect_no_text "$T/t.pdf" "Joint (CCG and NHS England)"
    expect_text "$T/t.pdf" "NHS England and NHS Croydon CCG, NHS Kingston CCG, NHS Merton CCG, NHS Richmond CCG, NHS Sutton CCG and NHS Wandsworth CCG (together “the CCGs”)"
    expect_text "$T/t.pdf" "those on which the CCGs take part in discussion without a decision-making role"
    expect_text "$T/t.pdf" "On the following, the CCGs have the opportunity to take part in discussions with NHS England, but have no decision-making role:"
    expect_text "$T/t.pdf" "in line with the conflicts of interest policies of the CCGs"
    # one of six seats of the same post: whose
    expect_text "$T/t.pdf" "is the Lay Member for Patient and Public Involvement of NHS Croydon CCG."
    # NHS England's area team is NHS England: represented once
    expect_text "$T/t.pdf" "• NHS Wandsworth CCG • NHS England 2 Statutory framework"
    # those who attend without a vote: a clause, not data labels, and
    # not the national right again
    expect_order "$T/t.pdf" "5.5 In the interests of transparency" \
        "5.6 A representative of the Merton Health and Wellbeing Board (London Borough of Merton) and a representative of Healthwatch Merton may attend meetings of the $JC and speak, but shall not vote. 6 Meetings and voting"
    for s in "Representative of the Healthwatch" "national right to attend" "non-voting attendee:" "national-right" "attendee, " "without a vote:"; do
        expect_no_text "$T/t.pdf" "$s"
    done
    # the running header names the six by their short names
    expect_text "$T/t.pdf" "Croydon CCG, Kingston CCG, Merton CCG, Richmond CCG, Sutton CCG and Wandsworth CCG" 2
}

t_six_ccgs_proforma() {
    render "$T/p.pdf" proforma.xsl "$SIX" ccg merton
    expect_text "$T/p.pdf" "Joint committee (NHS Croydon CCG, NHS Kingston CCG, NHS Merton CCG, NHS Richmond CCG, NHS Sutton CCG, NHS Wandsworth CCG and NHS England)"
    expect_no_text "$T/p.pdf" "CCG and NHS Kingston"
    expect_text "$T/p.pdf" "Other CCGs in this proposal NHS Croydon CCG, NHS Kingston CCG, NHS Richmond CCG, NHS Sutton CCG and NHS Wandsworth CCG"
    expect_text "$T/p.pdf" "General practice commissioning Jointly with area teams Joint (the CCGs and NHS England)"
    expect_text "$T/p.pdf" "Representative of Healthwatch Merton: non-voting attendee"
    expect_text "$T/p.pdf" "Representative of the Merton Health and Wellbeing Board (London Borough of Merton)"
    expect_no_text "$T/p.pdf" "Representative of the Healthwatch"
    expect_clean "$T/p.pdf" nhse 2015-01-20 2015-01-30 2015-04-01
}

# Two CCGs: still plural, "A and B".
t_two_ccgs() {
    two_ccgs "$T/two.xml"
    render "$T/t.pdf" terms-of-reference.xsl "$T/two.xml"
    expect_text "$T/t.pdf" "NHS England and NHS Croydon CCG and NHS Wandsworth CCG (together “the CCGs”)"
    expect_text "$T/t.pdf" "General practice commissioning Joint (the CCGs and NHS England)"
    expect_text "$T/t.pdf" "the voting members present shall include members from each of the CCGs."
    expect_text "$T/t.pdf" "Approved by 1 14 May 2015 First terms of reference of the joint committee. Croydon CCG, Wandsworth CCG and NHS England"
    render "$T/p.pdf" proforma.xsl "$T/two.xml" ccg croydon
    expect_text "$T/p.pdf" "Joint committee (NHS Croydon CCG, NHS Wandsworth CCG and NHS England)"
    expect_text "$T/p.pdf" "Other CCGs in this proposal NHS Wandsworth CCG"
}

# One CCG: the singular stands, and the CCG is "the CCG".
t_one_ccg() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/t.pdf" "Joint (CCG and NHS England)"
    expect_no_text "$T/t.pdf" "Joint (the CCGs"
    expect_no_text "$T/t.pdf" "the CCGs"
    expect_text "$T/t.pdf" "in line with the conflicts of interest policy of the CCG"
    expect_text "$T/t.pdf" "5.6 A representative of the Health and Wellbeing Board (City of Wolverhampton Council) may attend meetings of the Primary Care Joint Committee and speak, but shall not vote."
    render "$T/p.pdf" proforma.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/p.pdf" "Joint committee (NHS Wolverhampton Clinical Commissioning Group and NHS England)"
    expect_text "$T/p.pdf" "Joint (CCG and NHS England)"
}

# A status the data does not give is a blank to complete, never "Draft";
# one the data gives is printed.
t_missing_status_is_a_blank() {
    sed 's| status="approved">|>|' "$SIX" > "$T/a.xml"
    ! cmp -s "$SIX" "$T/a.xml" || fail "the edit changed nothing"
    render "$T/a.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_text "$T/a.pdf" "Document control Version Date Status Next review 5 3 September 2015 …… 14 May 2016" 1
    expect_no_text "$T/a.pdf" "Draft"
    sed 's| status="approved">| status="draft">|' "$SIX" > "$T/d.xml"
    render "$T/d.pdf" terms-of-reference.xsl "$T/d.xml"
    expect_text "$T/d.pdf" "Document control Version Date Status Next review 5 3 September 2015 Draft 14 May 2016" 1
}

# Invited attendees: by their post, else a representative of their body,
# else by their kind — in a clause of the committee's terms.
t_invited_attendees_are_a_clause() {
    render "$T/r.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_text "$T/r.pdf" "5.7 The Primary Care Sub-Committee may invite GP advisers to attend its meetings; those invited shall not vote. 6 Meetings and voting"
    render "$T/w.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    expect_text "$T/w.pdf" "may invite local stakeholders to attend its meetings; those invited shall not vote."
    sed 's|<observer role="healthwatch" org="healthwatch" capacity="attendee" basis="national-right"/>|<observer role="lmc" org="healthwatch" capacity="advisor" basis="local-choice"/>\n    <observer role="stakeholder" basis="local-choice"/>|' "$SIX" > "$T/a.xml"
    ! cmp -s "$SIX" "$T/a.xml" || fail "the edit changed nothing"
    render "$T/a.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_text "$T/a.pdf" "5.6 A representative of the Merton Health and Wellbeing Board (London Borough of Merton) may attend meetings of the $JC and speak, but shall not vote. 5.7 The $JC may invite a representative of Healthwatch Merton and local stakeholders to attend its meetings; those invited shall not vote."
}
