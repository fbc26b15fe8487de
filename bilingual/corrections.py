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
from dataclasses import dataclass, field, replace

from bilingual.document import Comment, Document, Segment, SegmentStatus, TermMatch, is_human, text_version
from bilingual.errors import BilingualError, FormatError
from bilingual.formats import SNIFF_BYTES, Role, Skip, Unit, UnitFile, detect
from bilingual.fsutil import read_limited
from bilingual.i18n import _
from bilingual.joins import Runs
from bilingual.memory.store import Memory, normalize
from bilingual.names.glossary import Glossary
from bilingual.names.locate import locate_terms
from bilingual.writer import is_copy_of_source, joined, machine_text, with_joined, write_target

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
    joined: list[Skip] = field(default_factory=list)  # units that covered several segments: those segments joined
    notices: list[str] = field(default_factory=list)  # what the reader had to assume (a PO header a tool emptied)
    comments: list[Comment] = field(default_factory=list)  # editors' comments, placed on segments (apply)

    def skip(self, unit_id: str, reason: str, line: int | None = None) -> None:
        self.skipped.append(Skip(unit_id, reason, line))

    def reasons(self) -> Counter[str]:
        return Counter(s.reason for s in self.skipped)


MACHINE_UNCHANGED = "machine text, unchanged (approve it in the file, or pass --approve-unchanged)"
MARKED_MACHINE = "marked unreviewed in the file and not changed from the machine text"
NO_MACHINE_KNOWN = (
    "marked unreviewed in the file, and the memory knows no machine text for this source to tell an edit by "
    "(approve it in the file, or import the file it was exported from first)"
)
JOINED = "covers segments {ids}: joined into one segment holding this translation"
JOINED_ELSEWHERE = "segment {id} was joined into {first} by another unit of this file, whose translation covers it"
JOINED_APPROVED = "joins segments the document holds approved ({ids}): both texts are kept, decide which"
JOINED_EDIT = (
    "an edit of segment {id}, which another unit of this file joins into {first}: both texts are kept, decide which"
)
SOURCE_CHANGED = "the source was changed in the file: its translation is taken as a new pair"
COPY_OF_SOURCE = "the translation is a copy of the English source (a tool filled it in), not an edit"
NEWER_IN_DOCUMENT = "not changed in the file, and the document holds a newer text"
NEWER_EDIT = "the segment was edited in the document after this file was exported: both texts are kept, decide which"
SOURCE_ONLY_CHANGED = "the source was changed in the file but not its translation (the machine's, for the old source)"


def kept_as_is(source: str) -> bool:
    """Whether *source* is something a translator may approve as it stands: no English word to
    translate (figures, codes, acronyms such as BBC or U.N.), only letters in capitals."""
    return not any(ch.islower() for ch in source if ch.isascii())


def _copied(source: str, unit: Unit) -> bool:
    """Whether *unit*'s target is its English source copied over, and not an edit: whatever state the
    file gives it (OmegaT and Translate Toolkit fill untouched units with the source), unless the
    file approves it in so many words and there is nothing in it to translate."""
    return is_copy_of_source(source, unit.target) and not (unit.explicit and kept_as_is(source))


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
    result = ExchangeResult(skipped=list(found.skipped), notices=list(found.notices))
    fingerprint = glossary.fingerprint if glossary is not None else ""
    seen: dict[str, str] = {}
    for unit in found.units:
        if not unit.target.strip():
            result.skip(unit.id, "empty translation", unit.line)
            continue
        if _copied(unit.source, unit):
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
        if status is None and hit is None and near is None and _changed_since_export(unit, memory):
            # Our own unit (it carries the text it was exported with) whose target an editor changed,
            # for a source the memory does not know: rewritten whole, a new pair; else a plain edit.
            status = "approved" if unit.explicit else "edited"
            if _rewritten(unit):
                result.new_pairs.append(Skip(unit.id, SOURCE_CHANGED, unit.line))
        if status is None:
            if near is not None:
                reason = SOURCE_ONLY_CHANGED
            elif hit is not None:
                reason = MACHINE_UNCHANGED if hit.machine else MARKED_MACHINE
            else:
                reason = NO_MACHINE_KNOWN
            result.skip(unit.id, reason, unit.line)
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


def _changed_since_export(unit: Unit, memory: Memory) -> bool:
    """Whether *unit* was exported by us and its target changed since, to a text no machine wrote."""
    return bool(unit.base) and unit.base != text_version(unit.target) and not memory.is_machine_text(unit.target)


def _rewritten(unit: Unit) -> bool:
    """Whether the editor rewrote *unit*'s English (told by the digest we exported it with; a unit
    of an older export, without one, is taken as rewritten when the memory knows no source like it)."""
    return unit.source_base != text_version(unit.source) if unit.source_base else True


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
    result = ExchangeResult(skipped=list(found.skipped), notices=list(found.notices))
    fingerprint = glossary.fingerprint if glossary is not None else ""
    joins, covering = _joins(doc, found, by_id, by_source, result, glossary=glossary,
                             approve_unchanged=approve_unchanged)  # fmt: skip
    absorbed = {s.id: run[0].id for run, _seg, _unit in joins for s in run}
    _place_comments(found, by_id, by_source, absorbed, result)
    new: dict[str, Segment] = {}
    for n, unit in enumerate(found.units):
        if n in covering:  # joined, or its join refused with a reason
            continue
        match = by_id.get(unit.id)
        if match is None or normalize(match.source) != normalize(unit.source):
            match = by_source.get(normalize(unit.source))
        if match is not None and match.id in absorbed:
            _absorbed(unit, match, absorbed[match.id], result)
            continue
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
        _taken(unit, written, result, memory, glossary)
    doc = doc.with_segments(new)
    for run, seg, unit in joins:
        doc = with_joined(doc, run, seg)
        _taken(unit, seg, result, memory, glossary)
    return doc, result


def _place_comments(found: UnitFile, by_id: dict[str, Segment], by_source: dict[str, Segment],
                    absorbed: dict[str, str], result: ExchangeResult) -> None:  # fmt: skip
    """Each unit's comments on its segment (by id, else English; joined: the joined one), or said as not kept."""
    lost = 0
    for unit in found.units:
        seg = by_id.get(unit.id) or by_source.get(normalize(unit.source))
        if seg is None:
            lost += len(unit.comments)
            continue
        result.comments += [replace(c, segment=absorbed.get(seg.id, seg.id)) for c in unit.comments]
    if lost:
        result.notices.append(_("{n} comments on units matching no segment were not kept").format(n=lost))


def _taken(
    unit: Unit, written: Segment, result: ExchangeResult, memory: Memory | None, glossary: Glossary | None
) -> None:
    """An editor's text written into the document: counted, its names checked, recorded in the memory."""
    result.changed.append(written.id)
    _name_faults(unit, written, glossary, result)
    if memory is not None:
        outcome = memory.put(written.source, written.target, written.status, origin="apply", terms=written.terms,
                             overwrite=False, glossary_fingerprint=glossary.fingerprint if glossary else "")  # fmt: skip
        if outcome == "conflict":
            result.conflicts.append(
                Skip(unit.id, "applied to the document; the memory keeps its other approved translation", unit.line)
            )


def _joins(
    doc: Document,
    found: UnitFile,
    by_id: dict[str, Segment],
    by_source: dict[str, Segment],
    result: ExchangeResult,
    *,
    glossary: Glossary | None,
    approve_unchanged: bool,
) -> tuple[list[tuple[list[Segment], Segment, Unit]], set[int]]:
    """The units that cover two or more consecutive segments, each with its run and the joined segment
    holding its translation, and the positions of every such unit in the file (one whose join is
    refused is listed with its reason)."""
    runs = Runs(doc)
    taken: list[tuple[list[Segment], Segment, Unit]] = []
    claimed: set[str] = set()
    covering: set[int] = set()
    for n, unit in enumerate(found.units):
        own = by_id.get(unit.id)
        if normalize(unit.source) in by_source or (own is not None and normalize(own.source) == normalize(unit.source)):
            continue
        run = runs.covering(unit.source)
        if run is None or any(s.id in claimed for s in run):
            continue
        covering.add(n)
        machine = joined(doc, run)
        approved = [s for s in run if s.status == "approved"]
        status = human_status(unit, machine.target, approve_unchanged=approve_unchanged)
        refused = _refusal(unit, replace(machine, target=run[0].target, status=run[0].status), status, machine.target)
        if isinstance(refused, Skip) or refused == "unchanged":
            (result.conflicts if isinstance(refused, Skip) and refused.texts else result.skipped).append(
                refused if isinstance(refused, Skip) else Skip(unit.id, MACHINE_UNCHANGED, unit.line)
            )
            continue
        if approved and not unit.explicit:
            texts = (" ".join(s.target for s in run), unit.target)
            result.conflicts.append(Skip(unit.id, JOINED_APPROVED.format(ids=", ".join(s.id for s in approved)),
                                         unit.line, texts=texts))  # fmt: skip
            continue
        try:
            seg = write_target(machine, unit.target, glossary=glossary, by="editor", approve=status == "approved",
                               machine=machine.target)  # fmt: skip
        except BilingualError as exc:
            result.skip(unit.id, exc.message, unit.line)
            continue
        claimed.update(s.id for s in run)
        taken.append((run, seg, unit))
        result.joined.append(Skip(unit.id, JOINED.format(ids=" + ".join(s.id for s in run)), unit.line))
    return taken, covering


def _absorbed(unit: Unit, seg: Segment, first: str, result: ExchangeResult) -> None:
    """A unit of a segment that another unit of the file joined: its own text is taken only by a
    decision (an edit of it is kept beside the joined one, as a conflict)."""
    if unit.target.strip() in ("", seg.target.strip(), machine_text(seg).strip()) or is_copy_of_source(
        seg.source, unit.target
    ):
        result.skip(unit.id, JOINED_ELSEWHERE.format(id=seg.id, first=first), unit.line)
        return
    result.conflicts.append(
        Skip(unit.id, JOINED_EDIT.format(id=seg.id, first=first), unit.line, texts=(seg.target, unit.target))
    )


def _refusal(unit: Unit, seg: Segment, status: SegmentStatus | None, machine: str) -> Skip | str | None:
    """Why *unit* is not written into *seg* (a Skip; one with both texts is a conflict), "unchanged", or None."""
    if not unit.target.strip():
        return Skip(unit.id, "empty translation", unit.line)
    if _copied(seg.source, unit):
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
