"""Editors' corrections: import PO/XLIFF/TMX files into the memory, or apply one to an aligned document."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bilingual import outputs
from bilingual.corrections import ExchangeResult, apply_units, import_units, read_units
from bilingual.errors import InputError
from bilingual.formats import Skip
from bilingual.i18n import _
from bilingual.jobs.comments import merge_comments
from bilingual.jobs.result import Result
from bilingual.memory.store import open_memory
from bilingual.workspace import Workspace
from bilingual.writer import changing, write_document

REPORT_HEADER = "file\tline\tunit\treason\n"


@dataclass(frozen=True)
class ImportRequest:
    """Import editors' files into the translation memory."""

    files: tuple[str, ...]
    overwrite: bool = False  # let an approved target in a file replace another approved one
    approve_unchanged: bool = False
    verbose: bool = False
    report: str | None = None  # a TSV of every unit not taken
    overwrite_report: bool = False


@dataclass(frozen=True)
class ApplyRequest:
    """Write an editor's corrections into an aligned document (and record them in the memory)."""

    document: str
    corrections: str
    output: str | None = None  # None: in place; a folder: under the document's name
    overwrite: bool = False
    approve_unchanged: bool = False
    verbose: bool = False
    report: str | None = None
    overwrite_report: bool = False
    stdout: BinaryIO | None = None


def is_report(data: bytes) -> bool:
    """An earlier report of units not taken: its header line is ours."""
    return data.startswith(REPORT_HEADER.encode())


def import_corrections(workspace: Workspace, request: ImportRequest, result: Result | None = None) -> Result:
    """Store the editors' work in the memory; every unit not taken is counted with its reason."""
    result = result if result is not None else Result()
    glossary = workspace.glossary()
    protected = workspace.protected(request.files)
    if request.report:
        outputs.check(
            request.report,
            protected=protected,
            overwrite=request.overwrite_report,
            own=is_report,
            what=_("an earlier report of bilingual"),
        )
    # Read every file first: a malformed file or one for another language stops the run before
    # anything is written to the memory.
    found = [(path, read_units(path)) for path in request.files]
    rows: list[str] = []
    with open_memory(workspace.memory_path) as memory:  # an import is into the memory, --no-memory or not
        for path, units in found:
            done = import_units(
                units,
                memory,
                origin=f"import:{Path(path).name}",
                glossary=glossary,
                overwrite=request.overwrite,
                approve_unchanged=request.approve_unchanged,
            )
            for key in ("added", "updated", "unchanged"):
                result.counts[key] += getattr(done, key)
            result.data(
                _(
                    "{file}: {added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts, "
                    "{skipped} not taken, {faults} with names not as the glossary writes them"
                ).format(
                    file=path,
                    added=done.added,
                    updated=done.updated,
                    unchanged=done.unchanged,
                    conflicts=len(done.conflicts),
                    skipped=len(done.skipped),
                    faults=len(done.name_faults),
                )
            )
            for conflict in done.conflicts:
                result.data(_("  conflict: {id}: {reason}").format(id=conflict.id, reason=conflict.reason))
            _tell(path, done, result, verbose=request.verbose, rows=rows)
    _write_report(request.report, rows, result)
    return result


def apply_corrections(workspace: Workspace, request: ApplyRequest, result: Result | None = None) -> Result:
    """Write the corrections into the document, in one go: the memory and the document agree."""
    result = result if result is not None else Result()
    target = outputs.output_path(request.output, request.document)
    glossary = workspace.glossary()
    protected = workspace.protected((request.corrections,))
    same = target != outputs.STDOUT and Path(target).resolve() == Path(request.document).resolve()
    # checked before anything is written, the memory included; the document itself is rewritten in place
    outputs.check(
        target, protected=protected, overwrite=request.overwrite or same, what=_("the document being corrected")
    )
    if request.report:
        outputs.check(
            request.report,
            protected=outputs.Protected(
                protected.memory, protected.glossary, (request.document, request.corrections, target)
            ),
            overwrite=request.overwrite_report,
            own=is_report,
            what=_("an earlier report of bilingual"),
        )
    found = read_units(request.corrections)
    # One writer at a time: the document is read once, inside its lock (another apply, a desk save or
    # a translate that finished meanwhile is what this one corrects; a damaged document is refused
    # before the memory is opened), changed and written before the lock is let go. The memory takes
    # every correction in one transaction, committed before the document is written: a kill leaves
    # both as they were, or the memory ahead of the document, which the same apply run again brings level.
    with changing(request.document) as change:
        doc = change.document
        if doc is None:
            raise InputError(_("no such file"), path=request.document)
        with workspace.memory() as memory, memory.transaction() if memory is not None else contextlib.nullcontext():
            doc, done = apply_units(
                doc, found, glossary=glossary, memory=memory, approve_unchanged=request.approve_unchanged
            )
        if same:
            change.write(doc)
        else:
            write_document(target, doc, stdout=request.stdout)
    result.wrote(target)
    _keep_comments(target, done, result, origin=Path(request.corrections).name)
    result.counts["changed"] += len(done.changed)
    result.counts["unchanged"] += done.unchanged
    result.say(
        _(
            "{n} segments updated in {doc}, {unchanged} unchanged, {conflicts} conflicts, {skipped} not taken, "
            "{faults} with names not as the glossary writes them"
        ).format(
            n=len(done.changed),
            doc=target,
            unchanged=done.unchanged,
            conflicts=len(done.conflicts),
            skipped=len(done.skipped),
            faults=len(done.name_faults),
        )
    )
    rows: list[str] = []
    _tell(request.corrections, done, result, verbose=request.verbose, rows=rows)
    _write_report(request.report, rows, result)
    return result


def _keep_comments(target: str, done: ExchangeResult, result: Result, *, origin: str) -> None:
    """The editors' comments the file carried, kept beside the document written (said when there is
    no document file to keep them beside)."""
    if not done.comments:
        return
    if target == outputs.STDOUT:
        result.warn(_("{n} comments in the file were not kept: the document went to standard output").format(
            n=len(done.comments)))  # fmt: skip
        return
    added, resolved = merge_comments(target, done.comments, origin=origin)
    result.counts["comments"] += added
    result.say(_("{added} comments added beside {doc}, {resolved} resolved").format(
        added=added, doc=target, resolved=resolved))  # fmt: skip


def _tell(path: str, done: ExchangeResult, result: Result, *, verbose: bool, rows: list[str]) -> None:
    """The reasons counted (always), and each unit not taken (verbose, and the report's rows)."""
    for notice in done.notices:
        result.data(_("  {file}: {notice}").format(file=path, notice=notice))
    for reason, n in sorted(done.reasons().items()):
        result.data(_("  {n} not taken: {reason}").format(n=n, reason=reason))
    for seg_id in done.changed:
        result.item(seg_id, "changed", where=path)
    for pair in done.new_pairs:  # always listed: the editor changed a source, and should see it was taken
        result.item(pair.id, "new pair", pair.reason, where=path, line=pair.line)
        where = f"{path}:{pair.line}" if pair.line else path
        result.data(_("  {where}: {id}: {reason}").format(where=where, id=pair.id, reason=pair.reason))
    result.counts["new_pairs"] += len(done.new_pairs)
    for join in done.joined:  # always listed: the document's segments changed shape
        result.item(join.id, "joined", join.reason, where=path, line=join.line)
        where = f"{path}:{join.line}" if join.line else path
        result.data(_("  {where}: {id}: {reason}").format(where=where, id=join.id, reason=join.reason))
    result.counts["joined"] += len(done.joined)
    for skip in done.conflicts:
        result.item(skip.id, "conflict", skip.reason, where=path, line=skip.line)
    for skip in done.skipped:
        result.item(skip.id, "skipped", skip.reason, where=path, line=skip.line)
    for skip in [*done.conflicts, *done.skipped]:
        where = f"{path}:{skip.line}" if skip.line else path
        rows.append(f"{path}\t{skip.line or ''}\t{skip.id}\t{_one_line(skip)}")
        if verbose:
            result.data(_("  {where}: {id}: {reason}").format(where=where, id=skip.id, reason=skip.reason))
    for skip in done.conflicts:  # always listed, with both texts: an editor's decision is never dropped unseen
        if skip.texts is not None:
            result.data(_("  conflict {id}: in the document: {theirs}").format(id=skip.id, theirs=skip.texts[0]))
            result.data(_("  conflict {id}: in the file: {mine}").format(id=skip.id, mine=skip.texts[1]))
    for fault in done.name_faults:  # taken (the editor's decision), but said
        where = f"{path}:{fault.line}" if fault.line else path
        result.item(fault.id, "name fault", fault.reason, where=path, line=fault.line)
        result.data(_("  {where}: {id}: taken with {reason}").format(where=where, id=fault.id, reason=fault.reason))
    result.counts["conflicts"] += len(done.conflicts)
    result.counts["skipped"] += len(done.skipped)
    result.counts["name_faults"] += len(done.name_faults)


def _one_line(skip: Skip) -> str:
    """A report row's reason, with a conflict's two texts (tabs and line breaks folded)."""
    if skip.texts is None:
        return skip.reason
    theirs, mine = (" ".join(t.split()) for t in skip.texts)
    return f"{skip.reason} | document: {theirs} | file: {mine}"


def _write_report(path: str | None, rows: list[str], result: Result) -> None:
    if path:
        outputs.write(path, (REPORT_HEADER + "".join(r + "\n" for r in rows)).encode("utf-8"))
        result.wrote(path)
        result.say(_("wrote {path}").format(path=path))
