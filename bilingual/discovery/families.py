"""Family names as each country's press writes them: the article of a nisba, a kunya or a Ben- name
written apart or joined, and a tribe's broken plural.

English writes one shape for what the Arabic press of each country writes its own way: Tunisia's,
Morocco's and Libya's press gives a Maghrebi nisba its article (Jlassi الجلاصي), the rest of the
region writes a family name bare where English does (Barzani بارزاني); Algeria's, Libya's and
Tunisia's press writes a joined Ben- as two words (Bensasi بن ساسي) where Morocco's joins it
(Benjelloun بنجلون); Arabic writes a kunya apart (Abuzaid أبو زيد); Jordan's and Palestine's press
writes a tribe's broken plural with its article and a long a (Qatarneh القطارنة). Used by
:mod:`bilingual.discovery.spelling`, which spells the words these shapes leave.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bilingual.discovery import figures
from bilingual.discovery.letters import units as letter_units
from bilingual.discovery.lexicon import FIGURES, MID_PARTICLES, person_words, unaccented
from bilingual.discovery.region import COUNTRIES
from bilingual.discovery.romanize import KNOWN, rule_word

#: Countries whose press writes a family name that is a nisba (-i) with its article, where the
#: French-style romanisation drops it: Tunisia, Morocco, Libya (Algeria's press mostly does not)
NISBA_ARTICLE = frozenset(["tn", "ma", "ly"])
#: Countries whose press writes a tribe's or a family's nisba with its article where Arabic text writes
#: it so, though English drops it: Jordan's and the Gulf's (Khaled Momani خالد المومني, Ali Madkhali
#: علي المدخلي); a foreign name ending in -i is never written so (Lazzarini لازاريني). Not Palestine's:
#: Amal Sleibi أمل صليبي (the twenty-eighth set)
NISBA_ARTICLE_ATTESTED = frozenset(["jo", "sa", "kw", "qa", "bh", "ae", "om"])
#: Where the press writes a joined Ben- family name as two words (Benhamida بن حميدة, Bengdara بن
#: قدارة); Morocco's joins them (Benkirane بنكيران, Benjelloun بنجلون)
BEN_APART = frozenset(["dz", "ly", "tn"])
MAGHREBI = re.compile(r"^(?P<head>ben|bou|bel)(?P<rest>[a-z]{3,})$")  # Benali بنعلي, Boumediene بومدين
_ABU = re.compile(r"^ab(?:ou|u)(?P<rest>[^aeiou][a-z]{2,})$")
ABU_NAMES = {"baker": "بكر", "bakar": "بكر", "bakr": "بكر", "bakir": "بكر"}
#: Figures' family names that are also everyday names (Fatima Bashir فاطمة بشير, Burhan Ghalioun): the
#: article only for the figure himself (Omar Bashir عمر البشير); any other figure's family keeps it
#: (Abdel-Wahab Sinwar عبد الوهاب السنوار)
SHARED_SURNAMES = frozenset(["bashir", "burhan", "assad"])
_REGNAL = re.compile(r"[IVX]+")  # Mohammed VI: an ordinal, never a family name
_TRIBAL_SHAPES = (("C", "a", "C", "a", "C", "C", "eh"), ("C", "a", "C", "ai", "C", "eh"))  # فعاللة, فعايلة


def fold_word(word: str) -> str:
    """One word as the tables key it: no accents, lower case, a straight apostrophe."""
    return unaccented(word).lower().replace("’", "'")


def tribal_shape(low: str) -> str:
    """A family name in the shape of a tribe's broken plural (Qatarneh, Khasawneh, Sabaileh), written
    with the plural's long a (Qataarneh, Sabaaileh); '' for any other word."""
    cut = letter_units(low)
    shape = tuple("C" if u not in ("a", "ai", "eh") else u for u in cut)
    if shape not in _TRIBAL_SHAPES or any(u.endswith(":") for u in cut):
        return ""
    cut[3] = "a" + cut[3]
    return "".join(cut)


def family_piece(
    low: str, sources: list[str], read: Callable[[str, bool], str], spell: Callable[[str], str], *, given: bool
) -> str:
    """A person's word (folded, *low*) in one of this module's shapes, as Arabic ('' for none).

    *read* gives a word's attested spelling, with the article or without ('' when unattested); *spell*
    spells the rest of a joined word. A joined word Arabic text never writes is spelled by the rule,
    as a whole one would be (Abudabbus أبو دبوس, never أبو دبس "molasses")."""
    long = tribal_shape(low) if not given else ""
    if long:  # Qatarneh القطارنة: the article and the long a, whether English writes them or not
        found = read(long, True)
        sources.append("attested" if found else "rule")
        return found or "ال" + rule_word(long)
    abu = _ABU.match(low)
    if abu:  # Abuzaid أبو زيد, Aboubaker أبو بكر: Arabic writes the kunya's أبو apart
        rest, whole = abu.group("rest"), read(low, False)
        if whole.startswith("أبو") and len(whole) > 4 and rest not in KNOWN:  # Abudabbus أبو دبوس, read whole
            return "أبو " + whole[3:]
        return "أبو " + (KNOWN.get(rest) or ABU_NAMES.get(rest) or (spell(rest) if whole else rule_word(rest)))
    joined = MAGHREBI.match(low)
    if not joined:
        return ""
    head, rest = joined.group("head"), joined.group("rest")
    countries = COUNTRIES.get()
    if head == "ben" and countries and countries[0] in BEN_APART and not rest.startswith("n"):
        return "بن " + spell(rest)  # Algeria's, Libya's, Tunisia's Bensasi بن ساسي
    if rest in KNOWN and low not in person_words():  # Bourita بوريطة
        sources.append("table")
        return {"ben": "بن", "bou": "بو", "bel": "بل"}[head] + KNOWN[rest].removeprefix("ال")
    return ""


def with_nisba_article(parts: list[str], words: list[str], attested: Callable[[str], bool]) -> list[str]:
    """A person's name with the article its nisba takes in the article's press (:func:`_maghrebi_nisba`):
    Sonia Ghribi سنية الغريبي, Nadia Bakkali نادية البقالي; an Ou- is a و after it (Ouardi الوردي).
    Elsewhere a family name English writes without its article is written without it, whatever a
    table of people's names says (Masrour Barzani مسرور بارزاني, Fatima Bashir فاطمة بشير).
    *attested*: whether Arabic text writes a word (the nisba with its article, for
    :data:`NISBA_ARTICLE_ATTESTED`)."""
    countries = COUNTRIES.get()
    gulf = bool(countries) and countries[0] in NISBA_ARTICLE_ATTESTED
    if gulf and _nisba(parts, words) and attested("ال" + words[-1]):
        return [*words[:-1], "ال" + words[-1]]
    if not _maghrebi_nisba(parts, words):
        return _without_article(parts, words)
    last = words[-1][1:] if words[-1].startswith("أو") and fold_word(parts[-1]).startswith("ou") else words[-1]
    return [*words[:-1], "ال" + last]


def _without_article(parts: list[str], words: list[str]) -> list[str]:
    """A person's name without the article a table gave the family name English writes bare."""
    countries = COUNTRIES.get()
    last, before = fold_word(parts[-1]), fold_word(parts[-2]) if len(parts) > 1 else ""
    if (
        len(parts) < 2
        or len(words) != len(parts)
        or (countries and countries[0] in NISBA_ARTICLE)
        or before in MID_PARTICLES
        or before == "mint"  # Mariem Mint Cheikh مريم منت الشيخ: the daughter of al-Sheikh
        or (last in FIGURES and (last not in SHARED_SURNAMES or bool(figures.spelled(" ".join(parts)))))
        or _REGNAL.fullmatch(parts[-1])
        or not words[-1].startswith("ال")
        or "-" in parts[-1]
        or re.fullmatch(r"[ae]l[a-z]{4,}", last) is not None  # Elmoctar, Alhassan: the article written joined
        or tribal_shape(last)
    ):
        return words
    return [*words[:-1], words[-1].removeprefix("ال")]


def _maghrebi_nisba(parts: list[str], words: list[str]) -> bool:
    """Whether a person's last name, spelled *words*[-1], is a nisba the article's press writes with
    its article: Jlassi الجلاصي in Tunisia; never a name the tables know as it is (Meloni), one after a
    particle (Ould Ghazouani), or one of the Ben-, Bou- family (Boubakri بوبكري)."""
    countries = COUNTRIES.get()
    return bool(countries) and countries[0] in NISBA_ARTICLE and _nisba(parts, words)


def _nisba(parts: list[str], words: list[str]) -> bool:
    """Whether a person's last name, spelled *words*[-1], is a nisba written without its article."""
    if len(parts) < 2 or len(words) < 2:
        return False
    last, before = fold_word(parts[-1]), fold_word(parts[-2])
    return (
        re.fullmatch(r"[a-z]{4,}i", last) is not None
        and not MAGHREBI.match(last)
        and before not in MID_PARTICLES
        and last not in KNOWN
        and last not in FIGURES
        and words[-1].endswith("ي")
        and not words[-1].startswith("ال")
    )
