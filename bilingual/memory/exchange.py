"""Exchange with editors' tools: their files' units imported into the memory, or applied to a document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from bilingual.document import Document, Segment, SegmentStatus
from bilingual.errors import BilingualError, FormatError
from bilingual.formats import SNIFF_BYTES, Role, Unit, detect
from bilingual.i18n import _


def read_units(path: str) -> list[Unit]:
    """The units of an exchange file (PO, XLIFF 1.2/2, TMX), its format told by content, then extension."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise FormatError(_("no such file"), path=path) from exc
    except OSError as exc:
        raise FormatError(_("cannot read: {error}").format(error=exc.strerror), path=path) from exc
    try:
        fmt = detect(path, data[:SNIFF_BYTES], Role.UNITS)
    except BilingualError as exc:
        raise FormatError(exc.message, path=path, hint=exc.hint) from exc
    return fmt.parse(data, path=path)


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (unit id, source)


def import_units(units: list[Unit], memory, *, origin: str, glossary=None, overwrite: bool = False) -> ImportResult:
    """Store the editors' units (edited, approved) in the memory.

    Units still marked as machine output (fuzzy PO entries, initial XLIFF states) are not
    corrections and are skipped; an approved target never silently replaces another.
    """
    result = ImportResult()
    fingerprint = glossary.fingerprint if glossary is not None else ""
    for unit in units:
        if not unit.target.strip() or unit.status == "mt":
            result.unchanged += 1  # untranslated or still machine output: not a correction
            continue
        terms = []
        if glossary is not None:
            from bilingual.names.restore import check_terms

            _, found = check_terms(unit.source, unit.target, glossary.find(unit.source))
            terms = list(found)
        outcome = memory.put(unit.source, unit.target, unit.status, origin=origin,
                             glossary_fingerprint=fingerprint, terms=terms, overwrite=overwrite)
        if outcome == "conflict":
            result.conflicts.append((unit.id, unit.source))
        else:
            setattr(result, outcome, getattr(result, outcome) + 1)
    return result


@dataclass
class ApplyResult:
    changed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def apply_units(doc: Document, units: list[Unit], *, glossary=None) -> tuple[Document, ApplyResult]:
    """Write corrected targets back into *doc*, matching by segment id and source text."""
    from bilingual.names.restore import check_terms

    by_id = {seg.id: seg for seg in doc.segments()}
    by_source: dict[str, Segment] = {}
    for seg in doc.segments():
        by_source.setdefault(" ".join(seg.source.split()), seg)
    result = ApplyResult()
    new = {}
    for unit in units:
        found = by_id.get(unit.id)
        if found is None or " ".join(found.source.split()) != " ".join(unit.source.split()):
            found = by_source.get(" ".join(unit.source.split()))
        if found is None:
            result.unmatched.append(unit.id or unit.source[:40])
            continue
        seg = found
        if unit.status == "mt" or (unit.target == seg.target and seg.status != "mt"):
            continue
        status: SegmentStatus = "approved" if unit.status == "approved" else "edited"
        if unit.target == seg.target and status == seg.status:
            continue
        matches = glossary.find(seg.source) if glossary is not None else []
        target, terms = check_terms(seg.source, unit.target, matches) if matches else (unit.target, ())
        new[seg.id] = replace(seg, target=target, status=status, terms=terms)
        result.changed.append(seg.id)
    return doc.with_segments(new), result
