"""The workspace: what a run or a server works with, opened once and handed to every use case.

A front end opens one :class:`Workspace` — the command line per command, the desk and the API
server at start, an archive worker per process — and calls each use case as
``job(workspace, request)``. The request carries only what the user asked for this time (which
article, which format, approve or not); the workspace carries where things are:

- the **glossary** (``--glossary``, else ``./glossary`` when it exists: the one default rule),
  loaded when first needed and loaded again only when its files change on disk, so a server sees
  an editor's glossary edit at the next request and pays nothing otherwise;
- the **translation memory** (``--memory``, else the user's default; ``use_memory=False`` for
  ``--no-memory``), opened per use — or, in a server (``keep_memory_open``), opened once per thread
  and kept until :meth:`Workspace.close`, so no request pays for opening it;
- the **engine**, loaded on first use (or given loaded, as a worker keeps one);
- the **folder** of documents (the desk's), and the **protected** files no output may replace.

It holds values only until something is loaded, so a workspace travels to worker processes.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingual.engines import Engine, EngineOptions, Preparation, load_engine

if TYPE_CHECKING:
    from bilingual.memory.store import Memory
    from bilingual.names.glossary import Glossary
    from bilingual.outputs import Protected

DEFAULT_GLOSSARY = "glossary"  # the folder used when no --glossary is given and it exists


@dataclass
class Workspace:
    """Where a run's glossary, memory, engine and documents are (see the module's notes)."""

    glossary_path: str | None = None  # None: ./glossary when it exists
    memory_path: str | None = None  # None: the user's default memory
    use_memory: bool = True
    folder: str = "."
    engine_name: str = "argos"
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    download: bool = True  # the engine may fetch its model from the index
    index: str | None = None
    download_progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    loaded_engine: Engine | None = field(default=None, compare=False, repr=False)
    keep_memory_open: bool = False  # a server: the memory stays open (one connection per thread)
    _glossary: tuple[object, Glossary | None] | None = field(default=None, compare=False, repr=False)
    _kept: dict[int, Memory] = field(default_factory=dict, compare=False, repr=False)

    # -- the glossary ---------------------------------------------------------------------------
    def glossary_root(self) -> Path:
        """The glossary folder or file edits go to: the one given, else ./glossary."""
        return Path(self.glossary_path) if self.glossary_path else Path(DEFAULT_GLOSSARY)

    def glossary_location(self) -> Path | None:
        """The glossary a run reads: the one given, else ./glossary when it exists, else none."""
        root = self.glossary_root()
        return root if self.glossary_path or root.is_dir() else None

    def glossary(self) -> Glossary | None:
        """The glossary in use (validated), or None; loaded again only when its files changed."""
        from bilingual.names.load import load_default_glossary

        stamp = self._glossary_stamp()
        if self._glossary is None or self._glossary[0] != stamp:
            self._glossary = (stamp, load_default_glossary(self.glossary_path))
        return self._glossary[1]

    def _glossary_stamp(self) -> object:
        location = self.glossary_location()
        if location is None:
            return None
        from bilingual.names.pofiles import po_files

        try:
            files = po_files(location) if location.exists() else []
            return (str(location.resolve()), tuple((str(f), _stat_of(f)) for f in files))
        except OSError:
            return object()  # unreadable now: load again, and let the loader say why

    def glossary_files(self) -> tuple[str, ...]:
        """The glossary's files, protected from outputs even when this run does not load it."""
        location = self.glossary_location()
        if location is None or not location.exists():
            return ()
        if location.is_file():
            return (str(location),)
        return tuple(str(p) for p in location.glob("*.po"))

    # -- the memory -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def memory(self, *, even_without: bool = False) -> Iterator[Memory | None]:
        """The memory for one use (None with ``--no-memory`` unless ``even_without``), closed after
        unless the workspace keeps it open."""
        if not self.use_memory and not even_without:
            yield None
            return
        if self.keep_memory_open:
            yield self._kept_memory()
            return
        from bilingual.memory.store import open_memory

        memory = open_memory(self.memory_path)
        try:
            yield memory
        finally:
            memory.close()

    def _kept_memory(self) -> Memory:
        """This thread's open memory (SQLite connections stay in their thread). A server holds its
        memory open: restore a memory from a backup with the server stopped."""
        from bilingual.memory.store import open_memory

        kept = self._kept.get(threading.get_ident())
        if kept is None:
            kept = self._kept[threading.get_ident()] = open_memory(self.memory_path, any_thread=True)
        return kept

    def close(self) -> None:
        """Close the memories kept open (a server, at its end)."""
        while self._kept:
            _ident, memory = self._kept.popitem()
            memory.close()

    # -- the engine -----------------------------------------------------------------------------
    def engine(self) -> Engine:
        """The engine, loaded (and its model fetched when allowed) on first use, then kept."""
        if self.loaded_engine is None:
            prepare = Preparation(download=self.download, index=self.index, progress=self.download_progress)
            self.loaded_engine = load_engine(self.engine_name, self.engine_options, prepare=prepare)
        return self.loaded_engine

    # -- outputs --------------------------------------------------------------------------------
    def protected(self, inputs: Iterable[str | Path] = ()) -> Protected:
        """Files no output of this run may replace: the memory, the glossary's files, the inputs."""
        from bilingual import outputs

        return outputs.protect(memory=self.memory_path, glossary=self.glossary_files(), inputs=inputs)

    # -- travelling to another process -----------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        """Values only: a worker loads its own engine and glossary."""
        state = dict(self.__dict__)
        state.update(loaded_engine=None, _glossary=None, download_progress=None, _kept={})
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def _stat_of(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return (info.st_mtime_ns, info.st_size, info.st_ino)
