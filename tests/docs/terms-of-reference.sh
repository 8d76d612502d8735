# tests/docs/terms-of-reference.sh — the terms of reference of each
# committee: annex F (delegated) and annex D (joint, and committees in common).
. "$SRCDIR/tests/docs/common.inc"

# The document dates expect_clean checks against.  Westminster's terms
# of reference are dated November 2015 (terms-of-reference/@date="2015-11",
# known from the month's first day).  The other samples' terms of
# reference have no date in the data: they print a blank date in their
# document control and know every fact; they are checked against the
# day before the arrangement's start (1 April 2015), by which terms of
# reference must be adopted, with the start as a planned date.
UNDATED=2015-03-31
START=2015-04-01
SECTIONS="Introduction|Statutory framework|Role of the|Geographical coverage|Membership|Meetings and voting|Quorum|Frequency of meetings and meetings in public|Conflicts of interest|Accountability and reporting|Procurement of agreed services|Decisions|Review of the terms of reference"

# The model's sections, numbered 1 … 13, in order, after the contents list.
expect_model_sections() {
    file=$1
    schedule2=${2:-"Schedule 2: Delegated functions"}
    set -- "$schedule2"
    n=0
    IFS='|'
    for s in $SECTIONS; do
        n=$((n + 1))
        set -- "$@" "$n $s"
    done
    unset IFS
    set -- "$@" "Signatures" "Schedule 1: Delegation" "$schedule2"
    expect_order "$file" "$@"
}

t_delegated_terms_of_reference() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)" committee rotherham-pcsc
    expect_pages "$T/t.pdf" 11
    expect_text "$T/t.pdf" "Terms of reference of the Primary Care Sub-Committee Delegated commissioning of primary medical services: Rotherham CCG, 2015/16" 1
    expect_text "$T/t.pdf" "annex F of Next steps towards primary care co-commissioning" 1
    expect_model_sections "$T/t.pdf"
    # annex F's statutory framework, not annex D's
    expect_text "$T/t.pdf" "duty to have regard to impact on services in certain areas (section 13O)"
    expect_no_text "$T/t.pdf" "section 14Z9"
    # the national rule of S002 §4.4.2 as a clause; its "It is for the CCG
    # to agree …" is guidance and no clause
    expect_text "$T/t.pdf" "The Primary Care Sub-Committee shall be chaired by a lay member, and its lay and executive members shall be a majority of its members."
    expect_no_text "$T/t.pdf" "It is for"
    expect_text "$T/t.pdf" "established as a sub-committee of the CCG in accordance with Schedule 1A"
    expect_no_text "$T/t.pdf" "meet in common"
    expect_clean "$T/t.pdf" nhse $UNDATED $START
}

t_committee_name_used_throughout() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)" committee rotherham-pcsc
    flat "$T/t.pdf" > "$T/all"
    n=$(grep -oF "Primary Care Sub-Committee" "$T/all" | wc -l)
    [ "$n" -ge 40 ] || fail "the committee's name appears only $n times"
    # never a generic name in its place
    expect_no_text "$T/t.pdf" "Primary Care Commissioning Committee"
    expect_no_text "$T/t.pdf" "the Committee "
}

t_membership_table_with_voting_rights() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_order "$T/t.pdf" "5.1 The Primary Care Sub-Committee shall consist of the members shown in the table below, with their voting rights." \
        "Member Name Organisation Capacity Voting Vote weight" \
        "Lay Member . . . . . . Rotherham CCG Lay member Yes One vote" \
        "Lay Member [vacant] – Rotherham CCG Lay member Yes One vote" \
        "Chief Officer [proposed] Chris Edwards Rotherham CCG Executive member Yes One vote" \
        "Chief Nurse [proposed]" "Executive member (Nurse)" \
        "Chief Financial Officer [proposed]" \
        "The Chair of the Primary Care Sub-Committee is a lay member of the CCG." \
        "The Vice-Chair of the Primary Care Sub-Committee is . . ." \
        "The following attend the Primary Care Sub-Committee without a vote:" "GP advisers: non-voting advisor, invited locally"
    # an acting chair is how the meeting of 1 April 2015 was chaired, not
    # an office the terms of reference appoint
    expect_no_text "$T/t.pdf" "acting"
    expect_no_text "$T/t.pdf" "1 April 2015"
}

t_weights_from_voting_shares() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    # the number of seats the report does not give is a blank to complete
    expect_text "$T/t.pdf" "CCG lay member ( . . . seats) – West London CCG Lay member Yes WLCCG: 50% of the voting power"
    expect_text "$T/t.pdf" "NHS England executive member ( . . . seats) – NHS England Executive member Yes NHS England: 50% of the voting power"
    expect_no_text "$T/t.pdf" "not stated"
}

t_schedules_and_reserved_functions() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_order "$T/t.pdf" "Schedule 1: Delegation" \
        "NHS England has delegated to the CCG authority to exercise the functions listed in Schedule 2 under section 13Z" \
        "The delegation agreement was issued in March 2015 and signed on . . ." \
        "The agreement was varied on 31 March 2015." \
        "Schedule 7: Local memorandum of understanding on workforce arrangements" \
        "Schedule 2: Delegated functions" "Function Status" \
        "General practice commissioning" "Approving practice mergers" "Delegated to the CCG" \
        "Complaints management Delegated to the CCG" \
        "The following functions are reserved to NHS England and are not exercised by the Primary Care Sub-Committee:" \
        "Medical performers list, appraisal, revalidation" "Administration of payments" "List management" \
        "Terms of GMS contracts and nationally determined elements of PMS and APMS contracts" \
        "Pharmacy, eye health and dental commissioning"
}

t_signature_blocks() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample hull-2015)"
    expect_order "$T/t.pdf" "Signatures" "For and on behalf of NHS England" "Signed" "Name" "Position" "Date" \
        "For and on behalf of Hull CCG" "Name Emma Latimer" "Position Chief Officer" "Date"
}

t_joint_committee_annex_d() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample wolverhampton-2015)" committee wolverhampton-jc
    expect_pages "$T/t.pdf" 10
    expect_model_sections "$T/t.pdf" "Schedule 2: Joint functions"
    expect_text "$T/t.pdf" "annex D of Next steps towards primary care co-commissioning" 1
    expect_text "$T/t.pdf" "Section 14Z9 of the NHS Act, as amended by the Legislative Reform (Clinical Commissioning Groups) Order 2014"
    expect_text "$T/t.pdf" "The Primary Care Joint Committee will comprise NHS England and the CCG."
    expect_no_text "$T/t.pdf" "section 13O"
    # no members in the data: blank rows to fill in, and blanks for the model's "[ ]"
    expect_text "$T/t.pdf" "Member Name Organisation Capacity Voting Vote weight . . ."
    expect_text "$T/t.pdf" "The quorum is . . . . . . . . . . . . . . voting members."
    expect_text "$T/t.pdf" "will meet . . ."
    expect_text "$T/t.pdf" "Meetings of the Primary Care Joint Committee will be held . . ."
    expect_clean "$T/t.pdf" nhse $UNDATED $START
}

t_committees_in_common() {
    render "$T/cl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    render "$T/wl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    expect_pages "$T/cl.pdf" 14
    expect_pages "$T/wl.pdf" 14
    for f in "$T/cl.pdf" "$T/wl.pdf"; do
        expect_text "$f" "is one of the North West London joint committees in common (8 committees in all)"
        expect_text "$f" "presided over by a single meeting chair; each committee retains its individual decision-making authority, takes its own decisions and records them separately."
        expect_text "$f" "Determination of key decisions or requests List closure"
        expect_text "$f" "Meetings of the Co-commissioning Joint Committee will be held in public."
        expect_text "$f" "At a meeting in common, the Co-commissioning Joint Committee takes decisions only for the CCG."
        # the refreshed terms' own provisions for local meetings, as a clause
        expect_text "$f" "7 Local meetings and meetings in common 7.1 The Co-commissioning Joint Committee has two types of meeting: local meetings"
        expect_clean "$f" nhse 2015-11-01
    done
    expect_text "$T/cl.pdf" "Central London CCG (“the CCG”)"
    expect_text "$T/wl.pdf" "West London CCG (“the CCG”)"
    expect_no_text "$T/wl.pdf" "Central London CCG"
}

t_local_clause_is_numbered_in_place() {
    sample_edit rotherham-2015 "$T/a.xml" 's|    <observer role="clinical-adviser"|    <terms-of-reference><local-clause after="membership"><heading>Co-opted members</heading><para>The sub-committee may co-opt up to two further members.</para></local-clause><review>annually</review></terms-of-reference>\n&|'
    # terms-of-reference must come after the observers: move it to the end of the committee
    python3 - "$T/a.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
m = re.search(r'    <terms-of-reference>.*?</terms-of-reference>\n', s)
s = s[:m.start()] + s[m.end():]
s = s.replace('  </committee>', m.group(0) + '  </committee>', 1)
open(p, 'w').write(s)
PY
    run_cocom check "$T/a.xml"
    expect_rc 0
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_order "$T/t.pdf" "Schedule 2: Delegated functions" "5 Membership" "6 Co-opted members" \
        "6.1 The sub-committee may co-opt up to two further members." "7 Meetings and voting" "14 Review of the terms of reference" \
        "These terms of reference will be reviewed annually"
}

t_provenance_can_be_shown() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)" show-provenance yes
    expect_text "$T/t.pdf" "[national wording: S002 §4.3.2, §4.4.2]"
    expect_text "$T/t.pdf" "[modelled: research/domain.md §B.1"
    render "$T/n.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_no_text "$T/n.pdf" "[modelled"
}

t_bookmarks_and_contents() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample hull-2015)"
    outline_titles "$T/t.pdf" > "$T/outline"
    [ "$(wc -l < "$T/outline")" -eq 16 ] || { cat "$T/outline"; fail "expected 16 bookmarks"; }
    grep -qx "5 Membership" "$T/outline" || fail "no bookmark: 5 Membership"
    grep -qx "Schedule 2: Delegated functions" "$T/outline" || fail "no bookmark for Schedule 2"
    expect_text "$T/t.pdf" "Contents 1 Introduction" 1
    [ "$(pdf_info "$T/t.pdf" Title)" = "Terms of reference: Primary Care Commissioning Committee (Hull CCG)" ] || fail "title: $(pdf_info "$T/t.pdf" Title)"
}
