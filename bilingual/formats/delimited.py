"""Glossary entries in delimited text: CSV and TSV for spreadsheets, and OmegaT's tab-separated glossary.

CSV and TSV, with a header row naming the columns (ours: english, arabic, kind, notes,
forbidden ``|``-separated, variant_of, sources ``|``-separated, fuzzy, no_translate; any subset,
in any order; ``source``/``target`` and ``note`` are read too), Translate Toolkit's layout
(``location, source, target`` …, comments in ``translator_comments``), or no header at all
(DeepL's two columns). Exported CSV starts with a byte-order mark so spreadsheets show the
Arabic. OmegaT's glossary (``.utf8``, ``.txt``, ``.tab``) has no header: source, target, comment.

Each parsed entry says which fields the file carried (:class:`~bilingual.names.entry.Incoming`):
an import keeps the fields a file does not carry.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from bilingual.encoding import decode_utf8
from bilingual.errors import GlossaryError
from bilingual.formats.base import Format, Role
from bilingual.i18n import _
from bilingual.names.entry import Entry, Incoming

COLUMNS = ("english", "arabic", "kind", "notes", "forbidden", "variant_of", "sources", "fuzzy", "no_translate")
# Other names for our columns, as newsroom sheets, Translate Toolkit, DeepL and term bases head them
# (compared case-insensitively, spaces and hyphens read as underscores).
ALIASES = {
    **dict.fromkeys(("source", "en", "eng", "term", "source_term", "english_term", "english_variant",
                     "english_name", "name", "name_en", "latin"), "english"),
    **dict.fromkeys(("target", "ar", "ara", "translation", "target_term", "arabic_term", "arabic_name",
                     "arabic_spelling", "spelling", "name_ar"), "arabic"),
    **dict.fromkeys(("type", "category", "class", "entity_type", "entity"), "kind"),
    **dict.fromkeys(("note", "comment", "comments", "translator_comments", "description", "definition",
                     "remarks", "remark"), "notes"),
    **dict.fromkeys(("forbidden_forms", "do_not_use", "wrong", "wrong_spellings"), "forbidden"),
    **dict.fromkeys(("variant", "see", "main_form"), "variant_of"),
    **dict.fromkeys(("source_of", "reference", "references"), "sources"),
    **dict.fromkeys(("no_translation", "keep_latin", "dnt", "do_not_translate"), "no_translate"),
}  # fmt: skip
# Kinds as sheets write them.
KIND_ALIASES = {
    **dict.fromkeys(("person", "people", "per", "pers", "name", "individual", "شخص"), "person"),
    **dict.fromkeys(("place", "places", "loc", "location", "gpe", "city", "town", "country", "region", "مكان"),
                    "place"),
    **dict.fromkeys(("org", "orgs", "organisation", "organization", "organisations", "organizations", "body",
                     "institution", "party", "group", "منظمة"), "org"),
    **dict.fromkeys(("other", "misc", ""), "other"),
}  # fmt: skip
LISTS = ("forbidden", "sources")
FLAGS = ("fuzzy", "no_translate")
_TRUE = {"1", "yes", "true", "y", "x"}
HINT = "save the sheet as CSV UTF-8"


# OWASP's CSV-injection rule: a cell a spreadsheet would evaluate (=, +, -, @, a tab or CR first) is
# written with a leading apostrophe, which spreadsheets show as text. A cell that already starts
# with apostrophes before such a character gets one more, so reading a file back undoes exactly one.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """*cell* as a spreadsheet will take it as text, never as a formula."""
    rest = cell.lstrip("'")
    return "'" + cell if rest.startswith(_FORMULA) else cell


def unneutralise(cell: str) -> str:
    """The cell as it was before :func:`neutralise` (other cells are left as they are)."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA) else cell


def _column(title: str) -> str:
    key = "_".join(title.strip().lstrip("\ufeff").lower().replace("-", " ").split())
    return ALIASES.get(key, key)


def _header(row: list[str], *, path: str) -> dict[str, int] | None:
    """Column name → index when *row* is a header (it names an English and an Arabic column).

    Two columns that mean the same field are refused, naming both: which one holds the editor's
    word cannot be told.
    """
    names = [_column(c) for c in row]
    if "english" not in names or "arabic" not in names:
        return None
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if name not in COLUMNS:
            continue
        if name in index:
            raise GlossaryError(
                _("two columns give the {name} field: {first!r} and {second!r}").format(
                    name=name, first=row[index[name]].strip(), second=row[i].strip()
                ),
                path=path,
                line=1,
                hint=_("keep one of them (or rename the other) and import again"),
            )
        index[name] = i
    return index


def _entry(cells: dict[str, str], *, path: str, line: int) -> Incoming:
    if not cells.get("english", "").strip() and not cells.get("arabic", "").strip():
        raise ValueError
    values: dict = {"english": cells.get("english", "").strip(), "arabic": cells.get("arabic", "").strip()}
    for name in COLUMNS[2:]:
        if name not in cells:
            continue
        raw = cells[name]
        if name in LISTS:
            values[name] = tuple(v.strip() for v in raw.split("|") if v.strip())
        elif name in FLAGS:
            values[name] = raw.strip().lower() in _TRUE
        elif name == "kind":
            values[name] = KIND_ALIASES.get(raw.strip().lower(), raw.strip())
        else:
            values[name] = raw
    return Incoming(Entry(**values, file=path, line=line), frozenset(values))


class CsvTerms(Format):
    name = "csv"
    roles = frozenset({Role.TERMS})
    extensions: ClassVar[tuple[str, ...]] = (".csv",)
    media_type = "text/csv"
    delimiter = ","
    bom = True

    def render_terms(self, entries: list[Entry]) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in entries:
            writer.writerow(
                neutralise(cell)
                for cell in [
                    e.english,
                    e.arabic,
                    e.kind,
                    e.notes,
                    "|".join(e.forbidden),
                    e.variant_of,
                    "|".join(e.sources),
                    "yes" if e.fuzzy else "",
                    "yes" if e.no_translate else "",
                ]
            )
        return ("\ufeff" if self.bom else "").encode() + out.getvalue().encode("utf-8")

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """Our export: its first line is our header, column for column."""
        first = data.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
        return first == cls.delimiter.join(COLUMNS).encode()

    def parse_terms(self, data: bytes, *, path: str) -> list[Incoming]:
        text = decode_utf8(data, path=path, error=GlossaryError, hint=HINT)
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=self.delimiter, strict=True))
        except csv.Error as exc:
            raise GlossaryError(
                _("malformed {format}: {error}").format(format=self.name.upper(), error=exc), path=path, hint=_(HINT)
            ) from exc
        if not rows:
            return []
        index = _header(rows[0], path=path)
        body, first_line = (rows[1:], 2) if index is not None else (rows, 1)
        if index is None:
            index = {"english": 0, "arabic": 1}
        entries = []
        for line, row in enumerate(body, start=first_line):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 2:
                raise GlossaryError(_("a row needs at least an English and an Arabic column"), path=path, line=line)
            cells = {name: unneutralise(row[i]) for name, i in index.items() if i < len(row)}
            entries.append(_entry(cells, path=path, line=line))
        return entries


class TsvTerms(CsvTerms):
    name = "tsv"
    extensions = (".tsv",)
    media_type = "text/tab-separated-values"
    delimiter = "\t"
    bom = False


class OmegatTerms(Format):
    """OmegaT's glossary: UTF-8, tab-separated source, target and an optional comment, no header."""

    name = "omegat"
    roles = frozenset({Role.TERMS})
    extensions = (".utf8", ".txt", ".tab")
    media_type = "text/tab-separated-values"

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """Tab-separated lines of two or three fields, as we write them."""
        try:
            lines = [line for line in data.decode("utf-8").split("\n") if line]
        except UnicodeDecodeError:
            return False
        return all(1 <= line.count("\t") <= 2 for line in lines)

    def render_terms(self, entries: list[Entry]) -> bytes:
        def clean(text: str) -> str:
            return neutralise(" ".join(text.replace("\t", " ").split()))

        lines = ["\t".join((clean(e.english), clean(e.arabic), clean(e.notes))).rstrip("\t") for e in entries]
        return ("\n".join(lines) + "\n").encode("utf-8")

    def parse_terms(self, data: bytes, *, path: str) -> list[Incoming]:
        text = decode_utf8(data, path=path, error=GlossaryError, hint=_("save the glossary as UTF-8"))
        entries = []
        for line, raw in enumerate(text.split("\n"), start=1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cells = [unneutralise(cell) for cell in raw.split("\t")]
            if len(cells) < 2:
                raise GlossaryError(_("a line needs a source and a target separated by a tab"), path=path, line=line)
            named = {"english": cells[0], "arabic": cells[1]}
            if len(cells) > 2 and cells[2].strip():
                named["notes"] = cells[2].strip()
            entries.append(_entry(named, path=path, line=line))
        return entries
