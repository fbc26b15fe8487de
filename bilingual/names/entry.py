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
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
# Line breaks other than LF: in a note they become LF (in a PO comment they cut the line in two).
LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
# Controls a note may not hold once its line breaks are LF (tabs and LF are text).
NOTE_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Characters nobody sees: a name holding one never matches the text an editor types.
INVISIBLE = re.compile("[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff]")
# Letters of other scripts that look like Latin ones ("Haftаr" with a Cyrillic а).
CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοναρ",
    "aeopcyxijsdqwABEKMHOPCTXIJSABEZHIKMNOPTYXovap",
)
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


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


_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
                  0x85: "NEXT LINE"}  # fmt: skip


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: how a message names a character nobody can see."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"


def script_of(char: str) -> str:
    """The script of a letter (LATIN, ARABIC, CYRILLIC …), from its Unicode name; '' for other characters."""
    return unicodedata.name(char, "").split(" ", 1)[0] if char.isalpha() else ""


def main_script(text: str) -> str:
    """The script most of *text*'s letters are in ('' when it has none)."""
    scripts = [script_of(c) for c in text if c.isalpha()]
    return max(sorted(set(scripts)), key=scripts.count) if scripts else ""


def stray_letter(text: str) -> str | None:
    """A letter of a minority script in *text* (a Cyrillic а in "Haftar"), or None when one script is used."""
    main = main_script(text)
    return next((c for c in text if c.isalpha() and script_of(c) != main), None)


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
