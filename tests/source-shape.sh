#!/bin/sh
# tests/source-shape.sh — the shape rules of src/ (issue 24), checked:
#   1. no C file in src/ has more than 1,100 lines, except the files named
#      in tests/source-shape.allow (which is to be emptied, not grown), and
#      no file named there is at or under the limit any more;
#   2. no header in src/ includes itself through other headers (a circle
#      of #include "..." lines, e.g. a.h -> b.h -> a.h), and no two modules
#      include each other's headers, directly or around a circle (a module:
#      a file with its header, and the X-*.c files and X-impl.h of module X).
# Usage: sh tests/source-shape.sh [SRCDIR [ALLOW-LIST]]
#   SRCDIR defaults to the tree this script is in; the allow-list to
#   SRCDIR/tests/source-shape.allow.  Prints one line per offender and
#   exits 1 when there is any, else prints nothing and exits 0.
#   Exit 2 for a usage error (no src/ folder).
set -u
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
allow=${2:-$top/tests/source-shape.allow}
limit=1100
[ -d "$top/src" ] || { echo "source-shape: no folder $top/src" >&2; exit 2; }
[ -f "$allow" ] || allow=/dev/null

bad=0
# The allow-list: one path per line; '#' starts a comment.
allowed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$allow" | grep -v '^$' || true)
is_allowed() { printf '%s\n' "$allowed" | grep -qxF -- "$1"; }

for f in "$top"/src/*.c; do
    [ -f "$f" ] || continue
    rel=src/${f##*/}
    n=$(wc -l < "$f")
    if [ "$n" -gt "$limit" ] && ! is_allowed "$rel"; then
        echo "$rel: $n lines, more than $limit: split it along its concepts"
        bad=1
    fi
done
for rel in $allowed; do
    if [ ! -f "$top/$rel" ]; then
        echo "$allow: $rel does not exist any more: take it off the list"
        bad=1
    elif [ "$(wc -l < "$top/$rel")" -le "$limit" ]; then
        echo "$allow: $rel has $(wc -l < "$top/$rel") lines now: take it off the list"
        bad=1
    fi
done

# circles: reads "from to" edges, prints each circle once ("a -> b -> a"),
# from its alphabetically first node.
circles() {
    awk '
    { edge[$1] = edge[$1] " " $2; node[$1] = 1; node[$2] = 1 }
    function walk(n, depth,    m, k, i, list, start, cyc, first) {
        onpath[n] = depth; stack[depth] = n
        k = split(edge[n], list, " ")
        for (i = 1; i <= k; i++) {
            m = list[i]
            if (m in onpath) {
                cyc = ""; first = m
                for (start = onpath[m]; start <= depth; start++) {
                    cyc = cyc stack[start] " -> "
                    if (stack[start] < first) first = stack[start]
                }
                cyc = cyc m
                if (first == m && !(cyc in seen)) { seen[cyc] = 1; print cyc }
            } else if (!(m in done))
                walk(m, depth + 1)
        }
        delete onpath[n]; done[n] = 1
    }
    END { n = sort_keys(); for (i = 1; i <= n; i++) { split("", done); walk(sorted[i], 0) } }
    function sort_keys(    k, n, i, j, t) {
        n = 0; for (k in node) sorted[++n] = k
        for (i = 2; i <= n; i++) { t = sorted[i]; for (j = i - 1; j > 0 && sorted[j] > t; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = t }
        return n
    }'
}

# includes FILES...: "file included.h" for each #include "..." of a file in src/.
includes() {
    for f in "$@"; do
        [ -f "$f" ] || continue
        sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
            while read -r inc; do [ -f "$inc" ] && echo "$f $inc"; done
    done
}

# module NAME: the module a file of src/ belongs to.  A file with a header
# of its own is its own module (fo-input.c: fo-input); a file without one
# belongs to the module whose name is its longest prefix with a header
# (galley-table.c: galley); a private -impl.h to its module.
module() {
    b=${1%.*}; b=${b%-impl}
    [ -f "$b.h" ] && { echo "$b"; return; }
    p=$b
    while case $p in *-*) true;; *) false;; esac; do
        p=${p%-*}
        [ -f "$p.h" ] && { echo "$p"; return; }
    done
    echo "$b"
}

# Circles of #include "x.h" among the headers of src/ (a.h -> b.h -> a.h),
# and circles among modules, whatever file the include is in (galley.c
# including layout.h while pagination.c includes galley.h): calls between
# modules must run one way.
cycles=$(cd "$top/src" && includes *.h | circles)
if [ -n "$cycles" ]; then
    printf '%s\n' "$cycles" | sed 's/^/src: headers include each other in a circle: /'
    bad=1
fi
mcycles=$(cd "$top/src" && includes *.c *.h | while read -r f inc; do
        a=$(module "$f"); z=$(module "$inc"); [ "$a" = "$z" ] || echo "$a $z"
    done | sort -u | circles)
if [ -n "$mcycles" ]; then
    printf '%s\n' "$mcycles" | sed 's/^/src: modules include each other in a circle: /'
    bad=1
fi
exit $bad
