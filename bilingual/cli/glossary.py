"""``bilingual glossary``: the editors' commands over the names glossary (PO files)."""

from __future__ import annotations

from typing import Any

import click

from bilingual.cli.common import glossary_option, run, workspace_of
from bilingual.formats import Role, format_names
from bilingual.i18n import _

KIND_CHOICE = click.Choice(["person", "place", "org", "other"])


@click.group(help=_("Edit and check the names glossary (PO files, also editable in Poedit)."))
def glossary() -> None:
    pass


@glossary.command("list", help=_("List glossary entries."))
@click.option("--kind", type=KIND_CHOICE, default=None, help=_("Only entries of this kind."))
@click.option("--fuzzy", is_flag=True, help=_("Only entries not yet reviewed."))
@glossary_option
def list_entries(kind: Any, fuzzy: bool, glossary_path: str | None) -> None:
    from bilingual.jobs.glossary import ListRequest
    from bilingual.jobs.glossary import list_entries as job

    run(job, workspace_of(glossary_path), ListRequest(kind=kind, fuzzy_only=fuzzy))


@glossary.command("add", help=_("Add an entry: English form, Arabic spelling."))
@click.argument("english")
@click.argument("arabic")
@click.option("--kind", type=KIND_CHOICE, required=True, help=_("What the name is."))
@click.option("--note", default="", help=_("A note for editors (source, who the person is …)."))
@click.option("--forbidden", multiple=True, help=_("A known wrong Arabic spelling to flag (repeatable)."))
@click.option("--variant-of", default="", help=_("The entry this form is a variant of."))
@click.option("--no-translate", is_flag=True, help=_("Keep this name in Latin script (bidi-isolated)."))
@click.option("--fuzzy", is_flag=True, help=_("Mark as not yet reviewed (not enforced)."))
@glossary_option
def add(
    english: str,
    arabic: str,
    kind: Any,
    note: str,
    forbidden: tuple[str, ...],
    variant_of: str,
    no_translate: bool,
    fuzzy: bool,
    glossary_path: str | None,
) -> None:
    from bilingual.jobs.glossary import AddRequest, add_entry

    run(
        add_entry,
        workspace_of(glossary_path),
        AddRequest(
            english=english,
            arabic=arabic,
            kind=kind,
            note=note,
            forbidden=tuple(forbidden),
            variant_of=variant_of,
            no_translate=no_translate,
            fuzzy=fuzzy,
        ),
    )


@glossary.command("set", help=_("Correct an entry's Arabic spelling (marks it reviewed)."))
@click.argument("english")
@click.argument("arabic")
@click.option("--kind", type=KIND_CHOICE, default=None, help=_("Change the kind too."))
@click.option("--note", default=None, help=_("Replace the note."))
@click.option("--forbid-old", is_flag=True, help=_("Record the previous spelling as forbidden."))
@click.option(
    "--variants",
    is_flag=True,
    help=_("Respell the entries that hold this name too (Khalifa Haftar with Haftar); without it they are listed."),
)
@glossary_option
def set_entry(
    english: str, arabic: str, kind: Any, note: str | None, forbid_old: bool, variants: bool, glossary_path: str | None
) -> None:
    from bilingual.jobs.glossary import SetRequest
    from bilingual.jobs.glossary import set_entry as job

    run(
        job,
        workspace_of(glossary_path),
        SetRequest(
            english=english,
            arabic=arabic,
            kind=kind,
            note=note,
            forbid_old=forbid_old,
            variants=variants,
        ),
    )


@glossary.command("remove", help=_("Remove an entry."))
@click.argument("english")
@glossary_option
def remove(english: str, glossary_path: str | None) -> None:
    from bilingual.jobs.glossary import RemoveRequest, remove_entry

    run(remove_entry, workspace_of(glossary_path), RemoveRequest(english=english))


@glossary.command("check", help=_("Check the glossary: duplicates, conflicts, scripts, bidi controls, variants."))
@click.option(
    "--fix",
    is_flag=True,
    help=_(
        "First repair what can be repaired: control characters and stray line "
        "breaks in comments, invisible characters and look-alike letters in "
        "names, control and bidi characters in notes (each repair is listed)."
    ),
)
@glossary_option
def check(fix: bool, glossary_path: str | None) -> None:
    from bilingual.jobs.glossary import GlossaryCheckRequest, check_glossary

    run(check_glossary, workspace_of(glossary_path), GlossaryCheckRequest(fix=fix))


@glossary.command(
    "import",
    help=_(
        "Import entries from CSV, TSV (with or without a header, or Translate Toolkit's "
        "layout), an OmegaT glossary, TBX v3 or TBX 2008/TBX-Basic. Existing entries keep "
        "the fields the file does not carry; each entry is reported added, changed or "
        "unchanged."
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(format_names(Role.TERMS)),
    default=None,
    help=_("File format (default: from the content, then the extension)."),
)
@click.option("--dry-run", is_flag=True, help=_("Only show what would change; write nothing."))
@click.option("-q", "--quiet", is_flag=True, help=_("Only the summary line."))
@glossary_option
def import_entries(file: str, fmt: str | None, dry_run: bool, quiet: bool, glossary_path: str | None) -> None:
    from bilingual.jobs.glossary import TermsImportRequest, import_terms

    run(
        import_terms,
        workspace_of(glossary_path),
        TermsImportRequest(file=file, format=fmt, dry_run=dry_run, quiet=quiet),
    )


@glossary.command(
    "export",
    help=_(
        "Export the glossary (- for stdout). For OmegaT: omegat (its tab-separated glossary with "
        "notes, names.utf8) or tbx-basic (TBX 2008, also for Translate Toolkit). For spreadsheets: csv "
        "(with a byte-order mark and a header row) or tsv. For terminology systems: tbx (TBX v3). "
        "OmegaT does not read the last three (a header row becomes a term; .tsv and TBX v3 are not its forms)."
    ),
)
@click.argument("output")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(format_names(Role.TERMS)),
    default=None,
    help=_("Format (default: from the extension; .tbx is TBX v3)."),
)
@click.option(
    "--overwrite", is_flag=True, help=_("Replace an existing file that is not an earlier export of the same format.")
)
@glossary_option
def export_entries(output: str, fmt: str | None, overwrite: bool, glossary_path: str | None) -> None:
    from bilingual.jobs.glossary import TermsExportRequest, export_terms

    run(export_terms, workspace_of(glossary_path), TermsExportRequest(output=output, format=fmt, overwrite=overwrite))


@glossary.command(
    "suggest",
    help=_(
        "Find names in an article that the glossary lacks and propose Arabic spellings, "
        "each with its source (figure: one of the region's public figures as the press spells them, "
        "gazetteer, locality: a town of the article's country, table, named: as Wikidata's people "
        "write it, attested: read as Arabic text writes it, rule, engine) and a confidence; people and "
        "places are written as fuzzy entries for review, organisations are listed to "
        "translate (never written with an empty Arabic side)."
    ),
)
@click.argument("article")
@click.option("--dry-run", is_flag=True, help=_("Only list the proposals; write nothing."))
@click.option(
    "--engine",
    "engine_name",
    default=None,
    help=_(
        "Also ask this engine for its rendering of each name spelled by rule or read from Arabic "
        "text (argos, or package.module:factory); a close Arabic rendering replaces ours."
    ),
)
@click.option("--model", "model_name", default=None, help=_("Installed model for --engine argos."))
@click.option(
    "--region",
    type=click.Choice(["auto", "egypt", "sudan", "levant", "gulf", "maghreb", "sahel"]),
    default="auto",
    show_default=True,
    help=_(
        "Whose press a name spelled by ear is written for (a Latin G is ج in Egypt's press, غ in the "
        "Levant's, the Gulf's and the Maghreb's); auto: the article's dateline and the places it names."
    ),
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help=_(
        "List every capitalised word or run that was not proposed, "
        "with the reason (a title, a people, a month, a common word …)."
    ),
)
@glossary_option
def suggest(
    article: str,
    dry_run: bool,
    engine_name: str | None,
    model_name: str | None,
    region: str,
    verbose: bool,
    glossary_path: str | None,
) -> None:
    from bilingual.jobs.suggest import SuggestRequest, suggest_names

    run(
        suggest_names,
        workspace_of(glossary_path),
        SuggestRequest(
            article=article,
            dry_run=dry_run,
            ask_engine=engine_name,
            ask_model=model_name,
            region=None if region == "auto" else region,
            verbose=verbose,
        ),
    )


COMMANDS = [glossary]
