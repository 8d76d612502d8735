# tests/docs/ballot.sh — the LMC's practice ballot paper and the one-page
# mandate summary.
. "$SRCDIR/tests/docs/common.inc"

t_one_ballot_page_per_practice() {
    render "$T/b.pdf" ballot.xsl "$(sample rotherham-2015)" ccg rotherham-ccg
    expect_pages "$T/b.pdf" 36
    for p in 1 17 36; do
        expect_text "$T/b.pdf" "Co-Commissioning: Making the Right Choice Example Practice $p Practice code Y000$(printf %02d $p) Example Practice $p wishes to mandate Rotherham CCG to undertake the following co-commissioning model for 2015/16." "$p"
        expect_text "$T/b.pdf" "On behalf of (name of practice) Example Practice $p" "$p"
        expect_text "$T/b.pdf" "Page $p of 36" "$p"
    done
    expect_count "$T/b.pdf" "wishes to mandate" 36
    outline_titles "$T/b.pdf" | grep -qx "Example Practice 36" || fail "no bookmark for practice 36"
}

t_ballot_wording_is_the_lmcs() {
    render "$T/b.pdf" ballot.xsl "$(sample hull-2015)"
    expect_pages "$T/b.pdf" 57
    expect_order "$T/b.pdf" "Model I" "(continue current arrangements)" "Model II" "(joint arrangements with the Area Team)" \
        "Model III" "(delegated arrangements)" \
        "The LMC recommends practices only choose one option when mandating their CCG." \
        "Signed: . . ." "On behalf of (name of practice) Example Practice 1" "Date: . . ."
    pdffonts "$T/b.pdf" | grep -q "Bold" || fail "no bold face (the instruction's 'only')"
}

t_one_blank_paper_when_no_practice_is_listed() {
    python3 - "$(sample wolverhampton-2015)" "$T/a.xml" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'\s*<practices>.*?</practices>', '', s, flags=re.S)
s = re.sub(r'\s*<!-- illustrative[^>]*-->\s*<ballot-return[^>]*/>', '', s)
s = re.sub(r'\s*<ballot-return[^>]*/>', '', s)
open(sys.argv[2], 'w').write(s)
PY
    run_cocom check "$T/a.xml"
    expect_rc 0
    render "$T/b.pdf" ballot.xsl "$T/a.xml"
    expect_pages "$T/b.pdf" 1
    expect_text "$T/b.pdf" "Practice Header (Name of Practice) wishes to mandate NHS Wolverhampton Clinical Commissioning Group to undertake the following co-commissioning model for 2015/16."
    expect_text "$T/b.pdf" "On behalf of (name of practice) . . ."
}

t_ballot_for_each_ccg() {
    render "$T/cl.pdf" ballot.xsl "$(sample westminster-2015)" ccg central-london-ccg
    render "$T/wl.pdf" ballot.xsl "$(sample westminster-2015)" ccg west-london-ccg
    expect_pages "$T/cl.pdf" 2
    expect_text "$T/cl.pdf" "Example Practice 2 wishes to mandate Central London CCG" 2
    expect_text "$T/wl.pdf" "Example Practice 11 wishes to mandate West London CCG" 1
    expect_no_text "$T/wl.pdf" "Central London CCG"
}

t_mandate_summary() {
    render "$T/m.pdf" mandate-summary.xsl "$(sample hull-2015)" ccg hull-ccg
    expect_pages "$T/m.pdf" 1
    expect_order "$T/m.pdf" "Practice ballot: mandate summary" "Hull CCG, co-commissioning model for 2015/16" \
        "Model I (greater involvement in primary care decision-making) 1 33%" \
        "Model II (joint commissioning) 0 0%" \
        "Model III (delegated commissioning) 2 67%" \
        "Total returns 3 100%" \
        "Turnout: 3 returns from 57 member practices (5%)." \
        "Result: Most returns are for Model III (delegated commissioning): 2 of 3 returns, a majority of the returns; not a majority of all member practices." \
        "The model proposed by the CCG is delegated commissioning." \
        "Returns received" "Example Practice 3 Model I" "Practices with no return recorded: 54."
}

t_mandate_summary_follows_the_returns() {
    # one more return for Model I: a tie
    sample_edit hull-2015 "$T/a.xml" 's|<ballot-return practice="hull-p2" model="delegated"/>|<ballot-return practice="hull-p2" model="greater-involvement" date="2014-12-15" acknowledged="yes"><signed-by>Dr Example Partner</signed-by></ballot-return>|'
    render "$T/m.pdf" mandate-summary.xsl "$T/a.xml"
    expect_text "$T/m.pdf" "Model I (greater involvement in primary care decision-making) 2 67%"
    expect_text "$T/m.pdf" "Example Practice 2 Model I 15 December 2014 Dr Example Partner Yes"
    expect_text "$T/m.pdf" "Most returns are for Model I (greater involvement in primary care decision-making): 2 of 3 returns"
    sample_edit hull-2015 "$T/b.xml" 's|<ballot-return practice="hull-p2" model="delegated"/>|<ballot-return practice="hull-p2" model="joint"/>|'
    render "$T/n.pdf" mandate-summary.xsl "$T/b.xml"
    expect_text "$T/n.pdf" "Result: No single model has the most returns."
}

t_mandate_summary_with_member_vote() {
    render "$T/m.pdf" mandate-summary.xsl "$(sample westminster-2015)" ccg west-london-ccg
    expect_pages "$T/m.pdf" 1
    expect_text "$T/m.pdf" "Turnout: 2 returns from 35 member practices (6%)."
    expect_text "$T/m.pdf" "Vote of the member practices: In favour of Model II (joint commissioning)."
    expect_text "$T/m.pdf" "Governing body: Approved."
}
