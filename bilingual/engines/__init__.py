"""Translation engines: one small protocol (:mod:`~bilingual.engines.base`), found by name or dotted path.

``argos`` (Argos Translate packages run through CTranslate2) is ours; others come in through
the ``bilingual.engines`` entry-point group.
"""

from __future__ import annotations

from bilingual.engines.base import (
    Engine,
    EngineOptions,
    Identity,
    Preparation,
    available_engines,
    identity,
    load_engine,
)

__all__ = ["Engine", "EngineOptions", "Identity", "Preparation", "available_engines", "identity", "load_engine"]
