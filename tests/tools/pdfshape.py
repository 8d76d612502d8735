#!/usr/bin/env python3
"""pdfshape.py FILE.json — what a PDF says, apart from how it is stored.

Reads `qpdf --json=2` of a PDF and prints, as canonical JSON, the document
catalog, the Info dictionary, each page's dictionary (its annotations
followed), the structure tree from /StructTreeRoot down, and its parent
tree: references followed, so that two files that differ only in object
numbers, object streams or string encodings print the same.  A structure
element met again is named by its path in the tree ("0.3.2"), a page by its
number, so that no object number shows.  Used by tests/pdf/streampost.sh to
compare two post-passes.
"""
import json
import re
import sys

REF = re.compile(r"^(\d+) (\d+) R$")
SKIP = {"/Parent", "/P", "/Length", "/Filter", "/DecodeParms", "/Metadata", "/Resources", "/Contents",
        "/Length1", "/ParentTree", "/StructParents"}


def main():
    doc = json.load(open(sys.argv[1]))["qpdf"][1]

    def get(ref):
        o = doc.get("obj:" + ref)
        if o is None:
            return None
        return o.get("value", o.get("stream", {}).get("dict"))

    def deref(v):
        while isinstance(v, str) and REF.match(v):
            v = get(v)
        return v

    trailer = doc["trailer"]["value"]
    root = deref(trailer["/Root"])
    pages = []

    def walk_pages(ref, depth=0):
        node = deref(ref)
        if depth > 64 or not isinstance(node, dict):
            return
        if "/Kids" in node:
            for k in node["/Kids"]:
                walk_pages(k, depth + 1)
        else:
            pages.append(ref)

    walk_pages(root["/Pages"])
    page_no = {r: i + 1 for i, r in enumerate(pages)}
    elem_path = {}

    def plain(v, depth=0):
        """A value with references followed (pages by number)."""
        if depth > 32:
            return "…"
        if isinstance(v, str) and REF.match(v):
            if v in page_no:
                return "page %d" % page_no[v]
            if v in elem_path:
                return "elem " + elem_path[v]
            return plain(get(v), depth + 1)
        if isinstance(v, str) and v.startswith("b:"):
            # The same text in another encoding (PDFDocEncoding, read as
            # Latin-1 here, or UTF-16BE with its BOM) is the same text.
            raw = bytes.fromhex(v[2:])
            return "u:" + (raw[2:].decode("utf-16-be", "replace") if raw[:2] == b"\xfe\xff"
                           else raw.decode("latin-1"))
        if isinstance(v, list):
            return [plain(x, depth + 1) for x in v]
        if isinstance(v, dict):
            return {k: plain(x, depth + 1) for k, x in sorted(v.items()) if k not in SKIP}
        return v

    def walk_elem(ref, path, depth=0):
        e = deref(ref)
        if depth > 256 or not isinstance(e, dict):
            return None
        if isinstance(ref, str) and REF.match(ref):
            elem_path[ref] = path
        out = {}
        for k, v in sorted(e.items()):
            if k in ("/P", "/K"):
                continue
            out[k] = plain(v)
        kids = e.get("/K")
        if kids is not None:
            kids = kids if isinstance(kids, list) else [kids]
            out["/K"] = []
            for i, kid in enumerate(kids):
                kd = deref(kid)
                if isinstance(kd, dict) and kd.get("/Type") in ("/MCR", "/OBJR"):
                    out["/K"].append(plain(kid))
                elif isinstance(kd, dict):
                    out["/K"].append(walk_elem(kid, "%s.%d" % (path, i), depth + 1))
                else:
                    out["/K"].append(kd)
        return out

    shape = {}
    cat = {k: v for k, v in root.items() if k not in ("/StructTreeRoot", "/Pages", "/Metadata")}
    shape["catalog"] = plain(cat)
    shape["catalog has Metadata"] = "/Metadata" in root
    shape["info"] = plain(deref(trailer.get("/Info")) or {})
    shape["pages"] = [dict(plain(deref(p)), StructParents=deref(p).get("/StructParents")) for p in pages]
    str_root = deref(root.get("/StructTreeRoot"))
    if isinstance(str_root, dict):
        kids = str_root.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        shape["structure"] = [walk_elem(k, str(i)) for i, k in enumerate(kids)]
        shape["structure root"] = plain({k: v for k, v in str_root.items() if k != "/K"})

        def walk_nums(ref, out, depth=0):
            node = deref(ref)
            if depth > 64 or not isinstance(node, dict):
                return
            nums = node.get("/Nums", [])
            for i in range(0, len(nums) - 1, 2):
                out[str(nums[i])] = plain(nums[i + 1])
            for k in node.get("/Kids", []):
                walk_nums(k, out, depth + 1)

        pt = {}
        walk_nums(str_root.get("/ParentTree"), pt)
        shape["parent tree"] = pt
    json.dump(shape, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    print()


main()
