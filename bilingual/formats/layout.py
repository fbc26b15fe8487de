"""What every side-by-side exporter lays out: rows of English and Arabic, names marked.

Pure functions over the document model. A row is one sentence (``align="sentence"``) or one
paragraph (``align="paragraph"``); each side is a list of pieces, plain or a glossary name.
The Arabic goes through the typography post-edit (:mod:`bilingual.formats.typography`) unless switched off.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bilingual.document import Document, Segment
from bilingual.formats.typography import DIRECTION_CONTROLS, neutralise_bidi, typeset_inline, typeset_piece

if TYPE_CHECKING:
    from bilingual.document import Mark

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


SAFE_LINK = ("http://", "https://", "mailto:", "#", "/")


@dataclass(frozen=True)
class Piece:
    text: str
    term: str = ""  # for a glossary name: the other language's form (the tooltip)
    marks: tuple[str, ...] = ()  # inline markup of the source: strong, em, code, strike, link
    href: str = ""  # for a link: its target, only when it is a safe scheme


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    block_id: str
    en: tuple[Piece, ...]
    ar: tuple[Piece, ...]
    segment_ids: tuple[str, ...]

    @property
    def en_text(self) -> str:
        return "".join(p.text for p in self.en)

    @property
    def ar_text(self) -> str:
        return "".join(p.text for p in self.ar)

    @property
    def heading(self) -> bool:
        return self.kind in HEADINGS


def _pieces(text: str, spans: list[tuple[int, int, str]], marks: Sequence[Mark] = ()) -> list[Piece]:
    """Cut *text* at every term and mark boundary; each piece knows its term and marks."""
    spans = [(s, e, o) for s, e, o in spans if 0 <= s < e <= len(text)]
    marked = [(max(0, m.start), min(len(text), m.end), m) for m in marks if m.end > 0 and m.start < len(text)]
    cuts = sorted(
        {0, len(text), *(p for s, e, _o in spans for p in (s, e)), *(p for s, e, _m in marked for p in (s, e))}
    )
    out = []
    for start, end in itertools.pairwise(cuts):
        term = next((o for s, e, o in spans if s <= start and end <= e), "")
        covering = [m for s, e, m in marked if s <= start and end <= e]
        link = next((m.href for m in covering if m.kind == "link" and m.href.startswith(SAFE_LINK)), "")
        kinds = tuple(m.kind for m in covering if m.kind != "link" or link)
        out.append(Piece(text[start:end], term, kinds, link))
    return out


def _segment_marks(seg: Segment, marks: Sequence[Mark]) -> list[Mark]:
    from bilingual.document import Mark

    return [
        Mark(m.start - seg.start, m.end - seg.start, m.kind, m.href)
        for m in marks
        if m.end > seg.start and m.start < seg.end
    ]


def segment_sides(
    seg: Segment, *, typography: bool, digits: str, marks: Sequence[Mark] = ()
) -> tuple[list[Piece], list[Piece]]:
    en = _pieces(seg.source, [(t.source_start, t.source_end, t.target) for t in seg.terms], _segment_marks(seg, marks))
    target = typeset_inline(seg.target, digits=digits) if typography else seg.target
    ar = _pieces(
        target, [(_word_start(target, t.target_start), t.target_end, t.entry) for t in seg.terms if t.enforced]
    )
    if typography:
        ar = [Piece(typeset_piece(p.text), p.term) for p in ar]
    # Direction controls in the text (an article can carry RLO, U+202E) are neutralised piece by
    # piece, typography or not: they must not reorder the page. The review report flags them.
    return _neutral(en), _neutral(ar)


def _word_start(text: str, start: int) -> int:
    """Where the word holding *start* begins: the proclitics glued before a name (و، ب، ل، لل …) go
    inside the name's styled span, or the span's edge cuts the word's text run and a renderer that
    shapes run by run (WeasyPrint) prints the ل isolated instead of joined to the name."""
    while start > 0 and (text[start - 1].isalpha() or "\u064b" <= text[start - 1] <= "\u0652"):
        start -= 1
    return start


def _neutral(pieces: list[Piece]) -> list[Piece]:
    return [replace(p, text=neutralise_bidi(p.text)) if DIRECTION_CONTROLS.search(p.text) else p for p in pieces]


def rows(doc: Document, *, align: str = "sentence", typography: bool = True, digits: str = "western") -> list[Row]:
    """The document as rows to lay out side by side."""
    out = []
    for block in doc.blocks:
        sides = [
            (seg, *segment_sides(seg, typography=typography, digits=digits, marks=block.marks))
            for seg in block.segments
        ]
        if align == "paragraph":
            en, ar = [], []
            for i, (_seg, e, a) in enumerate(sides):
                if i:
                    en.append(Piece(" "))
                    ar.append(Piece(" "))
                en.extend(e)
                ar.extend(a)
            out.append(Row(block.id, block.kind, block.id, tuple(en), tuple(ar), tuple(s.id for s in block.segments)))
        else:
            for seg, e, a in sides:
                out.append(Row(seg.id, block.kind, block.id, tuple(e), tuple(a), (seg.id,)))
    return out


def _shortened(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def title_of(doc: Document, explicit: str = "") -> str:
    """The document's title: ``--title``, else its headline (first heading), else its first sentence,
    shortened — never the file's name, which readers of a page do not know."""
    if explicit:
        return explicit
    for block in doc.blocks:
        if block.kind in HEADINGS and block.segments:
            return neutralise_bidi(" ".join(s.source for s in block.segments))
    first = next((s for s in doc.segments() if s.source.strip()), None)
    if first is not None:
        return neutralise_bidi(_shortened(first.source).rstrip(".").strip())
    return doc.head.input_name or "Bilingual document"


def arabic_title_of(doc: Document, explicit: str = "") -> str:
    """The Arabic title: an Arabic ``--title``, else the headline's translation, else the first
    translated sentence, shortened; "" when nothing is translated."""
    if explicit:
        return explicit if is_arabic(explicit) else ""
    for block in doc.blocks:
        if block.kind in HEADINGS and block.segments:
            return neutralise_bidi(" ".join(s.target for s in block.segments))
    first = next((s for s in doc.segments() if s.target.strip()), None)
    return neutralise_bidi(_shortened(first.target).rstrip(".").strip()) if first is not None else ""


def is_arabic(text: str) -> bool:
    """Whether *text* is written in Arabic (more Arabic letters than Latin ones)."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return arabic > 0 and arabic >= sum(1 for c in text if c.isascii() and c.isalpha())
