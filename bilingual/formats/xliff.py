"""XLIFF 1.2 export and import (OASIS; validated against xliff-core-1.2-strict.xsd in the tests).

Segments sit in ``trans-unit``s (id = segment id) grouped by paragraph. Status maps to the
``state`` attribute: ``mt`` needs-review-translation (qualifier mt-suggestion), ``tm``
translated (exact-match), ``edited`` translated, ``approved`` final with approved="yes".
On import, ``approved="yes"`` or a final/signed-off state is approved; any other state with
a target is edited. Characters XML forbids are written as ``<ph ctype="x-cp">``.
"""

from __future__ import annotations

import re

from bilingual.document import SegmentStatus
from bilingual.errors import FormatError
from bilingual.formats.base import ExportOptions, Format, Role, Unit, xml_root_head
from bilingual.formats.xmltext import append_text, parse_xml

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATES = {"mt": ("needs-review-translation", "mt-suggestion"), "tm": ("translated", "exact-match"),
          "edited": ("translated", None), "approved": ("final", None)}
APPROVED_STATES = {"final", "signed-off"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _fill(element, text: str, counter: list[int]) -> None:
    from lxml import etree

    def placeholder(parent, char: str):
        counter[0] += 1
        ph = etree.SubElement(parent, _q("ph"), id=f"cp{counter[0]}", ctype="x-cp")
        ph.text = f"{ord(char):04X}"
        return ph

    append_text(element, text, placeholder)


def _read(element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "ph" and child.get("ctype") == "x-cp":
            try:
                parts.append(chr(int(child.text or "", 16)))
            except ValueError:
                pass
        elif tag in ("g", "mrk"):
            parts.append(_read(child))
        parts.append(child.tail or "")
    return "".join(parts)


class Xliff12Format(Format):
    name = "xliff"
    extensions = (".xlf", ".xliff")
    media_type = "application/x-xliff+xml"
    roles = frozenset({Role.EXPORT, Role.UNITS})

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """XLIFF 1.x: the 1.2 (or 1.1) namespace, or an xliff root whose version starts with 1."""
        text = xml_root_head(head)[:4096]
        if "urn:oasis:names:tc:xliff:document:1." in text:
            return True
        root = re.search(r"<xliff\b[^>]*>", text)
        return root is not None and re.search(r"""version\s*=\s*["']1""", root.group()) is not None

    def render(self, doc, options: ExportOptions | None = None) -> bytes:
        from lxml import etree

        stamp = self.stamp(doc)
        root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
        file = etree.SubElement(root, _q("file"), {
            "original": doc.head.input_name or "document", "source-language": doc.src_lang,
            "target-language": doc.tgt_lang, "datatype": "plaintext", "tool-id": "bilingual"})
        header = etree.SubElement(file, _q("header"))
        etree.SubElement(header, _q("tool"), {"tool-id": "bilingual", "tool-name": "bilingual",
                                              "tool-version": stamp["tool_version"]})
        etree.SubElement(header, _q("note")).text = (
            f"engine {stamp['engine'] or '-'}; model {stamp['model'] or '-'} {stamp['model_version']} "
            f"{stamp['model_checksum']}; glossary {stamp['glossary'] or '-'}")
        body = etree.SubElement(file, _q("body"))
        counter = [0]
        for block in doc.blocks:
            group = etree.SubElement(body, _q("group"), id=block.id, restype=f"x-{block.kind}")
            for seg in block.segments:
                state, qualifier = STATES[seg.status]
                attrs = {"id": seg.id}
                if seg.status == "approved":
                    attrs["approved"] = "yes"
                tu = etree.SubElement(group, _q("trans-unit"), attrs)
                _fill(etree.SubElement(tu, _q("source"), {XML_LANG: doc.src_lang}), seg.source, counter)
                target_attrs = {XML_LANG: doc.tgt_lang, "state": state}
                if qualifier:
                    target_attrs["state-qualifier"] = qualifier
                _fill(etree.SubElement(tu, _q("target"), target_attrs), seg.target, counter)
                names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
                if names:
                    etree.SubElement(tu, _q("note"), {"from": "bilingual"}).text = "names: " + "; ".join(names)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def parse(self, data: bytes, *, path: str) -> list[Unit]:
        root = parse_xml(data, path=path)
        if root.tag != _q("xliff") or not str(root.get("version", "")).startswith("1"):
            raise FormatError("not an XLIFF 1.2 file", path=path, hint="for XLIFF 2 use the xliff2 format")
        units = []
        for tu in root.iter(_q("trans-unit")):
            source, target = tu.find(_q("source")), tu.find(_q("target"))
            if source is None or target is None:
                continue
            state = target.get("state", "")
            status: SegmentStatus
            if tu.get("approved") == "yes" or state in APPROVED_STATES:
                status = "approved"
            elif state in ("needs-review-translation", "new", "needs-translation") and \
                    target.get("state-qualifier") == "mt-suggestion":
                status = "mt"
            else:
                status = "edited"
            units.append(Unit(tu.get("id", ""), _read(source), _read(target), status, tu.sourceline))
        return units
