"""``bilingual glossary``: the editors' commands over the names glossary (PO files)."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual.cli.common import glossary_option, say, write_output
from bilingual.formats import Role, format_names
from bilingual.i18n import _

KIND_CHOICE = click.Choice(["person", "place", "org", "other"])


def _root(glossary_path: str | None) -> Path:
    return Path(glossary_path) if glossary_path else Path("glossary")


def _load(glossary_path: str | None, *, validate: bool = True):
    from bilingual.errors import GlossaryError
    from bilingual.names.load import load_glossary

    root = _root(glossary_path)
    if not root.exists():
        raise GlossaryError(_("no glossary here"), path=root,
                            hint=_("pass --glossary PATH, or start one with bilingual glossary add"))
    return load_glossary(root, validate=validate, matcher=False)


def _term_format(path: str, fmt: str | None, *, head: bytes = b""):
    """The glossary exchange format: named, else the registry's choice by content and extension."""
    from bilingual.errors import BilingualError, GlossaryError
    from bilingual.formats import Role, detect, get

    try:
        return get(fmt, Role.TERMS) if fmt else detect(path, head, Role.TERMS)
    except BilingualError as exc:
        raise GlossaryError(exc.message, path=path, hint=exc.hint) from exc


def _add_new_entries(root: Path, entries) -> int:
    """Add *entries* whose names the glossary does not hold (one lock, one check); return how many
    were left out because an entry is there already (an editor's entry is never replaced)."""
    from bilingual.names.edit import edit_glossary

    present = 0
    with edit_glossary(root) as editing:
        for entry in entries:
            if editing.find(entry.english) is not None:
                present += 1
                continue
            editing.upsert(entry)
    return present


def _no_entry(english: str, root: Path):
    from bilingual.errors import GlossaryError

    return GlossaryError(_("no entry {english!r}").format(english=english), path=root,
                         hint=_("add it with bilingual glossary add"))


@click.group(help=_("Edit and check the names glossary (PO files, also editable in Poedit)."))
def glossary() -> None:
    pass


@glossary.command("list", help=_("List glossary entries."))
@click.option("--kind", type=KIND_CHOICE, default=None, help=_("Only entries of this kind."))
@click.option("--fuzzy", is_flag=True, help=_("Only entries not yet reviewed."))
@glossary_option
def list_entries(kind, fuzzy, glossary_path):
    for e in _load(glossary_path, validate=False).entries:
        if (kind and e.kind != kind) or (fuzzy and not e.fuzzy):
            continue
        flags = ",".join(f for f, on in (("fuzzy", e.fuzzy), ("no-translate", e.no_translate)) if on)
        click.echo(f"{e.english}\t{e.arabic}\t{e.kind}" + (f"\t[{flags}]" if flags else ""))


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
def add(english, arabic, kind, note, forbidden, variant_of, no_translate, fuzzy, glossary_path):
    from bilingual.errors import GlossaryError
    from bilingual.names.edit import edit_glossary
    from bilingual.names.entry import Entry

    entry = Entry(english.strip(), arabic.strip() if not no_translate else (arabic.strip() or english.strip()),
                  kind, note, tuple(forbidden), variant_of, fuzzy=fuzzy, no_translate=no_translate)
    with edit_glossary(_root(glossary_path)) as editing:  # the check and the write under one lock
        found = editing.find(entry.english)
        if found is not None:
            raise GlossaryError(_("{english!r} is already in the glossary").format(english=entry.english),
                                path=found[0], line=found[1].line, hint=_("correct it with bilingual glossary set"))
        editing.upsert(entry)
    say(_("added {english} → {arabic}").format(english=entry.english, arabic=entry.arabic))


@glossary.command("set", help=_("Correct an entry's Arabic spelling (marks it reviewed)."))
@click.argument("english")
@click.argument("arabic")
@click.option("--kind", type=KIND_CHOICE, default=None, help=_("Change the kind too."))
@click.option("--note", default=None, help=_("Replace the note."))
@click.option("--forbid-old", is_flag=True, help=_("Record the previous spelling as forbidden."))
@glossary_option
def set_entry(english, arabic, kind, note, forbid_old, glossary_path):
    from dataclasses import replace

    from bilingual.names.edit import edit_glossary, set_arabic

    root = _root(glossary_path)
    with edit_glossary(root) as editing:
        found = editing.find(english)
        if found is None:
            raise _no_entry(english, root)
        old = found[1]
        forbidden = old.forbidden + ((old.arabic,) if forbid_old and old.arabic not in old.forbidden else ())
        entry = replace(set_arabic(old, arabic.strip()), kind=kind or old.kind,
                        notes=old.notes if note is None else note,
                        forbidden=tuple(f for f in forbidden if f != arabic))
        editing.upsert(entry)
    say(_("set {english}: {old} → {new}").format(english=old.english, old=old.arabic, new=entry.arabic))


@glossary.command("remove", help=_("Remove an entry."))
@click.argument("english")
@glossary_option
def remove(english, glossary_path):
    from bilingual.names.edit import edit_glossary

    root = _root(glossary_path)
    with edit_glossary(root) as editing:
        removed = editing.remove(english)
    if removed is None:
        raise _no_entry(english, root)
    say(_("removed {english}").format(english=removed.english))


@glossary.command("check", help=_("Check the glossary: duplicates, conflicts, scripts, bidi controls, variants."))
@glossary_option
def check(glossary_path):
    from bilingual.names.rules import check_entries
    from bilingual.outcome import RunReport

    gl = _load(glossary_path, validate=False)
    findings = check_entries(gl.entries)
    for f in findings:
        click.echo(str(f))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    say(_("{n} entries: {errors} errors, {warnings} warnings").format(n=len(gl), errors=errors, warnings=warnings))
    RunReport(glossary_errors=errors).finish()


@glossary.command("import", help=_("Import entries from CSV, TSV (with or without a header, or Translate Toolkit's "
                                   "layout), an OmegaT glossary, TBX v3 or TBX 2008/TBX-Basic. Existing entries keep "
                                   "the fields the file does not carry; each entry is reported added, changed or "
                                   "unchanged."))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(format_names(Role.TERMS)), default=None,
              help=_("File format (default: from the content, then the extension)."))
@click.option("--dry-run", is_flag=True, help=_("Only show what would change; write nothing."))
@click.option("-q", "--quiet", is_flag=True, help=_("Only the summary line."))
@glossary_option
def import_entries(file, fmt, dry_run, quiet, glossary_path):
    from bilingual.errors import GlossaryError
    from bilingual.names.edit import edit_glossary, merge_incoming
    from bilingual.names.rules import check_entries

    data = Path(file).read_bytes()
    incoming = _term_format(file, fmt, head=data[:4096]).parse_terms(data, path=file)
    bad = [f for f in check_entries([i.entry for i in incoming]) if f.severity == "error"]
    if bad:
        raise GlossaryError(bad[0].message, path=file, line=bad[0].line, hint=_("nothing was imported"))
    root = _root(glossary_path)
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    labels = {"added": _("added"), "changed": _("changed"), "unchanged": _("unchanged")}
    with edit_glossary(root) as editing:
        for outcome, entry, fields in merge_incoming(editing, incoming):
            counts[outcome] += 1
            if not quiet and outcome != "unchanged":
                detail = f" ({', '.join(fields)})" if outcome == "changed" else ""
                click.echo(f"{labels[outcome]}: {entry.english}{detail}")
            if outcome != "unchanged" and not dry_run:
                editing.upsert(entry)
    summary = _("{file}: {added} added, {changed} changed, {unchanged} unchanged").format(file=file, **counts)
    say(summary + (" " + _("(dry run: nothing was written)") if dry_run else ""))


@glossary.command("export", help=_("Export the glossary (- for stdout): csv (with a byte-order mark, for "
                                   "spreadsheets), tsv, tbx (TBX v3), tbx-basic (TBX 2008, for OmegaT and Translate "
                                   "Toolkit) or omegat (OmegaT's tab-separated glossary)."))
@click.argument("output")
@click.option("--to", "fmt", type=click.Choice(format_names(Role.TERMS)), default=None,
              help=_("Format (default: from the extension; .tbx is TBX v3)."))
@glossary_option
def export_entries(output, fmt, glossary_path):
    import os

    from bilingual.errors import GlossaryError

    terms = _term_format(output, fmt)
    gl = _load(glossary_path, validate=False)
    if output != "-" and os.path.realpath(output) in {os.path.realpath(p) for p in gl.paths}:
        raise GlossaryError(_("the export would replace a file of the glossary"), path=output,
                            hint=_("name another output file"))
    write_output(output, terms.render_terms(gl.entries))
    if output != "-":
        say(_("exported {n} entries to {file}").format(n=len(gl), file=output))


@glossary.command("suggest", help=_("Find names in an article that the glossary lacks and propose Arabic spellings, "
                                    "each with its source (gazetteer, table, attested: read as Arabic text writes it, rule, "
                                    "engine) and a confidence; people and "
                                    "places are written as fuzzy entries for review, organisations are listed to "
                                    "translate (never written with an empty Arabic side)."))
@click.argument("article")
@click.option("--dry-run", is_flag=True, help=_("Only list the proposals; write nothing."))
@click.option("--engine", "engine_name", default=None,
              help=_("Also ask this engine for its rendering of each name spelled by rule or read from Arabic "
                     "text (argos, or package.module:factory); a close Arabic rendering replaces ours."))
@click.option("--model", "model_name", default=None, help=_("Installed model for --engine argos."))
@click.option("-v", "--verbose", is_flag=True, help=_("List every capitalised word or run that was not proposed, "
                                                      "with the reason (a title, a people, a month, a common word …)."))
@glossary_option
def suggest(article, dry_run, engine_name, model_name, verbose, glossary_path):
    from bilingual.names.entry import Entry
    from bilingual.names.lexicon import fold
    from bilingual.names.load import load_glossary
    from bilingual.names.suggest import propose
    from bilingual.read import read_document

    root = _root(glossary_path)
    known = load_glossary(root, validate=False, matcher=False).entries if root.exists() else []
    doc = read_document(article)
    # Every entry, reviewed or not, counts as known: suggest only what is missing altogether.
    left: dict[str, str] = {}
    proposals = propose([s.source for s in doc.segments()], {fold(e.english) for e in known}, left)
    if engine_name:
        from bilingual.engines import EngineOptions, load_engine
        from bilingual.names.suggest import with_engine
        from bilingual.pipeline import run_engine

        engine = load_engine(engine_name, EngineOptions(model=model_name or ""))
        proposals = with_engine(proposals, lambda texts: run_engine(engine, texts))
    for p in proposals:
        click.echo(f"{p.name}\t{p.arabic or _('(to translate)')}\t{p.kind}\t{p.source}\t{p.confidence:.2f}")
    writable = [p for p in proposals if p.arabic]
    to_translate = len(proposals) - len(writable)
    if verbose:
        for text, reason in left.items():
            say(_("  not proposed: {text} ({reason})").format(text=text, reason=reason))
    if left:
        say(_("{n} capitalised words or runs were not proposed{hint}").format(
            n=len(left), hint="" if verbose else " " + _("(--verbose lists them with the reason)")))
    if dry_run or not writable:
        say(_("{n} names missing from the glossary ({m} organisations to translate)").format(
            n=len(proposals), m=to_translate))
        return
    note = _("suggested by bilingual glossary suggest from {file}").format(file=Path(article).name)
    present = _add_new_entries(root, [
        Entry(p.name, p.arabic, p.kind, note, sources=(f"suggest: {p.source}, confidence {p.confidence:.2f}",),
              fuzzy=True) for p in writable])
    say(_("{n} names written as fuzzy entries for review; {m} organisations to translate were not written").format(
        n=len(writable) - present, m=to_translate))
    if present:
        say(_("{n} names were left out: the glossary holds them already (its entries are never replaced)").format(
            n=present))


COMMANDS = [glossary]
