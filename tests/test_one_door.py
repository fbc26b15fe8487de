"""One door into a document (issue 26): the segment writer decides names, status and text; the
document writer verifies before it writes; every writer holds the document's lock.

Each test here failed on the code before the writer: stale name spans after a save without a
glossary, a revert saved as an edit, an English copy taken as an edit, a lone surrogate written,
findings that only a reload refreshed, one spelling of two names, edits with faults said nowhere.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bilingual.document import Block, Document, Segment, TermMatch
from bilingual.formats.aligned import read_aligned
from bilingual.jobs import desk, respell
from bilingual.workspace import Workspace
from bilingual.writer import InvalidDocument, NotAnEdit, UnwritableText, verify, write_document, write_target

from conftest import assert_one_line_error

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


@pytest.fixture
def folder(run_cli, tmp_path):
    """An article with names, translated with a glossary that keeps Haftar and Khalifa Haftar apart."""
    gl = tmp_path / "glossary"
    for english, arabic in (("Haftar", "حفتر"), ("Khalifa Haftar", "خليفة حفتر"), ("Derna", "درنة")):
        assert run_cli("glossary", "add", english, arabic, "--kind", "person", "--glossary", gl).exit_code == 0
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Khalifa Haftar met envoys in Derna. Haftar said talks went on.\n\nPrices rose.\n")
    assert run_cli("translate", docs / "a.txt", *ENGINE, "--glossary", gl, "--memory", tmp_path / "m.sqlite3",
                   "-q").exit_code == 0  # fmt: skip
    return docs, gl, tmp_path / "m.sqlite3"


def _seg(docs, seg_id, name="a.en-ar.xml"):
    return next(s for s in read_aligned(str(docs / name)).segments() if s.id == seg_id)


def _request(docs, seg_id, text, *, glossary=None, memory=None, approve=False, confirmed=False):
    seg = _seg(docs, seg_id)
    workspace = Workspace(glossary_path=glossary, memory_path=memory, use_memory=memory is not None, folder=str(docs))
    return workspace, desk.SaveRequest("a.en-ar.xml", seg_id, text, desk.segment_version(seg.target, seg.status),
                                       approve=approve, confirmed=confirmed)  # fmt: skip


# --- the segment writer ------------------------------------------------------------------------


def test_a_desk_save_without_a_glossary_leaves_a_document_that_reads_back(folder, run_cli, tmp_path, monkeypatch):
    docs, _gl, _memory = folder
    empty = tmp_path / "nowhere"
    empty.mkdir()
    monkeypatch.chdir(empty)  # no ./glossary here
    # served without --glossary (the glossary kept elsewhere): a short text on a segment with names
    desk.save(*_request(docs, "p1.s1", "حفتر"))
    doc = read_aligned(str(docs / "a.en-ar.xml"))  # the old code wrote spans past the text's end: refused here
    seg = next(s for s in doc.segments() if s.id == "p1.s1")
    assert seg.target == "حفتر" and seg.status == "edited"
    for term in seg.terms:  # the segment's own names looked up in the new text, never kept from the old one
        assert term.target_end <= len(seg.target)
    assert [t.status for t in seg.terms if t.entry == "Derna"] == ["missing"]
    assert run_cli("check", docs / "a.en-ar.xml").exit_code in (0, 6)  # read, not "damaged"


def test_a_revert_to_the_machine_text_is_machine_text_again(folder):
    docs, gl, memory = folder
    machine = _seg(docs, "p1.s1").target
    desk.save(*_request(docs, "p1.s1", "قال خليفة حفتر في درنة.", glossary=str(gl), memory=str(memory)))
    assert _seg(docs, "p1.s1").status == "edited" and _seg(docs, "p1.s1").machine == machine
    saved = desk.revert_segment(
        Workspace(glossary_path=str(gl), memory_path=str(memory), folder=str(docs)), "a.en-ar.xml", "p1.s1", 0
    )
    assert (saved.segment.target, saved.segment.status) == (machine, "mt")
    assert _seg(docs, "p1.s1").status == "mt"  # the PO export will call it machine text (fuzzy) again


def test_typing_the_machine_text_back_is_no_edit(folder):
    docs, gl, _memory = folder
    machine = _seg(docs, "p1.s2").target
    desk.save(*_request(docs, "p1.s2", "قال حفتر إن المحادثات مستمرة.", glossary=str(gl)))
    desk.save(*_request(docs, "p1.s2", machine, glossary=str(gl)))
    assert _seg(docs, "p1.s2").status == "mt"


def test_an_english_copy_or_an_empty_text_is_refused_by_the_writer():
    seg = Segment("p1.s1", 0, 13, "Prices rose.", "ارتفعت الأسعار.")
    with pytest.raises(NotAnEdit):
        write_target(seg, " Prices  rose. ", glossary=None, by="editor")
    with pytest.raises(NotAnEdit):
        write_target(seg, "  ", glossary=None, by="editor")
    # a segment that stays as it is in Arabic ("2024", "BBC") is an editor's decision when approved
    kept = write_target(Segment("p1.s1", 0, 4, "2024", "٢٠٢٤"), "2024", glossary=None, by="editor", approve=True)
    assert (kept.target, kept.status) == ("2024", "approved")


def test_a_lone_surrogate_is_refused_before_anything_is_written(folder):
    docs, gl, _memory = folder
    before = (docs / "a.en-ar.xml").read_bytes()
    with pytest.raises(UnwritableText):
        desk.save(*_request(docs, "p2.s1", "ارتفعت \ud83d الأسعار", glossary=str(gl)))
    assert (docs / "a.en-ar.xml").read_bytes() == before
    read_aligned(str(docs / "a.en-ar.xml"))


def test_the_document_writer_refuses_a_document_it_could_not_read_back(tmp_path):
    seg = Segment("p1.s1", 0, 6, "Haftar", "حفتر", "edited",
                  (TermMatch("Haftar", "person", 0, 6, "حفتر", 0, 9, "enforced"),))  # fmt: skip
    doc = Document("Haftar", (Block("p1", "p", 0, 6, (seg,)),))
    out = tmp_path / "x.en-ar.xml"
    with pytest.raises(InvalidDocument) as raised:
        write_document(str(out), doc)
    assert raised.value.exit_code == 70 and not out.exists()
    verify(replace(doc, blocks=(Block("p1", "p", 0, 6, (replace(seg, terms=()),)),)))  # the same without the span


def test_a_save_answers_with_the_rows_findings_now(folder):
    docs, gl, _memory = folder
    latin = desk.save(*_request(docs, "p2.s1", "Prices rose sharply today.", glossary=str(gl)))
    assert "untranslated_segment" in {f.check for f in latin.findings}
    arabic = desk.save(*_request(docs, "p2.s1", "ارتفعت الأسعار.", glossary=str(gl), approve=True))
    assert arabic.segment.status == "approved"
    assert "untranslated_segment" not in {f.check for f in arabic.findings}


def test_approving_a_forbidden_spelling_asks_twice(folder, run_cli):
    docs, gl, _memory = folder
    from bilingual.jobs.glossary import SetRequest, set_entry

    # mark the wrong spelling forbidden, then approve a text that uses it
    set_entry(Workspace(glossary_path=str(gl)), SetRequest("Haftar", "هفتر"))
    set_entry(Workspace(glossary_path=str(gl)), SetRequest("Haftar", "حفتر", forbid_old=True))
    with pytest.raises(desk.NeedsConfirmation) as asked:
        desk.save(*_request(docs, "p1.s2", "قال هفتر إن المحادثات مستمرة.", glossary=str(gl), approve=True))
    assert {f.check for f in asked.value.findings} & {"forbidden_spelling", "glossary_missing"}
    assert _seg(docs, "p1.s2").status == "mt"  # nothing written on the first click
    done = desk.save(*_request(docs, "p1.s2", "قال هفتر إن المحادثات مستمرة.", glossary=str(gl), approve=True,
                              confirmed=True))  # fmt: skip
    assert done.segment.status == "approved"


# --- names move together -----------------------------------------------------------------------


def test_respelling_a_name_moves_the_entries_that_hold_it(folder, run_cli):
    docs, gl, memory = folder
    listed = run_cli("glossary", "set", "Haftar", "هفتار", "--glossary", gl)
    assert listed.exit_code == 0 and "Khalifa Haftar" in listed.stderr  # offered, not applied
    from bilingual.names.load import load_glossary

    assert load_glossary(str(gl)).get("Khalifa Haftar").arabic == "خليفة حفتر"
    assert run_cli("glossary", "set", "Haftar", "حفتر", "--glossary", gl).exit_code == 0
    preview = respell.respell_everywhere(
        Workspace(glossary_path=str(gl), folder=str(docs)), respell.RespellRequest("Haftar", "هفتار")
    )
    assert ("Khalifa Haftar", "variant") in {(i.id, i.outcome) for i in preview.items}
    assert {i.id for i in preview.items if i.outcome == "to respell"} == {"p1.s1", "p1.s2"}
    respell.respell_everywhere(
        Workspace(glossary_path=str(gl), memory_path=str(memory), folder=str(docs)),
        respell.RespellRequest("Haftar", "هفتار", apply=True),
    )
    text = " ".join(s.target for s in read_aligned(str(docs / "a.en-ar.xml")).segments())
    assert "حفتر" not in text and "خليفة هفتار" in text  # one article, one spelling
    assert load_glossary(str(gl)).get("Khalifa Haftar").arabic == "خليفة هفتار"


# --- import, apply and export say what they took with faults -----------------------------------


def test_an_omegat_copy_of_the_english_is_not_imported_as_an_edit(folder, run_cli, tmp_path):
    docs, gl, memory = folder
    po = tmp_path / "a.po"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "po", "-o", po).exit_code == 0
    import polib

    catalog = polib.pofile(str(po))
    for entry in catalog:  # what OmegaT writes into untouched list items
        entry.msgstr = entry.msgid
        entry.flags = []
    catalog.save()
    done = run_cli("import", po, "--memory", memory, "--glossary", gl)
    assert done.exit_code == 0 and "0 added, 0 updated" in done.stdout
    applied = run_cli("apply", docs / "a.en-ar.xml", po, "--memory", memory, "--glossary", gl)
    assert applied.exit_code == 0 and "0 segments updated" in applied.stderr
    assert {s.status for s in read_aligned(str(docs / "a.en-ar.xml")).segments()} == {"mt"}


def test_an_applied_edit_with_a_name_missing_is_taken_and_listed(folder, run_cli, tmp_path):
    docs, gl, memory = folder
    po = tmp_path / "a.po"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "po", "-o", po).exit_code == 0
    import polib

    catalog = polib.pofile(str(po))
    next(e for e in catalog if e.msgctxt == "p1.s2").msgstr = "قال القائد إن المحادثات مستمرة."
    catalog.save()
    applied = run_cli("apply", docs / "a.en-ar.xml", po, "--memory", memory, "--glossary", gl)
    assert applied.exit_code == 0
    assert "1 with names not as the glossary writes them" in applied.stderr
    assert "p1.s2: taken with" in applied.stdout
    exported = run_cli("export", docs / "a.en-ar.xml", "--to", "html", "--glossary", gl, "-o", tmp_path / "a.html")
    assert exported.exit_code == 0 and "1 segments have names not as the glossary writes them" in exported.stderr
    strict = run_cli("export", docs / "a.en-ar.xml", "--to", "html", "--glossary", gl, "--strict",
                     "-o", tmp_path / "b.html")  # fmt: skip
    assert strict.exit_code == 6 and not (tmp_path / "b.html").exists()


def test_an_old_po_after_desk_saves_is_a_conflict_with_both_texts(folder, run_cli, tmp_path):
    docs, gl, memory = folder
    po = tmp_path / "a.po"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "po", "-o", po).exit_code == 0
    desk.save(*_request(docs, "p1.s2", "قال حفتر إن المحادثات جارية.", glossary=str(gl), memory=str(memory)))
    desk.save(*_request(docs, "p2.s1", "ارتفعت الأسعار.", glossary=str(gl), memory=str(memory)))
    import polib

    catalog = polib.pofile(str(po))  # exported before the saves; the translator edits one, leaves the other
    next(e for e in catalog if e.msgctxt == "p1.s2").msgstr = "وقال حفتر إن المحادثات متواصلة."
    catalog.save()
    applied = run_cli("apply", docs / "a.en-ar.xml", po, "--memory", memory, "--glossary", gl)
    assert applied.exit_code == 0 and "1 conflicts" in applied.stderr
    assert "قال حفتر إن المحادثات جارية." in applied.stdout and "وقال حفتر إن المحادثات متواصلة." in applied.stdout
    assert _seg(docs, "p1.s2").target == "قال حفتر إن المحادثات جارية."  # the newer desk text stands
    assert _seg(docs, "p2.s1").target == "ارتفعت الأسعار."  # not replaced by the file's stale machine text


def test_translating_another_article_onto_an_edited_output_is_refused(folder, run_cli):
    docs, gl, memory = folder
    desk.save(*_request(docs, "p2.s1", "ارتفعت الأسعار.", glossary=str(gl)))
    (docs / "other.txt").write_text("A different article entirely.\n")
    refused = run_cli("translate", docs / "other.txt", "-o", docs / "a.en-ar.xml", *ENGINE, "--glossary", gl,
                      "--memory", memory)  # fmt: skip
    assert refused.exit_code == 1 and "p2.s1" in refused.stderr and "--overwrite" in refused.stderr
    assert _seg(docs, "p2.s1").target == "ارتفعت الأسعار."
    # the same article again keeps the edit
    again = run_cli("translate", docs / "a.txt", *ENGINE, "--glossary", gl, "--memory", memory)
    assert again.exit_code == 0 and _seg(docs, "p2.s1").status == "edited"


def test_the_refusal_is_said_in_arabic(folder, tmp_path):
    import os
    import subprocess
    import sys

    docs, gl, memory = folder
    desk.save(*_request(docs, "p2.s1", "ارتفعت الأسعار.", glossary=str(gl)))
    (docs / "other.txt").write_text("A different article entirely.\n")
    env = dict(os.environ, LANGUAGE="ar", PYTHONPATH=os.path.dirname(__file__))
    done = subprocess.run([sys.executable, "-m", "bilingual", "translate", str(docs / "other.txt"), "-o",
                           str(docs / "a.en-ar.xml"), *ENGINE, "--glossary", str(gl), "--memory", str(memory)],
                          capture_output=True, text=True, env=env)  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "من المقاطع المحررة أو المعتمدة" in done.stderr and "--overwrite" in done.stderr


def test_the_machine_s_text_goes_through_the_writer_too(run_cli, tmp_path):
    """The pipeline set machine targets with its own `replace`: an engine's lone surrogate reached the
    document writer, which refused the whole file as an internal error (exit 70)."""
    src = tmp_path / "a.txt"
    src.write_text("Haftar spoke in Derna.", encoding="utf-8")
    out = tmp_path / "a.xml"
    result = run_cli("translate", src, "-o", out, "--engine", "fake_engines:SurrogateEngine", "--no-memory")
    err = assert_one_line_error(result, 3)
    assert "cannot be stored" in err and "surrogate" in err and not out.exists()


# --- who a change is recorded under, and a reason: checked before anything is written ----------------


def _state(docs):
    return {p.relative_to(docs): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_an_editor_name_with_a_lone_surrogate_changes_nothing(folder, run_cli):
    """`bilingual replace --editor` with half a character rewrote the document, then failed to write
    its history (exit 70): a change no one could undo."""
    docs, gl, _memory = folder
    word = _seg(docs, "p2.s1").target.split()[0]
    before = _state(docs)
    done = run_cli("replace", word, "كلمة", "--folder", docs, "--no-memory", "--editor", "ed\udced")
    err = assert_one_line_error(done)
    assert "cannot be stored" in err and "surrogate" in err
    assert _state(docs) == before
    workspace, request = _request(docs, "p2.s1", "ارتفعت الأسعار", glossary=str(gl))
    with pytest.raises(UnwritableText):
        desk.save(workspace, replace(request, who="ed\ud800"))
    with pytest.raises(UnwritableText):
        desk.dismiss_finding(str(docs), "a.en-ar.xml", "p2.s1", "names", "checked \ud800", who="ed")
    from bilingual.jobs import comments

    with pytest.raises(UnwritableText):
        comments.add_comment(str(docs), "a.en-ar.xml", "p2.s1", "a note", who="ed\ud800")
    assert _state(docs) == before


def test_a_user_or_a_desk_editor_named_with_a_lone_surrogate_is_refused(run_cli, tmp_path):
    users = tmp_path / "users.toml"
    done = run_cli("users", "add", "ed\udced", "--role", "translator", "--users", users)
    assert "cannot be a user's name" in assert_one_line_error(done) and not users.exists()
    from bilingual.serve.start import ServeRequest, desk_settings

    with pytest.raises(UnwritableText):
        desk_settings(Workspace(folder=str(tmp_path)), ServeRequest(who="ed\ud800"))
