"""Places named with everyday English words, which the Arabic press translates and never spells:
the Old City المدينة القديمة, the Great Bitter Lake البحيرة المرة الكبرى, the New Administrative
Capital العاصمة الإدارية الجديدة, Bahrain International Airport مطار البحرين الدولي.

Arabic puts the kind of place first and its describing words after it, the nearest to the noun in
English first, each agreeing with the noun (a feminine noun, or a plural of things, takes the
feminine: the White Mountains الجبال البيضاء). A name between them stays a name (مطار البحرين).
The words are general English geography, not any article's.
"""

from __future__ import annotations

from collections.abc import Callable

from bilingual.discovery.lexicon import FEATURES_AFTER, fold

#: Kinds of place a describing word may follow, beyond the features that follow a name (a lake, a
#: mountain …): a city, a town, a market, a zone
NOUNS = {
    **FEATURES_AFTER,
    "city": "مدينة", "town": "بلدة", "hole": "ثقب", "highway": "طريق", "capital": "عاصمة", "market": "سوق",
    "souq": "سوق", "souk": "سوق", "quarter": "حي", "corniche": "كورنيش", "harbour": "ميناء", "zone": "منطقة",
    "park": "حديقة", "museum": "متحف",
}  # fmt: skip

#: English words that describe a place rather than name it, as Arabic writes them after a masculine
#: and a feminine (or non-human plural) noun
DESCRIBING = {
    "green": ("الأخضر", "الخضراء"), "white": ("الأبيض", "البيضاء"), "black": ("الأسود", "السوداء"),
    "red": ("الأحمر", "الحمراء"), "blue": ("الأزرق", "الزرقاء"), "yellow": ("الأصفر", "الصفراء"),
    "great": ("الكبير", "الكبرى"), "grand": ("الكبير", "الكبرى"), "little": ("الصغير", "الصغرى"),
    "lesser": ("الصغير", "الصغرى"), "upper": ("الأعلى", "العليا"), "lower": ("الأسفل", "السفلى"),
    "old": ("القديم", "القديمة"), "high": ("العالي", "العالية"), "new": ("الجديد", "الجديدة"),
    "bitter": ("المر", "المرة"), "administrative": ("الإداري", "الإدارية"), "international": ("الدولي", "الدولية"),
    "middle": ("الأوسط", "الوسطى"), "desert": ("الصحراوي", "الصحراوية"), "coastal": ("الساحلي", "الساحلية"),
    "industrial": ("الصناعي", "الصناعية"), "free": ("الحر", "الحرة"), "national": ("الوطني", "الوطنية"),
    "holy": ("المقدس", "المقدسة"), "main": ("الرئيسي", "الرئيسية"), "royal": ("الملكي", "الملكية"),
    "historic": ("التاريخي", "التاريخية"), "ancient": ("القديم", "القديمة"),
}  # fmt: skip

#: Kinds of place Arabic treats as feminine (with the plurals of things)
FEMININE = frozenset(["جزيرة", "بحيرة", "صحراء", "واحة", "هضبة", "قناة", "كنيسة", "منطقة", "محافظة", "جبال", "جزر",
                      "رمال", "شبه جزيرة", "مدينة", "بلدة", "عاصمة", "حديقة", "قلعة"])  # fmt: skip


def translated(parts: list[str], name_of: Callable[[str], tuple[str, str]]) -> tuple[str, str] | None:
    """The Arabic of a place named *parts* (English words) as a kind of place and describing words,
    with a name before them or none, and where it comes from ("table", or the name's own source);
    None when it is not so named. *name_of* spells a name: (Arabic, source)."""
    words = [fold(part) for part in parts]
    if len(words) < 2 or words[-1] not in NOUNS or words[-2] not in DESCRIBING:
        return None
    head = NOUNS[words[-1]]
    feminine = head in FEMININE
    first = len(words) - 1
    while first and words[first - 1] in DESCRIBING:
        first -= 1
    describing = " ".join(DESCRIBING[word][feminine] for word in reversed(words[first:-1]))
    if not first:  # the Great Bitter Lake البحيرة المرة الكبرى; شبه جزيرة → شبه الجزيرة
        noun = head.split()
        return " ".join([*noun[:-1], "ال" + noun[-1], describing]), "table"
    name, source = name_of(" ".join(parts[:first]))
    return (f"{head} {name} {describing}", source) if name else None  # مطار البحرين الدولي
