"""The tool's exceptions: one root, subclasses that carry context and an exit code.

The CLI turns every :class:`BilingualError` into one line on stderr and its exit code;
nothing else in the package calls ``sys.exit``.
"""

from __future__ import annotations

from pathlib import Path

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


class ModelError(BilingualError):
    """No usable translation model, or a package that fails verification."""

    exit_code = EXIT_MODEL


class EngineError(BilingualError):
    """An engine cannot be found, loaded or run."""

    exit_code = EXIT_MODEL


class GlossaryError(BilingualError):
    """The glossary cannot be read, or an edit would make it invalid."""

    exit_code = EXIT_GLOSSARY


class MemoryStoreError(BilingualError):
    """The translation memory is locked, corrupt or from a newer version."""

    exit_code = EXIT_MEMORY


class ViolationsFound(BilingualError):
    """A check found problems the user asked to fail on."""

    exit_code = EXIT_VIOLATIONS
