"""TMX, XLIFF 1.2, XLIFF 2.1 and PO: valid against the official schemas, lossless round trips,
and the editors' round trip through the memory."""

from __future__ import annotations

from dataclasses import replace

import polib
import pytest
from lxml import etree

from bilingual.corrections import apply_units, import_units, read_units
from bilingual.document import Comment, Head, RawBlock, TermMatch
from bilingual.formats import ExportOptions, exporter
from bilingual.formats.aligned import parse_aligned
from bilingual.jobs.translate import translate_with_memory
from bilingual.memory.store import Memory
from bilingual.names import edit as g
from bilingual.names.entry import Entry
from bilingual.names.glossary import Glossary
from bilingual.names.load import load_glossary
from bilingual.read import build_document, read_document
from bilingual.translation.pipeline import translate_document

import fake_engines
from conftest import EXAMPLES, ROOT, SCHEMAS, needs_schemas

HOSTILE = 'Use <b> & "quotes" ]]> and \u202eRLO\u202c, a tab\t, a \x0b vertical tab and \x01 here.'


def hostile_doc():
    text = HOSTILE + " Derna waits."
    doc = build_document(text, [RawBlock("p", 0, len(text))], head=Head(input_name="x<&>.txt", tool_version="0"))
    a, b = doc.segments()
    return doc.with_segments(
        {
            a.id: replace(a, target='استخدم <b> & "علامات" ]]> و\u202eRLO\u202c \x0b و\x01 هنا.', status="approved"),
            b.id: replace(
                b,
                target="درنة تنتظر.",
                status="mt",
                terms=(TermMatch("Derna", "place", 0, 5, "درنة", 0, 4, "enforced"),),
            ),
        }
    )


VALIDATORS = {
    "tmx": lambda: etree.DTD(str(SCHEMAS / "tmx14.dtd")),
    "xliff": lambda: etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"))),
    "xliff2": lambda: etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd"))),
}


@needs_schemas
@pytest.mark.parametrize("fmt", ["tmx", "xliff", "xliff2"])
def test_exports_validate_even_with_hostile_text(fmt):
    for doc in (
        hostile_doc(),
        translate_document(
            read_document(str(EXAMPLES / "benghazi-talks.txt")),
            engine=fake_engines.PseudoArabicEngine(),
            glossary=load_glossary(ROOT / "glossary"),
        )[0],
    ):
        data = exporter(fmt).render(doc, None)
        VALIDATORS[fmt]().assertValid(etree.fromstring(data).getroottree())


@needs_schemas
@pytest.mark.parametrize("fmt", ["xliff", "xliff2", "xliff-omegat"])
def test_exports_with_editors_comments_validate_and_read_back(fmt):
    doc = hostile_doc()
    a, b = doc.segments()
    said = (Comment(a.id, 'A <b> & "quoted" note\nover two lines', "Huda <ed>", 1.7e9),
            Comment(b.id, "done", "bilingual", 1.7e9, resolved=True))  # fmt: skip
    data = exporter(fmt).render(doc, ExportOptions(comments=said))
    VALIDATORS[fmt.removesuffix("-omegat")]().assertValid(etree.fromstring(data).getroottree())
    units = exporter("xliff2" if fmt == "xliff2" else "xliff").parse(data, path="x.xlf").units
    back = [(c.text, c.resolved) for u in units for c in u.comments]
    assert back == [(said[0].text, False), ("done", True)]
    assert [c.who for u in units for c in u.comments] == [
        "Huda <ed>",
        "bilingual (editor)" if fmt != "xliff2" else "bilingual",
    ]


@pytest.mark.parametrize("fmt, path", [("tmx", "x.tmx"), ("xliff", "x.xlf"), ("xliff2", "x.xlf"), ("po", "x.po")])
def test_export_then_import_gives_back_the_segments(fmt, path):
    doc = hostile_doc()
    fmt_obj = exporter(fmt)
    units = fmt_obj.parse(fmt_obj.render(doc, None), path=path).units
    assert [(u.id, u.source, u.target) for u in units] == [(s.id, s.source, s.target) for s in doc.segments()]
    assert [u.status for u in units] == ["approved", "mt"]


def test_po_export_marks_mt_fuzzy_and_lists_names(tmp_path):
    data = exporter("po").render(hostile_doc(), None)
    po = polib.pofile(data.decode("utf-8"))
    assert po.metadata["X-Generator"].startswith("bilingual")
    second = po[1]
    assert second.msgctxt == "p1.s2" and "fuzzy" in second.flags and "Derna → درنة" in second.tcomment
    assert "fuzzy" not in po[0].flags


def test_editor_round_trip_through_po(tmp_path):
    """translate → export PO → edit two entries → import → translate again."""
    article = str(EXAMPLES / "benghazi-talks.txt")
    glossary = load_glossary(ROOT / "glossary")
    first, _ = translate_document(read_document(article), engine=fake_engines.PseudoArabicEngine(), glossary=glossary)
    po = polib.pofile(exporter("po").render(first, None).decode("utf-8"))
    edits = {
        "p1.s1": "استؤنفت المحادثات بين الفصائل الليبية المتنافسة في القاهرة يوم الثلاثاء.",
        "p4.s3": "سافر سلامة لاحقًا إلى طبرق لإطلاع عقيلة صالح رئيس مجلس النواب.",
    }
    for entry in po:
        if entry.msgctxt in edits:
            entry.msgstr = edits[entry.msgctxt]
            entry.flags.remove("fuzzy")
    corrected = tmp_path / "corrected.po"
    po.save(str(corrected))
    with Memory(tmp_path / "m.sqlite3") as memory:
        result = import_units(read_units(str(corrected)), memory, origin="import:corrected.po", glossary=glossary)
        assert result.added == 2 and not result.conflicts  # fuzzy entries are not imported
        engine = fake_engines.PseudoArabicEngine()
        second, report = translate_with_memory(read_document(article), engine=engine, glossary=glossary, memory=memory)
    reused = {s.id: s for s in second.segments() if s.status != "mt"}
    assert {k: s.target for k, s in reused.items()} == edits
    assert {s.status for s in reused.values()} == {"edited"}  # an editor's text stays an editor's (not approved:
    # a cleared fuzzy flag is no approval)
    sent = [text for call in engine.calls for text in call]
    assert len(sent) == len(second.segments()) - 2 and report.from_memory == 2
    assert not any("Talks between rival" in t for t in sent)


def test_rerun_comes_from_memory_without_the_engine(tmp_path):
    article = str(EXAMPLES / "benghazi-talks.txt")
    glossary = load_glossary(ROOT / "glossary")
    with Memory(tmp_path / "m.sqlite3") as memory:
        first, _ = translate_with_memory(
            read_document(article), engine=fake_engines.DecorateEngine(), glossary=glossary, memory=memory
        )
        engine = fake_engines.DecorateEngine()
        again, report = translate_with_memory(read_document(article), engine=engine, glossary=glossary, memory=memory)
    assert engine.calls == [] and report.from_memory == 17
    assert [s.target for s in again.segments()] == [s.target for s in first.segments()]
    assert {s.status for s in again.segments()} == {"tm"}


def test_glossary_change_repatches_only_affected_segments(tmp_path):
    import shutil

    article = str(EXAMPLES / "benghazi-talks.txt")
    gl_dir = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", gl_dir)
    with g.edit_glossary(gl_dir) as f:
        f.remove("Tunis")  # added back below, as a name the glossary did not have
    with Memory(tmp_path / "m.sqlite3") as memory:
        first, _ = translate_with_memory(
            read_document(article),
            engine=fake_engines.PseudoArabicEngine(),
            glossary=load_glossary(gl_dir),
            memory=memory,
        )
        # An editor respells a name: segments with it are re-patched from memory, no engine call.
        with g.edit_glossary(gl_dir) as f:
            _path, entry = f.find("Derna")
            f.upsert(replace(entry, arabic="درنه", forbidden=()))
        engine = fake_engines.PseudoArabicEngine()
        second, report = translate_with_memory(
            read_document(article), engine=engine, glossary=load_glossary(gl_dir), memory=memory
        )
        assert engine.calls == [] and report.terms_missing == 0
        changed = [s.id for s, t in zip(first.segments(), second.segments()) if s.target != t.target]
        with_derna = [s.id for s in first.segments() if "Derna" in s.source]
        assert changed == with_derna and all("درنه" in s.target for s in second.segments() if s.id in changed)
        # A name the glossary did not have: only segments with it go back to the engine.
        with g.edit_glossary(gl_dir) as f:
            f.upsert(Entry("Tunis", "تونس", "place"))
        engine = fake_engines.PseudoArabicEngine()
        translate_with_memory(read_document(article), engine=engine, glossary=load_glossary(gl_dir), memory=memory)
    sent = [text for call in engine.calls for text in call]
    assert sent and all("[" in t or "Tunis" in t for t in sent)
    assert len(engine.calls[0]) == sum("Tunis" in s.source for s in first.segments())


def test_apply_writes_corrections_back(tmp_path):
    doc = hostile_doc()
    xliff = (
        exporter("xliff2")
        .render(doc, None)
        .replace("درنة تنتظر.".encode(), "مدينة درنة تنتظر.".encode())
        .replace(b'state="initial"', b'state="final"')
    )
    path = tmp_path / "c.xlf"
    path.write_bytes(xliff)
    updated, result = apply_units(doc, read_units(str(path)))
    assert result.changed == ["p1.s2"]
    seg = updated.segments()[1]
    assert seg.target == "مدينة درنة تنتظر." and seg.status == "approved"


def test_cli_import_apply_and_conflicts(run_cli, tmp_path):
    out = tmp_path / "a.xml"
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    memory = tmp_path / "m.sqlite3"
    assert (
        run_cli(
            "translate", article, "-o", out, "--engine", "fake_engines:PseudoArabicEngine", "--memory", memory, "-q"
        ).exit_code
        == 0
    )
    assert run_cli("export", out, "--to", "po").exit_code == 0
    po_path = tmp_path / "a.en-ar.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "ترجمة المحرر"
    po[0].flags.remove("fuzzy")
    po.save()
    r = run_cli("import", po_path, "--memory", memory)
    # the edited row became human; the 16 untouched machine targets stay machine text, each counted
    assert "0 added, 1 updated, 0 unchanged, 0 conflicts, 16 not taken" in r.stdout, r.stdout
    assert "16 not taken: machine text, unchanged" in r.stdout
    po[0].msgstr = "ترجمة أخرى"
    po.save()
    r = run_cli("import", po_path, "--memory", memory)
    assert "0 added, 1 updated, 0 unchanged, 0 conflicts" in r.stdout  # a later edit replaces an edit, counted
    # An approval is protected: an XLIFF that approves one text, then another that approves a different one.
    assert run_cli("export", out, "--to", "xliff").exit_code == 0
    xliff = (tmp_path / "a.en-ar.xlf").read_bytes()
    machine = parse_aligned(out.read_bytes()).segments()[0].target.encode()
    for text, expected in (
        ("نص معتمد", "1 updated, 0 unchanged, 0 conflicts"),
        ("نص معتمد آخر", "0 updated, 0 unchanged, 1 conflicts"),
    ):
        approved = xliff.replace(machine, text.encode(), 1).replace(
            b'<trans-unit id="p1.s1"', b'<trans-unit approved="yes" id="p1.s1"', 1
        )
        (tmp_path / "approved.xlf").write_bytes(approved)
        r = run_cli("import", tmp_path / "approved.xlf", "--memory", memory)
        assert expected in r.stdout, r.stdout
    assert "conflict: p1.s1" in r.stdout
    assert run_cli("apply", out, po_path, "--no-memory").exit_code == 0
    doc = parse_aligned(out.read_bytes())
    assert doc.segments()[0].target == "ترجمة أخرى" and doc.segments()[0].status == "edited"


def test_corrupt_memory_from_the_cli(run_cli, tmp_path):
    from conftest import assert_one_line_error

    memory = tmp_path / "m.sqlite3"
    memory.write_bytes(b"garbage" * 200)
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    err = assert_one_line_error(
        run_cli("translate", article, "--memory", memory, "--engine", "fake_engines:PseudoArabicEngine"), 5
    )
    assert "damaged" in err and not (tmp_path / "a.en-ar.xml").exists()


class SameTextEngine:
    """An engine that answers each sentence with a fixed Arabic text holding its placeholders."""

    name, model_name, model_version, model_checksum = "fixed", "", "", ""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def translate_batch(self, texts: list[str]) -> list[str]:
        return [self.answer for _t in texts]


def test_respelling_a_name_repatches_its_span_only(tmp_path):
    """Respelling مصر must not touch مصرف ("bank"), which merely starts with the same letters."""
    source = "Egypt urged the Central Bank to pay."
    doc = build_document(source, [RawBlock("p", 0, len(source))], head=Head())
    before = Glossary([Entry("Egypt", "مصر", "place")])
    engine = SameTextEngine("حثت [1] مصرف ليبيا المركزي على الدفع.")
    with Memory(tmp_path / "m.sqlite3") as memory:
        first, _ = translate_with_memory(doc, engine=engine, glossary=before, memory=memory)
        assert first.segments()[0].target == "حثت مصر مصرف ليبيا المركزي على الدفع."
        after = Glossary([Entry("Egypt", "جمهورية مصر", "place")])
        again, report = translate_with_memory(doc, engine=SameTextEngine("unused"), glossary=after, memory=memory)
    seg = again.segments()[0]
    assert report.from_memory == 1
    assert seg.target == "حثت جمهورية مصر مصرف ليبيا المركزي على الدفع."
    assert "جمهورية مصرف" not in seg.target
    (term,) = seg.terms
    assert term.enforced and seg.target[term.target_start : term.target_end] == "جمهورية مصر"


def test_respelling_keeps_the_proclitic_and_the_contracted_article(tmp_path):
    source = "Aid went to Al-Sisi and Haftar."
    doc = build_document(source, [RawBlock("p", 0, len(source))], head=Head())
    before = Glossary([Entry("Al-Sisi", "السيسي", "person"), Entry("Haftar", "حفتر", "person")])
    engine = SameTextEngine("ذهبت المساعدات ل[1] و[2].")
    with Memory(tmp_path / "m.sqlite3") as memory:
        first, _ = translate_with_memory(doc, engine=engine, glossary=before, memory=memory)
        assert first.segments()[0].target == "ذهبت المساعدات للسيسي وحفتر."
        after = Glossary([Entry("Al-Sisi", "السيسى", "person"), Entry("Haftar", "خليفة حفتر", "person")])
        again, _ = translate_with_memory(doc, engine=SameTextEngine("unused"), glossary=after, memory=memory)
    assert again.segments()[0].target == "ذهبت المساعدات للسيسى وخليفة حفتر."
