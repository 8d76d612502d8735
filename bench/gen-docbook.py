#!/usr/bin/env python3
"""gen-docbook.py N — write a DocBook 4.5 book of N chapters to stdout.

For bench/run-bench.sh --docbook: a large book of the content DocBook
users write most (parts, chapters, sections, paragraphs with emphasis and
named entities from the DTD, itemized and ordered lists, program listings,
CALS tables, footnotes, cross references), so that the FO DocBook XSL makes
of it is the FO a Debian user gives a formatter.  Deterministic: a
fixed-seed generator picks words from a fixed list, so the output is
byte-for-byte stable, and the first K chapters are the same whatever N.
Python 3 standard library only.
"""
import random
import sys

WORDS = """committee practice register patient contract premises payment quorum
member meeting decision vote chair governance report board council budget
allocation delegation function review assurance risk conflict interest
minutes agenda paper service quality access primary care commissioning
group area team local national guidance policy procedure record list
estate capacity workforce nurse doctor pharmacy outcome measure target
audit finance officer lay executive clinical public engagement survey""".split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng):
    s = words(rng, rng.randint(8, 20))
    return s[0].upper() + s[1:] + "."


def para(rng, chapter, footnote=False):
    parts = [sentence(rng) for _ in range(rng.randint(3, 6))]
    i = rng.randrange(len(parts))
    parts[i] = parts[i][:-1] + " &mdash; " + "<emphasis>" + words(rng, 3) + "</emphasis>."
    if footnote:
        parts.append("<footnote><para>" + sentence(rng) + "</para></footnote>")
    if chapter > 1 and rng.random() < 0.2:
        parts.append('See <xref linkend="ch%d"/>.' % rng.randint(1, chapter - 1))
    return "<para>" + " ".join(parts) + "</para>"


def chapter(n):
    # One generator per chapter: chapter K is the same whatever N is.
    rng = random.Random(1000 + n)
    out = ['<chapter id="ch%d">' % n, "<title>%s</title>" % words(rng, 4).title()]
    out.append(para(rng, n))
    for s in range(1, 5):
        out.append('<section id="ch%d-s%d">' % (n, s))
        out.append("<title>%s</title>" % words(rng, 3).capitalize())
        for p in range(rng.randint(2, 4)):
            out.append(para(rng, n, footnote=(s == 2 and p == 0)))
        kind = s % 4
        if kind == 1:
            out.append("<itemizedlist>")
            out += ["<listitem><para>%s</para></listitem>" % sentence(rng) for _ in range(rng.randint(3, 5))]
            out.append("</itemizedlist>")
        elif kind == 2:
            out.append("<programlisting>def count_%d(items):\n    total = 0\n    for item in items:\n"
                       "        if item.active:\n            total += 1\n    return total</programlisting>" % n)
        elif kind == 3:
            out.append('<table frame="all"><title>%s</title><tgroup cols="3">' % words(rng, 3).capitalize())
            out.append('<colspec colwidth="2*"/><colspec colwidth="1*"/><colspec colwidth="1*"/>')
            out.append("<thead><row><entry>Item</entry><entry>Count</entry><entry>Change</entry></row></thead><tbody>")
            for _ in range(rng.randint(4, 8)):
                out.append("<row><entry>%s</entry><entry>%d</entry><entry>%+d</entry></row>"
                           % (words(rng, 2), rng.randint(100, 9999), rng.randint(-50, 50)))
            out.append("</tbody></tgroup></table>")
        else:
            out.append("<orderedlist>")
            out += ["<listitem><para>%s</para></listitem>" % sentence(rng) for _ in range(rng.randint(3, 5))]
            out.append("</orderedlist>")
        out.append("</section>")
    out.append("</chapter>")
    return "\n".join(out)


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.stderr.write("usage: gen-docbook.py CHAPTERS\n")
        return 2
    n = int(sys.argv[1])
    w = sys.stdout.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN"\n'
      '  "http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n')
    w('<book lang="en">\n<bookinfo><title>The Generated Handbook</title>'
      "<subtitle>%d chapters for the benchmark</subtitle>"
      "<author><firstname>Gen</firstname><surname>Docbook</surname></author></bookinfo>\n" % n)
    per_part = 10
    for start in range(1, n + 1, per_part):
        w('<part id="part%d"><title>Part of chapters %d to %d</title>\n'
          % (start, start, min(n, start + per_part - 1)))
        for c in range(start, min(n, start + per_part - 1) + 1):
            w(chapter(c) + "\n")
        w("</part>\n")
    w("</book>\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
