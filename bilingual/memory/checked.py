"""When a memory was last found whole: a signed stamp of its files' state, so opening it need not read it all.

SQLite's ``quick_check`` reads every page: 0.02 s at 10,000 segments, 1.4 s at 1,000,000, paid by every
command that opens the memory. The check runs when the file changed since the tool last saw it whole
or left it: the stamp holds the inode, size and modification time of the database and of its
write-ahead log as they were after the last good check or after this tool closed the memory, signed
with the user's key and kept in the user's private cache. A file changed by anything else (a copy
from a backup, a disk error, another program) no longer matches its stamp and is checked again. A
stamp that cannot be read, written or trusted only means the check runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from bilingual import signing
from bilingual.errors import BilingualError
from bilingual.fsutil import cache_folder, read_private, write_private


def state(path: Path) -> list[list[int] | None]:
    """The inode, size and modification time of the memory and of its write-ahead log."""
    found: list[list[int] | None] = []
    for part in (path, Path(str(path) + "-wal")):
        try:
            info = os.stat(part)
        except OSError:
            info = None
        if info is None or (part != path and info.st_size == 0):  # an empty log is no log (SQLite makes one on open)
            found.append(None)
            continue
        found.append([info.st_ino, info.st_size, info.st_mtime_ns])
    return found


def _stamp_path(path: Path) -> Path:
    real = os.path.realpath(path).encode("utf-8", "surrogateescape")
    return cache_folder("memory-checks") / hashlib.sha256(real).hexdigest()[:32]


def known_whole(path: Path) -> bool:
    """Whether the memory is as this tool last found it whole or left it (then no check is needed)."""
    key = signing.secret()
    if key is None:
        return False
    try:
        blob = read_private(_stamp_path(path), limit=4096)
    except (OSError, BilingualError):
        return False
    if blob is None or not signing.verify(key, blob[: signing.MAC_BYTES], blob[signing.MAC_BYTES :]):
        return False
    try:
        return bool(json.loads(blob[signing.MAC_BYTES :]) == state(path))
    except ValueError:
        return False


def stamp(path: Path) -> None:
    """Record the memory's state now as whole (after a good check, or as this tool leaves it)."""
    key = signing.secret()
    if key is None:
        return
    payload = json.dumps(state(path)).encode()
    with contextlib.suppress(OSError, BilingualError):
        write_private(_stamp_path(path), signing.mac(key, payload) + payload)
