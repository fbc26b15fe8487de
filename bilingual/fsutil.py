"""File-system helpers: atomic writes and advisory locks.

Every file the tool writes goes through :func:`atomic_write`, so a crash or an error leaves
either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from bilingual.errors import BilingualError
from bilingual.i18n import _


@contextlib.contextmanager
def atomic_write(path: str | Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside *path*; rename it over *path* only if the block succeeds.

    A path that exists and is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is
    written directly: renaming over it would replace the device with a file. A symbolic link
    is followed (the link stays, its target is replaced), and a file the user may not write is
    refused rather than replaced by a copy: the user's link and permissions are never lost.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and path.is_file() and not os.access(path, os.W_OK):
        raise BilingualError(
            _("the file is read-only for you, and is left as it is"),
            path=path,
            hint=_("change its permissions, or write elsewhere"),
        )
    try:
        special = path.exists() and not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        special = False
    if special:
        direct: IO[Any] = open(path, "wb") if binary else open(path, "w", encoding=encoding, newline="")  # noqa: SIM115
        with direct:
            yield direct
        return
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        sweep_stale(directory, prefix=f".{path.name}.", suffix=".tmp")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise BilingualError(_("cannot write here: {error}").format(error=exc.strerror), path=path) from exc
    try:
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            info = path.stat()
            with contextlib.suppress(OSError):
                os.chmod(tmp, info.st_mode & 0o7777)
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(tmp, info.st_uid, info.st_gid)  # keep the owner (possible as root)
                except OSError:
                    pass  # another user's file we may write: it becomes ours, as with any editor
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path, text: str) -> None:
    """Write *text* to *path* atomically (UTF-8, newlines as given)."""
    with atomic_write(path) as handle:
        handle.write(text)


def write_bytes(path: str | Path, data: bytes) -> bool:
    """Write *data* to *path* atomically; a file that already holds exactly *data* is left untouched.

    Returns whether the file was written. (Re-running on unchanged input rewrites nothing, and
    file times stay as they were for make-style tools.)
    """
    path = Path(path)
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    with atomic_write(path, binary=True) as handle:
        handle.write(data)
    return True


def private_folder(path: Path) -> Path:
    """*path* as a folder only this user can enter (0700, ours, not a link), made or set right first.

    Whatever else is there — a symbolic link (planted, say, to overwrite a system file through
    our cache), a file, a folder of another user's or one others may write — is moved aside (a
    link is removed: its target is never touched) and a new private folder made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None:
        ours = info.st_uid == os.geteuid()
        if stat.S_ISDIR(info.st_mode) and ours:
            if info.st_mode & 0o077:
                os.chmod(path, 0o700)
            return path
        if stat.S_ISLNK(info.st_mode):
            os.unlink(path)
        else:
            os.replace(path, path.with_name(f"{path.name}.unsafe-{os.getpid()}-{int(info.st_mtime)}"))
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, 0o700)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise OSError(f"{path} is not a private folder")
    return path


def cache_folder(*parts: str) -> Path:
    """A folder of the tool's cache, private at every level from the cache's root down (a link planted
    at ``~/.cache/bilingual`` is removed, never written through; see :func:`private_folder`)."""
    from platformdirs import user_cache_dir

    folder = private_folder(Path(user_cache_dir("bilingual")))
    for part in parts:
        folder = private_folder(folder / part)
    return folder


def write_private(path: Path, data: bytes) -> None:
    """Write *data* to *path* in a private folder: a new 0600 file (never through a link), renamed in place."""
    folder = private_folder(path.parent)
    tmp = folder / f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)  # a link planted at *path* is replaced, its target untouched
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_limited(path: str | Path, *, limit: int, error: type[BilingualError], hint: str = "") -> bytes:
    """The bytes of a file the user named, refusing more than *limit* bytes before reading them (a
    regular file by its size; a pipe or device — ``<(…)``, ``/dev/stdin`` — while reading).

    A folder, a missing or unreadable file are one *error* naming *path*.
    """
    too_big = _("file is {size:.1f} MB, over the {limit:.1f} MB limit")
    try:
        if os.path.isdir(path):
            raise error(_("is a folder, not a file"), path=path, hint=hint)
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise error(too_big.format(size=size / 1048576, limit=limit / 1048576), path=path, hint=hint)
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise error(_("no such file"), path=path, hint=hint) from exc
    except PermissionError as exc:
        raise error(_("permission denied"), path=path, hint=hint) from exc
    except OSError as exc:
        raise error(_("cannot read: {error}").format(error=exc.strerror), path=path, hint=hint) from exc
    if len(data) > limit:
        raise error(_("input is over the {limit:.1f} MB limit").format(limit=limit / 1048576), path=path, hint=hint)
    return data


def read_private(path: Path, *, limit: int = 1 << 30) -> bytes | None:
    """The bytes of *path* if it is a regular file of ours (never followed through a link), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # a FIFO planted there never blocks
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > limit:
            return None
        return handle.read()


@contextlib.contextmanager
def locked(path: str | Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive advisory lock for *path* (for read-modify-write cycles).

    The lock file lives in this user's private cache folder, named by a digest of the path's real
    location, so every process of the user agrees on it and nothing of ours is left in the user's
    folders (a folder we cannot use there: the lock goes beside *path*, as ``PATH.lock``).
    """
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path))
    try:
        with lock.acquire(timeout=timeout):
            yield
    except Timeout as exc:
        raise BilingualError(
            _("another bilingual process holds the lock"),
            path=path,
            hint=_("wait for it to finish, or remove {file} if no process is running").format(file=lock.lock_file),
        ) from exc


def lock_path(path: str | Path) -> str:
    """Where the lock for *path* is kept (see :func:`locked`)."""
    import hashlib

    real = os.path.realpath(path)
    try:
        folder = cache_folder("locks")
    except OSError:
        return str(path) + ".lock"
    return str(folder / (hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".lock"))


STALE_AFTER = 24 * 3600.0  # seconds; a leftover whose owner cannot be told is removed after a day
_OWNER = re.compile(r"(\d+)-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def sweep_stale(directory: Path, *, prefix: str, suffix: str = "") -> int:
    """Remove leftovers of interrupted runs in *directory*: names ``PREFIX<pid>-…SUFFIX``.

    A leftover is removed when the process that made it is gone (its pid is in the name), or,
    when the pid cannot be read, once it is older than a day. Returns how many were removed.
    """
    import shutil
    import time

    removed = 0
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix) and n.endswith(suffix)]
    except OSError:
        return 0
    for name in names:
        target = directory / name
        owner = _OWNER.match(name, len(prefix))
        try:
            if owner is not None and int(owner.group(1)) == os.getpid():
                continue
            stale = (
                not _alive(int(owner.group(1)))
                if owner is not None
                else time.time() - target.lstat().st_mtime > STALE_AFTER
            )
            if not stale:
                continue
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            else:
                target.unlink()
            removed += 1
        except (OSError, ValueError):
            continue
    return removed
