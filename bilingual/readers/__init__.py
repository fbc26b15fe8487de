"""Readers: turn an input file (plain text, Markdown, HTML, stdin) into a :class:`Document`.

Each reader module exposes ``parse(text) -> (plain_text, [RawBlock])``; this module decodes
the bytes, picks the reader by extension (or ``--from``), and segments every block.
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from bilingual.document import Block, Document, Head, Mark, Segment
from bilingual.i18n import _
from bilingual.errors import InputError
from bilingual.segment import split_sentences

# Lazy registry of reader modules by format name; extensions map onto it.
READERS = {
    "txt": "bilingual.readers.text",
    "md": "bilingual.readers.markdown",
    "html": "bilingual.readers.html",
}
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", "": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# XML 1.0 Char production: these code points can never appear in an XML document.
XML_FORBIDDEN = frozenset(
    [c for c in range(0x20) if c not in (0x9, 0xA, 0xD)] + [0xFFFE, 0xFFFF]
)


@dataclass(frozen=True)
class RawBlock:
    kind: str
    start: int
    end: int
    marks: tuple[Mark, ...] = ()


def decode(data: bytes, *, path: str, encoding: str | None = None) -> str:
    """Decode *data* as UTF-8 (BOM allowed) or as *encoding*; normalise line endings to LF."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as exc:
            raise InputError(_("unknown encoding {encoding!r}").format(encoding=encoding), path=path,
                             hint=_("pass a Python codec name such as latin-1 or cp1256")) from exc
        except UnicodeDecodeError as exc:
            raise InputError(_("not valid {encoding} at byte offset {offset}").format(encoding=encoding, offset=exc.start),
                             path=path, hint=_("check the --encoding value")) from exc
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                _("not valid UTF-8 at byte offset {offset} (byte 0x{byte:02x})").format(
                    offset=exc.start, byte=data[exc.start]),
                path=path,
                hint=_("re-save the file as UTF-8, or name its encoding with --encoding, e.g. --encoding cp1252"),
            ) from exc
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def format_for(path: str, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in READERS:
            raise InputError(_("unknown input format {name!r}").format(name=explicit), path=path,
                             hint=_("use one of: {names}").format(names=", ".join(READERS)))
        return explicit
    if path == "-":
        return "txt"
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise InputError(_("cannot tell the format from the extension {suffix!r}").format(suffix=suffix), path=path,
                         hint=_("pass --from txt|md|html"))
    return EXTENSIONS[suffix]


def read_bytes(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the input file (or stdin for ``-``), refusing files over *max_bytes*."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            p = Path(path)
            if p.is_dir():
                raise InputError(_("is a folder, not an article"), path=path)
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(
                    _("file is {size:.1f} MB, over the {limit:.1f} MB limit").format(
                        size=size / 1048576, limit=max_bytes / 1048576),
                    path=path, hint=_("split the article, or raise the limit with --max-size"),
                )
            data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(_("no such file"), path=path) from exc
    except PermissionError as exc:
        raise InputError(_("permission denied"), path=path) from exc
    if len(data) > max_bytes:
        raise InputError(_("input is over the {limit:.1f} MB limit").format(limit=max_bytes / 1048576), path=path,
                         hint=_("split the article, or raise the limit with --max-size"))
    return data


def build_document(text: str, raw_blocks: list[RawBlock], *, head: Head) -> Document:
    """Segment each raw block into sentences and assemble the document (ids p1, p1.s1 …)."""
    blocks = []
    for n, raw in enumerate(raw_blocks, start=1):
        bid = f"p{n}"
        segments = tuple(
            Segment(id=f"{bid}.s{k}", start=s, end=e, source=text[s:e])
            for k, (s, e) in enumerate(split_sentences(text, raw.start, raw.end), start=1)
        )
        if segments:
            blocks.append(Block(id=bid, kind=raw.kind, start=raw.start, end=raw.end,
                                segments=segments, marks=raw.marks))
    return Document(text=text, blocks=tuple(blocks), head=head)


def read_document(
    path: str,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read, decode, parse and segment the article at *path* (``-`` for stdin)."""
    fmt = format_for(path, fmt)
    data = read_bytes(path, max_bytes=max_bytes)
    text = decode(data, path=path, encoding=encoding)
    if not text.strip():
        raise InputError(_("nothing to translate: the file is empty or whitespace only"), path=path)
    module = importlib.import_module(READERS[fmt])
    try:
        plain, raw_blocks = module.parse(text)
    except InputError as exc:
        exc.path = exc.path or path
        raise
    head = Head(
        input_name="<stdin>" if path == "-" else Path(path).name,
        input_sha256=hashlib.sha256(data).hexdigest(),
        input_format=fmt,
    )
    doc = build_document(plain, raw_blocks, head=head)
    if not doc.blocks:
        raise InputError(_("nothing to translate: no text found"), path=path)
    return doc
