"""What the desk offers an editor for one segment: the memory's near matches, a concordance, and a
fresh machine translation with the current glossary and model (a suggestion: never written unasked).

A near match carries its score, who gave it (the editor named in a desk save, else where the pair came
from: an imported file, a model) and the word-level difference between its English and this
segment's, so an editor sees at a glance what to change in the Arabic they insert. The memory's own
lookups bound the work (:mod:`bilingual.memory.near`), so the pane answers in the same time
whatever the memory holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from bilingual.document import Segment
from bilingual.errors import NotFound
from bilingual.i18n import _
from bilingual.jobs.desk import read_document
from bilingual.memory.records import Hit
from bilingual.workspace import Workspace

_TOKENS = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Match:
    score: int  # percent; 100 for a concordance line
    source: str
    target: str
    status: str
    who: str
    #: the match's English against this segment's, word by word: ("same" | "theirs" | "mine", text);
    #: "theirs" is in the match only, "mine" in this segment only (empty for a concordance line)
    diff: tuple[tuple[str, str], ...] = ()


def who_of(origin: str) -> str:
    """The person or the place a pair came from: the editor of a desk save, else its origin."""
    return origin.removeprefix("desk:") if origin.startswith("desk:") else origin


def word_diff(mine: str, theirs: str) -> tuple[tuple[str, str], ...]:
    """Their English word by word against mine: what is the same, what only theirs has, what only mine has."""
    a, b = _TOKENS.findall(mine), _TOKENS.findall(theirs)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("mine", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("theirs", "".join(b[j1:j2])))
    return tuple(out)


def _match(hit: Hit, source: str | None) -> Match:
    diff = word_diff(source, hit.source) if source is not None else ()
    return Match(round(hit.score * 100), hit.source, hit.target, hit.status, who_of(hit.origin), diff)


def _segment(workspace: Workspace, document: str, segment: str) -> Segment:
    seg = next((s for s in read_document(workspace.folder, document).segments() if s.id == segment), None)
    if seg is None:
        raise NotFound(_("no segment {id} in the document").format(id=segment), path=document)
    return seg


def segment_matches(workspace: Workspace, document: str, segment: str, limit: int = 3) -> list[Match]:
    """The memory's near matches of one segment of a document, best first (none without a memory)."""
    seg = _segment(workspace, document, segment)
    with workspace.memory() as memory:
        if memory is None:
            return []
        return [_match(hit, seg.source) for hit in memory.near_matches(seg.source, limit)]


@dataclass(frozen=True)
class Fresh:
    target: str
    names: tuple[tuple[str, str, bool], ...]  # (English, Arabic, enforced) of each glossary name


def fresh_translation(workspace: Workspace, document: str, segment: str) -> Fresh:
    """The segment's English translated again now (the glossary as it is, the model loaded), for the
    editor to take or leave: nothing is written."""
    from bilingual.jobs.text import TextRequest, translate_texts

    source = _segment(workspace, document, segment).source
    done = translate_texts(TextRequest((source,)), engine=workspace.engine(), glossary=workspace.glossary())
    names = tuple((row.english, row.arabic, row.status == "enforced") for row in done.names[0])
    return Fresh(done.translations[0].strip(), names)


def concordance(workspace: Workspace, text: str, limit: int = 20) -> list[Match]:
    """Pairs of the memory whose English holds *text*'s words, or whose Arabic holds *text*."""
    with workspace.memory() as memory:
        if memory is None:
            return []
        return [_match(hit, None) for hit in memory.concordance(text[:200], limit)]
