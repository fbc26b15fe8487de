"""QA checks over segments: each check raises a finding, run_checks collects them."""

from __future__ import annotations

from dataclasses import replace

from bilingual.checks import run_checks
from bilingual.checks.qa import numbers_in
from bilingual.document import Head, RawBlock, TermMatch
from bilingual.names.entry import Entry
from bilingual.names.glossary import Glossary
from bilingual.read import build_document

GLOSSARY = Glossary([Entry("Haftar", "حفتر", forbidden=("هفتر",)), Entry("Derna", "درنة", "place")])


def doc_with(source: str, target: str, **kw):
    doc = build_document(source, [RawBlock("p", 0, len(source))], head=Head())
    seg = doc.segments()[0]
    return doc.with_segments({seg.id: replace(seg, target=target, **kw)})


def checks_of(doc, qa=True):
    return sorted((f.check, f.severity) for f in run_checks(doc, glossary=GLOSSARY, qa=qa))


def test_clean_segment_has_no_findings():
    doc = doc_with("Haftar reached Derna with 1,000 men in 2015.", "وصل حفتر إلى درنة مع ١٬٠٠٠ رجل في عام ٢٠١٥.")
    assert checks_of(doc) == []


def test_forbidden_and_missing_names():
    doc = doc_with("Haftar reached Derna.", "وصل وهفتر إلى المدينة.")
    assert checks_of(doc) == [("forbidden_spelling", "error"), ("glossary_missing", "error")]


def test_outdated_spelling_recorded_in_the_document():
    doc = doc_with("Derna waits.", "درنه تنتظر.", terms=(TermMatch("Derna", "place", 0, 5, "درنه", 0, 4),))
    findings = run_checks(doc, glossary=GLOSSARY, qa=False)
    assert [f.check for f in findings] == ["glossary_missing", "outdated_spelling"]
    assert "درنه → درنة" in findings[1].message


def test_numbers_latin_and_empty():
    assert numbers_in("74 dead, 1,000 cars, the 12th brigade, 2.5 million") == numbers_in("٧٤ و١٬٠٠٠ و12 و٢٫٥")
    doc = doc_with("74 people died in 2015.", "توفي 47 شخصا في عام 2015 according to")
    assert checks_of(doc) == [("numbers_differ", "warning"), ("untranslated_latin", "warning")]
    assert checks_of(doc_with("Something.", "")) == [("empty_target", "error")]
    isolated = doc_with("The GNA said.", "قالت \u2066GNA\u2069.")
    assert checks_of(isolated) == []
