# Pages of columns (XSL 1.1 §7.28.2 column-count and column-gap, §7.21.5
# span): tests/fo/columns.fo says what is on each page.  Its columns start
# at x = 20pt and 210pt; its lines are 12pt apart.

# col_words FILE.pdf PAGE: "x y word" for each word on the page (points).
col_words() {
    pdftotext -bbox -f "$2" -l "$2" "$1" - | awk '
        /<word / {
            match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /yMin="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
            t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
            printf "%.1f %.1f %s\n", x, y, t
        }'
}

# column_of X: 1 or 2, or "?" when X is at neither column's start.
column_of() { awk -v x="$1" 'BEGIN { print (x > 19 && x < 21) ? 1 : (x > 209 && x < 211) ? 2 : "?" }'; }

t_columns_fill_in_turn_and_spanning_blocks_cross_them() {
    render_fo columns
    expect_pages "$T/columns.pdf" 4
    expect_err 'columns.fo:18: warning: column-count="200" with a 12pt gap leaves columns -10pt wide in a 360pt region-body; it is set in one column'
    [ "$(grep -c 'warning' "$ERR")" = 1 ] || { cat "$ERR"; fail "more than the one warning expected"; }
    col_words "$T/columns.pdf" 1 > "$T/p1"
    col_words "$T/columns.pdf" 2 > "$T/p2"
    # Every entry, on pages 1 and 2 in reading order (column 1 top to
    # bottom, then column 2), is e01..e50 in order, each at a column's start.
    for p in 1 2; do
        awk '$3 ~ /^e[0-9][0-9]/ { c = ($1 > 19 && $1 < 21) ? 1 : ($1 > 209 && $1 < 211) ? 2 : 9; printf "%d %07.1f %s\n", c, $2, substr($3, 1, 3) }' "$T/p$p" |
            sort > "$T/e$p"
        ! grep -q '^9 ' "$T/e$p" || { cat "$T/p$p"; fail "page $p: an entry is at neither column's start"; }
    done
    cat "$T/e1" "$T/e2" | awk '{ print $3 }' > "$T/order"
    seq -f 'e%02g' 1 50 > "$T/want"
    cmp -s "$T/order" "$T/want" || { paste "$T/order" "$T/want"; fail "the entries are not in column order"; }
    # Page 1: both columns hold entries and start level, below "Index".
    [ "$(grep -c '^1 ' "$T/e1")" -ge 10 ] && [ "$(grep -c '^2 ' "$T/e1")" -ge 10 ] || fail "page 1 is not set in two columns"
    top1=$(awk '$1 == 1 { print $2; exit }' "$T/e1"); top2=$(awk '$1 == 2 { print $2; exit }' "$T/e1")
    [ "$top1" = "$top2" ] || fail "page 1's columns start at $top1 and $top2"
    iy=$(awk '$3 == "Index" { print $2 }' "$T/p1")
    awk -v a="$iy" -v b="$top1" 'BEGIN { exit !(a + 0 < b + 0) }' || fail "Index ($iy) is not above the columns ($top1)"
    # "Index" spans: its rule runs under both columns (x = 100pt and 300pt).
    page_ppm "$T/columns.pdf" 1 "$T/p1.ppm"
    ry=$(awk -v y="$iy" 'BEGIN { printf "%.1f", y + 11.6 }')
    rule=0
    for dy in 0 0.5 1 1.5 2; do
        y=$(awk -v a="$ry" -v d="$dy" 'BEGIN { print a + d }')
        [ "$(pixel "$T/p1.ppm" 100 "$y")" = 000000 ] && [ "$(pixel "$T/p1.ppm" 300 "$y")" = 000000 ] && rule=1
    done
    [ "$rule" = 1 ] || fail "the spanning block's rule does not cross both columns"
    # The footnote cited in column 1 is at the foot of page 1, below both
    # columns, at the region's start.
    ny=$(awk '$3 == "note1" { print $2 }' "$T/p1"); nx=$(awk '$3 == "note1" { print $1 }' "$T/p1")
    [ -n "$ny" ] || fail "the footnote is not on the page that cites it"
    [ "$(column_of "$nx")" = 1 ] || fail "the footnote is at x = $nx"
    awk -v n="$ny" '$1 ~ /^[12]$/ && $2 + 0 >= n + 0 { bad = 1 } END { exit bad }' "$T/e1" ||
        fail "a column runs into the footnote at $ny"
    awk -v n="$ny" 'BEGIN { exit !(n + 0 > 250) }' || fail "the footnote ($ny) is not at the foot of the page"
}

t_columns_balance_above_a_spanning_block_and_at_the_end() {
    render_fo columns
    col_words "$T/columns.pdf" 2 > "$T/p2"
    my=$(awk '$3 == "Middle" { print $2 }' "$T/p2")
    [ -n "$my" ] || fail "Middle is not on page 2"
    [ "$(column_of "$(awk '$3 == "Middle" { print $1 }' "$T/p2")")" = 1 ] || fail "Middle is not at the region's start"
    # Above Middle: the entries left from page 1 shared between the columns,
    # as many in each, give or take one, ending within a line of each other.
    awk -v m="$my" '$3 ~ /^e/ && $2 + 0 < m + 0 { c = ($1 < 100) ? 1 : 2; n[c]++; if ($2 > last[c]) last[c] = $2 }
        END { d = n[1] - n[2]; e = last[1] - last[2]
              if (n[1] < 2 || n[2] < 2 || d < 0 || d > 1 || e < 0 || e > 12.5) { print n[1], n[2], last[1], last[2]; exit 1 } }' "$T/p2" ||
        fail "the columns above the spanning block are not balanced"
    [ -z "$(awk -v m="$my" '$3 ~ /^e/ && $2 + 0 > m + 0' "$T/p2")" ] || fail "an entry is below Middle"
    # Middle's background crosses both columns.
    page_ppm "$T/columns.pdf" 2 "$T/p2.ppm"
    yy=$(awk -v y="$my" 'BEGIN { print y + 5 }')
    [ "$(pixel "$T/p2.ppm" 200 "$yy")" = cccccc ] && [ "$(pixel "$T/p2.ppm" 370 "$yy")" = cccccc ] ||
        fail "Middle's background does not span the columns"
    # Below it, at the flow's end: f1..f4 and f5..f7, starting level.
    got=$(awk -v m="$my" '$3 ~ /^f/ && $2 + 0 > m + 0 { printf "%s:%s ", ($1 < 100) ? 1 : 2, $3 }' "$T/p2")
    [ "$got" = "1:f1 1:f2 1:f3 1:f4 2:f5 2:f6 2:f7 " ] || fail "the last columns are not balanced: $got"
    [ "$(awk '$3 == "f1" { print $2 }' "$T/p2")" = "$(awk '$3 == "f5" { print $2 }' "$T/p2")" ] ||
        fail "the last columns do not start level"
}

t_a_column_break_moves_to_the_next_column() {
    render_fo columns
    col_words "$T/columns.pdf" 3 > "$T/p3"
    got=$(awk '{ printf "%s@%s,%s ", $3, $1, $2 }' "$T/p3")
    [ "$got" = "h1@20.0,20.4 h2@20.0,32.4 h3@210.0,20.4 " ] ||
        { awk '{ print }' "$T/p3"; fail "break-before=\"column\": got $got"; }
    # A region whose columns cannot be set keeps one column.
    col_words "$T/columns.pdf" 4 > "$T/p4"
    [ "$(awk '{ printf "%s ", $3 }' "$T/p4")" = "k1 in one column all the way across the page " ] || fail "page 4: $(cat "$T/p4")"
}

t_columns_read_in_order_in_the_structure_tree() {
    render_fo columns
    # The tagged structure reads column 1, then column 2 (not across).
    struct_text "$T/columns.pdf" | grep -oE '\b(e[0-9][0-9]|Middle|f[0-9])\b' > "$T/st"
    { seq -f 'e%02g' 1 50; echo Middle; seq -f 'f%g' 1 7; } > "$T/want"
    cmp -s "$T/st" "$T/want" || { diff "$T/st" "$T/want" | head; fail "the structure tree is not in reading order"; }
}
