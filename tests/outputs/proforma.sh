# The proforma through the document model (stylesheets/model/proforma.xsl):
# what the model keeps (numbers as data, wide answers, blanks to
# complete, the sign-off) and what the HTML and DOCX must keep of it —
# every question with its own answer, which tests/outputs/samples.sh's
# comparison of all the words would not notice moved under another
# question or left out where the next answer's words are the same.
# python-docx with /usr/bin/python3, as tests/outputs/docx.sh.

PY=/usr/bin/python3
QUESTIONS="$SRCDIR/tests/outputs/questions.py"

# model OUT ARRANGEMENT CCG: the proforma's model, as cocom build makes it.
model() {
    xsltproc --stringparam ccg "$3" --stringparam model-only yes "$SRCDIR/stylesheets/proforma.xsl" "$2" > "$1" ||
        fail "no model of the proforma of $3"
}

# count XPATH FILE: how many nodes (local names: the model's namespace).
count() { xmllint --xpath "count($1)" "$2"; }

# The delegated proforma's model: questions numbered as data, a wide
# question's unknown answer lines to write on, a short one's a blank
# line, the three signatories kept together on one page.
t_proforma_model_says_what_the_form_holds() {
    model "$T/m.xml" "$SRCDIR/samples/hull-2015/arrangement.xml" hull-ccg
    xmllint --noout --relaxng "$SRCDIR/stylesheets/model/document.rng" "$T/m.xml" 2> "$T/err" ||
        { cat "$T/err"; fail "not a valid model"; }
    q="//*[local-name()='question']"
    [ "$(count "$q[@number='1.1']" "$T/m.xml")" = 1 ] || fail "no question 1.1"
    [ "$(count "$q[not(@number)]" "$T/m.xml")" = 0 ] || fail "a question without its number"
    [ "$(count "$q[*[local-name()='answer'][not(node())]]" "$T/m.xml")" = 0 ] || fail "an empty answer: it must hold a blank"
    # 2.5, why the CCG wants the model: Hull's data does not say, so lines
    [ "$(count "$q[@number='2.5'][@wide='yes']/*[local-name()='answer']/*[local-name()='blank-lines'][@lines=3]" "$T/m.xml")" = 1 ] ||
        fail "2.5's unknown answer is not three lines to write on"
    # 1.3, the area team: not given, a blank line
    [ "$(count "$q[@number='1.3']/*[local-name()='answer']/*[local-name()='blank'][@width='line']" "$T/m.xml")" = 1 ] ||
        fail "1.3's unknown answer is not a blank line"
    s="//*[local-name()='section'][@role='signatures'][@keep='together'][@id='pf-sign-off']"
    [ "$(count "$s/*[local-name()='signature']" "$T/m.xml")" = 3 ] || fail "not the three signatories on one page"
    [ "$(count "//*[local-name()='contents']/*[local-name()='entry'][@ref='pf-sign-off']" "$T/m.xml")" = 1 ] ||
        fail "the contents do not list the sign-off"
}

# Every sample's proforma, and the committees-in-common and six-CCG ones:
# each question of the model, in the HTML and in the DOCX, with its own
# answer.
t_proforma_questions_keep_their_answers_in_html_and_docx() {
    n=0
    while read -r arr ccg; do
        a="$SRCDIR/$arr"
        model "$T/$ccg.xml" "$a" "$ccg"
        run_cocom build --format html,docx --only proforma -o "$T/out-$ccg" "$a"
        expect_rc 0
        html=$(ls "$T/out-$ccg"/*"$ccg"*-proforma-annex-?.html)
        docx=$(ls "$T/out-$ccg"/*"$ccg"*-proforma-annex-?.docx)
        "$PY" "$QUESTIONS" "$T/$ccg.xml" --html "$html" || fail "$ccg: the HTML lost a question's answer"
        "$PY" "$QUESTIONS" "$T/$ccg.xml" --docx "$docx" || fail "$ccg: the DOCX lost a question's answer"
        n=$((n + 1))
    done <<EOF
samples/hull-2015/arrangement.xml hull-ccg
samples/rotherham-2015/arrangement.xml rotherham-ccg
samples/westminster-2015/arrangement.xml central-london-ccg
samples/wolverhampton-2015/arrangement.xml wolverhampton-ccg
tests/docs/in-common/arrangement.xml nhs-lambeth-ccg
tests/docs/many/six-ccgs.xml merton
EOF
    [ "$n" -eq 6 ] || fail "only $n proformas checked"
}

# Asked as at December 2015, Wolverhampton's proforma has the CCG's own
# words (its aims, its risks with their mitigation, dated July 2015): a
# group of paragraphs and a list of items of lines in an answer, kept
# with their question in the HTML and the DOCX made from the model.
t_proforma_own_words_keep_their_question_in_html_and_docx() {
    xsltproc --stringparam ccg wolverhampton-ccg --stringparam as-at 2015-12-31 --stringparam model-only yes \
        "$SRCDIR/stylesheets/proforma.xsl" "$SRCDIR/samples/wolverhampton-2015/arrangement.xml" > "$T/m.xml" || fail "no model"
    [ "$(count "//*[local-name()='group'][@role='own-words']" "$T/m.xml")" = 1 ] || fail "the CCG's aims are not in the model"
    [ "$(count "//*[local-name()='p'][@role='mitigation']" "$T/m.xml")" -ge 1 ] || fail "no mitigation in the model"
    run_cocom render --format html "$T/m.xml" -o "$T/p.html"
    expect_rc 0
    run_cocom render --format docx "$T/m.xml" -o "$T/p.docx"
    expect_rc 0
    "$PY" "$QUESTIONS" "$T/m.xml" --html "$T/p.html" || fail "the HTML lost a question's answer"
    "$PY" "$QUESTIONS" "$T/m.xml" --docx "$T/p.docx" || fail "the DOCX lost a question's answer"
}
