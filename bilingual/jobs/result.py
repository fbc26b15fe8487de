"""The one report of a run: what a use case counted, did with each item, said, and its exit status.

Modelled on black's ``Report``: a job counts what it found and adds its messages as it goes;
:meth:`Result.failure` is the one place that decides that a run "found violations" (exit 6).
Front ends only show it: the command line prints the messages and exits with
:attr:`Result.exit_code`, the desk and the server turn it into a page or a JSON body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bilingual.errors import EXIT_OK, EXIT_VIOLATIONS, ViolationsFound
from bilingual.i18n import _

#: ``data`` is the run's own output (a listing, a finding, a summary line of an import): stdout on
#: the command line; ``info`` and ``warning`` are status lines: stderr.
Level = Literal["data", "info", "warning", "progress"]  # progress: for a terminal only, never a log


@dataclass(frozen=True)
class Message:
    """One line a job says."""

    text: str
    level: Level = "info"


@dataclass(frozen=True)
class Item:
    """What became of one item (a unit, an entry, a segment, a file): its outcome and why."""

    id: str
    outcome: str  # added, updated, changed, unchanged, conflict, skipped, written, kept …
    reason: str = ""
    where: str = ""  # the file it came from
    line: int | None = None


Listener = Callable[[Message], None]


@dataclass
class Result:
    """Counts, per-item outcomes, messages and outputs of one run of a use case.

    ``strict`` makes missing names and an absent glossary failures. *listener*, when given, hears
    each message as it is said (the command line prints it at once; a batch logs it).
    """

    strict: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    items: list[Item] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)  # files written, in order
    no_glossary: bool = False  # nothing was enforced or checked because no glossary was found
    listener: Listener | None = field(default=None, repr=False, compare=False)

    def say(self, text: str, level: Level = "info") -> None:
        message = Message(text, level)
        self.messages.append(message)
        if self.listener is not None:
            self.listener(message)

    def progress(self, text: str) -> None:
        """A progress line: shown on a terminal, left out of logs, pipes and ``--quiet``."""
        self.say(text, "progress")

    def warn_no_glossary(self) -> None:
        """No glossary was found: said once, and ``strict`` makes it a failure."""
        self.warn(
            _(
                "warning: no glossary found, so no name will be enforced (pass --glossary PATH, or run where "
                "a glossary/ folder is)"
            )
        )
        self.no_glossary = True

    def warn(self, text: str) -> None:
        self.say(text, "warning")

    def data(self, text: str) -> None:
        self.say(text, "data")

    def item(self, id: str, outcome: str, reason: str = "", *, where: str = "", line: int | None = None) -> None:
        self.items.append(Item(id, outcome, reason, where, line))

    def wrote(self, path: str) -> None:
        self.outputs.append(path)

    def failure(self) -> ViolationsFound | None:
        """The error that ends the run, or None when it succeeded."""
        if self.counts["glossary_errors"]:
            return ViolationsFound(_("the glossary has {n} errors").format(n=self.counts["glossary_errors"]))
        if self.counts["violations"]:
            return ViolationsFound(_("{n} glossary violations").format(n=self.counts["violations"]))
        if self.strict and self.counts["names_missing"]:
            return ViolationsFound(
                _("{n} glossary names missing from the translation (--strict)").format(n=self.counts["names_missing"])
            )
        if self.strict and self.no_glossary:
            return ViolationsFound(
                _("no glossary was found, so no name was enforced (--strict)"),
                hint=_("pass --glossary PATH or run in a folder with a glossary/ folder"),
            )
        return None

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.failure() is None else EXIT_VIOLATIONS

    def finish(self) -> Result:
        """Raise the run's failure, if any; else return the result (front ends call this last)."""
        failure = self.failure()
        if failure is not None:
            raise failure
        return self
