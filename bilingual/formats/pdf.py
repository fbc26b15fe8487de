"""PDF, rendered by WeasyPrint from the same HTML, with its print stylesheet.

Arabic is shaped and joined by Pango/HarfBuzz with the Amiri font embedded in the HTML; A4
pages carry the title as a running header and page numbers ("3 / 7") at the foot.
"""

from __future__ import annotations

import logging
import re
import zlib
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError
from bilingual.formats.base import ExportOptions, Format, Role

if TYPE_CHECKING:
    from bilingual.document import Document


_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm[^>]*>>\s*stream\r?\n")


class PdfFormat(Format):
    name = "pdf"
    extensions = (".pdf",)
    media_type = "application/pdf"
    roles = frozenset({Role.EXPORT})

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """A PDF whose Creator is bilingual (WeasyPrint takes it from the page's generator meta).

        The document information sits in a compressed object stream, so those streams are inflated
        (bounded) to find it.
        """
        if not data.startswith(b"%PDF"):
            return False
        budget = 16 << 20
        for found in _OBJECT_STREAM.finditer(data):
            end = data.find(b"endstream", found.end())
            inflate = zlib.decompressobj()
            try:
                text = inflate.decompress(data[found.end() : end if end > 0 else None], budget)
            except zlib.error:
                continue
            if b"/Creator (bilingual " in text:
                return True
            budget -= len(text)
            if budget <= 0:
                break
        return b"/Creator (bilingual " in data

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        from bilingual.formats.html import render_html

        try:
            import weasyprint
        except (ImportError, OSError) as exc:  # OSError: Pango missing from the system
            raise BilingualError(
                f"PDF export needs WeasyPrint and Pango: {exc}",
                hint="pip install 'bilingual[publish]' and the system's Pango library",
            ) from exc
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        html = render_html(doc, options)
        return weasyprint.HTML(string=html, base_url=".").write_pdf()
