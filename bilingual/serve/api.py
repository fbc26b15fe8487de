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

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from bilingual import refusals
from bilingual.arabic import ARABIC_RUN
from bilingual.errors import BilingualError
from bilingual.jobs.files import file_extensions
from bilingual.refusals import Failures
from bilingual.serve import files, spec
from bilingual.serve.access import AccessLog
from bilingual.serve.batcher import Batcher, Overloaded
from bilingual.serve.parameters import (
    ApiError,
    Settings,
    check_key,
    check_languages,
    check_rate,
    error,
    glossary_of,
    parameters,
    texts_of,
)

if TYPE_CHECKING:
    from bilingual.desk.guard import DeskSettings

log = logging.getLogger("bilingual.serve")
LANGUAGES = [
    {"code": "en", "name": "English", "targets": ["ar"]},
    {"code": "ar", "name": "Arabic", "targets": []},
]


async def translate(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    params = await parameters(request, settings.max_body)
    key = check_key(settings, params)
    check_rate(settings, key, request)
    texts, many = texts_of(params, settings)
    auto = check_languages(params)
    fmt = str(params.get("format") or "text")
    if fmt not in ("text", "html"):
        raise ApiError(400, "{format} format is not supported", format=fmt)
    glossary = glossary_of(settings, params)
    if settings.batcher is None:
        raise ApiError(503, "No translation model is loaded: install one, then restart the server")
    try:
        result = await settings.batcher.translate(texts, markup=fmt, glossary=glossary)
    except Overloaded:
        raise ApiError(503, "The server is busy: too many texts are waiting; try again shortly") from None
    names = [[{"english": r.english, "arabic": r.arabic, "status": r.status} for r in rows] for rows in result.names]
    body: dict[str, Any] = {"translatedText": result.translations if many else result.translations[0]}
    if auto:
        detected = {"confidence": 90.0, "language": "en"}
        body["detectedLanguage"] = [detected] * len(texts) if many else detected
    wanted = str(params.get("alternatives") or "0")
    if wanted.isascii() and wanted.isdigit() and wanted.strip("0"):  # "²" and 5,000 digits are no count
        body["alternatives"] = [[] for _t in texts] if many else []
    body["names"] = names if many else names[0]
    headers = {"X-Bilingual-Glossary": glossary.fingerprint if glossary is not None else "none"}
    return JSONResponse(body, headers=headers)


async def languages(request: Request) -> Response:
    return JSONResponse(LANGUAGES)


async def suggest(request: Request) -> Response:
    """An editor's better translation (``q`` the English, ``s`` the Arabic), recorded in the memory as
    an edit — off unless the server runs with ``--suggestions``, as LibreTranslate's."""
    from starlette.concurrency import run_in_threadpool

    from bilingual.jobs.text import SuggestRequest, record_suggestion

    settings: Settings = request.app.state.settings
    if not settings.suggestions:
        raise ApiError(403, "Suggestions are disabled on this server.")
    params = await parameters(request, settings.max_body)
    key = check_key(settings, params)
    check_rate(settings, key, request)
    source, better = params.get("q"), params.get("s")
    if not isinstance(source, str) or not source.strip():
        raise ApiError(400, "Invalid request: missing q parameter")
    if not isinstance(better, str) or not better.strip():
        raise ApiError(400, "Invalid request: missing s parameter")
    check_languages(params)
    glossary = glossary_of(settings, params)
    outcome = await run_in_threadpool(record_suggestion, settings.workspace, SuggestRequest(source, better), glossary)
    if outcome == "conflict":
        raise ApiError(409, "An editor's translation of this text is in the memory: the suggestion was not recorded")
    return JSONResponse({"success": True})


async def detect(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    params = await parameters(request, settings.max_body)
    check_rate(settings, check_key(settings, params), request)
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
        "suggestions": settings.suggestions,
        "filesTranslation": settings.files,
        "supportedFilesFormat": file_extensions(),
        "language": {"source": {"code": "en", "name": "English"}, "target": {"code": "ar", "name": "Arabic"}},
    })  # fmt: skip


#: The tab's icon: ب on the desk's green, so a browser's first request is no 404 in the log.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1b5e4a"/>'
    '<text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="serif">ب</text></svg>'
)


async def favicon(request: Request) -> Response:
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


__all__ = ["ApiError", "Settings", "make_app"]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, str(exc.detail))


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
        Route("/languages", languages, methods=["GET", "POST"]),
        Route("/translate_file", files.translate_file, methods=["POST"]),
        Route("/download_file/{filename}", files.download_file, methods=["GET"], name="download_file"),
        Route("/suggest", suggest, methods=["POST"]),
        Route("/spec", spec.openapi, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/detect", detect, methods=["POST"]),
        Route("/frontend/settings", frontend_settings, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    if desk is not None:
        from bilingual.desk.app import desk_app, home

        routes += [Route("/", home), Mount("/desk", app=desk_app(desk))]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(AccessLog), Middleware(Failures)],
        exception_handlers={BilingualError: refusals.handler(), HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app
