"""The defences every zip the tool opens goes through: model packages, OPUS-MT archives, Word documents.

Checked from the central directory before a byte is unpacked: no member twice (which one would
win?), no more members than the kind of file holds, no member expanding more than a real file
compresses (zip bombs do), a bounded total unpacked size. Each caller says its bounds and the error
class its users see (a model error, an input error).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from bilingual.errors import BilingualError
from bilingual.i18n import _


@dataclass(frozen=True)
class ZipBounds:
    """What a kind of zip may hold: members, total unpacked bytes, and the ratio no real member exceeds
    (checked for members over *ratio_from* bytes unpacked: tiny members compress as they like)."""

    members: int
    total: int
    ratio: int
    ratio_from: int = 1 << 20


def check_zip(infos: Sequence[zipfile.ZipInfo], bounds: ZipBounds, *, path: str, error: type[BilingualError],
              hint: str = "") -> None:  # fmt: skip
    """Raise *error* naming *path* unless *infos* keep within *bounds*."""
    if len(infos) > bounds.members:
        raise error(_("the archive holds {n:,} members, over the {limit:,} this kind of file has").format(
            n=len(infos), limit=bounds.members), path=path, hint=hint)  # fmt: skip
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise error(_("the archive holds {name!r} twice").format(name=info.filename), path=path, hint=hint)
        seen.add(info.filename)
        if info.file_size > bounds.ratio * max(info.compress_size, 1) and info.file_size > bounds.ratio_from:
            raise error(
                _("archive member {name!r} expands {ratio:.0f} times: refused as a zip bomb").format(
                    name=info.filename, ratio=info.file_size / max(info.compress_size, 1)
                ),
                path=path,
                hint=hint,
            )
        total += info.file_size
    if total > bounds.total:
        raise error(
            _("the archive unpacks to {size:.1f} MB, over the {limit:.0f} MB limit").format(
                size=total / 1048576, limit=bounds.total / 1048576
            ),
            path=path,
            hint=hint,
        )


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """A member's bytes, reading no more than *limit* + 1 whatever its header claims; None when absent."""
    try:
        with archive.open(name) as handle:
            return handle.read(limit + 1)
    except KeyError:
        return None
