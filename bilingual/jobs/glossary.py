"""The editors' use cases over the names glossary: list, add, set, remove, check, import, export."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from bilingual import outputs
from bilingual.errors import BilingualError, GlossaryError
from bilingual.formats import Format, Role, detect, get
from bilingual.fsutil import locked, read_limited, write_text
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.names.edit import edit_glossary, merge_incoming, set_arabic, variants
from bilingual.names.entry import Entry, EntryKind
from bilingual.names.glossary import Glossary
from bilingual.names.load import load_glossary
from bilingual.names.pofiles import po_files
from bilingual.names.potext import repair_po_text
from bilingual.names.rules import check_entries, check_set, repair_entry, validate_entry
from bilingual.workspace import Workspace

MAX_IMPORT_BYTES = 64 << 20  # a glossary sheet or TBX; 100,000 names are about 10 MB


def open_glossary(workspace: Workspace, *, validate: bool = True) -> Glossary:
    """The glossary an editing command works on (it must exist), loaded without its matcher."""
    root = workspace.glossary_root()
    if not root.exists():
        raise GlossaryError(
            _("no glossary here"), path=root, hint=_("pass --glossary PATH, or start one with bilingual glossary add")
        )
    return load_glossary(root, validate=validate, matcher=False)


def term_format(path: str, fmt: str | None, *, head: bytes = b"") -> Format:
    """The glossary exchange format: named, else the registry's choice by content and extension."""
    try:
        return get(fmt, Role.TERMS) if fmt else detect(path, head, Role.TERMS)
    except BilingualError as exc:
        raise GlossaryError(exc.message, path=path, hint=exc.hint) from exc


def _no_entry(english: str, root: Path) -> GlossaryError:
    return GlossaryError(
        _("no entry {english!r}").format(english=english), path=root, hint=_("add it with bilingual glossary add")
    )


@dataclass(frozen=True)
class ListRequest:
    kind: EntryKind | None = None
    fuzzy_only: bool = False


def list_entries(workspace: Workspace, request: ListRequest, result: Result | None = None) -> Result:
    result = result if result is not None else Result()
    listed = 0
    for e in open_glossary(workspace, validate=False).entries:
        if (request.kind and e.kind != request.kind) or (request.fuzzy_only and not e.fuzzy):
            continue
        flags = ",".join(f for f, on in (("fuzzy", e.fuzzy), ("no-translate", e.no_translate)) if on)
        result.item(e.english, "listed", where=e.file)
        result.data(f"{e.english}\t{e.arabic}\t{e.kind}" + (f"\t[{flags}]" if flags else ""))
        listed += 1
    if not listed:  # an empty answer is said, on stderr, so a script reading stdout still gets nothing
        if request.fuzzy_only:
            result.say(_("no fuzzy entries: every suggestion has been reviewed"))
        else:
            result.say(_("no entries") + (f" ({request.kind})" if request.kind else ""))
    return result


def search_entries(workspace: Workspace, query: str = "", limit: int = 200) -> list[Entry]:
    """The entries whose English, Arabic, variants or note hold *query* (case-folded), by English form."""
    wanted = query.strip().casefold()
    found = [
        e for e in open_glossary(workspace, validate=False).entries
        if not wanted or any(wanted in text.casefold() for text in (e.english, e.arabic, e.variant_of, e.notes))
    ]  # fmt: skip
    return sorted(found, key=lambda e: e.english.casefold())[:limit]


@dataclass(frozen=True)
class AddRequest:
    english: str
    arabic: str
    kind: EntryKind
    note: str = ""
    forbidden: tuple[str, ...] = ()
    variant_of: str = ""
    no_translate: bool = False  # kept in Latin script; the Arabic side defaults to the English
    fuzzy: bool = False

    def entry(self) -> Entry:
        english, arabic = self.english.strip(), self.arabic.strip()
        return Entry(
            english,
            arabic if not self.no_translate else (arabic or english),
            self.kind,
            self.note,
            tuple(self.forbidden),
            self.variant_of,
            fuzzy=self.fuzzy,
            no_translate=self.no_translate,
        )


def add_entry(workspace: Workspace, request: AddRequest, result: Result | None = None) -> Result:
    """Add a new entry; one already there is an error naming its file and line (never replaced)."""
    result = result if result is not None else Result()
    entry = request.entry()
    with edit_glossary(workspace.glossary_root()) as editing:  # the check and the write under one lock
        found = editing.find(entry.english)
        if found is not None:
            raise GlossaryError(
                _("{english!r} is already in the glossary").format(english=entry.english),
                path=found[0],
                line=found[1].line,
                hint=_("correct it with bilingual glossary set"),
            )
        editing.upsert(entry)
    result.item(entry.english, "added")
    result.say(_("added {english} → {arabic}").format(english=entry.english, arabic=entry.arabic))
    return result


@dataclass(frozen=True)
class SetRequest:
    english: str
    arabic: str
    kind: EntryKind | None = None
    note: str | None = None  # None: keep the note
    forbid_old: bool = False
    no_translate: bool | None = None  # None: keep it
    variants: bool = False  # respell the entries that hold this name too (else they are only listed)


def set_entry(workspace: Workspace, request: SetRequest, result: Result | None = None) -> Result:
    """Correct an entry's spelling (it becomes reviewed), optionally recording the old one as forbidden.

    The entries that hold the name (Khalifa Haftar with Haftar, or marked ``variant-of`` it) are
    listed with their new spelling, and respelled too with ``variants``: one article never ends
    with two spellings of one name.
    """
    result = result if result is not None else Result()
    root = workspace.glossary_root()
    arabic = request.arabic.strip()
    with edit_glossary(root) as editing:
        found = editing.find(request.english)
        if found is None:
            raise _no_entry(request.english, root)
        old = found[1]
        if arabic == old.arabic and request.kind is None and request.note is None and request.no_translate is None:
            result.item(old.english, "unchanged")
            result.say(_("{english} is already spelled {arabic}").format(english=old.english, arabic=arabic))
            return result
        forbidden = old.forbidden + ((old.arabic,) if request.forbid_old and old.arabic not in old.forbidden else ())
        entry = replace(
            set_arabic(old, arabic),
            kind=request.kind or old.kind,
            notes=old.notes if request.note is None else request.note,
            forbidden=tuple(f for f in forbidden if f != arabic),
            no_translate=old.no_translate if request.no_translate is None else request.no_translate,
        )
        editing.upsert(entry)
        moving = variants(editing.entries(), old, arabic) if arabic != old.arabic else []
        for other, new in moving:
            if request.variants:
                editing.upsert(set_arabic(other, new))
    result.item(old.english, "changed", f"{old.arabic} → {entry.arabic}")
    result.say(_("set {english}: {old} → {new}").format(english=old.english, old=old.arabic, new=entry.arabic))
    for other, new in moving:
        outcome = "changed" if request.variants else "variant"
        result.item(other.english, outcome, f"{other.arabic} → {new}")
        if request.variants:
            result.say(_("set {english}: {old} → {new}").format(english=other.english, old=other.arabic, new=new))
    if moving and not request.variants:
        result.warn(_("{n} entries hold this name too, not respelled (pass --variants to respell them): {list}").format(
            n=len(moving), list="; ".join(f"{o.english} ({o.arabic} → {new})" for o, new in moving)))  # fmt: skip
    result.counts["variants"] = len(moving)
    return result


@dataclass(frozen=True)
class RemoveRequest:
    english: str


def remove_entry(workspace: Workspace, request: RemoveRequest, result: Result | None = None) -> Result:
    result = result if result is not None else Result()
    root = workspace.glossary_root()
    with edit_glossary(root) as editing:
        removed = editing.remove(request.english)
    if removed is None:
        raise _no_entry(request.english, root)
    result.item(removed.english, "removed")
    result.say(_("removed {english}").format(english=removed.english))
    return result


@dataclass(frozen=True)
class GlossaryCheckRequest:
    fix: bool = False  # repair what can be repaired (characters), then check


def check_glossary(workspace: Workspace, request: GlossaryCheckRequest, result: Result | None = None) -> Result:
    """Every finding over the entries; errors fail the run (exit 6). With ``fix``, control characters
    and stray line breaks in comments, invisible characters and look-alike letters in names, and
    control or bidi characters in notes are repaired first, each repair said."""
    result = result if result is not None else Result()
    if request.fix:
        _repair(workspace.glossary_root(), result)
    gl = open_glossary(workspace, validate=False)
    findings = check_entries(gl.entries)
    for f in findings:
        result.data(str(f))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    result.counts["glossary_errors"] = errors
    result.counts["warnings"] = warnings
    result.say(
        _("{n} entries: {errors} errors, {warnings} warnings").format(n=len(gl), errors=errors, warnings=warnings)
    )
    return result


def _repair(root: Path, result: Result) -> None:
    if not root.exists():
        return
    with locked(root):  # the files as text first: a NUL in a comment stops any reader
        for path in po_files(root):
            try:
                raw = read_limited(path, limit=MAX_IMPORT_BYTES, error=GlossaryError).decode("utf-8")
            except (GlossaryError, UnicodeDecodeError):
                continue  # the check below names the problem
            text, lines = repair_po_text(raw)
            if lines:
                write_text(path, text)
                for line in lines:
                    result.item(str(path), "fixed", where=str(path), line=line)
                    result.data(
                        _("{path}:{line}: fixed: control characters or line breaks in a comment").format(
                            path=path, line=line
                        )
                    )
    with edit_glossary(root) as editing:
        for entry in editing.entries():
            fixed, said = repair_entry(entry)
            if not said:
                continue
            editing.remove(entry.english)
            editing.upsert(fixed)
            result.counts["fixed"] += 1
            for change in said:
                result.item(fixed.english, "fixed", change, where=entry.file, line=entry.line)
                result.data(_("fixed {english}: {change}").format(english=fixed.english, change=change))


@dataclass(frozen=True)
class TermsImportRequest:
    file: str
    format: str | None = None
    dry_run: bool = False
    quiet: bool = False


def import_terms(workspace: Workspace, request: TermsImportRequest, result: Result | None = None) -> Result:
    """Merge a spreadsheet, TBX or OmegaT glossary: fields a file lacks are kept; nothing is written
    when an incoming entry is invalid. ``dry_run`` reports exactly what the run would do."""
    result = result if result is not None else Result()
    data = read_limited(request.file, limit=MAX_IMPORT_BYTES, error=GlossaryError,
                        hint=_("split the file; a glossary of 100,000 names is about 10 MB"))  # fmt: skip
    incoming = term_format(request.file, request.format, head=data[:4096]).parse_terms(data, path=request.file)
    # Duplicates and conflicts inside the file are refused before anything is merged.
    bad = [f for f in check_set([i.entry for i in incoming]) if f.severity == "error"]
    if bad:
        raise GlossaryError(bad[0].message, path=request.file, line=bad[0].line, hint=_("nothing was imported"))
    labels = {"added": _("added"), "changed": _("changed"), "unchanged": _("unchanged")}
    for key in labels:
        result.counts[key] = 0
    done = []
    with edit_glossary(workspace.glossary_root()) as editing:
        for item, (outcome, entry, fields) in zip(incoming, merge_incoming(editing, incoming), strict=True):
            # Each entry is checked as it will be written: a field the file lacks keeps its value, so a
            # sheet without a no_translate column does not turn a Latin-kept name into an error.
            problems = [f for f in validate_entry(entry) if f.severity == "error"]
            if problems:
                raise GlossaryError(
                    problems[0].message, path=request.file, line=item.entry.line, hint=_("nothing was imported")
                )
            done.append((outcome, entry, fields))
            if outcome != "unchanged":
                editing.upsert(entry)
        if request.dry_run:
            editing.discard()
    for outcome, entry, fields in done:  # said once the whole import stood (or would stand)
        result.counts[outcome] += 1
        result.item(entry.english, outcome, ", ".join(fields))
        if not request.quiet and outcome != "unchanged":
            detail = f" ({', '.join(fields)})" if outcome == "changed" else ""
            result.data(f"{labels[outcome]}: {entry.english}{detail}")
    summary = _("{file}: {added} added, {changed} changed, {unchanged} unchanged").format(
        file=request.file, **{k: result.counts[k] for k in labels}
    )
    result.say(summary + (" " + _("(dry run: nothing was written)") if request.dry_run else ""))
    return result


@dataclass(frozen=True)
class TermsExportRequest:
    output: str
    format: str | None = None
    overwrite: bool = False
    stdout: BinaryIO | None = None


def export_terms(workspace: Workspace, request: TermsExportRequest, result: Result | None = None) -> Result:
    """Write the glossary in an exchange format; the write policy protects the glossary, the memory
    and any file that is not an earlier export of the same format."""
    result = result if result is not None else Result()
    terms = term_format(request.output, request.format)
    gl = open_glossary(workspace, validate=False)
    protected = workspace.protected()
    try:
        outputs.check(
            request.output,
            protected=protected,
            overwrite=request.overwrite,
            own=type(terms).is_own_output,
            what=_("an earlier {format} export of bilingual").format(format=terms.name),
        )
    except outputs.ProtectedFile as exc:  # a glossary file written over is a glossary problem (exit 4)
        raise GlossaryError(exc.message, path=exc.path, hint=exc.hint) from None
    outputs.write(request.output, terms.render_terms(gl.entries), stdout=request.stdout)
    result.wrote(request.output)
    result.counts["entries"] = len(gl)
    if request.output != outputs.STDOUT:
        result.say(_("exported {n} entries to {file}").format(n=len(gl), file=request.output))
    return result
