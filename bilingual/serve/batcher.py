"""Requests merged into engine batches: one queue in front of the translators, bounded.

Each request puts its texts on an asyncio queue and awaits a future. When a translator is free,
one worker takes what is waiting — whole requests, up to ``max_texts`` texts (a request longer
than that goes alone), or whatever arrived within ``window`` seconds of the first — and runs the
text use case on them in a thread (CTranslate2 releases the GIL), then settles every future.

The cap is what keeps each answer its own: a request is answered when *its* batch is done, not
when everything waiting is, so under load a request waits for a few batches of ``max_texts``
rather than for one batch of everyone's texts, and the texts in the engine at once (the server's
memory) are bounded by ``parallel × max_texts`` whatever the load. By default the cap is one
engine round: as many texts as the engine's translators take in one go (translators × the
sentences each is fed). Up to ``parallel`` batches run at once, one per translator the engine
keeps. Past ``max_queue`` waiting texts, a request is refused at once (the API answers 503)
instead of the queue growing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bilingual.engines import Engine, identity
from bilingual.errors import EngineError
from bilingual.i18n import _
from bilingual.jobs.text import TextRequest, TextResult, translate_texts
from bilingual.names.glossary import Glossary


class Overloaded(Exception):
    """The queue is full: the request is refused, not queued."""


@dataclass
class _Job:
    texts: tuple[str, ...]
    markup: str
    glossary: Glossary | None
    done: asyncio.Future[TextResult]


@dataclass
class Batcher:
    engine: Engine
    max_queue: int = 2048  # texts waiting, at most
    max_texts: int = 0  # texts in one engine batch, at most (0: one engine round, see above)
    window: float = 0.01  # seconds a batch waits for more once it has one request
    parallel: int = 0  # batches at once (0: the engine's translators, else the machine's cores)
    _slots: asyncio.Semaphore | None = None
    _running: set[asyncio.Task[None]] = field(default_factory=set)
    _queue: asyncio.Queue[_Job] | None = None
    _waiting: int = 0
    _worker: asyncio.Task[None] | None = None
    _held: _Job | None = None  # taken from the queue, but over the cap of the batch being made
    batches: list[int] = field(default_factory=list)  # texts per batch run (for the load bench)

    async def start(self) -> None:
        import os

        plan = getattr(self.engine, "plan", None)
        parallel = self.parallel or getattr(plan, "inter_threads", 0) or os.cpu_count() or 1
        if self.max_texts <= 0:
            self.max_texts = max(1, getattr(plan, "inter_threads", 0) or 1) * (getattr(plan, "batch_examples", 0) or 32)
        self._slots = asyncio.Semaphore(max(1, parallel))
        self._queue = asyncio.Queue()
        self._worker = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Finish what is queued (requests in flight get their answers), then stop."""
        if self._queue is not None:
            await self._queue.join()
        if self._worker is not None:
            self._worker.cancel()

    async def translate(self, texts: tuple[str, ...], *, markup: str, glossary: Glossary | None) -> TextResult:
        if self._queue is None:
            raise RuntimeError("the batcher is not started")
        if self._waiting + len(texts) > self.max_queue:
            raise Overloaded
        self._waiting += len(texts)
        done: asyncio.Future[TextResult] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Job(texts, markup, glossary, done))
        return await done

    async def _run(self) -> None:
        assert self._queue is not None and self._slots is not None
        while True:
            await self._slots.acquire()  # a translator is free: the batch is made of what waits now
            try:
                jobs = await self._gather()
            except BaseException:
                self._slots.release()
                raise
            # One engine batch per (format, glossary) group of what is waiting.
            groups: dict[tuple[str, int], list[_Job]] = {}
            for job in jobs:
                groups.setdefault((job.markup, id(job.glossary)), []).append(job)
            for n, group in enumerate(groups.values()):
                if n:
                    await self._slots.acquire()
                task = asyncio.create_task(self._settle_and_release(group))
                self._running.add(task)  # a reference, so the task is not collected while it runs
                task.add_done_callback(self._running.discard)

    async def _gather(self) -> list[_Job]:
        """Whole requests up to the cap: the first waiting, then what arrives within the window."""
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        first, self._held = self._held or await self._queue.get(), None
        jobs, size = [first], len(first.texts)
        deadline = loop.time() + self.window
        while size < self.max_texts:
            try:
                if self._queue.empty():
                    timeout = deadline - loop.time()
                    if timeout <= 0:
                        break
                    job = await asyncio.wait_for(self._queue.get(), timeout)
                else:
                    job = self._queue.get_nowait()
            except TimeoutError:
                break
            if size + len(job.texts) > self.max_texts:
                self._held = job  # the next batch's first
                break
            jobs.append(job)
            size += len(job.texts)
        return jobs

    async def _settle_and_release(self, group: list[_Job]) -> None:
        assert self._queue is not None and self._slots is not None
        try:
            await self._settle(group)
        finally:
            self._slots.release()
            for _job in group:
                self._queue.task_done()

    async def _settle(self, group: list[_Job]) -> None:
        texts = tuple(t for job in group for t in job.texts)
        self.batches.append(len(texts))
        request = TextRequest(texts, markup=group[0].markup)
        try:
            result = await asyncio.to_thread(translate_texts, request, engine=self.engine, glossary=group[0].glossary)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # whatever the engine raised (KeyboardInterrupt too) ends this batch only
            if len(group) > 1:  # one request's text may be the cause: each is tried alone, the others answered
                for job in group:
                    await self._settle([job])
                return
            failure = exc if isinstance(exc, Exception) else EngineError(
                _("engine {name!r} failed: {error}").format(name=identity(self.engine).name,
                                                            error=type(exc).__name__))  # fmt: skip
            for job in group:
                self._waiting -= len(job.texts)
                if not job.done.done():
                    job.done.set_exception(failure)
            return
        at = 0
        for job in group:
            n = len(job.texts)
            part = TextResult(result.translations[at : at + n], result.names[at : at + n], 0)
            at += n
            self._waiting -= n
            if not job.done.done():  # a client that went away cancelled its future
                job.done.set_result(part)
