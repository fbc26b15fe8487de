"""A glossary entry and its key: the values every other module of :mod:`bilingual.names` passes around.

One entry per English form: ``english``, the ``arabic`` spelling, the ``kind`` (person, place,
org, other), editors' notes, known wrong spellings (``forbidden``), the entry it is a variant
of, its sources, and two flags: ``fuzzy`` (not reviewed: not enforced until an editor clears
it) and ``no_translate`` (kept in Latin script, wrapped in bidi isolates).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Literal, get_args

from bilingual.document import Severity

#: What a glossary name is.
EntryKind = Literal["person", "place", "org", "other"]
KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
KIND_FILES = {"person": "people.po", "place": "places.po", "org": "organisations.po", "other": "other.po"}
MAX_TERM_CHARS = 200
NO_TRANSLATE_FLAG = "no-translate"
# Not a glossary kind: a span the pipeline carries through the engine untouched (a CAT tool's
# placeholder, a template token, an HTML tag) — an entry whose "Arabic" is the span itself, masked
# like a name, written back as it was, and never counted as a name.
PLACEHOLDER = "placeholder"
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
# Line breaks other than LF: in a note they become LF (in a PO comment they cut the line in two).
LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Entry:
    """One name: its English form, its Arabic spelling, and what editors recorded about it."""

    english: str
    arabic: str
    kind: str = "other"  # what every reader assumes when a file names no kind
    notes: str = ""
    forbidden: tuple[str, ...] = ()
    variant_of: str = ""
    sources: tuple[str, ...] = ()
    fuzzy: bool = False
    no_translate: bool = False
    file: str = ""
    line: int | None = None

    def __post_init__(self) -> None:
        if LINE_BREAKS.search(self.notes):  # CR, VT, NEL … in a note are line breaks: written as LF
            object.__setattr__(self, "notes", LINE_BREAKS.sub("\n", self.notes))

    @cached_property
    def key(self) -> str:
        return normalize_key(self.english)

    @property
    def rendering(self) -> str:
        """What goes into the Arabic text: the Arabic, or the Latin form in bidi isolates."""
        return f"\u2066{self.arabic}\u2069" if self.no_translate else self.arabic


@dataclass(frozen=True)
class GlossaryFinding:
    """A problem with a glossary entry, where it stands (file and line)."""

    severity: Severity
    message: str
    file: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (f"{self.file}: " if self.file else "")
        return f"{where}{self.severity}: {self.message}"


_KEY_FOLD = str.maketrans({"’": "'", "-": " ", "‐": " ", "‑": " ", "–": " "})


def normalize_key(english: str) -> str:
    """Case-, hyphen- and space-insensitive key of an English form (what matching compares)."""
    if not english.isascii():
        english = unicodedata.normalize("NFC", english)
    return " ".join(english.translate(_KEY_FOLD).split()).casefold()


#: Field defaults, for readers that build entries without the dataclass constructor (hot path).
ENTRY_DEFAULTS = {f.name: f.default for f in fields(Entry)}


@dataclass(frozen=True)
class Incoming:
    """An entry read from an exchange file, and the fields that file carried (the others it cannot say)."""

    entry: Entry
    fields: frozenset[str]
