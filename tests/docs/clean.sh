# tests/docs/clean.sh — every document of every sample, read as its issuer's
# reviewer would (issue 16): none of the phrases tests/docs/phrases.txt
# forbids in its issuer's voice, and no date after the document's own
# (its XMP dc:date) except the plans the arrangement names (the start
# date, the deadlines, a ballot's closing date).  One test per sample, so
# a failure names the sample; tests/docs/<kind>.sh test each kind in depth.
#
# Two kinds of document are read a little differently:
# - a board report is the council's own paper of its day, and the plans
#   its prose names ("by the end of March 2016") are not in the data, so
#   only its words are checked here (tests/docs/report.sh checks its
#   dates with the plans named);
# - terms of reference with no version date are an undated draft: they
#   are read as at the day before the arrangement starts, by which any
#   terms in force must have been agreed.

. "$SRCDIR/tests/docs/common.inc"

# voice_of NAME — whose words a built document speaks, by its kind.
voice_of() {
    case $1 in
        *-hwb-report-*) echo council ;;
        *-ballot-papers) echo lmc ;;
        *) echo nhse ;;
    esac
}

# clean_sample NAME|FILE: a sample by name, or an arrangement file.
clean_sample() {
    case $1 in
        */*) arr=$1 ;;
        *) arr="$SRCDIR/samples/$1/arrangement.xml" ;;
    esac
    run_cocom build -o "$T/out" --fo "$arr"
    expect_rc 0
    planned=$(xmllint --xpath "//*[local-name()='model']/@start-date | //*[local-name()='deadline']/@date | //@closes" "$arr" 2>/dev/null \
              | grep -o '"[0-9-]*"' | tr -d '"' | sort -u)
    n=0
    for pdf in "$T"/out/*.pdf; do
        name=$(basename "$pdf" .pdf)
        date=$(fo_date "$T/out/$name.fo")
        case $name in
            *-report-*) date=9999-12-31 ;;
            *-terms-of-reference) [ -n "$date" ] || date=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) - datetime.timedelta(days=1))" \
                                     "$(xmllint --xpath "string(//*[local-name()='model']/@start-date)" "$arr")") ;;
        esac
        [ -n "$date" ] || fail "$name has no date of its own (dc:date)"
        # a month-only date counts from its last day for this check
        case $date in ????-??) date="$date-31" ;; esac
        # shellcheck disable=SC2086
        expect_clean "$pdf" "$(voice_of "$name")" "$date" $planned
        n=$((n + 1))
    done
    [ "$n" -ge 1 ] || fail "no document built for $1"
}

t_wolverhampton_documents_are_clean() { clean_sample wolverhampton-2015; }
t_westminster_documents_are_clean() { clean_sample westminster-2015; }
t_rotherham_documents_are_clean() { clean_sample rotherham-2015; }
t_hull_documents_are_clean() { clean_sample hull-2015; }
# Our own: six Sussex CCGs, delegated, no GP with a vote (issue 17).
t_delegated_no_gp_vote_documents_are_clean() { clean_sample "$SRCDIR/tests/docs/delegated-no-gp-vote/arrangement.xml"; }
