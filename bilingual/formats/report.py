"""The review report: one HTML page listing, per segment, what a reviewer must look at.

Glossary names enforced or missing, numbers that differ between source and target, Latin
text left in the Arabic, empty targets, and (with a glossary) forbidden or outdated
spellings: the QA checks of ``bilingual.checks``, as OmegaT and Okapi users know them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.checks import run_checks
from bilingual.formats import ExportOptions, Format
from bilingual.publish import title_of


@dataclass(frozen=True)
class Item:
    seg: object
    findings: list
    missing: int


class ReportFormat(Format):
    name = "report"
    extensions = (".report.html",)
    media_type = "text/html"

    def render(self, doc, options: ExportOptions) -> bytes:
        from bilingual.formats.html import environment, font_css
        from bilingual.glossary import load_default_glossary

        glossary = load_default_glossary(options.glossary_path)
        findings = run_checks(doc, glossary=glossary, qa=True)
        by_segment: dict[str, list] = {}
        for f in findings:
            if f.check != "glossary_missing":  # the names column shows those
                by_segment.setdefault(f.segment_id, []).append(f)
        items = [Item(seg, by_segment.get(seg.id, []), sum(1 for t in seg.terms if not t.enforced))
                 for seg in doc.segments()]
        kinds = [f.check for f in findings]
        counts = {
            "segments": len(items),
            "enforced": sum(1 for s in doc.segments() for t in s.terms if t.enforced),
            "missing": sum(i.missing for i in items),
            "numbers": kinds.count("numbers_differ"),
            "latin": kinds.count("untranslated_latin"),
            "empty": kinds.count("empty_target"),
            "glossary": sum(kinds.count(k) for k in ("glossary_missing", "forbidden_spelling", "outdated_spelling")),
        }
        if glossary is None:
            state = "none loaded"
        elif glossary.fingerprint == doc.head.glossary_fingerprint:
            state = "current"
        else:
            state = "changed since translation"
        html = environment().get_template("report.html.j2").render(
            title=title_of(doc, options.title), items=items, counts=counts, stamp=self.stamp(doc),
            glossary_state=state, font_css=font_css())
        return html.encode("utf-8")
