# cocom new: a starter arrangement for each model and any number of CCGs
# (templates/new/), which passes check with only the warnings that name
# what is left to fill in, and builds.

# new_three MODEL: a starter for three CCGs in $T/MODEL.xml.
new_three() {
    run_cocom new --model "$1" --ccg "NHS Testtown CCG=99A" --ccg "NHS Othertown CCG=99b" \
        --ccg "Third & Last CCG=99C" -o "$T/$1.xml"
    expect_rc 0
    expect_err "cocom new: wrote $T/$1.xml"
    [ -s "$T/$1.xml" ] || fail "nothing written"
}

# expect_checks_with_warnings FILE N RULE...: check passes with N warnings,
# each from one of the RULEs.
expect_checks_with_warnings() {
    file=$1; n=$2; shift 2
    run_cocom check "$file"
    expect_rc 0
    expect_err "1 file valid ($n warning"
    pattern=$(printf '\\[%s,|' "$@")
    other=$(grep ': warning: ' "$ERR" | grep -vE "${pattern%|}" || true)
    [ -z "$other" ] || fail "warnings that do not name what is left to fill in: $other"
    [ "$(grep -c ': warning: ' "$ERR")" -eq "$n" ] || fail "expected $n warnings"
}

# expect_builds FILE N: cocom build makes N PDFs, each that pdfinfo reads.
expect_builds() {
    run_cocom build -o "$T/out" "$1"
    expect_rc 0
    n=$(ls "$T/out"/*.pdf 2>/dev/null | wc -l)
    [ "$n" -eq "$2" ] || { ls "$T/out"; fail "built $n PDFs, expected $2"; }
    for f in "$T/out"/*.pdf; do
        [ "$(pdf_pages "$f")" -ge 1 ] || fail "$f has no pages"
    done
}

t_new_joint_checks_and_builds() {
    new_three joint
    # One joint committee of every CCG and NHS England.
    grep -qF '<committee id="joint-committee" type="joint-committee" parties="nhs-testtown-ccg nhs-othertown-ccg third-last-ccg nhse">' "$T/joint.xml" \
        || fail "not one committee of the three CCGs and NHS England"
    grep -qF '<name>Third &amp; Last CCG</name>' "$T/joint.xml" || fail "the name is not escaped"
    grep -qF 'ods-code="99B"' "$T/joint.xml" || fail "the code is not in capitals"
    grep -qF '<title>Primary care co-commissioning: NHS Testtown CCG, NHS Othertown CCG and Third &amp; Last CCG, 2015/16</title>' "$T/joint.xml" \
        || fail "the title does not name the CCGs"
    expect_checks_with_warnings "$T/joint.xml" 4 COI-REGISTER-RECORDED MANDATE-RECORDED
    expect_err "For Third & Last CCG, the arrangement does not record the vote of its member practices"
    # a proforma (annex A) and ballot papers per CCG, the committee's terms
    expect_builds "$T/joint.xml" 7
    expect_pdf_text "$T/out/joint-committee-terms-of-reference.pdf" 1 "Primary Care Co-commissioning Joint Committee"
    [ -s "$T/out/third-last-ccg-proforma-annex-a.pdf" ] || fail "no annex A for the third CCG"
}

t_new_committees_in_common_checks_and_builds() {
    new_three committees-in-common
    grep -qF '<model kind="joint" joint-form="committees-in-common"' "$T/committees-in-common.xml" || fail "the model is not committees in common"
    [ "$(grep -c '<committee id=".*-committee" type="joint-committee"' "$T/committees-in-common.xml")" -eq 3 ] \
        || fail "not one joint committee per CCG"
    grep -qF '<committees-in-common id="in-common" committees="nhs-testtown-ccg-committee nhs-othertown-ccg-committee third-last-ccg-committee">' \
        "$T/committees-in-common.xml" || fail "the committees do not meet in common"
    expect_checks_with_warnings "$T/committees-in-common.xml" 4 COI-REGISTER-RECORDED MANDATE-RECORDED
    expect_builds "$T/committees-in-common.xml" 9
}

t_new_delegated_checks_and_builds() {
    new_three delegated
    [ "$(grep -c '<committee id=".*-pccc" type="committee"' "$T/delegated.xml")" -eq 3 ] || fail "not one committee per CCG"
    expect_checks_with_warnings "$T/delegated.xml" 4 COI-REGISTER-RECORDED MANDATE-RECORDED
    expect_builds "$T/delegated.xml" 9
    expect_pdf_text "$T/out/nhs-othertown-ccg-proforma-annex-b.pdf" 1 "NHS Othertown CCG"
}

t_new_greater_involvement_checks_and_builds() {
    run_cocom new --model greater-involvement --ccg "NHS Testtown CCG=99A"
    expect_rc 0
    cp "$OUT" "$T/gi.xml"
    ! grep -q '<committee ' "$T/gi.xml" || fail "greater involvement needs no committee"
    expect_checks_with_warnings "$T/gi.xml" 0 NONE
    # only the board report
    expect_builds "$T/gi.xml" 1
    report=$(ls "$T"/out/*-report-2015-03-01.pdf)
    [ -n "$report" ] || fail "no report named after its board and date: $(ls "$T/out")"
    expect_pdf_text "$report" 1 "FILL IN: how NHS Testtown CCG will take part"
}

t_new_one_ccg_and_practices_into_it() {
    run_cocom new --model delegated --ccg "NHS Testtown CCG=99A" -o "$T/a.xml"
    expect_rc 0
    run_cocom practices "$SRCDIR/tests/cli/fixtures/epraccur-test.csv" --ccg 99A --into "$T/a.xml"
    expect_rc 0
    grep -qF '<practice id="nhs-testtown-ccg-z99001" ods-code="Z99001"><name>The Limes Surgery</name></practice>' "$T/a.xml" \
        || fail "the practices were not written into the starter"
    expect_checks_with_warnings "$T/a.xml" 2 COI-REGISTER-RECORDED MANDATE-RECORDED
    # a ballot paper per practice now
    expect_builds "$T/a.xml" 3
    expect_pages "$T/out/nhs-testtown-ccg-ballot-papers.pdf" 5
}

t_new_refuses_to_overwrite_without_force() {
    echo "my arrangement" > "$T/a.xml"
    run_cocom new --model joint --ccg "NHS Testtown CCG=99A" -o "$T/a.xml"
    expect_rc 1
    expect_err "$T/a.xml: error: the file exists; give --force to replace it"
    [ "$(cat "$T/a.xml")" = "my arrangement" ] || fail "the file was replaced"
    [ -z "$(ls "$T" | grep tmp)" ] || fail "a temporary file was left"
    run_cocom new --model joint --ccg "NHS Testtown CCG=99A" -o "$T/a.xml" --force
    expect_rc 0
    run_cocom check -q "$T/a.xml"
    expect_rc 0
    [ -z "$(ls "$T" | grep tmp)" ] || fail "a temporary file was left"
}

t_new_into_a_folder_that_does_not_exist_writes_nothing() {
    run_cocom new --model joint --ccg "NHS Testtown CCG=99A" -o "$T/nope/a.xml"
    expect_rc 1
    expect_err "$T/nope/a.xml: error: cannot write the file"
}

t_new_usage_errors() {
    expect_usage_error "cocom new: no model given" new --ccg "NHS Testtown CCG=99A"
    expect_usage_error "no CCG given" new --model joint
    expect_usage_error "--model: 'shared' is not one of joint, committees-in-common, delegated, greater-involvement" \
        new --model shared --ccg "NHS Testtown CCG=99A"
    expect_usage_error "is not NAME=CODE" new --model joint --ccg "NHS Testtown CCG"
    expect_usage_error "'9A' is not a CCG's ODS code" new --model joint --ccg "NHS Testtown CCG=9A"
    expect_usage_error "gives no name" new --model joint --ccg "=99A"
    expect_usage_error "the CCG 99A is given twice" new --model joint --ccg "A CCG=99A" --ccg "B CCG=99a"
    expect_usage_error "takes no arguments ('stray')" new --model joint --ccg "A CCG=99A" stray
    expect_usage_error "unknown option '--frobnicate'" new --model joint --ccg "A CCG=99A" --frobnicate
    [ ! -s "$OUT" ] || fail "a usage error printed an arrangement"
    run_cocom new --help
    expect_rc 0
    expect_out "Usage: cocom new"
}

t_new_reports_a_broken_template_at_its_line() {
    mkdir -p "$T/data"
    cp -r "$SRCDIR/schema" "$SRCDIR/stylesheets" "$SRCDIR/templates" "$T/data/"
    sed -i '0,/@ccg-name@/s/@ccg-name@/@ccg-nmae@/' "$T/data/templates/new/joint.xml"
    line=$(grep -n '@ccg-nmae@' "$T/data/templates/new/joint.xml" | head -1 | cut -d: -f1)
    run_cocom new --data-dir "$T/data" --model joint --ccg "A CCG=99A" -o "$T/a.xml"
    expect_rc 1
    expect_err "templates/new/joint.xml:$line: error: the template has the placeholder @ccg-nmae@, which cocom does not know"
    [ ! -e "$T/a.xml" ] || fail "a starter was written"
}

# --year: the starter is that year's — its year, its start on 1 April, no
# deadline of its own (the year's national one is used) — and builds.
t_new_year_2016_17_delegated() {
    run_cocom new --model delegated --ccg "NHS Testtown CCG=99A" --year 2016/17 -o "$T/d.xml"
    expect_rc 0
    grep -qF '<arrangement xmlns="urn:cocom:arrangement:1" year="2016/17" xml:lang="en-GB">' "$T/d.xml" || fail "not 2016/17"
    grep -qF '<model kind="delegated" start-date="2016-04-01" status="proposed">' "$T/d.xml" || fail "not from 1 April 2016"
    ! grep -q '2015' "$T/d.xml" || fail "a 2015 date is left: $(grep -n 2015 "$T/d.xml")"
    expect_checks_with_warnings "$T/d.xml" 2 COI-REGISTER-RECORDED MANDATE-RECORDED
    expect_builds "$T/d.xml" 3
    expect_pdf_text "$T/out/nhs-testtown-ccg-proforma-annex-b.pdf" 7 "6 November 2015"
}

t_new_year_2017_18_greater_involvement_report_date() {
    run_cocom new --model greater-involvement --ccg "NHS Testtown CCG=99A" --year 2017/18 -o "$T/g.xml"
    expect_rc 0
    grep -qF '<board-report id="hwb-report" board="hwb" date="2017-03-01">' "$T/g.xml" || fail "the report is not dated before 2017/18"
    ! grep -q '201[56]' "$T/g.xml" || fail "another year is left: $(grep -n '201[56]' "$T/g.xml")"
    run_cocom check --warnings-as-errors "$T/g.xml"
    expect_rc 0
}

t_new_year_without_data_is_a_usage_error() {
    run_cocom new --model joint --ccg "NHS Testtown CCG=99A" --year 2018/19 -o "$T/x.xml"
    expect_rc 2
    expect_err "error: there is no national data for 2018/19 (its functions table and application round); the years there are: 2015/16, 2016/17, 2017/18"
    [ ! -e "$T/x.xml" ] || fail "a file was written"
    run_cocom new --model joint --ccg "NHS Testtown CCG=99A" --year 2016-17
    expect_rc 2
    expect_err "error: '2016-17' is not a financial year written as the NHS writes it, such as 2016/17"
    run_cocom new --help
    expect_rc 0
    grep -qF -- "--year=YYYY/YY" "$OUT" || fail "--help does not describe --year"
}
