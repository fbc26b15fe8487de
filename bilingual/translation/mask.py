"""Masking: glossary names in a source sentence replaced with numbered placeholders.

Engines mistreat placeholders (drop, repeat, move, decorate them); each placeholder form
below has a pattern that tolerates the decorations engines add, and :mod:`bilingual.translation.restore`
puts the glossary Arabic back where they landed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bilingual.names.match import TermSpan

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_D = "[0-9٠-٩۰-۹]+"
GLUED_LETTERS = frozenset(map(chr, [*range(0x0621, 0x064B), 0x0640]))
# Placeholder forms, tried in order. Each pattern tolerates the decorations engines add. The
# Arabic letters an engine glues before a placeholder are found by scanning back from the match,
# not by the pattern: a pattern that starts with a letter run retries at every letter of a long
# Arabic run, which is quadratic (40,000 letters took 100 s).
STYLES = (
    ("[{n}]", re.compile(r"[\[［]\s*(" + _D + r")\s*[\]］]")),
    ("ZX{n}", re.compile(r"(?<![A-Za-z])[Zz]\s?[Xx]\s?(" + _D + r")(?![0-9٠-٩۰-۹])")),
    ("{{{n}}}", re.compile(r"[{｛]\s*(" + _D + r")\s*[}｝]")),
)


@dataclass(frozen=True)
class MaskJob:
    """A source sentence with its names replaced by numbered placeholders."""

    source: str
    masked: str
    matches: tuple[TermSpan, ...] = ()  # in source order
    style: int = 0

    @property
    def slots(self) -> tuple[int, ...]:
        return tuple(range(1, len(self.matches) + 1))


def mask(source: str, matches: Iterable[TermSpan], style: int = 0) -> MaskJob:
    """Replace each matched name (possessive included) with placeholder 1, 2, … of *style*."""
    matches = tuple(matches)
    if not matches:
        return MaskJob(source, source, (), style)
    while style < len(STYLES) - 1 and STYLES[style][1].search(source):
        style += 1  # the text already holds something that looks like this placeholder
    template = STYLES[style][0]
    parts, pos = [], 0
    for n, span in enumerate(matches, start=1):
        parts.append(source[pos : span.start])
        parts.append(template.format(n=n))
        pos = span.end
    parts.append(source[pos:])
    return MaskJob(source, "".join(parts), matches, style)


def placeholders(output: str, job: MaskJob) -> list[tuple[int, int, int, str]]:
    """(start, end, number, glued prefix) of each valid placeholder in *output*."""
    found = []
    floor = 0  # a glued prefix never reaches back past the previous placeholder
    for m in STYLES[job.style][1].finditer(output):
        n = int(m.group(1).translate(_DIGITS))
        start = m.start()
        while start > floor and output[start - 1] in GLUED_LETTERS:
            start -= 1
        floor = m.end()
        if 1 <= n <= len(job.matches):
            found.append((start, m.end(), n, output[start : m.start()]))
    return found


def placeholders_intact(output: str, job: MaskJob) -> bool:
    """Whether every placeholder survived (repeats and moves are repairable, losses are not)."""
    return {n for _s, _e, n, _p in placeholders(output, job)} >= set(job.slots)
