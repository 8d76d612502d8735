# tests/docs/report.sh — the Health and Wellbeing Board report and the two
# councils' house styles, rendered from the samples with cocom.
. "$SRCDIR/tests/docs/common.inc"

WOLV=report-city-of-wolverhampton.xsl
WEST=report-westminster-city-council.xsl

t_wolverhampton_report_pages_and_cover() {
    render "$T/r.pdf" $WOLV "$(sample wolverhampton-2015)" report hwb-2015-07-29
    expect_pages "$T/r.pdf" 6
    # the masthead and the two-column cover table, in the seed's field order
    expect_order "$T/r.pdf" "City of Wolverhampton Council" "Health and Wellbeing Board" "29 July 2015" \
        "Report title" "Update on Primary Care Co-Commissioning" \
        "Cabinet member with lead responsibility" "Councillor Sandra Samuels" "Health and Wellbeing" \
        "Wards affected" "All" "Accountable director" "Steven Marshall" \
        "Originating service" "Wolverhampton CCG)" \
        "Accountable employee(s)" "Steven Marshall" "Email" "Director of Strategy & Transformation" "steven.marshall3@nhs.net" \
        "Report to be/has been considered by" "Wolverhampton CCG Governing Body" "14 July April 2015"
    expect_link "$T/r.pdf" "mailto:steven.marshall3@nhs.net"
}

t_wolverhampton_recommendations_on_page_one() {
    render "$T/r.pdf" $WOLV "$(sample wolverhampton-2015)"
    expect_text "$T/r.pdf" "Recommendation(s) for action or decision: The Health and Wellbeing Board is recommended to: 1. Provide appropriate feedback to the CCG" 1
    expect_text "$T/r.pdf" "Recommendations for noting: The Health and Wellbeing Board is asked to note: 1. The contents of the report" 1
    # no contents list (the council's papers have none); the sections
    # start on page 2, as in the seed
    expect_no_text "$T/r.pdf" "Contents"
    expect_no_text "$T/r.pdf" "This paper outlines" 1
    expect_text "$T/r.pdf" "1.0 Purpose This paper outlines the content of the guidance received to date" 2
}

t_wolverhampton_sections_in_order() {
    render "$T/r.pdf" $WOLV "$(sample wolverhampton-2015)"
    # the sections in order; Levels 2 and 3 run into their paragraphs, as
    # in the seed, Level 1 stands alone
    expect_order "$T/r.pdf" \
        "1.0 Purpose" "2.0 Background" "2.1 Primary Care Co-Commissioning is one of a series" \
        "Level 1: Greater involvement in primary care decision-making –" \
        "Level 2: Joint commissioning arrangements – A joint commissioning model enables" \
        "Joint committee: a joint committee makes a decision" \
        "Level 3: Delegated commissioning arrangements – Delegated commissioning offers" \
        "2.5 The table below provides a summary" \
        "3.0 Progress, options, discussion, etc." "3.4.2 Joint Commissioning Arrangements enables CCGs" \
        "4.0 Financial implications" "5.0 Legal implications" "6.0 Equalities implications" \
        "7.0 Environmental implications" "8.0 Human resources implications" \
        "9.0 Corporate landlord implications" "10.0 Schedule of background papers" "10.1 N/A"
}

t_wolverhampton_functions_table_from_scope() {
    render "$T/r.pdf" $WOLV "$(sample wolverhampton-2015)"
    # the seed's table, row by row, with the report's own wording (offers)
    expect_order "$T/r.pdf" "Primary Care Function" "Greater Involvement" "Joint Commissioning" "Delegated Commissioning" \
        "General Practice commissioning" "Potential for involvement in discussions but no decision-making role" "Jointly with sub-regions" "Yes" \
        "Pharmacy, eye health and dental commissioning" \
        "Design and implementation of local incentive schemes" "No" "Subject to joint agreement with sub-region" "Yes" \
        "General practice budget management" "No" "Jointly with sub-regions" "Yes" \
        "Complaints management" "No" "Jointly with sub-regions" "Yes" \
        "Contractual GP practice performance management" "Opportunity for involvement in performance management discussions" \
        "Medical performers' list, appraisal, revalidation" "No" "No" "No"
    # the national wording ("area teams") is not used where the report words it locally
    expect_no_text "$T/r.pdf" "Jointly with area teams"
    # reserved functions that are not in the report's table stay out of it
    expect_no_text "$T/r.pdf" "Administration of payments"
}

t_wolverhampton_functions_table_follows_the_data() {
    sample_edit wolverhampton-2015 "$T/a.xml" 's|<offer model="joint">Jointly with sub-regions</offer>|<offer model="joint">Jointly with the Black Country</offer>|'
    render "$T/r.pdf" $WOLV "$T/a.xml"
    expect_count "$T/r.pdf" "Jointly with the Black Country" 4
    expect_no_text "$T/r.pdf" "Jointly with sub-regions"
}

t_wolverhampton_bookmarks_and_metadata() {
    render "$T/r.pdf" $WOLV "$(sample wolverhampton-2015)"
    outline_titles "$T/r.pdf" > "$T/outline"
    grep -qx "1.0 Purpose" "$T/outline" || { cat "$T/outline"; fail "no bookmark 1.0 Purpose"; }
    grep -qx "10.0 Schedule of background papers" "$T/outline" || fail "no bookmark 10.0"
    grep -qx "Recommendation(s) for action or decision" "$T/outline" || fail "no bookmark for the recommendations"
    [ "$(wc -l < "$T/outline")" -eq 12 ] || { cat "$T/outline"; fail "expected 12 bookmarks"; }
    [ "$(pdf_info "$T/r.pdf" Title)" = "Update on Primary Care Co-Commissioning" ] || fail "PDF title: $(pdf_info "$T/r.pdf" Title)"
    pdf_info "$T/r.pdf" Subject | grep -qF "Health and Wellbeing Board, City of Wolverhampton Council" || fail "PDF subject: $(pdf_info "$T/r.pdf" Subject)"
    # the running header is the council's (the meeting; the council), not
    # the CCG's; footer "Page N of M"
    expect_text "$T/r.pdf" "Health and Wellbeing Board, 29 July 2015 City of Wolverhampton Council" 3
    expect_no_text "$T/r.pdf" "NHS Wolverhampton Clinical Commissioning Group" 3
    expect_text "$T/r.pdf" "Page 3 of 6" 3
}

t_westminster_report_pages_and_cover() {
    render "$T/r.pdf" $WEST "$(sample westminster-2015)" report hwb-2015-11-19
    # Nine pages since web addresses break after a slash or before a dot
    # (issue 18): the background papers' two addresses take two lines fewer.
    expect_pages "$T/r.pdf" 9
    expect_order "$T/r.pdf" "Westminster City Council" "Health and Wellbeing Board" \
        "Date:" "19 November 2015" "Classification:" "General Release" "Title:" "Primary care co-commissioning" \
        "Report of:" "Central London CCG and West London CCG" "Wards Involved:" "All" \
        "Policy Context:" "Primary care co-commissioning has brought CCGs into the commissioning of local GPs services" \
        "Financial Summary:" "Not applicable" \
        "Report Author and Contact Details:" "Christopher Cotton" "Lead for primary care co-commissioning" \
        "North West London Collaboration of CCGs" "chris.cotton@nw.london.nhs.uk"
    expect_link "$T/r.pdf" "mailto:chris.cotton@nw.london.nhs.uk"
}

t_westminster_numbered_paragraphs_and_subheads() {
    render "$T/r.pdf" $WEST "$(sample westminster-2015)"
    expect_no_text "$T/r.pdf" "Contents"
    expect_order "$T/r.pdf" \
        "1. Executive Summary" "1.1 This paper updates the board" "1.2 An invitation has been extended" \
        "2. Key Matters for the Board" "2.1 The board is asked to note and discuss the content of this report." \
        "3. Background" "3.1 Primary care co-commissioning launched in Westminster" \
        "4. Considerations" "The structure for co-commissioning in Westminster and across North West London" \
        "4.1 Central London CCG and West London CCG have been co-commissioning" \
        "The review of PMS contracts" "4.8 NHS England is leading a national review" \
        "Designing and implementing a new model of primary care for Westminster" \
        "4.24 These conversations are also taking into account" "4.24 Common themes are emerging" \
        "4.26 Throughout this work" "5. Legal Implications" "5.1 The co-commissioning structures" \
        "6. Financial Implications" "6.1 The two CCGs' joint committees will decide"
    # the sub-heads are italic: the report uses the bold italic face
    pdffonts "$T/r.pdf" | grep -q "BoldItalic" || fail "no bold italic face for the sub-heads"
}

t_westminster_decision_matrix_from_data() {
    render "$T/r.pdf" $WEST "$(sample westminster-2015)"
    expect_order "$T/r.pdf" "Name" "Function" "Joint committee decisions needed" "Decision possible with approved policy" "Potential need for urgent decisions" \
        "Determination of key decisions or requests" "List closure" "Practice mergers / moves" "Boundary changes" \
        "Securing services through APMS contracts" "PMS (reviews, etc.)" "Discretionary payments" "Remedial and breach notices" \
        "Contract termination - e.g. death / bankruptcy / CQC" "Contractual changes (contentious / important)" \
        "Contractual changes (transactional)" "Financial Processes" "Ensuring budget sustainability" "Management accounting" \
        "Strategy and Policy" "Securing quality improvement" "Developing and agreeing outcome framework – e.g. LIS" \
        "Securing consistent population based provision of advanced and enhanced services" \
        "Premises plans, including discretionary funding requests" "4.5 National guidance entitles"
    # the ticks are not known: no cell says Yes or No
    expect_no_text "$T/r.pdf" "Yes"
}

t_westminster_matrix_flags_follow_the_data() {
    sample_edit westminster-2015 "$T/a.xml" 's|<decision id="d-list-closure">|<decision id="d-list-closure" committee-decision="yes" approved-policy="no" urgent-decision="yes">|'
    render "$T/r.pdf" $WEST "$T/a.xml"
    expect_text "$T/r.pdf" "List closure Yes No Yes Practice mergers / moves"
}

t_westminster_closing_parts() {
    render "$T/r.pdf" $WEST "$(sample westminster-2015)"
    expect_order "$T/r.pdf" "6.1 The two CCGs' joint committees" \
        "If you have any queries about this report or wish to inspect any of the background papers please contact:" \
        "Dr Christopher Cotton" "chris.cotton@nw.london.nhs.uk" "07770 853 394" \
        "APPENDICES:" "None." "BACKGROUND PAPERS:" \
        "The papers discussed at the September meeting" "The Strategic Commissioning Framework can be accessed here"
    expect_link "$T/r.pdf" "http://www.centallondonccg.nhs.uk/news-publications/publications.aspx?n=2422"
    expect_link "$T/r.pdf" "https://www.england.nhs.uk/london/wp-content/uploads/sites/8/2015/03/Indn-prim-care-doc.pdf"
    outline_titles "$T/r.pdf" > "$T/outline"
    for b in "1. Executive Summary" "4. Considerations" "6. Financial Implications" "Contact" "Appendices" "Background papers"; do
        grep -qxF "$b" "$T/outline" || { cat "$T/outline"; fail "no bookmark: $b"; }
    done
}

t_default_house_style() {
    # the plain default prints any report, with the data's own labels
    render "$T/r.pdf" report.xsl "$(sample westminster-2015)"
    expect_text "$T/r.pdf" "Classification: General Release"
    expect_text "$T/r.pdf" "Health and Wellbeing Board"
    # a cover field without a label gets the house style's default label
    sample_edit wolverhampton-2015 "$T/a.xml" 's|<wards label="Wards affected">All</wards>|<wards>All</wards><meeting-date/>|'
    render "$T/w.pdf" report-westminster-city-council.xsl "$T/a.xml"
    expect_text "$T/w.pdf" "Wards Involved: All Date: 29 July 2015"
}

t_report_fails_without_report() {
    run_cocom render --xsl "$SRCDIR/stylesheets/report.xsl" "$(sample rotherham-2015)" -o "$T/r.pdf"
    [ "$RC" -ne 0 ] || fail "a report was made from an arrangement without one"
    expect_err "the arrangement has no board report"
    [ ! -e "$T/r.pdf" ] || fail "a PDF was written"
}

# The council's words and the meeting's date: nothing of the program's
# vocabulary, no LMC term, no date after the meeting but the plans the
# report names (the PMS review "by the end of March 2016").
t_reports_say_only_what_their_council_knew() {
    render "$T/w.pdf" $WOLV "$(sample wolverhampton-2015)"
    expect_clean "$T/w.pdf" council 2015-07-29
    render "$T/m.pdf" $WEST "$(sample westminster-2015)" report hwb-2015-11-19
    expect_clean "$T/m.pdf" council 2015-11-19 2016-03
    # the running head is the council's: the meeting and the paper's marking
    expect_text "$T/m.pdf" "Health and Wellbeing Board, 19 November 2015 General Release" 2
}

# A heading level is never skipped (a screen reader announces a missing
# level): sections are H2, their sub-headings H3.
t_report_heading_levels_do_not_skip() {
    for pair in "$WOLV wolverhampton-2015" "$WEST westminster-2015" "report.xsl westminster-2015"; do
        set -- $pair
        run_cocom render --xsl "$SRCDIR/stylesheets/$1" "$(sample "$2")" --fo "$T/r.fo" -o "$T/r.pdf"
        expect_rc 0
        python3 - "$T/r.fo" <<'PY' || fail "$1 on $2: a heading level is skipped"
import re, sys
levels = [int(m) for m in re.findall(r'role="H([1-6])"', open(sys.argv[1]).read())]
prev = 0
for lv in levels:
    if lv > prev + 1:
        print("H%d after H%d" % (lv, prev)); sys.exit(1)
    prev = lv
PY
        grep -q 'role="H3"' "$T/r.fo" || [ "$2" = wolverhampton-2015 ] || fail "$1: no H3 sub-heading"
    done
}

# The Westminster matrix has no ticks in the data (they are not in the
# sources): the report says so under the table instead of printing an
# empty grid without a word.
t_westminster_empty_matrix_says_so() {
    render "$T/r.pdf" $WEST "$(sample westminster-2015)"
    expect_order "$T/r.pdf" "Premises plans, including discretionary funding requests" \
        "No entries have yet been made in the three right-hand columns of this table; they are to be completed."
}

# The plain style keeps its contents list (an option the council styles
# turn off).
t_plain_report_keeps_its_contents_list() {
    render "$T/r.pdf" report.xsl "$(sample westminster-2015)"
    expect_text "$T/r.pdf" "Contents" 1
    render "$T/n.pdf" report.xsl "$(sample westminster-2015)" report-toc no
    expect_no_text "$T/n.pdf" "Contents"
}

# The contents list's page numbers: each heading is on the page the list
# gives it (not only the words of the list).  The plain style has one (the
# councils' house styles have none).
t_contents_page_numbers_are_where_the_headings_are() {
    render "$T/d.pdf" report.xsl "$(sample wolverhampton-2015)"
    expect_contents_pages "$T/d.pdf" 1
    render "$T/m.pdf" report.xsl "$(sample westminster-2015)"
    expect_contents_pages "$T/m.pdf" 1
}

# No page starts with a list's last item alone (issue 18 item 3): the
# Westminster report's background papers once left their second paper
# alone on page 10; the last item is now kept with the one before.
t_last_list_item_not_alone_on_a_page() {
    render "$T/w.pdf" report-westminster-city-council.xsl "$(sample westminster-2015)"
    pages=$(pdfinfo "$T/w.pdf" | awk '/^Pages:/ { print $2 }')
    pdftotext -layout -f "$pages" -l "$pages" "$T/w.pdf" - > "$T/last.txt"
    grep -q "Strategic Commissioning Framework" "$T/last.txt" || fail "the last paper is not on the last page"
    grep -q "September meeting\|can be accessed here - http://www.centallondonccg" "$T/last.txt" \
        || { cat "$T/last.txt"; fail "the last paper is alone on page $pages"; }
}
