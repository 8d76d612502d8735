# tests/pdf/documents.sh — what a reader, and a screen reader, get from
# every document of every sample: the PDF/UA self-check passes; the outline
# leads to its sections; every link leads where it says; the structure tree
# holds all the text of the pages once, in reading order, and none of the
# running heads and feet; the language is en-GB and the title is shown; and
# a build is reproducible to the byte.

# build_all DIR: every sample built into DIR/<sample>/ (SOURCE_DATE_EPOCH
# fixed, so that two builds can be compared).
build_all() {
    for s in "$SRCDIR"/samples/*; do
        [ -f "$s/arrangement.xml" ] || continue
        SOURCE_DATE_EPOCH=1437177600 "$COCOM" build -o "$1/$(basename "$s")" "$s/arrangement.xml" \
            > "$T/build.out" 2> "$T/build.err" || { cat "$T/build.err"; fail "cocom build $(basename "$s") failed"; }
    done
    # No sample records a practice ballot (none is in the sources), so
    # the mandate summary comes from the test arrangements' ballots.
    for a in "$SRCDIR"/tests/docs/mandate/*.xml; do
        SOURCE_DATE_EPOCH=1437177600 "$COCOM" build --only mandate-summary,ballot -o "$1/test-$(basename "$a" .xml)" "$a" \
            > "$T/build.out" 2> "$T/build.err" || { cat "$T/build.err"; fail "cocom build $(basename "$a") failed"; }
    done
    ls "$1"/*/*.pdf > "$T/pdfs"
    [ "$(wc -l < "$T/pdfs")" -ge 20 ] || fail "only $(wc -l < "$T/pdfs") documents were built"
}

# page_has FILE PAGE TEXT: the page shows TEXT (white space and case aside:
# the Westminster style sets some headings in capitals; a heading's number
# may sit apart from it, in its own column).
page_has() {
    pdftotext -layout -f "$2" -l "$2" "$1" - | tr -s '[:space:]' ' ' > "$T/page.txt"
    grep -qiF -- "$3" "$T/page.txt" && return 0
    pdftotext -f "$2" -l "$2" "$1" - | tr -s '[:space:]' ' ' > "$T/page.txt"
    grep -qiF -- "$(echo "$3" | sed 's/^[0-9][0-9.]* //')" "$T/page.txt"
}

# The characters of a text, one per line, sorted, without white space (no-
# break spaces too, which pdftotext's words do not hold): two texts with the
# same characters in any layout compare equal.
chars() { sed 's/\xc2\xa0//g' | tr -d '[:space:]' | sed 's/./&\n/g' | sed '/^$/d' | LC_ALL=C sort; }

t_every_document_passes_the_pdfua_self_check() {
    build_all "$T/out"
    run_cocom pdfcheck $(cat "$T/pdfs")
    expect_rc 0
    expect_err "files pass every check"
}

t_every_document_says_its_language_and_shows_its_title() {
    build_all "$T/out"
    for f in $(cat "$T/pdfs"); do
        qpdf --json --json-key=qpdf "$f" > "$T/j.json"
        lang=$(jq -r '.qpdf[1] | to_entries[] | .value.value | select(type == "object" and ."/Type"? == "/Catalog") | ."/Lang"' "$T/j.json")
        [ "$lang" = "u:en-GB" ] || fail "$(basename "$f"): /Lang is '$lang'"
        shown=$(jq -r '.qpdf[1] | to_entries[] | .value.value | select(type == "object" and ."/Type"? == "/Catalog") | ."/ViewerPreferences"."/DisplayDocTitle"' "$T/j.json")
        [ "$shown" = "true" ] || fail "$(basename "$f"): the title is not shown (DisplayDocTitle $shown)"
        title=$(pdfinfo "$f" | sed -n 's/^Title: *//p')
        [ -n "$title" ] || fail "$(basename "$f"): no title"
        pdfinfo "$f" | grep -q '^Tagged: *yes' || fail "$(basename "$f"): not tagged"
    done
}

# Each bookmark's title is a heading on the page it leads to, and the
# bookmarks come in the order of the headings in the structure tree.
t_the_outline_leads_to_each_section() {
    build_all "$T/out"
    n=0
    for f in $(grep -e report -e terms-of-reference "$T/pdfs"); do
        qpdf --json --json-key=outlines "$f" | jq -r '.. | objects | select(has("title")) | "\(.destpageposfrom1)\t\(.title)"' \
            > "$T/outline.tsv"
        [ -s "$T/outline.tsv" ] || fail "$(basename "$f") has no outline"
        while IFS="$(printf '\t')" read -r page title; do
            # (the Westminster report's contact box has a bookmark and no heading)
            [ "$title" = Contact ] || page_has "$f" "$page" "$title" \
                || fail "$(basename "$f"): bookmark '$title' leads to page $page, which lacks it"
            n=$((n + 1))
        done < "$T/outline.tsv"
        # Each heading's text: the strings inside its element, joined (a
        # Westminster heading ends in a colon: "APPENDICES:").
        pdfinfo -struct-text "$f" | awk '
            { match($0, /^ */); ind = RLENGTH }
            inh && ind <= hind { sub(/:$/, "", text); print text; inh = 0 }
            inh && /^ *"/ { s = $0; sub(/^ *"/, "", s); sub(/"$/, "", s); text = text (text == "" ? "" : " ") s }
            /^ *H[1-6] / { inh = 1; hind = ind; text = "" }
            END { if (inh) print text }' > "$T/headings"
        cut -f2 "$T/outline.tsv" | grep -vx Contact | while read -r title; do
            grep -nixF -- "$title" "$T/headings" | head -1 | cut -d: -f1
        done > "$T/order"
        [ "$(wc -l < "$T/order")" -eq "$(grep -cvx "$(printf '[0-9]*\tContact')" "$T/outline.tsv")" ] \
            || fail "$(basename "$f"): a bookmark is not a heading of the structure tree"
        sort -n -c "$T/order" 2> /dev/null || fail "$(basename "$f"): the bookmarks are not in the order of the headings"
    done
    [ $n -ge 40 ] || fail "only $n bookmarks checked"
}

# Internal links land on the page that holds their text (the contents
# lists); external ones are mailto: or web addresses, described.
t_every_link_leads_where_it_says() {
    build_all "$T/out"
    internal=0 external=0
    for f in $(cat "$T/pdfs"); do
        pdfinfo -dests "$f" | awk 'NR > 1 { name = $NF; gsub(/"/, "", name); print name "\t" $1 }' > "$T/dests.tsv"
        qpdf --json --json-key=qpdf "$f" | jq -r '.qpdf[1] | to_entries[] | .value.value
            | select(type == "object" and ."/Subtype"? == "/Link")
            | [(."/Dest" // ""), (."/A"."/URI"? // ""), (."/Contents" // "")] | map(sub("^u:"; "")) | join("\u001f")' \
            > "$T/links.tsv"
        # (a separator that is not white space, so empty fields stay fields)
        while IFS="$(printf '\037')" read -r dest uri contents; do
            [ -n "$contents" ] || fail "$(basename "$f"): a link without a description"
            if [ -n "$dest" ]; then
                page=$(awk -F'\t' -v d="$dest" '$1 == d { print $2 }' "$T/dests.tsv")
                [ -n "$page" ] || fail "$(basename "$f"): link '$contents' leads to '$dest', which is not a destination"
                [ "$contents" = Contact ] || page_has "$f" "$page" "$contents" || fail "$(basename "$f"): link '$contents' leads to page $page, which lacks it"
                internal=$((internal + 1))
            else
                case $uri in
                    mailto:?*@?*|http://?*|https://?*) ;;
                    *) fail "$(basename "$f"): link '$contents' has the address '$uri'" ;;
                esac
                external=$((external + 1))
            fi
        done < "$T/links.tsv"
    done
    [ $internal -ge 20 ] && [ $external -ge 2 ] || fail "only $internal internal and $external external links checked"
}

# The structure tree holds every character of the page bodies once, and
# none of the running heads and feet (furniture is an artifact), nor the
# copies of a table's header repeated where it breaks (artifacts too): what
# the body has beyond the tree is at most one copy a page of the column
# headers' text.  The
# documents' running heads end above 50pt from the top and their feet begin
# below 770pt, with the body between.  Full stops are left out of the
# comparison: dotted leaders are furniture, and pdftotext may join a
# leader's last dot to what follows it (". . . .," or ". . . .]").
t_the_structure_holds_all_the_text_and_no_furniture() {
    build_all "$T/out"
    for f in $(cat "$T/pdfs"); do
        pdfinfo -struct-text "$f" | sed -n 's/^ *"\(.*\)"$/\1/p' | tr -d . | chars > "$T/struct.chars"
        pdftotext -bbox "$f" - | sed -n 's/.*yMin="\([0-9.]*\)" xMax="[0-9.]*" yMax="\([0-9.]*\)">\([^<]*\)<.*/\1 \2 \3/p' \
            > "$T/words"
        awk '$1 >= 50 && $2 <= 770 { print $3 }' "$T/words" | tr -d . | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g' \
            | chars > "$T/body.chars"
        pdfinfo -struct-text "$f" > "$T/struct.txt"
        pages=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
        python3 - "$T/struct.chars" "$T/body.chars" "$T/struct.txt" "$pages" > "$T/chars.diff" <<'PY' \
            || { cat "$T/chars.diff"; fail "$(basename "$f"): the structure tree's text is not the text of the page bodies"; }
import collections, re, sys
tree = collections.Counter(open(sys.argv[1]).read().split("\n")) - collections.Counter([""])
body = collections.Counter(open(sys.argv[2]).read().split("\n")) - collections.Counter([""])
# The text of the column header cells (TH with /Scope /Column).
heads, th, depth = collections.Counter(), None, 0
lines = open(sys.argv[3]).read().split("\n")
for i, line in enumerate(lines):
    ind = len(line) - len(line.lstrip())
    if th is not None and ind <= depth and not line.strip().startswith("/"):
        th = None
    if line.strip() == "TH:" and i + 1 < len(lines) and "/Scope /Column" in lines[i + 1]:
        th, depth = True, ind
    elif th and re.match(r'^\s*"(.*)"$', line):
        text = re.match(r'^\s*"(.*)"$', line).group(1).replace(".", "")
        heads.update(c for c in text if not c.isspace() and c != "\xa0")
extra, missing = body - tree, tree - body
if missing:
    print("in the tree, not on the pages:", dict(missing.most_common(10)))
    sys.exit(1)
repeats = int(sys.argv[4]) - 1
over = {c: n for c, n in extra.items() if n > repeats * heads[c]}
if over:
    print("on the pages, not in the tree (nor a repeated header's):", dict(list(over.items())[:10]))
    sys.exit(1)
PY
        awk '$2 > 770 { print $3 }' "$T/words" | head -3 | tr '\n' ' ' > "$T/foot"
        [ -s "$T/foot" ] || fail "$(basename "$f"): no page foot found below 770pt"
    done
}

t_two_builds_are_identical_to_the_byte() {
    build_all "$T/a"
    mv "$T/pdfs" "$T/pdfs-a"
    build_all "$T/b"
    # The same files both ways (every file, not only the PDFs): a file
    # that one build makes and the other does not is a difference too.
    (cd "$T/a" && find . -type f | sort) > "$T/files-a"
    (cd "$T/b" && find . -type f | sort) > "$T/files-b"
    diff "$T/files-a" "$T/files-b" > "$T/files.diff" || { cat "$T/files.diff"; fail "the two builds made different files"; }
    while read -r f; do
        cmp -s "$T/a/$f" "$T/b/$f" || fail "$f differs between two builds"
    done < "$T/files-a"
}
