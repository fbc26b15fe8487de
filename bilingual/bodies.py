"""Request bodies read with a bound, for every front end that serves HTTP (the API, the desk)."""

from __future__ import annotations

from starlette.requests import Request

from bilingual.encoding import BadJson, load_json

__all__ = ["BadJson", "BodyTooLarge", "load_json", "read_bounded"]


class BodyTooLarge(Exception):
    """A request body over its limit, refused before it is all read."""


async def read_bounded(request: Request, limit: int) -> bytes:
    """The body, refused past *limit* bytes before it is all read (a 10 MB ``q`` costs nothing):
    the API and the desk both read bodies so."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)
