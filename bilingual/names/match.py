"""Find glossary names in English text: one Aho–Corasick pass, longest match first.

Matching is case-insensitive and treats hyphens and spaces alike (``Al-Sisi``, ``al-Sisi``,
``Al Sisi``, ``AL-SISI``), never inside another word, and takes a possessive (``Haftar's``,
``Haftar’s``) into the match. A capitalised entry never matches text written all in lower
case (``Chad`` the country, not ``chad``). The automaton is pyahocorasick's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilingual.names.entry import Entry

_FOLD = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "\u00a0": " ", "\t": " ", "\n": " ", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Lower-case and unify hyphens/spaces/apostrophes, keeping every offset unchanged."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two; fold them one by one
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


@dataclass(frozen=True)
class TermSpan:
    """A glossary name found in a source text (offsets into that text)."""

    start: int
    end: int
    entry: Entry
    possessive: bool = False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matcher:
    """An Aho–Corasick automaton over the folded English forms of the entries."""

    def __init__(self, entries: list[Entry], automaton: Any = None) -> None:
        """Build the automaton over *entries*, or adopt a saved one built from the same list."""
        import ahocorasick

        self.entries = entries
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for index, entry in enumerate(entries):
                key = fold(entry.english)
                if key.strip() and key not in automaton:
                    automaton.add_word(key, (index, len(key)))
            if len(automaton):
                automaton.make_automaton()
        self.automaton = automaton
        self.empty = len(automaton) == 0

    def find(self, text: str) -> list[TermSpan]:
        if self.empty or not text:
            return []
        folded = fold(text)
        n = len(text)
        candidates = []
        for last, (index, length) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < n and _is_word_char(text[end]):
                continue
            entry = self.entries[index]
            if any(c.isupper() for c in entry.english) and not any(c.isupper() for c in text[start:end]):
                continue
            candidates.append((start, -length, end, index))
        candidates.sort()
        spans: list[TermSpan] = []
        last_end = 0
        for start, _neg, end, index in candidates:
            if start < last_end:
                continue
            possessive = False
            tail = folded[end : end + 2]
            if tail == "'s" and (end + 2 >= n or not _is_word_char(text[end + 2])):
                end, possessive = end + 2, True
            elif tail[:1] == "'" and folded[end - 1] == "s" and (end + 1 >= n or not _is_word_char(text[end + 1])):
                end, possessive = end + 1, True
            spans.append(TermSpan(start, end, self.entries[index], possessive))
            last_end = end
        return spans
