"""Editors' comments on segments, as use cases: add one, resolve or reopen it, list a document's or
the folder's, and take in those an editor's tool brought back (XLIFF notes, PO translator comments).

A document's comments are kept beside it, in ``.bilingual/comments/DOC.json`` (the desk's state
folder, as its history and dismissals), written whole and atomically under the file's lock. A
comment is a human decision: none is ever dropped or rewritten by the tool. A file that is not ours
to read (damaged, or not a list of comments) is left for a person to mend, and nothing is written
over it.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bilingual.document import Comment
from bilingual.encoding import BadJson, load_json
from bilingual.errors import InputError
from bilingual.fsutil import locked, write_text
from bilingual.i18n import _
from bilingual.jobs.desk import SUFFIX, document_path, read_path, state_file
from bilingual.writer import check_writable

MAX_COMMENT = 4000  # characters: a note to the next editor, not an article
#: characters XML 1.0 cannot hold (a comment travels in XLIFF notes as plain text)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FIELDS = ("segment", "text", "who", "when", "resolved", "id", "resolved_by")


class DamagedComments(InputError):
    """The comments file beside a document is not ours to read: nothing is written over it."""


def comments_file(doc_path: str | Path) -> Path:
    """Where the comments of the document at *doc_path* are kept (nothing is created; a link planted on
    the way makes the comments damaged, never followed)."""
    try:
        return state_file(Path(doc_path), "comments", ".json", create=False)
    except InputError as exc:
        raise DamagedComments(exc.message, path=str(exc.path), hint=exc.hint) from None


def _parse(path: Path) -> list[Comment]:
    if path.is_symlink():
        raise DamagedComments(_("is a symbolic link, which is not followed"), path=str(path),
                              hint=_("remove it; the desk keeps its comments there"))  # fmt: skip
    if not path.is_file():
        return []
    try:
        rows = load_json(path.read_bytes())
    except BadJson:  # not JSON, NaN, half a character ("\\ud800"): a file the pages could not show
        rows = None
    if not isinstance(rows, list) or not all(_is_row(r) for r in rows):
        raise DamagedComments(_("the desk's file of comments is damaged; nothing was changed"), path=str(path),
                              hint=_("repair the JSON, or move the file aside to start a new one"))  # fmt: skip
    return [Comment(**{k: r[k] for k in FIELDS if k in r}) for r in rows]


LATEST = 253_402_300_800  # 10000-01-01: a comment's time is a date before it


def _is_row(row: Any) -> bool:
    """A comment as the desk writes one (its time a date the pages and exports can write)."""
    return (
        isinstance(row, dict)
        and all(isinstance(row.get(k), str) for k in ("segment", "text", "id"))
        and isinstance(row.get("when", 0), int | float)
        and 0 <= row.get("when", 0) < LATEST  # a time the pages and exports can write (not NaN, not 1e300)
        and isinstance(row.get("resolved", False), bool)
        and all(isinstance(row.get(k, ""), str) for k in ("who", "resolved_by"))
    )


def read_comments(doc_path: str | Path) -> list[Comment]:
    """Every comment kept for the document at *doc_path*, oldest first ([] when none)."""
    return _parse(comments_file(doc_path))


def of_document(folder: str, document: str) -> list[Comment]:
    return read_comments(document_path(folder, document))


def of_folder(folder: str) -> list[tuple[str, Comment]]:
    """Every comment of every document of the folder, (document name, comment): open ones first, then
    newest first. A document whose comments file is damaged is left out of the list, never changed."""
    found: list[tuple[str, Comment]] = []
    for path in sorted(Path(folder).glob("*" + SUFFIX)):
        try:
            found += [(path.name, c) for c in read_comments(path)]
        except DamagedComments:
            continue
    return sorted(found, key=lambda dc: (dc[1].resolved, -dc[1].when))


def _changed(doc_path: Path, change: Any) -> Any:
    """Run *change* (a function of the comments, returning what to give back) on the document's
    comments under their lock, and write them back whole."""
    path = state_file(doc_path, "comments", ".json")  # a planted link on the way is refused here
    with locked(path):
        kept = _parse(path)
        answer, kept = change(kept)
        write_text(path, json.dumps([asdict(c) for c in kept], ensure_ascii=False, indent=1))
    return answer


def _clean(text: str, where: str) -> str:
    text = text.strip()
    if not text:
        raise InputError(_("a comment needs some text"), path=where)
    if len(text) > MAX_COMMENT:
        raise InputError(_("a comment is at most {n} characters").format(n=MAX_COMMENT), path=where)
    check_writable(text, where=where)
    if CONTROL.search(text):
        raise InputError(_("a comment cannot hold control characters"), path=where,
                         hint=_("remove them (they come from copying out of another program)"))  # fmt: skip
    return text


def add_comment(folder: str, document: str, segment: str, text: str, *, who: str = "") -> Comment:
    """Keep a comment on segment *segment* of the document (which must hold it)."""
    path = document_path(folder, document)
    text = _clean(text, f"{document}: {segment}")
    check_writable(who, where=f"{document}: {segment}")
    if not any(s.id == segment for s in read_path(str(path)).segments()):
        raise InputError(_("no segment {id} in the document").format(id=segment), path=document)
    comment = Comment(segment, text, who.strip()[:80], time.time(), id=uuid.uuid4().hex[:12])
    return _changed(path, lambda kept: (comment, [*kept, comment]))


def resolve_comment(folder: str, document: str, comment_id: str, *, resolved: bool = True, who: str = "") -> Comment:
    """Mark a comment resolved (or open again), saying who did."""
    path = document_path(folder, document)
    check_writable(who, where=f"{document}: {comment_id}")

    def change(kept: list[Comment]) -> tuple[Comment, list[Comment]]:
        for n, c in enumerate(kept):
            if c.id == comment_id:
                kept[n] = replace(c, resolved=resolved, resolved_by=who.strip()[:80] if resolved else "")
                return kept[n], kept
        raise InputError(_("no comment {id} on the document").format(id=comment_id), path=document)

    return _changed(path, change)


def _same(a: Comment, b: Comment) -> bool:
    return a.segment == b.segment and " ".join(a.text.split()) == " ".join(b.text.split())


def merge_comments(doc_path: str | Path, incoming: list[Comment], *, origin: str) -> tuple[int, int]:
    """Take in the comments an editor's file brought back: each one the document does not hold yet is
    added (its author as the file names them, else *origin*), and one the file marks resolved is
    resolved. None is removed or reopened: a comment missing from a file stays. (added, resolved)"""

    def change(kept: list[Comment]) -> tuple[tuple[int, int], list[Comment]]:
        added = resolved = 0
        for comment in incoming:
            comment = replace(comment, text=CONTROL.sub("\ufffd", comment.text)[:MAX_COMMENT])
            same = next((n for n, c in enumerate(kept) if _same(c, comment)), None)
            if same is None:
                kept.append(replace(comment, who=comment.who or origin, when=comment.when or time.time(),
                                    id=uuid.uuid4().hex[:12], resolved_by=origin if comment.resolved else ""))  # fmt: skip
                added += 1
            elif comment.resolved and not kept[same].resolved:
                kept[same] = replace(kept[same], resolved=True, resolved_by=comment.who or origin)
                resolved += 1
        return (added, resolved), kept

    if not incoming:
        return 0, 0
    return _changed(Path(doc_path), change)
