# tests/docs/consistency.sh — one fact, every document: change a fact in a
# copy of a sample and find the new value in every document that shows it,
# and the old value in none.
. "$SRCDIR/tests/docs/common.inc"

# render_all ARRANGEMENT PREFIX: the documents that show committee facts.
render_rotherham_set() {
    render "$T/$2-proforma.pdf" proforma.xsl "$1"
    render "$T/$2-tor.pdf" terms-of-reference.xsl "$1"
}

t_chair_name_everywhere() {
    sample_edit rotherham-2015 "$T/a.xml" 's|<member id="rot-lay-1" role="lay" voting="yes" org="rotherham-ccg"><post>Lay Member</post></member>|<member id="rot-lay-1" role="lay" voting="yes" org="rotherham-ccg"><post>Lay Member</post><name>Ann Example</name></member>|'
    sample_edit rotherham-2015 "$T/b.xml" 's|<member id="rot-lay-1" role="lay" voting="yes" org="rotherham-ccg"><post>Lay Member</post></member>|<member id="rot-lay-1" role="lay" voting="yes" org="rotherham-ccg"><post>Lay Member</post><name>Bea Sample</name></member>|'
    # (the acting chair is dated 1 April 2015, after the January proforma:
    # undated here, so that every document shows the office)
    sed -i 's| acting="yes" date="2015-04-01"| acting="yes"|' "$T/a.xml" "$T/b.xml"
    grep -q 'acting="yes">' "$T/a.xml" || fail "the test could not undate the chair"
    render_rotherham_set "$T/a.xml" a
    render_rotherham_set "$T/b.xml" b
    # the chair's name in the membership table and where the chair is named
    # (the terms of reference name the chair by office: an acting chair is
    # how a meeting was chaired, not who the terms appoint)
    expect_text "$T/a-tor.pdf" "Lay Member Ann Example Rotherham CCG"
    expect_text "$T/a-proforma.pdf" "Lay Member (Chair, acting) Ann Example Rotherham CCG"
    expect_text "$T/a-proforma.pdf" "4.4 Chair The Lay Member (Ann Example) (acting)"
    expect_text "$T/b-tor.pdf" "Lay Member Bea Sample Rotherham CCG"
    expect_text "$T/b-proforma.pdf" "4.4 Chair The Lay Member (Bea Sample) (acting)"
    for f in a-tor a-proforma; do expect_no_text "$T/$f.pdf" "Bea Sample"; done
    for f in b-tor b-proforma; do expect_no_text "$T/$f.pdf" "Ann Example"; done
}

t_function_status_everywhere() {
    sample_edit rotherham-2015 "$T/a.xml" 's|<function id="f-complaints" key="complaints-management" status="delegated">|<function id="f-complaints" key="complaints-management" status="reserved">|'
    render_rotherham_set "$(sample rotherham-2015)" old
    render_rotherham_set "$T/a.xml" new
    # before: delegated in the proforma's table and in Schedule 2
    expect_text "$T/old-proforma.pdf" "Complaints management Yes Delegated to the CCG"
    expect_text "$T/old-tor.pdf" "Complaints management Delegated to the CCG"
    # after: reserved, in both, and delegated in neither
    expect_text "$T/new-proforma.pdf" "Complaints management Yes Reserved to NHS England"
    expect_no_text "$T/new-proforma.pdf" "Complaints management Yes Delegated to the CCG"
    expect_text "$T/new-proforma.pdf" "Functions reserved to NHS England • Complaints management • Medical performers list, appraisal, revalidation"
    expect_no_text "$T/new-tor.pdf" "Complaints management Delegated to the CCG"
    expect_text "$T/new-tor.pdf" "are not exercised by the Primary Care Sub-Committee: • Complaints management"
}

t_joint_status_in_the_report_table_and_the_proforma() {
    # the report's table shows what each model offers (not this CCG's status);
    # an offer changed in the data changes the report and the proforma alike
    sample_edit wolverhampton-2015 "$T/a.xml" 's|<offer model="joint">Subject to joint agreement with sub-region</offer>|<offer model="joint">Jointly with the area team, by agreement</offer>|'
    render "$T/r.pdf" report-city-of-wolverhampton.xsl "$T/a.xml"
    render "$T/p.pdf" proforma.xsl "$T/a.xml"
    expect_text "$T/r.pdf" "Design and implementation of local incentive schemes No Jointly with the area team, by agreement Yes"
    # the proforma prints the national table's wording, whatever the local offer
    expect_text "$T/p.pdf" "Design and implementation of local incentives schemes Subject to joint agreement with the area team Joint (CCG and NHS England)"
    expect_no_text "$T/p.pdf" "Jointly with the area team, by agreement"
    for f in r p; do expect_no_text "$T/$f.pdf" "Subject to joint agreement with sub-region"; done
}

t_committee_name_everywhere() {
    sample_edit hull-2015 "$T/a.xml" 's|<name>Primary Care Commissioning Committee</name>|<name>Primary Care Co-commissioning Board</name>|'
    render "$T/t.pdf" terms-of-reference.xsl "$T/a.xml"
    render "$T/p.pdf" proforma.xsl "$T/a.xml"
    expect_text "$T/t.pdf" "Terms of reference of the Primary Care Co-commissioning Board" 1
    expect_text "$T/p.pdf" "Name of the committee Primary Care Co-commissioning Board"
    for f in t p; do expect_no_text "$T/$f.pdf" "Primary Care Commissioning Committee"; done
    [ "$(pdf_info "$T/t.pdf" Title)" = "Terms of reference: Primary Care Co-commissioning Board (Hull CCG)" ] || fail "title: $(pdf_info "$T/t.pdf" Title)"
    xsltproc "$SRCDIR/stylesheets/plan.xsl" "$T/a.xml" | grep -qF 'title="Terms of reference: Primary Care Co-commissioning Board (Hull CCG)"' || fail "the plan's title"
}

t_report_date_everywhere() {
    sample_edit wolverhampton-2015 "$T/a.xml" 's|<board-report id="hwb-2015-07-29" board="wolverhampton-hwb" date="2015-07-29"|<board-report id="hwb-2015-07-29" board="wolverhampton-hwb" date="2015-07-30"|'
    render "$T/r.pdf" report-city-of-wolverhampton.xsl "$T/a.xml"
    # (the January proforma knows no July report: asked as at August)
    render "$T/p.pdf" proforma.xsl "$T/a.xml" as-at 2015-08-01
    expect_text "$T/r.pdf" "Health and Wellbeing Board 30 July 2015" 1
    expect_text "$T/p.pdf" "Report to the Health and Wellbeing Board (City of Wolverhampton Council), 30 July 2015: “Update on Primary Care Co-Commissioning”"
    for f in r p; do expect_no_text "$T/$f.pdf" "29 July 2015"; done
    xsltproc "$SRCDIR/stylesheets/plan.xsl" "$T/a.xml" | grep -qF 'name="wolverhampton-hwb-report-2015-07-30"' || fail "the plan's file name"
}

t_practice_name_everywhere() {
    sed 's|<name>Castle Street Practice (test)</name>|<name>Riverside Surgery (test)</name>|' \
        "$SRCDIR/tests/docs/mandate/low-turnout.xml" > "$T/a.xml"
    ! cmp -s "$SRCDIR/tests/docs/mandate/low-turnout.xml" "$T/a.xml" || fail "the edit changed nothing"
    render "$T/b.pdf" ballot.xsl "$T/a.xml"
    render "$T/m.pdf" mandate-summary.xsl "$T/a.xml"
    expect_text "$T/b.pdf" "Riverside Surgery (test) wishes to mandate Testshire CCG" 3
    expect_text "$T/m.pdf" "Riverside Surgery (test) (T90003) Greater involvement"
    for f in b m; do expect_no_text "$T/$f.pdf" "Castle Street"; done
}
