# The four samples keep every rule that is an error, and carry only the
# warnings (and notes) their facts deserve.  Each test lists the findings
# exactly, in document order, so a new finding on a sample is a decision,
# not an accident.
#
#   Hull (delegated, applied for April 2015)
#     COI-REGISTER-RECORDED  the sources say nothing of a register of interests
#     MANDATE-RECORDED       no member practices' vote, governing body decision
#                            or constitution change is recorded (the ballots
#                            are illustrative; the sources give no vote)
#     CLINICAL-INVOLVEMENT   the only members known are the three lay members
#   Rotherham (delegated, live from 1 April 2015)
#     MANDATE-RECORDED       as Hull
#     CLINICAL-INVOLVEMENT   by design no GP sits on the Primary Care
#                            Sub-Committee (lay members and officers, the
#                            Chief Nurse sitting as an executive), advised by GPs
#     COI-REGISTER-RECORDED  conflicts are managed (prose) but no register is recorded
#   Westminster (two joint committees, in common with NWL, live)
#     COI-REGISTER-RECORDED  the report does not mention the register
#     MANDATE-RECORDED x2    the votes of both CCGs' members and governing
#                            bodies are recorded, not their constitution changes
#     (unstated seat counts do not stop any rule here: one seat of each kind
#      is enough for the quorum, and the lay majority is a delegated rule)
#   Wolverhampton (joint, applied January 2015, deferred)
#     COI-REGISTER-RECORDED  as Westminster
#     DEADLINE (note)        "applied in January 2015": a month, so whether by
#                            30 January cannot be told
#     MANDATE-RECORDED       as Hull
#     COMMITTEE-MEMBERSHIP   the joint committee's members are not in the sources

. "$SRCDIR/tests/rules/helpers.inc"

# expect_sample_findings SAMPLE "TEXT|severity|RULE" ...: the findings,
# exactly and in this order; TEXT marks the line of the element at fault.
expect_sample_findings() {
    s=$SRCDIR/samples/$1/arrangement.xml
    shift
    run_cocom check "$s"
    expect_rc 0
    : > "$T/expected"
    for spec in "$@"; do
        text=${spec%%|*}
        rest=${spec#*|}
        echo "$(line_of "$s" "$text") ${rest%%|*} ${rest#*|}" >> "$T/expected"
    done
    sed -nE 's|^[^ ]*:([0-9]+): ([a-z]+): .* \[([A-Z-]+), .*\]$|\1 \2 \3|p' "$ERR" > "$T/got"
    diff "$T/expected" "$T/got" || { cat "$ERR"; fail "the findings on $s are not the expected ones"; }
}

t_hull() {
    expect_sample_findings hull-2015 \
        '<arrangement |warning|COI-REGISTER-RECORDED' \
        '<mandate ccg="hull-ccg">|warning|MANDATE-RECORDED' \
        '<committee id="hull-pccc"|warning|CLINICAL-INVOLVEMENT'
    expect_err "warning: No clinician sits on the Primary Care Commissioning Committee; clinical involvement is to be retained in a joint or delegated committee. [CLINICAL-INVOLVEMENT, Next steps §4.3.2, §4.4.2]"
    expect_err "warning: For Hull CCG, the arrangement does not record the vote of its member practices, the decision of its governing body or its request to change its constitution; a delegated arrangement needs the member practices' vote, the governing body's approval and a request to change the constitution. [MANDATE-RECORDED, Westminster report §4.7; LMC FAQ 5; Next steps §1]"
}

t_rotherham() {
    expect_sample_findings rotherham-2015 \
        '<mandate ccg="rotherham-ccg">|warning|MANDATE-RECORDED' \
        '<committee id="rotherham-pcsc"|warning|CLINICAL-INVOLVEMENT' \
        '<conflicts-of-interest>|warning|COI-REGISTER-RECORDED'
    expect_err "warning: No clinician sits on the Primary Care Sub-Committee (its clinical advisers are not members); clinical involvement is to be retained in a joint or delegated committee. [CLINICAL-INVOLVEMENT, Next steps §4.3.2, §4.4.2]"
}

t_westminster() {
    expect_sample_findings westminster-2015 \
        '<arrangement |warning|COI-REGISTER-RECORDED' \
        '<mandate ccg="central-london-ccg">|warning|MANDATE-RECORDED' \
        '<mandate ccg="west-london-ccg">|warning|MANDATE-RECORDED'
    expect_err "warning: For West London CCG, the arrangement does not record its request to change its constitution; a joint arrangement needs the member practices' vote, the governing body's approval and a request to change the constitution. [MANDATE-RECORDED, Westminster report §4.7; LMC FAQ 5; Next steps §1]"
    expect_err "warning: The arrangement does not record a register of interests; CCGs must keep registers of interests and publish them, and co-commissioning makes conflicts more frequent. [COI-REGISTER-RECORDED, Next steps §6.1]"
}

t_wolverhampton() {
    expect_sample_findings wolverhampton-2015 \
        '<arrangement |warning|COI-REGISTER-RECORDED' \
        '<submission annex="A"|note|DEADLINE' \
        '<mandate ccg="wolverhampton-ccg">|warning|MANDATE-RECORDED' \
        '<committee id="wolverhampton-jc"|warning|COMMITTEE-MEMBERSHIP'
    expect_err "note: The proforma was submitted in January 2015; whether that was by the deadline for joint arrangements, 30 January 2015, cannot be told from a month. [DEADLINE, LMC FAQ 4; Capsticks column]"
    expect_err "warning: The Primary Care Joint Committee lists no members, so its chair, majority, clinicians and quorum cannot be checked. [COMMITTEE-MEMBERSHIP, Next steps §4.3.2, §4.4.2]"
}

t_samples_have_no_rule_errors() {
    run_cocom check "$SRCDIR"/samples/*/arrangement.xml
    expect_rc 0
    expect_err "4 files valid (12 warnings)"
    expect_no_err ": error:"
}
