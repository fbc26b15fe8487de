"""The tool's exceptions: one root, subclasses that carry context, an exit code and an HTTP status.

The one error map: each class says what it means for the command line (its exit code: the CLI
turns every :class:`BilingualError` into one line on stderr and that code; nothing else calls
``sys.exit``) and for the web (its HTTP status: :mod:`bilingual.refusals` answers the desk and the
API with it). :class:`Refused` is the web's own "no" (a bad parameter, a thing not there, a route
turned off), with its status and a message the catalog translates into each request's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bilingual.i18n import _

# Exit codes, documented in the README ("Exit codes").
EXIT_OK = 0
EXIT_ERROR = 1  # bad input, malformed file, I/O problem
EXIT_USAGE = 2  # click's own code for a bad command line
EXIT_MODEL = 3  # no usable model, bad package, download failed
EXIT_GLOSSARY = 4  # glossary file malformed or invalid entries
EXIT_MEMORY = 5  # translation memory locked, corrupt or too new
EXIT_VIOLATIONS = 6  # --strict found missing names, or `check` found violations


class BilingualError(Exception):
    """Root of every error the tool reports to a user."""

    exit_code = EXIT_ERROR
    http_status = 400  # what the desk and the API answer: the request (its input) cannot be done

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split("\n"))


class InputError(BilingualError):
    """The input article cannot be read or has nothing to translate."""


class FormatError(BilingualError):
    """A file in one of our formats (aligned XML, TMX, XLIFF, PO …) is malformed."""


class NotFound(InputError):
    """A named thing (a document, a segment, an entry) is not there."""

    http_status = 404


class ModelError(BilingualError):
    """No usable translation model, or a package that fails verification."""

    exit_code = EXIT_MODEL
    http_status = 503


class EngineError(BilingualError):
    """An engine cannot be found, loaded or run."""

    exit_code = EXIT_MODEL
    http_status = 503


class GlossaryError(BilingualError):
    """The glossary cannot be read, or an edit would make it invalid."""

    exit_code = EXIT_GLOSSARY


class MemoryStoreError(BilingualError):
    """The translation memory is locked, corrupt or from a newer version."""

    exit_code = EXIT_MEMORY
    http_status = 503


class ViolationsFound(BilingualError):
    """A check found problems the user asked to fail on."""

    exit_code = EXIT_VIOLATIONS
    http_status = 422


class Refused(BilingualError):
    """A web request the server will not do, with its own HTTP status.

    *message* is a catalog message id with ``{placeholders}`` filled from *fields*: said in the
    server's language by ``str()``, and in a request's own language by :meth:`in_language`.
    """

    def __init__(self, status: int, message: str, /, **fields: object) -> None:
        super().__init__(_(message).format(**fields) if fields else _(message))
        self.http_status, self.msgid, self.fields = status, message, fields

    def in_language(self, lang: str) -> str:
        from bilingual import i18n

        text = i18n.translator(lang).gettext(self.msgid)
        return text.format(**self.fields) if self.fields else text


class Sqlite:
    """SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF), https://sqlite.org/rescode.html."""

    BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def install_hint(extra: str) -> str:
    """The one line that tells a user how to install an extra, under our own distribution name."""
    from bilingual import DISTRIBUTION

    return _("pip install '{package}' (in the environment bilingual runs in)").format(
        package=f"{DISTRIBUTION}[{extra}]"
    )


def dependency_error(exc: BaseException, *, path: str | Path | None = None) -> BilingualError | None:
    """Our error for an exception a dependency raised, decided by its type and code, never its text.

    The one mapping of foreign exceptions (httpx's ``map_exceptions`` is the model): SQLite's
    result codes, the operating system's errno values. None when it is not a known failure.
    """
    import errno
    import sqlite3

    if isinstance(exc, BilingualError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (Sqlite.BUSY, Sqlite.LOCKED):
            return MemoryStoreError(
                _("the translation memory is locked by another process"),
                path=path,
                hint=_("wait for it to finish and try again"),
            )
        if code in (Sqlite.CORRUPT, Sqlite.NOTADB):
            return MemoryStoreError(
                _("the translation memory is damaged (not a readable SQLite database)"),
                path=path,
                hint=_("restore it from a backup, or pass another --memory"),
            )
        if code == Sqlite.FULL:
            return MemoryStoreError(
                _("no space left on the device holding the translation memory"),
                path=path,
                hint=_("free some space and run the command again; nothing was written"),
            )
        if code in (Sqlite.READONLY, Sqlite.CANTOPEN):
            return MemoryStoreError(
                _("the translation memory cannot be opened for writing"),
                path=path,
                hint=_("check the file's permissions, or pass another --memory"),
            )
        return MemoryStoreError(_("translation memory error: {error}").format(error=exc), path=path)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else path
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return BilingualError(
                _("no space left on the device"),
                path=where,
                hint=_("free some space and run the command again; files already there were left as they were"),
            )
        if exc.errno in (errno.EACCES, errno.EPERM):
            return BilingualError(
                _("permission denied"), path=where, hint=_("check the file's and its folder's permissions")
            )
        if exc.errno == errno.ENOENT:
            return BilingualError(_("no such file or folder"), path=where)
        if exc.errno == errno.EROFS:
            return BilingualError(
                _("the file system is read-only"), path=where, hint=_("write the output somewhere else with -o")
            )
        return BilingualError(exc.strerror or str(exc), path=where)
    return None


@contextmanager
def map_errors(*, path: str | Path | None = None) -> Iterator[None]:
    """Turn a dependency's exception raised inside the block into our error (see :func:`dependency_error`)."""
    try:
        yield
    except BilingualError:
        raise
    except Exception as exc:
        mapped = dependency_error(exc, path=path)
        if mapped is None:
            raise
        raise mapped from exc
