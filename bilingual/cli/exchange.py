"""``bilingual import`` and ``bilingual apply``: editors' corrections back into the memory and documents."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual.cli.common import glossary_option, memory_options, say, write_output
from bilingual.i18n import _


@click.command("import", help=_("Import corrected PO, XLIFF 1.2/2.1 or TMX files into the translation memory."))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--overwrite", is_flag=True, help=_("Let an approved target in the file replace a different approved "
                                                  "one in the memory."))
@memory_options
@glossary_option
def import_files(files, overwrite, memory_path, no_memory, glossary_path):
    from bilingual.memory.exchange import import_units, read_units
    from bilingual.memory.store import open_memory
    from bilingual.names.load import load_default_glossary

    if no_memory:
        raise click.UsageError(_("import writes to the memory: --no-memory makes no sense here"))
    glossary = load_default_glossary(glossary_path)
    with open_memory(memory_path) as memory:
        for path in files:
            result = import_units(read_units(path), memory, origin=f"import:{Path(path).name}",
                                  glossary=glossary, overwrite=overwrite)
            click.echo(_("{file}: {added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts").format(
                file=path, added=result.added, updated=result.updated, unchanged=result.unchanged,
                conflicts=len(result.conflicts)))
            for unit_id, source in result.conflicts:
                click.echo(_("  conflict: {id}: {source} (the memory holds another approved translation)").format(
                    id=unit_id, source=source[:60]))


@click.command(help=_("Write the corrections in a PO, XLIFF or TMX file back into an aligned document."))
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.argument("corrections", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default=None, help=_("Write the updated document here (default: in place)."))
@glossary_option
def apply(document, corrections, output, glossary_path):
    from bilingual.formats.aligned import read_aligned, render_aligned
    from bilingual.memory.exchange import apply_units, read_units
    from bilingual.names.load import load_default_glossary

    glossary = load_default_glossary(glossary_path)
    doc, result = apply_units(read_aligned(document), read_units(corrections), glossary=glossary)
    write_output(output or document, render_aligned(doc))
    say(_("{n} segments updated in {doc}").format(n=len(result.changed), doc=output or document))
    for unit in result.unmatched:
        say(_("  no matching segment: {unit}").format(unit=unit))


COMMANDS = [import_files, apply]
