"""Arabic spellings that Arabic text attests: a search over the readings of a romanised name.

The readings of each group of Latin letters and their costs are :mod:`bilingual.discovery.letters`'.
The search walks them letter group by letter group and keeps only the Arabic prefixes that some
word of Arabic text begins with (wordfreq's Arabic word list), so it visits a few hundred states
instead of millions of readings; a place may carry an article its English name dropped (Kufra
الكفرة). The spelling chosen is the attested word whose frequency, less its cost, is highest; a
word no Arabic text holds gets the rule's spelling (:mod:`bilingual.discovery.romanize`).

Without wordfreq (the ``suggest`` extra) every word gets the rule's spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

from bilingual.discovery.described import translated
from bilingual.discovery.families import family_piece, fold_word, with_nisba_article
from bilingual.discovery.gazetteer import places, press_form
from bilingual.discovery.letters import readings_at
from bilingual.discovery.letters import units as letter_units
from bilingual.discovery.lexicon import (
    COMPASS,
    FEATURES_AFTER,
    FEATURES_BEFORE,
    FIGURES,
    REGION_NOUNS,
    fold,
    person_words,
)
from bilingual.discovery.localities import locality
from bilingual.discovery.region import COUNTRIES, CURRENT
from bilingual.discovery.romanize import GIVEN_BY_COUNTRY, HOUSES, KNOWN, rule_word

ARTICLE_COST = 0.1  # a place's article its English name dropped (Kufra الكفرة, Tharthar الثرثار; 0.2 before round five)
BUDGET = 3.5  # the most a reading may cost
MIN_ZIPF = 1.5  # attested: at least about three times in a hundred million words of Arabic text
WEIGHT = 0.5  # what one zipf step of frequency is worth against the readings' costs
# Frequency counts up to this zipf only: past it a reading is an everyday Arabic word (التابع for
# Attaba), and being everyday is no evidence that a name is written so.
WORD_CAP = 4.0
# The article assimilated in Maghrebi and Levantine romanisations: Ezzit الزيت, Essaouira الصويرة, Ennahda النهضة
_SUN_ARTICLE = re.compile(r"^[ae](?P<rest>(?P<c>sh|th|dh|[tdsznrl])(?P=c).{2,})$")


@cache
def vocabulary() -> tuple[list[str], dict[str, float]]:
    """Arabic words of running text, sorted (for prefix look-ups), and their zipf frequencies."""
    from bilingual.names import cache as disk

    table = disk.lexicon("arabic-words", *arabic_words_key(), _arabic_words, shipped=SHIPPED)
    return sorted(table), table


#: The table built when the package was made (``python tools/build_lexicons.py``)
SHIPPED = Path(__file__).resolve().parent / "data" / "arabic-words.built.json.gz"


def arabic_words_key() -> tuple[str, tuple[str, ...]]:
    return str(MIN_ZIPF), ("wordfreq",)


def _arabic_words() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return {}
    from math import log10

    arabic = re.compile("[\u0621-\u064a]+")
    return {
        w: log10(f) + 9
        for w, f in get_frequency_dict("ar", wordlist="large").items()
        if f >= 10 ** (MIN_ZIPF - 9) and arabic.fullmatch(w)
    }


def _has_prefix(words: list[str], prefix: str) -> bool:
    i = bisect_left(words, prefix)
    return i < len(words) and words[i].startswith(prefix)


def readings(word: str, *, start: str = "", start_cost: float = 0.0, place: bool = False) -> list[tuple[str, float]]:
    """Attested Arabic words that read as the romanised *word*, with their costs, cheapest first.

    *start* is an Arabic beginning the reading must have (an article, say) at *start_cost*.
    """
    words, _table = vocabulary()
    units = letter_units(word.lower().replace("’", "'"))
    if not words or not units:
        return []
    best: dict[tuple[int, str], float] = {}
    found: dict[str, float] = {}
    stack = [(0, start, start_cost)]
    while stack:
        i, prefix, cost = stack.pop()
        if i == len(units):
            if prefix in _table and cost < found.get(prefix, BUDGET + 1):
                found[prefix] = cost
            continue
        for arabic, extra in readings_at(units, i, place, after_article=start == "ال" and not start_cost):
            nxt, total = prefix + arabic, cost + extra
            if total > BUDGET or total >= best.get((i + 1, nxt), BUDGET + 1):
                continue
            if arabic and not _has_prefix(words, nxt):
                continue
            best[(i + 1, nxt)] = total
            stack.append((i + 1, nxt, total))
    return sorted(found.items(), key=lambda item: item[1])


def _attested(word: str) -> bool:
    return vocabulary()[1].get(word, 0.0) >= MIN_ZIPF


def _split_article(low: str, rest: str) -> bool:
    """Whether a word that opens with el-/al- written joined is read as the article and a name: when
    Arabic text does not write the whole word (Alhassane الحسن is read whole) and the rest is a name."""
    return not best_reading(low) and (rest in person_words() or bool(_reading(rest, True)))


def _reading(word: str, article: bool) -> str:
    return best_reading(word, article=article)


def best_reading(word: str, *, place: bool = False, article: bool = False) -> str:
    """The attested spelling of one romanised word ("" when Arabic text attests none).

    *article*: the English form had one (Al-/El-); *place*: a place may carry one it dropped.
    """
    _words, table = vocabulary()
    if article:
        options = readings(word, start="ال", place=place)
    else:
        options = readings(word, place=place)
        sun = _SUN_ARTICLE.match(word.lower())
        if sun:
            options += readings(sun.group("rest"), start="ال", start_cost=0.3, place=place)
        if place:
            options += readings(word, start="ال", start_cost=ARTICLE_COST, place=True)
    options = [o for o in options if o[0].removeprefix("ال") not in OBSCENE]  # Kass كاس, never كس
    if not options:
        return ""
    names = name_words()  # a reading that spells names elsewhere is worth a little more
    return max(options, key=lambda o: (WEIGHT * min(table[o[0]], WORD_CAP) - o[1] + NAME_BONUS * (o[0] in names),
                                       -o[1], o[0]))[0]  # fmt: skip


#: Words no name is ever spelled as, whatever Arabic text's frequencies say: obscenities a reading by
#: ear can reach (Kass, a Darfur town, read as كس)
OBSCENE = frozenset(["كس", "طيز", "زب", "زبي", "نيك", "منيوك", "شرموطة", "قحبة", "عرص", "خرا", "خراء", "متناك"])

#: What a reading is worth more when it is a word of a name in the place or person tables (مرباط, not مربط)
NAME_BONUS = 0.6


@cache
def name_words() -> frozenset[str]:
    """The Arabic words that spell names: of the places table's names and of people's names."""
    out: set[str] = set()
    for arabic in places().values():
        out.update(arabic.split())
    for arabic, _n in person_words().values():
        out.update(arabic.split())
    return frozenset(out)


ORDINALS = {
    "i": "الأول",
    "ii": "الثاني",
    "iii": "الثالث",
    "iv": "الرابع",
    "v": "الخامس",
    "vi": "السادس",
    "vii": "السابع",
    "viii": "الثامن",
    "ix": "التاسع",
    "x": "العاشر",
}
_CONSTRUCT = re.compile(r"^[A-Za-z]{2,}[^aeiouAEIOU][ea]t$")  # Ezbet, Jdeidet, Madinat: ة written t before a complement
_ABD_SUN = re.compile(r"^abd[eau](?=(sh|th|dh|[tdsrznl])\1.{2,})")
_COMPOUND_ENDS = (
    (("eddine", "eddin", "uddin", "eldin", "ud-din", "ed-din", "ulddin", "uldin", "iddin"), "الدين"),
    (("allah", "ullah", "illah"), "الله"),
)


def spell(name: str, kind: str) -> tuple[str, str]:
    """Arabic for a person's or a place's name, word by word, and where it comes from: ``table``
    (every word a known name), ``attested`` (some word read from Arabic text), ``rule`` (none).

    A word is looked up in the names table, else read as Arabic text attests it, else spelled by
    the rule. Al-/El- is the article, Abdel-/Abdul- عبد ال…, -eddine الدين, -allah الله, a
    regnal number after a name an ordinal (Mohammed VI محمد السادس).
    """

    parts = name.split()
    if kind == "place" and len(parts) > 1:
        shaped = _place_shape(parts)
        if shaped is not None:
            return shaped
    sources: list[str] = []
    words: list[str] = []
    for n, part in enumerate(parts):
        if n and part.lower() in ORDINALS and part.isupper():
            words.append(ORDINALS[part.lower()])
            sources.append("table")
            continue
        if re.fullmatch(r"[A-Z]\.", part):  # an initial: its letter, as the press writes A. K. Mansour
            words.append(INITIALS.get(part[0].lower(), part[0]) + ".")
            sources.append("table")
            continue
        if part.lower() in ("el", "al") and n + 1 < len(parts):
            continue  # "Borg El Arab": the article goes on the next word
        if n and parts[n - 1].lower() in ("el", "al") and "-" not in part:
            words.append(_piece(part, sources, article=True, place=kind == "place"))  # برج العرب
            continue
        if n and fold_word(part) in ("zahra", "zohra", "ezzahra") and fold_word(parts[n - 1]) in ("fatima", "fatma"):
            words.append("الزهراء")  # Fatima Zahra فاطمة الزهراء: one compound given name
            sources.append("table")
            continue
        if n and fold_word(parts[n - 1]) in ("abdel", "abdul", "abd") and "-" not in part:
            words.append(ABD_NAMES.get(fold_word(part)) or _piece(part, sources, article=True))  # عبد الفتاح
            continue
        construct = kind == "place" and n + 1 < len(parts) and bool(_CONSTRUCT.match(part))
        if construct:  # Ezbet El-Borg عزبة البرج: a feminine noun before its complement ends in -et,
            part = part[:-2] + "a"  # and never takes the article (Amiriyat Al-Fallujah عامرية الفلوجة)
        pieces = [p for p in part.split("-") if p]
        head = fold_word(pieces[0])
        if len(pieces) > 1 and head in ("al", "el") and n and fold_word("".join(pieces[1:])) in HOUSES:
            words.append(HOUSES[fold_word("".join(pieces[1:]))])
            sources.append("table")
        elif len(pieces) > 1 and head in ("al", "el"):
            kunya = n and fold_word(parts[n - 1]) in ("abu", "abou", "bin", "ibn", "bint")  # Abu El-Ela: a man's
            words.append(_piece("".join(pieces[1:]), sources, article=True, place=kind == "place" and not kunya))
        elif len(pieces) > 1 and head in ("abdel", "abdul", "abd"):
            rest = fold_word("".join(pieces[1:]))
            words.append("عبد " + (ABD_NAMES.get(rest) or _piece(rest, sources, article=True)))
        elif len(pieces) > 1 and head in ("aboul", "abul", "abou"):  # Aboul-Gheit أبو الغيط
            words.append("أبو " + _piece("".join(pieces[1:]), sources, article=head != "abou"))
        else:
            given = n == 0 and len(parts) > 1 and kind == "person"
            words.extend(_piece(p, sources, place=kind == "place" and not construct, given=given) for p in pieces)
    words = with_nisba_article(parts, words, _attested) if kind == "person" else words
    source = next((s for s in ("attested", "learned", "rule", "named") if s in sources), "table")
    return " ".join(w for w in words if w), source


def _place_shape(parts: list[str]) -> tuple[str, str] | None:
    """A place named by its shape: "Gulf of Sollum" (as "Sollum Gulf") خليج السلوم, "New Alamein"
    العلمين الجديدة, a port on the Mediterranean named so ("Tanger Med" طنجة المتوسط), a kind of place
    and a name (Kit Kat Square ميدان كيت كات); None for a plain name."""
    if len(parts) == 2 and fold_word(parts[0]) in COMPASS and fold_word(parts[1]) in REGION_NOUNS:
        return REGION_NOUNS[fold_word(parts[1])] + " " + COMPASS[fold_word(parts[0])], "table"  # الولاية الشمالية
    if len(parts) > 2 and parts[1].lower() == "of" and fold_word(parts[0]) in FEATURES_AFTER:
        parts = [*parts[2:], parts[0]]
    if len(parts) > 1 and parts[-1] == "Med":  # a port complex: Tanger Med طنجة المتوسط, Nador West Med
        compass = FEATURES_BEFORE.get(fold_word(parts[-2]), "") if len(parts) > 2 else ""
        arabic, source = _named_place(" ".join(parts[: -2 if compass else -1]))
        return " ".join(w for w in (arabic, compass, "المتوسط") if w), source
    if parts[0].lower() == "new":
        arabic, source = _named_place(" ".join(parts[1:]))  # New Alamein العلمين الجديدة
        return arabic + " الجديدة", source
    described = translated(parts, _named_place)
    if described:  # the Old City المدينة القديمة: the press translates a colour, a size, an age, never spells it
        return described
    first, last = fold_word(parts[0]), fold_word(parts[-1])
    if last not in FEATURES_AFTER and first not in FEATURES_BEFORE:
        return None
    feature, rest = (
        (_feature(last), " ".join(parts[:-1]))
        if last in FEATURES_AFTER
        else (FEATURES_BEFORE[first], " ".join(parts[1:]))
    )
    arabic, source = _named_place(rest, town=last not in NATURAL and first not in NATURAL)
    if source == "attested" and last in FEATURES_AFTER and " " not in arabic:
        arabic = _defined(arabic)  # Wehda Dam سد الوحدة, Tahrir Square ميدان التحرير
    return feature + " " + arabic, source


#: A square is a ميدان in Egypt's press (Tahrir Square ميدان التحرير) and a ساحة elsewhere (ساحة الشهداء)
#: Kinds of place each region's press names its own way ("" for the rest): a square is a ميدان in Egypt
#: and a ساحة elsewhere; a barrage is قناطر in Egypt (the Esna Barrage) and a سدة in Iraq (the Kut Barrage)
REGIONAL_FEATURES = {"square": {"egypt": "ميدان", "": "ساحة"}, "barrage": {"egypt": "قناطر", "": "سدة"}}


def _feature(word: str) -> str:
    regional = REGIONAL_FEATURES.get(word)
    return regional.get(CURRENT.get(), regional[""]) if regional else FEATURES_AFTER[word]


#: Kinds of place named for themselves, not for a town: the Hajar Mountains are no village called Hajar
NATURAL = frozenset(["mountain", "mountains", "mount", "valley", "river", "lake", "sea", "desert", "plain", "plateau",
                     "gulf", "bay", "strait", "peninsula", "coast", "cape", "cap", "island", "islands", "oasis"])  # fmt: skip


def place_described(parts: list[str]) -> tuple[str, str] | None:
    """A place named as a kind of place and describing words, translated (:mod:`described`), and
    where its Arabic comes from; None when it is not so named."""
    return translated(parts, _named_place)


def _named_place(rest: str, *, town: bool = True) -> tuple[str, str]:
    """The Arabic of the name inside a place's shape: a table's place, a town of the article's
    countries (not for a mountain, a lake or a sea: *town* False), else spelled."""
    known = places().get(fold(rest)) or (locality(fold(rest), COUNTRIES.get()) if town else "")
    return (known, "table") if known else spell(rest, "place")


def _defined(word: str) -> str:
    """An everyday Arabic word that names a thing after a kind of place, with the article Arabic gives
    it there (سد الوحدة "the Unity Dam"), when Arabic text writes it so often; a rare word (a name) as it is."""
    _words, table = vocabulary()
    if word.startswith("ال") or table.get(word, 0) < WORD_CAP or table.get("ال" + word, 0) < MIN_ZIPF + 1:
        return word
    return "ال" + word


INITIALS = {"a": "أ", "b": "ب", "c": "س", "d": "د", "e": "إ", "f": "ف", "g": "ج", "h": "ه", "i": "إ", "j": "ج",
            "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "أو", "p": "ب", "q": "ق", "r": "ر", "s": "س", "t": "ت",
            "u": "يو", "v": "ف", "w": "و", "x": "إكس", "y": "ي", "z": "ز"}  # fmt: skip
#: God's names after Abd that are not the given name of that spelling: Abdulmalik عبد الملك, not المالك
_JOINED_ARTICLE = re.compile(r"^[ae]l(?P<rest>[a-z]{4,})$")  # the article written joined: Elmoctar, Elgamudi
ABD_NAMES = {"malik": "الملك", "malek": "الملك"}
ABBREVIATIONS = {"st": "سانت", "mt": "جبل", "ft": "فورت"}  # St. Catherine سانت كاترين


def _piece(word: str, sources: list[str], *, article: bool = False, place: bool = False, given: bool = False) -> str:
    """One word of a name as Arabic; *given*: it leads a longer name (a given name, never a figure's
    surname: Burhan Ghalioun is برهان غليون, not البرهان)."""
    low = fold_word(word)
    if word.endswith(".") and low.rstrip(".") in ABBREVIATIONS:
        sources.append("table")
        return ABBREVIATIONS[low.rstrip(".")]
    country = GIVEN_BY_COUNTRY.get(COUNTRIES.get()[0], {}) if given and COUNTRIES.get() else {}
    if low in country:
        sources.append("table")
        return country[low]  # Sonia سنية in Tunisia's press, Salim سالم in Oman's
    figure = FIGURES.get(low) if not (given and FIGURES.get(low, "").startswith("ال")) else None
    known = KNOWN.get(low) or figure  # a name part, or a figure the press names daily
    if known:
        sources.append("table")
        return "ال" + known.removeprefix("ال") if article else known
    for prefix in ("abdel", "abdul"):
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            rest = low[len(prefix) :]
            return "عبد " + (ABD_NAMES.get(rest) or _piece(rest, sources, article=True))
    family = "" if place else family_piece(low, sources, _reading, lambda w: _piece(w, sources), given=given)
    if family:  # Qatarneh القطارنة, Abuzaid أبو زيد, Bensasi بن ساسي in Algeria's press
        return family
    joined = _JOINED_ARTICLE.match(low) if not place and low not in person_words() else None
    if joined and (joined["rest"] in KNOWN or _split_article(low, joined["rest"])):
        return _piece(joined["rest"], sources, article=True)  # Elmoctar المختار, Elfitouri الفيتوري
    assimilated = _ABD_SUN.match(low)  # Abdessalam, Abderrahmane, Abdennour: عبد ال…
    if assimilated:  # the article's l is the doubled letter: Abd-es-salam, the rest is "salam"
        return "عبد " + _piece(low[assimilated.end() + len(assimilated.group(1)) :], sources, article=True)
    for ends, arabic in _COMPOUND_ENDS:
        for end in ends:
            if low.endswith(end) and len(low) - len(end) >= 3:
                return _piece(low[: -len(end)], sources, article=article) + " " + arabic
    named = person_words().get(low) if not place else None  # Bal'a is no Bala بالاي
    if named is not None:  # the table keeps only words whose Arabic sounds like them
        sources.append("named")  # as people of that name are written in Arabic (Wikidata)
        table = vocabulary()[1]  # Hamzeh حمزة: the press's ة, not the pair's ه
        spelled = press_form(named[0], article=False, frequency=lambda w: table.get(w, 0.0))
        return "ال" + spelled.removeprefix("ال") if article else spelled
    bare = low.rstrip(".").strip("'")  # an apostrophe inside stays: it may be an ع (Bal'a بلعا)
    found = best_reading(bare, place=place, article=article)
    learned = _learned(bare, found, article=article)
    if learned:
        sources.append("learned")
        return learned
    if found:
        sources.append("attested")
        return found
    sources.append("rule")
    ruled = rule_word(low)
    return "ال" + ruled.removeprefix("ال") if article else ruled


#: How the learned speller is used (``bench/speller.py`` compares them): "off"; "fallback" (for a word
#: Arabic text does not attest, instead of the rule); "attested" (also over the word list's reading
#: when Arabic text attests the model's own).
LEARNED = "off"


def _learned(word: str, found: str, *, article: bool) -> str:
    """The learned speller's spelling of one word, where the mode in use takes it ("" otherwise)."""
    if LEARNED == "off":
        return ""
    from bilingual.discovery import speller

    best = next(iter(speller.candidates(word)), None)
    if best is None:
        return ""
    spelled = "ال" + best[0].removeprefix("ال") if article else best[0]
    if not found:
        return spelled
    _words, table = vocabulary()
    attested = max(table.get(spelled, 0), table.get(best[0], 0)) >= MIN_ZIPF
    return spelled if LEARNED == "attested" and attested and spelled != found else ""
