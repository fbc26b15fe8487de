"""The editors' desk, as use cases: the documents of a folder, saving a segment, history and revert,
dismissing a QA finding, and respelling a name in every document. The desk's pages (issue 18) are
to call these; the command line and tests call them today.

Rules every front end gets from here:
- a save names the version of the segment it started from (:func:`segment_version`); when the
  segment changed since, the save is refused with both texts (nothing is lost) — optimistic
  concurrency, per segment;
- each save writes the aligned document atomically under a lock, records the edit or approval in
  the translation memory, and appends the text it replaced, who and when, to the document's
  history (``.bilingual/history/DOC.jsonl`` beside it): a crash loses at most the save under way;
- a revert is a save of an earlier text (so it is in the history too);
- a dismissed QA finding keeps its reason (``.bilingual/dismissed/DOC.json``);
- respelling a name shows first which segments of which documents it changes, then rewrites them
  at the name's stored spans (as ``glossary set`` + re-translating from the memory does);
- an article added from the page is written into the folder as a new file (never over one) and
  translated by the same use case as ``bilingual translate``.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual.checks import NAME_FAULTS, run_checks
from bilingual.document import Document, Finding, Segment, is_human, version_of
from bilingual.encoding import BadJson, load_json
from bilingual.errors import InputError, NotFound
from bilingual.formats.aligned import read_aligned
from bilingual.fsutil import locked, write_text
from bilingual.i18n import _
from bilingual.jobs.history import append_history, history_rows
from bilingual.jobs.result import Result
from bilingual.workspace import Workspace
from bilingual.writer import changing, check_writable, findings_of, write_target

#: The checks of names against the glossary: approving a text they fault asks the editor twice.
NAME_CHECKS = NAME_FAULTS | {"outdated_spelling"}

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
STATE = ".bilingual"
SUFFIX = ".en-ar.xml"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@dataclass(frozen=True)
class DocSummary:
    """A document's progress: segments and English words by status (machine = neither edited,
    approved nor untranslated), and the glossary names missing from its Arabic."""

    name: str
    segments: int
    approved: int
    edited: int
    untranslated: int
    names_missing: int
    words: int = 0
    words_approved: int = 0
    words_edited: int = 0
    words_untranslated: int = 0

    @property
    def words_machine(self) -> int:
        return self.words - self.words_approved - self.words_edited - self.words_untranslated

    @property
    def percent(self) -> int:
        """Approved words out of all, rounded down (100 only when every word is approved)."""
        return self.words_approved * 100 // self.words if self.words else 0


def folder_progress(documents: list[DocSummary]) -> DocSummary:
    """The folder's progress: every document's counts added up."""
    sums = [sum(getattr(d, f) for d in documents) for f in DocSummary.__dataclass_fields__ if f != "name"]
    return DocSummary("", *sums)


def word_count(text: str) -> int:
    """Words of an English text as progress counts them (a contraction, an initialism or a hyphenated word is one)."""
    return len(_WORD.findall(text))


class Conflict(InputError):
    """The segment changed since the editor opened it: both texts are kept for them to choose."""

    http_status = 409

    def __init__(self, message: str, *, path: str, theirs: str, mine: str, version: str) -> None:
        super().__init__(message, path=path, hint=_("compare the two texts and save again"))
        self.theirs, self.mine, self.version = theirs, mine, version


_parsed: dict[Path, tuple[tuple[int, int, int], Document]] = {}
_parsed_lock = threading.Lock()
CACHED_DOCUMENTS = 8


def remember(path: Path, doc: Document) -> None:
    version = _version_of(path)
    with _parsed_lock:
        _parsed.pop(path, None)
        while len(_parsed) >= CACHED_DOCUMENTS:
            _parsed.pop(next(iter(_parsed)))
        _parsed[path] = (version, doc)


def read_path(path: str) -> Document:
    return _read(Path(path))


def _read(path: Path) -> Document:
    """The aligned document at *path*, parsed once per version of the file: a save replaces the
    file (a new inode), so a document is parsed again only when it changed on disk."""
    cached = _parsed.get(path)
    if cached is not None and cached[0] == _version_of(path):
        return cached[1]
    doc = read_aligned(str(path))
    remember(path, doc)
    return doc


class NoSuchDocument(NotFound):
    """The name is no aligned document directly inside the folder."""


def document_path(folder: str, name: str) -> Path:
    """The aligned document *name* inside *folder*; anything outside it (``..``, a link out) is refused."""
    missing = NoSuchDocument(_("no such document in the folder"), path=name.encode("ascii", "backslashreplace").decode(),
                             hint=_("pick one from the list"))  # fmt: skip
    if not name.endswith(SUFFIX) or not name.isprintable() or len(name.encode("utf-8", "surrogatepass")) > 255:
        raise missing  # a NUL, a control or a name no file system holds: no document has it
    root = Path(folder).resolve()
    try:
        path = (root / name).resolve()
        if path.parent != root or not path.is_file():
            raise missing
    except (OSError, ValueError):
        raise missing from None
    return path


_summaries: dict[Path, tuple[tuple[int, int, int], DocSummary]] = {}


def _version_of(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def list_documents(folder: str) -> list[DocSummary]:
    """The aligned documents of *folder* with their counts, by name (counted once per version of
    each file: the index of a folder of fifty documents does not parse them all again)."""
    found = []
    for path in sorted(Path(folder).resolve().glob("*" + SUFFIX)):
        if path.is_symlink():
            continue
        kept = _summaries.get(path)
        if kept is not None and kept[0] == _version_of(path):
            found.append(kept[1])
            continue
        try:
            doc = _read(path)
        except InputError:
            continue
        summary = summarize(path.name, doc)
        _summaries[path] = (_version_of(path), summary)
        found.append(summary)
    return found


def summarize(name: str, doc: Document) -> DocSummary:
    """A document's progress (:class:`DocSummary`)."""
    segs = doc.segments()
    words = [word_count(s.source) for s in segs]
    untranslated = [s.untranslated or not s.target.strip() for s in segs]
    status = [s.status for s in segs]
    return DocSummary(
        name, len(segs), status.count("approved"), status.count("edited"), sum(untranslated),
        sum(not t.enforced for s in segs for t in s.terms), sum(words),
        sum(w for w, st in zip(words, status, strict=True) if st == "approved"),
        sum(w for w, st, u in zip(words, status, untranslated, strict=True) if st == "edited" and not u),
        sum(w for w, st, u in zip(words, status, untranslated, strict=True) if u and st != "approved"),
    )  # fmt: skip


def read_document(folder: str, name: str) -> Document:
    return _read(document_path(folder, name))


def articles(folder: str) -> list[str]:
    """The articles of *folder* not translated yet (no aligned document beside them), by name."""
    root = Path(folder)
    return sorted(
        p.name for p in root.iterdir()
        if p.is_file() and not p.is_symlink() and p.suffix.lower() in ARTICLE_SUFFIXES
        and not (root / (p.stem + SUFFIX)).exists()
    )  # fmt: skip


@dataclass(frozen=True)
class AddArticleRequest:
    name: str  # a file name in the workspace's folder: an article there, or the name for *data*
    data: bytes | None = None  # an uploaded article, written into the folder as a new file


def add_article(workspace: Workspace, request: AddArticleRequest, result: Result | None = None) -> Result:
    """Translate an article of the folder (or an uploaded one, saved there first) into its aligned document."""
    from bilingual.jobs.translate import TranslateRequest, translate_articles

    result = result if result is not None else Result()
    name = request.name.strip()
    if not name or Path(name).name != name or name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(_("not an article's file name"), path=name or "?",
                         hint=_("give a plain name ending in {suffixes}").format(suffixes=", ".join(ARTICLE_SUFFIXES)))  # fmt: skip
    path = Path(workspace.folder).resolve() / name
    if request.data is not None:
        if path.exists() or path.is_symlink():
            raise InputError(_("a file of that name is already in the folder"), path=name,
                             hint=_("rename the article, or pick it from the list"))  # fmt: skip
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(request.data)
    elif not path.is_file() or path.is_symlink():
        raise InputError(_("no such article in the folder"), path=name, hint=_("pick one from the list"))
    try:
        translate_articles(workspace, TranslateRequest(inputs=(str(path),)), result)
    except BaseException:
        if request.data is not None:  # an upload that could not be read is not left behind
            path.unlink(missing_ok=True)
        raise
    return result


def segment_version(target: str, status: str) -> str:
    """What a save names as the segment's state it started from."""
    return version_of(target, status)


@dataclass(frozen=True)
class SaveRequest:
    document: str  # its name in the folder
    segment: str
    target: str
    version: str  # segment_version() of what the editor started from
    approve: bool = False
    who: str = ""
    confirmed: bool = False  # approve although the names are not as the glossary writes them


class NeedsConfirmation(InputError):
    """Approving a text with a forbidden spelling or a missing name: the editor must say so twice."""

    def __init__(self, message: str, *, path: str, findings: list[Finding]) -> None:
        super().__init__(message, path=path, hint=_("correct the names, or approve anyway"))
        self.findings = findings


@dataclass(frozen=True)
class Saved:
    """A segment as a save left it, with its findings now (the page updates its row from these)."""

    segment: Segment
    findings: list[Finding]
    outcome: str

    @property
    def version(self) -> str:
        return version_of(self.segment.target, self.segment.status)


def save_segment(workspace: Workspace, request: SaveRequest, result: Result | None = None) -> Result:
    """Save one segment's text (edited, or approved), refused with both texts if it changed meanwhile.

    The text goes through the one segment writer: its names are located again (against the
    glossary in use, or its own names without one), its status follows its content (the machine's
    own text is machine text again), and its findings are checked at once.
    """
    result = result if result is not None else Result()
    saved = _save(workspace, request, result)
    result.counts[saved.outcome] += 1
    result.item(saved.segment.id, saved.outcome, saved.version, where=request.document)
    if saved.outcome != "unchanged":
        result.say(_("{doc}: segment {id} saved ({status})").format(
            doc=request.document, id=saved.segment.id, status=saved.segment.status))  # fmt: skip
    return result


def save(workspace: Workspace, request: SaveRequest) -> Saved:
    """:func:`save_segment` for a front end that shows the row: the segment saved and its findings."""
    return _save(workspace, request, Result())


def _save(workspace: Workspace, request: SaveRequest, result: Result) -> Saved:
    path = document_path(workspace.folder, request.document)
    glossary = workspace.glossary()
    log = state_file(path, "history", ".jsonl")  # refused before anything is written if a link is planted
    target = request.target.strip()
    check_writable(target, request.who, where=f"{request.document}: {request.segment}")
    with changing(str(path), read=read_path) as change:
        doc = change.document
        assert doc is not None
        seg = next((s for s in doc.segments() if s.id == request.segment), None)
        if seg is None:
            raise InputError(_("no segment {id} in the document").format(id=request.segment), path=str(path))
        current = segment_version(seg.target, seg.status)
        if current != request.version:
            raise Conflict(_("segment {id} was changed by someone else since you opened it").format(id=seg.id),
                           path=str(path), theirs=seg.target, mine=request.target, version=current)  # fmt: skip
        if target == seg.target and not request.approve and (is_human(seg.status) or seg.status in ("mt", "tm")):
            return Saved(seg, findings_of(seg, glossary), "unchanged")
        written = write_target(seg, target, glossary=glossary, by="editor", approve=request.approve)
        found = findings_of(written, glossary)
        naming = [f for f in found if f.check in NAME_CHECKS]
        if request.approve and naming and not request.confirmed:
            raise NeedsConfirmation(_("segment {id} has names not as the glossary writes them").format(id=seg.id),
                                    path=request.document, findings=naming)  # fmt: skip
        if written == seg:
            return Saved(seg, found, "unchanged")
        change.write(doc.with_segments({seg.id: written}))
        remember(path, change.written or doc)
        append_history(log, seg.id, before=(seg.target, seg.status), after=(written.target, written.status),
                 who=request.who)  # fmt: skip
    with workspace.memory() as memory:
        if memory is not None:
            memory.put(seg.source, written.target, written.status, origin=f"desk:{request.who or 'editor'}",
                       terms=written.terms, glossary_fingerprint=glossary.fingerprint if glossary is not None else "",
                       overwrite=request.approve)  # fmt: skip
    result.wrote(str(path))
    return Saved(written, found, written.status)


def state_file(path: Path, kind: str, suffix: str, *, create: bool = True) -> Path:
    """The desk's own file of *kind* for the document at *path*, its folders made when *create* (a
    reader makes nothing); a link planted anywhere on the way (the state folder, its sub-folder, the
    file) is refused, never followed."""
    folder = path.parent / STATE / kind
    for step in (path.parent / STATE, folder):
        if step.is_symlink():
            raise InputError(_("is a symbolic link, which is not followed"), path=str(step),
                             hint=_("remove it; the desk keeps its history there"))  # fmt: skip
        if create:
            step.mkdir(exist_ok=True)
    state = folder / (path.name.removesuffix(SUFFIX) + suffix)
    if state.is_symlink():
        raise InputError(_("is a symbolic link, which is not followed"), path=str(state),
                         hint=_("remove it; the desk keeps its history there"))  # fmt: skip
    return state


def history(folder: str, document: str, segment: str | None = None) -> list[dict[str, object]]:
    """Every save of the document (of one segment), oldest first."""
    path = state_file(document_path(folder, document), "history", ".jsonl", create=False)
    if not path.is_file():
        return []
    return [r for r in history_rows(path) if segment is None or r["segment"] == segment]


def revert_segment(workspace: Workspace, document: str, segment: str, step: int, *, who: str = "") -> Saved:
    """Put back the text *segment* had before save *step* of its history (the machine's as machine text)."""
    rows = history(workspace.folder, document, segment)
    if not 0 <= step < len(rows):
        raise InputError(_("no such step in the segment's history"), path=document)
    doc = _read(document_path(workspace.folder, document))
    seg = next((s for s in doc.segments() if s.id == segment), None)
    if seg is None:
        raise InputError(_("no segment {id} in the document").format(id=segment), path=document,
                         hint=_("the document was translated again since; reload it"))  # fmt: skip
    before = rows[step]
    return save(workspace, SaveRequest(document, segment, str(before["before"]), segment_version(seg.target, seg.status),
                                       approve=before["before_status"] == "approved", who=who, confirmed=True))  # fmt: skip


def dismiss_finding(folder: str, document: str, segment: str, check: str, reason: str, *, who: str = "") -> None:
    """Keep a QA finding dismissed, with the editor's reason (a human decision, never dropped)."""
    if not reason.strip():
        raise InputError(_("a dismissal needs a reason"), path=document, hint=_("say why the finding does not apply"))
    check_writable(reason, who, where=f"{document}: {segment}")
    path = state_file(document_path(folder, document), "dismissed", ".json")
    with locked(path):
        kept = _dismissals(path)
        if kept is None:  # editors' reasons are never written over: the file is left for a person to mend
            raise InputError(_("the desk's file of dismissed findings is damaged; nothing was changed"), path=str(path),
                             hint=_("repair the JSON, or move the file aside to start a new one"))  # fmt: skip
        kept.append({"segment": segment, "check": check, "reason": reason.strip(), "who": who, "when": time.time()})
        write_text(path, json.dumps(kept, ensure_ascii=False, indent=1))


def _dismissals(path: Path) -> list[dict[str, Any]] | None:
    """The dismissals kept for a document ([] when none), or None when the file is not ours to read."""
    if not path.is_file():
        return []
    try:
        kept = load_json(path.read_bytes())
    except BadJson:  # not JSON, NaN, half a character: not ours to read
        return None
    if not isinstance(kept, list) or not all(
        isinstance(d, dict) and all(isinstance(d.get(k), str) for k in ("segment", "check", "reason")) for d in kept
    ):
        return None
    return kept


def findings(workspace: Workspace, document: str) -> list[tuple[Finding, str]]:
    """The QA findings of the document, each with the reason it was dismissed ('' when it stands)."""
    path = document_path(workspace.folder, document)
    found = run_checks(_read(path), glossary=workspace.glossary(), qa=True)
    return with_dismissals(workspace.folder, document, found)


def with_dismissals(folder: str, document: str, found: list[Finding]) -> list[tuple[Finding, str]]:
    """Each finding with the reason an editor dismissed it ('' when it stands)."""
    dismissed_file = state_file(document_path(folder, document), "dismissed", ".json", create=False)
    reasons = {(d["segment"], d["check"]): d["reason"] for d in _dismissals(dismissed_file) or []}
    return [(f, reasons.get((f.segment_id, f.check), "")) for f in found]
