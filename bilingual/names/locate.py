"""The one term locator: where a glossary name stands in Arabic text, as a word.

A name is found only as a whole word, optionally behind the proclitics Arabic glues on (the
conjunctions و ف, the prepositions ب ك ل and their combinations, ل + ال contracted to لل), and
never as letters of another word: مصر is not found in مصرف ("bank"). Engine output, an editor's
text from an exchange file, a memory hit and the checks all locate names here.

A located span covers the name as the glossary writes it (the proclitic before it stays
outside), except the contracted form, where the span covers لل and the rest (للسيسي for السيسي);
:func:`bilingual.translation.reuse.respell` reads both forms back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from bilingual.document import TermMatch

if TYPE_CHECKING:
    from bilingual.names.match import TermSpan

_BEFORE = r"(?<![\w\u064b-\u065f\u0670])"  # no letter (or vowel mark) of another word before
_AFTER = r"(?!\w)"  # a vowel mark after the name (a case ending) is still the name
PROCLITICS = "[وف]?[بكل]?"  # the conjunctions and prepositions glued before a name


@lru_cache(maxsize=4096)
def _pattern(name: str, proclitics: bool) -> re.Pattern[str]:
    body = re.escape(name)
    if not proclitics:
        return re.compile(_BEFORE + f"({body})" + _AFTER)
    forms = [_BEFORE + PROCLITICS + f"({body})" + _AFTER]
    if name.startswith("ال") and len(name) > 2:
        forms.append(_BEFORE + "[وف]?" + f"(لل{re.escape(name[2:])})" + _AFTER)
    return re.compile("|".join(forms))


def locate(text: str, name: str, start: int = 0, *, proclitics: bool = True) -> tuple[int, int] | None:
    """The first span of *name* in *text* at or after *start*, as a word; None when it is not there."""
    if not name:
        return None
    found = _pattern(name, proclitics).search(text, start)
    if found is None:
        return None
    group = next(i for i in range(1, (found.lastindex or 1) + 1) if found.group(i) is not None)
    return found.start(group), found.end(group)


def contains(text: str, name: str) -> bool:
    """Whether *name* stands in *text* as a word (behind proclitics or not)."""
    return locate(text, name) is not None


def locate_terms(source: str, target: str, matches: Iterable[TermSpan]) -> tuple[TermMatch, ...]:
    """Each glossary name found in *source*, located in *target*: enforced where it stands as a word,
    missing where it does not. Repeated names are located in order, each occurrence once."""
    terms = []
    cursor: dict[str, int] = {}
    for span in matches:
        e = span.entry
        found = locate(target, e.rendering, cursor.get(e.rendering, 0))
        if found is None:
            terms.append(TermMatch(e.english, e.kind, span.start, span.end, e.rendering, -1, -1, "missing"))
            continue
        cursor[e.rendering] = found[1]
        terms.append(TermMatch(e.english, e.kind, span.start, span.end, e.rendering, found[0], found[1], "enforced"))
    return tuple(terms)
