"""Editing the glossary's PO files: one file locked, re-read, changed, validated and written atomically."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from bilingual.errors import GlossaryError
from bilingual.i18n import _
from bilingual.names.entry import KIND_FILES, NO_TRANSLATE_FLAG, Entry, Incoming, normalize_key
from bilingual.names.po import PO_HEADER, entries_from_po, new_pofile, parse_comment, po_files, pofile_at, store_entry
from bilingual.names.rules import check_entries, is_fuzzy_entry_finding


class GlossaryFile:
    """One PO file opened for editing under a lock; saved atomically by :func:`edit`."""

    def __init__(self, path: Path) -> None:
        import polib

        self.path = path
        self.po = pofile_at(path) if path.exists() else new_pofile(path)
        self._polib = polib

    def find(self, english: str):
        key = normalize_key(english)
        return next((e for e in self.po if not e.obsolete and normalize_key(e.msgid) == key), None)

    def upsert(self, entry: Entry) -> None:
        existing = self.find(entry.english)
        if existing is None:
            existing = self._polib.POEntry(msgid=entry.english, msgstr=entry.arabic)
            self.po.append(existing)
        store_entry(existing, entry)

    def remove(self, english: str) -> bool:
        existing = self.find(english)
        if existing is None:
            return False
        self.po.remove(existing)
        return True

    def entries(self) -> list[Entry]:
        out = []
        for e in self.po:
            if e.obsolete:
                continue
            notes, forbidden, variant_of, sources = parse_comment(e.tcomment)
            out.append(Entry(e.msgid, e.msgstr, e.msgctxt or "other", notes, forbidden, variant_of, sources,
                             "fuzzy" in e.flags, NO_TRANSLATE_FLAG in e.flags, str(self.path), e.linenum))
        return out

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


@contextmanager
def edit(path: Path, *, others: list[Entry] | None = None) -> Iterator[GlossaryFile]:
    """Lock *path*, re-read it, let the caller change it, validate, and write it atomically.

    *others* are entries of the other files of the glossary, checked for conflicts too.
    """
    from bilingual.fsutil import locked, write_text

    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        gfile = GlossaryFile(path)
        before = gfile.snapshot() if path.exists() else None
        yield gfile
        if gfile.snapshot() == before:
            return  # nothing changed: the file stays as it is, byte for byte
        entries = gfile.entries()
        findings = [f for f in check_entries((others or []) + entries) if f.severity == "error"]
        mine = [f for f in findings if f.file in ("", str(path))]
        relevant = [f for f in (mine or findings) if not is_fuzzy_entry_finding(entries, f)]
        if relevant:
            raise GlossaryError(relevant[0].message, path=path, hint=_("nothing was written"))
        write_text(path, gfile.text())


def file_for(root: Path, entry_or_kind: str) -> Path:
    """The PO file an entry of this kind goes to, when the glossary is a folder."""
    if root.suffix == ".po":
        return root
    return root / KIND_FILES.get(entry_or_kind, "other.po")


def locate(root: Path, english: str) -> tuple[Path, Entry] | None:
    """The file and entry holding *english* in the glossary at *root*."""
    if not root.exists():
        return None
    for file in po_files(root):
        for entry in entries_from_po(file):
            if entry.key == normalize_key(english):
                return file, entry
    return None


def entries_except(root: Path, file: Path) -> list[Entry]:
    if not root.exists() or root.suffix == ".po":
        return []
    return [e for f in po_files(root) if f != file for e in entries_from_po(f)]


def set_arabic(entry: Entry, arabic: str) -> Entry:
    return replace(entry, arabic=arabic, fuzzy=False)


class GlossaryEdit:
    """Every file of a glossary, opened for editing under one lock (see :func:`edit_glossary`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[Path, GlossaryFile] = {}
        if root.exists():
            for path in po_files(root):
                self.files[path] = GlossaryFile(path)
        self.before = {path: f.snapshot() for path, f in self.files.items()}

    def find(self, english: str) -> tuple[Path, Entry] | None:
        key = normalize_key(english)
        for path, gfile in self.files.items():
            for entry in gfile.entries():
                if entry.key == key:
                    return path, entry
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
    from bilingual.fsutil import locked, write_text

    root.parent.mkdir(parents=True, exist_ok=True)
    with locked(root):
        glossary = GlossaryEdit(root)
        yield glossary
        changed = glossary.changed()
        if not changed:
            return  # nothing changed: every file stays as it is, byte for byte
        entries = glossary.entries()
        mine = {str(p) for p in changed}
        errors = [f for f in check_entries(entries) if f.severity == "error" and f.file in mine
                  and not is_fuzzy_entry_finding(entries, f)]
        if errors:
            raise GlossaryError(errors[0].message, path=errors[0].file, line=errors[0].line,
                                hint=_("nothing was written"))
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path, glossary.files[path].text())


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
