"""``bilingual import`` and ``bilingual apply``: editors' corrections back into the memory and documents."""

from __future__ import annotations

import click

from bilingual.cli.common import F, glossary_option, memory_options, run, workspace_of
from bilingual.i18n import _


def _report_options(func: F) -> F:
    func = click.option(
        "--report",
        "report_path",
        type=click.Path(dir_okay=False),
        default=None,
        help=_(
            "Write every unit not taken, with its reason, to this TSV file (an existing file "
            "that is not an earlier report needs --overwrite)."
        ),
    )(func)
    func = click.option("-v", "--verbose", is_flag=True, help=_("List every unit not taken, with its reason."))(func)
    return click.option(
        "--approve-unchanged",
        is_flag=True,
        help=_("Take targets equal to the machine text as approved (for PO files whose fuzzy flags a tool cleared)."),
    )(func)


@click.command(
    "import",
    help=_(
        "Import corrected PO, XLIFF 1.2/2.1 or TMX files into the translation memory. "
        "A target that differs from the machine text is an edit, whatever state the "
        "file gives it; every unit not taken is counted with its reason."
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--overwrite",
    is_flag=True,
    help=_("Let an approved target in the file replace a different approved one in the memory."),
)
@_report_options
@memory_options
@glossary_option
def import_files(
    files: tuple[str, ...],
    overwrite: bool,
    approve_unchanged: bool,
    verbose: bool,
    report_path: str | None,
    memory_path: str | None,
    no_memory: bool,
    glossary_path: str | None,
) -> None:
    from bilingual.jobs.exchange import ImportRequest, import_corrections

    if no_memory:
        raise click.UsageError(_("import writes to the memory: --no-memory makes no sense here"))
    run(
        import_corrections,
        workspace_of(glossary_path, memory_path, no_memory),
        ImportRequest(
            files=tuple(files),
            overwrite=overwrite,
            approve_unchanged=approve_unchanged,
            verbose=verbose,
            report=report_path,
            overwrite_report=overwrite,
        ),
    )


@click.command(
    help=_(
        "Write the corrections in a PO, XLIFF or TMX file back into an aligned document, and record "
        "them in the translation memory."
    )
)
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.argument("corrections", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    default=None,
    help=_(
        "Write the updated document here, or in this folder (existing, "
        "or ending in /) under its own name (default: in place)."
    ),
)
@click.option("--overwrite", is_flag=True, help=_("Replace an existing file at -o (it may hold other edits)."))
@_report_options
@memory_options
@glossary_option
def apply(
    document: str,
    corrections: str,
    output: str | None,
    overwrite: bool,
    approve_unchanged: bool,
    verbose: bool,
    report_path: str | None,
    memory_path: str | None,
    no_memory: bool,
    glossary_path: str | None,
) -> None:
    from bilingual.jobs.exchange import ApplyRequest, apply_corrections

    run(
        apply_corrections,
        workspace_of(glossary_path, memory_path, no_memory),
        ApplyRequest(
            document=document,
            corrections=corrections,
            output=output,
            overwrite=overwrite,
            approve_unchanged=approve_unchanged,
            verbose=verbose,
            report=report_path,
            overwrite_report=overwrite,
        ),
    )


COMMANDS = [import_files, apply]
