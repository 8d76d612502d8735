# tests/docs/in-common.sh — committees in common as a user writes them:
# tests/docs/in-common/arrangement.xml, South East London's six CCGs, each
# with its own joint committee with NHS England, the six meeting in common,
# one person seated on all six (member/@person) and a meeting chair.
. "$SRCDIR/tests/docs/common.inc"

A="$SRCDIR/tests/docs/in-common/arrangement.xml"

# the number of the first line of FILE holding TEXT
line_of() { grep -nF -- "$2" "$1" | head -1 | cut -d: -f1; }
CCGS="bexley bromley greenwich lambeth lewisham southwark"

t_in_common_checks_and_builds() {
    run_cocom check "$A"
    expect_rc 0
    # only what is left to record: the register and each CCG's mandate
    [ "$(grep -c ': warning: ' "$ERR")" -eq 7 ] || fail "not 7 warnings"
    [ "$(grep -c ': warning: .*\[COI-REGISTER-RECORDED' "$ERR")" -eq 1 ] || fail "not one COI-REGISTER-RECORDED warning"
    [ "$(grep -c ': warning: .*\[MANDATE-RECORDED' "$ERR")" -eq 6 ] || fail "not six MANDATE-RECORDED warnings"
    expect_no_err "JOINT-FORM"
    run_cocom build "$A" -o "$T/out"
    expect_rc 0
    [ "$(ls "$T/out"/*.pdf | wc -l)" -eq 18 ] || fail "not 18 PDFs: $(ls "$T/out")"
    for c in $CCGS; do
        tor="$T/out/nhs-$c-ccg-committee-terms-of-reference.pdf"
        pro="$T/out/nhs-$c-ccg-proforma-annex-a.pdf"
        [ -s "$tor" ] || fail "no terms of reference for $c"
        # the terms of reference of each committee in the group
        n=$(pdf_info "$pro" Title | sed -n 's/^.*: \(NHS [A-Za-z]* CCG\)$/\1/p')
        [ "$(pdf_info "$tor" Title)" = "Terms of reference (committees in common): Primary Care Joint Committee ($n)" ] \
            || fail "$c: the terms of reference are titled '$(pdf_info "$tor" Title)'"
        expect_text "$tor" "The Primary Care Joint Committee is one of the South East London Primary Care Joint Committees in common (6 committees in all)."
        expect_text "$tor" "each committee retains its individual decision-making authority, takes its own decisions and records them separately."
        expect_text "$tor" "Meetings in common shall be presided over by Sam Example (Independent Chair)."
        # the shared member, written once in <people>, printed once on each
        expect_text "$tor" "NHS England Director Jo Example NHS England Executive member Yes"
        expect_count "$tor" "Jo Example" 1
        # the proforma of each CCG
        expect_text "$pro" "Form of the joint arrangement (joint committee or committees in common) Committees in common"
        expect_text "$pro" "South East London Primary Care Joint Committees in common (6 committees) Meeting chair: Sam Example (Independent Chair)"
        expect_text "$pro" "NHS England Director Jo Example NHS England"
    done
    # each committee is its own CCG's
    expect_text "$T/out/nhs-lewisham-ccg-proforma-annex-a.pdf" "Joint committee (NHS Lewisham CCG and NHS England)"
}

# The meeting chair said four other ways; each terms of reference says it
# in the same clause.
meeting_chair_as() {
    sed "s|<meeting-chair person=\"p-meeting-chair\">|$1|" "$A" > "$T/a.xml"
    grep -qF "$1" "$T/a.xml" || fail "the meeting chair was not replaced"
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml" committee nhs-lambeth-ccg-committee
}

t_in_common_meeting_chair_by_member() {
    meeting_chair_as '<meeting-chair member="nhs-bexley-ccg-lay">'
    sed -i 's|<member id="nhs-bexley-ccg-lay" role="lay" voting="yes" org="nhs-bexley-ccg"><post>Lay Member</post></member>|<member id="nhs-bexley-ccg-lay" role="lay" voting="yes" org="nhs-bexley-ccg"><post>Lay Member</post><name>Chris Example</name></member>|' "$T/a.xml"
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml" committee nhs-lambeth-ccg-committee
    expect_text "$T/t.pdf" "Meetings in common shall be presided over by the Lay Member (Chris Example) of the Primary Care Joint Committee of NHS Bexley CCG."
}

t_in_common_meeting_chair_by_role_in_turn() {
    meeting_chair_as '<meeting-chair role="lay" rotates="yes">'
    expect_text "$T/t.pdf" "Meetings in common shall be presided over by a lay member of each committee in turn."
    meeting_chair_as '<meeting-chair rotates="yes">'
    expect_text "$T/t.pdf" "Meetings in common shall be presided over by the chair of each committee in turn."
    meeting_chair_as '<meeting-chair role="executive" org="nhse">'
    expect_text "$T/t.pdf" "Meetings in common shall be presided over by an executive member of NHS England."
}

t_in_common_meeting_chair_unsaid() {
    # Only a description: the clause is left out, and the general clause
    # on meetings in common stays.
    meeting_chair_as '<meeting-chair>'
    expect_no_text "$T/t.pdf" "Meetings in common shall be presided over"
    expect_text "$T/t.pdf" "are presided over by a single meeting chair"
}

t_in_common_person_must_resolve() {
    # A person id that names nothing, and one that names a member.
    sed '0,/person="p-director"/s||person="p-nobody"|' "$A" > "$T/a.xml"
    run_cocom check "$T/a.xml"
    expect_rc 1
    expect_err "a.xml:$(line_of "$T/a.xml" 'person="p-nobody"'): error: the member's person refers to 'p-nobody', but nothing in the arrangement has that id"
    sed '0,/person="p-director"/s||person="nhs-bexley-ccg-lay"|' "$A" > "$T/b.xml"
    run_cocom check "$T/b.xml"
    expect_rc 1
    expect_err "b.xml:$(line_of "$T/b.xml" 'person="nhs-bexley-ccg-lay"'): error: The member's person refers to 'nhs-bexley-ccg-lay', which is not a person of the arrangement's people. [REF-KIND, cocom vocabulary §1]"
    # a person and a name both: the name is written once
    sed '0,/person="p-director"><post>NHS England Director<\/post>/s||person="p-director"><post>NHS England Director</post><name>Jo Example</name>|' "$A" > "$T/d.xml"
    run_cocom check "$T/d.xml"
    expect_rc 1
    expect_err "d.xml:$(line_of "$T/d.xml" '<name>Jo Example</name></member>'): error: The NHS England Director of the Primary Care Joint Committee is held by the person 'p-director' and also has a name; write the name once, on the person, and leave it out of the member. [REF-KIND, cocom vocabulary §1]"
    # that error, the 7 warnings of the arrangement as written, the summary
    expect_err_lines 9
    sed 's|<meeting-chair person="p-meeting-chair">|<meeting-chair member="p-director">|' "$A" > "$T/c.xml"
    run_cocom check "$T/c.xml"
    expect_rc 1
    expect_err "c.xml:$(line_of "$T/c.xml" '<meeting-chair member="p-director">'): error: The meeting chair's member refers to 'p-director', which is not a member of one of the South East London Primary Care Joint Committees in common. [REF-KIND, cocom vocabulary §1]"
}

# Lines to write an answer on stay on one page (issue 18 item 3): in every
# CCG's proforma no page's body begins with a dotted line.  Before, 7.5's
# third line stood alone at the top of page 7.
t_in_common_answer_lines_kept_together() {
    render "$T/p.pdf" proforma.xsl "$A" ccg bexley
    n=$(pdf_pages "$T/p.pdf")
    found=0
    for p in $(seq 2 "$n"); do
        # the body's first line: its words are the first below the running
        # head's region, which ends at 62.4pt (12mm + 10mm)
        first=$(pdftotext -bbox -f "$p" -l "$p" "$T/p.pdf" - | awk -F'"' '/<word / && $4 + 0 > 62.4 {
                    if (y == "") y = $4; if ($4 != y) exit; t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t); printf "%s ", t }')
        [ -n "$first" ] || fail "page $p: no body text found"
        case "$first" in
            *[!.[:space:]]*) ;;
            *) fail "page $p begins with a dotted line: '$first'" ;;
        esac
        pdftotext -f "$p" -l "$p" "$T/p.pdf" - | grep -q "Risks and mitigations" && found=$p
    done
    [ "$found" -gt 0 ] || fail "7.5 not found"
}
