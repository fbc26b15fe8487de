"""bilingual's aligned XML (namespace ``urn:bilingual:aligned:1``), our own documented format.

English and Arabic of each sentence side by side with stable ids, the offsets of every
sentence in the source, the glossary terms found in it, and a head stamping what made it.
The RELAX NG schema ships as ``bilingual/schemas/aligned.rng``; docs in docs/aligned-format.md.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from bilingual.document import Block, Document, Head, Mark, Segment, TermMatch
from bilingual.errors import FormatError
from bilingual.formats.base import ExportOptions, Format, Role, xml_root_head
from bilingual.formats.xmltext import append_text, parse_xml, read_text, strip_forbidden
from bilingual.i18n import _

NS = "urn:bilingual:aligned:1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FORMAT_VERSION = "1"


#: Documents written before "untranslated" was an attribute said so in the segment's note.
LEGACY_UNTRANSLATED = "untranslated: the engine returned mostly Latin text"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@lru_cache(maxsize=1)
def schema() -> Any:
    """The shipped RELAX NG schema, loaded once."""
    from lxml import etree

    with resources.as_file(resources.files("bilingual") / "schemas" / "aligned.rng") as path:
        return etree.RelaxNG(etree.parse(str(path)))


def validate(root: Any, *, path: str = "<document>") -> None:
    """Raise :class:`FormatError` with the first schema error if *root* is invalid."""
    rng = schema()
    if not rng.validate(root):
        err = rng.error_log.last_error
        raise FormatError(
            _("not a valid aligned document: {error}").format(error=err.message), path=path, line=err.line
        )


def to_tree(doc: Document) -> Any:
    from lxml import etree

    a = strip_forbidden
    root = etree.Element(
        _q("document"),
        nsmap={None: NS},
        attrib={"version": FORMAT_VERSION, "src-lang": doc.src_lang, "tgt-lang": doc.tgt_lang},
    )
    head = etree.SubElement(root, _q("head"))
    h = doc.head
    etree.SubElement(head, _q("input"), name=a(h.input_name), sha256=h.input_sha256, format=h.input_format)
    etree.SubElement(
        head,
        _q("engine"),
        name=a(h.engine),
        model=a(h.model_name),
        **{"model-version": a(h.model_version), "model-checksum": a(h.model_checksum)},
    )
    etree.SubElement(head, _q("glossary"), fingerprint=h.glossary_fingerprint)
    etree.SubElement(head, _q("tool"), name="bilingual", version=h.tool_version)
    body = etree.SubElement(root, _q("body"))
    for block in doc.blocks:
        p = etree.SubElement(
            body, _q("paragraph"), id=block.id, kind=block.kind, start=str(block.start), end=str(block.end)
        )
        for mark in block.marks:
            attrs = {"start": str(mark.start), "end": str(mark.end), "kind": mark.kind}
            if mark.href:
                attrs["href"] = a(mark.href)
            etree.SubElement(p, _q("mark"), attrs)
        for seg in block.segments:
            s = etree.SubElement(p, _q("segment"), id=seg.id, status=seg.status, start=str(seg.start), end=str(seg.end))
            if seg.untranslated:
                s.set("untranslated", "yes")
            src = etree.SubElement(s, _q("source"), {f"{{{XML_NS}}}lang": doc.src_lang})
            append_text(src, seg.source, _q("cp"))
            tgt = etree.SubElement(s, _q("target"), {f"{{{XML_NS}}}lang": doc.tgt_lang, "dir": "rtl"})
            append_text(tgt, seg.target, _q("cp"))
            if seg.machine:
                append_text(etree.SubElement(s, _q("machine")), seg.machine, _q("cp"))
            if seg.terms:
                terms = etree.SubElement(s, _q("terms"))
                for t in seg.terms:
                    etree.SubElement(
                        terms,
                        _q("term"),
                        {
                            "entry": a(t.entry),
                            "kind": t.kind,
                            "src-start": str(t.source_start),
                            "src-end": str(t.source_end),
                            "target": a(t.target),
                            "tgt-start": str(t.target_start),
                            "tgt-end": str(t.target_end),
                            "status": t.status,
                        },
                    )
            if seg.note:
                etree.SubElement(s, _q("note")).text = a(seg.note)
    return root


def render_aligned(doc: Document) -> bytes:
    from lxml import etree

    return etree.tostring(to_tree(doc), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _int(el: Any, name: str, path: str) -> int:
    try:
        return int(el.get(name))
    except (TypeError, ValueError) as exc:
        raise FormatError(
            _("attribute {name} must be an integer").format(name=name), path=path, line=el.sourceline
        ) from exc


def _check_offsets(block: Block, path: str, line: int | None, *, limit: int) -> None:
    """Offsets must describe the text the file holds: no attribute may make us build more than that."""

    def bad(what: str) -> FormatError:
        return FormatError(
            _("offsets of {what} do not fit the document's text").format(what=what),
            path=path,
            line=line,
            hint=_("the file was edited by hand or damaged: export it again"),
        )

    if not 0 <= block.start <= block.end <= limit:
        raise bad(block.id)
    for seg in block.segments:
        if not (block.start <= seg.start <= seg.end <= block.end and seg.end - seg.start == len(seg.source)):
            raise bad(seg.id)
        for t in seg.terms:
            if not 0 <= t.source_start <= t.source_end <= len(seg.source):
                raise bad(seg.id)
            if t.target_start != -1 and not 0 <= t.target_start <= t.target_end <= len(seg.target):
                raise bad(seg.id)
    for m in block.marks:
        if not block.start <= m.start <= m.end <= block.end:
            raise bad(block.id)


def parse_aligned(data: bytes, *, path: str = "<document>") -> Document:
    root = parse_xml(data, path=path)
    if root.tag != _q("document"):
        raise FormatError(
            _("not an aligned document (root is {root!r}, expected document in {ns})").format(root=root.tag, ns=NS),
            path=path,
        )
    validate(root, path=path)
    head_el = root.find(_q("head"))
    inp, eng, glo, tool = (head_el.find(_q(n)) for n in ("input", "engine", "glossary", "tool"))
    head = Head(
        input_name=inp.get("name"),
        input_sha256=inp.get("sha256"),
        input_format=inp.get("format"),
        engine=eng.get("name"),
        model_name=eng.get("model"),
        model_version=eng.get("model-version"),
        model_checksum=eng.get("model-checksum"),
        glossary_fingerprint=glo.get("fingerprint"),
        tool_version=tool.get("version"),
    )
    blocks = []
    length = 0
    for p in root.find(_q("body")).iterfind(_q("paragraph")):
        marks = tuple(
            Mark(_int(m, "start", path), _int(m, "end", path), m.get("kind"), m.get("href", ""))
            for m in p.iterfind(_q("mark"))
        )
        segments = []
        for s in p.iterfind(_q("segment")):
            terms = tuple(
                TermMatch(
                    entry=t.get("entry"),
                    kind=t.get("kind"),
                    source_start=_int(t, "src-start", path),
                    source_end=_int(t, "src-end", path),
                    target=t.get("target"),
                    target_start=_int(t, "tgt-start", path),
                    target_end=_int(t, "tgt-end", path),
                    status=t.get("status"),
                )
                for t in s.iterfind(f"{_q('terms')}/{_q('term')}")
            )
            note = s.find(_q("note"))
            machine = s.find(_q("machine"))
            note_text = note.text or "" if note is not None else ""
            untranslated = s.get("untranslated") == "yes" or note_text.startswith(LEGACY_UNTRANSLATED)
            segments.append(
                Segment(
                    id=s.get("id"),
                    start=_int(s, "start", path),
                    end=_int(s, "end", path),
                    source=read_text(s.find(_q("source"))),
                    target=read_text(s.find(_q("target"))),
                    status=s.get("status"),
                    terms=terms,
                    note="" if note_text.startswith(LEGACY_UNTRANSLATED) else note_text,
                    machine=read_text(machine) if machine is not None else "",
                    untranslated=untranslated,
                )
            )
        block = Block(
            id=p.get("id"),
            kind=p.get("kind"),
            start=_int(p, "start", path),
            end=_int(p, "end", path),
            segments=tuple(segments),
            marks=marks,
        )
        _check_offsets(block, path, p.sourceline, limit=len(data))
        length = max(length, block.end)
        blocks.append(block)
    # The source text is not stored whole; rebuild it from the sentences at their offsets.
    chars = [" "] * length
    for block in blocks:
        for seg in block.segments:
            chars[seg.start : seg.start + len(seg.source)] = seg.source
    return Document(
        text="".join(chars),
        blocks=tuple(blocks),
        head=head,
        src_lang=root.get("src-lang"),
        tgt_lang=root.get("tgt-lang"),
    )


class AlignedFormat(Format):
    name = "aligned"
    roles = frozenset({Role.EXPORT, Role.DOCUMENT})
    extensions = (".xml",)
    output_suffix = ".xml"
    media_type = "application/xml"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return NS in xml_root_head(head)[:2048]

    def render(self, doc: Document, options: ExportOptions | None = None) -> bytes:
        return render_aligned(doc)

    def parse_document(self, data: bytes, *, path: str) -> Document:
        return parse_aligned(data, path=path)


def read_aligned(path: str) -> Document:
    """Read and validate an aligned document from a file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as exc:
        raise FormatError(_("no such file"), path=path) from exc
    except OSError as exc:
        raise FormatError(_("cannot read: {error}").format(error=exc.strerror), path=path) from exc
    return parse_aligned(data, path=path)
