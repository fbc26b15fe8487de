"""How the letter groups of a romanised name read in Arabic, and what each reading costs.

A romanisation loses what Arabic writes: long and short vowels look alike (Kamel كامل, Zubaidi
زبيدي); several Arabic letters share one Latin letter (t ت/ط, s س/ص, d د/ض, h ه/ح, k ك/ق, g
ج/غ/ق); a final a may be ة, ا or ى. Each group of Latin letters has its readings, each with a
cost (the usual reading costs least); :mod:`bilingual.discovery.spelling` searches them. General
romanisation facts, tuned on the examples and the tuning articles, never on the dev set.
"""

from __future__ import annotations

from bilingual.discovery.region import CURRENT, G_READINGS

# Letter groups, longest first: one unit each.
UNITS = (
    "tch",
    "dj",
    "kh",
    "sh",
    "th",
    "dh",
    "gh",
    "ch",
    "ph",
    "ou",
    "oo",
    "ee",
    "ie",
    "ei",
    "ey",
    "ai",
    "ay",
    "aa",
    "ae",
    "oa",
)
CONSONANT = {
    "b": (("ب", 0),),
    "t": (("ت", 0), ("ط", 0.7)),
    "d": (("د", 0), ("ض", 0.7)),
    "s": (("س", 0), ("ص", 0.7)),
    "z": (("ز", 0), ("ظ", 1), ("ذ", 1)),
    "h": (("ح", 0.2), ("ه", 0.3)),
    "k": (("ك", 0), ("ق", 0.6)),
    "q": (("ق", 0), ("ك", 1), ("ء", 1.2)),
    "g": (("ج", 0), ("غ", 0.5), ("ق", 0.6)),
    "j": (("ج", 0),),
    "f": (("ف", 0),),
    "v": (("ف", 0),),
    "p": (("ب", 0.2),),
    "w": (("و", 0),),
    "y": (("ي", 0),),
    "r": (("ر", 0),),
    "l": (("ل", 0),),
    "m": (("م", 0),),
    "n": (("ن", 0),),
    "c": (("ك", 0.3), ("س", 0.5), ("ق", 0.8)),
    "x": (("كس", 0),),
    "kh": (("خ", 0),),
    "sh": (("ش", 0), ("سح", 0.8)),  # Ishaq إسحق: s and h, two letters
    "th": (("ث", 0), ("ت", 0.5), ("تح", 0.6), ("ذ", 1)),  # Fathi فتحي: t and h, two letters
    "dh": (("ذ", 0), ("ض", 0.4), ("ظ", 0.6), ("د", 1)),
    "gh": (("غ", 0), ("ق", 1)),
    "ch": (("ش", 0.3), ("تش", 0.5), ("ك", 1)),
    "ph": (("ف", 0),),
    "dj": (("ج", 0),),
    "tch": (("تش", 0),),
}
# Vowels inside a word: usually an unwritten short vowel or a long one; now and then an ع.
MEDIAL = {
    "a": (("", 0.2), ("ا", 0.4), ("ع", 1.2), ("ء", 1.5)),
    "e": (("", 0.1), ("ي", 0.8), ("ا", 0.8), ("ع", 1.2)),
    "i": (("ي", 0.2), ("", 0.4), ("ع", 1.3), ("ئ", 1.5)),
    "o": (("و", 0.2), ("", 0.4), ("ع", 1.3)),
    "u": (("و", 0.2), ("", 0.4), ("ع", 1.3)),
    "ou": (("و", 0),),  # French romanisation writes ou for و only: Boukthir بوكثير, not بكثير
    "oo": (("و", 0),),
    "ee": (("ي", 0),),
    "ie": (("ي", 0),),
    "ei": (("ي", 0), ("اي", 0.5)),
    "ey": (("ي", 0), ("اي", 0.5)),
    "ai": (("ي", 0.1), ("اي", 0.3), ("ائ", 0.8), ("عي", 1)),
    "ay": (("اي", 0), ("ي", 0.3)),
    "aa": (("ا", 0), ("اء", 0.5), ("عا", 0.8)),
    "ae": (("ا", 0.3), ("اي", 0.5), ("ائ", 0.8)),
    "oa": (("وا", 0.3), ("وع", 0.8)),
}
INITIAL = {
    "a": (("أ", 0), ("ا", 0.5), ("ع", 0.7), ("آ", 1)),
    "e": (("إ", 0), ("ا", 0.5), ("ع", 0.7), ("أ", 0.8)),
    "i": (("إ", 0), ("ا", 0.5), ("ع", 0.7)),
    "o": (("أو", 0.2), ("أ", 0.3), ("عو", 0.8), ("ع", 0.8)),
    "u": (("أو", 0.2), ("أ", 0.4), ("عو", 0.8), ("ع", 0.8)),
    "ou": (("أو", 0), ("عو", 0.8)),
    "oo": (("أو", 0),),
    "ai": (("أي", 0.3), ("عي", 0.7), ("اي", 0.5)),
    "ay": (("أي", 0.3), ("عي", 0.7)),
    "ei": (("إي", 0.3), ("عي", 0.7)),
    "ee": (("إي", 0),),
    "ie": (("إي", 0),),
    "ey": (("إي", 0.3),),
    "aa": (("آ", 0), ("عا", 0.5)),
    "ae": (("أ", 0.3),),
    "oa": (("أوا", 0.5),),
}
FINAL = {
    "a": (("ة", 0.2), ("ا", 0.3), ("ى", 0.8), ("اء", 1), ("ه", 0.8), ("ع", 1.2)),
    "e": (("", 0.3), ("ة", 0.5), ("ي", 0.5), ("ا", 1)),
    "i": (("ي", 0),),
    "y": (("ي", 0),),
    "o": (("و", 0), ("ا", 1.2)),
    "u": (("و", 0),),
    "ou": (("و", 0),),
    "ah": (("ة", 0), ("اه", 0.5), ("ه", 0.5), ("اح", 0.8), ("ح", 1)),
    "eh": (("ة", 0.2), ("ه", 0.4)),
    "ey": (("ي", 0),),
    "ay": (("اي", 0), ("ي", 0.3)),
    "ai": (("اي", 0.1), ("ي", 0.3), ("ائي", 0.3), ("اعي", 0.5)),  # Hinai الهنائي, Mannai المناعي: a nisba
    "ee": (("ي", 0),),
    "ie": (("ي", 0),),
    "aa": (("اء", 0), ("ا", 0.3)),
    "oo": (("و", 0),),
}


def units(low: str) -> list[str]:
    """The word cut into letter groups; a doubled consonant is one group, marked with a trailing
    ``:`` (Arabic writes it once, with an unwritten shadda)."""
    out: list[str] = []
    i = 0
    while i < len(low):
        if low[i:] in ("ah", "eh") and out:
            out.append(low[i:])
            break
        unit = next((u for u in UNITS if low.startswith(u, i)), low[i])
        if low.startswith("gu", i) and low[i + 2 : i + 3] in ("e", "i"):
            unit = "gu"  # French romanisation's hard g, the u silent: Guellala قلالة, Guelma قالمة
        if unit in ("ay", "ey") and low.startswith("yy", i + 1):
            unit = low[i]  # Sayyid: a short a, then a doubled y (سيّد), never اي and ي
        i += len(unit)
        if unit not in VOWEL_UNITS and low.startswith(unit, i):
            i += len(unit)
            unit += ":"
        out.append(unit)
    return out


VOWEL_UNITS = frozenset(
    ["a", "e", "i", "o", "u", "ou", "oo", "ee", "ie", "ei", "ey", "ai", "ay", "aa", "ae", "oa", "ah", "eh"]
)


def _vowel(unit: str) -> bool:
    return unit in VOWEL_UNITS


#: A vowel that opens a word after the article: as often an ع as a hamza (Al-Alimi العليمي, Al-Obeidi
#: العبيدي, Al-Eidani العيداني; Al-Ahmad الأحمد)
AFTER_ARTICLE = {
    "a": (("ع", 0.2), ("أ", 0.3), ("ا", 0.8), ("آ", 1)),
    "e": (("ع", 0.2), ("إ", 0.4), ("أ", 0.5), ("ا", 0.8)),
    "i": (("إ", 0.2), ("ع", 0.3), ("ا", 0.8)),
    "o": (("ع", 0.2), ("أ", 0.4), ("عو", 0.5), ("أو", 0.5)),
    "u": (("ع", 0.2), ("أ", 0.4), ("عو", 0.5), ("أو", 0.5)),
    "ei": (("عي", 0.2), ("إي", 0.4)),
    "ai": (("عي", 0.2), ("أي", 0.3)),
    "ou": (("ع", 0.3), ("أو", 0.3), ("عو", 0.5)),
}


def readings_at(
    units: list[str], i: int, place: bool = False, *, after_article: bool = False
) -> tuple[tuple[str, float], ...]:
    """The Arabic readings of the unit at *i* and their costs; *after_article*: the word is read
    after an article its English form wrote (Al-Alimi)."""
    unit, first, last = units[i].rstrip(":"), i == 0, i == len(units) - 1
    if first and after_article and not last and unit in AFTER_ARTICLE:
        return AFTER_ARTICLE[unit]
    if last and place and unit == "a" and i:
        return (("ة", 0.1), ("ا", 0.4), ("ى", 0.8), ("اء", 1), ("ه", 0.8), ("ع", 1.2))  # a town's -a is mostly ة
    if last and unit == "e" and i >= 2 and units[i - 2] == "a" and not _vowel(units[i - 1]):
        return (("ة", 0.1), ("", 0.4), ("ي", 0.5))  # Salame سلامة, Karame كرامة: the Levantine -e
    if last and unit in FINAL:
        return FINAL[unit]
    if first and unit in INITIAL:
        return INITIAL[unit]
    if unit in ("a", "e", "i", "o", "u") and not first and not last:
        return _short_or_long(units, i)
    if unit in MEDIAL:
        return MEDIAL[unit]
    if unit == "gu":
        return G_READINGS[CURRENT.get()]
    if unit == "g":
        soft = i + 1 < len(units) and units[i + 1][:1] in ("e", "i", "y")
        if soft:  # ge, gi: French and Italian romanisation's ج (Gemayel جميل, Giorgia جورجيا) everywhere
            return (("ج", 0), ("غ", 0.4), ("ق", 0.6))
        return G_READINGS[CURRENT.get()]  # the article's region: ج in Egypt's press, غ in the Levant's …
    if unit in CONSONANT:
        return CONSONANT[unit]
    if unit in "'’":  # an apostrophe inside a word writes an ع more often than a hamza (Bal'a بلعا, Sana'a صنعاء)
        return (("ع", 0.1), ("", 0.4), ("ء", 0.6)) if not first and not last else (("", 0),)
    return ()


#: A single a before a word's last consonant: short or long. Names end in -ān, -āt, -ār, -āl more often
#: than in a short a (Mirbat مرباط, Habshan حبشان, Bghal بغال), so the long one costs less.
LAST_A = (0.5, 0.1)


def _short_or_long(units: list[str], i: int) -> tuple[tuple[str, float], ...]:
    """A single vowel letter inside a word: long or short by its syllable. Before two consonants
    (a closed syllable: Mismari) it is short and unwritten; before one consonant and a vowel (an
    open syllable: Alimi, Nadhouri) i/u/o are mostly long; a after a doubled consonant (Sarraj) or
    before a consonant and e (Kamel, Qader: the فاعل pattern) is long; before another vowel it
    may be an ع (Shuaib)."""
    unit, nxt, after = units[i], units[i + 1], units[i + 2] if i + 2 < len(units) else ""
    closed = not _vowel(nxt) and (nxt.endswith(":") or (after and not _vowel(after)))
    medial = dict(MEDIAL[unit])
    if _vowel(nxt):  # two vowels meet where Arabic has an ع: Shuaib شعيب, Mishaal مشعل
        return tuple(sorted({**medial, "ع": 0.3}.items(), key=lambda item: item[1]))
    if closed:
        short, long = 0.1, 0.7
    elif unit == "a" and (units[i - 1].endswith(":") or after == "e"):
        short, long = 0.6, 0.1
    elif unit == "a" and not after:
        short, long = LAST_A
    elif unit in "iuo" and not _vowel(nxt):
        short, long = 0.5, 0.1
    else:
        return MEDIAL[unit]
    written = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}[unit]
    medial[""], medial[written] = short, long
    return tuple(sorted(medial.items(), key=lambda item: item[1]))
