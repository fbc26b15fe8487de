"""The translation memory: every translation the tool or an editor made, in one SQLite file.

One file per user or project (``--memory PATH``; default ``memory.sqlite3`` in the user data
folder, or ``$BILINGUAL_MEMORY``), in WAL mode so readers never block the writer. A row holds
the source sentence, its target, its status (``mt``, ``edited``, ``approved``), its origin
(engine and model, or the file it was imported from), the glossary fingerprint and the names
enforced in it, and timestamps. Exact matches are found by a normalised key (whitespace and
quotes folded); near matches are offered as notes through SQLite's FTS5 index.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from bilingual.arabic import mostly_latin
from bilingual.document import SegmentStatus, TermMatch
from bilingual.errors import BilingualError, MemoryStoreError, Sqlite, dependency_error
from bilingual.i18n import _
from bilingual.memory import checked, near, schema
from bilingual.memory.records import Hit, Recall, hit_from_row, normalize, terms_to_json

if TYPE_CHECKING:
    from bilingual.document import Document

#: What :meth:`Memory.put` did with a translation.
PutOutcome = Literal["added", "updated", "unchanged", "conflict"]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 300.0  # seconds a writer waits for another process's write (ours are short)
OWN_TABLES = {"meta", "segments"}
STATUS_RANK = {"mt": 0, "tm": 0, "edited": 1, "approved": 2}


def _busy(exc: BaseException) -> bool:
    """Whether SQLite said another connection holds the lock (directly, or under our error)."""
    cause = exc if isinstance(exc, sqlite3.Error) else exc.__cause__
    code = (getattr(cause, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (Sqlite.BUSY, Sqlite.LOCKED)


def default_path() -> Path:
    env = os.environ.get("BILINGUAL_MEMORY")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("bilingual")) / "memory.sqlite3"


class Memory:
    """A translation memory file."""

    def __init__(self, path: str | Path, *, busy_timeout: float = BUSY_TIMEOUT, any_thread: bool = False) -> None:
        """Open (and create, migrate) the memory; ``any_thread`` lets a server's kept connection be
        closed by the thread that stops it (each thread still uses its own)."""
        self.path = Path(path)
        self._check_header()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(
                str(self.path), timeout=busy_timeout, isolation_level=None, check_same_thread=not any_thread
            )
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        except OSError as exc:
            raise MemoryStoreError(
                _("cannot open the translation memory: {error}").format(error=exc.strerror), path=self.path
            ) from exc
        try:
            self._set_up(time.monotonic() + busy_timeout)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise self._error(exc) from exc
        except BaseException:
            self.db.close()
            raise

    def _set_up(self, deadline: float) -> None:
        """Check, switch to WAL and migrate, retried while another process does the same.

        Switching a new file to WAL takes an exclusive lock that SQLite does not wait for (its
        busy handler is skipped to avoid a deadlock), so processes opening one new memory at the
        same moment see BUSY here: they wait their turn instead of failing.
        """
        pause = 0.01
        while True:
            try:
                self._check_contents()
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
                return
            except (sqlite3.OperationalError, MemoryStoreError) as exc:
                if not _busy(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _check_header(self) -> None:
        """A file that is there but is not SQLite is refused before SQLite opens (and may write) it;
        so is anything that is not a regular file (a FIFO would block, a device is no memory)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    raise MemoryStoreError(
                        _("the translation memory is not a regular file (a FIFO, a folder or a device)"),
                        path=self.path,
                        hint=_("pass another --memory"),
                    )
                head = handle.read(len(SQLITE_HEADER))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise MemoryStoreError(
                _("cannot open the translation memory: {error}").format(error=exc.strerror), path=self.path
            ) from exc
        if head and head != SQLITE_HEADER:
            raise MemoryStoreError(
                _("the translation memory is damaged (not a readable SQLite database)"),
                path=self.path,
                hint=_("restore it from a backup, or pass another --memory"),
            )

    def _check_contents(self) -> None:
        """Read-only checks before anything is written: pages intact, and the tables ours."""
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        theirs = {t for t in tables if t not in OWN_TABLES and not t.startswith(("segments_fts", "sqlite_"))}
        if theirs or (tables and "meta" not in tables):
            raise MemoryStoreError(
                _("this SQLite file is not a bilingual translation memory (it holds other tables: {tables})").format(
                    tables=", ".join(sorted(theirs or tables))[:120]
                ),
                path=self.path,
                hint=_("pass another --memory; the file was not changed"),
            )
        if tables and not checked.known_whole(self.path):
            verdict = self.db.execute("PRAGMA quick_check(1)").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise MemoryStoreError(
                    _("the translation memory is damaged (its integrity check failed)"),
                    path=self.path,
                    hint=_("restore it from a backup, or pass another --memory; the file was not changed"),
                )
            checked.stamp(self.path)

    def _error(self, exc: Exception) -> BilingualError:
        mapped = dependency_error(exc, path=self.path)
        return mapped if mapped is not None else MemoryStoreError(str(exc), path=self.path)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any failure; SQLite errors become ours.

        A failed COMMIT (disk full, say) has already ended the transaction: then there is
        nothing to roll back, and the error reported is the COMMIT's own.
        """
        if self._open_transaction():  # inside transaction(): the outer block commits
            yield self.db
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
                checked.stamp(self.path)  # as this tool leaves it: the next open need not read it all
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc

    def _open_transaction(self) -> bool:
        return bool(self.db.in_transaction)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Memory]:
        """Several writes as one: all of them are in the memory after the block, or none (a kill,
        an error). ``apply`` records every correction of a file this way."""
        with self._transaction():
            yield self

    def _migrate(self) -> None:
        with self._transaction() as db:
            schema.migrate(db, self.path)
        db = self.db
        self.has_fts = db.execute("SELECT 1 FROM sqlite_master WHERE name='segments_fts'").fetchone() is not None

    def close(self) -> None:
        """Close, and stamp the file as this tool leaves it (the next open need not check it all)."""
        self.db.close()
        checked.stamp(self.path)

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM segments").fetchone()[0]

    # --- reading --------------------------------------------------------------------------

    def get(self, source: str) -> Hit | None:
        """The exact match for *source*, or None."""
        try:
            row = self.db.execute(
                "SELECT source, target, status, origin, terms, glossary_fingerprint, mt_target"
                " FROM segments WHERE source_key=?",
                (normalize(source),),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        return None if row is None else hit_from_row(row)

    def is_machine_text(self, target: str) -> bool:
        """Whether a machine wrote *target* for some source this memory knows."""
        try:
            row = self.db.execute(
                "SELECT 1 FROM segments WHERE mt_target = ? OR (status = 'mt' AND target = ?) LIMIT 1", (target, target)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        return row is not None

    def recall(self, sources: Sequence[str]) -> Recall:
        """Exact matches for every source in one query (the keys travel as one JSON array), near
        matches for the rest."""
        keys = list(dict.fromkeys(normalize(s) for s in sources))
        hits: dict[str, Hit] = {}
        try:
            for row in self.db.execute(
                "SELECT source_key, source, target, status, origin, terms, glossary_fingerprint, mt_target"
                " FROM segments WHERE source_key IN (SELECT value FROM json_each(?))",
                (json.dumps(keys, ensure_ascii=False),),
            ):
                hits[row[0]] = hit_from_row(row[1:])
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        nearby = {}
        for key in keys:
            if key not in hits:
                found = self.near(key)
                if found is not None:
                    nearby[key] = found
        return Recall(hits, nearby)

    def near(self, source: str) -> Hit | None:
        """The best near match above the threshold (:meth:`near_matches`)."""
        found = self.near_matches(source, 1)
        return found[0] if found else None

    def near_matches(self, source: str, limit: int = 3) -> list[Hit]:
        """The *limit* best near matches above the threshold, best first: candidates from the
        sentence's rarest words, the work per lookup capped (:mod:`bilingual.memory.near`), so its
        cost does not grow with the memory."""
        if not self.has_fts:
            return []
        key = normalize(source)
        words = near.index_words(key)
        if not words:
            return []
        try:
            frequencies = {w: self.db.execute(near.FREQUENCY, (f'"{w}"', near.COUNTED)).fetchone()[0] for w in words}
            ids: set[int] = set()
            for query in near.pair_queries(frequencies, near.rarest(frequencies, words)):
                ids.update(r[0] for r in self.db.execute(near.PAIR_ROWS, (query, near.CANDIDATES - len(ids))))
                if len(ids) >= near.CANDIDATES:
                    break
            if not ids:
                return []
            rows = self.db.execute(near.CANDIDATE_ROWS, (json.dumps(sorted(ids)),)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        return [Hit(src, tgt, cast("SegmentStatus", status), origin, score=score)
                for score, (src, tgt, status, origin) in near.ranked(key, rows, limit)]  # fmt: skip

    def concordance(self, text: str, limit: int = 20) -> list[Hit]:
        """Segments whose English holds the words of *text* (a phrase, through the index), or, for a
        text in Arabic, whose Arabic holds it as written (a substring: a clitic-joined word is found too);
        edited and approved first. A substring search reads the memory until it has *limit*."""
        text = " ".join(text.split())
        if not text:
            return []
        try:
            if mostly_latin(text) and self.has_fts:
                words = near.index_words(normalize(text)) or near.words_of(normalize(text))
                if not words:
                    return []
                phrase = " ".join(f'"{w}"' for w in words)
                rows = self.db.execute(
                    "SELECT source, target, status, origin FROM segments WHERE id IN "
                    "(SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? LIMIT ?)", (phrase, limit * 5)
                ).fetchall()  # fmt: skip
            else:
                rows = self.db.execute(
                    "SELECT source, target, status, origin FROM segments WHERE instr(target, ?) > 0 LIMIT ?",
                    (text, limit * 5),
                ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        rows.sort(key=lambda r: -STATUS_RANK.get(r[2], 0))
        return [Hit(src, tgt, cast("SegmentStatus", status), origin) for src, tgt, status, origin in rows[:limit]]

    def rows(self) -> Iterator[tuple[str, str, str, str, str, float]]:
        yield from self.db.execute("SELECT source, target, status, origin, glossary_fingerprint, updated FROM segments")

    # --- writing --------------------------------------------------------------------------

    def put(
        self,
        source: str,
        target: str,
        status: SegmentStatus,
        *,
        origin: str = "",
        glossary_fingerprint: str = "",
        terms: Sequence[TermMatch] = (),
        overwrite: bool = True,
    ) -> PutOutcome:
        """Store a translation; a human one is never replaced by a machine one.

        Returns ``added``, ``updated``, ``unchanged``, or ``conflict`` (an approved target
        differs and *overwrite* is false). The machine's own text for the source is kept.
        """
        if not target.strip():
            return "unchanged"
        key = normalize(source)
        now = time.time()
        with self._transaction() as db:
            row = db.execute("SELECT target, status FROM segments WHERE source_key=?", (key,)).fetchone()
            result = self._decide(row, target, status, overwrite)
            if result == "added":
                db.execute(
                    "INSERT INTO segments (source_key, source, target, status, origin, glossary_fingerprint,"
                    " terms, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, source, target, status, origin, glossary_fingerprint, terms_to_json(terms), now, now),
                )
            elif result == "updated":
                db.execute(
                    "UPDATE segments SET source=?, target=?, status=?, origin=?, glossary_fingerprint=?, terms=?,"
                    " updated=? WHERE source_key=?",
                    (source, target, status, origin, glossary_fingerprint, terms_to_json(terms), now, key),
                )
        return result

    @staticmethod
    def _decide(row: tuple[str, str] | None, target: str, status: SegmentStatus, overwrite: bool) -> PutOutcome:
        if row is None:
            return "added"
        old_target, old_status = row
        if old_target == target and STATUS_RANK[old_status] >= STATUS_RANK[status]:
            return "unchanged"
        if status == "mt" and old_status != "mt":
            return "unchanged"  # a machine translation never replaces an editor's
        if old_status == "approved" and old_target != target and not overwrite:
            return "conflict"  # another editor's text never silently replaces an approved one
        return "updated"

    def record_document(self, doc: Document, *, origin: str, glossary_fingerprint: str) -> None:
        """Store every machine-translated segment of *doc* that is Arabic (one transaction)."""
        now = time.time()
        rows = []
        for seg in doc.segments():
            if seg.status != "mt" or not seg.target.strip() or mostly_latin(seg.target):
                continue  # text the engine left mostly Latin is no translation to keep
            rows.append(
                (
                    normalize(seg.source),
                    seg.source,
                    seg.target,
                    "mt",
                    origin,
                    glossary_fingerprint,
                    terms_to_json(seg.terms),
                    seg.target,
                    now,
                    now,
                )
            )
        if not rows:
            return
        with self._transaction() as db:
            # Machine output replaces only machine output; a human row keeps its text and
            # learns what the machine wrote (import compares with it).
            db.executemany(
                "INSERT INTO segments (source_key, source, target, status, origin, glossary_fingerprint, terms,"
                " mt_target, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_key) DO UPDATE"
                " SET target=iif(segments.status='mt', excluded.target, segments.target),"
                " origin=iif(segments.status='mt', excluded.origin, segments.origin),"
                " glossary_fingerprint=iif(segments.status='mt', excluded.glossary_fingerprint,"
                " segments.glossary_fingerprint), terms=iif(segments.status='mt', excluded.terms, segments.terms),"
                " mt_target=excluded.mt_target, updated=excluded.updated",
                rows,
            )


def open_memory(path: str | Path | None = None, *, any_thread: bool = False) -> Memory:
    """Open (creating if needed) the memory at *path* or the default location."""
    return Memory(Path(path) if path else default_path(), any_thread=any_thread)
