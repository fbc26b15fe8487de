"""What comes back from a CAT tool is told apart (issue 29, item 2): a copy of the English is no
edit whatever state the file gives it; a unit covering several segments (a merge in OmegaT, or two
PO units made one by hand) joins them and leaves no machine text behind; a unit whose English was
rewritten whole is a new pair; a PO whose header a tool emptied is read as ours, and the import says so.

Each test of a fault here failed on the code before this change; the acronym test guards what the fix must keep.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

import polib
import pytest

from bilingual.formats.aligned import read_aligned
from bilingual.memory.store import Memory
from bilingual.writer import verify

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")
ARTICLE = (
    "The council met in Tobruk on Monday. Its speaker said the vote would wait. Delegates left before noon.\n\n"
    "Prices of bread rose again in the capital.\n"
)
JOINED_AR = "اجتمع المجلس في طبرق يوم الاثنين وقال رئيسه إن التصويت سينتظر."


@pytest.fixture
def article(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    memory = tmp_path / "m.sqlite3"
    assert run_cli("translate", tmp_path / "a.txt", *ENGINE, "--memory", memory, "-q").exit_code == 0
    return tmp_path / "a.en-ar.xml", memory


def _segments(path):
    return {s.id: s for s in read_aligned(str(path)).segments()}


def _save_tmx(path, pairs):
    """A project_save.tmx as OmegaT writes it: one tu per segment, keyed by the English it shows."""
    tus = "".join(
        f'<tu><tuv xml:lang="EN"><seg>{escape(s)}</seg></tuv><tuv xml:lang="AR" changeid="ed" '
        f'changedate="20261207T100000Z"><seg>{escape(t)}</seg></tuv></tu>'
        for s, t in pairs
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" o-tmf="OmegaT TMX" '
        'adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0" segtype="sentence" srclang="EN"/>'
        f"<body>{tus}</body></tmx>\n",
        encoding="utf-8",
    )


def _exported_po(run_cli, doc, tmp_path):
    """The document exported as PO, and the catalogue to change as an editor's tool would."""
    po_path = tmp_path / "a.po"
    assert run_cli("export", doc, "--to", "po", "-o", po_path).exit_code == 0
    return po_path, polib.pofile(str(po_path))


# --- a copy of the English ---------------------------------------------------------------------


def test_an_approved_copy_of_the_english_in_xliff_is_no_edit(run_cli, article, tmp_path):
    doc, memory = article
    xlf = tmp_path / "a.xlf"
    assert run_cli("export", doc, "--to", "xliff", "-o", xlf).exit_code == 0
    text = xlf.read_text(encoding="utf-8")
    # every target made a copy of its source, and marked final and approved (as a tool "confirming all" does)
    text = re.sub(
        r"(<trans-unit [^>]*?)(>\s*<source [^>]*>(.*?)</source>\s*)<target ([^>]*)>.*?</target>",
        lambda m: f'{m.group(1)} approved="yes"{m.group(2)}<target xml:lang="ar" state="final">{m.group(3)}</target>',
        text,
        flags=re.S,
    )
    xlf.write_text(text, encoding="utf-8")
    done = run_cli("import", xlf, "--memory", memory)
    assert done.exit_code == 0, done.output
    assert "0 added, 0 updated" in done.stdout and "copy of the English source" in done.stdout
    applied = run_cli("apply", doc, xlf, "--memory", memory)
    assert applied.exit_code == 0 and "0 segments updated" in applied.stderr
    assert {s.status for s in _segments(doc).values()} == {"mt"}
    with Memory(memory) as m:
        assert all(m.get(s.source).status == "mt" for s in _segments(doc).values())


def test_a_figure_or_an_acronym_approved_as_it_stands_is_still_a_decision(run_cli, tmp_path):
    (tmp_path / "b.txt").write_text("UNSMIL.\n\nThe envoy spoke.\n", encoding="utf-8")
    assert run_cli("translate", tmp_path / "b.txt", *ENGINE, "--no-memory", "-q").exit_code == 0
    xlf = tmp_path / "b.xlf"
    assert run_cli("export", tmp_path / "b.en-ar.xml", "--to", "xliff", "-o", xlf).exit_code == 0
    text = xlf.read_text(encoding="utf-8")
    text = re.sub(r'<trans-unit id="p1.s1"', '<trans-unit approved="yes" id="p1.s1"', text)
    text = re.sub(r'(id="p1.s1".*?<target [^>]*>).*?(</target>)', r"\1UNSMIL.\2", text, count=1, flags=re.S)
    xlf.write_text(text, encoding="utf-8")
    applied = run_cli("apply", tmp_path / "b.en-ar.xml", xlf, "--no-memory")
    assert applied.exit_code == 0, applied.output
    seg = _segments(tmp_path / "b.en-ar.xml")["p1.s1"]
    assert (seg.target, seg.status) == ("UNSMIL.", "approved")


# --- merged units ------------------------------------------------------------------------------


def test_an_omegat_merge_joins_the_segments_it_covers(run_cli, article, tmp_path):
    doc, memory = article
    before = _segments(doc)
    merged = before["p1.s1"].source + " " + before["p1.s2"].source
    save = tmp_path / "project_save.tmx"
    _save_tmx(save, [(merged, JOINED_AR)])
    applied = run_cli("apply", doc, save, "--memory", memory)
    assert applied.exit_code == 0, applied.output
    assert "covers segments p1.s1 + p1.s2" in applied.stdout and "1 segments updated" in applied.stderr
    after = read_aligned(str(doc))
    verify(after)
    segs = {s.id: s for s in after.segments()}
    assert "p1.s2" not in segs and segs["p1.s1"].source == merged
    assert (segs["p1.s1"].target, segs["p1.s1"].status) == (JOINED_AR, "edited")
    assert segs["p1.s1"].machine == before["p1.s1"].target + " " + before["p1.s2"].target
    arabic = " ".join(s.target for s in after.segments())
    assert before["p1.s2"].target not in arabic  # the second sentence is not there twice
    assert segs["p1.s3"].target == before["p1.s3"].target
    with Memory(memory) as m:
        assert m.get(merged).target == JOINED_AR
    again = run_cli("apply", doc, save, "--memory", memory)  # applying the same file again changes nothing
    assert again.exit_code == 0 and "0 segments updated" in again.stderr
    for fmt in ("xliff", "po", "docx"):
        assert run_cli("export", doc, "--to", fmt, "-o", tmp_path / f"out.{fmt}").exit_code == 0


def test_two_po_units_merged_by_hand_leave_no_machine_text_behind(run_cli, article, tmp_path):
    doc, memory = article
    po_path, po = _exported_po(run_cli, doc, tmp_path)
    first, second = (next(e for e in po if e.msgctxt == i) for i in ("p1.s2", "p1.s3"))
    first.msgid = first.msgid + " " + second.msgid  # the translator made the two entries one
    first.msgstr = "وقال رئيسه إن التصويت سينتظر، وغادر المندوبون قبل الظهر."
    po.save()
    applied = run_cli("apply", doc, po_path, "--memory", memory)
    assert applied.exit_code == 0, applied.output
    segs = _segments(doc)
    assert list(segs) == ["p1.s1", "p1.s2", "p2.s1"]
    assert segs["p1.s2"].target == first.msgstr
    assert "segment p1.s3 was joined into p1.s2 by another unit" in applied.stdout


def test_an_edit_of_a_segment_another_unit_joins_is_kept_as_a_conflict(run_cli, article, tmp_path):
    doc, memory = article
    po_path, po = _exported_po(run_cli, doc, tmp_path)
    first, second = (next(e for e in po if e.msgctxt == i) for i in ("p1.s1", "p1.s2"))
    first.msgid = first.msgid + " " + second.msgid
    first.msgstr = JOINED_AR
    second.msgstr = "وقال رئيس المجلس إن التصويت مؤجل."
    po.save()
    applied = run_cli("apply", doc, po_path, "--memory", memory)
    assert applied.exit_code == 0, applied.output
    assert "1 conflicts" in applied.stderr and second.msgstr in applied.stdout
    assert _segments(doc)["p1.s1"].target == JOINED_AR


def test_a_merge_over_an_approved_segment_is_a_conflict_not_a_loss(run_cli, article, tmp_path):
    doc, memory = article
    xlf = tmp_path / "a.xlf"
    assert run_cli("export", doc, "--to", "xliff", "-o", xlf).exit_code == 0
    text = re.sub(r'<trans-unit id="p1.s2"', '<trans-unit approved="yes" id="p1.s2"', xlf.read_text("utf-8"))
    xlf.write_text(text, encoding="utf-8")
    assert run_cli("apply", doc, xlf, "--memory", memory).exit_code == 0
    approved = _segments(doc)["p1.s2"]
    assert approved.status == "approved"
    before = _segments(doc)
    save = tmp_path / "project_save.tmx"
    _save_tmx(save, [(before["p1.s1"].source + " " + before["p1.s2"].source, JOINED_AR)])
    applied = run_cli("apply", doc, save, "--memory", memory)
    assert applied.exit_code == 0 and "1 conflicts" in applied.stderr
    assert _segments(doc)["p1.s2"] == approved


# --- a source rewritten whole ------------------------------------------------------------------


def test_a_unit_whose_english_was_rewritten_whole_is_a_new_pair(run_cli, article, tmp_path):
    doc, memory = article
    xlf = tmp_path / "a.xlf"
    assert run_cli("export", doc, "--to", "xliff", "-o", xlf).exit_code == 0
    new_source = "Parliament postponed its session until the courts rule."
    new_target = "أرجأ البرلمان جلسته حتى تحكم المحاكم."
    text = re.sub(
        r'(id="p2.s1".*?<source [^>]*>).*?(</source>\s*<target [^>]*>).*?(</target>)',
        lambda m: m.group(1) + new_source + m.group(2) + new_target + m.group(3),
        xlf.read_text("utf-8"),
        count=1,
        flags=re.S,
    )
    xlf.write_text(text, encoding="utf-8")  # the state stays needs-review-translation, as the tool left it
    done = run_cli("import", xlf, "--memory", memory)
    assert done.exit_code == 0, done.output
    assert "1 added" in done.stdout and "taken as a new pair" in done.stdout
    assert "not changed from the machine text" not in done.stdout
    with Memory(memory) as m:
        hit = m.get(new_source)
        assert (hit.target, hit.status) == (new_target, "edited")


def test_a_foreign_unreviewed_unit_is_not_taken_and_the_reason_is_true(run_cli, tmp_path):
    xlf = tmp_path / "theirs.xlf"
    xlf.write_text(
        '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="x" source-language="en" target-language="ar" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>The port reopened.</source>'
        '<target state="needs-review-translation">أعيد فتح الميناء.</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    done = run_cli("import", xlf, "--memory", tmp_path / "m.sqlite3")
    assert done.exit_code == 0 and "0 added" in done.stdout
    assert "memory knows no machine text for this source" in done.stdout


# --- a PO header a tool emptied ----------------------------------------------------------------


def test_a_po_whose_header_lost_its_fields_is_read_as_ours_and_said(run_cli, article, tmp_path):
    doc, memory = article
    po_path, po = _exported_po(run_cli, doc, tmp_path)
    for key in ("Content-Type", "Language", "Plural-Forms", "X-Generator"):
        po.metadata.pop(key)  # what typing into OmegaT's header segments leaves
    po.metadata["Project-Id-Version"] = "ترجمة"
    next(e for e in po if e.msgctxt == "p2.s1").msgstr = "ارتفعت أسعار الخبز مجددا في العاصمة."
    po.save()
    done = run_cli("import", po_path, "--memory", memory)
    assert done.exit_code == 0, done.output
    assert "1 updated" in done.stdout
    assert "PO header lost Content-Type, Language, Plural-Forms" in done.stdout


def test_an_edit_of_our_unit_into_a_fresh_memory_is_an_edit_not_a_rewritten_source(run_cli, article, tmp_path):
    doc, _memory = article
    xlf = tmp_path / "a.xlf"
    assert run_cli("export", doc, "--to", "xliff", "-o", xlf).exit_code == 0
    edited = "ارتفعت أسعار الخبز مرة أخرى في العاصمة."
    text = re.sub(r'(id="p2.s1".*?<target [^>]*>).*?(</target>)', lambda m: m.group(1) + edited + m.group(2),
                  xlf.read_text("utf-8"), count=1, flags=re.S)  # fmt: skip
    xlf.write_text(text, encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"  # a colleague's memory, which never saw this article
    done = run_cli("import", xlf, "--memory", fresh)
    assert done.exit_code == 0 and "1 added" in done.stdout and "new pair" not in done.stdout
    with Memory(fresh) as m:
        assert (
            m.get("Prices of bread rose again in the capital.").target,
            m.get("Prices of bread rose again in the capital.").status,
        ) == (edited, "edited")
