"""Sentence segmentation for English news prose, with offsets into the original text.

A rule-based splitter, chosen on measurement (see ``bench/segmenters.py`` and the README):
it runs in one linear pass of a regular expression over candidate terminators and decides
each candidate from the word before it and the text after it.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (compared lower-cased).
# Titles and ranks stand before a name: a full stop after them never ends a sentence.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "col",
        "gen",
        "maj",
        "lt",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "spc",
        "adm",
        "brig",
        "cmdr",
        "cdr",
        "gov",
        "sen",
        "rep",
        "reps",
        "rev",
        "hon",
        "pres",
        "st",
        "mt",
        "ft",
        "fr",
        "sheikh",
        "amb",
        "supt",
        "insp",
        "det",
        "ret",
        "lieut",
        "cmdt",
        "gens",
        "sens",
        "govs",
    ]
)
# Abbreviations that stand before something else (a number, a name, a clause): no sentence end.
OTHER_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "cf",
        "vs",
        "v",
        "approx",
        "ca",
        "al",
        "fig",
        "figs",
        "vol",
        "art",
        "pp",
        "para",
        "sec",
        "dept",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Abbreviations that can also end a sentence ("… Ltd. The company said"): a sentence ends after
# them only when a word that usually starts a sentence follows.
CAN_END = frozenset(["etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "plc"])
# "No." is an abbreviation only before a number ("No. 5"), otherwise it is the word "no".
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p"})
# Words that start a sentence often enough to end one after an acronym ("in the U.S. The …").
COMMON_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "According",
        "After",
        "Before",
        "When",
        "While",
        "However",
        "Meanwhile",
        "Yet",
        "So",
        "If",
        "As",
        "For",
        "Some",
        "Many",
        "Most",
        "Both",
        "Neither",
        "Still",
        "Also",
        "Then",
        "Now",
        "Last",
        "Earlier",
        "Later",
    ]
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
    word = _word_before(text, match.start(), lower).rstrip(_TRAILING_PUNCT)
    low = word.lower()
    if terminator != ".":
        # a full stop inside closing quotes or brackets ends the sentence, unless it closes a
        # bracketed abbreviation: "Lt. Gen. (ret.) Sherif"
        return not (terminator.endswith(")") and low in TITLES)
    if low in TITLES or low in OTHER_ABBREVIATIONS:
        return False
    if low in CAN_END:
        return following.lstrip(_OPENERS).rstrip(",;:") in COMMON_STARTERS
    if low in NUMBER_ABBREVIATIONS:
        return not first[0].isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Khalifa B. Haftar"
    if _ACRONYM.match(word):
        return following.lstrip(_OPENERS).rstrip(",;:") in COMMON_STARTERS
    return True


# A list item on a line of its own: "1." "1)" "(1)" "(a)" "a." "•" "-" "–" "*" then text.
_LIST_ITEM = re.compile(r"[ \t]*(?:\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z][.)]|[•·▪◦‣*\-–—])[ \t]+\S")
_LIST_MARKER = re.compile(r"\s*(?:\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z][.)])\s*")


def is_list_item(sentence: str) -> bool:
    """Whether *sentence* reads as a list item ("1. …", "(a) …", "• …"): it started a line of its own."""
    return bool(_LIST_ITEM.match(sentence))


def _list_breaks(text: str, start: int, end: int) -> list[int]:
    """Line starts inside ``text[start:end]`` where a list item begins a new unit.

    A block whose lines are list items (two or more, or one after a line ending in a colon) is a
    list: each item is its own sentence, never run together with the next, whatever it ends with.
    """
    lines = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline < 0 else newline
        lines.append((pos, line_end))
        pos = line_end + 1
    if len(lines) < 2:
        return []
    items = [bool(_LIST_ITEM.match(text, s, e)) for s, e in lines]
    if sum(items) < 2 and not any(
        item and text[lines[i - 1][0] : lines[i - 1][1]].rstrip().endswith(":") for i, item in enumerate(items) if i
    ):
        return []
    return [s for (s, _e), item in zip(lines, items, strict=True) if item]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; return ``(start, end)`` offsets into *text*.

    Spans exclude surrounding whitespace; what lies between two spans is whitespace only. Plain-text
    list items (after a line ending in a colon, or several together) are sentences of their own,
    their markers attached.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cuts = [*_list_breaks(text, start, end), end]
    unit_start = start
    for unit_end in cuts:
        if unit_end <= unit_start:
            continue
        sentence_start = unit_start
        for match in _CANDIDATE.finditer(text, unit_start, unit_end):
            if _LIST_MARKER.fullmatch(text, sentence_start, match.end()):
                continue  # "2." opening a list item is its marker, not a sentence
            if _is_boundary(text, match, sentence_start, unit_end):
                spans.append((sentence_start, match.end()))
                sentence_start = match.end()
        spans.append((sentence_start, unit_end))
        unit_start = unit_end
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


# -- the same decisions as segmentation rules for other tools (SRX 2.0, OmegaT) ---------------------
# Java regular expressions, made from the tables above so they never drift from the splitter. Each
# rule is (break?, before, after); at each place the first rule whose two expressions match
# decides, as SRX 2.0 and OmegaT apply them. What SRX cannot say: a list is a block of two or more
# item lines (SRX breaks before any item line), and a run over MAX_SEGMENT_CHARS is cut.
def _java_class(chars: str) -> str:
    return "[" + "".join("\\" + c if c in "\\[]^-&" else c for c in chars) + "]"


def _alternatives(words: frozenset[str], *, ignore_case: bool = False) -> str:
    body = "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(words, key=lambda w: (-len(w), w)))
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def break_rules() -> list[tuple[bool, str, str]]:
    """The splitter's decisions as ordered segmentation rules: ``(is_break, before, after)``."""
    openers, closers = _java_class(_OPENERS), _java_class(_TRAILING_PUNCT)
    word_start = f"(?<![^\\s{_java_class(_LEADING_PUNCT)[1:-1]}])"  # a word starts here
    capital = f"\\s+{openers}*[\\p{{Lu}}\\p{{Nd}}]"  # the next word starts with a capital or digit
    starter = f"\\s+{openers}*{_alternatives(COMMON_STARTERS)}[,;:]*(?=\\s|$)"
    titles = _alternatives(TITLES, ignore_case=True)
    abbreviations = _alternatives(TITLES | OTHER_ABBREVIATIONS, ignore_case=True)
    ends_or_acronym = (
        f"{word_start}(?:{_alternatives(CAN_END, ignore_case=True)}|(?:[A-Za-z]\\.)+[A-Za-z]){closers}*\\."
    )
    marker = r"(?:\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z][.)])"
    item = r"[ \t]*(?:\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z][.)]|[•·▪◦‣*\-–—])[ \t]+\S"
    # Java's look-behind needs a bounded length
    bounded_item = r"[ \t]{0,20}(?:\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z][.)]|[•·▪◦‣*\-–—])[ \t]{1,20}\S"
    # a full stop that ends no sentence: after an abbreviation, an acronym, an initial
    not_an_end = (
        f"(?<!(?:^|[\\s{_java_class(_LEADING_PUNCT)[1:-1]}])"
        f"(?:{abbreviations}|{_alternatives(CAN_END | NUMBER_ABBREVIATIONS, ignore_case=True)}|(?:[A-Za-z]\\.){{1,9}}[A-Za-z]|\\p{{Lu}})"
        f"{closers}{{0,3}}\\.\\s{{1,20}})(?<!(?:^|\\n)[ \t]{{0,20}}{marker}\\s{{1,20}})"
    )
    return [
        # a list is two or more item lines, or items after a line ending in a colon: each item its own
        (True, r"\n", rf"(?<=\n){item}[^\n]*(?:\n[^\n]*)*?\n{item}"),  # an item with another after it
        (True, r":[ \t]*\n", rf"(?<=\n){item}"),
        (True, rf"(?m)^{item}[^\n]*\n", rf"(?<=\n){item}"),  # an item after an item
        (False, rf"\A[ \t]*{marker}", r"\s"),  # "2." opening a paragraph or a list's item is its marker
        (False, rf"(?<=(?:^|\n)(?:{bounded_item}[^\n]{{0,1000}}|[^\n]{{0,1000}}:[ \t]*)\n)[ \t]*{marker}", r"[ \t]+\S"),
        (False, rf"(?<=\n)[ \t]*{marker}", rf"[ \t]+\S[^\n]*\n{item}"),
        (False, rf"(?<=[.?!…]{closers}{{0,3}}\s{{1,20}}){not_an_end}\(?\d{{1,3}}\.", r"\s"),
        (False, rf"{word_start}{titles}{closers}*\.{closers}*\)", r"\s"),  # "Lt. Gen. (ret.) Sherif"
        (True, rf"(?:[.?!…]*[?!…]|\.\.)[.?!…]*{closers}*", capital),  # ? ! … and runs of marks
        (True, rf"\.{closers}+", capital),  # a full stop inside closing quotes or brackets
        (False, rf"{word_start}{abbreviations}{closers}*\.", r"\s"),  # titles and abbreviations
        (True, ends_or_acronym, starter),  # "… Ltd. The company", "in the U.S. The …"
        (False, ends_or_acronym, r"\s"),
        (
            False,
            rf"{word_start}{_alternatives(NUMBER_ABBREVIATIONS, ignore_case=True)}{closers}*\.",
            rf"\s+{openers}*\p{{Nd}}",
        ),
        (False, rf"{word_start}(?!P)\p{{Lu}}{closers}*\.", r"\s"),  # an initial (P. is "p.")
        (True, r"\.", capital),
    ]
