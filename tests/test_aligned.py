"""Aligned XML: schema-valid, lossless round trip, forbidden characters, stable ids."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from bilingual.document import SEGMENT_STATUSES, TERM_STATUSES, Head, RawBlock, TermMatch
from bilingual.errors import FormatError
from bilingual.formats.aligned import parse_aligned, render_aligned, schema
from bilingual.read import build_document

DATA = Path(__file__).parent / "data"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "bilingual" / "schemas" / "aligned.rng"


def sample_doc(source: str = "Haftar met Al-Sisi. Derna waits."):
    doc = build_document(source, [RawBlock("p", 0, len(source))], head=Head(input_name="x.txt", tool_version="0"))
    segs = doc.segments()
    new = {
        segs[0].id: replace(
            segs[0],
            target="التقى حفتر السيسي.",
            terms=(TermMatch("Haftar", "person", 0, 6, "حفتر", 6, 10, "enforced"),),
        ),
        segs[-1].id: replace(segs[-1], target="درنة تنتظر.", status="approved", note="checked"),
    }
    return doc.with_segments(new)


def test_render_validates_and_round_trips():
    doc = sample_doc()
    data = render_aligned(doc)
    assert schema().validate(etree.fromstring(data))
    back = parse_aligned(data)
    assert back.blocks == doc.blocks
    assert back.head == doc.head


def test_forbidden_characters_are_never_raw():
    doc = sample_doc("Bad\x0bchar\x00 here.\x1f End\ufffe.")
    doc = doc.with_segments({doc.segments()[0].id: replace(doc.segments()[0], target="سيء\x01", terms=())})
    data = render_aligned(doc)
    root = etree.fromstring(data)
    assert schema().validate(root)
    assert b"\x0b" not in data and b"\x00" not in data
    back = parse_aligned(data)
    assert [s.source for s in back.segments()] == [s.source for s in doc.segments()]
    assert back.segments()[0].target == "سيء\x01"


def test_render_matches_the_reviewed_golden_file():
    """The aligned XML of a small document, byte for byte (regenerate: python tools/golden.py aligned)."""
    assert render_aligned(sample_doc()).decode("utf-8") == (DATA / "aligned-sample.xml").read_text(encoding="utf-8")


def test_statuses_in_the_schema_are_the_model_s():
    root = etree.parse(str(SCHEMA_FILE))
    ns = {"r": "http://relaxng.org/ns/structure/1.0"}

    def values(attribute):
        return {
            tuple(v.text for v in el.iterfind("r:choice/r:value", ns))
            for el in root.iterfind(f".//r:attribute[@name='{attribute}']", ns)
        }

    assert tuple(SEGMENT_STATUSES) in values("status")
    assert tuple(TERM_STATUSES) in values("status")


def test_invalid_document_is_a_one_line_error():
    bad = b'<document xmlns="urn:bilingual:aligned:1" version="1" src-lang="en" tgt-lang="ar"><body/></document>'
    with pytest.raises(FormatError, match="not a valid aligned document"):
        parse_aligned(bad, path="bad.xml")
    with pytest.raises(FormatError, match="not well-formed"):
        parse_aligned(b"<document", path="bad.xml")
    with pytest.raises(FormatError, match="not an aligned document"):
        parse_aligned(b"<html/>", path="x.xml")
