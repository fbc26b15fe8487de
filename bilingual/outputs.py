"""The one write policy: whether a file may be written, replaced or merged, for every front end.

Every file the tool writes — aligned documents, exports, reports, glossary exports, model
packages — is decided here, the same way for the command line, the desk, the server and batches:

- an output never replaces the translation memory, a glossary file, an input of the run or a
  file inside an input folder, whatever ``--overwrite`` says;
- an existing file is replaced only when it is an earlier output of the same kind (told by its
  content: the format's own ``is_own_output``), or with ``--overwrite``;
- a symbolic link at the output path is not followed unless ``--overwrite`` is given (then the
  file it points to is judged by the rules above, and the link stays). A link in the folders
  above the file is the user's layout and is followed;
- two outputs of one run never share a path (a clash gets ``-2``, ``-3`` …, said aloud);
- a folder is never written as a file.

What is *kept* when an output is replaced (an editor's segments in an aligned document, an
editor's unapplied work in an exchange file) is the job's business; this module says whether
the file may be touched at all.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bilingual.errors import InputError
from bilingual.fsutil import write_bytes
from bilingual.i18n import _

STDOUT = "-"
SQLITE_HEADER = b"SQLite format 3\x00"
HEAD_BYTES = 64 << 20  # what is read of an existing file to tell whether it is an earlier output (a DOCX needs its end)

#: Tells whether the content of an existing file is an earlier output of the same kind.
OwnOutput = Callable[[bytes], bool]


class ProtectedFile(InputError):
    """The output would replace the memory, a glossary file or an input: never allowed."""


@dataclass(frozen=True)
class Protected:
    """Files no output may replace: the memory, the glossary's files, the run's inputs."""

    memory: str | None = None
    glossary: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()

    def why(self, real: str) -> str | None:
        """Why *real* (a resolved path) may never be written, or None."""
        if self.memory:
            memory = os.path.realpath(self.memory)
            if real in (memory, memory + "-wal", memory + "-shm", memory + "-journal"):
                return _("the output would replace the translation memory")
        if real in {os.path.realpath(p) for p in self.glossary}:
            return _("the output would replace a file of the glossary")
        for given in self.inputs:
            if given == STDOUT:
                continue
            source = os.path.realpath(given)
            if real == source:
                return _("the output would replace an input")
            if os.path.isdir(source) and real.startswith(source.rstrip(os.sep) + os.sep) and os.path.exists(real):
                return _("the output would replace a file of an input folder")
        return None


def protect(
    *, memory: str | Path | None = None, glossary: Iterable[str | Path] = (), inputs: Iterable[str | Path] = ()
) -> Protected:
    """The protected set of a run (the default memory is protected even when the run does not use it)."""
    if memory is None:
        from bilingual.memory.store import default_path

        memory = default_path()
    return Protected(str(memory), tuple(str(p) for p in glossary), tuple(str(p) for p in inputs))


def names_folder(output: str | None) -> bool:
    """Whether ``-o`` names a folder: one that exists, or a path ending in a slash (created)."""
    return output is not None and output != STDOUT and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def output_path(output: str | None, default: str) -> str:
    """Where to write: *default* when no ``-o``; a folder's file named as *default*'s; else ``-o``."""
    if output is None:
        return default
    if names_folder(output):
        return str(Path(output) / Path(default).name)
    return output


def check(
    path: str, *, protected: Protected, overwrite: bool = False, own: OwnOutput | None = None, what: str = ""
) -> None:
    """Raise an :class:`InputError` naming *path* and the fix unless the policy lets *path* be written.

    *own* tells an earlier output of the same kind by content; without it any existing file
    needs ``--overwrite``. *what* says in the message what the file should have been ("an earlier
    aligned document").
    """
    if path == STDOUT:
        return
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise InputError(_("is a folder, not a file"), path=path, hint=_("name the file to write"))
    if os.path.islink(path) and not overwrite:
        raise InputError(
            _("is a symbolic link, which is not followed"),
            path=path,
            hint=_("name the file it points to, or pass --overwrite to write through it"),
        )
    real = os.path.realpath(path)
    reason = protected.why(real)
    if reason is not None:
        raise ProtectedFile(reason, path=path, hint=_("name another output with -o"))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return
    except OSError:
        return  # the write itself reports what is wrong (permissions …)
    if not stat.S_ISREG(info.st_mode):
        return  # /dev/null, a FIFO: written directly (never read, never replaced)
    if _head(real, 16) == SQLITE_HEADER:  # a memory (or any database), whatever its name: never an output
        raise ProtectedFile(
            _("the output would replace an SQLite database (a translation memory?)"),
            path=path,
            hint=_("name another output with -o; --overwrite does not apply to databases"),
        )
    if overwrite:
        return
    if own is not None and own(_head(real)):
        return
    raise InputError(
        _("the output exists and is not {what}").format(what=what or _("an earlier output of bilingual")),
        path=path,
        hint=_("pass --overwrite to replace it, or name another output with -o"),
    )


def _head(path: str, size: int = HEAD_BYTES) -> bytes:
    """The first bytes of a regular file (a FIFO or device put there meanwhile is not read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return b""
            return handle.read(size)
    except OSError:
        return b""


def plan(inputs: list[str], output: str | None, default: Callable[[str], str]) -> list[tuple[str, str]]:
    """Where each input's output goes, and a note when a name had to change.

    An output never replaces an input, and no two outputs of one run share a path: a clash of
    names (``a/x.txt b/x.txt -o out/``) gets ``-2``, ``-3`` … before the suffix, and is said.
    """
    into_folder = names_folder(output) or (output not in (None, STDOUT) and len(inputs) > 1)
    planned: list[tuple[str, str]] = []
    taken: set[str] = set()
    sources = {os.path.realpath(p) for p in inputs if p != STDOUT}
    for path in inputs:
        if into_folder:
            out = str(Path(output or ".") / Path(default(path if path != STDOUT else "stdin.txt")).name)
        else:
            out = output or default(path)
        note = ""
        if out != STDOUT:
            base, n = out, 1
            stem, dot, suffix = _split_suffix(base)
            while os.path.realpath(out) in taken:
                n += 1
                out = f"{stem}-{n}{dot}{suffix}"
                note = _("{input}: another input has the same name; writing {output}").format(input=path, output=out)
            if os.path.realpath(out) in sources:
                raise InputError(
                    _("the output would replace an input"), path=out, hint=_("name another output with -o")
                )
            taken.add(os.path.realpath(out))
        planned.append((out, note))
    return planned


def _split_suffix(path: str) -> tuple[str, str, str]:
    """``x.en-ar.xml`` → (``x``, ``.``, ``en-ar.xml``): a clash number goes before the whole suffix."""
    folder, name = os.path.split(path)
    stem, dot, suffix = name.partition(".")
    return os.path.join(folder, stem), dot, suffix


def write(path: str, data: bytes, *, stdout: BinaryIO | None = None) -> bool:
    """Write *data* to *path* atomically (``-``: to *stdout*); returns whether a file changed."""
    if path == STDOUT:
        if stdout is None:
            import sys

            stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
        return True
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise InputError(_("is a folder, not a file"), path=path, hint=_("name the file to write"))
    return write_bytes(path, data)
