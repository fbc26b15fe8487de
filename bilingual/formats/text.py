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


def split_paragraphs(text: str) -> tuple[str, list[RawBlock]]:
    """The text as it is, cut into paragraphs at blank lines."""
    blocks = []
    pos = 0
    for match in _BLANK_LINES.finditer(text):
        if text[pos : match.start()].strip():
            blocks.append(RawBlock("p", pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        blocks.append(RawBlock("p", pos, len(text)))
    return text, blocks
