"""Formats: one module per file format, found through this one registry.

The registry lists each format class by dotted name. Format modules import nothing heavy at
module level (lxml, Jinja2, WeasyPrint and python-docx are imported inside the methods that
use them), so asking the registry which formats play a role imports only small modules.
Readers, exporters, importers and the glossary's import/export all ask it; nothing else in
the package maps a file extension to a format.
"""

from __future__ import annotations

import dataclasses
import importlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingual.errors import BilingualError
from bilingual.formats.base import ExportOptions, Format, Review, Role, Skip, Unit, UnitFile
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document

__all__ = [
    "PUBLISHING",
    "ExportOptions",
    "Format",
    "Review",
    "Role",
    "Skip",
    "Unit",
    "UnitFile",
    "detect",
    "exporter",
    "format_names",
    "formats",
    "get",
    "render",
]

REGISTRY: tuple[str, ...] = (
    "bilingual.formats.text:TextArticle",
    "bilingual.formats.markdown:MarkdownArticle",
    "bilingual.formats.html:HtmlArticle",
    "bilingual.formats.docx:DocxArticle",
    "bilingual.formats.aligned:AlignedFormat",
    "bilingual.formats.tmx:TmxFormat",
    "bilingual.formats.xliff:Xliff12Format",
    "bilingual.formats.xliff:OmegatXliffFormat",
    "bilingual.formats.xliff2:Xliff2Format",
    "bilingual.formats.po:PoFormat",
    "bilingual.formats.html:HtmlExport",
    "bilingual.formats.pdf:PdfFormat",
    "bilingual.formats.docx:DocxFormat",
    "bilingual.formats.markdown:MarkdownExport",
    "bilingual.formats.report:ReportFormat",
    "bilingual.formats.srx:SrxFormat",
    "bilingual.formats.delimited:CsvTerms",
    "bilingual.formats.delimited:TsvTerms",
    "bilingual.formats.delimited:OmegatTerms",
    "bilingual.formats.tbx:TbxTerms",
    "bilingual.formats.tbx:TbxBasicTerms",
)
SNIFF_BYTES = 4096


#: The side-by-side publishing formats (``--arabic-only`` applies to them).
PUBLISHING = ("html", "pdf", "docx", "md")


@cache
def _load(dotted: str) -> type[Format]:
    module_name, _sep, attr = dotted.partition(":")
    cls: type[Format] = getattr(importlib.import_module(module_name), attr)
    return cls


def formats(role: Role) -> list[type[Format]]:
    """Every registered format class that plays *role*, in registry order."""
    return [cls for cls in map(_load, REGISTRY) if role in cls.roles]


def format_names(role: Role) -> list[str]:
    return [cls.name for cls in formats(role)]


def get(name: str, role: Role) -> Format:
    """The format named *name* for *role*, instantiated."""
    for cls in formats(role):
        if cls.name == name:
            return cls()
    raise BilingualError(
        _("unknown format {name!r}").format(name=name),
        hint=_("use one of: {names}").format(names=", ".join(format_names(role))),
    )


def detect(path: str, head: bytes, role: Role) -> Format:
    """The format of the file at *path* for *role*: by content first, then by extension.

    A format whose ``sniff`` recognises *head* wins (XLIFF 1.2 and 2 share ``.xlf``); when no
    format recognises the content, the extension decides.
    """
    candidates = formats(role)
    sniffed = [cls for cls in candidates if cls.sniff(head)]
    suffixes = [s.lower() for s in Path(path).suffixes]
    by_ext = [cls for cls in candidates if suffixes and suffixes[-1] in cls.extensions]
    if len(sniffed) == 1:
        return sniffed[0]()
    if len(sniffed) > 1:
        both = [cls for cls in sniffed if cls in by_ext]
        return (both or sniffed)[0]()
    if by_ext:
        return by_ext[0]()
    known = sorted({ext for cls in candidates for ext in cls.extensions})
    raise BilingualError(
        _("cannot tell the format of this file from its content or extension"),
        path=path,
        hint=_("use a file ending in one of: {exts}").format(exts=" ".join(known)),
    )


def render(doc: Document, fmt: str, options: ExportOptions | None = None, **changes: Any) -> bytes:
    """*doc* rendered in the export format named *fmt* (``html``, ``pdf``, ``xliff`` …), as bytes.

    Options come from *options* (default :class:`ExportOptions`) with *changes* applied:
    ``render(doc, "html", layout="rows")``.
    """
    options = dataclasses.replace(options or ExportOptions(), **changes)
    return get(fmt, Role.EXPORT).render(doc, options)


def exporter(name: str) -> Format:
    """The export format named *name* (``get(name, Role.EXPORT)``)."""
    return get(name, Role.EXPORT)
