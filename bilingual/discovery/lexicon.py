"""What ``glossary suggest`` knows about words, from real data rather than from our articles
(places and peoples are :mod:`bilingual.discovery.gazetteer`'s).

- Common English words: word frequencies from wordfreq (a capitalised word that is common in
  lower case, seen only at the start of sentences, is not a name).
- Names: a table of common Arabic given names and name particles, as the Arabic press writes
  them (``romanize.KNOWN``), a few regional figures the press names every day, and the words of
  people's names as Wikidata's bilingual names write them (``data/person-words.tsv``).
- Titles, organisation heads and place features: English usage, kept as tables here.

wordfreq is the ``suggest`` extra; without it suggest still works, with fewer signals.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

from bilingual.discovery import attested

# Titles, ranks and roles that stand before a name and are not part of it (English usage).
# A data table, kept as written (one entry a line would triple its length).
# fmt: off
TITLES = frozenset(["president", "prime", "minister", "ministers", "foreign", "interior", "defence", "defense", "finance", "justice", "speaker", "judge", "king", "queen", "prince", "emir", "sheikh", "sultan", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "brigadier", "brig", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "field", "marshal", "governor", "gov", "senator", "sen", "representative", "rep", "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "madam", "sir", "lord", "ambassador", "envoy", "secretary-general", "commissioner-general", "spokesman", "spokeswoman", "chairman", "chairwoman", "chief", "director", "deputy", "vice", "head", "commander", "ret", "imam", "pope", "patriarch", "mayor", "mp", "mps", "ayatollah", "mufti", "crown", "hojatoleslam", "cardinal", "archbishop", "bishop"])
# Words that make a capitalised run an organisation (translated, not transliterated).
ORG_HEADS = frozenset(["army", "bank", "council", "society", "directorate", "secretariat", "ministry", "minister", "corporation", "organization", "organisation", "mission", "union", "front", "institute", "university", "court", "party", "movement", "agency", "league", "committee", "authority", "service", "programme", "program", "complex", "centre", "center", "fund", "company", "commission", "crescent", "cross", "forces", "brigade", "government", "academy", "parliament", "assembly", "association", "federation", "foundation", "group", "office", "bureau", "police", "guard", "coalition", "alliance", "network", "agenda", "station", "tribunal", "cabinet", "senate", "congress", "embassy", "consulate", "hospital", "school", "college", "department", "chamber", "house", "mechanism", "initiative", "metro", "commissariat", "inspectorate", "observatory", "board", "syndicate", "cooperative", "administration", "municipality", "tv", "television", "radio", "channel", "newspaper", "compagnie", "société", "societe", "banque", "groupe",
                        "caisse", "régie", "regie", "institut", "entreprise", "agence", "conseil",
                        "charter", "convention", "treaty", "accord", "protocol", "resolution", "declaration", "constitution"])


def org_word(word: str) -> bool:
    """Whether *word* makes a run an organisation: a body's word, also possessive ("Union's") or
    hyphenated ("Directorate-General", "Secretariat-General")."""
    return any(part in ORG_HEADS for part in re.sub(r"[’']s?$", "", word).lower().split("-"))


# Words for a kind of place, which Arabic translates and puts first: "Kit Kat Square" ميدان كيت كات,
# "Mount Sinai" جبل سيناء, "North Darfur" شمال دارفور (English general geography, not our articles').
FEATURES_AFTER = {
    "mountain": "جبل", "mountains": "جبال", "square": "ميدان", "oasis": "واحة", "valley": "وادي", "island": "جزيرة",
    "islands": "جزر", "sea": "بحر", "lake": "بحيرة", "river": "نهر", "desert": "صحراء", "gulf": "خليج", "bay": "خليج",
    "strait": "مضيق", "canal": "قناة", "peninsula": "شبه جزيرة", "plain": "سهل", "plateau": "هضبة", "coast": "ساحل",
    "camp": "مخيم", "crossing": "معبر", "street": "شارع", "road": "طريق", "bridge": "جسر", "airport": "مطار",
    "port": "ميناء", "governorate": "محافظة", "province": "محافظة", "district": "حي", "region": "منطقة",
    "causeway": "جسر", "mosque": "جامع", "church": "كنيسة", "palace": "قصر", "monastery": "دير", "field": "حقل", "oilfield": "حقل",
    "dam": "سد", "barrage": "سدة", "convent": "دير", "cathedral": "كاتدرائية", "shrine": "مقام", "tomb": "ضريح",
    "mausoleum": "ضريح", "synagogue": "كنيس", "temple": "معبد", "market": "سوق", "souk": "سوق", "souq": "سوق",
    "stadium": "ملعب", "sands": "رمال", "fort": "قلعة", "castle": "قلعة", "citadel": "قلعة", "tower": "برج", "gate": "باب",
}
FEATURES_BEFORE = {
    "mount": "جبل", "lake": "بحيرة", "cape": "رأس", "cap": "رأس", "gulf": "خليج", "north": "شمال", "south": "جنوب",
    "port": "بور",
    "east": "شرق", "west": "غرب", "northern": "شمال", "southern": "جنوب", "eastern": "شرق", "western": "غرب",
}
# "Northern State" الولاية الشمالية: a compass word and a kind of region is that region, adjective after.
COMPASS = {"northern": "الشمالية", "southern": "الجنوبية", "eastern": "الشرقية", "western": "الغربية",
           "central": "الوسطى"}  # fmt: skip
REGION_NOUNS = {"state": "الولاية", "governorate": "المحافظة", "region": "المنطقة", "province": "المنطقة"}
CONNECTORS = frozenset(["of", "for", "and", "in", "the", "on", "de", "des", "du"])
#: The article as romanisations write it, assimilated or not, before a hyphen or a space: al-, el-, ez-Zor, ar-Raqqa
ROMANISED_ARTICLES = frozenset(["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er",
                                "es", "et", "ez"])  # fmt: skip
PARTICLES = frozenset(["al", "el", "bin", "ben", "ibn", "bint", "abu", "abou", "abdel", "abdul", "abd", "ould", "wad"])
#: Words of lineage inside a name (son of, daughter of, father of): Mabkhout bin Madi is a man; Mohammed
#: Rashid is not Mohammed bin Rashid
LINEAGE = frozenset(["bin", "ibn", "bint", "ould", "mint", "abu", "ag"])
# Written in lower case inside a name, between its capitalised words: Charles de Gaulle, Iyad ag Ghaly,
# Ursula von der Leyen (a name goes on through them; alone or at a run's end they are no name).
MID_PARTICLES = frozenset([*PARTICLES, "ag", "de", "da", "di", "du", "des", "dos", "van", "von", "der", "den", "la", "le"])
# Movements, parties and companies of the region the Arabic press names every day, as it writes them
# (organisations, proposed with their Arabic rather than "to translate").
ORGANISATIONS = {
    "hezbollah": "حزب الله", "hamas": "حماس", "fatah": "فتح", "houthis": "الحوثيون", "houthi": "الحوثي",
    "ansar allah": "أنصار الله", "isis": "داعش", "daesh": "داعش", "al qaeda": "القاعدة", "al shabaab": "الشباب",
    "polisario": "البوليساريو", "ennahda": "النهضة", "wagner": "فاغنر", "aramco": "أرامكو", "sonatrach": "سوناطراك",
    "opec": "أوبك", "nato": "الناتو", "unesco": "اليونسكو", "unicef": "اليونيسف", "unrwa": "الأونروا",
    "unhcr": "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "unifil": "اليونيفيل", "frontex": "فرونتكس",
    "medecins sans frontieres": "أطباء بلا حدود", "doctors without borders": "أطباء بلا حدود",
    "msf": "أطباء بلا حدود", "icrc": "اللجنة الدولية للصليب الأحمر",
}
ORGANISATIONS.update(attested.ORGANISATIONS)  # movements and parties whose Arabic the press has settled
# Regional figures the Arabic press names every day, spelled as it spells them (surnames alone).
FIGURES = {
    "gaddafi": "القذافي", "qaddafi": "القذافي", "sisi": "السيسي", "assad": "الأسد", "sadat": "السادات",
    "mubarak": "مبارك", "bashir": "البشير", "burhan": "البرهان", "hemedti": "حميدتي", "erdogan": "أردوغان",
    "netanyahu": "نتنياهو", "abbas": "عباس", "haniyeh": "هنية", "sinwar": "السنوار", "nasrallah": "نصر الله",
    "berri": "بري", "aoun": "عون", "mikati": "ميقاتي", "hariri": "الحريري", "khamenei": "خامنئي",
    "putin": "بوتين", "biden": "بايدن", "trump": "ترامب", "macron": "ماكرون", "meloni": "ميلوني",
    "guterres": "غوتيريش", "haftar": "حفتر", "dbeibah": "الدبيبة", "menfi": "المنفي", "bashagha": "باشاغا",
}
# fmt: on


def unaccented(text: str) -> str:
    """*text* without its accents (Déby → Deby)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DOTTED = re.compile(r"\b([A-Za-z])\.")


def fold(name: str) -> str:
    """A key for comparing English forms: ASCII, lower case, hyphens and apostrophes as spaces, the
    dots of an acronym or an initial dropped (U.N. is UN)."""
    return " ".join(re.sub(r"[-'’ʼ`]", " ", _DOTTED.sub(r"\1", unaccented(name))).lower().split())


DATA = Path(__file__).resolve().parent / "data"


def read_table(name: str) -> list[list[str]]:
    """The rows of a shipped data table (its header skipped); [] when it is absent."""
    path = DATA / name
    if not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line]


@cache
def person_words() -> dict[str, tuple[str, int]]:
    """One word of a person's name (folded) → the Arabic that Wikidata's bilingual names write most
    often and how often (0: from name-variants' table), from ``data/person-words.tsv``."""
    from bilingual.names import cache as disk

    path = DATA / "person-words.tsv"
    version = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "-"
    version += "-2"  # the reader's version too: a cache parsed by an older reader is read again
    return disk.lexicon("person-words", version, (), _read_person_words)  # 60,000 rows: parsed once


def _read_person_words() -> dict[str, tuple[str, int]]:
    return {row[0]: (row[1], int(row[2])) for row in read_table("person-words.tsv") if len(row) >= 3 and _aligned(row)}


def _aligned(row: list[str]) -> bool:
    """Whether a pair's Arabic can be its English: a final -a is never a final ي (Ruba ربى, not the
    pair's ربي; Bala, not بالاي: Wikidata's words misaligned, or its ى folded)."""
    return not (row[0].endswith("a") and not row[0].endswith("ea") and row[1].endswith("ي"))


@cache
def _everyday_words() -> frozenset[str]:
    """The 8,000 most frequent English words (about zipf 4 and above): one set lookup per place
    name while the gazetteer is built, instead of a frequency computation for 230,000 names."""
    try:
        from wordfreq import top_n_list
    except ImportError:
        return _FALLBACK_COMMON
    return frozenset(top_n_list("en", 8000))


def common_word(word: str, threshold: float = 3.5) -> bool:
    """Whether *word* is a common English word in lower case (wordfreq zipf ≥ *threshold*)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return word.lower() in _FALLBACK_COMMON
    return zipf_frequency(word.lower(), "en") >= threshold


# The months of the Hijri calendar and its two feasts, as English text writes them: months, not names.
# A data table, kept as written (one entry a line would triple its length).
# fmt: off
HIJRI = frozenset(["muharram", "safar", "rabi", "jumada", "rajab", "shaaban", "sha'ban", "shaban", "ramadan",
                   "ramadhan", "shawwal", "dhu", "qaada", "qadah", "hijja", "hijjah", "eid", "adha", "fitr"])
# fmt: on


def calendar_word(word: str, *, alone: bool = True) -> bool:
    """Days and months (English, and the Hijri months and feasts): capitalised, never names.

    A Hijri month is also a name (Faisal Rajab, Tariq Ramadan): it counts only *alone*."""
    low = word.lower().rstrip(".")
    return low in _calendar() or (alone and low.replace("’", "'") in HIJRI)


@cache
def _calendar() -> frozenset[str]:
    """English days and months, full and abbreviated (built once, not for every word)."""
    names = [*calendar.day_name, *calendar.month_name, *calendar.month_abbr, *calendar.day_abbr]
    return frozenset(n.lower() for n in names if n)


# A data table, kept as written (one entry a line would triple its length).
# fmt: off
_FALLBACK_COMMON = frozenset(["the", "a", "an", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "we", "he", "she", "it", "they", "i", "who", "what", "when", "where", "why", "how", "all", "both", "neither", "either", "each", "every", "many", "most", "some", "several", "few", "let", "so", "if", "as", "for", "but", "and", "or", "yet", "still", "also", "then", "now", "after", "before", "while", "during"])
# fmt: on
