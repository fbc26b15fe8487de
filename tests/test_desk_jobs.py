"""The desk's use cases (the pages of issue 18 are to call them): save, conflict, history, revert,
dismissals with reasons, respelling a name in every document, and the folder as the boundary."""

from __future__ import annotations

import pytest

from bilingual.errors import InputError
from bilingual.formats.aligned import read_aligned
from bilingual.jobs import desk, respell
from bilingual.memory.store import Memory
from bilingual.workspace import Workspace

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


@pytest.fixture
def folder(run_cli, tmp_path):
    """Two translated articles in a folder, with a glossary and a memory."""
    gl = tmp_path / "glossary"
    assert run_cli("glossary", "add", "Egypt", "مصر", "--kind", "place", "--glossary", gl).exit_code == 0
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Egypt said so. The bank agreed.\n")
    (docs / "b.txt").write_text("Talks in Egypt went on.\n")
    for name in ("a.txt", "b.txt"):
        assert run_cli("translate", docs / name, *ENGINE, "--glossary", gl, "--memory", tmp_path / "m.sqlite3",
                       "-q").exit_code == 0  # fmt: skip
    return docs, gl, tmp_path / "m.sqlite3"


def _seg(docs, name, seg_id):
    return next(s for s in read_aligned(str(docs / name)).segments() if s.id == seg_id)


def _save(docs, gl, memory, name, seg_id, text, *, approve=True, version=None, who="Huda"):
    seg = _seg(docs, name, seg_id)
    return desk.save_segment(_ws(docs, gl, memory), desk.SaveRequest(
        name, seg_id, text, version or desk.segment_version(seg.target, seg.status), approve=approve, who=who))  # fmt: skip


def _ws(docs, gl=None, memory=None):
    return Workspace(glossary_path=str(gl) if gl else None, memory_path=str(memory) if memory else None,
                     use_memory=memory is not None, folder=str(docs))  # fmt: skip


def test_the_folder_lists_its_documents_with_their_counts(folder):
    docs, _gl, _memory = folder
    listed = desk.list_documents(str(docs))
    assert [(d.name, d.segments, d.approved) for d in listed] == [("a.en-ar.xml", 2, 0), ("b.en-ar.xml", 1, 0)]


def test_a_save_is_on_disk_in_the_memory_and_in_the_history(folder):
    docs, gl, memory = folder
    before = _seg(docs, "a.en-ar.xml", "p1.s1")
    done = _save(docs, gl, memory, "a.en-ar.xml", "p1.s1", "قالت مصر ذلك.")
    saved = _seg(docs, "a.en-ar.xml", "p1.s1")
    assert (saved.target, saved.status) == ("قالت مصر ذلك.", "approved")
    assert [t.enforced for t in saved.terms] == [True]
    assert done.items[0].reason == desk.segment_version(saved.target, saved.status)
    with Memory(memory) as m:
        assert (m.get("Egypt said so.").target, m.get("Egypt said so.").status) == ("قالت مصر ذلك.", "approved")
    (step,) = desk.history(str(docs), "a.en-ar.xml", "p1.s1")
    assert (step["before"], step["after"], step["who"]) == (before.target, "قالت مصر ذلك.", "Huda")


def test_a_second_save_from_the_same_version_is_refused_with_both_texts(folder):
    docs, gl, memory = folder
    seg = _seg(docs, "a.en-ar.xml", "p1.s2")
    opened = desk.segment_version(seg.target, seg.status)
    _save(docs, gl, memory, "a.en-ar.xml", "p1.s2", "وافق المصرف.", version=opened)
    with pytest.raises(desk.Conflict) as info:
        _save(docs, gl, memory, "a.en-ar.xml", "p1.s2", "وافق البنك.", version=opened, who="Omar")
    assert (info.value.theirs, info.value.mine) == ("وافق المصرف.", "وافق البنك.")
    assert _seg(docs, "a.en-ar.xml", "p1.s2").target == "وافق المصرف."  # nothing lost: the first stands


def test_a_revert_puts_back_the_earlier_text_and_is_itself_in_the_history(folder):
    docs, gl, memory = folder
    first = _seg(docs, "a.en-ar.xml", "p1.s1").target
    _save(docs, gl, memory, "a.en-ar.xml", "p1.s1", "قالت مصر ذلك.", approve=False)
    desk.revert_segment(_ws(docs, None, memory), "a.en-ar.xml", "p1.s1", 0, who="Huda")
    assert _seg(docs, "a.en-ar.xml", "p1.s1").target == first
    assert len(desk.history(str(docs), "a.en-ar.xml", "p1.s1")) == 2


def test_a_dismissed_finding_keeps_its_reason(folder):
    docs, gl, memory = folder
    _save(docs, gl, memory, "a.en-ar.xml", "p1.s2", "The Bank of Libya agreed.", approve=False)  # left in Latin

    with pytest.raises(InputError, match="needs a reason"):
        desk.dismiss_finding(str(docs), "a.en-ar.xml", "p1.s2", "untranslated_segment", "  ")
    desk.dismiss_finding(str(docs), "a.en-ar.xml", "p1.s2", "untranslated_segment", "a brand name", who="Huda")
    found = desk.findings(_ws(docs, gl), "a.en-ar.xml")
    reasons = {(f.segment_id, f.check): reason for f, reason in found}
    assert reasons[("p1.s2", "untranslated_segment")] == "a brand name"
    assert all(r == "" for key, r in reasons.items() if key != ("p1.s2", "untranslated_segment"))


def test_respelling_a_name_shows_what_it_changes_then_changes_every_document(folder):
    docs, gl, memory = folder
    _save(docs, gl, memory, "a.en-ar.xml", "p1.s1", "قال مصرف مصر ذلك.")  # an editor's text with مصرف in it
    preview = respell.respell_everywhere(_ws(docs, gl), respell.RespellRequest("Egypt", "جمهورية مصر"))
    changing = sorted((i.where, i.id) for i in preview.items if i.outcome == "to respell")
    assert changing == [("a.en-ar.xml", "p1.s1"), ("b.en-ar.xml", "p1.s1")]
    after = {(i.where, i.id): i.reason for i in preview.items if i.outcome == "after"}
    assert after[("a.en-ar.xml", "p1.s1")] == "قال مصرف جمهورية مصر ذلك."  # the sentence as it will be (مصرف kept)
    assert _seg(docs, "b.en-ar.xml", "p1.s1").target.count("جمهورية") == 0  # a preview changes nothing
    respell.respell_everywhere(_ws(docs, gl, memory), respell.RespellRequest("Egypt", "جمهورية مصر", forbid_old=True,
                                                                          apply=True))  # fmt: skip
    assert _seg(docs, "a.en-ar.xml", "p1.s1").target == "قال مصرف جمهورية مصر ذلك."
    assert "جمهورية مصر" in _seg(docs, "b.en-ar.xml", "p1.s1").target
    assert _seg(docs, "a.en-ar.xml", "p1.s1").status == "approved"  # the editor's approval is kept


@pytest.mark.parametrize("name", ["../outside.en-ar.xml", "a.txt", "missing.en-ar.xml", "/etc/passwd"])
def test_only_documents_inside_the_folder_are_opened(folder, name):
    docs, _gl, _memory = folder
    (docs.parent / "outside.en-ar.xml").write_bytes((docs / "a.en-ar.xml").read_bytes())
    with pytest.raises(InputError, match="no such document"):
        desk.document_path(str(docs), name)


def test_the_desk_never_writes_its_history_through_a_planted_link(folder, tmp_path):
    docs, gl, memory = folder
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (docs / ".bilingual" / "history").mkdir(parents=True)
    (docs / ".bilingual" / "history" / "a.jsonl").symlink_to(victim)
    before = (docs / "a.en-ar.xml").read_bytes()
    with pytest.raises(InputError, match="symbolic link"):
        _save(docs, gl, memory, "a.en-ar.xml", "p1.s1", "قالت مصر ذلك.")
    assert victim.read_text() == "precious" and (docs / "a.en-ar.xml").read_bytes() == before
    (docs / ".bilingual" / "history" / "a.jsonl").unlink()
    (docs / ".bilingual" / "dismissed").symlink_to(tmp_path)
    with pytest.raises(InputError, match="symbolic link"):
        desk.dismiss_finding(str(docs), "a.en-ar.xml", "p1.s1", "numbers_differ", "checked")


def test_the_desk_s_parsed_documents_are_what_the_file_holds(folder):
    """Saves keep the parsed document for the next read: it must equal a fresh parse of the file, and
    a file changed behind the desk's back is parsed again."""
    docs, gl, memory = folder
    _save(docs, gl, memory, "a.en-ar.xml", "p1.s1", "قالت مصر ذلك.")
    assert desk.read_document(str(docs), "a.en-ar.xml") == read_aligned(str(docs / "a.en-ar.xml"))
    path = docs / "a.en-ar.xml"
    path.write_bytes(path.read_bytes().replace("قالت مصر ذلك.".encode(), "قالت مصر هذا.".encode()))
    assert desk.read_document(str(docs), "a.en-ar.xml").segments()[0].target == "قالت مصر هذا."


def test_the_index_counts_a_save_made_since_it_was_last_shown(folder):
    docs, gl, memory = folder
    assert [d.approved for d in desk.list_documents(str(docs))] == [0, 0]
    _save(docs, gl, memory, "b.en-ar.xml", "p1.s1", "استمرت المحادثات في مصر.")
    assert [d.approved for d in desk.list_documents(str(docs))] == [0, 1]
