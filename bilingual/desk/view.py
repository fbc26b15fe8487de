"""What the desk's document page shows of each segment: pure functions from a document, its QA
findings and their dismissals to rows. No request, no file: the routes read, these lay out.

Everything that came from an article or a glossary is escaped here or by the template's
autoescape; a direction control (the "Trojan source" characters) is shown as a visible mark and
never applied, so a hostile article can neither run nor reorder anything on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from bilingual.document import Comment, Document, Finding, Segment
from bilingual.jobs import comments
from bilingual.jobs.desk import segment_version, word_count

CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}  # fmt: skip


@dataclass(frozen=True)
class NameView:
    english: str
    arabic: str
    missing: bool


@dataclass(frozen=True)
class FindingView:
    check: str
    title: str
    message: str
    severity: str
    dismissed: str  # the reason it was dismissed, '' when it stands


@dataclass(frozen=True)
class RowView:
    id: str
    status: str
    version: str
    source: Markup  # escaped, names marked
    plain: str  # the English as it is (Copy source), escaped by the template
    target: str  # escaped by the template (it sits in a textarea)
    names: tuple[NameView, ...]
    findings: tuple[FindingView, ...]
    untranslated: bool
    heading: bool
    comments: tuple[Comment, ...] = ()

    @property
    def words(self) -> int:
        return word_count(self.plain)

    @property
    def missing(self) -> bool:
        return any(n.missing for n in self.names)

    @property
    def open_checks(self) -> str:
        """The checks with a finding that stands, space-separated (the filter's attribute)."""
        return " ".join(sorted({f.check for f in self.findings if not f.dismissed}))


CONTROL = re.compile("[" + "".join(CONTROLS) + "]")


def _mark(match: re.Match[str]) -> str:
    ch = match.group(0)
    return f'<span class="ctl" title="U+{ord(ch):04X}">{CONTROLS[ch]}</span>'


def visible(text: str) -> Markup:
    """*text* escaped, with every direction control replaced by a visible, inert mark."""
    return Markup(CONTROL.sub(_mark, str(escape(text))))  # noqa: S704 (escaped first; the marks are ours)


def boxed(text: str) -> str:
    """*text* for the edit box: each direction control as an inert mark (``⟦RLO⟧``), which the page's
    script turns back into the control when it saves (the same marks as the script's)."""
    return CONTROL.sub(lambda m: f"\u27e6{CONTROLS[m.group(0)]}\u27e7", text)


def marked_source(seg: Segment) -> Markup:
    """The English with each glossary name in a ``<mark>`` that says its spelling and whether the
    Arabic has it."""
    parts: list[Markup] = []
    at = 0
    for term in sorted(seg.terms, key=lambda t: t.source_start):
        if term.source_start < at or term.source_end > len(seg.source):
            continue  # overlapping or stale spans: shown unmarked rather than cut
        parts.append(visible(seg.source[at : term.source_start]))
        state = "enforced" if term.enforced else "missing"
        parts.append(Markup('<mark class="name {state}" data-arabic="{arabic}" title="{arabic}">{text}</mark>').format(
            state=state, arabic=term.target, text=visible(seg.source[term.source_start : term.source_end])))  # fmt: skip
        at = term.source_end
    parts.append(visible(seg.source[at:]))
    return Markup("").join(parts)


def comments_or_notice(folder: str, document: str) -> tuple[list[Comment], str]:
    """The document's comments, or none and why (a damaged file of them is said, never written over)."""
    try:
        return comments.of_document(folder, document), ""
    except comments.DamagedComments as exc:
        return [], f"{exc.path}: {exc.message}"


def rows(doc: Document, found: list[tuple[Finding, str]], said: list[Comment] | None = None) -> list[RowView]:
    by_segment: dict[str, list[FindingView]] = {}
    for finding, reason in found:
        by_segment.setdefault(finding.segment_id, []).append(
            FindingView(finding.check, finding.title, finding.message, finding.severity, reason)
        )
    on: dict[str, list[Comment]] = {}
    for c in said or ():
        on.setdefault(c.segment, []).append(c)
    out = []
    for block in doc.blocks:
        for seg in block.segments:
            names = tuple(NameView(t.entry, t.target, not t.enforced) for t in seg.terms)
            out.append(RowView(
                seg.id, seg.status, segment_version(seg.target, seg.status), marked_source(seg), seg.source, seg.target, names,
                tuple(by_segment.get(seg.id, ())), seg.untranslated, block.kind.startswith("h"),
                tuple(on.get(seg.id, ())),
            ))  # fmt: skip
    return out


def checks_of(table: list[RowView]) -> list[tuple[str, str]]:
    """The checks with a standing finding in the document, (name, title), for the QA filter."""
    seen: dict[str, str] = {}
    for row in table:
        for f in row.findings:
            if not f.dismissed:
                seen.setdefault(f.check, f.title)
    return sorted(seen.items())
