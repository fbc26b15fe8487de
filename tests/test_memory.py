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


def _fill(memory: Memory, count: int) -> None:
    """``count`` segments that share every common word of the probe below, each with its own district."""
    now = 0.0
    memory.db.execute("BEGIN")
    memory.db.executemany(
        "INSERT INTO segments (source_key, source, target, status, origin, created, updated)"
        " VALUES (?, ?, 'ترجمة', 'approved', 'test', ?, ?)",
        (
            (s, s, now, now)
            for s in (
                f"Officials from the provincial council discussed the water supply of district {i} on Sunday."
                for i in range(count)
            )
        ),
    )
    memory.db.execute("COMMIT")


PROBE = "Officials from the provincial council discussed the water supply of Ajdabiya on Monday."


def test_a_near_match_is_found_among_thousands_that_share_its_common_words(tmp_path):
    with Memory(tmp_path / "m.sqlite3") as m:
        _fill(m, 3000)
        m.put(PROBE.replace("Monday", "Sunday"), "ناقش مسؤولون إمدادات المياه في أجدابيا يوم الأحد.", "approved")
        found = m.near(PROBE)
        assert found is not None and "Ajdabiya" in found.source and found.score > 0.9
        assert m.near("Officials discussed the supply of Tobruk, Ghat and Sabha.") is None


def test_a_near_match_costs_the_same_in_a_memory_four_times_larger(tmp_path):
    """The work per lookup is capped: candidates from the rarest words, a bounded number of rows read.
    Every segment of both memories holds the probe's words, so a lookup that ranked all of them
    (as before) takes about four times as long in the larger; the bound, 2.5, sits between."""
    import time

    small, large = Memory(tmp_path / "small.sqlite3"), Memory(tmp_path / "large.sqlite3")
    _fill(small, 5000)
    _fill(large, 20000)

    def timed(memory: Memory) -> float:
        start = time.perf_counter()
        for _ in range(5):
            memory.near(PROBE)
        return time.perf_counter() - start

    timed(small), timed(large)  # warm up
    ratios = sorted(timed(large) / timed(small) for _round in range(5))
    small.close(), large.close()
    assert ratios[2] < 2.5, ratios


def test_a_memory_held_open_and_written_stays_known_whole(tmp_path):
    """A server writes and keeps its memory open: each commit stamps the file as the tool leaves it,
    so a command opening it meanwhile need not check it all."""
    from bilingual.memory import checked

    held = Memory(tmp_path / "m.sqlite3")
    held.put("Derna waits.", "درنة تنتظر.", "approved")
    assert checked.known_whole(held.path)
    held.put("Sirte waits.", "سرت تنتظر.", "edited")
    assert checked.known_whole(held.path)
    held.close()
