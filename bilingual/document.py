"""The one document model every reader produces and every writer renders.

Offsets (``start``/``end``) index the document's ``text``: for plain text that is the decoded
input with line endings normalised to ``\\n``; for Markdown and HTML it is the plain text of the
blocks (inline markup removed, kept aside in :class:`Mark`), blocks separated by a blank line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

#: Where a segment's target came from. The aligned schema (schemas/aligned.rng), the exchange
#: formats and the memory use exactly these values (a test holds the schema to them).
SegmentStatus = Literal["mt", "tm", "edited", "approved"]
#: What became of a glossary name in the target.
TermStatus = Literal["enforced", "missing"]
#: What a check finding is.
Severity = Literal["error", "warning"]
SEGMENT_STATUSES: tuple[SegmentStatus, ...] = get_args(SegmentStatus)
TERM_STATUSES: tuple[TermStatus, ...] = get_args(TermStatus)
HUMAN_STATUSES: frozenset[str] = frozenset({"edited", "approved"})


def is_human(status: str) -> bool:
    """Whether a target with this status is an editor's text (edited, approved), never replaced by a machine's.

    The one rule: the memory, reuse, exchange files and exports all ask it.
    """
    return status in HUMAN_STATUSES


def text_version(text: str) -> str:
    """A short digest of a target's text: what an export records as the text its unit started from,
    so a correction made against an older text is told apart from one made against today's."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def version_of(target: str, status: str) -> str:
    """A segment's version (text and status): what a save names as the state it started from."""
    return hashlib.sha256(f"{status}\x1f{target}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Mark:
    """Inline markup kept out of the sentence text: emphasis, code, a link (offsets in the block)."""

    start: int
    end: int
    kind: str  # "strong", "em", "code", "link"
    href: str = ""


@dataclass(frozen=True)
class TermMatch:
    """One glossary name found in a segment, and what became of it in the target."""

    entry: str  # the glossary entry's English form (msgid)
    kind: str
    source_start: int  # offsets into the segment's source
    source_end: int
    target: str  # the Arabic the glossary prescribes (with any proclitic as written)
    target_start: int = -1  # offsets into the segment's target; -1 when missing
    target_end: int = -1
    status: TermStatus = "enforced"

    @property
    def enforced(self) -> bool:
        return self.status == "enforced"


@dataclass(frozen=True)
class Segment:
    """One sentence: its source, its translation, where it came from."""

    id: str
    start: int
    end: int
    source: str
    target: str = ""
    status: SegmentStatus = "mt"
    terms: tuple[TermMatch, ...] = ()
    note: str = ""
    #: what the machine wrote, kept while an editor's text (edited, approved) stands in its place
    #: ("" when unknown, and for machine text, which is the target itself)
    machine: str = ""
    #: the engine left this sentence mostly Latin, twice: it waits for an editor (never read from a note)
    untranslated: bool = False


@dataclass(frozen=True)
class RawBlock:
    """A block as a reader found it, before segmentation (offsets into the plain text)."""

    kind: str
    start: int
    end: int
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item, holding its sentences."""

    id: str
    kind: str  # "p", "h1".."h6", "li", "quote"
    start: int
    end: int
    segments: tuple[Segment, ...] = ()
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Head:
    """What made the document: input, engine, model, glossary and tool."""

    input_name: str = ""
    input_sha256: str = ""
    input_format: str = "txt"
    engine: str = ""
    model_name: str = ""
    model_version: str = ""
    model_checksum: str = ""
    glossary_fingerprint: str = ""
    tool_version: str = ""


@dataclass(frozen=True)
class Document:
    """An article as blocks of sentences, with its translation once there is one."""

    text: str
    blocks: tuple[Block, ...]
    head: Head = field(default_factory=Head)
    src_lang: str = "en"
    tgt_lang: str = "ar"

    def segments(self) -> list[Segment]:
        return [seg for block in self.blocks for seg in block.segments]

    def with_segments(self, new: dict[str, Segment]) -> Document:
        """A copy with the segments whose ids are keys of *new* replaced."""
        blocks = tuple(replace(b, segments=tuple(new.get(s.id, s) for s in b.segments)) for b in self.blocks)
        return replace(self, blocks=blocks)


@dataclass(frozen=True)
class Comment:
    """An editor's comment on a segment, for the next editor: kept beside the document by the desk
    (``.bilingual/comments/DOC.json``), carried by XLIFF notes and PO translator comments."""

    segment: str
    text: str
    who: str = ""
    when: float = 0.0  # seconds since the epoch
    resolved: bool = False
    id: str = ""
    resolved_by: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem a check found in a segment."""

    segment_id: str
    check: str  # the check's name
    title: str  # the check's first docstring line
    message: str
    severity: Severity = "error"
