# tests/docs/ballot.sh — the LMC's practice ballot paper and the one-page
# mandate summary.
#
# The samples name no practice and record no ballot (none is in the
# sources): each makes the LMC's blank paper, once.  The arrangements in
# tests/docs/mandate/ are test data (practices "… (test)", codes T9xxxx):
# low-turnout.xml (3 returns from 40 practices) and majority.xml (10 returns
# from 12 by the close, 7 for delegated commissioning, and one late).
. "$SRCDIR/tests/docs/common.inc"

M=$SRCDIR/tests/docs/mandate

# The blank paper, checked against the LMC's (seed S003, last page).
expect_blank_paper() {
    pdf=$1; ccg=$2
    expect_pages "$pdf" 1
    expect_text "$pdf" "Co-Commissioning: Making the Right Choice Practice Header Practice code: ……"
    expect_text "$pdf" "(Name of Practice) wishes to mandate $ccg to undertake the following co-commissioning model for 2015/16."
    expect_text "$pdf" "On behalf of (name of practice) ……"
    expect_text "$pdf" "Return this form to $ccg by: ……"
    expect_count "$pdf" "wishes to mandate" 1
}

t_samples_make_the_lmcs_blank_paper_once() {
    render "$T/h.pdf" ballot.xsl "$(sample hull-2015)"
    expect_blank_paper "$T/h.pdf" "Hull CCG"
    expect_clean "$T/h.pdf" lmc 2015-01-09
    render "$T/r.pdf" ballot.xsl "$(sample rotherham-2015)"
    expect_blank_paper "$T/r.pdf" "Rotherham CCG"
    expect_clean "$T/r.pdf" lmc 2015-01-09
    render "$T/w.pdf" ballot.xsl "$(sample wolverhampton-2015)"
    expect_blank_paper "$T/w.pdf" "NHS Wolverhampton Clinical Commissioning Group"
    expect_clean "$T/w.pdf" lmc 2015-01-01
    for p in h r w; do
        expect_no_text "$T/$p.pdf" "Example Practice"
        expect_no_text "$T/$p.pdf" "Y000"
    done
}

t_ballot_wording_is_the_lmcs() {
    render "$T/b.pdf" ballot.xsl "$(sample hull-2015)"
    expect_order "$T/b.pdf" "Co-Commissioning: Making the Right Choice" "Practice Header" \
        "(Name of Practice) wishes to mandate Hull CCG to undertake the following co-commissioning model for 2015/16." \
        "Model I" "(continue current arrangements)" "Model II" "(joint arrangements with the Area Team)" \
        "Model III" "(delegated arrangements)" \
        "The LMC recommends practices only choose one option when mandating their CCG." \
        "Signed: ……" "On behalf of (name of practice) ……" "Date: ……"
    pdffonts "$T/b.pdf" | grep -q "Bold" || fail "no bold face (the instruction's 'only')"
}

t_ballot_for_each_ccg() {
    render "$T/cl.pdf" ballot.xsl "$(sample westminster-2015)" ccg central-london-ccg
    render "$T/wl.pdf" ballot.xsl "$(sample westminster-2015)" ccg west-london-ccg
    expect_blank_paper "$T/cl.pdf" "Central London CCG"
    expect_blank_paper "$T/wl.pdf" "West London CCG"
    expect_no_text "$T/wl.pdf" "Central London CCG"
    expect_no_text "$T/cl.pdf" "West London CCG"
    for p in cl wl; do expect_clean "$T/$p.pdf" lmc 2015-01-30; done
}

# Practices known by name: one paper each, with its own name and code.
t_one_ballot_page_per_known_practice() {
    render "$T/b.pdf" ballot.xsl "$M/majority.xml"
    expect_pages "$T/b.pdf" 12
    expect_text "$T/b.pdf" "Elm Grove Health Centre (test) Practice code: T90005 Elm Grove Health Centre (test) wishes to mandate Testshire CCG to undertake the following co-commissioning model for 2015/16." 5
    expect_text "$T/b.pdf" "On behalf of (name of practice) Elm Grove Health Centre (test)" 5
    expect_text "$T/b.pdf" "Page 5 of 12" 5
    expect_count "$T/b.pdf" "wishes to mandate" 12
    expect_count "$T/b.pdf" "Practice Header" 0
    outline_titles "$T/b.pdf" | grep -qx "Larch Road Surgery (test)" || fail "no bookmark for the twelfth practice"
    expect_clean "$T/b.pdf" lmc 2014-12-01 2014-12-19
}

# The ballot's dates: it is dated its issue, prints its closing day as the
# day to return it by, and knows nothing later.
t_ballot_dates() {
    render "$T/b.pdf" ballot.xsl "$M/majority.xml"
    expect_text "$T/b.pdf" "Return this form to Testshire CCG by: 19 December 2014" 1
    expect_count "$T/b.pdf" "Return this form to Testshire CCG by: 19 December 2014" 12
    fo_of "$T/b.fo" ballot.xsl "$M/majority.xml"
    [ "$(fo_date "$T/b.fo")" = 2014-12-01 ] || fail "the ballot's date is $(fo_date "$T/b.fo"), not its issue"
    # with no ballot dates, the paper comes before the CCG's choice: its
    # submission (Wolverhampton, January 2015), else the model's deadline
    fo_of "$T/w.fo" ballot.xsl "$(sample wolverhampton-2015)"
    [ "$(fo_date "$T/w.fo")" = 2015-01 ] || fail "Wolverhampton's ballot is dated $(fo_date "$T/w.fo")"
    fo_of "$T/r.fo" ballot.xsl "$(sample rotherham-2015)"
    [ "$(fo_date "$T/r.fo")" = 2015-01-09 ] || fail "Rotherham's ballot is dated $(fo_date "$T/r.fo")"
}

# The summary, in NHS England's words, never says "in favour" of returns
# from a few practices: it says what the returns are.
t_mandate_summary_low_turnout() {
    render "$T/m.pdf" mandate-summary.xsl "$M/low-turnout.xml"
    expect_pages "$T/m.pdf" 1
    expect_order "$T/m.pdf" "Practice ballot: mandate summary" "Testshire CCG, co-commissioning model for 2015/16" \
        "as at 22 December 2014." \
        "Ballot issued: 1 December 2014" "Returns close: 19 December 2014" "Status on 22 December 2014: closed" \
        "Member practices: 40" \
        "Greater involvement in primary care decision-making 1 33%" \
        "Joint commissioning 0 0%" \
        "Delegated commissioning 2 67%" \
        "Total returns 3 100%" \
        "Turnout: 3 returns from 40 member practices (8%)." \
        "Result: none. 3 of the 40 member practices returned a ballot, not a majority of the membership, so the returns do not show its view." \
        "Returns received" "Abbey Road Surgery (test) (T90001) Delegated commissioning 5 December 2014 Dr A. Partner Yes" \
        "Member practices with no return: 37."
    flat "$T/m.pdf" | grep -qi "in favour" && fail "the summary says 'in favour' of 3 returns from 40 practices"
    expect_no_text "$T/m.pdf" "–"
    expect_clean "$T/m.pdf" nhse 2014-12-22
}

t_mandate_summary_clear_majority() {
    render "$T/m.pdf" mandate-summary.xsl "$M/majority.xml"
    expect_pages "$T/m.pdf" 1
    expect_order "$T/m.pdf" "Ballot issued: 1 December 2014" "Returns close: 19 December 2014" \
        "Status on 22 December 2014: closed" "Member practices: 12" \
        "Delegated commissioning 7 70%" "Total returns 10 100%" \
        "Turnout: 10 returns from 12 member practices (83%)." \
        "Result: in favour of delegated commissioning: 7 of the 12 member practices, a majority of the membership." \
        "Vote of the member practices, 22 December 2014: In favour of delegated commissioning (7 for, 3 against, of 12 eligible)." \
        "The 10 returns are too many to list on one page" "Member practices with no return: 2."
    # the governing body decided on 6 January 2015, after this summary
    expect_no_text "$T/m.pdf" "Governing body"
    expect_clean "$T/m.pdf" nhse 2014-12-22
}

# As at a day before the close: the ballot is open, the later returns are
# not counted, and there is no result yet.
t_mandate_summary_while_the_ballot_is_open() {
    render "$T/m.pdf" mandate-summary.xsl "$M/majority.xml" as-at 2014-12-10
    expect_order "$T/m.pdf" "as at 10 December 2014." "Status on 10 December 2014: open" \
        "Total returns 6 100%" "Turnout: 6 returns from 12 member practices (50%)." \
        "Result: the ballot is open until 19 December 2014; the returns so far are not a result."
    flat "$T/m.pdf" | grep -qi "in favour" && fail "an open ballot reported in favour"
    expect_clean "$T/m.pdf" nhse 2014-12-10 2014-12-19
}

t_mandate_summary_plurality_and_unknown_membership() {
    # 5 of 10 returns for delegated, of 12 practices: the most, not a majority
    sed 's|practice="p1" model="delegated"|practice="p1" model="joint"|; s|practice="p2" model="delegated"|practice="p2" model="joint"|' \
        "$M/majority.xml" > "$T/a.xml"
    render "$T/m.pdf" mandate-summary.xsl "$T/a.xml"
    expect_text "$T/m.pdf" "Result: no model has the support of a majority of the 12 member practices; most returns (5 of 10) are for delegated commissioning."
    expect_no_text "$T/m.pdf" "Result: in favour"
    # the number of member practices not known: a blank, and no result
    sed 's|<practices count="12">|<practices>|; s| eligible="12"||' "$M/majority.xml" > "$T/b.xml"
    render "$T/n.pdf" mandate-summary.xsl "$T/b.xml"
    expect_text "$T/n.pdf" "Member practices: ……"
    expect_text "$T/n.pdf" "Turnout: 10 returns from ……"
    expect_text "$T/n.pdf" "Result: ……"
    expect_no_text "$T/n.pdf" "Result: in favour"
    expect_clean "$T/n.pdf" nhse 2014-12-22
}

t_build_makes_a_summary_where_there_are_returns() {
    run_cocom build -o "$T/out" --only mandate-summary "$M/low-turnout.xml"
    expect_rc 0
    [ -s "$T/out/ccg-mandate-summary.pdf" ] || fail "no mandate summary"
    run_cocom build -o "$T/out2" --only mandate-summary "$(sample hull-2015)"
    expect_rc 0
    [ ! -e "$T/out2/hull-ccg-mandate-summary.pdf" ] || fail "a summary of no returns"
}
