"""The one error boundary: dependency exceptions mapped by type and code; engines held to their protocol."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from bilingual.errors import BilingualError, EngineError, MemoryStoreError, dependency_error, map_errors
from bilingual.jobs.result import Result

from conftest import assert_one_line_error


def _sqlite_error(tmp_path, kind: str) -> sqlite3.Error:
    path = tmp_path / f"{kind}.sqlite3"
    if kind == "locked":
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN EXCLUSIVE")
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("SELECT * FROM t")
        except sqlite3.Error as exc:
            return exc
        finally:
            holder.close()
            other.close()
    if kind == "notadb":
        path.write_bytes(b"this is not a database file at all" * 100)
        try:
            sqlite3.connect(path).execute("SELECT 1 FROM sqlite_master")
        except sqlite3.Error as exc:
            return exc
    raise AssertionError(kind)


@pytest.mark.parametrize("kind, words", [("locked", "locked by another process"), ("notadb", "damaged")])
def test_sqlite_errors_are_mapped_by_their_code(tmp_path, kind, words):
    exc = _sqlite_error(tmp_path, kind)
    mapped = dependency_error(exc, path="m.sqlite3")
    assert isinstance(mapped, MemoryStoreError) and words in mapped.message


def test_a_message_alone_decides_nothing():
    """An error whose text merely mentions 'locked' is not taken for a locked memory."""
    mapped = dependency_error(sqlite3.OperationalError("no such table: locked_rows"), path="m.sqlite3")
    assert isinstance(mapped, MemoryStoreError) and "locked by another process" not in mapped.message


@pytest.mark.parametrize(
    "code, words",
    [
        (errno.ENOSPC, "no space left"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.ENOENT, "no such file"),
    ],
)
def test_os_errors_name_the_fix(code, words):
    mapped = dependency_error(OSError(code, "system text", "/some/file"))
    assert isinstance(mapped, BilingualError) and words in str(mapped) and "/some/file" in str(mapped)


def test_map_errors_converts_and_leaves_bugs_alone():
    with pytest.raises(BilingualError, match="no space left"), map_errors(path="out.xml"):
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(KeyError), map_errors():
        raise KeyError("a bug stays a bug")


def test_the_result_decides_exit_six():
    def result(strict: bool = False, no_glossary: bool = False, **counts: int) -> Result:
        made = Result(strict=strict, no_glossary=no_glossary)
        made.counts.update(counts)
        return made

    assert result().exit_code == 0
    assert result(names_missing=3).exit_code == 0  # only --strict makes missing names fail
    assert result(strict=True, names_missing=3).exit_code == 6
    assert result(strict=True, no_glossary=True).exit_code == 6
    assert result(violations=1).exit_code == 6 and result(glossary_errors=2).exit_code == 6
    with pytest.raises(BilingualError, match="2 glossary violations"):
        result(violations=2).finish()


class _Broken:
    name, model_name, model_version, model_checksum = "broken", "", "", ""

    def __init__(self, options=None, *, behaviour="raise"):
        self.behaviour = behaviour

    def translate_batch(self, texts):
        if self.behaviour == "raise":
            raise ValueError("model exploded")
        if self.behaviour == "short":
            return texts[:-1]
        if self.behaviour == "long":
            return [*texts, "extra"]
        return [None for _t in texts]


@pytest.mark.parametrize(
    "behaviour, words",
    [
        ("raise", "failed: ValueError: model exploded"),
        ("short", "returned 1 translations for 2 texts"),
        ("long", "returned 3 translations for 2 texts"),
        ("type", "returned a NoneType"),
    ],
)
def test_engine_misbehaviour_is_an_engine_error(behaviour, words):
    from bilingual.translation.pipeline import run_engine

    with pytest.raises(EngineError, match=words) as info:
        run_engine(_Broken(behaviour=behaviour), ["one.", "two."])
    assert "'broken'" in str(info.value) and info.value.exit_code == 3


def short_engine(options):
    return _Broken(behaviour="short")


def test_engine_misbehaviour_from_the_cli_is_exit_3(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("One sentence. Another one.")
    result = run_cli("translate", article, "--engine", "test_errors:short_engine", "--no-memory")
    err = assert_one_line_error(result, 3)
    assert "engine 'broken' returned 1 translations for 2 texts" in err
    assert not (tmp_path / "a.en-ar.xml").exists()


def test_one_error_map_each_class_its_exit_code_and_http_status():
    from bilingual import errors

    table = {
        errors.InputError: (1, 400), errors.NotFound: (1, 404), errors.FormatError: (1, 400),
        errors.ModelError: (3, 503), errors.EngineError: (3, 503), errors.GlossaryError: (4, 400),
        errors.MemoryStoreError: (5, 503), errors.ViolationsFound: (6, 422),
    }  # fmt: skip
    assert {cls: (cls.exit_code, cls.http_status) for cls in table} == table
    refused = errors.Refused(413, "the request is over {limit} bytes", limit=10)
    assert (refused.http_status, str(refused)) == (413, "the request is over 10 bytes")
    assert refused.in_language("ar") == "الطلب أكبر من 10 بايت"
