"""TMX 1.4b export and import (LISA OSCAR; validated against tmx14.dtd in the tests).

One ``tu`` per segment (``tuid`` the segment id). TMX 1.4b: ``note`` must precede ``prop``,
and both precede the ``tuv`` elements. Characters XML 1.0 forbids are written as
``<ph type="x-cp">U+000B</ph>`` and read back.
"""

from __future__ import annotations

import re

from bilingual.document import SegmentStatus
from bilingual.errors import FormatError
from bilingual.formats.base import ExportOptions, Format, Role, Unit, xml_root_head
from bilingual.formats.xmltext import append_text, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CP = re.compile(r"^U\+([0-9A-F]{4})$")


def _seg(parent, text: str) -> None:
    from lxml import etree

    def placeholder(seg, char: str):
        ph = etree.SubElement(seg, "ph", type="x-cp")
        ph.text = f"U+{ord(char):04X}"
        return ph

    append_text(etree.SubElement(parent, "seg"), text, placeholder)


def _read_seg(seg) -> str:
    parts = [seg.text or ""]
    for child in seg:
        cp = _CP.match(child.text or "") if child.tag == "ph" and child.get("type") == "x-cp" else None
        if cp is not None:
            parts.append(chr(int(cp.group(1), 16)))
        elif child.tag in ("hi", "sub"):
            parts.append(_read_seg(child))
        parts.append(child.tail or "")
    return "".join(parts)


class TmxFormat(Format):
    name = "tmx"
    extensions = (".tmx",)
    media_type = "application/x-tmx+xml"
    roles = frozenset({Role.EXPORT, Role.UNITS})

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return re.search(r"<tmx[\s>]", xml_root_head(head)[:2048]) is not None

    def render(self, doc, options: ExportOptions | None = None) -> bytes:
        from lxml import etree

        stamp = self.stamp(doc)
        root = etree.Element("tmx", version="1.4")
        etree.SubElement(root, "header", {
            "creationtool": "bilingual", "creationtoolversion": stamp["tool_version"], "datatype": "plaintext",
            "segtype": "sentence", "adminlang": "en", "srclang": doc.src_lang, "o-tmf": "bilingual-aligned"})
        body = etree.SubElement(root, "body")
        for seg in doc.segments():
            tu = etree.SubElement(body, "tu", tuid=seg.id)
            names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
            if names:
                etree.SubElement(tu, "note").text = "names: " + "; ".join(names)
            etree.SubElement(tu, "prop", type="x-bilingual-status").text = seg.status
            etree.SubElement(tu, "prop", type="x-bilingual-model").text = stamp["model"] or "-"
            for lang, text in ((doc.src_lang, seg.source), (doc.tgt_lang, seg.target)):
                _seg(etree.SubElement(tu, "tuv", {XML_LANG: lang}), text)
        doctype = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype)

    def parse(self, data: bytes, *, path: str) -> list[Unit]:
        root = parse_xml(data, path=path)
        if root.tag != "tmx":
            raise FormatError("not a TMX file (root must be tmx)", path=path)
        header = root.find("header")
        srclang = (header.get("srclang") if header is not None else "") or "en"
        units = []
        for n, tu in enumerate(root.iter("tu"), start=1):
            texts = {}
            for tuv in tu.findall("tuv"):
                lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
                seg = tuv.find("seg")
                if seg is not None:
                    texts[lang.split("-")[0]] = _read_seg(seg)
            source = texts.get(srclang.lower().split("-")[0]) or texts.get("en")
            target = texts.get("ar")
            if source is None or target is None:
                continue
            recorded = next((p.text for p in tu.findall("prop") if p.get("type") == "x-bilingual-status"), None)
            status: SegmentStatus = "mt" if recorded == "mt" else "approved" if recorded == "approved" else "edited"
            units.append(Unit(tu.get("tuid") or f"tu{n}", source, target, status, tu.sourceline))
        return units
