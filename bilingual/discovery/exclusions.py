"""What makes a capitalised word or run no name, or decides what a word in capitals is: a dateline
(CAIRO —, KUWAIT CITY —), a common English word where a sentence starts ("Officials said"), a
plural abbreviation (IDs), an everyday word capitalised as a label (Weekly), a word's plural
(Herders), places or peoples joined by a hyphen (Cairo-Moscow). :mod:`bilingual.discovery.suggest`
asks before it proposes a run, and records the reason in its list of what it left out."""

from __future__ import annotations

import re

from bilingual.discovery import gazetteer, kinds, lexicon
from bilingual.discovery.romanize import KNOWN
from bilingual.i18n import _

_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")
_ACRONYM = kinds.ACRONYM


def _not_a_name(piece: str) -> bool:
    """A part of a hyphenated word that is a place, a people or an acronym of its own."""
    return bool(_ACRONYM.match(piece)) or lexicon.fold(piece) in gazetteer.places() or gazetteer.is_demonym(piece)


def dateline(run: list[str]) -> bool:
    """A run of several words all in capitals, one of them long: a dateline (BEN GUERDANE —)."""
    return len(run) > 1 and all(w.isupper() for w in run) and any(len(w) >= 4 for w in run)


def titled_dateline(run: list[str]) -> list[str]:
    """A dateline in capitals that is a known place, every word as the place's name (KUWAIT CITY —:
    Kuwait City, never "Kuwait CITY"); [] for any other run."""
    titled = [w.title() for w in run]
    return titled if dateline(run) and lexicon.fold(" ".join(titled)) in gazetteer.places() else []


def uncapped(word: str, seen: set[str], first: bool, dateline: bool = False) -> str:
    """A word in capitals for a dateline or emphasis (CAIRO —, N’DJAMENA —) as the name it is: when
    the article writes it so elsewhere, or it starts a sentence and is a known place. Acronyms
    (TAP, UNRWA, FTDES) stay as they are; a short word only in a dateline of several (BEN GUERDANE) or
    one that opens the article and that it writes as a name elsewhere (SUR — … "Hotels in Sur")."""
    if not word.isupper() or (len(word) < 4 and not ((dateline or first) and word.title() in seen)):
        return word
    titled = word.title()
    if titled in seen or (first and lexicon.fold(titled) in gazetteer.places()):
        return titled
    return word


def everyday_first(word: str) -> bool:
    """Whether a sentence's first word is a common English word rather than a name's first word:
    not a known name part (Ben, Abu) nor a given name Wikidata's people often bear (Sonia)."""
    low = lexicon.fold(word)
    return (
        lexicon.common_word(word, threshold=3.0)
        and low not in KNOWN
        and low not in lexicon.PARTICLES
        and lexicon.person_words().get(low, ("", 0))[1] < 5
    )


def common_first(words: list[str], seen_mid: set[str]) -> bool:
    """Whether a run's first word, starting a sentence, is a common word and not part of the name."""
    return (
        len(words) > 1
        and not any(lexicon.org_word(w) for w in words)  # "Food and Agriculture Organization"
        and everyday_first(words[0])
        and words[0] not in seen_mid
        and lexicon.fold(words[0]) not in gazetteer.places()
        and lexicon.fold(" ".join(words)) not in gazetteer.places()  # "ALULA — Saudi Arabia expects …"
    )


def why_not(name: str, key: str, starts_sentence: bool, seen_mid: set[str], text: str) -> str | None:
    """Why a capitalised run is not proposed, or None: the region's organisations and a city named
    like a word where the text puts it after "in" always are."""
    if key in lexicon.ORGANISATIONS or _named_place(name, key, text):
        return None
    return _not_proposed(name, key, starts_sentence, seen_mid)


def _named_place(name: str, key: str, text: str) -> bool:
    """A city whose name is an everyday English word, written as a place's name here: "in Hit"."""
    return key in gazetteer.famous_places() and kinds.after_place_word(name, text)


def _singular(word: str) -> str:
    """An English plural's singular, roughly: Lorries lorry, Herders herder."""
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word[:-1]


def _compound(word: str) -> bool:
    """Whether a word is two everyday English words written as one (dock+workers, stone+masons)."""
    return word.isalpha() and any(
        lexicon.common_word(word[:i], 3.5) and lexicon.common_word(word[i:], 3.5) for i in range(3, len(word) - 3)
    )


def _not_proposed(name: str, key: str, starts_sentence: bool, seen_mid: set[str]) -> str | None:
    """Why a capitalised run is no name, or None when it may be one."""
    single = " " not in name
    if single and _PLURAL_ACRONYM.match(name):
        return _("a plural abbreviation")  # IDs, MPs, NGOs: things, not names
    if single and not _ACRONYM.match(name) and key not in gazetteer.places():
        if lexicon.common_word(name, threshold=3.0 if starts_sentence else 3.5) and (
            starts_sentence or name not in seen_mid
        ):
            return _("a common word, capitalised where a sentence starts")
        if key not in KNOWN and lexicon.common_word(name, 4.5):
            return _("an everyday word")  # capitalised as a heading or a label: Weekly, Article
    if (
        single
        and name.endswith("s")
        and not _ACRONYM.match(name)
        and key not in gazetteer.places()
        and key not in KNOWN
        and (
            lexicon.common_word(_singular(name), 3.0)
            or (starts_sentence and lexicon.common_word(_singular(name), 2.5) and lexicon.common_word(name, 2.0))
        )  # "Herders now bring …": a rarer word's plural, where a sentence starts
        and (starts_sentence or name not in seen_mid)
    ):
        return _("a common word, capitalised where a sentence starts")  # Trucks, Voters, Importers
    if single and starts_sentence and key not in gazetteer.places() and key not in KNOWN and _compound(key):
        return _("a common word, capitalised where a sentence starts")  # Dockworkers, Stonemasons, Fishmeal
    if single and "-" in name and all(_not_a_name(piece) for piece in name.split("-")):
        return _("places or peoples joined by a hyphen")  # Cairo-Moscow, Egyptian-UAE
    return None
