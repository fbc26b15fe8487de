"""The names report: every glossary name found in a translated document, one row per occurrence."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.document import Document, TermStatus


@dataclass(frozen=True)
class NameRow:
    """One occurrence of a glossary name: where, which entry, the Arabic prescribed, and what became of it."""

    segment: str
    english: str  # the entry's English form
    arabic: str  # the spelling the glossary prescribes (with any proclitic as written)
    status: TermStatus  # enforced | missing
    source_start: int
    source_end: int
    target_start: int
    target_end: int


def names_report(doc: Document) -> list[NameRow]:
    """Every name occurrence of *doc*, in document order (what the aligned file's term elements hold)."""
    return [
        NameRow(seg.id, t.entry, t.target, t.status, t.source_start, t.source_end, t.target_start, t.target_end)
        for seg in doc.segments()
        for t in seg.terms
    ]
