"""What the translation memory holds, as values: a hit, the recall of a document, the stored names.

Pure: :mod:`bilingual.memory.store` reads and writes the file; the pipeline and the reuse rules
take these values.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bilingual.document import SegmentStatus, TermMatch, is_human

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


def terms_to_json(terms: Sequence[TermMatch]) -> str:
    """The names of a target as stored: every field of each TermMatch, spans included."""
    return json.dumps(
        [
            [t.entry, t.kind, t.source_start, t.source_end, t.target, t.target_start, t.target_end, t.status]
            for t in terms
        ],
        ensure_ascii=False,
    )


def terms_from_json(text: str) -> tuple[TermMatch, ...]:
    """Stored names back as TermMatch; rows from schema 1 (entry, Arabic, status) have no spans (-1)."""
    out = []
    for row in json.loads(text or "[]"):
        if len(row) == 8:
            out.append(TermMatch(*row))
        elif len(row) == 3:
            out.append(TermMatch(row[0], "", -1, -1, row[1], -1, -1, row[2]))
    return tuple(out)


def normalize(source: str) -> str:
    """The exact-match key: NFC, quotes unified, whitespace collapsed, outer space stripped."""
    if not source.isascii():
        source = unicodedata.normalize("NFC", source).translate(_QUOTES)
    return " ".join(source.split())


@dataclass(frozen=True)
class Hit:
    """What the memory knows about a source sentence."""

    source: str
    target: str
    status: SegmentStatus
    origin: str = ""
    terms: tuple[TermMatch, ...] = ()  # the names in the target when stored, with their spans
    score: float = 1.0
    glossary_fingerprint: str = ""
    machine: str = ""  # what the machine wrote for this source, when the memory knows it

    @property
    def exact(self) -> bool:
        return self.score >= 1.0

    @property
    def human(self) -> bool:
        return is_human(self.status)


@dataclass(frozen=True)
class Recall:
    """What the memory knows of a document's sources, fetched once before translating (a value).

    ``hits`` are exact matches and ``nearby`` near matches, both keyed by :func:`normalize`.
    """

    hits: dict[str, Hit]
    nearby: dict[str, Hit]

    def exact(self, source: str) -> Hit | None:
        return self.hits.get(normalize(source))

    def near(self, source: str) -> Hit | None:
        return self.nearby.get(normalize(source))


def hit_from_row(row: Sequence) -> Hit:
    """A Hit from (source, target, status, origin, terms, glossary_fingerprint, mt_target)."""
    return Hit(
        row[0],
        row[1],
        row[2],
        row[3],
        terms_from_json(row[4]),
        glossary_fingerprint=row[5],
        machine=row[6] or (row[1] if row[2] == "mt" else ""),
    )
