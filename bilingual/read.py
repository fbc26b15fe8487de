"""Reading, the first stage: an input file (plain text, Markdown, HTML, stdin) into a :class:`Document`.

This module reads and decodes the bytes, asks the format registry for the article format
(``--from``, else by content, else by extension, else plain text), lets it find the blocks,
and segments every block into sentences.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.document import Block, Document, Head, RawBlock, Segment
from bilingual.encoding import decode, wide_encoding
from bilingual.errors import InputError
from bilingual.fsutil import read_limited
from bilingual.i18n import _
from bilingual.segment import split_sentences

if TYPE_CHECKING:
    from bilingual.formats.base import Format

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# What editors are handed that is not an article we read, told by its first bytes, and what to do.
_NOT_ARTICLES = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"II*\x00", "an image"),
    (b"MM\x00*", "an image"),
)


def refuse_unreadable(data: bytes, path: str) -> None:
    """A one-line answer for files editors have that are no article we read: what to do instead."""
    what = next((name for magic, name in _NOT_ARTICLES if data.startswith(magic)), None)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        what = "an image"
    if data.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis.opendocument" in data[:200]:
        what = "an OpenDocument file"
    if what is None:
        return
    hints = {
        "a PDF": _("copy its text into a .txt file, or open it in LibreOffice and save it as DOCX"),
        "an image": _("the tool reads text: type or paste the article into a .txt file"),
        "an OpenDocument file": _("save it as DOCX (Word) from LibreOffice, or as plain text"),
    }
    raise InputError(_("this is {what}, not an article bilingual reads (txt, md, html, docx)").format(what=what),
                     path=path, hint=hints[what])  # fmt: skip


def article_format(path: str, head: bytes, explicit: str | None = None) -> Format:
    """The article format for *path*: ``--from``, else the registry by content and extension.

    Standard input and files with no extension that nothing recognises are plain text.
    """
    from bilingual.errors import BilingualError
    from bilingual.formats import Role, detect, get

    try:
        if explicit:
            return get(explicit, Role.ARTICLE)
        if path == "-" or not Path(path).suffix:
            try:
                return detect(path, head, Role.ARTICLE)
            except BilingualError:
                return get("txt", Role.ARTICLE)
        return detect(path, head, Role.ARTICLE)
    except InputError:
        raise
    except BilingualError as exc:
        raise InputError(exc.message, path=path, hint=_("pass --from txt|md|html")) from exc


def read_bytes(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the input file (or stdin for ``-``), refusing files over *max_bytes*."""
    hint = _("split the article, or raise the limit with --max-size")
    if path != "-":
        if Path(path).is_dir():
            raise InputError(_("is a folder, not an article"), path=path)
        return read_limited(path, limit=max_bytes, error=InputError, hint=hint)
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(_("input is over the {limit:.1f} MB limit").format(limit=max_bytes / 1048576), path=path,
                         hint=hint)  # fmt: skip
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
            blocks.append(
                Block(id=bid, kind=raw.kind, start=raw.start, end=raw.end, segments=segments, marks=raw.marks)
            )
    return Document(text=text, blocks=tuple(blocks), head=head)


def read_document(
    path: str,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read, decode, parse and segment the article at *path* (``-`` for stdin)."""
    data = read_bytes(path, max_bytes=max_bytes)
    if not fmt:
        refuse_unreadable(data, path)
    wide = wide_encoding(data) if not encoding else None
    head_bytes = data[:8192].decode(wide, errors="ignore").encode("utf-8") if wide else data[:4096]
    article = article_format(path, head_bytes, fmt)
    try:
        if article.binary:
            plain, raw_blocks = article.read_article_bytes(data, path=path)
        else:
            text = decode(data, path=path, encoding=encoding)
            if not text.strip():
                raise InputError(_("nothing to translate: the file is empty or whitespace only"), path=path)
            plain, raw_blocks = article.read_article(text)
    except InputError as exc:
        exc.path = exc.path or path
        raise
    head = Head(
        input_name="<stdin>" if path == "-" else Path(path).name,
        input_sha256=hashlib.sha256(data).hexdigest(),
        input_format=article.name,
    )
    doc = build_document(plain, raw_blocks, head=head)
    if not doc.blocks:
        raise InputError(_("nothing to translate: no text found"), path=path)
    return doc
