"""Articles translated in place: the file an editor sent, in its own format, its text in Arabic.

What LibreTranslate's ``/translate_file`` returns and ``bilingual translate --to-format`` writes. Each
format is taken apart into the texts to translate (inline markup carried as tags the pipeline keeps
where they stand) and put back together around their translations, its structure untouched:
headings, paragraphs, lists, tables, emphasis and links stay what they were; HTML and DOCX are set
right-to-left. The translation itself is the caller's (one batch for the whole file).

- txt: the text as it is (paragraphs and line breaks kept).
- md: each block's inline text (a heading's, a list item's, a table cell's) with its markers —
  ``#``, ``-``, ``1.``, ``>``, ``|`` — left where they are; emphasis, code and links kept.
- html: each block element's inner HTML (``<p>``, ``<h1>``…, ``<li>``, ``<td>``…), tags and all;
  ``<html lang="ar" dir="rtl">``.
- docx: each paragraph (in tables too) with its runs as tags, so every run keeps its formatting
  (bold, italic, a link's run); paragraphs ``w:bidi``, runs ``w:rtl`` in Amiri.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bilingual.errors import InputError
from bilingual.i18n import _

#: Markdown's inline syntax, kept where it stands: code spans whole, link and image brackets and
#: destinations, emphasis markers, autolinks and inline HTML.
MARKDOWN_SYNTAX = (
    r"`[^`\n]+`|!?\[|\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\]|\*\*|__|\*|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
    r"|<[^<>\n]{1,500}>"
)
_MD_PREFIX = re.compile(r"^(\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)?)")
_MD_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "figcaption", "caption",
                "blockquote", "title")  # fmt: skip
_RUN_TAG = re.compile(r"<r(\d{1,5})>(.*?)</r\1>", re.S)


@dataclass
class Taken:
    """A file taken apart: the texts to translate, how (``text``, ``html`` or ``markdown``), and how to
    put the file back together from their translations."""

    texts: list[str]
    markup: str
    rebuild: Callable[[list[str]], bytes]
    media_type: str


def take_apart(content: str | bytes, fmt: str, *, path: str) -> Taken:
    """An article in *fmt* taken apart: ``docx`` as its bytes; ``txt``, ``md`` and ``html`` as text
    (decoded by the caller, as every reader decodes)."""
    if fmt == "docx" and isinstance(content, bytes):
        return _docx(content, path)
    if isinstance(content, str):
        if fmt == "txt":
            return Taken([content], "text", lambda out: out[0].encode("utf-8"), "text/plain; charset=utf-8")
        if fmt == "md":
            return _markdown(content)
        if fmt == "html":
            return _html(content, path)
    raise InputError(_("file format not supported"), path=path, hint=_("send txt, md, html or docx"))


def _markdown(text: str) -> Taken:
    """Line by line: a paragraph's lines become one text in its first line (the block's prefix kept),
    a table row's cells each a text; fenced code, HTML blocks and delimiter rows stay as they are."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    jobs: list[tuple[int, int, str]] = []  # (first line, end line, kind)
    for i, token in enumerate(tokens):
        if token.type != "inline" or token.map is None or not token.content.strip():
            continue
        opener = tokens[i - 1].type if i else ""
        kind = "cell" if opener in ("th_open", "td_open") else "block"
        if kind == "cell" and jobs and jobs[-1][0] == token.map[0] and jobs[-1][2] == "cell":
            continue  # one job per table row
        jobs.append((token.map[0], token.map[1], kind))
    texts: list[str] = []
    plans: list[tuple[int, int, str, list[str]]] = []
    for first, end, kind in jobs:
        if kind == "cell":
            cells = _CELL_SPLIT.split(lines[first])
            plans.append((first, first + 1, "cell", cells))
            texts.extend(c.strip() for c in cells if c.strip())
            continue
        prefix = _MD_PREFIX.match(lines[first]).group(1)  # type: ignore[union-attr]
        body = " ".join(
            [lines[first][len(prefix) :].strip(), *(_MD_PREFIX.sub("", ln).strip() for ln in lines[first + 1 : end])]
        )
        plans.append((first, end, prefix, [body.strip()]))
        texts.append(body.strip())

    def rebuild(out: list[str]) -> bytes:
        result = list(lines)
        at = 0
        for first, end, prefix, parts in plans:
            if prefix == "cell":
                cells = []
                for cell in parts:
                    if cell.strip():
                        lead = cell[: len(cell) - len(cell.lstrip())] or " "
                        tail = cell[len(cell.rstrip()) :] or " "
                        cells.append(lead + out[at] + tail)
                        at += 1
                    else:
                        cells.append(cell)
                result[first] = "|".join(cells)
                continue
            result[first] = prefix + out[at]
            at += 1
            for line in range(first + 1, end):
                result[line] = None  # type: ignore[call-overload]
        return "\n".join(line for line in result if line is not None).encode("utf-8")

    return Taken(texts, "markdown", rebuild, "text/markdown; charset=utf-8")


def _html(text: str, path: str) -> Taken:
    import lxml.html

    from bilingual.formats.html import parse_page

    root = parse_page(text, path)
    blocks = [
        el
        for el in root.iter(*_HTML_BLOCKS)
        if not any(isinstance(d.tag, str) and d.tag in _HTML_BLOCKS for d in el.iterdescendants())
        and el.text_content().strip()
    ]
    texts = [_inner(el) for el in blocks]

    def rebuild(out: list[str]) -> bytes:
        for el, html in zip(blocks, out, strict=True):
            tail = el.tail
            for child in list(el):
                el.remove(child)
            el.text = None
            pieces = lxml.html.fragments_fromstring(html) if html.strip() else []
            for piece in pieces:
                if isinstance(piece, str):
                    if len(el):
                        el[-1].tail = (el[-1].tail or "") + piece
                    else:
                        el.text = (el.text or "") + piece
                else:
                    el.append(piece)
            el.tail = tail
        root.set("lang", "ar")
        root.set("dir", "rtl")
        doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
        return lxml.html.tostring(root, encoding="unicode", doctype=doctype).encode("utf-8")

    return Taken(texts, "html", rebuild, "text/html; charset=utf-8")


def _inner(element: Any) -> str:
    import lxml.html
    from markupsafe import escape

    return str(escape(element.text or "")) + "".join(
        lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in element
    )


def _docx(data: bytes, path: str) -> Taken:
    from bilingual.formats.docx import ARABIC_FONT, open_docx, rtl_paragraph_xml, rtl_run_xml, text_runs
    from bilingual.formats.docxpackage import embed_font, stamp
    from bilingual.formats.html import truetype_fonts

    document = open_docx(data, path)
    paragraphs = [(p, runs) for p in document.element.body.iter(_w("p")) if (runs := text_runs(p))]
    texts = [_tagged(runs) for _p, runs in paragraphs]

    def rebuild(out: list[str]) -> bytes:
        for (paragraph, runs), translated in zip(paragraphs, out, strict=True):
            for run, text in zip(runs, _untag(translated, len(runs)), strict=True):
                _set_run_text(run, text)
                rtl_run_xml(run)
            rtl_paragraph_xml(paragraph)
        stamp(document, new=False)
        embed_font(document, ARABIC_FONT, truetype_fonts())
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return Taken(texts, "html", rebuild, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def _run_text(run: Any) -> str:
    return "".join(t.text or "" for t in run.iter(_w("t")))


def _tagged(runs: list[Any]) -> str:
    """A paragraph's runs as one text, each run's text in ``<rN>…</rN>`` (a lone run needs none)."""
    from markupsafe import escape

    if len(runs) == 1:
        return str(escape(_run_text(runs[0])))
    return "".join(f"<r{i}>{escape(_run_text(run))}</r{i}>" for i, run in enumerate(runs))


def _untag(translated: str, count: int) -> list[str]:
    """Each run's translated text; text outside any tag, or tags out of order, go to the first run."""
    import html

    if count == 1:
        return [html.unescape(translated)]
    found = [(int(m.group(1)), m.group(2)) for m in _RUN_TAG.finditer(translated)]
    order = [i for i, _t in found]
    outside = _RUN_TAG.sub("", translated).strip()
    texts = [""] * count
    if order != sorted(order) or any(i >= count for i in order) or outside:
        texts[0] = html.unescape(re.sub(r"</?r\d{1,5}>", "", translated))
        return texts
    for i, text in found:
        texts[i] = html.unescape(text)
    return texts


def _set_run_text(run: Any, text: str) -> None:
    """The run's text replaced: its first ``w:t`` holds it (spaces kept), other text elements go."""
    holders = list(run.iter(_w("t")))
    for extra in holders[1:]:
        extra.getparent().remove(extra)
    holder = holders[0]
    holder.text = text
    holder.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
