"""The engine protocol, the options every engine factory receives, and finding an engine by name.

An engine is anything with ``translate_batch(list[str]) -> list[str]`` and the metadata
attributes below. A factory may also offer ``prepare(options, preparation)``: it installs or
locates what the engine needs (the Argos engine installs a missing model), so no front end names
an engine to get it ready. Engines are looked up in the entry-point group ``bilingual.engines``
(``argos`` is ours) or given as ``package.module:factory``; the factory is called with an
:class:`EngineOptions` and returns the engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from bilingual.errors import BilingualError, EngineError
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
class Identity:
    """Who an engine is, read once: its name and its model (what documents and the memory record)."""

    name: str
    model_name: str = ""
    model_version: str = ""
    model_checksum: str = ""

    @property
    def origin(self) -> str:
        """How the memory names what made a machine translation: ``engine:model``."""
        return f"{self.name}:{self.model_name}" if self.model_name else self.name


def identity(engine: object) -> Identity:
    """An engine's :class:`Identity`; a plugin lacking an attribute gets its class name or ``""``."""
    return Identity(
        str(getattr(engine, "name", "") or type(engine).__name__),
        str(getattr(engine, "model_name", "") or ""),
        str(getattr(engine, "model_version", "") or ""),
        str(getattr(engine, "model_checksum", "") or ""),
    )


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


@dataclass(frozen=True)
class Preparation:
    """What an engine may do to get ready: download what is missing, from where, showing what progress."""

    download: bool = True
    index: str | None = None
    progress: Callable[[int, int], None] | None = None


def _resolve(dotted: str) -> Any:
    """Import ``package.module:attr``; the current folder is importable, as with uvicorn's app path."""
    import os
    import sys

    module_name, _sep, attr = dotted.partition(":")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise EngineError(
            _("cannot import engine module {name!r}: {error}").format(name=module_name, error=exc),
            hint=_("check the --engine value and that the module is installed"),
        ) from exc
    try:
        return getattr(module, attr)
    except AttributeError as exc:
        raise EngineError(
            _("module {module!r} has no {name!r}").format(module=module_name, name=attr),
            hint=_("use --engine package.module:factory"),
        ) from exc


def available_engines() -> dict[str, str]:
    """Engine names and their dotted factories: built-ins plus the entry-point group."""
    found = dict(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep.value
    return found


def load_engine(spec: str, options: EngineOptions | None = None, *, prepare: Preparation | None = None) -> Engine:
    """Create the engine named *spec* (an entry-point name or ``package.module:factory``).

    With *prepare*, the factory's ``prepare`` (when it has one) runs first. Whatever a plugin's
    factory raises — ``SystemExit`` included — is an :class:`EngineError` naming the engine.
    """
    options = options or EngineOptions()
    if ":" in spec:
        factory = _resolve(spec)
    else:
        engines = available_engines()
        if spec not in engines:
            raise EngineError(
                _("unknown engine {name!r}").format(name=spec),
                hint=_("known engines: {names}; or give package.module:factory").format(
                    names=", ".join(sorted(engines))
                ),
            )
        factory = _resolve(engines[spec])
    prepare_engine = getattr(factory, "prepare", None)
    try:
        if prepare is not None and callable(prepare_engine):
            prepare_engine(options, prepare)
        engine = factory(options)
    except (BilingualError, KeyboardInterrupt):
        raise
    except (Exception, SystemExit) as exc:
        raise EngineError(
            _("engine {name!r} could not be started: {error}").format(name=spec, error=f"{type(exc).__name__}: {exc}"),
            hint=_("check the engine and its model"),
        ) from exc
    if not callable(getattr(engine, "translate_batch", None)):
        raise EngineError(_("engine {name!r} has no translate_batch method").format(name=spec))
    return engine
