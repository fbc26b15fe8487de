"""Plain text: paragraphs are separated by blank lines; the text itself is kept as is."""

from __future__ import annotations

import re

from bilingual.readers import RawBlock

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


def parse(text: str) -> tuple[str, list[RawBlock]]:
    blocks = []
    pos = 0
    for match in _BLANK_LINES.finditer(text):
        if text[pos:match.start()].strip():
            blocks.append(RawBlock("p", pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        blocks.append(RawBlock("p", pos, len(text)))
    return text, blocks
