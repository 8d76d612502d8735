# The national rules from the command line: 'cocom rules', 'check
# --disable' and '--warnings-as-errors', several files, standard input, and
# a rules file that is broken.

. "$SRCDIR/tests/rules/helpers.inc"

t_rules_lists_every_rule() {
    run_cocom rules
    expect_rc 0
    head -1 "$OUT" | grep -qE '^ID +SEVERITY +SOURCE +SUMMARY$' || fail "no header line"
    grep -qE '^DEL-LAY-CHAIR +error +Next steps §4\.4\.2 +Delegated: the committee is chaired by a lay member$' "$OUT" \
        || fail "DEL-LAY-CHAIR is not listed as expected"
    grep -qE '^CLINICAL-INVOLVEMENT +warning +Next steps §4\.3\.2, §4\.4\.2 +' "$OUT" || fail "CLINICAL-INVOLVEMENT"
    grep -qE '^DEADLINE +warning +LMC FAQ 4; Capsticks column +' "$OUT" || fail "DEADLINE"
    # One line per pattern of the rules file, each with id, severity, source.
    n=$(grep -c '<pattern id=' "$SRCDIR/stylesheets/rules/national-rules.sch")
    [ "$(($(wc -l < "$OUT") - 1))" -eq "$n" ] || fail "$n rules written, $(($(wc -l < "$OUT") - 1)) listed"
    awk 'NR > 1 && !($2 == "error" || $2 == "warning") {exit 1}' "$OUT" || fail "a rule without a severity"
    # The columns line up: "§" counts as one column.
    awk 'NR > 1 {print index($0, " " $2 " ")}' "$OUT" | sort -u | wc -l | grep -qx 1 || fail "severity column not aligned"
}

t_rules_help() {
    run_cocom rules --help
    expect_rc 0
    expect_out "Usage: cocom rules [OPTION]..."
    expect_out "--disable=RULE-ID"
    run_cocom help rules
    expect_rc 0
    expect_out "Usage: cocom rules"
    run_cocom --help
    expect_out "  rules     list the national rules"
    run_cocom check --help
    expect_out "      --disable=RULE-ID      do not apply the national rule RULE-ID (repeatable)"
}

t_rules_usage_errors() {
    run_cocom rules extra
    expect_rc 2
    expect_err "cocom rules: takes no arguments ('extra')"
    run_cocom rules --frob
    expect_rc 2
    expect_err "cocom rules: unknown option '--frob'"
}

t_disable_a_rule() {
    run_cocom check --disable=DEL-LAY-CHAIR "$F/del-lay-chair.xml"
    expect_rc 0
    expect_err "1 file valid (0 warnings)"
    expect_err_lines 1
}

t_disable_is_repeatable_and_takes_a_separate_value() {
    f=$F/five-rules.xml
    run_cocom check --disable PROFORMA-ANNEX --disable=BALLOT-ONE-MODEL --disable DEL-LAY-CHAIR \
        --disable=PHARMACY-EYE-DENTAL "$f"
    expect_rc 0
    expect_err "[SEAT-MISSING,"
    expect_err "1 file valid (1 warning)"
    expect_err_lines 2
}

t_disable_unknown_rule_is_a_usage_error() {
    run_cocom check --disable=NO-SUCH-RULE "$F/clean-joint.xml"
    expect_rc 2
    expect_err "cocom check: there is no rule 'NO-SUCH-RULE' (see 'cocom rules')"
    expect_err "Try 'cocom check --help'"
    run_cocom check --disable=del-lay-chair "$F/clean-joint.xml"
    expect_rc 2
    expect_err "there is no rule 'del-lay-chair'"
}

t_warnings_as_errors_fails_on_a_warning() {
    run_cocom check "$F/seat-missing.xml"
    expect_rc 0
    run_cocom check --warnings-as-errors "$F/seat-missing.xml"
    expect_rc 1
    expect_err "warning: The Primary Care Commissioning Committee has no seat for Healthwatch"
    expect_err "cocom check: 1 of 1 file failed"
}

t_warnings_as_errors_does_not_count_notes() {
    sed 's|<submission annex="B" date="2015-01-08"/>|<submission annex="B" date="2015-01"/>|' \
        "$F/clean-delegated.xml" > "$T/month.xml"
    run_cocom check --warnings-as-errors "$T/month.xml"
    expect_rc 0
    expect_err "note: The proforma was submitted in January 2015;"
    expect_err "1 file valid (0 warnings)"
}

t_several_files_one_compile() {
    # The rules are compiled once and applied to each file in turn; the
    # exit status follows the files with errors.
    run_cocom check "$F/clean-delegated.xml" "$F/del-lay-chair.xml" "$F/seat-missing.xml" "$F/clean-joint.xml"
    expect_rc 1
    expect_err "del-lay-chair.xml:"
    expect_err "seat-missing.xml:"
    expect_err "cocom check: 1 of 4 files failed (1 error, 1 warning)"
    expect_err_lines 3
}

t_findings_from_standard_input() {
    f=$F/del-lay-chair.xml
    run_cocom_in "$f" check -
    expect_rc 1
    expect_err "<stdin>:$(line_of "$f" '<chair member="gp1"/>'): error: The Primary Care Commissioning Committee is chaired by"
}

t_schema_errors_come_before_rules() {
    # An invalid arrangement gets the schema's errors and no rule findings.
    sed 's|<chair member="gp1"/>|<chair member="gp1" colour="red"/>|' "$F/del-lay-chair.xml" > "$T/invalid.xml"
    run_cocom check "$T/invalid.xml"
    expect_rc 1
    expect_err "the chair has an attribute 'colour' that it cannot have"
    expect_no_err "[DEL-LAY-CHAIR"
}

# A copy of the data folder whose rules file can be broken.
data_copy() {
    mkdir -p "$T/data/stylesheets"
    cp -r "$SRCDIR/schema" "$T/data/"
    cp -r "$SRCDIR/stylesheets/rules" "$T/data/stylesheets/"
    # check also wants the year's national functions table (the documents print it)
    mkdir -p "$T/data/templates"
    cp "$SRCDIR"/templates/functions-*.xml "$T/data/templates/"
}

t_missing_rules_file() {
    data_copy
    rm "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom check --data-dir="$T/data" "$F/clean-joint.xml"
    expect_rc 1
    expect_err "error: cannot load the national rules $T/data/stylesheets/rules/national-rules.sch; is cocom installed (or COCOM_DATADIR set)?"
    run_cocom rules --data-dir="$T/data"
    expect_rc 1
    run_cocom check --data-dir="$T/data" --disable=DEL-LAY-CHAIR "$F/clean-joint.xml"
    expect_rc 1
}

t_rule_without_source_is_refused() {
    data_copy
    sed -i 's|<pattern id="SEAT-MISSING" cocom:source="Next steps §4.3.2, §4.4.2">|<pattern id="SEAT-MISSING">|' \
        "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom check --data-dir="$T/data" "$F/clean-joint.xml"
    expect_rc 1
    expect_err "rule SEAT-MISSING has no cocom:source (the passage of the guidance it enforces)"
    expect_err "error: the national rules cannot be compiled"
}

t_rule_mixing_severities_is_refused() {
    data_copy
    sed -i 's|<assert role="warning" test="a:observer\[@role = .healthwatch.\]|<assert role="error" test="a:observer[@role = '"'"'healthwatch'"'"']|' \
        "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom rules --data-dir="$T/data"
    expect_rc 1
    expect_err "rule SEAT-MISSING mixes errors and warnings; one rule has one severity (split it in two)"
}

t_unsupported_schematron_is_refused() {
    data_copy
    sed -i 's|  <let name="model"|  <phase id="quick"/>\n  <let name="model"|' "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom rules --data-dir="$T/data"
    expect_rc 1
    expect_err "<phase> is not supported by cocom's Schematron compiler"
}

t_rule_with_a_bad_xpath_is_reported() {
    data_copy
    sed -i 's|<assert role="error" test="a:chair">|<assert role="error" test="a:chair[">|' \
        "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom check --data-dir="$T/data" "$F/clean-joint.xml"
    expect_rc 1
    line=$(line_of "$T/data/stylesheets/rules/national-rules.sch" 'test="a:chair["')
    expect_err "national-rules.sch:$line: error: rule DEL-LAY-CHAIR: the test of <assert> is not valid XPath (the expression is not valid, at character 9): a:chair["
    expect_err "national-rules.sch: error: the national rules cannot be compiled"
    expect_no_err "1 file valid"
}

t_a_new_rule_needs_no_c() {
    # A rule added to the data folder's rules file is listed and applied.
    data_copy
    sed -i 's|  <pattern id="REF-KIND"|  <pattern id="MEETINGS-IN-PUBLIC" cocom:source="Example §1">\n    <title>The committee meets in public</title>\n    <rule context="a:committee">\n      <assert role="warning" test="a:meetings/@in-public = '"'"'yes'"'"'">The <value-of select="a:name"/> does not say it meets in public.</assert>\n    </rule>\n  </pattern>\n\n  <pattern id="REF-KIND"|' \
        "$T/data/stylesheets/rules/national-rules.sch"
    run_cocom rules --data-dir="$T/data"
    expect_rc 0
    expect_out "MEETINGS-IN-PUBLIC"
    f=$F/clean-joint.xml
    run_cocom check --data-dir="$T/data" "$f"
    expect_rc 0
    expect_finding "$f" '<committee id="jc"' warning "The Primary Care Joint Committee does not say it meets in public. [MEETINGS-IN-PUBLIC, Example §1]"
}
