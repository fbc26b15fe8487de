"""Quality checks over translated segments, as OmegaT and Okapi users know them.

Each check is a small function over one segment that raises :class:`Failed` when it finds a
problem; :func:`run_checks` collects what they raise into findings. A check's first docstring
line is its title in reports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bilingual.document import Document, Finding, Segment


class Failed(Exception):
    def __init__(self, message: str, severity: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.severity = severity


@dataclass(frozen=True)
class Context:
    glossary: object = None


Check = Callable[[Segment, Context], None]
GLOSSARY_CHECKS: list[Check] = []
QA_CHECKS: list[Check] = []


def _register(group: list[Check]):
    def decorate(fn: Check) -> Check:
        group.append(fn)
        return fn
    return decorate


@_register(GLOSSARY_CHECKS)
def glossary_missing(seg: Segment, ctx: Context) -> None:
    """Glossary name missing from the translation"""
    if ctx.glossary is None or not seg.target:
        return
    from bilingual.masking import check_terms

    _, terms = check_terms(seg.source, seg.target, ctx.glossary.find(seg.source))
    missing = [t for t in terms if not t.enforced]
    if missing:
        raise Failed("; ".join(f"{t.entry} should be {t.target}" for t in missing))


@_register(GLOSSARY_CHECKS)
def forbidden_spelling(seg: Segment, ctx: Context) -> None:
    """Forbidden spelling of a name"""
    # Only the names in this sentence's source: a glossary may hold 100,000 entries.
    if ctx.glossary is None or not seg.target:
        return
    found = []
    for entry in {span.entry.key: span.entry for span in ctx.glossary.find(seg.source)}.values():
        for wrong in entry.forbidden:
            if re.search(rf"(?<![\u0621-\u064a]){re.escape(wrong)}(?![\u0621-\u064a])", _strip_proclitics(seg.target, wrong)):
                found.append(f"{wrong} (write {entry.arabic})")
    if found:
        raise Failed("; ".join(sorted(set(found))))


def _strip_proclitics(text: str, word: str) -> str:
    # "وهفتر" holds the forbidden "هفتر" behind a proclitic: separate it for the search.
    return re.sub(rf"(?<![\u0621-\u064a])([وف]?[بلك]?){re.escape(word)}", rf"\1 {word}", text)


@_register(GLOSSARY_CHECKS)
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


@_register(QA_CHECKS)
def empty_target(seg: Segment, ctx: Context) -> None:
    """Empty translation"""
    if seg.source.strip() and not seg.target.strip():
        raise Failed("the segment has no translation")


_NUMBER = re.compile(r"\d+(?:[,.٬٫]\d+)*")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def numbers_in(text: str) -> Counter:
    """Numbers as values: 1,000 → 1000, 12th → 12, ٧٤ → 74, 2.5 and ٢٫٥ → 2.5."""
    text = text.translate(_ARABIC_DIGITS)
    out = Counter()
    for m in _NUMBER.finditer(text):
        raw = m.group().replace("٬", ",").replace("٫", ".")
        if re.fullmatch(r"\d{1,3}(,\d{3})+", raw):
            raw = raw.replace(",", "")
        out[raw.replace(",", ".")] += 1
    return out


@_register(QA_CHECKS)
def numbers_differ(seg: Segment, ctx: Context) -> None:
    """Numbers differ between source and translation"""
    if not seg.target:
        return
    src, tgt = numbers_in(seg.source), numbers_in(seg.target)
    if src != tgt:
        missing = sorted((src - tgt).elements())
        extra = sorted((tgt - src).elements())
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if extra:
            parts.append("not in the source " + ", ".join(extra))
        raise Failed("; ".join(parts), "warning")


_ISOLATED = re.compile("\u2066[^\u2069]*\u2069")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@_register(QA_CHECKS)
def untranslated_latin(seg: Segment, ctx: Context) -> None:
    """Untranslated Latin text in the translation"""
    words = _LATIN_WORD.findall(_ISOLATED.sub("", seg.target))
    if words:
        raise Failed("Latin text left in the Arabic: " + " ".join(words[:8]), "warning")


def run_checks(doc: Document, *, glossary=None, qa: bool = True) -> list[Finding]:
    """Run the glossary checks (and the QA checks with *qa*) over every segment."""
    ctx = Context(glossary)
    checks = GLOSSARY_CHECKS + (QA_CHECKS if qa else [])
    findings = []
    for seg in doc.segments():
        for check in checks:
            try:
                check(seg, ctx)
            except Failed as failed:
                title = (check.__doc__ or check.__name__).strip().splitlines()[0]
                findings.append(Finding(seg.id, check.__name__, title, failed.message, failed.severity))
    return findings
