"""Nothing planted is trusted: commit journals, links and non-files found on disk (issue 27)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, assert_one_line_error

JOURNAL = ".bilingual-commit.json"


@pytest.fixture
def gl(tmp_path):
    folder = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", folder)
    return folder


def _bilingual(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "bilingual", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=dict(os.environ, **(env or {})), timeout=120)  # fmt: skip


@pytest.mark.parametrize("command", [["glossary", "list"], ["glossary", "check"]])
def test_a_planted_journal_is_set_aside_never_followed(gl, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    bait = gl / ".places.po.1-abc.tmp"
    bait.write_text("owned", encoding="utf-8")
    planted = {"folder": os.path.realpath(gl), "pairs": [[bait.name, "../victim.txt"]], "mac": "00" * 32}
    (gl / JOURNAL).write_text(json.dumps(planted), encoding="utf-8")  # our shape, not our signature
    done = _bilingual(*command, "--glossary", gl, cwd=tmp_path)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert done.returncode in (0, 6) and "set aside" in done.stderr, done.stderr
    assert not (gl / JOURNAL).exists() and (gl / (JOURNAL + ".set-aside")).exists()


def test_a_journal_signed_elsewhere_or_naming_outside_files_is_not_followed(gl, tmp_path):
    from bilingual import signing
    from bilingual.journal import _payload, finish_commit

    outside = tmp_path / "outside.po"
    outside.write_text("mine", encoding="utf-8")
    staged = gl / ".outside.po.1-abc.tmp"
    staged.write_text("owned", encoding="utf-8")
    key = signing.secret()
    assert key is not None
    for where, pairs in (
        (str(tmp_path), [[staged.name, "outside.po"]]),  # another folder
        (os.path.realpath(gl), [[staged.name, "../outside.po"]]),
    ):  # a path out of it
        mac = signing.mac(key, _payload(where, pairs)).hex()
        (gl / JOURNAL).write_text(json.dumps({"folder": where, "pairs": pairs, "mac": mac}), encoding="utf-8")
        assert finish_commit(gl) is False
        assert outside.read_text(encoding="utf-8") == "mine"


def test_a_malformed_journal_is_one_line_and_exit_4(gl, tmp_path, run_cli):
    (gl / JOURNAL).write_text("{not json", encoding="utf-8")
    result = run_cli("glossary", "list", "--glossary", gl)
    assert "commit journal" in assert_one_line_error(result, 4)


def test_an_edit_of_two_files_keeps_their_symbolic_links(tmp_path, run_cli):
    shared = tmp_path / "shared"
    shutil.copytree(ROOT / "glossary", shared)
    gl = tmp_path / "glossary"
    gl.mkdir()
    for po in shared.glob("*.po"):
        (gl / po.name).symlink_to(po)
    sheet = tmp_path / "two.csv"
    sheet.write_text("english,arabic,kind\nQarnada,قرنادة,place\nZuhair Baz,زهير باز,person\n", encoding="utf-8")
    assert run_cli("glossary", "import", sheet, "--glossary", gl).exit_code == 0
    assert all(p.is_symlink() for p in gl.glob("*.po"))
    shared_text = "".join(p.read_text(encoding="utf-8") for p in shared.glob("*.po"))
    assert "قرنادة" in shared_text and "زهير باز" in shared_text


def test_an_import_killed_after_its_journal_is_finished_in_its_own_folder_only(gl, tmp_path, monkeypatch):
    """Killed after the journal; then a command from another folder with its own glossary/."""
    from bilingual.jobs.glossary import TermsImportRequest, import_terms
    from bilingual.workspace import Workspace

    sheet = tmp_path / "two.csv"
    sheet.write_text("english,arabic,kind\nQarnada,قرنادة,place\nZuhair Baz,زهير باز,person\n", encoding="utf-8")
    real = os.replace

    def dying(src, dst):
        if str(src).endswith(".tmp") and not str(dst).endswith(JOURNAL):
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "replace", dying)
    with pytest.raises(KeyboardInterrupt):
        import_terms(Workspace(glossary_path="glossary"), TermsImportRequest(file=str(sheet)))
    monkeypatch.setattr(os, "replace", real)
    other = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "glossary", other / "glossary")
    before = {p.name: p.read_bytes() for p in (other / "glossary").glob("*.po")}
    shutil.copy(gl / JOURNAL, other / "glossary" / JOURNAL)  # the journal carried (or planted) elsewhere
    _bilingual("glossary", "list", cwd=other)
    assert {p.name: p.read_bytes() for p in (other / "glossary").glob("*.po")} == before
    names = {line.split("\t")[0] for line in _bilingual("glossary", "list", cwd=tmp_path).stdout.splitlines()}
    assert {"Qarnada", "Zuhair Baz"} <= names  # its own folder's commit finished


ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


def _env(tmp_path):
    return {"PYTHONPATH": str(ROOT / "tests") + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip


def test_a_memory_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    (tmp_path / "a.txt").write_text("Derna waits.", encoding="utf-8")
    os.mkfifo(tmp_path / "memory")
    done = _bilingual("translate", "a.txt", *ENGINE, "--memory", "memory", "-q", cwd=tmp_path, env=_env(tmp_path))
    assert done.returncode == 5 and "not a regular file" in done.stderr, done.stderr


def test_a_fifo_at_the_cache_key_never_blocks_a_glossary_command(gl, tmp_path):
    env = _env(tmp_path)
    (tmp_path / "data" / "bilingual").mkdir(parents=True)
    os.mkfifo(tmp_path / "data" / "bilingual" / "cache.key")
    done = _bilingual("glossary", "list", "--glossary", gl, cwd=tmp_path, env=env)
    assert done.returncode == 0 and "Haftar" in done.stdout, done.stderr


def test_an_export_onto_a_fifo_with_a_reader_is_written_not_read(tmp_path):
    import threading

    env = _env(tmp_path)
    (tmp_path / "a.txt").write_text("Derna waits.", encoding="utf-8")
    assert _bilingual("translate", "a.txt", *ENGINE, "--no-memory", "-q", cwd=tmp_path, env=env).returncode == 0
    os.mkfifo(tmp_path / "pipe.po")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append((tmp_path / "pipe.po").read_bytes()))
    reader.start()
    done = _bilingual("export", "a.en-ar.xml", "--to", "po", "-o", "pipe.po", cwd=tmp_path, env=env)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert b'msgid "Derna waits."' in got[0]


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]])
def test_a_memory_is_never_an_output_whatever_its_name(tmp_path, overwrite):
    from bilingual.memory.store import Memory

    env = _env(tmp_path)
    (tmp_path / "a.txt").write_text("Derna waits.", encoding="utf-8")
    with Memory(tmp_path / "notes.po") as memory:  # a memory under an exchange file's name
        memory.put("Derna waits.", "درنة تنتظر.", "approved")
    assert _bilingual("translate", "a.txt", *ENGINE, "--no-memory", "-q", cwd=tmp_path, env=env).returncode == 0
    (tmp_path / "link.po").symlink_to(tmp_path / "notes.po")
    for target in ("notes.po", "link.po"):
        done = _bilingual("export", "a.en-ar.xml", "--to", "po", "-o", target, *overwrite, cwd=tmp_path, env=env)
        assert done.returncode != 0 and ("SQLite database" in done.stderr or "symbolic link" in done.stderr)
    with Memory(tmp_path / "notes.po") as memory:
        assert memory.get("Derna waits.").target == "درنة تنتظر."


def test_any_loopback_address_is_loopback(tmp_path):
    from bilingual.desk.guard import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "localhost"))
    assert not any(is_loopback(h) for h in ("10.0.0.1", "evil.example", "127.0.0.1.evil.example"))


def test_a_symlinked_cache_folder_is_never_written_through(gl, tmp_path):
    """~/.cache/bilingual planted as a link to another folder: the glossary cache, the locks and the
    compiled catalogs were written into the link's target."""
    env = _env(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "cache").mkdir()
    os.symlink(elsewhere, tmp_path / "cache" / "bilingual")
    done = _bilingual("glossary", "list", "--glossary", gl, cwd=tmp_path, env={**env, "LANGUAGE": "ar"})
    assert done.returncode == 0 and "Haftar" in done.stdout, done.stderr
    assert list(elsewhere.iterdir()) == []  # nothing written through the link
    root = tmp_path / "cache" / "bilingual"
    assert not root.is_symlink() and root.is_dir() and (root.stat().st_mode & 0o077) == 0
    assert _bilingual("glossary", "add", "Zliten", "زليتن", "--kind", "place", "--glossary", gl, cwd=tmp_path,
                      env=env).returncode == 0  # fmt: skip
    assert list(elsewhere.iterdir()) == []
