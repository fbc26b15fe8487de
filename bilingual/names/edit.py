"""Editing the glossary's PO files: one file locked, re-read, changed, validated and written atomically."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from bilingual.errors import GlossaryError
from bilingual.i18n import _
from bilingual.names.entry import KIND_FILES, NO_TRANSLATE_FLAG, Entry, Incoming, normalize_key
from bilingual.names.pofiles import PO_HEADER, new_pofile, parse_comment, po_files, pofile_at, store_entry
from bilingual.names.rules import check_entries, is_fuzzy_entry_finding


class GlossaryFile:
    """One PO file opened for editing under a lock; saved atomically by :func:`edit_glossary`.

    Its entries are indexed by key once, so a lookup or an edit costs the same in a file of ten
    entries or of a hundred thousand (an import of many entries stays linear).
    """

    def __init__(self, path: Path) -> None:
        import polib

        self.path = path
        self.po = pofile_at(path) if path.exists() else new_pofile(path)
        self._polib = polib
        self._by_key: dict[str, object] = {}
        for e in self.po:
            if not e.obsolete:
                self._by_key.setdefault(normalize_key(e.msgid), e)

    def find(self, english: str) -> Any:
        return self._by_key.get(normalize_key(english))

    def upsert(self, entry: Entry) -> None:
        existing = self.find(entry.english)
        if existing is None:
            existing = self._polib.POEntry(msgid=entry.english, msgstr=entry.arabic)
            self.po.append(existing)
            self._by_key[normalize_key(entry.english)] = existing
        store_entry(existing, entry)

    def remove(self, english: str) -> bool:
        existing = self.find(english)
        if existing is None:
            return False
        self.po.remove(existing)
        del self._by_key[normalize_key(english)]
        return True

    def entry_of(self, e: Any) -> Entry:
        notes, forbidden, variant_of, sources = parse_comment(e.tcomment)
        return Entry(
            e.msgid,
            e.msgstr,
            e.msgctxt or "other",
            notes,
            forbidden,
            variant_of,
            sources,
            "fuzzy" in e.flags,
            NO_TRANSLATE_FLAG in e.flags,
            str(self.path),
            e.linenum,
        )

    def entries(self) -> list[Entry]:
        return [self.entry_of(e) for e in self.po if not e.obsolete]

    def snapshot(self) -> list[tuple]:
        return [(e.msgctxt, e.msgid, e.msgstr, e.tcomment, tuple(e.flags), e.obsolete) for e in self.po]

    def text(self) -> str:
        import time

        from bilingual import __version__

        for key, value in PO_HEADER.items():
            self.po.metadata.setdefault(key, value)
        self.po.metadata["PO-Revision-Date"] = time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime())
        self.po.metadata["X-Generator"] = f"bilingual {__version__}"
        return str(self.po)


def file_for(root: Path, entry_or_kind: str) -> Path:
    """The PO file an entry of this kind goes to, when the glossary is a folder."""
    if root.suffix == ".po":
        return root
    return root / KIND_FILES.get(entry_or_kind, "other.po")


def set_arabic(entry: Entry, arabic: str) -> Entry:
    return replace(entry, arabic=arabic, fuzzy=False)


def variants(entries: list[Entry], entry: Entry, arabic: str) -> list[tuple[Entry, str]]:
    """The entries that move with *entry* when it is respelled *arabic*, each with its new spelling.

    An entry moves with it when it is marked ``variant-of`` it, or when its English holds
    *entry*'s as whole words (Khalifa Haftar with Haftar), and in both cases its Arabic holds the
    old spelling as a word: that word is respelled, the rest kept (خليفة حفتر → خليفة هفتر).
    """
    import re

    words = re.compile(r"(?<![\w-])" + re.escape(entry.english.casefold()) + r"(?![\w-])")
    moved = []
    for other in entries:
        if other.key == entry.key or not entry.arabic:
            continue
        marked = normalize_key(other.variant_of) == entry.key if other.variant_of else False
        if not marked and not words.search(other.english.casefold()):
            continue
        span = re.search(r"(?<![\w\u064b-\u065f\u0670])" + re.escape(entry.arabic) + r"(?!\w)", other.arabic)
        if span is None:
            continue
        new = other.arabic[: span.start()] + arabic + other.arabic[span.end() :]
        if new != other.arabic:
            moved.append((other, new))
    return moved


class GlossaryEdit:
    """Every file of a glossary, opened for editing under one lock (see :func:`edit_glossary`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[Path, GlossaryFile] = {}
        if root.exists():
            for path in po_files(root):
                self.files[path] = GlossaryFile(path)
        self.before = {path: f.snapshot() for path, f in self.files.items()}
        self.discarded = False

    def discard(self) -> None:
        """Validate the changes as a real edit would, but write nothing (a dry run)."""
        self.discarded = True

    def find(self, english: str) -> tuple[Path, Entry] | None:
        for path, gfile in self.files.items():  # a handful of files, each indexed by key
            found = gfile.find(english)
            if found is not None:
                return path, gfile.entry_of(found)
        return None

    def upsert(self, entry: Entry) -> Path:
        """Write *entry* into the file that holds its name, or the file for its kind."""
        found = self.find(entry.english)
        path = found[0] if found else file_for(self.root, entry.kind)
        if path not in self.files:
            self.files[path] = GlossaryFile(path)
        self.files[path].upsert(entry)
        return path

    def remove(self, english: str) -> Entry | None:
        found = self.find(english)
        if found is None:
            return None
        self.files[found[0]].remove(english)
        return found[1]

    def entries(self) -> list[Entry]:
        return [e for gfile in self.files.values() for e in gfile.entries()]

    def changed(self) -> list[Path]:
        return [path for path, gfile in self.files.items() if gfile.snapshot() != self.before.get(path)]


@contextmanager
def edit_glossary(root: Path) -> Iterator[GlossaryEdit]:
    """Lock the whole glossary, re-read it, let the caller change it, validate all, write what changed.

    The check (is the name there already?) and the write happen under one lock, so two editors
    adding one name at once cannot both succeed. Nothing is written when the result would be
    invalid; each changed file is written atomically.
    """
    from bilingual.fsutil import locked
    from bilingual.journal import commit_texts, finish_commit

    root.parent.mkdir(parents=True, exist_ok=True)
    with locked(root):
        if root.is_dir():
            finish_commit(root)  # an earlier edit killed halfway is finished first
        glossary = GlossaryEdit(root)
        yield glossary
        changed = glossary.changed()
        if not changed:
            return  # nothing changed: every file stays as it is, byte for byte
        entries = glossary.entries()
        mine = {str(p) for p in changed}
        errors = [
            f
            for f in check_entries(entries)
            if f.severity == "error" and f.file in mine and not is_fuzzy_entry_finding(entries, f)
        ]
        if errors:
            raise GlossaryError(
                errors[0].message, path=errors[0].file, line=errors[0].line, hint=_("nothing was written")
            )
        if glossary.discarded:
            return
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
        # every changed file at once: a kill leaves the old glossary or the new one, never half
        commit_texts({path: glossary.files[path].text() for path in changed}, folder=changed[0].parent)


MERGED_FIELDS = ("arabic", "kind", "notes", "forbidden", "variant_of", "sources", "fuzzy", "no_translate")


def merge_incoming(editing: GlossaryEdit, incoming: list[Incoming]) -> Iterator[tuple[str, Entry, list[str]]]:
    """(``added``/``changed``/``unchanged``, the entry as it would be, the fields that change) per entry.

    A field the file does not carry keeps its value: a two-column sheet does not reset kinds,
    notes, forbidden spellings or sources.
    """
    for item in incoming:
        found = editing.find(item.entry.english)
        new = replace(item.entry, file="", line=None)
        if found is None:
            yield "added", new, []
            continue
        old = found[1]
        updates = {f: getattr(new, f) for f in MERGED_FIELDS if f in item.fields and getattr(new, f) != getattr(old, f)}
        merged = replace(old, **updates)
        yield ("changed" if updates else "unchanged"), merged, sorted(updates)
