"""Bytes into text: how the tool decodes what it is given.

Articles are UTF-8 (a byte-order mark allowed), UTF-16 or UTF-32 told by a byte-order mark or, without
one, by the pattern of zero bytes ASCII-heavy text leaves in them (what Windows tools save as
"Unicode"), or the encoding named with ``--encoding``. Editors' files (glossaries, PO) are UTF-8.
Nothing is ever decoded into garbage: what cannot be told is one error naming the file and the byte.
JSON is read strictly, one way for request bodies and the desk's files beside a document alike: no
NaN or Infinity (no JSON answer can carry them back), no half of a character.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from bilingual.errors import BilingualError, InputError
from bilingual.i18n import _

_SAMPLE = 4096  # bytes looked at to tell an encoding without a byte-order mark


def decode(data: bytes, *, path: str, encoding: str | None = None) -> str:
    """Decode an article: *encoding* when named, else by byte-order mark, else UTF-16/32 told by its
    zero bytes, else UTF-8. Line endings become LF."""
    if encoding:
        text = _decode_as(data, encoding, path=path, hint=_("check the --encoding value"))
    elif (wide := wide_encoding(data)) is not None:
        text = _decode_as(data, wide, path=path, hint=_("re-save the file as UTF-8"))
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                _("not valid UTF-8 at byte offset {offset} (byte 0x{byte:02x})").format(
                    offset=exc.start, byte=data[exc.start]
                ),
                path=path,
                hint=_("re-save the file as UTF-8, or name its encoding with --encoding, e.g. --encoding cp1252"),
            ) from exc
        if text.count("\x00") > max(
            1, len(text) // 100
        ):  # a stray NUL is kept (and escaped on output); this many is not text
            raise InputError(
                _("the file holds zero bytes: it is not UTF-8 text (UTF-16 or a binary file?)"),
                path=path,
                hint=_("re-save the file as UTF-8, or name its encoding with --encoding, e.g. --encoding utf-16-le"),
            )
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_as(data: bytes, encoding: str, *, path: str, hint: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise InputError(
            _("unknown encoding {encoding!r}").format(encoding=encoding),
            path=path,
            hint=_("pass a Python codec name such as latin-1 or cp1256"),
        ) from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            _("not valid {encoding} at byte offset {offset}").format(encoding=encoding.upper(), offset=exc.start),
            path=path,
            hint=hint,
        ) from exc


def bom_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 told by its byte-order mark (UTF-32 LE's mark begins like UTF-16 LE's)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16/32 codec of *data*: by its byte-order mark, or without one by where its zero bytes
    fall (text with Latin letters, digits, spaces or line breaks has a zero byte in every code unit's
    high half); None for anything else (UTF-8, a single-byte encoding)."""
    if (bom := bom_encoding(data)) is not None:
        return bom
    sample = data[:_SAMPLE]
    if b"\x00" not in sample or len(sample) < 4:
        return None
    for width, codec in ((4, "utf-32-le"), (4, "utf-32-be"), (2, "utf-16-le"), (2, "utf-16-be")):
        usable = sample[: len(sample) // width * width]
        if len(data) % width or not _zero_pattern(usable, width, codec.endswith("be")):
            continue
        return codec if _reads_as_text(usable.decode(codec, errors="replace")) else None
    return None


def _reads_as_text(text: str) -> bool:
    """Whether decoded *text* reads as an English or Arabic article: Latin, Arabic, punctuation and white
    space, bar a few (a UTF-8 file with a stray NUL decoded as UTF-16 becomes CJK-like noise)."""
    usual = sum(1 for c in text if c in "\t\n\r" or " " <= c <= "\u024f" or "\u0600" <= c <= "\u06ff"
                or "\u2000" <= c <= "\u206f" or "\ufb50" <= c <= "\ufeff")  # fmt: skip
    return usual >= len(text) * 0.9


def _zero_pattern(sample: bytes, width: int, big_endian: bool) -> bool:
    """Whether the high bytes of *sample*'s code units are zero often enough to be text of that form.

    In UTF-16 LE ASCII text every odd byte is zero and almost no even byte is; Arabic text (U+06xx)
    still puts zero high bytes on its spaces, digits and punctuation. UTF-32's two top bytes are
    always zero."""
    units = [sample[i : i + width] for i in range(0, len(sample), width)]
    if width == 4:
        top = slice(0, 2) if big_endian else slice(2, 4)
        return all(u[top] == b"\x00\x00" for u in units) and any(u != b"\x00" * 4 for u in units)
    high, low = (0, 1) if big_endian else (1, 0)
    zero_high = sum(1 for u in units if u[high] == 0)
    zero_low = sum(1 for u in units if u[low] == 0)
    return zero_high >= len(units) * 0.05 and zero_low <= len(units) * 0.02


def decode_utf8(data: bytes, *, path: str, error: type[BilingualError], hint: str) -> str:
    """An editor's file as UTF-8 (a BOM allowed, CRLF made LF); anything else is one *error* naming the byte."""
    if wide_encoding(data) is not None:
        raise error(_("the file is UTF-16 or UTF-32, not UTF-8"), path=path, hint=hint)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            _("not valid UTF-8 at byte offset {offset}").format(offset=exc.start), path=path, hint=hint
        ) from exc
    return text.replace("\r\n", "\n")


class BadJson(ValueError):
    """Bytes that are no JSON the tool takes: not JSON (NaN and Infinity, which Python's reader allows,
    included), nested past any request's depth, or holding text no document can store (a lone
    surrogate, ``"\\ud800"``). A request body, or a state file beside a document."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def load_json(body: bytes) -> Any:
    """*body* parsed as JSON, or :class:`BadJson`: one client's bad text is refused here, before it
    reaches a shared engine batch or a document."""
    try:
        data = json.loads(body, parse_constant=_no_constant)
    except RecursionError:
        raise BadJson("nested too deep") from None
    except (UnicodeDecodeError, ValueError):
        raise BadJson("not JSON") from None
    stack = [data]
    while stack:  # every string, keys included, without recursion
        item = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                raise BadJson("a lone surrogate")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return data
