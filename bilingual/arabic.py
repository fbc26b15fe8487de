"""Arabic text rules: proclitics glued to names, letter normalisation, spelling similarity.

Proclitics: the conjunctions و and ف, the prepositions ب, ل and ك attach to the next word
without a space; ل before the article ال contracts to لل (ل + السيسي → للسيسي).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
TATWEEL = "\u0640"
DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
ARABIC_RUN = re.compile("[\u0621-\u064a\u0640\u0671-\u06d3]+")


def split_proclitics(prefix: str) -> tuple[str, str, bool] | None:
    """Parse letters glued before a name into (conjunction, preposition, had article).

    Returns None when the letters are not a proclitic sequence (e.g. a whole word glued on).
    """
    p = prefix.replace(TATWEEL, "")
    conj = prep = ""
    article = False
    if p[:1] in CONJUNCTIONS and len(p) > 0:
        conj, p = p[0], p[1:]
    if p.startswith("لل"):
        prep, p, article = "ل", p[2:], True
    elif p[:1] in PREPOSITIONS:
        prep, p = p[0], p[1:]
    if p == "ال":
        article, p = True, ""
    if p:
        return None
    return conj, prep, article


def attach(prefix: str, name: str) -> str:
    """Glue the proclitics in *prefix* onto *name* as Arabic writes them.

    The model's own article before a name is dropped: a name carries its article itself.
    Letters that are not proclitics stay a separate word.
    """
    if not prefix:
        return name
    parsed = split_proclitics(prefix)
    if parsed is None:
        return f"{prefix} {name}"
    conj, prep, _article = parsed
    if name.startswith("\u2066"):  # a Latin name in bidi isolates: proclitics stay outside
        return conj + prep + name
    if prep == "ل" and name.startswith("ال"):
        return conj + "لل" + name[2:]
    return conj + prep + name


def normalize_letters(text: str) -> str:
    """Fold spelling variants that do not change a name: hamza seats, ta marbuta, alif maqsura."""
    text = DIACRITICS.sub("", text.replace(TATWEEL, ""))
    return (
        text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا").replace("ة", "ه").replace("ى", "ي")
    )


# Letters that romanisation confuses, folded into one class each (ح/ه/خ, س/ص/ث, ت/ط, د/ض/ذ/ظ/ز, ق/ك, ع/ء/ا, غ/ج).
_CLASSES = str.maketrans("حخصثطضذظزقعءغ", "ههسستددددكااج")


@lru_cache(maxsize=8192)
def skeleton(text: str) -> str:
    """Consonant skeleton: normalised letters in sound classes, without long vowels after the first letter."""
    words = []
    for word in normalize_letters(text).translate(_CLASSES).split():
        words.append(word[:1] + re.sub("[اوي]", "", word[1:]))
    return " ".join(words)


def similarity(a: str, b: str, *, at_least: float = 0.0) -> float:
    """How alike two Arabic spellings of a name are (0–1), on their consonant skeletons.

    With *at_least*, a pair that cannot reach it returns 0 from SequenceMatcher's cheap upper
    bounds, without the full comparison (restoring names in a long output stays fast).
    """
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return 0.0
    matcher = SequenceMatcher(None, sa, sb)
    if at_least and (matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least):
        return 0.0
    return matcher.ratio()


_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_NOT_PROSE = re.compile(r"\[\s*\d+\s*\]|ZX\d+|\{\d+\}|\u2066[^\u2069]*\u2069")


def mostly_latin(text: str) -> bool:
    """Whether a translation is mostly Latin letters (placeholders and isolated names aside)."""
    prose = _NOT_PROSE.sub("", text)
    latin, arabic = len(_LATIN.findall(prose)), len(_ARABIC.findall(prose))
    return latin >= 3 and latin > arabic
