"""What every API route shares: the server's settings, LibreTranslate's error, and reading a
request's parameters (query string, JSON or form, bounded), its key, its rate, its languages."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from bilingual.bodies import BadJson, BodyTooLarge, load_json, read_bounded
from bilingual.engines import Engine
from bilingual.errors import Refused
from bilingual.names.glossary import Glossary
from bilingual.serve.batcher import Batcher
from bilingual.workspace import Workspace

if TYPE_CHECKING:
    from bilingual.serve.files import Downloads


@dataclass
class Settings:
    """What the server was started with (the command line builds it)."""

    engine: Engine | None  # None: no model could be loaded; /translate answers 503, the desk still reviews
    glossaries: dict[str, Glossary | None]  # by glossary_id; without "default", the workspace's (read again on change)
    api_keys: frozenset[str] = frozenset()  # empty: no key needed
    char_limit: int = 20_000  # characters in one request, all texts together
    req_limit: int = 0  # requests a minute per key (or client address); 0: no limit
    max_body: int = 2 * 1024 * 1024  # bytes
    max_queue: int = 2048
    batch_texts: int = 0  # texts in one engine batch (0: one engine round; see serve/batcher.py)
    window: float = 0.01
    files: bool = True  # /translate_file
    suggestions: bool = False  # /suggest (LibreTranslate's --suggestions): off unless asked
    workspace: Workspace = field(default_factory=Workspace)  # the default glossary, the memory /suggest records in
    max_file: int = 8 * 1024 * 1024  # bytes of one /translate_file upload
    downloads: Downloads | None = field(default=None, repr=False)
    batcher: Batcher | None = field(default=None, repr=False)
    _calls: dict[str, deque[float]] = field(default_factory=dict, repr=False)


#: The API's refusals are the web's one kind (errors.Refused): a status, a catalog message, its fields.
ApiError = Refused


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    try:
        return await read_bounded(request, limit)
    except BodyTooLarge:
        raise ApiError(413, "Invalid request: the request body is over {limit} bytes", limit=limit) from None


async def parameters(request: Request, limit: int) -> dict[str, Any]:
    """The request's parameters from the query string, then a JSON or form body (the body wins)."""
    params: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    body = await _read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if body and kind == "application/json":
        try:
            data = load_json(body)
        except BadJson as bad:
            if str(bad) == "a lone surrogate":
                raise ApiError(
                    400, "Invalid request: the text holds a lone surrogate (half of a broken character)"
                ) from None
            raise ApiError(400, "Invalid request: the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "Invalid request: the JSON body must be an object")
        params.update({k: v for k, v in data.items()})
        return {k: (v[0] if isinstance(v, list) and k != "q" and len(v) == 1 else v) for k, v in params.items()}
    if body:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "Invalid request: the body is not UTF-8") from None
        form: dict[str, list[str]] = {}
        try:
            pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise ApiError(400, "Invalid request: the body is not UTF-8") from None
        for key, value in pairs:
            form.setdefault(key, []).append(value)
        params.update(form)
    return {k: (v[0] if len(v) == 1 else v) for k, v in params.items()}


def check_key(settings: Settings, params: dict[str, Any]) -> str:
    key = str(params.get("api_key") or "")
    if settings.api_keys and key not in settings.api_keys:
        raise ApiError(403, "Invalid API key")
    return key


def check_rate(settings: Settings, key: str, request: Request) -> None:
    """Count the request against its client's limit a minute: the key when keys are configured (a key
    is checked before), else the client's address — an ``api_key`` made up per request is no new client."""
    if not settings.req_limit:
        return
    who = key if settings.api_keys else (request.client.host if request.client else "?")
    now = time.monotonic()
    calls = settings._calls.setdefault(who, deque())
    while calls and now - calls[0] > 60:
        calls.popleft()
    if len(calls) >= settings.req_limit:
        raise ApiError(429, "Too many request limits violations")
    calls.append(now)


def texts_of(params: dict[str, Any], settings: Settings) -> tuple[tuple[str, ...], bool]:
    q = params.get("q")
    if q is None or q == "" or q == []:
        raise ApiError(400, "Invalid request: missing q parameter")
    many = isinstance(q, list)
    texts = tuple(q) if many else (q,)
    if not all(isinstance(t, str) for t in texts):
        raise ApiError(400, "Invalid request: q must be a string or a list of strings")
    if len(texts) > settings.max_queue:  # never "busy" (503, try again) for what no wait can take
        raise ApiError(400, "Invalid request: {count} texts in one request, more than the server takes ({limit}); "
                       "send them in several requests", count=len(texts), limit=settings.max_queue)  # fmt: skip
    size = sum(len(t) for t in texts)
    if settings.char_limit and size > settings.char_limit:
        raise ApiError(400, "Invalid request: request ({size}) exceeds text limit ({limit})", size=size,
                       limit=settings.char_limit)  # fmt: skip
    return texts, many


def check_languages(params: dict[str, Any]) -> bool:
    """Whether the source was ``auto``; anything but en (or auto) → ar is refused as LibreTranslate does."""
    source, target = str(params.get("source") or ""), str(params.get("target") or "")
    if not source:
        raise ApiError(400, "Invalid request: missing source parameter")
    if not target:
        raise ApiError(400, "Invalid request: missing target parameter")
    if source not in ("en", "auto"):
        raise ApiError(400, "{code} is not supported", code=source)
    if target != "ar":
        raise ApiError(400, "{code} is not supported", code=target)
    return source == "auto"


def glossary_of(settings: Settings, params: dict[str, Any]) -> Glossary | None:
    """The glossary a request picks with ``glossary_id`` (``default``: the server's own)."""
    glossary_id = str(params.get("glossary_id") or "default")
    if glossary_id in settings.glossaries:
        return settings.glossaries[glossary_id]
    if glossary_id == "default":
        return settings.workspace.glossary()  # an editor's glossary edit is seen at the next request
    raise ApiError(400, "Invalid request: unknown glossary_id {id!r}", id=glossary_id)
