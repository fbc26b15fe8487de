"""XML helpers shared by the XML formats: safe parsing and forbidden-character handling."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bilingual.errors import FormatError
from bilingual.i18n import _

# Characters XML 1.0 cannot carry, not even as character references.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def parse_xml(data: bytes, *, path: str) -> Any:
    """Parse XML without network access or entity expansion; a malformed file is one error."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise FormatError(_("not well-formed XML: {error}").format(error=exc.msg), path=path, line=line) from exc


def append_text(element: Any, text: str, cp: str | Callable[[Any, str], Any] | None) -> None:
    """Append *text* to *element*; each character XML 1.0 forbids becomes a child element.

    *cp* is a tag (written as ``<cp hex="000B"/>``, XLIFF 2's form), a callable
    ``(parent, char) -> element`` for formats with their own placeholder element, or None
    (the character becomes U+FFFD).
    """
    from lxml import etree

    if cp is None:
        text = FORBIDDEN.sub("\ufffd", text)
    pieces = FORBIDDEN.split(text)
    chars = FORBIDDEN.findall(text)
    last = element[-1] if len(element) else None
    for i, piece in enumerate(pieces):
        if piece:
            if last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
        if i < len(chars):
            last = cp(element, chars[i]) if callable(cp) else etree.SubElement(element, cp, hex=f"{ord(chars[i]):04X}")


def code_point(hex_value: str, *, path: str, line: int | None, unit: str = "") -> str:
    """The character a placeholder names by its hex code; a surrogate or an impossible value is an error."""
    try:
        value = int(hex_value.strip(), 16)
    except ValueError:
        value = -1
    if not 0 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        raise FormatError(
            _("unit {unit}: {value!r} is not a valid character code").format(unit=unit or "?", value=hex_value[:12]),
            path=path,
            line=line,
            hint=_("correct or remove that placeholder; nothing was imported"),
        )
    return chr(value)


def read_text(element: Any, cp_local_name: str = "cp", *, path: str = "", unit: str = "") -> str:
    """The text of *element*, with ``<cp hex=…/>`` children turned back into characters."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == cp_local_name:
            parts.append(code_point(child.get("hex", ""), path=path, line=child.sourceline, unit=unit))
        elif isinstance(child.tag, str):
            parts.append(read_text(child, cp_local_name, path=path, unit=unit))
        parts.append(child.tail or "")
    return "".join(parts)


def strip_forbidden(text: str) -> str:
    """Replace characters XML 1.0 forbids with U+FFFD (for attribute values)."""
    return FORBIDDEN.sub("\ufffd", text)
