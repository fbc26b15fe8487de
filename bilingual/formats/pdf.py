"""PDF, rendered by WeasyPrint from the same HTML, with its print stylesheet.

Arabic is shaped and joined by Pango/HarfBuzz with the Amiri font embedded in the HTML; A4
pages carry the title as a running header and page numbers ("3 / 7") at the foot.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError
from bilingual.formats.base import ExportOptions, Format, Role

if TYPE_CHECKING:
    from bilingual.document import Document


class PdfFormat(Format):
    name = "pdf"
    extensions = (".pdf",)
    media_type = "application/pdf"
    roles = frozenset({Role.EXPORT})

    @classmethod
    def is_own_output(cls, data: bytes) -> bool:
        """A PDF whose Creator is bilingual (WeasyPrint takes it from the page's generator meta)."""
        return data.startswith(b"%PDF") and b"bilingual" in data

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
