"""The memory's tables and how a file of an older schema is brought up to this one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bilingual.errors import MemoryStoreError
from bilingual.i18n import _

SCHEMA_VERSION = 2
SCHEMA = (
    """CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('mt', 'edited', 'approved')),
        origin TEXT NOT NULL DEFAULT '',
        glossary_fingerprint TEXT NOT NULL DEFAULT '',
        terms TEXT NOT NULL DEFAULT '[]',
        mt_target TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        updated REAL NOT NULL)""",
)
FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE segments_fts USING fts5(source_key, content='segments', content_rowid='id')",
    """CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
        INSERT INTO segments_fts(rowid, source_key) VALUES (new.id, new.source_key); END""",
    """CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, source_key) VALUES ('delete', old.id, old.source_key); END""",
    """CREATE TRIGGER segments_au AFTER UPDATE OF source_key ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, source_key) VALUES ('delete', old.id, old.source_key);
        INSERT INTO segments_fts(rowid, source_key) VALUES (new.id, new.source_key); END""",
)


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Create the tables in a new memory, or migrate an older one (inside the caller's transaction); a
    memory of an unknown or newer schema is refused, unchanged."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is not None and not str(row[0]).isdigit():
        raise MemoryStoreError(
            _(
                "the translation memory has an unknown schema version {found!r} (this bilingual reads 1 to {known})"
            ).format(found=row[0], known=SCHEMA_VERSION),
            path=path,
            hint=_("restore it from a backup, or pass another --memory; the file was not changed"),
        )
    if row is not None and int(row[0]) > SCHEMA_VERSION:
        raise MemoryStoreError(
            _(
                "the translation memory was written by a newer bilingual (schema {found}, this one reads {known})"
            ).format(found=row[0], known=SCHEMA_VERSION),
            path=path,
            hint=_("upgrade bilingual; the file was not changed"),
        )
    if row is None:
        for statement in SCHEMA:
            db.execute(statement)
        try:
            db.execute("SAVEPOINT fts")
            for statement in FTS_SCHEMA:
                db.execute(statement)
            db.execute("RELEASE fts")
        except sqlite3.OperationalError:
            db.execute("ROLLBACK TO fts")  # no FTS5 in this SQLite: near matches are skipped
            db.execute("RELEASE fts")
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    elif int(row[0]) < 2:
        # Schema 2 keeps the machine's own text beside an editor's correction.
        db.execute("ALTER TABLE segments ADD COLUMN mt_target TEXT NOT NULL DEFAULT ''")
        db.execute("UPDATE segments SET mt_target = target WHERE status = 'mt'")
        db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
    db.execute("CREATE INDEX IF NOT EXISTS segments_mt_target ON segments(mt_target)")
