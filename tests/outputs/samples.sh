# Every sample's documents of the kinds split at the document model (those
# with a stylesheets/model/<kind>.xsl: since 2026-12-07 every kind) as PDF,
# HTML and DOCX, checked by their real readers: the HTML in Chromium with axe-core, the
# DOCX with python-docx and in LibreOffice; and the three say the same
# words in the same order.  quickstart.sh installs the tools: a missing
# one is a failure.  A kind without a model would be refused as HTML and
# DOCX (tests/outputs/formats.sh).

PY=/usr/bin/python3
WORDS="$SRCDIR/tests/outputs/words.py"

# The kinds split at the model, as --only wants them: report,...  (a
# kind's model stylesheet is model/<kind>.xsl, as src/build.c looks for
# it; the model folder also holds what those include: common.xsl,
# proforma-answers.xsl)
converted_kinds() {
    for k in report proforma terms-of-reference ballot mandate-summary; do
        [ -f "$SRCDIR/stylesheets/model/$k.xsl" ] && echo "$k"
    done | paste -sd, -
}

# build_reports FORMATS: each sample's documents of those kinds in
# $T/out/<sample>/; the samples that have one are listed in $T/samples.
build_reports() {
    : > "$T/samples"
    kinds=$(converted_kinds)
    case ",$kinds," in *,report,*) ;; *) fail "the report is not among the converted kinds: $kinds" ;; esac
    for dir in "$SRCDIR"/samples/*/; do
        s=$(basename "$dir")
        run_cocom build --format "$1" --only "$kinds" -o "$T/out/$s" "$dir"
        expect_rc 0
        if ls "$T/out/$s"/*.html > /dev/null 2>&1 || ls "$T/out/$s"/*.docx > /dev/null 2>&1; then
            echo "$s" >> "$T/samples"
        fi
    done
    # the two report samples at least: a sample losing its report, or the
    # build its HTML, must not pass unseen
    [ "$(wc -l < "$T/samples")" -ge 2 ] || fail "fewer than two samples made a report: $(cat "$T/samples")"
}

# pdf_tolerance NAME: sets tol, the words.py options (--omit, --window) for
# where a report's house style lays the model out otherwise than in the
# model's order, because the council's own report did:
#   westminster-city-council: the masthead is the council and the board
#     only; the date is in the cover table (its masthead template);
#   city-of-wolverhampton: a contact's name and "Email" in one column, job
#     title and address in the next, read column by column (5 words).
pdf_tolerance() {
    case "$1" in
        westminster-hwb-report-*) tol=(--omit "19 November 2015") ;;
        wolverhampton-hwb-report-*) tol=(--window 5) ;;
        *) tol=() ;;
    esac
}

t_sample_reports_as_html_pass_axe() {
    build_reports html
    node "$SRCDIR/tests/browser/check-html.js" "$T"/out/*/*.html > "$T/axe.out" 2>&1 ||
        { cat "$T/axe.out"; fail "the browser check failed"; }
    n=$(grep -c ': ok (axe-core ' "$T/axe.out")
    [ "$n" -eq "$(ls "$T"/out/*/*.html | wc -l)" ] || { cat "$T/axe.out"; fail "not every page was checked"; }
}

t_sample_reports_pdf_html_docx_say_the_same_words() {
    build_reports pdf,html,docx
    for f in "$T"/out/*/*.docx; do
        "$PY" "$SRCDIR/tests/outputs/docx-tool.py" check "$f" > "$T/docx.out" 2>&1 ||
            { cat "$T/docx.out"; fail "python-docx: $f"; }
    done
    command -v soffice > /dev/null || fail "soffice is missing: quickstart.sh installs libreoffice-writer-nogui"
    # one LibreOffice run for every file: its start-up is most of its time
    soffice --headless --norestore -env:UserInstallation="file://$T/lo-profile" \
        --convert-to pdf --outdir "$T/lo" "$T"/out/*/*.docx > "$T/lo.out" 2>&1 ||
        { cat "$T/lo.out"; fail "LibreOffice could not convert the DOCX files"; }
    while read -r s; do
        for html in "$T/out/$s"/*.html; do
            b=$(basename "$html" .html)
            [ -s "$T/lo/$b.pdf" ] || { cat "$T/lo.out"; fail "LibreOffice made no PDF of $b.docx"; }
            pdf_tolerance "$b"
            "$PY" "$WORDS" --html "$html" --pdf "$T/out/$s/$b.pdf" "${tol[@]}" > "$T/words.out" 2>&1 ||
                { cat "$T/words.out"; fail "$s: cocom's PDF and the HTML do not say the same words"; }
            cat "$T/words.out"
            "$PY" "$WORDS" --html "$html" --pdf "$T/lo/$b.pdf" > "$T/words.out" 2>&1 ||
                { cat "$T/words.out"; fail "$s: the DOCX in LibreOffice and the HTML do not say the same words"; }
            cat "$T/words.out"
        done
    done < "$T/samples"
}
