"""TMX 1.4b export and import (LISA OSCAR; validated against tmx14.dtd in the tests).

One ``tu`` per segment (``tuid`` the segment id). TMX 1.4b: ``note`` must precede ``prop``,
and both precede the ``tuv`` elements. Characters XML 1.0 forbids are written as
``<ph type="x-cp">U+000B</ph>`` and read back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bilingual.document import SegmentStatus, text_version
from bilingual.errors import FormatError
from bilingual.formats.base import ExportOptions, Format, Role, Skip, Unit, UnitFile, xml_root_head
from bilingual.formats.xmltext import append_text, code_point, parse_xml
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _seg(parent: Any, text: str) -> None:
    from lxml import etree

    def placeholder(seg: Any, char: str) -> Any:
        ph = etree.SubElement(seg, "ph", type="x-cp")
        ph.text = f"U+{ord(char):04X}"
        return ph

    append_text(etree.SubElement(parent, "seg"), text, placeholder)


def _read_seg(seg: Any, *, path: str = "", unit: str = "") -> str:
    parts = [seg.text or ""]
    for child in seg:
        if child.tag == "ph" and child.get("type") == "x-cp":
            parts.append(code_point((child.text or "").removeprefix("U+"), path=path, line=child.sourceline, unit=unit))
        elif child.tag in ("hi", "sub"):
            parts.append(_read_seg(child, path=path, unit=unit))
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

    def render(self, doc: Document, options: ExportOptions | None = None) -> bytes:
        from lxml import etree

        stamp = self.stamp(doc)
        root = etree.Element("tmx", version="1.4")
        etree.SubElement(
            root,
            "header",
            {
                "creationtool": "bilingual",
                "creationtoolversion": stamp["tool_version"],
                "datatype": "plaintext",
                "segtype": "sentence",
                "adminlang": "en",
                "srclang": doc.src_lang,
                "o-tmf": "bilingual-aligned",
            },
        )
        body = etree.SubElement(root, "body")
        for seg in doc.segments():
            tu = etree.SubElement(body, "tu", tuid=seg.id)
            names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
            if names:
                etree.SubElement(tu, "note").text = "names: " + "; ".join(names)
            etree.SubElement(tu, "prop", type="x-bilingual-status").text = seg.status
            etree.SubElement(tu, "prop", type="x-bilingual-model").text = stamp["model"] or "-"
            etree.SubElement(tu, "prop", type="x-bilingual-base").text = text_version(seg.target)
            etree.SubElement(tu, "prop", type="x-bilingual-source").text = text_version(seg.source)
            for lang, text in ((doc.src_lang, seg.source), (doc.tgt_lang, seg.target)):
                _seg(etree.SubElement(tu, "tuv", {XML_LANG: lang}), text)
        doctype = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype)

    def parse(self, data: bytes, *, path: str) -> UnitFile:
        root = parse_xml(data, path=path)
        if root.tag != "tmx":
            raise FormatError(_("not a TMX file (root must be tmx)"), path=path)
        header = root.find("header")
        srclang = (header.get("srclang") if header is not None else "") or ""
        source_key = "en" if srclang in ("", "*all*") else srclang.lower().split("-")[0]
        units, skipped = [], []
        target_langs: set[str] = set()
        for n, tu in enumerate(root.iter("tu"), start=1):
            uid = tu.get("tuid") or f"tu{n}"
            texts: dict[str, list[str]] = {}
            for tuv in tu.findall("tuv"):
                lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
                seg = tuv.find("seg")
                if seg is not None:
                    texts.setdefault(lang.split("-")[0], []).append(_read_seg(seg, path=path, unit=uid))
                    if not lang.startswith(source_key):
                        target_langs.add(lang)
            sources, targets = texts.get(source_key, []), texts.get("ar", [])
            if len(targets) > 1 and len(set(targets)) > 1:
                skipped.append(Skip(uid, "duplicate Arabic TUVs that differ", tu.sourceline))
                continue
            if not sources or not targets:
                skipped.append(Skip(uid, "no Arabic TUV" if sources else "no source TUV", tu.sourceline))
                continue
            recorded = next((p.text for p in tu.findall("prop") if p.get("type") == "x-bilingual-status"), None)
            status: SegmentStatus = (
                "mt" if recorded in ("mt", "tm") else "approved" if recorded == "approved" else "edited"
            )
            props = {p.get("type"): (p.text or "").strip() for p in tu.findall("prop")}
            units.append(
                Unit(uid, sources[0], targets[0], status, tu.sourceline, explicit=recorded == "approved",
                     base=props.get("x-bilingual-base", ""), source_base=props.get("x-bilingual-source", ""))
            )  # fmt: skip
        target_lang = "ar" if any(t.startswith("ar") for t in target_langs) else ",".join(sorted(target_langs))
        return UnitFile(units, skipped, srclang if srclang != "*all*" else "", target_lang)
