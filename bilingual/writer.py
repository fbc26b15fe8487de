"""The one door into a document: the segment writer and the document file's writer.

Every use case that sets a segment's text — translate, import and apply, the desk's save, approve,
revert and respell, a replacement — calls :func:`write_target`, which re-derives everything that
depends on the text:

- the names: located against the glossary in use, or, with none, the segment's own names looked
  up again in the new text (spans are never kept from another text);
- the status, from content: the machine's own text is machine text (a revert to it too); a target
  equal to its English source, or an empty one, is not an edit and is refused; anything else an
  editor wrote is ``edited`` (``approved`` when they approve it);
- the text itself: what an aligned document cannot carry (a lone surrogate) is refused before
  anything is written.

Every writer of a document file goes through :func:`changing`: it holds the document's lock while
it reads, changes and writes, so two writers at once (two ``apply``\\ s, a desk save during an
apply, a translate onto an edited output) never lose each other's work; and :func:`write_document`
verifies every offset and name span before a byte reaches disk.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, BinaryIO, Literal

from bilingual.arabic import mostly_latin
from bilingual.document import Document, Finding, Segment, SegmentStatus, TermMatch, is_human
from bilingual.errors import BilingualError, InputError
from bilingual.i18n import _
from bilingual.memory.records import normalize
from bilingual.names.locate import PROCLITICS, locate, locate_terms

if TYPE_CHECKING:
    from bilingual.names.glossary import Glossary

#: Who writes a target: the engine (machine), a person (editor), a glossary respelling of the names
#: in the text already there (glossary), or the memory or an earlier output handing back a decision
#: already made (recalled: its status is the one recorded with it).
Author = Literal["machine", "editor", "glossary", "recalled"]

_PROCLITICS = re.compile(PROCLITICS)  # locate's own: a span is a name behind them
EXIT_BUG = 70  # an internal error: the tool was about to write a document it could not read back


class UnwritableText(InputError):
    """The text holds characters an aligned document cannot carry."""


class NotAnEdit(InputError):
    """What was given is not an editor's translation: empty, or a copy of the English source."""


class InvalidDocument(BilingualError):
    """The tool was about to write a document whose offsets or spans do not hold: a bug, never a file."""

    exit_code = EXIT_BUG


def unwritable(text: str) -> str | None:
    """Why *text* cannot be stored in a document (a lone surrogate), or None."""
    for i, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return _("a lone surrogate (U+{code:04X}) at character {at}").format(code=ord(char), at=i + 1)
    return None


def check_writable(*texts: str, where: str) -> None:
    """Raise :class:`UnwritableText` naming *where* when one of *texts* cannot be stored (a text, the
    editor's name it is recorded under, a reason): checked before anything is written."""
    why = next((found for found in map(unwritable, texts) if found is not None), None)
    if why is not None:
        raise UnwritableText(
            _("the text cannot be stored: {why}").format(why=why),
            path=where,
            hint=_("remove that character (it is half of a broken emoji or symbol) and save again"),
        )


def machine_text(seg: Segment) -> str:
    """What the machine wrote for the segment ("" when the document does not know)."""
    return seg.machine if is_human(seg.status) else seg.target


def is_copy_of_source(source: str, target: str) -> bool:
    """Whether *target* is its English source copied over (as OmegaT fills untouched list items)."""
    return normalize(source) == normalize(target)


def editor_status(seg: Segment, target: str, *, approve: bool, machine: str = "") -> SegmentStatus | None:
    """The status an editor's *target* earns on *seg*, or None when it is the machine's own text.

    *machine* is what the machine wrote, when the caller knows it better than the segment (the
    memory). An empty target, or a copy of the English source that is not approved in so many
    words, is refused (:class:`NotAnEdit`).
    """
    if not target.strip():
        raise NotAnEdit(_("an empty translation is not an edit"), path=seg.id,
                        hint=_("write a translation, or revert to the machine's"))  # fmt: skip
    if is_copy_of_source(seg.source, target) and not approve:  # approving "2024" or "BBC" as it stands is a decision
        raise NotAnEdit(_("the translation is a copy of the English source, not an edit"), path=seg.id,
                        hint=_("write the Arabic, or approve it as it stands"))  # fmt: skip
    if approve:
        return "approved"
    known = machine or machine_text(seg)
    if known and target == known:
        return None
    return "edited"


def relocate(terms: tuple[TermMatch, ...], target: str) -> tuple[TermMatch, ...]:
    """*terms* (found in the source) located again in a new *target*, without a glossary: each name's
    Arabic as the segment recorded it, looked up as a word; missing where it is not there."""
    out = []
    cursor: dict[str, int] = {}
    for t in sorted(terms, key=lambda t: t.source_start):
        found = locate(target, t.target, cursor.get(t.target, 0)) if t.target else None
        if found is None:
            out.append(replace(t, target_start=-1, target_end=-1, status="missing"))
            continue
        cursor[t.target] = found[1]
        out.append(replace(t, target_start=found[0], target_end=found[1], status="enforced"))
    return tuple(out)


def names_in(seg: Segment, target: str, glossary: Glossary | None) -> tuple[TermMatch, ...]:
    """The names of *seg*'s source located in *target*: against the glossary, or the segment's own."""
    if glossary is not None:
        return locate_terms(seg.source, target, glossary.find(seg.source))
    return relocate(seg.terms, target)


def write_target(
    seg: Segment,
    target: str,
    *,
    glossary: Glossary | None,
    by: Author,
    approve: bool = False,
    status: SegmentStatus | None = None,
    machine: str = "",
    note: str | None = None,
    placed: tuple[TermMatch, ...] | None = None,
    untranslated: bool | None = None,
) -> Segment:
    """*seg* with *target* written by *by*: names, status and machine text re-derived (see the module).

    ``by="machine"`` takes *status* (``mt`` or ``tm``, default ``mt``); ``by="editor"`` decides the
    status from content and *approve* (raising :class:`NotAnEdit` for an empty target or a copy
    of the source; an editor's write of the machine's own text makes it machine text again);
    ``by="glossary"`` keeps the status (a respelled machine text is still machine text);
    ``by="recalled"`` takes *status* as it was recorded (an editor's decision stays one). *note*
    replaces the segment's note (None: an editor's text clears a machine note, others keep it).

    *placed* are the names where the engine's pipeline put them (restore knows each span; a name it
    could not place is ``missing``): used instead of locating them again, after checking that each span
    lies in *target* and holds the name. *untranslated* is the pipeline's judgement after its retry
    (default: whether machine text is mostly Latin).
    """
    check_writable(target, where=seg.id)
    if by in ("machine", "recalled"):
        decided: SegmentStatus = status or "mt"
        kept_machine = ""
    elif by == "glossary":
        decided = seg.status
        kept_machine = seg.machine if is_human(seg.status) else ""
    else:
        known = machine or machine_text(seg)
        human = editor_status(seg, target, approve=approve, machine=known)
        decided = human or ("tm" if seg.status == "tm" else "mt")
        kept_machine = known if human else ""
    if note is None:
        note = "" if is_human(decided) and by == "editor" else seg.note
    return replace(
        seg,
        target=target,
        status=decided,
        terms=names_in(seg, target, glossary) if placed is None else _checked(placed, target, seg.id),
        machine=kept_machine if kept_machine != target else "",
        note=note,
        untranslated=not is_human(decided) and (mostly_latin(target) if untranslated is None else untranslated),
    )


def _checked(placed: tuple[TermMatch, ...], target: str, where: str) -> tuple[TermMatch, ...]:
    """*placed* when every enforced span lies in *target*; else an internal error."""
    for t in placed:
        if t.enforced and not (0 <= t.target_start <= t.target_end <= len(target)):
            raise _invalid(where, "name spans")
    return placed


def findings_of(seg: Segment, glossary: Glossary | None, *, qa: bool = True) -> list[Finding]:
    """The check findings of one segment (what a save shows on its row at once)."""
    from bilingual.checks import check_segment

    return check_segment(seg, glossary=glossary, qa=qa)


def joined(doc: Document, run: list[Segment]) -> Segment:
    """The segments of *run* (consecutive, in one paragraph) as one segment of machine text: the first
    one's id, the source from the first's start to the last's end, the machine texts joined, each
    name where it was (moved to the joined source)."""
    first, last = run[0], run[-1]
    terms = tuple(
        replace(
            t, source_start=t.source_start + seg.start - first.start, source_end=t.source_end + seg.start - first.start
        )
        for seg in run
        for t in seg.terms
    )
    machine = " ".join(machine_text(s).strip() for s in run if machine_text(s).strip())
    return Segment(first.id, first.start, last.end, doc.text[first.start : last.end], machine, "mt",
                   relocate(terms, machine))  # fmt: skip


def with_joined(doc: Document, run: list[Segment], seg: Segment) -> Document:
    """*doc* with the segments of *run* replaced by *seg* (which covers them all)."""
    ids = {s.id for s in run}
    blocks = tuple(
        replace(
            b,
            segments=tuple(seg if s.id == run[0].id else s for s in b.segments if s.id == run[0].id or s.id not in ids),
        )
        for b in doc.blocks
    )
    return replace(doc, blocks=blocks)


def carry_over(new: Document, old: Document, glossary: Glossary | None) -> tuple[Document, int]:
    """*new* with the editors' segments of *old* (edited, approved) put back where the source is the same,
    each through the one segment writer (names located again; the new machine text kept beside it).

    ``translate`` writing over its own earlier output must not undo corrections applied to it.
    """
    human = {normalize(s.source): s for s in old.segments() if is_human(s.status)}
    kept: dict[str, Segment] = {}
    for seg in new.segments():
        before = human.get(normalize(seg.source))
        if before is None:
            continue
        try:
            kept[seg.id] = write_target(seg, before.target, glossary=glossary, by="editor",
                                        approve=before.status == "approved", note=before.note)  # fmt: skip
        except NotAnEdit:  # an editor's decision of an older version (an empty or copied target): kept as it was
            kept[seg.id] = write_target(seg, before.target, glossary=glossary, by="recalled", status=before.status,
                                        note=before.note)  # fmt: skip
    return new.with_segments(kept), len(kept)


def lost_edits(new: Document, old: Document) -> list[Segment]:
    """The editors' segments of *old* whose source *new* does not have: what writing *new* over it would drop."""
    sources = {normalize(s.source) for s in new.segments()}
    return [s for s in old.segments() if is_human(s.status) and normalize(s.source) not in sources]


# --- the document file ------------------------------------------------------------------------


def _invalid(what: str, why: str) -> InvalidDocument:
    return InvalidDocument(
        _("internal error: segment {what} would be written wrong ({why}); nothing was written").format(
            what=what, why=why
        ),
        hint=_("please report this with the command you ran"),
    )


def verify(doc: Document) -> None:
    """Raise :class:`InvalidDocument` unless every offset and name span of *doc* holds."""

    seen: set[str] = set()
    for block in doc.blocks:
        if not 0 <= block.start <= block.end <= len(doc.text):
            raise _invalid(block.id, "paragraph offsets")
        for seg in block.segments:
            if seg.id in seen:
                raise _invalid(seg.id, "a second segment with this id")
            seen.add(seg.id)
            if not (block.start <= seg.start <= seg.end <= block.end) or doc.text[seg.start : seg.end] != seg.source:
                raise _invalid(seg.id, "source offsets")
            for text in (seg.source, seg.target, seg.machine, seg.note):
                if unwritable(text) is not None:
                    raise _invalid(seg.id, "a lone surrogate")
            for t in seg.terms:
                if not 0 <= t.source_start <= t.source_end <= len(seg.source):
                    raise _invalid(seg.id, f"source span of {t.entry}")
                if t.enforced and not _span_holds(seg.target, t):
                    raise _invalid(seg.id, f"target span of {t.entry}")
                if not t.enforced and (t.target_start, t.target_end) != (-1, -1):
                    raise _invalid(seg.id, f"missing name {t.entry} with a span")


def _span_holds(target: str, term: TermMatch) -> bool:
    if not 0 <= term.target_start < term.target_end <= len(target):
        return False
    written = target[term.target_start : term.target_end]
    name = term.target
    if name.startswith("ال") and written.endswith("لل" + name[2:]):  # ل + ال contracted to لل
        return _PROCLITICS.fullmatch(written[: -len(name)]) is not None
    # a span covers the name, behind the proclitics it was written with (restore's and locate's forms)
    return written.endswith(name) and _PROCLITICS.fullmatch(written[: len(written) - len(name)]) is not None


def write_document(path: str, doc: Document, *, stdout: BinaryIO | None = None) -> bool:
    """Verify *doc*, then write it atomically to *path* (``-``: standard output); whether a file changed."""
    from bilingual import outputs
    from bilingual.formats.aligned import render_aligned

    verify(doc)
    return outputs.write(path, render_aligned(doc), stdout=stdout)


@dataclass
class Change:
    """A document opened for change under its lock: the text read inside the lock, and the new one."""

    path: str
    document: Document | None  # None: no document there yet
    written: Document | None = None

    def write(self, doc: Document) -> None:
        write_document(self.path, doc)
        self.written = doc


@contextlib.contextmanager
def changing(
    path: str, *, read: Callable[[str], Document | None] | None = None, timeout: float = 60.0
) -> Iterator[Change]:
    """Hold *path*'s lock, read the document there (None when there is none), and let the block write it.

    *read* reads the file (a front end's cache); the lock is taken first, so what it gives is
    what is on disk now, not what was there when the user opened it.
    """
    from bilingual.formats.aligned import read_aligned
    from bilingual.fsutil import locked

    with locked(path, timeout=timeout):
        doc = (read or read_aligned)(path) if os.path.isfile(path) else None
        yield Change(path, doc)
