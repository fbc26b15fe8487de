"""HTML, both ways: articles read from web pages, and the side-by-side page we publish.

Reading: the article body's headings, paragraphs and list items; chrome is dropped. Scripts,
styles, navigation, headers, footers, asides and forms are removed. When the page has an
``<article>`` (or ``<main>``) only that is read. Whitespace collapses as browsers do.

Publishing: one self-contained file, Arabic right-to-left, names marked, rendered from
``bilingual/templates/bilingual.html.j2`` with Jinja2 (autoescaping on, so no source text or
glossary entry can inject markup). The Amiri font comes from the installed ``fontpkg-amiri``
package and is embedded, so the file shows the same everywhere. Wide screens get two columns,
phones one; the print stylesheet sets A4 pages with a running title and page numbers (used
by the PDF exporter).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bilingual.document import Mark, RawBlock
from bilingual.errors import InputError
from bilingual.formats.base import ExportOptions, Format, Role, xml_root_head
from bilingual.formats.layout import HEADINGS, arabic_title_of, is_arabic, rows, title_of
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document

_DROP = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
    "figure",
)
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "dd", "dt"}
_INLINE_MARKS = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "a": "link", "code": "code", "s": "strike"}
_SPACE = re.compile(r"\s+")


def _collect(element: Any, parts: list[str], marks: list[Mark], length: list[int]) -> None:
    """Append the element's text (collapsed later) and record inline marks.

    Iterative, not recursive: inline elements nested thousands deep must not exhaust the stack.
    """
    if element.text:
        parts.append(element.text)
        length[0] += len(element.text)
    # Each frame: an element's remaining children; on leaving a child, close its mark and add its tail.
    stack: list[tuple[object, int, object]] = [(iter(element), 0, None)]
    while stack:
        children, start, opened = stack[-1]
        child = next(children, None)  # type: ignore[call-overload]
        if child is None:
            stack.pop()
            if opened is not None:
                kind = _INLINE_MARKS.get(opened.tag)  # type: ignore[attr-defined]
                if kind and length[0] > start:
                    href = opened.get("href", "") if kind == "link" else ""  # type: ignore[attr-defined]
                    marks.append(Mark(start, length[0], kind, href))
                if opened.tail:  # type: ignore[attr-defined]
                    parts.append(opened.tail)  # type: ignore[attr-defined]
                    length[0] += len(opened.tail)  # type: ignore[attr-defined]
            continue
        if not isinstance(child.tag, str) or child.tag in _BLOCKS:
            # a comment, or a nested block (a <p> inside <li>) read on its own: keep only its tail
            if child.tail:
                parts.append(child.tail)
                length[0] += len(child.tail)
            continue
        child_start = length[0]
        if child.tag == "br":
            parts.append(" ")
            length[0] += 1
        if child.text:
            parts.append(child.text)
            length[0] += len(child.text)
        stack.append((iter(child), child_start, child))


def _collapse(raw: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Collapse whitespace runs to one space and strip, moving mark offsets along."""
    mapping = [0] * (len(raw) + 1)
    out: list[str] = []
    prev_space = True
    for i, ch in enumerate(raw):
        mapping[i] = len(out)
        if ch.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    mapping[len(raw)] = len(out)
    text = "".join(out)
    stripped = text.rstrip()
    moved = [Mark(mapping[m.start], min(mapping[m.end], len(stripped)), m.kind, m.href) for m in marks]
    return stripped, [m for m in moved if m.end > m.start]


MAX_ATTRIBUTES = 1_000  # per element: real pages stay far below; libxml2 checks them pairwise


# A start tag as libxml2 reads one (quoted values may hold ">"), and the attribute names in it. Possessive
# quantifiers never backtrack and every search resumes after the last tag, so each character is read a
# bounded number of times whatever the page holds (html.parser is quadratic on "<a<a<a…" and "<!--…").
_START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*+(?:"[^"]*+"|'[^']*+'|[^"'>])*+""")
_ATTRIBUTE_OR_VALUE = re.compile(r"""(?:"[^"]*+"|'[^']*+')|(\s[^\s"'>/=]++)""")


def _most_attributes(text: str) -> tuple[str, int]:
    """The start tag with the most attributes in *text* (its name and count), in linear time."""
    most = ("", 0)
    for tag in _START_TAG.finditer(text):
        if tag.end() - tag.start() <= 2 * MAX_ATTRIBUTES:  # too short to hold that many
            continue
        n = sum(1 for m in _ATTRIBUTE_OR_VALUE.finditer(tag.group()) if m.group(1))
        if n > most[1]:
            most = (re.match(r"<([^\s/>]*)", tag.group()).group(1).lower(), n)  # type: ignore[union-attr]
    return most


def parse_page(text: str, path: str | None = None) -> Any:
    """An HTML page parsed by lxml, or one line saying why it cannot be read whole and in time.

    A page with an element of more than :data:`MAX_ATTRIBUTES` attributes is refused before lxml
    sees it (160,000 took 39 s); one nested more than 2,048 deep is refused after (libxml2 would drop
    the rest without a word)."""
    import lxml.html
    from lxml import etree

    if len(text) > 2 * MAX_ATTRIBUTES:  # shorter text cannot hold that many
        tag, n = _most_attributes(text)
        if n > MAX_ATTRIBUTES:
            raise InputError(
                _("a <{tag}> element holds {n:,} attributes, over the {limit:,} a page may have").format(
                    tag=tag, n=n, limit=MAX_ATTRIBUTES
                ),
                path=path,
                hint=_("save the article as plain text or Markdown, or pass --from txt"),
            )
    # huge_tree lifts libxml2's nesting limit from 256 to 2048 levels; deeper than that it drops
    # the rest of the page without a word, so that is refused, never read half.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(_("cannot parse as HTML: {error}").format(error=exc), path=path,
                         hint=_("check the file is an HTML page")) from exc  # fmt: skip
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise InputError(
            _("the page nests elements more than 2,048 deep; the rest of it would be lost"),
            path=path,
            hint=_("save the article as plain text or Markdown, or pass --from txt"),
        )
    return root


def parse_html_article(text: str) -> tuple[str, list[RawBlock]]:
    root = parse_page(text)
    for bad in root.iter(*_DROP):
        bad.drop_tree()
    scope = next(iter(root.iter("article")), None)
    if scope is None:
        scope = next(iter(root.iter("main")), None)
    if scope is None:
        scope = root
    pieces: list[str] = []
    blocks: list[RawBlock] = []
    pos = 0
    for element in scope.iter(*_BLOCKS):
        if element.tag == "li" and any(el.tag in ("p",) for el in element.iter()):
            continue  # the <p>s inside are read as blocks
        if element.tag == "blockquote" and any(el.tag in _BLOCKS for el in element.iterdescendants()):
            continue
        parts: list[str] = []
        marks: list[Mark] = []
        _collect(element, parts, marks, [0])
        plain, marks = _collapse("".join(parts), marks)
        if not plain:
            continue
        kind = {"blockquote": "quote", "figcaption": "p", "dd": "p", "dt": "p"}.get(element.tag, element.tag)
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(plain)
        blocks.append(
            RawBlock(
                kind, pos, pos + len(plain), tuple(Mark(m.start + pos, m.end + pos, m.kind, m.href) for m in marks)
            )
        )
        pos += len(plain)
    return "".join(pieces), blocks


class HtmlArticle(Format):
    name = "html"
    roles = frozenset({Role.ARTICLE})
    extensions = (".html", ".htm", ".xhtml")
    media_type = "text/html"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        text = xml_root_head(head)[:1024].lower()
        return text.startswith(("<!doctype html", "<html")) or "<html" in text[:512]

    def read_article(self, text: str) -> tuple[str, list[RawBlock]]:
        return parse_html_article(text)


# What the Arabic side is set in: ASCII (digits, isolated Latin names), Latin-1, the Arabic block,
# joiners and direction marks, typographic quotes and dashes. Amiri's other scripts and Quranic
# marks are left out of the embedded subset.
FONT_UNICODES = (*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x600, 0x700), 0x200C, 0x200D, 0x200E, 0x200F,
                 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2066, 0x2067, 0x2068, 0x2069,
                 0xFD3E, 0xFD3F)  # fmt: skip
FONT_FILES = {400: "Amiri-Regular.ttf", 700: "Amiri-Bold.ttf"}


def _subset_fonts(flavor: str | None = "woff") -> dict[int, bytes]:
    """Amiri Regular and Bold cut to :data:`FONT_UNICODES`, as WOFF (or TrueType, *flavor* None), with
    every shaping feature kept (built once per fontpkg-amiri and fontTools version, kept in the
    signed cache)."""
    import io

    import fontpkg_amiri
    from fontTools import subset
    from fontTools.ttLib import TTFont

    out = {}
    for weight, name in FONT_FILES.items():
        path = fontpkg_amiri.ROOT / "files" / name
        options = subset.Options()
        options.layout_features = ["*"]  # init, medi, fina, liga, mark …: Arabic joins need them all
        options.flavor = flavor
        options.name_IDs = ["*"]
        font = TTFont(str(path))
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=FONT_UNICODES)
        subsetter.subset(font)
        data = io.BytesIO()
        font.save(data)
        out[weight] = data.getvalue()
    return out


def font_files() -> dict[int, tuple[bytes, str]]:
    """Amiri by weight, as the subset WOFF (or the whole TTF without fontTools), with its media
    type; empty when fontpkg-amiri is absent. The desk serves these."""
    try:
        import fontpkg_amiri
    except ImportError:
        return {}
    if not hasattr(fontpkg_amiri, "ROOT"):
        return {}
    try:
        from bilingual.names import cache

        fonts = cache.lexicon("amiri-subset", "1", ("fontpkg-amiri", "fonttools"), _subset_fonts)
        return {w: (data, "font/woff") for w, data in fonts.items()}
    except ImportError:  # no fontTools: the whole files
        return {w: ((fontpkg_amiri.ROOT / "files" / n).read_bytes(), "font/ttf") for w, n in FONT_FILES.items()}


def truetype_fonts() -> dict[int, bytes]:
    """Amiri by weight as TrueType cut to what Arabic text uses (a DOCX embeds these); empty when
    fontpkg-amiri or fontTools is absent."""
    try:
        import fontpkg_amiri  # noqa: F401
        import fontTools  # noqa: F401

        from bilingual.names import cache
    except ImportError:
        return {}
    return dict(cache.lexicon("amiri-subset-ttf", "1", ("fontpkg-amiri", "fonttools"), lambda: _subset_fonts(None)))


@lru_cache(maxsize=4)
def font_css(bold: bool = True) -> str:
    """@font-face rules embedding Amiri (Regular, and Bold when the page sets Arabic in bold), cut to
    the characters Arabic text uses, or '' when fontpkg-amiri is absent.

    Returned as markup: the template must not HTML-escape it (escaped quotes made the rules
    invalid, so no export ever used the font it carried; a system Amiri hid it).
    """
    from markupsafe import Markup

    rules = []
    for weight, (data, kind) in sorted(font_files().items()):
        fmt = "woff" if kind == "font/woff" else "truetype"
        if weight == 700 and not bold:
            continue
        encoded = base64.b64encode(data).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "Amiri"; font-weight: {weight}; font-style: normal; '
            f'src: url(data:{kind};base64,{encoded}) format("{fmt}"); }}'
        )
    return Markup("\n".join(rules))  # noqa: S704 (our own constant CSS and base64 data)


@lru_cache(maxsize=4)
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("bilingual", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class BlockRows:
    id: str
    rows: list


def render_html(doc: Document, options: ExportOptions, *, embed_font: bool = True) -> str:
    # The Arabic-only page reads as an article: its paragraphs rebuilt from their sentences.
    align = "paragraph" if options.arabic_only else options.align
    laid = rows(doc, align=align, typography=options.typography, digits=options.digits)
    blocks: list[BlockRows] = []
    for row in laid:
        if not blocks or blocks[-1].id != row.block_id:
            blocks.append(BlockRows(row.block_id, []))
        blocks[-1].rows.append(row)
    template = environment().get_template("bilingual.html.j2")
    return template.render(
        title=title_of(doc, options.title),
        title_is_arabic=is_arabic(title_of(doc, options.title)),
        ar_title=arabic_title_of(doc, options.title),
        colophon=options.colophon,
        mark_names=options.mark_names,
        rows=laid,
        blocks=blocks,
        layout=options.layout,
        arabic_only=options.arabic_only,
        stamp=Format.stamp(doc),
        font_css=font_css(_sets_arabic_bold(doc, options)) if embed_font else "",
    )


def _sets_arabic_bold(doc: Document, options: ExportOptions) -> bool:
    """Whether the page sets Arabic in bold (a heading, the Arabic title, names marked bold): only then
    is the bold weight embedded."""
    headings = any(block.kind in HEADINGS for block in doc.blocks)
    return headings or options.mark_names == "bold" or options.arabic_only or is_arabic(options.title)


class HtmlExport(Format):
    name = "html"
    roles = frozenset({Role.EXPORT})
    extensions = (".html", ".htm")
    media_type = "text/html"

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """Our pages say so: ``<meta name="generator" content="bilingual …">`` (an article in HTML does not)."""
        head = data[:8192]
        return HtmlArticle.sniff(head) and b'<meta name="generator" content="bilingual ' in head

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        return render_html(doc, options).encode("utf-8")
