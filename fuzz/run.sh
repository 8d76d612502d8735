#!/bin/sh
# fuzz/run.sh [SECONDS] — builds the libFuzzer harnesses with clang (in
# _build-fuzz/, with AddressSanitizer and UndefinedBehaviorSanitizer) and
# runs each for SECONDS (default 60), starting from the seed corpora
# (the samples, tests/fo, the schema's test fixtures, fuzz/regressions/,
# fuzz/seeds/<harness>/, for fuzz-pdfstream Cairo's tagged PDFs in
# fuzz/seeds/pdfstream-*, for fuzz-tags the painter's files with their
# logs in fuzz/seeds/tags/)
# and from what earlier runs found (fuzz/corpus/<harness>/).  A crash, a
# leak or undefined behaviour stops a harness with the input saved as
# fuzz/crashes/<harness>-*; once fixed, such an input goes to
# fuzz/regressions/ (tests/security/fuzz-regressions.sh runs every file
# there).  One line per harness says "fuzz-NAME: passed (N runs in S s)"
# or "fuzz-NAME: FAILED"; the exit status is 1 when one failed.
#
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
command -v clang >/dev/null || { echo "fuzz/run.sh: clang is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
b="$top/_build-fuzz"
mkdir -p "$b"
if [ ! -f "$b/Makefile" ]; then
    (cd "$b" && CC=clang CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
        LDFLAGS="-fsanitize=address,undefined" "$top/configure" --quiet --disable-shared >/dev/null)
fi
make -C "$b" -s -j2 src/libcocom.la >/dev/null
libs=$(pkg-config --libs libxml-2.0 libxslt libexslt pangocairo pangoft2 zlib libqpdf libzip)
for h in check fo build pdfstream tags; do
    clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$b" -I"$top/src" $(pkg-config --cflags libxml-2.0 pango) \
        -DCOCOM_TOP_SRCDIR="\"$top\"" "$top/fuzz/fuzz-$h.c" "$b/src/.libs/libcocom.a" $libs -lhyphen -ljpeg -lm -lpthread \
        -lstdc++ -o "$b/fuzz-$h"
done
mkdir -p "$top/fuzz/crashes"
export COCOM_DATADIR="$top"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp"
status=0
for h in check fo build pdfstream tags; do
    corpus="$b/corpus-$h"
    mkdir -p "$corpus" "$top/fuzz/corpus/$h"
    seeds=""
    case $h in
        check|build) seeds="$top/samples/*/arrangement.xml $top/schema/test/invalid/*.xml $top/schema/test/valid/*.xml $top/tests/rules/fixtures/*.xml $top/fuzz/regressions/check-* $top/fuzz/regressions/build-*" ;;
        fo) seeds="$top/tests/fo/*.fo $top/fuzz/regressions/fo-*" ;;
        pdfstream) seeds="$top/fuzz/seeds/pdfstream-*" ;;
    esac
    for s in $seeds; do [ -f "$s" ] && cp "$s" "$corpus/" 2>/dev/null || true; done
    # Hand-written seeds that between them use every formatting object
    # cocom supports (tables of each layout, lists, leaders, citations,
    # links, images, page masters), so that a short run starts where the
    # bugs are; @TOP@ stands for the source tree (an image's path).
    for s in "$top/fuzz/seeds/$h/"*; do
        [ -f "$s" ] && sed "s|@TOP@|$top|g" "$s" > "$corpus/seed-$(basename "$s")" || true
    done
    cp "$top/fuzz/corpus/$h/"* "$corpus/" 2>/dev/null || true
    echo "fuzz/run.sh: fuzz-$h for $secs s"
    if "$b/fuzz-$h" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -max_len=200000 \
            -artifact_prefix="$top/fuzz/crashes/$h-" -print_final_stats=1 "$corpus" > "$b/fuzz-$h.log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$b/fuzz-$h.log")
        echo "fuzz-$h: passed ($runs runs in $secs s)"
    else
        echo "fuzz-$h: FAILED; see $b/fuzz-$h.log and fuzz/crashes/"
        tail -40 "$b/fuzz-$h.log" >&2
        status=1
    fi
done
exit $status
