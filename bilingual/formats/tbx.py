"""Glossary entries as TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style.

One ``conceptEntry`` per entry: the kind as ``subjectField``, notes as ``note``, the English
term, the Arabic term as ``preferredTerm-admn-sts`` and every forbidden spelling as a
``deprecatedTerm-admn-sts`` term. Validated in the tests against the core structure RNG.
"""

from __future__ import annotations

from bilingual.errors import GlossaryError
from bilingual.formats.base import Format, Role, xml_root_head
from bilingual.formats.xmltext import parse_xml, strip_forbidden
from bilingual.names.entry import Entry

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


class TbxTerms(Format):
    name = "tbx"
    roles = frozenset({Role.TERMS})
    extensions = (".tbx",)
    media_type = "application/x-tbx+xml"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return NS in xml_root_head(head)[:4096]

    def render_terms(self, entries: list[Entry]) -> bytes:
        from lxml import etree

        from bilingual import __version__

        root = etree.Element(_q("tbx"), nsmap={None: NS}, attrib={"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
        desc = etree.SubElement(etree.SubElement(etree.SubElement(root, _q("tbxHeader")), _q("fileDesc")), _q("sourceDesc"))
        etree.SubElement(desc, _q("p")).text = f"Names glossary exported by bilingual {__version__}"
        body = etree.SubElement(etree.SubElement(root, _q("text")), _q("body"))
        for n, e in enumerate(entries, start=1):
            concept = etree.SubElement(body, _q("conceptEntry"), id=f"c{n}")
            etree.SubElement(concept, _q("descrip"), type="subjectField").text = e.kind
            if e.notes:
                etree.SubElement(concept, _q("note")).text = strip_forbidden(e.notes)
            if e.variant_of:
                etree.SubElement(concept, _q("note")).text = "variant-of: " + strip_forbidden(e.variant_of)
            if e.fuzzy:
                etree.SubElement(concept, _q("note")).text = "status: not reviewed"
            if e.no_translate:
                etree.SubElement(concept, _q("note")).text = "no-translate"
            en = etree.SubElement(concept, _q("langSec"), {XML_LANG: "en"})
            self._term(en, e.english, None)
            ar = etree.SubElement(concept, _q("langSec"), {XML_LANG: "ar"})
            self._term(ar, e.arabic, PREFERRED)
            for wrong in e.forbidden:
                self._term(ar, wrong, DEPRECATED)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    @staticmethod
    def _term(lang_sec, text: str, status: str | None) -> None:
        from lxml import etree

        sec = etree.SubElement(lang_sec, _q("termSec"))
        etree.SubElement(sec, _q("term")).text = strip_forbidden(text)
        etree.SubElement(sec, _q("termNote"), type="partOfSpeech").text = "properNoun"
        if status:
            etree.SubElement(sec, _q("termNote"), type="administrativeStatus").text = status

    def parse_terms(self, data: bytes, *, path: str) -> list[Entry]:
        root = parse_xml(data, path=path)
        if root.tag != _q("tbx"):
            raise GlossaryError("not a TBX v3 file (root must be tbx in urn:iso:std:iso:30042:ed-2)", path=path)
        entries = []
        for concept in root.iter(_q("conceptEntry")):
            kind = (concept.findtext(_q("descrip")) or "other").strip()
            notes, variant_of, fuzzy, dnt = [], "", False, False
            for note in concept.findall(_q("note")):
                text = (note.text or "").strip()
                if text.startswith("variant-of:"):
                    variant_of = text.split(":", 1)[1].strip()
                elif text == "status: not reviewed":
                    fuzzy = True
                elif text == "no-translate":
                    dnt = True
                else:
                    notes.append(text)
            english, arabic, forbidden = "", "", []
            for sec in concept.findall(_q("langSec")):
                lang = sec.get(XML_LANG, "")
                for term_sec in sec.findall(_q("termSec")):
                    term = (term_sec.findtext(_q("term")) or "").strip()
                    status = next((t.text for t in term_sec.findall(_q("termNote"))
                                   if t.get("type") == "administrativeStatus"), None)
                    if lang.startswith("en") and not english:
                        english = term
                    elif lang.startswith("ar"):
                        if status == DEPRECATED:
                            forbidden.append(term)
                        elif not arabic:
                            arabic = term
            entries.append(Entry(english, arabic, kind, "\n".join(notes), tuple(forbidden), variant_of,
                                 fuzzy=fuzzy, no_translate=dnt, file=path, line=concept.sourceline))
        return entries
