"""Attacks, class 1: data loss and integrity. Nothing already written is lost or half-written."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from bilingual.formats.aligned import parse_aligned
from bilingual.workspace import Workspace

from conftest import EXAMPLES, ROOT, assert_one_line_error

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


def test_an_output_never_replaces_its_input(run_cli, tmp_path):
    same = tmp_path / "same.txt"
    same.write_text("Derna waits.")
    err = assert_one_line_error(run_cli("translate", same, "-o", same, *ENGINE, "--no-memory"), 1)
    assert "would replace an input" in err and same.read_text() == "Derna waits."
    other = tmp_path / "other.txt"
    other.write_text("Cairo watches.")
    # outputs into the inputs' own folder get names of their own, never the inputs'
    result = run_cli("translate", same, other, "-o", tmp_path, *ENGINE, "--no-memory", "-q")
    assert result.exit_code == 0 and same.read_text() == "Derna waits." and other.read_text() == "Cairo watches."


def test_an_export_never_replaces_its_document(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    assert run_cli("translate", article, *ENGINE, "--no-memory", "-q").exit_code == 0
    doc = tmp_path / "a.en-ar.xml"
    before = doc.read_bytes()
    err = assert_one_line_error(run_cli("export", doc, "--to", "po", "-o", doc), 1)
    assert "would replace an input" in err and doc.read_bytes() == before


def test_exports_into_a_folder_keep_their_own_names(run_cli, tmp_path):
    """``-o out/`` once wrote a file named ``out``, and each later export replaced the one before."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Derna waits ({name}).")
        assert run_cli("translate", tmp_path / f"{name}.txt", *ENGINE, "--no-memory", "-q").exit_code == 0
    out = tmp_path / "out"
    for name in ("a", "b"):
        result = run_cli("export", tmp_path / f"{name}.en-ar.xml", "--to", "md", "--arabic-only", "-o", f"{out}/")
        assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.ar.md", "a.en-ar.md", "b.ar.md", "b.en-ar.md"]
    result = run_cli("export", tmp_path / "a.en-ar.xml", "--to", "po", "-o", out)  # an existing folder, no slash
    assert result.exit_code == 0 and (out / "a.en-ar.po").is_file()
    corrections = out / "a.en-ar.po"
    result = run_cli("apply", tmp_path / "a.en-ar.xml", corrections, "-o", f"{tmp_path / 'applied'}/", "--no-memory")
    assert result.exit_code == 0 and (tmp_path / "applied" / "a.en-ar.xml").is_file()
    err = assert_one_line_error(run_cli("glossary", "export", f"{out}/", "--to", "csv"), 1)
    assert "is a folder" in err


def test_apply_never_replaces_another_file_without_being_told(run_cli, tmp_path):
    """``apply -o`` onto an existing file (another corrected copy, say) replaced it silently."""
    (tmp_path / "a.txt").write_text("Derna waits.")
    assert run_cli("translate", tmp_path / "a.txt", *ENGINE, "--no-memory", "-q").exit_code == 0
    doc = tmp_path / "a.en-ar.xml"
    assert run_cli("export", doc, "--to", "po", "-o", tmp_path / "a.po").exit_code == 0
    other = tmp_path / "out" / "a.en-ar.xml"
    other.parent.mkdir()
    other.write_text("an editor's other copy")
    err = assert_one_line_error(run_cli("apply", doc, tmp_path / "a.po", "-o", f"{other.parent}/", "--no-memory"), 1)
    assert "output exists" in err and other.read_text() == "an editor's other copy"
    assert run_cli("apply", doc, tmp_path / "a.po", "-o", other, "--no-memory", "--overwrite").exit_code == 0
    assert other.read_text() != "an editor's other copy"
    assert run_cli("apply", doc, tmp_path / "a.po", "--no-memory").exit_code == 0  # in place: the document itself


def test_re_exporting_never_replaces_an_editors_unapplied_work(run_cli, tmp_path):
    """An editor works in the exported PO; exporting again replaced their work silently."""
    import polib

    (tmp_path / "a.txt").write_text("Derna waits. Cairo watches.")
    assert run_cli("translate", tmp_path / "a.txt", *ENGINE, "--no-memory", "-q").exit_code == 0
    doc, po_path = tmp_path / "a.en-ar.xml", tmp_path / "a.en-ar.po"
    assert run_cli("export", doc, "--to", "po").exit_code == 0
    assert run_cli("export", doc, "--to", "po").exit_code == 0  # nothing of an editor's in it: fine
    po = polib.pofile(str(po_path))
    po[0].msgstr = "درنة تنتظر بصبر."
    po.save()
    edited = po_path.read_bytes()
    err = assert_one_line_error(run_cli("export", doc, "--to", "po"), 1)
    assert "holds 1 translations the document lacks" in err and po_path.read_bytes() == edited
    assert run_cli("apply", doc, po_path, "--no-memory").exit_code == 0
    assert run_cli("export", doc, "--to", "po").exit_code == 0  # applied: the document has it now
    assert "درنة تنتظر بصبر." in po_path.read_text(encoding="utf-8")
    (tmp_path / "notes.xliff").write_text("not an exchange file at all")
    err = assert_one_line_error(run_cli("export", doc, "--to", "xliff", "-o", tmp_path / "notes.xliff"), 1)
    assert "is not an earlier xliff export" in err
    assert run_cli("export", doc, "--to", "xliff", "-o", tmp_path / "notes.xliff", "--overwrite").exit_code == 0


def test_a_glossary_export_never_replaces_a_glossary_file(run_cli, tmp_path):
    gl = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", gl)
    before = (gl / "people.po").read_bytes()
    err = assert_one_line_error(run_cli("glossary", "export", gl / "people.po", "--to", "csv", "--glossary", gl), 4)
    assert "would replace a file of the glossary" in err and (gl / "people.po").read_bytes() == before


def test_inputs_with_one_stem_get_outputs_of_their_own(run_cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    inputs = [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", tmp_path / "x.md"]
    for n, path in enumerate(inputs):
        path.write_text(f"Sentence number {n} is here.")
    out = tmp_path / "out"
    result = run_cli("translate", *inputs, "-o", f"{out}/", *ENGINE, "--no-memory")
    assert result.exit_code == 0, result.stderr
    written = sorted(out.iterdir())
    assert len(written) == 3 and "another input has the same name" in result.stderr
    sources = sorted(parse_aligned(p.read_bytes()).segments()[0].source for p in written)
    assert sources == [f"Sentence number {n} is here." for n in range(3)]


def test_translate_refuses_to_replace_a_file_that_is_not_its_output(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    notes = tmp_path / "notes.xml"
    notes.write_text("<notes>an editor's own file</notes>")
    err = assert_one_line_error(run_cli("translate", article, "-o", notes, *ENGINE, "--no-memory"), 1)
    assert "--overwrite" in err and notes.read_text() == "<notes>an editor's own file</notes>"


@pytest.mark.parametrize("depth, ok", [(300, True), (1500, True), (3000, False)])
def test_deep_html_is_read_whole_or_refused(run_cli, tmp_path, depth, ok):
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep inside.</p>"
        + "</div>" * depth
        + "<p>After the nesting.</p><p>The last one.</p></body></html>"
    )
    result = run_cli("translate", page, *ENGINE, "--no-memory", "-q")
    if ok:
        assert result.exit_code == 0, result.stderr
        doc = parse_aligned((tmp_path / "deep.en-ar.xml").read_bytes())
        assert [s.source for s in doc.segments()] == ["Deep inside.", "After the nesting.", "The last one."]
    else:
        assert "2,048 deep" in assert_one_line_error(result, 1)
        assert not (tmp_path / "deep.en-ar.xml").exists()


def _memory_with_rows(path, n: int = 400) -> None:
    from bilingual.memory.store import Memory

    with Memory(path) as memory:
        for i in range(n):
            memory.put(f"Sentence {i} about Derna and the coast road.", f"جملة {i} عن درنة والطريق الساحلي.", "edited")
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def test_a_memory_with_a_damaged_page_is_refused_and_left_byte_identical(run_cli, tmp_path):
    path = tmp_path / "m.sqlite3"
    _memory_with_rows(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for k in (2, 3, 4):  # the b-tree headers of pages in the middle; the file header is intact
        data[k * page : k * page + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    po = tmp_path / "c.po"
    po.write_text('msgid "Derna waits."\nmsgstr "درنة تنتظر."\n', encoding="utf-8")
    err = assert_one_line_error(run_cli("import", po, "--memory", path), 5)
    assert "damaged" in err
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    assert_one_line_error(run_cli("translate", article, *ENGINE, "--memory", path), 5)
    assert path.read_bytes() == before and not (tmp_path / "a.en-ar.xml").exists()


def test_a_sqlite_file_that_is_not_a_memory_is_refused(run_cli, tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    con.commit()
    con.close()
    before = path.read_bytes()
    po = tmp_path / "c.po"
    po.write_text('msgid "Derna waits."\nmsgstr "درنة تنتظر."\n', encoding="utf-8")
    err = assert_one_line_error(run_cli("import", po, "--memory", path), 5)
    assert "not a bilingual translation memory" in err and "invoices" in err
    assert path.read_bytes() == before


def test_an_edit_through_a_symbolic_link_keeps_the_link(run_cli, tmp_path):
    real = tmp_path / "shared" / "people.po"
    real.parent.mkdir()
    shutil.copy(ROOT / "glossary" / "people.po", real)
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "people.po").symlink_to(real)
    result = run_cli("glossary", "add", "Zaid Test", "زيد تست", "--kind", "person", "--glossary", gl)
    assert result.exit_code == 0, result.stderr
    assert (gl / "people.po").is_symlink() and "Zaid Test" in real.read_text(encoding="utf-8")


def test_a_read_only_glossary_file_is_refused_or_keeps_its_mode(run_cli, tmp_path):
    """An ordinary user is refused (the file is not replaced by a writable copy); root, who may write
    it, leaves it read-only as it found it."""
    gl = tmp_path / "glossary"
    gl.mkdir()
    shutil.copy(ROOT / "glossary" / "people.po", gl / "people.po")
    (gl / "people.po").chmod(0o444)
    before = (gl / "people.po").read_bytes()
    result = run_cli("glossary", "add", "Zaid Test", "زيد تست", "--kind", "person", "--glossary", gl)
    if os.geteuid() == 0:
        assert result.exit_code == 0 and (gl / "people.po").stat().st_mode & 0o777 == 0o444
    else:
        assert result.exit_code != 0 and (gl / "people.po").read_bytes() == before


def test_a_file_s_permissions_survive_an_edit(run_cli, tmp_path):
    gl = tmp_path / "glossary"
    gl.mkdir()
    shutil.copy(ROOT / "glossary" / "people.po", gl / "people.po")
    (gl / "people.po").chmod(0o640)
    assert run_cli("glossary", "add", "Zaid Test", "زيد تست", "--kind", "person", "--glossary", gl).exit_code == 0
    assert (gl / "people.po").stat().st_mode & 0o777 == 0o640


def _dead_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_leftovers_of_interrupted_runs_are_swept(run_cli, tmp_path, monkeypatch):
    from bilingual.engines.argos import packages

    dead = _dead_pid()
    directory = tmp_path / "packages"
    (directory / f".installing-{dead}-abc" / "big").mkdir(parents=True)
    (directory / f".download-{dead}-abc.part").write_bytes(b"x" * 1000)
    (directory / f".installing-{os.getpid()}-mine").mkdir()  # a live owner's work is left alone
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    packages.install_file(ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel", directory=directory)
    names = sorted(p.name for p in directory.iterdir() if p.name.startswith("."))
    assert f".installing-{dead}-abc" not in names and f".download-{dead}-abc.part" not in names
    assert f".installing-{os.getpid()}-mine" in names
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    stale = tmp_path / f".a.en-ar.xml.{dead}-xyz.tmp"
    stale.write_text("half a document")
    assert run_cli("translate", article, *ENGINE, "--no-memory", "-q").exit_code == 0
    assert not stale.exists() and not list(tmp_path.glob(".a.en-ar.xml.*.tmp"))


def test_an_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    from bilingual import fsutil

    target = tmp_path / "doc.xml"
    target.write_text("the old document")

    def explode(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(fsutil.os, "replace", explode)
    with pytest.raises(KeyboardInterrupt):
        fsutil.write_bytes(target, b"the new document")
    assert target.read_text() == "the old document"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.xml"]


def test_the_example_translates_twice_to_the_same_bytes(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    assert run_cli("translate", article, *ENGINE, "--no-memory", "-q").exit_code == 0
    first = (tmp_path / "a.en-ar.xml").read_bytes()
    assert run_cli("translate", article, *ENGINE, "--no-memory", "-q").exit_code == 0
    assert (tmp_path / "a.en-ar.xml").read_bytes() == first


def test_respelling_a_name_never_rewrites_another_word_of_an_editors_text(run_cli, tmp_path):
    """An edit 'قال مصرف مصر ذلك.' then Egypt → جمهورية مصر gave 'قال جمهورية مصرف مصر ذلك.': the name was
    located inside مصرف ("bank") when the edit was imported."""
    import polib

    gl, memory = tmp_path / "g", tmp_path / "m.sqlite3"
    assert run_cli("glossary", "add", "Egypt", "مصر", "--kind", "place", "--glossary", gl).exit_code == 0
    (tmp_path / "a.txt").write_text("Egypt said so.")
    translate = ("translate", tmp_path / "a.txt", *ENGINE, "--glossary", gl, "--memory", memory, "-q")
    assert run_cli(*translate).exit_code == 0
    doc = tmp_path / "a.en-ar.xml"
    assert run_cli("export", doc, "--to", "po").exit_code == 0
    po = polib.pofile(str(tmp_path / "a.en-ar.po"))
    po[0].msgstr = "قال مصرف مصر ذلك."
    po.save()
    assert run_cli("import", tmp_path / "a.en-ar.po", "--memory", memory, "--glossary", gl).exit_code == 0
    assert run_cli("glossary", "set", "Egypt", "جمهورية مصر", "--glossary", gl).exit_code == 0
    assert run_cli(*translate).exit_code == 0
    (seg,) = parse_aligned(doc.read_bytes()).segments()
    assert seg.target == "قال مصرف جمهورية مصر ذلك." and seg.status == "edited"


def test_a_glossary_import_killed_halfway_leaves_the_old_glossary_or_the_new_one(run_cli, tmp_path, monkeypatch):
    """Some PO files new, some old, after a kill during an import that touches several files."""
    from bilingual import fsutil
    from bilingual.names.load import load_glossary

    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Sirte", "سرت", "--kind", "place", "--glossary", gl).exit_code == 0
    sheet = tmp_path / "in.csv"
    sheet.write_text(
        "english,arabic,kind\nHaftar,حفتر,person\nDerna,درنة,place\nLNA,الجيش الوطني,org\n", encoding="utf-8"
    )
    real, renames = os.replace, []

    def dying(src, dst):
        if str(src).endswith(".tmp") and str(dst).endswith(".po") and renames:
            raise KeyboardInterrupt  # killed after the first file of the commit was renamed
        if str(dst).endswith(".po"):
            renames.append(dst)
        return real(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", dying)
    with pytest.raises(KeyboardInterrupt):
        from bilingual.jobs.glossary import TermsImportRequest, import_terms

        import_terms(Workspace(glossary_path=str(gl)), TermsImportRequest(file=str(sheet)))
    monkeypatch.setattr(fsutil.os, "replace", real)
    names = {e.english for e in load_glossary(gl).entries}  # the next reader finishes the commit
    assert names == {"Sirte", "Haftar", "Derna", "LNA"}
    assert not list(gl.glob(".*.tmp")) and not (gl / ".bilingual-commit.json").exists()


def test_a_glossary_import_killed_before_its_commit_leaves_the_old_glossary(run_cli, tmp_path, monkeypatch):
    from bilingual.jobs.glossary import TermsImportRequest, import_terms
    from bilingual.names.load import load_glossary

    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Sirte", "سرت", "--kind", "place", "--glossary", gl).exit_code == 0
    sheet = tmp_path / "in.csv"
    sheet.write_text("english,arabic,kind\nHaftar,حفتر,person\nDerna,درنة,place\n", encoding="utf-8")
    from bilingual import journal

    real = journal.write_text  # the journal is written with it: killed before the journal is in place
    monkeypatch.setattr(journal, "write_text", lambda path, text: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        import_terms(Workspace(glossary_path=str(gl)), TermsImportRequest(file=str(sheet)))
    monkeypatch.setattr(journal, "write_text", real)
    assert {e.english for e in load_glossary(gl).entries} == {"Sirte"}
    assert not list(gl.glob(".*.tmp"))


def _translated(run_cli, tmp_path, memory):
    (tmp_path / "a.txt").write_text("Derna waits.")
    assert run_cli("translate", tmp_path / "a.txt", *ENGINE, "--memory", memory, "-q").exit_code == 0
    return tmp_path / "a.en-ar.xml"


def test_no_output_replaces_the_memory_an_input_or_a_glossary_file(run_cli, tmp_path, monkeypatch):
    """--report onto the memory made it 'not a database' with exit 0; export -o and glossary export onto the
    memory, a report onto the corrections file or a glossary file: all replaced them."""
    memory = tmp_path / "m.sqlite3"
    monkeypatch.setenv("BILINGUAL_MEMORY", str(memory))
    doc = _translated(run_cli, tmp_path, memory)
    assert run_cli("export", doc, "--to", "po").exit_code == 0
    po = tmp_path / "a.en-ar.po"
    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Derna", "درنة", "--kind", "place", "--glossary", gl).exit_code == 0
    kept = {p: p.read_bytes() for p in (memory, po, gl / "places.po", doc)}
    attempts = [
        (("import", po, "--memory", memory, "--report", memory), "translation memory"),
        (("import", po, "--report", memory), "translation memory"),
        (("apply", doc, po, "--memory", memory, "--report", po), "replace an input"),
        (("apply", doc, po, "--memory", memory, "--report", doc), "replace an input"),
        (("import", po, "--memory", memory, "--glossary", gl, "--report", gl / "places.po"), "glossary"),
        (("export", doc, "--to", "html", "-o", memory), "translation memory"),
        (("export", doc, "--to", "html", "-o", memory, "--overwrite"), "translation memory"),
        (("glossary", "export", memory, "--to", "csv", "--glossary", gl, "--overwrite"), "translation memory"),
    ]
    for args, words in attempts:
        result = run_cli(*args)
        assert result.exit_code in (1, 4), (args, result.stderr)
        assert words in result.stderr, (args, result.stderr)
    assert {p: p.read_bytes() for p in kept} == kept


def test_a_file_that_is_not_an_earlier_output_is_kept_unless_told(run_cli, tmp_path):
    doc = _translated(run_cli, tmp_path, tmp_path / "m.sqlite3")
    notes = tmp_path / "notes.html"
    notes.write_text("<html><body>an editor's own page</body></html>")
    err = assert_one_line_error(run_cli("export", doc, "--to", "html", "-o", notes), 1)
    assert "not an earlier html export" in err and "--overwrite" in err
    assert notes.read_text() == "<html><body>an editor's own page</body></html>"
    assert run_cli("export", doc, "--to", "html", "-o", notes).exit_code == 1
    report = tmp_path / "report.tsv"
    report.write_text("my,own,sheet\n")
    err = assert_one_line_error(run_cli("import", tmp_path / "a.txt", "--report", report), 1)
    assert report.read_text() == "my,own,sheet\n"
    assert run_cli("export", doc, "--to", "html", "-o", notes, "--overwrite").exit_code == 0
    assert run_cli("export", doc, "--to", "html", "-o", notes).exit_code == 0  # ours now: replaced freely


def test_a_symbolic_link_planted_at_the_output_is_not_followed(run_cli, tmp_path):
    doc = _translated(run_cli, tmp_path, tmp_path / "m.sqlite3")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "a.en-ar.html"
    link.symlink_to(victim)
    err = assert_one_line_error(run_cli("export", doc, "--to", "html"), 1)
    assert "symbolic link" in err and victim.read_text() == "precious"
    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Derna", "درنة", "--kind", "place", "--glossary", gl).exit_code == 0
    (tmp_path / "terms.csv").symlink_to(victim)
    assert run_cli("glossary", "export", tmp_path / "terms.csv", "--glossary", gl).exit_code != 0
    assert victim.read_text() == "precious"
    assert run_cli("export", doc, "--to", "html", "--overwrite").exit_code == 0  # told: written through it
    assert link.is_symlink() and "درنة" in victim.read_text(encoding="utf-8")


def test_apply_killed_halfway_leaves_memory_and_document_in_agreement(run_cli, tmp_path, monkeypatch):
    """A kill during apply left some corrections in the memory and none in the document."""
    import polib

    from bilingual.jobs.exchange import ApplyRequest, apply_corrections
    from bilingual.memory.store import Memory

    memory = tmp_path / "m.sqlite3"
    (tmp_path / "a.txt").write_text("Derna waits. Sirte sleeps. Tobruk watches.")
    assert run_cli("translate", tmp_path / "a.txt", *ENGINE, "--memory", memory, "-q").exit_code == 0
    doc = tmp_path / "a.en-ar.xml"
    assert run_cli("export", doc, "--to", "po").exit_code == 0
    po = polib.pofile(str(tmp_path / "a.en-ar.po"))
    for n, entry in enumerate(po):
        entry.msgstr = f"تصحيح {n}"
    po.save()
    before = doc.read_bytes()
    real_put, calls = Memory.put, []

    def dying_put(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_put(self, *args, **kwargs)

    monkeypatch.setattr(Memory, "put", dying_put)
    request = ApplyRequest(document=str(doc), corrections=str(tmp_path / "a.en-ar.po"))
    workspace = Workspace(memory_path=str(memory))
    with pytest.raises(KeyboardInterrupt):
        apply_corrections(workspace, request)
    monkeypatch.setattr(Memory, "put", real_put)
    with Memory(memory) as m:
        assert not any(m.get(s.source).status == "edited" for s in parse_aligned(before).segments())
    assert doc.read_bytes() == before  # neither has any of it

    from bilingual import outputs

    monkeypatch.setattr(outputs, "write", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):  # killed after the memory's commit, before the document's write
        apply_corrections(workspace, request)
    monkeypatch.undo()
    assert doc.read_bytes() == before
    assert apply_corrections(workspace, request).exit_code == 0  # the same apply again brings them level
    applied = parse_aligned(doc.read_bytes()).segments()
    with Memory(memory) as m:
        assert all(m.get(s.source).target == s.target and s.status == "edited" for s in applied)


def test_a_converted_package_never_replaces_a_file_of_its_own_input(run_cli, tmp_path):
    folder = tmp_path / "marian"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "marian"}')
    before = (folder / "config.json").read_bytes()
    err = assert_one_line_error(run_cli("models", "convert", folder, "-o", folder / "config.json"), 1)
    assert "file of an input folder" in err and (folder / "config.json").read_bytes() == before
    err = assert_one_line_error(run_cli("models", "convert", folder, "-o", folder / "config.json", "--overwrite"), 1)
    assert (folder / "config.json").read_bytes() == before
