"""``bilingual import`` and ``bilingual apply``: editors' corrections back into the memory and documents."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual.cli.common import glossary_option, memory_options, output_path, say, write_output
from bilingual.i18n import _


def _report_options(func):
    func = click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None,
                        help=_("Write every unit not taken, with its reason, to this TSV file."))(func)
    func = click.option("-v", "--verbose", is_flag=True, help=_("List every unit not taken, with its reason."))(func)
    return click.option("--approve-unchanged", is_flag=True,
                        help=_("Take targets equal to the machine text as approved (for PO files whose fuzzy "
                               "flags a tool cleared)."))(func)


def _tell(path: str, result, *, verbose: bool, rows: list[str]) -> None:
    """The summary line (always), the reasons counted, and each unit not taken (verbose or report)."""
    for reason, n in sorted(result.reasons().items()):
        click.echo(_("  {n} not taken: {reason}").format(n=n, reason=reason))
    for skip in [*result.conflicts, *result.skipped]:
        where = f"{path}:{skip.line}" if skip.line else path
        rows.append(f"{path}\t{skip.line or ''}\t{skip.id}\t{skip.reason}")
        if verbose:
            click.echo(_("  {where}: {id}: {reason}").format(where=where, id=skip.id, reason=skip.reason))


def _write_report(report_path: str | None, rows: list[str]) -> None:
    if report_path:
        write_output(report_path, ("file\tline\tunit\treason\n" + "".join(r + "\n" for r in rows)).encode("utf-8"))
        say(_("wrote {path}").format(path=report_path))


@click.command("import", help=_("Import corrected PO, XLIFF 1.2/2.1 or TMX files into the translation memory. "
                                "A target that differs from the machine text is an edit, whatever state the "
                                "file gives it; every unit not taken is counted with its reason."))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--overwrite", is_flag=True, help=_("Let an approved target in the file replace a different approved "
                                                  "one in the memory."))
@_report_options
@memory_options
@glossary_option
def import_files(files, overwrite, approve_unchanged, verbose, report_path, memory_path, no_memory, glossary_path):
    from bilingual.memory.exchange import import_units, read_units
    from bilingual.memory.store import open_memory
    from bilingual.names.load import load_default_glossary

    if no_memory:
        raise click.UsageError(_("import writes to the memory: --no-memory makes no sense here"))
    glossary = load_default_glossary(glossary_path)
    # Read every file first: a malformed file or one for another language stops the run
    # before anything is written to the memory.
    found = [(path, read_units(path)) for path in files]
    rows: list[str] = []
    with open_memory(memory_path) as memory:
        for path, units in found:
            result = import_units(units, memory, origin=f"import:{Path(path).name}", glossary=glossary,
                                  overwrite=overwrite, approve_unchanged=approve_unchanged)
            click.echo(_("{file}: {added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts, "
                         "{skipped} not taken").format(file=path, added=result.added, updated=result.updated,
                                                       unchanged=result.unchanged, conflicts=len(result.conflicts),
                                                       skipped=len(result.skipped)))
            for conflict in result.conflicts:
                click.echo(_("  conflict: {id}: {reason}").format(id=conflict.id, reason=conflict.reason))
            _tell(path, result, verbose=verbose, rows=rows)
    _write_report(report_path, rows)


@click.command(help=_("Write the corrections in a PO, XLIFF or TMX file back into an aligned document, and record "
                      "them in the translation memory."))
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.argument("corrections", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default=None, help=_("Write the updated document here, or in this folder (existing, "
                                                    "or ending in /) under its own name (default: in place)."))
@click.option("--overwrite", is_flag=True, help=_("Replace an existing file at -o (it may hold other edits)."))
@_report_options
@memory_options
@glossary_option
def apply(document, corrections, output, overwrite, approve_unchanged, verbose, report_path, memory_path, no_memory,
          glossary_path):
    import os

    from bilingual.errors import InputError
    from bilingual.formats.aligned import read_aligned, render_aligned
    from bilingual.memory.exchange import apply_units, read_units
    from bilingual.memory.store import open_memory
    from bilingual.names.load import load_default_glossary

    target = output_path(output, document)
    if target != "-" and os.path.exists(target) and not overwrite and (
            os.path.realpath(target) != os.path.realpath(document)):
        # checked before anything is written, the memory included
        raise InputError(_("the output exists and is not the document being corrected"), path=target,
                         hint=_("pass --overwrite to replace it, or name another output with -o"))
    glossary = load_default_glossary(glossary_path)
    doc, found = read_aligned(document), read_units(corrections)
    memory = None if no_memory else open_memory(memory_path)
    try:
        doc, result = apply_units(doc, found, glossary=glossary, memory=memory, approve_unchanged=approve_unchanged)
    finally:
        if memory is not None:
            memory.close()
    write_output(target, render_aligned(doc))
    say(_("{n} segments updated in {doc}, {unchanged} unchanged, {conflicts} conflicts, {skipped} not taken").format(
        n=len(result.changed), doc=target, unchanged=result.unchanged,
        conflicts=len(result.conflicts), skipped=len(result.skipped)))
    rows: list[str] = []
    _tell(corrections, result, verbose=verbose, rows=rows)
    _write_report(report_path, rows)


COMMANDS = [import_files, apply]
