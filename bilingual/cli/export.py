"""``bilingual export``: an aligned document to TMX, XLIFF, PO, HTML, PDF, DOCX or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual.cli.common import say, write_output
from bilingual.i18n import _

EXTENSIONS = {"tmx": ".tmx", "xliff": ".xlf", "xliff2": ".xliff2.xlf", "po": ".po", "html": ".html",
              "pdf": ".pdf", "docx": ".docx", "md": ".md", "report": ".report.html"}


def default_output(doc_path: str, fmt: str, *, arabic_only: bool = False) -> str:
    """ARTICLE.en-ar.xml → ARTICLE.en-ar.EXT beside it, or ARTICLE.ar.EXT for the Arabic-only one."""
    p = Path(doc_path)
    stem = p.name.removesuffix(".xml").removesuffix(".en-ar")
    return str(p.with_name(stem + (".ar" if arabic_only else ".en-ar") + EXTENSIONS[fmt]))


@click.command(help=_("Export an aligned document: tmx, xliff (1.2), xliff2 (2.1), po, html, pdf, docx, md, "
                      "or report (the QA review page)."))
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("--to", "fmt", required=True, type=click.Choice(list(EXTENSIONS)), help=_("Output format."))
@click.option("-o", "--output", default=None, help=_("Output file (default: beside the document; - for stdout)."))
@click.option("--layout", type=click.Choice(["columns", "rows", "interleaved"]), default="columns", show_default=True,
              help=_("Side-by-side layout (html, pdf, docx, md)."))
@click.option("--align", type=click.Choice(["sentence", "paragraph"]), default="sentence", show_default=True,
              help=_("Align sentence by sentence or paragraph by paragraph."))
@click.option("--digits", type=click.Choice(["western", "arabic-indic"]), default="western", show_default=True,
              help=_("Digits in the Arabic text."))
@click.option("--title", default="", help=_("Document title (default: from the document)."))
@click.option("--no-typography", is_flag=True, help=_("Leave the Arabic exactly as translated (no punctuation, "
                                                      "quote or digit post-edit)."))
@click.option("--arabic-only", is_flag=True, help=_("Also write the Arabic-only document (html, pdf, docx, md)."))
@click.option("--glossary", "glossary_path", default=None, help=_("Glossary for the review report (default: ./glossary)."))
def export(document, fmt, output, layout, align, digits, title, no_typography, arabic_only, glossary_path):
    from bilingual.formats import ExportOptions, get_format
    from bilingual.formats.aligned import read_aligned

    if arabic_only and fmt not in ("html", "pdf", "docx", "md"):
        raise click.UsageError(_("--arabic-only applies to html, pdf, docx and md"))
    doc = read_aligned(document)
    options = ExportOptions(layout=layout, align=align, digits=digits, title=title, typography=not no_typography,
                            glossary_path=glossary_path)
    exporter = get_format(fmt)
    explicit = output is not None
    output = output or default_output(document, fmt)
    write_output(output, exporter.render(doc, options))
    if output != "-":
        say(_("wrote {path}").format(path=output))
    if arabic_only:
        from dataclasses import replace

        if explicit and output != "-":
            stem = Path(output).name.removesuffix(EXTENSIONS[fmt]).removesuffix(".en-ar")
            target = str(Path(output).with_name(stem + ".ar" + EXTENSIONS[fmt]))
        else:
            target = default_output(document, fmt, arabic_only=True)
        write_output(target, exporter.render(doc, replace(options, arabic_only=True)))
        say(_("wrote {path}").format(path=target))


COMMANDS = [export]
