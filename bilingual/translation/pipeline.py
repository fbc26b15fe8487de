"""The translation pipeline: segments → (memory) → mask names → engine → restore → check.

Pure over values: the engine and what the memory recalls for the document (a
:class:`~bilingual.memory.records.Recall`, fetched by the translate job in one pass) are passed in;
the translated document and its tally come back, and the job records them. Nothing here reads or
writes a file or the memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bilingual import __version__
from bilingual.arabic import mostly_latin
from bilingual.document import Document, Segment
from bilingual.engines import Engine, identity
from bilingual.errors import BilingualError, EngineError
from bilingual.i18n import _
from bilingual.memory.records import Hit, Recall
from bilingual.names.entry import PLACEHOLDER, Entry
from bilingual.names.match import TermSpan
from bilingual.translation import mask as masking
from bilingual.translation.restore import restore
from bilingual.translation.reuse import reuse_hit
from bilingual.writer import unwritable, write_target

if TYPE_CHECKING:
    from bilingual.document import TermMatch
    from bilingual.names.glossary import Glossary
    from bilingual.translation.mask import MaskJob

Progress = Callable[[int], None]  # called with the number of segments just finished


@dataclass
class Tally:
    """What translating one document did: counts for the summary line and the glossary compliance."""

    segments: int = 0
    from_engine: int = 0
    from_memory: int = 0
    engine_calls: int = 0
    terms_found: int = 0
    terms_enforced: int = 0
    terms_missing: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (segment id, entry)
    fuzzy_notes: int = 0
    untranslated: list[str] = field(default_factory=list)  # segment ids left mostly Latin after a retry
    unknown: list[str] = field(default_factory=list)  # segment ids whose target holds ⁇ (unreadable characters)


def run_engine(engine: Engine, texts: list[str]) -> list[str]:
    """The engine's translations of *texts*, held to the protocol: one string per text, in order.

    Whatever else the engine does (raises, returns too few or too many, returns something
    that is not a string) is an engine problem, reported as one :class:`EngineError` naming it.
    """
    name = identity(engine).name
    try:
        out = engine.translate_batch(texts)
    except (BilingualError, KeyboardInterrupt):
        raise
    except (Exception, SystemExit) as exc:  # a plugin's sys.exit() ends nothing but its batch
        raise EngineError(
            _("engine {name!r} failed: {error}").format(name=name, error=f"{type(exc).__name__}: {exc}"),
            hint=_("check the engine and its model"),
        ) from exc
    if not isinstance(out, list | tuple) or len(out) != len(texts):
        got = len(out) if isinstance(out, list | tuple) else type(out).__name__
        raise EngineError(
            _("engine {name!r} returned {got} translations for {n} texts").format(name=name, got=got, n=len(texts)),
            hint=_("an engine returns one string per text, in order"),
        )
    bad = [o for o in out if not isinstance(o, str)]
    if bad:
        raise EngineError(
            _("engine {name!r} returned a {type} where a string was expected").format(
                name=name, type=type(bad[0]).__name__
            ),
            hint=_("an engine returns one string per text, in order"),
        )
    for text in out:
        if (why := unwritable(text)) is not None:
            raise EngineError(
                _("engine {name!r} returned text that cannot be stored: {why}").format(name=name, why=why),
                hint=_("check the engine and its model"),
            )
    return list(out)


def _chunks(items: list[Segment], size: int) -> Iterator[list[Segment]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def translate_document(
    doc: Document,
    *,
    engine: Engine,
    glossary: Glossary | None = None,
    recall: Recall | None = None,
    progress: Progress | None = None,
    chunk_size: int = 256,
    protect: re.Pattern[str] | None = None,
) -> tuple[Document, Tally]:
    """Translate every segment of *doc*; return the translated document and its tally.

    *protect* matches spans carried through the engine untouched (placeholders such as ``[X7X]``,
    ``{{name}}``, ``%s``, HTML tags): masked like names, written back as they were, never counted
    as names. *recall* holds the memory's exact and near matches for the document's sources. A reused
    machine text is checked as engine output is: its names against today's glossary, and text
    the engine left mostly Latin is marked untranslated again (a re-run says what the first said).
    """

    report = Tally()
    segments = doc.segments()
    report.segments = len(segments)
    done: dict[str, Segment] = {}
    todo: list[Segment] = []
    fingerprint = glossary.fingerprint if glossary is not None else ""

    made_by = origin(engine)
    for seg in segments:
        hit = recall.exact(seg.source) if recall is not None else None
        if hit is not None and not reusable(hit, made_by):
            hit = None
        reused = reuse_hit(seg, hit, glossary) if hit is not None else None
        if reused is not None:
            done[seg.id] = reused
            report.from_memory += 1
            if progress:
                progress(1)
            continue
        if recall is not None and hit is None:
            near = recall.near(seg.source)
            if near is not None:
                seg = replace(seg, note=f"memory {near.score:.0%} ({near.status}): {near.source} → {near.target}")
                report.fuzzy_notes += 1
        todo.append(seg)

    for group in _chunks(todo, chunk_size):
        for seg, (target, terms, untranslated) in zip(
            group, _translate_group(group, engine, glossary, report, protect), strict=True
        ):
            terms = tuple(t for t in terms if t.kind != PLACEHOLDER)
            done[seg.id] = write_target(seg, target, glossary=glossary, by="machine", status="mt", placed=terms,
                                        untranslated=untranslated)  # fmt: skip
            report.from_engine += 1
            if untranslated:
                report.untranslated.append(seg.id)
        if progress:
            progress(len(group))

    report.unknown = [seg.id for seg in done.values() if "⁇" in seg.target]
    for seg in done.values():
        for term in seg.terms:
            report.terms_found += 1
            if term.enforced:
                report.terms_enforced += 1
            else:
                report.terms_missing += 1
                report.missing.append((seg.id, term.entry))

    who = identity(engine)
    head = replace(
        doc.head,
        engine=who.name,
        model_name=who.model_name,
        model_version=who.model_version,
        model_checksum=who.model_checksum,
        glossary_fingerprint=fingerprint,
        tool_version=__version__,
    )
    return replace(doc.with_segments(done), head=head), report


def _spans(source: str, glossary: Glossary | None, protect: re.Pattern[str] | None) -> list[TermSpan]:
    """The glossary's names in *source* and the protected spans, in order; a name overlapping a protected
    span gives way (a placeholder is never translated)."""
    names = glossary.find(source) if glossary is not None else []
    if protect is None:
        return names
    kept = [
        TermSpan(m.start(), m.end(), Entry(m.group(), m.group(), PLACEHOLDER))
        for m in protect.finditer(source)
        if m.end() > m.start()
    ]
    free = [n for n in names if not any(n.start < k.end and k.start < n.end for k in kept)]
    return sorted(kept + free, key=lambda span: span.start)


def _translate_group(
    group: list[Segment],
    engine: Engine,
    glossary: Glossary | None,
    report: Tally,
    protect: re.Pattern[str] | None = None,
) -> list[tuple[str, tuple[TermMatch, ...], bool]]:
    """Translate a group of segments with names masked, repairing what the engine breaks.

    Placeholders lost by the engine are retried in the next placeholder form; sentences that
    still lose one are translated unmasked, with each affected name also translated alone so
    its spelling by the engine can be found and replaced.
    """
    jobs = [masking.mask(seg.source, _spans(seg.source, glossary, protect)) for seg in group]
    outputs = run_engine(engine, [job.masked for job in jobs])
    report.engine_calls += 1
    untranslated = _retry_untranslated(jobs, outputs, engine, report)
    for style in range(1, len(masking.STYLES)):
        broken = [i for i, job in enumerate(jobs) if job.matches and not masking.placeholders_intact(outputs[i], job)]
        if not broken:
            break
        retry = [masking.mask(jobs[i].source, jobs[i].matches, style=style) for i in broken]
        for i, job, out in zip(broken, retry, run_engine(engine, [j.masked for j in retry]), strict=True):
            if masking.placeholders_intact(out, job):
                jobs[i], outputs[i] = job, out
        report.engine_calls += 1
    broken = [i for i, job in enumerate(jobs) if job.matches and not masking.placeholders_intact(outputs[i], job)]
    unmasked: dict[int, str] = {}
    spellings: dict[str, str] = {}
    if broken:
        names = sorted({group[i].source[span.start : span.end] for i in broken for span in jobs[i].matches})
        outs = run_engine(engine, [group[i].source for i in broken] + names)
        report.engine_calls += 1
        unmasked = dict(zip(broken, outs[: len(broken)], strict=True))
        spellings = _trusted_spellings(names, outs[len(broken) :], glossary)
    return [
        (*restore(outputs[i], job, unmasked=unmasked.get(i), spellings=spellings), i in untranslated)
        for i, job in enumerate(jobs)
    ]


def _retry_untranslated(jobs: list[MaskJob], outputs: list[str], engine: Engine, report: Tally) -> set[int]:
    """Sentences that came back mostly Latin get one more try with other decoding settings (when
    the engine offers ``retry_batch``); those still untranslated are returned, to be marked."""
    failed = [i for i, out in enumerate(outputs) if mostly_latin(out)]
    retry = getattr(engine, "retry_batch", None)
    if failed and retry is not None:
        again = run_engine(_Retrying(engine), [jobs[i].masked for i in failed])
        report.engine_calls += 1
        for i, out in zip(failed, again, strict=True):
            if not mostly_latin(out):
                outputs[i] = out
        failed = [i for i in failed if mostly_latin(outputs[i])]
    return set(failed)


class _Retrying:
    """The engine seen through its ``retry_batch`` (so run_engine holds it to the same protocol)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        who = identity(engine)
        self.name, self.model_name = who.name, who.model_name
        self.model_version, self.model_checksum = who.model_version, who.model_checksum

    def translate_batch(self, texts: list[str]) -> list[str]:
        return self.engine.retry_batch(texts)  # type: ignore[attr-defined]


def _trusted_spellings(names: list[str], outputs: list[str], glossary: Glossary | None) -> dict[str, str]:
    """The engine's spelling of each name alone, kept only when it is specific to that name.

    An engine that answers everything with the same words would otherwise "find" every name.
    """
    entry_of = {}
    for name in names:
        spans = glossary.find(name) if glossary is not None else []
        entry_of[name] = spans[0].entry.key if spans else name
    spelled = {name: out.strip().strip(".،,!؟?") for name, out in zip(names, outputs, strict=True)}
    owners: dict[str, set[str]] = {}
    for name, spelling in spelled.items():
        owners.setdefault(spelling, set()).add(entry_of[name])
    return {name: sp for name, sp in spelled.items() if sp and len(owners[sp]) == 1}


def reusable(hit: Hit, made_by: str) -> bool:
    """Whether a memory hit may stand for a translation: an editor's text always; a machine text only
    when the engine and model in use wrote it (another model's output — a test model's, an older
    model's — is translated again) and it is Arabic (mostly Latin text is never reused)."""
    if hit.human:
        return True
    return hit.origin == made_by and not mostly_latin(hit.target)


def origin(engine: Engine) -> str:
    """How the memory names what made a machine translation: ``engine:model``."""
    return identity(engine).origin
