"""Check aligned documents against the current glossary (and the QA checks)."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.checks import run_checks
from bilingual.document import Finding
from bilingual.formats.aligned import read_aligned
from bilingual.i18n import _, ngettext
from bilingual.jobs.result import Result
from bilingual.workspace import Workspace


@dataclass(frozen=True)
class CheckRequest:
    documents: tuple[str, ...]
    qa: bool = False
    strict: bool = False  # no glossary found is a failure


def check_documents(workspace: Workspace, request: CheckRequest, result: Result | None = None) -> Result:
    """Each finding is an item and a line of output; error findings are violations (exit 6)."""
    result = result if result is not None else Result()
    result.strict = request.strict
    glossary = workspace.glossary()
    result.no_glossary = glossary is None
    if glossary is None:
        result.warn(
            _(
                "warning: no glossary found, so no name is checked (pass --glossary PATH, or run where a "
                "glossary/ folder is)"
            )
        )
    total = errors = 0
    for path in request.documents:
        doc = read_aligned(path)
        findings: list[Finding] = run_checks(doc, glossary=glossary, qa=request.qa)
        for f in findings:
            result.item(f.segment_id, f.check, f"{f.title}: {f.message}", where=path)
            result.data(f"{path}\t{f.segment_id}\t{f.severity}\t{f.title}: {f.message}")
        errors += sum(1 for f in findings if f.severity == "error")
        total += len(findings)
        if (
            glossary is not None
            and doc.head.glossary_fingerprint
            and doc.head.glossary_fingerprint != glossary.fingerprint
        ):
            result.warn(_("{path}: translated with another version of the glossary").format(path=path))
    docs = len(request.documents)
    result.say(
        _("{findings} ({errors}) in {documents}").format(
            findings=ngettext("{n} finding", "{n} findings", total).format(n=total),
            errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
            documents=ngettext("{n} document", "{n} documents", docs).format(n=docs),
        )
    )
    result.counts["findings"] = total
    result.counts["violations"] = errors
    return result
