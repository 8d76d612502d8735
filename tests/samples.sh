#!/bin/sh
# tests/samples.sh COCOM SRCDIR OUTDIR — the main job: every sample, checked
# and (once the documents exist) built into OUTDIR/<sample>/.
set -u
cocom=$1; srcdir=$2; outdir=$3
status=0
n=0
for dir in "$srcdir"/samples/*/; do
    [ -f "$dir/arrangement.xml" ] || continue
    name=$(basename "$dir")
    n=$((n + 1))
    if "$cocom" check --quiet "$dir/arrangement.xml"; then
        echo "sample $name: valid"
    else
        echo "sample $name: INVALID" >&2
        status=1
    fi
done
[ $n -gt 0 ] || { echo "no samples found under $srcdir/samples" >&2; exit 1; }
echo "checked $n samples"
exit $status
