"""``bilingual replace``: search and replace across the aligned documents of a folder (the desk's use case)."""

from __future__ import annotations

import click

from bilingual.cli.common import glossary_option, memory_options, run, workspace_of
from bilingual.i18n import _


@click.command(
    help=_(
        "Search the aligned documents of a folder (Arabic, or English with --english) and replace in the "
        "Arabic: every change goes through the segment writer and the history, and one --undo puts it all back."
    )
)
@click.argument("find", required=False, default="")
@click.argument("replacement", required=False)
@click.option("--folder", default=".", show_default=True, type=click.Path(file_okay=False),
              help=_("The folder of aligned documents (*.en-ar.xml)."))  # fmt: skip
@click.option("--document", "documents", multiple=True, help=_("Only this document of the folder (repeatable)."))
@click.option("--regex", is_flag=True, help=_("FIND is a regular expression; REPLACEMENT may use \\1 …"))
@click.option("--case", is_flag=True, help=_("Match case."))
@click.option("--english", is_flag=True, help=_("Search the English (a search only: the English is the article's)."))
@click.option("--dry-run", is_flag=True, help=_("Only list what would change; write nothing."))
@click.option("--undo", "undo_id", default="", help=_("Put back every segment the replacement with this id changed."))
@click.option("--editor", default="", help=_("Who replaces, for the history."))
@memory_options
@glossary_option
def replace(
    find: str,
    replacement: str | None,
    folder: str,
    documents: tuple[str, ...],
    regex: bool,
    case: bool,
    english: bool,
    dry_run: bool,
    undo_id: str,
    editor: str,
    memory_path: str | None,
    no_memory: bool,
    glossary_path: str | None,
) -> None:
    from bilingual.jobs.replace import ReplaceCommand, ReplaceRequest, replace_text

    if not find and not undo_id:
        raise click.UsageError(_("say what to search for (FIND), or --undo ID"))
    request = ReplaceRequest(find, replacement, tuple(documents), regex=regex, case=case,
                             where="source" if english else "target", who=editor)  # fmt: skip
    run(replace_text, workspace_of(glossary_path, memory_path, no_memory, folder=folder),
        ReplaceCommand(request, dry_run=dry_run, undo=undo_id))  # fmt: skip


COMMANDS = [replace]
