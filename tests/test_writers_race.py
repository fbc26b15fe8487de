"""Writers against each other in real processes (issue 26): every human text ends in the document or
is listed as a conflict with both texts; nothing is lost with exit 0.

Before the document lock, two applies of one document at once lost one apply's corrections in
every round, and a desk save during an apply was overwritten by the apply's stale copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import polib
import pytest

from bilingual.formats.aligned import read_aligned

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")
SENTENCES = 1500  # enough that two writers overlap in time on this machine


def _cli(*args, cwd, check=True):
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    done = subprocess.run([sys.executable, "-m", "bilingual", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)  # fmt: skip
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def article(tmp_path):
    """A long article translated into an aligned document, and two PO files, each editing half of it."""
    text = "\n\n".join(f"Sentence number {i} tells of the talks in the city." for i in range(SENTENCES))
    (tmp_path / "a.txt").write_text(text + "\n")
    (tmp_path / "glossary").mkdir()
    _cli("translate", tmp_path / "a.txt", *ENGINE, "--memory", tmp_path / "m.sqlite3", "-q", cwd=tmp_path)
    doc = tmp_path / "a.en-ar.xml"
    _cli("export", doc, "--to", "po", "-o", tmp_path / "base.po", cwd=tmp_path)
    for half in (0, 1):
        catalog = polib.pofile(str(tmp_path / "base.po"))
        for i, entry in enumerate(catalog):
            if i % 2 == half:
                entry.msgstr = f"تصحيح {half} للجملة {i}"
        catalog.save(str(tmp_path / f"half{half}.po"))
    return tmp_path, doc


def _edits(doc):
    return {s.id: s.target for s in read_aligned(str(doc)).segments() if s.status == "edited"}


def _applies_at_once(doc, files, memory):
    """`bilingual apply DOC FILE` for each file, all started at once, each a process of its own; all must succeed."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    runs = [subprocess.Popen([sys.executable, "-m", "bilingual", "apply", str(doc), str(f), "--memory", str(memory)],
                             cwd=os.path.dirname(memory), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for f in files]  # fmt: skip
    for run in runs:
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err


def test_two_applies_at_once_keep_both_halves(article):
    folder, doc = article
    _applies_at_once(doc, [folder / f"half{h}.po" for h in (0, 1)], folder / "m.sqlite3")
    edits = _edits(doc)
    assert len(edits) == SENTENCES  # both halves: none lost
    assert {t.split()[1] for t in edits.values()} == {"0", "1"}


def test_a_desk_save_during_an_apply_is_kept(article):
    folder, doc = article
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    # the desk saves p1.s1 again and again while an apply of the other half (which has no edit of
    # p1.s1) rewrites the document: the apply must not write back its stale copy of p1.s1
    saver = textwrap.dedent(f"""
        from bilingual.formats.aligned import read_aligned
        from bilingual.jobs import desk
        from bilingual.workspace import Workspace
        last = ""
        for round in range(40):
            seg = next(s for s in read_aligned({str(doc)!r}).segments() if s.id == "p1.s1")
            last = f"نص المحرر {{round}}"
            desk.save_segment(Workspace(use_memory=False, folder={str(folder)!r}),
                              desk.SaveRequest("a.en-ar.xml", "p1.s1", last, desk.segment_version(seg.target, seg.status)))
        print(round)
    """)
    desk_run = subprocess.Popen([sys.executable, "-c", saver], cwd=folder, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip
    _cli("apply", doc, folder / "half1.po", "--memory", folder / "m.sqlite3", cwd=folder)
    out, err = desk_run.communicate(timeout=300)
    assert desk_run.returncode == 0, err
    edits = _edits(doc)
    assert edits["p1.s1"] == f"نص المحرر {out.split()[-1]}"  # the desk's last save
    assert len([t for t in edits.values() if t.startswith("تصحيح 1")]) == SENTENCES // 2  # and every correction


def test_an_old_po_applied_after_desk_saves_loses_none_of_them(article):
    folder, doc = article
    from bilingual.jobs import desk
    from bilingual.workspace import Workspace

    ids = [s.id for s in read_aligned(str(doc)).segments()][:10]
    for seg_id in ids:
        seg = next(s for s in read_aligned(str(doc)).segments() if s.id == seg_id)
        desk.save_segment(Workspace(use_memory=False, folder=str(folder)),
                          desk.SaveRequest("a.en-ar.xml", seg_id, f"حفظ المحرر {seg_id}",
                                           desk.segment_version(seg.target, seg.status)))  # fmt: skip
    applied = _cli("apply", doc, folder / "half0.po", "--memory", folder / "m.sqlite3", cwd=folder)
    after = {s.id: s.target for s in read_aligned(str(doc)).segments()}
    assert all(after[i] == f"حفظ المحرر {i}" for i in ids)  # 0 of 10 replaced
    conflicts = int(applied.stderr.split(" conflicts")[0].rsplit(" ", 1)[-1])
    assert conflicts == len([i for n, i in enumerate(ids) if n % 2 == 0])  # the half the file edited: listed
    for seg_id in ids[::2]:
        assert f"حفظ المحرر {seg_id}" in applied.stdout  # both texts shown


def test_translate_onto_an_edited_output_while_an_apply_runs(article):
    folder, doc = article
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    apply_run = subprocess.Popen([sys.executable, "-m", "bilingual", "apply", str(doc), str(folder / "half0.po"),
                                  "--memory", str(folder / "m.sqlite3")], cwd=folder, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    translated = _cli("translate", folder / "a.txt", *ENGINE, "--no-memory", cwd=folder)
    _out, err = apply_run.communicate(timeout=300)
    assert apply_run.returncode == 0, err
    assert "Traceback" not in translated.stderr
    # whichever came second, the apply's corrections are in the document (kept by translate, or applied after it)
    assert len(_edits(doc)) == SENTENCES // 2


def test_a_merge_applied_while_another_apply_edits_other_paragraphs(tmp_path):
    """Issue 29: joining segments goes through the same lock and writer as any apply."""
    from xml.sax.saxutils import escape

    paragraphs = 600
    text = "\n\n".join(f"Talks number {i} began at dawn. They ended before noon." for i in range(paragraphs))
    (tmp_path / "a.txt").write_text(text + "\n")
    (tmp_path / "glossary").mkdir()
    _cli("translate", tmp_path / "a.txt", *ENGINE, "--memory", tmp_path / "m.sqlite3", "-q", cwd=tmp_path)
    doc = tmp_path / "a.en-ar.xml"
    segments = read_aligned(str(doc)).segments()
    by_paragraph: dict[str, list] = {}
    for seg in segments:
        by_paragraph.setdefault(seg.id.split(".")[0], []).append(seg)
    merged = {p: segs for i, (p, segs) in enumerate(by_paragraph.items()) if i % 2 == 0}
    tus = "".join(
        f'<tu><tuv xml:lang="EN"><seg>{escape(segs[0].source + " " + segs[1].source)}</seg></tuv>'
        f'<tuv xml:lang="AR"><seg>دمج الفقرة {p}</seg></tuv></tu>'
        for p, segs in merged.items()
    )
    (tmp_path / "save.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" o-tmf="x" '
        f'adminlang="EN-US" datatype="plaintext" segtype="sentence" srclang="EN"/><body>{tus}</body></tmx>\n'
    )
    _cli("export", doc, "--to", "po", "-o", tmp_path / "base.po", cwd=tmp_path)
    catalog = polib.pofile(str(tmp_path / "base.po"))
    for entry in catalog:
        if entry.msgctxt.split(".")[0] not in merged:
            entry.msgstr = f"تصحيح {entry.msgctxt}"
    catalog.save(str(tmp_path / "edits.po"))
    _applies_at_once(doc, [tmp_path / "save.tmx", tmp_path / "edits.po"], tmp_path / "m.sqlite3")
    after = read_aligned(str(doc)).segments()
    joined = {s.id.split(".")[0]: s.target for s in after if s.target.startswith("دمج")}
    edited = [s for s in after if s.target.startswith("تصحيح")]
    assert joined == {p: f"دمج الفقرة {p}" for p in merged}  # every merge joined, none lost
    assert len(edited) == 2 * (paragraphs - len(merged))  # every edit of the other paragraphs kept
    assert len(after) == len(segments) - len(merged)


def test_a_replacement_across_the_folder_while_an_apply_runs_keeps_both(article):
    folder, doc = article
    _cli("apply", doc, folder / "half1.po", "--memory", folder / "m.sqlite3", cwd=folder)
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    replacer = textwrap.dedent(f"""
        from bilingual.jobs import replace
        from bilingual.workspace import Workspace
        done = replace.apply(Workspace(use_memory=False, folder={str(folder)!r}),
                             replace.ReplaceRequest("تصحيح 1", "تصحيح واحد"))
        print(len(done.changed))
    """)
    replace_run = subprocess.Popen([sys.executable, "-c", replacer], cwd=folder, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
    _cli("apply", doc, folder / "half0.po", "--memory", folder / "m.sqlite3", cwd=folder)
    out, err = replace_run.communicate(timeout=300)
    assert replace_run.returncode == 0, err
    assert out.split()[-1] == str(SENTENCES // 2)
    edits = _edits(doc)
    assert len([t for t in edits.values() if t.startswith("تصحيح 0")]) == SENTENCES // 2  # every correction
    assert len([t for t in edits.values() if t.startswith("تصحيح واحد")]) == SENTENCES // 2  # and every replacement


def test_comments_added_on_the_desk_while_an_apply_brings_comments_back_are_all_kept(article):
    """Two writers of a document's comments in two processes: the desk's use case adding one comment at
    a time, and an apply taking in the comments an editor's PO brought back. Every one of both is kept."""
    folder, doc = article
    catalog = polib.pofile(str(folder / "base.po"))
    ids = [entry.msgctxt for entry in catalog][:300]
    for i, entry in enumerate(catalog):
        if i < 300:
            entry.tcomment = f"[Nour] remark {i}"
    catalog.save(str(folder / "remarks.po"))
    env = dict(os.environ, PYTHONPATH=os.path.dirname(__file__))
    adder = textwrap.dedent(f"""
        from bilingual.jobs import comments
        for i, seg in enumerate({ids!r}):
            comments.add_comment({str(folder)!r}, "a.en-ar.xml", seg, f"desk note {{i}}", who="Huda")
    """)
    desk_run = subprocess.Popen([sys.executable, "-c", adder], cwd=folder, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip
    done = _cli("apply", doc, folder / "remarks.po", "--memory", folder / "m.sqlite3", cwd=folder)
    _out, err = desk_run.communicate(timeout=300)
    assert desk_run.returncode == 0, err
    assert "300 comments added" in done.stderr + done.stdout
    from bilingual.jobs.comments import read_comments

    texts = sorted(c.text for c in read_comments(doc))
    assert texts == sorted([f"desk note {i}" for i in range(300)] + [f"remark {i}" for i in range(300)])
