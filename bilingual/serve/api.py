"""LibreTranslate's HTTP API, answered by bilingual with the newsroom's glossary enforced.

The routes LibreTranslate serves, with its parameters and error shapes, so its clients
(libretranslatepy posts a form, deep-translator puts everything in the query string, Weblate
posts JSON lists) work unchanged: ``POST /translate``, ``GET /languages``, ``POST /detect``,
``GET /frontend/settings``, ``GET /health``. Errors are ``{"error": "…"}`` with 400 (a bad
request), 403 (API key), 413 (a body over the limit), 429 (rate limit), 503 (the queue is full),
500, and 405 for a wrong method. What LibreTranslate does not have rides along where its clients
ignore it: ``names`` in the answer (every glossary name occurrence, per text) and the
``X-Bilingual-Glossary`` header; ``glossary_id`` picks one of the glossaries the server knows.

With a desk (``bilingual serve FOLDER``), the editors' pages are mounted at ``/desk``
(:mod:`bilingual.desk.app`) and ``/`` leads there.

The routes only parse and answer: the translation is the text use case
(:func:`bilingual.jobs.text.translate_texts`), reached through the :class:`~bilingual.serve.batcher.Batcher`.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from bilingual.arabic import ARABIC_RUN
from bilingual.bodies import BodyTooLarge, read_bounded
from bilingual.engines import Engine
from bilingual.names.glossary import Glossary
from bilingual.serve.batcher import Batcher, Overloaded

if TYPE_CHECKING:
    from bilingual.desk.guard import DeskSettings

log = logging.getLogger("bilingual.serve")
LANGUAGES = [
    {"code": "en", "name": "English", "targets": ["ar"]},
    {"code": "ar", "name": "Arabic", "targets": []},
]


@dataclass
class Settings:
    """What the server was started with (the command line builds it)."""

    engine: Engine | None  # None: no model could be loaded; /translate answers 503, the desk still reviews
    glossaries: dict[str, Glossary | None]  # by glossary_id; "default" is the server's glossary
    api_keys: frozenset[str] = frozenset()  # empty: no key needed
    char_limit: int = 20_000  # characters in one request, all texts together
    req_limit: int = 0  # requests a minute per key (or client address); 0: no limit
    max_body: int = 2 * 1024 * 1024  # bytes
    max_queue: int = 2048
    batch_texts: int = 256
    window: float = 0.01
    batcher: Batcher | None = field(default=None, repr=False)
    _calls: dict[str, deque[float]] = field(default_factory=dict, repr=False)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    try:
        return await read_bounded(request, limit)
    except BodyTooLarge:
        raise ApiError(413, f"Invalid request: the request body is over {limit} bytes") from None


async def parameters(request: Request, limit: int) -> dict[str, Any]:
    """The request's parameters from the query string, then a JSON or form body (the body wins)."""
    params: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    body = await _read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if body and kind == "application/json":
        try:
            data = json.loads(body)
        except (UnicodeDecodeError, ValueError):
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


def _check_key(settings: Settings, params: dict[str, Any]) -> str:
    key = str(params.get("api_key") or "")
    if settings.api_keys and key not in settings.api_keys:
        raise ApiError(403, "Invalid API key")
    return key


def _check_rate(settings: Settings, who: str) -> None:
    if not settings.req_limit:
        return
    now = time.monotonic()
    calls = settings._calls.setdefault(who, deque())
    while calls and now - calls[0] > 60:
        calls.popleft()
    if len(calls) >= settings.req_limit:
        raise ApiError(429, "Too many request limits violations")
    calls.append(now)


def _texts(params: dict[str, Any], settings: Settings) -> tuple[tuple[str, ...], bool]:
    q = params.get("q")
    if q is None or q == "" or q == []:
        raise ApiError(400, "Invalid request: missing q parameter")
    many = isinstance(q, list)
    texts = tuple(q) if many else (q,)
    if not all(isinstance(t, str) for t in texts):
        raise ApiError(400, "Invalid request: q must be a string or a list of strings")
    size = sum(len(t) for t in texts)
    if settings.char_limit and size > settings.char_limit:
        raise ApiError(400, f"Invalid request: request ({size}) exceeds text limit ({settings.char_limit})")
    return texts, many


def _languages(params: dict[str, Any]) -> bool:
    """Whether the source was ``auto``; anything but en (or auto) → ar is refused as LibreTranslate does."""
    source, target = str(params.get("source") or ""), str(params.get("target") or "")
    if not source:
        raise ApiError(400, "Invalid request: missing source parameter")
    if not target:
        raise ApiError(400, "Invalid request: missing target parameter")
    if source not in ("en", "auto"):
        raise ApiError(400, f"{source} is not supported")
    if target != "ar":
        raise ApiError(400, f"{target} is not supported")
    return source == "auto"


async def translate(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    params = await parameters(request, settings.max_body)
    key = _check_key(settings, params)
    _check_rate(settings, key or (request.client.host if request.client else "?"))
    texts, many = _texts(params, settings)
    auto = _languages(params)
    fmt = str(params.get("format") or "text")
    if fmt not in ("text", "html"):
        raise ApiError(400, f"{fmt} format is not supported")
    glossary_id = str(params.get("glossary_id") or "default")
    if glossary_id not in settings.glossaries:
        raise ApiError(400, f"Invalid request: unknown glossary_id {glossary_id!r}")
    glossary = settings.glossaries[glossary_id]
    if settings.batcher is None:
        raise ApiError(503, "No translation model is loaded: install one, then restart the server")
    try:
        result = await settings.batcher.translate(texts, html=fmt == "html", glossary=glossary)
    except Overloaded:
        raise ApiError(503, "The server is busy: too many texts are waiting; try again shortly") from None
    names = [[{"english": r.english, "arabic": r.arabic, "status": r.status} for r in rows] for rows in result.names]
    body: dict[str, Any] = {"translatedText": result.translations if many else result.translations[0]}
    if auto:
        detected = {"confidence": 90.0, "language": "en"}
        body["detectedLanguage"] = [detected] * len(texts) if many else detected
    if str(params.get("alternatives") or "0").isdigit() and int(str(params.get("alternatives") or "0")) > 0:
        body["alternatives"] = [[] for _t in texts] if many else []
    body["names"] = names if many else names[0]
    headers = {"X-Bilingual-Glossary": glossary.fingerprint if glossary is not None else "none"}
    return JSONResponse(body, headers=headers)


async def languages(request: Request) -> Response:
    return JSONResponse(LANGUAGES)


async def detect(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    params = await parameters(request, settings.max_body)
    _check_key(settings, params)
    q = params.get("q")
    if not q:
        raise ApiError(400, "Invalid request: missing q parameter")
    text = " ".join(q) if isinstance(q, list) else str(q)
    arabic = sum(len(run) for run in ARABIC_RUN.findall(text))
    letters = sum(1 for c in text if c.isalpha()) or 1
    language = "ar" if arabic * 2 > letters else "en"
    share = arabic / letters if language == "ar" else 1 - arabic / letters
    return JSONResponse([{"confidence": round(100 * share, 1), "language": language}])


async def frontend_settings(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    return JSONResponse({
        "charLimit": settings.char_limit or -1,
        "frontendTimeout": 500,
        "apiKeys": bool(settings.api_keys),
        "keyRequired": bool(settings.api_keys),
        "suggestions": False,
        "filesTranslation": False,
        "supportedFilesFormat": [],
        "language": {"source": {"code": "en", "name": "English"}, "target": {"code": "ar", "name": "Arabic"}},
    })  # fmt: skip


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error(exc.status, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, str(exc.detail))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
    return error(500, f"The translation failed: {type(exc).__name__}")


def make_app(settings: Settings, desk: DeskSettings | None = None) -> Starlette:
    """The ASGI application: the batcher starts with it and finishes what is queued at shutdown;
    with *desk*, the editors' desk is mounted at ``/desk``."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.engine is not None:
            settings.batcher = Batcher(settings.engine, settings.max_queue, settings.batch_texts, settings.window)
            await settings.batcher.start()
        try:
            yield
        finally:
            if settings.batcher is not None:
                await settings.batcher.stop()

    routes: list[BaseRoute] = [
        Route("/translate", translate, methods=["POST"]),
        Route("/languages", languages, methods=["GET"]),
        Route("/detect", detect, methods=["POST"]),
        Route("/frontend/settings", frontend_settings, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    if desk is not None:
        from bilingual.desk.app import desk_app, home

        routes += [Route("/", home), Mount("/desk", app=desk_app(desk))]
    app = Starlette(
        routes=routes,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error, Exception: _server_error},
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app
