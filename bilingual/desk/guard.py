"""The desk's door: who may come in, what a page may change, and in which language it speaks.

- **Token.** When the desk has one (it must, beyond 127.0.0.1), every request shows it: an
  ``Authorization: Bearer`` header, or the ``bilingual_desk`` cookie set when the address the
  server printed (``/desk/?token=…``) is opened. Without it: 401.
- **CSRF.** Every state-changing request carries ``X-CSRF-Token`` equal to the server's, which only
  the desk's own pages can read (a ``<meta>`` of the page); a request from another site's page,
  with or without the cookie, is refused (403), and so is one whose ``Origin`` is not this server.
- **Accounts.** With a users file (``--users``, :mod:`bilingual.accounts`) each editor shows their
  own token (the same ways) or signs in with a password at ``/desk/login`` (a session cookie:
  HttpOnly, SameSite=Strict, Secure over HTTPS); the account is the request's ``bilingual_account``
  (the routes check its role; the request log names it). A page without an account is sent to
  the login page; anything else gets 401.
- **Host.** Without a token (127.0.0.1 only), a request naming another host is refused, so a
  page on another site whose name was pointed at this machine (DNS rebinding) gets nothing.
- **Headers.** A Content-Security-Policy with no inline script and no other origin, so even text
  that slipped through the escaping could not run; no sniffing, no referrer, no framing.
- **Language.** The page's own choice (``?lang=``, kept in a cookie), else Arabic when the browser
  asks for it first or the server was started with ``LANGUAGE=ar``; else English.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilingual import i18n
from bilingual.accounts import Accounts, User
from bilingual.workspace import Workspace

COOKIE = "bilingual_desk"
SESSION_COOKIE = "bilingual_session"
OPEN_PATHS = ("/login", "/static/", "/font/")  # what a visitor without an account may fetch
LANG_COOKIE = "bilingual_lang"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")  # fmt: skip
SAFE_METHODS = ("GET", "HEAD")


@dataclass
class DeskSettings:
    """What the desk was started with."""

    workspace: Workspace = field(default_factory=Workspace)  # the folder, glossary, memory and engine
    who: str = ""  # the editor's name given at start; a page may give its own
    token: str = ""  # empty: no token needed (loopback only)
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    max_body: int = 1 << 20  # bytes of a JSON request
    max_upload: int = 8 << 20  # bytes of an uploaded article
    accounts: Accounts | None = None  # a users file: each editor their own token or password, with a role

    @property
    def can_translate(self) -> bool:
        """Whether the server loaded an engine (else the page cannot translate new articles)."""
        return self.workspace.loaded_engine is not None


def language(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE, "")
    if chosen in ("ar", "en"):
        return chosen
    accepted = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip().lower()
    if accepted.startswith("ar") or (not accepted.startswith("en") and i18n.language() == "ar"):
        return "ar" if i18n.has_catalog("ar") else "en"
    if not accepted and i18n.language() == "ar":
        return "ar"
    return "en"


def is_loopback(host: str) -> bool:
    """Whether a Host header's name is this machine: localhost or any loopback address (127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _token_of(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(COOKIE, "")


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware in front of the desk's routes: token, CSRF, origin, and the security headers on
    every answer (an error no route handled is answered inside it by :class:`bilingual.refusals.Failures`,
    so its page carries the headers too)."""

    def __init__(self, app: ASGIApp, settings: DeskSettings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = self._refusal(request) if self.settings.accounts is None else self._account_refusal(request, scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                            (b"cache-control", b"no-store")]  # fmt: skip
            await send(message)

        await self.app(scope, receive, with_headers)

    def _account_refusal(self, request: Request, scope: Scope) -> Response | None:
        """With a users file: who the request is (a token, or a password login's session), else a refusal."""
        accounts = self.settings.accounts
        assert accounts is not None
        given = request.query_params.get("token")
        if given is not None and request.method in SAFE_METHODS and accounts.by_token(given) is not None:
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            answer = RedirectResponse(request.url.path + ("?" + urlencode(rest) if rest else ""), status_code=303)
            answer.set_cookie(COOKIE, given, httponly=True, samesite="strict", path="/",
                              secure=request.url.scheme == "https")  # fmt: skip
            return answer
        user: User | None = accounts.by_token(_token_of(request)) or accounts.by_session(
            request.cookies.get(SESSION_COOKIE, "")
        )
        scope["bilingual_account"] = user
        if user is None and not request.url.path.removeprefix(scope.get("root_path", "")).startswith(OPEN_PATHS):
            if request.method in SAFE_METHODS and "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/desk/login", status_code=303)
            return PlainTextResponse("401: sign in at /desk/login, or show your token", status_code=401)
        return self._same_site(request)

    def _refusal(self, request: Request) -> Response | None:
        token = self.settings.token
        if not token and not is_loopback(_hostname(request.headers.get("host", ""))):
            # Without a token the desk serves this machine only: a page elsewhere whose name was made
            # to point here (DNS rebinding) is not this desk, and gets nothing.
            return PlainTextResponse("403: this desk answers to 127.0.0.1 and localhost only", status_code=403)
        if token:
            given = request.query_params.get("token")
            if given is not None and request.method in SAFE_METHODS and _same(given, token):
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                url = request.url.path + ("?" + urlencode(rest) if rest else "")
                answer = RedirectResponse(url, status_code=303)
                answer.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
                return answer
            if not _same(_token_of(request), token):
                return PlainTextResponse(
                    "401: this desk needs its token: open the address `bilingual serve` printed", status_code=401
                )
        return self._same_site(request)

    def _same_site(self, request: Request) -> Response | None:
        if request.method not in SAFE_METHODS:
            origin = request.headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host", ""):
                return PlainTextResponse("403: a request from another site's page is refused", status_code=403)
            if not _same(request.headers.get("x-csrf-token", ""), self.settings.csrf):
                return PlainTextResponse(
                    "403: the request lacks the page's CSRF token; reload the page", status_code=403
                )
        return None


def allow(request: Request, action: str) -> None:
    """Refuse (403) an action the signed-in account's role does not allow (no users file: one person, who may all)."""
    settings: DeskSettings = request.app.state.desk
    user: User | None = request.scope.get("bilingual_account")
    if settings.accounts is None or (user is not None and user.may(action)):
        return
    from bilingual.errors import Refused

    raise Refused(403, "your role ({role}) does not allow this ({action}): ask a reviewer or an admin",
                  role=user.role if user else "-", action=action)  # fmt: skip
