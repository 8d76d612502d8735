# The national rules, one fixture each: tests/rules/fixtures/RULE-ID.xml (in
# lower case) breaks that rule and only it.  Each test asserts the exit
# status, the whole finding (file, line of the element at fault, severity,
# message, rule id and source) and that nothing else is reported.  The two
# clean fixtures, which every other fixture is made from, keep every rule.

. "$SRCDIR/tests/rules/helpers.inc"

t_clean_delegated_has_no_finding() {
    run_cocom check --warnings-as-errors "$F/clean-delegated.xml"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    expect_err_lines 1
}

t_clean_joint_has_no_finding() {
    run_cocom check --warnings-as-errors "$F/clean-joint.xml"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    expect_err_lines 1
}

t_del_lay_chair() {
    f=$F/del-lay-chair.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<chair member="gp1"/>' error "The Primary Care Commissioning Committee is chaired by Dr Ann Example (GP Member), a clinical member; a delegated committee must be chaired by a lay member. [DEL-LAY-CHAIR, Next steps §4.4.2]"
    expect_err_lines 2
}

t_del_lay_exec_majority() {
    f=$F/del-lay-exec-majority.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="pccc"' error "The Primary Care Commissioning Committee has 3 lay and executive voting members out of 6; a delegated committee must have a lay and executive majority. [DEL-LAY-EXEC-MAJORITY, Next steps §4.4.2]"
    expect_err_lines 2
}

t_seat_non_voting() {
    f=$F/seat-non-voting.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<member id="hwb-rep"' error "Example Health and Wellbeing Board has a vote on the Primary Care Commissioning Committee (Health and Wellbeing Board representative); Healthwatch and the Health and Wellbeing Board join as non-voting attendees. [SEAT-NON-VOTING, Next steps §4.3.2, §4.4.2]"
    expect_err_lines 2
}

t_seat_missing() {
    f=$F/seat-missing.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="pccc"' warning "The Primary Care Commissioning Committee has no seat for Healthwatch, which has the right to join it as a non-voting attendee. [SEAT-MISSING, Next steps §4.3.2, §4.4.2]"
    expect_err "1 file valid (1 warning)"
    expect_err_lines 2
}

t_clinical_involvement() {
    f=$F/clinical-involvement.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="pccc"' warning "No clinician sits on the Primary Care Commissioning Committee; clinical involvement is to be retained in a joint or delegated committee. [CLINICAL-INVOLVEMENT, Next steps §4.3.2, §4.4.2]"
    expect_err_lines 2
}

t_committee_membership() {
    f=$F/committee-membership.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="pccc"' warning "The Primary Care Commissioning Committee lists no members, so its chair, majority, clinicians and quorum cannot be checked. [COMMITTEE-MEMBERSHIP, Next steps §4.3.2, §4.4.2]"
    expect_err_lines 2
}

t_gi_no_committee() {
    f=$F/gi-no-committee.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="pccc"' warning "The Primary Care Commissioning Committee is declared as a committee, but greater involvement needs no new governance arrangements and gives the CCG no decisions to take. [GI-NO-COMMITTEE, Next steps §4.2.2]"
    expect_err_lines 2
}

t_joint_form() {
    f=$F/joint-form.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<model kind="joint"' error "The joint arrangement does not say whether it works through a joint committee or committees in common (give joint-form). [JOINT-FORM, Next steps §4.3.2 and note 2]"
    expect_err_lines 2
}

t_vote_weights() {
    # Both parties' shares are wrong: two findings, one per share.
    f=$F/vote-weights.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<share party="ccg"' error "The members of Example CCG hold 60% of the weighted vote on the Primary Care Joint Committee (3 of 5), but the arrangement states 50%. [VOTE-WEIGHTS, Westminster report §4.4]"
    expect_finding "$f" '<share party="nhse"' error "The members of NHS England hold 40% of the weighted vote on the Primary Care Joint Committee (2 of 5), but the arrangement states 50%. [VOTE-WEIGHTS, Westminster report §4.4]"
    expect_err_lines 3
}

t_quorum_meetable() {
    f=$F/quorum-meetable.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<requirement at-least="3" professions="gp"/>' error "The quorum of the Primary Care Commissioning Committee needs at least 3 present of its voting GPs, but the committee has only 2. [QUORUM-MEETABLE, Next steps annexes D, F]"
    expect_err_lines 2
}

t_quorum_conflicts() {
    f=$F/quorum-conflicts.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<requirement at-least="1" professions="gp"/>' warning "When the members of the Primary Care Commissioning Committee conflicted on General practice commissioning withdraw (Dr Ann Example (GP Member) and the GP Member), none of its voting GPs remain; its quorum needs at least 1. [QUORUM-CONFLICTS, Next steps §4.4.2, §6]"
    expect_err_lines 2
}

t_reserved_functions() {
    f=$F/reserved-functions.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'key="performers-list-appraisal-revalidation"' error "Medical performers list, appraisal, revalidation is delegated here, but it is reserved to NHS England in every model. [RESERVED-FUNCTIONS, Next steps §4.1.4]"
    expect_err_lines 2
}

t_pharmacy_eye_dental() {
    f=$F/pharmacy-eye-dental.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'key="pharmacy-eye-dental-commissioning"' error "Pharmacy, eye health and dental commissioning is delegated here; in 2015/16 CCGs may discuss pharmacy, eye health and dental commissioning but have no decision-making role. [PHARMACY-EYE-DENTAL, Next steps §4.1.1]"
    expect_err_lines 2
}

t_del_standard_set() {
    f=$F/del-standard-set.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'key="complaints-management"' error "Complaints management is retained here; a delegated arrangement delegates the whole standard set of functions, with no menu to choose from. [DEL-STANDARD-SET, Next steps §4.4.1; LMC FAQ 3, 10]"
    expect_err_lines 2
}

t_joint_lis_agreement() {
    f=$F/joint-lis-agreement.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'key="local-incentive-schemes"' error "Design and implementation of local incentives schemes is delegated here, but in a joint arrangement local incentive schemes are subject to joint agreement with the area team. [JOINT-LIS-AGREEMENT, Next steps §4.1.5]"
    expect_err_lines 2
}

t_scope_model() {
    f=$F/scope-model.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'key="budget-management"' error "General practice budget management is delegated here, but a joint arrangement commissions jointly with the area team; only a delegated arrangement delegates. [SCOPE-MODEL, Next steps §4.1.5, §4.4.2]"
    expect_err_lines 2
}

t_mandate_recorded() {
    f=$F/mandate-recorded.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<mandate ccg="ccg">' warning "For Example CCG, the arrangement does not record the vote of its member practices; a delegated arrangement needs the member practices' vote, the governing body's approval and a request to change the constitution. [MANDATE-RECORDED, Westminster report §4.7; LMC FAQ 5; Next steps §1]"
    expect_err_lines 2
}

t_mandate_given() {
    f=$F/mandate-given.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<member-vote' error "The member practices of Example CCG voted against the delegated model; the arrangement has no mandate. [MANDATE-GIVEN, Westminster report §4.7; LMC FAQ 5; Next steps §1]"
    expect_err_lines 2
}

t_mandate_ccg() {
    f=$F/mandate-ccg.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<mandate ccg="ccg"> <!-- again -->' error "Example CCG has more than one mandate; each CCG's members give one. [MANDATE-CCG, LMC ballot paper; Westminster report §4.1]"
    expect_err_lines 2
}

t_ballot_one_model() {
    f=$F/ballot-one-model.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ballot-return practice="p1" model="joint"/>' error "Example Practice 1 returned more than one ballot (delegated, then joint); a practice's ballot names exactly one model. [BALLOT-ONE-MODEL, LMC ballot paper]"
    expect_err_lines 2
}

t_ballot_turnout() {
    f=$F/ballot-turnout.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<mandate ccg="ccg">' warning "2 of the 5 member practices of Example CCG returned a ballot (40%), not a majority of the membership; the returns cannot show the explicit support of the member practices that the LMC asks a CCG to obtain. [BALLOT-TURNOUT, LMC FAQ 5; LMC ballot paper; Next steps §1 (no number is given: more than half of the member practices)]"
    expect_err "1 file valid (1 warning)"
    expect_err_lines 2
}

t_mandate_result() {
    f=$F/mandate-result.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<member-vote' warning "The member practices of Example CCG are recorded as in favour of the delegated model, but the ballot returns do not show it: 1 of the 2 member practices returned a ballot for it, not a majority. [MANDATE-RESULT, LMC FAQ 5; LMC ballot paper]"
    expect_err "1 file valid (1 warning)"
    expect_err_lines 2
}

t_deadline() {
    f=$F/deadline.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<submission' warning "The proforma was submitted on 12 January 2015, after the deadline for delegated arrangements of 9 January 2015. [DEADLINE, LMC FAQ 4; Capsticks column]"
    expect_err_lines 2
}

t_year_deadline() {
    f=$F/year-deadline.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<deadline model="delegated"' warning "The arrangement gives 9 January 2015 as the deadline for delegated applications, but the national deadline for 2016/17 was 6 November 2015 (South Staffordshire LMC, sslmcs.co.uk/cocommissioning (research/domain-2.md §1.1)). [YEAR-DEADLINE, the year's application round (templates/functions-YYYY-YY.xml)]"
    expect_err_lines 2
}

t_year_start() {
    f=$F/year-start.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<model kind="delegated"' warning "The arrangement starts on 1 July 2015, but delegated commissioning for 2015/16 began on 1 April 2015 (Next steps §7.4; research/domain.md §A.3, §F). [YEAR-START, the year's application round (templates/functions-YYYY-YY.xml)]"
    expect_err_lines 2
}

t_proforma_annex() {
    f=$F/proforma-annex.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<submission' error "The submission is annex A, the joint commissioning proforma, but the arrangement is delegated (annex B). [PROFORMA-ANNEX, Next steps §1, §7.3.1, §7.4.1]"
    expect_err_lines 2
}

t_dates() {
    f=$F/dates.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<governing-body-approval' error "The approval by the governing body of Example CCG is dated 15 April 2015, after the arrangement started on 1 April 2015. [DATES, Next steps §7]"
    expect_err_lines 2
}

t_del_ccg_committee() {
    f=$F/del-ccg-committee.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="pccc"' error "The Primary Care Commissioning Committee is a joint committee of Example CCG and NHS England, but under delegated commissioning NHS England delegates its functions to the CCG, which oversees them through a primary care commissioning committee of its own (a joint committee is joint commissioning). [DEL-CCG-COMMITTEE, Next steps §4.4.2]"
    expect_err_lines 2
}

t_as_at() {
    f=$F/as-at.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<event status="applied">' warning "This event has neither a date nor a known-by date, so no dated document (proforma, terms of reference, report, ballot) shows it. [AS-AT, cocom vocabulary §3, 17]"
    expect_finding "$f" '<governing-body-approval' warning "The approval by the governing body of Example CCG is dated 20 January 2015, after the proforma was submitted on 8 January 2015: the proforma, which asks for it, shows it as a blank. [AS-AT, cocom vocabulary §3, 17]"
    expect_err "1 file valid (2 warnings)"
    expect_err_lines 3
}

t_coi_register() {
    f=$F/coi-register.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<register' error "The arrangement says the register of interests is not published; CCGs must publish it or make arrangements for the public to see it. [COI-REGISTER, Next steps §6.1]"
    expect_err_lines 2
}

t_coi_register_recorded() {
    # No conflicts-of-interest element at all: the finding points at the
    # arrangement itself.
    f=$F/coi-register-recorded.xml
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<arrangement ' warning "The arrangement does not record a register of interests; CCGs must keep registers of interests and publish them, and co-commissioning makes conflicts more frequent. [COI-REGISTER-RECORDED, Next steps §6.1]"
    expect_err_lines 2
}

t_ref_kind() {
    f=$F/ref-kind.xml
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ballot-return practice="lay2"' error "The ballot-return's practice refers to 'lay2', which is not a member practice. [REF-KIND, cocom vocabulary §1]"
    expect_err_lines 2
}

t_five_rules_five_findings_in_document_order() {
    f=$F/five-rules.xml
    run_cocom check "$f"
    expect_rc 1
    expect_err "1 of 1 file failed (4 errors, 1 warning)"
    expect_err_lines 6
    b=five-rules.xml
    printf '%s\n' \
        "$b:$(line_of "$f" '<submission'):PROFORMA-ANNEX" \
        "$b:$(line_of "$f" '<ballot-return practice="p1" model="joint"/>'):BALLOT-ONE-MODEL" \
        "$b:$(line_of "$f" '<committee id="pccc"'):SEAT-MISSING" \
        "$b:$(line_of "$f" '<chair member="co"/>'):DEL-LAY-CHAIR" \
        "$b:$(line_of "$f" 'key="pharmacy-eye-dental-commissioning"'):PHARMACY-EYE-DENTAL" > "$T/expected"
    sed -nE 's|^.*/([^/]+:[0-9]+): [a-z]+: .* \[([A-Z-]+), .*\]$|\1:\2|p' "$ERR" > "$T/got"
    diff "$T/expected" "$T/got" || fail "the five findings are not the five expected, in document order"
    expect_finding "$f" '<chair member="co"/>' error "The Primary Care Commissioning Committee is chaired by the Chief Officer, an executive member; a delegated committee must be chaired by a lay member. [DEL-LAY-CHAIR, Next steps §4.4.2]"
}

t_every_rule_has_a_fixture() {
    run_cocom rules
    expect_rc 0
    n=0
    for id in $(awk 'NR > 1 {print $1}' "$OUT"); do
        lower=$(echo "$id" | tr 'A-Z' 'a-z')
        [ -f "$F/$lower.xml" ] || fail "rule $id has no fixture tests/rules/fixtures/$lower.xml"
        grep -q "^t_$(echo "$lower" | tr '-' '_')()" "$SRCDIR/tests/rules/fixtures.sh" \
            || fail "rule $id has no test t_$(echo "$lower" | tr '-' '_') in tests/rules/fixtures.sh"
        n=$((n + 1))
    done
    [ "$n" -ge 16 ] || fail "only $n rules listed"
}
