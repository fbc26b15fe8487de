"""The translation pipeline: segments → (memory) → mask names → engine → restore → check.

Pure over the document model: the engine is passed in, nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bilingual import __version__
from bilingual.document import Document, Segment
from bilingual.engines import Engine

Progress = Callable[[int], None]  # called with the number of segments just finished


@dataclass
class Report:
    """What a translation run did: counts for the summary line and the glossary compliance."""

    segments: int = 0
    from_engine: int = 0
    from_memory: int = 0
    engine_calls: int = 0
    terms_found: int = 0
    terms_enforced: int = 0
    terms_missing: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (segment id, entry)
    fuzzy_notes: int = 0


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def translate_document(
    doc: Document,
    *,
    engine: Engine,
    glossary=None,
    memory=None,
    progress: Progress | None = None,
    chunk_size: int = 256,
) -> tuple[Document, Report]:
    """Translate every segment of *doc*; return the translated document and a report."""
    from bilingual import masking

    report = Report()
    segments = doc.segments()
    report.segments = len(segments)
    done: dict[str, Segment] = {}
    todo: list[Segment] = []
    fingerprint = glossary.fingerprint if glossary is not None else ""

    for seg in segments:
        hit = memory.lookup(seg.source) if memory is not None else None
        if hit is not None and hit.reusable:
            matches = glossary.find(seg.source) if glossary is not None else []
            target, terms = masking.check_terms(seg.source, hit.target, matches)
            done[seg.id] = replace(seg, target=target, status="tm", terms=terms)
            report.from_memory += 1
            if progress:
                progress(1)
            continue
        if hit is not None and hit.fuzzy_note:
            seg = replace(seg, note=hit.fuzzy_note)
            report.fuzzy_notes += 1
        todo.append(seg)

    for group in _chunks(todo, chunk_size):
        jobs = [masking.mask(seg.source, glossary.find(seg.source) if glossary is not None else [])
                for seg in group]
        outputs = engine.translate_batch([job.masked for job in jobs])
        report.engine_calls += 1
        retry_jobs = [(i, job) for i, (job, out) in enumerate(zip(jobs, outputs))
                      if job.slots and not masking.placeholders_intact(out, job)]
        retry_outputs: dict[int, str] = {}
        if retry_jobs:
            # Second chance: another placeholder form the engine may carry better.
            alt = [masking.mask(group[i].source, job.matches, style=1) for i, job in retry_jobs]
            outs = engine.translate_batch([a.masked for a in alt])
            report.engine_calls += 1
            for (i, _), a, out in zip(retry_jobs, alt, outs):
                if masking.placeholders_intact(out, a):
                    jobs[i], retry_outputs[i] = a, out
        unmasked_needed = [i for i, job in enumerate(jobs) if job.slots and i not in retry_outputs
                           and not masking.placeholders_intact(outputs[i], job)]
        unmasked: dict[int, str] = {}
        if unmasked_needed:
            # Last resort: translate without placeholders and replace the model's own spellings.
            outs = engine.translate_batch([group[i].source for i in unmasked_needed])
            report.engine_calls += 1
            unmasked = dict(zip(unmasked_needed, outs))
        for i, (seg, job) in enumerate(zip(group, jobs)):
            raw = retry_outputs.get(i, outputs[i])
            target, terms = masking.restore(raw, job, unmasked=unmasked.get(i), glossary=glossary)
            done[seg.id] = replace(seg, target=target, status="mt", terms=terms)
            report.from_engine += 1
        if progress:
            progress(len(group))

    for seg in done.values():
        for term in seg.terms:
            report.terms_found += 1
            if term.enforced:
                report.terms_enforced += 1
            else:
                report.terms_missing += 1
                report.missing.append((seg.id, term.entry))

    head = replace(
        doc.head,
        engine=getattr(engine, "name", type(engine).__name__),
        model_name=getattr(engine, "model_name", ""),
        model_version=getattr(engine, "model_version", ""),
        model_checksum=getattr(engine, "model_checksum", ""),
        glossary_fingerprint=fingerprint,
        tool_version=__version__,
    )
    if memory is not None:
        memory.record_document(doc.with_segments(done), origin=_origin(engine), glossary_fingerprint=fingerprint)
    return replace(doc.with_segments(done), head=head), report


def _origin(engine) -> str:
    name = getattr(engine, "name", type(engine).__name__)
    model = getattr(engine, "model_name", "")
    return f"{name}:{model}" if model else name
