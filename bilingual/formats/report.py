"""The review report: one HTML page listing, per segment, what a reviewer must look at.

Glossary names enforced or missing, numbers that differ between source and target, Latin
text left in the Arabic, empty targets, forbidden or outdated spellings: the QA checks of
:mod:`bilingual.checks`, as OmegaT and Okapi users know them. The report is a renderer: the
caller runs the checks and hands it their findings (``ExportOptions.review``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bilingual.document import Document, Finding, Segment
from bilingual.formats.base import ExportOptions, Format, Role
from bilingual.formats.layout import title_of
from bilingual.formats.typography import neutralise_bidi


@dataclass(frozen=True)
class Item:
    seg: Segment
    findings: list[Finding]
    missing: int


class ReportFormat(Format):
    name = "report"
    roles = frozenset({Role.EXPORT})
    extensions = (".html",)
    output_suffix = ".report.html"
    media_type = "text/html"

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        from bilingual.formats.html import HtmlExport

        return HtmlExport.is_own_output(data)

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        from bilingual.formats.html import environment, font_css

        findings = options.review.findings
        by_segment: dict[str, list[Finding]] = {}
        for f in findings:
            if f.check != "glossary_missing":  # the names column shows those
                by_segment.setdefault(f.segment_id, []).append(f)
        # The page shows the text with direction controls neutralised (the findings name them).
        items = [
            Item(
                replace(seg, source=neutralise_bidi(seg.source), target=neutralise_bidi(seg.target)),
                by_segment.get(seg.id, []),
                sum(1 for t in seg.terms if not t.enforced),
            )
            for seg in doc.segments()
        ]
        kinds = [f.check for f in findings]
        counts = {
            "segments": len(items),
            "enforced": sum(1 for s in doc.segments() for t in s.terms if t.enforced),
            "missing": sum(i.missing for i in items),
            "numbers": kinds.count("numbers_differ"),
            "latin": kinds.count("untranslated_latin"),
            "empty": kinds.count("empty_target"),
            "direction": kinds.count("direction_controls"),
            "glossary": sum(kinds.count(k) for k in ("glossary_missing", "forbidden_spelling", "outdated_spelling")),
        }
        html = (
            environment()
            .get_template("report.html.j2")
            .render(
                title=title_of(doc, options.title),
                items=items,
                counts=counts,
                stamp=self.stamp(doc),
                glossary_state=options.review.glossary_state,
                font_css=font_css(),
            )
        )
        return html.encode("utf-8")
