"""DOCX with python-docx: a two-column table, Arabic paragraphs right-to-left.

Arabic paragraphs carry ``w:bidi`` (paragraph direction) and their runs ``w:rtl`` with the
Amiri font set for complex scripts (``w:rFonts w:cs``) and Arabic as the bidi language, so
Word and LibreOffice lay them out and shape them right. Layouts: ``columns`` (a table row per
sentence or paragraph), ``rows`` and ``interleaved`` (English paragraph, then Arabic).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from bilingual.document import RawBlock
from bilingual.errors import InputError, install_hint
from bilingual.formats import docxpackage
from bilingual.formats.base import ExportOptions, Format, Role
from bilingual.formats.html import truetype_fonts
from bilingual.formats.layout import Piece, arabic_title_of, is_arabic, rows, title_of
from bilingual.i18n import _
from bilingual.unzip import ZipBounds, check_zip, read_member

if TYPE_CHECKING:
    from bilingual.document import Document

ARABIC_FONT = "Amiri"


# What ECMA-376 puts after a paragraph's w:bidi (CT_PPr) and after a run's w:lang (CT_RPr): the
# element goes before the first of these, so a property added to a file's own run stays in order.
_AFTER_BIDI = ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
               "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
               "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")


def _insert_in_order(parent: Any, element: Any, successors: tuple[str, ...]) -> None:
    from docx.oxml.ns import qn

    tags = {qn(f"w:{name}") for name in successors}
    for index, child in enumerate(parent):
        if child.tag in tags:
            parent.insert(index, element)
            return
    parent.append(element)


def rtl_paragraph_xml(p: Any) -> None:
    """Mark a ``w:p`` right-to-left. No ``w:jc``: in a bidi paragraph Word and LibreOffice read
    left/right relative to the direction, and the default (start) is the right edge."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is not None:
        return
    bidi = OxmlElement("w:bidi")
    bidi.set(qn("w:val"), "1")
    _insert_in_order(ppr, bidi, _AFTER_BIDI)


def rtl_run_xml(r: Any) -> None:
    """Mark a ``w:r`` right-to-left Arabic, in Amiri for complex scripts (its other properties kept,
    every property in the schema's order)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = r.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), ARABIC_FONT)
    rpr.get_or_add_rtl().set(qn("w:val"), "1")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _insert_in_order(rpr, lang, _AFTER_LANG)
    lang.set(qn("w:bidi"), "ar-EG")


# A Word document's bounds: what a long article with pictures stays far below, and zip bombs do not.
DOCX_BOUNDS = ZipBounds(members=2_000, total=64 << 20, ratio=100)
MAX_PARAGRAPHS = 100_000
_PARAGRAPH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")
_NOT_OOXML = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def open_docx(data: bytes, path: str) -> Any:
    """A python-docx Document of *data*; what is not a readable Word document is one line.

    The zip is checked first, as model packages are (members, unpacked size, ratio); then its XML:
    Word never writes a document type declaration (entity expansion is how "billion laughs" files
    grow), and a document of more paragraphs than any article is refused before it is parsed."""
    import zipfile

    try:
        import docx
    except ImportError as exc:
        raise InputError(_("reading DOCX needs python-docx: {error}").format(error=exc),
                         hint=install_hint("publish")) from exc  # fmt: skip
    again = _("open it in Word or LibreOffice and save it again as DOCX")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive.infolist(), DOCX_BOUNDS, path=path, error=InputError, hint=again)
            body = read_member(archive, "word/document.xml", DOCX_BOUNDS.total)
            if body is None:
                raise InputError(_("not a Word document: it has no word/document.xml"), path=path, hint=again)
            for info in archive.infolist():
                part = body if info.filename == "word/document.xml" else None
                if part is None and info.filename.endswith((".xml", ".rels")):
                    part = read_member(archive, info.filename, DOCX_BOUNDS.total)
                if part is not None and _NOT_OOXML.search(part):
                    raise InputError(_("{part} declares a document type, which Word never writes").format(
                        part=info.filename), path=path, hint=again)  # fmt: skip
    except zipfile.BadZipFile as exc:
        raise InputError(_("not a readable Word document: {error}").format(error=exc), path=path, hint=again) from exc
    paragraphs = len(_PARAGRAPH.findall(body))
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(_("the document holds {n:,} paragraphs, over the {limit:,} limit").format(
            n=paragraphs, limit=MAX_PARAGRAPHS), path=path, hint=_("split the document"))  # fmt: skip
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml say what is broken in many ways; all mean the same here
        raise InputError(_("not a readable Word document: {error}").format(error=exc), path=path,
                         hint=again) from exc  # fmt: skip


def text_runs(p: Any) -> list[Any]:
    """The runs of a ``w:p`` that hold text, in order (in its links too; not those of a paragraph
    nested in it, such as a text box's)."""
    from docx.oxml.ns import qn

    tag_p, tag_t = qn("w:p"), qn("w:t")
    found = []
    for r in p.iter(qn("w:r")):
        owner = r.getparent()
        while owner is not None and owner.tag != tag_p:
            owner = owner.getparent()
        if owner is p and any((t.text or "") for t in r.iter(tag_t)):
            found.append(r)
    return found


def _run(text: str, *, bold: bool, italic: bool, underline: bool, arabic: bool, size: float) -> str:
    """One ``w:r`` as WordprocessingML text: properties in the schema's order (CT_RPr), tabs and
    line breaks as Word writes them, Arabic right-to-left in Amiri with its size for both scripts."""
    props = []
    if arabic:
        props.append(f'<w:rFonts w:ascii="{ARABIC_FONT}" w:hAnsi="{ARABIC_FONT}" w:cs="{ARABIC_FONT}"/>')
    if bold:
        props.append("<w:b/>")
    if italic:
        props.append("<w:i/>")
    if arabic:
        half_points = int(size * 2)
        props.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    if arabic:
        props.append('<w:rtl w:val="1"/><w:lang w:bidi="ar-EG"/>')
    content = []
    for part in _BREAKS.split(text):
        if part == "\t":
            content.append("<w:tab/>")
        elif part in ("\n", "\r"):
            content.append("<w:br/>")
        elif part:
            space = ' xml:space="preserve"' if part[0].isspace() or part[-1].isspace() else ""
            content.append(f"<w:t{space}>{escape(part)}</w:t>")
    return f"<w:r><w:rPr>{''.join(props)}</w:rPr>{''.join(content)}</w:r>"


_BREAKS = re.compile(r"(\t|\n|\r)")


def _paragraph(pieces: Sequence[Piece], *, arabic: bool, size: float, bold: bool = False, mark: str = "underline",
               keep_with_next: bool = False) -> str:  # fmt: skip
    """One ``w:p`` of *pieces*: kept on one page (and with the next, for a pair), right-to-left for
    Arabic, and one line height for both scripts: Amiri's tall ascenders otherwise set Arabic lines
    about twice as far apart as the English beside them."""
    from docx.shared import Pt

    from bilingual.formats.xmltext import strip_forbidden

    runs = "".join(
        _run(strip_forbidden(piece.text),  # WordprocessingML is XML 1.0 too
             bold=bold or "strong" in piece.marks or bool(piece.term and mark == "bold"), italic="em" in piece.marks,
             underline=bool(piece.href or (piece.term and mark == "underline")), arabic=arabic, size=size)
        for piece in pieces
    )  # fmt: skip
    line = Pt(round(size * 1.45, 1)).twips
    props = ("<w:keepNext/>" if keep_with_next else "") + "<w:keepLines/>" + ('<w:bidi w:val="1"/>' if arabic else "")
    return f'<w:p><w:pPr>{props}<w:spacing w:line="{line}" w:lineRule="exact"/></w:pPr>{runs}</w:p>'


def _elements(xml: str) -> list[Any]:
    """WordprocessingML fragments parsed at once (one parse for the whole body, not one per element)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return list(parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>"))


def _cell(paragraph: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{paragraph}</w:tc>'


class DocxFormat(Format):
    name = "docx"
    extensions = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    roles = frozenset({Role.EXPORT})

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """A DOCX whose core properties say bilingual made it."""
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                core = read_member(archive, "docProps/core.xml", 1 << 20)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            return False
        return core is not None and b">bilingual " in core

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        import docx
        from docx.shared import Mm, Pt

        document = docx.Document()
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(18))
        normal = document.styles["Normal"]
        normal.font.name = "Georgia"
        normal.font.size = Pt(10.5)
        stamp = self.stamp(doc)
        document.core_properties.title = title_of(doc, options.title)
        document.core_properties.comments = (
            f"bilingual {stamp['tool_version']}; model {stamp['model']} "
            f"{stamp['model_checksum']}; glossary {stamp['glossary']}"
        )
        title = title_of(doc, options.title)
        if not options.arabic_only and not is_arabic(title):
            document.add_heading(title, level=1)
        ar_title = arabic_title_of(doc, options.title)
        parts = [_paragraph([Piece(ar_title)], arabic=True, size=16, bold=True)] if ar_title else []
        align = "paragraph" if options.arabic_only else options.align
        laid = rows(doc, align=align, typography=options.typography, digits=options.digits)
        mark = options.mark_names
        body = document.element.body
        if options.arabic_only or options.layout != "columns":
            for row in laid:
                if not options.arabic_only:  # a pair is never split by a page break
                    parts.append(_paragraph(row.en, arabic=False, size=10.5, bold=row.heading, mark=mark,
                                            keep_with_next=True))  # fmt: skip
                parts.append(_paragraph(row.ar, arabic=True, size=13, bold=row.heading, mark=mark))
            for element in _elements("".join(parts)):
                body._insert_p(element)
        else:
            for element in _elements("".join(parts)):
                body._insert_p(element)
            table = document.add_table(rows=0, cols=2)
            table.autofit = True
            widths = [col.w.twips for col in table._tbl.tblGrid.gridCol_lst]
            # w:cantSplit: Word and LibreOffice move a whole row to the next page instead of splitting it.
            xml = "".join(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + _cell(_paragraph(row.en, arabic=False, size=10.5, bold=row.heading, mark=mark), widths[0])
                + _cell(_paragraph(row.ar, arabic=True, size=13, bold=row.heading, mark=mark), widths[1])
                + "</w:tr>"
                for row in laid
            )
            table._tbl.extend(_elements(xml))
        docxpackage.stamp(document, title=title_of(doc, options.title))
        docxpackage.embed_font(document, ARABIC_FONT, truetype_fonts())
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


class DocxArticle(Format):
    """A Word article (python-docx, the publish extra): headings, paragraphs and list items, in order.

    Headings are told by their style (Title, Heading 1–6), list items by their style (List …) or
    numbering; tables and text boxes are not read (an article's body is its paragraphs).
    """

    name = "docx"
    roles = frozenset({Role.ARTICLE})
    extensions = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    binary = True

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)

    def read_article_bytes(self, data: bytes, *, path: str) -> tuple[str, list[RawBlock]]:
        document = open_docx(data, path)
        parts: list[str] = []
        blocks: list[RawBlock] = []
        at = 0
        for paragraph in document.paragraphs:
            text = " ".join(paragraph.text.split())
            if not text:
                continue
            kind = _kind_of(paragraph)
            blocks.append(RawBlock(kind, at, at + len(text)))
            parts.append(text)
            at += len(text) + 2
        return "\n\n".join(parts), blocks


def _kind_of(paragraph: Any) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return "h1"
    if style.startswith("Heading "):
        level = style.removeprefix("Heading ").strip()
        return f"h{min(6, int(level) + 1)}" if level.isdigit() else "h2"  # Title is the h1
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return "li" if style.startswith("List") or numbered else "p"
