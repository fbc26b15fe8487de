"""Translate articles: read every input, recall the memory, translate, keep editors' work, write, record."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from bilingual import outputs
from bilingual.document import Document, Segment, is_human
from bilingual.engines import Engine
from bilingual.errors import BilingualError, InputError
from bilingual.formats.aligned import AlignedFormat, read_aligned
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.memory.store import Memory
from bilingual.names.glossary import Glossary
from bilingual.read import DEFAULT_MAX_BYTES, read_document
from bilingual.translation.pipeline import Progress, Tally, origin, translate_document
from bilingual.workspace import Workspace
from bilingual.writer import carry_over, changing, lost_edits, write_document

#: Given a document's segment count, a context that yields the callback told of segments done.
ProgressFactory = Callable[[int], AbstractContextManager[Progress | None]]


@dataclass(frozen=True)
class TranslateRequest:
    """What a translation run is asked to do (the command line, the desk and batches build one)."""

    inputs: tuple[str, ...]
    output: str | None = None  # a file, a folder (existing, or ending in /), - for stdout; None: beside each input
    overwrite: bool = False
    input_format: str | None = None
    encoding: str | None = None
    strict: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: ProgressFactory | None = field(default=None, compare=False)
    stdout: BinaryIO | None = field(default=None, compare=False)


def default_output(input_path: str) -> str:
    """ARTICLE.txt → ARTICLE.en-ar.xml beside it; ``-`` stays ``-``."""
    if input_path == "-":
        return "-"
    p = Path(input_path)
    return str(p.with_name(p.stem + ".en-ar.xml"))


def translate_articles(workspace: Workspace, request: TranslateRequest, result: Result | None = None) -> Result:
    """Translate every input into an aligned document; the result counts segments and names.

    Every input is read, and every output checked against the write policy, before a model is
    loaded or a file written. An existing output's edited and approved segments are kept
    (``overwrite`` replaces them, and says how many). The workspace's engine is loaded after
    every check has passed (a batch worker's is loaded already).
    """
    result = result if result is not None else Result()
    result.strict = request.strict
    inputs = list(request.inputs)
    if len(inputs) > 1 and request.output == outputs.STDOUT:
        raise InputError(_("with several inputs, -o must be a folder, not standard output"), path=request.output)
    planned = outputs.plan(inputs, request.output, default_output)
    docs = [
        read_document(path, fmt=request.input_format, encoding=request.encoding, max_bytes=request.max_bytes)
        for path in inputs
    ]
    glossary = workspace.glossary()
    protected = workspace.protected(inputs)
    for (out, _note), doc in zip(planned, docs, strict=True):
        outputs.check(
            out,
            protected=protected,
            overwrite=request.overwrite,
            own=AlignedFormat.is_own_output,
            what=_("an aligned document"),
        )
        previous = _previous_output(out, request.overwrite, result)
        if previous is not None:
            _refuse_losing(out, lost_edits(doc, previous))  # before a model is loaded
    if glossary is None:
        result.warn_no_glossary()
    with workspace.memory() as memory:
        engine = workspace.engine()
        for doc, (out, note) in zip(docs, planned, strict=True):
            if note:
                result.say(note)
            _translate_one(doc, out, request, result, engine=engine, glossary=glossary, memory=memory)
    return result


def _previous_output(out: str, overwrite: bool, result: Result) -> Document | None:
    """The document already at *out*, whose editors' segments this run keeps; None when there is none."""
    if out == outputs.STDOUT or not os.path.isfile(out):
        return None
    try:
        previous = read_aligned(out)
    except BilingualError as exc:
        if overwrite:
            return None
        raise InputError(
            _("the output exists and is not an aligned document"),
            path=out,
            hint=_("pass --overwrite to replace it, or name another output with -o"),
        ) from exc
    if overwrite:
        human = sum(1 for s in previous.segments() if is_human(s.status))
        if human:
            result.warn(_("{out}: replacing {n} edited or approved segments (--overwrite)").format(out=out, n=human))
        return None
    return previous


def _refuse_losing(out: str, lost: list[Segment]) -> None:
    """Writing the new article over *out* would drop editors' segments: refused unless ``--overwrite``."""
    if lost:
        raise InputError(
            _("{n} edited or approved segments of the existing document are not in this article: {ids}").format(
                n=len(lost), ids=" ".join(s.id for s in lost[:8]) + (" …" if len(lost) > 8 else "")
            ),
            path=out,
            hint=_("name another output with -o, or pass --overwrite to replace it (the memory keeps their text)"),
        )


def translate_with_memory(
    doc: Document,
    *,
    engine: Engine,
    glossary: Glossary | None = None,
    memory: Memory | None = None,
    progress: Progress | None = None,
) -> tuple[Document, Tally]:
    """One document through the pipeline with the memory at its edges: recalled before, recorded after."""
    recall = memory.recall([s.source for s in doc.segments()]) if memory is not None else None
    translated, tally = translate_document(doc, engine=engine, glossary=glossary, recall=recall, progress=progress)
    if memory is not None:
        memory.record_document(
            translated, origin=origin(engine), glossary_fingerprint=glossary.fingerprint if glossary is not None else ""
        )
    return translated, tally


def _translate_one(
    doc: Document,
    out: str,
    request: TranslateRequest,
    result: Result,
    *,
    engine: Engine,
    glossary: Glossary | None,
    memory: Memory | None,
) -> None:
    progress = request.progress(len(doc.segments())) if request.progress else contextlib.nullcontext(None)
    with progress as update:
        translated, tally = translate_with_memory(doc, engine=engine, glossary=glossary, memory=memory, progress=update)
    if out == outputs.STDOUT:
        write_document(out, translated, stdout=request.stdout)
    else:
        # The existing output is read again inside its lock: an editor's save made while this run
        # translated is kept too (or the write is refused), never overwritten.
        def existing(path: str) -> Document | None:
            return None if request.overwrite else _previous_output(path, False, Result())

        with changing(out, read=existing) as change:
            previous = change.document
            if previous is not None:
                _refuse_losing(out, lost_edits(translated, previous))
                translated, kept = carry_over(translated, previous, glossary)
                if kept:
                    result.say(
                        _(
                            "kept {n} edited or approved segments of the existing {out} (--overwrite replaces them)"
                        ).format(n=kept, out=out)
                    )
            change.write(translated)
    result.wrote(out)
    _tell(result, tally, out, glossary)


def _tell(result: Result, tally: Tally, out: str, glossary: Glossary | None) -> None:
    """Count the document into the run and say its summary lines."""
    for key, value in (
        ("documents", 1),
        ("segments", tally.segments),
        ("from_engine", tally.from_engine),
        ("from_memory", tally.from_memory),
        ("untranslated", len(tally.untranslated)),
        ("unreadable", len(tally.unknown)),
        ("names_found", tally.terms_found),
        ("names_enforced", tally.terms_enforced),
        ("names_missing", tally.terms_missing),
    ):
        result.counts[key] += value
    where = _("standard output") if out == outputs.STDOUT else out
    result.say(
        _("translated {n} segments ({engine} by the engine, {tm} from memory) → {out}").format(
            n=tally.segments, engine=tally.from_engine, tm=tally.from_memory, out=where
        )
    )
    for seg_id in tally.untranslated:
        result.item(seg_id, "untranslated", _("the engine returned mostly Latin text, twice"), where=out)
    if tally.untranslated:
        ids = " ".join(tally.untranslated[:10])
        if len(tally.untranslated) > 10:
            ids += " " + _("… and {m} more (bilingual check --qa lists them all)").format(
                m=len(tally.untranslated) - 10
            )
        result.warn(
            _("{n} segments came back untranslated (mostly Latin) after a retry, marked for review: {ids}").format(
                n=len(tally.untranslated), ids=ids
            )
        )
    if tally.unknown:
        for seg_id in tally.unknown:
            result.item(seg_id, "unreadable characters", "⁇", where=out)
        more = " …" if len(tally.unknown) > 10 else ""
        result.warn(
            _("{n} segments hold ⁇ (characters the model could not read), marked for review: {ids}").format(
                n=len(tally.unknown), ids=" ".join(tally.unknown[:10]) + more
            )
        )
    if glossary is not None and len(glossary):
        result.say(
            _("glossary names: {found} found, {ok} enforced, {missing} missing").format(
                found=tally.terms_found, ok=tally.terms_enforced, missing=tally.terms_missing
            )
        )
        for seg_id, entry in tally.missing:
            result.item(seg_id, "name missing", entry, where=out)
            result.say(_("  missing: {entry} in segment {seg}").format(entry=entry, seg=seg_id))
