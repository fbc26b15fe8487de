"""The desk's panes beside a row: what the memory knows (near matches, a concordance) and a fresh
machine translation of one segment. Each route parses, calls a use case, and answers JSON."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bilingual.desk.guard import allow
from bilingual.desk.pages import json_body, settings_of, text_field
from bilingual.errors import Refused
from bilingual.jobs import matches


def _shown(match: matches.Match) -> dict[str, Any]:
    return {"score": match.score, "source": match.source, "target": match.target, "status": match.status,
            "who": match.who, "diff": [list(part) for part in match.diff]}  # fmt: skip


async def segment_matches(request: Request) -> Response:
    workspace = request.app.state.desk.workspace
    found = await run_in_threadpool(matches.segment_matches, workspace, request.path_params["name"],
                                    request.query_params.get("segment", ""))  # fmt: skip
    return JSONResponse([_shown(m) for m in found])


async def concordance(request: Request) -> Response:
    workspace = request.app.state.desk.workspace
    found = await run_in_threadpool(matches.concordance, workspace, request.query_params.get("q", ""))
    return JSONResponse([_shown(m) for m in found])


async def retranslate(request: Request) -> Response:
    """A fresh machine translation of one segment, as a suggestion (nothing is written)."""
    settings = settings_of(request)
    allow(request, "edit")
    if not settings.can_translate:
        raise Refused(503, "no translation engine is loaded: install a model, then restart bilingual serve")
    data = await json_body(request)
    fresh = await run_in_threadpool(matches.fresh_translation, settings.workspace, request.path_params["name"],
                                    text_field(data, "segment"))  # fmt: skip
    return JSONResponse({"target": fresh.target,
                         "names": [{"english": e, "arabic": a, "missing": not ok} for e, a, ok in fresh.names]})  # fmt: skip
