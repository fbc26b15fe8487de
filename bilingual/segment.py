"""Sentence segmentation for English news prose, with offsets into the original text.

A rule-based splitter, chosen on measurement (see ``bench/segmenters.py`` and the README):
it runs in one linear pass of a regular expression over candidate terminators and decides
each candidate from the word before it and the text after it.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (compared lower-cased).
TITLES = frozenset(
    ["mr", "mrs", "ms", "messrs", "dr", "prof", "col", "gen", "maj", "lt", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr", "cdr", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "fr", "sr", "jr", "sheikh", "amb", "supt", "insp", "det"]
)
OTHER_ABBREVIATIONS = frozenset(
    ["e.g", "i.e", "cf", "vs", "etc", "approx", "ca", "al", "fig", "vol", "art", "pp", "para", "sec", "dept", "est", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
# "No." is an abbreviation only before a number ("No. 5"), otherwise it is the word "no".
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p"})
# Words that start a sentence often enough to end one after an acronym ("in the U.S. The …").
COMMON_STARTERS = frozenset(
    ["The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And", "Or", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "My", "According", "After", "Before", "When", "While", "However", "Meanwhile", "Yet", "So", "If", "As", "For", "Some", "Many", "Most", "Both", "Neither", "Still", "Also", "Then", "Now", "Last", "Earlier", "Later"]
)

_CANDIDATE = re.compile(r"(?:\.\.\.|…|[.?!])+[\"'”’)\]»]*(?=\s|$)")
_OPENERS = "\"'“‘([«"
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_LEADING_PUNCT = "\"'“‘([«"
_TRAILING_PUNCT = "\"'”’)]»"


def _word_before(text: str, pos: int, lower_bound: int) -> str:
    i = pos
    while i > lower_bound and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_LEADING_PUNCT)


def _next_word(text: str, pos: int, end: int) -> tuple[int, str]:
    """Index of the next non-space character and the word that starts there."""
    j = pos
    while j < end and text[j].isspace():
        j += 1
    k = j
    while k < end and not text[k].isspace():
        k += 1
    return j, text[j:k]


def _is_boundary(text: str, match: re.Match[str], lower: int, end: int) -> bool:
    j, following = _next_word(text, match.end(), end)
    if j >= end:
        return True
    first = following.lstrip(_OPENERS)
    if not first:
        return False
    if not (first[0].isupper() or first[0].isdigit()):
        return False
    terminator = match.group()
    if terminator.rstrip(_TRAILING_PUNCT) != ".":
        return True  # ?, !, ellipsis, or several marks: the capital after it decides
    if terminator != ".":
        return True  # a full stop inside closing quotes or brackets ends the sentence
    word = _word_before(text, match.start(), lower).rstrip(_TRAILING_PUNCT)
    low = word.lower()
    if low in TITLES or low in OTHER_ABBREVIATIONS:
        return False
    if low in NUMBER_ABBREVIATIONS:
        return not first[0].isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Khalifa B. Haftar"
    if _ACRONYM.match(word):
        return following.lstrip(_OPENERS).rstrip(",;:") in COMMON_STARTERS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; return ``(start, end)`` offsets into *text*.

    Spans exclude surrounding whitespace; what lies between two spans is whitespace only.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, match, sentence_start, end):
            spans.append((sentence_start, match.end()))
            sentence_start = match.end()
    spans.append((sentence_start, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.extend(split_long_run(text, s, e) if e - s > MAX_SEGMENT_CHARS else [(s, e)])
    return trimmed


# A sentence longer than this is no sentence (a table, a list run together, a hostile file): it is
# cut at the best break found, so every input is translated in time linear in its size.
MAX_SEGMENT_CHARS = 1000
_BREAKS = ("\n", " | ", "|", "; ", ": ", ", ", " – ", " ")


def split_long_run(text: str, start: int, end: int, limit: int = MAX_SEGMENT_CHARS) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most *limit* characters, at lines, cells, clauses, words.

    Each cut looks only inside the window of the next *limit* characters (from its second half
    on), so the whole run is read a bounded number of times.
    """
    pieces = []
    s = start
    while end - s > limit:
        window_start, window_end = s + limit // 2, s + limit
        cut = -1
        for mark in _BREAKS:
            found = text.rfind(mark, window_start, window_end)
            if found >= 0:
                cut = found + len(mark)
                break
        if cut <= s:
            cut = window_end  # no break at all: a hard cut
        e = cut
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        pieces.append((s, end))
    return pieces
