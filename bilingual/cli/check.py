"""``bilingual check``: re-check aligned documents against the current glossary."""

from __future__ import annotations

import click

from bilingual.cli.common import glossary_option, run, workspace_of
from bilingual.i18n import _


@click.command(
    help=_(
        "Re-check aligned documents against the current glossary (missing names, forbidden and "
        "outdated spellings); --qa adds numbers, Latin text and empty translations."
    )
)
@click.argument("documents", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--qa", is_flag=True, help=_("Run the QA checks too."))
@click.option(
    "--strict", is_flag=True, help=_("Exit with code 6 when no glossary is found (nothing could be checked).")
)
@glossary_option
def check(documents: tuple[str, ...], qa: bool, strict: bool, glossary_path: str | None) -> None:
    from bilingual.jobs.check import CheckRequest, check_documents

    run(check_documents, workspace_of(glossary_path), CheckRequest(documents=tuple(documents), qa=qa, strict=strict))


COMMANDS = [check]
