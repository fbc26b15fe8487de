"""Keeping a library's own output out of the user's view: what Ray (its Python loggers, whenever
they were set up, its C++ core workers, and the errors its cluster pushes to the driver, which it
prints to standard output with their tracebacks) writes goes to a log file, while our own status
lines still reach the terminal. ``BILINGUAL_DEBUG=1`` shows everything as it comes."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Aside:
    """The block's terminal and its log: :meth:`through` makes a callback write to the terminal."""

    terminal: Any = None
    log: str = ""  # the log's path, kept when the block failed
    failed: bool = field(default=False)

    def through(self, say: Callable[[str], None]) -> Callable[[str], None]:
        if self.terminal is None:
            return say

        def shown(text: str) -> None:
            before, sys.stderr = sys.stderr, self.terminal
            try:
                say(text)
            finally:
                sys.stderr = before

        return shown


@contextlib.contextmanager
def library_output_aside(name: str) -> Iterator[Aside]:
    """Within the block, file descriptors 1 and 2, ``sys.stdout`` and ``sys.stderr`` go to a temporary
    log (nothing of ours is written to standard output there); callbacks wrapped by :meth:`Aside.through`
    still write to the terminal. The log is removed when the block ends well; when it raises, the
    log is kept (its path in ``Aside.log``, to be said)."""
    aside = Aside()
    if os.environ.get("BILINGUAL_DEBUG") == "1":
        yield aside
        return
    try:
        sys.stderr.flush()
        sys.stdout.flush()
        original, original_out = os.dup(2), os.dup(1)
    except (OSError, ValueError, AttributeError):  # no real stderr (an embedding host): nothing to set aside
        yield aside
        return
    log = tempfile.NamedTemporaryFile(prefix=f"bilingual-{name}-", suffix=".log", delete=False)  # noqa: SIM115
    aside.log = log.name
    aside.terminal = io.TextIOWrapper(os.fdopen(os.dup(original), "wb"), encoding="utf-8", errors="replace",
                                      line_buffering=True)  # fmt: skip
    logged = io.TextIOWrapper(os.fdopen(os.dup(log.fileno()), "wb"), encoding="utf-8", errors="replace",
                              line_buffering=True)  # fmt: skip
    before, before_out = sys.stderr, sys.stdout
    os.dup2(log.fileno(), 2)
    os.dup2(log.fileno(), 1)
    sys.stderr = sys.stdout = logged
    try:
        yield aside
    except BaseException:
        aside.failed = True
        raise
    finally:
        for stream in (logged, aside.terminal):
            stream.flush()
        sys.stderr, sys.stdout = before, before_out
        os.dup2(original, 2)
        os.dup2(original_out, 1)
        os.close(original)
        os.close(original_out)
        aside.terminal.close()
        logged.close()
        log.close()
        aside.terminal = None
        if not aside.failed:
            os.unlink(log.name)
