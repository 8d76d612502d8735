# tests/docs/terms-of-reference.sh — the terms of reference of each
# committee: annex F (delegated) and annex D (joint, and committees in common).
. "$SRCDIR/tests/docs/common.inc"

MODELLED="Modelled on Next steps towards primary care co-commissioning (NHS England, November 2014), not a copy of the national form."

SECTIONS="Introduction|Statutory framework|Role of the|Geographical coverage|Membership|Meetings and voting|Quorum|Frequency of meetings and meetings in public|Conflicts of interest|Accountability and reporting|Procurement of agreed services|Decisions|Review of the terms of reference"

# The model's sections, numbered 1 … 13, in order, after the contents list.
expect_model_sections() {
    file=$1
    set -- "Schedule 2: Delegated functions"
    n=0
    IFS='|'
    for s in $SECTIONS; do
        n=$((n + 1))
        set -- "$@" "$n $s"
    done
    unset IFS
    set -- "$@" "Signatures" "Schedule 1: Delegation" "Schedule 2: Delegated functions"
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
    expect_text "$T/t.pdf" "It must be chaired by a lay member and have a lay and executive majority."
    expect_text "$T/t.pdf" "established as a sub-committee of Rotherham CCG in accordance with Schedule 1A"
    expect_no_text "$T/t.pdf" "meet in common"
    expect_count "$T/t.pdf" "$MODELLED" 11
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
        "Lay Member (Chair, acting)" "Rotherham CCG Lay member Yes One vote" \
        "Lay Member [vacant] – Rotherham CCG Lay member Yes One vote" \
        "Chief Officer [proposed] Chris Edwards Rotherham CCG Executive member Yes One vote" \
        "Chief Nurse [proposed]" "Executive member (Nurse)" \
        "Chief Financial Officer [proposed]" \
        "The Chair of the Primary Care Sub-Committee is the Lay Member (acting). A lay member chaired the sub-committee's meeting of 1 April 2015 as acting chair." \
        "The Vice-Chair of the Primary Care Sub-Committee is . . ." \
        "The following attend the Primary Care Sub-Committee without a vote:" "GP advisers: non-voting advisor, invited locally"
}

t_weights_from_voting_shares() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    expect_text "$T/t.pdf" "CCG lay member (number of seats not stated) – West London CCG Lay member Yes WLCCG: 50% of the voting power"
    expect_text "$T/t.pdf" "NHS England executive member (number of seats not stated) – NHS England Executive member Yes NHS England: 50% of the voting power"
}

t_schedules_and_reserved_functions() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_order "$T/t.pdf" "Schedule 1: Delegation" \
        "NHS England has delegated to Rotherham CCG authority to exercise the functions listed in Schedule 2 under section 13Z" \
        "The delegation agreement was issued in March 2015 and signed on . . ." \
        "31 March 2015: A late change to the agreement." \
        "Schedule 7: Local memorandum of understanding on workforce arrangements" \
        "Schedule 2: Delegated functions" \
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
    expect_pages "$T/t.pdf" 9
    expect_model_sections "$T/t.pdf"
    expect_text "$T/t.pdf" "annex D of Next steps towards primary care co-commissioning" 1
    expect_text "$T/t.pdf" "Section 14Z9 of the NHS Act, as amended by the Legislative Reform (Clinical Commissioning Groups) Order 2014"
    expect_text "$T/t.pdf" "The Primary Care Joint Committee will comprise NHS England and NHS Wolverhampton Clinical Commissioning Group."
    expect_no_text "$T/t.pdf" "section 13O"
    # no members in the data: blank rows to fill in, and blanks for the model's "[ ]"
    expect_text "$T/t.pdf" "Member Name Organisation Capacity Voting Vote weight . . ."
    expect_text "$T/t.pdf" "The quorum is . . ."
    expect_text "$T/t.pdf" "will meet . . ."
    expect_text "$T/t.pdf" "Meetings of the Primary Care Joint Committee will be held . . ."
}

t_committees_in_common() {
    render "$T/cl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    render "$T/wl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    expect_pages "$T/cl.pdf" 14
    expect_pages "$T/wl.pdf" 14
    for f in "$T/cl.pdf" "$T/wl.pdf"; do
        expect_text "$f" "Terms of reference (committees in common): Co-commissioning Joint Committee" 1
        expect_text "$f" "is one of the North West London joint committees in common (8 committees in all)"
        expect_text "$f" "presided over by a single meeting chair; each committee retains its individual decision-making authority, takes its own decisions and records them separately."
        expect_text "$f" "Determination of key decisions or requests List closure"
        expect_text "$f" "Meetings of the Co-commissioning Joint Committee will be held in public."
    done
    expect_text "$T/cl.pdf" "At a meeting in common, the Co-commissioning Joint Committee takes decisions only for Central London CCG."
    expect_text "$T/wl.pdf" "At a meeting in common, the Co-commissioning Joint Committee takes decisions only for West London CCG."
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
    expect_text "$T/t.pdf" "[national wording: S002 §4.4.2]"
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

# The contents list's page numbers: each section and schedule starts on the
# page the list gives it, for a delegated committee, a joint committee and
# committees in common.
t_contents_page_numbers_are_where_the_headings_are() {
    render "$T/h.pdf" terms-of-reference.xsl "$(sample hull-2015)"
    expect_contents_pages "$T/h.pdf" 1
    render "$T/w.pdf" terms-of-reference.xsl "$(sample wolverhampton-2015)"
    expect_contents_pages "$T/w.pdf" 1
    render "$T/c.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    expect_contents_pages "$T/c.pdf" 1
}

# In a real document, not only in small FO fixtures: every page says
# "Page P of N" with its own number and the true count (page-number and
# page-number-citation-last), and no page ends with a heading (headings
# keep with the next block): the last line above a page's footer is not
# one of the document's headings (its bookmark titles).
t_page_numbers_and_keeps_in_a_real_document() {
    # Pages of four heights, so that many headings fall near a page's foot.
    for s in hull-2015:297mm wolverhampton-2015:297mm hull-2015:240mm hull-2015:200mm hull-2015:170mm; do
        h=${s#*:}; s=${s%:*}
        render "$T/$s.pdf" terms-of-reference.xsl "$(sample $s)" page-height "$h"
        f="$T/$s.pdf"; s="$s ($h)"
        n=$(pdf_pages "$f")
        [ "$n" -ge 5 ] || fail "$s: only $n pages"
        outline_titles "$f" | tr '[:upper:]' '[:lower:]' | tr -s ' ' > "$T/headings.txt"
        [ "$(wc -l < "$T/headings.txt")" -ge 10 ] || fail "$s: too few headings to check"
        for p in $(seq 1 "$n"); do
            pdftotext -layout -f "$p" -l "$p" "$f" - | sed '/^[[:space:]]*$/d' > "$T/page.txt"
            grep -qE "Page $p of $n\$" "$T/page.txt" || { cat "$T/page.txt"; fail "$s: page $p does not say 'Page $p of $n'"; }
            [ "$p" -lt "$n" ] || continue
            last=$(grep -B1 -m1 '^Modelled on' "$T/page.txt" | head -1 | tr -s ' ' | sed 's/^ //; s/ $//' | tr '[:upper:]' '[:lower:]')
            [ -n "$last" ] || fail "$s: page $p has no footer to find its last line by"
            ! grep -qxF -- "$last" "$T/headings.txt" || fail "$s: page $p ends with the heading '$last'"
        done
    done
}
