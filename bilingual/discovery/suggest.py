"""Finding the names an article holds that the glossary lacks, and proposing their Arabic.

Candidates come from capitalisation *and* context: runs of capitalised words (with name
particles such as Al-, Abu, bin, and the connectors an organisation's name holds: "Central Bank
of Libya", "Front for Change and Concord in Chad"); a word capitalised only because it starts a
sentence is a name only if it is capitalised elsewhere too, is a known place, or looks like a
name (Al-…, Abdel…). Titles and ranks are cut off; demonyms and common words are out by rule and
by lexicon (:mod:`bilingual.discovery.lexicon`), never by a list of our own articles' words.

Each proposal carries its kind, its Arabic, where that Arabic comes from (``gazetteer``: a place
table; ``table``: every word a known name part; ``named``: as Wikidata's bilingual person names
write it; ``attested``: read as Arabic text writes it; ``rule``; ``engine``) and a confidence,
calibrated (:data:`CONFIDENCE`). Organisations are translated, not transliterated: they
are proposed with no Arabic (``source: to translate``) and never written with an empty side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bilingual.discovery import exclusions, figures, gazetteer, kinds, lexicon, localities, spelling
from bilingual.discovery.region import COUNTRIES, CURRENT, countries_of, region_of
from bilingual.discovery.romanize import KNOWN
from bilingual.discovery.runs import capitalised_runs
from bilingual.i18n import _

_ACRONYM = kinds.ACRONYM


# What a proposal's confidence means: the share of proposals from each source that were right (a
# name, spelled as the Arabic press spells it) on the examples and the tuning articles
# (``python bench/suggest.py --calibration``), rounded down; the dev set and the new set are
# reported against it, never tuned on.
CONFIDENCE = {"figure": 0.95, "gazetteer": 0.95, "locality": 0.85, "table": 0.85, "to translate": 0.85, "named": 0.7, "attested": 0.5,
              "learned": 0.3, "rule": 0.2}  # fmt: skip


@dataclass(frozen=True)
class Proposal:
    name: str
    kind: str  # person | place | org | other
    arabic: str  # "" for an organisation to translate
    source: str  # gazetteer | table | rule | to translate
    confidence: float
    variants: tuple[str, ...] = ()  # other ways the press writes it: U.N. → UN


def written_variants(name: str) -> tuple[str, ...]:
    """The other forms of a name written with dots or an abbreviation, for the glossary to know:
    U.N. → UN, A. K. Mansour → A.K. Mansour, St. Catherine → Saint Catherine, St Catherine."""
    out = []
    if re.fullmatch(r"(?:[A-Z]\.){2,}", name):
        out.append(name.replace(".", ""))
    elif re.search(r"\b[A-Z]\. [A-Z]\.", name):
        out.append(re.sub(r"(?<=\b[A-Z]\.) (?=[A-Z]\.)", "", name))
    if name[:4] in ("St. ", "Mt. "):
        out += [{"St. ": "Saint ", "Mt. ": "Mount "}[name[:4]] + name[4:], name[:2] + " " + name[4:]]
    return tuple(out)


def _titled_place(words: list[str], text: str) -> bool:
    """A place named with a title: the place table knows it (Sheikh Othman), or the article writes
    it after "in", "residents of" … and no rank or given name follows the title (Sheikh Zuweid, never
    "Prime Minister Nawaf Salam" after "in Beirut,")."""
    if len(words) < 2 or words[0].lower() not in lexicon.TITLES or not all(w[:1].isupper() for w in words):
        return False
    name = " ".join(words)
    if lexicon.fold(name) in gazetteer.places():
        return True
    rest = [w.lower() for w in words[1:]]
    plain = not any(w in lexicon.TITLES for w in rest) and not kinds.given_name(words[1])
    return plain and bool(text) and kinds.after_place_word(name, text)


def _whose_ministry(run: list[str], i: int) -> bool:
    """A people before a ministry says whose it is: "the Palestinian Ministry of National Economy" is
    the Ministry of National Economy (where "Syrian Petroleum Company" keeps its people)."""
    return i + 1 < len(run) and run[i + 1].lower() in ("ministry", "ministries")


def _clean(run: list[str], left: dict[str, str], text: str = "") -> list[list[str]]:
    """A run cut into names: titles, demonyms, days and months, possessives and dangling connectors
    removed (a demonym inside an organisation's name stays: "Libyan National Army"). What is cut
    off is recorded in *left* with its reason. A place named with a title (Sheikh Zuweid, Sheikh
    Othman) stays whole: the place table knows it, or *text* writes it after "in", "residents of" …"""
    whole = run[1:] if run[0] == "The" and len(run) > 1 else run
    if lexicon.fold(" ".join(whole)) in lexicon.ORGANISATIONS or _titled_place(whole, text):
        return [whole]  # the Muslim Brotherhood is no "Brotherhood", Sheikh Zuweid no sheikh
    names: list[list[str]] = [[]]
    org = any(lexicon.org_word(w) for w in run)  # "Union's", "Directorate-General" too
    last = re.sub(r"[’']s$", "", run[-1]).lower()
    named_thing = last in lexicon.FEATURES_AFTER or last in lexicon.ORG_HEADS
    alone = all(lexicon.calendar_word(w.strip("’'"), alone=True) for w in run)  # "Ramadan", not "Faisal Rajab"
    for i, word in enumerate(run):
        if not i and word in ("A", "An", "The") and len(run) > 1:
            continue  # "A French official": the article, then a people
        plain = re.sub(r"[’']s$", "", word).strip("’'")
        low = plain.lower().rstrip(".")
        pair = " ".join(re.sub(r"[’']s$", "", w) for w in run[i : i + 2])  # "Saudi Arabia's Jouf"
        place = lexicon.fold(pair) in gazetteer.places()  # "Saudi Arabia" is no Saudi
        if low == "grand" and i + 1 < len(run) and run[i + 1].lower() in lexicon.TITLES:
            left.setdefault(plain, _("a title or rank"))  # "Grand Ayatollah", "Grand Mufti"
            names.append([])
            continue
        if low in lexicon.TITLES and (
            (i and run[i - 1].lower() in ("of", "for"))  # "Ministry of Interior": a portfolio, in the name
            or (low in kinds.ROYAL and named_thing)  # "King Fahd Causeway", "King Abdullah Canal"
            or (
                low == "general" and org and i + 1 < len(run) and lexicon.common_word(run[i + 1])
            )  # General Labour Union
        ):
            names[-1].append(plain)
            continue
        if (
            low in lexicon.TITLES
            and names[-1]
            and all(not _ACRONYM.match(w) and (lexicon.common_word(w) or gazetteer.is_demonym(w)) for w in names[-1])
        ):
            peoples = all(gazetteer.is_demonym(w) for w in names[-1])  # "Russian Foreign Minister"
            left.setdefault(
                " ".join(names[-1]), _("a people or community") if peoples else _("a portfolio before a title")
            )
            names[-1] = []  # "Economy Minister", "Moroccan Equipment Minister"
        cut = (
            _("a day, month or feast")
            if lexicon.calendar_word(plain, alone=alone)
            else _("a title or rank")
            if low in lexicon.TITLES
            else _("a people or community")
            if gazetteer.is_demonym(plain) and not names[-1] and (not org or _whose_ministry(run, i)) and not place
            else None
        )
        if cut:
            left.setdefault(plain, cut)
            names.append([])
            continue
        whose = lexicon.fold(" ".join([*names[-1], plain])) in gazetteer.places()  # "Saudi Arabia's Jouf"
        if plain != word and i + 1 < len(run) and not whose and kinds.possessive_in_name(plain):
            names[-1].append(word)  # "Workers' Party", "People's Protection Units": the name goes on
            continue
        names[-1].append(plain)
        if plain != word:  # a possessive ends the name
            names.append([])
    out = []
    for name in (part for whole in names for part in kinds.two_names(whole)):
        while name and name[-1].lower() in lexicon.CONNECTORS:
            name = name[:-1]
        while name and name[0].lower() in lexicon.CONNECTORS:
            name = name[1:]
        if name and len(name) == 1 and gazetteer.is_demonym(name[0]):
            left.setdefault(name[0], _("a people or community"))
        elif name:
            out.append(name)
    return out


def _spell(name: str, kind: str) -> tuple[str, str, float]:
    """(Arabic, source, confidence) for a person or a place."""
    folded = lexicon.fold(name)
    places = gazetteer.places()
    country, city = gazetteer.CITY_OF_COUNTRY.get(folded, ("", ""))
    if city and COUNTRIES.get()[:1] == (country,):
        return city, "gazetteer", CONFIDENCE["gazetteer"]
    local = localities.locality(folded, COUNTRIES.get()) if kind == "place" else ""
    if local and folded not in gazetteer.settled() and _local_first(local, places.get(folded, ""), name):
        return local, "locality", CONFIDENCE["locality"]  # a town of the article's country (Fnideq الفنيدق)
    if folded in places and (not _ACRONYM.match(name) or folded in gazetteer.ACRONYM_PLACES):
        return places[folded], "gazetteer", CONFIDENCE["gazetteer"]
    if kind == "place" and folded in gazetteer.famous_places():  # Geneva جنيف, written as a name here
        return gazetteer.famous_places()[folded], "gazetteer", CONFIDENCE["gazetteer"]
    near = localities.sounding(folded, COUNTRIES.get()) if kind == "place" else ""
    if near:  # Nefta نفطة: the table's Naftah, in another romanisation
        return near, "locality", CONFIDENCE["locality"]
    arabic, source = spelling.spell(name, kind)
    return arabic, source, CONFIDENCE[source]


def _local_first(local: str, table: str, english: str) -> bool:
    """Whether a locality's Arabic is taken before the city table's: where they differ by more than the
    article, or when only the locality has the article the English name writes (Al-Haditha الحديثة,
    not the table's حديثة); an English name without one says nothing (Latakia, the table's اللاذقية).
    A locality spelling Arabic text never writes yields to the table's where the two differ only in
    vowel letters (Jazan جازان, not Who's On First's جزان)."""
    frequency = spelling.vocabulary()[1]
    if _same_letters(local, table) and frequency.get(local, 0.0) < spelling.MIN_ZIPF <= frequency.get(table, 0.0):
        return False  # Jazan جازان, not Who's On First's جزان, which Arabic text does not write
    if not _same_but_article(local, table):
        return True
    first = re.split(r"[- ]", english.lower(), maxsplit=1)
    return local.startswith("ال") and len(first) > 1 and first[0] in lexicon.ROMANISED_ARTICLES


_VOWEL_LETTERS = re.compile("[اأإآوىيءئؤة]")


def _same_letters(one: str, other: str) -> bool:
    """Two spellings of a name with the same article and consonants, apart in vowel letters and hamza."""
    return (
        bool(other)
        and one.startswith("ال") == other.startswith("ال")
        and _VOWEL_LETTERS.sub("", one) == _VOWEL_LETTERS.sub("", other)
    )


def _same_but_article(one: str, other: str) -> bool:
    """Two spellings of a name that differ at most in an article (البصرة, بصرة): the gazetteer's stands."""
    return bool(other) and gazetteer.bare_arabic(one) == gazetteer.bare_arabic(other)


_SAYS = r"(?:said|says|announced|told|added|stated|reported|warned)\b"


def _proposal(words: list[str], sentence: str, text: str, surnames: set[str]) -> Proposal | None:
    """The proposal for a name: its kind from the words and the article, then its Arabic."""
    name, key = " ".join(words), lexicon.fold(" ".join(words))
    before = sentence[: max(0, sentence.find(name))][-30:]
    kind = kinds.kind_of(words, before)
    if kind == "person" and (kinds.a_place_here(name, text, surnames, len(words)) or _a_locality(words, surnames)):
        kind = "place"
    if kind == "person" and len(words) == 1 and re.search(rf"\b[Tt]he {re.escape(name)} {_SAYS}", sentence):
        kind = "org"  # "The Regie said": a body that speaks, never a man
    known_org = lexicon.ORGANISATIONS.get(key.replace(".", ""))
    if known_org:
        return Proposal(name, "org", known_org, "table", CONFIDENCE["table"], written_variants(name))
    figure = figures.spelled(name) if kind != "org" else ""
    if figure:  # Mohammed Shia al-Sudani محمد شياع السوداني: a figure the press names every day
        return Proposal(name, "person", figure, "figure", CONFIDENCE["figure"], written_variants(name))
    described = spelling.place_described(words) if kind != "org" or kinds.english_words(words) else None
    if described:  # the Old City المدينة القديمة, the Blue Hole الثقب الأزرق: translated as the press does
        return Proposal(name, "place", described[0], described[1], CONFIDENCE[described[1]], written_variants(name))
    if kind == "org" or kinds.english_words(words):  # a "person" of everyday words is a body: Islamic State
        kind = "place" if kind == "place" else "org"
        return Proposal(name, kind, "", "to translate", CONFIDENCE["to translate"], written_variants(name))
    arabic, source, confidence = _spell(name, kind)
    return Proposal(name, kind, arabic, source, confidence, written_variants(name)) if arabic else None


def _a_locality(words: list[str], surnames: set[str]) -> bool:
    """One word no table of people's names holds that is a town of the article's countries (Houla,
    Odaisseh in an article on Lebanon), and no one's family name here: a place."""
    key = lexicon.fold(words[0])
    return (
        len(words) == 1
        and words[0] not in surnames
        and key not in KNOWN
        and key not in lexicon.FIGURES
        and key not in lexicon.person_words()
        and bool(localities.locality(key, COUNTRIES.get()))
    )


def propose(
    sentences: list[str], covered: set[str], left: dict[str, str] | None = None, *, region: str | None = None
) -> list[Proposal]:
    """Proposals for the names in *sentences* whose folded form is not in *covered*, first seen first.

    *left*, when given, receives each capitalised word or run that is not proposed, with the reason.
    *region*: whose press a name by ear is spelled for (None: the article's, :func:`region.region_of`)."""
    text = " ".join(sentences)
    token, named = CURRENT.set(region or region_of(text)), COUNTRIES.set(countries_of(text, localities.holding))
    try:
        return _propose(sentences, covered, {} if left is None else left)
    finally:
        CURRENT.reset(token)
        COUNTRIES.reset(named)


def _propose(sentences: list[str], covered: set[str], left: dict[str, str]) -> list[Proposal]:
    seen_mid: set[str] = set()
    runs = [(run, initial, s) for s in sentences for run, initial in capitalised_runs(s)]
    seen = {word for run, _initial, _s in runs for word in run}
    runs = [
        (
            exclusions.titled_dateline(run)
            or [exclusions.uncapped(w, seen, initial and not j, exclusions.dateline(run)) for j, w in enumerate(run)],
            initial,
            s,
        )
        for run, initial, s in runs
    ]
    for run, initial, _s in runs:
        for i, word in enumerate(run):
            if i or not initial:
                seen_mid.add(word)
    out: dict[str, Proposal] = {}
    text = " ".join(sentences)
    # "Ahmed Al-Nashmi": Al-Nashmi alone is he ("The Yarmouk" is no one's name)
    named = [
        run[1:] if initial and exclusions.everyday_first(run[0]) else run for run, initial, _s in runs
    ]  # "In Ghadames, …": the sentence's first word is no given name
    surnames = {run[-1] for run in named if len(run) > 1 and kinds.kind_of(run, "") == "person"}  # not Lake Qarun
    known = {s: kinds.known_organisations(s) for _r, _i, s in runs}
    for sentence, names in known.items():  # the Al-Ahram Centre for … is one body, never Al-Ahram too
        longer = [" ".join(r) for r, _i, s in runs if s == sentence]
        known[sentence] = [n for n in names if not any(n in r and n != r for r in longer)]
    for run, initial, sentence in [([*n.split()], False, s) for s, ns in known.items() for n in ns] + runs:
        if any(" ".join(run) in name and " ".join(run) != name for name in known[sentence]):
            continue  # a piece of an organisation named whole in this sentence ("Without Borders")
        for words in _clean(run, left, text):
            name = " ".join(words)
            key = lexicon.fold(name)
            if key in covered:
                left.setdefault(name, _("in the glossary already"))
            if len(name) < 2 or key in covered or key in out:
                continue
            starts_sentence = initial and run[0] == words[0]
            why = exclusions.why_not(name, key, starts_sentence, seen_mid, text)
            if why:
                left.setdefault(name, why)
                continue
            if starts_sentence and exclusions.common_first(words, seen_mid):
                left.setdefault(words[0], _("a common word, capitalised where a sentence starts"))
                words = words[1:]  # "Officials Ahmed …": the sentence's first word is not the name's
                name, key = " ".join(words), lexicon.fold(" ".join(words))
                if key in covered or key in out:
                    continue
                why = exclusions.why_not(name, key, False, seen_mid, text)
                if why:  # "Prices Hit a record": what is left is a word too
                    left.setdefault(name, why)
                    continue
            found = _proposal(words, sentence, text, surnames)
            if found is not None:
                out[key] = found
    return list(out.values())


def with_engine(proposals: list[Proposal], translate: Callable[[list[str]], list[str]]) -> list[Proposal]:
    """Proposals spelled by rule or read from Arabic text (not from a gazetteer or the names
    table), checked against the engine's own rendering of each name alone.

    *translate* is an engine's ``translate_batch``. A rendering in Arabic script, with about the
    name's number of words and a consonant skeleton close to ours, replaces it (source
    ``engine``): a trained model has seen the name in context, the rule and the word list have not.
    Anything else (Latin text, a sentence, a different name) is ignored.
    """
    from dataclasses import replace

    from bilingual import arabic as arabic_rules
    from bilingual.arabic import mostly_latin

    ruled = [p for p in proposals if p.source in ("rule", "attested") and p.kind in ("person", "place")]
    if not ruled:
        return proposals
    renderings = dict(zip((p.name for p in ruled), translate([p.name for p in ruled]), strict=True))
    out = []
    for p in proposals:
        seen = renderings.get(p.name, "").strip().strip(".،,!?؟")
        fits = (
            seen
            and not mostly_latin(seen)
            and _ARABIC_WORDS.fullmatch(seen)
            and abs(len(seen.split()) - len(p.name.split())) <= 1
            and arabic_rules.similarity(seen, p.arabic) >= 0.5
        )
        out.append(replace(p, arabic=seen, source="engine", confidence=0.7) if fits else p)
    return out


_ARABIC_WORDS = re.compile("[\u0621-\u064a\u0640 ]+")
