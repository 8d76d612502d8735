# tests/docs/proforma.sh — the joint (annex A) and delegated (annex B)
# commissioning proformas.
. "$SRCDIR/tests/docs/common.inc"

MODELLED="Modelled on Next steps towards primary care co-commissioning (NHS England, November 2014), not a copy of the national form."

t_joint_proforma_annex_a() {
    render "$T/p.pdf" proforma.xsl "$(sample wolverhampton-2015)" ccg wolverhampton-ccg
    expect_pages "$T/p.pdf" 8
    expect_text "$T/p.pdf" "Annex A Joint commissioning proforma Primary care co-commissioning 2015/16: NHS Wolverhampton Clinical Commissioning Group" 1
    expect_order "$T/p.pdf" "1.1 Name of the CCG" "NHS Wolverhampton Clinical Commissioning Group (Wolverhampton CCG)" \
        "1.2 ODS code" "06A" \
        "2.1 Co-commissioning model" "Joint commissioning arrangements (Model II)" \
        "2.2 Form of the joint arrangement (joint committee or committees in common)" "A joint committee" \
        "2.3 Proposed start date" "1 April 2015" "2.4 Status of the proposal" "Deferred" \
        "January 2015: Wolverhampton CCG applied in January 2015" \
        "3 Functions in scope" "Status in this arrangement" \
        "4.1 Name of the committee" "Primary Care Joint Committee" \
        "9.1 Submitted to" "9.2 Deadline" "30 January 2015" "9.3 Date submitted" "January 2015 (annex A)" \
        "9.4 Approval route" "Agreed with the area team; regional moderation panel" "Sign-off"
    # annex B's questions are not asked
    expect_no_text "$T/p.pdf" "Lay and executive majority"
    expect_no_text "$T/p.pdf" "Delegated commissioning proforma"
}

t_joint_functions_in_scope_with_status() {
    render "$T/p.pdf" proforma.xsl "$(sample wolverhampton-2015)"
    expect_text "$T/p.pdf" "General Practice commissioning Jointly with sub-regions Joint (CCG and NHS England)"
    expect_text "$T/p.pdf" "Pharmacy, eye health and dental commissioning Potential for involvement in discussions but no decision-making role Involvement in discussions only"
    expect_text "$T/p.pdf" "List management – Reserved to NHS England"
    # cells from the national table carry its source
    expect_text "$T/p.pdf" "Source: Next steps towards primary care co-commissioning (NHS England, November 2014), §4.1.5."
}

t_delegated_proforma_annex_b() {
    render "$T/p.pdf" proforma.xsl "$(sample rotherham-2015)"
    expect_pages "$T/p.pdf" 8
    expect_text "$T/p.pdf" "Annex B Delegated commissioning proforma" 1
    expect_order "$T/p.pdf" "Delegated commissioning arrangements (Model III)" "In operation" \
        "3 Delegated functions" "Contractual GP practice performance management Yes Delegated to the CCG" \
        "Functions reserved to NHS England" "Medical performers list, appraisal, revalidation" "Administration of payments" \
        "Name of the committee" "Primary Care Sub-Committee" "Sub-committee (Rotherham CCG)" \
        "Lay Member (Chair, acting)" "Chief Officer [proposed] Chris Edwards Rotherham CCG Executive member Yes One vote" \
        "Chair" "The Lay Member (acting)" \
        "Lay and executive majority among voting members" "6 of the 6 voting seats are lay or executive members: a lay and executive majority." \
        "Additional posts" "4" "Running cost allowance: £25 per head" "Uplift for co-commissioning: No" \
        "PMS premium: about £2,000,000 a year" \
        "Submitted to" "NHS England, through the area team (NHS England)" \
        "Regional moderation panel, then final sign-off by the NHS England commissioning committee" \
        "For Rotherham CCG" "Name Chris Edwards" "Position Chief Officer"
    expect_no_text "$T/p.pdf" "Pooled fund"
}

t_footer_says_modelled_on_every_page() {
    render "$T/p.pdf" proforma.xsl "$(sample hull-2015)"
    n=$(pdf_pages "$T/p.pdf")
    expect_count "$T/p.pdf" "$MODELLED" "$n"
    expect_text "$T/p.pdf" "the wording of the national proforma was not available, so this is not a copy of it" 1
}

t_empty_fields_are_visible_blanks() {
    render "$T/p.pdf" proforma.xsl "$(sample hull-2015)"
    # no area team, population, chair or vice-chair in the data: dotted blanks, not hidden
    expect_text "$T/p.pdf" "1.3 NHS England area team . . . . ."
    expect_text "$T/p.pdf" "1.5 Registered population . . . . ."
    expect_text "$T/p.pdf" "Clinical chair of the governing body . . . . ."
    expect_text "$T/p.pdf" "Vice-chair . . . . ."
    expect_text "$T/p.pdf" "Requested: . . . . ."
    expect_text "$T/p.pdf" "How conflicts of interest will be managed . . . . ."
    # Hull's lay members are listed but not named: a dotted blank in the name column
    expect_text "$T/p.pdf" "Lay Member . . ."
}

t_each_ccg_gets_its_own_proforma() {
    render "$T/cl.pdf" proforma.xsl "$(sample westminster-2015)" ccg central-london-ccg
    render "$T/wl.pdf" proforma.xsl "$(sample westminster-2015)" ccg west-london-ccg
    expect_pages "$T/cl.pdf" 9
    expect_pages "$T/wl.pdf" 9
    expect_text "$T/cl.pdf" "Name of the CCG Central London CCG (CLCCG) 1.2 ODS code 09A"
    expect_text "$T/wl.pdf" "Name of the CCG West London CCG (WLCCG) 1.2 ODS code 08Y"
    expect_text "$T/cl.pdf" "Other CCGs in this arrangement West London CCG"
    # each names its own committee's quorum and its own practices
    expect_text "$T/cl.pdf" "executive members from Central London CCG and NHS England"
    expect_no_text "$T/cl.pdf" "executive members from West London CCG and NHS England"
    expect_text "$T/wl.pdf" "executive members from West London CCG and NHS England"
    expect_text "$T/cl.pdf" "51, of which 22 PMS"
    expect_text "$T/wl.pdf" "35, of which 16 PMS"
    expect_text "$T/cl.pdf" "North West London joint committees in common (8 committees)"
    expect_text "$T/cl.pdf" "Report to the Health and Wellbeing Board (Westminster City Council), 19 November 2015: “Primary care co-commissioning”"
    expect_text "$T/cl.pdf" "In favour of joint commissioning"
}

t_proforma_bookmarks_and_contents() {
    render "$T/p.pdf" proforma.xsl "$(sample rotherham-2015)"
    outline_titles "$T/p.pdf" > "$T/outline"
    [ "$(wc -l < "$T/outline")" -eq 10 ] || { cat "$T/outline"; fail "expected 10 bookmarks"; }
    grep -qx "1 CCG details" "$T/outline" || fail "no bookmark: 1 CCG details"
    grep -qx "Sign-off" "$T/outline" || fail "no bookmark: Sign-off"
    expect_text "$T/p.pdf" "Contents 1 CCG details" 1
    [ "$(pdf_info "$T/p.pdf" Title)" = "Delegated commissioning proforma (annex B): Rotherham CCG" ] || fail "title: $(pdf_info "$T/p.pdf" Title)"
}

t_no_proforma_for_greater_involvement() {
    sample_edit rotherham-2015 "$T/a.xml" 's|<model kind="delegated"|<model kind="greater-involvement"|'
    run_cocom render --xsl "$SRCDIR/stylesheets/proforma.xsl" "$T/a.xml" -o "$T/p.pdf"
    [ "$RC" -ne 0 ] || fail "a proforma was made for greater involvement"
    expect_err "a proforma is for joint or delegated commissioning"
}
