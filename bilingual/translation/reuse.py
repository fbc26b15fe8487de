"""Reuse: a memory hit made current with today's glossary, or refused so the engine translates again.

The memory stored, with every target, where each glossary name stands in it (the term spans
of :class:`~bilingual.document.TermMatch`). When an entry's Arabic changed since, the old
spelling is replaced at those spans only, never by searching the text: a search for مصر
would also hit مصرف ("bank").
"""

from __future__ import annotations

from bilingual import arabic
from bilingual.document import Segment, TermMatch
from bilingual.memory.records import Hit
from bilingual.names.glossary import Glossary
from bilingual.names.locate import locate_terms
from bilingual.writer import write_target


def respell(target: str, terms: tuple[TermMatch, ...], glossary: Glossary) -> str:
    """*target* with each stored name span rewritten in the glossary's current spelling.

    A span is rewritten only when the text there still is the stored spelling (with the
    proclitics it was written with); spans are replaced from the end so offsets hold.
    """
    for term in sorted(terms, key=lambda t: t.target_start, reverse=True):
        if not term.enforced or term.target_start < 0:
            continue
        current = glossary.get(term.entry)
        if current is None or current.fuzzy or current.rendering == term.target:
            continue
        written = target[term.target_start : term.target_end]
        prefix = _prefix_of(written, term.target)
        if prefix is None:
            continue  # the text at the span is not the stored name: leave it to the check
        target = target[: term.target_start] + arabic.attach(prefix, current.rendering) + target[term.target_end :]
    return target


def _prefix_of(written: str, name: str) -> str | None:
    """The proclitics before *name* in *written* (وب + حفتر, لل + سيسي for ل + السيسي), or None."""
    if written.endswith(name):
        return written[: len(written) - len(name)]
    if name.startswith("ال") and written.endswith("ل" + name[2:]) and written[: -(len(name) - 1)].endswith("ل"):
        return written[: len(written) - len(name) + 1]  # ل + ال contracted to لل: keep the ل
    return None


def reuse_hit(seg: Segment, hit: Hit, glossary: Glossary | None) -> Segment | None:
    """The segment from a memory hit, its names re-patched to the current glossary; None to re-translate.

    An editor's translation (edited, approved) is always reused. A machine one is reused
    unless a name it should carry can no longer be found: a name whose spelling changed and
    could not be patched, or one the glossary did not have when it was translated.
    """
    target = hit.target
    if glossary is not None:
        target = respell(target, hit.terms, glossary)
    matches = glossary.find(seg.source) if glossary is not None else []
    terms = locate_terms(seg.source, target, matches)
    if not hit.human:
        was_missing = {t.entry for t in hit.terms if not t.enforced}
        if any(not t.enforced and t.entry not in was_missing for t in terms):
            return None
    # An editor's text stays an editor's (exports must not offer it for review as machine text);
    # machine text from the memory is "tm".
    return write_target(seg, target, glossary=glossary, by="recalled", status=hit.status if hit.human else "tm",
                        placed=terms)  # fmt: skip
