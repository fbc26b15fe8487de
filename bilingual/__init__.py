"""bilingual: offline English→Arabic translation and bilingual publishing.

The Python API, the same library the command line, the desk and batches call::

    import bilingual

    glossary = bilingual.load_glossary("glossary")
    engine = bilingual.load_engine("argos")
    doc = bilingual.read_document("examples/benghazi-talks.txt")
    translated, tally = bilingual.translate_document(doc, engine=engine, glossary=glossary)
    for row in bilingual.names_report(translated):
        print(row.segment, row.english, row.arabic, row.status)
    open("talks.html", "wb").write(bilingual.render(translated, "html"))

Whole runs, with the memory, the write policy and a report, are the use cases of
:mod:`bilingual.jobs`, each called with a :class:`Workspace` (the glossary, the memory, the engine,
the folder) and a request: ``translate_articles(Workspace(glossary_path="glossary"),
TranslateRequest(inputs=("article.txt",)))`` and the others. Every name
below loads its module on first use: ``import bilingual`` costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
#: The name this project is installed by (``pip install bilingual-newsroom``): ``bilingual`` on PyPI
#: is another project. The import package and the command stay ``bilingual``.
DISTRIBUTION = "bilingual-newsroom"

_WHERE = {
    "read_document": "bilingual.read",
    "load_glossary": "bilingual.names.load",
    "load_engine": "bilingual.engines.base",
    "EngineOptions": "bilingual.engines.base",
    "translate_document": "bilingual.translation.pipeline",
    "names_report": "bilingual.translation.report",
    "NameRow": "bilingual.translation.report",
    "render": "bilingual.formats",
    "ExportOptions": "bilingual.formats.base",
    "read_aligned": "bilingual.formats.aligned",
    "open_memory": "bilingual.memory.store",
    "Document": "bilingual.document",
    "Segment": "bilingual.document",
    "BilingualError": "bilingual.errors",
    "jobs": "bilingual.jobs",
    "Workspace": "bilingual.workspace",
}
__all__ = ["DISTRIBUTION", "__version__", *sorted(_WHERE)]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'bilingual' has no attribute {name!r}")
    module = importlib.import_module(_WHERE[name])
    return module if name == "jobs" else getattr(module, name)
