"""Loading the glossary: the one place that reads glossary files and their cache from disk."""

from __future__ import annotations

import operator
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bilingual.errors import GlossaryError
from bilingual.fsutil import locked
from bilingual.i18n import _
from bilingual.journal import JOURNAL, finish_commit
from bilingual.names import cache
from bilingual.names.entry import Entry, GlossaryFinding
from bilingual.names.glossary import Glossary
from bilingual.names.match import Matcher
from bilingual.names.pofiles import entries_from_po, po_files
from bilingual.names.rules import blocking, check_entries


def load_glossary(path: str | Path, *, validate: bool = True, matcher: bool = True) -> Glossary:
    """Load a PO file or a folder of them; invalid entries or conflicts are a GlossaryError.

    Parsed entries, their check results and (with *matcher*) the matcher's automaton come
    from the signed disk cache when the files are unchanged (:mod:`bilingual.names.cache`).
    """
    path = Path(path)
    if path.is_dir() and os.path.lexists(path / JOURNAL):
        with locked(path):  # an edit killed halfway: finish it, so every file is the new one
            finish_commit(path)
    files = po_files(path)
    with _no_gc():  # building 100,000 objects otherwise triggers repeated full collections
        return _load(path, files, validate, matcher)


@contextmanager
def _no_gc() -> Iterator[None]:
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(path: Path, files: list[Path], validate: bool, with_matcher: bool) -> Glossary:
    from bilingual import i18n

    key = cache.cache_key(files, i18n.language())
    cached = cache.read(f"{key}.entries", kind="marshal")
    if cached is not None:
        rows, finding_rows = cached
        entries = []
        for row in rows:
            entry = object.__new__(Entry)
            entry.__dict__.update(zip(_CACHED_FIELDS, row, strict=True))
            entries.append(entry)
        findings = [GlossaryFinding(*row) for row in finding_rows]
    else:
        entries = [entry for file in files for entry in entries_from_po(file)]
        findings = check_entries(entries)
        row_of = operator.itemgetter(*_CACHED_FIELDS)
        cache.write(
            f"{key}.entries",
            ([row_of(e.__dict__) for e in entries], [(f.severity, f.message, f.file, f.line) for f in findings]),
            kind="marshal",
        )
    if validate:
        hard = blocking(findings, entries)
        if hard:
            first = hard[0]
            more = f" and {len(hard) - 1} more" if len(hard) > 1 else ""
            raise GlossaryError(
                first.message + more, path=first.file or path, line=first.line, hint=_("run bilingual glossary check")
            )
    found = None
    if with_matcher:
        enforced = [e for e in entries if not e.fuzzy]
        automaton = cache.read(f"{key}.automaton", kind="pickle")
        found = Matcher(enforced, automaton) if automaton is not None else Matcher(enforced)
        if automaton is None:
            cache.write(f"{key}.automaton", found.automaton, kind="pickle")
    return Glossary(entries, files, path, _matcher=found)


_CACHED_FIELDS = (
    "english",
    "arabic",
    "kind",
    "notes",
    "forbidden",
    "variant_of",
    "sources",
    "fuzzy",
    "no_translate",
    "file",
    "line",
)


def default_glossary_path(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    here = Path("glossary")
    return here if here.is_dir() else None


def load_default_glossary(explicit: str | None = None) -> Glossary | None:
    path = default_glossary_path(explicit)
    if path is None:
        return None
    if explicit and not path.exists():
        raise GlossaryError(
            _("no such glossary file or folder"),
            path=path,
            hint=_("create it with bilingual glossary add, or pass another --glossary"),
        )
    return load_glossary(path)
