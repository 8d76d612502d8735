#!/usr/bin/env bash
# Validate every sample arrangement against the RELAX NG schema, and check
# the schema's own conventions:
#   - libxml2 (xmllint) compiles the schema;
#   - every <element name="..."> carries an l:label (urn:cocom:schema-labels);
#   - an element name has the same label wherever it is defined;
#   - every samples/*/arrangement.xml is valid.
# Exits non-zero on the first kind of failure it finds (after reporting all
# failures of that kind). Usage: schema/validate-samples.sh [sample.xml ...]
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
schema="$here/arrangement.rng"
RNG='http://relaxng.org/ns/structure/1.0'
LBL='urn:cocom:schema-labels'

command -v xmllint >/dev/null 2>&1 || {
    echo "validate-samples: xmllint not found (Debian: apt-get install libxml2-utils)" >&2
    exit 2
}

status=0

# 1. The schema is well-formed XML.
if ! xmllint --noout "$schema"; then
    echo "validate-samples: $schema is not well-formed" >&2
    exit 1
fi

# 2. Labels: every element definition has one, and one name has one label.
xp() { xmllint --xpath "$1" "$schema" 2>/dev/null; }
el="//*[local-name()='element' and namespace-uri()='$RNG']"
n=$(xp "count($el)")
unlabelled=$(xp "count($el[not(@*[local-name()='label' and namespace-uri()='$LBL'])])")
if [ "$unlabelled" != "0" ]; then
    echo "validate-samples: $unlabelled element definition(s) without l:label:" >&2
    for i in $(seq 1 "$n"); do
        has=$(xp "count(($el)[$i]/@*[local-name()='label' and namespace-uri()='$LBL'])")
        [ "$has" = "0" ] && echo "  <element name=\"$(xp "string(($el)[$i]/@name)")\">" >&2
    done
    status=1
fi
pairs=$(for i in $(seq 1 "$n"); do
    printf '%s\t%s\n' "$(xp "string(($el)[$i]/@name)")" \
        "$(xp "string(($el)[$i]/@*[local-name()='label' and namespace-uri()='$LBL'])")"
done | sort -u)
clash=$(printf '%s\n' "$pairs" | cut -f1 | uniq -d)
if [ -n "$clash" ]; then
    echo "validate-samples: element name(s) with more than one label:" >&2
    for name in $clash; do
        printf '%s\n' "$pairs" | awk -F'\t' -v n="$name" '$1==n {print "  " $1 ": " $2}' >&2
    done
    status=1
fi
[ $status -eq 0 ] || exit $status

# 3. Samples.
if [ $# -gt 0 ]; then
    samples=("$@")
else
    shopt -s nullglob
    samples=("$root"/samples/*/arrangement.xml)
fi
if [ ${#samples[@]} -eq 0 ]; then
    echo "validate-samples: no samples found under $root/samples" >&2
    exit 1
fi
for f in "${samples[@]}"; do
    if ! xmllint --noout --nonet --relaxng "$schema" "$f"; then
        status=1
    fi
done

if [ $status -eq 0 ]; then
    echo "validate-samples: schema OK ($n element definitions, all labelled); ${#samples[@]} sample(s) valid"
fi
exit $status
