"""Quality checks over translated segments, as OmegaT and Okapi users know them.

Each check is a small function over one segment that raises :class:`Failed` when it finds a
problem; :func:`run_checks` collects what they raise into findings. A check's first docstring
line is its title in reports. ``glossary`` holds the checks of names against the glossary,
``qa`` the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual.checks import glossary as _glossary_checks  # noqa: F401 (registers its checks)
from bilingual.checks import qa as _qa_checks  # noqa: F401 (registers its checks)
from bilingual.checks.base import GLOSSARY_CHECKS, QA_CHECKS, Context, Failed
from bilingual.document import Document, Finding, Segment
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.names.glossary import Glossary

__all__ = ["NAME_FAULTS", "Context", "Failed", "check_segment", "run_checks"]

#: The checks that say a name is not as the glossary writes it: an edit holding one is listed by
#: ``import`` and ``apply``, counted by ``export`` (refused with ``--strict``), and asked twice by the desk.
NAME_FAULTS = frozenset({"glossary_missing", "forbidden_spelling"})


def run_checks(doc: Document, *, glossary: Glossary | None = None, qa: bool = True) -> list[Finding]:
    """Run the glossary checks (and the QA checks with *qa*) over every segment."""
    ctx = Context(glossary)
    return [found for seg in doc.segments() for found in _check(seg, ctx, qa=qa)]


def check_segment(seg: Segment, *, glossary: Glossary | None = None, qa: bool = True) -> list[Finding]:
    """The findings of one segment (what a save shows on its row at once)."""
    return _check(seg, Context(glossary), qa=qa)


def _check(seg: Segment, ctx: Context, *, qa: bool) -> list[Finding]:
    findings = []
    for check in GLOSSARY_CHECKS + (QA_CHECKS if qa else []):
        try:
            check(seg, ctx)
        except Failed as failed:
            title = _((check.__doc__ or check.__name__).strip().splitlines()[0])  # the catalog has each title
            findings.append(Finding(seg.id, check.__name__, title, failed.message, failed.severity))
    return findings
