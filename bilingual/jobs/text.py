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
from bilingual.formats.inplace import MARKDOWN_SYNTAX
from bilingual.names.glossary import Glossary
from bilingual.read import build_document
from bilingual.translation.pipeline import translate_document
from bilingual.translation.report import NameRow, names_report
from bilingual.workspace import Workspace

#: Placeholders CAT tools and templates use (Weblate's [X7X], Jinja/Mustache, .NET/Python/printf).
PLACEHOLDERS = r"\[X\d+X\]|\{\{[^{}\n]{1,80}\}\}|\{[0-9]{1,3}\}|%(?:\([A-Za-z_][A-Za-z0-9_]{0,40}\))?[sdif]|%%"
_PLAIN = re.compile(PLACEHOLDERS)
_HTML = re.compile(r"<[^<>]{1,2000}>|&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{1,32});|" + PLACEHOLDERS)
_MARKDOWN = re.compile(MARKDOWN_SYNTAX + "|" + PLACEHOLDERS)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
#: What each kind of text carries through the engine untouched.
PROTECT = {"text": _PLAIN, "html": _HTML, "markdown": _MARKDOWN}


@dataclass(frozen=True)
class TextRequest:
    texts: tuple[str, ...]
    markup: str = "text"  # "text", "html" (tags and entities kept) or "markdown" (its inline syntax kept)


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
    protect = PROTECT[request.markup]
    translated, tally = translate_document(doc, engine=engine, glossary=glossary, protect=protect)
    segments = translated.segments()  # in the order of the text: each text's are the next ones
    rows_of: dict[str, list[NameRow]] = {}
    for row in names_report(translated):
        rows_of.setdefault(row.segment, []).append(row)
    result = TextResult(untranslated=len(tally.untranslated))
    next_seg = 0
    for start, end in spans:
        first = next_seg
        while next_seg < len(segments) and segments[next_seg].end <= end:
            next_seg += 1
        mine = segments[first:next_seg]
        out, pos = [], start
        for seg in mine:
            out.append(doc.text[pos : seg.start])
            out.append(seg.target if request.markup == "text" else respace(seg.source, seg.target, protect))
            pos = seg.end
        out.append(doc.text[pos:end])
        result.translations.append("".join(out))
        result.names.append([row for seg in mine for row in rows_of.get(seg.id, [])])
    return result


@dataclass(frozen=True)
class SuggestRequest:
    source: str  # the English
    target: str  # the better Arabic a client sent


def record_suggestion(workspace: Workspace, request: SuggestRequest, glossary: Glossary | None) -> str:
    """Record a client's better translation in the memory as an editor's edit; never over another
    editor's text (edited or approved): that is ``conflict``, and the memory keeps it. Returns what
    the memory did."""
    with workspace.memory(even_without=True) as memory:  # a suggestion is for the memory, --no-memory or not
        assert memory is not None
        held = memory.recall([request.source]).exact(request.source)
        if held is not None and held.human and held.target != request.target:
            return "conflict"
        return memory.put(request.source, request.target, "edited", origin="suggest",
                          glossary_fingerprint=glossary.fingerprint if glossary is not None else "",
                          overwrite=False)  # fmt: skip


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of *text* (blank lines between them), as offsets; a text of spaces has none."""
    found, pos = [], 0
    for gap in _PARAGRAPH.finditer(text):
        found.append((pos, gap.start()))
        pos = gap.end()
    found.append((pos, len(text)))
    return [(s, e) for s, e in found if text[s:e].strip()]


def respace(source: str, target: str, protect: re.Pattern[str]) -> str:
    """*target* with the spacing around each protected span (a tag, an entity, a placeholder) as it
    was in *source*: an engine writes ``<b> حفتر </b>`` for ``<b>Haftar</b>``; where the source had no
    space beside a span, the space the engine put there is taken out (never one the source had)."""
    tight: dict[str, list[tuple[bool, bool]]] = {}
    for found in protect.finditer(source):
        before = found.start() > 0 and not source[found.start() - 1].isspace()
        after = found.end() < len(source) and not source[found.end()].isspace()
        tight.setdefault(found.group(), []).append((before or found.start() == 0, after or found.end() == len(source)))
    seen: dict[str, int] = {}
    out: list[str] = []
    pos = 0
    for found in protect.finditer(target):
        span = found.group()
        flags = tight.get(span, [])
        index = seen.get(span, 0)
        seen[span] = index + 1
        no_space_before, no_space_after = flags[index] if index < len(flags) else (False, False)
        head = target[pos : found.start()]
        out.append(head.rstrip(" ") if no_space_before else head)
        out.append(span)
        pos = found.end()
        if no_space_after:
            while pos < len(target) and target[pos] == " ":
                pos += 1
    out.append(target[pos:])
    return "".join(out)
