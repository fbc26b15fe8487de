"""Side-by-side HTML: one self-contained file, Arabic right-to-left, names marked.

Rendered from ``bilingual/templates/bilingual.html.j2`` with Jinja2 (autoescaping on, so no
source text or glossary entry can inject markup). The Amiri font comes from the installed
``fontpkg-amiri`` package and is embedded, so the file shows the same everywhere. Wide
screens get two columns, phones one; the print stylesheet sets A4 pages with a running title
and page numbers (used by the PDF exporter).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache

from bilingual.formats import ExportOptions, Format
from bilingual.publish import arabic_title_of, rows, title_of


@lru_cache(maxsize=1)
def font_css() -> str:
    """@font-face rules embedding Amiri Regular and Bold (from fontpkg-amiri), or '' if absent."""
    try:
        import fontpkg_amiri
    except ImportError:
        return ""
    rules = []
    for weight, name in ((400, "Amiri-Regular.ttf"), (700, "Amiri-Bold.ttf")):
        path = fontpkg_amiri.ROOT / "files" / name if hasattr(fontpkg_amiri, "ROOT") else None
        if path is None or not path.is_file():
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(f'@font-face {{ font-family: "Amiri"; font-weight: {weight}; font-style: normal; '
                     f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')
    return "\n".join(rules)


@lru_cache(maxsize=4)
def environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("bilingual", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True), keep_trailing_newline=True)


@dataclass(frozen=True)
class BlockRows:
    id: str
    rows: list


def render_html(doc, options: ExportOptions, *, embed_font: bool = True) -> str:
    laid = rows(doc, align=options.align, typography=options.typography, digits=options.digits)
    blocks: list[BlockRows] = []
    for row in laid:
        if not blocks or blocks[-1].id != row.block_id:
            blocks.append(BlockRows(row.block_id, []))
        blocks[-1].rows.append(row)
    template = environment().get_template("bilingual.html.j2")
    return template.render(
        title=title_of(doc, options.title), ar_title=arabic_title_of(doc), rows=laid, blocks=blocks,
        layout=options.layout, arabic_only=options.arabic_only, stamp=Format.stamp(doc),
        font_css=font_css() if embed_font else "")


class HtmlFormat(Format):
    name = "html"
    extensions = (".html", ".htm")
    media_type = "text/html"

    def render(self, doc, options: ExportOptions) -> bytes:
        return render_html(doc, options).encode("utf-8")
