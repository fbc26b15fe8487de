"""Options and helpers shared by several commands."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import click

from bilingual.i18n import _
from bilingual.jobs.result import Message, Result
from bilingual.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def glossary_option(func: F) -> F:
    return click.option(
        "--glossary",
        "glossary_path",
        type=click.Path(dir_okay=True, file_okay=True),
        default=None,
        help=_("Glossary: a PO file or a folder of them (default: ./glossary when it exists)."),
    )(func)


def memory_options(func: F) -> F:
    func = click.option("--no-memory", is_flag=True, help=_("Neither read nor write the translation memory."))(func)
    return click.option(
        "--memory",
        "memory_path",
        type=click.Path(dir_okay=False),
        default=None,
        help=_("Translation memory file (default: bilingual/memory.sqlite3 in the user data folder)."),
    )(func)


def wants_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


class DownloadBar:
    """A download progress callback that draws a click progress bar on stderr."""

    def __init__(self, enabled: bool, label: str) -> None:
        self.enabled = enabled
        self.label = label
        self.bar: Any = None  # click's ProgressBar, entered on the first call
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total or None, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def say(message: str, quiet: bool = False) -> None:
    """A status line on stderr (results go to stdout or files)."""
    if not quiet:
        click.echo(message, err=True)


def printer(quiet: bool = False) -> Callable[[Message], None]:
    """How the command line shows a job's messages: its output on stdout, status lines on stderr
    (``-q`` silences status lines, never warnings)."""

    def show(message: Message) -> None:
        if message.level == "progress":
            if wants_progress(quiet):
                click.echo(message.text, err=True)
        elif message.level == "data":
            click.echo(message.text)
        elif message.level == "warning" or not quiet:
            click.echo(message.text, err=True)

    return show


def run(job: Callable[..., Result], workspace: Workspace, request: Any, *, quiet: bool = False,
        strict: bool = False) -> Result:  # fmt: skip
    """Run a use case in the command's workspace, its messages printed as they come; its failure
    (exit 6) raised at the end."""
    result = job(workspace, request, Result(strict=strict, listener=printer(quiet)))
    return result.finish()


def workspace_of(glossary_path: str | None = None, memory_path: str | None = None, no_memory: bool = False,
                 **engine: Any) -> Workspace:  # fmt: skip
    """The command's workspace from its options (``engine_name``, ``engine_options``, ``download``,
    ``index``, ``download_progress`` when it translates)."""
    return Workspace(glossary_path=glossary_path, memory_path=memory_path, use_memory=not no_memory, **engine)


def progress_bars(
    quiet: bool, label: str, *, least: int = 20
) -> Callable[[int], AbstractContextManager[Callable[[int], None] | None]]:
    """A progress factory for jobs: a click bar on stderr for *n* items (none when quiet, piped or small)."""

    @contextlib.contextmanager
    def bar(n: int) -> Iterator[Callable[[int], None] | None]:
        if not wants_progress(quiet) or n <= least:
            yield None
            return
        with click.progressbar(length=n, label=label, file=sys.stderr) as progress:
            yield progress.update

    return bar
