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


# Glossary exchange formats (entries in, entries out), same lazy scheme.
TERM_FORMATS = {
    "csv": "bilingual.formats.glossary_csv:CsvTerms",
    "tsv": "bilingual.formats.glossary_csv:TsvTerms",
    "tbx": "bilingual.formats.tbx:TbxTerms",
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
    glossary_path: str | None = None


@dataclass(frozen=True)
class Unit:
    """One translation unit read from an exchange file (PO, XLIFF, TMX)."""

    id: str
    source: str
    target: str
    status: str  # mt | edited | approved
    line: int | None = None


class Format:
    """Base of every format plugin."""

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    media_type: ClassVar[str] = "application/octet-stream"
    can_import: ClassVar[bool] = False
    can_export: ClassVar[bool] = True

    def render(self, doc, options: ExportOptions) -> bytes:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse(self, data: bytes, *, path: str) -> list[Unit]:  # pragma: no cover - abstract
        raise NotImplementedError

    @staticmethod
    def stamp(doc) -> dict[str, str]:
        """What made the document, for the exporter's header (tool, engine, model, glossary)."""
        from bilingual import __version__

        h = doc.head
        return {"tool": "bilingual", "tool_version": h.tool_version or __version__, "engine": h.engine,
                "model": h.model_name, "model_version": h.model_version, "model_checksum": h.model_checksum,
                "glossary": h.glossary_fingerprint, "input": h.input_name}


def _instantiate(registry: dict[str, str], name: str, what: str):
    dotted = registry.get(name)
    if dotted is None:
        raise BilingualError(f"unknown {what} {name!r}", hint="use one of: " + ", ".join(registry))
    module_name, _, cls = dotted.partition(":")
    return getattr(importlib.import_module(module_name), cls)()


def get_format(name: str) -> Format:
    """Instantiate the document format registered as *name*."""
    return _instantiate(REGISTRY, name, "format")


def get_term_format(name: str):
    """Instantiate the glossary exchange format registered as *name*."""
    return _instantiate(TERM_FORMATS, name, "glossary format")


def term_format_for_path(path: str) -> str | None:
    lower = path.lower()
    return next((name for name in TERM_FORMATS if lower.endswith("." + name)), None)
