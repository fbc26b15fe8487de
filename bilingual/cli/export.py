"""``bilingual export``: an aligned document to TMX, XLIFF, PO, HTML, PDF, DOCX or Markdown."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from bilingual.cli.common import output_path, say, write_output
from bilingual.formats import Role, format_names
from bilingual.i18n import _

EXPORTS = [name for name in format_names(Role.EXPORT) if name != "aligned"]
PUBLISHING = ("html", "pdf", "docx", "md")


def default_output(doc_path: str, suffix: str, *, arabic_only: bool = False) -> str:
    """ARTICLE.en-ar.xml → ARTICLE.en-ar.EXT beside it, or ARTICLE.ar.EXT for the Arabic-only one."""
    p = Path(doc_path)
    stem = p.name.removesuffix(".xml").removesuffix(".en-ar")
    return str(p.with_name(stem + (".ar" if arabic_only else ".en-ar") + suffix))


def _review(doc, glossary_path: str | None):
    """The review report's findings: the checks run here, at the edge, with the glossary loaded here."""
    from bilingual.checks import run_checks
    from bilingual.formats import Review
    from bilingual.names.load import load_default_glossary

    glossary = load_default_glossary(glossary_path)
    if glossary is None:
        state = "none loaded"
    elif glossary.fingerprint == doc.head.glossary_fingerprint:
        state = "current"
    else:
        state = "changed since translation"
    return Review(tuple(run_checks(doc, glossary=glossary, qa=True)), state)


def _keep_editors_work(doc, output: str) -> None:
    """Refuse to replace an exchange file that holds translations the document lacks: an editor
    may have worked in it since the last export (re-exporting once they are applied is fine)."""
    from bilingual.errors import BilingualError, InputError
    from bilingual.memory.exchange import read_units, unapplied

    if output == "-" or not os.path.exists(output):
        return
    try:
        pending = unapplied(doc, read_units(output))
    except BilingualError:
        raise InputError(_("the output exists and cannot be read as an exchange file"), path=output,
                         hint=_("pass --overwrite to replace it, or name another output with -o")) from None
    if pending:
        raise InputError(_("the output holds {n} translations the document lacks (an editor's work?)").format(
            n=pending), path=output, hint=_("bring them in with bilingual apply, or pass --overwrite"))


@click.command(help=_("Export an aligned document: tmx, xliff (1.2), xliff2 (2.1), po, html, pdf, docx, md, "
                      "or report (the QA review page)."))
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("--to", "fmt", required=True, type=click.Choice(EXPORTS), help=_("Output format."))
@click.option("-o", "--output", default=None, help=_("Output file, or a folder (existing, or ending in /) to write "
                                                    "it in (default: beside the document; - for stdout)."))
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
@click.option("--overwrite", is_flag=True, help=_("Replace an existing PO, XLIFF or TMX file even when it holds "
                                                  "translations the document lacks (an editor's work)."))
def export(document, fmt, output, layout, align, digits, title, no_typography, arabic_only, glossary_path, overwrite):
    from bilingual.formats import ExportOptions, get
    from bilingual.formats.aligned import read_aligned

    if arabic_only and fmt not in PUBLISHING:
        raise click.UsageError(_("--arabic-only applies to html, pdf, docx and md"))
    doc = read_aligned(document)
    options = ExportOptions(layout=layout, align=align, digits=digits, title=title, typography=not no_typography)
    if fmt == "report":
        options = replace(options, review=_review(doc, glossary_path))
    exporter = get(fmt, Role.EXPORT)
    suffix = exporter.suffix()
    explicit = output is not None
    output = output_path(output, default_output(document, suffix))
    if output != "-" and os.path.realpath(output) == os.path.realpath(document):
        from bilingual.errors import InputError

        raise InputError(_("the output would replace the document it is made from"), path=output,
                         hint=_("name another output with -o"))
    if not overwrite and Role.UNITS in exporter.roles:
        _keep_editors_work(doc, output)
    write_output(output, exporter.render(doc, options))
    if output != "-":
        say(_("wrote {path}").format(path=output))
    if arabic_only:
        if explicit and output != "-":
            stem = Path(output).name.removesuffix(suffix).removesuffix(".en-ar")
            target = str(Path(output).with_name(stem + ".ar" + suffix))
        else:
            target = default_output(document, suffix, arabic_only=True)
        write_output(target, exporter.render(doc, replace(options, arabic_only=True)))
        say(_("wrote {path}").format(path=target))


COMMANDS = [export]
