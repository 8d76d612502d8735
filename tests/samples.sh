#!/bin/sh
# tests/samples.sh COCOM SRCDIR OUTDIR [FORMATS] — the main job (`make
# samples`, run by quickstart.sh): every sample under SRCDIR/samples built
# with `cocom build --format FORMATS` (default pdf; e.g. pdf,html,docx)
# into OUTDIR/<sample>/, one line per document written, and a summary.  The national rules' warnings on the samples are expected (see
# tests/rules/samples.sh); an error, or a document that fails, fails the job.
set -u
cocom=$1; srcdir=$(cd "$2" && pwd -P); outdir=$3; formats=${4:-pdf}
mkdir -p "$outdir" && outdir=$(cd "$outdir" && pwd -P)
status=0
n=0
docs=0
for dir in "$srcdir"/samples/*; do
    [ -f "$dir/arrangement.xml" ] || continue
    name=$(basename "$dir")
    n=$((n + 1))
    log=$(mktemp)
    if "$cocom" build --format "$formats" -o "$outdir/$name" "$dir/arrangement.xml" > "$log" 2>&1; then
        # one line per file written; a document is its name in any format
        k=$(grep '^wrote ' "$log" | sed 's/^wrote //; s/ (.*//; s/\.[a-z]*$//' | sort -u | wc -l)
        w=$(grep -c ': warning: ' "$log")
        docs=$((docs + k))
        note=""
        [ "$w" -eq 0 ] || note=" ($w warnings from the national rules: cocom check samples/$name)"
        echo "sample $name: $k documents in $outdir/$name/$note"
        grep '^wrote ' "$log" | sed 's/^/  /'
    else
        echo "sample $name: FAILED" >&2
        cat "$log" >&2
        status=1
    fi
    rm -f "$log"
done
[ $n -gt 0 ] || { echo "no samples found under $srcdir/samples" >&2; exit 1; }
echo "built $docs documents from $n samples into $outdir/"
exit $status
