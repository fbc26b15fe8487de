"""Exchange with editors' tools: their files' units imported into the memory, or applied to a document.

What an editor did is decided by content, not by the flags a tool left: the memory (and the
document) know what the machine wrote for each source, so a target that differs from it is a
human edit whatever its state says, and a target equal to it stays machine text unless the
file approves it in so many words (XLIFF ``final``/``signed-off``/``reviewed``/``approved="yes"``,
a TMX status prop) or the user says so (``--approve-unchanged``, for PO files whose fuzzy flags
a tool cleared). Every unit not taken is counted with its reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bilingual.document import Document, Segment, SegmentStatus, TermMatch, is_human, text_version
from bilingual.errors import BilingualError, FormatError
from bilingual.formats import SNIFF_BYTES, Role, Skip, Unit, UnitFile, detect
from bilingual.fsutil import read_limited
from bilingual.i18n import _
from bilingual.memory.store import Memory, normalize
from bilingual.names.glossary import Glossary
from bilingual.names.locate import locate_terms
from bilingual.writer import is_copy_of_source, machine_text, write_target

SOURCE_LANGUAGE, TARGET_LANGUAGE = "en", "ar"
MAX_UNITS_BYTES = 256 << 20  # an exchange file (PO, XLIFF, TMX) of a whole archive


def read_units(path: str) -> UnitFile:
    """The units of an exchange file (PO, XLIFF 1.x/2, TMX), its format told by content, then extension.

    A file for another language pair is refused whole (nothing of it reaches the memory).
    """
    data = read_limited(path, limit=MAX_UNITS_BYTES, error=FormatError, hint=_("split the file into smaller ones"))
    try:
        fmt = detect(path, data[:SNIFF_BYTES], Role.UNITS)
    except BilingualError as exc:
        raise FormatError(exc.message, path=path, hint=exc.hint) from exc
    found = fmt.parse(data, path=path)
    for declared, wanted, side in (
        (found.source_lang, SOURCE_LANGUAGE, _("source")),
        (found.target_lang, TARGET_LANGUAGE, _("target")),
    ):
        codes = [c.strip() for c in declared.split(",") if c.strip()]
        if any(not _same_language(code, wanted) for code in codes):
            raise FormatError(
                _("the file's {side} language is {found}, not {wanted}").format(
                    side=side, found=declared, wanted=wanted
                ),
                path=path,
                hint=_("bilingual translates English into Arabic; nothing was imported"),
            )
    return found


def _same_language(code: str, wanted: str) -> bool:
    """``AR``, ``ar-EG``, ``ar_SA`` and ``ara`` are Arabic; ``arn`` is not."""
    primary = code.replace("_", "-").split("-")[0].lower()
    return primary == wanted or primary == {"en": "eng", "ar": "ara"}[wanted]


@dataclass
class ExchangeResult:
    """What an import or an apply did with each unit: the counts, and every unit it did not take."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)  # segment ids (apply)
    new_pairs: list[Skip] = field(default_factory=list)  # units whose source the editor changed: taken as new pairs
    conflicts: list[Skip] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    name_faults: list[Skip] = field(default_factory=list)  # edits taken with a missing name or a forbidden spelling

    def skip(self, unit_id: str, reason: str, line: int | None = None) -> None:
        self.skipped.append(Skip(unit_id, reason, line))

    def reasons(self) -> Counter[str]:
        return Counter(s.reason for s in self.skipped)


MACHINE_UNCHANGED = "machine text, unchanged (approve it in the file, or pass --approve-unchanged)"
MARKED_MACHINE = "marked unreviewed in the file and not changed from the machine text"
SOURCE_CHANGED = "the source was changed in the file: its translation is taken as a new pair"
COPY_OF_SOURCE = "the translation is a copy of the English source (a tool filled it in), not an edit"
NEWER_IN_DOCUMENT = "not changed in the file, and the document holds a newer text"
NEWER_EDIT = "the segment was edited in the document after this file was exported: both texts are kept, decide which"
SOURCE_ONLY_CHANGED = "the source was changed in the file but not its translation (the machine's, for the old source)"


def human_status(unit: Unit, machine: str, *, approve_unchanged: bool) -> SegmentStatus | None:
    """The status an editor's unit earns, or None when it is still machine text.

    *machine* is what the machine wrote for the source ("" when unknown).
    """
    if machine and unit.target == machine:
        if unit.explicit or (approve_unchanged and unit.status != "mt"):
            return "approved"
        return None
    if not machine and unit.status == "mt":
        return None  # nothing to compare with: the file's own word stands
    # An edit is an edit; it is an approval only where the file says so in so many words (a
    # cleared PO fuzzy flag is not: OmegaT clears them all).
    return "approved" if unit.explicit else "edited"


def _as_segment(unit: Unit, glossary: Glossary | None) -> Segment:
    """A unit as a segment of its own (for the checks of an import, which has no document)."""
    return Segment(unit.id, 0, len(unit.source), unit.source, unit.target, "edited",
                   _terms(unit.source, unit.target, glossary))  # fmt: skip


def _terms(source: str, target: str, glossary: Glossary | None) -> tuple[TermMatch, ...]:
    if glossary is None:
        return ()
    return locate_terms(source, target, glossary.find(source))


def import_units(
    found: UnitFile,
    memory: Memory,
    *,
    origin: str,
    glossary: Glossary | None = None,
    overwrite: bool = False,
    approve_unchanged: bool = False,
) -> ExchangeResult:
    """Store the editors' work in the memory; report every unit it does not take, with its reason."""
    result = ExchangeResult(skipped=list(found.skipped))
    fingerprint = glossary.fingerprint if glossary is not None else ""
    seen: dict[str, str] = {}
    for unit in found.units:
        if not unit.target.strip():
            result.skip(unit.id, "empty translation", unit.line)
            continue
        if is_copy_of_source(unit.source, unit.target) and not unit.explicit:
            result.skip(unit.id, COPY_OF_SOURCE, unit.line)
            continue
        key = normalize(unit.source)
        if key in seen and seen[key] != unit.target:
            result.skip(unit.id, "the same source again with another translation in this file", unit.line)
            continue
        seen[key] = unit.target
        hit = memory.get(unit.source)
        status = human_status(unit, hit.machine if hit is not None else "", approve_unchanged=approve_unchanged)
        near = memory.near(unit.source) if hit is None and status is None else None
        new_source = near is not None and near.target != unit.target and not memory.is_machine_text(unit.target)
        if new_source:
            # The editor changed the source (the memory knows it only as a near match) and wrote a target
            # no machine wrote: an edit of the new source, whatever state the tool left. Never dropped.
            status = "approved" if unit.explicit else "edited"
            result.new_pairs.append(Skip(unit.id, SOURCE_CHANGED, unit.line))
        if status is None:
            reason = MACHINE_UNCHANGED if hit is not None and hit.machine else MARKED_MACHINE
            result.skip(unit.id, SOURCE_ONLY_CHANGED if near is not None else reason, unit.line)
            continue
        outcome = memory.put(
            unit.source,
            unit.target,
            status,
            origin=origin,
            glossary_fingerprint=fingerprint,
            terms=_terms(unit.source, unit.target, glossary),
            overwrite=overwrite,
        )
        if outcome == "conflict":
            result.conflicts.append(Skip(unit.id, "the memory holds another approved translation", unit.line))
        else:
            setattr(result, outcome, getattr(result, outcome) + 1)
            if outcome != "unchanged":
                _name_faults(unit, _as_segment(unit, glossary), glossary, result)
    return result


def apply_units(
    doc: Document,
    found: UnitFile,
    *,
    glossary: Glossary | None = None,
    memory: Memory | None = None,
    approve_unchanged: bool = False,
) -> tuple[Document, ExchangeResult]:
    """Write the editors' corrections into *doc* (by segment id, else by source text), each through
    the one segment writer.

    The machine text a unit is compared with is the document's own (kept beside an editor's text),
    else what the memory knows. A unit exported from an older text of its segment (its ``base``)
    never replaces a newer editor's text: it is a conflict, listed with both texts. Corrections are
    also recorded in *memory*.
    """
    by_id = {seg.id: seg for seg in doc.segments()}
    by_source: dict[str, Segment] = {}
    for seg in doc.segments():
        by_source.setdefault(normalize(seg.source), seg)
    result = ExchangeResult(skipped=list(found.skipped))
    new: dict[str, Segment] = {}
    fingerprint = glossary.fingerprint if glossary is not None else ""
    for unit in found.units:
        match = by_id.get(unit.id)
        if match is None or normalize(match.source) != normalize(unit.source):
            match = by_source.get(normalize(unit.source))
        if match is None and unit.id in by_id:
            _source_changed(unit, by_id[unit.id], result, memory=memory, glossary=glossary)
            continue
        if match is None:
            result.skip(unit.id or unit.source[:40], "no segment of the document has this id or source", unit.line)
            continue
        seg = new.get(match.id, match)
        machine = machine_text(seg)
        if not machine and memory is not None:
            hit = memory.get(seg.source)
            machine = hit.machine if hit is not None else ""
        status = human_status(unit, machine, approve_unchanged=approve_unchanged)
        refused = _refusal(unit, seg, status, machine)
        if isinstance(refused, Skip):
            (result.conflicts if refused.texts is not None else result.skipped).append(refused)
            continue
        if refused == "unchanged" and status is not None:
            result.unchanged += 1
            if memory is not None:  # the document has it (an earlier apply): the memory must too
                memory.put(seg.source, unit.target, status, origin="apply", terms=seg.terms, overwrite=False,
                           glossary_fingerprint=fingerprint)  # fmt: skip
            continue
        try:
            written = write_target(seg, unit.target, glossary=glossary, by="editor", approve=status == "approved",
                                   machine=machine)  # fmt: skip
        except BilingualError as exc:
            result.skip(unit.id, exc.message, unit.line)
            continue
        new[seg.id] = written
        result.changed.append(seg.id)
        _name_faults(unit, written, glossary, result)
        if memory is not None:
            outcome = memory.put(seg.source, written.target, written.status, origin="apply", terms=written.terms,
                                 overwrite=False, glossary_fingerprint=fingerprint)  # fmt: skip
            if outcome == "conflict":
                result.conflicts.append(
                    Skip(unit.id, "applied to the document; the memory keeps its other approved translation", unit.line)
                )
    return doc.with_segments(new), result


def _refusal(unit: Unit, seg: Segment, status: SegmentStatus | None, machine: str) -> Skip | str | None:
    """Why *unit* is not written into *seg* (a Skip; one with both texts is a conflict), "unchanged", or None."""
    if not unit.target.strip():
        return Skip(unit.id, "empty translation", unit.line)
    if is_copy_of_source(seg.source, unit.target) and not unit.explicit:
        return Skip(unit.id, COPY_OF_SOURCE, unit.line)
    stale = bool(unit.base) and unit.base != text_version(seg.target)
    if stale and unit.base == text_version(unit.target):
        return Skip(unit.id, NEWER_IN_DOCUMENT, unit.line)  # not touched in the file; the document moved on
    if status is None:
        return Skip(unit.id, MACHINE_UNCHANGED if machine else MARKED_MACHINE, unit.line)
    if unit.target == seg.target and status == seg.status:
        return "unchanged"
    if stale and is_human(seg.status) and unit.target != seg.target:
        return Skip(unit.id, NEWER_EDIT, unit.line, texts=(seg.target, unit.target))
    if seg.status == "approved" and unit.target != seg.target and status != "approved":
        return Skip(unit.id, "the document holds another approved translation", unit.line,
                    texts=(seg.target, unit.target))  # fmt: skip
    return None


def _name_faults(unit: Unit, seg: Segment, glossary: Glossary | None, result: ExchangeResult) -> None:
    """List an editor's text taken with a name missing or a forbidden spelling (it is taken: their decision)."""
    if glossary is None:
        return
    from bilingual.checks import NAME_FAULTS, check_segment

    for finding in check_segment(seg, glossary=glossary, qa=False):
        if finding.check in NAME_FAULTS:
            result.name_faults.append(Skip(unit.id, finding.message, unit.line))


def _source_changed(
    unit: Unit, seg: Segment, result: ExchangeResult, *, memory: Memory | None, glossary: Glossary | None
) -> None:
    """A unit of the document's segment whose source the editor changed: a changed target is an edit
    of the new source, recorded in the memory as a new pair and listed (the document's own source
    is the article's, so its segment stays as it is); an unchanged target is listed as not taken."""
    if not unit.target.strip() or unit.target == seg.target:
        result.skip(unit.id, SOURCE_ONLY_CHANGED, unit.line)
        return
    result.new_pairs.append(Skip(unit.id, SOURCE_CHANGED, unit.line))
    if memory is not None:
        memory.put(
            unit.source,
            unit.target,
            "approved" if unit.explicit else "edited",
            origin="apply",
            terms=_terms(unit.source, unit.target, glossary),
            overwrite=False,
            glossary_fingerprint=glossary.fingerprint if glossary is not None else "",
        )


def unapplied(doc: Document, found: UnitFile) -> int:
    """How many units of an editors' file the document does not hold yet: edits and conflicts that
    ``apply`` would bring in or report (machine text left as it was does not count)."""
    _doc, result = apply_units(doc, found)
    return len(result.changed) + len(result.conflicts) + len(result.new_pairs)
