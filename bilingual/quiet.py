"""Keeping a library's own output out of the user's view: what Ray (its Python loggers, whenever
they were set up, and its C++ core workers) writes to standard error goes to a log file, while our
own status lines still reach the terminal. ``BILINGUAL_DEBUG=1`` shows everything as it comes."""

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
    """Within the block, file descriptor 2 and ``sys.stderr`` go to a temporary log; callbacks wrapped
    by :meth:`Aside.through` still write to the terminal. The log is removed when the block ends
    well; when it raises, the log is kept (its path in ``Aside.log``, to be said)."""
    aside = Aside()
    if os.environ.get("BILINGUAL_DEBUG") == "1":
        yield aside
        return
    try:
        sys.stderr.flush()
        original = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real stderr (an embedding host): nothing to set aside
        yield aside
        return
    log = tempfile.NamedTemporaryFile(prefix=f"bilingual-{name}-", suffix=".log", delete=False)  # noqa: SIM115
    aside.log = log.name
    aside.terminal = io.TextIOWrapper(os.fdopen(os.dup(original), "wb"), encoding="utf-8", errors="replace",
                                      line_buffering=True)  # fmt: skip
    logged = io.TextIOWrapper(os.fdopen(os.dup(log.fileno()), "wb"), encoding="utf-8", errors="replace",
                              line_buffering=True)  # fmt: skip
    before = sys.stderr
    os.dup2(log.fileno(), 2)
    sys.stderr = logged
    try:
        yield aside
    except BaseException:
        aside.failed = True
        raise
    finally:
        for stream in (logged, aside.terminal):
            stream.flush()
        sys.stderr = before
        os.dup2(original, 2)
        os.close(original)
        aside.terminal.close()
        logged.close()
        log.close()
        aside.terminal = None
        if not aside.failed:
            os.unlink(log.name)
