"""The Arab world's towns, villages, districts and neighbourhoods, by country, as Who's On First
names them in Arabic (``data/places-wof.tsv``, built by ``tools/build_name_data.py --wof``; CC0 and
CC BY sources, credited in ``data/LICENSES.md``; the names mostly from Wikidata and GeoNames).

A locality is read only for a name the article uses as a place, and only in the countries the
article names (:func:`bilingual.discovery.region.countries_of`): Fnideq الفنيدق in an article on
Morocco, Kosti كوستي in one on Sudan, where the GeoNames city table gave ربك, the town across the
river. A village of the same name in another country is no evidence, and a locality is never a
reason to take a word for a place. Built once per version of the table and code, and shipped built
(``data/localities.built.json.gz``) so a first run only reads it.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from bilingual.arabic import similarity
from bilingual.discovery.gazetteer import ACRONYM_PLACES, bare_arabic, bare_words, press_form, romanised_forms
from bilingual.discovery.lexicon import DATA, fold, read_table
from bilingual.discovery.romanize import transliterate_name

#: The table built when the package was made (``python tools/build_lexicons.py``)
SHIPPED = DATA / "localities.built.json.gz"
VERSION = "1"


def localities_key() -> tuple[str, tuple[str, ...]]:
    """The version (the table, this code and the spelling code it calls) and the libraries it depends on."""
    digest = hashlib.sha256((DATA / "places-wof.tsv").read_bytes() if (DATA / "places-wof.tsv").is_file() else b"-")
    here = Path(__file__).resolve().parent
    for source in ("localities.py", "gazetteer.py", "lexicon.py", "romanize.py", "../arabic.py"):
        digest.update((here / source).read_bytes())
    return f"{VERSION}-{digest.hexdigest()[:12]}", ("wordfreq",)


@cache
def _built() -> dict[str, str]:
    from bilingual.names import cache as disk

    return disk.lexicon("localities", *localities_key(), _build, shipped=SHIPPED)


#: Who's On First's kinds of place, the most important first: a region's name before a village's
#: (its Moroccan communes, "localadmin", are left out: many are named for another place)
_KINDS = ("region", "county", "locality", "neighbourhood")


def _build() -> dict[str, str]:
    """Folded English (with and without its article, without spaces) → its places in ``places-wof.tsv``, one
    ``country:Arabic`` a line (:func:`_held`: a flat string a name keeps a first run small).
    An Arabic of more words than the English names something else (Karameh is no نادي الكرامة "the
    Karama club"). Where one country has several places of a name: one that sounds like it (Kenitra
    القنيطرة, not the province the table gives its name, خنيفرة), of the most important kind (Iraq's
    district Haditha حديثة before a village), the most populous, the closest in sound. A last line
    ``:country`` names the country of the town of that name (:data:`TOWN` people or more). Names
    are also keyed by their sound (:data:`SOUND` and :func:`sound_key`), to find one written in
    another romanisation."""
    rows = [row[:5] for row in read_table("places-wof.tsv") if len(row) >= 5 and row[3] in _KINDS]
    by_country: dict[tuple[str, str], list[tuple[bool, int, int, float, str]]] = {}
    for english, arabic, country, kind, population in rows:
        if len(arabic.split()) > len(english.split()):
            continue
        ruled = bare_arabic(transliterate_name(" ".join(bare_words(english))))  # "As Suwaydah": سويداء
        for variant in romanised_forms(english):
            if len(variant.replace(" ", "")) >= 3 and variant not in ACRONYM_PLACES:
                sounds = similarity(ruled, bare_arabic(arabic))
                choice = (
                    sounds < 0.8,
                    _KINDS.index(kind),
                    -(int(population) if population.isdigit() else 0),
                    -sounds,
                    arabic,
                )
                by_country.setdefault((variant, country), []).append(choice)
    lines: dict[str, list[str]] = {}
    towns: dict[str, tuple[int, str]] = {}  # a name → its most populous place's (people, country)
    for (variant, country), choices in sorted(by_country.items()):
        lines.setdefault(variant, []).append(f"{country}:{press_form(min(choices)[-1], article=False)}")
        people = max(-c[2] for c in choices)
        if people >= TOWN and people > towns.get(variant, (0, ""))[0]:
            towns[variant] = (people, country)
    for variant, (_people, country) in towns.items():
        lines[variant].append(":" + country)
    # keyed without spaces: a name cut at a particle or an apostrophe ("Ghayl Ba Wazir", "Bani Na'im") is
    # found written whole (Ghayl Bawazir, Bani Naim); where two forms meet, a country's place written as
    # one word (Thala تالة in Tunisia) before one cut ("Tha'la" ثعلة in Yemen) of another country
    merged: dict[str, dict[str, str]] = {}
    for variant in sorted(lines, key=lambda v: (v.count(" "), v)):
        into = merged.setdefault(variant.replace(" ", ""), {})
        for line in lines[variant]:
            into.setdefault(line.partition(":")[0], line)
    out = {key: "\n".join(held.values()) for key, held in merged.items()}
    # and by sound, where a sound is not itself a name of the table: "~nafta" → naftah
    by_sound: dict[str, list[str]] = {}
    for key in out:
        by_sound.setdefault(SOUND + sound_key(key), []).append(key)
    return out | {sound: "\n".join(keys) for sound, keys in by_sound.items() if keys != [sound.removeprefix(SOUND)]}


#: The built table's keys for names by their sound (:func:`sound_key`), beside the names themselves
SOUND = "~"


#: From this many people a place is the town its name means where no country is said (SALALAH —)
TOWN = 10_000


def _held(name: str) -> dict[str, str]:
    """Country → Arabic of the places named *name* (folded); under "" the country of the town so named."""
    held = _built().get(name.replace(" ", ""), "") if not name.startswith(SOUND) else ""
    return {country: arabic for country, _, arabic in (line.partition(":") for line in held.splitlines())}


def holding(name: str) -> list[str]:
    """The countries with a place of this name (any case) in Who's On First: the country of the
    town of 10,000 people or more so named, when there is one (Salalah: Oman, not the villages of
    that name in Yemen and Sudan); else every country with a village of the name."""
    held = _held(fold(name))
    return [held[""]] if "" in held else sorted(held)


def locality(name: str, countries: tuple[str, ...]) -> str:
    """The Arabic of a town, village or district named *name* (folded) in Who's On First, in the
    first of *countries* (the article's) that has one; '' when none does (a village of that name
    elsewhere is no evidence: Ballana in Syria is not Egypt's Ballana)."""
    held = _held(name) if countries else {}
    return next((held[country] for country in countries if country and country in held), "")


#: Romanisations that write one Arabic sound differently (French ou and dj, ch for sh, the press's e
#: for a, o for u, y for i, w for u) and the final h of a ة: BGN's Naftah and the press's Nefta
_PAIRS = {"ou": "u", "dj": "j", "tch": "sh", "ch": "sh", "ph": "f", "ee": "i", "oo": "u"}
_PAIR = re.compile("|".join(sorted(_PAIRS, key=len, reverse=True)))
_LETTERS = str.maketrans({"o": "u", "e": "a", "y": "i", "w": "u"})
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")


def sound_key(name: str) -> str:
    """A folded name as it sounds, whatever the romanisation: Nefta and Naftah, Maarat Misrin and
    Ma'arrat Misrin give one key; q and k, or a and u, stay apart."""
    key = _PAIR.sub(lambda m: _PAIRS[m.group()], _FINAL_H.sub("", _NOT_LETTER.sub("", name)))
    return _DOUBLED.sub(r"\1", key.translate(_LETTERS))


def sounding(name: str, countries: tuple[str, ...]) -> str:
    """The Arabic of a place of the article's countries whose name, written in another romanisation,
    sounds as *name* (folded) does: Nefta نفطة (Who's On First's Naftah), Atmeh أطمة (Atmah); the
    first of *countries* with one decides, and of its places the one closest in sound to the name's
    letters (at least 0.8, as a table's row must be); '' when none."""
    ruled = bare_arabic(transliterate_name(" ".join(bare_words(name))))
    sounds = {sound_key(form) for form in romanised_forms(name)}
    for country in (c for c in countries if c):
        keys = {key for s in sounds for key in (s, *_built().get(SOUND + s, "").splitlines())}
        held = {_held(key)[country] for key in keys if country in _held(key)}
        if held:
            best = max(sorted(held), key=lambda arabic: similarity(ruled, bare_arabic(arabic)))
            return best if similarity(ruled, bare_arabic(best)) >= 0.8 else ""
    return ""
