#!/bin/bash
# run-bench.sh — time cocom against Apache FOP on the same generated report.
#
#   bench/run-bench.sh [--runs N] [--sizes "1 20 200 2000"] [--cocom PATH]
#                      [--no-fop] [--gen PATH] [--docbook [--chapters N]]
#
# For each size (number of sections) it generates bench/out/report-SIZE.fo
# with gen-report, then times whole-process runs of
#     cocom render FILE.fo -o OUT.pdf              (if --cocom is executable)
#     fop -c bench/fop.xconf FILE.fo OUT.pdf       (unless --no-fop)
# With --docbook, also a DocBook book: bench/gen-docbook.py writes a
# DocBook 4.5 book of N chapters (default 100), xsltproc --catalogs makes
# it FO once with DocBook XSL (timed apart, not counted), and that FO,
# bench/out/report-dbN.fo, is measured like the reports (row "dbN").
# It is off by default: it needs docbook-xsl, docbook-xml, xsltproc and
# python3, and the FO takes FOP about a minute.
# The runs alternate the two, N runs each (default 5), and print one table: pages,
# median wall time, median peak RSS, and the ratios FOP/cocom, next to the
# targets.  Whole-process means FOP's JVM start-up is counted: that is what a
# user waits for.  See bench/README.md.
#
# Exit status: 0 if every run succeeded, 1 if one failed or a tool is missing,
# 2 for a usage error.

set -euo pipefail
export LC_ALL=C.UTF-8   # '.' decimals, and ${#s} counting characters ("–")

BENCH=$(cd "$(dirname "$0")" && pwd)
OUT=$BENCH/out

usage() {
    sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

die() { echo "run-bench: $*" >&2; exit 1; }

# --- options ---------------------------------------------------------------

runs=5
sizes="1 20 200 2000"
cocom=""
use_fop=1
gen=""
docbook=0
chapters=100
DOCBOOK_XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl/fo/docbook.xsl

while [ $# -gt 0 ]; do
    case $1 in
        --runs)   [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
        --sizes)  [ $# -ge 2 ] || usage; sizes=$2; shift 2 ;;
        --cocom)  [ $# -ge 2 ] || usage; cocom=$2; shift 2 ;;
        --gen)    [ $# -ge 2 ] || usage; gen=$2; shift 2 ;;
        --no-fop) use_fop=0; shift ;;
        --docbook) docbook=1; shift ;;
        --chapters) [ $# -ge 2 ] || usage; chapters=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "run-bench: unknown option '$1'" >&2; usage ;;
    esac
done

[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run-bench: --runs wants a positive number, not '$runs'" >&2; exit 2; }
for s in $sizes; do
    [[ $s =~ ^[1-9][0-9]*$ ]] || { echo "run-bench: sizes are positive numbers, not '$s'" >&2; exit 2; }
done
[[ $chapters =~ ^[1-9][0-9]*$ ]] || { echo "run-bench: --chapters wants a positive number, not '$chapters'" >&2; exit 2; }
# --sizes "" with --docbook measures the DocBook book alone.
[ -n "${sizes// /}" ] || [ "$docbook" = 1 ] || { echo "run-bench: --sizes is empty" >&2; exit 2; }
# What is measured: the reports by size, then the DocBook book.
keys="$sizes"
[ "$docbook" = 0 ] || keys="$keys db$chapters"
keys=$(echo $keys)

# cocom is optional while it is being written: a path that is not (yet) an
# executable is reported and its columns show "–".
if [ -n "$cocom" ]; then
    if [ -x "$cocom" ] && [ -f "$cocom" ]; then
        cocom=$(cd "$(dirname "$cocom")" && pwd)/$(basename "$cocom")
    else
        echo "run-bench: note: cocom '$cocom' is not an executable file; measuring FOP only" >&2
        cocom=""
    fi
fi

# --- tools -----------------------------------------------------------------

# Report everything missing at once, each with the Debian package to install.
missing=()
need() {  # need COMMAND PACKAGE [WHY]
    command -v "$1" >/dev/null 2>&1 || missing+=("$1 (apt-get install $2)${3:+ — $3}")
}
# GNU time, not the shell keyword: it reports the peak RSS (%M).
/usr/bin/time --version 2>&1 | grep -q GNU \
    || missing+=("/usr/bin/time, GNU time (apt-get install time)")
need pdfinfo poppler-utils "for page counts"
[ "$use_fop" = 0 ] || need fop fop "or pass --no-fop"
[ -n "$gen" ] || [ -z "${sizes// /}" ] || need cc gcc "to build gen-report, or pass --gen PATH"
if [ "$docbook" = 1 ]; then
    need xsltproc xsltproc "for --docbook"
    need python3 python3 "for --docbook (bench/gen-docbook.py)"
    [ -f "$DOCBOOK_XSL" ] || missing+=("$DOCBOOK_XSL (apt-get install docbook-xsl) — for --docbook")
    [ -f /usr/share/xml/docbook/schema/dtd/4.5/docbookx.dtd ] \
        || missing+=("the DocBook 4.5 DTD (apt-get install docbook-xml) — for --docbook")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "run-bench: missing:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
[ -n "$cocom" ] || [ "$use_fop" = 1 ] \
    || die "nothing to measure: no executable --cocom, and --no-fop"

# --- temporary files ---------------------------------------------------------

# Everything is written under a temporary name and renamed when complete, so
# an interrupted or failed run leaves no half-written FO, PDF or results.
mkdir -p "$OUT/build" "$OUT/logs"
tmpfiles=()
# shellcheck disable=SC2317  # called by the trap
cleanup() { [ ${#tmpfiles[@]} -eq 0 ] || rm -f -- "${tmpfiles[@]}"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- gen-report and the FO files ---------------------------------------------

if [ -z "${sizes// /}" ]; then
    :   # no reports to generate
elif [ -n "$gen" ]; then
    [ -x "$gen" ] || die "--gen '$gen' is not executable"
else
    gen=$OUT/build/gen-report
    tmpfiles+=("$gen.tmp")
    cc -std=c11 -O2 -Wall -Wextra -o "$gen.tmp" "$BENCH/gen-report.c" \
        || die "could not build gen-report"
    mv -f "$gen.tmp" "$gen"
fi

for s in $sizes; do
    fo=$OUT/report-$s.fo
    tmpfiles+=("$fo.tmp")
    "$gen" "$s" > "$fo.tmp" || die "gen-report $s failed"
    mv -f "$fo.tmp" "$fo"
done

# The DocBook book, and its FO made once by xsltproc (as a DocBook user
# would: --catalogs finds the DTD locally), timed apart.
xslt_s=""
if [ "$docbook" = 1 ]; then
    xml=$OUT/docbook-$chapters.xml fo=$OUT/report-db$chapters.fo
    tmpfiles+=("$xml.tmp" "$fo.tmp")
    python3 "$BENCH/gen-docbook.py" "$chapters" > "$xml.tmp" || die "gen-docbook.py $chapters failed"
    mv -f "$xml.tmp" "$xml"
    echo "run-bench: xsltproc: DocBook XSL on $chapters chapters" >&2
    t0=${EPOCHREALTIME/./}
    xsltproc --catalogs --nonet -o "$fo.tmp" "$DOCBOOK_XSL" "$xml" > "$OUT/logs/xsltproc-db$chapters.log" 2>&1 \
        || die "xsltproc failed; see $OUT/logs/xsltproc-db$chapters.log"
    t1=${EPOCHREALTIME/./}
    xslt_s=$(awk -v us=$(( t1 - t0 )) 'BEGIN { printf "%.1f", us / 1e6 }')
    mv -f "$fo.tmp" "$fo"
fi

# --- measuring ---------------------------------------------------------------

# run_one TOOL SIZE RUN [rss]: one whole-process run, which renames its PDF
# into place.  A timed run appends its wall time in ms to
# $OUT/logs/report-SIZE.TOOL.samples; it comes from bash's microsecond clock
# around the formatter itself (GNU time's %e has only 10 ms steps, too coarse
# for a run of a few tens of milliseconds).  An "rss" run goes under GNU time
# instead and appends the peak RSS in KiB to report-SIZE.TOOL.rss; it is not
# timed, because GNU time's own start adds about 1.3 ms here (timing
# `/usr/bin/time /bin/true` against `/bin/true`): nothing to FOP, and 7 % of
# a one-page cocom run.
run_one() {
    local tool=$1 size=$2 run=$3 kind=${4:-time}
    local fo=$OUT/report-$size.fo pdf=$OUT/report-$size.$tool.pdf
    local part=$OUT/report-$size.$tool.part.pdf     # keep .pdf: tools may
    local tfile=$OUT/logs/report-$size.$tool.time   # pick the format by it
    local log=$OUT/logs/report-$size.$tool.log
    local cmd t0 t1 rc

    case $tool in
        cocom) cmd=("$cocom" render "$fo" -o "$part") ;;
        fop)   cmd=(fop -c "$BENCH/fop.xconf" "$fo" "$part") ;;
    esac
    tmpfiles+=("$part" "$tfile")
    # Keep the first run's messages; later runs print the same.
    [ "$run" = 1 ] && [ "$kind" = time ] || log=/dev/null

    rm -f "$part"
    if [ "$kind" = rss ]; then
        /usr/bin/time -f '%M' -o "$tfile" "${cmd[@]}" >"$log" 2>&1
        rc=$?
    else
        t0=${EPOCHREALTIME/./}
        "${cmd[@]}" >"$log" 2>&1
        rc=$?
        t1=${EPOCHREALTIME/./}
    fi
    if [ $rc -ne 0 ]; then
        rm -f "$part"
        echo "run-bench: $tool failed on $size sections (run $run); see $OUT/logs/report-$size.$tool.log" >&2
        return 1
    fi
    if [ ! -s "$part" ]; then
        echo "run-bench: $tool wrote no PDF for $size sections" >&2
        return 1
    fi
    mv -f "$part" "$pdf"
    if [ "$kind" = rss ]; then
        tail -n 1 "$tfile" >> "$OUT/logs/report-$size.$tool.rss"
    else
        local us=$(( t1 - t0 ))
        printf '%d.%03d\n' $(( us / 1000 )) $(( us % 1000 )) >> "$OUT/logs/report-$size.$tool.samples"
    fi
}

# median COLUMN FILE: median of a column (mean of the middle two if even).
median() {
    sort -n -k"$1","$1" "$2" | awk -v c="$1" '
        { v[NR] = $c }
        END { if (NR == 0) exit 1
              if (NR % 2) print v[(NR + 1) / 2]
              else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

tools=()
[ -z "$cocom" ] || tools+=(cocom)
[ "$use_fop" = 0 ] || tools+=(fop)

# One untimed run first: FOP builds its font cache (~/.fop/fop-fonts.cache;
# several seconds on a machine with many fonts) and fontconfig and the disk
# cache warm up.  Start-up costs that recur on every run are still counted.
first=${keys%% *}
for tool in "${tools[@]}"; do
    echo "run-bench: warming up $tool" >&2
    run_one "$tool" "$first" 1 || true
    rm -f "$OUT/logs/report-$first.$tool.samples"
done

# what KEY: a key in words, for progress messages.
what() { case $1 in db*) echo "DocBook book of ${1#db} chapters" ;; *) echo "$1 sections" ;; esac; }

failed=0
declare -A ok=()
for s in $keys; do
    for tool in "${tools[@]}"; do
        # A PDF from an earlier run must not pass for this one's.
        rm -f "$OUT/logs/report-$s.$tool.samples" "$OUT/logs/report-$s.$tool.rss" "$OUT/report-$s.$tool.pdf"
        ok[$tool.$s]=1
    done
    # Alternate the tools run by run, so that a noisy spell on this shared
    # machine falls on both rather than on one.
    for ((r = 1; r <= runs; r++)); do
        for tool in "${tools[@]}"; do
            [ "${ok[$tool.$s]}" = 1 ] || continue
            echo "run-bench: $(what "$s"), $tool, run $r/$runs" >&2
            run_one "$tool" "$s" "$r" || { ok[$tool.$s]=0; failed=1; }
        done
    done
    # Then one run each for the peak memory.
    for tool in "${tools[@]}"; do
        [ "${ok[$tool.$s]}" = 1 ] || continue
        echo "run-bench: $(what "$s"), $tool, peak memory" >&2
        run_one "$tool" "$s" 0 rss || { ok[$tool.$s]=0; failed=1; }
    done
done

# --- the table ---------------------------------------------------------------

DASH="–"
declare -A pages=() wall_ms=() rss_kib=()
for s in $keys; do
    for tool in cocom fop; do
        samples=$OUT/logs/report-$s.$tool.samples
        if [ "${ok[$tool.$s]:-0}" = 1 ] && [ -s "$samples" ]; then
            wall_ms[$tool.$s]=$(median 1 "$samples")
            rss_kib[$tool.$s]=$(median 1 "$OUT/logs/report-$s.$tool.rss")
            pages[$tool.$s]=$(pdfinfo "$OUT/report-$s.$tool.pdf" | awk '/^Pages:/ { print $2 }')
        elif [ -n "${ok[$tool.$s]:-}" ]; then
            wall_ms[$tool.$s]=failed
        fi      # else not measured: stays "–"
    done
done

# fmt AWK-EXPR VALUE...: format numbers, or pass "–"/"failed" through.
fmt() {
    local expr=$1; shift
    for v in "$@"; do
        case $v in ''|failed) echo "${v:-$DASH}"; return ;; esac
    done
    awk -v a="${1:-0}" -v b="${2:-0}" "BEGIN { $expr }"
}

# pad WIDTH TEXT: right-align by characters, not bytes ("–" is 3 bytes).
pad() { printf '%*s%s' $(( $1 - ${#2} )) '' "$2"; }

row() {  # row CELL... : one table line
    local widths=(8 16 18 18 10 10) i=0 line=""
    for c in "$@"; do line+=$(pad "${widths[i]}" "$c")"  "; i=$((i + 1)); done
    echo "${line%  }"
}

results=$OUT/results.txt
tmpfiles+=("$results.tmp")
{
    echo "cocom vs Apache FOP — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
         "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
         "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    [ -z "$cocom" ] || echo "cocom: $cocom"
    [ "$use_fop" = 0 ] || echo "fop:   $(fop -version 2>/dev/null | tail -n 1), $(java -version 2>&1 | head -n 1)"
    echo "$runs timed runs each (wall: the median), then one under GNU time (peak RSS); whole processes."
    echo
    row "" "pages" "wall (s)" "peak RSS (MiB)" "FOP/cocom" "FOP/cocom"
    row sections "cocom / FOP" "cocom / FOP" "cocom / FOP" "speed" "RSS"
    for s in $keys; do
        w_c=${wall_ms[cocom.$s]:-} w_f=${wall_ms[fop.$s]:-}
        r_c=${rss_kib[cocom.$s]:-} r_f=${rss_kib[fop.$s]:-}
        row "$s" \
            "${pages[cocom.$s]:-$DASH} / ${pages[fop.$s]:-$DASH}" \
            "$(fmt 'printf "%.3f", a / 1000' "$w_c") / $(fmt 'printf "%.2f", a / 1000' "$w_f")" \
            "$(fmt 'printf "%.1f", a / 1024' "$r_c") / $(fmt 'printf "%.0f", a / 1024' "$r_f")" \
            "$(fmt 'printf "%.1f×", b / a' "$w_c" "$w_f")" \
            "$(fmt 'printf "%.1f×", b / a' "$r_c" "$r_f")"
    done
    if [ "$docbook" = 1 ]; then
        echo "db$chapters: not sections but a DocBook 4.5 book of $chapters chapters (bench/gen-docbook.py), made FO"
        echo "  once by xsltproc --catalogs with $DOCBOOK_XSL in $xslt_s s (not counted above);"
        echo "  the targets below are for the reports."
    fi
    echo

    # Targets, each "met", "MISSED" or "not measured".
    verdict() { case $1 in 1) echo met ;; 0) echo MISSED ;; *) echo "not measured" ;; esac; }
    speed_target() {  # speed_target SIZE FACTOR
        local c=${wall_ms[cocom.$1]:-} f=${wall_ms[fop.$1]:-}
        case "$c$f" in *failed*) verdict x; return ;; esac
        if [ -z "$c" ] || [ -z "$f" ]; then verdict x; return; fi
        awk -v c="$c" -v f="$f" -v k="$2" 'BEGIN { printf "%.1f× — %s\n", f / c, (f >= k * c ? "met" : "MISSED") }'
    }
    rss_2000=${rss_kib[cocom.2000]:-} rss_20=${rss_kib[cocom.20]:-}
    echo "Targets for cocom:"
    echo "  ≥ 40× faster than FOP at 1 section:     $(speed_target 1 40)"
    echo "  ≥ 10× faster than FOP at 2000 sections: $(speed_target 2000 10)"
    if [[ $rss_2000 =~ ^[0-9.]+$ ]]; then
        echo "  peak RSS < 100 MB at 2000 sections:     $(awk -v k="$rss_2000" 'BEGIN { printf "%.1f MB — %s\n", k * 1024 / 1e6, (k * 1024 < 100e6 ? "met" : "MISSED") }')"
    else
        echo "  peak RSS < 100 MB at 2000 sections:     not measured"
    fi
    if [[ $rss_2000 =~ ^[0-9.]+$ && $rss_20 =~ ^[0-9.]+$ ]]; then
        echo "  RSS at 2000 ≤ 1.5 × RSS at 20 sections: $(awk -v a="$rss_2000" -v b="$rss_20" 'BEGIN { printf "%.2f× — %s\n", a / b, (a <= 1.5 * b ? "met" : "MISSED") }')"
    else
        echo "  RSS at 2000 ≤ 1.5 × RSS at 20 sections: not measured"
    fi

    # What the formatters said, less FOP's progress lines and the Debian
    # wrapper's notes about optional jars: the FO should draw no warnings.
    logs=()
    for s in $keys; do
        for tool in "${tools[@]}"; do logs+=("$OUT/logs/report-$s.$tool.log"); done
    done
    said=$(cat "${logs[@]}" 2>/dev/null \
        | grep -v -e '^\[INFO\] FOUserAgent - Rendered page' -e '^\[warning\] /usr/bin/fop:' \
        | sort | uniq -c | sort -rn | head -n 20 || true)
    echo
    if [ -n "$said" ]; then
        echo "Messages from the formatters (first runs, by count; logs in $OUT/logs):"
        echo "$said"
    else
        echo "No warnings from the formatters."
    fi
} > "$results.tmp"
mv -f "$results.tmp" "$results"
cat "$results"
exit "$failed"
