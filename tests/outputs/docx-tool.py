#!/usr/bin/python3
# docx-tool.py — reads cocom's DOCX with python-docx (Debian python3-docx),
# as a script that edits Word documents would.  Run with /usr/bin/python3
# (Debian's, which has python3-docx), not another python3 on PATH.
#
#   docx-tool.py check FILE.docx
#       the styles, numbering, table headers and properties a Word user
#       relies on; prints one "problem: ..." line each and exits 1 if any
#   docx-tool.py insert FILE.docx OUT.docx [TEXT]
#       inserts a clause after the first numbered clause (whose text
#       starts with TEXT, when given) that has another after it in the
#       same numbering, as a user would (the clause's paragraph copied, so
#       the same style and numbering), saves OUT and prints the text of the
#       clause after the new one
import copy
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError as e:
    print(f"docx-tool: python-docx is missing ({e}): apt-get install python3-docx", file=sys.stderr)
    sys.exit(2)


def num_id(p):
    """The paragraph's own numbering (w:numPr/w:numId), or None."""
    ppr = p._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return ppr.numPr.numId.val


def check(path):
    d = docx.Document(path)
    problems = []
    used = [p.style.name for p in d.paragraphs]
    for name in ("Title", "Heading 1", "List Number", "List Bullet"):
        try:
            d.styles[name]
        except KeyError:
            problems.append(f"the style '{name}' is not defined")
    if "Title" not in used:
        problems.append("no paragraph has the style Title")
    if not any(u.startswith("Heading ") for u in used):
        problems.append("no paragraph has a Heading style")
    # Word's numbering: every numbered paragraph names a w:num that
    # numbering.xml defines, through an abstract numbering with levels.
    numbering = d.part.numbering_part.element
    nums = {n.get(qn("w:numId")): n for n in numbering.findall(qn("w:num"))}
    abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    numbered = [p for p in d.paragraphs if num_id(p) is not None]
    for p in numbered:
        n = nums.get(str(num_id(p)))
        if n is None:
            problems.append(f"'{p.text[:40]}' names numbering {num_id(p)}, which is not defined")
            continue
        a = abstract.get(n.find(qn("w:abstractNumId")).get(qn("w:val")))
        if a is None or len(a.findall(qn("w:lvl"))) < 1:
            problems.append(f"numbering {num_id(p)} has no levels")
    clauses = [p for p in numbered if p.style.name == "List Number"]
    if any(len(a.findall(qn("w:lvl"))) < 2 for a in abstract.values()):
        problems.append("a numbering is not multilevel")
    # every table with header rows repeats them
    for i, t in enumerate(d.tables):
        first = t.rows[0]._tr
        trpr = first.trPr
        if trpr is None or trpr.find(qn("w:tblHeader")) is None:
            # a table of the model without a head is allowed: say which
            print(f"table {i + 1}: no repeating header row ('{t.rows[0].cells[0].text[:30]}')")
    cp = d.core_properties
    if not cp.title:
        problems.append("the core properties have no title")
    if not cp.language:
        problems.append("the core properties have no language")
    for p in problems:
        print(f"problem: {p}")
    print(f"{path}: {len(d.paragraphs)} paragraphs, {len(clauses)} numbered clauses, "
          f"{len(d.tables)} tables, title '{cp.title}', language {cp.language}, styles used: "
          + ", ".join(sorted(set(used))))
    return 1 if problems else 0


def insert(path, out, text=""):
    d = docx.Document(path)
    paras = d.paragraphs
    for i, p in enumerate(paras):
        n = num_id(p)
        if n is None or p.style.name != "List Number" or not p.text.startswith(text):
            continue
        after = [q for q in paras[i + 1:] if num_id(q) == n]
        if not after:
            continue
        new = copy.deepcopy(p._p)
        for r in new.findall(qn("w:r")) + new.findall(qn("w:hyperlink")):
            new.remove(r)
        p._p.addnext(new)
        np = docx.text.paragraph.Paragraph(new, p._parent)
        np.add_run("A clause inserted by a script")
        d.save(out)
        print(after[0].text)
        return 0
    print(f"docx-tool: no numbered clause starting '{text}' with another after it", file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    if len(sys.argv) in (4, 5) and sys.argv[1] == "insert":
        sys.exit(insert(*sys.argv[2:]))
    print(__doc__ if __doc__ else "usage: docx-tool.py check FILE | insert FILE OUT", file=sys.stderr)
    sys.exit(2)
