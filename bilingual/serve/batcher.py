"""Requests merged into engine batches: one queue in front of the translators, bounded.

Each request puts its texts on an asyncio queue and awaits a future. One worker takes what is
waiting — up to ``max_texts`` texts, or whatever arrived within ``window`` seconds of the first
— and runs the text use case on them in a thread (CTranslate2 releases the GIL), then settles
every future. Up to ``parallel`` batches run at once, one per translator the engine keeps: a
small batch fills one translator, so a second batch keeps the other cores busy. Past ``max_queue`` waiting texts, a
request is refused at once (the API answers 503) instead of the queue growing.
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
    max_texts: int = 256  # texts in one engine batch, at most
    window: float = 0.01  # seconds a batch waits for more once it has one request
    parallel: int = 0  # batches at once (0: the engine's translators, else the machine's cores)
    _slots: asyncio.Semaphore | None = None
    _running: set[asyncio.Task[None]] = field(default_factory=set)
    _queue: asyncio.Queue[_Job] | None = None
    _waiting: int = 0
    _worker: asyncio.Task[None] | None = None
    batches: list[int] = field(default_factory=list)  # texts per batch run (for the load bench)

    async def start(self) -> None:
        import os

        plan = getattr(self.engine, "plan", None)
        parallel = self.parallel or getattr(plan, "inter_threads", 0) or os.cpu_count() or 1
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
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        while True:
            jobs = [await self._queue.get()]
            deadline = loop.time() + self.window
            while sum(len(j.texts) for j in jobs) < self.max_texts:
                timeout = deadline - loop.time()
                if timeout <= 0:
                    break
                try:
                    jobs.append(await asyncio.wait_for(self._queue.get(), timeout))
                except TimeoutError:
                    break
            # One engine batch per (format, glossary) group of what is waiting.
            groups: dict[tuple[str, int], list[_Job]] = {}
            for job in jobs:
                groups.setdefault((job.markup, id(job.glossary)), []).append(job)
            for group in groups.values():
                assert self._slots is not None
                await self._slots.acquire()
                task = asyncio.create_task(self._settle_and_release(group))
                self._running.add(task)  # a reference, so the task is not collected while it runs
                task.add_done_callback(self._running.discard)

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
