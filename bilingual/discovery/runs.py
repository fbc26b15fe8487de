"""Runs of capitalised words in a sentence — where a name may be — joined through the lower-case
words names hold ("Charles de Gaulle", "International Committee of the Red Cross", "Ministry of
Trade and Industry") and cut where a name ends ("Tripoli-based", "Gulf Research Center in Jeddah").
:mod:`bilingual.discovery.suggest` cleans them into names."""

from __future__ import annotations

import re

from bilingual.discovery import gazetteer, kinds, lexicon

# Dotted acronyms (U.N., A.U.), an initial (A. K. Mansour) and St./Mt./Ft. are one token each.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:St|Mt|Ft)\.(?=\s+[A-Z])|[A-Z]\.(?=\s+[A-Z])|[A-Za-zÀ-ÿ][\w’'-]*|\S")
# Institutions that stand somewhere: "in X" after them says where, not what ("Mission in Libya" is a name).
_SITED = frozenset(
    [
        "institute",
        "center",
        "centre",
        "university",
        "hospital",
        "school",
        "college",
        "embassy",
        "consulate",
        "bureau",
        "museum",
        "library",
        "academy",
        "bank",
        "company",
    ]
)


def capitalised(word: str) -> bool:
    core = word.strip("’'")
    if core.lower() in lexicon.PARTICLES:
        return True
    parts = core.split("-")
    if (
        len(parts) > 1
        and (parts[0].lower() in lexicon.PARTICLES or parts[0].lower() in lexicon.ROMANISED_ARTICLES)
        and parts[1][:1].isupper()
    ):
        return True  # al-Shughur, el-Balah, ez-Zor: a particle in lower case keeps the name going
    return bool(parts[0]) and parts[0][0].isupper()


_SUFFIXED = re.compile(r"^(?P<name>[A-Z][\w’']+)-(?:based|led|backed|born|run|owned|held|bound|style)$")


def capitalised_runs(sentence: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised words in a sentence, and whether each run starts a sentence.

    A word starts a sentence when it is the sentence's first word or follows an opening quote
    or a colon. "Tripoli-based" gives "Tripoli" and ends the run.
    """
    words = [w for w in _TOKEN.findall(sentence)]
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    initial = False
    starts = {
        i
        for i, w in enumerate(words)
        if w[0].isalpha()
        and (
            i == 0
            or not any(x[0].isalpha() for x in words[:i])
            or words[i - 1] in ("“", '"', ":", "‘")
            or (words[i - 1] in ("—", "–") and i >= 2 and words[i - 2].isupper())  # BASRA — Protesters …
        )
    }
    for i, word in enumerate([*words, "."]):
        suffixed = _SUFFIXED.match(word)
        if suffixed:
            if current:
                runs.append((current, initial))
            runs.append(([suffixed.group("name")], i in starts))
            current = []
            continue
        is_word = word[0].isalpha()
        if is_word and capitalised(word):
            if not current:
                initial = i in starts
            current.append(word)
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        low = word.lower()
        org_so_far = _body_so_far(current)
        joins = org_so_far or (low in ("of", "for") and current and lexicon.org_word(current[-1]))
        whose = len(current) == 2 and re.search(r"[’']s$", current[0]) is not None  # "Egypt's Gulf of Aqaba"
        if low == "of" and (len(current) == 1 or whose) and current[-1].lower() in kinds.OF_FEATURES:
            joins = True  # "Strait of Hormuz", "Gulf of Sollum"
        if low in ("in", "at") and current and current[-1].lower() in _SITED:
            joins = False  # "Gulf Research Center in Jeddah": where it stands, not its name
        if low == "and" and current and not joins and _body_ahead(current, words, i + 1):
            joins = True  # "Ports and Free Zones Authority": everyday words, then the rest of the body
        if word == "," and org_so_far and "of" in current and _portfolios_ahead(words, i + 1):
            current[-1] += ","  # "Ministry of Environment, Water and Agriculture": its portfolios, listed
            continue
        if is_word and current and low in lexicon.MID_PARTICLES and nxt and capitalised(nxt) and not joins:
            current.append(word)  # "Charles de Gaulle", "Iyad ag Ghaly": one name through its particle
            continue
        # "UN Mission to Support the Hodeidah Agreement": a body goes on through "to" and an everyday
        # word, never through "to" and a place ("the Red Cross to Gaza")
        goes_on = joins if low in lexicon.CONNECTORS else low == "to" and org_so_far and _everyday(nxt)
        if is_word and current and goes_on and nxt and capitalised(nxt):
            current.append(word)
            continue
        after = words[i + 2] if i + 2 < len(words) else ""
        if (
            is_word
            and low in ("of", "for")
            and nxt == "the"
            and after
            and capitalised(after)
            and (current and lexicon.org_word(current[-1]))
        ):
            current.append(word)  # "International Committee of the Red Cross"
            continue
        if is_word and low == "the" and current and current[-1].lower() in ("of", "for", "to"):
            current.append(word)
            continue
        if current:
            runs.append((current, initial))
        current = []
    return runs


def _body_so_far(current: list[str]) -> bool:
    """Whether the run so far names a body ("Union's", "Directorate-General" too); a title with a
    man's name after it does not ("Minister Nasser Judeh and …": "and" and "in" end his name)."""
    before = next((i for i, w in enumerate(current) if w.lower() in lexicon.CONNECTORS), len(current))
    titled = [i for i, w in enumerate(current[:before]) if w.lower() in lexicon.TITLES]  # not "of Foreign Affairs"
    tail = current[titled[-1] + 1 :] if titled else []
    if tail and tail[0].lower() not in lexicon.CONNECTORS and not any(lexicon.org_word(w) for w in tail):
        return False
    return any(lexicon.org_word(w) for w in current)


def _everyday(word: str) -> bool:
    """An everyday English word that names no place."""
    return lexicon.common_word(word) and lexicon.fold(word) not in gazetteer.places()


def _portfolios_ahead(words: list[str], start: int) -> bool:
    """Whether the words from *start* are everyday capitalised words, "and", and one more: the rest of
    a ministry's list of portfolios (", Water and Agriculture"), not a list of places or people."""
    ahead: list[str] = []
    for word in words[start:]:
        if word == "and" or (word[0].isalpha() and capitalised(word)):
            ahead.append(word)
            continue
        break
    items = [w for w in ahead if w != "and"]
    return "and" in ahead[1:-1] and bool(items) and all(_everyday(w) for w in items)


def _body_ahead(current: list[str], words: list[str], start: int) -> bool:
    """Whether *current*, everyday words ("Ports", "Oil"), and the capitalised words from *start* on make
    one body: those end in a body's word (Authority, Company …), and either *current* is everyday
    words or both sides of "and" end and begin with them ("Misr Spinning and Weaving Company").
    "Egypt and Arab Bank" stays two."""
    ahead = []
    for word in words[start:]:
        if not (word[0].isalpha() and capitalised(word)):
            break
        ahead.append(word)

    def everyday(words: list[str]) -> bool:
        return all(_everyday(w) for w in words)

    # "Misr Spinning and Weaving Company": a name, then everyday words on both sides of "and"
    trade = len(ahead) >= 2 and everyday(current[-1:]) and everyday(ahead[:-1])
    return bool(ahead) and lexicon.org_word(ahead[-1]) and (everyday(current) or trade)
