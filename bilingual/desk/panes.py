"""The desk's panes beside a row: what the memory knows (near matches, a concordance) and a fresh
machine translation of one segment. Each route parses, calls a use case, and answers JSON."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

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
