"""Glossary entries as CSV or TSV (the layout DeepL and spreadsheet users exchange).

Columns: english, arabic, kind, notes, forbidden (``|``-separated), variant_of, fuzzy,
no_translate. A file with just two columns (source, target), DeepL's layout, is read too.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from bilingual.errors import GlossaryError
from bilingual.formats.base import Format, Role, decode_utf8
from bilingual.names.entry import Entry

COLUMNS = ("english", "arabic", "kind", "notes", "forbidden", "variant_of", "fuzzy", "no_translate")
_TRUE = {"1", "yes", "true", "y", "x"}


class CsvTerms(Format):
    name = "csv"
    roles = frozenset({Role.TERMS})
    extensions: ClassVar[tuple[str, ...]] = (".csv",)
    media_type = "text/csv"
    delimiter = ","

    def render_terms(self, entries: list[Entry]) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in entries:
            writer.writerow([e.english, e.arabic, e.kind, e.notes, "|".join(e.forbidden), e.variant_of,
                             "yes" if e.fuzzy else "", "yes" if e.no_translate else ""])
        return out.getvalue().encode("utf-8")

    def parse_terms(self, data: bytes, *, path: str) -> list[Entry]:
        text = decode_utf8(data, path=path, error=GlossaryError, hint="save the sheet as CSV UTF-8")
        rows = list(csv.reader(io.StringIO(text), delimiter=self.delimiter))
        if not rows:
            return []
        header = [h.strip().lower() for h in rows[0]]
        if header[:2] == ["english", "arabic"]:
            index = {name: header.index(name) for name in COLUMNS if name in header}
            body, first_line = rows[1:], 2
        else:
            index = {"english": 0, "arabic": 1}
            body, first_line = rows, 1
        entries = []
        for line, row in enumerate(body, start=first_line):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 2:
                raise GlossaryError("a row needs at least an English and an Arabic column", path=path, line=line)

            cell = {name: row[index[name]] if name in index and index[name] < len(row) else "" for name in COLUMNS}
            entries.append(Entry(
                english=cell["english"], arabic=cell["arabic"], kind=cell["kind"] or "other", notes=cell["notes"],
                forbidden=tuple(f for f in cell["forbidden"].split("|") if f.strip()),
                variant_of=cell["variant_of"], fuzzy=cell["fuzzy"].strip().lower() in _TRUE,
                no_translate=cell["no_translate"].strip().lower() in _TRUE, file=path, line=line))
        return entries


class TsvTerms(CsvTerms):
    name = "tsv"
    extensions = (".tsv", ".tab")
    media_type = "text/tab-separated-values"
    delimiter = "\t"
