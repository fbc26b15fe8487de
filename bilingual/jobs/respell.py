"""Respelling a name in every document of the desk's folder: a preview first, then the glossary and
each segment that holds the name (or an entry that moves with it) rewritten at its stored spans."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bilingual.errors import InputError
from bilingual.i18n import _
from bilingual.jobs.desk import list_documents, read_path, remember, state_file
from bilingual.jobs.glossary import SetRequest, set_entry
from bilingual.jobs.history import append_history
from bilingual.jobs.result import Result
from bilingual.names.edit import variants
from bilingual.names.glossary import Glossary
from bilingual.translation.reuse import respell
from bilingual.workspace import Workspace
from bilingual.writer import changing, write_target


@dataclass(frozen=True)
class RespellRequest:
    english: str
    arabic: str
    forbid_old: bool = False
    apply: bool = False  # False: only say what would change


def respell_everywhere(workspace: Workspace, request: RespellRequest, result: Result | None = None) -> Result:
    """Which segments of which documents a new spelling changes; with ``apply``, the glossary is set and
    each of them is rewritten at the name's stored spans (editors' text included), and recorded."""
    result = result if result is not None else Result()
    glossary = workspace.glossary()
    entry = glossary.get(request.english) if glossary is not None else None
    if glossary is None or entry is None:
        raise InputError(_("no entry {english!r}").format(english=request.english), path=workspace.glossary_root())
    moving = variants(glossary.entries, entry, request.arabic)  # Khalifa Haftar moves with Haftar
    spellings = {entry.english: (entry.arabic, request.arabic), **{o.english: (o.arabic, new) for o, new in moving}}
    for other, new in moving:
        result.item(other.english, "variant", other.arabic + " → " + new)
    result.counts["variants"] = len(moving)
    affected: dict[str, list[str]] = {}
    # the glossary as it will be, for each sentence's text after (nothing is written for a preview)
    spelled = Glossary([replace(e, arabic=spellings[e.english][1]) if e.english in spellings else e
                        for e in glossary.entries])  # fmt: skip
    for summary in list_documents(workspace.folder):
        doc = read_path(str(Path(workspace.folder).resolve() / summary.name))
        hit = [(s, t) for s in doc.segments() for t in s.terms if t.entry in spellings and t.enforced]
        ids = list(dict.fromkeys(s.id for s, _t in hit))
        if ids:
            affected[summary.name] = ids
            for seg, term in hit:
                old, new = spellings[term.entry]
                result.item(seg.id, "to respell", old + " → " + new, where=summary.name)
            for seg in (s for s in doc.segments() if s.id in ids):
                result.item(seg.id, "before", seg.target, where=summary.name)
                result.item(seg.id, "after", respell(seg.target, seg.terms, spelled), where=summary.name)
    result.counts["documents"] = len(affected)
    result.counts["segments"] = sum(len(ids) for ids in affected.values())
    if not request.apply:
        return result
    logs = {
        name: state_file(Path(workspace.folder) / name, "history", ".jsonl") for name in affected
    }  # all refused first
    set_entry(workspace, SetRequest(request.english, request.arabic, forbid_old=request.forbid_old, variants=True))
    glossary = workspace.glossary()
    assert glossary is not None
    with workspace.memory() as memory:
        for name, ids in affected.items():
            path = Path(workspace.folder).resolve() / name
            with changing(str(path), read=read_path) as change:
                current = change.document
                if current is None:
                    continue
                changed = {}
                for seg in current.segments():
                    if seg.id not in ids:
                        continue
                    written = write_target(seg, respell(seg.target, seg.terms, glossary), glossary=glossary,
                                           by="glossary")  # fmt: skip
                    if written == seg:
                        continue
                    changed[seg.id] = written
                    append_history(logs[name], seg.id, before=(seg.target, seg.status),
                             after=(written.target, written.status), who="respell")  # fmt: skip
                    if memory is not None:
                        memory.put(seg.source, written.target, seg.status, origin="desk:respell",
                                   terms=written.terms, overwrite=True,
                                   glossary_fingerprint=glossary.fingerprint)  # fmt: skip
                if changed:
                    change.write(current.with_segments(changed))
                    remember(path, change.written or current)
            result.wrote(str(path))
    result.say(_("{english}: {n} segments respelled in {docs} documents").format(
        english=entry.english, n=result.counts["segments"], docs=result.counts["documents"]))  # fmt: skip
    return result
