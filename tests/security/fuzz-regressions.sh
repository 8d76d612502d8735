# Inputs the fuzzers (fuzz/) found a problem with, kept so that the problem
# stays fixed: fuzz/regressions/check-* go through `cocom check`, fo-*
# through `cocom render`, build-* through `cocom build`.  Each must end
# with exit status 0 or 1 (never a crash, a hang or a sanitizer report, which
# run_cocom fails on), and every line on standard error must be cocom's own:
# FILE:LINE: severity: ..., FILE: severity: ..., or a command's summary.

expect_only_cocom_lines() {
    if grep -vE '^[^ ].*: (error|warning|note): |^cocom( [a-z]+)?: ' "$ERR" | grep -q .; then
        grep -vE '^[^ ].*: (error|warning|note): |^cocom( [a-z]+)?: ' "$ERR" | head -5
        fail "$1: a line that is not cocom's own reached standard error"
    fi
}

t_every_fuzz_regression_ends_cleanly() {
    n=0
    for f in "$SRCDIR"/fuzz/regressions/*; do
        [ -f "$f" ] || continue
        name=$(basename "$f")
        case $name in
            check-*) run_cocom check "$f" ;;
            fo-*) run_cocom render "$f" -o "$T/out.pdf" ;;
            build-*) run_cocom build -o "$T/build" "$f" ;;
            *) fail "$name: the name says neither check-, fo- nor build-" ;;
        esac
        [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { cat "$ERR"; fail "$name: exit status $RC"; }
        expect_only_cocom_lines "$name"
        rm -rf "$T/out.pdf" "$T/build"
        n=$((n + 1))
    done
    [ $n -ge 3 ] || fail "only $n regression inputs"
}
