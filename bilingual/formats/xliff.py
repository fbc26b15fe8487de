"""XLIFF 1.2 export and import (OASIS; validated against xliff-core-1.2-strict.xsd in the tests).

Segments sit in ``trans-unit``s (id = segment id) grouped by paragraph. Status maps to the
``state`` attribute: ``mt`` needs-review-translation (qualifier mt-suggestion), ``tm``
translated (exact-match), ``edited`` translated, ``approved`` final with approved="yes".
On import, ``approved="yes"`` or a final/signed-off state is approved; any other state with
a target is edited. Characters XML forbids are written as ``<ph ctype="x-cp">``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bilingual.document import SegmentStatus, text_version
from bilingual.errors import FormatError
from bilingual.formats import notes as comment_notes
from bilingual.formats.base import ExportOptions, Format, Role, Skip, Unit, UnitFile, xml_root_head
from bilingual.formats.xmltext import append_text, code_point, parse_xml
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document, Segment

NS = "urn:oasis:names:tc:xliff:document:1.2"
BASE_NOTE = "bilingual-base"  # a note's from: the digest of the target this unit was exported with
SOURCE_NOTE = "bilingual-source"  # and of its English
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
STATES = {
    "mt": ("needs-review-translation", "mt-suggestion"),
    "tm": ("needs-review-translation", "leveraged-tm"),
    "edited": ("translated", None),
    "approved": ("final", None),
}
APPROVED_STATES = {"final", "signed-off"}
# States that say the target is not (yet) a translator's: new, needs-translation and the
# needs-review states. Whether a target is an edit is decided against the machine text, not here.
MACHINE_STATES = {
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
}
READ_NAMESPACES = {NS, "urn:oasis:names:tc:xliff:document:1.1", "urn:oasis:names:tc:xliff:document:1.0"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _fill(element: Any, text: str, counter: list[int]) -> None:
    from lxml import etree

    def placeholder(parent: Any, char: str) -> Any:
        counter[0] += 1
        ph = etree.SubElement(parent, _q("ph"), id=f"cp{counter[0]}", ctype="x-cp")
        ph.text = f"{ord(char):04X}"
        return ph

    append_text(element, text, placeholder)


def _read(element: Any, *, path: str = "", unit: str = "") -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "ph" and child.get("ctype") == "x-cp":
            parts.append(code_point(child.text or "", path=path, line=child.sourceline, unit=unit))
        elif tag in ("g", "mrk"):
            parts.append(_read(child, path=path, unit=unit))
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

    def render(self, doc: Document, options: ExportOptions | None = None) -> bytes:
        from lxml import etree

        stamp = self.stamp(doc)
        root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
        file = etree.SubElement(
            root,
            _q("file"),
            {
                "original": doc.head.input_name or "document",
                "source-language": doc.src_lang,
                "target-language": doc.tgt_lang,
                "datatype": "plaintext",
                "tool-id": "bilingual",
            },
        )
        header = etree.SubElement(file, _q("header"))
        etree.SubElement(
            header,
            _q("tool"),
            {"tool-id": "bilingual", "tool-name": "bilingual", "tool-version": stamp["tool_version"]},
        )
        etree.SubElement(header, _q("note")).text = (
            f"engine {stamp['engine'] or '-'}; model {stamp['model'] or '-'} {stamp['model_version']} "
            f"{stamp['model_checksum']}; glossary {stamp['glossary'] or '-'}"
        )
        body = etree.SubElement(file, _q("body"))
        counter = [0]
        for block in doc.blocks:
            group = etree.SubElement(body, _q("group"), id=block.id, restype=f"x-{block.kind}")
            for seg in block.segments:
                state, qualifier = STATES[seg.status]
                # xml:space: Translate Toolkit and others otherwise strip edge spaces and tabs.
                attrs = {"id": seg.id, XML_SPACE: "preserve"}
                if seg.status == "approved":
                    attrs["approved"] = "yes"
                tu = etree.SubElement(group, _q("trans-unit"), attrs)
                _fill(etree.SubElement(tu, _q("source"), {XML_LANG: doc.src_lang}), seg.source, counter)
                target_attrs = {XML_LANG: doc.tgt_lang, "state": state}
                if qualifier:
                    target_attrs["state-qualifier"] = qualifier
                self._target(tu, seg, target_attrs, counter)
                names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
                if names:
                    etree.SubElement(tu, _q("note"), {"from": "bilingual"}).text = "names: " + "; ".join(names)
                # the text this unit started from, so an apply tells a correction of older text apart
                etree.SubElement(tu, _q("note"), {"from": BASE_NOTE}).text = text_version(seg.target)
                etree.SubElement(tu, _q("note"), {"from": SOURCE_NOTE}).text = text_version(seg.source)
                for comment in options.comments_on(seg.id) if options is not None else ():
                    note = etree.SubElement(tu, _q("note"), {"from": comment_notes.xliff12_from(comment)})
                    note.text = comment_notes.xliff12_text(comment)  # no control character: kept out when added
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _target(self, tu: Any, seg: Segment, attrs: dict[str, str], counter: list[int]) -> None:
        """The unit's ``target``: our Arabic, in the state its status gives."""
        from lxml import etree

        _fill(etree.SubElement(tu, _q("target"), attrs), seg.target, counter)

    def parse(self, data: bytes, *, path: str) -> UnitFile:
        """XLIFF 1.2, and 1.1/1.0 (what Translate Toolkit's po2xliff writes), read alike."""
        root = parse_xml(data, path=path)
        ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if (
            root.tag.rsplit("}", 1)[-1] != "xliff"
            or not (ns in READ_NAMESPACES or not ns)
            or not str(root.get("version", "1")).startswith("1")
        ):
            raise FormatError(
                _("not an XLIFF 1.x file"),
                path=path,
                hint=_("XLIFF 2 files are recognised by their namespace urn:oasis:names:tc:xliff:document:2.0"),
            )

        def q(tag: str) -> str:
            return f"{{{ns}}}{tag}" if ns else tag

        files = root.findall(q("file"))
        langs = {(f.get("source-language", ""), f.get("target-language", "")) for f in files}
        units, skipped = [], []
        for tu in root.iter(q("trans-unit")):
            uid = tu.get("id", "")
            source, target = tu.find(q("source")), tu.find(q("target"))
            if source is None:
                continue
            if tu.get("restype") == "x-gettext-domain-header":
                skipped.append(Skip(uid, "PO header (po2xliff), not a sentence", tu.sourceline))
                continue
            if target is None:
                skipped.append(Skip(uid, "no target", tu.sourceline))
                continue
            state = target.get("state", "")
            status: SegmentStatus
            if tu.get("approved") == "yes" or state in APPROVED_STATES:
                status = "approved"
            elif state in MACHINE_STATES:
                status = "mt"
            else:
                status = "edited"
            notes = {n.get("from"): (n.text or "").strip() for n in tu.iterfind(q("note"))}
            said = (comment_notes.from_xliff12(n.get("from"), n.text or "") for n in tu.iterfind(q("note")))
            units.append(
                Unit(
                    uid,
                    _read(source, path=path, unit=uid),
                    _read(target, path=path, unit=uid),
                    status,
                    tu.sourceline,
                    explicit=status == "approved",
                    base=notes.get(BASE_NOTE, ""),
                    source_base=notes.get(SOURCE_NOTE, ""),
                    comments=tuple(c for c in said if c is not None),
                )
            )
        source_lang = ",".join(sorted({a for a, _b in langs if a}))
        target_lang = ",".join(sorted({b for _a, b in langs if b}))
        return UnitFile(units, skipped, source_lang, target_lang)


class OmegatXliffFormat(Xliff12Format):
    """XLIFF 1.2 as OmegaT's own XLIFF filter reads it (``--to xliff-omegat``).

    OmegaT 3.6's filter keeps ``<source>`` as it is and offers the text of ``<target>`` as the text to
    translate (it expects a target that starts as a copy of the source, as monolingual XLIFF does), so
    our usual file shows the machine's Arabic where the English should be. Here each target holds the
    English (``needs-translation``) and our Arabic travels in an ``<alt-trans>`` (for tools that offer
    it as a match); give OmegaT our ``--to tmx`` in ``tm/auto/`` to have it filled in, or use
    ``--to omegat``, a whole project. What OmegaT writes back is read as any XLIFF 1.2: an untouched
    unit is a copy of the English, and no edit.
    """

    name = "xliff-omegat"
    output_suffix = ".omegat.xlf"
    roles = frozenset({Role.EXPORT})

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return False  # what comes back is read as XLIFF 1.2

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        return Xliff12Format.sniff(data[:8192])

    def _target(self, tu: Any, seg: Segment, attrs: dict[str, str], counter: list[int]) -> None:
        from lxml import etree

        lang = attrs[XML_LANG]
        _fill(etree.SubElement(tu, _q("target"), {XML_LANG: lang, "state": "needs-translation"}), seg.source, counter)
        if seg.target:
            alt = etree.SubElement(tu, _q("alt-trans"), {"origin": "bilingual", "match-quality": "100"})
            _fill(etree.SubElement(alt, _q("target"), {XML_LANG: lang}), seg.target, counter)
