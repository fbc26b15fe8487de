"""Units that cover several segments of a document: a translator merged them (OmegaT's merge, or
two PO or XLIFF units made one by hand), so one translation stands for consecutive sentences.

:class:`Runs` finds, for a unit's English, the consecutive segments of one paragraph whose text it
is (compared as the memory compares sources); :mod:`bilingual.corrections` decides what is taken
and :func:`bilingual.writer.with_joined` writes the joined segment.
"""

from __future__ import annotations

from bilingual.document import Document, Segment
from bilingual.memory.records import normalize


class Runs:
    """The runs of two or more consecutive segments of *doc*, looked up by the text they cover."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts: dict[str, list[tuple[int, int]]] = {}
        for b, block in enumerate(doc.blocks):
            for i, seg in enumerate(block.segments):
                self.starts.setdefault(normalize(seg.source), []).append((b, i))

    def covering(self, source: str) -> list[Segment] | None:
        """The segments *source* covers (two or more, in one paragraph, in order), or None."""
        key = normalize(source)
        for cut in (i for i, ch in enumerate(key) if ch == " "):
            for b, i in self.starts.get(key[:cut], ()):
                run = self._run(key, b, i)
                if run is not None:
                    return run
        return None

    def _run(self, key: str, b: int, i: int) -> list[Segment] | None:
        segments = self.doc.blocks[b].segments
        first = segments[i]
        for j in range(i + 1, len(segments)):
            text = normalize(self.doc.text[first.start : segments[j].end])
            if text == key:
                return list(segments[i : j + 1])
            if not key.startswith(text):
                return None
        return None
