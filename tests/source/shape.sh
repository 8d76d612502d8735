# The shape of src/ (issue 24): no C file over 1,100 lines except those on
# an allow-list that is only ever emptied, and no circle of headers or of
# modules including each other.  The rules themselves are tests/source-shape.sh, so
# that they can be run by hand too: sh tests/source-shape.sh

SHAPE="$SRCDIR/tests/source-shape.sh"

# run_shape ARGS...: runs the check script; sets RC, OUT and ERR.
run_shape() {
    OUT="$T/stdout"; ERR="$T/stderr"
    set +e
    sh "$SHAPE" "$@" > "$OUT" 2> "$ERR"
    RC=$?
    set -e
}

t_src_keeps_its_shape() {
    run_shape "$SRCDIR"
    [ "$RC" = 0 ] || { cat "$OUT" "$ERR"; fail "src/ breaks its shape rules (listed above)"; }
}

# The allow-list may lose entries, never gain them: it is empty now that
# the files over the limit when the rule came in are split.
t_the_allow_list_only_shrinks() {
    sed -e 's/#.*//' -e 's/[[:space:]]//g' "$SRCDIR/tests/source-shape.allow" | grep -v '^$' > "$T/listed" || true
    while read -r f; do
        case $f in
            *) fail "tests/source-shape.allow names $f: split the file instead" ;;
        esac
    done < "$T/listed"
}

# The checker itself, on a made-up tree: a file one line over the limit,
# one exactly at it, a circle of three headers, a header including itself,
# and a header included twice without a circle.
t_a_long_file_and_circles_of_headers_are_listed() {
    mkdir -p "$T/tree/src"
    cd "$T/tree/src"
    seq 1101 > long.c
    seq 1100 > at-limit.c
    printf '#include "b.h"\n' > a.h
    printf '#include "c.h"\n#include "util.h"\n' > b.h
    printf '#include "a.h"\n' > c.h
    printf '#  include "self.h"\n' > self.h
    printf '#include "util.h"\n#include <stdio.h>\n' > d.h
    printf '#include "util.h"\n#include "d.h"\n' > e.h
    : > util.h
    run_shape "$T/tree" /dev/null
    [ "$RC" = 1 ] || fail "exit status $RC, expected 1"
    expect_out "src/long.c: 1101 lines, more than 1100"
    expect_out "circle: a.h -> b.h -> c.h -> a.h"
    expect_out "circle: self.h -> self.h"
    expect_out "modules include each other in a circle: a -> b -> c -> a"
    [ "$(wc -l < "$OUT")" = 4 ] || { cat "$OUT"; fail "expected exactly the four offenders"; }
}

# Two modules whose C files include each other's headers: no header circle,
# but calls that run both ways (as galley.c and pagination.c once did).  A
# module's split files (lay-fit.c) and private header (lay-impl.h) count as
# the module; a file with a header of its own (lay-out.c) is a module.
t_modules_that_include_each_other_are_listed() {
    mkdir -p "$T/tree/src"
    cd "$T/tree/src"
    : > gal.h; : > lay.h; : > lay-out.h; : > util.h
    printf '#include "gal.h"\n#include "util.h"\n' > lay-impl.h
    printf '#include "lay-impl.h"\n' > lay-fit.c
    printf '#include "lay.h"\n' > gal-table.c
    printf '#include "gal.h"\n' > lay-out.c
    run_shape "$T/tree" /dev/null
    [ "$RC" = 1 ] || { cat "$OUT"; fail "exit status $RC, expected 1"; }
    expect_out "modules include each other in a circle: gal -> lay -> gal"
    [ "$(wc -l < "$OUT")" = 1 ] || { cat "$OUT"; fail "expected exactly the one circle"; }
    rm gal-table.c
    run_shape "$T/tree" /dev/null
    [ "$RC" = 0 ] || { cat "$OUT"; fail "one way round is no circle"; }
}

t_the_allow_list_lets_a_listed_file_pass_until_it_is_short() {
    mkdir -p "$T/tree/src"
    seq 1200 > "$T/tree/src/big.c"
    printf '# comment\nsrc/big.c   # still to split\n' > "$T/allow"
    run_shape "$T/tree" "$T/allow"
    [ "$RC" = 0 ] || { cat "$OUT"; fail "an allowed file was listed"; }
    seq 900 > "$T/tree/src/big.c"
    run_shape "$T/tree" "$T/allow"
    [ "$RC" = 1 ] || fail "exit status $RC, expected 1 for a stale entry"
    expect_out "src/big.c has 900 lines now: take it off the list"
    printf 'src/gone.c\n' > "$T/allow"
    run_shape "$T/tree" "$T/allow"
    [ "$RC" = 1 ] || fail "exit status $RC, expected 1 for a missing file"
    expect_out "src/gone.c does not exist any more"
}
