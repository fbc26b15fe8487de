"""What a check is: a function over one segment that raises :class:`Failed`; the groups they register in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual.document import Segment, Severity

if TYPE_CHECKING:
    from bilingual.names.glossary import Glossary


class Failed(Exception):
    """Raised by a check: what it found, and how bad it is."""

    def __init__(self, message: str, severity: Severity = "error") -> None:
        super().__init__(message)
        self.message = message
        self.severity = severity


@dataclass(frozen=True)
class Context:
    glossary: Glossary | None = None


Check = Callable[[Segment, Context], None]
GLOSSARY_CHECKS: list[Check] = []
QA_CHECKS: list[Check] = []


def register(group: list[Check]) -> Callable[[Check], Check]:
    def decorate(fn: Check) -> Check:
        group.append(fn)
        return fn

    return decorate
