"""The outcome of a run: what it counted, and the one place that decides the exit code from it.

Modelled on black's ``Report``: commands count what they found and ask :meth:`RunReport.finish`
at the end; nothing else decides that a run "found violations" (exit 6).
"""

from __future__ import annotations

from dataclasses import dataclass

from bilingual.errors import EXIT_OK, EXIT_VIOLATIONS, ViolationsFound
from bilingual.i18n import _


@dataclass
class RunReport:
    """Counts a command gathers; ``strict`` makes missing names and an absent glossary failures."""

    strict: bool = False
    missing_names: int = 0  # glossary names missing from translations (translate)
    violations: int = 0  # error findings of checks over documents (check)
    glossary_errors: int = 0  # error findings over glossary entries (glossary check)
    no_glossary: bool = False  # nothing was enforced because no glossary was found

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.failure() is None else EXIT_VIOLATIONS

    def failure(self) -> ViolationsFound | None:
        """The error that ends the run, or None when it succeeded."""
        if self.glossary_errors:
            return ViolationsFound(_("the glossary has {n} errors").format(n=self.glossary_errors))
        if self.violations:
            return ViolationsFound(_("{n} glossary violations").format(n=self.violations))
        if self.strict and self.missing_names:
            return ViolationsFound(
                _("{n} glossary names missing from the translation (--strict)").format(n=self.missing_names)
            )
        if self.strict and self.no_glossary:
            return ViolationsFound(
                _("no glossary was found, so no name was enforced (--strict)"),
                hint=_("pass --glossary PATH or run in a folder with a glossary/ folder"),
            )
        return None

    def finish(self) -> None:
        """Raise the run's failure, if any (the CLI turns it into one line and exit code 6)."""
        failure = self.failure()
        if failure is not None:
            raise failure
