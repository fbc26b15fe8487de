"""The engine protocol, the options every engine factory receives, and finding an engine by name.

An engine is anything with ``translate_batch(list[str]) -> list[str]`` and the metadata
attributes below. Engines are looked up in the entry-point group ``bilingual.engines``
(``argos`` is ours) or given as ``package.module:factory``; the factory is called with an
:class:`EngineOptions` and returns the engine.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from bilingual.errors import EngineError
from bilingual.i18n import _

ENTRY_POINT_GROUP = "bilingual.engines"
BUILTIN = {"argos": "bilingual.engines.argos.engine:ArgosEngine"}


@runtime_checkable
class Engine(Protocol):
    name: str
    model_name: str
    model_version: str
    model_checksum: str

    def translate_batch(self, texts: list[str]) -> list[str]:
        """Translate every text; the result has the same length and order."""
        ...


@dataclass(frozen=True)
class EngineOptions:
    """Everything the CLI passes to an engine factory."""

    from_code: str = "en"
    to_code: str = "ar"
    beam_size: int = 4
    threads: int = 0  # threads per translator; 0: chosen from the machine (engines/argos/engine.py)
    inter_threads: int = 0  # translators in parallel; 0: chosen from the machine
    model: str = ""  # an installed model's name; "": $BILINGUAL_MODEL, the config file, or the newest
    device: str = "auto"  # auto | cpu | cuda
    batch_tokens: int = 4096
    max_input_tokens: int = 250


def _resolve(dotted: str):
    """Import ``package.module:attr``; the current folder is importable, as with uvicorn's app path."""
    import os
    import sys

    module_name, _sep, attr = dotted.partition(":")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise EngineError(_("cannot import engine module {name!r}: {error}").format(name=module_name, error=exc),
                          hint=_("check the --engine value and that the module is installed")) from exc
    try:
        return getattr(module, attr)
    except AttributeError as exc:
        raise EngineError(f"module {module_name!r} has no {attr!r}", hint="use --engine package.module:factory") from exc


def available_engines() -> dict[str, str]:
    """Engine names and their dotted factories: built-ins plus the entry-point group."""
    found = dict(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep.value
    return found


def load_engine(spec: str, options: EngineOptions | None = None) -> Engine:
    """Create the engine named *spec* (an entry-point name or ``package.module:factory``)."""
    options = options or EngineOptions()
    if ":" in spec:
        factory = _resolve(spec)
    else:
        engines = available_engines()
        if spec not in engines:
            raise EngineError(_("unknown engine {name!r}").format(name=spec),
                              hint=_("known engines: {names}; or give package.module:factory").format(
                                  names=", ".join(sorted(engines))))
        factory = _resolve(engines[spec])
    engine = factory(options)
    if not callable(getattr(engine, "translate_batch", None)):
        raise EngineError(f"engine {spec!r} has no translate_batch method")
    return engine
