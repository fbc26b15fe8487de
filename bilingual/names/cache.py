"""The disk cache: the glossary's parsed entries, their check findings and the matcher's
automaton; and the name lexicons ``glossary suggest`` builds from its libraries' data.

An unchanged glossary of 100,000 entries then loads in a fraction of a second. The cache
folder is the user's, but anyone who can write there must not be able to run code or plant
entries: every file carries an HMAC-SHA256 of its payload under a key kept outside the cache
(``cache.key`` in the user data folder, mode 0600), and a file whose MAC does not match is
ignored (and rebuilt). Files are 0600 in 0700 folders of the user's own, created without following a
link (:func:`bilingual.fsutil.private_folder`); anything else found at a cache path is moved aside
or ignored. Only then is the payload deserialised (marshal for rows, pickle for
pyahocorasick's automaton, which has no other serialisation).

The key of a cached value covers everything that shapes it: the cache format version, the
message language (findings are stored as the user reads them), and each file's path and
content hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bilingual import signing
from bilingual.errors import BilingualError, GlossaryError
from bilingual.fsutil import cache_folder, read_private, write_private
from bilingual.i18n import _

CACHE_VERSION = "2"


T = TypeVar("T")


def cache_dir() -> Path:
    """The glossary cache's folder: private from the cache's root down, or an error (then nothing is cached)."""
    return cache_folder("glossary")


def cache_key(files: list[Path], language: str) -> str:
    """The key of the cached value for these files' contents, read in *language*."""
    digest = hashlib.sha256(f"{CACHE_VERSION}\0{language}\0".encode())
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise GlossaryError(_("cannot read: {error}").format(error=exc.strerror), path=file) from exc
        digest.update(str(file.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def read(name: str, *, kind: str) -> Any | None:
    """The cached value *name* (``kind`` marshal or pickle) if present and signed by us, else None."""
    secret = signing.secret()
    if secret is None:
        return None
    try:
        blob = read_private(cache_dir() / name)
    except (OSError, BilingualError):  # no private cache folder to be had: nothing is cached
        return None
    if blob is None:
        return None
    given, payload = blob[: signing.MAC_BYTES], blob[signing.MAC_BYTES :]
    if not signing.verify(secret, given, payload):
        return None
    try:
        return marshal.loads(payload) if kind == "marshal" else pickle.loads(payload)  # noqa: S301, S302 (signed by us)
    except (EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError):
        return None


def write(name: str, value: Any, *, kind: str) -> None:
    """Store *value* signed; a cache that cannot be written is no error."""
    secret = signing.secret()
    if secret is None:
        return
    payload = marshal.dumps(value) if kind == "marshal" else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError, BilingualError):
        write_private(cache_dir() / name, signing.mac(secret, payload) + payload)


def lexicon_key(name: str, version: str, packages: tuple[str, ...]) -> str:
    """What shapes a lexicon: its name, *version* (its data and code) and *packages*' installed versions."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    parts = [name, version]
    for package in packages:
        try:
            parts.append(f"{package}={installed(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=-")
    return " ".join(parts)


def lexicon(
    name: str, version: str, packages: tuple[str, ...], build: Callable[[], T], *, shipped: Path | None = None
) -> T:
    """A lexicon *build()* makes from the data of *packages* (a dict or list of plain values),
    cached signed under a key of *version* and those packages' installed versions.

    *shipped* is the same lexicon built when the package was made (gzipped JSON holding its key and
    value, ``tools/build_lexicons.py``): taken where its key is this installation's, so a first run
    reads it instead of building for half a minute.
    """
    key = lexicon_key(name, version, packages)
    file = f"lexicon-{name}-{hashlib.sha256(f'{CACHE_VERSION} {key}'.encode()).hexdigest()[:24]}.marshal"
    value = read(file, kind="marshal")
    if value is None:
        value = read_shipped(shipped, key) if shipped is not None else None
        if value is None:
            for hear in BUILDING:
                hear(name)
            value = build()
        write(file, value, kind="marshal")
    return value


def read_shipped(path: Path, key: str) -> Any | None:
    """The value of a shipped lexicon built under *key*, or None (absent, unreadable, another key)."""
    import gzip
    import json

    try:
        held = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError, ValueError):
        return None
    return held.get("value") if isinstance(held, dict) and held.get("key") == key else None


#: Who is told when a lexicon is built rather than read from the cache (a first run's minute is
#: said, not spent in silence): a use case adds its listener for the time it runs.
BUILDING: list[Callable[[str], None]] = []


@contextlib.contextmanager
def telling(listener: Callable[[str], None]) -> Iterator[None]:
    """Within the block, *listener* hears the name of each lexicon built (not read from the cache)."""
    BUILDING.append(listener)
    try:
        yield
    finally:
        BUILDING.remove(listener)
