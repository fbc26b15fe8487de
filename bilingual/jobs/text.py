"""Translate short texts (an API request, a CMS field): many texts, one engine batch, the glossary enforced.

Every text becomes blocks of one document, so texts from many requests are translated in one
pipeline run (one batch for the engine) and split back. Plain text keeps its line breaks and
spacing between sentences; HTML keeps every tag and entity where it stood: tags are carried
through the engine like placeholders, so a sentence is never cut at an inline tag. Placeholders
of CAT tools and templates (``[X7X]``, ``{{name}}``, ``{0}``, ``%s``, ``%(name)s``) come back as
they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilingual.document import Head, RawBlock
from bilingual.engines import Engine
from bilingual.names.glossary import Glossary
from bilingual.read import build_document
from bilingual.translation.pipeline import translate_document
from bilingual.translation.report import NameRow, names_report

#: Placeholders CAT tools and templates use (Weblate's [X7X], Jinja/Mustache, .NET/Python/printf).
PLACEHOLDERS = r"\[X\d+X\]|\{\{[^{}\n]{1,80}\}\}|\{[0-9]{1,3}\}|%(?:\([A-Za-z_][A-Za-z0-9_]{0,40}\))?[sdif]|%%"
_PLAIN = re.compile(PLACEHOLDERS)
_HTML = re.compile(r"<[^<>]{1,2000}>|&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{1,32});|" + PLACEHOLDERS)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class TextRequest:
    texts: tuple[str, ...]
    html: bool = False


@dataclass
class TextResult:
    translations: list[str] = field(default_factory=list)
    names: list[list[NameRow]] = field(default_factory=list)  # per text: every glossary name occurrence
    untranslated: int = 0  # segments the engine left mostly Latin


def translate_texts(request: TextRequest, *, engine: Engine, glossary: Glossary | None) -> TextResult:
    """Translate every text in one pipeline run; the result keeps the order of the texts."""
    pieces: list[str] = []
    blocks: list[RawBlock] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for text in request.texts:
        start = at
        for block in _paragraphs(text):
            blocks.append(RawBlock("p", start + block[0], start + block[1]))
        pieces.append(text)
        at += len(text)
        spans.append((start, at))
        pieces.append("\n\n")
        at += 2
    doc = build_document("".join(pieces), blocks, head=Head(input_name="request"))
    translated, tally = translate_document(
        doc, engine=engine, glossary=glossary, protect=_HTML if request.html else _PLAIN
    )
    segments = translated.segments()
    rows = names_report(translated)
    result = TextResult(untranslated=len(tally.untranslated))
    for start, end in spans:
        mine = [s for s in segments if start <= s.start and s.end <= end]
        out, pos = [], start
        for seg in mine:
            out.append(doc.text[pos : seg.start])
            out.append(seg.target)
            pos = seg.end
        out.append(doc.text[pos:end])
        result.translations.append("".join(out))
        ids = {seg.id for seg in mine}
        result.names.append([row for row in rows if row.segment in ids])
    return result


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of *text* (blank lines between them), as offsets; a text of spaces has none."""
    found, pos = [], 0
    for gap in _PARAGRAPH.finditer(text):
        found.append((pos, gap.start()))
        pos = gap.end()
    found.append((pos, len(text)))
    return [(s, e) for s, e in found if text[s:e].strip()]
