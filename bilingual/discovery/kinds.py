"""What kind of name a candidate is — a person, a place or an organisation — and whether it is made
of everyday English words (then it is translated, not spelled). Read from the words themselves
(an organisation's head word, a kind of place, Al-, a given name), the place tables, and the
article around it (after "in", "near", "between" …; before "oil field", "camp" …)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from bilingual.discovery import attested, gazetteer, lexicon, spelling
from bilingual.discovery.romanize import KNOWN, PLACE_PARTS

ACRONYM = re.compile(r"^(?:[A-Z]{2,7}|(?:[A-Z]\.){2,4})$")
INITIAL = re.compile(r"^[A-Z]\.$")
# One word with a capital inside, as a company writes its brand (TotalEnergies, QatarEnergy, ArcelorMittal);
# never a name's own prefix (McDonald, MacArthur, DeSantis, LeBlanc, AbdelAziz, BenAli, O'Neill).
BRAND = re.compile(
    r"^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Al|El|Abd|Abdel|Abdul|Abu|Ben|Bin|Bou|Van|Von)[A-Z])[A-Z][a-z]+[A-Z][a-z]+\w*$"
)
ENGLISH_WORD = 4.0  # zipf: a word this common in English is translated, never spelled out as a name


def kind_of(words: list[str], before: str) -> str:
    low = [w.lower() for w in words]
    folded = " ".join(lexicon.fold(" ".join(words)).replace(".", " ").split())  # U.A.E. as UAE
    acronym = len(words) == 1 and bool(ACRONYM.match(words[0].split("-")[0]))  # SPLM-North: a body
    in_places = (
        folded in gazetteer.PRESS_NAMES
        or folded in attested.PLACES
        or (  # the West Bank is no bank
            folded in gazetteer.places() and not any(lexicon.org_word(w) for w in low)
        )
    )
    if in_places and (not acronym or folded in gazetteer.ACRONYM_PLACES):
        return "place"  # UAE too, though written like an acronym; GNA is no town
    if (
        acronym
        or any(lexicon.org_word(w) for w in low)
        or (len(words) == 1 and BRAND.match(words[0]))
        or (len(words) > 1 and ACRONYM.match(words[0]) and all(lexicon.common_word(w) for w in words[1:]))
    ):
        return "org"  # … and a company named by letters and everyday words: ACWA Power, DP World
    if (
        len(words) > 1
        and (
            low[-1] in lexicon.FEATURES_AFTER
            or words[-1] == "Med"  # a port on the Mediterranean: Tanger Med, Nador West Med
            or low[0] in lexicon.FEATURES_BEFORE
            or low[0] in ("st.", "mt.", "ft.")
            or (low[0].split("-")[0] in PLACE_PARTS and low[0] not in KIN)  # Deir Alla, Bab Jebli, Ain Sokhna
            or (len(low) > 2 and low[1] == "of" and low[0] in OF_FEATURES)  # Strait of Hormuz
            or (low[0] == "new" and lexicon.fold(" ".join(words[1:])) in gazetteer.places())  # New Damietta
        )
    ):
        return "place"
    if len(words) > 1 or low[0].split("-")[0] in lexicon.PARTICLES or low[0] in KNOWN or low[-1] in lexicon.FIGURES:
        return "person"
    if re.search(r"\b(?:in|from|to|near|at|around|via|toward|towards)\s*$", before):
        return "place"
    return "person"


# The words before a place (in any case), then up to three other names before it in a list, each
# capitalised ("in Bint Jbeil and Khiam"; never "in Baghdad has raised the issue …, Aoun Diab").
LOCATIVE = (
    r"(?:(?i:\b(?:in|near|outside|around|across|into|from|at|through|via|towards?|between|above|below|beyond|"
    r"reach(?:ed|es|ing)?|"  # "convoys reached Kadugli and Dilling"
    r"along|off|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"  # "the plateau above Beni Isguen"
    r"(?:ruins|tombs|streets|fields|hills|plains|shores?|banks|slopes|sands|coast|heart|centre|center)\s+of|"
    r"(?:city|town|village|port|resort|island|oasis|residents|governor|mayor|outskirts|edge|districts?|"
    r"neighbou?rhoods?|suburbs?|quarters?|provinces?|governorates?|regions?)\s+of|"  # town of Ur
    r"(?:cities|towns|villages|places|ports|resorts)\s+(?:such\s+as|like)|"
    r"(?:road|roads|route|highway|flights?|journeys?|trips?|returns?|returned|returning|travel(?:led|s)?|"
    r"moved|fled|flew|flown|flies|went|headed|sailed|drove|(?:troops|forces|soldiers|reinforcements|convoys?))"
    r"(?:\s+on|\s+back)?\s+to))|"  # "deployed troops to Kfar Kila, Odaisseh and Houla"  # "the roads to Taqah and Mirbat", "return to Chinguetti and Ouadane"
    r"\b[Ff]rom\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+to)\s+(?:[Tt]he\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|ed|en|es|et|ez)-|(?:bin|ibn|bint|abu|ould|ag|de)\s+)?"
    r"[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+)){0,3}"  # "in Deir al-Ghusun and Bal'a": a name's particle in lower case
)
# Words after a name that say it is a place: "the Rumaila oil field", "Zamzam camp", "the Musandam peninsula".
PLACE_AFTER = (r"\s+(?:oil\s+field|field|camp|peninsula|district|crossing|border\s+crossing|river|valley|"
                r"province|region|area|town|city|village|oasis|mountains|port|airport|refinery|dam|basin|plain|"
                r"governorate|neighbourhood|neighborhood|quarter|suburb|island|coast|marsh|marshes|wetlands?|"
                r"refugee\s+camp|displacement\s+camp|reservoir|desert|lake|resort|plateau|synagogue|mosque|"
                r"church|temple|shrine|fort|monastery|(?:pumping\s+|power\s+|railway\s+)?station|bridge|checkpoint|"
                r"terminal|junction|depression|springs?|wells?|dunes|canal|gate|air\s?base|base|mine|gas\s+field|"
                r"waterfalls?|falls|cascades?|caves?|gorge|beach)\b")  # fmt: skip
OF_FEATURES = frozenset(["strait", "gulf", "bay", "sea", "cape", "isle", "island", "lake", "mount", "port"])
ROYAL = frozenset(["king", "prince", "queen", "sheikh", "emir", "sultan"])
GIVEN = 5  # people in Wikidata's bilingual names with this word: a given name, leading a person's name
KIN = frozenset(["umm", "um", "beni", "bani", "sidi", "ait"])  # Umm Yasser, Sidi Mohamed: people as often as places


# How far before a name the words before a place may start ("in Bint Jbeil, Khiam and Marjayoun"):
# each name is found first, then only this much text before it is read, so a long article costs its
# names times this window, never its names times its length.
WINDOW = 400


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    leading = "|".join(k.capitalize() for k in lexicon.FEATURES_BEFORE if k not in lexicon.COMPASS)
    ending = "|".join(k.capitalize() for k in lexicon.FEATURES_AFTER)
    return (re.compile("(?:" + LOCATIVE + r")\Z"), re.compile(PLACE_AFTER),
            re.compile(rf"\b(?:{leading})\s+\Z"), re.compile(rf"\s+(?:{ending})\b"))  # fmt: skip


class _At(NamedTuple):
    start: int
    end: int


def _written(word: str, text: str, end: str = r"\b") -> list[_At]:
    """Where *text* writes *word* from a word's start on, followed by *end* (found through the
    article's index of words, not by reading the article again for each name)."""
    head = re.match(r"\w+", word)
    if head is None:
        return [_At(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(word) + end, text)]
    after = re.compile(end)  # the re module keeps what it compiled
    return [
        _At(start, start + len(word))
        for start in _words_at(text).get(head.group(), ())
        if text.startswith(word, start) and after.match(text, start + len(word))
    ]


@lru_cache(maxsize=4)
def _words_at(text: str) -> dict[str, list[int]]:
    """Each word of *text* → where it starts (one pass over the article, kept for its names)."""
    index: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        index.setdefault(m.group(), []).append(m.start())
    return index


def after_place_word(name: str, text: str) -> bool:
    """Whether the article writes *name* after "in", "near", "the town of", "from X to" … somewhere
    (those words in any case, the name as written)."""
    before = _compiled()[0]
    return any(before.search(text, max(0, m.start - WINDOW), m.start) for m in _written(name, text, r"\b(?![’'-])"))


def _before_a_place_word(word: str, text: str) -> bool:
    """ "the Khabur river", "Zamzam camp": a kind of place after the name."""
    after = _compiled()[1]
    return any(after.match(text, m.end) for m in _written(word, text, ""))


def a_place_here(word: str, text: str, surnames: set[str], words: int = 1) -> bool:
    """Whether a one-word name that no table knows is a place in this article: not the last name of
    someone named in full here, and found after "in", "near", "outside" … somewhere in the article, or
    written with the article (Al-Nashima) or a place word (Oued, Hassi, Jebel …)."""
    if re.match(r"\s*" + re.escape(word.upper()) + r"\s*[—–-]", text) or _before_a_place_word(word, text):
        return True  # the dateline (BEN GUERDANE — …), or a place word after it (the Khabur river)
    if word in surnames:
        return False
    if words == 1 and _in_a_place_name(word, text):
        return True  # "the shore of Qarun" where the article also writes Lake Qarun
    head = lexicon.fold(word).split()[0]
    after_locative = after_place_word(word, text)
    if words > 1:  # "Bint Jbeil", "Al Mahrah": a place when the article puts it after "in", and no
        # given name or other name particle leads it
        if head in lexicon.TITLES:  # Sheikh Zuweid after "residents of": a place; Sheikh Tamim: a man
            return after_locative and not given_name(word.split()[1])
        if head in ("abu", "abou"):  # Abu Arish after "in": a town; Abu Khaled, a father named for his son: a man
            return after_locative and not given_name(word.split()[1])
        particle = head in lexicon.PARTICLES and head not in ("al", "el")
        given = (  # Ricardo Pires (but Rod El-Farag: a place's name joined by the article)
            lexicon.person_words().get(head, ("", 0))[1] >= GIVEN
            and head not in PLACE_PARTS
            and head not in KIN
            and not re.match(r"(?i)[ae]l-", word.split()[1])
        )
        named = head in KNOWN and head not in PLACE_PARTS and head not in KIN  # a given name leads it
        lineage = any(w in lexicon.LINEAGE for w in word.split()[1:-1])  # Mabkhout bin Madi: someone's son
        return (
            after_locative and not named and not particle and not given and not lineage
        )  # Ait Baha after "in": a place
    if (head in PLACE_PARTS and head not in KIN) or after_locative:
        return True
    return head in ("al", "el") and not re.search(re.escape(word) + r"\s+(?:said|says|told|added)\b", text)


def _in_a_place_name(word: str, text: str) -> bool:
    """Whether the article writes *word* inside a place's name somewhere: after a kind of place that
    leads one (Lake Qarun, Mount Hermon) or before one that ends one (the Merowe Dam)."""
    _locative, _after, leading, ending = _compiled()
    return any(leading.search(text, max(0, m.start - 40), m.start) or ending.match(text, m.end)
               for m in _written(word, text))  # fmt: skip


def english_words(words: list[str]) -> bool:
    """Whether the name holds an everyday English word that is no name part ("Great Sand Sea",
    "New Administrative Capital"): such a name is translated, never spelled out letter by letter."""
    if len(words) < 2 or lexicon.fold(" ".join(words)) in gazetteer.places():
        return False
    if len(words) == 2 and lexicon.fold(words[0]) in lexicon.COMPASS and lexicon.fold(words[1]) in lexicon.REGION_NOUNS:
        return False  # Northern State: the region's name, الولاية الشمالية  # one word: a name as frequent as Geneva is still a name (the word rules came first)
    for n, word in enumerate(words):
        low = lexicon.fold(word.rstrip("."))
        if (
            len(low) <= 2  # Mamadou Ba, Hoang Le: a short word is a name's, not the English "ba"
            or (n == 0 and low == "new")  # New Alamein العلمين الجديدة: the rest decides
            or low.split()[0] in ("al", "el")  # Ras El-Bar, Hay Al-Arab: an Arabic word with its article
            or (n and lexicon.fold(words[n - 1]) in ("al", "el"))
            or INITIAL.match(word)
            or (word.isupper() and low in spelling.ORDINALS)
            or low in lexicon.PARTICLES
            or low in lexicon.CONNECTORS
            or low in spelling.ABBREVIATIONS
            or low in KNOWN
            or low in lexicon.FIGURES
            or low in lexicon.FEATURES_AFTER
            or low in lexicon.FEATURES_BEFORE
            or low in gazetteer.places()
            or lexicon.person_words().get(low, ("", 0))[1] >= 5
        ):
            continue
        if lexicon.common_word(low, ENGLISH_WORD):
            return True
    return False


def possessive_in_name(word: str) -> bool:
    """Whether a possessive *word* belongs inside a name ("Workers'", "People's"): an everyday noun,
    not a place or a people (Egypt's, Libya's Foreign Minister: whose, not what)."""
    return (
        not word.isupper()  # UNESCO's World Heritage List: whose
        and lexicon.common_word(word)
        and not gazetteer.is_demonym(word)
        and lexicon.fold(word) not in gazetteer.places()
    )


def two_names(name: list[str]) -> list[list[str]]:
    """*name* split where two names meet: at "and" where both sides are names of their own ("Qatar
    National Bank and Arab Bank"), at "in" before a place and at "of" before a person after a body
    ("the Government of National Unity in Tripoli", "the Libyan National Army of Khalifa Haftar");
    "Ministry of Trade and Industry", "University of Ghardaia" and "Front for Change and Concord" stay one."""
    heads = lexicon.ORG_HEADS
    for i, word in enumerate(name):
        if not 0 < i < len(name) - 1:
            continue
        before, after = name[:i], name[i + 1 :]
        body = len(before) >= 2 and any(w.lower() in heads for w in before)
        if word.lower() == "and" and before[-1].lower() in heads and after[-1].lower() in heads and len(after) >= 2:
            return [before, *two_names(after)]
        where = lexicon.fold(
            " ".join(after)
        )  # a town sites a body; a country may name it (UN Support Mission in Libya)
        if word.lower() == "in" and body and where in gazetteer.places() and where not in gazetteer.countries():
            return [before, after]
        person = (
            2 <= len(after) <= 4 and given_name(after[0]) and not any(w.lower() in lexicon.CONNECTORS for w in after)
        )
        if word.lower() == "of" and body and person:
            return [before, after]
    return [name]


def given_name(word: str) -> bool:
    """Whether *word* is a given name people bear (Khalifa, Ricardo), not a place's or a body's word."""
    low = lexicon.fold(word)
    return (low in KNOWN or lexicon.person_words().get(low, ("", 0))[1] >= GIVEN) and low not in PLACE_PARTS


def known_organisations(sentence: str) -> list[str]:
    """The organisations of the press's table that *sentence* names, as written there, whole: a
    name with lower-case words inside ("Save the Children", "Doctors Without Borders", "Food and
    Agriculture Organization") is never cut into runs at them."""
    matches = (m.group(0) for m in _known_pattern().finditer(sentence))
    return [name for name in matches if all(w[0].isupper() for w in re.split(r"[ -]+", name) if len(w) > 3)]


@cache
def _known_pattern() -> re.Pattern[str]:
    names = sorted((k for k in lexicon.ORGANISATIONS if " " in k), key=len, reverse=True)
    words = ("[ -]+".join(re.escape(w) for w in name.split()) for name in names)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
