"""Formats: one module per file format, registered here by dotted name and loaded lazily.

A format class names itself (``name``, ``extensions``, ``media_type``) and implements
``render(doc, options) -> bytes`` to export and/or ``parse(data, path=...)`` to import.
Importing this registry imports no format module (WeasyPrint and python-docx stay unloaded).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import ClassVar

from bilingual.errors import BilingualError

REGISTRY = {
    "aligned": "bilingual.formats.aligned:AlignedFormat",
    "tmx": "bilingual.formats.tmx:TmxFormat",
    "xliff": "bilingual.formats.xliff:Xliff12Format",
    "xliff2": "bilingual.formats.xliff2:Xliff2Format",
    "po": "bilingual.formats.po:PoFormat",
    "html": "bilingual.formats.html:HtmlFormat",
    "pdf": "bilingual.formats.pdf:PdfFormat",
    "docx": "bilingual.formats.docx:DocxFormat",
    "md": "bilingual.formats.markdown:MarkdownFormat",
    "report": "bilingual.formats.report:ReportFormat",
}


@dataclass(frozen=True)
class ExportOptions:
    """Options every exporter receives (each uses what applies to it)."""

    layout: str = "columns"  # columns | rows | interleaved
    align: str = "sentence"  # sentence | paragraph
    digits: str = "western"  # western | arabic-indic
    title: str = ""
    typography: bool = True
    arabic_only: bool = False


class Format:
    """Base of every format plugin."""

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    media_type: ClassVar[str] = "application/octet-stream"
    can_import: ClassVar[bool] = False
    can_export: ClassVar[bool] = True

    def render(self, doc, options: ExportOptions) -> bytes:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse(self, data: bytes, *, path: str):  # pragma: no cover - abstract
        raise NotImplementedError


def get_format(name: str) -> Format:
    """Instantiate the format registered as *name*."""
    dotted = REGISTRY.get(name)
    if dotted is None:
        raise BilingualError(f"unknown format {name!r}", hint="use one of: " + ", ".join(REGISTRY))
    module_name, _, cls = dotted.partition(":")
    return getattr(importlib.import_module(module_name), cls)()


def format_for_path(path: str) -> str | None:
    """The registered format whose extension *path* has (checks each module's class attributes)."""
    lower = path.lower()
    for name in REGISTRY:
        try:
            fmt = get_format(name)
        except ImportError:
            continue
        if fmt.can_import and any(lower.endswith(ext) for ext in fmt.extensions):
            return name
    return None
