"""The glossary as a value: entries, lookup by English form, matching, fingerprint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.names.entry import Entry, normalize_key
from bilingual.names.match import Matcher, TermSpan


@dataclass
class Glossary:
    """Entries from one PO file or a folder of them, and the matcher over the enforced ones.

    A value: it reads and writes nothing. :func:`bilingual.names.load.load_glossary` builds it
    (with the matcher from the disk cache); a glossary made in memory builds its matcher in
    memory on first use.
    """

    entries: list[Entry]
    paths: list[Path] = field(default_factory=list)
    root: Path | None = None
    _matcher: Matcher | None = None
    _by_key: dict[str, Entry] | None = None
    _fingerprint: str | None = None

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def enforced_entries(self) -> list[Entry]:
        return [e for e in self.entries if not e.fuzzy]

    @property
    def fingerprint(self) -> str:
        """``sha256:HEX`` over the enforced entries (what a translation depends on), computed once."""
        if self._fingerprint is None:
            self._fingerprint = self._compute_fingerprint()
        return self._fingerprint

    def _compute_fingerprint(self) -> str:
        digest = hashlib.sha256()
        for e in sorted(self.enforced_entries, key=lambda e: (e.key, e.kind)):
            digest.update(
                "\x1f".join((e.kind, e.key, e.arabic, str(e.no_translate), ",".join(e.forbidden))).encode("utf-8")
                + b"\x1e"
            )
        return "sha256:" + digest.hexdigest()

    def matcher(self) -> Matcher:
        """The Aho–Corasick matcher over the enforced entries (given at load, or built here in memory)."""
        if self._matcher is None:
            self._matcher = Matcher(self.enforced_entries)
        return self._matcher

    def find(self, text: str) -> list[TermSpan]:
        """Every glossary name in *text*, longest first, non-overlapping (TermSpan list)."""
        if not self.entries:
            return []
        return self.matcher().find(text)

    def get(self, english: str) -> Entry | None:
        """The entry for an English form (case/hyphen/space-insensitive), from a dict built once."""
        if self._by_key is None:
            self._by_key = {}
            for entry in self.entries:
                self._by_key.setdefault(entry.key, entry)
        return self._by_key.get(normalize_key(english))
