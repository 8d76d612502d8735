# Tables and lists: the seeds' two tables, long tables over pages, automatic
# layout, spans, collapsed borders, a cell taller than a page, nested lists
# and a list item split by a page break.  Geometry is compared with
# pictures reviewed by eye (tests/fo/ref); text and order with pdftotext.

t_functions_table_from_the_wolverhampton_report() {
    render_fo functions-table
    expect_pages "$T/functions-table.pdf" 1
    pdftotext -layout "$T/functions-table.pdf" - > "$T/t.txt"
    grep -q "Primary Care Function  *Greater Involvement  *Joint Commissioning  *Delegated" "$T/t.txt" \
        || { cat "$T/t.txt"; fail "the header row is not four columns"; }
    grep -q "Complaints management  *No  *Jointly with sub-regions  *Yes" "$T/t.txt" || fail "a row is out of its columns"
    expect_png_like functions-table 1
}

t_decision_matrix_first_column_spans_ten_two_and_four_rows() {
    render_fo decision-matrix
    expect_pages "$T/decision-matrix.pdf" 1
    pdftotext -layout "$T/decision-matrix.pdf" - > "$T/t.txt"
    # Each group name sits once, beside the middle of its rows.
    [ "$(grep -c 'Financial Processes' "$T/t.txt")" -eq 1 ] || fail "a spanning cell is repeated"
    # Centred on its two rows, "Financial Processes" reads between them.
    grep -A1 -B1 "^Financial Processes" "$T/t.txt" | tr -s ' \n' ' ' \
        | grep -q "Ensuring budget sustainability Financial Processes Management accounting" \
        || { cat "$T/t.txt"; fail "the spanning cell is not beside its rows"; }
    expect_png_like decision-matrix 1
}

t_a_long_table_repeats_its_header_and_footer() {
    render_fo long-table
    # Nine pages: the footer a break brings must fit in the body too (it
    # once ran into the bottom margin, and the table took eight).
    expect_pages "$T/long-table.pdf" 9
    for p in 1 2 3 4 5 6 7 8 9; do
        pdftotext -layout -f $p -l $p "$T/long-table.pdf" - > "$T/p.txt"
        grep -q "^ *Code  *Practice  *Contract" "$T/p.txt" || fail "no header on page $p"
        grep -q "Continued overleaf" "$T/p.txt" || fail "no footer on page $p"
    done
    # Every row, once, in order.
    pdftotext "$T/long-table.pdf" - | grep -o '^Y[0-9]*$' > "$T/codes.txt"
    [ "$(wc -l < "$T/codes.txt")" -eq 300 ] || fail "$(wc -l < "$T/codes.txt") rows instead of 300"
    # The footer lies inside the body (bottom margin 20mm: y <= 785.3pt).
    pdftotext -bbox -f 1 -l 1 "$T/long-table.pdf" - | awk -F'"' '/>overleaf</ { for (i = 1; i < NF; i++) if ($i ~ /yMax=$/) y = $(i + 1) }
        END { exit !(y > 0 && y <= 785.4) }' || fail "the footer runs into the bottom margin"
    seq -f 'Y%05g' 1 300 | cmp -s - "$T/codes.txt" || fail "rows are lost, doubled or out of order"
    pdftotext -f 9 -l 9 "$T/long-table.pdf" - | grep -q "After the table." || fail "the block after the table is missing"
    # The copies at the breaks are artifacts: the structure tree has the
    # header once, where the table begins, and the footer once, where it
    # ends (a screen reader does not read them at every page).
    struct_text "$T/long-table.pdf" > "$T/struct.txt"
    [ "$(grep -c '"Code"' "$T/struct.txt")" = 1 ] || fail "the header is in the structure tree more than once"
    [ "$(grep -c 'Continued overleaf' "$T/struct.txt")" = 1 ] || fail "the footer is in the structure tree more than once"
    [ "$(grep -c '^ *TH' "$T/struct.txt")" = 3 ] || fail "not three header cells in the structure tree"
    grep -q '"Y00300"' "$T/struct.txt" || fail "the last row is not in the structure tree"
    expect_png_like long-table 2
}

t_automatic_layout_gives_the_prose_column_the_room() {
    render_fo auto-layout
    pdftotext -bbox "$T/auto-layout.pdf" "$T/w.html"
    # x where each first-row word starts.
    x_of() { awk -F'"' -v w="$1" '$0 ~ ">"w"<" { for (i = 1; i < NF; i++) if ($i ~ /xMin=$/) { print int($(i + 1)); exit } }' "$T/w.html"; }
    vx=$(x_of Voting); px=$(x_of The); ax=$(x_of Agreed)
    # The single words take only their own width; the prose column the rest.
    [ $((px - vx)) -lt 60 ] || fail "the first column is too wide ($vx to $px)"
    [ $((ax - px)) -gt 300 ] || fail "the prose column is too narrow ($px to $ax)"
    expect_png_like auto-layout 1
}

t_spans_in_both_directions() {
    render_fo spans
    pdftotext -layout "$T/spans.pdf" - > "$T/t.txt"
    grep -q "A1-B1 across two columns  *C1  *D1-D3 down three rows" "$T/t.txt" || { cat "$T/t.txt"; fail "row 1"; }
    grep -q "A4  *B4  *C4  *D4" "$T/t.txt" || fail "row 4"
    expect_png_like spans 1
}

# What each border is, in pixels at named points (page_ppm: 144 dpi).  The
# table's left edge is at 20mm (56.7pt), its columns 100pt wide; a line
# across row 1 just below its text (the word "edges" gives the height),
# and one across the separate table below the words "one" and "two".
t_collapsed_borders_of_different_widths() {
    render_fo collapsed-borders
    page_ppm "$T/collapsed-borders.pdf" 1 "$T/p.ppm"
    pdftotext -bbox "$T/collapsed-borders.pdf" "$T/words.html"
    y1=$(awk -F'"' '/>edges</ { printf "%.1f", $8 + 2.2 }' "$T/words.html")
    y2=$(awk -F'"' '/>one</ { printf "%.1f", $8 + 3 }' "$T/words.html")
    [ -n "$y1" ] && [ -n "$y2" ] || fail "the words that place the lines are missing"
    colours="ffffff=white 003087=blue da291c=red 000000=black e8edee=grey"
    # The table's 3pt blue wins the outer edges over the cells' thinner ones:
    # the left edge (over a 0.5pt black) and the right (over a 1pt dashed),
    # 3pt (6 pixels) wide; and the top, over the red cell's 2pt.
    got=$(colour_runs "$T/p.ppm" "$y1" 50 150 $colours)
    [ "$got" = "white blue white" ] || fail "row 1, left edge to the middle of column 1: $got"
    [ "$(ppm_row "$T/p.ppm" "$y1" 50 62 | grep -c '^003087$')" = 6 ] || fail "the left edge is not 3pt wide"
    got=$(colour_runs "$T/p.ppm" "$y1" 340 365 $colours)
    [ "$got" = "white blue white" ] || fail "row 1, the right edge: $got"
    for x in 100 200 300; do
        got=$(for y in $(seq 50 0.5 62); do pixel "$T/p.ppm" $x $y; done | awk -v map="$colours" '
            BEGIN { n = split(map, m, " "); for (i = 1; i <= n; i++) { split(m[i], kv, "="); c[kv[1]] = kv[2] } }
            ($0 in c) && c[$0] != l { printf "%s%s", (o++ ? " " : ""), c[$0]; l = c[$0] } END { print "" }')
        [ "$got" = "white blue white" ] || fail "the top edge at x=${x}pt: $got"
    done
    # Between columns 1 and 2 of row 1, the red 2pt (4 pixels) wins over
    # the thin black: red alone.
    got=$(colour_runs "$T/p.ppm" "$y1" 150 165 $colours)
    [ "$got" = "white red white" ] || fail "row 1, between columns 1 and 2: $got"
    [ "$(ppm_row "$T/p.ppm" "$y1" 150 165 | grep -c '^da291c$')" = 4 ] || fail "the red edge is not 2pt wide"
    # The separate model: the table's border, 4pt apart the cells' own, the
    # second cell grey, all apart from each other.
    got=$(colour_runs "$T/p.ppm" "$y2" 40 365 $colours)
    [ "$got" = "white black white black white black white black grey black white black white" ] \
        || fail "across the separate table: $got"
    expect_png_like collapsed-borders 1
}

# Where collapsed cells meet, their edges are one line: a 3 x 3 grid is
# drawn with four lines across and four down, not four for each cell (36,
# the drawing before 2026-12-07: each shared edge twice, which Cairo
# records, replays and prints number by number).  Cells apart keep their
# own edges (the gap stays), and dashed ones their own lines (joined,
# their dashes would shift).
t_shared_cell_edges_are_one_line() {
    render_fo joined-borders
    qpdf --qdf --object-streams=disable "$T/joined-borders.pdf" "$T/q.pdf"
    python3 - "$T/q.pdf" > "$T/lines.txt" <<'PY' || { cat "$T/lines.txt"; fail "cannot read the page"; }
import re, sys
page = open(sys.argv[1], "rb").read().decode("latin-1")
for s in re.findall(r"stream\n(.*?)endstream", page, re.S):
    # The lines of each stroke: "x0 y0 m x1 y1 l" until "S".
    lines = 0
    for tok in s.split():
        if tok == "l":
            lines += 1
        elif tok == "S":
            print(lines)
            lines = 0
PY
    [ "$(tr '\n' ' ' < "$T/lines.txt")" = "16 4 " ] \
        || fail "lines per stroke: $(tr '\n' ' ' < "$T/lines.txt") (the grid 8 and the solid cells apart 8, then 4 dashed)"
    # Drawn, the rule under the first row runs unbroken across the table
    # (from 60 to 480 pt; the table spans 57 to 482).
    page_ppm "$T/joined-borders.pdf" 1 "$T/p.ppm"
    pdftotext -bbox "$T/joined-borders.pdf" "$T/words.html"
    y=$(awk -F'"' '/>a2</ { printf "%.1f", $4 - 2.4 }' "$T/words.html")
    [ -n "$y" ] || fail "the word that places the rule is missing"
    got=$(colour_runs "$T/p.ppm" "$y" 60 480 "ffffff=white 000000=black")
    [ "$got" = "black" ] || fail "the rule under row 1: $got"
}

# A regression: where a row's bottom and the next row's top lay a rounding
# error apart, the joining once dropped the edge under the first column
# of the Westminster report's table of functions (page 5, the row
# "including discretionary funding requests"): the rule there runs under
# both columns.
t_a_joined_table_rule_keeps_every_cell_edge() {
    SOURCE_DATE_EPOCH=1437177600 "$COCOM" build --only=report -o "$T/out" \
        "$SRCDIR/samples/westminster-2015/arrangement.xml" > /dev/null 2> "$T/build.err" \
        || { cat "$T/build.err"; fail "cannot build the report"; }
    pdf=$(ls "$T"/out/*.pdf)
    page_ppm "$pdf" 5 "$T/p.ppm"
    pdftotext -f 5 -l 5 -bbox "$pdf" "$T/words.html"
    top=$(awk -F'"' '/>funding</ { print $8; exit }' "$T/words.html")
    [ -n "$top" ] || fail "the row that places the rule is missing from page 5"
    found=""
    for y in $(awk -v t="$top" 'BEGIN { for (y = t + 0.5; y < t + 16; y += 0.5) print y }'); do
        # Column 1 (60 to 140 pt) and column 2 (160 to 300 pt) on the rule.
        if [ "$(ppm_row "$T/p.ppm" "$y" 160 300 | grep -vc '^ffffff$')" -gt 270 ]; then
            found=$y
            [ "$(ppm_row "$T/p.ppm" "$y" 60 140 | grep -c '^ffffff$')" -eq 0 ] \
                || fail "the rule under the row stops short of column 1 (at ${y}pt)"
            break
        fi
    done
    [ -n "$found" ] || fail "no rule under the row"
}

t_a_cell_taller_than_a_page_is_split() {
    render_fo tall-cell
    expect_pages "$T/tall-cell.pdf" 2
    p1=$(page_lines "$T/tall-cell.pdf" 1)
    p2=$(page_lines "$T/tall-cell.pdf" 2)
    case "$p1" in "Short|Tall|a short cell|line 01 of the tall cell|"*"line 16 of the tall cell|") ;; *) fail "page 1: $p1" ;; esac
    case "$p2" in "Short|Tall|line 17 of the tall cell|"*"line 30 of the tall cell|the next row|after|") ;; *) fail "page 2: $p2" ;; esac
    expect_png_like tall-cell 1
}

t_nested_lists_three_deep() {
    render_fo nested-lists
    # (pdftotext reads a label and its body's first line as one line.)
    expect_page_lines "$T/nested-lists.pdf" 1 "1. GMS, PMS and APMS contracts|– Design of PMS and APMS contracts|◦ monitoring of contracts|◦ taking contractual action|– removing a contract|2. Newly designed enhanced services|3. Local incentive schemes|– as an alternative to QOF|"
    expect_png_like nested-lists 1
}

t_a_list_item_split_by_a_page_break_keeps_its_label_on_the_first_part() {
    render_fo list-split
    expect_pages "$T/list-split.pdf" 2
    case "$(page_lines "$T/list-split.pdf" 1)" in *"filler line 13|1. item 1 first line|item 1 second line|") ;;
        *) fail "page 1: $(page_lines "$T/list-split.pdf" 1)" ;; esac
    # The continued item has no label: "1." is not repeated.
    expect_page_lines "$T/list-split.pdf" 2 "item 1 third line|item 1 fourth line|2. item 2 first line|item 2 second line|item 2 third line|item 2 fourth line|"
}

# empty-cells="hide" (separate borders): the empty middle cell has neither
# border nor background; the one that says "show" keeps both.
t_empty_cells_hide() {
    render_fo empty-cells
    expect_page_lines "$T/empty-cells.pdf" 1 "full|"
    # A line across the row (below "full", inside the 40pt row), from
    # margin to margin: the full cell red-yellow-red, the hidden one
    # nothing, the shown one red-yellow-red.
    page_ppm "$T/empty-cells.pdf" 1 "$T/p.ppm"
    pdftotext -bbox "$T/empty-cells.pdf" "$T/words.html"
    y=$(awk -F'"' '/>full</ { printf "%.1f", $8 + 8 }' "$T/words.html")
    [ -n "$y" ] || fail "no word 'full'"
    got=$(colour_runs "$T/p.ppm" "$y" 10 290 ffffff=white ff0000=red ffff00=yellow)
    [ "$got" = "white red yellow red white red yellow red white" ] || fail "across the row: $got"
    # The hidden cell's middle (the page's middle) is white.
    [ "$(pixel "$T/p.ppm" 150 "$y")" = ffffff ] || fail "the hidden cell shows something at its middle"
    expect_png_like empty-cells 1
}

t_forced_breaks_in_rows_cells_and_list_bodies() {
    # XSL 1.1 §7.20.1-2: break-before/after on a table row, on a block in a
    # list-item body and on a block in a table cell each begin a new page;
    # the table's header is repeated after the breaks in its body.
    render_fo table-breaks
    expect_pages "$T/table-breaks.pdf" 5
    expect_page_lines "$T/table-breaks.pdf" 1 "head|row one|"
    expect_page_lines "$T/table-breaks.pdf" 2 "head|row two|row three|"
    expect_page_lines "$T/table-breaks.pdf" 3 "head|row four|1.|item first|"
    expect_page_lines "$T/table-breaks.pdf" 4 "item second|cell first|cell second|"
    expect_page_lines "$T/table-breaks.pdf" 5 "cell third|the end|"
}

# The characters of the header's one long word on page P of PDF.
long_word_chars() {
    pdftotext -f "$2" -l "$2" "$1" - | grep '^[a-z]\{20,\}$' | tr -d '\n' | wc -c
}

t_a_header_or_footer_taller_than_the_page_is_not_repeated() {
    # Repeated at the break, a header taller than the page would leave no
    # room for a body row on any page after (the run stopped at the page
    # limit): it is left out there, once said, and the rows move on.
    render_fo tall-header
    expect_err "tall-header.fo:16: warning: the table's header (630pt) leaves no room for a row of its body on a 200pt page; it is not repeated where it does not fit"
    expect_pages "$T/tall-header.pdf" 5
    n=0
    for p in 1 2 3 4 5; do n=$((n + $(long_word_chars "$T/tall-header.pdf" $p))); done
    [ "$n" -eq 1500 ] || fail "the header's word is shown $n characters long, not 1500 once"
    [ "$(long_word_chars "$T/tall-header.pdf" 5)" -eq 0 ] || fail "the header is repeated on page 5"
    page_lines "$T/tall-header.pdf" 4 | grep -q "row one|$" || fail "row one is not on page 4"
    expect_page_lines "$T/tall-header.pdf" 5 "row two|the end|"
    # A footer as tall is not drawn below the rows at the break either.
    render_fo tall-footer
    expect_err "tall-footer.fo:16: warning: the table's footer (630pt) does not fit below its rows on the page; it is not repeated where it does not fit"
    expect_page_lines "$T/tall-footer.pdf" 1 "row one|"
    n=0
    for p in 1 2 3 4 5; do n=$((n + $(long_word_chars "$T/tall-footer.pdf" $p))); done
    [ "$n" -eq 1500 ] || fail "the footer's word is shown $n characters long, not 1500 once"
}

t_keeps_on_rows_move_the_break_into_an_earlier_row() {
    # XSL 1.1 §7.20.3-5: rows b (kept with the rows before and after it) and
    # c (kept together) cannot part from a, and the three do not fit on a
    # page: the only allowed breaks are inside row a (or before it), and
    # the latest that widows allow is taken.
    render_fo row-keeps
    expect_pages "$T/row-keeps.pdf" 4
    expect_page_lines "$T/row-keeps.pdf" 1 "a01|a02|a03|a04|a05|a06|a07|a08|"
    expect_page_lines "$T/row-keeps.pdf" 2 "a09|a10|b01|c01|c02|c03|c04|c05|"
    # Below other content, the break is still inside a, not before it.
    expect_page_lines "$T/row-keeps.pdf" 3 "s01|s02|s03|s04|a01|a02|a03|a04|"
    expect_page_lines "$T/row-keeps.pdf" 4 "a05|a06|b01|c01|c02|c03|c04|c05|"
}

t_a_nested_table_repeats_its_header_on_each_page() {
    # A table inside a table cell, and one inside a list-item body, run over
    # a page: each repeats its header on the next page, above its rows.
    render_fo nested-header
    expect_pages "$T/nested-header.pdf" 4
    expect_page_lines "$T/nested-header.pdf" 1 "t head|t01|t02|t03|t04|t05|t06|t07|t08|t09|"
    expect_page_lines "$T/nested-header.pdf" 2 "t head|t10|t11|t12|t13|t14|t15|"
    expect_page_lines "$T/nested-header.pdf" 4 "l head|l10|l11|l12|l13|l14|l15|"
    # The repeated header sits at the top of the body, where the part begins.
    pdftotext -bbox -f 2 -l 2 "$T/nested-header.pdf" - | awk -F'"' '/>head</ { for (i = 1; i < NF; i++) if ($i ~ /yMin=$/) y = $(i + 1) }
        END { exit !(y != "" && y < 5) }' || fail "the repeated header is not at the top of page 2"
}

# Content that collapses to nothing (issue 23; fuzz/regressions/fo-*-one-space.fo):
# an automatic table whose only cell holds one space, and an inline of one
# space.  The text buffer is then never allocated; measuring the cell and
# building the lines once applied an offset to its null pointer, which
# clang's UBSan (the sanitizer build, CC=clang) reports and run_cocom fails.
t_an_automatic_table_whose_only_cell_holds_a_space() {
    render_fo one-space
    expect_pages "$T/one-space.pdf" 1
    expect_page_lines "$T/one-space.pdf" 1 "Before the table.|After the table.|"
}

# Long real-world names in narrow columns (issue 18): in fixed columns too
# narrow for a word, the word is hyphenated at the dictionary's points with
# a visible hyphen (soft hyphen U+00AD in the text), never cut between
# letters; laid out automatically, every column gets at least its longest
# word, and a blank to write a name in keeps its 20mm.
t_long_names_in_narrow_columns() {
    render_fo narrow-columns
    expect_no_err "broken between characters"
    pdftotext -bbox "$T/narrow-columns.pdf" - | sed -n 's/.*xMin="\([0-9.]*\)".*>\(.*\)<\/word>/\1 \2/p' > "$T/words.txt"
    # Every piece that ends a line in a hyphen joins the next into a word of the source.
    sh=$(printf '\302\255')
    awk -v sh="$sh" '{ w = $2; if (held != "") { print held w; held = "" } else if (index(w, sh)) held = substr(w, 1, index(w, sh) - 1); else print w }' \
        "$T/words.txt" > "$T/joined.txt"
    [ "$(grep -c "$sh" "$T/words.txt")" -ge 3 ] || { cat "$T/words.txt"; fail "the fixed table's long words are not hyphenated"; }
    tr -s ' <>/="' '\n' < "$SRCDIR/tests/fo/narrow-columns.fo" | grep -E '^[A-Za-z()]+$' | sort -u > "$T/source-words.txt"
    bad=$(grep -vxF -f "$T/source-words.txt" "$T/joined.txt" | grep -v '^\.*$' || true)
    [ -z "$bad" ] || fail "words not in the source (cut between letters?): $(echo $bad)"
    # The automatic table: the longest words whole, the name column at least 20mm (56.7pt).
    for w in Performance Commissioning representative; do
        grep -q " $w$" "$T/words.txt" || fail "'$w' is not whole in the automatic table"
    done
    nx=$(awk '$2 == "Name" { print int($1) }' "$T/words.txt")
    ox=$(awk '$2 == "Organisation" { print int($1) }' "$T/words.txt")
    [ $((ox - nx)) -ge 57 ] || fail "the name column is $((ox - nx))pt wide, under the blank's 20mm"
}

# An automatic table narrower than its longest words (issue 18 item 1):
# the short words stay whole and the long ones are hyphenated; no word is
# cut between letters ("weig|ht" before).
t_table_narrower_than_its_words() {
    render_fo narrower-than-words
    expect_no_err "broken between characters"
    pdftotext -bbox "$T/narrower-than-words.pdf" - | sed -n 's/.*>\(.*\)<\/word>/\1/p' > "$T/words.txt"
    for w in Voting Vote weight Yes One vote; do
        [ "$(grep -cx "$w" "$T/words.txt")" -ge 2 ] || { cat "$T/words.txt"; fail "'$w' is not whole in both tables"; }
    done
    grep -qx "Montgomery-" "$T/words.txt" && grep -qx "Fitzwilliam" "$T/words.txt" ||
        fail "the name does not break after its hyphen in the wider table"
}

# Automatic layout gives a short column its one line first (the review of
# the stress arrangements): the version history's dates and the membership
# table's "One vote" are not wrapped while a long column has room to give.
t_short_columns_keep_their_line() {
    run_cocom render --xsl "$SRCDIR/stylesheets/terms-of-reference.xsl" "$SRCDIR/tests/docs/many/six-ccgs.xml" -o "$T/six.pdf"
    expect_rc 0
    pdftotext -layout -f 1 -l 1 "$T/six.pdf" - > "$T/p1.txt"
    grep -qE '^ *1 +14 May 2015 +First terms of' "$T/p1.txt" || { cat "$T/p1.txt"; fail "the history's first date is wrapped"; }
    grep -qE '^ *5 +3 September 2015 +Quorum to include' "$T/p1.txt" || fail "the history's second date is wrapped"
    run_cocom render --xsl "$SRCDIR/stylesheets/proforma.xsl" "$SRCDIR/samples/rotherham-2015/arrangement.xml" -o "$T/r.pdf"
    expect_rc 0
    [ "$(pdftotext -layout -f 4 -l 4 "$T/r.pdf" - | grep -c 'Yes  *One vote')" -eq 6 ] || fail "'One vote' is wrapped in the membership table"
}
