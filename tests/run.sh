#!/bin/bash
# tests/run.sh — runs every test of cocom and ends with
# "N passed, N failed, N skipped".
#
# Two kinds of test:
#   - unit-test programs (tests/unit/test-*), each printing "ok NAME" or
#     "not ok NAME: why" per test;
#   - shell test files (tests/*/*.sh except lib.sh), each defining functions
#     named t_*; every function runs in its own subshell with a fresh
#     temporary folder $T and passes when it returns 0 (see tests/lib.sh);
#     one that cannot run here (a tool it needs is missing) calls
#     `skip "why"`, which exits with status 77, and is counted as skipped,
#     not passed: a check that did not run is never counted as a pass.
# Test files run two at a time (the CI machine has two cores).
#
# Environment (set by `make check`): COCOM, UNIT_DIR, SRCDIR, BUILDDIR.
# Run one file: tests/run.sh tests/check/bad-input.sh
# Run matching tests: TESTS_MATCH=entity tests/run.sh
set -u
: "${SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILDDIR:=$SRCDIR/_build}"
: "${COCOM:=$BUILDDIR/src/cocom}"
: "${UNIT_DIR:=$BUILDDIR/tests/unit}"
: "${JOBS:=2}"
# Every test, and every unit-test program, gets this many seconds: a hang
# fails its test instead of stopping the suite (no test measures time).
: "${TEST_TIMEOUT:=600}"
export SRCDIR BUILDDIR COCOM UNIT_DIR
export COCOM_DATADIR="$SRCDIR"
# Sanitizers: fail on the first report, and look for leaks in our code only
# (fontconfig and glib keep caches for the life of the process).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=86}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$SRCDIR/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=87}"

# Outside the source tree: a test's files must not sit inside the folders
# cocom trusts (the data folder is the source tree when run uninstalled).
# A folder of its own per run, so that two suites running at once (say the
# plain and the sanitizer build) do not delete each other's results.
OUTROOT=$(mktemp -d "${TMPDIR:-/tmp}/cocom-tests-XXXXXX") || exit 1
mkdir -p "$OUTROOT/results"

if [ $# -gt 0 ]; then
    files="$*"
else
    files=$(ls "$SRCDIR"/tests/*/*.sh 2>/dev/null | grep -v '/lib\.sh$' | sort)
fi

run_unit() {
    prog=$1
    name=$(basename "$prog")
    res="$OUTROOT/results/unit-$name"
    mkdir -p "$OUTROOT/logs"
    timeout "$TEST_TIMEOUT" ${COCOM_WRAP:-} "$prog" > "$OUTROOT/logs/unit-$name.log" 2>&1
    rc=$?
    [ $rc -ne 124 ] || echo "not ok (time limit): still running after $TEST_TIMEOUT s" >> "$OUTROOT/logs/unit-$name.log"
    grep -E '^(ok|not ok) ' "$OUTROOT/logs/unit-$name.log" | sed -e "s/^ok /PASS unit\/$name: /" -e "s/^not ok /FAIL unit\/$name: /" > "$res"
    if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$res"; then
        echo "FAIL unit/$name: exited with status $rc" >> "$res"
        tail -20 "$OUTROOT/logs/unit-$name.log" | sed 's/^/    /' >> "$res"
    fi
}

run_file() {
    file=$1
    rel=${file#"$SRCDIR"/tests/}
    id=$(echo "$rel" | tr '/' '_')
    res="$OUTROOT/results/$id"
    : > "$res"
    funcs=$(grep -oE '^t_[A-Za-z0-9_]+ *\(\)' "$file" | sed 's/ *()//')
    for f in $funcs; do
        if [ -n "${TESTS_MATCH:-}" ] && ! echo "$rel:$f" | grep -q -- "$TESTS_MATCH"; then
            continue
        fi
        T="$OUTROOT/tmp/$id/$f"
        mkdir -p "$T"
        log="$T/log"
        T="$T" timeout "$TEST_TIMEOUT" bash -c '. "$SRCDIR/tests/lib.sh"; . "$1"; set -e; "$2"' run-test "$file" "$f" \
            > "$log" 2>&1
        rc=$?
        [ $rc -ne 124 ] || echo "FAILED: still running after $TEST_TIMEOUT s (TEST_TIMEOUT)" >> "$log"
        if [ $rc -eq 0 ]; then
            echo "PASS $rel: $f" >> "$res"
            rm -rf "$T"
        elif [ $rc -eq 77 ]; then
            why=$(sed -n 's/^SKIPPED: //p' "$log" | tail -1)
            echo "SKIP $rel: $f (${why:-no reason given})" >> "$res"
            rm -rf "$T"
        else
            echo "FAIL $rel: $f (status $rc)" >> "$res"
            tail -25 "$log" | sed 's/^/    /' >> "$res"
        fi
    done
}

# Unit programs first, then the shell files, $JOBS at a time.
if [ $# -eq 0 ]; then
    for p in "$UNIT_DIR"/test-*; do
        [ -x "$p" ] && [ -f "$p" ] && run_unit "$p"
    done
fi
running=0
for file in $files; do
    run_file "$file" &
    running=$((running + 1))
    if [ $running -ge "$JOBS" ]; then
        wait -n 2>/dev/null || wait
        running=$((running - 1))
    fi
done
wait

cat "$OUTROOT"/results/* 2>/dev/null | grep -v '^PASS' || true
passed=$(cat "$OUTROOT"/results/* 2>/dev/null | grep -c '^PASS')
failed=$(cat "$OUTROOT"/results/* 2>/dev/null | grep -c '^FAIL')
skipped=$(cat "$OUTROOT"/results/* 2>/dev/null | grep -c '^SKIP')
if [ "$failed" -eq 0 ]; then
    rm -rf "$OUTROOT"
else
    echo "(the failed tests' files are in $OUTROOT/tmp)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
