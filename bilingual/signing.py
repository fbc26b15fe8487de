"""The user's signing key: what tells the tool's own files from files planted beside them.

One random key per user (``cache.key`` in the user data folder, 0600, never followed through a
link) signs what the tool later trusts from disk: the glossary cache (:mod:`bilingual.names.cache`)
and the commit journals of multi-file glossary edits (:mod:`bilingual.journal`). A file whose MAC
does not match was not written by this user's bilingual, and nothing in it is done.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from bilingual.fsutil import read_private, write_private

MAC_BYTES = 32


def key_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("bilingual")) / "cache.key"


def secret() -> bytes | None:
    """The signing key (created on first use, readable by the user alone); None if it cannot be had."""
    path = key_path()
    data = read_private(path, limit=4096)
    if data is not None and len(data) >= MAC_BYTES:
        return data
    try:
        write_private(path, os.urandom(MAC_BYTES))
    except OSError:
        return None
    data = read_private(path, limit=4096)
    return data if data is not None and len(data) >= MAC_BYTES else None


def mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def verify(key: bytes, given: bytes, payload: bytes) -> bool:
    return len(given) == MAC_BYTES and hmac.compare_digest(given, mac(key, payload))
