"""Attacks, class 4: the promise. Bad input is one line naming the file and the fix, with the right exit code."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys

import pytest

from bilingual.errors import MemoryStoreError
from bilingual.memory.store import Memory

from conftest import EXAMPLES, ROOT, assert_one_line_error


@pytest.mark.parametrize(
    "body, words",
    [
        ('msgid "Derna waits."\nmsgstr "درنة تنتظر.\n', "unterminated string"),
        ('msgid "Derna waits."\nmsgstr "درنة\\0 تنتظر."\n', "a NUL character"),
        ('msgid "Derna waits."\nmsgstr "درنة \\q تنتظر."\n', "bad escape"),
        ('msgid "Derna waits."\nmsgstrr "درنة تنتظر."\n', "keyword"),
    ],
)
def test_malformed_po_files_are_refused_with_file_and_line(run_cli, tmp_path, body, words):
    po = tmp_path / "c.po"
    po.write_text(body, encoding="utf-8")
    err = assert_one_line_error(run_cli("import", po, "--memory", tmp_path / "m.sqlite3"), 1)
    assert f"{po}:2:" in err and words in err
    with Memory(tmp_path / "m.sqlite3") as memory:
        assert len(memory) == 0
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "people.po").write_text(body.replace("Derna waits.", "Derna"), encoding="utf-8")
    err = assert_one_line_error(run_cli("glossary", "list", "--glossary", gl), 4)
    assert "people.po:2:" in err


def test_an_engine_that_misbehaves_is_exit_3_naming_the_engine(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("One sentence. Another one.")
    for factory in ("short_engine", "raising_engine", "extra_engine"):
        err = assert_one_line_error(
            run_cli("translate", article, "--engine", f"test_attack_promise:{factory}", "--no-memory"), 3
        )
        assert "engine 'broken'" in err
    assert not (tmp_path / "a.en-ar.xml").exists()


class _Broken:
    name, model_name, model_version, model_checksum = "broken", "", "", ""

    def __init__(self, how: str) -> None:
        self.how = how

    def translate_batch(self, texts):
        if self.how == "raise":
            raise RuntimeError("CUDA out of memory")
        if self.how == "exit":
            raise SystemExit(0)
        return texts[:-1] if self.how == "short" else [*texts, "and one more"]


def short_engine(options):
    return _Broken("short")


def raising_engine(options):
    return _Broken("raise")


def extra_engine(options):
    return _Broken("extra")


def exiting_engine(options):
    return _Broken("exit")


def broken_factory(options):
    raise ValueError("the plugin's config is wrong")


def test_a_plugin_that_calls_sys_exit_is_an_engine_error_not_a_silent_success(run_cli, tmp_path):
    """An engine raising SystemExit(0) ended the run with exit 0 and no output."""
    article = tmp_path / "a.txt"
    article.write_text("One sentence.")
    err = assert_one_line_error(
        run_cli("translate", article, "--engine", "test_attack_promise:exiting_engine", "--no-memory"), 3
    )
    assert "engine 'broken' failed: SystemExit" in err and not (tmp_path / "a.en-ar.xml").exists()


def test_a_broken_engine_factory_is_exit_3_naming_it(run_cli, tmp_path):
    """A factory that raises was an internal error (exit 70)."""
    article = tmp_path / "a.txt"
    article.write_text("One sentence.")
    err = assert_one_line_error(
        run_cli("translate", article, "--engine", "test_attack_promise:broken_factory", "--no-memory"), 3
    )
    assert "test_attack_promise:broken_factory" in err and "the plugin's config is wrong" in err


@pytest.mark.parametrize("version", ["abc", "", "2.5"])
def test_a_memory_with_an_unreadable_schema_version_is_exit_5_naming_it(run_cli, tmp_path, version):
    path = tmp_path / "m.sqlite3"
    Memory(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (version,))
    db.commit()
    db.close()
    before = path.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text("One sentence.")
    err = assert_one_line_error(
        run_cli("translate", article, "--engine", "fake_engines:PseudoArabicEngine", "--memory", path), 5
    )
    assert f"schema version {version!r}" in err and path.read_bytes() == before


def test_a_re_run_says_what_the_first_run_flagged(run_cli, tmp_path):
    """The second run took all segments from the memory as 'tm' with no word of what the first had flagged."""
    article = tmp_path / "a.txt"
    article.write_text("The first sentence stays Latin. So does the second one.")
    run = ("translate", article, "--engine", "fake_engines:UpperEngine", "--memory", tmp_path / "m.sqlite3")
    first, second = run_cli(*run), run_cli(*run)
    assert first.exit_code == second.exit_code == 0
    said = [line for line in first.stderr.splitlines() if "came back untranslated" in line]
    assert said and said == [line for line in second.stderr.splitlines() if "came back untranslated" in line]
    # Text left in Latin never enters the memory (issue 28): the re-run asks the engine again.
    assert "(2 by the engine, 0 from memory)" in second.stderr


def test_a_full_disk_names_the_fix(run_cli, tmp_path, monkeypatch):
    from bilingual import fsutil

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    monkeypatch.setattr(fsutil.os, "replace", full)
    err = assert_one_line_error(
        run_cli("translate", article, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory"), 1
    )
    assert "no space left on the device" in err and "free some space" in err
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_failed_commit_is_reported_as_itself(tmp_path):
    """A COMMIT that fails (disk full) ends the transaction: no "cannot rollback" instead of the cause."""
    memory = Memory(tmp_path / "m.sqlite3")
    real = memory.db

    class FullDisk:
        def __getattr__(self, name):
            return getattr(real, name)

        def execute(self, sql, *args):
            if sql == "COMMIT":
                real.execute("ROLLBACK")
                exc = sqlite3.OperationalError("database or disk is full")
                exc.sqlite_errorcode = 13
                raise exc
            return real.execute(sql, *args)

    memory.db = FullDisk()
    with pytest.raises(MemoryStoreError, match="no space left") as info:
        memory.put("Derna waits.", "درنة تنتظر.", "edited")
    assert "rollback" not in str(info.value)
    memory.db = real
    memory.close()


@pytest.mark.parametrize(
    "args",
    [
        ["translate"],
        ["import", "--memory", "/", "x.po"],
        ["export", "x.xml"],
        ["translate", "a.txt", "--beam-size", "99"],
    ],
)
def test_click_usage_errors_are_one_line_too(tmp_path, args):
    done = subprocess.run([sys.executable, "-m", "bilingual", *args], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bilingual: error: ") and "--help" in lines[0], done.stderr


def test_four_concurrent_translations_on_one_memory_all_finish(tmp_path):
    memory = tmp_path / "m.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "tests"))
    procs = []
    for n in range(4):
        article = tmp_path / f"a{n}.txt"
        text = (EXAMPLES / "benghazi-talks.txt").read_text(encoding="utf-8")
        article.write_text(text.replace("Tuesday", f"day {n}"), encoding="utf-8")
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "bilingual",
                    "translate",
                    str(article),
                    "--memory",
                    str(memory),
                    "--engine",
                    "fake_engines:PseudoArabicEngine",
                    "-q",
                    "--glossary",
                    str(ROOT / "glossary"),
                ],
                env=env,
                stderr=subprocess.PIPE,
            )
        )
    results = [(p.wait(120), p.stderr.read().decode()) for p in procs]
    assert [code for code, _err in results] == [0, 0, 0, 0], results
    assert all((tmp_path / f"a{n}.en-ar.xml").exists() for n in range(4))
    with Memory(memory) as m:
        assert (
            m.get(
                "Talks between rival Libyan factions resumed in Cairo on day 3, with Egyptian mediators "
                "pressing both sides to agree a timetable for unifying the country's divided military "
                "institutions."
            )
            is not None
        )


@pytest.mark.parametrize("brk", ["\r", "\v", "\f", "\x85", "\u2028", "\u2029", "\r\n"])
def test_a_line_break_in_a_note_never_locks_the_glossary(run_cli, tmp_path, brk):
    """A CR, VT … inside a note made every later glossary edit fail as 'malformed PO'."""
    gl = tmp_path / "g"
    assert (
        run_cli(
            "glossary", "add", "Haftar", "حفتر", "--kind", "person", "--note", f"one{brk}two", "--glossary", gl
        ).exit_code
        == 0
    )
    assert run_cli("glossary", "add", "Sirte", "سرت", "--kind", "place", "--glossary", gl).exit_code == 0
    if brk != "\r\n":  # (in a file, CR LF is a line ending)
        # a file that already holds such a break in a comment (written by another tool) is edited as well
        people = gl / "people.po"
        text = people.read_text(encoding="utf-8").replace("# one\n# two", f"# one{brk}two")
        people.write_text(text, encoding="utf-8", newline="")
        assert run_cli("glossary", "set", "Haftar", "حفتر", "--glossary", gl).exit_code == 0
    from bilingual.names.load import load_glossary

    assert load_glossary(gl).get("Haftar").notes == "one\ntwo"


@pytest.mark.parametrize(
    "args, named",
    [
        (("Haf\u200btar", "حفتر"), "U+200B ZERO WIDTH SPACE"),
        (("Haft\u0430r", "حفتر"), "U+0430 CYRILLIC SMALL LETTER A"),
        (("Haftar", "حف\u200dتر"), "U+200D ZERO WIDTH JOINER"),
        (("Haftar", "حفتر", "--note", "see \u202eevil"), "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (("Haftar", "حفتر", "--note", "a\x07bell"), "U+0007 BELL"),
    ],
)
def test_invisible_look_alike_and_control_characters_are_refused_by_name(run_cli, tmp_path, args, named):
    gl = tmp_path / "g"
    err = assert_one_line_error(run_cli("glossary", "add", *args, "--kind", "person", "--glossary", gl), 4)
    assert named in err and not (gl / "people.po").exists()


def test_a_nul_in_an_imported_note_is_refused_and_the_glossary_stays_usable(run_cli, tmp_path):
    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Sirte", "سرت", "--kind", "place", "--glossary", gl).exit_code == 0
    sheet = tmp_path / "in.csv"
    sheet.write_text("english,arabic,kind,notes\nHaftar,حفتر,person,a\x00b\n", encoding="utf-8")
    err = assert_one_line_error(run_cli("glossary", "import", sheet, "--glossary", gl), 4)
    assert "U+0000 NULL" in err
    assert run_cli("glossary", "list", "--glossary", gl).exit_code == 0
    assert run_cli("glossary", "add", "Derna", "درنة", "--kind", "place", "--glossary", gl).exit_code == 0


def test_glossary_check_finds_what_is_already_in_a_file_and_fix_repairs_it(run_cli, tmp_path):
    gl = tmp_path / "g"
    gl.mkdir()
    (gl / "people.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# checked\x00 by the desk\nmsgctxt "person"\nmsgid "Haft\u0430r"\nmsgstr "حفتر"\n\n'
        '# see \u202emirror\nmsgctxt "person"\nmsgid "Ham\u200bmad"\nmsgstr "حماد"\n',
        encoding="utf-8",
    )
    assert run_cli("glossary", "check", "--glossary", gl).exit_code != 0  # the NUL stops every reader
    fixed = run_cli("glossary", "check", "--fix", "--glossary", gl)
    assert fixed.exit_code == 0, fixed.stderr
    assert "fixed" in fixed.stdout and "U+" not in fixed.stdout.split("entries:")[-1]
    from bilingual.names.load import load_glossary

    loaded = load_glossary(gl)
    assert loaded.get("Haftar") is not None and loaded.get("Hammad") is not None
    assert loaded.get("Haftar").notes == "checked by the desk" and loaded.get("Hammad").notes == "see mirror"
    assert run_cli("glossary", "check", "--glossary", gl).exit_code == 0


def _marian_folder(tmp_path, **config):
    """A Marian folder as transformers saves one, by hand: config, a small safetensors, tokenizer files."""
    import json
    import struct

    folder = tmp_path / "marian"
    folder.mkdir(exist_ok=True)
    (folder / "config.json").write_text(
        json.dumps(
            {
                "model_type": "marian",
                "d_model": 16,
                "encoder_layers": 1,
                "decoder_layers": 1,
                "vocab_size": 100,
                **config,
            }
        )
    )
    header = json.dumps({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}).encode()
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + bytes(16))
    for name in ("source.spm", "target.spm", "vocab.json"):
        (folder / name).write_bytes(b"x")
    return folder


@pytest.mark.parametrize(
    "tamper, words",
    [
        (lambda f: _marian_folder(f, encoder_layers=100_000), "beyond what converts"),
        (
            lambda f: _marian_folder(f, d_model=4096, vocab_size=900_000, encoder_layers=60, decoder_layers=60),
            "parameters, over",
        ),
        (lambda f: _marian_folder(f, d_model="512"), "d_model as '512'"),
        (lambda f: (_marian_folder(f) / "config.json").write_bytes(b"\xff\xfe{") and f / "marian", "cannot be read"),
        (
            lambda f: (
                (_marian_folder(f) / "model.safetensors").unlink()
                or ((f / "marian" / "pytorch_model.bin").write_bytes(b"\x80\x04pickle") and f / "marian")
            ),
            "pickled weights",
        ),
        (
            lambda f: (
                (_marian_folder(f) / "model.safetensors").write_bytes(
                    (f / "marian" / "model.safetensors").read_bytes()[:-8]
                )
                and f / "marian"
            ),
            "cut short",
        ),
        (lambda f: (_marian_folder(f) / "vocab.json").unlink() or f / "marian", "vocab.json"),
    ],
)
def test_a_model_that_cannot_be_converted_is_refused_before_any_library_loads_it(run_cli, tmp_path, tamper, words):
    """A huge layer count grew past 5 GB before anyone stopped it; a pickle-only checkpoint, a truncated
    safetensors, missing tokenizer files, d_model as a string, a config with bad bytes were exit 70."""
    folder = tamper(tmp_path)
    err = assert_one_line_error(run_cli("models", "convert", folder, "-o", tmp_path / "m.argosmodel"), 3)
    assert words in err and not (tmp_path / "m.argosmodel").exists()


def test_an_archive_with_a_member_twice_is_refused(run_cli, tmp_path):
    import zipfile

    archive = tmp_path / "opus.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("model.npz", b"one")
        with pytest.warns(UserWarning):
            z.writestr("model.npz", b"two")
    err = assert_one_line_error(run_cli("models", "convert", archive, "-o", tmp_path / "m.argosmodel"), 3)
    assert "'model.npz' twice" in err


def test_a_config_file_with_bad_bytes_is_one_line(run_cli, tmp_path, monkeypatch, empty_packages):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("BILINGUAL_MODEL", raising=False)
    (tmp_path / "config" / "bilingual").mkdir(parents=True)
    (tmp_path / "config" / "bilingual" / "config.toml").write_bytes(b'model = "\xff\xfe"\n')
    (tmp_path / "a.txt").write_text("Derna waits.")
    err = assert_one_line_error(run_cli("translate", tmp_path / "a.txt", "--no-memory", "--no-download"), 3)
    assert "config.toml" in err
