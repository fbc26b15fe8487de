"""Markdown, both ways: articles written in CommonMark, and a review table we publish.

Reading (markdown-it-py): headings, paragraphs, list items and quotes. Inline markup
(emphasis, code, links) is kept out of the sentence text and recorded as
:class:`~bilingual.document.Mark` spans, so the text translates cleanly and nothing is lost.
Code blocks are not prose and are not translated.

Publishing, for quick review on a Git host: a two-column table, or interleaved blocks. Table
cells escape ``|``, backslashes and angle brackets; the Arabic in interleaved blocks sits in
``<div dir="rtl" lang="ar">`` so hosts that render HTML show it right-to-left.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bilingual.document import Mark, RawBlock
from bilingual.formats.base import ExportOptions, Format, Role
from bilingual.formats.layout import Piece, rows, title_of

if TYPE_CHECKING:
    from bilingual.document import Document

RLI, PDI = "\u2067", "\u2069"
OWN_MARK = "<!-- made by bilingual "  # an HTML comment: invisible in every renderer, tells our exports apart
_MARK_KINDS = {"strong": "strong", "em": "em", "link": "link", "s": "strike"}


def _inline(children: Any) -> tuple[str, list[Mark]]:
    parts: list[str] = []
    marks: list[Mark] = []
    open_marks: list[tuple[str, int, str]] = []
    length = 0
    for tok in children or ():
        if tok.type == "text":
            parts.append(tok.content)
            length += len(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            length += 1
        elif tok.type == "code_inline":
            marks.append(Mark(length, length + len(tok.content), "code"))
            parts.append(tok.content)
            length += len(tok.content)
        elif tok.type.endswith("_open") and tok.type[:-5] in _MARK_KINDS:
            href = str(tok.attrs.get("href", "")) if tok.attrs else ""
            open_marks.append((_MARK_KINDS[tok.type[:-5]], length, href))
        elif tok.type.endswith("_close") and open_marks:
            kind, start, href = open_marks.pop()
            if length > start:
                marks.append(Mark(start, length, kind, href))
        elif tok.type == "image":
            alt = tok.content or ""
            parts.append(alt)
            length += len(alt)
    return "".join(parts), marks


def parse_markdown_article(text: str) -> tuple[str, list[RawBlock]]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(text)
    pieces: list[str] = []
    blocks: list[RawBlock] = []
    pos = 0
    context: list[str] = []
    for tok in tokens:
        if tok.type in ("heading_open",):
            context.append(tok.tag)
        elif tok.type == "list_item_open":
            context.append("li")
        elif tok.type == "blockquote_open":
            context.append("quote")
        elif tok.type in ("heading_close", "list_item_close", "blockquote_close") and context:
            context.pop()
        elif tok.type == "inline":
            plain, marks = _inline(tok.children)
            stripped = plain.strip()
            if not stripped:
                continue
            lead = len(plain) - len(plain.lstrip())
            marks = [Mark(m.start - lead, m.end - lead, m.kind, m.href) for m in marks]
            kind = context[-1] if context else "p"
            if pieces:
                pieces.append("\n\n")
                pos += 2
            pieces.append(stripped)
            offset_marks = tuple(
                Mark(max(0, m.start) + pos, min(len(stripped), m.end) + pos, m.kind, m.href)
                for m in marks
                if m.end > 0 and m.start < len(stripped)
            )
            blocks.append(RawBlock(kind, pos, pos + len(stripped), offset_marks))
            pos += len(stripped)
    return "".join(pieces), blocks


class MarkdownArticle(Format):
    name = "md"
    roles = frozenset({Role.ARTICLE})
    extensions = (".md", ".markdown")
    media_type = "text/markdown"

    def read_article(self, text: str) -> tuple[str, list[RawBlock]]:
        return parse_markdown_article(text)


_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _md(pieces: Sequence[Piece]) -> str:
    text = "".join(p.text for p in pieces)
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


class MarkdownExport(Format):
    name = "md"
    roles = frozenset({Role.EXPORT})
    extensions = (".md",)
    media_type = "text/markdown"

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """Our export ends with its mark (an HTML comment no renderer shows)."""
        return data.rstrip().endswith(b" -->") and OWN_MARK.encode() in data[-200:]

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        align = "paragraph" if options.arabic_only else options.align  # the Arabic-only page reads as an article
        laid = rows(doc, align=align, typography=options.typography, digits=options.digits)
        lines = [f"# {_md([Piece(title_of(doc, options.title))])}", ""]
        if options.arabic_only:
            lines += [f'<div dir="rtl" lang="ar">\n\n{_md(row.ar)}\n\n</div>\n' for row in laid]
        elif options.layout == "columns":
            lines += ["| English | العربية |", "| --- | --- |"]
            # A table cell cannot carry dir="rtl" in Markdown; a right-to-left isolate (RLI … PDI) around
            # the Arabic does what it would: final punctuation, « » and numbers land at the right end.
            lines += [f"| {_md(row.en)} | {RLI}{_md(row.ar)}{PDI} |" for row in laid]
        else:
            for row in laid:
                lines += [
                    f'<a id="{row.id}"></a>',
                    "",
                    _md(row.en),
                    "",
                    '<div dir="rtl" lang="ar">',
                    "",
                    _md(row.ar),
                    "",
                    "</div>",
                    "",
                ]
        lines += ["", OWN_MARK + self.stamp(doc)["tool_version"] + " -->"]
        return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
