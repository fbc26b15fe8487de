"""Use cases: one function per thing a user does, the library every front end calls.

Each is ``job(workspace, request)``: the :class:`~bilingual.workspace.Workspace` a front end opened
once (glossary, memory, engine, folder), and a plain request value (a frozen dataclass) carrying
only what the user asked. Each returns a :class:`~bilingual.jobs.result.Result`
carrying its counts, per-item outcomes, messages, files written and exit status. Nothing here
parses argv, prints or exits: the command line (``cli/``), the desk, the server and batch workers
only turn their input into a request and a result into their output.

One module per kind of work: ``translate``, ``exchange`` (import, apply), ``export``, ``check``,
``glossary`` (list, add, set, remove, check, import, export), ``suggest``, ``models``. The names
below load their module on first use, so importing one job does not import them all.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Result": "result",
    "Message": "result",
    "Item": "result",
    "TranslateRequest": "translate",
    "translate_articles": "translate",
    "ImportRequest": "exchange",
    "import_corrections": "exchange",
    "ApplyRequest": "exchange",
    "apply_corrections": "exchange",
    "ExportRequest": "export",
    "export_document": "export",
    "CheckRequest": "check",
    "check_documents": "check",
    "SuggestRequest": "suggest",
    "suggest_names": "suggest",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'bilingual.jobs' has no attribute {name!r}")
    return getattr(importlib.import_module(f"bilingual.jobs.{_WHERE[name]}"), name)
