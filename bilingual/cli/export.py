"""``bilingual export``: an aligned document to TMX, XLIFF, PO, HTML, PDF, DOCX or Markdown."""

from __future__ import annotations

import click

from bilingual.cli.common import run, workspace_of
from bilingual.formats import PUBLISHING, Role, format_names
from bilingual.i18n import _

EXPORTS = [name for name in format_names(Role.EXPORT) if name != "aligned"]
PROJECTS = ["omegat"]  # a folder made from one or more documents


@click.command(
    help=_(
        "Export an aligned document: tmx, xliff (1.2), xliff-omegat (XLIFF 1.2 as OmegaT's own filter reads "
        "it: the English in the target, our Arabic offered beside it), xliff2 (2.1), po, html, pdf, docx, md, "
        "report (the QA review page), srx (our segmentation rules, SRX 2.0), or omegat: "
        "one or more documents as a ready OmegaT project folder (-o FOLDER)."
    )
)
@click.argument("documents", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--to", "fmt", required=True, type=click.Choice(EXPORTS + PROJECTS), help=_("Output format."))
@click.option(
    "-o",
    "--output",
    default=None,
    help=_(
        "Output file, or a folder (existing, or ending in /) to write "
        "it in (default: beside the document; - for stdout)."
    ),
)
@click.option(
    "--layout",
    type=click.Choice(["columns", "rows", "interleaved"]),
    default="columns",
    show_default=True,
    help=_("Side-by-side layout (html, pdf, docx, md)."),
)
@click.option(
    "--align",
    type=click.Choice(["sentence", "paragraph"]),
    default="sentence",
    show_default=True,
    help=_("Align sentence by sentence or paragraph by paragraph."),
)
@click.option(
    "--digits",
    type=click.Choice(["western", "arabic-indic"]),
    default="western",
    show_default=True,
    help=_("Digits in the Arabic text."),
)
@click.option("--title", default="", help=_("Document title (default: from the document)."))
@click.option(
    "--no-typography",
    is_flag=True,
    help=_("Leave the Arabic exactly as translated (no punctuation, quote or digit post-edit)."),
)
@click.option("--arabic-only", is_flag=True, help=_("Also write the Arabic-only document (html, pdf, docx, md)."))
@click.option(
    "--glossary", "glossary_path", default=None, help=_("Glossary for the review report (default: ./glossary).")
)
@click.option(
    "--overwrite",
    is_flag=True,
    help=_(
        "Replace an existing file that is not an earlier export of the same "
        "format, and a PO, XLIFF or TMX file even when it holds translations "
        "the document lacks (an editor's work)."
    ),
)
@click.option(
    "--no-colophon",
    is_flag=True,
    help=_("No visible stamps (file, model, checksums) in html, pdf, docx; the file's metadata keeps them."),
)
@click.option(
    "--mark-names",
    type=click.Choice(["none", "underline", "bold"]),
    default="underline",
    show_default=True,
    help=_("How glossary names are marked in html, pdf and docx."),
)
@click.option(
    "--strict",
    is_flag=True,
    help=_("Refuse (exit 6) when a segment's names are not as the glossary writes them (missing, forbidden spelling)."),
)
def export(
    documents: tuple[str, ...],
    fmt: str,
    output: str | None,
    layout: str,
    align: str,
    digits: str,
    title: str,
    no_typography: bool,
    arabic_only: bool,
    glossary_path: str | None,
    overwrite: bool,
    no_colophon: bool,
    mark_names: str,
    strict: bool,
) -> None:
    from bilingual.formats import ExportOptions
    from bilingual.jobs.export import ExportRequest, export_document

    if fmt in PROJECTS:
        from bilingual.jobs.project import ProjectRequest, export_project

        run(export_project, workspace_of(glossary_path), ProjectRequest(documents=documents, output=output))
        return
    if len(documents) > 1:
        raise click.UsageError(_("one document at a time, except into an OmegaT project (--to omegat)"))
    if arabic_only and fmt not in PUBLISHING:
        raise click.UsageError(_("--arabic-only applies to html, pdf, docx and md"))
    options = ExportOptions(layout=layout, align=align, digits=digits, title=title, typography=not no_typography,
                            colophon=not no_colophon, mark_names=mark_names)  # fmt: skip
    run(
        export_document,
        workspace_of(glossary_path),
        ExportRequest(
            document=documents[0],
            format=fmt,
            output=output,
            options=options,
            arabic_only=arabic_only,
            overwrite=overwrite,
            strict=strict,
        ),
    )


COMMANDS = [export]
