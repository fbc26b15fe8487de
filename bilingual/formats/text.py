"""Plain text: paragraphs are separated by blank lines; the text itself is kept as is."""

from __future__ import annotations

import re

from bilingual.document import RawBlock
from bilingual.formats.base import Format, Role

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


class TextArticle(Format):
    name = "txt"
    roles = frozenset({Role.ARTICLE})
    extensions = (".txt", ".text")
    media_type = "text/plain"

    def read_article(self, text: str) -> tuple[str, list[RawBlock]]:
        return split_paragraphs(text)


_HEADLINE_END = re.compile(r"[.!?؟:;,،…]\s*$")


def split_paragraphs(text: str) -> tuple[str, list[RawBlock]]:
    """The text as it is, cut into paragraphs at blank lines; a headline on the first line is a heading."""
    blocks = []
    pos = 0
    for match in _BLANK_LINES.finditer(text):
        if text[pos : match.start()].strip():
            blocks.append(RawBlock("p", pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        blocks.append(RawBlock("p", pos, len(text)))
    return text, _headline(text, blocks)


def _headline(text: str, blocks: list[RawBlock]) -> list[RawBlock]:
    """The first line is the headline when it is short and ends without sentence punctuation, as
    newsroom copy is written ("Talks resume in Cairo" over the body); it becomes an h1 block."""
    if not blocks:
        return blocks
    first = blocks[0]
    line_end = text.find("\n", first.start, first.end)
    end = line_end if line_end >= 0 else first.end
    line = text[first.start : end].strip()
    if not line or len(line.split()) > 20 or _HEADLINE_END.search(line):
        return blocks
    head = RawBlock("h1", first.start, first.start + len(text[first.start : end].rstrip()))
    rest = text[end : first.end]
    if line_end < 0 or not rest.strip():
        return [head, *blocks[1:]]
    body_start = end + len(rest) - len(rest.lstrip())
    return [head, RawBlock("p", body_start, first.end), *blocks[1:]]
