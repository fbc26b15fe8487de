"""Request bodies read with a bound, for every front end that serves HTTP (the API, the desk)."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request


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


class BadJson(ValueError):
    """A body that is no JSON a route can take: not JSON, nested past any request's depth, or holding
    text no document can store (a lone surrogate, ``"\\ud800"``)."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def load_json(body: bytes) -> Any:
    """*body* parsed as JSON, or :class:`BadJson`: one client's bad text is refused here, before it
    reaches a shared engine batch or a document."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise BadJson("nested too deep") from None
    except (UnicodeDecodeError, ValueError):
        raise BadJson("not JSON") from None
    stack = [data]
    while stack:  # every string, keys included, without recursion
        item = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                raise BadJson("a lone surrogate")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return data
