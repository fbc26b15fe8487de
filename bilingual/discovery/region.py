"""The article's region, and the letters a name spelled by ear takes there.

The Arabic press does not write a Latin G alike everywhere. Egypt's press writes it ج (its own ج is
said g: جوتيريش, جروندبرج); the press of the Levant, Iraq, the Gulf, Yemen, the Maghreb and the
Sahel writes a foreign G غ (غوتيريش, غروندبرغ, غاو, أغاديز) and a local Maghrebi or Libyan G often ق
(بن قردان); Sudan's press writes a local G ج or ق (الجنينة, القضارف). The table below sets what each
reading costs in the spelling search (:mod:`bilingual.discovery.letters`); an attested word of
Arabic text still wins over a cheaper unattested one. See ``docs/names.md`` ("Regional spelling")
for the sources.

The region is told by the article: its dateline, and the countries and capitals it names (a count
per region; Egypt only when it leads). A newsroom that writes one house style everywhere says so
with ``glossary suggest --region``.
"""

from __future__ import annotations

import re
from collections import Counter
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

# Countries (and their peoples) and the capitals and cities that open datelines, by region.
_NAMES = {
    "egypt": ("egypt", "egyptian", "egyptians", "cairo", "alexandria", "giza", "aswan", "luxor", "suez",
              "ismailia", "port said", "sinai", "mansoura", "tanta", "minya", "asyut", "sohag", "fayoum",
              "damietta", "hurghada", "arish"),
    "sudan": ("sudan", "sudanese", "khartoum", "omdurman", "port sudan", "darfur", "kordofan", "el fasher",
              "kassala", "gedaref", "nyala", "juba"),
    "levant": ("syria", "syrian", "syrians", "lebanon", "lebanese", "jordan", "jordanian", "iraq", "iraqi",
               "iraqis", "palestine", "palestinian", "palestinians", "israel", "israeli", "gaza", "west bank",
               "damascus", "aleppo", "homs", "beirut", "amman", "baghdad", "basra", "mosul", "erbil", "ramallah",
               "jerusalem", "idlib"),
    "gulf": ("yemen", "yemeni", "saudi", "saudi arabia", "riyadh", "jeddah", "qatar", "qatari", "doha", "kuwait",
             "kuwaiti", "bahrain", "bahraini", "manama", "oman", "omani", "muscat", "uae", "emirati", "abu dhabi",
             "dubai", "sanaa", "aden", "hodeidah"),
    "maghreb": ("libya", "libyan", "libyans", "tunisia", "tunisian", "algeria", "algerian", "morocco", "moroccan",
                "mauritania", "mauritanian", "tripoli", "benghazi", "tunis", "algiers", "rabat", "casablanca",
                "nouakchott", "misrata"),
    "sahel": ("mali", "malian", "niger", "nigerien", "chad", "chadian", "burkina faso", "bamako", "niamey",
              "n'djamena", "ouagadougou", "gao", "timbuktu", "agadez"),
}  # fmt: skip
_TERMS = {name: region for region, names in _NAMES.items() for name in names}
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z' .-]{2,}?)\s*(?:,[^—–-]*)?\s+[—–-]")


def region_of(text: str) -> str:
    """The region whose press the article's names are spelled for: the one its dateline and the
    countries and cities it names point to most (Egypt's on a tie with Egypt, or when nothing tells)."""
    words = [w.lower() for w in _WORD.findall(text)]
    counts: Counter[str] = Counter()
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        region = _TERMS.get(pair)
        if region:
            counts[region] += 1
            i += 2
            continue
        region = _TERMS.get(words[i])
        if region:
            counts[region] += 1
        i += 1
    dateline = _DATELINE.match(text)
    if dateline and _TERMS.get(dateline.group("place").strip().lower()):
        counts[_TERMS[dateline.group("place").strip().lower()]] += 3  # where it was filed weighs as a few mentions
    if not counts:
        return "egypt"
    most = max(counts.values())
    leading = [r for r, n in counts.items() if n == most]
    return "egypt" if "egypt" in leading else leading[0]
