#!/usr/bin/python3
# questions.py MODEL.xml (--html FILE.html | --docx FILE.docx)
#
# Does the output keep every question of a form (a proforma's d:questions)
# with its answer?  For each question of the model, in order: its number
# and its words, then its answer's words, where a blank to complete counts
# as one word "[blank]" and lines to write on as "[lines]" — so that an
# answer lost, moved under another question, or left blank where the
# model has one, is found.  The output's words between one question's
# prompt and the next prompt (or heading) must be the answer's, exactly.  Prints the
# first question that differs and exits 1; prints how many agreed and
# exits 0.  Run with /usr/bin/python3 (Debian's, which has python3-docx).
import argparse
import html.parser
import re
import sys
import xml.etree.ElementTree as ET

D = "{urn:cocom:document:1}"


def words(text):
    return [w for w in text.split() if re.search(r"\w", w)]


def model_words(el):
    """The words of a model element, blanks as markers, in document order."""
    out = []

    def walk(e):
        if e.tag == D + "blank":
            out.append("[blank]")
        elif e.tag == D + "blank-lines":
            out.append("[lines]")
        else:
            out.extend(words(e.text or ""))
            for c in e:
                walk(c)
        out.extend(words(e.tail or ""))

    out.extend(words(el.text or ""))
    for c in el:
        walk(c)
    return out


def model_questions(path):
    qs = []
    for q in ET.parse(path).getroot().iter(D + "question"):
        prompt = [q.get("number")] + model_words(q.find(D + "prompt"))
        qs.append((prompt, model_words(q.find(D + "answer"))))
    return qs


class HtmlForm(html.parser.HTMLParser):
    """The HTML's questions: each div.prompt's words, then the words of
    the div.answer that follows it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs = []
        self.stack = []         # for each open element: its kind
        self.into = None        # the list the words go to

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta", "link", "input", "hr", "col", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        kind = None
        if "prompt" in classes:
            kind = "prompt"
            self.pairs.append(([], []))
            self.into = self.pairs[-1][0]
        elif "answer" in classes and self.pairs:
            kind = "answer"
            self.into = self.pairs[-1][1]
        elif "blank-lines" in classes or "blank" in classes:
            kind = "blank"
            if self.into is not None:
                self.into.append("[lines]" if "blank-lines" in classes else "[blank]")
        self.stack.append(kind)

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "input", "hr", "col", "wbr") or not self.stack:
            return
        if self.stack.pop() in ("prompt", "answer"):
            self.into = None

    def handle_data(self, data):
        if self.into is not None and "blank" not in self.stack:
            self.into.extend(words(data))


def html_pairs(path):
    p = HtmlForm()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p.pairs


def docx_pairs(path, numbers):
    """The DOCX's questions, its body read in order (paragraphs, and
    tables cell by cell): a paragraph that begins with a question's number
    is its prompt, and what follows it up to the next prompt or heading
    its answer; a run highlighted as a blank is "[blank]", consecutive
    paragraphs that are only a tab to an underscore leader (lines to write
    on) one "[lines]"."""
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(path)
    pairs = []
    state = {"into": None}
    styles = {s.style_id: s.name for s in d.styles}

    def para(p):
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        name = styles.get(style.get(qn("w:val")), "") if style is not None else ""
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if name.startswith("Heading") or name == "Title":
            state["into"] = None
            return
        into = state["into"]
        if ppr is not None and ppr.find(qn("w:tabs")) is not None and not text.strip():
            if into is not None and (not into or into[-1] != "[lines]"):
                into.append("[lines]")
            return
        ws = []
        for r in p.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:highlight")) is not None:
                ws.append("[blank]")
            else:
                ws.extend(words("".join(t.text or "" for t in r.iter(qn("w:t")))))
        if ws and ws[0] in numbers:
            pairs.append((ws, []))
            state["into"] = pairs[-1][1]
        elif into is not None:
            into.extend(ws)

    def block(el):
        for c in el:
            if c.tag == qn("w:p"):
                para(c)
            elif c.tag == qn("w:tbl"):
                for tr in c.iter(qn("w:tr")):
                    for tc in tr.findall(qn("w:tc")):
                        block(tc)

    block(d.element.body)
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--html")
    g.add_argument("--docx")
    a = ap.parse_args()
    qs = model_questions(a.model)
    if not qs:
        print(f"{a.model}: no questions")
        return 1
    out = a.html or a.docx
    pairs = html_pairs(a.html) if a.html else docx_pairs(a.docx, {q[0][0] for q in qs})
    if len(pairs) != len(qs):
        print(f"{out}: {len(pairs)} questions, the model has {len(qs)}")
        return 1
    for (prompt, answer), (got_prompt, got) in zip(qs, pairs):
        if got_prompt != prompt:
            print(f"{out}: question {prompt[0]} reads {' '.join(got_prompt)!r}, not {' '.join(prompt)!r}")
            return 1
        if got != answer:
            print(f"{out}: the answer to {prompt[0]} reads {' '.join(got)[:300]!r}, "
                  f"not {' '.join(answer)[:300]!r}")
            return 1
    print(f"{out}: the {len(qs)} questions of {a.model}, each with its answer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
