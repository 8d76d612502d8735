# The national rules' other branches, both ways: a clean fixture changed in
# one place with sed, in $T.  Where the change keeps the rule, the test
# says so and asserts no finding.

. "$SRCDIR/tests/rules/helpers.inc"

# --- the committee ------------------------------------------------------

t_del_lay_chair_no_chair() {
    f=$(broken delegated)
    sed -i '/<chair member="lay1"\/>/d' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="pccc"' error "The Primary Care Commissioning Committee names no chair; a delegated committee must be chaired by a lay member. [DEL-LAY-CHAIR, Next steps §4.4.2]"
    expect_err_lines 2
}

t_del_lay_chair_by_role_and_unknown() {
    f=$(broken delegated)
    sed -i 's|<chair member="lay1"/>|<chair role="lay" org="ccg"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
    sed -i 's|<chair role="lay" org="ccg"/>|<chair><description>To be decided.</description></chair>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<chair>' note "The Primary Care Commissioning Committee names neither the chair's seat nor the chair's role, so the lay chair cannot be checked. [DEL-LAY-CHAIR, Next steps §4.4.2]"
}

t_del_lay_chair_applies_to_delegated_only() {
    f=$(broken joint)
    sed -i 's|<chair role="lay" org="ccg"/>|<chair member="gp"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_majority_with_unstated_counts_is_a_note() {
    f=$(broken delegated)
    sed -i 's|<member id="gp2" role="clinical" voting="yes" org="ccg" profession="gp">|<member id="gp2" role="clinical" voting="yes" org="ccg" profession="gp" count="unstated">|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="pccc"' note "The lay and executive majority of the Primary Care Commissioning Committee cannot be checked: the GP Member has an unstated number of seats. [DEL-LAY-EXEC-MAJORITY, Next steps §4.4.2]"
    expect_err "1 file valid (0 warnings)"
}

t_majority_certain_despite_unstated_counts() {
    # Unstated lay seats stand for at least one each: 4 or more lay and
    # executive members against 2 GPs is a majority whatever the numbers.
    f=$(broken delegated)
    sed -i 's|<member id="lay2" role="lay" voting="yes" org="ccg">|<member id="lay2" role="lay" voting="yes" org="ccg" count="unstated">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_majority_counts_seats_and_ignores_non_voting() {
    # Three GP seats (count="3") and a non-voting fourth: 4 against 4.
    f=$(broken delegated)
    sed -i 's|<member id="gp2" role="clinical" voting="yes" org="ccg" profession="gp">|<member id="gp2" role="clinical" voting="yes" org="ccg" profession="gp" count="3">|' "$f"
    sed -i 's|    <chair member="lay1"/>|    <member id="gp3" role="clinical" voting="no" org="ccg" profession="gp"><post>GP Adviser</post></member>\n    <chair member="lay1"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "has 4 lay and executive voting members out of 8; a delegated committee must have a lay and executive majority. [DEL-LAY-EXEC-MAJORITY"
}

t_seat_non_voting_for_healthwatch_in_a_joint_committee() {
    f=$(broken joint)
    sed -i 's|    <chair role="lay" org="ccg"/>|    <member id="hw" role="other" voting="yes" org="healthwatch" weight="0"><post>Healthwatch representative</post></member>\n    <chair role="lay" org="ccg"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<member id="hw"' error "Healthwatch Example has a vote on the Primary Care Joint Committee (Healthwatch representative); Healthwatch and the Health and Wellbeing Board join as non-voting attendees. [SEAT-NON-VOTING, Next steps §4.3.2, §4.4.2]"
    expect_err_lines 2
}

t_seat_as_non_voting_member_is_a_seat() {
    f=$(broken delegated)
    sed -i '/<observer role="health-and-wellbeing-board"/d' "$f"
    sed -i 's|    <chair member="lay1"/>|    <member id="hwb-rep" role="local-authority" voting="no" org="hwb"><post>Councillor</post></member>\n    <chair member="lay1"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_both_seats_missing_two_warnings() {
    f=$(broken joint)
    sed -i '/<observer role="h/d' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "has no seat for Healthwatch, which"
    expect_err "has no seat for the Health and Wellbeing Board, which"
    expect_err "1 file valid (2 warnings)"
}

t_seats_not_needed_under_greater_involvement() {
    run_cocom check --disable=GI-NO-COMMITTEE "$F/gi-no-committee.xml"
    expect_rc 0
    expect_err_lines 1
    f=$T/gi.xml
    sed '/<observer role="h/d' "$F/gi-no-committee.xml" > "$f"
    run_cocom check --disable=GI-NO-COMMITTEE "$f"
    expect_rc 0
    expect_err_lines 1
}

t_clinical_advisers_are_not_members() {
    f=$F/clinical-involvement.xml
    sed 's|    <chair member="lay1"/>|    <chair member="lay1"/>\n    <observer role="clinical-adviser" capacity="advisor" basis="local-choice"><post>GP advisers</post></observer>|' "$f" > "$T/advised.xml"
    run_cocom check "$T/advised.xml"
    expect_rc 0
    expect_err "warning: No clinician sits on the Primary Care Commissioning Committee (its clinical advisers are not members); clinical involvement is to be retained in a joint or delegated committee. [CLINICAL-INVOLVEMENT"
}

t_a_gp_in_an_executive_seat_is_a_clinician() {
    f=$F/clinical-involvement.xml
    sed 's|<member id="gp1" role="executive" voting="yes" org="ccg">|<member id="gp1" role="executive" voting="yes" org="ccg" profession="gp">|' "$f" > "$T/gp-exec.xml"
    run_cocom check "$T/gp-exec.xml"
    expect_rc 0
    expect_err_lines 1
}

t_no_committee_declared() {
    f=$(broken joint)
    sed -i '/<committee id="jc"/,/<\/committee>/d; s|<declaration member="gp"[^>]*/>||' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<model kind="joint"' warning "The joint arrangement declares no committee; NHS England expects a committee to exercise the functions, with the membership it sets out. [COMMITTEE-MEMBERSHIP, Next steps §4.3.2, §4.4.2]"
    expect_err_lines 2
}

t_member_seated_by_person_is_named_in_findings() {
    # A member whose holder is a person of <people> is named as if the
    # name were written on the seat.
    f=$F/del-lay-chair.xml
    sed 's|<post>GP Member</post><name>Dr Ann Example</name></member>|<post>GP Member</post></member>|; s|<member id="gp1" |<member id="gp1" person="ann" |; s|  </parties>|  </parties>\n  <people><person id="ann"><name>Dr Ann Example</name></person></people>|' "$f" > "$T/person.xml"
    grep -qF '<member id="gp1" person="ann" ' "$T/person.xml" || fail "the member was not changed"
    run_cocom check "$T/person.xml"
    expect_rc 1
    expect_finding "$T/person.xml" '<chair member="gp1"/>' error "The Primary Care Commissioning Committee is chaired by Dr Ann Example (GP Member), a clinical member; a delegated committee must be chaired by a lay member. [DEL-LAY-CHAIR, Next steps §4.4.2]"
    expect_err_lines 2
}

# --- joint committee or committees in common ---------------------------

t_clean_in_common_has_no_finding() {
    # Two CCGs, each with its own joint committee with NHS England, the
    # committees meeting in common: the form South East London used.
    run_cocom check --warnings-as-errors "$F/clean-in-common.xml"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    expect_err_lines 1
}

t_committees_in_common_of_one_ccg_and_nhs_england() {
    # One CCG's joint committee with NHS England, alone in the group, is
    # a committee in common: it is that CCG's, and decides for it.
    f=$(broken joint)
    sed -i 's|joint-form="joint-committee"|joint-form="committees-in-common"|' "$f"
    sed -i 's|  <scope>|  <committees-in-common id="cic" committees="jc"><name>In common</name></committees-in-common>\n  <scope>|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    expect_err_lines 1
}

t_committees_in_common_one_ccg_per_committee() {
    # The first committee belongs to both CCGs: the second CCG then has
    # two committees in the group.
    f=$(broken in-common)
    sed -i 's|<committee id="jc" type="joint-committee" parties="ccg nhse">|<committee id="jc" type="joint-committee" parties="ccg ccg2 nhse">|' "$f"
    sed -i 's|<share party="ccg" percent="50"/>|<share party="ccg" percent="25"/><share party="ccg2" percent="25"/>|; s| weight="[0-9]*"||' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="jc"' error "The Primary Care Joint Committee belongs to Example CCG and Second CCG together, but it is one of the Example committees in common; in committees in common each committee decides for one CCG (alone, or jointly with NHS England): give each of these CCGs its own committee in the group, or, if they decide together in one joint committee, take it out of committees-in-common and make joint-form \"joint-committee\". [JOINT-FORM, Next steps §4.3.2 and note 2]"
    expect_finding "$f" '<ccg id="ccg2"' error "Second CCG has 2 committees among the committees meeting in common (jc and jc2); in committees in common each CCG has exactly one committee, which takes its decisions: list only one of them in committees-in-common/@committees. [JOINT-FORM, Next steps §4.3.2 and note 2]"
    expect_err_lines 3
}

t_committees_in_common_each_ccg_has_one() {
    # The second CCG's committee is left out of the group: the message
    # names the committees that are listed and the one that is not.
    f=$(broken in-common)
    sed -i 's|<committees-in-common id="cic" committees="jc jc2">|<committees-in-common id="cic" committees="jc">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ccg id="ccg2"' error "Second CCG has no committee among the committees meeting in common (jc, none of them its own; its jc2 is not listed): in committees in common each CCG has its own committee, which decides for it. Add its committee's id to committees-in-common/@committees, or give it a committee of its own (parties \"ccg2\", with NHS England's id for a joint committee). [JOINT-FORM, Next steps §4.3.2 and note 2]"
    expect_err_lines 2
    # ... and with no committee of its own at all, the message says so
    # and claims no committee that is not there.
    sed -i '/<committee id="jc2"/,/<\/committee>/d' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ccg id="ccg2"' error "Second CCG has no committee among the committees meeting in common (jc, none of them its own): in committees in common"
    expect_no_err "is not listed"
    expect_err_lines 2
}

t_committees_in_common_kept() {
    # A CCG's committee of its own (not joint with NHS England) in common.
    f=$(broken joint)
    sed -i 's|joint-form="joint-committee"|joint-form="committees-in-common"|' "$f"
    sed -i 's|<committee id="jc" type="joint-committee" parties="ccg nhse">|<committee id="jc" type="committee" parties="ccg">|' "$f"
    sed -i 's|  <scope>|  <committees-in-common id="cic" committees="jc" total="2"><name>In common</name></committees-in-common>\n  <scope>|' "$f"
    # one vote per party: shares only for the committee's own party
    sed -i '/<voting /,/<\/voting>/d' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
    # ... but the grouping must be given
    sed -i '/<committees-in-common /d' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<model kind="joint"' error "The arrangement works through committees in common but does not say which committees meet in common: add a committees-in-common element whose committees name each CCG's committee (or, if the CCGs and NHS England decide together in one committee, make joint-form \"joint-committee\"). [JOINT-FORM, Next steps §4.3.2 and note 2]"
    expect_err_lines 2
}

t_joint_committees_may_also_meet_in_common() {
    # North West London's form (samples/westminster-2015): each CCG's
    # joint committee with NHS England, the joint committees also meeting
    # in common.  The group is checked as any other.
    f=$(broken in-common)
    sed -i 's|joint-form="committees-in-common"|joint-form="joint-committee"|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    expect_err_lines 1
    sed -i 's|<committees-in-common id="cic" committees="jc jc2">|<committees-in-common id="cic" committees="jc2">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ccg id="ccg"' error "Example CCG has no committee among the committees meeting in common (jc2, none of them its own; its jc is not listed)"
    expect_err_lines 2
}

t_joint_committee_must_include_nhs_england() {
    f=$(broken joint)
    sed -i 's|<committee id="jc" type="joint-committee" parties="ccg nhse">|<committee id="jc" type="joint-committee" parties="ccg">|' "$f"
    sed -i '/<share party="nhse"/d; s|<share party="ccg" percent="50"/>|<share party="ccg" percent="100"/>|' "$f"
    sed -i 's|weight="3"|weight="0"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="jc"' error "The Primary Care Joint Committee is not a joint committee of the CCG and NHS England, yet the arrangement says it works through a joint committee: one committee to which each body delegates, making a single decision. [JOINT-FORM"
}

t_joint_form_only_for_joint() {
    f=$(broken delegated)
    sed -i 's|<model kind="delegated"|<model kind="delegated" joint-form="joint-committee"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<model kind="delegated"' error "The arrangement gives a joint-form, but its model is delegated; only a joint arrangement has one. [JOINT-FORM"
    expect_err_lines 2
}

# --- weighted voting ----------------------------------------------------

t_shares_must_add_up() {
    f=$(broken joint)
    sed -i 's|<share party="nhse" percent="50"/>|<share party="nhse" percent="40"/>|; s| weight="[0-9]*"||' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<voting method=' error "The shares of the vote on the Primary Care Joint Committee add up to 90%, not 100%. [VOTE-WEIGHTS, Westminster report §4.4]"
    expect_err_lines 2
}

t_shares_belong_to_parties_and_a_weighted_method() {
    f=$(broken joint)
    sed -i 's|<voting method="consensus-then-weighted-vote">|<voting method="majority">|; s|<share party="nhse" percent="50"/>|<share party="nhse" percent="25"/><share party="ccg2" percent="25"/>|' "$f"
    sed -i 's|    <nhs-england id="nhse">|    <ccg id="ccg2" ods-code="02B"><name>Other CCG</name></ccg>\n    <nhs-england id="nhse">|' "$f"
    sed -i 's| weight="[0-9]*"||' "$f"
    run_cocom check --disable=MANDATE-RECORDED "$f"
    expect_rc 1
    expect_err "error: The Primary Care Joint Committee gives each party a share of the vote, but decides by majority, not by weighted vote. [VOTE-WEIGHTS"
    expect_finding "$f" '<share party="ccg2"' error "Other CCG has a share of the vote on the Primary Care Joint Committee but is not one of its parties. [VOTE-WEIGHTS"
    expect_err_lines 3
}

t_weights_with_unstated_seats_are_a_note() {
    f=$(broken joint)
    sed -i 's|<member id="dir" role="nhs-england" voting="yes" org="at" weight="3">|<member id="dir" role="nhs-england" voting="yes" org="at" weight="3" count="unstated">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "note: Some voting members of the Primary Care Joint Committee have no weight, or an unstated number of seats, so the share of Example CCG cannot be checked. [VOTE-WEIGHTS"
}

# --- the quorum -----------------------------------------------------------

t_quorum_larger_than_the_committee() {
    f=$(broken delegated)
    sed -i 's|<quorum minimum="4">|<quorum minimum="7">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<quorum minimum="7">' error "The quorum of the Primary Care Commissioning Committee is 7 members, but it has only 6 voting members. [QUORUM-MEETABLE, Next steps annexes D, F]"
    expect_err_lines 2
}

t_quorum_roles_it_names_must_exist() {
    # The quorum names a nurse, and no voting member is one; a non-voting
    # nurse does not count.
    f=$(broken delegated)
    sed -i 's|      <requirement at-least="1" roles="lay"/>|      <requirement at-least="1" roles="lay"/>\n      <requirement at-least="1" professions="nurse" offices="vice-chair"/>|' "$f"
    sed -i 's|    <chair member="lay1"/>|    <member id="nurse" role="clinical" voting="no" org="ccg" profession="nurse"><post>Nurse Adviser</post></member>\n    <chair member="lay1"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: The quorum of the Primary Care Commissioning Committee needs at least 1 present of its voting nurses or vice-chair, but the committee has none. [QUORUM-MEETABLE"
}

t_quorum_chair_by_role_can_be_met() {
    f=$(broken joint)
    sed -i 's|<requirement at-least="1" organisations="nhse"/>|<requirement at-least="1" organisations="nhse"/><requirement at-least="1" offices="chair"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_quorum_with_unstated_seats_is_a_note() {
    # Westminster's form: one element per kind of seat, numbers unstated.
    f=$(broken delegated)
    sed -i 's|<quorum minimum="4">|<quorum minimum="8">|; s|<member id="lay2" role="lay" voting="yes" org="ccg">|<member id="lay2" role="lay" voting="yes" org="ccg" count="unstated">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "note: Whether the Primary Care Commissioning Committee has the 8 voting members its quorum needs cannot be checked: the Lay Member has an unstated number of seats. [QUORUM-MEETABLE"
}

t_quorum_conflicts_on_the_minimum() {
    # Quorum of 6, all voting members: any withdrawal leaves it inquorate.
    f=$(broken delegated)
    sed -i 's|<quorum minimum="4">|<quorum minimum="6">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<quorum minimum="6">' warning "When the members of the Primary Care Commissioning Committee conflicted on Example Practice 1 withdraw (Dr Ann Example (GP Member)), 5 voting members remain, fewer than its quorum of 6. [QUORUM-CONFLICTS, Next steps §4.4.2, §6]"
}

t_quorum_conflicts_noted_only_keep_the_quorum() {
    # A declaration that is only noted leaves the member in.
    f=$F/quorum-conflicts.xml
    sed 's|functions="f-gp" action="no-decision"|functions="f-gp" action="note"|g' "$f" > "$T/noted.xml"
    run_cocom check "$T/noted.xml"
    expect_rc 0
    expect_err_lines 1
    # A declaration without an action bars the member from the decision.
    sed 's|functions="f-gp" action="no-decision"|functions="f-gp"|g' "$f" > "$T/unsaid.xml"
    run_cocom check "$T/unsaid.xml"
    expect_rc 0
    expect_err "warning: When the members of the Primary Care Commissioning Committee conflicted on General practice commissioning withdraw"
}

t_quorum_conflicts_on_a_decision() {
    f=$(broken joint)
    sed -i 's|<requirement at-least="1" organisations="ccg"/>|<requirement at-least="3" organisations="ccg"/>|' "$f"
    sed -i 's|functions="f-gp" action="withdraw"|decisions="d-mergers" action="withdraw"|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<requirement at-least="3" organisations="ccg"/>' warning "When the members of the Primary Care Joint Committee conflicted on Practice mergers withdraw (the CCG GP Member), only 2 of its voting members from Example CCG remain; its quorum needs at least 3. [QUORUM-CONFLICTS"
}

# --- the scope ----------------------------------------------------------

t_reserved_activity_and_every_reserved_key() {
    for key in payments-administration list-management national-contract-terms; do
        f=$(broken joint)
        sed -i "s|<function id=\"f-performers\" key=\"performers-list-appraisal-revalidation\" status=\"reserved\"/>|<function id=\"f-x\" key=\"$key\" status=\"joint\"/>|" "$f"
        run_cocom check "$f"
        expect_rc 1
        expect_err "joint here, but it is reserved to NHS England in every model. [RESERVED-FUNCTIONS, Next steps §4.1.4]"
        expect_err_lines 2
    done
    f=$(broken joint)
    sed -i 's|<function id="f-performers" key="performers-list-appraisal-revalidation" status="reserved"/>|<function id="f-performers" key="performers-list-appraisal-revalidation" status="reserved"><activity id="a-app" status="joint"><name>Appraisal</name></activity></function>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: Appraisal is joint here, but it belongs to Medical performers list, appraisal, revalidation, which is reserved to NHS England in every model. [RESERVED-FUNCTIONS"
}

t_reserved_may_be_retained() {
    f=$(broken delegated)
    sed -i 's|key="list-management" status="reserved"|key="list-management" status="retained"|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_standard_set_missing_function() {
    f=$(broken delegated)
    sed -i '/key="complaints-management"/d; /key="budget-management"/d' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<scope>' error "The scope leaves out General practice budget management and Complaints management; a delegated arrangement takes the whole standard set of functions, with no menu to choose from. [DEL-STANDARD-SET"
    expect_err_lines 2
}

t_standard_set_activity_held_back() {
    f=$(broken delegated)
    sed -i 's|<activity id="a-mergers" key="practice-mergers"/>|<activity id="a-mergers" key="practice-mergers" status="retained"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" 'id="a-mergers"' error "practice mergers is retained here; a delegated arrangement delegates the whole standard set of functions, with no menu to choose from. [DEL-STANDARD-SET"
}

t_joint_may_leave_functions_out() {
    # "Could cover": a joint arrangement chooses its functions (LMC FAQ 3).
    f=$(broken joint)
    sed -i '/key="budget-management"/d' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_greater_involvement_decides_nothing() {
    f=$T/gi.xml
    sed 's|key="budget-management" status="retained"|key="budget-management" status="joint"|' "$F/gi-no-committee.xml" > "$f"
    run_cocom check --disable=GI-NO-COMMITTEE "$f"
    expect_rc 1
    expect_finding "$f" 'key="budget-management"' error "General practice budget management is joint here, but under greater involvement the CCG takes part in discussions and has no decision-making role. [SCOPE-MODEL, Next steps §4.1.5, §4.4.2]"
    expect_err_lines 2
}

t_delegation_agreement_only_when_delegated() {
    f=$(broken joint)
    sed -i 's|  <mandate ccg="ccg">|  <delegation-agreement issued="2015-03"/>\n  <mandate ccg="ccg">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<delegation-agreement' error "The arrangement records a delegation agreement, but its model is joint; NHS England issues one only for delegated commissioning. [SCOPE-MODEL"
}

t_lis_design_activity_in_joint() {
    f=$(broken joint)
    sed -i 's|<function id="f-lis" key="local-incentive-schemes" status="joint"/>|<function id="f-lis" key="local-incentive-schemes" status="joint"><activity id="a-lis" key="local-incentive-scheme-design" status="delegated"/></function>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: Design of local incentive schemes as an alternative to QOF is delegated here, but in a joint arrangement local incentive schemes are subject to joint agreement with the area team. [JOINT-LIS-AGREEMENT"
    expect_err_lines 2
}

# --- the mandate --------------------------------------------------------

t_mandate_governing_body_decision() {
    f=$(broken delegated)
    sed -i 's|decision="approved"|decision="deferred"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<governing-body-approval' error "The governing body of Example CCG did not approve the delegated model (deferred); the arrangement has no mandate. [MANDATE-GIVEN"
    sed -i 's|<governing-body-approval date="2015-01-06" model="delegated" decision="deferred"/>|<governing-body-approval date="2015-01-06" model="delegated"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "warning: For Example CCG, the arrangement does not record the decision of its governing body; a delegated arrangement needs the member practices' vote, the governing body's approval and a request to change the constitution. [MANDATE-RECORDED"
}

t_mandate_constitution_change() {
    f=$(broken delegated)
    sed -i 's|<constitution-change requested="yes" date-requested="2015-01-07"/>|<constitution-change requested="no"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<constitution-change' error "Example CCG has not requested a change to its constitution; a joint or delegated arrangement needs one. [MANDATE-GIVEN, Westminster report §4.7; LMC FAQ 5; Next steps §1]"
    expect_err_lines 2
    sed -i '/<constitution-change/d' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<mandate ccg="ccg">' warning "For Example CCG, the arrangement does not record its request to change its constitution; a delegated arrangement needs"
}

t_mandate_for_another_model_and_counts() {
    f=$(broken delegated)
    sed -i 's|<member-vote date="2014-12-15" model="delegated" result="in-favour" for="2" against="0" eligible="2"/>|<member-vote date="2014-12-15" model="joint" result="in-favour" for="1" against="2" abstained="1" eligible="2"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: The member practices of Example CCG voted on the joint model, but the arrangement is delegated. [MANDATE-GIVEN"
    expect_err "error: The vote of Example CCG's member practices is recorded as in favour, but 1 voted for and 2 against. [MANDATE-GIVEN"
    expect_err "error: More practices of Example CCG voted (4) than could (2). [MANDATE-GIVEN"
    expect_err_lines 4
}

t_no_mandate_needed_for_greater_involvement() {
    run_cocom check --disable=GI-NO-COMMITTEE "$F/gi-no-committee.xml"
    expect_rc 0
    expect_err_lines 1
}

t_several_ccgs_each_its_mandate() {
    f=$(broken joint)
    sed -i 's|    <nhs-england id="nhse">|    <ccg id="ccg2" ods-code="02B"><name>Other CCG</name><practices><practice id="q1"><name>Other Practice</name></practice></practices></ccg>\n    <nhs-england id="nhse">|' "$f"
    sed -i 's|  <mandate ccg="ccg">|  <mandate>|; s|<ballot-return practice="p2" model="joint"/>|<ballot-return practice="q1" model="joint"/>|' "$f"
    run_cocom check --disable=COMMITTEE-MEMBERSHIP "$f"
    expect_rc 1
    expect_finding "$f" '  <mandate>' error "The arrangement has several CCGs, but this mandate does not say whose it is (give ccg). [MANDATE-CCG"
    # Other CCG has no mandate recorded at all
    expect_finding "$f" '<ccg id="ccg2"' warning "For Other CCG, the arrangement does not record the vote of its member practices, the decision of its governing body or its request to change its constitution; a joint arrangement needs the member practices' vote, the governing body's approval and a request to change the constitution. [MANDATE-RECORDED"
    sed -i 's|  <mandate>|  <mandate ccg="ccg">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ballot-return practice="q1"' error "Other Practice is a member of Other CCG, but its ballot is recorded in the mandate of Example CCG. [MANDATE-CCG"
}

# --- the application and dates ------------------------------------------

t_deadline_kept_on_the_day() {
    f=$(broken delegated)
    sed -i 's|<submission annex="B" date="2015-01-08"/>|<submission annex="B" date="2015-01-09"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err_lines 1
}

t_deadline_joint_is_the_30th() {
    f=$(broken joint)
    sed -i 's|<submission annex="A" date="2015-01-20" to="area-team"/>|<submission annex="A" date="2015-01-31" to="area-team"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "warning: The proforma was submitted on 31 January 2015, after the deadline for joint arrangements of 30 January 2015. [DEADLINE"
}

t_deadline_month_only_is_a_note() {
    f=$(broken joint)
    sed -i 's|<submission annex="A" date="2015-01-20" to="area-team"/>|<submission annex="A" date="2015-01"/>|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    expect_finding "$f" '<submission' note "The proforma was submitted in January 2015; whether that was by the deadline for joint arrangements, 30 January 2015, cannot be told from a month. [DEADLINE, LMC FAQ 4; Capsticks column]"
    # a later month is late for certain
    sed -i 's|date="2015-01"/>|date="2015-02"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "warning: The proforma was submitted on February 2015, after the deadline"
}

t_deadline_is_data_for_later_years() {
    # The 2016/17 round: delegated proformas were due on 6 November 2015
    # (templates/functions-2016-17.xml).
    f=$(broken delegated)
    sed -i 's|year="2015/16"|year="2016/17"|; s|2015-04-01|2016-04-01|; s|<deadline model="delegated" date="2015-01-09" to="nhs-england"/>|<deadline model="delegated" date="2015-11-06" to="nhs-england"/>|' "$f"
    sed -i 's|<submission annex="B" date="2015-01-08"/>|<submission annex="B" date="2015-11-10"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "warning: The proforma was submitted on 10 November 2015, after the deadline for delegated arrangements of 6 November 2015. [DEADLINE"
    expect_err_lines 2
}

# The other way: the same arrangement moved to 2016/17 with that year's
# start and deadline has no finding at all (YEAR-START, YEAR-DEADLINE and
# DEADLINE read 2016/17's round, not 2015/16's dates).
t_year_data_clean_2016_17() {
    f=$(broken delegated)
    sed -i 's|year="2015/16"|year="2016/17"|; s|2015-04-01|2016-04-01|; s|<deadline model="delegated" date="2015-01-09" to="nhs-england"/>|<deadline model="delegated" date="2015-11-06" to="nhs-england"/>|; /<deadline model="joint"/d' "$f"
    sed -i 's|<submission annex="B" date="2015-01-08"/>|<submission annex="B" date="2015-11-05"/>|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    expect_err_lines 1
}

# With no deadline in the arrangement, the year's national one is used:
# a 2017/18 checklist sent on 6 December 2016 was a day late.
t_deadline_not_given_uses_the_years() {
    f=$(broken delegated)
    sed -i 's|year="2015/16"|year="2017/18"|; s|2015-04-01|2017-04-01|; /<deadline /d' "$f"
    sed -i 's|<submission annex="B" date="2015-01-08"/>|<submission annex="B" date="2016-12-06"/>|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "warning: The proforma was submitted on 6 December 2016, after the deadline for delegated arrangements of 5 December 2016. [DEADLINE"
    expect_err_lines 2
}

# No deadline in the arrangement and none known for the year (joint
# arrangements of 2016/17 applied to no national deadline): a note.
t_deadline_not_given_is_a_note() {
    f=$(broken joint)
    sed -i 's|year="2015/16"|year="2016/17"|; s|2015-04-01|2016-04-01|; /<deadline /d' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_err "note: No deadline for joint arrangements is given (application/deadline), and none is known for 2016/17, so the submission date cannot be checked. [DEADLINE"
}

t_proforma_annex_joint() {
    f=$(broken joint)
    sed -i 's|<submission annex="A"|<submission annex="B"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: The submission is annex B, the delegated commissioning proforma, but the arrangement is joint (annex A). [PROFORMA-ANNEX"
}

t_dates_start_in_the_year() {
    f=$(broken delegated)
    sed -i 's|<model kind="delegated" start-date="2015-04-01"|<model kind="delegated" start-date="2016-04-01"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<model kind="delegated"' error "The arrangement is for 2015/16 but starts on 1 April 2016, outside that financial year. [DATES, Next steps §7]"
}

t_dates_constitution_history_and_agreement() {
    f=$(broken joint)
    sed -i 's|date-requested="2015-01-14" date-approved="2015-03-02"|date-requested="2015-03-14" date-approved="2015-03-02"|' "$f"
    sed -i 's|<model kind="joint" joint-form="joint-committee" start-date="2015-04-01" status="live"/>|<model kind="joint" joint-form="joint-committee" start-date="2015-04-01" status="live"><history><event date="2015-04-01" status="live">Live.</event><event date="2015-01" status="applied">Applied.</event></history></model>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: This event of January 2015 is listed after one of 1 April 2015; a history runs oldest first. [DATES"
    expect_finding "$f" '<constitution-change' error "The constitution change was approved on 2 March 2015, before it was requested on 14 March 2015. [DATES"
    f=$(broken delegated)
    sed -i 's|  <mandate ccg="ccg">|  <delegation-agreement issued="2015-03-16" signed="2015-03-10"/>\n  <mandate ccg="ccg">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<delegation-agreement' error "The delegation agreement is signed on 10 March 2015, before it was issued on 16 March 2015. [DATES"
}

t_dates_same_month_is_not_an_error() {
    f=$(broken delegated)
    sed -i 's|<governing-body-approval date="2015-01-06"|<governing-body-approval date="2015-04"|' "$f"
    run_cocom check "$f"
    expect_rc 0
    # no DATES finding; only AS-AT's word that the January proforma
    # cannot show an approval of April
    ! grep -q "\[DATES" "$ERR" || fail "DATES reported a same-month date"
    expect_err "is dated April 2015, after the proforma was submitted on 8 January 2015"
    expect_err_lines 2
}

t_dates_report_after_what_it_cites() {
    # The Wolverhampton report of 29 July 2015 cites the governing body's
    # meeting of 14 July; dated 30 July, that meeting is after the report.
    f=$T/w.xml
    sed 's|<considering-body date="2015-07-14"|<considering-body date="2015-07-30"|' "$SRCDIR/samples/wolverhampton-2015/arrangement.xml" > "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<considering-body date="2015-07-30"' error "The report to the meeting of 29 July 2015 cites its consideration by the Wolverhampton CCG Governing Body on 30 July 2015, a later date. [DATES, Next steps §7]"
}

# --- conflicts of interest ----------------------------------------------

t_coi_register_not_kept() {
    f=$(broken delegated)
    sed -i 's|<register kept="yes" published="yes">|<register kept="no" published="yes">|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<register' error "The arrangement says no register of interests is kept; CCGs must maintain registers of interests. [COI-REGISTER, Next steps §6.1]"
}

t_coi_register_flags_not_stated() {
    f=$(broken delegated)
    sed -i 's|<register kept="yes" published="yes">|<register kept="yes">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<register' warning "The register of interests does not say whether it is published (give kept=\"yes\" and published=\"yes\"). [COI-REGISTER-RECORDED, Next steps §6.1]"
}

# --- references ---------------------------------------------------------

t_ref_kind_chair_from_another_committee() {
    f=$(broken delegated)
    sed -i 's|<chair member="lay1"/>|<chair member="lay1"/><vice-chair member="p1"/>|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "error: The vice-chair's member refers to 'p1', which is not a member of the Primary Care Commissioning Committee. [REF-KIND, cocom vocabulary §1]"
}

t_ref_kind_parties_and_organisations() {
    f=$(broken joint)
    sed -i 's|<committee id="jc" type="joint-committee" parties="ccg nhse">|<committee id="jc" type="joint-committee" parties="ccg nhse hwb">|' "$f"
    sed -i 's|<requirement at-least="1" organisations="nhse"/>|<requirement at-least="1" organisations="nhse lay"/>|' "$f"
    run_cocom check --disable=VOTE-WEIGHTS "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="jc"' error "The committee's parties refers to 'hwb', which is neither a CCG nor NHS England. [REF-KIND"
    expect_finding "$f" 'organisations="nhse lay"' error "The requirement's organisations refers to 'lay', which is not one of the parties. [REF-KIND"
}

# DEL-CCG-COMMITTEE the other way: the CCG's own committee with NHS England
# named among its parties is refused too, and the clean delegated
# committee (the CCG's alone) passes.
t_del_ccg_committee_nhse_party() {
    f=$(broken delegated)
    sed -i 's|<committee id="pccc" type="committee" parties="ccg">|<committee id="pccc" type="committee" parties="ccg nhse">|' "$f"
    grep -q 'parties="ccg nhse"' "$f" || fail "the test could not edit the fixture"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<committee id="pccc"' error "NHS England is a party to the Primary Care Commissioning Committee, but under delegated commissioning NHS England delegates its functions to the CCG, which oversees them through a primary care commissioning committee of its own. [DEL-CCG-COMMITTEE, Next steps §4.4.2]"
    expect_err_lines 2
}

# BALLOT-TURNOUT: exactly half is not a majority; a practice that returned
# two ballots counts once; with no number of member practices (no count,
# no eligible) the rule is silent.
t_ballot_turnout_edges() {
    f=$(broken delegated)
    sed -i 's|<practices count="2">|<practices count="4">|' "$f"
    run_cocom check "$f"
    expect_rc 0
    expect_finding "$f" '<mandate ccg="ccg">' warning "2 of the 4 member practices of Example CCG returned a ballot (50%), not a majority of the membership; the returns cannot show the explicit support of the member practices that the LMC asks a CCG to obtain. [BALLOT-TURNOUT"
    # three returns, but from two practices: 2 of 5 (counting returns, 3 of 5 would be a majority)
    sed -i 's|<practices count="4">|<practices count="5">|; s| eligible="2"||; s|<ballot-return practice="p2" model="delegated"/>|&<ballot-return practice="p2" model="delegated"/>|' "$f"
    run_cocom check --disable=BALLOT-ONE-MODEL "$f"
    expect_finding "$f" '<mandate ccg="ccg">' warning "2 of the 5 member practices of Example CCG returned a ballot (40%)"
    sed -i 's|<practices count="5">|<practices>|' "$f"
    run_cocom check --disable=BALLOT-ONE-MODEL "$f"
    expect_rc 0
    expect_no_err "BALLOT-TURNOUT"
}

# MANDATE-RESULT: a vote with counts of its own is MANDATE-GIVEN's; the
# returns for the arrangement's model count when the vote names none.
t_mandate_result_edges() {
    f=$(broken joint)
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    sed -i 's|<ballot-return practice="p2" model="joint"/>|<ballot-return practice="p2" model="greater-involvement"/>|' "$f"
    run_cocom check "$f"
    expect_finding "$f" '<member-vote' warning "The member practices of Example CCG are recorded as in favour of the joint model, but the ballot returns do not show it: 1 of the 2 member practices returned a ballot for it, not a majority. [MANDATE-RESULT"
    sed -i 's| model="joint" result="in-favour"/>| result="in-favour"/>|' "$f"
    run_cocom check "$f"
    expect_err "in favour of the joint model, but the ballot returns do not show it: 1 of the 2"
    sed -i 's| result="in-favour"/>| result="in-favour" for="2" against="0"/>|' "$f"
    run_cocom check "$f"
    expect_no_err "MANDATE-RESULT"
}

# DATES: a practice ballot is issued, closes and is counted in that order.
t_ballot_dates_in_order() {
    f=$(broken delegated)
    sed -i 's|<ballot-return practice="p1"|<ballot issued="2014-12-01" closes="2014-12-19" counted="2014-12-22"/>\n    &|' "$f"
    run_cocom check --warnings-as-errors "$f"
    expect_rc 0
    sed -i 's|closes="2014-12-19"|closes="2014-11-19"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ballot issued' error "The practice ballot closes on 19 November 2014, before it was issued on 1 December 2014. [DATES, Next steps §7]"
    sed -i 's|closes="2014-11-19"|closes="2014-12-23"|' "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<ballot issued' error "The practice ballot's returns were counted on 22 December 2014, before it closed on 23 December 2014. [DATES, Next steps §7]"
    expect_err_lines 2
}

# --- terms of reference: quorum by CCGs, standing orders, secretariat ----

SIX="$SRCDIR/tests/docs/many/six-ccgs.xml"

t_quorum_by_more_ccgs_than_sit_on_it() {
    run_cocom check --warnings-as-errors "$SIX"
    expect_rc 0
    expect_err_lines 1
    f=$T/six.xml
    sed 's|distinct-ccgs="4"|distinct-ccgs="7"|' "$SIX" > "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<quorum minimum="7" distinct-ccgs="7">' error "The quorum of the South West London Primary Care Commissioning Joint Committee needs voting members from at least 7 different CCGs, but voting members of only 6 CCGs sit on it. [QUORUM-MEETABLE, Next steps annexes D, F]"
    expect_err_lines 2
    # a CCG whose seats have no vote does not count
    sed 's|distinct-ccgs="4"|distinct-ccgs="6"|; s|<member id="wandsworth-lay" role="lay" voting="yes"|<member id="wandsworth-lay" role="lay" voting="no"|; s|<member id="wandsworth-gp" role="clinical" voting="yes"|<member id="wandsworth-gp" role="clinical" voting="no"|' "$SIX" > "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_err "but voting members of only 5 CCGs sit on it."
}

t_standing_orders_and_secretariat_of_a_party() {
    f=$T/six.xml
    sed 's|<standing-orders of="merton"/>|<standing-orders of="hwb"/>|; s|<secretariat host="wandsworth"/>|<secretariat host="council"/>|' "$SIX" > "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<standing-orders of="hwb"/>' error "The terms of reference of the South West London Primary Care Commissioning Joint Committee adopt the standing orders of 'hwb', which is not a party to the committee. [REF-KIND, cocom vocabulary §1]"
    expect_finding "$f" '<secretariat host="council"/>' error "The terms of reference of the South West London Primary Care Commissioning Joint Committee say its secretariat is hosted by 'council', which is not a party to the committee. [REF-KIND, cocom vocabulary §1]"
    expect_err_lines 3
    # NHS England's area team stands for NHS England, a party
    sed 's|<secretariat host="wandsworth"/>|<secretariat host="at"/>|; s|approved-by="jc"|approved-by="f-gp"|' "$SIX" > "$f"
    run_cocom check "$f"
    expect_rc 1
    expect_finding "$f" '<event version="5"' error "The version's approved-by refers to 'f-gp', which is neither a party nor a committee. [REF-KIND, cocom vocabulary §1]"
    expect_err_lines 3
}
