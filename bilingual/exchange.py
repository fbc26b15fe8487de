"""Exchange with other tools: detect a file's format, import it into the memory, apply it to a document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from bilingual.document import Document
from bilingual.errors import FormatError
from bilingual.formats import Unit, get_format


def detect_format(path: str, data: bytes) -> str:
    """po, tmx, xliff (1.2) or xliff2, from the extension and, for XLIFF, the version attribute."""
    lower = path.lower()
    if lower.endswith(".po"):
        return "po"
    if lower.endswith(".tmx"):
        return "tmx"
    if lower.endswith((".xlf", ".xliff", ".sdlxliff", ".mqxliff")):
        head = data[:2000].decode("utf-8", "replace")
        return "xliff2" if 'version="2' in head or "version='2" in head else "xliff"
    raise FormatError("cannot tell the format from the extension", path=path,
                      hint="use a .po, .tmx, .xlf or .xliff file")


def read_units(path: str) -> list[Unit]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise FormatError("no such file", path=path) from exc
    return get_format(detect_format(path, data)).parse(data, path=path)


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
            from bilingual.masking import check_terms

            _, found = check_terms(unit.source, unit.target, glossary.find(unit.source))
            terms = [(t.entry, t.target, t.status) for t in found]
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
    from bilingual.masking import check_terms

    by_id = {seg.id: seg for seg in doc.segments()}
    by_source = {}
    for seg in doc.segments():
        by_source.setdefault(" ".join(seg.source.split()), seg)
    result = ApplyResult()
    new = {}
    for unit in units:
        seg = by_id.get(unit.id)
        if seg is None or " ".join(seg.source.split()) != " ".join(unit.source.split()):
            seg = by_source.get(" ".join(unit.source.split()))
        if seg is None:
            result.unmatched.append(unit.id or unit.source[:40])
            continue
        if unit.status == "mt" or (unit.target == seg.target and seg.status != "mt"):
            continue
        status = "approved" if unit.status == "approved" else "edited"
        if unit.target == seg.target and status == seg.status:
            continue
        matches = glossary.find(seg.source) if glossary is not None else []
        target, terms = check_terms(seg.source, unit.target, matches) if matches else (unit.target, ())
        new[seg.id] = replace(seg, target=target, status=status, terms=terms)
        result.changed.append(seg.id)
    return doc.with_segments(new), result
