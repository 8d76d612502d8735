#!/usr/bin/python3
# words.py --html FILE.html --pdf FILE.pdf [--pdf FILE.pdf]...
#          [--omit PHRASE]... [--window N]
#
# Are these the same words in the same order?  The HTML's words are the
# text of its <main> (the running head and foot, marked class="running",
# are page furniture); a PDF's are pdftotext's (reading order), less its
# page furniture: the lines that are the running head's or foot's texts
# (the HTML's header and footer say which), "Page N of M", and the page
# numbers of the contents' entries (the HTML's nav class="contents") and
# a table's header row repeated where it continues on another page.  A word is
# a run of characters between spaces that holds a letter or a digit (so
# bullets, box characters, rules and leaders are not words); a word
# hyphenated at a line's end is joined again.  Prints the first place two
# differ, with the words around it, and exits 1; 0 when all agree.
#
# A house style's layer may lay the model out otherwise than the model's
# order, which is the HTML's and the DOCX's: --omit PHRASE takes a phrase
# the PDFs do not print out of the HTML's words (its first occurrence;
# it must be there), and --window N lets N words or fewer, at most, come
# in another order (a cover table's grid read cell by cell); each such
# place is printed.  Without them the comparison is exact.
import argparse
import html.parser
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


class MainText(html.parser.HTMLParser):
    """The text of <main>, and the texts of the running head and foot."""

    BLOCK = {"p", "div", "li", "dt", "dd", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
             "caption", "section", "nav", "br", "ul", "ol", "dl", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.main = []
        self.furniture = []
        self.head = 0           # how many of furniture are the running head's
        self.in_main = 0
        self.in_running = 0
        self.current = None
        self.entries = []       # the texts of the contents' entries
        self.in_contents = 0
        self.heads = []         # the texts of the tables' header rows
        self.in_thead = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.in_main += 1
        if tag == "nav" and "contents" in (a.get("class") or "").split():
            self.in_contents += 1
        if self.in_contents and tag == "li":
            self.entries.append("")
        if tag == "thead":
            self.in_thead += 1
            self.heads.append("")
        if tag in ("header", "footer") and "running" in (a.get("class") or "").split():
            self.in_running += 1
            self.kind = tag
        if tag in self.BLOCK:
            self.main.append("\n")
            if self.in_running and tag == "p":
                self.furniture.append("")
                if self.kind == "header":
                    self.head += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if tag == "nav":
            self.in_contents = max(0, self.in_contents - 1)
        if tag == "thead":
            self.in_thead = max(0, self.in_thead - 1)
        if self.in_thead and tag in ("th", "td"):
            self.heads[-1] += " "
        if tag in ("header", "footer"):
            self.in_running = max(0, self.in_running - 1)
        if tag in self.BLOCK:
            self.main.append("\n")

    def handle_data(self, data):
        if self.in_main:
            self.main.append(data)
        if self.in_contents and self.entries:
            self.entries[-1] += data
        if self.in_thead and self.heads:
            self.heads[-1] += data
        elif self.in_running and self.furniture:
            self.furniture[-1] += data


def words_of(text):
    return [w for w in text.split() if re.search(r"\w", w) and not re.fullmatch(r"_+", w)]


def norm(s):
    return " ".join(s.split())


def html_words(path):
    p = MainText()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    head = [norm(x) for x in p.furniture[:p.head] if norm(x)]
    foot = [norm(x) for x in p.furniture[p.head:] if norm(x)]
    words = words_of("".join(p.main))
    return words, (head, foot, {norm(e) for e in p.entries if norm(e)},
                   [(tuple(words_of(h)), count(words, words_of(h))) for h in set(p.heads) if words_of(h)])


def count(words, seq):
    return sum(1 for i in range(len(words) - len(seq) + 1) if words[i:i + len(seq)] == seq)


PAGE = re.compile(r"\bPage \d+ of \d+\b")


def is_furniture(line, furniture):
    """Only the running head's or foot's texts and "Page N of M"."""
    rest = line
    for f in furniture:
        rest = norm(rest.replace(f, " "))
    rest = norm(re.sub(r"\bPage \d+ of \d+\b", " ", rest))
    return not words_of(rest)


def wrapped_furniture(pl, head, foot, height, drop):
    """The lines of the top (head) or bottom (foot) third of a page that,
    one after another as they are drawn, spell exactly one of the running
    head's or foot's texts: a text too long for its line wraps (a ballot
    paper's source note), and none of its lines alone is the text.
    Spaces are ignored, so a word broken at its hyphen ("Co-" "Commissioning")
    still spells it.  Returns their indexes."""
    found = set()
    for texts, near in ((head, lambda y0, y1: y1 < height / 3),
                        (foot, lambda y0, y1: y0 > height * 2 / 3)):
        for f in texts:
            want = "".join(f.split())
            for i in range(len(pl)):
                acc, taken, j = "", [], i
                while j < len(pl) and j not in drop and near(pl[j][0], pl[j][1]):
                    acc += "".join(pl[j][2].split())
                    taken.append(j)
                    if not want.startswith(acc):
                        break
                    if acc == want:
                        if len(taken) > 1:
                            found.update(taken)
                        break
                    j += 1
    return found


def pdf_words(path, head_foot):
    """pdftotext's words in its reading order, less the running head's and
    foot's lines: lines of their texts in the top or bottom eighth of a page."""
    head, foot, entries, theads = head_foot
    # -raw: the order the words are drawn in, which is the order of the
    # layout (a table row by row, a cell's lines together), not columns
    xml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-bbox", path, "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ET.fromstring(xml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        height = float(page.get("height"))
        pl = []               # lines: words drawn one after another at one height
        for w in page.findall("x:word", ns):
            y0, y1, t = float(w.get("yMin")), float(w.get("yMax")), w.text or ""
            if pl and abs(pl[-1][0] - y0) < 1:
                pl[-1] = (pl[-1][0], pl[-1][1], pl[-1][2] + " " + t)
            else:
                pl.append((y0, y1, t))
        drop = set()
        # each text of the running head once, from the top of the page down;
        # of the foot and the page number, from the bottom up
        for texts, order, near in ((head, sorted(range(len(pl)), key=lambda i: pl[i][0]), lambda y0, y1: y1 < height / 3),
                                   (foot + ["Page"], sorted(range(len(pl)), key=lambda i: -pl[i][1]),
                                    lambda y0, y1: y0 > height * 2 / 3)):
            left = [t for t in texts if t]
            for i in order:
                if not left or not near(pl[i][0], pl[i][1]):
                    break
                t = pl[i][2]
                covered = [f for f in left if f in t or (f == "Page" and PAGE.search(t))]
                if covered and is_furniture(t, [f for f in left if f != "Page"]):
                    drop.add(i)
                    left = [f for f in left if f not in covered]
        # a foot text too long for its side of the footer wraps (the
        # proforma's "Questions modelled on ..."): its lines are the page's
        # last ones but for "Page N of M", which may stand beside the first
        bottom = [i for i in sorted(range(len(pl)), key=lambda i: pl[i][0])
                  if pl[i][0] > height * 2 / 3 and i not in drop]
        for f in foot:
            if any(f in pl[i][2] for i in drop):
                continue
            for k in (2, 3, 4):
                idx = bottom[-k:]
                if len(idx) < k:
                    break
                if norm(PAGE.sub(" ", " ".join(pl[i][2] for i in idx))) == norm(f):
                    drop.update(idx)
                    break
        drop |= wrapped_furniture(pl, head, foot, height, drop)
        for i in range(len(pl)):
            if i in drop:
                continue
            # a contents entry's page number: a web page has no pages
            t = norm(pl[i][2])
            e = next((e for e in entries if t.startswith(e) and re.fullmatch(r"[\s.]*\s\d+", t[len(e):])), None)
            lines.append(e if e else t)
    # join a word hyphenated at the end of a line: "commis-" "sioning"
    out = []
    for line in lines:
        ws = line.split()
        if out and re.search(r"\w-$", out[-1]) and ws and re.match(r"\w", ws[0]):
            out[-1] = out[-1][:-1] + ws[0]
            ws = ws[1:]
        # and an address broken at a slash or a dot
        elif out and "://" in out[-1] and ws and (out[-1].endswith("/") and re.match(r"[a-z0-9]", ws[0])
                                                  or re.match(r"[./][a-z0-9]", ws[0])):
            out[-1] += ws[0]
            ws = ws[1:]
        out.extend(ws)
    words = words_of(" ".join(out))
    # a table's header row repeated on the pages it continues on: as many
    # of its header row as the HTML has are the table's, the rest furniture
    for seq, n in theads:
        k, i, seen = len(seq), 0, 0
        while i <= len(words) - k:
            if tuple(words[i:i + k]) == seq:
                seen += 1
                if seen > n:
                    del words[i:i + k]
                    continue
            i += 1
    return words


def compare(name_a, a, name_b, b, window=0):
    # a hyphen may be the line's ("co-" "commissioning", joined above as
    # "cocommissioning") or the word's: the words compare without it; and
    # without a comma or semicolon after them (punctuation between two
    # cells of a table may be the layout's)
    a0, b0 = a, b
    a, b = [re.sub(r"[,;]$", "", w.replace("-", "")) for w in a], [re.sub(r"[,;]$", "", w.replace("-", "")) for w in b]
    i = 0
    while i < max(len(a), len(b)):
        x = a[i] if i < len(a) else "(end)"
        y = b[i] if i < len(b) else "(end)"
        if x != y:
            k = next((k for k in range(2, window + 1)
                      if sorted(a[i:i + k]) == sorted(b[i:i + k]) and len(a[i:i + k]) == k), 0)
            if k:
                print(f"words {i + 1}-{i + k} in another order: {name_a} '{' '.join(a[i:i + k])}', "
                      f"{name_b} '{' '.join(b[i:i + k])}'")
                i += k
                continue
            print(f"word {i + 1} differs: {name_a} has '{x}', {name_b} has '{y}'")
            print(f"  {name_a}: ... {' '.join(a0[max(0, i - 8):i + 8])}")
            print(f"  {name_b}: ... {' '.join(b0[max(0, i - 8):i + 8])}")
            return False
        i += 1
    return True


def omit(words, phrase):
    p = words_of(phrase)
    for i in range(len(words) - len(p) + 1):
        if words[i:i + len(p)] == p:
            return words[:i] + words[i + len(p):]
    print(f"--omit: the HTML has no '{phrase}'")
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--html", required=True)
    ap.add_argument("--pdf", action="append", default=[])
    ap.add_argument("--omit", action="append", default=[])
    ap.add_argument("--window", type=int, default=0)
    args = ap.parse_args()
    hw, furniture = html_words(args.html)
    for phrase in args.omit:
        hw = omit(hw, phrase)
    ok = True
    for pdf in args.pdf:
        pw = pdf_words(pdf, furniture)
        if compare(args.html, hw, pdf, pw, args.window):
            print(f"{pdf}: the same {len(hw)} words as {args.html}")
        else:
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
