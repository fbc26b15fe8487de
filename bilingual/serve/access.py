"""The server's request log: one line a request — when, the client, the desk account (``-`` for none), the method, the path (never the
query string, which may carry a token or an API key), the status and the time taken."""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("bilingual.access")


class AccessLog:
    """ASGI middleware writing :data:`log` lines for every HTTP request, the desk's and the API's."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = (scope.get("client") or ("-", 0))[0]
            path = scope.get("path", "").encode("ascii", "backslashreplace").decode("ascii")[:300]
            account = scope.get("bilingual_account")
            who = account.name.encode("ascii", "backslashreplace").decode("ascii")[:80] if account else "-"
            log.info("%s %s %s %s %d %.0f ms", client, who, scope.get("method", "-"), path, status[0],
                     (time.perf_counter() - started) * 1000)  # fmt: skip


def log_requests() -> None:
    """Send the request log to standard error (the server's start-up calls this once)."""
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
