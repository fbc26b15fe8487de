"""What a DOCX says about itself beyond its text: who made it and when, and the Arabic font it carries.

python-docx starts every document from its own template, which says it was written by "python-docx"
in 2013 with "Microsoft Macintosh Word". Here the core properties (title, creator, dates of now,
language) and the application named in ``docProps/app.xml`` become ours, and Amiri is embedded as
Word embeds fonts (ECMA-376 Part 1, 17.8.1: an obfuscated TrueType part of the font table,
``w:embedTrueTypeFonts`` in the settings), so a machine without an Arabic font shows the Arabic as
it was set — Amiri allows it (its OS/2 ``fsType`` is 0, installable embedding).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from bilingual import __version__

APPLICATION = f"bilingual {__version__}"
_FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
_OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{app}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def stamp(document: Any, *, title: str | None = None, new: bool = True) -> None:
    """Say who made *document*: ours as its application and last author; for a *new* document also
    its creator, title and creation date (a document an editor sent keeps its own)."""
    from docx.opc.packuri import PackURI

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = document.core_properties
    if new:
        props.author = "bilingual"
        props.created = now
        props.revision = 1
        if title is not None:
            props.title = title
    props.last_modified_by = "bilingual"
    props.modified = now
    props.language = "ar"
    package = document.part.package
    app = next((p for p in package.iter_parts() if p.partname == "/docProps/app.xml"), None)
    blob = _APP_XML.format(app=APPLICATION).encode("utf-8")
    if app is not None:
        app._blob = blob
    else:
        from docx.opc.part import Part

        part = Part(PackURI("/docProps/app.xml"),
                    "application/vnd.openxmlformats-officedocument.extended-properties+xml", blob, package)  # fmt: skip
        package.relate_to(
            part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        )


def obfuscate(font: bytes, key: str) -> bytes:
    """*font* as Word stores an embedded font: its first 32 bytes XORed with the GUID *key*'s bytes,
    read from the GUID's end (ECMA-376 Part 1, 17.8.1; the same operation undoes it)."""
    digits = key.strip("{}").replace("-", "")
    secret = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ secret[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def embed_font(document: Any, family: str, fonts: dict[int, bytes]) -> bool:
    """Embed *fonts* (by weight: 400 regular, 700 bold; TrueType) as *family* in the font table; False
    when there is nothing to embed or the template has no font table."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn

    table = next((p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if not fonts or table is None:
        return False
    root = parse_xml(table.blob)
    entry = next((f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) == family), None)
    if entry is None:
        entry = OxmlElement("w:font")
        entry.set(qn("w:name"), family)
        root.append(entry)
    for n, (weight, data) in enumerate(sorted(fonts.items()), start=1):
        key = "{" + str(uuid.uuid4()).upper() + "}"
        part = Part(PackURI(f"/word/fonts/font{n}.odttf"), _OBFUSCATED, obfuscate(data, key), document.part.package)
        rid = table.relate_to(part, _FONT_REL)
        embedded = OxmlElement("w:embedBold" if weight >= 700 else "w:embedRegular")
        embedded.set(qn("r:id"), rid)
        embedded.set(qn("w:fontKey"), key)
        entry.append(embedded)
    from lxml import etree

    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        # In the schema's order: after the settings that precede it, before all others (Word is strict).
        before = [qn(f"w:{n}") for n in _BEFORE_EMBED]
        at = max((i + 1 for i, child in enumerate(settings) if child.tag in before), default=0)
        settings.insert(at, OxmlElement("w:embedTrueTypeFonts"))
    return True


# CT_Settings' elements that come before w:embedTrueTypeFonts (ECMA-376 Part 1, 17.15.1.78).
_BEFORE_EMBED = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                 "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                 "printFractionalCharacterWidth", "printFormsData")  # fmt: skip
