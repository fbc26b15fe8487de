"""Translate an archive: many articles in several processes, or on a Ray cluster, resumable.

Each document is one task, translated by the same use case as a single ``translate``
(:func:`bilingual.jobs.translate.translate_articles`, every rule of it included) in a worker that
loads the engine and the glossary once. An output is up to date — skipped, and counted — when it
is an aligned document made from the same input bytes with the same glossary, engine and model;
``force`` redoes it. A run killed halfway, run again, finishes the rest and rewrites nothing that
was done; a Ray task retried after a failure finds its output done and skips it.

Processes are spawned (never forked: the engine's threads do not survive a fork) and share the
machine's cores: ``workers × threads per translator ≤ cores``.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from multiprocessing import get_context
from typing import Any, NamedTuple

from bilingual import outputs
from bilingual.engines import identity as engine_identity
from bilingual.errors import BilingualError, InputError, install_hint
from bilingual.formats.aligned import read_aligned
from bilingual.i18n import _, ngettext
from bilingual.jobs.result import Result
from bilingual.jobs.translate import TranslateRequest, default_output, translate_articles
from bilingual.progress import Pace
from bilingual.quiet import library_output_aside
from bilingual.read import DEFAULT_MAX_BYTES
from bilingual.workspace import Workspace


@dataclass(frozen=True)
class ArchiveRequest:
    """A translate request run as an archive job: ``workers`` processes, or on Ray (``ray``: an address or
    ``local``), skipping outputs that are up to date unless ``force``."""

    translate: TranslateRequest
    workers: int = 1
    ray: str | None = None
    ray_cpus: int = 0  # for ``ray="local"``: CPUs of the local cluster (0: Ray's own count)
    force: bool = False


@dataclass(frozen=True)
class Fingerprint:
    """What an output was made from: the input's bytes, the glossary, the engine and its model."""

    glossary: str
    engine: str
    model: str


def up_to_date(source: str, output: str, fingerprint: Fingerprint, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Whether *output* is an aligned document made from *source*'s bytes as they are now, with this
    glossary, engine and model (a damaged or foreign file is never up to date).

    What is cheap is compared first (the head, the source's size against the input limit); the
    source is then hashed as a stream, never held whole."""
    if not os.path.isfile(output) or not os.path.isfile(source):
        return False
    try:
        head = read_aligned(output).head
        if (head.glossary_fingerprint, head.engine, head.model_checksum) != (
            fingerprint.glossary, fingerprint.engine, fingerprint.model
        ) or os.path.getsize(source) > max_bytes:  # fmt: skip
            return False
        with open(source, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except (BilingualError, OSError):
        return False
    return head.input_sha256 == digest


def translate_archive(workspace: Workspace, request: ArchiveRequest, result: Result | None = None) -> Result:
    """Plan every output, skip what is up to date, translate the rest in workers; say documents and
    segments per second as documents finish."""
    result = result if result is not None else Result()
    base = request.translate
    result.strict = base.strict
    if base.output in (None, outputs.STDOUT) or not outputs.names_folder(base.output):
        raise InputError(_("an archive job writes into a folder"), path=base.output or "-",
                         hint=_("pass -o FOLDER/"))  # fmt: skip
    inputs = [p for p in base.inputs if p != outputs.STDOUT]
    planned = outputs.plan(inputs, base.output, default_output)
    glossary = workspace.glossary()
    if glossary is None:
        result.warn_no_glossary()
    engine = workspace.engine()
    identity = engine_identity(engine)
    fingerprint = Fingerprint(glossary.fingerprint if glossary is not None else "", identity.name,
                              identity.model_checksum)  # fmt: skip
    tasks = []
    for path, (out, note) in zip(inputs, planned, strict=True):
        if note:
            result.say(note)
        if not request.force and up_to_date(path, out, fingerprint, max_bytes=request.translate.max_bytes):
            result.counts["up_to_date"] += 1
            result.item(path, "up to date", where=out)
            continue
        tasks.append((path, out))
    if request.ray:
        done = _run_ray(workspace, request, tasks, fingerprint, result)
    else:
        done = _run_processes(workspace, request, tasks, result.progress)
    for item in done:
        if item.error:
            result.counts["failed"] += 1
            result.item(item.input, "failed", item.error, where=item.output)
            result.warn(_("{path}: {error}").format(path=item.input, error=item.error))
        else:
            result.counts["documents"] += 1
            result.counts["segments"] += item.segments
            result.counts["names_missing"] += item.missing
            result.counts["untranslated"] += item.untranslated
            result.wrote(item.output)
    result.say(
        _("{done} translated, {skipped} up to date (skipped; --force redoes them), {failed} failed").format(
            done=result.counts["documents"], skipped=result.counts["up_to_date"], failed=result.counts["failed"]
        )
    )
    _list_reviews(done, result)
    if result.counts["failed"]:
        raise BilingualError(_("{n} documents failed (listed above); run again to finish them").format(
            n=result.counts["failed"]))  # fmt: skip
    return result


def _list_reviews(done: list[Done], result: Result) -> None:
    """The documents that need an editor: names missing, sentences left in English."""
    review = [item for item in done if not item.error and (item.missing or item.untranslated)]
    if not review:
        return
    result.warn(ngettext("{n} document needs review:", "{n} documents need review:", len(review)).format(n=len(review)))
    for item in sorted(review, key=lambda d: d.output):
        result.item(item.input, "needs review", where=item.output)
        result.warn("  " + _("{output}: {missing} names missing, {untranslated} untranslated").format(
            output=item.output, missing=item.missing, untranslated=item.untranslated))  # fmt: skip


class Done(NamedTuple):
    """One document's outcome: its segments, what needs review in it, or its error ("" when done)."""

    input: str
    output: str
    segments: int = 0
    error: str = ""
    missing: int = 0  # glossary names missing from the translation
    untranslated: int = 0  # segments the engine left mostly Latin


def _run_processes(workspace: Workspace, request: ArchiveRequest, tasks: list[tuple[str, str]],
                   say: Callable[[str], None]) -> list[Done]:  # fmt: skip
    if not tasks:
        return []
    workers = max(1, min(request.workers, len(tasks)))
    pace, done = Pace(len(tasks)), []
    if workers == 1:
        for item in (_one(workspace, request.translate, path, out) for path, out in tasks):
            done.append(item)
            pace.advance(item.segments)
            say(pace.line(item.output))
        return done
    shared = _split_threads(workspace, workers)
    context = get_context("spawn")
    initargs = (shared, _travelling(request.translate))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=initargs) as pool:
        futures = [pool.submit(_work, path, out) for path, out in tasks]
        for future in as_completed(futures):
            item = future.result()
            done.append(item)
            pace.advance(item.segments)
            say(pace.line(item.output))
    return done


def _split_threads(workspace: Workspace, workers: int) -> Workspace:
    """Each worker one translator with its share of the cores: workers × threads ≤ cores. What
    travels to another process is values only (the engine and glossary are loaded there)."""
    cores = os.cpu_count() or 1
    threads = workspace.engine_options.threads or max(1, cores // workers)
    options = replace(workspace.engine_options, threads=threads, inter_threads=1)
    return replace(workspace, engine_options=options, download=False, loaded_engine=None, _glossary=None,
                   download_progress=None)  # fmt: skip


def _travelling(request: TranslateRequest) -> TranslateRequest:
    """The request as it travels to a worker: progress bars and streams stay here."""
    return replace(request, progress=None, stdout=None)


_WORKER: dict[str, Any] = {}


def _start_worker(workspace: Workspace, request: TranslateRequest) -> None:
    """Load the engine once per worker process (the glossary when its files change)."""
    workspace.engine()
    _WORKER["workspace"] = workspace
    _WORKER["request"] = request


def _work(path: str, out: str) -> Done:
    return _one(_WORKER["workspace"], _WORKER["request"], path, out)


def _one(workspace: Workspace, request: TranslateRequest, path: str, out: str) -> Done:
    """One document through the translate use case; an error is the document's, not the run's."""
    single = replace(request, inputs=(path,), output=out, progress=None)
    try:
        done = translate_articles(workspace, single)
    except BilingualError as exc:
        return Done(path, out, error=str(exc))
    counts = done.counts
    return Done(path, out, counts["segments"], "", counts["names_missing"], counts["untranslated"])


def _done_already(path: str, out: str) -> Done:
    """A document a retried Ray task finds done: what needs review in it, read from the output."""
    segments = read_aligned(out).segments()
    missing = sum(1 for seg in segments for term in seg.terms if not term.enforced)
    untranslated = sum(1 for seg in segments if seg.untranslated)
    return Done(path, out, len(segments), "", missing, untranslated)


def _run_ray(workspace: Workspace, request: ArchiveRequest, tasks: list[tuple[str, str]], fingerprint: Fingerprint,
             result: Result) -> list[Done]:  # fmt: skip
    """The same tasks on Ray: a pool of actors (``--workers``), each loading the engine once, fed one
    document at a time with one more waiting, so no actor idles between documents; documents are
    taken as they finish, for the progress line. An actor lost with its node is restarted and its
    document retried; a retried document already done is skipped. Ray's own output goes to a log."""
    try:
        import ray
    except ImportError as exc:
        raise BilingualError(_("--ray needs the cluster extra: {error}").format(error=exc),
                             hint=install_hint("cluster")) from exc  # fmt: skip
    if not tasks:
        return []
    with library_output_aside("ray") as aside:
        try:
            done, start = _on_ray(ray, workspace, request, tasks, fingerprint, aside.through(result.progress))
        except Exception as exc:
            if isinstance(exc, BilingualError):
                raise
            raise BilingualError(_("the Ray run failed: {error}").format(error=_root_cause(exc)),
                                 hint=_("Ray's own log is in {log}").format(log=aside.log or "-")) from exc  # fmt: skip
    if start is not None:
        result.say(_("Ray started on this machine in {seconds:.1f} s (to skip this on every run, keep a cluster "
                     "running with `ray start --head` and pass --ray auto)").format(seconds=start))  # fmt: skip
    return done


def _root_cause(exc: BaseException) -> str:
    """What a person needs from a Ray error, on one line: the exception our code raised on the node (an
    engine that could not load there, say), never Ray's tracebacks around it."""
    cause = exc
    while isinstance(getattr(cause, "cause", None), BaseException) and cause.cause is not cause:  # type: ignore[attr-defined]
        cause = cause.cause  # type: ignore[attr-defined]
    raised = re.findall(r"^\s*(?:[\w.]+\.)?(\w+(?:Error|Exception)): (.+)$", str(cause), re.MULTILINE)
    if raised:  # the last is the first cause: Ray's message wraps the traceback of the node's error
        return "{}: {}".format(*raised[-1])
    first = str(cause).strip().splitlines()[:1]
    return f"{type(cause).__name__}: {first[0]}" if first else type(cause).__name__


RETRIES = 2  # times an actor lost with its node is restarted, and its document tried again


def _on_ray(ray: Any, workspace: Workspace, request: ArchiveRequest, tasks: list[tuple[str, str]],
            fingerprint: Fingerprint, say: Callable[[str], None]) -> tuple[list[Done], float | None]:  # fmt: skip
    """The documents done, and the seconds Ray took to start here (None: a running cluster)."""
    import logging

    started_here, start = not ray.is_initialized(), None
    if started_here:
        address = None if request.ray == "local" else request.ray
        began = time.monotonic()
        ray.init(address=address, num_cpus=(request.ray_cpus or None) if address is None else None,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)  # fmt: skip
        if address is None:
            start = time.monotonic() - began
    try:
        logging.getLogger("ray").setLevel(logging.ERROR)
        workers = max(1, min(request.workers, len(tasks)))
        shared = _split_threads(workspace, workers)
        actor = ray.remote(num_cpus=shared.engine_options.threads, max_restarts=RETRIES,
                           max_task_retries=RETRIES)(_RayTranslator)  # fmt: skip
        travelling = _travelling(request.translate)
        pool = [actor.remote(shared, travelling, None if request.force else fingerprint) for _n in range(workers)]
        waiting = list(reversed(tasks))
        running: dict[Any, Any] = {}  # a document's future → the actor translating it

        def feed(translator: Any) -> None:
            if waiting:
                path, out = waiting.pop()
                running[translator.translate.remote(path, out)] = translator

        for translator in pool:
            feed(translator)
            feed(translator)  # one more waiting at each actor: it starts the next as soon as one is done
        pace, done = Pace(len(tasks)), []
        while running:
            ready, _pending = ray.wait(list(running), num_returns=1)
            translator = running.pop(ready[0])
            item = Done(*ray.get(ready[0]))
            feed(translator)
            done.append(item)
            pace.advance(item.segments)
            say(pace.line(item.output))
        return done, start
    finally:
        if started_here:
            ray.shutdown()


class _RayTranslator:
    """A Ray actor: the engine loaded once, one document a call. With a fingerprint, an output already
    made from the same input and glossary is skipped (a document retried after its node was lost);
    without one (``--force``), every document is translated again."""

    def __init__(self, workspace: Workspace, request: TranslateRequest, fingerprint: Fingerprint | None) -> None:
        self.workspace = workspace
        self.request = request
        self.fingerprint = fingerprint
        workspace.engine()

    def translate(self, path: str, out: str) -> tuple[Any, ...]:
        if self.fingerprint is not None and up_to_date(path, out, self.fingerprint, max_bytes=self.request.max_bytes):
            return tuple(_done_already(path, out))
        return tuple(_one(self.workspace, self.request, path, out))
