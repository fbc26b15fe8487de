"""Checks of names against the glossary: missing, forbidden and outdated spellings."""

from __future__ import annotations

from bilingual.checks.base import GLOSSARY_CHECKS, Context, Failed, register
from bilingual.document import Segment
from bilingual.i18n import _
from bilingual.names.locate import contains, locate_terms


@register(GLOSSARY_CHECKS)
def glossary_missing(seg: Segment, ctx: Context) -> None:
    """Glossary name missing from the translation"""
    if ctx.glossary is None or not seg.target:
        return
    terms = locate_terms(seg.source, seg.target, ctx.glossary.find(seg.source))
    missing = [t for t in terms if not t.enforced]
    if missing:
        raise Failed("; ".join(_("{name} should be {arabic}").format(name=t.entry, arabic=t.target) for t in missing))


@register(GLOSSARY_CHECKS)
def forbidden_spelling(seg: Segment, ctx: Context) -> None:
    """Forbidden spelling of a name"""
    # Only the names in this sentence's source: a glossary may hold 100,000 entries.
    if ctx.glossary is None or not seg.target:
        return
    found = []
    for entry in {span.entry.key: span.entry for span in ctx.glossary.find(seg.source)}.values():
        for wrong in entry.forbidden:
            if contains(seg.target, wrong):
                found.append(_("{wrong} (write {arabic})").format(wrong=wrong, arabic=entry.arabic))
    if found:
        raise Failed("; ".join(sorted(set(found))))


@register(GLOSSARY_CHECKS)
def outdated_spelling(seg: Segment, ctx: Context) -> None:
    """Name spelled as an older glossary had it"""
    if ctx.glossary is None:
        return
    old = []
    for term in seg.terms:
        entry = ctx.glossary.get(term.entry)
        if entry is not None and not entry.fuzzy and entry.rendering != term.target:
            old.append(f"{term.entry}: {term.target} → {entry.rendering}")
    if old:
        raise Failed("; ".join(old))
