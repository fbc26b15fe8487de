"""XLIFF 2.1 export and import (OASIS; validated against xliff_core_2.0.xsd in the tests).

One ``unit`` per segment (id = segment id) in a ``group`` per paragraph. Status maps to the
segment ``state``: ``mt`` initial, ``tm`` and ``edited`` translated, ``approved`` final;
``subState`` keeps ours (``bilingual:mt`` …). On import, ``final`` is approved and
``reviewed``/``translated`` are edited. XML-forbidden characters use XLIFF 2's ``<cp hex=…/>``.
"""

from __future__ import annotations

import calendar
import contextlib
import time
from typing import TYPE_CHECKING, Any

from bilingual.document import Comment, SegmentStatus
from bilingual.errors import FormatError
from bilingual.formats import notes as comment_notes
from bilingual.formats.base import ExportOptions, Format, Role, Skip, Unit, UnitFile, xml_root_head
from bilingual.formats.xmltext import append_text, parse_xml, read_text
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document

NS = "urn:oasis:names:tc:xliff:document:2.0"
STATES = {"mt": "initial", "tm": "initial", "edited": "translated", "approved": "final"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


class Xliff2Format(Format):
    name = "xliff2"
    extensions = (".xlf", ".xliff")
    media_type = "application/xliff+xml"
    output_suffix = ".xliff2.xlf"
    roles = frozenset({Role.EXPORT, Role.UNITS})

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return "urn:oasis:names:tc:xliff:document:2." in xml_root_head(head)[:4096]

    def render(self, doc: Document, options: ExportOptions | None = None) -> bytes:
        from lxml import etree

        stamp = self.stamp(doc)
        root = etree.Element(
            _q("xliff"),
            nsmap={None: NS, "bl": comment_notes.NS},
            version="2.1",
            srcLang=doc.src_lang,
            trgLang=doc.tgt_lang,
        )
        file = etree.SubElement(root, _q("file"), id="f1", original=doc.head.input_name or "document")
        notes = etree.SubElement(file, _q("notes"))
        etree.SubElement(notes, _q("note"), category="generator").text = (
            f"bilingual {stamp['tool_version']}; engine {stamp['engine'] or '-'}; model {stamp['model'] or '-'} "
            f"{stamp['model_version']} {stamp['model_checksum']}; glossary {stamp['glossary'] or '-'}"
        )
        for block in doc.blocks:
            group = etree.SubElement(file, _q("group"), id=block.id, type=f"bilingual:{block.kind}")
            for seg in block.segments:
                unit = etree.SubElement(group, _q("unit"), {"id": seg.id, XML_SPACE: "preserve"})
                names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
                said = options.comments_on(seg.id) if options is not None else []
                if names or said:
                    unit_notes = etree.SubElement(unit, _q("notes"))
                if names:
                    etree.SubElement(unit_notes, _q("note"), category="names").text = "; ".join(names)
                for comment in said:
                    etree.SubElement(unit_notes, _q("note"), _comment_attrs(comment)).text = comment.text
                segment = etree.SubElement(
                    unit, _q("segment"), id="s1", state=STATES[seg.status], subState=f"bilingual:{seg.status}"
                )
                append_text(etree.SubElement(segment, _q("source")), seg.source, _q("cp"))
                append_text(etree.SubElement(segment, _q("target")), seg.target, _q("cp"))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def parse(self, data: bytes, *, path: str) -> UnitFile:
        root = parse_xml(data, path=path)
        if root.tag != _q("xliff") or not str(root.get("version", "")).startswith("2"):
            raise FormatError(_("not an XLIFF 2 file"), path=path)
        units, skipped = [], []
        for unit in root.iter(_q("unit")):
            uid = unit.get("id", "")
            segments = unit.findall(_q("segment"))
            if not segments:
                continue
            if any(s.find(_q("target")) is None for s in segments):
                skipped.append(Skip(uid, "no target", unit.sourceline))
                continue
            # A unit's text is its segments and the ignorable text between them, in order
            # (XLIFF 2.1 §4.3.1.4): the spaces between sentences live in <ignorable>.
            source, target = [], []
            for part in unit:
                if part.tag not in (_q("segment"), _q("ignorable")):
                    continue
                src, tgt = part.find(_q("source")), part.find(_q("target"))
                text = read_text(src, path=path, unit=uid) if src is not None else ""
                source.append(text)
                target.append(read_text(tgt, path=path, unit=uid) if tgt is not None else text)
            states = {s.get("state", "initial") for s in segments}
            status: SegmentStatus
            if states == {"final"} or states == {"reviewed"} or states == {"final", "reviewed"}:
                status = "approved"
            elif "initial" in states:
                status = "mt"
            else:
                status = "edited"
            said = tuple(_comment(note) for note in unit.iterfind(f"{_q('notes')}/{_q('note')}"))
            units.append(Unit(uid, "".join(source), "".join(target), status, unit.sourceline,
                              explicit=status == "approved", comments=tuple(c for c in said if c is not None)))  # fmt: skip
        return UnitFile(units, skipped, root.get("srcLang", ""), root.get("trgLang", ""))


def _comment_attrs(comment: Comment) -> dict[str, str]:
    ns = comment_notes.NS
    attrs = {"category": "comment", f"{{{ns}}}who": comment.who}
    if comment.when:
        attrs[f"{{{ns}}}when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(comment.when))
    attrs[f"{{{ns}}}state"] = "resolved" if comment.resolved else "open"
    return attrs


def _comment(note: Any) -> Comment | None:
    """A unit's note as an editor's comment: ours (category comment) or another tool's (no category);
    our own notes of names are not comments."""
    if note.get("category") not in (None, "comment") or not (note.text or "").strip():
        return None
    ns = comment_notes.NS
    when = 0.0
    with contextlib.suppress(ValueError, OverflowError):
        when = calendar.timegm(time.strptime(note.get(f"{{{ns}}}when", ""), "%Y-%m-%dT%H:%M:%SZ"))
    return Comment("", note.text.strip(), note.get(f"{{{ns}}}who", ""), when,
                   resolved=note.get(f"{{{ns}}}state") == "resolved")  # fmt: skip
