"""Options and helpers shared by several commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from bilingual.i18n import _


def glossary_option(func):
    return click.option(
        "--glossary", "glossary_path", type=click.Path(dir_okay=True, file_okay=True), default=None,
        help=_("Glossary: a PO file or a folder of them (default: ./glossary when it exists)."),
    )(func)


def memory_options(func):
    func = click.option("--no-memory", is_flag=True, help=_("Neither read nor write the translation memory."))(func)
    return click.option(
        "--memory", "memory_path", type=click.Path(dir_okay=False), default=None,
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


def names_folder(output: str | None) -> bool:
    """Whether ``-o`` names a folder: one that exists, or a path ending in a slash (created)."""
    return output is not None and output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def output_path(output: str | None, default: str) -> str:
    """Where to write: *default* when no ``-o``; a folder's file named as *default*'s; else ``-o``."""
    if output is None:
        return default
    if names_folder(output):
        return str(Path(output) / Path(default).name)
    return output


def write_output(path: str, data: bytes) -> None:
    """Write *data* to *path* atomically, or to stdout for ``-``."""
    from bilingual.errors import InputError
    from bilingual.fsutil import write_bytes

    if path != "-" and (path.endswith(("/", os.sep)) or Path(path).is_dir()):
        raise InputError(_("is a folder, not a file"), path=path, hint=_("name the file to write"))
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes(path, data)
