"""What every format plugin is: a class that names itself and says which roles it plays.

A format plays one or more :class:`Role` s, each with its own method:

- ``article`` (an input the tool translates): ``read_article(text) -> (plain text, [RawBlock])``;
- ``export`` (a file made from an aligned document): ``render(doc, options) -> bytes``;
- ``document`` (our aligned XML read back): ``parse_document(data, path=) -> Document``;
- ``units`` (an exchange file whose units an editor corrected): ``parse(data, path=) -> [Unit]``;
- ``terms`` (glossary exchange): ``render_terms(entries) -> bytes`` and ``parse_terms(data, path=)``, which
  returns each entry with the fields the file carried (an import keeps the others).

``sniff(head)`` recognises the format's own content from the first bytes of a file, as OmegaT's
filters decide by content: the registry asks it before it looks at the extension.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from bilingual.document import Document, Finding, RawBlock
    from bilingual.names.entry import Entry, Incoming

from bilingual.document import Comment, SegmentStatus


class Role(enum.StrEnum):
    ARTICLE = "article"
    EXPORT = "export"
    DOCUMENT = "document"
    UNITS = "units"
    TERMS = "terms"


@dataclass(frozen=True)
class Review:
    """What the review report shows besides the document: the findings and the glossary's state."""

    findings: tuple[Finding, ...] = ()
    glossary_state: str = "none loaded"  # none loaded | current | changed since translation


@dataclass(frozen=True)
class ExportOptions:
    """Options every exporter receives (each uses what applies to it)."""

    layout: str = "columns"  # columns | rows | interleaved
    align: str = "sentence"  # sentence | paragraph
    digits: str = "western"  # western | arabic-indic
    title: str = ""
    typography: bool = True
    arabic_only: bool = False
    colophon: bool = True  # the visible stamps: file, model, checksums (metadata keeps them either way)
    mark_names: str = "underline"  # none | underline | bold: how glossary names are marked
    review: Review = field(default_factory=Review)
    #: the editors' comments kept beside the document (XLIFF notes, PO translator comments)
    comments: tuple[Comment, ...] = ()

    def comments_on(self, segment: str) -> list[Comment]:
        return [c for c in self.comments if c.segment == segment]


@dataclass(frozen=True)
class Unit:
    """One translation unit read from an exchange file (PO, XLIFF, TMX)."""

    id: str
    source: str
    target: str
    status: SegmentStatus  # what the file claims: mt (unreviewed), edited, approved
    line: int | None = None
    #: the file marks the target approved in so many words (XLIFF final, signed-off, reviewed or
    #: approved="yes"; a TMX status prop): only then is unchanged machine text taken as approved
    explicit: bool = False
    #: the digest of the target the unit held when we exported it (:func:`bilingual.document.text_version`);
    #: "" for a file we did not write, or a tool that dropped it
    base: str = ""
    #: the digest of the English the unit held when we exported it ("" as for *base*): whether an
    #: editor rewrote the source is told by it, not guessed from what the memory knows
    source_base: str = ""
    #: the editors' comments the unit carries (their segment is the unit's, once an apply places it)
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Skip:
    """A unit of an editors' file that an import or apply did not take, and why."""

    id: str
    reason: str
    line: int | None = None
    texts: tuple[str, str] | None = None  # a conflict's two texts: the document's, the file's


@dataclass(frozen=True)
class UnitFile:
    """What an exchange file holds: its units, what its parser had to leave out, and its languages."""

    units: list[Unit]
    skipped: list[Skip] = field(default_factory=list)
    source_lang: str = ""  # as the file declares it ("" when it declares none)
    target_lang: str = ""
    notices: list[str] = field(default_factory=list)  # what the reader assumed (a header a tool emptied)


class Format:
    """Base of every format plugin: identity as class attributes, one method per role."""

    name: ClassVar[str] = ""
    roles: ClassVar[frozenset[Role]] = frozenset()
    extensions: ClassVar[tuple[str, ...]] = ()
    media_type: ClassVar[str] = "application/octet-stream"
    #: what ``export`` appends to ``ARTICLE.en-ar`` by default (the first extension unless set)
    output_suffix: ClassVar[str] = ""
    #: whether an export holds the document (False: the document only names the output, as
    #: the segmentation rules of ``--to srx`` do)
    of_document: ClassVar[bool] = True

    @classmethod
    def suffix(cls) -> str:
        return cls.output_suffix or cls.extensions[0]

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """Whether *head* (the first bytes of a file) is this format's content."""
        return False

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """Whether *data* (the start of an existing file) is an earlier output of this format.

        The write policy (:mod:`bilingual.outputs`) replaces such a file without ``--overwrite``;
        any other file is someone's and is kept. By default, the format's own content is enough.
        """
        return cls.sniff(data[:8192])

    # One method per role; a format implements those of its roles.
    #: An article format read from bytes (a DOCX), not from decoded text.
    binary: ClassVar[bool] = False

    def read_article_bytes(self, data: bytes, *, path: str) -> tuple[str, list[RawBlock]]:
        raise NotImplementedError

    def read_article(self, text: str) -> tuple[str, list[RawBlock]]:
        raise NotImplementedError

    def advice(self, doc: Document) -> str | None:
        """What the user should know before a long render (how long, and what would make it faster)."""
        return None

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        raise NotImplementedError

    def parse_document(self, data: bytes, *, path: str) -> Document:
        raise NotImplementedError

    def parse(self, data: bytes, *, path: str) -> UnitFile:
        raise NotImplementedError

    def render_terms(self, entries: list[Entry]) -> bytes:
        raise NotImplementedError

    def parse_terms(self, data: bytes, *, path: str) -> list[Incoming]:
        raise NotImplementedError

    @staticmethod
    def stamp(doc: Document) -> dict[str, str]:
        """What made the document, for the exporter's header (tool, engine, model, glossary)."""
        from bilingual import __version__

        h = doc.head
        return {
            "tool": "bilingual",
            "tool_version": h.tool_version or __version__,
            "engine": h.engine,
            "model": h.model_name,
            "model_version": h.model_version,
            "model_checksum": h.model_checksum,
            "glossary": h.glossary_fingerprint,
            "input": h.input_name,
        }


def xml_root_head(head: bytes) -> str:
    """The start of an XML file as text with the BOM and XML declaration skipped (for sniffing)."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    return text
