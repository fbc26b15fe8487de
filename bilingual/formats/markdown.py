"""Markdown for quick review on a Git host: a two-column table, or interleaved blocks.

Table cells escape ``|``, backslashes and angle brackets; the Arabic in interleaved blocks
sits in ``<div dir="rtl" lang="ar">`` so hosts that render HTML show it right-to-left.
"""

from __future__ import annotations

import html
import re

from bilingual.formats import ExportOptions, Format
from bilingual.publish import Piece, rows, title_of

_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _md(pieces) -> str:
    text = "".join(p.text for p in pieces)
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


class MarkdownFormat(Format):
    name = "md"
    extensions = (".md",)
    media_type = "text/markdown"

    def render(self, doc, options: ExportOptions) -> bytes:
        laid = rows(doc, align=options.align, typography=options.typography, digits=options.digits)
        lines = [f"# {_md([Piece(title_of(doc, options.title))])}", ""]
        if options.arabic_only:
            lines += [f'<div dir="rtl" lang="ar">\n\n{_md(row.ar)}\n\n</div>\n' for row in laid]
        elif options.layout == "columns":
            lines += ["| English | العربية |", "| --- | --- |"]
            lines += [f"| {_md(row.en)} | {_md(row.ar)} |" for row in laid]
        else:
            for row in laid:
                lines += [f'<a id="{row.id}"></a>', "", _md(row.en), "", '<div dir="rtl" lang="ar">', "",
                          _md(row.ar), "", "</div>", ""]
        return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
