"""The package index and downloads: read an argospm index, stream a package to disk, verified.

Downloads are bounded: the size the index declares (or 4 GB), an overall deadline, and the
SHA-256 the index promises (a malformed one is an error, never "no check"). A partial file is
removed on every exit path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilingual.engines.argos import layout
from bilingual.errors import ModelError
from bilingual.i18n import _

Progress = Callable[[int, int], None]  # (bytes done, bytes total or 0)
_CHUNK = 1 << 16


def install_hint() -> str:
    return _("install one from a file: bilingual models install --file PATH.argosmodel")


def default_index() -> str:
    """The package index argostranslate would use (``ARGOS_PACKAGE_INDEX`` respected)."""
    return layout.index_url()


def _open(location: str, timeout: float = 30.0) -> Any:
    parsed = urllib.parse.urlparse(location)
    if parsed.scheme in ("http", "https"):
        request = urllib.request.Request(location, headers={"User-Agent": "bilingual"})
        return urllib.request.urlopen(request, timeout=timeout)
    path = urllib.request.url2pathname(parsed.path) if parsed.scheme == "file" else location
    return open(path, "rb")


def load_index(location: str | None = None) -> list[dict]:
    """Read an argospm-format index (a JSON list of package metadata) from a path or URL."""
    location = location or default_index()
    try:
        with _open(location) as response:
            data = response.read(64 * 1024 * 1024)
    except (OSError, ValueError) as exc:
        raise ModelError(
            _("cannot read the package index: {reason}").format(reason=getattr(exc, "reason", exc)),
            path=location,
            hint=install_hint(),
        ) from exc
    try:
        index = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(_("the package index is not valid JSON: {error}").format(error=exc), path=location) from exc
    if not isinstance(index, list) or not all(isinstance(e, dict) for e in index):
        raise ModelError(_("the package index must be a JSON list of package objects"), path=location)
    return index


def available(index: list[dict], from_code: str | None = None, to_code: str | None = None) -> list[layout.PackageMeta]:
    """The index's translation packages, filtered by pair."""
    pkgs = [layout.PackageMeta.of(meta) for meta in index if meta.get("type", "translate") == "translate"]
    return [
        p for p in pkgs if (from_code is None or p.from_code == from_code) and (to_code is None or p.to_code == to_code)
    ]


def expected_checksum(meta: dict) -> str | None:
    """The SHA-256 an index entry promises, from ``sha256`` or ``checksum: sha256:HEX``.

    None only when the entry promises none; a checksum that is there but malformed is an error
    (never taken as "no check").
    """
    value = meta.get("sha256") or meta.get("checksum")
    if not value:
        return None
    text = str(value).strip().lower()
    text = text.removeprefix("sha256:")
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ModelError(
            _("the index gives a malformed checksum for {name}: {value!r}").format(
                name=meta.get("code") or meta.get("from_code") or "?", value=str(value)[:80]
            ),
            hint=_("fix the index, or install from a file with --sha256"),
        )
    return text


MAX_DOWNLOAD_BYTES = 4 * 1024**3  # no translation package is bigger; a larger promise is refused
DOWNLOAD_DEADLINE = 3600.0  # seconds for one package, whatever the per-read timeout allows
MIN_RATE = 16 * 1024  # bytes a second, on average, once RATE_GRACE seconds have passed
RATE_GRACE = 60.0


def _size_limit(meta: dict) -> int:
    """The most bytes a download may bring: the index's declared size (with slack), else the maximum."""
    for key in ("size", "package_size", "filesize"):
        try:
            declared = int(meta.get(key) or 0)
        except (TypeError, ValueError):
            declared = 0
        if declared > 0:
            return min(MAX_DOWNLOAD_BYTES, declared + declared // 10 + 1024)
    return MAX_DOWNLOAD_BYTES


# --- download ------------------------------------------------------------------------------


def download(
    meta: dict,
    dest_dir: Path,
    *,
    progress: Progress | None = None,
    deadline: float = DOWNLOAD_DEADLINE,
    clock: Callable[[], float] = time.monotonic,
) -> Path:
    """Stream the package to a file in *dest_dir*, checking its SHA-256 when the index has one.

    Each link is tried in turn; a download that fails, runs past the size limit or the overall
    deadline, or whose checksum differs is deleted (on every exit path, interrupts included).
    """
    links = meta.get("links") or []
    if not links:
        raise ModelError(
            _("index entry {code} has no download links").format(code=meta.get("code") or meta.get("from_code"))
        )
    want = expected_checksum(meta)
    limit = _size_limit(meta)
    errors = []
    for link in links:
        fd, part = tempfile.mkstemp(prefix=f".download-{os.getpid()}-", suffix=".part", dir=dest_dir)
        digest = hashlib.sha256()
        started = clock()
        try:
            with os.fdopen(fd, "wb") as out, _open(link) as response:
                total = (
                    int(getattr(response, "headers", {}).get("Content-Length") or 0)
                    if hasattr(response, "headers")
                    else 0
                )
                if not total:
                    try:
                        total = os.fstat(response.fileno()).st_size
                    except (OSError, AttributeError, ValueError):
                        total = 0
                if total > limit:
                    raise ModelError(
                        _("the package is {size} MB, over the {limit} MB limit").format(
                            size=total // 2**20, limit=limit // 2**20
                        )
                    )
                done = 0
                # read1 returns what has arrived: a server that trickles bytes cannot hold a read
                # (and the checks below) for hours, as read(64 KiB) waiting for a full chunk would.
                read = getattr(response, "read1", response.read)
                while chunk := read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if done > limit:
                        raise ModelError(
                            _("the download passed {limit} MB, more than the package can be").format(
                                limit=limit // 2**20
                            )
                        )
                    elapsed = clock() - started
                    if elapsed > deadline:
                        raise ModelError(
                            _("the download took over {minutes:.0f} minutes").format(minutes=deadline / 60)
                        )
                    if elapsed > RATE_GRACE and done / elapsed < MIN_RATE:
                        raise ModelError(
                            _("the download is too slow ({rate:.1f} KB/s, under {least} KB/s)").format(
                                rate=done / elapsed / 1024, least=MIN_RATE // 1024
                            )
                        )
                    if progress:
                        progress(done, total)
            if want and digest.hexdigest() != want:
                raise ModelError(
                    _("checksum mismatch: expected {want}…, got {got}…").format(
                        want=want[:12], got=digest.hexdigest()[:12]
                    )
                )
            return Path(part)
        except (OSError, ValueError, ModelError) as exc:
            errors.append(f"{link}: {getattr(exc, 'reason', None) or exc}")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(part)
            raise
        with contextlib.suppress(OSError):
            os.unlink(part)
    raise ModelError(_("download failed: {errors}").format(errors="; ".join(errors)), hint=install_hint())
