"""Glossary entries as TBX: TBX v3 (ISO 30042:2019, DCA style) and TBX 2008 / TBX-Basic (``martif``).

TBX 2008 is what OmegaT and Translate Toolkit read and write; TBX v3 is the current standard.
Both carry the same content: one concept entry per entry, the kind as ``subjectField``, the
English term, the Arabic term as ``preferredTerm-admn-sts`` and every forbidden spelling as a
``deprecatedTerm-admn-sts`` term (TBX v3) or in a ``forbidden:`` note (TBX 2008: OmegaT 3.6 ignores
the status and would offer a forbidden spelling as the translation); notes, ``variant-of:``,
``source:``, ``status: not reviewed`` and ``no-translate`` as notes of the entry. Exports are validated in the tests against the
TBX v3 core RNG and the TBX 2008 core DTD.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilingual.errors import GlossaryError
from bilingual.formats.base import Format, Role, xml_root_head
from bilingual.formats.xmltext import parse_xml, strip_forbidden
from bilingual.i18n import _
from bilingual.names.entry import KINDS, Entry, Incoming

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
ALL_FIELDS = frozenset(
    {"english", "arabic", "kind", "notes", "forbidden", "variant_of", "sources", "fuzzy", "no_translate"}
)


@dataclass(frozen=True)
class Dialect:
    """The element names of one TBX edition."""

    ns: str
    root: str
    header: str
    entry: str
    lang: str
    term_group: str
    attributes: tuple[tuple[str, str], ...]
    doctype: str = ""

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}" if self.ns else tag


V3 = Dialect(NS, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", (("type", "TBX-Basic"), ("style", "dca")))
V2 = Dialect(
    "",
    "martif",
    "martifHeader",
    "termEntry",
    "langSet",
    "tig",
    (("type", "TBX-Basic"),),
    '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">',
)


def _render(dialect: Dialect, entries: list[Entry]) -> bytes:
    from lxml import etree

    from bilingual import __version__

    q = dialect.q
    root = etree.Element(
        q(dialect.root),
        nsmap={None: dialect.ns} if dialect.ns else None,
        attrib={**dict(dialect.attributes), XML_LANG: "en"},
    )
    desc = etree.SubElement(etree.SubElement(etree.SubElement(root, q(dialect.header)), q("fileDesc")), q("sourceDesc"))
    etree.SubElement(desc, q("p")).text = f"Names glossary exported by bilingual {__version__}"
    body = etree.SubElement(etree.SubElement(root, q("text")), q("body"))

    def term(lang_sec: Any, text: str, status: str | None) -> None:
        sec = etree.SubElement(lang_sec, q(dialect.term_group))
        etree.SubElement(sec, q("term")).text = strip_forbidden(text)
        etree.SubElement(sec, q("termNote"), type="partOfSpeech").text = "properNoun"
        if status:
            etree.SubElement(sec, q("termNote"), type="administrativeStatus").text = status

    for n, e in enumerate(entries, start=1):
        concept = etree.SubElement(body, q(dialect.entry), id=f"c{n}")
        etree.SubElement(concept, q("descrip"), type="subjectField").text = e.kind
        notes = [e.notes] if e.notes else []
        if e.forbidden and not dialect.ns:
            # OmegaT 3.6 ignores administrativeStatus and offers the last term of a langSet as the
            # translation: forbidden spellings go into a note in TBX 2008, never into a term.
            notes.append("forbidden: " + ", ".join(e.forbidden))
        notes += [f"variant-of: {e.variant_of}"] if e.variant_of else []
        notes += [f"source: {s}" for s in e.sources]
        notes += ["status: not reviewed"] if e.fuzzy else []
        notes += ["no-translate"] if e.no_translate else []
        for note in notes:
            etree.SubElement(concept, q("note")).text = strip_forbidden(note)
        term(etree.SubElement(concept, q(dialect.lang), {XML_LANG: "en"}), e.english, None)
        arabic = etree.SubElement(concept, q(dialect.lang), {XML_LANG: "ar"})
        term(arabic, e.arabic, PREFERRED)
        for wrong in e.forbidden if dialect.ns else ():
            term(arabic, wrong, DEPRECATED)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=dialect.doctype or None
    )


def _parse(dialect: Dialect, data: bytes, path: str) -> list[Incoming]:
    q = dialect.q
    root = parse_xml(data, path=path)
    if root.tag != q(dialect.root):
        raise GlossaryError(
            _("not a TBX file of this edition (root must be {root})").format(root=dialect.root), path=path
        )
    entries = []
    for concept in root.iter(q(dialect.entry)):
        kind = (concept.findtext(q("descrip")) or "other").strip()
        notes, sources, variant_of, fuzzy, dnt = [], [], "", False, False
        noted_forbidden: list[str] = []
        for note in concept.findall(q("note")):
            text = (note.text or "").strip()
            if text.startswith("variant-of:"):
                variant_of = text.split(":", 1)[1].strip()
            elif text.startswith("source:"):
                sources.append(text.split(":", 1)[1].strip())
            elif text.startswith("forbidden:"):
                noted_forbidden = [v.strip() for v in text.split(":", 1)[1].split(",") if v.strip()]
            elif text == "status: not reviewed":
                fuzzy = True
            elif text == "no-translate":
                dnt = True
            else:
                notes.append(text)
        english, arabic, forbidden = "", "", []
        for sec in concept.findall(q(dialect.lang)):
            lang = (sec.get(XML_LANG) or sec.get("lang") or "").lower()
            for term_sec in [*sec.findall(q(dialect.term_group)), *sec.findall(q("ntig"))]:
                text = (term_sec.findtext(f".//{q('term')}") or "").strip()
                status = next(
                    (t.text for t in term_sec.iter(q("termNote")) if t.get("type") == "administrativeStatus"), None
                )
                if lang.startswith("en") and not english:
                    english = text
                elif lang.startswith("ar") or lang in ("xx", ""):  # Translate Toolkit writes "xx" when unsure
                    if status == DEPRECATED:
                        forbidden.append(text)
                    elif not arabic:
                        arabic = text
        entry = Entry(
            english,
            arabic,
            kind if kind in KINDS else "other",
            "\n".join(notes),
            tuple(dict.fromkeys([*forbidden, *noted_forbidden])),
            variant_of,
            tuple(sources),
            fuzzy=fuzzy,
            no_translate=dnt,
            file=path,
            line=concept.sourceline,
        )
        # A kind outside ours (a real subject field) says nothing about our kind.
        entries.append(Incoming(entry, ALL_FIELDS if kind in KINDS else ALL_FIELDS - {"kind"}))
    return entries


class _Tbx(Format):
    """A TBX edition: the two differ only in their element names (:class:`Dialect`)."""

    roles = frozenset({Role.TERMS})
    extensions = (".tbx",)
    media_type = "application/x-tbx+xml"
    dialect: Dialect = V3

    def render_terms(self, entries: list[Entry]) -> bytes:
        return _render(self.dialect, entries)

    def parse_terms(self, data: bytes, *, path: str) -> list[Incoming]:
        return _parse(self.dialect, data, path)


class TbxTerms(_Tbx):
    """TBX v3 (``tbx`` root in the ISO 30042:2019 namespace)."""

    name = "tbx"
    dialect = V3

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return NS in xml_root_head(head)[:4096]


class TbxBasicTerms(_Tbx):
    """TBX 2008 / TBX-Basic (``martif``): what OmegaT and Translate Toolkit read and write."""

    name = "tbx-basic"
    dialect = V2

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return "<martif" in xml_root_head(head)[:4096]
