"""The article's region, and the letters a name spelled by ear takes there.

The Arabic press does not write a Latin G alike everywhere. Egypt's press writes it ج (its own ج is
said g: جوتيريش, جروندبرج); the press of the Levant, Iraq, the Gulf, Yemen, the Maghreb and the
Sahel writes a foreign G غ (غوتيريش, غروندبرغ, غاو, أغاديز) and a local Maghrebi or Libyan G often ق
(بن قردان); Sudan's press writes a local G ج or ق (الجنينة, القضارف). The table below sets what each
reading costs in the spelling search (:mod:`bilingual.discovery.letters`); an attested word of
Arabic text still wins over a cheaper unattested one. See ``docs/name-discovery.md`` ("Regional spelling")
for the sources.

The region is told by the article: its dateline, and the countries and capitals it names (a count
per region; Egypt only when it leads). A newsroom that writes one house style everywhere says so
with ``glossary suggest --region``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from contextvars import ContextVar

REGIONS = ("egypt", "sudan", "levant", "gulf", "maghreb", "sahel")
#: The region the spelling search reads (set for one article by :func:`spelling_for`).
CURRENT: ContextVar[str] = ContextVar("bilingual_region", default="egypt")

#: What a Latin g reads as, and at what cost, in each region's press.
G_READINGS: dict[str, tuple[tuple[str, float], ...]] = {
    "egypt": (("ج", 0), ("غ", 0.5), ("ق", 0.6)),
    "sudan": (("ج", 0), ("ق", 0.3), ("غ", 0.5)),
    "levant": (("غ", 0), ("ج", 0.4), ("ق", 0.5)),
    "gulf": (("غ", 0), ("ج", 0.4), ("ق", 0.5)),
    "maghreb": (("غ", 0), ("ق", 0.2), ("ج", 0.5), ("ك", 0.7)),
    "sahel": (("غ", 0), ("ج", 0.4), ("ق", 0.5)),
}
#: The rule's letter for g where no reading is attested.
G_RULE = {"egypt": "ج", "sudan": "ج", "levant": "غ", "gulf": "غ", "maghreb": "غ", "sahel": "غ"}

# Countries (their peoples, capitals and the cities that open datelines), by ISO code, and the region
# whose press each country's names are spelled for.
_COUNTRIES = {
    "eg": ("egypt", "egyptian", "egyptians", "cairo", "alexandria", "giza", "aswan", "luxor", "suez", "ismailia",
           "port said", "sinai", "mansoura", "tanta", "minya", "asyut", "sohag", "fayoum", "damietta", "hurghada",
           "arish"),
    "sd": ("sudan", "sudanese", "khartoum", "omdurman", "port sudan", "darfur", "kordofan", "el fasher", "kassala",
           "gedaref", "nyala"),
    "ss": ("juba",),
    "sy": ("syria", "syrian", "syrians", "damascus", "aleppo", "homs", "idlib"),
    "lb": ("lebanon", "lebanese", "beirut"),
    "jo": ("jordan", "jordanian", "amman"),
    "iq": ("iraq", "iraqi", "iraqis", "baghdad", "basra", "mosul", "erbil"),
    "ps": ("palestine", "palestinian", "palestinians", "gaza", "west bank", "ramallah", "jerusalem"),
    "il": ("israel", "israeli"),
    "ye": ("yemen", "yemeni", "sanaa", "aden", "hodeidah"),
    "sa": ("saudi", "saudi arabia", "riyadh", "jeddah"),
    "qa": ("qatar", "qatari", "doha"),
    "kw": ("kuwait", "kuwaiti"),
    "bh": ("bahrain", "bahraini", "manama"),
    "om": ("oman", "omani", "muscat"),
    "ae": ("uae", "emirati", "abu dhabi", "dubai"),
    "ly": ("libya", "libyan", "libyans", "tripoli", "benghazi", "misrata"),
    "tn": ("tunisia", "tunisian", "tunis"),
    "dz": ("algeria", "algerian", "algiers"),
    "ma": ("morocco", "moroccan", "rabat", "casablanca"),
    "mr": ("mauritania", "mauritanian", "nouakchott"),
    "ml": ("mali", "malian", "bamako", "gao", "timbuktu"),
    "ne": ("niger", "nigerien", "niamey", "agadez"),
    "td": ("chad", "chadian", "n'djamena"),
    "bf": ("burkina faso", "ouagadougou"),
}  # fmt: skip
REGION_OF_COUNTRY = {
    "eg": "egypt", "sd": "sudan", "ss": "sudan", "sy": "levant", "lb": "levant", "jo": "levant", "iq": "levant",
    "ps": "levant", "il": "levant", "ye": "gulf", "sa": "gulf", "qa": "gulf", "kw": "gulf", "bh": "gulf",
    "om": "gulf", "ae": "gulf", "ly": "maghreb", "tn": "maghreb", "dz": "maghreb", "ma": "maghreb",
    "mr": "maghreb", "ml": "sahel", "ne": "sahel", "td": "sahel", "bf": "sahel",
}  # fmt: skip
#: The countries of the article being read, the most named first (set with :data:`CURRENT`).
COUNTRIES: ContextVar[tuple[str, ...]] = ContextVar("bilingual_countries", default=())
_TERMS = {name: country for country, names in _COUNTRIES.items() for name in names}
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z']{3,}\b")  # a capitalised word, not a sentence's first
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z' .-]{2,}?)\s*(?:,[^—–-]*)?\s+[—–-]")


def country_counts(text: str, holding: Callable[[str], Iterable[str]] | None = None) -> Counter[str]:
    """How often the article names each country (its people, its capital, its cities, "Oman's"), its
    dateline weighing as a few mentions; *holding* tells the countries that have a place of a name,
    for a dateline this table does not know (SALALAH —: Oman's only)."""
    words = [w.lower().removesuffix("'s") for w in _WORD.findall(text.replace("\u2019", "'"))]
    counts: Counter[str] = Counter()
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        country = _TERMS.get(pair)
        if country:
            counts[country] += 1
            i += 2
            continue
        country = _TERMS.get(words[i])
        if country:
            counts[country] += 1
        i += 1
    dateline = _DATELINE.match(text)
    place = dateline.group("place").strip().lower() if dateline else ""
    where = [_TERMS[place]] if place in _TERMS else list(holding(place)) if place and holding else []
    if len(where) == 1:
        counts[where[0]] += 3  # where it was filed weighs as a few mentions
    if not counts and holding:  # DJERBA —, and no country named: the towns it names (Zarzis, Midoun)
        for name in {w for w in _NAME.findall(text) if w.lower() != place}:
            held = list(holding(name.lower()))
            if len(held) == 1:
                counts[held[0]] += 1
    return counts


def countries_of(text: str, holding: Callable[[str], Iterable[str]] | None = None) -> tuple[str, ...]:
    """The countries the article names, the most named first (ties in a fixed order)."""
    counts = country_counts(text, holding)
    return tuple(sorted(counts, key=lambda c: (-counts[c], c)))


def region_of(text: str) -> str:
    """The region whose press the article's names are spelled for: the one its dateline and the
    countries and cities it names point to most (Egypt's on a tie with Egypt, or when nothing tells)."""
    counts: Counter[str] = Counter()
    for country, n in country_counts(text).items():
        counts[REGION_OF_COUNTRY[country]] += n
    if not counts:
        return "egypt"
    most = max(counts.values())
    leading = [r for r, n in counts.items() if n == most]
    return "egypt" if "egypt" in leading else leading[0]
