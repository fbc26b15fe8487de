"""The editors' loop: no human decision lost or faked, whatever state or flags a tool leaves behind."""

from __future__ import annotations

import re

import polib
import pytest

from bilingual.corrections import apply_units, import_units, read_units
from bilingual.formats import exporter
from bilingual.formats.aligned import parse_aligned
from bilingual.jobs.translate import translate_with_memory
from bilingual.memory.store import Memory
from bilingual.names.load import load_glossary
from bilingual.read import read_document

import fake_engines
from conftest import EXAMPLES, ROOT, assert_one_line_error

ARTICLE = str(EXAMPLES / "benghazi-talks.txt")
EDIT = "استؤنفت المحادثات في القاهرة يوم الثلاثاء."


@pytest.fixture
def translated(tmp_path):
    """A document translated by the machine, with its memory."""
    glossary = load_glossary(ROOT / "glossary")
    memory = Memory(tmp_path / "m.sqlite3")
    doc, _ = translate_with_memory(
        read_document(ARTICLE), engine=fake_engines.PseudoArabicEngine(), glossary=glossary, memory=memory
    )
    yield doc, memory, glossary
    memory.close()


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _edit_first_target(data: bytes, doc, new: str) -> bytes:
    first = doc.segments()[0].target.encode()
    assert first in data
    return data.replace(first, new.encode(), 1)


@pytest.mark.parametrize("fmt, name", [("xliff", "x.xlf"), ("xliff2", "x.xlf")])
def test_an_edit_left_in_the_machine_state_is_an_edit(translated, tmp_path, fmt, name):
    """OmegaT leaves needs-review-translation/mt-suggestion (XLIFF 2: initial) after the translator edits."""
    doc, memory, glossary = translated
    data = _edit_first_target(exporter(fmt).render(doc, None), doc, EDIT)
    path = _write(tmp_path, name, data)
    result = import_units(read_units(path), memory, origin="t", glossary=glossary)
    assert result.updated == 1 and memory.get(doc.segments()[0].source).target == EDIT
    assert memory.get(doc.segments()[0].source).status == "edited"
    assert len(result.skipped) == len(doc.segments()) - 1
    assert {s.reason for s in result.skipped} == {
        "machine text, unchanged (approve it in the file, or pass --approve-unchanged)"
    }
    applied, applied_result = apply_units(doc, read_units(path), glossary=glossary)
    assert applied_result.changed == [doc.segments()[0].id] and applied.segments()[0].target == EDIT


def test_an_edit_left_at_translated_is_taken(translated, tmp_path):
    doc, memory, glossary = translated
    data = exporter("xliff").render(doc, None)
    data = data.replace(b'state="needs-review-translation" state-qualifier="mt-suggestion"', b'state="translated"')
    path = _write(tmp_path, "x.xlf", _edit_first_target(data, doc, EDIT))
    result = import_units(read_units(path), memory, origin="t", glossary=glossary)
    assert result.updated == 1 and memory.get(doc.segments()[0].source).target == EDIT


def test_cleared_fuzzy_flags_do_not_approve_machine_text(translated, tmp_path):
    """OmegaT clears every PO fuzzy flag: untouched machine text must stay machine text."""
    doc, memory, glossary = translated
    po = polib.pofile(exporter("po").render(doc, None).decode())
    for entry in po:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    path = tmp_path / "cleared.po"
    po.save(str(path))
    result = import_units(read_units(str(path)), memory, origin="t", glossary=glossary)
    assert result.added == result.updated == 0 and len(result.skipped) == len(doc.segments())
    assert {memory.get(s.source).status for s in doc.segments()} == {"mt"}
    approved = import_units(read_units(str(path)), memory, origin="t", glossary=glossary, approve_unchanged=True)
    assert approved.updated == len(doc.segments())
    assert {memory.get(s.source).status for s in doc.segments()} == {"approved"}


def test_a_tmx_without_status_props_keeps_machine_text_machine(translated, tmp_path):
    doc, memory, glossary = translated
    data = re.sub(rb"\s*<prop [^>]*>[^<]*</prop>", b"", exporter("tmx").render(doc, None))
    path = _write(tmp_path, "omegat.tmx", _edit_first_target(data, doc, EDIT))
    result = import_units(read_units(path), memory, origin="t", glossary=glossary)
    assert result.updated == 1 and len(result.skipped) == len(doc.segments()) - 1
    assert memory.get(doc.segments()[1].source).status == "mt"


def test_an_explicit_approval_of_machine_text_is_taken(translated, tmp_path):
    doc, memory, glossary = translated
    data = exporter("xliff2").render(doc, None).replace(b'state="initial"', b'state="final"', 1)
    result = import_units(read_units(_write(tmp_path, "x.xlf", data)), memory, origin="t", glossary=glossary)
    assert result.updated == 1 and memory.get(doc.segments()[0].source).status == "approved"


def test_machine_text_from_the_memory_is_exported_as_machine_text(translated):
    doc, memory, glossary = translated
    again, report = translate_with_memory(
        read_document(ARTICLE), engine=fake_engines.PseudoArabicEngine(), glossary=glossary, memory=memory
    )
    assert report.from_memory == len(doc.segments()) and {s.status for s in again.segments()} == {"tm"}
    po = polib.pofile(exporter("po").render(again, None).decode())
    assert all("fuzzy" in e.flags for e in po)
    assert b'state="final"' not in exporter("xliff2").render(again, None)
    assert b"translated" not in exporter("xliff").render(again, None)


def test_an_edited_fuzzy_po_entry_is_applied(translated, tmp_path):
    doc, memory, glossary = translated
    po = polib.pofile(exporter("po").render(doc, None).decode())
    po[0].msgstr = EDIT  # edited, but the editor forgot to clear the fuzzy flag
    path = tmp_path / "c.po"
    po.save(str(path))
    applied, result = apply_units(doc, read_units(str(path)), glossary=glossary, memory=memory)
    assert result.changed == [doc.segments()[0].id] and applied.segments()[0].status == "edited"
    assert len(result.skipped) == len(doc.segments()) - 1


@pytest.mark.parametrize(
    "fmt, change, words",
    [
        ("xliff", (b'target-language="ar"', b'target-language="fr"'), "target language is fr"),
        ("xliff2", (b'trgLang="ar"', b'trgLang="fr-FR"'), "target language is fr-FR"),
        ("po", (b'"Language: ar\\n"', b'"Language: fr\\n"'), "target language is fr"),
        ("tmx", (b'srclang="en"', b'srclang="ar"'), "source language is ar"),
    ],
)
def test_a_file_for_another_language_is_refused_whole(run_cli, translated, tmp_path, fmt, change, words):
    doc, memory, _glossary = translated
    data = exporter(fmt).render(doc, None)
    assert change[0] in data
    path = _write(tmp_path, "other" + exporter(fmt).suffix(), _edit_first_target(data.replace(*change), doc, EDIT))
    before = memory.get(doc.segments()[0].source)
    memory_file = memory.path
    memory.close()
    err = assert_one_line_error(run_cli("import", path, "--memory", memory_file), 1)
    assert words in err and "nothing was imported" in err
    with Memory(memory_file) as again:
        assert again.get(doc.segments()[0].source) == before


@pytest.mark.parametrize("code", ["AR", "ar-EG", "ar_SA", "ara"])
def test_every_spelling_of_arabic_is_arabic(translated, tmp_path, code):
    doc, _memory, _glossary = translated
    data = exporter("xliff").render(doc, None).replace(b'target-language="ar"', f'target-language="{code}"'.encode())
    assert read_units(_write(tmp_path, "x.xlf", data)).target_lang == code


def test_plural_entries_and_duplicate_arabic_tuvs_are_reported(tmp_path):
    po = tmp_path / "p.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "one city"\nmsgid_plural "%d cities"\n'
        'msgstr[0] "مدينة"\nmsgstr[1] "مدن"\n',
        encoding="utf-8",
    )
    found = read_units(str(po))
    assert found.units == [] and [s.reason for s in found.skipped] == ["plural entry (a sentence has no plural forms)"]
    tmx = tmp_path / "t.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence"'
        ' o-tmf="x" adminlang="en" datatype="plaintext"/><body><tu tuid="a">'
        '<tuv xml:lang="en"><seg>Derna waits.</seg></tuv><tuv xml:lang="ar"><seg>درنة تنتظر.</seg></tuv>'
        '<tuv xml:lang="ar-EG"><seg>درنة بتستنى.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    found = read_units(str(tmx))
    assert found.units == [] and found.skipped[0].id == "a" and "duplicate Arabic" in found.skipped[0].reason


def test_xliff2_segments_keep_the_ignorable_text_between_them(tmp_path):
    path = tmp_path / "s.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ar">'
        '<file id="f"><unit id="u1"><segment state="translated"><source>Derna waits.</source>'
        "<target>درنة تنتظر.</target></segment><ignorable><source> </source></ignorable>"
        '<segment state="translated"><source>Cairo watches.</source><target>القاهرة تراقب.</target>'
        "</segment></unit></file></xliff>",
        encoding="utf-8",
    )
    (unit,) = read_units(str(path)).units
    assert unit.source == "Derna waits. Cairo watches." and unit.target == "درنة تنتظر. القاهرة تراقب."


def test_an_invalid_code_point_is_a_one_line_error_naming_the_unit(run_cli, tmp_path):
    path = tmp_path / "bad.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ar">'
        '<file id="f"><unit id="u7"><segment state="translated"><source>A<cp hex="D800"/></source>'
        "<target>ب</target></segment></unit></file></xliff>",
        encoding="utf-8",
    )
    err = assert_one_line_error(run_cli("import", path, "--memory", tmp_path / "m.sqlite3"), 1)
    assert "unit u7" in err and "'D800' is not a valid character code" in err


def test_po2xliff_output_in_the_xliff_1_1_namespace_is_read(tmp_path):
    path = tmp_path / "tt.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<xliff version="1.1" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.1"><file original="a.po" source-language="en-US" '
        'datatype="po" target-language="ar"><body><trans-unit id="1" approved="yes"><source>Derna waits.'
        '</source><target state="translated">درنة تنتظر.</target></trans-unit></body></file></xliff>',
        encoding="utf-8",
    )
    (unit,) = read_units(str(path)).units
    assert (unit.source, unit.target, unit.status, unit.explicit) == ("Derna waits.", "درنة تنتظر.", "approved", True)


def test_cli_lists_every_unit_not_taken(run_cli, translated, tmp_path):
    doc, memory, _glossary = translated
    path = _write(tmp_path, "x.xlf", _edit_first_target(exporter("xliff").render(doc, None), doc, EDIT))
    memory_file = memory.path
    memory.close()
    report = tmp_path / "report.tsv"
    result = run_cli("import", path, "--memory", memory_file, "--verbose", "--report", report)
    assert result.exit_code == 0
    n = len(doc.segments()) - 1
    assert f"0 added, 1 updated, 0 unchanged, 0 conflicts, {n} not taken" in result.stdout
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file\tline\tunit\treason" and len(lines) == n + 1
    assert all(line.split("\t")[2] in {s.id for s in doc.segments()} for line in lines[1:])
    assert sum(1 for line in result.stdout.splitlines() if ".xlf:" in line and "machine text, unchanged" in line) == n


def test_apply_records_the_correction_and_translate_keeps_it(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    out, memory = tmp_path / "a.en-ar.xml", tmp_path / "m.sqlite3"
    engine = ("--engine", "fake_engines:PseudoArabicEngine")
    assert run_cli("translate", article, *engine, "--memory", memory, "-q").exit_code == 0
    assert run_cli("export", out, "--to", "po").exit_code == 0
    po = polib.pofile(str(tmp_path / "a.en-ar.po"))
    po[0].msgstr = EDIT
    po[0].flags.remove("fuzzy")
    po.save()
    assert run_cli("apply", out, tmp_path / "a.en-ar.po", "--memory", memory).exit_code == 0
    assert parse_aligned(out.read_bytes()).segments()[0].target == EDIT
    # The next translate to the same output, with the memory or without it, keeps the correction.
    for extra in (("--memory", memory), ("--no-memory",)):
        result = run_cli("translate", article, *engine, *extra, "-q")
        assert result.exit_code == 0, result.stderr
        first = parse_aligned(out.read_bytes()).segments()[0]
        assert (first.target, first.status) == (EDIT, "edited")
    result = run_cli("translate", article, *engine, "--no-memory", "--overwrite", "-q")
    assert result.exit_code == 0 and parse_aligned(out.read_bytes()).segments()[0].target != EDIT
    assert "replacing 1 edited or approved segments (--overwrite)" in result.stderr  # said, even with -q


def test_no_glossary_is_said_and_strict_fails(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./glossary here
    article = tmp_path / "a.txt"
    article.write_text("Haftar met Al-Sisi in Cairo.")
    engine = ("--engine", "fake_engines:PseudoArabicEngine", "--no-memory")
    result = run_cli("translate", article, *engine)
    assert result.exit_code == 0 and "warning: no glossary found" in result.stderr
    strict = run_cli("translate", article, *engine, "--strict", "--overwrite")
    assert strict.exit_code == 6 and "no glossary was found" in strict.stderr
    checked = run_cli("check", tmp_path / "a.en-ar.xml")
    assert checked.exit_code == 0 and "warning: no glossary found" in checked.stderr
    assert run_cli("check", tmp_path / "a.en-ar.xml", "--strict").exit_code == 6


@pytest.mark.parametrize("several", [False, True])
def test_output_folder_is_created(run_cli, tmp_path, several):
    inputs = []
    for name in ("a.txt", "b.txt") if several else ("a.txt",):
        path = tmp_path / name
        path.write_text("Derna waits.")
        inputs.append(path)
    out = tmp_path / "new" / "folder"
    result = run_cli(
        "translate", *inputs, "-o", f"{out}/", "--engine", "fake_engines:PseudoArabicEngine", "--no-memory", "-q"
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".en-ar.xml" for p in inputs)
    assert not (tmp_path / "new" / "folder.en-ar.xml").exists()


@pytest.mark.parametrize("fmt, name", [("xliff", "x.xlf"), ("xliff2", "x.xlf"), ("po", "x.po"), ("tmx", "x.tmx")])
def test_an_edit_of_a_source_the_editor_changed_is_taken_as_a_new_pair(translated, tmp_path, fmt, name):
    """An editor fixed a typo in the source and translated it anew, leaving the state as exported: the edit
    was dropped as 'not changed from the machine text'."""
    doc, memory, glossary = translated
    seg = doc.segments()[0]
    new_source = seg.source.rstrip(".") + " today."
    data = exporter(fmt).render(doc, None)
    data = _edit_first_target(data, doc, EDIT).replace(_xml_or_po(seg.source, fmt), _xml_or_po(new_source, fmt), 1)
    path = _write(tmp_path, name, data)
    found = read_units(path)
    assert found.units[0].source == new_source
    result = import_units(found, memory, origin="t", glossary=glossary)
    assert [p.id for p in result.new_pairs] == [found.units[0].id]
    hit = memory.get(new_source)
    assert hit is not None and hit.target == EDIT and hit.status in ("edited", "approved")
    assert memory.get(seg.source).target == seg.target  # the old source's machine text stays
    applied, applied_result = apply_units(doc, found, glossary=glossary)
    assert [p.id for p in applied_result.new_pairs] == [found.units[0].id]
    assert applied.segments()[0] == seg  # the document's source is the article's: untouched, and said


def test_a_source_changed_without_its_translation_is_listed_not_taken(translated, tmp_path):
    doc, memory, glossary = translated
    seg = doc.segments()[0]
    new_source = seg.source.rstrip(".") + " today."
    data = exporter("xliff").render(doc, None)
    data = data.replace(_xml_or_po(seg.source, "xliff"), _xml_or_po(new_source, "xliff"), 1)
    result = import_units(read_units(_write(tmp_path, "x.xlf", data)), memory, origin="t", glossary=glossary)
    assert result.new_pairs == [] and memory.get(new_source) is None
    assert "the source was changed in the file but not its translation" in result.skipped[0].reason


def _xml_or_po(text: str, fmt: str) -> bytes:
    import html

    return (html.escape(text, quote=False) if fmt != "po" else text.replace('"', '\\"')).encode("utf-8")
