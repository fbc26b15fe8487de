"""The region's public figures as the Arabic press spells them, read before any word of a name is.

A figure's name spelled word by word goes wrong where Arabic writes what the romanisation hides
(Shia شياع, Abdelatty عبد العاطي, Kallas كالاس) and the same people fill the news every day. The
table ``data/figures.tsv`` (English, Arabic, country, role) is our own list, written by role
(heads of state and government, ministers of the portfolios the news follows, speakers, central
bank governors, the leaders of parties and armed movements, the UN's and the powers' envoys),
never from an article we measure on; ``docs/name-discovery.md`` says how it is kept.

A name is found whole in any romanisation (Mohamed, Muhammad and Mohammed are one; al-/el- and a
hyphen change nothing), or by its first and last words where the table writes more (Mohammed
al-Sudani is Mohammed Shia al-Sudani): the Arabic then keeps the words the article wrote. A word
of lineage is never dropped (Mohammed Rashid is not Mohammed bin Rashid).
"""

from __future__ import annotations

from functools import cache

from bilingual.discovery.lexicon import LINEAGE, fold, read_table
from bilingual.discovery.localities import sound_key

_ARTICLES = frozenset(["al", "el"])
_LINEAGE = frozenset(sound_key(w) for w in LINEAGE)
_SPELLED = {"abdul": "abdel", "abdal": "abdel", "abd": "abdel", "ben": "bin"}  # one key for each way of writing عبد, بن


def _keys(english: str) -> tuple[str, ...]:
    """The words of a name as they sound, without the article: Abdel Fattah el-Sisi → abdal fatah sisi."""
    words = [_SPELLED.get(w, w) for w in fold(english).split() if w not in _ARTICLES]
    return tuple(sound_key(w) for w in words if w)


@cache
def _table() -> tuple[dict[str, str], dict[tuple[str, str], list[tuple[tuple[str, ...], list[str]]]]]:
    """(the whole name's joined key → Arabic, (first, last) → [(keys, Arabic words)] for names whose
    English and Arabic words pair one to one)."""
    whole: dict[str, str] = {}
    ends: dict[tuple[str, str], list[tuple[tuple[str, ...], list[str]]]] = {}
    for row in read_table("figures.tsv"):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            continue  # a damaged row is no figure
        keys, arabic = _keys(row[0]), row[1].split()
        if not keys:
            continue
        whole.setdefault("".join(keys), row[1].strip())
        if len(keys) == len(arabic) and len(keys) > 2:
            ends.setdefault((keys[0], keys[-1]), []).append((keys, arabic))
    return whole, ends


def spelled(name: str) -> str:
    """The press's Arabic for *name* when it is a figure of the table ('' otherwise)."""
    keys = _keys(name)
    if len(keys) < 2:
        return ""  # one word is a surname many people share: Bashir is not always al-Bashir
    whole, ends = _table()
    found = whole.get("".join(keys))
    if found:
        return found
    readings = {" ".join(_kept(keys, full, arabic)) for full, arabic in ends.get((keys[0], keys[-1]), [])}
    readings.discard("")
    return readings.pop() if len(readings) == 1 else ""


def _kept(keys: tuple[str, ...], full: tuple[str, ...], arabic: list[str]) -> list[str]:
    """The Arabic words of *full* that *keys* keep, in order ([] when *keys* is not part of it)."""
    out: list[str] = []
    at = 0
    for key in keys:
        while at < len(full) and full[at] != key:
            if full[at] in _LINEAGE:
                return []  # Mohammed Rashid is not Mohammed bin Rashid: "son of" is no word to drop
            at += 1
        if at == len(full):
            return []
        out.append(arabic[at])
        at += 1
    return out
