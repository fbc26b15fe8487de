"""PDF, rendered by WeasyPrint from the same HTML, with its print stylesheet.

Arabic is shaped and joined by Pango/HarfBuzz with the Amiri font embedded in the HTML; A4
pages carry the title as a running header and page numbers ("3 / 7") at the foot.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError, install_hint
from bilingual.formats.base import ExportOptions, Format, Role
from bilingual.i18n import _

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

    def advice(self, doc: Document) -> str | None:
        """A long document printed by WeasyPrint (no Chromium here) takes minutes and much memory:
        measured about 30 ms and 0.3 MB a segment (2,700 segments: 80 s and 870 MB, Chromium 11 s)."""
        count = len(doc.segments())
        if count < WEASYPRINT_ADVICE or os.environ.get("BILINGUAL_PDF_ENGINE") == "chromium":
            return None
        if os.environ.get("BILINGUAL_PDF_ENGINE") != "weasyprint" and chromium() is not None:
            return None
        return _(
            "printing {n} segments with WeasyPrint, as no Chromium is installed, takes about {seconds} s and {mb} MB; "
            "Chromium prints it several times faster in less than half the memory (install chromium)"
        ).format(n=count, seconds=round(count * 0.03), mb=round(80 + count * 0.3))

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        """Printed by Chromium when it is installed (several times faster than WeasyPrint on long
        documents, and shaping Arabic the same way), else by WeasyPrint. ``BILINGUAL_PDF_ENGINE``
        (``chromium`` or ``weasyprint``) chooses."""
        from bilingual.formats.html import render_html
        from bilingual.formats.layout import title_of

        html = render_html(doc, options)
        choice = os.environ.get("BILINGUAL_PDF_ENGINE", "")
        browser = chromium() if choice != "weasyprint" else None
        if browser is not None:
            title = title_of(doc, options.title)
            return stamp_pdf(print_with_chromium(html, browser), self.stamp(doc)["tool_version"], title)
        if choice == "chromium":
            raise BilingualError(_("BILINGUAL_PDF_ENGINE=chromium but no Chromium is installed"),
                                 hint=_("install chromium, or unset BILINGUAL_PDF_ENGINE"))  # fmt: skip
        return _weasyprint(html)


def _weasyprint(html: str) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing from the system
        raise BilingualError(
            _("PDF export needs WeasyPrint and the system's Pango library: {error}").format(error=exc),
            hint=install_hint("publish"),
        ) from exc
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, base_url=".").write_pdf()


def chromium() -> str | None:
    """The Chromium (or Chrome) on this machine, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


WEASYPRINT_ADVICE = 300  # segments from which a WeasyPrint print is said to be slow before it starts
CHROMIUM_TIMEOUT = 600  # seconds; a 2,700-segment document prints in about ten


def print_with_chromium(html: str, browser: str) -> bytes:
    """Print *html* to PDF with headless Chromium: a private profile, no network, no sandbox needed
    for a local file, and no header or footer of its own (the page's @page rules set those)."""
    with tempfile.TemporaryDirectory(prefix="bilingual-pdf-") as work:
        page, out = Path(work) / "page.html", Path(work) / "page.pdf"
        page.write_text(html, encoding="utf-8")
        args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", f"--user-data-dir={Path(work) / 'profile'}", "--no-pdf-header-footer",
                "--run-all-compositor-stages-before-draw", f"--print-to-pdf={out}", page.as_uri()]  # fmt: skip
        try:
            done = subprocess.run(args, capture_output=True, timeout=CHROMIUM_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BilingualError(_("Chromium did not print the PDF within {seconds} s").format(seconds=CHROMIUM_TIMEOUT),
                                 hint="set BILINGUAL_PDF_ENGINE=weasyprint to print with WeasyPrint") from exc  # fmt: skip
        if not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
            last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise BilingualError(_("Chromium could not print the PDF: {error}").format(error=last[0][:200]),
                                 hint="set BILINGUAL_PDF_ENGINE=weasyprint to print with WeasyPrint")  # fmt: skip
        return out.read_bytes()


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


def _text(value: str) -> str:
    """A PDF text string in UTF-16BE with its byte-order mark, as hex (any script, nothing to escape)."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


def stamp_pdf(data: bytes, version: str, title: str = "") -> bytes:
    """*data* with an incremental update whose document information gives its title, bilingual as
    author and creator (the write policy tells our PDFs by it) and the dates; a PDF whose trailer
    cannot be read is returned as is."""
    end = _STARTXREF.search(data[-64:])
    trailers = _TRAILER.findall(data[-4096:])
    if end is None or not trailers:
        return data
    trailer = trailers[-1]
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if size is None or root is None:
        return data
    number = int(size.group(1))
    import datetime as dt

    now = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")
    fields = f"/Creator (bilingual {version}) /Producer (Chromium) /Author (bilingual) /CreationDate ({now}) /ModDate ({now})"
    if title:
        fields += f" /Title {_text(title)}"
    info = f"{number} 0 obj\n<< {fields} >>\nendobj\n".encode()
    body = data if data.endswith(b"\n") else data + b"\n"
    xref_at = len(body) + len(info)
    update = (info + f"xref\n{number} 1\n{len(body):010d} 00000 n \n".encode()
              + b"trailer\n<< /Size " + str(number + 1).encode() + b" /Root " + root.group(1)
              + b" /Info " + f"{number} 0 R".encode() + b" /Prev " + end.group(1)
              + b" >>\nstartxref\n" + str(xref_at).encode() + b"\n%%EOF\n")  # fmt: skip
    return body + update
