"""Near matches at any size of memory: candidates from the rarest words, a cap on the work per lookup.

A near match (similarity >= ``FUZZY_THRESHOLD``) shares most of its words with the sentence, so it
shares at least two of the sentence's few rarest words. The lookup asks the FTS5 index how many
segments hold each word of the sentence (counting no further than ``COUNTED``: past that a word
is common); takes the ``RAREST`` rarest; and reads only the segments holding a *pair* of them, the rarest pair first,
at most ``CANDIDATES`` rows. Those are ranked by the words they share (cheap), and only the best ``COMPARED`` are scored
by edit similarity (``difflib``, the costly step). The work per lookup is bounded by the caps,
whatever the memory holds; a sentence with a single rare word is looked up by that word alone.

Pure but for the queries, which :class:`bilingual.memory.store.Memory` runs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

FUZZY_THRESHOLD = 0.75
RAREST = 5  # the rarest words of the sentence whose pairs find the candidates (10 pairs)
CANDIDATES = 300  # the most rows one lookup reads
COMPARED = 8  # the most candidates one lookup scores by edit similarity
_WORDS = re.compile(r"\w+")

#: How many segments hold a word, counted up to ``COUNTED``: past that a word is common, and
#: counting further would read a list that grows with the memory.
FREQUENCY = "SELECT count(*) FROM (SELECT 1 FROM segments_fts WHERE segments_fts MATCH ? LIMIT ?)"
COUNTED = 1000
PAIR_ROWS = "SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? LIMIT ?"
CANDIDATE_ROWS = (
    "SELECT source, target, status, origin, source_key FROM segments WHERE id IN (SELECT value FROM json_each(?))"
)
#: Words in most English sentences: never rare, and counting them would read long lists.
_COMMON = """about above after again against also among and any are around because been before being between both but
    can could did does down during each few for from further had has have having her here hers him his how into
    its just more most much must near next not now off once only other our out over own same she should since
    some such than that the their them then there these they this those through too under until upon very was
    were what when where which while who whom whose why will with within without would yet you your said says
    told according one two three four five six seven eight nine ten new last first year years week day days"""
COMMON = frozenset(_COMMON.split())


def index_words(key: str) -> list[str]:
    """The sentence's distinct words as the index's tokenizer (unicode61) stores them: folded to lower
    case, diacritics removed."""
    out = []
    for word in _WORDS.findall(key.lower()):
        if not word.isascii():
            word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        if len(word) > 2 and "_" not in word and word not in COMMON:
            out.append(word)
    return list(dict.fromkeys(out))


def words_of(key: str) -> list[str]:
    """Every word of the sentence, common ones too, lower case (for a phrase of common words)."""
    return list(dict.fromkeys(_WORDS.findall(key.lower())))


def rarest(frequencies: dict[str, int], words: list[str]) -> list[str]:
    """The ``RAREST`` words that some segment holds, rarest first (a word no segment holds finds
    nothing); ties keep the sentence's order."""
    held = [w for w in words if frequencies.get(w, 0) > 0]
    return sorted(held, key=lambda w: frequencies[w])[:RAREST]


def pair_queries(frequencies: dict[str, int], words: list[str]) -> list[str]:
    """FTS5 queries for the segments holding each pair of ``words`` (or the one word), the rarest
    pair first: the caller reads them in turn until it has ``CANDIDATES`` rows."""
    if len(words) == 1:
        return [f'"{words[0]}"']
    pairs = sorted(itertools.combinations(words, 2), key=lambda p: frequencies[p[0]] * frequencies[p[1]])
    return [f'"{a}" AND "{b}"' for a, b in pairs]


Row = tuple[str, str, str, str]  # source, target, status, origin


def ranked(key: str, rows: Iterable[tuple[str, str, str, str, str]], limit: int = 1) -> list[tuple[float, Row]]:
    """The *limit* most similar rows at or above the threshold, best first, as (score, (source,
    target, status, origin)); the sentence itself (same key) is not its own near match."""
    mine = set(index_words(key))
    shared = []
    for row in rows:
        if row[4] == key:
            continue
        theirs = set(index_words(row[4]))
        shared.append((len(mine & theirs) / max(len(mine | theirs), 1), row))
    shared.sort(key=lambda pair: pair[0], reverse=True)
    found: list[tuple[float, Row]] = []
    for _shared, (source, target, status, origin, skey) in shared[: max(COMPARED, limit)]:
        matcher = SequenceMatcher(None, key, skey)
        if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
            continue
        score = matcher.ratio()
        if score >= FUZZY_THRESHOLD:
            found.append((score, (source, target, status, origin)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return found[:limit]


def best(key: str, rows: Iterable[tuple[str, str, str, str, str]]) -> tuple[float, Row] | None:
    """The most similar row at or above the threshold, as (score, (source, target, status, origin))."""
    found = ranked(key, rows)
    return found[0] if found else None
