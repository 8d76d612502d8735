#!/usr/bin/env bash
# Validate every sample arrangement against the RELAX NG schema, and check
# the schema's own conventions:
#   - libxml2 (xmllint) compiles the schema;
#   - every <element name="..."> carries an l:label (urn:cocom:schema-labels);
#   - an element name has the same label wherever it is defined;
#   - every samples/*/arrangement.xml is valid;
#   - the test fixtures behave: schema/test/valid/*.xml are valid and
#     schema/test/invalid/*.xml are not;
#   - every element the schema defines is used by some sample or valid
#     fixture (so no definition is unreachable or untried);
#   - doc/vocabulary.md has an entry for every element, headed with the
#     element name and the same label as the schema.
# Exits non-zero if any check fails. With file arguments, checks the schema
# and validates just those files:
#   schema/validate-samples.sh [arrangement.xml ...]
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

# 3. Samples (or the files named on the command line).
validate() { xmllint --noout --nonet --relaxng "$schema" "$@"; }
if [ $# -gt 0 ]; then
    validate "$@" || exit 1
    echo "validate-samples: schema OK; $# file(s) valid"
    exit 0
fi
shopt -s nullglob
samples=("$root"/samples/*/arrangement.xml)
if [ ${#samples[@]} -eq 0 ]; then
    echo "validate-samples: no samples found under $root/samples" >&2
    exit 1
fi
validate "${samples[@]}" || status=1

# 4. Fixtures.
good=("$here"/test/valid/*.xml)
bad=("$here"/test/invalid/*.xml)
if [ ${#good[@]} -gt 0 ]; then
    validate "${good[@]}" 2>/dev/null || {
        echo "validate-samples: a valid fixture fails:" >&2
        validate "${good[@]}" >&2
        status=1
    }
fi
for f in "${bad[@]}"; do
    if validate "$f" >/dev/null 2>&1; then
        echo "validate-samples: $f should be invalid but validates" >&2
        status=1
    fi
done

# 5. Coverage: each defined element name occurs in some sample or valid fixture.
unused=""
for name in $(printf '%s\n' "$pairs" | cut -f1); do
    used=0
    for f in "${samples[@]}" "${good[@]}"; do
        c=$(xmllint --xpath "count(//*[local-name()='$name' and namespace-uri()='urn:cocom:arrangement:1'])" "$f" 2>/dev/null)
        if [ "${c:-0}" != "0" ]; then used=1; break; fi
    done
    [ $used -eq 1 ] || unused="$unused $name"
done
if [ -n "$unused" ]; then
    echo "validate-samples: defined but never used by a sample or valid fixture:$unused" >&2
    status=1
fi

# 6. The reference documents every element under its label.
doc="$root/doc/vocabulary.md"
if [ -f "$doc" ]; then
    undocumented=$(printf '%s\n' "$pairs" | while IFS=$'\t' read -r name label; do
        grep -qF "\`$name\` — \"$label\"" "$doc" || printf ' %s' "$name"
    done)
    if [ -n "$undocumented" ]; then
        echo "validate-samples: doc/vocabulary.md lacks an entry '\`name\` — \"label\"' for:$undocumented" >&2
        status=1
    fi
else
    echo "validate-samples: $doc is missing" >&2
    status=1
fi

if [ $status -eq 0 ]; then
    echo "validate-samples: schema OK ($n element definitions, all labelled and used);" \
         "${#samples[@]} sample(s) valid; ${#good[@]} valid and ${#bad[@]} invalid fixture(s) behave"
fi
exit $status
