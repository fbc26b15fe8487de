"""Where Argos Translate keeps things, and what its package metadata says — read without importing it.

``argostranslate`` pulls in stanza, spaCy and torch (over 2 GB installed); what bilingual needs of it
is its layout, which this module reads the way argostranslate 1.9 does, so that packages installed
by Argos Translate or LibreTranslate are found and ours are found by them:

- the data folder: ``$XDG_DATA_HOME/argos-translate`` (``~/.local/share/argos-translate``), or
  ``$SNAP_USER_DATA``'s when running as a snap;
- settings: the environment first, then ``$XDG_CONFIG_HOME/argos-translate/settings.json``;
- packages: ``ARGOS_PACKAGES_DIR``, else ``<data>/packages``;
- the index: ``ARGOS_PACKAGE_INDEX`` (a base URL, ``index.json`` appended, or a ``.json``), else
  argospm's index on GitHub;
- a package: a folder holding ``metadata.json`` (``from_code``, ``to_code``, ``package_version``,
  ``type``, ``target_prefix`` …), a ``model/`` for CTranslate2 and a SentencePiece model.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_INDEX_BASE = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def _home() -> Path:
    snap = os.environ.get("SNAP_USER_DATA")
    return Path(snap) if snap else Path.home()


def data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share") / "argos-translate"


def config_dir() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or _home() / ".config") / "argos-translate"


def setting(key: str, default: str | None = None) -> str | None:
    """A setting as argostranslate reads it: the environment, then settings.json, then *default*."""
    if os.environ.get(key) is not None:
        return os.environ[key]
    try:
        stored = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    value = stored.get(key) if isinstance(stored, dict) else None
    return str(value) if value is not None else default


def packages_dir() -> Path:
    """The folder packages are installed into (``ARGOS_PACKAGES_DIR`` respected)."""
    return Path(setting("ARGOS_PACKAGES_DIR") or data_dir() / "packages")


def index_url() -> str:
    """The package index (``ARGOS_PACKAGE_INDEX`` respected: a base URL or a ``.json``)."""
    base = setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX_BASE
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


@dataclass(frozen=True)
class PackageMeta:
    """What a package's metadata (or an index entry) says, with argostranslate's defaults."""

    code: str = ""
    type: str = "translate"
    from_code: str = ""
    to_code: str = ""
    from_name: str = ""
    to_name: str = ""
    package_version: str = ""
    argos_version: str = ""
    target_prefix: str = ""
    links: tuple[str, ...] = ()

    @classmethod
    def of(cls, meta: dict[str, Any]) -> PackageMeta:
        def text(key: str) -> str:
            value = meta.get(key)
            return "" if value is None else str(value)

        links = meta.get("links") or ()
        return cls(
            text("code"),
            text("type") or "translate",
            text("from_code"),
            text("to_code"),
            text("from_name"),
            text("to_name"),
            text("package_version"),
            text("argos_version"),
            text("target_prefix"),
            tuple(str(link) for link in links) if isinstance(links, list) else (),
        )

    @classmethod
    def read(cls, folder: Path) -> PackageMeta:
        """The metadata of the package in *folder*; OSError or ValueError when it cannot be read."""
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("metadata.json is not an object")
        return cls.of(meta)
