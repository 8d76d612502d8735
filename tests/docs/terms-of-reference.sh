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
    expect_pages "$T/t.pdf" 10
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
        "Lay Member …… Rotherham CCG Lay member Yes One vote" \
        "Lay Member [vacant] – Rotherham CCG Lay member Yes One vote" \
        "Chief Officer [proposed] Chris Edwards Rotherham CCG Executive member Yes One vote" \
        "Chief Nurse [proposed]" "Executive member (Nurse)" \
        "Chief Financial Officer [proposed]" \
        "The Chair of the Primary Care Sub-Committee is a lay member of the CCG." \
        "The Vice-Chair of the Primary Care Sub-Committee is [……]" \
        "5.7 The Primary Care Sub-Committee may invite GP advisers to attend its meetings; those invited shall not vote."
    # an acting chair is how the meeting of 1 April 2015 was chaired, not
    # an office the terms of reference appoint
    expect_no_text "$T/t.pdf" "acting"
    expect_no_text "$T/t.pdf" "1 April 2015"
}

t_weights_from_voting_shares() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    # the number of seats the report does not give is a blank to complete
    expect_text "$T/t.pdf" "CCG lay member (…… seats) – West London CCG Lay member Yes WLCCG: 50% of the voting power"
    expect_text "$T/t.pdf" "NHS England executive member (…… seats) – NHS England Executive member Yes NHS England: 50% of the voting power"
    expect_no_text "$T/t.pdf" "not stated"
}

t_schedules_and_reserved_functions() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_order "$T/t.pdf" "Schedule 1: Delegation" \
        "NHS England has delegated to the CCG authority to exercise the functions listed in Schedule 2 under section 13Z" \
        "The delegation agreement was issued in March 2015 and signed on [……]." \
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
    expect_pages "$T/t.pdf" 9
    expect_model_sections "$T/t.pdf" "Schedule 2: Joint functions"
    expect_text "$T/t.pdf" "annex D of Next steps towards primary care co-commissioning" 1
    expect_text "$T/t.pdf" "Section 14Z9 of the NHS Act, as amended by the Legislative Reform (Clinical Commissioning Groups) Order 2014"
    expect_text "$T/t.pdf" "The Primary Care Joint Committee will comprise NHS England and the CCG."
    expect_no_text "$T/t.pdf" "section 13O"
    # no members in the data: blank rows to fill in, and blanks for the model's "[ ]"
    expect_text "$T/t.pdf" "Member Name Organisation Capacity Voting Vote weight ……"
    expect_text "$T/t.pdf" "The quorum is [……] voting members."
    expect_text "$T/t.pdf" "will meet [……]."
    # A blank in a sentence ends where its brackets do: no gap before the
    # comma, no dots after (issue 18 item 5).
    expect_text "$T/t.pdf" "These terms of reference will be reviewed [……], and whenever"
    expect_text "$T/t.pdf" "Meetings of the Primary Care Joint Committee will be held [……]."
    expect_clean "$T/t.pdf" nhse $UNDATED $START
}

t_committees_in_common() {
    render "$T/cl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    render "$T/wl.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    expect_pages "$T/cl.pdf" 13
    expect_pages "$T/wl.pdf" 13
    for f in "$T/cl.pdf" "$T/wl.pdf"; do
        expect_text "$f" "is one of the North West London joint committees in common (8 committees in all)"
        expect_text "$f" "presided over by a single meeting chair; each committee retains its individual decision-making authority, takes its own decisions and records them separately."
        # the ticks the report does not give are blanks to complete
        expect_text "$f" "Determination of key decisions or requests List closure ……"
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
            last=$(grep -B1 -m1 -E "Page $p of $n\$" "$T/page.txt" | head -1 | tr -s ' ' | sed 's/^ //; s/ $//' | tr '[:upper:]' '[:lower:]')
            [ -n "$last" ] || fail "$s: page $p has no footer to find its last line by"
            ! grep -qxF -- "$last" "$T/headings.txt" || fail "$s: page $p ends with the heading '$last'"
        done
    done
}

# ---------------------------------------------------------------------
# Issue 16: papers the parties could adopt as they stand.

# Every sample's terms of reference: none of the phrases no document may
# print (tests/docs/phrases.txt, NHS England's voice) and no date after
# the document's own.
t_every_sample_clean() {
    for x in "wolverhampton-2015 wolverhampton-jc $UNDATED" "westminster-2015 clccg-jc 2015-11-01" \
             "westminster-2015 wlccg-jc 2015-11-01" "rotherham-2015 rotherham-pcsc $UNDATED" "hull-2015 hull-pccc $UNDATED"; do
        set -- $x
        render "$T/$2.pdf" terms-of-reference.xsl "$(sample "$1")" committee "$2"
        expect_clean "$T/$2.pdf" nhse "$3" $START
    done
}

# A terms of reference knows only what had happened by its date: as at
# 15 March 2015, Rotherham's agreement (issued March 2015) had not yet
# been varied (31 March 2015); Westminster's refreshed terms as at
# October 2015 know the terms agreed by June but not November's.
t_dated_facts_as_at_the_document_date() {
    render "$T/r.pdf" terms-of-reference.xsl "$(sample rotherham-2015)" as-at 2015-03-15
    expect_text "$T/r.pdf" "The delegation agreement was issued in March 2015 and signed on [……]."
    expect_no_text "$T/r.pdf" "varied"
    expect_text "$T/r.pdf" "Document control Version Date Status …… 15 March 2015 …… Contents"
    expect_clean "$T/r.pdf" nhse 2015-03-15 $START
    render "$T/w.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc as-at 2015-10-01
    expect_text "$T/w.pdf" "Date History By June 2015 Terms of reference agreed by the governing bodies. Contents"
    expect_no_text "$T/w.pdf" "November 2015"
    render "$T/e.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc as-at 2015-05-01
    expect_no_text "$T/e.pdf" "History"
}

# Document control from the data: version (blank when not given), date,
# status, and the history known at the date.
t_document_control() {
    render "$T/w.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee wlccg-jc
    expect_text "$T/w.pdf" "Document control Version Date Status …… November 2015 Proposed Date History By June 2015 Terms of reference agreed by the governing bodies. November 2015 The governing bodies considered refreshed terms of reference" 1
    sample_edit hull-2015 "$T/a.xml" 's|^  </committee>|    <terms-of-reference version="1.2" date="2015-03-20" status="approved"/>\n&|'
    render "$T/h.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_text "$T/h.pdf" "Document control Version Date Status 1.2 20 March 2015 Approved Contents" 1
}

# Narrative is not a clause: none of the arrangement's prose reaches the
# terms of reference (the sources' sentences the old output printed).
t_no_narrative_in_clauses() {
    render "$T/r.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    render "$T/w.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    for f in "$T/r.pdf" "$T/w.pdf"; do
        for s in "A late change to the agreement" "The final delegation agreement arrived" "chaired the sub-committee's meeting" \
                 "By November 2015" "met three times" "is entitled to send" "papers are co-written" "still arguable" \
                 "will contain for all meetings" "voting method will be used" "quietly supportive" "room for slippage"; do
            expect_no_text "$f" "$s"
        done
    done
    # the structured facts stand in their place
    expect_order "$T/w.pdf" "6.3 The Co-commissioning Joint Committee will aim to reach its decisions by consensus. Where it cannot, the vote of each voting member present is weighted" \
        "so that the CCG holds 50% and NHS England holds 50% of the total voting power; a decision needs a majority of the weighted votes cast."
    expect_text "$T/w.pdf" "The quorum is [……] voting members, including at least 1 lay member, at least 1 clinical member, at least 1 executive member, at least 1 member from the CCG and at least 1 member from NHS England."
    expect_text "$T/w.pdf" "5.6 A representative of the Health and Wellbeing Board (Westminster City Council) may attend meetings of the Co-commissioning Joint Committee and speak, but shall not vote. 5.7 The Co-commissioning Joint Committee may invite local stakeholders to attend its meetings; those invited shall not vote. 6 Meetings and voting"
    expect_text "$T/r.pdf" "The agreement was varied on 31 March 2015. The agreement includes"
}

# The model's text, right for the committee: Schedule 2 of a joint
# committee is its joint functions; guidance is no clause; the
# chair-absence clause follows the membership; those who attend without a
# vote are not organisations represented.
t_model_text_follows_the_committee() {
    render "$T/j.pdf" terms-of-reference.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/j.pdf" "Schedule 2: Joint functions The Primary Care Joint Committee exercises the following functions, jointly for NHS England and the CCG:"
    expect_no_text "$T/j.pdf" "Delegated functions"
    expect_no_text "$T/j.pdf" "It is for"
    expect_text "$T/j.pdf" "the voting members present will choose one of their number to chair it."
    expect_text "$T/j.pdf" "1.4 The organisations represented on the Primary Care Joint Committee are: • NHS Wolverhampton Clinical Commissioning Group • NHS England 2 Statutory framework"
    render "$T/d.pdf" terms-of-reference.xsl "$(sample rotherham-2015)"
    expect_text "$T/d.pdf" "the voting members present will choose a lay member among them to chair it."
    expect_text "$T/d.pdf" "The organisations represented on the Primary Care Sub-Committee are: • Rotherham CCG 2 Statutory framework"
}

# The activities print in the national wording of their key, so a source's
# misprint ("branch/remedial notices") never reaches the terms.
t_national_wording_of_activities() {
    sample_edit rotherham-2015 "$T/a.xml" 's|issuing breach/remedial notices|issuing branch/remedial notices|'
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_count "$T/t.pdf" "taking contractual action such as issuing breach/remedial notices, and removing a contract" 2
    expect_clean "$T/t.pdf" nhse $UNDATED $START
}

# A committee of two CCGs defines "the CCGs" once and uses the term after,
# with verbs that agree; one CCG is "the CCG".
t_defined_term_for_the_ccgs() {
    sample_edit westminster-2015 "$T/a.xml" 's|<committee id="clccg-jc" type="joint-committee" parties="central-london-ccg nhse">|<committee id="clccg-jc" type="joint-committee" parties="central-london-ccg west-london-ccg nhse">|'
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml" committee clccg-jc
    expect_count "$T/t.pdf" "Central London CCG and West London CCG (together “the CCGs”)" 1
    expect_text "$T/t.pdf" "NHS England and the CCGs have established the Co-commissioning Joint Committee"
    expect_text "$T/t.pdf" "the governing bodies of the CCGs"
    expect_text "$T/t.pdf" "those on which the CCGs take part in discussion"
    for s in "the CCG has" "the CCG takes" "the governing body of" "the area of" "the CCG must" "(“the CCG”)"; do
        expect_no_text "$T/t.pdf" "$s"
    done
    render "$T/h.pdf" terms-of-reference.xsl "$(sample hull-2015)"
    expect_count "$T/h.pdf" "Hull CCG (“the CCG”)" 1
    expect_text "$T/h.pdf" "1.3 The CCG has established the Primary Care Commissioning Committee."
    expect_no_text "$T/h.pdf" "the CCGs"
}

# The running head is the committee's name (and the CCG's), not the
# document's title; the footer has only the page number.
t_running_head_and_footer() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    flat "$T/t.pdf" 3 > "$T/p3"
    grep -qF "Co-commissioning Joint Committee Central London CCG Page 3 of 13" "$T/p3" || { cat "$T/p3"; fail "page 3's running head and footer"; }
    expect_no_text "$T/t.pdf" "Terms of reference (committees in common):"
    expect_no_text "$T/t.pdf" "Modelled on"
}

# An office taken up after the terms' date is not yet held: Rotherham's
# lay member, made substantive chair from 1 April 2015, is marked in the
# membership table of terms as at 2 April, not in those as at 1 March.
t_tor_office_holders_from_their_date() {
    sed 's|<chair member="rot-lay-1" acting="yes" date="2015-04-01">|<chair member="rot-lay-1" date="2015-04-01">|' \
        "$(sample rotherham-2015)" > "$T/a.xml"
    grep -q '<chair member="rot-lay-1" date="2015-04-01">' "$T/a.xml" || fail "the test could not make the chair substantive"
    render "$T/before.pdf" terms-of-reference.xsl "$T/a.xml" as-at 2015-03-01
    expect_no_text "$T/before.pdf" "(Chair)"
    render "$T/after.pdf" terms-of-reference.xsl "$T/a.xml" as-at 2015-04-02
    expect_text "$T/after.pdf" "Lay Member (Chair)"
}

# six_long_names OUT: `cocom new`'s joint starter for the six South West
# London CCGs under their full, long names and no short names.
six_long_names() {
    set -- "$1" --model joint
    for n in Croydon=07V Kingston=08J Merton=08R Richmond=08P Sutton=08T Wandsworth=08X; do
        set -- "$@" --ccg "NHS ${n%=*} Clinical Commissioning Group=${n#*=}"
    done
    out=$1; shift
    run_cocom new "$@" -o "$out"
    expect_rc 0
}

# The running header of six CCGs fits its region by design (issue 18 item
# 2): their names if they fit, else their short names, else "The clinical
# commissioning groups" — a head that overflows is an error for cocom's own
# documents (their regions say overflow="error-if-overflow").
t_running_head_of_six_ccgs_fits() {
    six_long_names "$T/six.xml"
    render "$T/long.pdf" terms-of-reference.xsl "$T/six.xml"
    pdftotext -layout -f 2 -l 2 "$T/long.pdf" - | head -3 > "$T/head.txt"
    grep -q "Joint Committee  *The clinical commissioning groups$" "$T/head.txt" || { cat "$T/head.txt"; fail "the head of six long names"; }
    sed -E 's|<name>NHS ([A-Za-z]+) Clinical Commissioning Group</name>|&<short-name>\1 CCG</short-name>|' "$T/six.xml" > "$T/short.xml"
    [ "$(grep -c '<short-name>' "$T/short.xml")" -eq 6 ] || fail "the test could not give the CCGs short names"
    render "$T/short.pdf" terms-of-reference.xsl "$T/short.xml"
    expect_order "$T/short.pdf" "Croydon CCG, Kingston CCG, Merton CCG, Richmond CCG, Sutton CCG and Wandsworth CCG"
    # Every word of the head lies inside its region: the page's top margin
    # is 12mm (34pt), the region 10mm (28.3pt), so it ends at 62.4pt; the
    # body starts 15mm below the margin.
    pdftotext -bbox -f 2 -l 2 "$T/short.pdf" - > "$T/words.html"
    [ "$(awk -F'"' '/<word / && $4 + 0 < 62.4' "$T/words.html" | wc -l)" -ge 10 ] || fail "the head's words are not where the test looks"
    awk -F'"' '/<word / && $4 + 0 < 76 { if ($8 + 0 > 62.9) { print "a word of the head ends at " $8; bad = 1 } } END { exit bad }' \
        "$T/words.html" || fail "a line of the head runs out of its region"
}

# The last page of the terms of reference holds more than Schedule 2's
# last lead-in and its one bullet (issue 18 item 3): the paragraph of
# involvement keeps with the reserved functions before it.
t_schedule_end_not_alone_on_a_page() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample westminster-2015)" committee clccg-jc
    pages=$(pdfinfo "$T/t.pdf" | awk '/^Pages:/ { print $2 }')
    pdftotext -layout -f "$pages" -l "$pages" "$T/t.pdf" - > "$T/last.txt"
    grep -q "Pharmacy, eye health and dental commissioning" "$T/last.txt" || fail "the involvement paragraph is not on the last page"
    grep -q "Terms of GMS contracts" "$T/last.txt" || { cat "$T/last.txt"; fail "the last page holds the involvement paragraph alone"; }
}

# Signature blocks are never split across pages (issue 18 item 3): with
# six CCGs the signatures take more than a page, so the section is not
# kept whole (which left the formatter free to break inside a block);
# each block is, and every page has as many "Date" lines as "Signed".
t_six_signature_blocks_each_whole() {
    six_long_names "$T/six.xml"
    render "$T/t.pdf" terms-of-reference.xsl "$T/six.xml"
    pages=$(pdfinfo "$T/t.pdf" | awk '/^Pages:/ { print $2 }')
    total=0
    p=1
    while [ $p -le "$pages" ]; do
        pdftotext -layout -f $p -l $p "$T/t.pdf" - > "$T/p.txt"
        s=$(grep -c '^ *Signed *$' "$T/p.txt" || true)
        d=$(grep -c '^ *Date  ' "$T/p.txt" || true)
        [ "$s" -eq "$d" ] || fail "page $p: $s 'Signed' but $d 'Date': a signature block is split"
        total=$((total + s))
        p=$((p + 1))
    done
    [ $total -eq 7 ] || fail "$total signature blocks, expected 7 (NHS England and six CCGs)"
}

# --- What real terms of reference hold (issue 17, part 3) ----------------
# tests/docs/many/six-ccgs.xml: six CCGs and NHS England in one joint
# committee, terms dated 3 September 2015 (version 5).
SIX="$SRCDIR/tests/docs/many/six-ccgs.xml"

# six_edit OUT SCRIPT: a copy of the six-CCG fixture edited by sed; fails
# if the script changes nothing.
six_edit() {
    sed -e "$2" "$SIX" > "$1"
    ! cmp -s "$SIX" "$1" || fail "the edit '$2' changed nothing in six-ccgs.xml"
}

# A quorum that needs members from N different CCGs, on top of the
# minimum and the requirements; all of them: "each of the CCGs".
t_quorum_by_distinct_ccgs() {
    render "$T/t.pdf" terms-of-reference.xsl "$SIX"
    expect_order "$T/t.pdf" "7.1 The quorum is 7 voting members, including at least 1 member from NHS England (London)." \
        "7.2 For a meeting to be quorate, the voting members present shall include members from at least 4 of the CCGs." \
        "7.3 If members are excluded from an item"
    six_edit "$T/a.xml" 's|distinct-ccgs="4"|distinct-ccgs="6"|'
    render "$T/a.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_text "$T/a.pdf" "7.2 For a meeting to be quorate, the voting members present shall include members from each of the CCGs."
    six_edit "$T/b.xml" 's| distinct-ccgs="4"||'
    render "$T/b.pdf" terms-of-reference.xsl "$T/b.xml"
    expect_no_text "$T/b.pdf" "quorate, the voting members present"
    expect_text "$T/b.pdf" "7.2 If members are excluded from an item"
}

# Document control: the version history (version, date, what changed,
# who approved it) as known at the terms' date, and the next review.
# Version 6 (May 2016) is later than these terms (3 September 2015).
t_version_history_and_next_review() {
    render "$T/t.pdf" terms-of-reference.xsl "$SIX"
    expect_text "$T/t.pdf" "Document control Version Date Status Next review 5 3 September 2015 Approved 14 May 2016 Version Date History Approved by 1 14 May 2015 First terms of reference of the joint committee. Croydon CCG, Kingston CCG, Merton CCG, Richmond CCG, Sutton CCG, Wandsworth CCG and NHS England 5 3 September 2015 Quorum to include members from at least four of the CCGs. South West London Primary Care Commissioning Joint Committee Contents" 1
    expect_no_text "$T/t.pdf" "Annual review."
    expect_order "$T/t.pdf" "13.1 These terms of reference will be reviewed annually," \
        "13.2 The next review of these terms of reference shall be completed by 14 May 2016."
    expect_clean "$T/t.pdf" nhse 2015-09-03 2016-05-14
    # as at June 2016 the sixth version is known
    render "$T/l.pdf" terms-of-reference.xsl "$SIX" as-at 2016-06-01
    expect_text "$T/l.pdf" "6 12 May 2016 Annual review. South West London Primary Care Commissioning Joint Committee Contents" 1
}

# Which party hosts the secretariat and the staff, and whose standing
# orders the meetings follow; one CCG is "the CCG", and without them the
# model's words stand.
t_secretariat_and_standing_orders() {
    render "$T/t.pdf" terms-of-reference.xsl "$SIX"
    expect_order "$T/t.pdf" "6.1 The South West London Primary Care Commissioning Joint Committee shall adopt the standing orders of NHS Merton CCG insofar as they relate to the notice of meetings" \
        "6.2 The secretariat of the South West London Primary Care Commissioning Joint Committee, and the staff who support it, shall be hosted by NHS Wandsworth CCG." \
        "6.3 Meetings will be called by the Chair."
    six_edit "$T/a.xml" 's|<standing-orders of="merton"/>|<standing-orders of="nhse"/>|; s|<secretariat host="wandsworth"/>||'
    render "$T/a.pdf" terms-of-reference.xsl "$T/a.xml"
    expect_text "$T/a.pdf" "shall adopt the standing orders of NHS England insofar"
    expect_no_text "$T/a.pdf" "secretariat"
    sample_edit hull-2015 "$T/h.xml" 's|^  </committee>|    <terms-of-reference><standing-orders of="hull-ccg"/><secretariat host="hull-ccg"/></terms-of-reference>\n&|'
    render "$T/h.pdf" terms-of-reference.xsl "$T/h.xml"
    expect_text "$T/h.pdf" "6.2 The secretariat of the Primary Care Commissioning Committee, and the staff who support it, shall be hosted by the CCG."
}

# The schedules begin on a new page, and Schedule 2 follows Schedule 1 on
# it: a short Schedule 1 does not stand alone on a mostly empty page (issue
# 18 item 3).
t_short_schedule_1_not_alone_on_a_page() {
    render "$T/t.pdf" terms-of-reference.xsl "$(sample hull-2015)"
    n=$(pdf_pages "$T/t.pdf")
    s1=; s2=
    for p in $(seq 1 "$n"); do
        pdftotext -f "$p" -l "$p" "$T/t.pdf" - > "$T/p.txt"
        grep -q '^Schedule 1: Delegation$' "$T/p.txt" && s1=$p
        grep -q '^Schedule 2: Delegated functions$' "$T/p.txt" && s2=$p
    done
    [ -n "$s1" ] && [ -n "$s2" ] || fail "schedule headings not found (pages '$s1' '$s2')"
    [ "$s1" = "$s2" ] || fail "Schedule 1 is alone on page $s1, Schedule 2 begins page $s2"
    # ... and the schedules still begin a page of their own.
    pdftotext -f "$s1" -l "$s1" "$T/t.pdf" - | grep -v '^Primary Care Commissioning Committee$\|^Hull CCG$\|^[[:space:]]*$' | head -1 |
        grep -q '^Schedule 1: Delegation$' || fail "Schedule 1 does not begin page $s1"
}

# A committee's name too long for the head's two lines (98 characters,
# issue 18 item 2): the head names the committee by its short name when it
# has one, else by the document's name, and the build succeeds (before, the
# head ran to three lines and the build stopped with no documents).
t_running_head_of_a_long_committee_name() {
    long='Primary Care Co-commissioning Committee of NHS Horsham and Mid Sussex Clinical Commissioning Group'
    sed "s|<name>Primary Care Commissioning Committee of Horsham and Mid Sussex CCG</name>|<name>$long</name>|" \
        "$SRCDIR/tests/docs/delegated-no-gp-vote/arrangement.xml" > "$T/long.xml"
    grep -qF "$long" "$T/long.xml" || fail "the test could not lengthen the committee's name"
    render "$T/t.pdf" terms-of-reference.xsl "$T/long.xml" committee hmsx-pccc
    pdftotext -layout -f 2 -l 2 "$T/t.pdf" - | head -2 > "$T/head.txt"
    grep -q "^Terms of reference  *Horsham and Mid Sussex CCG$" "$T/head.txt" || { cat "$T/head.txt"; fail "the head of a long committee name"; }
    sed "s|<name>$long</name>|&<short-name>Horsham and Mid Sussex Primary Care Committee</short-name>|" "$T/long.xml" > "$T/short.xml"
    render "$T/s.pdf" terms-of-reference.xsl "$T/short.xml" committee hmsx-pccc
    pdftotext -layout -f 2 -l 2 "$T/s.pdf" - | head -2 > "$T/head.txt"
    grep -q "^Horsham and Mid Sussex Primary Care Committee  *Horsham and Mid Sussex CCG$" "$T/head.txt" ||
        { cat "$T/head.txt"; fail "the head does not use the committee's short name"; }
}

# A contents entry one line long with its title: the title's last word
# goes over with the dots and the page number, never the dots alone (a line
# of dots reads as a blank to fill in).
t_contents_entry_never_leaves_its_dots_alone() {
    render "$T/t.pdf" terms-of-reference.xsl "$SRCDIR/tests/docs/delegated-no-gp-vote/arrangement.xml" committee hmsx-pccc
    pdftotext -layout -f 1 -l 1 "$T/t.pdf" - > "$T/p1.txt"
    grep -q "^3 Role of the Primary Care Commissioning Committee of Horsham and Mid Sussex$" "$T/p1.txt" ||
        { cat "$T/p1.txt"; fail "the entry does not wrap where the test expects"; }
    if grep -nE '^[. ]+[0-9]+$' "$T/p1.txt"; then fail "a contents line holds only dots and a page number"; fi
    grep -qE '^CCG( \.)+ +3$' "$T/p1.txt" || fail "the entry's last word is not with its dots"
}
