"""How the web front ends answer what they cannot do: one handler for the desk and the API.

Each error class carries its HTTP status beside its exit code (:mod:`bilingual.errors`). A request
that fails with one of ours gets that status and its message in the request's language:
LibreTranslate's shape, ``{"error": message}``, for the API and for the desk's scripts, and the
desk's error page for a page a browser opens. Anything else is a bug: answered 500 with a request
id, logged as one line naming that id (the traceback as well only with ``BILINGUAL_DEBUG=1``), and
never re-raised to the server, so one looping client cannot fill the log with tracebacks.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilingual import i18n
from bilingual.errors import BilingualError, Refused

log = logging.getLogger("bilingual.serve")

#: Renders the desk's error page: (request, status, message) → response.
Page = Callable[[Request, int, str], Response]
#: The language a request is answered in.
Language = Callable[[Request], str]


def accepted_language(request: Request) -> str:
    """``ar`` when the client asks for Arabic first (``Accept-Language``) and the catalog has it."""
    first = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip().lower()
    return "ar" if first.startswith("ar") and i18n.has_catalog("ar") else "en"


def status_of(exc: BaseException) -> int:
    return exc.http_status if isinstance(exc, BilingualError) else 500


def message_of(exc: BaseException, lang: str) -> str:
    """What the user reads: a refusal in the request's language, our other errors as said."""
    if isinstance(exc, Refused):
        return exc.in_language(lang)
    return str(exc)


def failed(request: Request, exc: BaseException) -> str:
    """Log a bug in one line with a fresh request id (the traceback only when debugging); the id."""
    ident = secrets.token_hex(4)
    path = request.url.path.encode("ascii", "backslashreplace").decode("ascii")[:200]
    detail = str(exc).encode("ascii", "backslashreplace").decode("ascii")[:300]
    log.error("request %s: %s %s failed: %s: %s", ident, request.method, path, type(exc).__name__, detail,
              exc_info=exc if os.environ.get("BILINGUAL_DEBUG") else None)  # fmt: skip
    return ident


def answer(request: Request, exc: BaseException, *, language: Language = accepted_language,
           page: Page | None = None) -> Response:  # fmt: skip
    """The one answer to a failed request (see the module's notes)."""
    lang = language(request)
    status = status_of(exc)
    if status == 500:
        ident = failed(request, exc)
        sorry = Refused(500, "the server could not do that (request {id}); its log has the details", id=ident)
        return _respond(request, status, sorry.in_language(lang), page)
    return _respond(request, status, message_of(exc, lang), page)


def _respond(request: Request, status: int, message: str, page: Page | None) -> Response:
    if (
        page is not None
        and request.method in ("GET", "HEAD")
        and "application/json" not in request.headers.get("accept", "")
    ):
        return page(request, status, message)
    return JSONResponse({"error": message}, status_code=status)


def handler(*, language: Language = accepted_language, page: Page | None = None
            ) -> Callable[[Request, Exception], Awaitable[Response]]:  # fmt: skip
    """A Starlette exception handler answering with :func:`answer`."""

    async def handle(request: Request, exc: Exception) -> Response:
        return answer(request, exc, language=language, page=page)

    return handle


class Failures:
    """ASGI middleware: whatever a route raises is answered by :func:`answer` and ends there (not
    re-raised, as Starlette's own error middleware does, for the server to log a traceback)."""

    def __init__(self, app: ASGIApp, language: Language = accepted_language, page: Page | None = None) -> None:
        self.app, self.language, self.page = app, language, page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except BaseException as exc:  # an engine's KeyboardInterrupt fails its request, not the server
            if isinstance(exc, (SystemExit, GeneratorExit)) or type(exc).__name__ == "CancelledError":
                raise
            request = Request(scope)
            if started:  # the answer is under way: nothing else can be sent
                failed(request, exc)
                return
            await answer(request, exc, language=self.language, page=self.page)(scope, receive, send)
