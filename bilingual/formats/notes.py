"""Editors' comments as exchange files carry them, written and read back alike.

- XLIFF 1.2: a ``<note from="AUTHOR">`` in the unit (the strict schema allows no other attribute, so
  a resolved comment's text starts with ``[resolved]``); our own notes (``from="bilingual…"``) are
  not comments.
- XLIFF 2: a ``<note category="comment">`` with the author, time and state in our namespace
  (the schema allows attributes of other namespaces on a note).
- PO: translator comments (``# ``, what Poedit shows and edits as the comment), one per comment:
  ``[AUTHOR] text`` or ``[AUTHOR · resolved] text``, a line break in the text continued on a line
  that starts with two spaces; a closing bracket, a middle dot or a backslash in the author's name
  is written after a backslash (``[Hu\\]da]``), so the name and the text come back as they were.
  A line an editor added without the brackets is a comment by whoever the file names as its last
  translator (the import's origin when none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bilingual.document import Comment

RESOLVED = "[resolved] "
OUR_NOTES = ("bilingual", "bilingual-base", "bilingual-source")
NS = "urn:bilingual:comment"  # XLIFF 2: who, when and the state of a comment note
OURS_PO = ("names: ",)  # our own translator-comment lines (the names the glossary enforced)
_HEAD = re.compile(r"\[(?P<who>(?:\\.|[^\]\\\n])*?)(?P<resolved> · resolved)?\] ?(?P<text>.*)")
_ESCAPED = re.compile(r"\\(.)")


def xliff12_from(comment: Comment) -> str:
    """A note's ``from``: the author, never one of our own notes' names."""
    return comment.who if comment.who not in OUR_NOTES else comment.who + " (editor)"


def xliff12_text(comment: Comment) -> str:
    """A note's text: ``[resolved] `` before a resolved comment's; an open comment that itself begins
    with ``[resolved]`` (or a backslash) gets a backslash first, so it comes back open and as written."""
    if comment.resolved:
        return RESOLVED + comment.text
    return "\\" + comment.text if comment.text.startswith((RESOLVED.strip(), "\\")) else comment.text


def from_xliff12(author: str | None, text: str) -> Comment | None:
    """A unit's note as a comment (None for our own notes and empty ones)."""
    if author in OUR_NOTES or not text.strip():
        return None
    text = text.strip()
    resolved = text.startswith(RESOLVED.strip())
    body = text[len(RESOLVED.strip()) :].strip() if resolved else text.removeprefix("\\")
    return Comment("", body, (author or "").strip(), resolved=resolved) if body else None


def po_lines(comments: Iterable[Comment]) -> list[str]:
    """Translator-comment lines for *comments*."""
    lines = []
    for c in comments:
        first, *rest = c.text.splitlines() or [""]
        who = re.sub(r"([\\\]·])", r"\\\1", c.who)
        lines.append(f"[{who}{' · resolved' if c.resolved else ''}] {first}")
        lines += ["  " + line for line in rest]
    return lines


def from_po(tcomment: str, *, who: str = "") -> list[Comment]:
    """The comments in a PO entry's translator comment (our own lines left out); *who* is the author of
    a line written without our brackets."""
    found: list[Comment] = []
    for line in tcomment.splitlines():
        if line.startswith(OURS_PO) or not line.strip():
            continue
        head = _HEAD.fullmatch(line)
        if line.startswith("  ") and found:
            last = found[-1]
            found[-1] = Comment("", last.text + "\n" + line[2:], last.who, resolved=last.resolved)
        elif head is not None:
            who_was = _ESCAPED.sub(r"\1", head["who"]).strip()
            found.append(Comment("", head["text"].strip(), who_was, resolved=bool(head["resolved"])))
        else:
            found.append(Comment("", line.strip(), who))
    return [c for c in found if c.text.strip()]
