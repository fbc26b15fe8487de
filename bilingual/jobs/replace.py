"""Search and replace across a document or the whole folder, as use cases: a preview of every change,
the replacement applied through the one segment writer, and one undo for all of it.

- Search looks in the Arabic (``where="target"``) or the English (``"source"``), as plain text or a
  regular expression, matching case or not. Replacing works in the Arabic only: the English is the
  article's (as in OmegaT and Weblate).
- The preview lists each segment's text before and after, its status after (an approved segment
  replaced becomes an edit, to be approved again) and the names the new text no longer holds.
- Applying names what the preview showed (each segment's version): a segment changed since is left
  as it is and listed, never overwritten. Each document is rewritten once, under its lock, through
  :func:`bilingual.writer.write_target` (names located again), each change recorded in its history
  with the replacement's id and in the memory.
- Undo puts back, in every document, each segment the replacement changed, unless it was changed
  again since (listed, kept).

A regular expression runs with a time limit per segment (the ``regex`` package): a pattern that
would take minutes on one sentence is refused, not left running on the server.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilingual.errors import InputError
from bilingual.i18n import _
from bilingual.jobs.desk import (
    SUFFIX,
    document_path,
    history,
    read_path,
    remember,
    segment_version,
    state_file,
)
from bilingual.jobs.history import append_history
from bilingual.jobs.result import Result
from bilingual.workspace import Workspace
from bilingual.writer import changing, check_writable, write_target

MAX_CHANGES = 20_000  # a preview larger than this is refused: narrow the search
REGEX_SECONDS = 0.5  # per segment


@dataclass(frozen=True)
class ReplaceRequest:
    find: str
    replacement: str | None = None  # None: a search, nothing to replace
    documents: tuple[str, ...] = ()  # names in the folder; (): every document of the folder
    regex: bool = False
    case: bool = False
    where: str = "target"  # target | source
    who: str = ""


@dataclass(frozen=True)
class Change:
    document: str
    segment: str
    source: str
    before: str
    after: str  # == before for a search
    status: str  # the segment's status now
    status_after: str
    version: str  # the segment's version the preview saw
    names_lost: tuple[str, ...] = ()  # glossary names the new text no longer holds


@dataclass
class Replaced:
    batch: str
    changed: list[Change] = field(default_factory=list)
    left: list[tuple[str, str, str]] = field(default_factory=list)  # (document, segment, why)


def _matcher(request: ReplaceRequest) -> Callable[[str], Any]:
    """What finds the pattern in a text (its ``search`` and ``sub``), or a one-line error."""
    if not request.find:
        raise InputError(_("say what to search for"), path="replace")
    if request.where not in ("target", "source"):
        raise InputError(_("search in target or source"), path="replace")
    if request.where == "source" and request.replacement is not None:
        raise InputError(_("the English is the article's: replace works in the Arabic"), path="replace",
                         hint=_("search the English, then edit the Arabic of what it finds"))  # fmt: skip
    try:
        import regex as engine
    except ImportError:  # the serve extra brings it; the command line without it uses re, without a time limit
        engine = re
    flags = 0 if request.case else engine.IGNORECASE
    try:
        pattern = engine.compile(request.find if request.regex else engine.escape(request.find), flags)
    except (engine.error, re.error, OverflowError) as exc:
        raise InputError(_("not a regular expression: {why}").format(why=exc), path="replace") from None
    if pattern.fullmatch("") is not None:  # "x*", "^": the replacement would go between every two letters
        raise InputError(_("the pattern matches empty text"), path="replace",
                         hint=_("make it match at least one character (x+ rather than x*)"))  # fmt: skip
    return pattern


class _Empty(Exception):
    """A match of no text: refused."""


def _apply_to(pattern: Any, request: ReplaceRequest, text: str) -> str | None:
    """*text* with every match replaced (None when there is none)."""
    kwargs = {} if isinstance(pattern, re.Pattern) else {"timeout": REGEX_SECONDS}  # the regex package
    try:
        if pattern.search(text, **kwargs) is None:
            return None
        if request.replacement is None:
            return text
        given = request.replacement

        def replacement(match: Any) -> str:
            if match.end() == match.start():  # "\b", "(?=x)": a replacement put between letters
                raise _Empty
            return str(match.expand(given)) if request.regex else given

        return str(pattern.sub(replacement, text, **kwargs))
    except _Empty:
        raise InputError(_("the pattern matches empty text"), path="replace",
                         hint=_("make it match at least one character (x+ rather than x*)")) from None  # fmt: skip
    except TimeoutError:
        raise InputError(_("the regular expression takes too long on one sentence"), path="replace",
                         hint=_("make it simpler (nested repetition such as (a+)+ is the usual cause)")) from None  # fmt: skip
    except (re.error, IndexError) as exc:
        raise InputError(_("the replacement cannot be used: {why}").format(why=exc), path="replace") from None


def _names(folder: str, documents: tuple[str, ...]) -> list[str]:
    if documents:
        return list(dict.fromkeys(documents))
    return sorted(p.name for p in Path(folder).glob("*" + SUFFIX) if p.is_file())


def preview(workspace: Workspace, request: ReplaceRequest) -> list[Change]:
    """Every change the replacement would make (or every hit of a search), document by document."""
    pattern = _matcher(request)
    if request.replacement is not None:
        check_writable(request.replacement, request.who, where="replace")
    glossary = workspace.glossary()
    found: list[Change] = []
    lost: tuple[str, ...]
    for name in _names(workspace.folder, request.documents):
        doc = read_path(str(document_path(workspace.folder, name)))
        for seg in doc.segments():
            text = seg.source if request.where == "source" else seg.target
            after = _apply_to(pattern, request, text)
            if after is None or (request.replacement is not None and after == seg.target):
                continue
            if request.replacement is None:
                after = seg.target  # a search: the segment as it is
            status_after, lost = seg.status, ()
            if request.replacement is not None:
                written = (
                    write_target(seg, after, glossary=glossary, by="editor", approve=False) if after.strip() else seg
                )
                status_after = written.status if after.strip() else seg.status
                had = {t.entry for t in seg.terms if t.enforced}
                lost = tuple(sorted(had - {t.entry for t in written.terms if t.enforced}))
            found.append(Change(name, seg.id, seg.source, seg.target, after, seg.status, status_after,
                                segment_version(seg.target, seg.status), lost))  # fmt: skip
            if len(found) > MAX_CHANGES:
                raise InputError(_("more than {n} segments match: narrow the search").format(n=MAX_CHANGES),
                                 path="replace")  # fmt: skip
    return found


def apply(workspace: Workspace, request: ReplaceRequest, expect: dict[tuple[str, str], str] | None = None) -> Replaced:
    """Make the replacement: only in the segments the preview showed at the version it saw (*expect*:
    (document, segment) → version; None: every segment that matches now)."""
    if request.replacement is None:
        raise InputError(_("say what to replace it with"), path="replace")
    check_writable(request.replacement, request.who, where="replace")
    pattern = _matcher(request)
    done = Replaced(uuid.uuid4().hex[:12])
    wanted = {doc for doc, _seg in expect} if expect is not None else None
    for name in _names(workspace.folder, request.documents):
        if wanted is not None and name not in wanted:
            continue

        def new_text(seg: Any, name: str = name) -> tuple[str | None, str]:
            if expect is not None and (name, seg.id) not in expect:
                return None, ""
            after = _apply_to(pattern, request, seg.target)
            if after is None or after == seg.target:
                return None, _("no longer matches") if expect is not None else ""
            if expect is not None and expect[(name, seg.id)] != segment_version(seg.target, seg.status):
                return None, _("changed since the preview: left as it is")
            if not after.strip():
                return None, _("the replacement would leave it empty")
            return after, ""

        _rewrite(workspace, name, new_text, done, who=request.who, batch=done.batch, approve=lambda _seg: False)
    return done


def undo(workspace: Workspace, batch: str, *, who: str = "") -> Replaced:
    """Put back every segment the replacement *batch* changed, where it still holds the replacement's text."""
    if not batch.strip():
        raise InputError(_("say which replacement to undo"), path="replace")
    check_writable(who, where="replace")
    done = Replaced("undo:" + batch)
    for name in _names(workspace.folder, ()):
        rows: dict[str, Any] = {
            str(r["segment"]): r for r in history(workspace.folder, name) if r.get("batch") == batch
        }
        if not rows:
            continue

        def old_text(seg: Any, rows: dict[str, Any] = rows) -> tuple[str | None, str]:
            row = rows.get(seg.id)
            if row is None:
                return None, ""
            if (seg.target, seg.status) != (row["after"], row["after_status"]):
                return None, _("changed again since the replacement: kept")
            return str(row["before"]), ""

        def approved_before(seg: Any, rows: dict[str, Any] = rows) -> bool:
            return bool(rows[seg.id]["before_status"] == "approved")

        _rewrite(workspace, name, old_text, done, who=who, batch=done.batch, approve=approved_before)
    if not done.changed and not done.left:
        raise InputError(_("no replacement {id} to undo").format(id=batch), path="replace")
    return done


def _rewrite(
    workspace: Workspace,
    name: str,
    text_of: Callable[[Any], tuple[str | None, str]],
    done: Replaced,
    *,
    who: str,
    batch: str,
    approve: Callable[[Any], bool],
) -> None:
    """Rewrite the document's segments *text_of* gives a new text for, in one write under its lock;
    each change goes into the history (with *batch*) and the memory."""
    path = document_path(workspace.folder, name)
    glossary = workspace.glossary()
    log = state_file(path, "history", ".jsonl")
    written: dict[str, Any] = {}
    with changing(str(path), read=read_path) as change:
        doc = change.document
        assert doc is not None
        for seg in doc.segments():
            after, why = text_of(seg)
            if why:
                done.left.append((name, seg.id, why))
            if after is None:
                continue
            new = write_target(seg, after, glossary=glossary, by="editor", approve=approve(seg))
            if new != seg:
                written[seg.id] = new
                done.changed.append(Change(name, seg.id, seg.source, seg.target, new.target, seg.status, new.status,
                                           segment_version(new.target, new.status)))  # fmt: skip
        if not written:
            return
        change.write(doc.with_segments(written))
        remember(path, change.written or doc)
        for seg in doc.segments():
            if seg.id in written:
                append_history(log, seg.id, before=(seg.target, seg.status),
                               after=(written[seg.id].target, written[seg.id].status), who=who, batch=batch)  # fmt: skip
    with workspace.memory() as memory:
        if memory is not None:
            for seg in written.values():
                memory.put(seg.source, seg.target, seg.status, origin=f"desk:{who or 'editor'}", terms=seg.terms,
                           glossary_fingerprint=glossary.fingerprint if glossary is not None else "",
                           overwrite=False)  # fmt: skip


@dataclass(frozen=True)
class ReplaceCommand:
    """What ``bilingual replace`` asks: a search, a replacement (or its preview), or an undo."""

    request: ReplaceRequest
    dry_run: bool = False
    undo: str = ""  # the id of a replacement to undo


def replace_text(workspace: Workspace, command: ReplaceCommand, result: Result | None = None) -> Result:
    """Search, preview, replace or undo over the workspace's folder, told line by line."""
    result = result if result is not None else Result()
    if command.undo:
        done = undo(workspace, command.undo, who=command.request.who)
        _tell(done, result)
        result.say(_("{n} segments put back").format(n=len(done.changed)))
        return result
    if command.dry_run or command.request.replacement is None:
        for change in preview(workspace, command.request):
            result.item(change.segment, "match", where=change.document)
            shown = change.before if change.before == change.after else f"{change.before} → {change.after}"
            result.data(f"{change.document}\t{change.segment}\t{shown}")
        return result
    done = apply(workspace, command.request)
    _tell(done, result)
    result.say(_("{n} segments changed in {docs} documents; undo with: bilingual replace --undo {id}").format(
        n=len(done.changed), docs=len({c.document for c in done.changed}), id=done.batch))  # fmt: skip
    return result


def _tell(done: Replaced, result: Result) -> None:
    for change in done.changed:
        result.item(change.segment, "changed", where=change.document)
        result.wrote(change.document)
        if change.status == "approved" and change.status_after != "approved":  # an approval is never lost unsaid
            result.warn(_("{doc}: {id}: was approved; its new text is an edit, to approve again").format(
                doc=change.document, id=change.segment))  # fmt: skip
    result.counts["approvals_withdrawn"] += sum(
        c.status == "approved" and c.status_after != "approved" for c in done.changed
    )
    for document, segment, why in done.left:
        result.item(segment, "left", why, where=document)
        result.warn(f"{document}: {segment}: {why}")
