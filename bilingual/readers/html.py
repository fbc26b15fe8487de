"""HTML: the article body's headings, paragraphs and list items; chrome is dropped.

Scripts, styles, navigation, headers, footers, asides and forms are removed. When the page
has an ``<article>`` (or ``<main>``) only that is read. Whitespace collapses as browsers do.
"""

from __future__ import annotations

import re

from bilingual.document import Mark
from bilingual.errors import InputError
from bilingual.readers import RawBlock

_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript",
         "template", "svg", "iframe", "button", "select", "figure")
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "dd", "dt"}
_INLINE_MARKS = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "a": "link",
                 "code": "code", "s": "strike"}
_SPACE = re.compile(r"\s+")


def _collect(element, parts: list[str], marks: list[Mark], length: list[int]) -> None:
    """Append the element's text (collapsed later) and record inline marks."""
    if element.text:
        parts.append(element.text)
        length[0] += len(element.text)
    for child in element:
        if not isinstance(child.tag, str):
            pass  # comment or processing instruction: skip its text, keep its tail
        elif child.tag in _BLOCKS:
            pass  # nested block (e.g. <p> inside <li>) is read on its own
        else:
            start = length[0]
            if child.tag == "br":
                parts.append(" ")
                length[0] += 1
            _collect(child, parts, marks, length)
            kind = _INLINE_MARKS.get(child.tag)
            if kind and length[0] > start:
                marks.append(Mark(start, length[0], kind, child.get("href", "") if kind == "link" else ""))
        if child.tail:
            parts.append(child.tail)
            length[0] += len(child.tail)


def _collapse(raw: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Collapse whitespace runs to one space and strip, moving mark offsets along."""
    mapping = [0] * (len(raw) + 1)
    out: list[str] = []
    prev_space = True
    for i, ch in enumerate(raw):
        mapping[i] = len(out)
        if ch.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    mapping[len(raw)] = len(out)
    text = "".join(out)
    stripped = text.rstrip()
    moved = [Mark(mapping[m.start], min(mapping[m.end], len(stripped)), m.kind, m.href) for m in marks]
    return stripped, [m for m in moved if m.end > m.start]


def parse(text: str) -> tuple[str, list[RawBlock]]:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse as HTML: {exc}", hint="check the file is an HTML page") from exc
    for bad in root.iter(*_DROP):
        bad.drop_tree()
    scope = next(iter(root.iter("article")), None)
    if scope is None:
        scope = next(iter(root.iter("main")), None)
    if scope is None:
        scope = root
    pieces: list[str] = []
    blocks: list[RawBlock] = []
    pos = 0
    for element in scope.iter(*_BLOCKS):
        if element.tag == "li" and any(el.tag in ("p",) for el in element.iter()):
            continue  # the <p>s inside are read as blocks
        if element.tag == "blockquote" and any(el.tag in _BLOCKS for el in element.iterdescendants()):
            continue
        parts: list[str] = []
        marks: list[Mark] = []
        _collect(element, parts, marks, [0])
        plain, marks = _collapse("".join(parts), marks)
        if not plain:
            continue
        kind = {"blockquote": "quote", "figcaption": "p", "dd": "p", "dt": "p"}.get(element.tag, element.tag)
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(plain)
        blocks.append(RawBlock(kind, pos, pos + len(plain),
                               tuple(Mark(m.start + pos, m.end + pos, m.kind, m.href) for m in marks)))
        pos += len(plain)
    return "".join(pieces), blocks
