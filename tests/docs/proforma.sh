# tests/docs/proforma.sh — the joint (annex A) and delegated (annex B)
# commissioning proformas.
. "$SRCDIR/tests/docs/common.inc"

FOOTER="Questions modelled on Next steps towards primary care co-commissioning (NHS England, November 2014)."

# proforma_fo OUT.fo SAMPLE [CCG] — the proforma's FO, to read its date.
proforma_fo() {
    run_cocom render --xsl "$SRCDIR/stylesheets/proforma.xsl" "$(sample "$2")" ${3:+--param ccg "$3"} --fo "$1" -o "$T/fo-side.pdf"
    expect_rc 0
}

t_joint_proforma_annex_a() {
    render "$T/p.pdf" proforma.xsl "$(sample wolverhampton-2015)" ccg wolverhampton-ccg
    expect_pages "$T/p.pdf" 7
    expect_text "$T/p.pdf" "Annex A Joint commissioning proforma Primary care co-commissioning 2015/16: NHS Wolverhampton Clinical Commissioning Group" 1
    expect_order "$T/p.pdf" "1.1 Name of the CCG" "NHS Wolverhampton Clinical Commissioning Group (Wolverhampton CCG)" \
        "1.2 ODS code" "06A" \
        "2.1 Co-commissioning model" "Joint commissioning arrangements" \
        "2.2 Form of the joint arrangement (joint committee or committees in common)" "A joint committee" \
        "2.3 Proposed start date" "1 April 2015" "2.4 Status of the proposal" "Applied for" \
        "2.5 Steps taken so far" "January 2015: Application made to NHS England" \
        "3 Functions in scope" "Status in this proposal" \
        "4.1 Name of the committee" \
        "9.1 Submitted to" "The NHS England area team" "9.2 Deadline" "30 January 2015" "9.3 Date submitted" "January 2015" \
        "9.4 Approval route" "Agreed with the area team; regional moderation panel" "Sign-off"
    # annex B's questions are not asked
    expect_no_text "$T/p.pdf" "Lay and executive majority"
    expect_no_text "$T/p.pdf" "Delegated commissioning proforma"
}

# The national table's wording under the national table's citation: never
# the council report's "Jointly with sub-regions" (an offer in the data).
t_joint_functions_in_scope_with_status() {
    render "$T/p.pdf" proforma.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/p.pdf" "General practice commissioning Jointly with area teams Joint (CCG and NHS England)"
    expect_text "$T/p.pdf" "Design and implementation of local incentives schemes Subject to joint agreement with the area team Joint (CCG and NHS England)"
    expect_text "$T/p.pdf" "Pharmacy, eye health and dental commissioning Potential for involvement in discussions but no decision making role Involvement in discussions only"
    expect_text "$T/p.pdf" "List management – Reserved to NHS England"
    expect_text "$T/p.pdf" "Source: Next steps towards primary care co-commissioning (NHS England, November 2014), §4.1.5 and §4.1.4."
    expect_no_text "$T/p.pdf" "sub-region"
    # the activities in the national wording (the report's "breach / remedial" list is the report's)
    expect_text "$T/p.pdf" "taking contractual action such as issuing breach/remedial notices, and removing a contract)"
}

t_delegated_proforma_annex_b() {
    render "$T/p.pdf" proforma.xsl "$(sample rotherham-2015)"
    expect_pages "$T/p.pdf" 8
    expect_text "$T/p.pdf" "Annex B Delegated commissioning proforma" 1
    expect_order "$T/p.pdf" "Delegated commissioning arrangements" "Applied for" \
        "3 Delegated functions" "Contractual GP practice performance management Yes Delegated to the CCG" \
        "Functions reserved to NHS England" "Medical performers list, appraisal, revalidation" "Administration of payments" \
        "Name of the committee" "Primary Care Sub-Committee" "Sub-committee (Rotherham CCG)" \
        "Chief Officer [proposed] Chris Edwards Rotherham CCG Executive member Yes One vote" \
        "Lay and executive majority among voting members" "6 of the 6 voting seats are lay or executive members: a lay and executive majority." \
        "Additional posts" "4" "Running cost allowance: £25 per head" "Uplift for co-commissioning: No" \
        "PMS premium: about £2,000,000 a year" \
        "Submitted to" "NHS England, through the area team" \
        "Regional moderation panel, then final sign-off by the NHS England commissioning committee" \
        "For Rotherham CCG" "Name Chris Edwards" "Position Chief Officer"
    expect_no_text "$T/p.pdf" "Pooled fund"
    # delegation is by NHS England, to the CCG
    expect_text "$T/p.pdf" "the proposal that NHS England delegate the commissioning of primary medical services to Rotherham CCG from 1 April 2015" 1
    expect_no_text "$T/p.pdf" "delegated commissioning of primary medical services with NHS England"
}

t_footer_says_modelled_on_every_page() {
    render "$T/p.pdf" proforma.xsl "$(sample hull-2015)"
    n=$(pdf_pages "$T/p.pdf")
    expect_count "$T/p.pdf" "$FOOTER" "$n"
    expect_text "$T/p.pdf" "asks a delegated commissioning proforma to show (section 7.4.1)" 1
    expect_no_text "$T/p.pdf" "not a copy"
    expect_no_text "$T/p.pdf" "the wording of the national proforma was not available"
}

t_empty_fields_are_visible_blanks() {
    render "$T/p.pdf" proforma.xsl "$(sample hull-2015)"
    # no area team, population, chair or vice-chair in the data: dotted blanks, not hidden
    expect_text "$T/p.pdf" "1.3 NHS England area team ……"
    expect_text "$T/p.pdf" "1.5 Registered population ……"
    expect_text "$T/p.pdf" "Clinical chair of the governing body ……"
    expect_text "$T/p.pdf" "Vice-chair ……"
    expect_text "$T/p.pdf" "Requested: ……"
    expect_text "$T/p.pdf" "How conflicts of interest will be managed ……"
    # Hull's lay members are listed but not named: a dotted blank in the name column
    expect_text "$T/p.pdf" "Lay Member ……"
    # no submission in the data: the date submitted is a blank, never the deadline
    expect_text "$T/p.pdf" "9.2 Deadline 9 January 2015"
    expect_text "$T/p.pdf" "9.3 Date submitted ……"
}

t_each_ccg_gets_its_own_proforma() {
    render "$T/cl.pdf" proforma.xsl "$(sample westminster-2015)" ccg central-london-ccg
    render "$T/wl.pdf" proforma.xsl "$(sample westminster-2015)" ccg west-london-ccg
    expect_pages "$T/cl.pdf" 8
    expect_pages "$T/wl.pdf" 8
    expect_text "$T/cl.pdf" "Name of the CCG Central London CCG (CLCCG) 1.2 ODS code 09A"
    expect_text "$T/wl.pdf" "Name of the CCG West London CCG (WLCCG) 1.2 ODS code 08Y"
    expect_text "$T/cl.pdf" "Other CCGs in this proposal West London CCG"
    expect_text "$T/wl.pdf" "Other CCGs in this proposal Central London CCG"
    # each names its own committee's quorum and its own practices
    expect_text "$T/cl.pdf" "at least 1 member from Central London CCG and at least 1 member from NHS England"
    expect_no_text "$T/cl.pdf" "member from West London CCG"
    expect_text "$T/wl.pdf" "at least 1 member from West London CCG and at least 1 member from NHS England"
    expect_text "$T/cl.pdf" "51, of which 22 PMS"
    expect_text "$T/wl.pdf" "35, of which 16 PMS"
    expect_text "$T/cl.pdf" "North West London joint committees in common (8 committees)"
    expect_text "$T/cl.pdf" "Submitted to The NHS England area team (NHS England (London))"
}

t_proforma_bookmarks_and_contents() {
    render "$T/p.pdf" proforma.xsl "$(sample rotherham-2015)"
    outline_titles "$T/p.pdf" > "$T/outline"
    [ "$(wc -l < "$T/outline")" -eq 10 ] || { cat "$T/outline"; fail "expected 10 bookmarks"; }
    grep -qx "1 CCG details" "$T/outline" || fail "no bookmark: 1 CCG details"
    grep -qx "Sign-off" "$T/outline" || fail "no bookmark: Sign-off"
    expect_text "$T/p.pdf" "Contents 1 CCG details" 1
    [ "$(pdf_info "$T/p.pdf" Title)" = "Delegated commissioning proforma (annex B): Rotherham CCG" ] || fail "title: $(pdf_info "$T/p.pdf" Title)"
}

t_no_proforma_for_greater_involvement() {
    sample_edit rotherham-2015 "$T/a.xml" 's|<model kind="delegated"|<model kind="greater-involvement"|'
    run_cocom render --xsl "$SRCDIR/stylesheets/proforma.xsl" "$T/a.xml" -o "$T/p.pdf"
    [ "$RC" -ne 0 ] || fail "a proforma was made for greater involvement"
    expect_err "a proforma is for joint or delegated commissioning"
}

# The membership table holds every member of the committee, in the
# arrangement's order, each with its post and name (when it has one), and
# one Voting cell ("Yes" or "No") a row: all the rows, not only the first.
# membership_rows PDF ARRANGEMENT COMMITTEE-ID
membership_rows() {
    flat "$1" | sed 's/.*Member Name Organisation Capacity Voting Vote weight//' \
        | sed -E 's/ [0-9]+\.[0-9]+ (Chair|Vice-chair).*//' > "$T/table.txt"
    [ -s "$T/table.txt" ] || fail "$(basename "$1"): no membership table"
    q="//*[local-name()='committee'][@id='$3']/*[local-name()='member']"
    n=$(xmllint --xpath "count($q)" "$2")
    [ "$n" -ge 3 ] || fail "the committee $3 has only $n members"
    rest=$(cat "$T/table.txt")
    for i in $(seq 1 "$n"); do
        post=$(xmllint --xpath "normalize-space(($q)[$i]/*[local-name()='post'])" "$2")
        name=$(xmllint --xpath "normalize-space(($q)[$i]/*[local-name()='name'])" "$2")
        for text in "$post" ${name:+"$name"}; do
            case "$rest" in
                *"$text"*) rest=${rest#*"$text"} ;;
                *) cat "$T/table.txt"; fail "$(basename "$1"): member $i of $n ($post${name:+, $name}): '$text' missing or out of order" ;;
            esac
        done
    done
    rows=$(grep -oE ' (Yes|No) ' "$T/table.txt" | wc -l)
    [ "$rows" = "$n" ] || { cat "$T/table.txt"; fail "$(basename "$1"): $rows Voting cells for $n members"; }
}

t_the_membership_table_has_every_member() {
    render "$T/r.pdf" proforma.xsl "$(sample rotherham-2015)"
    membership_rows "$T/r.pdf" "$(sample rotherham-2015)" "$(xmllint --xpath "string(//*[local-name()='committee'][1]/@id)" "$(sample rotherham-2015)")"
    render "$T/w.pdf" proforma.xsl "$(sample hull-2015)"
    membership_rows "$T/w.pdf" "$(sample hull-2015)" "$(xmllint --xpath "string(//*[local-name()='committee'][1]/@id)" "$(sample hull-2015)")"
}

# ---------------------------------------------------------------------
# Issue 16: each proforma is a paper NHS England could take as it stands.

# Every sample's proforma, in NHS England's voice, on its own date (the
# date of submission, else the deadline: dc:date of the FO), naming no
# later date but the planned start and the deadlines.
t_proforma_clean_every_sample() {
    for spec in "wolverhampton-2015 wolverhampton-ccg 2015-01" \
                "westminster-2015 central-london-ccg 2015-01-30" \
                "westminster-2015 west-london-ccg 2015-01-30" \
                "rotherham-2015 rotherham-ccg 2015-01-09" \
                "hull-2015 hull-ccg 2015-01-09"; do
        set -- $spec
        proforma_fo "$T/p.fo" "$1" "$2"
        [ "$(fo_date "$T/p.fo")" = "$3" ] || fail "$1/$2: the proforma is dated $(fo_date "$T/p.fo"), expected $3"
        render "$T/$2.pdf" proforma.xsl "$(sample "$1")" ccg "$2"
        # a month-dated document knows its month from the first day on
        case $3 in ????-??) day=$3-00 ;; *) day=$3 ;; esac
        expect_clean "$T/$2.pdf" nhse "$day" 2015-04-01 2015-01-09 2015-01-30
    done
}

# A January 2015 proforma says nothing of what happened after January
# 2015: Wolverhampton's deferral and re-application (July 2015), the
# board reports of July and November 2015, Rotherham's first meeting
# (1 April 2015), Westminster's refreshed terms of reference (November
# 2015); the status is the one on the proforma's date.
t_proforma_knows_only_its_date() {
    render "$T/w.pdf" proforma.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/w.pdf" "2.4 Status of the proposal Applied for"
    for s in "Deferred" "deferred" "re-applying" "29 July 2015" "Update on Primary Care Co-Commissioning" "The ambition for applying"; do
        expect_no_text "$T/w.pdf" "$s"
    done
    render "$T/r.pdf" proforma.xsl "$(sample rotherham-2015)"
    expect_text "$T/r.pdf" "By 9 January 2015: Application made to NHS England"
    expect_no_text "$T/r.pdf" "In operation"
    expect_no_text "$T/r.pdf" "met on"
    expect_no_text "$T/r.pdf" "meeting of 1 April 2015"
    render "$T/c.pdf" proforma.xsl "$(sample westminster-2015)"
    expect_text "$T/c.pdf" "2.4 Status of the proposal Proposed"
    expect_no_text "$T/c.pdf" "November 2015"
    expect_no_text "$T/c.pdf" "19 November 2015"
    expect_text "$T/c.pdf" "(based on the model at annex D) ……"
}

# The same data, asked as at August 2015 (as-at), shows what was known by
# then: the dating filters, it does not delete.
t_proforma_as_at_later_date_knows_more() {
    render "$T/w.pdf" proforma.xsl "$(sample wolverhampton-2015)" as-at 2015-08-01
    expect_text "$T/w.pdf" "2.4 Status of the proposal Deferred"
    expect_text "$T/w.pdf" "By 14 July 2015: Application deferred by NHS England"
    expect_text "$T/w.pdf" "The ambition for applying for co-commissioning was:"
    expect_text "$T/w.pdf" "29 July 2015: “Update on Primary Care Co-Commissioning”"
}

# Free prose only as the CCG's own answer: a news feature's sentences
# (marked words="reported"), its quotations and asides never print;
# the CCG's own words print when dated no later than the proforma.
t_proforma_prints_only_the_ccgs_own_words() {
    render "$T/r.pdf" proforma.xsl "$(sample rotherham-2015)"
    for s in "room for slippage" "quietly supportive" "We have the relationships" "Chris Edwards, Chief Officer)" \
             "it is still arguable" "shape local solutions" "four additional staff" "swamp the CCG"; do
        expect_no_text "$T/r.pdf" "$s"
    done
    render "$T/h.pdf" proforma.xsl "$(sample hull-2015)"
    expect_no_text "$T/h.pdf" "capacity and capability"
    expect_no_text "$T/h.pdf" "accountable care organisation"
    expect_no_text "$T/h.pdf" "increase the involvement of its three lay members"
    # the same words marked as the CCG's own, written before the proforma: printed
    sample_edit rotherham-2015 "$T/own.xml" 's|<rationale words="reported"|<rationale words="ccg" date="2015-01-05"|'
    render "$T/own.pdf" proforma.xsl "$T/own.xml"
    expect_text "$T/own.pdf" "2.5 Why the CCG wishes to take on this model: its aims for patients and for primary care Having the powers to shape local solutions"
    # … but not when written after it
    sample_edit rotherham-2015 "$T/late.xml" 's|<rationale words="reported"|<rationale words="ccg" date="2015-02-01"|'
    render "$T/late.pdf" proforma.xsl "$T/late.xml"
    expect_no_text "$T/late.pdf" "shape local solutions"
}

# None of the program's own words: a missing answer is a blank.
t_proforma_no_internal_words() {
    render "$T/w.pdf" proforma.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/w.pdf" "1.6 Number of member practices ……"
    expect_no_text "$T/w.pdf" "listed in"
    expect_no_text "$T/w.pdf" "Answers the"
    render "$T/c.pdf" proforma.xsl "$(sample westminster-2015)"
    # seats of a kind the data does not count: a blank to complete
    expect_text "$T/c.pdf" "CCG lay member (seats: ……) – Central London CCG"
    expect_no_text "$T/c.pdf" "not stated"
}

# NHS England's words only: no LMC model numbers, no council levels.
t_proforma_speaks_for_nhs_england() {
    for s in wolverhampton-2015 rotherham-2015; do
        render "$T/p.pdf" proforma.xsl "$(sample $s)"
        expect_no_text "$T/p.pdf" "Model I"
        expect_no_text "$T/p.pdf" "level 2"
        expect_no_text "$T/p.pdf" "Level 2"
    done
}

# The vote and the returns: "In favour" only when a dated vote's counts or
# complete returns show it; returns only when dated by the proforma, said
# plainly.
t_proforma_mandate_as_shown_by_returns() {
    # Westminster's votes are undated: nothing to print in January 2015
    render "$T/c.pdf" proforma.xsl "$(sample westminster-2015)"
    expect_no_text "$T/c.pdf" "In favour"
    # a dated vote, but two returns from 51 practices do not show it
    sample_edit westminster-2015 "$T/v.xml" 's|<member-vote model="joint" result="in-favour"/>|<member-vote model="joint" result="in-favour" date="2015-01-20"/>|'
    # (the sample names no practices and records no returns: the test adds two of its own)
    sed -i 's|<contract-count contract="pms" count="22"/>|&<practice id="cl-p1" ods-code="T90001"><name>Test Practice One</name></practice><practice id="cl-p2" ods-code="T90002"><name>Test Practice Two</name></practice>|' "$T/v.xml"
    sed -i '/<mandate ccg="central-london-ccg">/,/<\/mandate>/ s|<governing-body-approval model="joint" decision="approved"/>|&<ballot-return practice="cl-p1" model="joint" date="2015-01-19"/><ballot-return practice="cl-p2" model="joint" date="2015-01-19"/>|' "$T/v.xml"
    [ "$(grep -o 'date="2015-01-19"' "$T/v.xml" | wc -l)" -eq 2 ] || fail "the test could not add its returns"
    render "$T/v.pdf" proforma.xsl "$T/v.xml" ccg central-london-ccg
    expect_no_text "$T/v.pdf" "In favour"
    expect_text "$T/v.pdf" "5.5 Practice ballot returns 2 of the 51 member practices returned a ballot paper: 2 for joint commissioning"
    # with counts that show it, the result is printed with its date
    sed -i 's|result="in-favour" date="2015-01-20"/>|result="in-favour" date="2015-01-20" for="40" against="3" eligible="51"/>|' "$T/v.xml"
    render "$T/v2.pdf" proforma.xsl "$T/v.xml" ccg central-london-ccg
    expect_text "$T/v2.pdf" "5.3 Vote of the member practices In favour of joint commissioning; date: 20 January 2015"
    expect_text "$T/v2.pdf" "40 / 3 /"
    # Rotherham's undated returns are not known to its January proforma
    render "$T/r.pdf" proforma.xsl "$(sample rotherham-2015)"
    expect_no_text "$T/r.pdf" "returned a ballot paper"
    expect_no_text "$T/r.pdf" "returns from"
}

# Singular and plural agree with the numbers.
t_proforma_singular_and_plural() {
    # (the sample names no practices: the test adds one, with a dated return)
    sample_edit rotherham-2015 "$T/one.xml" 's|<practices count="36">|&<practice id="rot-p1" ods-code="T90001"><name>Test Practice One</name></practice>|'
    sed -i 's|<mandate ccg="rotherham-ccg">|&<ballot-return practice="rot-p1" model="delegated" date="2015-01-05"/>|' "$T/one.xml"
    render "$T/one.pdf" proforma.xsl "$T/one.xml"
    expect_text "$T/one.pdf" "1 of the 36 member practices returned a ballot paper: 1 for delegated commissioning"
    sed -i 's|<practices count="36">|<practices>|' "$T/one.xml"
    render "$T/one2.pdf" proforma.xsl "$T/one.xml"
    expect_text "$T/one2.pdf" "1 member practice returned a ballot paper"
}

# An office is shown from its date: Rotherham's lay member chaired the
# sub-committee's meeting of 1 April 2015 as acting chair, which its
# proforma of January 2015 cannot know; the same proforma as at 2 April
# can.
t_proforma_office_holders_from_their_date() {
    render "$T/j.pdf" proforma.xsl "$(sample rotherham-2015)"
    expect_no_text "$T/j.pdf" "acting"
    expect_text "$T/j.pdf" "4.4 Chair ……"
    render "$T/a.pdf" proforma.xsl "$(sample rotherham-2015)" as-at 2015-04-02
    expect_text "$T/a.pdf" "Lay Member (Chair, acting)"
    expect_text "$T/a.pdf" "4.4 Chair The Lay Member (acting)"
}
