"""The translation memory: storage rules, near matches, and clean failures."""

from __future__ import annotations

import os
import sqlite3

import pytest

from bilingual.errors import MemoryStoreError
from bilingual.memory.store import Memory, normalize


def test_exact_match_is_normalised(tmp_path):
    with Memory(tmp_path / "m.sqlite3") as m:
        assert m.put("He said “Derna  waits.”", "قال «درنة تنتظر».", "approved", origin="test") == "added"
        hit = m.get(' He said "Derna waits." ')
        assert hit is not None and hit.target == "قال «درنة تنتظر»." and hit.human
        assert normalize("a\u00a0 b") == "a b"


def test_machine_output_never_replaces_an_editors(tmp_path):
    with Memory(tmp_path / "m.sqlite3") as m:
        m.put("Derna waits.", "درنة تنتظر.", "edited")
        assert m.put("Derna waits.", "ترجمة آلية", "mt") == "unchanged"
        assert m.get("Derna waits.").target == "درنة تنتظر."
        assert m.put("Derna waits.", "درنة تترقب.", "approved") == "updated"
        assert m.put("Derna waits.", "شيء آخر", "approved", overwrite=False) == "conflict"
        assert m.get("Derna waits.").target == "درنة تترقب."


def test_near_match(tmp_path):
    with Memory(tmp_path / "m.sqlite3") as m:
        m.put("Haftar's forces kept their positions near Derna.", "حافظت قوات حفتر على مواقعها قرب درنة.", "approved")
        near = m.near("Haftar's forces kept their positions near Benghazi.")
        assert near is not None and 0.75 <= near.score < 1
        assert m.near("Completely unrelated sentence about the weather.") is None


def test_corrupt_file_is_one_error_and_untouched(tmp_path):
    path = tmp_path / "m.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(MemoryStoreError, match="damaged"):
        Memory(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "m.sqlite3"
    Memory(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(MemoryStoreError, match="newer bilingual"):
        Memory(path)


def test_locked_memory_is_one_error(tmp_path):
    path = tmp_path / "m.sqlite3"
    Memory(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        m = Memory.__new__(Memory)
        m.path = path
        m.db = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        m.has_fts = True
        with pytest.raises(MemoryStoreError, match="locked"):
            m.put("Derna waits.", "درنة تنتظر.", "approved")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_opening_a_new_memory_waits_while_another_process_creates_it(tmp_path):
    """Switching to WAL skips SQLite's busy handler: four translations starting at once on a new
    memory failed "locked" in CI. Another connection holds the write lock while creating the file."""
    import threading

    path = tmp_path / "m.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    timer = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    timer.start()
    try:
        with Memory(path) as m:
            assert m.put("Derna waits.", "درنة تنتظر.", "edited") == "added"
    finally:
        timer.join()
        other.close()


def test_opening_a_memory_reads_it_all_only_when_it_changed_since_the_tool_left_it(tmp_path, monkeypatch):
    """Every open ran quick_check over the whole file: 1.4 s at a million segments, on every command."""
    import sqlite3

    from bilingual.memory import store

    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(store.sqlite3, "connect", traced)
    path = tmp_path / "m.sqlite3"
    with store.Memory(path) as memory:
        memory.put("Derna waits.", "درنة تنتظر.", "edited")
    statements.clear()
    with store.Memory(path) as memory:  # as this tool left it: no full read
        assert memory.recall(["Derna waits."]).exact("Derna waits.") is not None
    assert not any("quick_check" in s for s in statements)
    os.utime(path, ns=(1, 1))  # changed by something else: read it all again
    statements.clear()
    store.Memory(path).close()
    assert any("quick_check" in s for s in statements)
