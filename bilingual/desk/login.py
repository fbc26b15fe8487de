"""Signing in and out of the desk when it has a users file: a password (or a token) for a session cookie."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bilingual.desk import pages
from bilingual.desk.guard import COOKIE, SESSION_COOKIE, DeskSettings
from bilingual.errors import Refused


async def page(request: Request) -> Response:
    return pages.page(request, "login.html")


async def sign_in(request: Request) -> Response:
    settings: DeskSettings = request.app.state.desk
    if settings.accounts is None:
        raise Refused(404, "this desk has no accounts: open the address `bilingual serve` printed")
    data: dict[str, Any] = await pages.json_body(request)
    token = data.get("token")
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    keys = ("client:" + (request.client.host if request.client else "-"), "name:" + str(name).strip().casefold())
    wait = settings.accounts.throttle.wait(*keys)
    if wait > 0:
        raise Refused(429, "too many failed sign-ins: try again in {seconds} seconds", seconds=int(wait) + 1)
    if isinstance(token, str) and token:
        user = settings.accounts.by_token(token)
    else:
        user = await run_in_threadpool(
            settings.accounts.by_password, pages.text_field(data, "name"), pages.text_field(data, "password")
        )
    if user is None:
        settings.accounts.throttle.failed(*keys)
        raise Refused(401, "wrong name, password or token")
    settings.accounts.throttle.cleared(keys[0])
    answer = JSONResponse({"name": user.name, "role": user.role})
    secure = request.url.scheme == "https"
    if isinstance(token, str) and token:
        answer.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/", secure=secure)
    else:
        sid = settings.accounts.start_session(user)
        answer.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="strict", path="/", secure=secure)
    return answer


async def sign_out(request: Request) -> Response:
    settings: DeskSettings = request.app.state.desk
    if settings.accounts is not None:
        settings.accounts.end_session(request.cookies.get(SESSION_COOKIE, ""))
    answer = JSONResponse({"signed_out": True})
    answer.delete_cookie(SESSION_COOKIE, path="/")
    answer.delete_cookie(COOKIE, path="/")
    return answer
