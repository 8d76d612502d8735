# cocom practices: a CCG's member practices from NHS Digital's GP practice
# list (epraccur), printed or written into an arrangement.  The fixture
# (tests/cli/fixtures/epraccur-test.csv, invented, README.md beside it) has
# the published 27-field layout: three CCGs, closed, dormant and non-GP
# rows, quoted fields with commas.

FIX="$SRCDIR/tests/cli/fixtures"
CSV="$FIX/epraccur-test.csv"

# codes: the ODS codes of the practices in $OUT, in order, on one line.
codes() { grep -o 'ods-code="[A-Z][0-9]*"' "${1:-$OUT}" | cut -d'"' -f2 | tr '\n' ' '; }

# arrangement: a copy of the test arrangement in $T/a.xml, and another to
# compare it with.
arrangement() {
    cp "$FIX/practices-arrangement.xml" "$T/a.xml"
    cp "$FIX/practices-arrangement.xml" "$T/before.xml"
}

# outside_practices FILE: the file without its <practices> elements.
outside_practices() { sed '/<practices[ >]/,/<\/practices>/d' "$1"; }

# expect_untouched: a.xml is byte for byte as it was, and no temporary
# file was left beside it.
expect_untouched() {
    cmp -s "$T/a.xml" "$T/before.xml" || { diff "$T/before.xml" "$T/a.xml" | head; fail "the arrangement was changed"; }
    left=$(ls -A "$T" | grep -v -x -e a.xml -e before.xml -e stdout -e stderr -e log -e bad.csv || true)
    [ -z "$left" ] || fail "left behind: $left"
}

t_practices_lists_a_ccgs_active_gp_practices() {
    run_cocom practices "$CSV" --ccg 99A
    expect_rc 0
    [ "$(codes)" = "Z99001 Z99002 Z99003 Z99007 Z99013 " ] || fail "chose $(codes)"
    expect_out '<practices xmlns="urn:cocom:arrangement:1" count="5">'
    expect_out '<practice id="ccg-99a-z99001" ods-code="Z99001"><name>The Limes Surgery</name></practice>'
    expect_out '<name>Dr A B Smith &amp; Partners</name>'
    expect_out "<name>St John's Medical Centre, The</name>"
    expect_out '<name>Highfield &amp; Park Lane Surgeries</name>'
    expect_out '<name>North Testtown Practice</name>'
    expect_out 'names made from the list'"'"'s capitals: check them'
    [ "$(grep -c '<practice ' "$OUT")" -eq 5 ] || fail "not one line per practice"
}

t_practices_takes_the_commissioner_from_field_24_when_15_is_empty() {
    run_cocom practices "$CSV" --ccg 99b
    expect_rc 0
    [ "$(codes)" = "Z99008 Z99009 " ] || fail "chose $(codes)"
    expect_out '<name>Othertown NHS Health Centre</name>'
    run_cocom practices "$CSV" --ccg 99C
    expect_rc 0
    [ "$(codes)" = "Z99011 Z99012 " ] || fail "chose $(codes)"
    expect_out "<name>1st Street Practice (Dr O'Brien)</name>"
}

t_practices_as_at_a_date_includes_those_since_closed() {
    run_cocom practices "$CSV" --ccg 99A --as-at 2015-06-01
    expect_rc 0
    # Z99004 closed in 2016 and Z99005 is dormant now, but both were open;
    # Z99007 opened in 2017.
    [ "$(codes)" = "Z99001 Z99002 Z99003 Z99004 Z99005 Z99013 " ] || fail "chose $(codes)"
    expect_out 'count="6"'
    expect_out '<name>Newcastle upon Tyne GP Health Centre</name>'
    run_cocom practices "$CSV" --ccg 99A --as-at 2016-03-31
    expect_rc 0
    [ "$(codes)" = "Z99001 Z99002 Z99003 Z99005 Z99013 " ] || fail "on its close date a practice is closed: $(codes)"
}

t_practices_output_pastes_into_an_arrangement() {
    arrangement
    run_cocom practices "$CSV" --ccg 99B
    expect_rc 0
    sed "/<name>Othertown   CCG<\/name>/r $OUT" "$T/before.xml" > "$T/pasted.xml"
    run_cocom check -q "$T/pasted.xml"
    expect_rc 0
    [ "$(codes "$T/pasted.xml" | wc -w)" -eq 4 ] || fail "the pasted list is not there"
}

t_practices_into_replaces_the_list_and_keeps_the_rest() {
    arrangement
    run_cocom practices "$CSV" --ccg 99A --into "$T/a.xml"
    expect_rc 0
    expect_err "wrote 5 practices of CCG 99A into $T/a.xml: check their names"
    [ "$(codes "$T/a.xml")" = "Z99001 Z99002 Z99003 Z99007 Z99013 " ] || fail "the list is now $(codes "$T/a.xml")"
    grep -qF '<practices count="5">' "$T/a.xml" || fail "the count is not 5"
    # A practice already listed keeps its id (the ballot return names it),
    # contract and list size; the name is the list's.
    grep -qF '<practice id="tt-smith" ods-code="Z99002" contract="pms" list-size="9000"><name>Dr A B Smith &amp; Partners</name></practice>' "$T/a.xml" \
        || fail "Z99002 lost its id, contract or list size"
    grep -qF '<practice id="testtown-ccg-z99001" ods-code="Z99001">' "$T/a.xml" || fail "new ids are not the CCG's id and the code"
    grep -qF "<contract-count contract='pms' count=\"1\"/>" "$T/a.xml" || fail "the contract count was not kept as written"
    grep -qF '<description>Kept as written.</description>' "$T/a.xml" || fail "the description was not kept"
    ! grep -q 'Z99099\|an old comment' "$T/a.xml" || fail "the old list is still there"
    outside_practices "$T/before.xml" > "$T/rest-before"
    outside_practices "$T/a.xml" > "$T/rest-after"
    diff "$T/rest-before" "$T/rest-after" || fail "something outside <practices> changed"
    run_cocom check "$T/a.xml"
    expect_rc 0
    # (its one ballot return of five practices is a turnout a reviewer
    # would question: the only finding)
    expect_err "[BALLOT-TURNOUT"
    expect_err "1 file valid (1 warning)"
}

t_practices_into_adds_a_list_where_there_was_none() {
    arrangement
    run_cocom practices "$CSV" --ccg 99B --as-at 2014-01-01 --into "$T/a.xml"
    expect_rc 0
    # Z99010 closed in September 2014: open on 1 January.
    [ "$(codes "$T/a.xml")" = "Z99002 Z99099 Z99008 Z99009 Z99010 " ] || fail "the lists are now $(codes "$T/a.xml")"
    grep -qF '      <practices count="3">' "$T/a.xml" || fail "not added, or not at the <ccg>'s indent"
    grep -qF '        <practice id="othertown-ccg-z99010" ods-code="Z99010"><name>Old Quay Surgery</name></practice>' "$T/a.xml" \
        || fail "not one indented line per practice"
    diff <(outside_practices "$T/before.xml") <(outside_practices "$T/a.xml") || fail "something else changed"
    run_cocom check -q "$T/a.xml"
    expect_rc 0
}

t_practices_into_an_arrangement_it_would_make_invalid_changes_nothing() {
    arrangement
    # The ballot return names a practice the list no longer has.
    sed -i 's/practice="tt-smith"/practice="tt-gone"/' "$T/a.xml" "$T/before.xml"
    run_cocom practices "$CSV" --ccg 99A --into "$T/a.xml"
    expect_rc 1
    expect_err "refers to 'tt-gone', but nothing in the arrangement has that id"
    expect_err "$T/a.xml: error: with these practices the arrangement would not be valid"
    expect_untouched
}

t_practices_into_a_ccg_the_arrangement_lacks_changes_nothing() {
    arrangement
    run_cocom practices "$CSV" --ccg 99C --into "$T/a.xml"
    expect_rc 1
    expect_err "$T/a.xml:5: error: no <ccg> has ods-code=\"99C\""
    expect_untouched
}

# bad_csv LINE-EXPECTED MESSAGE: runs --into with $T/bad.csv, expects
# FILE:LINE: error: MESSAGE, exit 1, the arrangement untouched.
bad_csv() {
    arrangement
    run_cocom practices "$T/bad.csv" --ccg 99A --into "$T/a.xml"
    expect_rc 1
    expect_err "$T/bad.csv:$1: error: $2"
    expect_untouched
}

t_practices_rejects_a_row_with_a_field_too_few() {
    sed '3s/,""$//' "$CSV" > "$T/bad.csv"
    bad_csv 3 "the row has 26 fields, and epraccur has 27"
}

t_practices_rejects_a_row_with_a_field_too_many() {
    sed '12s/$/,""/' "$CSV" > "$T/bad.csv"
    bad_csv 12 "the row has 28 fields, and epraccur has 27"
}

t_practices_rejects_an_unterminated_quote() {
    sed '5s/""$/"/' "$CSV" > "$T/bad.csv"
    bad_csv 5 "field 27: the quote opened at column 173 is never closed"
}

t_practices_rejects_a_bad_practice_code() {
    sed '6s/^"Z99006"/"Z9906"/' "$CSV" > "$T/bad.csv"
    bad_csv 6 "field 1 'Z9906' is not a practice's ODS code"
}

t_practices_rejects_a_bad_date() {
    sed '2s/"19800101"/"19801301"/' "$CSV" > "$T/bad.csv"
    bad_csv 2 "practice Z99002: field 11 '19801301' is not a date (YYYYMMDD)"
    sed '4s/"20160331","C"/"2016-03-31","C"/' "$CSV" > "$T/bad.csv"
    bad_csv 4 "practice Z99004: field 12 '2016-03-31' is not a date (YYYYMMDD)"
}

t_practices_rejects_a_bad_status() {
    sed '1s/"A","B","99A"/"X","B","99A"/' "$CSV" > "$T/bad.csv"
    bad_csv 1 "practice Z99001: field 13 'X' is not a status"
}

t_practices_rejects_a_header_row() {
    { echo "Organisation Code,Name,National Grouping,High Level Health Geography"; cat "$CSV"; } > "$T/bad.csv"
    bad_csv 1 "the row has 4 fields, and epraccur has 27: this is not NHS Digital's GP practice list (it has no header row)"
    # A header of the right width is still not a practice.
    { sed -n 1p "$CSV" | sed 's/^"Z99001"/"ORG_CODE"/'; cat "$CSV"; } > "$T/bad.csv"
    bad_csv 1 "field 1 'ORG_CODE' is not a practice's ODS code (a capital letter and five digits); epraccur has no header row"
}

t_practices_rejects_an_empty_file() {
    : > "$T/bad.csv"
    bad_csv 1 "the file holds no rows"
}

t_practices_rejects_text_that_is_not_utf8() {
    sed '2s/SMITH/SM\xc9TH/' "$CSV" > "$T/bad.csv"
    bad_csv 2 "the row holds bytes that are not UTF-8 text"
}

t_practices_with_no_practice_for_the_ccg_is_an_error() {
    grep -v '"99A"' "$CSV" | grep -v ',99A,' > "$T/bad.csv"
    bad_csv 5 "no GP practice (prescribing setting 4) has the commissioner 99A"
    run_cocom practices "$CSV" --ccg 99B --as-at 1960-01-01
    expect_rc 1
    expect_err "$CSV:13: error: none of the 3 GP practices of CCG 99B in the file was open on that date"
    [ ! -s "$OUT" ] || fail "something was printed"
}

t_practices_is_bounded() {
    arrangement
    cp "$CSV" "$T/bad.csv"
    run_cocom practices "$T/bad.csv" --ccg 99A --into "$T/a.xml" --max-input-size 1k
    expect_rc 1
    expect_err "$T/bad.csv: error: the file is larger than the limit of 1024 bytes (see --max-input-size)"
    expect_untouched
    { cat "$CSV"; printf '"Z99100","%05000d"\n' 0; } > "$T/bad.csv"
    bad_csv 14 "the line is 5011 bytes long, over the limit of 4096"
}

t_practices_usage_errors() {
    expect_usage_error "cocom practices: no CCG given" practices "$CSV"
    expect_usage_error "no practice list given" practices --ccg 99A
    expect_usage_error "--ccg: '9A' is not a CCG's ODS code" practices "$CSV" --ccg 9A
    expect_usage_error "--as-at: '2015-02-30x' is not a date (YYYY-MM-DD)" practices "$CSV" --ccg 99A --as-at 2015-02-30x
    expect_usage_error "--as-at: '2015-02-30' is not a date (YYYY-MM-DD)" practices "$CSV" --ccg 99A --as-at 2015-02-30
    expect_usage_error "more than one practice list given" practices "$CSV" "$CSV" --ccg 99A
    expect_usage_error "unknown option '--frobnicate'" practices "$CSV" --ccg 99A --frobnicate
    run_cocom practices --help
    expect_rc 0
    expect_out "Usage: cocom practices"
    expect_out "check the names"
}
