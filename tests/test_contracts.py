"""Contract tests: every registered format and engine is tested the moment it is registered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bilingual.document import Head, TermMatch
from bilingual.formats import REGISTRY, TERM_FORMATS, ExportOptions, Format, get_format, get_term_format
from bilingual.glossary import Entry
from bilingual.readers import RawBlock, build_document


def sample_doc():
    text = "Derna waits. Haftar's men & <friends> said \"no\".\n\nA second paragraph\x0b here."
    cut = text.index("\n\n")
    doc = build_document(text, [RawBlock("p", 0, cut), RawBlock("p", cut + 2, len(text))],
                         head=Head(input_name="sample.txt", tool_version="0.1.0", engine="test", model_name="m"))
    a, b, c = doc.segments()
    return doc.with_segments({
        a.id: replace(a, target="درنة تنتظر.", terms=(TermMatch("Derna", "place", 0, 5, "درنة", 0, 4),)),
        b.id: replace(b, target="قال رجال حفتر «لا».", status="approved"),
        c.id: replace(c, target="فقرة ثانية\x0b هنا.", status="edited"),
    })


@pytest.mark.parametrize("name", sorted(REGISTRY))
class TestFormatContract:
    def test_declares_itself(self, name):
        fmt = get_format(name)
        assert isinstance(fmt, Format) and fmt.name == name
        assert fmt.extensions and all(ext.startswith(".") for ext in fmt.extensions) and "/" in fmt.media_type

    def test_renders_every_layout(self, name):
        fmt = get_format(name)
        for options in (ExportOptions(), ExportOptions(layout="rows", align="paragraph"),
                        ExportOptions(layout="interleaved", digits="arabic-indic", arabic_only=True)):
            data = fmt.render(sample_doc(), options)
            assert isinstance(data, bytes) and len(data) > 100




@pytest.mark.parametrize("name", sorted(n for n in REGISTRY if get_format(n).can_import))
class TestImportContract:
    def test_import_gives_back_what_export_wrote(self, name):
        fmt = get_format(name)
        doc = sample_doc()
        back = fmt.parse(fmt.render(doc, ExportOptions()), path="x" + fmt.extensions[0])
        if name == "aligned":
            assert back.blocks == doc.blocks
        else:
            assert [(u.id, u.source, u.target) for u in back] == [(s.id, s.source, s.target) for s in doc.segments()]


@pytest.mark.parametrize("name", sorted(TERM_FORMATS))
def test_term_format_round_trip(name):
    fmt = get_term_format(name)
    entries = [Entry("Khalifa Haftar", "خليفة حفتر", "person", "Field marshal, \"LNA\"", ("هفتر",)),
               Entry("Al-Ahram Weekly", "Al-Ahram Weekly", "other", no_translate=True),
               Entry("Derna", "درنة", "place", fuzzy=True, variant_of="")]
    back = fmt.parse(fmt.render(entries), path="x." + name)
    key = lambda e: (e.english, e.arabic, e.kind, e.notes, e.forbidden, e.variant_of, e.fuzzy, e.no_translate)
    assert [key(e) for e in back] == [key(e) for e in entries]


def test_every_engine_in_the_registry_loads(argos_packages):
    from bilingual.engines import Engine, EngineOptions, available_engines, load_engine

    for name in available_engines():
        engine = load_engine(name, EngineOptions(beam_size=1))
        assert isinstance(engine, Engine)
        out = engine.translate_batch(["Derna waits.", "Cairo watches."])
        assert len(out) == 2 and all(isinstance(t, str) for t in out)
